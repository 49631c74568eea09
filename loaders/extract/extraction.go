package extract

// Extraction is the facts of one article in the JSON shape of the project's
// evaluation format (../shared/eval/FORMAT.md), with evidence on each fact.
type Extraction struct {
	Article    ArticleMeta  `json:"article"`
	Agencies   []Agency     `json:"agencies"`
	Operations []Operation  `json:"operations"`
	Arrests    []Arrest     `json:"arrests"`
	Seizures   []Seizure    `json:"seizures"`
	People     []Person     `json:"people"`
	Places     []Place      `json:"places"`
	Platforms  []NamedThing `json:"platforms"`
	Groups     []NamedThing `json:"groups"`
	Dates      []Date       `json:"dates"`
}

// ArticleMeta is the article's metadata as its source gave it.
type ArticleMeta struct {
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source,omitempty"`
}

// Span is the evidence for a fact: where the article states it.
type Span struct {
	Sentence   string  `json:"sentence"`
	Start      int     `json:"start"` // characters into the article body
	End        int     `json:"end"`
	Confidence float64 `json:"confidence"`
	Rule       string  `json:"rule,omitempty"` // the rule that read the fact here (rules/*.rules, or a pass of the extractor)
	// AssertedBy is who the text says states the fact: an agency ("the NCA
	// said"), an official ("said Mara Quist"), else the outlet.
	AssertedBy string `json:"asserted_by,omitempty"`
	Context    bool   `json:"context,omitempty"` // the sentence gives the figure for comparison (see FigureLinks)
}

// Agency is a law-enforcement body, prosecutor, court or international organisation.
type Agency struct {
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Country  string   `json:"country,omitempty"`
	Evidence []Span   `json:"evidence"`
}

// Operation is a named (or unnamed) police operation.
type Operation struct {
	Name      *string  `json:"name"`
	Aliases   []string `json:"aliases"`
	Agencies  []string `json:"agencies"`
	PartOf    *string  `json:"part_of"`
	Targets   []string `json:"targets"`
	Locations []string `json:"locations"`
	Start     *string  `json:"start"`
	End       *string  `json:"end"`
	// EventDate is when the text first dates it: the date of the first
	// sentence naming it that gives one, else the article's, marked so.
	EventDate
	// Roles say what each agency named with it did: led, took part,
	// supported, announced (the last two not among Agencies).
	Roles    []AgencyRole `json:"agency_roles,omitempty"`
	Evidence []Span       `json:"evidence"`
}

// Arrest is a stated number of arrests.
type Arrest struct {
	Count     *float64 `json:"count"`
	Qualifier string   `json:"qualifier"`
	Operation *string  `json:"operation"`
	Agency    *string  `json:"agency"`
	Location  *string  `json:"location"`
	Date      *string  `json:"date"` // the date phrase of its sentence
	EventDate
	// AssertedBy is who states the figure, apart from who acted (Agency):
	// "Europol said police arrested 40" has no agency and Europol here.
	AssertedBy *string `json:"asserted_by"`
	FigureLinks
	Evidence []Span `json:"evidence"`

	sentence int // where the article first states it
}

// FigureLinks say how a figure stands to the article's others, so that
// totals count each haul and each group of arrests once.
type FigureLinks struct {
	PartOf  *int `json:"part_of,omitempty"` // index (in the same list) of the total this is a part of: "four of them"
	SameAs  *int `json:"same_as,omitempty"` // index of the figure this restates: "over 450,000" beside 466,326
	Context bool `json:"context,omitempty"` // a past record or yearly total given for comparison
}

// Seizure is something seized, with its physical quantity and/or money value.
type Seizure struct {
	Commodity       string   `json:"commodity"`
	Subtype         *string  `json:"subtype"`
	Quantity        *float64 `json:"quantity"`
	Unit            *string  `json:"unit"`
	Qualifier       *string  `json:"qualifier"`
	Amount          *float64 `json:"amount"`
	Currency        *string  `json:"currency"`
	AmountQualifier *string  `json:"amount_qualifier"`
	Phrase          string   `json:"phrase"`
	Operation       *string  `json:"operation"`
	Agency          *string  `json:"agency"`
	Location        *string  `json:"location"`
	Date            *string  `json:"date"` // the date phrase of its sentence
	EventDate
	AssertedBy *string `json:"asserted_by"` // who states it, apart from who acted (see Arrest)
	FigureLinks
	Evidence []Span `json:"evidence"`

	sentence int // where the article first states it, for merging
}

// Person is a named individual with the title, role and organisation the text gives.
type Person struct {
	Name         string  `json:"name"`
	Title        *string `json:"title"`
	Role         *string `json:"role"`
	Organisation *string `json:"organisation"`
	Evidence     []Span  `json:"evidence"`
}

// Place is a named place with its ISO country code.
type Place struct {
	Name string `json:"name"` // as the article first wrote it ("Burma")
	// Canonical is the gazetteer's name where the article wrote another
	// ("Myanmar"): the graph keeps the place under it, so articles that
	// spell a place differently share one node.
	Canonical string `json:"canonical,omitempty"`
	Country   string `json:"country,omitempty"`
	Kind      string `json:"kind,omitempty"`
	Evidence  []Span `json:"evidence"`
	written   string // the first surface form read, before writtenNames
}

// NamedThing is a platform or a criminal group.
type NamedThing struct {
	Name     string `json:"name"`
	Evidence []Span `json:"evidence"`
}

// Date is a date phrase, with its ISO form where the text (or the article's
// publication date, for relative phrases) fixes it.
type Date struct {
	Text     string  `json:"text"`
	ISO      *string `json:"iso"`
	Evidence []Span  `json:"evidence"`
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nump(f float64) *float64 { return &f }
