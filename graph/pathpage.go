package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"
)

// PathOperation is one operation of a dashboard page read with Cayley's
// path API: its name, its agencies' names, its arrests' counts and its
// seizures' commodities, as literals.
type PathOperation struct {
	ID       ID
	Name     string
	Agencies []string
	Arrests  []string
	Seizures []string
}

// PathOperationsPage reads the first operations (by ID) with what the
// dashboard shows of each, written directly against Cayley's path API on
// the store's quad store: the baseline the GraphQL layer is measured
// against (`opgraph-bench`). It applies no curation.
func (s *Store) PathOperationsPage(ctx context.Context, first int) ([]PathOperation, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	all, err := path.StartPath(s.qs).Has(quad.IRI(PredType), quad.IRI(kindIRI(KindOperation))).
		Iterate(ctx).AllValues(s.qs)
	if err != nil {
		return nil, fmt.Errorf("path page: %w", err)
	}
	ids := make([]string, 0, len(all))
	for _, v := range all {
		ids = append(ids, iriOf(v))
	}
	sort.Strings(ids)
	ids = ids[:min(first, len(ids))]
	start := make([]quad.Value, len(ids))
	rows := make(map[string]*PathOperation, len(ids))
	for i, id := range ids {
		start[i] = quad.IRI(id)
		rows[id] = &PathOperation{ID: ID(id)}
	}
	each := func(p *path.Path, set func(*PathOperation, string)) error {
		return p.Tag("v").Iterate(ctx).TagValues(s.qs, func(m map[string]quad.Value) error {
			if r := rows[iriOf(m["op"])]; r != nil {
				set(r, quad.StringOf(m["v"]))
			}
			return nil
		})
	}
	from := func() *path.Path { return path.StartPath(s.qs, start...).Tag("op") }
	steps := []struct {
		p   *path.Path
		set func(*PathOperation, string)
	}{
		{from().Out(quad.IRI(PredName)), func(r *PathOperation, v string) { r.Name = v }},
		{from().In(quad.IRI(PredFrom)).Has(quad.IRI(PredRel), quad.String(RelOperationAgency)).Out(quad.IRI(PredTo)).Out(quad.IRI(PredName)),
			func(r *PathOperation, v string) { r.Agencies = append(r.Agencies, v) }},
		{from().In(quad.IRI(PredOperation)).Has(quad.IRI(PredType), quad.IRI(kindIRI(KindArrest))).Out(quad.IRI(PredCount)),
			func(r *PathOperation, v string) { r.Arrests = append(r.Arrests, v) }},
		{from().In(quad.IRI(PredOperation)).Has(quad.IRI(PredType), quad.IRI(kindIRI(KindSeizure))).Out(quad.IRI(PredCommodity)),
			func(r *PathOperation, v string) { r.Seizures = append(r.Seizures, v) }},
	}
	for _, st := range steps {
		if err := each(st.p, st.set); err != nil {
			return nil, fmt.Errorf("path page: %w", err)
		}
	}
	out := make([]PathOperation, len(ids))
	for i, id := range ids {
		out[i] = *rows[id]
	}
	return out, nil
}
