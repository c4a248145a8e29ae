package edit

import (
	"io/fs"
	"os"
	"path/filepath"
)

// fileSystem is every file operation that saving and journaling make, so
// that the tests can make them fail as a read-only folder or file system
// does: the tests run as root, whom chmod does not stop.
type fileSystem interface {
	ReadFile(name string) ([]byte, error)
	Stat(name string) (fs.FileInfo, error)
	CreateTemp(dir, pattern string) (file, error)
	// OpenJournal opens a journal to append to, emptied first if trunc.
	OpenJournal(name string, trunc bool) (file, error)
	MkdirAll(dir string, perm fs.FileMode) error
	Rename(from, to string) error
	Remove(name string) error
	SyncDir(dir string) error
}

// file is what is written: a temporary file or a journal.
type file interface {
	Write(p []byte) (int, error)
	Sync() error
	Chmod(mode fs.FileMode) error
	Close() error
	Name() string
}

// osFiles is the file system itself.
type osFiles struct{}

func (osFiles) ReadFile(name string) ([]byte, error)  { return os.ReadFile(name) }
func (osFiles) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
func (osFiles) CreateTemp(dir, pattern string) (file, error) {
	return os.CreateTemp(dir, pattern)
}
func (osFiles) OpenJournal(name string, trunc bool) (file, error) {
	flag := os.O_WRONLY | os.O_CREATE | os.O_APPEND
	if trunc {
		flag |= os.O_TRUNC
	}
	return os.OpenFile(name, flag, 0o600)
}
func (osFiles) MkdirAll(dir string, perm fs.FileMode) error { return os.MkdirAll(dir, perm) }
func (osFiles) Rename(from, to string) error                { return os.Rename(from, to) }
func (osFiles) Remove(name string) error                    { return os.Remove(name) }
func (osFiles) SyncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// WriteFile replaces path with data atomically, as saving does (see
// writeAtomic): what `counterpoint draft` writes too.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return writeAtomic(osFiles{}, path, data, perm)
}

// writeAtomic replaces path with data: a temporary file in the same folder,
// written, synced and given perm, renamed over path, then the folder
// synced so that the rename itself survives a crash. On failure the
// temporary file is removed and path is untouched.
func writeAtomic(files fileSystem, path string, data []byte, perm fs.FileMode) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := files.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	name, closed := f.Name(), false
	defer func() {
		if err != nil {
			if !closed {
				f.Close()
			}
			files.Remove(name)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	closed = true
	if err = f.Close(); err != nil {
		return err
	}
	if err = files.Rename(name, path); err != nil {
		return err
	}
	// The file is in place; a folder that cannot be synced (some file
	// systems refuse) does not undo that.
	files.SyncDir(dir)
	return nil
}
