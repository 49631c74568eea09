package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/jackc/pgx/v5"
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
	have, err := dst.countQuads(ctx)
	if err != nil {
		return 0, fmt.Errorf("copy: %w", err)
	}
	if have > 0 {
		return 0, fmt.Errorf("copy: destination holds %d quads: %w", have, ErrNotEmpty)
	}
	var n int64
	if dst.sql != nil {
		err = dst.sql.inTx(ctx, func(tx pgx.Tx) error {
			n = 0
			return s.eachQuad(ctx, func(batch []quad.Quad) error {
				n += int64(len(batch))
				return dst.sql.bulkAdd(ctx, tx, batch)
			})
		})
	} else {
		err = s.eachQuad(ctx, func(batch []quad.Quad) error {
			deltas := make([]cgraph.Delta, len(batch))
			for i, q := range batch {
				deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
			}
			err := dst.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
			dst.cache.invalidate(deltas)
			if err != nil {
				return err
			}
			n += int64(len(batch))
			return nil
		})
	}
	if err != nil {
		return 0, fmt.Errorf("copy %s to %s: %w", s.backend, dst.backend, noSpace(err))
	}
	if dst.sql != nil {
		dst.sql.analyze(ctx)
	}
	return n, nil
}

// countQuads counts the quads stored (on Bolt and memstore, 0 or 1: enough
// to tell an empty store). The caller holds s.mu.
func (s *Store) countQuads(ctx context.Context) (int64, error) {
	if s.sql != nil {
		return s.sql.countQuads(ctx)
	}
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	if it.Next(ctx) {
		return 1, nil
	}
	if err := it.Err(); err != nil {
		return 0, fmt.Errorf("count quads: %w", err)
	}
	return 0, ctx.Err()
}

// eachQuad hands every stored quad to fn, in batches of up to copyBatch.
// The caller holds s.mu.
func (s *Store) eachQuad(ctx context.Context, fn func([]quad.Quad) error) error {
	if s.sql != nil {
		return s.sql.eachQuad(ctx, copyBatch, fn)
	}
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	batch := make([]quad.Quad, 0, copyBatch)
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		batch = append(batch, q)
		if len(batch) == copyBatch {
			if err := fn(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		return fn(batch)
	}
	return nil
}
