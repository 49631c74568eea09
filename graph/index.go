package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// index is how the Store reads and writes its quads: through Cayley's
// iterators (cayleyIndex: memstore, Bolt) or with SQL of its own
// (sqlIndex: PostgreSQL, CockroachDB). While WriteArticles computes a
// batch, reads go through a pendingIndex over it, which adds the batch's
// uncommitted changes. The Store holds its lock around every call.
type index interface {
	// quadsOf returns, for each of ids, the quads that have it in
	// direction d (none: no entry, or an empty one).
	quadsOf(ctx context.Context, d quad.Direction, ids []ID) (map[ID][]quad.Quad, error)
	// referrersOf returns, for each of ids, the subjects of the quads
	// (subject, p, id), in no order.
	referrersOf(ctx context.Context, p Predicate, ids []ID) (map[ID][]ID, error)
	// holders returns the subjects of the quads (subject, c.pred, c.value).
	holders(ctx context.Context, c claim) ([]ID, error)
	// apply makes the changes in one transaction.
	apply(ctx context.Context, deltas []cgraph.Delta) error
	// copyIn adds every quad each hands over, into an empty store.
	copyIn(ctx context.Context, each func(fn func([]quad.Quad) error) error) (int64, error)
	// eachQuad hands every quad to fn, in batches of up to size.
	eachQuad(ctx context.Context, size int, fn func([]quad.Quad) error) error
	// quadCount counts the quads; empty reports whether there are none.
	quadCount(ctx context.Context) (int64, error)
	empty(ctx context.Context) (bool, error)
	// verify checks what the backend keeps beside the quads Cayley reads
	// (total quads read through Cayley): nothing to check on Cayley's own.
	verify(ctx context.Context, total int) error
	close() error
}

// referrersFromQuads is referrersOf read from the quads with each id as
// their object, where the backend has no quicker way.
func referrersFromQuads(ctx context.Context, x index, p Predicate, ids []ID) (map[ID][]ID, error) {
	byObject, err := x.quadsOf(ctx, quad.Object, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[ID][]ID, len(ids))
	for id, qs := range byObject {
		for _, q := range qs {
			if Predicate(iriOf(q.Predicate)) == p {
				out[id] = append(out[id], ID(iriOf(q.Subject)))
			}
		}
	}
	return out, nil
}

// subjectsOf are the IRI subjects of the quads with predicate p.
func subjectsOf(qs []quad.Quad, p quad.Value) []ID {
	var out []ID
	for _, q := range qs {
		if q.Predicate == p {
			out = append(out, ID(iriOf(q.Subject)))
		}
	}
	return out
}

// pendingIndex reads base as a batch's uncommitted changes (ov) leave it.
// It never writes: the commit goes to base. pre holds what was read of
// base before the batch (prefetch), which the batch does not change.
type pendingIndex struct {
	index
	ov  *overlay
	pre map[quad.Direction]map[ID][]quad.Quad
}

func (x pendingIndex) quadsOf(ctx context.Context, d quad.Direction, ids []ID) (map[ID][]quad.Quad, error) {
	m := make(map[ID][]quad.Quad, len(ids))
	var missing []ID
	for _, id := range ids {
		if qs, ok := x.pre[d][id]; ok {
			m[id] = qs
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		got, err := x.index.quadsOf(ctx, d, missing)
		if err != nil {
			return nil, err
		}
		for id, qs := range got {
			m[id] = qs
		}
	}
	for _, id := range ids {
		m[id] = x.ov.adjust(d, quad.IRI(id), m[id])
	}
	return m, nil
}

func (x pendingIndex) referrersOf(ctx context.Context, p Predicate, ids []ID) (map[ID][]ID, error) {
	return referrersFromQuads(ctx, x, p, ids)
}

func (x pendingIndex) holders(ctx context.Context, c claim) ([]ID, error) {
	ids, err := x.index.holders(ctx, c)
	if err != nil {
		return nil, err
	}
	qs := make([]quad.Quad, len(ids))
	for i, id := range ids {
		qs[i] = quad.Make(quad.IRI(id), c.pred, c.value, nil)
	}
	return subjectsOf(x.ov.adjust(quad.Object, c.value, qs), c.pred), nil
}

// ctxErr puts the context's end, where it has ended, in front of err: a
// driver's error for a cancelled query then matches context.Canceled.
func ctxErr(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("%w: %w", ctx.Err(), err)
	}
	return err
}
