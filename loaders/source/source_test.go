package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sources", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDetectFormat(t *testing.T) {
	for _, tc := range []struct {
		name, file, head string
		want             Format
	}{
		{"txt extension", "a.txt", "anything", FormatText},
		{"md with front matter", "a.md", "---\ntitle: x\n---\n", FormatText},
		{"html extension", "a.HTM", "hello", FormatHTML},
		{"jsonl extension", "a.jsonl", "{}", FormatJSONL},
		{"nq extension", "dump.nq", "<a> <b> <c> .", FormatNQuads},
		{"xml that is a feed", "a.xml", "<?xml version=\"1.0\"?><rss>", FormatFeed},
		{"xml that is xhtml", "a.xml", "<?xml version=\"1.0\"?><!DOCTYPE html><html>", FormatHTML},
		{"no extension, html", "page", "  <!DOCTYPE html><html>", FormatHTML},
		{"no extension, html with BOM", "page", "\xef\xbb\xbf<html>", FormatHTML},
		{"no extension, rss", "feed", "<rss version=\"2.0\">", FormatFeed},
		{"no extension, atom", "feed", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", FormatFeed},
		{"no extension, json", "export", "{\"title\": \"x\"}\n", FormatJSONL},
		{"no extension, front matter", "art", "---\ntitle: x\n", FormatText},
		{"no extension, n-quads", "dump", "<opg:a> <opg:b> \"c\" .\n", FormatNQuads},
		{"no extension, prose", "notes", "The police said...", FormatText},
		{"url path", "https://x.example/feed", "<rss>", FormatFeed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := DetectFormat(tc.file, []byte(tc.head)); got != tc.want {
				t.Errorf("DetectFormat(%q, %q) = %q, want %q", tc.file, tc.head, got, tc.want)
			}
		})
	}
}

func TestParseHTML(t *testing.T) {
	doc, err := ParseHTML("page.html", readTestdata(t, "page.html"), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ field, got, want string }{
		{"title", doc.Title, "Harbour raid nets cocaine haul"},
		{"url", doc.URL, "https://courier.example/news/harbour-raid"},
		{"source", doc.Source, "Coastline Courier"},
		{"published", doc.Published, "2023-03-14"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if !strings.Contains(doc.Text, "found 300kg of cocaine hidden among crates") {
		t.Errorf("body missing from text:\n%s", doc.Text)
	}
	for _, junk := range []string{"Most read", "Copyright", "Weather", "parking fees"} {
		if strings.Contains(doc.Text, junk) {
			t.Errorf("boilerplate %q kept in text:\n%s", junk, doc.Text)
		}
	}
	if !strings.Contains(doc.Text, "fruit.\n\nFour men") {
		t.Errorf("paragraphs not kept apart:\n%s", doc.Text)
	}
}

func TestParseHTMLBadInput(t *testing.T) {
	page := string(readTestdata(t, "page.html"))
	latin1 := "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><article><p>" +
		strings.Repeat("The Garda S\xedoch\xe1na said two men were arrested and cannabis was seized at the port. ", 5) +
		"</p></article></body></html>"
	for _, tc := range []struct {
		name, data string
		want       error // nil: parses
		text       string
	}{
		{"empty", "  \n", ErrEmpty, ""},
		{"binary", "<html>\x00\x01\x02</html>", ErrBinary, ""},
		{"not utf-8, no charset", "<html><body><p>caf\xe9 \xff\xfe</p></body></html>", ErrNotUTF8, ""},
		{"latin-1 declared", latin1, nil, "Garda Síochána"},
		{"truncated", page[:len(page)/2], ErrTruncated, ""},
		{"no text", "<html><body><nav><a href=/>Home</a></nav></body></html>", ErrNoText, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ParseHTML("in.html", []byte(tc.data), "")
			if tc.want == nil {
				if err != nil {
					t.Fatalf("ParseHTML: %v", err)
				}
				if !strings.Contains(doc.Text, tc.text) {
					t.Errorf("text %q does not hold %q", doc.Text, tc.text)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("ParseHTML(%q) error = %v, want %v", tc.data, err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "in.html: ") {
				t.Errorf("error %q does not start with the file name", err)
			}
		})
	}
}

func TestParseJSONL(t *testing.T) {
	docs, errs := ParseJSONL("articles.jsonl", readTestdata(t, "articles.jsonl"))
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2: %+v", len(docs), docs)
	}
	if docs[0].URL != "https://wire.example/van" || docs[0].Published != "2022-11-02" || docs[0].Source != "Wire Example" ||
		!strings.Contains(docs[0].Text, "40kg of heroin") {
		t.Errorf("text line read as %+v", docs[0])
	}
	if docs[1].URL != "https://wire.example/html" || !strings.Contains(docs[1].Text, "12 people were arrested") {
		t.Errorf("html line read as %+v", docs[1])
	}
	want := []string{"articles.jsonl:4: malformed: no \"text\" or \"html\" field", "articles.jsonl:5: malformed JSON"}
	if len(errs) != len(want) {
		t.Fatalf("errors = %v, want %d", errs, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) || !errors.Is(errs[i], ErrMalformed) {
			t.Errorf("error %d = %q, want it to start %q", i, errs[i], w)
		}
	}
}

func TestParseText(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       error
	}{
		{"empty", "", ErrEmpty},
		{"front matter only", "---\ntitle: x\n---\n", ErrEmpty},
		{"binary", "abc\x00def", ErrBinary},
		{"not utf-8", "caf\xe9", ErrNotUTF8},
		{"good", "---\ntitle: \"A: b\"\npublished: 2 March 2021\n---\nBody.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseText("a.txt", []byte(tc.data))
			if !errors.Is(err, tc.want) || (err != nil && !strings.HasPrefix(err.Error(), "a.txt: ")) {
				t.Errorf("ParseText(%q) = %v, want %v naming a.txt", tc.data, err, tc.want)
			}
		})
	}
}

// TestFeedOverHTTP serves feeds and pages with httptest: items with enough
// text are read as they stand, short ones through their link, and an
// unreachable link is an error naming the item while the rest still read.
func TestFeedOverHTTP(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close() // nothing listens there now

	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(readTestdata(t, "feed.rss"))
	})
	mux.HandleFunc("/feed.atom", func(w http.ResponseWriter, r *http.Request) {
		w.Write(readTestdata(t, "feed.atom"))
	})
	mux.HandleFunc("/short.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Short</title>
<item><title>Follow me</title><link>%s/page</link><description>Teaser only.</description></item>
<item><title>Gone</title><link>%s/gone</link><description>Teaser.</description></item>
<item><title>Missing</title><link>%s/missing</link></item>
</channel></rss>`, srv.URL, deadURL, srv.URL)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(readTestdata(t, "page.html"))
	})
	mux.HandleFunc("/broken.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte("<rss><channel><item><title>oops"))
	})
	src := &Sources{Client: srv.Client()}
	ctx := context.Background()

	for _, tc := range []struct {
		name, url string
		want      []string // URLs of the documents, in order
		errs      []string // substrings of the errors, in order
	}{
		{"rss with full items", srv.URL + "/feed.rss", []string{"https://police.example/news/warehouse"}, nil},
		{"atom with full items", srv.URL + "/feed.atom", []string{"https://agency.example/updates/car-stop"}, nil},
		{"short items follow links", srv.URL + "/short.rss", []string{"https://courier.example/news/harbour-raid"},
			[]string{"item 2: follow link: fetch failed", "item 3: follow link: fetch failed: GET " + srv.URL + "/missing: 404"}},
		{"broken feed", srv.URL + "/broken.rss", nil, []string{srv.URL + "/broken.rss: broken feed"}},
		{"unreachable url", deadURL + "/feed.rss", nil, []string{deadURL + "/feed.rss: fetch failed"}},
		{"page url", srv.URL + "/page", []string{"https://courier.example/news/harbour-raid"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, errs := src.Read(ctx, tc.url)
			var got []string
			for _, d := range docs {
				got = append(got, d.URL)
				if strings.TrimSpace(d.Text) == "" || d.Title == "" {
					t.Errorf("document %s has no text or title: %+v", d.URL, d)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("documents = %v, want %v", got, tc.want)
			}
			if len(errs) != len(tc.errs) {
				t.Fatalf("errors = %v, want %d like %v", errs, len(tc.errs), tc.errs)
			}
			for i, w := range tc.errs {
				if !strings.Contains(errs[i].Error(), w) {
					t.Errorf("error %d = %q, want it to hold %q", i, errs[i], w)
				}
			}
		})
	}

	t.Run("feed file", func(t *testing.T) {
		docs, errs := src.Read(ctx, filepath.Join("testdata", "sources", "feed.rss"))
		if len(docs) != 1 || len(errs) != 0 || docs[0].Source != "Example Police Newsroom" || docs[0].Published != "2023-04-05" {
			t.Errorf("got %+v, %v", docs, errs)
		}
	})
}

func TestLoadLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("word ", 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	src := &Sources{MaxBytes: 1000, AllowPrivate: true}
	_, _, err := src.Load(context.Background(), big)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), big) {
		t.Errorf("Load of a 1500-byte file with a 1000-byte limit: %v", err)
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 2000)))
	}))
	defer srv.Close()
	_, _, err = src.Load(context.Background(), srv.URL)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("Load of a 2000-byte response with a 1000-byte limit: %v", err)
	}
}

// TestFetchErrorsKeepTheirCause checks a fetch's error still matches
// what caused it below ErrFetch or ErrBrokenFeed: a time-out while the
// body arrives is context.DeadlineExceeded, a page that is no feed is
// gofeed's ErrFeedTypeNotDetected.
func TestFetchErrorsKeepTheirCause(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body>the first bytes"))
		w.(http.Flusher).Flush()
		select { // the rest never comes: the fetch times out reading the body
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	src := &Sources{Client: srv.Client(), Timeout: 50 * time.Millisecond}
	_, _, err := src.Load(context.Background(), srv.URL+"/slow")
	if !errors.Is(err, ErrFetch) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a body that stalls past the time-out: err = %v, want ErrFetch and context.DeadlineExceeded", err)
	}

	_, errs := src.ParseFeed(context.Background(), "page.xml", []byte("<html><body>no feed here</body></html>"))
	if len(errs) != 1 || !errors.Is(errs[0], ErrBrokenFeed) || !errors.Is(errs[0], gofeed.ErrFeedTypeNotDetected) {
		t.Errorf("a page that is no feed: errs = %v, want ErrBrokenFeed and gofeed.ErrFeedTypeNotDetected", errs)
	}
}
