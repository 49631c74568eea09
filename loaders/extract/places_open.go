package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	gazdata "github.com/opgraph/opgraph/loaders/gazetteer"
)

// Places of the open gazetteer (GeoNames' towns and regions). Its names are
// often common words or surnames ("Police", "March", "Logan"), so one is
// taken as a place only where the text marks a place there:
//   - after a word of place: "arrested in Faisalabad", "flown from Ikeja";
//   - next in a list of places: "in Faisalabad, Rawalpindi and Khanewal";
//   - before a known place after a comma: "Logan, Queensland";
//   - as a modifier of place: "a Soweto-based gang";
//   - before a word of region, which joins the name: "Ondo State", "Palghar district".
// A name that runs on into more capitalised words is part of a longer name
// ("at Police Plaza"), and a word the article also writes in lower case is
// that word ("mobile", "march"); nor are a demonym ("German state") or a
// word that heads agencies' names ("Police's ... Group") a town. The place
// is named as the text writes it.

// openPlaceCues are the words after which a name is a place.
var openPlaceCues = map[string]bool{"in": true, "at": true, "near": true, "from": true, "to": true, "off": true,
	"outside": true, "across": true, "into": true, "via": true, "between": true, "around": true, "throughout": true,
	"within": true, "inside": true, "towards": true, "toward": true}

// residentOf reports whether toks[i:j] is a town's name that modifies a
// noun of its people or homes after an article or an age: "a 42-year-old
// Bankstown man", "a Bankstown residence".
func residentOf(sf *sentenceFacts, i, j int) bool {
	toks := sf.toks
	if i == 0 || j >= len(toks) || !residentNouns[toks[j].Lower] || sf.s.Text[toks[j-1].End:toks[j].Start] != " " {
		return false
	}
	b := toks[i-1].Lower
	return b == "a" || b == "an" || strings.HasSuffix(b, "-old") || b == "old" && i > 1 && strings.HasSuffix(sf.s.Text[:toks[i-1].Start], "-")
}

// residentNouns name people or homes a town's name may modify.
var residentNouns = wordSet("man woman men women boy girl teenager youth resident residents residence home house property address family couple")

// notAfterCue are the words before a cue that make it no word of place
// but one of speaking, belonging or likeness, which a person's or a body's
// name follows: "according to", "spoke to", "a statement from", "owing to".
var notAfterCue = map[string]bool{"according": true, "due": true, "owing": true, "said": true, "told": true,
	"thanks": true, "compared": true, "similar": true, "close": true, "next": true, "prior": true,
	"spoke": true, "speaking": true, "talked": true, "talking": true, "wrote": true, "written": true, "replied": true,
	"referred": true, "belonging": true, "belonged": true, "linked": true, "related": true, "married": true,
	"attributed": true, "credited": true, "statement": true, "message": true, "letter": true, "email": true}

// regionWords after a name make it a region's: "Ondo State", "Palghar district".
var regionWords = map[string]bool{"state": true, "province": true, "region": true, "district": true, "county": true,
	"municipality": true, "governorate": true, "prefecture": true, "division": true, "department": true, "parish": true}

// openNameConnectors may stand between the capitalised words of a place's
// name: "Hoek van Holland", "Sant Julià de Lòria".
var openNameConnectors = map[string]bool{"de": true, "del": true, "da": true, "do": true, "dos": true, "das": true,
	"di": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "el": true, "al": true,
	"upon": true, "on": true, "sur": true, "am": true, "an": true, "of": true}

func (r *run) findOpenPlaces(sf *sentenceFacts) {
	r.findAPStates(sf)
	open := r.x.open
	if open == nil {
		return
	}
	defer r.findPlaceLists(sf)
	r.widenByDirection(sf)
	r.rule = "place.open-gazetteer"
	toks := sf.toks
	for i := 0; i < len(toks); i++ {
		if !isCapitalised(toks[i].Text) {
			continue
		}
		if i > 0 && sf.s.Text[toks[i-1].End:toks[i].Start] == " " && isCapitalised(toks[i-1].Text) &&
			!toks[i-1].in(setPlaceCue, openPlaceCues) && !notPlaceWord[toks[i-1].Lower] {
			continue // inside a longer capitalised name; "In", "The" open a sentence
		}
		cued := r.openCued(sf, i)
		// "in the Eastern Cape", "across the Central Coast": a region, which
		// takes "the" where a town does not
		theCued := !cued && i >= 2 && toks[i-1].Lower == "the" && adjacentSpace(sf, i-2, i-1) && isPlaceCue(toks, i-2)
		checked := false // whether toks[i] may start a place: no name found holds it, no month or article it is
		for j := openNameEnd(sf, i); j > i; j-- {
			if !isCapitalised(toks[j-1].Text) {
				continue
			}
			end, region := j, false
			if j < len(toks) && toks[j].in(setRegionWord, regionWords) && sf.s.Text[toks[j-1].End:toks[j].Start] == " " {
				end, region = j+1, true
			}
			if !region && runsOn(sf, j) {
				continue
			}
			if e := toks[j-1].End; e+1 < len(sf.s.Text) && sf.s.Text[e] == '-' && sf.s.Text[e+1] >= 'A' && sf.s.Text[e+1] <= 'Z' {
				continue // "Baden-Wuerttemberg": a longer name
			}
			if !cued && !theCued && !region && !r.beforeKnownPlace(sf, j) && !strings.HasPrefix(sf.s.Text[toks[j-1].End:], "-based") && !residentOf(sf, i, j) &&
				!beforePluralRegion(sf, j) {
				continue
			}
			if !checked {
				if r.openCovered(sf, i) || notPlaceWord[toks[i].Lower] {
					break
				}
				checked = true
			}
			places := open.Lookup(spanKey(sf, toks[i].Start, toks[j-1].End))
			if len(places) == 0 || j == i+1 && (r.writtenLower(toks[i].Lower) || toks[i].in(setAgencyHead, agencyHeads)) ||
				r.isDemonym(toks[i:j]) || possessiveOfName(sf, j) {
				continue
			}
			start, stop := toks[i].Start, toks[end-1].End
			if r.openCoveredSpan(sf, start, stop) && !r.takeInPlaces(sf, start, stop) {
				continue
			}
			name := sf.s.Text[start:stop]
			if isAllCaps(name) {
				name = titleCase(strings.ToLower(name)) // a dateline's "PUTRAJAYA" is Putrajaya
			}
			p := r.pickOpen(sf, places)
			if theCued && !cued && !region && p.Kind == "city" {
				continue // "in the Hilton": a town takes no "the"
			}
			kind := p.Kind
			if kind == "district" || region {
				kind = "region"
			}
			mt := mention{Name: name, Surface: name, Start: start, End: stop}
			sf.places = append(sf.places, mt)
			r.addPlace(sf, name, p.Country, kind, mt)
			i = end - 1
			break
		}
	}
}

// openCovered reports whether toks[i] is in a name already found.
func (r *run) openCovered(sf *sentenceFacts, i int) bool {
	return r.openCoveredSpan(sf, sf.toks[i].Start, sf.toks[i].End)
}

func (r *run) openCoveredSpan(sf *sentenceFacts, start, end int) bool {
	return overlapsMention(sf.agencies, start, end) || overlapsMention(sf.places, start, end) ||
		overlapsMention(sf.operations, start, end) || overlapsMention(sf.platforms, start, end) ||
		overlapsMention(sf.groups, start, end) || overlapsMention(sf.dates, start, end)
}

// takeInPlaces drops the places found inside [start, stop), where nothing
// else found overlaps it, and reports whether it did: "Hoek van Holland"
// holds no "Holland".
func (r *run) takeInPlaces(sf *sentenceFacts, start, stop int) bool {
	if overlapsMention(sf.agencies, start, stop) || overlapsMention(sf.operations, start, stop) ||
		overlapsMention(sf.platforms, start, stop) || overlapsMention(sf.groups, start, stop) || overlapsMention(sf.dates, start, stop) {
		return false
	}
	for _, p := range sf.places {
		if p.End > start && p.Start < stop && (p.Start < start || p.End > stop || p.End-p.Start == stop-start) {
			return false // not strictly inside
		}
	}
	kept := sf.places[:0]
	for _, p := range sf.places {
		if p.End > start && p.Start < stop {
			r.dropPlaceIfUnused(p.Name, sf)
			continue
		}
		kept = append(kept, p)
	}
	sf.places = kept
	return true
}

// opensParagraph reports whether sf is the first sentence of its line.
func (r *run) opensParagraph(sf *sentenceFacts) bool {
	k := sf.s.Index
	return k == 0 || k-1 < len(r.sents) && r.sents[k-1].s.Para != sf.s.Para
}

// openCued reports whether toks[i] follows a word of place ("in",
// "bound for", "the town of"), or comes next in a list that one starts:
// "in Agege, Shogunle, Oshodi and Ikeja", "in Lion Street, Rugeley".
func (r *run) openCued(sf *sentenceFacts, i int) bool {
	toks, text := sf.toks, sf.s.Text
	if i > 0 && text[toks[i-1].End:toks[i].Start] == ", " {
		for _, p := range sf.places {
			if p.End == toks[i-1].End {
				return true // "in Petaling Jaya, Selangor yesterday": the region of a place found
			}
		}
	}
	if i == 0 && sf.s.Para <= 3 && r.opensParagraph(sf) && len(toks[0].Text) > 1 && isAllCaps(toks[0].Text) && len(toks) > 1 {
		if sep := strings.TrimSpace(text[toks[0].End:toks[1].Start]); sep == "," || sep == ":" || sep == "(" || sep == "—" || sep == "-" || sep == "–" {
			return true // a dateline: "PUTRAJAYA, March 16 —", "SONGKHLA:"
		}
	}
	if i == 0 && sf.s.Para <= 3 && r.opensParagraph(sf) && len(toks) > 3 && text[toks[0].End:toks[1].Start] == ", " &&
		startsWithMonthName(toks[1].Text) && isDigits(toks[2].Text) && strings.HasPrefix(text[toks[2].End:], " (") {
		return true // a wire dateline in mixed case: "Guwahati, Sep 15 (PTI)"
	}
	for items := 0; i > 0 && items < 8; items++ {
		prev := toks[i-1]
		between := strings.TrimSpace(text[prev.End:toks[i].Start])
		if between == "" && isPlaceCue(toks, i-1) {
			return true
		}
		// The separator before this item: ",", "/", "and", "or", ", and".
		switch {
		case between == "," || between == "/":
			if items == 0 && !endsPhrase(sf, i) {
				return false // "in London and Paris, Smith said"
			}
		case between == "" && (prev.Lower == "and" || prev.Lower == "or") && i >= 2:
			if b := strings.TrimSpace(text[toks[i-2].End:prev.Start]); b != "" && b != "," {
				return false
			}
			i--
		default:
			return false
		}
		// The item before: a run of capitalised words, or a place already found.
		k := i - 1
		for n := 0; k >= 0 && n < 5; n++ {
			if !isCapitalised(toks[k].Text) && !toks[k].in(setOpenConnector, openNameConnectors) && !streetWords[toks[k].Lower] {
				break
			}
			if k == 0 || text[toks[k-1].End:toks[k].Start] != " " || isPlaceCue(toks, k-1) {
				k--
				break
			}
			k--
		}
		if k == i-1 {
			return false // no item
		}
		for _, p := range sf.places {
			if p.End == toks[i-1].End {
				return true
			}
		}
		i = k + 1
	}
	return false
}

// endsPhrase reports whether the capitalised run from toks[i] ends at a
// stop or runs on into a list, as a place named after a comma does ("in
// Lion Street, Rugeley, on Monday"), not into a verb ("Paris, Smith said").
func endsPhrase(sf *sentenceFacts, i int) bool {
	toks, text := sf.toks, sf.s.Text
	j := i + 1
	for j < len(toks) && isCapitalised(toks[j].Text) && text[toks[j-1].End:toks[j].Start] == " " {
		j++
	}
	if j == len(toks) {
		return true
	}
	if sep := strings.TrimSpace(text[toks[j-1].End:toks[j].Start]); sep != "" {
		return true
	}
	return toks[j].Lower == "and" || toks[j].Lower == "or" || regionWords[toks[j].Lower] || isPossessiveS(toks[j])
}

// isPlaceCue reports whether toks[k] is a word of place: "in", "near", not
// "according to"; "bound for", "the town of".
func isPlaceCue(toks []token, k int) bool {
	w := toks[k].Lower
	var before string
	if k > 0 {
		before = toks[k-1].Lower
	}
	switch {
	case toks[k].in(setPlaceCue, openPlaceCues):
		return !notAfterCue[before]
	case w == "for":
		return before == "bound" || before == "destined" || before == "headed" || before == "heading"
	case w == "of":
		// "the town of", "the Dutch port of", "the coastal city of", "the provinces of"
		// (up to three words between the article and the noun: "the east Chinese city of")
		return (placeNouns[before] || pluralRegionWords[before]) &&
			(k > 1 && isArticle(toks[k-2]) || k > 2 && isArticle(toks[k-3]) || k > 3 && isArticle(toks[k-4]) || k > 4 && isArticle(toks[k-5]))
	case directionWords[w] && !isCapitalised(toks[k].Text) && k > 0 && toks[k-1].End < toks[k].Start:
		// "in northern Cauca": where in the place, after a word of place
		return toks[k-1].in(setPlaceCue, openPlaceCues) && !notAfterCue[tokLower(toks, k-2)]
	}
	return false
}

// tokLower is toks[k].Lower, or "" outside toks.
func tokLower(toks []token, k int) string {
	if k < 0 || k >= len(toks) {
		return ""
	}
	return toks[k].Lower
}

// pluralRegionWords after a list of names make each a region's: "the
// Kampong Speu and Battambang provinces"; after an article and before
// "of", they are words of place: "the states of Perlis and Kedah".
var pluralRegionWords = wordSet("states provinces regions districts counties municipalities governorates prefectures departments parishes")

// beforePluralRegion reports whether the names from toks[j] run on, as a
// list of capitalised names, to a plural word of region: "Kampong Speu
// and Battambang provinces".
func beforePluralRegion(sf *sentenceFacts, j int) bool {
	toks, text := sf.toks, sf.s.Text
	for items := 0; j < len(toks) && items < 8; items++ {
		if text[toks[j-1].End:toks[j].Start] == " " && pluralRegionWords[toks[j].Lower] {
			return true
		}
		// the separator: ",", "and", ", and", "or"
		between := strings.TrimSpace(text[toks[j-1].End:toks[j].Start])
		switch {
		case between == "," && j+1 < len(toks) && (toks[j].Lower == "and" || toks[j].Lower == "or"):
			j++
		case between == ",":
		case between == "" && (toks[j].Lower == "and" || toks[j].Lower == "or"):
			j++
		default:
			return false
		}
		if j >= len(toks) || strings.TrimSpace(text[toks[j-1].End:toks[j].Start]) != "" || !isCapitalised(toks[j].Text) {
			return false
		}
		j = openNameEnd(sf, j)
	}
	return false
}

func isArticle(t token) bool { return t.Lower == "the" || t.Lower == "a" }

// placeNouns name a kind of place: "the town of Cosala", "the port of Hoek van Holland".
var placeNouns = map[string]bool{"town": true, "towns": true, "city": true, "village": true, "villages": true,
	"municipality": true, "port": true, "province": true, "state": true, "region": true, "district": true,
	"island": true, "suburb": true, "suburbs": true, "county": true, "area": true, "outskirts": true,
	"coast": true, "shores": true, "waters": true, "border": true, "north": true, "south": true, "east": true, "west": true}

// openNameEnd is the end of the longest run from toks[i] that may be one
// place's name: up to OpenMaxWords words joined by single spaces or
// hyphens, capitalised or connectors ("Hoek van Holland"). A name ends at
// a capitalised word within it.
func openNameEnd(sf *sentenceFacts, i int) int {
	toks := sf.toks
	j := i + 1
	for j < len(toks) && j-i < gazdata.OpenMaxWords {
		if sep := sf.s.Text[toks[j-1].End:toks[j].Start]; sep != " " && sep != "-" {
			break
		}
		if !isCapitalised(toks[j].Text) && !toks[j].in(setOpenConnector, openNameConnectors) {
			break
		}
		j++
	}
	return j
}

// runsOn reports whether the capitalised words go on after toks[j-1]: the
// name found is then part of a longer one.
func runsOn(sf *sentenceFacts, j int) bool {
	return j < len(sf.toks) && isCapitalised(sf.toks[j].Text) && sf.s.Text[sf.toks[j-1].End:sf.toks[j].Start] == " "
}

// possessiveOfName reports whether toks[j-1] is a possessive before an
// agency's name: "Police's National Organised Crime Group" names a body,
// "Tak's Phop Phra district" a place.
func possessiveOfName(sf *sentenceFacts, j int) bool {
	if j+1 >= len(sf.toks) || !isPossessiveS(sf.toks[j]) {
		return false
	}
	for _, a := range sf.agencies {
		if a.Start == sf.toks[j+1].Start {
			return true
		}
	}
	return false
}

// beforeKnownPlace reports whether ", " and a place already found follow
// toks[j-1]: "Logan, Queensland".
func (r *run) beforeKnownPlace(sf *sentenceFacts, j int) bool {
	if j >= len(sf.toks) || strings.TrimSpace(sf.s.Text[sf.toks[j-1].End:sf.toks[j].Start]) != "," {
		return false
	}
	for _, p := range sf.places {
		if p.Start == sf.toks[j].Start {
			return true
		}
	}
	return false
}

// spanKey is the name at sf.s.Text[start:end] as the open gazetteer lists
// it: lower case, single spaces. An ASCII name is a slice of the
// sentence's lower-cased text.
func spanKey(sf *sentenceFacts, start, end int) string {
	s := sf.s.Text[start:end]
	ascii := true
	for k := 0; k < len(s); k++ {
		if c := s[k]; c >= utf8.RuneSelf || c != ' ' && unicode.IsSpace(rune(c)) || c == ' ' && k > 0 && s[k-1] == ' ' {
			ascii = false
			break
		}
	}
	if ascii && len(sf.low) == len(sf.s.Text) {
		return sf.low[start:end]
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// writtenLower reports whether the article writes word in lower case
// somewhere: then the word is that word, not a town's name. It is asked
// for few names an article, so it scans rather than indexes.
func (r *run) writtenLower(word string) bool {
	for _, sf := range r.sents {
		for _, t := range sf.toks {
			if t.Lower == word && t.Text == word {
				return true
			}
		}
	}
	return false
}

// pickOpen chooses among the places of one name: the article's country's,
// else that of a place named in the same sentence, else the most populous.
func (r *run) pickOpen(sf *sentenceFacts, places []gazdata.OpenPlace) gazdata.OpenPlace {
	for _, p := range places {
		if p.Country == r.country {
			return p
		}
	}
	for _, m := range sf.places {
		if k, ok := r.placeIdx[m.Name]; ok {
			for _, p := range places {
				if p.Country == r.out.Places[k].Country {
					return p
				}
			}
		}
	}
	return places[0]
}

// findPlaceLists reads the lists of names after a word of place, where the
// list itself says its names are places: after "the town(s) of" every name
// is one ("between the towns of Calafato and Ipucha"); after "in" and the
// like, a list of three or more names of which two are known places holds
// only places ("in Agege, Shogunle, Oshodi, Ogba and Ikeja"). Names no
// gazetteer knows get the country their known neighbours share.
func (r *run) findPlaceLists(sf *sentenceFacts) {
	r.rule = "place.list"
	toks, text := sf.toks, sf.s.Text
	for c := 0; c+1 < len(toks); c++ {
		if !isCapitalised(toks[c+1].Text) || !isPlaceCue(toks, c) || strings.TrimSpace(text[toks[c].End:toks[c+1].Start]) != "" {
			continue
		}
		strong := toks[c].Lower == "of"
		// A list ends at its "and": in "in London and Paris, Smith said"
		// Smith is no third place.
		var itemBuf [maxPlaceListItems][2]int // the list stays on the stack
		items, closed := placeListItems(itemBuf[:0], sf, c+1)
		switch {
		case closed > 0:
			items = items[:closed]
		case strong && len(items) > 0:
			items = items[:1]
		default:
			continue
		}
		known, country, mixed := 0, "", false
		for _, it := range items {
			for _, p := range sf.places {
				if p.Start == it[0] && p.End == it[1] {
					known++
					if k, ok := r.placeIdx[p.Name]; ok {
						if pc := r.out.Places[k].Country; country == "" {
							country = pc
						} else if pc != country {
							mixed = true
						}
					}
				}
			}
		}
		if !strong && (len(items) < 3 || known < 2) {
			continue
		}
		if mixed || strong {
			country = ""
		}
		for _, it := range items {
			if r.openCoveredSpan(sf, it[0], it[1]) {
				continue
			}
			var tb [8]token
			words := appendTokens(tb[:0], text[it[0]:it[1]])
			if streetWords[words[len(words)-1].Lower] || notPlaceWord[words[0].Lower] || r.isDemonym(words) {
				continue
			}
			name := text[it[0]:it[1]]
			mt := mention{Name: name, Surface: name, Start: it[0], End: it[1]}
			sf.places = append(sf.places, mt)
			r.addPlace(sf, name, country, "", mt)
		}
	}
}

// placeListItems returns the byte spans of the names listed from toks[i]
// on: runs of up to three capitalised words (connectors between), joined by
// ",", "and", "or" or ", and"; the list ends at anything else. closed is
// the number of items up to the last one after "and" or "or", or 0.
// The items are appended to dst.
func placeListItems(dst [][2]int, sf *sentenceFacts, i int) (items [][2]int, closed int) {
	toks, text := sf.toks, sf.s.Text
	afterAnd := false
	items = dst
	for i < len(toks) && len(items) < maxPlaceListItems {
		j, words := i, 0
		for j < len(toks) && words < 3 {
			if j > i {
				if sep := text[toks[j-1].End:toks[j].Start]; sep != " " && sep != "  " && sep != "-" {
					break
				}
			}
			if isCapitalised(toks[j].Text) {
				j, words = j+1, words+1
				continue
			}
			if k := connectorsEnd(sf, j); j > i && k > j && k < len(toks) && isCapitalised(toks[k].Text) {
				j = k // "Islas de la Bahía"
				continue
			}
			break
		}
		if j == i || j < len(toks) && runsOn(sf, j) {
			break // no name here, or one longer than a place's
		}
		if k := connectorsEnd(sf, j); k > j && k < len(toks) && isCapitalised(toks[k].Text) && text[toks[k-1].End:toks[k].Start] == " " {
			break // a name longer than a place's: "Santa Cruz de la Sierra del Norte"
		}
		items = append(items, [2]int{toks[i].Start, toks[j-1].End})
		if afterAnd {
			closed = len(items)
		}
		if j == len(toks) {
			break
		}
		sep := strings.TrimSpace(text[toks[j-1].End:toks[j].Start])
		switch {
		case (sep == "," || sep == "") && (toks[j].Lower == "and" || toks[j].Lower == "or"):
			i, afterAnd = j+1, true
			if i < len(toks) && strings.TrimSpace(text[toks[j].End:toks[i].Start]) != "" {
				return items, closed
			}
		case sep == ",":
			i, afterAnd = j, false
		default:
			return items, closed
		}
	}
	return items, closed
}

// connectorsEnd is the end of the run of up to two connectors of names
// from toks[j], each after a single space ("de la"), or j where there is none.
func connectorsEnd(sf *sentenceFacts, j int) int {
	k := j
	for k < len(sf.toks) && k-j < 2 && sf.toks[k].in(setOpenConnector, openNameConnectors) && k > 0 && sf.s.Text[sf.toks[k-1].End:sf.toks[k].Start] == " " {
		k++
	}
	return k
}

// maxPlaceListItems is the most items placeListItems reads.
const maxPlaceListItems = 12

// directionWords before a country or region name a part of it that the
// text treats as a place of its own: "southeast Queensland", "northern Mexico".
var directionWords = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true}

// widenByDirection names a country or region found in the sentence with
// the direction word before it: "southeast Queensland" for "Queensland".
func (r *run) widenByDirection(sf *sentenceFacts) {
	r.rule = "place.direction"
	toks, text := sf.toks, sf.s.Text
	for n, m := range sf.places {
		k, ok := r.placeIdx[m.Name]
		if !ok || r.out.Places[k].Kind != "country" && r.out.Places[k].Kind != "region" {
			continue
		}
		t := tokenBefore(toks, m.Start)
		// (a direction in lower case says where in the place, "northern Kenya", but
		// for a compass point of one word, which names a region: "southeast Queensland")
		if t < 0 || !directionWords[toks[t].Lower] || !isCapitalised(toks[t].Text) && !compassPoints[toks[t].Lower] || text[toks[t].End:m.Start] != " " ||
			t > 0 && isCapitalised(toks[t-1].Text) && text[toks[t-1].End:toks[t].Start] == " " {
			continue // "South China Sea" and the like are names of their own
		}
		if t > 0 && directionWords[toks[t-1].Lower] && text[toks[t-1].End:toks[t].Start] == "-" {
			t-- // "south-west Netherlands"
		}
		country := r.out.Places[k].Country
		r.dropPlaceIfUnused(m.Name, sf)
		name := text[toks[t].Start:m.End]
		mt := mention{Name: name, Surface: name, Start: toks[t].Start, End: m.End}
		sf.places[n] = mt
		r.addPlace(sf, name, country, "region", mt)
	}
}

// compassPoints are the directions of one word between two cardinal points.
var compassPoints = wordSet("southeast southwest northeast northwest")

// tokenBefore is the index of the last token ending at or before off, or -1.
func tokenBefore(toks []token, off int) int {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].End <= off {
			return k
		}
	}
	return -1
}

// apStates are the US states by the abbreviations news agencies write
// after a town ("TUCSON, Ariz. —", "West Palm Beach, Fla."); those of two
// letters with stops ("N.Y.") are left out.
var apStates = map[string]string{"Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
	"Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
	"Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts",
	"Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska",
	"Nev": "Nevada", "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania", "Tenn": "Tennessee", "Vt": "Vermont",
	"Va": "Virginia", "Wash": "Washington", "Wis": "Wisconsin", "Wyo": "Wyoming"}

// postalStates are the US states by their postal codes, read only in a
// dateline after a town written in capitals ("TRENTON, MI —").
var postalStates = map[string]string{"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
	"IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine",
	"MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri",
	"MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
	"NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
	"PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
	"UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming"}

// findAPStates names the state a news agency's abbreviation stands for,
// after a capitalised word and a comma, before a stop or a dash: "TUCSON,
// Ariz. — Customs officers ...".
func (r *run) findAPStates(sf *sentenceFacts) {
	r.rule = "place.ap-state"
	toks, text := sf.toks, sf.s.Text
	for k := 1; k < len(toks); k++ {
		if n := len(toks[k].Text); n < 2 || n > 5 || text[toks[k-1].End:toks[k].Start] != ", " {
			continue // (cheap tests first: a short word right after ", ")
		}
		after := text[toks[k].End:]
		spacedDash := hasAnyPrefix(after, " —", " –", " --", " - ")
		state, ok := apStates[toks[k].Text]
		if !ok && spacedDash && k <= 3 && sf.s.Para <= 3 && isAllCaps(toks[k-1].Text) {
			state, ok = postalStates[toks[k].Text] // a dateline: "TRENTON, MI —"
		}
		if !ok || !isCapitalised(toks[k-1].Text) {
			continue
		}
		if !spacedDash && !hasAnyPrefix(after, ".", "—", "–") {
			continue
		}
		mt := mention{Name: state, Surface: toks[k].Text, Start: toks[k].Start, End: toks[k].End}
		sf.places = append(sf.places, mt)
		r.addPlace(sf, state, "US", "region", mt)
	}
}
