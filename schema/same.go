package schema

import (
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
	switch n, kg, amount := r.figures[arrestSlot], r.figures[kgSlot], r.figures[valueSlot]; {
	case k == graph.KindArrest && n > 0:
		return "arrest|" + strconv.FormatFloat(n, 'f', -1, 64), n
	case k == graph.KindSeizure && kg > 0: // NaN, not stated, is not > 0
		return "kg|" + r.commodity, kg
	case k == graph.KindSeizure && amount > 0:
		return "amount|" + r.currency, amount
	}
	return "", 0
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
	parent := map[graph.ID]graph.ID{}
	members := map[graph.ID][]*aggRow{}
	var find func(graph.ID) graph.ID
	find = func(id graph.ID) graph.ID {
		if p, ok := parent[id]; ok && p != id {
			root := find(p)
			parent[id] = root
			return root
		}
		return id
	}
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
				ra, rb := find(a.id), find(b.id)
				if ra == rb {
					continue
				}
				ma, mb := classOf(members, ra, a), classOf(members, rb, b)
				if !classesAgree(ma, mb, claimed) {
					continue // joining them would give one fact two agencies or operations
				}
				parent[rb], parent[ra] = ra, ra
				members[ra] = append(ma, mb...)
				delete(members, rb)
			}
		}
	}
	out := &sameFigures{into: map[graph.ID]graph.ID{}, extra: map[graph.ID]map[graph.Predicate][]graph.ID{}}
	for _, ms := range members {
		if len(ms) < 2 {
			continue
		}
		keep := ms[0]
		for _, m := range ms[1:] {
			if d, dk := detail(m), detail(keep); d > dk || d == dk && m.id < keep.id {
				keep = m
			}
		}
		for _, m := range ms {
			if m != keep {
				out.into[m.id] = keep.id
			}
		}
		add := func(p graph.Predicate, id string) {
			if out.extra[keep.id] == nil {
				out.extra[keep.id] = map[graph.Predicate][]graph.ID{}
			}
			if !slices.Contains(out.extra[keep.id][p], graph.ID(id)) {
				out.extra[keep.id][p] = append(out.extra[keep.id][p], graph.ID(id))
			}
		}
		for g, p := range map[int]graph.Predicate{linkOperations: graph.PredOperation, linkPlaces: graph.PredPlace} {
			if len(keep.group(g)) > 0 {
				continue
			}
			link := ""
			for _, m := range ms {
				if l := m.group(g); len(l) == 1 {
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
		if len(r.group(g)) > 0 {
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
			l := r.group(g)
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
		la, lb := a.group(g), b.group(g)
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
		if la, lb := a.group(g), b.group(g); len(la) > 0 && len(lb) > 0 && !equalStrings(la, lb) {
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
