package source

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRefusesByContent: PDFs (a text-only one has no NUL bytes), images,
// archives and office files are refused with an error naming the file and
// what it is, whatever their extension.
func TestRefusesByContent(t *testing.T) {
	var pngBuf bytes.Buffer
	png.Encode(&pngBuf, image.NewRGBA(image.Rect(0, 0, 2, 2)))
	zipOf := func(names ...string) []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for _, n := range names {
			w, _ := zw.Create(n)
			w.Write([]byte("<x/>"))
		}
		zw.Close()
		return b.Bytes()
	}
	var gz bytes.Buffer
	gw := gzip.NewWriter(&gz)
	gw.Write([]byte("Police arrested two men."))
	gw.Close()
	var tb bytes.Buffer
	tw := tar.NewWriter(&tb)
	tw.WriteHeader(&tar.Header{Name: "a.txt", Mode: 0o644, Size: 5})
	tw.Write([]byte("hello"))
	tw.Close()
	pdf := "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
		"4 0 obj << /Length 44 >> stream\nBT /F1 12 Tf (Police arrested two men.) Tj ET\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

	cases := []struct {
		name string
		data []byte
		kind string
	}{
		{"release.pdf", []byte(pdf), "a PDF document"},
		{"release.txt", []byte(pdf), "a PDF document"},
		{"photo.html", pngBuf.Bytes(), "a PNG image"},
		{"bundle.txt", zipOf("a.txt"), "a ZIP archive"},
		{"report.md", zipOf("[Content_Types].xml", "word/document.xml"), "an Office or OpenDocument file"},
		{"feed.xml", gz.Bytes(), "a gzip archive"},
		{"notes.txt", tb.Bytes(), "a tar archive"},
	}
	dir := t.TempDir()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err := (&Sources{}).Load(context.Background(), path)
			if !errors.Is(err, ErrNotAnArticle) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.kind) {
				t.Errorf("Load(%s): %v; want ErrNotAnArticle naming the file and %q", tc.name, err, tc.kind)
			}
		})
	}
	// Text that merely starts like a magic number is still read.
	path := filepath.Join(dir, "bzh.txt")
	os.WriteFile(path, []byte("BZh, a town, saw a raid by police in March.\n"), 0o644)
	if _, _, err := (&Sources{}).Load(context.Background(), path); err != nil {
		t.Errorf("Load of text starting BZh: %v", err)
	}
}
