package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/opgraph/opgraph/graph"
	"github.com/opgraph/opgraph/graph/graphtest"
	"github.com/opgraph/opgraph/loaders/extract"
	"github.com/opgraph/opgraph/loaders/ingest"
)

func TestMigrate(t *testing.T) {
	ctx := context.Background()
	from := t.TempDir()
	src := openBolt(t, from)
	x, err := extract.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	if sum := ingest.Paths(ctx, src, x, []string{"../../seeds"}, io.Discard, &errOut); sum.Loaded < 6 || sum.Failed != 0 {
		t.Fatalf("loading seeds: %v (%s)", sum, errOut.String())
	}
	want := snapshot(t, src)
	src.Close()

	cases := []struct {
		name string
		to   func(t *testing.T) (spec string, cfg graph.Config)
	}{
		{"bolt to bolt", func(t *testing.T) (string, graph.Config) {
			dir := t.TempDir()
			return "bolt:" + dir, graph.Config{Backend: "bbolt", Addr: dir}
		}},
		{"bolt to postgres", func(t *testing.T) (string, graph.Config) {
			url := graphtest.Postgres(t)
			return url, graph.Config{Backend: "postgres", Addr: url}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			spec, cfg := tc.to(t)
			var stdout, stderr bytes.Buffer
			args := []string{"--from", "bolt:" + from, "--to", spec}
			if code := runMigrateTo(ctx, args, &stdout, &stderr); code != 0 {
				t.Fatalf("migrate %v: exit %d: %s", args, code, stderr.String())
			}
			if !strings.Contains(stdout.String(), "the copy reads back through Cayley") {
				t.Errorf("migrate printed %q", stdout.String())
			}
			// A second run into the now full store refuses.
			stderr.Reset()
			if code := runMigrateTo(ctx, args, io.Discard, &stderr); code == 0 || !strings.Contains(stderr.String(), "not empty") {
				t.Errorf("second migrate: exit %d, stderr %q; want a not-empty error", code, stderr.String())
			}
			dst, err := graph.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer dst.Close()
			if got := snapshot(t, dst); !reflect.DeepEqual(got, want) {
				t.Errorf("the copy answers differently:\ngot  %.500s\nwant %.500s", got, want)
			}
		})
	}
}

func TestStoreSpec(t *testing.T) {
	cases := []struct {
		in   string
		want graph.Config
		err  bool
	}{
		{"bolt:./data", graph.Config{Backend: "bbolt", Addr: "./data"}, false},
		{"postgres://u@h:5432/db?sslmode=disable", graph.Config{Backend: "postgres", Addr: "postgres://u@h:5432/db?sslmode=disable"}, false},
		{"cockroach:postgresql://root@h:26257/db", graph.Config{Backend: "cockroach", Addr: "postgresql://root@h:26257/db"}, false},
		{"./data", graph.Config{}, true},
	}
	for _, tc := range cases {
		got, err := storeSpec(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("storeSpec(%q) = %+v, %v; want %+v, error %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

// snapshot renders everything a store answers: every node of every kind
// with its values and its evidence.
func snapshot(t *testing.T, s *graph.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "%v\n", st)
	for _, k := range graph.Kinds() {
		ids, err := s.List(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		ents, err := s.Get(ctx, ids...)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := s.Referrers(ctx, graph.PredSupports, ids...)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			e := ents[id]
			preds := make([]string, 0, len(e.Props))
			for p := range e.Props {
				preds = append(preds, string(p))
			}
			sort.Strings(preds)
			fmt.Fprintf(&b, "%s %s", e.Kind, id)
			for _, p := range preds {
				vals := make([]string, 0)
				for _, v := range e.Props[graph.Predicate(p)] {
					vals = append(vals, fmt.Sprintf("%T:%v", v, v))
				}
				sort.Strings(vals)
				fmt.Fprintf(&b, " %s=%v", p, vals)
			}
			fmt.Fprintf(&b, " evidence=%v\n", evs[id])
		}
	}
	return b.String()
}
