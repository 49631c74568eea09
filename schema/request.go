package schema

import (
	"context"
	"slices"
	"sort"
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
	all := append([]graph.ID(nil), ids...)
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
	var hop []graph.ID
	for _, rs := range refs {
		hop = append(hop, rs...)
	}
	// The batcher reads each ID once, however often it is asked.
	hopEnts, err := q.ents.loadAll(ctx, slices.DeleteFunc(hop, isNone))
	if err != nil {
		return nil, err
	}
	byID := map[graph.ID]*graph.Entity{}
	for _, e := range hopEnts {
		if e != nil {
			byID[e.ID] = e
		}
	}
	var far []graph.ID
	if key.rel != "" {
		for _, e := range byID {
			if e.String(graph.PredRel) == key.rel && !v.retracted[e.ID] {
				far = append(far, v.resolve(e.Link(key.far)))
			}
		}
		farEnts, err := q.ents.loadAll(ctx, slices.DeleteFunc(far, isNone))
		if err != nil {
			return nil, err
		}
		for _, e := range farEnts {
			if e != nil {
				byID[e.ID] = e
			}
		}
	}
	out := make(map[graph.ID][]*graph.Entity, len(ids))
	seen := map[graph.ID]bool{}
	for _, id := range ids {
		clear(seen)
		for i := -1; i < len(v.from[id]); i++ {
			src := id
			if i >= 0 {
				src = v.from[id][i]
			}
			for _, r := range refs[src] {
				e := byID[r]
				if e == nil || v.retracted[e.ID] {
					continue
				}
				if key.rel != "" {
					if e.String(graph.PredRel) != key.rel {
						continue
					}
					e = byID[v.resolve(e.Link(key.far))]
				} else if _, fixed := v.corrections[e.ID][key.pred]; fixed && v.resolve(v.apply(e).Link(key.pred)) != id {
					continue // a curator linked it elsewhere
				}
				if e == nil || e.Kind != key.kind || seen[e.ID] || v.retracted[e.ID] || e.ID == id {
					continue
				}
				seen[e.ID] = true
				out[id] = append(out[id], v.apply(e))
			}
		}
		sort.Slice(out[id], func(a, b int) bool { return out[id][a].ID < out[id][b].ID })
	}
	return out, nil
}

func isNone(id graph.ID) bool { return id == "" }

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
