package extract

import "strings"

// gramSet is the set of a text's pairs of adjacent bytes, hashed into 512
// bits: a string none of whose pairs is missing may be in the text, one
// with a pair missing is not. Most of the words that passes look for in a
// sentence are not there, and testing a few bits costs less than
// searching the sentence for each.
type gramSet [8]uint64

func gramBit(a, b byte) uint { return (uint(a)*31 + uint(b)) & 511 }

// makeGramSet returns the pairs of s.
func makeGramSet(s string) (g gramSet) {
	for i := 0; i+1 < len(s); i++ {
		h := gramBit(s[i], s[i+1])
		g[h>>6] |= 1 << (h & 63)
	}
	return g
}

// mayHold reports whether a text whose pairs are g may hold w: false when
// some pair of w is not in g.
func (g *gramSet) mayHold(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		if h := gramBit(w[i], w[i+1]); g[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}

// grams returns the pairs of the sentence's ASCII lower case, made once.
func (sf *sentenceFacts) grams() *gramSet {
	if !sf.gramsDone {
		sf.gramSet, sf.gramsDone = makeGramSet(sf.low), true
	}
	return &sf.gramSet
}

// holdsAny reports whether lower, a part of the sentence's ASCII lower
// case, holds any of the cues (as containsAnyWord does): a cue whose pairs
// the sentence lacks is not searched for.
func (sf *sentenceFacts) holdsAny(lower string, cues []string) bool {
	g := sf.grams()
	for _, c := range cues {
		if g.mayHold(c) && strings.Contains(lower, c) {
			return true
		}
	}
	return false
}
