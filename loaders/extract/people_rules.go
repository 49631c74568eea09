package extract

import (
	"strings"

	"github.com/opgraph/opgraph/loaders/extract/pattern"
)

// titleWords are honorifics and ranks written before a name, whole or cut
// short ("Det.", "Insp.", "Supt."): rules test them as @title.
var titleWords = wordSet(`mr mrs ms dr dame sir lord lady prof professor rev alhaji chief
	detective det inspector insp superintendent supt sergeant sgt constable const commander cmdr commissioner
	captain capt lieutenant lt colonel col general gen major maj brigadier brig admiral adm corporal cpl
	officer agent special deputy assistant acting senior temporary director judge justice magistrate
	prosecutor minister secretary president vice governor mayor sheriff marshal chairman chairwoman chairperson administrator
	undersecretary comptroller warrant rear datuk dato datin seri asst comm
	comr sr acp dcp dsp asp ssp igp dgp adgp dig pc ds dc di dci dsu dcs`)

// peopleRoleWords end a job title written in lower case before a name.
var peopleRoleWords = wordSet(`chief head director spokesman spokeswoman spokesperson commander superintendent inspector
	officer prosecutor minister commissioner secretary coordinator manager investigator detective sergeant
	boss leader founder ringleader lawyer attorney judge magistrate`)

// notNameWords can start no name: pronouns, articles and words that open a sentence.
var notNameWords = wordSet(`the this that these those he she they it we i you his her their its our a an in on at as but and
	or if when while after before during police officers officer customs court monday tuesday wednesday thursday friday
	saturday sunday january february march april may june july august september october november december
	operation project according also however meanwhile earlier later today yesterday`)

// findRulePeople reads the people of rules/people.rules in a sentence: each
// a name with what the rule says of it, after the older passes.
func (r *run) findRulePeople(sf *sentenceFacts) {
	set := r.x.rules.byKind["people"]
	if set == nil || !mayNamePeople(sf) {
		return // each rule needs a title, a role, a verb of saying or arresting, or a word for suspects
	}
	toks := r.ruleTokens(sf)
	next := 0             // matches may not overlap one taken,
	lastWho := [2]int{-1} // but for one that reads the same name again: "Assistant Commissioner Nick Price, the Met's head of crime, said"
	set.Match(toks, func(m pattern.Match) bool {
		ws, we, _ := m.Capture("who")
		if m.Start < next && (ws != lastWho[0] || we != lastWho[1]) {
			return true
		}
		r.addRulePerson(sf, toks, 0, m)
		lastWho = [2]int{ws, we}
		next = max(next, m.End)
		if strings.HasPrefix(m.Rule, "person.list.") {
			next = r.readListOn(sf, toks, m.End)
		}
		return true
	})
}

// readListOn reads the names that go on a list of people from token k
// (people-next.rules, matched from there only) and returns where the list ends.
func (r *run) readListOn(sf *sentenceFacts, toks []pattern.Token, k int) int {
	set := r.x.rules.byKind["people-next"]
	for set != nil && k < len(toks) {
		if k > 0 && (toks[k-1].Lower == "," || toks[k-1].Lower == ";") {
			k-- // the match before took the comma after its name, which opens the next: "four traffickers, Do Van Thu, Nguyen Kien Cuong"
		}
		end := -1
		set.Match(toks[k:], func(m pattern.Match) bool {
			if m.Start == 0 {
				r.addRulePerson(sf, toks, k, m)
				end = k + m.End
			}
			return false // the first match from the list's end, or none
		})
		if end < 0 {
			break
		}
		k = end
	}
	return k
}

// addRulePerson adds the person a rule read in toks[off:] (its offsets count from off).
func (r *run) addRulePerson(sf *sentenceFacts, toks []pattern.Token, off int, m pattern.Match) {
	text := sf.s.Text
	span := func(name string) string {
		if s, e, ok := m.Capture(name); ok && e > s { // an optional capture may hold no token
			return text[toks[off+s].Start:toks[off+e-1].End]
		}
		return ""
	}
	who := span("who")
	if who == "" {
		return
	}
	if _, we, _ := m.Capture("who"); off+we < len(toks) && streetWords[toks[off+we].Lower] && isCapitalised(toks[off+we].Text) {
		return // "Sir Winston Churchill Avenue" names a road
	}
	if said, listed := m.Rule == "person.name.said", strings.HasPrefix(m.Rule, "person.list.") || strings.HasPrefix(m.Rule, "person.next."); said || listed {
		ws, we, _ := m.Capture("who")
		if namesOther(sf, toks[off+ws].Start, toks[off+we-1].End, toks[off+we-1].Lower, listed) {
			return // "Border Force said", "New Zealand said", "the Galapagos Conservation Trust said"; a list's "Los Angeles"
		}
	}
	title, role := span("title"), strings.TrimSpace(span("role"))
	speakerOrg := ""
	if m.Rule == "person.name.said" {
		// "Kent Police Detective Chief Inspector for Serious Crime Omar Haddad
		// said": the capitalised words before the name are the role, and the
		// body they follow the person's.
		ws, _, _ := m.Capture("who")
		j := off + ws
		for j > 0 && (isCapitalised(toks[j-1].Text) || roleJoinWords[toks[j-1].Lower]) && !overlapsMention(sf.agencies, toks[j-1].Start, toks[j-1].End) {
			j--
		}
		for j < off+ws && roleJoinWords[toks[j].Lower] {
			j++
		}
		if j < off+ws {
			role = text[toks[j].Start:toks[off+ws-1].End]
			speakerOrg = r.agencyEndingAt(sf, toks[j].Start)
		}
	}
	if title != "" && !isCapitalised(title) {
		// "federal prosecutor Frédéric Van Leeuw": a word in lower case before
		// a name is a job, not an honorific as written.
		if role == "" {
			role = title
		}
		title = ""
	}
	if rs, re, ok := m.Capture("role"); ok && m.Rule == "person.role.before" {
		// "regional customs chief": the lower-case words before the role word.
		rs += off
		for k := 0; k < 3 && rs > 0 && roleModifier(toks, rs-1); k++ {
			rs--
		}
		role = text[toks[rs].Start:toks[off+re-1].End]
	}
	ws, _, _ := m.Capture("who")
	org := ""
	if !suspectRule(m.Rule) { // a suspect works for none of the agencies that name or arrest them
		org = r.agencyAfter(sf, toks[off+m.End-1].End)
		if org == "" {
			org = r.agencyEndingAt(sf, toks[off+ws].Start)
		}
		if ts, _, ok := m.Capture("title"); org == "" && ok && ts >= 0 && off+ts < len(toks) {
			org = r.agencyEndingAt(sf, toks[off+ts].Start) // "Ontario Provincial Police Det. Insp. Jason Kennedy"
		}
		if org == "" {
			// "Nick Price, the Metropolitan Police's head of specialist crime",
			// "Border Force's director of operations, Mike Hill": the body
			// whose role it is, named inside the match.
			from, to := toks[off+m.Start].Start, toks[off+m.End-1].End
			for _, a := range sf.agencies {
				if a.End >= from && a.End <= to && (strings.HasPrefix(sf.s.Text[a.End:], "'s") || strings.HasPrefix(sf.s.Text[a.End:], "’s")) {
					org = a.Name
					break
				}
			}
		}
	}
	if org == "" {
		org = speakerOrg
	}
	r.rule = m.Rule
	r.addPerson(sf, who, title, role, org)
	if who2 := span("who2"); who2 != "" {
		r.addPerson(sf, who2, "", "", "") // "Tomas Herrera and Luis Ortega were convicted": two suspects
	}
	if kin := span("kin"); kin != "" {
		r.addPerson(sf, kin, "", "", "") // "Ravi Soren, son of Mohan Soren": a listed suspect's kin, named
	}
}

// placeHeadWords end places' names, which no person's name ends with.
var placeHeadWords = wordSet("city town state county province island islands region district valley bay port harbour harbor")

// coversMention reports whether one of ms holds all of [start, end).
func coversMention(ms []mention, start, end int) bool {
	for _, m := range ms {
		if m.Start <= start && end <= m.End {
			return true
		}
	}
	return false
}

// orgHeadWords end the names of bodies that are not agencies, which no
// person's name ends with.
var orgHeadWords = wordSet(`trust society foundation association council institute university college company
	group network bank news times post herald mail guardian telegraph journal press tribune reuters`)

// roleJoinWords join the capitalised words of a role written before a
// name: "Assistant Commissioner for Organised and Serious Crime".
var roleJoinWords = wordSet("of for and in charge the")

// peopleArrestWords are the verbs of arresting among peopleRuleCueWords.
var peopleArrestWords = wordSet("arrested detained apprehended held nabbed custody intercepted convicted sentenced jailed charged indicted guilty")

// peopleRuleCueWords are the words people.rules need one of in a sentence.
var peopleRuleCueWords = func() map[string]bool {
	m := wordSet("suspects suspect accused defendants alias arrested detained apprehended held nabbed custody intercepted identified named namely " +
		"convicted sentenced jailed charged indicted guilty certain one")
	for _, set := range []map[string]bool{titleWords, peopleRoleWords, sayVerbs} {
		for w := range set {
			m[w] = true
		}
	}
	return m
}()

// isBulletLine reports whether s is an item of a bulleted list, where
// suspects are often listed one a line ("- Ada Obi, 37").
func isBulletLine(s string) bool {
	if len(s) > 2 && s[0] >= '1' && s[0] <= '9' {
		// "1. Two AK-47 rifles", "12) Eight pistols": a numbered list's line
		k := 1
		if s[1] >= '0' && s[1] <= '9' {
			k = 2
		}
		return len(s) > k+1 && (s[k] == '.' || s[k] == ')') && s[k+1] == ' '
	}
	return strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "• ") || strings.HasPrefix(s, "* ")
}

// roleModifier reports whether toks[k] may open a lower-case role ("regional
// customs chief"): a lower-case word, or the sentence's capitalised first.
func roleModifier(toks []pattern.Token, k int) bool {
	t := toks[k]
	if t.Shape&pattern.ShapePunct != 0 || sayVerbs[t.Lower] || notNameWords[t.Lower] && t.Lower != "customs" && t.Lower != "police" {
		return false
	}
	return t.Shape&pattern.ShapeLower != 0 || k == 0 && t.Shape&pattern.ShapeCap != 0
}

// mayNamePeople is the cheap test people.rules pass first: a word they
// need (a title, a role, a verb of saying or arresting, a word for
// suspects) near a capitalised word that does not open the sentence, or a
// bulleted line.
func mayNamePeople(sf *sentenceFacts) bool {
	if sf.cues&cueArrest != 0 && nounThenName(sf) {
		return true // "a 38-year-old Perris man, Luis Ortega, was arrested"
	}
	if nounAreName(sf) {
		return true // "The arrested dealers are– Ada Obi, ..."
	}
	if sf.cues&cuePeopleRule == 0 {
		return isBulletLine(sf.s.Text) || hasAgeBetweenCommas(sf.s.Text) || opensNameList(sf.low) || strings.Contains(sf.low, "-year-old ")
	}
	toks := sf.toks
	for k := range toks {
		t := &toks[k]
		if !t.rooted && !peopleRuleCueWords[t.Lower] || t.rooted && t.cues&cuePeopleRule == 0 { // rooted: looked up with its trie node
			continue
		}
		if k > 0 && strings.Contains(sf.s.Text[toks[k-1].End:t.Start], ",") {
			return true // "..., said"
		}
		if k > 1 && sayVerbs[t.Lower] && isCapitalised(toks[k-1].Text) && isCapitalised(toks[k-2].Text) &&
			!overlapsMention(sf.agencies, toks[k-1].Start, toks[k-1].End) && !overlapsMention(sf.places, toks[k-1].Start, toks[k-1].End) {
			return true // "Isaac Meme said", not "Kent Police said"
		}
		// A name right after the word ("said Mara Quist", "chief Ola Brenn",
		// "suspects as Ada Obi"), or, for a verb of arresting, a few words
		// before it ("Ada Obi, 30, was also arrested").
		from, to := k+1, k+2
		if peopleArrestWords[t.Lower] {
			from = max(1, k-5)
		}
		if k+1 < len(toks) && toks[k+1].Lower == "of" {
			to = k + 4 // "head of investigations Laura Hughes"
		}
		for j := from; j < len(toks) && j <= to; j++ {
			if j != k && isCapitalised(toks[j].Text) {
				return true
			}
		}
	}
	return isBulletLine(sf.s.Text)
}

// opensNameList reports whether a sentence in lower case opens with
// the words of person.list.they-are before a list: "they are ada obi, ...",
// "the rest are ...".
func opensNameList(low string) bool {
	for _, p := range []string{"they are ", "they were ", "the rest are ", "the rest were ", "the others are ", "the others were "} {
		if strings.HasPrefix(low, p) {
			return strings.Contains(low, ",")
		}
	}
	return false
}

// nounAreName reports whether a noun for people is followed by "are",
// "were" or "include", maybe a dash, and a capitalised word: "The
// arrested dealers are– Ada Obi, ...".
func nounAreName(sf *sentenceFacts) bool {
	if !strings.Contains(sf.low, " are") && !strings.Contains(sf.low, " were") && !strings.Contains(sf.low, " include") {
		return false
	}
	toks := sf.toks
	for k := 1; k+1 < len(toks); k++ {
		switch toks[k].Lower {
		case "are", "were", "include", "included":
		default:
			continue
		}
		if !personNouns[toks[k-1].Lower] {
			continue
		}
		j := k + 1
		if t := toks[j].Text; (t == "-" || t == "–" || t == "—") && j+1 < len(toks) {
			j++
		}
		if isCapitalised(toks[j].Text) {
			return true
		}
	}
	return false
}

// nounThenName reports whether a noun for a person is followed by a comma
// and a capitalised word: "the driver, Tomas Varga,".
func nounThenName(sf *sentenceFacts) bool {
	toks := sf.toks
	for k := 0; k+1 < len(toks); k++ {
		if personNouns[toks[k].Lower] && isCapitalised(toks[k+1].Text) && strings.TrimSpace(sf.s.Text[toks[k].End:toks[k+1].Start]) == "," {
			return true
		}
	}
	return false
}

// hasAgeBetweenCommas reports whether s holds an age set off by commas,
// as after a name: "stopped Imran Hussain, 31, on the M62".
func hasAgeBetweenCommas(s string) bool {
	for i := range indexesOf(s, ", ") {
		if i+5 >= len(s) {
			break
		}
		if d := s[i+2:]; d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9' && d[2] == ',' {
			return true
		}
	}
	return false
}

// suspectRule reports whether a rule of rules/people.rules reads suspects
// (named arrested, listed, aliases), not officials.
func suspectRule(rule string) bool {
	return strings.HasPrefix(rule, "person.list.") || strings.HasPrefix(rule, "person.next.") ||
		rule == "person.one.arrested" || rule == "person.alias.only" || strings.HasPrefix(rule, "person.suspect.")
}

// findNameLists reads a list of three names or more, each of two to four
// capitalised words, joined by commas and a last "and" ("Kingsley
// Anthony, Osaze Jackson, Chris Ogbe and Olu Benson"): such a list names
// people, whatever opens it. A list holding a place's or a body's name is
// a list of those, and adds no one.
func (r *run) findNameLists(sf *sentenceFacts) {
	text := sf.s.Text
	toks := sf.toks
	pairs := 0 // capitalised words next to each other: a list needs three names
	for k := 1; k < len(toks) && pairs < 3; k++ {
		if isCapitalised(toks[k].Text) && isCapitalised(toks[k-1].Text) && toks[k].Start == toks[k-1].End+1 {
			pairs++
			k++
		}
	}
	if pairs < 3 || strings.Count(text, ", ") < 2 || !strings.Contains(text, " and ") {
		return
	}
	var items [][2]int
	finish := func() {
		if len(items) >= 3 && !r.listOfOthers(sf, items) {
			r.rule = "person.list.names"
			for _, it := range items {
				r.addPerson(sf, text[toks[it[0]].Start:toks[it[1]-1].End], "", "", "")
			}
		}
		items = items[:0]
	}
	sawAnd := false
	for k := 0; k < len(toks); {
		j := k
		for j < len(toks) && j-k < 5 && listNameWord(toks[j]) && (j == k || text[toks[j-1].End:toks[j].Start] == " ") {
			j++
		}
		if j-k < 2 || j-k > 4 {
			items, sawAnd = items[:0], false
			k = max(j, k+1)
			continue
		}
		items = append(items, [2]int{k, j})
		if sawAnd {
			finish()
			sawAnd = false
			k = j
			continue
		}
		next := j
		if next+1 < len(toks) && text[toks[next-1].End:toks[next].Start] == ", " && isDigits(toks[next].Text) {
			next++ // an age: "Ada Obi, 34, Tom Ray, 27 and ..."
		}
		if next >= len(toks) {
			break
		}
		switch gap := text[toks[next-1].End:toks[next].Start]; {
		case gap == ", " && toks[next].Lower == "and" || gap == " " && toks[next].Lower == "and":
			sawAnd, k = true, next+1
		case gap == ", ":
			k = next
		default:
			items = items[:0]
			k = next
		}
	}
}

// hasLowerASCII reports whether s holds an ASCII lower-case letter.
func hasLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// listOfOthers reports whether one of the items of a list of names is a
// place's, a body's or another kind's name: then the list is of those.
func (r *run) listOfOthers(sf *sentenceFacts, items [][2]int) bool {
	for _, it := range items {
		if namesOther(sf, sf.toks[it[0]].Start, sf.toks[it[1]-1].End, sf.toks[it[1]-1].Lower, true) {
			return true
		}
	}
	return false
}

// namesOther reports whether the capitalised words at [from, to), the
// last of them last (in lower case), name a body, a place, an operation,
// a group, a platform, a people or a date rather than a person, or end
// as such a name does ("... City", "... Trust"). A listed name (listed)
// may hold a place's name ("Milan Kumar", "Mohammed Omar Aden") but not
// be one ("Los Angeles").
func namesOther(sf *sentenceFacts, from, to int, last string, listed bool) bool {
	place := overlapsMention(sf.places, from, to)
	if listed {
		place = coversMention(sf.places, from, to)
	}
	return place || overlapsMention(sf.agencies, from, to) || overlapsMention(sf.operations, from, to) ||
		overlapsMention(sf.groups, from, to) || overlapsMention(sf.platforms, from, to) || overlapsMention(sf.demonyms, from, to) ||
		overlapsMention(sf.dates, from, to) || placeHeadWords[last] || orgHeadWords[last]
}

// listNameWord reports whether t may be a word of a listed person's name:
// capitalised, not an acronym, a title, a role or a word no name has.
func listNameWord(t token) bool {
	if !isCapitalised(t.Text) || !hasLowerASCII(t.Text) {
		return false // an acronym or a number
	}
	l := t.Lower
	return !titleWords[l] && !peopleRoleWords[l] && !notNameWords[l] && !agencyHeads[l] && !dayOrMonth[l] && !unitWords[l]
}
