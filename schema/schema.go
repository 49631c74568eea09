package schema

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/graphql-go/graphql"

	"github.com/opgraph/opgraph/graph"
)

// Reader is what the resolvers read from the store. Every method returns an
// empty result, not an error, for IDs that name nothing.
type Reader interface {
	// List returns the IDs of every node of a kind, sorted; the slice may
	// be shared and must not be changed.
	List(ctx context.Context, k graph.Kind) ([]graph.ID, error)
	// Get returns the nodes with the given IDs; missing ones are absent.
	Get(ctx context.Context, ids ...graph.ID) (map[graph.ID]*graph.Entity, error)
	// Referrers returns, for each ID, the nodes linking to it with p, sorted.
	Referrers(ctx context.Context, p graph.Predicate, ids ...graph.ID) (map[graph.ID][]graph.ID, error)
	// ReferrersOfKind is Referrers keeping the nodes of kind k only (an
	// operation's arrests, not its seizures), without reading the others.
	ReferrersOfKind(ctx context.Context, p graph.Predicate, k graph.Kind, ids ...graph.ID) (map[graph.ID][]graph.ID, error)
	// EachProp calls fn with the subject and value of every attribute
	// named in preds, in one pass over the store (for the search index).
	EachProp(ctx context.Context, preds []graph.Predicate, fn func(subject graph.ID, p graph.Predicate, v any) error) error
}

// Curator records curators' changes (see graph.Change).
type Curator interface {
	WriteChange(ctx context.Context, c graph.Change) (graph.ID, error)
}

// Article is an article handed to the ingestArticle mutation.
type Article struct {
	Title, URL, Published, Source, Text string
}

// Ingester extracts an article's facts and stores them, returning what
// the store said of the write (graph.Store.WriteArticles): the article's
// ID, and where known the store's generation once it committed and what
// it added to nodes, with which the server takes it in quickly.
type Ingester func(ctx context.Context, a Article) (graph.Written, error)

// Config is what New builds the schema over. Curator and Ingest may be nil:
// the schema then has no mutations that need them.
type Config struct {
	Reader  Reader
	Curator Curator
	Ingest  Ingester
}

// errNotFound and errInvalid are the errors the client sees as they are;
// anything else reaches it as "internal error" (see handler.go).
var (
	errNotFound     = errors.New("not found")
	errInvalid      = errors.New("invalid input")
	errUnauthorized = errors.New("unauthorized: mutations need the header `Authorization: Bearer <token>`")
	errTokenNeeded  = errors.New("unauthorized: this server answers only requests with the header `Authorization: Bearer <token>`")
	errUnavailable  = errors.New("unavailable")
)

const (
	defaultPage = 20
	maxPage     = 100
)

// builder holds the object types while New wires them, so fields can refer
// to types defined later.
type builder struct {
	r      Reader
	cfg    Config
	node   *graphql.Interface
	types  map[graph.Kind]*graphql.Object
	conns  map[graph.Kind]*graphql.Object
	evid   *graphql.Object
	art    *graphql.Object
	change *graphql.Object
	page   *graphql.Object
	filter *graphql.InputObject
	search *searchIndex
	aggs   *background[*aggTable]
	life   *lifetime // owns the search and aggregate builds
	// measures are the aggregate's, from the kinds' specs.
	measures []measure
	// onChange, when set, hears of every change storeChanged hears of (the live feed).
	onChange func()
	ingestMu sync.Mutex // one ingestArticle at a time (ingest)
}

type listField struct {
	field string
	kind  graph.Kind
}

// listFields are the top-level lists: one per kind whose spec names one,
// and the articles.
func listFields() []listField {
	var out []listField
	for _, s := range graph.Specs() {
		if s.List != "" {
			out = append(out, listField{s.List, s.Kind})
		}
	}
	return append(out, listField{"articles", graph.KindArticle})
}

// New builds the GraphQL schema. The search index and aggregate table it
// builds on first use are never stopped: a long-lived caller wants
// NewServer, whose Close stops them.
func New(cfg Config) (graphql.Schema, error) {
	s, _, err := build(cfg)
	return s, err
}

func build(cfg Config) (graphql.Schema, *builder, error) {
	if cfg.Reader == nil {
		return graphql.Schema{}, nil, errors.New("schema: no Reader")
	}
	b := &builder{r: cfg.Reader, cfg: cfg, types: map[graph.Kind]*graphql.Object{}, conns: map[graph.Kind]*graphql.Object{}}
	ms, err := measures()
	if err != nil {
		return graphql.Schema{}, nil, err
	}
	b.measures = ms
	b.life = newLifetime()
	b.search = newSearchIndex(cfg.Reader, b.life)
	b.aggs = newBackground("aggregates", "the aggregate table", b.life, b.buildAggTable)
	b.node = graphql.NewInterface(graphql.InterfaceConfig{
		Name:        "Node",
		Description: "Anything with a global ID: the node's IRI in the graph.",
		Fields:      graphql.Fields{"id": &graphql.Field{Type: graphql.NewNonNull(graphql.ID)}},
		ResolveType: func(p graphql.ResolveTypeParams) *graphql.Object {
			if e, ok := p.Value.(*graph.Entity); ok {
				if e.Kind == graph.KindEvidence {
					return b.evid
				}
				return b.types[e.Kind]
			}
			return nil
		},
	})
	b.page = graphql.NewObject(graphql.ObjectConfig{Name: "PageInfo", Fields: graphql.Fields{
		"hasNextPage": &graphql.Field{Type: graphql.NewNonNull(graphql.Boolean)},
		"endCursor":   &graphql.Field{Type: graphql.String},
	}})
	b.filter = filterType()
	b.defineTypes()
	query := graphql.Fields{
		"node": &graphql.Field{
			Type:        b.node,
			Description: "Any node by its ID (retracted ones too, with their history).",
			Args:        graphql.FieldConfigArgument{"id": &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				id, _ := p.Args["id"].(string)
				e, err := b.requestFrom(p.Context).entity(p.Context, graph.ID(id))()
				if err != nil {
					return nil, err
				}
				if e == nil || b.types[e.Kind] == nil && e.Kind != graph.KindEvidence {
					return nil, fmt.Errorf("node %s: %w", id, errNotFound)
				}
				return e, nil
			},
		},
	}
	for _, l := range listFields() {
		kind := l.kind
		args := pageArgs()
		args["filter"] = &graphql.ArgumentConfig{Type: b.filter, Description: "Conditions that must all hold."}
		query[l.field] = &graphql.Field{
			Type:        graphql.NewNonNull(b.conns[kind]),
			Description: fmt.Sprintf("Every %s, ordered by ID; retracted and merged-away ones left out.", kind),
			Args:        args,
			Resolve: func(p graphql.ResolveParams) (any, error) {
				f, err := parseFilter(p.Args["filter"])
				if err != nil {
					return nil, err
				}
				if err := b.checkFilterIDs(p.Context, f); err != nil {
					return nil, err
				}
				return b.list(p.Context, kind, f, p.Args)
			},
		}
	}
	b.addSearch(query)
	b.addExplore(query)
	b.addAggregate(query)
	b.addCooccurrence(query)
	query["changes"] = &graphql.Field{
		Type:        nonNullList(b.change),
		Description: "Every curator's change, newest first.",
		Args:        graphql.FieldConfigArgument{"first": &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: 50}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			v, err := b.requestFrom(p.Context).curation(p.Context)
			if err != nil {
				return nil, err
			}
			seen := map[graph.ID]bool{}
			var all []graph.Change
			for _, h := range v.history {
				for _, c := range h {
					if !seen[c.ID] {
						seen[c.ID] = true
						all = append(all, c)
					}
				}
			}
			sort.Slice(all, func(i, j int) bool { return all[i].At.After(all[j].At) })
			first, err := firstArg(p.Args, 1000)
			if err != nil {
				return nil, err
			}
			if len(all) > first {
				all = all[:first]
			}
			if all == nil {
				all = []graph.Change{}
			}
			return all, nil
		},
	}
	sc := graphql.SchemaConfig{
		Query:        graphql.NewObject(graphql.ObjectConfig{Name: "Query", Fields: query}),
		Types:        b.allTypes(),
		Subscription: b.subscriptions(),
	}
	if m := b.mutations(); len(m) > 0 {
		sc.Mutation = graphql.NewObject(graphql.ObjectConfig{Name: "Mutation", Fields: m})
	}
	s, err := graphql.NewSchema(sc)
	if err != nil {
		return s, nil, err
	}
	honourDeadlines(s)
	warmEnums(s)
	return s, b, nil
}

func (b *builder) allTypes() []graphql.Type {
	out := []graphql.Type{b.evid}
	for _, k := range graph.Kinds() {
		if t := b.types[k]; t != nil {
			out = append(out, t)
		}
	}
	return out
}

func pageArgs() graphql.FieldConfigArgument {
	return graphql.FieldConfigArgument{
		"first": &graphql.ArgumentConfig{Type: graphql.Int, DefaultValue: defaultPage, Description: fmt.Sprintf("Page size, at most %d.", maxPage)},
		"after": &graphql.ArgumentConfig{Type: graphql.String, Description: "The endCursor of the previous page."},
	}
}

// connection is a page of nodes; ents is set when filtering loaded them already.
type connection struct {
	total   int
	ids     []graph.ID
	ents    []*graph.Entity
	hasNext bool
}

// list pages through the nodes of a kind. Without a filter only the page's
// nodes are read; with one, the nodes its agency, place, platform or
// operation reaches (candidates), else every node of the kind, are read and
// tested.
func (b *builder) list(ctx context.Context, k graph.Kind, f *filter, args map[string]any) (*connection, error) {
	q := b.requestFrom(ctx)
	v, err := q.curation(ctx)
	if err != nil {
		return nil, err
	}
	ids, err := b.r.List(ctx, k)
	if err != nil {
		return nil, err
	}
	if f.empty() {
		// The page is cut from the kept list itself, stepping over the few
		// nodes curation hides: a copy of the list without them cost every
		// page time and bytes in proportion to the whole kind.
		return paginateHiding(k, ids, v.hidden(ids), args)
	}
	kept := ids
	if len(v.retracted) > 0 || len(v.into) > 0 { // curation hides some
		kept = make([]graph.ID, 0, len(ids))
		for _, id := range ids {
			if !v.retracted[id] && v.resolve(id) == id {
				kept = append(kept, id)
			}
		}
	}
	cands, narrowed, err := b.candidates(ctx, f)
	if err != nil {
		return nil, err
	}
	if narrowed { // test only the nodes the filter's agency, place, platform or operation reaches
		kept = slices.DeleteFunc(slices.Clone(kept), func(id graph.ID) bool { return !cands[id] })
	}
	ents, err := q.entities(ctx, kept, false)
	if err != nil {
		return nil, err
	}
	match, err := b.matchAll(ctx, f, ents)
	if err != nil {
		return nil, err
	}
	var ids2 []graph.ID
	byID := map[graph.ID]*graph.Entity{}
	for i, e := range ents {
		if match[i] {
			ids2 = append(ids2, e.ID)
			byID[e.ID] = e
		}
	}
	c, err := paginate(k, ids2, args)
	if err != nil {
		return nil, err
	}
	for _, id := range c.ids {
		c.ents = append(c.ents, byID[id])
	}
	if c.ents == nil {
		c.ents = []*graph.Entity{}
	}
	return c, nil
}

// paginate cuts a sorted list of IDs of kind k into the page the
// arguments ask for. Cursors are the IDs themselves, so pages stay stable
// as nodes are added; a cursor of another list's kind is refused, not read
// as the end of this one.
func paginate(k graph.Kind, ids []graph.ID, args map[string]any) (*connection, error) {
	return paginateHiding(k, ids, nil, args)
}

// paginateHiding cuts the page paginate would cut from ids without the
// IDs in hidden, a sorted subset of ids, without copying ids.
func paginateHiding(k graph.Kind, ids, hidden []graph.ID, args map[string]any) (*connection, error) {
	first, _ := args["first"].(int)
	if first < 0 || first > maxPage {
		return nil, fmt.Errorf("%w: first must be between 0 and %d, got %d", errInvalid, maxPage, first)
	}
	start := 0
	if after, ok := args["after"].(string); ok && after != "" {
		raw, err := base64.RawURLEncoding.DecodeString(after)
		if err != nil || !strings.HasPrefix(string(raw), "opg:") {
			return nil, fmt.Errorf("%w: malformed cursor %q: pass a page's endCursor as it came", errInvalid, after)
		}
		if !strings.HasPrefix(string(raw), k.IRIPrefix()) {
			return nil, fmt.Errorf("%w: cursor %q is of another list (%s), not of %s: pass this list's endCursor", errInvalid, after, raw, k)
		}
		start = sort.Search(len(ids), func(i int) bool { return ids[i] > graph.ID(raw) })
	}
	// h counts the hidden IDs before ids[end] as end moves on.
	h := len(hidden)
	if start < len(ids) {
		h = sort.Search(len(hidden), func(j int) bool { return hidden[j] >= ids[start] })
	}
	end, n, skipped := start, 0, false
	for ; end < len(ids) && n < first; end++ {
		if h < len(hidden) && hidden[h] == ids[end] {
			h, skipped = h+1, true
			continue
		}
		n++
	}
	page := ids[start:end:end] // ids may be shared: no append through it
	if skipped {
		page = make([]graph.ID, 0, n)
		for _, id := range ids[start:end] {
			if _, found := slices.BinarySearch(hidden, id); !found {
				page = append(page, id)
			}
		}
	}
	// Past the page, only hidden IDs may be left.
	hasNext := len(ids)-end > len(hidden)-h
	return &connection{total: len(ids) - len(hidden), ids: page, hasNext: hasNext}, nil
}

// firstArg reads a first: argument, which must be between 0 and most.
func firstArg(args map[string]any, most int) (int, error) {
	first, _ := args["first"].(int)
	if first < 0 || first > most {
		return 0, errInvalidf("first must be between 0 and %d, got %d", most, first)
	}
	return first, nil
}

func cursorOf(id graph.ID) string { return base64.RawURLEncoding.EncodeToString([]byte(id)) }

// storeChanged puts what is built from the whole store out of date: the
// search index and the aggregate table are built again.
func (b *builder) storeChanged() {
	// The aggregate table first: the live feed waits for it (builds run one at a time).
	b.aggs.invalidate()
	b.search.invalidate()
	if b.onChange != nil {
		b.onChange()
	}
}
