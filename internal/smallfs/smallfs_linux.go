package smallfs

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"syscall"
	"testing"
)

// childEnv holds, in the child, the folder to mount the tmpfs on.
const childEnv = "OPGRAPH_SMALLFS_DIR"

func tempfs(t *testing.T, size int64) (string, bool) {
	if dir := os.Getenv(childEnv); dir != "" {
		// Mounts made here must not reach the parent's namespace: make
		// every mount private first (a new user namespace already turns
		// shared mounts into slaves; this also covers running as root).
		if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
			t.Fatalf("smallfs: make / private in the child's mount namespace: %v", err)
		}
		if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, fmt.Sprintf("size=%d,mode=0700", size)); err != nil {
			t.Fatalf("smallfs: mount a tmpfs of %d bytes on %s: %v", size, dir, err)
		}
		t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
		return dir, true
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
	}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		t.Logf("in a mount namespace with a %d-byte tmpfs:\n%s", size, out)
	case errors.As(err, &exit):
		t.Errorf("in a mount namespace with a %d-byte tmpfs: %v\n%s", size, err, out)
	default:
		t.Skipf("smallfs: cannot start a child in a user and mount namespace of its own (%v): no size-limited filesystem to test on", err)
	}
	return "", false
}
