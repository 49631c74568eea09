package extract

import "testing"

// TestLeadTotalParts: the body's arrests in the operation whose total the
// article gives first are parts of it, unless they add to it.
func TestLeadTotalParts(t *testing.T) {
	cases := []struct {
		name, body string
		partOf     map[float64]float64 // count -> the total's count; absent: no part
	}{
		{"a breakdown in the body",
			"Nine men were arrested in Operation Kestrel, police said.\nDetectives said four men were taken into custody at a farm in Operation Kestrel.",
			map[float64]float64{4: 9}},
		{"a further group adds to the total",
			"Nine men were arrested in Operation Kestrel, police said.\nDetectives said a further four men were arrested in Operation Kestrel.",
			map[float64]float64{}},
		{"later figures larger than the total",
			"Nine men were arrested in Operation Kestrel, police said.\nDetectives said twelve men were arrested in Operation Kestrel.",
			map[float64]float64{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := map[float64]float64{}
			for _, a := range ex.Arrests {
				if a.PartOf != nil && a.Count != nil && ex.Arrests[*a.PartOf].Count != nil {
					got[*a.Count] = *ex.Arrests[*a.PartOf].Count
				}
			}
			if len(got) != len(tc.partOf) {
				t.Fatalf("%q: parts %v, want %v (arrests %+v)", tc.body, got, tc.partOf, ex.Arrests)
			}
			for c, w := range tc.partOf {
				if got[c] != w {
					t.Errorf("%q: %v part of %v, want of %v", tc.body, c, got[c], w)
				}
			}
		})
	}
}

// TestPartsOfAMoneyTotal: hauls given by weight and value are parts of a
// total given in money, within 3% where a figure is rounded.
func TestPartsOfAMoneyTotal(t *testing.T) {
	body := "The Philippine Drug Enforcement Agency seized a total P10 million worth of illegal drugs in two raids.\n" +
		"In the first raid agents seized 500 grams of shabu worth P3,400,000.\n" +
		"In the second raid, around P6,800,000 worth of illegal drugs were seized in Makati."
	ex := extractText(t, "", body)
	total := -1
	for k, s := range ex.Seizures {
		if s.Amount != nil && *s.Amount == 10e6 {
			total = k
		}
	}
	if total < 0 {
		t.Fatalf("no P10 million total: %+v", ex.Seizures)
	}
	for _, s := range ex.Seizures {
		if s.Amount == nil || *s.Amount == 10e6 {
			continue
		}
		if s.PartOf == nil || *s.PartOf != total {
			t.Errorf("%v %s: part of %v, want the P10 million total (%d)", *s.Amount, deref(s.Currency), s.PartOf, total)
		}
	}
}
