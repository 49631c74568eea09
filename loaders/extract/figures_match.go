package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The figure rules' phrases read by hand: a regexp's backtracking over
// their many alternatives cost more than the rest of a sentence's reading.
// Each is read in any ASCII case unless its comment says otherwise.

// The alternatives of the phrases, in the order they are tried.
var (
	unitAlts = newWordAlts("tonnes", "tonne", "metric tonnes", "metric tonne", "metric tons", "metric ton", "tons", "ton", "t", "kilograms", "kilogram",
		"kilogrammes", "kilogramme", "kilos", "kilo", "kgs", "kg", "grams", "gram", "grammes", "gramme", "gms", "gm", "g", "pounds", "pound", "lbs", "lb", "ounces",
		"ounce", "oz", "litres", "litre", "liters", "liter", "l", "millilitres", "millilitre", "milliliters", "milliliter", "ml", "gallons", "gallon",
		"cubic metres", "cubic meters", "cubic metre", "cubic meter", "mt", "m3", "cbm")
	packUnitAlts = []string{"bricks", "brick", "blocks", "block", "cakes", "cake", "pieces", "piece", "buckets", "bucket", "baskets", "basket", "packages", "package", "packets", "packet", "bags", "bag",
		"parcels", "parcel", "sacks", "sack", "bales", "bale", "boxes", "box", "pallets", "pallet", "pouches", "pouch",
		"sachets", "sachet", "wraps", "wrap", "bundles", "bundle", "slabs", "slab", "pellets", "pellet",
		"bottles", "bottle", "tins", "tin", "jerrycans", "jerrycan", "cartons", "carton", "crates", "crate",
		"barrels", "barrel", "drums", "drum", "jars", "jar", "vials", "vial", "ampoules", "ampoule", "packs", "pack",
		"strips", "strip", "blister packs", "blister pack", "canisters", "canister", "cans", "can", "tubes", "tube",
		"sticks", "stick"}
	packUnitByFirst   = indexByFirst(packUnitAlts)
	ofAlt             = newWordAlts("of")
	ofWord            = []string{"of"}
	oneActiveVerbs    = []string{"arrested", "arresting", "detained", "detaining", "apprehended"}
	oneActiveArticles = []string{"a", "an", "one", "the", "its", "their"}
	oneActiveNouns    = newWordAlts("man", "woman", "individual", "suspect", "person", "teenager", "teen", "boy", "girl", "youth",
		"driver", "operator", "courier", "administrator", "leader", "ringleader", "boss", "kingpin", "national")
	activeArrestVerbs   = []string{"arrested", "arresting", "arrest", "detained", "detaining", "apprehended"}
	activeArrestFillers = []string{"a total of", "some", "another", "at least", "a further", "an additional", "a combined", "a further total of"}
	arrestOfNouns       = []string{"arrests", "arrest", "detention", "apprehension", "capture"}
)

// unitAfter reads the unit after a figure ("5 kg", "1.2-tonne", "12 lbs."):
// maybe spaces, maybe a hyphen and spaces, then one of unitAlts ending a
// word, and maybe a dot. It returns the unit as written and the length of
// what it reads, or "" and -1.
func unitAfter(s string) (string, int) {
	q := skipSpaces(s, 0)
	if q < len(s) && s[q] == '-' {
		q = skipSpaces(s, q+1)
	}
	e := wordAltAt(s, q, unitAlts)
	if e < 0 || e == q+1 && e+1 < len(s) && s[e] == '-' && s[e+1] >= '0' && s[e+1] <= '9' {
		return "", -1 // (a model's letter, not a unit: "two T-56 rifles")
	}
	n := e
	if n < len(s) && s[n] == '.' {
		n++
	}
	return s[q:e], n
}

// packUnitAfter reads a package after a figure ("50 bricks of"): spaces,
// one of packUnitAlts, spaces and "of" ending a word. It returns the
// package as written and the length of what it reads, or "" and -1.
func packUnitAfter(s string) (string, int) {
	q := skipSpaces(s, 0)
	if q == 0 {
		return "", -1
	}
	q = pastShapeWord(s, q) // "159 brick-type packages of cocaine"
	if q == len(s) {
		return "", -1
	}
	for _, a := range packUnitByFirst[s[q]|0x20] { // (only those with s[q]'s letter can match, in their order)
		if w := spacedAfter(s, q, a); w < 0 {
			continue
		} else if e := wordAltAt(s, w, ofAlt); e >= 0 {
			return s[q : q+len(a)], e
		}
	}
	return "", -1
}

// pastShapeWord returns where the word after a package's shape ends, past
// its spaces, where s holds one at q ("brick-type ", "brick-shaped ",
// "rectangular-shaped "), or q.
func pastShapeWord(s string, q int) int {
	e := q
	for e < len(s) && (s[e] >= 'a' && s[e] <= 'z' || s[e] >= 'A' && s[e] <= 'Z') {
		e++
	}
	for _, w := range []string{"-type ", "-shaped ", "-like ", "-sized "} {
		if e > q && strings.HasPrefix(s[e:], w) {
			return skipSpaces(s, e+len(w))
		}
	}
	return q
}

// wordEndsAt reports whether one of alts ends at s[end], starting a word.
func wordEndsAt(s string, end int, alts []string) bool {
	for _, a := range alts {
		st := end - len(a)
		if st >= 0 && equalFoldASCII(s[st:end], a) && (st == 0 || !isWordASCII(s[st-1])) {
			return true
		}
	}
	return false
}

// phraseEndsAt reports whether one of alts ends at s[end] after spaces,
// and returns where those spaces start.
func phraseEndsAt(s string, end int, alts []string) (int, bool) {
	for _, a := range alts {
		st := end - len(a)
		if st < 0 || !equalFoldASCII(s[st:end], a) {
			continue
		}
		if i := spacesBefore(s, st); i < st {
			return i, true
		}
	}
	return 0, false
}

// spacedAfter returns where the spaces after lower, at s[p] in any ASCII
// case, end, or -1 where s has not lower and at least one space there.
func spacedAfter(s string, p int, lower string) int {
	if !hasPrefixFold(s[p:], lower) {
		return -1
	}
	e := p + len(lower)
	if w := skipSpaces(s, e); w > e {
		return w
	}
	return -1
}

// spacesBefore returns the start of the run of \s that ends at s[e].
func spacesBefore(s string, e int) int {
	for e > 0 && isSpaceASCII(s[e-1]) {
		e--
	}
	return e
}

// endsOfWhich reports whether s ends with "of which" starting a word,
// spaces, maybe a word and spaces ("the drugs, of which some ").
func endsOfWhich(s string) bool {
	k := spacesBefore(s, len(s))
	if k == len(s) {
		return false
	}
	if wordEndsAt(s, k, []string{"of which"}) {
		return true
	}
	j := k
	for j > 0 && isWordASCII(s[j-1]) {
		j--
	}
	i := spacesBefore(s, j)
	return j < k && i < j && wordEndsAt(s, i, []string{"of which"})
}

// endsActiveArrest reports whether s ends with a verb of arrest starting a
// word, spaces, maybe a filler ("a total of") and spaces ("arrested ",
// "detained at least ").
func endsActiveArrest(s string) bool { return endsWithWord(s, activeArrestVerbs, activeArrestFillers) }

// endsWithWord reports whether s ends with one of words starting a word,
// then spaces, maybe one of between and spaces. None of between ends with
// another, so at most one of them ends where the spaces begin.
func endsWithWord(s string, words, between []string) bool {
	k := spacesBefore(s, len(s))
	if k == len(s) {
		return false
	}
	if wordEndsAt(s, k, words) {
		return true
	}
	i, ok := phraseEndsAt(s, k, between)
	return ok && wordEndsAt(s, i, words)
}

// endsArrestOf reports whether s ends with a noun of arrest starting a
// word, spaces, "of", spaces, maybe "a total of" and spaces ("the arrest
// of ").
func endsArrestOf(s string) bool {
	k := spacesBefore(s, len(s))
	if k == len(s) {
		return false
	}
	ofThen := func(end int) bool { // [noun]\s+of ends at end
		i, ok := phraseEndsAt(s, end, ofWord)
		return ok && wordEndsAt(s, i, arrestOfNouns)
	}
	if ofThen(k) {
		return true
	}
	i, ok := phraseEndsAt(s, k, []string{"a total of"})
	return ok && ofThen(i)
}

// afterWords calls at with q, then with the start of each next word, for
// up to max words of [\w-] each followed by spaces ([\w-]+\s+), until at
// returns true, and reports whether it did: fewer words are tried first.
func afterWords(s string, q, max int, at func(q int) bool) bool {
	for k := 0; ; k++ {
		if at(q) {
			return true
		}
		if k == max {
			return false
		}
		e := q
		for e < len(s) && (isWordASCII(s[e]) || s[e] == '-') {
			e++
		}
		w := skipSpaces(s, e)
		if e == q || w == e {
			return false
		}
		q = w
	}
}

// arrestOneActiveAt is where s first says one person was arrested, or -1:
// one of oneActiveVerbs starting a word, spaces, one of oneActiveArticles
// and spaces, up to three words of [\w-] each followed by spaces, then one
// of oneActiveNouns ending a word ("arrested a 23-year-old man").
func arrestOneActiveAt(s string) int {
	noun := func(q int) bool { return wordAltAt(s, q, oneActiveNouns) >= 0 }
	for p := 0; p < len(s); p++ {
		if !isLetterByte(s[p]) || !wordStart(s, p) {
			continue
		}
		for _, v := range oneActiveVerbs {
			w := spacedAfter(s, p, v)
			if w < 0 {
				continue
			}
			for _, a := range oneActiveArticles {
				if q := spacedAfter(s, w, a); q >= 0 && afterWords(s, q, 3, noun) {
					return p
				}
			}
		}
	}
	return -1
}

// The words after a place name used as a modifier ("UK police"), and those
// after a sum that make it no sum seized ("£5m a year"), in their order.
var (
	adjectiveUses = []string{"authorities", "officials", "police", "forces", "government", "prosecutors", "investigators",
		"officers", "agents", "customs", "law enforcement", "counterparts", "partners",
		"member states", "Member States", "member countries", "countries", "nationals", "citizens", "funding", "funds",
		"agencies", "courts", "judicial", "citizen", "national"}
	notSeizedMoneyLeads = []string{"a year", "per year", "annually", "in revenue", "in profits", "in profit", "in sales",
		"in losses", "in tax", "loss", "fine", "in street value", "in value", "street value", "in estimated street value"}
)

// isAdjectiveUseAfter reports whether s, after a place name, makes it a
// modifier ("U.S. authorities", "UK police"): spaces, then one of
// adjectiveUses as written, ending a word.
func isAdjectiveUseAfter(s string) bool {
	w := skipSpaces(s, 0)
	return w > 0 && wordAltAtCase(s, w, adjectiveUses) >= 0
}

// notSeizedMoneyAfter reports whether s, after a sum, makes it no sum
// seized: maybe spaces, then one of notSeizedMoneyLeads.
func notSeizedMoneyAfter(s string) bool {
	w := skipSpaces(s, 0)
	for _, l := range notSeizedMoneyLeads {
		if hasPrefixFold(s[w:], l) {
			return true
		}
	}
	return false
}

// mayHaveBreakdown is a cheap test that breakdownRe needs to pass: the
// first bracket or dot is an opening bracket at most 40 characters in.
func mayHaveBreakdown(s string) bool {
	i := strings.IndexAny(s, "().")
	return i >= 0 && s[i] == '(' && utf8.RuneCountInString(s[:i]) <= 40
}

// creditWords are the words that credit the agency after them ("says the NCA").
var creditWords = []string{"says", "say", "said", "according to", "stated", "announced", "by", "statement from", "release from", "spokesman for", "spokeswoman for", "spokesperson for"}

// creditBefore reports whether s, before an agency's name, credits it: it
// ends with one of creditWords, starting a word, then spaces, or "the"
// between spaces ("says the ").
func creditBefore(s string) bool { return endsWithWord(s, creditWords, []string{"the"}) }

// arrestAndCues are the words that begin an arrest of several groups.
var arrestAndCues = []string{"arrested", "detained", "arrest of", "detention of"}

// endsArrestAnd reports whether s ends with one of arrestAndCues starting
// a word, then one to four runs of word characters, commas and hyphens,
// each after spaces, then "and" between spaces ("arrested 12 men and ").
func endsArrestAnd(s string) bool {
	i := spacesBefore(s, len(s))
	if i == len(s) || !hasSuffixFold(s[:i], "and") {
		return false
	}
	i -= len("and")
	for runs := 0; ; runs++ {
		j := spacesBefore(s, i)
		if j == i {
			return false
		}
		i = j
		if runs > 0 && wordEndsAt(s, i, arrestAndCues) {
			return true
		}
		if runs == 4 {
			return false
		}
		for j > 0 && (isWordASCII(s[j-1]) || s[j-1] == ',' || s[j-1] == '-') {
			j--
		}
		if j == i {
			return false
		}
		i = j
	}
}

// The alternatives of matchArrestPassive, in order: its nouns (but the
// two that take any word after them), its auxiliaries and its verbs.
var (
	passiveNouns = []string{"people", "persons", "person", "suspects", "suspect", "men", "man", "women", "woman",
		"individuals", "individual", "offenders", "members", "others", "youths", "teenagers", "teens", "boys", "girls",
		"adults", "juveniles", "minors", "nationals", "citizens", "foreigners", "couriers", "dealers", "traffickers",
		"gang members", "drug dealers", "defendants", "accused", "fugitives", "operators", "vendors", "administrators",
		"associates", "ringleaders", "leaders", "officers", "agents", "officials", "policemen", "soldiers", "guards", "employees",
		"workers", "drivers", "passengers", "crew members", "crew", "sailors", "fishermen", "smugglers", "robbers", "thieves",
		"gunmen", "kidnappers", "hackers", "traders", "businessmen", "students", "farmers", "brothers", "relatives", "residents",
		"tourists", "migrants", "pilots", "militants", "fraudsters", "scammers", "poachers"}
	passiveNounLeads = []string{"alleged ", "suspected "} // each then \w+
	// passiveNounsBy holds passiveNouns by their first letter, in order:
	// only those can start at a byte whose lower case it is.
	passiveNounsBy = indexByFirst(passiveNouns)
	passiveAux     = []string{"were", "have been", "had been", "has been", "was", "are", "being", "been", "got"}
	passiveVerbs   = newWordAlts(arrestVerbs...)
)

// passiveNounsAt returns the passiveNouns that may start at s[p], in order.
func passiveNounsAt(s string, p int) []string {
	if p == len(s) {
		return nil
	}
	return passiveNounsBy[s[p]|0x20]
}

// matchArrestPassive reads a passive arrest after a figure ("FIG suspected
// dealers, from abroad, who were later arrested"): spaces, up to two words
// of [\w-] each followed by spaces, a noun (passiveNouns ending a word,
// passiveNounLeads and a word, or "of them"), maybe a bracket, maybe a
// comma clause of at most 60 characters, spaces, maybe "who" or "that" and
// spaces, up to six words of [a-z-] (a letter first) each followed by
// spaces, one of passiveAux, spaces, maybe a word and spaces, then one of
// passiveVerbs ending a word. It returns where the match ends and where
// the words before the auxiliary start and end, or ok false.
//
// The ways through are tried in this order, and the first that reaches
// the verb is the match, which fixes the words before the auxiliary:
// fewer words before the noun first, the nouns in order, a bracket and a
// comma clause before none, "who"/"that" before none, fewer words before
// the auxiliary first, the auxiliaries in order, a word before the verb
// before none. Every other part is a run whose end is fixed, as what
// follows it cannot start inside it: spaces before a word, a word's
// characters before spaces or a boundary, a bracket's inside before ')',
// a clause before ','.
func matchArrestPassive(s string) (end, g2s, g2e int, ok bool) {
	p := skipSpaces(s, 0)
	if p == 0 {
		return 0, 0, 0, false
	}
	afterNoun := func(e int) bool {
		end, g2s, g2e, ok = passiveAfterNoun(s, e)
		return ok
	}
	if afterWords(s, p, 2, func(p int) bool {
		for _, n := range passiveNounsAt(s, p) {
			if e := p + len(n); hasPrefixFold(s[p:], n) && (e == len(s) || !isWordASCII(s[e])) && afterNoun(e) {
				return true
			}
		}
		for _, n := range passiveNounLeads {
			if !hasPrefixFold(s[p:], n) {
				continue
			}
			e := p + len(n)
			for e < len(s) && isWordASCII(s[e]) {
				e++
			}
			if e > p+len(n) && afterNoun(e) {
				return true
			}
		}
		e := p + len("of them")
		return hasPrefixFold(s[p:], "of them") && (e == len(s) || !isWordASCII(s[e])) && afterNoun(e)
	}) {
		return end, g2s, g2e, true
	}
	return 0, 0, 0, false
}

// passiveAfterNoun matches what matchArrestPassive reads after its noun, from
// s[e]: (?:\s*\([^)]*\))?(?:,[^,.]{0,60},)?\s+((?:who|that)\s+)?... .
func passiveAfterNoun(s string, e int) (end, g2s, g2e int, ok bool) {
	afterBracket := func(x int) (int, int, int, bool) {
		if x < len(s) && s[x] == ',' { // ,[^,.]{0,60}, before none
			n, j := 0, x+1
			for j < len(s) && s[j] != ',' && s[j] != '.' && n <= 60 {
				_, w := utf8.DecodeRuneInString(s[j:])
				j += w
				n++
			}
			if n <= 60 && j < len(s) && s[j] == ',' {
				if end, g2s, g2e, ok := passiveAfterClause(s, j+1); ok {
					return end, g2s, g2e, true
				}
			}
		}
		return passiveAfterClause(s, x)
	}
	if q := skipSpaces(s, e); q < len(s) && s[q] == '(' { // a bracket before none
		if j := strings.IndexByte(s[q+1:], ')'); j >= 0 {
			if end, g2s, g2e, ok := afterBracket(q + 1 + j + 1); ok {
				return end, g2s, g2e, true
			}
		}
	}
	return afterBracket(e)
}

// passiveAfterClause matches \s+((?:who|that)\s+)?((?:[a-z][a-z-]*\s+){0,6}?)
// and the auxiliary and verb after it, from s[x].
func passiveAfterClause(s string, x int) (end, g2s, g2e int, ok bool) {
	y := skipSpaces(s, x)
	if y == x {
		return 0, 0, 0, false
	}
	mid := func(y int) (int, int, int, bool) {
		pos := y
		for j := 0; j <= 6; j++ {
			if j > 0 { // one more [a-z][a-z-]*\s+
				if pos == len(s) || !isLetterByte(s[pos]) {
					break
				}
				e := pos + 1
				for e < len(s) && (isLetterByte(s[e]) || s[e] == '-') {
					e++
				}
				q := skipSpaces(s, e)
				if q == e {
					break
				}
				pos = q
			}
			if end := passiveAuxVerb(s, pos); end >= 0 {
				return end, y, pos, true
			}
		}
		return 0, 0, 0, false
	}
	for _, w := range [...]string{"who", "that"} {
		if z := spacedAfter(s, y, w); z >= 0 {
			if end, g2s, g2e, ok := mid(z); ok {
				return end, g2s, g2e, true
			}
		}
	}
	return mid(y)
}

// passiveAuxVerb matches (?:were|...)\s+(?:\w+\s+)?(?:arrested|...)\b at
// s[p] and returns its end, or -1.
func passiveAuxVerb(s string, p int) int {
	for _, a := range passiveAux {
		w := spacedAfter(s, p, a)
		if w < 0 {
			continue
		}
		e := w // a word and spaces before none
		for e < len(s) && isWordASCII(s[e]) {
			e++
		}
		if q := skipSpaces(s, e); e > w && q > e {
			if end := wordAltAt(s, q, passiveVerbs); end >= 0 {
				return end
			}
		}
		if end := wordAltAt(s, w, passiveVerbs); end >= 0 {
			return end
		}
	}
	return -1
}

// arrestBare reports whether s, after a figure, reads as a count of people
// arrested ("12 men were arrested", "12 of them taken into custody"), in
// any ASCII case: spaces, then maybe up to two words of letters, digits,
// "_" or "-" each followed by spaces, a noun (passiveNouns,
// passiveNounLeads and a word, or "of them") and spaces; then maybe "were"
// and spaces; then one of passiveVerbs ending a word. Each run has a fixed
// end, as what follows cannot start inside it, and each choice is tried.
func arrestBare(s string) bool {
	p := skipSpaces(s, 0)
	if p == 0 {
		return false
	}
	if wereVerbAt(s, p) {
		return true
	}
	spacedVerb := func(e int) bool { // \s+(?:were\s+)?VERB\b from s[e]
		w := skipSpaces(s, e)
		return w > e && wereVerbAt(s, w)
	}
	return afterWords(s, p, 2, func(q int) bool {
		for _, n := range passiveNounsAt(s, q) {
			if hasPrefixFold(s[q:], n) && spacedVerb(q+len(n)) {
				return true
			}
		}
		for _, n := range passiveNounLeads {
			if !hasPrefixFold(s[q:], n) {
				continue
			}
			e := q + len(n)
			for e < len(s) && isWordASCII(s[e]) {
				e++
			}
			if e > q+len(n) && spacedVerb(e) {
				return true
			}
		}
		return hasPrefixFold(s[q:], "of them") && spacedVerb(q+len("of them"))
	})
}

// wereVerbAt reports whether s holds (?:were\s+)?VERB\b at p, VERB one of
// arrestVerbs.
func wereVerbAt(s string, p int) bool {
	if w := spacedAfter(s, p, "were"); w >= 0 && wordAltAt(s, w, passiveVerbs) >= 0 {
		return true
	}
	return wordAltAt(s, p, passiveVerbs) >= 0
}

// passiveArrest reads "FIG men suspected of running the site were
// arrested" (matchArrestPassive); the words before the auxiliary may not
// join another clause ("17 were charged and 5 were arrested").
func passiveArrest(after string) bool {
	_, g2s, g2e, ok := matchArrestPassive(after)
	if !ok {
		return false
	}
	// " " + mid holds none of the words that join another clause.
	mid := after[g2s:g2e]
	for _, w := range [...][2]string{{"and ", " and "}, {"charged ", " charged "}, {"but ", " but "}} {
		if strings.HasPrefix(mid, w[0]) || strings.Contains(mid, w[1]) {
			return false
		}
	}
	return true
}

// findNamedArrestsActive finds a named person arrested ("the FBI arrested
// Tom Reed"), as written: "arrested" or "detained" starting a word,
// spaces, then two names of a capital and lower-case letters. Each run it
// reads is whole, as what follows cannot start inside it, and the last
// name's letters are greedy.
func findNamedArrestsActive(s string) [][]int {
	var out [][]int
	for p := 0; p < len(s); p++ {
		if s[p] != 'a' && s[p] != 'd' || !wordStart(s, p) ||
			!strings.HasPrefix(s[p:], "arrested") && !strings.HasPrefix(s[p:], "detained") {
			continue
		}
		q := p + len("arrested") // as long as "detained"
		w := skipSpaces(s, q)
		if w == q {
			continue
		}
		if e := twoNamesAt(s, w); e >= 0 {
			out = append(out, []int{p, e})
			p = e - 1
		}
	}
	return out
}

// twoNamesAt matches \p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+ at s[p] and returns its
// end, or -1.
func twoNamesAt(s string, p int) int {
	e := nameWordAt(s, p)
	if e < 0 {
		return -1
	}
	w := skipSpaces(s, e)
	if w == e {
		return -1
	}
	return nameWordAt(s, w)
}

// nameWordAt matches \p{Lu}\p{Ll}+ at s[p], its lower-case letters all
// there are, and returns its end, or -1.
func nameWordAt(s string, p int) int {
	r, n := utf8.DecodeRuneInString(s[p:])
	if n == 0 || !unicode.IsUpper(r) {
		return -1
	}
	e := p + n
	for e < len(s) {
		r, n := utf8.DecodeRuneInString(s[e:])
		if !unicode.IsLower(r) {
			break
		}
		e += n
	}
	if e == p+n {
		return -1
	}
	return e
}

// findNamedArrestsPassive finds a named person arrested ("Alexandre Cazes,
// was arrested"), as written: two names (at any character, with no word
// boundary needed before them), maybe a comma, spaces, "was", "has been" or "had been",
// spaces, maybe "later" or "subsequently" and spaces, then a verb ending a
// word. Where "later" is read, only a verb can follow, as "later" is none.
func findNamedArrestsPassive(s string) [][]int {
	var out [][]int
	for p := 0; p < len(s); p++ {
		if s[p] < 'A' || s[p] > 'Z' && s[p] < 0x80 {
			continue // a capital is an ASCII one or starts with a byte of another character
		}
		e := twoNamesAt(s, p)
		if e < 0 {
			continue
		}
		if e < len(s) && s[e] == ',' {
			e++
		}
		w := skipSpaces(s, e)
		if w == e {
			continue
		}
		a := -1
		for _, aux := range [...]string{"was", "has been", "had been"} {
			if strings.HasPrefix(s[w:], aux) {
				a = w + len(aux)
				break
			}
		}
		if a < 0 {
			continue
		}
		v := skipSpaces(s, a)
		if v == a {
			continue
		}
		for _, adv := range [...]string{"later", "subsequently"} {
			if x := v + len(adv); strings.HasPrefix(s[v:], adv) && skipSpaces(s, x) > x {
				v = skipSpaces(s, x)
				break
			}
		}
		for _, verb := range [...]string{"arrested", "detained"} {
			if x := v + len(verb); strings.HasPrefix(s[v:], verb) && (x == len(s) || !isWordASCII(s[x])) {
				out = append(out, []int{p, x})
				p = x - 1
				break
			}
		}
	}
	return out
}

// The alternatives of arrestOnePassiveAt, in ASCII lower case.
var (
	onePassiveArticles = []string{"a", "an", "one", "the"}
	onePassiveNouns    = []string{"man", "woman", "individual", "suspect", "person", "teenager", "teen", "boy", "girl",
		"youth", "driver", "operator", "courier", "administrator", "leader", "ringleader", "kingpin"}
	onePassiveLinks    = []string{"in", "aged", "from", "of"}
	onePassiveAux      = []string{"was", "has been", "had been", "is being"}
	onePassiveAdvs     = []string{"later", "subsequently", "also", "then"}
	onePassiveVerbs    = []string{"arrested", "detained", "taken into custody", "apprehended"}
	onePassiveVerbAlts = newWordAlts(onePassiveVerbs...)
	// onePassiveNounsBy holds the nouns by their first letter, in either case.
	onePassiveNounsBy = func() (by [256][]string) {
		for _, n := range onePassiveNouns {
			by[n[0]] = append(by[n[0]], n)
			by[n[0]-'a'+'A'] = append(by[n[0]-'a'+'A'], n)
		}
		return by
	}()
)

// arrestOnePassiveAt is where s first says one person was arrested in the
// passive, or -1 ("a 23-year-old man was later arrested"; see
// onePassiveFrom). Only where a match starts is asked, so at each offset
// where \b holds, left to right, any way through will do: the first
// offset with one is the leftmost match.
func arrestOnePassiveAt(s string) int {
	for p := 0; p < len(s); p++ {
		if (p > 0 && isWordASCII(s[p-1])) == isWordASCII(s[p]) {
			continue // no \b
		}
		if onePassiveFrom(s, p) {
			return p
		}
	}
	return -1
}

// onePassiveFrom reports whether a passive arrest of one person starts at
// s[p], where \b holds: maybe one of onePassiveArticles, spaces, up to
// three words of [\w-] each with spaces after it, then one of
// onePassiveNouns ending a word, and what onePassiveAfterNoun reads.
func onePassiveFrom(s string, p int) bool {
	noun := func(q int) bool {
		if q == len(s) {
			return false
		}
		for _, n := range onePassiveNounsBy[s[q]] {
			if e := q + len(n); hasPrefixFold(s[q:], n) && (e == len(s) || !isWordASCII(s[e])) && onePassiveAfterNoun(s, e) {
				return true
			}
		}
		return false
	}
	try := func(q int) bool { return afterWords(s, skipSpaces(s, q), 3, noun) }
	if try(p) {
		return true
	}
	for _, a := range onePassiveArticles {
		if hasPrefixFold(s[p:], a) && try(p+len(a)) {
			return true
		}
	}
	return false
}

// onePassiveAfterNoun reports whether what follows the noun at s[e]
// matches ,?(?:\s+[^,.]{0,60},|\s+(?:in|aged|from|of)\s+[^,.]{1,30}?)? and
// the passive verb after it.
func onePassiveAfterNoun(s string, e int) bool {
	for _, x := range [...]int{e, e + 1} {
		if x == e+1 && (e == len(s) || s[e] != ',') {
			continue
		}
		if onePassiveVerbAt(s, x) {
			return true
		}
		if x == len(s) || !isSpaceASCII(s[x]) {
			continue
		}
		// \s+[^,.]{0,60},: spaces are of [^,.] too, so a comma clause fits
		// where the characters from after the last space to the first
		// comma or dot are at most 60 and that stop is a comma.
		y := skipSpaces(s, x)
		if c, n := runesToStop(s, y, 61); c < len(s) && s[c] == ',' && n <= 60 && onePassiveVerbAt(s, c+1) {
			return true
		}
		// \s+(?:in|aged|from|of)\s+[^,.]{1,30}?: any end from one to 30
		// characters after one of the spaces, none of them a comma or dot.
		for _, l := range onePassiveLinks {
			w := y + len(l)
			if !hasPrefixFold(s[y:], l) || w == len(s) || !isSpaceASCII(s[w]) {
				continue
			}
			for j := w + 1; j <= skipSpaces(s, w); j++ { // after the first space, the second, ...
				for z, n := j, 0; z < len(s) && s[z] != ',' && s[z] != '.' && n < 30; {
					_, size := utf8.DecodeRuneInString(s[z:])
					z, n = z+size, n+1
					if onePassiveVerbAt(s, z) {
						return true
					}
				}
			}
		}
	}
	return false
}

// runesToStop returns the offset of the first ',' or '.' at or after s[y],
// or where it stopped counting, and the characters before it, counting at
// most max.
func runesToStop(s string, y, max int) (int, int) {
	n := 0
	for y < len(s) && s[y] != ',' && s[y] != '.' && n < max {
		_, size := utf8.DecodeRuneInString(s[y:])
		y, n = y+size, n+1
	}
	return y, n
}

// onePassiveVerbAt matches \s+(?:was|has been|had been|is being)\s+
// (?:(?:later|subsequently|also|then)\s+)?(?:arrested|...)\b at s[x].
func onePassiveVerbAt(s string, x int) bool {
	a := skipSpaces(s, x)
	if a == x {
		return false
	}
	for _, aux := range onePassiveAux {
		v := spacedAfter(s, a, aux)
		if v < 0 {
			continue
		}
		if wordAltAt(s, v, onePassiveVerbAlts) >= 0 {
			return true
		}
		for _, adv := range onePassiveAdvs {
			if w := spacedAfter(s, v, adv); w >= 0 && wordAltAt(s, w, onePassiveVerbAlts) >= 0 {
				return true
			}
		}
	}
	return false
}

// endsNotSeizedItem reports whether s ends with "to" or "of the" and
// white space: what follows names no goods seized ("used to carry", "to
// the").
func endsNotSeizedItem(s string) bool {
	j := spacesBefore(s, len(s))
	return j < len(s) && (hasSuffixFold(s[:j], "to") || hasSuffixFold(s[:j], "of the"))
}

// endsSingleItem reports whether s ends with "a", "an" or "one" as a word
// of its own, maybe one more word of letters, digits, '_' and hyphens, and
// white space: a single item follows ("a loaded pistol").
func endsSingleItem(s string) bool {
	j := spacesBefore(s, len(s))
	if j == len(s) {
		return false
	}
	article := func(k int) bool { // "a", "an" or "one" ends at k, after no word character
		for _, w := range []string{"a", "an", "one"} {
			if i := k - len(w); i >= 0 && equalFoldASCII(s[i:k], w) && (i == 0 || !isWordASCII(s[i-1])) {
				return true
			}
		}
		return false
	}
	if article(j) {
		return true
	}
	// One word of [\w.-] between spaces ("a loaded pistol"), or two where
	// the first is a size or bore ("a .38 calibre revolver").
	for n := 0; n < 2; n++ {
		i := j
		for i > 0 && (isWordASCII(s[i-1]) || s[i-1] == '-' || s[i-1] == '.') {
			i--
		}
		k := spacesBefore(s, i)
		if i == j || k == i {
			return false
		}
		if article(k) {
			return true
		}
		p := k
		for p > 0 && (isWordASCII(s[p-1]) || s[p-1] == '-' || s[p-1] == '.') {
			p--
		}
		if !hasDigit(s[p:k]) && !hasDigit(s[k:j]) {
			return false // one of the two words back must be a size or bore: "a .38 calibre revolver", "a Taurus 9mm pistol"
		}
		j = k
	}
	return false
}

// mayBePassiveAfter is a cheap test that passiveAfterRe needs to pass: after
// white space, the text ends, or a stop or comma follows, or the first two
// letters of one of its words (a character beyond ASCII is left to the
// pattern, which reads "ſ" as s).
func mayBePassiveAfter(s string) bool {
	i := skipSpaces(s, 0)
	if i+1 >= len(s) {
		return true
	}
	switch s[i] {
	case ',', '.', ';', ':':
		return true
	}
	if s[i] >= utf8.RuneSelf || s[i+1] >= utf8.RuneSelf {
		return true
	}
	switch c, d := s[i]|0x20, s[i+1]|0x20; c { // in any ASCII case
	case 'i', 'u':
		return d == 'n' // in, inside, under
	case 'a':
		return d == 't' || d == 'f' || d == 'c' || d == 's' || d == 'n' // at, after, across, as, and
	case 'f':
		return d == 'r' // from
	case 'd':
		return d == 'u' // during
	case 'b':
		return d == 'y' || d == 'e' // by, between
	case 'o':
		return d == 'n' || d == 'v' // on, over the
	case 'w', 's':
		return d == 'i' // with, since
	case 'n':
		return d == 'e' // near
	case 't':
		return d == 'h' // throughout
	}
	return false
}
