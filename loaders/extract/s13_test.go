package extract

import "testing"

// TestEstimatedValueIsAbout checks that a sum given as an estimate of
// worth is qualified "about", as ANNOTATION.md reads "estimated".
func TestEstimatedValueIsAbout(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"estimated street value", "Officers found 3 kg of abalone with an estimated street value of R250 000.", "about"},
		{"estimated worth", "They seized 40 kg of abalone with an estimated worth of $80,000.", "about"},
		{"estimated at", "Police seized cocaine, estimated at £2 million, from the lorry.", "about"},
		{"a plain value stays exact", "Police seized cocaine with a street value of £2 million.", "exact"},
		{"a qualifier of its own wins", "Police seized cocaine with an estimated value of more than £2 million.", "more_than"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			for _, s := range ex.Seizures {
				if s.Amount != nil {
					if got := deref(s.AmountQualifier); got != tc.want {
						t.Errorf("%q: amount qualifier %q, want %q", tc.body, got, tc.want)
					}
					return
				}
			}
			t.Errorf("%q: no sum in %+v", tc.body, ex.Seizures)
		})
	}
}
