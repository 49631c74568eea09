package schema

import (
	"context"
	"fmt"
	"maps"
	"sync"
	"sync/atomic"
	"time"
)

// background keeps something built from the whole store in memory (the
// search index, the aggregate table), built in the background and built
// again after each change the server hears of (mutations, watched
// folders), or updated in place where the change allows (update: new
// articles). Readers never wait for a rebuild: they get the last complete
// build, and the answer says how old it is (see buildInfo). Only before
// the first build ends does a reader wait, as long as its request allows.
// Changes made while a build runs are taken by one more build after it,
// however many they are: under steady writes, builds run back to back.
// Builds run on the owner's context (the Server's): cancelling it stops
// them, and no build starts after.
type background[T any] struct {
	name  string // in the answer's extensions: "search"
	what  string // for errors: "the search index"
	life  *lifetime
	build func(context.Context) (T, error)

	mu sync.Mutex
	// current is the last complete build (valid when built); it reflects
	// the changes up to builtGen of gen, and the store as it was at builtAt.
	current       T
	built         bool
	builtAt       time.Time
	gen, builtGen uint64
	building      chan struct{} // closed when the build in flight ends
	buildErr      error
	started       int // builds started, for tests
	// pending are the changes since builtGen that update can apply to
	// the last build in place (see update); fullGen is the latest change
	// that needs a build from the whole store.
	pending []pendingUpdate[T]
	fullGen uint64
	updated int // in-place updates applied, for tests

	// persist, when set, keeps the builds beside the store (snapshot.go);
	// held says which of the store's writes the current build holds.
	persist *persistence[T]
	held    heldWrites
	// rebuild asks for a build from the whole store although none is
	// behind: the current one holds writes in part (see heldWrites.exact).
	rebuild bool
	tried   bool // the first build looked for a snapshot
	loaded  int  // builds read from a snapshot, for tests
	toSave  *savedBuild[T]
	saving  bool // a goroutine saves toSave
	saved   int  // snapshots written, for tests
}

// heldWrites says which of the store's writes (by their generations,
// graph.Store.Generation) a build holds: every one up to gen, where
// known, and those of ahead, which came in place before one of the
// generations between. exact says it holds nothing of any other write:
// a build that read the store while nothing was written, and what updates
// in place made of it while they knew they held none of the writes they
// took in (see fresh). Without persist, nothing is known.
type heldWrites struct {
	gen          uint64
	known, exact bool
	ahead        map[uint64]bool
}

// fresh reports whether a build holding h is sure to hold none of the
// writes of gens: updates in place may then add what they wrote without
// reading what the nodes held before.
func (h *heldWrites) fresh(gens []uint64) bool {
	if !h.known || !h.exact || len(gens) == 0 {
		return false
	}
	for _, g := range gens {
		if g <= h.gen || h.ahead[g] {
			return false
		}
	}
	return true
}

// take notes that the build now holds the writes of gens; none means
// writes it cannot name, and nothing is known until the next whole build.
func (h *heldWrites) take(gens []uint64) {
	if len(gens) == 0 {
		h.known = false
	}
	for _, g := range gens {
		if g > h.gen {
			if h.ahead == nil {
				h.ahead = map[uint64]bool{}
			}
			h.ahead[g] = true
		}
	}
	for h.ahead[h.gen+1] {
		delete(h.ahead, h.gen+1)
		h.gen++
	}
}

// savedBuild is a build to save, and the store's generation it holds.
type savedBuild[T any] struct {
	v   T
	gen uint64
}

// pendingUpdate is one change applied to the last build in place: apply
// returns the build with the change, leaving its argument as it was
// (readers may hold it). Unless fresh, it must give the same whether or
// not the build already saw the change, for a build in flight may have
// read it; fresh says the build is sure to hold none of it.
type pendingUpdate[T any] struct {
	gen   uint64
	apply func(ctx context.Context, base T, fresh bool) (T, error)
	// storeGens are the store's generations of the writes the change
	// made; none where they are not known.
	storeGens []uint64
}

// buildInfo says which build an answer came from.
type buildInfo struct {
	AsOf  time.Time `json:"asOf"`  // when the build began reading the store
	Stale bool      `json:"stale"` // changes were made since, and a build is under way
}

func newBackground[T any](name, what string, life *lifetime, build func(context.Context) (T, error)) *background[T] {
	return &background[T]{name: name, what: what, life: life, build: build, gen: 1}
}

// lifetime owns the background builds of one schema: its context is
// theirs, close cancels it and waits for them to end.
type lifetime struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	// afterBuild, when set, runs after each build (ServerConfig.AfterBuild).
	afterBuild func()
	// wholeStore is held by a build that reads the whole store: one at a
	// time. A first start's search index and aggregate table, built side
	// by side, took longer together than one after the other, and each
	// came later (docs/benchmarks.md, "Seventeenth session: a first start").
	wholeStore chan struct{}
	asked      atomic.Int64 // builds that asked for wholeStore, for tests
}

func newLifetime() *lifetime {
	ctx, cancel := context.WithCancel(context.Background())
	return &lifetime{ctx: ctx, cancel: cancel, wholeStore: make(chan struct{}, 1)}
}

// readWholeStore runs build once no other build reads the whole store.
func readWholeStore[T any](ctx context.Context, l *lifetime, build func(context.Context) (T, error)) (T, error) {
	l.asked.Add(1)
	select {
	case l.wholeStore <- struct{}{}:
		defer func() { <-l.wholeStore }()
		return build(ctx)
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// close cancels the builds in flight and waits for them to end.
func (l *lifetime) close() {
	l.cancel()
	l.wg.Wait()
}

// errClosed answers readers once the builds' owner has closed.
var errClosed = fmt.Errorf("%w: the server is closing", errUnavailable)

// invalidate marks the build out of step with the store and starts another.
func (s *background[T]) invalidate() {
	s.mu.Lock()
	s.gen++
	s.fullGen, s.pending = s.gen, nil
	s.startLocked()
	s.mu.Unlock()
}

// update marks the build out of step with the store by a change apply
// can bring into the last build in place. Readers go on getting the last
// build until apply returns, then the updated one: never half of it. If
// apply fails, or another change since needs a whole build, the store is
// read whole as after invalidate.
func (s *background[T]) update(apply func(ctx context.Context, base T, fresh bool) (T, error), storeGens []uint64) {
	s.mu.Lock()
	s.gen++
	s.pending = append(s.pending, pendingUpdate[T]{s.gen, apply, storeGens})
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
	if s.building != nil || (s.built && s.builtGen == s.gen && !s.rebuild) {
		return
	}
	if s.life.ctx.Err() != nil {
		s.buildErr = errClosed
		return
	}
	// Changes the last build took in already need nothing more.
	for len(s.pending) > 0 && s.pending[0].gen <= s.builtGen {
		s.pending = s.pending[1:]
	}
	if s.built && s.fullGen <= s.builtGen && len(s.pending) > 0 {
		s.startUpdateLocked()
		return
	}
	done, gen, first := make(chan struct{}), s.gen, !s.tried
	s.building, s.tried, s.rebuild = done, true, false
	s.started++
	s.life.wg.Add(1)
	go func() {
		defer s.life.wg.Done()
		// Not a request's context: the build outlives the reader that started it.
		ctx := s.life.ctx
		at := time.Now()
		// The store's generation before the build reads anything: every
		// write up to it is in what the build reads.
		storeGen, genKnown, fromSnapshot := uint64(0), false, false
		var v T
		var err error
		if s.persist != nil {
			var gerr error
			storeGen, gerr = s.persist.store.Generation(ctx)
			genKnown = gerr == nil
			if first && genKnown {
				var lerr error
				if v, fromSnapshot, lerr = s.persist.load(ctx, storeGen); lerr != nil {
					s.persist.log.Warn("snapshot not read: building from the store", "snapshot", s.persist.name, "err", lerr)
				}
			}
		}
		exact := fromSnapshot
		if !fromSnapshot {
			v, err = readWholeStore(ctx, s.life, s.build)
			if genKnown && err == nil {
				after, gerr := s.persist.store.Generation(ctx)
				exact = gerr == nil && after == storeGen // nothing written while it read
			}
		}
		if ctx.Err() != nil {
			err = errClosed
		}
		if s.life.afterBuild != nil {
			s.life.afterBuild()
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		s.building, s.buildErr = nil, err
		if err == nil {
			s.current, s.built, s.builtGen, s.builtAt = v, true, gen, at
			s.held = heldWrites{gen: storeGen, known: genKnown, exact: exact}
			if s.persist != nil {
				how := "built from the store"
				if fromSnapshot {
					how = "read from its snapshot"
					s.loaded++
				} else {
					s.saveLocked()
				}
				s.persist.log.Info(s.what+" ready", "how", how, "generation", storeGen, "took", time.Since(at).Round(time.Millisecond))
			}
			s.startLocked()
		}
		close(done)
	}()
}

// saveLocked has the current build saved, where it is known to hold
// exactly the writes up to a generation. s.mu is held.
func (s *background[T]) saveLocked() {
	if s.persist == nil || !s.held.known || len(s.held.ahead) > 0 {
		return
	}
	s.toSave = &savedBuild[T]{s.current, s.held.gen}
	if s.saving {
		return
	}
	s.saving = true
	s.life.wg.Add(1)
	go s.saveLoop()
}

// saveLoop saves the latest build to save until there is none, a while
// after each (a burst of updates is one save), and at once when the
// builds' owner closes: what it saves then is the last build.
func (s *background[T]) saveLoop() {
	defer s.life.wg.Done()
	for {
		select {
		case <-time.After(saveDelay):
		case <-s.life.ctx.Done():
		}
		s.mu.Lock()
		b := s.toSave
		s.toSave = nil
		if b == nil {
			s.saving = false
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		// A save may end after the builds' owner closed; it is bounded.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(s.life.ctx), time.Minute)
		at := time.Now()
		err := s.persist.save(ctx, b.gen, b.v)
		cancel()
		if err != nil {
			s.persist.log.Warn("snapshot not saved", "snapshot", s.persist.name, "err", err)
			continue
		}
		if s.life.afterBuild != nil {
			s.life.afterBuild() // the encoding's garbage, as a build's
		}
		s.mu.Lock()
		s.saved++
		s.mu.Unlock()
		s.persist.log.Info("snapshot saved", "snapshot", s.persist.name, "generation", b.gen, "took", time.Since(at).Round(time.Millisecond))
	}
}

// startUpdateLocked applies the pending changes to the last build, in
// order, in the background; s.mu is held, every change since builtGen is
// pending and no build runs.
func (s *background[T]) startUpdateLocked() {
	done, gen, base, todo := make(chan struct{}), s.gen, s.current, s.pending
	held := s.held
	held.ahead = maps.Clone(held.ahead)
	s.building, s.pending = done, nil
	s.life.wg.Add(1)
	go func() {
		defer s.life.wg.Done()
		at := time.Now()
		v, err := base, error(nil)
		for _, u := range todo {
			fresh := held.fresh(u.storeGens)
			if v, err = u.apply(s.life.ctx, v, fresh); err != nil {
				break
			}
			held.exact = held.exact && fresh
			held.take(u.storeGens)
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		s.building = nil
		switch {
		case s.life.ctx.Err() != nil:
			s.buildErr = errClosed
		case err != nil:
			// Not applied: the store is read whole instead.
			s.fullGen = max(s.fullGen, gen)
			s.startLocked()
		default:
			s.current, s.builtGen, s.builtAt = v, gen, at
			s.updated++
			s.held = held
			// Updates that read what the nodes held before leave the build
			// holding later writes in part: the next are slow until a build
			// from the whole store, started now.
			s.rebuild = s.persist != nil && held.known && !held.exact
			s.saveLocked()
			s.startLocked()
		}
		close(done)
	}()
}

// waitFresh waits until a build in step with every change heard of so far
// has ended, as long as ctx allows.
func (s *background[T]) waitFresh(ctx context.Context) error {
	s.mu.Lock()
	want := s.gen
	s.mu.Unlock()
	for {
		s.mu.Lock()
		s.startLocked()
		fresh, wait, err := s.built && s.builtGen >= want, s.building, s.buildErr
		s.mu.Unlock()
		switch {
		case fresh:
			return nil
		case wait == nil && err != nil:
			return err
		case wait == nil:
			continue
		}
		select {
		case <-wait:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// peek returns the last complete build, if there is one, without waiting.
func (s *background[T]) peek() (T, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current, s.built
}

// get returns the last complete build at once, and notes in the request
// which it was; before the first, it waits for one as long as ctx allows.
func (s *background[T]) get(ctx context.Context) (T, error) {
	for {
		s.mu.Lock()
		s.startLocked()
		cur, built, wait, err := s.current, s.built, s.building, s.buildErr
		info := buildInfo{AsOf: s.builtAt, Stale: s.builtGen != s.gen}
		s.mu.Unlock()
		if built {
			if q, ok := ctx.Value(ctxKey{}).(*request); ok {
				q.noteBuild(s.name, info)
			}
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
			var zero T
			return zero, fmt.Errorf("%w: %s is still being built; try again in a moment", errUnavailable, s.what)
		}
	}
}
