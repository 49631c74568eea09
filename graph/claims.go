package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"
)

// claim is one claim value a piece of evidence gives its node.
type claim struct {
	pred  quad.Value // an IRI of one of claimPredicates
	value quad.Value
}

// holders returns the nodes that state claim c themselves: the evidence
// (and nodes) with the quad (node, c.pred, c.value).
func (s *Store) holders(ctx context.Context, c claim) ([]ID, error) {
	return s.idx.holders(ctx, c)
}

// subjectsWith returns the IRI subjects of the quads (subject, p, v).
func (q *sqlStore) subjectsWith(ctx context.Context, p, v quad.Value) ([]ID, error) {
	rows, err := q.pool.Query(ctx, `SELECT subject_hash FROM quads WHERE object_hash = $1 AND predicate_hash = $2`,
		hashOf(v), hashOf(p))
	if err != nil {
		return nil, fmt.Errorf("select subjects with %s: %w", p, err)
	}
	var hashes [][]byte
	for rows.Next() {
		var h []byte
		if err := rows.Scan(&h); err != nil {
			rows.Close()
			return nil, fmt.Errorf("select subjects with %s: %w", p, err)
		}
		hashes = append(hashes, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("select subjects with %s: %w", p, err)
	}
	vals, err := q.valuesOf(ctx, hashes)
	if err != nil {
		return nil, err
	}
	out := make([]ID, 0, len(hashes))
	for _, h := range hashes {
		if iri := iriOf(vals[string(h)]); iri != "" {
			out = append(out, ID(iri))
		}
	}
	return out, nil
}
