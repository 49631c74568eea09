package main

import (
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
	bin := filepath.Join(t.TempDir(), "opgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "bench", "--articles", "50", "--runs", "3", "--http", "200ms",
		"--concurrency", "2", "--seeds", "../../seeds", "--dir", t.TempDir()).CombinedOutput()
	if err != nil {
		t.Fatalf("opgraph bench: %v\n%s", err, out)
	}
	for _, want := range []string{"| load | memstore |", "| load | bbolt |", "| graph | facts / evidences / quads |", "| N-Quads load | opgraph load x.nq (Bolt) |",
		"| query in-process | page of 50 operations |", "| query HTTP | node lookup |", "| start-up |"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("opgraph bench --articles 50: no row %q in\n%s", want, out)
		}
	}
}
