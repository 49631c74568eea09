package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word of a sentence with its byte offsets there.
type token struct {
	Text       string // as written, with ’ made '
	Lower      string
	Start, End int
	root       *trieNode // the gazetteer's names starting with this word, where rooted
	id         int32     // its number as a word that continues a gazetteer name, where rooted
	sets       uint8     // the bits of the name rules' word sets it is in, where rooted
	class      uint64    // its rule word classes (ruleSets.classOf), where rooted
	cues       uint16    // the bits of the cue sets it is in (cueBits), where rooted
	ruleWord   int32     // its number among the rules' words (ruleSets.words), where rooted
	below      uint8     // root.below (0 without a root), where rooted: the kinds of names it starts
	scan       uint8     // the word scanners its letters may start (scanLeads), where rooted
	letters    bool      // it is ASCII letters alone, as tokenize made it
	kinds      uint8     // the tokenBytes bits of its ASCII letters and digits
	rooted     bool
}

// tokenize splits s into words: letters and digits, keeping inner
// apostrophes and the dots of acronyms ("Sheriff's", "U.S."). Hyphens split
// words, so "AFP-led" holds the token "AFP".
func tokenize(s string) []token { return appendTokens(nil, s) }

// appendTokens appends the tokens of s to toks. Words of ASCII characters,
// the common case, take their text from s and their lower case from one
// lower-cased copy of s, so they cost no allocation of their own.
func appendTokens(toks []token, s string) []token { return appendTokensLow(toks, s, "") }

// appendTokensLow is appendTokens given lowerASCII(s), or "" to make it
// at the first word with an upper-case letter.
func appendTokensLow(toks []token, s, low string) []token {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isWordByte(c) {
				i++
				continue
			}
		} else if r, w := utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
			i += w
			continue
		}
		start := i
		ascii, letters := true, true // letters: ASCII letters alone so far
		var seen uint8               // the tokenBytes bits of its ASCII letters and digits
		for i < len(s) {
			// The common case first: a run of ASCII letters and digits.
			for i < len(s) && tokenBytes[s[i]] != 0 {
				seen |= tokenBytes[s[i]]
				i++
			}
			if i == len(s) {
				break
			}
			var r rune
			w := 1
			if c := s[i]; c < utf8.RuneSelf {
				r = rune(c)
			} else {
				r, w = utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					ascii = false
					i += w
					continue
				}
			}
			if (r == '\'' || r == '’' || r == '.' || r == '&') && i+w < len(s) {
				next, _ := utf8.DecodeRuneInString(s[i+w:])
				possessive := (r == '\'' || r == '’') && (next == 's' || next == 'S') && (i+w+1 >= len(s) || !isWordByte(s[i+w+1]))
				if isWordRune(next) && !possessive && (r != '.' || isAcronymDot(s[start:i])) {
					ascii = ascii && w == 1
					letters = false
					i += w
					continue
				}
			}
			// Keep the closing dot of an acronym: "U.S." but not "arrested."
			if r == '.' && strings.Contains(s[start:i], ".") && isAcronymDot(s[start:i]) {
				letters = false
				i += w
			}
			break
		}
		if !ascii {
			text := strings.ReplaceAll(s[start:i], "’", "'")
			toks = append(toks, token{Text: text, Lower: strings.ToLower(text), Start: start, End: i})
			continue
		}
		lower := s[start:i]
		if seen&tbUpper != 0 {
			if low == "" {
				low = lowerASCII(s)
			}
			lower = low[start:i]
		}
		toks = append(toks, token{Text: s[start:i], Lower: lower, Start: start, End: i, letters: letters && seen&tbDigit == 0, kinds: seen})
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// The bits of tokenBytes: an ASCII letter or digit (isWordByte), an
// upper-case letter, a lower-case one, a digit.
const (
	tbWord = 1 << iota
	tbUpper
	tbLower
	tbDigit
)

var tokenBytes = func() (t [256]uint8) {
	for c := range 256 {
		if isWordByte(byte(c)) {
			t[c] = tbWord
		}
		if c >= 'A' && c <= 'Z' {
			t[c] |= tbUpper
		}
		if c >= 'a' && c <= 'z' {
			t[c] |= tbLower
		}
		if c >= '0' && c <= '9' {
			t[c] |= tbDigit
		}
	}
	return t
}()

// isAcronymDot reports whether w looks like the start of a dotted acronym: "U", "U.S".
func isAcronymDot(w string) bool {
	for {
		part, rest, more := strings.Cut(w, ".")
		r, n := utf8.DecodeRuneInString(part)
		if n == 0 || n != len(part) || !unicode.IsUpper(r) { // one character, upper case
			return false
		}
		if !more {
			return true
		}
		w = rest
	}
}

func isCapitalised(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf { // small enough to be inlined
		return capitalASCII[w[0]]
	}
	return isCapitalisedRune(w)
}

func isCapitalisedRune(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// capitalASCII holds the ASCII capitals and digits.
var capitalASCII = func() (t [256]bool) {
	for b := range t {
		t[b] = b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	return t
}()

func isAllCaps(w string) bool {
	has := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			has = true
		}
	}
	return has
}

func joinLower(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Lower
	}
	return strings.Join(parts, " ")
}

// tokensFrom returns the tokens of the sentence's text from byte off, with
// offsets counted from base: the sentence's own tokens (base 0) where off
// falls between two of them, else those of text[off:] (base off).
func (sf *sentenceFacts) tokensFrom(off int) ([]token, int) {
	toks := sf.toks
	k := sort.Search(len(toks), func(k int) bool { return toks[k].End > off })
	if k == len(toks) || toks[k].Start >= off {
		return toks[k:], 0
	}
	return tokenize(sf.s.Text[off:]), off
}

// appendTokensBefore appends to dst the tokens of the sentence's text
// before byte end, as tokenize(text[:end]) gives them. A word's end is
// decided by looking at most 8 bytes past it, so the sentence's tokens that
// end that far before end are the same; the rest are made again.
func (sf *sentenceFacts) appendTokensBefore(dst []token, end int) []token {
	if end == len(sf.s.Text) {
		return append(dst, sf.toks...)
	}
	toks := sf.toks
	j := sort.Search(len(toks), func(k int) bool { return toks[k].End+8 > end })
	dst = append(dst, toks[:j]...)
	from := 0
	if j > 0 {
		from = toks[j-1].End
	}
	n := len(dst)
	dst = appendTokens(dst, sf.s.Text[from:end])
	for k := n; k < len(dst); k++ {
		dst[k].Start += from
		dst[k].End += from
	}
	return dst
}

// tokensIn returns the sentence's tokens that lie wholly in its bytes
// [from, to), clamped to the sentence: a window of words around a figure or
// a name, read without tokenizing again.
func (sf *sentenceFacts) tokensIn(from, to int) []token {
	toks := sf.toks
	i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= from })
	j := i
	for j < len(toks) && toks[j].End <= to {
		j++
	}
	return toks[i:j]
}
