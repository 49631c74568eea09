package schema

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// searchIndex is an inverted index over names, aliases, headlines and
// evidence sentences, kept in memory beside the store (Cayley has no text
// index), built in the background and again after each change.
type searchIndex = background[*postings]

func newSearchIndex(r Reader, life *lifetime) *searchIndex {
	return newBackground("search", "the search index", life, func(ctx context.Context) (*postings, error) { return buildPostings(ctx, r) })
}

// postings maps each term to the nodes holding it, with weights. Nodes
// are numbered (their document number), and each term's list is packed:
// for each document, in ascending order, the gap from the one before and
// the word's weight there, as uvarints: a few bytes a posting, where
// maps of maps took tens.
type postings struct {
	ids   []graph.ID   // by document number
	kinds []graph.Kind // by document number
	terms *termMap
	// runs are the documents the build numbered, by kind (see doc);
	// added those updates in place numbered after them.
	runs  map[graph.Kind]docRun
	added map[graph.ID]uint32
}

type termList struct {
	docs   int    // how many documents hold the term
	packed []byte // gaps and weights
}

// each calls fn with every document of the list and the term's weight in it.
func (l termList) each(fn func(doc uint32, weight float64)) {
	var doc uint64
	for b := l.packed; len(b) > 0; {
		gap, n := binary.Uvarint(b)
		w, m := binary.Uvarint(b[n:])
		b = b[n+m:]
		doc += gap
		fn(uint32(doc), float64(w))
	}
}

// Weights of where a word occurs: a hit in a name counts most.
const (
	weightName     = 3
	weightAlias    = 2
	weightSentence = 1
)

// indexedPredicates are what the index reads, and each one's weight.
var indexedPredicates = map[graph.Predicate]uint64{
	graph.PredName: weightName, graph.PredHeadline: weightName, graph.PredAlias: weightAlias,
	graph.PredPhrase: weightAlias, graph.PredSubtype: weightAlias, graph.PredCommodity: weightAlias,
}

// buildPostings builds the index: the nodes of each kind searched, then,
// in one pass over the store, their texts and each evidence sentence with
// the node it supports.
func buildPostings(ctx context.Context, sc Reader) (*postings, error) {
	idx := &postings{terms: &termMap{}, runs: map[graph.Kind]docRun{}}
	docOf := map[graph.ID]uint32{}
	for _, k := range append([]graph.Kind{graph.KindArticle}, graph.FactKinds...) {
		if !searchedKind(k) {
			continue // a relation is found by its ends
		}
		ids, err := sc.List(ctx, k) // from the type index: no pass over the store
		if err != nil {
			return nil, err
		}
		start := uint32(len(idx.ids))
		for _, id := range ids {
			if _, dup := docOf[id]; !dup && docKind(id) == k {
				docOf[id] = uint32(len(idx.ids))
				idx.ids = append(idx.ids, id)
				idx.kinds = append(idx.kinds, k)
			}
		}
		idx.runs[k] = docRun{start, uint32(len(idx.ids))}
	}
	// A node whose IRI names another kind than its type, or that has two
	// types: numbered apart (graph.List gives every node of a kind).
	for _, k := range append([]graph.Kind{graph.KindArticle}, graph.FactKinds...) {
		if !searchedKind(k) {
			continue
		}
		ids, err := sc.List(ctx, k)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if _, dup := docOf[id]; !dup {
				docOf[id] = idx.addDoc(id, k)
			}
		}
	}
	// raw holds each term's documents and weights, doc<<rawWeightBits |
	// weight, until they are sorted, summed and packed: 32 bits a posting,
	// for on a big store the raw lists were most of the server's memory
	// while the index was built.
	if len(idx.ids) >= 1<<(32-rawWeightBits) {
		return nil, fmt.Errorf("search index: %d nodes, more than %d", len(idx.ids), 1<<(32-rawWeightBits))
	}
	raw := map[string][]uint32{}
	add := func(id graph.ID, s string, w uint64) {
		doc, ok := docOf[id]
		if !ok {
			return // evidence, relations, changes: not searched themselves
		}
		for _, t := range terms(s) {
			raw[t] = append(raw[t], doc<<rawWeightBits|uint32(w))
		}
	}
	// An evidence's sentence and the node it supports pair up when both are read.
	sentence := map[graph.ID]string{}
	supports := map[graph.ID]graph.ID{}
	preds := []graph.Predicate{graph.PredSentence, graph.PredSupports}
	for p := range indexedPredicates {
		preds = append(preds, p)
	}
	err := sc.EachProp(ctx, preds, func(id graph.ID, p graph.Predicate, v any) error {
		switch p {
		case graph.PredSentence:
			s, _ := v.(string)
			if to, ok := supports[id]; ok {
				delete(supports, id)
				add(to, s, weightSentence)
			} else {
				sentence[id] = s
			}
		case graph.PredSupports:
			to, _ := v.(graph.ID)
			if s, ok := sentence[id]; ok {
				delete(sentence, id)
				add(to, s, weightSentence)
			} else {
				supports[id] = to
			}
		default:
			if s, ok := v.(string); ok {
				add(id, s, indexedPredicates[p])
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for t, list := range raw {
		idx.terms.set(t, pack(list))
		delete(raw, t) // let the garbage collector have it as we go
	}
	return idx, nil
}

// rawWeightBits holds one occurrence's weight (at most weightName) in a
// raw posting.
const rawWeightBits = 2

// A heavier weight would not compile: the constant would be negative.
const _ = uint(1<<rawWeightBits - 1 - weightName)

// pack sorts a term's raw postings and sums the weights of each document.
func pack(list []uint32) termList {
	slices.Sort(list)
	var out termList
	var buf [2 * binary.MaxVarintLen64]byte
	prev := uint64(0)
	for i := 0; i < len(list); {
		doc, w := uint64(list[i]>>rawWeightBits), uint64(0)
		for ; i < len(list) && uint64(list[i]>>rawWeightBits) == doc; i++ {
			w += uint64(list[i] & (1<<rawWeightBits - 1))
		}
		n := binary.PutUvarint(buf[:], doc-prev)
		n += binary.PutUvarint(buf[n:], w)
		out.packed = append(out.packed, buf[:n]...)
		out.docs++
		prev = doc
	}
	out.packed = slices.Clip(out.packed)
	return out
}

// terms are the lower-cased words of s, accents kept.
func terms(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

type hit struct {
	id    graph.ID
	score float64
}

// find ranks nodes by the query's words: each word's weight where it
// occurs, times its rarity (idf); every word must occur.
func find(ctx context.Context, s *searchIndex, text string, kinds map[graph.Kind]bool) ([]hit, error) {
	idx, err := s.get(ctx)
	if err != nil {
		return nil, err
	}
	words := terms(text)
	if len(words) == 0 {
		return nil, nil
	}
	n := float64(len(idx.ids))
	// scores holds the documents that have every word so far, in order.
	type scored struct {
		doc   uint32
		score float64
	}
	var scores []scored
	for i, w := range words {
		l := idx.terms.get(w)
		idf := math.Log(1 + n/float64(l.docs+1))
		var next []scored
		j := 0
		l.each(func(doc uint32, weight float64) {
			if i == 0 {
				next = append(next, scored{doc, weight * idf})
				return
			}
			for j < len(scores) && scores[j].doc < doc {
				j++
			}
			if j < len(scores) && scores[j].doc == doc {
				next = append(next, scored{doc, scores[j].score + weight*idf})
			}
		})
		scores = next
	}
	var hits []hit
	for _, sc := range scores {
		if len(kinds) == 0 || kinds[idx.kinds[sc.doc]] {
			hits = append(hits, hit{idx.ids[sc.doc], sc.score})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].id < hits[j].id
	})
	return hits, nil
}

func (b *builder) addSearch(query graphql.Fields) {
	var kinds []string
	for _, l := range listFields() {
		kinds = append(kinds, string(l.kind))
	}
	kindEnum := graphql.NewEnum(graphql.EnumConfig{Name: "NodeType", Values: enumValues(kinds)})
	span := graphql.NewObject(graphql.ObjectConfig{Name: "Highlight", Description: "Where a word of the query is in a snippet: rune (code point) offsets, end excluded.",
		Fields: graphql.Fields{
			"start": &graphql.Field{Type: graphql.NewNonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source.([2]int)[0], nil }},
			"end":   &graphql.Field{Type: graphql.NewNonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source.([2]int)[1], nil }},
		}})
	snip := func(f func(*snippet) any) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) { return f(p.Source.(*snippet)), nil }
	}
	snippetType := graphql.NewObject(graphql.ObjectConfig{Name: "Snippet",
		Description: "The text of the node holding most of the query's words: a name, alias, headline, phrase, or an evidence sentence, cut to about 160 characters around the first word found.",
		Fields: graphql.Fields{
			"field":      &graphql.Field{Type: graphql.NewNonNull(graphql.String), Description: "name, headline, alias, phrase, subtype, commodity or sentence.", Resolve: snip(func(s *snippet) any { return s.field })},
			"text":       &graphql.Field{Type: graphql.NewNonNull(graphql.String), Description: "Plain text; … where cut.", Resolve: snip(func(s *snippet) any { return s.text })},
			"highlights": &graphql.Field{Type: nonNullList(span), Resolve: snip(func(s *snippet) any { return s.highlights })},
			"html":       &graphql.Field{Type: graphql.NewNonNull(graphql.String), Description: "The text escaped for HTML, each word of the query in <mark>.", Resolve: snip(func(s *snippet) any { return s.html() })},
		}})
	hitField := func(f func(*searchHit) any) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) { return f(p.Source.(*searchHit)), nil }
	}
	hitType := graphql.NewObject(graphql.ObjectConfig{Name: "SearchHit", Fields: graphql.Fields{
		"score": &graphql.Field{Type: graphql.NewNonNull(graphql.Float), Resolve: hitField(func(h *searchHit) any { return h.score })},
		"node":  &graphql.Field{Type: graphql.NewNonNull(b.node), Resolve: hitField(func(h *searchHit) any { return h.node })},
		"type":  &graphql.Field{Type: graphql.NewNonNull(kindEnum), Resolve: hitField(func(h *searchHit) any { return string(h.node.Kind) })},
		"label": &graphql.Field{Type: graphql.NewNonNull(graphql.String), Description: "What to call the node: a name, a headline, or a figure (\"12 arrests\").",
			Resolve: hitField(func(h *searchHit) any { return graph.Label(h.node) })},
		"snippet": &graphql.Field{Type: snippetType, Description: "Where the words were found; null where only a node merged into this one holds them.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				h := p.Source.(*searchHit)
				s, err := b.snippetOf(p.Context, h.node, h.words)
				if s == nil || err != nil {
					return nil, err
				}
				return s, nil
			}},
	}})
	query["search"] = &graphql.Field{
		Type:        nonNullList(hitType),
		Description: "Nodes whose names, aliases or evidence sentences hold every word of text, best first.",
		Args: graphql.FieldConfigArgument{
			"text":  &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.String)},
			"types": &graphql.ArgumentConfig{Type: graphql.NewList(graphql.NewNonNull(kindEnum)), Description: "Only these types."},
			"first": &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 10},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			first, _ := p.Args["first"].(int)
			if first < 0 || first > maxPage {
				return nil, errInvalidf("first must be between 0 and %d, got %d", maxPage, first)
			}
			want := map[graph.Kind]bool{}
			if ts, ok := p.Args["types"].([]any); ok {
				for _, t := range ts {
					want[graph.Kind(t.(string))] = true
				}
			}
			text, _ := p.Args["text"].(string)
			hits, err := find(p.Context, b.search, text, want)
			if err != nil {
				return nil, err
			}
			q := b.requestFrom(p.Context)
			v, err := q.curation(p.Context)
			if err != nil {
				return nil, err
			}
			var ids []graph.ID
			score := map[graph.ID]float64{}
			for _, h := range hits {
				id := v.resolve(h.id)
				if _, dup := score[id]; dup || v.retracted[id] {
					continue
				}
				score[id] = h.score
				ids = append(ids, id)
				if len(ids) == first {
					break
				}
			}
			ents, err := q.entities(p.Context, ids, false)
			if err != nil {
				return nil, err
			}
			out := make([]*searchHit, 0, len(ents))
			words := terms(text)
			for _, e := range ents {
				out = append(out, &searchHit{node: e, score: math.Round(score[e.ID]*1000) / 1000, words: words})
			}
			return out, nil
		},
	}
}

// searchHit is one answer of search: the node, its score and the query's
// words, for its snippet.
type searchHit struct {
	node  *graph.Entity
	score float64
	words []string
}

func enumValues(names []string) graphql.EnumValueConfigMap {
	m := graphql.EnumValueConfigMap{}
	for _, n := range names {
		m[n] = &graphql.EnumValueConfig{Value: n}
	}
	return m
}
