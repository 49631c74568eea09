package graph

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// ID is the stable IRI of a node, e.g. "opg:agency/national-crime-agency".
type ID string

// Kind is the type of a node.
type Kind string

// The kinds of node opgraph stores.
const (
	KindAgency    Kind = "Agency"
	KindOperation Kind = "Operation"
	KindArrest    Kind = "Arrest"
	KindSeizure   Kind = "Seizure"
	KindPerson    Kind = "Person"
	KindPlace     Kind = "Place"
	KindPlatform  Kind = "Platform"
	KindGroup     Kind = "Group"
	KindRelation  Kind = "Relation"
	KindArticle   Kind = "Article"
	KindEvidence  Kind = "Evidence"
)

// FactKinds are the kinds whose nodes are stated by articles and carry
// evidence: every kind with a spec (RegisterKind), in their order.
var FactKinds []Kind

// Predicate names an attribute or a link of a node.
type Predicate string

// Predicates. Links (values of type ID) are marked; the rest are literals.
const (
	PredType Predicate = "rdf:type" // link to the kind's IRI

	PredName    Predicate = "opg:name"
	PredAlias   Predicate = "opg:alias"
	PredTitle   Predicate = "opg:title" // a person's honorific or rank
	PredRole    Predicate = "opg:role"  // a person's job title
	PredCountry Predicate = "opg:country"
	PredPhrase  Predicate = "opg:phrase" // the figure as the text wrote it
	PredDate    Predicate = "opg:date"   // the date phrase of a fact
	// When a figure's event happened, as its article dates it: the ISO date
	// its sentence fixes (YYYY-MM-DD, YYYY-MM or YYYY: its length is its
	// precision), and whether the text gave it or the article's publication
	// date stands in (DateFromText, DateFromArticle).
	PredEventDate  Predicate = "opg:eventDate"
	PredDateSource Predicate = "opg:dateSource"

	PredCount           Predicate = "opg:count"
	PredQualifier       Predicate = "opg:qualifier"
	PredCommodity       Predicate = "opg:commodity"
	PredSubtype         Predicate = "opg:subtype"
	PredQuantity        Predicate = "opg:quantity"
	PredUnit            Predicate = "opg:unit"
	PredAmount          Predicate = "opg:amount"
	PredCurrency        Predicate = "opg:currency"
	PredAmountQualifier Predicate = "opg:amountQualifier"
	PredAgency          Predicate = "opg:agency"    // link
	PredOperation       Predicate = "opg:operation" // link
	PredPlace           Predicate = "opg:place"     // link

	PredFrom Predicate = "opg:from" // link: a relation's subject
	PredTo   Predicate = "opg:to"   // link: a relation's object
	PredRel  Predicate = "opg:rel"  // the relation's name, one of the Rel* constants
	// PredAgencyRole is what an article says an agency did in an operation,
	// one of the Role* constants, on the evidence of the operation's
	// relation to the agency.
	PredAgencyRole Predicate = "opg:agencyRole"

	PredHeadline  Predicate = "opg:headline"
	PredURL       Predicate = "opg:url"
	PredPublished Predicate = "opg:published"
	PredSource    Predicate = "opg:source"

	PredSupports   Predicate = "opg:supports" // link: evidence -> the node it supports
	PredArticle    Predicate = "opg:article"  // link: evidence -> its article
	PredSentence   Predicate = "opg:sentence"
	PredStart      Predicate = "opg:start"
	PredEnd        Predicate = "opg:end"
	PredConfidence Predicate = "opg:confidence"
	PredRule       Predicate = "opg:rule"       // the extraction rule that read the fact in the sentence
	PredAssertedBy Predicate = "opg:assertedBy" // who the sentence says states the fact: an agency, an official, or the outlet
	// How a figure relates to the article's other figures, as the sentence
	// states it (so on the evidence): totals count each haul once.
	PredPartOf  Predicate = "opg:partOf"  // link: evidence -> the fact this figure is a part of ("four of them")
	PredSameAs  Predicate = "opg:sameAs"  // link: evidence -> the fact this figure restates (rounded, other units)
	PredContext Predicate = "opg:context" // "true": a past record or yearly total given for comparison, not this event's
)

// claimPredicates vary between the articles that state the same node (one
// article gives an alias, another a title). They are kept on each evidence
// node, and the node itself carries their union over its evidence.
var claimPredicates = map[Predicate]bool{
	PredAlias: true, PredTitle: true, PredRole: true, PredPhrase: true, PredDate: true,
	PredEventDate: true, PredDateSource: true, PredAgencyRole: true,
}

// Where a fact's event date comes from (PredDateSource).
const (
	DateFromText    = "text"    // the article's text dates the event
	DateFromArticle = "article" // the text gives no date: the article's publication date stands in
	DateFromCurator = "curator" // a curator corrected the fact's date (correctFact)
)

// ISODate reads a date phrase as an ISO date ("8 June 2021", "on June 8,
// 2021" -> 2021-06-08; "in June 2021" -> 2021-06; "2021"), or "" where it
// is not one of those forms.
func ISODate(phrase string) string {
	p := strings.NewReplacer(",", "", "in ", "", "on ", "", "since ", "").Replace(strings.TrimSpace(phrase))
	for _, l := range []struct{ in, out string }{{"2 January 2006", "2006-01-02"}, {"January 2 2006", "2006-01-02"},
		{"January 2006", "2006-01"}, {"2006", "2006"}, {"2006-01-02", "2006-01-02"}} {
		if t, err := time.Parse(l.in, p); err == nil {
			return t.Format(l.out)
		}
	}
	return ""
}

// DatePrecision is how much of an ISO date (YYYY-MM-DD, YYYY-MM, YYYY) is
// fixed: "day", "month", "year"; "" for what is not such a date.
func DatePrecision(iso string) string {
	for i := 0; i < len(iso); i++ {
		if c := iso[i]; (c < '0' || c > '9') && !(c == '-' && (i == 4 || i == 7)) {
			return ""
		}
	}
	switch len(iso) {
	case 10:
		return "day"
	case 7:
		return "month"
	case 4:
		return "year"
	}
	return ""
}

// Relation names (the PredRel of a Relation node).
const (
	RelOperationAgency = "operation_agency"    // Operation -> Agency that led or took part
	RelOperationHelper = "operation_helper"    // Operation -> Agency named as supporting or announcing it, not acting: not counted in totals by agency
	RelOperationPartOf = "operation_part_of"   // Operation -> the Operation it belongs to
	RelOperationTarget = "operation_target"    // Operation -> Platform or Group it targeted
	RelOperationPlace  = "operation_place"     // Operation -> Place where it ran
	RelPersonOrg       = "person_organisation" // Person -> Agency they speak for
)

// What an agency did in an operation (PredAgencyRole), strongest first:
// RoleLed and RoleTookPart are its actors (RelOperationAgency); RoleSupported
// and RoleAnnounced are named only (RelOperationHelper).
const (
	RoleLed       = "led"       // "led by the FBI", "an NCA-led operation"
	RoleTookPart  = "took_part" // named as running it, or made its arrests or seizures
	RoleSupported = "supported" // "with support from", "enabled by", "alongside", "funded by"
	RoleAnnounced = "announced" // only says so: "the NCA said", "according to Europol"
)

// Prop is one attribute or link of a node. Value is an ID (a link), a
// string, an int or a float64.
type Prop struct {
	Pred  Predicate
	Value any
}

// Evidence is the sentence of an article that states a fact.
type Evidence struct {
	Sentence   string
	Start, End int // offsets in characters (code points) into the article body
	Confidence float64
	Rule       string // the extraction rule that read it, where known
	AssertedBy string // who states it: an agency, an official, or the outlet; "" where unknown
	PartOf     ID     // the fact this figure is a part of in the article ("four of them"), or ""
	SameAs     ID     // the fact this figure restates in the article (rounded, other units), or ""
	Context    bool   // a past or yearly figure given for comparison, not the event's own
	// Claims are the attributes this article gives the node that other
	// articles may give differently (aliases, titles, the phrase of a figure).
	Claims []Prop
}

// Node is an entity or fact as an article states it: identity, kind,
// attributes and the evidence for it. Props must follow from the ID alone
// (two articles stating the same node give the same Props); whatever may
// differ between articles goes in the evidence's Claims.
type Node struct {
	ID       ID
	Kind     Kind
	Props    []Prop
	Evidence []Evidence
}

// Article is the source of facts.
type Article struct {
	ID        ID
	Title     string
	URL       string
	Published string // YYYY-MM-DD, or empty
	Source    string
}

// ArticleFacts is everything one article states: what the Store writes in
// one transaction.
type ArticleFacts struct {
	Article Article
	Nodes   []Node
}

// Entity is a node read back from the store, with all its attributes.
type Entity struct {
	ID    ID
	Kind  Kind
	Props map[Predicate][]any
}

// String returns the first string value of p, or "".
func (e *Entity) String(p Predicate) string {
	for _, v := range e.Props[p] {
		switch v := v.(type) {
		case string:
			return v
		case ID:
			return string(v)
		}
	}
	return ""
}

// Strings returns the string values of p, sorted.
func (e *Entity) Strings(p Predicate) []string {
	var out []string
	for _, v := range e.Props[p] {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// Float returns the first numeric value of p.
func (e *Entity) Float(p Predicate) (float64, bool) {
	for _, v := range e.Props[p] {
		switch v := v.(type) {
		case float64:
			return v, true
		case int64:
			return float64(v), true
		case int:
			return float64(v), true
		case string:
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				return f, true
			}
		}
	}
	return 0, false
}

// Link returns the first link of p, or "".
func (e *Entity) Link(p Predicate) ID {
	for _, v := range e.Props[p] {
		if id, ok := v.(ID); ok {
			return id
		}
	}
	return ""
}

// Links returns the links of p, sorted.
func (e *Entity) Links(p Predicate) []ID {
	var out []ID
	for _, v := range e.Props[p] {
		if id, ok := v.(ID); ok {
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
