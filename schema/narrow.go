package schema

import (
	"context"

	"github.com/opgraph/opgraph/graph"
)

// candidates returns, for a filter naming an agency, place, platform or
// operation, the nodes that could meet it: those the store's index of links
// reaches from the named node, in the ways gather follows links, plus the
// links curators gave. The set may hold more than the filter admits (the
// filter is still tested on each), never less. ok is false when the filter
// names none of them: every node is a candidate.
//
// Testing every node of a kind read each one's relations from the store:
// at 10k articles, operations of one agency took 4-10 s, nearly all of it
// reading the relations of the 5,000 operations the agency has no part in.
func (b *builder) candidates(ctx context.Context, f *filter) (set map[graph.ID]bool, ok bool, err error) {
	q := b.requestFrom(ctx)
	v, err := q.curation(ctx)
	if err != nil {
		return nil, false, err
	}
	var sets []map[graph.ID]bool
	add := func(s map[graph.ID]bool, err2 error) {
		if err2 != nil && err == nil {
			err = err2
		}
		sets = append(sets, s)
	}
	// An agency or a place: itself, the facts linking to it, and the near
	// ends of relations to it (the operations it worked or ran in, the people
	// speaking for it).
	for _, c := range []struct {
		id   graph.ID
		pred graph.Predicate
	}{{f.agency, graph.PredAgency}, {f.place, graph.PredPlace}} {
		if c.id != "" {
			add(b.reach(ctx, v, idSet(v.resolve(c.id)), c.pred, graph.PredTo, graph.PredFrom))
		}
	}
	// A platform: itself and the operations targeting it, then those
	// operations' facts (a fact reaches a platform through its operation).
	if f.platform != "" {
		near, err2 := b.reach(ctx, v, idSet(v.resolve(f.platform)), "", graph.PredTo, graph.PredFrom)
		if err2 == nil {
			var ops map[graph.ID]bool
			ops, err2 = b.reach(ctx, v, near, graph.PredOperation, graph.PredFrom, graph.PredTo)
			for id := range ops {
				near[id] = true
			}
		}
		add(near, err2)
	}
	// An operation with its sub-operations: them, their facts, and the far
	// ends of their relations (the agencies and platforms they reach).
	if f.operation != "" {
		ops, err2 := b.subOperations(ctx, f.operation)
		if err2 == nil {
			ops, err2 = b.reach(ctx, v, ops, graph.PredOperation, graph.PredFrom, graph.PredTo)
		}
		add(ops, err2)
	}
	if err != nil || len(sets) == 0 {
		return nil, false, err
	}
	set = sets[0]
	for _, s := range sets[1:] {
		for id := range set {
			if !s[id] {
				delete(set, id)
			}
		}
	}
	return set, true, nil
}

// reach returns ids with, as they read after merges: the nodes linking to
// them with pred (as stored, or as curators linked them); and the nodes at
// the far end (far) of the relations whose near predicate points at them.
func (b *builder) reach(ctx context.Context, v *view, ids map[graph.ID]bool, pred, near, far graph.Predicate) (map[graph.ID]bool, error) {
	q := b.requestFrom(ctx)
	out := map[graph.ID]bool{}
	for id := range ids {
		out[id] = true
	}
	type pending struct {
		rels bool
		th   func() ([]graph.ID, error)
	}
	var ps []pending
	for id := range ids {
		if pred != "" {
			ps = append(ps, pending{false, q.referrers(ctx, pred, id)})
			for _, fact := range v.movedTo[pred][id] {
				out[v.resolve(fact)] = true
			}
		}
		ps = append(ps, pending{true, q.referrers(ctx, near, id)})
	}
	var rels []graph.ID
	for _, p := range ps {
		got, err := p.th()
		if err != nil {
			return nil, err
		}
		if p.rels {
			rels = append(rels, got...)
			continue
		}
		for _, id := range got {
			out[v.resolve(id)] = true
		}
	}
	// As stored, as gather reads relations (fetchLinked).
	ents, err := q.ents.loadAll(ctx, dedupe(rels))
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		if e == nil || e.Kind != graph.KindRelation {
			continue
		}
		for _, id := range e.Links(far) {
			out[v.resolve(id)] = true
		}
	}
	return out, nil
}

func idSet(ids ...graph.ID) map[graph.ID]bool {
	out := make(map[graph.ID]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out
}
