//go:build linux

package graph

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// dropFilePages takes Bolt's memory-mapped file out of the process's
// resident memory after a read of the whole store (a search index build,
// an export): those pages are no one's working set. They stay in the
// kernel's page cache, so reading one again is a minor fault, not a disk
// read. The caller holds the Store's lock, so no write can remap the file
// meanwhile.
func (m *fileMapping) drop() { m.advise(unix.MADV_DONTNEED) }

// mappedBytes is the file-backed share of the process's resident memory
// (the "shared" field of /proc/self/statm); 0 where it cannot be read.
func mappedBytes() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[2], 10, 64)
	return pages * int64(os.Getpagesize())
}

// advise gives the kernel advice on Bolt's mapping of its file
// (madvise). The caller holds the Store's lock, so no write remaps it.
func (m *fileMapping) advise(advice int) {
	if m == nil || m.db == nil {
		return
	}
	start := m.db.Info().Data
	// The mapping's own length, read from the kernel: the file can be longer
	// than what Bolt has mapped (it grows the file ahead of the map), and
	// advice past the mapping would reach whatever is mapped after it: the
	// Go heap, zeroed by DONTNEED.
	size, err := mappingSize(start)
	if err != nil {
		m.log.Warn("advice on the store's memory map", "err", err)
		return
	}
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, start, size, uintptr(advice))
	if errno != 0 {
		m.log.Warn("advice on the store's memory map", "advice", advice, "err", errno)
	}
}

// mappingSize is the length of the memory mapping that starts at addr,
// from /proc/self/maps.
func mappingSize(addr uintptr) (uintptr, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	prefix := strconv.FormatUint(uint64(addr), 16) + "-"
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		end, _, _ := strings.Cut(line[len(prefix):], " ")
		e, err := strconv.ParseUint(end, 16, 64)
		if err != nil || uintptr(e) <= addr {
			return 0, fmt.Errorf("/proc/self/maps: bad line %q", line)
		}
		return uintptr(e) - addr, nil
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("/proc/self/maps: no mapping at %#x", addr)
}
