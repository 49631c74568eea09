package extract

import "testing"

// TestPlacePolice checks that a town's, region's or country's name before
// "police" names that place's force, and that a country's adjective, a
// comma or a longer name does not.
func TestPlacePolice(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"a town's police chief", "Malacca police chief Datuk Zainol Samah said eight suspects were arrested.", "Malacca Police"},
		{"a country's police, possessive", "Colombia's police arrested 31 people in the raids.", "Colombia Police"},
		{"a city's police", "Jakarta police arrested six people over the scam.", "Jakarta Police"},
		{"a comma between", "In Malacca, police arrested eight people.", ""},
		{"an adjective is no place", "Peruvian police arrested eight people.", ""},
		{"a longer name is the patterns'", "Malacca Police Narcotics Unit officers arrested eight people.", "Malacca Police Narcotics Unit"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := ""
			if len(ex.Arrests) == 1 {
				got = deref(ex.Arrests[0].Agency)
			}
			if len(ex.Arrests) != 1 || got != tc.want {
				t.Errorf("%q: arrests %+v, want one by %q", tc.body, ex.Arrests, tc.want)
			}
		})
	}
}

// TestUnitOfForceActs checks that a force's unit written as the subject of
// the verb ("the Met's Central e-Crime Unit (PCeU) has arrested") gets the
// figure, and that a unit named as the force's work does not.
func TestUnitOfForceActs(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"unit with acronym", "The Metropolitan Police's Central e-Crime Unit (PCeU) has arrested six people.", "Central e-Crime Unit"},
		{"unit without acronym", "The Metropolitan Police's Central e-Crime Unit arrested six people.", "Central e-Crime Unit"},
		{"a unit's activity is the force's", "As part of HMRC's Tobacco Taskforce activity, officers arrested six people.", "HM Revenue and Customs"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Arrests) != 1 || deref(ex.Arrests[0].Agency) != tc.want {
				t.Errorf("%q: arrests %+v, want one by %q", tc.body, ex.Arrests, tc.want)
			}
		})
	}
}
