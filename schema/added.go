package schema

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/opgraph/opgraph/graph"
)

// Articles newly stored change only the nodes they state: their facts,
// the relations they add and the entities they name, which gain evidence
// and claims but keep their identity (graph.WriteArticle). So the
// aggregate table and the search index take them in place, reading only
// what those nodes hold, where a build from the whole store took seconds
// (minutes on a big store). Anything else (a replaced article, a
// curator's change) is built again from the whole store, and so is an
// addition the update cannot settle alone (errNeedsBuild).

// errNeedsBuild says an addition is not applied in place: the whole
// store is read instead.
var errNeedsBuild = errors.New("the change needs a build from the whole store")

// articlesAdded tells what is built from the store that articles were
// stored that were not there before, as written says (the store's
// generations once their writes committed, where known, and what each
// added to the nodes it states).
func (b *builder) articlesAdded(written []graph.Written) {
	arts := make([]graph.ID, len(written))
	var gens []uint64
	known := true
	for i, w := range written {
		arts[i] = w.Article
		known = known && w.Generation != 0
		if !slices.Contains(gens, w.Generation) {
			gens = append(gens, w.Generation)
		}
	}
	if !known {
		gens = nil
	}
	// The aggregate table first: the live feed waits for it.
	b.aggs.update(func(ctx context.Context, t *aggTable, _ bool) (*aggTable, error) {
		return b.addToAggTable(ctx, t, arts)
	}, gens)
	b.search.update(func(ctx context.Context, p *postings, fresh bool) (*postings, error) {
		if fresh {
			return addNew(ctx, b.r, p, written)
		}
		return addToPostings(ctx, b.r, p, arts)
	}, gens)
	if b.onChange != nil {
		b.onChange()
	}
}

// stated returns the evidence of arts and the nodes it supports.
func stated(ctx context.Context, r Reader, arts []graph.ID) (evs map[graph.ID]*graph.Entity, nodes []graph.ID, err error) {
	refs, err := r.Referrers(ctx, graph.PredArticle, arts...)
	if err != nil {
		return nil, nil, err
	}
	var evIDs []graph.ID
	for _, a := range arts {
		evIDs = append(evIDs, refs[a]...)
	}
	if evs, err = r.Get(ctx, evIDs...); err != nil {
		return nil, nil, err
	}
	for _, ev := range evs {
		nodes = append(nodes, ev.Links(graph.PredSupports)...)
	}
	return evs, dedupe(nodes), nil
}

// addToAggTable returns t with the rows of the facts arts changed read
// again: the facts they state, and those whose links they change (an
// operation's new relations reach its arrests and seizures). Facts that
// state one figure are found again over the whole table.
func (b *builder) addToAggTable(ctx context.Context, t *aggTable, arts []graph.ID) (*aggTable, error) {
	ctx = withFixedRequest(ctx, b.r, nil)
	v, err := b.requestFrom(ctx).curation(ctx)
	if err != nil {
		return nil, err
	}
	evs, nodes, err := stated(ctx, b.r, arts)
	if err != nil {
		return nil, err
	}
	for _, ev := range evs {
		// How a figure relates to others is worked out over chains of facts (folds).
		if ev.Link(graph.PredPartOf) != "" || ev.Link(graph.PredSameAs) != "" || ev.String(graph.PredContext) != "" {
			return nil, fmt.Errorf("%w: evidence %s marks its figure", errNeedsBuild, ev.ID)
		}
	}
	ents, err := b.r.Get(ctx, nodes...)
	if err != nil {
		return nil, err
	}
	tableKinds := map[graph.Kind]bool{}
	for _, k := range aggKinds() {
		tableKinds[k] = true
	}
	facts := map[graph.ID]bool{}
	var ops []graph.ID // operations whose relations changed
	for _, id := range nodes {
		e := ents[id]
		switch {
		case e == nil:
		case tableKinds[e.Kind]:
			facts[id] = true
		case e.Kind == graph.KindRelation:
			for _, from := range e.Links(graph.PredFrom) {
				if kindOfID(from) == graph.KindOperation {
					ops = append(ops, from)
				}
			}
		}
	}
	if len(ops) > 0 {
		refs, err := b.r.Referrers(ctx, graph.PredOperation, ops...)
		if err != nil {
			return nil, err
		}
		for _, op := range ops {
			facts[op] = true
			for _, f := range refs[op] {
				facts[f] = true
			}
		}
	}
	ids := slices.Sorted(maps.Keys(facts))
	if v.touches(ids) || v.touches(nodes) {
		return nil, fmt.Errorf("%w: curators changed what the articles state", errNeedsBuild)
	}
	for _, p := range []graph.Predicate{graph.PredPartOf, graph.PredSameAs} {
		refs, err := b.r.Referrers(ctx, p, ids...)
		if err != nil {
			return nil, err
		}
		for id, rs := range refs {
			if len(rs) > 0 {
				return nil, fmt.Errorf("%w: evidence marks a figure as part or restatement of %s", errNeedsBuild, id)
			}
		}
	}
	var got []aggRow
	for rest := ids; len(rest) > 0; {
		chunk := rest[:min(aggChunk, len(rest))]
		rest = rest[len(chunk):]
		rows, err := b.aggRows(withFixedRequest(ctx, b.r, nil), chunk, &filter{}, needs{links: true, countries: true, dates: true})
		if err != nil {
			return nil, err
		}
		got = append(got, rows...)
	}
	for _, r := range got {
		if !tableKinds[kindOfID(r.id)] {
			return nil, fmt.Errorf("%w: fact %s of no kind the table holds", errNeedsBuild, r.id)
		}
	}
	return b.takeRows(ctx, t, facts, got)
}

// takeRows returns t with the rows of the changed facts taken in: got
// are their rows as each states it alone (none for a fact now gone). The
// facts that state one figure are found again only in the groups those
// rows fall in, before and after (sameKey): the groups are apart, so the
// rest is as a whole build finds it, and the table shares it with t.
func (b *builder) takeRows(ctx context.Context, t *aggTable, changed map[graph.ID]bool, got []aggRow) (*aggTable, error) {
	// own is a fact's row as it states it alone: in raw where it was read
	// as one with others, else in rows.
	own := func(id graph.ID) (aggRow, bool) {
		k := kindOfID(id)
		if r, ok := t.raw[k].find(id); ok {
			return r, true
		}
		return t.rows[k].find(id)
	}
	gotBy := make(map[graph.ID]aggRow, len(got))
	for i := range got {
		gotBy[got[i].id] = got[i]
	}
	// Past figures (rows marked context) are read as one across articles
	// (samePastFigures), not by group of figures: a change to one that is
	// read so is left to a build from the whole store.
	pastChanged := false
	for id := range changed {
		r, ok := own(id)
		if ok && r.context {
			pastChanged = true
			if _, member := t.raw[kindOfID(id)].find(id); member {
				return nil, fmt.Errorf("%w: past figure %s is read as one with another article's", errNeedsBuild, id)
			}
		}
		if r, ok := gotBy[id]; ok && r.context {
			pastChanged = true
		}
	}
	now := func(id graph.ID) (aggRow, bool) {
		if changed[id] {
			r, ok := gotBy[id]
			return r, ok
		}
		return own(id)
	}
	// The groups of figures now: those of the changed facts, without
	// their rows before and with their rows now.
	byKey := maps.Clone(t.byKey)
	edited := map[string]bool{}
	for id := range changed {
		if r, ok := own(id); ok {
			if key, val := sameKey(kindOfID(id), &r); key != "" {
				if !edited[key] {
					edited[key], byKey[key] = true, slices.Clone(byKey[key])
				}
				if i, found := slices.BinarySearchFunc(byKey[key], keyed{val, id}, compareKeyed); found {
					byKey[key] = slices.Delete(byKey[key], i, i+1)
				}
			}
		}
	}
	for i := range got {
		if key, val := sameKey(kindOfID(got[i].id), &got[i]); key != "" {
			if !edited[key] {
				edited[key], byKey[key] = true, slices.Clone(byKey[key])
			}
			e := keyed{val, got[i].id}
			at, _ := slices.BinarySearchFunc(byKey[key], e, compareKeyed)
			byKey[key] = slices.Insert(byKey[key], at, e)
		}
	}
	for key := range edited {
		if len(byKey[key]) == 0 {
			delete(byKey, key)
		}
	}
	// The facts whose reading as one the change may reach: those
	// connected to a changed fact's row, before or after, by pairs that
	// findSameFigures would join (sameFigure). Two facts not so connected
	// to any are read as before: no pair the search tries reaches them.
	reach := map[graph.ID]bool{}
	for id := range changed {
		if r, ok := own(id); ok {
			connected(kindOfID(id), r, t.byKey, own, reach)
		}
		if r, ok := gotBy[id]; ok {
			connected(kindOfID(id), r, byKey, now, reach)
		}
	}
	groupRows := map[graph.Kind][]aggRow{}
	wasMember := map[graph.ID]bool{}
	for id := range reach {
		if kept, dup := t.same.into[id]; dup {
			wasMember[id], wasMember[kept] = true, true
		}
		if r, ok := now(id); ok {
			if key, _ := sameKey(kindOfID(id), &r); key != "" {
				groupRows[kindOfID(id)] = append(groupRows[kindOfID(id)], r)
			}
		}
	}
	found := findSameFigures(groupRows, nil)
	same := &sameFigures{into: make(map[graph.ID]graph.ID, len(t.same.into)), extra: make(map[graph.ID]map[graph.Predicate][]graph.ID, len(t.same.extra))}
	oldGroups := map[graph.ID][]graph.ID{} // of the facts kept in those groups before
	for dup, kept := range t.same.into {
		if wasMember[dup] {
			oldGroups[kept] = append(oldGroups[kept], dup)
		} else {
			same.into[dup] = kept
		}
	}
	for kept, ex := range t.same.extra {
		if !wasMember[kept] {
			same.extra[kept] = ex
		}
	}
	maps.Copy(same.into, found.into)
	maps.Copy(same.extra, found.extra)
	newGroups := found.groups()

	// The rows that change: the changed facts', and those of the facts
	// read as one in those groups, before or after.
	touched := maps.Clone(changed)
	maps.Copy(touched, wasMember)
	for dup, kept := range found.into {
		touched[dup], touched[kept] = true, true
	}
	rows, raw := map[graph.Kind]map[graph.ID]*aggRow{}, map[graph.Kind]map[graph.ID]*aggRow{}
	set := func(m map[graph.Kind]map[graph.ID]*aggRow, id graph.ID, r *aggRow) {
		k := kindOfID(id)
		if m[k] == nil {
			m[k] = map[graph.ID]*aggRow{}
		}
		m[k][id] = r
	}
	var reread []graph.ID
	for id := range touched {
		r, ok := gotBy[id]
		if !changed[id] {
			r, ok = own(id)
		}
		_, dup := found.into[id]
		_, kept := newGroups[id]
		switch {
		case !ok:
			set(rows, id, nil)
			set(raw, id, nil)
		case dup:
			set(rows, id, nil)
			set(raw, id, &r)
		case kept:
			set(raw, id, &r)
			set(rows, id, &r) // until read as one, below
			old, wasKept := oldGroups[id]
			slices.Sort(old)
			reuse := wasKept && !changed[id] && slices.Equal(old, newGroups[id])
			for _, d := range newGroups[id] {
				reuse = reuse && !changed[d]
			}
			if m, ok := t.rows[kindOfID(id)].find(id); reuse && ok {
				set(rows, id, &m)
			} else {
				reread = append(reread, id)
			}
		default:
			set(rows, id, &r)
			if wasMember[id] {
				set(raw, id, nil)
			}
		}
	}
	slices.Sort(reread)
	merged, err := b.aggRows(withFixedRequest(ctx, b.r, same), reread, &filter{}, needs{links: true, countries: true, dates: true})
	if err != nil {
		return nil, err
	}
	for i := range merged {
		set(rows, merged[i].id, &merged[i])
	}
	out := &aggTable{same: same, rows: map[graph.Kind]*rowList{}, raw: map[graph.Kind]*rowList{}, byKey: byKey}
	for _, k := range aggKinds() {
		out.rows[k] = t.rows[k].edit(rows[k])
		if l := t.raw[k].edit(raw[k]); l.len() > 0 {
			out.raw[k] = l
		}
	}
	// Which past figures are one follows from which articles report one
	// event: where the facts read as one, or the past figures, may have
	// changed, they are found again over the whole table, as a build
	// finds them.
	if pastChanged || len(found.into) > 0 || len(wasMember) > 0 {
		if err := b.samePastKept(ctx, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// samePastKept returns errNeedsBuild unless the past figures t.same reads
// as one are those samePastFigures finds in t's rows, given the other
// facts t.same reads as one.
func (b *builder) samePastKept(ctx context.Context, t *aggTable) error {
	past := map[graph.Kind][]aggRow{} // each past figure's own row
	isPast := map[graph.ID]bool{}
	for _, k := range sameKinds {
		for r := range t.raw[k].all() {
			if r.context {
				past[k], isPast[r.id] = append(past[k], *r), true
			}
		}
		for r := range t.rows[k].all() {
			if r.context && !isPast[r.id] {
				past[k], isPast[r.id] = append(past[k], *r), true
			}
		}
	}
	again := &sameFigures{into: map[graph.ID]graph.ID{}, extra: map[graph.ID]map[graph.Predicate][]graph.ID{}}
	for dup, kept := range t.same.into {
		if !isPast[dup] {
			again.into[dup] = kept
		}
	}
	for kept, ex := range t.same.extra {
		if !isPast[kept] {
			again.extra[kept] = ex
		}
	}
	if err := b.samePastFigures(ctx, past, again); err != nil {
		return err
	}
	if !maps.Equal(again.into, t.same.into) || !maps.EqualFunc(again.extra, t.same.extra, sameLinks) {
		return fmt.Errorf("%w: the past figures read as one changed", errNeedsBuild)
	}
	return nil
}

// sameLinks reports whether a and b hold the same links by predicate, in any order.
func sameLinks(a, b map[graph.Predicate][]graph.ID) bool {
	return maps.EqualFunc(a, b, func(x, y []graph.ID) bool {
		return slices.Equal(slices.Sorted(slices.Values(x)), slices.Sorted(slices.Values(y)))
	})
}

// keyed is a fact in its group of figures: the group is sorted by figure, then ID.
type keyed struct {
	val float64
	id  graph.ID
}

func compareKeyed(a, b keyed) int {
	if c := cmp.Compare(a.val, b.val); c != 0 {
		return c
	}
	return strings.Compare(string(a.id), string(b.id))
}

// connected adds to reach the facts connected to r (of kind k) through
// pairs findSameFigures would try to join, in the groups of byKey, each
// fact's row as row gives it.
func connected(k graph.Kind, r aggRow, byKey map[string][]keyed, row func(graph.ID) (aggRow, bool), reach map[graph.ID]bool) {
	key, _ := sameKey(k, &r)
	if key == "" || reach[r.id] {
		return
	}
	group := byKey[key]
	reach[r.id] = true
	queue := []aggRow{r}
	for len(queue) > 0 {
		a := queue[0]
		queue = queue[1:]
		_, v := sameKey(k, &a)
		// Those whose figure is within the tolerance of a's, either way.
		lo, _ := slices.BinarySearchFunc(group, v/(1+sameTolerance)*(1-1e-9), func(e keyed, x float64) int { return cmp.Compare(e.val, x) })
		for _, e := range group[lo:] {
			if e.val > v*(1+sameTolerance)*(1+1e-9) {
				break
			}
			if reach[e.id] {
				continue
			}
			b, ok := row(e.id)
			if ok && sameFigure(k, key, &a, &b) {
				reach[e.id] = true
				queue = append(queue, b)
			}
		}
	}
}

// kindOfID is the kind whose IRI prefix id has, of the kinds with a spec.
func kindOfID(id graph.ID) graph.Kind {
	for _, s := range graph.Specs() {
		if strings.HasPrefix(string(id), s.Kind.IRIPrefix()) {
			return s.Kind
		}
	}
	return ""
}

// addToPostings returns p with the documents arts changed indexed again:
// the articles and the nodes their evidence supports, each read whole
// (its texts and every evidence sentence about it). An addition only adds
// text to a node, so each term of a document before is among its terms
// after. This is the way that holds whatever p already holds of the
// articles (a build that read part of them); addNew is the quick one.
func addToPostings(ctx context.Context, r Reader, p *postings, arts []graph.ID) (*postings, error) {
	_, nodes, err := stated(ctx, r, arts)
	if err != nil {
		return nil, err
	}
	ents, err := r.Get(ctx, dedupe(append(nodes, arts...))...)
	if err != nil {
		return nil, err
	}
	var docs []graph.ID
	for id, e := range ents {
		if searchedKind(e.Kind) {
			docs = append(docs, id)
		}
	}
	slices.Sort(docs)
	out := p.next()
	weights := map[string]map[uint32]uint64{} // term -> document -> its weight there, for the documents read again
	add := func(doc uint32, s string, w uint64) {
		for _, t := range terms(s) {
			if weights[t] == nil {
				weights[t] = map[uint32]uint64{}
			}
			weights[t][doc] += w
		}
	}
	sentences, err := r.Referrers(ctx, graph.PredSupports, docs...)
	if err != nil {
		return nil, err
	}
	for _, id := range docs {
		doc, ok := out.doc(id)
		if !ok {
			if doc, err = out.newDoc(id, ents[id].Kind); err != nil {
				return nil, err
			}
		}
		e := ents[id]
		for p, w := range indexedPredicates {
			for _, s := range e.Strings(p) {
				add(doc, s, w)
			}
		}
		for evIDs := sentences[id]; len(evIDs) > 0; {
			chunk := evIDs[:min(aggChunk, len(evIDs))]
			evIDs = evIDs[len(chunk):]
			evs, err := r.Get(ctx, chunk...)
			if err != nil {
				return nil, err
			}
			for _, ev := range evs {
				add(doc, ev.String(graph.PredSentence), weightSentence)
			}
		}
	}
	changed := make(map[string]termList, len(weights))
	for t, ws := range weights {
		changed[t] = setWeights(p.terms.get(t), ws)
	}
	out.terms = p.terms.with(changed)
	return out, nil
}

// addNew returns p with what the writes of written added: the terms of
// the attributes each gave the nodes it states (graph.Written.Gained) and
// of its evidence sentences, added to what p holds of those nodes. It
// reads only the articles' evidence, however much else the nodes hold,
// and is right only where p holds none of the writes (see background.fresh).
func addNew(ctx context.Context, r Reader, p *postings, written []graph.Written) (*postings, error) {
	arts := make([]graph.ID, len(written))
	for i, w := range written {
		arts[i] = w.Article
	}
	refs, err := r.Referrers(ctx, graph.PredArticle, arts...)
	if err != nil {
		return nil, err
	}
	out := p.next()
	weights := map[string]map[uint32]uint64{} // term -> document -> weight to add
	add := func(doc uint32, s string, w uint64) {
		for _, t := range terms(s) {
			if weights[t] == nil {
				weights[t] = map[uint32]uint64{}
			}
			weights[t][doc] += w
		}
	}
	// Attributes first: they number the nodes new to the index.
	for _, w := range written {
		for _, id := range slices.Sorted(maps.Keys(w.Gained)) {
			props := w.Gained[id]
			doc, ok := out.doc(id)
			if !ok {
				var kind graph.Kind
				for _, p := range props {
					if p.Pred == graph.PredType {
						kind = graph.KindOf(p.Value)
					}
				}
				if !searchedKind(kind) {
					continue
				}
				if doc, err = out.newDoc(id, kind); err != nil {
					return nil, err
				}
			}
			for _, p := range props {
				if w, ok := indexedPredicates[p.Pred]; ok {
					if s, ok := p.Value.(string); ok {
						add(doc, s, w)
					}
				}
			}
		}
	}
	for _, a := range arts {
		for evIDs := refs[a]; len(evIDs) > 0; {
			chunk := evIDs[:min(aggChunk, len(evIDs))]
			evIDs = evIDs[len(chunk):]
			evs, err := r.Get(ctx, chunk...)
			if err != nil {
				return nil, err
			}
			for _, ev := range evs {
				if doc, ok := out.doc(ev.Link(graph.PredSupports)); ok {
					add(doc, ev.String(graph.PredSentence), weightSentence)
				}
			}
		}
	}
	changed := make(map[string]termList, len(weights))
	for t, ws := range weights {
		list := make([]docWeight, 0, len(ws))
		for d, w := range ws {
			list = append(list, docWeight{d, w})
		}
		slices.SortFunc(list, func(a, b docWeight) int { return cmp.Compare(a.doc, b.doc) })
		changed[t] = addWeights(p.terms.get(t), list)
	}
	out.terms = p.terms.with(changed)
	return out, nil
}

// next is a version of p for an update to fill: it shares p's documents
// (new ones go past every length a reader holds) and terms (replaced with
// termMap.with).
func (p *postings) next() *postings {
	return &postings{ids: p.ids, kinds: p.kinds, terms: p.terms, runs: p.runs, added: p.added}
}

// newDoc numbers a document the index does not hold.
func (p *postings) newDoc(id graph.ID, k graph.Kind) (uint32, error) {
	if len(p.ids) >= 1<<(32-rawWeightBits) {
		return 0, fmt.Errorf("search index: more than %d nodes", 1<<(32-rawWeightBits))
	}
	return p.addDoc(id, k), nil
}

// setWeights returns the list with the documents of ws at those weights.
func setWeights(l termList, ws map[uint32]uint64) termList {
	var big []struct{ doc, w uint64 }
	l.each(func(doc uint32, w float64) {
		if _, ok := ws[doc]; !ok {
			big = append(big, struct{ doc, w uint64 }{uint64(doc), uint64(w)})
		}
	})
	for doc, w := range ws {
		big = append(big, struct{ doc, w uint64 }{uint64(doc), w})
	}
	sort.Slice(big, func(i, j int) bool { return big[i].doc < big[j].doc })
	var out termList
	var buf [2 * binary.MaxVarintLen64]byte
	prev := uint64(0)
	for _, p := range big {
		n := binary.PutUvarint(buf[:], p.doc-prev)
		n += binary.PutUvarint(buf[n:], p.w)
		out.packed = append(out.packed, buf[:n]...)
		out.docs++
		prev = p.doc
	}
	out.packed = slices.Clip(out.packed)
	return out
}
