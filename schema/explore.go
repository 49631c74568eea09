package schema

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// An edge of the explorable graph: a relation fact (operation_agency, ...)
// joins its two ends; a figure links to its agency, operation and place.
// facts are what states it: the relation facts (more than one where
// curators merged their ends), or the figure itself.
type edge struct {
	source, target graph.ID
	predicate      string
	facts          []graph.ID
}

// edgeKey is an edge without its facts: one line in a drawing.
type edgeKey struct {
	source, target graph.ID
	predicate      string
}

func (e edge) key() edgeKey { return edgeKey{e.source, e.target, e.predicate} }

// linkPredicates are the links from figures to entities that exploration follows.
var linkPredicates = map[graph.Predicate]string{graph.PredAgency: "agency", graph.PredOperation: "operation", graph.PredPlace: "place"}

// neighbours returns the edges touching any of ids, reading the store a
// fixed number of times whatever the number of ids.
func (b *builder) neighbours(ctx context.Context, ids []graph.ID, allowed map[string]bool) ([]edge, error) {
	q := b.requestFrom(ctx)
	v, err := q.curation(ctx)
	if err != nil {
		return nil, err
	}
	var out []edge
	keep := func(e edge) {
		e.source, e.target = v.resolve(e.source), v.resolve(e.target)
		if e.source != e.target && !v.retracted[e.source] && !v.retracted[e.target] && (len(allowed) == 0 || allowed[e.predicate]) {
			out = append(out, e)
		}
	}
	ents, err := q.entities(ctx, ids, false)
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		for p, name := range linkPredicates {
			if to := e.Link(p); to != "" {
				keep(edge{e.ID, to, name, []graph.ID{e.ID}})
			}
		}
	}
	for p, name := range linkPredicates {
		refs, err := b.r.Referrers(ctx, p, ids...)
		if err != nil {
			return nil, err
		}
		for id, rs := range refs {
			for _, from := range rs {
				keep(edge{from, id, name, []graph.ID{from}})
			}
		}
	}
	var relIDs []graph.ID
	for _, p := range []graph.Predicate{graph.PredFrom, graph.PredTo} {
		refs, err := b.r.Referrers(ctx, p, ids...)
		if err != nil {
			return nil, err
		}
		for _, rs := range refs {
			relIDs = append(relIDs, rs...)
		}
	}
	rels, err := q.entities(ctx, dedupe(relIDs), false)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		keep(edge{r.Link(graph.PredFrom), r.Link(graph.PredTo), r.String(graph.PredRel), []graph.ID{r.ID}})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].source != out[j].source {
			return out[i].source < out[j].source
		}
		if out[i].target != out[j].target {
			return out[i].target < out[j].target
		}
		if out[i].predicate != out[j].predicate {
			return out[i].predicate < out[j].predicate
		}
		return out[i].facts[0] < out[j].facts[0]
	})
	// One edge per line: a figure's link is found from both ends, and
	// merged entities join relations that were apart.
	merged := out[:0]
	for _, e := range out {
		if n := len(merged); n > 0 && merged[n-1].key() == e.key() {
			if last := &merged[n-1]; !slices.Contains(last.facts, e.facts[0]) {
				last.facts = append(last.facts, e.facts[0])
			}
			continue
		}
		merged = append(merged, e)
	}
	return merged, nil
}

// label is what a graph drawing shows on a node.
func label(e *graph.Entity) string {
	num := func(p graph.Predicate) string {
		f, _ := e.Float(p)
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	switch e.Kind {
	case graph.KindArrest:
		if _, ok := e.Float(graph.PredCount); ok {
			return num(graph.PredCount) + " arrests"
		}
		return "arrests"
	case graph.KindSeizure:
		s := e.String(graph.PredCommodity)
		if sub := e.String(graph.PredSubtype); sub != "" {
			s = sub
		}
		if _, ok := e.Float(graph.PredAmount); ok {
			return num(graph.PredAmount) + " " + e.String(graph.PredCurrency) + " " + s
		}
		if _, ok := e.Float(graph.PredQuantity); ok {
			return num(graph.PredQuantity) + " " + e.String(graph.PredUnit) + " " + s
		}
		return s
	case graph.KindArticle:
		return e.String(graph.PredHeadline)
	}
	return e.String(graph.PredName)
}

func (b *builder) addExplore(query graphql.Fields) {
	gnode := graphql.NewObject(graphql.ObjectConfig{Name: "GraphNode", Fields: graphql.Fields{
		"id":    &graphql.Field{Type: graphql.NewNonNull(graphql.ID), Resolve: func(p graphql.ResolveParams) (any, error) { return string(p.Source.(*graph.Entity).ID), nil }},
		"type":  &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (any, error) { return string(p.Source.(*graph.Entity).Kind), nil }},
		"label": &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (any, error) { return label(p.Source.(*graph.Entity)), nil }},
		"node":  &graphql.Field{Type: b.node, Description: "The node itself, for its fields.", Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source, nil }},
	}})
	gedge := graphql.NewObject(graphql.ObjectConfig{Name: "GraphEdge", Fields: graphql.Fields{
		"source":    &graphql.Field{Type: graphql.NewNonNull(graphql.ID), Resolve: func(p graphql.ResolveParams) (any, error) { return string(p.Source.(edge).source), nil }},
		"target":    &graphql.Field{Type: graphql.NewNonNull(graphql.ID), Resolve: func(p graphql.ResolveParams) (any, error) { return string(p.Source.(edge).target), nil }},
		"predicate": &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source.(edge).predicate, nil }},
		"facts": &graphql.Field{Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(graphql.ID))),
			Description: "The facts that state this edge: its relation facts (node(id:) gives each one's evidence), or, for a figure's link, the figure.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				ids := p.Source.(edge).facts
				out := make([]string, len(ids))
				for i, id := range ids {
					out[i] = string(id)
				}
				return out, nil
			}},
	}})
	subgraph := graphql.NewObject(graphql.ObjectConfig{Name: "Subgraph", Fields: graphql.Fields{
		"nodes":     &graphql.Field{Type: nonNullList(gnode)},
		"edges":     &graphql.Field{Type: nonNullList(gedge)},
		"truncated": &graphql.Field{Type: graphql.NewNonNull(graphql.Boolean), Description: "Whether limit cut the subgraph short."},
	}})
	path := graphql.NewObject(graphql.ObjectConfig{Name: "Path", Fields: graphql.Fields{
		"length": &graphql.Field{Type: graphql.NewNonNull(graphql.Int)},
		"nodes":  &graphql.Field{Type: nonNullList(gnode)},
		"edges":  &graphql.Field{Type: nonNullList(gedge)},
	}})
	query["neighborhood"] = &graphql.Field{
		Type:        graphql.NewNonNull(subgraph),
		Description: "The nodes within depth hops of a node and the edges between them, ready for a graph drawing.",
		Args: graphql.FieldConfigArgument{
			"id":         &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)},
			"depth":      &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 1, Description: "1 to 4."},
			"limit":      &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 100, Description: "Most nodes returned, up to 1000."},
			"predicates": &graphql.ArgumentConfig{Type: graphql.NewList(graphql.NewNonNull(graphql.String)), Description: "Follow only these edges (agency, operation, place, operation_agency, ...)."},
		},
		Resolve: b.resolveNeighborhood,
	}
	query["paths"] = &graphql.Field{
		Type:        nonNullList(path),
		Description: "The shortest connections between two nodes (up to 10 of them).",
		Args: graphql.FieldConfigArgument{
			"from":    &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)},
			"to":      &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)},
			"maxHops": &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 4, Description: "1 to 6."},
		},
		Resolve: b.resolvePaths,
	}
}

func allowedPredicates(arg any) map[string]bool {
	m := map[string]bool{}
	if ps, ok := arg.([]any); ok {
		for _, p := range ps {
			m[p.(string)] = true
		}
	}
	return m
}

func (b *builder) resolveNeighborhood(p graphql.ResolveParams) (any, error) {
	id := graph.ID(p.Args["id"].(string))
	depth, _ := p.Args["depth"].(int)
	limit, _ := p.Args["limit"].(int)
	if depth < 1 || depth > 4 {
		return nil, errInvalidf("depth must be between 1 and 4, got %d", depth)
	}
	if limit < 1 || limit > 1000 {
		return nil, errInvalidf("limit must be between 1 and 1000, got %d", limit)
	}
	q := b.requestFrom(p.Context)
	start, err := q.entity(p.Context, id)()
	if err != nil {
		return nil, err
	}
	if start == nil {
		return nil, fmt.Errorf("node %s: %w", id, errNotFound)
	}
	allowed := allowedPredicates(p.Args["predicates"])
	seen := map[graph.ID]bool{start.ID: true}
	order := []graph.ID{start.ID}
	edgeSeen := map[edgeKey]bool{}
	var edges []edge
	frontier := []graph.ID{start.ID}
	truncated := false
	for d := 0; d < depth && len(frontier) > 0 && !truncated; d++ {
		es, err := b.neighbours(p.Context, frontier, allowed)
		if err != nil {
			return nil, err
		}
		frontier = nil
		for _, e := range es {
			for _, n := range []graph.ID{e.source, e.target} {
				if !seen[n] {
					if len(order) >= limit {
						truncated = true
						continue
					}
					seen[n] = true
					order = append(order, n)
					frontier = append(frontier, n)
				}
			}
			if seen[e.source] && seen[e.target] && !edgeSeen[e.key()] {
				edgeSeen[e.key()] = true
				edges = append(edges, e)
			}
		}
	}
	nodes, err := q.entities(p.Context, order, false)
	if err != nil {
		return nil, err
	}
	if edges == nil {
		edges = []edge{}
	}
	return map[string]any{"nodes": nodes, "edges": edges, "truncated": truncated}, nil
}

// resolvePaths runs a breadth-first search from one node, keeping every
// parent at the shortest distance, and reads back the shortest paths.
func (b *builder) resolvePaths(p graphql.ResolveParams) (any, error) {
	from, to := graph.ID(p.Args["from"].(string)), graph.ID(p.Args["to"].(string))
	maxHops, _ := p.Args["maxHops"].(int)
	if maxHops < 1 || maxHops > 6 {
		return nil, errInvalidf("maxHops must be between 1 and 6, got %d", maxHops)
	}
	q := b.requestFrom(p.Context)
	v, err := q.curation(p.Context)
	if err != nil {
		return nil, err
	}
	from, to = v.resolve(from), v.resolve(to)
	for _, id := range []graph.ID{from, to} {
		if e, err := q.entity(p.Context, id)(); err != nil || e == nil {
			if err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("node %s: %w", id, errNotFound)
		}
	}
	dist := map[graph.ID]int{from: 0}
	parents := map[graph.ID][]edge{}
	frontier := []graph.ID{from}
	const maxFrontier = 5000 // a hub with thousands of facts must not blow up the search
	for d := 1; d <= maxHops && len(frontier) > 0 && dist[to] == 0 && from != to; d++ {
		es, err := b.neighbours(p.Context, frontier, nil)
		if err != nil {
			return nil, err
		}
		inFrontier := map[graph.ID]bool{}
		for _, id := range frontier {
			inFrontier[id] = true
		}
		var next []graph.ID
		for _, e := range es {
			for _, dir := range [][2]graph.ID{{e.source, e.target}, {e.target, e.source}} {
				here, there := dir[0], dir[1]
				if !inFrontier[here] {
					continue
				}
				if dd, ok := dist[there]; ok && dd < d {
					continue
				}
				if _, ok := dist[there]; !ok {
					dist[there] = d
					next = append(next, there)
				}
				parents[there] = append(parents[there], edge{here, there, e.predicate, e.facts})
			}
		}
		if len(next) > maxFrontier {
			next = next[:maxFrontier]
		}
		frontier = next
	}
	if _, ok := dist[to]; !ok || from == to {
		return []map[string]any{}, nil
	}
	var paths [][]edge
	var walk func(id graph.ID, suffix []edge)
	walk = func(id graph.ID, suffix []edge) {
		if len(paths) >= 10 {
			return
		}
		if id == from {
			paths = append(paths, append([]edge(nil), suffix...))
			return
		}
		for _, pe := range parents[id] {
			walk(pe.source, append([]edge{pe}, suffix...))
		}
	}
	walk(to, nil)
	var ids []graph.ID
	for _, pth := range paths {
		for _, e := range pth {
			ids = append(ids, e.source, e.target)
		}
	}
	ents, err := q.entities(p.Context, dedupe(ids), true)
	if err != nil {
		return nil, err
	}
	byID := map[graph.ID]*graph.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	out := make([]map[string]any, 0, len(paths))
	for _, pth := range paths {
		nodes := []*graph.Entity{byID[from]}
		for _, e := range pth {
			nodes = append(nodes, byID[e.target])
		}
		out = append(out, map[string]any{"length": len(pth), "nodes": nodes, "edges": pth})
	}
	return out, nil
}

func errInvalidf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errInvalid}, args...)...)
}
