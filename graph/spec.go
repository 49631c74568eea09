package graph

import (
	"fmt"
	"strings"
	"sync"
)

// KindSpec describes one kind of node once: its fields and links, what
// curators may correct, how it exports to FollowTheMoney and what it adds
// to the aggregates. The GraphQL types, filters, aggregates, mutations and
// exports read it; a new kind is a spec (kinds.go) and its extraction rules.
type KindSpec struct {
	Kind Kind
	Doc  string // the GraphQL type's description
	// List names the top-level list of the kind ("arrests"), and the field
	// that lists, on a node, the nodes of this kind that link to it
	// (an agency's arrests); "" for neither.
	List string
	// Fact marks a fact that curators retract with retractFact; the other
	// kinds are entities (retractEntity).
	Fact     bool
	Fields   []Field
	Links    []Link
	Measures []Measure
	// FtM maps a node to a FollowTheMoney entity: its schema and
	// properties, before the Links' and the evidence's. Nil: none of its own.
	FtM func(e *Entity) (schema string, props map[string][]string)
}

// FieldType is the type of a field's values.
type FieldType int

const (
	Text   FieldType = iota // one string
	Texts                   // several strings (aliases)
	Number                  // a number
	Date                    // a date phrase as the text wrote it ("8 June 2021")
	// EventDate is when a figure's event happened, as ISO dates
	// (PredEventDate); the API adds how precise it is and where it comes
	// from (the text, or the article's publication date standing in).
	EventDate
)

// Field is an attribute of a kind.
type Field struct {
	Name string // in the API and in changes' records: "count"
	Pred Predicate
	Type FieldType
	Doc  string // the GraphQL field's description; "" for none
	// Correctable lets curators set it (correctFact). A Number takes
	// values from 0 to Max, whole numbers only when Whole.
	Correctable bool
	Max         float64
	Whole       bool
}

// Link is a link from a kind to a node of kind To.
type Link struct {
	Name        string // in the API: "agency"
	Pred        Predicate
	To          Kind
	Correctable bool
	// In FollowTheMoney the linked node's entity fills the property FtMProp
	// ("organizer"), or, with FtMRole, an UnknownLink with that role.
	FtMProp, FtMRole string
	// All names a list of every node linked ("agencies": a haul two
	// agencies claim is one fact under both), described by AllDoc; "" for
	// none.
	All, AllDoc string
}

// Measure is what the facts of a kind add up to in the aggregate query.
type Measure struct {
	Name string // the GraphQL enum value: "ARREST_COUNT"
	Doc  string // "sums arrest figures"
	// Value is what one fact adds; ok false leaves the fact out. Nil
	// counts each fact once.
	Value func(e *Entity) (v float64, ok bool)
	// Reads are the predicates Value reads: the aggregate table's pass
	// over the store keeps them.
	Reads []Predicate
	// PerCurrency sums money: buckets are split by the fact's currency.
	PerCurrency bool
}

// IRIPrefix starts the IRI of every node of kind k: "opg:arrest/".
func (k Kind) IRIPrefix() string { return idPrefix + strings.ToLower(string(k)) + "/" }

// Correctable lists, in order, the fields and links curators may set.
func (s *KindSpec) Correctable() []string {
	var out []string
	for _, f := range s.Fields {
		if f.Correctable {
			out = append(out, f.Name)
		}
	}
	for _, l := range s.Links {
		if l.Correctable {
			out = append(out, l.Name)
		}
	}
	return out
}

// Field returns the field or link named name.
func (s *KindSpec) Field(name string) (f Field, l Link, ok bool) {
	for _, f := range s.Fields {
		if f.Name == name {
			return f, Link{}, true
		}
	}
	for _, l := range s.Links {
		if l.Name == name {
			return Field{}, l, true
		}
	}
	return Field{}, Link{}, false
}

// LinksTo reports whether the kind has a link to kind k.
func (s *KindSpec) LinksTo(k Kind) bool {
	for _, l := range s.Links {
		if l.To == k {
			return true
		}
	}
	return false
}

var specs struct {
	sync.RWMutex
	byKind map[Kind]*KindSpec
	order  []*KindSpec
}

// Spec returns the description of kind k, or nil for a kind without one
// (Article, Evidence: the sources of facts, not facts).
func Spec(k Kind) *KindSpec {
	specs.RLock()
	defer specs.RUnlock()
	return specs.byKind[k]
}

// Specs returns every kind's description, in the order they were registered.
func Specs() []*KindSpec {
	specs.RLock()
	defer specs.RUnlock()
	return append([]*KindSpec(nil), specs.order...)
}

// RegisterKind adds a kind: the built-in ones (kinds.go) at start-up, a
// test's own kind from its package's init. Call it only from init: the
// kind joins FactKinds, which readers range over without a lock.
// Registering a kind twice, or a spec without a kind, is an error.
func RegisterKind(s KindSpec) error {
	specs.Lock()
	defer specs.Unlock()
	if s.Kind == "" || strings.ContainsAny(string(s.Kind), "/ ") {
		return fmt.Errorf("%w: kind %q", ErrInvalid, s.Kind)
	}
	if specs.byKind[s.Kind] != nil {
		return fmt.Errorf("%w: kind %s registered twice", ErrInvalid, s.Kind)
	}
	if specs.byKind == nil {
		specs.byKind = map[Kind]*KindSpec{}
	}
	specs.byKind[s.Kind] = &s
	specs.order = append(specs.order, &s)
	FactKinds = append(FactKinds, s.Kind)
	return nil
}
