package schema

import (
	_ "embed"
	"net/http"
)

// consolePage is the query console: our own page, embedded, loading nothing
// from elsewhere, so it works on machines without internet access.
//
//go:embed console.html
var consolePage []byte

func serveConsole(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
	w.Write(consolePage)
}
