package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"
)

// copyBatch is how many quads CopyTo reads and writes at a time.
const copyBatch = 10000

// CopyTo copies every quad of s into dst, which must hold none yet
// (ErrNotEmpty otherwise), and returns how many it copied. Quads carry all
// of a graph, evidence included, so dst ends up answering as s does.
//
// Into a SQL backend the copy is one transaction, written in bulk (COPY on
// PostgreSQL): it is all there or not at all. Into Bolt or memstore each
// batch of 10,000 quads is its own transaction, so a failed copy leaves part
// of the graph behind: empty dst before trying again.
func (s *Store) CopyTo(ctx context.Context, dst *Store) (int64, error) {
	if s == dst {
		return 0, fmt.Errorf("copy: %w: source and destination are the same store", ErrInvalid)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	dst.mu.Lock()
	defer dst.mu.Unlock()
	empty, err := dst.idx.empty(ctx)
	if err != nil {
		return 0, fmt.Errorf("copy: %w", err)
	}
	if !empty {
		return 0, fmt.Errorf("copy: destination holds quads: %w", ErrNotEmpty)
	}
	n, err := dst.idx.copyIn(ctx, func(fn func([]quad.Quad) error) error {
		return s.idx.eachQuad(ctx, copyBatch, fn)
	})
	if err != nil {
		return 0, fmt.Errorf("copy %s to %s: %w", s.backend, dst.backend, noSpace(err))
	}
	return n, nil
}
