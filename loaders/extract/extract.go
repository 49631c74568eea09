package extract

import (
	gazdata "github.com/opgraph/opgraph/loaders/gazetteer"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/opgraph/opgraph/loaders/extract/pattern"
	"github.com/opgraph/opgraph/loaders/source"
)

// Extractor finds the facts an article states. It is safe for concurrent use.
type Extractor struct {
	gaz   *gazetteer
	open  *gazdata.OpenPlaces // towns and regions taken where the text marks a place (places_open.go)
	rules *ruleSets           // the rules written as data (rules.go)
	words *wordTable          // what each sentence's words are looked up for, in one table
	work  sync.Pool           // *workspace: an article's arrays, used again by the next
}

// workspace holds the arrays one extraction reads its sentences into; they
// are dropped, not returned, so the next article may use them again.
type workspace struct {
	sents   []sentence
	offs    []int
	facts   []sentenceFacts
	ptrs    []*sentenceFacts
	toks    []token
	words   []int32         // the sentences' word starts
	bits    []uint8         // the scanners each word start may start (appendStartBits)
	ptoks   []pattern.Token // the sentences' tokens as rules read them
	scratch []token         // run.scratch
	seized  []Seizure       // the seizures as found: mergeSeizures copies out those it keeps
}

// maxPooledTokens bounds the token arrays kept for the next article, so one
// huge article does not hold its memory for good.
const maxPooledTokens = 1 << 15

// wordInfo is what a lower-cased word starts or belongs to.
type wordInfo struct {
	root  *trieNode // the gazetteer's names that start with it
	below uint8     // root.below, or 0: the kinds of names it starts, read without following root
	class uint64    // its rule word classes (ruleSets.classOf)
	rule  int32     // its number among the rules' words (ruleSets.words), or 0
	id    int32     // its number as a word that continues a name, or 0
	cues  uint16    // the bits of the cue sets it is in
	sets  uint8     // the bits of the name rules' word sets it is in (see nameSets)
	scan  uint8     // the word scanners it may start (scanLeads)
}

// The bits of the word sets that the rules of agency names ask of each
// capitalised word: a token Extract made carries its word's bits, so that
// testing it costs no look-up.
const (
	setAgencyHead uint8 = 1 << iota
	setNotNameStart
	setNameConnector
	setPossessiveHead
	setChainHead
	setPlaceCue      // openPlaceCues (places_open.go)
	setOpenConnector // openNameConnectors
	setRegionWord    // regionWords
)

// nameSets pairs each bit with its set.
var nameSets = []struct {
	bit uint8
	set map[string]bool
}{
	{setAgencyHead, agencyHeads}, {setNotNameStart, notNameStart}, {setNameConnector, nameConnectors},
	{setPossessiveHead, possessiveHeads}, {setChainHead, chainHeads},
	{setPlaceCue, openPlaceCues}, {setOpenConnector, openNameConnectors}, {setRegionWord, regionWords},
}

// in reports whether t's lower case is in the set of the given bit, m: by
// the bits Extract looked up with its trie node, else by looking in m.
func (t *token) in(bit uint8, m map[string]bool) bool {
	if t.rooted {
		return t.sets&bit != 0
	}
	return m[t.Lower]
}

// NewExtractor loads the embedded gazetteers.
func NewExtractor() (*Extractor, error) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	return newExtractorOn(g)
}

// newExtractorOn makes an extractor on a built gazetteer: the word table
// that maps each token to its trie node, word sets and rule classes, and
// the rules.
func newExtractorOn(g *gazetteer) (*Extractor, error) {
	rules, err := loadRules(g.nationals)
	if err != nil {
		return nil, err
	}
	words := map[string]wordInfo{}
	for w, n := range g.root.next {
		words[w] = wordInfo{root: n, below: n.below}
	}
	for w, id := range g.ids {
		wi := words[w]
		wi.id = id
		words[w] = wi
	}
	for w, bits := range cueBits {
		wi := words[w]
		wi.cues |= bits
		words[w] = wi
	}
	for _, ns := range nameSets {
		for w := range ns.set {
			wi := words[w]
			wi.sets |= ns.bit
			words[w] = wi
		}
	}
	for w, bits := range scanLeads {
		wi := words[w]
		wi.scan |= bits
		words[w] = wi
	}
	for w, class := range rules.classOf {
		wi := words[w]
		wi.class = class
		words[w] = wi
	}
	rules.words.Each(func(w string, id int32) {
		wi := words[w]
		wi.rule = id
		words[w] = wi
	})
	for w, wi := range words {
		wi.scan |= knownScanBits(w)
		words[w] = wi
	}
	open, err := gazdata.LoadOpenPlaces()
	if err != nil {
		return nil, err
	}
	return &Extractor{gaz: g, open: open, rules: rules, words: newWordTable(words)}, nil
}

// mention is a named thing found in a sentence.
type mention struct {
	Name       string // canonical name
	Surface    string // as written
	Start, End int    // byte offsets in the sentence
	Possessive bool   // "the NCA's operation": the name qualifies what follows
}

// sentenceFacts holds what one sentence mentions.
type sentenceFacts struct {
	s          sentence
	runeStart  int // s.Start and s.End as character offsets in the document
	runeEnd    int
	toks       []token
	starts     []int32 // wordStartsOf(s.Text)
	startBits  []uint8 // the scanners each of starts may start (appendStartBits)
	low        string  // s.Text in ASCII lower case
	cues       uint16  // the bits of the cue sets its words are in
	agencies   []mention
	places     []mention
	platforms  []mention
	groups     []mention
	operations []mention
	dates      []mention
	demonyms   []mention

	// Worked out once, when first needed.
	figs         []figure // findFigures(s.Text)
	figsDone     bool
	breaks       [][]int // clauseBreaks(s.Text)
	breaksDone   bool
	local        int8         // localPoliceRe matches s.Text: 0 not yet known, 1 no, 2 yes
	historic     int8         // isHistoric, known as local is
	patterned    []agencyCand // patternAgencies(s)
	patDone      bool
	cands        []mention // figureAgencies
	credited     int
	candsDone    bool
	ptoks        []pattern.Token // the tokens as rules read them (ruleTokens)
	ptoksDone    bool
	signals      uint64 // the rules of signals.rules that match (signal), by their bits
	signalsDone  bool
	incAt        []int32 // where lists after "include" begin (includeAfter)
	incDone      bool
	supports     []int8 // by agency: only supports others' work (supportsOnly)
	asserter     string // who states the sentence's facts (asserted)
	asserterDone bool
	gramSet      gramSet // the pairs of low (grams)
	gramsDone    bool
	seizedItem   bool // a list's line under a line that tells of seizing ("The following were seized:")
	acting       int8 // actingAgencies + 1, or 0 not yet known
	// own holds ownAgency's answers by first (bit 0) and actor (bit 1),
	// those known with their bits in ownDone: it is asked for each figure
	// of the sentences around, once every agency is found.
	own     [4]string
	ownDone uint8
}

// figures returns the figures of the sentence.
func (sf *sentenceFacts) figures() []figure {
	if !sf.figsDone {
		sf.figs, sf.figsDone = findFiguresAt(sf.s.Text, sf.starts, sf.startBits), true
	}
	return sf.figs
}

// clauseAt returns the byte span of the sentence's clause that holds pos.
func (sf *sentenceFacts) clauseAt(pos int) (int, int) {
	if !sf.breaksDone {
		sf.breaks, sf.breaksDone = withoutAsides(sf.s.Text, clauseBreaks(sf.s.Text)), true
	}
	return clauseIn(sf.breaks, len(sf.s.Text), pos)
}

// isHistoric reports whether the sentence speaks of an earlier time or of
// elsewhere (signal.historic). Its ASCII lower case must hold one of the
// rule's words first.
func (r *run) isHistoric(sf *sentenceFacts) bool {
	if sf.historic == 0 { // asked for each figure: worked out once
		sf.historic = 1
		if sf.holdsAny(sf.low, historicWords) && r.signal(sf, sigHistoric) {
			sf.historic = 2
		}
	}
	return sf.historic == 2
}

// historicWords are what signal.historic needs one of.
var historicWords = []string{"previous", "last year", "in 19", "in 20", "globally", "worldwide", "nationally", "across the world"}

// namesLocalPolice reports whether the sentence names a force only by its
// place: "Police in Rotterdam".
func (sf *sentenceFacts) namesLocalPolice() bool {
	if sf.local == 0 {
		sf.local = 1
		if sf.holdsAny(sf.low, localPoliceCues) && mayNameLocalPolice(sf.s.Text) && localPoliceRe.MatchString(sf.s.Text) {
			sf.local = 2
		}
	}
	return sf.local == 2
}

// localPoliceCues are mayNameLocalPolice's words in lower case.
var localPoliceCues = []string{"olice in ", "olice at ", "olice from "}

// mayNameLocalPolice is a cheap test that localPoliceRe needs to pass: its
// words as they must be written.
func mayNameLocalPolice(s string) bool {
	return strings.Contains(s, "olice in ") || strings.Contains(s, "olice at ") || strings.Contains(s, "olice from ")
}

// run is the state of one extraction.
type run struct {
	x           *Extractor
	doc         source.Document // its Text spaced out (spaces.go)
	written     string          // the article's text as written
	shifts      []shift         // where the two differ
	docLow      string          // doc.Text in lower case, made when namedInFull first needs it
	sents       []*sentenceFacts
	out         Extraction
	agencyIdx   map[string]int    // canonical name -> index in out.Agencies
	agencyAs    map[string]string // a listed name -> the name the article gave it first, in brackets after it
	localUnits  map[string]string // a force's acronym -> its one local unit the article names ("Northern Rockies RCMP"), or ""
	arrestsRead int               // how many arrests recordArrest has read, new or said again
	arrestEnds  []int             // where the figures of the sentence's arrests recorded so far end
	rule        string            // the pass or rule reading facts now, kept on their evidence (explain)
	opIdx       map[string]int    // lower name -> index in out.Operations
	placeIdx    map[string]int
	platIdx     map[string]int
	groupIdx    map[string]int
	country     string // the article's main country, for "$" and ambiguous names
	// byFirstWord maps the first word of each agency found by pattern to its
	// full name: "Revenue" -> "Revenue Customs Service".
	byFirstWord map[string]string
	// spelledOut maps an acronym to the name the article spells it out as,
	// where the name's initials are the acronym: "Guyana Defence Force (GDF)".
	spelledOut map[string]string
	titleLines [3]int8 // whether sentence 0, 1 or 2 is the title again (isTitleLine): 0 not yet known, 1 no, 2 yes
	// platformSurface maps a platform's canonical name to the article's spelling.
	platformSurface map[string]string
	scratch         []token         // tokens made for one search and then dropped
	ptoks           []pattern.Token // one backing array for the sentences' rule tokens (ruleTokens)
	strs            []string        // the room strp hands out, a few facts' worth at a time
	nums            []float64       // the room nump hands out
	spans           []Span          // the room evidence hands out
	// pub is the document's publication date as isoDate reads it, and
	// pubErr its error, parsed at the first date (pubDone).
	pub     time.Time
	pubErr  error
	pubDone bool
	// helperOnly tells, by agency, whether every mention of it names a
	// supporter or partner of others' work (onlyHelper), as soleBody asks.
	helperOnly map[string]bool
}

// Extract returns the facts of doc.
func (x *Extractor) Extract(doc source.Document) Extraction {
	written := doc.Text // the article as written; the passes read it with wide spaces spaced out (spaces.go)
	var shifts []shift
	doc.Text, shifts = spaceOut(doc.Text)
	r := &run{x: x, doc: doc, written: written, shifts: shifts, agencyIdx: map[string]int{}, agencyAs: map[string]string{}, opIdx: map[string]int{},
		placeIdx: map[string]int{}, platIdx: map[string]int{}, groupIdx: map[string]int{}}
	r.out.Article = ArticleMeta{Title: doc.Title, URL: doc.URL, Published: doc.Published, Source: doc.Source}
	w := x.workspace()
	r.ptoks, r.scratch = w.ptoks[:0], w.scratch[:0]
	r.out.Seizures = w.seized[:0]
	sents := appendSentences(w.sents[:0], doc.Text)
	offs := w.offs[:0]
	for _, s := range sents {
		offs = append(offs, s.Start, s.End)
	}
	if r.shifts != nil {
		for k, p := range offs {
			offs[k] = writtenOffset(r.shifts, p)
		}
	}
	runeAt := charOffsets(written, offs) // characters into the article as written
	facts := slices.Grow(w.facts[:0], len(sents))[:len(sents)]
	toks := w.toks[:0]
	if n := len(doc.Text)/5 + 8; cap(toks) < n { // one backing array for the article's tokens
		toks = make([]token, 0, n)
	}
	r.sents = slices.Grow(w.ptrs[:0], len(sents))[:len(sents)]
	starts := w.words[:0]
	if n := len(doc.Text)/3 + 8; cap(starts) < n { // one backing array for the article's word starts
		starts = make([]int32, 0, n)
	}
	bits := w.bits[:0]
	if cap(bits) < cap(starts) {
		bits = make([]uint8, 0, cap(starts))
	}
	for k, s := range sents {
		n := len(toks)
		toks = appendTokensLow(toks, s.Text, s.low)
		cues := x.lookUpWords(toks[n:])
		ns := len(starts)
		starts = appendWordStarts(starts, s.Text)
		bits = appendStartBits(bits, s.Text, starts[ns:], toks[n:])
		facts[k] = sentenceFacts{s: s, toks: toks[n:len(toks):len(toks)], low: s.low, cues: cues,
			runeStart: runeAt[2*k], runeEnd: runeAt[2*k+1], starts: starts[ns:len(starts):len(starts)],
			startBits: bits[ns:len(bits):len(bits)]}
		r.sents[k] = &facts[k]
	}
	// The passes, in the order they must run, and why:
	//  1. the article's country first: "$" and ambiguous names resolve by it;
	//  2. a prescan of agency names: a short form later ("Revenue", "RCMP")
	//     means the full name the article gave ("Northern Rockies RCMP");
	//  3. per sentence, the names: agencies, then operations before places
	//     ("Operation Cold Harbor" names no harbour), then the gazetteer's
	//     places, platforms and groups, then dates, then the open
	//     gazetteer's towns and regions where the text marks a place (their
	//     cues may be dates: "in March" is none);
	//  4. unlisted places after all listed names, so that they overlap none;
	//  5. operations' agencies, targets and places, which the figures use;
	//  6. per sentence, people (asserters of figures), then arrests (the
	//     older passes, then arrests.rules where those found none), then
	//     seizures: figures need the names and operations of steps 3-5;
	//  7. then across the article: seizures said twice merged, guns that
	//     are imitations made other goods, figures
	//     related (parts, restatements, context), operations given the
	//     agencies that made their figures, people finished, asserters
	//     named as the people pass read them, places deduplicated, and the
	//     empty lists filled.
	r.country = r.guessCountry()
	r.markSeizedLists()
	r.prescanAgencies()
	for _, sf := range r.sents {
		r.findAgencies(sf)
		r.findOperations(sf)
		r.findNamed(sf)
		r.findUnlistedNamed(sf)
		r.findDates(sf)
		r.findOpenPlaces(sf)
	}
	for _, sf := range r.sents {
		r.findUnlistedPlaces(sf)
	}
	r.country = r.countryOfNames() // with the towns only the open gazetteer knows: "Wyong", "Parramatta"
	r.relateOperations()
	for i, sf := range r.sents {
		r.findPeople(sf)
		r.findRulePeople(sf)
		r.findNameLists(sf)
		read := r.arrestsRead
		r.arrestEnds = r.arrestEnds[:0]
		r.findArrests(i, sf)
		if sf.cues&cueArrest != 0 {
			r.findRuleArrests(i, sf, r.arrestsRead > read)
		}
		r.findSeizures(i, sf)
	}
	r.findArrestLists()
	seized := r.out.Seizures
	r.mergeSeizures()
	r.notRealGuns()
	r.relateFigures()
	r.operationActors()
	r.ownerActors()
	r.madeByActors()
	r.unnamedOperation()
	r.settleRoles()
	r.finishPeople()
	r.settleAsserters()
	r.dedupePlaces()
	r.writtenNames()
	r.fillEmpty()
	*w = workspace{sents: sents, offs: offs, facts: facts, ptrs: r.sents, toks: toks, words: starts, bits: bits, ptoks: r.ptoks,
		scratch: r.scratch, seized: seized}
	x.keepWorkspace(w)
	return r.out
}

// lookUpWords gives each token what the word table holds of its lower
// form, in one look-up, and returns the cue bits of them all.
func (x *Extractor) lookUpWords(toks []token) uint16 {
	var cues uint16
	for j := range toks {
		wi := x.words.get(toks[j].Lower)
		t := &toks[j]
		t.root, t.below, t.id, t.sets, t.class, t.cues, t.ruleWord, t.scan, t.rooted = wi.root, wi.below, wi.id, wi.sets, wi.class, wi.cues, wi.rule, wi.scan, true
		if t.ruleWord == 0 { // a word the table lacks
			t.ruleWord = pattern.NotRuleWord
		}
		cues |= wi.cues
	}
	return cues
}

// workspace returns the arrays of an earlier article where some are free.
func (x *Extractor) workspace() *workspace {
	if w, ok := x.work.Get().(*workspace); ok {
		return w
	}
	return &workspace{}
}

// keepWorkspace gives an article's arrays to the next, once no sentence of
// the article is read any more. They are cleared first, so they hold no
// text of the article.
func (x *Extractor) keepWorkspace(w *workspace) {
	if cap(w.toks) > maxPooledTokens {
		return
	}
	clear(w.sents)
	clear(w.facts)
	clear(w.ptrs)
	clear(w.toks)
	clear(w.ptoks)
	w.ptoks = w.ptoks[:0]
	clear(w.scratch[:cap(w.scratch)])
	clear(w.seized)
	w.seized = w.seized[:0]
	x.work.Put(w)
}

// charOffsets maps each byte offset in offs, which must not decrease, to
// its character offset in text, as a table made thus would: each
// character's first byte takes the number of characters before it (an
// invalid byte counts as one), the end takes their number, and a
// continuation byte past the first takes one less than the byte after it.
func charOffsets(text string, offs []int) []int {
	for k, p := range offs {
		if k > 0 && p < offs[k-1] || p < 0 || p > len(text) {
			return charOffsetsByTable(text, offs)
		}
	}
	out := make([]int, len(offs))
	// Each offset takes its value from the next first byte or the end. A
	// first byte is where decoding from the start of text begins a
	// character, so the characters before it are those of the pieces
	// between the offsets, each counted as range counts them.
	n, from := 0, 0
	for k, p := range offs {
		next := p
		for next > 0 && next < len(text) && !utf8.RuneStart(text[next]) {
			next++
		}
		n += runeCount(text[from:next])
		from = next
		out[k] = n - (next - p)
	}
	return out
}

// runeCount is utf8.RuneCountInString (an invalid byte counts as one),
// reading ASCII eight bytes at a time.
func runeCount(s string) int {
	n := 0
	for len(s) > 0 {
		if len(s) >= 8 {
			if load64(s)&0x8080808080808080 == 0 {
				n, s = n+8, s[8:]
				continue
			}
		}
		if s[0] < utf8.RuneSelf {
			n, s = n+1, s[1:]
			continue
		}
		_, w := utf8.DecodeRuneInString(s)
		n, s = n+1, s[w:]
	}
	return n
}

// charOffsetsByTable is charOffsets by way of the whole table.
func charOffsetsByTable(text string, offs []int) []int {
	runeAt := make([]int, len(text)+1)
	n := 0
	for i := range text {
		runeAt[i] = n
		n++
	}
	runeAt[len(text)] = n
	for i := len(text) - 1; i > 0; i-- { // continuation bytes take their rune's offset
		if !utf8.RuneStart(text[i]) {
			runeAt[i] = runeAt[i+1] - 1
		}
	}
	out := make([]int, len(offs))
	for k, p := range offs {
		out[k] = runeAt[p]
	}
	return out
}

// span makes the evidence of a fact stated in sentence sf: the sentence and its offsets.
// Its Rule is the pass or rule at work (r.rule).
func (r *run) span(sf *sentenceFacts, conf float64) Span {
	if c, ok := ruleConfidence[r.rule]; ok {
		conf = c
	}
	text := sf.s.Text
	if r.shifts != nil {
		text = r.written[writtenOffset(r.shifts, sf.s.Start):writtenOffset(r.shifts, sf.s.End)] // the sentence as the article writes it
	}
	return Span{Sentence: text, Start: sf.runeStart, End: sf.runeEnd, Confidence: conf, Rule: r.rule}
}

// evidence is a fact's first evidence, r.span(sf, conf), as a slice whose
// one element is room in an array shared with the next few facts'; its
// capacity is one, so appending to it copies.
func (r *run) evidence(sf *sentenceFacts, conf float64) []Span {
	if len(r.spans) == cap(r.spans) {
		r.spans = make([]Span, 0, 16)
	}
	n := len(r.spans)
	r.spans = append(r.spans, r.span(sf, conf))
	return r.spans[n : n+1 : n+1]
}

// strp is strp for a fact of the run: its pointer is to room in an array
// shared with the next few, so that a fact's fields cost no allocation each.
func (r *run) strp(s string) *string {
	if s == "" {
		return nil
	}
	if len(r.strs) == cap(r.strs) {
		r.strs = make([]string, 0, 32)
	}
	r.strs = append(r.strs, s)
	return &r.strs[len(r.strs)-1]
}

// nump is nump for a fact of the run, from room shared as strp's is.
func (r *run) nump(f float64) *float64 {
	if len(r.nums) == cap(r.nums) {
		r.nums = make([]float64, 0, 16)
	}
	r.nums = append(r.nums, f)
	return &r.nums[len(r.nums)-1]
}

// guessCountry votes on the article's country from unambiguous agencies and places.
func (r *run) guessCountry() string {
	type vote struct {
		country string
		n       int
	}
	var room [16]vote // an article names a few countries: a list, not a map
	votes := room[:0]
	var buf [8]match
	for _, sf := range r.sents {
		for _, m := range r.x.gaz.appendFind(buf[:0], sf.toks, entAgency, entPlace) {
			if len(m.Entries) != 1 {
				continue
			}
			c := m.Entries[0].Country
			if len(c) == 2 {
				w := 1
				if m.Entries[0].Kind == entAgency {
					w = 2
				}
				if m.Entries[0].Kind == entPlace && placeOfPlace(sf, m.I) {
					w = 3 // "Cornwall, Ont.", "Logan, Queensland": the region says which
				}
				k := 0
				for k < len(votes) && votes[k].country != c {
					k++
				}
				if k == len(votes) {
					votes = append(votes, vote{country: c})
				}
				votes[k].n += w
			}
		}
	}
	// The most votes; of a tie, the first country in sorted order.
	best, bestN := "", 0
	for _, v := range votes {
		if v.n > bestN || v.n == bestN && v.country < best {
			best, bestN = v.country, v.n
		}
	}
	return best
}

// countryOfNames is the article's country once its places are found: the
// first guess (guessCountry), unless the places and agencies found name
// another country more often by two or more, as an article on towns the
// listed places miss does ("Quakers Hill", "Parramatta" beside one
// "Guildford").
func (r *run) countryOfNames() string {
	votes := func(c string) int {
		n := 0
		for _, p := range r.out.Places {
			if p.Country == c {
				n++
			}
		}
		for _, a := range r.out.Agencies {
			if a.Country == c {
				n += 2
			}
		}
		return n
	}
	best, bestN := r.country, votes(r.country)
	if r.country == "" {
		bestN = 1 // three votes or more (two places and an agency, three places), where nothing was guessed
	}
	for _, p := range r.out.Places {
		if len(p.Country) == 2 && p.Country != best {
			if n := votes(p.Country); n >= bestN+2 {
				best, bestN = p.Country, n
			}
		}
	}
	return best
}

// placeOfPlace reports whether the name at token i follows a capitalised
// word and a comma, as a region or country after a town: "Cornwall, Ont.".
func placeOfPlace(sf *sentenceFacts, i int) bool {
	return i > 0 && sf.s.Text[sf.toks[i-1].End:sf.toks[i].Start] == ", " && isCapitalised(sf.toks[i-1].Text)
}

// --- agencies ---

var (
	agencyHeads = map[string]bool{"police": true, "constabulary": true, "bureau": true, "agency": true,
		"unit": true, "squad": true, "commission": true, "directorate": true, "command": true, "gendarmerie": true,
		"customs": true, "ministry": true, "prosecutors": true, "carabinieri": true, "inspectorate": true,
		"court": true, "courts": true, "tribunal": true, "taskforce": true, "department": true, "team": true,
		"authority": true, "patrol": true, "division": true, "section": true}
	agencyTwoHeads = withKeys(subUnitTwoHeads, map[string]bool{"police force": true, "police service": true, "police department": true,
		"police office":  true, // "Sultan Kudarat Provincial Police Office" (a "Police District" is an area: TestPoliceDistrictIsNoBody)
		"control office": true, "narcotics office": true, "fraud office": true, "investigation office": true, "investigations office": true,
		"enforcement office": true, "customs office": true, "prosecution office": true, // "Central Narcotics Control Office"
		"sheriff office": true, "prosecutor office": true, "attorney office": true, "prosecutors office": true, "border force": true, "customs service": true, "prosecutor's office": true,
		"attorney's office": true, "prosecution service": true, "police authority": true, "crime agency": true,
		"revenue service": true, "customs administration": true, "drug unit": true, "crime group": true,
		"investigation service": true, "intelligence service": true, "security service": true,
		// branches of a force named by their work: "Criminal Investigation Branch", "Special Intelligence and Investigation Branch"
		"investigation branch": true, "investigations branch": true, "intelligence branch": true, "crime branch": true, "narcotics branch": true,
		"dog services": true, "dog service": true, // "Police Dog Services"
		"task force": true, "task forces": true, "sheriff department": true,
		"security force":    true, // "Border Security Force"
		"public prosecutor": true, "prosecutor general": true, "attorney general": true, "general office": true,
		"coast guard": true, "border guard": true, "border guards": true, "guard service": true, "border service": true,
		"national guard": true, "civil guard": true, "financial guard": true,
		"wildlife service": true, "postal service": true, "inspection service": true, "immigration service": true,
		"prison service": true, "prisons service": true, "correctional service": true, "correctional services": true,
		"marshals service": true, "forest service": true, "park service": true, "parks service": true,
		// centres of intelligence or coordination: "Canadian Anti-Fraud Centre", "National Fusion Center"
		"fraud centre": true, "fraud center": true, "crime centre": true, "crime center": true, "cybercrime centre": true,
		"cybercrime center": true, "fusion centre": true, "fusion center": true, "intelligence centre": true,
		"intelligence center": true, "coordination centre": true, "coordination center": true, "operations centre": true,
		"operations center": true, "analysis centre": true, "targeting centre": true, "targeting center": true,
		"revenue board":       true,  // "Inland Revenue Board"
		"enforcement service": true}) // "Border Enforcement Service"
	// subUnitTwoHeads name a part of a larger body by what it does or where
	// it sits (subUnitName): "Regional Special Operations Group", "Eastern
	// Zonal Office". They are agencyTwoHeads too.
	subUnitTwoHeads = map[string]bool{"operations group": true, "enforcement group": true, "intervention group": true,
		"response group": true, "zonal office": true, "district office": true,
		"liaison office": true, "provincial office": true}
	// agencyTwoHeadLasts are the last words of agencyTwoHeads.
	agencyTwoHeadLasts = func() map[string]bool {
		m := map[string]bool{}
		for two := range agencyTwoHeads {
			m[two[strings.LastIndexByte(two, ' ')+1:]] = true
		}
		return m
	}()
	nameConnectors = map[string]bool{"of": true, "and": true, "for": true, "the": true, "on": true, "&": true, "de": true, "in": true, "do": true, "da": true, "dos": true, "das": true, "del": true}
	notNameStart   = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "our": true, "their": true, "his": true, "her": true, "its": true,
		// adjectives that open a description, not a name: "Joint Police and Customs investigation"
		"joint": true, "local": true, "armed": true, "senior": true, "uniformed": true, "undercover": true, "officers": true,
		// words that open a sentence before a name: "On Tuesday the Interior Ministry said"
		"on": true, "in": true, "at": true, "by": true, "for": true, "from": true, "with": true, "after": true, "before": true,
		"during": true, "since": true, "yesterday": true, "today": true, "monday": true, "tuesday": true, "wednesday": true,
		"thursday": true, "friday": true, "saturday": true, "sunday": true, "earlier": true, "later": true, "last": true,
		"multi": true, "operational": true}
	// lowerAgencyScan finds a prosecutor's office named in lower case
	// ("the federal public prosecutor's office"), tried only at a word it
	// can start with.
	lowerAgencyScan = newStartScan(`(?i)\b((?:federal |national |state |district |regional |public |crown |chief )*(?:public )?prosecutor['’]s office)\b`,
		func(s string, p int) bool {
			return isLetterByte(s[p]) && wordStart(s, p) && lowerAgencyFirst.has(s[p:asciiLetters(s, p)])
		})
	lowerAgencyFirst = newFoldSet("federal national state district regional public crown chief prosecutor")
	demonymHeads     = map[string]bool{"police": true, "prosecutors": true, "customs": true, "gendarmerie": true, "gendarmes": true,
		"national police": true, "federal police": true, "national police force": true, "police force": true,
		"coast guard": true, "navy": true, "border guards": true, "border police": true, "military police": true,
		"army": true, "air force": true, "marines": true}
)

// agencyCand is a span of tokens that may name an agency.
type agencyCand struct {
	i, j    int // tokens [i, j)
	name    string
	country string
	gaz     bool
	// placeEnd, where set, ends the place that opens the name and shares
	// its rest with other places' ("Izmir" of "the Izmir and Kars ...
	// Commands"): the place is named too, and where the tokens are the
	// place alone, they are no alias of the body.
	placeEnd int
}

// patternAgencies finds agencies by the shape of their names: a run of
// capitalised words ending in a head such as Police, Bureau or Unit
// ("Garda National Drugs and Organised Crime Bureau").
func (r *run) patternAgencies(sf *sentenceFacts) []agencyCand {
	if !sf.patDone {
		sf.patterned, sf.patDone = r.findPatternAgencies(sf), true
	}
	return sf.patterned
}

func (r *run) findPatternAgencies(sf *sentenceFacts) []agencyCand {
	toks := sf.toks
	isTitle := r.x.titleTest()
	var out []agencyCand
	adjacent := func(a, b int) bool {
		between := sf.s.Text[toks[a].End:toks[b].Start]
		// "Cariboo-Chilcotin Crime Reduction Unit": a hyphen joins two capitalised words;
		// "Tsuen Wan Magistrates' Courts": a plural's apostrophe.
		// "Central e-Crime Unit": an "e-" before a capitalised word.
		return strings.TrimSpace(between) == "" || between == "-" && (isCapitalised(toks[a].Text) || toks[a].Text == "e") && isCapitalised(toks[b].Text) ||
			between == "-" && toks[a].Text == "Anti" || // "Anti-mafia District Directorate"
			between == ". " && (toks[a].Text == "St" || toks[a].Text == "Ste") && isCapitalised(toks[b].Text) || // "Sault Ste. Marie Police Service"
			between == " & " && isCapitalised(toks[a].Text) && isCapitalised(toks[b].Text) || // "National Drugs & Organised Crime Bureau"
			(between == "' " || between == "’ ") && strings.HasSuffix(toks[a].Lower, "s") && isCapitalised(toks[b].Text)
	}
	pluralHead := hasPluralBodyHead(toks)
	for i := 0; i < len(toks); i++ {
		if !isCapitalised(toks[i].Text) {
			continue
		}
		if pluralHead {
			if cs, next := r.sharedHeadList(sf, i); len(cs) > 0 {
				out = append(out, cs...) // "the Izmir, Hatay and Kilis Provincial Gendarmerie Commands": three
				i = next - 1
				continue
			}
		}
		// A head word opens a name only as a unit of that service: "Customs
		// Dog Unit", "Police Drug Squad" (three words or more, a head last).
		ofName := ofHeads[toks[i].Lower] && i+1 < len(toks) && toks[i+1].Lower == "of" // "Department of Wildlife and Forest Protection"
		headFirst := toks[i].in(setAgencyHead, agencyHeads) && toks[i].Lower != "ministry" && !ofName
		if headFirst && toks[i].Lower != "customs" && toks[i].Lower != "police" {
			continue
		}
		if k := titleOfAt(toks, i, isTitle); k > 0 {
			i = k // "Commissioner of Police", "Inspector General of Police": an office a person holds
			continue
		}
		if !toks[i].in(setAgencyHead, agencyHeads) && afterTitle(sf.s.Text, toks, i, isTitle) {
			continue // "Inspector Sam Patel of West Midlands Police": a person's name
		}
		if (numberOrDay[toks[i].Lower] && !numberInName(toks, i)) || isDigits(toks[i].Text) || datePart(toks[i].Lower) {
			continue // "Two NDLEA officers": a count, then the body's name; "On March 3rd 2019 Ellis County ...": a date
		}
		multiName := toks[i].Lower == "multi" && i+1 < len(toks) && sf.s.Text[toks[i].End:toks[i+1].Start] == "-" && isCapitalised(toks[i+1].Text) // "Multi-Option Police Section"
		if toks[i].in(setNotNameStart, notNameStart) && !(toks[i].Lower == "joint" && jointBodyAhead(sf, i)) && !multiName {
			continue // "Joint Airport Interdiction Task Forces" is a body's name; "Joint Police and Customs investigation" is not
		}
		if i > 0 && pronounPossessives[toks[i-1].Lower] || i > 1 && isPossessiveS(toks[i-1]) && toks[i-2].Lower == "it" {
			// "through its Near Europe Task Force": a unit of the agency named before
			// ("its Customs Intelligence and Investigation Service": the whole name).
			j := i + 1
			for j < len(toks) && continuesName(toks, i, j, adjacent) {
				j++
			}
			i = j - 1
			continue
		}
		j := i + 1
		for j < len(toks) && continuesName(toks, i, j, adjacent) {
			j++
		}
		if k := ranksAfterBody(toks, i, j, isTitle); k > 0 {
			j = k // "... of National Police Brigadier General Eko Daniyanto": a person's ranks and name after the body's
		}
		if k := placeThenTitleOf(toks, i, j, isTitle); k > 0 {
			i = k // "Guwahati Commissioner of Police Diganta Borah": a town, then an office a person holds
			continue
		}
		for end := j; end > i+1; end-- {
			if k := r.coordinationAt(toks[i:end]); k > 0 {
				end = i + k + 1 // the first body's name ends before "and"
				continue
			}
			if headFirst && (end-i < 3 || !toks[end-1].in(setAgencyHead, agencyHeads) && !agencyTwoHeads[toks[end-2].Lower+" "+toks[end-1].Lower]) {
				continue
			}
			if titleBeforeName(sf.s.Text, toks, end, isTitle) {
				continue // "Attorney General Merrick Garland": a title, then a person
			}
			if end < len(toks) && (toks[end].Text == "police" || toks[end].Text == "customs") && adjacentSpace(sf, end-1, end) {
				continue // "Crime Investigation Department of the Perlis police": the place is the next body's
			}
			if multiName && end <= i+2 {
				continue // "Multi-Agency" alone is how the work was done
			}
			if end < j && r.cutsPlace(toks, end) {
				break // "... of New York" does not end at "New"
			}
			if r.isAgencyName(toks[i:end]) || r.isAgencyOfPlace(toks[i:end]) {
				if wireService(toks, i, end) {
					i = end - 1
					break
				}
				if k := unitOfForce(toks, i, end); k > 0 && r.isAgencyName(toks[k+2:end]) {
					// "Gang Crime Unit of the Toronto Police Service": the unit and its force, two bodies.
					out = append(out, agencyCand{i: i, j: k, name: sf.s.Text[toks[i].Start:toks[k-1].End]},
						agencyCand{i: k + 2, j: end, name: sf.s.Text[toks[k+2].Start:toks[end-1].End]})
					i = end - 1
					break
				}
				out = append(out, agencyCand{i: i, j: end, name: sf.s.Text[toks[i].Start:toks[end-1].End]})
				// A name read from its first word holds the names that start
				// inside it: "Anti-Narcotics Unit of the Kenya Police
				// Service" is not "Narcotics Unit of the ...".
				i = end - 1
				break
			}
		}
	}
	return out
}

// pluralBodyHeads are the plural heads a list of places may share, with
// each one's singular: "the Izmir, Hatay and Kilis Provincial Gendarmerie
// Commands" are three commands.
var pluralBodyHeads = map[string]string{"commands": "Command", "departments": "Department", "forces": "Force",
	"services": "Service", "offices": "Office", "directorates": "Directorate", "constabularies": "Constabulary"}

// hasPluralBodyHead is the cheap test sharedHeadList needs to pass: a
// word of the sentence is one of pluralBodyHeads.
func hasPluralBodyHead(toks []token) bool {
	for _, t := range toks {
		if n := len(t.Lower); n >= 5 && t.Lower[n-1] == 's' && t.Lower[0] >= 'c' && t.Lower[0] <= 's' {
			if _, ok := pluralBodyHeads[t.Lower]; ok {
				return true
			}
		}
	}
	return false
}

// sharedHeadList reads, from token i, a list of two places or more that
// share the name after the last, capitalised ("Kars and Van Provincial
// Gendarmerie Commands") or "police" and a plural head in lower case ("the
// Fresno and Clovis police departments"), one body for each, and the
// token after the list. Nothing where toks[i] opens no such list.
func (r *run) sharedHeadList(sf *sentenceFacts, i int) ([]agencyCand, int) {
	toks, text := sf.toks, sf.s.Text
	var items [][2]int // each place's tokens [a, b)
	known := 0         // of them, places the gazetteers know
	p := i
	for p < len(toks) && len(items) < 12 {
		b := 0 // the longest place from p, of up to three words spaced only
		for l := min(3, len(toks)-p); l >= 1; l-- {
			ok := true
			for k := p; k < p+l; k++ {
				ok = ok && isCapitalised(toks[k].Text) && (k == p || adjacentSpace(sf, k-1, k))
			}
			if _, _, _, isPlace := r.knownPlace(sf, toks, p, p+l); ok && isPlace {
				b = p + l
				known++
				break
			}
		}
		if b == 0 && len(items) > 0 && isCapitalised(toks[p].Text) && toks[p].letters && !toks[p].in(setAgencyHead, agencyHeads) {
			b = p + 1 // a place the gazetteers miss, in a list of places they know ("Kars, Ağrı and Van")
		}
		if b == 0 {
			return nil, 0
		}
		items = append(items, [2]int{p, b})
		if b >= len(toks) {
			return nil, 0
		}
		sep := text[toks[b-1].End:toks[b].Start]
		switch {
		case sep == ", " && toks[b].Lower == "and" && b+1 < len(toks) && adjacentSpace(sf, b, b+1):
			p = b + 1 // ", and"
		case sep == ", " && isCapitalised(toks[b].Text):
			p = b
		case sep == " " && toks[b].Lower == "and" && b+1 < len(toks) && adjacentSpace(sf, b, b+1):
			p = b + 1
		case sep == " " && (isCapitalised(toks[b].Text) || toks[b].Text == "police") && len(items) >= 2 &&
			(toks[items[len(items)-2][1]].Lower == "and" || text[toks[items[len(items)-2][1]-1].End:toks[items[len(items)-1][0]].Start] == ", and "):
			// The last place, then the shared name: up to four words, the last a plural head.
			lower := toks[b].Text == "police"
			for h := b; known >= 2 && h < len(toks) && h < b+5 && (h == b || adjacentSpace(sf, h-1, h)); h++ {
				if lower && h > b+1 || !lower && !isCapitalised(toks[h].Text) {
					break
				}
				one, ok := pluralBodyHeads[toks[h].Lower]
				if !ok {
					continue
				}
				shared := ""
				if h > b {
					shared = text[toks[b].Start:toks[h-1].End] + " "
				}
				if lower {
					shared = "Police " // "police departments": each town's Police Department
				}
				shared += one
				out := make([]agencyCand, 0, len(items))
				for k, it := range items {
					end := it[1]
					if k == len(items)-1 {
						end = h + 1
					}
					out = append(out, agencyCand{i: it[0], j: end, name: text[toks[it[0]].Start:toks[it[1]-1].End] + " " + shared, placeEnd: it[1]})
				}
				return out, h + 1
			}
			return nil, 0
		default:
			return nil, 0
		}
	}
	return nil, 0
}

// numberInName reports whether the number word toks[i] (not a day) opens
// a name: capitalised after a word in lower case, so neither a sentence's
// first word nor a headline's ("officers from Six Nations Police Service").
func numberInName(toks []token, i int) bool {
	return wordNumbers[toks[i].Lower] != 0 && i > 0 && toks[i-1].letters && toks[i-1].Text == toks[i-1].Lower
}

// ranksAfterBody returns where a person's ranks start inside the
// capitalised run toks[i:j], after a word that heads a body's name and
// before a name that is no body's: "National Police Brigadier General Eko
// Daniyanto" ends the body at "Police". 0 where none does.
func ranksAfterBody(toks []token, i, j int, isTitle func(token) bool) int {
	head := false
	for k := i; k < j; k++ {
		if !isTitle(toks[k]) || !head {
			head = head || toks[k].in(setAgencyHead, agencyHeads)
			continue
		}
		m := k
		for m < j && isTitle(toks[m]) {
			m++
		}
		if m < j && isCapitalised(toks[m].Text) && !toks[m].in(setAgencyHead, agencyHeads) {
			return k
		}
		return 0
	}
	return 0
}

// cutsPlace reports whether a name ending before toks[end] would cut a
// place's name the gazetteer lists in two ("Southern District of New | York").
func (r *run) cutsPlace(toks []token, end int) bool {
	for k := max(0, end-2); k < end; k++ {
		if m, ok := r.x.gaz.findAt(toks[k:], entPlace); ok && k+m.J > end {
			return true
		}
	}
	return false
}

// titleOfAt returns where "of" follows the title words that start at
// toks[i] ("Commissioner of Customs", "Inspector General of Police"), or
// -1: such a name is an office a person holds, not a body.
func titleOfAt(toks []token, i int, isTitle func(token) bool) int {
	k := i
	for k < len(toks) && isTitle(toks[k]) && isCapitalised(toks[k].Text) {
		k++
	}
	if k > i && k < len(toks) && toks[k].Lower == "of" {
		return k
	}
	return -1
}

// placeThenTitleOf returns where the office a person holds ends in a run of
// capitalised words toks[i:j] that opens with up to three other words (a
// town or region, which it does not check) and goes on with the office ("Guwahati Commissioner of Police", "Lagos State
// Commissioner of Police"), or -1: the run names a post, not a body.
func placeThenTitleOf(toks []token, i, j int, isTitle func(token) bool) int {
	for k := i + 1; k < j && k <= i+3; k++ {
		if toks[k].Lower == "of" {
			return -1 // "Department of Justice Inspector ...": the body's own "of"
		}
		if isTitle(toks[k]) {
			if end := titleOfAt(toks, k, isTitle); end > 0 {
				return end
			}
			return -1
		}
	}
	return -1
}

// unitOfForce returns where "of the" follows a unit's head word in
// toks[i:end] ("Gang Crime Unit of the Toronto Police Service"), or -1.
func unitOfForce(toks []token, i, end int) int {
	for k := i + 1; k+2 < end; k++ {
		if toks[k].Lower == "of" && toks[k+1].Lower == "the" && unitWords[toks[k-1].Lower] {
			return k
		}
	}
	return -1
}

// unitWords end the name of a unit inside a larger body.
var unitWords = wordSet("unit squad division branch team taskforce department bureau section directorate")

// coordinationAt returns where "and" joins two agencies in a run, or -1:
// "NCA and Border Force", "Police and Customs", "Regional Prosecutor's
// Office of Ghent and National Police" (but not "Garda National Drugs and
// Organised Crime Bureau", whose first part names no agency).
func (r *run) coordinationAt(toks []token) int {
	for k := 1; k < len(toks)-1; k++ {
		if toks[k].Lower != "and" && toks[k].Lower != "&" {
			continue
		}
		if toks[k-1].in(setAgencyHead, agencyHeads) || agencyTwoHeads[toks[max(0, k-2)].Lower+" "+toks[k-1].Lower] {
			return k
		}
		if ms := r.x.gaz.find(toks[:k], entAgency); len(ms) > 0 && ms[len(ms)-1].J == k {
			return k
		}
		// A body's office, or a body of a place, then another whole name.
		last := toks[len(toks)-1].in(setAgencyHead, agencyHeads)
		if last && (toks[k-1].Lower == "office" || k >= 3 && toks[k-2].Lower == "of" && isOfficeHead(toks[k-3])) {
			return k
		}
	}
	return -1
}

// isOfficeHead reports whether t ends a body's name that "of PLACE" may
// follow: a head word ("Police of Catalonia", "Intelligence Service of
// Ontario", "Office of Ghent").
func isOfficeHead(t token) bool {
	return t.in(setAgencyHead, agencyHeads) || placeBodyHeads[t.Lower]
}

// prescanAgencies records, before the main pass, the agencies found by
// pattern, so that a short name used earlier or later ("Revenue") can mean
// the full one ("Revenue Customs Service").
func (r *run) prescanAgencies() {
	r.byFirstWord = map[string]string{}
	r.localUnits = map[string]string{}
	for _, sf := range r.sents {
		if !sf.mayNameLocalUnit() {
			continue
		}
		var found [8]match
		for _, m := range r.x.gaz.appendFind(found[:0], sf.toks, entAgency) {
			if k := r.localUnitFrom(sf, m.I, m.J); k < m.I {
				acr, unit := sf.toks[m.I].Text, sf.s.Text[sf.toks[k].Start:sf.toks[m.J-1].End]
				if old, ok := r.localUnits[acr]; ok && old != unit {
					unit = "" // two units of one force: a bare acronym names neither
				}
				r.localUnits[acr] = unit
			}
		}
	}
	for _, sf := range r.sents {
		for _, c := range r.patternAgencies(sf) {
			if c.j-c.i >= 2 {
				r.byFirstWord[sf.toks[c.i].Text] = c.name
			}
		}
		r.noteSpelledOut(sf)
	}
}

// noteSpelledOut records the acronyms a sentence spells out by the
// initials of the capitalised words before them: "the Guyana Defence
// Force (GDF)".
func (r *run) noteSpelledOut(sf *sentenceFacts) {
	if strings.IndexByte(sf.s.Text, '(') < 0 {
		return
	}
	toks, text := sf.toks, sf.s.Text
	for k := 0; k+1 < len(toks); k++ {
		acr := toks[k+1].Text
		if strings.TrimSpace(text[toks[k].End:toks[k+1].Start]) != "(" || !strings.HasPrefix(text[toks[k+1].End:], ")") ||
			len(acr) < 2 || len(acr) > 6 || strings.ToUpper(acr) != acr || !toks[k+1].letters {
			continue
		}
		var initials []byte
		first := k
		for j := k; j >= 0 && len(initials) < len(acr); j-- {
			w := toks[j].Text
			if nameConnectors[toks[j].Lower] || w == "di" || w == "de" {
				continue
			}
			if !isCapitalised(w) {
				break
			}
			initials, first = append([]byte{w[0]}, initials...), j
		}
		if string(initials) == acr {
			if r.spelledOut == nil {
				r.spelledOut = map[string]string{}
			}
			r.spelledOut[acr] = text[toks[first].Start:toks[k].End]
		}
	}
}

// otherSpelledOut reports whether the article spells acronym acr out as a
// name that neither holds nor is held by canon, the gazetteer's name:
// "Guyana Defence Force (GDF)" is not the Guardia di Finanza.
func (r *run) otherSpelledOut(acr, canon string) bool {
	name, ok := r.spelledOut[acr]
	if !ok {
		return false
	}
	a, b := strings.ToLower(name), strings.ToLower(canon)
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return false
	}
	var initials []byte // the gazetteer name's: "U.S. Immigration and Customs Enforcement" ends with ICE
	for _, w := range strings.Fields(canon) {
		if isCapitalised(w) {
			initials = append(initials, w[0])
		}
	}
	return !strings.HasSuffix(string(initials), acr)
}

func (r *run) findAgencies(sf *sentenceFacts) {
	toks := sf.toks
	var candBuf [8]agencyCand // most sentences name few
	cands := candBuf[:0]
	var found [8]match // the sentence's names stay on the stack
	for _, m := range r.x.gaz.appendFind(found[:0], toks, entAgency) {
		e := r.pickEntry(m.Entries)
		if e == nil {
			continue
		}
		if r.isNewsAgency(toks[m.I].Text, m.J-m.I) {
			continue
		}
		if strings.ContainsAny(sf.s.Text[toks[m.I].Start:toks[m.J-1].End], ",;:()") && !strings.ContainsAny(e.Canon, ",;:()") {
			continue // "in southwest Houston, police said" names no Houston Police
		}
		if m.I > 0 && strings.TrimSpace(sf.s.Text[toks[m.I-1].End:toks[m.I].Start]) == "(" && len(r.x.gaz.find(toks[m.I-1:m.I], entCommodity)) > 0 {
			continue // "methamphetamine (ICE) pills": a drug's street name
		}
		if m.J-m.I == 1 && insideLongerName(sf, m.I) {
			continue // "Inland Revenue Board": one word of another body's name, not Ireland's Revenue
		}
		if m.I > 0 && nameOpeners[toks[m.I-1].Lower] && isCapitalised(toks[m.I-1].Text) && adjacentSpace(sf, m.I-1, m.I) {
			continue // "Iraq's National Security Service": a longer name than the gazetteer's "Security Service", the patterns' to read
		}
		if m.J-m.I == 1 && m.J < len(toks) && !strings.EqualFold(toks[m.I].Text, e.Canon) && strings.ToUpper(toks[m.I].Text) != toks[m.I].Text && isCapitalised(toks[m.J].Text) &&
			(r.x.titleTest()(toks[m.J]) || toks[m.J].Lower == "station") {
			continue // "Garda Commissioner Drew Harris", "Garda Station": an office or a building, named by the body's short name (not its acronym: "NCA Director")
		}
		if m.J-m.I == 1 && r.otherSpelledOut(toks[m.I].Text, e.Canon) {
			continue // "Guyana Defence Force (GDF)": the article's GDF, not the gazetteer's GdF
		}
		c := agencyCand{i: m.I, j: m.J, name: e.Canon, country: e.Country, gaz: true}
		if w := toks[m.I].Text; m.J-m.I == 1 && isAllCaps(w) && e.Form != w && strings.ToUpper(e.Form) == w && e.Form != strings.ToLower(e.Form) &&
			r.country != "" && e.Country != r.country && e.Country != "INT" {
			// "a GDF helicopter" in Guyana: an acronym written otherwise than the
			// gazetteer's "GdF", of another country's body: the article's own body
			c.name, c.country = w, ""
		}
		if full, ok := r.byFirstWord[toks[m.I].Text]; ok && m.J-m.I == 1 {
			c.name, c.country = full, "" // "Revenue" for the article's "Revenue Customs Service"
		}
		if k := r.localUnitFrom(sf, m.I, m.J); k < m.I {
			// "Northern Rockies RCMP": a force's local unit, named by its place.
			c.i, c.name, c.gaz = k, sf.s.Text[toks[k].Start:toks[m.J-1].End], false
		} else if unit, ok := r.localUnits[toks[m.I].Text]; ok && m.J-m.I == 1 && unit != "" {
			c.name = unit // "RCMP say ..." after "Northern Rockies RCMP announced ..."
		}
		cands = append(cands, c)
	}
	// A pattern name wraps a gazetteer name of several words only to add a
	// modifier ("Specialist Border Force"): keep the gazetteer's. A name
	// after "for the" or "of" is what the pattern's body serves ("District
	// Court for the Southern District of New York"): keep the pattern's.
	gazCands := cands
	for _, p := range r.patternAgencies(sf) {
		wraps := false
		for _, g := range gazCands {
			served := g.i > p.i && (toks[g.i-1].Lower == "the" || toks[g.i-1].Lower == "of" || toks[g.i-1].Lower == "for")
			wraps = wraps || g.j-g.i >= 2 && g.i >= p.i && g.j <= p.j && !served
		}
		if !wraps {
			cands = append(cands, p)
		}
	}
	// A bare "Customs" means the article's one customs service, where it names one.
	for i := range toks {
		t := &toks[i]
		if t.Text != "Customs" && t.Text != "Gendarmerie" && t.Text != "Carabinieri" {
			continue
		}
		var hits []string
		for _, a := range r.out.Agencies {
			if strings.Contains(a.Name, t.Text) && len(a.Country) == 2 {
				hits = append(hits, a.Name)
			}
		}
		if len(hits) == 1 {
			cands = append(cands, agencyCand{i: i, j: i + 1, name: hits[0]})
		}
	}
	// Longer names win; between equals, the gazetteer's canonical name.
	slices.SortStableFunc(cands, func(a, b agencyCand) int {
		if la, lb := a.j-a.i, b.j-b.i; la != lb {
			return lb - la
		}
		switch {
		case a.gaz && !b.gaz:
			return -1
		case b.gaz && !a.gaz:
			return 1
		}
		return 0
	})
	var coveredBuf [64]bool
	covered := coveredBuf[:0]
	if len(toks) > len(coveredBuf) {
		covered = make([]bool, len(toks))
	} else {
		covered = coveredBuf[:len(toks)]
	}
	var accepted []agencyCand
	for _, c := range cands {
		free := true
		for k := c.i; k < c.j; k++ {
			free = free && !covered[k]
		}
		if !free {
			continue
		}
		for k := c.i; k < c.j; k++ {
			covered[k] = true
		}
		accepted = append(accepted, c)
	}
	slices.SortFunc(accepted, func(a, b agencyCand) int { return a.i - b.i })
	for _, c := range accepted {
		if c.j < len(toks) && notAgencyAfter[toks[c.j].Text] && strings.TrimSpace(sf.s.Text[toks[c.j-1].End:toks[c.j].Start]) == "" {
			continue // "Kent Police Federation", "South West Police Heritage Trust": another kind of body
		}
		r.rule = "agency.pattern"
		if c.gaz {
			r.rule = "agency.gazetteer"
			if c.j-c.i == 2 && genericHeads[toks[c.i+1].Lower] && r.isDemonym(toks[c.i:c.i+1]) && !r.namedInFull(c.name) {
				continue // "Montenegrin police", a listed alias, but generic where the force goes unnamed (agency.demonym)
			}
			if r.otherCountrysBody(toks, c) {
				continue // "Jakarta's metropolitan police" is not London's Metropolitan Police
			}
			if c.j-c.i == 1 && rankAcronyms[toks[c.i].Text] && c.j < len(toks) && isCapitalised(toks[c.j].Text) && !toks[c.j].in(setAgencyHead, agencyHeads) {
				continue // "DCI Ford": a detective's rank before a name, not Kenya's Directorate of Criminal Investigations
			}
		}
		r.addAgencyMention(sf, c.name, c.country, toks[c.i].Start, toks[c.j-1].End)
		if c.placeEnd > 0 {
			place := sf.s.Text[toks[c.i].Start:toks[c.placeEnd-1].End]
			if k, ok := r.agencyIdx[sf.agencies[len(sf.agencies)-1].Name]; ok && c.j == c.placeEnd {
				a := &r.out.Agencies[k]
				a.Aliases = slices.DeleteFunc(a.Aliases, func(s string) bool { return s == place })
			}
			if name, country, kind, ok := r.knownPlace(sf, toks, c.i, c.placeEnd); ok {
				r.addPlace(sf, name, country, kind, mention{Name: name, Surface: place, Start: toks[c.i].Start, End: toks[c.placeEnd-1].End})
			}
		}
	}
	r.rule = "agency.acronym"
	r.findAcronymAgencies(sf)
	var lowerAgencies [][]int
	if strings.Contains(sf.low, "prosecutor") { // a cheap test before the costly one
		lowerAgencies = lowerAgencyScan.findAll(sf.s.Text)
	}
	r.rule = "agency.prosecutors-office"
	for _, loc := range lowerAgencies {
		if overlapsMention(sf.agencies, loc[0], loc[1]) {
			continue
		}
		from := r.placeBefore(sf, toks, loc[0]) // "the Hamburg public prosecutor's office": the city's
		r.addAgencyMention(sf, sf.s.Text[from:loc[0]]+titleCase(sf.s.Text[loc[0]:loc[1]]), r.country, from, loc[1])
		sf.agencies[len(sf.agencies)-1].Surface = sf.s.Text[from:loc[1]]
	}
	r.rule = "agency.demonym"
	// "Dutch police" where the article names the Dutch National Police: the
	// force again, by its adjective, unless it closes a list of several
	// ("Danish, Swiss and Moldovan police").
	for _, m := range r.x.gaz.appendFind(found[:0], toks, entDemonym) {
		if covered[m.I] || m.J >= len(toks) {
			continue
		}
		if m.I > 1 && (toks[m.I-1].Lower == "and" || toks[m.I-1].Lower == "or") && r.isDemonym(toks[m.I-2:m.I-1]) ||
			m.I > 0 && strings.HasSuffix(strings.TrimSpace(sf.s.Text[:toks[m.I].Start]), ",") && r.isDemonym(toks[m.I-1:m.I]) {
			continue
		}
		if overlapsMention(sf.agencies, toks[m.I].Start, toks[m.J-1].End) {
			continue
		}
		for n := 3; n >= 1; n-- {
			if m.J+n > len(toks) || !demonymHeads[joinLower(toks[m.J:m.J+n])] {
				continue
			}
			end := m.J + n
			surface := sf.s.Text[toks[m.I].Start:toks[end-1].End]
			e := m.Entries[0]
			key := e.Form + " " + lastHead(joinLower(toks[m.J:end]))
			// The country's force by its gazetteer name: "Dutch police" is the Dutch National Police.
			fulls := []string{" National Police", " Federal Police", " Police"}
			if h := lastHead(joinLower(toks[m.J:end])); h == "gendarmes" || h == "gendarmerie" {
				fulls = []string{" Gendarmerie", " National Gendarmerie"}
			} else if h == "marines" || h == "navy" {
				fulls = []string{" Navy"} // "Mexican marines" are the Mexican Navy's
			} else if h != "police" {
				fulls = nil
			}
			named := false
			for _, full := range fulls {
				if es := r.x.gaz.lookup(tokenize(e.Form+full), map[entryKind]bool{entAgency: true}); len(es) == 1 {
					key, named = es[0].Canon, true
					break
				}
			}
			// A country's police, prosecutors or customs by its adjective alone
			// are generic (ANNOTATION.md: "Belgian authorities" name no agency),
			// unless the article also names the force in full: then it is that
			// force, said again. (A country's army, navy or gendarmerie is one.)
			if genericHeads[lastHead(joinLower(toks[m.J:end]))] && (!named || !r.namedInFull(key)) {
				break
			}
			r.addAgencyMention(sf, key, e.Country, toks[m.I].Start, toks[end-1].End)
			sf.agencies[len(sf.agencies)-1].Surface = surface
			break
		}
	}
	r.rule = "agency.place-police"
	r.findPlacePolice(sf, toks)
	r.rule = "agency.customs"
	r.findBareCustoms(sf, toks)
	r.rule = "agency.service"
	r.findBareServices(sf, toks)
	slices.SortFunc(sf.agencies, func(a, b mention) int { return a.Start - b.Start })
}

// insideLongerName reports whether word i, no acronym, stands between two
// capitalised words of one name ("Inland Revenue Board"), the first not
// opening the sentence.
func insideLongerName(sf *sentenceFacts, i int) bool {
	toks := sf.toks
	if i < 2 || i+1 >= len(toks) || strings.ToUpper(toks[i].Text) == toks[i].Text {
		return false
	}
	return isCapitalised(toks[i-1].Text) && adjacentSpace(sf, i-1, i) && isCapitalised(toks[i+1].Text) && adjacentSpace(sf, i, i+1)
}

// nameOpeners are the words that open a body's name as part of it: a body
// the gazetteer lists without one is another body ("National Security
// Service" is not the "Security Service").
var nameOpeners = wordSet("national federal central general state provincial regional royal special supreme")

// findPlacePolice reads a place's name before "police" or "customs" as
// that place's force: "Malacca police chief ...", "Colombia's police
// arrested 31", "Shenzhen customs seized ...". A
// city's or a region's police is a force of its own (ANNOTATION.md keeps
// "Berlin police"); a country's adjective ("Peruvian police") is not a
// place, and stays with agency.demonym.
func (r *run) findPlacePolice(sf *sentenceFacts, toks []token) {
	if !strings.Contains(sf.low, "police") && !strings.Contains(sf.low, "customs") {
		return
	}
	for k := 1; k < len(toks); k++ {
		if toks[k].Lower != "police" && toks[k].Lower != "customs" || overlapsMention(sf.agencies, toks[k].Start, toks[k].End) {
			continue
		}
		if k+1 < len(toks) && isCapitalised(toks[k+1].Text) && adjacentSpace(sf, k, k+1) {
			continue // "Malacca Police Contingent": a longer name, the patterns' to read
		}
		end := k    // the place's last token
		level := "" // "the Kuala Muda district police": the level of the force, between the place and "police"
		if toks[k].Lower == "police" && k > 1 && policeLevelWords[toks[k-1].Text] && adjacentSpace(sf, k-1, k) {
			level, end = titleCase(toks[k-1].Text)+" ", k-1
		} else if toks[k].Lower == "police" && k > 2 && toks[k-1].Text == "military" && policeLevelWords[toks[k-2].Text] && adjacentSpace(sf, k-2, k-1) && adjacentSpace(sf, k-1, k) {
			level, end = titleCase(toks[k-2].Text)+" Military ", k-2 // "the Preah Sihanouk provincial military police"
		}
		if isPossessiveS(toks[end-1]) && level == "" {
			end = k - 1
		}
		if end < 1 || !isCapitalised(toks[end-1].Text) {
			continue
		}
		if sep := sf.s.Text[toks[end-1].End:toks[end].Start]; end == k && sep != " " {
			continue // "in Malacca, police said": no name of a force
		}
		start := end - 1
		for start > 0 && end-start < 4 && isCapitalised(toks[start-1].Text) && adjacentSpace(sf, start-1, start) { // ("Ho Chi Minh City police")
			start--
		}
		// The longest place that ends before "police" and starts no later than start.
		for i := start; i < end; i++ {
			if i > 0 && isCapitalised(toks[i-1].Text) && adjacentSpace(sf, i-1, i) && i-1 > 0 {
				continue // inside a longer capitalised name
			}
			if r.isDemonym(toks[i:end]) || overlapsMention(sf.agencies, toks[i].Start, toks[end-1].End) {
				break
			}
			name, country, kind, ok := r.knownPlace(sf, toks, i, end)
			if !ok {
				continue
			}
			head, last := level+titleCase(toks[k].Lower), k
			if toks[k].Lower == "police" && kind != "country" && k+1 < len(toks) && policeBodyWords[toks[k+1].Lower] != "" && adjacentSpace(sf, k, k+1) {
				// "the Clovis police department", "the Kedah state police force" (a country's is no one force)
				head, last = level+"Police "+policeBodyWords[toks[k+1].Lower], k+1
			}
			place := sf.s.Text[toks[i].Start:toks[end-1].End]
			r.addAgencyMention(sf, place+" "+head, "", toks[i].Start, toks[last].End)
			sf.agencies[len(sf.agencies)-1].Surface = sf.s.Text[toks[i].Start:toks[last].End]
			// The place is named too, as a noun: "Jakarta police" is in Jakarta.
			r.addPlace(sf, name, country, kind, mention{Name: name, Surface: place, Start: toks[i].Start, End: toks[end-1].End})
			break
		}
	}
}

// placeBefore returns where a town's or a region's name (no country's)
// starts, right before byte at of the sentence and a space, or at itself.
func (r *run) placeBefore(sf *sentenceFacts, toks []token, at int) int {
	k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= at })
	if k == 0 || k == len(toks) || sf.s.Text[toks[k-1].End:at] != " " {
		return at
	}
	for i := max(0, k-4); i < k; i++ {
		if !isCapitalised(toks[i].Text) || i > 0 && toks[i-1].Lower != "the" && isCapitalised(toks[i-1].Text) && adjacentSpace(sf, i-1, i) {
			continue // (not inside a longer capitalised name)
		}
		if _, _, kind, ok := r.knownPlace(sf, toks, i, k); ok && kind != "country" && !r.isDemonym(toks[i:k]) {
			return toks[i].Start
		}
	}
	return at
}

// policeBodyWords, in lower case after a place's "police", end the
// force's name, as its head is written in capitals.
var policeBodyWords = map[string]string{"department": "Department", "departments": "Department", "force": "Force", "service": "Service"}

// policeLevelWords, in lower case between a place and "police", tell the
// level of the force: "Sukhothai provincial police".
var policeLevelWords = wordSet("district provincial state city county municipal regional metropolitan prefectural")

// knownPlace gives the name, country and kind of the place toks[i:j] is
// in the gazetteers, and whether it is one.
func (r *run) knownPlace(sf *sentenceFacts, toks []token, i, j int) (name, country, kind string, ok bool) {
	if m, ok := r.x.gaz.findAt(toks[i:j], entPlace); ok && m.J == j-i {
		e := m.Entries[0]
		return e.Canon, e.Country, e.Sub, true
	}
	if r.x.open == nil {
		return "", "", "", false
	}
	if places := r.x.open.Lookup(spanKey(sf, toks[i].Start, toks[j-1].End)); len(places) > 0 {
		p := r.pickOpen(sf, places)
		kind := p.Kind
		if kind == "district" {
			kind = "region"
		}
		return sf.s.Text[toks[i].Start:toks[j-1].End], p.Country, kind, true
	}
	return "", "", "", false
}

// findBareCustoms reads "Customs" alone, capitalised, as the customs
// agency of the article's country where the gazetteer lists one: "Customs
// arrested two men at Auckland Airport" (New Zealand Customs Service).
func (r *run) findBareCustoms(sf *sentenceFacts, toks []token) {
	if r.country == "" || !strings.Contains(sf.s.Text, "Customs") {
		return
	}
	name := r.x.gaz.customs[r.country]
	if name == "" {
		return
	}
	for k, t := range toks {
		if t.Text != "Customs" || overlapsMention(sf.agencies, t.Start, t.End) {
			continue
		}
		if k+1 < len(toks) && isCapitalised(toks[k+1].Text) && adjacentSpace(sf, k, k+1) ||
			k > 1 && isCapitalised(toks[k-1].Text) && adjacentSpace(sf, k-1, k) && !r.isDemonym(toks[k-1:k]) {
			continue // a part of a longer name the passes above read or left ("BANGKOK – Thai Customs" is the country's)
		}
		r.addAgencyMention(sf, name, r.country, t.Start, t.End)
	}
}

// findBareServices reads "the Navy", "the Army" or "the Air Force",
// capitalised and alone, as that service of the article's country where
// the gazetteer lists one ("Portuguese Navy"), else by the word itself:
// the written word becomes an alias.
func (r *run) findBareServices(sf *sentenceFacts, toks []token) {
	if !strings.Contains(sf.s.Text, "Navy") && !strings.Contains(sf.s.Text, "Army") && !strings.Contains(sf.s.Text, "Air Force") {
		return
	}
	for k := 1; k < len(toks); k++ {
		w, end := toks[k].Text, k+1
		if w == "Air" && k+1 < len(toks) && toks[k+1].Text == "Force" && adjacentSpace(sf, k, k+1) {
			w, end = "Air Force", k+2
		} else if w != "Navy" && w != "Army" {
			continue
		}
		start, stop := toks[k].Start, toks[end-1].End
		if toks[k-1].Lower != "the" || overlapsMention(sf.agencies, start, stop) ||
			end < len(toks) && isCapitalised(toks[end].Text) && adjacentSpace(sf, end-1, end) {
			continue // only "the Navy" alone: "the Navy Seals", "Nigerian Navy" are others' to read
		}
		name := w
		if n := r.x.gaz.services[[2]string{w, r.country}]; n != "" {
			name = n
		}
		r.addAgencyMention(sf, name, r.country, start, stop)
	}
}

// otherCountrysBody reports whether a listed agency's name is written in
// lower case only, or after a place of another country and "'s": then it
// names another body of that kind ("Jakarta's metropolitan police").
func (r *run) otherCountrysBody(toks []token, c agencyCand) bool {
	lower := true
	for _, t := range toks[c.i:c.j] {
		if isCapitalised(t.Text) || strings.ToUpper(t.Text) == t.Text {
			lower = false
		}
	}
	if lower {
		return true
	}
	if c.i < 2 || !isPossessiveS(toks[c.i-1]) || c.country == "" || c.country == "INT" {
		return false
	}
	es := r.x.gaz.lookup(toks[c.i-2:c.i-1], map[entryKind]bool{entPlace: true})
	return len(es) > 0 && es[0].Country != "" && es[0].Country != "-" && es[0].Country != c.country
}

// notAgencyAfter are the capitalised words that, after an agency's name,
// make it the name of a body of another kind: a staff association, a
// charity, a museum, a college.
var notAgencyAfter = wordSet("Federation Trust Museum College Heritage Foundation Association Band Memorial Charity Station Barracks Post Headquarters District Precinct Zone " +
	"Benevolent Choir Club Academy Awards Union Fund Society Sports Federation's Trust's")

// rankAcronyms are police ranks written short before a name.
var rankAcronyms = wordSet("DCI DI DS DC PC DSU DCS ACC DCC PS PCSO")

// regionKindWords after a city's name make it a region's: "Perth County".
var regionKindWords = wordSet("County Province District Region Governorate Prefecture Municipality Oblast Division")

// adjacentSpace reports whether tokens a and b of sf stand one space apart.
func adjacentSpace(sf *sentenceFacts, a, b int) bool {
	return sf.s.Text[sf.toks[a].End:sf.toks[b].Start] == " "
}

// crimeGroupBodyWords in a "... Crime Group" name make it a police body's.
var crimeGroupBodyWords = wordSet("national serious regional drug drugs") // (an "Organised Crime Group" is most often the criminals)

// genericHeads are the bodies a country has many of, or names generically
// by its adjective: "Peruvian police", "Polish customs", "Italian prosecutors".
var genericHeads = wordSet("police prosecutors customs")

// namedInFull reports whether the article names the agency name by a
// name of its own: one of its names read already, or name itself anywhere.
func (r *run) namedInFull(name string) bool {
	if _, ok := r.agencyIdx[name]; ok {
		return true
	}
	if r.docLow == "" {
		r.docLow = strings.ToLower(r.doc.Text) // once an article, where a name is asked about
	}
	return strings.Contains(r.docLow, strings.ToLower(name))
}

// lastHead folds "national police force" and "police" into one agency per country.
func lastHead(h string) string {
	if strings.Contains(h, "police") {
		return "police"
	}
	return h
}

// pickEntry chooses among the agencies a name may mean: the one already
// named in full in this article, else one from the article's country.
func (r *run) pickEntry(es []*entry) *entry {
	if len(es) == 1 {
		return es[0]
	}
	for _, e := range es {
		if _, ok := r.agencyIdx[e.Canon]; ok {
			return e
		}
	}
	for _, sf := range r.sents { // named in full anywhere in the article
		for _, e := range es {
			if strings.Contains(sf.s.Text, e.Canon) {
				return e
			}
		}
	}
	for _, e := range es {
		if e.Country == r.country {
			return e
		}
	}
	return nil
}

// isAgencyName reports whether capitalised words name an agency by their head.
func (r *run) isAgencyName(toks []token) bool {
	if len(toks) < 2 || toks[len(toks)-1].in(setNameConnector, nameConnectors) {
		return false
	}
	// The last two words, without the "s" of possessives: "Sheriff's Office" -> sheriff office.
	var last, prev string
	lastTok := -1
	n := 0
	for k := len(toks) - 1; k >= 0 && n < 2; k-- {
		if isPossessiveS(toks[k]) {
			continue
		}
		if n == 0 {
			last, lastTok = toks[k].Lower, k
		} else {
			prev = toks[k].Lower
		}
		n++
	}
	if n < 2 {
		return false
	}
	// "Ministry of ...", "Department of Wildlife and Forest Protection",
	// "Secretariat of Public Security": a body's word, "of", its remit.
	remit := false
	if k := slices.IndexFunc(toks, func(t token) bool { return t.Lower == "of" }); k >= 1 && k <= 3 && k+1 < len(toks) {
		// ("National Administration of Conservation Areas"; "Ministry of the Interior", but
		// "Main Investigation Department of the National Police" is a unit, then its force)
		remit = ofHeads[toks[k-1].Lower] && isCapitalised(toks[k-1].Text) && !slices.ContainsFunc(toks[:k], isPossessiveS) &&
			(toks[k+1].Lower != "the" || toks[k-1].Lower == "ministry" || toks[k-1].Lower == "office") &&
			(toks[k-1].Lower != "office" || toks[k+1].Lower == "the") // an office of a post: "Office of the Special Prosecutor"
	}
	if !remit && !agencyTwoHeadLasts[last] && !toks[lastTok].in(setAgencyHead, agencyHeads) {
		return false // (what follows needs one of these; most runs of capitals have none)
	}
	if titledPerson(toks) || personInName(toks) {
		return false // "Detective Chief Inspector Sam Patel of West Midlands Police"
	}
	two := prev + " " + last
	if two == "press agency" || two == "news agency" || two == "news service" {
		return false // "Polish Press Agency": a news agency reports, it is no body of the state's force
	}
	if remit {
		return true
	}
	if n == 2 && len(toks) == 2 && (two == "task force" || two == "task forces") {
		return false // "the Task Force": which one, the text said before
	}
	if last == "group" && toks[0].Text == "Anti" {
		return true // "Anti-Cybercrime Group", "Anti-Kidnapping Group": a unit against a crime
	}
	if agencyTwoHeads[two] {
		if two == "crime group" {
			// "National Crime Group", "Drug and Serious Crime Group": a body; "the Kinahan crime group" is none
			return slices.ContainsFunc(toks, func(t token) bool { return crimeGroupBodyWords[t.Lower] })
		}
		return true
	}
	if !agencyHeads[last] || (last == "division" || last == "section") && (prev == "field" || len(toks) < 3) {
		// "the Chicago Field Division of the ATF": the agency's own office in a
		// city; "the Central Division", "ACP, Criminal Division, ...": a
		// force's district, a post's unit
		return false
	}
	// "Task Force", "Laboratory Service" of a known agency and the like are units, not agencies.
	if m := r.x.gaz.find(toks[:1], entAgency); len(m) > 0 && len(toks) <= 3 {
		return false
	}
	for _, t := range toks {
		if t.Lower == "operation" || t.Lower == "project" {
			return false
		}
	}
	return true
}

// withKeys adds the keys of from to m and returns m.
func withKeys(from, m map[string]bool) map[string]bool {
	maps.Copy(m, from)
	return m
}

// ofHeads open a body's name before "of" and its remit.
var ofHeads = wordSet("ministry department directorate secretariat bureau office commission administration inspectorate")

// personInName reports whether a run of capitalised words holds a
// person's post, which no body's name does: "Public Information Officer
// III Jo Cruz of PDEA-Zonal Office" is a person, then the body.
func personInName(toks []token) bool {
	return slices.ContainsFunc(toks, func(t token) bool { return personPosts[t.Lower] })
}

var personPosts = wordSet("officer inspector sergeant constable spokesperson spokesman spokeswoman superintendent")

func (r *run) addAgencyMention(sf *sentenceFacts, name, country string, start, end int) {
	surface := sf.s.Text[start:end]
	possessive := strings.HasPrefix(sf.s.Text[end:], "'s") || strings.HasPrefix(sf.s.Text[end:], "’s")
	if as, ok := r.agencyAs[name]; ok {
		name = as // "CBŚP" again, after "Central Investigation Bureau (CBŚP)"
	}
	if n := len(sf.agencies); n > 0 && sf.agencies[n-1].Name != name && bracketed(sf.s.Text, sf.agencies[n-1].End, start, end) {
		// "the Defence Ministry (Sedena)": the name in brackets is the one
		// before it, written another way, here and wherever it comes again.
		r.agencyAs[name] = sf.agencies[n-1].Name
		name = sf.agencies[n-1].Name
	}
	sf.agencies = append(sf.agencies, mention{Name: name, Surface: surface, Start: start, End: end, Possessive: possessive})
	idx, ok := r.agencyIdx[name]
	if !ok {
		idx, ok = r.sameAgencyLonger(name)
	}
	if !ok {
		idx = len(r.out.Agencies)
		r.agencyIdx[name] = idx
		r.out.Agencies = append(r.out.Agencies, Agency{Name: name, Country: country, Evidence: r.evidence(sf, 0.9)})
	}
	a := &r.out.Agencies[idx]
	if surface != a.Name && !contains(a.Aliases, surface) {
		a.Aliases = append(a.Aliases, surface)
	}
	if q := r.countryBefore(sf.s.Text[:start]); q != "" {
		// "The U.S. Justice Department", "Thai Customs": the text's own form
		// of the name, its country's word before it.
		if full := q + " " + surface; full != a.Name && !contains(a.Aliases, full) {
			a.Aliases = append(a.Aliases, full)
		}
	}
}

// countryWords are the words for a union of countries written before a
// body's name ("EU Border Agency"), which the gazetteer lists as a region;
// countries' short forms ("US", "U.K.") are its countries' aliases.
var countryWords = map[string]bool{"EU": true, "E.U.": true}

// countryBefore is the country's name or word that ends before, right
// before a body's name ("U.S.", "United States", "Thai"), or "".
func (r *run) countryBefore(before string) string {
	if !strings.HasSuffix(before, " ") {
		return ""
	}
	before = before[:len(before)-1]
	if before == "" || strings.ContainsAny(before[len(before)-1:], ",:;)\"”'’") {
		return "" // "Slovakia: Regional Prosecutor's Office", "Syria, Interpol": a list or a label, no name
	}
	from := len(before)
	for n := 1; n <= 3; n++ { // a name of up to three words: "United States", "United Arab Emirates"
		k := strings.LastIndexAny(before[:from], " \n\t(\"“") + 1
		if k >= len(before) || !isCapitalised(before[k:]) {
			return ""
		}
		from = k
		w := before[from:]
		if n == 1 && countryWords[w] {
			return w
		}
		var tb [4]token
		ts := appendTokens(tb[:0], w)
		if m, ok := r.x.gaz.findAt(ts, entPlace); ok && m.J == len(ts) && m.Entries[0].Sub == "country" {
			return w
		}
		if n == 1 && r.isDemonym(ts) {
			return w
		}
		if from == 0 || before[from-1] != ' ' {
			return ""
		}
		from--
	}
	return ""
}

// sameAgencyLonger finds an agency already named that name names too, with
// or without a last word that adds nothing ("Cornwall Police" and "Cornwall
// Police Service").
func (r *run) sameAgencyLonger(name string) (int, bool) {
	for idx := range r.out.Agencies {
		long, short := name, r.out.Agencies[idx].Name
		if len(long) < len(short) {
			long, short = short, long
		}
		// long is short, a space and a suffix (no string made to test it)
		if n := len(short); len(long) > n && long[n] == ' ' && long[:n] == short && agencySuffixes[long[n+1:]] {
			return idx, true
		}
	}
	return 0, false
}

// pronounPossessives before a name make it part of what they stand for.
var pronounPossessives = map[string]bool{"its": true, "it's": true, "their": true, "our": true}

// agencySuffixes are the last words that a force's name may be written with or without.
var agencySuffixes = map[string]bool{"Service": true, "Force": true, "Department": true, "Agency": true}

func overlapsMention(ms []mention, start, end int) bool {
	for _, m := range ms {
		if start < m.End && m.Start < end {
			return true
		}
	}
	return false
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if w == "of" || w == "and" {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = strings.ToUpper(string(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// --- places, platforms, groups ---

// portScan finds ports, airports and the like by name: "Port of Gioia
// Tauro", "Heathrow Airport Terminal 2", "Mumbai international airport",
// "the Brickstone Hotel", "the Al Haditha land border crossing".
var portScan = newWordStartScan(`\b(Port of [A-Z][\w-]+(?: [A-Z][\w-]+){0,2}|(?:[A-Z][\w-]+ ){1,3}(?:Port|(?:International |international )?(?:Airport|airport)(?: Terminal \d)?|Harbour|Harbor|Hotel|(?:[Ll]and )?(?:[Bb]order [Cc]rossing)|[Bb]us [Ss]top)(?: of Entry)?)\b`,
	func(s string, p int) bool { return s[p] >= 'A' && s[p] <= 'Z' })

// mayNamePort is a cheap test that portScan needs to pass: "Port", "Harbour"
// or "Harbor" ending a word ("Portugal" names none; "Port of" is one), or
// the words of an airport, hotel, border crossing or bus stop. It reads s
// once, stopping at the rarer bytes of those words only (portBytes): a
// table look-up a byte costs less than searching for each word in turn.
func mayNamePort(s string) bool {
	for i := 0; i < len(s); i++ {
		if !portBytes[s[i]] {
			continue
		}
		switch s[i] {
		case 'P':
			if strings.HasPrefix(s[i:], "Port") && (i+4 == len(s) || !isWordASCII(s[i+4])) {
				return true
			}
		case 'H':
			r := s[i:]
			if strings.HasPrefix(r, "Hotel") {
				return true
			}
			for _, w := range [...]string{"Harbour", "Harbor"} {
				if strings.HasPrefix(r, w) && (len(r) == len(w) || !isWordASCII(r[len(w)])) {
					return true
				}
			}
		case 'p': // the p of "irport", the last byte of "us stop"
			if i >= 2 && strings.HasPrefix(s[i-2:], "irport") ||
				i >= 6 && (s[i-6:i+1] == "us stop" || s[i-6:i+1] == "us Stop") {
				return true
			}
		case 'g':
			if i >= 6 && s[i-6:i+1] == "rossing" {
				return true
			}
		}
	}
	return false
}

var portBytes = [256]bool{'P': true, 'H': true, 'p': true, 'g': true}

func (r *run) findNamed(sf *sentenceFacts) {
	r.rule = "gazetteer"
	var found [8]match // the sentence's names stay on the stack
	ms := r.x.gaz.appendFind(found[:0], sf.toks, entPlace, entPlatform, entGroup)
	for _, m := range ms {
		if overlapsMention(sf.agencies, sf.toks[m.I].Start, sf.toks[m.J-1].End) {
			continue // "Dublin" in "Dublin Metropolitan Region ... Unit"
		}
		e := m.Entries[0]
		for _, c := range m.Entries { // prefer the article's country for ambiguous names
			if c.Country == r.country {
				e = c
			}
		}
		mt := mention{Name: e.Canon, Surface: sf.s.Text[sf.toks[m.I].Start:sf.toks[m.J-1].End], Start: sf.toks[m.I].Start, End: sf.toks[m.J-1].End}
		switch e.Kind {
		case entPlace:
			if r.isAdjectiveUse(sf, m) || m.J < len(sf.toks) && streetWords[sf.toks[m.J].Lower] && isCapitalised(sf.toks[m.J].Text) {
				continue // "the Portland Drive address" names a street, not Portland
			}
			if notThePlace(sf, m, ms) {
				continue
			}
			if !strings.EqualFold(mt.Surface, e.Canon) && r.nameGoesOn(sf, m.J) {
				continue // "Rio Grande Valley" is not Rio de Janeiro: another name's first word
			}
			if m.J < len(sf.toks) && regionKindWords[sf.toks[m.J].Text] && adjacentSpace(sf, m.J-1, m.J) && e.Sub == "city" {
				// "Perth County", "Nairobi County": the county, not the city
				mt.End = sf.toks[m.J].End
				mt.Name, mt.Surface = sf.s.Text[mt.Start:mt.End], sf.s.Text[mt.Start:mt.End]
				sf.places = append(sf.places, mt)
				r.addPlace(sf, mt.Name, e.Country, "region", mt)
				continue
			}
			if r.usStateAfter(sf, m.J) && e.Country != "US" {
				// "Roma, Texas", "Paris, Texas": a town of that state, not the
				// city abroad the gazetteer knows by the name.
				e = &entry{Kind: entPlace, Canon: mt.Surface, Country: "US", Sub: "city"}
				for _, c := range m.Entries {
					if c.Country == "US" {
						e = c
					}
				}
				mt.Name = e.Canon
			}
			sf.places = append(sf.places, mt)
			r.addPlace(sf, e.Canon, e.Country, e.Sub, mt)
		case entPlatform:
			if overlapsMention(sf.operations, mt.Start, mt.End) {
				continue // "Operation Hydra" names no darknet market
			}
			mt.Name = r.platformName(e.Canon, mt.Surface)
			sf.platforms = append(sf.platforms, mt)
			r.addNamed(&r.out.Platforms, r.platIdx, sf, mt)
		case entGroup:
			if overlapsMention(sf.operations, mt.Start, mt.End) {
				continue
			}
			sf.groups = append(sf.groups, mt)
			r.addNamed(&r.out.Groups, r.groupIdx, sf, mt)
		}
	}
	if !mayNamePort(sf.s.Text) {
		return
	}
	for _, loc := range portScan.findAllAt(sf.s.Text, sf.starts) {
		// Words that only open the sentence or the phrase are not the port's: "At Dover Port".
		for _, w := range []string{"The ", "At ", "In ", "From ", "Near ", "To ", "A "} {
			if strings.HasPrefix(sf.s.Text[loc[0]:loc[1]], w) && strings.Count(sf.s.Text[loc[0]:loc[1]], " ") > 1 {
				loc[0] += len(w)
			}
		}
		name := sf.s.Text[loc[0]:loc[1]]
		if overlapsMention(sf.agencies, loc[0], loc[1]) || overlapsMention(sf.operations, loc[0], loc[1]) {
			continue
		}
		mt := mention{Name: name, Surface: name, Start: loc[0], End: loc[1]}
		// The port replaces the bare city it contains.
		kept := sf.places[:0]
		for _, p := range sf.places {
			if p.Start >= loc[0] && p.End <= loc[1] {
				r.dropPlaceIfUnused(p.Name, sf)
				continue
			}
			kept = append(kept, p)
		}
		sf.places = append(kept, mt)
		r.addPlace(sf, name, r.country, "port", mt)
	}
}

// notThePlace reports whether the gazetteer's place at m is part of another
// name: an airline's ("Qatar Airways", "an Emirates flight"), a longer
// name joined by a hyphen ("Baden-Wuerttemberg", but not a route of
// places: "Bulgaria-Serbia-Hungary"), a person's after a verb of saying
// ("said Chad Plantz"), or a strait's or sea's ("the Makassar Strait",
// which is another place). all are the sentence's gazetteer matches.
func notThePlace(sf *sentenceFacts, m match, all []match) bool {
	toks, text := sf.toks, sf.s.Text
	end := toks[m.J-1].End
	if end+1 < len(text) && text[end] == '-' && text[end+1] >= 'A' && text[end+1] <= 'Z' {
		return !slices.ContainsFunc(all, func(n match) bool {
			return toks[n.I].Start == end+1 && n.Entries[0].Kind == entPlace
		})
	}
	if m.I > 0 && toks[m.I-1].Text == "Air" {
		return true // "an Air India Express flight"
	}
	if m.I > 0 && vesselWords[toks[m.I-1].Lower] && text[toks[m.I-1].End:toks[m.I].Start] == " " {
		// (but "the countries in the operation: Argentina, Chile" lists places)
		return true // "the cutter Hamilton", "HMS Montrose", "Operation Monaco": a ship's or an operation's name
	}
	if m.J < len(toks) && toks[m.J].Text == "State" && text[end:toks[m.J].Start] == " " {
		return true // "Niger State": a state of Nigeria, not the country
	}
	if m.J == len(toks) || text[end:toks[m.J].Start] != " " {
		return false
	}
	next := toks[m.J]
	if airlineWords[next.Lower] && (isCapitalised(next.Text) || next.Lower == "flight" || next.Lower == "flights") {
		return true
	}
	if !isCapitalised(next.Text) {
		return false
	}
	if waterWords[next.Lower] {
		return true
	}
	if m.I > 0 && isCapitalised(toks[m.I-1].Text) && titleWords[toks[m.I-1].Lower] && m.J-m.I == 1 {
		return true // "Admiral Orlando Vargas": a first name after a title
	}
	return m.I > 0 && (sayVerbs[toks[m.I-1].Lower] || toks[m.I-1].Lower == "by") && m.J-m.I == 1 &&
		!placeTypeWords[next.Lower] && !dayOrMonth[next.Lower]
}

var (
	vesselWords    = wordSet("cutter hms hmcs hmas hmnzs usns usnv uscgc rfa hmbs vessel ship tanker trawler yacht operation op")
	airlineWords   = wordSet("airways airlines airline air flight flights")
	waterWords     = wordSet("strait straits sea gulf channel canal river lake")
	placeTypeWords = wordSet("city state province region island islands county district port airport bay coast valley area")
)

// isAdjectiveUse rejects a place name used as a modifier: "the UK’s biggest",
// "UK-wide", "Dutch-led"; "Antwerp area" is fine, and so is "a Lisbon-based
// gang", which says where the gang is.
func (r *run) isAdjectiveUse(sf *sentenceFacts, m match) bool {
	end := sf.toks[m.J-1].End
	rest := sf.s.Text[end:]
	return strings.HasPrefix(rest, "-wide") || strings.HasPrefix(rest, "-led") || isAdjectiveUseAfter(rest) || namesCurrency(rest)
}

// namesCurrency reports whether rest, after a place's name, makes the name
// part of a currency's: "US$ 12,000", "US dollars", "Hong Kong dollars".
func namesCurrency(rest string) bool {
	if strings.HasPrefix(rest, "$") || strings.HasPrefix(rest, " $") {
		return true // "US$ 12,000", "US $7mn"
	}
	w := skipSpaces(rest, 0)
	return w > 0 && wordAltAtFold(rest, w, []string{"dollars", "dollar", "currency"}) >= 0 // "$281,000 in U.S. currency"
}

func (r *run) addPlace(sf *sentenceFacts, name, country, kind string, m mention) {
	if _, ok := r.placeIdx[name]; ok {
		return
	}
	r.placeIdx[name] = len(r.out.Places)
	r.out.Places = append(r.out.Places, Place{Name: name, Country: country, Kind: kind, Evidence: r.evidence(sf, 0.8), written: m.Surface})
}

func (r *run) dropPlaceIfUnused(name string, current *sentenceFacts) {
	for _, sf := range r.sents {
		for _, p := range sf.places {
			if p.Name == name && sf != current {
				return
			}
		}
	}
	idx, ok := r.placeIdx[name]
	if !ok {
		return
	}
	r.out.Places = append(r.out.Places[:idx], r.out.Places[idx+1:]...)
	delete(r.placeIdx, name)
	for k, v := range r.placeIdx {
		if v > idx {
			r.placeIdx[k] = v - 1
		}
	}
}

func (r *run) addNamed(list *[]NamedThing, idx map[string]int, sf *sentenceFacts, m mention) {
	if _, ok := idx[m.Name]; ok {
		return
	}
	idx[m.Name] = len(*list)
	*list = append(*list, NamedThing{Name: m.Name, Evidence: r.evidence(sf, 0.9)})
}

// fillEmpty turns nil lists into empty ones, so the JSON has [] not null.
func (r *run) fillEmpty() {
	o := &r.out
	if o.Agencies == nil {
		o.Agencies = []Agency{}
	}
	if o.Operations == nil {
		o.Operations = []Operation{}
	}
	if o.Arrests == nil {
		o.Arrests = []Arrest{}
	}
	if o.Seizures == nil {
		o.Seizures = []Seizure{}
	}
	if o.People == nil {
		o.People = []Person{}
	}
	if o.Places == nil {
		o.Places = []Place{}
	}
	if o.Platforms == nil {
		o.Platforms = []NamedThing{}
	}
	if o.Groups == nil {
		o.Groups = []NamedThing{}
	}
	if o.Dates == nil {
		o.Dates = []Date{}
	}
	for i := range o.Agencies {
		if o.Agencies[i].Aliases == nil {
			o.Agencies[i].Aliases = []string{}
		}
	}
	for i := range o.Operations {
		op := &o.Operations[i]
		for _, l := range []*[]string{&op.Aliases, &op.Agencies, &op.Targets, &op.Locations} {
			if *l == nil {
				*l = []string{}
			}
		}
	}
}

func (r *run) isDemonym(toks []token) bool {
	return len(toks) > 0 && len(r.x.gaz.lookup(toks, map[entryKind]bool{entDemonym: true})) > 0
}

var acronymDefRe = regexp.MustCompile(`\(([A-Z][A-Z0-9&]{1,9}(?: [A-Z][A-Z0-9&]{1,9})?)\)`)

// findAcronymAgencies reads "Permanent Forum of International Pharmaceutical
// crime (PFIPC)": a name whose initials spell the bracketed acronym, in a
// sentence that already names an agency, is an agency too.
func (r *run) findAcronymAgencies(sf *sentenceFacts) {
	text := sf.s.Text
	if !strings.Contains(text, "(") {
		return
	}
	for _, m := range acronymDefRe.FindAllStringSubmatchIndex(text, -1) {
		acr := text[m[2]:m[3]]
		letters := strings.ReplaceAll(strings.ReplaceAll(acr, " ", ""), "&", "")
		if overlapsMention(sf.agencies, m[0], m[1]) {
			continue
		}
		r.scratch = sf.appendTokensBefore(r.scratch[:0], m[0]) // tokenize(text[:m[0]])
		toks := r.scratch
		k := len(letters) - 1
		first := -1
		for t := len(toks) - 1; t >= 0 && k >= 0; t-- {
			w := toks[t].Text
			if nameConnectors[toks[t].Lower] && k < len(letters)-1 {
				continue
			}
			if !strings.EqualFold(w[:1], letters[k:k+1]) {
				break
			}
			k--
			first = t
		}
		if k >= 0 || first < 0 {
			continue
		}
		start, end := toks[first].Start, toks[len(toks)-1].End
		if overlapsMention(sf.agencies, start, end) {
			// A known agency defining its acronym: the acronym is an alias.
			continue
		}
		if !isCapitalised(toks[first].Text) || !namesOrganisation(toks[first:]) {
			continue // "Business Email Compromise (BEC)", "joint investigation team (JIT)": no body's name
		}
		others := 0
		for _, a := range sf.agencies {
			if a.End <= start || a.Start >= m[1] {
				others++
			}
		}
		if others == 0 {
			continue
		}
		r.addAgencyMention(sf, text[start:end], "", start, end)
		a := &r.out.Agencies[r.agencyIdx[text[start:end]]]
		if !contains(a.Aliases, acr) {
			a.Aliases = append(a.Aliases, acr)
		}
	}
}

// dedupePlaces keeps one place per name once generic words are set aside:
// "Southampton Port" and "Southampton", "Co Cork" and "Cork".
// The longer name is kept ("Metro Manila" over "Manila").
func (r *run) dedupePlaces() {
	seen := map[string]int{}
	out := r.out.Places[:0] // in place: a place is read before any is written over it
	for _, p := range r.out.Places {
		core := placeCore(p.Name)
		if isFacility(p.Name) {
			core = "facility " + core // "Mumbai international airport" is a place of its own beside Mumbai
		}
		if k, ok := seen[core]; ok {
			if len(p.Name) > len(out[k].Name) && !strings.Contains(strings.ToLower(p.Name), "port") {
				p.Evidence = append(out[k].Evidence, p.Evidence...)
				out[k] = p
			}
			continue
		}
		seen[core] = len(out)
		out = append(out, p)
	}
	r.out.Places = out
}

// writtenNames names each place as the article wrote it where that is
// another name of the gazetteer's place ("Burma", "DR Congo", "South East
// Asia"), keeping the gazetteer's as Canonical; not abbreviations or
// capitals ("Ark.", "NSW", "PUTRAJAYA"), which the gazetteer's name spells out.
func (r *run) writtenNames() {
	for k := range r.out.Places {
		p := &r.out.Places[k]
		w := strings.TrimSpace(p.written)
		if w == "" || len(w) < 4 || strings.ContainsAny(w, ".'’") || isAllCaps(w) ||
			strings.Contains(strings.ToLower(p.Name), strings.ToLower(w)) || strings.Contains(strings.ToLower(w), strings.ToLower(p.Name)) || placeCore(w) == placeCore(p.Name) {
			continue // (a part of the name, "Rotterdam" of "Port of Rotterdam", stays the whole; "Co Louth" is County Louth)
		}
		p.Canonical, p.Name = p.Name, w
	}
}

var genericPlaceWords = map[string]bool{"port": true, "of": true, "the": true, "city": true, "county": true, "co": true,
	"province": true, "region": true, "state": true, "district": true, "airport": true, "international": true,
	"harbour": true, "harbor": true, "area": true, "greater": true, "metropolitan": true, "metro": true}

// placeCore is a place's name in lower case without its generic words,
// joined by spaces. Its tokens stay on the stack: a place's name has few.
func placeCore(name string) string {
	var buf [8]token
	toks := appendTokens(buf[:0], name)
	n, size := 0, 0
	for _, t := range toks {
		if !genericPlaceWords[t.Lower] {
			n, size = n+1, size+len(t.Lower)
		}
	}
	switch n {
	case 0:
		return strings.ToLower(name)
	case 1:
		for _, t := range toks {
			if !genericPlaceWords[t.Lower] {
				return t.Lower
			}
		}
	}
	var b strings.Builder
	b.Grow(size + n - 1)
	sep := ""
	for _, t := range toks {
		if !genericPlaceWords[t.Lower] {
			b.WriteString(sep)
			b.WriteString(t.Lower)
			sep = " "
		}
	}
	return b.String()
}

// platformName names a platform as the article first writes it ("AN0M"),
// so one article's spelling stays consistent across its facts.
func (r *run) platformName(canon, surface string) string {
	if r.platformSurface == nil {
		r.platformSurface = map[string]string{}
	}
	if s, ok := r.platformSurface[canon]; ok {
		return s
	}
	if strings.EqualFold(canon, surface) {
		surface = canon
	}
	r.platformSurface[canon] = surface
	return surface
}

// placeKindWords are the last words of the kinds of place that the rule
// place.kind-of names before "of" (rules/places.rules): its cheap test.
var placeKindWords = wordSet("town village city hamlet municipality commune island territory outskirts suburb suburbs district region province county governorate prefecture " +
	"resident residents native natives") // (and place.resident-of's: "a resident of Stara Zagora")

// findUnlistedPlaces reads the places of rules/places.rules that no
// gazetteer knows: "a warehouse in Wouwse Plantage".
func (r *run) findUnlistedPlaces(sf *sentenceFacts) {
	set := r.x.rules.byKind["places"]
	cue := false
	for k := 0; k+1 < len(sf.toks); k++ {
		w := sf.toks[k].Lower
		cue = cue || (w == "in" || w == "at" || w == "near" ||
			(w == "of" || w == "from") && k > 0 && isNumberToken(sf.toks[k-1].Lower)) &&
			(isCapitalised(sf.toks[k+1].Text) || sf.toks[k+1].Lower == "the" && k+2 < len(sf.toks) && isCapitalised(sf.toks[k+2].Text))
		// "the town of Kitengela", "the port city of ...": place.kind-of
		cue = cue || w == "of" && k > 0 && placeKindWords[sf.toks[k-1].Lower] && isCapitalised(sf.toks[k+1].Text) ||
			w == "including" && k > 0 && communityWords[sf.toks[k-1].Lower] // "communities including ...": place.communities
	}
	cue = cue || strings.Contains(sf.s.Text, " River") // place.river
	if !cue || set == nil {
		return
	}
	toks := r.ruleTokens(sf)
	next := 0 // matches do not overlap: each starts after the one before
	set.Match(toks, func(m pattern.Match) bool {
		if m.Start < next {
			return true
		}
		next = m.End
		r.rule = m.Rule
		if m.Rule == "place.list-unlisted" || m.Rule == "place.communities" || m.Rule == "place.hometown.region" {
			for _, c := range m.Captures() {
				r.addUnlistedPlace(sf, toks[c.Start].Start, toks[c.End-1].End)
			}
			return true
		}
		a, b, _ := m.Capture("name")
		if b-a == 1 && moneySignWords[toks[a].Text] {
			return true // "valued at Rs. 1.45 crore": a currency's sign
		}
		if b < len(toks) && toks[b].Shape&pattern.ShapeCap != 0 && sf.s.Text[toks[b-1].End:toks[b].Start] == " " {
			return true // "from Northern District MIS": the start of a longer name, a unit's
		}
		if m.Rule == "place.facility" {
			r.takeInPlaces(sf, toks[a].Start, toks[b-1].End) // "Kingston Wharves" holds no Kingston of its own
		}
		r.addUnlistedPlace(sf, toks[a].Start, toks[b-1].End)
		return true
	})
}

// communityWords name places in a list: "communities including ...".
var communityWords = wordSet("communities areas neighbourhoods neighborhoods villages suburbs localities towns")

// moneySignWords are the signs of moneySigns written as a word ("Rs", "Tk").
var moneySignWords = func() map[string]bool {
	m := map[string]bool{}
	for _, sg := range moneySigns {
		if w := strings.TrimSuffix(sg.sign, "."); len(w) > 1 && isCapitalised(w) {
			m[w] = true
		}
	}
	return m
}()

// addUnlistedPlace adds the place named at sf's text [start, end) unless
// another pass read those words or a gazetteer knows them as something else.
func (r *run) addUnlistedPlace(sf *sentenceFacts, start, end int) {
	name := sf.s.Text[start:end]
	if overlapsMention(sf.agencies, start, end) || overlapsMention(sf.places, start, end) ||
		overlapsMention(sf.operations, start, end) || overlapsMention(sf.platforms, start, end) ||
		overlapsMention(sf.dates, start, end) || overlapsMention(sf.groups, start, end) {
		return
	}
	var tb [8]token // a name's few words, and their matches, stay on the stack
	var found [4]match
	toks := appendTokens(tb[:0], name)
	if len(r.x.gaz.appendFind(found[:0], toks, entAgency, entDemonym, entCommodity, entPlatform, entGroup)) > 0 || notPlaceWord[toks[0].Lower] ||
		toks[len(toks)-1].Lower == "custody" {
		return // ("is in Police Custody": held, nowhere)
	}
	if len(toks) > 1 && streetWords[toks[len(toks)-1].Lower] {
		return // "in Lion Street": an address, not a place
	}
	mt := mention{Name: name, Surface: name, Start: start, End: end}
	sf.places = append(sf.places, mt)
	r.addPlace(sf, name, "", "", mt)
}

// notPlaceWord starts capitalised phrases after "in" that are not places.
// streetWords end the names of streets, which are addresses, not places.
var streetWords = map[string]bool{"street": true, "st": true, "road": true, "rd": true, "avenue": true, "ave": true,
	"lane": true, "drive": true, "close": true, "crescent": true, "boulevard": true, "terrace": true, "place": true,
	"grove": true, "gardens": true, "mews": true, "row": true, "walk": true, "court": true, "parade": true,
	"highway": true, "hwy": true, "expressway": true, "motorway": true, "freeway": true, "trace": true, "bypass": true}

var notPlaceWord = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"operation": true, "project": true, "phase": true, "court": true, "custody": true, "total": true, "addition": true,
	"particular": true, "response": true, "court's": true, "prison": true, "charge": true, "english": true, "section": true,
	"the": true, "a": true, "an": true, "our": true, "their": true, "his": true, "her": true, "its": true, "this": true, "that": true}

// possessiveHeads are the words whose possessive is part of an agency's
// name: "Sheriff's Office", "Attorney's Office", "Prosecutor's Office".
var possessiveHeads = map[string]bool{"sheriff": true, "attorney": true, "attorneys": true, "prosecutor": true,
	"prosecutors": true, "coroner": true, "marshal": true, "marshals": true, "director": true, "general": true,
	"magistrate": true} // "Melbourne Magistrate's Court"

// continuesName reports whether toks[j] goes on the capitalised run before it.
func continuesName(toks []token, i, j int, adjacent func(a, b int) bool) bool {
	t := toks[j]
	if isPossessiveS(t) {
		return toks[j-1].in(setPossessiveHead, possessiveHeads) // "Sheriff's Office", not "Agency's Customs"
	}
	if !adjacent(j-1, j) {
		return false
	}
	if isCapitalised(t.Text) {
		return !datePart(t.Lower) // "On March 3rd 2019 Ellis County ...": a date before the name
	}
	if t.Text == "e" && j+1 < len(toks) && adjacent(j, j+1) {
		return true // "Regional e-Fraud Squad"
	}
	if toks[j-1].Text == "Anti" && t.letters && t.Text == t.Lower {
		return true // "Anti-mafia District Directorate"
	}
	if !t.in(setNameConnector, nameConnectors) {
		return false
	}
	if t.Lower == "the" && toks[j-1].Lower != "of" && toks[j-1].Lower != "for" && toks[j-1].Lower != "and" {
		return false // "Charlie the Customs Canine": a name, then what it is
	}
	if j+1 < len(toks) && dayOrMonth[toks[j+1].Lower] {
		return false // "the Federal Court of Ghent on Monday": when, not the name
	}
	// "of the" only inside the name of a ministry or the like: "Ministry of
	// the Interior", not "Officers of the Riverside Unit"; nor a number
	// after the connector ("the District of Oregon for 17 domain names").
	if j+1 < len(toks) && adjacent(j, j+1) && isCapitalised(toks[j+1].Text) && !isNumberToken(toks[j+1].Text) {
		return true
	}
	// "Court for the Southern District", "Authority for the Campaign": a body's word, then "for the" or "of the".
	if (t.Lower == "for" || t.Lower == "of") && j+2 < len(toks) && toks[j+1].Lower == "the" && bodyWords[toks[j-1].Lower] &&
		adjacent(j, j+1) && adjacent(j+1, j+2) && isCapitalised(toks[j+2].Text) {
		return true
	}
	if t.Lower == "the" && j > 0 && (toks[j-1].Lower == "for" || toks[j-1].Lower == "of") && j+1 < len(toks) && isCapitalised(toks[j+1].Text) &&
		j > 1 && bodyWords[toks[j-2].Lower] {
		return true
	}
	return toks[i].in(setChainHead, chainHeads) && connectsName(toks, j, adjacent)
}

// datePart reports whether w, a token in lower case, is a day's ordinal
// ("3rd", "21st") or a year ("2019").
func datePart(w string) bool {
	if len(w) == 0 || w[0] < '0' || w[0] > '9' {
		return false
	}
	if len(w) == 4 && w >= "1900" && w <= "2099" && isNumberToken(w) {
		return true
	}
	for _, s := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, s) && isNumberToken(w[:len(w)-2]) && len(w) <= 4 {
			return true
		}
	}
	return false
}

// dayOrMonth are the names of days and months.
// numberOrDay holds the words of wordNumbers and dayOrMonth, for one look-up.
var numberOrDay = func() map[string]bool {
	m := map[string]bool{}
	for w := range wordNumbers {
		m[w] = true
	}
	for w := range dayOrMonth {
		m[w] = true
	}
	return m
}()

var dayOrMonth = wordSet("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december")

// chainHeads start names that may hold "of the": "Department of the Treasury".
var chainHeads = map[string]bool{"ministry": true, "department": true, "office": true, "bureau": true,
	"directorate": true, "secretariat": true, "commission": true, "federal": true, "national": true}

// connectsName reports whether the connector words from toks[j] lead to a
// capitalised word: "of", "of the" in "Ministry of the Interior".
func connectsName(toks []token, j int, adjacent func(a, b int) bool) bool {
	for k := j; k < len(toks) && k < j+2; k++ {
		if k > j && !adjacent(k-1, k) {
			return false
		}
		if isCapitalised(toks[k].Text) {
			return true
		}
		if !toks[k].in(setNameConnector, nameConnectors) {
			return false
		}
	}
	return j+2 < len(toks) && adjacent(j+1, j+2) && isCapitalised(toks[j+2].Text)
}

// wireService reports whether toks[i:end], a name ending with "Agency",
// is a news agency by what the text does with it: officials "told" it, it
// "reported" or "quoted" them ("officials told Anadolu Agency"). A body of
// the state is seldom told things in a news report; a wire service is.
func wireService(toks []token, i, end int) bool {
	if toks[end-1].Lower != "agency" {
		return false
	}
	if i > 0 && (toks[i-1].Lower == "told" || i > 1 && toks[i-1].Lower == "to" && (toks[i-2].Lower == "speaking" || toks[i-2].Lower == "talking")) {
		return true
	}
	return end < len(toks) && (toks[end].Lower == "reported" || toks[end].Lower == "reports" || toks[end].Lower == "quoted")
}

// isPossessiveS is the "s" token of "Sheriff's".
func isPossessiveS(t token) bool { return t.Lower == "s" }

// isNewsAgency reports whether "AFP" is the wire service of a dateline or a
// photo credit ("PARIS (AFP) —", "AFP/Getty"), in an article that never
// names the Australian Federal Police in full.
func (r *run) isNewsAgency(word string, n int) bool {
	if n == 1 && word == "CNA" {
		// Taiwan's Central News Agency or Channel NewsAsia, unless the
		// article is about Moldova's anticorruption centre
		t := strings.ToLower(r.doc.Text)
		return !strings.Contains(t, "anticorruption") && !strings.Contains(t, "anti-corruption") && r.country != "MD"
	}
	if n != 1 || word != "AFP" {
		return false
	}
	t := r.doc.Text
	return (strings.Contains(t, "(AFP)") || strings.Contains(t, "AFP/") || strings.Contains(t, "AFP reported") ||
		strings.Contains(t, "AFP news agency") || strings.Contains(t, "told AFP") || strings.Contains(t, "Agence France-Presse")) &&
		!strings.Contains(t, "Australian Federal Police")
}

// isAgencyOfPlace reports whether toks is an agency's name followed by "of"
// or "for" and the capitalised name of where it serves: "Regional
// Prosecutor's Office of Presov", "District Court for the Southern District
// of New York".
func (r *run) isAgencyOfPlace(toks []token) bool {
	if !isCapitalised(toks[len(toks)-1].Text) {
		return false
	}
	for k := 2; k < len(toks)-1; k++ {
		if l := toks[k].Lower; (l == "of" || l == "for") && (r.isAgencyName(toks[:k]) || placeBodyHeads[toks[k-1].Lower]) {
			rest := toks[k+1:]
			if len(rest) > 0 && rest[0].Lower == "the" {
				rest = rest[1:]
			}
			// "Washington Field Division of the ATF": a unit of a known agency;
			// but "Court for the Southern District of New York" serves a
			// district, whatever else bears its name.
			if m, ok := r.x.gaz.findAt(rest, entAgency); ok && m.J == len(rest) && l == "of" {
				return false
			}
			return true
		}
	}
	return false
}

// placeBodyHeads end the name of a body before "of" and where it serves:
// "Anti-fraud Office of Gioia Tauro", "German State Office of Criminal Investigations".
var placeBodyHeads = wordSet("office authority court courts department directorate bureau agency police service ministry prosecution division command unit")

// bodyWords are words a body's name holds: "Regional Narcotics Liaison
// Office", "Joint Airport Interdiction Task Forces".
var bodyWords = wordSet(`office service services department force forces agency agencies unit units bureau commission
	directorate command police customs court courts prosecutor prosecution administration authority authorities
	centre center organization organisation council ministry inspectorate team taskforce gendarmerie guard guards
	squad division branch institute board secretariat cell network programme program forum alliance
	coalition partnership association federation`)

// namesOrganisation reports whether one of toks is a bodyWords word.
func namesOrganisation(toks []token) bool {
	for _, t := range toks {
		if bodyWords[t.Lower] || bodyWords[strings.TrimSuffix(t.Lower, "'s")] {
			return true
		}
	}
	return false
}

// localUnitStart returns where the name of a force's local unit starts,
// for a gazetteer acronym toks[i:j] ("RCMP") right after one to three
// capitalised words that name its place ("Northern Rockies RCMP", "Surrey
// RCMP"); i where there is none.
func localUnitStart(sf *sentenceFacts, i, j int) int {
	toks := sf.toks
	if j-i != 1 || !isAcronymToken(toks[i].Text) {
		return i
	}
	k := i
	for k > 0 && i-k < 3 {
		t := toks[k-1]
		if _, number := wordNumbers[t.Lower]; number {
			break // "Two NDLEA officers": a count
		}
		if !isCapitalised(t.Text) || isAcronymToken(t.Text) || t.in(setNotNameStart, notNameStart) || t.in(setAgencyHead, agencyHeads) ||
			strings.TrimSpace(sf.s.Text[t.End:toks[k].Start]) != "" || !isTitleWord(t.Text) {
			break
		}
		k--
	}
	if k > 0 && strings.TrimSpace(sf.s.Text[toks[k-1].End:toks[k].Start]) == "" && isCapitalised(toks[k-1].Text) && k == i-3 {
		return i // a longer capitalised run: a headline, not a place
	}
	return k
}

// localUnitFrom is localUnitStart, also over a place's name of two joined
// by "and" that the gazetteer lists whole: "Newfoundland and Labrador RCMP".
func (r *run) localUnitFrom(sf *sentenceFacts, i, j int) int {
	k := localUnitStart(sf, i, j)
	toks := sf.toks
	if k < i && k >= 2 && toks[k-1].Lower == "and" && isCapitalised(toks[k-2].Text) && adjacentSpace(sf, k-2, k-1) && adjacentSpace(sf, k-1, k) {
		if m, ok := r.x.gaz.findAt(toks[k-2:i], entPlace); ok && m.J == i-(k-2) {
			return k - 2
		}
	}
	return k
}

// isAcronymToken reports whether w is written in capitals only: "RCMP", "NDLEA".
func isAcronymToken(w string) bool {
	n := 0
	for _, c := range w {
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			n++
		}
	}
	return n >= 2
}

// isTitleWord reports whether w is a capital and then lower-case letters: "Rockies".
func isTitleWord(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, c := range w[1:] {
		if c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// mayNameLocalUnit is the cheap test for a force's local unit: a word in
// capitals right after a capitalised word ("Rockies RCMP").
func (sf *sentenceFacts) mayNameLocalUnit() bool {
	for k := 1; k < len(sf.toks); k++ {
		if t := sf.toks[k].Text; len(t) >= 2 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z' && isTitleWord(sf.toks[k-1].Text) {
			return true
		}
	}
	return false
}

// withoutAsides drops the breaks of an aside between two dashes ("cars
// and watches – including Rolex and Cartier – were seized"): the clause
// goes on around it.
func withoutAsides(s string, breaks [][]int) [][]int {
	isDash := func(b []int) bool {
		t := s[b[0]:b[1]]
		return t == "–" || t == "—"
	}
	for k := 0; k+1 < len(breaks); k++ {
		if isDash(breaks[k]) && isDash(breaks[k+1]) && breaks[k+1][0]-breaks[k][1] <= 80 {
			breaks = append(breaks[:k:k], breaks[k+2:]...)
			k--
		}
	}
	return breaks
}

// jointBodyAhead reports whether the capitalised run after "Joint" at
// toks[i] ends in the name of a joint body: "Task Force(s)", "Team",
// "Command", "Centre".
func jointBodyAhead(sf *sentenceFacts, i int) bool {
	toks := sf.toks
	j := i + 1
	for j < len(toks) && j < i+7 && isCapitalised(toks[j].Text) && strings.TrimSpace(sf.s.Text[toks[j-1].End:toks[j].Start]) == "" {
		j++
	}
	if j-i < 3 {
		return false
	}
	last, prev := toks[j-1].Lower, toks[j-2].Lower
	return prev == "task" && (last == "force" || last == "forces") || last == "team" || last == "command" || last == "centre" || last == "center"
}

// bracketed reports whether text[start:end] stands alone in brackets right
// after prevEnd: "Defence Ministry (Sedena)".
func bracketed(text string, prevEnd, start, end int) bool {
	return prevEnd <= start && strings.TrimSpace(text[prevEnd:start]) == "(" && strings.HasPrefix(text[end:], ")")
}

// titledPerson reports whether a run of capitalised words opens with a
// title and then names a person: two words or more that are neither titles
// nor an agency's head words, before "of" or the end ("Detective Chief
// Inspector Sam Patel of West Midlands Police"; not "Director of Public
// Prosecutions").
func titledPerson(toks []token) bool {
	k := 0
	for k < len(toks) && titleWords[strings.TrimSuffix(toks[k].Lower, ".")] {
		k++
	}
	if k == 0 {
		return false
	}
	n := 0
	for ; k < len(toks) && toks[k].Lower != "of"; k++ {
		if !isCapitalised(toks[k].Text) || titleWords[toks[k].Lower] || toks[k].in(setAgencyHead, agencyHeads) {
			return false
		}
		if n > 0 && agencyTwoHeads[toks[k-1].Lower+" "+toks[k].Lower] {
			return false // "Special Investigations Task Force": a body's name that a title's word opens
		}
		n++
	}
	return n >= 2
}

// afterTitle reports whether token i is in a run of capitalised words,
// right after one another, that a title opens before it: "Sam" and "Patel"
// of "Detective Chief Inspector Sam Patel".
func afterTitle(text string, toks []token, i int, isTitle func(token) bool) bool {
	spaced := func(k int) bool { // only spaces after toks[k], or an initial's stop: "Leo R. Hart"
		sep := strings.TrimSpace(text[toks[k].End:toks[k+1].Start])
		return sep == "" || sep == "." && len(toks[k].Text) == 1
	}
	for k := i - 1; k >= 0 && k >= i-4 && isCapitalised(toks[k].Text) && spaced(k); k-- {
		if toks[k].in(setAgencyHead, agencyHeads) {
			return false // "Kildare Detective Unit Portlaoise": a body's name ended
		}
		if isTitle(toks[k]) {
			return true
		}
	}
	return false
}

// isFacility reports whether a place's name is a port's or an airport's.
func isFacility(name string) bool {
	for i := 0; i < len(name); i++ { // in any ASCII case, without a lower-case copy
		if c := name[i] | 0x20; (c == 'p' || c == 'h') && (hasPrefixFold(name[i:], "port") || hasPrefixFold(name[i:], "harbour") || hasPrefixFold(name[i:], "harbor")) {
			return true
		}
	}
	return false
}

// titleBeforeName reports whether the run of words ending before token end
// ends with a title and two capitalised words follow it, spaced only:
// "Attorney General Merrick Garland".
func titleBeforeName(text string, toks []token, end int, isTitle func(token) bool) bool {
	if end < 1 || end+1 >= len(toks) || !isTitle(toks[end-1]) {
		return false
	}
	for k := end; k <= end+1; k++ {
		if !isCapitalised(toks[k].Text) || isTitle(toks[k]) || toks[k].in(setAgencyHead, agencyHeads) ||
			strings.TrimSpace(text[toks[k-1].End:toks[k].Start]) != "" {
			return false
		}
	}
	return true
}

// titleTest returns a test of whether a looked-up token is a title
// (titleWords, the rules' @title class), by its class bits.
func (x *Extractor) titleTest() func(token) bool {
	bit := x.rules.classBit["title"]
	return func(t token) bool {
		if !t.rooted {
			return titleWords[t.Lower]
		}
		return t.class&bit != 0
	}
}

// nameGoesOn reports whether token j, right after a name with only a space
// between, is a capitalised word: the name is the start of a longer one.
func (r *run) nameGoesOn(sf *sentenceFacts, j int) bool {
	return j < len(sf.toks) && isCapitalised(sf.toks[j].Text) && sf.s.Text[sf.toks[j-1].End:sf.toks[j].Start] == " "
}

// usStateAfter reports whether ", " and a US state follow token j-1:
// "Roma, Texas".
func (r *run) usStateAfter(sf *sentenceFacts, j int) bool {
	if j >= len(sf.toks) || j == 0 || strings.TrimSpace(sf.s.Text[sf.toks[j-1].End:sf.toks[j].Start]) != "," {
		return false
	}
	m, ok := r.x.gaz.findAt(sf.toks[j:], entPlace)
	if !ok {
		return false
	}
	for _, e := range m.Entries {
		if e.Country == "US" && e.Sub == "region" {
			return true
		}
	}
	return false
}
