package extract

import (
	"slices"
	"strings"
)

// Articles from web pages and wire services often put a no-break or thin
// space between a figure and its unit ("500 kg", "12 000") or inside a
// name, and may keep soft hyphens or zero-width characters inside words.
// The passes read ASCII spaces, so an article is read with each such space
// written as one, each invisible character left out and each letter that
// folds to an ASCII one written as it; the shifts this makes map the
// offsets read back to the article as written, so every evidence keeps
// its sentence and its character offsets as the article writes them.

// wideSpaces are the spaces read as ASCII ones: no-break, narrow no-break,
// thin and figure spaces.
var wideSpaces = []string{"\u00a0", "\u202f", "\u2009", "\u2007"}

// invisibles are the characters read as nothing: soft hyphens, zero-width
// spaces and joiners, word joiners and byte order marks, which pages copied
// as text keep inside words and numbers ("co\u00adcaine", "12\u200b000").
var invisibles = []string{"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}

// foldedLetters are the two non-ASCII letters that Unicode case folding
// takes to ASCII ones: the long s (U+017F, folded to s) and the Kelvin
// sign (U+212A, folded to k, written K as it looks). They are read as
// those ASCII letters, so the passes, which fold ASCII case by hand, read
// "ſuspects" as a regexp's (?i) would, with no regexp kept beside them.
var foldedLetters = [][2]string{{"\u017f", "s"}, {"\u212a", "K"}}

// spacedOutChars are the characters spaceOut writes otherwise.
var spacedOutChars = func() []string {
	out := slices.Concat(wideSpaces, invisibles)
	for _, f := range foldedLetters {
		out = append(out, f[0])
	}
	return out
}()

// shift is where a wide space was written as one ASCII space, an
// invisible character left out or a letter folded: at its offset in the
// spaced-out text, lost bytes fewer than in the written one.
type shift struct{ at, lost int }

// spaceOut returns text with each wide space written as one ASCII space,
// each invisible character left out and each of foldedLetters folded, and
// the shifts that made, in order (none where text holds none of them).
func spaceOut(text string) (string, []shift) {
	if !slices.ContainsFunc(spacedOutChars, func(w string) bool { return strings.Contains(text, w) }) {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text))
	var shifts []shift
	for i := 0; i < len(text); {
		if n := prefixIn(text[i:], invisibles); n > 0 {
			shifts = append(shifts, shift{at: b.Len(), lost: n})
			i += n
			continue
		}
		if f := foldedAt(text[i:]); f >= 0 {
			from, to := foldedLetters[f][0], foldedLetters[f][1]
			shifts = append(shifts, shift{at: b.Len(), lost: len(from) - len(to)})
			b.WriteString(to)
			i += len(from)
			continue
		}
		w := prefixIn(text[i:], wideSpaces)
		if w == 0 {
			b.WriteByte(text[i])
			i++
			continue
		}
		shifts = append(shifts, shift{at: b.Len(), lost: w - 1})
		b.WriteByte(' ')
		i += w
	}
	return b.String(), shifts
}

// foldedAt is the index in foldedLetters of the letter s starts with, or -1.
func foldedAt(s string) int {
	if c := s[0]; c != 0xc5 && c != 0xe2 {
		return -1
	}
	for k, f := range foldedLetters {
		if strings.HasPrefix(s, f[0]) {
			return k
		}
	}
	return -1
}

// prefixIn is the length of the one of set that s starts with, or 0.
func prefixIn(s string, set []string) int {
	if c := s[0]; c != 0xc2 && c != 0xe2 && c != 0xef {
		return 0
	}
	for _, w := range set {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// writtenOffset maps byte offset p of the spaced-out text to the written text.
func writtenOffset(shifts []shift, p int) int {
	q := p
	for _, s := range shifts {
		if s.at >= p {
			break
		}
		q += s.lost
	}
	return q
}
