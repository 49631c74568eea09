package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// cayleyIndex reads through Cayley's iterators, with a cache of the quads
// read (this Store is the only writer), and writes with its ApplyDeltas.
type cayleyIndex struct {
	qs     cgraph.QuadStore
	cache  *quadCache
	mapped *fileMapping // Bolt's: nil on memstore
	wrote  func()       // counts a write where the backend does not (memstore)
}

func (x *cayleyIndex) quadsOf(ctx context.Context, d quad.Direction, ids []ID) (map[ID][]quad.Quad, error) {
	out := make(map[ID][]quad.Quad, len(ids))
	for i, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		// Reads served from the cache never reach an iterator that would
		// see the context end: a read of 50,000 nodes stops here instead.
		if i%256 == 255 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		qs, err := x.quadsBy(ctx, d, quad.IRI(id))
		if err != nil {
			return nil, err
		}
		out[id] = qs
	}
	return out, nil
}

// referrersOf is referrersFromQuads, sorted, with the answers kept beside
// the objects' cached quads: a page of 50 operations sorted the same
// lists of the same nodes again on every request. The lists are shared:
// they end at their length, and callers never change them.
func (x *cayleyIndex) referrersOf(ctx context.Context, p Predicate, ids []ID) (map[ID][]ID, error) {
	out := make(map[ID][]ID, len(ids))
	miss := x.cache.referrers(p, ids, out)
	if len(miss) == 0 {
		return out, nil
	}
	byObject, err := x.quadsOf(ctx, quad.Object, miss)
	if err != nil {
		return nil, err
	}
	for id, qs := range byObject {
		var refs []ID // as referrersFromQuads reads them
		for _, q := range qs {
			if Predicate(iriOf(q.Predicate)) == p {
				refs = append(refs, ID(iriOf(q.Subject)))
			}
		}
		sort.Slice(refs, func(i, j int) bool { return refs[i] < refs[j] })
		refs = slices.Clip(refs)
		x.cache.keepReferrers(id, qs, p, refs)
		if len(refs) > 0 {
			out[id] = refs
		}
	}
	return out, nil
}

func (x *cayleyIndex) holders(ctx context.Context, c claim) ([]ID, error) {
	qs, err := x.quadsBy(ctx, quad.Object, c.value)
	if err != nil {
		return nil, err
	}
	return subjectsOf(qs, c.pred), nil
}

// quadsBy returns the quads that have v in direction d.
func (x *cayleyIndex) quadsBy(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	if qs, ok := x.cache.get(d, v); ok {
		return qs, nil
	}
	ref, err := x.qs.ValueOf(v)
	if err != nil {
		return nil, err
	}
	if ref == nil {
		return nil, nil
	}
	it := x.qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := x.qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		out = append(out, q)
		x.mapped.readQuads(1)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	// A cancelled context ends Cayley's iteration with no error and partial results.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if ctx.Value(scanKey{}) == nil {
		x.cache.put(d, v, out)
	}
	return out, nil
}

func (x *cayleyIndex) apply(ctx context.Context, deltas []cgraph.Delta) error {
	defer x.cache.invalidate(deltas) // after the write, whether or not it failed half-way
	defer x.wrote()
	return x.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
}

// copyIn writes each batch in a transaction of its own.
func (x *cayleyIndex) copyIn(ctx context.Context, each func(fn func([]quad.Quad) error) error) (int64, error) {
	var n int64
	err := each(func(batch []quad.Quad) error {
		deltas := make([]cgraph.Delta, len(batch))
		for i, q := range batch {
			deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
		}
		if err := x.apply(ctx, deltas); err != nil {
			return err
		}
		n += int64(len(batch))
		return nil
	})
	return n, err
}

func (x *cayleyIndex) eachQuad(ctx context.Context, size int, fn func([]quad.Quad) error) error {
	it := x.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	batch := make([]quad.Quad, 0, size)
	for it.Next(ctx) {
		q, err := x.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		batch = append(batch, q)
		if len(batch) == size {
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

// quadCount reads the count Cayley keeps, exact.
func (x *cayleyIndex) quadCount(ctx context.Context) (int64, error) {
	st, err := x.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil // a Bolt store nothing was written to yet
	}
	if err != nil {
		return 0, err
	}
	if !st.Quads.Exact {
		if st, err = x.qs.Stats(ctx, true); err != nil {
			return 0, err
		}
	}
	return st.Quads.Value, nil
}

func (x *cayleyIndex) empty(ctx context.Context) (bool, error) {
	n, err := x.quadCount(ctx)
	return n == 0, err
}

func (x *cayleyIndex) verify(context.Context, int) error { return nil }

func (x *cayleyIndex) close() error {
	x.mapped.close()
	return x.qs.Close()
}
