package graph

import (
	"errors"
	"fmt"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// pgDiskFull is PostgreSQL's SQLSTATE for a full disk (class 53,
// insufficient resources).
const pgDiskFull = "53100"

// noSpace marks err as ErrNoSpace when the backend failed for want of
// disk, so that a load can stop at the first and the API can say so.
func noSpace(err error) error {
	if err == nil || errors.Is(err, ErrNoSpace) {
		return err
	}
	var pg *pgconn.PgError
	if errors.Is(err, syscall.ENOSPC) || (errors.As(err, &pg) && pg.Code == pgDiskFull) {
		return fmt.Errorf("%w: %w", ErrNoSpace, err)
	}
	return err
}
