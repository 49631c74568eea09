package schema

import (
	"context"
	"fmt"
	"iter"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

var groupings = []string{"AGENCY", "OPERATION", "COMMODITY", "SUBTYPE", "COUNTRY", "PLATFORM", "MONTH", "YEAR"}

// measure is one of the aggregate's measures: the kind whose facts it
// reads and its place among that kind's measures (aggRow.figures).
type measure struct {
	graph.Measure
	kind graph.Kind
	slot int
}

// measures are the aggregate's measures, from the kinds' specs: the
// facts' first (arrests, seizures), then the entities' (operations).
func measures() ([]measure, error) {
	var out []measure
	for _, facts := range []bool{true, false} {
		for _, s := range graph.Specs() {
			if s.Fact != facts {
				continue
			}
			if len(s.Measures) > len(aggRow{}.figures) {
				return nil, fmt.Errorf("schema: kind %s has %d measures, the aggregate table keeps %d a fact", s.Kind, len(s.Measures), len(aggRow{}.figures))
			}
			for i, m := range s.Measures {
				out = append(out, measure{Measure: m, kind: s.Kind, slot: i})
			}
		}
	}
	return out, nil
}

// slotOf is where rows of kind k keep the figure of the measure named name.
func slotOf(k graph.Kind, name string) int {
	for i, m := range graph.Spec(k).Measures {
		if m.Name == name {
			return i
		}
	}
	panic("schema: no measure " + name + " of kind " + string(k))
}

func (b *builder) addAggregate(query graphql.Fields) {
	var names, docs []string
	for _, m := range b.measures {
		names = append(names, m.Name)
		docs = append(docs, m.Name+" "+m.Doc)
	}
	measure := graphql.NewEnum(graphql.EnumConfig{Name: "Measure", Values: enumValues(names), Description: strings.Join(docs, "; ") + "."})
	groupBy := graphql.NewEnum(graphql.EnumConfig{Name: "GroupBy", Values: enumValues(groupings)})
	bucketType := graphql.NewObject(graphql.ObjectConfig{Name: "Bucket", Fields: graphql.Fields{
		"key":      &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: bucketField(func(k *bucket) any { return k.key })},
		"label":    &graphql.Field{Type: graphql.NewNonNull(graphql.String), Resolve: bucketField(func(k *bucket) any { return k.label })},
		"currency": &graphql.Field{Type: graphql.String, Description: "For SEIZED_VALUE: the currency summed; sums in different currencies are never mixed.", Resolve: bucketField(func(k *bucket) any { return nilIfEmpty(k.currency) })},
		"value":    &graphql.Field{Type: graphql.NewNonNull(graphql.Float), Resolve: bucketField(func(k *bucket) any { return math.Round(k.value*1e6) / 1e6 })},
		"count":    &graphql.Field{Type: graphql.NewNonNull(graphql.Int), Description: "How many facts the bucket holds (each once, however many articles state it).", Resolve: bucketField(func(k *bucket) any { return len(k.facts) })},
		"datedByArticle": &graphql.Field{Type: graphql.NewNonNull(graphql.Int),
			Description: "How many of the bucket's facts are dated by their article's publication date, the text giving no date of the event (by MONTH and YEAR: placed by that date).",
			Resolve:     bucketField(func(k *bucket) any { return k.datedByArticle })},
		"facts": &graphql.Field{Type: nonNullList(b.node), Description: "The facts behind the value, with their evidence.",
			Args: graphql.FieldConfigArgument{"first": &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 10}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				fs := p.Source.(*bucket).facts
				n, err := firstArg(p.Args, 1000)
				if err != nil {
					return nil, err
				}
				if n < len(fs) {
					fs = fs[:n]
				}
				return b.requestFrom(p.Context).entities(p.Context, fs, false)
			}},
	}})
	query["aggregate"] = &graphql.Field{
		Type:        nonNullList(bucketType),
		Description: "Totals for dashboards, grouped; a fact in several groups (an operation run by two agencies) counts in each. Each haul and group of arrests counts once: parts and restatements of a figure are in it (see docs/api.md), past figures only with includeContext.",
		Args: graphql.FieldConfigArgument{
			"measure": &graphql.ArgumentConfig{Type: graphql.NewNonNull(measure)},
			"groupBy": &graphql.ArgumentConfig{Type: graphql.NewNonNull(groupBy)},
			"filter":  &graphql.ArgumentConfig{Type: b.filter},
			"first":   &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 50, Description: "Most buckets, largest first."},
			"includeContext": &graphql.ArgumentConfig{Type: graphql.Boolean, DefaultValue: false,
				Description: "Count past records and yearly totals that articles give for comparison (left out by default)."},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			f, first, err := b.filterAndFirst(p)
			if err != nil {
				return nil, err
			}
			withContext, _ := p.Args["includeContext"].(bool)
			return b.aggregate(p.Context, p.Args["measure"].(string), p.Args["groupBy"].(string), f, first, withContext)
		},
	}
	b.addConflicts(query)
}

func bucketField(f func(*bucket) any) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) { return f(p.Source.(*bucket)), nil }
}

// bucket is one group of an aggregate.
type bucket struct {
	key, label, currency string
	value                float64
	facts                []graph.ID
	datedByArticle       int // facts whose date is their article's, the text giving none
}

// aggRow is what the aggregates read of one fact: what it adds to each
// measure and the groups it falls in. The table holds one per fact of
// the kinds with measures (hundreds of thousands on a big store), so it
// is kept small.
type aggRow struct {
	id graph.ID
	// figures holds what the fact adds to each measure of its kind, in
	// the order of its spec's Measures; NaN where it adds nothing.
	figures  [3]float64
	folded   bool   // a part or restatement of a fact that counts (see folds)
	context  bool   // a past or yearly figure, counted only on request
	currency string // of a measure summed per currency

	commodity string
	subtype   string
	// links holds the row's sorted agency, operation, platform and place
	// IDs and country codes, one run after another; ends[g] is where run
	// g ends (linkAgencies ... linkCountries).
	links []string
	ends  [linkGroups]uint16
	dates []string // the fact's own dates, else its articles'
	month string   // of the fact's earliest date ("2024-02"); "" if none
	year  string
	// datedByArticle: dates are its articles' publication dates, the text
	// giving none of the event.
	datedByArticle bool
}

// The runs of aggRow.links.
const (
	linkAgencies = iota
	linkOperations
	linkPlatforms
	linkPlaces
	linkCountries
	linkGroups
)

// group returns run g of the row's links.
func (r *aggRow) group(g int) []string {
	start := 0
	if g > 0 {
		start = int(r.ends[g-1])
	}
	return r.links[start:r.ends[g]]
}

// The row as the filter predicate reads it (filter.admits); what it does
// not hold (text, confidence, article dates) tableFilter keeps out of
// the conditions.
func (r *aggRow) has(g int, v string) bool {
	sorted := r.group(g)
	i := sort.SearchStrings(sorted, v)
	return i < len(sorted) && sorted[i] == v
}

func (r *aggRow) hasAny(g int, set map[graph.ID]bool) bool {
	for _, v := range r.group(g) {
		if set[graph.ID(v)] {
			return true
		}
	}
	return false
}

func (r *aggRow) value(p graph.Predicate) string {
	switch p {
	case graph.PredCommodity:
		return r.commodity
	case graph.PredSubtype:
		return r.subtype
	}
	return ""
}

func (r *aggRow) hasText(string) bool    { return false }
func (r *aggRow) confidence() float64    { return 0 }
func (r *aggRow) factDates() []string    { return r.dates }
func (r *aggRow) articleDates() []string { return nil }

// tableFilter reports whether the table can answer an aggregate under f:
// it holds no text, confidence or article dates.
func (f *filter) tableFilter() bool {
	return f.text == "" && f.articleFrom == "" && f.articleTo == "" && f.minConfidence == 0
}

// rowOf makes a fact's row; intern, where not nil, gives the one copy of
// each string the table keeps (an agency's ID is in thousands of rows).
func rowOf(e *graph.Entity, nf nodeFacts, intern func(string) string) aggRow {
	if intern == nil {
		intern = func(s string) string { return s }
	}
	r := aggRow{id: e.ID, commodity: intern(e.String(graph.PredCommodity)), subtype: intern(e.String(graph.PredSubtype)),
		dates: nf.dates, month: earliest(nf.dates, 7), year: earliest(nf.dates, 4),
		datedByArticle: len(nf.dates) > 0 && len(ownDates(e)) == 0}
	r.figures = [len(r.figures)]float64{math.NaN(), math.NaN(), math.NaN()}
	if spec := graph.Spec(e.Kind); spec != nil {
		for i, m := range spec.Measures {
			v, ok := 1.0, true
			if m.Value != nil {
				v, ok = m.Value(e)
			}
			if !ok {
				continue
			}
			r.figures[i] = v
			if m.PerCurrency {
				r.currency = intern(e.String(graph.PredCurrency))
			}
		}
	}
	countries := map[graph.ID]bool{}
	for c := range nf.countries {
		countries[graph.ID(c)] = true
	}
	n := len(nf.agencies) + len(nf.operations) + len(nf.platforms) + len(nf.places) + len(countries)
	if n > 0 {
		r.links = make([]string, 0, n)
	}
	for g, set := range [linkGroups]map[graph.ID]bool{nf.agencies, nf.operations, nf.platforms, nf.places, countries} {
		start := len(r.links)
		for id := range set {
			r.links = append(r.links, intern(string(id)))
		}
		sort.Strings(r.links[start:])
		r.ends[g] = uint16(min(len(r.links), math.MaxUint16))
	}
	return r
}

// earliest is the first of the dates cut to n characters (7 a month, 4 a
// year), skipping dates too short for it: a fact happened once.
func earliest(dates []string, n int) string {
	min := ""
	for _, d := range dates {
		if len(d) >= n && (min == "" || d[:n] < min) {
			min = d[:n]
		}
	}
	return min
}

// aggTable holds the rows of every arrest, seizure and operation, so an
// unfiltered aggregate reads no store: on a big store reading the facts
// and their links took longer than a request may.
type aggTable struct {
	rows map[graph.Kind]*rowList
	same *sameFigures // facts read as one (same.go)
	// raw holds the rows of the facts in same as they were before being
	// read as one (duplicates included), for updates in place; byKey the
	// facts (their own rows) in each group of figures (sameKey), sorted.
	raw   map[graph.Kind]*rowList
	byKey map[string][]keyed

	mu      sync.Mutex
	answers map[aggKey][]*bucket // unfiltered answers: the same until the table is built again
}

type aggKey struct {
	measure, groupBy string
	first            int
	includeContext   bool
}

// maxAnswers bounds the unfiltered answers a table keeps; a dashboard asks a few.
const maxAnswers = 64

// measureNamed returns the measure of that name.
func (b *builder) measureNamed(name string) (measure, bool) {
	for _, m := range b.measures {
		if m.Name == name {
			return m, true
		}
	}
	return measure{}, false
}

// answer returns the unfiltered answer for k, computing it once.
func (t *aggTable) answer(k aggKey, compute func() ([]*bucket, error)) ([]*bucket, error) {
	t.mu.Lock()
	out, ok := t.answers[k]
	t.mu.Unlock()
	if ok {
		return out, nil
	}
	out, err := compute()
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	if t.answers == nil {
		t.answers = map[aggKey][]*bucket{}
	}
	if len(t.answers) < maxAnswers {
		t.answers[k] = out
	}
	t.mu.Unlock()
	return out, nil
}

// aggChunk is how many facts the table reads per request: each request
// keeps what it loaded, so one for all would hold the whole graph.
const aggChunk = 2000

// aggRows reads the facts of ids that curators left and f keeps, with
// what nd says to gather.
func (b *builder) aggRows(ctx context.Context, ids []graph.ID, f *filter, nd needs) ([]aggRow, error) {
	q := b.requestFrom(ctx)
	v, err := q.curation(ctx)
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
	nfs, err := b.gather(ctx, nd, ents)
	if err != nil {
		return nil, err
	}
	fs, err := b.folds(ctx, ents)
	if err != nil {
		return nil, err
	}
	rows := make([]aggRow, len(ents))
	for i, e := range ents {
		rows[i] = rowOf(e, nfs[i], nil)
		rows[i].folded, rows[i].context = fs[i].under != "", fs[i].context
	}
	return rows, nil
}

// aggregate computes the largest first buckets of a measure grouped one
// way: from the table, unless the filter asks what only the store holds.
func (b *builder) aggregate(ctx context.Context, measure, groupBy string, f *filter, first int, includeContext bool) ([]*bucket, error) {
	m, ok := b.measureNamed(measure)
	if !ok {
		return nil, errInvalidf("no measure %s", measure)
	}
	kind := m.kind
	if f.empty() {
		t, err := b.aggs.get(ctx)
		if err != nil {
			return nil, err
		}
		return t.answer(aggKey{measure, groupBy, first, includeContext}, func() ([]*bucket, error) {
			return b.buckets(ctx, t.rows[kind].all(), measure, groupBy, first, includeContext)
		})
	}
	// Dates from all the evidence, where the table reads only what date
	// phrases leave open: the e2e tests compare the two.
	nd := needs{links: groupBy == "AGENCY" || groupBy == "PLATFORM" || groupBy == "COUNTRY", countries: groupBy == "COUNTRY",
		evidence: groupBy == "MONTH" || groupBy == "YEAR"}
	rows, err := b.rowsUnder(ctx, kind, f, nd)
	if err != nil {
		return nil, err
	}
	return b.buckets(ctx, rows, measure, groupBy, first, includeContext)
}

// rowsUnder returns the rows of the facts of kind that f keeps: from the
// table, unless the filter asks what only the store holds; then read with
// what nd says besides what f needs.
func (b *builder) rowsUnder(ctx context.Context, kind graph.Kind, f *filter, nd needs) (iter.Seq[*aggRow], error) {
	if !f.tableFilter() {
		ids, err := b.r.List(ctx, kind)
		if err != nil {
			return nil, err
		}
		rows, err := b.aggRows(ctx, ids, f, nd)
		return rowsOf(rows), err
	}
	t, err := b.aggs.get(ctx)
	if err != nil {
		return nil, err
	}
	if f.empty() {
		return t.rows[kind].all(), nil
	}
	var opSet map[graph.ID]bool
	if f.operation != "" {
		if opSet, err = b.subOperations(ctx, f.operation); err != nil {
			return nil, err
		}
	}
	var rows []aggRow
	for r := range t.rows[kind].all() {
		if f.admits(r, opSet) {
			rows = append(rows, *r)
		}
	}
	return rowsOf(rows), nil
}

// rowsOf yields each of rows.
func rowsOf(rows []aggRow) iter.Seq[*aggRow] {
	return func(yield func(*aggRow) bool) {
		for i := range rows {
			if !yield(&rows[i]) {
				return
			}
		}
	}
}

// buckets groups rows into the first largest buckets of a measure, labelled.
func (b *builder) buckets(ctx context.Context, rows iter.Seq[*aggRow], measure, groupBy string, first int, includeContext bool) ([]*bucket, error) {
	m, _ := b.measureNamed(measure)
	out := groupRows(rows, m, groupBy, includeContext)
	if len(out) > first {
		// A copy: the rest (a bucket per operation, grouped by operation)
		// must not stay alive in a kept answer.
		out = slices.Clone(out[:first])
	}
	// Labels only for the buckets returned: there may be an operation's
	// bucket for every operation.
	var labelIDs []graph.ID
	if groupBy == "AGENCY" || groupBy == "OPERATION" || groupBy == "PLATFORM" {
		for _, bu := range out {
			if bu.key != "" {
				labelIDs = append(labelIDs, graph.ID(bu.key))
			}
		}
	}
	named, err := b.requestFrom(ctx).entities(ctx, labelIDs, true)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, e := range named {
		names[string(e.ID)] = e.String(graph.PredName)
	}
	for _, bu := range out {
		if n := names[bu.key]; n != "" {
			bu.label = n
		}
		if bu.key == "" {
			bu.label = "(not stated)"
		}
	}
	return out, nil
}

// groupRows sums a measure over rows into buckets, largest first: each
// haul and group of arrests once (parts and restatements are in their
// whole), past figures only where includeContext.
func groupRows(rows iter.Seq[*aggRow], m measure, groupBy string, includeContext bool) []*bucket {
	buckets := map[string]*bucket{}
	for r := range rows {
		if r.folded || r.context && !includeContext {
			continue
		}
		val, cur := r.figures[m.slot], ""
		if math.IsNaN(val) {
			continue
		}
		if m.PerCurrency {
			cur = r.currency
		}
		for _, key := range groupKeys(groupBy, r) {
			bk := key + "\x00" + cur
			bu := buckets[bk]
			if bu == nil {
				bu = &bucket{key: key, label: key, currency: cur}
				buckets[bk] = bu
			}
			bu.value += val
			bu.facts = append(bu.facts, r.id)
			if r.datedByArticle {
				bu.datedByArticle++
			}
		}
	}
	out := make([]*bucket, 0, len(buckets))
	for _, bu := range buckets {
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
	return out
}

// groupKeys are the groups a fact falls in; "" where the text does not say.
func groupKeys(groupBy string, r *aggRow) []string {
	var keys []string
	switch groupBy {
	case "AGENCY":
		keys = r.group(linkAgencies)
	case "OPERATION":
		keys = r.group(linkOperations)
	case "PLATFORM":
		keys = r.group(linkPlatforms)
	case "COUNTRY":
		keys = r.group(linkCountries)
	case "COMMODITY":
		return []string{r.commodity}
	case "SUBTYPE":
		return []string{r.subtype}
	case "MONTH":
		return []string{r.month}
	case "YEAR":
		return []string{r.year}
	}
	if len(keys) == 0 {
		return []string{""}
	}
	return keys
}

// --- conflicts ---

// conflictKey groups figures that should agree: the same kind of fact for
// the same operation and agency (and, for seizures, the same commodity
// measured the same way).
func conflictKey(e *graph.Entity) (string, float64, bool) {
	op := e.Link(graph.PredOperation)
	if op == "" || graph.Unnamed(op) {
		return "", 0, false // an unnamed operation's figures are one article's, which does not disagree with itself
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
		if kg, ok := graph.Kilograms(e); ok {
			return base + "|kg", kg, true
		}
		if n, ok := e.Float(graph.PredQuantity); ok {
			return base + "|" + e.String(graph.PredUnit), n, true
		}
	}
	return "", 0, false
}

// ownFigures keeps, in order, the facts that give a figure of their own:
// not a part or restatement of another, not a past figure. A whole and
// its parts, or a record and this year's haul, do not disagree.
func (b *builder) ownFigures(ctx context.Context, ents []*graph.Entity) ([]*graph.Entity, error) {
	fs, err := b.folds(ctx, ents)
	if err != nil {
		return nil, err
	}
	out := ents[:0:0]
	for i, e := range ents {
		if fs[i].under == "" && !fs[i].context {
			out = append(out, e)
		}
	}
	return out, nil
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
			if sibs, err = b.ownFigures(p.Context, append([]*graph.Entity{e}, sibs...)); err != nil || len(sibs) == 0 || sibs[0] != e {
				return out, err // a part, restatement or past figure disagrees with nothing
			}
			for _, s := range sibs[1:] {
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
			first, err := firstArg(p.Args, 1000)
			if err != nil {
				return nil, err
			}
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
				var keyed []*graph.Entity
				for _, e := range ents {
					if _, _, ok := conflictKey(e); ok {
						keyed = append(keyed, e)
					}
				}
				if keyed, err = b.ownFigures(p.Context, keyed); err != nil {
					return nil, err
				}
				for _, e := range keyed {
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
			if len(keys) > first {
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
