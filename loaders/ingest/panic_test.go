package ingest

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/source"
)

// crashLine makes Cayley's N-Quads parser panic (strconv out of range in
// nquads.unEscape).
const crashLine = "<opg:a> <opg:b> \"x\\U80000000\" .\n"

func crashFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "crash.nq"), []byte(crashLine), 0o644); err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("../../seeds/" + firstSeed(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.md"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func firstSeed(t *testing.T) string {
	t.Helper()
	ents, err := os.ReadDir("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if source.FormatOfName(e.Name()) == source.FormatText {
			return e.Name()
		}
	}
	t.Fatal("no text article in seeds/")
	return ""
}

// TestPanickingDumpFailsItsFile: a dump the parser panics on fails with
// its file and line named; the article beside it still loads.
func TestPanickingDumpFailsItsFile(t *testing.T) {
	dir := crashFolder(t)
	store := openBolt(t, t.TempDir())
	defer store.Close()
	x := newExtractor(t)
	var out, errOut bytes.Buffer
	sum := Paths(context.Background(), store, x, []string{dir}, &out, &errOut)
	want := filepath.Join(dir, "crash.nq") + ":1:"
	if sum.Failed != 1 || sum.Loaded != 1 || !strings.Contains(errOut.String(), want) {
		t.Errorf("load of a folder with crash.nq: %v, errors %q; want 1 loaded, 1 failed naming %s", sum, errOut.String(), want)
	}
}

// TestWatchedPanickingDump: a watched folder holding such a dump loads
// the rest and keeps the process alive.
func TestWatchedPanickingDump(t *testing.T) {
	dir := crashFolder(t)
	store := openBolt(t, t.TempDir())
	defer store.Close()
	x := newExtractor(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logged bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logged, nil))
	done := make(chan struct{})
	go func() {
		defer close(done)
		WatchAndLoad(ctx, log, store, x, &source.Sources{}, dir, func(Summary) { cancel() }) // the folder loaded: stop
	}()
	<-done
	if !strings.Contains(logged.String(), "crash.nq:1") {
		t.Errorf("watch log does not name crash.nq:1:\n%s", logged.String())
	}
	if empty, err := store.Empty(context.Background()); err != nil || empty {
		t.Errorf("store empty after the watch: %v, %v", empty, err)
	}
}

// TestCheckNQuadsRecovers names the line the parser panics on.
func TestCheckNQuadsRecovers(t *testing.T) {
	err := graph.CheckNQuads(context.Background(), "d.nq", io.MultiReader(strings.NewReader("<opg:a> <opg:b> <opg:c> .\n"), strings.NewReader(crashLine)))
	if err == nil || !strings.HasPrefix(err.Error(), "d.nq:2: ") {
		t.Errorf("CheckNQuads: %v, want an error at d.nq:2", err)
	}
}
