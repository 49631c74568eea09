package loaders

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Document is one article as a source read it: its body text and metadata.
// Offsets in the facts extracted from it are in characters into Text.
type Document struct {
	Path      string // where it was read from, for messages
	Title     string
	URL       string
	Published string // YYYY-MM-DD, or empty
	Source    string
	Text      string
}

// ParseText reads a plain-text article with an optional YAML front-matter
// block (title, url, published, source) before its body.
func ParseText(path string, data []byte) (Document, error) {
	doc := Document{Path: path}
	if !utf8.Valid(data) {
		return doc, fmt.Errorf("%s: not UTF-8 text", path)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return doc, fmt.Errorf("%s: binary data (NUL bytes), not an article", path)
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if front, body, ok := splitFrontMatter(text); ok {
		meta, err := parseFrontMatter(front)
		if err != nil {
			return doc, fmt.Errorf("%s: front matter: %w", path, err)
		}
		doc.Title, doc.URL, doc.Source = meta["title"], meta["url"], meta["source"]
		if p := meta["published"]; p != "" {
			d, err := normaliseDate(p)
			if err != nil {
				return doc, fmt.Errorf("%s: front matter: published: %w", path, err)
			}
			doc.Published = d
		}
		text = body
	}
	doc.Text = text
	if strings.TrimSpace(doc.Text) == "" {
		return doc, fmt.Errorf("%s: empty article (no body text)", path)
	}
	return doc, nil
}

// splitFrontMatter splits "---\n...\n---\nbody" into its two parts.
func splitFrontMatter(text string) (front, body string, ok bool) {
	if !strings.HasPrefix(text, "---\n") {
		return "", text, false
	}
	rest := text[len("---\n"):]
	end := strings.Index(rest, "\n---")
	if end < 0 {
		return "", text, false
	}
	front = rest[:end]
	body = rest[end+len("\n---"):]
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[i+1:]
	} else {
		body = ""
	}
	return front, body, true
}

// parseFrontMatter reads the block as YAML; where YAML refuses a line such
// as `title: EncroChat: 746 arrests`, it falls back to "key: value" lines.
func parseFrontMatter(front string) (map[string]string, error) {
	out := map[string]string{}
	var raw map[string]any
	if err := yaml.Unmarshal([]byte(front), &raw); err == nil {
		for k, v := range raw {
			switch v := v.(type) {
			case nil:
			case time.Time:
				out[strings.ToLower(k)] = v.Format("2006-01-02")
			default:
				out[strings.ToLower(k)] = strings.TrimSpace(fmt.Sprint(v))
			}
		}
		return out, nil
	}
	for i, line := range strings.Split(front, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		k, v, found := strings.Cut(line, ":")
		if !found {
			return nil, fmt.Errorf("line %d: want `key: value`, got %q", i+2, line)
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		out[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return out, nil
}

var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2 January 2006", "January 2, 2006", "Jan 2, 2006", "02/01/2006"}

// normaliseDate turns a front-matter date into YYYY-MM-DD.
func normaliseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("unrecognised date %q (want YYYY-MM-DD)", s)
}
