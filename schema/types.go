package schema

import (
	"context"
	"sort"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// defineTypes makes one object type per kind of node, and its connection.
func (b *builder) defineTypes() {
	b.art = graphql.NewObject(graphql.ObjectConfig{
		Name: "Article", Interfaces: []*graphql.Interface{b.node},
		Description: "A source of facts: a news article or press release.",
		Fields: graphql.Fields{
			"id":        idField(),
			"title":     b.str(graph.PredHeadline),
			"url":       b.str(graph.PredURL),
			"published": b.str(graph.PredPublished),
			"source":    b.str(graph.PredSource),
		},
	})
	b.types[graph.KindArticle] = b.art
	b.evid = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Evidence",
		Description: "The sentence of an article that states a fact.",
		Fields: graphql.Fields{
			"id":         idField(),
			"article":    b.link(graph.PredArticle, graph.KindArticle),
			"sentence":   b.str(graph.PredSentence),
			"start":      b.intField(graph.PredStart, "Offset of the sentence's first character in the article body."),
			"end":        b.intField(graph.PredEnd, "Offset just past the sentence's last character."),
			"confidence": b.float(graph.PredConfidence),
		},
	})

	object := func(k graph.Kind, desc string, fields func() graphql.Fields) {
		b.types[k] = graphql.NewObject(graphql.ObjectConfig{
			Name: string(k), Description: desc, Interfaces: []*graphql.Interface{b.node},
			Fields: graphql.FieldsThunk(func() graphql.Fields {
				f := fields()
				f["id"] = idField()
				f["evidence"] = b.evidence()
				return f
			}),
		})
	}
	object(graph.KindAgency, "A police force, customs service, prosecutor or international body.", func() graphql.Fields {
		return graphql.Fields{
			"name":       b.str(graph.PredName),
			"aliases":    b.strs(graph.PredAlias),
			"country":    b.str(graph.PredCountry),
			"operations": b.relIn(graph.RelOperationAgency, graph.KindOperation),
			"arrests":    b.referrers(graph.PredAgency, graph.KindArrest),
			"seizures":   b.referrers(graph.PredAgency, graph.KindSeizure),
			"people":     b.relIn(graph.RelPersonOrg, graph.KindPerson),
		}
	})
	object(graph.KindOperation, "A law-enforcement operation, named or not.", func() graphql.Fields {
		return graphql.Fields{
			"name":     b.str(graph.PredName),
			"aliases":  b.strs(graph.PredAlias),
			"agencies": b.relOut(graph.RelOperationAgency, graph.KindAgency),
			"partOf":   b.relOutOne(graph.RelOperationPartOf, graph.KindOperation),
			"parts":    b.relIn(graph.RelOperationPartOf, graph.KindOperation),
			"targets":  b.relOut(graph.RelOperationTarget, graph.KindPlatform),
			"places":   b.relOut(graph.RelOperationPlace, graph.KindPlace),
			"arrests":  b.referrers(graph.PredOperation, graph.KindArrest),
			"seizures": b.referrers(graph.PredOperation, graph.KindSeizure),
		}
	})
	object(graph.KindArrest, "A stated number of arrests.", func() graphql.Fields {
		return graphql.Fields{
			"count":     b.float(graph.PredCount),
			"qualifier": b.str(graph.PredQualifier),
			"date":      b.str(graph.PredDate),
			"agency":    b.link(graph.PredAgency, graph.KindAgency),
			"operation": b.link(graph.PredOperation, graph.KindOperation),
			"place":     b.link(graph.PredPlace, graph.KindPlace),
		}
	})
	object(graph.KindSeizure, "Something seized: a quantity and/or a sum of money.", func() graphql.Fields {
		return graphql.Fields{
			"commodity":       b.str(graph.PredCommodity),
			"subtype":         b.str(graph.PredSubtype),
			"quantity":        b.float(graph.PredQuantity),
			"unit":            b.str(graph.PredUnit),
			"qualifier":       b.str(graph.PredQualifier),
			"amount":          b.float(graph.PredAmount),
			"currency":        b.str(graph.PredCurrency),
			"amountQualifier": b.str(graph.PredAmountQualifier),
			"phrases":         b.strs(graph.PredPhrase),
			"date":            b.str(graph.PredDate),
			"agency":          b.link(graph.PredAgency, graph.KindAgency),
			"operation":       b.link(graph.PredOperation, graph.KindOperation),
			"place":           b.link(graph.PredPlace, graph.KindPlace),
		}
	})
	object(graph.KindPerson, "A named person: an official, a spokesperson, a suspect.", func() graphql.Fields {
		return graphql.Fields{
			"name":         b.str(graph.PredName),
			"titles":       b.strs(graph.PredTitle),
			"roles":        b.strs(graph.PredRole),
			"organisation": b.relOutOne(graph.RelPersonOrg, graph.KindAgency),
		}
	})
	object(graph.KindPlace, "A country, region, city, port or airport.", func() graphql.Fields {
		return graphql.Fields{
			"name":       b.str(graph.PredName),
			"country":    b.str(graph.PredCountry),
			"operations": b.relIn(graph.RelOperationPlace, graph.KindOperation),
		}
	})
	object(graph.KindPlatform, "An encrypted phone service, darknet market or other platform.", func() graphql.Fields {
		return graphql.Fields{
			"name":       b.str(graph.PredName),
			"operations": b.relIn(graph.RelOperationTarget, graph.KindOperation),
		}
	})
	object(graph.KindGroup, "A criminal group with a name.", func() graphql.Fields {
		return graphql.Fields{
			"name":       b.str(graph.PredName),
			"operations": b.relIn(graph.RelOperationTarget, graph.KindOperation),
		}
	})
	for k, t := range b.types {
		b.conns[k] = b.connectionType(t)
	}
}

func (b *builder) connectionType(t *graphql.Object) *graphql.Object {
	edge := graphql.NewObject(graphql.ObjectConfig{Name: t.Name() + "Edge", Fields: graphql.Fields{
		"cursor": &graphql.Field{Type: graphql.NewNonNull(graphql.String)},
		"node":   &graphql.Field{Type: t},
	}})
	return graphql.NewObject(graphql.ObjectConfig{Name: t.Name() + "Connection", Fields: graphql.Fields{
		"totalCount": &graphql.Field{Type: graphql.NewNonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (any, error) {
			return p.Source.(*connection).total, nil
		}},
		"pageInfo": &graphql.Field{Type: graphql.NewNonNull(b.page), Resolve: func(p graphql.ResolveParams) (any, error) {
			c := p.Source.(*connection)
			info := map[string]any{"hasNextPage": c.hasNext}
			if len(c.ids) > 0 {
				info["endCursor"] = cursorOf(c.ids[len(c.ids)-1])
			}
			return info, nil
		}},
		"edges": &graphql.Field{Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(edge))), Resolve: func(p graphql.ResolveParams) (any, error) {
			c := p.Source.(*connection)
			got, err := b.r.Get(p.Context, c.ids...)
			if err != nil {
				return nil, err
			}
			edges := make([]map[string]any, 0, len(c.ids))
			for _, id := range c.ids {
				if e := got[id]; e != nil {
					edges = append(edges, map[string]any{"cursor": cursorOf(id), "node": e})
				}
			}
			return edges, nil
		}},
	}})
}

func idField() *graphql.Field {
	return &graphql.Field{Type: graphql.NewNonNull(graphql.ID), Resolve: func(p graphql.ResolveParams) (any, error) {
		return string(p.Source.(*graph.Entity).ID), nil
	}}
}

func (b *builder) str(pred graph.Predicate) *graphql.Field {
	return &graphql.Field{Type: graphql.String, Resolve: func(p graphql.ResolveParams) (any, error) {
		if s := p.Source.(*graph.Entity).String(pred); s != "" {
			return s, nil
		}
		return nil, nil
	}}
}

func (b *builder) strs(pred graph.Predicate) *graphql.Field {
	return &graphql.Field{Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(graphql.String))), Resolve: func(p graphql.ResolveParams) (any, error) {
		s := p.Source.(*graph.Entity).Strings(pred)
		if s == nil {
			s = []string{}
		}
		return s, nil
	}}
}

func (b *builder) float(pred graph.Predicate) *graphql.Field {
	return &graphql.Field{Type: graphql.Float, Resolve: func(p graphql.ResolveParams) (any, error) {
		if f, ok := p.Source.(*graph.Entity).Float(pred); ok {
			return f, nil
		}
		return nil, nil
	}}
}

func (b *builder) intField(pred graph.Predicate, desc string) *graphql.Field {
	return &graphql.Field{Type: graphql.Int, Description: desc, Resolve: func(p graphql.ResolveParams) (any, error) {
		if f, ok := p.Source.(*graph.Entity).Float(pred); ok {
			return int(f), nil
		}
		return nil, nil
	}}
}

// link resolves a node's link to another node.
func (b *builder) link(pred graph.Predicate, k graph.Kind) *graphql.Field {
	return &graphql.Field{Type: b.typeOf(k), Resolve: func(p graphql.ResolveParams) (any, error) {
		id := p.Source.(*graph.Entity).Link(pred)
		if id == "" {
			return nil, nil
		}
		got, err := b.r.Get(p.Context, id)
		if err != nil || got[id] == nil {
			return nil, err
		}
		return got[id], nil
	}}
}

func (b *builder) typeOf(k graph.Kind) graphql.Output {
	if k == graph.KindArticle {
		return b.art
	}
	return b.types[k]
}

// evidence lists the sentences that state a node.
func (b *builder) evidence() *graphql.Field {
	return &graphql.Field{
		Type:        graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(b.evid))),
		Description: "The sentences that state this fact, one per article (or more).",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id := p.Source.(*graph.Entity).ID
			return b.referrersOf(p.Context, graph.PredSupports, id, graph.KindEvidence)
		},
	}
}

// referrers lists nodes of kind k that link to this one with pred: an agency's arrests.
func (b *builder) referrers(pred graph.Predicate, k graph.Kind) *graphql.Field {
	return &graphql.Field{Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(b.types[k]))), Resolve: func(p graphql.ResolveParams) (any, error) {
		return b.referrersOf(p.Context, pred, p.Source.(*graph.Entity).ID, k)
	}}
}

func (b *builder) referrersOf(ctx context.Context, pred graph.Predicate, id graph.ID, k graph.Kind) ([]*graph.Entity, error) {
	refs, err := b.r.Referrers(ctx, pred, id)
	if err != nil {
		return nil, err
	}
	got, err := b.r.Get(ctx, refs[id]...)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Entity, 0, len(got))
	for _, rid := range refs[id] {
		if e := got[rid]; e != nil && e.Kind == k {
			out = append(out, e)
		}
	}
	return out, nil
}

// related follows relation nodes named rel from (out) or to (in) a node.
func (b *builder) related(ctx context.Context, id graph.ID, rel string, out bool, k graph.Kind) ([]*graph.Entity, error) {
	here, there := graph.PredFrom, graph.PredTo
	if !out {
		here, there = graph.PredTo, graph.PredFrom
	}
	rels, err := b.referrersOf(ctx, here, id, graph.KindRelation)
	if err != nil {
		return nil, err
	}
	var ids []graph.ID
	for _, r := range rels {
		if r.String(graph.PredRel) == rel {
			ids = append(ids, r.Link(there))
		}
	}
	got, err := b.r.Get(ctx, ids...)
	if err != nil {
		return nil, err
	}
	res := make([]*graph.Entity, 0, len(got))
	for _, e := range got {
		if e.Kind == k {
			res = append(res, e)
		}
	}
	sort.Slice(res, func(i, j int) bool { return res[i].ID < res[j].ID })
	return res, nil
}

func (b *builder) relOut(rel string, k graph.Kind) *graphql.Field {
	return &graphql.Field{Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(b.types[k]))), Resolve: func(p graphql.ResolveParams) (any, error) {
		return b.related(p.Context, p.Source.(*graph.Entity).ID, rel, true, k)
	}}
}

func (b *builder) relIn(rel string, k graph.Kind) *graphql.Field {
	return &graphql.Field{Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(b.types[k]))), Resolve: func(p graphql.ResolveParams) (any, error) {
		return b.related(p.Context, p.Source.(*graph.Entity).ID, rel, false, k)
	}}
}

func (b *builder) relOutOne(rel string, k graph.Kind) *graphql.Field {
	return &graphql.Field{Type: b.types[k], Resolve: func(p graphql.ResolveParams) (any, error) {
		es, err := b.related(p.Context, p.Source.(*graph.Entity).ID, rel, true, k)
		if err != nil || len(es) == 0 {
			return nil, err
		}
		return es[0], nil
	}}
}
