package graph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sync"

	"github.com/jackc/pgx/v5"
)

// A snapshot is what a reader built from the whole store (the search
// index, the aggregate table), kept beside it under a name and stamped
// with the store's generation it reflects, so that a process starting on
// a big store reads it back instead of building it again. The store keeps
// the bytes and the stamp; what they mean is the writer's.
//
// Where they live: on Bolt, a file per name beside the store's file,
// replaced whole (written aside, then renamed); on PostgreSQL, a row of a
// table beside Cayley's; on memstore, in memory.

// WriteSnapshot keeps what write writes as the snapshot called name,
// stamped with gen, in place of the one before. A write that fails or is
// interrupted (kill -9 included) leaves the one before.
func (s *Store) WriteSnapshot(ctx context.Context, name string, gen uint64, write func(io.Writer) error) error {
	if !snapName.MatchString(name) {
		return fmt.Errorf("%w: snapshot name %q", ErrInvalid, name)
	}
	if err := s.snaps.write(ctx, name, gen, write); err != nil {
		return fmt.Errorf("write snapshot %s: %w", name, noSpace(err))
	}
	return nil
}

// ReadSnapshot calls read with the snapshot called name if it is stamped
// gen, and reports whether there was one. A snapshot that does not end as
// it was written (read must read it to its end) is an error.
func (s *Store) ReadSnapshot(ctx context.Context, name string, gen uint64, read func(io.Reader) error) (bool, error) {
	if !snapName.MatchString(name) {
		return false, fmt.Errorf("%w: snapshot name %q", ErrInvalid, name)
	}
	found, err := s.snaps.read(ctx, name, gen, read)
	if err != nil {
		return found, fmt.Errorf("read snapshot %s: %w", name, err)
	}
	return found, nil
}

var snapName = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// snapshots keeps a backend's snapshots.
type snapshots interface {
	write(ctx context.Context, name string, gen uint64, write func(io.Writer) error) error
	read(ctx context.Context, name string, gen uint64, read func(io.Reader) error) (bool, error)
}

type noSnapshots struct{}

func (noSnapshots) write(context.Context, string, uint64, func(io.Writer) error) error {
	return ErrNoGeneration
}

func (noSnapshots) read(context.Context, string, uint64, func(io.Reader) error) (bool, error) {
	return false, ErrNoGeneration
}

// memSnapshots keeps memstore's.
type memSnapshots struct {
	mu sync.Mutex
	m  map[string]memSnapshot
}

type memSnapshot struct {
	gen  uint64
	data []byte
}

func (m *memSnapshots) write(_ context.Context, name string, gen uint64, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = map[string]memSnapshot{}
	}
	m.m[name] = memSnapshot{gen, buf.Bytes()}
	return nil
}

func (m *memSnapshots) read(_ context.Context, name string, gen uint64, read func(io.Reader) error) (bool, error) {
	m.mu.Lock()
	snap, ok := m.m[name]
	m.mu.Unlock()
	if !ok || snap.gen != gen {
		return false, nil
	}
	r := bytes.NewReader(snap.data)
	if err := read(r); err != nil {
		return true, err
	}
	if r.Len() > 0 {
		return true, fmt.Errorf("%d bytes left unread", r.Len())
	}
	return true, nil
}

// fileSnapshots keeps Bolt's, a file each in the store's folder: a header
// (magic, generation, payload length), the payload, its CRC-32C.
type fileSnapshots struct{ dir string }

var snapMagic = []byte("opgraph snapshot 1\n")

func (f fileSnapshots) path(name string) string { return filepath.Join(f.dir, name+".snapshot") }

func (f fileSnapshots) write(ctx context.Context, name string, gen uint64, write func(io.Writer) error) (err error) {
	// One name is written by one writer at a time (Bolt's file lock keeps
	// other processes out), so the file aside can have a fixed name: one
	// a kill left behind is written over.
	tmp := f.path(name) + ".tmp"
	file, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			file.Close()
			os.Remove(tmp)
		}
	}()
	header := binary.BigEndian.AppendUint64(append([]byte(nil), snapMagic...), gen)
	header = binary.BigEndian.AppendUint64(header, 0) // the payload's length, once known
	bw := bufio.NewWriterSize(file, 1<<20)
	if _, err := bw.Write(header); err != nil {
		return err
	}
	cw := &countingWriter{w: bw, crc: crc32.New(crcTable)}
	if err := write(cw); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, err := bw.Write(binary.BigEndian.AppendUint32(nil, cw.crc.Sum32())); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if _, err := file.WriteAt(binary.BigEndian.AppendUint64(nil, uint64(cw.n)), int64(len(header)-8)); err != nil {
		return err
	}
	if err := file.Sync(); err != nil {
		return err
	}
	if err := file.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, f.path(name)); err != nil {
		return err
	}
	if d, err := os.Open(f.dir); err == nil { // the rename itself, on disk
		d.Sync()
		d.Close()
	}
	return nil
}

func (f fileSnapshots) read(_ context.Context, name string, gen uint64, read func(io.Reader) error) (bool, error) {
	file, err := os.Open(f.path(name))
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer file.Close()
	br := bufio.NewReaderSize(file, 1<<20)
	header := make([]byte, len(snapMagic)+16)
	if _, err := io.ReadFull(br, header); err != nil || !bytes.Equal(header[:len(snapMagic)], snapMagic) {
		return false, fmt.Errorf("%s: not a snapshot", f.path(name))
	}
	if binary.BigEndian.Uint64(header[len(snapMagic):]) != gen {
		return false, nil
	}
	n := int64(binary.BigEndian.Uint64(header[len(snapMagic)+8:]))
	payload := &crcReader{r: io.LimitReader(br, n), crc: crc32.New(crcTable)}
	if err := read(payload); err != nil {
		return true, err
	}
	if left, _ := io.Copy(io.Discard, payload); left > 0 || payload.n != n {
		return true, fmt.Errorf("%s: %d bytes of %d read, %d left", f.path(name), payload.n-left, n, left)
	}
	var sum [4]byte
	if _, err := io.ReadFull(br, sum[:]); err != nil || binary.BigEndian.Uint32(sum[:]) != payload.crc.Sum32() {
		return true, fmt.Errorf("%s: checksum does not match: the file is damaged", f.path(name))
	}
	return true, nil
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

type countingWriter struct {
	w   io.Writer
	crc hash.Hash32
	n   int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.crc.Write(p[:n])
	c.n += int64(n)
	return n, err
}

type crcReader struct {
	r   io.Reader
	crc hash.Hash32
	n   int64
}

func (c *crcReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.crc.Write(p[:n])
	c.n += int64(n)
	return n, err
}

// sqlSnapshots keeps PostgreSQL's in a table beside Cayley's, a row each.
type sqlSnapshots struct{ sql *sqlStore }

const snapTable = "opgraph_snapshots"

func (q sqlSnapshots) write(ctx context.Context, name string, gen uint64, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	_, err := q.sql.pool.Exec(ctx, `INSERT INTO `+snapTable+` (name, generation, data) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET generation = excluded.generation, data = excluded.data`, name, int64(gen), buf.Bytes())
	return err
}

func (q sqlSnapshots) read(ctx context.Context, name string, gen uint64, read func(io.Reader) error) (bool, error) {
	var data []byte
	err := q.sql.pool.QueryRow(ctx, `SELECT data FROM `+snapTable+` WHERE name = $1 AND generation = $2`, name, int64(gen)).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	r := bytes.NewReader(data)
	if err := read(r); err != nil {
		return true, err
	}
	if r.Len() > 0 {
		return true, fmt.Errorf("%d bytes left unread", r.Len())
	}
	return true, nil
}
