package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Written is what WriteArticles did with one article.
type Written struct {
	Article        ID
	Added, Removed int
	Err            error // the article's own error; the others still go in
	// Generation is the store's generation (see Store.Generation) once the
	// batch's transaction committed, for an article that changed the
	// store; 0 where it did not, or the store keeps no generation.
	Generation uint64
	// Gained holds what the article added to the nodes it states, by
	// node (not its evidence, which is all its own): every attribute of a
	// node it is the first to state, the claims no other article gave one
	// already stored. Readers that keep something built from the store
	// take the article in with it, without reading what nodes held before.
	Gained map[ID][]Prop
}

// WriteArticles writes several articles in one transaction: each is read
// against the store as the articles before it in the batch leave it, so the
// result is the same as writing them one by one with WriteArticle, at the
// cost of one commit. An article that is invalid is skipped with its error;
// if the commit fails, every article fails with it and nothing is written.
func (s *Store) WriteArticles(ctx context.Context, batch []ArticleFacts) ([]Written, error) {
	out := make([]Written, len(batch))
	s.mu.Lock()
	defer s.mu.Unlock()
	ov := newOverlay()
	base := s.idx
	pre, err := prefetch(ctx, base, batch)
	if err != nil {
		return nil, fmt.Errorf("write %d articles: %w", len(batch), err)
	}
	s.idx = pendingIndex{index: base, ov: ov, pre: pre}
	defer func() { s.idx = base }()
	for i, af := range batch {
		out[i].Article = af.Article.ID
		if err := validate(af); err != nil {
			out[i].Err = err
			continue
		}
		deltas, err := s.articleDeltas(ctx, af)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			out[i].Err = fmt.Errorf("write article %s: %w", af.Article.ID, err)
			continue
		}
		for _, d := range deltas {
			ov.apply(d)
			if d.Action == cgraph.Add {
				out[i].Added++
				out[i].gained(d.Quad)
			} else {
				out[i].Removed++
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if deltas := ov.deltas(); len(deltas) > 0 {
		s.idx = base // the commit reads the store itself
		if err := s.applyDeltas(ctx, deltas); err != nil {
			return nil, fmt.Errorf("write %d articles: %w", len(batch), err)
		}
		// Read under the write lock: the one transaction since is the batch's.
		if gen, err := s.gen.current(ctx); err == nil {
			for i := range out {
				if out[i].Err == nil && out[i].Added+out[i].Removed > 0 {
					out[i].Generation = gen
				}
			}
		}
	}
	return out, nil
}

var evidencePrefix = KindEvidence.IRIPrefix()

// gained notes a quad the article adds, unless to its own evidence.
func (w *Written) gained(q quad.Quad) {
	subj := ID(iriOf(q.Subject))
	if strings.HasPrefix(string(subj), evidencePrefix) {
		return
	}
	if w.Gained == nil {
		w.Gained = map[ID][]Prop{}
	}
	w.Gained[subj] = append(w.Gained[subj], Prop{Pred: Predicate(iriOf(q.Predicate)), Value: fromValue(q.Object)})
}

// prefetch reads, in one go, what the batch's articles will read of the
// store as it is before the batch (articleDeltas): the quads of each
// article, node and piece of evidence they state, and those pointing to
// each article. Read one article at a time, on PostgreSQL that was a
// handful of round trips an article.
func prefetch(ctx context.Context, x index, batch []ArticleFacts) (map[quad.Direction]map[ID][]quad.Quad, error) {
	var subjects, articles []ID
	seen := map[ID]bool{}
	add := func(id ID) {
		if !seen[id] {
			seen[id] = true
			subjects = append(subjects, id)
		}
	}
	for _, af := range batch {
		if validate(af) != nil {
			continue
		}
		articles = append(articles, af.Article.ID)
		add(af.Article.ID)
		for _, n := range af.Nodes {
			add(n.ID)
			for _, e := range n.Evidence {
				add(EvidenceID(af.Article.ID, n.ID, e.Start, e.End))
			}
		}
	}
	out := map[quad.Direction]map[ID][]quad.Quad{}
	for d, ids := range map[quad.Direction][]ID{quad.Subject: subjects, quad.Object: articles} {
		got, err := x.quadsOf(ctx, d, ids)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if _, ok := got[id]; !ok {
				got[id] = nil // read: none
			}
		}
		out[d] = got
	}
	return out, nil
}

// overlay holds the changes of a batch not yet committed, relative to the
// store, indexed so the batch's reads can see them.
type overlay struct {
	net       map[quad.Quad]cgraph.Procedure // +1 added, -1 removed
	bySubject map[quad.Value]map[quad.Quad]bool
	byObject  map[quad.Value]map[quad.Quad]bool
}

func newOverlay() *overlay {
	return &overlay{net: map[quad.Quad]cgraph.Procedure{}, bySubject: map[quad.Value]map[quad.Quad]bool{},
		byObject: map[quad.Value]map[quad.Quad]bool{}}
}

func (o *overlay) apply(d cgraph.Delta) {
	q := d.Quad
	if o.net[q] == -d.Action { // undoes an earlier change of the batch
		delete(o.net, q)
	} else {
		o.net[q] = d.Action
	}
	for _, idx := range []struct {
		m map[quad.Value]map[quad.Quad]bool
		v quad.Value
	}{{o.bySubject, q.Subject}, {o.byObject, q.Object}} {
		if idx.m[idx.v] == nil {
			idx.m[idx.v] = map[quad.Quad]bool{}
		}
		idx.m[idx.v][q] = true
	}
}

// adjust returns stored (the quads with v in direction d) as the batch
// leaves them.
func (o *overlay) adjust(d quad.Direction, v quad.Value, stored []quad.Quad) []quad.Quad {
	idx := o.bySubject
	if d == quad.Object {
		idx = o.byObject
	}
	changed := idx[v]
	if len(changed) == 0 {
		return stored
	}
	out := make([]quad.Quad, 0, len(stored)+len(changed))
	have := make(map[quad.Quad]bool, len(stored))
	for _, q := range stored {
		have[q] = true
		if o.net[q] != cgraph.Delete {
			out = append(out, q)
		}
	}
	for q := range changed {
		if o.net[q] == cgraph.Add && !have[q] {
			out = append(out, q)
		}
	}
	return out
}

// deltas is the batch's net change, in a stable order.
func (o *overlay) deltas() []cgraph.Delta {
	type keyed struct {
		key string // the quad as text: made once a quad, not at every comparison of the sort
		d   cgraph.Delta
	}
	ks := make([]keyed, 0, len(o.net))
	for q, a := range o.net {
		ks = append(ks, keyed{q.String(), cgraph.Delta{Quad: q, Action: a}})
	}
	slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	out := make([]cgraph.Delta, len(ks))
	for i, k := range ks {
		out[i] = k.d
	}
	return out
}
