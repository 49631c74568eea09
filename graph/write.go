package graph

import (
	"context"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// WriteArticle stores everything one article states, in one transaction,
// replacing what an earlier version of the same article stated. Nodes that
// other articles also state keep their other evidence; a node left with no
// evidence at all is removed. It reports how many quads were added and removed.
func (s *Store) WriteArticle(ctx context.Context, af ArticleFacts) (added, removed int, err error) {
	if err := validate(af); err != nil {
		return 0, 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	deltas, err := s.articleDeltas(ctx, af)
	if err != nil {
		return 0, 0, fmt.Errorf("write article %s: %w", af.Article.ID, err)
	}
	if len(deltas) == 0 {
		return 0, 0, nil
	}
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	if err := s.applyDeltas(ctx, deltas); err != nil {
		return 0, 0, fmt.Errorf("write article %s: %w", af.Article.ID, err)
	}
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			added++
		} else {
			removed++
		}
	}
	return added, removed, nil
}

// DeleteArticle removes an article and every fact only it stated.
func (s *Store) DeleteArticle(ctx context.Context, id ID) (removed int, err error) {
	_, removed, err = s.WriteArticle(ctx, ArticleFacts{Article: Article{ID: id}, Nodes: nil})
	if err != nil {
		return 0, err
	}
	// An article with no facts still has its own node: drop it too.
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, err := s.subjectQuads(ctx, id)
	if err != nil {
		return removed, err
	}
	deltas := make([]cgraph.Delta, 0, len(cur))
	for _, q := range cur {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	if len(deltas) > 0 {
		if err := s.applyDeltas(ctx, deltas); err != nil {
			return removed, fmt.Errorf("delete article %s: %w", id, err)
		}
	}
	return removed + len(deltas), nil
}

func validate(af ArticleFacts) error {
	if af.Article.ID == "" {
		return fmt.Errorf("%w: article has no ID", ErrInvalid)
	}
	for i, n := range af.Nodes {
		if n.ID == "" || n.Kind == "" {
			return fmt.Errorf("%w: node %d of article %s has no ID or kind", ErrInvalid, i, af.Article.ID)
		}
		for _, p := range n.Props {
			if _, err := toValue(p.Value); err != nil {
				return fmt.Errorf("%w: node %s, %s: %w", ErrInvalid, n.ID, p.Pred, err)
			}
		}
	}
	return nil
}

// articleDeltas computes the changes that make the store hold af and nothing
// more from the same article.
func (s *Store) articleDeltas(ctx context.Context, af ArticleFacts) ([]cgraph.Delta, error) {
	art := af.Article.ID
	want := map[ID]map[quad.Quad]bool{} // subject -> the quads it should have
	put := func(subj ID, p Predicate, v any) {
		qv, _ := toValue(v) // validated already
		if want[subj] == nil {
			want[subj] = map[quad.Quad]bool{}
		}
		want[subj][quad.Make(quad.IRI(subj), quad.IRI(p), qv, nil)] = true
	}
	if len(af.Nodes) > 0 || af.Article.Title != "" || af.Article.URL != "" {
		put(art, PredType, kindIRI(KindArticle))
		for p, v := range map[Predicate]string{PredHeadline: af.Article.Title, PredURL: af.Article.URL,
			PredPublished: af.Article.Published, PredSource: af.Article.Source} {
			if v != "" {
				put(art, p, v)
			}
		}
	}

	// Evidence this version states, by the node it supports.
	newEvidence := map[ID][]ID{}
	for _, n := range af.Nodes {
		for _, e := range n.Evidence {
			ev := EvidenceID(art, n.ID, e.Start, e.End)
			if want[ev] != nil {
				continue
			}
			newEvidence[n.ID] = append(newEvidence[n.ID], ev)
			put(ev, PredType, kindIRI(KindEvidence))
			put(ev, PredSupports, n.ID)
			put(ev, PredArticle, art)
			put(ev, PredSentence, e.Sentence)
			put(ev, PredStart, e.Start)
			put(ev, PredEnd, e.End)
			put(ev, PredConfidence, e.Confidence)
			if e.Rule != "" {
				put(ev, PredRule, e.Rule)
			}
			if e.AssertedBy != "" {
				put(ev, PredAssertedBy, e.AssertedBy)
			}
			if e.PartOf != "" {
				put(ev, PredPartOf, e.PartOf)
			}
			if e.SameAs != "" {
				put(ev, PredSameAs, e.SameAs)
			}
			if e.Context {
				put(ev, PredContext, "true")
			}
			for _, c := range e.Claims {
				put(ev, c.Pred, c.Value)
			}
		}
	}

	// Evidence the stored version stated.
	oldEvidence, err := s.referrers(ctx, PredArticle, art)
	if err != nil {
		return nil, err
	}
	oldQuads, err := s.quadsOf(ctx, quad.Subject, oldEvidence)
	if err != nil {
		return nil, err
	}
	oldOfArticle := map[ID]bool{}
	touched := map[ID]bool{}
	oldClaims := map[ID]map[claim]bool{} // node -> claims this article's stored version gave it
	for _, ev := range oldEvidence {
		oldOfArticle[ev] = true
		var node ID
		for _, q := range oldQuads[ev] {
			if Predicate(iriOf(q.Predicate)) == PredSupports {
				node = ID(iriOf(q.Object))
				touched[node] = true
			}
		}
		for _, q := range oldQuads[ev] {
			if claimPredicates[Predicate(iriOf(q.Predicate))] && node != "" {
				if oldClaims[node] == nil {
					oldClaims[node] = map[claim]bool{}
				}
				oldClaims[node][claim{q.Predicate, q.Object}] = true
			}
		}
		if want[ev] == nil {
			want[ev] = map[quad.Quad]bool{} // to be removed
		}
	}
	nodes := map[ID]Node{}
	for _, n := range af.Nodes {
		touched[n.ID] = true
		if prev, ok := nodes[n.ID]; ok {
			n.Props = append(prev.Props, n.Props...)
		}
		nodes[n.ID] = n
	}
	touchedIDs := make([]ID, 0, len(touched))
	for id := range touched {
		touchedIDs = append(touchedIDs, id)
	}
	sort.Slice(touchedIDs, func(i, j int) bool { return touchedIDs[i] < touchedIDs[j] })

	stored, err := s.quadsOf(ctx, quad.Subject, touchedIDs)
	if err != nil {
		return nil, err
	}
	// Whether other articles state each touched node. A node is stored
	// only while some evidence states it, so for an article not stored
	// before, a node stored is one other articles state: the list of
	// their evidence (thousands, for an agency of a big store) is read
	// only where this article's old version may have been all a node had,
	// or gave a claim it drops.
	var others map[ID][]ID
	if len(oldEvidence) > 0 {
		if others, err = s.referrersOf(ctx, PredSupports, touchedIDs); err != nil {
			return nil, err
		}
	}
	statedElsewhere := make(map[ID]bool, len(touchedIDs))
	for _, id := range touchedIDs {
		if others == nil {
			statedElsewhere[id] = len(stored[id]) > 0
			continue
		}
		for _, ev := range others[id] {
			statedElsewhere[id] = statedElsewhere[id] || !oldOfArticle[ev]
		}
	}

	// Each touched node: identity from this version (or as stored); claims
	// as stored, less those only this article's old version gave, plus
	// this version's. Only a claim this article drops is looked up among
	// the other evidence, so a node stated by thousands of articles costs
	// no more than one stated by a few.
	for _, id := range touchedIDs {
		if want[id] == nil {
			want[id] = map[quad.Quad]bool{}
		}
		if !statedElsewhere[id] && len(newEvidence[id]) == 0 {
			continue // no evidence left: the node goes
		}
		// A node other articles state keeps the identity it has, so that
		// loading them in any order gives one store: "Jurgen Stock" and
		// "Jürgen Stock" are one person, named as first written.
		sharedAndStored := statedElsewhere[id] && hasIdentity(stored[id])
		if n, ok := nodes[id]; ok && !sharedAndStored {
			put(id, PredType, kindIRI(n.Kind))
			for _, p := range n.Props {
				if !claimPredicates[p.Pred] {
					put(id, p.Pred, p.Value)
				}
			}
		} else {
			for _, q := range stored[id] {
				if !claimPredicates[Predicate(iriOf(q.Predicate))] {
					want[id][q] = true
				}
			}
		}
		newClaims := map[claim]bool{}
		for _, ev := range newEvidence[id] {
			for q := range want[ev] {
				if claimPredicates[Predicate(iriOf(q.Predicate))] {
					newClaims[claim{q.Predicate, q.Object}] = true
				}
			}
		}
		for c := range newClaims {
			want[id][quad.Make(quad.IRI(id), c.pred, c.value, nil)] = true
		}
		otherArticles := map[ID]bool{} // the evidence other articles give this node
		for _, ev := range others[id] {
			if !oldOfArticle[ev] {
				otherArticles[ev] = true
			}
		}
		for _, q := range stored[id] {
			c := claim{q.Predicate, q.Object}
			if !claimPredicates[Predicate(iriOf(q.Predicate))] || newClaims[c] {
				continue
			}
			if oldClaims[id][c] { // this article gave it: does other evidence still?
				hs, err := s.holders(ctx, c)
				if err != nil {
					return nil, err
				}
				supported := false
				for _, h := range hs {
					supported = supported || otherArticles[h]
				}
				if !supported {
					continue
				}
			}
			want[id][q] = true
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Diff each subject's wanted quads against what is stored.
	subjects := make([]ID, 0, len(want))
	for id := range want {
		subjects = append(subjects, id)
	}
	sort.Slice(subjects, func(i, j int) bool { return subjects[i] < subjects[j] })
	current, err := s.quadsOf(ctx, quad.Subject, subjects)
	if err != nil {
		return nil, err
	}
	var deltas []cgraph.Delta
	for _, id := range subjects {
		cur := current[id]
		have := make(map[quad.Quad]bool, len(cur))
		for _, q := range cur {
			have[q] = true
			if !want[id][q] {
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		}
		for q := range want[id] {
			if !have[q] {
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
			}
		}
	}
	return deltas, nil
}

// applyDeltas makes the changes in one transaction: on the SQL backends
// with a few batched statements, elsewhere with Cayley's ApplyDeltas.
func (s *Store) applyDeltas(ctx context.Context, deltas []cgraph.Delta) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return noSpace(s.idx.apply(ctx, deltas))
}
