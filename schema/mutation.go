package schema

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

type curatorKey struct{}

// WithCurator marks ctx as carrying an authenticated curator's name.
func WithCurator(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, curatorKey{}, name)
}

func curatorFrom(ctx context.Context) (string, error) {
	if name, ok := ctx.Value(curatorKey{}).(string); ok && name != "" {
		return name, nil
	}
	return "", errUnauthorized
}

// parseNumber reads value as a number within what the field takes: from
// 0 to its Max, whole where Whole.
func parseNumber(fd graph.Field, value string) (float64, error) {
	f, ok := graph.ParseValue(value).(float64)
	switch {
	case !ok:
		return 0, errInvalidf("field %s takes a number, got %q", fd.Name, value)
	case f < 0 || f > fd.Max:
		return 0, errInvalidf("field %s must be between 0 and %g, got %q", fd.Name, fd.Max, value)
	case fd.Whole && f != math.Trunc(f):
		return 0, errInvalidf("field %s takes a whole number, got %q", fd.Name, value)
	}
	return f, nil
}

func (b *builder) mutations() graphql.Fields {
	m := graphql.Fields{}
	if b.cfg.Ingest != nil {
		input := graphql.NewInputObject(graphql.InputObjectConfig{Name: "ArticleInput", Fields: graphql.InputObjectConfigFieldMap{
			"title":     &graphql.InputObjectFieldConfig{Type: graphql.String},
			"url":       &graphql.InputObjectFieldConfig{Type: graphql.String, Description: "Its canonical URL: the article's identity."},
			"published": &graphql.InputObjectFieldConfig{Type: graphql.String, Description: "YYYY-MM-DD."},
			"source":    &graphql.InputObjectFieldConfig{Type: graphql.String},
			"text":      &graphql.InputObjectFieldConfig{Type: graphql.NewNonNull(graphql.String), Description: "The article's body as plain text."},
		}})
		m["ingestArticle"] = &graphql.Field{
			Type:        b.art,
			Description: "Extract an article's facts and store them; sending it again replaces its facts.",
			Args:        graphql.FieldConfigArgument{"input": &graphql.ArgumentConfig{Type: graphql.NewNonNull(input)}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				if _, err := curatorFrom(p.Context); err != nil {
					return nil, err
				}
				in := p.Args["input"].(map[string]any)
				str := func(k string) string { s, _ := in[k].(string); return s }
				a := Article{Title: str("title"), URL: str("url"), Published: str("published"), Source: str("source"), Text: str("text")}
				if strings.TrimSpace(a.Text) == "" {
					return nil, errInvalidf("input.text is empty")
				}
				w, added, err := b.ingest(p.Context, a)
				if err != nil {
					return nil, err
				}
				id := w.Article
				if added {
					b.articlesAdded([]graph.Written{w})
				} else {
					b.storeChanged()
				}
				return b.requestFrom(p.Context).entity(p.Context, id)()
			},
		}
	}
	if b.cfg.Curator == nil {
		return m
	}
	change := func(build func(p graphql.ResolveParams) (graph.Change, error)) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) {
			who, err := curatorFrom(p.Context)
			if err != nil {
				return nil, err
			}
			c, err := build(p)
			if err != nil {
				return nil, err
			}
			c.By, c.At = who, time.Now()
			if c.Reason == "" && c.Action != graph.ActionMerge {
				return nil, errInvalidf("reason is empty: say why, for the record")
			}
			id, err := b.cfg.Curator.WriteChange(p.Context, c)
			if err != nil {
				return nil, err
			}
			b.storeChanged()
			c.ID = id
			return c, nil
		}
	}
	retract := func(facts bool) graphql.FieldResolveFn {
		return change(func(p graphql.ResolveParams) (graph.Change, error) {
			id := graph.ID(p.Args["id"].(string))
			e, err := b.stored(p.Context, id)
			if err != nil {
				return graph.Change{}, err
			}
			spec := graph.Spec(e.Kind)
			switch {
			case facts && (spec == nil || !spec.Fact):
				return graph.Change{}, errInvalidf("%s is a%s %s: retractFact takes %s; use retractEntity for entities", id, an(e.Kind), e.Kind, kindList(true))
			case !facts && (spec == nil || spec.Fact):
				return graph.Change{}, errInvalidf("%s is a%s %s: retractEntity takes %s; use retractFact for facts", id, an(e.Kind), e.Kind, kindList(false))
			}
			return graph.Change{Action: graph.ActionRetract, Target: id, Reason: p.Args["reason"].(string)}, nil
		})
	}
	retractArgs := graphql.FieldConfigArgument{
		"id":     &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)},
		"reason": &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.String)},
	}
	m["retractFact"] = &graphql.Field{
		Type:        graphql.NewNonNull(b.change),
		Description: "Take a fact (an arrest, a seizure, a relation) out of lists and totals; it stays readable by node(id:) with its history. undoChange brings it back.",
		Args:        retractArgs,
		Resolve:     retract(true),
	}
	m["retractEntity"] = &graphql.Field{
		Type:        graphql.NewNonNull(b.change),
		Description: "Take an entity (agency, operation, person, place, platform, group) out of lists; it stays readable by node(id:) with its history.",
		Args:        retractArgs,
		Resolve:     retract(false),
	}
	m["undoChange"] = &graphql.Field{
		Type:        graphql.NewNonNull(b.change),
		Description: "Undo a curator's change (a retraction, merge, correction or undo); both stay in the history.",
		Args: graphql.FieldConfigArgument{
			"id":     &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID), Description: "The change's ID."},
			"reason": &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.String)},
		},
		Resolve: change(func(p graphql.ResolveParams) (graph.Change, error) {
			id := graph.ID(p.Args["id"].(string))
			e, err := b.stored(p.Context, id)
			if err != nil {
				return graph.Change{}, err
			}
			if e.Kind != graph.KindChange {
				return graph.Change{}, errInvalidf("%s is a%s %s, not a change: undoChange takes the id of a change (see changes or a node's history)", id, an(e.Kind), e.Kind)
			}
			v, err := b.requestFrom(p.Context).curation(p.Context)
			if err != nil {
				return graph.Change{}, err
			}
			if v.undone[id] {
				return graph.Change{}, errInvalidf("change %s is already undone", id)
			}
			return graph.Change{Action: graph.ActionUndo, Target: id, Reason: p.Args["reason"].(string)}, nil
		}),
	}
	m["mergeEntities"] = &graphql.Field{
		Type:        graphql.NewNonNull(b.change),
		Description: "Read one entity as another from now on: its facts and relations move to the one kept.",
		Args: graphql.FieldConfigArgument{
			"keep":   &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)},
			"merge":  &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)},
			"reason": &graphql.ArgumentConfig{Type: graphql.String},
		},
		Resolve: change(func(p graphql.ResolveParams) (graph.Change, error) {
			reason, _ := p.Args["reason"].(string)
			c := graph.Change{Action: graph.ActionMerge, Target: graph.ID(p.Args["merge"].(string)), Into: graph.ID(p.Args["keep"].(string)), Reason: reason}
			return c, b.checkSameKind(p.Context, c.Target, c.Into)
		}),
	}
	m["correctFact"] = &graphql.Field{
		Type:        graphql.NewNonNull(b.change),
		Description: "Set one field of a fact to the right value; the sources' value stays in the history.",
		Args: graphql.FieldConfigArgument{
			"id":     &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)},
			"field":  &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.String), Description: correctableDoc()},
			"value":  &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.String)},
			"reason": &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.String)},
		},
		Resolve: change(func(p graphql.ResolveParams) (graph.Change, error) {
			field, value := p.Args["field"].(string), strings.TrimSpace(p.Args["value"].(string))
			id := graph.ID(p.Args["id"].(string))
			e, err := b.stored(p.Context, id)
			if err != nil {
				return graph.Change{}, err
			}
			var fields []string
			spec := graph.Spec(e.Kind)
			if spec != nil {
				fields = spec.Correctable()
			}
			if !slices.Contains(fields, field) {
				if len(fields) == 0 {
					return graph.Change{}, errInvalidf("a%s %s cannot be corrected; arrests, seizures and entities can", an(e.Kind), e.Kind)
				}
				return graph.Change{}, errInvalidf("field %q cannot be corrected on a%s %s; it may be: %s", field, an(e.Kind), e.Kind, strings.Join(fields, ", "))
			}
			fd, link, _ := spec.Field(field)
			var pred graph.Predicate
			var v any = value
			switch {
			case link.To != "":
				pred = link.Pred
				to, err := b.stored(p.Context, graph.ID(value))
				if err != nil {
					return graph.Change{}, err
				}
				if to.Kind != link.To {
					return graph.Change{}, errInvalidf("field %s takes the ID of a%s %s, got a%s %s", field, an(link.To), link.To, an(to.Kind), to.Kind)
				}
				v = graph.ID(value)
			case fd.Type == graph.Date:
				pred = fd.Pred
				if graph.ISODate(value) == "" {
					return graph.Change{}, errInvalidf("field date takes a date (2021-06-08, 8 June 2021, June 2021 or 2021), got %q", value)
				}
			case fd.Type == graph.Number:
				pred = fd.Pred
				f, err := parseNumber(fd, value)
				if err != nil {
					return graph.Change{}, err
				}
				v = f
			default:
				pred = fd.Pred
			}
			// The value it replaces, as read now (with earlier corrections).
			cur, err := b.requestFrom(p.Context).entity(p.Context, id)()
			if err != nil {
				return graph.Change{}, err
			}
			var old any
			if cur != nil && len(cur.Props[pred]) > 0 {
				old = cur.Props[pred][0]
				if i, ok := old.(int64); ok {
					old = float64(i)
				}
			}
			return graph.Change{Action: graph.ActionCorrect, Target: id, Field: pred, Value: v, Old: old, Reason: p.Args["reason"].(string)}, nil
		}),
	}
	return m
}

// stored reads one node as stored, or says it is not found.
func (b *builder) stored(ctx context.Context, id graph.ID) (*graph.Entity, error) {
	got, err := b.r.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if got[id] == nil {
		return nil, fmt.Errorf("node %s: %w", id, errNotFound)
	}
	return got[id], nil
}

// correctableDoc says what correctFact may set, from the kinds' specs:
// "An arrest's count, ...; a seizure's ...; an entity's name (and an
// agency's or place's country). Links take ...".
func correctableDoc() string {
	var facts []string
	var entityFields []string       // fields every entity may have corrected, in order
	others := map[string][]string{} // a field some entities may have corrected -> those kinds
	var otherOrder []string
	var entities []*graph.KindSpec
	for _, s := range graph.Specs() {
		fields := s.Correctable()
		switch {
		case len(fields) == 0:
		case s.Fact:
			facts = append(facts, "a"+an(s.Kind)+" "+strings.ToLower(string(s.Kind))+"'s "+orList(fields))
		default:
			entities = append(entities, s)
		}
	}
	for i, s := range entities {
		for _, f := range s.Correctable() {
			everywhere := true
			for _, o := range entities {
				everywhere = everywhere && slices.Contains(o.Correctable(), f)
			}
			switch {
			case everywhere && i == 0:
				entityFields = append(entityFields, f)
			case !everywhere:
				name := strings.ToLower(string(s.Kind)) + "'s"
				if others[f] == nil { // the first: "an agency's or place's country"
					name = "a" + an(s.Kind) + " " + name
					otherOrder = append(otherOrder, f)
				}
				others[f] = append(others[f], name)
			}
		}
	}
	parts := facts
	if len(entities) > 0 {
		e := "an entity's " + orList(entityFields)
		var extra []string
		for _, f := range otherOrder {
			extra = append(extra, orList(others[f])+" "+f)
		}
		if len(extra) > 0 {
			e += " (and " + strings.Join(extra, "; ") + ")"
		}
		parts = append(parts, e)
	}
	doc := strings.Join(parts, "; ") + ". Links take the ID of a node of the right kind."
	return strings.ToUpper(doc[:1]) + doc[1:]
}

// orList joins names as "a, b or c".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// kindList names the kinds of facts ("an arrest, a seizure or a
// relation"), or of entities ("an agency, operation, ... or group").
func kindList(facts bool) string {
	var names []string
	for _, s := range graph.Specs() {
		if s.Fact != facts {
			continue
		}
		name := strings.ToLower(string(s.Kind))
		if facts || len(names) == 0 {
			name = "a" + an(s.Kind) + " " + name
		}
		names = append(names, name)
	}
	return orList(names)
}

// an is "n" before a kind whose name starts with a vowel: "an Agency".
func an(k graph.Kind) string {
	if k != "" && strings.ContainsRune("AEIOU", rune(k[0])) {
		return "n"
	}
	return ""
}

// checkSameKind refuses to merge an agency into a place, or a missing node.
func (b *builder) checkSameKind(ctx context.Context, a, c graph.ID) error {
	got, err := b.r.Get(ctx, a, c)
	if err != nil {
		return err
	}
	for _, id := range []graph.ID{a, c} {
		if got[id] == nil {
			return fmt.Errorf("node %s: %w", id, errNotFound)
		}
	}
	if got[a].Kind != got[c].Kind {
		return errInvalidf("cannot merge a %s into a %s", got[a].Kind, got[c].Kind)
	}
	return nil
}

// ingest stores an article and reports whether it is new: not stored
// before under its ID, so its facts only add to the store. Ingests run
// one at a time, so that two of one article do not both count as new.
func (b *builder) ingest(ctx context.Context, a Article) (w graph.Written, added bool, err error) {
	b.ingestMu.Lock()
	defer b.ingestMu.Unlock()
	want := graph.ArticleID(a.URL, a.Text)
	before, err := b.r.Get(ctx, want)
	if err != nil {
		return graph.Written{}, false, err
	}
	if w, err = b.cfg.Ingest(ctx, a); err != nil {
		return graph.Written{}, false, err
	}
	return w, w.Article == want && before[want] == nil && w.Removed == 0, nil
}
