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
	"github.com/opgraph/opgraph/loaders"
)

func openBolt(t *testing.T, dir string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Config{Backend: "bbolt", Addr: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLoadTwiceLeavesCountsUnchanged(t *testing.T) {
	ctx := context.Background()
	store := openBolt(t, t.TempDir())
	defer store.Close()
	x, err := loaders.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	first := loadPaths(ctx, store, x, []string{"../../seeds"}, &out, &errOut)
	if first.loaded < 6 || first.failed != 0 {
		t.Fatalf("first load: %v (%s)", first, errOut.String())
	}
	before, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	second := loadPaths(ctx, store, x, []string{"../../seeds"}, &out, &errOut)
	if second.loaded != 0 || second.unchanged != first.loaded || second.failed != 0 {
		t.Errorf("second load: %v, want everything unchanged", second)
	}
	after, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("counts changed: before %+v after %+v", before, after)
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
