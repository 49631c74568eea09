package extract

import (
	"slices"
	"testing"
)

// figureActors lists who made each arrest, then each seizure ("" for no
// one named).
func figureActors(ex Extraction) []string {
	return append(each(ex.Arrests, func(a Arrest) string { return deref(a.Agency) }),
		each(ex.Seizures, func(s Seizure) string { return deref(s.Agency) })...)
}

// TestUnitHeads17 checks bodies named by the part of a force they are:
// a division, a section, a group or service named by its work, an office
// named by where it sits, and a task force whose name a title's word
// opens; a person's post keeps a run of capitals from being a body.
func TestUnitHeads17(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"a division", "Officers from the Serious Fraud Division arrested four men in Lagos.", []string{"Serious Fraud Division"}},
		{"a section", "The Organised Crime Section searched six flats in Tartu.", []string{"Organised Crime Section"}},
		{"an operations group", "The Regional Special Operations Group arrested 11 people in Davao.", []string{"Regional Special Operations Group"}},
		{"an enforcement service", "The Border Enforcement Service detained 6 people near the crossing.", []string{"Border Enforcement Service"}},
		{"an office by where it sits", "Agents of the Eastern Zonal Office arrested nine suspects in Enugu.", []string{"Eastern Zonal Office"}},
		{"a title's word opens a task force", "The Special Investigations Task Force arrested three men.", []string{"Special Investigations Task Force"}},
		{"a title's word opens a person", "Special Agent Mara Quist said three men were arrested.", nil},
		{"a person's post before the body", "Public Information Officer Jo Cruz of PDEA-Zonal Office said one man was held.", []string{"PDEA-Zonal Office"}},
		{"a group against a crime", "The Anti-Kidnapping Group arrested four suspects in Pasig.", []string{"Anti-Kidnapping Group"}},
		{"a group of criminals", "The Coastal Crime Group smuggled 40 kg of cocaine.", nil},
		{"a force's district", "Police rescued six women in the Central Division on Thursday.", nil},
		{"a unit in a post", "The inquiry was led by ACP, Criminal Division, Jo Cruz.", nil},
	})
}

// TestMembersActed17 checks that "Members of the X" opening a clause tell
// who acted, while a team "made up of members of" X tells who took part.
func TestMembersActed17(t *testing.T) {
	expectEach(t, figureActors, []extractCase[string]{
		{"members open the sentence", "Members of the Gang Violence Task Force arrested three men in Perth.", []string{"Gang Violence Task Force"}},
		{"members after a comma", "On Friday, members of the Gang Violence Task Force arrested three men.", []string{"Gang Violence Task Force"}},
		{"a team made up of members", "A team made up of members of the Gang Violence Task Force and local police arrested three men.", []string{""}},
	})
}

// TestUnitFiguresStayTheBody17 checks that a part of the body the text is
// about, named in one sentence, does not take the figures of the
// sentences after it, which stay the body's; it keeps those its own
// sentence gives it.
func TestUnitFiguresStayTheBody17(t *testing.T) {
	body := "The Economic and Financial Crimes Commission arrested 22 people in Sapele. " +
		"Men from the Benin Zonal Office carried out the raid on Friday. " +
		"Two more suspects were arrested in Ughelli. " +
		"Officers recovered three cars and 40 laptops."
	ex := extractText(t, "", body)
	want := []string{"Economic and Financial Crimes Commission", "Economic and Financial Crimes Commission",
		"Economic and Financial Crimes Commission", "Economic and Financial Crimes Commission"}
	got := figureActors(ex)
	if len(got) != len(want) {
		t.Fatalf("figures by %q, want %q", got, want)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("figures by %q, want %q", got, want)
			break
		}
	}
	ex = extractText(t, "", "The Benin Zonal Office arrested two suspects in Ughelli.")
	if got := figureActors(ex); len(got) != 1 || got[0] != "Benin Zonal Office" {
		t.Errorf("the office's own arrest by %q, want Benin Zonal Office", got)
	}
}

// TestBodiesOfTheirRemit17 checks bodies named by a body's word, "of" and
// their remit, with adjectives before the word or not, while a unit "of
// the" force stays two bodies; and international bodies news cites.
func TestBodiesOfTheirRemit17(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"a department of two remits", "The Department of Wildlife and Forest Protection seized 300 kg of ivory.", []string{"Department of Wildlife and Forest Protection"}},
		{"an adjective before the word", "The National Administration of Conservation Areas said two tusks were found.", []string{"National Administration of Conservation Areas"}},
		{"a secretariat", "The Secretariat of Public Security said 12 people were arrested.", []string{"Secretariat of Public Security"}},
		{"an office of the post", "The Office of the Special Prosecutor said four people were arrested.", []string{"Office of the Special Prosecutor"}},
		{"a unit of the force", "The Main Investigation Department of the National Police of Ukraine searched 20 homes.",
			[]string{"Main Investigation Department", "National Police of Ukraine"}},
		{"the United Nations", "The United Nations said the trade was growing.", []string{"United Nations"}},
		{"the migration body", "The International Organization for Migration helped 40 victims.", []string{"International Organization for Migration"}},
	})
	if got := peopleNames(extractText(t, "", "The United Nations said the trade was growing.")); len(got) != 0 {
		t.Errorf("people %q, want none", got)
	}
}

// arrestParts lists each arrest as its count and, for a part, the count
// of the whole it is a part of (0 for none).
func arrestParts(ex Extraction) [][2]float64 {
	var out [][2]float64
	for _, a := range ex.Arrests {
		if a.Count == nil {
			continue // a vague count ("dozens")
		}
		whole := 0.0
		if a.PartOf != nil && ex.Arrests[*a.PartOf].Count != nil {
			whole = *ex.Arrests[*a.PartOf].Count
		}
		out = append(out, [2]float64{*a.Count, whole})
	}
	return out
}

// TestBreakdownAfterComma17 checks a breakdown that follows an arrest
// count after a comma, semicolon or colon: by nationality that "of them"
// opens, and by sex, its last part a single person; while counts by place
// stay counts of their own, and people not arrested have no parts.
func TestBreakdownAfterComma17(t *testing.T) {
	expectEach(t, arrestParts, []extractCase[[2]float64]{
		{"of them, by nationality", "Police arrested 69 foreigners in the raid, 34 of them Indonesians, 25 Chinese and 10 Malaysians.",
			[][2]float64{{69, 0}, {34, 69}, {25, 69}, {10, 69}}},
		{"after a semicolon", "Police said 52 people were arrested; 30 of them are Vietnamese.", [][2]float64{{52, 0}, {30, 52}}},
		{"by sex after a colon", "The patrol detained nine people: eight men and a woman.", [][2]float64{{9, 0}, {8, 9}, {1, 9}}},
		{"by place, counts of their own", "Eleven people were arrested in Portugal, five in Italy and 8 in Austria.",
			[][2]float64{{11, 0}, {5, 0}, {8, 0}}},
		{"questioned, not arrested", "Officers questioned 69 foreigners in the raid, 34 of them Indonesians.", nil},
	})
}

// personOrgs lists each person's organisation ("" for none).
func personOrgs(ex Extraction) []string {
	return each(ex.People, func(p Person) string { return deref(p.Organisation) })
}

// TestRoleNamesTheBody17 checks that a person's role that names one body,
// by its name or the alias the article wrote, makes it the person's, and
// that a role naming two makes neither.
func TestRoleNamesTheBody17(t *testing.T) {
	expectEach(t, personOrgs, []extractCase[string]{
		{"an acronym opens the role", `"We will go on," said Rick Jones, NCA International Deputy Director.`, []string{"National Crime Agency"}},
		{"in charge of the body", `"A good day," said Matt Allen, special agent in charge of HSI in Arizona.`, []string{"Homeland Security Investigations"}},
		{"a wildlife body", "KWS Director in charge of Kajiado County Lamuarte Lenguro said the arrest mattered.", []string{"Kenya Wildlife Service"}},
		{"two bodies in the role", `"A good day," said Matt Allen, special agent in charge of ICE HSI in Arizona.`, []string{""}},
	})
}

// TestNotRealGuns17 checks that guns an imitation's word qualifies are
// other goods, and that the word qualifies no gun after it in a list.
func TestNotRealGuns17(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"simulated, inside the phrase", "Police seized two simulated firearms in Madrid.", []string{"other/simulated firearms 2"}},
		{"imitation, before the noun", "Officers seized an imitation firearm in Leeds.", []string{"other/imitation firearm 1"}},
		{"toy guns", "Police seized three toy guns at the border.", []string{"other/toy guns 3"}},
		{"real guns after an imitation", "Officers seized an imitation firearm, 3 pistols and cash.", []string{"firearms/pistols 3", "other/imitation firearm 1", "cash/ -"}},
	})
}

// TestOpeningAfterHeadlines17 checks that an article's opening paragraph
// is the first that holds a sentence, past its headline lines: the body
// who acted in the sentence after a figure of the opening makes it, in
// an article that names another body (no one body it is all about).
func TestOpeningAfterHeadlines17(t *testing.T) {
	body := "31 arrested in harbour drugs blitz\n\n12 kilos of heroin seized\n\n" +
		"Thirty-one people were arrested on Monday night in a blitz on three clans in Calabria. " +
		"Carabinieri officers rounded up suspected members of the clans in four towns.\n\n" +
		"The clans ran the trade for a decade, a prosecutor said.\n\n" +
		"In an unrelated case, the Guardia di Finanza seized a yacht in Genoa.\n"
	ex := extractText(t, "title: t", body)
	if got := figureActors(ex); len(got) == 0 || got[0] != "Carabinieri" {
		t.Errorf("the arrests by %q, want Carabinieri first", got)
	}
}

// operationAgencies lists the agencies of each named operation.
func operationAgencies(ex Extraction) []string {
	return namedOperations(ex, func(op Operation) []string { return op.Agencies })
}

// namedOperations joins what list gives of each named operation.
func namedOperations(ex Extraction, list func(Operation) []string) []string {
	var out []string
	for _, op := range ex.Operations {
		if op.Name != nil {
			out = append(out, list(op)...)
		}
	}
	return out
}

// TestPartnersInclude17 checks that a list of the partners who supported
// an operation makes them its agencies, and takes none of its figures.
func TestPartnersInclude17(t *testing.T) {
	body := "The Ontario Provincial Police arrested 12 people in Project Uptown. " +
		"Partner agencies who supported this investigation include: Barrie Police Service, Hamilton Police Service and Toronto Police Service."
	ex := extractText(t, "", body)
	want := []string{"Ontario Provincial Police", "Barrie Police Service", "Hamilton Police Service", "Toronto Police Service"}
	if got := operationAgencies(ex); !slices.Equal(got, want) {
		t.Errorf("the operation's agencies %q, want %q", got, want)
	}
	if got := figureActors(ex); !slices.Equal(got, []string{"Ontario Provincial Police"}) {
		t.Errorf("figures by %q, want the OPP's", got)
	}
}

// TestOperationRunBy17 checks that a sentence opening on the operation
// named just before gives it the bodies that ran or directed it.
func TestOperationRunBy17(t *testing.T) {
	expectEach(t, operationAgencies, []extractCase[string]{
		{"carried out and directed", "Police in Kruja arrested 19 people in Operation Highland. " +
			"The operation was carried out by the Kruja Police Service under the direction of the Kruja Prosecutor's Office.",
			[]string{"Kruja Police Service", "Kruja Prosecutor's Office"}},
		{"a body that said so", "Police in Kruja arrested 19 people in Operation Highland. " +
			"The operation, which began in May, ended on Friday, the Kruja Prosecutor's Office said.", nil},
	})
}

// TestCapacityIsNoHaul17 checks that what a factory or a lab could make is
// no seizure, while what was seized beside it is one.
func TestCapacityIsNoHaul17(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"capable of producing", "Police raided a factory capable of producing over a billion cigarettes and seized 2 million cigarettes.", []string{"other/cigarettes 2e+06"}},
		{"could produce", "The lab could produce 10 kg of methamphetamine a day, police said after seizing it.", nil},
	})
}

// TestKindOfPlace17 checks places no gazetteer lists, named with the kind
// of place they are ("the town of X", "X village"), or after "in" and
// before a verb of the work ("Police in X arrested"), or in a list of such
// names after "in" that the phrase's end closes.
func TestKindOfPlace17(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"the town of", "Police arrested two men in the town of Qarvello on Monday.", []string{"Qarvello"}},
		{"the port city of", "The seizure was made near the port city of Dunmerrow, officials said.", []string{"Dunmerrow"}},
		{"a village after its name", "The drugs were found in Qarvello village, 20 km from the border.", []string{"Qarvello"}},
		{"no kind, no cue", "Qarvello said the town was quiet.", nil},
		{"a verb of the work after the place", "Police in Qarvello arrested three men.", []string{"Qarvello"}},
		{"a list of unlisted places", "Raids took place in Qarvello, Dunmerrow and Plessigny.", []string{"Qarvello", "Dunmerrow", "Plessigny"}},
		{"a list that runs on into a name", "Officers met in Qarvello, Dunmerrow and Plessigny Holdings staff.", []string{"Qarvello"}},
	})
}
