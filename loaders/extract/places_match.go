package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// placeAfterScan's pattern matched by hand. The pattern is case-sensitive,
// so this holds for any text. Its parts are greedy and each ends where the
// next cannot start (a run of spaces before a capital or a word, a name's
// lower-case letters before a space or a stop), so the one way through to
// try is the longest: up to three names, then fewer, until what follows
// ends the phrase. FuzzStartScan checks it against the pattern.

// placeAfterEnds are the words after a place's name that end its phrase,
// in the pattern's order.
var placeAfterEnds = []string{"on", "in", "at", "after", "when", "where", "which", "to", "and", "with", "was", "were", ","}

// findPlacesAfter finds what placeAfterScan finds.
func findPlacesAfter(s string) [][]int {
	var out [][]int
	for p := 0; p < len(s); p++ {
		c := s[p]
		if c != 'i' && c != 'a' && c != 'n' || !wordStart(s, p) {
			continue
		}
		if m, ok := matchPlaceAfter(s, p); ok {
			out = append(out, []int{m[0], m[1], m[2], m[3]})
			p = m[1] - 1 // the pattern never matches the empty string
		}
	}
	return out
}

// matchPlaceAfter matches placeAfterScan's pattern at s[p], after no word
// character, and returns the match's offsets and its name's.
func matchPlaceAfter(s string, p int) ([4]int, bool) {
	q := -1
	for _, cue := range [...]string{"in", "at", "near"} {
		if strings.HasPrefix(s[p:], cue) {
			q = p + len(cue)
			break
		}
	}
	if q < 0 {
		return [4]int{}, false
	}
	w := skipSpaces(s, q)
	if w == q {
		return [4]int{}, false
	}
	var ends [3]int // where the first, second and third names end
	n := 0
	for at := w; n < len(ends); n++ {
		if n > 0 {
			if at = skipSpaces(s, ends[n-1]); at == ends[n-1] {
				break
			}
		}
		e := placeNameAt(s, at)
		if e < 0 {
			break
		}
		ends[n] = e
	}
	for k := n - 1; k >= 0; k-- {
		if end := placePhraseEnd(s, ends[k]); end >= 0 {
			return [4]int{p, end, w, ends[k]}, true
		}
	}
	return [4]int{}, false
}

// placeNameAt matches \p{Lu}[\p{Ll}'’-]+ at s[p] and returns its end, or -1.
func placeNameAt(s string, p int) int {
	r, n := utf8.DecodeRuneInString(s[p:])
	if n == 0 || !unicode.IsUpper(r) {
		return -1
	}
	e := p + n
	for e < len(s) {
		r, n := utf8.DecodeRuneInString(s[e:])
		if r != '\'' && r != '’' && r != '-' && !unicode.IsLower(r) {
			break
		}
		e += n
	}
	if e == p+n {
		return -1
	}
	return e
}

// placePhraseEnd matches (?:[,.;]|\s+(?:on|in|...|,)\b|$) at s[e] and
// returns its end, or -1.
func placePhraseEnd(s string, e int) int {
	if e == len(s) {
		return e
	}
	if c := s[e]; c == ',' || c == '.' || c == ';' {
		return e + 1
	}
	t := skipSpaces(s, e)
	if t == e {
		return -1
	}
	for _, w := range placeAfterEnds {
		x := t + len(w)
		if strings.HasPrefix(s[t:], w) && isWordASCII(s[x-1]) != (x < len(s) && isWordASCII(s[x])) {
			return x
		}
	}
	return -1
}
