package extract

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
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
	{"arrestVerb", wordSet("arrested detained apprehended held nabbed collared intercepted")},
	{"personNoun", wordSet(`people persons person suspects suspect men man women woman individuals individual
		offenders members others youths youth teenagers teenager teens teen boys boy girls girl adults juveniles minors
		nationals national citizens foreigners couriers courier dealers dealer traffickers trafficker smugglers smuggler
		defendants accused fugitives operators operator vendors administrators associates ringleaders leaders
		fraudsters fraudster launderers passengers passenger travellers traveller travelers drivers driver
		crew sailors fishermen gang gangsters workers recruiters sellers buyers mules carriers`)},
	{"numberWord", numberWordSet()},
	{"sayVerb", sayVerbs},
	{"title", titleWords},
	{"roleWord", peopleRoleWords},
	{"notName", notNameWords},
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
	numTextClasses
)

var textClassNames = [numTextClasses]string{"nameWord", "nameInitial", "nameStart", "nameTail", "roman", "asciiCapWord",
	"afterWordChar", "beforeWordChar", "spaced", "space1After"}

// textClassBits returns the text classes of t, a token of sentence s, as
// bits from 0 (shifted into place by the caller).
func textClassBits(s string, t *pattern.Token) uint64 {
	var b uint64
	set := func(c int, ok bool) {
		if ok {
			b |= 1 << c
		}
	}
	w := t.Text
	r, n := utf8.DecodeRuneInString(w)
	if t.Shape&pattern.ShapeCap != 0 {
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
	set(tcAfterWordChar, t.Start > 0 && isWordASCII(s[t.Start-1]))
	set(tcBeforeWordChar, t.End < len(s) && isWordASCII(s[t.End]))
	set(tcSpace1After, t.End+1 < len(s) && s[t.End] == ' ' && !startsWithSpace(s[t.End+1:]))
	if i := t.Start; i > 0 && isSpaceASCII(s[i-1]) {
		for i > 0 && isSpaceASCII(s[i-1]) {
			i--
		}
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		set(tcSpaced, i == 0 || !unicode.IsSpace(r))
	}
	return b
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

// ruleSets are the compiled rules, one set per fact kind, and the class
// bits of every word a class names.
type ruleSets struct {
	byKind    map[string]*pattern.Set
	classOf   map[string]uint64
	classBit  map[string]uint64 // each class's bit, by name
	textShift int               // where the text classes' bits start
}

// loadRules compiles every rule file; an error names the file, line and column.
func loadRules() (*ruleSets, error) {
	classes := map[string]uint64{}
	classOf := map[string]uint64{}
	for k, c := range ruleClasses {
		bit := uint64(1) << k
		classes[c.name] = bit
		for w := range c.words {
			classOf[w] |= bit
		}
	}
	rs := &ruleSets{byKind: map[string]*pattern.Set{}, classOf: classOf, classBit: classes}
	rs.textShift = len(ruleClasses)
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
		set, err := pattern.Compile(f, string(src), classes)
		if err != nil {
			return nil, fmt.Errorf("extraction rules: %w", err)
		}
		rs.byKind[strings.TrimSuffix(path.Base(f), ".rules")] = set
	}
	return rs, nil
}

func (rs *ruleSets) classify(lower string) uint64 { return rs.classOf[lower] }

// tokenize appends the tokens of sentence s to dst with their classes.
func (rs *ruleSets) tokenize(dst []pattern.Token, s string) []pattern.Token {
	n := len(dst)
	dst = pattern.Tokenize(dst, s, rs.classify)
	for i := n; i < len(dst); i++ {
		dst[i].Class |= textClassBits(s, &dst[i]) << rs.textShift
	}
	return dst
}

// ruleTokens are the sentence's tokens as rules read them, made once.
func (r *run) ruleTokens(sf *sentenceFacts) []pattern.Token {
	if !sf.ptoksDone {
		sf.ptoksDone = true
		n := len(r.ptoks)
		r.ptoks = r.x.rules.tokenize(r.ptoks, sf.s.Text)
		sf.ptoks = r.ptoks[n:len(r.ptoks):len(r.ptoks)]
	}
	return sf.ptoks
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
		var v float64
		if _, err := fmt.Sscan(strings.ReplaceAll(toks[0].Text, ",", ""), &v); err == nil {
			return v, true
		}
	}
	return 0, false
}
