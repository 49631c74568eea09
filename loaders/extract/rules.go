package extract

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/opgraph/opgraph/loaders/extract/pattern"
)

// The rules written as data: one file per fact kind in rules/, in the
// language of package pattern (pattern/RULES.md). Each fact a rule makes
// records the rule's name in its evidence (Span.Rule).
//
//go:embed rules/*.rules
var ruleFiles embed.FS

// ruleClasses are the word classes rules test with @name: each is a bit of
// pattern.Token.Class, set from the token's lower form by classify.
var ruleClasses = []struct {
	name  string
	words map[string]bool
}{
	{"arrestVerb", wordSet("arrested detained apprehended held nabbed collared intercepted captured")},
	{"personNoun", personNouns},
	{"numberWord", numberWordSet()},
	{"sayVerb", sayVerbs},
	{"title", titleWords},
	{"roleWord", peopleRoleWords},
	{"notName", notNameWords},
	{"agencyHead", agencyHeads},
	{"kinNoun", wordSet("son sons daughter daughters wife husband brother brothers sister sisters father mother partner girlfriend boyfriend nephew niece cousin accomplice")},
}

// The text classes are read from a token's text as written and the bytes
// around it, not from its lower form: the letter categories, spaces and
// word edges of the patterns that were regexps. Rules test them with
// @name like the word classes; textClassBits sets them.
const (
	tcNameWord       = iota // a capital, then lower-case letters or apostrophes: "Wouwse", "O'neil"
	tcNameInitial           // one capital letter alone
	tcNameStart             // a capital, then a lower-case letter or apostrophe: where a regexp's name word starts ("Mc" of "McAllen")
	tcNameTail              // lower-case letters, apostrophes and hyphens, which continue a name's word glued to it: "-", "jones", "'s"
	tcRoman                 // one to four of I, V, X
	tcASCIICapWord          // an ASCII capital, then ASCII letters or digits: regexp's [A-Z]\w+
	tcAfterWordChar         // an ASCII letter, digit or '_' just before it: regexp's \b does not hold there
	tcBeforeWordChar        // the same just after it
	tcSpaced                // regexp's \s+ before it: ASCII spaces only, at least one, back to the token before
	tcSpace1After           // one space after it, then the next token: a pattern's literal space
	tcYearLead              // a year of the 1900s or 2000s, and no ASCII letter or digit right after it: "2019", "2019.5"
	tcASCIIWordPart         // ASCII letters, digits and '_' only: a piece of regexp's \w+
	tcSeizeStem             // starts with the stem of a verb of seizing: seiz, confiscat, recover, intercept
	tcBoundaryBefore        // regexp's \b holds before it: ASCII word characters on one side only ("ſ" is none)
	tcBoundaryAfter         // the same after it
	numTextClasses
)

var textClassNames = [numTextClasses]string{"nameWord", "nameInitial", "nameStart", "nameTail", "roman", "asciiCapWord",
	"afterWordChar", "beforeWordChar", "spaced", "space1After", "yearLead", "asciiWordPart", "seizeStem", "boundaryBefore", "boundaryAfter"}

// textClassBits returns the text classes of t, a token of sentence s, as
// bits from 0 (shifted into place by the caller).
func textClassBits(s string, t *pattern.Token) uint64 {
	b := wordClassBits(t.Text, t.Shape)
	set := func(c int, ok bool) {
		if ok {
			b |= 1 << c
		}
	}
	w := t.Text
	if t.Shape&pattern.ShapeNum != 0 {
		y := t.Start + 4
		set(tcYearLead, y <= t.End && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) &&
			w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9' && (y == len(s) || !isWordASCII(s[y])))
	}
	if l := t.Lower; l != "" {
		switch l[0] {
		case 's':
			set(tcSeizeStem, strings.HasPrefix(l, "seiz"))
		case 'c':
			set(tcSeizeStem, strings.HasPrefix(l, "confiscat"))
		case 'r':
			set(tcSeizeStem, strings.HasPrefix(l, "recover"))
		case 'i':
			set(tcSeizeStem, strings.HasPrefix(l, "intercept"))
		}
	}
	wordBefore := t.Start > 0 && isWordASCII(s[t.Start-1])
	wordAfter := t.End < len(s) && isWordASCII(s[t.End])
	set(tcBoundaryBefore, wordBefore != isWordASCII(s[t.Start]))
	set(tcBoundaryAfter, isWordASCII(s[t.End-1]) != wordAfter)
	set(tcAfterWordChar, wordBefore)
	set(tcBeforeWordChar, wordAfter)
	set(tcSpace1After, t.End+1 < len(s) && s[t.End] == ' ' && !startsWithSpace(s[t.End+1:]))
	if i := t.Start; i > 0 && isSpaceASCII(s[i-1]) {
		for i > 0 && isSpaceASCII(s[i-1]) {
			i--
		}
		spaced := i == 0
		if !spaced {
			if c := s[i-1]; c < utf8.RuneSelf {
				spaced = c != '\v' // not isSpaceASCII, so a space to unicode.IsSpace only if \v
			} else {
				r, _ := utf8.DecodeLastRuneInString(s[:i])
				spaced = !unicode.IsSpace(r)
			}
		}
		set(tcSpaced, spaced)
	}
	return b
}

// wordClassBits returns the text classes that a token's text w, of the
// given shape, says alone: the name classes, roman, asciiCapWord and
// asciiWordPart. An ASCII word is read in one pass over its bytes.
func wordClassBits(w string, shape pattern.Shape) uint64 {
	if w == "" {
		return 0
	}
	f := wordBytes[w[0]] | wbTail // the tail is w[1:]
	for i := 1; i < len(w); i++ {
		f &= wordBytes[w[i]]
	}
	if f&wbASCII == 0 {
		return wordClassBitsRunes(w, shape)
	}
	word, tail, ivx := f&wbWord != 0, f&wbTail != 0, f&wbIVX != 0
	var b uint64
	if shape&pattern.ShapeCap != 0 { // w[0] is an ASCII capital
		if len(w) == 1 {
			b |= 1 << tcNameInitial
		} else if c := w[1]; c >= 'a' && c <= 'z' || c == '\'' {
			b |= 1 << tcNameStart
			if tail {
				b |= 1 << tcNameWord
			}
		}
		if len(w) >= 2 && word {
			b |= 1 << tcASCIICapWord
		}
		if len(w) <= 4 && ivx {
			b |= 1 << tcRoman
		}
	} else if wordBytes[w[0]]&wbTail != 0 && tail {
		b |= 1 << tcNameTail
	}
	if word {
		b |= 1 << tcASCIIWordPart
	}
	return b
}

// The bits of wordBytes: what each byte is, for wordClassBits.
const (
	wbASCII = 1 << iota
	wbWord  // \w
	wbTail  // continues a name's word: a lower-case letter, an apostrophe or a hyphen
	wbIVX   // a roman digit: I, V or X
)

var wordBytes = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		b := byte(c)
		t[b] = wbASCII
		if isWordASCII(b) {
			t[b] |= wbWord
		}
		if b >= 'a' && b <= 'z' || b == '\'' || b == '-' {
			t[b] |= wbTail
		}
		if b == 'I' || b == 'V' || b == 'X' {
			t[b] |= wbIVX
		}
	}
	return t
}()

// wordClassBitsRunes is wordClassBits for any text, rune by rune.
func wordClassBitsRunes(w string, shape pattern.Shape) uint64 {
	var b uint64
	set := func(c int, ok bool) {
		if ok {
			b |= 1 << c
		}
	}
	r, n := utf8.DecodeRuneInString(w)
	if shape&pattern.ShapeCap != 0 {
		set(tcNameInitial, n == len(w))
		if n < len(w) {
			r2, _ := utf8.DecodeRuneInString(w[n:])
			start := unicode.IsLower(r2) || r2 == '\'' || r2 == '’'
			set(tcNameStart, start)
			set(tcNameWord, start && nameTail(w[n:]))
		}
		set(tcASCIICapWord, isASCIICapWord(w))
		set(tcRoman, len(w) <= 4 && strings.Trim(w, "IVX") == "")
	} else if unicode.IsLower(r) || r == '\'' || r == '’' || r == '-' {
		set(tcNameTail, nameTail(w))
	}
	set(tcASCIIWordPart, isASCIIWord(w))
	return b
}

// isASCIIWord reports whether w is ASCII letters, digits and '_'.
func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isWordASCII(w[i]) {
			return false
		}
	}
	return w != ""
}

// isASCIICapWord reports whether w is an ASCII capital and then ASCII
// letters or digits.
func isASCIICapWord(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if !isWordASCII(w[i]) {
			return false
		}
	}
	return true
}

func startsWithSpace(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return isSpaceASCII(s[0]) || s[0] == '\v' // unicode.IsSpace of an ASCII byte
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// nameTail reports whether w is lower-case letters, apostrophes and hyphens.
func nameTail(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return true
}

func numberWordSet() map[string]bool {
	m := map[string]bool{}
	for w := range wordNumbers {
		m[w] = true
	}
	return m
}

// personNouns are the nouns for people that arrest figures count.
var personNouns = wordSet(`people persons person suspects suspect men man women woman individuals individual skippers skipper boatmen
		offenders members others youths youth teenagers teenager teens teen boys boy girls girl adults juveniles minors
		nationals national citizens citizen foreigners foreigner couriers courier dealers dealer traffickers trafficker smugglers smuggler
		defendants accused fugitives operators operator vendors administrators associates ringleaders leaders
		fraudsters fraudster launderers passengers passenger travellers traveller travelers drivers driver
		crew sailors fishermen gang gangsters workers recruiters sellers buyers mules carriers
		agents brokers middlemen accomplices conspirators perpetrators culprits criminals offender
		robbers thieves burglars kidnappers abductors gunmen hitmen assailants attackers shooters
		scammers hackers cybercriminals poachers loggers miners farmers growers cultivators
		traders merchants vendor shopkeepers hawkers peddlers pushers distributors suppliers
		importers exporters manufacturers cooks chemists employees staff officials owners
		managers directors executives businessmen businesswomen pilots captains seamen crewmen
		handlers dockworkers truckers migrants immigrants residents villagers tenants occupants customers customer clients client buyer crews gangster paddlers paddler
		inmates prisoners students relatives brothers sisters sons daughters husband wife
		militants terrorists pirates counterfeiters forgers mobsters kingpins bosses leaders
		personalities males females father son mother daughter brother sister subjects
		affiliates facilitators collaborators recruiter broker agent organizer organiser organizers organisers mastermind masterminds
		businessman businesswoman employee official owner manager director executive pilot captain
		seaman handler trucker migrant immigrant resident villager tenant inmate prisoner student
		relative brother sister son daughter militant terrorist pirate counterfeiter forger mobster
		kingpin boss affiliate facilitator collaborator accomplice conspirator perpetrator culprit
		criminal robber thief burglar kidnapper abductor gunman hitman assailant attacker shooter
		scammer hacker cybercriminal poacher logger miner farmer grower trader merchant shopkeeper
		hawker peddler pusher distributor supplier importer exporter manufacturer middleman mule
		foreigner citizen chemist pharmacist doctor nurse teacher soldier guard targets target officer policeman policemen`)

// ruleSets are the compiled rules, one set per fact kind, and the class
// bits of every word a class names.
type ruleSets struct {
	byKind    map[string]*pattern.Set
	words     *pattern.Words // the forms the rules name, numbered for all the sets
	classOf   map[string]uint64
	classBit  map[string]uint64 // each class's bit, by name
	textShift int               // where the text classes' bits start
	signalBit map[string]uint64 // the bit of each rule of signals.rules, by name
	// The classes and number of each one-byte ASCII form (punctuation
	// mostly, which the extractor's tokens lack), looked up at start-up.
	byteClass [utf8.RuneSelf]uint64
	byteWord  [utf8.RuneSelf]int32
}

// loadRules compiles every rule file; an error names the file, line and column.
//
// nationals fills the class @national, the peoples' names of the gazetteer
// (nil leaves it empty).
func loadRules(nationals map[string]bool) (*ruleSets, error) {
	classes := map[string]uint64{}
	classOf := map[string]uint64{}
	all := append(ruleClasses[:len(ruleClasses):len(ruleClasses)], struct {
		name  string
		words map[string]bool
	}{"national", nationals})
	for k, c := range all {
		bit := uint64(1) << k
		classes[c.name] = bit
		for w := range c.words {
			classOf[w] |= bit
		}
	}
	rs := &ruleSets{byKind: map[string]*pattern.Set{}, words: pattern.NewWords(), classOf: classOf, classBit: classes}
	rs.textShift = len(all)
	for k, name := range textClassNames {
		classes[name] = uint64(1) << (rs.textShift + k)
	}
	files, err := fs.Glob(ruleFiles, "rules/*.rules")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		src, err := ruleFiles.ReadFile(f)
		if err != nil {
			return nil, err
		}
		set, err := pattern.CompileWords(f, string(src), classes, rs.words)
		if err != nil {
			return nil, fmt.Errorf("extraction rules: %w", err)
		}
		rs.byKind[strings.TrimSuffix(path.Base(f), ".rules")] = set
	}
	for b := range utf8.RuneSelf {
		rs.byteClass[b], rs.byteWord[b] = classOf[string(rune(b))], rs.words.ID(string(rune(b)))
	}
	rs.signalBit = map[string]uint64{}
	if set := rs.byKind["signals"]; set != nil {
		for i := 0; i < set.Len() && i < 64; i++ {
			rs.signalBit[set.Name(i)] = 1 << i
		}
	}
	return rs, nil
}

// tokenize appends the tokens of sentence s to dst with their classes.
// known, the extractor's tokens of s or nil, gives a word its word classes
// and its number among the rules' words where one of them starts there
// with the same lower form: they were looked up with its trie node, and
// the look-ups need not be made again.
func (rs *ruleSets) tokenize(dst []pattern.Token, s, low string, known []token) []pattern.Token {
	n := len(dst)
	var wordsBuf [64]pattern.Word // most sentences' words of letters, on the stack
	dst = pattern.TokenizeWords(dst, s, low, knownWords(wordsBuf[:0], s, known), nil)
	k := 0
	for i := n; i < len(dst); i++ {
		t := &dst[i]
		for k < len(known) && known[k].Start < t.Start {
			k++
		}
		if k < len(known) && known[k].rooted && known[k].Start == t.Start && known[k].Lower == t.Lower {
			t.Class, t.Word = known[k].class, known[k].ruleWord
		} else if len(t.Lower) == 1 && t.Lower[0] < utf8.RuneSelf {
			t.Class, t.Word = rs.byteClass[t.Lower[0]], rs.byteWord[t.Lower[0]]
		} else {
			t.Class, t.Word = rs.classOf[t.Lower], rs.words.ID(t.Lower)
		}
		t.Class |= textClassBits(s, t) << rs.textShift
	}
	return dst
}

// knownWords appends to dst the tokens of s (the extractor's, known) that
// the rules' tokenizer would read the same: ASCII letters alone, with no
// character after them that could join them to more.
func knownWords(dst []pattern.Word, s string, known []token) []pattern.Word {
	for k := range known {
		t := &known[k]
		if !t.letters {
			continue
		}
		if e := t.End; e < len(s) && (s[e] == '\'' || s[e] == '.' || s[e] == '&' || s[e] >= utf8.RuneSelf) {
			continue
		}
		var shape pattern.Shape
		if c := s[t.Start]; c >= 'A' && c <= 'Z' {
			shape |= pattern.ShapeCap
		}
		switch t.kinds & (tbUpper | tbLower) {
		case tbUpper:
			shape |= pattern.ShapeAllCaps
		case tbLower:
			shape |= pattern.ShapeLower
		}
		dst = append(dst, pattern.Word{Start: t.Start, End: t.End, Shape: shape, Lower: t.Lower})
	}
	return dst
}

// ruleTokens are the sentence's tokens as rules read them, made once.
func (r *run) ruleTokens(sf *sentenceFacts) []pattern.Token {
	if !sf.ptoksDone {
		sf.ptoksDone = true
		n := len(r.ptoks)
		r.ptoks = r.x.rules.tokenize(r.ptoks, sf.s.Text, sf.low, sf.toks)
		sf.ptoks = r.ptoks[n:len(r.ptoks):len(r.ptoks)]
	}
	return sf.ptoks
}

// The rules of signals.rules: each says something of a whole sentence.
const (
	sigValueWord     = "signal.value-word"
	sigHypothetical  = "signal.hypothetical"
	sigStrongSeizure = "signal.strong-seizure"
	sigHistoric      = "signal.historic"
	sigArrestedWith  = "signal.arrested-with"
)

// signal reports whether the rule of signals.rules called name matches
// the sentence. The first call matches them all, once.
func (r *run) signal(sf *sentenceFacts, name string) bool {
	if !sf.signalsDone {
		sf.signalsDone = true
		toks := r.ruleTokens(sf)
		r.x.rules.byKind["signals"].Match(toks, func(m pattern.Match) bool {
			if m.Index < 64 {
				sf.signals |= 1 << m.Index
			}
			return true
		})
	}
	return sf.signals&r.x.rules.signalBit[name] != 0
}

// ruleValue reads the number a rule captured in toks: digits ("1,200"),
// number words ("seven", "twenty-one") or an article ("a man"); ok is false
// where the tokens hold no number.
func ruleValue(toks []pattern.Token) (float64, bool) {
	if len(toks) == 0 {
		return 0, false
	}
	w := toks[0].Lower
	switch w {
	case "a", "an", "one", "another":
		return 1, true
	case "pair", "duo", "couple", "both":
		return 2, true
	case "trio":
		return 3, true
	}
	if v, ok := wordValue(w); ok {
		if len(toks) > 2 && toks[1].Text == "-" {
			if u, ok := wordValue(w + "-" + toks[2].Lower); ok {
				return u, true
			}
		}
		return v, true
	}
	if toks[0].Shape&pattern.ShapeNum != 0 {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(toks[0].Text, ",", ""), 64); err == nil {
			return v, true
		}
	}
	return 0, false
}
