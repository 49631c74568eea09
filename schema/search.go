package schema

import (
	"context"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// searchIndex is an inverted index over names, aliases, headlines and
// evidence sentences, kept in memory beside the store (Cayley has no text
// index). It is built on first use and rebuilt after the store changes.
type searchIndex struct {
	r  Reader
	mu sync.Mutex
	// stale is set by writes made through this process (mutations,
	// watched folders); the next search rebuilds.
	stale    bool
	built    bool
	postings map[string]map[graph.ID]float64 // term -> node -> weight
	kinds    map[graph.ID]graph.Kind
}

// Weights of where a word occurs: a hit in a name counts most.
const (
	weightName     = 3
	weightAlias    = 2
	weightSentence = 1
)

func newSearchIndex(r Reader) *searchIndex { return &searchIndex{r: r} }

// invalidate marks the index out of step with the store.
func (s *searchIndex) invalidate() {
	s.mu.Lock()
	s.stale = true
	s.mu.Unlock()
}

func (s *searchIndex) ensure(ctx context.Context) error {
	if s.built && !s.stale {
		return nil
	}
	postings := map[string]map[graph.ID]float64{}
	kinds := map[graph.ID]graph.Kind{}
	add := func(id graph.ID, text string, w float64) {
		for _, t := range terms(text) {
			if postings[t] == nil {
				postings[t] = map[graph.ID]float64{}
			}
			postings[t][id] += w
		}
	}
	for _, k := range append([]graph.Kind{graph.KindArticle}, graph.FactKinds...) {
		if k == graph.KindRelation {
			continue
		}
		ids, err := s.r.List(ctx, k)
		if err != nil {
			return err
		}
		got, err := s.r.Get(ctx, ids...)
		if err != nil {
			return err
		}
		for id, e := range got {
			kinds[id] = k
			add(id, e.String(graph.PredName), weightName)
			add(id, e.String(graph.PredHeadline), weightName)
			for _, a := range e.Strings(graph.PredAlias) {
				add(id, a, weightAlias)
			}
			for _, p := range e.Strings(graph.PredPhrase) {
				add(id, p, weightAlias)
			}
			add(id, e.String(graph.PredSubtype)+" "+e.String(graph.PredCommodity), weightAlias)
		}
	}
	evs, err := s.r.List(ctx, graph.KindEvidence)
	if err != nil {
		return err
	}
	got, err := s.r.Get(ctx, evs...)
	if err != nil {
		return err
	}
	for _, e := range got {
		if target := e.Link(graph.PredSupports); kinds[target] != "" {
			add(target, e.String(graph.PredSentence), weightSentence)
		}
	}
	s.postings, s.kinds, s.built, s.stale = postings, kinds, true, false
	return nil
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
func (s *searchIndex) find(ctx context.Context, text string, kinds map[graph.Kind]bool) ([]hit, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.ensure(ctx); err != nil {
		return nil, err
	}
	words := terms(text)
	if len(words) == 0 {
		return nil, nil
	}
	n := float64(len(s.kinds))
	scores := map[graph.ID]float64{}
	for i, w := range words {
		ps := s.postings[w]
		idf := math.Log(1 + n/float64(len(ps)+1))
		next := map[graph.ID]float64{}
		for id, weight := range ps {
			if i > 0 {
				if _, ok := scores[id]; !ok {
					continue
				}
			}
			next[id] = scores[id] + weight*idf
		}
		scores = next
	}
	var hits []hit
	for id, sc := range scores {
		if len(kinds) == 0 || kinds[s.kinds[id]] {
			hits = append(hits, hit{id, sc})
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
	for _, l := range listFields {
		kinds = append(kinds, string(l.kind))
	}
	kindEnum := graphql.NewEnum(graphql.EnumConfig{Name: "NodeType", Values: enumValues(kinds)})
	hitType := graphql.NewObject(graphql.ObjectConfig{Name: "SearchHit", Fields: graphql.Fields{
		"score": &graphql.Field{Type: graphql.NewNonNull(graphql.Float)},
		"node":  &graphql.Field{Type: graphql.NewNonNull(b.node)},
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
			hits, err := b.search.find(p.Context, text, want)
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
			out := make([]map[string]any, 0, len(ents))
			for _, e := range ents {
				out = append(out, map[string]any{"score": math.Round(score[e.ID]*1000) / 1000, "node": e})
			}
			return out, nil
		},
	}
}

func enumValues(names []string) graphql.EnumValueConfigMap {
	m := graphql.EnumValueConfigMap{}
	for _, n := range names {
		m[n] = &graphql.EnumValueConfig{Value: n}
	}
	return m
}
