// Package edit is the annotation open for editing: the YAML text as written,
// the model loaded from it, and the edits an annotator makes in the explorer.
// Every edit is a splice of the text that touches only the lines it changes,
// so that comments, order and layout stay wherever nothing changed; it is
// validated by loading the result, and refused, changing nothing, if that
// fails. Edits are undone and redone exactly, journaled beside the file until
// saved, and saved atomically.
package edit

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"counterpoint/internal/claims"
)

// Doc is an annotation open for editing. It is not safe for concurrent use.
type Doc struct {
	path string          // the annotation's file; "" for a draft not yet saved
	name string          // the name the loader is given, for its messages
	read claims.ReadFunc // how the loader reads the article

	text  string        // the annotation as it stands
	model *claims.Model // loaded from text
	lay   *layout       // scanned from text

	done, undone []edit // the edits made, and those undone since
	// The text as saved is savedAt edits down the history that leads
	// through branch, the depth where the history last forked below it:
	// see Unsaved.
	savedAt, branch int

	disk  []byte // the file's bytes as opened or last saved, for Save's check
	files fileSystem
	jr    journal
}

// ClaimFields are a claim's values as the form edits them. Ids refer to the
// model's speakers and topics.
type ClaimFields struct {
	Speaker    string // a speaker's id; ignored when NewSpeaker is set
	NewSpeaker *SpeakerFields
	Mode       string // claims.ModeQuote or claims.ModeParaphrase
	Text       string
	Source     string // paraphrase only: the passage, exactly as in the article
	Start      int    // where the passage starts in the article (its byte offset): which occurrence is meant
	Summary    string
	Topics     []string
	Venue      string
	When       string
	ReportedBy string
	// Accept, for a drafted claim, removes its provenance in the same
	// edit: the claim was checked as it was fixed.
	Accept bool
}

// SpeakerFields are a speaker's values. ID "" makes one from the name.
type SpeakerFields struct {
	ID, Name, Role, Kind, Affiliation string
	Aliases                           []string
	Principal                         bool
}

// RelationFields are a relation's values.
type RelationFields struct {
	From, To, Kind string
	Explicit       bool
	Note           string
}

// ErrChangedOnDisk is wrapped by Save's error when the file on disk is no
// longer the one opened (or last saved): SaveOver writes it anyway.
var ErrChangedOnDisk = errors.New("changed on disk since it was opened")

// Recovery is a journal of edits not saved, found beside a file.
type Recovery struct {
	Path    string    // the journal
	Edits   int       // edits it holds (net of undos)
	When    time.Time // the last one
	Matches bool      // the file is the one the edits were made on
}

// Open opens the annotation at path for editing, read as the loader reads
// it (claims.ReadFile: article "" is the file the annotation names, in its
// folder). A file
// whose layout the editor cannot splice safely is refused here, before any
// edit, with the reason.
func Open(path, article string) (*Doc, error) {
	data, read, err := claims.ReadFile(path, article)
	if err != nil {
		return nil, err
	}
	d, err := newDoc(path, data, read)
	if err != nil {
		return nil, err
	}
	d.path, d.disk = path, data
	return d, nil
}

// New opens an annotation that is not on disk yet (a draft made in memory):
// data is its YAML, read gives its article. Save needs SaveTo first.
func New(name string, data []byte, read claims.ReadFunc) (*Doc, error) {
	return newDoc(name, data, read)
}

// newDoc loads and scans data.
func newDoc(name string, data []byte, read claims.ReadFunc) (*Doc, error) {
	m, err := claims.Load(name, data, read)
	if err != nil {
		return nil, err
	}
	text := string(data)
	lay, err := scan(text)
	if err != nil {
		return nil, fmt.Errorf("can't edit %s in place: %w", filepath.Base(name), err)
	}
	return &Doc{name: name, read: read, text: text, model: m, lay: lay, files: osFiles{}}, nil
}

// Model is the annotation as loaded from the text as it stands.
func (d *Doc) Model() *claims.Model { return d.model }

// Path is the annotation's file, "" for a draft not saved yet.
func (d *Doc) Path() string { return d.path }

// Bytes is the text as it stands (a copy).
func (d *Doc) Bytes() []byte { return []byte(d.text) }

// Unsaved is how many edits the text is away from the file as saved (0
// when an undo got back to it).
func (d *Doc) Unsaved() int {
	n := len(d.done)
	if n <= d.branch {
		return d.savedAt - n
	}
	return (n - d.branch) + (d.savedAt - d.branch)
}

// CanUndo and CanRedo say whether Undo and Redo have an edit to take.
func (d *Doc) CanUndo() bool { return len(d.done) > 0 }
func (d *Doc) CanRedo() bool { return len(d.undone) > 0 }

// Undo takes back the last edit and says which it was.
func (d *Doc) Undo() (string, error) {
	if len(d.done) == 0 {
		return "", errors.New("nothing to undo")
	}
	e := d.done[len(d.done)-1]
	inv := e.inverse()
	if err := d.apply(inv); err != nil {
		return "", err
	}
	d.done = d.done[:len(d.done)-1]
	d.undone = append(d.undone, e)
	d.log(opUndo, edit{Label: e.Label, Splices: inv})
	return e.Label, nil
}

// Redo makes again the edit last undone and says which it was.
func (d *Doc) Redo() (string, error) {
	if len(d.undone) == 0 {
		return "", errors.New("nothing to redo")
	}
	e := d.undone[len(d.undone)-1]
	if err := d.apply(e.Splices); err != nil {
		return "", err
	}
	d.undone = d.undone[:len(d.undone)-1]
	d.done = append(d.done, e)
	d.log(opRedo, e)
	return e.Label, nil
}

// splice replaces Del, at byte Off of the text, with Ins.
type splice struct {
	Off int    `json:"off"`
	Del string `json:"del"`
	Ins string `json:"ins"`
}

// edit is what one operation did to the text: splices applied in order.
type edit struct {
	Label   string   `json:"label"`
	Splices []splice `json:"splices"`
}

// inverse is the splices that take the edit back: each one reversed, last
// first.
func (e edit) inverse() []splice {
	out := make([]splice, len(e.Splices))
	for i, s := range e.Splices {
		out[len(out)-1-i] = splice{Off: s.Off, Del: s.Ins, Ins: s.Del}
	}
	return out
}

// applySplices applies splices to text, refusing one whose Del is not
// where it says: a journal made on other bytes.
func applySplices(text string, ss []splice) (string, error) {
	for _, s := range ss {
		if s.Off < 0 || s.Off+len(s.Del) > len(text) || text[s.Off:s.Off+len(s.Del)] != s.Del {
			return "", fmt.Errorf("edit: a splice at byte %d does not match the text", s.Off)
		}
		text = text[:s.Off] + s.Ins + text[s.Off+len(s.Del):]
	}
	return text, nil
}

// apply applies splices and loads the result; on failure nothing changes.
func (d *Doc) apply(ss []splice) error {
	text, m, lay, err := d.spliced(ss)
	if err != nil {
		return err
	}
	d.text, d.model, d.lay = text, m, lay
	return nil
}

// spliced is the text with the splices applied, loaded and scanned; the
// doc is left as it is.
func (d *Doc) spliced(ss []splice) (string, *claims.Model, *layout, error) {
	text, err := applySplices(d.text, ss)
	if err != nil {
		return "", nil, nil, err
	}
	m, lay, err := d.load(text)
	return text, m, lay, err
}

// load loads and scans text as the doc's; a refusal says why in the
// loader's words.
func (d *Doc) load(text string) (*claims.Model, *layout, error) {
	m, err := claims.Load(d.name, []byte(text), d.read)
	if err != nil {
		return nil, nil, refusal(err)
	}
	lay, err := scan(text)
	if err != nil {
		return nil, nil, fmt.Errorf("the edit leaves a layout the editor cannot read: %w", err)
	}
	return m, lay, nil
}

// RefusedError is an edit refused because the annotation it would leave
// does not load: Reason is the loader's first problem, without the file
// name and position (which are those of a text that was never kept).
type RefusedError struct {
	Reason string
	Err    error // the loader's error, every problem
}

func (e *RefusedError) Error() string { return e.Reason }
func (e *RefusedError) Unwrap() error { return e.Err }

func refusal(err error) error {
	var le *claims.LoadError
	if errors.As(err, &le) && len(le.Problems) > 0 {
		return &RefusedError{Reason: le.Problems[0].Msg, Err: err}
	}
	return &RefusedError{Reason: err.Error(), Err: err}
}

// change replaces text[start:end] with ins; changes of one edit are made on
// the same text and must not overlap.
type change struct {
	start, end int
	ins        string
}

// commit makes one edit of changes: it applies them, loads the result,
// runs check on the model (nil: none), and keeps it only if all went well.
func (d *Doc) commit(label string, changes []change, check func(*claims.Model) error) error {
	ss, err := splices(d.text, changes)
	if err != nil {
		return err
	}
	text, m, lay, err := d.spliced(ss)
	if err != nil {
		return err
	}
	if check != nil {
		if err := check(m); err != nil {
			return err
		}
	}
	d.text, d.model, d.lay = text, m, lay
	d.branch = min(d.branch, len(d.done))
	e := edit{Label: label, Splices: ss}
	d.done = append(d.done, e)
	d.undone = nil
	d.log(opEdit, e)
	return nil
}

// splices orders changes made on one text as splices applied one after
// the other: from the end of the text back, so that each offset still
// holds when its turn comes. Insertions at one place keep the order given.
func splices(text string, changes []change) ([]splice, error) {
	cs := slices.Clone(changes)
	slices.Reverse(cs)
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].start != cs[j].start {
			return cs[i].start > cs[j].start
		}
		return cs[i].end > cs[j].end
	})
	ss := make([]splice, 0, len(cs))
	for i, c := range cs {
		if i > 0 && c.end > cs[i-1].start {
			return nil, fmt.Errorf("edit: overlapping changes at bytes %d and %d", c.start, cs[i-1].start)
		}
		ss = append(ss, splice{Off: c.start, Del: text[c.start:c.end], Ins: c.ins})
	}
	return ss, nil
}
