package extract

import (
	"encoding/binary"
	"iter"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// startScan finds the matches of a pattern by trying it only where a match
// can start. Go's regexp tries every position of a text, and a pattern with
// no literal prefix pays for that at each byte; here a cheap test (a literal
// word, a digit) picks the few positions worth trying.
//
// It gives exactly what the pattern's FindAllStringSubmatchIndex would,
// provided that:
//   - start accepts every byte offset at which a match may begin;
//   - the pattern never matches the empty string;
//   - an assertion at the match's start (\b) holds in the text at an offset
//     start accepts just as it holds at the start of the rest of the text;
//     for a leading \b before a word character, start must reject an offset
//     that follows a word character (see wordStart).
type startScan struct {
	at    *regexp.Regexp // ^(?:pattern)
	start func(s string, p int) bool
	lead  *[256]bool // the bytes a match may begin with, tested before start
	// wordLed: every match begins at a word start (start holds only there,
	// and lead holds word bytes only), so findAllAt tries the word starts
	// alone.
	wordLed bool
}

func newStartScan(pattern string, start func(s string, p int) bool) *startScan {
	return &startScan{at: regexp.MustCompile(`^(?:` + pattern + `)`), start: start, lead: firstBytes(pattern)}
}

// newWordStartScan is newStartScan for a pattern whose matches all begin
// with a word character after none (wordStart): start is tried only there.
// It panics where the pattern may begin with another byte.
func newWordStartScan(pattern string, start func(s string, p int) bool) *startScan {
	sc := newStartScan(pattern, func(s string, p int) bool { return wordStart(s, p) && start(s, p) })
	for b, ok := range sc.lead {
		if ok && !isWordASCII(byte(b)) {
			panic("newWordStartScan: " + pattern + " may begin with a byte that is no word character")
		}
	}
	sc.wordLed = true
	return sc
}

// firstBytes returns the bytes the first character of a match of pattern
// may begin with: those of the ASCII characters it may start with (in any
// case where it folds case), and every byte from 0x80 where it may start
// with another character (or, in invalid UTF-8, the replacement character).
func firstBytes(pattern string) *[256]bool {
	var set [256]bool
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic(err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic(err)
	}
	nonASCII := func() {
		for b := 0x80; b < 256; b++ {
			set[b] = true
		}
	}
	addRune := func(r rune, fold bool) {
		if r >= utf8.RuneSelf {
			nonASCII()
			return
		}
		set[r] = true
		if fold {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f >= utf8.RuneSelf {
					nonASCII()
				} else {
					set[f] = true
				}
			}
		}
	}
	seen := make([]bool, len(prog.Inst))
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out)
			walk(in.Arg)
		case syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstNop:
			walk(in.Out)
		case syntax.InstFail:
		case syntax.InstRune, syntax.InstRune1:
			fold := syntax.Flags(in.Arg)&syntax.FoldCase != 0
			if len(in.Rune) == 1 {
				addRune(in.Rune[0], fold)
				return
			}
			for k := 0; k+1 < len(in.Rune); k += 2 {
				lo, hi := in.Rune[k], in.Rune[k+1]
				if hi >= utf8.RuneSelf {
					nonASCII()
					hi = utf8.RuneSelf - 1
				}
				for r := lo; r <= hi; r++ {
					addRune(r, fold)
				}
			}
		default: // any character, or a match of nothing: every byte
			for b := range set {
				set[b] = true
			}
		}
	}
	walk(uint32(prog.Start))
	return &set
}

// findAll returns the successive non-overlapping matches of the pattern in s
// with their submatches, as regexp.FindAllStringSubmatchIndex(s, -1) does.
func (sc *startScan) findAll(s string) [][]int {
	return findEach(s, sc.lead, sc.start, func(s string, p int) []int {
		m := sc.at.FindStringSubmatchIndex(s[p:])
		for k := range m {
			if m[k] >= 0 {
				m[k] += p
			}
		}
		return m
	})
}

// findAllAt is findAll given the offsets where s's words start (see
// wordStartsOf): a scan whose matches begin only there tries no other.
func (sc *startScan) findAllAt(s string, starts []int32) [][]int {
	if !sc.wordLed {
		return sc.findAll(s)
	}
	return findEachAt(s, starts, sc.lead, sc.start, func(s string, p int) []int {
		m := sc.at.FindStringSubmatchIndex(s[p:])
		for k := range m {
			if m[k] >= 0 {
				m[k] += p
			}
		}
		return m
	})
}

// findEach returns the successive non-overlapping matches in s of match,
// tried left to right at each offset whose byte is in lead and that start
// accepts: match returns the offsets of a match at s[p] and of its parts,
// or nil. No match may be empty.
func findEach(s string, lead *[256]bool, start func(s string, p int) bool, match func(s string, p int) []int) [][]int {
	var out [][]int
	for p := 0; p < len(s); p++ {
		if !lead[s[p]] || !start(s, p) {
			continue
		}
		if m := match(s, p); m != nil {
			out = append(out, m)
			p = m[1] - 1
		}
	}
	return out
}

// findEachAt is findEach for a start that holds only where a word starts
// (wordStart) and a lead that holds only word bytes, given the offsets
// where s's words start (see wordStartsOf): it tries no other offset, as
// findEach's would all fail.
func findEachAt(s string, starts []int32, lead *[256]bool, start func(s string, p int) bool, match func(s string, p int) []int) [][]int {
	var out [][]int
	next := 0
	for _, q := range starts {
		p := int(q)
		if p < next || !lead[s[p]] || !start(s, p) {
			continue
		}
		if m := match(s, p); m != nil {
			out = append(out, m)
			next = m[1]
		}
	}
	return out
}

// first returns the leftmost match, as regexp.FindStringSubmatchIndex does.
func (sc *startScan) first(s string) []int {
	for p := 0; p < len(s); p++ {
		if !sc.lead[s[p]] || !sc.start(s, p) {
			continue
		}
		if m := sc.at.FindStringSubmatchIndex(s[p:]); m != nil {
			for k := range m {
				if m[k] >= 0 {
					m[k] += p
				}
			}
			return m
		}
	}
	return nil
}

// isWordASCII is regexp's \w: the characters on whose edges \b holds.
func isWordASCII(b byte) bool { return byteClass[b] != 0 }

// isSpaceASCII is regexp's \s.
func isSpaceASCII(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// wordStart reports whether \b holds before a word character at s[p]:
// nothing of \w stands just before it.
func wordStart(s string, p int) bool { return p == 0 || !isWordASCII(s[p-1]) }

// firstIndex holds strings by their first byte, each byte's in the order given.
type firstIndex [256][]string

func indexByFirst(words []string) (by firstIndex) {
	for _, w := range words {
		by[w[0]] = append(by[w[0]], w)
	}
	return by
}

// litSet tests quickly whether one of several literals starts at an offset.
type litSet struct {
	byFirst firstIndex
}

func newLitSet(lits ...string) *litSet { return &litSet{byFirst: indexByFirst(lits)} }

// at reports whether one of the literals starts at s[p].
func (l *litSet) at(s string, p int) bool {
	for _, x := range l.byFirst[s[p]] {
		if strings.HasPrefix(s[p:], x) {
			return true
		}
	}
	return false
}

// asciiLetters returns the end of the run of ASCII letters starting at s[p].
func asciiLetters(s string, p int) int {
	for p < len(s) && isLetterByte(s[p]) {
		p++
	}
	return p
}

// lowerASCII lower-cases ASCII letters only.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder // one allocation: the result's
	b.Grow(len(s))
	b.WriteString(s[:i])
	var buf [512]byte // lowered a piece at a time, eight bytes at a time
	for i < len(s) {
		piece := s[i:min(i+len(buf), len(s))]
		k := 0
		for ; k+8 <= len(piece); k += 8 {
			binary.LittleEndian.PutUint64(buf[k:], lowerWord(load64(piece[k:])))
		}
		for ; k < len(piece); k++ {
			c := piece[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		b.Write(buf[:len(piece)])
		i += len(piece)
	}
	return b.String()
}

// load64 reads the first eight bytes of s, little-endian, in one load.
func load64(s string) uint64 {
	s = s[:8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lowerWord lower-cases the ASCII capitals among the eight bytes of w. Of
// each byte's low seven bits, adding 0x3f carries into the high bit from
// 'A' up and adding 0x25 from past 'Z', with no carry into the next byte;
// bytes from 0x80 are left as they are.
func lowerWord(w uint64) uint64 {
	const low7, high = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	v := w & low7
	capital := (v + 0x3f3f3f3f3f3f3f3f) &^ (v + 0x2525252525252525) &^ w & high
	return w | capital>>2
}

// foldSet is a small set of words in ASCII lower case. Its has compares a
// word, in either case, with the set's words of the same first letter and
// length, hashing nothing: start tests ask it at most words of a text.
type foldSet struct {
	byFirst firstIndex
}

// newFoldSet makes the set of the space-separated words.
func newFoldSet(words string) *foldSet { return &foldSet{byFirst: indexByFirst(strings.Fields(words))} }

// has reports whether w, in ASCII lower case, is in the set.
func (f *foldSet) has(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	for _, x := range f.byFirst[c] {
		if len(x) == len(w) && equalFoldASCII(w, x) {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether s, in ASCII lower case, starts with lower.
func hasPrefixFold(s, lower string) bool {
	return len(s) >= len(lower) && equalFoldASCII(s[:len(lower)], lower)
}

// wordAlts holds the alternatives of a pattern's words, in ASCII lower
// case and each ending in a letter, by their first letter and in their
// order.
type wordAlts struct {
	byFirst firstIndex
}

func newWordAlts(alts ...string) *wordAlts { return &wordAlts{byFirst: indexByFirst(alts)} }

// wordAltAt returns the end of the first of alts that s holds at p in any
// ASCII case with no word character after it, or -1. Only
// alternatives with the same first letter can both match at p, so those
// with others are not tried.
func wordAltAt(s string, p int, alts *wordAlts) int {
	if p >= len(s) {
		return -1
	}
	for _, a := range alts.byFirst[s[p]|0x20] { // a letter's lower case
		if e := p + len(a); hasPrefixFold(s[p:], a) && (e == len(s) || !isWordASCII(s[e])) {
			return e
		}
	}
	return -1
}

// appendWordStarts appends to dst the offsets in s where a run of \w
// starts: the offsets where \b holds before a word character.
func appendWordStarts(dst []int32, s string) []int32 {
	// One loop over each run of non-word bytes and one over each word: a
	// test a byte instead of a test and a comparison with the byte before.
	for i := 0; i < len(s); {
		for i < len(s) && !isWordASCII(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		dst = append(dst, int32(i))
		for i < len(s) && isWordASCII(s[i]) {
			i++
		}
	}
	return dst
}

// wordStartsOf returns the offsets in s where a run of \w starts.
func wordStartsOf(s string) []int32 { return appendWordStarts(nil, s) }

// The word scanners (matchAtWordStarts) that may match at a word start,
// as bits: a scanner with a bit here is tried only where the run of ASCII
// letters at the start is one its matches may begin with (scanLeads), so
// the few words it can start are found by the one look-up each word has
// in the extractor's word table. A start where that run is not a whole
// ASCII token of letters gets every bit (scanAll).
const (
	scanDigits     uint8 = 1 << iota // set by no word: digits start no token of letters
	scanWordNumber                   // matchWordNumber
	scanVague                        // findVagueAt
	scanRelDate                      // matchRelDate
	scanAbsDate                      // matchAbsDate
	scanSeizeVerb                    // findSeizeVerbsAt
	scanSeizeCue                     // hasSeizeCueAt: a whole word of seizeCueWhole's, or a word with a stem of seizeCueStems
	scanKnown                        // the word table holds the word: where scanSeizeCue is not set, no stem starts it
	scanAll        = ^uint8(0)
)

// scanLeads maps each run of ASCII letters, in lower case, that a scanner's
// match may begin with to the scanners' bits.
var scanLeads = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(bit uint8, words ...string) {
		for _, w := range words {
			if lead := leadingLetters(strings.ToLower(w)); lead != "" {
				m[lead] |= bit
			}
		}
	}
	for _, ws := range wordNumFirst.byFirst {
		add(scanWordNumber, ws...)
	}
	for _, ws := range vagueAlts.byFirst {
		add(scanVague, ws...)
	}
	add(scanRelDate, relDateSoon...)
	add(scanRelDate, relDateNear...)
	for _, ws := range relDateWhole.byFirst {
		add(scanRelDate, ws...)
	}
	add(scanRelDate, "on ")
	add(scanAbsDate, absDateMonths...)
	add(scanAbsDate, absDateLeads...)
	for _, ws := range seizeVerbWords.byFirst {
		add(scanSeizeVerb, ws...)
	}
	for _, ws := range seizeCueWhole.byFirst {
		add(scanSeizeCue, ws...)
	}
	return m
}()

// knownScanBits returns the bits a word of the word table, in lower case,
// has besides scanLeads's: scanKnown, and scanSeizeCue where a stem of
// seizeCueStems starts it.
func knownScanBits(w string) uint8 {
	for _, st := range seizeCueStems {
		if strings.HasPrefix(w, st) {
			return scanKnown | scanSeizeCue
		}
	}
	return scanKnown
}

// leadingLetters returns the run of ASCII letters that s starts with.
func leadingLetters(s string) string { return s[:asciiLetters(s, 0)] }

// appendStartBits appends to dst the scanner bits of each of the word
// starts of s, given s's tokens looked up in the word table (their scan
// bits are scanLeads's for their lower case).
func appendStartBits(dst []uint8, s string, starts []int32, toks []token) []uint8 {
	k := 0
	for _, q := range starts {
		p := int(q)
		for k < len(toks) && toks[k].Start < p {
			k++
		}
		bits := scanAll
		if k < len(toks) && toks[k].Start == p && toks[k].rooted && toks[k].letters {
			bits = toks[k].scan
		}
		dst = append(dst, bits)
	}
	return dst
}

// indexesOf yields the byte offset of each occurrence of sub in s, in
// order (occurrences may overlap).
func indexesOf(s, sub string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for from := 0; from <= len(s); {
			k := strings.Index(s[from:], sub)
			if k < 0 || !yield(from+k) {
				return
			}
			from += k + 1
		}
	}
}
