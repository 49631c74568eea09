package pattern

import (
	"math/bits"
	"sync"
)

type opcode uint8

const (
	opTest   opcode = iota // the token at pos passes t: go on to the next token
	opSplit                // try x, and y if x fails
	opJmp                  // go to x
	opSave                 // capture slot x = pos
	opAssert               // pos is the sentence's start (x == 0) or end (x == 1)
	opMatch
)

type inst struct {
	op   opcode
	x, y int32
	t    *test
}

// rule is one compiled rule.
type rule struct {
	name string
	line int
	prog []inst
	caps []string // capture names; slot 2k and 2k+1 hold capture k
	// needs are the caller's class bits some token of any sentence the rule
	// matches must carry, one group each (a test every match passes, such
	// as @sayVerb): a sentence without them is not tried at all.
	needs []uint64
}

// Set is a compiled set of rules, safe for concurrent use.
type Set struct {
	rules []rule

	// What a rule's first token can be, to try at each token only the
	// rules that can start there.
	byLower   map[string][]int32
	byClass   [64][]int32
	classMask uint64
	byShape   [16][]int32
	shapeMask Shape
	fallback  []int32 // rules whose first token no key names: tried everywhere

	maxProg int
	pool    sync.Pool // *machine
}

// Compile reads rule text: one rule a line, "name: pattern" (RULES.md has
// the syntax). file names the text in errors, which are *Error. classes
// gives each @class its bits in Token.Class: a token is in the class when
// it has any of them.
func Compile(file, src string, classes map[string]uint64) (*Set, error) {
	p := &parser{file: file, src: src, classes: classes}
	parsed, err := p.parseFile()
	if err != nil {
		return nil, err
	}
	s := &Set{byLower: map[string][]int32{}}
	for i, pr := range parsed {
		prog, ok := compileRule(pr.root)
		if !ok {
			return nil, &Error{File: file, Line: pr.line, Col: 1, Msg: "rule " + pr.name + " is too large once its repeats are expanded"}
		}
		r := rule{name: pr.name, line: pr.line, prog: prog, caps: pr.caps, needs: needs(pr.root)}
		first, empty := firstTests(prog)
		if empty {
			return nil, &Error{File: file, Line: pr.line, Col: 1, Msg: "rule " + pr.name + " can match no tokens at all"}
		}
		s.index(int32(i), first)
		s.rules = append(s.rules, r)
		s.maxProg = max(s.maxProg, len(prog))
	}
	return s, nil
}

// Len is the number of rules.
func (s *Set) Len() int { return len(s.rules) }

// Name is the name of rule i, in the order of the text.
func (s *Set) Name(i int) string { return s.rules[i].name }

type compiler struct {
	prog []inst
	ok   bool
}

func compileRule(root *node) ([]inst, bool) {
	c := &compiler{ok: true}
	c.emitNode(root)
	c.emit(inst{op: opMatch})
	return c.prog, c.ok && len(c.prog) <= maxInsts
}

func (c *compiler) emit(in inst) int32 {
	if len(c.prog) > maxInsts {
		c.ok = false
		return int32(len(c.prog) - 1)
	}
	c.prog = append(c.prog, in)
	return int32(len(c.prog) - 1)
}

func (c *compiler) pc() int32 { return int32(len(c.prog)) }

// split emits a split whose targets patchSplit sets.
func (c *compiler) split() int32 { return c.emit(inst{op: opSplit}) }

// patchSplit sets a split's targets: body (the repeat or option) and out.
func (c *compiler) patchSplit(at, body, out int32, lazy bool) {
	if !c.ok || int(at) >= len(c.prog) {
		return
	}
	if lazy {
		body, out = out, body
	}
	c.prog[at].x, c.prog[at].y = body, out
}

func (c *compiler) emitNode(n *node) {
	if !c.ok {
		return
	}
	switch n.kind {
	case nTest:
		c.emit(inst{op: opTest, t: n.test})
	case nSeq:
		for _, k := range n.kids {
			c.emitNode(k)
		}
	case nAlt:
		var jumps []int32
		for i, k := range n.kids {
			if i == len(n.kids)-1 {
				c.emitNode(k)
				break
			}
			sp := c.emit(inst{op: opSplit})
			c.emitNode(k)
			jumps = append(jumps, c.emit(inst{op: opJmp}))
			c.patchSplit(sp, sp+1, c.pc(), false)
		}
		for _, j := range jumps {
			if c.ok {
				c.prog[j].x = c.pc()
			}
		}
	case nAssert:
		c.emit(inst{op: opAssert, x: int32(n.capture)})
	case nCapture:
		c.emit(inst{op: opSave, x: int32(2 * n.capture)})
		c.emitNode(n.kids[0])
		c.emit(inst{op: opSave, x: int32(2*n.capture + 1)})
	case nRepeat:
		body := n.kids[0]
		for range n.min {
			c.emitNode(body)
		}
		if n.max < 0 {
			// L: split(body, out); body; jmp L
			sp := c.split()
			c.emitNode(body)
			c.emit(inst{op: opJmp, x: sp})
			c.patchSplit(sp, sp+1, c.pc(), n.lazy)
			return
		}
		// Each optional copy skips to the end: split(body, end); body; ...
		var splits []int32
		for range n.max - n.min {
			splits = append(splits, c.split())
			c.emitNode(body)
		}
		for _, sp := range splits {
			c.patchSplit(sp, sp+1, c.pc(), n.lazy)
		}
	}
}

// firstTests returns the tests that a rule's first token must pass (one
// of them), and whether the rule can match without consuming a token.
func firstTests(prog []inst) (tests []*test, empty bool) {
	seen := make([]bool, len(prog))
	var walk func(pc int32)
	walk = func(pc int32) {
		for !seen[pc] {
			seen[pc] = true
			switch in := prog[pc]; in.op {
			case opTest:
				tests = append(tests, in.t)
				return
			case opMatch:
				empty = true
				return
			case opSplit:
				walk(in.x)
				pc = in.y
			case opJmp:
				pc = in.x
			case opSave, opAssert:
				pc++
			}
		}
	}
	walk(0)
	return tests, empty
}

// key is what a token must have to pass a test: one of several lower
// forms, class bits or shape bits.
type key struct {
	lits  []string
	class uint64
	shape Shape
}

// keysOf returns keys that every token passing e has one of, and false
// when there are none (e passes tokens of any kind).
func keysOf(e *expr) (key, bool) {
	switch e.op {
	case ePrim:
		switch e.p.kind {
		case pLit:
			return key{lits: []string{e.p.s}}, true
		case pExact:
			return key{lits: []string{Tokenize(nil, e.p.s, nil)[0].Lower}}, true
		case pClass:
			return key{class: e.p.bits}, true
		case pShape:
			return key{shape: e.p.shape}, true
		}
	case eOr: // every alternative must have keys
		var all key
		for _, k := range e.kids {
			kk, ok := keysOf(k)
			if !ok {
				return key{}, false
			}
			all.lits = append(all.lits, kk.lits...)
			all.class |= kk.class
			all.shape |= kk.shape
		}
		return all, true
	case eAnd: // any part's keys will do
		for _, k := range e.kids {
			if kk, ok := keysOf(k); ok {
				return kk, true
			}
		}
	}
	return key{}, false
}

// index files rule r under the keys of the tests its first token can
// pass: a lower form, a class bit or a shape bit. A rule with a first
// test that has none is tried at every token.
func (s *Set) index(r int32, first []*test) {
	var keys []key
	for _, t := range first {
		k, ok := keysOf(t.e)
		if !ok {
			s.fallback = append(s.fallback, r)
			return
		}
		keys = append(keys, k)
	}
	add := func(list []int32) []int32 {
		if n := len(list); n > 0 && list[n-1] == r {
			return list
		}
		return append(list, r)
	}
	for _, k := range keys {
		s.classMask |= k.class
		for b := k.class; b != 0; b &= b - 1 {
			i := bits.TrailingZeros64(b)
			s.byClass[i] = add(s.byClass[i])
		}
		s.shapeMask |= k.shape
		for b := uint64(k.shape); b != 0; b &= b - 1 {
			i := bits.TrailingZeros64(b)
			s.byShape[i] = add(s.byShape[i])
		}
		for _, l := range k.lits {
			s.byLower[l] = add(s.byLower[l])
		}
	}
}

// needs returns, for the tests every match of n passes that are a class
// (or an alternation of classes only), the class bits of each.
func needs(n *node) []uint64 {
	switch n.kind {
	case nTest:
		if bits := classBits(n.test.e); bits != 0 {
			return []uint64{bits}
		}
		return nil
	case nSeq:
		var out []uint64
		for _, k := range n.kids {
			out = append(out, needs(k)...)
		}
		return out
	case nRepeat:
		if n.min >= 1 {
			return needs(n.kids[0])
		}
	case nCapture:
		return needs(n.kids[0])
	}
	return nil // alternatives and optional parts need nothing for sure
}

// classBits returns class bits one of which every token that passes e
// carries, or 0 where e can pass a token of no class (a literal, a shape, a
// negation).
func classBits(e *expr) uint64 {
	switch e.op {
	case ePrim:
		if e.p.kind == pClass {
			return e.p.bits
		}
	case eOr:
		var bits uint64
		for _, k := range e.kids {
			b := classBits(k)
			if b == 0 {
				return 0
			}
			bits |= b
		}
		return bits
	case eAnd:
		for _, k := range e.kids {
			if b := classBits(k); b != 0 {
				return b
			}
		}
	}
	return 0
}
