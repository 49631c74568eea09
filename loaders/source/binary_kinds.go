package source

import (
	"bytes"
	"errors"
)

// ErrNotAnArticle: the input is a PDF, an image, an archive or an office
// document, recognised by its first bytes. opgraph reads text, HTML,
// feeds and JSON Lines; save the article's text and load that.
var ErrNotAnArticle = errors.New("not an article opgraph can read")

// binaryKinds are the leading bytes of formats opgraph refuses by content
// (a text-only PDF has no NUL bytes and would read as PDF syntax).
var binaryKinds = []struct {
	magic, kind string
}{
	{"%PDF-", "a PDF document"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"II*\x00", "a TIFF image"},
	{"MM\x00*", "a TIFF image"},
	{"PK\x03\x04", "a ZIP archive"},
	{"\x1f\x8b", "a gzip archive"},
	{"BZh", "a bzip2 archive"},
	{"\xfd7zXZ\x00", "an xz archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"Rar!\x1a\x07", "a RAR archive"},
	{"\x28\xb5\x2f\xfd", "a zstd archive"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls, .ppt)"},
	{`{\rtf`, "an RTF document"},
}

// binaryKind names what data is when it is one of binaryKinds, or "".
func binaryKind(data []byte) string {
	for _, b := range binaryKinds {
		if !bytes.HasPrefix(data, []byte(b.magic)) {
			continue
		}
		switch {
		case b.magic == "BZh" && (len(data) < 10 || !bytes.Equal(data[4:10], []byte("1AY&SY"))):
			continue // text may begin "BZh"
		case b.magic == "PK\x03\x04" && isOfficeZip(data):
			return "an Office or OpenDocument file (.docx, .xlsx, .pptx, .odt)"
		}
		return b.kind
	}
	if bytes.HasPrefix(data, []byte("RIFF")) && len(data) >= 12 && string(data[8:12]) == "WEBP" {
		return "a WebP image"
	}
	if len(data) >= 262 && string(data[257:262]) == "ustar" {
		return "a tar archive"
	}
	return ""
}

func isOfficeZip(data []byte) bool {
	head := data[:min(len(data), 4096)]
	for _, name := range []string{"[Content_Types].xml", "word/", "xl/", "ppt/", "mimetypeapplication/vnd.oasis.opendocument"} {
		if bytes.Contains(head, []byte(name)) {
			return true
		}
	}
	return false
}
