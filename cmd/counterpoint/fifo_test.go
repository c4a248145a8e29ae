//go:build unix

package main

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A FIFO named by --claims is refused from its mode, and the check that
// tells an article from an annotation does not open it either: nobody
// writes to it, so opening it would wait for ever.
func TestClaimsFIFOIsRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "f")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	done := make(chan result, 1)
	go func() { done <- runCLI(t, "--claims", fifo, "list") }()
	select {
	case r := <-done:
		want := fifo + ": is a named pipe (FIFO), not a regular file; refused without opening it\n" +
			"    give the path of a file saved on disk; counterpoint reads only regular files\n"
		if r.code != 1 || r.stdout != "" || r.stderr != want {
			t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", r.code, r.stdout, r.stderr, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("counterpoint --claims FIFO list still waits on the FIFO after 10 s")
	}
}
