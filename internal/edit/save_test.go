package edit

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// failing is the file system with some operations made to fail as a
// read-only folder, file system or full disk make them fail, and a record
// of what was written and synced.
type failing struct {
	osFiles
	createTemp, openJournal error
	events                  *[]string
}

func (f failing) CreateTemp(dir, pattern string) (file, error) {
	if f.createTemp != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: f.createTemp}
	}
	return f.osFiles.CreateTemp(dir, pattern)
}

func (f failing) OpenJournal(name string, trunc bool) (file, error) {
	if f.openJournal != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: f.openJournal}
	}
	jf, err := f.osFiles.OpenJournal(name, trunc)
	if err != nil || f.events == nil {
		return jf, err
	}
	return recorded{jf, f.events}, nil
}

// recorded notes each write and sync of a journal.
type recorded struct {
	file
	events *[]string
}

func (r recorded) Write(p []byte) (int, error) {
	*r.events = append(*r.events, "write")
	return r.file.Write(p)
}
func (r recorded) Sync() error { *r.events = append(*r.events, "sync"); return r.file.Sync() }

func anEdit(t *testing.T, d *Doc) {
	t.Helper()
	f := fieldsOf(d.Model().Claim("lynton-reached-out"))
	f.When = "Friday " + strings.Repeat("x", d.Unsaved()+len(d.done))
	must(t, d.UpdateClaim("lynton-reached-out", f))
}

func TestSaveWritesTheTextAndKeepsThePermissions(t *testing.T) {
	d := bundled(t)
	must(t, os.Chmod(d.Path(), 0o640))
	anEdit(t, d)
	must(t, d.Save())
	got, _ := os.ReadFile(d.Path())
	if string(got) != string(d.Bytes()) || d.Unsaved() != 0 {
		t.Error("not saved")
	}
	if st, _ := os.Stat(d.Path()); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	if _, err := d.Undo(); err != nil || d.Unsaved() != 1 {
		t.Errorf("after an undo past the save, Unsaved = %d", d.Unsaved())
	}
	noTempFiles(t, filepath.Dir(d.Path()))
}

func TestSaveRefusesAFileChangedOnDisk(t *testing.T) {
	d := bundled(t)
	anEdit(t, d)
	must(t, os.WriteFile(d.Path(), []byte("someone else's\n"), 0o644))
	err := d.Save()
	if !errors.Is(err, ErrChangedOnDisk) || err.Error() != "claims.yaml changed on disk since it was opened: not saved" {
		t.Fatalf("Save = %v", err)
	}
	if got, _ := os.ReadFile(d.Path()); string(got) != "someone else's\n" || d.Unsaved() != 1 {
		t.Error("overwritten, or the edit lost")
	}
	must(t, d.SaveOver())
	if got, _ := os.ReadFile(d.Path()); string(got) != string(d.Bytes()) {
		t.Error("SaveOver did not write")
	}
	anEdit(t, d)
	must(t, d.Save()) // the file as last saved is the one on disk now
}

func TestSaveToAReadOnlyFolderKeepsTheEdits(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{syscall.EACCES, "can't save claims.yaml: its folder is read-only; your edits are kept"},
		{syscall.EPERM, "can't save claims.yaml: its folder is read-only; your edits are kept"},
		{syscall.EROFS, "can't save claims.yaml: it is on a read-only file system; your edits are kept"},
		{syscall.ENOSPC, "can't save claims.yaml: open " /* and the folder, and the reason */},
	} {
		d := bundled(t)
		anEdit(t, d)
		text, orig := string(d.Bytes()), string(d.disk)
		d.files = failing{createTemp: c.err}
		err := d.Save()
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%v: Save = %v, want %q", c.err, err, c.want)
		}
		if got, _ := os.ReadFile(d.Path()); string(got) != orig || string(d.Bytes()) != text || d.Unsaved() != 1 {
			t.Errorf("%v: the file or the edits changed", c.err)
		}
	}
}

func TestSaveRefusesAReadOnlyFile(t *testing.T) {
	d := bundled(t)
	anEdit(t, d)
	must(t, os.Chmod(d.Path(), 0o444))
	if err := d.Save(); err == nil || err.Error() != "can't save claims.yaml: the file is read-only; your edits are kept" {
		t.Fatalf("Save = %v", err)
	}
	if d.Unsaved() != 1 {
		t.Error("the edit is lost")
	}
}

// Without root, chmod does stop a save: the real error, not an injected one.
func TestSaveToAFolderMadeReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, whom a read-only folder does not stop; TestSaveToAReadOnlyFolderKeepsTheEdits injects the error instead")
	}
	d := bundled(t)
	anEdit(t, d)
	dir := filepath.Dir(d.Path())
	must(t, os.Chmod(dir, 0o555))
	defer os.Chmod(dir, 0o755)
	if err := d.Save(); err == nil || err.Error() != "can't save claims.yaml: its folder is read-only; your edits are kept" {
		t.Fatalf("Save = %v", err)
	}
}

// A write that fails halfway leaves no temporary file behind.
func TestAFailedSaveLeavesNoTemporaryFile(t *testing.T) {
	d := bundled(t)
	anEdit(t, d)
	d.files = renameFails{}
	if err := d.Save(); err == nil {
		t.Fatal("saved")
	}
	noTempFiles(t, filepath.Dir(d.Path()))
}

type renameFails struct{ osFiles }

func (renameFails) Rename(string, string) error { return syscall.EIO }

func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestSaveToWritesBothFilesOnce(t *testing.T) {
	src := bundled(t)
	article := src.Model().Article.Text
	read := func(string) (string, []byte, error) { return "story.txt", []byte(article), nil }
	data := strings.Replace(string(src.Bytes()), "file: article.txt", "file: story.txt", 1)
	d, err := New("draft", []byte(data), read)
	must(t, err)
	if d.JournalPath() != "" {
		t.Error("a draft in memory journals")
	}
	anEdit(t, d)
	dir := t.TempDir()
	must(t, d.SaveTo(dir))
	yaml, _ := os.ReadFile(filepath.Join(dir, "claims.yaml"))
	art, _ := os.ReadFile(filepath.Join(dir, "article.txt"))
	if string(art) != article || string(yaml) != string(d.Bytes()) || !strings.Contains(string(yaml), "  file: article.txt\n") {
		t.Error("not saved as it should be")
	}
	if d.Path() != filepath.Join(dir, "claims.yaml") || d.Unsaved() != 0 {
		t.Errorf("path %q, unsaved %d", d.Path(), d.Unsaved())
	}
	if _, err := d.Undo(); err != nil || strings.Contains(string(d.Bytes()), "story.txt") {
		t.Errorf("undo after SaveTo: %v", err) // the article's new name is not an edit
	}
	if err := d.SaveTo(dir); err == nil || err.Error() != "can't save to "+dir+": claims.yaml already exists" {
		t.Errorf("SaveTo again = %v", err)
	}
}
