package extract

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

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

// ruleTokens are the sentence's tokens as rules read them, made once.
func (r *run) ruleTokens(sf *sentenceFacts) []pattern.Token {
	if !sf.ptoksDone {
		sf.ptoksDone = true
		n := len(r.ptoks)
		r.ptoks = pattern.Tokenize(r.ptoks, sf.s.Text, r.x.rules.classify)
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
