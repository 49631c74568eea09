package pattern

import (
	"math/bits"
	"slices"
)

// Match is one rule matching tokens [Start, End) of a sentence. Its
// captures are valid only during the call that reports it.
type Match struct {
	Rule       string // the rule's name
	Index      int    // the rule's place in its Set
	Start, End int    // token offsets

	names []string
	slots []int32
	log   []int32 // (slot, token) of each save on the match's way, in order
}

// Span is a capture's token offsets.
type Span struct {
	Name       string
	Start, End int
}

// Capture returns the tokens that the first capture called name took,
// and false when the rule has no such capture or the match did not pass
// through it. A capture inside a repeat holds its last round.
func (m Match) Capture(name string) (start, end int, ok bool) {
	for k, n := range m.names {
		if n == name && m.slots[2*k] >= 0 && m.slots[2*k+1] >= 0 {
			return int(m.slots[2*k]), int(m.slots[2*k+1]), true
		}
	}
	return 0, 0, false
}

// Captures returns a copy of the captures the match passed through, each
// round of a capture inside a repeat apart ("(, item:%cap)*" gives every
// item), ordered by their first token and then by the rule's text.
func (m Match) Captures() []Span {
	var out []Span
	var open [8]int32 // by capture, where its current round began; more captures are rare
	opens := open[:0]
	for range len(m.names) {
		opens = append(opens, -1)
	}
	for i := 0; i+1 < len(m.log); i += 2 {
		slot, pos := m.log[i], m.log[i+1]
		k := slot / 2
		if slot%2 == 0 {
			opens[k] = pos
		} else if opens[k] >= 0 {
			out = append(out, Span{m.names[k], int(opens[k]), int(pos)})
			opens[k] = -1
		}
	}
	// Rounds close inner first: order them as the text and the rule read.
	index := func(name string) int { return slices.Index(m.names, name) }
	slices.SortStableFunc(out, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return index(a.Name) - index(b.Name)
	})
	return out
}

// Match calls yield for each rule that matches toks from some token, in
// order of the starting token and then of the rules, until yield returns
// false. A rule reports at most one match per starting token: the first
// in priority order, as a regexp would, where greedy parts take as many
// tokens as let the rest match and alternatives are tried left to right.
// Matches of different rules, and of one rule from different tokens, may
// overlap.
//
// Matching one rule from one token visits each (instruction, token) pair
// at most once (a failed pair is remembered, as in RE2's bit-state
// backtracker), so its work is bounded by the rule's length times the
// sentence's, and a sentence's by that times its length for each rule:
// never exponential. The memory is 4 bytes per such pair of the longest
// rule, reused from call to call.
func (s *Set) Match(toks []Token, yield func(Match) bool) {
	m := s.machine(len(toks))
	defer s.pool.Put(m)
	// What the sentence's tokens have: their classes and shapes, and the
	// literal bits of their lower forms.
	var class, lits uint64
	var shape Shape
	for i := range toks {
		t := &toks[i]
		class |= t.Class
		shape |= t.Shape
		lits |= s.lowerKey(t).lit
	}
	// The rules that need what no token has, worked out once.
	m.skip = m.skip[:0]
	m.marks = append(m.marks[:0], make([]uint32, len(s.rules))...)
	for r := range s.rules {
		lacks := false
		for _, n := range s.rules[r].needs {
			lacks = lacks || n.class&class == 0 && n.shape&shape == 0 && n.lits&lits == 0
		}
		m.skip = append(m.skip, lacks)
	}
	for i := range toks {
		t := &toks[i]
		// The rules filed under the token's form, its classes and shapes,
		// and those filed under none, in order, once each: each list is
		// so already, so one alone is read as it is.
		cand := s.lowerKey(t).rules
		cb, sb := t.Class&s.classMask, uint64(t.Shape&s.shapeMask)
		if cb != 0 || sb != 0 || len(s.fallback) > 0 {
			c := append(m.cand[:0], cand...)
			for b := cb; b != 0; b &= b - 1 {
				c = append(c, s.byClass[bits.TrailingZeros64(b)]...)
			}
			for b := sb; b != 0; b &= b - 1 {
				c = append(c, s.byShape[bits.TrailingZeros64(b)]...)
			}
			c = append(c, s.fallback...)
			m.cand = c
			if len(c) > 1 {
				c = sortUnique(c)
			}
			cand = c
		}
		for _, r := range cand {
			if m.skip[r] || i > 0 && s.rules[r].anchored {
				continue
			}
			rl := &s.rules[r]
			end, ok := m.runMarked(rl, toks, i, &m.marks[r])
			if !ok {
				continue
			}
			if !yield(Match{Rule: rl.name, Index: int(r), Start: i, End: end, names: rl.caps, slots: m.slots, log: m.log}) {
				return
			}
		}
	}
}

// lowerKey returns what the Set files under t's lower form: by its Word
// where the caller set one, else by the form itself.
func (s *Set) lowerKey(t *Token) lowerKey {
	switch {
	case t.Word == 0 || s.words == nil:
		return s.byLower[t.Lower]
	case t.Word > 0 && int(t.Word) < len(s.byWord):
		return s.byWord[t.Word] // a form this Set's rules may not name: none
	}
	return lowerKey{}
}

// sortUnique sorts a short list of rule numbers and drops repeats.
func sortUnique(a []int32) []int32 {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
	n := 1
	for i := 1; i < len(a); i++ {
		if a[i] != a[n-1] {
			a[n] = a[i]
			n++
		}
	}
	return a[:n]
}

// machine is the scratch space of one Match call.
type machine struct {
	skip  []bool // by rule: the sentence lacks what it needs
	stack []job
	slots []int32
	log   []int32 // the saves on the way, as Match.log
	cand  []int32
	seen  []uint32 // seen[pos*width+pc] == gen: that pair failed, or is on the way; by token first, as a run mostly stays near one
	gen   uint32   // the last mark given out
	// marks holds by rule the mark of its runs since it last matched in
	// this Match call, or 0: a pair that failed from one start fails from
	// any other, so the rule's next run skips what its failed runs
	// tried. (A pair marked with another rule's mark is no longer known.)
	marks []uint32
	width int // the longest rule's instructions
	ntoks int
}

// job is a backtracking point: resume at (pc, pos), or, when slot >= 0,
// put back a capture slot's old value and cut the log of saves back to
// its length then (held in pc).
type job struct {
	pc, pos, slot, old int32
}

func (s *Set) machine(ntoks int) *machine {
	m, _ := s.pool.Get().(*machine)
	if m == nil {
		m = &machine{}
	}
	m.width, m.ntoks = s.maxProg, ntoks
	if need := s.maxProg * (ntoks + 1); len(m.seen) < need {
		m.seen = make([]uint32, need)
		m.gen = 0
	}
	return m
}

// run matches rule r from token start and returns where the match ends.
func (m *machine) run(r *rule, toks []Token, start int) (int, bool) {
	var mark uint32
	return m.runMarked(r, toks, start, &mark)
}

// runMarked is run given the rule's mark (machine.marks): where it is not
// 0, the pairs that carry it failed in the rule's earlier runs, and whether
// a pair fails does not depend on where the run began. A match clears the
// mark, as the pairs on its way did not fail.
func (m *machine) runMarked(r *rule, toks []Token, start int, mark *uint32) (int, bool) {
	if *mark == 0 {
		m.gen++
		if m.gen == 0 {
			clear(m.seen)
			clear(m.marks) // the old marks could be given out again
			m.gen = 1
		}
		*mark = m.gen
	}
	gen := *mark
	m.slots, m.log = m.slots[:0], m.log[:0]
	for range 2 * len(r.caps) {
		m.slots = append(m.slots, -1)
	}
	prog := r.prog
	m.stack = append(m.stack[:0], job{pc: 0, pos: int32(start), slot: -1})
	for len(m.stack) > 0 {
		j := m.stack[len(m.stack)-1]
		m.stack = m.stack[:len(m.stack)-1]
		if j.slot >= 0 {
			m.slots[j.slot] = j.old
			m.log = m.log[:j.pc]
			continue
		}
		pc, pos := j.pc, j.pos
	thread:
		for {
			at := int(pos)*m.width + int(pc)
			if m.seen[at] == gen {
				break
			}
			m.seen[at] = gen
			in := &prog[pc]
			switch in.op {
			case opTest:
				if int(pos) >= m.ntoks || !in.t.match(&toks[pos]) {
					break thread
				}
				pc++
				pos++
			case opSplit:
				// A first choice that fails on its first token is no
				// choice: go on to the second without leaving a job.
				if x := &prog[in.x]; x.op == opTest && (int(pos) >= m.ntoks || !x.t.match(&toks[pos])) {
					pc = in.y
					continue
				}
				m.stack = append(m.stack, job{pc: in.y, pos: pos, slot: -1})
				pc = in.x
			case opJmp:
				pc = in.x
			case opSave:
				m.stack = append(m.stack, job{slot: in.x, old: m.slots[in.x], pc: int32(len(m.log))})
				m.slots[in.x] = pos
				m.log = append(m.log, in.x, pos)
				pc++
			case opAssert:
				if in.x == 0 && pos != 0 || in.x == 1 && int(pos) != m.ntoks {
					break thread
				}
				pc++
			case opMatch:
				*mark = 0
				return int(pos), true
			}
		}
	}
	return 0, false
}

func (t *test) match(tok *Token) bool {
	if t.lits != nil {
		return hasLiteral(tok, t.lits, t.litWords)
	}
	if t.masked {
		if !((t.wantClass == 0 || tok.Class&t.wantClass != 0) && (t.wantShape == 0 || tok.Shape&t.wantShape != 0) &&
			tok.Class&t.noClass == 0 && tok.Shape&t.noShape == 0) {
			return false
		}
		if t.andExacts != nil {
			ok := false
			for _, x := range t.andExacts {
				if tok.Text == x {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		return t.andLits == nil || hasLiteral(tok, t.andLits, t.andLitWords)
	}
	return t.e.match(tok)
}

// hasLiteral reports whether tok's lower form is one of lits, numbered
// as ids (or nil).
func hasLiteral(tok *Token, lits []string, ids []int32) bool {
	if w := tok.Word; w != 0 && ids != nil { // by number: NotRuleWord is none of them
		for _, id := range ids {
			if id == w {
				return true
			}
		}
		return false
	}
	for _, l := range lits {
		if tok.Lower == l {
			return true
		}
	}
	return false
}

func (e *expr) match(tok *Token) bool {
	switch e.op {
	case eOr:
		for _, k := range e.kids {
			if k.match(tok) {
				return true
			}
		}
		return false
	case eAnd:
		for _, k := range e.kids {
			if !k.match(tok) {
				return false
			}
		}
		return true
	case eNot:
		return !e.kids[0].match(tok)
	}
	switch e.p.kind {
	case pLit:
		if tok.Word != 0 && e.p.word != 0 {
			return tok.Word == e.p.word
		}
		return tok.Lower == e.p.s
	case pExact:
		return tok.Text == e.p.s
	case pClass:
		return tok.Class&e.p.bits != 0
	case pShape:
		return tok.Shape&e.p.shape != 0
	}
	return true // pAny
}
