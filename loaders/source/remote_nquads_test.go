package source

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestRemoteNQuadsNotSniffed: a URL whose body is N-Quads, by content type
// or by its first bytes, is refused unless the format is named.
func TestRemoteNQuadsNotSniffed(t *testing.T) {
	dump := "<opg:a> <opg:b> <opg:c> .\n"
	for _, ctype := range []string{"application/n-quads", "text/plain"} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Write([]byte(dump))
		}))
		_, _, err := (&Sources{AllowPrivate: true}).Load(context.Background(), srv.URL)
		if !errors.Is(err, ErrRemoteNQuads) {
			t.Errorf("Load of N-Quads served as %s: got %v, want ErrRemoteNQuads", ctype, err)
		}
		f, data, err := (&Sources{AllowPrivate: true, Format: FormatNQuads}).Load(context.Background(), srv.URL)
		if err != nil || f != FormatNQuads || string(data) != dump {
			t.Errorf("Load of N-Quads served as %s with Format nquads: %q, %q, %v", ctype, f, data, err)
		}
		srv.Close()
	}
}
