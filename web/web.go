// Package web is the dashboard and the graph explorer: plain HTML, CSS and
// JavaScript files, embedded in the binary, that talk to the GraphQL API at
// /graphql. Nothing is loaded from elsewhere, so the pages work offline.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed static
var files embed.FS

// csp lets the pages load only from the server itself; inline styles are
// allowed for the positions the charts set, never inline scripts.
const csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// Handler serves the pages: the dashboard at /, the explorer at /explore
// and /node/{id}, their scripts and styles under /assets/. Anything else
// is not found.
func Handler() http.Handler {
	static, err := fs.Sub(files, "static")
	if err != nil {
		panic(err) // the embedded folder is part of the build
	}
	assets := http.StripPrefix("/assets/", http.FileServer(http.FS(static)))
	page := func(name string) http.HandlerFunc {
		body, err := fs.ReadFile(static, name)
		if err != nil {
			panic(err)
		}
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Security-Policy", csp)
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(body)
		}
	}
	dashboard, explorer := page("index.html"), page("explore.html")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case p == "/":
			dashboard(w, r)
		case p == "/explore" || strings.HasPrefix(p, "/node/"):
			explorer(w, r)
		case strings.HasPrefix(p, "/assets/") && !strings.HasSuffix(p, ".html"):
			w.Header().Set("Content-Security-Policy", csp)
			w.Header().Set("Cache-Control", "no-cache")
			assets.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}
