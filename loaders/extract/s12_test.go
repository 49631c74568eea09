package extract

import "testing"

// TestCurrencyNamesNoPlace checks that a country's name inside a
// currency's ("US$", "US dollars") names no place.
func TestCurrencyNamesNoPlace(t *testing.T) {
	cases := []struct{ name, body string }{
		{"a sign glued to the name", "Police in Kingston seized cannabis with a street value of US$ 12,000."},
		{"a currency word after the name", "Customs officers in Kingston seized cocaine worth 2 million US dollars."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			for _, p := range ex.Places {
				if p.Name == "United States" {
					t.Errorf("%q: places %+v, want no United States", tc.body, ex.Places)
				}
			}
		})
	}
}

// TestOfficeIsNoAgency checks that a title "of" a body ("Commissioner of
// Police") is an office a person holds, not an agency.
func TestOfficeIsNoAgency(t *testing.T) {
	cases := []struct{ name, body string }{
		{"commissioner of", "The Commissioner of Police, Ada Fenn, said officers seized 20 kg of cannabis."},
		{"two title words", "The Inspector General of Police praised the officers who seized 20 kg of cannabis."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Agencies) != 0 {
				t.Errorf("%q: agencies %+v, want none", tc.body, ex.Agencies)
			}
		})
	}
}

// TestRoadIsNoPerson checks that a road named after a person is no person.
func TestRoadIsNoPerson(t *testing.T) {
	cases := []struct{ name, body string }{
		{"the road word in the name", "Officers stopped a car on the Sir Kenrick Bello Highway and found 3 kg of cocaine."},
		{"the road word after the name", "Officers stopped a car on Sir Kenrick Bello Avenue and found 3 kg of cocaine."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if ex := extractText(t, "", tc.body); len(ex.People) != 0 {
				t.Errorf("%q: people %+v, want none", tc.body, ex.People)
			}
		})
	}
}
