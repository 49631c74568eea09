package source

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

// TestFetchRefusesInternalAddresses: a feed, page or redirect on 127.0.0.1
// is refused by default and read with AllowPrivate.
func TestFetchRefusesInternalAddresses(t *testing.T) {
	page := "<html><body><article><p>" + strings.Repeat("Police seized goods in a raid. ", 20) + "</p></article></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	redirect := httptest.NewServer(http.RedirectHandler(srv.URL+"/inside", http.StatusFound))
	defer redirect.Close()

	for _, url := range []string{srv.URL, redirect.URL, strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)} {
		_, _, err := (&Sources{}).Load(context.Background(), url)
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("Load(%s) by default: got %v, want ErrPrivateAddress", url, err)
		}
		f, data, err := (&Sources{AllowPrivate: true}).Load(context.Background(), url)
		if err != nil || f != FormatHTML || string(data) != page {
			t.Errorf("Load(%s) with AllowPrivate: format %q, %d bytes, err %v", url, f, len(data), err)
		}
	}
}

func TestInternalAddress(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "::1": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true,
		"169.254.169.254": true, "fe80::1": true, "fd00:ec2::254": true, "0.0.0.0": true, "100.64.0.1": true,
		"::ffff:127.0.0.1": true, "93.184.216.34": false, "2606:4700::1111": false,
	} {
		if got := internalAddress(netip.MustParseAddr(addr)); got != want {
			t.Errorf("internalAddress(%s) = %v, want %v", addr, got, want)
		}
	}
}
