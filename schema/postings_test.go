package schema

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAddWeights: adding weights to a term's packed list in place gives
// the list packed from scratch with the weights added, for lists and
// additions of every shape (before, between, on and after its documents).
func TestAddWeights(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 3000 {
		base := map[uint32]uint64{}
		for range rng.IntN(40) {
			base[uint32(rng.IntN(300))] = uint64(1 + rng.IntN(5))
		}
		add := map[uint32]uint64{}
		for range rng.IntN(10) {
			add[uint32(rng.IntN(320))] = uint64(1 + rng.IntN(5))
		}
		var raw []uint32
		for d, w := range base {
			for range w {
				raw = append(raw, d<<rawWeightBits|1)
			}
		}
		l := pack(raw)
		var ws []docWeight
		for d, w := range add {
			ws = append(ws, docWeight{d, w})
			for range w {
				raw = append(raw, d<<rawWeightBits|1)
			}
		}
		slices.SortFunc(ws, func(a, b docWeight) int { return int(a.doc) - int(b.doc) })
		got, want := addWeights(l, ws), pack(raw)
		if got.docs != want.docs || !bytes.Equal(got.packed, want.packed) {
			t.Fatalf("round %d: %v plus %v:\ngot  %d docs %v\nwant %d docs %v", round, base, add, got.docs, got.packed, want.docs, want.packed)
		}
	}
}
