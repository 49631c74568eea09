package extract

import (
	"regexp"
	"strings"
)

// Goods no list names, read as members of a list of goods that names some:
// "officers seized drugs, gold and silver", "they seized tanks of gas, drums
// and 20 kg of meth". A phrase is taken only where it stands in one list with
// goods already read (known), so that a list of people or places after a
// verb of seizing is not read as goods.

// listMembers returns the spans of the members of the list in text[start:end)
// that overlap none of known, where one member at least overlaps a known
// span. Members are split at commas, "and", "as well as", "plus" and "&";
// each is trimmed of its determiner and of words that end the list's clause
// ("were also", "as well"), cut before a word that starts where or when
// ("at its destination"), and kept when it reads as a short noun phrase in
// lower case with no figure.
func listMembers(text, low string, start, end int, known [][2]int) [][2]int {
	if !strings.Contains(low[start:end], ",") && !strings.Contains(low[start:end], " and ") &&
		!strings.Contains(low[start:end], " as well as ") && !strings.Contains(low[start:end], " plus ") && !strings.Contains(low[start:end], " & ") {
		return nil // one member: no list
	}
	var parts [][2]int
	p := start
	for p < end {
		sep, next := nextListSep(low, p, end)
		parts = append(parts, [2]int{p, sep})
		p = next
	}
	// "counterfeited and original security seals", "flash and hard drives":
	// a lone word that names no plural, then "and" and words that do, is
	// one member with them.
	for k := 0; k+1 < len(parts); k++ {
		w := strings.TrimSpace(text[parts[k][0]:parts[k][1]])
		next := strings.TrimSpace(text[parts[k+1][0]:parts[k+1][1]])
		if w != "" && !strings.ContainsAny(w, " ,") && !strings.HasSuffix(w, "s") && strings.Contains(next, " ") &&
			!overlapsAny(known, parts[k][0], parts[k][1]) && strings.TrimSpace(text[parts[k][1]:parts[k+1][0]]) == "and" {
			parts[k+1][0] = parts[k][0]
			parts = append(parts[:k], parts[k+1:]...)
			k--
		}
	}
	// The members in one run of goods phrases with a known member: a
	// phrase that is not goods ends the list ("350 weapons, some of
	// different brands and origins").
	var out, run [][2]int
	hasKnown := false
	flush := func() {
		if hasKnown {
			out = append(out, run...)
		}
		run, hasKnown = run[:0], false
	}
	for _, pt := range parts {
		if overlapsAny(known, pt[0], pt[1]) {
			hasKnown = true
			continue
		}
		if strings.TrimSpace(text[pt[0]:pt[1]]) == "" {
			continue // "two pistols, as well as ...": two separators in a row
		}
		s, e, ok := goodsPhrase(text, low, pt[0], pt[1])
		if !ok {
			flush()
			continue
		}
		run = append(run, [2]int{s, e})
	}
	flush()
	return out
}

// nextListSep returns where the list member starting at p ends in
// low[:end], a text's ASCII lower case, and where the next begins.
// The separators are ", and ", ", ", " and ", " as well as ", " plus "
// and " & ": the first that starts a text ends the member there, the
// longer ", and " before ", ". The text is read once up to the first.
func nextListSep(low string, p, end int) (int, int) {
	for i := p; i < end; i++ {
		switch low[i] {
		case ',':
			if strings.HasPrefix(low[i:end], ", and ") {
				return i, i + len(", and ")
			}
			if strings.HasPrefix(low[i:end], ", ") {
				return i, i + len(", ")
			}
		case ' ':
			for _, sep := range [...]string{" and ", " as well as ", " plus ", " & "} {
				if strings.HasPrefix(low[i:end], sep) {
					return i, i + len(sep)
				}
			}
		}
	}
	return end, end
}

// listDeterminers start a member and are not part of what was seized.
// A member after a comma may start with the list's conjunction ("pistols,
// as well as plates").
var listDeterminers = []string{"and ", "as well as ", "plus ", "a ", "an ", "the ", "some ", "several ", "various ", "also "}

// listTails end a list's clause after its last member ("were also seized",
// "as well"); listCuts start a phrase that says where, when or from whom.
var (
	listTails = map[string]bool{"were": true, "was": true, "is": true, "are": true, "been": true, "have": true, "has": true,
		"had": true, "also": true, "all": true, "later": true, "then": true, "being": true, "too": true, "well": true, "as": true}
	listCuts = []string{" at ", " in ", " on ", " from ", " during ", " belonging ", " which ", " that ", " who ", " worth ", " valued "}
)

// notGoodsStart start phrases that are not goods; notGoodsHead end them
// (people, not things); listVerbs say the phrase is a clause.
var (
	notGoodsStart = map[string]bool{"with": true, "of": true, "by": true, "for": true, "to": true, "from": true, "if": true,
		"when": true, "while": true, "who": true, "which": true, "that": true, "as": true, "such": true, "even": true,
		"than": true, "into": true, "including": true, "it": true, "they": true, "he": true, "she": true, "we": true,
		"this": true, "these": true, "those": true, "its": true, "their": true, "his": true, "her": true, "other": false,
		"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "more": true, "most": true, "many": true,
		"arrested": true, "detained": true, "charged": true, "identified": true, "dismantled": true, "raided": true,
		"searched": true, "executed": true, "launched": true, "conducted": true, "carried": true,
		"in": true, "at": true, "on": true, "during": true, "across": true, "after": true, "before": true, "near": true,
		"up": true, "down": true, "compared": true, "against": true, "about": true, "around": true, "nearly": true, "almost": true,
		"both": true, "all": true, "each": true, "including:": true, "mostly": true, "mainly": true, "according": true}
	notGoodsHead = map[string]bool{"individuals": true, "suspects": true, "people": true, "persons": true, "men": true,
		"women": true, "members": true, "officers": true, "others": true, "children": true, "victims": true, "couriers": true,
		"arrest": true, "arrests": true, "police": true, "sizes": true, "designs": true, "styles": true, "colours": true, "colors": true,
		"lengths": true, "shapes": true, "brands": true, "types": true, "kinds": true}
	listVerbs = map[string]bool{"were": true, "was": true, "is": true, "are": true, "been": true, "have": true, "has": true,
		"had": true, "be": true, "will": true, "would": true, "could": true, "said": true, "say": true, "says": true}
)

// goodsPhrase trims the member text[s:e) and reports whether it reads as
// goods: one to six words, a lower-case first letter, no digit, no
// quotation mark or bracket.
func goodsPhrase(text, textLow string, s, e int) (int, int, bool) {
	for s < e && text[s] == ' ' {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '.') {
		e--
	}
	for _, d := range listDeterminers {
		if e-s > len(d) && strings.EqualFold(text[s:s+len(d)], d) {
			s += len(d)
		}
	}
	low := textLow[s:e]
	for _, c := range listCuts {
		if k := strings.Index(low, c); k > 0 {
			e, low = s+k, low[:k]
		}
	}
	// The words, by their offsets in low; the clause's tail words dropped.
	var words [][2]int
	for i := 0; i < len(low); {
		for i < len(low) && low[i] == ' ' {
			i++
		}
		j := i
		for j < len(low) && low[j] != ' ' {
			j++
		}
		if j > i {
			words = append(words, [2]int{i, j})
		}
		i = j
	}
	for len(words) > 0 && listTails[low[words[len(words)-1][0]:words[len(words)-1][1]]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 || len(words) > 6 {
		return 0, 0, false
	}
	e = s + words[len(words)-1][1]
	if c := text[s]; c < 'a' || c > 'z' {
		return 0, 0, false
	}
	first, last := low[words[0][0]:words[0][1]], low[words[len(words)-1][0]:words[len(words)-1][1]]
	if notGoodsStart[first] || notGoodsHead[last] || strings.HasSuffix(last, "ed") || len(words) == 1 && strings.HasSuffix(first, "ing") {
		return 0, 0, false
	}
	if len(words) > 1 && strings.HasSuffix(first, "ing") && verbObjectStart[low[words[1][0]:words[1][1]]] {
		return 0, 0, false // "doubling the amount": a verb and its object, not goods
	}
	for _, w := range words {
		if word := low[w[0]:w[1]]; listVerbs[word] || isWordNumber(word) {
			return 0, 0, false
		}
	}
	if strings.ContainsAny(text[s:e], "0123456789\"“”‘’()[]:;") {
		return 0, 0, false
	}
	return s, e, true
}

// verbObjectStart are the words that start a verb's object after a word in -ing.
var verbObjectStart = wordSet("the a an his her their its this that these those them it")

// isWordNumber reports whether w is a number in words ("six", "twenty-one"):
// a figure, read by the figure passes, not goods of a list.
func isWordNumber(w string) bool {
	_, ok := wordValue(w)
	return ok
}

// overlapsAny reports whether text[start:end) overlaps one of spans.
func overlapsAny(spans [][2]int, start, end int) bool {
	for _, sp := range spans {
		if sp[0] < end && start < sp[1] {
			return true
		}
	}
	return false
}

// markSeizedLists marks the lines of a bulleted list under a line that ends
// with a colon and tells of seizing ("The following items were seized:",
// "Officers recovered:"): each line is goods seized, though it has no verb.
func (r *run) markSeizedLists() {
	for i, sf := range r.sents {
		if i > 0 && sf.s.Text[0] == 'T' && (strings.Contains(sf.low, " includ") || strings.Contains(sf.low, " compris") || strings.Contains(sf.low, " consist")) &&
			goodsIncludedRe.MatchString(sf.s.Text) && r.seizedBefore(i) {
			sf.seizedItem = true // "The firearms included 12 pistols, ...": the haul told before, broken down
		}
		if !strings.HasSuffix(strings.TrimSpace(sf.s.Text), ":") {
			continue
		}
		// ("The results of the operation include:" opens a list of figures
		// too, and "The drugs were:" after a sentence that seized them.)
		if !(sf.cues&cueSeize != 0 && hasSeizeCue(sf.s.Text)) && !hasAnyWord(sf.low, resultListWords) &&
			!(i > 0 && len(sf.toks) <= 6 && r.sents[i-1].cues&cueSeize != 0 && hasSeizeCue(r.sents[i-1].s.Text)) {
			continue
		}
		bulleted := i+1 < len(r.sents) && isBulletLine(r.sents[i+1].s.Text)
		for j := i + 1; j < len(r.sents) && (isBulletLine(r.sents[j].s.Text) || !bulleted && listLine(r.sents[j], r.sents[j-1])); j++ {
			r.sents[j].seizedItem = true
		}
	}
}

// goodsIncludedRe opens a sentence that breaks down goods told before:
// "The firearms included 12 pistols", "The items seized comprised ...".
var goodsIncludedRe = regexp.MustCompile(`^(?:The|These|Those) (?:[\w-]+ ){0,2}?(?:items|goods|firearms|weapons|guns|drugs|narcotics|haul|seizures?|contraband|cache|arms)(?: (?:seized|recovered|confiscated|found))? (?:included|include|includes|comprised|comprise|consisted of|consist of)\b`)

// seizedBefore reports whether one of the two sentences before sentence i
// tells of seizing.
func (r *run) seizedBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if r.sents[j].cues&cueSeize != 0 && hasSeizeCue(r.sents[j].s.Text) {
			return true
		}
	}
	return false
}

// listLine reports whether sentence sf, after prev, is a line of a list
// written without bullets ("resulting in the following seizures:" then
// "Three vehicles", "40 doses of LSD" a line each): short, on a line of
// its own, ending in no colon.
func listLine(sf, prev *sentenceFacts) bool {
	t := strings.TrimSpace(sf.s.Text)
	return len(t) > 0 && len(t) <= 90 && !strings.HasSuffix(t, ":") && sf.s.Start > 0 && sf.s.Para != prev.s.Para
}

// resultListWords, in a line ending with a colon, open a list of what an
// operation achieved: its lines name goods seized without a verb.
var resultListWords = wordSet("results result outcome outcomes tally totals haul include included includes")
