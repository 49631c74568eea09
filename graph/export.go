package graph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// EachQuad calls fn with every quad the store holds, in the backend's
// order, under the read lock, so it sees no half-written article. It stops
// at fn's first error and returns it.
func (s *Store) EachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err() // a cancelled iteration ends with no error of its own
}

// WriteNQuads writes the whole graph as N-Quads, one quad a line, and
// returns how many it wrote.
func (s *Store) WriteNQuads(ctx context.Context, w io.Writer) (int, error) {
	enc := nquads.NewWriter(w)
	n := 0
	err := s.EachQuad(ctx, func(q quad.Quad) error {
		n++
		return enc.WriteQuad(q)
	})
	if cerr := enc.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// ParseNQuads reads N-Quads; an unparsable line is an error naming name
// and the line. Blank lines and # comments are skipped.
func ParseNQuads(name string, r io.Reader) ([]quad.Quad, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var out []quad.Quad
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		q, err := nquads.Parse(string(line))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w: %v", name, n, ErrInvalid, err)
		}
		if !q.IsValid() {
			return nil, fmt.Errorf("%s:%d: %w: incomplete quad", name, n, ErrInvalid)
		}
		switch q.Subject.(type) {
		case quad.IRI, quad.BNode:
		default:
			return nil, fmt.Errorf("%s:%d: %w: subject %s is not an IRI", name, n, ErrInvalid, q.Subject)
		}
		if _, ok := q.Predicate.(quad.IRI); !ok {
			return nil, fmt.Errorf("%s:%d: %w: predicate %s is not an IRI", name, n, ErrInvalid, q.Predicate)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// ImportNQuads adds the N-Quads read from r (a file `export --format nquads`
// wrote) in one transaction: all of them or, on any error, none. Quads the
// store already holds are left as they are; it returns how many were new.
// It takes the quads as they are: importing quads another tool wrote can
// break the invariants WriteArticle keeps (every fact has evidence).
func (s *Store) ImportNQuads(ctx context.Context, name string, r io.Reader) (added int, err error) {
	qs, err := ParseNQuads(name, r)
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[quad.Quad]bool{}
	var deltas []cgraph.Delta
	have := map[quad.Value]map[quad.Quad]bool{}
	for _, q := range qs {
		if seen[q] {
			continue
		}
		seen[q] = true
		hs, ok := have[q.Subject]
		if !ok {
			cur, err := s.quadsBy(ctx, quad.Subject, q.Subject)
			if err != nil {
				return 0, fmt.Errorf("import %s: %w", name, err)
			}
			hs = make(map[quad.Quad]bool, len(cur))
			for _, c := range cur {
				hs[c] = true
			}
			have[q.Subject] = hs
		}
		if !hs[q] {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
	}
	if len(deltas) == 0 {
		return 0, nil
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	defer s.cache.invalidate(deltas)
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return 0, fmt.Errorf("import %s: %w", name, err)
	}
	return len(deltas), nil
}

// Entities reads every node in the store with all its attributes, sorted
// by ID. It holds the whole graph in memory.
func (s *Store) Entities(ctx context.Context) ([]*Entity, error) {
	byID := map[ID]*Entity{}
	err := s.EachQuad(ctx, func(q quad.Quad) error {
		id := ID(iriOf(q.Subject))
		if id == "" {
			id = ID(quad.StringOf(q.Subject))
		}
		e := byID[id]
		if e == nil {
			e = &Entity{ID: id, Props: map[Predicate][]any{}}
			byID[id] = e
		}
		p := Predicate(iriOf(q.Predicate))
		if p == PredType {
			e.Kind = kindOf(ID(iriOf(q.Object)))
			return nil
		}
		e.Props[p] = append(e.Props[p], fromValue(q.Object))
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]*Entity, 0, len(byID))
	for _, e := range byID {
		for _, vs := range e.Props {
			sort.Slice(vs, func(i, j int) bool { return valueString(vs[i]) < valueString(vs[j]) })
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// WriteJSONLD writes entities as a JSON-LD document in expanded form: a
// @graph of nodes whose @id and property keys are the store's own IRIs
// ("opg:agency/...", "opg:name"), links as {"@id"} and literals as typed
// {"@value"}s, so it states exactly the quads N-Quads export would.
func WriteJSONLD(w io.Writer, ents []*Entity) error {
	graph := make([]map[string]any, 0, len(ents))
	for _, e := range ents {
		n := map[string]any{"@id": string(e.ID)}
		if e.Kind != "" {
			n[string(PredType)] = []map[string]any{{"@id": string(kindIRI(e.Kind))}}
		}
		for _, p := range sortedPreds(e) {
			var vals []map[string]any
			for _, v := range e.Props[p] {
				switch v := v.(type) {
				case ID:
					vals = append(vals, map[string]any{"@id": string(v)})
				case int64:
					vals = append(vals, map[string]any{"@value": v, "@type": "http://www.w3.org/2001/XMLSchema#integer"})
				case float64:
					vals = append(vals, map[string]any{"@value": v, "@type": "http://www.w3.org/2001/XMLSchema#double"})
				default:
					vals = append(vals, map[string]any{"@value": valueString(v)})
				}
			}
			n[string(p)] = vals
		}
		graph = append(graph, n)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(map[string]any{"@graph": graph})
}

// WriteCSV writes the entities of kind k as one CSV table: an id column,
// then one column per attribute (the predicate without "opg:"), several
// values joined with " | ". Each link column is followed by a *_name
// column with the linked node's name (or headline), for spreadsheet users.
func WriteCSV(w io.Writer, k Kind, ents []*Entity) error {
	byID := make(map[ID]*Entity, len(ents))
	preds := map[Predicate]bool{}
	links := map[Predicate]bool{}
	var rows []*Entity
	for _, e := range ents {
		byID[e.ID] = e
		if e.Kind != k {
			continue
		}
		rows = append(rows, e)
		for p, vs := range e.Props {
			preds[p] = true
			for _, v := range vs {
				if _, ok := v.(ID); ok {
					links[p] = true
				}
			}
		}
	}
	var cols []Predicate
	for p := range preds {
		cols = append(cols, p)
	}
	sort.Slice(cols, func(i, j int) bool { return colOrder(cols[i]) < colOrder(cols[j]) })
	cw := csv.NewWriter(w)
	header := []string{"id"}
	for _, p := range cols {
		header = append(header, columnName(p))
		if links[p] {
			header = append(header, columnName(p)+"_name")
		}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, e := range rows {
		rec := []string{string(e.ID)}
		for _, p := range cols {
			var vals, names []string
			for _, v := range e.Props[p] {
				vals = append(vals, valueString(v))
				if id, ok := v.(ID); ok {
					if t := byID[id]; t != nil {
						names = append(names, displayName(t))
					}
				}
			}
			rec = append(rec, strings.Join(vals, " | "))
			if links[p] {
				rec = append(rec, strings.Join(names, " | "))
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// colOrder puts name first, then the rest alphabetically.
func colOrder(p Predicate) string {
	switch p {
	case PredName, PredHeadline:
		return "0"
	case PredRel:
		return "1"
	}
	return "2" + string(p)
}

func columnName(p Predicate) string {
	s := strings.TrimPrefix(string(p), idPrefix)
	return strings.NewReplacer(":", "_", "/", "_").Replace(s)
}

// displayName is what a person reading a table calls a node.
func displayName(e *Entity) string {
	for _, p := range []Predicate{PredName, PredHeadline, PredURL, PredPhrase} {
		if s := e.String(p); s != "" {
			return s
		}
	}
	return string(e.ID)
}

func sortedPreds(e *Entity) []Predicate {
	ps := make([]Predicate, 0, len(e.Props))
	for p := range e.Props {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i] < ps[j] })
	return ps
}

func valueString(v any) string {
	switch v := v.(type) {
	case ID:
		return string(v)
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}
