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

// textClasses are classes read from a token's text as written and the
// bytes around it, not its lower form: the letter categories and word
// edges of the patterns that were regexps. Rules test them with @name too.
var textClasses = []struct {
	name string
	has  func(s string, t *pattern.Token) bool
}{
	// A capital and then lower-case letters or apostrophes: "Wouwse", "O'neil".
	{"nameWord", func(_ string, t *pattern.Token) bool {
		r, n := utf8.DecodeRuneInString(t.Text)
		return n < len(t.Text) && unicode.IsUpper(r) && nameTail(t.Text[n:])
	}},
	// One capital letter alone.
	{"nameInitial", func(_ string, t *pattern.Token) bool {
		r, n := utf8.DecodeRuneInString(t.Text)
		return n == len(t.Text) && unicode.IsUpper(r)
	}},
	// What may continue a name's word glued to it: lower-case letters,
	// apostrophes and hyphens ("-", "jones", "'s").
	{"nameTail", func(_ string, t *pattern.Token) bool { return nameTail(t.Text) }},
	// An ASCII letter, digit or '_' stands just before the token or just
	// after it: regexp's \b does not hold there.
	{"afterWordChar", func(s string, t *pattern.Token) bool { return t.Start > 0 && isWordASCII(s[t.Start-1]) }},
	{"beforeWordChar", func(s string, t *pattern.Token) bool { return t.End < len(s) && isWordASCII(s[t.End]) }},
	// A capital and then a lower-case letter or apostrophe: a name's word
	// as a regexp reads it, whose letters may end inside the token ("Mc" of
	// "McAllen").
	{"nameStart", func(_ string, t *pattern.Token) bool {
		r, n := utf8.DecodeRuneInString(t.Text)
		r2, _ := utf8.DecodeRuneInString(t.Text[n:])
		return unicode.IsUpper(r) && (unicode.IsLower(r2) || r2 == '\'' || r2 == '’')
	}},
	// A roman numeral of one to four I, V and X: "III".
	{"roman", func(_ string, t *pattern.Token) bool {
		return len(t.Text) <= 4 && strings.Trim(t.Text, "IVX") == ""
	}},
	// An ASCII capital and then ASCII letters or digits: regexp's [A-Z]\w+.
	{"asciiCapWord", func(_ string, t *pattern.Token) bool {
		w := t.Text
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
		for i := 1; i < len(w); i++ {
			if !isWordASCII(w[i]) {
				return false
			}
		}
		return true
	}},
	// One space, and then the next token: a pattern's literal space after it.
	{"space1After", func(s string, t *pattern.Token) bool {
		return t.End+1 < len(s) && s[t.End] == ' ' && !startsWithSpace(s[t.End+1:])
	}},
	// Regexp's \s+ before it: ASCII spaces only, at least one, back to
	// the token before (or the sentence's start).
	{"spaced", func(s string, t *pattern.Token) bool {
		i := t.Start
		for i > 0 && isSpaceASCII(s[i-1]) {
			i--
		}
		if i == t.Start {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		return i == 0 || !unicode.IsSpace(r)
	}},
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
	byKind   map[string]*pattern.Set
	classOf  map[string]uint64
	classBit map[string]uint64 // each class's bit, by name
	textBits []uint64          // the bits of textClasses, in their order
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
	for k, c := range textClasses {
		bit := uint64(1) << (len(ruleClasses) + k)
		classes[c.name] = bit
		rs.textBits = append(rs.textBits, bit)
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
		t := &dst[i]
		for k, c := range textClasses {
			if c.has(s, t) {
				t.Class |= rs.textBits[k]
			}
		}
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
