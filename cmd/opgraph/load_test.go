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

func openBolt(t *testing.T, dir string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Config{Backend: "bbolt", Addr: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
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
