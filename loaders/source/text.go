package source

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// ParseText reads a plain-text article with an optional YAML front-matter
// block (title, url, published, source) before its body.
func ParseText(path string, data []byte) (Document, error) {
	doc := Document{Path: path, Format: FormatText}
	if err := checkText(data); err != nil {
		return doc, &InputError{Name: path, Err: err}
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if front, body, ok := splitFrontMatter(text); ok {
		meta, err := parseFrontMatter(front)
		if err != nil {
			return doc, &InputError{Name: path, Err: fmt.Errorf("front matter: %w", err)}
		}
		doc.Title, doc.URL, doc.Source = meta["title"], meta["url"], meta["source"]
		if doc.Source == "" {
			doc.Source = meta["site_name"]
		}
		if p := meta["published"]; p != "" {
			d, err := normaliseDate(p)
			if err != nil {
				return doc, &InputError{Name: path, Err: fmt.Errorf("front matter: published: %w", err)}
			}
			doc.Published = d
		}
		text = body
	}
	doc.Text = text
	if strings.TrimSpace(doc.Text) == "" {
		return doc, &InputError{Name: path, Err: fmt.Errorf("%w article (no body text)", ErrEmpty)}
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
