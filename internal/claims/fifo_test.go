//go:build unix

package claims

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A FIFO, as the annotation or as its article, is refused from its mode,
// before it is opened: opening one for reading waits for a writer, and
// counterpoint hung there for ever.
func TestFIFOIsRefused(t *testing.T) {
	path := writeAnnotation(t, baseYAML(t), nil)
	dir := filepath.Dir(path)
	fifo := filepath.Join(dir, "f")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	article := filepath.Join(dir, "article.txt")
	if err := syscall.Unlink(article); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(article, 0o644); err != nil {
		t.Fatal(err)
	}
	fix := "give the path of a file saved on disk; counterpoint reads only regular files"
	for _, row := range []struct {
		name string
		want Problem
	}{
		{fifo, Problem{File: fifo, Msg: "is a named pipe (FIFO), not a regular file; refused without opening it", Fix: fix}},
		{path, Problem{File: path, Pos: Pos{3, 9}, Fix: fix,
			Msg: "cannot read the article \"" + article + "\": is a named pipe (FIFO), not a regular file; refused without opening it"}},
	} {
		done := make(chan error, 1)
		go func() { _, err := LoadFile(row.name); done <- err }()
		select {
		case err := <-done:
			if p := firstProblem(t, err); p != row.want {
				t.Errorf("%s:\n got %+v\nwant %+v", row.name, p, row.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("loading %s still waits on the FIFO after 10 s", row.name)
		}
	}
}
