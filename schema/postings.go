package schema

import (
	"encoding/binary"
	"slices"
	"strings"

	"github.com/opgraph/opgraph/graph"
)

// What lets the search index take a new article in place in time that
// depends on the article, not on the index: its terms are kept in shards
// that an update copies only where it changes them; a document is found
// by binary search among those a build numbered, or in a small map of
// those updates added; and a term's list takes a document's new weight by
// splicing, without unpacking the list.

// termShardBits sets how many shards the terms are kept in: an update
// copies the shard table (a pointer a shard) and the shards of the terms
// it changes.
const termShardBits = 12

// termMap maps each term to its list. A version is never changed once a
// reader may hold it: with returns a new one.
type termMap struct {
	shards [1 << termShardBits]map[string]termList
	n      int
}

func shardOf(t string) int {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(t); i++ {
		h = (h ^ uint32(t[i])) * 16777619
	}
	return int(h & (1<<termShardBits - 1))
}

func (m *termMap) get(t string) termList { return m.shards[shardOf(t)][t] }

func (m *termMap) len() int { return m.n }

// set adds or replaces a term's list, in a map no reader holds yet.
func (m *termMap) set(t string, l termList) {
	s := shardOf(t)
	if m.shards[s] == nil {
		m.shards[s] = map[string]termList{}
	}
	if _, ok := m.shards[s][t]; !ok {
		m.n++
	}
	m.shards[s][t] = l
}

// with returns a copy of m with the lists of changed: the shards that
// hold none of them are shared.
func (m *termMap) with(changed map[string]termList) *termMap {
	out := &termMap{shards: m.shards, n: m.n}
	copied := map[int]bool{}
	for t, l := range changed {
		s := shardOf(t)
		if !copied[s] {
			copied[s] = true
			shard := make(map[string]termList, len(m.shards[s])+1)
			for k, v := range m.shards[s] {
				shard[k] = v
			}
			out.shards[s] = shard
		}
		if _, ok := out.shards[s][t]; !ok {
			out.n++
		}
		out.shards[s][t] = l
	}
	return out
}

// each calls fn with every term and its list.
func (m *termMap) each(fn func(t string, l termList)) {
	for _, s := range m.shards {
		for t, l := range s {
			fn(t, l)
		}
	}
}

// docRun is where a build numbered the documents of a kind: from start
// to end, sorted by ID.
type docRun struct{ start, end uint32 }

// doc returns the number of the document id, if the index holds it.
func (p *postings) doc(id graph.ID) (uint32, bool) {
	if r, ok := p.runs[docKind(id)]; ok {
		run := p.ids[r.start:r.end]
		if i, found := slices.BinarySearch(run, id); found {
			return r.start + uint32(i), true
		}
	}
	// A map an update added to, shared by the versions it led to: an entry
	// counts only where that version holds the document there.
	if d, ok := p.added[id]; ok && int(d) < len(p.ids) && p.ids[d] == id {
		return d, true
	}
	return 0, false
}

// addDoc numbers a new document, after every other.
func (p *postings) addDoc(id graph.ID, k graph.Kind) uint32 {
	d := uint32(len(p.ids))
	p.ids = append(p.ids, id) // past every length a reader holds
	p.kinds = append(p.kinds, k)
	if p.added == nil {
		p.added = map[graph.ID]uint32{}
	}
	p.added[id] = d
	return d
}

// indexAdded rebuilds the map of documents numbered after the build's.
func (p *postings) indexAdded() {
	var end uint32
	for _, r := range p.runs {
		end = max(end, r.end)
	}
	p.added = map[graph.ID]uint32{}
	for d := end; d < uint32(len(p.ids)); d++ {
		p.added[p.ids[d]] = d
	}
}

// docWeight is a document and a weight to add to its own for a term.
type docWeight struct {
	doc uint32
	w   uint64
}

// addWeights returns l with ws (sorted by document, each once) added to
// its documents' weights; documents not in l join it. Runs of l that
// nothing changes are copied as they are packed.
func addWeights(l termList, ws []docWeight) termList {
	b := l.packed
	out := termList{docs: l.docs, packed: make([]byte, 0, len(b)+len(ws)*2*binary.MaxVarintLen32)}
	put := func(gap, w uint64) {
		out.packed = binary.AppendUvarint(out.packed, gap)
		out.packed = binary.AppendUvarint(out.packed, w)
	}
	var (
		pos, runStart int
		doc, last     uint64 // the doc of l's entry before pos; of out's last entry
		i             int
	)
	flush := func() {
		if pos > runStart {
			out.packed = append(out.packed, b[runStart:pos]...)
			last = doc
		}
	}
	for pos < len(b) && i < len(ws) {
		gap, n := binary.Uvarint(b[pos:])
		w, m := binary.Uvarint(b[pos+n:])
		d, want := doc+gap, uint64(ws[i].doc)
		switch {
		case want < d: // a new document before this entry
			flush()
			put(want-last, ws[i].w)
			last, runStart = want, pos
			out.docs++
			i++
			if i == len(ws) || uint64(ws[i].doc) > d {
				// This entry follows a new one: its gap is written again.
				put(d-last, w)
				last, doc, pos = d, d, pos+n+m
				runStart = pos
			}
		case want == d:
			flush()
			put(d-last, w+ws[i].w)
			last, doc, pos = d, d, pos+n+m
			runStart = pos
			i++
		default: // unchanged, its gap still right: part of the run
			doc, pos = d, pos+n+m
		}
	}
	pos = len(b) // the rest follows an entry of l, unchanged
	flush()
	for ; i < len(ws); i++ {
		put(uint64(ws[i].doc)-last, ws[i].w)
		last = uint64(ws[i].doc)
		out.docs++
	}
	out.packed = slices.Clip(out.packed)
	return out
}

// searchedKind reports whether nodes of kind k are documents of the
// index: articles and facts, not relations (found by their ends).
func searchedKind(k graph.Kind) bool {
	if k == graph.KindArticle {
		return true
	}
	return k != graph.KindRelation && slices.Contains(graph.FactKinds, k)
}

// docKind is the kind whose IRI prefix id has, of the documents' kinds.
func docKind(id graph.ID) graph.Kind {
	if strings.HasPrefix(string(id), articlePrefix) {
		return graph.KindArticle
	}
	return kindOfID(id)
}

var articlePrefix = graph.KindArticle.IRIPrefix()

// isEvidence reports whether id names a piece of evidence.
func isEvidence(id graph.ID) bool { return strings.HasPrefix(string(id), evidencePrefix) }
