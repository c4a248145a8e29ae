package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/export"
	"counterpoint/internal/sanitize"
)

// The thread view shows the whole exchange a claim belongs to as one text,
// in article order, each statement headed by who answers whom. A cursor
// moves from statement to statement; enter goes to the one under it.
type threadState struct {
	ex  claims.Exchange
	cur int // position in ex.Claims
	top int // first line shown
}

func (m *Model) openThread() {
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
	m.thread = threadState{ex: ex, cur: cur}
	m.view = viewThread
	m.showThreadCursor()
}

func (m *Model) threadKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	t := &m.thread
	page := max(m.lay.Body.H-3, 1)
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Close), pressed(msg, k.Exchange):
		m.view = viewPanes
	case key.Matches(msg, k.Up):
		t.cur = max(t.cur-1, 0)
		m.showThreadCursor()
	case key.Matches(msg, k.Down):
		t.cur = min(t.cur+1, len(t.ex.Claims)-1)
		m.showThreadCursor()
	case key.Matches(msg, k.Home):
		t.cur = 0
		m.showThreadCursor()
	case key.Matches(msg, k.End):
		t.cur = len(t.ex.Claims) - 1
		m.showThreadCursor()
	case key.Matches(msg, k.PageUp):
		t.top = max(t.top-page, 0)
		m.clampScroll()
	case key.Matches(msg, k.PageDown):
		t.top += page
		m.clampScroll()
	case key.Matches(msg, k.Open):
		m.goToClaim(t.ex.Claims[t.cur])
	}
	return nil
}

// threadClick moves the cursor to the clicked statement; a click on the
// statement already under the cursor goes to it.
func (m *Model) threadClick(ms tea.Mouse) {
	b := m.lay.Body
	if !b.contains(ms.X, ms.Y) || ms.Y == b.Y || ms.Y == b.Y+b.H-1 {
		return
	}
	line := m.thread.top + ms.Y - b.Y - 1
	_, starts := m.threadLines()
	for i := len(starts) - 1; i >= 0; i-- {
		if line >= starts[i] {
			if i == m.thread.cur {
				m.goToClaim(m.thread.ex.Claims[i])
				return
			}
			m.thread.cur = i
			return
		}
	}
}

// showThreadCursor scrolls so that the statement under the cursor is in
// sight.
func (m *Model) showThreadCursor() {
	lines, starts := m.threadLines()
	t := &m.thread
	h := max(m.lay.Body.H-2, 1)
	start := starts[t.cur]
	end := len(lines)
	if t.cur+1 < len(starts) {
		end = starts[t.cur+1]
	}
	if end-start > h || start < t.top {
		t.top = start
	} else if end > t.top+h {
		t.top = end - h
	}
	m.clampScroll()
}

// threadLines renders the exchange, and where each statement begins.
func (m Model) threadLines() ([]string, []int) {
	st := m.styles
	t := m.thread
	w := max(m.lay.Body.W-4, 10)
	const gutter = 6 // "¶123 " and the cursor
	var lines []string
	starts := make([]int, len(t.ex.Claims))
	for i, c := range t.ex.Claims {
		if i > 0 {
			lines = append(lines, "")
		}
		starts[i] = len(lines)
		var heads []*rich
		for _, r := range t.ex.Relations {
			if r.From != c {
				continue
			}
			h := new(rich).add(sanitize.Line(c.Speaker.Name), st.Speaker).add(" ", st.Quote).
				add(export.Active(r.Kind), st.kind(r.Kind)).add(" ", st.Quote).
				add(sanitize.Line(r.To.Speaker.Name), st.Speaker).
				add(fmt.Sprintf(" (¶%d) · %s", r.To.Paragraph, explicitWords(r)), st.Dim)
			heads = append(heads, h)
		}
		if len(heads) == 0 {
			heads = append(heads, new(rich).add(sanitize.Line(c.Speaker.Name), st.Speaker).add(" · opens", st.Dim))
		}
		var block []string
		for _, h := range heads {
			block = append(block, m.lines(h, w-gutter)...)
		}
		body := m.claimBody(c, w-gutter)
		block = append(block, body...)
		for j, l := range block {
			prefix := "      "
			if j == 0 {
				prefix = fmt.Sprintf("  %-4s", fmt.Sprintf("¶%d", c.Paragraph))
				if i == t.cur {
					prefix = st.Marker.Render("▸") + st.Selected.Render(fmt.Sprintf(" %-4s", fmt.Sprintf("¶%d", c.Paragraph)))
				} else {
					prefix = st.Dim.Render(prefix)
				}
			}
			lines = append(lines, prefix+l)
		}
	}
	return lines, starts
}

// claimBody is a statement's words and circumstances, without the heading.
func (m Model) claimBody(c *claims.Claim, w int) []string {
	st := m.styles
	base := st.Quote
	if c.Mode != claims.ModeQuote {
		base = st.Paraphrase
	}
	lines := m.lines(new(rich).add(sanitize.Line(export.Words(c)), base), w)
	meta := c.Mode
	if cs := export.Circumstances(c); cs != "" {
		meta += " · " + cs
	}
	if c.ReportedBy != nil {
		meta += " · via " + c.ReportedBy.Name
	}
	return append(lines, m.lines(new(rich).add(sanitize.Line(meta), st.Meta), w)...)
}

func (m Model) viewThread() string {
	st := m.styles
	b := m.lay.Body
	lines, _ := m.threadLines()
	t := m.thread
	h := b.H - 2
	top := min(t.top, max(len(lines)-h, 0))
	end := min(top+h, len(lines))
	title := st.PaneTitle.Render("Exchange") + st.Dim.Render(fmt.Sprintf(" · %s · %s%s",
		plural(len(t.ex.Claims), "statement"), plural(len(t.ex.Relations), "answer"), scrollNote(top, end, len(lines))))
	return st.box(title, padLeft(lines[top:end], 1), b.W, b.H, true)
}

// padLeft indents every line by n spaces: the gap inside a pane's border.
func padLeft(lines []string, n int) []string {
	out := make([]string, len(lines))
	pad := fmt.Sprintf("%*s", n, "")
	for i, l := range lines {
		out[i] = pad + l
	}
	return out
}

// scrollNote says where a scrolled text is: " · 12–40 of 96".
func scrollNote(top, end, n int) string {
	if top == 0 && end >= n {
		return ""
	}
	return fmt.Sprintf(" · lines %d–%d of %d", top+1, end, n)
}
