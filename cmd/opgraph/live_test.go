package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/source"
	"github.com/opgraph/opgraph/schema"
)

// openStream subscribes to factsAdded with GET, as a browser's EventSource
// does, and returns the stream's lines as they come.
func openStream(t *testing.T, base string) <-chan string {
	t.Helper()
	q := url.Values{"query": {"subscription { factsAdded { articles { title } facts { __typename } } }"}}
	req, _ := http.NewRequest(http.MethodGet, base+"/graphql?"+q.Encode(), nil)
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(resp.Body)
		t.Fatalf("subscribe: HTTP %d %s", resp.StatusCode, body)
	}
	lines := make(chan string, 64)
	go func() {
		defer close(lines)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	return lines
}

// waitLine waits for a line containing want, failing if the stream ends first.
func waitLine(t *testing.T, lines <-chan string, want string) {
	t.Helper()
	for line := range lines {
		if strings.Contains(line, want) {
			return
		}
	}
	t.Fatalf("the stream ended without a line containing %q", want)
}

// TestServeStreamsWatchedFiles runs serve with --watch: a file dropped in
// the folder reaches an open subscription, and stopping the server ends
// the stream with "complete" rather than waiting on it.
func TestServeStreamsWatchedFiles(t *testing.T) {
	watch := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // serve listens itself; the port is free again
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	sf := storeFlags{backend: "memstore", dbSet: true}
	go func() {
		done <- serve(ctx, slog.New(slog.DiscardHandler), sf, apiFlags{}, addr, "../../seeds", watch, &source.Sources{}, 0)
	}()
	base := "http://" + addr
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v", err)
		case <-time.After(20 * time.Millisecond): // poll until the server listens
		}
	}
	lines := openStream(t, base)
	text := "---\ntitle: Depot raid\nurl: https://news.example/depot\n---\nKent Police said officers seized 40 kilos of cocaine at a depot.\n"
	if err := os.WriteFile(filepath.Join(watch, "depot.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	waitLine(t, lines, `"title":"Depot raid"`)
	cancel()
	waitLine(t, lines, "event: complete")
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
}

// TestStreamsOutliveTheServersTimeouts serves a subscription behind
// timeouts far shorter than the stream: heartbeats keep coming after the
// read and write timeouts have passed.
func TestStreamsOutliveTheServersTimeouts(t *testing.T) {
	store, err := graph.Open(context.Background(), graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	api, err := schema.NewServer(schema.ServerConfig{Config: schema.Config{Reader: store},
		Live: schema.LiveConfig{Heartbeat: 20 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	l := httpLimits{header: 100 * time.Millisecond, read: 100 * time.Millisecond, write: 100 * time.Millisecond, idle: time.Second, maxConns: 4}
	srv := newHTTPServer(api, l)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	lines := openStream(t, "http://"+ln.Addr().String())
	start := time.Now()
	for time.Since(start) < 5*l.write {
		waitLine(t, lines, ": keep-alive")
	}
}
