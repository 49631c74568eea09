package graph

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// ImportOptions say what an N-Quads import takes beyond facts and their
// evidence.
type ImportOptions struct {
	// Curators are the curators, by the name each change records (opg:by),
	// whose changes (retractions, merges, corrections, undos) a dump may
	// carry; "*" takes anyone's. A change by anyone else, or any change
	// when Curators is empty, refuses the whole dump: a change rewrites
	// what every reader sees, and a dump's author line is only its word.
	Curators []string
}

// trusts says whether opts take a change by curator by.
func (o ImportOptions) trusts(by string) bool {
	return slices.Contains(o.Curators, "*") || slices.Contains(o.Curators, by)
}

// dumpNode is what a dump says of one subject, as far as checkDump needs.
type dumpNode struct {
	line     int  // where the subject first appears
	kind     Kind // from its rdf:type, "" when the dump gives none
	kindIRI  ID
	supports int // opg:supports links
	article  bool
	by       []string
	action   string
}

// checkDump reads the whole dump before anything of it is written and
// refuses it, naming the line and subject, where a fact (a node of one of
// FactKinds) has no evidence in the dump or the store, an evidence node
// lacks its article or the fact it supports, a kind is not opgraph's, or
// a curator's change is not one opts trust. Subjects the dump gives no
// kind are taken as they are (attributes of nodes the store holds, or
// nodes no reader lists).
func (s *Store) checkDump(ctx context.Context, name string, r io.Reader, opts ImportOptions) error {
	nodes := map[ID]*dumpNode{}
	supportsOf := map[ID][]ID{}
	err := eachNQuadLine(name, r, func(n int, q quad.Quad) error {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		id := ID(iriOf(q.Subject))
		if id == "" {
			return nil // a blank node: no reader follows it
		}
		d := nodes[id]
		if d == nil {
			d = &dumpNode{line: n}
			nodes[id] = d
		}
		switch Predicate(iriOf(q.Predicate)) {
		case PredType:
			d.kindIRI = ID(iriOf(q.Object))
			d.kind = kindOf(d.kindIRI)
		case PredSupports:
			d.supports++
			if t := ID(iriOf(q.Object)); t != "" {
				supportsOf[id] = append(supportsOf[id], t)
			}
		case PredArticle:
			d.article = true
		case PredBy:
			d.by = append(d.by, valueString(fromValue(q.Object)))
		case PredAction:
			d.action = valueString(fromValue(q.Object))
		}
		return nil
	})
	if err != nil {
		return err
	}
	supported := map[ID]bool{} // facts an evidence node of the dump supports
	for id, targets := range supportsOf {
		if nodes[id].kind == KindEvidence {
			for _, t := range targets {
				supported[t] = true
			}
		}
	}
	ids := make([]ID, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b ID) int { return cmp.Compare(nodes[a].line, nodes[b].line) })

	var unsupported []ID
	for _, id := range ids {
		d := nodes[id]
		at := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %w: %s %s", name, d.line, ErrInvalid, id, fmt.Sprintf(format, args...))
		}
		switch {
		case d.kind == KindChange || strings.HasPrefix(string(id), idPrefix+"change/"):
			if len(d.by) != 1 {
				return at("is a curator's change without one author (opg:by): %d given", len(d.by))
			}
			if !opts.trusts(d.by[0]) {
				return fmt.Errorf("%w: %w", at("is a curator's change (%s by %q)", cmp.Or(d.action, "a change"), d.by[0]), ErrUntrusted)
			}
		case d.kindIRI != "" && !knownKind(d.kind):
			return at("has a kind opgraph does not know: %s", d.kindIRI)
		case d.kind == KindEvidence && !d.article:
			return at("is evidence without its article (opg:article)")
		case d.kind == KindEvidence && d.supports == 0:
			return at("is evidence that supports nothing (opg:supports)")
		case slices.Contains(FactKinds, d.kind) && !supported[id]:
			unsupported = append(unsupported, id)
		}
	}
	// Facts the dump gives no evidence for may have some in the store.
	for len(unsupported) > 0 {
		chunk := unsupported[:min(len(unsupported), 1000)]
		unsupported = unsupported[len(chunk):]
		refs, err := s.Referrers(ctx, PredSupports, chunk...)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, id := range chunk { // in the order of the dump
			if len(refs[id]) == 0 {
				d := nodes[id]
				return fmt.Errorf("%s:%d: %w: %s (%s) has no evidence: no evidence node of the dump or the store supports it (opg:supports)", name, d.line, ErrInvalid, id, d.kind)
			}
		}
	}
	return nil
}

// knownKind says whether k is a kind opgraph stores.
func knownKind(k Kind) bool {
	return slices.Contains(FactKinds, k) || k == KindArticle || k == KindEvidence || k == KindChange
}

// eachNQuadLine calls fn with each quad of r and its line number; a line
// that does not parse (or on which the parser panics) is an ErrInvalid
// naming it.
func eachNQuadLine(name string, r io.Reader, fn func(n int, q quad.Quad) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		q, err := parseQuad(string(line))
		if err != nil {
			return fmt.Errorf("%s:%d: %w: %w", name, n, ErrInvalid, err)
		}
		if !q.IsValid() {
			return fmt.Errorf("%s:%d: %w: incomplete quad", name, n, ErrInvalid)
		}
		switch q.Subject.(type) {
		case quad.IRI, quad.BNode:
		default:
			return fmt.Errorf("%s:%d: %w: subject %s is not an IRI", name, n, ErrInvalid, q.Subject)
		}
		if _, ok := q.Predicate.(quad.IRI); !ok {
			return fmt.Errorf("%s:%d: %w: predicate %s is not an IRI", name, n, ErrInvalid, q.Predicate)
		}
		if err := fn(n, q); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// parseQuad parses one line, turning a panic of the parser into an error.
func parseQuad(line string) (q quad.Quad, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the N-Quads parser failed on this line: %v", p)
		}
	}()
	return nquads.Parse(line)
}
