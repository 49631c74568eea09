package schema

import (
	"context"
	"errors"
	"strings"

	"github.com/graphql-go/graphql"
)

// graphql-go answers when the context it is given ends but leaves its
// executor running: resolvers kept reading the store long after "request
// timed out", and a mutation so answered was committed anyway. So the
// executor gets a context that never ends, and the request's own context,
// with its deadline, travels beside it: every resolver of a query checks it
// first and reads the store under it. A mutation starts only while its
// request has time left (see the handler) and then runs to the end, every
// field of it, so that its answer says what was changed: a field refused
// half-way would null the others' answers (they are non-null) although
// their changes were made.

type queryCtxKey struct{}
type mutationCtxKey struct{}

// errNotApplied is a mutation refused because its request had run out of
// time before it started.
var errNotApplied = errors.New("request timed out before the change was made; nothing was changed")

// executionContext is the context graphql-go runs an operation under.
func executionContext(ctx context.Context, mutation bool) context.Context {
	detached := context.WithoutCancel(ctx)
	if mutation {
		return context.WithValue(detached, mutationCtxKey{}, ctx)
	}
	return context.WithValue(detached, queryCtxKey{}, ctx)
}

// honourDeadlines wraps every resolver of the schema's own types but the
// mutations'; fields without one (graphql-go reads them off the value) do
// no work of note.
func honourDeadlines(s graphql.Schema) {
	for name, t := range s.TypeMap() {
		obj, ok := t.(*graphql.Object)
		if !ok || strings.HasPrefix(name, "__") || obj == s.MutationType() {
			continue
		}
		for _, f := range obj.Fields() {
			if f.Resolve != nil {
				f.Resolve = underDeadline(f.Resolve)
			}
		}
	}
}

// underDeadline runs a query's resolver under the request's context, not
// at all once it has ended. In a mutation's answer it changes nothing.
func underDeadline(next graphql.FieldResolveFn) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		if ctx, ok := p.Context.Value(queryCtxKey{}).(context.Context); ok {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			p.Context = ctx
		}
		return next(p)
	}
}
