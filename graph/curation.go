package graph

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// KindChange is a curator's change to the graph: a retraction, a merge or a
// correction. Changes are kept, never rewritten, so the history of every
// fact stays readable; readers apply them when they read.
const KindChange Kind = "Change"

// Predicates of a change.
const (
	PredAction Predicate = "opg:action" // one of the Action* constants
	PredTarget Predicate = "opg:target" // link: the node changed
	PredInto   Predicate = "opg:into"   // link: for a merge, the node kept
	PredField  Predicate = "opg:field"  // for a correction, the predicate corrected
	PredValue  Predicate = "opg:value"  // for a correction, the new value
	PredOld    Predicate = "opg:old"    // for a correction, the value it replaced, where there was one
	PredReason Predicate = "opg:reason"
	PredBy     Predicate = "opg:by"
	PredAt     Predicate = "opg:at" // RFC 3339 time
)

// Change actions.
const (
	ActionRetract = "retract"
	ActionMerge   = "merge"
	ActionCorrect = "correct"
	ActionUndo    = "undo" // Target is the change undone
)

// Change is one curator's change.
type Change struct {
	ID     ID // set by WriteChange
	Action string
	Target ID
	Into   ID        // merges
	Field  Predicate // corrections
	Value  any       // corrections: a string, a float64 or a link (ID)
	Old    any       // corrections: the value replaced, nil where none
	Reason string
	By     string
	At     time.Time
}

// WriteChange records a change in one transaction and returns its ID. The
// target (and, for a merge, the node kept) must exist.
func (s *Store) WriteChange(ctx context.Context, c Change) (ID, error) {
	if c.Target == "" || c.By == "" || c.At.IsZero() {
		return "", fmt.Errorf("%w: a change needs a target, an author and a time", ErrInvalid)
	}
	switch c.Action {
	case ActionRetract, ActionUndo:
	case ActionMerge:
		if c.Into == "" || c.Into == c.Target {
			return "", fmt.Errorf("%w: a merge needs another node to keep", ErrInvalid)
		}
	case ActionCorrect:
		if c.Field == "" || c.Value == nil {
			return "", fmt.Errorf("%w: a correction needs a field and a value", ErrInvalid)
		}
	default:
		return "", fmt.Errorf("%w: unknown action %q", ErrInvalid, c.Action)
	}
	for _, id := range []ID{c.Target, c.Into} {
		if id == "" {
			continue
		}
		got, err := s.Get(ctx, id)
		if err != nil {
			return "", err
		}
		if got[id] == nil {
			return "", fmt.Errorf("%s: %w", id, ErrNotFound)
		}
	}
	at := c.At.UTC().Format(time.RFC3339Nano)
	c.ID = FactID(KindChange, c.Action, string(c.Target), string(c.Into), string(c.Field), fmt.Sprint(c.Value), c.By, at)
	props := []Prop{{PredAction, c.Action}, {PredTarget, c.Target}, {PredReason, c.Reason}, {PredBy, c.By}, {PredAt, at}}
	if c.Into != "" {
		props = append(props, Prop{PredInto, c.Into})
	}
	if c.Field != "" {
		props = append(props, Prop{PredField, string(c.Field)}, Prop{PredValue, c.Value})
		if c.Old != nil {
			props = append(props, Prop{PredOld, c.Old})
		}
	}
	deltas := []cgraph.Delta{{Quad: quad.Make(quad.IRI(c.ID), quad.IRI(PredType), quad.IRI(kindIRI(KindChange)), nil), Action: cgraph.Add}}
	for _, p := range props {
		v, err := toValue(p.Value)
		if err != nil {
			return "", fmt.Errorf("%w: %s: %w", ErrInvalid, p.Pred, err)
		}
		deltas = append(deltas, cgraph.Delta{Quad: quad.Make(quad.IRI(c.ID), quad.IRI(p.Pred), v, nil), Action: cgraph.Add})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.applyDeltas(ctx, deltas); err != nil {
		return "", fmt.Errorf("write change to %s: %w", c.Target, err)
	}
	return c.ID, nil
}

// ChangeFrom reads a change back from its node.
func ChangeFrom(e *Entity) Change {
	c := Change{ID: e.ID, Action: e.String(PredAction), Target: e.Link(PredTarget), Into: e.Link(PredInto),
		Field: Predicate(e.String(PredField)), Reason: e.String(PredReason), By: e.String(PredBy)}
	c.At, _ = time.Parse(time.RFC3339Nano, e.String(PredAt))
	read := func(p Predicate) any {
		vs := e.Props[p]
		if len(vs) == 0 {
			return nil
		}
		if i, ok := vs[0].(int64); ok {
			return float64(i)
		}
		return vs[0]
	}
	c.Value, c.Old = read(PredValue), read(PredOld)
	return c
}

// ParseValue reads a correction's value as a number where it is a finite
// decimal one; anything else ("NaN", "Inf", "0x1p3", "1e400") stays a string.
func ParseValue(s string) any {
	if !isDecimal(s) {
		return s
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
		return f
	}
	return s
}

// isDecimal reports whether s is written as a plain decimal number:
// an optional sign, digits with at most one point, an optional exponent.
func isDecimal(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	digits, point := 0, false
	for _, c := range mant {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point:
			point = true
		default:
			return false
		}
	}
	if digits == 0 {
		return false
	}
	if hasExp {
		exp = strings.TrimPrefix(strings.TrimPrefix(exp, "-"), "+")
		if exp == "" || strings.Trim(exp, "0123456789") != "" {
			return false
		}
	}
	return true
}
