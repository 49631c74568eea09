package schema

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/opgraph/opgraph/graph"
)

// request is the state of one GraphQL request: its batched loaders and
// the curators' changes, read once.
type request struct {
	r Reader

	ents *batcher[graph.ID, *graph.Entity]

	mu      sync.Mutex
	refs    map[graph.Predicate]*batcher[graph.ID, []graph.ID]
	related map[relKey]*batcher[graph.ID, []*graph.Entity]

	viewOnce sync.Once
	view     *view
	viewErr  error

	sameOnce sync.Once
	same     *sameFigures // the facts read as one across articles (see same.go); nil for none

	builds map[string]buildInfo // under mu: the background builds the answer came from
}

type ctxKey struct{}

func newRequest(r Reader) *request {
	q := &request{r: r, refs: map[graph.Predicate]*batcher[graph.ID, []graph.ID]{}, related: map[relKey]*batcher[graph.ID, []*graph.Entity]{}}
	q.ents = newBatcher(func(ctx context.Context, ids []graph.ID) (map[graph.ID]*graph.Entity, error) {
		return r.Get(ctx, ids...)
	})
	return q
}

// requestFrom returns the request state in ctx; a context without one (a
// schema run outside the handler) gets a fresh one per call.
func (b *builder) requestFrom(ctx context.Context) *request {
	q, ok := ctx.Value(ctxKey{}).(*request)
	if !ok {
		q = newRequest(b.r)
	}
	q.setSame(b.sameNow())
	return q
}

// setSame fixes the facts the request reads as one; the first call wins
// (a table build sets none before it reads anything).
func (q *request) setSame(s *sameFigures) { q.sameOnce.Do(func() { q.same = s }) }

// withFixedRequest puts fresh request state into ctx that reads the given
// facts as one, whatever the last table build found.
func withFixedRequest(ctx context.Context, r Reader, s *sameFigures) context.Context {
	ctx = withRequest(ctx, r)
	requestOf(ctx).setSame(s)
	return ctx
}

// requestOf returns the request state withRequest put into ctx.
func requestOf(ctx context.Context) *request {
	q, _ := ctx.Value(ctxKey{}).(*request)
	return q
}

// withRequest puts fresh request state into ctx.
func withRequest(ctx context.Context, r Reader) context.Context {
	return context.WithValue(ctx, ctxKey{}, newRequest(r))
}

// noteBuild records that the answer used a background build.
func (q *request) noteBuild(name string, info buildInfo) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.builds == nil {
		q.builds = map[string]buildInfo{}
	}
	q.builds[name] = info
}

// buildsUsed returns the background builds the answer came from, or nil.
func (q *request) buildsUsed() map[string]buildInfo {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.builds
}

// curation returns the curators' changes, read once per request.
func (q *request) curation(ctx context.Context) (*view, error) {
	q.setSame(nil) // a request made outside requestFrom reads no facts as one
	q.viewOnce.Do(func() { q.view, q.viewErr = loadView(ctx, q.r, q.same) })
	return q.view, q.viewErr
}

// entity loads one node as curators left it: a merged node reads as the
// node it was merged into, corrections applied. A missing node is nil.
func (q *request) entity(ctx context.Context, id graph.ID) func() (*graph.Entity, error) {
	v, err := q.curation(ctx)
	if err != nil {
		return func() (*graph.Entity, error) { return nil, err }
	}
	th := q.ents.load(ctx, v.resolve(id))
	return func() (*graph.Entity, error) {
		e, err := th()
		if err != nil || e == nil {
			return nil, err
		}
		return v.apply(e), nil
	}
}

// entities loads nodes now, in order, skipping missing ones and (unless
// keepRetracted) retracted ones; merged IDs collapse into the node kept.
func (q *request) entities(ctx context.Context, ids []graph.ID, keepRetracted bool) ([]*graph.Entity, error) {
	v, err := q.curation(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[graph.ID]bool{}
	var keys []graph.ID
	for _, id := range ids {
		id = v.resolve(id)
		if !seen[id] && (keepRetracted || !v.retracted[id]) {
			seen[id] = true
			keys = append(keys, id)
		}
	}
	got, err := q.ents.loadAll(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Entity, 0, len(got))
	for _, e := range got {
		if e != nil {
			out = append(out, v.apply(e))
		}
	}
	return out, nil
}

// referrers loads, for id and the nodes merged into it, the nodes that link
// to them with p.
func (q *request) referrers(ctx context.Context, p graph.Predicate, id graph.ID) func() ([]graph.ID, error) {
	v, err := q.curation(ctx)
	if err != nil {
		return func() ([]graph.ID, error) { return nil, err }
	}
	q.mu.Lock()
	b := q.refs[p]
	if b == nil {
		b = newBatcher(func(ctx context.Context, ids []graph.ID) (map[graph.ID][]graph.ID, error) {
			return q.r.Referrers(ctx, p, ids...)
		})
		q.refs[p] = b
	}
	q.mu.Unlock()
	thunks := []func() ([]graph.ID, error){b.load(ctx, id)}
	for _, m := range v.from[id] {
		thunks = append(thunks, b.load(ctx, m))
	}
	return func() ([]graph.ID, error) {
		var out []graph.ID
		for _, th := range thunks {
			ids, err := th()
			if err != nil {
				return nil, err
			}
			out = append(out, ids...)
		}
		return out, nil
	}
}

// relKey names a multi-hop traversal batched as one: the facts of a kind
// linking to a node with a predicate, or the far ends of relations.
type relKey struct {
	pred graph.Predicate // the predicate pointing at the key node
	kind graph.Kind      // the kind of node wanted
	rel  string          // for relations: the relation's name; "" for facts
	far  graph.Predicate // for relations: the predicate of the far end
}

// linked loads the nodes of kind k that link to id with pred, or (rel set)
// the far ends of relations named rel that point at id with pred. One batch
// serves every node of a level, whatever the number of hops.
func (q *request) linked(ctx context.Context, key relKey, id graph.ID) func() ([]*graph.Entity, error) {
	v, err := q.curation(ctx)
	if err != nil {
		return func() ([]*graph.Entity, error) { return nil, err }
	}
	q.mu.Lock()
	b := q.related[key]
	if b == nil {
		b = newBatcher(func(ctx context.Context, ids []graph.ID) (map[graph.ID][]*graph.Entity, error) {
			return q.fetchLinked(ctx, v, key, ids)
		})
		q.related[key] = b
	}
	q.mu.Unlock()
	return b.load(ctx, v.resolve(id))
}

func (q *request) fetchLinked(ctx context.Context, v *view, key relKey, ids []graph.ID) (map[graph.ID][]*graph.Entity, error) {
	all := make([]graph.ID, 0, len(ids))
	all = append(all, ids...)
	for _, id := range ids {
		all = append(all, v.from[id]...)
	}
	var refs map[graph.ID][]graph.ID
	var err error
	if key.rel == "" {
		// Only the nodes of the kind asked for: an operation's arrests are
		// asked for beside its seizures, which link to it the same way.
		refs, err = q.r.ReferrersOfKind(ctx, key.pred, key.kind, all...)
	} else {
		refs, err = q.r.Referrers(ctx, key.pred, all...)
	}
	if err != nil {
		return nil, err
	}
	if moved := v.movedTo[key.pred]; key.rel == "" && len(moved) > 0 {
		for _, id := range ids { // links curators (or one fact across articles) give
			refs[id] = append(refs[id][:len(refs[id]):len(refs[id])], moved[id]...)
		}
	}
	// The nodes one hop away in the order the answers read them below,
	// so that what loadAll gives lines up with them without a map. The
	// batcher reads each ID once, however often it is asked.
	var hop []graph.ID
	for _, id := range ids {
		for i := -1; i < len(v.from[id]); i++ {
			for _, r := range refs[v.sourceOf(id, i)] {
				if r != "" {
					hop = append(hop, r)
				}
			}
		}
	}
	hopEnts, err := q.ents.loadAll(ctx, hop)
	if err != nil {
		return nil, err
	}
	if key.rel != "" {
		// A relation's far end replaces it, read in one batch too; a
		// relation of another name or retracted has none.
		var far []graph.ID
		var at []int
		for i, e := range hopEnts {
			if e != nil && e.String(graph.PredRel) == key.rel && !v.retracted[e.ID] {
				if f := v.resolve(e.Link(key.far)); f != "" {
					far = append(far, f)
					at = append(at, i)
				}
			}
		}
		farEnts, err := q.ents.loadAll(ctx, far)
		if err != nil {
			return nil, err
		}
		ends := make([]*graph.Entity, len(hopEnts))
		for j, i := range at {
			ends[i] = farEnts[j]
		}
		for i, e := range hopEnts {
			if e != nil && e.String(graph.PredRel) == key.rel && !v.retracted[e.ID] {
				hopEnts[i] = ends[i]
			} else {
				hopEnts[i] = nil
			}
		}
	}
	out := make(map[graph.ID][]*graph.Entity, len(ids))
	seen := map[graph.ID]bool{}
	n := 0
	for _, id := range ids {
		clear(seen)
		var list []*graph.Entity
		for i := -1; i < len(v.from[id]); i++ {
			for _, r := range refs[v.sourceOf(id, i)] {
				if r == "" {
					continue
				}
				e := hopEnts[n]
				n++
				if e == nil || v.retracted[e.ID] {
					continue
				}
				if key.rel == "" {
					if _, fixed := v.corrections[e.ID][key.pred]; fixed && v.resolve(v.apply(e).Link(key.pred)) != id {
						continue // a curator linked it elsewhere
					}
				}
				if e.Kind != key.kind || seen[e.ID] || e.ID == id {
					continue
				}
				seen[e.ID] = true
				list = append(list, v.apply(e))
			}
		}
		if list != nil {
			byID := func(a, b *graph.Entity) int { return strings.Compare(string(a.ID), string(b.ID)) }
			if !slices.IsSortedFunc(list, byID) {
				slices.SortFunc(list, byID)
			}
			out[id] = list
		}
	}
	return out, nil
}

// sourceOf is id for i = -1, else the i-th node merged into it.
func (v *view) sourceOf(id graph.ID, i int) graph.ID {
	if i < 0 {
		return id
	}
	return v.from[id][i]
}

func dedupe(ids []graph.ID) []graph.ID {
	seen := make(map[graph.ID]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return out
}
