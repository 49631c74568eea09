package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
)

// TestWriteResult checks that answers are written byte for byte as
// encoding/json's Encoder wrote them, for every kind of value an answer
// holds and the strings that need escaping.
func TestWriteResult(t *testing.T) {
	page := map[string]any{"operations": map[string]any{"totalCount": 5327, "edges": []any{
		map[string]any{"node": map[string]any{"id": "opg:operation/eternal", "name": "Eternal", "agencies": []any{map[string]any{"name": "Met"}},
			"arrests": []any{map[string]any{"count": 132.0}}, "seizures": []any{}}},
		map[string]any{"node": nil},
	}}}
	cases := []struct {
		name string
		data any
		res  *graphql.Result // when set, instead of a result of data
	}{
		{"page", page, nil},
		{"null data", nil, nil},
		{"empty map and list", map[string]any{"a": map[string]any{}, "b": []any{}}, nil},
		{"keys out of order", map[string]any{"z": 1, "a": 2, "m": 3, "A": 4, "é": 5, "<": 6}, nil},
		{"html characters", map[string]any{"s": `<script>&amp;"quoted"\back</script>`}, nil},
		{"control characters", map[string]any{"s": "tab\there\nline\r\x00\x01\x1f\b\f"}, nil},
		{"unicode", map[string]any{"s": "Polícia Federal, 北京, emoji 🚓"}, nil},
		{"invalid utf-8", map[string]any{"s": "bad \xff\xfe byte", "\xffkey": 1}, nil},
		{"line separators", map[string]any{"s": "a\u2028b\u2029c"}, nil},
		{"integers", []any{0, -1, math.MaxInt, math.MinInt}, nil},
		{"floats", []any{0.0, math.Copysign(0, -1), 1.5, 132.0, 1e20, 1e21, 1e-6, 1e-7, 123456789.125, -2.5e-10, math.MaxFloat64, math.SmallestNonzeroFloat64}, nil},
		{"booleans", []any{true, false}, nil},
		{"other values through encoding/json", map[string]any{"t": time.Date(2026, 12, 6, 22, 0, 0, 0, time.UTC), "ss": []string{"a", "<b>"}, "m": map[string]int{"b": 1, "a": 2}, "n": json.Number("12"), "i64": int64(7), "f32": float32(0.1)}, nil},
		{"NaN fails as before", map[string]any{"x": math.NaN()}, nil},
		{"infinity inside a list fails as before", []any{1, math.Inf(1)}, nil},
		{"errors", nil, &graphql.Result{Data: map[string]any{"node": nil}, Errors: gqlerrors.FormatErrors(errors.New("node x: not found"))}},
		{"extensions", nil, &graphql.Result{Data: map[string]any{"a": 1}, Extensions: map[string]any{"builds": map[string]any{"search": 3}}}},
	}
	srv := new(Server)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := c.res
			if res == nil {
				res = &graphql.Result{Data: c.data}
			}
			var want bytes.Buffer
			json.NewEncoder(&want).Encode(res)
			for i := range 2 { // the second into a buffer the first used
				rec := httptest.NewRecorder()
				srv.writeResult(rec, 200, res)
				if got := rec.Body.String(); got != want.String() {
					t.Errorf("write %d, data %#v:\ngot  %q\nwant %q", i, res.Data, got, want.String())
				}
				if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type %q", ct)
				}
			}
		})
	}
}
