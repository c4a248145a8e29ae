// Package tui is the explorer: one root Bubble Tea model that owns the state
// crossing panes (focus, selection, filter, history) and draws the panes as
// plain functions of that state.
package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/edit"
)

// Focus is the pane that receives pgup/pgdn and the mouse wheel.
type Focus int

const (
	FocusSpeakers Focus = iota
	FocusClaims
	FocusStatement
	FocusAnswer
	focusCount
)

// view is what the body shows besides the panes.
type view int

const (
	panesView    view = iota
	topicsView        // the topic picker, over the comparison
	exchangeView      // the whole exchange
	articleView       // the article
	helpView          // every key
)

// Options are the explorer's starting state, from the command line.
type Options struct {
	Speaker *claims.Speaker // select this speaker first
	Topics  []*claims.Topic // start with this filter

	// Editing: Doc opens with editing on (the model explored is then
	// Doc.Model()); else OpenDoc, when set, turns it on at e. Recovery is
	// a journal of unsaved edits found beside the file, offered back at
	// the start. SaveDir is the folder first proposed for saving a draft
	// made in memory.
	Doc      *edit.Doc
	OpenDoc  func() (*edit.Doc, error)
	Recovery *edit.Recovery
	SaveDir  string
}

// place is one stop in the follow history.
type place struct {
	speaker *claims.Speaker
	claim   *claims.Claim
	link    int
}

// Model is the explorer's root model.
type Model struct {
	cm     *claims.Model
	keys   KeyMap
	styles *Styles // shared by the model's copies, never changed: a new background builds new ones
	help   help.Model
	input  textinput.Model

	lay  Layout // where everything goes, for the window's size and what the panes hold
	w, h int    // the window's size

	// frame is the last frame drawn, kept until something it shows
	// changes: the terminal's answers to the queries of the start (modes,
	// keyboard, a background colour already assumed) change nothing, and
	// redraw nothing. Every Update that changes the state gives the model a
	// new one, so that a copy of the model never shows another's frame.
	frame *frameCache

	focus     Focus
	view      view
	searching bool // the search input has the keys
	quitting  bool // a key asked to quit: nothing more is drawn

	// The filter, and what it leaves.
	topicOn []bool // by topic index
	filter  claims.Filter
	order   []*claims.Speaker // speakers as listed: principal group first
	split   int               // order[split:] are "others"
	counts  []int             // claims per order position under the filter
	rows    []int             // the speakers pane's rows (see speakerRows)
	// The widest count, and how many speakers said (not relayed) the
	// claims that pass: an agency relaying a speaker is not another one.
	maxCount, speaking int
	query              claims.Query // the search, for the filter and the highlighting
	hits               claims.Hits  // the claims that hold every search word
	passing            int          // how many claims pass the filter
	// What the topic picker shows: claims per topic under the search, and
	// all the claims under the search.
	topicCounts []int
	searched    int

	// The selection.
	sel  int             // position in order
	list []*claims.Claim // the claims pane: the speaker's, or every search result
	cur  int             // position in list
	link int             // which answer the comparison shows

	// What the panes show, measured for the layout and kept for View.
	speakersScroll scroller    // rows of the speakers pane
	speakersShown  int         // the speaker it last scrolled to: pgdn may scroll away from it
	claimsTop      int         // the first claim in sight
	claimsWhole    bool        // every claim's row is shown whole; else one line each but the selected
	claimsPlan     []bool      // else, by row in sight: shown whole in the lines left over
	cards          [2]card     // the statement and its answer
	rowCount       *rowCount   // lines of whole claim rows, for this state
	safe           *safeText   // each claim's words, sanitised once
	cardScroll     [2]scroller // their lines

	back, fwd []place
	status    string

	picker       int // topic under the cursor in the picker
	pickerScroll scroller
	pickerWhole  []bool // by row of the picker: shown whole, else on one line (see placePicker)
	pickerStarts []int  // the line each row of the picker starts on, and one past the last
	exchange     exchangeState
	article      articleState
	helpScroll   scroller
	helpOver     view // the view the help was opened over, to go back to

	ed      *editor                   // editing, when on
	openDoc func() (*edit.Doc, error) // turns editing on; nil when it can't be
	saveDir string                    // a draft made in memory: the folder proposed when it is first saved
}

// frameCache holds a drawn frame.
type frameCache struct {
	drawn bool
	view  tea.View
}

// card is the statement or its answer, drawn for the comparison's width.
type card struct {
	title string
	lines []string
}

// New builds the explorer for a loaded model.
func New(cm *claims.Model, opt Options) Model {
	m := Model{
		cm:      cm,
		keys:    newKeyMap(),
		help:    help.New(),
		input:   textinput.New(),
		topicOn: make([]bool, len(cm.Topics)),
		article: articleState{src: new(articleSource)},
		safe:    newSafeText(cm),
	}
	m.input.Prompt = "search: "
	m.input.Placeholder = "words in the claims"
	m.input.CharLimit = 200
	m.setStyles(true) // dark until the terminal says otherwise
	m.order, m.split = speakerOrder(cm)
	m.rows = makeSpeakerRows(m.order, m.split)
	for _, t := range opt.Topics {
		m.topicOn[t.Index] = true
	}
	m.applyFilter()
	m.selectSpeaker(m.firstSpeaker(opt.Speaker))
	// Open on an exchange: the speaker's first claim that something answers
	// (for Lynton, "I did reach out…", the showcase).
	for i, c := range m.list {
		if len(cm.AnswersTo(c)) > 0 {
			m.moveClaim(i)
			break
		}
	}
	m.openDoc, m.saveDir = opt.OpenDoc, opt.SaveDir
	if opt.Doc != nil {
		m.ed = &editor{doc: opt.Doc, name: docName(opt.Doc)}
		if opt.Recovery != nil {
			m.offerRecovery(opt.Recovery)
		}
	}
	// Until the window's size comes: laid out when first drawn or sized,
	// not now, since the size comes at once and the work would be lost.
	m.w, m.h = 80, 24
	m.frame = new(frameCache)
	return m
}

// speakerOrder lists the principal speakers, each followed by whoever relays
// them (KCNA after North Korea), then everyone else in annotation order.
func speakerOrder(cm *claims.Model) ([]*claims.Speaker, int) {
	var order []*claims.Speaker
	in := map[*claims.Speaker]bool{}
	add := func(s *claims.Speaker) {
		if !in[s] {
			in[s] = true
			order = append(order, s)
		}
	}
	for _, s := range cm.Speakers {
		if !s.Principal {
			continue
		}
		add(s)
		for _, c := range cm.ClaimsBy(s, claims.Filter{}) {
			if c.ReportedBy != nil && !c.ReportedBy.Principal {
				add(c.ReportedBy)
			}
		}
	}
	split := len(order)
	for _, s := range cm.Speakers {
		add(s)
	}
	if split == len(order) {
		split = 0 // nobody is principal: one plain list
	}
	return order, split
}

// firstSpeaker is where the explorer opens: the speaker asked for, else the
// first with a claim under the filter.
func (m *Model) firstSpeaker(want *claims.Speaker) int {
	for i, s := range m.order {
		if s == want {
			return i
		}
	}
	for i, n := range m.counts {
		if n > 0 {
			return i
		}
	}
	return 0
}

func (m *Model) setStyles(isDark bool) {
	m.styles = newStyles(isDark)
	m.help.Styles = m.styles.Help
	m.input.SetStyles(m.styles.Input)
	m.exchange.width = 0 // drawn again in the new colours
}

// Init asks the terminal for its background colour; the first frame is drawn
// with dark styles meanwhile and restyled when the answer comes.
func (m Model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

// Update handles one message. Key presses go to whatever has the keys (the
// search input, an open view, or the panes); other messages by type. A
// message that changes nothing keeps the frame already drawn.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width == m.w && msg.Height == m.h && m.lay.W != 0 {
			return m, nil
		}
		resized := m.lay.W != 0 // a frame was drawn at another size
		m.frame = new(frameCache)
		m.resize(msg.Width, msg.Height)
		m.sizeForm()
		if resized {
			return m, settleLater(msg.Width, msg.Height)
		}
		return m, nil
	case settleMsg:
		if msg.w == m.w && msg.h == m.h { // a later resize has its own
			return m, tea.ClearScreen
		}
		return m, nil
	case tea.BackgroundColorMsg:
		if msg.IsDark() != m.styles.isDark { // dark is already drawn: nothing to redo
			m.frame = new(frameCache)
			m.setStyles(msg.IsDark())
			m.refresh()
		}
		return m, nil
	case tea.KeyPressMsg:
		if m.quitting {
			return m, nil // on the way out: nothing changes any more
		}
		last := m.frame
		m.frame = new(frameCache)
		m.status = ""
		cmd := m.handleKey(msg)
		if m.quitting {
			m.frame = last
			return m, cmd
		}
		m.refresh()
		return m, cmd
	case tea.MouseClickMsg:
		m.frame = new(frameCache)
		m.status = ""
		m.handleClick(msg.Mouse())
		m.refresh()
		return m, nil
	case tea.MouseMotionMsg:
		if m.editing() && m.ed.drag.on && m.view == articleView {
			m.frame = new(frameCache)
			m.articleDrag(msg.Mouse())
			m.refresh()
		}
		return m, nil
	case tea.MouseReleaseMsg:
		if m.editing() && m.ed.drag.on && m.view == articleView {
			m.frame = new(frameCache)
			m.articleRelease(msg.Mouse())
			m.refresh()
		}
		return m, nil
	case tea.MouseWheelMsg:
		m.frame = new(frameCache)
		m.handleWheel(msg.Mouse())
		m.refresh()
		return m, nil
	case tea.PasteMsg:
		if m.ed != nil && m.ed.form != nil {
			m.frame = new(frameCache)
			cmd := m.formMsg(msg)
			m.refresh()
			return m, cmd
		}
		if m.searching {
			m.frame = new(frameCache)
			return m.updateInput(msg)
		}
		return m, nil
	}
	if m.ed != nil && m.ed.form != nil {
		// The form's own messages: its fields' cursors, its groups.
		m.frame = new(frameCache)
		cmd := m.formMsg(msg)
		m.refresh()
		return m, cmd
	}
	if m.searching {
		// The input's own messages, such as the cursor's blink.
		m.frame = new(frameCache)
		return m.updateInput(msg)
	}
	return m, nil
}

func (m *Model) resize(w, h int) {
	m.w, m.h = w, h
	m.speakersShown = -1 // in sight again at the new size
	m.help.SetWidth(w)
	m.input.SetWidth(max(w-len(m.input.Prompt)-2, 1))
	m.refresh()
	if !m.lay.TooSmall {
		switch m.view {
		case articleView:
			m.showPassage()
		case exchangeView:
			m.showExchangeCursor()
		}
	}
}

// refresh lays the window out again for what the panes now hold, draws
// what the layout measures (the cards), and sets every scroller to its
// pane, clamping it. It follows every change of state.
func (m *Model) refresh() {
	if m.rowCount == nil || !m.rowCount.q.Equal(m.query) {
		m.rowCount = &rowCount{q: m.query}
	}
	m.lay = layout(m.w, m.h, m.headerHeight(), m.speakersWidth(), m.styles, m.measure)
	m.syncKeys()
	if m.lay.TooSmall {
		return
	}
	for i, p := range []pane{m.lay.Statement, m.lay.Answer} {
		m.cardScroll[i].size(len(m.cards[i].lines), p.Inner.H)
	}
	rows := m.speakerRows()
	m.speakersScroll.size(len(rows), m.lay.Speakers.Inner.H)
	if m.sel != m.speakersShown {
		r := m.speakerRow(rows)
		m.speakersScroll.show(r, r+1)
		m.speakersShown = m.sel
	}
	m.placeClaims()
	if m.view == topicsView {
		m.placePicker()
	}
	b := m.lay.Body.Inner
	switch m.view {
	case exchangeView:
		m.drawExchange()
		m.exchange.scroll.size(len(m.exchange.lines), b.H)
	case articleView:
		m.rewrapArticle()
		m.article.scroll.size(len(m.article.lines), b.H)
	case helpView:
		m.helpScroll.size(len(m.helpLines()), b.H)
	}
}

// measure is what layout asks: the rows each part would take at the
// widths it gives them. It draws the cards on the way, for View to show.
func (m *Model) measure(w widths) needs {
	var n needs
	n.speakers = len(m.speakerRows())
	// Enough to know whether the claims fit whole in the body; no more, so
	// that a list of 100,000 costs what a screenful does.
	n.claims = m.claimsHeight(w.claims, m.h)
	n.compact = n.claims
	if len(m.list) > 0 {
		n.selected = m.claimRows(m.cur, w.claims, false)
		n.compact = len(m.list) - 1 + n.selected
	}
	m.cards[0].title, m.cards[0].lines = m.statementCard(w.comparison)
	m.cards[1].title, m.cards[1].lines = m.answerCard(w.comparison)
	n.comparison = max(len(m.cards[0].lines), len(m.cards[1].lines))
	if m.view == topicsView {
		n.comparison = m.pickerHeight(w.picker)
	}
	return n
}

// Selected returns the claim shown in the statement pane, or nil.
func (m *Model) Selected() *claims.Claim {
	if m.cur < len(m.list) {
		return m.list[m.cur]
	}
	return nil
}

// SelectedSpeaker returns the speaker whose row is selected.
func (m *Model) SelectedSpeaker() *claims.Speaker { return m.order[m.sel] }

// Focused returns the focused pane.
func (m *Model) Focused() Focus { return m.focus }

// settleMsg comes a moment after the window was resized to w×h, and the
// screen is then drawn afresh once more. A terminal multiplexer may hand
// the program its new size before its own screen has it (tmux does, under
// load): a frame drawn in between is scrolled or split, and since nothing
// changes after it, it would stay so until the next key.
type settleMsg struct{ w, h int }

// settleAfter is how long after a resize the screen is drawn afresh.
const settleAfter = 150 * time.Millisecond

func settleLater(w, h int) tea.Cmd {
	return tea.Tick(settleAfter, func(time.Time) tea.Msg { return settleMsg{w, h} })
}
