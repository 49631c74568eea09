package schema

import (
	"context"
	"fmt"
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
// index). It is built in the background, and built again after each change
// the server hears of (mutations, watched folders); a search waits for the
// build in flight as long as its request allows, then answers from the last
// complete index.
type searchIndex struct {
	r  Reader
	mu sync.Mutex
	// current is the last complete index (nil before the first); it
	// reflects the changes up to builtGen of gen.
	current       *postings
	gen, builtGen uint64
	building      chan struct{} // closed when the build in flight ends
	buildErr      error
}

// postings maps each term to the nodes holding it, with weights.
type postings struct {
	terms map[string]map[graph.ID]float64
	kinds map[graph.ID]graph.Kind
}

// Weights of where a word occurs: a hit in a name counts most.
const (
	weightName     = 3
	weightAlias    = 2
	weightSentence = 1
)

func newSearchIndex(r Reader) *searchIndex { return &searchIndex{r: r, gen: 1} }

// invalidate marks the index out of step with the store and starts a rebuild.
func (s *searchIndex) invalidate() {
	s.mu.Lock()
	s.gen++
	s.startLocked()
	s.mu.Unlock()
}

// warm starts the first build without waiting for a search to ask.
func (s *searchIndex) warm() {
	s.mu.Lock()
	s.startLocked()
	s.mu.Unlock()
}

// startLocked starts a build unless one is running; a build that ends
// behind the latest change starts another. s.mu is held.
func (s *searchIndex) startLocked() {
	if s.building != nil || (s.current != nil && s.builtGen == s.gen) {
		return
	}
	done, gen := make(chan struct{}), s.gen
	s.building = done
	go func() {
		// Not a request's context: the build outlives the search that started it.
		idx, err := buildPostings(context.Background(), s.r)
		s.mu.Lock()
		defer s.mu.Unlock()
		s.building, s.buildErr = nil, err
		if err == nil {
			s.current, s.builtGen = idx, gen
			s.startLocked()
		}
		close(done)
	}()
}

// index returns an index in step with the store, waiting for a build as
// long as ctx allows; past that, the last complete one.
func (s *searchIndex) index(ctx context.Context) (*postings, error) {
	for {
		s.mu.Lock()
		s.startLocked()
		cur, fresh, wait, err := s.current, s.current != nil && s.builtGen == s.gen, s.building, s.buildErr
		s.mu.Unlock()
		if fresh {
			return cur, nil
		}
		if wait == nil {
			if err != nil {
				return nil, err
			}
			continue
		}
		select {
		case <-wait:
			s.mu.Lock()
			err := s.buildErr
			s.mu.Unlock()
			if err != nil {
				return nil, err
			}
		case <-ctx.Done():
			if cur != nil {
				return cur, nil // a little behind the store, but an answer
			}
			return nil, fmt.Errorf("%w: the search index is still being built; try again in a moment", errUnavailable)
		}
	}
}

// indexedPredicates are what the index reads, and each one's weight.
var indexedPredicates = map[graph.Predicate]float64{
	graph.PredName: weightName, graph.PredHeadline: weightName, graph.PredAlias: weightAlias,
	graph.PredPhrase: weightAlias, graph.PredSubtype: weightAlias, graph.PredCommodity: weightAlias,
}

// buildPostings builds the index in one pass over the store: the kind of
// each node, its texts, and each evidence sentence with the node it supports.
func buildPostings(ctx context.Context, sc Reader) (*postings, error) {
	idx := &postings{terms: map[string]map[graph.ID]float64{}, kinds: map[graph.ID]graph.Kind{}}
	indexed := map[graph.Kind]bool{graph.KindArticle: true}
	for _, k := range graph.FactKinds {
		indexed[k] = k != graph.KindRelation
	}
	type text struct {
		id graph.ID
		s  string
		w  float64
	}
	var texts []text
	sentence := map[graph.ID]string{}
	supports := map[graph.ID]graph.ID{}
	preds := []graph.Predicate{graph.PredType, graph.PredSentence, graph.PredSupports}
	for p := range indexedPredicates {
		preds = append(preds, p)
	}
	err := sc.EachProp(ctx, preds, func(id graph.ID, p graph.Predicate, v any) error {
		switch p {
		case graph.PredType:
			if k := graph.KindOf(v); indexed[k] {
				idx.kinds[id] = k
			}
		case graph.PredSentence:
			sentence[id], _ = v.(string)
		case graph.PredSupports:
			supports[id], _ = v.(graph.ID)
		default:
			if s, ok := v.(string); ok {
				texts = append(texts, text{id, s, indexedPredicates[p]})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	add := func(id graph.ID, s string, w float64) {
		if idx.kinds[id] == "" {
			return // evidence, relations, changes: not searched themselves
		}
		for _, t := range terms(s) {
			if idx.terms[t] == nil {
				idx.terms[t] = map[graph.ID]float64{}
			}
			idx.terms[t][id] += w
		}
	}
	for _, t := range texts {
		add(t.id, t.s, t.w)
	}
	for ev, s := range sentence {
		add(supports[ev], s, weightSentence)
	}
	return idx, nil
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
	idx, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	words := terms(text)
	if len(words) == 0 {
		return nil, nil
	}
	n := float64(len(idx.kinds))
	scores := map[graph.ID]float64{}
	for i, w := range words {
		ps := idx.terms[w]
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
		if len(kinds) == 0 || kinds[idx.kinds[id]] {
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
