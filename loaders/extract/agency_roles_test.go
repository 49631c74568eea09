package extract

import (
	"testing"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/source"
)

func TestAgencyRoles(t *testing.T) {
	body := `Operation Tidewater was led by the National Crime Agency, with support from Europol.
Operation Tidewater was enabled by the Federal Bureau of Investigation.
Border Force officers arrested four people in Operation Tidewater.
According to the Metropolitan Police, Operation Tidewater ran for a year.`
	doc, err := source.ParseText("roles.txt", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	ex := newExtractor(t).Extract(doc)
	if len(ex.Operations) != 1 {
		t.Fatalf("%d operations, want 1: %+v", len(ex.Operations), ex.Operations)
	}
	op := ex.Operations[0]
	want := map[string]string{
		"National Crime Agency":           graph.RoleLed,
		"Europol":                         graph.RoleSupported,
		"Federal Bureau of Investigation": graph.RoleSupported,
		"Border Force":                    graph.RoleTookPart,
		"Metropolitan Police":             graph.RoleAnnounced,
	}
	got := map[string]string{}
	for _, ar := range op.Roles {
		got[ar.Agency] = ar.Role
		if len(ar.Evidence) == 0 {
			t.Errorf("role %s of %s has no evidence", ar.Role, ar.Agency)
		}
	}
	for a, role := range want {
		if got[a] != role {
			t.Errorf("%s: role %q, want %q (all: %v)", a, got[a], role, got)
		}
	}
	// The graph links actors as the operation's agencies, the rest as helpers.
	af := Facts(doc, ex)
	rels := map[string]string{}
	for _, n := range af.Nodes {
		if n.Kind != graph.KindRelation {
			continue
		}
		var rel string
		var to graph.ID
		for _, p := range n.Props {
			switch p.Pred {
			case graph.PredRel:
				rel = p.Value.(string)
			case graph.PredTo:
				to = p.Value.(graph.ID)
			}
		}
		rels[string(to)] = rel
	}
	for a, role := range want {
		wantRel := graph.RelOperationHelper
		if Actor(role) {
			wantRel = graph.RelOperationAgency
		}
		if got := rels[string(graph.EntityID(graph.KindAgency, a))]; got != wantRel {
			t.Errorf("%s (%s): relation %q, want %q", a, role, got, wantRel)
		}
	}
}

// TestHelpersInTheNextSentence checks that agencies helping in a sentence
// that names no operation helped the one named just before, and that a
// funder there did not.
func TestHelpersInTheNextSentence(t *testing.T) {
	body := `Loamshire Police seized 40 kg of cocaine in an investigation dubbed Project Quill.
The seizure was made with assistance from the Canada Border Services Agency and Europol, and funded by the Home Office.`
	doc, err := source.ParseText("helpers.txt", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	ex := newExtractor(t).Extract(doc)
	if len(ex.Operations) != 1 {
		t.Fatalf("%d operations, want 1: %+v", len(ex.Operations), ex.Operations)
	}
	op := ex.Operations[0]
	got := map[string]string{}
	for _, ar := range op.Roles {
		got[ar.Agency] = ar.Role
	}
	for _, a := range []string{"Canada Border Services Agency", "Europol"} {
		if got[a] != graph.RoleSupported || !contains(op.Agencies, a) {
			t.Errorf("%s: role %q, in agencies %v; want supported, and listed (roles %v)", a, got[a], contains(op.Agencies, a), got)
		}
	}
	for _, a := range op.Agencies {
		if a == "Home Office" {
			t.Errorf("the funder is one of the operation's agencies: %v", op.Agencies)
		}
	}
}

// TestOrganizerLeads checks that the body an operation was organised by led
// it, though it is not the actor of the figures its partners made.
func TestOrganizerLeads(t *testing.T) {
	body := `Operation Saltmarsh, organised by the World Customs Organization, ran for ten days.
Customs officers seized 411 kg of cocaine in Operation Saltmarsh.`
	doc, err := source.ParseText("organiser.txt", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	ex := newExtractor(t).Extract(doc)
	if len(ex.Operations) != 1 {
		t.Fatalf("%d operations, want 1", len(ex.Operations))
	}
	var role string
	for _, ar := range ex.Operations[0].Roles {
		if ar.Agency == "World Customs Organization" {
			role = ar.Role
		}
	}
	if role != graph.RoleLed {
		t.Errorf("the organiser's role is %q, want led (roles %+v)", role, ex.Operations[0].Roles)
	}
	for _, s := range ex.Seizures {
		if deref(s.Agency) == "World Customs Organization" {
			t.Errorf("the organiser is the actor of %+v", s)
		}
	}
}
