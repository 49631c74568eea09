package schema

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
)

// stallingReader holds its first Get until the request's context ends;
// like the request's own caches (a node read once is not read again), it
// answers whatever the context. It counts the reads started after the
// deadline: work nobody will see.
type stallingReader struct {
	*graph.Store
	stalled   atomic.Bool
	lateReads atomic.Int64
}

func (r *stallingReader) late(ctx context.Context) {
	if ctx.Err() != nil {
		r.lateReads.Add(1)
	}
}

func (r *stallingReader) Get(ctx context.Context, ids ...graph.ID) (map[graph.ID]*graph.Entity, error) {
	r.late(ctx)
	if r.stalled.CompareAndSwap(false, true) {
		<-ctx.Done()
	}
	return r.Store.Get(context.WithoutCancel(ctx), ids...)
}

func (r *stallingReader) List(ctx context.Context, k graph.Kind) ([]graph.ID, error) {
	r.late(ctx)
	return r.Store.List(context.WithoutCancel(ctx), k)
}

func (r *stallingReader) Referrers(ctx context.Context, p graph.Predicate, ids ...graph.ID) (map[graph.ID][]graph.ID, error) {
	r.late(ctx)
	return r.Store.Referrers(context.WithoutCancel(ctx), p, ids...)
}

// TestTimeoutStopsTheWork runs 100 aliased conflicts, each reading the
// facts, with a first read that lasts past the deadline: the answer says
// the request timed out, and no resolver reads the store after that. The
// handler answers only once graphql-go's executor has stopped, so the count
// is complete when the answer comes. (graphql-go alone answered at the
// deadline and let the other 99 run on: up to 199 late reads, of which
// this test counted 37 to 199 by the time the answer was read.)
func TestTimeoutStopsTheWork(t *testing.T) {
	st := memStore(t)
	writeArrest(t, st, 3)
	r := &stallingReader{Store: st}
	_, srv := testServer(t, st, func(c *ServerConfig) {
		c.Reader = r
		c.Timeout = 20 * time.Millisecond // the stalled read waits for it, whatever it is
	})
	var q strings.Builder
	q.WriteString("{")
	for i := range 100 {
		fmt.Fprintf(&q, ` a%d: conflicts { kind }`, i)
	}
	q.WriteString(" }")
	res := ask(t, srv, "", q.String(), nil)
	if !strings.Contains(string(res.raw), "request timed out") {
		t.Errorf("HTTP %d %s, want a timeout", res.status, res.raw)
	}
	if n := r.lateReads.Load(); n > 1 { // one resolver may have checked just before the deadline
		t.Errorf("%d store reads started after the deadline", n)
	}
}

// committingCurator lets its first change run past the request's deadline.
type committingCurator struct {
	*graph.Store
	writes atomic.Int64
}

func (c *committingCurator) WriteChange(ctx context.Context, ch graph.Change) (graph.ID, error) {
	if c.writes.Add(1) == 1 {
		if req, ok := ctx.Value(mutationCtxKey{}).(context.Context); ok {
			<-req.Done() // the client's time is up while the change is being made
		}
	}
	return c.Store.WriteChange(ctx, ch)
}

// TestMutationCompletesOrIsNotApplied sends two retractions in one
// request; the first takes the request past its deadline. Both are made
// and the answer says so, with no "timed out" (graphql-go alone answered
// "request timed out" and committed them anyway). A mutation whose request
// is out of time before it starts is not applied, and the answer says that.
func TestMutationCompletesOrIsNotApplied(t *testing.T) {
	const retract = `mutation($a: ID!, $b: ID!) {
		first: retractFact(id: $a, reason: "dup") { target }
		second: retractFact(id: $b, reason: "dup") { target } }`
	t.Run("out of time half-way", func(t *testing.T) {
		st := memStore(t)
		a, b := writeArrest(t, st, 1), writeArrest(t, st, 2)
		cur := &committingCurator{Store: st}
		_, srv := testServer(t, st, func(c *ServerConfig) {
			c.Curator = cur
			c.Timeout = 20 * time.Millisecond // the first change waits for it, whatever it is
		})
		res := ask(t, srv, testToken, retract, map[string]any{"a": a, "b": b})
		if res.status != 200 || len(res.Errors) > 0 || fmt.Sprint(res.Data) != fmt.Sprintf("map[first:map[target:%s] second:map[target:%s]]", a, b) {
			t.Errorf("HTTP %d %s, want both changes in the answer", res.status, res.raw)
		}
		changes := ask(t, srv, "", `{ changes { target } }`, nil)
		if got := len(changes.Data["changes"].([]any)); got != 2 {
			t.Errorf("the store holds %d changes, want 2: %s", got, changes.raw)
		}
	})
	t.Run("out of time before it starts", func(t *testing.T) {
		st := memStore(t)
		a, b := writeArrest(t, st, 1), writeArrest(t, st, 2)
		_, srv := testServer(t, st, func(c *ServerConfig) { c.Timeout = time.Nanosecond })
		res := ask(t, srv, testToken, retract, map[string]any{"a": a, "b": b})
		if res.status != 503 || !strings.Contains(res.message(), "nothing was changed") {
			t.Errorf("HTTP %d %s, want 503 saying nothing was changed", res.status, res.raw)
		}
		_, srv = testServer(t, st, nil)
		changes := ask(t, srv, "", `{ changes { target } }`, nil)
		if got := len(changes.Data["changes"].([]any)); got != 0 {
			t.Errorf("the store holds %d changes, want none: %s", got, changes.raw)
		}
	})
}
