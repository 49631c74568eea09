package schema

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// Measures and groupings of the aggregate query.
const (
	measureArrests    = "ARREST_COUNT"
	measureSeizures   = "SEIZURE_COUNT"
	measureKilograms  = "SEIZED_KG"
	measureValue      = "SEIZED_VALUE"
	measureOperations = "OPERATION_COUNT"
)

var groupings = []string{"AGENCY", "OPERATION", "COMMODITY", "SUBTYPE", "COUNTRY", "PLATFORM", "MONTH", "YEAR"}

// kgPerUnit converts masses; "ton" is read as a metric tonne, as the
// annotation guide and the scorer read it.
var kgPerUnit = map[string]float64{"tonne": 1000, "ton": 1000, "kg": 1, "g": 0.001, "mg": 1e-6, "lb": 0.45359237, "oz": 0.028349523}

func kilograms(e *graph.Entity) (float64, bool) {
	q, ok := e.Float(graph.PredQuantity)
	f, known := kgPerUnit[e.String(graph.PredUnit)]
	if !ok || !known {
		return 0, false
	}
	return q * f, true
}

// bucket is one group of an aggregate.
type bucket struct {
	key, label, currency string
	value                float64
	facts                []*graph.Entity
}

func (b *builder) addAggregate(query graphql.Fields) {
	measure := graphql.NewEnum(graphql.EnumConfig{Name: "Measure", Values: enumValues([]string{measureArrests, measureSeizures, measureKilograms, measureValue, measureOperations}),
		Description: "ARREST_COUNT sums arrest figures; SEIZURE_COUNT counts seizures; SEIZED_KG sums drug seizures by mass in kg; SEIZED_VALUE sums amounts per currency; OPERATION_COUNT counts operations."})
	groupBy := graphql.NewEnum(graphql.EnumConfig{Name: "GroupBy", Values: enumValues(groupings)})
	bucketType := graphql.NewObject(graphql.ObjectConfig{Name: "Bucket", Fields: graphql.Fields{
		"key":      &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: bucketField(func(k *bucket) any { return k.key })},
		"label":    &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: bucketField(func(k *bucket) any { return k.label })},
		"currency": &graphql.Field{Type: graphql.String, Description: "For SEIZED_VALUE: the currency summed; sums in different currencies are never mixed.", Resolve: bucketField(func(k *bucket) any { return nilIfEmpty(k.currency) })},
		"value":    &graphql.Field{Type: graphql.NewNonNull(graphql.Float), Resolve: bucketField(func(k *bucket) any { return math.Round(k.value*1e6) / 1e6 })},
		"count":    &graphql.Field{Type: graphql.NewNonNull(graphql.Int), Description: "How many facts the bucket holds (each once, however many articles state it).", Resolve: bucketField(func(k *bucket) any { return len(k.facts) })},
		"facts": &graphql.Field{Type: nonNullList(b.node), Description: "The facts behind the value, with their evidence.",
			Args: graphql.FieldConfigArgument{"first": &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 10}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				fs := p.Source.(*bucket).facts
				if n, _ := p.Args["first"].(int); n >= 0 && n < len(fs) {
					fs = fs[:n]
				}
				return fs, nil
			}},
	}})
	query["aggregate"] = &graphql.Field{
		Type:        nonNullList(bucketType),
		Description: "Totals for dashboards, grouped; a fact in several groups (an operation run by two agencies) counts in each.",
		Args: graphql.FieldConfigArgument{
			"measure": &graphql.ArgumentConfig{Type: graphql.NewNonNull(measure)},
			"groupBy": &graphql.ArgumentConfig{Type: graphql.NewNonNull(groupBy)},
			"filter":  &graphql.ArgumentConfig{Type: b.filter},
			"first":   &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 50, Description: "Most buckets, largest first."},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			f, err := parseFilter(p.Args["filter"])
			if err != nil {
				return nil, err
			}
			first, _ := p.Args["first"].(int)
			if first < 1 || first > 1000 {
				return nil, errInvalidf("first must be between 1 and 1000, got %d", first)
			}
			bs, err := b.aggregate(p.Context, p.Args["measure"].(string), p.Args["groupBy"].(string), f)
			if err != nil {
				return nil, err
			}
			if len(bs) > first {
				bs = bs[:first]
			}
			return bs, nil
		},
	}
	b.addConflicts(query)
}

func bucketField(f func(*bucket) any) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) { return f(p.Source.(*bucket)), nil }
}

// aggregate computes the buckets of a measure grouped one way.
func (b *builder) aggregate(ctx context.Context, measure, groupBy string, f *filter) ([]*bucket, error) {
	kind := graph.KindSeizure
	switch measure {
	case measureArrests:
		kind = graph.KindArrest
	case measureOperations:
		kind = graph.KindOperation
	}
	q := b.requestFrom(ctx)
	v, err := q.curation(ctx)
	if err != nil {
		return nil, err
	}
	ids, err := b.r.List(ctx, kind)
	if err != nil {
		return nil, err
	}
	var kept []graph.ID
	for _, id := range ids {
		if !v.retracted[id] && v.resolve(id) == id {
			kept = append(kept, id)
		}
	}
	ents, err := q.entities(ctx, kept, false)
	if err != nil {
		return nil, err
	}
	if !f.empty() {
		match, err := b.matchAll(ctx, f, ents)
		if err != nil {
			return nil, err
		}
		var m []*graph.Entity
		for i, e := range ents {
			if match[i] {
				m = append(m, e)
			}
		}
		ents = m
	}
	// What each fact contributes.
	var facts []*graph.Entity
	var values []float64
	var currencies []string
	for _, e := range ents {
		val, cur := 1.0, ""
		switch measure {
		case measureArrests:
			val, _ = e.Float(graph.PredCount)
		case measureKilograms:
			kg, ok := kilograms(e)
			if !ok || e.String(graph.PredCommodity) != "drugs" {
				continue
			}
			val = kg
		case measureValue:
			amt, ok := e.Float(graph.PredAmount)
			cur = e.String(graph.PredCurrency)
			if !ok || cur == "" {
				continue
			}
			val = amt
		}
		facts, values, currencies = append(facts, e), append(values, val), append(currencies, cur)
	}
	nd := needs{links: groupBy == "AGENCY" || groupBy == "PLATFORM" || groupBy == "COUNTRY", countries: groupBy == "COUNTRY",
		evidence: groupBy == "MONTH" || groupBy == "YEAR"}
	nfs, err := b.gather(ctx, nd, facts)
	if err != nil {
		return nil, err
	}
	buckets := map[string]*bucket{}
	var labelIDs []graph.ID
	for i, e := range facts {
		for _, key := range groupKeys(groupBy, e, nfs[i]) {
			bk := key + "\x00" + currencies[i]
			bu := buckets[bk]
			if bu == nil {
				bu = &bucket{key: key, label: key, currency: currencies[i]}
				buckets[bk] = bu
				if graph.ID(key) != "" && (groupBy == "AGENCY" || groupBy == "OPERATION" || groupBy == "PLATFORM") {
					labelIDs = append(labelIDs, graph.ID(key))
				}
			}
			bu.value += values[i]
			bu.facts = append(bu.facts, e)
		}
	}
	named, err := q.entities(ctx, labelIDs, true)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, e := range named {
		names[string(e.ID)] = e.String(graph.PredName)
	}
	out := make([]*bucket, 0, len(buckets))
	for _, bu := range buckets {
		if n := names[bu.key]; n != "" {
			bu.label = n
		}
		if bu.key == "" {
			bu.label = "(not stated)"
		}
		out = append(out, bu)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].value != out[j].value {
			return out[i].value > out[j].value
		}
		if out[i].key != out[j].key {
			return out[i].key < out[j].key
		}
		return out[i].currency < out[j].currency
	})
	return out, nil
}

// groupKeys are the groups a fact falls in; "" where the text does not say.
func groupKeys(groupBy string, e *graph.Entity, nf nodeFacts) []string {
	fromSet := func(set map[graph.ID]bool) []string {
		var out []string
		for id := range set {
			out = append(out, string(id))
		}
		sort.Strings(out)
		return out
	}
	var keys []string
	switch groupBy {
	case "AGENCY":
		keys = fromSet(nf.agencies)
	case "OPERATION":
		keys = fromSet(nf.operations)
	case "PLATFORM":
		keys = fromSet(nf.platforms)
	case "COUNTRY":
		for c := range nf.countries {
			keys = append(keys, c)
		}
		sort.Strings(keys)
	case "COMMODITY":
		keys = []string{e.String(graph.PredCommodity)}
	case "SUBTYPE":
		keys = []string{e.String(graph.PredSubtype)}
	case "MONTH", "YEAR":
		n := 7
		if groupBy == "YEAR" {
			n = 4
		}
		seen := map[string]bool{}
		for _, d := range nf.dates {
			if len(d) >= n && !seen[d[:n]] {
				seen[d[:n]] = true
				keys = append(keys, d[:n])
			}
		}
		sort.Strings(keys)
		if len(keys) > 1 {
			keys = keys[:1] // a fact happened once: at its earliest date
		}
	}
	if len(keys) == 0 {
		keys = []string{""}
	}
	return keys
}

// --- conflicts ---

// conflictKey groups figures that should agree: the same kind of fact for
// the same operation and agency (and, for seizures, the same commodity
// measured the same way).
func conflictKey(e *graph.Entity) (string, float64, bool) {
	op := e.Link(graph.PredOperation)
	if op == "" {
		return "", 0, false
	}
	base := fmt.Sprint(e.Kind, "|", op, "|", e.Link(graph.PredAgency))
	switch e.Kind {
	case graph.KindArrest:
		n, ok := e.Float(graph.PredCount)
		return base, n, ok
	case graph.KindSeizure:
		base += "|" + e.String(graph.PredCommodity) + "|" + e.String(graph.PredSubtype)
		if amt, ok := e.Float(graph.PredAmount); ok {
			return base + "|" + e.String(graph.PredCurrency), amt, true
		}
		if kg, ok := kilograms(e); ok {
			return base + "|kg", kg, true
		}
		if n, ok := e.Float(graph.PredQuantity); ok {
			return base + "|" + e.String(graph.PredUnit), n, true
		}
	}
	return "", 0, false
}

// conflictsResolver lists the other figures that disagree with this one.
func (b *builder) conflictsResolver(k graph.Kind) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		e := p.Source.(*graph.Entity)
		key, val, ok := conflictKey(e)
		if !ok {
			return []*graph.Entity{}, nil
		}
		th := b.requestFrom(p.Context).linked(p.Context, relKey{pred: graph.PredOperation, kind: k}, e.Link(graph.PredOperation))
		return func() (any, error) {
			sibs, err := th()
			if err != nil {
				return nil, err
			}
			out := []*graph.Entity{}
			for _, s := range sibs {
				if k2, v2, ok := conflictKey(s); ok && k2 == key && v2 != val {
					out = append(out, s)
				}
			}
			return out, nil
		}, nil
	}
}

func (b *builder) addConflicts(query graphql.Fields) {
	conflict := graphql.NewObject(graphql.ObjectConfig{Name: "Conflict",
		Description: "Figures for the same thing that sources disagree on; all are kept, with their evidence.",
		Fields: graphql.Fields{
			"kind":      &graphql.Field{Type: graphql.NewNonNull(graphql.String)},
			"operation": &graphql.Field{Type: b.types[graph.KindOperation]},
			"agency":    &graphql.Field{Type: b.types[graph.KindAgency]},
			"values":    &graphql.Field{Type: nonNullList(graphql.Float)},
			"facts":     &graphql.Field{Type: nonNullList(b.node)},
		}})
	query["conflicts"] = &graphql.Field{
		Type:        nonNullList(conflict),
		Description: "Every group of figures that disagree.",
		Args:        graphql.FieldConfigArgument{"first": &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 50}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			q := b.requestFrom(p.Context)
			groups := map[string][]*graph.Entity{}
			for _, k := range []graph.Kind{graph.KindArrest, graph.KindSeizure} {
				ids, err := b.r.List(p.Context, k)
				if err != nil {
					return nil, err
				}
				ents, err := q.entities(p.Context, ids, false)
				if err != nil {
					return nil, err
				}
				for _, e := range ents {
					if key, _, ok := conflictKey(e); ok {
						groups[key] = append(groups[key], e)
					}
				}
			}
			var keys []string
			for k, es := range groups {
				distinct := map[float64]bool{}
				for _, e := range es {
					_, v, _ := conflictKey(e)
					distinct[v] = true
				}
				if len(distinct) > 1 {
					keys = append(keys, k)
				}
			}
			sort.Strings(keys)
			first, _ := p.Args["first"].(int)
			if first >= 0 && len(keys) > first {
				keys = keys[:first]
			}
			out := []map[string]any{}
			for _, k := range keys {
				es := groups[k]
				var vals []float64
				for _, e := range es {
					_, v, _ := conflictKey(e)
					vals = append(vals, v)
				}
				refs, err := q.entities(p.Context, []graph.ID{es[0].Link(graph.PredOperation), es[0].Link(graph.PredAgency)}, true)
				if err != nil {
					return nil, err
				}
				c := map[string]any{"kind": string(es[0].Kind), "values": vals, "facts": es}
				for _, r := range refs {
					c[map[graph.Kind]string{graph.KindOperation: "operation", graph.KindAgency: "agency"}[r.Kind]] = r
				}
				out = append(out, c)
			}
			return out, nil
		},
	}
}
