package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/edit"
	"counterpoint/internal/phrase"
)

// Editing. With an annotation open for editing (counterpoint edit FILE, or
// e on a file the explorer may write), the explorer makes every change an
// annotator needs through the edit package: each change is validated when
// made and refused, changing nothing, if it would break the annotation;
// each is undone and redone exactly, journaled beside the file until saved.
// After each, the explorer is rebuilt on the model loaded from the new text,
// keeping what the reader was looking at by id.

// editor is the state of editing, shared by the copies of the model.
type editor struct {
	doc  *edit.Doc
	name string // the file as the reader named it, for messages

	form      *huh.Form
	filtering bool                   // a list of the form is being searched: esc ends that, not the form
	formName  string                 // the box's title
	onSubmit  func(m *Model) tea.Cmd // when the form is completed

	ask *question // a question in the key line, answered by one key

	sel    selection
	drag   drag
	review reviewState
}

// question is asked in the key line; each key it names does what it says,
// anything else answers no.
type question struct {
	text    string
	answers []answer
}

type answer struct {
	key, what string
	do        func(m *Model) tea.Cmd
}

// editing says whether an annotation is open for editing.
func (m *Model) editing() bool { return m.ed != nil && m.ed.doc != nil }

// startEditing turns editing on, from Options.OpenDoc.
func (m *Model) startEditing() {
	if m.editing() {
		return
	}
	if m.openDoc == nil {
		m.status = "can't edit: not a file this may write (counterpoint edit FILE opens one)"
		return
	}
	doc, err := m.openDoc()
	if err != nil {
		m.status = err.Error() // it says what can't be edited, and why
		return
	}
	m.ed = &editor{doc: doc, name: docName(doc)}
	m.reload()
	m.status = "editing " + m.ed.name + ": every change is kept in a journal until s saves it"
	// Edits a crash left unsaved are offered back before any new one, which
	// would start the journal afresh.
	if doc.Path() != "" {
		if r, err := edit.FindJournal(doc.Path()); err != nil {
			m.status = "can't read the journal of unsaved edits: " + err.Error()
		} else if r != nil {
			m.offerRecovery(r)
		}
	}
}

func docName(doc *edit.Doc) string {
	if doc.Path() != "" {
		return filepath.Base(doc.Path())
	}
	return "the draft"
}

// change makes one edit through do, and rebuilds the explorer on the
// result; a refused edit changes nothing and says why. It says whether the
// edit was made.
func (m *Model) change(what string, do func(d *edit.Doc) error) bool {
	if err := do(m.ed.doc); err != nil {
		m.status = "refused: " + err.Error()
		return false
	}
	m.reload()
	m.status = what + m.unsavedNote()
	return true
}

// unsavedNote says how many edits are not saved yet, or nothing.
func (m *Model) unsavedNote() string {
	n := m.ed.doc.Unsaved()
	if n == 0 {
		return " · nothing to save"
	}
	if m.ed.doc.JournalPath() == "" {
		return fmt.Sprintf(" · %s not saved, and no journal could be written: save soon", phrase.Count(n, "edit"))
	}
	return fmt.Sprintf(" · %s not saved (s saves)", phrase.Count(n, "edit"))
}

// undo and redo step through the edits, saying which edit they took back
// or made again.
func (m *Model) undo() { m.stepEdits("undo", "undone", m.ed.doc.CanUndo(), m.ed.doc.Undo) }
func (m *Model) redo() { m.stepEdits("redo", "redone", m.ed.doc.CanRedo(), m.ed.doc.Redo) }

func (m *Model) stepEdits(verb, done string, can bool, step func() (string, error)) {
	if !can {
		m.status = "nothing to " + verb
		return
	}
	label, err := step()
	if err != nil {
		m.status = "can't " + verb + ": " + err.Error()
		return
	}
	m.reload()
	m.status = done + ": " + label + m.unsavedNote()
}

// reload rebuilds the explorer on the document's model, keeping by id the
// speaker and claim selected, the topics chosen, the search, the view and
// the passage highlighted in the article.
func (m *Model) reload() {
	cm := m.ed.doc.Model()
	old := m.cm
	var spID, clID, artID string
	if len(m.order) > 0 {
		spID = m.order[m.sel].ID
	}
	if c := m.Selected(); c != nil {
		clID = c.ID
	}
	if m.article.cur < len(old.Claims) {
		artID = old.Claims[m.article.cur].ID
	}
	var topics []*claims.Topic
	for i, on := range m.topicOn {
		if on {
			if t := cm.Topic(old.Topics[i].ID); t != nil {
				topics = append(topics, t)
			}
		}
	}
	n := New(cm, Options{Speaker: cm.Speaker(spID), Topics: topics})
	n.ed, n.openDoc, n.saveDir = m.ed, m.openDoc, m.saveDir
	n.w, n.h = m.w, m.h
	n.styles, n.help, n.input = m.styles, m.help, m.input
	n.view, n.focus, n.helpOver = m.view, m.focus, m.helpOver
	n.back, n.fwd = movePlaces(m.back, cm), movePlaces(m.fwd, cm)
	n.status = m.status
	n.article.scroll = m.article.scroll
	n.frame = new(frameCache)
	n.applyFilter()
	if c := cm.Claim(clID); c != nil && n.visible(c) {
		n.goTo(place{speaker: c.Speaker, claim: c})
	} else if i := slices.Index(n.order, cm.Speaker(spID)); i >= 0 {
		n.selectSpeaker(i)
	}
	n.article.cur = 0
	if c := cm.Claim(artID); c != nil {
		n.article.cur = c.Index
	} else if c := n.Selected(); c != nil {
		n.article.cur = c.Index
	}
	*m = n
	m.refresh() // which sizes the article's scroller to the new text, clamping it
}

// movePlaces carries the follow history over to a new model, by id,
// leaving out the claims that went.
func movePlaces(ps []place, cm *claims.Model) []place {
	var out []place
	for _, p := range ps {
		if p.claim == nil || cm.Claim(p.claim.ID) == nil {
			continue
		}
		c := cm.Claim(p.claim.ID)
		out = append(out, place{speaker: c.Speaker, claim: c, link: p.link})
	}
	return out
}

// save writes the annotation: over its file, unless that changed on disk
// since it was opened (then it asks); a draft made in memory asks for a
// folder first.
func (m *Model) save(then tea.Cmd) tea.Cmd {
	d := m.ed.doc
	if d.Path() == "" {
		return m.saveToForm(then)
	}
	err := d.Save()
	if errors.Is(err, edit.ErrChangedOnDisk) {
		m.ed.ask = &question{
			text: m.ed.name + " changed on disk since it was opened:",
			answers: []answer{
				{"o", "overwrite it", func(m *Model) tea.Cmd { return m.afterSave(m.ed.doc.SaveOver(), then) }},
				{"esc", "keep editing", nil},
			},
		}
		return nil
	}
	return m.afterSave(err, then)
}

func (m *Model) afterSave(err error, then tea.Cmd) tea.Cmd {
	if err != nil {
		m.status = "not saved: " + err.Error()
		return nil
	}
	m.ed.name = filepath.Base(m.ed.doc.Path())
	m.status = "saved " + m.ed.doc.Path()
	return then
}

// quitEditing quits, or asks first when edits are not saved.
func (m *Model) quitEditing() tea.Cmd {
	n := m.ed.doc.Unsaved()
	if n == 0 {
		return m.quit()
	}
	kept := "the journal keeps it"
	if n > 1 {
		kept = "the journal keeps them"
	}
	if m.ed.doc.JournalPath() == "" {
		kept = "no journal: they would be lost"
	}
	m.ed.ask = &question{
		text: phrase.Count(n, "edit") + " not saved (" + kept + "):",
		answers: []answer{
			{"s", "save and quit", func(m *Model) tea.Cmd { return m.save(m.quit()) }},
			{"q", "quit", func(m *Model) tea.Cmd { return m.quit() }},
			{"esc", "stay", nil},
		},
	}
	return nil
}

// askKey answers the question in the key line.
func (m *Model) askKey(msg tea.KeyPressMsg) tea.Cmd {
	q := m.ed.ask
	m.ed.ask = nil
	for _, a := range q.answers {
		if msg.String() == a.key || a.key == "esc" && msg.String() == "n" {
			if a.do == nil {
				return nil
			}
			return a.do(m)
		}
	}
	return nil
}

// viewQuestion is the question's key line.
func (m *Model) viewQuestion() string {
	st := m.styles
	q := m.ed.ask
	line := " " + st.Warning.Render(q.text) + " "
	for i, a := range q.answers {
		if i > 0 {
			line += st.Ink.HelpSep.paint(" • ")
		}
		line += st.Ink.HelpKey.paint(a.key) + " " + st.Ink.HelpDesc.paint(a.what)
	}
	return line
}

// offerRecovery asks, at the start, about edits a journal kept.
func (m *Model) offerRecovery(r *edit.Recovery) {
	when := r.When.Local().Format("2 Jan 15:04")
	if !r.Matches {
		m.ed.ask = &question{
			text: fmt.Sprintf("a journal of %s (%s) was made on another version of %s:", phrase.Count(r.Edits, "edit"), when, m.ed.name),
			answers: []answer{
				{"d", "discard it", func(m *Model) tea.Cmd { m.discardJournal(r); return nil }},
				{"esc", "keep it", nil},
			},
		}
		return
	}
	m.ed.ask = &question{
		text: fmt.Sprintf("%s not saved, from %s, kept in a journal:", phrase.Count(r.Edits, "edit"), when),
		answers: []answer{
			{"r", "restore", func(m *Model) tea.Cmd {
				if err := m.ed.doc.Recover(r); err != nil {
					m.status = "can't restore: " + err.Error()
					return nil
				}
				m.reload()
				m.status = "restored " + phrase.Count(r.Edits, "edit") + m.unsavedNote()
				return nil
			}},
			{"d", "discard", func(m *Model) tea.Cmd { m.discardJournal(r); return nil }},
		},
	}
}

func (m *Model) discardJournal(r *edit.Recovery) {
	if err := edit.DiscardJournal(r); err != nil {
		m.status = "can't discard the journal: " + err.Error()
		return
	}
	m.status = "journal discarded"
}

// editLabel is the header's word on editing: the file and what is unsaved;
// short, without the file's name.
func (m *Model) editLabel(short bool) string {
	if !m.editing() {
		return ""
	}
	st := m.styles
	s := "editing " + m.ed.name
	if short {
		s = "editing"
	}
	if n := m.ed.doc.Unsaved(); n > 0 {
		s += fmt.Sprintf(" (%d unsaved)", n)
	}
	return st.Status.Render(s) + st.Label.Render(" · ")
}
