package schema

import (
	"context"
	"html"
	"sort"
	"strings"
	"unicode"

	"github.com/opgraph/opgraph/graph"
)

// A search hit's snippet: the text of the node (a name, alias, headline,
// phrase, or an evidence sentence) holding most of the query's words, cut
// around the first of them, with where each occurs.

// snippetRunes is the longest snippet; longer texts are cut around the
// first match, with "…" where cut.
const (
	snippetRunes  = 160
	snippetBefore = 50 // runes kept before the first match
)

// snippet is the text shown for a hit.
type snippet struct {
	field      string // name, headline, alias, phrase, subtype, commodity or sentence
	text       string
	highlights [][2]int // rune offsets [start, end) of the query's words in text
}

// html is the text escaped for HTML, with each highlight in <mark>.
func (s *snippet) html() string {
	rs := []rune(s.text)
	var b strings.Builder
	at := 0
	for _, h := range s.highlights {
		b.WriteString(html.EscapeString(string(rs[at:h[0]])))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(string(rs[h[0]:h[1]])))
		b.WriteString("</mark>")
		at = h[1]
	}
	b.WriteString(html.EscapeString(string(rs[at:])))
	return b.String()
}

// snippetFields are the texts of a node a snippet may come from, in the
// order preferred where two hold as many of the words.
var snippetFields = []struct {
	pred graph.Predicate
	name string
}{
	{graph.PredName, "name"}, {graph.PredHeadline, "headline"}, {graph.PredAlias, "alias"},
	{graph.PredPhrase, "phrase"}, {graph.PredSubtype, "subtype"}, {graph.PredCommodity, "commodity"},
}

// snippetOf finds e's text holding most of words (the query's terms), its
// evidence sentences included; nil where none holds any.
func (b *builder) snippetOf(ctx context.Context, e *graph.Entity, words []string) (*snippet, error) {
	type text struct{ field, s string }
	var texts []text
	for _, f := range snippetFields {
		for _, s := range e.Strings(f.pred) {
			texts = append(texts, text{f.name, s})
		}
	}
	if e.Kind != graph.KindEvidence {
		evs, err := b.requestFrom(ctx).linked(ctx, relKey{pred: graph.PredSupports, kind: graph.KindEvidence}, e.ID)()
		if err != nil {
			return nil, err
		}
		sort.Slice(evs, func(i, j int) bool { return evs[i].ID < evs[j].ID })
		for _, ev := range evs {
			if s := ev.String(graph.PredSentence); s != "" {
				texts = append(texts, text{"sentence", s})
			}
		}
	}
	want := map[string]bool{}
	for _, w := range words {
		want[w] = true
	}
	var best *snippet
	bestFound := 0
	for _, t := range texts {
		spans, found := wordSpans(t.s, want)
		if found > bestFound {
			best, bestFound = cut(t.field, t.s, spans), found
		}
	}
	return best, nil
}

// wordSpans returns the rune spans of s's words (as terms splits them)
// that are in want, and how many different ones it holds.
func wordSpans(s string, want map[string]bool) (spans [][2]int, found int) {
	seen := map[string]bool{}
	rs := []rune(s)
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(rs); {
		if !isWord(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isWord(rs[j]) {
			j++
		}
		if w := strings.ToLower(string(rs[i:j])); want[w] {
			spans = append(spans, [2]int{i, j})
			if !seen[w] {
				seen[w] = true
				found++
			}
		}
		i = j
	}
	return spans, found
}

// cut keeps at most snippetRunes of s, from a little before its first
// span, and moves the spans with it; spans cut off are dropped.
func cut(field, s string, spans [][2]int) *snippet {
	rs := []rune(s)
	if len(rs) <= snippetRunes {
		return &snippet{field: field, text: s, highlights: spans}
	}
	start := 0
	if len(spans) > 0 && spans[0][0] > snippetBefore {
		start = spans[0][0] - snippetBefore
		for start < spans[0][0] && rs[start-1] != ' ' { // from a word's start
			start++
		}
	}
	end := min(len(rs), start+snippetRunes)
	for end < len(rs) && end > start && rs[end] != ' ' && rs[end-1] != ' ' { // at a word's end
		end--
	}
	if end-start < snippetRunes/2 { // a very long word: cut inside it
		end = min(len(rs), start+snippetRunes)
	}
	text, shift := string(rs[start:end]), 0
	if start > 0 {
		text, shift = "…"+text, 1
	}
	if end < len(rs) {
		text += "…"
	}
	var kept [][2]int
	for _, sp := range spans {
		if sp[0] >= start && sp[1] <= end {
			kept = append(kept, [2]int{sp[0] - start + shift, sp[1] - start + shift})
		}
	}
	return &snippet{field: field, text: text, highlights: kept}
}
