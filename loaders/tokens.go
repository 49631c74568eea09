package loaders

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word of a sentence with its byte offsets there.
type token struct {
	Text       string // as written, with ’ made '
	Lower      string
	Start, End int
}

// tokenize splits s into words: letters and digits, keeping inner
// apostrophes and the dots of acronyms ("Sheriff's", "U.S."). Hyphens split
// words, so "AFP-led" holds the token "AFP".
func tokenize(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += w
			continue
		}
		start := i
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += w
				continue
			}
			if (r == '\'' || r == '’' || r == '.' || r == '&') && i+w < len(s) {
				next, _ := utf8.DecodeRuneInString(s[i+w:])
				possessive := (r == '\'' || r == '’') && (next == 's' || next == 'S') && (i+w+1 >= len(s) || !isWordByte(s[i+w+1]))
				if isWordRune(next) && !possessive && (r != '.' || isAcronymDot(s[start:i])) {
					i += w
					continue
				}
			}
			// Keep the closing dot of an acronym: "U.S." but not "arrested."
			if r == '.' && strings.Contains(s[start:i], ".") && isAcronymDot(s[start:i]) {
				i += w
			}
			break
		}
		text := strings.ReplaceAll(s[start:i], "’", "'")
		toks = append(toks, token{Text: text, Lower: strings.ToLower(text), Start: start, End: i})
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isAcronymDot reports whether w looks like the start of a dotted acronym: "U", "U.S".
func isAcronymDot(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func isAllCaps(w string) bool {
	has := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			has = true
		}
	}
	return has
}

func joinLower(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Lower
	}
	return strings.Join(parts, " ")
}
