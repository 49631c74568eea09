package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/opgraph/opgraph/internal/syncbuf"
)

const sharedDev = "../../../shared/corpus/dev"

// TestExportImport exports the seeds' graph in each format, and loads the
// N-Quads dump into an empty store: the two graphs count the same.
func TestExportImport(t *testing.T) {
	ctx := context.Background()
	db := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runLoadTo(ctx, []string{"--db", db, "../../seeds"}, &stdout, &stderr); code != 0 {
		t.Fatalf("load seeds: %d\n%s", code, stderr.String())
	}
	out := t.TempDir()
	for _, tc := range []struct{ format, out, want string }{
		{"nquads", filepath.Join(out, "graph.nq"), "<opg:agency/"},
		{"jsonld", filepath.Join(out, "graph.jsonld"), `"@graph"`},
		{"ftm", filepath.Join(out, "graph.ftm.json"), `"schema":"Organization"`},
		{"csv", filepath.Join(out, "csv"), ""},
	} {
		t.Run(tc.format, func(t *testing.T) {
			stderr.Reset()
			if code := runExportTo(ctx, []string{"--db", db, "--format", tc.format, "--out", tc.out}, &stdout, &stderr); code != 0 {
				t.Fatalf("export: %d\n%s", code, stderr.String())
			}
			if tc.format == "csv" {
				data, err := os.ReadFile(filepath.Join(tc.out, "agency.csv"))
				if err != nil || !strings.HasPrefix(string(data), "id,name,") {
					t.Errorf("agency.csv: %v\n%.200s", err, data)
				}
				return
			}
			data, err := os.ReadFile(tc.out)
			if err != nil || !strings.Contains(string(data), tc.want) {
				t.Errorf("%s: %v; want it to hold %q:\n%.300s", tc.out, err, tc.want, data)
			}
		})
	}

	copyDB := t.TempDir()
	stdout.Reset()
	if code := runLoadTo(ctx, []string{"--db", copyDB, filepath.Join(out, "graph.nq")}, &stdout, &stderr); code != 0 {
		t.Fatalf("load graph.nq: %d\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "imported ") || !strings.Contains(stdout.String(), "loaded 1, unchanged 0, failed 0") {
		t.Errorf("import output:\n%s", stdout.String())
	}
	a, b := openBolt(t, db), openBolt(t, copyDB)
	defer a.Close()
	defer b.Close()
	sa, err := a.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := b.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sa, sb) {
		t.Errorf("imported graph differs: %+v, want %+v", sb, sa)
	}
}

// syncBuffer is a bytes.Buffer safe to write from the loader while the test reads.
type syncBuffer = syncbuf.Buffer

// TestLoadWatch: `load --watch DIR` loads what is there, then a file
// written later, then a changed version of it, and stops on cancel.
func TestLoadWatch(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "later")
	os.WriteFile(filepath.Join(dir, "first.txt"), []byte("The National Crime Agency said 3 people were arrested.\n"), 0o644)
	db := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int)
	go func() { done <- runLoadTo(ctx, []string{"--db", db, "--watch", dir}, &stdout, &stderr) }()
	waitFor := func(what string, times ...int) {
		t.Helper()
		n := 1
		if len(times) > 0 {
			n = times[0]
		}
		deadline := time.Now().Add(10 * time.Second)
		for strings.Count(stdout.String(), what) < n {
			if time.Now().After(deadline) {
				t.Fatalf("no %q after 10s; stdout:\n%s\nstderr:\n%s", what, stdout.String(), stderr.String())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitFor("watching ")
	os.MkdirAll(sub, 0o755)
	later := filepath.Join(sub, "later.txt")
	os.WriteFile(later, []byte("---\nurl: https://news.example/later\n---\nEuropol said 40 suspects were arrested.\n"), 0o644)
	waitFor("loaded " + later)
	os.WriteFile(later, []byte("---\nurl: https://news.example/later\n---\nEuropol said 41 suspects were arrested.\n"), 0o644)
	waitFor("loaded "+later, 2) // the changed version replaces the first
	time.Sleep(100 * time.Millisecond)
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit status %d, want 0; stderr:\n%s", code, stderr.String())
	}
	store := openBolt(t, db)
	defer store.Close()
	if ids := articleIDs(t, store); len(ids) != 2 {
		t.Errorf("%d articles stored, want 2 (first and later)", len(ids))
	}
}
