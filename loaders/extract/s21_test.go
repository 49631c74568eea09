package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestJointActorsBefore21 checks the agency a figure takes from the
// sentence before when that sentence names bodies acting together: the
// first named leads, as in the figure's own clause, a short form in
// brackets after either being the same body; a body a comma alone sets
// apart is not joined.
func TestJointActorsBefore21(t *testing.T) {
	expectEach(t, figureActors, []extractCase[string]{
		{"two joined by and", "The Harbour Police and the Revenue Service raided a farm near Tonsberg.\n\nThey seized 90 kg of cannabis.",
			[]string{"Harbour Police"}},
		{"short forms in brackets", "Agents of the Harbour Police (HP) and the Revenue Service (RS) raided a farm near Tonsberg.\n\nThe raid led to the seizure of 90 kg of cannabis.",
			[]string{"Harbour Police"}},
		{"a comma sets a clause apart", "Following a tip from the Harbour Police, the Revenue Service raided a farm.\n\nThey seized 90 kg of cannabis.",
			[]string{"Revenue Service"}},
	})
}

// TestSupportListWithUnnamedItems21 checks that a list of partners an
// "in collaboration with" opens stays a list of partners past an item
// that names no body ("State intelligence agencies"): its bodies are not
// who made the figures after it.
func TestSupportListWithUnnamedItems21(t *testing.T) {
	expectEach(t, figureActors, []extractCase[string]{
		{"an unnamed item", "The Revenue Service stopped a boat off Tonsberg. The operation was carried out in collaboration with the Navy, state intelligence agencies, and the Harbour Police.\n\nOfficers seized 90 kg of cannabis.",
			[]string{"Revenue Service"}},
		{"an unknown name as an item", "The Revenue Service stopped a boat off Tonsberg. The operation was carried out in collaboration with the Tonsberg Coastal Watch and the Harbour Police.\n\nOfficers seized 90 kg of cannabis.",
			[]string{"Revenue Service"}},
		{"a clause, not an item", "The Revenue Service worked in collaboration with the Navy. After a long chase at sea the Harbour Police stopped a boat.\n\nOfficers seized 90 kg of cannabis.",
			[]string{"Harbour Police"}},
	})
}

// TestNamedSuspects21 checks suspects named in lists and set off by
// commas: an age written "age 26", a hyphenated surname, a name of one
// word where ages mark the list, a dash before a list with ages, where a
// suspect lives before the verb of the courts, and a name after a person
// described by age.
func TestNamedSuspects21(t *testing.T) {
	expectEach(t, peopleNames, []extractCase[string]{
		{"age written out, hyphenated surname", "Detectives arrested Tomas Arbenz, age 26, and Luis Ortega-Vidal, age 21, at the house.",
			[]string{"Tomas Arbenz", "Luis Ortega-Vidal"}},
		{"names of one word among ages", "The arrestees are- Ravi Soren, 28, Bablu, 20, Kanu, 24, and Md Rana, 25.",
			[]string{"Ravi Soren", "Bablu", "Kanu", "Md Rana"}},
		{"one word without an age is no name", "Police arrested Tomas Arbenz, 28, Monday and seized a car.",
			[]string{"Tomas Arbenz"}},
		{"a dash, then ages", "He said the brothers – Ade Obi, 43 and Kola Obi, 31 – were held at the airport.",
			[]string{"Ade Obi", "Kola Obi"}},
		{"where the suspect lives", "Mark Tillet, of Church Hill, Burstall, was subsequently charged with production of cannabis.",
			[]string{"Mark Tillet"}},
		{"after a person described by age", "Officers arrested a 75-year-old grandfather, Nna Ude Felix with 1.6 kg of cannabis.",
			[]string{"Nna Ude Felix"}},
		{"an age in brackets", "Police arrested Tom Reed (28) in Leeds.", []string{"Tom Reed"}},
		{"a year in brackets is no age", "Operation Kestrel (2019) was big.", nil},
		{"a role in lower case after said", "“We halted the trucks,” said assistant police inspector, Sunil Jadhav, from the station.",
			[]string{"Sunil Jadhav"}},
	})
}

// TestOperationPairs21 checks two operations named together after
// "operations", quoted or not; places so named are not operations.
func TestOperationPairs21(t *testing.T) {
	expectEach(t, operationNames, []extractCase[string]{
		{"quoted", "The arrests were carried out under operations 'Linked' and 'Ecolinked'.", []string{"Linked", "Ecolinked"}},
		{"capitalised", "Operations Kestrel and Osprey led to 40 arrests.", []string{"Kestrel", "Osprey"}},
		{"places", "The two operations Spain and Portugal ran were large.", nil},
		{"lower case", "Police ran operations in Spain and Italy.", nil},
	})
}

// TestCountryWordInAlias21 checks that a body named with its country's
// word before it keeps that form as an alias: the text's own name.
func TestCountryWordInAlias21(t *testing.T) {
	aliases := func(ex Extraction) []string {
		var out []string
		for _, a := range ex.Agencies {
			out = append(out, a.Aliases...)
		}
		return out
	}
	for _, c := range []struct{ name, text, want string }{
		{"an abbreviation", "The U.S. Justice Department seized 15 internet domains.", "U.S. Justice Department"},
		{"a demonym", "French National Gendarmerie officers arrested two men.", "French National Gendarmerie"},
		{"a country's name of two words", "Europol and the United States Drug Enforcement Agency were involved.", "United States Drug Enforcement Agency"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := aliases(extractText(t, "", c.text)); !slices.Contains(got, c.want) {
				t.Errorf("%q: aliases %q, want %q among them", c.text, got, c.want)
			}
		})
	}
	for _, text := range []string{"Customs seized 116 kg of ivory.", "Officials from Slovakia, Europol and Customs met."} {
		if got := aliases(extractText(t, "", text)); slices.ContainsFunc(got, func(a string) bool { return strings.Contains(a, " ") && !strings.HasPrefix(a, "Europol") }) {
			t.Errorf("%q: aliases %q, want no country's word taken into one", text, got)
		}
	}
}

// TestArrestsByCharge21 checks counts of arrests listed by charge after
// one verb, each its own, and a number written with a space between its
// thousands that a rule reads.
func TestArrestsByCharge21(t *testing.T) {
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"by charge", "Police arrested 100 suspects for illegal possession of firearms; 88 suspects for murder, and 12 suspects for rape.",
			[]float64{100, 88, 12}},
		{"by place, as before", "Police arrested 31 suspects in Lyon, 12 in Porto and four in Graz.", []float64{31, 12, 4}},
		{"spaced thousands", "Furthermore, 2 032 wanted suspects were also traced and arrested.", []float64{2032}},
		{"a year before a count", "In 2019 32 suspects were arrested.", []float64{32}},
	})
}

// TestUnitsAndDrugs21 checks millilitres written out, a model's letter
// that is no unit ("T-56 rifles"), and drugs named by the substance or as
// illegal substances.
func TestUnitsAndDrugs21(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"millilitres", "Officers seized 3,840 milliliters of pethidine.", []string{"drugs/pethidine 3840"}},
		{"a model's letter", "The Navy seized two T-56 rifles.", []string{"firearms/rifles 2"}},
		{"a unit's letter", "The Navy seized two t of cocaine.", []string{"drugs/cocaine 2"}},
		{"illegal substances", "Officers seized nearly 60,000 kilograms of illegal substances.", []string{"drugs/illegal substances 60000"}},
		{"pentazocine", "Agents seized 2,050 ampoules of pentazocine.", []string{"drugs/pentazocine 2050"}},
		{"stimulants", "Police seized 2 kg of stimulants on Monday.", []string{"drugs/stimulants 2"}},
		{"benzhexol pills", "Officers seized 12 million benzhexol pills.", []string{"drugs/benzhexol 1.2e+07"}},
	})
}

// TestListsFound21 checks that a list of things found, the list the whole
// subject of "were (also) found", is seized; a clause with more in it
// before the verb is not a list.
func TestListsFound21(t *testing.T) {
	expectEach(t, seizureSubtypes, []extractCase[string]{
		{"a list found", "Knives, axes, batons and a crossbow were also found.", []string{"other/knives", "other/axes", "other/batons", "other/crossbow"}},
		{"a clause, not a list", "After a search of the house, knives and axes were found.", nil},
		{"to belong to", "The cables and meters belong to the utility and were discovered at a house.", nil},
	})
}

// TestPartnersAreNotTheSubject21 checks that an article's one acting body
// keeps the figures that name none, where the other bodies it names only
// helped.
func TestPartnersAreNotTheSubject21(t *testing.T) {
	expectEach(t, figureActors, []extractCase[string]{
		{"partners only", "The Revenue Service stopped a speedboat off Tonsberg. The operation was carried out in collaboration with the Harbour Police.\n\nThe crew dumped the cargo at sea.\n\nIn the end 15 bottles of fuel were confiscated.",
			[]string{"Revenue Service"}},
		{"two acting bodies, far back", "The Revenue Service stopped a speedboat off Tonsberg. The Harbour Police searched a house.\n\nThe crew dumped the cargo at sea. It sank. Divers found it. It was raised.\n\nIn the end 15 bottles of fuel were confiscated.",
			[]string{""}},
	})
}

// TestWireServices21 checks that a name ending with "Agency" that
// officials tell things to, or that reports them, is a news agency, not a
// body of the state.
func TestWireServices21(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"told", "At least 24 people were arrested across Turkey on Saturday, officials told Anadolu Agency.", nil},
		{"reported", "Meridian Agency reported that 40 people were arrested.", nil},
		{"a body that reports figures", "The National Crime Agency reported 40 arrests.", []string{"National Crime Agency"}},
		{"told the body", "Police told the Border Agency about 4 kg of cocaine.", []string{"Border Agency"}},
	})
}

// TestArrestsByPlaceAndAge21 checks a breakdown of arrests by place that
// "Of the arrests" opens, a place after "the" in a breakdown, and ages set
// off after what was said of the people arrested.
func TestArrestsByPlaceAndAge21(t *testing.T) {
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"of the arrests", "Of the arrests, 11 took place in Germany, five in Belgium and three in the Netherlands.", []float64{11, 5, 3}},
		{"a place after the", "Police arrested 31 suspects in Lyon, 12 in Porto and four in the Algarve.", []float64{31, 12, 4}},
		{"ages after the words", "Three men on board, aged 64, 45 and 25, were arrested on suspicion of importing drugs.", []float64{3}},
	})
}

// TestForeignAcronymWrittenOtherwise21 checks that an acronym written in
// capitals where the gazetteer lists another country's body by it in mixed
// case ("GdF") names the article's own body, by its acronym.
func TestForeignAcronymWrittenOtherwise21(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"another country's body", "The Guyana Police Force said the team reached Georgetown in a GDF helicopter.", []string{"Guyana Police Force", "GDF"}},
		{"written as listed", "The GdF seized 40 kg of cocaine in Rome.", []string{"Guardia di Finanza"}},
	})
}

// TestAnotherEventsCount21 checks a count of people whose words name
// goods before the noun ("two drug trafficking suspects"), and that a
// count told as another event's ("Separately", "two other suspects") is
// not the earlier count said again.
func TestAnotherEventsCount21(t *testing.T) {
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"goods before the noun", "Police in Bursa arrested two drug trafficking suspects.", []float64{2}},
		{"goods, then people", "Police seized 5 kg of cocaine and two suspects.", nil},
		{"another event", "Police in Izmir arrested two suspects with heroin.\n\nSeparately, police in Van arrested two other drug trafficking suspects.", []float64{2, 2}},
		{"the count said again", "Police in Izmir arrested two suspects with heroin.\n\nThe two suspects were arrested at dawn.", []float64{2}},
	})
}

// TestTotalThenPartsAfterADash21 checks a count of people arrested, a dash
// and its parts: the total and each part, whether the dash closes or not.
func TestTotalThenPartsAfterADash21(t *testing.T) {
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"no closing dash", "Six Brazilian nationals – four males and two females were taken into custody on Sunday.", []float64{6, 4, 2}},
		{"a closed aside", "Police arrested 40,609 people – 38,163 Malaysians and 2,446 foreigners – for drug offences.", []float64{40609, 38163, 2446}},
		{"an aside of no counts", "Police said six men - all from Leeds - were arrested.", []float64{6}},
		{"not said to be arrested", "Six Brazilian nationals – four males and two females – work at the mine.", nil},
	})
}

// TestShapesCurrencyAndCuttingAgents21 checks packages with their shape
// before them, a dollar sum in a currency the text names after it, and a
// drug's cutting agent, which is not the drug.
func TestShapesCurrencyAndCuttingAgents21(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"a package's shape", "Two vessels were intercepted with 159 brick-type packages of cocaine.", []string{"vehicles/vessels 2", "drugs/cocaine 159"}},
		{"a cutting agent", "Police seized five kilograms of a suspected cocaine cutting agent.", []string{"other/cocaine cutting agent 5"}},
	})
	expectEach(t, seizureSums, []extractCase[string]{
		{"in Canadian currency", "Police seized $68,000.00 in Canadian currency.", []string{"cash/ 68000 CAD"}},
	})
}

// TestSupportersNamedWithUnknownBodies21 checks that a body joined by
// "and" to a name no pass reads, then a verb of supporting, supported:
// the figures after it are not its.
func TestSupportersNamedWithUnknownBodies21(t *testing.T) {
	expectEach(t, figureActors, []extractCase[string]{
		{"helped, with an unknown name", "The Harbour Police searched a house in Tonsberg. The Coastal Emergency Response Team and Canine Services helped execute the warrant.\n\nOfficers seized 2 tasers.",
			[]string{"Harbour Police"}},
		{"acted, with an unknown name", "The Harbour Police searched a house in Tonsberg. The Coastal Emergency Response Team and Canine Services raided a shed.\n\nOfficers seized 2 tasers.",
			[]string{"Coastal Emergency Response Team"}},
	})
}

// TestOneInCustody21 checks one person said to be in custody or being
// held, and customers among the people a count of arrests counts; one who
// "remains in custody" was most often counted before.
func TestOneInCustody21(t *testing.T) {
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"in police custody", "A 37-year-old businessman from Nadi is in police custody in relation to the seizure.", []float64{1}},
		{"being held", "The truck driver is being held for investigation.", []float64{1}},
		{"remains in custody", "Two men were arrested on Friday. A 31-year-old man remains in custody.", []float64{2}},
		{"customers", "Along with the traffickers, two customers were also arrested.", []float64{2}},
		{"crews", "Six boat crews were arrested.", []float64{6}},
		{"paddlers, as some write it", "Officers arrested six drug paddlers.", []float64{6}},
	})
}

// TestLongerNameThanListed21 checks that a word that opens bodies' names
// before a listed body's name makes another body, read whole.
func TestLongerNameThanListed21(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"national before a listed name", "They were captured in Nineveh, the National Security Service said in a statement.", []string{"National Security Service"}},
		{"the listed name", "The Security Service said two men were held.", []string{"Security Service"}},
	})
}

// TestLocalUnitOfTwoPlaces21 checks a force's local unit named by a place
// of two names joined by "and" that the gazetteer lists whole.
func TestLocalUnitOfTwoPlaces21(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"a listed place", "Newfoundland and Labrador RCMP seized 3 guns.", []string{"Newfoundland and Labrador RCMP"}},
		{"no place before and", "Police and Labrador RCMP seized 3 guns.", []string{"Labrador RCMP"}},
	})
}

// TestPlacesOfResidentsAndTerritories21 checks places named after "the
// territory of", "the outskirts of" and the like, and after "a resident
// of" or "a native of".
func TestPlacesOfResidentsAndTerritories21(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"the territory of", "Officers stopped a van on a road in the territory of Simeonovgrad.", []string{"Simeonovgrad"}},
		{"a resident of", "The driver, a resident of Stara Zagora, has a criminal record.", []string{"Stara Zagora"}},
		{"a native of", "He is a native of Kolarovo.", []string{"Kolarovo"}},
		{"not a name", "The driver, a resident of the area, was arrested.", nil},
		{"two names after in", "Police seized drugs in Taru and Rabai.", []string{"Taru", "Rabai"}},
		{"months are no places", "Police were in March and April busy.", nil},
		{"a valley", "The raid took place in the Klang Valley.", []string{"Klang Valley"}},
		{"a home town and its region", "Police arrested Ana Silva, 45, of Boa Vista, Roraima and Tom Reed.", []string{"Boa Vista", "Roraima"}},
		{"a home town, then a clause", "Police arrested Ana Silva, 45, of Zemunik, who was wanted.", []string{"Zemunik"}},
		{"a river", "Police seized 500 kg of cocaine on the Amazon River.", []string{"Amazon River"}},
		{"up a river", "The boat sailed up the Potaro River.", []string{"Potaro River"}},
		{"custody is nowhere", "A 37-year-old businessman from Nadi is in Police Custody in relation to the seizure.", []string{"Nadi"}},
	})
}

// TestBranchesAndDogServices21 checks a force's branches named by their
// work and its dog services as bodies.
func TestBranchesAndDogServices21(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"an investigation branch", "The Criminal Investigation Branch arrested two men in Hobart.", []string{"Criminal Investigation Branch"}},
		{"intelligence and investigation", "The Special Intelligence and Investigation Branch seized 3,600 cartons of cigarettes.", []string{"Special Intelligence and Investigation Branch"}},
		{"dog services", "Police Dog Services helped search the house.", []string{"Police Dog Services"}},
		{"a branch of a bank", "He withdrew cash at the Main Street Branch.", nil},
	})
}

// TestFiguresInBrackets21 checks a figure in brackets right after the
// goods it measures, and a conversion in brackets, which is not one.
func TestFiguresInBrackets21(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"after the goods", "Officers seized heroin (2.5 kg) and cannabis (40 kg).", []string{"drugs/heroin 2.5", "drugs/cannabis 40"}},
		{"a conversion", "Police seized 5 kg (11 lb) of cocaine.", []string{"drugs/cocaine 5"}},
	})
}

// TestPostAreaBeforeName21 checks that the area a post covers, written
// between the post and the name, is not part of the name.
func TestPostAreaBeforeName21(t *testing.T) {
	expectEach(t, peopleNames, []extractCase[string]{
		{"a zone", "Director Gujranwala Zone Abdul Qadir Qamar said the crackdown continued.", []string{"Abdul Qadir Qamar"}},
		{"no area", "Inspector Ana Jordan said three men were held.", []string{"Ana Jordan"}},
	})
}

// TestPostalStateInDateline21 checks a US state's postal code after a town
// in capitals in a dateline, and that two capitals elsewhere name none.
func TestPostalStateInDateline21(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"a dateline", "TRENTON, MI -- Police seized 11 guns.", []string{"Michigan", "Trenton"}},
		{"not a dateline", "Police in Leeds, OR other towns seized guns.", []string{"Leeds"}},
	})
}

// TestForeignCurrency21 checks sums "in undeclared foreign currency" or
// "in foreign currencies", which are cash, also after "intercepted".
func TestForeignCurrency21(t *testing.T) {
	expectEach(t, seizureSums, []extractCase[string]{
		{"undeclared foreign currency", "Customs intercepted $1,154,900 and SR135,900 in undeclared foreign currency.", []string{"cash/ 1.1549e+06 USD", "cash/ 135900 SAR"}},
		{"foreign currencies", "Customs intercepted $5,000 in foreign currencies.", []string{"cash/ 5000 USD"}},
		{"a sum read twice before currencies (it crashed sharedAfter)", "They seized $375,000 in cash, two luxury vehicles worth 217,000 euros, and $1.3 million in cryptocurrencies.",
			[]string{"vehicles/luxury vehicles 217000 EUR", "cash/ 375000 USD", "cryptocurrency/ 1.3e+06 USD"}},
	})
}

// TestCountrysCustomsAfterADateline21 checks the country's customs named
// by its people's name after a dateline ("BANGKOK – Thai Customs ...").
func TestCountrysCustomsAfterADateline21(t *testing.T) {
	expectEach(t, figureActors, []extractCase[string]{
		{"after a dateline", "BANGKOK – Thai Customs officials seized 116 kilograms of ivory tusks in cargo.", []string{"Thai Customs Department"}},
		{"a longer name", "BANGKOK – The Revenue Customs seized 3 kg of cocaine.", []string{""}},
	})
}
