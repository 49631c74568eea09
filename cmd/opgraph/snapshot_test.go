package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/internal/corpusgen"
	"github.com/opgraph/opgraph/schema"
)

// snapshotQueries are what the test asks of each server: the dashboard's
// totals and searches, which the snapshots answer.
var snapshotQueries = func() []string {
	var qs []string
	for _, m := range []string{"ARREST_COUNT", "SEIZURE_COUNT", "SEIZED_KG", "OPERATION_COUNT"} {
		for _, g := range []string{"AGENCY", "OPERATION", "MONTH"} {
			qs = append(qs, fmt.Sprintf(`{ aggregate(measure: %s, groupBy: %s, first: 200) { key value count facts(first: 200) { id } } }`, m, g))
		}
	}
	for _, w := range []string{"cocaine", "police", "operation", "arrested", "national crime agency"} {
		qs = append(qs, fmt.Sprintf(`{ search(text: %q, first: 100) { score node { id } } }`, w))
	}
	return qs
}()

// TestSnapshotsAfterKill9: `serve` leaves its search index and aggregate
// table beside a Bolt store and reads them back at its next start; `load`
// processes killed with SIGKILL at a random moment between two starts
// leave the snapshots stale, and the next `serve` builds both again. Each
// server answers as one building from the whole store does.
func TestSnapshotsAfterKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the kill -9 test in -short mode")
	}
	bin := filepath.Join(t.TempDir(), "opgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const runs, first, perRun = 4, 60, 60
	corpus := t.TempDir()
	if _, err := corpusgen.Generate(corpusgen.Config{Articles: first + runs*perRun, Seed: 9, Out: corpus}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "articles", "*"))
	sort.Strings(files)
	folder := func(fs []string) string {
		dir := t.TempDir()
		for _, f := range fs {
			if err := os.Link(f, filepath.Join(dir, filepath.Base(f))); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	db := t.TempDir()
	if out, err := exec.Command(bin, "load", "--db", db, folder(files[:first])).CombinedOutput(); err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}

	// The first server builds both and saves them as it stops.
	s := startServe(t, bin, db)
	s.waitReady(t, "built from the store")
	s.stop(t)
	s.saved(t)

	// Nothing written since: both read back.
	s = startServe(t, bin, db)
	s.waitReady(t, "read from its snapshot")
	got := s.answers(t)
	s.stop(t)
	sameAsWholeBuild(t, "after a restart", db, got)

	for run := range runs {
		// A load killed right after its nth article is reported written.
		cmd := exec.Command(bin, "load", "--db", db, folder(files[first+run*perRun:first+(run+1)*perRun]))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		n := 1 + rand.IntN(perRun-1)
		lines := bufio.NewScanner(stdout)
		for seen := 0; seen < n && lines.Scan(); {
			if strings.HasPrefix(lines.Text(), "loaded ") {
				seen++
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		go io.Copy(io.Discard, stdout)
		cmd.Wait()

		s := startServe(t, bin, db)
		s.waitReady(t, "built from the store") // at least one article went in: the snapshots are stale
		got := s.answers(t)
		s.stop(t)
		s.saved(t)
		sameAsWholeBuild(t, fmt.Sprintf("run %d, load killed after %d articles", run, n), db, got)
		t.Logf("run %d: load killed after %d articles; the next server built both again and answered as a whole build", run, n)
	}
	// And the last save is read back.
	s = startServe(t, bin, db)
	s.waitReady(t, "read from its snapshot")
	got = s.answers(t)
	s.stop(t)
	sameAsWholeBuild(t, "after the last restart", db, got)
}

// served is an `opgraph serve` child process and the lines of its log.
type served struct {
	cmd   *exec.Cmd
	url   string
	lines chan string
	log   *bytes.Buffer
}

func startServe(t *testing.T, bin, db string) *served {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // serve listens itself
	s := &served{cmd: exec.Command(bin, "serve", "--db", db, "--addr", addr, "--seeds", ""), url: "http://" + addr + "/graphql",
		lines: make(chan string, 1000), log: &bytes.Buffer{}}
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(s.lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
	}()
	t.Cleanup(func() { s.cmd.Process.Kill() })
	return s
}

// wait reads the log until each of want has appeared, in any order.
func (s *served) wait(t *testing.T, want ...string) {
	t.Helper()
	left := map[string]bool{}
	for _, w := range want {
		left[w] = true
	}
	for len(left) > 0 {
		line, ok := <-s.lines
		if !ok {
			t.Fatalf("serve ended before logging %v:\n%s", left, s.log)
		}
		s.log.WriteString(line + "\n")
		for w := range left {
			if strings.Contains(line, w) {
				delete(left, w)
			}
		}
	}
}

// waitReady waits until both the search index and the aggregate table
// are ready, and checks they came the way said.
func (s *served) waitReady(t *testing.T, how string) {
	t.Helper()
	s.wait(t, `msg="the search index ready"`, `msg="the aggregate table ready"`)
	if n := strings.Count(s.log.String(), `how="`+how+`"`); n != 2 {
		t.Errorf("%d of the two %s, want both; log:\n%s", n, how, s.log)
	}
}

// stop ends the server as an operator does (SIGTERM) and waits for it to exit.
func (s *served) stop(t *testing.T) {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGTERM)
	for line := range s.lines {
		s.log.WriteString(line + "\n")
	}
	if err := s.cmd.Wait(); err != nil {
		t.Errorf("serve: %v\n%s", err, s.log)
	}
}

// saved checks the server saved both snapshots before it exited.
func (s *served) saved(t *testing.T) {
	t.Helper()
	for _, name := range []string{"search", "aggregates"} {
		if !strings.Contains(s.log.String(), `msg="snapshot saved" snapshot=`+name) {
			t.Errorf("serve did not save the %s snapshot:\n%s", name, s.log)
		}
	}
}

func (s *served) answers(t *testing.T) []any {
	t.Helper()
	var out []any
	for _, q := range snapshotQueries {
		out = append(out, askHTTP(t, http.DefaultClient, s.url, q))
	}
	return out
}

func askHTTP(t *testing.T, c *http.Client, url, query string) any {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := c.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct {
		Data   any
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || len(res.Errors) > 0 {
		t.Fatalf("%s: %v %v", query, err, res.Errors)
	}
	return res.Data
}

// sameAsWholeBuild compares answers with those of a server building from
// the whole store, in this process, once the child has let go of it.
func sameAsWholeBuild(t *testing.T, what, db string, got []any) {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{Backend: "bbolt", Addr: db})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	api, err := schema.NewServer(schema.ServerConfig{Config: schema.Config{Reader: store}, Timeout: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	if err := api.WaitFresh(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api)
	defer srv.Close()
	for i, q := range snapshotQueries {
		want := askHTTP(t, srv.Client(), srv.URL+"/graphql", q)
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("%s: %s\nserve answered:   %.400v\na whole build:    %.400v", what, q, got[i], want)
		}
	}
}
