package schema

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
)

// fetchLog is a batcher's fetch that records each call's keys and fails
// the keys in fail.
type fetchLog struct {
	calls [][]string
	fail  map[string]bool
}

func (f *fetchLog) fetch(_ context.Context, keys []string) (map[string]int, error) {
	f.calls = append(f.calls, slices.Clone(keys))
	out := map[string]int{}
	for _, k := range keys {
		if f.fail[k] {
			return nil, fmt.Errorf("fetch %s: %w", k, errNotFound)
		}
		if k != "missing" {
			out[k] = len(k)
		}
	}
	return out, nil
}

func TestBatcher(t *testing.T) {
	ctx := context.Background()
	t.Run("one level, one fetch, each key once", func(t *testing.T) {
		f := &fetchLog{}
		b := newBatcher(f.fetch)
		a, bb, a2 := b.load(ctx, "a"), b.load(ctx, "bb"), b.load(ctx, "a")
		for _, tc := range []struct {
			th   func() (int, error)
			want int
		}{{a, 1}, {bb, 2}, {a2, 1}} {
			if got, err := tc.th(); got != tc.want || err != nil {
				t.Errorf("thunk = %d, %v; want %d", got, err, tc.want)
			}
		}
		if want := [][]string{{"a", "bb"}}; fmt.Sprint(f.calls) != fmt.Sprint(want) {
			t.Errorf("fetches %v, want %v", f.calls, want)
		}
	})
	t.Run("a key fetched before is not fetched again", func(t *testing.T) {
		f := &fetchLog{}
		b := newBatcher(f.fetch)
		b.load(ctx, "a")()
		got, err := b.loadAll(ctx, []string{"ccc", "a", "missing"})
		if err != nil || fmt.Sprint(got) != "[3 1 0]" {
			t.Errorf("loadAll = %v, %v; want [3 1 0] (a missing key reads as zero)", got, err)
		}
		if want := [][]string{{"a"}, {"ccc", "missing"}}; fmt.Sprint(f.calls) != fmt.Sprint(want) {
			t.Errorf("fetches %v, want %v", f.calls, want)
		}
	})
	t.Run("a failed fetch fails its batch only", func(t *testing.T) {
		f := &fetchLog{fail: map[string]bool{"bad": true}}
		b := newBatcher(f.fetch)
		good, bad := b.load(ctx, "good"), b.load(ctx, "bad")
		if _, err := good(); !errors.Is(err, errNotFound) {
			t.Errorf("a key batched with a failing one: err = %v, want errNotFound", err)
		}
		if _, err := bad(); !errors.Is(err, errNotFound) {
			t.Errorf("the failing key: err = %v, want errNotFound", err)
		}
		if _, err := b.loadAll(ctx, []string{"later", "bad"}); !errors.Is(err, errNotFound) {
			t.Errorf("loadAll with a failed key: err = %v, want errNotFound", err)
		}
		if got, err := b.load(ctx, "later2")(); got != 6 || err != nil {
			t.Errorf("a key of a later batch = %d, %v; want 6", got, err)
		}
		if len(f.calls) != 3 {
			t.Errorf("fetches %v, want 3: the failed key is not fetched again", f.calls)
		}
	})
}
