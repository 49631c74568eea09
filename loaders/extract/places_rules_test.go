package extract

import (
	"strings"
	"testing"

	"github.com/opgraph/opgraph/loaders/extract/pattern"
)

// ruleNames returns what the kind's rules capture as name in s, one match
// per phrase, as rule=name.
func ruleNames(t *testing.T, kind, capture, s string) []string {
	t.Helper()
	rs, err := loadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	toks := rs.tokenize(nil, s, "", nil)
	var got []string
	next := 0
	rs.byKind[kind].Match(toks, func(m pattern.Match) bool {
		if m.Start < next {
			return true
		}
		next = m.End
		if a, b, ok := m.Capture(capture); ok {
			got = append(got, m.Rule+"="+s[toks[a].Start:toks[b-1].End])
		}
		return true
	})
	return got
}

func TestPlaceRules(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"after in, before a comma", "Police raided a farm in Wouwse Plantage, seizing cash.", []string{"Wouwse Plantage"}},
		{"after at, before a phrase word", "The buy-bust took place at Novaliches on Friday.", []string{"Novaliches"}},
		{"after near, at the sentence's end", "The lab was near Kettering", []string{"Kettering"}},
		{"up to three words", "It was found in Upper Red Hook Farms.", nil},
		{"three words", "It was found in Upper Red Hook.", []string{"Upper Red Hook"}},
		{"the phrase must end", "a raid in Dover Castle yesterday", nil},
		{"hyphen and lower-case part", "arrests in Stoke-on-trent, then", []string{"Stoke-on-trent"}},
		{"a capital after a hyphen ends no phrase", "arrests in Stoke-on-Trent, then", nil},
		{"possessive", "a house in Kent's, they said", []string{"Kent's"}},
		{"cue is lower case", "In Leeds, officers", nil},
		{"cue is a word of its own", "within Leeds, officers", nil},
		{"the phrase word is consumed", "held in Leeds in Bradford and at York.", []string{"Leeds", "York"}},
		{"an initial needs more letters", "a flat at A, then", nil},
		{"a stop glued to the name", "They met in Oslo.", []string{"Oslo"}},
		{"a stop after a space is no end", "They met in Oslo .", nil},
		{"spaces are ASCII ones", "They met in\u00a0Oslo.", nil},
		{"a comma ending a phrase needs a word after it", "in Oslo ,then in Bergen ,", []string{"Oslo"}},
		{"mixed case is no name word", "a raid in McAllen, Texas", nil},
		{"a short form with its stop", "Two men were held in St. Brelade on Friday.", []string{"St. Brelade"}},
		{"a short form alone is a name word", "a raid in St, then", []string{"St"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var want []string
			for _, w := range tc.want {
				want = append(want, "place.after-preposition="+w)
			}
			if got := ruleNames(t, "places", "name", tc.in); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("%q: got %q, want %q", tc.in, got, want)
			}
		})
	}
}

// TestUnlistedPlaces checks the rule's names as places, and the names
// that other passes or the gazetteers read dropped.
func TestUnlistedPlaces(t *testing.T) {
	ex := extractText(t, "", "Officers arrested two men at Wouwse Plantage on Tuesday. Searches in Operation Cold Harbor followed.")
	var got []string
	for _, p := range ex.Places {
		got = append(got, p.Name+" "+p.Evidence[0].Rule)
	}
	if want := "Wouwse Plantage place.after-preposition"; strings.Join(got, "|") != want {
		t.Errorf("places %q, want %q", got, want)
	}
}
