package edit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"

	"counterpoint/internal/claims"
)

// SaveError is a save that failed: the file on disk is as it was, and the
// edits are kept.
type SaveError struct {
	Msg string
	Err error
}

func (e *SaveError) Error() string { return e.Msg }
func (e *SaveError) Unwrap() error { return e.Err }

// Save writes the text atomically over the file; it refuses with
// ErrChangedOnDisk when the file changed since it was opened or saved.
func (d *Doc) Save() error { return d.save(true) }

// SaveOver is Save without the check: it writes over whatever is there.
func (d *Doc) SaveOver() error { return d.save(false) }

func (d *Doc) save(check bool) error {
	if d.path == "" {
		return errors.New("the draft is not saved anywhere yet: save it to a folder first")
	}
	base := filepath.Base(d.path)
	if check {
		now, err := d.files.ReadFile(d.path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return saveError(base, err)
		}
		if err != nil || !bytes.Equal(now, d.disk) {
			return fmt.Errorf("%s %w: not saved", base, ErrChangedOnDisk)
		}
	}
	perm := fs.FileMode(0o644)
	if st, err := d.files.Stat(d.path); err == nil {
		perm = st.Mode().Perm()
		if perm&0o200 == 0 {
			return &SaveError{Msg: fmt.Sprintf("can't save %s: the file is read-only; your edits are kept", base), Err: fs.ErrPermission}
		}
	}
	data := []byte(d.text)
	if err := writeAtomic(d.files, d.path, data, perm); err != nil {
		return saveError(base, err)
	}
	d.saved(data)
	return nil
}

// saved records that data is the file on disk now: the edits so far are
// saved, and the journal of them is done with.
func (d *Doc) saved(data []byte) {
	d.disk = data
	d.savedAt, d.branch = len(d.done), len(d.done)
	d.jr.end(d.files)
}

// saveError says in plain words why a save failed.
func saveError(base string, err error) error {
	var msg string
	switch {
	case errors.Is(err, syscall.EROFS):
		msg = fmt.Sprintf("can't save %s: it is on a read-only file system; your edits are kept", base)
	case errors.Is(err, fs.ErrPermission):
		msg = fmt.Sprintf("can't save %s: its folder is read-only; your edits are kept", base)
	default:
		msg = fmt.Sprintf("can't save %s: %v; your edits are kept", base, err)
	}
	return &SaveError{Msg: msg, Err: err}
}

// The names a draft saved to a folder takes.
const (
	annotationName = "claims.yaml"
	articleName    = "article.txt"
)

// SaveTo saves a draft made in memory to dir, made if missing:
// dir/claims.yaml and dir/article.txt (the article's bytes exactly),
// refusing to overwrite either. The annotation's `file:` is made article.txt if it is not; that
// change is part of what is saved, not an edit to undo. The doc is then
// the file dir/claims.yaml, journaled from its next edit.
func (d *Doc) SaveTo(dir string) error {
	yamlPath, artPath := filepath.Join(dir, annotationName), filepath.Join(dir, articleName)
	for _, p := range []string{yamlPath, artPath} {
		if _, err := d.files.Stat(p); err == nil {
			return fmt.Errorf("can't save to %s: %s already exists", dir, filepath.Base(p))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return saveError(filepath.Base(p), err)
		}
	}
	if err := d.files.MkdirAll(dir, 0o755); err != nil {
		return saveError(filepath.Base(dir), err)
	}
	article := []byte(d.model.Article.Text)
	if err := d.renameArticle(articleName, article); err != nil {
		return err
	}
	if err := writeAtomic(d.files, artPath, article, 0o644); err != nil {
		return saveError(articleName, err)
	}
	data := []byte(d.text)
	if err := writeAtomic(d.files, yamlPath, data, 0o644); err != nil {
		d.files.Remove(artPath)
		return saveError(annotationName, err)
	}
	// The article is still read from memory: the bytes just written beside
	// the file.
	d.path, d.name = yamlPath, yamlPath
	d.saved(data)
	return nil
}

// renameArticle makes the annotation's article `file:` name, as a change
// of the base the edits were made on: each splice of the history lies
// past the field (the article comes first, and no edit touches it), so it
// only moves. If one does not, the history is dropped instead.
func (d *Doc) renameArticle(name string, article []byte) error {
	s := d.lay.sections["article"]
	if d.model.Article.File == name {
		return nil
	}
	var f *field
	if s != nil {
		for k := range s.fields {
			if s.fields[k].key == "file" {
				f = &s.fields[k]
			}
		}
	}
	if f == nil {
		return errors.New("can't name the article: the annotation's article section is not a block mapping")
	}
	ins := renderField(kv{"file", name})
	text := d.text[:f.at] + ins + d.text[f.end:]
	read := func(string) (string, []byte, error) { return name, article, nil }
	m, err := claims.Load(d.name, []byte(text), read)
	if err != nil {
		return refusal(err)
	}
	lay, err := scan(text)
	if err != nil {
		return err
	}
	shift := len(ins) - (f.end - f.at)
	if !rebase(d.done, f.end, shift) || !rebase(d.undone, f.end, shift) {
		d.done, d.undone = nil, nil
	}
	d.text, d.model, d.lay = text, m, lay
	return nil
}

// rebase moves every splice of es by shift, if each lies at or past from.
func rebase(es []edit, from, shift int) bool {
	for _, e := range es {
		for _, s := range e.Splices {
			if s.Off < from {
				return false
			}
		}
	}
	for i := range es {
		ss := make([]splice, len(es[i].Splices))
		for k, s := range es[i].Splices {
			ss[k] = splice{Off: s.Off + shift, Del: s.Del, Ins: s.Ins}
		}
		es[i].Splices = ss
	}
	return true
}
