package extract

import (
	"strings"
	"testing"
)

// FuzzGramSet checks that a text's pairs never rule out a string it holds.
func FuzzGramSet(f *testing.F) {
	f.Add("police in rotterdam seized 5 kg", "e in r")
	f.Add("last year", "in 19")
	f.Add("\xff\x00ab", "\x00a")
	f.Fuzz(func(t *testing.T, s, w string) {
		g := makeGramSet(s)
		for i := 0; i <= len(s); i++ {
			for j := i; j <= len(s) && j <= i+12; j++ {
				if !g.mayHold(s[i:j]) {
					t.Fatalf("pairs of %q rule out %q, which it holds", s, s[i:j])
				}
			}
		}
		if strings.Contains(s, w) && !g.mayHold(w) {
			t.Fatalf("pairs of %q rule out %q, which it holds", s, w)
		}
	})
}
