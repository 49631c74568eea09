package schema

import (
	"context"
	"sync"
)

// batcher collects the keys asked for while graphql-go resolves one level
// of a query and fetches them all in one call when the first answer is
// needed. graphql-go calls every resolver of a level before it forces any
// thunk (see its executor's breadth-first dethunking), so the batch is cut
// exactly there: no timer, no added latency, and the same number of store
// reads on every run (github.com/graph-gophers/dataloader/v7 cuts batches
// by a time window, which under load or the race detector splits them).
type batcher[K comparable, V any] struct {
	mu      sync.Mutex
	fetch   func(ctx context.Context, keys []K) (map[K]V, error)
	pending []K
	// slots holds every key asked for, queued or fetched: one map, so a
	// key costs one insertion (a page of 50 operations asks for hundreds).
	slots map[K]slot[V]
	// failed holds the error of the fetch a key was in, where it failed
	// (the key then stays failed); nil until one does.
	failed map[K]error
}

// slot is a key's state: queued until done, then its value.
type slot[V any] struct {
	v    V
	done bool
}

func newBatcher[K comparable, V any](fetch func(context.Context, []K) (map[K]V, error)) *batcher[K, V] {
	return &batcher[K, V]{fetch: fetch, slots: map[K]slot[V]{}}
}

// load queues k and returns a thunk that yields its value.
func (b *batcher[K, V]) load(ctx context.Context, k K) func() (V, error) {
	b.mu.Lock()
	b.queue(k)
	b.mu.Unlock()
	return func() (V, error) {
		b.mu.Lock()
		defer b.mu.Unlock()
		return b.get(ctx, k)
	}
}

// loadAll fetches keys now (with anything already queued) and returns
// their values in order: what a load of each key and a call of each thunk
// would give, without a thunk a key.
func (b *batcher[K, V]) loadAll(ctx context.Context, keys []K) ([]V, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, k := range keys {
		b.queue(k)
	}
	out := make([]V, len(keys))
	for i, k := range keys {
		v, err := b.get(ctx, k)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// queue adds k to the next fetch unless it was asked for before; b.mu is held.
func (b *batcher[K, V]) queue(k K) {
	if _, ok := b.slots[k]; !ok {
		b.slots[k] = slot[V]{}
		b.pending = append(b.pending, k)
	}
}

// get returns k's value, fetching what is queued first if k is not done;
// b.mu is held and k queued.
func (b *batcher[K, V]) get(ctx context.Context, k K) (V, error) {
	s := b.slots[k]
	if !s.done {
		b.flush(ctx)
		s = b.slots[k]
	}
	return s.v, b.failed[k]
}

// flush fetches every queued key; b.mu is held.
func (b *batcher[K, V]) flush(ctx context.Context) {
	keys := b.pending
	b.pending = nil
	if len(keys) == 0 {
		return
	}
	res, err := b.fetch(ctx, keys)
	if err != nil && b.failed == nil {
		b.failed = map[K]error{}
	}
	for _, k := range keys {
		if err != nil {
			b.failed[k] = err
			b.slots[k] = slot[V]{done: true}
			continue
		}
		b.slots[k] = slot[V]{v: res[k], done: true}
	}
}
