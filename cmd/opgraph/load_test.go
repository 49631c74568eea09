package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/extract"
)

func openBolt(t *testing.T, dir string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Config{Backend: "bbolt", Addr: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLoadTwiceLeavesCountsUnchanged: a second load of the same folder
// reports every article unchanged, stores nothing and leaves the graph's
// counts as they were.
func TestLoadTwiceLeavesCountsUnchanged(t *testing.T) {
	cases := []struct {
		name, dir string
		min       int // articles the first load must store
	}{
		{"seeds", "../../seeds", 6},
		{"dev corpus", sharedDev, 12},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.dir); err != nil {
				t.Skipf("skipping: no folder at %s", tc.dir)
			}
			ctx := context.Background()
			store := openBolt(t, t.TempDir())
			defer store.Close()
			x, err := extract.NewExtractor()
			if err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			first := loadPaths(ctx, store, x, []string{tc.dir}, &out, &errOut)
			if first.loaded < tc.min || first.failed != 0 {
				t.Fatalf("first load: %v, want at least %d loaded\n%s", first, tc.min, errOut.String())
			}
			before, err := store.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			out.Reset()
			second := loadPaths(ctx, store, x, []string{tc.dir}, &out, &errOut)
			if want := (loadSummary{unchanged: first.loaded}); second != want {
				t.Errorf("second load: %v, want %v", second, want)
			}
			if strings.Contains(out.String(), "loaded ") {
				t.Errorf("second load stored something:\n%s", out.String())
			}
			after, err := store.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(before, after) {
				t.Errorf("counts changed: before %+v after %+v", before, after)
			}
		})
	}
}

func TestLoadBadFilesReportsAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("---\ntitle: Test\nurl: https://example.org/t\n---\nThe National Crime Agency said 12 people were arrested.\n"), 0o644)
	unreadable := filepath.Join(dir, "locked.txt")
	os.WriteFile(unreadable, []byte("x"), 0o000)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	missing := filepath.Join(dir, "missing.txt")
	db := t.TempDir()

	var stdout, stderr bytes.Buffer
	code := runLoadTo(context.Background(), []string{"--db", db, missing, good, empty}, &stdout, &stderr)
	if code == 0 {
		t.Errorf("exit status 0 with a missing file")
	}
	for _, want := range []string{missing, empty} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr does not name %s:\n%s", want, stderr.String())
		}
	}
	if !strings.Contains(stdout.String(), "loaded 1, unchanged 0, failed 2") {
		t.Errorf("summary missing or wrong:\n%s", stdout.String())
	}
	if os.Geteuid() != 0 { // root reads mode-000 files
		stderr.Reset()
		runLoadTo(context.Background(), []string{"--db", db, unreadable}, &stdout, &stderr)
		if !strings.Contains(stderr.String(), unreadable) {
			t.Errorf("stderr does not name the unreadable file:\n%s", stderr.String())
		}
	}
	store := openBolt(t, db)
	defer store.Close()
	arrests, err := store.List(context.Background(), graph.KindArrest)
	if err != nil || len(arrests) != 1 {
		t.Errorf("arrests stored = %v, %v; want the good file's one", arrests, err)
	}
}
