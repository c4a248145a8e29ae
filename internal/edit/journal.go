package edit

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// The journal keeps the edits not saved yet, so that a crash or a killed
// terminal loses none: one line of JSON for each edit, undo and redo,
// synced before the edit returns. Its first line names the file and the
// sha256 of the bytes the edits were made on; each line after holds the
// splices it applied, so that replaying them in order gives the text back
// whatever was undone. A save ends it.

// Journal line kinds.
const (
	opOpen = "open"
	opEdit = "edit"
	opUndo = "undo"
	opRedo = "redo"
)

// journalLine is one line of a journal.
type journalLine struct {
	Op     string    `json:"op"`
	Path   string    `json:"path,omitempty"`   // opOpen: the file, absolute
	SHA256 string    `json:"sha256,omitempty"` // opOpen: of its bytes as opened or saved
	Time   time.Time `json:"time"`
	Edit   *edit     `json:"edit,omitempty"` // what the line applied
}

// journal is the doc's journal, opened at its first line.
type journal struct {
	path    string
	f       file
	started bool // lines are written to path (or could not be: f is nil)
	append  bool // the next start appends to path (after Recover) rather than starting afresh
}

// end closes the journal and removes it: the edits are saved.
func (j *journal) end(files fileSystem) {
	if j.f != nil {
		j.f.Close()
	}
	// A recovered journal is the edits' until they are saved, though
	// nothing was written to it since.
	if j.f != nil || j.append {
		files.Remove(j.path)
	}
	*j = journal{}
}

// journalPaths are where a file's journal may be: beside it, else in the
// user's cache, by the hash of its absolute path.
func journalPaths(path string) []string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	dir, base := filepath.Split(abs)
	out := []string{filepath.Join(dir, "."+base+".counterpoint-journal")}
	if cache, err := os.UserCacheDir(); err == nil {
		sum := sha256.Sum256([]byte(abs))
		out = append(out, filepath.Join(cache, "counterpoint", "journals", hex.EncodeToString(sum[:])+".journal"))
	}
	return out
}

// JournalPath is where unsaved edits are journaled, "" if nowhere (no
// folder would take the journal, or the draft has no file yet). Before the
// first edit it is where the journal would go.
func (d *Doc) JournalPath() string {
	switch {
	case d.path == "":
		return ""
	case d.jr.started && d.jr.f == nil:
		return ""
	case d.jr.started:
		return d.jr.path
	case d.jr.append:
		return d.jr.path
	}
	for _, p := range journalPaths(d.path) {
		if writable(filepath.Dir(p)) {
			return p
		}
	}
	return ""
}

// log appends one line to the journal and syncs it. A journal that cannot
// be written is given up on (JournalPath says ""), and editing goes on.
func (d *Doc) log(op string, e edit) {
	if d.path == "" {
		return
	}
	if !d.jr.started {
		d.startJournal()
	}
	if d.jr.f == nil {
		return
	}
	if err := writeLine(d.jr.f, journalLine{Op: op, Time: time.Now(), Edit: &e}); err != nil {
		d.jr.f.Close()
		d.jr.f = nil
	}
}

// startJournal opens the journal at the first place that takes it and
// writes its first line, or appends to the journal recovered.
func (d *Doc) startJournal() {
	d.jr.started = true
	if d.jr.append {
		if f, err := d.files.OpenJournal(d.jr.path, false); err == nil {
			d.jr.f = f
		}
		return
	}
	abs, _ := filepath.Abs(d.path)
	sum := sha256.Sum256(d.disk)
	head := journalLine{Op: opOpen, Path: abs, SHA256: hex.EncodeToString(sum[:]), Time: time.Now()}
	for _, p := range journalPaths(d.path) {
		if filepath.Dir(p) != filepath.Dir(abs) {
			if err := d.files.MkdirAll(filepath.Dir(p), 0o700); err != nil {
				continue
			}
		}
		f, err := d.files.OpenJournal(p, true)
		if err != nil {
			continue
		}
		if err := writeLine(f, head); err != nil {
			f.Close()
			d.files.Remove(p)
			continue
		}
		d.jr.path, d.jr.f = p, f
		return
	}
}

// writeLine writes one line of JSON in one write, then syncs it.
func writeLine(f file, l journalLine) error {
	data, err := json.Marshal(l)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(data, '\n')); err != nil {
		return err
	}
	return f.Sync()
}

// readJournal reads a journal: its first line and the edits it holds, net
// of undos. A last line cut short (a crash while it was written) is left
// out; so is anything after a line that does not read.
func readJournal(path string) (head journalLine, stack []edit, last time.Time, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return head, nil, last, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	first := true
	var redo []edit
	for sc.Scan() {
		var l journalLine
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			break
		}
		if first {
			if l.Op != opOpen {
				return head, nil, last, errors.New("not a journal of counterpoint")
			}
			head, last, first = l, l.Time, false
			continue
		}
		if l.Edit == nil {
			break
		}
		last = l.Time
		stack, redo = replay(stack, redo, l)
	}
	if first {
		return head, nil, last, errors.New("the journal is empty")
	}
	return head, stack, last, nil
}

// replay does what a line did to the stack of edits made and undone. An
// undo or redo past what the journal holds (edits saved before it began)
// becomes an edit of its own, so that the stack still makes the text.
func replay(stack, redo []edit, l journalLine) ([]edit, []edit) {
	e := *l.Edit
	switch l.Op {
	case opUndo:
		if n := len(stack); n > 0 {
			return stack[:n-1], append(redo, stack[n-1])
		}
		return append(stack, edit{Label: "undo " + e.Label, Splices: e.Splices}), nil
	case opRedo:
		if n := len(redo); n > 0 {
			return append(stack, redo[n-1]), redo[:n-1]
		}
		return append(stack, edit{Label: "redo " + e.Label, Splices: e.Splices}), nil
	}
	return append(stack, e), nil
}

// FindJournal looks for unsaved edits of the file at path: nil, nil when
// there are none.
func FindJournal(path string) (*Recovery, error) {
	for _, p := range journalPaths(path) {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		head, stack, last, err := readJournal(p)
		if err != nil {
			return nil, err
		}
		r := &Recovery{Path: p, Edits: len(stack), When: last}
		if data, err := os.ReadFile(path); err == nil {
			sum := sha256.Sum256(data)
			r.Matches = hex.EncodeToString(sum[:]) == head.SHA256
		}
		return r, nil
	}
	return nil, nil
}

// Recover replays a journal's edits on d (opened on the same file, with no
// edit made yet): the text is what it was when the journal was last
// written, the edits are unsaved, and each can be undone. The journal goes
// on with the next edit.
func (d *Doc) Recover(r *Recovery) error {
	switch {
	case r == nil:
		return errors.New("no journal to recover")
	case !r.Matches:
		return errors.New("the journal's edits were made on another version of the file: not recovered")
	case len(d.done) > 0 || len(d.undone) > 0:
		return errors.New("the file has edits already: recover before editing")
	}
	_, stack, _, err := readJournal(r.Path)
	if err != nil {
		return err
	}
	text := d.text
	for _, e := range stack {
		if text, err = applySplices(text, e.Splices); err != nil {
			return err
		}
	}
	m, lay, err := d.load(text)
	if err != nil {
		return err
	}
	d.text, d.model, d.lay = text, m, lay
	d.done, d.savedAt, d.branch = stack, 0, 0
	d.jr = journal{path: r.Path, append: true}
	return nil
}

// DiscardJournal removes it.
func DiscardJournal(r *Recovery) error {
	if r == nil {
		return nil
	}
	if err := os.Remove(r.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
