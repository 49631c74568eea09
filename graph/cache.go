package graph

import (
	"container/list"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// quadCache keeps the quads last read by subject or by object, for the
// backends whose only writer is this Store (Bolt locks its file; memstore
// lives in the process). Each write drops the entries of the subjects and
// objects it touches, under the store's write lock, so a read never sees
// a stale entry. It is bounded by the number of quads it holds, least
// recently used first out; slices it returns are shared and never changed.
//
// Without it a page of 50 operations read every quad of every node it
// showed through Cayley's iterators, one Bolt transaction per quad
// (docs/benchmarks.md).
type quadCache struct {
	mu    sync.Mutex
	max   int // quads
	size  int
	order *list.List // of *cacheEntry, most recently used first
	byKey map[cacheKey]*list.Element
	// kinds holds List's answers, the IDs of every node of a kind, by the
	// kind's IRI: a page of operations asks for all of them (for its total
	// and its cursor), and reading the type links again for each page
	// made pages slow on a big store. IDs are small beside quads, so lists
	// up to maxKindList are kept outside the quad bound.
	kinds map[string][]ID
	// typeGen counts the writes of type links: the lists of referrers of
	// one kind kept with an object's quads hold while it is unchanged.
	typeGen uint64
}

// maxKindList bounds a kept list: a few MB of IDs (the evidence of 100k
// articles, 1.45M, is read each time).
const maxKindList = 200_000

type cacheKey struct {
	d   quad.Direction
	iri bool   // v is an IRI's text, without the N-Quads form's <>
	v   string // else the value's N-Quads form
}

type cacheEntry struct {
	key   cacheKey
	quads []quad.Quad
	// ent is the node Get made of a subject's quads, kept with them and
	// dropped with them: a page of 50 operations made the same few hundred
	// nodes, maps and boxed values again on every request.
	ent *Entity
	// refs holds, for an object's quads, the subjects linking to it with
	// a predicate, sorted, as Referrers gave them (nil for none).
	refs map[Predicate][]ID
	// kindRefs holds, for an object's quads, the subjects of one kind
	// linking to it with a predicate, as ReferrersOfKind gave them, and
	// the typeGen they were found at: a write of the object drops them
	// with the entry, a write of any type link makes them stale.
	kindRefs map[kindPred]keptRefs
}

type kindPred struct {
	p Predicate
	k Kind
}

type keptRefs struct {
	ids []ID
	gen uint64
}

// cacheQuads bounds the cache: a page of 50 operations reads about
// 5,000, and a much larger cache was a large share of a big server's heap.
const cacheQuads = 100_000

func newQuadCache(max int) *quadCache {
	return &quadCache{max: max, order: list.New(), byKey: map[cacheKey]*list.Element{}, kinds: map[string][]ID{}}
}

// keyOf names v as its N-Quads form would, without making that form for
// an IRI (a string a lookup, most of what a cached read allocated): an
// IRI's form is the only one between <>, so the two ways name alike.
func keyOf(d quad.Direction, v quad.Value) cacheKey {
	if iri, ok := v.(quad.IRI); ok {
		return cacheKey{d, true, string(iri)}
	}
	return cacheKey{d, false, v.String()}
}

func (c *quadCache) get(d quad.Direction, v quad.Value) ([]quad.Quad, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[keyOf(d, v)]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).quads, true
}

func (c *quadCache) put(d quad.Direction, v quad.Value, qs []quad.Quad) {
	if c == nil || len(qs) > c.max/4 {
		return // an entry that would crowd out the rest (every node of a big kind) is read each time
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	k := keyOf(d, v)
	if el, ok := c.byKey[k]; ok {
		c.remove(el)
	}
	c.byKey[k] = c.order.PushFront(&cacheEntry{key: k, quads: qs})
	c.size += len(qs) + 1
	for c.size > c.max {
		c.remove(c.order.Back())
	}
}

// entities puts into out the nodes kept for ids and returns the IDs it
// holds none for.
func (c *quadCache) entities(ids []ID, out map[ID]*Entity) (miss []ID) {
	if c == nil {
		return ids
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		if el, ok := c.byKey[keyOf(quad.Subject, quad.IRI(id))]; ok && el.Value.(*cacheEntry).ent != nil {
			c.order.MoveToFront(el)
			out[id] = el.Value.(*cacheEntry).ent
			continue
		}
		miss = append(miss, id)
	}
	return miss
}

// keepEntity keeps e, made of qs, with id's quads if the cache still holds
// that very slice for it (a write between the read and now dropped it).
func (c *quadCache) keepEntity(id ID, qs []quad.Quad, e *Entity) {
	if c == nil || len(qs) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[keyOf(quad.Subject, quad.IRI(id))]; ok {
		if ce := el.Value.(*cacheEntry); len(ce.quads) == len(qs) && &ce.quads[0] == &qs[0] {
			ce.ent = e
		}
	}
}

// referrers puts into out the subjects kept as linking to each of ids with
// p and returns the IDs it holds none for.
func (c *quadCache) referrers(p Predicate, ids []ID, out map[ID][]ID) (miss []ID) {
	if c == nil {
		return ids
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		if el, ok := c.byKey[keyOf(quad.Object, quad.IRI(id))]; ok {
			if refs, ok := el.Value.(*cacheEntry).refs[p]; ok {
				c.order.MoveToFront(el)
				if refs != nil {
					out[id] = refs
				}
				continue
			}
		}
		miss = append(miss, id)
	}
	return miss
}

// keepReferrers keeps refs, read from qs, with id's quads if the cache
// still holds that very slice for it.
func (c *quadCache) keepReferrers(id ID, qs []quad.Quad, p Predicate, refs []ID) {
	if c == nil || len(qs) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[keyOf(quad.Object, quad.IRI(id))]; ok {
		if ce := el.Value.(*cacheEntry); len(ce.quads) == len(qs) && &ce.quads[0] == &qs[0] {
			if ce.refs == nil {
				ce.refs = map[Predicate][]ID{}
			}
			ce.refs[p] = refs
		}
	}
}

// referrersOfKind puts into out the subjects of kind k kept as linking to
// each of ids with p and returns the IDs it holds none for.
func (c *quadCache) referrersOfKind(p Predicate, k Kind, ids []ID, out map[ID][]ID) (miss []ID) {
	if c == nil {
		return ids
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		if el, ok := c.byKey[keyOf(quad.Object, quad.IRI(id))]; ok {
			if kept, ok := el.Value.(*cacheEntry).kindRefs[kindPred{p, k}]; ok && kept.gen == c.typeGen {
				c.order.MoveToFront(el)
				out[id] = kept.ids
				continue
			}
		}
		miss = append(miss, id)
	}
	return miss
}

// keepReferrersOfKind keeps refs, the subjects of kind k linking to id
// with p, with id's quads where the cache holds them. The store's read
// lock is held since they were read, so no write came between.
func (c *quadCache) keepReferrersOfKind(id ID, p Predicate, k Kind, refs []ID) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[keyOf(quad.Object, quad.IRI(id))]; ok {
		ce := el.Value.(*cacheEntry)
		if ce.kindRefs == nil {
			ce.kindRefs = map[kindPred]keptRefs{}
		}
		ce.kindRefs[kindPred{p, k}] = keptRefs{refs, c.typeGen}
	}
}

// kindList returns the kept IDs of the nodes whose type is kind.
func (c *quadCache) kindList(kind quad.Value) ([]ID, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ids, ok := c.kinds[kind.String()]
	return ids, ok
}

func (c *quadCache) putKindList(kind quad.Value, ids []ID) {
	if c == nil || len(ids) > maxKindList {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.kinds[kind.String()] = ids
}

func (c *quadCache) remove(el *list.Element) {
	e := c.order.Remove(el).(*cacheEntry)
	delete(c.byKey, e.key)
	c.size -= len(e.quads) + 1
}

// invalidate drops what the deltas change: their subjects' and objects' entries.
func (c *quadCache) invalidate(deltas []cgraph.Delta) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, d := range deltas {
		if Predicate(iriOf(d.Quad.Predicate)) == PredType {
			c.typeGen++
		}
		delete(c.kinds, d.Quad.Object.String()) // a type link names its kind as object
		for _, k := range []cacheKey{keyOf(quad.Subject, d.Quad.Subject), keyOf(quad.Object, d.Quad.Object)} {
			if el, ok := c.byKey[k]; ok {
				c.remove(el)
			}
		}
	}
}
