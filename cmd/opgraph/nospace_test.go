package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/internal/corpusgen"
	"github.com/opgraph/opgraph/internal/smallfs"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/schema"
)

// The full-disk tests put a Bolt store on a real tmpfs too small for what
// is written to it (internal/smallfs: a mount namespace of the test's own),
// so the kernel answers ENOSPC exactly as on a full disk. Not RLIMIT_FSIZE,
// whose EFBIG (and SIGXFSZ) is another error from another cause; not a
// store wrapper returning ENOSPC, which would test only the wrapper's idea
// of where the error comes from. Where the namespaces are refused the
// tests skip, saying so.

// TestLoadStopsOnAFullDisk: the load stops at the first write the disk
// refuses, with one message (it printed one error per remaining article),
// and what it stored before is there.
func TestLoadStopsOnAFullDisk(t *testing.T) {
	dir, ok := smallfs.Dir(t, 32<<20)
	if !ok {
		return
	}
	corpus := t.TempDir()
	if _, err := corpusgen.Generate(corpusgen.Config{Articles: 500, Seed: 19, Out: corpus}); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "data")
	var stdout, stderr bytes.Buffer
	code := runLoadTo(context.Background(), []string{"--db", db, "--workers", "2", filepath.Join(corpus, "articles")}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit status %d on a full disk, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "the store is out of disk space: the load stopped") ||
		!strings.Contains(lines[0], "no space left on device") {
		t.Fatalf("stderr: %d lines, want one saying the store is out of disk space:\n%s", len(lines), firstLines(stderr.String(), 5))
	}
	loaded := strings.Count(stdout.String(), "\nloaded ") + boolInt(strings.HasPrefix(stdout.String(), "loaded "))
	loaded-- // the summary line
	if loaded == 0 || loaded >= 500 {
		t.Fatalf("%d articles reported loaded, want some but not all 500 (the disk must fill during the load):\n%s", loaded, firstLines(stdout.String(), 5))
	}
	store, err := graph.Open(context.Background(), graph.Config{Backend: "bbolt", Addr: db})
	if err != nil {
		t.Fatalf("reopen the store on the full disk: %v", err)
	}
	defer store.Close()
	articles, err := store.List(context.Background(), graph.KindArticle)
	if err != nil || len(articles) != loaded {
		t.Errorf("store holds %d articles (%v); the load reported %d loaded", len(articles), err, loaded)
	}
	t.Logf("%d of 500 articles loaded before the disk filled; stderr: %s", loaded, lines[0])
}

// TestServerSaysTheStoreIsFull: an ingestArticle mutation on a full disk is
// answered "the store is out of disk space", not "internal error".
func TestServerSaysTheStoreIsFull(t *testing.T) {
	dir, ok := smallfs.Dir(t, 2<<20)
	if !ok {
		return
	}
	corpus := t.TempDir()
	if _, err := corpusgen.Generate(corpusgen.Config{Articles: 200, Seed: 7, Out: corpus}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{Backend: "bbolt", Addr: filepath.Join(dir, "data")})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer // the server's background saves log while the test reads
	cfg, err := apiFlags{tokens: []string{"alice:s3cret"}}.serverConfig(store, x, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Pages = nil
	handler, err := schema.NewServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(handler)
	defer srv.Close()
	files, _ := filepath.Glob(filepath.Join(corpus, "articles", "*"))
	for i, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := json.Marshal(map[string]any{
			"query":     `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`,
			"variables": map[string]any{"in": map[string]any{"url": fmt.Sprintf("https://news.example/full/%d", i), "text": string(text)}},
		})
		req, _ := http.NewRequest("POST", srv.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer s3cret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var res struct{ Errors []struct{ Message string } }
		err = json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		if len(res.Errors) == 0 {
			continue
		}
		if i == 0 {
			t.Fatalf("the first article already failed: %q", res.Errors[0].Message)
		}
		if msg := res.Errors[0].Message; !strings.Contains(msg, "out of disk space") || strings.Contains(msg, dir) {
			t.Fatalf("article %d on a full disk answered %q; want that the store is out of disk space, without the server's paths", i, msg)
		}
		if !strings.Contains(logs.String(), "no space left on device") {
			t.Errorf("the log lacks the backend's error:\n%s", logs.String())
		}
		t.Logf("article %d: %q", i, res.Errors[0].Message)
		return
	}
	t.Fatalf("%d articles ingested on a 2 MB filesystem without an error", len(files))
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
