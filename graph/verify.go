package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"
)

// Verify reads the whole store back through Cayley's own iterators and
// checks that the store's reads give the same quads. On the SQL backends,
// whose reads and writes bypass Cayley, it also checks that every node's
// reference count is what Cayley would have kept, so Cayley can go on
// writing to and deleting from what the store wrote. It returns nil for a
// consistent store, an error naming the first difference otherwise.
//
// It reads everything, one Cayley query per subject: for tests and checks
// after a migration, not for serving.
func (s *Store) Verify(ctx context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	all := map[quad.Quad]int{}
	bySubject := map[ID]bool{}
	it := s.qs.QuadsAllIterator().Iterate()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			it.Close()
			return fmt.Errorf("verify: read quad through cayley: %w", err)
		}
		all[q]++
		bySubject[ID(iriOf(q.Subject))] = true
	}
	err := it.Err()
	it.Close()
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("verify: read all quads through cayley: %w", err)
	}
	subjects := make([]ID, 0, len(bySubject))
	for id := range bySubject {
		subjects = append(subjects, id)
	}
	sort.Slice(subjects, func(i, j int) bool { return subjects[i] < subjects[j] })

	fast, err := s.quadsOf(ctx, quad.Subject, subjects)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	for _, id := range subjects {
		viaCayley, err := s.cayleyQuads(ctx, quad.Subject, quad.IRI(id))
		if err != nil {
			return fmt.Errorf("verify: cayley's quad iterator on %s: %w", id, err)
		}
		if err := sameQuads(viaCayley, fast[id]); err != nil {
			return fmt.Errorf("verify: quads of %s: %w", id, err)
		}
		for _, q := range viaCayley {
			all[q]--
		}
	}
	for q, n := range all {
		if n != 0 {
			return fmt.Errorf("verify: quad %v: all-quads iterator and subject iterators disagree by %d", q, n)
		}
	}
	var total int
	for _, qs := range fast {
		total += len(qs)
	}
	return s.idx.verify(ctx, total)
}

// sameQuads reports the first difference between two lists of quads taken as sets.
func sameQuads(want, got []quad.Quad) error {
	w := make(map[quad.Quad]bool, len(want))
	for _, q := range want {
		w[q] = true
	}
	g := make(map[quad.Quad]bool, len(got))
	for _, q := range got {
		g[q] = true
		if !w[q] {
			return fmt.Errorf("store read %v, cayley did not", q)
		}
	}
	for q := range w {
		if !g[q] {
			return fmt.Errorf("cayley read %v, the store did not", q)
		}
	}
	if len(want) != len(got) {
		return fmt.Errorf("cayley read %d quads, the store %d", len(want), len(got))
	}
	return nil
}
