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
	// needs are what some token of any sentence the rule matches must
	// have, one each for the tests every match passes (such as @sayVerb or
	// "suspects"): a sentence without one is not tried at all.
	needs []need
	// anchored: every match starts at the sentence's start (%start comes
	// before the first token), so the rule is tried at token 0 only.
	anchored bool
}

// need is what a token must have to pass a test: one of the class bits or
// shape bits, or a lower form among the Set's literal bits.
type need struct {
	class uint64
	shape Shape
	lits  uint64
}

// lowerKey is what a Set knows of a lower form: the rules whose first
// token may be it, and its bit among the literals that rules need.
type lowerKey struct {
	rules []int32
	lit   uint64
}

// Set is a compiled set of rules, safe for concurrent use.
type Set struct {
	rules []rule

	// What a rule's first token can be, to try at each token only the
	// rules that can start there.
	byLower   map[string]lowerKey
	byClass   [64][]int32
	classMask uint64
	byShape   [16][]int32
	shapeMask Shape
	fallback  []int32 // rules whose first token no key names: tried everywhere

	// With words (CompileWords): byLower again, by each form's number, for
	// tokens whose Word was set from words.
	words  *Words
	byWord []lowerKey

	maxProg int
	pool    sync.Pool // *machine
}

// Words numbers the lower forms that the rules of some Sets name, so that
// a caller who matches a sentence's tokens with several of them may look
// each token's form up once, setting its Word (Words.ID), not once for each
// Set. Its numbers are valid for the Sets compiled with it (CompileWords).
type Words struct {
	ids map[string]int32
}

// NotRuleWord is the Word of a token whose form no rule of the Words names.
const NotRuleWord int32 = -1

// NewWords returns an empty numbering.
func NewWords() *Words { return &Words{ids: map[string]int32{}} }

// ID returns the number of a lower form that rules name, or NotRuleWord.
func (w *Words) ID(lower string) int32 {
	if id, ok := w.ids[lower]; ok {
		return id
	}
	return NotRuleWord
}

// Each calls f with each form and its number.
func (w *Words) Each(f func(lower string, id int32)) {
	for l, id := range w.ids {
		f(l, id)
	}
}

// add numbers a form, from 1.
func (w *Words) add(lower string) int32 {
	id, ok := w.ids[lower]
	if !ok {
		id = int32(len(w.ids) + 1)
		w.ids[lower] = id
	}
	return id
}

// Compile reads rule text: one rule a line, "name: pattern" (RULES.md has
// the syntax). file names the text in errors, which are *Error. classes
// gives each @class its bits in Token.Class: a token is in the class when
// it has any of them.
func Compile(file, src string, classes map[string]uint64) (*Set, error) {
	return CompileWords(file, src, classes, nil)
}

// CompileWords is Compile numbering the forms the rules name in words
// (where not nil): Match then reads a token whose Word is set by its number.
func CompileWords(file, src string, classes map[string]uint64, words *Words) (*Set, error) {
	p := &parser{file: file, src: src, classes: classes}
	parsed, err := p.parseFile()
	if err != nil {
		return nil, err
	}
	s := &Set{byLower: map[string]lowerKey{}}
	litBits := 0 // the literal bits given out so far
	for i, pr := range parsed {
		prog, ok := compileRule(pr.root)
		if !ok {
			return nil, &Error{File: file, Line: pr.line, Col: 1, Msg: "rule " + pr.name + " is too large once its repeats are expanded"}
		}
		r := rule{name: pr.name, line: pr.line, prog: prog, caps: pr.caps, anchored: anchoredAtStart(prog)}
		for _, n := range needs(pr.root) {
			if n.need.lits, litBits = s.litBits(n.lits, litBits); n.need.lits != 0 || len(n.lits) == 0 {
				r.needs = append(r.needs, n.need)
			}
		}
		first, empty := firstTests(prog)
		if empty {
			return nil, &Error{File: file, Line: pr.line, Col: 1, Msg: "rule " + pr.name + " can match no tokens at all"}
		}
		s.index(int32(i), first)
		s.rules = append(s.rules, r)
		s.maxProg = max(s.maxProg, len(prog))
	}
	if words != nil {
		s.words = words
		for _, r := range s.rules {
			for _, in := range r.prog {
				if in.op == opTest {
					numberLiterals(in.t, words)
				}
			}
		}
		for l, lk := range s.byLower {
			id := words.add(l)
			if int(id) >= len(s.byWord) {
				s.byWord = append(s.byWord, make([]lowerKey, int(id)+1-len(s.byWord))...)
			}
			s.byWord[id] = lk
		}
	}
	return s, nil
}

// numberLiterals gives the literals of t their numbers in words, so that
// a token whose Word is set is tested by number, not by its form.
func numberLiterals(t *test, words *Words) {
	if t.lits != nil && t.litWords == nil {
		for _, l := range t.lits {
			t.litWords = append(t.litWords, words.add(l))
		}
	}
	if t.andLits != nil && t.andLitWords == nil {
		for _, l := range t.andLits {
			t.andLitWords = append(t.andLitWords, words.add(l))
		}
	}
	var walk func(e *expr)
	walk = func(e *expr) {
		if e.op == ePrim && e.p.kind == pLit && e.p.word == 0 {
			e.p.word = words.add(e.p.s)
		}
		for _, k := range e.kids {
			walk(k)
		}
	}
	walk(t.e)
}

// Len is the number of rules.
func (s *Set) Len() int { return len(s.rules) }

// Name is the name of rule i, in the order of the text.
func (s *Set) Name(i int) string { return s.rules[i].name }

type compiler struct {
	prog  []inst
	ok    bool
	plain bool // each alternative as written, no run of tests made one (mergeTests): what tests compare with
}

func compileRule(root *node) ([]inst, bool) { return compileRuleAs(root, false) }

// compileRuleAs is compileRule, or, where plain is set, compileRule with
// each alternative compiled as written.
func compileRuleAs(root *node, plain bool) ([]inst, bool) {
	c := &compiler{ok: true, plain: plain}
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
		kids := n.kids
		if !c.plain {
			kids = mergeTests(kids)
		}
		var jumps []int32
		for i, k := range kids {
			if i == len(kids)-1 {
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

// mergeTests joins each run of alternatives that are one token test each
// into one test that a token passes where it passes any of them. The
// run's alternatives all go on from the same place, one token further, so
// trying them in turn finds no match, and no other first match, that the
// one test does not; and it costs a split and a backtracking point each.
func mergeTests(kids []*node) []*node {
	out := make([]*node, 0, len(kids))
	for i := 0; i < len(kids); {
		j := i
		for j < len(kids) && kids[j].kind == nTest {
			j++
		}
		switch {
		case j-i >= 2:
			or := &expr{op: eOr}
			for _, k := range kids[i:j] {
				if k.test.e.op == eOr {
					or.kids = append(or.kids, k.test.e.kids...)
				} else {
					or.kids = append(or.kids, k.test.e)
				}
			}
			t := &test{e: or, lits: plainLiterals(or)}
			t.setMasks()
			out = append(out, &node{kind: nTest, test: t})
		case j == i:
			out = append(out, kids[i])
			j = i + 1
		default:
			out = append(out, kids[i])
		}
		i = j
	}
	return out
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
			lk := s.byLower[l]
			lk.rules = add(lk.rules)
			s.byLower[l] = lk
		}
	}
}

// litBits returns the bits of the literals lits, giving each a bit of its
// own among the Set's 64, of which used are taken; it returns 0 where one of
// them would need a 65th, so that the need is not tested.
func (s *Set) litBits(lits []string, used int) (uint64, int) {
	var bits uint64
	for _, l := range lits {
		lk := s.byLower[l]
		if lk.lit == 0 {
			if used == 64 {
				return 0, used
			}
			lk.lit = 1 << used
			used++
			s.byLower[l] = lk
		}
		bits |= lk.lit
	}
	return bits, used
}

// needSpec is a need with its literals by name, before they have bits.
type needSpec struct {
	need need
	lits []string
}

// needs returns what a token must have for each test every match of n
// passes, where the test says (classes, shapes, literals: not a negation).
func needs(n *node) []needSpec {
	switch n.kind {
	case nTest:
		if ns, ok := needOf(n.test.e); ok {
			return []needSpec{ns}
		}
		return nil
	case nSeq:
		var out []needSpec
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

// needOf returns what every token that passes e has one of, and false
// where e can pass a token that has none of what it could name (a
// negation, an exact spelling).
func needOf(e *expr) (needSpec, bool) {
	switch e.op {
	case ePrim:
		switch e.p.kind {
		case pLit:
			return needSpec{lits: []string{e.p.s}}, true
		case pClass:
			return needSpec{need: need{class: e.p.bits}}, e.p.bits != 0
		case pShape:
			return needSpec{need: need{shape: e.p.shape}}, e.p.shape != 0
		}
	case eOr: // every alternative must have one
		var all needSpec
		for _, k := range e.kids {
			ns, ok := needOf(k)
			if !ok {
				return needSpec{}, false
			}
			all.need.class |= ns.need.class
			all.need.shape |= ns.need.shape
			all.lits = append(all.lits, ns.lits...)
		}
		return all, true
	case eAnd: // any part's will do
		for _, k := range e.kids {
			if ns, ok := needOf(k); ok {
				return ns, true
			}
		}
	}
	return needSpec{}, false
}

// anchoredAtStart reports whether every way through prog passes an
// assertion of the sentence's start before its first test (or its end).
func anchoredAtStart(prog []inst) bool {
	seen := make([]bool, len(prog))
	var walk func(pc int32) bool
	walk = func(pc int32) bool {
		for !seen[pc] {
			seen[pc] = true
			switch in := prog[pc]; in.op {
			case opTest, opMatch:
				return false
			case opAssert:
				if in.x == 0 {
					return true
				}
				pc++
			case opSplit:
				if !walk(in.x) {
					return false
				}
				pc = in.y
			case opJmp:
				pc = in.x
			case opSave:
				pc++
			}
		}
		return true // a way already walked
	}
	return walk(0)
}
