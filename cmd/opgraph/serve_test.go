package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/netutil"

	"github.com/opgraph/opgraph/graph"
)

func TestHeadroomLimit(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct {
		name              string
		floor, live, want int64
	}{
		{"live well under the floor", 224 * mb, 100 * mb, 224 * mb},
		{"half again the live heap is the floor", 224 * mb, 224 * mb * 2 / 3, 224 * mb},
		{"live near the floor", 224 * mb, 200 * mb, 300 * mb},
		{"a graph ten times larger", 224 * mb, 1400 * mb, 2100 * mb},
		{"no reading", 224 * mb, 0, 224 * mb},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := headroomLimit(tc.floor, tc.live); got != tc.want {
				t.Errorf("headroomLimit(%d MB, %d MB) = %d MB, want %d MB", tc.floor/mb, tc.live/mb, got/mb, tc.want/mb)
			}
		})
	}
}

// TestSlowClientsAreCutOffAndCapped opens more connections than the cap,
// each sending half a request line and then nothing (the byte-a-
// second clients): the server holds at most maxConns at once and closes
// every one once its header timeout passes, so all are let go in turn.
func TestSlowClientsAreCutOffAndCapped(t *testing.T) {
	l := httpLimits{header: 50 * time.Millisecond, read: time.Second, write: time.Second, idle: time.Second, maxConns: 3}
	srv := newHTTPServer(http.NotFoundHandler(), l)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	// Count connections under the cap's listener: a connection is counted
	// from its accept until its Close returns, which is before the cap lets
	// the next one in (the server's ConnState hooks run after that).
	counted := &countingListener{Listener: ln}
	go srv.Serve(netutil.LimitListener(counted, l.maxConns))
	defer srv.Close()
	const clients = 10
	var wg sync.WaitGroup
	for range clients {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Close()
			c.Write([]byte("GET / HT"))
			io.Copy(io.Discard, c) // returns when the server closes the connection
		}()
	}
	wg.Wait() // every slow client was let go: the timeout, not the client, ended it
	if m := counted.most.Load(); m > int64(l.maxConns) {
		t.Errorf("%d connections open at once, the cap is %d", m, l.maxConns)
	}
}

// countingListener counts its open connections and the most at once.
type countingListener struct {
	net.Listener
	open, most atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	n := l.open.Add(1)
	for m := l.most.Load(); n > m && !l.most.CompareAndSwap(m, n); m = l.most.Load() {
	}
	return &countedConn{Conn: c, l: l}, nil
}

type countedConn struct {
	net.Conn
	l    *countingListener
	once sync.Once
}

func (c *countedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { c.l.open.Add(-1) })
	return err
}

// TestWatchedWritesSayWhatTheyWere: the watched folder's writes are told
// to the server as new articles only when each was new to the store.
func TestWatchedWritesSayWhatTheyWere(t *testing.T) {
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	w := &newArticles{Store: store}
	article := func(url, title string) graph.ArticleFacts {
		return graph.ArticleFacts{Article: graph.Article{ID: graph.ArticleID(url, ""), URL: url, Title: title}}
	}
	steps := []struct {
		name      string
		batch     []graph.ArticleFacts
		wantAdded int
		wantOther bool
	}{
		{"two new articles", []graph.ArticleFacts{article("https://news.example/a", "A"), article("https://news.example/b", "B")}, 2, false},
		{"one written again unchanged", []graph.ArticleFacts{article("https://news.example/a", "A")}, 0, false},
		{"one replaced", []graph.ArticleFacts{article("https://news.example/a", "A, corrected")}, 0, true},
		{"one new, one replaced", []graph.ArticleFacts{article("https://news.example/c", "C"), article("https://news.example/b", "B, corrected")}, 1, true},
	}
	for _, s := range steps {
		if _, err := w.WriteArticles(ctx, s.batch); err != nil {
			t.Fatal(err)
		}
		gen, err := store.Generation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		added, other := w.take()
		if len(added) != s.wantAdded || other != s.wantOther {
			t.Errorf("%s: added %v, other %v; want %d added, other %v", s.name, added, other, s.wantAdded, s.wantOther)
		}
		var batch []graph.ID
		for _, af := range s.batch {
			batch = append(batch, af.Article.ID)
		}
		for _, a := range added {
			if a.Generation != gen || !slices.Contains(batch, a.Article) {
				t.Errorf("%s: %s written at generation %d, want one of the batch at %d", s.name, a.Article, a.Generation, gen)
			}
		}
	}
	dump := "<https://opgraph.example/x> <https://opgraph.example/p> \"v\" .\n"
	if _, err := w.ImportNQuads(ctx, "dump.nq", strings.NewReader(dump), graph.ImportOptions{}); err != nil {
		t.Logf("import: %v", err) // refused or not, an import is never taken as new articles
	}
	if added, other := w.take(); len(added) != 0 || !other {
		t.Errorf("after an N-Quads import: added %v, other %v; want none and other", added, other)
	}
}
