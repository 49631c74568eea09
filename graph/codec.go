package graph

import (
	"errors"
	"fmt"
	"math"

	"github.com/cayleygraph/quad"
)

// The codec: how the graph's values (IDs, strings, numbers) travel as
// Cayley's quad values, and back.

// iriOf is the IRI v names, or "" for a literal.
func iriOf(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return string(iri)
	}
	return ""
}

// toValue turns a Prop value into a Cayley value: links are IRIs, the rest literals.
func toValue(v any) (quad.Value, error) {
	switch v := v.(type) {
	case ID:
		if v == "" {
			return nil, errors.New("empty link")
		}
		return quad.IRI(v), nil
	case string:
		return quad.String(v), nil
	case int:
		return quad.Int(v), nil
	case int64:
		return quad.Int(v), nil
	case float64:
		// NaN and the infinities have no JSON or JSON-LD form, and NaN
		// equals nothing: stored, they break every reader after.
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%v is not a finite number", v)
		}
		return quad.Float(v), nil
	}
	return nil, fmt.Errorf("unsupported value %T", v)
}

// fromValue is toValue's inverse.
func fromValue(v quad.Value) any {
	switch v := v.(type) {
	case quad.IRI:
		return ID(v)
	case quad.String:
		return string(v)
	case quad.Int:
		return int64(v)
	case quad.Float:
		return float64(v)
	}
	return quad.StringOf(v)
}

// hasIdentity reports whether a node's stored quads hold more than claims.
func hasIdentity(qs []quad.Quad) bool {
	for _, q := range qs {
		if !claimPredicates[Predicate(iriOf(q.Predicate))] {
			return true
		}
	}
	return false
}
