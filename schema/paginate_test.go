package schema

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/opgraph/opgraph/graph"
)

// TestPaginateHiding checks that a page cut from a list while stepping over
// hidden IDs is the page cut from a copy of the list without them: the
// same IDs, total, next-page flag and errors, whatever the cursor and size.
func TestPaginateHiding(t *testing.T) {
	list := func(n int) []graph.ID {
		ids := make([]graph.ID, n)
		for i := range ids {
			ids[i] = graph.ID(fmt.Sprintf("opg:arrest/%03d", i))
		}
		return ids
	}
	ten := list(10)
	cases := []struct {
		name   string
		ids    []graph.ID
		hidden []graph.ID
	}{
		{"nothing hidden", ten, nil},
		{"empty list", nil, nil},
		{"first hidden", ten, ten[:1]},
		{"last hidden", ten, ten[9:]},
		{"all hidden", ten, ten},
		{"every other hidden", ten, []graph.ID{ten[1], ten[3], ten[5], ten[7], ten[9]}},
		{"a run hidden", ten, ten[3:7]},
	}
	r := rand.New(rand.NewPCG(1, 16))
	for i := range 40 {
		ids := list(r.IntN(30))
		var hidden []graph.ID
		for _, id := range ids {
			if r.IntN(3) == 0 {
				hidden = append(hidden, id)
			}
		}
		cases = append(cases, struct {
			name   string
			ids    []graph.ID
			hidden []graph.ID
		}{fmt.Sprintf("random %d", i), ids, hidden})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kept := slices.DeleteFunc(slices.Clone(c.ids), func(id graph.ID) bool { return slices.Contains(c.hidden, id) })
			afters := []string{"", "%%%", cursorOf("opg:agency/1"), cursorOf("opg:arrest/"), cursorOf("opg:arrest/999")}
			for _, id := range c.ids {
				afters = append(afters, cursorOf(id), cursorOf(id+"0"))
			}
			for _, after := range afters {
				for _, first := range []int{-1, 0, 1, 2, 3, 7, 50, maxPage + 1} {
					args := map[string]any{"after": after, "first": first}
					want, wantErr := paginate(graph.KindArrest, kept, args)
					got, gotErr := paginateHiding(graph.KindArrest, c.ids, c.hidden, args)
					if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
						t.Fatalf("after %q, first %d: error %v, want %v", after, first, gotErr, wantErr)
					}
					if wantErr != nil {
						continue
					}
					if got.total != want.total || got.hasNext != want.hasNext || !reflect.DeepEqual(slices.Clip(got.ids), slices.Clip(want.ids)) && (len(got.ids) > 0 || len(want.ids) > 0) {
						t.Fatalf("after %q, first %d: page %v of %d (next %v), want %v of %d (next %v)",
							after, first, got.ids, got.total, got.hasNext, want.ids, want.total, want.hasNext)
					}
				}
			}
		})
	}
}
