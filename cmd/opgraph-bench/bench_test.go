package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchTiny runs the whole benchmark suite at 50 articles, to keep it
// working; its figures are printed, never checked.
func TestBenchTiny(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the benchmark suite in -short mode")
	}
	dir := t.TempDir()
	for _, b := range []struct{ out, pkg string }{{"opgraph", "../opgraph"}, {"opgraph-bench", "."}} {
		if out, err := exec.Command("go", "build", "-o", filepath.Join(dir, b.out), b.pkg).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", b.pkg, err, out)
		}
	}
	out, err := exec.Command(filepath.Join(dir, "opgraph-bench"), "--articles", "50", "--runs", "3", "--http", "200ms",
		"--concurrency", "2", "--seeds", "../../seeds", "--dir", t.TempDir()).CombinedOutput()
	if err != nil {
		t.Fatalf("opgraph-bench: %v\n%s", err, out)
	}
	for _, want := range []string{"| load | memstore |", "| load | bbolt |", "| graph | facts / evidences / quads |", "| N-Quads load | opgraph load x.nq (Bolt) |",
		"| query in-process | page of 50 operations |", "| query HTTP | node lookup |", "| restart | search index ready", "| start-up |"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("opgraph-bench --articles 50: no row %q in\n%s", want, out)
		}
	}
}

// TestHelpShowsNoSecret: with a database password in the environment,
// -h prints the help and not the password.
func TestHelpShowsNoSecret(t *testing.T) {
	t.Setenv("OPGRAPH_TEST_POSTGRES", "postgres://u:pg-sekrit@db.example/x")
	var stdout, stderr strings.Builder
	code := runBenchTo(context.Background(), []string{"-h"}, &stdout, &stderr)
	out := stdout.String() + stderr.String()
	if code != 0 || strings.Contains(out, "pg-sekrit") || !strings.Contains(out, "usage") {
		t.Errorf("opgraph-bench -h: exit %d, printed %q; want the usage and no password", code, out)
	}
}

// TestGen checks that `opgraph-bench gen` writes the corpus and its truth,
// and refuses a missing --out with its usage.
func TestGen(t *testing.T) {
	dir := t.TempDir()
	var out, errb strings.Builder
	if code := runGen([]string{"--articles", "3", "--seed", "2", "--out", dir}, &out, &errb); code != 0 {
		t.Fatalf("gen exited %d: %s", code, errb.String())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	if len(files) != 3 {
		t.Errorf("%d articles written, want 3", len(files))
	}
	if _, err := os.Stat(filepath.Join(dir, "truth.jsonl")); err != nil {
		t.Errorf("no ground truth: %v", err)
	}
	errb.Reset()
	if code := runGen(nil, &out, &errb); code != 2 || !strings.Contains(errb.String(), "usage: opgraph-bench gen") {
		t.Errorf("gen with no --out: exit %d, %q; want 2 and the usage", code, errb.String())
	}
}
