package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/opgraph/opgraph/loaders/extract/pattern"
)

const personName = `((?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)(?:\s+(?:(?:van|de|der|den|von|da|di|la|le|Van|De|Von|Da|La|Le)\s+)?\p{Lu}[\p{Ll}'’-]+){1,2})`

var (
	honorifics = `(?:Dame|Sir|Lord|Lady|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Gen\.?|Col\.?|Capt\.?|Lt\.?|Maj\.?|Brig\.? Gen\.?|Rev\.?)`
	roles      = `(?:(?:Detective |Det\.? )?(?:Chief |Assistant |Deputy |Acting |Senior |Temporary )*(?:Superintendent|Inspector|Sergeant|Constable|Commissioner|Commander|Director(?:[- ]General)?|Chief Executive|Executive Director|(?:Special|Patrol|Resident|Supervisory) Agent in Charge|Special Agent|Attorney General|Attorney|Prosecutor|Minister|Secretary(?:[- ]General)?|Sheriff|Chief|Head|Spokesperson|Spokesman|Spokeswoman|Public Information Officer|Information Officer|Investigating Officer|Officer|Captain|Colonel|General|Major|Lieutenant|Agent|Governor|Mayor|Coordinator|Manager|Investigator)|(?:federal |public |chief |senior |state |district |executive |deputy |assistant )*(?:prosecutor|spokesperson|spokesman|spokeswoman|police chief|director(?:[- ]general)?|head|commissioner|commander|minister))`
	// TITLE NAME: "Dame Cressida Dick".
	titleNameScan = newWordStartScan(`\b(`+honorifics+`)\s+`+personName, func(s string, p int) bool {
		return wordStart(s, p) && titleStarts.at(s, p)
	})
	// roleStarts begin every role: its first word, or the word of a role
	// that may stand alone. titleStarts begin every honorific.
	roleStarts = newLitSet("Det", "Chief", "Assistant ", "Deputy ", "Acting ", "Senior ", "Temporary ", "Superintendent",
		"Inspector", "Sergeant", "Constable", "Commissioner", "Commander", "Director", "Executive Director", "Special Agent", "Patrol Agent", "Resident Agent", "Supervisory Agent",
		"Attorney", "Prosecutor", "Minister", "Secretary", "Sheriff", "Head", "Spokes", "Public Information Officer",
		"Information Officer", "Investigating Officer", "Officer", "Captain", "Colonel", "General", "Major", "Lieutenant",
		"Agent", "Governor", "Mayor", "Coordinator", "Manager", "Investigator", "federal ", "public ", "chief ", "senior ",
		"state ", "district ", "prosecutor", "spokes", "police chief", "executive ", "deputy ", "assistant ", "director",
		"head", "commissioner", "commander", "minister", "Chair", "Administrator", "Corporal", "Undersecretary", "Comptroller",
		"Brigadier")
	titleStarts = newLitSet("Dame", "Sir", "Lord", "Lady", "Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Capt", "Lt", "Maj", "Brig", "Rev")
	// NAME, (the) ROLE of/at AGENCY: "Jane Smith, the director of the NCA".
	nameRoleRe = regexp.MustCompile(personName + `,\s+(?:the\s+|a\s+)?(` + roles + `)\s+(?:of|at|for|from)\s+`)
	orgAfterRe = regexp.MustCompile(`^,?\s+(?:of|from|at|with)\s+(?:the\s+)?`)
	// a role of up to five words set off after a name, then "of", "for", "at" or "with"; or nothing
	orgAfterRoleRe = regexp.MustCompile(`^,\s+(?:(?:the|a|an)\s+)?(?:(?:[\w’'-]+\s+){1,5}?(?:of|for|at|with)\s+(?:the\s+)?)?`)
	orgWords       = map[string]bool{"office": true, "agency": true, "police": true, "bureau": true, "service": true, "unit": true,
		"operations": true, "investigations": true, "services": true, "airport": true, "port": true, "station": true,
		"terminal": true, "hotel": true, "hospital": true, "prison": true,
		"department": true, "ministry": true, "court": true, "force": true, "command": true, "group": true, "division": true}
	notNameWord = map[string]bool{"The": true, "This": true, "That": true, "He": true, "She": true, "They": true, "It": true, "We": true, "In": true, "On": true, "At": true, "As": true, "But": true, "And": true, "Police": true, "Officers": true}
)

// findPeople finds named people with their title, role and organisation.
func (r *run) findPeople(sf *sentenceFacts) {
	r.rule = "person.role-name"
	if sf.cues&cuePerson == 0 {
		return // the patterns below are costly; most sentences name no official
	}
	text := sf.s.Text
	for _, m := range r.roleNames(sf) {
		role := text[m[2]:m[3]]
		title := ""
		if m[4] >= 0 {
			title = text[m[4]:m[5]]
		}
		name := text[m[6]:m[7]]
		org := r.agencyEndingAt(sf, m[0])
		if org != "" {
			// "PDEA NCR Director III": words between the agency and the role belong to the role.
			if mid := strings.TrimSpace(text[r.agencyEnd(sf, m[0]):m[0]]); mid != "" && !strings.ContainsAny(mid, ",.") {
				role = mid + " " + role
			}
		}
		if org == "" {
			// "Director General of the National Crime Agency, Graeme Biggar": the
			// body the role is of, named in it.
			for _, a := range sf.agencies {
				if a.Start > m[2] && a.End <= m[3] {
					if k := strings.Index(text[m[2]:a.Start], " of "); k > 0 {
						org, role = a.Name, text[m[2]:m[2]+k]
					}
					break
				}
			}
		}
		if org == "" {
			org = r.agencyAfter(sf, m[7])
		}
		if org == "" {
			// "the agency's spokesman, Femi Babafemi": the agency named before.
			before := strings.ToLower(strings.ReplaceAll(tail(text[:m[2]], 24), "’", "'"))
			if k := strings.LastIndex(before, "the "); k >= 0 {
				if head, ok := possessiveHead(before[k:] + role); ok {
					org = r.agencyByHead(head)
				}
			}
		}
		r.addPerson(sf, name, title, role, org)
	}
	var nameRoles [][]int
	if mayHaveNameRole(text) {
		nameRoles = nameRoleRe.FindAllStringSubmatchIndex(text, -1)
	}
	r.rule = "person.name-role"
	for _, m := range nameRoles {
		org := r.agencyStartingAt(sf, m[1])
		r.addPerson(sf, text[m[2]:m[3]], "", text[m[4]:m[5]], org)
	}
	r.rule = "person.title-name"
	for _, m := range titleNameScan.findAllAt(text, sf.starts) {
		if officeGeneral(text[:m[2]], text[m[2]:m[3]]) {
			continue // "Attorney General Merrick Garland": an office, read with its role above
		}
		r.addPerson(sf, text[m[4]:m[5]], text[m[2]:m[3]], "", r.agencyAfter(sf, m[5]))
	}
}

// roleNames finds the people of rules/roles.rules: a role, maybe a
// numeral or "of" and capitalised words, maybe a comma and an honorific,
// then a name ("Commissioner, Dame Cressida Dick"). Each match, one per
// phrase, is given as offsets in the text: the match, the role, the
// honorific (-1 where none) and the name.
func (r *run) roleNames(sf *sentenceFacts) [][8]int {
	set := r.x.rules.byKind["roles"]
	if set == nil {
		return nil
	}
	text := sf.s.Text
	toks := r.ruleTokens(sf)
	var out [][8]int
	next := 0
	set.Match(toks, func(m pattern.Match) bool {
		if m.Start < next {
			return true
		}
		next = m.End
		ra, rb, _ := m.Capture("role")
		wa, wb, _ := m.Capture("who")
		end := nameLettersEnd(text, toks[lastCapitalised(toks, wa, wb)].Start)
		x := [8]int{toks[m.Start].Start, end, toks[ra].Start, toks[rb-1].End, -1, -1, toks[wa].Start, end}
		if ta, tb, ok := m.Capture("title"); ok && tb > ta {
			x[4], x[5] = toks[ta].Start, toks[tb-1].End
		}
		out = append(out, x)
		return true
	})
	return out
}

// lastCapitalised returns the last of toks[a:b] that starts with a
// capital: where a name's last word starts.
func lastCapitalised(toks []pattern.Token, a, b int) int {
	k := b - 1
	for k > a {
		if r, _ := utf8.DecodeRuneInString(toks[k].Text); unicode.IsUpper(r) {
			break
		}
		k--
	}
	return k
}

// nameLettersEnd returns where the name's word that starts at s[p], a
// capital, ends: after the lower-case letters, apostrophes and hyphens
// that follow it, which may end inside a token ("Mc" of "McDonald", as the
// regexp these rules replaced read it).
func nameLettersEnd(s string, p int) int {
	_, n := utf8.DecodeRuneInString(s[p:])
	e := p + n
	for e < len(s) {
		r, n := utf8.DecodeRuneInString(s[e:])
		if unicode.IsUpper(r) && (s[p:e] == "Mc" || s[p:e] == "Mac") {
			e += n // "McKenzie", "MacLeod": a second capital after the prefix
			continue
		}
		if !unicode.IsLower(r) && r != '\'' && r != '’' && r != '-' {
			break
		}
		e += n
	}
	return e
}

// officeGeneral reports whether title, "General" after before, ends the
// name of a civil office ("Attorney General", "Director General"), not a rank.
func officeGeneral(before, title string) bool {
	if title != "General" {
		return false
	}
	before = strings.TrimRight(before, " ")
	k := strings.LastIndexByte(before, ' ')
	return officesGeneral[strings.ToLower(before[k+1:])]
}

var officesGeneral = wordSet("attorney inspector director secretary solicitor comptroller auditor procurator prosecutor accountant postmaster registrar")

// mayHaveNameRole is a cheap test that nameRoleRe needs to pass: a comma,
// spaces, maybe "the" or "a" and spaces, then the start of a role.
func mayHaveNameRole(s string) bool {
	skip := func(i int) int {
		j := i
		for j < len(s) && isSpaceASCII(s[j]) {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			continue
		}
		j := skip(i + 1)
		if j < 0 || j == len(s) {
			continue
		}
		if roleStarts.at(s, j) {
			return true
		}
		for _, art := range []string{"the", "a"} {
			if strings.HasPrefix(s[j:], art) {
				if k := skip(j + len(art)); k >= 0 && k < len(s) && roleStarts.at(s, k) {
					return true
				}
			}
		}
	}
	return false
}

// agencyEndingAt returns the agency named just before byte pos ("NCA Director"),
// allowing a few capitalised words between ("PDEA NCR Director").
func (r *run) agencyEndingAt(sf *sentenceFacts, pos int) string {
	for i := len(sf.agencies) - 1; i >= 0; i-- {
		a := sf.agencies[i]
		if a.End > pos {
			continue
		}
		gap := strings.TrimSpace(sf.s.Text[a.End:pos])
		gap = strings.TrimPrefix(strings.TrimPrefix(gap, "'s"), "’s")
		if len(strings.Fields(gap)) <= 2 && !strings.ContainsAny(gap, ",.;:") {
			return a.Name
		}
		return ""
	}
	return ""
}

func (r *run) agencyEnd(sf *sentenceFacts, pos int) int {
	for i := len(sf.agencies) - 1; i >= 0; i-- {
		a := sf.agencies[i]
		if a.End <= pos {
			end := a.End
			if strings.HasPrefix(sf.s.Text[end:], "'s") || strings.HasPrefix(sf.s.Text[end:], "’s") {
				end += len(sf.s.Text[end:]) - len(strings.TrimPrefix(strings.TrimPrefix(sf.s.Text[end:], "'s"), "’s"))
			}
			return end
		}
	}
	return pos
}

// agencyAfter returns the agency introduced right after pos: "Gollan, from Police's National Organised Crime Group".
func (r *run) agencyAfter(sf *sentenceFacts, pos int) string {
	loc := orgAfterRe.FindStringIndex(sf.s.Text[pos:])
	if loc == nil {
		// "Lt Gen Abdullah Al Marri, Commander-in-Chief of Dubai Police,",
		// "Detective Sergeant Amy Lowe, NFIB": a role set off after the
		// name, then the body, or the body alone.
		loc = orgAfterRoleRe.FindStringIndex(sf.s.Text[pos:])
		if loc == nil || strings.Contains(sf.s.Text[pos:pos+loc[1]], " who ") {
			return ""
		}
	}
	start := pos + loc[1]
	for k, a := range sf.agencies {
		if a.Start >= start && a.Start <= start+12 { // "Police's National ..." may precede the unit
			return outermostBody(sf, k)
		}
	}
	return ""
}

// outermostBody is the name of agency sf.agencies[k], or of the body it is
// a part of where the text goes on to name that ("Director of the
// Anti-Economic Crimes Department of the General Directorate of Criminal
// Investigation at Dubai Police": Dubai Police). A person's post names
// the units inside the body they serve.
func outermostBody(sf *sentenceFacts, k int) string {
	for k+1 < len(sf.agencies) {
		a, b := sf.agencies[k], sf.agencies[k+1]
		if b.Start < a.End {
			break
		}
		switch strings.TrimSpace(sf.low[a.End:b.Start]) {
		case "of the", "of", "at", "at the", "in the":
			k++
			continue
		}
		break
	}
	return sf.agencies[k].Name
}

func (r *run) agencyStartingAt(sf *sentenceFacts, pos int) string {
	for _, a := range sf.agencies {
		if a.Start >= pos && a.Start <= pos+5 {
			return a.Name
		}
	}
	return ""
}

// addPerson records a person, merging with one already seen by surname.
// postAreaWords end the name of the area a post covers, written between
// the post and the name: "Director Gujranwala Zone Abdul Qadir Qamar".
var postAreaWords = wordSet("Zone Region District Division Circle Range Sector Province County Command")

func (r *run) addPerson(sf *sentenceFacts, name, title, role, org string) {
	if strings.HasSuffix(role, " of the") || strings.HasSuffix(role, " of") {
		return // "Zoran Petrovic, allegedly the leader of the Pink Panthers": a group's name after the role
	}
	words := strings.Fields(name)
	for k := len(words) - 2; k >= 0; k-- {
		if postAreaWords[words[k]] {
			// "Director Gujranwala Zone Abdul Qadir Qamar": the area of a post, then the name
			if len(words)-k-1 < 2 {
				return // "Gujranwala Zone Abdul": no whole name after it
			}
			words = words[k+1:]
			name = strings.Join(words, " ")
			break
		}
	}
	for _, w := range words[min(1, len(words)):] {
		if titleCaseWords[w] {
			return // "Seizes Large Quantities Of": a headline in title case, not a name
		}
	}
	// One word is a name only with a title or role before it ("Det. Insp.
	// Varga"), as a suspect's alias ("alias "Tony"") or in a list of
	// suspects with their ages ("Md Mainuddin, 28, Sohagh, 20").
	oneWord := title != "" || role != "" || r.rule == "person.alias.only" || r.rule == "person.list.identified.one" || r.rule == "person.next.single"
	if len(words) == 0 || len(words) < 2 && !oneWord || notNameWord[words[0]] || allCompass(words) ||
		strings.ContainsAny(name, "'’") && (strings.Contains(strings.ToLower(name), "'s") || strings.Contains(strings.ToLower(name), "’s")) {
		return
	}
	surname := strings.ToLower(words[len(words)-1])
	if orgWords[surname] || streetWords[surname] || bodyWords[surname] || surname == "section" {
		return // "Sir Solomon Hochoy Highway" names a road, "General Investigation Section" a unit
	}
	// A name that is an agency, place or platform is not a person; a
	// surname that is also a place is, after a title or role
	// ("Superintendent Ana Jordan") or where a rule of suspects read it
	// ("identified as Juan Cruz and Maria Santos").
	var tb [8]token // a name's few words, and their matches, stay on the stack
	var found [4]match
	toks := appendTokens(tb[:0], name)
	titled := title != "" || role != ""
	for _, m := range r.x.gaz.appendFind(found[:0], toks, entAgency, entPlace, entPlatform, entGroup, entDemonym) {
		if m.Entries[0].Kind != entPlace {
			return
		}
		if m.I == 0 && (!titled && !suspectRule(r.rule) || m.J == len(toks)) {
			return // (a first name that is a place after a title or in a list of suspects goes on: "Admiral Orlando Vargas", "identified as Goparam, Milan Kumar")
		}
		if m.I > 0 && !titled && !suspectRule(r.rule) {
			return
		}
	}
	r.dropPlacesInName(sf, name)
	for i := range r.out.People {
		p := &r.out.People[i]
		if len(name) > len(p.Name) && strings.HasPrefix(name, p.Name) {
			p.Name = name // "Ken McKern" where a pass read "Ken Mc"
		}
		if strings.EqualFold(lastField(p.Name), surname) && sameFirst(p.Name, name) || strings.HasPrefix(p.Name, name) {
			if p.Title == nil {
				p.Title = r.strp(title)
			}
			if p.Role == nil {
				p.Role = r.strp(role)
			}
			if p.Organisation == nil {
				p.Organisation = r.strp(org)
			}
			return
		}
	}
	r.out.People = append(r.out.People, Person{Name: name, Title: r.strp(title), Role: r.strp(role), Organisation: r.strp(org),
		Evidence: r.evidence(sf, 0.8)})
}

// sameFirst reports whether two names of one surname may name one person:
// one of them is the surname alone ("Malviya" after "Govind Malviya"), or
// their first words start alike ("Det. Insp. Varga" aside); "Firoj Mulla"
// and "Suraj Magabul Mulla" are two.
func sameFirst(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) < 2 || len(fb) < 2 {
		return true
	}
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	// "Al Mansouri" after "Khalil Ibrahim Al Mansouri": a surname of two words
	return fa[0][0] == fb[0][0] || slices.Equal(fa, fb[len(fb)-len(fa):])
}

// allCompass reports whether a name's words are all points of the compass:
// "South East" of "Director of Border Force South East" names a region.
func allCompass(words []string) bool {
	for _, w := range words {
		switch strings.ToLower(w) {
		case "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western":
		default:
			return false
		}
	}
	return true
}

// lastField is the last word of strings.Fields(s), found without splitting
// all of s, or "" where s has none.
func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
}

// finishPeople gives a prosecutor with no organisation the article's one
// prosecuting agency ("federal prosecutor Frédéric Van Leeuw").
func (r *run) finishPeople() {
	for i := range r.out.People {
		p := &r.out.People[i]
		if p.Organisation == nil {
			r.ofTheBody(p)
		}
		if p.Organisation == nil {
			r.roleNamesBody(p)
		}
		if p.Organisation != nil || p.Role == nil {
			continue
		}
		role := strings.ToLower(*p.Role)
		for _, head := range []string{"prosecutor", "customs", "sheriff", "attorney", "police"} {
			if !strings.Contains(role, head) {
				continue
			}
			var hits []string
			for _, a := range r.out.Agencies {
				// ("Commissioner of Police George Quallo" of the Jamaica Constabulary Force, a police force by the list)
				if e := r.x.gaz.byCanon(entAgency, a.Name); strings.Contains(strings.ToLower(a.Name), head) || e != nil && e.Sub == head {
					hits = append(hits, a.Name)
				}
			}
			if len(hits) == 1 {
				p.Organisation = r.strp(hits[0])
			}
		}
		// "the agency's spokesman", "the bureau's head of intelligence": the
		// one agency whose name ends with that noun.
		if p.Organisation == nil {
			if head, ok := possessiveHead(role); ok {
				p.Organisation = r.strp(r.agencyByHead(head))
			}
		}
	}
}

// roleNamesBody gives person p the one agency its role names by a name
// or alias the article wrote: "NCA International Deputy Director",
// "special agent in charge of HSI in Arizona".
func (r *run) roleNamesBody(p *Person) {
	if p.Role == nil {
		return
	}
	found := ""
	for _, a := range r.out.Agencies {
		named := wordIn(*p.Role, a.Name)
		for _, alias := range a.Aliases {
			named = named || wordIn(*p.Role, alias)
		}
		if !named {
			continue
		}
		if found != "" {
			return // two bodies: which one is the person's, the role does not say
		}
		found = a.Name
	}
	if found != "" {
		p.Organisation = r.strp(found)
	}
}

// wordIn reports whether name stands in s as whole words, as written.
func wordIn(s, name string) bool {
	if name == "" {
		return false
	}
	for k := range indexesOf(s, name) {
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+len(name):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
	}
	return false
}

// titleCaseWords are small words a headline capitalises, never inside a name.
var titleCaseWords = wordSet("Of The And For In On At To With From By As Into Over")

// ofTheBody gives person p the body a role names by its head noun just
// before the name ("the spokesperson of the agency, Mr Femi Babafemi", "the
// acting Executive Chairman of the Commission, Ibrahim Magu"): the one
// agency of the article whose name ends with that noun. A role read as the
// noun alone becomes the words before "of the".
func (r *run) ofTheBody(p *Person) {
	for _, ev := range p.Evidence {
		at := strings.Index(ev.Sentence, p.Name)
		if at < 0 {
			continue
		}
		before := tail(ev.Sentence[:at], 100)
		if !strings.Contains(before, " of the ") && !strings.Contains(before, " of The ") && !strings.Contains(before, " Of The ") {
			continue // (a cheap test before the pattern)
		}
		m := ofTheBodyRe.FindStringSubmatch(before)
		if m == nil {
			continue
		}
		org := r.agencyByHead(strings.ToLower(m[2]))
		if org == "" {
			return
		}
		p.Organisation = r.strp(org)
		if p.Role == nil || strings.EqualFold(*p.Role, m[2]) || strings.HasSuffix(strings.ToLower(*p.Role), " of the "+strings.ToLower(m[2])) {
			role := strings.TrimSpace(m[1])
			if k := strings.LastIndex(strings.ToLower(role), "the "); k >= 0 && (k == 0 || role[k-1] == ' ') {
				role = role[k+len("the "):] // "a statement by the spokesperson": the role is after the last article
			}
			p.Role = r.strp(role)
		}
		return
	}
}

// ofTheBodyRe reads "ROLE of the HEAD, (Mr)" before a name.
var ofTheBodyRe = regexp.MustCompile(`(?i)\b(?:the\s+)?((?:[\w-]+\s+){1,4}?)of\s+the\s+(commission|agency|bureau|service|authority|directorate|command|unit|squad|force|department|office|ministry)\s*,\s*(?:(?:mr|mrs|ms|dr|alhaji)\.?\s+)?$`)

// personCueWords are the lower-cased words one of the person patterns needs.
var personCueWords = wordSet(`superintendent inspector sergeant constable commissioner commander director chief executive
	agent attorney prosecutor minister secretary sheriff head spokesperson spokesman spokeswoman officer captain colonel
	chairman chairwoman chairperson administrator corporal cpl undersecretary comptroller
	general major lieutenant governor mayor coordinator manager investigator dame sir lord lady dr mr mrs ms prof gen col
	capt lt maj brig rev detective det`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// The cue sets a sentence's words are looked up in once: sentenceFacts.cues
// has a set's bit where one of its tokens, lower-cased, is in the set.
const (
	cueArrest uint16 = 1 << iota
	cueSeize
	cueValue
	cueModal
	cueOperation
	cueMonth
	cueYearLead
	cueRelativeDate
	cuePerson
	cueCodename   // a word that names: operations.rules need one (see mayNameOperation)
	cuePeopleRule // a word people.rules need one of (see findRulePeople)
	cueContext    // a word of contextPhrases (see isContext)
	cueAction     // a word of actionWords, or the first of an actionPhrases' (see tellsOfAction)
	cueSay        // a verb of saying (sayVerbs; see quotedPerson)
	cueUnlisted   // a kind of platform or group (unlistedKindWords; see findUnlistedNamed)
)

// cueBits maps each cue word to the bits of its sets.
var cueBits = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, c := range []struct {
		bit uint16
		set map[string]bool
	}{{cueArrest, arrestCueWords}, {cueSeize, seizeCueWords}, {cueValue, valueCueWords}, {cueModal, modalWords},
		{cueOperation, operationCueWords}, {cueMonth, monthWords}, {cueYearLead, yearLeadWords},
		{cueRelativeDate, relativeDateWords}, {cuePerson, personCueWords}, {cueCodename, codenameCueWords}, {cuePeopleRule, peopleRuleCueWords}, {cueContext, contextCueWords},
		{cueAction, actionCueWords}, {cueSay, sayVerbs}, {cueUnlisted, unlistedKindWords}} {
		for w := range c.set {
			m[w] |= c.bit
		}
	}
	return m
}()

// dropPlacesInName drops the places read inside a person's name in the
// sentence ("Superintendent Ana Jordan", "Gen. Jose Santos"): a surname is
// no place there, though the article may name the place elsewhere.
func (r *run) dropPlacesInName(sf *sentenceFacts, name string) {
	for from := 0; ; {
		k := strings.Index(sf.s.Text[from:], name)
		if k < 0 {
			return
		}
		start, end := from+k, from+k+len(name)
		kept := sf.places[:0]
		for _, p := range sf.places {
			if p.Start >= start && p.End <= end && strings.Count(sf.s.Text, p.Surface) == strings.Count(sf.s.Text, name) {
				r.dropPlaceIfUnused(p.Name, sf)
				continue
			}
			kept = append(kept, p)
		}
		sf.places = kept
		from = end
	}
}

// possessiveHead reads a role that opens with an agency's head noun and a
// possessive ("agency's spokesman", "the task force's commander") and
// returns the noun.
func possessiveHead(role string) (string, bool) {
	role = strings.TrimPrefix(strings.ReplaceAll(role, "’", "'"), "the ")
	head, _, ok := strings.Cut(role, "'s ")
	if !ok || !anaphorHeads[head] && head != "task force" {
		return "", false
	}
	return head, true
}

// agencyByHead is the one agency of the article so far whose name ends with
// the head noun ("agency", "task force"), or "".
func (r *run) agencyByHead(head string) string {
	hit := ""
	for _, a := range r.out.Agencies {
		if endsWithHead(a.Name, head) {
			if hit != "" {
				return ""
			}
			hit = a.Name
		}
	}
	return hit
}
