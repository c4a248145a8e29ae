package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/edit"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// panesEditKey handles the editing keys of the main screen, and says
// whether the key was one.
func (m *Model) panesEditKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	k := m.keys
	if !m.editing() {
		if pressed(msg, k.Edit) {
			m.startEditing()
			return true, nil
		}
		return false, nil
	}
	if done, cmd := m.everywhereKey(msg); done {
		return true, cmd
	}
	c := m.Selected()
	switch {
	case key.Matches(msg, k.Review):
		m.openReview()
	case key.Matches(msg, k.EditSpeaker):
		return true, m.speakerForm()
	case c == nil:
		return false, nil
	case key.Matches(msg, k.Edit):
		return true, m.changeClaimForm(c, false)
	case key.Matches(msg, k.Answer):
		return true, m.linkForm(false)
	case key.Matches(msg, k.Restate):
		return true, m.linkForm(true)
	case key.Matches(msg, k.EditLink):
		return true, m.pickRelation(c, "Change a link", m.relationForm)
	case key.Matches(msg, k.DeleteLink):
		return true, m.pickRelation(c, "Delete a link", m.deleteRelation)
	case key.Matches(msg, k.Delete):
		m.askDelete(c.ID, false)
	case key.Matches(msg, k.AcceptDraft):
		if c.Draft == nil {
			m.status = c.ID + " is not a draft: nothing to accept"
			return true, nil
		}
		m.change("accepted "+c.ID, func(d *edit.Doc) error { return d.AcceptClaim(c.ID) })
	case key.Matches(msg, k.RejectDraft):
		if c.Draft == nil {
			m.status = c.ID + " is not a draft: d deletes a claim"
			return true, nil
		}
		m.askDelete(c.ID, true)
	default:
		return false, nil
	}
	return true, nil
}

// everywhereKey handles the editing keys of the main screen and the
// article alike: quit (asking when edits are not saved), save, undo, redo.
// The last three answer even when there is nothing for them to do, to say
// so (the key line leaves them out then).
func (m *Model) everywhereKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return true, m.quitEditing()
	case pressed(msg, k.Save):
		if m.ed.doc.Unsaved() == 0 && m.ed.doc.Path() != "" {
			m.status = "nothing to save: every edit is saved"
			return true, nil
		}
		return true, m.save(nil)
	case pressed(msg, k.Undo):
		m.undo()
	case pressed(msg, k.Redo):
		m.redo()
	default:
		return false, nil
	}
	return true, nil
}

// askDelete asks before deleting (or rejecting) a claim, saying what goes
// with it.
func (m *Model) askDelete(id string, reject bool) {
	n := m.ed.doc.RelationsOf(id)
	verb, done, do := "delete", "deleted", (*edit.Doc).DeleteClaim
	if reject {
		verb, done, do = "reject", "rejected", (*edit.Doc).RejectClaim
	}
	what := fmt.Sprintf(" claim %s", sanitize.Line(id))
	if n > 0 {
		what += " and its " + phrase.Count(n, "relation")
	}
	m.ed.ask = &question{
		text: verb + what + "?",
		answers: []answer{
			{"y", verb, func(m *Model) tea.Cmd {
				m.change(done+what, func(d *edit.Doc) error { return do(d, id) })
				return nil
			}},
			{"esc", "keep it", nil},
		},
	}
}

// articleEditKey handles the article view's editing keys: the selection,
// the review, and undo, redo and save as everywhere.
func (m *Model) articleEditKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	k := m.keys
	s := &m.ed.sel
	if s.on {
		switch {
		case key.Matches(msg, k.MakeClaim):
			return true, m.newClaimForm()
		case msg.String() == "esc":
			*s = selection{}
			return true, nil
		}
		if m.selectionKey(msg.String()) {
			return true, nil
		}
	}
	if m.ed.review.on {
		if done, cmd := m.reviewKey(msg); done {
			return true, cmd
		}
	}
	if done, cmd := m.everywhereKey(msg); done {
		return true, cmd
	}
	switch {
	case key.Matches(msg, k.Select):
		m.ed.review.on = false
		m.startSelection()
	case key.Matches(msg, k.Review) && !m.ed.review.on:
		m.openReview()
	default:
		return false, nil
	}
	return true, nil
}

// articlePress starts a drag in the article; articleDrag extends the
// selection to the cell under the pointer; a press and release without a
// drag between them is a click.
func (m *Model) articlePress(ms tea.Mouse) bool {
	off, ok := m.offsetAt(ms.X, ms.Y)
	if !ok || ms.Button != tea.MouseLeft {
		return false
	}
	m.ed.drag = drag{on: true, anchor: off}
	return true
}

func (m *Model) articleDrag(ms tea.Mouse) {
	off, ok := m.offsetAt(ms.X, ms.Y)
	if !ok {
		return
	}
	if sel := m.snapToTokens(m.ed.drag.anchor, off); sel.on {
		m.ed.sel, m.ed.drag.moved = sel, true
		m.ed.review.on = false
	}
}

func (m *Model) articleRelease(ms tea.Mouse) {
	moved := m.ed.drag.moved
	m.ed.drag = drag{}
	if !moved {
		m.ed.sel = selection{}
		m.articleClick(ms)
	}
}
