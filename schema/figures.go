package schema

import (
	"context"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// How a figure relates to the others, as its evidence says (graph's
// opg:partOf, opg:sameAs and opg:context): totals count each haul and each
// group of arrests once, as its whole, and leave past figures out unless
// asked. A fact is folded into another only when all its evidence says so:
// one article that states the figure on its own makes it count.

// figureMark is what a fact's evidence says of its figure.
type figureMark struct {
	targets []graph.ID // the wholes or restated facts its evidence names, in evidence order
	part    []bool     // targets[i] is a whole (partOf), not a restated fact (sameAs)
	marked  bool       // every evidence names a whole or a restated fact
	context bool       // every evidence marks it a past or yearly figure
}

// fold is how totals read one fact.
type fold struct {
	under   graph.ID // the counted fact it is a part or a restatement of; "" where it counts itself
	part    bool     // under is a whole it is a part of (not a fact it restates)
	parent  graph.ID // the fact its evidence names directly (under is where the chain ends)
	context bool     // a past or yearly figure: counted only on request
}

// figureMarks reads the evidence of each fact, batched.
func (b *builder) figureMarks(ctx context.Context, ents []*graph.Entity) ([]figureMark, error) {
	q := b.requestFrom(ctx)
	v, err := q.curation(ctx)
	if err != nil {
		return nil, err
	}
	ths := make([]func() ([]*graph.Entity, error), len(ents))
	for i, e := range ents {
		ths[i] = q.linked(ctx, relKey{pred: graph.PredSupports, kind: graph.KindEvidence}, e.ID)
	}
	out := make([]figureMark, len(ents))
	for i, th := range ths {
		evs, err := th()
		if err != nil {
			return nil, err
		}
		m := figureMark{marked: len(evs) > 0, context: len(evs) > 0}
		for _, ev := range evs {
			m.context = m.context && ev.String(graph.PredContext) == "true"
			whole, same := ev.Link(graph.PredPartOf), ev.Link(graph.PredSameAs)
			switch {
			case whole != "":
				m.targets, m.part = append(m.targets, v.resolve(whole)), append(m.part, true)
			case same != "":
				m.targets, m.part = append(m.targets, v.resolve(same)), append(m.part, false)
			default:
				m.marked = false
			}
		}
		out[i] = m
	}
	return out, nil
}

// folds works out how totals read each of ents (facts as curators left
// them): a fact whose evidence all names a whole or a restated fact that
// stands (stored, not retracted) is counted in it, following the chain to
// the fact that counts. A cycle (two articles each restating the other's
// figure) counts its smallest ID.
func (b *builder) folds(ctx context.Context, ents []*graph.Entity) ([]fold, error) {
	q := b.requestFrom(ctx)
	marks := map[graph.ID]figureMark{}
	stands := map[graph.ID]bool{}
	frontier := ents
	for depth := 0; len(frontier) > 0 && depth < 8; depth++ {
		ms, err := b.figureMarks(ctx, frontier)
		if err != nil {
			return nil, err
		}
		var next []graph.ID
		for i, e := range frontier {
			marks[e.ID], stands[e.ID] = ms[i], true
			for _, t := range ms[i].targets {
				if _, seen := marks[t]; !seen {
					next = append(next, t)
				}
			}
		}
		if frontier, err = q.entities(ctx, dedupe(next), false); err != nil {
			return nil, err
		}
	}
	// parent is the first standing fact a fact's evidence names, where all of it names one.
	parent := func(id graph.ID) (graph.ID, bool) {
		m := marks[id]
		if !m.marked {
			return "", false
		}
		for i, t := range m.targets {
			if t != id && stands[t] {
				return t, m.part[i]
			}
		}
		return "", false
	}
	out := make([]fold, len(ents))
	for i, e := range ents {
		f := fold{context: marks[e.ID].context}
		f.parent, f.part = parent(e.ID)
		// Follow the chain to the fact that counts; in a cycle the smallest ID counts.
		path := []graph.ID{e.ID}
		on := map[graph.ID]int{e.ID: 0}
		root := e.ID
		for cur := e.ID; ; {
			next, _ := parent(cur)
			if next == "" {
				root = cur
				break
			}
			if at, loop := on[next]; loop {
				root = next
				for _, id := range path[at:] {
					root = min(root, id)
				}
				break
			}
			on[next] = len(path)
			path = append(path, next)
			cur = next
		}
		if root != e.ID {
			f.under = root
		} else {
			f.parent, f.part = "", false
		}
		out[i] = f
	}
	return out, nil
}

// figureFields are the fields of Arrest and Seizure that show how totals
// read the figure: what it is a part or a restatement of, its parts and
// restatements, and whether totals count it.
func (b *builder) withFigureFields(f graphql.Fields) graphql.Fields {
	one := func(e *graph.Entity, p graphql.ResolveParams) (fold, error) {
		fs, err := b.folds(p.Context, []*graph.Entity{e})
		if err != nil {
			return fold{}, err
		}
		return fs[0], nil
	}
	link := func(part bool) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) {
			fd, err := one(p.Source.(*graph.Entity), p)
			if err != nil || fd.parent == "" || fd.part != part {
				return nil, err
			}
			return b.requestFrom(p.Context).entity(p.Context, fd.parent)()
		}
	}
	f["partOf"] = &graphql.Field{Type: b.node, Description: "The whole this figure is a part of (\"four of them\"), where every source giving it says so; totals count the whole.", Resolve: link(true)}
	f["sameAs"] = &graphql.Field{Type: b.node, Description: "The figure this one restates (a headline's round number, other units), where every source giving it says so; totals count that one.", Resolve: link(false)}
	f["countedIn"] = &graphql.Field{Type: b.node, Description: "The fact totals count this figure in, following parts and restatements to the end; null where it counts itself.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			fd, err := one(p.Source.(*graph.Entity), p)
			if err != nil || fd.under == "" {
				return nil, err
			}
			return b.requestFrom(p.Context).entity(p.Context, fd.under)()
		}}
	f["context"] = &graphql.Field{Type: graphql.NewNonNull(graphql.Boolean), Description: "A past record or yearly total given for comparison: left out of aggregates unless includeContext is true.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			fd, err := one(p.Source.(*graph.Entity), p)
			return fd.context, err
		}}
	f["parts"] = &graphql.Field{Type: nonNullList(b.node), Description: "The figures that are parts of this one (a breakdown by place, \"four of them\").", Resolve: b.markedBy(graph.PredPartOf)}
	f["restatements"] = &graphql.Field{Type: nonNullList(b.node), Description: "The figures that restate this one (rounded, in other units, in a headline).", Resolve: b.markedBy(graph.PredSameAs)}
	return f
}

// markedBy lists the facts folded into this one by evidence linking to it
// with p (partOf or sameAs), as folds reads them.
func (b *builder) markedBy(p graph.Predicate) graphql.FieldResolveFn {
	return func(rp graphql.ResolveParams) (any, error) {
		self := rp.Source.(*graph.Entity)
		th := b.requestFrom(rp.Context).linked(rp.Context, relKey{pred: p, kind: graph.KindEvidence}, self.ID)
		return func() (any, error) {
			evs, err := th()
			if err != nil {
				return nil, err
			}
			var ids []graph.ID
			for _, ev := range evs {
				ids = append(ids, ev.Link(graph.PredSupports))
			}
			ents, err := b.requestFrom(rp.Context).entities(rp.Context, dedupe(ids), false)
			if err != nil {
				return nil, err
			}
			fs, err := b.folds(rp.Context, ents)
			if err != nil {
				return nil, err
			}
			out := []*graph.Entity{}
			for i, e := range ents {
				if fs[i].parent == self.ID && fs[i].part == (p == graph.PredPartOf) {
					out = append(out, e)
				}
			}
			return out, nil
		}, nil
	}
}
