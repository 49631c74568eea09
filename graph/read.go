package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/cayleygraph/quad"
)

// List returns the IDs of every node of kind k, sorted, so that pages and
// cursors over them are stable. The slice may be the one the store keeps:
// callers must not change it (its capacity ends at its length, so an
// append copies): a copy per call was much of what a server allocated
// serving pages of operations.
func (s *Store) List(ctx context.Context, k Kind) ([]ID, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	kind := quad.IRI(kindIRI(k))
	if ids, ok := s.cache.kindList(kind); ok {
		return ids, nil
	}
	// Calls that come together share the first one's read, under its read
	// lock: at 100k articles, eight first pages at once each read the
	// type links of every operation, and each took 9 s where one took 1.5.
	// Another caller's ended context is not this one's: it reads again.
	for {
		v, err, shared := s.lists.Do(string(kind), func() (any, error) {
			ids, err := s.referrers(ctx, PredType, kindIRI(k))
			if err == nil {
				ids = slices.Clip(ids)
				s.cache.putKindList(kind, ids)
			}
			return ids, err
		})
		if shared && err != nil && ctx.Err() == nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
			continue
		}
		ids, _ := v.([]ID)
		return ids, err
	}
}

// WarmLists reads the lists of kinds now, where the store keeps them
// (Bolt and memstore), so that a first page need not; on the SQL backends,
// which keep none, it does nothing.
func (s *Store) WarmLists(ctx context.Context, kinds ...Kind) error {
	if s.cache == nil {
		return nil
	}
	for _, k := range kinds {
		if _, err := s.List(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

// Get reads the nodes with the given IDs. IDs that name nothing are absent
// from the result; an empty ids gives an empty map. The nodes may be shared
// with other callers: they must not be changed (their Props' slices end at
// their length, so an append copies).
func (s *Store) Get(ctx context.Context, ids ...ID) (map[ID]*Entity, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("get %d nodes: %w", len(ids), err)
	}
	out := make(map[ID]*Entity, len(ids))
	miss := s.cache.entities(ids, out)
	if len(miss) == 0 {
		return out, nil
	}
	byID, err := s.quadsOf(ctx, quad.Subject, miss)
	if err != nil {
		return nil, fmt.Errorf("get %d nodes: %w", len(ids), err)
	}
	for id, qs := range byID {
		if len(qs) == 0 {
			continue
		}
		e := &Entity{ID: id, Props: map[Predicate][]any{}}
		for _, q := range qs {
			p := Predicate(iriOf(q.Predicate))
			if p == PredType {
				e.Kind = kindOf(ID(iriOf(q.Object)))
				continue
			}
			e.Props[p] = append(e.Props[p], fromValue(q.Object))
		}
		for p, vs := range e.Props {
			e.Props[p] = slices.Clip(vs)
		}
		s.cache.keepEntity(id, qs, e)
		out[id] = e
	}
	return out, nil
}

// Referrers returns, for each ID, the nodes that link to it with p
// (sorted): Referrers(ctx, PredSupports, fact) gives a fact's evidence.
func (s *Store) Referrers(ctx context.Context, p Predicate, ids ...ID) (map[ID][]ID, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	refs, err := s.referrersOf(ctx, p, ids)
	if err != nil {
		return nil, fmt.Errorf("referrers of %d nodes: %w", len(ids), err)
	}
	out := make(map[ID][]ID, len(ids))
	for _, id := range ids {
		out[id] = refs[id] // every ID asked for is a key, nil when nothing refers to it
	}
	return out, nil
}

// ReferrersOfKind returns, for each ID, the nodes of kind k that link to
// it with p (sorted): ReferrersOfKind(ctx, PredOperation, KindArrest, op)
// gives an operation's arrests and not its seizures. Every ID asked for is
// a key, nil when nothing of the kind refers to it. The nodes are not
// read: their kind is looked up in the list List keeps, or, where it
// keeps none (PostgreSQL, a kind not listed yet or too long to keep),
// read from their type links; what is found is kept with the cached
// quads. The slices may be shared: callers must not change them.
func (s *Store) ReferrersOfKind(ctx context.Context, p Predicate, k Kind, ids ...ID) (map[ID][]ID, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make(map[ID][]ID, len(ids))
	miss := s.cache.referrersOfKind(p, k, ids, out)
	for _, id := range ids {
		if _, ok := out[id]; !ok {
			out[id] = nil // every ID asked for is a key
		}
	}
	if len(miss) == 0 {
		return out, nil
	}
	ids = miss
	refs, err := s.referrersOf(ctx, p, ids)
	if err != nil {
		return nil, fmt.Errorf("referrers of %d nodes: %w", len(ids), err)
	}
	of, err := s.kindTest(ctx, k, refs)
	if err != nil {
		return nil, fmt.Errorf("referrers of %d nodes: %w", len(ids), err)
	}
	// The lists that lose some of their nodes share one array, cut once
	// it is whole.
	var kept []ID
	type span struct {
		id         ID
		start, end int
	}
	var cut []span
	for _, id := range ids {
		rs := refs[id]
		i := 0
		for i < len(rs) && of(rs[i]) {
			i++
		}
		if i == len(rs) {
			out[id] = rs // all of them (or none at all): the shared slice
			continue
		}
		start := len(kept)
		kept = append(kept, rs[:i]...)
		for _, r := range rs[i+1:] {
			if of(r) {
				kept = append(kept, r)
			}
		}
		cut = append(cut, span{id, start, len(kept)})
	}
	for _, c := range cut {
		if c.start == c.end {
			out[c.id] = nil
		} else {
			out[c.id] = kept[c.start:c.end:c.end]
		}
	}
	for _, id := range ids {
		s.cache.keepReferrersOfKind(id, p, k, out[id])
	}
	return out, nil
}

// kindTest returns a test of whether a node among refs is of kind k: a
// search of the list of the kind where List keeps it, else a read of
// their type links (from the quad cache, where Get finds them next). A
// list is not read for this: the evidence of 100k articles is 1.45M IDs.
// s.mu is held.
func (s *Store) kindTest(ctx context.Context, k Kind, refs map[ID][]ID) (func(ID) bool, error) {
	if ids, ok := s.cache.kindList(quad.IRI(kindIRI(k))); ok {
		return func(id ID) bool { _, found := slices.BinarySearch(ids, id); return found }, nil
	}
	var all []ID
	for _, rs := range refs {
		all = append(all, rs...)
	}
	byID, err := s.quadsOf(ctx, quad.Subject, all)
	if err != nil {
		return nil, err
	}
	return func(id ID) bool {
		for _, q := range byID[id] { // as Get reads a node's kind
			if Predicate(iriOf(q.Predicate)) == PredType && kindOf(ID(iriOf(q.Object))) == k {
				return true
			}
		}
		return false
	}, nil
}

// Empty reports whether the store holds nothing at all, without reading
// its nodes (a list of every article maps most of a big Bolt file).
func (s *Store) Empty(ctx context.Context) (bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.idx.empty(ctx)
}

// QuadCount counts the quads in the store: on Bolt from the count Cayley
// keeps, on PostgreSQL with a count of the table's rows.
func (s *Store) QuadCount(ctx context.Context) (int64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.idx.quadCount(ctx)
}

// Stats counts the nodes of each kind and the quads in the store.
type Stats struct {
	Nodes map[Kind]int
	Quads int64
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Nodes: map[Kind]int{}}
	for _, k := range append([]Kind{KindArticle, KindEvidence}, FactKinds...) {
		ids, err := s.List(ctx, k)
		if err != nil {
			return st, err
		}
		st.Nodes[k] = len(ids)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	n, err := s.idx.quadCount(ctx)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Quads = n
	return st, nil
}

// Kinds lists the kinds, sorted, for callers that walk them all.
func Kinds() []Kind {
	ks := append([]Kind{KindArticle, KindEvidence}, FactKinds...)
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

func kindOf(iri ID) Kind {
	const p = idPrefix + "kind/"
	if len(iri) > len(p) && string(iri[:len(p)]) == p {
		return Kind(iri[len(p):])
	}
	return ""
}

// subjectQuads returns the quads whose subject is id.
func (s *Store) subjectQuads(ctx context.Context, id ID) ([]quad.Quad, error) {
	m, err := s.quadsOf(ctx, quad.Subject, []ID{id})
	return m[id], err
}

// referrers returns the subjects of the quads (subject, p, id), sorted.
func (s *Store) referrers(ctx context.Context, p Predicate, id ID) ([]ID, error) {
	m, err := s.referrersOf(ctx, p, []ID{id})
	return m[id], err
}

// quadsOf returns, for each of ids, the quads that have it in direction d:
// one query on the SQL backends, one Cayley iterator per ID elsewhere.
func (s *Store) quadsOf(ctx context.Context, d quad.Direction, ids []ID) (map[ID][]quad.Quad, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return s.idx.quadsOf(ctx, d, ids)
}

// referrersOf returns, for each of ids, the subjects of the quads
// (subject, p, id), sorted.
func (s *Store) referrersOf(ctx context.Context, p Predicate, ids []ID) (map[ID][]ID, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out, err := s.idx.referrersOf(ctx, p, ids)
	if err != nil {
		return nil, err
	}
	for _, refs := range out {
		// Sorted lists may be shared (the quad cache's): never written to.
		if less := func(i, j int) bool { return refs[i] < refs[j] }; !sort.SliceIsSorted(refs, less) {
			sort.Slice(refs, less)
		}
	}
	return out, nil
}

// cayleyQuads returns the quads that have v in direction d as Cayley's
// iterators read them, on every backend: imports and Verify read Cayley's view.
func (s *Store) cayleyQuads(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	x := cayleyIndex{qs: s.qs, cache: s.cache, mapped: s.mapped}
	return x.quadsBy(ctx, d, v)
}

type scanKey struct{}

// ForScan marks the reads made under ctx as one pass over much of the
// store (an index built in the background): they use the quad cache but
// leave nothing in it, so the pass neither pushes out what queries read
// nor keeps the cache full once it is over.
func ForScan(ctx context.Context) context.Context { return context.WithValue(ctx, scanKey{}, true) }
