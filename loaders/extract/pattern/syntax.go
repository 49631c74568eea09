package pattern

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a mistake in rule text, with where it stands.
type Error struct {
	File      string
	Line, Col int // 1-based; Col counts characters
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// Limits that keep a rule's program small whatever the text says.
const (
	maxRepeat = 50   // the largest count in {m,n}
	maxInsts  = 1000 // a rule's instructions once its repeats are expanded
	maxDepth  = 50   // groups inside groups
)

type nodeKind uint8

const (
	nTest nodeKind = iota
	nSeq
	nAlt
	nRepeat
	nCapture
	nAssert // zero-width: capture is 0 for the sentence's start, 1 for its end
)

// node is a parsed rule part.
type node struct {
	kind     nodeKind
	test     *test
	kids     []*node
	min, max int // nRepeat; max < 0 is unbounded
	lazy     bool
	capture  int // nCapture: its number in the rule
}

type primKind uint8

const (
	pLit   primKind = iota // the token's lower form
	pExact                 // the token's text as written
	pClass                 // one of the caller's classes
	pShape                 // one of the built-in shapes
	pAny
)

// prim is one test of a token.
type prim struct {
	kind  primKind
	s     string
	bits  uint64
	shape Shape
	word  int32 // a literal's number in the Set's Words (CompileWords), or 0
}

type exprOp uint8

const (
	ePrim exprOp = iota
	eOr
	eAnd
	eNot
)

// expr is a token test built from prims with or, and, not.
type expr struct {
	op   exprOp
	kids []*expr
	p    prim
}

// simplify drops an or or and of one part.
func (e *expr) simplify() *expr {
	if (e.op == eOr || e.op == eAnd) && len(e.kids) == 1 {
		return e.kids[0]
	}
	return e
}

// test is one token test.
type test struct {
	e    *expr
	lits []string // when the test is literals joined by '|': them
	// litWords are their numbers in the Set's Words (CompileWords), or nil:
	// a token whose Word is set is tested by its number.
	litWords []int32
	// When the test is a class, a shape, their negations, or some of
	// these joined by '&' (%cap&!@notName&!%allcaps), masked is set and a
	// token passes when it has a bit of want (each of the two, where not
	// zero) and none of not: four mask tests, not a walk of the tree.
	masked             bool
	wantClass, noClass uint64
	wantShape, noShape Shape
	// A masked test may also need one of some literals (andLits, numbered
	// as litWords are in andLitWords) and one of some exact texts
	// (andExacts): [@spaced & ("van" | "de")], "."&%glued,
	// [("Detective" | "Det") & @space1After]. Nil where it needs none.
	andLits     []string
	andLitWords []int32
	andExacts   []string
}

var shapeNames = map[string]Shape{
	"num": ShapeNum, "cap": ShapeCap, "allcaps": ShapeAllCaps, "lower": ShapeLower,
	"digit": ShapeDigit, "punct": ShapePunct, "glued": ShapeGlued,
}

// syntaxChars cannot stand unescaped in a literal.
const syntaxChars = "()[]|&?*+{}\"@%!#:\\"

type parser struct {
	file, src string
	pos       int
	classes   map[string]uint64
	caps      []string // the capture names of the rule being parsed
	depth     int
	macros    map[string]*node
	inMacro   bool
}

type parsedRule struct {
	name string
	line int
	root *node
	caps []string
}

func (p *parser) errAt(pos int, format string, args ...any) *Error {
	line := 1 + strings.Count(p.src[:pos], "\n")
	lineStart := strings.LastIndexByte(p.src[:pos], '\n') + 1
	return &Error{File: p.file, Line: line, Col: 1 + utf8.RuneCountInString(p.src[lineStart:pos]), Msg: fmt.Sprintf(format, args...)}
}

// parseFile reads every rule of the text.
func (p *parser) parseFile() ([]parsedRule, error) {
	var rules []parsedRule
	seen := map[string]bool{}
	for p.pos < len(p.src) {
		// A line: blank, a comment, or a rule.
		for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\r') {
			p.pos++
		}
		if p.pos == len(p.src) {
			break
		}
		switch p.src[p.pos] {
		case '\n':
			p.pos++
			continue
		case '#':
			p.skipLine()
			continue
		case '$':
			if err := p.parseMacro(); err != nil {
				return nil, err
			}
			continue
		}
		start := p.pos
		r, err := p.parseRule()
		if err != nil {
			return nil, err
		}
		if seen[r.name] {
			return nil, p.errAt(start, "rule %q defined twice", r.name)
		}
		seen[r.name] = true
		rules = append(rules, r)
	}
	return rules, nil
}

func (p *parser) skipLine() {
	if i := strings.IndexByte(p.src[p.pos:], '\n'); i >= 0 {
		p.pos += i + 1
	} else {
		p.pos = len(p.src)
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// parseMacro reads "$name = pattern": a part that later rules use as
// $name. It may not capture: the rule that uses it captures it.
func (p *parser) parseMacro() error {
	start := p.pos
	p.pos++
	i := p.pos
	for p.pos < len(p.src) && isIdentByte(p.src[p.pos]) {
		p.pos++
	}
	name := p.src[i:p.pos]
	if name == "" {
		return p.errAt(start, "expected a macro name after '$'")
	}
	p.space()
	if p.atRuleEnd() || p.src[p.pos] != '=' {
		return p.errAt(p.pos, "expected '=' after the macro name $%s", name)
	}
	if p.macros[name] != nil {
		return p.errAt(start, "macro $%s defined twice", name)
	}
	p.pos++
	p.space()
	if p.atRuleEnd() {
		return p.errAt(start, "macro $%s has no pattern", name)
	}
	p.caps, p.depth, p.inMacro = nil, 0, true
	defer func() { p.inMacro = false }()
	n, err := p.parseAlt()
	if err != nil {
		return err
	}
	if !p.atRuleEnd() {
		return p.errAt(p.pos, "unexpected %q", p.peekRune())
	}
	if p.macros == nil {
		p.macros = map[string]*node{}
	}
	p.macros[name] = n
	return nil
}

// parseRule reads "name: pattern" up to the end of its line and of the
// indented lines that continue it.
func (p *parser) parseRule() (parsedRule, error) {
	start := p.pos
	for p.pos < len(p.src) && isNameByte(p.src[p.pos]) {
		p.pos++
	}
	if p.pos == start {
		return parsedRule{}, p.errAt(p.pos, "expected a rule name (letters, digits, _ . -) at the start of the line")
	}
	name := p.src[start:p.pos]
	if p.pos == len(p.src) || p.src[p.pos] != ':' {
		return parsedRule{}, p.errAt(p.pos, "expected ':' after the rule name %q", name)
	}
	p.pos++
	p.caps = nil
	p.depth = 0
	p.space()
	if p.atRuleEnd() {
		return parsedRule{}, p.errAt(start, "rule %q has no pattern", name)
	}
	root, err := p.parseAlt()
	if err != nil {
		return parsedRule{}, err
	}
	if !p.atRuleEnd() {
		if p.src[p.pos] == ')' {
			return parsedRule{}, p.errAt(p.pos, "')' without '('")
		}
		return parsedRule{}, p.errAt(p.pos, "unexpected %q", p.peekRune())
	}
	return parsedRule{name: name, line: 1 + strings.Count(p.src[:start], "\n"), root: root, caps: p.caps}, nil
}

func (p *parser) peekRune() string {
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	return string(r)
}

// space skips blanks and comments inside a rule, and the line ends that
// an indented line continues.
func (p *parser) space() {
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; {
		case c == ' ' || c == '\t' || c == '\r':
			p.pos++
		case c == '#':
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
		case c == '\n' && p.continues(p.pos+1):
			p.pos++
		default:
			return
		}
	}
}

// continues reports whether the line starting at i continues a rule: it
// is indented and holds something other than a comment.
func (p *parser) continues(i int) bool {
	if i >= len(p.src) || (p.src[i] != ' ' && p.src[i] != '\t') {
		return false
	}
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t' || p.src[i] == '\r') {
		i++
	}
	return i < len(p.src) && p.src[i] != '\n' && p.src[i] != '#'
}

func (p *parser) atRuleEnd() bool { return p.pos == len(p.src) || p.src[p.pos] == '\n' }

// standaloneBar reports whether a '|' at the cursor separates sequences
// (it has space or a bracket after it) rather than a token's alternatives.
func (p *parser) standaloneBar() bool {
	return p.pos < len(p.src) && p.src[p.pos] == '|'
}

func (p *parser) parseAlt() (*node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		return nil, p.errAt(p.pos, "groups nested more than %d deep", maxDepth)
	}
	var alts []*node
	for {
		start := p.pos
		seq, err := p.parseSeq()
		if err != nil {
			return nil, err
		}
		if seq == nil {
			return nil, p.errAt(start, "empty alternative")
		}
		alts = append(alts, seq)
		if !p.standaloneBar() {
			break
		}
		p.pos++
		p.space()
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &node{kind: nAlt, kids: alts}, nil
}

// parseSeq reads items up to a ')', a '|' or the rule's end; nil if none.
func (p *parser) parseSeq() (*node, error) {
	var items []*node
	for !p.atRuleEnd() && p.src[p.pos] != ')' && p.src[p.pos] != '|' {
		it, err := p.parseItem()
		if err != nil {
			return nil, err
		}
		items = append(items, it)
		p.space()
	}
	switch len(items) {
	case 0:
		return nil, nil
	case 1:
		return items[0], nil
	}
	return &node{kind: nSeq, kids: items}, nil
}

// parseItem reads [name:] atom [quantifier].
func (p *parser) parseItem() (*node, error) {
	capture := -1
	i := p.pos
	for i < len(p.src) && isIdentByte(p.src[i]) {
		i++
	}
	if i > p.pos && !isDigitByte(p.src[p.pos]) && i < len(p.src) && p.src[i] == ':' {
		if p.inMacro {
			return nil, p.errAt(p.pos, "a macro cannot capture; capture it where a rule uses it")
		}
		capture = len(p.caps)
		p.caps = append(p.caps, p.src[p.pos:i])
		p.pos = i + 1
		if p.atRuleEnd() || p.src[p.pos] == ' ' || p.src[p.pos] == '\t' {
			return nil, p.errAt(p.pos, "capture %q needs a pattern right after its ':'", p.caps[capture])
		}
	}
	n, err := p.parseAtom()
	if err != nil {
		return nil, err
	}
	if n, err = p.parseQuantifier(n); err != nil {
		return nil, err
	}
	if capture >= 0 {
		n = &node{kind: nCapture, kids: []*node{n}, capture: capture}
	}
	return n, nil
}

func (p *parser) parseAtom() (*node, error) {
	if p.src[p.pos] == '(' {
		open := p.pos
		p.pos++
		p.space()
		n, err := p.parseAlt()
		if err != nil {
			return nil, err
		}
		if p.atRuleEnd() || p.src[p.pos] != ')' {
			return nil, p.errAt(open, "'(' without ')'")
		}
		p.pos++
		return n, nil
	}
	if p.src[p.pos] == '$' && p.pos+1 < len(p.src) && isIdentByte(p.src[p.pos+1]) {
		start := p.pos
		p.pos++
		for p.pos < len(p.src) && isIdentByte(p.src[p.pos]) {
			p.pos++
		}
		n := p.macros[p.src[start+1:p.pos]]
		if n == nil {
			return nil, p.errAt(start, "unknown macro %s (define it on a line above: %s = ...)", p.src[start:p.pos], p.src[start:p.pos])
		}
		return n, nil
	}
	for k, a := range [...]string{"%start", "%end"} {
		if e := p.pos + len(a); strings.HasPrefix(p.src[p.pos:], a) && (e == len(p.src) || !isIdentByte(p.src[e])) {
			p.pos = e
			return &node{kind: nAssert, capture: k}, nil
		}
	}
	t, err := p.parseTest()
	if err != nil {
		return nil, err
	}
	return &node{kind: nTest, test: t}, nil
}

// parseTest reads one token test: primaries joined by '|' (or) and '&'
// (and) with no space between them, '&' binding tighter; or a bracketed
// test, [ ... ], where spaces and parentheses may stand.
func (p *parser) parseTest() (*test, error) {
	var e *expr
	var err error
	if p.src[p.pos] == '[' {
		open := p.pos
		p.pos++
		if e, err = p.parseBracketOr(); err != nil {
			return nil, err
		}
		p.bracketSpace()
		if p.atRuleEnd() || p.src[p.pos] != ']' {
			return nil, p.errAt(open, "'[' without ']'")
		}
		p.pos++
	} else if e, err = p.parseCompact(); err != nil {
		return nil, err
	}
	t := &test{e: e, lits: plainLiterals(e)}
	t.setMasks()
	return t, nil
}

// parseCompact reads a|b&c with no spaces.
func (p *parser) parseCompact() (*expr, error) {
	or := &expr{op: eOr}
	and := &expr{op: eAnd}
	for {
		pr, err := p.parsePrim()
		if err != nil {
			return nil, err
		}
		and.kids = append(and.kids, pr)
		if p.pos+1 < len(p.src) && (p.src[p.pos] == '|' || p.src[p.pos] == '&') && startsPrim(p.src[p.pos+1]) {
			if p.src[p.pos] == '|' {
				or.kids = append(or.kids, and.simplify())
				and = &expr{op: eAnd}
			}
			p.pos++
			continue
		}
		break
	}
	or.kids = append(or.kids, and.simplify())
	return or.simplify(), nil
}

// bracketSpace skips spaces inside [ ... ].
func (p *parser) bracketSpace() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

func (p *parser) parseBracketOr() (*expr, error) {
	or := &expr{op: eOr}
	for {
		a, err := p.parseBracketAnd()
		if err != nil {
			return nil, err
		}
		or.kids = append(or.kids, a)
		p.bracketSpace()
		if p.pos < len(p.src) && p.src[p.pos] == '|' {
			p.pos++
			continue
		}
		return or.simplify(), nil
	}
}

func (p *parser) parseBracketAnd() (*expr, error) {
	and := &expr{op: eAnd}
	for {
		p.bracketSpace()
		var e *expr
		var err error
		switch {
		case p.pos < len(p.src) && p.src[p.pos] == '!':
			p.pos++
			p.bracketSpace()
			if p.pos < len(p.src) && p.src[p.pos] == '(' {
				if e, err = p.parseBracketGroup(); err == nil {
					e = &expr{op: eNot, kids: []*expr{e}}
				}
			} else if e, err = p.parsePrim(); err == nil {
				e = &expr{op: eNot, kids: []*expr{e}}
			}
		case p.pos < len(p.src) && p.src[p.pos] == '(':
			e, err = p.parseBracketGroup()
		default:
			e, err = p.parsePrim()
		}
		if err != nil {
			return nil, err
		}
		and.kids = append(and.kids, e)
		p.bracketSpace()
		if p.pos < len(p.src) && p.src[p.pos] == '&' {
			p.pos++
			continue
		}
		return and.simplify(), nil
	}
}

func (p *parser) parseBracketGroup() (*expr, error) {
	open := p.pos
	p.pos++
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		return nil, p.errAt(open, "groups nested more than %d deep", maxDepth)
	}
	e, err := p.parseBracketOr()
	if err != nil {
		return nil, err
	}
	p.bracketSpace()
	if p.atRuleEnd() || p.src[p.pos] != ')' {
		return nil, p.errAt(open, "'(' without ')'")
	}
	p.pos++
	return e, nil
}

// startsPrim reports whether c can begin a token test.
func startsPrim(c byte) bool {
	return c == '"' || c == '@' || c == '%' || c == '!' || c == '\\' || !strings.ContainsRune(syntaxChars, rune(c)) && c != ' ' && c != '\t' && c != '\n' && c != '\r'
}

// setMasks sets t's masks where its test can be read by them alone, or
// by them and one list of literals and one of exact texts.
func (t *test) setMasks() {
	if t.lits != nil {
		return // read as literals alone
	}
	parts := []*expr{t.e}
	if t.e.op == eAnd {
		parts = t.e.kids
	}
	for _, k := range parts {
		neg := k.op == eNot
		if neg {
			k = k.kids[0]
		}
		if !neg && t.andLits == nil {
			if l := plainLiterals(k); l != nil {
				t.andLits = l
				continue
			}
		}
		if !neg && t.andExacts == nil {
			if x := plainExacts(k); x != nil {
				t.andExacts = x
				continue
			}
		}
		if k.op != ePrim {
			return
		}
		switch {
		case k.p.kind == pClass && k.p.bits != 0 && neg:
			t.noClass |= k.p.bits
		case k.p.kind == pClass && k.p.bits != 0 && t.wantClass == 0:
			t.wantClass = k.p.bits
		case k.p.kind == pShape && k.p.shape != 0 && neg:
			t.noShape |= k.p.shape
		case k.p.kind == pShape && k.p.shape != 0 && t.wantShape == 0:
			t.wantShape = k.p.shape
		default:
			return // a literal, %any, or a second class or shape to have
		}
	}
	t.masked = true
}

// plainExacts returns the texts of a test that is one exact text or
// several joined by '|', else nil.
func plainExacts(e *expr) []string {
	kids := []*expr{e}
	if e.op == eOr {
		kids = e.kids
	}
	var out []string
	for _, k := range kids {
		if k.op != ePrim || k.p.kind != pExact {
			return nil
		}
		out = append(out, k.p.s)
	}
	return out
}

// plainLiterals returns the literals of a test that is one literal or
// several joined by '|', else nil.
func plainLiterals(e *expr) []string {
	if e.op == ePrim {
		if e.p.kind == pLit {
			return []string{e.p.s}
		}
		return nil
	}
	if e.op != eOr {
		return nil
	}
	var lits []string
	for _, k := range e.kids {
		if k.op != ePrim || k.p.kind != pLit {
			return nil
		}
		lits = append(lits, k.p.s)
	}
	return lits
}

// parsePrim reads one primary test, maybe negated by '!'.
func (p *parser) parsePrim() (*expr, error) {
	start := p.pos
	if p.pos < len(p.src) && p.src[p.pos] == '!' {
		p.pos++
		e, err := p.parsePrim()
		if err != nil {
			return nil, err
		}
		return &expr{op: eNot, kids: []*expr{e}}, nil
	}
	pr, err := p.parsePrimary(start)
	if err != nil {
		return nil, err
	}
	return &expr{op: ePrim, p: pr}, nil
}

func (p *parser) parsePrimary(start int) (prim, error) {
	var pr prim
	if p.atRuleEnd() {
		return pr, p.errAt(p.pos, "expected a token test")
	}
	switch c := p.src[p.pos]; c {
	case '"':
		p.pos++
		var b strings.Builder
		for {
			if p.atRuleEnd() {
				return pr, p.errAt(start, "unterminated quoted token")
			}
			c := p.src[p.pos]
			if c == '"' {
				p.pos++
				break
			}
			if c == '\\' && p.pos+1 < len(p.src) && p.src[p.pos+1] != '\n' {
				p.pos++
				c = p.src[p.pos]
			}
			b.WriteByte(c)
			p.pos++
		}
		pr.kind, pr.s = pExact, b.String()
		if err := p.checkOneToken(start, pr.s, false); err != nil {
			return pr, err
		}
	case '@', '%':
		p.pos++
		i := p.pos
		for p.pos < len(p.src) && isIdentByte(p.src[p.pos]) {
			p.pos++
		}
		name := p.src[i:p.pos]
		if c == '@' {
			bits, ok := p.classes[name]
			if !ok || bits == 0 {
				return pr, p.errAt(start, "unknown class @%s", name)
			}
			pr.kind, pr.bits = pClass, bits
		} else if name == "start" || name == "end" {
			return pr, p.errAt(start, "%%%s is a place, not a token test: it cannot be combined with | & !", name)
		} else if name == "any" {
			pr.kind = pAny
		} else if sh, ok := shapeNames[name]; ok {
			pr.kind, pr.shape = pShape, sh
		} else {
			return pr, p.errAt(start, "unknown shape %%%s (known: %%any %%num %%cap %%allcaps %%lower %%digit %%punct %%glued, and the places %%start %%end)", name)
		}
	default:
		var b strings.Builder
		for !p.atRuleEnd() {
			c := p.src[p.pos]
			if c == ' ' || c == '\t' || c == '\r' {
				break
			}
			if c == '\\' {
				if p.pos+1 == len(p.src) || p.src[p.pos+1] == '\n' {
					return pr, p.errAt(p.pos, "'\\' at the end of a line")
				}
				_, w := utf8.DecodeRuneInString(p.src[p.pos+1:])
				b.WriteString(p.src[p.pos+1 : p.pos+1+w])
				p.pos += 1 + w
				continue
			}
			if strings.IndexByte(syntaxChars, c) >= 0 {
				break
			}
			b.WriteByte(c)
			p.pos++
		}
		if b.Len() == 0 && strings.IndexByte("?*+{", p.src[p.pos]) >= 0 {
			return pr, p.errAt(p.pos, "%q repeats nothing: write it right after its token or group, with no space", p.peekRune())
		}
		if b.Len() == 0 {
			return pr, p.errAt(p.pos, "expected a token test, found %q", p.peekRune())
		}
		pr.kind, pr.s = pLit, punctLower(lowerForm(b.String()))
		if err := p.checkOneToken(start, pr.s, true); err != nil {
			return pr, err
		}
	}
	return pr, nil
}

// checkOneToken reports a literal that the tokenizer would not read as
// one token, which could never match.
func (p *parser) checkOneToken(pos int, lit string, lower bool) error {
	toks := Tokenize(nil, lit, nil)
	if len(toks) == 1 && (toks[0].Text == lit || lower && toks[0].Lower == lit) {
		return nil
	}
	if lower { // a lower-case literal of a word written in capitals: "u.s."
		if up := Tokenize(nil, strings.ToUpper(lit), nil); len(up) == 1 && up[0].Lower == lit {
			return nil
		}
	}
	if len(toks) == 0 {
		return p.errAt(pos, "empty token %q", lit)
	}
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = strconv.Quote(t.Text)
	}
	return p.errAt(pos, "%q is %d tokens (%s); write them apart", lit, len(toks), strings.Join(parts, " "))
}

// parseQuantifier reads ? * + {m} {m,} {m,n}, each maybe followed by ?
// to make it lazy, after n.
func (p *parser) parseQuantifier(n *node) (*node, error) {
	if p.atRuleEnd() {
		return n, nil
	}
	start := p.pos
	min, max := 0, 0
	switch p.src[p.pos] {
	case '?':
		min, max = 0, 1
		p.pos++
	case '*':
		min, max = 0, -1
		p.pos++
	case '+':
		min, max = 1, -1
		p.pos++
	case '{':
		p.pos++
		var err error
		if min, err = p.count(start); err != nil {
			return nil, err
		}
		max = min
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			max = -1
			if p.pos < len(p.src) && p.src[p.pos] != '}' {
				if max, err = p.count(start); err != nil {
					return nil, err
				}
			}
		}
		if p.pos == len(p.src) || p.src[p.pos] != '}' {
			return nil, p.errAt(start, "expected {m}, {m,} or {m,n}")
		}
		p.pos++
		if max >= 0 && max < min {
			return nil, p.errAt(start, "{%d,%d}: the most is less than the least", min, max)
		}
		if max == 0 {
			return nil, p.errAt(start, "{0}: repeats nothing")
		}
	default:
		return n, nil
	}
	lazy := false
	if p.pos < len(p.src) && p.src[p.pos] == '?' {
		lazy = true
		p.pos++
	}
	if p.pos < len(p.src) && strings.IndexByte("?*+{", p.src[p.pos]) >= 0 {
		return nil, p.errAt(p.pos, "a quantifier cannot follow another; use a group")
	}
	return &node{kind: nRepeat, kids: []*node{n}, min: min, max: max, lazy: lazy}, nil
}

func (p *parser) count(start int) (int, error) {
	i := p.pos
	for p.pos < len(p.src) && isDigitByte(p.src[p.pos]) {
		p.pos++
	}
	v, err := strconv.Atoi(p.src[i:p.pos])
	if err != nil || v > maxRepeat {
		return 0, p.errAt(start, "a count in {m,n} must be a number from 0 to %d", maxRepeat)
	}
	return v, nil
}
