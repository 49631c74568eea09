package graph_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// TestMappedBudget reads the same Bolt store with budgets of none, one
// byte and a terabyte, and checks how much of the store's file stays
// mapped into the process: all it read under no budget or a large one,
// little under a tiny one. It checks after every quad read: checks
// every 1,024 quads leave as much of a small store mapped as any budget.
func TestMappedBudget(t *testing.T) {
	defer graph.SetCheckEvery(1)()
	dir := t.TempDir()
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Config{Backend: "bbolt", Addr: dir})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		if _, _, err := s.WriteArticle(ctx, benchArticle(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	resident := func(budget int64) int64 {
		s, err := graph.Open(ctx, graph.Config{Backend: "bbolt", Addr: dir, MappedBudget: budget})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		scan := graph.ForScan(ctx)
		for _, k := range graph.FactKinds {
			ids, err := s.List(scan, k)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Get(scan, ids...); err != nil {
				t.Fatal(err)
			}
		}
		return mappedKB(t, filepath.Join(dir, "indexes.bolt"))
	}
	none, tiny, large := resident(-1), resident(1), resident(1<<40)
	t.Logf("resident KB of the store's file after the read: no budget %d, 1 byte %d, 1 TB %d", none, tiny, large)
	if none < 512 {
		t.Fatalf("reading the store mapped only %d KB of it: too little to tell budgets apart", none)
	}
	if tiny > none/2 {
		t.Errorf("a 1-byte budget left %d KB mapped, no budget %d KB: want under half", tiny, none)
	}
	if large < none*3/4 {
		t.Errorf("a 1 TB budget left %d KB mapped, no budget %d KB: pages were dropped under budget", large, none)
	}
}

// mappedKB is the resident size of the process's mapping of path, from
// /proc/self/smaps.
func mappedKB(t *testing.T, path string) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) >= 6 && strings.Contains(fields[0], "-") {
			in = fields[len(fields)-1] == path
			continue
		}
		if in && len(fields) == 3 && fields[0] == "Rss:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb
		}
	}
	t.Fatalf("no mapping of %s in /proc/self/smaps", path)
	return 0
}
