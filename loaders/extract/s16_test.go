package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestPlacesInLists16 checks places the sixteenth session found dropped:
// a list after "operation:" (no codename: the colon stands between) and a
// route of places joined by hyphens, while a longer hyphenated name and
// an operation's codename still name no place.
func TestPlacesInLists16(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"a list after operation and a colon", "Four countries took part in the operation: Argentina, Bolivia, Chile and Peru.",
			[]string{"Argentina", "Bolivia", "Chile", "Peru"}},
		{"a route of places", "The lorries drove the route Bulgaria-Serbia-Hungary-Austria every week.",
			[]string{"Bulgaria", "Serbia", "Hungary", "Austria"}},
		{"a longer hyphenated name", "Officers searched a warehouse in Baden-Württemberg and one in Guinea-Bissau.", []string{"Baden-Württemberg", "Guinea-Bissau"}},
		{"an operation's codename", "Police arrested 12 people in Operation Monaco.", nil},
	})
}

// TestPlacePoliceDepartments16 checks a town's police department written
// in lower case, and two towns sharing "police departments".
func TestPlacePoliceDepartments16(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"a town's department", "Officers of the Clovis police department arrested two men.", []string{"Clovis Police Department"}},
		{"two towns share the head", "The task force is made up of the Fresno and Clovis police departments.",
			[]string{"Fresno Police Department", "Clovis Police Department"}},
		{"a town's police", "Clovis police arrested two men.", []string{"Clovis Police"}},
	})
}

// TestAgencyNameEdges16 checks a body's name that opens with a number word
// mid-sentence, and one followed by a person's ranks and name.
func TestAgencyNameEdges16(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"a number word opens the name", "Officers from Six Nations Police Service arrested two men.", []string{"Six Nations Police Service"}},
		{"a count opens the sentence", "Two NDLEA officers were hurt in the raid.", []string{"National Drug Law Enforcement Agency"}},
		{"ranks and a name after the body", "The Criminal Investigation Agency of National Police Brigadier General Eko Daniyanto said 40 kg was seized.",
			[]string{"Criminal Investigation Agency of National Police"}},
		{"a title inside the name", "The Office of the Director of Public Prosecutions charged the men.", []string{"Office of the Director of Public Prosecutions"}},
	})
}

// TestBodyAfterInitialledName16 checks that a titled person's name with an
// initial is no part of the body named after it.
func TestBodyAfterInitialledName16(t *testing.T) {
	ex := extractText(t, "", "Detective Inspector Leo R. Hart of Kent Police said six men were arrested.")
	if got := agencyNames(ex); !slices.Equal(got, []string{"Kent Police"}) {
		t.Errorf("agencies %q, want [Kent Police]", got)
	}
	if got := peopleNames(ex); len(got) != 1 || deref(ex.People[0].Organisation) != "Kent Police" {
		t.Errorf("people %q, want Leo R. Hart of Kent Police", got)
	}
}

// TestSupportedByActs16 checks that a body "supported by" another is the
// one that acted, while a body that supports others is not.
func TestSupportedByActs16(t *testing.T) {
	arrestAgencies := func(ex Extraction) []string {
		var out []string
		for _, a := range ex.Arrests {
			out = append(out, deref(a.Agency))
		}
		return out
	}
	expectEach(t, arrestAgencies, []extractCase[string]{
		{"supported by, set off", "The Guardia Civil, supported by Europol, arrested 23 suspects in Madrid.", []string{"Guardia Civil"}},
		{"assisted by, set off", "The National Police, assisted by the FBI, arrested 23 suspects.", []string{"National Police"}},
		{"who supports others", "Europol supported the Guardia Civil, which arrested 23 suspects.", []string{"Guardia Civil"}},
		{"a supporter alone", "Europol supported the operation, which led to 23 arrests.", []string{""}},
	})
}

// TestQuantityForms16 checks the British spelling of a kilogram and a
// gram, parts of one unit, and a cartridge's size, which counts nothing.
func TestQuantityForms16(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"a kilogramme", "Police seized 2 kilogramme of heroin.", []string{"drugs/heroin 2"}},
		{"half a kilogramme", "Officers seized half a kilogramme of cocaine.", []string{"drugs/cocaine 0.5"}},
		{"an ounce and half a litre", "Police seized an ounce of heroin and half a litre of liquid cocaine.",
			[]string{"drugs/heroin 1", "drugs/cocaine 0.5"}},
		{"a cartridge's size", "Among the weapons seized was a 7.62×51 caliber rifle.", []string{"firearms/rifle -"}},
		{"a cartridge's size in x", "Officers seized two 5.56x45 rifles.", []string{"firearms/rifles 2"}},
	})
}

// TestSharedBodyHeads16 checks a list of places that share the rest of
// their bodies' name, a plural head: one body for each place, and each
// place named, but not where the list holds no place.
func TestSharedBodyHeads16(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"three places", "The raids were led by the Izmir, Hatay and Kilis Provincial Gendarmerie Commands.",
			[]string{"Izmir Provincial Gendarmerie Command", "Hatay Provincial Gendarmerie Command", "Kilis Provincial Gendarmerie Command"}},
		{"a serial comma", "The Fresno, Clovis, and Madera Police Departments took part.",
			[]string{"Fresno Police Department", "Clovis Police Department", "Madera Police Department"}},
		{"no places", "The Serious Fraud and Organised Crime Departments took part.", nil},
	})
	ex := extractText(t, "", "The raids were led by the Izmir, Hatay and Kilis Provincial Gendarmerie Commands.")
	if got := placeNames(ex); !slices.Equal(got, []string{"Izmir", "Hatay", "Kilis"}) {
		t.Errorf("places %q, want the three", got)
	}
	for _, a := range ex.Agencies {
		if len(a.Aliases) > 0 && !strings.HasSuffix(a.Aliases[0], "Commands") {
			t.Errorf("%s has the alias %q", a.Name, a.Aliases)
		}
	}
}

// TestUnitOfPlacePolice16 checks a unit "of the PLACE police": two bodies,
// the unit and the place's force, not a unit's name cut at the place.
func TestUnitOfPlacePolice16(t *testing.T) {
	expectEach(t, agencyNames, []extractCase[string]{
		{"a unit of a state's police", "Officers of the Crime Investigation Department of the Perlis police arrested two men.",
			[]string{"Crime Investigation Department", "Perlis Police"}},
		{"a unit of a city's police", "Officers of the Narcotics Bureau of Johor police seized 4 kg.", []string{"Narcotics Bureau", "Johor Police"}},
	})
}

// TestGunsAndTheirAmmunition16 checks ammunition named by its gun, and a
// bore in inches between a count and the guns.
func TestGunsAndTheirAmmunition16(t *testing.T) {
	expectEach(t, seizureQuantities, []extractCase[string]{
		{"cartridges named by their gun", "Officers found over 400 shotgun cartridges in the boot.", []string{"ammunition/cartridges 400"}},
		{"rounds named by their gun", "Police seized 50 pistol rounds.", []string{"ammunition/rounds 50"}},
		{"a bore in inches", "Officers seized two .38 revolvers.", []string{"firearms/revolvers 2"}},
		{"guns alone", "Officers recovered 3 pistols and a shotgun.", []string{"firearms/pistols 3", "firearms/shotgun 1"}},
	})
}

// TestAPStates16 checks a US state a news agency abbreviates after a town.
func TestAPStates16(t *testing.T) {
	expectEach(t, placeNames, []extractCase[string]{
		{"a dateline with a stop", "TUCSON, Ariz. — Customs officers seized 40 kg of cocaine.", []string{"Tucson", "Arizona"}},
		{"a dateline with a dash", "WEST PALM BEACH, Fla— Officers seized counterfeit goods.", []string{"Florida", "West Palm Beach"}},
		{"no town before", "The man, Ill. and tired, was arrested.", nil},
	})
}
