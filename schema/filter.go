package schema

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// filter holds the conditions of a list or an aggregate; all must hold. A
// condition on something a node does not have (an agency filter on a place)
// leaves that node out.
type filter struct {
	agency, operation, place, platform graph.ID
	commodity, subtype, country, text  string
	from, to, articleFrom, articleTo   string // YYYY, YYYY-MM or YYYY-MM-DD
	minConfidence                      float64
}

func filterType() *graphql.InputObject {
	str := func(desc string) *graphql.InputObjectFieldConfig {
		return &graphql.InputObjectFieldConfig{Type: graphql.String, Description: desc}
	}
	id := func(desc string) *graphql.InputObjectFieldConfig {
		return &graphql.InputObjectFieldConfig{Type: graphql.ID, Description: desc}
	}
	return graphql.NewInputObject(graphql.InputObjectConfig{
		Name:        "Filter",
		Description: "Conditions on a list or an aggregate; all given must hold.",
		Fields: graphql.InputObjectConfigFieldMap{
			"agency":        id("An agency's ID: its operations, arrests, seizures and people."),
			"operation":     id("An operation's ID: it, its sub-operations, and their facts."),
			"place":         id("A place's ID."),
			"platform":      id("A platform's ID: operations targeting it and their facts."),
			"commodity":     str("drugs, firearms, ammunition, cash, cryptocurrency, vehicles, property, phones, other."),
			"subtype":       str("The drug or kind of firearm as written, e.g. cocaine."),
			"country":       str("ISO 3166 code of the place or of the agency, e.g. GB."),
			"text":          str("Words the name, aliases or phrases contain (case-insensitive)."),
			"from":          str("Facts dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD): the fact's own date, else its article's."),
			"to":            str("Facts dated on or before this."),
			"articleFrom":   str("Stated by an article published on or after this."),
			"articleTo":     str("Stated by an article published on or before this."),
			"minConfidence": &graphql.InputObjectFieldConfig{Type: graphql.Float, Description: "The best evidence's confidence at least this."},
		},
	})
}

func parseFilter(arg any) (*filter, error) {
	f := &filter{}
	m, _ := arg.(map[string]any)
	str := func(k string) string { s, _ := m[k].(string); return strings.TrimSpace(s) }
	f.agency, f.operation, f.place, f.platform = graph.ID(str("agency")), graph.ID(str("operation")), graph.ID(str("place")), graph.ID(str("platform"))
	f.commodity, f.subtype, f.country, f.text = strings.ToLower(str("commodity")), strings.ToLower(str("subtype")), strings.ToUpper(str("country")), strings.ToLower(str("text"))
	f.from, f.to, f.articleFrom, f.articleTo = str("from"), str("to"), str("articleFrom"), str("articleTo")
	if c, ok := m["minConfidence"].(float64); ok {
		if !(c >= 0 && c <= 1) { // NaN too
			return nil, fmt.Errorf("%w: filter.minConfidence must be between 0 and 1, got %v", errInvalid, c)
		}
		f.minConfidence = c
	}
	for name, d := range map[string]string{"from": f.from, "to": f.to, "articleFrom": f.articleFrom, "articleTo": f.articleTo} {
		if d != "" && !validDate(d) {
			return nil, fmt.Errorf("%w: filter.%s %q is not YYYY, YYYY-MM or YYYY-MM-DD", errInvalid, name, d)
		}
	}
	return f, nil
}

// checkFilterIDs refuses a filter naming a node that is not stored, or not
// of the kind the condition takes: an empty answer would read as "none".
func (b *builder) checkFilterIDs(ctx context.Context, f *filter) error {
	conds := []struct {
		name string
		id   graph.ID
		kind []graph.Kind
	}{{"agency", f.agency, []graph.Kind{graph.KindAgency}}, {"operation", f.operation, []graph.Kind{graph.KindOperation}},
		{"place", f.place, []graph.Kind{graph.KindPlace}}, {"platform", f.platform, []graph.Kind{graph.KindPlatform, graph.KindGroup}}}
	var ids []graph.ID
	for _, c := range conds {
		if c.id != "" {
			ids = append(ids, c.id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	got, err := b.requestFrom(ctx).entities(ctx, ids, true)
	if err != nil {
		return err
	}
	v, err := b.requestFrom(ctx).curation(ctx)
	if err != nil {
		return err
	}
	kinds := map[graph.ID]graph.Kind{}
	for _, e := range got {
		kinds[e.ID] = e.Kind
	}
	for _, c := range conds {
		if c.id == "" {
			continue
		}
		k, ok := kinds[v.resolve(c.id)]
		if !ok {
			return fmt.Errorf("filter.%s: node %s: %w", c.name, c.id, errNotFound)
		}
		if !slices.Contains(c.kind, k) {
			return errInvalidf("filter.%s takes the ID of a%s %s, got a%s %s (%s)", c.name, an(c.kind[0]), c.kind[0], an(k), k, c.id)
		}
	}
	return nil
}

func validDate(d string) bool {
	for _, l := range []string{"2006", "2006-01", "2006-01-02"} {
		if _, err := time.Parse(l, d); err == nil {
			return true
		}
	}
	return false
}

func (f *filter) empty() bool { return f == nil || *f == (filter{}) }

// facts about each node that the conditions test, gathered in batches.
type nodeFacts struct {
	agencies, operations, places, platforms map[graph.ID]bool
	countries                               map[string]bool
	dates, articleDates                     []string
	confidence                              float64
}

// matchAll tests every node against f, reading what the conditions need in
// a few batched passes.
func (b *builder) matchAll(ctx context.Context, f *filter, ents []*graph.Entity) ([]bool, error) {
	facts, err := b.gather(ctx, f.needs(), ents)
	if err != nil {
		return nil, err
	}
	var opSet map[graph.ID]bool
	if f.operation != "" {
		if opSet, err = b.subOperations(ctx, f.operation); err != nil {
			return nil, err
		}
	}
	out := make([]bool, len(ents))
	for i, e := range ents {
		out[i] = f.admits(nodeView{e, &facts[i]}, opSet)
	}
	return out, nil
}

// filterView is a fact as the filter predicate reads it: a node with what
// gather found of it (lists), or its aggregate row (aggregates).
type filterView interface {
	has(g int, v string) bool // run g (linkAgencies ...) holds v
	hasAny(g int, set map[graph.ID]bool) bool
	value(p graph.Predicate) string // the commodity, the subtype
	hasText(text string) bool
	confidence() float64
	factDates() []string
	articleDates() []string
}

// admits is the one filter predicate, of lists and aggregates alike
// (opSet: the operation filter's operation and its sub-operations).
func (f *filter) admits(v filterView, opSet map[graph.ID]bool) bool {
	return (f.agency == "" || v.has(linkAgencies, string(f.agency))) &&
		(f.place == "" || v.has(linkPlaces, string(f.place))) &&
		(f.platform == "" || v.has(linkPlatforms, string(f.platform))) &&
		(f.country == "" || v.has(linkCountries, f.country)) &&
		(f.commodity == "" || strings.EqualFold(v.value(graph.PredCommodity), f.commodity)) &&
		(f.subtype == "" || strings.Contains(strings.ToLower(v.value(graph.PredSubtype)), f.subtype)) &&
		(f.text == "" || v.hasText(f.text)) &&
		(f.minConfidence == 0 || v.confidence() >= f.minConfidence) &&
		dateIn(v.factDates(), f.from, f.to) && dateIn(v.articleDates(), f.articleFrom, f.articleTo) &&
		(opSet == nil || v.hasAny(linkOperations, opSet))
}

// nodeView is a node as filterView.
type nodeView struct {
	e  *graph.Entity
	nf *nodeFacts
}

func (v nodeView) set(g int) map[graph.ID]bool {
	switch g {
	case linkAgencies:
		return v.nf.agencies
	case linkOperations:
		return v.nf.operations
	case linkPlatforms:
		return v.nf.platforms
	case linkPlaces:
		return v.nf.places
	}
	return nil
}

func (v nodeView) has(g int, id string) bool {
	if g == linkCountries {
		return v.nf.countries[id]
	}
	return v.set(g)[graph.ID(id)]
}

func (v nodeView) hasAny(g int, set map[graph.ID]bool) bool {
	for id := range v.set(g) {
		if set[id] {
			return true
		}
	}
	return false
}

func (v nodeView) value(p graph.Predicate) string { return v.e.String(p) }
func (v nodeView) hasText(text string) bool       { return textMatches(v.e, text) }
func (v nodeView) confidence() float64            { return v.nf.confidence }
func (v nodeView) factDates() []string            { return v.nf.dates }
func (v nodeView) articleDates() []string         { return v.nf.articleDates }

func textMatches(e *graph.Entity, text string) bool {
	for _, p := range []graph.Predicate{graph.PredName, graph.PredAlias, graph.PredHeadline, graph.PredPhrase, graph.PredSubtype} {
		for _, s := range e.Strings(p) {
			if strings.Contains(strings.ToLower(s), text) {
				return true
			}
		}
	}
	return false
}

// dateIn reports whether some date lies in [from, to]; partial dates compare by prefix.
func dateIn(dates []string, from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	for _, d := range dates {
		if (from == "" || d >= from || strings.HasPrefix(d, from)) && (to == "" || d <= to || strings.HasPrefix(d, to)) {
			return true
		}
	}
	return false
}

// ownFacts is what a node says of itself: its own kind's set holds it,
// its agency, operation and place links, and its country.
func ownFacts(e *graph.Entity) nodeFacts {
	nf := nodeFacts{agencies: map[graph.ID]bool{}, operations: map[graph.ID]bool{}, places: map[graph.ID]bool{},
		platforms: map[graph.ID]bool{}, countries: map[string]bool{}}
	switch e.Kind {
	case graph.KindAgency:
		nf.agencies[e.ID] = true
	case graph.KindOperation:
		nf.operations[e.ID] = true
	case graph.KindPlace:
		nf.places[e.ID] = true
	case graph.KindPlatform, graph.KindGroup:
		nf.platforms[e.ID] = true
	}
	for _, l := range []struct {
		p   graph.Predicate
		set map[graph.ID]bool
	}{{graph.PredAgency, nf.agencies}, {graph.PredOperation, nf.operations}, {graph.PredPlace, nf.places}} {
		for _, id := range e.Links(l.p) { // a haul two agencies claim has both (same.go)
			l.set[id] = true
		}
	}
	if c := e.String(graph.PredCountry); c != "" {
		nf.countries[c] = true
	}
	return nf
}

// gather reads, for each node, the agencies, operations, places, platforms,
// countries, dates and confidence that the filter asks about.
// needs says what gather must read.
//
// evidence reads every fact's evidence and articles (confidence, article
// dates); dates only what a fact's own date phrase leaves open.
type needs struct{ links, countries, evidence, dates bool }

func (f *filter) needs() needs {
	return needs{
		links:     f.agency != "" || f.operation != "" || f.place != "" || f.platform != "" || f.country != "",
		countries: f.country != "",
		evidence:  f.from != "" || f.to != "" || f.articleFrom != "" || f.articleTo != "" || f.minConfidence > 0,
	}
}

func (b *builder) gather(ctx context.Context, nd needs, ents []*graph.Entity) ([]nodeFacts, error) {
	q := b.requestFrom(ctx)
	v, err := q.curation(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]nodeFacts, len(ents))
	for i, e := range ents {
		out[i] = ownFacts(e)
		v.curateLinks(&out[i])
	}
	rel := func(pred graph.Predicate, rel string, far graph.Predicate, k graph.Kind) relKey {
		return relKey{pred: pred, kind: k, rel: rel, far: far}
	}
	// One level of links: an operation's agencies, places and targets; an
	// agency's operations; a person's organisation.
	if nd.links || nd.countries {
		type pending struct {
			i   int
			set map[graph.ID]bool
			th  func() ([]*graph.Entity, error)
		}
		var ps []pending
		for i, e := range ents {
			nf := &out[i]
			switch e.Kind {
			case graph.KindOperation:
				ps = append(ps, pending{i, nf.agencies, q.linked(ctx, rel(graph.PredFrom, graph.RelOperationAgency, graph.PredTo, graph.KindAgency), e.ID)},
					pending{i, nf.places, q.linked(ctx, rel(graph.PredFrom, graph.RelOperationPlace, graph.PredTo, graph.KindPlace), e.ID)},
					pending{i, nf.platforms, q.linked(ctx, rel(graph.PredFrom, graph.RelOperationTarget, graph.PredTo, graph.KindPlatform), e.ID)})
			case graph.KindAgency:
				ps = append(ps, pending{i, nf.operations, q.linked(ctx, rel(graph.PredTo, graph.RelOperationAgency, graph.PredFrom, graph.KindOperation), e.ID)})
			case graph.KindPerson:
				ps = append(ps, pending{i, nf.agencies, q.linked(ctx, rel(graph.PredFrom, graph.RelPersonOrg, graph.PredTo, graph.KindAgency), e.ID)})
			case graph.KindPlatform, graph.KindGroup:
				ps = append(ps, pending{i, nf.operations, q.linked(ctx, rel(graph.PredTo, graph.RelOperationTarget, graph.PredFrom, graph.KindOperation), e.ID)})
			}
		}
		for _, p := range ps {
			es, err := p.th()
			if err != nil {
				return nil, err
			}
			for _, e := range es {
				p.set[e.ID] = true
			}
		}
		// Facts reach platforms through their operation link; everything reaches
		// countries through its places and agencies.
		var opThunks []func() ([]*graph.Entity, error)
		var opOwner []int
		for i, e := range ents {
			if spec := graph.Spec(e.Kind); spec != nil && spec.LinksTo(graph.KindOperation) {
				for op := range out[i].operations {
					opThunks = append(opThunks, q.linked(ctx, rel(graph.PredFrom, graph.RelOperationTarget, graph.PredTo, graph.KindPlatform), op))
					opOwner = append(opOwner, i)
				}
			}
		}
		for k, th := range opThunks {
			es, err := th()
			if err != nil {
				return nil, err
			}
			for _, e := range es {
				out[opOwner[k]].platforms[e.ID] = true
			}
		}
		if nd.countries {
			var ids []graph.ID
			for i := range out {
				for id := range out[i].places {
					ids = append(ids, id)
				}
				for id := range out[i].agencies {
					ids = append(ids, id)
				}
			}
			linked, err := q.entities(ctx, ids, true)
			if err != nil {
				return nil, err
			}
			country := map[graph.ID]string{}
			for _, e := range linked {
				country[e.ID] = e.String(graph.PredCountry)
			}
			for i := range out {
				for _, set := range []map[graph.ID]bool{out[i].places, out[i].agencies} {
					for id := range set {
						if c := country[id]; c != "" {
							out[i].countries[c] = true
						}
					}
				}
			}
		}
	}
	if nd.evidence || nd.dates {
		if err := b.gatherEvidence(ctx, ents, out, nd.evidence); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// gatherEvidence reads each node's evidence and articles: the best
// confidence, the articles' dates, and the node's own date.
// Without all, a fact whose own date phrase fixes its date reads none.
func (b *builder) gatherEvidence(ctx context.Context, ents []*graph.Entity, out []nodeFacts, all bool) error {
	q := b.requestFrom(ctx)
	thunks := make([]func() ([]*graph.Entity, error), len(ents))
	for i, e := range ents {
		if e.Kind == graph.KindArticle {
			continue
		}
		if !all && len(factDates(e, nil)) > 0 {
			continue // its dates are set below, from the phrase alone
		}
		thunks[i] = q.linked(ctx, relKey{pred: graph.PredSupports, kind: graph.KindEvidence}, e.ID)
	}
	evs := make([][]*graph.Entity, len(ents))
	var arts []graph.ID
	for i, th := range thunks {
		if th == nil {
			continue
		}
		es, err := th()
		if err != nil {
			return err
		}
		evs[i] = es
		for _, ev := range es {
			arts = append(arts, ev.Link(graph.PredArticle))
		}
	}
	articles, err := q.entities(ctx, arts, true)
	if err != nil {
		return err
	}
	published := map[graph.ID]string{}
	for _, a := range articles {
		published[a.ID] = a.String(graph.PredPublished)
	}
	for i, e := range ents {
		nf := &out[i]
		if e.Kind == graph.KindArticle {
			nf.articleDates = []string{e.String(graph.PredPublished)}
			nf.confidence = 1
		}
		for _, ev := range evs[i] {
			if c, _ := ev.Float(graph.PredConfidence); c > nf.confidence {
				nf.confidence = c
			}
			if d := published[ev.Link(graph.PredArticle)]; d != "" {
				nf.articleDates = append(nf.articleDates, d)
			}
		}
		nf.dates = factDates(e, nf.articleDates)
	}
	return nil
}

// factDates are a fact's own dates (ownDates), else the dates of the
// articles stating it.
func factDates(e *graph.Entity, articleDates []string) []string {
	if out := ownDates(e); len(out) > 0 {
		return out
	}
	return articleDates
}

// ownDates are the dates the text gives a fact's event: those the
// extractor fixed (opg:eventDate, "yesterday" read against the article's
// date), else, for facts written before it did, those its date phrases fix
// ("8 February 2024", "2019"). None: the article's date stands in.
func ownDates(e *graph.Entity) []string {
	if out := e.Strings(graph.PredEventDate); len(out) > 0 {
		return out
	}
	var out []string
	for _, phrase := range e.Strings(graph.PredDate) {
		if d := graph.ISODate(phrase); d != "" {
			out = append(out, d)
		}
	}
	return out
}

// subOperations returns op and every operation part of it, at any depth.
func (b *builder) subOperations(ctx context.Context, op graph.ID) (map[graph.ID]bool, error) {
	q := b.requestFrom(ctx)
	v, err := q.curation(ctx)
	if err != nil {
		return nil, err
	}
	op = v.resolve(op)
	set := map[graph.ID]bool{op: true}
	frontier := []graph.ID{op}
	for depth := 0; len(frontier) > 0 && depth < 16; depth++ {
		var thunks []func() ([]*graph.Entity, error)
		for _, id := range frontier {
			thunks = append(thunks, q.linked(ctx, relKey{pred: graph.PredTo, kind: graph.KindOperation, rel: graph.RelOperationPartOf, far: graph.PredFrom}, id))
		}
		frontier = nil
		for _, th := range thunks {
			es, err := th()
			if err != nil {
				return nil, err
			}
			for _, e := range es {
				if !set[e.ID] {
					set[e.ID] = true
					frontier = append(frontier, e.ID)
				}
			}
		}
	}
	return set, nil
}

// filterAndFirst reads the filter (its IDs checked against the store) and
// the bucket count that aggregate-like queries take.
func (b *builder) filterAndFirst(p graphql.ResolveParams) (*filter, int, error) {
	f, err := parseFilter(p.Args["filter"])
	if err != nil {
		return nil, 0, err
	}
	if err := b.checkFilterIDs(p.Context, f); err != nil {
		return nil, 0, err
	}
	first, _ := p.Args["first"].(int)
	if first < 1 || first > 1000 {
		return nil, 0, errInvalidf("first must be between 1 and 1000, got %d", first)
	}
	return f, first, nil
}
