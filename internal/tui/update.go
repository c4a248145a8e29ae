package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"counterpoint/internal/sanitize"
)

// handleKey sends a key press to whatever has the keys: the search input
// while typing, else the open view, else the panes.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if msg.String() == "ctrl+c" {
		return m.quit()
	}
	if m.ed != nil {
		switch {
		case m.ed.form != nil:
			return m.formMsg(msg)
		case m.ed.ask != nil:
			return m.askKey(msg)
		}
	}
	if m.searching {
		return m.searchKey(msg)
	}
	if m.lay.TooSmall {
		if key.Matches(msg, k.Quit) {
			return m.quit()
		}
		return nil
	}
	switch m.view {
	case topicsView:
		return m.pickerKey(msg)
	case exchangeView:
		return m.exchangeKey(msg)
	case articleView:
		return m.articleKey(msg)
	case helpView:
		switch {
		case key.Matches(msg, k.Quit):
			return m.quit()
		case key.Matches(msg, k.Close), pressed(msg, k.Help):
			m.view = m.helpOver
		default:
			m.helpScroll.scrollKey(msg, k, true)
		}
		return nil
	}
	return m.panesKey(msg)
}

// panesKey handles keys on the main screen.
func (m *Model) panesKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if done, cmd := m.panesEditKey(msg); done {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.PrevSpeaker):
		m.stepSpeaker(-1)
	case key.Matches(msg, k.NextSpeaker):
		m.stepSpeaker(+1)
	case key.Matches(msg, k.Up):
		m.moveClaim(m.cur - 1)
	case key.Matches(msg, k.Down):
		m.moveClaim(m.cur + 1)
	case key.Matches(msg, k.Home):
		m.moveClaim(0)
	case key.Matches(msg, k.End):
		m.moveClaim(len(m.list) - 1)
	case key.Matches(msg, k.PageUp):
		m.page(-1)
	case key.Matches(msg, k.PageDown):
		m.page(+1)
	case key.Matches(msg, k.PrevAnswer):
		m.stepLink(-1)
	case key.Matches(msg, k.NextAnswer):
		m.stepLink(+1)
	case key.Matches(msg, k.Follow):
		m.follow()
	case key.Matches(msg, k.Back):
		m.goBack()
	case key.Matches(msg, k.Forward):
		m.goForward()
	case key.Matches(msg, k.NextPane):
		m.focusStep(+1)
	case key.Matches(msg, k.PrevPane):
		m.focusStep(-1)
	case key.Matches(msg, k.Topics):
		m.view = topicsView
		m.picker = 0
	case key.Matches(msg, k.Search):
		m.searching = true
		m.input.CursorEnd()
		if m.input.Value() != "" {
			m.applyFilter() // typing again: the last word may be unfinished
		}
		return m.input.Focus()
	case key.Matches(msg, k.Article):
		m.openArticle()
	case key.Matches(msg, k.Exchange):
		m.openExchange()
	case key.Matches(msg, k.Copy):
		return m.copySelected()
	case key.Matches(msg, k.Clear):
		m.clearFilter()
		m.status = "filter cleared"
	case key.Matches(msg, k.Help):
		m.openHelp()
	}
	return nil
}

// openHelp shows every key, over the view open now; closing the help goes
// back to it.
func (m *Model) openHelp() {
	m.helpOver = m.view
	m.view = helpView
	m.helpScroll = scroller{}
}

// page moves the focused pane by a page: the speakers list's rows (the
// speaker stays selected: only ←/→ change it), the claims selection, or the
// text of a statement.
func (m *Model) page(d int) {
	switch m.focus {
	case FocusSpeakers:
		m.speakersScroll.by(d * m.speakersScroll.page())
	case FocusClaims:
		m.moveClaim(m.cur + d*max(m.lay.Claims.Inner.H-1, 1))
	case FocusStatement, FocusAnswer:
		s := &m.cardScroll[m.focus-FocusStatement]
		s.by(d * s.page())
	}
}

// searchKey handles keys while the search input has them: the filter
// follows every change to the words.
func (m *Model) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Accept):
		m.searching = false
		m.input.Blur()
		m.applyFilter() // the last word is finished: whole words only
		if m.input.Value() != "" && len(m.list) > 0 {
			m.focus = FocusClaims
		}
		return nil
	case key.Matches(msg, k.Cancel):
		m.searching = false
		m.input.Blur()
		m.input.SetValue("")
		m.applyFilter()
		return nil
	}
	_, cmd := m.updateInput(msg)
	return cmd
}

// updateInput passes a message to the search input and refilters when its
// words change.
func (m *Model) updateInput(msg tea.Msg) (Model, tea.Cmd) {
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	// What is typed or pasted is drawn on the search line: a pasted U+202E
	// reversed the line. Scripts stay as written, for the search to find
	// them.
	if v := m.input.Value(); sanitize.PrintLine(v) != v {
		before := sanitize.PrintLine(string([]rune(v)[:m.input.Position()]))
		m.input.SetValue(sanitize.PrintLine(v))
		m.input.SetCursor(len([]rune(before)))
	}
	if m.input.Value() != before {
		m.applyFilter()
	}
	return *m, cmd
}

// handleClick selects what was clicked: a speaker, a claim, a pane to focus,
// the filter line to open the topics.
func (m *Model) handleClick(ms tea.Mouse) {
	l := m.lay
	if l.TooSmall || ms.Button != tea.MouseLeft {
		return
	}
	if l.Header.contains(ms.X, ms.Y) && ms.Y == l.Header.Y+1 && !m.searching {
		m.view = topicsView
		return
	}
	switch m.view {
	case topicsView:
		if m.pickerClick(ms) {
			return
		}
	case exchangeView:
		m.exchangeClick(ms)
		return
	case articleView:
		if m.editing() && m.ed.form == nil && m.articlePress(ms) {
			return
		}
		m.articleClick(ms)
		return
	case helpView:
		return
	}
	switch {
	case l.Speakers.Outer.contains(ms.X, ms.Y):
		m.focus = FocusSpeakers
		if i, ok := m.speakerAt(l.Speakers.rowAt(ms.X, ms.Y)); ok {
			m.selectSpeaker(i)
		}
	case l.Claims.Outer.contains(ms.X, ms.Y):
		m.focus = FocusClaims
		if i, ok := m.claimAt(l.Claims.rowAt(ms.X, ms.Y)); ok && l.Claims.rowAt(ms.X, ms.Y) >= 0 {
			m.moveClaim(i)
		}
	case m.view == panesView && l.Statement.Outer.contains(ms.X, ms.Y):
		m.focus = FocusStatement
	case m.view == panesView && l.Answer.Outer.contains(ms.X, ms.Y):
		m.focus = FocusAnswer
	}
}

// handleWheel scrolls what is under the pointer.
func (m *Model) handleWheel(ms tea.Mouse) {
	l := m.lay
	if l.TooSmall {
		return
	}
	d := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		d = -1
	case tea.MouseWheelDown:
		d = +1
	default:
		return
	}
	switch m.view {
	case exchangeView:
		m.exchange.scroll.by(d)
		return
	case articleView:
		m.article.scroll.by(d)
		return
	case helpView:
		m.helpScroll.by(d)
		return
	case topicsView:
		if l.Picker.Outer.contains(ms.X, ms.Y) {
			m.picker = clamp(m.picker+d, 0, len(m.cm.Topics))
			return
		}
	}
	switch {
	case l.Speakers.Outer.contains(ms.X, ms.Y):
		m.stepSpeaker(d)
	case l.Claims.Outer.contains(ms.X, ms.Y):
		m.moveClaim(m.cur + d)
	case l.Statement.Outer.contains(ms.X, ms.Y):
		m.cardScroll[0].by(d)
	case l.Answer.Outer.contains(ms.X, ms.Y):
		m.cardScroll[1].by(d)
	}
}

// syncKeys enables the bindings that do something in the current state, so
// that help shows only those.
func (m *Model) syncKeys() {
	k := &m.keys
	panes := m.view == panesView && !m.searching && !m.lay.TooSmall
	n := len(m.links())
	for _, b := range []*key.Binding{
		&k.PrevSpeaker, &k.NextSpeaker, &k.NextPane, &k.PrevPane,
		&k.Topics, &k.Search, &k.Article, &k.Exchange,
	} {
		b.SetEnabled(panes)
	}
	// Moving and scrolling work in the panes and in every view.
	moving := !m.searching && !m.lay.TooSmall
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Home, &k.End} {
		b.SetEnabled(moving)
	}
	// Every key, from every view; the help itself shows them all, and ?
	// closes it.
	k.Help.SetEnabled(moving && m.view != helpView)
	k.PrevAnswer.SetEnabled(panes && n > 1)
	k.NextAnswer.SetEnabled(panes && n > 1)
	k.Follow.SetEnabled(panes && n > 0)
	k.Back.SetEnabled(panes && len(m.back) > 0)
	k.Forward.SetEnabled(panes && len(m.fwd) > 0)
	k.Copy.SetEnabled(panes && m.Selected() != nil)
	k.Clear.SetEnabled(panes && m.filtered())
	k.Quit.SetEnabled(!m.searching)

	views := !m.searching && !m.lay.TooSmall && m.view != panesView
	k.Close.SetEnabled(views)
	if m.view == helpView {
		k.Close.SetHelp("esc/?", "close")
	} else {
		k.Close.SetHelp("esc", "close")
	}
	k.Toggle.SetEnabled(views && m.view == topicsView)
	k.AllTopics.SetEnabled(views && m.view == topicsView)
	k.NextPassage.SetEnabled(views && m.view == articleView)
	k.PrevPassage.SetEnabled(views && m.view == articleView)
	k.Open.SetEnabled(views && (m.view == exchangeView || m.view == articleView || m.view == topicsView))
	if m.view == topicsView {
		k.Open.SetHelp("enter", "done")
	} else {
		k.Open.SetHelp("enter", "go to claim")
	}

	k.Accept.SetEnabled(m.searching)
	k.Cancel.SetEnabled(m.searching)
	m.syncEditKeys(panes)
}

// syncEditKeys enables the editing keys that work now: on the main screen
// while editing (e also before, where editing can start), in the article
// the selection's and the review's.
func (m *Model) syncEditKeys(panes bool) {
	k := &m.keys
	ed := m.editing()
	art := m.view == articleView && !m.lay.TooSmall && ed
	selecting := art && m.ed.sel.on
	reviewing := art && m.ed.review.on && !selecting
	c := m.Selected()
	k.Edit.SetEnabled(panes && (ed && c != nil || !ed && m.openDoc != nil))
	if ed {
		k.Edit.SetHelp("e", "edit")
	} else {
		k.Edit.SetHelp("e", "start editing")
	}
	k.EditSpeaker.SetEnabled(panes && ed)
	for _, b := range []*key.Binding{&k.Delete, &k.Answer, &k.Restate} {
		b.SetEnabled(panes && ed && c != nil)
	}
	k.EditLink.SetEnabled(panes && ed && c != nil && len(m.relationsOf(c)) > 0)
	k.DeleteLink.SetEnabled(panes && ed && c != nil && len(m.relationsOf(c)) > 0)
	k.AcceptDraft.SetEnabled(panes && ed && c != nil && c.Draft != nil)
	k.RejectDraft.SetEnabled(panes && ed && c != nil && c.Draft != nil)
	drafts := ed && m.cm.Drafted() > 0
	k.Review.SetEnabled((panes || art && !m.ed.review.on) && drafts)
	k.Undo.SetEnabled((panes || art) && ed && m.ed.doc.CanUndo())
	k.Redo.SetEnabled((panes || art) && ed && m.ed.doc.CanRedo())
	k.Save.SetEnabled((panes || art) && ed && (m.ed.doc.Unsaved() > 0 || m.ed.doc.Path() == ""))
	k.Select.SetEnabled(art && !selecting)
	for _, b := range []*key.Binding{&k.MakeClaim, &k.SelEnd, &k.SelStart, &k.SelSentence, &k.SelOther, &k.SelStop} {
		b.SetEnabled(selecting)
	}
	if selecting {
		// The selection's keys, not the article's, while it is on.
		for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Close, &k.Review, &k.Home, &k.End} {
			b.SetEnabled(false)
		}
	}
	k.ReviewAccept.SetEnabled(reviewing)
	k.ReviewReject.SetEnabled(reviewing)
	k.ReviewFix.SetEnabled(reviewing)
	k.NextPassage.SetHelp("n/]", "passage")
	if reviewing {
		k.NextPassage.SetHelp("n/]", "next draft")
	}
	if selecting || reviewing {
		// The article's own n/p and enter mean something else now.
		k.Open.SetEnabled(!selecting && !reviewing)
		k.NextPassage.SetEnabled(reviewing)
		k.PrevPassage.SetEnabled(reviewing)
	}
}

// quit ends the program. The frame already drawn is the last: nothing
// changed that it shows, so none is drawn on the way out.
func (m *Model) quit() tea.Cmd {
	m.quitting = true
	return tea.Quit
}
