package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// jsonArticle is one line of a JSON Lines file. Other fields are ignored.
type jsonArticle struct {
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Source    string `json:"source"`
	SiteName  string `json:"site_name"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

// ParseJSONL reads one article object per line: {"title", "url",
// "published", "source", and "text" or "html"}. Blank lines are skipped. A
// line that is not such an object gives an InputError naming its line; the
// other lines still read.
func ParseJSONL(name string, data []byte) ([]Document, []error) {
	if err := checkText(data); err != nil {
		return nil, []error{&InputError{Name: name, Err: err}}
	}
	var docs []Document
	var errs []error
	for i, line := range bytes.Split(data, []byte("\n")) {
		n := i + 1
		line = bytes.TrimSpace(line)
		if i == 0 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		if len(line) == 0 {
			continue
		}
		doc, err := parseJSONLine(name, n, line)
		if err != nil {
			errs = append(errs, &InputError{Name: name, Line: n, Err: err})
			continue
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 && len(errs) == 0 {
		errs = append(errs, &InputError{Name: name, Err: fmt.Errorf("%w: no JSON lines", ErrEmpty)})
	}
	return docs, errs
}

func parseJSONLine(name string, n int, line []byte) (Document, error) {
	var a jsonArticle
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&a); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Document{}, fmt.Errorf("%w JSON: field %q: want a %s, got %s", ErrMalformed, te.Field, te.Type, te.Value)
		}
		return Document{}, fmt.Errorf("%w JSON: %w", ErrMalformed, err)
	}
	if dec.More() {
		return Document{}, fmt.Errorf("%w JSON: more than one value on the line", ErrMalformed)
	}
	path := fmt.Sprintf("%s:%d", name, n)
	var doc Document
	switch {
	case strings.TrimSpace(a.Text) != "":
		if !utf8.ValidString(a.Text) {
			return Document{}, ErrNotUTF8
		}
		doc = Document{Path: path, Text: strings.ReplaceAll(a.Text, "\r\n", "\n")}
	case strings.TrimSpace(a.HTML) != "":
		d, err := ParseHTML(path, []byte(a.HTML), a.URL)
		if err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				err = ie.Err // the line already names the place
			}
			return Document{}, fmt.Errorf("html: %w", err)
		}
		doc = d
	default:
		return Document{}, fmt.Errorf("%w: no \"text\" or \"html\" field", ErrMalformed)
	}
	doc.Format = FormatJSONL
	doc.Title = firstOf(a.Title, doc.Title)
	doc.URL = firstOf(a.URL, doc.URL)
	doc.Source = firstOf(a.Source, a.SiteName, doc.Source)
	if a.Published != "" {
		d, err := normaliseDate(a.Published)
		if err != nil {
			return Document{}, fmt.Errorf("published: %w", err)
		}
		doc.Published = d
	}
	return doc, nil
}
