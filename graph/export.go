package graph

import (
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// EachQuad calls fn with every quad the store holds, in the backend's
// order, under the read lock, so it sees no half-written article. It stops
// at fn's first error and returns it.
func (s *Store) EachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	s.scans.Lock()
	defer s.scans.Unlock()
	s.mu.RLock()
	defer s.mu.RUnlock()
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	kv, isKV := s.qs.(valuesOf)
	names := newValueNames(kv)
	var batch []*cproto.Primitive
	for it.Next(ctx) {
		if p, ok := it.Result().(*cproto.Primitive); ok && isKV {
			if batch = append(batch, p); len(batch) == scanBatch {
				if err := s.eachOfBatch(ctx, names, batch, fn); err != nil {
					return err
				}
				batch = batch[:0]
			}
			continue
		}
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
		s.mapped.readQuads(1)
	}
	if err := it.Err(); err != nil {
		return err
	}
	if err := s.eachOfBatch(ctx, names, batch, fn); err != nil {
		return err
	}
	s.mapped.drop()
	return ctx.Err() // a cancelled iteration ends with no error of its own
}

// scanBatch is how many quads EachQuad names at once on a key-value
// backend (Bolt).
const scanBatch = 1024

// valuesOf is Cayley's key-value quad store (Bolt), whose quads come from
// its iterators as primitives: the IDs of their four values.
type valuesOf interface {
	ValuesOf(ctx context.Context, refs []cgraph.Ref) ([]quad.Value, error)
}

// valueNames names the values of a key-value store's quads, keeping the
// names it read: Cayley's Quad reads all four values of every quad in a
// transaction of its own, where a scan's predicates, kinds and subjects
// repeat quad after quad.
type valueNames struct {
	kv    valuesOf
	names map[uint64]quad.Value
}

// maxNames bounds the names kept; past it they are forgotten all at once.
var maxNames = 1 << 16 // a variable for tests

func newValueNames(kv valuesOf) *valueNames {
	return &valueNames{kv: kv, names: map[uint64]quad.Value{}}
}

// read reads the names of the batch's values not yet known, in one batch.
func (n *valueNames) read(ctx context.Context, batch []*cproto.Primitive) error {
	var refs []cgraph.Ref
	var ids []uint64
	for _, p := range batch {
		for _, id := range [...]uint64{p.Subject, p.Predicate, p.Object, p.Label} {
			if _, ok := n.names[id]; !ok && id != 0 {
				n.names[id] = nil // asked once per batch
				refs = append(refs, ckv.Int64Value(id))
				ids = append(ids, id)
			}
		}
	}
	if len(refs) == 0 {
		return nil
	}
	vals, err := n.kv.ValuesOf(ctx, refs)
	if err != nil {
		return fmt.Errorf("read the values of %d quads: %w", len(batch), err)
	}
	for i, v := range vals {
		n.names[ids[i]] = v
	}
	return nil
}

// eachOfBatch names a batch of primitives and calls fn with each quad.
func (s *Store) eachOfBatch(ctx context.Context, names *valueNames, batch []*cproto.Primitive, fn func(quad.Quad) error) error {
	if len(batch) == 0 {
		return nil
	}
	if len(names.names) > maxNames {
		clear(names.names)
	}
	if err := names.read(ctx, batch); err != nil {
		return err
	}
	for _, p := range batch {
		q := quad.Quad{Subject: names.names[p.Subject], Predicate: names.names[p.Predicate],
			Object: names.names[p.Object], Label: names.names[p.Label]}
		if err := fn(q); err != nil {
			return err
		}
	}
	s.mapped.readQuads(int64(len(batch)))
	return nil
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
	var out []quad.Quad
	err := eachNQuad(name, r, func(q quad.Quad) error {
		out = append(out, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachNQuad calls fn with each quad read from r, checked as ParseNQuads
// checks them, and stops at the first error.
func eachNQuad(name string, r io.Reader, fn func(quad.Quad) error) error {
	return eachNQuadLine(name, r, func(_ int, q quad.Quad) error { return fn(q) })
}

// importBatch is how many quads ImportNQuads writes per transaction, as
// `cayley load` does: one huge transaction is slower (Bolt keeps every
// dirty page until the commit) and holds the whole dump in memory.
const importBatch = 10000

// ImportNQuads adds the N-Quads of r (a file `export --format nquads`
// wrote) to the store and returns how many were new; quads it already
// holds are left as they are. The whole dump is read and checked first
// (checkDump): a line that does not parse, a fact without evidence,
// evidence without its article, an unknown kind or a change by a curator
// opts do not trust is an error naming its line, and nothing is written.
// Then it writes the quads in transactions of importBatch, reading the
// next batch while the store writes the last; should the second reading
// fail on a store that was empty, what was written before is taken back.
// Interrupted by ctx, it keeps the batches it wrote, and importing the
// same dump again adds the rest.
func (s *Store) ImportNQuads(ctx context.Context, name string, r io.ReadSeeker, opts ImportOptions) (added int, err error) {
	// Before the lock: readers go on meanwhile.
	if err := s.checkDump(ctx, name, r, opts); err != nil {
		return 0, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return 0, fmt.Errorf("import %s: %w", name, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	before, err := s.idx.quadCount(ctx)
	if err != nil {
		return 0, fmt.Errorf("import %s: %w", name, err)
	}
	werr, rerr := s.importBatches(ctx, name, r, before > 0)
	if rerr != nil && werr == nil && ctx.Err() == nil && before == 0 {
		// A bad line in a dump going into an empty store; into one that
		// held quads, taking back would delete some that were there before.
		if err := s.unimport(ctx, name, r); err != nil {
			return 0, fmt.Errorf("%w (and taking back the quads before it: %v)", rerr, err)
		}
		return 0, rerr
	}
	after, cerr := s.idx.quadCount(context.WithoutCancel(ctx))
	if cerr == nil {
		added = int(after - before)
	}
	if err := cmp.Or(werr, rerr); err != nil {
		return added, fmt.Errorf("import %s: %w", name, err)
	}
	return added, cerr
}

// importBatches writes the quads of r in transactions of importBatch,
// parsing the next batch while the last is written, and returns the first
// error of the writes and of the reading. With skipHeld, quads the store
// holds are left out. The caller holds s.mu.
func (s *Store) importBatches(ctx context.Context, name string, r io.Reader, skipHeld bool) (werr, rerr error) {
	batches := make(chan []cgraph.Delta, 1)
	readErr := make(chan error, 1)
	readCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(batches)
		readErr <- eachNQuadBatch(readCtx, name, r, func(batch []cgraph.Delta) error {
			select {
			case batches <- batch:
				return nil
			case <-readCtx.Done():
				return readCtx.Err()
			}
		})
	}()
	for batch := range batches {
		if werr == nil && skipHeld {
			batch, werr = s.newQuads(ctx, batch)
		}
		if werr == nil {
			werr = s.applyImport(ctx, batch)
		}
		if werr != nil {
			cancel() // the reader stops; drain what it sent
		}
	}
	rerr = <-readErr
	if werr != nil {
		rerr = nil // the reader only stopped because the writes did
	}
	return werr, rerr
}

// eachNQuadBatch calls fn with the quads of r as additions, importBatch at
// a time, each batch a new slice.
func eachNQuadBatch(ctx context.Context, name string, r io.Reader, fn func([]cgraph.Delta) error) error {
	batch := make([]cgraph.Delta, 0, importBatch)
	err := eachNQuad(name, r, func(q quad.Quad) error {
		batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Add})
		if len(batch) < importBatch {
			return ctx.Err()
		}
		err := fn(batch)
		batch = make([]cgraph.Delta, 0, importBatch)
		return err
	})
	if err == nil && len(batch) > 0 {
		err = fn(batch)
	}
	return err
}

// unimport deletes from a store that was empty before the import the
// quads r holds before its bad line: all the import can have written.
func (s *Store) unimport(ctx context.Context, name string, r io.ReadSeeker) error {
	ctx = context.WithoutCancel(ctx)
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return err
	}
	err := eachNQuadBatch(ctx, name, r, func(batch []cgraph.Delta) error {
		// Cayley counts a quad deleted twice in one transaction twice.
		seen := make(map[quad.Quad]bool, len(batch))
		dels := batch[:0]
		for _, d := range batch {
			if !seen[d.Quad] {
				seen[d.Quad] = true
				dels = append(dels, cgraph.Delta{Quad: d.Quad, Action: cgraph.Delete})
			}
		}
		batch = dels
		defer s.cache.invalidate(batch)
		defer s.wrote()
		return s.qs.ApplyDeltas(batch, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	})
	if errors.Is(err, ErrInvalid) {
		return nil // the bad line again: everything before it is deleted
	}
	return err
}

// newQuads drops from batch the quads the store already holds. Cayley
// would skip them too (IgnoreDup), but only after counting their nodes'
// references again, so a node would outlive its last quad.
func (s *Store) newQuads(ctx context.Context, batch []cgraph.Delta) ([]cgraph.Delta, error) {
	have := map[quad.Value]map[quad.Quad]bool{}
	out := batch[:0]
	for _, d := range batch {
		hs, ok := have[d.Quad.Subject]
		if !ok {
			cur, err := s.cayleyQuads(ctx, quad.Subject, d.Quad.Subject)
			if err != nil {
				return nil, err
			}
			hs = make(map[quad.Quad]bool, len(cur))
			for _, c := range cur {
				hs[c] = true
			}
			have[d.Quad.Subject] = hs
		}
		if !hs[d.Quad] {
			hs[d.Quad] = true // and once only within the batch
			out = append(out, d)
		}
	}
	return out, nil
}

// applyImport writes one batch of imported quads in one transaction.
func (s *Store) applyImport(ctx context.Context, batch []cgraph.Delta) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(batch) == 0 {
		return nil
	}
	defer s.cache.invalidate(batch)
	defer s.wrote()
	return noSpace(s.qs.ApplyDeltas(batch, cgraph.IgnoreOpts{IgnoreDup: true}))
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

// Label is what a person calls a node: an arrest or seizure by its figure
// ("12 arrests", "more than 300 kg cocaine", "GBP 13300000 cash"), anything
// else by its name, headline, address or phrase, else its ID.
func Label(e *Entity) string {
	if e.Kind != KindArrest && e.Kind != KindSeizure {
		return displayName(e)
	}
	num := func(p Predicate) string {
		if f, ok := e.Float(p); ok {
			return valueString(f)
		}
		return ""
	}
	qualified := func(q string, parts ...string) string {
		if q != "exact" {
			parts = append([]string{q}, parts...)
		}
		return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
	}
	if e.Kind == KindArrest {
		if n := num(PredCount); n != "" {
			noun := "arrests"
			if n == "1" {
				noun = "arrest"
			}
			return qualified(e.String(PredQualifier), n, noun)
		}
		return "arrests"
	}
	what := e.String(PredSubtype)
	if what == "" {
		what = e.String(PredCommodity)
	}
	switch {
	case num(PredQuantity) != "":
		return qualified(e.String(PredQualifier), num(PredQuantity), e.String(PredUnit), what)
	case num(PredAmount) != "":
		return qualified(e.String(PredAmountQualifier), e.String(PredCurrency), num(PredAmount), what)
	}
	return strings.TrimSpace("seizure " + what)
}
