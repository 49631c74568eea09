package schema

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"runtime"
	"sync"
	"time"
	"unsafe"

	"github.com/opgraph/opgraph/graph"
)

// The search index and the aggregate table are kept beside the store as
// snapshots, so that a server starting on a big store reads them back in
// seconds instead of building them for minutes. Each is stamped with the
// store's generation it reflects (graph.Store.Generation: every write
// adds one in its own transaction) and with the code that built it
// (programStamp): one whose generation is not the store's, or that a build
// of opgraph with other code in schema or graph wrote, is built again from
// the store. A server saves after each build,
// and after updates in place once it knows that every write up to the
// generation it stamps is in (see background.takeGens), and once more as
// it closes.

// Snapshots keeps snapshots beside the store (graph.Store does).
type Snapshots interface {
	// Generation is the store's generation.
	Generation(ctx context.Context) (uint64, error)
	// WriteSnapshot keeps what write writes under name, stamped gen.
	WriteSnapshot(ctx context.Context, name string, gen uint64, write func(io.Writer) error) error
	// ReadSnapshot calls read with the snapshot of that name stamped gen,
	// reporting whether there was one; read must read it to its end.
	ReadSnapshot(ctx context.Context, name string, gen uint64, read func(io.Reader) error) (bool, error)
}

// persistence saves a background's builds as a snapshot and reads them back.
type persistence[T any] struct {
	store  Snapshots
	name   string
	encode func(*snapWriter, T)
	decode func(*snapReader) (T, error)
	log    *slog.Logger
}

// saveDelay gathers the updates of a burst (a watched folder filling up)
// into one save.
const saveDelay = 2 * time.Second

// errOtherProgram: a snapshot a build of opgraph with other code in schema
// or graph wrote; how it built what it kept may not be how this one does.
var errOtherProgram = errors.New("written by a build of opgraph whose search and aggregates code differ")

// load reads the snapshot stamped gen; ok is false where there is none
// this program can take (err says why, where it is not simply absent).
func (p *persistence[T]) load(ctx context.Context, gen uint64) (v T, ok bool, err error) {
	found, err := p.store.ReadSnapshot(ctx, p.name, gen, func(r io.Reader) error {
		sr, err := newSnapReader(r, p.name)
		if err != nil {
			return err
		}
		if v, err = p.decode(sr); err != nil {
			return err
		}
		return sr.end()
	})
	return v, found && err == nil, err
}

func (p *persistence[T]) save(ctx context.Context, gen uint64, v T) error {
	return p.store.WriteSnapshot(ctx, p.name, gen, func(w io.Writer) error {
		sw := newSnapWriter(w, p.name)
		if sw.err == nil {
			p.encode(sw, v)
		}
		return sw.finish()
	})
}

// programStamp is what a snapshot is read back by: a hash of the code that
// builds what snapshots keep (sourceStamp: the packages schema and graph,
// go.mod and go.sum), the Go release and the platform. A build of opgraph
// that changed neither package (an extractor's or the web app's change)
// reads the snapshots of the one before it; any change to them is another
// stamp, which TestSourceStamp makes sure is taken.
var programStamp = sync.OnceValues(func() ([]byte, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s/%s\n", sourceStamp, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return h.Sum(nil), nil
})

// snapFormat changes with the encoding below.
const snapFormat = 2

// snapWriter writes a snapshot: uvarints and length-prefixed bytes. Its
// first error sticks and is returned by finish.
type snapWriter struct {
	w   *bufio.Writer
	buf []byte
	err error
}

func newSnapWriter(w io.Writer, name string) *snapWriter {
	sw := &snapWriter{w: bufio.NewWriterSize(w, 1<<16)}
	stamp, err := programStamp()
	if err != nil {
		sw.err = fmt.Errorf("hash the program: %w", err)
		return sw
	}
	sw.str("opgraph " + name)
	sw.uint(snapFormat)
	sw.bytes(stamp)
	return sw
}

func (w *snapWriter) uint(v uint64) {
	if w.err == nil {
		w.buf = binary.AppendUvarint(w.buf[:0], v)
		_, w.err = w.w.Write(w.buf)
	}
}

func (w *snapWriter) float(f float64) { w.uint(math.Float64bits(f)) }

func (w *snapWriter) bytes(b []byte) {
	w.uint(uint64(len(b)))
	if w.err == nil {
		_, w.err = w.w.Write(b)
	}
}

func (w *snapWriter) str(s string) {
	w.uint(uint64(len(s)))
	if w.err == nil {
		_, w.err = w.w.WriteString(s)
	}
}

// strs writes strings as their lengths, then their bytes at once (read
// back into one allocation: see snapReader.strs).
func (w *snapWriter) strs(ss []string) {
	w.uint(uint64(len(ss)))
	total := 0
	for _, s := range ss {
		w.uint(uint64(len(s)))
		total += len(s)
	}
	w.uint(uint64(total))
	for _, s := range ss {
		if w.err == nil {
			_, w.err = w.w.WriteString(s)
		}
	}
}

func (w *snapWriter) finish() error {
	w.str("end")
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}

// snapReader reads what snapWriter wrote; its first error sticks.
type snapReader struct {
	r   *bufio.Reader
	err error
}

// maxSnapLen bounds a length read from a snapshot, so that a damaged one
// fails instead of asking for all the memory there is.
const maxSnapLen = 1 << 32

func newSnapReader(r io.Reader, name string) (*snapReader, error) {
	sr := &snapReader{r: bufio.NewReaderSize(r, 1<<16)}
	if head := sr.str(); head != "opgraph "+name {
		return nil, fmt.Errorf("not a snapshot of the %s: %q", name, head)
	}
	if v := sr.uint(); v != snapFormat {
		return nil, fmt.Errorf("snapshot format %d, this program reads %d", v, snapFormat)
	}
	stamp, err := programStamp()
	if err != nil {
		return nil, err
	}
	if string(sr.byteSlice()) != string(stamp) {
		return nil, errOtherProgram
	}
	return sr, sr.err
}

func (r *snapReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(r.r)
	if err != nil {
		r.err = fmt.Errorf("snapshot cut short: %w", err)
	}
	return v
}

// count reads a length, failing on one past limit.
func (r *snapReader) count(limit uint64) int {
	n := r.uint()
	if n > limit && r.err == nil {
		r.err = fmt.Errorf("snapshot damaged: a length of %d", n)
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

func (r *snapReader) float() float64 { return math.Float64frombits(r.uint()) }

func (r *snapReader) byteSlice() []byte {
	n := r.count(maxSnapLen)
	if n == 0 {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r.r, b); err != nil && r.err == nil {
		r.err = fmt.Errorf("snapshot cut short: %w", err)
	}
	return b
}

func (r *snapReader) str() string { return string(r.byteSlice()) }

// strs reads what snapWriter.strs wrote: the strings share one allocation.
func (r *snapReader) strs() []string {
	n := r.count(maxSnapLen)
	lens := make([]int, n)
	for i := range lens {
		lens[i] = r.count(maxSnapLen)
	}
	all := r.byteSlice()
	if r.err != nil {
		return nil
	}
	s := unsafe.String(unsafe.SliceData(all), len(all)) // all is never written again
	out := make([]string, n)
	at := 0
	for i, l := range lens {
		if at+l > len(s) {
			r.err = errors.New("snapshot damaged: strings longer than their bytes")
			return nil
		}
		out[i] = s[at : at+l]
		at += l
	}
	return out
}

// index reads an index into a table of n entries.
func (r *snapReader) index(n int) int {
	i := r.uint()
	if i >= uint64(n) && r.err == nil {
		r.err = fmt.Errorf("snapshot damaged: index %d of %d", i, n)
	}
	if r.err != nil {
		return 0
	}
	return int(i)
}

// end checks the snapshot ends where it should.
func (r *snapReader) end() error {
	if r.err != nil {
		return r.err
	}
	if tail := r.str(); tail != "end" || r.err != nil {
		return fmt.Errorf("snapshot damaged: ends with %q (%v)", tail, r.err)
	}
	return nil
}

// --- the search index ---

func encodePostings(w *snapWriter, p *postings) {
	ids := make([]string, len(p.ids))
	for i, id := range p.ids {
		ids[i] = string(id)
	}
	w.strs(ids)
	kindIndex := map[graph.Kind]uint64{}
	var kinds []string
	for _, k := range p.kinds {
		if _, ok := kindIndex[k]; !ok {
			kindIndex[k] = uint64(len(kinds))
			kinds = append(kinds, string(k))
		}
	}
	w.strs(kinds)
	for _, k := range p.kinds {
		w.uint(kindIndex[k])
	}
	w.uint(uint64(len(p.runs)))
	for k, r := range p.runs {
		w.str(string(k))
		w.uint(uint64(r.start))
		w.uint(uint64(r.end))
	}
	terms := make([]string, 0, p.terms.len())
	lists := make([]termList, 0, p.terms.len())
	total := 0
	p.terms.each(func(t string, l termList) {
		terms = append(terms, t)
		lists = append(lists, l)
		total += len(l.packed)
	})
	w.strs(terms)
	w.uint(uint64(total))
	for _, l := range lists {
		w.uint(uint64(l.docs))
		w.uint(uint64(len(l.packed)))
	}
	for _, l := range lists {
		if w.err == nil {
			_, w.err = w.w.Write(l.packed)
		}
	}
}

func decodePostings(r *snapReader) (*postings, error) {
	ids := r.strs()
	p := &postings{ids: make([]graph.ID, len(ids)), kinds: make([]graph.Kind, len(ids))}
	for i, id := range ids {
		p.ids[i] = graph.ID(id)
	}
	kinds := r.strs()
	for i := range p.kinds {
		p.kinds[i] = graph.Kind(kinds[r.index(len(kinds))])
	}
	p.runs = map[graph.Kind]docRun{}
	for range r.count(1 << 10) {
		k := graph.Kind(r.str())
		start, end := r.count(uint64(len(ids))), r.count(uint64(len(ids)))
		if start > end && r.err == nil {
			r.err = errors.New("snapshot damaged: a run of documents ends before it starts")
		}
		p.runs[k] = docRun{uint32(start), uint32(end)}
	}
	p.indexAdded()
	terms := r.strs()
	total := r.count(maxSnapLen)
	lists := make([]termList, len(terms))
	lens := make([]int, len(terms))
	for i := range lists {
		lists[i].docs = r.count(uint64(len(ids)))
		lens[i] = r.count(uint64(total))
	}
	if r.err != nil {
		return nil, r.err
	}
	// Every list in one allocation; an update in place gives a term a new one.
	all := make([]byte, total)
	if _, err := io.ReadFull(r.r, all); err != nil {
		return nil, fmt.Errorf("snapshot cut short: %w", err)
	}
	p.terms = &termMap{}
	at := 0
	for i, t := range terms {
		if at+lens[i] > total {
			return nil, errors.New("snapshot damaged: lists longer than their bytes")
		}
		lists[i].packed = all[at : at+lens[i] : at+lens[i]]
		at += lens[i]
		p.terms.set(t, lists[i])
	}
	return p, r.err
}

// --- the aggregate table ---

// aggStrings numbers the strings of a table, each once.
type aggStrings struct {
	index map[string]uint64
	list  []string
}

func (s *aggStrings) add(v string) {
	if _, ok := s.index[v]; !ok {
		s.index[v] = uint64(len(s.list))
		s.list = append(s.list, v)
	}
}

// addRow numbers the strings of a row but its ID, written as it is: IDs
// are hundreds of thousands, each once, and a table of them was most of
// the memory a save took.
func (s *aggStrings) addRow(r *aggRow) {
	for _, v := range []string{r.currency, r.commodity, r.subtype, r.month, r.year} {
		s.add(v)
	}
	for _, v := range r.links {
		s.add(v)
	}
	for _, v := range r.dates {
		s.add(v)
	}
}

const (
	rowFolded = 1 << iota
	rowContext
	rowDatedByArticle
)

func encodeAggTable(w *snapWriter, t *aggTable) {
	strs := &aggStrings{index: map[string]uint64{}}
	for _, rows := range []map[graph.Kind]*rowList{t.rows, t.raw} {
		for k, rs := range rows {
			strs.add(string(k))
			for r := range rs.all() {
				strs.addRow(r)
			}
		}
	}
	for dup, kept := range t.same.into {
		strs.add(string(dup))
		strs.add(string(kept))
	}
	for kept, preds := range t.same.extra {
		strs.add(string(kept))
		for p, ids := range preds {
			strs.add(string(p))
			for _, id := range ids {
				strs.add(string(id))
			}
		}
	}
	w.strs(strs.list)
	ix := func(v string) { w.uint(strs.index[v]) }
	rows := func(m map[graph.Kind]*rowList) {
		w.uint(uint64(len(m)))
		for k, rs := range m {
			ix(string(k))
			w.uint(uint64(rs.len()))
			for r := range rs.all() {
				w.str(string(r.id))
				for _, f := range r.figures {
					w.float(f)
				}
				flags := uint64(0)
				if r.folded {
					flags |= rowFolded
				}
				if r.context {
					flags |= rowContext
				}
				if r.datedByArticle {
					flags |= rowDatedByArticle
				}
				w.uint(flags)
				for _, v := range []string{r.currency, r.commodity, r.subtype, r.month, r.year} {
					ix(v)
				}
				w.uint(uint64(len(r.links)))
				for _, v := range r.links {
					ix(v)
				}
				for _, e := range r.ends {
					w.uint(uint64(e))
				}
				w.uint(uint64(len(r.dates)))
				for _, v := range r.dates {
					ix(v)
				}
			}
		}
	}
	rows(t.rows)
	rows(t.raw)
	w.uint(uint64(len(t.same.into)))
	for dup, kept := range t.same.into {
		ix(string(dup))
		ix(string(kept))
	}
	w.uint(uint64(len(t.same.extra)))
	for kept, preds := range t.same.extra {
		ix(string(kept))
		w.uint(uint64(len(preds)))
		for p, ids := range preds {
			ix(string(p))
			w.uint(uint64(len(ids)))
			for _, id := range ids {
				ix(string(id))
			}
		}
	}
}

func decodeAggTable(r *snapReader) (*aggTable, error) {
	strs := r.strs()
	n := len(strs)
	str := func() string { return strs[r.index(n)] }
	rows := func() map[graph.Kind]*rowList {
		m := map[graph.Kind]*rowList{}
		kinds := r.count(uint64(n))
		for range kinds {
			k := graph.Kind(str())
			rs := make([]aggRow, r.count(maxSnapLen))
			for i := range rs {
				row := &rs[i]
				row.id = graph.ID(r.str())
				for j := range row.figures {
					row.figures[j] = r.float()
				}
				flags := r.uint()
				row.folded, row.context, row.datedByArticle = flags&rowFolded != 0, flags&rowContext != 0, flags&rowDatedByArticle != 0
				row.currency, row.commodity, row.subtype, row.month, row.year = str(), str(), str(), str(), str()
				if links := r.count(math.MaxUint16); links > 0 {
					row.links = make([]string, links)
					for j := range row.links {
						row.links[j] = str()
					}
				}
				for j := range row.ends {
					row.ends[j] = uint16(r.count(uint64(len(row.links))))
				}
				if dates := r.count(uint64(n)); dates > 0 {
					row.dates = make([]string, dates)
					for j := range row.dates {
						row.dates[j] = str()
					}
				}
				if r.err != nil {
					return nil
				}
			}
			m[k] = newRowList(rs)
		}
		return m
	}
	t := &aggTable{rows: rows(), raw: rows()}
	defer func() {
		// The groups of figures, from every fact's own row.
		own := map[graph.Kind][]aggRow{}
		for _, k := range sameKinds {
			for r := range t.rows[k].all() {
				if _, member := t.raw[k].find(r.id); !member {
					own[k] = append(own[k], *r)
				}
			}
			own[k] = append(own[k], t.raw[k].slice()...)
		}
		t.byKey = groupsOf(own)
	}()
	t.same = &sameFigures{into: map[graph.ID]graph.ID{}, extra: map[graph.ID]map[graph.Predicate][]graph.ID{}}
	for range r.count(maxSnapLen) {
		dup := graph.ID(str())
		t.same.into[dup] = graph.ID(str())
	}
	for range r.count(maxSnapLen) {
		kept := graph.ID(str())
		preds := map[graph.Predicate][]graph.ID{}
		for range r.count(uint64(n)) {
			p := graph.Predicate(str())
			ids := make([]graph.ID, r.count(uint64(n)))
			for i := range ids {
				ids[i] = graph.ID(str())
			}
			preds[p] = ids
		}
		t.same.extra[kept] = preds
	}
	return t, r.err
}
