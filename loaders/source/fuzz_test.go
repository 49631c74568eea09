package source

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// noNetwork is a transport that refuses every request, so fuzzed feeds
// whose items link elsewhere never leave the machine.
type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("no network in fuzz tests")
}

func addSeeds(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", "sources", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkDoc holds for every document a source returns: UTF-8 text with
// some content, a date in YYYY-MM-DD form or none.
func checkDoc(t *testing.T, d Document) {
	t.Helper()
	if !utf8.ValidString(d.Text) || strings.TrimSpace(d.Text) == "" {
		t.Fatalf("document %s has empty or invalid text %q", d.Path, d.Text)
	}
	if d.Published != "" && len(d.Published) != 10 {
		t.Fatalf("document %s has date %q", d.Path, d.Published)
	}
}

func FuzzParseHTML(f *testing.F) {
	addSeeds(f, "page.html")
	f.Add([]byte("<html><head><link rel=canonical href=x><meta property=og:url content=\"http://[::1\"></head><body><p>a b c d e f g h i</p></body></html>"))
	f.Add([]byte("<html><meta charset=latin1><p>caf\xe9 \xe9 \xe9 \xe9 \xe9 \xe9 \xe9 \xe9</p></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ParseHTML("fuzz.html", data, "")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.html: ") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		checkDoc(t, doc)
	})
}

func FuzzParseJSONL(f *testing.F) {
	addSeeds(f, "articles.jsonl")
	f.Add([]byte("{\"text\": \"a\", \"published\": 5}\n{}\n[1]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, errs := ParseJSONL("fuzz.jsonl", data)
		for _, d := range docs {
			checkDoc(t, d)
		}
		for _, err := range errs {
			if !strings.HasPrefix(err.Error(), "fuzz.jsonl") {
				t.Fatalf("error %q does not name the file", err)
			}
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	addSeeds(f, "feed.rss", "feed.atom")
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1", "items": [{"content_text": "x", "url": "http://a"}]}`))
	src := &Sources{Client: &http.Client{Transport: noNetwork{}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, errs := src.ParseFeed(context.Background(), "fuzz.rss", data)
		for _, d := range docs {
			checkDoc(t, d)
		}
		for _, err := range errs {
			if !strings.HasPrefix(err.Error(), "fuzz.rss") {
				t.Fatalf("error %q does not name the file", err)
			}
		}
	})
}

func FuzzDetectFormat(f *testing.F) {
	f.Add("a.xml", []byte("<?xml?><rss>"))
	f.Add("", []byte("<a> <b> <c> .\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		switch DetectFormat(name, data) {
		case FormatText, FormatHTML, FormatFeed, FormatJSONL, FormatNQuads:
		default:
			t.Fatalf("DetectFormat(%q, %q) gave no known format", name, data)
		}
	})
}
