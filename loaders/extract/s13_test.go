package extract

import (
	"slices"
	"testing"
)

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

// TestConsultedIsNoActor checks that a body consulted, asking for the work
// or impersonated is not the actor of its figures.
func TestConsultedIsNoActor(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"in consultation with", "Australian Border Force officers, in consultation with the Australian Fisheries Management Authority, seized 300 kg of sea cucumber.", "Australian Border Force"},
		{"at the request of", "At the request of the FBI, the Guardia Civil seized 20 kg of cocaine.", "Guardia Civil"},
		{"taken into another's custody", "The courier was caught with 3 kg of cocaine by the Canada Border Services Agency and handed over to the custody of the RCMP.", "Canada Border Services Agency"},
		{"praised others' seizure", "The Customs Service praised the Guardia Civil for seizing 20 kg of cocaine.", "Guardia Civil"},
		{"made available to", "The Guardia Civil seized 600 kg of cocaine, which was made available to the Michoacan Prosecutor's Office.", "Guardia Civil"},
		{"impersonated", "Fraudsters posing as the Internal Revenue Service were caught with 3 kg of cocaine by Kent Police.", "Kent Police"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Seizures) != 1 || deref(ex.Seizures[0].Agency) != tc.want {
				t.Errorf("%q: seizures %+v, want one by %s", tc.body, ex.Seizures, tc.want)
			}
		})
	}
}

// TestPlacesByKind checks places named with the kind of place they are,
// and seas, which the gazetteer lists.
func TestPlacesByKind(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"a region after the", "Police arrested four men in the Hail region on Monday.", "Hail region"},
		{"a district", "Officers seized 40 kg of heroin in Leilek district.", "Leilek district"},
		{"a control point", "Customs officers seized 20 kg of shark fin at Lok Ma Chau Control Point.", "Lok Ma Chau Control Point"},
		{"an ocean", "The Navy seized 300 kg of heroin from a dhow in the Indian Ocean.", "Indian Ocean"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var got []string
			for _, p := range ex.Places {
				got = append(got, p.Name)
			}
			if !slices.Contains(got, tc.want) {
				t.Errorf("%q: places %q, want %q among them", tc.body, got, tc.want)
			}
		})
	}
}

// TestPeopleNamed checks people named in lists after "namely" or "named
// as" (with where they are from, an alias or an age before the name), a
// role with a hyphenated word set off after the name, and a single name
// after shortened ranks.
func TestPeopleNamed(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"namely, with where from", "Police have arrested three more dealers, namely Tran Thi Phuong, Nguyen Hien Nam from Hanoi and Ha Thuc Cheng from Quang Binh Province.",
			[]string{"Tran Thi Phuong", "Nguyen Hien Nam", "Ha Thuc Cheng"}},
		{"identified as, with an alias", "The three were identified as Rohan Mehta alias Rocky from Pune, Sunil Kapoor from Agra, and Arjun Bhatia from Delhi.",
			[]string{"Rohan Mehta", "Sunil Kapoor", "Arjun Bhatia"}},
		{"an age before the last name", "The suspects were named as Ali Noor, 31, Fatuma Said, 40, and 27-year-old Omar Jama.",
			[]string{"Ali Noor", "Fatuma Said", "Omar Jama"}},
		{"a hyphenated role after the name", "Hamisi Masha, anti-narcotics police chief for the coast region, said nine suspects were arrested.",
			[]string{"Hamisi Masha"}},
		{"a single name after shortened ranks", "Sr. Comr. Mujiyono said the arrests took place over 11 days.", []string{"Mujiyono"}},
		{"a particle joined by a hyphen", "Major Fahad al-Otaibi said 12 people were arrested.", []string{"Fahad al-Otaibi"}},
		{"two suspects the courts convicted", "Tomas Herrera and Luis Ortega were found guilty of cocaine trafficking.", []string{"Tomas Herrera", "Luis Ortega"}},
		{"one suspect jailed", "Marcus Reid, 33, was jailed for six years.", []string{"Marcus Reid"}},
		{"a region after a body in a role is no person", "Paul Morgan, Director of Border Force South East and Europe, said the drugs were seized.", []string{"Paul Morgan"}},
		{"a Mc name after a role and a comma", "The Commissioner, Anna McKenzie, welcomed the results.", []string{"Anna McKenzie"}},
		{"two people of one surname", "The suspects were identified as Firoj Mulla, Suraj Magabul Mulla and Kailash Jagtap.", []string{"Firoj Mulla", "Suraj Magabul Mulla", "Kailash Jagtap"}},
		{"two given names and an initial", "PDEA Director Gil Cesario P. Castro said the suspects were arrested.", []string{"Gil Cesario P. Castro"}},
		{"two particles", "Colonel Ahmed bin Khalid al-Sulaiti said the drugs were seized.", []string{"Ahmed bin Khalid al-Sulaiti"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range extractText(t, "", tc.body).People {
				got = append(got, p.Name)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: people %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestBracketedNameAgain checks that a listed acronym written in brackets
// after a name the article gives stays that body where it comes again, and
// that a listed alias of a country's adjective and "police" names no body
// the article does not name.
func TestBracketedNameAgain(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"an acronym again", "The Central Investigation Bureau (CBŚP) raided 12 homes. CBŚP officers seized 40 pistols.", []string{"Central Investigation Bureau"}},
		{"a listed alias by adjective", "Montenegrin police arrested seven people in Podgorica.", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, a := range extractText(t, "", tc.body).Agencies {
				got = append(got, a.Name)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: agencies %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestOrganisationAfterTitledName checks the body of a titled person named
// after a role set off after the name, or alone after it.
func TestOrganisationAfterTitledName(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"a role of the body", "Lieutenant General Abdullah Khalifa Al Marri, Commander-in-Chief of Dubai Police, praised the officers.", "Dubai Police"},
		{"the body alone", "\"We have dismantled the network,\" said Detective Sergeant Amy Lowe, NFIB.", "National Fraud Intelligence Bureau"},
		{"a clause is no role", "Captain Ola Brenn, who worked with the Guardia Civil, praised the officers.", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.People) != 1 || deref(ex.People[0].Organisation) != tc.want {
				t.Errorf("%q: people %+v, want one of %q", tc.body, ex.People, tc.want)
			}
		})
	}
}

// TestSeparateEventNamesNoActorBefore checks that a body named only in a
// separate event told after a figure is not the figure's actor.
func TestSeparateEventNamesNoActorBefore(t *testing.T) {
	body := "Police said they arrested 150 people in raids across the south. Separately, the Sri Lanka Navy said 500 kg of cannabis was seized off Jaffna."
	ex := extractText(t, "", body)
	for _, a := range ex.Arrests {
		if a.Agency != nil {
			t.Errorf("arrests %+v, want no agency", ex.Arrests)
		}
	}
}

// TestNotPolicing checks that news of no police work states no operation
// or seizure: a week of fashion, bodies recovered, species discovered.
func TestNotPolicing(t *testing.T) {
	cases := []struct{ name, body string }{
		{"a week of no enforcement", "The designer showed her collection at London Fashion Week on Friday."},
		{"bodies recovered", "Rescuers recovered 14 bodies from the rubble after the quake."},
		{"species discovered", "Scientists discovered 60 species of deep-sea worms off the coast."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Operations)+len(ex.Seizures)+len(ex.Arrests) != 0 {
				t.Errorf("%q: operations %+v, seizures %+v, arrests %+v, want none", tc.body, ex.Operations, ex.Seizures, ex.Arrests)
			}
		})
	}
}

// TestNamedActorOverInherited checks that an arrest told again with its
// actor named takes that actor over one the first telling inherited.
func TestNamedActorOverInherited(t *testing.T) {
	body := "A man in his 40s has been arrested after cannabis was seized at Dublin Port. Revenue officers seized about 142kgs of cannabis. A man was arrested by An Garda Síochána and is detained in Dublin."
	ex := extractText(t, "", body)
	if len(ex.Arrests) != 1 || deref(ex.Arrests[0].Agency) != "Garda Síochána" {
		var got []string
		for _, a := range ex.Arrests {
			got = append(got, deref(a.Agency))
		}
		t.Errorf("arrests by %q, want one by Garda Síochána", got)
	}
}

// TestNamedSeizerOverInherited checks the same for a haul told twice.
func TestNamedSeizerOverInherited(t *testing.T) {
	body := "Kent Police said the port was busy. Cocaine worth £2 million was found in a lorry at Dover. The cocaine, worth £2 million, was seized by Border Force officers."
	ex := extractText(t, "", body)
	if len(ex.Seizures) != 1 || deref(ex.Seizures[0].Agency) != "Border Force" {
		var got []string
		for _, s := range ex.Seizures {
			got = append(got, deref(s.Agency))
		}
		t.Errorf("seizures by %q, want one by Border Force", got)
	}
}

// TestHeadlineWordsNoCodename checks that the words a title-case headline
// puts after "Operation" name no operation.
func TestHeadlineWordsNoCodename(t *testing.T) {
	for _, body := range []string{"Kent Police Sting Operation Leads to 85 Arrests.", "Police Stage Largest Sting Operation Ever in Miami.",
		"Mega Operation Against Smuggling Nets 2 Tonnes."} {
		for _, op := range extractText(t, "", body).Operations {
			if op.Name != nil {
				t.Errorf("%q: operation %q, want none named", body, *op.Name)
			}
		}
	}
}

// TestVagueSumOfCash checks that cash seized in a vague sum keeps the
// sum's currency, qualified "several".
func TestVagueSumOfCash(t *testing.T) {
	cases := []struct{ name, body, currency string }{
		{"several thousand euros", "Investigators seized 300 lifejackets, several thousand euros in cash and drugs.", "EUR"},
		{"thousands of dollars", "Police in Ohio found key fobs, thousands of dollars in cash and four handguns.", "USD"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, s := range extractText(t, "", tc.body).Seizures {
				if s.Commodity == "cash" {
					if deref(s.Currency) != tc.currency || deref(s.AmountQualifier) != "several" {
						t.Errorf("%q: cash %q %q, want %q several", tc.body, deref(s.Currency), deref(s.AmountQualifier), tc.currency)
					}
					return
				}
			}
			t.Errorf("%q: no cash", tc.body)
		})
	}
}

// TestShortRanks checks officers named after a short rank.
func TestShortRanks(t *testing.T) {
	for body, want := range map[string]string{
		"PC Tom Riley said the plants had been destroyed.":                       "Tom Riley",
		"DS Lucy Hart said the cash would be subject to forfeiture proceedings.": "Lucy Hart",
	} {
		ex := extractText(t, "", body)
		if len(ex.People) != 1 || ex.People[0].Name != want {
			t.Errorf("%q: people %+v, want %s", body, ex.People, want)
		}
	}
}

// TestCountyOfACity checks that a city's name before County or Province
// names the county or province.
func TestCountyOfACity(t *testing.T) {
	ex := extractText(t, "", "Warrants were executed in Perth County and Nairobi County.")
	var got []string
	for _, p := range ex.Places {
		got = append(got, p.Name)
	}
	if want := []string{"Perth County", "Nairobi County"}; !slices.Equal(got, want) {
		t.Errorf("places %q, want %q", got, want)
	}
}

// TestPlaceArea checks a place named with "area" after it.
func TestPlaceArea(t *testing.T) {
	ex := extractText(t, "", "Gardaí stopped a van in the Tallaght area of Dublin and seized 20kg of cannabis.")
	var got []string
	for _, p := range ex.Places {
		got = append(got, p.Name)
	}
	if !slices.Contains(got, "Tallaght") {
		t.Errorf("places %q, want Tallaght among them", got)
	}
}

// TestCoordinatorSpelledWithHyphen checks that a unit that "co-ordinated"
// others' work is not the actor of its figures.
func TestCoordinatorSpelledWithHyphen(t *testing.T) {
	body := "Officers from five forces took part. They were supported and co-ordinated by the South East Regional Organised Crime Unit and 38 people were arrested."
	for _, a := range extractText(t, "", body).Arrests {
		if a.Agency != nil {
			t.Errorf("arrest by %q, want none", *a.Agency)
		}
	}
}

// TestBareCustoms checks that "Customs" alone names the customs agency of
// the article's country, where the gazetteer lists one.
func TestBareCustoms(t *testing.T) {
	ex := extractText(t, "", "Customs officers arrested two men at Auckland Airport after finding 20kg of methamphetamine.")
	if len(ex.Arrests) != 1 || deref(ex.Arrests[0].Agency) != "New Zealand Customs Service" {
		t.Errorf("arrests %+v, want one by New Zealand Customs Service", ex.Arrests)
	}
	if ex := extractText(t, "", "Customs officers arrested two men after finding 20kg of methamphetamine."); len(ex.Agencies) != 0 {
		t.Errorf("with no country: agencies %+v, want none", ex.Agencies)
	}
}

// TestPoliceOfficeOfAForce checks that a police office ("Commissioner of
// Police") is held in the article's one police force, whatever its name.
func TestPoliceOfficeOfAForce(t *testing.T) {
	ex := extractText(t, "", "The Jamaica Constabulary Force seized 15 guns. \"This is a significant seizure,\" said Commissioner of Police George Quallo.")
	if len(ex.People) != 1 || deref(ex.People[0].Organisation) != "Jamaica Constabulary Force" {
		t.Errorf("people %+v, want George Quallo of the Jamaica Constabulary Force", ex.People)
	}
}
