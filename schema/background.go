package schema

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
)

// background keeps something built from the whole store in memory (the
// search index, the aggregate table), built in the background and built
// again after each change the server hears of (mutations, watched
// folders). A reader waits for the build in flight as long as its request
// allows, then gets the last complete build.
type background[T any] struct {
	what   string      // for errors: "the search index"
	builds *sync.Mutex // held by a build in flight, shared with the others
	build  func(context.Context) (T, error)

	mu sync.Mutex
	// current is the last complete build (valid when built); it reflects
	// the changes up to builtGen of gen.
	current       T
	built         bool
	gen, builtGen uint64
	building      chan struct{} // closed when the build in flight ends
	buildErr      error
}

func newBackground[T any](what string, builds *sync.Mutex, build func(context.Context) (T, error)) *background[T] {
	return &background[T]{what: what, builds: builds, build: build, gen: 1}
}

// invalidate marks the build out of step with the store and starts another.
func (s *background[T]) invalidate() {
	s.mu.Lock()
	s.gen++
	s.startLocked()
	s.mu.Unlock()
}

// warm starts the first build without waiting for a reader to ask.
func (s *background[T]) warm() {
	s.mu.Lock()
	s.startLocked()
	s.mu.Unlock()
}

// startLocked starts a build unless one is running; a build that ends
// behind the latest change starts another. s.mu is held.
func (s *background[T]) startLocked() {
	if s.building != nil || (s.built && s.builtGen == s.gen) {
		return
	}
	done, gen := make(chan struct{}), s.gen
	s.building = done
	go func() {
		// Not a request's context: the build outlives the reader that started it.
		s.builds.Lock()
		v, err := s.build(context.Background())
		// A build over a big store leaves far more garbage than what it
		// keeps (at 100k articles, 1.4 GB resident beside a 150 MB live
		// heap); the runtime would hand it back to the system only slowly.
		debug.FreeOSMemory()
		s.builds.Unlock()
		s.mu.Lock()
		defer s.mu.Unlock()
		s.building, s.buildErr = nil, err
		if err == nil {
			s.current, s.built, s.builtGen = v, true, gen
			s.startLocked()
		}
		close(done)
	}()
}

// get returns a build in step with the store, waiting for one as long as
// ctx allows; past that, the last complete one.
func (s *background[T]) get(ctx context.Context) (T, error) {
	for {
		s.mu.Lock()
		s.startLocked()
		cur, built, fresh, wait, err := s.current, s.built, s.built && s.builtGen == s.gen, s.building, s.buildErr
		s.mu.Unlock()
		if fresh {
			return cur, nil
		}
		if wait == nil {
			if err != nil {
				var zero T
				return zero, err
			}
			continue
		}
		select {
		case <-wait:
			s.mu.Lock()
			err := s.buildErr
			s.mu.Unlock()
			if err != nil {
				var zero T
				return zero, err
			}
		case <-ctx.Done():
			if built {
				return cur, nil // a little behind the store, but an answer
			}
			var zero T
			return zero, fmt.Errorf("%w: %s is still being built; try again in a moment", errUnavailable, s.what)
		}
	}
}
