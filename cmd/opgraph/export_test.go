package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
)

// TestExportAppliesCuration retracts an agency of the seeds and exports
// CSV twice: curated by default (the agency and the links to it gone),
// as written with --raw.
func TestExportAppliesCuration(t *testing.T) {
	ctx := context.Background()
	db := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runLoadTo(ctx, []string{"--db", db, "../../seeds"}, &stdout, &stderr); code != 0 {
		t.Fatalf("load seeds: %d\n%s", code, stderr.String())
	}
	met := graph.EntityID(graph.KindAgency, "Metropolitan Police")
	s := openBolt(t, db)
	if _, err := s.WriteChange(ctx, graph.Change{Action: graph.ActionRetract, Target: met, Reason: "test", By: "alice", At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, tc := range []struct {
		args    []string
		wantMet bool
	}{
		{nil, false},
		{[]string{"--raw"}, true},
	} {
		out := t.TempDir()
		args := append([]string{"--db", db, "--format", "csv", "--out", out}, tc.args...)
		if code := runExportTo(ctx, args, &stdout, &stderr); code != 0 {
			t.Fatalf("export %v: %d\n%s", args, code, stderr.String())
		}
		for _, file := range []string{"agency.csv", "arrest.csv"} {
			data, err := os.ReadFile(filepath.Join(out, file))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(data), string(met)); got != tc.wantMet {
				t.Errorf("export %v: %s names %s: %v, want %v", tc.args, file, met, got, tc.wantMet)
			}
		}
	}
}
