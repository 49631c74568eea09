package source

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// ParseHTML reads a web page: the article body, with navigation, adverts
// and other boilerplate dropped (readability), and its metadata: title,
// publication date, canonical URL (<link rel=canonical>, else og:url, else
// pageURL) and site name. A page that ends before its closing </html> is
// refused as truncated, so a partial copy never replaces a whole article.
func ParseHTML(name string, data []byte, pageURL string) (Document, error) {
	doc := Document{Path: name, Format: FormatHTML}
	fail := func(err error) (Document, error) { return doc, &InputError{Name: name, Err: err} }
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return fail(fmt.Errorf("%w file", ErrEmpty))
	case bytes.IndexByte(data, 0) >= 0:
		return fail(ErrBinary)
	}
	if !utf8.Valid(data) {
		// Only a declared charset (meta tag or BOM) is trusted; a guess is not.
		enc, encName, _ := charset.DetermineEncoding(data, "")
		if !declaresCharset(data) || encName == "utf-8" {
			return fail(fmt.Errorf("%w (and no charset declared)", ErrNotUTF8))
		}
		decoded, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return fail(fmt.Errorf("decode %s: %w", encName, err))
		}
		data = decoded
	}
	lower := bytes.ToLower(data)
	if bytes.Contains(lower, []byte("<html")) && !bytes.Contains(lower, []byte("</html>")) {
		return fail(ErrTruncated)
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return fail(fmt.Errorf("parse HTML: %w", err))
	}
	meta := pageMeta(root)
	doc.URL = firstOf(meta["canonical"], meta["og:url"], pageURL)
	var base *url.URL
	if u, err := url.Parse(doc.URL); err == nil && u.IsAbs() {
		base = u
	} else {
		doc.URL = "" // a relative or broken canonical link identifies nothing
	}
	p := readability.NewParser()
	art, err := p.ParseDocument(root, base)
	if err != nil || art.Node == nil {
		return fail(ErrNoText)
	}
	var text strings.Builder
	if err := art.RenderText(&text); err != nil {
		return fail(ErrNoText)
	}
	doc.Text = tidyText(text.String())
	if len(strings.Fields(doc.Text)) < minWords {
		return fail(fmt.Errorf("%w (%d words)", ErrNoText, len(strings.Fields(doc.Text))))
	}
	doc.Title = oneLine(firstOf(meta["og:title"], art.Title(), meta["title"]))
	doc.Source = oneLine(firstOf(meta["og:site_name"], art.SiteName()))
	if t, err := art.PublishedTime(); err == nil {
		doc.Published = t.Format("2006-01-02")
	} else if d, err := normaliseDate(firstOf(meta["article:published_time"], meta["date"], meta["time"])); err == nil {
		doc.Published = d
	}
	return doc, nil
}

// minWords is the fewest words a page's text must have to be an article:
// fewer is a menu or an error page that readability could not tell apart.
const minWords = 8

// pageMeta collects the <title>, <link rel=canonical>, the <meta> tags by
// name or property, and the first <time datetime>.
func pageMeta(root *html.Node) map[string]string {
	out := map[string]string{}
	set := func(k, v string) {
		if v = strings.TrimSpace(v); v != "" && out[k] == "" {
			out[k] = v
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				if n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					set("title", n.FirstChild.Data)
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					set("canonical", attr(n, "href"))
				}
			case "meta":
				k := strings.ToLower(firstOf(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				switch k {
				case "og:url", "og:title", "og:site_name", "article:published_time", "date", "datepublished":
					if k == "datepublished" {
						k = "date"
					}
					set(k, attr(n, "content"))
				}
			case "time":
				set("time", attr(n, "datetime"))
			case "script", "style":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

var charsetDecl = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=`)

// declaresCharset says whether the page names its encoding in its first 1024 bytes.
func declaresCharset(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	return charsetDecl.Match(head) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe})
}

var blankLines = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)+`)

// tidyText trims each line and keeps at most one blank line between paragraphs.
func tidyText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	s = blankLines.ReplaceAllString(strings.Join(lines, "\n"), "\n\n")
	return strings.TrimSpace(s) + "\n"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
