package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// idPrefix starts every opgraph IRI; kindIRI(k) is the IRI of a kind.
const idPrefix = "opg:"

func kindIRI(k Kind) ID { return ID(idPrefix + "kind/" + string(k)) }

// Slug is the lower-case, dash-separated form of a name used in IRIs:
// "Metropolitan Police" and "metropolitan  police" give the same slug.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // accents: "Síochána" -> "siochana"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// EntityID is the IRI of a named entity of kind k: "opg:agency/national-crime-agency".
func EntityID(k Kind, name string) ID {
	return ID(idPrefix + strings.ToLower(string(k)) + "/" + Slug(name))
}

// UnnamedOperationID is the IRI of the operation an article tells of
// without naming it (one per article): "opg:operation/unnamed/" and a
// digest of the article's ID. No name's slug holds a "/", so it is no
// named operation's.
func UnnamedOperationID(article ID) ID {
	return ID(KindOperation.IRIPrefix() + unnamedPath + digest(string(article)))
}

const unnamedPath = "unnamed/"

// Unnamed reports whether id is an unnamed operation's (UnnamedOperationID):
// its article's own, which no other article's figures can share.
func Unnamed(id ID) bool {
	return strings.HasPrefix(string(id), KindOperation.IRIPrefix()+unnamedPath)
}

// FactID is the IRI of a fact whose identity is the given parts (an arrest's
// count, agency and operation, say): the same parts give the same ID.
func FactID(k Kind, parts ...string) ID {
	return ID(idPrefix + strings.ToLower(string(k)) + "/" + digest(parts...))
}

// RelationID is the IRI of the relation rel from one node to another.
func RelationID(rel string, from, to ID) ID {
	return FactID(KindRelation, rel, string(from), string(to))
}

// EvidenceID is the IRI of one piece of evidence: an article's span stating a node.
func EvidenceID(article, subject ID, start, end int) ID {
	return FactID(KindEvidence, string(article), string(subject), fmt.Sprint(start), fmt.Sprint(end))
}

// ArticleID is an article's identity: its canonical URL when it has one, else
// its text with whitespace and case normalised, so a re-saved copy is the same article.
func ArticleID(url, text string) ID {
	if url = strings.TrimSpace(url); url != "" {
		return FactID(KindArticle, "url", url)
	}
	return FactID(KindArticle, "text", strings.ToLower(strings.Join(strings.Fields(text), " ")))
}

func digest(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
