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

// TestTimeIsNoCount checks that a time of day is no arrest count.
func TestTimeIsNoCount(t *testing.T) {
	for _, body := range []string{
		"Police said the driver was arrested around 10 p.m. after a chase.",
		"Police said the driver was arrested around 10 pm after a chase.",
	} {
		ex := extractText(t, "", body)
		if len(ex.Arrests) != 1 || deref2(ex.Arrests[0].Count) != 1 {
			t.Errorf("%q: arrests %+v, want one count of 1", body, ex.Arrests)
		}
	}
}

// TestInternationalSayerIsNoActor checks that a figure an international
// body only reports, or that was made "in an effort with" it, is not its.
func TestInternationalSayerIsNoActor(t *testing.T) {
	cases := []struct{ name, body string }{
		{"according to, after", "Forty-one people were arrested in five countries, according to Europol."},
		{"according to, before", "According to Interpol, the investigation led to 63 arrests."},
		{"an effort with", "In a coordinated effort with Europol, 120 suspects were arrested."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Arrests) != 1 || ex.Arrests[0].Agency != nil {
				t.Errorf("%q: arrests %+v, want one with no agency", tc.body, ex.Arrests)
			}
		})
	}
}
