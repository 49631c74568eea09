package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/source"
)

// TestUnnamedOperation checks which articles get an operation with no
// name, and the role each agency has in it.
func TestUnnamedOperation(t *testing.T) {
	cases := []struct {
		name, body string
		roles      map[string]string // of the unnamed operation; nil: it has none
		agencies   []string          // its actors, in order
		targets    []string
		named      []string // the named operations
	}{{
		name: "supporter and two actors",
		body: `The Guardia Civil and the Policía Nacional have taken down Exclu, an encrypted messaging service.
The European Union Agency for Law Enforcement Cooperation (Europol) and the European Union Agency for Criminal Justice Cooperation (Eurojust) supported the investigation.
The Guardia Civil arrested 12 people in Madrid.`,
		roles:    map[string]string{"Guardia Civil": graph.RoleTookPart, "Policía Nacional": graph.RoleTookPart, "Europol": graph.RoleSupported, "Eurojust": graph.RoleSupported},
		agencies: []string{"Guardia Civil", "Policía Nacional"},
		targets:  []string{"Exclu"},
	}, {
		name: "led by a list, announced",
		body: `The investigation was led by the Federal Bureau of Investigation and the Drug Enforcement Administration.
The raids were announced by the Department of Justice.`,
		roles:    map[string]string{"Federal Bureau of Investigation": graph.RoleLed, "Drug Enforcement Administration": graph.RoleLed, "Department of Justice": graph.RoleAnnounced},
		agencies: []string{"Federal Bureau of Investigation", "Drug Enforcement Administration"},
	}, {
		name: "the figures' agency took part",
		body: `Europol supported a crackdown on cocaine trafficking in Spain.
The Guardia Civil seized 300 kg of cocaine.`,
		roles:    map[string]string{"Europol": graph.RoleSupported, "Guardia Civil": graph.RoleTookPart},
		agencies: []string{"Guardia Civil"},
	}, {
		name: "one agency's part is named, the joint action is not",
		body: `A joint investigation by the Guardia Civil and the Policía Nacional, with support from Europol, took down Exclu.
In Ireland, the Garda Síochána ran its response under the name Operation Lantern.
The Garda Síochána arrested nine people in Operation Lantern.`,
		roles:    map[string]string{"Guardia Civil": graph.RoleTookPart, "Policía Nacional": graph.RoleTookPart, "Europol": graph.RoleSupported},
		agencies: []string{"Guardia Civil", "Policía Nacional"},
		targets:  []string{"Exclu"},
		named:    []string{"Lantern"},
	}, {
		name: "the action told of is named after",
		body: `The Guardia Civil and the Policía Nacional carried out raids in Madrid.
The combined effort was called Operation Lantern.`,
		named: []string{"Lantern"},
	}, {
		name: "its agency runs the named operation",
		body: `Europol supported a crackdown on fake medicines.
Europol said Operation Lantern ran in 30 countries.`,
		named: []string{"Lantern"},
	}, {
		name: "no action told of",
		body: `The Guardia Civil arrested two men in Madrid.`,
	}, {
		name: "only an earlier action",
		body: `The Guardia Civil took part in a previous investigation into the group in 2019.`,
	}}
	x := newExtractor(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := source.ParseText("unnamed.txt", []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			ex := x.Extract(doc)
			var named []string
			for _, op := range ex.Operations {
				if op.Name != nil {
					named = append(named, *op.Name)
				}
			}
			if fmt.Sprint(named) != fmt.Sprint(tc.named) {
				t.Errorf("named operations %v, want %v", named, tc.named)
			}
			op := unnamedOperationOf(&ex)
			if tc.roles == nil {
				if op != nil {
					t.Fatalf("an unnamed operation %+v, want none", *op)
				}
				return
			}
			if op == nil {
				t.Fatalf("no unnamed operation, want one with roles %v (operations %+v)", tc.roles, ex.Operations)
			}
			got := map[string]string{}
			for _, ar := range op.Roles {
				got[ar.Agency] = ar.Role
				if len(ar.Evidence) == 0 {
					t.Errorf("%s (%s) has no evidence", ar.Agency, ar.Role)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.roles) {
				t.Errorf("roles %v, want %v", got, tc.roles)
			}
			if fmt.Sprint(op.Agencies) != fmt.Sprint(tc.agencies) {
				t.Errorf("agencies %v, want %v", op.Agencies, tc.agencies)
			}
			if fmt.Sprint(op.Targets) != fmt.Sprint(tc.targets) && len(tc.targets)+len(op.Targets) > 0 {
				t.Errorf("targets %v, want %v", op.Targets, tc.targets)
			}
			if len(op.Evidence) == 0 {
				t.Error("the unnamed operation has no evidence")
			}
			// The figures name no operation, as the annotations have them.
			for _, a := range ex.Arrests {
				if a.Operation != nil && !contains(tc.named, *a.Operation) {
					t.Errorf("arrest %v names operation %q", deref(a.Agency), *a.Operation)
				}
			}
		})
	}
}

// TestUnnamedOperationFacts checks how the graph holds an unnamed
// operation: the article's own IRI, labelled by its title, its agencies
// linked by role, and the figures that name no operation linked to it,
// but a past figure given for comparison.
func TestUnnamedOperationFacts(t *testing.T) {
	body := `---
title: Exclu taken down
url: https://example.org/exclu
published: 2023-02-06
---
The Guardia Civil and the Policía Nacional have taken down Exclu, an encrypted messaging service.
Europol supported the investigation.
The Guardia Civil arrested 12 people in Madrid.
The previous record was 40 arrests in 2019.
`
	doc, err := source.ParseText("exclu.txt", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	ex := newExtractor(t).Extract(doc)
	af := Facts(doc, ex)
	opID := graph.UnnamedOperationID(af.Article.ID)
	if !graph.Unnamed(opID) || !strings.HasPrefix(string(opID), graph.KindOperation.IRIPrefix()) {
		t.Fatalf("unnamed operation IRI %s", opID)
	}
	nodes := map[graph.ID]graph.Node{}
	for _, n := range af.Nodes {
		nodes[n.ID] = n
	}
	op, ok := nodes[opID]
	if !ok {
		t.Fatalf("no node %s among %d", opID, len(af.Nodes))
	}
	if name := prop(op, graph.PredName); name != "(unnamed: Exclu taken down)" {
		t.Errorf("its name is %q, want the article's title as its label", name)
	}
	rel := func(r string, to graph.ID) (graph.Node, bool) {
		n, ok := nodes[graph.RelationID(r, opID, to)]
		return n, ok
	}
	for _, w := range []struct {
		agency, rel, role string
	}{{"Guardia Civil", graph.RelOperationAgency, graph.RoleTookPart},
		{"Policía Nacional", graph.RelOperationAgency, graph.RoleTookPart},
		{"Europol", graph.RelOperationHelper, graph.RoleSupported}} {
		n, ok := rel(w.rel, graph.EntityID(graph.KindAgency, w.agency))
		if !ok {
			t.Errorf("no %s relation to %s", w.rel, w.agency)
			continue
		}
		if got := claim(n, graph.PredAgencyRole); got != w.role {
			t.Errorf("%s: role %q, want %q", w.agency, got, w.role)
		}
	}
	if _, ok := rel(graph.RelOperationTarget, graph.EntityID(graph.KindPlatform, "Exclu")); !ok {
		t.Error("the operation does not target Exclu")
	}
	linked := map[string]graph.ID{}
	for _, n := range af.Nodes {
		if n.Kind == graph.KindArrest {
			id, _ := propValue(n, graph.PredOperation).(graph.ID)
			linked[fmt.Sprint(propValue(n, graph.PredCount))] = id
		}
	}
	if linked["12"] != opID {
		t.Errorf("the 12 arrests are linked to %q, want %s", linked["12"], opID)
	}
	if id, ok := linked["40"]; !ok || id != "" {
		t.Errorf("the past record's operation is %q (found %v), want none", id, ok)
	}
}

// unnamedOperationOf is the article's unnamed operation, or nil.
func unnamedOperationOf(ex *Extraction) *Operation {
	for i := range ex.Operations {
		if ex.Operations[i].Name == nil {
			return &ex.Operations[i]
		}
	}
	return nil
}

func propValue(n graph.Node, p graph.Predicate) any {
	for _, pr := range n.Props {
		if pr.Pred == p {
			return pr.Value
		}
	}
	return nil
}

func prop(n graph.Node, p graph.Predicate) string {
	s, _ := propValue(n, p).(string)
	return s
}

// claim is the first evidence's claim p of n.
func claim(n graph.Node, p graph.Predicate) string {
	for _, e := range n.Evidence {
		for _, c := range e.Claims {
			if c.Pred == p {
				s, _ := c.Value.(string)
				return s
			}
		}
	}
	return ""
}

func TestListJoint(t *testing.T) {
	for gap, want := range map[string]bool{
		"":                    true,
		" (":                  true,
		") and the ":          true,
		" (PFIPC), the ":      true,
		", and ":              true,
		" and ":               true,
		", ":                  true,
		" led the raid, and ": false,
		" with ":              false,
		" (in 2020) with ":    false,
		" and (with) the ":    true,
	} {
		if got := listJoint(gap); got != want {
			t.Errorf("listJoint(%q) = %v, want %v", gap, got, want)
		}
	}
}
