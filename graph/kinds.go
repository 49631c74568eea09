package graph

import "strings"

// The built-in kinds, described once (see KindSpec). Registered in the
// order of FactKinds.
func init() {
	name := Field{Name: "name", Pred: PredName, Type: Text, Correctable: true}
	aliases := Field{Name: "aliases", Pred: PredAlias, Type: Texts}
	country := Field{Name: "country", Pred: PredCountry, Type: Text, Correctable: true}
	figureLinks := []Link{
		{Name: "agency", Pred: PredAgency, To: KindAgency, Correctable: true, FtMProp: "organizer",
			All: "agencies", AllDoc: "Every agency the figure is under: usually its one agency; each of them where two agencies claim the same haul."},
		{Name: "operation", Pred: PredOperation, To: KindOperation, Correctable: true, FtMRole: "part of operation"},
		{Name: "place", Pred: PredPlace, To: KindPlace, Correctable: true, FtMProp: "addressEntity"},
	}
	date := Field{Name: "date", Pred: PredDate, Type: Date, Correctable: true}
	eventDate := Field{Name: "eventDate", Pred: PredEventDate, Type: EventDate}
	qualifier := Field{Name: "qualifier", Pred: PredQualifier, Type: Text, Correctable: true}
	organization := func(description string) func(*Entity) (string, map[string][]string) {
		return func(e *Entity) (string, map[string][]string) {
			return "Organization", map[string][]string{"name": e.Strings(PredName), "description": {description}}
		}
	}
	for _, s := range []KindSpec{
		{Kind: KindAgency, List: "agencies", Doc: "A police force, customs service, prosecutor or international body.",
			Fields: []Field{name, aliases, country},
			FtM: func(e *Entity) (string, map[string][]string) {
				return "Organization", map[string][]string{"name": e.Strings(PredName), "alias": e.Strings(PredAlias), "country": ftmCountries(e)}
			}},
		{Kind: KindOperation, List: "operations", Doc: "A law-enforcement operation.",
			Fields:   []Field{name, aliases, eventDate},
			Measures: []Measure{{Name: "OPERATION_COUNT", Doc: "counts operations"}},
			FtM: func(e *Entity) (string, map[string][]string) {
				var names []string
				for _, n := range e.Strings(PredName) {
					names = append(names, "Operation "+n)
				}
				return "Event", map[string][]string{"name": names, "alias": e.Strings(PredAlias)}
			}},
		{Kind: KindArrest, List: "arrests", Fact: true, Doc: "A stated number of arrests.",
			Fields: []Field{{Name: "count", Pred: PredCount, Type: Number, Correctable: true, Max: 1e6, Whole: true}, qualifier, date, eventDate},
			Links:  figureLinks,
			Measures: []Measure{{Name: "ARREST_COUNT", Doc: "sums arrest figures", Reads: []Predicate{PredCount},
				Value: func(e *Entity) (float64, bool) { n, _ := e.Float(PredCount); return n, true }}},
			FtM: figureFtM},
		{Kind: KindSeizure, List: "seizures", Fact: true, Doc: "Something seized: a quantity and/or a sum of money.",
			Fields: []Field{
				{Name: "commodity", Pred: PredCommodity, Type: Text, Correctable: true},
				{Name: "subtype", Pred: PredSubtype, Type: Text, Correctable: true},
				{Name: "quantity", Pred: PredQuantity, Type: Number, Correctable: true, Max: 1e9},
				{Name: "unit", Pred: PredUnit, Type: Text, Correctable: true},
				qualifier,
				{Name: "amount", Pred: PredAmount, Type: Number, Correctable: true, Max: 1e13},
				{Name: "currency", Pred: PredCurrency, Type: Text, Correctable: true},
				{Name: "amountQualifier", Pred: PredAmountQualifier, Type: Text, Correctable: true},
				{Name: "phrases", Pred: PredPhrase, Type: Texts},
				date,
				eventDate,
			},
			Links: figureLinks,
			Measures: []Measure{
				{Name: "SEIZURE_COUNT", Doc: "counts seizures"},
				{Name: "SEIZED_KG", Doc: "sums drug seizures by mass in kg", Reads: []Predicate{PredQuantity, PredUnit, PredCommodity},
					Value: func(e *Entity) (float64, bool) {
						kg, ok := Kilograms(e)
						return kg, ok && e.String(PredCommodity) == "drugs"
					}},
				{Name: "SEIZED_VALUE", Doc: "sums amounts per currency", Reads: []Predicate{PredAmount, PredCurrency}, PerCurrency: true,
					Value: func(e *Entity) (float64, bool) {
						amt, ok := e.Float(PredAmount)
						return amt, ok && e.String(PredCurrency) != ""
					}},
			},
			FtM: figureFtM},
		{Kind: KindPerson, List: "people", Doc: "A named person: an official, a spokesperson, a suspect.",
			Fields: []Field{name, {Name: "titles", Pred: PredTitle, Type: Texts}, {Name: "roles", Pred: PredRole, Type: Texts}},
			FtM: func(e *Entity) (string, map[string][]string) {
				return "Person", map[string][]string{"name": e.Strings(PredName), "title": e.Strings(PredTitle), "position": e.Strings(PredRole)}
			}},
		{Kind: KindPlace, List: "places", Doc: "A country, region, city, port or airport.",
			Fields: []Field{name, country},
			FtM: func(e *Entity) (string, map[string][]string) {
				return "Address", map[string][]string{"full": e.Strings(PredName), "country": ftmCountries(e)}
			}},
		{Kind: KindPlatform, List: "platforms", Doc: "An encrypted phone service, darknet market or other platform.",
			Fields: []Field{name}, FtM: organization("communications platform named in law-enforcement reporting")},
		{Kind: KindGroup, List: "groups", Doc: "A criminal group with a name.",
			Fields: []Field{name}, FtM: organization("criminal group named in law-enforcement reporting")},
		{Kind: KindRelation, Fact: true, Doc: "A link between two nodes that articles state (an operation's agency, place or target; a person's organisation), with its evidence.",
			Fields: []Field{{Name: "rel", Pred: PredRel, Type: Text},
				{Name: "roles", Pred: PredAgencyRole, Type: Texts, Doc: "For an operation's agency: what its articles say it did (led, took_part, supported, announced)."}}},
	} {
		if err := RegisterKind(s); err != nil {
			panic(err) // the built-in specs are wrong: a programming error
		}
	}
}

// kgPerUnit converts masses; "ton" is read as a metric tonne, as the
// annotation guide and the scorer read it.
var kgPerUnit = map[string]float64{"tonne": 1000, "ton": 1000, "kg": 1, "g": 0.001, "mg": 1e-6, "lb": 0.45359237, "oz": 0.028349523}

// Kilograms is a seizure's quantity as a mass in kilograms, where it is one.
func Kilograms(e *Entity) (float64, bool) {
	q, ok := e.Float(PredQuantity)
	f, known := kgPerUnit[e.String(PredUnit)]
	if !ok || !known {
		return 0, false
	}
	return q * f, true
}

// figureFtM is an arrest or seizure as an FtM Event named by its figure
// ("12 arrests", "300 kg cocaine"). The date phrase of a figure is free
// text ("on Tuesday"), so it goes in notes, not in FtM's date.
func figureFtM(e *Entity) (string, map[string][]string) {
	props := map[string][]string{"name": {figureName(e)}, "summary": e.Strings(PredPhrase)}
	for _, d := range e.Strings(PredDate) {
		props["notes"] = append(props["notes"], "date as stated: "+d)
	}
	return "Event", props
}

func ftmCountries(e *Entity) []string {
	var cs []string
	for _, c := range e.Strings(PredCountry) {
		cs = append(cs, strings.ToLower(c))
	}
	return cs
}
