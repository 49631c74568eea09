package pattern

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Shape is a set of bits describing how a token is written; rules test
// them with %num, %cap and the other built-in shapes.
type Shape uint16

const (
	ShapeNum     Shape = 1 << iota // digits, maybe grouped and with a decimal part: "12", "1,200", "3.5"
	ShapeCap                       // the first character is an upper-case letter
	ShapeAllCaps                   // has letters, none of them lower case: "FBI", "U.S."
	ShapeLower                     // has letters, none of them upper case
	ShapeDigit                     // holds a digit anywhere: "AK47", "10kg", "2024"
	ShapePunct                     // one character that is neither letter nor digit, or the possessive "'s"
	ShapeGlued                     // nothing stands between it and the token before it
)

// Token is one word, number or punctuation mark of a sentence.
type Token struct {
	Text       string // exactly the sentence's bytes Start:End
	Lower      string // Text in lower case, with the apostrophe ’ made ' and the long s ſ made s (see lowerForm)
	Start, End int    // byte offsets in the sentence
	Class      uint64 // the caller's word classes (see Tokenize's classify)
	Shape      Shape
	// Word is the number of Lower in the Words of the Sets that match the
	// token (Words.ID), or 0 where the caller did not look it up: Match
	// then looks Lower up itself.
	Word int32
}

// Tokenize appends the tokens of s to dst and returns the extended slice.
// Words are runs of letters and digits that keep inner apostrophes
// ("don't"), inner ampersands ("AT&T") and the dots of acronyms ("U.S.");
// a possessive "'s" is a token of its own. Numbers keep their thousands
// groups and decimal part ("1,200", "3.5"), and the letters after a number
// are a word of their own, glued to it ("5m" is "5" "m"). Every other character that is
// not white space is a one-character punctuation token, so the bytes
// between tokens are white space only.
//
// classify, when not nil, gives each token's Class from its lower form.
// Lower shares s's memory where it can: a sentence costs at most one
// allocation for its lower-case copy, besides the words with non-ASCII
// letters.
func Tokenize(dst []Token, s string, classify func(lower string) uint64) []Token {
	return TokenizeLower(dst, s, "", classify)
}

// TokenizeLower is Tokenize for a caller that holds s in ASCII lower case
// already (low, of s's length; "" to have it made where needed), so the
// sentence is not lowered twice.
func TokenizeLower(dst []Token, s, low string, classify func(lower string) uint64) []Token {
	return TokenizeWords(dst, s, low, nil, classify)
}

// Word is a word of a text that a caller has read already, as Tokenize
// reads it: its bytes [Start, End) and its shape.
type Word struct {
	Start, End int
	Shape      Shape
	Lower      string // its lower form as Tokenize gives it, where the caller has it; "" to have it made
}

// TokenizeWords is TokenizeLower given some of the words of s, in order,
// each exactly as Tokenize would read it: a word that starts where one of
// them does is taken whole, with its shape, instead of being read again.
func TokenizeWords(dst []Token, s, low string, words []Word, classify func(lower string) uint64) []Token {
	if len(low) != len(s) {
		low = "" // made at the first upper-case ASCII letter
	}
	first := len(dst)
	i := 0
	for i < len(s) {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if asciiKind[s[i]] == kSpace || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			i += w
			continue
		}
		start := i
		i += w
		var t Token
		if r < utf8.RuneSelf && asciiKind[r]&(kUpper|kLower|kDigit) != 0 || r >= utf8.RuneSelf && isWordRune(r) {
			var ascii bool
			for len(words) > 0 && words[0].Start < start {
				words = words[1:]
			}
			if len(words) > 0 && words[0].Start == start {
				i, t.Shape, t.Lower = words[0].End, words[0].Shape, words[0].Lower
				ascii = t.Lower != "" || !hasNonASCII(s[start:i])
			} else {
				i, t.Shape, ascii = scanWord(s, start, r)
			}
			t.Text = s[start:i]
			switch {
			case t.Lower != "": // the caller's
			case !ascii:
				t.Lower = lowerForm(t.Text)
			case hasUpperASCII(t.Text):
				if low == "" {
					low = lowerASCII(s)
				}
				t.Lower = low[start:i]
			default:
				t.Lower = t.Text
			}
		} else {
			if (r == '\'' || r == '’') && i < len(s) && (s[i] == 's' || s[i] == 'S') && (i+1 == len(s) || !wordRuneAt(s, i+1)) {
				i++ // the possessive "'s"
			}
			t.Text = s[start:i]
			t.Lower = punctLower(t.Text)
			t.Shape = ShapePunct
		}
		t.Start, t.End = start, i
		if len(dst) > first && dst[len(dst)-1].End == start {
			t.Shape |= ShapeGlued
		}
		if classify != nil {
			t.Class = classify(t.Lower)
		}
		dst = append(dst, t)
	}
	return dst
}

// scanWord reads the word or number starting at s[start], whose first
// rune is r, and returns its end, its shape and whether it is all ASCII.
func scanWord(s string, start int, r rune) (end int, shape Shape, ascii bool) {
	i := start + utf8.RuneLen(r)
	ascii = r < utf8.RuneSelf
	num := unicode.IsDigit(r) // digits and number separators only, so far
	decimal := false          // num has passed its decimal point
	upper, lower, digit := unicode.IsUpper(r), unicode.IsLower(r), num
	if unicode.IsUpper(r) {
		shape |= ShapeCap
	}
	for i < len(s) {
		// The common case first: a run of ASCII letters and digits, their
		// kinds gathered in seen.
		var seen uint8
		for i < len(s) {
			k := asciiKind[s[i]]
			if k&(kUpper|kLower|kDigit) == 0 || num && k != kDigit {
				break // a number's unit or suffix is a token of its own: "5m", "10kg"
			}
			num = num && k == kDigit
			seen |= k
			i++
		}
		digit = digit || seen&kDigit != 0
		upper = upper || seen&kUpper != 0
		lower = lower || seen&kLower != 0
		if i == len(s) {
			break
		}
		if k := asciiKind[s[i]]; k&(kUpper|kLower|kDigit) != 0 {
			break // a letter after a number
		}
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if r >= utf8.RuneSelf && isWordRune(r) {
			if num && !unicode.IsDigit(r) {
				break // a number's unit or suffix is a token of its own: "5m", "10kg"
			}
			ascii = ascii && r < utf8.RuneSelf
			switch {
			case unicode.IsDigit(r):
				digit = true
			case unicode.IsUpper(r):
				upper, num = true, false
			default:
				lower = lower || unicode.IsLower(r)
				num = false
			}
			i += w
			continue
		}
		if num && !decimal && r == ',' && threeDigitsAt(s, i+1) && (i-start <= 3 || strings.IndexByte(s[start:i], ',') >= 0) {
			i += 4 // a thousands group: "1,200"
			continue
		}
		if num && r == '.' && !decimal && i+1 < len(s) && isDigitByte(s[i+1]) {
			decimal = true
			i++
			continue
		}
		if (r == '\'' || r == '’' || r == '.' || r == '&') && i+w < len(s) {
			next, _ := utf8.DecodeRuneInString(s[i+w:])
			possessive := (r == '\'' || r == '’') && (next == 's' || next == 'S') && (i+w+1 >= len(s) || !wordRuneAt(s, i+w+1))
			if isWordRune(next) && !possessive && (r != '.' || isAcronymDot(s[start:i])) {
				ascii = ascii && w == 1
				num = false
				i += w
				continue
			}
		}
		// The closing dot of an acronym: "U.S." but not "arrested."
		if r == '.' && strings.Contains(s[start:i], ".") && isAcronymDot(s[start:i]) {
			i += w
		}
		break
	}
	if num {
		shape |= ShapeNum
	}
	if digit {
		shape |= ShapeDigit
	}
	if upper && !lower {
		shape |= ShapeAllCaps
	}
	if lower && !upper {
		shape |= ShapeLower
	}
	return i, shape, ascii
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// The kinds of ASCII bytes, for the tokenizer's fast path.
const (
	kUpper = 1 << iota
	kLower
	kDigit
	kSpace
)

var asciiKind = func() (k [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch r := rune(c); {
		case unicode.IsUpper(r):
			k[c] = kUpper
		case unicode.IsLower(r):
			k[c] = kLower
		case unicode.IsDigit(r):
			k[c] = kDigit
		case unicode.IsSpace(r):
			k[c] = kSpace
		}
	}
	return k
}()

func wordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// threeDigitsAt reports whether s holds exactly three digits from i.
func threeDigitsAt(s string, i int) bool {
	return i+3 <= len(s) && isDigitByte(s[i]) && isDigitByte(s[i+1]) && isDigitByte(s[i+2]) &&
		(i+3 == len(s) || !isDigitByte(s[i+3]))
}

// isAcronymDot reports whether w looks like the start of a dotted acronym:
// upper-case letters one at a time between dots, "U", "U.S".
func isAcronymDot(w string) bool {
	for {
		part, rest, more := strings.Cut(w, ".")
		r, n := utf8.DecodeRuneInString(part)
		if n == 0 || n != len(part) || !unicode.IsUpper(r) {
			return false
		}
		if !more {
			return true
		}
		w = rest
	}
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases the ASCII letters of s, leaving every other byte
// where it is so that offsets into s hold in the copy.
func lowerASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		i := 0 // the run of bytes kept as they are
		for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
			i++
		}
		b.WriteString(s[:i])
		if i < len(s) {
			b.WriteByte(s[i] + 'a' - 'A')
			i++
		}
		s = s[i:]
	}
	return b.String()
}

// foldExtra makes the typographic apostrophe ' and the long s an s, as a
// case-insensitive regexp reads them ("ſeized" is "seized").
var foldExtra = strings.NewReplacer("’", "'", "ſ", "s")

// lowerForm is the lower form of a word with letters beyond ASCII.
func lowerForm(w string) string { return strings.ToLower(foldExtra.Replace(w)) }

// punctLower is the lower form of a punctuation token.
func punctLower(p string) string {
	switch p {
	case "’":
		return "'"
	case "'S", "’s", "’S":
		return "'s"
	}
	return p
}
