package graph

import (
	"sort"
)

// Curation is the curators' changes in force: what readers and exports
// apply to the graph as written. An undo not itself undone cancels its
// target; among the rest, later changes win.
type Curation struct {
	Changes     []Change // all of them, oldest first (ties by ID)
	Undone      map[ID]bool
	Retracted   map[ID]bool
	Into        map[ID]ID // merged -> kept (one step; Resolve follows them)
	Corrections map[ID]map[Predicate]any
}

// CurationOf works out which of changes are in force.
func CurationOf(changes []Change) *Curation {
	cs := append([]Change(nil), changes...)
	sort.Slice(cs, func(i, j int) bool {
		if !cs[i].At.Equal(cs[j].At) {
			return cs[i].At.Before(cs[j].At)
		}
		return cs[i].ID < cs[j].ID
	})
	c := &Curation{Changes: cs, Undone: map[ID]bool{}, Retracted: map[ID]bool{},
		Into: map[ID]ID{}, Corrections: map[ID]map[Predicate]any{}}
	// Newest first, an undo not itself undone undoes its target.
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].Action == ActionUndo && !c.Undone[cs[i].ID] {
			c.Undone[cs[i].Target] = true
		}
	}
	for _, ch := range cs {
		if c.Undone[ch.ID] {
			continue
		}
		switch ch.Action {
		case ActionRetract:
			c.Retracted[ch.Target] = true
		case ActionMerge:
			c.Into[ch.Target] = ch.Into
		case ActionCorrect:
			if c.Corrections[ch.Target] == nil {
				c.Corrections[ch.Target] = map[Predicate]any{}
			}
			c.Corrections[ch.Target][ch.Field] = ch.Value
			if ch.Field == PredDate {
				// The event date is read from the corrected phrase, not
				// from the articles' (the curator's date wins).
				if iso := ISODate(valueString(ch.Value)); iso != "" {
					c.Corrections[ch.Target][PredEventDate] = iso
					c.Corrections[ch.Target][PredDateSource] = DateFromCurator
				}
			}
		}
	}
	return c
}

// Resolve follows merges to the node kept.
func (c *Curation) Resolve(id ID) ID {
	for i := 0; i < 32; i++ { // a cycle of merges ends somewhere
		next, ok := c.Into[id]
		if !ok {
			return id
		}
		id = next
	}
	return id
}

// Curated returns the graph ents holds as readers see it, for exports: the
// changes (nodes of KindChange) applied and left out; retracted nodes left
// out, with the links to them, the evidence supporting only them and the
// relations they stand at either end of; merged nodes read as the node
// kept (links moved to it, their names its aliases); corrected fields set
// to the curator's value. ents is not changed.
func Curated(ents []*Entity) []*Entity {
	var changes []Change
	for _, e := range ents {
		if e.Kind == KindChange {
			changes = append(changes, ChangeFrom(e))
		}
	}
	c := CurationOf(changes)
	byID := make(map[ID]*Entity, len(ents))
	for _, e := range ents {
		byID[e.ID] = e
	}
	// live is whether a link's node is in the curated graph.
	live := func(id ID) bool { return !c.Retracted[c.Resolve(id)] }
	aliases := map[ID][]any{} // kept -> names of the nodes merged into it
	for m := range c.Into {
		if k := c.Resolve(m); live(k) && byID[m] != nil {
			aliases[k] = append(aliases[k], byID[m].Props[PredName]...)
			aliases[k] = append(aliases[k], byID[m].Props[PredAlias]...)
		}
	}
	out := make([]*Entity, 0, len(ents))
	for _, e := range ents {
		if e.Kind == KindChange || c.Retracted[e.ID] || c.Resolve(e.ID) != e.ID {
			continue
		}
		n := &Entity{ID: e.ID, Kind: e.Kind, Props: make(map[Predicate][]any, len(e.Props))}
		for p, vs := range e.Props {
			n.Props[p] = vs
		}
		for p, v := range c.Corrections[e.ID] {
			n.Props[p] = []any{v}
		}
		if as := aliases[e.ID]; len(as) > 0 {
			n.Props[PredAlias] = append(append([]any(nil), n.Props[PredAlias]...), as...)
		}
		for p, vs := range n.Props {
			n.Props[p] = curatedValues(c, live, vs, p == PredAlias, e.Props[PredName])
			if len(n.Props[p]) == 0 {
				delete(n.Props, p)
			}
		}
		switch e.Kind {
		case KindEvidence:
			if len(n.Props[PredSupports]) == 0 {
				continue // it supported only retracted nodes
			}
		case KindRelation:
			from, to := n.Link(PredFrom), n.Link(PredTo)
			if from == "" || to == "" || from == to {
				continue // an end retracted, or both merged into one node
			}
		}
		out = append(out, n)
	}
	return out
}

// curatedValues moves links to merged nodes onto the node kept, drops links
// to retracted nodes, and values repeated once moved. For aliases, the
// node's own names are dropped too.
func curatedValues(c *Curation, live func(ID) bool, vs []any, alias bool, names []any) []any {
	seen := map[any]bool{}
	if alias {
		for _, n := range names {
			seen[n] = true
		}
	}
	out := make([]any, 0, len(vs))
	for _, v := range vs {
		if id, ok := v.(ID); ok {
			if !live(id) {
				continue
			}
			v = c.Resolve(id)
		}
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return valueString(out[i]) < valueString(out[j]) })
	return out
}
