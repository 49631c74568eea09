package pattern

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestTokenize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"words and final stop", "Police arrested two men.", "Police|arrested|two|men|."},
		{"acronym dots", "U.S. agents met the F.B.I.", "U.S.|agents|met|the|F.B.I."},
		{"acronym before a stop", "He flew to the U.S.", "He|flew|to|the|U.S."},
		{"thousands and decimals", "1,200 kg and 3.5 tonnes, 1,234,567.89 in all", "1,200|kg|and|3.5|tonnes|,|1,234,567.89|in|all"},
		{"long number before a comma", "1234,567", "1234|,|567"},
		{"list of numbers", "3,4 or 2, 3", "3|,|4|or|2|,|3"},
		{"number then stop", "in 2024.", "in|2024|."},
		{"number then letters", "10kg in the 1990s, 2nd", "10|kg|in|the|1990|s|,|2|nd"},
		{"inner apostrophe", "don't say O'Brien", "don't|say|O'Brien"},
		{"possessive", "the Sheriff's Office’s car", "the|Sheriff|'s|Office|’s|car"},
		{"ampersand", "AT&T and A & B", "AT&T|and|A|&|B"},
		{"currency", "A$5m and $1.2bn", "A|$|5|m|and|$|1.2|bn"},
		{"hyphen splits", "AFP-led raid", "AFP|-|led|raid"},
		{"quotes and brackets", "he said: “no” (twice)", "he|said|:|“|no|”|(|twice|)"},
		{"non-ASCII letters", "Zürich police and ŁÓDŹ", "Zürich|police|and|ŁÓDŹ"},
		{"empty", "  \t\n ", ""},
		{"invalid UTF-8", "a\xffb", "a|\xff|b"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(nil, tc.in, nil)
			var texts []string
			for _, tk := range toks {
				texts = append(texts, tk.Text)
			}
			if got := strings.Join(texts, "|"); got != tc.want {
				t.Errorf("Tokenize(%q):\ngot  %q\nwant %q", tc.in, got, tc.want)
			}
			checkTokens(t, tc.in, toks)
			low := strings.Map(func(r rune) rune {
				if r >= 'A' && r <= 'Z' {
					return r + 'a' - 'A'
				}
				return r
			}, tc.in)
			if given := TokenizeLower(nil, tc.in, low, nil); !reflect.DeepEqual(given, toks) && len(toks) > 0 {
				t.Errorf("TokenizeLower with the lower case given differs from Tokenize:\n%v\n%v", given, toks)
			}
		})
	}
}

// checkTokens checks what holds of any sentence's tokens: each is its
// text's bytes, in order, and only white space stands between them.
func checkTokens(t *testing.T, s string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) || s[tk.Start:tk.End] != tk.Text {
			t.Fatalf("%q: token %d %+v out of place", s, i, tk)
		}
		if strings.TrimFunc(s[prev:tk.Start], unicode.IsSpace) != "" {
			t.Fatalf("%q: %q between tokens is not white space", s, s[prev:tk.Start])
		}
		if glued := i > 0 && toks[i-1].End == tk.Start; glued != (tk.Shape&ShapeGlued != 0) {
			t.Fatalf("%q: token %d %q glued is %v", s, i, tk.Text, !glued)
		}
		prev = tk.End
	}
	if strings.TrimFunc(s[prev:], unicode.IsSpace) != "" {
		t.Fatalf("%q: %q after the last token is not white space", s, s[prev:])
	}
}

func TestTokenShapesAndLower(t *testing.T) {
	cases := []struct {
		in, lower string
		shape     Shape
	}{
		{"Police", "police", ShapeCap},
		{"FBI", "fbi", ShapeCap | ShapeAllCaps},
		{"U.S.", "u.s.", ShapeCap | ShapeAllCaps},
		{"seized", "seized", ShapeLower},
		{"1,200", "1,200", ShapeNum | ShapeDigit},
		{"AK47", "ak47", ShapeCap | ShapeAllCaps | ShapeDigit},
		{"G7s", "g7s", ShapeCap | ShapeDigit},
		{"O’Brien", "o'brien", ShapeCap},
		{"Zürich", "zürich", ShapeCap},
		{"ſeized", "seized", ShapeLower},
		{"\u212aG", "kg", ShapeCap | ShapeAllCaps},
		{"’S", "'s", ShapePunct},
		{",", ",", ShapePunct},
	}
	for _, tc := range cases {
		toks := Tokenize(nil, tc.in, nil)
		if len(toks) != 1 || toks[0].Lower != tc.lower || toks[0].Shape != tc.shape {
			t.Errorf("Tokenize(%q) = %+v, want one token lower %q shape %b", tc.in, toks, tc.lower, tc.shape)
		}
	}
}

func TestTokenizeClassifies(t *testing.T) {
	toks := Tokenize(nil, "Officer Smith DETAINED him", testClassify)
	want := []uint64{classTitle, 0, classArrestVerb, 0}
	for i, tk := range toks {
		if tk.Class != want[i] {
			t.Errorf("token %q class %b, want %b", tk.Text, tk.Class, want[i])
		}
	}
}

func TestTokenizeAllocations(t *testing.T) {
	s := "Officers of the Greater Manchester Police seized 1,200 kg of cocaine, police said."
	buf := make([]Token, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = Tokenize(buf[:0], s, testClassify) }); n > 1 {
		t.Errorf("Tokenize of an ASCII sentence: %v allocations, want at most 1 (its lower-case copy)", n)
	}
}
