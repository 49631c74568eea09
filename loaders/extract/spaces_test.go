package extract

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWideSpaces checks that an article written with no-break, narrow
// no-break or thin spaces, or with soft hyphens or zero-width spaces beside
// its spaces, gives the facts the same article gives with
// ASCII spaces, that names and phrases hold single spaces, and that every
// evidence keeps its sentence as written and its character offsets into
// the article as written.
func TestWideSpaces(t *testing.T) {
	plain := "Officers of the Coastal Police Service seized 40 kg of cocaine and €12 000 in cash in Operation Harbour Light.\n\n" +
		"Customs seized 1 250 000 cigarettes, Detective Inspector Mary Byrne said."
	for _, tc := range []struct{ name, space string }{
		{"no-break", "\u00a0"},
		{"narrow no-break", "\u202f"},
		{"thin", "\u2009"},
		{"a space and a soft hyphen", " \u00ad"},
		{"a zero-width space and a space", "\u200b "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			written := strings.ReplaceAll(plain, " ", tc.space)
			written = strings.ReplaceAll(written, tc.space+"in"+tc.space, " in ") // some ASCII spaces stay
			want, got := extractText(t, "", plain), extractText(t, "", written)
			if a, b := factsJSON(t, want), factsJSON(t, got); a != b {
				t.Errorf("facts differ from the ASCII-spaced article's:\n got %s\nwant %s", b, a)
			}
			for _, s := range got.Seizures {
				for _, e := range s.Evidence {
					runes := []rune(written)
					if e.Start < 0 || e.End > len(runes) || string(runes[e.Start:e.End]) != e.Sentence {
						t.Errorf("evidence [%d, %d) %q is not the article's text there", e.Start, e.End, e.Sentence)
					}
					if !utf8.ValidString(e.Sentence) || !strings.Contains(e.Sentence, strings.TrimSpace(tc.space)) {
						t.Errorf("evidence %q lost the article's spaces", e.Sentence)
					}
				}
			}
		})
	}
}

// TestFoldedLetters checks that the long s and the Kelvin sign, which
// case folding takes to ASCII letters, are read as those letters, the
// evidence keeping the article as written.
func TestFoldedLetters(t *testing.T) {
	plain := "Kent Police arrested 12 suspects and seized 40 Kg of cocaine, such as bricks, in Operation Kestrel."
	written := strings.NewReplacer("suspects", "\u017fuspects", "Kent", "\u212aent", "Kg", "\u212ag", "such", "\u017fuch").Replace(plain)
	want, got := extractText(t, "", plain), extractText(t, "", written)
	if len(got.Arrests) != 1 || len(got.Arrests[0].Evidence) != 1 {
		t.Fatalf("arrests %+v, want one with one evidence", got.Arrests)
	}
	e := got.Arrests[0].Evidence[0]
	if runes := []rune(written); e.Start < 0 || e.End > len(runes) || string(runes[e.Start:e.End]) != e.Sentence || e.Sentence != written {
		t.Errorf("evidence [%d, %d) %q is not the article as written", e.Start, e.End, e.Sentence)
	}
	if a, b := factsJSON(t, want), factsJSON(t, got); a != b {
		t.Errorf("facts differ from the ASCII article's:\n got %s\nwant %s", b, a)
	}
}

// factsJSON is an extraction's facts as JSON, without evidence.
func factsJSON(t *testing.T, ex Extraction) string {
	t.Helper()
	for i := range ex.Seizures {
		ex.Seizures[i].Evidence = nil
	}
	for i := range ex.Arrests {
		ex.Arrests[i].Evidence = nil
	}
	names := [][]string{agencyNames(ex), peopleNames(ex), operationNames(ex), placeNames(ex)}
	ex.Agencies, ex.People, ex.Places, ex.Operations, ex.Dates = nil, nil, nil, nil, nil
	b, err := json.Marshal(struct {
		Ex    Extraction
		Names [][]string
	}{ex, names})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
