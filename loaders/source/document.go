package source

import (
	"fmt"
	"strings"
	"time"
)

// Document is one article as a source read it: its body text and metadata.
// Offsets in the facts extracted from it are in characters into Text.
type Document struct {
	// Path says where it was read from, for messages: a file, "file:line"
	// for a JSON line, a feed item's link.
	Path string
	// Title is the headline.
	Title string
	// URL is the article's canonical URL where the source gives one; it is
	// the article's identity in the graph (graph.ArticleID), so two copies
	// of the same page are one article.
	URL string
	// Published is YYYY-MM-DD, or empty.
	Published string
	// Source is the publication or site name ("Example News").
	Source string
	// Format is the kind of source it came from (text, html, feed, jsonl).
	Format Format
	// Text is the article body, with boilerplate dropped.
	Text string
}

var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	time.RFC1123Z, time.RFC1123, "2 January 2006", "January 2, 2006", "Jan 2, 2006", "02/01/2006"}

// normaliseDate turns a date as sources write it into YYYY-MM-DD.
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
