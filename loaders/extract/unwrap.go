package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plain text from wire services and mail is often hard-wrapped: a sentence
// runs over several lines of at most some 60 to 80 characters, and only a
// blank line ends a paragraph. The extractor reads a line as a paragraph, so
// such text is unwrapped first: a line break is read as a space where the
// line before it is nearly as long as the longest, or where the next line's
// first word would not have fitted on it (editors wrap at a width the
// longest line only nears).

// Hard wrapping is assumed only where the longest line of the text is
// between minWrapWidth and maxWrapWidth characters (so a list of short lines
// is not one) and at least minWraps breaks read as wraps.
const (
	minWrapWidth = 40
	maxWrapWidth = 100
	minWraps     = 3
)

// unwrapHardWrapped returns text with each line break that wraps a
// paragraph replaced by a space, so every offset into it is an offset into
// text; text itself where it does not look hard-wrapped.
func unwrapHardWrapped(text string) string {
	width, lines := 0, 0
	for rest := text; rest != ""; lines++ {
		line, after, _ := strings.Cut(rest, "\n")
		if n := utf8.RuneCountInString(strings.TrimRight(line, " \t\r")); n > width {
			if n > maxWrapWidth {
				return text
			}
			width = n
		}
		rest = after
	}
	if lines < minWraps+1 || width < minWrapWidth {
		return text
	}
	var breaks []int
	for pos := 0; ; {
		k := strings.IndexByte(text[pos:], '\n')
		if k < 0 {
			break
		}
		end := pos + k
		line := strings.TrimRight(text[pos:end], " \t\r")
		next := text[end+1:]
		if j := strings.IndexByte(next, '\n'); j >= 0 {
			next = next[:j]
		}
		if wrapsInto(line, next, width) {
			breaks = append(breaks, end)
		}
		pos = end + 1
	}
	if len(breaks) < minWraps {
		return text
	}
	b := []byte(text)
	for _, i := range breaks {
		b[i] = ' '
	}
	return string(b)
}

// wrapsInto reports whether the break between line and next wraps one
// paragraph: both hold words, next starts no list item, and line is at
// least fullLine of width or next's first word would have made it longer.
func wrapsInto(line, next string, width int) bool {
	if strings.TrimSpace(line) == "" || next == "" || next[0] == ' ' || next[0] == '\t' {
		return false // a blank line, or an indented one: a new paragraph or a block
	}
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLetter(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"“‘'(", first) {
		return false // a bullet, a dash, a rule
	}
	word := next
	if k := strings.IndexAny(next, " \t"); k >= 0 {
		word = next[:k]
	}
	n := utf8.RuneCountInString(line)
	return n*4 >= width*3 || n+1+utf8.RuneCountInString(word) > width // fullLine: three quarters
}
