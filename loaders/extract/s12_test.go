package extract

import (
	"fmt"
	"testing"
)

// TestCurrencyNamesNoPlace checks that a country's name inside a
// currency's ("US$", "US dollars") names no place.
func TestCurrencyNamesNoPlace(t *testing.T) {
	cases := []struct{ name, body string }{
		{"a sign glued to the name", "Police in Kingston seized cannabis with a street value of US$ 12,000."},
		{"a currency named by its country", "Agents in Kingston seized $281,000 in U.S. currency at the crossing."},
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

// TestElidedArrests checks the counts after an arrest figure that leave
// out their noun and verb: counts of their own after the figure's place,
// its parts right after its noun.
func TestElidedArrests(t *testing.T) {
	type arrest struct {
		count  float64
		place  string
		partOf int
	}
	cases := []struct {
		name, body string
		want       []arrest
	}{
		{"counts of their own", "Eleven people were arrested in Portugal, five in Italy and 8 in Austria.",
			[]arrest{{11, "Portugal", -1}, {5, "Italy", -1}, {8, "Austria", -1}}},
		{"one more after and", "Two suspects were arrested in Latvia and one in Estonia.",
			[]arrest{{2, "Latvia", -1}, {1, "Estonia", -1}}},
		{"another", "Eight suspects were arrested in Portugal and another five in Spain.",
			[]arrest{{8, "Portugal", -1}, {5, "Spain", -1}}},
		{"the same count again, after the", "Two suspects were arrested in Croatia and two in the Netherlands.",
			[]arrest{{2, "Croatia", -1}, {2, "Netherlands", -1}}},
		{"parts after a dash and a figure of another noun", "Police arrested 20 people in three provinces – 12 in Cadiz, five in Huelva and three in Seville.",
			[]arrest{{20, "", -1}, {12, "Cádiz", 0}, {5, "Huelva", 0}, {3, "Seville", 0}}},
		{"others", "The raids led to one arrest in Latvia and two others in Estonia.",
			[]arrest{{1, "Latvia", -1}, {2, "Estonia", -1}}},
		{"a breakdown in brackets with a noun", "The operation led to 90 arrests: Spain (50 people), Italy (25 people) and Greece (15 people).",
			[]arrest{{90, "", -1}, {50, "Spain", 0}, {25, "Italy", 0}, {15, "Greece", 0}}},
		{"parts of a whole", "Police arrested 30 people: 12 in Greece and 18 in Cyprus.",
			[]arrest{{30, "", -1}, {12, "Greece", 0}, {18, "Cyprus", 0}}},
		{"a measure after and is no count", "Officers arrested 12 people in Leeds and seized 2 kg of heroin in Bradford.",
			[]arrest{{12, "Leeds", -1}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var got []arrest
			for _, a := range ex.Arrests {
				p := -1
				if a.PartOf != nil {
					p = *a.PartOf
				}
				got = append(got, arrest{deref2(a.Count), deref(a.Location), p})
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("%q: arrests %v, want %v", tc.body, got, tc.want)
			}
		})
	}
}

// TestRoleOfABody checks that a role "of" a body the text names gives the
// person that body and the role without it.
func TestRoleOfABody(t *testing.T) {
	ex := extractText(t, "", "The Director General of the National Crime Agency, Ola Brenn, said the network was finished.")
	if len(ex.People) != 1 || ex.People[0].Name != "Ola Brenn" || deref(ex.People[0].Role) != "Director General" || deref(ex.People[0].Organisation) != "National Crime Agency" {
		t.Errorf("people %+v, want Ola Brenn, Director General of the National Crime Agency", ex.People)
	}
}

// TestNoActorButWhoActed checks bodies named beside a figure that did not
// make it: the first of a list of coordinators, and the body whose member
// was arrested.
func TestNoActorButWhoActed(t *testing.T) {
	cases := []struct{ name, body string }{
		{"the first of a list that coordinated", "Interpol and the WCO coordinated some 300 arrests worldwide."},
		{"a member arrested", "Police arrested a PDEA official and two accomplices in Pasig."},
		{"a member was arrested", "Two NDLEA officers were arrested in Kano on Friday."},
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

// TestPassiveArrestNouns checks counts of people of more kinds who were
// arrested, officers among them ("200 officers arrested 12" counts actors).
func TestPassiveArrestNouns(t *testing.T) {
	for _, body := range []string{
		"Two customs officers were arrested in Kano on Friday.",
		"Two NDLEA officers were arrested in Kano on Friday.",
		"Two former soldiers were arrested in Kano on Friday.",
	} {
		ex := extractText(t, "", body)
		if len(ex.Arrests) != 1 || deref2(ex.Arrests[0].Count) != 2 {
			t.Errorf("%q: arrests %+v, want one count of 2", body, ex.Arrests)
		}
		for _, a := range ex.Agencies {
			if a.Name == "Two NDLEA" {
				t.Errorf("%q: a count read into an agency's name", body)
			}
		}
	}
	ex := extractText(t, "", "Some 200 officers arrested 12 people in dawn raids.")
	if len(ex.Arrests) != 1 || deref2(ex.Arrests[0].Count) != 12 {
		t.Errorf("arrests %+v, want one count of 12", ex.Arrests)
	}
}

// TestPlaceInsideAnotherName checks that a known place inside an
// airline's, a longer hyphenated place's, a quoted person's or a sea's
// name is not that place.
func TestPlaceInsideAnotherName(t *testing.T) {
	cases := []struct{ name, body, notPlace string }{
		{"an airline", "The courier arrived from Lagos on a Qatar Airways flight.", "Qatar"},
		{"a flight named by its airline", "The drugs were found on an Emirates flight from Lagos.", "United Arab Emirates"},
		{"a longer name after a hyphen", "Police in Baden-Wuerttemberg arrested 14 people.", "Baden"},
		{"a person's first name after said", "\"It is a record,\" said Chad Morrow, a customs spokesman.", "Chad"},
		{"a strait", "The boat was intercepted in the Makassar Strait by the navy.", "Makassar"},
		{"a ship", "The cutter Hamilton offloaded 20 tonnes of cocaine in Florida.", "Hamilton"},
		{"an operation", "Operation Monaco led to 12 arrests in Spain.", "Monaco"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, p := range extractText(t, "", tc.body).Places {
				if p.Name == tc.notPlace {
					t.Errorf("%q: place %q read", tc.body, tc.notPlace)
				}
			}
		})
	}
}

// TestMoreArrestWordings checks arrests worded with a hyphenated pair
// before the noun, "picked up", "caught with" and targets.
func TestMoreArrestWordings(t *testing.T) {
	cases := []struct {
		name, body string
		count      float64
	}{
		{"a hyphenated nationality", "A 52-year-old Anglo-Irish citizen was also arrested in Marbella.", 1},
		{"picked up", "Nine suspects were picked up in Marbella.", 9},
		{"high-value targets", "Four high-value targets were arrested in Marbella.", 4},
		{"caught with", "Tomas Varga was caught with 3 kg of cocaine in Marbella.", 1},
		{"the verb first", "Arrested were two men from Marbella.", 2},
		{"the driver and passenger", "Troopers arrested the driver and passenger near Marbella.", 2},
		{"no noun after the count", "Police said 22 have been arrested so far in Marbella.", 22},
		{"in custody", "Officials said 29 people are now in custody in Marbella.", 29},
		{"an officer", "One customs officer was arrested in Marbella.", 1},
		{"a couple", "Officers arrested a couple at the airport in Marbella.", 2},
		{"an age after a name is no count", "Fernando Mwenda, 42 was arrested at the port of Marbella.", 1},
		{"placed under arrest", "Officers placed the passenger under arrest in Marbella.", 1},
		{"captured", "Authorities captured 13 people aboard the vessel off Marbella.", 13},
		{"also arrested, a name", "Also arrested was Maria Esposito, the wife of the boss.", 1},
		{"found and arrested", "Eleven suspects were found and arrested in Marbella.", 11},
		{"both, after the verb", "Customs officers arrested both the driver and his passenger at Marbella.", 2},
		{"a long phrase between the noun and the verb", "64 individuals suspected of large-scale migrant smuggling from Albania to the EU have been arrested in Marbella.", 64},
		{"both, of a vehicle", "Both occupants of the van were arrested near Marbella.", 2},
		{"both alone", "Both men were detained in Marbella.", 2},
		{"an age alone", "The 41-year-old was arrested on Tuesday in Marbella.", 1},
		{"a male in his thirties", "A male in his 30s was arrested in Marbella.", 1},
		{"the arrest of two people described", "The raid led to the arrest of a 29-year-old man and a 31-year-old woman.", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Arrests) != 1 || deref2(ex.Arrests[0].Count) != tc.count {
				t.Errorf("%q: arrests %+v, want one count of %v", tc.body, ex.Arrests, tc.count)
			}
		})
	}
}

// TestArrestedWereNames checks a sentence that opens "Arrested were" and
// lists names: one arrest each, and each a person, even one whose
// surname is a place.
func TestArrestedWereNames(t *testing.T) {
	ex := extractText(t, "", "Arrested were Juan Cruz, Pedro Santos and Maria Lopez.")
	if len(ex.Arrests) != 1 || deref2(ex.Arrests[0].Count) != 3 || ex.Arrests[0].Location != nil {
		t.Errorf("arrests %+v, want one count of 3 with no place", ex.Arrests)
	}
	if len(ex.People) != 3 {
		t.Errorf("people %+v, want three", ex.People)
	}
	for in, want := range map[string]int{
		"Arrested were two men from Leeds.":                            0,
		"Those detained were Ada Obi, 34, of Ikeja, and Femi Ade, 29.": 2,
	} {
		if got := namesListedArrested(in); got != want {
			t.Errorf("namesListedArrested(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestTotalRestated checks that a sentence summing up ("In total, ...")
// restates a count told before, wherever its places.
func TestTotalRestated(t *testing.T) {
	ex := extractText(t, "", "The inquiry led to 23 arrests in Europe. Officers found 300 kg of cocaine on a yacht. In total, 23 people were arrested in four countries, including two in Lisbon.")
	n := 0
	for _, a := range ex.Arrests {
		if deref2(a.Count) == 23 {
			n++
		}
	}
	if n != 1 {
		t.Errorf("arrests %+v, want one count of 23", ex.Arrests)
	}
}

// TestYearIsNoArrestCount checks that a year after a law's name is no
// count of arrests.
func TestYearIsNoArrestCount(t *testing.T) {
	ex := extractText(t, "", "The gold was seized under the Customs Act, 1962 and the passenger was arrested.")
	if len(ex.Arrests) != 1 || deref2(ex.Arrests[0].Count) != 1 {
		t.Errorf("arrests %+v, want one count of 1", ex.Arrests)
	}
}

// TestRupeeSignEndsNoSentence checks that "Rs." ends no sentence and is
// no place.
func TestRupeeSignEndsNoSentence(t *testing.T) {
	ex := extractText(t, "", "The DRI seized 2.1 kg of gold valued at Rs. 1.45 crore.")
	if len(ex.Places) != 0 {
		t.Errorf("places %+v, want none", ex.Places)
	}
	if len(ex.Seizures) != 1 || deref2(ex.Seizures[0].Amount) != 1.45e7 {
		t.Errorf("seizures %+v, want one of Rs 1.45 crore", ex.Seizures)
	}
}

// TestSingleArrestsApart checks that two arrests of one person each, made
// in places the text names apart in sentences of their own, are two, and
// that one told twice is one.
func TestSingleArrestsApart(t *testing.T) {
	ex := extractText(t, "", "Officers arrested a 23-year-old man in Worcester on Monday. On Friday they arrested a 45-year-old man in Pershore.")
	if len(ex.Arrests) != 2 {
		t.Errorf("arrests %+v, want two", ex.Arrests)
	}
	ex = extractText(t, "", "Officers arrested a man in Worcester on Monday. The man, who was arrested in a car park, is 23.")
	if len(ex.Arrests) != 1 {
		t.Errorf("arrests %+v, want one", ex.Arrests)
	}
	if ex := extractText(t, "", "Both were held in custody to await a bail hearing."); len(ex.Arrests) != 0 {
		t.Errorf("arrests %+v, want none for a remand", ex.Arrests)
	}
}

// TestNotTheActorOfItsSentence checks bodies a figure's sentence names
// that did not make it: a court, a body the goods were handed to, a
// partner named with its country's possessive, a valuation's body.
func TestNotTheActorOfItsSentence(t *testing.T) {
	cases := []struct{ name, body, notActor string }{
		{"a court", "Seven men have been arrested and will appear in the Manukau District Court.", "Manukau District Court"},
		{"handed over to", "The driver was arrested by CBP officers in Nogales and handed over to Homeland Security Investigations agents.", "Homeland Security Investigations"},
		{"a partner after a possessive", "The Narcotics Control Commission, in collaboration with the United Kingdom's National Crime Agency, intercepted 80 kg of cocaine.", "National Crime Agency"},
		{"a valuation's body", "Agents seized 200 grams of shabu with a Dangerous Drugs Board value of P1.3 million.", "Dangerous Drugs Board"},
		{"the first of a list that says", "Interpol and the World Customs Organization said their operation saw officers make some 700 arrests.", "INTERPOL"},
		{"in coordination with", "The Dominican Navy, in coordination with the Public Ministry, seized 300 kg of cocaine and arrested three men.", "Public Ministry"},
		{"coordinated from its seat", "Nine suspects were arrested in raids coordinated from Eurojust's headquarters.", "Eurojust"},
		{"a member of the task force that acted", "The Regional Fraud Taskforce, made up of members of Queensland Police and the AFP, arrested four people.", "Australian Federal Police"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			for _, a := range ex.Arrests {
				if deref(a.Agency) == tc.notActor {
					t.Errorf("%q: arrest given to %q", tc.body, tc.notActor)
				}
			}
			for _, s := range ex.Seizures {
				if deref(s.Agency) == tc.notActor {
					t.Errorf("%q: seizure given to %q", tc.body, tc.notActor)
				}
			}
		})
	}
}

// TestDateBeforeAnAgency checks that a date is no part of the name after it.
func TestDateBeforeAnAgency(t *testing.T) {
	ex := extractText(t, "", "On March 3rd 2019 Ellis County Sheriffs Narcotics Unit stopped a truck carrying 200 pounds of marijuana.")
	if len(ex.Agencies) != 1 || ex.Agencies[0].Name != "Ellis County Sheriffs Narcotics Unit" {
		t.Errorf("agencies %+v, want Ellis County Sheriffs Narcotics Unit", ex.Agencies)
	}
}

// TestPeopleAfterRanks checks names after compound ranks, a first name
// that is a place after a title, a hyphenated surname with a capital after
// the hyphen, and a role "of" something in lower case before a name.
func TestPeopleAfterRanks(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"a warrant officer", "Hawks spokesperson, Warrant Officer Thandi Zulu said the bricks were recovered.", "Thandi Zulu"},
		{"a first name that is a place", "Admiral Orlando Vargas Rojas confirmed the seizure.", "Orlando Vargas Rojas"},
		{"a capital after a hyphen", "\"It was a strong case,\" said U.S. Attorney Ana Lucía Ortiz-Peña.", "Ana Lucía Ortiz-Peña"},
		{"a role of something", "Regional head of investigations Laura Hughes said the haul was large.", "Laura Hughes"},
		{"a verb of saying, then the name and role", "\"This is a major blow,\" emphasised Anna Keller, state secretary at the ministry.", "Anna Keller"},
		{"a group after a role is no person", "The suspect was identified as Zoran Petrovic, allegedly the leader of the Silver Hands.", "Zoran Petrovic"},
		{"a surname alone after titles", "Detective Chief Inspector Mullan said officers searched three homes.", "Mullan"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.People) != 1 || ex.People[0].Name != tc.want {
				t.Errorf("%q: people %+v, want %q", tc.body, ex.People, tc.want)
			}
		})
	}
}

// TestMoreAgencies checks bodies the gazetteer now knows, as actors.
func TestMoreAgencies(t *testing.T) {
	for body, want := range map[string]string{
		"Sri Lanka Navy says eight suspects were apprehended with 40 kg of heroin.": "Sri Lanka Navy",
		"The Border Guard Bangladesh (BGB) seized 90,000 yaba tablets.":             "Border Guard Bangladesh",
	} {
		ex := extractText(t, "", body)
		if len(ex.Seizures) != 1 || deref(ex.Seizures[0].Agency) != want {
			t.Errorf("%q: seizures %+v, want one by %q", body, ex.Seizures, want)
		}
	}
	ex := extractText(t, "", "A seizure warrant was obtained in the U.S. District Court for the District of Oregon for 17 domain names.")
	if len(ex.Agencies) != 1 || ex.Agencies[0].Name != "U.S. District Court for the District of Oregon" {
		t.Errorf("agencies %+v, want the court's name without the count after it", ex.Agencies)
	}
}

// TestAgencyAliases checks names the gazetteer now knows as another's:
// "Drug Enforcement Agency" is the DEA, "Colombia's Navy" the Colombian
// Navy, "Durham police" in Ontario the Durham Regional Police Service.
func TestAgencyAliases(t *testing.T) {
	for body, want := range map[string]string{
		"The Drug Enforcement Agency (DEA) searched 12 homes.":                          "Drug Enforcement Administration",
		"Colombia's Navy seized 3 tons of cocaine from a semi-submersible.":             "Colombian Navy",
		"Durham police arrested 15 people in Oshawa, Ontario, after a year-long probe.": "Durham Regional Police Service",
	} {
		ex := extractText(t, "", body)
		if len(ex.Agencies) != 1 || ex.Agencies[0].Name != want {
			t.Errorf("%q: agencies %+v, want %q", body, ex.Agencies, want)
		}
	}
}

// TestInterceptedMigrantsAreNoArrests checks that people intercepted on
// their way, migrants and children, are not counted as arrested.
func TestInterceptedMigrantsAreNoArrests(t *testing.T) {
	if ex := extractText(t, "", "Coast guard officers intercepted 34 migrants, including 12 children, trying to reach Lampedusa by boat."); len(ex.Arrests) != 0 {
		t.Errorf("arrests %+v, want none", ex.Arrests)
	}
}

// TestMalaysianTitlesAndFacilities checks honorifics written before a
// name ("Datuk Seri", "Senior Asst Comm") and that a facility named after
// a role is no person.
func TestMalaysianTitlesAndFacilities(t *testing.T) {
	for body, want := range map[string]string{
		"Senior Asst Comm Ahmad Faizal Ismail said the lorries were detained.":             "Ahmad Faizal Ismail",
		"Its director-general Datuk Seri Ahmad Kamal said the containers came from Lagos.": "Ahmad Kamal",
	} {
		ex := extractText(t, "", body)
		if len(ex.People) != 1 || ex.People[0].Name != want {
			t.Errorf("%q: people %+v, want %q", body, ex.People, want)
		}
	}
	if ex := extractText(t, "", "All eight were arrested, said the Commissioner of Customs, Chennai International Airport."); len(ex.People) != 0 {
		t.Errorf("people %+v, want none", ex.People)
	}
}

// TestExpectedArrestsAndCourtsOfAppeal checks arrests not yet made, and a
// court of appeal as no actor.
func TestExpectedArrestsAndCourtsOfAppeal(t *testing.T) {
	if ex := extractText(t, "", "Around 20 arrests are expected in the coming days."); len(ex.Arrests) != 0 {
		t.Errorf("arrests %+v, want none", ex.Arrests)
	}
	ex := extractText(t, "", "The two suspects were detained and will be brought before the Cluj Court of Appeal.")
	if len(ex.Arrests) != 1 || ex.Arrests[0].Agency != nil {
		t.Errorf("arrests %+v, want one with no agency", ex.Arrests)
	}
}

// TestMoreAgencyAndPeopleForms checks a state patrol, a drug's street name
// in brackets that is also an agency's acronym, and a person after
// "according to" with a role.
func TestMoreAgencyAndPeopleForms(t *testing.T) {
	if ex := extractText(t, "", "The Nebraska State Patrol seized 40 pounds of cocaine."); len(ex.Agencies) != 1 || ex.Agencies[0].Name != "Nebraska State Patrol" {
		t.Errorf("agencies %+v, want Nebraska State Patrol", ex.Agencies)
	}
	if ex := extractText(t, "", "Officers seized methamphetamine (ICE) pills and cash."); len(ex.Agencies) != 0 {
		t.Errorf("agencies %+v, want none", ex.Agencies)
	}
	ex := extractText(t, "", "According to Lars Nilsson, a prosecutor with the agency, 14 people were arrested.")
	if len(ex.People) != 1 || ex.People[0].Name != "Lars Nilsson" || deref(ex.People[0].Role) != "prosecutor" {
		t.Errorf("people %+v, want Lars Nilsson, prosecutor", ex.People)
	}
}

// TestNoCountOfGoodsOrPurity checks that goods counted after "arrested"
// are no arrests and that a gold bar's purity is no count.
func TestNoCountOfGoodsOrPurity(t *testing.T) {
	if ex := extractText(t, "", "Police arrested two men and recovered over 12,000 slabs of cannabis in the forest."); len(ex.Arrests) != 1 || deref2(ex.Arrests[0].Count) != 2 {
		t.Errorf("arrests %+v, want one count of 2", ex.Arrests)
	}
	for _, s := range extractText(t, "", "Customs seized eight 24K gold bars from a passenger.").Seizures {
		if deref2(s.Quantity) == 24000 {
			t.Errorf("seizure %+v: the gold's purity read as a count", s)
		}
	}
	for _, p := range extractText(t, "", "The suspects were arrested in Niger State on Monday.").Places {
		if p.Name == "Niger" {
			t.Errorf("places: Niger read from a Nigerian state's name")
		}
	}
}
