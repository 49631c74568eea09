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
	queued  map[K]bool
	done    map[K]V
	failed  map[K]error
}

func newBatcher[K comparable, V any](fetch func(context.Context, []K) (map[K]V, error)) *batcher[K, V] {
	return &batcher[K, V]{fetch: fetch, queued: map[K]bool{}, done: map[K]V{}, failed: map[K]error{}}
}

// load queues k and returns a thunk that yields its value.
func (b *batcher[K, V]) load(ctx context.Context, k K) func() (V, error) {
	b.mu.Lock()
	if _, ok := b.done[k]; !ok && !b.queued[k] {
		b.pending = append(b.pending, k)
		b.queued[k] = true
	}
	b.mu.Unlock()
	return func() (V, error) {
		b.mu.Lock()
		defer b.mu.Unlock()
		if _, ok := b.done[k]; !ok && b.failed[k] == nil {
			b.flush(ctx)
		}
		return b.done[k], b.failed[k]
	}
}

// loadAll fetches keys now (with anything already queued) and returns
// their values in order: what a load of each key and a call of each thunk
// would give, without a thunk a key.
func (b *batcher[K, V]) loadAll(ctx context.Context, keys []K) ([]V, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, k := range keys {
		if _, ok := b.done[k]; !ok && !b.queued[k] {
			b.pending = append(b.pending, k)
			b.queued[k] = true
		}
	}
	out := make([]V, len(keys))
	for i, k := range keys {
		if _, ok := b.done[k]; !ok && b.failed[k] == nil {
			b.flush(ctx)
		}
		if err := b.failed[k]; err != nil {
			return nil, err
		}
		out[i] = b.done[k]
	}
	return out, nil
}

// flush fetches every queued key; b.mu is held.
func (b *batcher[K, V]) flush(ctx context.Context) {
	keys := b.pending
	b.pending = nil
	if len(keys) == 0 {
		return
	}
	res, err := b.fetch(ctx, keys)
	for _, k := range keys {
		delete(b.queued, k)
		if err != nil {
			b.failed[k] = err
			continue
		}
		b.done[k] = res[k]
	}
}
