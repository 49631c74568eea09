package graph

import (
	"context"

	"github.com/cayleygraph/quad"
)

// EachProp calls fn with the subject and value of every quad whose
// predicate is one of preds, in one pass over the store: for readers that
// need a few attributes of every node (the search index), far cheaper than
// listing the nodes and reading each. It stops at fn's first error.
func (s *Store) EachProp(ctx context.Context, preds []Predicate, fn func(subject ID, p Predicate, v any) error) error {
	want := make(map[quad.Value]Predicate, len(preds))
	for _, p := range preds {
		want[quad.IRI(p)] = p
	}
	each := func(q quad.Quad) error {
		p, ok := want[q.Predicate]
		if !ok {
			return nil
		}
		return fn(ID(iriOf(q.Subject)), p, fromValue(q.Object))
	}
	if _, cayley := s.idx.(*cayleyIndex); cayley {
		return s.EachQuad(ctx, each) // in batches that name each value once (see EachQuad)
	}
	s.scans.Lock()
	defer s.scans.Unlock()
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.idx.eachQuad(ctx, 10_000, func(qs []quad.Quad) error {
		for _, q := range qs {
			if err := each(q); err != nil {
				return err
			}
		}
		return nil
	})
}

// KindOf reads the kind named by a type link (the value of PredType).
func KindOf(v any) Kind {
	id, _ := v.(ID)
	return kindOf(id)
}
