package extract

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/loaders/extract/pattern"
)

var (
	// "Operation Pangea VIII", "Op Venetic", "Operation Ironside Phase 2".
	operationScan = newWordStartScan(`\b(?:Operation|OPERATION|Op\.?|Ops|Oplan|Operatie|Operación|Operação|Opération|Operazione|Operasi)\s+["“‘']?((?:[\p{Lu}0-9][\p{L}\p{N}_'’-]*)(?:\s+(?:[\p{Lu}0-9][\p{L}\p{N}_'’-]*|of|de|del))*)["”’']?`,
		func(s string, p int) bool {
			return s[p] == 'O' && p+1 < len(s) && (s[p+1] == 'p' || s[p+1] == 'P') && wordStart(s, p)
		})
	// "codenamed “Eternal”", "code-named 26Lemont", "dubbed Trojan Shield".
	codenameScan = newWordStartScan(`\b(?:codenamed|code-named|code named|dubbed|named|nicknamed|titled|entitled|called|known as)\s+["“‘']?((?:Operation\s+)?[\p{Lu}0-9][\p{L}\p{N}_'’-]*(?:\s+[\p{Lu}0-9][\p{L}\p{N}_'’-]*)*)["”’']?`,
		mayStartCodename)
	codenameStarts = newLitSet("codenamed", "code-named", "code named", "dubbed", "named", "nicknamed", "titled", "entitled", "called", "known as")
	// "Project Chrome".
	projectScan = newWordStartScan(`\bProject\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)`,
		func(s string, p int) bool {
			return s[p] == 'P' && strings.HasPrefix(s[p:], "Project") && wordStart(s, p)
		})
	// "County Lines Intensification Week", "National Week of Action".
	// weekScan runs only in sentences holding "Week" or "Day of Action".
	weekScan = newWordStartScan(`\b((?:[A-Z][\w-]*\s+){1,4}(?:Week(?:\s+of\s+Action)?|Day of Action))\b`,
		mayStartWeek)
	phaseRe = regexp.MustCompile(`^(.*?)\s+Phase\s+(\w+)$`)
	// Words of an operation cue: a codename must follow one of them closely.
	operationCue = regexp.MustCompile(`(?i)\b(operation|operations|investigation|investigations|probe|inquiry|crackdown|takedown|sting|raids?)\b[^.]{0,40}$`)
)

// projectPostWords after "Project" name a post on a project, not an operation.
var projectPostWords = wordSet("officer officers manager managers coordinator coordinators director directors lead leader leaders assistant associate consultant specialist analyst head team staff")

// codenameWords are codenameScan's cue words; codenameQuotes the quotes
// that may open the name.
var (
	codenameWords  = []string{"codenamed", "code-named", "code named", "dubbed", "named", "nicknamed", "titled", "entitled", "called", "known as"}
	codenameQuotes = []string{"\"", "“", "‘", "'"}
)

// mayStartCodename is a cheap test that codenameScan's pattern needs to
// pass at s[p]: a cue word starting a word, spaces, maybe a quote, and a
// capital or a digit. The spaces are read whole and the quote before
// none, as the pattern can take no other way: a space, or the quote
// itself, is no capital.
func mayStartCodename(s string, p int) bool {
	if !codenameStarts.at(s, p) || !wordStart(s, p) {
		return false
	}
	for _, c := range codenameWords {
		if !strings.HasPrefix(s[p:], c) {
			continue
		}
		q := p + len(c)
		w := skipSpaces(s, q)
		if w == q {
			continue
		}
		for _, quote := range codenameQuotes {
			if strings.HasPrefix(s[w:], quote) {
				w += len(quote)
				break
			}
		}
		if w < len(s) && (s[w] >= 'A' && s[w] <= 'Z' || s[w] >= '0' && s[w] <= '9') {
			return true
		}
	}
	return false
}

// mayStartWeek is a cheap test that weekScan's pattern needs to pass at
// s[p]: a capital starting a word, and "Week" or "Day of Action" after one
// to four words of [A-Z][\w-]* each followed by spaces (each run read
// whole, as the next part cannot start with what it holds).
func mayStartWeek(s string, p int) bool {
	if s[p] < 'A' || s[p] > 'Z' || !wordStart(s, p) {
		return false
	}
	for k, q := 0, p; k < 4; k++ {
		if q >= len(s) || s[q] < 'A' || s[q] > 'Z' {
			return false
		}
		e := q + 1
		for e < len(s) && (isWordASCII(s[e]) || s[e] == '-') {
			e++
		}
		w := skipSpaces(s, e)
		if w == e {
			return false
		}
		if strings.HasPrefix(s[w:], "Week") || strings.HasPrefix(s[w:], "Day of Action") {
			return true
		}
		q = w
	}
	return false
}

// findOperations finds named operations in a sentence.
// policingWeek reports whether a week's or day's name says it is one of
// enforcement: "Week of Action", "County Lines Intensification Week",
// "Operation Sceptre knife crime week".
func policingWeek(name string) bool {
	low := strings.ToLower(name)
	for _, w := range []string{"action", "intensification", "enforcement", "crackdown", "county lines", "police", "policing",
		"operation", "knife", "crime", "drug", "weapon", "firearm", "speed", "road safety", "scam", "fraud", "exploitation", "trafficking", "border"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// andWordAfter returns the length of " and " and one capitalised word
// after byte pos of sf, where they end a codename ("Operation Shield and
// Sword last week"): the word ends the name (a lower-case word, a stop or
// the end follow) and names no body or place of its own. 0 where not.
func andWordAfter(sf *sentenceFacts, pos int) int {
	text := sf.s.Text
	if !strings.HasPrefix(text[pos:], " and ") {
		return 0
	}
	ws := pos + len(" and ")
	we := ws
	for we < len(text) && isLetterByte(text[we]) {
		we++
	}
	if we == ws || !isCapitalised(text[ws:we]) || notCodenameWords[strings.ToLower(text[ws:we])] || personNouns[strings.ToLower(text[ws:we])] ||
		overlapsMention(sf.agencies, ws, we) || overlapsMention(sf.places, ws, we) || overlapsMention(sf.platforms, ws, we) {
		return 0
	}
	if rest := text[we:]; rest != "" && rest[0] == ' ' && len(rest) > 1 && !(rest[1] >= 'a' && rest[1] <= 'z') {
		return 0 // "Operation Shield and Sword Fish", "and Europol's": not the name's end
	}
	return we - pos
}

// notCodenameStart are words a headline in title case puts after
// "Operation" that start no codename.
var notCodenameStart = wordSet("ever yet now today against for in on of to with by at from into leads lead nets net targets " +
	"results result yields nabs seizes arrests busts continues underway launched begins ends")

// notCodenameWords are capitalised words after "and" that start a clause
// or name a body, not a codename's last word.
var notCodenameWords = wordSet("operation project police customs officers detectives agents authorities investigators " +
	"the it they he she we this that these those there in on at during")

func (r *run) findOperations(sf *sentenceFacts) {
	r.rule = "operation.word"
	text := sf.s.Text
	add := func(name, alias string, start, end int) {
		name = strings.TrimSpace(strings.Trim(name, "\"“”‘’'"))
		if n, ok := strings.CutSuffix(name, "'s"); ok {
			name, end = n, end-2 // "Operation Trident's third phase"
		} else if n, ok := strings.CutSuffix(name, "’s"); ok {
			name, end = n, end-len("’s")
		}
		name = strings.TrimPrefix(name, "Operation ")
		if rest, ok := strings.CutPrefix(name, "Project "); ok && rest != "" && alias == "" {
			name, alias = rest, name // "Project Chrome" is named Chrome, alias Project Chrome
		}
		if name == "" || overlapsMention(sf.operations, start, end) || namesProgramme(sf.low[min(end, len(sf.low)):]) {
			return // (no operation: "Project Safe Neighborhoods, a Justice Department program")
		}
		low := strings.ToLower(name)
		for _, bad := range []string{"the", "a", "an", "this", "that", "was", "is", "has", "led"} {
			if low == bad {
				return
			}
		}
		if first, _, _ := strings.Cut(low, " "); notCodenameStart[first] {
			return // a headline's words after "Operation": "Sting Operation Ever", "Operation Leads to 85 Arrests"
		}
		if n := len(sf.operations); n > 0 && sf.operations[n-1].End <= start && strings.TrimSpace(text[sf.operations[n-1].End:start]) == "(" &&
			strings.HasPrefix(strings.TrimLeft(text[min(end, len(text)):], " "), ")") {
			// "Ops Tapis 3 (Operation Filter 3)": the same operation, translated.
			prev := sf.operations[n-1].Name
			if k, ok := r.opIdx[strings.ToLower(prev)]; ok && !strings.EqualFold(name, prev) {
				r.addOperation(sf, prev, name)
				r.opIdx[strings.ToLower(name)] = k
				sf.operations = append(sf.operations, mention{Name: prev, Surface: text[start:end], Start: start, End: end})
				return
			}
		}
		sf.operations = append(sf.operations, mention{Name: name, Surface: text[start:end], Start: start, End: end})
		r.addOperation(sf, name, alias)
		if k, ok := r.opIdx[strings.ToLower(name)]; ok {
			sf.operations[len(sf.operations)-1].Name = *r.out.Operations[k].Name // "Pangea" of "Pangea XIV"
		}
	}
	if sf.cues&cueOperation == 0 {
		return
	}
	for _, m := range operationScan.findAllAt(text, sf.starts) {
		name := trimTrailingStopWords(text[m[2]:m[3]])
		end := m[0] + len(text[m[0]:m[2]]) + len(name)
		if n := andWordAfter(sf, end); n > 0 {
			name, end = text[m[2]:end+n], end+n // "Operation Shield and Sword"
		}
		add(name, "", m[0], end)
	}
	r.rule = "operation.dubbed"
	for _, m := range codenameScan.findAllAt(text, sf.starts) {
		if !operationCue.MatchString(tail(text[:m[0]], 60)) || overlapsMention(sf.agencies, m[2], m[3]) {
			continue // ("the investigation, called RCMP called Operation Barcode": a body is no codename)
		}
		add(trimTrailingStopWords(text[m[2]:m[3]]), "", m[2], m[3])
	}
	r.rule = "operation.project"
	for _, m := range projectScan.findAllAt(text, sf.starts) {
		if first, _, _ := strings.Cut(text[m[2]:m[3]], " "); projectPostWords[strings.ToLower(first)] {
			continue // "Project Officer", "Project Manager": a post, not an operation's name
		}
		add(text[m[2]:m[3]], "Project "+text[m[2]:m[3]], m[0], m[1])
	}
	if set := r.x.rules.byKind["operations"]; set != nil && mayNameOperation(sf) {
		toks := r.ruleTokens(sf)
		set.Match(toks, func(m pattern.Match) bool {
			for _, capture := range [...]string{"name", "name2"} { // name2: "operations 'Linked' and 'Ecolinked'"
				s, e, ok := m.Capture(capture)
				if !ok || e <= s {
					continue
				}
				start, end := toks[s].Start, toks[e-1].End
				if overlapsMention(sf.agencies, start, end) {
					return true // a body is no codename
				}
				if m.Rule == "op.pair" && r.placeNamed(sf, start, end) {
					return true // "the operations Spain and Portugal ran": where, not which
				}
				alias := ""
				if as, ae, ok := m.Capture("alias"); ok && ae > as && capture == "name" {
					alias = text[toks[as].Start:toks[ae-1].End]
				}
				n := len(sf.operations)
				add(trimTrailingStopWords(text[start:end]), alias, start, end)
				if len(sf.operations) > n {
					op := &r.out.Operations[r.opIdx[strings.ToLower(sf.operations[n].Name)]]
					op.Evidence[len(op.Evidence)-1].Rule = m.Rule
					op.Evidence[len(op.Evidence)-1].Confidence = confidenceOf(m.Rule)
				}
			}
			return true
		})
	}
	var weeks [][]int
	if strings.Contains(text, "Week") || strings.Contains(text, "Day of Action") {
		weeks = weekScan.findAllAt(text, sf.starts)
	}
	r.rule = "operation.week"
	for _, m := range weeks {
		name := text[m[2]:m[3]]
		for strings.HasPrefix(name, "The ") || strings.HasPrefix(name, "During ") || strings.HasPrefix(name, "This ") {
			name = name[strings.IndexByte(name, ' ')+1:]
		}
		if len(strings.Fields(name)) < 2 {
			continue
		}
		start := m[3] - len(name)
		// An agency named before the week is its organiser, not part of its name.
		for _, a := range sf.agencies {
			if a.Start < m[3] && a.End > start {
				start = a.End
			}
		}
		if start >= m[3] {
			continue // the "Week" is inside an agency's name
		}
		name = strings.TrimSpace(text[start:m[3]])
		if len(strings.Fields(name)) < 2 || !policingWeek(name) {
			continue // "London Fashion Week", "Mental Health Awareness Week": no operation
		}
		add(name, "", start, m[3])
	}
}

// trimTrailingStopWords drops capitalised words that end a sentence-initial
// run but are not part of a name ("Operation Brewer Police" stays; "Eternal The" goes).
func trimTrailingStopWords(name string) string {
	words := strings.Fields(name)
	for len(words) > 1 {
		last := words[len(words)-1]
		if last == "of" || last == "de" || last == "del" || last == "The" || last == "A" || last == "In" || last == "On" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

func (r *run) addOperation(sf *sentenceFacts, name, alias string) {
	key := strings.ToLower(name)
	idx, ok := r.opIdx[key]
	if !ok {
		idx, ok = r.sameOperation(name)
	}
	if !ok {
		idx = len(r.out.Operations)
		r.opIdx[key] = idx
		n := name
		r.out.Operations = append(r.out.Operations, Operation{Name: &n})
		if m := phaseRe.FindStringSubmatch(name); m != nil {
			base := m[1]
			r.out.Operations[idx].PartOf = &base
		}
	}
	op := &r.out.Operations[idx]
	if alias != "" && !contains(op.Aliases, alias) {
		op.Aliases = append(op.Aliases, alias)
	}
	op.Evidence = append(op.Evidence, r.span(sf, 0.9))
}

// operationParts reads which operation is part of another where a
// sentence names both: "Operation Sunbird, a sub-operation of Operation
// Pangea XVI", "Operation Eternal, part of Operation Venetic"; or "As part
// of Operation Venetic, the Met's Operation Eternal ...".
func (r *run) operationParts() {
	for _, sf := range r.sents {
		for k := 0; k+1 < len(sf.operations); k++ {
			a, b := sf.operations[k], sf.operations[k+1]
			if a.Name == b.Name || b.Start < a.End || b.Start-a.End > 60 { // (one name inside another's: no words between)
				continue
			}
			part, whole := "", ""
			switch between := sf.low[a.End:b.Start]; {
			case partOfWords.MatchString(between):
				part, whole = a.Name, b.Name
			case strings.Contains(between, ",") && partOfLead.MatchString(tail(sf.low[:a.Start], 20)):
				part, whole = b.Name, a.Name
			default:
				continue
			}
			op := &r.out.Operations[r.opIdx[strings.ToLower(part)]]
			if op.PartOf == nil {
				w := whole
				op.PartOf = &w
			}
		}
	}
}

// partOfWords, between two operations, make the first part of the second;
// partOfLead, before the first, make the second part of the first.
var (
	partOfWords = regexp.MustCompile(`\b(?:part of|sub-operation of|suboperation of|strand of|phase of|arm of|branch of|under|umbrella of|within)\b`)
	partOfLead  = regexp.MustCompile(`(?:part of|under|within)(?: the)?\s*$`)
)

// relateOperations gives each operation its agencies, targets and places:
// those named in the sentences that name it, and for the article's only
// operation, the article's only platform.
func (r *run) relateOperations() {
	r.operationParts()
	topLevel := 0
	for _, op := range r.out.Operations {
		if op.PartOf == nil {
			topLevel++
		}
	}
	for _, sf := range r.sents {
		for _, om := range sf.operations {
			op := &r.out.Operations[r.opIdx[strings.ToLower(om.Name)]]
			if !op.EventDate.fromText() {
				if d := r.eventDate(sf, om.Start); d.fromText() || op.EventDate.Source == nil {
					op.EventDate = d
				}
			}
			r.noteRoles(op, sf, om)
			for _, a := range r.operationAgencies(sf, om) {
				if !contains(op.Agencies, a) {
					op.Agencies = append(op.Agencies, a)
				}
			}
			op.addTargetsAndPlaces(sf)
		}
	}
	r.helpersAfter()
	r.agenciesInvolved()
	if topLevel == 1 && len(r.out.Platforms) == 1 {
		for i := range r.out.Operations {
			op := &r.out.Operations[i]
			if op.PartOf == nil && len(op.Targets) == 0 {
				op.Targets = []string{r.out.Platforms[0].Name}
			}
		}
	}
	// In an article about one operation, a group named after a word of
	// targeting is its target: "executed the arrests and seizures against
	// 'Ndrangheta".
	if op := r.onlyOperation(); op != nil {
		for i, sf := range r.sents {
			if r.inSeparateEvent(i) {
				continue
			}
			for _, g := range slices.Concat(sf.groups, sf.platforms) {
				if (targetedBefore(sf.low[:g.Start]) || targetedListBefore(tail(sf.low[:g.Start], 120))) && !contains(op.Targets, g.Name) {
					op.Targets = append(op.Targets, g.Name)
				}
			}
		}
	}
	// An operation whose sentences name no agency was run by the agency the
	// text was speaking of just before it first names the operation.
	for i := range r.out.Operations {
		op := &r.out.Operations[i]
		if op.PartOf != nil || len(op.Agencies) > 0 || op.Name == nil {
			continue
		}
		if a := r.agencyBefore(strings.ToLower(*op.Name)); a != "" {
			op.Agencies = []string{a}
		}
	}
	// A phase's parent exists as an operation of its own.
	for _, op := range r.out.Operations {
		if op.PartOf != nil {
			if _, ok := r.opIdx[strings.ToLower(*op.PartOf)]; !ok {
				n := *op.PartOf
				r.opIdx[strings.ToLower(n)] = len(r.out.Operations)
				r.out.Operations = append(r.out.Operations, Operation{Name: &n, Evidence: op.Evidence})
			}
		}
	}
}

// agenciesInvolved gives the article's one operation the agencies of a
// sentence that lists those who took part in the work ("In addition to
// the DEA and ATF, other agencies involved in the investigation include
// the Postal Inspection Service, Searcy police and the sheriff's
// office"), wherever the sentence stands.
func (r *run) agenciesInvolved() {
	op := r.onlyOperation()
	if op == nil {
		return
	}
	for i, sf := range r.sents {
		if len(sf.agencies) == 0 || len(sf.operations) > 0 || r.inSeparateEvent(i) || !strings.Contains(sf.low, "includ") {
			continue
		}
		k := strings.LastIndex(sf.low, "includ")
		if !partnersInclude(sf.low[:k+len("includ")]) || !strings.Contains(sf.low[:k], "investigation") && !strings.Contains(sf.low[:k], "operation") {
			continue
		}
		for _, a := range sf.agencies {
			if endsWithPhrase(sf.low[:a.Start], fundPhrases) || isCourt(a.Name) || contains(op.Agencies, a.Name) {
				continue
			}
			op.Agencies = append(op.Agencies, a.Name)
		}
	}
}

// helpersAfter gives an operation the agencies that helped in a sentence
// right after one naming it, where that sentence names no operation:
// "... dubbed Project Quill. The seizure was made with assistance from
// the Border Agency and Frontex." (funders and those reporting aside).
func (r *run) helpersAfter() {
	for i, sf := range r.sents {
		if len(sf.operations) > 0 || len(sf.agencies) == 0 {
			continue
		}
		var op *Operation
		for j := i - 1; j >= 0 && j >= i-2 && op == nil; j-- {
			if ops := r.sents[j].operations; len(ops) == 1 {
				op = &r.out.Operations[r.opIdx[strings.ToLower(ops[0].Name)]]
			} else if len(ops) > 1 {
				break // which one, the text does not say
			}
		}
		if op == nil || op.PartOf != nil {
			continue
		}
		for _, a := range sf.agencies {
			if endsWithPhrase(sf.low[:a.Start], fundPhrases) || saysSo(sf, a) {
				continue
			}
			if ranIt := ranTheOperation(sf, a); ranIt || r.supportsOnly(sf, a) {
				if !contains(op.Agencies, a.Name) {
					op.Agencies = append(op.Agencies, a.Name)
				}
				if !ranIt {
					op.noteRole(a.Name, graph.RoleSupported, r.span(sf, 0.7))
				}
			}
		}
	}
}

// ranTheOperation reports whether a sentence that opens on the operation
// named just before ("The operation", "The investigation") says agency a
// ran or directed it: "was carried out by the X", "under the direction of
// the Y".
func ranTheOperation(sf *sentenceFacts, a mention) bool {
	opens := false
	for _, w := range []string{"the operation ", "this operation ", "the investigation ", "this investigation ", "the probe ", "the raid ", "the raids "} {
		opens = opens || strings.HasPrefix(sf.low, w)
	}
	if !opens {
		return false
	}
	before := sf.low[:a.Start]
	if strings.Contains(before, " said") || strings.Contains(before, " says") {
		return false
	}
	if endsWithPhrase(before, ranPhrases) {
		return true
	}
	// the next of a list after one: "carried out by the A and the B"
	if !endsWithPhrase(before, []string{"and", ","}) {
		return false
	}
	for _, p := range ranPhrases {
		if strings.Contains(before, p) {
			return true
		}
	}
	return false
}

// ranPhrases, before an agency, say it ran or directed the work.
var ranPhrases = []string{"carried out by", "conducted by", "led by", "run by", "executed by", "undertaken by",
	"direction of", "supervision of"}

// operationAgencies are the agencies a sentence says ran an operation:
// all agencies it names, but those that only assisted.
func (r *run) operationAgencies(sf *sentenceFacts, om mention) []string {
	var out []string
	for _, a := range sf.agencies {
		before := strings.ToLower(sf.s.Text[max(0, a.Start-40):a.Start])
		if strings.Contains(before, "assisted by") || strings.Contains(before, "with the help of") || strings.Contains(before, "supported by") ||
			endsWithPhrase(sf.low[:a.Start], fundPhrases) || saysSo(sf, a) {
			continue // helped, paid, or only reported it ("..., the Defence Ministry has reported")
		}
		out = append(out, a.Name)
	}
	return out
}

// operationFor returns the operation a fact in sentence i belongs to: one
// named in the sentence, else the only operation its agency runs, else the
// article's only operation.
func (r *run) operationFor(i int, agency string) string {
	sf := r.sents[i]
	if len(sf.operations) > 0 {
		// "As part of Operation Venetic, the Met's Operation Eternal led
		// to 171 arrests": the part, where the sentence names its whole.
		for _, o := range sf.operations[1:] {
			if k, ok := r.opIdx[strings.ToLower(o.Name)]; ok && r.out.Operations[k].PartOf != nil &&
				strings.EqualFold(*r.out.Operations[k].PartOf, sf.operations[0].Name) {
				return o.Name
			}
		}
		return sf.operations[0].Name
	}
	if r.inSeparateEvent(i) {
		return "" // "In a separate case, ...": not the operation of the article
	}
	var ofAgency, named []string
	owned := false
	for _, op := range r.out.Operations {
		if op.Name == nil {
			continue
		}
		if op.PartOf != nil {
			continue // a phase is named where the text means it
		}
		named = append(named, *op.Name)
		owned = r.ownedOperation(&op)
		if agency != "" && contains(op.Agencies, agency) {
			ofAgency = append(ofAgency, *op.Name)
		}
	}
	if len(ofAgency) == 1 {
		return ofAgency[0]
	}
	if len(named) == 1 && (agency == "" || !owned && !r.isHistoric(sf)) {
		// An article about one operation: its figures are the operation's,
		// unless another agency than the operation's made them, or the
		// sentence looks back.
		return named[0]
	}
	if len(named) > 1 && len(ofAgency) == 0 && !r.isHistoric(sf) {
		// Several named: the one in focus, the last named in the sentences
		// before ("Operation Quill began in May. ... 12 kg were seized").
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if ops := r.sents[j].operations; len(ops) > 0 {
				return ops[len(ops)-1].Name
			}
		}
	}
	return ""
}

// --- dates ---

var dateLayout = []string{"2 January 2006", "January 2 2006", "2 Jan 2006", "Jan 2 2006", "January 2006"}

// The words of the relative dates, in the order they are tried (see matchRelDate).
var (
	relDateSoon  = []string{"earlier this ", "later this "}
	relDateUnits = []string{"week", "month", "year"}
	relDateNear  = []string{"last ", "this ", "next "}
	relDateSpans = []string{"week", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
		"sunday", "weekend", "morning", "afternoon"}
	relDateWhole = newWordAlts("yesterday", "today", "this morning")
	relDateDays  = newWordAlts("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)

// findRelDatesAt finds the relative dates in s ("last week", "earlier this
// year", "yesterday", "on Monday"; see matchRelDate), given the offsets
// where its words start (see wordStartsOf) and their scanner bits (or nil).
func findRelDatesAt(s string, starts []int32, bits []uint8) [][]int {
	return matchAtWordStarts(s, starts, bits, scanRelDate, &relDateLead, spanTo(matchRelDate))
}

// relDateLead holds the letters a relative date starts with, in either case.
var relDateLead = letterSet("eltnyo")

// absDateMonths are the months an absolute date names, in the order they
// are tried: a long name before its short one.
var absDateMonths = strings.Fields(`January February March April May June July August September October November December
	Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`)

// absDateLeads are the words before a year in an absolute date ("in 2019").
var absDateLeads = []string{"in", "since", "during", "until", "by"}

// monthsByLead holds absDateMonths by their first letter, in their order;
// absDateLead the first characters of every form of an absolute date: a
// digit, a month, a word before a year.
var monthsByLead, absDateLead = func() (months [256][]string, all [256]bool) {
	for _, m := range absDateMonths {
		months[m[0]] = append(months[m[0]], m)
		all[m[0]] = true
	}
	for _, c := range []byte("0123456789isdubISDUB") {
		all[c] = true
	}
	return months, all
}()

// findAbsDatesAt finds the absolute dates in s ("8 February 2021", "June
// 8, 2021", "in 2019", "May 2020"; see matchAbsDate), given the offsets
// where its words start (see wordStartsOf) and their scanner bits (or nil).
func findAbsDatesAt(s string, starts []int32, bits []uint8) [][]int {
	return matchAtWordStarts(s, starts, bits, scanAbsDate, &absDateLead, spanTo(matchAbsDate))
}

// matchAbsDate reads an absolute date at s[p], the start of a word, and
// returns its end, or -1. Months are absDateMonths as written, each maybe
// with a dot; the forms, tried in this order, are: one or two digits,
// spaces, a month, maybe spaces and a four-digit year ("8 Feb. 2021");
// a month, spaces, one or two digits, maybe st/nd/rd/th, maybe a comma,
// spaces and a year ("June 8th, 2021"); one of absDateLeads, spaces and a
// year ("in 2019", "In 2019"); a month, spaces and a year ("May 2020"). Within each,
// greedy parts are tried longest first and a month's dot before none; the
// first way that ends where \b holds (a word character on one side only)
// is the date. A run of spaces is read whole, since no part after
// one starts with a space.
func matchAbsDate(s string, p int) int {
	isDigit := func(q int) bool { return q < len(s) && s[q] >= '0' && s[q] <= '9' }
	year := func(q int) bool { return isDigit(q) && isDigit(q+1) && isDigit(q+2) && isDigit(q+3) }
	boundary := func(e int) bool { return (e > 0 && isWordASCII(s[e-1])) != (e < len(s) && isWordASCII(s[e])) }
	// spacedYear is the end of \s+\d{4} at q where \b holds after it, or -1.
	spacedYear := func(q int) int {
		if w := skipSpaces(s, q); w > q && year(w) && boundary(w+4) {
			return w + 4
		}
		return -1
	}
	// yearOrEnd is the end of spacedYear at q, else q where \b holds, or -1.
	yearOrEnd := func(q int) int {
		if end := spacedYear(q); end >= 0 {
			return end
		}
		if boundary(q) {
			return q
		}
		return -1
	}
	// months calls try with the end of each month (and its dot) at q, in
	// order, until it returns a match's end.
	months := func(q int, try func(e int) int) int {
		if q >= len(s) {
			return -1
		}
		for _, m := range monthsByLead[s[q]] {
			if !strings.HasPrefix(s[q:], m) {
				continue
			}
			e := q + len(m)
			if e < len(s) && s[e] == '.' {
				if end := try(e + 1); end >= 0 {
					return end
				}
			}
			if end := try(e); end >= 0 {
				return end
			}
		}
		return -1
	}
	digits := 0 // \d{1,2}: the longest first
	for digits < 2 && isDigit(p+digits) {
		digits++
	}
	// \d{1,2}\s+MONTH(?:\s+\d{4})?
	for n := digits; n >= 1; n-- {
		w := skipSpaces(s, p+n)
		if w == p+n {
			continue
		}
		if end := months(w, yearOrEnd); end >= 0 {
			return end
		}
	}
	// MONTH\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?
	if end := months(p, func(e int) int {
		w := skipSpaces(s, e)
		if w == e {
			return -1
		}
		n := 0
		for n < 2 && isDigit(w+n) {
			n++
		}
		for ; n >= 1; n-- {
			d := w + n
			ends := [2]int{-1, d}
			if d+2 <= len(s) && (s[d:d+2] == "st" || s[d:d+2] == "nd" || s[d:d+2] == "rd" || s[d:d+2] == "th") {
				ends[0] = d + 2
			}
			for _, t := range ends {
				if t < 0 {
					continue
				}
				if t < len(s) && s[t] == ',' {
					if end := spacedYear(t + 1); end >= 0 {
						return end
					}
				}
				if end := yearOrEnd(t); end >= 0 {
					return end
				}
			}
		}
		return -1
	}); end >= 0 {
		return end
	}
	// (?:in|since|during|until|by)\s+\d{4}
	for _, w := range absDateLeads {
		if hasPrefixFold(s[p:], w) { // "In 2022" opens a sentence
			if end := spacedYear(p + len(w)); end >= 0 {
				return end
			}
		}
	}
	// MONTH\s+\d{4}
	return months(p, spacedYear)
}

// matchRelDate reads a relative date at s[p], the start of a word, in any
// ASCII case, trying in order: "earlier/later this" and a unit, "last/this/
// next" and a span (both may end inside a word: "last weekly" reads "last
// week"), "yesterday", "today" or "this morning" as whole words, "on" and a
// weekday as a whole word. It returns the date's end, or -1.
func matchRelDate(s string, p int) int {
	prefixThen := func(firsts, seconds []string) int {
		for _, f := range firsts {
			if !hasPrefixFold(s[p:], f) {
				continue
			}
			q := p + len(f)
			for _, w := range seconds {
				if hasPrefixFold(s[q:], w) {
					return q + len(w)
				}
			}
		}
		return -1
	}
	if e := prefixThen(relDateSoon, relDateUnits); e >= 0 {
		return e
	}
	if e := prefixThen(relDateNear, relDateSpans); e >= 0 {
		return e
	}
	if e := wordAltAt(s, p, relDateWhole); e >= 0 {
		return e
	}
	if hasPrefixFold(s[p:], "on ") {
		return wordAltAt(s, p+len("on "), relDateDays)
	}
	return -1
}

func (r *run) findDates(sf *sentenceFacts) {
	r.rule = "date.phrase"
	text := sf.s.Text
	var found [2][][]int
	if sf.cues&cueMonth != 0 || sf.cues&cueYearLead != 0 {
		found[0] = findAbsDatesAt(text, sf.starts, sf.startBits)
	}
	if sf.cues&cueRelativeDate != 0 {
		found[1] = findRelDatesAt(text, sf.starts, sf.startBits)
	}
	for _, locs := range found {
		for _, loc := range locs {
			phrase := text[loc[0]:loc[1]]
			sf.dates = append(sf.dates, mention{Name: phrase, Start: loc[0], End: loc[1]})
			r.out.Dates = append(r.out.Dates, Date{Text: phrase, ISO: r.isoDate(phrase), Evidence: r.evidence(sf, 0.7)})
		}
	}
}

// shortMonths are the months' names as time.Parse reads "Jan"; each long
// name starts with its short one.
var shortMonths = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// startsWithMonth reports whether p starts with a month's short name in
// either ASCII case, as a layout opening with "Jan" or "January" needs.
func startsWithMonth(p string) bool {
	for _, m := range shortMonths {
		if hasPrefixFold(p, m) {
			return true
		}
	}
	return false
}

// dateCleaner drops what time.Parse cannot read from a date phrase: commas,
// ordinal suffixes, dots.
var dateCleaner = strings.NewReplacer(",", "", "st ", " ", "nd ", " ", "rd ", " ", "th ", " ", ".", "")

// isoDate fixes a date phrase where the text (or, for a day and month, the
// publication year) allows.
func (r *run) isoDate(phrase string) *string {
	p := phrase // as dateCleaner leaves a phrase with none of its strings, with no copy
	if strings.ContainsAny(phrase, ",.") || strings.Contains(phrase, "st ") || strings.Contains(phrase, "nd ") ||
		strings.Contains(phrase, "rd ") || strings.Contains(phrase, "th ") {
		p = dateCleaner.Replace(phrase)
	}
	for _, w := range []string{"in ", "since ", "during ", "until ", "by "} {
		if hasPrefixFold(p, w) { // "In 2022" opens a sentence
			y := strings.TrimLeft(p[len(w):], " ")
			return &y
		}
	}
	// A layout opening with the day needs a digit first, one opening with
	// the month a letter: skip those that cannot fit before time.Parse
	// makes an error to say so.
	// One opening with the month needs a month's short name first, as
	// time.Parse matches it: in either case.
	dayFirst := p != "" && p[0] >= '0' && p[0] <= '9'
	monthFirst := startsWithMonth(p)
	for _, l := range dateLayout {
		if p == "" || (l[0] == '2') != dayFirst || !dayFirst && !monthFirst {
			continue
		}
		if t, err := time.Parse(l, p); err == nil {
			s := t.Format("2006-01-02")
			if l == "January 2006" {
				s = t.Format("2006-01")
			}
			return &s
		}
	}
	if !r.pubDone {
		r.pub, r.pubErr = time.Parse("2006-01-02", r.doc.Published)
		r.pubDone = true
	}
	pub := r.pub
	if r.pubErr != nil {
		return nil
	}
	for _, l := range []string{"2 January", "January 2", "2 Jan", "Jan 2"} {
		if p == "" || (l[0] == '2') != dayFirst || !dayFirst && !monthFirst {
			continue
		}
		if t, err := time.Parse(l, p); err == nil {
			t = t.AddDate(pub.Year(), 0, 0)
			if t.After(pub) {
				t = t.AddDate(-1, 0, 0)
			}
			s := t.Format("2006-01-02")
			return &s
		}
	}
	switch strings.ToLower(phrase) {
	case "today", "this morning":
		s := pub.Format("2006-01-02")
		return &s
	case "yesterday":
		s := pub.AddDate(0, 0, -1).Format("2006-01-02")
		return &s
	case "last month":
		s := time.Date(pub.Year(), pub.Month()-1, 1, 0, 0, 0, 0, time.UTC).Format("2006-01") // 31 March: February
		return &s
	case "earlier this month", "this month":
		s := pub.Format("2006-01")
		return &s
	case "last year":
		s := pub.AddDate(-1, 0, 0).Format("2006")
		return &s
	}
	return nil
}

// Cue words that gate the costlier patterns.
var (
	operationCueWords = wordSet("operation operations op ops oplan titled entitled operatie operación operação opération operazione operasi codenamed code named dubbed called known project week action strike part")
	monthWords        = wordSet("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec")
	yearLeadWords     = wordSet("in since during until by")
	relativeDateWords = wordSet("earlier later last this next yesterday today on")
)

// agencyBefore is the agency named in its own right nearest before the
// first sentence that names the operation key (up to four sentences back).
func (r *run) agencyBefore(key string) string {
	for i, sf := range r.sents {
		for _, om := range sf.operations {
			if strings.ToLower(om.Name) != key {
				continue
			}
			for j := i; j >= 0 && j >= i-4; j-- {
				if a := r.lastOwnAgency(j); a != "" && !r.onlyAssisting(r.sents[j], a) {
					return a
				}
			}
			return ""
		}
	}
	return ""
}

// onlyAssisting reports whether every mention of agency a in sf is as a helper
// ("supported by the North West ROCU").
func (r *run) onlyAssisting(sf *sentenceFacts, a string) bool {
	for _, m := range sf.agencies {
		if m.Name != a {
			continue
		}
		before := strings.ToLower(tail(sf.s.Text[:m.Start], 40))
		if !strings.Contains(before, "assisted by") && !strings.Contains(before, "with the help of") && !strings.Contains(before, "supported by") {
			return false
		}
	}
	return true
}

// mayNameOperation is a cheap test operations.rules need to pass: a word
// that names ("dubbed", "code named", "known as"), a quote, or "strike force".
func mayNameOperation(sf *sentenceFacts) bool {
	t := sf.s.Text
	return sf.cues&cueCodename != 0 || strings.IndexByte(t, '"') >= 0 || strings.Contains(t, "“") || strings.Contains(t, "‘") ||
		strings.Contains(t, "Action (") || // "European Money Mule Action (EMMA 6)"
		strings.Contains(t, " action day") || // "the Tempest-2 action day"
		strings.Contains(t, "perations ") // "operations 'Linked' and 'Ecolinked'"
}

var codenameCueWords = wordSet("dubbed named nicknamed titled entitled codenamed called known strike part")

// sameOperation finds an operation already named that name names too, one
// of them with the other's number after it: "Operation Pangea" in an
// article about "Pangea XIV" is that edition. The longer name stays the
// operation's, the shorter its alias, and the sentences that named the
// shorter one name the longer.
func (r *run) sameOperation(name string) (int, bool) {
	for idx := range r.out.Operations {
		op := &r.out.Operations[idx]
		if op.Name == nil || op.PartOf != nil {
			continue
		}
		long, short := name, *op.Name
		if len(long) < len(short) {
			long, short = short, long
		}
		rest, ok := strings.CutPrefix(long, short+" ")
		if !ok || !isEditionNumber(rest) {
			continue
		}
		if long != *op.Name {
			old := *op.Name
			op.Name = &long
			delete(r.opIdx, strings.ToLower(old))
			r.opIdx[strings.ToLower(long)] = idx
			for _, sf := range r.sents {
				for k := range sf.operations {
					if sf.operations[k].Name == old {
						sf.operations[k].Name = long
					}
				}
			}
		}
		if !contains(op.Aliases, short) {
			op.Aliases = append(op.Aliases, short)
		}
		r.opIdx[strings.ToLower(short)] = idx
		return idx, true
	}
	return 0, false
}

// isEditionNumber reports whether s is a roman numeral or a number: "XIV", "2".
func isEditionNumber(s string) bool {
	if s == "" {
		return false
	}
	roman, digits := true, true
	for _, c := range s {
		roman = roman && strings.ContainsRune("IVXLC", c)
		digits = digits && c >= '0' && c <= '9'
	}
	return roman || digits
}

// addTargetsAndPlaces adds the platforms sentence sf names to the
// operation's targets and its places to the operation's locations.
func (op *Operation) addTargetsAndPlaces(sf *sentenceFacts) {
	for _, p := range sf.platforms {
		if !contains(op.Targets, p.Name) {
			op.Targets = append(op.Targets, p.Name)
		}
	}
	for _, p := range sf.places {
		if !contains(op.Locations, p.Name) {
			op.Locations = append(op.Locations, p.Name)
		}
	}
}

// ownedOperation reports whether the text names an agency that led or ran
// the operation, not one that only supported it or spoke of it: the
// figures of other agencies are then not the operation's ("the Met
// operation, codenamed Eternal" beside the NCA's national figures).
func (r *run) ownedOperation(op *Operation) bool {
	for _, ar := range op.Roles {
		if (ar.Role == graph.RoleLed || ar.Role == graph.RoleTookPart) && r.agencyCountry(ar.Agency) != "INT" { // Europol runs no one's raids
			return true
		}
	}
	return false
}

// targetWords end the text before a group the operation targeted.
var targetWords = []string{"against", "targeting", "targeted", "targets", "dismantled", "dismantle", "dismantling", "crackdown on", "into",
	"infiltrated", "took down", "taken down", "take down", "shut down", "disrupted", "seized", "aimed at", "directed at"}

// targetedBefore reports whether the lower-case text before a name ends
// with one of targetWords, maybe then "the".
func targetedBefore(low string) bool {
	low = strings.TrimRight(low, "'‘’\"“ ")
	// partOfGroupRe can match only a text that ends with "of" or "of the".
	if !strings.HasSuffix(low, "of") && !strings.HasSuffix(low, "of the") {
		return endsWithPhrase(low, targetWords)
	}
	if m := partOfGroupRe.FindStringIndex(low); m != nil {
		low = strings.TrimRight(low[:m[0]], " ") // "dismantled a cell of the Sinaloa Cartel"
	}
	return endsWithPhrase(low, targetWords)
}

// targetedListBefore reports whether the lower-case text before a name
// holds one of targetWords and, after it, only a few words that say what
// kind the targets are, then a list the name is in: "targeted malware
// droppers named IcedID, SystemBC, Pikabot and".
func targetedListBefore(low string) bool {
	k, n := -1, 0
	for _, w := range targetWords {
		if i := strings.LastIndex(low, w); i > k && wordBoundary(low, i) && wordBoundary(low, i+len(w)) {
			k, n = i, len(w)
		}
	}
	if k < 0 {
		return false
	}
	rest := low[k+n:]
	if strings.ContainsAny(rest, ".;:()") {
		return false
	}
	words := 0
	for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == ',' || r == '"' || r == '“' || r == '”' }) {
		switch f {
		case "and", "the", "named", "called", "dubbed", "known", "as", "including", "such":
		default:
			words++
		}
	}
	opens := false // the list's first item: "... droppers named"
	for _, w := range []string{"named", "called", "dubbed", "including", "such as", "known as"} {
		opens = opens || strings.HasSuffix(strings.TrimRight(rest, " "), " "+w)
	}
	return words <= 12 && (strings.Count(rest, ",") >= 1 || opens && words <= 4)
}

// partOfGroupRe ends a text that names a part of the group after it.
var partOfGroupRe = regexp.MustCompile(`\b(?:(?:a|an|the|one|two|three|several) )?(?:[a-z-]+ )?(?:cell|cells|network|faction|branch|arm|wing|members|leaders|leadership|ring|clan|chapter) of(?: the)?$`)

// programmeWords name a standing programme, not an operation.
var programmeWords = wordSet("program programme programs programmes initiative initiatives scheme schemes charity")

// namesProgramme reports whether the lower-case text after a name calls it
// a programme in an apposition: ", a Justice Department program".
func namesProgramme(after string) bool {
	rest, ok := strings.CutPrefix(after, ", ")
	if !ok {
		return false
	}
	words := strings.Fields(rest)
	if len(words) == 0 || words[0] != "a" && words[0] != "an" && words[0] != "the" {
		return false
	}
	for k := 1; k < len(words) && k <= 5; k++ {
		w := strings.TrimRight(words[k], ".,;:")
		if programmeWords[w] {
			return true
		}
		if w != words[k] {
			return false // the apposition ended
		}
	}
	return false
}
