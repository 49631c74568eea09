package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"
)

// Hooks for the external tests in store_test.go.

// CayleyApply writes through Cayley's own ApplyDeltas, bypassing the store.
func CayleyApply(s *Store, add, del []quad.Quad) error {
	var deltas []cgraph.Delta
	for _, q := range add {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	for _, q := range del {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	defer s.cache.invalidate(deltas)
	return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
}

// SubjectQuads reads the quads of a subject the way the store does.
func SubjectQuads(ctx context.Context, s *Store, id ID) ([]quad.Quad, error) {
	return s.subjectQuads(ctx, id)
}

// BreakRefs adds one to the reference count of the node of v (SQL backends only).
func BreakRefs(ctx context.Context, s *Store, v quad.Value) error {
	_, err := s.idx.(sqlIndex).sql.pool.Exec(ctx, `UPDATE nodes SET refs = refs + 1 WHERE hash = $1`, hashOf(v))
	return err
}

// CayleyTwoHop walks from a node in along `in` and out along `out` with
// Cayley's path query: how a 2-hop read goes through Cayley's iterators.
func CayleyTwoHop(ctx context.Context, s *Store, from ID, in, out Predicate) ([]quad.Value, error) {
	p := path.StartPath(s.qs, quad.IRI(from)).In(quad.IRI(in)).Out(quad.IRI(out))
	return p.Iterate(ctx).AllValues(s.qs)
}

// KeepNoKindLists drops the lists of kinds the store keeps and what
// ReferrersOfKind kept, so that it reads type links until List keeps the
// lists again.
func KeepNoKindLists(s *Store) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	clear(s.cache.kinds)
	s.cache.typeGen++
}

// KeptKindList reports how many IDs the store keeps for kind k, and
// whether it keeps a list for it at all.
func KeptKindList(s *Store, k Kind) (int, bool) {
	ids, ok := s.cache.kindList(quad.IRI(kindIRI(k)))
	return len(ids), ok
}
