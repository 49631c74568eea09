package graph_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
)

// TestImportNQuadsChecksFactsAndChanges: a dump is refused, naming its
// line and subject, where a fact has no evidence, evidence has no article
// or supports nothing, a kind is not opgraph's, or a curator's change is
// by a curator the import does not trust (the forged retraction
// "by alice" used to go straight in); nothing of a refused dump is
// written. A fact whose evidence the store already holds is taken.
func TestImportNQuadsChecksFactsAndChanges(t *testing.T) {
	ctx := context.Background()
	const (
		art      = `<opg:article/a1> <rdf:type> <opg:kind/Article> .` + "\n"
		arrest   = `<opg:arrest/x> <rdf:type> <opg:kind/Arrest> .` + "\n" + `<opg:arrest/x> <opg:count> "5"^^<xsd:integer> .` + "\n"
		evidence = `<opg:evidence/e1> <rdf:type> <opg:kind/Evidence> .` + "\n"
		supports = `<opg:evidence/e1> <opg:supports> <opg:arrest/x> .` + "\n"
		evArt    = `<opg:evidence/e1> <opg:article> <opg:article/a1> .` + "\n"
		retract  = `<opg:change/c1> <rdf:type> <opg:kind/Change> .` + "\n" + `<opg:change/c1> <opg:action> "retract" .` + "\n" +
			`<opg:change/c1> <opg:target> <opg:agency/europol> .` + "\n" + `<opg:change/c1> <opg:by> "alice" .` + "\n"
	)
	cases := []struct {
		name     string
		in       string
		curators []string
		want     string // the error's start; "" when the dump goes in
	}{
		{"a fact with its evidence", art + arrest + evidence + supports + evArt, nil, ""},
		{"a fact without evidence", art + arrest, nil, "in.nq:2: invalid: opg:arrest/x (Arrest) has no evidence"},
		{"evidence of another kind of node", art + arrest + `<opg:agency/y> <rdf:type> <opg:kind/Agency> .` + "\n" + `<opg:agency/y> <opg:supports> <opg:arrest/x> .` + "\n", nil,
			"in.nq:2: invalid: opg:arrest/x (Arrest) has no evidence"},
		{"evidence without its article", art + arrest + evidence + supports, nil, "in.nq:4: invalid: opg:evidence/e1 is evidence without its article"},
		{"evidence supporting nothing", art + evidence + evArt, nil, "in.nq:2: invalid: opg:evidence/e1 is evidence that supports nothing"},
		{"an unknown kind", `<opg:thing/t> <rdf:type> <opg:kind/Thing> .` + "\n", nil, "in.nq:1: invalid: opg:thing/t has a kind opgraph does not know: opg:kind/Thing"},
		{"a change, no curator trusted", art + arrest + evidence + supports + evArt + retract, nil, `in.nq:7: invalid: opg:change/c1 is a curator's change (retract by "alice")`},
		{"a change by a curator not trusted", retract, []string{"bob"}, `in.nq:1: invalid: opg:change/c1 is a curator's change (retract by "alice")`},
		{"a change without its type", `<opg:change/c2> <opg:by> "mallory" .` + "\n", []string{"alice"}, `in.nq:1: invalid: opg:change/c2 is a curator's change (a change by "mallory")`},
		{"a change without an author", `<opg:change/c3> <rdf:type> <opg:kind/Change> .` + "\n", []string{"*"}, "in.nq:1: invalid: opg:change/c3 is a curator's change without one author"},
		{"a change by a trusted curator", retract, []string{"bob", "alice"}, ""},
		{"a change, anyone trusted", retract, []string{"*"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := exportStore(t, graph.Config{Backend: "memstore"})
			n, err := s.ImportNQuads(ctx, "in.nq", strings.NewReader(tc.in), graph.ImportOptions{Curators: tc.curators})
			if tc.want == "" {
				if err != nil || n != strings.Count(tc.in, "\n") {
					t.Fatalf("ImportNQuads = %d, %v; want the %d quads", n, err, strings.Count(tc.in, "\n"))
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || !errors.Is(err, graph.ErrInvalid) || n != 0 {
				t.Fatalf("ImportNQuads = %d, %v; want an error starting %q", n, err, tc.want)
			}
			if strings.Contains(tc.name, "change") && !errors.Is(err, graph.ErrUntrusted) && !strings.Contains(tc.name, "author") {
				t.Errorf("error %v is not ErrUntrusted", err)
			}
			if empty, err := s.Empty(ctx); err != nil || !empty {
				t.Errorf("a refused dump left quads in the store (empty %v, %v)", empty, err)
			}
		})
	}

	t.Run("evidence in the store", func(t *testing.T) {
		s := exportStore(t, graph.Config{Backend: "memstore"})
		af := exportFacts()
		if _, _, err := s.WriteArticle(ctx, af); err != nil {
			t.Fatal(err)
		}
		var fact graph.ID
		for _, n := range af.Nodes {
			if n.Kind == graph.KindArrest {
				fact = n.ID
			}
		}
		in := "<" + string(fact) + `> <rdf:type> <opg:kind/Arrest> .` + "\n<" + string(fact) + `> <opg:alias> "the dozen" .` + "\n"
		if n, err := s.ImportNQuads(ctx, "in.nq", strings.NewReader(in), graph.ImportOptions{}); err != nil || n != 1 {
			t.Errorf("ImportNQuads of an attribute of a fact with evidence in the store = %d, %v; want 1 new quad", n, err)
		}
	})

	t.Run("a backup with its changes", func(t *testing.T) {
		src := exportStore(t, graph.Config{Backend: "memstore"})
		af := exportFacts()
		if _, _, err := src.WriteArticle(ctx, af); err != nil {
			t.Fatal(err)
		}
		if _, err := src.WriteChange(ctx, graph.Change{Action: graph.ActionRetract, Target: af.Nodes[0].ID, By: "alice", At: time.Unix(1e9, 0)}); err != nil {
			t.Fatal(err)
		}
		var dump bytes.Buffer
		if _, err := src.WriteNQuads(ctx, &dump); err != nil {
			t.Fatal(err)
		}
		dst := exportStore(t, graph.Config{Backend: "memstore"})
		if _, err := dst.ImportNQuads(ctx, "backup.nq", bytes.NewReader(dump.Bytes()), graph.ImportOptions{}); !errors.Is(err, graph.ErrUntrusted) {
			t.Errorf("a backup with a change, no curator trusted: %v; want ErrUntrusted", err)
		}
		if _, err := dst.ImportNQuads(ctx, "backup.nq", bytes.NewReader(dump.Bytes()), graph.ImportOptions{Curators: []string{"alice"}}); err != nil {
			t.Errorf("a backup with alice's change, alice trusted: %v", err)
		}
	})
}
