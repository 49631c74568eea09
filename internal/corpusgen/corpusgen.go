// Package corpusgen writes synthetic news articles about police operations,
// with a ground-truth file of the facts each states, so that load and query
// benchmarks run at any size with known answers. The sentences are the
// project's own templates; names come from the embedded gazetteers.
package corpusgen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/opgraph/opgraph/loaders/gazetteer"
)

// Config says what to generate.
type Config struct {
	Articles int
	Seed     uint64
	Out      string // a directory, created if needed: articles/ and truth.jsonl go in it
}

// Fact is one figure an article states, as the generator meant it.
type Fact struct {
	Kind      string  `json:"kind"` // arrest or seizure
	Count     float64 `json:"count,omitempty"`
	Commodity string  `json:"commodity,omitempty"`
	Subtype   string  `json:"subtype,omitempty"`
	Quantity  float64 `json:"quantity,omitempty"`
	Unit      string  `json:"unit,omitempty"`
	Amount    float64 `json:"amount,omitempty"`
	Currency  string  `json:"currency,omitempty"`
	Agency    string  `json:"agency"`
	Operation string  `json:"operation,omitempty"`
}

// Truth is the ground truth of one article.
type Truth struct {
	File      string   `json:"file"` // in the articles folder
	URL       string   `json:"url"`
	Agencies  []string `json:"agencies"`
	Operation string   `json:"operation"`
	PartOf    string   `json:"part_of,omitempty"`
	Facts     []Fact   `json:"facts"`
	// Conflicting marks an article that restates an operation's arrests with another figure.
	Conflicting bool `json:"conflicting,omitempty"`
}

// Summary counts what was generated.
type Summary struct {
	Articles, Operations, Facts, Bytes int
}

var (
	opWords = strings.Fields(`Amber Basalt Cedar Delta Ember Falcon Granite Harbour Iris Juniper Kestrel Lantern Meridian
		Nightjar Onyx Pelican Quarry Raven Sable Thistle Umber Vantage Willow Xenon Yarrow Zephyr Atlas Bramble Cobalt
		Drift Eclipse Fjord Gannet Hollow Ingot Jasper Kelp Larch Mistral Nettle Osprey Pinnacle Quill Rook Saltire
		Tundra Upland Vesper Wren`)
	drugs     = []string{"cocaine", "heroin", "cannabis", "methamphetamine", "ketamine", "MDMA", "amphetamine"}
	firstName = strings.Fields("Amira Ben Clara Dev Elena Femi Grace Hugo Ines Jonas Kofi Lena Mateo Nadia Owen Priya Quinn Rosa Sami Tara")
	lastName  = strings.Fields("Achebe Brennan Castillo Dubois Ekwueme Fischer Gallagher Haddad Ivanova Jensen Kowalski Lindqvist Moreau Novak Okafor Petrov Rossi Silva Tanaka Varga")
	roles     = []string{"Detective Inspector", "Detective Superintendent", "Chief Inspector", "Director", "Commander"}
	currency  = map[string]struct{ sym, code string }{"GB": {"£", "GBP"}, "IE": {"€", "EUR"}, "NL": {"€", "EUR"},
		"DE": {"€", "EUR"}, "FR": {"€", "EUR"}, "ES": {"€", "EUR"}, "IT": {"€", "EUR"}, "BE": {"€", "EUR"},
		"US": {"$", "USD"}, "AU": {"$", "AUD"}, "NZ": {"$", "NZD"}, "CA": {"$", "CAD"}}
	numberWords = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
)

// Generate writes cfg.Articles articles into cfg.Out/articles, and their
// ground truth to cfg.Out/truth.jsonl, outside the folder one loads.
func Generate(cfg Config) (Summary, error) {
	var sum Summary
	agencies, err := gazetteer.Agencies()
	if err != nil {
		return sum, err
	}
	places, err := gazetteer.Places()
	if err != nil {
		return sum, err
	}
	var police []gazetteer.Row
	for _, a := range agencies {
		if _, ok := currency[a.Country]; ok && (a.Kind == "police" || a.Kind == "customs" || a.Kind == "border") {
			police = append(police, a)
		}
	}
	cities := map[string][]string{}
	for _, p := range places {
		if p.Kind == "city" {
			cities[p.Country] = append(cities[p.Country], p.Name)
		}
	}
	articles := filepath.Join(cfg.Out, "articles")
	if err := os.MkdirAll(articles, 0o755); err != nil {
		return sum, err
	}
	truthFile, err := os.Create(filepath.Join(cfg.Out, "truth.jsonl"))
	if err != nil {
		return sum, err
	}
	defer truthFile.Close()
	tw := bufio.NewWriter(truthFile)
	enc := json.NewEncoder(tw)
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))

	// Each operation is told by one to three articles; the same figures
	// repeat across them, and now and then one source disagrees.
	type operation struct {
		name, parent string
		agency       gazetteer.Row
		helpers      []gazetteer.Row
		city         string
		facts        []Fact
		told         int
	}
	var current *operation
	for i := 0; i < cfg.Articles; i++ {
		if current == nil || current.told >= 1+rng.IntN(3) {
			sum.Operations++
			ag := police[rng.IntN(len(police))]
			op := &operation{agency: ag, city: pick(rng, cities[ag.Country], "the city")}
			op.name = fmt.Sprintf("%s %s %d", opWords[rng.IntN(len(opWords))], opWords[rng.IntN(len(opWords))], sum.Operations)
			if rng.IntN(5) == 0 { // a phase of a larger operation
				op.parent = op.name
				op.name = fmt.Sprintf("%s Phase %d", op.parent, 2+rng.IntN(3))
			}
			for range rng.IntN(3) {
				if h := police[rng.IntN(len(police))]; h.Name != ag.Name {
					op.helpers = append(op.helpers, h)
				}
			}
			op.facts = append(op.facts, Fact{Kind: "arrest", Count: float64(2 + rng.IntN(300)), Agency: ag.Name, Operation: op.name})
			for range 1 + rng.IntN(3) {
				op.facts = append(op.facts, seizure(rng, ag, op.name))
			}
			current = op
		}
		op := current
		op.told++
		t := Truth{File: fmt.Sprintf("article-%07d.txt", i), URL: fmt.Sprintf("https://gen.opgraph.example/%d/%07d", cfg.Seed, i),
			Agencies: []string{op.agency.Name}, Operation: op.name, PartOf: op.parent}
		facts := append([]Fact(nil), op.facts...)
		if op.told > 1 && rng.IntN(10) == 0 {
			facts[0].Count += float64(1 + rng.IntN(50))
			t.Conflicting = true
		}
		t.Facts = facts
		text := writeArticle(rng, op.agency, op.helpers, op.name, op.parent, op.city, facts, cfg.Seed, i)
		for _, h := range op.helpers {
			t.Agencies = append(t.Agencies, h.Name)
		}
		if err := os.WriteFile(filepath.Join(articles, t.File), []byte(text), 0o644); err != nil {
			return sum, err
		}
		if err := enc.Encode(t); err != nil {
			return sum, err
		}
		sum.Articles++
		sum.Facts += len(facts)
		sum.Bytes += len(text)
	}
	if err := tw.Flush(); err != nil {
		return sum, err
	}
	return sum, truthFile.Close()
}

func pick(rng *rand.Rand, list []string, def string) string {
	if len(list) == 0 {
		return def
	}
	return list[rng.IntN(len(list))]
}

func seizure(rng *rand.Rand, ag gazetteer.Row, op string) Fact {
	cur := currency[ag.Country]
	switch rng.IntN(4) {
	case 0:
		return Fact{Kind: "seizure", Commodity: "cash", Amount: float64(1+rng.IntN(900)) * 1000, Currency: cur.code, Agency: ag.Name, Operation: op}
	case 1:
		return Fact{Kind: "seizure", Commodity: "firearms", Quantity: float64(2 + rng.IntN(60)), Unit: "item", Agency: ag.Name, Operation: op}
	default:
		d := drugs[rng.IntN(len(drugs))]
		if rng.IntN(3) == 0 {
			return Fact{Kind: "seizure", Commodity: "drugs", Subtype: d, Quantity: float64(1 + rng.IntN(40)), Unit: "tonne", Agency: ag.Name, Operation: op}
		}
		return Fact{Kind: "seizure", Commodity: "drugs", Subtype: d, Quantity: float64(1 + rng.IntN(900)), Unit: "kg", Agency: ag.Name, Operation: op}
	}
}

// writeArticle renders one article from templates, with some page clutter.
func writeArticle(rng *rand.Rand, ag gazetteer.Row, helpers []gazetteer.Row, op, parent, city string, facts []Fact, seed uint64, i int) string {
	var b strings.Builder
	day, month, year := 1+rng.IntN(28), time(rng.IntN(12)), 2015+rng.IntN(10)
	fmt.Fprintf(&b, "---\ntitle: \"%s: arrests and seizures in %s\"\nurl: https://gen.opgraph.example/%d/%07d\npublished: %d-%02d-%02d\nsource: opgraph generator\n---\n",
		op, city, seed, i, year, monthNum(month), day)
	if rng.IntN(3) == 0 {
		b.WriteString("Image copyright Generated Photo Agency\n\n")
	}
	fmt.Fprintf(&b, "The %s said on %d %s %d that Operation %s had ended in %s.\n\n", ag.Name, day, month, year, op, city)
	if parent != "" {
		fmt.Fprintf(&b, "Operation %s was part of the wider Operation %s.\n\n", op, parent)
	}
	for _, h := range helpers {
		fmt.Fprintf(&b, "Officers from the %s supported the work.\n\n", h.Name)
	}
	for _, f := range facts {
		switch {
		case f.Kind == "arrest" && f.Count <= 12 && rng.IntN(2) == 0:
			fmt.Fprintf(&b, "%s people were arrested, the %s said.\n\n", capital(numberWords[int(f.Count)]), ag.Name)
		case f.Kind == "arrest":
			fmt.Fprintf(&b, "The %s said Operation %s led to %d arrests.\n\n", ag.Name, op, int(f.Count))
		case f.Commodity == "cash":
			fmt.Fprintf(&b, "Officers also seized %s%s in cash.\n\n", currency[ag.Country].sym, thousands(int(f.Amount)))
		case f.Commodity == "firearms":
			fmt.Fprintf(&b, "Officers seized %d firearms during the searches.\n\n", int(f.Quantity))
		default:
			unit := map[string]string{"kg": "kilograms", "tonne": "tonnes"}[f.Unit]
			fmt.Fprintf(&b, "Officers seized %d %s of %s.\n\n", int(f.Quantity), unit, f.Subtype)
		}
	}
	fmt.Fprintf(&b, "%s %s %s said: \"This shows what patient work can do.\"\n\n", roles[rng.IntN(len(roles))],
		firstName[rng.IntN(len(firstName))], lastName[rng.IntN(len(lastName))])
	if rng.IntN(3) == 0 {
		b.WriteString("Leave a comment\n")
	}
	return b.String()
}

func time(m int) string {
	return []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}[m]
}

func monthNum(name string) int {
	for i := range 12 {
		if time(i) == name {
			return i + 1
		}
	}
	return 1
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// thousands writes 12345 as 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
