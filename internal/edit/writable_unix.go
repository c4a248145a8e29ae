//go:build unix

package edit

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
)

// writable reports whether a folder (or the nearest that exists above it)
// lets this process create files. It only predicts where the journal will
// go: the first edit finds out for sure.
func writable(dir string) bool {
	for {
		err := syscall.Access(dir, 2 /* W_OK */)
		if !errors.Is(err, fs.ErrNotExist) {
			return err == nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return false
		}
		dir = up
	}
}
