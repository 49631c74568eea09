package source

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// ParseFeed reads an RSS, Atom or JSON feed. Each item whose own content
// (or description) has at least MinItemText characters of text is an
// article as it stands; an item with less is read by fetching its link as
// an HTML page, and if that fails the error names the item. The feed's
// title is each article's source.
func (s *Sources) ParseFeed(ctx context.Context, name string, data []byte) ([]Document, []error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []error{&InputError{Name: name, Err: fmt.Errorf("%w file", ErrEmpty)}}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, []error{&InputError{Name: name, Err: ErrBinary}}
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, []error{&InputError{Name: name, Err: fmt.Errorf("%w: %w", ErrBrokenFeed, err)}}
	}
	minText := s.MinItemText
	if minText <= 0 {
		minText = 400
	}
	var docs []Document
	var errs []error
	for i, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			errs = append(errs, &InputError{Name: name, Err: err})
			break
		}
		if it == nil {
			continue
		}
		where := fmt.Sprintf("%s item %d", name, i+1)
		link := strings.TrimSpace(it.Link)
		text := htmlText(firstOf(it.Content, it.Description))
		if !utf8.ValidString(text) {
			errs = append(errs, &InputError{Name: where, Err: ErrNotUTF8})
			continue
		}
		it.Title = strings.ToValidUTF8(it.Title, "\uFFFD")
		var doc Document
		switch {
		case utf8.RuneCountInString(strings.TrimSpace(text)) >= minText || (link == "" && strings.TrimSpace(text) != ""):
			doc = Document{Path: where, URL: link, Title: oneLine(it.Title), Text: text}
		case link != "":
			page, _, err := s.fetch(ctx, link)
			if err != nil {
				errs = append(errs, &InputError{Name: where, Err: fmt.Errorf("follow link: %w", err)})
				continue
			}
			doc, err = ParseHTML(link, page, link)
			if err != nil {
				errs = append(errs, &InputError{Name: where, Err: fmt.Errorf("follow link: %w", err)})
				continue
			}
			if doc.Title == "" {
				doc.Title = oneLine(it.Title)
			}
		default:
			errs = append(errs, &InputError{Name: where, Err: fmt.Errorf("%w: no content and no link", ErrNoText)})
			continue
		}
		doc.Format = FormatFeed
		if doc.Source == "" {
			doc.Source = oneLine(strings.ToValidUTF8(feed.Title, "\uFFFD"))
		}
		if doc.Published == "" {
			if it.PublishedParsed != nil {
				doc.Published = it.PublishedParsed.Format("2006-01-02")
			} else if it.UpdatedParsed != nil {
				doc.Published = it.UpdatedParsed.Format("2006-01-02")
			}
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 && len(errs) == 0 {
		errs = append(errs, &InputError{Name: name, Err: fmt.Errorf("%w: the feed has no items", ErrEmpty)})
	}
	return docs, errs
}

// htmlText is the text of an HTML fragment (feed content is HTML, or plain
// text, which parses as itself).
func htmlText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if !strings.Contains(s, "<") {
		return tidyText(html.UnescapeString(s))
	}
	root, err := html.Parse(strings.NewReader("<!DOCTYPE html><html><body>" + s + "</body></html>"))
	if err != nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(render.InnerText(root))
	return tidyText(b.String())
}
