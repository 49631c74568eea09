package schema

import (
	"context"
	"slices"
	"sort"

	"github.com/opgraph/opgraph/graph"
)

// view is the curators' changes as readers apply them: retracted nodes
// leave lists and totals, merged nodes read as the node kept, corrections
// replace a field. The changes themselves stay in the graph as history.
type view struct {
	retracted   map[graph.ID]bool
	into        map[graph.ID]graph.ID   // merged -> kept
	from        map[graph.ID][]graph.ID // kept -> merged into it
	corrections map[graph.ID]map[graph.Predicate]any
	history     map[graph.ID][]graph.Change
	// extra holds, for a fact kept of several stating the same figure
	// (same.go), the links only the others give.
	extra map[graph.ID]map[graph.Predicate][]graph.ID
	// undone holds the changes undone (by an undo not itself undone).
	undone map[graph.ID]bool
	// movedTo lists, by link predicate and node, the facts that curators'
	// corrections (or extra) link to the node: the store's index of links
	// knows only what articles said.
	movedTo map[graph.Predicate]map[graph.ID][]graph.ID
}

func loadView(ctx context.Context, r Reader, same *sameFigures) (*view, error) {
	v := &view{retracted: map[graph.ID]bool{}, into: map[graph.ID]graph.ID{}, from: map[graph.ID][]graph.ID{},
		corrections: map[graph.ID]map[graph.Predicate]any{}, history: map[graph.ID][]graph.Change{},
		undone: map[graph.ID]bool{}, movedTo: map[graph.Predicate]map[graph.ID][]graph.ID{}}
	if same != nil {
		// Facts stating one figure read as merged into the one kept (they
		// came from a build that applied the curators' changes of its time).
		for dup, keep := range same.into {
			v.into[dup] = keep
		}
		v.extra = same.extra
		for fact, links := range same.extra {
			for p, tos := range links {
				for _, to := range tos {
					v.moveTo(p, to, fact)
				}
			}
		}
	}
	ids, err := r.List(ctx, graph.KindChange)
	if err != nil || len(ids) == 0 {
		v.fromMerges()
		return v, err
	}
	got, err := r.Get(ctx, ids...)
	if err != nil {
		return nil, err
	}
	changes := make([]graph.Change, 0, len(got))
	for _, e := range got {
		changes = append(changes, graph.ChangeFrom(e))
	}
	cur := graph.CurationOf(changes)
	v.undone = cur.Undone
	v.retracted = cur.Retracted
	v.corrections = cur.Corrections
	for m, k := range cur.Into {
		v.into[m] = k // over a same-figure merge
	}
	byID := map[graph.ID]graph.Change{}
	for _, c := range cur.Changes {
		byID[c.ID] = c
	}
	for _, c := range cur.Changes {
		if c.Action == graph.ActionUndo {
			// In the history of what the undone change changed.
			if orig, ok := byID[c.Target]; ok {
				v.history[orig.Target] = append(v.history[orig.Target], c)
				if orig.Into != "" {
					v.history[orig.Into] = append(v.history[orig.Into], c)
				}
			}
			continue
		}
		v.history[c.Target] = append(v.history[c.Target], c)
		if c.Action == graph.ActionMerge || (v.undone[c.ID] && c.Into != "") {
			v.history[c.Into] = append(v.history[c.Into], c)
		}
	}
	v.fromMerges()
	for fact, fix := range v.corrections {
		for p, val := range fix {
			if to, ok := val.(graph.ID); ok {
				v.moveTo(p, to, fact)
			}
		}
	}
	return v, nil
}

func (v *view) moveTo(p graph.Predicate, to, fact graph.ID) {
	if v.movedTo[p] == nil {
		v.movedTo[p] = map[graph.ID][]graph.ID{}
	}
	to = v.resolve(to)
	v.movedTo[p][to] = append(v.movedTo[p][to], fact)
}

// fromMerges indexes the merges by the node kept.
func (v *view) fromMerges() {
	for m := range v.into {
		k := v.resolve(m)
		v.from[k] = append(v.from[k], m)
	}
	for _, ms := range v.from {
		sort.Slice(ms, func(i, j int) bool { return ms[i] < ms[j] })
	}
}

// touched reports whether curators changed id: retracted, merged (either
// way) or corrected it.
func (v *view) touched(id graph.ID) bool { return len(v.history[id]) > 0 || len(v.from[id]) > 0 }

// touches reports whether curators changed any of ids.
func (v *view) touches(ids []graph.ID) bool {
	for _, id := range ids {
		if v.touched(id) {
			return true
		}
	}
	return false
}

// hidden returns the IDs of ids, a sorted list of a kind, that lists leave
// out (retracted, or merged into another node), sorted.
func (v *view) hidden(ids []graph.ID) []graph.ID {
	var out []graph.ID
	add := func(id graph.ID) {
		if _, found := slices.BinarySearch(ids, id); found {
			out = append(out, id)
		}
	}
	for id, r := range v.retracted {
		if r {
			add(id)
		}
	}
	for id := range v.into {
		if !v.retracted[id] && v.resolve(id) != id {
			add(id)
		}
	}
	slices.Sort(out)
	return out
}

// resolve follows merges to the node kept.
func (v *view) resolve(id graph.ID) graph.ID {
	for i := 0; i < 32; i++ { // a cycle of merges ends somewhere
		next, ok := v.into[id]
		if !ok {
			return id
		}
		id = next
	}
	return id
}

// apply returns e with its corrections; e itself is shared and never changed.
func (v *view) apply(e *graph.Entity) *graph.Entity {
	fix, extra := v.corrections[e.ID], v.extra[e.ID]
	if len(fix) == 0 && len(extra) == 0 {
		return e
	}
	c := &graph.Entity{ID: e.ID, Kind: e.Kind, Props: make(map[graph.Predicate][]any, len(e.Props))}
	for p, vs := range e.Props {
		c.Props[p] = vs
	}
	for p, ids := range extra {
		vs := slices.Clip(c.Props[p])
		for _, id := range ids {
			if !slices.Contains(vs, any(id)) {
				vs = append(vs, id)
			}
		}
		c.Props[p] = vs
	}
	for p, val := range fix {
		c.Props[p] = []any{val}
	}
	return c
}

// curateLinks moves a fact's own links to merged nodes onto the nodes kept
// and drops those to retracted nodes, as exports do (graph.Curated).
func (v *view) curateLinks(nf *nodeFacts) {
	for _, set := range []map[graph.ID]bool{nf.agencies, nf.operations, nf.places, nf.platforms} {
		for id := range set {
			if to := v.resolve(id); to != id || v.retracted[id] {
				delete(set, id)
				if !v.retracted[to] {
					set[to] = true
				}
			}
		}
	}
}
