package schema

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/opgraph/opgraph/graph"
)

func TestZZGroups(t *testing.T) {
	dir := os.Getenv("ZZ_BOLT")
	if dir == "" {
		t.Skip()
	}
	store, err := graph.Open(context.Background(), graph.Config{Backend: "bbolt", Addr: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	api, _ := testServer(t, store, nil)
	start := time.Now()
	if err := api.WaitFresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	fmt.Println("built in", time.Since(start))
	tb, _ := api.b.aggs.peek()
	type kv struct {
		k string
		n int
	}
	var all []kv
	for k, ids := range tb.byKey {
		all = append(all, kv{k, len(ids)})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n })
	fmt.Println(len(all), "groups; largest:", all[:min(15, len(all))])
	rows := map[graph.Kind][]aggRow{}
	for _, k := range sameKinds {
		rows[k] = tb.rows[k].slice()
		rows[k] = append(rows[k], tb.raw[k].slice()...)
	}
	start = time.Now()
	findSameFigures(rows, nil)
	fmt.Println("findSameFigures all:", time.Since(start), "dups", len(tb.same.into))
	for _, g := range all[:3] {
		start = time.Now()
		findSameFigures(rows, map[string]bool{g.k: true})
		fmt.Println("group", g.k, g.n, time.Since(start))
	}
}
