package schema

import (
	"fmt"
	"strconv"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// defineTypes makes one object type per kind of node, and its connection.
func (b *builder) defineTypes() {
	b.change = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Change",
		Description: "A curator's change: who changed what, when and why.",
		Fields: graphql.Fields{
			"id":     &graphql.Field{Type: graphql.NewNonNull(graphql.ID), Resolve: changeField(func(c graph.Change) any { return string(c.ID) })},
			"action": &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: changeField(func(c graph.Change) any { return c.Action })},
			"target": &graphql.Field{Type: graphql.NewNonNull(graphql.ID), Resolve: changeField(func(c graph.Change) any { return string(c.Target) })},
			"into":   &graphql.Field{Type: graphql.ID, Resolve: changeField(func(c graph.Change) any { return nilIfEmpty(string(c.Into)) })},
			"field":  &graphql.Field{Type: graphql.String, Resolve: changeField(func(c graph.Change) any { return nilIfEmpty(fieldName(c.Field)) })},
			"value":  &graphql.Field{Type: graphql.String, Description: "For a correction, the new value.", Resolve: changeField(func(c graph.Change) any { return valueString(c.Value) })},
			"old":    &graphql.Field{Type: graphql.String, Description: "For a correction, the value it replaced (as read then); null where there was none.", Resolve: changeField(func(c graph.Change) any { return valueString(c.Old) })},
			"undone": &graphql.Field{Type: graphql.NewNonNull(graphql.Boolean), Description: "Whether an undoChange (not itself undone) undid this.",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					v, err := b.requestFrom(p.Context).curation(p.Context)
					if err != nil {
						return nil, err
					}
					return v.undone[p.Source.(graph.Change).ID], nil
				}},
			"reason": &graphql.Field{Type: graphql.String, Resolve: changeField(func(c graph.Change) any { return nilIfEmpty(c.Reason) })},
			"by":     &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: changeField(func(c graph.Change) any { return c.By })},
			"at":     &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: changeField(func(c graph.Change) any { return c.At.UTC().Format("2006-01-02T15:04:05Z") })},
		},
	})
	b.art = graphql.NewObject(graphql.ObjectConfig{
		Name: "Article", Interfaces: []*graphql.Interface{b.node},
		Description: "A source of facts: a news article or press release.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":        idField(),
				"title":     b.str(graph.PredHeadline),
				"url":       b.str(graph.PredURL),
				"published": b.str(graph.PredPublished),
				"source":    b.str(graph.PredSource),
				"evidence": &graphql.Field{Type: nonNullList(b.evid), Description: "Every sentence of this article that states a fact.",
					Resolve: b.linkedResolver(relKey{pred: graph.PredArticle, kind: graph.KindEvidence})},
			}
		}),
	})
	b.types[graph.KindArticle] = b.art
	b.evid = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Evidence",
		Description: "The sentence of an article that states a fact.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":         idField(),
				"article":    b.link(graph.PredArticle, graph.KindArticle),
				"fact":       &graphql.Field{Type: b.node, Description: "The fact this sentence states.", Resolve: b.linkResolver(graph.PredSupports)},
				"sentence":   b.str(graph.PredSentence),
				"start":      b.intField(graph.PredStart, "Offset of the sentence's first character in the article body."),
				"end":        b.intField(graph.PredEnd, "Offset just past the sentence's last character."),
				"confidence": b.float(graph.PredConfidence),
				"rule":       b.str(graph.PredRule),
				"assertedBy": b.str(graph.PredAssertedBy),
			}
		}),
	})

	object := func(k graph.Kind, desc string, fields func() graphql.Fields) {
		b.types[k] = graphql.NewObject(graphql.ObjectConfig{
			Name: string(k), Description: desc, Interfaces: []*graphql.Interface{b.node},
			Fields: graphql.FieldsThunk(func() graphql.Fields {
				f := fields()
				f["id"] = idField()
				f["evidence"] = &graphql.Field{Type: nonNullList(b.evid), Description: "The sentences that state this, one or more per article.",
					Resolve: b.linkedResolver(relKey{pred: graph.PredSupports, kind: graph.KindEvidence})}
				f["history"] = b.historyField()
				f["retracted"] = b.retractedField()
				return f
			}),
		})
	}
	for _, spec := range graph.Specs() {
		object(spec.Kind, spec.Doc, func() graphql.Fields { return b.specFields(spec) })
	}
	for k, t := range b.types {
		b.conns[k] = b.connectionType(t)
	}
}

// specFields are a kind's fields: those of its spec, its links, the
// lists of the nodes of other kinds that link to it (an agency's
// arrests), and what only this API adds to the kind (kindFields).
func (b *builder) specFields(spec *graph.KindSpec) graphql.Fields {
	f := graphql.Fields{}
	for _, fd := range spec.Fields {
		switch fd.Type {
		case graph.Texts:
			f[fd.Name] = b.strs(fd.Pred)
		case graph.Number:
			f[fd.Name] = b.float(fd.Pred)
		case graph.EventDate:
			b.addDateFields(f, fd.Name)
			continue
		default:
			f[fd.Name] = b.str(fd.Pred)
		}
		f[fd.Name].Description = fd.Doc
	}
	for _, l := range spec.Links {
		f[l.Name] = b.link(l.Pred, l.To)
		if l.All != "" {
			f[l.All] = b.allLinked(l.Pred, l.To, l.AllDoc)
		}
	}
	for _, other := range graph.Specs() {
		for _, l := range other.Links {
			if l.To == spec.Kind && other.List != "" {
				f[other.List] = b.referrers(l.Pred, other.Kind)
			}
		}
	}
	for name, fd := range b.kindFields(spec.Kind) {
		f[name] = fd
	}
	if spec.Kind == graph.KindArrest || spec.Kind == graph.KindSeizure {
		f = b.withFigureFields(f)
	}
	return f
}

// kindFields are the fields of a kind that its spec does not give: the
// relations an operation states, the figures' conflicts.
func (b *builder) kindFields(k graph.Kind) graphql.Fields {
	switch k {
	case graph.KindAgency:
		return graphql.Fields{
			"operations": b.relIn(graph.RelOperationAgency, graph.KindOperation),
			"people":     b.relIn(graph.RelPersonOrg, graph.KindPerson),
		}
	case graph.KindOperation:
		return graphql.Fields{
			"agencies":    b.relOut(graph.RelOperationAgency, graph.KindAgency),
			"agencyRoles": b.agencyRolesField(),
			"partOf":      b.relOutOne(graph.RelOperationPartOf, graph.KindOperation),
			"parts":       b.relIn(graph.RelOperationPartOf, graph.KindOperation),
			"targets":     b.relOut(graph.RelOperationTarget, graph.KindPlatform),
			"places":      b.relOut(graph.RelOperationPlace, graph.KindPlace),
			"named": &graphql.Field{Type: graphql.NewNonNull(graphql.Boolean),
				Description: "False for the operation an article tells of without naming it (one per article, under its own ID); its name is then a label, \"(unnamed: \" and the article's title.",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					return !graph.Unnamed(p.Source.(*graph.Entity).ID), nil
				}},
		}
	case graph.KindArrest:
		return graphql.Fields{
			"conflictsWith": &graphql.Field{Type: nonNullList(b.types[graph.KindArrest]),
				Description: "Other figures for the same operation and agency that sources disagree on.",
				Resolve:     b.conflictsResolver(graph.KindArrest)},
		}
	case graph.KindSeizure:
		return graphql.Fields{
			"kilograms": &graphql.Field{Type: graphql.Float, Description: "The quantity as a mass in kilograms, where it is one.",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					if kg, ok := graph.Kilograms(p.Source.(*graph.Entity)); ok {
						return kg, nil
					}
					return nil, nil
				}},
			"conflictsWith": &graphql.Field{Type: nonNullList(b.types[graph.KindSeizure]),
				Description: "Other figures for the same operation, agency and commodity that sources disagree on.",
				Resolve:     b.conflictsResolver(graph.KindSeizure)},
		}
	case graph.KindPerson:
		return graphql.Fields{"organisation": b.relOutOne(graph.RelPersonOrg, graph.KindAgency)}
	case graph.KindPlace:
		return graphql.Fields{"operations": b.relIn(graph.RelOperationPlace, graph.KindOperation)}
	case graph.KindPlatform, graph.KindGroup:
		return graphql.Fields{"operations": b.relIn(graph.RelOperationTarget, graph.KindOperation)}
	case graph.KindRelation:
		return graphql.Fields{
			"from": &graphql.Field{Type: b.node, Resolve: b.linkResolver(graph.PredFrom)},
			"to":   &graphql.Field{Type: b.node, Resolve: b.linkResolver(graph.PredTo)},
		}
	}
	return nil
}

func nonNullList(t graphql.Type) graphql.Output {
	return graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(t)))
}

func (b *builder) connectionType(t *graphql.Object) *graphql.Object {
	// An edge is its node: the cursor is made only when asked for.
	edge := graphql.NewObject(graphql.ObjectConfig{Name: t.Name() + "Edge", Fields: graphql.Fields{
		"cursor": &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (any, error) {
			return text(cursorOf(p.Source.(*graph.Entity).ID)), nil
		}},
		"node": &graphql.Field{Type: t, Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source, nil }},
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
		"edges": &graphql.Field{Type: nonNullList(edge), Resolve: func(p graphql.ResolveParams) (any, error) {
			c := p.Source.(*connection)
			ents := c.ents
			if ents == nil {
				var err error
				if ents, err = b.requestFrom(p.Context).entities(p.Context, c.ids, false); err != nil {
					return nil, err
				}
			}
			if ents == nil {
				ents = []*graph.Entity{}
			}
			return ents, nil
		}},
	}})
}

func idField() *graphql.Field {
	return &graphql.Field{Type: graphql.NewNonNull(graphql.ID), Resolve: func(p graphql.ResolveParams) (any, error) {
		return text(string(p.Source.(*graph.Entity).ID)), nil
	}}
}

func (b *builder) str(pred graph.Predicate) *graphql.Field {
	return &graphql.Field{Type: graphql.String, Resolve: func(p graphql.ResolveParams) (any, error) {
		return nilIfEmpty(p.Source.(*graph.Entity).String(pred)), nil
	}}
}

func (b *builder) strs(pred graph.Predicate) *graphql.Field {
	return &graphql.Field{Type: nonNullList(graphql.String), Resolve: func(p graphql.ResolveParams) (any, error) {
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

// linkResolver resolves a node's link to another node, batched per level.
func (b *builder) linkResolver(pred graph.Predicate) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		id := p.Source.(*graph.Entity).Link(pred)
		if id == "" {
			return nil, nil
		}
		th := b.requestFrom(p.Context).entity(p.Context, id)
		return func() (any, error) {
			e, err := th()
			if err != nil || e == nil {
				return nil, err
			}
			return e, nil
		}, nil
	}
}

func (b *builder) link(pred graph.Predicate, k graph.Kind) *graphql.Field {
	return &graphql.Field{Type: b.typeOf(k), Resolve: b.linkResolver(pred)}
}

func (b *builder) typeOf(k graph.Kind) graphql.Output {
	if k == graph.KindArticle {
		return b.art
	}
	return b.types[k]
}

// linkedResolver lists the nodes reached by key from this one, batched per level.
func (b *builder) linkedResolver(key relKey) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		th := b.requestFrom(p.Context).linked(p.Context, key, p.Source.(*graph.Entity).ID)
		return func() (any, error) {
			es, err := th()
			if es == nil {
				es = []*graph.Entity{}
			}
			return es, err
		}, nil
	}
}

// referrers lists nodes of kind k that link to this one with pred: an agency's arrests.
func (b *builder) referrers(pred graph.Predicate, k graph.Kind) *graphql.Field {
	return &graphql.Field{Type: nonNullList(b.types[k]), Resolve: b.linkedResolver(relKey{pred: pred, kind: k})}
}

func (b *builder) relOut(rel string, k graph.Kind) *graphql.Field {
	return &graphql.Field{Type: nonNullList(b.types[k]), Resolve: b.linkedResolver(relKey{pred: graph.PredFrom, kind: k, rel: rel, far: graph.PredTo})}
}

func (b *builder) relIn(rel string, k graph.Kind) *graphql.Field {
	return &graphql.Field{Type: nonNullList(b.types[k]), Resolve: b.linkedResolver(relKey{pred: graph.PredTo, kind: k, rel: rel, far: graph.PredFrom})}
}

func (b *builder) relOutOne(rel string, k graph.Kind) *graphql.Field {
	list := b.linkedResolver(relKey{pred: graph.PredFrom, kind: k, rel: rel, far: graph.PredTo})
	return &graphql.Field{Type: b.types[k], Resolve: func(p graphql.ResolveParams) (any, error) {
		th, _ := list(p)
		return func() (any, error) {
			es, err := th.(func() (any, error))()
			if err != nil || len(es.([]*graph.Entity)) == 0 {
				return nil, err
			}
			return es.([]*graph.Entity)[0], nil
		}, nil
	}}
}

func (b *builder) historyField() *graphql.Field {
	return &graphql.Field{Type: nonNullList(b.change), Description: "Curators' changes to this node, oldest first.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			v, err := b.requestFrom(p.Context).curation(p.Context)
			if err != nil {
				return nil, err
			}
			h := v.history[p.Source.(*graph.Entity).ID]
			if h == nil {
				h = []graph.Change{}
			}
			return h, nil
		}}
}

func (b *builder) retractedField() *graphql.Field {
	return &graphql.Field{Type: graphql.NewNonNull(graphql.Boolean), Description: "Whether a curator retracted this.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			v, err := b.requestFrom(p.Context).curation(p.Context)
			if err != nil {
				return nil, err
			}
			return v.retracted[p.Source.(*graph.Entity).ID], nil
		}}
}

func changeField(f func(graph.Change) any) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) { return f(p.Source.(graph.Change)), nil }
}

// nilIfEmpty is s as a String or ID field's value, null where empty.
func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return text(s)
}

// text is s as a String or ID field's value. graphql-go serializes those
// from a *string by reading it and from anything else, a string too,
// through fmt.Sprintf("%v"): a copy of every string of an answer, and the
// time of fmt. The JSON is the same either way.
func text(s string) any { return &s }

// fieldName is the API's name for a predicate: "opg:count" -> "count".
func fieldName(p graph.Predicate) string {
	if len(p) > 4 && p[:4] == "opg:" {
		return string(p[4:])
	}
	return string(p)
}

func valueString(v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return fmt.Sprint(v)
	}
}

// allLinked lists every node of kind to that a node links to by pred: a
// link's All list (graph.Link), such as every agency a haul that several
// claim is under (same.go).
func (b *builder) allLinked(pred graph.Predicate, to graph.Kind, doc string) *graphql.Field {
	return &graphql.Field{Type: nonNullList(b.types[to]), Description: doc,
		Resolve: func(p graphql.ResolveParams) (any, error) {
			q := b.requestFrom(p.Context)
			var ths []func() (*graph.Entity, error)
			for _, id := range p.Source.(*graph.Entity).Links(pred) {
				ths = append(ths, q.entity(p.Context, id))
			}
			return func() (any, error) {
				out := []*graph.Entity{}
				seen := map[graph.ID]bool{}
				for _, th := range ths {
					e, err := th()
					if err != nil {
						return nil, err
					}
					if e != nil && !seen[e.ID] {
						seen[e.ID] = true
						out = append(out, e)
					}
				}
				return out, nil
			}, nil
		}}
}
