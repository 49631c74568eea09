package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Format is a kind of input: article sources, and N-Quads (a graph dump,
// which the store imports rather than the extractor reading it).
type Format string

// The formats opgraph reads.
const (
	FormatText   Format = "text"   // plain text, optional YAML front matter (.txt, .md)
	FormatHTML   Format = "html"   // a saved web page (.html, .htm)
	FormatFeed   Format = "feed"   // RSS or Atom (.xml, .rss, .atom)
	FormatJSONL  Format = "jsonl"  // one article object per line (.jsonl, .ndjson)
	FormatNQuads Format = "nquads" // a graph dump (.nq, .nquads)
)

// Errors of bad input, wrapped in an InputError that names the file.
var (
	// ErrEmpty: the file or article has no text.
	ErrEmpty = errors.New("empty")
	// ErrBinary: the file holds NUL bytes, so it is not text.
	ErrBinary = errors.New("binary data (NUL bytes), not an article")
	// ErrNotUTF8: the text is not UTF-8 and declares no other encoding.
	ErrNotUTF8 = errors.New("not UTF-8 text")
	// ErrTooLarge: the file or response is over Sources.MaxBytes.
	ErrTooLarge = errors.New("too large")
	// ErrTruncated: an HTML page ends before its closing </html>.
	ErrTruncated = errors.New("truncated HTML (no closing </html>)")
	// ErrNoText: a page or feed item yields no article text.
	ErrNoText = errors.New("no article text found")
	// ErrBrokenFeed: the feed does not parse as RSS, Atom or JSON Feed.
	ErrBrokenFeed = errors.New("broken feed")
	// ErrMalformed: a JSON line does not parse or lacks its text.
	ErrMalformed = errors.New("malformed")
	// ErrFetch: a URL could not be fetched.
	ErrFetch = errors.New("fetch failed")
	// ErrRemoteNQuads: a URL's body is (or looks like) N-Quads. A graph dump
	// carries curators' changes, so it is imported only from a local file
	// or when the format is named (--format nquads), never by sniffing.
	ErrRemoteNQuads = errors.New("N-Quads from a URL are not imported unless asked for with --format nquads")
)

// InputError is a failure to read one input, or one part of it: a JSON
// line, a feed item. Its message names the file (and line).
type InputError struct {
	Name string // the file or URL
	Line int    // 1-based line of a JSON Lines file, or 0
	Err  error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Name, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// DefaultMaxBytes bounds a file or a fetched response.
const DefaultMaxBytes = 10 << 20

// Sources reads articles from files and http(s) URLs. The zero value is
// ready to use with the defaults.
type Sources struct {
	// Client fetches feeds and the pages their items link to (default: a
	// client that refuses internal addresses, see AllowPrivate).
	Client *http.Client
	// Format, when set, is the format of every input, whatever its name or
	// first bytes say (--format).
	Format Format
	// AllowPrivate lets the default client reach loopback, private and
	// link-local addresses (--allow-private-fetch).
	AllowPrivate bool
	// Timeout bounds each fetch (default 20s).
	Timeout time.Duration
	// MaxBytes bounds each file and each response (default 10 MB).
	MaxBytes int64
	// MinItemText is the length (in characters) of a feed item's own text
	// below which its link is followed for the full article (default 400).
	MinItemText int

	once          sync.Once
	defaultClient *http.Client
}

func (s *Sources) maxBytes() int64 {
	if s.MaxBytes > 0 {
		return s.MaxBytes
	}
	return DefaultMaxBytes
}

// IsURL says whether name is an http(s) URL rather than a file.
func IsURL(name string) bool {
	return strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://")
}

// Read reads the file or URL name and returns the articles in it. errs has
// one entry per part that failed (a malformed JSON line, a feed item whose
// link is unreachable), or a single entry when the whole input failed; the
// documents that did read are returned either way. N-Quads are refused:
// they are a graph to import, not articles.
func (s *Sources) Read(ctx context.Context, name string) (docs []Document, errs []error) {
	f, data, err := s.Load(ctx, name)
	if err != nil {
		return nil, []error{err}
	}
	return s.Parse(ctx, name, f, data)
}

// Load reads the file or URL name, bounded by MaxBytes, and detects its format.
func (s *Sources) Load(ctx context.Context, name string) (Format, []byte, error) {
	if IsURL(name) {
		data, ctype, err := s.fetch(ctx, name)
		if err != nil {
			return "", nil, &InputError{Name: name, Err: err}
		}
		if kind := binaryKind(data); kind != "" {
			return "", nil, &InputError{Name: name, Err: fmt.Errorf("%w: it is %s", ErrNotAnArticle, kind)}
		}
		if s.Format != "" {
			return s.Format, data, nil
		}
		f := formatOfContentType(ctype)
		if f == "" {
			f = DetectFormat(name, data)
		}
		if f == FormatNQuads {
			return "", nil, &InputError{Name: name, Err: ErrRemoteNQuads}
		}
		return f, data, nil
	}
	info, err := os.Stat(name)
	if err != nil {
		return "", nil, err // *PathError names the file
	}
	if info.Size() > s.maxBytes() {
		return "", nil, &InputError{Name: name, Err: fmt.Errorf("%w: %s, over the %s limit", ErrTooLarge, size(info.Size()), size(s.maxBytes()))}
	}
	fh, err := os.Open(name)
	if err != nil {
		return "", nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, s.maxBytes()+1))
	if err != nil {
		return "", nil, &InputError{Name: name, Err: err}
	}
	if int64(len(data)) > s.maxBytes() { // grew since the stat
		return "", nil, &InputError{Name: name, Err: fmt.Errorf("%w: over the %s limit", ErrTooLarge, size(s.maxBytes()))}
	}
	if kind := binaryKind(data); kind != "" {
		return "", nil, &InputError{Name: name, Err: fmt.Errorf("%w: it is %s", ErrNotAnArticle, kind)}
	}
	if s.Format != "" {
		return s.Format, data, nil
	}
	return DetectFormat(name, data), data, nil
}

// Parse reads the articles of data, which is in format f.
func (s *Sources) Parse(ctx context.Context, name string, f Format, data []byte) ([]Document, []error) {
	switch f {
	case FormatHTML:
		doc, err := ParseHTML(name, data, "")
		if err != nil {
			return nil, []error{err}
		}
		return []Document{doc}, nil
	case FormatFeed:
		return s.ParseFeed(ctx, name, data)
	case FormatJSONL:
		return ParseJSONL(name, data)
	case FormatNQuads:
		return nil, []error{&InputError{Name: name, Err: errors.New("N-Quads are a graph to import, not articles")}}
	default:
		doc, err := ParseText(name, data)
		if err != nil {
			return nil, []error{err}
		}
		return []Document{doc}, nil
	}
}

// extensions maps file extensions to formats; a folder walk takes only these.
var extensions = map[string]Format{
	".txt": FormatText, ".md": FormatText, ".text": FormatText,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML,
	".xml": FormatFeed, ".rss": FormatFeed, ".atom": FormatFeed,
	".jsonl": FormatJSONL, ".ndjson": FormatJSONL,
	".nq": FormatNQuads, ".nquads": FormatNQuads,
}

// ParseFormat checks a format named by the user (--format).
func ParseFormat(name string) (Format, error) {
	switch f := Format(strings.ToLower(name)); f {
	case "", FormatText, FormatHTML, FormatFeed, FormatJSONL, FormatNQuads:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want text, html, feed, jsonl or nquads)", name)
}

// FormatOfName is the format a file's extension names, or "" for an
// extension opgraph does not read (a folder walk skips those).
func FormatOfName(name string) Format {
	return extensions[strings.ToLower(filepath.Ext(name))]
}

// DetectFormat names the format of an input from its extension and, where
// the extension says nothing or could be either (.xml: a feed or XHTML),
// from its first bytes: "<html" or a doctype is HTML, "<?xml", "<rss" or
// "<feed" a feed, "{" JSON Lines, "<iri> <iri> ... ." N-Quads; else text.
func DetectFormat(name string, data []byte) Format {
	byName := FormatOfName(name)
	if byName != "" && byName != FormatFeed {
		return byName
	}
	if f := sniff(data); f != "" {
		if byName == FormatFeed && f != FormatHTML {
			return FormatFeed
		}
		return f
	}
	if byName != "" {
		return byName
	}
	return FormatText
}

// sniff guesses a format from the first bytes, or returns "".
func sniff(data []byte) Format {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	lower := bytes.ToLower(head)
	has := func(p string) bool { return bytes.HasPrefix(lower, []byte(p)) }
	switch {
	case has("<!doctype html"), has("<html"), has("<head"), has("<body"):
		return FormatHTML
	case has("<?xml"):
		if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) {
			return FormatHTML
		}
		return FormatFeed
	case has("<rss"), has("<feed"), has("<rdf:rdf"):
		return FormatFeed
	case has("{"):
		return FormatJSONL
	case has("---"):
		return FormatText
	case has("<") || has("_:"):
		line, _, _ := bytes.Cut(head, []byte("\n"))
		if bytes.HasSuffix(bytes.TrimSpace(line), []byte(" .")) {
			return FormatNQuads
		}
		if has("<!--") || has("<div") || has("<p") || has("<article") {
			return FormatHTML
		}
	}
	return ""
}

func formatOfContentType(ctype string) Format {
	ctype = strings.ToLower(ctype)
	switch {
	case strings.Contains(ctype, "html"):
		return FormatHTML
	case strings.Contains(ctype, "rss"), strings.Contains(ctype, "atom"), strings.Contains(ctype, "xml"):
		return FormatFeed
	case strings.Contains(ctype, "n-quads"):
		return FormatNQuads
	case strings.Contains(ctype, "ndjson"), strings.Contains(ctype, "jsonl"):
		return FormatJSONL
	}
	return ""
}

// fetch GETs url within Timeout and MaxBytes, and returns the body and its
// content type.
func (s *Sources) fetch(ctx context.Context, url string) ([]byte, string, error) {
	if !IsURL(url) {
		return nil, "", fmt.Errorf("%w: %q is not an http(s) URL", ErrFetch, url)
	}
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %w", ErrFetch, err)
	}
	req.Header.Set("User-Agent", "opgraph (+https://github.com/opgraph/opgraph)")
	resp, err := s.client().Do(req)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %w", ErrFetch, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("%w: GET %s: %s", ErrFetch, url, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, s.maxBytes()+1))
	if err != nil {
		return nil, "", fmt.Errorf("%w: read %s: %w", ErrFetch, url, err)
	}
	if int64(len(data)) > s.maxBytes() {
		return nil, "", fmt.Errorf("%w: response over the %s limit", ErrTooLarge, size(s.maxBytes()))
	}
	return data, resp.Header.Get("Content-Type"), nil
}

// checkText refuses data that is not an article's text: empty, binary, not UTF-8.
func checkText(data []byte) error {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return fmt.Errorf("%w file", ErrEmpty)
	case bytes.IndexByte(data, 0) >= 0:
		return ErrBinary
	case !utf8.Valid(data):
		return ErrNotUTF8
	}
	return nil
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}
