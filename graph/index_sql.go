package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/jackc/pgx/v5"
)

// sqlIndex reads and writes Cayley's tables with SQL of its own (see
// sqlstore.go); Cayley's own store over the same tables is closed with it.
type sqlIndex struct {
	sql *sqlStore
	qs  cgraph.QuadStore
}

func (x sqlIndex) quadsOf(ctx context.Context, d quad.Direction, ids []ID) (map[ID][]quad.Quad, error) {
	m, err := x.sql.quadsOf(ctx, d, ids)
	return m, ctxErr(ctx, err)
}

func (x sqlIndex) referrersOf(ctx context.Context, p Predicate, ids []ID) (map[ID][]ID, error) {
	m, err := x.sql.referrersOf(ctx, p, ids)
	return m, ctxErr(ctx, err)
}

func (x sqlIndex) holders(ctx context.Context, c claim) ([]ID, error) {
	return x.sql.subjectsWith(ctx, c.pred, c.value)
}

func (x sqlIndex) apply(ctx context.Context, deltas []cgraph.Delta) error {
	return x.sql.apply(ctx, deltas)
}

// copyIn adds everything in one transaction: it is all there or not at all.
func (x sqlIndex) copyIn(ctx context.Context, each func(fn func([]quad.Quad) error) error) (int64, error) {
	var n int64
	err := x.sql.inTx(ctx, func(tx pgx.Tx) error {
		n = 0
		return each(func(batch []quad.Quad) error {
			n += int64(len(batch))
			return x.sql.bulkAdd(ctx, tx, batch)
		})
	})
	if err != nil {
		return 0, err
	}
	x.sql.analyze(ctx)
	return n, nil
}

func (x sqlIndex) eachQuad(ctx context.Context, size int, fn func([]quad.Quad) error) error {
	return x.sql.eachQuad(ctx, size, fn)
}

// quadCount counts the table's rows: Cayley caches its counts and knows
// nothing of the store's own writes.
func (x sqlIndex) quadCount(ctx context.Context) (int64, error) { return x.sql.countQuads(ctx) }

func (x sqlIndex) empty(ctx context.Context) (bool, error) { return x.sql.empty(ctx) }

// verify checks the table holds the quads read through Cayley, and the
// nodes' reference counts.
func (x sqlIndex) verify(ctx context.Context, total int) error {
	n, err := x.sql.countQuads(ctx)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if n != int64(total) {
		return fmt.Errorf("verify: %d quads in the table, %d read through cayley", n, total)
	}
	return x.sql.checkRefs(ctx)
}

func (x sqlIndex) close() error {
	x.sql.close()
	return x.qs.Close()
}
