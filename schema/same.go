package schema

import (
	"context"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/opgraph/opgraph/graph"
)

// One fact across articles. Two articles about the same event give the same
// figure with more or less detail (one names the operation, the other only
// the agency), and the extractor, reading one article at a time, makes two
// facts of it. They are found here, at read time, not in the store at write
// time: the store keeps what each article said (exports --raw show it), the
// answer does not depend on the order articles were loaded in, and a change
// to the rule (or a curator's) needs no rewrite of the store. They are
// found when the aggregate table is built, from its rows, and read as
// merges: the fact with most detail is kept, with the evidence of all and
// the links the others add.

// sameFigures is what a table build found: each duplicate and the fact kept.
type sameFigures struct {
	into  map[graph.ID]graph.ID                       // duplicate -> fact kept
	extra map[graph.ID]map[graph.Predicate][]graph.ID // fact kept -> links only its duplicates give
}

// groups returns each fact kept with its duplicates, sorted.
func (s *sameFigures) groups() map[graph.ID][]graph.ID {
	out := map[graph.ID][]graph.ID{}
	if s == nil {
		return out
	}
	for dup, kept := range s.into {
		out[kept] = append(out[kept], dup)
	}
	for _, dups := range out {
		slices.Sort(dups)
	}
	return out
}

// Windows for "dates close together": an event's reports come out within
// days; a figure that names only the agency (no operation, place or
// platform in common) must be larger than a handful and within a week.
const (
	sameEventDays       = 45
	sameAgencyOnlyDays  = 7
	sameAgencyOnlyCount = 10
	sameTolerance       = 0.01 // rounding: "5.7 tonnes" and "5,712 kg"
)

// findSameFigures groups the rows of arrests and seizures that state the
// same figure of the same kind about the same event.
// The figures findSameFigures compares: their places in aggRow.figures.
var (
	arrestSlot = slotOf(graph.KindArrest, "ARREST_COUNT")
	kgSlot     = slotOf(graph.KindSeizure, "SEIZED_KG")
	valueSlot  = slotOf(graph.KindSeizure, "SEIZED_VALUE")
)

// sameKey is the group of figures a row is compared within: facts of
// two groups are never one. "" for a row compared with none.
func sameKey(k graph.Kind, r *aggRow) (key string, val float64) {
	if r.folded || r.context {
		return "", 0 // parts, restatements and past figures are not events of their own
	}
	key, val, _ = figureKey(k, r)
	return key, val
}

// sameKinds are the kinds whose facts may state one figure.
var sameKinds = []graph.Kind{graph.KindArrest, graph.KindSeizure}

// findSameFigures finds the facts of rows that state one figure; where
// only is set, among the groups it names (sameKey) alone: the groups are
// apart, so what it finds there is what a search of all rows finds there.
func findSameFigures(rows map[graph.Kind][]aggRow, only map[string]bool) *sameFigures {
	type item struct {
		row *aggRow
		val float64
	}
	groups := map[string][]item{}
	for _, k := range sameKinds {
		for i := range rows[k] {
			r := &rows[k][i]
			if key, val := sameKey(k, r); key != "" && (only == nil || only[key]) {
				groups[key] = append(groups[key], item{r, val})
			}
		}
	}
	c := newClasses()
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := groups[k]
		sort.Slice(g, func(i, j int) bool {
			if g[i].val != g[j].val {
				return g[i].val < g[j].val
			}
			return g[i].row.id < g[j].row.id
		})
		for i := range g {
			for j := i + 1; j < len(g) && g[j].val <= g[i].val*(1+sameTolerance); j++ {
				a, b := g[i].row, g[j].row
				claimed := claimedByTwo(a, b)
				if !claimed && !sameEvent(a, b, arrestsOf(k, g[i].val)) {
					continue
				}
				c.join(a, b, claimed)
			}
		}
	}
	out := &sameFigures{into: map[graph.ID]graph.ID{}, extra: map[graph.ID]map[graph.Predicate][]graph.ID{}}
	for _, ms := range c.members {
		out.record(ms)
	}
	return out
}

// figureKey is what two facts of kind k must share to state the same
// figure (the count of arrests; the commodity of a mass; the currency of
// a sum), and the figure compared within it. ok is false for a fact with
// none of these figures.
func figureKey(k graph.Kind, r *aggRow) (key string, val float64, ok bool) {
	switch n, kg, amount := r.figures[arrestSlot], r.figures[kgSlot], r.figures[valueSlot]; {
	case k == graph.KindArrest && n > 0:
		return "arrest|" + strconv.FormatFloat(n, 'f', -1, 64), n, true
	case k == graph.KindSeizure && kg > 0: // NaN, not stated, is not > 0
		return "kg|" + r.commodity, kg, true
	case k == graph.KindSeizure && amount > 0:
		return "amount|" + r.currency, amount, true
	}
	return "", 0, false
}

// classes joins facts into groups read as one, by union-find.
type classes struct {
	parent  map[graph.ID]graph.ID
	members map[graph.ID][]*aggRow // root -> its facts
}

func newClasses() *classes {
	return &classes{parent: map[graph.ID]graph.ID{}, members: map[graph.ID][]*aggRow{}}
}

func (c *classes) find(id graph.ID) graph.ID {
	if p, ok := c.parent[id]; ok && p != id {
		root := c.find(p)
		c.parent[id] = root
		return root
	}
	return id
}

// join puts a and b in one group, unless the group would name two sets of
// agencies (unless claimed), operations or places (classesAgree).
func (c *classes) join(a, b *aggRow, claimed bool) {
	ra, rb := c.find(a.id), c.find(b.id)
	if ra == rb {
		return
	}
	ma, mb := classOf(c.members, ra, a), classOf(c.members, rb, b)
	if !classesAgree(ma, mb, claimed) {
		return // joining them would give one fact two agencies or operations
	}
	c.parent[rb], c.parent[ra] = ra, ra
	c.members[ra] = append(ma, mb...)
	delete(c.members, rb)
}

// record reads the facts of ms as one: the one naming most of agency,
// operation and place is kept, with the links only the others give.
func (s *sameFigures) record(ms []*aggRow) {
	if len(ms) < 2 {
		return
	}
	keep := ms[0]
	for _, m := range ms[1:] {
		if d, dk := detail(m), detail(keep); d > dk || d == dk && m.id < keep.id {
			keep = m
		}
	}
	for _, m := range ms {
		if m != keep {
			s.into[m.id] = keep.id
		}
	}
	add := func(p graph.Predicate, id string) {
		if s.extra[keep.id] == nil {
			s.extra[keep.id] = map[graph.Predicate][]graph.ID{}
		}
		if !slices.Contains(s.extra[keep.id][p], graph.ID(id)) {
			s.extra[keep.id][p] = append(s.extra[keep.id][p], graph.ID(id))
		}
	}
	for g, p := range map[int]graph.Predicate{linkOperations: graph.PredOperation, linkPlaces: graph.PredPlace} {
		if len(keep.shared(g)) > 0 {
			continue
		}
		link := ""
		for _, m := range ms {
			if l := m.shared(g); len(l) == 1 {
				link = l[0]
			}
		}
		if link != "" {
			add(p, link)
		}
	}
	// Every agency that claims the figure: a haul two agencies both
	// announce is one fact under both.
	for _, m := range ms {
		for _, a := range m.group(linkAgencies) {
			if !slices.Contains(keep.group(linkAgencies), a) {
				add(graph.PredAgency, a)
			}
		}
	}
}

// Past figures across articles. Two articles about one event often recall
// the same earlier one ("the previous record, 3.7 tonnes in 2022"), each
// in its own words: one names the place, the other not. The facts made of
// their figures share no agency, operation or place, and dates of a past
// year say little, so sameEvent cannot join them. What does is the
// articles: two articles that state one fact read as one (findSameFigures:
// the haul both report) are about the same event, and their past figures
// of the same kind, commodity, figure (within rounding and unit
// conversion) and year, as their texts date them, are one fact too. Past
// figures join only past figures: the record is not this year's haul.

// samePastFigures adds to same the past figures, among rows, that articles
// about one event both give. It reads the articles of the few past figures
// with a partner, and the facts those articles state.
func (b *builder) samePastFigures(ctx context.Context, rows map[graph.Kind][]aggRow, same *sameFigures) error {
	pairs := pastFigurePairs(rows)
	if len(pairs) == 0 || len(same.into) == 0 {
		return nil
	}
	var ids []graph.ID
	for _, p := range pairs {
		ids = append(ids, p[0].id, p[1].id)
	}
	articlesOf, err := b.articlesOf(ctx, dedupe(ids))
	if err != nil {
		return err
	}
	var arts []graph.ID
	for _, as := range articlesOf {
		arts = append(arts, as...)
	}
	// The facts read as one each article states, by the fact kept.
	events := map[graph.ID]map[graph.ID]bool{}
	stated, err := b.factsOf(ctx, dedupe(arts))
	if err != nil {
		return err
	}
	groups := same.groups()
	for art, facts := range stated {
		for _, f := range facts {
			if kept, ok := same.into[f]; ok {
				f = kept
			} else if _, ok := groups[f]; !ok {
				continue // not read as one with another article's
			}
			if events[art] == nil {
				events[art] = map[graph.ID]bool{}
			}
			events[art][f] = true
		}
	}
	sameEventArticles := func(a, b graph.ID) bool {
		for _, x := range articlesOf[a] {
			for _, y := range articlesOf[b] {
				if x == y {
					continue
				}
				for f := range events[x] {
					if events[y][f] {
						return true
					}
				}
			}
		}
		return false
	}
	c := newClasses()
	for _, p := range pairs {
		if sameEventArticles(p[0].id, p[1].id) {
			c.join(p[0], p[1], false)
		}
	}
	for _, ms := range c.members {
		same.record(ms)
	}
	return nil
}

// pastFigurePairs lists the pairs of past figures (rows marked context)
// that give the same figure of the same kind and commodity, agree on the
// drug, and are dated by their texts to the same year.
func pastFigurePairs(rows map[graph.Kind][]aggRow) [][2]*aggRow {
	type item struct {
		row *aggRow
		val float64
	}
	groups := map[string][]item{}
	for _, k := range []graph.Kind{graph.KindArrest, graph.KindSeizure} {
		for i := range rows[k] {
			r := &rows[k][i]
			if !r.context || r.folded || r.datedByArticle || r.year == "" {
				continue // a past figure with no year of its own could be any
			}
			if key, val, ok := figureKey(k, r); ok {
				key += "|" + r.year
				groups[key] = append(groups[key], item{r, val})
			}
		}
	}
	var out [][2]*aggRow
	for _, g := range groups {
		sort.Slice(g, func(i, j int) bool {
			if g[i].val != g[j].val {
				return g[i].val < g[j].val
			}
			return g[i].row.id < g[j].row.id
		})
		for i := range g {
			for j := i + 1; j < len(g) && g[j].val <= g[i].val*(1+sameTolerance); j++ {
				a, b := g[i].row, g[j].row
				if a.subtype != "" && b.subtype != "" && a.subtype != b.subtype {
					continue
				}
				out = append(out, [2]*aggRow{a, b})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0].id != out[j][0].id {
			return out[i][0].id < out[j][0].id
		}
		return out[i][1].id < out[j][1].id
	})
	return out
}

// arrestsOf is the count of arrests a group of figures (sameKey key)
// gives, 0 for seizures.
func arrestsOf(key string, val float64) float64 {
	if strings.HasPrefix(key, "arrest|") {
		return val
	}
	return 0
}

// sameFigure reports whether findSameFigures tries to join a and b, of
// kind k and one group (key): figures within the tolerance, and one haul
// two agencies claim or one event.
func sameFigure(k graph.Kind, key string, a, b *aggRow) bool {
	_, va := sameKey(k, a)
	_, vb := sameKey(k, b)
	if va > vb || va == vb && a.id > b.id {
		a, b, va, vb = b, a, vb, va
	}
	if vb > va*(1+sameTolerance) {
		return false
	}
	return claimedByTwo(a, b) || sameEvent(a, b, arrestsOf(key, va))
}

// articlesOf returns the articles whose evidence states each fact.
func (b *builder) articlesOf(ctx context.Context, facts []graph.ID) (map[graph.ID][]graph.ID, error) {
	return b.throughEvidence(ctx, graph.PredSupports, facts, func(ev *graph.Entity, out []graph.ID) []graph.ID {
		if a := ev.Link(graph.PredArticle); a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
		return out
	})
}

// factsOf returns the nodes each article's evidence states.
func (b *builder) factsOf(ctx context.Context, arts []graph.ID) (map[graph.ID][]graph.ID, error) {
	return b.throughEvidence(ctx, graph.PredArticle, arts, func(ev *graph.Entity, out []graph.ID) []graph.ID {
		return append(out, ev.Links(graph.PredSupports)...)
	})
}

// throughEvidence reads, for each of ids, the evidence nodes that link to
// it by pred, and gathers what add takes from each of them.
func (b *builder) throughEvidence(ctx context.Context, pred graph.Predicate, ids []graph.ID, add func(ev *graph.Entity, out []graph.ID) []graph.ID) (map[graph.ID][]graph.ID, error) {
	refs, err := b.r.Referrers(ctx, pred, ids...)
	if err != nil {
		return nil, err
	}
	var evs []graph.ID
	for _, es := range refs {
		evs = append(evs, es...)
	}
	got, err := b.r.Get(ctx, evs...)
	if err != nil {
		return nil, err
	}
	out := map[graph.ID][]graph.ID{}
	for id, es := range refs {
		for _, e := range es {
			if ev := got[e]; ev != nil {
				out[id] = add(ev, out[id])
			}
		}
	}
	return out, nil
}

// shared is run g of the row's links that another article's figure can
// share: an unnamed operation is its article's own (graph.Unnamed), so a
// figure linked to one names, for comparing articles, no operation.
func (r *aggRow) shared(g int) []string {
	l := r.group(g)
	if g != linkOperations || !slices.ContainsFunc(l, func(id string) bool { return graph.Unnamed(graph.ID(id)) }) {
		return l
	}
	return slices.DeleteFunc(slices.Clone(l), func(id string) bool { return graph.Unnamed(graph.ID(id)) })
}

func classOf(members map[graph.ID][]*aggRow, root graph.ID, r *aggRow) []*aggRow {
	if ms, ok := members[root]; ok {
		return ms
	}
	return []*aggRow{r}
}

// detail is how many of a fact's agency, operation and place are stated.
func detail(r *aggRow) int {
	n := 0
	for _, g := range []int{linkAgencies, linkOperations, linkPlaces} {
		if len(r.shared(g)) > 0 {
			n++
		}
	}
	return n
}

// classesAgree reports whether two groups of facts name, between them, at
// most one set of agencies (unless claimed: see claimedByTwo), operations
// and places each.
func classesAgree(a, b []*aggRow, claimed bool) bool {
	for _, g := range []int{linkAgencies, linkOperations, linkPlaces} {
		if g == linkAgencies && claimed {
			continue
		}
		var seen []string
		for _, r := range append(append([]*aggRow{}, a...), b...) {
			l := r.shared(g)
			if len(l) == 0 {
				continue
			}
			if seen != nil && !equalStrings(seen, l) {
				return false
			}
			seen = l
		}
	}
	return true
}

// sameEvent reports whether two facts with the same figure are about the
// same event: no agency, operation, place or subtype in disagreement, at
// least one of them in common, and dates close together.
// arrests is the count of arrests the two give, 0 for seizures.
func sameEvent(a, b *aggRow, arrests float64) bool {
	if a.subtype != "" && b.subtype != "" && a.subtype != b.subtype {
		return false
	}
	shared, sharedBeyondAgency := false, false
	for _, g := range []int{linkAgencies, linkOperations, linkPlaces, linkPlatforms} {
		la, lb := a.shared(g), b.shared(g)
		if len(la) == 0 || len(lb) == 0 {
			continue
		}
		if !equalStrings(la, lb) {
			if g == linkPlatforms {
				continue // platforms come through operations: they follow from them
			}
			return false
		}
		shared = true
		sharedBeyondAgency = sharedBeyondAgency || g != linkAgencies
	}
	if !shared {
		return false
	}
	days := sameEventDays
	if !sharedBeyondAgency {
		if arrests > 0 && arrests < sameAgencyOnlyCount {
			return false // "two arrested" by one force in one month is not one event
		}
		days = sameAgencyOnlyDays
	}
	return datesClose(a.dates, b.dates, days)
}

// claimedByTwo reports whether two seizures of the same figure are one
// haul that two agencies claim (the NCA's and Border Force's 5.7 tonnes of
// cocaine at Southampton): the same commodity and drug, found on the same
// day as their texts date it, and no operation or place in disagreement.
// The agencies may differ; the fact is kept under both.
func claimedByTwo(a, b *aggRow) bool {
	if a.commodity == "" || a.commodity != b.commodity || a.subtype != b.subtype || a.datedByArticle || b.datedByArticle {
		return false
	}
	if d := bestDate(a.dates); graph.DatePrecision(d) != "day" || d != bestDate(b.dates) {
		return false
	}
	for _, g := range []int{linkOperations, linkPlaces} {
		if la, lb := a.shared(g), b.shared(g); len(la) > 0 && len(lb) > 0 && !equalStrings(la, lb) {
			return false
		}
	}
	return true
}

// datesClose reports whether the earliest dates of two facts are at most
// days apart; a fact with no date, or one known only to the month or year,
// is close where the dates it has agree.
func datesClose(a, b []string, days int) bool {
	da, db := earliest(a, 10), earliest(b, 10)
	if da == "" || db == "" {
		ma, mb := earliest(a, 4), earliest(b, 4)
		return ma == "" || mb == "" || ma == mb
	}
	ta, err1 := time.Parse("2006-01-02", da)
	tb, err2 := time.Parse("2006-01-02", db)
	if err1 != nil || err2 != nil {
		return da == db
	}
	return math.Abs(ta.Sub(tb).Hours()) <= float64(days*24)
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// sameNow is what the last aggregate table build found: requests read
// those facts as one. Before the first build, none.
func (b *builder) sameNow() *sameFigures {
	if t, ok := b.aggs.peek(); ok && t != nil {
		return t.same
	}
	return nil
}
