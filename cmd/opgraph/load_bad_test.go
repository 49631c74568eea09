package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// TestLoadBadInput loads, in one batch, good files of every kind and one
// bad file of each sort: each bad one gives one line naming it (and its
// line) and why, the good ones are stored, and the summary and exit
// status say so.
func TestLoadBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	body := "The National Crime Agency said 12 people were arrested and 40kg of cocaine was seized in Dover."
	page := "<!DOCTYPE html><html><head><title>Dover arrests</title><link rel=canonical href=\"https://news.example/dover\"></head>" +
		"<body><nav>Home News Sport</nav><article><p>" + body + "</p><p>Officers searched three addresses in the town on Monday.</p></article></body></html>"
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL + "/feed.rss"
	dead.Close()

	good := []string{
		write("good.txt", []byte("---\ntitle: Good\nurl: https://news.example/good\n---\n"+body+"\n")),
		write("good.html", []byte(page)),
		write("good.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Feed item</title>
<link>https://news.example/feed-item</link><description>`+strings.Repeat("Border Force officers seized 3kg of heroin at the port of Hull on Friday. ", 8)+`</description></item></channel></rss>`)),
	}
	jsonl := write("mixed.jsonl", []byte(`{"title": "JSON article", "url": "https://news.example/json", "text": "Europol said 30 suspects were arrested across Spain."}`+"\n"+
		`{"title": "broken", "text": "no end`+"\n"))
	huge := bytes.Repeat([]byte("The police said nothing at all. "), (11<<20)/32)
	bad := []struct {
		name, path, want string
	}{
		{"empty", write("empty.txt", nil), "empty.txt: empty file"},
		{"binary", write("blob.txt", []byte("data\x00\x01\x02\x03")), "blob.txt: binary data"},
		{"image", write("photo.txt", []byte("GIF89a\x00\x01\x02\x03")), "photo.txt: not an article opgraph can read: it is a GIF image"},
		{"non-UTF-8", write("latin1.txt", []byte("Garda S\xedoch\xe1na said two men were arrested.")), "latin1.txt: not UTF-8 text"},
		{"truncated HTML", write("cut.html", []byte(page[:len(page)/2])), "cut.html: truncated HTML"},
		{"huge", write("huge.txt", huge), "huge.txt: too large: 11.0 MB, over the 10.0 MB limit"},
		{"broken feed", write("broken.rss", []byte("<rss><channel><item><title>cut off")), "broken.rss: broken feed"},
		{"malformed JSON line", jsonl, "mixed.jsonl:2: malformed JSON"},
		{"unreachable URL", deadURL, deadURL + ": fetch failed"},
		{"missing file", filepath.Join(dir, "missing.txt"), "missing.txt: no such file"},
	}
	args := []string{"--db", t.TempDir()}
	args = append(args, good...)
	for _, b := range bad {
		args = append(args, b.path)
	}
	var stdout, stderr bytes.Buffer
	code := runLoadTo(context.Background(), args, &stdout, &stderr)
	errLines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			var hits []string
			for _, l := range errLines {
				if strings.Contains(l, b.want) {
					hits = append(hits, l)
				}
			}
			if len(hits) != 1 {
				t.Errorf("want one line holding %q, got %d; stderr:\n%s", b.want, len(hits), stderr.String())
			}
		})
	}
	if len(errLines) != len(bad) {
		t.Errorf("stderr has %d lines, want one per bad input (%d):\n%s", len(errLines), len(bad), stderr.String())
	}
	// good.txt, good.html, good.rss's item, the good JSON line.
	if want := fmt.Sprintf("loaded 4, unchanged 0, failed %d", len(bad)); !strings.Contains(stdout.String(), want) {
		t.Errorf("summary: want %q in\n%s", want, stdout.String())
	}
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	store := openBolt(t, args[1])
	defer store.Close()
	arts, err := store.Get(context.Background(), articleIDs(t, store)...)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, a := range arts {
		urls = append(urls, a.String(graph.PredURL))
	}
	for _, u := range []string{"https://news.example/good", "https://news.example/dover", "https://news.example/feed-item", "https://news.example/json"} {
		if !strings.Contains(strings.Join(urls, " "), u) {
			t.Errorf("article %s not stored; have %v", u, urls)
		}
	}
}

func articleIDs(t *testing.T, s *graph.Store) []graph.ID {
	t.Helper()
	ids, err := s.List(context.Background(), graph.KindArticle)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}
