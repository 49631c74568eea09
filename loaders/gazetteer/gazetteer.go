package gazetteer

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed data/agencies.tsv data/places.tsv data/platforms.tsv data/groups.tsv data/commodities.tsv
var dataFS embed.FS

// Kind says what a gazetteer entry names.
type Kind int

// The kinds of names the gazetteers list.
const (
	Agency Kind = iota
	Place
	Platform
	Group
	Commodity
	Demonym
)

// Entry is one thing a gazetteer lists, with the names it is known by.
type Entry struct {
	Kind      Kind
	Canon     string   // canonical name
	Country   string   // ISO 3166-1 alpha-2, "INT", "-" or ""
	Sub       string   // agency or place kind; commodity subtype
	Commodity string   // for commodities
	Countable bool     // for commodities
	Names     []string // the names as listed: the canonical name, then its aliases
}

// Load reads the embedded files, in order: agencies, places (each followed
// by the demonyms of its people, as entries of kind Demonym), platforms,
// groups, commodities; each file in its line order. On an error it returns
// what it read before it, with an error naming the file and line.
func Load() ([]Entry, error) {
	var out []Entry
	err := readTSV("data/agencies.tsv", 4, func(f []string) {
		out = append(out, Entry{Kind: Agency, Canon: f[0], Country: f[2], Sub: f[3], Names: withSpellings(names(f[0], f[1]))})
	})
	if err == nil {
		err = readTSV("data/places.tsv", 5, func(f []string) {
			out = append(out, Entry{Kind: Place, Canon: f[0], Country: f[2], Sub: f[3], Names: names(f[0], f[1])})
			for _, d := range splitAliases(f[4]) {
				out = append(out, Entry{Kind: Demonym, Canon: f[0], Country: f[2], Names: []string{d}})
			}
		})
	}
	if err == nil {
		err = readTSV("data/platforms.tsv", 3, func(f []string) {
			out = append(out, Entry{Kind: Platform, Canon: f[0], Sub: f[2], Names: names(f[0], f[1])})
		})
	}
	if err == nil {
		err = readTSV("data/groups.tsv", 1, func(f []string) {
			aliases := ""
			if len(f) > 1 {
				aliases = f[1]
			}
			out = append(out, Entry{Kind: Group, Canon: f[0], Names: names(f[0], aliases)})
		})
	}
	if err == nil {
		err = readTSV("data/commodities.tsv", 4, func(f []string) {
			sub := f[2]
			if sub == "-" {
				sub = ""
			}
			out = append(out, Entry{Kind: Commodity, Canon: f[0], Commodity: f[1], Sub: sub, Countable: f[3] == "yes", Names: []string{f[0]}})
		})
	}
	return out, err
}

// names is a name followed by its |-separated aliases.
func names(name, aliases string) []string { return append([]string{name}, splitAliases(aliases)...) }

// spellings are the words British and American English spell apart in
// bodies' names: "World Customs Organisation" is the Organization.
var spellings = [][2]string{{"Organization", "Organisation"}, {"Center", "Centre"}, {"Defense", "Defence"}, {"Program", "Programme"}}

// withSpellings adds to ns each name in the other spelling, where it has one.
func withSpellings(ns []string) []string {
	out := ns
	for _, n := range ns {
		for _, sp := range spellings {
			for _, pair := range [][2]string{sp, {sp[1], sp[0]}} {
				if strings.Contains(n, pair[0]) {
					if alt := strings.ReplaceAll(n, pair[0], pair[1]); !slices.Contains(out, alt) {
						out = append(out, alt)
					}
				}
			}
		}
	}
	return out
}

func splitAliases(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// readTSV calls fn with the fields of each data line of an embedded file,
// failing on a line with fewer than min fields.
func readTSV(name string, minFields int, fn func([]string)) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		for len(fields) < minFields && len(fields) >= 2 {
			fields = append(fields, "") // trailing empty columns
		}
		if len(fields) < minFields {
			return fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", name, line, minFields, len(fields))
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		fn(fields)
	}
	return sc.Err()
}
