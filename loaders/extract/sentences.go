package extract

import (
	"math/bits"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one sentence of a document's body.
type sentence struct {
	Text       string
	Start, End int    // byte offsets into Document.Text
	Para       int    // index of its paragraph (line)
	Index      int    // index among the document's kept sentences
	low        string // Text in ASCII lower case
}

// boilerplatePatterns match whole lines that are page furniture, not
// content; a nil one is its gate alone (see boilerplateGates).
var boilerplatePatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^(image|photo|picture|video)\s*(copyright|credit|caption|source)\b`),
	regexp.MustCompile(`(?i)^(getty images|pa media|reuters|ap|afp photo|shutterstock)$`),
	regexp.MustCompile(`(?i)^leave a (comment|reply)`),
	regexp.MustCompile(`(?i)your email address will not be published`),
	regexp.MustCompile(`(?i)^required fields are marked`),
	regexp.MustCompile(`(?i)^(read more|related|related news|related stories|related articles|related content|more on this story|see also|also read|recommended|most read|you may also like|top stories)\b\s*:?`),
	regexp.MustCompile(`(?i)^skip to (main )?content`),
	regexp.MustCompile(`(?i)^(share|share this|share on|follow us|subscribe|sign up|click here|tap here|listen to this)\b`),
	nil, // a cookie or copyright notice: hasSiteNotice
	regexp.MustCompile(`(?i)^\d+\s+min(ute)?s?\s+read$`),
	regexp.MustCompile(`(?i)^(press release|media release|news release|national news|breaking news|advertisement|sponsored)$`),
	regexp.MustCompile(`(?i)photos?, audio and videos?`),
	regexp.MustCompile(`(?i)^by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}(\s*[,|].*)?$`),
	regexp.MustCompile(`(?i)^(updated|published|posted|last updated)\s*:?\s*\d`),
	// A date alone on a line: "13 November 2019", "November 13, 2019", "Friday, 29 September 2023 - 9:00am |".
	regexp.MustCompile(`(?i)^((mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?(\d{1,2}\s+[a-z]+\s+\d{4}|[a-z]+\s+\d{1,2},?\s+\d{4})(\s*[-–]\s*\d{1,2}[:.]\d{2}\s*(am|pm)?)?\s*\|?$`),
}

// headlineBullet is a list item that is a link to another story: a bullet
// and a quoted phrase ("• UK organised crime ‘chronic and corrosive’"). An
// apostrophe inside a word ("Prosecutor’s Office") opens no quote, and a
// suspect's alias ("- Ada Obi, alias "Tiny", 37") is no headline's quote.
var headlineBullet = regexp.MustCompile(`^[•·▪►\-*]\s*(?:.*[^\pL\pN])?[‘“"']\pL`)

// isHeadlineBullet reports whether a line is a link to another story (headlineBullet).
func isHeadlineBullet(line string) bool {
	return strings.ContainsAny(line, headlineQuotes) && headlineBullet.MatchString(line) && !strings.Contains(strings.ToLower(line), "alias ")
}

// headlineQuotes are the quotes headlineBullet needs one of.
const headlineQuotes = `‘“"'`

// boilerplateGates are cheap tests that boilerplatePatterns, one by one,
// need to pass, given the line and its ASCII lower case.
var boilerplateGates = []boilerplateGate{
	{prefixes: []string{"image", "photo", "picture", "video"}},
	{test: func(line, _ string) bool { return len(line) <= len("shutterstock") }},
	{prefixes: []string{"leave a "}},
	{test: func(_, low string) bool { return strings.Contains(low, "your email address will not be published") }},
	{prefixes: []string{"required fields are marked"}},
	{prefixes: []string{"read more", "related", "more on this story", "see also", "also read", "recommended",
		"most read", "you may also like", "top stories"}},
	{prefixes: []string{"skip to "}},
	{prefixes: []string{"share", "follow us", "subscribe", "sign up", "click here", "tap here", "listen to this"}},
	{test: func(line, low string) bool { return siteNoticeCue(low) && hasSiteNotice(line) }},
	{prefixes: []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
	{test: func(line, _ string) bool { return len(line) <= len("national news  ") }},
	{test: func(_, low string) bool { return strings.Contains(low, "audio and video") }},
	{prefixes: []string{"by"}},
	{prefixes: []string{"updated", "published", "posted", "last updated"}},
	{test: func(line, _ string) bool { return alnumRunsAtMost(line, 7) && hasDigitRun(line, 4) }},
}

// boilerplateGate is a line's test: its ASCII lower case starts with one
// of prefixes (where there are some) and the line passes test (where set).
type boilerplateGate struct {
	prefixes []string
	test     func(line, low string) bool
}

// pass reports whether a line, of ASCII lower case low, passes the gate.
func (g boilerplateGate) pass(line, low string) bool {
	return (g.prefixes == nil || hasAnyPrefix(low, g.prefixes...)) && (g.test == nil || g.test(line, low))
}

// boilerplateByFirst holds, by the first byte of a line's ASCII lower
// case, the patterns whose gates' prefixes let it pass.
var boilerplateByFirst = func() (by [256]boilerplateSet) {
	for i, g := range boilerplateGates {
		for b := range by {
			if g.prefixes == nil {
				by[b] |= 1 << i
			}
		}
		for _, p := range g.prefixes {
			by[p[0]] |= 1 << i
		}
	}
	return by
}()

// siteNoticeWords are the words of a cookie or copyright notice.
var siteNoticeWords = newWordAlts("cookies", "cookie", "privacy policy", "terms of use", "terms of service", "all rights reserved", "newsletter")

// siteNoticeCue is a cheap test that hasSiteNotice needs to pass, given the
// line's ASCII lower case: a part of each of siteNoticeWords that starts
// with a rare letter, so that each search skips ahead quickly.
func siteNoticeCue(low string) bool {
	return strings.Contains(low, "kie") || strings.Contains(low, "vacy") || strings.Contains(low, "f use") ||
		strings.Contains(low, "f serv") || strings.Contains(low, "ghts") || strings.Contains(low, "wsl")
}

// hasSiteNotice reports whether a line holds a cookie or copyright notice:
// one of siteNoticeWords, in any ASCII case, starting and ending a word.
func hasSiteNotice(line string) bool {
	for p := 0; p < len(line); p++ {
		if isLetterByte(line[p]) && wordStart(line, p) && wordAltAt(line, p, siteNoticeWords) >= 0 {
			if hasPrefixFold(line[p:], "cookie") && !cookieNotice(lowerASCII(line)) {
				continue // "Operation Cookie Monster took down Genesis Market": a name
			}
			return true
		}
	}
	return false
}

// cookieNotice reports whether a line, in ASCII lower case, that names
// cookies asks about them: a site's notice, not news.
func cookieNotice(low string) bool {
	for _, w := range []string{"accept", "consent", "browser", "settings", "privacy", "policy", "we use", "website", "this site", "our site", "experience", "agree", "preferences"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// alnumRunsAtMost reports whether s has at most n runs of ASCII letters and
// digits. A line that is a date alone has at most seven (a weekday, three
// for the date, three for a time), however they are spaced.
func alnumRunsAtMost(s string, n int) bool {
	runs := 0
	for i := 0; i < len(s); i++ {
		if isWordByte(s[i]) && (i == 0 || !isWordByte(s[i-1])) {
			if runs++; runs > n {
				return false
			}
		}
	}
	return true
}

// isBoilerplate reports whether a whole line is page furniture.
func isBoilerplate(line string) bool { return isBoilerplateLow(line, lowerASCII(line)) }

// isBoilerplateLow is isBoilerplate given the line's ASCII lower case.
func isBoilerplateLow(line, low string) bool { return isBoilerplateIn(line, low, allBoilerplate) }

// boilerplateSet has bit i set where boilerplatePatterns[i] may match.
type boilerplateSet uint32

const allBoilerplate = ^boilerplateSet(0)

// boilerplateIn returns the patterns whose gates may pass on a line of a
// text, given the text's ASCII lower case: the gates that search a line
// for words fail on every line where the text lacks them.
func boilerplateIn(textLow string) boilerplateSet {
	set := allBoilerplate
	if !strings.Contains(textLow, "your email address will not be published") {
		set &^= 1 << 3
	}
	if !siteNoticeCue(textLow) {
		set &^= 1 << 8
	}
	if !strings.Contains(textLow, "video") || !strings.Contains(textLow, "audio and video") { // a rare letter first
		set &^= 1 << 11
	}
	return set
}

// isBoilerplateIn is isBoilerplateLow for a line of a text whose patterns
// that may match are in set.
func isBoilerplateIn(line, low string, set boilerplateSet) bool {
	if low != "" {
		set &= boilerplateByFirst[low[0]]
	}
	for ; set != 0; set &= set - 1 {
		i := bits.TrailingZeros32(uint32(set))
		if i >= len(boilerplatePatterns) {
			break
		}
		if re := boilerplatePatterns[i]; boilerplateGates[i].pass(line, low) && (re == nil || re.MatchString(line)) {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(line)
	return strings.ContainsRune("•·▪►-*", r) && isHeadlineBullet(line)
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// hasDigitRun reports whether s holds n ASCII digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "det": true, "supt": true, "insp": true, "sgt": true,
	"gen": true, "col": true, "lt": true, "capt": true, "cpt": true, "st": true, "co": true, "no": true, "jr": true,
	"sr": true, "prof": true, "gov": true, "sen": true, "rep": true, "cmdr": true, "cdr": true, "maj": true,
	"adm": true, "ch": true, "supt.": true, "vs": true, "etc": true, "inc": true, "ltd": true, "corp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "approx": true, "est": true, "fig": true, "ave": true,
	"dept": true, "govt": true, "nos": true, "mt": true, "ft": true, "pte": true, "cpl": true, "pc": true, "ds": true,
	"dc": true, "dci": true, "dsupt": true, "a.m": true, "p.m": true,
	"rs": true, "tk": true, "brgy": true, "brig": true, "asst": true, "addl": true, "spl": true, // "Rs. 1.45 crore", "Brgy. San Jose"
	"comr": true, "comm": true, "ste": true, "insp.": true, "pol": true, "kombes": true, "brigjen": true, // ranks: "Sr. Comr. Mujiyono"
}

// splitSentences cuts a document body into sentences, dropping boilerplate
// lines and a line that repeats the one before it (image captions often do).
func splitSentences(text string) []sentence { return appendSentences(nil, text) }

// appendSentences appends the sentences of text to out, as splitSentences
// returns them. Hard-wrapped text is read unwrapped (unwrapHardWrapped).
func appendSentences(out []sentence, text string) []sentence {
	first := len(out)
	text = unwrapHardWrapped(text)
	para, prevLine := 0, ""
	textLow := lowerASCII(text) // one lower case for all lines, sliced as they are
	var spans [][2]int          // each line's sentences, in one array
	maybe := boilerplateIn(textLow)
	for pos := 0; pos < len(text); {
		lineStart := pos
		line := text[pos:]
		if k := strings.IndexByte(line, '\n'); k >= 0 {
			line = line[:k+1]
		}
		pos += len(line)
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		para++
		lead := strings.Index(line, trimmed)
		low := textLow[lineStart+lead : lineStart+lead+len(trimmed)]
		if isBoilerplateIn(trimmed, low, maybe) || trimmed == prevLine {
			prevLine = trimmed
			continue
		}
		prevLine = trimmed
		spans = appendSplitLine(spans[:0], trimmed)
		for _, sp := range spans {
			s := sentence{Text: trimmed[sp[0]:sp[1]], Start: lineStart + lead + sp[0], End: lineStart + lead + sp[1], Para: para, Index: len(out) - first,
				low: low[sp[0]:sp[1]]}
			out = append(out, s)
		}
	}
	return out
}

// splitLine returns the byte spans of the sentences of one line.
func splitLine(line string) [][2]int { return appendSplitLine(nil, line) }

// sentenceEnds finds the next '.', '!' or '?' of a line from offsets that
// do not decrease: one vector search (strings.IndexByte) for each byte,
// made again only once the offset passes what it found, where
// strings.IndexAny would test each byte against the set.
type sentenceEnds struct {
	line string
	next [3]int // where each byte was found, len(line) where it was not; -1 before the first search
}

// from returns the offset of the first of the bytes at or after i, or
// len(line) where there is none.
func (e *sentenceEnds) from(i int) int {
	best := len(e.line)
	for k, c := range [...]byte{'.', '!', '?'} {
		if e.next[k] < i {
			e.next[k] = len(e.line)
			if j := strings.IndexByte(e.line[i:], c); j >= 0 {
				e.next[k] = i + j
			}
		}
		best = min(best, e.next[k])
	}
	return best
}

// appendSplitLine appends the byte spans of the sentences of one line to spans.
func appendSplitLine(spans [][2]int, line string) [][2]int {
	start := 0
	ends := sentenceEnds{line: line, next: [3]int{-1, -1, -1}}
	for i := 0; i < len(line); {
		// Only '.', '!' and '?' end a sentence; being ASCII, each starts a
		// character wherever it stands.
		if i = ends.from(i); i == len(line) {
			break
		}
		r := rune(line[i])
		i++
		end := i
		// Closing quotes and brackets belong to the sentence.
		for end < len(line) {
			c, cw := utf8.DecodeRuneInString(line[end:])
			if c != '"' && c != '”' && c != '’' && c != '\'' && c != ')' {
				break
			}
			end += cw
		}
		if end >= len(line) {
			break
		}
		next, _ := utf8.DecodeRuneInString(line[end:])
		if !unicode.IsSpace(next) {
			continue
		}
		rest := strings.TrimLeftFunc(line[end:], unicode.IsSpace)
		first, _ := utf8.DecodeRuneInString(rest)
		if !(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"“‘'(•", first)) {
			continue
		}
		if r == '.' && isAbbreviationBefore(line[start:i-1]) {
			continue
		}
		if r == '.' && start == 0 && i-1 <= 2 && isDigits(line[:i-1]) {
			continue // "1. Two AK-47 rifles": a numbered list's number
		}
		spans = append(spans, [2]int{start, end})
		start = end + (len(line[end:]) - len(rest))
		i = start
	}
	if start < len(line) {
		spans = append(spans, [2]int{start, len(line)})
	}
	return spans
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isAbbreviationBefore reports whether the text before a dot ends in an
// abbreviation or an initial ("Det", "U.S", "J").
func isAbbreviationBefore(s string) bool {
	j := len(s)
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= w
	}
	word := s[j:]
	if word == "" {
		return false
	}
	if abbreviations[strings.ToLower(word)] || strings.Contains(word, ".") {
		return true
	}
	return utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0])
}
