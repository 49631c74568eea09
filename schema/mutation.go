package schema

import (
	"context"
	"fmt"
	"math"
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

// correctable are the fields correctFact may set; the numeric ones with
// the largest value they take (a count is also whole).
var correctable = map[string]numberRange{"count": {max: 1e6, whole: true}, "quantity": {max: 1e9}, "amount": {max: 1e13},
	"qualifier": {}, "unit": {}, "currency": {}, "commodity": {}, "subtype": {}, "amountQualifier": {}, "name": {}, "country": {}}

// numberRange bounds a numeric field: from 0 to max; max 0 for text.
type numberRange struct {
	max   float64
	whole bool
}

// parse reads value as a number within the range.
func (r numberRange) parse(field, value string) (float64, error) {
	f, ok := graph.ParseValue(value).(float64)
	switch {
	case !ok:
		return 0, errInvalidf("field %s takes a number, got %q", field, value)
	case f < 0 || f > r.max:
		return 0, errInvalidf("field %s must be between 0 and %g, got %q", field, r.max, value)
	case r.whole && f != math.Trunc(f):
		return 0, errInvalidf("field %s takes a whole number, got %q", field, value)
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
				id, err := b.cfg.Ingest(p.Context, a)
				if err != nil {
					return nil, err
				}
				b.storeChanged()
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
	m["retractFact"] = &graphql.Field{
		Type:        graphql.NewNonNull(b.change),
		Description: "Take a fact out of lists and totals; it stays readable by node(id:) with its history.",
		Args: graphql.FieldConfigArgument{
			"id":     &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)},
			"reason": &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.String)},
		},
		Resolve: change(func(p graphql.ResolveParams) (graph.Change, error) {
			return graph.Change{Action: graph.ActionRetract, Target: graph.ID(p.Args["id"].(string)), Reason: p.Args["reason"].(string)}, nil
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
			"field":  &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.String), Description: "count, quantity, amount, qualifier, unit, currency, commodity, subtype, amountQualifier, name or country."},
			"value":  &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.String)},
			"reason": &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.String)},
		},
		Resolve: change(func(p graphql.ResolveParams) (graph.Change, error) {
			field, value := p.Args["field"].(string), p.Args["value"].(string)
			rng, ok := correctable[field]
			if !ok {
				return graph.Change{}, errInvalidf("field %q cannot be corrected", field)
			}
			var v any = value
			if rng.max > 0 {
				f, err := rng.parse(field, value)
				if err != nil {
					return graph.Change{}, err
				}
				v = f
			}
			return graph.Change{Action: graph.ActionCorrect, Target: graph.ID(p.Args["id"].(string)),
				Field: graph.Predicate("opg:" + field), Value: v, Reason: p.Args["reason"].(string)}, nil
		}),
	}
	return m
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
