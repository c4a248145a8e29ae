// Package tui is the explorer: one root Bubble Tea model that owns the state
// crossing panes (focus, selection, filter, history) and draws the panes as
// plain functions of that state.
package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
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
	styles Styles
	help   help.Model
	input  textinput.Model

	lay Layout // where everything goes, for the window's size

	focus     Focus
	view      view
	searching bool // the search input has the keys

	// The filter, and what it leaves.
	topicOn []bool // by topic index
	filter  claims.Filter
	order   []*claims.Speaker // speakers as listed: principal group first
	split   int               // order[split:] are "others"
	counts  []int             // claims per order position under the filter
	words   []string          // search words, for highlighting
	hits    []int32           // indexes of the claims that hold every search word
	ix      *index            // the claims in flat arrays, for the filter
	passing int               // how many claims pass the filter
	// What the topic picker shows: claims per topic under the search, and
	// all the claims under the search.
	topicCounts []int
	searched    int

	// The selection.
	sel     int             // position in order
	list    []*claims.Claim // the claims pane: the speaker's, or every search result
	cur     int             // position in list
	listTop int
	link    int    // which answer the comparison shows
	scroll  [2]int // statement and answer text offsets

	back, fwd []place
	status    string

	picker   int // topic under the cursor in the picker
	exchange exchangeState
	article  articleState
	helpTop  int
}

// New builds the explorer for a loaded model.
func New(cm *claims.Model, opt Options) Model {
	m := Model{
		cm:      cm,
		ix:      newIndex(cm),
		keys:    newKeyMap(),
		help:    help.New(),
		input:   textinput.New(),
		topicOn: make([]bool, len(cm.Topics)),
		article: articleState{text: buildArticle(cm)},
	}
	m.input.Prompt = "search: "
	m.input.Placeholder = "words in the claims"
	m.input.CharLimit = 200
	m.setStyles(true)      // dark until the terminal says otherwise
	m.lay = layout(80, 24) // until the window's size comes
	m.order, m.split = speakerOrder(cm)
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
	m.resize(80, 24)
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
	m.redrawExchange()
}

// Init asks the terminal for its background colour; the first frame is drawn
// with dark styles meanwhile and restyled when the answer comes.
func (m Model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

// Update handles one message. Key presses go to whatever has the keys (the
// search input, an open view, or the panes); other messages by type.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.BackgroundColorMsg:
		if msg.IsDark() != m.styles.isDark { // dark is already drawn: nothing to redo
			m.setStyles(msg.IsDark())
		}
		return m, nil
	case tea.KeyPressMsg:
		m.status = ""
		cmd := m.handleKey(msg)
		m.syncKeys()
		return m, cmd
	case tea.MouseClickMsg:
		m.status = ""
		m.handleClick(msg.Mouse())
		m.syncKeys()
		return m, nil
	case tea.MouseWheelMsg:
		m.handleWheel(msg.Mouse())
		m.syncKeys()
		return m, nil
	case tea.PasteMsg:
		if m.searching {
			return m.updateInput(msg)
		}
		return m, nil
	}
	if m.searching {
		// The input's own messages, such as the cursor's blink.
		return m.updateInput(msg)
	}
	return m, nil
}

func (m *Model) resize(w, h int) {
	m.lay = layout(w, h)
	m.help.SetWidth(w)
	m.input.SetWidth(max(w-len(m.input.Prompt)-2, 1))
	if !m.lay.TooSmall {
		switch m.view {
		case articleView:
			m.rewrapArticle()
			m.showPassage()
		case exchangeView:
			m.drawExchange()
			m.showExchangeCursor()
		}
	}
	m.clampScroll()
	m.syncKeys()
}

// Selected returns the claim shown in the statement pane, or nil.
func (m Model) Selected() *claims.Claim {
	if m.cur < len(m.list) {
		return m.list[m.cur]
	}
	return nil
}

// SelectedSpeaker returns the speaker whose row is selected.
func (m Model) SelectedSpeaker() *claims.Speaker { return m.order[m.sel] }

// Focused returns the focused pane.
func (m Model) Focused() Focus { return m.focus }

// clampScroll keeps every scroll offset within what there is to show.
func (m *Model) clampScroll() {
	if m.lay.TooSmall {
		return
	}
	// The cards are rendered to measure them only when they are scrolled.
	w := m.lay.Statement.W - 4
	h := m.lay.Statement.H - 2
	if m.scroll[0] != 0 {
		_, st := m.statementCard(w)
		m.scroll[0] = clamp(m.scroll[0], 0, max(len(st)-h, 0))
	}
	if m.scroll[1] != 0 {
		_, an := m.answerCard(w)
		m.scroll[1] = clamp(m.scroll[1], 0, max(len(an)-h, 0))
	}
	bh := m.lay.Body.H - 2
	if m.view == exchangeView {
		m.exchange.top = clamp(m.exchange.top, 0, max(len(m.exchange.lines)-bh, 0))
	}
	if m.view == articleView {
		m.article.top = clamp(m.article.top, 0, max(len(m.article.lines)-bh, 0))
	}
	m.listTop = window(m.listTop, m.cur, len(m.list), m.lay.Claims.H-2)
}
