package schema

import (
	"iter"
	"slices"
	"strings"

	"github.com/opgraph/opgraph/graph"
)

// rowList holds a kind's rows of the aggregate table, sorted by ID, in
// chunks: an update in place copies the chunks it changes and shares the
// others, where a copy of every row (hundreds of thousands on a big
// store) took longer than the update's own work. A list is never changed
// once a reader may hold it.
type rowList struct {
	chunks [][]aggRow
	n      int
}

// rowChunk is how many rows a chunk holds when the list is made; updates
// let one grow to twice that before splitting it.
const rowChunk = 512

// newRowList makes a list of rows sorted by ID; the chunks share rows's array.
func newRowList(rows []aggRow) *rowList {
	l := &rowList{n: len(rows)}
	for len(rows) > 0 {
		n := min(rowChunk, len(rows))
		l.chunks = append(l.chunks, rows[:n:n])
		rows = rows[n:]
	}
	return l
}

func (l *rowList) len() int {
	if l == nil {
		return 0
	}
	return l.n
}

// all yields every row, in ID order.
func (l *rowList) all() iter.Seq[*aggRow] {
	return func(yield func(*aggRow) bool) {
		if l == nil {
			return
		}
		for _, c := range l.chunks {
			for i := range c {
				if !yield(&c[i]) {
					return
				}
			}
		}
	}
}

// chunkOf is the chunk id falls in: the last whose first row is not after it.
func (l *rowList) chunkOf(id graph.ID) int {
	i, _ := slices.BinarySearchFunc(l.chunks, id, func(c []aggRow, id graph.ID) int { return strings.Compare(string(c[0].id), string(id)) })
	if i < len(l.chunks) && l.chunks[i][0].id == id {
		return i
	}
	return max(i-1, 0)
}

// find returns the row of id.
func (l *rowList) find(id graph.ID) (aggRow, bool) {
	if l.len() == 0 {
		return aggRow{}, false
	}
	c := l.chunks[l.chunkOf(id)]
	i, ok := slices.BinarySearchFunc(c, id, func(r aggRow, id graph.ID) int { return strings.Compare(string(r.id), string(id)) })
	if !ok {
		return aggRow{}, false
	}
	return c[i], true
}

// edit returns the list with the changes made: each ID's row replaced or
// added, or taken out where its row is nil.
func (l *rowList) edit(changes map[graph.ID]*aggRow) *rowList {
	if len(changes) == 0 {
		return l
	}
	if l == nil {
		l = &rowList{}
	}
	byChunk := map[int][]graph.ID{}
	for id := range changes {
		c := 0
		if len(l.chunks) > 0 {
			c = l.chunkOf(id)
		}
		byChunk[c] = append(byChunk[c], id)
	}
	out := &rowList{n: l.n}
	for c := 0; c < max(len(l.chunks), 1); c++ {
		ids, touched := byChunk[c]
		var old []aggRow
		if c < len(l.chunks) {
			old = l.chunks[c]
		}
		if !touched {
			out.chunks = append(out.chunks, old)
			continue
		}
		slices.Sort(ids)
		rows := make([]aggRow, 0, len(old)+len(ids))
		for _, r := range old {
			for len(ids) > 0 && ids[0] < r.id {
				if nr := changes[ids[0]]; nr != nil {
					rows = append(rows, *nr)
					out.n++
				}
				ids = ids[1:]
			}
			if len(ids) > 0 && ids[0] == r.id {
				if nr := changes[ids[0]]; nr != nil {
					rows = append(rows, *nr)
				} else {
					out.n--
				}
				ids = ids[1:]
				continue
			}
			rows = append(rows, r)
		}
		for _, id := range ids {
			if nr := changes[id]; nr != nil {
				rows = append(rows, *nr)
				out.n++
			}
		}
		for len(rows) > 2*rowChunk {
			out.chunks = append(out.chunks, rows[:rowChunk:rowChunk])
			rows = rows[rowChunk:]
		}
		if len(rows) > 0 {
			out.chunks = append(out.chunks, slices.Clip(rows))
		}
	}
	return out
}

// slice returns every row in one slice (a copy).
func (l *rowList) slice() []aggRow {
	out := make([]aggRow, 0, l.len())
	for r := range l.all() {
		out = append(out, *r)
	}
	return out
}
