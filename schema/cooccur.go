package schema

import (
	"context"
	"sort"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// Co-occurrence: who worked with whom. Two agencies (or an agency and a
// platform) co-occur in an operation both are linked to: an agency that
// led or took part in it (operation_agency) or that a figure of the
// operation names, a platform it targeted. The articles behind a pair are
// those reporting its shared operations.

const (
	pairsAgencyAgency   = "AGENCY_AGENCY"
	pairsAgencyPlatform = "AGENCY_PLATFORM"
)

// pair is one row of the co-occurrence aggregate.
type pair struct {
	a, b       graph.ID
	operations []graph.ID // sorted
	articles   []graph.ID // read for the pairs returned only
}

func (b *builder) addCooccurrence(query graphql.Fields) {
	of := graphql.NewEnum(graphql.EnumConfig{Name: "Pairs", Values: enumValues([]string{pairsAgencyAgency, pairsAgencyPlatform}),
		Description: "AGENCY_AGENCY: two agencies in the same operations; AGENCY_PLATFORM: an agency and a platform its operations targeted."})
	firstOf := func(get func(*pair) []graph.ID) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) {
			n, err := firstArg(p.Args, 1000)
			if err != nil {
				return nil, err
			}
			ids := get(p.Source.(*pair))
			if n < len(ids) {
				ids = ids[:n]
			}
			return b.requestFrom(p.Context).entities(p.Context, ids, false)
		}
	}
	firstArgs := graphql.FieldConfigArgument{"first": &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 10}}
	one := func(get func(*pair) graph.ID) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) {
			es, err := b.requestFrom(p.Context).entities(p.Context, []graph.ID{get(p.Source.(*pair))}, true)
			if err != nil || len(es) == 0 {
				return nil, err
			}
			return es[0], nil
		}
	}
	pairType := graphql.NewObject(graphql.ObjectConfig{Name: "Pair",
		Description: "Two nodes that co-occur, with the operations they share and the articles reporting them.",
		Fields: graphql.Fields{
			"a":              &graphql.Field{Type: graphql.NewNonNull(b.node), Description: "An agency.", Resolve: one(func(p *pair) graph.ID { return p.a })},
			"b":              &graphql.Field{Type: graphql.NewNonNull(b.node), Description: "Another agency, or a platform.", Resolve: one(func(p *pair) graph.ID { return p.b })},
			"operationCount": &graphql.Field{Type: graphql.NewNonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (any, error) { return len(p.Source.(*pair).operations), nil }},
			"articleCount":   &graphql.Field{Type: graphql.NewNonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (any, error) { return len(p.Source.(*pair).articles), nil }},
			"operations":     &graphql.Field{Type: nonNullList(b.node), Args: firstArgs, Resolve: firstOf(func(p *pair) []graph.ID { return p.operations })},
			"articles":       &graphql.Field{Type: nonNullList(b.node), Args: firstArgs, Resolve: firstOf(func(p *pair) []graph.ID { return p.articles })},
		}})
	query["cooccurrence"] = &graphql.Field{
		Type:        nonNullList(pairType),
		Description: "Who worked with whom: pairs of agencies (or agency and platform) by the operations they share, most first, each with those operations and the articles reporting them. The filter keeps the operations it matches, or one of whose arrests or seizures it matches.",
		Args: graphql.FieldConfigArgument{
			"of":     &graphql.ArgumentConfig{Type: graphql.NewNonNull(of)},
			"filter": &graphql.ArgumentConfig{Type: b.filter},
			"first":  &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 50, Description: "Most pairs, those sharing most operations first."},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			f, first, err := b.filterAndFirst(p)
			if err != nil {
				return nil, err
			}
			return b.cooccurrence(p.Context, p.Args["of"].(string), f, first)
		},
	}
}

// cooccurrence finds the first pairs sharing most operations under f.
func (b *builder) cooccurrence(ctx context.Context, of string, f *filter, first int) ([]*pair, error) {
	// Who each operation links to, from all its rows: its own (agencies,
	// targets) and its figures' (the agencies they name).
	all := &filter{}
	agencies, platforms := map[graph.ID]map[graph.ID]bool{}, map[graph.ID]map[graph.ID]bool{}
	add := func(m map[graph.ID]map[graph.ID]bool, op graph.ID, ids []string) {
		for _, id := range ids {
			if m[op] == nil {
				m[op] = map[graph.ID]bool{}
			}
			m[op][graph.ID(id)] = true
		}
	}
	for _, k := range aggKinds() {
		rows, err := b.rowsUnder(ctx, k, all, needs{links: true})
		if err != nil {
			return nil, err
		}
		for r := range rows {
			ops := r.group(linkOperations)
			if k == graph.KindOperation {
				ops = []string{string(r.id)}
				add(platforms, r.id, r.group(linkPlatforms))
			}
			for _, op := range ops {
				add(agencies, graph.ID(op), r.group(linkAgencies))
			}
		}
	}
	// The operations the filter keeps: matched themselves or by a figure.
	var kept map[graph.ID]bool
	if !f.empty() {
		kept = map[graph.ID]bool{}
		for _, k := range aggKinds() {
			rows, err := b.rowsUnder(ctx, k, f, needs{links: true})
			if err != nil {
				return nil, err
			}
			for r := range rows {
				if k == graph.KindOperation {
					kept[r.id] = true
					continue
				}
				for _, op := range r.group(linkOperations) {
					kept[graph.ID(op)] = true
				}
			}
		}
	}
	byPair := map[[2]graph.ID]*pair{}
	note := func(a, c, op graph.ID) {
		k := [2]graph.ID{a, c}
		p := byPair[k]
		if p == nil {
			p = &pair{a: a, b: c}
			byPair[k] = p
		}
		p.operations = append(p.operations, op)
	}
	for op, ags := range agencies {
		if kept != nil && !kept[op] {
			continue
		}
		list := sortedIDs(ags)
		switch of {
		case pairsAgencyAgency:
			for i, a := range list {
				for _, c := range list[i+1:] {
					note(a, c, op)
				}
			}
		case pairsAgencyPlatform:
			for _, a := range list {
				for _, pl := range sortedIDs(platforms[op]) {
					note(a, pl, op)
				}
			}
		}
	}
	out := make([]*pair, 0, len(byPair))
	for _, p := range byPair {
		sort.Slice(p.operations, func(i, j int) bool { return p.operations[i] < p.operations[j] })
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].operations) != len(out[j].operations) {
			return len(out[i].operations) > len(out[j].operations)
		}
		if out[i].a != out[j].a {
			return out[i].a < out[j].a
		}
		return out[i].b < out[j].b
	})
	if len(out) > first {
		out = out[:first]
	}
	return out, b.pairArticles(ctx, out)
}

// pairArticles sets the articles reporting each pair's operations: those
// whose evidence supports the operation.
func (b *builder) pairArticles(ctx context.Context, pairs []*pair) error {
	q := b.requestFrom(ctx)
	v, err := q.curation(ctx)
	if err != nil {
		return err
	}
	thunks := map[graph.ID]func() ([]*graph.Entity, error){}
	for _, p := range pairs {
		for _, op := range p.operations {
			if thunks[op] == nil {
				thunks[op] = q.linked(ctx, relKey{pred: graph.PredSupports, kind: graph.KindEvidence}, op)
			}
		}
	}
	arts := map[graph.ID][]graph.ID{}
	for op, th := range thunks {
		evs, err := th()
		if err != nil {
			return err
		}
		for _, ev := range evs {
			if a := ev.Link(graph.PredArticle); a != "" {
				arts[op] = append(arts[op], v.resolve(a))
			}
		}
	}
	for _, p := range pairs {
		seen := map[graph.ID]bool{}
		for _, op := range p.operations {
			for _, a := range arts[op] {
				if !seen[a] {
					seen[a] = true
					p.articles = append(p.articles, a)
				}
			}
		}
		sort.Slice(p.articles, func(i, j int) bool { return p.articles[i] < p.articles[j] })
	}
	return nil
}

func sortedIDs(set map[graph.ID]bool) []graph.ID {
	out := make([]graph.ID, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
