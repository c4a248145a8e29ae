package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// The exchange view shows the whole exchange a claim belongs to as one text,
// in article order, each statement headed by who answers whom. A cursor
// moves from statement to statement; enter goes to the one under it.
//
// The exchange is drawn once, when the view opens (and again when the width
// or the colours change), not on every key: a key moves the cursor and the
// view slices the lines it shows, so a long exchange costs nothing per key.
type exchangeState struct {
	ex     claims.Exchange
	cur    int      // position in ex.Claims
	scroll scroller // over lines
	lines  []string // the exchange drawn, each first line with the plain gutter
	starts []int    // where each statement begins in lines
	heads  []string // each statement's first line without its gutter
	width  int      // the width lines were drawn for; 0 when not drawn
}

func (m *Model) openExchange() {
	c := m.Selected()
	if c == nil {
		return
	}
	ex := m.cm.Exchange(c)
	cur := 0
	for i, x := range ex.Claims {
		if x == c {
			cur = i
		}
	}
	m.exchange = exchangeState{ex: ex, cur: cur}
	m.view = exchangeView
	m.drawExchange()
	m.showExchangeCursor()
}

func (m *Model) exchangeKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	t := &m.exchange
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Close), pressed(msg, k.Exchange):
		m.view = panesView
	case key.Matches(msg, k.Up):
		t.cur = max(t.cur-1, 0)
		m.showExchangeCursor()
	case key.Matches(msg, k.Down):
		t.cur = min(t.cur+1, len(t.ex.Claims)-1)
		m.showExchangeCursor()
	case key.Matches(msg, k.Home):
		t.cur = 0
		m.showExchangeCursor()
	case key.Matches(msg, k.End):
		t.cur = len(t.ex.Claims) - 1
		m.showExchangeCursor()
	case key.Matches(msg, k.Open):
		m.goToClaim(t.ex.Claims[t.cur])
	case key.Matches(msg, k.Help):
		m.openHelp()
	default:
		t.scroll.scrollKey(msg, k, false) // pgup, pgdn: the text, not the cursor
	}
	return nil
}

// exchangeClick moves the cursor to the clicked statement; a click on the
// statement already under the cursor goes to it.
func (m *Model) exchangeClick(ms tea.Mouse) {
	row := m.lay.Body.rowAt(ms.X, ms.Y)
	if row < 0 {
		return
	}
	line := m.exchange.scroll.top + row
	starts := m.exchange.starts
	for i := len(starts) - 1; i >= 0; i-- {
		if line >= starts[i] {
			if i == m.exchange.cur {
				m.goToClaim(m.exchange.ex.Claims[i])
				return
			}
			m.exchange.cur = i
			return
		}
	}
}

// showExchangeCursor scrolls so that the statement under the cursor is in
// sight.
func (m *Model) showExchangeCursor() {
	t := &m.exchange
	m.drawExchange()
	t.scroll.size(len(t.lines), m.lay.Body.Inner.H)
	start := t.starts[t.cur]
	end := len(t.lines)
	if t.cur+1 < len(t.starts) {
		end = t.starts[t.cur+1]
	}
	t.scroll.show(start, end)
}

func (m *Model) exchangeWidth() int { return max(m.lay.Body.Inner.W, 10) }

// drawExchange draws the exchange for the body's width, unless it is drawn
// for it already.
func (m *Model) drawExchange() {
	t := &m.exchange
	w := m.exchangeWidth()
	if t.width == w {
		return
	}
	st := m.styles
	const gutter = 6 // "¶123 " and the cursor
	t.lines, t.starts, t.heads = nil, make([]int, len(t.ex.Claims)), make([]string, len(t.ex.Claims))
	for i, c := range t.ex.Claims {
		if i > 0 {
			t.lines = append(t.lines, "")
		}
		t.starts[i] = len(t.lines)
		var heads []*rich
		// Every relation from a claim of the exchange is in the exchange.
		for _, r := range m.cm.Answering(c) {
			h := new(rich).add(sanitize.Line(c.Speaker.Name), st.Ink.Speaker).add(" ", st.Ink.Quote).
				add(phrase.Active(r.Kind), st.kindInk(r.Kind)).add(" ", st.Ink.Quote).
				add(sanitize.Line(r.To.Speaker.Name), st.Ink.Speaker).
				add(fmt.Sprintf(" (¶%d) · %s", r.To.Paragraph, phrase.ShownAtLength(r)), st.Ink.Dim)
			heads = append(heads, h)
		}
		if len(heads) == 0 {
			heads = append(heads, new(rich).add(sanitize.Line(c.Speaker.Name), st.Ink.Speaker).add(" · opens", st.Ink.Dim))
		}
		var block []string
		for _, h := range heads {
			block = append(block, m.lines(h, w-gutter)...)
		}
		block = append(block, m.claimBody(c, w-gutter)...)
		t.heads[i] = block[0]
		t.lines = append(t.lines, st.Dim.Render(fmt.Sprintf("  %-4s", fmt.Sprintf("¶%d", c.Paragraph)))+block[0])
		for _, l := range block[1:] {
			t.lines = append(t.lines, "      "+l)
		}
	}
	t.width = w
}

// claimBody is a statement's words and circumstances, without the heading.
func (m *Model) claimBody(c *claims.Claim, w int) []string {
	st := m.styles
	base := st.Ink.Quote
	if c.Mode != claims.ModeQuote {
		base = st.Ink.Paraphrase
	}
	lines := m.lines(new(rich).add(sanitize.Line(phrase.Words(c)), base), w)
	meta := c.Mode
	if cs := phrase.Circumstances(c); cs != "" {
		meta += " · " + cs
	}
	if c.ReportedBy != nil {
		meta += " · via " + c.ReportedBy.Name
	}
	if also := m.alsoReported(c); also != "" {
		meta += " · " + also
	}
	return append(lines, m.lines(new(rich).add(sanitize.Line(meta), st.Ink.Meta), w)...)
}

func (m *Model) viewExchange() string {
	st := m.styles
	t := m.exchange
	sc := t.scroll
	shown := make([]string, 0, sc.h)
	for i := sc.top; i < sc.end(); i++ {
		if i == t.starts[t.cur] {
			c := t.ex.Claims[t.cur]
			shown = append(shown, st.Marker.Render("▸")+st.Selected.Render(fmt.Sprintf(" %-4s", fmt.Sprintf("¶%d", c.Paragraph)))+t.heads[t.cur])
			continue
		}
		shown = append(shown, t.lines[i])
	}
	title := st.PaneTitle.Render("Exchange") + st.Dim.Render(fmt.Sprintf(" · %s · %s%s",
		phrase.Count(len(t.ex.Claims), "statement"), phrase.Count(len(t.ex.Relations), "answer"), sc.note("lines")))
	return st.box(title, shown, m.lay.Body, true)
}

// padLeft indents every line by n spaces.
func padLeft(lines []string, n int) []string {
	out := make([]string, len(lines))
	pad := fmt.Sprintf("%*s", n, "")
	for i, l := range lines {
		out[i] = pad + l
	}
	return out
}
