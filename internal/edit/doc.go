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
	"time"

	"counterpoint/internal/claims"
)

// Doc is an annotation open for editing. It is not safe for concurrent use.
type Doc struct {
	path string // the annotation's file; "" for a draft not yet saved
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

var errTODO = errors.New("edit: not implemented yet")

// Open opens the annotation at path for editing, its article read as the
// loader reads it (article "" is the file the annotation names).
func Open(path, article string) (*Doc, error) { return nil, errTODO }

// New opens an annotation that is not on disk yet (a draft made in memory):
// data is its YAML, read gives its article. Save needs SaveTo first.
func New(name string, data []byte, read claims.ReadFunc) (*Doc, error) { return nil, errTODO }

func (d *Doc) Model() *claims.Model { return nil }
func (d *Doc) Path() string         { return d.path }
func (d *Doc) Bytes() []byte        { return nil }

// Unsaved is how many edits the text is away from the file as saved (0
// when an undo got back to it).
func (d *Doc) Unsaved() int { return 0 }

func (d *Doc) CanUndo() bool { return false }
func (d *Doc) CanRedo() bool { return false }

// Undo takes back the last edit and says which it was.
func (d *Doc) Undo() (string, error) { return "", errTODO }
func (d *Doc) Redo() (string, error) { return "", errTODO }

// AddClaim adds a claim (and its new speaker, if any), returning its id.
func (d *Doc) AddClaim(c ClaimFields) (string, error) { return "", errTODO }

// UpdateClaim sets every field of a claim; only the lines of fields that
// change are rewritten. A speaker left with no claim goes too.
func (d *Doc) UpdateClaim(id string, c ClaimFields) error { return errTODO }

// DeleteClaim removes a claim, the relations to and from it, and a speaker
// it leaves with no claim. RelationsOf says how many relations go.
func (d *Doc) DeleteClaim(id string) error { return errTODO }
func (d *Doc) RelationsOf(id string) int   { return 0 }

// AcceptClaim removes a drafted claim's provenance; RejectClaim deletes it
// with its draft comment.
func (d *Doc) AcceptClaim(id string) error { return errTODO }
func (d *Doc) RejectClaim(id string) error { return errTODO }

func (d *Doc) UpdateSpeaker(id string, s SpeakerFields) error { return errTODO }

// AddRelation links two claims: From answers To, or restates it.
func (d *Doc) AddRelation(r RelationFields) error { return errTODO }

// DeleteRelation removes model.Relations[i].
func (d *Doc) DeleteRelation(i int) error { return errTODO }

// Save writes the text atomically over the file; it refuses with
// ErrChangedOnDisk when the file changed since it was opened or saved.
func (d *Doc) Save() error     { return errTODO }
func (d *Doc) SaveOver() error { return errTODO }

// SaveTo saves a draft made in memory to dir: dir/claims.yaml and
// dir/article.txt, refusing to overwrite either.
func (d *Doc) SaveTo(dir string) error { return errTODO }

// JournalPath is where unsaved edits are journaled, "" if nowhere.
func (d *Doc) JournalPath() string { return "" }

// FindJournal looks for unsaved edits of the file at path.
func FindJournal(path string) (*Recovery, error) { return nil, errTODO }

// Recover replays a journal's edits on d (opened on the same file).
func (d *Doc) Recover(r *Recovery) error { return errTODO }

// DiscardJournal removes it.
func DiscardJournal(r *Recovery) error { return errTODO }
