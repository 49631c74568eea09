package schema

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"
)

// fanOut is the fragment fan-out: each of levels fragments
// spreads the next ten times.
func fanOut(levels int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }\n")
	for i := range levels {
		fmt.Fprintf(&b, "fragment F%d on Query {%s }\n", i, strings.Repeat(fmt.Sprintf(" ...F%d", i+1), 10))
	}
	fmt.Fprintf(&b, "fragment F%d on Query { __typename }\n", levels)
	return b.String()
}

// nested is a selection nested levels deep.
func nested(levels int) string {
	return strings.Repeat("{ a ", levels) + "{ b }" + strings.Repeat(" }", levels)
}

// TestGateBoundsTheWork runs the attacks through the gate and
// checks each is refused, with the gate's work (selections walked, tokens
// read) bounded by the document's size, not by what it would expand to.
func TestGateBoundsTheWork(t *testing.T) {
	l := Limits{}.withDefaults()
	cases := []struct {
		name, query string
		want        string // in the refusal
		limit       string // the LimitError's, "" for a refusal that is no limit
		maxWork     int    // selections walked or tokens read
	}{
		{"self-spread (44 bytes, crashed graphql-go)", `{...A} fragment A on Query{...A}`, "A -> A", "", 2},
		{"cycle of two through a field", `{...A} fragment A on Query{ node(id:"x") { ...B } } fragment B on Node { ... on Query { ...A } }`, "A -> B -> A", "", 6},
		{"fan-out of 10 levels", fanOut(10), "fragment spreads", "MaxSpreads", 10*10 + 2},
		{"fan-out of 40 levels", fanOut(40), "fragment spreads", "MaxSpreads", 10*10 + 2},
		{"3,000 levels deep", nested(3000), "braces", "MaxNesting", 2 * (l.MaxNesting + 1)},
		{"30,000 fields", "{" + strings.Repeat(" __typename", 30_000) + "}", "bytes", "MaxBytes", 0},
		{"5,000 fields", "{" + strings.Repeat(" __typename", 5_000) + "}", "field selections", "MaxFields", l.MaxFields + 1},
		{"14,000 aliased __schema", "{" + strings.Repeat(" s: __schema { types { name } }", 14_000) + "}", "bytes", "MaxBytes", 0},
		{"300 aliased __schema", "{" + strings.Repeat(" s: __schema { queryType { name } }", 300) + "}", "aliases", "MaxAliases", 3 * (l.MaxAliases + 1)},
		{"recursive introspection", "{" + strings.Repeat(" s: __schema { types { fields { type { fields { type { fields { name } } } } } } }", 10) + "}", "nodes", "MaxNodes", 7 * 10},
		{"1,000 aliased conflicts", "{" + strings.Repeat(" c: conflicts { kind }", 1_000) + "}", "aliases", "MaxAliases", 2 * (l.MaxAliases + 1)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			work, err := checkText(tc.query, l)
			if err == nil {
				doc, perr := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(tc.query)})})
				if perr != nil {
					t.Fatalf("parse: %v", perr)
				}
				work, err = checkDocument(doc, l, introspectionFanout{"types": 60, "fields": 30})
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("%d bytes: err = %v, want a refusal naming %q", len(tc.query), err, tc.want)
			}
			var le *LimitError
			if got := errors.As(err, &le); got != (tc.limit != "") || got && le.Limit != tc.limit {
				t.Errorf("err = %#v, want a LimitError on %q", err, tc.limit)
			}
			if work > tc.maxWork {
				t.Errorf("the gate did %d units of work, want at most %d", work, tc.maxWork)
			}
		})
	}
}

// TestGateLetsRealQueriesThrough checks the console's introspection and
// graphql-go's full introspection query pass the limits with this schema.
func TestGateLetsRealQueriesThrough(t *testing.T) {
	s, _, err := build(Config{Reader: memStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	intro := newIntrospectionFanout(s)
	l := Limits{}.withDefaults()
	for name, q := range map[string]string{
		"console": `{ __schema { types { name kind description
  fields { name description args { name type { ...T } } type { ...T } }
  inputFields { name description type { ...T } }
  enumValues { name } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`,
		"full introspection": fullIntrospection,
		"dashboard":          `{ operations(first: 50) { totalCount edges { node { name agencies { name } arrests { count } seizures { quantity } } } } }`,
	} {
		if _, err := checkText(q, l); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(q)})})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := checkDocument(doc, l, intro); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// fullIntrospection is the query GraphiQL and graphql-go's tests send.
const fullIntrospection = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`

// BenchmarkRefuse measures what refusing each of the attacks
// costs the server: the text check, the parse and the gate.
func BenchmarkRefuse(b *testing.B) {
	api, _ := testServer(b, memStore(b), nil)
	for name, q := range map[string]string{
		"cycle":          `{...A} fragment A on Query{...A}`,
		"fan-out-40":     fanOut(40),
		"deep-3000":      nested(3000),
		"fields-30000":   "{" + strings.Repeat(" __typename", 30_000) + "}",
		"fields-5000":    "{" + strings.Repeat(" __typename", 5_000) + "}",
		"intro-aliases":  "{" + strings.Repeat(" s: __schema { queryType { name } }", 1_000) + "}",
		"conflicts-1000": "{" + strings.Repeat(" c: conflicts { kind }", 1_000) + "}",
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := api.parse(q); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

// BenchmarkValidateAtTheLimits measures graphql-go's validation of the
// costliest documents the gate lets through: its cost grows with the
// square of the fields with one response name.
func BenchmarkValidateAtTheLimits(b *testing.B) {
	api, _ := testServer(b, memStore(b), nil)
	l := api.cfg.Limits
	for name, q := range map[string]string{
		"fields":  "{" + strings.Repeat(" __typename", l.MaxFields-1) + "}",
		"aliases": "{" + strings.Repeat(" a: __typename", l.MaxAliases) + strings.Repeat(" __typename", l.MaxFields-l.MaxAliases-1) + "}",
		"fan-out": "{ ...F0 }\n" + "fragment F0 on Query {" + strings.Repeat(" ...F1", 11) + " }\nfragment F1 on Query {" + strings.Repeat(" __typename", 80) + " }",
	} {
		doc, _, err := api.parse(q)
		if err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if v := graphql.ValidateDocument(&api.schema, doc, nil); !v.IsValid {
					b.Fatal(v.Errors)
				}
			}
		})
	}
}
