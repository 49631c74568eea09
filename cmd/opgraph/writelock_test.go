package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/graph/graphtest"
	"github.com/opgraph/opgraph/loaders/source"
)

// TestWritersOfOnePostgresGraphAreKeptApart: while a writer holds a
// PostgreSQL graph, `load`, `serve` and `migrate` into it each fail with a
// message naming the writer lock (they used to write beside it), and
// `export`, a reader, goes on.
func TestWritersOfOnePostgresGraphAreKeptApart(t *testing.T) {
	ctx := context.Background()
	addr := graphtest.Postgres(t)
	holder, err := graph.Open(ctx, graph.Config{Backend: "postgres", Addr: addr, Writer: true})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	article := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(article, []byte("---\ntitle: T\nurl: https://news.example/t\n---\nThe National Crime Agency said 12 people were arrested.\n"), 0o644)
	const lockMsg = "holds opgraph's writer lock, pg_advisory_lock("

	t.Run("load", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := runLoadTo(ctx, []string{"--backend", "postgres", "--db", addr, article}, &stdout, &stderr)
		if code != 1 || !strings.Contains(stderr.String(), lockMsg) {
			t.Errorf("load beside a writer: status %d, stderr %q; want 1 and a message naming the writer lock", code, stderr.String())
		}
	})
	// A serve that takes writes (a token), and one that would seed the
	// empty graph, need the lock. (A serve that got past it would run until
	// ctx ends: the deadline only bounds a failure.)
	for name, api := range map[string]apiFlags{"serve with a token": {tokens: []string{"alice:s3cret"}}, "serve seeding": {}} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			sf := storeFlags{backend: "postgres", db: addr, dbSet: true}
			err := serve(ctx, slog.New(slog.DiscardHandler), sf, api, "127.0.0.1:0", "../../seeds", "", &source.Sources{}, 0)
			if !errors.Is(err, graph.ErrInUse) || !strings.Contains(err.Error(), lockMsg) {
				t.Errorf("%s beside a writer: %v; want ErrInUse naming the writer lock", name, err)
			}
		})
	}
	t.Run("read-only serve", func(t *testing.T) {
		// No token, no --watch, a graph with something in it: it serves
		// beside the writer. Started is the event of its log line.
		af := graph.ArticleFacts{Article: graph.Article{ID: graph.ArticleID("https://news.example/ro", ""), URL: "https://news.example/ro"}}
		if _, err := holder.WriteArticles(ctx, []graph.ArticleFacts{af}); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		started := make(chan struct{})
		log := slog.New(slog.NewTextHandler(&signalOn{text: "serving GraphQL", c: started}, nil))
		done := make(chan error, 1)
		sf := storeFlags{backend: "postgres", db: addr, dbSet: true}
		go func() {
			done <- serve(ctx, log, sf, apiFlags{}, "127.0.0.1:0", "../../seeds", "", &source.Sources{}, 0)
		}()
		select {
		case <-started:
			cancel()
			if err := <-done; err != nil {
				t.Errorf("read-only serve, stopped: %v", err)
			}
		case err := <-done:
			t.Errorf("a read-only serve beside a writer: %v; want it to serve", err)
		}
	})
	t.Run("migrate", func(t *testing.T) {
		var stderr bytes.Buffer
		code := runMigrateTo(ctx, []string{"--from", "bolt:" + t.TempDir(), "--to", addr}, io.Discard, &stderr)
		if code != 1 || !strings.Contains(stderr.String(), lockMsg) {
			t.Errorf("migrate into a graph beside its writer: status %d, stderr %q; want 1 and a message naming the writer lock", code, stderr.String())
		}
	})
	t.Run("export", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := runExportTo(ctx, []string{"--backend", "postgres", "--db", addr}, &stdout, &stderr); code != 0 {
			t.Errorf("export (a reader) beside a writer: status %d, stderr %q", code, stderr.String())
		}
	})
}

// signalOn closes c the first time text is written to it.
type signalOn struct {
	text string
	c    chan struct{}
	once sync.Once
}

func (w *signalOn) Write(p []byte) (int, error) {
	if strings.Contains(string(p), w.text) {
		w.once.Do(func() { close(w.c) })
	}
	return len(p), nil
}
