package graph

import "errors"

var (
	// ErrNotFound is returned by Store reads when an ID names nothing stored.
	ErrNotFound = errors.New("not found")
	// ErrInvalid is returned when facts handed to the Store are malformed
	// (an empty ID, a node without a kind, evidence without an article).
	ErrInvalid = errors.New("invalid")
	// ErrInUse is returned by Open when another process holds the store.
	ErrInUse = errors.New("store in use")
	// ErrUnknownBackend is returned by Open for a backend name that is not linked in.
	ErrUnknownBackend = errors.New("unknown backend")
	// ErrNotEmpty is returned by CopyTo when the destination already holds quads.
	ErrNotEmpty = errors.New("store not empty")
	// ErrNoSpace is returned by the Store's writes when the disk under the
	// store (Bolt's, or PostgreSQL's) is full: that write stored nothing.
	// It wraps the backend's own error (ENOSPC, SQLSTATE 53100).
	ErrNoSpace = errors.New("store is out of disk space")
	// ErrUntrusted is returned by ImportNQuads, beside ErrInvalid, for a
	// dump holding a curator's change that ImportOptions do not trust.
	ErrUntrusted = errors.New("changes are imported only from trusted curators")
)
