package extract

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	gazdata "github.com/opgraph/opgraph/loaders/gazetteer"
)

// entryKind says what a gazetteer entry names.
type entryKind = gazdata.Kind

const (
	entAgency    = gazdata.Agency
	entPlace     = gazdata.Place
	entPlatform  = gazdata.Platform
	entGroup     = gazdata.Group
	entCommodity = gazdata.Commodity
	entDemonym   = gazdata.Demonym
)

// entry is one thing a gazetteer knows by one of its names.
type entry struct {
	Kind      entryKind
	Canon     string // canonical name
	Country   string // ISO 3166-1 alpha-2, "INT", "-" or ""
	Sub       string // agency or place kind; commodity subtype
	Commodity string // for commodities
	Countable bool   // for commodities
	Form      string // the name as listed
	exactCase bool   // short acronyms must match their case: "ICE" is not "ice"
}

// gazetteer finds known names in token sequences, longest match first,
// walking a trie of lower-cased tokens.
type gazetteer struct {
	root    *trieNode
	canon   map[string]*entry // kind-qualified canonical name -> first entry
	ids     map[string]int32  // a number for each word that continues a name, from 1
	customs map[string]string // a country -> its one customs agency's name ("" where it has several)
	// services maps a military service's word and a country to that
	// country's one body of the service the list names ("Navy", "PT" ->
	// "Portuguese Navy"; "" where it names several)
	services map[[2]string]string
	// nationals are the one-word demonyms, lower case, and their plurals ("iranian", "iranians"): the rules' @national class
	nationals map[string]bool
}

type trieNode struct {
	next    map[string]*trieNode
	kids    []trieKid // next by word number, in order, for tokens that carry one
	entries []*entry  // the names that end here
	here    uint8     // the kinds (bit 1<<kind) of entries, read without reading them
	below   uint8     // the kinds of the names that end here or further on
}

// trieKid is the node a word continues to, under the word's number.
type trieKid struct {
	id   int32
	node *trieNode
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
	gazErr  error
)

// loadGazetteer reads the embedded data files once.
func loadGazetteer() (*gazetteer, error) {
	gazOnce.Do(func() { gaz, gazErr = buildGazetteer() })
	return gaz, gazErr
}

// serviceWords name a country's armed services, which a text may write
// alone: "with the support of the Navy".
var serviceWords = []string{"Navy", "Army", "Air Force"}

func buildGazetteer() (*gazetteer, error) {
	g := &gazetteer{root: &trieNode{}, canon: map[string]*entry{}}
	entries, err := gazdata.Load()
	g.customs, g.nationals, g.services = map[string]string{}, map[string]bool{}, map[[2]string]string{}
	for _, e := range entries {
		g.addNames(entry{Kind: e.Kind, Canon: e.Canon, Country: e.Country, Sub: e.Sub, Commodity: e.Commodity, Countable: e.Countable}, e.Names)
		if e.Kind == gazdata.Demonym {
			// one word of a people, and its plural: "Pakistani", "Pakistanis"
			for _, n := range e.Names {
				if l := strings.ToLower(n); !strings.Contains(l, " ") {
					g.nationals[l], g.nationals[l+"s"] = true, true
				}
			}
		}
		for _, w := range serviceWords {
			if e.Kind == gazdata.Agency && len(e.Country) == 2 && strings.HasSuffix(e.Canon, " "+w) {
				k := [2]string{w, e.Country}
				if old, ok := g.services[k]; ok && old != e.Canon {
					g.services[k] = ""
				} else {
					g.services[k] = e.Canon
				}
			}
		}
		if e.Kind == gazdata.Agency && e.Sub == "customs" && len(e.Country) == 2 {
			if old, ok := g.customs[e.Country]; ok && old != e.Canon {
				g.customs[e.Country] = ""
			} else {
				g.customs[e.Country] = e.Canon
			}
		}
	}
	g.number()
	return g, err
}

// number gives each word that continues a name (any word past a name's
// first) a number and lists every node's children by those numbers, so a
// walk from token to token compares numbers instead of hashing words.
func (g *gazetteer) number() {
	g.ids = map[string]int32{}
	var walk func(n *trieNode, deep bool)
	walk = func(n *trieNode, deep bool) {
		for _, w := range sortedKeys(n.next) {
			child := n.next[w]
			if deep {
				id, ok := g.ids[w]
				if !ok {
					id = int32(len(g.ids) + 1)
					g.ids[w] = id
				}
				n.kids = append(n.kids, trieKid{id, child})
			}
			walk(child, true)
		}
		slices.SortFunc(n.kids, func(a, b trieKid) int { return cmp.Compare(a.id, b.id) })
	}
	walk(g.root, false)
	markBelow(g.root)
}

// markBelow sets n.here and n.below and its descendants', and returns n.below.
func markBelow(n *trieNode) uint8 {
	for _, e := range n.entries {
		n.here |= 1 << e.Kind
	}
	n.below = n.here
	for _, child := range n.next {
		n.below |= markBelow(child)
	}
	return n.below
}

// child returns the node that word number id continues n to, or nil; 0
// numbers no word that continues a name.
func (n *trieNode) child(id int32) *trieNode {
	kids := n.kids
	if id == 0 {
		return nil
	}
	for len(kids) > 8 {
		h := len(kids) / 2
		if kids[h].id <= id {
			kids = kids[h:]
		} else {
			kids = kids[:h]
		}
	}
	for _, k := range kids {
		if k.id == id {
			return k.node
		}
	}
	return nil
}

// addNames adds e under each of its names, and as the entry of its canonical name.
func (g *gazetteer) addNames(e entry, names []string) {
	if _, ok := g.canon[canonKey(e.Kind, e.Canon)]; !ok {
		c := e
		g.canon[canonKey(e.Kind, e.Canon)] = &c
	}
	for _, form := range names {
		e.Form = form
		g.add(e)
	}
}

func canonKey(k entryKind, name string) string { return fmt.Sprint(int(k), ":", strings.ToLower(name)) }

func (g *gazetteer) add(e entry) {
	toks := tokenize(e.Form)
	if len(toks) == 0 {
		return
	}
	e.exactCase = len(toks) == 1 && isAllCaps(toks[0].Text) && len(toks[0].Text) <= 5
	node := g.root
	for _, t := range toks {
		if node.next == nil {
			node.next = map[string]*trieNode{}
		}
		child := node.next[t.Lower]
		if child == nil {
			child = &trieNode{}
			node.next[t.Lower] = child
		}
		node = child
	}
	for _, old := range node.entries {
		if old.Kind == e.Kind && old.Canon == e.Canon {
			return
		}
	}
	ce := e
	node.entries = append(node.entries, &ce)
}

// match is a gazetteer hit over toks[I:J].
type match struct {
	I, J    int
	Entries []*entry
}

// find returns the longest non-overlapping matches in toks, left to right,
// keeping only entries of the given kinds.
func (g *gazetteer) find(toks []token, kinds ...entryKind) []match {
	return g.appendFind(nil, toks, kinds...)
}

// appendFind is find appending to out, so that a caller that reads the
// matches at once may keep them on its stack.
func (g *gazetteer) appendFind(out []match, toks []token, kinds ...entryKind) []match {
	var want [entDemonym + 1]bool
	var mask uint8
	for _, k := range kinds {
		want[k] = true
		mask |= 1 << k
	}
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.rooted && t.below&mask == 0 { // most words start no name of the kinds: known without reading the node
			i++
			continue
		}
		node := g.first(t)
		if node == nil || node.below&mask == 0 {
			i++
			continue
		}
		best := g.longestFrom(toks, i, node, &want, mask)
		if best.Entries != nil {
			if out == nil {
				out = make([]match, 0, 4) // room for a sentence's few names at once
			}
			out = append(out, best)
			i = best.J
			continue
		}
		i++
	}
	return out
}

// longestFrom returns the longest match of the wanted kinds in toks that
// starts at toks[i], whose trie node is node, or one with no entries; mask
// has the bits of the wanted kinds, so the walk stops where no name of them
// lies further on.
func (g *gazetteer) longestFrom(toks []token, i int, node *trieNode, want *[entDemonym + 1]bool, mask uint8) match {
	best := match{}
	for n := i; node != nil && node.below&mask != 0; {
		if node.here&mask != 0 {
			if es := fitting(node.entries, toks[i:n+1], want); len(es) > 0 {
				best = match{I: i, J: n + 1, Entries: es}
			}
		}
		if n++; n == len(toks) {
			break
		}
		if t := &toks[n]; t.rooted {
			node = node.child(t.id)
		} else {
			node = node.next[t.Lower]
		}
	}
	return best
}

// findAt returns the longest match of the given kind in toks that starts
// at its first token: find's first match where that starts there.
func (g *gazetteer) findAt(toks []token, kind entryKind) (match, bool) {
	if len(toks) == 0 {
		return match{}, false
	}
	var want [entDemonym + 1]bool
	want[kind] = true
	m := g.longestFrom(toks, 0, g.first(&toks[0]), &want, 1<<kind)
	return m, m.Entries != nil
}

// first returns the trie node of the names that start with t, or nil.
func (g *gazetteer) first(t *token) *trieNode {
	if t.rooted {
		return t.root
	}
	return g.root.next[t.Lower]
}

// lookup returns the entries of the given kinds named by exactly toks.
func (g *gazetteer) lookup(toks []token, want map[entryKind]bool) []*entry {
	node := g.root
	for _, t := range toks {
		if node = node.next[t.Lower]; node == nil {
			return nil
		}
	}
	var w [entDemonym + 1]bool
	for k, ok := range want {
		w[k] = ok
	}
	return fitting(node.entries, toks, &w)
}

// fitting returns the entries of es that fit toks: es itself, not a copy,
// where all do. Callers must not change the slice.
func fitting(es []*entry, toks []token, want *[entDemonym + 1]bool) []*entry {
	for k, e := range es {
		if want[e.Kind] && caseFits(e, toks) {
			continue
		}
		out := append([]*entry(nil), es[:k]...)
		for _, e := range es[k+1:] {
			if want[e.Kind] && caseFits(e, toks) {
				out = append(out, e)
			}
		}
		return out
	}
	return es
}

// caseFits keeps proper names proper: a one-word name must be capitalised
// in the text ("Met", not "met"), and a short acronym must match exactly.
func caseFits(e *entry, toks []token) bool {
	if e.Kind == entCommodity {
		return true
	}
	if len(toks) == 1 {
		if e.exactCase {
			return strings.ReplaceAll(toks[0].Text, ".", "") == strings.ReplaceAll(e.Form, ".", "")
		}
		return isCapitalised(toks[0].Text)
	}
	// Several words: at least one capitalised, unless the listed name is all lower-case words.
	for _, t := range toks {
		if isCapitalised(t.Text) {
			return true
		}
	}
	return e.Kind == entAgency
}

// byCanon returns the entry for a canonical name of kind k.
func (g *gazetteer) byCanon(k entryKind, name string) *entry { return g.canon[canonKey(k, name)] }

// sortedKeys returns a map's keys in order, for stable output.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
