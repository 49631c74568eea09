package extract

import "strings"

// Articles from web pages and wire services often put a no-break or thin
// space between a figure and its unit ("500 kg", "12 000") or inside a
// name. The passes read ASCII spaces, so an article is read with each such
// space written as one; the shifts this makes map the offsets read back
// to the article as written, so every evidence keeps its sentence and its
// character offsets as the article writes them.

// wideSpaces are the spaces read as ASCII ones: no-break, narrow no-break,
// thin and figure spaces.
var wideSpaces = []string{"\u00a0", "\u202f", "\u2009", "\u2007"}

// shift is where a wide space was written as one ASCII space: at its
// offset in the spaced-out text, lost bytes fewer than in the written one.
type shift struct{ at, lost int }

// spaceOut returns text with each wide space written as one ASCII space,
// and the shifts that made, in order (none where text holds no wide space).
func spaceOut(text string) (string, []shift) {
	found := false
	for _, w := range wideSpaces {
		if strings.Contains(text, w) {
			found = true
			break
		}
	}
	if !found {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text))
	var shifts []shift
	for i := 0; i < len(text); {
		w := wideSpaceAt(text, i)
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

// wideSpaceAt is the length in bytes of the wide space at text[i], or 0.
func wideSpaceAt(text string, i int) int {
	if c := text[i]; c != 0xc2 && c != 0xe2 {
		return 0
	}
	for _, w := range wideSpaces {
		if strings.HasPrefix(text[i:], w) {
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
