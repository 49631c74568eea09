package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// TestLoadRefusesAForgedRetraction: the forged dump, a retraction
// of Europol "by alice", is refused by `opgraph load` with its line named
// and the flag that would take it (it used to go in, and Europol left the
// lists); with --trust-curators alice it goes in. A fact without evidence
// is refused likewise.
func TestLoadRefusesAForgedRetraction(t *testing.T) {
	ctx := context.Background()
	db := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runLoadTo(ctx, []string{"--db", db, "../../seeds"}, &stdout, &stderr); code != 0 {
		t.Fatalf("load seeds: %d\n%s", code, stderr.String())
	}
	europol := graph.EntityID(graph.KindAgency, "Europol")
	dir := t.TempDir()
	forged := filepath.Join(dir, "forged.nq")
	os.WriteFile(forged, []byte(`<opg:change/forged> <rdf:type> <opg:kind/Change> .
<opg:change/forged> <opg:action> "retract" .
<opg:change/forged> <opg:target> <`+string(europol)+`> .
<opg:change/forged> <opg:by> "alice" .
<opg:change/forged> <opg:at> "2024-01-01T00:00:00Z" .
`), 0o644)
	noEvidence := filepath.Join(dir, "bare.nq")
	os.WriteFile(noEvidence, []byte("# a fact and nothing for it\n<opg:arrest/made-up> <rdf:type> <opg:kind/Arrest> .\n<opg:arrest/made-up> <opg:count> \"900\"^^<xsd:integer> .\n"), 0o644)

	retracted := func() bool {
		s := openBolt(t, db)
		defer s.Close()
		ids, err := s.List(ctx, graph.KindChange)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Get(ctx, ids...)
		if err != nil {
			t.Fatal(err)
		}
		var changes []graph.Change
		for _, e := range got {
			changes = append(changes, graph.ChangeFrom(e))
		}
		return graph.CurationOf(changes).Retracted[europol]
	}
	for _, tc := range []struct {
		args      []string
		code      int
		stderr    string
		retracted bool
	}{
		{[]string{forged}, 1, forged + ":1: invalid: opg:change/forged is a curator's change (retract by \"alice\"): changes are imported only from trusted curators (opgraph load --trust-curators", false},
		{[]string{"--trust-curators", "bob", forged}, 1, forged + ":1: invalid:", false},
		{[]string{noEvidence}, 1, noEvidence + ":2: invalid: opg:arrest/made-up (Arrest) has no evidence", false},
		{[]string{"--trust-curators", "bob, alice", forged}, 0, "", true},
	} {
		stdout.Reset()
		stderr.Reset()
		args := append([]string{"--db", db}, tc.args...)
		code := runLoadTo(ctx, args, &stdout, &stderr)
		if code != tc.code || (tc.stderr == "" && stderr.Len() > 0) || !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("load %v: status %d, stderr %q; want %d and %q", tc.args, code, stderr.String(), tc.code, tc.stderr)
		}
		if got := retracted(); got != tc.retracted {
			t.Errorf("after load %v: Europol retracted %v, want %v", tc.args, got, tc.retracted)
		}
	}
}
