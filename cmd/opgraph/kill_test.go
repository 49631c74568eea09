package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/source"
)

// TestKill9 starts real `opgraph load` processes on generated articles,
// kills each with SIGKILL at a random moment, and reopens the Bolt store.
// graph.Store.WriteArticle writes an article node, all its evidence and the
// nodes they support in one ApplyDeltas, which Bolt commits as one
// transaction; so after any kill every article present must have exactly
// the evidence its text gives, each evidence node all its attributes, and
// every node they support must be there.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the kill -9 test in -short mode")
	}
	const runs, articles = 20, 300
	bin := filepath.Join(t.TempDir(), "opgraph")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	want := map[graph.ID]int{} // article -> its evidence count
	for i := range articles {
		text := fmt.Sprintf("---\ntitle: Raids %d\nurl: https://news.example/raids/%d\n---\n"+
			"The National Crime Agency said %d people were arrested in Operation Kestrel%d.\n\n"+
			"Officers seized %dkg of cocaine and £%d,000 in cash in Liverpool, the agency said.\n\n"+
			"Europol said the investigation into the EncroChat platform continues across %d countries.\n",
			i, i, 3+i%40, i, 5+i%90, 10+i, 2+i%9)
		path := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		doc, err := source.ParseText(path, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		af := x.Facts(doc)
		evs := map[graph.ID]bool{}
		for _, n := range af.Nodes {
			for _, e := range n.Evidence {
				evs[graph.EvidenceID(af.Article.ID, n.ID, e.Start, e.End)] = true
			}
		}
		want[af.Article.ID] = len(evs)
	}

	ctx := context.Background()
	start := time.Now()
	var killedMidway int
	for run := range runs {
		db := t.TempDir()
		cmd := exec.Command(bin, "load", "--db", db, dir)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill right after the Nth article is reported written: an event,
		// not a guess at how long loading takes on a busy machine.
		n := 1 + rand.IntN(articles/2)
		lines := bufio.NewScanner(stdout)
		for seen := 0; seen < n && lines.Scan(); {
			if strings.HasPrefix(lines.Text(), "loaded ") {
				seen++
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		go io.Copy(io.Discard, stdout)
		cmd.Wait()

		store, err := graph.Open(ctx, graph.Config{Backend: "bbolt", Addr: db})
		if err != nil {
			t.Fatalf("run %d: the store does not open after kill -9: %v", run, err)
		}
		present := checkWhole(t, run, store, want)
		store.Close()
		if present > 0 && present < articles {
			killedMidway++
		}
		t.Logf("run %d: %d of %d articles present, all whole", run, present, articles)
	}
	t.Logf("%d runs in %v, %d killed mid-load", runs, time.Since(start).Round(time.Millisecond), killedMidway)
	if killedMidway == 0 {
		t.Errorf("no run was killed mid-load: the test proved nothing (is loading too fast or too slow?)")
	}
}

// checkWhole checks no article in store is half-written and returns how
// many articles it holds.
func checkWhole(t *testing.T, run int, store *graph.Store, want map[graph.ID]int) int {
	t.Helper()
	ctx := context.Background()
	arts, err := store.List(ctx, graph.KindArticle)
	if err != nil {
		t.Fatalf("run %d: %v", run, err)
	}
	evOf, err := store.Referrers(ctx, graph.PredArticle, arts...)
	if err != nil {
		t.Fatalf("run %d: %v", run, err)
	}
	for _, a := range arts {
		evs := evOf[a]
		if len(evs) != want[a] {
			t.Errorf("run %d: article %s has %d pieces of evidence, want %d: half-written", run, a, len(evs), want[a])
			continue
		}
		got, err := store.Get(ctx, evs...)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		var supported []graph.ID
		for _, id := range evs {
			e := got[id]
			if e == nil || e.Kind != graph.KindEvidence {
				t.Errorf("run %d: evidence %s of %s missing or without its kind", run, id, a)
				continue
			}
			for _, p := range []graph.Predicate{graph.PredSupports, graph.PredArticle, graph.PredSentence, graph.PredStart, graph.PredEnd, graph.PredConfidence} {
				if len(e.Props[p]) == 0 {
					t.Errorf("run %d: evidence %s of %s lacks %s", run, id, a, p)
				}
			}
			supported = append(supported, e.Link(graph.PredSupports))
		}
		nodes, err := store.Get(ctx, supported...)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		for _, id := range supported {
			if n := nodes[id]; n == nil || n.Kind == "" || strings.HasPrefix(string(n.Kind), "Evidence") {
				t.Errorf("run %d: node %s that %s supports is missing", run, id, a)
			}
		}
	}
	return len(arts)
}
