package extract

import (
	"strconv"
	"strings"
)

// A figure is a number as the text wrote it: "746", "2.5 million", "two",
// "several dozen". Vague figures have Value 0 and Vague set.
type figure struct {
	Value     float64
	Vague     bool   // "several dozen", "hundreds": no exact value
	Qualifier string // exact, more_than, less_than, about, at_least, up_to, several
	Start     int    // byte offsets of the whole phrase (qualifier included) in the sentence
	End       int
}

var wordNumbers = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100, "a thousand": 1000,
	"a million": 1e6, "a billion": 1e9, "single": 1,
}

var multipliers = map[string]float64{
	"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6, "mln": 1e6, "bln": 1e9,
	"bn": 1e9, "b": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12, "hundred": 100, "dozen": 12,
	"crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5, // South Asian: "Rs 5 crore", "₹70 cr", "1.2 lakh tablets"
}

// qualifierPatterns map the words before a figure to its qualifier
// (ANNOTATION.md's reading: "over" is more_than, "nearly" is less_than, ...);
// qualifierBefore reads them.
var qualifierPatterns = []struct {
	q       string
	phrases []string
}{
	{"more_than", []string{"more than", "over", "in excess of", "upwards of", "above", "exceeding", "excess of", "north of"}},
	{"less_than", []string{"almost", "nearly", "just under", "just below", "under", "less than", "fewer than", "below", "close to"}},
	{"about", []string{"in the region of", "more or less", "about", "around", "approximately", "approx", "approx.", "roughly", "some", "an estimated", "estimated", "circa", "c."}},
	{"at_least", []string{"at least", "a minimum of", "no fewer than", "no less than"}},
	{"up_to", []string{"up to", "as many as", "as much as"}},
}

// wordNumFirst holds the first words of the word numbers matchWordNumber reads.
var wordNumFirst = newFoldSet(`a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
	sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety single`)

// findFigures returns every figure in s, in order, not overlapping.
func findFigures(s string) []figure { return findFiguresAt(s, wordStartsOf(s), nil) }

// findFiguresAt is findFigures given the offsets where s's words start (see
// wordStartsOf) and the scanners each may start (appendStartBits), or nil
// bits to try every scanner at each.
func findFiguresAt(s string, starts []int32, bits []uint8) []figure {
	var out []figure
	var takenBuf [512]bool // on the stack for a sentence of common length
	var taken []bool
	if len(s)+1 <= len(takenBuf) {
		taken = takenBuf[:len(s)+1]
	} else {
		taken = make([]bool, len(s)+1)
	}
	room := 0 // the matches found, room for the figures
	add := func(f figure, numStart int) {
		for i := f.Start; i < f.End; i++ {
			if taken[i] {
				return
			}
		}
		q, qstart := qualifierBefore(s[:numStart])
		if f.Qualifier == "" {
			f.Qualifier = "exact"
		}
		if q != "" {
			f.Qualifier, f.Start = q, qstart
		}
		for i := f.Start; i < f.End; i++ {
			taken[i] = true
		}
		if out == nil {
			out = make([]figure, 0, room)
		}
		out = append(out, f)
	}
	// "half a tonne", "three quarters of a tonne", "a quarter of a million":
	// a part of one unit or of a multiplier, read before the numbers in it.
	lower := ""
	if mayHoldFraction(s) { // rare: lowered only then
		lower = lowerASCII(s)
	}
	for _, fr := range unitFractions {
		for p := strings.Index(lower, fr.phrase); lower != "" && p >= 0; {
			if p == 0 || !isWordASCII(s[p-1]) {
				n := len(fr.phrase)
				if fractionOfUnit(lower[p+n:]) {
					if strings.HasPrefix(lower[p+n:], "n ") { // "half an ounce"
						n++
					}
					add(figure{Value: fr.value, Start: p, End: p + n}, p)
				} else if m, k := multiplierAfter(lower[p+n:]); m > 0 && fr.value < 1 {
					add(figure{Value: roundSig(fr.value * m), Start: p, End: p + n + k}, p)
				}
			}
			q := strings.Index(lower[p+1:], fr.phrase)
			if q < 0 {
				break
			}
			p += 1 + q
		}
	}
	var digits [][]int
	if hasDigit(s) {
		digits = findDigitsAt(s, starts, bits)
	}
	// The matchers try only at the words a match starts with, which costs
	// less than looking for cue words first.
	vague := findVagueAt(s, starts, bits)
	words := findWordNumbersAt(s, starts, bits)
	room = len(digits) + len(vague) + len(words)
	for _, m := range digits {
		if isPartOfDateOrCode(s, m[0], m[1]) || m[0] == 0 && m[1] <= 2 && isBulletLine(s) {
			continue // (the number of a numbered list's line: "1. Two AK-47 rifles")
		}
		v, err := strconv.ParseFloat(numberText(s[m[2]:m[3]]), 64)
		if err != nil {
			continue
		}
		for _, g := range [][2]int{{m[4], m[5]}, {m[6], m[7]}} {
			if g[0] >= 0 {
				v = roundSig(v * multipliers[strings.ToLower(s[g[0]:g[1]])])
			}
		}
		end := m[1]
		if n := andAHalfAt(s, end); n > 0 && m[4] < 0 && m[6] < 0 {
			v, end = v+0.5, end+n // "2 and a half tonnes"
		} else if fr, n := vulgarFractionAt(s, end); n > 0 && m[4] < 0 && m[6] < 0 && !strings.ContainsAny(s[m[2]:m[3]], ".,") {
			v, end = v+fr, end+n // "2½ kilograms"
		}
		add(figure{Value: v, Start: m[0], End: end}, m[0])
	}
	for _, m := range vague {
		add(figure{Vague: true, Qualifier: "several", Start: m[0], End: m[1]}, m[0])
	}
	for _, m := range words {
		w := strings.ToLower(s[m[2]:m[3]])
		v, ok := wordValue(w)
		if !ok {
			continue
		}
		end := m[1]
		if m[4] >= 0 {
			v = roundSig(v * multipliers[strings.ToLower(s[m[4]:m[5]])])
		} else if n := andAHalfAt(s, end); n > 0 && w != "a" && w != "an" {
			v, end = v+0.5, end+n // "two and a half tonnes"
		} else if w == "a" || w == "an" {
			continue // a bare article is no figure; "a pistol" is read by the seizure rules
		}
		add(figure{Value: v, Start: m[0], End: end}, m[0])
	}
	sortFigures(out)
	return out
}

// andAHalfAt returns the length of " and a half" at s[p:] (in any ASCII
// case, before no word character), or 0.
func andAHalfAt(s string, p int) int {
	const phrase = " and a half"
	if e := p + len(phrase); e <= len(s) && equalFoldASCII(s[p:e], phrase) && (e == len(s) || !isWordASCII(s[e])) {
		return len(phrase)
	}
	return 0
}

// fractionOfUnit reports whether rest, in ASCII lower case and after a
// fraction's "a", is maybe "n", then spaces and a unit of mass: " tonne",
// "n ounce" is none.
func fractionOfUnit(rest string) bool {
	rest = strings.TrimPrefix(rest, "n")
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	for _, u := range []string{"tonne", "ton", "kilo", "kilogramme", "kilogram", "kg", "pound", "ounce", "litre", "liter"} {
		if strings.HasPrefix(rest, u) && (len(rest) == len(u) || !isLetterByte(rest[len(u)]) || rest[len(u)] == 's') {
			return true
		}
	}
	return false
}

// mayHoldFraction is the cheap test findFiguresAt's fractions need to pass:
// s holds "alf a", "uarter", "hird", " kilo of", " kilogram of" or
// " tonne of" or " ton of", as written. It reads s once, stopping at one letter of each.
func mayHoldFraction(s string) bool {
	for i := 0; i < len(s); i++ {
		if !fractionBytes[s[i]] {
			continue
		}
		switch s[i] {
		case 'f':
			if i >= 2 && strings.HasPrefix(s[i-2:], "alf a") {
				return true
			}
		case 'u':
			if strings.HasPrefix(s[i:], "uarter") {
				return true
			}
		case 'd':
			if i >= 3 && s[i-3:i+1] == "hird" {
				return true
			}
		case 'k':
			if i >= 1 && s[i-1] == ' ' && (strings.HasPrefix(s[i:], "kilo of") || strings.HasPrefix(s[i:], "kilogram of")) {
				return true
			}
		case 'n':
			if i >= 3 && strings.HasPrefix(s[i-3:], " tonne of") || i >= 3 && strings.HasPrefix(s[i-3:], " ton of") {
				return true
			}
		}
	}
	return false
}

var fractionBytes = [256]bool{'f': true, 'u': true, 'd': true, 'k': true, 'n': true}

// unitFractions are the parts of one unit a figure may be, in the order
// they are tried.
var unitFractions = []struct {
	phrase string
	value  float64
}{{"three quarters of a", 0.75}, {"three-quarters of a", 0.75}, {"two thirds of a", 2.0 / 3}, {"two-thirds of a", 2.0 / 3},
	{"half a", 0.5}, {"a quarter of a", 0.25}, {"a third of a", 1.0 / 3}, {"a", 1}} // "a kilo of cocaine": one kilo

// multiplierAfter returns the multiplier rest starts with after a space
// (" million pills") and the length read, or 0.
func multiplierAfter(rest string) (float64, int) {
	for _, w := range []string{"thousand", "million", "billion"} {
		if len(rest) > len(w) && rest[0] == ' ' && strings.HasPrefix(rest[1:], w) && (len(rest) == 1+len(w) || !isWordASCII(rest[1+len(w)])) {
			return multipliers[w], 1 + len(w)
		}
	}
	return 0, 0
}

func wordValue(w string) (float64, bool) {
	if v, ok := wordNumbers[w]; ok {
		return v, true
	}
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == ' ' })
	if len(parts) == 2 {
		a, ok1 := wordNumbers[parts[0]]
		b, ok2 := wordNumbers[parts[1]]
		if ok1 && ok2 && a >= 20 && b < 10 {
			return a + b, true
		}
	}
	return 0, false
}

// qualifierBefore reads a qualifier that ends just before a figure.
func qualifierBefore(prefix string) (string, int) {
	tail := prefix
	if len(tail) > 40 {
		tail = tail[len(tail)-40:]
	}
	off := len(prefix) - len(tail)
	// A currency sign may stand between the qualifier and the digits: "over £1m".
	trimmed := strings.TrimRight(tail, "£$€¥₱")
	trimmed = strings.TrimSuffix(trimmed, "USD ")
	trimmed = strings.TrimSuffix(trimmed, "EUR ")
	trimmed = strings.TrimSuffix(trimmed, "GBP ")
	if !mayEndInQualifier(trimmed) {
		return "", 0
	}
	// A qualifier is one of the phrases, in any ASCII case, ending where
	// the trailing spaces begin and after no word character; the kinds are
	// tried in order, and of one kind's phrases the leftmost wins.
	j := spacesBefore(trimmed, len(trimmed))
	if j == len(trimmed) {
		return "", 0
	}
	for _, qp := range qualifierPatterns {
		start := -1
		for _, ph := range qp.phrases {
			st := j - len(ph)
			if st < 0 || start >= 0 && st >= start || !equalFoldASCII(trimmed[st:j], ph) || st > 0 && isWordASCII(trimmed[st-1]) {
				continue
			}
			start = st
		}
		if start >= 0 {
			return qp.q, off + start
		}
	}
	return "", 0
}

// equalFoldASCII reports whether s, in ASCII lower case, is lower.
func equalFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// qualifierLast holds the last words of the qualifiers, in ASCII lower case.
var qualifierLast = newFoldSet(`than over of above exceeding almost nearly under below to about around approximately
	approx roughly some estimated circa least as less`)

// mayEndInQualifier is a cheap test that the qualifier patterns need to
// pass: s ends in spaces after a qualifier's last word.
func mayEndInQualifier(s string) bool {
	j := spacesBefore(s, len(s))
	if j == len(s) || j == 0 {
		return false
	}
	if s[j-1] == '.' { // "approx.", "c."
		return true
	}
	i := j
	for i > 0 && isLetterByte(s[i-1]) {
		i--
	}
	return qualifierLast.has(s[i:j])
}

// monthForms are the month names startsWithMonthName and endsWithMonthName read, in ASCII lower case.
var monthForms = newFoldSet(`jan january feb february mar march apr april may jun june jul july aug august sep sept september
	oct october nov november dec december`)

// mayStartWithMonth is a cheap test that startsWithMonthName needs to pass: after
// spaces, a month's name is the whole run of ASCII letters.
func mayStartWithMonth(s string) bool {
	i := skipSpaces(s, 0)
	return i < len(s) && isLetterByte(s[i]) && monthForms.has(s[i:asciiLetters(s, i)])
}

// mayEndWithMonth is a cheap test that endsWithMonthName needs to pass: before
// trailing spaces, a month's name is the whole run of ASCII letters.
func mayEndWithMonth(s string) bool {
	i, j, ok := lastLetterRun(s)
	return ok && monthForms.has(s[i:j])
}

// lastLetterRun returns where the run of ASCII letters before s's trailing
// spaces starts and ends; ok is false where s ends with no spaces or is
// all spaces.
func lastLetterRun(s string) (i, j int, ok bool) {
	j = spacesBefore(s, len(s))
	if j == len(s) || j == 0 {
		return 0, 0, false
	}
	i = j
	for i > 0 && isLetterByte(s[i-1]) {
		i--
	}
	return i, j, true
}

// startsWithMonthName reports whether s starts, after spaces, with a
// month's name (monthForms) in any ASCII case, no word character after it.
func startsWithMonthName(s string) bool {
	i := skipSpaces(s, 0)
	e := asciiLetters(s, i)
	return e > i && monthForms.has(s[i:e]) && (e == len(s) || !isWordASCII(s[e]))
}

// endsWithMonthName reports whether s ends with a month's name and
// spaces: the run of letters before the spaces is one of monthForms but
// "mar" ("Mar 5" starts a date, "mar 5" ending a phrase seldom does), with
// no word character before it.
func endsWithMonthName(s string) bool {
	i, j, ok := lastLetterRun(s)
	return ok && monthForms.has(s[i:j]) && !equalFoldASCII(s[i:j], "mar") && (i == 0 || !isWordASCII(s[i-1]))
}

// attachedUnits may follow digits with no space: "5kg", "2t", "£7K", "1.2bn".
var attachedUnits = map[string]bool{"k": true, "m": true, "mn": true, "mln": true, "bn": true, "b": true, "tn": true,
	"kg": true, "kgs": true, "g": true, "gm": true, "gms": true, "grams": true, "grammes": true, "gram": true, "kilograms": true,
	"kilogram": true, "kilos": true, "tonnes": true, "tons": true, "t": true, "l": true, "ml": true, "lb": true, "lbs": true, "oz": true, "st": true,
	"nd": true, "rd": true, "th": true}

// isPartOfDateOrCode rejects digits that are dates, years, times, ages or
// parts of names: "8 February", "June 8, 2021", "in 2019", "12:45", "Phase 2".
func isPartOfDateOrCode(s string, start, end int) bool {
	num := s[start:end]
	after, before := s[end:], s[:start]
	if startsWithMonthName(after) || endsWithMonthName(before) {
		return true
	}
	if len(num) == 4 && !strings.ContainsAny(num, ".,") && num >= "1900" && num <= "2099" {
		return true // a year
	}
	if strings.HasPrefix(after, ":") || strings.HasPrefix(after, "-year") || strings.HasPrefix(after, " year-old") || strings.HasPrefix(after, "-") && !strings.HasPrefix(after, "-tonne") {
		return true
	}
	if start > 0 && (isWordByte(s[start-1]) || s[start-1] == '-' || s[start-1] == '/' || s[start-1] == ':') {
		return true // "AN0M", "COVID-19", "26Lemont"
	}
	if start > 0 && s[start-1] == '.' && (start == 1 || !isWordByte(s[start-2])) {
		return true // ".38 calibre": a bore, not a count
	}
	if (strings.HasSuffix(num, "K") || strings.HasSuffix(num, "k")) && strings.HasPrefix(after, " gold") ||
		strings.HasPrefix(after, "-carat") || strings.HasPrefix(after, " carat") {
		return true // "eight 24K gold bars": the gold's purity
	}
	if strings.HasPrefix(after, "×") || strings.HasSuffix(before, "×") ||
		len(after) > 1 && (after[0] == 'x' || after[0] == 'X') && after[1] >= '0' && after[1] <= '9' {
		return true // "a 7.62×51 rifle", "5.56x45": a cartridge's size, not a count
	}
	if timeOrBoreAfter(after) {
		return true // "around 11 p.m.", "a 12 gauge shotgun"
	}
	if end < len(s) && isLetterByte(s[end]) {
		// Letters stuck to the digits are a unit ("5kg", "£54m") or part of a name ("26Lemont").
		j := end
		for j < len(s) && isLetterByte(s[j]) {
			j++
		}
		if !attachedUnits[strings.ToLower(s[end:j])] {
			return true
		}
	}
	return codeWordBefore(before)
}

// timeOrBoreAfter reports whether after, the text after a number, makes it
// a time of day or a gun's bore: a space, then one of timeOrBoreWords
// ending a word.
func timeOrBoreAfter(after string) bool {
	if !strings.HasPrefix(after, " ") {
		return false
	}
	for _, w := range timeOrBoreWords {
		if e := 1 + len(w); hasPrefixFold(after[1:], w) && (e == len(after) || !isWordASCII(after[e]) || w[len(w)-1] == '.') {
			return true
		}
	}
	return false
}

var timeOrBoreWords = []string{"p.m.", "a.m.", "p.m", "a.m", "pm", "am", "o'clock", "hrs", "hours gmt", "calibre", "caliber", "gauge", "bore",
	"ammunition", "mm", "block of"} // ("the 11500 block of Elm Road": an address)

// codeWordBefore reports whether before ends with one of codeWordsBefore in
// lower case. A dotted capital I lowers to an ASCII letter ("İ" to i);
// without one the words are compared in place. (The Kelvin sign lowers to
// k too, but no word has a k.)
func codeWordBefore(before string) bool {
	if strings.Contains(before, "İ") {
		lb := strings.ToLower(before)
		for _, w := range codeWordsBefore {
			if strings.HasSuffix(lb, w) {
				return true
			}
		}
		return false
	}
	for _, w := range codeWordsBefore {
		if hasSuffixFold(before, w) {
			return true
		}
	}
	return false
}

// codeWordsBefore are the words after which a number names or counts no haul.
var codeWordsBefore = []string{"phase ", "section ", "act ", "no. ", "number ", "pangea ", "chapter ", "article ", "aged ", "aged between ", "age ", "room ", "level ", "grade ", "category ", "class ", "route ", "highway ", "step "}

// hasSuffixFold reports whether s, in ASCII lower case, ends with lower.
func hasSuffixFold(s, lower string) bool {
	return len(s) >= len(lower) && equalFoldASCII(s[len(s)-len(lower):], lower)
}

func isWordByte(b byte) bool   { return byteClass[b]&(classLetter|classDigit) != 0 }
func isLetterByte(b byte) bool { return byteClass[b]&classLetter != 0 }

// byteClass holds what each byte is, so that the tests above cost one look-up.
var byteClass = func() (c [256]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		c[b], c[b-'a'+'A'] = classLetter, classLetter
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = classDigit
	}
	c['_'] = classUnderscore
	return c
}()

const (
	classLetter uint8 = 1 << iota
	classDigit
	classUnderscore
)

func sortFigures(fs []figure) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Start < fs[j-1].Start; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// hasDigit reports whether s holds an ASCII digit, reading eight bytes at a
// time: of each byte xor '0', one below 10 borrows into its high bit when
// 10 is taken away, which no byte from 0x80 does (its own high bit is
// masked out); a borrow from a lower byte only follows a digit.
func hasDigit(s string) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	for len(s) >= 8 {
		x := load64(s) ^ ('0' * ones)
		if (x-10*ones)&^x&high != 0 {
			return true
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// containsAnyWord reports whether lower holds any of the cues.
func containsAnyWord(lower string, cues []string) bool {
	for _, c := range cues {
		if strings.Contains(lower, c) {
			return true
		}
	}
	return false
}

// findDigitsAt finds the numbers written in digits in s, given the offsets
// where its words start (see wordStartsOf) and their scanner bits (or nil), each with its multiplier: for
// each, the offsets of the match, of the number, and of a multiplier that
// may follow with no space ("£54m", "7K") or of a word one after spaces
// ("2.5 million"), -1 where there is none (see matchDigits).
func findDigitsAt(s string, starts []int32, bits []uint8) [][]int {
	return matchAtWordStarts(s, starts, bits, scanDigits, &digitLead, matchDigits)
}

// matchDigits reads a number at s[p], a digit after no word character:
// one to three digits and groups of a comma and three digits ("1,234,567"),
// else any digits, then maybe a dot and digits; then maybe spaces and one
// of digitsShort ending a word, or spaces and one of digitsLong ending a
// word, in any ASCII case. Each part is greedy, so the first way through
// is the longest one.
func matchDigits(s string, p int) submatch {
	digit := func(q int) bool { return q < len(s) && s[q] >= '0' && s[q] <= '9' }
	digitsEnd := func(q int) int {
		for digit(q) {
			q++
		}
		return q
	}
	e := digitsEnd(p)
	if e-p <= 3 && e < len(s) && s[e] == ',' && digit(e+1) && digit(e+2) && digit(e+3) {
		for e < len(s) && s[e] == ',' && digit(e+1) && digit(e+2) && digit(e+3) {
			e += 4 // 1,234,567
		}
	} else if e-p <= 3 {
		// "45 300 rounds", "1 250 000 cigarettes": groups of three digits after
		// a space, as Europol and South African texts write them.
		for e+3 < len(s) && s[e] == ' ' && digit(e+1) && digit(e+2) && digit(e+3) && !digit(e+4) &&
			(e+4 == len(s) || s[e+4] != '-' && s[e+4] != '.' && s[e+4] != ',' && s[e+4] != '/' && s[e+4] != ':') {
			e += 4
		}
	}
	if e < len(s) && s[e] == '.' && digit(e+1) {
		e = digitsEnd(e + 1)
	} else if decimalCommaAt(s, p, e) {
		e = digitsEnd(e + 1) // "3,5 tonnes": a decimal comma
	}
	sm := submatch{m: [8]int{p, e, p, e, -1, -1, -1, -1}, n: 8}
	m := &sm.m
	w := e
	for w < len(s) && isSpaceASCII(s[w]) {
		w++
	}
	j := w
	for j < len(s) && isWordASCII(s[j]) {
		j++
	}
	switch word := s[w:j]; {
	case digitsShort.has(word):
		m[1], m[4], m[5] = j, w, j
	case w > e && digitsLong.has(word):
		m[1], m[6], m[7] = j, w, j
	}
	return sm
}

// The multipliers after digits: those that may follow with no space, and the words.
var (
	digitsShort = newFoldSet("k m mn mln bn b tn")
	digitsLong  = newFoldSet("thousand million millions billion trillion lakh lakhs crore crores")
)

// The words of a word number, in the order they are tried: a number, a
// unit after a hyphen or space, a multiplier.
var (
	wordNumHeads = strings.Fields(`a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen
		fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety single`)
	wordNumUnits = strings.Fields("one two three four five six seven eight nine")
	wordNumMults = strings.Fields("dozen hundred thousand million billion lakhs lakh crores crore")
)

// findWordNumbersAt finds the numbers written in words in s ("two",
// "twenty-five", "three million", "a dozen"), given the offsets where its
// words start (see wordStartsOf) and their scanner bits (or nil): for each, the offsets of the match, of
// the number and of a multiplier, -1 where there is none (see
// matchWordNumber).
func findWordNumbersAt(s string, starts []int32, bits []uint8) [][]int {
	return matchAtWordStarts(s, starts, bits, scanWordNumber, &wordNumLead, matchWordNumber)
}

// submatch is the submatch offsets of one match, the first n of m, as a
// matcher for matchAtWordStarts returns them by value; n is 0 for none.
type submatch struct {
	m [8]int
	n int
}

// matchAtWordStarts is what a pattern's FindAll finds, for a pattern that
// starts a word: match is tried at each word start whose first byte is in
// lead, left to right, skipping starts inside the last match, and returns
// the submatch offsets there or none. The matches' offsets share arrays.
// bits, when not nil, holds each start's scanner bits (appendStartBits):
// a start without the scanner's bit want is one where match finds none.
func matchAtWordStarts(s string, starts []int32, bits []uint8, want uint8, lead *[256]bool, match func(s string, p int) submatch) [][]int {
	var out [][]int
	var flat []int // room for the matches' offsets
	next := 0
	for k, q := range starts {
		p := int(q)
		if bits != nil && bits[k]&want == 0 || p < next || !lead[s[p]] || !wordStart(s, p) {
			continue
		}
		if sm := match(s, p); sm.n > 0 {
			if cap(flat)-len(flat) < sm.n { // room for this match and one more like it, then twice the last
				flat = make([]int, 0, max(2*sm.n, 2*cap(flat)))
			}
			k := len(flat)
			flat = append(flat, sm.m[:sm.n]...)
			out = append(out, flat[k:k+sm.n:k+sm.n])
			next = sm.m[1]
		}
	}
	return out
}

// spanTo turns a matcher that returns where its match ends (or -1) into
// one that returns the match's offsets, for matchAtWordStarts.
func spanTo(end func(s string, p int) int) func(s string, p int) submatch {
	return func(s string, p int) submatch {
		if e := end(s, p); e >= 0 {
			return submatch{m: [8]int{p, e}, n: 2}
		}
		return submatch{}
	}
}

// digitLead and letterLead hold the digits, and the bytes isLetterByte takes.
var (
	digitLead  = byteSet(func(b byte) bool { return b >= '0' && b <= '9' })
	letterLead = byteSet(isLetterByte)
)

func byteSet(in func(byte) bool) (set [256]bool) {
	for b := range 256 {
		set[b] = in(byte(b))
	}
	return set
}

// letterSet holds the given letters in either case.
func letterSet(letters string) (set [256]bool) {
	for _, c := range []byte(letters) {
		set[c], set[c-'a'+'A'] = true, true
	}
	return set
}

// wordNumLead and vagueLead hold the first letters of the word numbers'
// and the vague counts' words.
var (
	wordNumLead = letterSet("aotfsen")
	vagueLead   = letterSet("sdhtmanql")
)

// vagueAlts are the vague counts, in the order they are tried: "several
// dozen" before "several".
var vagueAlts = newWordAlts("several dozen", "several hundred", "several thousand", "dozens", "hundreds", "thousands", "millions",
	"several", "a number of", "a large number of", "a significant number of", "numerous", "multiple", "a quantity of",
	"quantities of", "a large quantity of", "large quantities of", "many")

// findVagueAt finds the vague counts in s ("several dozen", "hundreds",
// "a number of"), given the offsets where its words start (see
// wordStartsOf) and their scanner bits (or nil): one of vagueAlts starting
// and ending a word, in any ASCII case; for each, the offsets of the match, twice.
func findVagueAt(s string, starts []int32, bits []uint8) [][]int {
	return matchAtWordStarts(s, starts, bits, scanVague, &vagueLead, func(s string, p int) submatch {
		if e := wordAltAt(s, p, vagueAlts); e >= 0 {
			return submatch{m: [8]int{p, e, p, e}, n: 4}
		}
		return submatch{}
	})
}

// matchWordNumber reads a word number at s[p], after no word character,
// in any ASCII case: one of wordNumHeads, maybe a hyphen or space and one
// of wordNumUnits ("twenty-five"), maybe spaces and one of wordNumMults,
// ending a word; the ways through are tried in that order, the longer
// first. It returns the offsets of the match, of the number and of the
// multiplier (-1 for none), or none.
func matchWordNumber(s string, p int) submatch {
	// A head that matches ends where a hyphen, a space or no word character
	// follows: it is the whole run of letters, one of wordNumFirst.
	if !wordNumFirst.has(s[p:asciiLetters(s, p)]) {
		return submatch{}
	}
	boundary := func(x int) bool { return x == len(s) || !isWordASCII(s[x]) } // \b after a letter
	// rest matches (?:\s+(mult))?\b from x, the end of group 1.
	rest := func(x int) submatch {
		w := x
		for w < len(s) && isSpaceASCII(s[w]) {
			w++
		}
		if w > x {
			for _, mu := range wordNumMults {
				if hasPrefixFold(s[w:], mu) && boundary(w+len(mu)) {
					return submatch{m: [8]int{p, w + len(mu), p, x, w, w + len(mu)}, n: 6}
				}
			}
		}
		if boundary(x) {
			return submatch{m: [8]int{p, x, p, x, -1, -1}, n: 6}
		}
		return submatch{}
	}
	for _, h := range wordNumHeads {
		if !hasPrefixFold(s[p:], h) {
			continue
		}
		q := p + len(h)
		if q < len(s) && (s[q] == '-' || s[q] == ' ') {
			for _, u := range wordNumUnits {
				if hasPrefixFold(s[q+1:], u) {
					if m := rest(q + 1 + len(u)); m.n > 0 {
						return m
					}
				}
			}
		}
		if m := rest(q); m.n > 0 {
			return m
		}
	}
	return submatch{}
}

// decimalCommaAt reports whether the digits s[p:e] are followed by a comma
// and one or two digits that end the number: "3,5 tonnes", "1,25 kg" (not
// "1,250" nor "3, 5 and 7").
func decimalCommaAt(s string, p, e int) bool {
	if e >= len(s) || s[e] != ',' || e == p {
		return false
	}
	n := 0
	for q := e + 1; q < len(s) && s[q] >= '0' && s[q] <= '9'; q++ {
		n++
	}
	end := e + 1 + n
	return n >= 1 && n <= 2 && (end == len(s) || !isWordASCII(s[end]) && s[end] != ',' && s[end] != '.')
}

// numberText is a number's text as strconv reads it: group commas dropped,
// a decimal comma made a dot.
func numberText(t string) string {
	if k := strings.IndexByte(t, ','); k >= 0 && decimalCommaAt(t, 0, k) {
		return t[:k] + "." + t[k+1:]
	}
	if strings.IndexByte(t, ' ') >= 0 {
		t = strings.ReplaceAll(t, " ", "") // "45 300"
	}
	return strings.ReplaceAll(t, ",", "")
}

// roundSig rounds x to 12 significant digits: a number times its
// multiplier is what the text wrote ("2.3 lakh" is 230000, not
// 229999.99999999997).
func roundSig(x float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	if err != nil {
		return x
	}
	return r
}

// vulgarFractions are the fractions written as one character.
var vulgarFractions = []struct {
	char  string
	value float64
}{{"½", 0.5}, {"¼", 0.25}, {"¾", 0.75}, {"⅓", 1.0 / 3}, {"⅔", 2.0 / 3}, {"⅛", 0.125}}

// vulgarFractionAt returns the fraction written as one character at s[p:],
// maybe after one space ("2½", "2 ½"), and the length read, or 0.
func vulgarFractionAt(s string, p int) (float64, int) {
	q := p
	if q < len(s) && s[q] == ' ' {
		q++
	}
	if q >= len(s) || s[q] < 0xc2 {
		return 0, 0
	}
	for _, f := range vulgarFractions {
		if strings.HasPrefix(s[q:], f.char) {
			return f.value, q + len(f.char) - p
		}
	}
	return 0, 0
}
