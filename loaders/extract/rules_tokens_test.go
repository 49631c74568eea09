package extract

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/opgraph/opgraph/loaders/extract/pattern"
	"github.com/opgraph/opgraph/loaders/source"
)

// TestRuleTokensFromWordTable checks that the rule tokens that take their
// classes and word numbers from the extractor's tokens get those that
// looking each token up gives, on every sentence of the seeds and of a text
// with non-ASCII words, punctuation and possessives.
func TestRuleTokensFromWordTable(t *testing.T) {
	x := newExtractor(t)
	rs := x.rules
	texts := []string{"Det. Insp. Ána O’Neil said 1,200 kg of ſeized cocaine—worth £5m—were held at the K-9 unit’s depot; “Police in Åre” (FBI) & co."}
	files, _ := filepath.Glob("../../seeds/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := source.ParseText(f, data)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, doc.Text)
	}
	n := 0
	for _, text := range texts {
		for _, s := range splitSentences(text) {
			known := appendTokensLow(nil, s.Text, s.low)
			x.lookUpWords(known)
			got := rs.tokenize(nil, s.Text, s.low, known)
			want := pattern.TokenizeLower(nil, s.Text, s.low, nil)
			for i := range want {
				w := &want[i]
				w.Class = rs.classOf[w.Lower] | textClassBits(s.Text, w)<<rs.textShift
				w.Word = rs.words.ID(w.Lower)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q:\ngot  %+v\nwant %+v", s.Text, got, want)
			}
			n++
		}
	}
	if n < 20 {
		t.Fatalf("only %d sentences read", n)
	}
}

// FuzzWordClassBits checks the text classes read from an ASCII word's bytes
// against those read rune by rune, for every token of a text.
func FuzzWordClassBits(f *testing.F) {
	for _, s := range []string{"Det. Insp. O'neil-Ray XIV IVX VIIII McAllen A b- 'jones 2019 x_y AB12 Ab_ ' -- a'b", "Ána O’Neil ſeized K9 ÉA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range pattern.Tokenize(nil, s, nil) {
			if got, want := wordClassBits(tok.Text, tok.Shape), wordClassBitsRunes(tok.Text, tok.Shape); got != want {
				t.Fatalf("wordClassBits(%q, %b) = %b, rune by rune %b", tok.Text, tok.Shape, got, want)
			}
		}
	})
}

// FuzzKnownWords checks that the rules' tokens read with the words the
// extractor's tokens give (knownWords) are those read from the text alone.
func FuzzKnownWords(f *testing.F) {
	for _, s := range []string{
		"Det. Insp. Ána O’Neil said 1,200 kg of ſeized cocaine—worth £5m—were held at the K-9 unit’s depot; “Police in Åre” (FBI) & co.",
		"The Sheriff's Office, U.S.A. x.Abc AT&T 5m 3.5 1,2345 Jo'sé don't a_b é' McAllen-Smith IV.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := lowerASCII(s)
		known := appendTokensLow(nil, s, low)
		got := pattern.TokenizeWords(nil, s, low, knownWords(nil, s, known), nil)
		want := pattern.TokenizeLower(nil, s, low, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("%q:\nwith known words %+v\nfrom the text    %+v", s, got, want)
		}
	})
}
