// Package web is the dashboard and the graph explorer: HTML, CSS and one
// JavaScript bundle per page, built from src/ by `npm run build` (see
// package.json) and committed in static/, embedded in the binary, that talk
// to the GraphQL API at /graphql. Nothing is loaded from elsewhere, so the
// pages work offline, and building the binary needs no Node.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var files embed.FS

// csp lets the pages load only from the server itself; inline styles are
// allowed for the positions the charts set, never inline scripts.
const csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// file is one embedded file, ready to send: as it is and gzipped, with
// an ETag so a browser that has it gets 304.
type file struct {
	body, gz []byte
	ctype    string
	etag     string
}

func (f *file) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("Content-Security-Policy", csp)
	h.Set("Cache-Control", "no-cache") // revalidated each time: cheap with the ETag
	h.Set("ETag", f.etag)
	h.Set("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == f.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := f.body
	if acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = f.gz
	}
	w.Write(body)
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(name) == "gzip" && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// load reads every embedded file and gzips it once.
func load() map[string]*file {
	out := map[string]*file{}
	err := fs.WalkDir(files, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		sum := sha256.Sum256(body)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		out[strings.TrimPrefix(p, "static/")] = &file{body: body, gz: gz.Bytes(), ctype: ctype, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	if err != nil {
		panic(err) // the embedded folder is part of the build
	}
	return out
}

// Handler serves the pages: the dashboard at /, the explorer at /explore
// and /node/{id}, their scripts and styles under /assets/. Anything else
// is not found.
func Handler() http.Handler {
	all := load()
	dashboard, explorer := all["index.html"], all["explore.html"]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case p == "/":
			dashboard.serve(w, r)
		case p == "/explore" || strings.HasPrefix(p, "/node/"):
			explorer.serve(w, r)
		case strings.HasPrefix(p, "/assets/") && !strings.HasSuffix(p, ".html") && all[strings.TrimPrefix(p, "/assets/")] != nil:
			all[strings.TrimPrefix(p, "/assets/")].serve(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}
