package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/opgraph/opgraph/graph"
)

// --- arrests ---

var (
	// The nouns and verbs of a count of people arrested, as regexps: those
	// matchArrestPassive reads (a word after "alleged" or "suspected" too).
	arrestNouns = `(?:` + strings.Join(passiveNouns, "|") + `|alleged \w+|suspected \w+|of them)`
	// FIG arrests / FIG of the arrests
	arrestsAfterRe = regexp.MustCompile(`(?i)^\s+(?:of the\s+|more\s+|new\s+|further\s+|additional\s+)?arrests?\b`)
)

func (r *run) findArrests(i int, sf *sentenceFacts) {
	r.rule = "arrest.figure"
	text := sf.s.Text
	if sf.cues&cueArrest == 0 {
		return
	}
	// Cheap tests the patterns need to pass: the anchored ones start with
	// spaces; each needs some words in its ASCII lower case.
	lits := sf.holdsAny
	found := false
	var added []int // the starts of the figures read as arrests
	for _, f := range sf.figures() {
		after, before := text[f.End:], text[:f.Start]
		spaced := after != "" && isSpaceASCII(after[0])
		lowAfter := sf.low[f.End:]
		if spaced && notArrestLow(lowAfter) && !officersArrestedRe.MatchString(lowAfter) {
			continue
		}
		if notArrestFigure(sf, f.Start, f.End) || r.goodsAfter(sf, f.End) || sumBefore(text[:f.Start]) {
			continue
		}
		if spaced && found && endsArrestAnd(tail(before, 60)) && arrestNounAfterRe.MatchString(after) {
			// "arrested 12 men and 3 women": a group of its own, whatever its count.
			r.recordGroupArrest(i, sf, f)
			added = append(added, f.Start)
			continue
		}
		if spaced && lits(lowAfter, arrestWords) && arrestsAfterRe.MatchString(after) ||
			spaced && lits(lowAfter, arrestVerbs) && arrestLeadLow(lowAfter) &&
				(passiveArrest(after) || arrestBare(after)) ||
			lits(tail(sf.low[:f.Start], 60), arrestBeforeWords) &&
				(endsActiveArrest(tail(before, 60)) || endsArrestOf(tail(before, 60))) {
			if !f.Vague && personThenOneMore(lowAfter) {
				f.Value++ // "arrested eight men and a woman": nine, as "two men and a woman were arrested" is three
			}
			whole := r.addArrest(i, sf, f, f.Start)
			r.addBreakdown(i, sf, f, whole)
			r.addElidedArrests(i, sf, f, whole)
			found = true
			added = append(added, f.Start)
		}
	}
	if found {
		r.addCoordinatedGroups(i, sf, added)
		return
	}
	var loc []int
	if lits(sf.low, oneActiveVerbs) {
		if p := arrestOneActiveAt(text); p >= 0 && !r.anotherGroupAfter(sf, p) {
			loc = []int{p}
		}
	}
	if loc == nil && lits(sf.low, onePassiveVerbs) && lits(sf.low, arrestOnePassiveAux) {
		if p := arrestOnePassiveAt(text); p >= 0 {
			loc = []int{p}
		}
	}
	if n := namesListedArrested(sf.s.Text); n > 0 {
		r.rule = "arrest.names-listed"
		r.addArrest(i, sf, figure{Value: float64(n), Qualifier: "exact"}, 0)
		return
	}
	r.rule = "arrest.one"
	if loc != nil {
		r.addArrest(i, sf, figure{Value: 1, Qualifier: "exact"}, loc[0])
	} else if loc := r.namedArrest(sf); loc >= 0 {
		r.rule = "arrest.named"
		n := 1
		for _, v := range []string{"arrested ", "detained "} {
			if strings.HasPrefix(sf.low[loc:], v) {
				n = max(1, namesListedFrom(sf.s.Text[loc+len(v):])) // "arrested Karen Lee Dobbs, Victor Allen Price and Teresa Ann Gomez"
			}
		}
		r.addArrest(i, sf, figure{Value: float64(n), Qualifier: "exact"}, loc)
	}
}

// addCoordinatedGroups reads the groups of people joined to an arrest
// figure by "and" or a comma, each its own count: "arrested seven
// Peruvians and two Mexicans", "two women and three men were arrested",
// "four men and two women being held". added holds the starts of the
// figures already read as arrests.
func (r *run) addCoordinatedGroups(i int, sf *sentenceFacts, added []int) {
	figs := sf.figures()
	isAdded := func(f figure) bool { return slices.Contains(added, f.Start) }
	// a and b, in this order, are groups of people joined.
	joined := func(a, b figure) bool { return r.groupJoint(sf, a.End, b.Start) && r.peopleNounAt(sf, b.End) }
	for more := true; more; { // until no group is added: "two women, a teenager and three men were ..."
		more = false
		for k, f := range figs {
			if isAdded(f) || f.Vague {
				continue
			}
			if k > 0 && isAdded(figs[k-1]) && joined(figs[k-1], f) || k+1 < len(figs) && isAdded(figs[k+1]) && joined(f, figs[k+1]) {
				r.rule = "arrest.group"
				r.recordGroupArrest(i, sf, f)
				added, more = append(added, f.Start), true
			}
		}
	}
}

// groupJoint reports whether the text of sf from start to end, between two
// figures, is a group of people's noun of one to three words ending in a
// noun of people, then "and" or a comma: " women and ", " Peruvians, ",
// " suspected dealers and ".
func (r *run) groupJoint(sf *sentenceFacts, start, end int) bool {
	s := strings.TrimSpace(sf.s.Text[start:end])
	var rest string
	switch {
	case strings.HasSuffix(s, ", and"):
		rest = strings.TrimSuffix(s, ", and")
	case strings.HasSuffix(s, " and"):
		rest = strings.TrimSuffix(s, " and")
	case strings.HasSuffix(s, ","):
		rest = strings.TrimSuffix(s, ",")
	default:
		return false
	}
	toks := sf.tokensIn(start, start+len(sf.s.Text[start:end])-len(strings.TrimLeft(sf.s.Text[start:end], " "))+len(rest))
	if len(toks) == 0 || len(strings.Fields(rest)) != len(toks) {
		return false
	}
	if len(toks) <= 3 && r.peopleWord(toks[len(toks)-1]) {
		return true
	}
	// "126 suspects of child exploitation and 68 suspects of trafficking":
	// the noun, then what they are suspected of.
	for k := 0; k < len(toks) && k < 3; k++ {
		if r.peopleWord(toks[k]) {
			return k+1 < len(toks) && (toks[k+1].Lower == "of" || toks[k+1].Lower == "for") && len(toks) <= k+5
		}
	}
	return false
}

// peopleNounAt reports whether the words after byte pos of sf name people,
// maybe after one adjective: "men", "suspected dealers", "Peruvians".
func (r *run) peopleNounAt(sf *sentenceFacts, pos int) bool {
	toks := sf.tokensIn(pos, min(len(sf.s.Text), pos+40))
	for k := 0; k < len(toks) && k < 2; k++ {
		if r.peopleWord(toks[k]) {
			return true
		}
	}
	return false
}

// peopleWord reports whether t is a noun of people: one of personNouns
// ("men", "suspects") or a nationality's people ("Chinese",
// "Peruvians", the plural's s dropped).
func (r *run) peopleWord(t token) bool {
	if personNouns[t.Lower] {
		return true
	}
	one := token{Text: strings.TrimSuffix(t.Text, "s"), Lower: strings.TrimSuffix(t.Lower, "s")}
	return isCapitalised(t.Text) && (r.isDemonym([]token{{Text: t.Text, Lower: t.Lower}}) || r.isDemonym([]token{one}))
}

// namesListedArrested counts the people a sentence that opens "Arrested
// were" (or "Those arrested were", "Detained were") names: the parts of
// the list after it that start with a capital, split at commas, "and" and
// semicolons. 0 where the sentence does not open so.
func namesListedArrested(s string) int {
	rest := ""
	for _, lead := range []string{"Arrested were ", "Those arrested were ", "Those arrested are ", "Detained were ", "Those detained were ", "Arrested are ",
		"The arrested were ", "The detained were "} {
		if strings.HasPrefix(s, lead) {
			rest = s[len(lead):]
			break
		}
	}
	if rest == "" {
		return 0
	}
	rest = strings.TrimRight(strings.TrimSpace(rest), ".")
	n := 0
	for _, part := range strings.FieldsFunc(strings.ReplaceAll(rest, " and ", ","), func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if part != "" && part[0] >= 'A' && part[0] <= 'Z' {
			n++
		} else if part != "" && !strings.HasPrefix(part, "all ") && !ageOrPlace(part) {
			return 0 // not a list of names: "Arrested were two men"
		}
	}
	return n
}

// namesListedFrom counts the names of a list that opens s: runs of two to
// four capitalised words, each maybe with an age between commas, joined by
// commas and "and" ("Karen Lee Dobbs, 34, Victor Allen Price and Teresa Ann
// Gomez were"); it stops at the first part that is no name.
func namesListedFrom(s string) int {
	n := 0
	for _, part := range strings.FieldsFunc(strings.ReplaceAll(s, " and ", ","), func(r rune) bool { return r == ',' || r == ';' }) {
		words := strings.Fields(part)
		if len(words) == 0 {
			continue
		}
		if ageOrPlace(strings.TrimSpace(part)) {
			continue // "34" after a name
		}
		caps := 0
		for _, w := range words {
			if w[0] < 'A' || w[0] > 'Z' {
				break
			}
			caps++
		}
		if caps < 2 || caps > 4 {
			break
		}
		n++
		if caps < len(words) {
			break // the list's last name, then its verb: "Teresa Ann Gomez were"
		}
	}
	return n
}

// ageOrPlace reports whether part, a piece of a list of names, is what
// follows a name rather than a name: an age ("45") or "of Leeds".
func ageOrPlace(part string) bool {
	return part[0] >= '0' && part[0] <= '9' || strings.HasPrefix(part, "of ") || strings.HasPrefix(part, "from ") || strings.HasPrefix(part, "aged ")
}

// memberArrested reports whether agency mention a names the body of people
// who were arrested, not who arrested them: "arrested a PDEA official", "two
// customs officers were detained".
func memberArrested(sf *sentenceFacts, a mention) bool {
	after := sf.tokensIn(a.End, a.End+40)
	if len(after) == 0 || !memberNouns[after[0].Lower] {
		return false
	}
	for k := 2; k < len(after) && k <= 3; k++ {
		if arrestedWords[after[k].Lower] && beAux[after[k-1].Lower] {
			return true // "a PDEA official was arrested" ("Border Patrol agents arrested 14" acted)
		}
	}
	before := sf.tokensIn(max(0, a.Start-40), a.Start)
	for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
		if arrestedWords[before[k].Lower] {
			return true // "arrested a PDEA official"
		}
		if before[k].Lower == "including" || before[k].Lower == "among" {
			return true // "arrested 37 people, including two Carabinieri officers": among the arrested
		}
	}
	return false
}

var (
	beAux         = wordSet("was were been being")
	memberNouns   = wordSet("official officials agent agents officer officers employee employees member members staff personnel operative operatives")
	arrestedWords = wordSet("arrested detained apprehended nabbed held charged")
)

// nounlessAfter reports whether s, after a number, goes on with no noun
// of its own: a verb or a comma ("42 were arrested", "42, of Kano").
func nounlessAfter(s string) bool {
	for _, w := range []string{" were ", " was ", " is ", " are ", ",", " years"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// addElidedArrests reads the counts after arrest figure f that leave out
// their noun and verb, each with its place: "13 were arrested in Spain, six
// in France and 10 in Belgium". Where f's own clause names its place before
// them, they are counts of their own; where they follow f at once ("arrested
// 40 people: 13 in Spain and 27 in France"), they are its parts.
func (r *run) addElidedArrests(i int, sf *sentenceFacts, f figure, whole int) {
	text := sf.s.Text
	figs := sf.figures()
	k := slices.IndexFunc(figs, func(g figure) bool { return g.Start == f.Start })
	if k < 0 || k+1 == len(figs) {
		return
	}
	r.rule = "arrest.elided"
	last, parts := f.End, false
	rest := figs[k+1:]
	for len(rest) > 1 {
		if p, _ := sf.placeAfterIn(rest[0].End); p != "" {
			break
		}
		rest = rest[1:] // "20 people in three provinces – 12 in Cadiz": a figure of another noun first
	}
	for n, g := range rest {
		joint := strings.TrimSpace(text[last:g.Start])
		joint = strings.TrimSpace(strings.TrimSuffix(joint, "another")) // "and another five in Spain"
		switch {
		case n == 0 && sf.holdsPlaceIn(f.End, g.Start):
			// "were arrested in Spain," after f: its verb and place, then a comma or "and".
			if !strings.HasSuffix(joint, ",") && !strings.HasSuffix(joint, " and") {
				return
			}
		case n == 0:
			// "arrested 40 people: 13 in Spain": its noun, then the parts.
			if !strings.HasSuffix(joint, ":") && !strings.HasSuffix(joint, ",") && !strings.HasSuffix(joint, " including") &&
				!strings.HasSuffix(joint, "–") && !strings.HasSuffix(joint, "—") && !strings.HasSuffix(joint, " -") {
				return
			}
			parts = true // ("20 people in three provinces – 12 in Cadiz, ...")
		case joint != "," && joint != "and" && joint != ", and":
			return
		}
		place, end := sf.placeAfterIn(g.End)
		if place == "" || f.Vague || g.Vague || parts && g.Value >= f.Value {
			return
		}
		gg := g
		gg.End = end
		if parts {
			if n == 0 && deref(r.out.Arrests[whole].Location) == place {
				r.out.Arrests[whole].Location = nil // the whole's place was its first part's
			}
			r.addArrestPart(i, sf, gg, place, whole)
		} else {
			r.recordArrest(i, sf, gg, g.Start, place)
		}
		last = end
	}
}

// holdsPlaceIn reports whether a place the sentence names starts in its
// text [from, to).
func (sf *sentenceFacts) holdsPlaceIn(from, to int) bool {
	return slices.ContainsFunc(sf.places, func(p mention) bool { return p.Start >= from && p.Start < to })
}

// placeAfterIn returns the place named right after "in" at byte p ("six in
// France", "two others in Estonia") and where its name ends, or "".
func (sf *sentenceFacts) placeAfterIn(p int) (string, int) {
	rest := sf.s.Text[p:]
	for _, w := range []string{" others", " more", " people", " suspects"} {
		if strings.HasPrefix(rest, w+" in ") {
			p += len(w)
			rest = rest[len(w):]
			break
		}
	}
	if !strings.HasPrefix(rest, " in ") {
		return "", 0
	}
	at := p + len(" in ")
	for _, pl := range sf.places {
		if pl.Start == at || strings.HasPrefix(sf.s.Text[at:], "the ") && pl.Start == at+len("the ") {
			return pl.Name, pl.End
		}
	}
	return "", 0
}

// anotherGroupAfter reports whether the one person arrested at byte p is
// joined by "and" to a count of others ("arrested a man and two women"),
// which the rules of arrests.rules read as one count.
func (r *run) anotherGroupAfter(sf *sentenceFacts, p int) bool {
	toks := sf.tokensIn(p, min(len(sf.s.Text), p+80))
	for k := 1; k+1 < len(toks) && k < 8; k++ {
		if toks[k].Lower != "and" {
			continue
		}
		n := toks[k+1]
		_, word := wordNumbers[n.Lower]
		if personNouns[n.Lower] || k+2 < len(toks) && (n.Lower == "his" || n.Lower == "her" || n.Lower == "their" || n.Lower == "the") && personNouns[toks[k+2].Lower] {
			return true // "arrested the driver and passenger", "the owner and his son"
		}
		return (isNumberToken(n.Text) || word || n.Lower == "a" || n.Lower == "an") &&
			slices.ContainsFunc(toks[k+1:min(len(toks), k+6)], func(t token) bool { return personNouns[t.Lower] })
	}
	return false
}

// The words, in ASCII lower case, that some arrest patterns need.
var (
	arrestWords         = []string{"arrest"}
	arrestBeforeWords   = []string{"arrest", "detain", "detention", "apprehen", "capture of"}
	arrestVerbs         = []string{"arrested", "detained", "taken into custody", "apprehended", "held", "nabbed", "rounded up", "picked up", "collared"}
	arrestOnePassiveAux = []string{"was", "been", "being"}
)

// notArrestWords are the nouns after a figure that make it no count of
// arrests ("12 arrest warrants", "five years"), each with and without its
// "s".
var notArrestWords = newWordAlts("warrants", "warrant", "charges", "charge", "searches", "raids", "convictions", "conviction",
	"targets", "years", "year", "months", "month", "days", "day", "officers", "officer", "investigators", "investigator",
	"agents", "agent", "countries", "agencies")

// officersArrestedRe reads officers or agents who were themselves arrested,
// after a figure: "two NDLEA officers were arrested", "three customs agents
// have been detained". ("200 officers arrested 12" counts the actors.)
var officersArrestedRe = regexp.MustCompile(`^\s+(?:[a-z-]+\s+){0,2}(?:officers|officer|agents|agent)\s+(?:were|was|have been|had been|has been)\s+(?:also\s+|later\s+)?(?:arrested|detained|apprehended)\b`)

// notArrestLow reports whether the text after a figure, in ASCII lower
// case, starts with spaces, maybe a word of letters and hyphens and
// spaces, then one of notArrestWords ending a word.
func notArrestLow(low string) bool {
	c := skipSpaces(low, 0)
	if c == 0 {
		return false
	}
	if wordAltAt(low, c, notArrestWords) >= 0 {
		return true
	}
	e := c
	for e < len(low) && (low[e] >= 'a' && low[e] <= 'z' || low[e] == '-') {
		e++
	}
	if e == c {
		return false
	}
	c = skipSpaces(low, e)
	return c > e && wordAltAt(low, c, notArrestWords) >= 0
}

// skipSpaces returns the end of the run of \s starting at s[p].
func skipSpaces(s string, p int) int {
	for p < len(s) && isSpaceASCII(s[p]) {
		p++
	}
	return p
}

// arrestLeads begin the word of matchArrestPassive's or arrestBare's
// noun (the first word of each of arrestNouns) or verb (arrestVerbs', or
// "were").
var arrestLeads = []string{"people", "person", "suspect", "men", "man", "women", "woman", "individual", "offenders", "members",
	"others", "youths", "teen", "boys", "girls", "adults", "juveniles", "minors", "nationals", "citizens", "foreigners",
	"couriers", "dealers", "traffickers", "gang", "drug", "defendants", "accused", "fugitives", "operators", "vendors",
	"administrators", "associates", "ringleaders", "leaders", "alleged", "suspected", "of",
	"were", "arrested", "detained", "taken", "apprehended", "held", "nabbed", "rounded", "picked", "collared"}

// arrestLeadLow is a cheap test that matchArrestPassive and arrestBare
// need to pass on a text in ASCII lower case: their noun or verb starts
// one of the first three words after the spaces, and the words before it
// are letters, digits, '_' and '-' only ([\w-]+), each followed by spaces.
func arrestLeadLow(low string) bool {
	c := skipSpaces(low, 0)
	if c == 0 {
		return false
	}
	return afterWords(low, c, 2, func(c int) bool {
		for _, w := range arrestLeads {
			if strings.HasPrefix(low[c:], w) {
				return true
			}
		}
		return false
	})
}

// namedArrest finds one named person arrested, where the name is no agency,
// place or platform; it returns the byte offset, or -1.
func (r *run) namedArrest(sf *sentenceFacts) int {
	if !strings.Contains(sf.s.Text, "arrested") && !strings.Contains(sf.s.Text, "detained") {
		return -1 // both patterns need one of the two
	}
	for _, find := range [...]func(string) [][]int{findNamedArrestsActive, findNamedArrestsPassive} {
		for _, loc := range find(sf.s.Text) {
			if overlapsMention(sf.agencies, loc[0], loc[1]) || overlapsMention(sf.places, loc[0], loc[1]) ||
				overlapsMention(sf.platforms, loc[0], loc[1]) || overlapsMention(sf.operations, loc[0], loc[1]) {
				continue
			}
			return loc[0]
		}
	}
	return -1
}

func (r *run) addArrest(i int, sf *sentenceFacts, f figure, pos int) int {
	return r.recordArrest(i, sf, f, pos, "")
}

// recordGroupArrest records the count of one group of several joined by
// "and" (addCoordinatedGroups): a count of its own even where it equals its
// neighbour's ("two women and two men").
func (r *run) recordGroupArrest(i int, sf *sentenceFacts, f figure) {
	r.recordArrestApart(i, sf, f, f.Start, "", true)
}

// addArrestPart records a part of the breakdown of arrests r.out.Arrests[whole].
func (r *run) addArrestPart(i int, sf *sentenceFacts, f figure, place string, whole int) {
	if k := r.recordArrest(i, sf, f, f.Start, place); k != whole && whole >= 0 && r.out.Arrests[k].PartOf == nil {
		r.out.Arrests[k].PartOf = &whole
	}
}

// recordArrest records an arrest figure and returns its index in
// r.out.Arrests (an earlier one where the text says the same again).
func (r *run) recordArrest(i int, sf *sentenceFacts, f figure, pos int, place string) int {
	return r.recordArrestApart(i, sf, f, pos, place, false)
}

// recordArrestApart is recordArrest; apart keeps the figure a fact of its
// own where it restates none.
func (r *run) recordArrestApart(i int, sf *sentenceFacts, f figure, pos int, place string, apart bool) int {
	r.arrestsRead++
	r.arrestEnds = append(r.arrestEnds, f.End)
	agency, op := r.actorAndOperation(i, pos)
	a := Arrest{Qualifier: f.Qualifier, Agency: r.strp(agency), Operation: r.strp(op), Date: r.dateIn(sf, pos),
		EventDate: r.eventDate(sf, pos), Evidence: r.evidence(sf, 0.8), sentence: i}
	a.AssertedBy = r.asserted(sf, a.Evidence)
	a.Context = r.isContext(sf, pos) || r.pastYear(a.EventDate)
	a.Evidence[len(a.Evidence)-1].Context = a.Context
	if !f.Vague {
		a.Count = r.nump(f.Value)
	}
	if place != "" {
		a.Location = r.strp(place)
	} else if len(sf.places) > 0 {
		a.Location = r.strp(placeNear(sf, pos))
	} else if !a.Context {
		a.Location = r.strp(r.contextPlace(i)) // (a figure given for comparison may be from anywhere)
	}
	// The same figure said again (a headline, a summary list, "the five
	// arrests" after "arrested five people") is the same fact.
	restated := place == "" && restatesTotal(sf.s.Text)
	headline := r.isTitleLine(i) // the headline said again in the body: its figures are the body's, wherever each names
	definite := place == "" && definiteBefore(sf.s.Text, f.Start) || restated
	// "A third woman, aged 26, was arrested": one more, not one told again.
	another := a.Count != nil && *a.Count == 1 && pos < len(sf.low) && hasAnyPrefix(sf.low[pos:], anotherOnes...)
	// "Separately, police in Van arrested two other suspects": another event's count, however like an earlier one.
	if startsSeparateEvent(sf) || additiveAfter(sf, f.End) {
		another = true
	}
	for k := range r.out.Arrests {
		old := &r.out.Arrests[k]
		if apart && old.sentence == i || another && old.sentence != i {
			continue
		}
		if a.Count != nil && old.Count != nil && *old.Count == *a.Count && (place == "" || samePlace(deref(old.Location), place)) &&
			(*a.Count < 2 && !r.apartInPlace(old, &a) || definite || headline || r.isTitleLine(old.sentence) || old.Location == nil || a.Location == nil ||
				samePlace(*old.Location, *a.Location) && samePortness(*old.Location, *a.Location)) {
			if old.Agency == nil && !restated { // (a summing-up names who acted less well than the telling)
				old.Agency = a.Agency
			} else if a.Agency != nil && !restated && r.namesAgency(i, *a.Agency) && !r.namesAgency(old.sentence, *old.Agency) {
				old.Agency = a.Agency // "A man was arrested by An Garda Síochána" names who the lead's arrest inherited wrongly
			}
			if old.Operation == nil {
				old.Operation = a.Operation
			}
			if !old.EventDate.fromText() && a.EventDate.fromText() {
				old.Date, old.EventDate = a.Date, a.EventDate
			}
			old.Evidence = append(old.Evidence, a.Evidence...)
			return k
		}
	}
	r.out.Arrests = append(r.out.Arrests, a)
	return len(r.out.Arrests) - 1
}

// additiveAfter reports whether the word right after byte p of sf is one
// of additiveWords: "two other suspects", "three more men".
func additiveAfter(sf *sentenceFacts, p int) bool {
	after := sf.tokensIn(p, min(len(sf.s.Text), p+20))
	return len(after) > 0 && additiveWords[after[0].Lower] && strings.TrimSpace(sf.s.Text[p:after[0].Start]) == ""
}

// isTitleLine reports whether sentence i is the article's title said again
// in the body (letters and digits compared, in lower case).
func (r *run) isTitleLine(i int) bool {
	t := r.doc.Title
	if t == "" || i < 0 || i >= len(r.sents) || i > 2 {
		return false
	}
	if r.titleLines[i] == 0 {
		r.titleLines[i] = 1
		if lettersOf(r.sents[i].s.Text) == lettersOf(t) {
			r.titleLines[i] = 2
		}
	}
	return r.titleLines[i] == 2
}

// lettersOf is s's letters and digits in lower case.
func lettersOf(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// anotherOnes open the telling of one more person: "a third woman".
var anotherOnes = []string{"a second ", "a third ", "a fourth ", "a fifth ", "another ", "a further ", "one more "}

// namesAgency reports whether sentence i names the agency itself.
func (r *run) namesAgency(i int, name string) bool {
	return slices.ContainsFunc(r.sents[i].agencies, func(m mention) bool { return m.Name == name })
}

// apartInPlace reports whether two arrests of one person each were made in
// places the text names apart, in sentences of their own: "arrested a man
// in Worcester. On Friday they arrested a man in Pershore."
func (r *run) apartInPlace(old, a *Arrest) bool {
	if old.sentence == a.sentence || old.Location == nil || a.Location == nil || samePlace(*old.Location, *a.Location) {
		return false
	}
	// Each place said as where: "in Pershore", "at Athlone", in the arrest's own sentence.
	where := func(i int, place string) bool {
		t := r.sents[i].s.Text
		return strings.Contains(t, " in "+place) || strings.Contains(t, " at "+place)
	}
	return where(old.sentence, *old.Location) && where(a.sentence, *a.Location)
}

// restatesTotal reports whether a sentence opens with words that sum up
// what the article told before ("In total, 40 people were arrested"): its
// counts are those said already, wherever its places.
func restatesTotal(s string) bool {
	for _, lead := range []string{"In total", "In all", "Overall", "Altogether", "All told", "All in all"} {
		if strings.HasPrefix(s, lead) && len(s) > len(lead) && (s[len(lead)] == ',' || s[len(lead)] == ' ') {
			return true
		}
	}
	return false
}

// samePortness reports whether two places are both ports or airports, or
// neither: "Islamabad International Airport" and "Islamabad" (its
// expressway) are two places where figures were made, though one city's.
func samePortness(a, b string) bool {
	port := func(s string) bool {
		l := strings.ToLower(s)
		return strings.Contains(l, "airport") || strings.HasPrefix(l, "port of ") || strings.HasSuffix(l, " port")
	}
	return port(a) == port(b)
}

// definiteBefore reports whether the word before byte pos of s is a
// definite article or demonstrative: "the five arrests", "those 12 men"
// point back at a figure already given.
func definiteBefore(s string, pos int) bool {
	e := spacesBefore(s, pos)
	if e == pos {
		return false
	}
	st := e
	for st > 0 && isWordASCII(s[st-1]) {
		st--
	}
	switch lowerASCII(s[st:e]) {
	case "the", "these", "those":
		return true
	}
	return false
}

func (r *run) dateIn(sf *sentenceFacts, pos int) *string {
	if k := dateFor(sf, pos); k >= 0 {
		return r.strp(sf.dates[k].Name)
	}
	return nil
}

// dateFor returns which of the sentence's dates is that of the figure at
// byte pos, or -1 where it has none: the first after the figure in its
// clause, else the last before it there, else the sentence's first ("3.7
// tonnes in 2022 and 3.2 tonnes in 2015" dates each by its own year).
func dateFor(sf *sentenceFacts, pos int) int {
	if len(sf.dates) == 0 {
		return -1
	}
	cs, ce := sf.clauseAt(pos)
	before := -1
	for k, d := range sf.dates {
		if d.Start < cs || d.End > ce {
			continue
		}
		if d.Start >= pos {
			return k
		}
		before = k
	}
	if before >= 0 {
		return before
	}
	return 0
}

// actorAndOperation gives the figure at byte pos of sentence i its agency
// (agencyFor) and operation (operationFor). A figure in a sentence that
// names no agency, no operation and no other actor is the work of the
// operation's one owner: "The DEA's Operation Crystal Shield targeted
// hubs. Agents seized 28 tonnes during the operation."
func (r *run) actorAndOperation(i, pos int) (agency, op string) {
	agency = r.agencyFor(i, pos)
	op = r.operationFor(i, agency)
	sf := r.sents[i]
	if agency == "" && op != "" && len(sf.agencies) == 0 && len(sf.operations) == 0 && !r.isHistoric(sf) &&
		!sf.namesLocalPolice() && !r.inSeparateEvent(i) && !genericActorBefore(sf, len(sf.s.Text), false) && !r.supportedOperation(op) {
		agency = r.operationOwner(op)
	}
	return agency, op
}

// supportedOperation reports whether the text says others supported the
// operation ("officers supported the NCA's Operation Larkspur"): its
// figures may be theirs, not its owner's.
func (r *run) supportedOperation(name string) bool {
	for _, sf := range r.sents {
		for _, o := range sf.operations {
			if o.Name == name && strings.Contains(tail(sf.low[:o.Start], 40), "support") {
				return true
			}
		}
	}
	return false
}

// agencyFor picks the agency a figure at byte pos of sentence i belongs to:
// the one the sentence credits ("says the NCA"), else the nearest named
// before the figure, else after it; with none named, the agency of the
// sentences just before, unless the sentence is about an earlier time.
func (r *run) agencyFor(i, pos int) string {
	sf := r.sents[i]
	all, credited := r.figureAgencies(sf)
	// Who acted, not who supported, funded or said so: "Eurojust said
	// national police arrested 40" gives the 40 to no agency named.
	var buf [8]mention
	cands := buf[:0]
	actorSaid := false
	for _, a := range all {
		if a.Start > pos && byAgentBetween(sf.low[pos:a.Start]) && !r.supportsOnly(sf, a) {
			// The agent of a passive after the figure: "X said 23 persons
			// were arrested by the Guyana Police Force".
			return r.parentAgency(sf, a)
		}
	}
	for k, a := range all {
		if r.supportsOnly(sf, a) || r.partnerOnly(sf, a) || r.coordinatorSays(sf, a) || memberArrested(sf, a) || isCourt(a.Name) {
			continue // (a court judges: "arrested and will appear in the District Court")
		}
		if other := r.saidOtherActor(sf, a, pos); other {
			actorSaid = true
			continue
		}
		if k == credited {
			continue // quoted about the work: the actor only when no other is named (below)
		}
		if credited >= 0 && k == credited+1 && a.Start < pos && coordinated(joiner(sf, all[credited].End, a.Start)) {
			continue // "According to the DOJ and Europol, ...": both only tell of it
		}
		if credited < 0 && a.Start > pos && saysAfter(sf, a) {
			credited = k // "..., the DIICOT prosecutors said": who said so, after the figure
			continue
		}
		cands = append(cands, a)
	}
	if len(cands) == 0 && !actorSaid {
		if a := r.anaphorAgency(i, pos); a != "" {
			return a // "The task force seized 14 kg, according to the sheriff's office"
		}
	}
	if credited >= 0 && len(cands) == 0 && !actorSaid && !r.supportsOnly(sf, all[credited]) {
		intl := r.agencyCountry(all[credited].Name) == "INT"
		if genericActorBefore(sf, pos, intl) {
			return "" // "Police arrested 12, according to Europol": police did it
		}
		if !intl {
			return all[credited].Name
		}
		// "40 people were arrested, according to Europol": an international
		// body tells of others' work; the actor, if any, is the context's.
	}
	if actorSaid && len(cands) == 0 {
		return ""
	}
	// Only supporters named: the actor is not here, but may be in the
	// sentences before ("The Guardia Civil dismantled a ring. The operation,
	// coordinated by Europol, led to 12 arrests.").
	if len(cands) > 0 {
		// The subject of the figure's clause ("The NCA and Border Force found ..."),
		// else the nearest agency named before the figure, else the first after it.
		best := cands[0]
		cs, _ := sf.clauseAt(pos)
		inClause := false
		for _, a := range cands {
			ownUnit := inClause && best.Possessive && a.Start > best.End && unitOfPossessive(sf, best, a) // "the Met's Central e-Crime Unit": parentAgency tells which acted
			if a.Start < pos && a.Start >= cs && (!inClause || ownUnit || actsBetween(sf.low[best.End:a.Start])) {
				// The first in the clause ("The NCA and Border Force found"),
				// unless a verb of acting comes between: "A arrested 28 in
				// Malaga, and B arrested 12 in Porto" gives the 12 to B.
				best, inClause = a, true
			}
			if a.Start < pos && !inClause {
				best = a
			}
		}
		if best.End <= pos && !actsAfter(sf, best) {
			// "The AFP charged a man after Border Force officers allegedly found
			// 50kg": the body whose own verb of acting governs the figure.
			for k := len(cands) - 1; k >= 0; k-- {
				if a := cands[k]; a.End <= pos && a.Start > best.Start && actsAfter(sf, a) && !coordinated(joiner(sf, best.End, a.Start)) {
					best = a
					break
				}
			}
		}
		if r.agencyCountry(best.Name) == "INT" {
			// "Frontex and the Guardia Civil intercepted a boat": the national
			// body acted; an international one supports.
			for _, a := range cands {
				if a.Start < pos && r.agencyCountry(a.Name) != "INT" {
					best = a
					break
				}
			}
			if r.agencyCountry(best.Name) == "INT" && !actsAfter(sf, best) && inSpeakersPost(sf, best) {
				return "" // "..., Project Officer, UNODC Country Office, Ada Obi, said 15 kg were seized": who told of it
			}
		}
		if best.End <= pos && otherGenericActor(sf, best.End, pos) {
			return "" // "Dutch prosecutors charged 16 people after customs officers found 8 tonnes"
		}
		return r.parentAgency(sf, best)
	}
	if len(sf.operations) > 0 && !r.isHistoric(sf) && !sf.namesLocalPolice() {
		// "In Operation Tango, officers arrested 25": the operation's one
		// owner, where the text named one.
		if a := r.operationOwner(sf.operations[0].Name); a != "" && !slices.ContainsFunc(sf.agencies, func(m mention) bool { return m.Name == a && !r.ownsUnsupported(sf, m) }) {
			return a // (where the sentence names the owner, it passed it over: "supported the NCA's Operation Larkspur";
			// but "The Met's Operation Trident led to 1,250 arrests" is the Met's)
		}
	}
	if r.isHistoric(sf) || len(sf.operations) > 0 && r.operationNamesAgencies(sf.operations[0].Name) || sf.namesLocalPolice() || r.inSeparateEvent(i) {
		return "" // "Police in Rotterdam said ...": a force the text does not name
	}
	if f := r.policeReferredTo(i); f != "" {
		return f // "Police arrested two men" in an article about the Dubai Police
	}
	a := r.contextAgency(i)
	if a != "" && policeUnnamed(sf) && !r.leadsPolice(a) {
		// "Police have arrested two suspects" after "Shenzhen Customs said":
		// the sentence gives the figure to police, and the body the text
		// was about neither is nor directs a police force.
		return ""
	}
	return a
}

// policeReferredTo is the police force that "the police" in sentence j,
// which names no body, refers back to: the one force named police in the
// sentences before it, or "".
func (r *run) policeReferredTo(j int) string {
	sf := r.sents[j]
	if len(sf.agencies) > 0 || !strings.Contains(sf.low, "police") || !policeUnnamed(sf) {
		return ""
	}
	force := ""
	for k := j - 1; k >= 0; k-- {
		for _, a := range r.sents[k].agencies {
			if !strings.HasSuffix(strings.ToLower(a.Name), " police") {
				continue
			}
			switch {
			case force == "" || strings.HasSuffix(force, " "+a.Name):
				force = a.Name // ("Criminal Investigation Department of Dubai Police" is a part of Dubai Police)
			case force != a.Name && !strings.HasSuffix(a.Name, " "+force):
				return "" // two forces: which one is not said
			}
		}
	}
	return force
}

// policeUnnamed reports whether a sentence says "police" outside any
// body's name it holds: police did it, whichever force.
func policeUnnamed(sf *sentenceFacts) bool {
	for _, t := range sf.toks {
		if t.Lower == "police" && !overlapsMention(sf.agencies, t.Start, t.End) {
			return true
		}
	}
	return false
}

// leadsPolice reports whether the agency named so is a police force or a
// prosecutor's office (which directs police investigations in much of
// Europe): by the gazetteer's kind where it lists the agency, else by its
// name's words (no customs, ministry, court, revenue, border or military
// body).
func (r *run) leadsPolice(name string) bool {
	if e := r.x.gaz.byCanon(entAgency, name); e != nil {
		return e.Sub == "police" || e.Sub == "prosecutor"
	}
	low := strings.ToLower(name)
	for _, w := range []string{"customs", "ministry", "court", "revenue", "tax", "border", "navy", "army", "coast guard"} {
		if strings.Contains(low, w) {
			return false
		}
	}
	return true
}

// contextAgency is the agency a figure of sentence i that names none takes
// from the sentences around it, or "".
func (r *run) contextAgency(i int) string {
	// The agency of the sentences just before; in the opening paragraph
	// (or the headline), of those just after, but for a quote: later in an
	// article, a body named after a figure is most often another's
	// supporter or spokesman, not who made it. A sentence listing three agencies or more (those
	// "involved") names no one actor: the one before it may.
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if r.actingAgencies(j) >= 3 {
			continue
		}
		if a := r.ownAgency(j, false, true); a != "" {
			return a
		}
		if a := r.policeReferredTo(j); a != "" {
			return a // "The police found five men" after "The Federal Police and the Revenue Service were called in"
		}
		if startsSeparateEvent(r.sents[j]) {
			break // "In a separate case, ...": what came before it was another event
		}
	}
	for j := i + 1; j < len(r.sents) && j <= i+2 && r.sents[j].s.Para <= r.openingPara(); j++ {
		if startsSeparateEvent(r.sents[j]) {
			break // "Separately, the Navy said ...": another event's body
		}
		if r.quotesItsAgency(j) {
			continue // a quote after the figure is not who made it
		}
		if a := r.ownAgency(j, true, true); a != "" {
			return a
		}
	}
	// An article about one agency speaks of it throughout: its sentences
	// name one agency as their own. A separate event told after the
	// figure ("Separately, the Navy said ...") names no body of the events
	// before it.
	main := r.soleBody(false)
	if main == "" {
		return ""
	}
	own := ""
	for j := range r.sents {
		if j > i && startsSeparateEvent(r.sents[j]) {
			break
		}
		if a := r.ownAgency(j, false, true); a != "" && own != "" && a != own {
			return ""
		} else if a != "" {
			own = a
		}
	}
	if own != "" {
		return main
	}
	return ""
}

// onlyHelper reports whether the article names the agency only as a
// supporter or partner of others' work ("in collaboration with the Navy
// and the Public Prosecutor's Office"), never as acting or speaking.
func (r *run) onlyHelper(name string) bool {
	if v, ok := r.helperOnly[name]; ok {
		return v
	}
	only := true
	for _, sf := range r.sents {
		for _, a := range sf.agencies {
			if a.Name == name && !r.supportsOnly(sf, a) && !r.partnerOnly(sf, a) {
				only = false
				break
			}
		}
		if !only {
			break
		}
	}
	if r.helperOnly == nil {
		r.helperOnly = map[string]bool{}
	}
	r.helperOnly[name] = only
	return only
}

// openingPara is the last paragraph of an article's opening: the second,
// or the first that holds a sentence when the lines before it are
// headlines ("46 arrested in blitz" / "44 kilos seized" / "Forty-six
// people were arrested ... Carabinieri police rounded up ...").
func (r *run) openingPara() int {
	for _, sf := range r.sents {
		if endsSentence(sf.s.Text) {
			return max(2, sf.s.Para)
		}
		if sf.s.Para > 4 {
			break // (not a headline's run of lines)
		}
	}
	return 2
}

// endsSentence reports whether a line ends as a sentence does, not as a headline.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, ".\"") || strings.HasSuffix(s, ".”")
}

// soleBody is the one body the article names beside parts of it
// (subUnitName), and beside courts where courtsAside is set, or "" where
// it names none or several: the body its parts belong to.
func (r *run) soleBody(courtsAside bool) string {
	main := ""
	for _, o := range r.out.Agencies {
		if subUnitName(o.Name) || courtsAside && isCourt(o.Name) || r.onlyHelper(o.Name) {
			continue // (a body named only as a partner is not the one the article is about)
		}
		if main != "" {
			return ""
		}
		main = o.Name
	}
	return main
}

// subUnitName reports whether a body's name is a part of a larger body's:
// "Advance Fee Fraud Section", "Serious Fraud Division", "Eastern Zonal
// Office". Such a part is a figure's actor where its sentence says so, but
// the figures of the sentences around it stay the body's the text is about.
func subUnitName(name string) bool {
	k := strings.LastIndexByte(name, ' ')
	if k < 0 {
		return false
	}
	last := strings.ToLower(name[k+1:])
	if last == "division" || last == "section" {
		return true
	}
	j := strings.LastIndexByte(name[:k], ' ')
	return subUnitTwoHeads[strings.ToLower(name[j+1:])]
}

// figureAgencies returns the agencies of a sentence that a figure may
// belong to, all but those that own an operation ("the NCA's County Lines
// Week"), and the index of the last of them the sentence credits ("says
// the NCA"), or -1; it works them out once per sentence.
func (r *run) figureAgencies(sf *sentenceFacts) ([]mention, int) {
	if !sf.candsDone {
		sf.candsDone, sf.credited = true, -1
		for _, a := range sf.agencies {
			if a.Possessive && r.qualifiesOperation(sf, a) {
				continue
			}
			sf.cands = append(sf.cands, a)
		}
		for k, a := range sf.cands {
			if creditBefore(tail(sf.s.Text[:a.Start], 30)) && !actsAfter(sf, a) {
				sf.credited = k
			}
		}
	}
	return sf.cands, sf.credited
}

// lastOwnAgency is the last agency sentence j names in its own right, not as
// the owner of an operation ("the NCA's County Lines Week").
func (r *run) lastOwnAgency(j int) string { return r.ownAgency(j, false, false) }

// ownAgency is lastOwnAgency, or the first such agency where first is set:
// the nearest, for a sentence after the figure. Where actor is set, the
// agency is to be a figure's actor: no international body.
func (r *run) ownAgency(j int, first, actor bool) string {
	sf := r.sents[j]
	k := 0 // the answer's place in sf.own
	if first {
		k |= 1
	}
	if actor {
		k |= 2
	}
	if sf.ownDone&(1<<k) == 0 {
		sf.own[k], sf.ownDone = r.readOwnAgency(sf, first, actor), sf.ownDone|1<<k
	}
	return sf.own[k]
}

// readOwnAgency is ownAgency, worked out.
func (r *run) readOwnAgency(sf *sentenceFacts, first, actor bool) string {
	for n := range sf.agencies {
		k := len(sf.agencies) - 1 - n
		if first {
			k = n
		}
		a := sf.agencies[k]
		if r.supportsOnly(sf, a) || r.partnerOnly(sf, a) || memberArrested(sf, a) {
			continue
		}
		if isCourt(a.Name) {
			continue // a court judges: the figures of the sentences around it are not its work
		}
		if actor && subUnitName(a.Name) {
			// "men from the Benin Zonal Office": a part of the body the text
			// is about, which the figures around keep
			if p := r.soleBody(true); p != "" {
				return p
			}
			continue
		}
		if r.onlySays(sf, k) || actor && r.agencyCountry(a.Name) == "INT" {
			// "Police in Spain arrested 21, Europol said": its sentences after
			// are not Europol's either; an international body arrests no one,
			// so a figure that names no actor is not its by inheritance.
			continue
		}
		if !a.Possessive || !r.qualifiesOperation(sf, a) {
			if !first {
				a = r.firstOfPair(sf, k)
			}
			return r.parentAgency(sf, a)
		}
	}
	return ""
}

// firstOfPair is the first of the agencies joined to sentence sf's k-th by
// "and", or commas before an "and" ("the Navy and the Attorney General's
// Office uncovered a lab"), where that one could act: bodies named
// together act together, and the first named leads, as in the figure's
// own clause (agencyFor).
func (r *run) firstOfPair(sf *sentenceFacts, k int) mention {
	best := sf.agencies[k]
	for k > 0 && sf.agencies[k-1].Name == best.Name && strings.HasPrefix(strings.TrimSpace(sf.s.Text[sf.agencies[k-1].End:best.Start]), "(") {
		k-- // "the Attorney General's Office (FGR)": one body named twice
	}
	for last := true; k > 0; k, last = k-1, false {
		// The last two joined by "and" ("A, B and C"), not a comma alone:
		// "Following a tip from the DHS, NZ Police launched ..."
		if j := joiner(sf, sf.agencies[k-1].End, sf.agencies[k].Start); !coordinated(j) || last && j == "," {
			break
		}
		a := sf.agencies[k-1]
		if r.supportsOnly(sf, a) || r.partnerOnly(sf, a) || memberArrested(sf, a) || isCourt(a.Name) || subUnitName(a.Name) ||
			r.onlySays(sf, k-1) || r.agencyCountry(a.Name) == "INT" || a.Possessive {
			break
		}
		best = a
	}
	return best
}

// startsSeparateEvent reports whether a sentence opens with words that
// say it tells of another event than the sentences before ("In a separate
// operation, ...", "Separately, ..."); "In another operation" is most often
// one of a series by the same hands, and keeps them.
func startsSeparateEvent(sf *sentenceFacts) bool {
	return strings.HasPrefix(sf.low, "separately,") || strings.HasPrefix(sf.low, "in a separate ") ||
		strings.HasPrefix(sf.low, "in an unrelated ")
}

// inSeparateEvent reports whether sentence i tells of a separate event: it
// or a sentence before it in its paragraph starts one (startsSeparateEvent).
// Its figures are then no one's but whom it names.
func (r *run) inSeparateEvent(i int) bool {
	for j := i; j >= 0 && r.sents[j].s.Para == r.sents[i].s.Para; j-- {
		if startsSeparateEvent(r.sents[j]) {
			return true
		}
	}
	return false
}

// quotesItsAgency reports whether sentence j is a quote with its speaker
// ("...," said Eurojust's Vice-President; X, Deputy Director of Europol,
// said: "..."): such a sentence comments on work; its agencies are not
// who did the work of the sentences around it.
func (r *run) quotesItsAgency(j int) bool {
	sf := r.sents[j]
	if len(sf.agencies) == 0 || !strings.ContainsAny(sf.s.Text, "\"“”") {
		return false
	}
	for _, t := range sf.toks {
		if quoteVerbs[t.Lower] {
			return true
		}
	}
	return false
}

// quoteVerbs say that a sentence quotes someone.
var quoteVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "stated": true}

// qualifiesOperation reports whether a possessive agency names whose operation follows.
func (r *run) qualifiesOperation(sf *sentenceFacts, a mention) bool {
	for _, o := range sf.operations {
		if o.Start >= a.End && o.Start-a.End <= len("’s ") {
			return true
		}
	}
	return false
}

// --- seizures ---

// The words that say goods were seized (or found, or caught in transit),
// in one place: hasSeizeCue and the cue bits are made from them. A stem is
// read to the end of its word ("seiz" for seized, seizure, seizing).
var (
	seizeCueStems   = []string{"seiz", "confiscat", "forfeit"}
	seizeCuePhrases = []string{"recovered", "found", "discovered", "detected", "intercepted", "haul", "finds", "netted",
		"located", "foiled", "thwarted", "transport", "blocked", "took control of", "taken control of", "under the control of",
		"hauled", "offloaded",
		"impounded", "removed from circulation", "taken off the streets", "withheld", "uncovered", "frozen", "froze", "restrained",
		"recovery", "recoveries", "interception", "interceptions", "discovery",
		"stash", "shut down", "took down", "taken down", "taken offline", "transporting", "carrying", "smuggle",
		"smuggling", "in possession of", "possession of", "hidden", "concealed", "stashed",
		"recovering", "finding", "discovering", "intercepting", "uncovering", "impounding", "freezing", "recover",
		"yielded", "yielding", "unearthed", "retrieved", "retrieving", "turned up",
		"street value", "drugs, including", "drugs included", "offloaded", "offload", "detained", "immobilized", "immobilised",
		"taken by police", "taken by officers", "revealed"}
)

// firstWords are the first words of phrases.
func firstWords(phrases []string) []string {
	out := make([]string, len(phrases))
	for i, p := range phrases {
		out[i], _, _ = strings.Cut(p, " ")
	}
	return out
}

// exampleForms are the words that begin examples ("such as knives"), in
// lower case.
var exampleForms = []string{"such as", "including", "includes", "like", "e.g."}

// namesExamples reports whether low, a text in ASCII lower case, holds one
// of exampleForms with a word boundary (of ASCII word bytes) at each end.
func namesExamples(low string) bool {
	for _, w := range exampleForms {
		for from := 0; ; {
			k := strings.Index(low[from:], w)
			if k < 0 {
				break
			}
			k += from
			if wordBoundary(low, k) && wordBoundary(low, k+len(w)) {
				return true
			}
			from = k + 1
		}
	}
	return false
}

// wordBoundary reports whether \b holds at byte p of s.
func wordBoundary(s string, p int) bool {
	return (p > 0 && isWordASCII(s[p-1])) != (p < len(s) && isWordASCII(s[p]))
}

var unitNames = map[string]string{"tonnes": "tonne", "tonne": "tonne", "metric tons": "tonne", "metric ton": "tonne", "t": "tonne",
	"metric tonnes": "tonne", "metric tonne": "tonne",
	"tons": "ton", "ton": "ton", "kilograms": "kg", "kilogram": "kg", "kilogrammes": "kg", "kilogramme": "kg", "kilos": "kg", "kilo": "kg", "kgs": "kg", "kg": "kg",
	"grams": "g", "gram": "g", "grammes": "g", "gramme": "g", "gms": "g", "gm": "g", "g": "g", "pounds": "lb", "pound": "lb", "lbs": "lb", "lb": "lb",
	"ounces": "oz", "ounce": "oz", "oz": "oz", "litres": "litre", "litre": "litre", "liters": "litre", "liter": "litre", "l": "litre", "ml": "ml", "millilitres": "ml", "millilitre": "ml", "milliliters": "ml", "milliliter": "ml",
	"gallons": "gallon", "gallon": "gallon",
	"cubic metres": "cubic metre", "cubic meters": "cubic metre", "cubic metre": "cubic metre", "cubic meter": "cubic metre",
	"mt": "tonne", "m3": "cubic metre", "cbm": "cubic metre"} // "180.5 MT of diesel", "40,000 m3 of wood"

// commodityNear finds the first commodity named in the few words of the
// sentence's text from byte off (modifiers may stand before it: "suspected
// shabu", "potentially dangerous medicines"); the offsets it returns count
// from off.
func (r *run) commodityNear(sf *sentenceFacts, off, maxWords int) (*entry, int, int) {
	toks, base := sf.tokensFrom(off)
	s := sf.s.Text[base:]
	if len(toks) > maxWords+3 {
		toks = toks[:maxWords+3]
	}
	for i := 0; i < len(toks); i++ {
		if n := calibreAt(s, toks, i); n > 0 {
			i += n - 1 // "five 9mm pistols", "three 5.56 carbine rifles", "45 12-gauge cartridges"
			continue
		}
		if n := hedgeAt(toks, i); n > 0 && i <= maxWords+2 {
			// "166.88kg of substance suspected to be cocaine", "30 pounds of what may be cocaine"
			i += n - 1
			maxWords += n
			if len(toks) > maxWords+3 {
				toks = toks[:maxWords+3]
			}
			continue
		}
		if i > maxWords || nearStop[toks[i].Lower] && i > 0 || isNumberToken(toks[i].Text) && !modelNumber(s, toks, i) {
			break
		}
		if i > 0 && strings.ContainsAny(s[toks[i-1].End:toks[i].Start], ",.;:()") {
			break // the phrase ended: "17 Arrested, 10,000 Fentanyl Pills" is no count of pills
		}
		if m, ok := r.x.gaz.findAt(toks[i:], entCommodity); ok {
			e, end := longestCommodity(m.Entries), i+m.J
			if e.Commodity == "firearms" && end < len(toks) && s[toks[end-1].End:toks[end].Start] == " " {
				// A gun's name before ammunition's is the kind of ammunition:
				// "400 shotgun cartridges", "50 pistol rounds".
				if a, ok := r.x.gaz.findAt(toks[end:], entCommodity); ok && longestCommodity(a.Entries).Commodity == "ammunition" {
					e, end = longestCommodity(a.Entries), end+a.J
				}
			}
			return e, toks[i].Start + base - off, toks[end-1].End + base - off
		}
	}
	return nil, 0, 0
}

// hedgeAt returns how many tokens from toks[i] hedge what the goods are
// ("suspected to be", "believed to be", "what may be", "what appeared to
// be"), or 0: the goods are named after them.
func hedgeAt(toks []token, i int) int {
	at := func(k int, w ...string) bool {
		if i+k+len(w) > len(toks) {
			return false
		}
		for j, x := range w {
			if toks[i+k+j].Lower != x {
				return false
			}
		}
		return true
	}
	switch toks[i].Lower {
	case "suspected", "believed", "thought", "presumed":
		if at(1, "to", "be") {
			return 3
		}
	case "what":
		for _, w := range [][]string{{"may", "be"}, {"might", "be"}, {"appeared", "to", "be"}, {"appears", "to", "be"}, {"is", "believed", "to", "be"}, {"was", "believed", "to", "be"}, {"is", "suspected", "to", "be"}, {"was", "suspected", "to", "be"}} {
			if at(1, w...) {
				return 1 + len(w)
			}
		}
	}
	return 0
}

// piecesOfGoods reports whether "pieces" at byte off of sf count goods:
// listed goods right after "of" ("14 pieces of abalone"), or goods no list
// names with no listed goods after them ("73 pieces of gun parts"), not a
// container of goods named after it ("five pieces of knot-tied plastic of
// suspected shabu").
func (r *run) piecesOfGoods(sf *sentenceFacts, off int) bool {
	rest := sf.s.Text[off:]
	if t := strings.TrimLeft(rest, " "); strings.HasPrefix(t, "of ") {
		off += len(rest) - len(t) + len("of ")
	}
	if e, at, _ := r.commodityNear(sf, off, 1); e != nil && at <= 1 {
		return true
	}
	if sub, _ := unlistedGoods(sf.s.Text[off:]); sub == "" {
		return false
	}
	phrase := sf.s.Text[off:min(len(sf.s.Text), off+60)]
	if k := strings.IndexAny(phrase, ",;.("); k >= 0 {
		phrase = phrase[:k]
	}
	if k := strings.Index(phrase, " of "); k >= 0 {
		if e, _, _ := r.commodityNear(sf, off+k+len(" of "), 2); e != nil {
			return false // the goods are what the pieces hold
		}
	}
	return true
}

// calibreAt returns how many tokens from toks[i] write a calibre or gauge
// ("9mm", "5.56", ".38-caliber", "12-gauge"), 0 where they do not: a number
// glued to "mm", with a decimal part, or joined to a word of bore.
func calibreAt(s string, toks []token, i int) int {
	t := toks[i]
	if t.Text == "" || t.Text[0] < '0' || t.Text[0] > '9' {
		return 0
	}
	if strings.HasSuffix(t.Lower, "mm") {
		return 1 // "9mm"
	}
	if t.Start > 0 && s[t.Start-1] == '.' && (t.Start == 1 || s[t.Start-2] == ' ') {
		return 1 // "two .38 revolvers": a bore in inches
	}
	n := 1
	if i+1 < len(toks) && s[t.End:toks[i+1].Start] == "." && isNumberToken(toks[i+1].Text) {
		n = 2 // "5.56"
	}
	if k := i + n; k < len(toks) && boreWords[toks[k].Lower] {
		return n + 1 // "12-gauge", ".38 caliber"
	}
	if n == 2 && i == 0 {
		return 2 // "three 5.56 carbine rifles": a decimal right after the count
	}
	return 0
}

var boreWords = wordSet("mm gauge calibre caliber cal bore")

// nearStop ends the words commodityNear reads.
var nearStop = wordSet("were was and in at from with have has had been by to for on after during inside near while when into under hidden concealed which that")

func longestCommodity(es []*entry) *entry { return es[0] }

// commodityBefore finds the last commodity named in the sentence's text before byte end.
func (r *run) commodityBefore(sf *sentenceFacts, end int) *entry {
	r.scratch = sf.appendTokensBefore(r.scratch[:0], end)
	var found [8]match // the matches stay on the stack
	ms := r.x.gaz.appendFind(found[:0], r.scratch, entCommodity)
	if len(ms) == 0 {
		return nil
	}
	return ms[len(ms)-1].Entries[0]
}

type money struct {
	Amount     float64
	Currency   string
	Qualifier  string
	Start, End int
}

var (
	dollarByCountry = map[string]string{"AU": "AUD", "NZ": "NZD", "CA": "CAD", "HK": "HKD", "SG": "SGD", "US": "USD", "JM": "JMD", "TW": "TWD", "MX": "MXN", "CO": "COP",
		"BS": "BSD", "GY": "GYD", "FJ": "FJD", "BZ": "BZD", "BB": "BBD", "TT": "TTD", "NA": "NAD", "LR": "LRD", "SR": "SRD", "KY": "KYD",
		"BM": "BMD", "SB": "SBD", "AG": "XCD", "DM": "XCD", "GD": "XCD", "KN": "XCD", "LC": "XCD", "VC": "XCD"}
)

// findMoney returns the sums of money in s, given the offsets where its
// words start (see wordStartsOf).
func (r *run) findMoney(s string, starts []int32) []money {
	var out []money
	if !hasDigit(s) {
		return r.findWordMoney(s, starts, nil)
	}
	var prefixed, suffixed [][]int
	if maySignMoney(s) {
		prefixed = findMoneyPrefixes(s)
	}
	suffixed = findMoneySuffixesAt(s, starts) // needs no cue: it reads only after digits
	for _, m := range prefixed {
		sym := strings.TrimSpace(s[m[2]:m[3]])
		cur := r.currencyOf(sym, s)
		if cur == "" {
			continue
		}
		mo := moneyAt(s, m, 4, cur)
		if sym == "R" && r.country == "" && mo.Amount < 1000 {
			continue // "the R40 near the town": a road, where no country says rand
		}
		out = append(out, mo)
	}
	for _, m := range suffixed {
		if overlapsMoney(out, m[0], m[1]) {
			continue
		}
		word := strings.ToLower(s[m[8]:m[9]])
		cur := r.currencyOfWord(word, s)
		if cur == "" {
			continue
		}
		// "pounds of cocaine", "440 pounds (200 kilograms) of fentanyl" are weights, not money.
		if rest := s[m[1]:]; word == "pounds" && (weightOfRe.MatchString(rest[conversionAfter(rest):]) || weighingBefore(s[:m[0]])) {
			continue // ("weighed 8.99 pounds": a weight too)
		}
		out = append(out, moneyAt(s, m, 2, cur))
	}
	return r.findWordMoney(s, starts, out)
}

// findWordMoney appends to out the sums written in words with a multiplier
// and a currency word after them ("one million US dollars", "two and a
// half million euros") that overlap none in out. Without the multiplier a
// word is too often no number ("a dollar store").
func (r *run) findWordMoney(s string, starts []int32, out []money) []money {
	if !currencyAfterMultiplier(s) {
		return out // (most sentences with "million" have digits before it, read above)
	}
	for _, m := range findWordNumbersAt(s, starts, nil) {
		if overlapsMoney(out, m[0], m[1]) {
			continue
		}
		v, ok := wordValue(strings.ToLower(s[m[2]:m[3]]))
		if !ok {
			continue
		}
		mult, end := "", m[1]
		if m[4] >= 0 {
			mult = s[m[4]:m[5]]
		} else if n := andAHalfAt(s, m[3]); n > 0 {
			// "two and a half million euros"
			w := skipSpaces(s, m[3]+n)
			if x := wordAltAtFold(s, w, []string{"million", "billion", "thousand"}); x >= 0 {
				v, mult, end = v+0.5, s[w:x], x
			}
		}
		if mult == "" || multipliers[strings.ToLower(mult)] < 1000 {
			continue // without a multiplier a word is too often no sum
		}
		v = roundSig(v * multipliers[strings.ToLower(mult)])
		start := m[0]
		if v >= 1e6 && strings.EqualFold(s[m[2]:m[3]], "a") {
			// "half a billion rand", "a quarter of a million dollars": the parts of one that findFiguresAt reads
			for _, fr := range unitFractions {
				if p := m[3] - len(fr.phrase); fr.value < 1 && p >= 0 && strings.EqualFold(s[p:m[3]], fr.phrase) && (p == 0 || !isWordASCII(s[p-1])) {
					v, start = roundSig(v*fr.value), p
					break
				}
			}
		}
		w := skipSpaces(s, end)
		if w == end {
			continue
		}
		x := wordAltAt(s, w, suffixCurrencies)
		if x < 0 {
			continue
		}
		word := strings.ToLower(s[w:x])
		cur := r.currencyOfWord(word, s)
		if cur == "" || word == "pounds" && (weightOfRe.MatchString(s[x:]) || weighingBefore(s[:start])) {
			continue
		}
		q, start := qualifiedFrom(s, start)
		out = append(out, money{Amount: v, Currency: cur, Qualifier: q, Start: start, End: x})
	}
	return out
}

// currencyAfterMultiplier is a cheap test findWordMoney needs to pass: a
// "million", "billion" or "thousand" with a currency word after it, maybe
// after "US".
func currencyAfterMultiplier(s string) bool {
	for _, mult := range []string{"illion", "housand", "lakh", "crore"} {
		for p := 0; ; {
			k := strings.Index(s[p:], mult)
			if k < 0 {
				break
			}
			e := p + k + len(mult)
			if e < len(s) && s[e] == 's' {
				e++
			}
			w := skipSpaces(s, e)
			if w > e && (wordAltAt(s, w, suffixCurrencies) >= 0 || strings.HasPrefix(s[w:], "US ") || strings.HasPrefix(s[w:], "U.S. ")) {
				return true
			}
			p = e
		}
	}
	return false
}

// moneyAt reads a sum from a match m of s whose digits are group g/2 and
// whose two multiplier groups follow it ("£54m", "2.5 million euros"),
// with the qualifier before it.
func moneyAt(s string, m []int, g int, cur string) money {
	v, _ := strconv.ParseFloat(digitsOnly.Replace(numberText(s[m[g]:m[g+1]])), 64)
	for _, mul := range [][2]int{{m[g+2], m[g+3]}, {m[g+4], m[g+5]}} {
		if mul[0] >= 0 {
			v = roundSig(v * multipliers[strings.ToLower(s[mul[0]:mul[1]])])
		}
	}
	q, start := qualifiedFrom(s, m[0])
	return money{Amount: v, Currency: cur, Qualifier: q, Start: start, End: m[1]}
}

// qualifiedFrom returns the qualifier of a sum that starts at s[start]
// ("over £1m"), "exact" where none stands before it, and where the sum's
// phrase starts with it.
func qualifiedFrom(s string, start int) (string, int) {
	if q, qs := qualifierBefore(s[:start]); q != "" {
		return q, qs
	}
	return "exact", start
}

// maySignMoney is a cheap test that findMoneyPrefixes needs to pass: a number
// right after the last character of a currency sign or code, maybe with one
// space between.
func maySignMoney(s string) bool {
	// signBefore reports whether a sign ends at s[q]: the word of at most
	// five bytes before q, or one of its tails, is a sign ("US$", "Rs.",
	// "R" of "R40", "$" of "US$").
	signBefore := func(q int) bool {
		k := q
		for k > 0 && q-k < 5 && !isSpaceASCII(s[k-1]) && (s[k-1] < '0' || s[k-1] > '9') {
			k--
		}
		for ; k < q; k++ {
			if signWords[s[k:q]] {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			continue
		}
		if signBefore(i) || i > 0 && isSpaceASCII(s[i-1]) && signBefore(i-1) {
			return true
		}
	}
	return false
}

func overlapsMoney(ms []money, start, end int) bool {
	for _, m := range ms {
		if start < m.End && m.Start < end {
			return true
		}
	}
	return false
}

func (r *run) currencyOf(sym, s string) string {
	switch sym {
	case "£", "GBP":
		return "GBP"
	case "€", "EUR":
		return "EUR"
	case "A$", "AU$", "AUD":
		return "AUD"
	case "NZ$", "NZD":
		return "NZD"
	case "US$", "US $", "USD":
		return "USD"
	case "C$", "CA$", "CAD":
		return "CAD"
	case "HK$":
		return "HKD"
	case "TT$":
		return "TTD"
	case "J$":
		return "JMD"
	case "S$":
		return "SGD"
	case "R$":
		return "BRL"
	case "¥":
		return "JPY"
	case "₱", "PHP":
		return "PHP"
	case "₦", "N":
		if sym == "N" && r.country != "NG" {
			return ""
		}
		return "NGN"
	case "₹":
		return "INR"
	case "Rs", "Rs.":
		return r.rupee()
	case "R":
		if r.country != "ZA" && r.country != "" {
			return "" // "R" alone is the rand in South African news, or where no country is named
		}
		return "ZAR"
	case "KSh", "Ksh", "Sh":
		return r.shilling()
	case "RM":
		return "MYR"
	case "Rp":
		return "IDR"
	case "฿":
		return "THB"
	case "₩":
		return "KRW"
	case "Tk", "Tk.":
		return "BDT"
	case "GH₵":
		return "GHS"
	case "ZAR", "KES", "INR", "PKR", "THB", "MXN", "CHF", "AED", "SAR", "NGN", "JPY", "CNY", "HKD", "SGD", "BRL", "COP", "MYR", "IDR",
		"BDT", "LKR", "GHS", "TZS", "UGX":
		return sym
	case "P":
		if r.country == "PH" {
			return "PHP"
		}
		return ""
	case "$":
		return r.dollar(s)
	case "NT$":
		return "TWD"
	case "FJ$":
		return "FJD"
	case "GY$", "G$":
		return "GYD"
	case "B$":
		return "BSD"
	case "BZ$":
		return "BZD"
	case "EC$":
		return "XCD"
	case "Bds$":
		return "BBD"
	case "N$":
		return "NAD"
	case "Dh", "Dhs":
		return "AED"
	case "SR":
		return "SAR"
	case "QR":
		return "QAR"
	case "KD":
		return "KWD"
	case "Kshs", "Kshs.", "Kes", "Kes.":
		return "KES"
	}
	if slices.Contains(isoSigns, sym) {
		return sym
	}
	return ""
}

// currencyOfWord is the currency of a word written after a sum ("rupees"),
// by the article's country where the word names several; "" where unknown.
func (r *run) currencyOfWord(word, s string) string {
	if c := currencyWords[word]; c != "" {
		return c
	}
	switch word {
	case "dollars":
		return r.dollar(s)
	case "rupees":
		return r.rupee()
	case "shillings":
		return r.shilling()
	case "pesos":
		if c, ok := pesoByCountry[r.country]; ok {
			return c
		}
		return "PHP"
	case "dinars":
		return dinarByCountry[r.country]
	case "kwacha":
		return map[string]string{"ZM": "ZMW", "MW": "MWK"}[r.country]
	}
	return ""
}

var (
	pesoByCountry  = map[string]string{"PH": "PHP", "MX": "MXN", "CO": "COP", "AR": "ARS", "CL": "CLP", "DO": "DOP", "UY": "UYU"}
	dinarByCountry = map[string]string{"RS": "RSD", "DZ": "DZD", "IQ": "IQD", "JO": "JOD", "KW": "KWD", "LY": "LYD", "TN": "TND", "BH": "BHD"}
)

// rupee resolves "Rs" and "rupees" by the article's country (India by default).
func (r *run) rupee() string {
	switch r.country {
	case "PK":
		return "PKR"
	case "LK":
		return "LKR"
	case "NP":
		return "NPR"
	case "MU":
		return "MUR"
	}
	return "INR"
}

// shilling resolves "Sh", "KSh" and "shillings" by the article's country (Kenya by default).
func (r *run) shilling() string {
	switch r.country {
	case "TZ":
		return "TZS"
	case "UG":
		return "UGX"
	case "SO":
		return "SOS"
	}
	return "KES"
}

// dollar resolves "$" by the sentence's own words, else the article's country.
func (r *run) dollar(s string) string {
	low := strings.ToLower(s)
	switch {
	case strings.Contains(low, "australian dollars") || strings.Contains(low, "australian currency"):
		return "AUD"
	case strings.Contains(low, "new zealand dollars") || strings.Contains(low, "new zealand currency"):
		return "NZD"
	case strings.Contains(low, "canadian dollars") || strings.Contains(low, "canadian currency") || strings.Contains(low, "canadian funds"):
		return "CAD" // "$68,000.00 in Canadian currency"
	}
	if c, ok := dollarByCountry[r.country]; ok && (c != "MXN" && c != "COP" || !strings.Contains(low, "dollar")) {
		return c // (where the peso is "$", the word "dollars" is the US dollar)
	}
	return "USD"
}

func (r *run) findSeizures(i int, sf *sentenceFacts) {
	r.rule = "seizure.figure"
	text := sf.s.Text
	// seizeCue reports whether the clause text[cs:ce] has a cue of seizing
	// (hasSeizeCue), remembering the last clause: a clause often holds
	// several figures.
	lastCS, lastCE, lastCue := -1, -1, false
	// Goods taken with the arrested ("arrested a courier with 5 kg of heroin").
	takenWith := sf.cues&cueArrest != 0 && strings.Contains(sf.low, "with ") && r.signal(sf, sigArrestedWith)
	weighed := r.weighedPackages(sf)
	seizeCue := func(cs, ce int) bool {
		if weighed {
			return true
		}
		if cs != lastCS || ce != lastCE {
			s := text[cs:ce]
			lastCS, lastCE, lastCue = cs, ce, sf.seizedItem || hasSeizeCue(s) || takenWith && strings.Contains(s, "with ") ||
				listAfterSeizing(text[:cs]) || cs > 0 && verblessClause(sf, cs, ce) && hasSeizeCue(text[:cs]) || dashAfterSeizing(text[:cs])
		}
		return lastCue
	}
	cue := sf.seizedItem || sf.cues&cueSeize != 0 && hasSeizeCueAt(text, sf.starts, sf.startBits) || takenWith || weighed
	// lits is a cheap test some patterns need to pass: the text's ASCII
	// lower case holds one of their words.
	lits := sf.holdsAny
	valueSentence := sf.cues&cueValue != 0 && lits(sf.low, valueWords) && r.signal(sf, sigValueWord)
	if !cue && !valueSentence {
		return
	}
	if cue && sf.cues&cueModal != 0 && lits(sf.low, hypotheticalVerbs) && r.signal(sf, sigHypothetical) && !valueSentence {
		return
	}
	moneys := r.findMoney(text, sf.starts)
	if strings.IndexByte(text, '(') >= 0 {
		moneys = slices.DeleteFunc(moneys, func(m money) bool { return inConversion(text, m.Start) })
	}
	if len(moneys) > 1 {
		// "valued at 150,000 quetzals or BZ$38,220.99": the same sum in another currency
		all := slices.Clone(moneys)
		moneys = slices.DeleteFunc(moneys, func(m money) bool {
			for _, p := range all {
				if p.End <= m.Start && p.Currency != m.Currency && strings.TrimSpace(text[p.End:m.Start]) == "or" {
					return true
				}
			}
			return false
		})
	}
	var made []int // indexes into r.out.Seizures made from this sentence
	newSeizure := func(s Seizure, pos int) {
		agency, op := r.actorAndOperation(i, pos)
		s.Agency, s.Operation = r.strp(agency), r.strp(op)
		s.Date, s.EventDate = r.dateIn(sf, pos), r.eventDate(sf, pos)
		s.Evidence = r.evidence(sf, 0.75)
		s.AssertedBy = r.asserted(sf, s.Evidence)
		s.Context = r.isContext(sf, pos) || r.pastYear(s.EventDate)
		s.Evidence[len(s.Evidence)-1].Context = s.Context
		if len(sf.places) > 0 {
			s.Location = r.strp(placeNear(sf, pos))
		} else if !s.Context {
			s.Location = r.strp(r.contextPlace(i)) // (a figure given for comparison may be from anywhere)
		}
		s.sentence = i
		made = append(made, len(r.out.Seizures))
		r.out.Seizures = append(r.out.Seizures, s)
	}
	covered := func(start, end int) bool { return overlapsMoney(moneys, start, end) }

	// Physical quantities: "5.7 tonnes of cocaine", "122 firearms", "several dozen guns".
	if cue {
		skipTo := -1 // the end of a compound measure read whole: "55 kilograms and 840 grams"
		figs := sf.figures()
		for k, f := range figs {
			if k > 0 && text[figs[k-1].End:f.Start] == " " && f.Value != float64(int64(f.Value)) && figs[k-1].Value == float64(int64(figs[k-1].Value)) {
				continue // "three 5.56 carbine rifles": a calibre after the count
			}
			cs, ce := sf.clauseAt(f.Start)
			if f.Start < skipTo || covered(f.Start, f.End) || !seizeCue(cs, ce) || r.inGoodsName(sf, f.Start) {
				continue
			}
			after := text[f.End:]
			if inConversion(text, f.Start) {
				continue // "(440 pounds)" after "200 kilograms": the same haul in other units
			}
			if countsEvents(sf.tokensIn(f.End, min(len(text), f.End+40))) {
				continue // "80 seizures of cocaine", "several other cases where drugs ...": events, not goods
			}
			if otherVerbBefore(sf, f.Start) {
				continue // "seized 700 servers and identified 1.6 million infected computers"
			}
			if intentBefore(sf.low[cs:f.Start]) {
				continue // "attempting to seize seven airplanes": not done yet
			}
			if oneOfThe(after) {
				continue // "found inside one of the vehicles": where, not a count
			}
			if chargedQuantityBefore(tail(sf.low[:f.Start], 80)) {
				continue // "conspiracy to possess with intent to distribute more than five kilograms": a charge's threshold
			}
			if madeFromBefore(tail(sf.low[:f.Start], 40)) {
				continue // "the ephedrine could have been used to manufacture about 4kg of methamphetamine": what it would make
			}
			if stoppedBefore(tail(sf.low[:f.Start], 30)) || searchedBefore(tail(sf.low[:f.Start], 40)) || placePrepBefore(tail(sf.low[:f.Start], 12)) {
				if e, _, _ := r.commodityNear(sf, f.End, 3); e != nil && (e.Commodity == "vehicles" || e.Commodity == "property") {
					continue // "stopped two cars", "searched several houses": where, not what was seized
				}
			}
			unit, packed := "", false
			if k+1 < len(figs) && text[f.End:figs[k+1].Start] == " and " && !rangeBefore(sf.low[:f.Start]) {
				if u, n := unitAfter(text[figs[k+1].End:]); n >= 0 && unitNames[strings.ToLower(u)] != "" {
					// "1,250 and 980 kilograms of heroin": two measures of one unit and goods
					after = text[figs[k+1].End:]
				}
			}
			if u, n := unitAfter(after); n >= 0 {
				unit = unitNames[strings.ToLower(u)]
				after = after[n:]
				if add, k := smallerUnitAfter(unit, after); k > 0 {
					f.Value, after = roundSig(f.Value+add), after[k:] // "3 kg 600 grams", "55 kilograms and 840 grams"
					skipTo = len(text) - len(after)
				}
			} else if u, n := packUnitAfter(after); n >= 0 && (!strings.HasPrefix(strings.ToLower(u), "piece") || r.piecesOfGoods(sf, len(text)-len(after)+n)) {
				// "50 bricks of cocaine": a count of packages of a drug.
				unit, packed = singular(strings.ToLower(u)), true
				if unit == "stick" || unit == "piece" {
					unit = "item" // "7.1 million sticks of cigarettes", "14 pieces of abalone": the goods counted
					if e, _, _ := r.commodityNear(sf, len(text)-len(after)+n, 3); e != nil && e.Commodity == "ammunition" {
						unit = "round" // "3,000 pieces of ammunition"
					}
				}
				after = after[n:]
			} else if n := dosageFormOf(after); n > 0 {
				// "1.5 million capsules of tramadol": a drug counted in its dosage form.
				unit = "pill"
				after = after[n:]
			}
			unitEnd := len(strings.TrimRight(text[:len(text)-len(after)], ".")) // "3.1 tonnes": the phrase holds its unit
			if unit != "" {
				after = after[conversionAfter(after):] // "200 kilograms (440 pounds) of cocaine": the note is set aside
			}
			afterUnit := strings.TrimLeft(after, " ")
			after = strings.TrimPrefix(afterUnit, "of ")
			if len(after) < len(afterUnit) {
				after = after[hedgeLen(after):] // "2 kg of what was believed to be cocaine"
			}
			var e *entry
			if strings.HasPrefix(afterUnit, ")") && strings.HasSuffix(strings.TrimRight(text[:f.Start], " "), "(") {
				// "heroin (2.5 kg) and cannabis (40 kg)": a figure in brackets is of the goods right before them
				if b := r.commodityBefore(sf, f.Start); b != nil {
					e, cs, ce = b, 0, 0
				}
			}
			if e == nil && (unit == "" || !strings.HasPrefix(afterUnit, ",") && !strings.HasPrefix(afterUnit, ";")) {
				// (a measure's goods follow it before any comma: "shabu weighing 900
				// grams, one pistol" weighs no pistol)
				e, cs, ce = r.commodityNear(sf, len(text)-len(after), 3)
			}
			if e == nil && unit != "" && (len(after) < len(afterUnit) || packed) { // (a package's "of" is read with it)
				// "220 pounds of calcium chloride": a measure of goods no list
				// names is other goods, not the last commodity named before.
				if sub, n := unlistedGoods(after); n > 0 {
					e, ce = &entry{Commodity: "other", Sub: sub}, n
				}
			}
			if e == nil && unit == "" && !f.Vague && plantsAfter(after) {
				// "a cannabis farm with 450 plants": the plants of the drug named before.
				d := r.commodityBefore(sf, f.Start)
				if d == nil || d.Commodity != "drugs" || !plantDrugs[d.Sub] {
					d = r.plantDrugBefore(i) // "Officers seized 412 plants" after a sentence about cannabis
				}
				if d != nil && d.Commodity == "drugs" && plantDrugs[d.Sub] {
					e, ce = &entry{Commodity: "drugs", Sub: d.Sub + " plants", Countable: true}, len(after)-len(strings.TrimLeft(after, " "))+len("plants")
				}
			}
			if e == nil && unit == "" && !f.Vague && countedGoodsSlot(sf, f.Start) {
				// "seized 25 slot machines", "3 kg of cocaine and 5 leopard
				// skins": things no list names, counted where goods are.
				if sub, n := unlistedCounted(after); n > 0 && !holdsGoodsAfter(after[n:]) && !containerWords[strings.ToLower(sub)] {
					e, ce = &entry{Commodity: "other", Sub: sub, Countable: true}, n
				}
			}
			phraseEnd := unitEnd
			if e != nil {
				phraseEnd = len(text) - len(after) + ce
				_ = cs
			}
			if e != nil && (e.Commodity == "cryptocurrency" || e.Commodity == "cash") && unit == "" && !e.Countable {
				// "200 cryptocurrency accounts", "12 bitcoin wallets": a count of
				// the accounts or wallets that held it.
				if w, n := holderAfter(text[phraseEnd:]); n > 0 {
					c := *e
					c.Countable, c.Sub = true, w
					if e.Commodity == "cash" {
						c.Sub = "bank accounts"
					}
					e, phraseEnd = &c, phraseEnd+n
				}
			}
			if e == nil && unit != "" && len(made) > 0 && anotherBefore(text[:f.Start]) {
				// "Five kilograms of ketamine were found in his car, and another 23kg at his home": more of the same goods
				prev := r.out.Seizures[made[len(made)-1]]
				e = &entry{Commodity: prev.Commodity, Sub: deref(prev.Subtype)}
			}
			if e == nil && unit != "" {
				// "suspected shabu, weighing around 500 grams": the commodity came first.
				e = r.commodityBefore(sf, f.Start)
				if e != nil && e.Commodity == "other" && containerWords[strings.ToLower(e.Sub)] {
					e = nil // "24 parcels weighing 27.86kg": the parcels' goods, told before
				}
				if e == nil && weighed && massUnit(unit) {
					// "The packages weighed 8.99 pounds and tested positive for methamphetamine"
					var found [4]match
					if ms := r.x.gaz.appendFind(found[:0], sf.tokensIn(unitEnd, len(text)), entCommodity); len(ms) > 0 && ms[0].Entries[0].Commodity == "drugs" {
						e = ms[0].Entries[0]
					}
				}
				if e == nil && massUnit(unit) && !strings.HasPrefix(afterUnit, "of ") && !packed {
					// "Officers seized 2 tonnes during the raids": of the goods the sentences before named.
					if e = r.lastSeizedCommodity(i); e != nil && (e.Commodity == "cash" || e.Commodity == "cryptocurrency") {
						e = nil
					}
				}
			}
			if e == nil && endsOfWhich(tail(text[:f.Start], 40)) {
				e = r.commodityBefore(sf, f.Start)
			}
			if e == nil && strings.HasSuffix(strings.TrimRight(text[:f.Start], " "), ":") && strings.TrimSpace(text[f.End:]) == "" {
				// "• Pistols recovered: 312": a list's item, then its count.
				if e = r.commodityBefore(sf, f.Start); e != nil && !e.Countable {
					e = nil
				}
			}
			if e == nil && unit == "" && !f.Vague && len(made) > 0 {
				// "900,000 cigarettes in one container and 410,000 in another": a
				// count that leaves out its goods takes those of the figure before.
				prev := r.out.Seizures[made[len(made)-1]]
				if at := strings.Index(text, prev.Phrase); prev.Quantity != nil && at >= 0 && elidedGoods(text, at+len(prev.Phrase), f) {
					e, unit = &entry{Commodity: prev.Commodity, Sub: deref(prev.Subtype), Countable: true}, deref(prev.Unit)
				}
			}
			if e == nil || e.Commodity == "cash" && unit == "" && !e.Countable { // "40 bank accounts" count
				continue
			}
			if unit == "" && e.Commodity == "drugs" && !e.Countable {
				// "15.6 million methamphetamine pills": a drug counted in the
				// pills, tablets or capsules it comes as.
				if n := dosageFormAfter(text[len(text)-len(after)+ce:]); n > 0 {
					unit = "pill"
					phraseEnd = len(text) - len(after) + ce + n
				}
			}
			if unit == "" && !f.Vague && e.Commodity == "cryptocurrency" && cs == 0 && (e.Sub == "bitcoin" || e.Sub == "monero" || e.Sub == "ether") {
				unit = e.Sub // "froze 4,000 bitcoin": a count of the coin
			}
			if unit == "" && !e.Countable && !f.Vague {
				continue
			}
			// "90 bales of cocaine weighing 2.7 tonnes" is one haul, its
			// weight the figure; "74 ecstasy pills weighing 130 grams" is
			// counted in its pills.
			if packed && weighingAfter(text[phraseEnd:]) {
				continue
			}
			if massUnit(unit) && len(made) > 0 && deref(r.out.Seizures[made[len(made)-1]].Unit) == "pill" && weighingBefore(text[:f.Start]) {
				continue
			}
			if weighed && e.Commodity == "other" && containerWords[strings.ToLower(e.Sub)] {
				continue // "24 parcels weighing 27.86kg": the packaging, whose weight is the goods'
			}
			s := Seizure{Commodity: e.Commodity, Subtype: r.strp(e.Sub), Phrase: text[f.Start:phraseEnd], Qualifier: r.strp(f.Qualifier)}
			if !f.Vague {
				s.Quantity = r.nump(f.Value)
				if unit == "" {
					unit = itemUnit(e)
				}
				s.Unit = r.strp(unit)
			}
			newSeizure(s, f.Start)
		}
	}

	// "40 guns, four of which were ghost guns": a part of the goods just counted.
	if cue && len(made) > 0 {
		for _, f := range sf.figures() {
			rest, ok := ofWhichWere(sf.low[f.End:])
			if !ok {
				continue
			}
			last := r.out.Seizures[made[len(made)-1]]
			if f.Vague || last.Quantity == nil || deref(last.Unit) != "item" || r.coveredBySeizure(made, text, f.Start, f.End) {
				continue
			}
			r.rule = "seizure.part-of-which"
			from := len(text) - len(rest)
			to := from + strings.IndexFunc(text[from:]+".", func(c rune) bool { return c == '.' || c == ',' || c == ';' || c == ')' })
			if sub := strings.TrimSpace(text[from:to]); sub != "" && len(strings.Fields(sub)) <= 5 {
				newSeizure(Seizure{Commodity: last.Commodity, Subtype: r.strp(sub), Quantity: r.nump(f.Value), Unit: r.strp("item"),
					Qualifier: r.strp(f.Qualifier), Phrase: text[f.Start:to]}, f.Start)
			}
		}
	}

	// Sums of money: cash, or the value of what was seized.
	r.rule = "seizure.money"
	for mk, m := range moneys {
		after := text[m.End:]
		if isConversion(text, moneys, m) || notGoodsValue(sf, m.Start, m.End) || releasedBefore(tail(sf.low[:m.Start], 20)) {
			continue
		}
		if resaleBefore(tail(sf.low[:m.Start], 60)) {
			continue // "could have been sold on the street for about $90,000 to $120,000": a price, not a haul
		}
		if m.Qualifier == "exact" && estimatedValueBefore(tail(sf.low[:m.Start], 50)) {
			m.Qualifier = "about" // "an estimated street value of R250 000"
		}
		amt := Seizure{Amount: r.nump(m.Amount), Currency: r.strp(m.Currency), AmountQualifier: r.strp(m.Qualifier), Qualifier: r.strp(m.Qualifier), Phrase: text[m.Start:m.End]}
		switch {
		case cue && heldIn(tail(sf.low[:m.Start], 60)):
			// "froze 22 bank accounts containing R3.4 million": what the
			// accounts or wallets held, the sum of the item read before.
			if !r.attachHeld(made, m) {
				amt.Commodity, amt.Subtype = "cash", r.strp("bank accounts")
				if strings.Contains(tail(sf.low[:m.Start], 60), "wallet") {
					amt.Commodity, amt.Subtype = "cryptocurrency", r.strp("wallets")
				}
				newSeizure(amt, m.Start)
			}
		case r.valueInGoods(sf, m) != nil:
			// "$13 million in fake medicines": the value of goods, not cash.
			e := r.valueInGoods(sf, m)
			if !cue || r.attachValue(made, e, m) {
				continue
			}
			amt.Commodity, amt.Subtype = e.Commodity, r.strp(e.Sub)
			newSeizure(amt, m.Start)
		case cue && cashLabelBefore(text[:m.Start]):
			// "• Cash: £340,000": a list's item, its label first.
			amt.Commodity = "cash"
			newSeizure(amt, m.Start)
		case lits(sf.low[m.End:], cashWords) && (cashAfterRe.MatchString(after) ||
			!valueBeforeLow(tail(sf.low[:m.Start], 30)) && cashAfterRe.MatchString(sharedAfter(text, moneys, mk))):
			if cue {
				amt.Commodity = "cash"
				newSeizure(amt, m.Start)
			}
		case lits(sf.low[m.End:], cryptoWords) && cryptoAfterRe.MatchString(after):
			if cue {
				amt.Commodity = "cryptocurrency"
				newSeizure(amt, m.Start)
			}
		case worthAfterRe.MatchString(after):
			rest := worthOfRe.ReplaceAllString(after, "")
			e, _, _ := r.commodityNear(sf, len(text)-len(rest), 4)
			if e == nil {
				e = r.commodityBefore(sf, m.Start)
			}
			if e == nil || !cue && !r.strongSeizure(sf) && !r.attachValue(made, e, m) {
				continue
			}
			if r.attachValue(made, e, m) {
				continue
			}
			amt.Commodity, amt.Subtype = e.Commodity, r.strp(e.Sub)
			newSeizure(amt, m.Start)
		case lits(tail(sf.low[:m.Start], 80), valueWords) && valueBeforeLow(tail(sf.low[:m.Start], 80)):
			e := r.commodityBefore(sf, m.Start)
			if e == nil || e.Commodity == "other" && strings.EqualFold(e.Sub, "contraband") {
				// "The street value of the contraband is $207 million": the goods told before
				if last := r.lastSeizedCommodity(i); last != nil || e == nil {
					e = last
				}
			}
			if e == nil {
				continue
			}
			if r.listValued(made, e) || len(made) == 0 && e.Sub == "" && r.listValued(r.madeIn(i-1), e) {
				if cue || len(made) == 0 {
					amt.Commodity = e.Commodity // the list's value, an item of its own
					newSeizure(amt, m.Start)
				}
				continue
			}
			if r.attachValue(made, e, m) || r.attachValueEarlier(i, e, m) {
				continue
			}
			if !cue {
				continue
			}
			amt.Commodity, amt.Subtype = e.Commodity, r.strp(e.Sub)
			newSeizure(amt, m.Start)
		case cue && streetValueAfter(after):
			// "drugs ... that totaled over $900,000 in street value": the value of the goods named before
			if e := r.commodityBefore(sf, m.Start); e != nil && e.Commodity != "cash" && !r.attachValue(made, e, m) {
				amt.Commodity, amt.Subtype = e.Commodity, r.strp(e.Sub)
				newSeizure(amt, m.Start)
			}
		default:
			// A bare sum among the things seized: "€1.2 million and 17 tonnes of cocaine were seized";
			// not a total's worth ("bringing the total value of the seized assets to RM90,000").
			if cue && r.strongSeizure(sf) && !notSeizedMoneyAfter(after) && !valueToBefore(tail(sf.low[:m.Start], 60)) {
				amt.Commodity = "cash"
				newSeizure(amt, m.Start)
			}
		}
	}

	// Things seized without a figure: "diamonds, jewellery, luxury vehicles ... were also seized", "a loaded pistol".
	r.rule = "seizure.listed"
	if regions := seizedRegions(sf); len(regions) > 0 {
		toks := sf.toks    // tokenize(text)
		var found [8]match // the sentence's names stay on the stack
		goods := r.x.gaz.appendFind(found[:0], toks, entCommodity)
		for k, m := range goods {
			e := m.Entries[0]
			start, end := toks[m.I].Start, toks[m.J-1].End
			if !inRegions(regions, start, end) || r.coveredBySeizure(made, text, start, end) || e.Commodity == "cash" && len(moneys) > 0 ||
				overlapsMention(sf.agencies, start, end) || // "HMRC's Tobacco Taskforce" seized no tobacco by its name
				m.I > 0 && isCapitalised(toks[m.I].Text) && !(e.Commodity == "drugs" && isAllCaps(toks[m.I].Text)) { // "Frederic Van Leeuw": a capital inside a sentence is a name, not a van ("MDMA capsules" is a drug's)
				continue
			}
			if e.Commodity == "vehicles" && stoppedBefore(tail(sf.low[:start], 30)) || e.Commodity == "property" && searchedBefore(tail(sf.low[:start], 40)) {
				continue // "officers stopped a car and found cocaine", "searched several houses": where, not what was seized
			}
			if lits(sf.low[:start], exampleWords) && namesExamples(sf.low[:start]) || endsNotSeizedItem(tail(text[:start], 20)) {
				continue // examples of a figure already counted ("44 weapons such as knives"), or not seized at all
			}
			s := Seizure{Commodity: e.Commodity, Subtype: r.strp(e.Sub), Phrase: text[start:end]}
			if n := gearAfter(toks, m.J); n > m.J {
				// "a rifle cleaning kit", "gun parts": gear for the goods, not the goods
				end = toks[n-1].End
				s = Seizure{Commodity: "other", Subtype: r.strp(text[start:end]), Phrase: text[start:end]}
				e = &entry{Commodity: "other", Countable: true}
			}
			if e.Commodity == "cash" {
				if m := vagueSumBeforeRe.FindStringSubmatch(tail(text[:start], 50)); m != nil {
					// "several thousand euros in cash": a sum too vague to count, in a currency
					if cur := r.currencyOfWord(strings.ToLower(m[1]), text); cur != "" {
						s.Currency, s.AmountQualifier, s.Qualifier = r.strp(cur), r.strp("several"), r.strp("several")
					}
				}
			}
			if singleItemBefore(text[:start]) && e.Countable || e.Commodity == "vehicles" && definiteVehicle(text[:start], e.Form) {
				s.Quantity, s.Unit, s.Qualifier = r.nump(1), r.strp("item"), r.strp("exact")
			}
			if (e.Sub == "" && e.Commodity == "drugs" || vagueGoods[e.Sub]) && !inListOfGoods(sf, goods, k) {
				continue // "drugs" or "assets" alone, with no figure, is too vague to be its own seizure
			}
			newSeizure(s, start)
		}
		r.rule = "seizure.list-member"
		r.listedGoods(sf, regions, goods, moneys, made, newSeizure)
	}
}

// listedGoods adds the goods no list names that stand in one list with
// goods read already (listMembers): "officers seized drugs, gold and
// silver" adds gold and silver, as other goods.
func (r *run) listedGoods(sf *sentenceFacts, regions [][2]int, goods []match, moneys []money, made []int, add func(Seizure, int)) {
	text := sf.s.Text
	var known [][2]int
	for _, m := range goods {
		known = append(known, [2]int{sf.toks[m.I].Start, sf.toks[m.J-1].End})
	}
	for _, m := range moneys {
		known = append(known, [2]int{m.Start, m.End})
	}
	for _, k := range made {
		if at := strings.Index(text, r.out.Seizures[k].Phrase); at >= 0 {
			known = append(known, [2]int{at, at + len(r.out.Seizures[k].Phrase)})
		}
	}
	if len(known) == 0 {
		return
	}
	for _, reg := range regions {
		for _, m := range listMembers(text, sf.low, reg[0], reg[1], known) {
			start, end := m[0], m[1]
			if overlapsMention(sf.agencies, start, end) || overlapsMention(sf.places, start, end) || overlapsMention(sf.demonyms, start, end) ||
				overlapsMention(sf.operations, start, end) || overlapsMention(sf.dates, start, end) || overlapsMention(sf.platforms, start, end) ||
				overlapsMention(sf.groups, start, end) {
				continue
			}
			if examplesOfCount(sf.low[:start]) {
				continue // "51 other weapons including knives, machetes and swords": examples of goods counted
			}
			phrase := text[start:end]
			if notGoodsMember(phrase) {
				continue // "supported by detectives and uniform Gardaí", "the boat, named Coopepez VI,": people, a name, no goods
			}
			if _, unit := unitNames[strings.ToLower(phrase)]; unit || crimeNouns[strings.ToLower(lastField(phrase))] {
				continue // "wanted for crimes including fraud, money laundering and wildlife trafficking": crimes, not goods ("a ton and a half": a unit)
			}
			s := Seizure{Commodity: "other", Subtype: r.strp(phrase), Phrase: phrase}
			if v := findVagueAt(phrase, []int32{0}, nil); len(v) > 0 && strings.HasPrefix(phrase[v[0][1]:], " of ") {
				// "dozens of big cat body parts": a vague count of the goods.
				s.Subtype, s.Qualifier = r.strp(phrase[v[0][1]+len(" of "):]), r.strp("several")
			} else if singleItemBefore(text[:start]) {
				s.Quantity, s.Unit, s.Qualifier = r.nump(1), r.strp("item"), r.strp("exact") // "a machete", "a sun bear": one
			}
			add(s, start)
			known = append(known, [2]int{start, end}) // a region may repeat a list
		}
	}
}

// byAgentBetween reports whether low, the lower-case text from a figure to
// an agency, ends with a verb of arresting or seizing and "by" in one
// clause: "23 persons were arrested by (the)".
func byAgentBetween(low string) bool {
	if len(low) > 80 || strings.ContainsAny(low, ";") {
		return false
	}
	low = strings.TrimSuffix(strings.TrimRight(low, " "), " the")
	for _, v := range []string{"arrested by", "detained by", "apprehended by", "seized by", "confiscated by", "recovered by", "intercepted by", "found by", "nabbed by", "caught by", "taken into custody by"} {
		if strings.HasSuffix(" "+low, " "+v) {
			return !strings.Contains(low, ",") // (a comma may close a clause of its own)
		}
	}
	return false
}

// placePrepBefore reports whether low, the lower-case text before a
// figure, ends with a preposition of place: "seized from two vehicles",
// "hidden in three houses" tell where, not what.
func placePrepBefore(low string) bool {
	for _, p := range []string{" from ", " in ", " inside ", " aboard ", " on board "} {
		if strings.HasSuffix(low, p) {
			return true
		}
	}
	return false
}

// anotherBefore reports whether the text before a figure ends with a word
// that adds it to goods told before: "another 23kg", "a further 5 kg".
func anotherBefore(before string) bool {
	low := strings.ToLower(strings.TrimRight(before, " "))
	for _, w := range []string{"another", "a further", "an additional"} {
		if strings.HasSuffix(low, w) && (len(low) == len(w) || !isLetterByte(low[len(low)-len(w)-1])) {
			return true
		}
	}
	return false
}

// notGoodsMember reports whether a list's member names no goods: it
// opens with a participle that describes ("supported by detectives",
// "named Coopepez VI") or ends with people ("uniform Gardaí").
func notGoodsMember(phrase string) bool {
	f := strings.Fields(strings.ToLower(phrase))
	if len(f) == 0 {
		return true
	}
	last := strings.Trim(f[len(f)-1], ".,;:")
	return describingWords[f[0]] || len(f) > 1 && (f[1] == "by" || f[1] == "as") && strings.HasSuffix(f[0], "ed") ||
		ownActorWords[last] || personNouns[last] || last == "gardaí" || last == "gardai" || last == "police"
}

// describingWords open a phrase that describes or names what comes
// before: "the boat, named Coopepez VI".
var describingWords = wordSet("named called dubbed known nicknamed codenamed identified registered flagged belonging owned")

// crimeNouns name crimes, which a list of goods does not hold.
var crimeNouns = wordSet("trafficking laundering fraud frauds smuggling theft thefts robbery robberies extortion terrorism kidnapping kidnappings murder murders corruption bribery cybercrime cybercrimes poaching piracy burglary burglaries assault racketeering")

// ofWhichWere cuts " of which were " (or " of which are ", " of them
// were ", " of these were ") from the start of the lower-case text after a
// figure and returns the rest.
func ofWhichWere(low string) (string, bool) {
	if !strings.HasPrefix(low, " of th") && !strings.HasPrefix(low, " of wh") {
		return "", false
	}
	for _, p := range []string{" of which were ", " of which are ", " of them were ", " of these were "} {
		if rest, ok := strings.CutPrefix(low, p); ok {
			return rest, true
		}
	}
	return "", false
}

// examplesOfCount reports whether the lower-case text before a listed
// thing ends in examples of goods just counted: "51 other weapons
// including knives, machetes and", "44 weapons such as". After goods not
// counted ("several live animals, including a sun bear and") the things
// listed are the goods.
func examplesOfCount(low string) bool {
	k := -1
	for _, w := range exampleForms {
		if i := strings.LastIndex(low, w); i > k && wordBoundary(low, i) && wordBoundary(low, i+len(w)) {
			k = i
		}
	}
	if k < 0 || strings.ContainsAny(low[k:], ".;:") {
		return false
	}
	before := tail(low[:k], 40)
	if c := strings.LastIndexByte(before, ','); c >= 0 && c < len(before)-2 {
		before = before[c+1:] // the goods just before the examples, not an earlier item
	}
	if hasDigit(before) {
		return true // "51 other weapons including"
	}
	for _, w := range strings.Fields(before) {
		if _, ok := wordNumbers[w]; ok && w != "a" && w != "an" {
			return true // "five other weapons including"
		}
	}
	return false
}

// inListOfGoods reports whether goods[k] is an item of a list of goods,
// next to another with only a comma or "and" between: "cash, drugs, gold
// and silver" names drugs as one of the things seized.
func inListOfGoods(sf *sentenceFacts, goods []match, k int) bool {
	joins := func(a, b match) bool {
		between := strings.TrimSpace(sf.s.Text[sf.toks[a.J-1].End:sf.toks[b.I].Start])
		return between == "," || between == "and" || between == ", and" || between == "&"
	}
	return k > 0 && joins(goods[k-1], goods[k]) || k+1 < len(goods) && joins(goods[k], goods[k+1])
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func itemUnit(e *entry) string {
	switch {
	case e.Sub == "pills" || e.Sub == "tablets" || strings.HasSuffix(e.Form, "pills") || strings.HasSuffix(e.Form, "tablets") || strings.HasSuffix(e.Form, "capsules"):
		return "pill"
	case e.Commodity == "ammunition":
		return "round"
	case e.Commodity == "drugs" && strings.HasSuffix(e.Sub, "plants"):
		return "plant" // ANNOTATION.md's unit for cannabis plants
	case strings.HasSuffix(e.Sub, "accounts"):
		return "account" // ANNOTATION.md's unit for frozen or seized accounts
	}
	return "item"
}

// coveredBySeizure reports whether a commodity word is already part of a
// seizure this sentence made ("17 tonnes of cocaine" covers "cocaine").
func (r *run) coveredBySeizure(made []int, text string, start, end int) bool {
	word := text[start:end]
	for _, k := range made {
		if strings.Contains(r.out.Seizures[k].Phrase, word) {
			return true
		}
	}
	// Already seized in full earlier in the article under the same name.
	for _, s := range r.out.Seizures {
		if s.Subtype != nil && strings.EqualFold(*s.Subtype, word) && (s.Quantity != nil || s.Amount != nil) {
			return true
		}
	}
	return false
}

// listValued reports whether this sentence made hauls of several kinds of
// e's commodity, none priced: "3 kg of cocaine, 2 kg of heroin and 500 g of
// cannabis, with a combined value of £400,000" prices the list, not its
// first or last item.
func (r *run) listValued(made []int, e *entry) bool {
	hauls := make([]Seizure, 0, len(made))
	for _, k := range made {
		if r.out.Seizures[k].Commodity == e.Commodity {
			hauls = append(hauls, r.out.Seizures[k])
		}
	}
	return unpricedKinds(hauls, true)
}

// unpricedKinds reports whether hauls, all of one commodity, count goods of
// two subtypes or more: a list a single sum may price. With priced set,
// a haul that has a sum of its own means the list is priced already.
func unpricedKinds(hauls []Seizure, priced bool) bool {
	first := ""
	for _, s := range hauls {
		if s.Quantity == nil || s.Subtype == nil {
			continue
		}
		if priced && s.Amount != nil {
			return false
		}
		switch {
		case first == "":
			first = *s.Subtype
		case *s.Subtype != first:
			return true
		}
	}
	return false
}

// vagueSumBeforeRe is a sum too vague to count before "cash": "several
// thousand euros in ", "thousands of dollars in ".
var vagueSumBeforeRe = regexp.MustCompile(`(?i)\b(?:several|a few|some|many|tens of|hundreds of|thousands of|millions of)\s+(?:(?:thousand|million|hundred)s?\s+(?:of\s+)?)?(euros|dollars|pounds|rupees|pesos|rand|naira|shillings|dirhams|riyals|yen|francs)\s+(?:in\s+)?$`)

// stoppedBefore reports whether low, the lower case before a vehicle's
// name, ends with a verb that stopped or searched it and its article:
// "stopped a ", "pulled over the ", "searched a ".
func stoppedBefore(low string) bool {
	for _, v := range []string{"stopped", "pulled over", "searched", "flagged down", "intercepted", "inspected", "checked", "boarded", "approached"} {
		k := strings.LastIndex(low, v+" ")
		if k < 0 || k > 0 && low[k-1] != ' ' {
			continue
		}
		rest := strings.Fields(low[k+len(v):])
		if len(rest) <= 2 {
			return true // "stopped a ", "stopped a white "
		}
	}
	return false
}

// searchedBefore reports whether low, before a property's name, tells of
// its search: "searched several ", "raided two ".
func searchedBefore(low string) bool {
	for _, v := range []string{"searched", "raided", "searches of", "search of", "raids on", "entered"} {
		if k := strings.LastIndex(low, v+" "); k >= 0 && len(strings.Fields(low[k+len(v):])) <= 2 {
			return true
		}
	}
	return false
}

// streetValueAfter reports whether s, after a sum, says it is a value:
// " in street value", " in value".
func streetValueAfter(s string) bool {
	s = strings.TrimLeft(s, " ")
	return hasPrefixFold(s, "in street value") || hasPrefixFold(s, "in value") || hasPrefixFold(s, "in estimated street value")
}

// valueToBefore reports whether low, before a sum, ends with a value
// phrase and "to", "at" or "of" after it: "the total value of the seized
// assets to ".
func valueToBefore(low string) bool {
	k := strings.LastIndex(low, "value")
	if k < 0 || strings.ContainsAny(low[k:], ",;") {
		return false
	}
	return strings.HasSuffix(low, " to ") || strings.HasSuffix(low, " at ") || strings.HasSuffix(low, " of ")
}

// chargedQuantityBefore reports whether low, the lower case before a
// figure, ends in a charge's words, whose quantity is the law's threshold:
// "conspiracy to possess with intent to distribute more than 5 kilograms".
func chargedQuantityBefore(low string) bool {
	if !strings.Contains(low, " to ") {
		return false // (each phrase ends with "to" and a word)
	}
	for _, p := range []string{"intent to distribute", "intent to supply", "intent to sell", "conspiracy to", "conspiring to", "conspired to"} {
		if k := strings.LastIndex(low, p); k >= 0 && !strings.ContainsAny(low[k:], ";.") {
			return true
		}
	}
	return false
}

// resaleBefore reports whether low, the lower case before a sum, prices
// goods as sold ("could have been sold on the street for about $90,000 to
// "): the sum is what they would fetch, no haul of cash.
func resaleBefore(low string) bool {
	for _, v := range []string{"sold ", "sell ", "sells ", "selling ", "resold ", "fetch ", "fetched "} {
		if k := strings.LastIndex(low, v); k >= 0 && (k == 0 || low[k-1] == ' ') && !strings.Contains(low[k:], ", ") && !strings.Contains(low[k:], ";") {
			return strings.Contains(low[k:], " for ") || strings.HasPrefix(v, "fetch")
		}
	}
	return false
}

// estimatedValueBefore reports whether low, the lower case before a sum,
// ends with an estimate of worth: "an estimated street value of ", "an
// estimated worth of ", "estimated at ", "with a value estimated at ".
func estimatedValueBefore(low string) bool {
	k := strings.LastIndex(low, "estimat")
	if k < 0 || k > 0 && isWordASCII(low[k-1]) {
		return false
	}
	words := strings.Fields(low[k:])
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words[1:] {
		if !estimateFillers[w] {
			return false
		}
	}
	return true
}

var estimateFillers = wordSet("street market black-market resale retail total combined value worth of at to be a")

// madeIn lists the seizures sentence i made.
func (r *run) madeIn(i int) []int {
	var made []int
	for k, s := range r.out.Seizures {
		if s.sentence == i {
			made = append(made, k)
		}
	}
	return made
}

// attachValue gives a value to a seizure of the same commodity this sentence
// made, unless the sum prices a list of them (listValued).
func (r *run) attachValue(made []int, e *entry, m money) bool {
	if r.listValued(made, e) {
		return false
	}
	for _, k := range made {
		s := &r.out.Seizures[k]
		if s.Commodity == e.Commodity && s.Amount == nil {
			s.Amount, s.Currency, s.AmountQualifier = r.nump(m.Amount), r.strp(m.Currency), r.strp(m.Qualifier)
			return true
		}
	}
	return false
}

// seizesStrongly reports whether sf's text has a cue of seizing
// (hasSeizeCue) and matches signal.strong-seizure.
func (r *run) seizesStrongly(sf *sentenceFacts) bool {
	return r.strongSeizure(sf) && hasSeizeCueAt(sf.s.Text, sf.starts, sf.startBits)
}

// strongSeizure reports whether the sentence has a strong verb of seizing
// (signal.strong-seizure). Its ASCII lower case must hold one of the
// verbs' words first.
func (r *run) strongSeizure(sf *sentenceFacts) bool {
	return sf.holdsAny(sf.low, strongSeizeWords) && r.signal(sf, sigStrongSeizure)
}

// attachValueEarlier gives a value to the latest earlier seizure of the
// same commodity that has none: "the cocaine had an estimated value of £450m".
func (r *run) attachValueEarlier(i int, e *entry, m money) bool {
	// Not another force's haul: a sentence that itself seizes something
	// ("Gardaí seized cannabis worth €840,000") prices only its own agency's
	// seizures; one that only values ("the NCA said the cocaine was worth")
	// may price any.
	own := ""
	if sf := r.sents[i]; r.seizesStrongly(sf) {
		for _, a := range r.sents[i].agencies {
			own = a.Name
			break
		}
	}
	for k := len(r.out.Seizures) - 1; k >= 0; k-- {
		s := &r.out.Seizures[k]
		if own != "" && s.Agency != nil && *s.Agency != own {
			continue
		}
		if s.Commodity == e.Commodity && s.Amount == nil && (e.Sub == "" || s.Subtype == nil || *s.Subtype == e.Sub) {
			s.Amount, s.Currency, s.AmountQualifier = r.nump(m.Amount), r.strp(m.Currency), r.strp(m.Qualifier)
			if s.Quantity == nil {
				s.Qualifier = r.strp(m.Qualifier)
			}
			s.Evidence = append(s.Evidence, r.span(r.sents[i], 0.7))
			return true
		}
	}
	return false
}

// lastSeizedCommodity is the commodity of the latest seizure before sentence i,
// or the latest commodity named: what "the seizure" or "the haul" refers to.
func (r *run) lastSeizedCommodity(i int) *entry {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if e := r.commodityBefore(r.sents[j], len(r.sents[j].s.Text)); e != nil && !(e.Commodity == "other" && containerWords[strings.ToLower(e.Sub)]) {
			return e // (not the parcels the goods came in)
		}
	}
	return nil
}

// releasedBefore reports whether low, the text before a sum in lower case,
// ends with a word that gives it back: "releasing $650 to the couple".
func releasedBefore(low string) bool {
	low = strings.TrimRight(low, " ")
	for _, w := range []string{"releasing", "released", "returning", "returned", "refunded", "refunding"} {
		if strings.HasSuffix(low, w) {
			return true
		}
	}
	return false
}

// madeFromBefore reports whether low, the text before a figure in lower
// case, says the figure is what something would make: "used to
// manufacture about", "enough to produce", "a factory capable of producing
// over", "the lab could produce".
func madeFromBefore(low string) bool {
	// The words must come after the last comma or semicolon, and each
	// starts with "to ", or is what a thing is able to make.
	if k := strings.LastIndexAny(low, ",;"); k >= 0 {
		low = low[k+1:]
	}
	for i := range indexesOf(low, "to ") {
		rest := low[i+len("to "):]
		for _, w := range [...]string{"manufacture ", "produce ", "make ", "synthesize ", "synthesise "} {
			if strings.HasPrefix(rest, w) {
				return true
			}
		}
	}
	for _, p := range [...]string{"capable of producing ", "capable of making ", "capable of manufacturing ", "could produce ",
		"can produce ", "could make ", "can make ", "could manufacture ", "can manufacture ", "capacity of "} {
		if k := strings.LastIndex(low, p); k >= 0 && len(low)-k-len(p) <= 12 { // ("over", "up to", "about")
			return true
		}
	}
	return false
}

// elidedGoods reports whether figure f, which names no goods, stands where
// a list leaves out the goods of the figure before, whose phrase ends at
// byte prevEnd: only a place or a container phrase and "and" or a comma
// between them ("... in one container and 410,000 in another"), and after
// it a place phrase or the clause's end.
func elidedGoods(text string, prevEnd int, f figure) bool {
	if prevEnd > f.Start || f.Start-prevEnd > 48 {
		return false
	}
	between := strings.TrimSpace(text[prevEnd:f.Start])
	switch {
	case between == "and" || between == "," || between == ", and":
	case strings.HasSuffix(between, " and") || strings.HasSuffix(between, ",") || strings.HasSuffix(between, ", and"):
		lead := strings.Fields(between)[0]
		if lead != "in" && lead != "at" && lead != "from" && lead != "on" || hasDigit(between) {
			return false
		}
	default:
		return false
	}
	after := text[f.End:]
	if after == "" || after[0] == '.' || after[0] == ',' || after[0] == ';' {
		return true
	}
	for _, w := range []string{" in ", " at ", " from ", " on "} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// holdsGoodsAfter reports whether s, after a count of things, says they
// held the goods: "60 jugs containing 300 kg of methamphetamine" counts
// the jugs the haul came in, not goods of their own.
func holdsGoodsAfter(s string) bool {
	w := skipSpaces(s, 0)
	return w > 0 && wordAltAtFold(s, w, []string{"containing", "filled with", "holding", "packed with", "stuffed with", "loaded with"}) >= 0
}

// plantDrugBefore returns the drug grown from plants that the article's
// sentences up to i name last, or nil.
func (r *run) plantDrugBefore(i int) *entry {
	for j := i; j >= 0; j-- {
		var found [8]match
		for _, m := range r.x.gaz.appendFind(found[:0], r.sents[j].toks, entCommodity) {
			if e := m.Entries[0]; e.Commodity == "drugs" && plantDrugs[e.Sub] {
				return e
			}
		}
	}
	return nil
}

// mergeSeizures joins what the article states twice: the same figure again
// (a headline, a summary), a value and a quantity of one haul in sentences
// next to each other ("$70m worth of methamphetamine ... 200 kilograms of
// methamphetamine"); and drops a figureless mention of a commodity that the
// article also gives with a figure ("the drugs" of "5.7 tonnes of cocaine").
func (r *run) mergeSeizures() {
	ss := r.out.Seizures
	var out []Seizure
	if len(ss) > 0 {
		out = make([]Seizure, 0, len(ss)) // at most one each
	}
	used := make([]bool, len(ss))
	for a := range ss {
		if used[a] {
			continue
		}
		s := ss[a]
		for b := a + 1; b < len(ss); b++ {
			t := ss[b]
			if used[b] || t.Commodity != s.Commodity {
				continue
			}
			// Near, and no agency against it: "$70m worth of methamphetamine ...
			// 200 kilograms of methamphetamine", not two forces' hauls.
			sameKind := s.Subtype == nil || t.Subtype == nil || *s.Subtype == *t.Subtype
			near := t.sentence-s.sentence <= 2 && s.sentence-t.sentence <= 2 &&
				(s.Agency == nil || t.Agency == nil || *s.Agency == *t.Agency) && sameKind
			switch {
			case !sameKind && s.Quantity != nil && t.Quantity != nil, !sameKind && s.Amount != nil && t.Amount != nil && s.sentence == t.sentence:
				continue // "12 kg of heroin, 12 kg of MDMA", "£6,000 of crack and £6,000 of heroin": two hauls, equal figures
			case sameFigure(s, t):
			case sameQuantity(s, t) && (s.Amount == nil || t.Amount == nil):
				if s.Amount == nil {
					s.Amount, s.Currency, s.AmountQualifier = t.Amount, t.Currency, t.AmountQualifier
				}
			case sameAmount(s, t) && (s.Quantity == nil || t.Quantity == nil):
				// "P5 million worth of shabu" in a headline, "a kilogram of shabu
				// worth P5 million" in the body: one haul, its sum said twice.
				if s.Quantity == nil {
					s.Quantity, s.Unit, s.Qualifier = t.Quantity, t.Unit, t.Qualifier
				}
			case near && s.Amount != nil && s.Quantity == nil && t.Quantity != nil && t.Amount == nil:
				if valuesAList(ss, s) {
					continue
				}
				s.Quantity, s.Unit, s.Qualifier = t.Quantity, t.Unit, t.Qualifier
			case near && s.Quantity != nil && s.Amount == nil && t.Amount != nil && t.Quantity == nil:
				if valuesAList(ss, t) {
					continue
				}
				s.Amount, s.Currency, s.AmountQualifier = t.Amount, t.Currency, t.AmountQualifier
			default:
				continue
			}
			used[b] = true
			if !s.EventDate.fromText() && t.EventDate.fromText() {
				s.Date, s.EventDate = t.Date, t.EventDate
			}
			s.Evidence = append(s.Evidence, t.Evidence...)
			if s.Agency == nil || t.Agency != nil && r.namesAgency(t.sentence, *t.Agency) && !r.namesAgency(s.sentence, *s.Agency) {
				s.Agency = t.Agency // (a haul told again with its actor named takes that actor)
			}
			if s.Operation == nil {
				s.Operation = t.Operation
			}
		}
		out = append(out, s)
	}
	// A figureless mention of a commodity with a figure elsewhere is that
	// haul named again; "other" goods are told apart by their kind.
	kindOf := func(s Seizure) string {
		if s.Commodity == "other" {
			return "other/" + deref(s.Subtype)
		}
		return s.Commodity
	}
	figured := map[string]bool{}
	for _, s := range out {
		if s.Quantity != nil || s.Amount != nil {
			figured[kindOf(s)] = true
		}
	}
	kept := out[:0]
	for _, s := range out {
		if s.Quantity == nil && s.Amount == nil && deref(s.Qualifier) != "several" && figured[kindOf(s)] {
			continue
		}
		kept = append(kept, s)
	}
	r.out.Seizures = kept
}

// valuesAList says whether v, a sum of a kind of goods with no subtype, is
// the value of hauls of several subtypes of that kind said in its sentence
// or the one before (listValued): not to be merged into one of them.
func valuesAList(ss []Seizure, v Seizure) bool {
	if v.Subtype != nil {
		return false
	}
	var hauls []Seizure
	for _, s := range ss {
		if s.Commodity == v.Commodity && s.sentence <= v.sentence && s.sentence >= v.sentence-1 {
			hauls = append(hauls, s)
		}
	}
	return unpricedKinds(hauls, false)
}

func sameQuantity(a, b Seizure) bool {
	return a.Quantity != nil && b.Quantity != nil && *a.Quantity == *b.Quantity && deref(a.Unit) == deref(b.Unit)
}

// sameAmount reports whether two seizures state one sum in one currency.
func sameAmount(a, b Seizure) bool {
	return a.Amount != nil && b.Amount != nil && *a.Amount == *b.Amount && deref(a.Currency) == deref(b.Currency)
}

func sameFigure(a, b Seizure) bool {
	eq := func(x, y *float64) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	return eq(a.Quantity, b.Quantity) && eq(a.Amount, b.Amount) && deref(a.Unit) == deref(b.Unit) && deref(a.Currency) == deref(b.Currency) &&
		(a.Quantity != nil || a.Amount != nil)
}

func isNumberToken(w string) bool {
	for _, r := range w {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

var (
	passiveAfterRe = regexp.MustCompile(`(?i)^\s*(?:$|[,.;:]|(?:in|at|from|during|by|on|after|across|as|with|and|since|near|inside|between|throughout|under|over the)\b)`)
)

// clauseBreaks returns the spans of the clause breaks of s: "..., which
// was believed to be ...", "...; ...".
func clauseBreaks(s string) [][]int {
	if strings.IndexByte(s, ',') < 0 && strings.IndexByte(s, ';') < 0 && !strings.Contains(s, "–") && !strings.Contains(s, "—") {
		return nil
	}
	return findClauseBreaks(s)
}

// clauseWords are the words after a comma that break a clause, in the
// order they are tried.
var clauseWords = newWordAlts("which", "who", "whom", "where", "while", "but", "although", "though", "whereas", "of which",
	"when", "after", "before", "because", "as")

// findClauseBreaks finds the clause breaks of s, left to right: a
// semicolon or dash, or a comma, spaces and one of clauseWords in any
// ASCII case ending a word (the spaces are all of the run, since no word
// starts with one).
func findClauseBreaks(s string) [][]int {
	var out [][]int
	for p := 0; p < len(s); p++ {
		e := -1
		switch c := s[p]; {
		case c == ';':
			e = p + 1
		case c == 0xE2 && (strings.HasPrefix(s[p:], "–") || strings.HasPrefix(s[p:], "—")):
			e = p + len("–")
		case c == ',':
			if w := skipSpaces(s, p+1); w > p+1 && !hasPrefixFold(s[w:], "as well as ") {
				e = wordAltAt(s, w, clauseWords) // ", as well as 3 vehicles" goes on with the list
			}
		}
		if e >= 0 {
			out = append(out, []int{p, e})
			p = e - 1
		}
	}
	return out
}

// seizeVerbWords are the verbs and nouns of seizing, in the order they are
// tried; seizeVerbLead holds their first letters, in either case.
var seizeVerbLead = letterSet("scrifdtxl")

var seizeVerbWords = newWordAlts("seized", "seizing", "seizures of", "seizure of", "confiscated", "confiscating", "recovered",
	"recovering", "intercepted", "impounded", "found", "discovered", "located",
	// "79kg of dried cannabis were taken by police"; "an x-ray revealed 17 lizards"
	"taken by police", "taken by officers", "x-ray revealed", "search revealed", "searches revealed", "scan revealed", "inspection revealed")

// findSeizeVerbsAt finds the verbs and nouns of seizing in s: one of
// seizeVerbWords in any ASCII case, starting and ending a word, given the
// offsets where s's words start (see wordStartsOf) and their scanner bits
// (or nil); for each, the offsets of the match, twice.
func findSeizeVerbsAt(s string, starts []int32, bits []uint8) [][]int {
	return matchAtWordStarts(s, starts, bits, scanSeizeVerb, &seizeVerbLead, func(s string, p int) submatch {
		if e := wordAltAt(s, p, seizeVerbWords); e >= 0 {
			if learntNotFound(s, p, e) {
				return submatch{}
			}
			return submatch{m: [8]int{p, e, p, e}, n: 4}
		}
		return submatch{}
	})
}

// seizeCueWhole are the cues of seizing that stand whole (seizeCuePhrases).
var (
	seizeCueWhole = newWordAlts(seizeCuePhrases...)
)

// hasSeizeCue reports whether s has a cue of seizing, in any ASCII case:
// one of seizeCueStems starting a word (read to the word's end), or one of
// seizeCuePhrases starting and ending a word.
// Its word starts stay on the stack where s has few words, as a clause does.
func hasSeizeCue(s string) bool {
	var buf [96]int32
	return hasSeizeCueAt(s, appendWordStarts(buf[:0], s), nil)
}

// hasSeizeCueAt is hasSeizeCue given the offsets where s's words start (see
// wordStartsOf) and their scanner bits (appendStartBits), or nil bits.
func hasSeizeCueAt(s string, starts []int32, bits []uint8) bool {
	for k, q := range starts {
		p := int(q)
		if bits != nil && bits[k]&(scanKnown|scanSeizeCue) == scanKnown { // a word known to start no cue
			continue
		}
		if !isLetterByte(s[p]) || !wordStart(s, p) {
			continue
		}
		for _, st := range seizeCueStems {
			if hasPrefixFold(s[p:], st) {
				return true
			}
		}
		if e := wordAltAt(s, p, seizeCueWhole); e >= 0 && !learntNotFound(s, p, e) {
			return true
		}
	}
	return false
}

// learntNotFound reports whether the cue s[p:e] is "found" before "out":
// what was learnt, not what was seized ("it was found out that the group
// had brought in 290 tons"). ("Found that the van held 3 kg" may tell of a
// seizure, so "that" alone stays a cue.)
func learntNotFound(s string, p, e int) bool {
	return s[p]|0x20 == 'f' && hasPrefixFold(s[e:], " out ")
}

// clauseIn returns the byte span of the clause that holds pos in a text of
// n bytes with the given clause breaks.
func clauseIn(breaks [][]int, n, pos int) (int, int) {
	start, end := 0, n
	for _, loc := range breaks {
		if loc[1] <= pos {
			start = loc[1]
		} else if loc[0] >= pos {
			end = loc[0]
			break
		}
	}
	return start, end
}

// seizedRegions are the spans of a sentence that name what was seized:
// after an active verb or noun ("seized a loaded pistol", "seizure of dozens
// of firearms") to the clause's end, before a passive one ("diamonds and
// jewellery were also seized") from the clause's start.
func seizedRegions(sf *sentenceFacts) [][2]int {
	s := sf.s.Text
	var out [][2]int
	for _, m := range findSeizeVerbsAt(s, sf.starts, sf.startBits) {
		cs, ce := sf.clauseAt(m[0])
		verb := strings.ToLower(s[m[2]:m[3]])
		if verb == "located" && locatedWhere(sf.low[m[1]:]) {
			continue // "a warehouse located near the port": where a thing is, not what was found
		}
		passive := !strings.HasSuffix(verb, "of") && !strings.HasSuffix(verb, "ing") &&
			(auxBeforeLow(tail(sf.low[cs:m[0]], 40)) ||
				mayBePassiveAfter(s[m[1]:]) && passiveAfterRe.MatchString(s[m[1]:]))
		if passive && (verb == "found" || verb == "discovered") && !oneThingFound(sf, cs, m[0]) && !listFound(sf, cs, m[0]) {
			continue // "after checks on documents, the drug was found": what came before is not all found
		}
		if rest := strings.TrimLeft(s[m[1]:], " "); strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, ":") {
			// "the drugs seized — 107kg of heroin, 63kg of syabu": the list after the dash or colon
			from := len(s) - len(rest)
			_, end := sf.clauseAt(min(len(s)-1, from+len("—")+1))
			out = append(out, [2]int{from, end})
		}
		if passive {
			out = append(out, [2]int{cs, m[0]})
		} else {
			// What was seized ends where where or whom it was seized from begins: "a pistol from the car".
			if at := placePhraseLow(sf.low[m[1]:ce]); at >= 0 {
				ce = m[1] + at
			}
			if at := otherVerbAfterAnd(sf.low[m[1]:ce]); at >= 0 {
				ce = m[1] + at // "seized 700 servers and identified 1.6 million computers"
			}
			out = append(out, [2]int{m[1], ce})
		}
		// "items recovered from the suspects include cars, phones and
		// documents": what was seized is listed after the verb of inclusion.
		if k := sf.includeAfter(m[1]); k >= 0 {
			end := len(s)
			if e := strings.IndexAny(s[k:], ";"); e >= 0 {
				end = k + e
			}
			out = append(out, [2]int{k, end})
		}
	}
	return out
}

// locatedWhere reports whether the lower-case text after "located" says
// where something is: " in ", " near ", " at ".
func locatedWhere(after string) bool {
	for _, p := range []string{" in ", " at ", " near ", " on ", " within ", " along ", " off ", " close to ", " next to ", " about ", " some ", " approximately "} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	return false
}

// oneThingFound reports whether the clause [cs, verb) is one thing and the
// verb's auxiliary: "A 9mm pistol was also found", "An AK-47 rifle was
// discovered": the whole subject was found.
func oneThingFound(sf *sentenceFacts, cs, verb int) bool {
	toks := subjectAndAux(sf, cs, verb)
	n := len(toks)
	if n < 3 || toks[n-1].Lower != "was" {
		return false
	}
	// The article opens the subject, maybe after a time: "About 9:55 am a Hi-Point pistol was found".
	for k := n - 3; k >= 0 && k >= n-6; k-- {
		switch toks[k].Lower {
		case "a", "an", "one":
			return k == 0 || timeBefore(toks[:k])
		}
	}
	return false
}

// listFound reports whether the clause [cs, verb) is a list of things and
// the verb's auxiliary: "Knives, axes, a crossbow and cash were also
// found": each was found, as nothing else stands in the clause.
func listFound(sf *sentenceFacts, cs, verb int) bool {
	toks := subjectAndAux(sf, cs, verb)
	n := len(toks)
	if n < 4 || toks[n-1].Lower != "were" {
		return false
	}
	joined := false
	for k, t := range toks[:n-1] {
		gap := sf.s.Text[t.End:toks[k+1].Start]
		if strings.TrimSpace(gap) == "," {
			joined = true
		} else if strings.TrimSpace(gap) != "" && gap != "-" {
			return false // a bracket, a dash or a quote: more than a list
		}
		if t.Lower == "and" {
			joined = true
		}
		if listFoundStops[t.Lower] {
			return false // "after a search of the house, cash and drugs were found": a clause, not a list
		}
	}
	return joined
}

// subjectAndAux is the clause [cs, verb) without the adverbs that may
// stand between the auxiliary and the verb ("was also found").
func subjectAndAux(sf *sentenceFacts, cs, verb int) []token {
	toks := sf.tokensIn(cs, verb)
	n := len(toks)
	for n > 0 && (toks[n-1].Lower == "also" || toks[n-1].Lower == "later" || toks[n-1].Lower == "then") {
		n--
	}
	return toks[:n]
}

// listFoundStops are the words that make a clause more than a list of things.
var listFoundStops = wordSet("in at on to from after during by with when while where which who that of inside near under behind")

// timeBefore reports whether toks are a time of day or a day that opens a
// sentence: "About 9:55 am", "On Friday", "At 3 pm".
func timeBefore(toks []token) bool {
	for _, t := range toks {
		switch t.Lower {
		case "am", "pm", "a.m", "p.m", "about", "around", "at", "on", "shortly", "after", "before":
			continue
		}
		if isDigits(t.Text) || weekdays[t.Lower] {
			continue
		}
		return false
	}
	return len(toks) > 0
}

// weekdays are the days of the week in lower case.
var weekdays = wordSet("monday tuesday wednesday thursday friday saturday sunday")

// includeAfter returns where the list after "include", "included",
// "including" or "consisting of" begins after byte from of the sentence,
// or -1. The sentence's words are looked through once.
func (sf *sentenceFacts) includeAfter(from int) int {
	if !sf.incDone {
		sf.incDone = true
		for k, t := range sf.toks {
			switch t.Lower {
			case "include", "included", "includes", "including", "comprising":
				sf.incAt = append(sf.incAt, int32(t.End))
			case "consisting":
				if k+1 < len(sf.toks) && sf.toks[k+1].Lower == "of" {
					sf.incAt = append(sf.incAt, int32(sf.toks[k+1].End))
				}
			}
		}
	}
	for _, at := range sf.incAt {
		if int(at) > from {
			return int(at) + 1
		}
	}
	return -1
}

// The value phrases before a sum, and the qualifiers that may follow them.
var (
	valuePhrases = []string{"worth", "valued at", "value of", "value", "price of", "price", "priced at", "estimated at", "put at",
		"estimated to be"}
	valueQualifiers = []string{"in excess of", "more than", "over", "around", "about", "almost", "nearly", "some",
		"approximately", "up to", "at least", "an estimated", "estimated"}
)

// valueOfGoods reports whether low, in lower case, ends with a value's
// noun and the goods it prices, and no verb between: "the street value of
// the seized drugs".
func valueOfGoods(low string) bool {
	k := strings.LastIndex(low, "value of ")
	if k < 0 {
		return false
	}
	rest := strings.Fields(low[k+len("value of "):])
	if len(rest) == 0 || len(rest) > 5 {
		return false
	}
	for _, w := range rest {
		if w == "is" || w == "was" || w == "are" || w == "were" || w == "to" || strings.ContainsAny(w, ",;") { // ("bringing the total value of the seized assets to RM90,000")
			return false
		}
	}
	return true
}

// valueBeforeLow reports whether a text in ASCII lower case ends with a
// value phrase before a sum ("worth about ", "valued at "), read from its
// end: spaces, maybe a qualifier and spaces, maybe "of" and spaces, then a
// value phrase that starts a word.
// Every phrase ends in a letter, so each run of spaces is a whole one.
func valueBeforeLow(low string) bool {
	// value reports whether a value phrase starting a word ends at e;
	// valueOf, whether one does with maybe spaces and "of" after it.
	value := func(e int) bool {
		for _, v := range valuePhrases {
			if strings.HasSuffix(low[:e], v) && (e == len(v) || !isWordASCII(low[e-len(v)-1])) {
				return true
			}
		}
		return false
	}
	valueOf := func(e int) bool {
		if value(e) {
			return true
		}
		if strings.HasSuffix(low[:e], "of") {
			if s := spacesBefore(low, e-2); s < e-2 && value(s) {
				return true
			}
		}
		return false
	}
	e := spacesBefore(low, len(low))
	if e == len(low) {
		return false
	}
	if valueOf(e) || valueOfGoods(tail(low[:e], 60)) {
		return true // ("the street value of the seized drugs in excess of $130,000": the qualifier read with the sum)
	}
	// "The street value of the heroin is $600,000": a value's noun, then its verb.
	for _, v := range []string{" is", " was", " are", " were", " at"} {
		if strings.HasSuffix(low[:e], v) && strings.Contains(tail(low[:e], 80), "value") {
			return true // "the total value of the cigarettes at $59,920", "whose market value is Rs 64,57,018"
		}
	}
	for _, q := range valueQualifiers {
		if strings.HasSuffix(low[:e], q) {
			if s := spacesBefore(low, e-len(q)); s < e-len(q) && (valueOf(s) || valueOfGoods(tail(low[:s], 60))) {
				return true
			}
		}
	}
	return false
}

// placeWords are the words that begin where or whom a thing was seized from.
var placeWords = wordSet("from at in inside near during on after across within hidden concealed belonging owned used worth")

// placePhraseLow returns where the first place phrase in a text in ASCII
// lower case starts, or -1: a space, one of placeWords, a space. The
// words are letters, so the word is the whole run of letters after the space.
func placePhraseLow(low string) int {
	for p := 0; p+1 < len(low); p++ {
		if !isSpaceASCII(low[p]) {
			continue
		}
		if e := asciiLetters(low, p+1); e < len(low) && isSpaceASCII(low[e]) && placeWords[low[p+1:e]] && !formOfGoods(low[p+1:e], low[e+1:]) {
			return p
		}
	}
	return -1
}

// formOfGoods reports whether a place word and what follows it say what
// form the goods take, not where they were: "180,000 euros in cash",
// "$1 million worth of bitcoin".
func formOfGoods(word, rest string) bool {
	switch word {
	case "in":
		return hasAnyPrefix(rest, "cash", "bitcoin", "cryptocurrenc", "notes", "banknotes", "currency")
	case "worth":
		return strings.HasPrefix(rest, "of ")
	}
	return false
}

// auxWords are the auxiliaries before a passive verb.
var auxWords = wordSet("were was been be being are is have has had")

// auxBeforeLow reports whether a text in ASCII lower case ends in spaces
// after an auxiliary, or after an auxiliary, spaces and one word
// ("were ", "had been found "). Each word is a whole run of \w, as \b
// stands before the auxiliary and spaces before the word.
func auxBeforeLow(low string) bool {
	e := spacesBefore(low, len(low))
	if e == len(low) {
		return false
	}
	w := e
	for w > 0 && isWordASCII(low[w-1]) {
		w--
	}
	if w == e {
		return false
	}
	if auxWords[low[w:e]] {
		return true
	}
	e = spacesBefore(low, w)
	if e == w {
		return false
	}
	w = e
	for w > 0 && isWordASCII(low[w-1]) {
		w--
	}
	return auxWords[low[w:e]]
}

func inRegions(regions [][2]int, start, end int) bool {
	for _, r := range regions {
		if start >= r[0] && end <= r[1] {
			return true
		}
	}
	return false
}

// Patterns used by the figure rules, compiled once.
var (
	arrestCueRe = regexp.MustCompile(`(?i)\b(arrest|detain|custody|apprehend|nabbed|rounded up|held)`)
	weightOfRe  = regexp.MustCompile(`^\s+of\b`)
	cashAfterRe = regexp.MustCompile(`(?i)^\s*(?:\([^)]*\)\s*)?(?:in\s+(?:suspected\s+|suspect\s+|seized\s+|illicit\s+|criminal\s+|counterfeit\s+|undeclared\s+|unexplained\s+)?cash|(?:of|in)\s+cash|cash|in\s+(?:(?:undeclared|foreign|local|hard|mixed|various)\s+){0,2}(?:bank\s*notes|currency|currencies))\b`)
	// cryptoWords are what cryptoAfterRe needs one of, in ASCII lower case
	// (no letter of them has a non-ASCII fold).
	cryptoWords   = []string{"bitcoin", "crypto", "monero", "ether", "virtual", "digital"}
	cryptoAfterRe = regexp.MustCompile(`(?i)^\s*(?:\([^)]*\)\s*)?(?:in|of)\s+(?:\w+\s+)?(?:bitcoin|cryptocurrenc\w+|crypto\w*|monero|ether\w*|virtual (?:currenc\w+|assets)|digital assets)`)
	worthAfterRe  = regexp.MustCompile(`(?i)^['’]?s?[\s-]*(?:\([^)]*\)\s*)?worth\b`)
	worthOfRe     = regexp.MustCompile(`(?i)^['’]?s?[\s-]*(?:\([^)]*\)\s*)?worth\s+(?:of\s+)?`)
)

// tail returns the last n bytes of s or a little more, cut at a character
// boundary: patterns anchored at the end of a prefix need no more, and
// matching them on the whole prefix would cost quadratic time.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[i:]
}

// Words that let the costlier figure patterns run at all.
var (
	// The words, in ASCII lower case, that some seizure patterns need.
	valueWords        = []string{"worth", "value", "price"}
	hypotheticalVerbs = []string{"seiz", "confiscat", "recover", "intercept"}
	cashWords         = []string{"cash", "bank", "currency", "currencies"}
	strongSeizeWords  = []string{"seiz", "confiscated", "recovered"}
	exampleWords      = []string{"such as", "includ", "like", "e.g."}

	arrestCueWords = wordSet("arrest arrests arrested arresting detain detained detaining detention custody apprehend apprehended apprehension nabbed rounded picked held arrestees detainees caught intercepted captured capture detains nabs apprehends netted nets")
	seizeCueWords  = wordSet(`seize seized seizes seizing seizure seizures confiscate confiscated confiscating confiscation
		forfeit forfeited forfeiture hauls ` + strings.Join(firstWords(seizeCuePhrases), " "))
	valueCueWords = wordSet("worth value valued price priced")
	modalWords    = wordSet("will would could might may plan plans intend intends aim aims hope hopes expect expects reward rewards")
)

// breakdownRe reads the parts of a total given in brackets after it:
// "30 arrests (22 in Spain, 5 in Portugal, 3 in the Netherlands)".
var (
	breakdownRe     = regexp.MustCompile(`^[^().]{0,40}\(([^()]{1,300})\)`)
	breakdownItemRe = regexp.MustCompile(`(\d{1,3}(?:,\d{3})*|\d+)\s+in\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})`)
)

// addBreakdown records each bracketed part of an arrest figure as its own
// fact, with its place.
func (r *run) addBreakdown(i int, sf *sentenceFacts, total figure, whole int) {
	r.rule = "arrest.breakdown"
	text := sf.s.Text
	if !mayHaveBreakdown(text[total.End:]) {
		return
	}
	m := breakdownRe.FindStringSubmatchIndex(text[total.End:])
	if m == nil {
		return
	}
	inner := text[total.End+m[2] : total.End+m[3]]
	for _, it := range breakdownItemRe.FindAllStringSubmatchIndex(inner, -1) {
		n, err := strconv.ParseFloat(strings.ReplaceAll(inner[it[2]:it[3]], ",", ""), 64)
		if err != nil || n >= total.Value && !total.Vague {
			continue
		}
		place := inner[it[4]:it[5]]
		start := total.End + m[2] + it[4]
		for _, p := range sf.places {
			if p.Start <= start && start < p.End {
				place = p.Name
			}
		}
		r.addArrestPart(i, sf, figure{Value: n, Qualifier: "exact", Start: total.End + m[2] + it[0], End: total.End + m[2] + it[1]}, place, whole)
	}
}

// A second group arrested with the first: "arrested 12 men and 3 women".
var (
	arrestNounAfterRe = regexp.MustCompile(`(?i)^\s+(?:[a-z-]+\s+)?` + arrestNouns + `\b`)
)

// singular turns a package word into its singular: "boxes" -> "box", "bricks" -> "brick".
func singular(w string) string {
	if strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes") {
		return strings.TrimSuffix(w, "es")
	}
	return strings.TrimSuffix(w, "s")
}

// localPoliceRe is a force named only by its place: "Police in Rotterdam".
var localPoliceRe = regexp.MustCompile(`\b[Pp]olice (?:in|at|from) \p{Lu}`)

// dosageForms are the forms a drug is counted in.
var dosageForms = wordSet("pills pill tablets tablet capsules capsule")

// dosageFormAfter reads a dosage form right after a drug's name ("meth
// pills"), maybe after one word ("ecstasy-type"), and returns the bytes
// read, or 0.
func dosageFormAfter(s string) int {
	var buf [4]token
	toks := appendTokens(buf[:0], s[:min(len(s), 40)])
	for i := 0; i < len(toks) && i < 2; i++ {
		if strings.ContainsAny(s[:toks[i].Start], ",.;:()") {
			break
		}
		if dosageForms[toks[i].Lower] {
			return toks[i].End
		}
	}
	return 0
}

// weighingRe and weighedRe read the words that give a haul's weight after
// its count: "weighing a total of", "with a gross weight of".
var (
	weighingAfterRe  = regexp.MustCompile(`(?i)^,?\s*(?:which |that )?(?:weighing|weighed|weigh|with a (?:total |gross |combined )?weight of)\b`)
	weighingBeforeRe = regexp.MustCompile(`(?i)(?:weighing|weighed|weigh|weight of|gross weight|total weight)(?:\s+(?:a total of|in total|a combined|about|around|approximately|some|nearly|over|more than|up to|at least|roughly))?\s*$`)
)

// weighingAfter reports whether s, after a count of packages or pills,
// gives their weight next.
func weighingAfter(s string) bool { return weighingAfterRe.MatchString(s[:min(len(s), 40)]) }

// weighingBefore reports whether s, before a figure, ends with the words
// that give a weight: "74 ecstasy pills weighing".
func weighingBefore(s string) bool { return weighingBeforeRe.MatchString(tail(s, 50)) }

// massUnit reports whether unit is one of mass.
func massUnit(unit string) bool {
	switch unit {
	case "tonne", "kg", "g", "mg", "lb", "oz", "ton", "quintal":
		return true
	}
	return false
}

// cashLabelBefore reports whether s, the text before a sum, is a list
// item's label for money: "• Cash: ", "- Cash seized: ".
func cashLabelBefore(s string) bool {
	label, ok := strings.CutSuffix(strings.TrimSpace(s), ":")
	if !ok || len(label) > 30 {
		return false
	}
	label = strings.ToLower(strings.TrimLeft(label, "-•* "))
	return strings.HasPrefix(label, "cash") || strings.HasPrefix(label, "money") || strings.HasPrefix(label, "currency")
}

// dosageFormOf reads a dosage form and "of" after a figure ("capsules of
// tramadol") and returns the bytes read up to "of", or 0.
func dosageFormOf(s string) int {
	// The first word must be one of dosageForms, after white space only:
	// an ASCII byte after the ASCII spaces that begins none of them ends it.
	i := 0
	for i < len(s) && (isSpaceASCII(s[i]) || s[i] == '\v') {
		i++
	}
	if i < len(s) && s[i] < utf8.RuneSelf {
		if c := s[i] | 0x20; c != 'p' && c != 't' && c != 'c' {
			return 0
		}
	}
	var buf [2]token
	toks := appendTokens(buf[:0], s[:min(len(s), 20)])
	if len(toks) >= 2 && dosageForms[toks[0].Lower] && toks[1].Lower == "of" && strings.TrimSpace(s[:toks[0].Start]) == "" {
		return toks[0].End
	}
	return 0
}

// leadGoodsWords tokenizes the first limit bytes of s into toks and
// returns them with how many of the first max may name goods: it stops at a
// word of nearStop or notGoods, a number, a token ok refuses (where ok is
// set), or a token after any of the bytes of stops.
func leadGoodsWords(toks []token, s string, limit, max int, stops string, ok func(token) bool) ([]token, int) {
	toks = appendTokens(toks, s[:min(len(s), limit)])
	n := 0
	for n < len(toks) && n < max {
		t := toks[n]
		if nearStop[t.Lower] || notGoods[t.Lower] || isNumberToken(t.Text) || ok != nil && !ok(t) || strings.ContainsAny(s[:t.Start], stops) {
			break
		}
		n++
	}
	return toks, n
}

// unlistedGoods reads the name of goods no list holds after "N unit of":
// up to four words, ending at punctuation, a number or a word that ends the
// phrase ("and", "in", "from"). It returns the name and the bytes read, or
// "" and 0 where the words are none or not goods ("of them").
func unlistedGoods(s string) (string, int) {
	var buf [8]token
	toks, n := leadGoodsWords(buf[:0], s, 60, 4, ",.;:()\"“”", nil)
	if n == 0 || notGoodsHeads[toks[n-1].Lower] {
		return "", 0
	}
	return s[toks[0].Start:toks[n-1].End], toks[n-1].End
}

// plantDrugs are the drugs counted in the plants grown: "450 plants".
var plantDrugs = wordSet("cannabis marijuana poppy coca")

// plantsAfter reports whether s, after a figure, starts with "plants".
func plantsAfter(s string) bool {
	s = strings.TrimLeft(s, " ")
	return strings.HasPrefix(s, "plants") && (len(s) == len("plants") || !isLetterByte(s[len("plants")]))
}

// otherVerbAfterAnd returns where " and " and a verb in the past that
// seizes nothing start in low ("... and identified 1.6 million"), or -1.
func otherVerbAfterAnd(low string) int {
	for from := 0; ; {
		k := strings.Index(low[from:], " and ")
		if k < 0 {
			return -1
		}
		at := from + k
		w := low[at+len(" and "):]
		if e := strings.IndexAny(w, " ,.;"); e >= 0 {
			w = w[:e]
		}
		if strings.HasSuffix(w, "ed") && !seizedVerbWord(w) && (notSeizingVerbs[w] || peopleArrestWords[w] || w == "charged") {
			return at
		}
		from = at + len(" and ")
	}
}

// otherVerbBefore reports whether the figure at byte pos is the object of
// a verb that seizes nothing ("identified 1.6 million computers",
// "rescued 40 victims"), maybe after a qualifier.
func otherVerbBefore(sf *sentenceFacts, pos int) bool {
	before := sf.tokensIn(max(0, pos-40), pos)
	k := len(before) - 1
	for k >= 0 && countQualifierWords[before[k].Lower] {
		k--
	}
	return k >= 0 && notSeizingVerbs[before[k].Lower] && !strings.ContainsAny(sf.s.Text[before[k].End:pos], ",;:")
}

// gearAfter returns where the words after goods' name at toks[j] end
// that make it gear for the goods ("cleaning kit", "parts", "magazines"),
// or j where none follow.
func gearAfter(toks []token, j int) int {
	k := j
	for k < len(toks) && k < j+2 && gearWords[toks[k].Lower] && !isCapitalised(toks[k].Text) {
		k++
	}
	if k > j && gearHeads[toks[k-1].Lower] {
		return k
	}
	return j
}

// gearWords may follow goods' name as gear for them; gearHeads end such a phrase.
var (
	gearWords = wordSet("cleaning kit kits parts part magazine magazines scope scopes holster holsters accessories components barrel barrels sling slings")
	gearHeads = wordSet("kit kits parts part magazine magazines scope scopes holster holsters accessories components barrel barrels sling slings")
)

// singleItemBefore reports whether the text before goods ends with "a",
// "an" or "one", maybe then up to three words that describe them: "a pump
// action gun", "an AK47 assault rifle", "a 9mm pistol" (not a bare number,
// which counts, nor "of": "a number of guns").
func singleItemBefore(s string) bool {
	s = tail(s, 60)
	for n := 0; ; n++ {
		if endsSingleItem(tail(s, 20)) {
			return true
		}
		if n == 3 {
			return false
		}
		t := strings.TrimRight(s, " ")
		k := strings.LastIndexByte(t, ' ')
		w := t[k+1:]
		if k < 0 || w == "" || !describesGoods(w) {
			return false
		}
		s = t[:k+1]
	}
}

// personThenOneMore reports whether the text after an arrest figure, in
// lower case, names people and then one more by an article: " men and a
// woman", " suspects and an accomplice" (a word may describe each).
func personThenOneMore(low string) bool {
	w := strings.Fields(low[:min(len(low), 80)])
	k := 0
	if k < len(w) && !personNouns[w[k]] {
		k++ // "eight Syrian men"
	}
	if k+2 >= len(w) || !personNouns[w[k]] || w[k+1] != "and" || w[k+2] != "a" && w[k+2] != "an" && w[k+2] != "one" {
		return false
	}
	for j := k + 3; j < len(w) && j <= k+5; j++ {
		if n := strings.TrimRight(w[j], ",.;:"); personNouns[n] {
			return true
		}
	}
	return false
}

// definiteVehicle reports whether a vehicle named by form, after the text
// before, is one: "the van was impounded", "seized the drugs and the
// vehicle", "the stolen car" (not "the vans", nor "aircraft", which may be
// many).
func definiteVehicle(before, form string) bool {
	if strings.HasSuffix(form, "s") || form == "aircraft" {
		return false
	}
	t := strings.TrimRight(tail(before, 30), " ")
	if k := strings.LastIndexByte(t, ' '); k >= 0 && !strings.EqualFold(t[k+1:], "the") && describesGoods(t[k+1:]) {
		t = strings.TrimRight(t[:k], " ") // one word between: "the white van"
	}
	k := strings.LastIndexByte(t, ' ')
	return strings.EqualFold(t[k+1:], "the")
}

// describesGoods reports whether word w may stand between an article and
// goods: letters, digits, hyphens or dots, not a number alone and not a
// word of quantity ("of", "number", "lot").
func describesGoods(w string) bool {
	letters := false
	for _, c := range w {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letters = true
		case c >= '0' && c <= '9' || c == '-' || c == '.':
		default:
			return false
		}
	}
	return letters && !quantityWords[strings.ToLower(w)]
}

// quantityWords before goods say how much, not what kind: "a number of", "a quantity of".
var quantityWords = wordSet("of and or with number quantity lot lots haul cache stash consignment batch shipment load total few couple pair dozen")

// oneOfThe reports whether the text after a figure says it picks from
// things named before ("one of the vehicles", "two of these cars").
func oneOfThe(after string) bool {
	for _, p := range []string{" of the ", " of these ", " of those ", " of its ", " of their ", " of his ", " of her "} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	return false
}

// notSeizingVerbs take figures of things not seized.
var notSeizingVerbs = wordSet(`identified infected affected targeted victimised victimized defrauded scammed sent received
	used visited warned notified contacted rescued trained deployed involved employed interviewed questioned
	screened inspected checked examined registered recorded analysed analyzed processed monitored tracked`)

// verblessClause reports whether sf's clause [cs, ce) has no verb of its
// own, so that it goes on the clause before: "In Colombia, police seized 4.2
// tonnes; in Ecuador, 2.1 tonnes".
func verblessClause(sf *sentenceFacts, cs, ce int) bool {
	for _, t := range sf.tokensIn(cs, ce) {
		if strings.HasSuffix(t.Lower, "ed") || clauseVerbs[t.Lower] {
			return false
		}
	}
	return true
}

// clauseVerbs are verbs that give a clause its own telling.
var clauseVerbs = wordSet("was were is are has have had be been being will would said says took made found held")

// countedGoodsSlot reports whether the figure at byte pos stands where
// goods are counted: right after a verb of seizing ("seized 25"), or after
// "and", "including" or a comma that go on a list ("3 kg of cocaine and
// 5"), not after a preposition ("in 5 raids", "from 12 homes").
func countedGoodsSlot(sf *sentenceFacts, pos int) bool {
	before := sf.tokensIn(max(0, pos-60), pos)
	k := len(before) - 1
	for k >= 0 && countQualifierWords[before[k].Lower] {
		k--
	}
	if k < 0 {
		return false
	}
	t := before[k]
	if strings.Contains(sf.s.Text[t.End:pos], ",") {
		return k > 0 || seizedVerbWord(t.Lower) // a list's comma, after something listed
	}
	return t.Lower == "and" || t.Lower == "including" || t.Lower == "plus" || seizedVerbWord(t.Lower)
}

// seizedVerbWord reports whether w is a verb of seizing in the past:
// "seized", "confiscated", "recovered".
func seizedVerbWord(w string) bool {
	return hasSeizeStem(w) && strings.HasSuffix(w, "ed") || seizedVerbs[w]
}

// seizedVerbs are verbs of seizing no stem of seizeCueStems starts.
var seizedVerbs = wordSet("recovered found discovered intercepted impounded seized confiscated netted uncovered unearthed retrieved detained")

// hasSeizeStem reports whether w starts with a stem of seizeCueStems.
func hasSeizeStem(w string) bool {
	for _, st := range seizeCueStems {
		if strings.HasPrefix(w, st) {
			return true
		}
	}
	return false
}

// countQualifierWords may stand between a verb and its count: "seized
// about 25", "more than 40".
var countQualifierWords = wordSet("about around some nearly approximately roughly almost over more than least at a total of up to another further")

// unlistedCounted reads the name of counted things no list holds after a
// figure: one to three lower-case words, the last a plural noun that names
// no people, events, times or places ("leopard skins", "slot machines"). It
// returns the name and the bytes read, or "" and 0.
func unlistedCounted(s string) (string, int) {
	var buf [8]token
	toks, n := leadGoodsWords(buf[:0], s, 50, 3, ",.;:()\"“”-", func(t token) bool { return isLowerWord(t.Text) })
	for n > 0 && !pluralGoods(toks[n-1].Lower) {
		n-- // "slot machines worth": the noun ends the name
	}
	if n == 0 {
		return "", 0
	}
	for _, t := range toks[:n] {
		if personNouns[t.Lower] || eventNouns[t.Lower] || notCountedGoods[t.Lower] {
			return "", 0
		}
	}
	return s[toks[0].Start:toks[n-1].End], toks[n-1].End
}

// pluralGoods reports whether w may be a plural noun of goods.
func pluralGoods(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ous")
}

// isLowerWord reports whether s is a word of lower-case letters.
func isLowerWord(s string) bool {
	for _, c := range s {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return s != ""
}

// notCountedGoods are plural nouns after a count that name no goods:
// times, places, documents of the case and the like.
var notCountedGoods = wordSet(`days weeks months years hours minutes times decades seconds
	countries cities states regions provinces districts counties towns villages locations sites places areas
	addresses homes houses premises buildings residences apartments flats streets
	warrants charges counts offences offenses crimes victims families children
	nations members groups gangs networks cartels syndicates organisations organizations companies firms
	agencies forces officers police officials investigators agents authorities units teams
	percent per cent kilometres kilometers miles metres meters feet plants centimetres centimeters millimetres millimeters inches
	fines tickets citations summonses penalties servants employees workers staff
	messages calls chats conversations emails images photos videos files documents posts adverts advertisements
	transactions payments transfers websites sites pages profiles users customers clients visitors
	bodies survivors casualties patients species planets stars animals passengers refugees migrants hostages pieces piece`)

// notGoods are words after "N unit of" that name no goods.
// moneyHeads end phrases that name money, not goods: "€200 million of criminal money".
var moneyHeads = wordSet("money monies funds cash proceeds currency")

// notGoodsHeads end phrases that name a sum's measure, not goods: "$136
// million of social harm", "$2 million in lost revenue".
var notGoodsHeads = wordSet("harm damage damages loss losses revenue revenues tax taxes duty duties fines profit profits turnover sales transactions")

var notGoods = wordSet("them the a an its their his her this that these those which what who whom it worth valued")

// smallerUnitAfter reads the rest of a compound measure after a unit, at
// the start of s: maybe "and", then a number and the next smaller unit
// ("3 kg 600 grams", "55 kilograms and 840 grams", "2 tonnes 300 kg"). It
// returns the rest in the first unit and the length read, or 0, 0.
func smallerUnitAfter(unit, s string) (float64, int) {
	smaller, ratio := "", 0.0
	switch unit {
	case "kg":
		smaller, ratio = "g", 1000
	case "tonne":
		smaller, ratio = "kg", 1000
	case "lb":
		smaller, ratio = "oz", 16
	default:
		return 0, 0
	}
	q := skipSpaces(s, 0)
	if q == 0 {
		return 0, 0
	}
	if hasPrefixFold(s[q:], "and ") {
		q = skipSpaces(s, q+len("and "))
	}
	n := numberLen(s[q:])
	if n == 0 {
		return 0, 0
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s[q:q+n], ",", ""), 64)
	if err != nil {
		return 0, 0
	}
	u, k := unitAfter(s[q+n:])
	if k < 0 || unitNames[strings.ToLower(u)] != smaller || v >= ratio {
		return 0, 0
	}
	return v / ratio, q + n + k
}

// hedgeLen returns the length of the words that start s and hedge what
// the goods are ("what was believed to be "), or 0.
func hedgeLen(s string) int {
	if !hasPrefixFold(s, "what ") {
		return 0
	}
	for _, h := range hedges {
		if hasPrefixFold(s, h) {
			return len(h)
		}
	}
	return 0
}

var hedges = []string{"what was believed to be ", "what is believed to be ", "what were believed to be ", "what are believed to be ",
	"what was suspected to be ", "what is suspected to be ", "what were suspected to be ", "what was thought to be ",
	"what is thought to be ", "what appeared to be ", "what appears to be ", "what police believe to be ", "what police believe is ",
	"what police believe are ", "what officers believe to be ", "what is alleged to be "}

// conversionAfter returns the length of a bracketed conversion that starts
// s, after spaces ("(440 pounds)" after "200 kilograms"): a bracket of at
// most 40 bytes that holds only a measure (bracketMeasure); 0 where s
// starts with none.
func conversionAfter(s string) int {
	q := skipSpaces(s, 0)
	if q == len(s) || s[q] != '(' {
		return 0
	}
	e := strings.IndexByte(s[q:min(len(s), q+40)], ')')
	if e < 0 || !bracketMeasure(s[q+1:q+e]) && unitNames[strings.ToLower(strings.TrimSpace(s[q+1:q+e]))] == "" {
		return 0 // ("120.5 kilogrammes (kg) of syabu": the unit's short form, set aside too)
	}
	return q + e + 1
}

// bracketMeasure reports whether inner, a bracket's text, is only a
// measure: maybe a qualifier, a number and a unit ("about 15.4 tons").
func bracketMeasure(inner string) bool {
	d := strings.IndexFunc(inner, func(r rune) bool { return r >= '0' && r <= '9' })
	if d < 0 {
		return false
	}
	if strings.TrimSpace(inner[:d]) != "" {
		if q, _ := qualifierBefore(inner[:d]); q == "" {
			return false
		}
	}
	rest := inner[d+numberLen(inner[d:]):]
	_, n := unitAfter(rest)
	return n >= 0 && strings.TrimSpace(rest[n:]) == ""
}

// inConversion reports whether the figure at text[start:] (its qualifier
// first, if any) stands in a bracket that holds only a measure, right
// after a measure: the same haul in other units, "200 kilograms (440
// pounds)", "14 metric tons (about 15.4 tons)".
func inConversion(text string, start int) bool {
	q := strings.LastIndexByte(text[:start], '(')
	if q <= 0 || start-q > 20 {
		return false
	}
	e := strings.IndexByte(text[q:min(len(text), q+40)], ')')
	if e < 0 || q+e < start || !bracketMeasure(text[q+1:q+e]) {
		return false
	}
	before := strings.TrimRight(text[:q], " ")
	w := len(before)
	for w > 0 && isLetterByte(before[w-1]) {
		w--
	}
	if w > 1 && before[w-1] == ' ' && unitNames["metric "+strings.ToLower(before[w:])] != "" {
		w-- // "metric tons"
		for w > 0 && isLetterByte(before[w-1]) {
			w--
		}
	}
	if _, n := unitAfter(before[w:]); n != len(before)-w {
		return false
	}
	d := strings.TrimRight(before[:w], " ")
	return d != "" && d[len(d)-1] >= '0' && d[len(d)-1] <= '9'
}

// numberLen is the length of the digits, commas and dots that start s.
func numberLen(s string) int {
	n := 0
	for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] == ',' || s[n] == '.') {
		n++
	}
	return n
}

// isConversion reports whether the sum m is another of the sentence's sums
// written in another currency, in brackets right after it: "23 million
// euros ($25 million)", "A$4.7m (US$3.2m)".
func isConversion(text string, moneys []money, m money) bool {
	before := strings.TrimRight(text[:m.Start], " ")
	if !strings.HasSuffix(before, "(") {
		return false
	}
	before = strings.TrimRight(strings.TrimSuffix(before, "("), " ")
	for _, o := range moneys {
		if o.End == len(before) {
			return true
		}
	}
	return false
}

// notValueWords say a sum is owed, lost or promised, not the worth of what
// was seized: duty or tax evaded, fines, rewards, thresholds, budgets.
var notValueWords = wordSet(`duty duties excise tax taxes vat evaded evasion evade fine fines fined reward rewards bounty
	threshold declare declared budget budgets bail compensation damages penalty penalties salary salaries revenue
	costs cost losses lost defrauded scammed stole stolen ransom ransoms laundered laundering turnover profits profit`)

// notGoodsValue reports whether a notValueWords word stands within three
// words before the sum at text[start:end] or four after it, in its sentence.
func notGoodsValue(sf *sentenceFacts, start, end int) bool {
	before := sf.tokensIn(start-40, start)
	for i := max(0, len(before)-3); i < len(before); i++ {
		if before[i].Lower == "stolen" && i+1 < len(before) && !countQualifierWords[before[i+1].Lower] {
			continue // "stolen goods worth KSh 1.2 million": the goods' worth
		}
		if notValueWords[before[i].Lower] {
			return true
		}
	}
	after := sf.tokensIn(end, end+48)
	for i := 0; i < len(after) && i < 4; i++ {
		if strings.ContainsAny(sf.s.Text[end:after[i].Start], ".;,") {
			break // "worth $3.1 million, with a potential duty of ...": the duty is another sum's
		}
		if notValueWords[after[i].Lower] {
			return true
		}
	}
	return false
}

// valueInGoods returns the goods a sum is the value of where "in" or "of"
// and a commodity other than cash follow it ("$1.3 million in cocaine",
// "£3 million of heroin"), or nil.
func (r *run) valueInGoods(sf *sentenceFacts, m money) *entry {
	after := sf.s.Text[m.End:]
	rest := strings.TrimLeft(after, " ")
	if strings.HasPrefix(rest, "(") {
		if k := strings.IndexByte(rest, ')'); k > 0 && k < 30 {
			rest = strings.TrimLeft(rest[k+1:], " ") // "11 million euros ($13 million) in assets": past the conversion
		}
	}
	if !strings.HasPrefix(rest, "in ") && !strings.HasPrefix(rest, "of ") { // "£3 million of heroin"
		return nil
	}
	if first, _, _ := strings.Cut(rest[3:], " "); strings.HasPrefix(rest, "in ") && placeArticles[strings.ToLower(first)] {
		return nil // "cannabis worth £120,000 in the trailer": where the goods were
	}
	off := len(sf.s.Text) - len(rest) + 3
	e, _, _ := r.commodityNear(sf, off, 3)
	// "£30,000 of prescription medicine", "$8 million in stolen merchandise":
	// goods no list names ("in" only before goods said to be unlawful, not
	// "$5,000 in fines").
	if first, _, _ := strings.Cut(rest[3:], " "); e == nil && (strings.HasPrefix(rest, "of ") || unlawfulGoodsWords[strings.ToLower(first)]) {
		if sub, n := unlistedGoods(rest[3:]); n > 0 && !moneyHeads[strings.ToLower(lastField(sub))] { // "of criminal money" is cash
			return &entry{Commodity: "other", Sub: sub}
		}
	}
	if e == nil || e.Commodity == "cash" || e.Commodity == "cryptocurrency" {
		return nil
	}
	return e
}

// placeArticles start a place after "in": "in the trailer", "in a shed".
var placeArticles = wordSet("the a an his her their its this that")

// unlawfulGoodsWords say goods were taken or made unlawfully.
var unlawfulGoodsWords = wordSet("stolen counterfeit fake illicit contraband smuggled pirated illegal bootleg falsified")

// vagueGoods are goods too vague to be a seizure of their own without a
// figure ("seizing the criminal assets of the distributors").
var vagueGoods = map[string]bool{"assets": true, "contraband": true, "equipment": true, "chemicals": true}

// supportPhrases before an agency say it helped others' work.
var supportPhrases = []string{"supported by", "support of", "support from", "coordinated by", "funded by", "financed by",
	"assisted by", "assistance of", "assistance from", "cooperation with", "co-operation with", "collaboration with",
	"help of", "backed by", "enabled by", "facilitated by", "alongside", "aided by", "partnership with", "partnered with",
	"organized by", "organised by", "centre at", "center at", "help from", "aid of", "aid from", "input from", "working with",
	"handed over to", "handed to", "turned over to", "transferred to", "referred to", "coordinated from", "coordinated at",
	"made up of members of", "made up of", "comprising", "consisting of", "members of", "coordination with",
	"under the coordination of", "in liaison with", "made available to", "at the disposal of", "delivered to", "brought before",
	"co-ordinated by", "co-ordinated from", "co-ordination with", "under the co-ordination of", "the custody of"}

// partnerPhrases before an agency name a partner of the work: one of the
// operation's agencies, but not the subject that made the figure ("In a
// joint operation with the Guardia Civil, the Polícia Judiciária seized").
var partnerPhrases = []string{"operation with", "investigation with", "effort with", "together with", "in conjunction with", "partnered with",
	"partnering with", "in partnership with", "working with", "worked with", "teamed up with", "in consultation with",
	"at the request of", "at the behest of", "on the request of"}

// impersonatePhrases say a body was impersonated: "callers pretending to be
// officers of the Internal Revenue Service", "impersonating officials from
// government agencies including the Inland Revenue Board".
var impersonatePhrases = []string{"pretending to be", "pretended to be", "posing as", "posed as", "impersonating", "impersonated",
	"impersonate", "claiming to be", "claimed to be", "masquerading as", "passing themselves off as", "passed themselves off as"}

// impersonated reports whether agency a is named in a clause that tells of
// its being impersonated: no figure is its work, nor those after it.
func impersonated(sf *sentenceFacts, a mention) bool {
	before := tail(sf.low[:a.Start], 100)
	if !strings.Contains(before, "imperson") && !strings.Contains(before, " to be ") && !strings.Contains(before, " as ") && !strings.Contains(before, " off ") {
		return false // every phrase holds one of these (a cheap test first)
	}
	for _, p := range impersonatePhrases {
		if k := strings.LastIndex(before, p); k >= 0 && !strings.ContainsAny(before[k:], ",;") {
			return true
		}
	}
	return false
}

// partnerOnly reports whether agency a is named after one of partnerPhrases,
// alone or in the list that follows one.
func (r *run) partnerOnly(sf *sentenceFacts, a mention) bool {
	if endsWithPhrase(sf.low[:a.Start], partnerPhrases) || impersonated(sf, a) || inPhraseList(sf, a, partnerPhrases) {
		return true
	}
	o, between, ok := agencyJustBefore(sf, a)
	if ok && (between == "and" || between == ", and" || between == "(" && o.Name == a.Name) {
		return r.partnerOnly(sf, o) // (the same body again in brackets: "the DCI (DCI)")
	}
	// "partnered with the Loamshire Highway Patrol and the DHS": a list of
	// partners, its first no agency the text names.
	before := tail(sf.low[:a.Start], 80)
	if !strings.Contains(before, "with ") || !strings.Contains(before, " and ") {
		return false // every partner phrase ends with "with"; a list needs "and"
	}
	for _, p := range partnerPhrases {
		if k := strings.LastIndex(before, p); k >= 0 && !strings.ContainsAny(before[k:], ",;") && strings.Contains(before[k:], " and ") {
			return true
		}
	}
	return false
}

// agencyJustBefore returns the agency named last before mention a in its
// sentence, and what stands between them (joiner).
func agencyJustBefore(sf *sentenceFacts, a mention) (mention, string, bool) {
	for k := len(sf.agencies) - 1; k >= 0; k-- {
		o := sf.agencies[k]
		if o.End > a.Start {
			continue
		}
		return o, joiner(sf, o.End, a.Start), true
	}
	return mention{}, "", false
}

// fundPhrases before an agency say it paid for the work: neither an actor of
// its figures nor one of the operation's agencies.
var fundPhrases = []string{"funded by", "financed by", "funding from", "funding of", "sponsored by", "grant from"}

// supportVerbs after an agency say it helped others' work ("Europol supported ...").
var supportVerbs = wordSet("supported supports supporting coordinated coordinates coordinating funded funds financed facilitated facilitates assisted assists helped helps backed " +
	"praised praises lauded lauds commended commends congratulated congratulates hailed hails thanked thanks co-ordinated co-ordinates co-ordinating") // (a body that praised others' seizure made none)

// supportsOnly reports whether agency mention a is named as supporting,
// coordinating or funding the work, not doing it.
func (r *run) supportsOnly(sf *sentenceFacts, a mention) bool {
	if sf.supports == nil {
		sf.supports = make([]int8, len(sf.agencies)) // 0 not yet known, 1 no, 2 yes
	}
	k := slices.IndexFunc(sf.agencies, func(o mention) bool { return o.Start == a.Start && o.End == a.End })
	if k < 0 || k >= len(sf.supports) {
		return r.readSupportsOnly(sf, a)
	}
	if sf.supports[k] == 0 {
		sf.supports[k] = 1
		if r.readSupportsOnly(sf, a) {
			sf.supports[k] = 2
		}
	}
	return sf.supports[k] == 2
}

// ownerBefore returns where a possessor standing right before byte p
// starts, with the article before it ("the United Kingdom's "), or -1.
func ownerBefore(sf *sentenceFacts, p int) int {
	before := sf.tokensIn(max(0, p-50), p)
	n := len(before)
	if n < 2 || !isPossessiveS(before[n-1]) {
		return -1
	}
	k := n - 2
	for k > 0 && isCapitalised(before[k-1].Text) && sf.s.Text[before[k-1].End:before[k].Start] == " " {
		k--
	}
	if !isCapitalised(before[k].Text) {
		return -1
	}
	if k > 0 && before[k-1].Lower == "the" {
		k--
	}
	return before[k].Start
}

// readSupportsOnly is supportsOnly read from the sentence.
func (r *run) readSupportsOnly(sf *sentenceFacts, a mention) bool {
	before := sf.low[:a.Start]
	if k := ownerBefore(sf, a.Start); k >= 0 {
		before = sf.low[:k] // "in collaboration with the United Kingdom's National Crime Agency"
	}
	if endsWithPhrase(before, supportPhrases) && !membersOpen(before) || endsWithPhrase(before, fundPhrases) || partnersInclude(before) || inSupportList(sf, a) {
		return true
	}
	after := sf.tokensIn(a.End, a.End+30)
	after = pastAcronym(sf, a, after) // "Dangerous Drugs Board (DDB) value"
	if len(after) > 0 && (after[0].Lower == "value" || after[0].Lower == "valuation") {
		return true // "a Dangerous Drugs Board (DDB) value of P1.3 million": whose price list, not who seized
	}
	// The rest of a list: "in cooperation with INTERPOL and the UNODC".
	if o, between, ok := agencyJustBefore(sf, a); ok {
		// "the World Customs Organization (WCO), the ...", "the Permanent Forum (PFIPC), the ...": brackets set aside
		between = strings.TrimSpace(bracketedRe.ReplaceAllString(strings.TrimPrefix(between, ")"), ""))
		same := between == "(" && o.Name == a.Name // the same body again in brackets
		if !(same || between == "and" || between == ", and" || between == "," && (r.listGoesOn(sf, a) || !actsAfter(sf, a))) {
			return sf.verbAfter(a, supportVerbs, supportAux)
		}
		return r.supportsOnly(sf, o) || sf.verbAfter(a, supportVerbs, supportAux)
	}
	if sf.verbAfter(a, supportVerbs, supportAux) {
		return true
	}
	// The first of a list whose last supports: "Interpol and the WCO coordinated".
	for _, o := range sf.agencies {
		if o.Start > a.End {
			if j := joiner(sf, a.End, o.Start); j == "and" || j == "," || j == ", and" {
				return sf.verbAfter(o, supportVerbs, supportAux)
			}
			break
		}
	}
	return supportsWithUnnamed(sf, a)
}

// supportsWithUnnamed reports whether agency a is joined by "and" to a
// name no pass read, then a verb of supporting: "The Emergency Response
// Team and Police Dog Services helped execute the warrant".
func supportsWithUnnamed(sf *sentenceFacts, a mention) bool {
	after := sf.tokensIn(a.End, a.End+80)
	if len(after) < 3 || after[0].Lower != "and" || sf.s.Text[a.End:after[0].Start] != " " {
		return false
	}
	k := 1
	if after[k].Lower == "the" {
		k++
	}
	n := 0
	for ; k < len(after) && (isCapitalised(after[k].Text) || n > 0 && (after[k].Lower == "of" || after[k].Lower == "and")); k++ {
		n++
	}
	return n > 0 && k < len(after) && supportVerbs[after[k].Lower] && (k+1 == len(after) || after[k+1].Lower != "by")
}

// inSupportList reports whether agency a is a later body of a list of
// bodies that one of supportPhrases opens, each body maybe spelled out in
// brackets after it: "in collaboration with the Federal Police, the DEA
// (Drug Enforcement Administration, USA), and the NCA (National Crime
// Agency, UK)". The brackets may hold bodies of their own, which the walk
// steps over.
func inSupportList(sf *sentenceFacts, a mention) bool {
	return inPhraseList(sf, a, supportPhrases)
}

// inPhraseList reports whether agency a is the second or a later body of a
// list that one of phrases opens (inSupportList); not where "members of"
// opens the clause ("Members of the X and the Y arrested": they acted).
func inPhraseList(sf *sentenceFacts, a mention, phrases []string) bool {
	low := sf.low
	at := a.Start
	firstSep := "" // what stands before a's item
	seen := 0      // whether one of phrases stands before a: 0 not yet known, 1 no, 2 yes
	if open := strings.LastIndexByte(low[:at], '('); open > strings.LastIndexByte(low[:at], ')') {
		// a body spelled out in the brackets after its acronym: the list's item is the acronym
		end := len(strings.TrimRight(low[:open], " "))
		at = capitalisedRunBefore(sf, end)
		if at < 0 {
			return false
		}
	}
	for range 12 {
		before := strings.TrimRight(low[:at], " ")
		if endsWithPhrase(before, phrases) {
			// (the body right after the phrase is the callers'; a comma alone
			// before a may close the phrase: "In a joint operation with the
			// Guardia Civil, the Polícia Judiciária seized")
			return at != a.Start && !membersOpen(before) && (firstSep != "," || listGoesOnAfter(sf, a))
		}
		before = strings.TrimRight(strings.TrimSuffix(before, "the"), " ")
		sep := ""
		for _, s := range []string{", and", " and", ",", "("} { // "(": the body spelled out after its acronym
			if strings.HasSuffix(before, s) {
				sep = s
				break
			}
		}
		if sep == "" {
			return false
		}
		if firstSep == "" && sep != "(" {
			firstSep = sep
		}
		before = strings.TrimRight(strings.TrimSuffix(before, sep), " ")
		spelled := false // a body named in the brackets
		if sep != "(" && strings.HasSuffix(before, ")") {
			open := strings.LastIndexByte(before, '(')
			if open < 0 {
				return false
			}
			for _, o := range sf.agencies {
				spelled = spelled || o.Start > open && o.End < len(before)
			}
			before = strings.TrimRight(before[:open], " ")
		}
		prev := -1
		for _, o := range sf.agencies {
			if o.End == len(before) {
				prev = o.Start
			}
		}
		if prev < 0 && spelled {
			// "the JIATF West (Joint Interagency Task Force West, USA)": an
			// acronym no list holds, the body spelled out after it
			prev = capitalisedRunBefore(sf, len(before))
		}
		if prev < 0 && phraseBefore(low[:a.Start], phrases, &seen) {
			prev = unnamedItemBefore(before, phrases)
		}
		if prev < 0 {
			return false
		}
		at = prev
	}
	return false
}

// phraseBefore reports whether low holds one of phrases, remembering the
// answer in *seen (0 not yet known, 1 no, 2 yes).
func phraseBefore(low string, phrases []string, seen *int) bool {
	if *seen == 0 {
		*seen = 1
		if slices.ContainsFunc(phrases, func(p string) bool { return strings.Contains(low, p) }) {
			*seen = 2
		}
	}
	return *seen == 2
}

// unnamedItemBefore is where the list item ending low starts, for an item
// no agency's name covers ("in collaboration with the Navy, State
// intelligence agencies, and the Prosecutor's Office"): a few words of
// letters back to a comma, an "and" or the end of one of phrases; -1 where
// there is no such item.
func unnamedItemBefore(low string, phrases []string) int {
	base := max(0, len(low)-60) // an item of four words or fewer ends the text
	w := low[base:]
	from := max(strings.LastIndexByte(w, ',')+1, strings.LastIndex(w, " and ")+len(" and "))
	for _, p := range phrases {
		if k := strings.LastIndex(w, p); k >= 0 {
			from = max(from, k+len(p))
		}
	}
	if from == 0 && base > 0 {
		return -1 // no separator in reach: a long run, no item
	}
	item := strings.TrimPrefix(strings.TrimLeft(w[from:], " "), "the ")
	if item == "" || strings.Count(strings.TrimSpace(item), " ") > 3 || strings.ContainsFunc(item, func(c rune) bool {
		return !unicode.IsLetter(c) && c != ' ' && c != '-' && c != '\'' && c != '’'
	}) {
		return -1
	}
	return len(low) - len(item)
}

// listGoesOnAfter reports whether a list goes on after agency a, past the
// brackets that spell it out: ", the NCA", "and the NCA".
func listGoesOnAfter(sf *sentenceFacts, a mention) bool {
	rest := strings.TrimLeft(sf.low[a.End:], " ")
	if open := strings.LastIndexByte(sf.low[:a.Start], '('); open > strings.LastIndexByte(sf.low[:a.Start], ')') {
		rest = rest[strings.IndexByte(rest, ')')+1:] // a inside the brackets: from their end ("-1+1": all, where none closes)
		rest = strings.TrimLeft(rest, " ")
	} else if strings.HasPrefix(rest, "(") {
		k := strings.IndexByte(rest, ')')
		if k < 0 {
			return false
		}
		rest = strings.TrimLeft(rest[k+1:], " ")
	}
	return strings.HasPrefix(rest, ", ") || strings.HasPrefix(rest, "and ")
}

// capitalisedRunBefore returns where the run of up to four capitalised
// words ending at byte end of sf starts, or -1.
func capitalisedRunBefore(sf *sentenceFacts, end int) int {
	start := -1
	toks := sf.tokensIn(max(0, end-60), end)
	for k := len(toks) - 1; k >= 0 && len(toks)-k <= 4; k-- {
		if !isCapitalised(toks[k].Text) || k < len(toks)-1 && strings.TrimSpace(sf.s.Text[toks[k].End:toks[k+1].Start]) != "" {
			break
		}
		if k == len(toks)-1 && toks[k].End != end {
			break
		}
		start = toks[k].Start
	}
	return start
}

var supportAux = wordSet("has have had also was were is are which who")

// sayVerbs report speech.
var sayVerbs = wordSet("said says say announced announces reported reports stated states added told confirmed revealed explained noted emphasised emphasized stressed warned insisted commented")

// actorWords name who acted without naming an agency ("police arrested").
var actorWords = wordSet("police officers officer authorities investigators agents detectives deputies troops soldiers officials customs prosecutors gardaí gardai it they forces units teams")

// ownActorWords, after "X said", are X's own people ("the NCA said officers
// seized"), unless X only coordinates others' work (an international body).
var ownActorWords = wordSet("officers officer investigators agents detectives deputies officials it they its their teams units troops soldiers personnel operatives")

// saidOtherActor reports whether agency mention a, before the figure at pos,
// only says what another did: a say verb follows it, then another actor
// before the figure ("Eurojust said national police arrested 40").
func (r *run) saidOtherActor(sf *sentenceFacts, a mention, pos int) bool {
	if a.End >= pos {
		return false
	}
	coordinator := r.agencyCountry(a.Name) == "INT"
	toks := sf.tokensIn(a.End, pos)
	said := false
	for k, t := range toks {
		switch {
		case !said && sayVerbs[t.Lower] && k <= 3:
			said = true
		case said && overlapsMention(sf.agencies, t.Start, t.End):
			return true // "said Border Patrol agents arrested 14": another body's agents
		case said && ownActorWords[t.Lower] && !coordinator:
			return false // "the NCA said it (or its officers) arrested 40": its own work
		case said && actorWords[t.Lower]:
			return true
		}
	}
	if said {
		for _, o := range sf.agencies {
			if o.Start > a.End && o.End <= pos {
				return true
			}
		}
	}
	return false
}

// partnersInclude reports whether before, the sentence up to an agency's
// name, lists the work's partners: "Partner agencies who supported this
// investigation include: ...", "assisting forces included ...".
func partnersInclude(before string) bool {
	k := strings.LastIndex(before, "includ")
	if k < 0 {
		return false
	}
	head := before[:k]
	for _, w := range partnerListWords {
		if strings.Contains(head, w) {
			return true
		}
	}
	return false
}

// partnerListWords open a list of those who took part in others' work.
var partnerListWords = []string{"partner agencies", "partnering agencies", "assisting agencies", "supporting agencies",
	"participating agencies", "partner forces", "assisting forces", "supporting forces", "partners who", "partners that",
	"agencies who supported", "agencies that supported", "agencies who assisted", "agencies that assisted",
	"agencies involved", "agencies that took part", "agencies who took part", "agencies taking part"}

// membersOpen reports whether before, the text before an agency's name,
// ends with "members of" opening its clause: "Members of the Gang Task
// Force arrested 3" tells who acted; "a team made up of members of" does not.
func membersOpen(before string) bool {
	b := strings.TrimRight(strings.TrimSuffix(strings.TrimRight(before, " "), "the"), " ")
	rest, ok := strings.CutSuffix(b, "members of")
	if !ok {
		return false
	}
	rest = strings.TrimRight(rest, " ")
	return rest == "" || strings.HasSuffix(rest, ",") || rest == "the"
}

// endsWithPhrase reports whether low, a sentence in lower case up to a
// name, ends with one of phrases, maybe with "the" after it.
func endsWithPhrase(low string, phrases []string) bool {
	before := strings.TrimRight(strings.TrimSuffix(strings.TrimRight(low, " "), "the"), " ")
	for _, p := range phrases {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return false
}

// genericActorBefore reports whether the clause of the figure at pos names
// its actor without naming an agency: "Police arrested 12". "Officers" are
// the credited agency's own, unless it only coordinates (coordinator).
func genericActorBefore(sf *sentenceFacts, pos int, coordinator bool) bool {
	cs, _ := sf.clauseAt(pos)
	for _, t := range sf.tokensIn(cs, pos) {
		if actorWords[t.Lower] && (coordinator || !ownActorWords[t.Lower]) && !overlapsMention(sf.agencies, t.Start, t.End) {
			return true
		}
	}
	return false
}

// agencyCountry is the country the article's agency of that name serves.
func (r *run) agencyCountry(name string) string {
	if k, ok := r.agencyIdx[name]; ok {
		return r.out.Agencies[k].Country
	}
	return ""
}

// digitsOnly drops the group separators of a number: "1,234", "160 000".
var digitsOnly = strings.NewReplacer(",", "", " ", "")

// notArrestFigure reports what no arrest pattern of a figure tells: a
// figure with a unit of mass or volume ("the apprehension of 450 kg"), one
// the sentence only expects ("there should be over 1,000 arrests"), and
// the detained of a sentence that counts the arrested apart ("30 were
// detained and 17 arrested": 17 only).
func notArrestFigure(sf *sentenceFacts, start, end int) bool {
	if _, n := packUnitAfter(sf.s.Text[end:]); n >= 0 {
		return true // "arrested over 12,000 slabs of cannabis": goods
	}
	if b := strings.TrimRight(sf.s.Text[:start], " "); strings.HasSuffix(b, ",") && nounlessAfter(sf.s.Text[end:]) {
		if before := sf.tokensIn(max(0, start-30), start); len(before) >= 2 && isCapitalised(before[len(before)-1].Text) &&
			isCapitalised(before[len(before)-2].Text) && len(before) < 10 {
			return true // "Fernando Mwenda, 42 were arrested": an age after a name
		}
	}
	if n := sf.s.Text[start:end]; len(n) == 4 && n >= "1900" && n <= "2099" && isNumberToken(n) {
		return true // "the Customs Act, 1962": a year
	}
	if _, n := unitAfter(sf.s.Text[end:]); n >= 0 {
		return true
	}
	cs, _ := sf.clauseAt(start)
	for _, t := range sf.tokensIn(cs, start) {
		if expectWords[t.Lower] {
			return true
		}
	}
	// "one of the men arrested": a member of a group, not a count of it.
	if before := sf.tokensIn(max(0, start-12), start); len(before) >= 1 && (before[len(before)-1].Lower == "of" ||
		len(before) >= 2 && before[len(before)-1].Lower == "the" && before[len(before)-2].Lower == "of") {
		arrestOf := len(before) >= 2 && before[len(before)-1].Lower == "of" && arrestEventNouns[before[len(before)-2].Lower]
		if w := strings.ToLower(sf.s.Text[start:end]); (w == "one" || w == "1") && !arrestOf { // ("the arrest of one suspect" is one)
			return true
		}
	}
	if startsWith(sf.s.Text[start:], "one of ") {
		return true
	}
	if ageBefore(sf.tokensIn(max(0, start-40), start)) {
		return true // "two men aged 27 and 41 were arrested": an age
	}
	after := sf.tokensIn(end, end+60)
	for k := 1; k < len(after) && k <= 3; k++ {
		if after[k].Lower == "expected" || after[k].Lower == "planned" || after[k].Lower == "likely" {
			return true // "Around 20 arrests are expected": not made yet
		}
	}
	// "two arrests a day": a rate, not a count.
	for k := 0; k+2 < len(after) && k < 3; k++ {
		if (after[k+1].Lower == "a" || after[k+1].Lower == "per" || after[k+1].Lower == "every" || after[k+1].Lower == "each") &&
			rateUnits[after[k+2].Lower] && (after[k].Lower == "arrests" || personNouns[after[k].Lower]) &&
			(k+3 >= len(after) || !timeAfterWords[after[k+3].Lower]) { // "a day after the raid" is when
			return true
		}
	}
	for k := 0; k < len(after) && k < 5; k++ {
		if after[k].Lower == "detained" {
			for _, t := range after[k+1:] {
				if t.Lower == "arrested" {
					return true
				}
			}
			break
		}
	}
	return false
}

// sumBefore reports whether s, the text before a figure, ends with a
// currency's sign or code: "$3.4 million held in accounts" counts money,
// not people held.
func sumBefore(s string) bool {
	s = strings.TrimRight(s, " ")
	for _, m := range moneySigns {
		if len(m.sign) == 1 && isLetterByte(m.sign[0]) {
			continue // "R", "P", "N" end too many words to say a sum follows
		}
		if strings.HasSuffix(s, m.sign) && (!m.boundary || len(s) == len(m.sign) || !isLetterByte(s[len(s)-len(m.sign)-1])) {
			return true
		}
	}
	return false
}

// goodsAfter reports whether goods, not people, follow the figure ending
// at byte end: "detained 12,000 cigarettes" (customs detain goods), but
// not "detained 5 drug couriers".
func (r *run) goodsAfter(sf *sentenceFacts, end int) bool {
	if sf.cues&cueSeize == 0 && !strings.Contains(sf.low, "detained") {
		return false
	}
	after := sf.tokensIn(end, min(len(sf.s.Text), end+60))
	n := min(len(after), 3)
	for k := range n {
		if personNouns[after[k].Lower] {
			n = k
			break
		}
	}
	var found [2]match
	for _, m := range r.x.gaz.appendFind(found[:0], after[:n], entCommodity) {
		if strings.ContainsAny(sf.s.Text[end:after[m.I].Start], ",;:.()") || after[0].Lower == "arrests" {
			break // "made five arrests, seizing cannabis"
		}
		if !personNounSoonAt(after, m.J) {
			return true
		}
	}
	return false
}

// personNounSoonAt reports whether a noun of people stands at toks[k] or
// one or two words after it, with no "and", "or", "of" or "with" between:
// "two drug trafficking suspects" counts people, not drugs.
func personNounSoonAt(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+3; j++ {
		switch w := toks[j].Lower; {
		case personNouns[w]:
			return true
		case w == "and" || w == "or" || w == "of" || w == "with" || !isLetterByte(w[0]):
			return false
		}
	}
	return false
}

// rateUnits after "a" or "per" make a figure a rate: "two arrests a day",
// unless one of timeAfterWords follows ("a day after the raid").
var (
	rateUnits      = wordSet("day week month year hour night")
	timeAfterWords = wordSet("after before later earlier ago")
)

// startsWith reports whether s starts with prefix in any ASCII case.
func startsWith(s, prefix string) bool { return hasPrefixFold(s, prefix) }

// expectWords before a figure in its clause say it is expected, not done.
var expectWords = wordSet("should would could might expected expects expect hopes hope aims target targets")

// parentAgency is the agency whose unit mention a is, where the text writes
// it as the other's possessive ("HMRC's Tobacco Taskforce" is HMRC's), else
// a's own name: the figures of a unit are its agency's.
func (r *run) parentAgency(sf *sentenceFacts, a mention) string {
	for _, o := range sf.agencies {
		if o.Possessive && o.End < a.Start && unitOfPossessive(sf, o, a) && !unitIsSubject(sf, o, a) {
			return o.Name
		}
		if o.End < a.Start && o.Name != a.Name && unitAfterComma(sf.s.Text[o.End:a.Start]) && isUnitName(a.Name) && !isUnitName(o.Name) {
			return o.Name // "the Economic and Financial Crimes Commission, EFCC, Advance Fee Fraud Section"
		}
		if o.End < a.Start && a.Start-o.End < 40 && o.Name != a.Name && staffFromUnit.MatchString(sf.low[o.End:a.Start]) {
			return o.Name // "Canada Border Services Agency investigators from the Weapons Smuggling Integrated Enforcement Team"
		}
	}
	return a.Name
}

// unitOfPossessive reports whether unit a follows force o's possessive,
// right after it or past a few lower-case words that describe the unit:
// "the State Crime Command's bikie-focused Raptor Squad".
func unitOfPossessive(sf *sentenceFacts, o, a mention) bool {
	if a.Start-o.End <= len("’s ") {
		return true
	}
	if a.Start-o.End > 40 {
		return false
	}
	toks := sf.tokensIn(o.End, a.Start)
	if len(toks) < 2 || !isPossessiveS(toks[0]) || len(toks) > 4 {
		return false
	}
	for _, t := range toks[1:] {
		if t.Text != t.Lower || !t.letters && !strings.Contains(t.Text, "-") {
			return false
		}
	}
	return true
}

// unitIsSubject reports whether unit a of force o opens its clause and a
// verb follows it, past a bracketed acronym: "The Metropolitan Police's
// Central e-Crime Unit (PCeU) has arrested six": the unit did the work;
// "as part of HMRC's Tobacco Taskforce activity" and "Officers from HMRC's
// Tobacco Taskforce found" tell of the force's work.
func unitIsSubject(sf *sentenceFacts, o, a mention) bool {
	before := strings.TrimSpace(sf.low[:o.Start])
	before = strings.TrimSpace(strings.TrimSuffix(before, "the"))
	if before != "" && !strings.HasSuffix(before, ",") {
		return false
	}
	after := sf.tokensIn(a.End, min(len(sf.s.Text), a.End+40))
	after = pastAcronym(sf, a, after)
	if len(after) > 2 && after[0].Lower == "and" && isCapitalised(after[1].Text) {
		// "the Raptor Squad and Raptor North has arrested": a second unit joined to it
		k := 1
		for k < len(after) && isCapitalised(after[k].Text) {
			k++
		}
		after = after[k:]
	}
	return len(after) > 0 && (subjectVerbs[after[0].Lower] || actVerbs[after[0].Lower])
}

// staffFromUnit is what stands between a body and its unit when the body's
// staff come from the unit: " investigators from the ".
var staffFromUnit = regexp.MustCompile(`^\s*(?:\([a-z]+\)\s*)?(?:officers|investigators|agents|officials|detectives|personnel|operatives)\s+(?:from|of|with)\s+(?:the|its\s+)?\s*$`)

// unitAfterComma reports whether the text between a body and its unit is
// a comma, maybe around the body's acronym: ", ", ", EFCC, ".
func unitAfterComma(between string) bool {
	if between == ", " {
		return true
	}
	mid, ok := strings.CutPrefix(between, ", ")
	mid, ok2 := strings.CutSuffix(mid, ", ")
	return ok && ok2 && mid != "" && strings.ToUpper(mid) == mid && !strings.ContainsAny(mid, " ,")
}

// isUnitName reports whether a body's name ends with a unit's word: "Advance Fee Fraud Section".
func isUnitName(name string) bool {
	k := strings.LastIndexByte(name, ' ')
	return unitWords[strings.ToLower(name[k+1:])]
}

// pastAcronym drops from after, the tokens after mention a, the acronym
// in brackets that follows a name (brackets are no tokens).
func pastAcronym(sf *sentenceFacts, a mention, after []token) []token {
	if len(after) > 1 && strings.TrimSpace(sf.s.Text[a.End:after[0].Start]) == "(" {
		return after[1:]
	}
	return after
}

// subjectVerbs follow the subject of a clause.
var subjectVerbs = wordSet("has have had is are was were said says will")

// actVerbs are the verbs of an agency's acting on a figure.
var actVerbs = wordSet("arrested detained seized confiscated recovered intercepted found apprehended dismantled raided held crushed disrupted searched executed shut took")

// actsBetween reports whether the ASCII lower-case text holds a verb of
// acting (actVerbs) as a whole word.
func actsBetween(low string) bool {
	for w := range strings.FieldsFuncSeq(low, func(c rune) bool { return c < 'a' || c > 'z' }) {
		if actVerbs[w] {
			return true
		}
	}
	return false
}

// anaphorHeads are the lower-case nouns by which a text refers back to an
// agency it named: "the task force", "the squad".
var anaphorHeads = wordSet("squad unit agency bureau directorate commission service department taskforce force")

// anaphorAgency resolves a definite reference to an agency by its head
// noun in the clause of the figure at pos, before it ("The task force
// seized ..."): the latest agency named before it, in this sentence or the
// four before, whose name ends with that noun. It returns "" where none.
func (r *run) anaphorAgency(i, pos int) string {
	sf := r.sents[i]
	cs, _ := sf.clauseAt(pos)
	toks := sf.tokensIn(cs, pos)
	head, at := "", -1
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Lower != "the" {
			continue
		}
		t := toks[k+1]
		if t.Text != t.Lower { // "the Bureau of ...": a name, not a reference
			continue
		}
		switch {
		case t.Lower == "task" && k+2 < len(toks) && toks[k+2].Lower == "force":
			head, at = "task force", t.Start
		case anaphorHeads[t.Lower] && (t.Lower != "force" || k == 0 || toks[k-1].Lower != "task"):
			head, at = t.Lower, t.Start
		}
		if head != "" {
			break
		}
	}
	if head == "" {
		return ""
	}
	for j := i; j >= 0 && j >= i-4; j-- {
		as := r.sents[j].agencies
		for k := len(as) - 1; k >= 0; k-- {
			if j == i && as[k].End > at {
				continue
			}
			if endsWithHead(as[k].Name, head) {
				return as[k].Name
			}
		}
	}
	return ""
}

// heldIn reports whether the ASCII lower-case text before a sum ends with
// accounts or wallets and a verb of holding: "accounts containing ",
// "wallets holding about ".
func heldIn(low string) bool {
	low = strings.TrimRight(low, " ")
	for _, q := range []string{" about", " around", " some", " nearly", " almost", " more than", " over", " up to"} {
		low = strings.TrimSuffix(low, q)
	}
	for _, v := range []string{" containing", " holding", " with balances of", " with a balance of", " with", " worth", " totalling", " totaling"} {
		if rest, ok := strings.CutSuffix(low, v); ok {
			rest = strings.TrimRight(rest, " ")
			return strings.HasSuffix(rest, "accounts") || strings.HasSuffix(rest, "account") || strings.HasSuffix(rest, "wallets") || strings.HasSuffix(rest, "wallet")
		}
	}
	return false
}

// attachHeld gives the sum m to the last item made from this sentence that
// counts accounts or wallets and has no sum yet, and reports whether it did.
func (r *run) attachHeld(made []int, m money) bool {
	for k := len(made) - 1; k >= 0; k-- {
		s := &r.out.Seizures[made[k]]
		if s.Amount == nil && (s.Commodity == "cash" || s.Commodity == "cryptocurrency") {
			s.Amount, s.Currency, s.AmountQualifier = r.nump(m.Amount), r.strp(m.Currency), r.strp(m.Qualifier)
			return true
		}
	}
	return false
}

// ageBefore reports whether the tokens before a figure end with an age's
// word and the numbers of a list of ages: "aged 27 and", "aged between 20
// and", "ages 19, 22 and".
func ageBefore(before []token) bool {
	for k := len(before) - 1; k >= 0 && k >= len(before)-8; k-- {
		switch w := before[k].Lower; {
		case w == "aged" || w == "ages" || w == "age":
			return true
		case w == "and" || w == "to" || w == "between" || isNumberToken(w):
		default:
			return false
		}
	}
	return false
}

// onlySays reports whether agency k of sentence sf is an international body
// credited with saying what the sentence tells ("..., Europol said"): it
// coordinates others' work, so it is not the actor the sentences after
// it mean. So is any body that says, after the telling, what another did:
// "The FBI ... dismantled the botnet, the Justice Department announced",
// "Police seized 2.8 tonnes, the Interior Ministry said".
func (r *run) onlySays(sf *sentenceFacts, k int) bool {
	a := sf.agencies[k]
	if r.agencyCountry(a.Name) != "INT" {
		return saysAfter(sf, a) && r.otherActorBefore(sf, a)
	}
	all, credited := r.figureAgencies(sf)
	if credited >= 0 && all[credited].Start == a.Start {
		return true
	}
	after := sf.tokensIn(a.End, len(sf.s.Text))
	return len(after) > 0 && sayVerbs[after[0].Lower]
}

// actingAgencies counts the agencies sentence j names that may have acted:
// not those that only supported, partnered or, being international
// bodies, said so.
func (r *run) actingAgencies(j int) int {
	sf, n := r.sents[j], 0
	if sf.acting > 0 {
		return int(sf.acting) - 1
	}
	for k, a := range sf.agencies {
		if k > 0 && sf.agencies[k-1].Name == a.Name {
			continue // "the Kenya Revenue Authority (KRA)": one body
		}
		if !r.supportsOnly(sf, a) && !r.partnerOnly(sf, a) && !r.coordinatorSays(sf, a) {
			n++
		}
	}
	sf.acting = int8(min(n, 100) + 1)
	return n
}

// otherGenericActor reports whether the text between an agency and a
// figure, sf's text [from, to), names another actor than the agency, no
// body the text names, with its verb of acting: "after customs officers
// found". Not one joined to the agency ("Kent Police and customs officers
// seized"), nor its own people ("officers").
func otherGenericActor(sf *sentenceFacts, from, to int) bool {
	toks := sf.tokensIn(from, to)
	for k, t := range toks {
		if !actorWords[t.Lower] || ownActorWords[t.Lower] || k == 0 || toks[k-1].Lower == "and" || toks[k-1].Lower == "its" ||
			k > 1 && toks[k-2].Lower == "and" && toks[k-1].Text == toks[k-1].Lower {
			continue // ("the Mexican Army and state police seized": with the body named)
		}
		if wordAfter(toks[k+1:], 3, actVerbs, actAux) {
			return true
		}
	}
	return false
}

// coordinatorSays reports whether agency mention a is an international
// body that says what the sentence tells ("Europol said 33 suspects were
// arrested"): it tells of others' work.
func (r *run) coordinatorSays(sf *sentenceFacts, a mention) bool {
	if r.agencyCountry(a.Name) != "INT" {
		return false
	}
	if wordAfter(sf.tokensIn(a.End, len(sf.s.Text)), 3, sayVerbs, actAux) {
		return true
	}
	// "Interpol and the World Customs Organization said": the list says.
	for _, o := range sf.agencies {
		if o.Start > a.End {
			return coordinated(joiner(sf, a.End, o.Start)) && r.coordinatorSays(sf, o)
		}
	}
	return false
}

// bracketedRe matches a part in brackets: an acronym after a name.
var bracketedRe = regexp.MustCompile(`\([^()]*\)`)

// ownsUnsupported reports whether agency mention m names the owner of the
// operation after it ("the Met's Operation Trident") with no word of
// support before it ("supported the NCA's Operation Larkspur").
func (r *run) ownsUnsupported(sf *sentenceFacts, m mention) bool {
	return m.Possessive && r.qualifiesOperation(sf, m) && !strings.Contains(tail(sf.low[:m.Start], 40), "support")
}

// coordinated reports whether what stands between two names joins them
// into one subject: "The NCA and Border Force found".
func coordinated(between string) bool {
	return between == "and" || between == "," || between == ", and" || between == "&"
}

// isCourt reports whether an agency's name is a court's: "Leeds Crown
// Court", "High Court", "Court of Appeal".
func isCourt(name string) bool {
	return hasSuffixFold(name, " court") || hasSuffixFold(name, " courts") || hasPrefixFold(name, "court of") ||
		strings.Contains(name, "ribunal") || strings.Contains(name, " Court of ") // "Cluj Court of Appeal"
}

// otherActorBefore reports whether sentence sf names, before agency a,
// another who acted: an agency that is no supporter or partner, or police
// and the like that are not a's own ("officers" are: "Officers seized 5 kg,
// the NCA said").
func (r *run) otherActorBefore(sf *sentenceFacts, a mention) bool {
	for _, o := range sf.agencies {
		if o.Start < a.Start && !r.supportsOnly(sf, o) && !r.partnerOnly(sf, o) {
			return true
		}
	}
	for _, t := range sf.tokensIn(0, a.Start) {
		if actorWords[t.Lower] && !ownActorWords[t.Lower] && !overlapsMention(sf.agencies, t.Start, t.End) {
			return true
		}
	}
	return false
}

// listGoesOn reports whether another agency follows a, joined by "and" or
// a comma: "with INTERPOL, the UNODC and the WCO" is a list, while "In a
// joint operation with the Guardia Civil, the Polícia Judiciária seized"
// names the subject after the comma.
func (r *run) listGoesOn(sf *sentenceFacts, a mention) bool {
	for _, o := range sf.agencies {
		if o.Start < a.End {
			continue
		}
		between := joiner(sf, a.End, o.Start)
		return between == "and" || between == "," || between == ", and"
	}
	return false
}

// samePlace reports whether two names of places name one place, the
// generic words aside: "Edo" and "Edo state".
func samePlace(a, b string) bool {
	return a == b || a != "" && b != "" && placeCore(a) == placeCore(b)
}

// operationOwner is the one agency the text names as leading or running
// the operation, or "".
func (r *run) operationOwner(name string) string {
	k, ok := r.opIdx[strings.ToLower(name)]
	if !ok {
		return ""
	}
	owner := ""
	for _, ar := range r.out.Operations[k].Roles {
		if ar.Role == graph.RoleLed || ar.Role == graph.RoleTookPart {
			if owner != "" {
				return ""
			}
			owner = ar.Agency
		}
	}
	if op := &r.out.Operations[k]; owner == "" && len(op.Agencies) == 1 {
		for _, ar := range op.Roles {
			if ar.Agency == op.Agencies[0] && ar.Role != graph.RoleLed && ar.Role != graph.RoleTookPart {
				return "" // a supporter or a body that announced it
			}
		}
		owner = op.Agencies[0]
	}
	if r.agencyCountry(owner) == "INT" {
		return "" // an international body organises others' work: not their figures' actor
	}
	return owner
}

// operationNamesAgencies reports whether the text gave the operation any
// agency so far.
func (r *run) operationNamesAgencies(name string) bool {
	k, ok := r.opIdx[strings.ToLower(name)]
	return !ok || len(r.out.Operations[k].Roles) > 0 || len(r.out.Operations[k].Agencies) > 0
}

// listAfterSeizing reports whether the text before a clause opens a list
// after a colon, in words of seizing: "Seized during the searches were: 14
// firearms; 2,000 rounds of ammunition; ..." (each item its own clause).
// inGoodsName reports whether the figure at byte pos is a word inside the
// name of goods that starts before it: the 5 of "Erimin 5 pills".
func (r *run) inGoodsName(sf *sentenceFacts, pos int) bool {
	before := sf.tokensIn(max(0, pos-20), pos)
	if len(before) == 0 || !isCapitalised(before[len(before)-1].Text) {
		return false // (a cheap test first: such a name's word before the number is capitalised)
	}
	var found [8]match
	for _, m := range r.x.gaz.appendFind(found[:0], sf.toks, entCommodity) {
		if sf.toks[m.I].Start < pos && pos < sf.toks[m.J-1].End {
			return true
		}
	}
	return false
}

// intentRe is a verb of seizing that the text only means to do.
var intentRe = regexp.MustCompile(`\b(?:attempt|attempts|attempting|attempted|seek|seeks|seeking|sought|try|tries|trying|tried|plan|plans|planning|planned|intend|intends|intending|aim|aims|aiming|want|wants|wanted|hope|hopes|hoping) to (?:seize|confiscate|recover|forfeit|freeze)\b`)

// intentBefore reports whether the lower-case clause text before a figure
// says the goods are still to be seized: "attempting to seize seven
// airplanes", "seeking to confiscate".
func intentBefore(low string) bool {
	return (strings.Contains(low, " to seize") || strings.Contains(low, " to confiscate") || strings.Contains(low, " to recover") ||
		strings.Contains(low, " to forfeit") || strings.Contains(low, " to freeze")) && intentRe.MatchString(low)
}

// sharedAfter is what follows the sum moneys[k] and the sums listed after
// it, which it shares: "€21,300 and €14,800 in undeclared cash", "carrying
// €21,300 and €14,800 respectively, in undeclared cash".
func sharedAfter(text string, moneys []money, k int) string {
	end := moneys[k].End
	for j := k + 1; j < len(moneys); j++ {
		if moneys[j].Start < end {
			break // (a sum read twice, or out of order: no list to follow)
		}
		if sep := text[end:moneys[j].Start]; sep != " and " && sep != ", " && sep != ", and " {
			break
		}
		end = moneys[j].End
	}
	rest := strings.TrimPrefix(text[end:], " respectively")
	if strings.HasPrefix(rest, ", in ") {
		rest = rest[1:]
	}
	return rest
}

// rangeBefore reports whether the words before a figure open a range
// that its "and" closes: "between 3 and 4 tonnes" is one measure.
func rangeBefore(low string) bool {
	low = strings.TrimRight(low, " ")
	return strings.HasSuffix(low, "between") || strings.HasSuffix(low, "from")
}

// containerWords hold goods: a count of them is packaging, not goods
// ("24 parcels weighing 27.86kg", "nine suspicious packages").
var containerWords = wordSet("parcels parcel packages package packets packet bags bag bricks brick bundles bundle sacks sack bales bale boxes box suitcases suitcase")

// weighedPackages reports whether a sentence gives the weight of goods
// or their packages after the article told of a seizure: "The packages
// weighed 8.99 pounds", "The cocaine weighed about 20 kilograms", "Bag 7341
// containing 24 parcels weighing 27.86kg", "the drugs had a total weight
// of 12 kg". The subject, before the weight's word, names the goods, a
// package or the haul; the figure pass then takes the goods from the
// sentence or from the sentences before.
func (r *run) weighedPackages(sf *sentenceFacts) bool {
	if len(r.out.Seizures) == 0 {
		return false
	}
	w := strings.Index(sf.low, "weigh")
	if w < 0 {
		return false
	}
	for _, t := range sf.toks {
		if t.Start >= w {
			break
		}
		if containerWords[t.Lower] || hauledWords[t.Lower] {
			return true
		}
	}
	if r.commodityBefore(sf, w) != nil {
		return true
	}
	// "The total weight of the drugs is 99.6 kilograms": the goods after "weight of".
	if rest := sf.low[w:]; strings.HasPrefix(rest, "weight of ") {
		for _, t := range sf.tokensIn(w+len("weight of "), min(len(sf.low), w+len("weight of ")+30)) {
			if hauledWords[t.Lower] || containerWords[t.Lower] || t.Lower == "drugs" || t.Lower == "narcotics" {
				return true
			}
		}
	}
	return false
}

// hauledWords name a seizure's goods as a whole: "the haul weighed 3 kg".
var hauledWords = wordSet("haul hauls consignment consignments shipment shipments contraband seizure substance substances")

// dashAfterSeizing reports whether the text before a clause ends with a
// verb of seizing and a dash or colon: "the drugs seized — 107kg of
// heroin, ...". (A quote's "he said" after the list keeps the clause from
// being verbless.)
func dashAfterSeizing(before string) bool {
	b := strings.TrimRight(before, " ")
	for _, d := range []string{"—", "–", ":"} {
		if rest, ok := strings.CutSuffix(b, d); ok {
			return strings.HasSuffix(strings.ToLower(strings.TrimRight(rest, " ")), "seized")
		}
	}
	return false
}

func listAfterSeizing(before string) bool {
	k := strings.LastIndexByte(before, ':')
	return k >= 0 && strings.Count(before[k:], ";") > 0 && hasSeizeCue(before[:k])
}

// actsAfter reports whether a verb of acting follows the agency mention a,
// maybe after an auxiliary: "said the Guardia Civil had seized" names the
// Guardia Civil as the subject, not as who said so.
func actsAfter(sf *sentenceFacts, a mention) bool {
	return wordAfter(sf.tokensIn(a.End, len(sf.s.Text)), 4, actVerbs, actAux)
}

// actAux may stand between an agency and its verb of acting, as may its
// own people: "said Border Patrol agents arrested".
var actAux = wordSet("had has have also then later allegedly reportedly officers officer agents agent investigators detectives deputies troops soldiers personnel")

// wordAfter reports whether one of words is among the first n tokens,
// with only words of skip before it.
func wordAfter(toks []token, n int, words, skip map[string]bool) bool {
	for k := 0; k < len(toks) && k < n; k++ {
		switch w := toks[k].Lower; {
		case words[w]:
			return true
		case !skip[w]:
			return false
		}
	}
	return false
}

// eventNouns count events, not goods: "80 seizures", "several cases".
var eventNouns = wordSet("cases case incidents incident seizures seizure raids raid operations detections detection interceptions searches inspections busts arrests occasions attempts")

// countsEvents reports whether the tokens after a figure name events
// (eventNouns), maybe after "other", "more", "separate" or "further".
func countsEvents(after []token) bool { return wordAfter(after, 3, eventNouns, eventModifiers) }

// eventModifiers may stand between a figure and its event noun.
var eventModifiers = wordSet("other more separate further different similar")

// holderAfter reads "accounts" or "wallets" right after a commodity's
// name, after spaces, and returns the word and the bytes read, or 0.
func holderAfter(s string) (string, int) {
	t := strings.TrimLeft(s, " ")
	for _, w := range [...][2]string{{"accounts", "accounts"}, {"wallets", "wallets"}, {"account", "accounts"}, {"wallet", "wallets"}} {
		if len(t) >= len(w[0]) && strings.EqualFold(t[:len(w[0])], w[0]) && (len(t) == len(w[0]) || !isWordASCII(t[len(w[0])])) {
			return w[1], len(s) - len(t) + len(w[0]) // the subtype in the plural
		}
	}
	return "", 0
}

// placeNear is the place of a figure at pos: the one named in its clause
// just after it ("arrested 12 in Porto"), else the first named before it in
// the clause, else the sentence's first.
func placeNear(sf *sentenceFacts, pos int) string {
	cs, ce := sf.clauseAt(pos)
	before, first := "", ""
	for _, p := range sf.places {
		if transitPlace(sf, p) {
			continue // "a passenger arriving from Dubai", "bound for Antwerp": not where it happened
		}
		if first == "" {
			first = p.Name
		}
		switch {
		case p.Start > pos && p.Start < ce && p.Start-pos <= 60:
			if gap := sf.low[pos:p.Start]; strings.Contains(gap, " in ") || strings.Contains(gap, " at ") || strings.Contains(gap, " from ") {
				return p.Name
			}
		case p.End <= pos && p.Start >= cs && before == "":
			before = p.Name // the first: "police in Spain and Portugal arrested 40"
		}
	}
	if before != "" {
		return before
	}
	if first != "" {
		return first
	}
	return sf.places[0].Name
}

// transitPlace reports whether place mention p is where goods or people
// came from or went to, not where the figure was made: "arriving from
// Dubai", "a passenger from Bangkok", "bound for Antwerp", "shipped to Europe".
func transitPlace(sf *sentenceFacts, p mention) bool {
	before := strings.TrimSuffix(strings.TrimRight(tail(sf.low[:p.Start], 30), " "), " the")
	for _, w := range []string{"arriving from", "arrived from", "flying from", "flight from", "coming from", "passenger from",
		"originating from", "originating in", "shipped from", "sent from", "smuggled from", "imported from",
		"bound for", "destined for", "headed for", "heading for", "en route to", "shipped to", "sent to", "smuggled to", "flight to",
		"travelling to", "traveling to", "on their way to", "on its way to", "to reach", "headed to", "heading to", "en route from"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	// "12 people from Venezuela", "two men from Leeds": where the people came from.
	if strings.HasSuffix(before, " from") {
		w := strings.TrimSuffix(before, " from")
		if k := strings.LastIndexByte(w, ' '); personNouns[w[k+1:]] {
			return true
		}
	}
	return false
}

// contextPlace is the place of a figure whose sentence names none: the
// last place named in the sentences before it, back to a separate event
// ("A lorry was stopped at Dover. Officers found 40 kg of cocaine."), or "".
// Looking back to the article's start agrees with the annotations most
// (scripts/eval/locations.py: 54 of 159 within the paragraph's two
// sentences before, 95 within three sentences, 104 back to the start).
func (r *run) contextPlace(i int) string {
	if startsSeparateEvent(r.sents[i]) {
		return "" // "In a separate case, ...": not where the article was before
	}
	for j := i - 1; j >= 0; j-- {
		if ps := r.sents[j].places; len(ps) > 0 {
			return ps[len(ps)-1].Name
		}
		if startsSeparateEvent(r.sents[j]) {
			break
		}
	}
	return ""
}

// inSpeakersPost reports whether agency a is named in the post of a
// person who says something, between commas before the name: "Project
// Officer, UNODC Nigeria Country Office, Sylvester Atere, said".
func inSpeakersPost(sf *sentenceFacts, a mention) bool {
	after := sf.tokensIn(a.End, min(len(sf.s.Text), a.End+80))
	for k, t := range after {
		if sayVerbs[t.Lower] {
			return k > 0 && k <= 8 && strings.Contains(sf.s.Text[a.End:t.Start], ",")
		}
	}
	return false
}

// saysAfter reports whether a verb of saying follows the agency mention a,
// maybe after a word or two ("the DIICOT prosecutors said", "Europol
// said in a statement").
func saysAfter(sf *sentenceFacts, a mention) bool {
	after := sf.tokensIn(a.End, len(sf.s.Text))
	for k := 0; k < len(after) && k < 3; k++ {
		if sayVerbs[after[k].Lower] {
			return true
		}
		if k > 0 || after[k].Lower == "and" {
			break // one word between at most: "prosecutors said", "has said"
		}
	}
	return false
}

// modelNumber reports whether number token i is glued by a hyphen to the
// word before it, a model's name: "AK-47 rifles", "M-16".
func modelNumber(s string, toks []token, i int) bool {
	return i > 0 && s[toks[i-1].End:toks[i].Start] == "-" && !isNumberToken(toks[i-1].Text)
}

// joiner is what stands between two names at sf's text [from, to) in
// lower case, trimmed of spaces and of a last "the": ", and" of
// "INTERPOL, and the UNODC".
func joiner(sf *sentenceFacts, from, to int) string {
	between := strings.TrimSpace(sf.low[from:to]) // (sf.low is the text in ASCII lower case, byte for byte)
	if strings.HasPrefix(between, "(") {
		if k := strings.IndexByte(between, ')'); k > 0 {
			between = strings.TrimSpace(between[k+1:]) // "the Navy (Semar) and the FGR": the first's short form
		}
	}
	return strings.TrimSpace(strings.TrimSuffix(between, "the"))
}

// endsWithHead reports whether an agency's name ends with the head noun a
// text refers back to it by ("Coastal Narcotics Task Force" by "the task
// force"); "taskforce" and "task force" are one head.
func endsWithHead(name, head string) bool {
	name = strings.ToLower(name)
	if head == "taskforce" || head == "task force" {
		return strings.HasSuffix(name, " taskforce") || strings.HasSuffix(name, " task force")
	}
	return strings.HasSuffix(name, " "+head)
}

// notRealGuns makes the firearms an imitation's word comes before ("two
// simulated firearms", "an imitation firearm", "three toy guns") other
// goods, as the annotations read them: no real gun was seized.
func (r *run) notRealGuns() {
	for k := range r.out.Seizures {
		s := &r.out.Seizures[k]
		if s.Commodity != "firearms" || s.Phrase == "" || len(s.Evidence) == 0 {
			continue
		}
		sent := s.Evidence[0].Sentence
		at := strings.Index(sent, s.Phrase)
		if at < 0 {
			continue
		}
		// The phrase's words, and the one right before it where the phrase
		// is the noun alone ("an imitation firearm" reads "firearm").
		words := strings.Fields(strings.ToLower(s.Phrase))
		if before := strings.Fields(strings.ToLower(tail(sent[:at], 24))); len(before) > 0 && strings.HasSuffix(sent[:at], " ") {
			words = append([]string{before[len(before)-1]}, words...)
		}
		for i, w := range words {
			if imitationWords[w] {
				s.Commodity = "other"
				s.Subtype = r.strp(strings.Join(words[i:], " "))
				break
			}
		}
	}
}

// imitationWords say a gun is none.
var imitationWords = wordSet("imitation imitations replica replicas simulated toy fake dummy airsoft")

// arrestEventNouns name the act of arresting: "the arrest of one suspect".
var arrestEventNouns = wordSet("arrest arrests detention apprehension capture")
