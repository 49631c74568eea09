package extract

import (
	"slices"
	"strings"

	"github.com/opgraph/opgraph/loaders/extract/pattern"
)

// findRuleArrests reads the arrests of rules/arrests.rules in a sentence,
// and the parts of a breakdown after any count a rule read. Where the older
// passes found arrests in it (found), only totals and their parts are read.
func (r *run) findRuleArrests(i int, sf *sentenceFacts, found bool) {
	set := r.x.rules.byKind["arrests"]
	if set == nil {
		return
	}
	if found && !(strings.Contains(sf.low, "arrests") && (strings.ContainsAny(sf.s.Text, ":(") || strings.Contains(sf.low, "including"))) &&
		!(strings.Contains(sf.low, "including") || strings.Contains(sf.low, "consisting") || strings.Contains(sf.low, "comprising") ||
			strings.Contains(sf.low, "of whom") || strings.Contains(sf.low, "among them") || strings.Contains(sf.low, " of them ") ||
			strings.Contains(sf.low, ": ")) &&
		!(strings.Contains(sf.low, "with ") && (strings.Contains(sf.low, " other") || strings.Contains(sf.low, " more"))) && !hasBreakdownPart(sf) &&
		!partOfThoseArrested(sf.low) && !strings.Contains(sf.low, " being detained") && !strings.Contains(sf.low, " being held") &&
		r.countArrestWords(sf, 2) < 2 {
		// Only a total's parts, others beside those read (arrest.extra.*) or
		// a breakdown's next parts ("31 in Lyon, 12 in Porto") are read where
		// the older passes read arrests.
		return
	}
	if !found && !r.hasArrestVerb(sf) {
		return // every rule but the total's needs a verb of arrest
	}
	toks := r.ruleTokens(sf)
	chainEnd := -1 // the token after the last count a rule read, where a part may follow
	whole := -1    // the arrests the parts that follow are parts of, in r.out.Arrests
	next := 0      // matches may not overlap one taken
	// wholeAfterComma: the whole is a count and what follows its comma
	// (arrest.total.then-parts), whose parts by place are counts of their
	// own: "Eleven people were arrested in Portugal, five in Italy".
	wholeAfterComma := false
	set.Match(toks, func(m pattern.Match) bool {
		part := strings.HasPrefix(m.Rule, "arrest.part.")
		total := strings.HasPrefix(m.Rule, "arrest.total")
		extra := strings.HasPrefix(m.Rule, "arrest.extra.")
		// A count the older passes read, in a place: a breakdown's first part,
		// whose next parts follow ("arrested 31 suspects in Lyon, 12 in Porto").
		first := found && !part && !total && !extra && hasCapture(m, "place")
		if m.Start < next || part && m.Start != chainEnd || found && !part && !total && !extra && !first && !r.anotherClausesArrest(m, toks) {
			return true
		}
		count, ok := 0.0, false
		place := ""
		var groups []figure // the n counts, each a group's: "Six Syrians and two Pakistanis"
		numbered := true    // every n a number, none an article ("two men and a woman" is one count of three)
		for _, c := range m.Captures() {
			switch c.Name {
			case "n":
				if notArrestFigure(sf, toks[c.Start].Start, toks[c.End-1].End) || r.goodsAfter(sf, toks[c.End-1].End) || sumBefore(sf.s.Text[:toks[c.Start].Start]) {
					return true
				}
				v, vok := ruleValue(toks[c.Start:c.End])
				if f, ok := r.groupedFigureAt(sf, toks, c.Start); ok {
					v, vok = f.Value, true // "2 032 wanted suspects": the figure the rule saw only the end of
				}
				if vok {
					count += v
					ok = true
					groups = append(groups, figure{Value: v, Qualifier: "exact", Start: toks[c.Start].Start, End: toks[c.End-1].End})
					switch toks[c.Start].Lower {
					case "a", "an", "another", "both", "pair", "duo", "trio", "couple":
						numbered = false
					}
				}
			case "one":
				count++
				ok = true
			case "place":
				place = sf.s.Text[toks[c.Start].Start:toks[c.End-1].End]
				if strings.Contains(m.Rule, "paren") && !r.placeNamed(sf, toks[c.Start].Start, toks[c.End-1].End) {
					return true // "identified as KA (24), AD (24)": initials and ages, not "Chile (3), Peru (2)"
				}
			}
		}
		if !ok || count <= 0 || interceptedTravellers(toks[m.Start:m.End]) {
			return true
		}
		pos := toks[m.Start].Start
		q := "exact"
		if nq, _ := qualifierBefore(sf.s.Text[:pos]); nq != "" && !part {
			q = nq
		}
		switch {
		case first:
			if r.arrestWithCount(count) < 0 {
				return true // the older passes read it otherwise: no chain to follow
			}
			whole = -1
		case part:
			k := r.recordArrestRule(i, sf, figure{Value: count, Qualifier: "exact"}, pos, place, m.Rule)
			if whole >= 0 && k != whole && r.out.Arrests[k].PartOf == nil && !(wholeAfterComma && place != "") {
				w := whole
				r.out.Arrests[k].PartOf = &w
				if place != "" && samePlace(deref(r.out.Arrests[w].Location), place) && r.out.Arrests[w].sentence == i {
					r.out.Arrests[w].Location = nil // the whole's place was read from its first part
				}
			}
		case total:
			// The total the older passes read: its parts follow.
			whole = r.arrestWithCount(count)
			wholeAfterComma = m.Rule == "arrest.total.then-parts"
			if whole < 0 && wholeAfterComma {
				return true // "questioned 69 foreigners, 34 of them ...": no arrest, so no parts of one
			}
			if whole < 0 && (m.Rule == "arrest.total.people" || m.Rule == "arrest.total.dash") && arrestedAfter(sf.low[toks[m.End-1].End:]) {
				// "Ten people including five British and two Philippine nationals
				// have been arrested": a total no older pass read, its verb after its parts.
				whole = r.recordArrestRule(i, sf, figure{Value: count, Qualifier: q}, pos, "", m.Rule)
			}
		case len(groups) > 1 && numbered && place == "":
			// "Six Syrians and two Pakistanis were arrested": a count each,
			// as the text states them, not their sum.
			for _, g := range groups {
				k := r.recordArrestApart(i, sf, g, g.Start, "", true)
				ev := r.out.Arrests[k].Evidence
				ev[len(ev)-1].Rule, ev[len(ev)-1].Confidence = m.Rule, confidenceOf(m.Rule)
			}
			whole = -1
		default:
			whole = r.recordArrestRule(i, sf, figure{Value: count, Qualifier: q}, pos, place, m.Rule)
			if place != "" {
				whole = -1 // "held 31 in Lyon, 12 in Porto": parts of no total the text gives
			}
		}
		next, chainEnd = m.End, m.End
		return true
	})
}

// groupedFigureAt returns the figure that token k ends where k is the last
// group of digits of a number written with spaces between its thousands
// ("2 032", "1 144 000"), which a rule reads as a number of its own.
func (r *run) groupedFigureAt(sf *sentenceFacts, toks []pattern.Token, k int) (figure, bool) {
	if k == 0 || len(toks[k].Text) != 3 || !isDigits(toks[k].Text) || !isDigits(toks[k-1].Text) ||
		sf.s.Text[toks[k-1].End:toks[k].Start] != " " {
		return figure{}, false
	}
	for _, f := range sf.figures() {
		if f.Start <= toks[k-1].Start && f.End >= toks[k].End {
			return f, true
		}
	}
	return figure{}, false
}

// placeNamed reports whether sf's text [start, end) is a place a gazetteer
// lists or a pass read.
func (r *run) placeNamed(sf *sentenceFacts, start, end int) bool {
	if overlapsMention(sf.places, start, end) {
		return true
	}
	var tb [8]token
	ts := appendTokens(tb[:0], sf.s.Text[start:end])
	if m, ok := r.x.gaz.findAt(ts, entPlace); ok && m.J == len(ts) {
		return true
	}
	return r.x.open != nil && len(r.x.open.Lookup(strings.ToLower(sf.s.Text[start:end]))) > 0
}

// arrestedAfter reports whether the lower-case rest of a sentence, after a
// count and "including ...", goes on to say they were arrested.
func arrestedAfter(rest string) bool {
	if k := strings.IndexAny(rest, ".;"); k >= 0 {
		rest = rest[:k]
	}
	for _, v := range []string{" were arrested", " been arrested", " were detained", " been detained", " were apprehended", " been apprehended",
		" were held", " were taken into custody", " been taken into custody"} {
		if strings.Contains(rest, v) {
			return true
		}
	}
	return false
}

// recordArrestRule records an arrest a rule read, naming the rule in its
// evidence, and returns its index in r.out.Arrests.
func (r *run) recordArrestRule(i int, sf *sentenceFacts, f figure, pos int, place, rule string) int {
	k := r.recordArrest(i, sf, f, pos, place)
	ev := r.out.Arrests[k].Evidence
	ev[len(ev)-1].Rule, ev[len(ev)-1].Confidence = rule, confidenceOf(rule)
	return k
}

// anotherClausesArrest reports whether m, a verb of arrest and its count,
// reads arrests beside those the older passes read in the sentence, under
// a verb of its own: "made 78 arrests and captured 19 fugitives".
func (r *run) anotherClausesArrest(m pattern.Match, toks []pattern.Token) bool {
	if !strings.HasSuffix(m.Rule, ".active") {
		return false
	}
	counted := false
	for _, c := range m.Captures() {
		if c.Name != "n" {
			continue
		}
		if slices.Contains(r.arrestEnds, toks[c.End-1].End) {
			return false // the count read already
		}
		if w := toks[c.Start].Lower; w == "a" || w == "an" || w == "one" || w == "another" {
			return false // one described, "arrested a man": maybe one read already
		}
		counted = true
	}
	return counted && len(r.arrestEnds) > 0
}

// countArrestWords counts the words of arrest in a sentence, up to most: words
// of the @arrestVerb class, and of arrest phrases (arrestPhraseWords:
// "made 78 arrests").
func (r *run) countArrestWords(sf *sentenceFacts, most int) int {
	bit, n := r.x.rules.classBit["arrestVerb"], 0
	for _, t := range sf.toks {
		if r.x.rules.classOf[t.Lower]&bit != 0 || arrestPhraseWords[t.Lower] {
			if n++; n == most {
				break
			}
		}
	}
	return n
}

// arrestWithCount is the index of the last arrest of that count, or -1.
func (r *run) arrestWithCount(count float64) int {
	for k := len(r.out.Arrests) - 1; k >= 0; k-- {
		if c := r.out.Arrests[k].Count; c != nil && *c == count {
			return k
		}
	}
	return -1
}

// hasArrestVerb is the cheap test the arrest rules pass first: the sentence
// holds a word of the @arrestVerb class or of arrestPhraseWords.
func (r *run) hasArrestVerb(sf *sentenceFacts) bool { return r.countArrestWords(sf, 1) > 0 }

// partOfThoseArrested reports whether low may hold a part of those
// arrested, which arrest.extra.of-those reads: "19 of the 44 people
// arrested", "eleven of those arrested".
func partOfThoseArrested(low string) bool {
	if strings.Contains(low, " of those arrested") || strings.Contains(low, " of those detained") {
		return true
	}
	for i := range indexesOf(low, " of the ") {
		if i > 0 && low[i-1] >= '0' && low[i-1] <= '9' {
			return true
		}
	}
	return false
}

// interceptedTravellers reports whether a match's tokens tell of people
// intercepted on their way, who are not arrested by it: "intercepted 34
// migrants", "intercepted a boat carrying 20 refugees".
func interceptedTravellers(toks []pattern.Token) bool {
	intercepted := false
	for _, t := range toks {
		switch t.Lower {
		case "intercepted", "rescued":
			intercepted = true
		case "migrants", "migrant", "refugees", "refugee", "children", "minors", "victims", "asylum":
			if intercepted {
				return true
			}
		}
	}
	return false
}

// arrestPhraseWords are words of the arrest phrases in arrests.rules whose
// words are in no class ("taken into custody", "placed under arrest"): a
// new such phrase adds one of its words here.
var arrestPhraseWords = wordSet("custody rounded picked placed arrest arrests apprehension detention arrestees detainees nabs detains apprehends caught intercepted arresting detaining netted nets")

// findArrestLists counts the people listed one a line after a sentence
// that ends "... led to the arrest of the following:" (or "the following
// were arrested:"), where no count was read from that sentence: each
// bulleted line after it is one person arrested.
func (r *run) findArrestLists() {
	for i, sf := range r.sents {
		text := strings.TrimSpace(sf.s.Text)
		if !strings.HasSuffix(text, ":") || sf.cues&cueArrest == 0 || !strings.Contains(sf.low, "the following") {
			continue
		}
		pos := -1
		for _, t := range sf.toks {
			if arrestListWords[t.Lower] {
				pos = t.Start
				break
			}
		}
		if pos < 0 || r.arrestsFrom(i) {
			continue
		}
		n := 0
		for j := i + 1; j < len(r.sents) && isBulletLine(r.sents[j].s.Text); j++ {
			n++
		}
		if n == 0 {
			continue
		}
		r.rule = "arrest.following-list"
		r.recordArrestRule(i, sf, figure{Value: float64(n), Qualifier: "exact"}, pos, "", "arrest.following-list")
	}
}

// arrestListWords open an arrest in a sentence introducing a list.
var arrestListWords = wordSet("arrest arrested detained apprehended arrests")

// arrestsFrom reports whether an arrest figure was read from sentence i.
func (r *run) arrestsFrom(i int) bool {
	for _, a := range r.out.Arrests {
		for _, ev := range a.Evidence {
			if ev.Sentence == r.sents[i].s.Text {
				return true
			}
		}
	}
	return false
}

// hasCapture reports whether the match m captured name.
func hasCapture(m pattern.Match, name string) bool {
	_, _, ok := m.Capture(name)
	return ok
}

// hasBreakdownPart is a cheap test the rules that go on with a breakdown
// need to pass: after a comma or "and", a number and "in" or "at" ("31
// suspects in Lyon, 12 in Porto").
func hasBreakdownPart(sf *sentenceFacts) bool {
	toks := sf.toks
	for k := 1; k+1 < len(toks); k++ {
		if k+3 < len(toks) && toks[k+1].Lower == "of" && (toks[k+2].Lower == "them" || toks[k+2].Lower == "whom") && isNumberToken(toks[k].Lower) {
			return true // "21 were arrested, 17 of them in Spain"
		}
		if isNumberToken(toks[k].Lower) && strings.ContainsAny(sf.s.Text[toks[k-1].End:toks[k].Start], ",;") &&
			(toks[k+1].Lower == "for" || k+2 < len(toks) && personNouns[toks[k+1].Lower] && toks[k+2].Lower == "for") {
			return true // "arrested 100 suspects for X; 88 suspects for Y": counts by charge
		}
		if (toks[k+1].Lower == "in" || toks[k+1].Lower == "at") && (isNumberToken(toks[k].Lower) || isWordNumber(toks[k].Lower)) &&
			(toks[k-1].Lower == "and" || strings.Contains(sf.s.Text[toks[k-1].End:toks[k].Start], ",")) {
			return true
		}
	}
	return false
}
