package extract

import (
	"slices"
	"strconv"
	"testing"
)

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

// TestImpersonatedBodies checks that a body named as impersonated is no
// actor, even several words after the verb, and that a one-word name
// inside another body's name ("Inland Revenue Board") is not that body.
func TestImpersonatedBodies(t *testing.T) {
	cases := []struct {
		name, body, want string
		not              string // a body that must not be found, "" for none
	}{
		{"far after the verb", "Kent Police arrested six people. They had been impersonating officials from government agencies including the Federal Bureau of Investigation. Officers seized 3 kg of cocaine.", "Kent Police", ""},
		// (the Inland Revenue Board is a body of its own, not Ireland's Revenue)
		{"one word of another name", "Kent Police arrested six people for impersonating the Inland Revenue Board.", "Kent Police", "Revenue Commissioners"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			for _, a := range ex.Agencies {
				if tc.not != "" && (a.Name == tc.not || slices.Contains(a.Aliases, tc.not)) {
					t.Errorf("%q: agency %q found", tc.body, a.Name)
				}
			}
			for _, a := range ex.Arrests {
				if deref(a.Agency) != tc.want {
					t.Errorf("%q: arrest by %q, want %q", tc.body, deref(a.Agency), tc.want)
				}
			}
			if tc.not == "" && len(ex.Seizures) != 1 {
				t.Errorf("%q: seizures %+v, want one", tc.body, ex.Seizures)
			}
			for _, s := range ex.Seizures {
				if deref(s.Agency) != tc.want {
					t.Errorf("%q: seizure by %q, want %q", tc.body, deref(s.Agency), tc.want)
				}
			}
		})
	}
}

// TestArrestsByNationality checks a breakdown by nationality after a
// passive count ("nine were arrested, including six Pakistanis, ...") and
// two groups of nationals after "the arrest of".
func TestArrestsByNationality(t *testing.T) {
	cases := []struct {
		name, body string
		want       []float64
	}{
		{"breakdown after a passive count", "Nine suspects were arrested, including six Pakistanis, two Indians and an Iranian.", []float64{9, 6, 2, 1}},
		{"nationals after 'the arrest of'", "The seizure led to the arrest of a British national and two Ghanaians.", []float64{3}},
		{"a description is no breakdown", "Four carriers were arrested, including two foreign nationals.", []float64{4}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := arrestCounts(ex)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: counts %v, want %v", tc.body, got, tc.want)
			}
		})
	}
}

// TestSingleListedGoods checks that goods no list names, each after "a",
// count one ("a machete", "a sun bear"), that "one of the vehicles" is
// where, not a count, and that one thing found in the passive is seized.
func TestSingleListedGoods(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string // commodity/subtype quantity, in any order
	}{
		{"a listed thing is one", "Officers seized a pistol, a machete and a tractor from the house.", []string{"firearms/pistol 1", "other/machete 1", "vehicles/tractor 1"}},
		{"an animal is one", "Officers seized a clouded leopard, a sun bear and four birds from the suspects.", []string{"other/clouded leopard 1", "other/sun bear 1", "other/birds 4"}},
		{"one thing found, passive", "A 9mm pistol was also found inside one of the vehicles.", []string{"firearms/pistol 1"}},
		{"what came before a passive find is not all found", "After checks on his documents, the cocaine was found.", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := seizureQuantities(ex)
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tc.want))
			if !slices.Equal(got, want) {
				t.Errorf("%q: seizures %q, want %q", tc.body, got, want)
			}
		})
	}
}

// TestNotGoodsAfterSum checks that a sum of harm, loss or revenue is no
// haul, and that sums of money are no other goods.
func TestNotGoodsAfterSum(t *testing.T) {
	cases := []struct {
		name, body string
		want       int
	}{
		{"harm prevented", "Customs seized 700 kg of methamphetamine. The seizure prevented an estimated $136.3 million of social harm to communities.", 1},
		{"lost revenue", "Officers seized 40,000 cigarettes, which represent $2 million in lost revenue.", 1},
		{"sums are cash", "Police seized 8,920 euros as well as sums in Lebanese pounds.", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Seizures) != tc.want {
				t.Errorf("%q: seizures %+v, want %d", tc.body, ex.Seizures, tc.want)
			}
			for _, s := range ex.Seizures {
				if s.Commodity == "other" && s.Amount != nil {
					t.Errorf("%q: a sum of other goods %+v", tc.body, s)
				}
			}
		})
	}
}

// TestPeopleNamesAndRanks checks four-word names ("Ayob Khan Mydin
// Pitchay"), a surname alone after a shortened rank as written ("Sgt
// Walters", but not "Guardia di Finanza"), and a unit's name after a rank
// word ("General Investigation Section"), which is no person.
func TestPeopleNamesAndRanks(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"four-word name", "Kedah police chief Wan Hassan Wan Ahmad said all the suspects were held.", []string{"Wan Hassan Wan Ahmad"}},
		{"shortened ranks", "The victims were rescued by Sgt Walters and Cpl Ramsarran of the Counter-Trafficking Unit.", []string{"Walters", "Ramsarran"}},
		{"no rank in lower case", "The Guardia di Finanza seized 62 kg of cocaine in the port.", nil},
		{"a unit after a rank word", "The Portage la Prairie RCMP General Investigation Section seized 2 kg of cocaine.", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := peopleNames(ex)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: people %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestAgencyNamesAndUnits checks names of bodies: a service of wildlife or post, a place's customs, a name that
// runs to the end of a place ("... of New York"), "Multi-" joined to a
// name, and a unit set off after its body by commas, whose figures are
// the body's.
func TestAgencyNamesAndUnits(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"multi- joined to a name", "The Multi-Agency Gang Unit seized 2 kg of cocaine.", "Multi-Agency Gang Unit"},
		{"a wildlife service", "Kenya Wildlife Service rangers seized 20 kg of ivory.", "Kenya Wildlife Service"},
		{"a postal service", "The U.S. Postal Service intercepted 4 kg of fentanyl.", "U.S. Postal Service"},
		{"a place's customs", "Shenzhen customs seized 250 sacks of pangolin scales.", "Shenzhen Customs"},
		{"no name ends inside a place", "The Attorney's Office of Southern District of New York seized 2 kg of heroin.", "U.S. Attorney's Office for the Southern District of New York"},
		{"a unit after its body", "Operatives of the Economic and Financial Crimes Commission, EFCC, Advance Fee Fraud Section seized 3 cars. The operatives also seized 2 kg of cocaine.", "Economic and Financial Crimes Commission"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Seizures) == 0 {
				t.Fatalf("%q: no seizure", tc.body)
			}
			for _, s := range ex.Seizures {
				if deref(s.Agency) != tc.want {
					t.Errorf("%q: seizure by %q, want %q", tc.body, deref(s.Agency), tc.want)
				}
			}
		})
	}
}

// TestOpenPlacesCued checks towns the open gazetteer lists where the text
// marks a place: "the east Chinese city of", a town's name before a person
// or home ("a 42-year-old Bankstown man"), and after "within".
func TestOpenPlacesCued(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"adjectives between article and noun", "Police in the east Chinese city of Wenzhou arrested 18 suspects.", "Wenzhou"},
		{"a town's man", "Police charged a 42-year-old Bankstown man over the cash.", "Bankstown"},
		{"a town's residence", "Officers searched a Bankstown residence on Monday.", "Bankstown"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := placeNames(ex)
			if !slices.Contains(got, tc.want) {
				t.Errorf("%q: places %q, want %q among them", tc.body, got, tc.want)
			}
		})
	}
}

// TestPreviouslyDescribesGoods checks that "previously" before a word that
// describes the goods ("previously reported as stolen") does not make the
// sentence tell of an earlier time, whose figures would be no one's.
func TestPreviouslyDescribesGoods(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"goods reported stolen", "The Guardia Civil has dismantled a drug gang. During the raids, officers seized two shotguns previously reported as stolen.", "Guardia Civil"},
		{"an earlier time", "The Guardia Civil has dismantled a drug gang. Officers had previously seized two shotguns in Malaga.", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Seizures) != 1 || deref(ex.Seizures[0].Agency) != tc.want {
				t.Errorf("%q: seizures %+v, want one by %q", tc.body, ex.Seizures, tc.want)
			}
		})
	}
}

// TestSuspectLists checks lists of named suspects: after a noun and a
// comma, after "identified as" with a one-word name first and a first
// name that is also a town, and after a dash with a role in brackets.
func TestSuspectLists(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"after a noun", "Police have arrested four drug traffickers, Do Van Thu, Nguyen Kien Cuong, Nguyen Khac Minh and Truong Nguyen Vu, in the city.", []string{"Do Van Thu", "Nguyen Kien Cuong", "Nguyen Khac Minh", "Truong Nguyen Vu"}},
		{"one word first", "The accused have been identified as Goparam, Milan Kumar and Sahil Jain.", []string{"Goparam", "Milan Kumar", "Sahil Jain"}},
		{"after a dash", "Four suspects - Arako Abdullahi (driver), Ali Hussein, 28, and Udheifa Yusuf Garre, 20 - were arrested.", []string{"Arako Abdullahi", "Ali Hussein", "Udheifa Yusuf Garre"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := peopleNames(ex)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: people %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestFacilityPlaces checks ports, wharves, crossings and the like named
// with their town, which give way to no separate town.
func TestFacilityPlaces(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"wharves of a known town", "Officers seized 15 rifles at Kingston Wharves on Monday.", []string{"Kingston Wharves"}},
		{"a port", "Customs seized 250 sacks of scales through Yantian Port in July.", []string{"Yantian Port"}},
		{"a crossing", "Officers seized 4 kg of fentanyl at the Peace Arch Crossing on Friday.", []string{"Peace Arch Crossing"}},
		{"a national park", "Rangers seized the ivory in Meru National Park.", []string{"Meru National Park"}},
		{"islands", "Rangers in the Galapagos Islands seized 300 shark fins.", []string{"Galapagos Islands"}},
		{"the start of a unit's name", "Officers seized 2 kg of cocaine with assistance from the Northern District MIS team.", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := placeNames(ex)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: places %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestGardaiAreGeneric checks that "Gardaí", Ireland's word for police
// officers, names no agency (as dev article 39's gold reads it), and that
// a body's short name before an office ("Garda Commissioner") names none,
// while its full name and an acronym before an office do.
func TestGardaiAreGeneric(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"officers", "Gardaí arrested a man aged in his 40s.", ""},
		{"the full name", "An Garda Síochána arrested a man aged in his 40s.", "Garda Síochána"},
		{"an office", "Two men were arrested, Garda Commissioner Drew Harris said.", ""},
		{"an acronym before an office", "NCA Director Chris Farrimond said two men were arrested.", "National Crime Agency"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := agencyNames(ex)
			if tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Contains(got, tc.want) {
				t.Errorf("%q: agencies %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestPoliceDistrictIsNoBody checks that a police district, precinct or
// zone is a territory, not a body ("the Fourth Police District").
func TestPoliceDistrictIsNoBody(t *testing.T) {
	for _, body := range []string{
		"The cocaine was seized in Guayaquil, according to the head of the Fourth Police District, Hector Machado.",
		"Officers of the 41st Police Precinct seized 2 kg of heroin.",
	} {
		ex := extractText(t, "", body)
		if len(ex.Agencies) > 0 {
			t.Errorf("%q: agencies %+v, want none", body, ex.Agencies)
		}
	}
}

// TestDescribedSingleGoods checks one thing after "a" and words that
// describe it ("a pump action gun", "an AK47 assault rifle"), not after a
// word of quantity ("a number of guns"), and gear named by its goods ("a
// rifle cleaning kit"), which is other goods.
func TestDescribedSingleGoods(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"described gun", "Police recovered a pump action gun at the hideout.", []string{"firearms/guns 1"}},
		{"model and kind", "Police recovered an AK47 assault rifle and a pistol at the hideout.", []string{"firearms/assault rifle 1", "firearms/pistol 1"}},
		{"a number of", "Police recovered a number of guns at the hideout.", []string{"firearms/guns -"}},
		{"gear", "The items recovered included a ground sheet and a rifle cleaning kit.", []string{"other/ground sheet 1", "other/rifle cleaning kit 1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := seizureQuantities(ex)
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: seizures %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestArrestTotalsAndParts checks a total whose verb follows its parts
// ("Ten people including five British and two Philippine nationals have
// been arrested"), ages in brackets after initials (no counts), officers of
// a body among the arrested (not the actor), and the headline said again
// in the body (one arrest, wherever each telling places it).
func TestArrestTotalsAndParts(t *testing.T) {
	cases := []struct {
		name, title, body string
		want              []string // count/agency
	}{
		{"total after its parts", "", "Ten people including five British and two Philippine nationals have been arrested by the Malaysian Anti-Corruption Commission.",
			[]string{"10/Malaysian Anti-Corruption Commission", "2/Malaysian Anti-Corruption Commission", "5/Malaysian Anti-Corruption Commission"}},
		{"ages after initials", "", "The suspects, identified as KA (24), AD (24) and AT (33), were caught at the airport.", nil},
		{"officers among the arrested", "", "Italian police have arrested 37 people, including two Carabinieri officers.", []string{"2/", "37/"}},
		{"the headline again", "24 people arrested in St Catherine", "24 people arrested in St Catherine\nKINGSTON, Jamaica - The Jamaica Constabulary Force says 24 people were arrested during operations today.",
			[]string{"24/Jamaica Constabulary Force"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			front := ""
			if tc.title != "" {
				front = "title: \"" + tc.title + "\""
			}
			ex := extractText(t, front, tc.body)
			var got []string
			for _, a := range ex.Arrests {
				got = append(got, strconv.FormatFloat(*a.Count, 'g', -1, 64)+"/"+deref(a.Agency))
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: arrests %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestGoodsKinds checks the kind of goods ANNOTATION's readers give: air
// guns and magazines are no firearms or rounds, devices that are not
// phones are other goods, aircraft and submarines are vehicles.
func TestGoodsKinds(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"air guns", "Officers seized 22 air guns at the warehouse.", "other"},
		{"magazines", "Officers seized 30 assorted magazines at the warehouse.", "other"},
		{"electronic devices", "Officers seized 5 electronic devices at the warehouse.", "other"},
		{"aircraft", "Police seized 2 aircrafts used to fly migrants.", "vehicles"},
		{"submarines", "The navy seized 6 submarines used to carry cocaine.", "vehicles"},
		{"immobilized", "During the operation 49 vessels were immobilized.", "vehicles"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Seizures) != 1 || ex.Seizures[0].Commodity != tc.want {
				t.Errorf("%q: seizures %+v, want one of %s", tc.body, ex.Seizures, tc.want)
			}
		})
	}
}

// TestSumsInOtherCurrencies checks a sum given again in another currency
// after "or" (one haul), a sum "in assets" after its conversion in
// brackets (other goods), and a sum "of criminal money" (cash).
func TestSumsInOtherCurrencies(t *testing.T) {
	expectEach(t, seizureSums, []extractCase[string]{
		{"or another currency", "Police seized 247,400 cigarettes valued at 150,000 quetzals or BZ$38,220.99 at the border.", []string{"other/cigarettes 150000 GTQ"}},
		{"in assets past a conversion", "Police have seized 11 million euros ($13 million) in assets.", []string{"other/assets 1.1e+07 EUR"}},
		{"of criminal money", "A total of 200 million euros ($227 million) of criminal money was seized.", []string{"cash/ 2e+08 EUR"}},
	})
}

// TestPeopleOfTheBody checks people whose body a role names by its head
// noun ("the spokesperson of the agency, Mr Femi Babafemi"), and a body's
// role in capitals before the name ("EFCC's Head of Media and Publicity,
// Tony Orilade").
func TestPeopleOfTheBody(t *testing.T) {
	cases := []struct{ name, body, who, role, org string }{
		{"of the agency", "The National Drug Law Enforcement Agency seized 20 kg of cannabis, according to a statement by the spokesperson of the agency, Mr Femi Babafemi.",
			"Femi Babafemi", "spokesperson", "National Drug Law Enforcement Agency"},
		{"of the Commission", "The Economic and Financial Crimes Commission arrested 22 suspects on the directive of the acting Executive Chairman of the Commission, Ibrahim Magu.",
			"Ibrahim Magu", "acting Executive Chairman", "Economic and Financial Crimes Commission"},
		{"a role in capitals", "The Economic and Financial Crimes Commission arrested 22 suspects. EFCC's Head of Media and Publicity, Tony Orilade, said so.",
			"Tony Orilade", "Head of Media and Publicity", "Economic and Financial Crimes Commission"},
		{"a body before a shortened rank", "The investigation led to charges against 13 people, Ontario Provincial Police Det. Insp. Jason Kennedy said.",
			"Jason Kennedy", "", "Ontario Provincial Police"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			for _, p := range ex.People {
				if p.Name == tc.who {
					if deref(p.Role) != tc.role || deref(p.Organisation) != tc.org {
						t.Errorf("%q: %s is %q of %q, want %q of %q", tc.body, p.Name, deref(p.Role), deref(p.Organisation), tc.role, tc.org)
					}
					return
				}
			}
			t.Errorf("%q: no %s in %+v", tc.body, tc.who, ex.People)
		})
	}
}

// TestNewsAgencyIsNoBody checks that a news agency named by pattern
// ("the Polish Press Agency reported") is no agency of the graph.
func TestNewsAgencyIsNoBody(t *testing.T) {
	ex := extractText(t, "", "Eight people were detained, the Polish Press Agency reported.")
	if len(ex.Agencies) > 0 || len(ex.Arrests) != 1 || ex.Arrests[0].Agency != nil {
		t.Errorf("agencies %+v, arrests %+v: want no agency", ex.Agencies, ex.Arrests)
	}
}

// TestGoodsBrokenDown checks a haul broken down in the next sentence ("The
// firearms included 12 pistols, ...") and one thing found in the passive
// after a time of day.
func TestGoodsBrokenDown(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"included after a haul", "Police seized 48 firearms. The firearms included 12 pistols, 16 rifles and 20 submachine guns.",
			[]string{"firearms/ 48", "firearms/pistols 12", "firearms/rifles 16", "firearms/submachine guns 20"}},
		{"no haul before", "The weapons included 12 pistols and 16 rifles, the minister said of the army's stock.", nil},
		{"found after a time", "About 9:55 am a Hi-Point pistol was found in a heavily vegetated area.", []string{"firearms/pistol 1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := seizureQuantities(ex)
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: seizures %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestNamedSuspectsAndOfficials checks two named suspects before the verb
// with where they are from, a suspect named with "one" or "a certain", a
// role in capitals with its acronym before the name, names of five words,
// and a headline in title case, which names no one.
func TestNamedSuspectsAndOfficials(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"a pair from a region", "The agency said George Njeru Mutithi and Abdi Ibrahim Arow from northern Kenya were arrested in Tseikuru.", []string{"George Njeru Mutithi", "Abdi Ibrahim Arow"}},
		{"one and a certain", "The package was sent by one Anselmo Dela Cruz and was consigned to a certain Gregorio Dela Cruz, who remains at large.", []string{"Anselmo Dela Cruz", "Gregorio Dela Cruz"}},
		{"a role and its acronym", "Divisional Forest Officer (DFO), Parag Madhukar Dhakate, said police were keeping a close watch.", []string{"Parag Madhukar Dhakate"}},
		{"five words", "The ten were remanded on an order issued by Magistrate Mohd Dinie Shazwan Ab Shukor today.", []string{"Mohd Dinie Shazwan Ab Shukor"}},
		{"a headline", "Kuwait Arrests 9 Suspects, Seizes Large Quantities Of Narcotics", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := peopleNames(ex)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: people %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// TestDirectionsInPlaces checks that a capitalised direction is part of a
// place's name ("Southern Italy", "West Auckland") and a lower-case one
// only says where in it ("northern Kenya" is Kenya), as the golds read it.
func TestDirectionsInPlaces(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"capitalised", "Police seized 62 kg of cocaine in Southern Italy.", "Southern Italy"},
		{"lower case", "The two suspects from northern Kenya were arrested on Friday.", "Kenya"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := placeNames(ex)
			if !slices.Equal(got, []string{tc.want}) {
				t.Errorf("%q: places %q, want [%q]", tc.body, got, tc.want)
			}
		})
	}
}

// TestStaffFromAUnit checks that a body's staff from one of its units act
// for the body ("CBSA investigators from the Weapons Smuggling Integrated
// Enforcement Team ... found"), in their sentence and those after.
func TestStaffFromAUnit(t *testing.T) {
	body := "On February 6, Canada Border Services Agency investigators from the Weapons Smuggling Integrated Enforcement Team executed a search warrant in Gatineau. At the site they found 61 firearms."
	ex := extractText(t, "", body)
	if len(ex.Seizures) != 1 || deref(ex.Seizures[0].Agency) != "Canada Border Services Agency" {
		t.Errorf("seizures %+v, want one by the Canada Border Services Agency", ex.Seizures)
	}
}

// TestDescribedParts checks parts of a total that say who they are ("37
// people, including two Carabinieri officers"), as dev 105's gold counts
// "four carriers, including two foreign nationals".
func TestDescribedParts(t *testing.T) {
	cases := []struct {
		name, body string
		want       []float64
	}{
		{"officers of a body", "Italian police have arrested 37 people, including two Carabinieri officers.", []float64{37, 2}},
		{"two kinds", "Police arrested 849 people, including 119 undocumented individuals and eight wanted individuals.", []float64{849, 119, 8}},
		{"foreign nationals", "Officers arrested four carriers, including two foreign nationals.", []float64{4, 2}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := arrestCounts(ex)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: counts %v, want %v", tc.body, got, tc.want)
			}
		})
	}
}

// TestOneMoreArrested checks one more person by an ordinal ("a third was
// arrested") and one by a pronoun ("Customs arrested her"), which merges
// with a person counted before ("arrested John Smith ... detained him").
func TestOneMoreArrested(t *testing.T) {
	cases := []struct {
		name, body string
		want       []float64
	}{
		{"an ordinal", "Two smugglers fled the scene while a third was arrested in the garage.", []float64{1}},
		{"ages set off by commas", "Three men, aged 21, 24 and 30, were arrested on suspicion of conspiracy to supply drugs.", []float64{3}},
		{"a pronoun", "The woman arrived with 3 kg of cocaine in her suitcase. Customs arrested her at the airport.", []float64{1}},
		{"a pronoun after the name", "Police arrested John Smith, 34, on Monday. Officers detained him at his home.", []float64{1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := arrestCounts(ex)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: counts %v, want %v", tc.body, got, tc.want)
			}
		})
	}
}

// TestUnitNamesWithAnd checks a unit's name that opens with its service's
// head word and holds "and" ("the Customs Intelligence and Investigation
// Service"), and that "its" before a unit's whole name leaves no piece of
// it as a body of its own.
func TestUnitNamesWithAnd(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"head word first", "Officers of the Customs Intelligence and Investigation Service seized 6,000 rounds of ammunition.", []string{"Customs Intelligence and Investigation Service"}},
		{"its unit", "The Bureau of Customs said its Customs Intelligence and Investigation Service seized 6,000 rounds of ammunition.", []string{"Bureau of Customs"}},
		{"a general's office", "The cards were seized as the Arizona Attorney General's Office continues its investigation.", []string{"Arizona Attorney General's Office"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			got := agencyNames(ex)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: agencies %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}

// The facts of an extraction as the tables above compare them.

// each gives f of every item of xs, in order.
func each[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func peopleNames(ex Extraction) []string {
	return each(ex.People, func(p Person) string { return p.Name })
}

func operationNames(ex Extraction) []string {
	return each(ex.Operations, func(o Operation) string { return deref(o.Name) })
}

func platformNames(ex Extraction) []string {
	return each(ex.Platforms, func(p NamedThing) string { return p.Name })
}

func placeNames(ex Extraction) []string {
	return each(ex.Places, func(p Place) string { return p.Name })
}

func agencyNames(ex Extraction) []string {
	return each(ex.Agencies, func(a Agency) string { return a.Name })
}

func arrestCounts(ex Extraction) []float64 {
	return each(ex.Arrests, func(a Arrest) float64 { return *a.Count })
}

// seizureSubtypes lists each seizure's commodity and subtype.
func seizureSubtypes(ex Extraction) []string {
	return each(ex.Seizures, func(s Seizure) string { return s.Commodity + "/" + deref(s.Subtype) })
}

// seizureQuantities gives each seizure as "commodity/subtype quantity" ("-" for none).
func seizureQuantities(ex Extraction) []string {
	var out []string
	for _, s := range ex.Seizures {
		q := "-"
		if s.Quantity != nil {
			q = strconv.FormatFloat(*s.Quantity, 'g', -1, 64)
		}
		out = append(out, s.Commodity+"/"+deref(s.Subtype)+" "+q)
	}
	return out
}

// seizureSums gives each seizure as "commodity/subtype amount currency" ("-" for no amount).
func seizureSums(ex Extraction) []string {
	return each(ex.Seizures, func(s Seizure) string {
		a := "-"
		if s.Amount != nil {
			a = strconv.FormatFloat(*s.Amount, 'g', -1, 64)
		}
		return s.Commodity + "/" + deref(s.Subtype) + " " + a + " " + deref(s.Currency)
	})
}

// TestQuotedGroups checks groups named by a quoted label after a word for
// a group, and a group's name with a connector and its kind.
func TestQuotedGroups(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"quoted labels", "Operations led to the detention of 44 members of the gang “Los Urabeños,” 31 members of “Los Paisas,” and two members of “ERPAC.”", []string{"Los Urabeños", "Los Paisas", "ERPAC"}},
		{"a connector", "He was a former leader of the Norte del Valle cartel, police said.", []string{"Norte del Valle cartel"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var got []string
			for _, g := range ex.Groups {
				got = append(got, g.Name)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: groups %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}
