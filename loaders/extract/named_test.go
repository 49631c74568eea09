package extract

import (
	"slices"
	"testing"
)

// TestUnlistedNamed checks the platforms and groups that rules/named.rules
// reads by the kind of thing they are, in sentences of our own.
func TestUnlistedNamed(t *testing.T) {
	cases := []struct {
		name, body        string
		platforms, groups []string
	}{
		{"two botnets", "The operation targeted the Quillbot and Marlock botnets.", []string{"Quillbot", "Marlock"}, nil},
		{"a marketplace", "Police took down the Saltmarsh marketplace on Friday.", []string{"Saltmarsh"}, nil},
		{"a ransomware gang is a group", "The FBI said the Hollowkey ransomware group hit 300 firms.", nil, []string{"Hollowkey"}},
		{"a cartel", "Police said the Varela cartel used the port.", nil, []string{"Varela cartel"}},
		{"the kind, then the name: a marketplace", "The darknet marketplace Saltmarsh Market was seized by German authorities.", []string{"Saltmarsh Market"}, nil},
		{"the kind, then the name: a phone service", "Police took down the encrypted messaging service Quillchat, used by crime groups.", []string{"Quillchat"}, nil},
		{"an encrypted service named by no name", "Police said the encrypted messaging service was used by dealers.", nil, nil},
		{"a capital that opens the sentence", "Seized marketplaces sold drugs and weapons.", nil, nil},
		{"a demonym's mafia is a kind of crime", "Police said the Sicilian mafia ran the port.", nil, nil},
		{"an agency's unit is no gang", "The Gang Unit of the Loamshire Police arrested two men.", nil, nil},
		{"the kind, then the name: a gang", "Nineteen members of the street gang Harbour Kings were arrested.", nil, []string{"Harbour Kings"}},
		{"the kind, then a list of names", "The agencies targeted the loaders Quillload, Marlock and Vexbit.", []string{"Quillload", "Marlock", "Vexbit"}, nil},
		{"a quoted name, then what it is", "A man was charged with running 'Quillchat', an encrypted messaging app.", []string{"Quillchat"}, nil},
		{"a street gang named before its kind", "The cash was linked to the Harbour Kings street gang, police said.", nil, []string{"Harbour Kings"}},
		{"a word of fame before a clan", "Police targeted the notorious Varela clan in the port.", nil, []string{"Varela clan"}},
		{"a clan of a larger group", "The operation targeted the Varela family's Soto clan in the port.", nil, []string{"Soto clan"}},
		{"a motorcycle club", "The cocaine was sold by Ravens Motorcycle Club members.", nil, []string{"Ravens Motorcycle Club"}},
		{"a headline's capital Cartel is no kind before a name", "Army Raids Three Varela Cartel Drug Labs", nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			var plats, groups []string
			for _, p := range ex.Platforms {
				plats = append(plats, p.Name)
			}
			for _, g := range ex.Groups {
				groups = append(groups, g.Name)
			}
			if !slices.Equal(plats, tc.platforms) || !slices.Equal(groups, tc.groups) {
				t.Errorf("%q: platforms %q groups %q, want %q %q", tc.body, plats, groups, tc.platforms, tc.groups)
			}
		})
	}
}

// TestEventCountsAreNoGoods checks that a vague count of events ("several
// other cases") is not read as a vague quantity of the goods after it.
func TestEventCountsAreNoGoods(t *testing.T) {
	ex := extractText(t, "", "Officers also seized drugs in several other cases where drugs were hidden in cars.")
	for _, s := range ex.Seizures {
		if deref(s.Qualifier) == "several" {
			t.Errorf("%q read as several %s", s.Phrase, s.Commodity)
		}
	}
}

// TestOperationTargetsAGroup checks that in an article about one operation
// a group named after a word of targeting is the operation's target.
func TestOperationTargetsAGroup(t *testing.T) {
	ex := extractText(t, "", "Operation Pollino ended on Wednesday.\n\nPolice in four countries made arrests against 'Ndrangheta, a crime group.")
	if len(ex.Operations) != 1 || !slices.Contains(ex.Operations[0].Targets, "'Ndrangheta") {
		t.Errorf("operations %+v, want Pollino targeting 'Ndrangheta", ex.Operations)
	}
}

// TestOperationTargetsPartOfAGroup checks targets named by a part of the
// group ("a cell of the ...") or aimed at.
func TestOperationTargetsPartOfAGroup(t *testing.T) {
	for _, body := range []string{
		"The investigation, dubbed Operation Tarantula, dismantled a cell of the Sinaloa Cartel operating in Spain.",
		"Operation Tarantula, launched in 2021, is aimed at the Sinaloa Cartel's operations in Spain.",
	} {
		ex := extractText(t, "", body)
		if len(ex.Operations) != 1 || !slices.Equal(ex.Operations[0].Targets, []string{"Sinaloa Cartel"}) {
			t.Errorf("%q: operations %+v, want Tarantula targeting the Sinaloa Cartel", body, ex.Operations)
		}
	}
}

// TestOperationTargetsAPlatform checks the same for a platform taken down
// in a sentence that does not name the operation.
func TestOperationTargetsAPlatform(t *testing.T) {
	ex := extractText(t, "", "Operation Endgame ran for a week.\n\nPolice took down the Quillbot botnet and arrested four men. Researchers had long studied the Marlock botnet.")
	if len(ex.Operations) != 1 || !slices.Equal(ex.Operations[0].Targets, []string{"Quillbot"}) {
		t.Errorf("operations %+v, want Endgame targeting Quillbot only", ex.Operations)
	}
}

// TestTransitPlaces checks that where goods or people came from or went to
// is not where a figure was made.
func TestTransitPlaces(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"a passenger from", "Customs officers at Harbourton airport intercepted a passenger from Bangkok and recovered 4.5 kg of cannabis.", "Harbourton airport"},
		{"bound for", "Police seized 2 tonnes of cocaine in Callao bound for Antwerp.", "Callao"},
		{"people from", "Police seized 5 kg of heroin from two men from Bradford at a house in Leeds.", "Leeds"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := extractText(t, "", tc.body)
			if len(ex.Seizures) == 0 || deref(ex.Seizures[0].Location) != tc.want {
				t.Errorf("%q: seizures %+v, want one at %q", tc.body, ex.Seizures, tc.want)
			}
		})
	}
}

// TestSameCountTwoPlaces checks that one count said in two sentences with
// two places, an airport and its city's road, is two figures.
func TestSameCountTwoPlaces(t *testing.T) {
	ex := extractText(t, "", "Officers found 2 kg of heroin at Islamabad International Airport, and three suspects were arrested. Later, 4.8 kg of hashish was recovered near Kam Bridge in Islamabad, and three suspects were arrested.")
	if len(ex.Arrests) != 2 {
		t.Errorf("arrests %+v, want two counts of three", ex.Arrests)
	}
}

// TestFigurePlaces checks that a figure takes the place named just after
// it in its clause, else the first named before it.
func TestFigurePlaces(t *testing.T) {
	ex := extractText(t, "", "In Spain and Portugal, police arrested 40 people. The Guardia Civil arrested 28 suspects in Malaga, and the Polícia Judiciária arrested 12 people in Porto.")
	want := map[float64]string{40: "Spain", 28: "Málaga", 12: "Porto"}
	for _, a := range ex.Arrests {
		if w, ok := want[deref2(a.Count)]; ok && deref(a.Location) != w {
			t.Errorf("%v arrested: location %q, want %q", deref2(a.Count), deref(a.Location), w)
		}
	}
}

// TestFigurePlaceFromContext checks that a figure whose sentence names no
// place takes the last one named before it, not one of a separate event.
func TestFigurePlaceFromContext(t *testing.T) {
	ex := extractText(t, "", "Officers stopped a lorry at Dover on Monday. Inside, they found 40 kg of cocaine.\n\nIn a separate case, customs officers found 3 kg of heroin.")
	want := map[float64]string{40: "Dover", 3: ""}
	for _, s := range ex.Seizures {
		if w, ok := want[deref2(s.Quantity)]; ok && deref(s.Location) != w {
			t.Errorf("%s: location %q, want %q", s.Phrase, deref(s.Location), w)
		}
	}
}

// TestActorsBeforeTheOperationIsNamed checks that agencies acting before
// an article first names its one operation are not made its agencies:
// the text may be telling of another, unnamed action there.
func TestActorsBeforeTheOperationIsNamed(t *testing.T) {
	ex := extractText(t, "", "A joint team has dismantled the Quillbot network. The Loamshire Constabulary dismantled 19 drug labs.\n\nIn the UK, the NCA ran its response under the name Operation Venetic.")
	for _, op := range ex.Operations {
		if deref(op.Name) == "Venetic" && slices.Contains(op.Agencies, "Loamshire Constabulary") {
			t.Errorf("Venetic's agencies %v hold the constabulary that acted before it was named", op.Agencies)
		}
	}
}

// TestProgrammeIsNoOperation checks that a project the text calls a
// programme is no operation, and that one it does not call so still is.
func TestProgrammeIsNoOperation(t *testing.T) {
	ex := extractText(t, "", "The case was part of Project Safe Streets, a Justice Department program.")
	if len(ex.Operations) > 0 {
		t.Errorf("operations %+v, want none: a programme", ex.Operations)
	}
	ex = extractText(t, "", "Detectives from Project Fairway, an OPP-led joint forces operation, arrested 12 people.")
	if len(ex.Operations) != 1 || deref(ex.Operations[0].Name) != "Fairway" {
		t.Errorf("operations %+v, want Fairway", ex.Operations)
	}
}
