package schema

import (
	"context"
	"slices"
	"strings"

	"github.com/opgraph/opgraph/graph"
)

// The aggregate table is built from one pass over the store (EachProp)
// rather than by reading each fact, its links and its evidence: those
// reads, at random over the file, took minutes on a big store. The pass
// keeps what rowOf and gather would read, and the rows come out the same;
// where curators' changes touch a fact or anything it links to, or the
// pass finds what it does not expect, the fact is read as before (aggRows).

// aggKinds are the kinds of fact the table holds, one list each: those
// with measures.
func aggKinds() []graph.Kind {
	var out []graph.Kind
	for _, s := range graph.Specs() {
		if len(s.Measures) > 0 {
			out = append(out, s.Kind)
		}
	}
	return out
}

// aggScanPreds are the predicates the pass reads: the structure (types,
// relations, evidence) and what rowOf reads of a fact: what its measures
// read, its links, its dates, and what the groups and filters read.
func aggScanPreds() []graph.Predicate {
	ps := []graph.Predicate{graph.PredType, graph.PredRel, graph.PredFrom, graph.PredTo,
		graph.PredSupports, graph.PredArticle, graph.PredPublished, graph.PredPartOf, graph.PredSameAs, graph.PredContext,
		graph.PredCommodity, graph.PredSubtype, graph.PredDate, graph.PredCountry}
	for _, k := range aggKinds() {
		spec := graph.Spec(k)
		for _, m := range spec.Measures {
			ps = append(ps, m.Reads...)
		}
		for _, f := range spec.Fields {
			if f.Type == graph.Date || f.Type == graph.EventDate {
				ps = append(ps, f.Pred)
			}
		}
		for _, l := range spec.Links {
			ps = append(ps, l.Pred)
		}
	}
	slices.Sort(ps)
	return slices.Compact(ps)
}

var evidencePrefix = graph.KindEvidence.IRIPrefix()

// aggScan is what the pass keeps: little of evidence, the most numerous
// nodes, beyond the pairs in flight.
type aggScan struct {
	kinds     map[graph.ID]graph.Kind   // the type of each node of a trackedKind
	props     map[graph.ID][]graph.Prop // aggProps of the facts the table holds
	country   map[graph.ID]string       // the first country of any node
	published map[graph.ID]string       // the first publication date of each article
	rels      map[graph.ID]*scanRel     // nodes with a from link: relations
	// An evidence's fact and article pair up when both are read; the
	// unpaired left at the end send their facts to be read. An evidence
	// names one article and one fact (its ID is made of both), so a pair
	// is forgotten once made.
	evFact    map[graph.ID][]graph.ID
	evArticle map[graph.ID]graph.ID
	articles  map[graph.ID][]int32 // fact -> its evidence's articles, as indexes in artIDs
	artIndex  map[graph.ID]int32
	artIDs    []graph.ID
	// curated reports nodes curators changed; forced are the facts with
	// such evidence, which are read from the store.
	curated func(graph.ID) bool
	forced  map[graph.ID]bool
	// The IRI prefixes ("opg:arrest/") of the kinds the table holds, and
	// of those and the far ends of their links and relations (agencies,
	// places, the platforms and groups operations target): the pass tests
	// every quad's subject.
	tablePrefixes, trackedPrefixes []string
	// marked is the evidence that says how its figure relates to others
	// (partOf, sameAs, context): few, and their facts are read from the
	// store, where folds works out how totals read them.
	marked []graph.ID
}

type scanRel struct {
	id       graph.ID
	rel      string
	from     []graph.ID
	to       graph.ID
	relFirst bool // rel and to hold their first values
	toFirst  bool
}

func newAggScan(curated func(graph.ID) bool) *aggScan {
	tracked := []graph.Kind{graph.KindAgency, graph.KindPlace, graph.KindPlatform, graph.KindGroup}
	return &aggScan{tablePrefixes: iriPrefixes(aggKinds()...), trackedPrefixes: iriPrefixes(append(tracked, aggKinds()...)...), curated: curated, forced: map[graph.ID]bool{}, kinds: map[graph.ID]graph.Kind{}, props: map[graph.ID][]graph.Prop{}, country: map[graph.ID]string{},
		published: map[graph.ID]string{}, rels: map[graph.ID]*scanRel{}, evFact: map[graph.ID][]graph.ID{},
		evArticle: map[graph.ID]graph.ID{}, articles: map[graph.ID][]int32{}, artIndex: map[graph.ID]int32{}}
}

// pair records that fact is stated by art, for the facts the table holds.
func (s *aggScan) pair(fact, art graph.ID) {
	if !s.tableKind(fact) {
		return
	}
	i, ok := s.artIndex[art]
	if !ok {
		i = int32(len(s.artIDs))
		s.artIndex[art] = i
		s.artIDs = append(s.artIDs, art)
	}
	s.articles[fact] = append(s.articles[fact], i)
}

// trackedKind reports whether the pass keeps the type of a node whose IRI
// names kind k: the table's facts and the far ends of their relations
// (agencies, places, and the platforms and groups operations target).
// A relation whose far end is of another kind sends its fact to be read.
func (s *aggScan) trackedKind(id graph.ID) bool { return hasPrefix(id, s.trackedPrefixes) }

// tableKind reports whether id's IRI names a kind the table holds: the
// pass keeps attributes only of those (the type link, read in its turn,
// decides).
func (s *aggScan) tableKind(id graph.ID) bool { return hasPrefix(id, s.tablePrefixes) }

func iriPrefixes(ks ...graph.Kind) []string {
	var out []string
	for _, k := range ks {
		out = append(out, k.IRIPrefix())
	}
	return out
}

func hasPrefix(id graph.ID, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(string(id), p) {
			return true
		}
	}
	return false
}

func (s *aggScan) add(id graph.ID, p graph.Predicate, v any) error {
	evidence := strings.HasPrefix(string(id), evidencePrefix)
	switch {
	case p == graph.PredType:
		if s.trackedKind(id) {
			s.kinds[id] = graph.KindOf(v)
		}
	case p == graph.PredSupports:
		fact, _ := v.(graph.ID)
		if s.tableKind(fact) && s.curated(id) {
			s.forced[fact] = true
		}
		if art, ok := s.evArticle[id]; ok {
			delete(s.evArticle, id)
			s.pair(fact, art)
		} else {
			s.evFact[id] = append(s.evFact[id], fact)
		}
	case p == graph.PredArticle:
		art, ok := v.(graph.ID)
		if !ok {
			return nil
		}
		facts, waiting := s.evFact[id]
		if !waiting {
			if _, seen := s.evArticle[id]; !seen { // an evidence's first article is its article
				s.evArticle[id] = art
			}
			return nil
		}
		for _, fact := range facts {
			s.pair(fact, art)
		}
		delete(s.evFact, id)
	case evidence:
		if p == graph.PredPartOf || p == graph.PredSameAs || p == graph.PredContext {
			s.marked = append(s.marked, id)
		}
	case p == graph.PredPublished:
		if d, ok := v.(string); ok {
			if _, seen := s.published[id]; !seen {
				s.published[id] = d
			}
		}
	case p == graph.PredRel || p == graph.PredFrom || p == graph.PredTo:
		r := s.rels[id]
		if r == nil {
			r = &scanRel{id: id}
			s.rels[id] = r
		}
		switch p {
		case graph.PredRel:
			if str, ok := v.(string); ok && !r.relFirst {
				r.rel, r.relFirst = str, true
			}
		case graph.PredFrom:
			if to, ok := v.(graph.ID); ok {
				r.from = append(r.from, to)
			}
		case graph.PredTo:
			if to, ok := v.(graph.ID); ok && !r.toFirst {
				r.to, r.toFirst = to, true
			}
		}
	default:
		if p == graph.PredCountry {
			if c, ok := v.(string); ok {
				if _, seen := s.country[id]; !seen {
					s.country[id] = c
				}
			}
		}
		if s.tableKind(id) {
			s.props[id] = append(s.props[id], graph.Prop{Pred: p, Value: v})
		}
	}
	return nil
}

// toRead are the facts whose rows are read from the store: those with
// evidence curators changed, or that the pass could not pair with an article.
func (s *aggScan) toRead() map[graph.ID]bool {
	out := s.forced
	for _, facts := range s.evFact {
		for _, f := range facts {
			out[f] = true
		}
	}
	return out
}

// relsFrom indexes the relations by the node each points from.
func (s *aggScan) relsFrom() map[graph.ID][]*scanRel {
	out := map[graph.ID][]*scanRel{}
	for _, r := range s.rels {
		for _, f := range r.from {
			out[f] = append(out[f], r)
		}
	}
	return out
}

// row is id's aggregate row as rowOf and gather would make it (with
// needs{links, countries, dates}), and the nodes it was made from, for
// the check against curators' changes. ok is false where the pass holds
// no node of kind k with that ID.
func (s *aggScan) row(id graph.ID, k graph.Kind, relsFrom map[graph.ID][]*scanRel, intern func(string) string) (row aggRow, deps []graph.ID, ok bool) {
	if s.kinds[id] != k {
		return aggRow{}, nil, false
	}
	e := &graph.Entity{ID: id, Kind: k, Props: map[graph.Predicate][]any{}}
	for _, p := range s.props[id] {
		e.Props[p.Pred] = append(e.Props[p.Pred], p.Value)
	}
	// Each fact's row is made once (its type is one kind): what the pass
	// kept of it can go as the rows grow, not after.
	delete(s.props, id)
	nf := ownFacts(e)
	deps = []graph.ID{id}
	for _, set := range []map[graph.ID]bool{nf.agencies, nf.operations, nf.places} {
		for to := range set {
			deps = append(deps, to)
		}
	}
	untracked := false // a far end whose type the pass did not keep
	// far adds to set the far ends, of kind want, of the relations named
	// rel from node, as request.linked reads them.
	far := func(node graph.ID, rel string, want graph.Kind, set map[graph.ID]bool) {
		for _, r := range relsFrom[node] {
			deps = append(deps, r.id)
			if r.rel != rel || r.to == "" {
				continue
			}
			deps = append(deps, r.to)
			if !s.trackedKind(r.to) {
				untracked = true
			}
			if s.kinds[r.to] == want && r.to != node {
				set[r.to] = true
			}
		}
	}
	switch k {
	case graph.KindOperation:
		far(id, graph.RelOperationAgency, graph.KindAgency, nf.agencies)
		far(id, graph.RelOperationPlace, graph.KindPlace, nf.places)
		far(id, graph.RelOperationTarget, graph.KindPlatform, nf.platforms)
	default:
		for op := range nf.operations {
			far(op, graph.RelOperationTarget, graph.KindPlatform, nf.platforms)
		}
	}
	for _, set := range []map[graph.ID]bool{nf.places, nf.agencies} {
		for n := range set {
			if c := s.country[n]; c != "" {
				nf.countries[c] = true
			}
		}
	}
	var dates []string
	arts := s.articles[id]
	delete(s.articles, id)
	if len(factDates(e, nil)) == 0 {
		for _, a := range arts {
			deps = append(deps, s.artIDs[a]) // a merged article gives no date through the store
			if d := s.published[s.artIDs[a]]; d != "" {
				dates = append(dates, d)
			}
		}
	}
	nf.dates = factDates(e, dates)
	if untracked {
		return aggRow{}, nil, false
	}
	return rowOf(e, nf, intern), deps, true
}

// buildAggTable builds the table from one pass over the store; the facts
// the pass cannot settle alone are read as a filtered aggregate reads them.
func (b *builder) buildAggTable(ctx context.Context) (*aggTable, error) {
	// The rows are made as the curators' changes alone leave the facts:
	// which facts state one figure is found from them (findSameFigures).
	ctx = withFixedRequest(graph.ForScan(ctx), b.r, nil)
	v, err := b.requestFrom(ctx).curation(ctx)
	if err != nil {
		return nil, err
	}
	s := newAggScan(v.touched)
	if err := b.r.EachProp(ctx, aggScanPreds(), s.add); err != nil {
		return nil, err
	}
	relsFrom, read := s.relsFrom(), s.toRead()
	if len(s.marked) > 0 {
		evs, err := b.r.Get(ctx, s.marked...)
		if err != nil {
			return nil, err
		}
		for _, ev := range evs {
			if fact := ev.Link(graph.PredSupports); fact != "" {
				read[fact] = true
			}
		}
	}
	all := map[graph.Kind][]aggRow{}
	strs := map[string]string{}
	intern := func(v string) string {
		if c, ok := strs[v]; ok {
			return c
		}
		v = strings.Clone(v) // not a piece of a bigger string
		strs[v] = v
		return v
	}
	for _, k := range aggKinds() {
		ids, err := b.r.List(ctx, k)
		if err != nil {
			return nil, err
		}
		rows := make([]aggRow, len(ids))
		have := make([]bool, len(ids))
		var reread []graph.ID
		at := map[graph.ID]int{}
		for i, id := range ids {
			row, deps, ok := s.row(id, k, relsFrom, intern)
			if ok && !read[id] && !v.touches(deps) {
				rows[i], have[i] = row, true
				continue
			}
			reread = append(reread, id)
			at[id] = i
		}
		for len(reread) > 0 {
			chunk := reread[:min(aggChunk, len(reread))]
			reread = reread[len(chunk):]
			got, err := b.aggRows(withFixedRequest(ctx, b.r, nil), chunk, &filter{}, needs{links: true, countries: true, dates: true})
			if err != nil {
				return nil, err
			}
			for _, r := range got {
				if i, ok := at[r.id]; ok {
					rows[i], have[i] = r, true
				}
			}
		}
		kept := rows[:0] // in place: at 100k articles a copy was 30 MB more
		for i := range rows {
			if have[i] {
				kept = append(kept, rows[i])
			}
		}
		clear(rows[len(kept):]) // the rows left out keep no strings alive
		all[k] = slices.Clip(kept)
	}
	return b.readSame(ctx, all)
}

// groupsOf lists the facts of each group of figures (sameKey), sorted by figure.
func groupsOf(rows map[graph.Kind][]aggRow) map[string][]keyed {
	out := map[string][]keyed{}
	for _, k := range sameKinds {
		for i := range rows[k] {
			if key, val := sameKey(k, &rows[k][i]); key != "" {
				out[key] = append(out[key], keyed{val, rows[k][i].id})
			}
		}
	}
	for _, g := range out {
		slices.SortFunc(g, compareKeyed)
	}
	return out
}

// readSame makes the table of rows, every fact's as it states it alone:
// it finds the facts that state one figure (t.same, and the past figures
// articles about one event share) and reads them as one: the duplicates
// leave, the facts kept are read again as requests will read them. t.raw
// keeps the rows of both as they were, for updates in place
// (addToAggTable).
func (b *builder) readSame(ctx context.Context, rows map[graph.Kind][]aggRow) (*aggTable, error) {
	t := &aggTable{rows: map[graph.Kind]*rowList{}, raw: map[graph.Kind]*rowList{}}
	t.same = findSameFigures(rows, nil)
	if err := b.samePastFigures(ctx, rows, t.same); err != nil {
		return nil, err
	}
	t.byKey = groupsOf(rows)
	kept := map[graph.ID]bool{}
	for _, k := range t.same.into {
		kept[k] = true
	}
	sctx := withFixedRequest(ctx, b.r, t.same)
	for k, rs := range rows {
		var raw []aggRow
		var keep []graph.ID
		for _, r := range rs {
			if _, dup := t.same.into[r.id]; dup || kept[r.id] {
				raw = append(raw, r)
			}
			if kept[r.id] {
				keep = append(keep, r.id)
			}
		}
		got, err := b.aggRows(sctx, keep, &filter{}, needs{links: true, countries: true, dates: true})
		if err != nil {
			return nil, err
		}
		merged := make(map[graph.ID]aggRow, len(got))
		for _, r := range got {
			merged[r.id] = r
		}
		out := rs[:0] // in place: the build's rows are its own
		for _, r := range rs {
			if _, dup := t.same.into[r.id]; dup {
				continue
			}
			if m, ok := merged[r.id]; ok {
				r = m
			}
			out = append(out, r)
		}
		clear(rs[len(out):])
		t.rows[k] = newRowList(slices.Clip(out))
		if len(raw) > 0 {
			t.raw[k] = newRowList(raw)
		}
	}
	return t, nil
}
