package schema

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// liveKinds are the facts factsAdded reports.
var liveKinds = []graph.Kind{graph.KindArrest, graph.KindSeizure, graph.KindOperation}

// liveEvent is what one change to the store added: the new facts and
// articles, read once for every subscriber.
type liveEvent struct {
	facts, articles []*graph.Entity
}

// liveMatch counts the facts the factsAdded resolver kept for its filter,
// so the stream sends nothing to a subscriber none of them concern.
type liveMatch struct{ facts, articles int }

type liveMatchKey struct{}

// subscriptions defines the Subscription type: factsAdded. The
// transport (server-sent events) is in sse.go; the events come from liveFeed.
func (b *builder) subscriptions() *graphql.Object {
	added := graphql.NewObject(graphql.ObjectConfig{
		Name:        "FactsAdded",
		Description: "What one change to the store added (an ingestArticle, a file in the watched folder).",
		Fields: graphql.Fields{
			"facts": &graphql.Field{Type: nonNullList(b.node),
				Description: "The new arrests, seizures and operations the subscription's filter matches."},
			"articles": &graphql.Field{Type: nonNullList(b.art),
				Description: "The articles stored by the change (all of them: the filter applies to facts)."},
		},
	})
	return graphql.NewObject(graphql.ObjectConfig{Name: "Subscription", Fields: graphql.Fields{
		"factsAdded": &graphql.Field{
			Type: graphql.NewNonNull(added),
			Description: "An event each time articles are stored that add facts the filter matches (or any article, without a filter), " +
				"sent once aggregates answer with them (search may follow a moment later). Served as server-sent events (the graphql-sse protocol): see docs/api.md.",
			Args: graphql.FieldConfigArgument{"filter": &graphql.ArgumentConfig{Type: b.filter, Description: "Conditions the new facts must meet."}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				ev, _ := p.Source.(*liveEvent)
				if ev == nil {
					ev = &liveEvent{}
				}
				f, err := parseFilter(p.Args["filter"])
				if err != nil {
					return nil, err
				}
				if err := b.checkFilterIDs(p.Context, f); err != nil {
					return nil, err
				}
				facts := ev.facts
				if !f.empty() && len(facts) > 0 {
					match, err := b.matchAll(p.Context, f, facts)
					if err != nil {
						return nil, err
					}
					facts = nil
					for i, e := range ev.facts {
						if match[i] {
							facts = append(facts, e)
						}
					}
				}
				if facts == nil {
					facts = []*graph.Entity{}
				}
				articles := ev.articles
				if articles == nil {
					articles = []*graph.Entity{}
				}
				if m, ok := p.Context.Value(liveMatchKey{}).(*liveMatch); ok {
					m.facts = len(facts)
					if f.empty() {
						m.articles = len(articles)
					}
				}
				return map[string]any{"facts": facts, "articles": articles}, nil
			},
		},
	}})
}

// errTooManySubscribers and errClosing refuse a subscription.
var (
	errTooManySubscribers = errors.New("too many subscriptions open")
	errClosing            = errors.New("the server is shutting down")
)

// liveFeed turns "the store changed" into events of what was added. It
// runs only while someone subscribes: the first subscriber notes the facts
// stored then and starts the goroutine that, on each change, waits for
// the aggregate table to catch up, lists the facts again and sends the
// new ones to every subscriber; the last to leave stops it.
type liveFeed struct {
	r     Reader
	fresh func(context.Context) error // waits until queries see every change
	max   int
	log   *slog.Logger

	poked chan struct{} // a change not yet looked at; capacity 1

	mu     sync.Mutex
	subs   map[*subscriber]bool
	run    *feedRun // nil while nobody subscribes
	closed bool
}

// feedRun is one run of the feed's goroutine, from the first subscriber
// to the last.
type feedRun struct {
	ctx   context.Context
	stop  context.CancelFunc
	known map[graph.ID]bool // facts and articles stored as of the last look
}

// subscriber is one open subscription.
type subscriber struct {
	events chan *liveEvent
	// ended is closed when the feed ends the subscription (the server is
	// closing, or the subscriber fell behind); why says which.
	ended chan struct{}
	why   string
}

// subscriberBuffer is how many events a subscriber may be behind before
// it is cut off: its stream then ends with the reason, and it can subscribe again.
const subscriberBuffer = 16

func newLiveFeed(r Reader, fresh func(context.Context) error, max int, log *slog.Logger) *liveFeed {
	return &liveFeed{r: r, fresh: fresh, max: max, log: log, poked: make(chan struct{}, 1), subs: map[*subscriber]bool{}}
}

// poke says the store changed; it never blocks.
func (l *liveFeed) poke() {
	select {
	case l.poked <- struct{}{}:
	default:
	}
}

// subscribe adds a subscriber, starting the feed if it is the first.
func (l *liveFeed) subscribe(ctx context.Context) (*subscriber, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.closed:
		return nil, errClosing
	case len(l.subs) >= l.max:
		return nil, fmt.Errorf("%w: at most %d at once", errTooManySubscribers, l.max)
	}
	if l.run == nil {
		known, err := l.stored(ctx)
		if err != nil {
			return nil, err
		}
		// Not the request's context: the run outlives the first subscriber.
		runCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
		l.run = &feedRun{ctx: runCtx, stop: stop, known: known}
		go l.follow(l.run)
	}
	s := &subscriber{events: make(chan *liveEvent, subscriberBuffer), ended: make(chan struct{})}
	l.subs[s] = true
	return s, nil
}

// unsubscribe removes a subscriber, stopping the feed if it was the last.
func (l *liveFeed) unsubscribe(s *subscriber) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.subs, s)
	if len(l.subs) == 0 && l.run != nil {
		l.run.stop()
		l.run = nil
	}
}

// close ends every subscription and refuses new ones.
func (l *liveFeed) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	for s := range l.subs {
		l.endLocked(s, "the server is shutting down")
	}
	if l.run != nil {
		l.run.stop()
		l.run = nil
	}
}

func (l *liveFeed) endLocked(s *subscriber, why string) {
	delete(l.subs, s)
	s.why = why
	close(s.ended)
}

// stored lists the facts and articles in the store.
func (l *liveFeed) stored(ctx context.Context) (map[graph.ID]bool, error) {
	known := map[graph.ID]bool{}
	for _, k := range append(liveKinds, graph.KindArticle) {
		ids, err := l.r.List(ctx, k)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			known[id] = true
		}
	}
	return known, nil
}

// follow is the feed's goroutine: it runs until run.ctx ends.
func (l *liveFeed) follow(run *feedRun) {
	for {
		select {
		case <-run.ctx.Done():
			return
		case <-l.poked:
		}
		ev, err := l.added(run)
		if err != nil {
			if run.ctx.Err() == nil {
				l.log.Error("factsAdded: reading what a change added", "err", err)
			}
			continue
		}
		if ev != nil {
			l.publish(run, ev)
		}
	}
}

// added waits until queries answer with the change, then reads what it added.
func (l *liveFeed) added(run *feedRun) (*liveEvent, error) {
	ctx := run.ctx
	if err := l.fresh(ctx); err != nil {
		return nil, err
	}
	now, err := l.stored(ctx)
	if err != nil {
		return nil, err
	}
	var ids []graph.ID
	for id := range now {
		if !run.known[id] {
			ids = append(ids, id)
		}
	}
	run.known = now
	if len(ids) == 0 {
		return nil, nil
	}
	ents, err := l.r.Get(ctx, ids...)
	if err != nil {
		return nil, err
	}
	ev := &liveEvent{}
	for _, id := range ids {
		switch e := ents[id]; {
		case e == nil:
		case e.Kind == graph.KindArticle:
			ev.articles = append(ev.articles, e)
		default:
			ev.facts = append(ev.facts, e)
		}
	}
	sortByID(ev.facts)
	sortByID(ev.articles)
	return ev, nil
}

// publish hands the event to every subscriber; one whose buffer is full
// has fallen behind and is cut off rather than holding the others up.
func (l *liveFeed) publish(run *feedRun, ev *liveEvent) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.run != run { // stopped meanwhile; a newer run has its own view
		return
	}
	for s := range l.subs {
		select {
		case s.events <- ev:
		default:
			l.endLocked(s, fmt.Sprintf("the subscriber fell %d events behind", subscriberBuffer))
		}
	}
}

func sortByID(ents []*graph.Entity) {
	slices.SortFunc(ents, func(a, b *graph.Entity) int { return cmp.Compare(a.ID, b.ID) })
}
