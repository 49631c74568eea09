package extract

import (
	"slices"
	"testing"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/source"
)

// TestPostOfAPlace18 checks that a town or region before the office a
// person holds ("Guwahati Commissioner of Police") names no body, and that
// the town stays a place where a wire's dateline gives it.
func TestPostOfAPlace18(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"a town before the post", "Lagos State Commissioner of Police Ada Obi said officers arrested 12 men.", nil},
		{"a city before the post", "Kisumu Commissioner of Police Jo Wanjiru told reporters that 4 men were held.", nil},
		{"a body's own of", "The Department of Justice said 12 people were arrested.", []string{"Department of Justice"}},
	})
	expectEach(t, placeNames, []extractCase[string]{
		{"a wire's dateline in mixed case", "Guwahati, Sep 15 (PTI) Police arrested three men on Friday.", []string{"Guwahati"}},
		{"no wire after the date", "Guwahati, Sep 15 was a quiet day, Jo said.", nil},
	})
}

// TestSupportListWithBrackets18 checks that every body of a list that
// "in collaboration with" opens is a supporter, also where each is spelled
// out in brackets after its acronym: none takes the next sentence's
// figures.
func TestSupportListWithBrackets18(t *testing.T) {
	lead := "The Judiciary Police seized 7 tonnes of cocaine at sea. "
	expectEach(t, figureActors, []extractCase[string]{
		{"acronyms spelled out", lead + "The inquiry involved collaboration with the DEA (Drug Enforcement Administration, USA), the JIATF South (Joint Interagency Task Force South, USA), and the NCA (National Crime Agency, UK). The 10 detainees will appear in court.",
			[]string{"Judiciary Police", "Judiciary Police"}},
		{"a plain list", lead + "The inquiry involved collaboration with the DEA and the National Crime Agency. The 10 detainees will appear in court.",
			[]string{"Judiciary Police", "Judiciary Police"}},
		{"no phrase opens the list", lead + "The DEA and the National Crime Agency arrested 10 men.",
			[]string{"Drug Enforcement Administration", "Judiciary Police"}},
	})
}

// TestPlainPoliceIsTheForce18 checks that "police" with no name, in an
// article that names one police force, is that force: its sentence's
// figures are the force's, and so are those it passes on to the sentence
// after; not where the article names two forces.
func TestPlainPoliceIsTheForce18(t *testing.T) {
	expectEach(t, figureActors, []extractCase[string]{
		{"police in the figure's sentence", "Tarvos Police seize fake bags\n\nThe Coastal Division of Tarvos Police seized 400 fake bags. Police arrested two men on Friday.",
			[]string{"Tarvos Police", "Coastal Division of Tarvos Police"}},
		{"police the sentence before", "The Tarvos Police and the Revenue Service were called in. The police found five men in the truck. Two pistols were seized in the cabin.",
			[]string{"Tarvos Police"}},
		{"two forces: the first named leads", "The Tarvos Police and the Merrow Police were called in. The police found five men in the truck. Two pistols were seized in the cabin.",
			[]string{"Tarvos Police"}},
	})
}

// TestPostInsideTheBody18 checks that a person's post that names units
// inside a body gives the person the body ("Director of the X Department
// of the Y Directorate at Z Police": Z Police), and that a surname of two
// words said alone is the person named in full before.
func TestPostInsideTheBody18(t *testing.T) {
	expectEach(t, personOrgs, []extractCase[string]{
		{"units inside the body", "Major Sami Qadir, Director of the Fraud Department of the General Directorate of Investigation at Tarvos Police, said 10 lorries were used.",
			[]string{"Tarvos Police"}},
		{"one unit", "Sami Qadir, head of the Fraud Department, said 10 lorries were used.", []string{"Fraud Department"}},
	})
	expectEach(t, peopleNames, []extractCase[string]{
		{"a surname of two words", "Chief Inspector Pieter Van Leeuw said the goods were fake. Van Leeuw said 10 lorries were used.", []string{"Pieter Van Leeuw"}},
		{"two people of one surname", "Inspector Firoj Mulla said one man was held. Inspector Suraj Magabul Mulla said he was 30.", []string{"Firoj Mulla", "Suraj Magabul Mulla"}},
	})
}

// TestCountryOfTheTowns18 checks that "$" is the currency of the country
// most of the article's towns are in, also where only the open gazetteer
// knows them and one listed town of another country was named first.
func TestCountryOfTheTowns18(t *testing.T) {
	expectEach(t, func(ex Extraction) []string {
		var out []string
		for _, s := range ex.Seizures {
			out = append(out, deref(s.Currency))
		}
		return out
	}, []extractCase[string]{
		{"towns of one country", "Searches took place in Guildford, Quakers Hill, Toongabbie, Parramatta and Condell Park. Officers seized $145,350 in cash.", []string{"AUD"}},
		{"one town", "Searches took place in Guildford. Officers seized $145,350 in cash.", []string{"USD"}},
	})
}

// TestUnitAfterDescribedPossessive18 checks that a unit named after its
// force's possessive and a few words that describe it ("the State Crime
// Command's bikie-focused Raptor Squad") made the figures of the clause it
// opens, also with a second unit joined to it.
func TestUnitAfterDescribedPossessive18(t *testing.T) {
	expectEach(t, figureActors, []extractCase[string]{
		{"described unit, joined unit", "The State Crime Command's bikie-focused Raptor Squad and Raptor North has arrested 10 people.", []string{"Raptor Squad"}},
		{"unit right after", "The Metropolitan Police's Central e-Crime Unit has arrested six people.", []string{"Central e-Crime Unit"}},
		{"the force's work", "Officers from HMRC's Tobacco Taskforce found 40 kg of tobacco.", []string{"HM Revenue and Customs"}},
	})
}

// TestLocatedGoods18 checks goods "located" as found goods, but not a
// place "located" near another, and that a drug written in capitals
// inside a sentence ("MDMA capsules") and steroids are drugs.
func TestLocatedGoods18(t *testing.T) {
	expectEach(t, seizureSubtypes, []extractCase[string]{
		{"located goods", "Police located cocaine, methylamphetamine and cannabis in a second house.", []string{"drugs/cocaine", "drugs/methylamphetamine", "drugs/cannabis"}},
		{"located where", "Officers searched a warehouse located near the port.", nil},
		{"a drug in capitals", "Officers seized MDMA capsules and cannabis edibles.", []string{"drugs/MDMA", "drugs/cannabis edibles"}},
	})
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"counted designer goods", "Officers seized 4,471 counterfeit designer goods.", []string{"other/counterfeit goods 4471"}},
	})
}

// TestOperationsOutOfOrder18 checks that a sentence whose operations were
// read out of their order in the text ("called Kestrel called Operation
// Quill", a slip of the writer's) is read without a panic, and that a
// body's name after "called" is no codename.
func TestOperationsOutOfOrder18(t *testing.T) {
	expectEach(t, operationNames, []extractCase[string]{
		{"a slip of the writer's", "The 11-month investigation, called Kestrel called Operation Quill, covered the area.", []string{"Quill", "Kestrel"}},
		{"a body is no codename", "The 11-month investigation, called RCMP called Operation Quill, covered the area.", []string{"Quill"}},
	})
}

// TestSpeakerOfAnInternationalBody18 checks that a post on a project is
// no operation named by "Project", and that an international body named
// in the post of the person who tells of the figures did not make them.
func TestSpeakerOfAnInternationalBody18(t *testing.T) {
	body := "Speaking on Monday, National Project Officer, UNODC Nigeria Country Office, Ada Obi, said 15.7kg of cocaine and $22,000 were seized."
	expectEach(t, figureActors, []extractCase[string]{
		{"in the speaker's post", body, []string{"", ""}},
		{"the body's own verb", "UNODC officers seized 15.7kg of cocaine, Ada Obi said.", []string{"United Nations Office on Drugs and Crime"}},
	})
	expectEach(t, operationNames, []extractCase[string]{
		{"a post on a project", body, nil},
		{"a project's name", "Police in Ontario ran Project Harbourlight for a year.", []string{"Harbourlight"}},
	})
}

// TestOpsAndDashedLists18 checks "Ops" before a codename (Malaysian
// usage), a list of goods after "seized" and a dash inside a quote, and a
// drug whose name holds a number ("Erimin 5 pills"), whose number is no
// count.
func TestOpsAndDashedLists18(t *testing.T) {
	expectEach(t, operationNames, []extractCase[string]{
		{"Ops in quotes", "The department busted two syndicates in a six-day ‘Ops Nut Crackers’ last week.", []string{"Nut Crackers"}},
	})
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"a dashed list in a quote", "\"The drugs seized — 107kg of heroin, 63kg of syabu and 12kg of ketamine,\" he said.", []string{"drugs/heroin 107", "drugs/shabu 63", "drugs/ketamine 12"}},
		{"a drug's number", "Officers seized 266,750 Erimin 5 pills in the lab.", []string{"drugs/Erimin 5 266750"}},
	})
}

// TestHedgedGoodsAndAgedCourier18 checks goods hedged by what they may be
// ("substance suspected to be cocaine", "what may be cocaine"), and a
// courier intercepted by age and nationality as one arrest.
func TestHedgedGoodsAndAgedCourier18(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"suspected to be", "Officers seized 166.88kg of substance suspected to be cocaine at the airport.", []string{"drugs/cocaine 166.88"}},
		{"what may be", "The checks found nearly 30 pounds of what may be cocaine.", []string{"drugs/cocaine 30"}},
	})
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"an intercepted courier", "On Monday, officers intercepted a 31-year-old Mexican attempting to enter the country.", []float64{1}},
	})
}

// TestCrimesAreNoGoods18 checks that a list of crimes after a verb of
// intercepting names no goods.
func TestCrimesAreNoGoods18(t *testing.T) {
	expectEach(t, seizureSubtypes, []extractCase[string]{
		{"crimes", "The operation intercepted 24 persons wanted for serious crimes including fraud, money laundering, drugs and wildlife trafficking.", nil},
		{"goods", "Officers seized cash, drugs, gold and silver.", []string{"cash/", "drugs/", "other/gold", "other/silver"}},
	})
}

// TestPlaceAsWritten18 checks that a place keeps the name the article
// wrote where the gazetteer knows it by another ("Burma": Myanmar), while
// the graph holds it under the gazetteer's name, the written one an
// alias; an abbreviation or a county's short form keeps the gazetteer's.
func TestPlaceAsWritten18(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"another name", "Police in Burma seized 5 kg of heroin.", []string{"Burma"}},
		{"a county's short form", "Gardaí seized 5 kg of cannabis in Co Cork.", []string{"County Cork"}},
	})
	doc, err := source.ParseText("burma.txt", []byte("Police in Burma seized 5 kg of heroin.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ex := newExtractor(t).Extract(doc)
	if len(ex.Places) != 1 || ex.Places[0].Canonical != "Myanmar" {
		t.Fatalf("places %+v, want Burma with canonical Myanmar", ex.Places)
	}
	for _, n := range Facts(doc, ex).Nodes {
		if n.ID == graph.EntityID(graph.KindPlace, "Myanmar") {
			if prop(n, graph.PredName) != "Myanmar" {
				t.Errorf("the node's name is %q, want Myanmar", prop(n, graph.PredName))
			}
			return
		}
	}
	t.Errorf("no place node for Myanmar")
}

// TestBareServices18 checks "the Navy", "the Army" and "the Air Force"
// written alone as the article's country's service where the gazetteer
// lists one, else by the word; not inside a longer name.
func TestBareServices18(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"the country's navy", "The Polícia Judiciária, with the support of the Navy, seized 7 tonnes of cocaine off Lisbon.", []string{"Polícia Judiciária", "Portuguese Navy"}},
		{"no country", "The Army and the Air Force searched the coast.", []string{"Army", "Air Force"}},
		{"a longer name", "The Navy Seals searched the coast.", nil},
		{"a provincial police office", "The Sultan Kudarat Provincial Police Office said 3 men were held.", []string{"Sultan Kudarat Provincial Police Office"}},
	})
}

// TestAgenciesInvolved18 checks that a sentence listing the agencies
// involved in the investigation gives them all to the article's one
// operation, wherever it stands, and that a possessive with a curly
// apostrophe ("Sheriff’s Office") opens no person's name.
func TestAgenciesInvolved18(t *testing.T) {
	body := "Officials called the investigation Operation Quill. Agents seized 40 firearms. " +
		"In addition to the DEA and ATF, other agencies involved in the investigation include the Searcy Police Department and the White County Sheriff’s Office."
	ex := extractText(t, "", body)
	want := []string{"Bureau of Alcohol, Tobacco, Firearms and Explosives", "Drug Enforcement Administration", "Searcy Police Department", "White County Sheriff’s Office"}
	if got := operationAgencies(ex); !slices.Equal(slices.Sorted(slices.Values(got)), want) {
		t.Errorf("the operation's agencies %q, want %q", got, want)
	}
	expectEach(t, peopleNames, []extractCase[string]{
		{"a curly possessive", "The case went to the Prosecuting Attorney, White County Sheriff’s Office and the FBI.", nil},
	})
}

// TestWeighedPackages18 checks that the weight of parcels told after a
// seizure is the goods' ("24 parcels weighing 27.86kg"), and that the
// count of the parcels is no goods. ("The packages weighed 8.99 pounds",
// with no figure of the goods before, is not read yet.)
func TestWeighedPackages18(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"parcels weighing", "Customs seized heroin at the airport. Each bag held 24 parcels weighing 27.86kg.", []string{"drugs/heroin 27.86"}},
		{"no seizure before", "The nine packages weighed 8.99 pounds.", nil},
	})
}

// TestRegionAfterThe18 checks a region named with "the" after a word of
// place ("in the Eastern Cape"), where a town so written is not read.
func TestRegionAfterThe18(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"a region", "Police arrested 345 people in the Eastern Cape in one week.", []string{"Eastern Cape"}},
		{"no cue before the", "The Eastern Cape team won on Sunday.", nil},
	})
}

// TestListsOfPlaces18 checks every item of a long list of places no
// gazetteer lists, after "in" or after "communities including" (streets
// among them dropped).
func TestListsOfPlaces18(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"four after in", "Raids took place in Qarvello, Dunmerrow, Tessaly and Plessigny.", []string{"Qarvello", "Dunmerrow", "Tessaly", "Plessigny"}},
		{"communities including", "The raids hit several communities including Qarvello Heights, Jones Avenue, Dunmerrow, Tessaly and Plessigny in the parish.",
			[]string{"Qarvello Heights", "Dunmerrow", "Tessaly", "Plessigny"}},
	})
}

// TestMeantToSeize18 checks that goods the text only means to seize
// ("attempting to seize seven airplanes") and a unit's word in a list
// ("a ton and a half of drugs") are no seizures.
func TestMeantToSeize18(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"attempting to seize", "They were also attempting to seize seven airplanes and 42 trucks.", nil},
		{"seized", "They also seized seven airplanes.", []string{"vehicles/airplanes 7"}},
		{"a unit in a list", "Police said they confiscated a ton and a half of drugs.", nil},
	})
}

// TestKinArrested18 checks one arrested with one of their own ("a man and
// his son") and a couple as two arrests.
func TestKinArrested18(t *testing.T) {
	expectEach(t, arrestCounts, []extractCase[float64]{
		{"a man and his son", "Police arrested a man and his son in Kano.", []float64{2}},
		{"a husband and wife", "A husband and wife were arrested at the scene.", []float64{2}},
		{"one man", "Police arrested a man in Kano.", []float64{1}},
	})
}

// TestOfficesAndLevelledPolice18 checks bodies named "... Control Office"
// and a place's force named with its level in lower case ("the Kuala
// Muda district police").
func TestOfficesAndLevelledPolice18(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"a control office", "Members of the Central Narcotics Control Office ambushed the car.", []string{"Central Narcotics Control Office"}},
		{"a district's police", "The Kuala Muda district police arrested a man.", []string{"Kuala Muda District Police"}},
		{"a province's police", "Sukhothai provincial police seized one million pills.", []string{"Sukhothai Provincial Police"}},
		{"no place before", "The district police arrested a man.", nil},
	})
}

// TestListsOfPlatforms18 checks every item of a long list of platforms no
// gazetteer lists, before or after their kind.
func TestListsOfPlatforms18(t *testing.T) {
	expectEach(t, platformNames, []extractCase[string]{
		{"before the kind", "Police took down the Quillbot, Pikabot, Smokeloader and Bumblebee droppers.", []string{"Quillbot", "Pikabot", "Smokeloader", "Bumblebee"}},
		{"after the kind", "Police took down the loaders Zloader, Hijackloader, Warmcookie and Sparrowbot.", []string{"Zloader", "Hijackloader", "Warmcookie", "Sparrowbot"}},
	})
}
