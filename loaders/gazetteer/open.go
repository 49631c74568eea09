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
// in place, by binary search over the sorted embedded file, so that start-up
// builds nothing for them.

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
	body   string // the data lines, sorted by name
	header int    // the number of comment lines above them
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
	o := &OpenPlaces{body: text}
	for strings.HasPrefix(o.body, "#") {
		_, o.body, _ = strings.Cut(o.body, "\n")
		o.header++
	}
	return o, nil
}

// Lookup returns the places named name, most populous first, or none. The
// name must be in lower case (strings.ToLower) with single spaces between
// its words.
func (o *OpenPlaces) Lookup(name string) []OpenPlace {
	if name == "" {
		return nil
	}
	// Binary search for the first line whose name is not less than name.
	// lo and hi are line starts; lines before lo sort before name, lines
	// from hi on do not.
	lo, hi := 0, len(o.body)
	for lo < hi {
		mid := lineStart(o.body, lo+(hi-lo)/2) // in [lo, hi): lo starts a line
		if lineName(o.body, mid) < name {
			lo = lineEnd(o.body, mid)
		} else {
			hi = mid
		}
	}
	var out []OpenPlace
	for p := lo; p < len(o.body) && lineName(o.body, p) == name; p = lineEnd(o.body, p) {
		_, rest, _ := strings.Cut(strings.TrimSuffix(o.body[p:lineEnd(o.body, p)], "\n"), "\t")
		country, kind, _ := strings.Cut(rest, "\t")
		out = append(out, OpenPlace{Country: country, Kind: kind})
	}
	return out
}

// lineStart is the start of the line holding s[p].
func lineStart(s string, p int) int { return strings.LastIndexByte(s[:p], '\n') + 1 }

// lineEnd is the start of the line after the one starting at p.
func lineEnd(s string, p int) int {
	if i := strings.IndexByte(s[p:], '\n'); i >= 0 {
		return p + i + 1
	}
	return len(s)
}

// lineName is the name field of the line starting at p.
func lineName(s string, p int) string {
	e := lineEnd(s, p)
	if i := strings.IndexByte(s[p:e], '\t'); i >= 0 {
		return s[p : p+i]
	}
	return s[p:e]
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
