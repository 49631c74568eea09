package gazetteer

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

// The open gazetteer: towns and administrative regions from GeoNames
// (CC BY 4.0), written by gen/main.go. Its 100,000-odd names are looked up
// in place, by binary search over the sorted embedded file; start-up builds
// only an index of its line starts and their names' first bytes, so that a
// probe costs no line scan.

//go:generate go run ./gen

// OpenPlace is a town or region of the open gazetteer. Many of its names are
// also common words or surnames ("Police", "March", "Logan"), so a reader
// should take one as a place only where the text marks it as one.
type OpenPlace struct {
	Country string // ISO 3166-1 alpha-2
	Kind    string // city, region (first-level) or district (second-level)
}

// OpenPlaces looks names up in the open gazetteer.
type OpenPlaces struct {
	body   string   // the data lines, sorted by name
	header int      // the number of comment lines above them
	lines  []int32  // where each data line starts, then len(body)
	keys   []uint64 // each line's name's first 8 bytes (nameKey), which order the lines as their names do
}

// newOpenPlaces indexes the line starts of body, the data lines below a
// header of that many comment lines.
func newOpenPlaces(body string, header int) *OpenPlaces {
	o := &OpenPlaces{body: body, header: header}
	o.lines = make([]int32, 0, strings.Count(body, "\n")+2)
	for p := 0; p < len(body); p = lineEnd(body, p) {
		o.lines = append(o.lines, int32(p))
	}
	o.lines = append(o.lines, int32(len(body)))
	o.keys = make([]uint64, len(o.lines)-1)
	for k := range o.keys {
		o.keys[k] = nameKey(o.name(k))
	}
	return o
}

// nameKey is a name's first 8 bytes as a number, zeros after a shorter
// one: where two names' keys differ, they order the names, so a binary
// search compares most lines by one load from one compact array.
func nameKey(name string) uint64 {
	var k uint64
	for i := range 8 {
		k <<= 8
		if i < len(name) {
			k |= uint64(name[i])
		}
	}
	return k
}

// OpenMaxWords is the most words a name of the open gazetteer has.
const OpenMaxWords = 4

const openFile = "data/geonames.tsv.gz"

// geonamesGz is the open gazetteer, gzipped to keep the repository and the
// binary small; it is inflated once a process (openText) and looked up in
// place.
//
//go:embed data/geonames.tsv.gz
var geonamesGz []byte

var openText = sync.OnceValues(func() (string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(geonamesGz))
	if err != nil {
		return "", fmt.Errorf("%s: %w", openFile, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return "", fmt.Errorf("%s: %w", openFile, err)
	}
	return string(b), nil
})

// LoadOpenPlaces reads the embedded open gazetteer.
func LoadOpenPlaces() (*OpenPlaces, error) {
	text, err := openText()
	if err != nil {
		return nil, err
	}
	header := 0
	for strings.HasPrefix(text, "#") {
		_, text, _ = strings.Cut(text, "\n")
		header++
	}
	return newOpenPlaces(text, header), nil
}

// Lookup returns the places named name, most populous first, or none. The
// name must be in lower case (strings.ToLower) with single spaces between
// its words.
func (o *OpenPlaces) Lookup(name string) []OpenPlace {
	if name == "" {
		return nil
	}
	// Binary search for the first line whose name is not less than name.
	key := nameKey(name)
	lo, hi := 0, len(o.keys)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if k := o.keys[mid]; k < key || k == key && o.name(mid) < name {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	var out []OpenPlace
	for k := lo; k < len(o.lines)-1 && o.name(k) == name; k++ {
		line := strings.TrimSuffix(o.body[o.lines[k]:o.lines[k+1]], "\n")
		_, rest, _ := strings.Cut(line, "\t")
		country, kind, _ := strings.Cut(rest, "\t")
		out = append(out, OpenPlace{Country: country, Kind: kind})
	}
	return out
}

// name is the name field of data line k.
func (o *OpenPlaces) name(k int) string {
	line := o.body[o.lines[k]:o.lines[k+1]]
	if i := strings.IndexByte(line, '\t'); i >= 0 {
		return line[:i]
	}
	return line
}

// lineEnd is the start of the line after the one starting at p.
func lineEnd(s string, p int) int {
	if i := strings.IndexByte(s[p:], '\n'); i >= 0 {
		return p + i + 1
	}
	return len(s)
}

// Check reports the first line of the open gazetteer that is malformed or
// out of order, naming the file and line.
func (o *OpenPlaces) Check() error {
	prev := ""
	n := o.header
	for p := 0; p < len(o.body); p = lineEnd(o.body, p) {
		n++
		line := strings.TrimSuffix(o.body[p:lineEnd(o.body, p)], "\n")
		f := strings.Split(line, "\t")
		switch {
		case len(f) != 3:
			return fmt.Errorf("%s:%d: want 3 tab-separated fields, got %d", openFile, n, len(f))
		case f[0] == "" || f[0] != strings.ToLower(f[0]) || len(strings.Fields(f[0])) > OpenMaxWords:
			return fmt.Errorf("%s:%d: name %q: want lower case, 1 to %d words", openFile, n, f[0], OpenMaxWords)
		case f[0] < prev:
			return fmt.Errorf("%s:%d: name %q sorts before the line above's %q", openFile, n, f[0], prev)
		case len(f[1]) != 2:
			return fmt.Errorf("%s:%d: country %q: want an ISO 3166-1 alpha-2 code", openFile, n, f[1])
		case f[2] != "city" && f[2] != "region" && f[2] != "district":
			return fmt.Errorf("%s:%d: kind %q: want city, region or district", openFile, n, f[2])
		}
		prev = f[0]
	}
	return nil
}
