package schema

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// heldBuilds is a build function whose builds after the first wait for
// the test to let them end; each returns its number.
type heldBuilds struct {
	started chan int      // a build began
	release chan struct{} // one held build may end
	n       int
}

func (h *heldBuilds) build(context.Context) (int, error) {
	h.n++
	n := h.n
	h.started <- n
	if n > 1 {
		<-h.release
	}
	return n, nil
}

// TestReadersNeverWaitForARebuild checks that, with a rebuild in flight,
// a reader gets the last build at once, marked stale, and that a hundred
// changes during that rebuild start one more build, not a hundred.
func TestReadersNeverWaitForARebuild(t *testing.T) {
	h := &heldBuilds{started: make(chan int, 10), release: make(chan struct{})}
	bg := newBackground("test", "the test build", newLifetime(), h.build)
	bg.warm()
	<-h.started
	if err := bg.waitFresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	bg.invalidate()
	if n := <-h.started; n != 2 {
		t.Fatalf("build %d started, want 2", n)
	}
	// Build 2 is held. Before, a reader waited for it as long as its
	// request allowed (here a minute, so that waiting shows as an ended context).
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	q := newRequest(nil)
	got, err := bg.get(context.WithValue(ctx, ctxKey{}, q))
	if err != nil || got != 1 {
		t.Fatalf("get = %d, %v; want build 1", got, err)
	}
	if ctx.Err() != nil {
		t.Fatalf("the reader waited until its context ended")
	}
	if info := q.buildsUsed()["test"]; !info.Stale || info.AsOf.IsZero() {
		t.Errorf("build info = %+v, want stale with its time", info)
	}
	for range 100 {
		bg.invalidate() // steady writes while build 2 runs
	}
	h.release <- struct{}{} // build 2 ends; one more starts for the hundred changes
	if n := <-h.started; n != 3 {
		t.Fatalf("build %d started, want 3", n)
	}
	h.release <- struct{}{}
	if err := bg.waitFresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	bg.mu.Lock()
	started := bg.started
	bg.mu.Unlock()
	if started != 3 {
		t.Errorf("%d builds for 102 changes, want 3 (the first, the one in flight, one after it)", started)
	}
	q = newRequest(nil)
	if got, _ := bg.get(context.WithValue(ctx, ctxKey{}, q)); got != 3 || q.buildsUsed()["test"].Stale {
		t.Errorf("after the builds: got build %d, info %+v; want 3, fresh", got, q.buildsUsed()["test"])
	}
}

// TestAnswersSayHowOldTheirBuildIs checks search and aggregates carry
// the age of the build they came from in the answer's extensions.
func TestAnswersSayHowOldTheirBuildIs(t *testing.T) {
	st := memStore(t)
	writeArrest(t, st, 4)
	api, srv := testServer(t, st, nil)
	if err := api.WaitFresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	res := ask(t, srv, "", `{ search(text: "police") { score } aggregate(measure: ARREST_COUNT, groupBy: AGENCY) { value } }`, nil)
	if res.status != http.StatusOK || len(res.Errors) > 0 {
		t.Fatalf("HTTP %d %s", res.status, res.raw)
	}
	builds, _ := res.Extensions["builds"].(map[string]any)
	for _, name := range []string{"search", "aggregates"} {
		b, _ := builds[name].(map[string]any)
		at, _ := time.Parse(time.RFC3339Nano, fmtString(b["asOf"]))
		if at.IsZero() || b["stale"] != false {
			t.Errorf("extensions.builds.%s = %v, want a fresh build with its time", name, b)
		}
	}
	if res := ask(t, srv, "", `{ arrests { totalCount } }`, nil); res.Extensions != nil {
		t.Errorf("a list, read from the store, has extensions %v", res.Extensions)
	}
}

func fmtString(v any) string { s, _ := v.(string); return s }

// TestCloseStopsBuilds checks closing the builds' owner cancels the build
// in flight, returns only once it has ended, answers readers "unavailable"
// and starts no build after.
func TestCloseStopsBuilds(t *testing.T) {
	life := newLifetime()
	started, ended := make(chan struct{}), make(chan error, 1)
	bg := newBackground("test", "the test build", life, func(ctx context.Context) (int, error) {
		close(started)
		<-ctx.Done() // a build that runs until it is stopped
		ended <- ctx.Err()
		return 0, ctx.Err()
	})
	afterBuilds := 0
	life.afterBuild = func() { afterBuilds++ }
	bg.warm()
	<-started
	life.close()
	select {
	case err := <-ended:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("the build ended with %v, want context.Canceled", err)
		}
	default:
		t.Fatal("close returned before the build in flight ended")
	}
	if afterBuilds != 1 {
		t.Errorf("afterBuild ran %d times, want once", afterBuilds)
	}
	if _, err := bg.get(context.Background()); !errors.Is(err, errUnavailable) {
		t.Errorf("get after close: err = %v, want errUnavailable", err)
	}
	bg.invalidate()
	if err := bg.waitFresh(context.Background()); !errors.Is(err, errUnavailable) {
		t.Errorf("waitFresh after close: err = %v, want errUnavailable", err)
	}
	bg.mu.Lock()
	n := bg.started
	bg.mu.Unlock()
	if n != 1 {
		t.Errorf("%d builds started, want 1: none after close", n)
	}
}

// TestServerCloseStopsItsBuilds checks that after Server.Close no build
// starts: reads that need one say the server is closing, lists still answer.
func TestServerCloseStopsItsBuilds(t *testing.T) {
	st := memStore(t)
	writeArrest(t, st, 4)
	api, srv := testServer(t, st, nil)
	if err := api.Close(); err != nil {
		t.Fatal(err)
	}
	res := ask(t, srv, "", `{ search(text: "police") { score } }`, nil)
	if len(res.Errors) == 0 || !strings.Contains(res.message(), "the server is closing") {
		t.Errorf("search after Close: HTTP %d %s, want the server closing", res.status, res.raw)
	}
	if _, built := api.b.search.peek(); built {
		t.Error("a search index was built after Close")
	}
	if res := ask(t, srv, "", `{ arrests { totalCount } }`, nil); res.status != http.StatusOK || len(res.Errors) > 0 {
		t.Errorf("a list after Close (read from the store): HTTP %d %s", res.status, res.raw)
	}
}

// TestWholeStoreBuildsTakeTurns checks that two builds of one lifetime
// that read the whole store run one after the other: the second starts
// only once the first has ended.
func TestWholeStoreBuildsTakeTurns(t *testing.T) {
	life := newLifetime()
	defer life.close()
	aStarted, releaseA, bStarted := make(chan struct{}), make(chan struct{}), make(chan struct{})
	var release sync.Once
	defer release.Do(func() { close(releaseA) }) // before life.close, on a failure too
	var aDone atomic.Bool
	a := newBackground("a", "build a", life, func(context.Context) (int, error) {
		close(aStarted)
		<-releaseA
		aDone.Store(true)
		return 1, nil
	})
	overlap := false
	b := newBackground("b", "build b", life, func(context.Context) (int, error) {
		overlap = !aDone.Load()
		close(bStarted)
		return 2, nil
	})
	a.warm()
	<-aStarted
	b.warm()
	for life.asked.Load() < 2 { // b's build has asked for its turn
		select {
		case <-bStarted:
			t.Fatal("b built while a read the store")
		default:
			runtime.Gosched()
		}
	}
	select {
	case <-bStarted:
		t.Fatal("b built while a read the store")
	default:
	}
	release.Do(func() { close(releaseA) })
	<-bStarted
	if overlap {
		t.Error("b began before a ended")
	}
	for _, bg := range []*background[int]{a, b} {
		if err := bg.waitFresh(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}
