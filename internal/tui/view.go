package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// View draws the frame, or returns the one drawn already when nothing it
// shows has changed since. Every line of it fits the window: each pane is
// drawn to its rectangle from the layout, and text is wrapped, not cut.
func (m Model) View() tea.View {
	if m.quitting {
		// Bubble Tea draws the last view once more as it closes, changed
		// or not, into the alternate screen it then leaves: the whole
		// frame read into cells again, about a millisecond, for nothing
		// anyone sees. The terminal's modes stay as they were.
		v := m.frame.view
		v.Content = ""
		return v
	}
	if m.frame != nil && m.frame.drawn {
		return m.frame.view
	}
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "counterpoint — " + sanitize.Line(m.cm.Article.Title)
	if m.frame != nil {
		*m.frame = frameCache{drawn: true, view: v}
	}
	return v
}

// render is the frame as a string, for View and for tests.
func (m *Model) render() string {
	if m.lay.W == 0 && m.lay.H == 0 {
		m.resize(m.w, m.h) // drawn before any size came
	}
	l := m.lay
	if l.TooSmall {
		return m.tooSmall()
	}
	var body string
	switch {
	case m.ed != nil && m.ed.form != nil:
		body = m.viewForm()
	case m.view == exchangeView:
		body = m.viewExchange()
	case m.view == articleView:
		body = m.viewArticle()
	case m.view == helpView:
		body = m.viewFullHelp()
	default:
		bottom := m.viewComparison()
		if m.view == topicsView {
			bottom = m.viewPicker()
		}
		body = hjoin(m.viewSpeakers(), m.viewClaims()) + "\n" + bottom
	}
	return m.viewHeader() + "\n" + body + "\n" + m.viewKeys()
}

// tooSmall says what size the explorer needs, in as much of the window as
// there is.
func (m *Model) tooSmall() string {
	w, h := m.lay.W, m.lay.H
	if w <= 0 || h <= 0 {
		return ""
	}
	msg := fmt.Sprintf("The terminal is %d×%d; counterpoint needs at least %d×%d. Enlarge the window, or press q to quit.",
		w, h, minWidth, minHeight)
	lines := wrap(msg, w)
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, line := range lines {
		lines[i] = m.styles.Warning.Render(line)
	}
	return strings.Join(lines, "\n")
}

// titleFits says whether the article's title fits beside the app's name
// on the first line; if not, it has the header's first two lines to itself.
func (m *Model) titleFits() bool {
	name := cells(m.styles.Title.Render("counterpoint"))
	return name+1+cells(sanitize.Line(m.cm.Article.Title)) <= m.w
}

// headerHeight is the header's lines: the title (one or two) and the filter.
func (m *Model) headerHeight() int {
	if cells(sanitize.Line(m.cm.Article.Title)) <= m.w-1 {
		return 2
	}
	return 3
}

// viewHeader is the app and the article's title, then the filter line.
// A title too long for the line beside the name takes two lines of its
// own; only one too long even for those is cut.
func (m *Model) viewHeader() string {
	st := m.styles
	w := m.lay.W
	title := sanitize.Line(m.cm.Article.Title)
	var lines []string
	switch {
	case m.titleFits():
		lines = []string{fit(st.Title.Render("counterpoint")+" "+st.Heading.Render(title), w)}
	case cells(title) <= w-1:
		// The title rather than the app's name, which the window's title has.
		lines = []string{fit(" "+st.Heading.Render(title), w)}
	default:
		ls := wrap(title, w-1)
		if len(ls) > 2 {
			ls = []string{ls[0], ansi.Truncate(strings.Join(ls[1:], " "), w-1, "…")}
		}
		for _, l := range ls {
			lines = append(lines, fit(" "+st.Heading.Render(l), w))
		}
	}
	// The labels of editing and of a draft in words, or short when the
	// filter's line would not fit beside them.
	label := m.editLabel(false) + m.draftLabel(false)
	if label != "" && cells(label)+cells(m.filterLine(0)) > w-1 {
		label = m.editLabel(true) + m.draftLabel(true)
	}
	second := " " + label + m.filterLine(w-1-cells(label))
	if m.searching {
		second = " " + m.input.View()
	}
	return strings.Join(append(lines, fit(second, w)), "\n")
}

// filterLine shows the filter in force: the topics (all of them, or those
// chosen) and the search. Topics that do not all fit in w cells are
// counted instead of listed.
func (m *Model) filterLine(w int) string {
	st := m.styles
	var b strings.Builder
	if m.filter.Search != "" {
		b.WriteString(st.Label.Render("search: "))
		b.WriteString(st.Active.Render(sanitize.Line(m.filter.Search)))
		b.WriteString(st.Label.Render(" · "))
	}
	b.WriteString(st.Label.Render("topics: "))
	if chosen := m.topicSummary(); chosen != "" {
		b.WriteString(st.Active.Render(chosen))
	} else {
		b.WriteString(st.Active.Render("[all]"))
	}
	if m.filtered() {
		b.WriteString(st.Dim.Render(fmt.Sprintf(" · %s · esc clears", phrase.Count(m.passing, "claim"))))
		return b.String()
	}
	head := b.String()
	var all strings.Builder
	for _, t := range m.cm.Topics {
		all.WriteString(" · " + sanitize.Line(t.Label))
	}
	all.WriteString(" · t picks")
	if cells(head)+cells(all.String()) <= w {
		return head + st.Dim.Render(all.String())
	}
	if long := fmt.Sprintf(" · %s; t lists and picks them", phrase.Count(len(m.cm.Topics), "topic")); cells(head)+cells(long) <= w {
		return head + st.Dim.Render(long)
	}
	return head + st.Dim.Render(" · t picks")
}

// viewKeys is the key line: a message after an action, or the keys that
// work now, as many as fit; when some do not, the last says where the
// others are ("? more keys").
func (m *Model) viewKeys() string {
	w := m.lay.W
	if m.ed != nil && m.ed.ask != nil {
		return fit(m.viewQuestion(), w)
	}
	if m.status != "" {
		return fit(" "+m.styles.Status.Render(sanitize.Line(m.status)), w)
	}
	if m.ed != nil && m.ed.form != nil {
		line, _ := m.shortHelp(formKeys, w-1)
		return fit(" "+line, w)
	}
	tail := m.keys.tailHelp()
	tailLine, _ := m.shortHelp(tail, w)
	head, cut := m.shortHelp(m.keys.ShortHelp(), w-1-cells(tailLine)-3)
	if cut {
		tail[0].SetHelp(tail[0].Help().Key, "more keys")
		tailLine, _ = m.shortHelp(tail, w)
		head, _ = m.shortHelp(m.keys.ShortHelp(), w-1-cells(tailLine)-3)
	}
	line := " " + head
	if head != "" && tailLine != "" {
		line += m.styles.Ink.HelpSep.paint(" • ")
	}
	return fit(line+tailLine, w)
}

// helpLines are every key, with what the badges mean: the help view's text.
func (m *Model) helpLines() []string {
	st := m.styles
	hm := m.help
	hm.ShowAll = true
	hm.SetWidth(0) // whole: it is laid out here, in columns or one under another
	// Every key, not only those that work on the screen behind the help.
	groups := newKeyMap().FullHelp()
	names := []string{"Moving", "Answers and history", "Views and filters", "In the topic picker, the exchange and the article", "Editing a claim (counterpoint edit FILE, or e)", "Editing: the review, the article, saving"}
	var lines []string
	if cols := hm.FullHelpView(groups[:2]); lipgloss.Width(cols) <= m.lay.Body.Inner.W {
		// Side by side when the window is wide enough: as many groups in a
		// row as fit.
		for i := 0; i < len(groups); {
			j := i + 1
			for j < len(groups) && lipgloss.Width(hm.FullHelpView(groups[i:j+1])) <= m.lay.Body.Inner.W {
				j++
			}
			lines = append(lines, strings.Split(hm.FullHelpView(groups[i:j]), "\n")...)
			lines = append(lines, "")
			i = j
		}
	} else {
		for i, g := range groups {
			lines = append(lines, st.PaneTitle.Render(names[i]))
			lines = append(lines, strings.Split(hm.FullHelpView([][]key.Binding{g}), "\n")...)
			lines = append(lines, "")
		}
	}
	lines = append(lines, st.PaneTitle.Render("Badges"))
	legend := []*rich{
		new(rich).add("2 answers", st.Ink.Badge).add("  two statements answer this one", ink{}),
		new(rich).add("unanswered", st.Ink.Unanswered).add("  nothing answers it", ink{}),
		new(rich).add("re ¶6", st.Ink.Badge).add("  it answers a statement in paragraph 6 (¶6+: and others)", ink{}),
		new(rich).add("also reported in ¶3  one statement, reported there too; answers count once", ink{}),
		new(rich).add("(relays)  a speaker who relays others' words, as state media do", ink{}),
		new(rich).add("“…”  a quote, the speaker's own words   ≈ …  a paraphrase, in the article's words", ink{}),
	}
	for _, r := range legend {
		lines = append(lines, m.lines(r, m.lay.Body.Inner.W)...)
	}
	return lines
}

// viewFullHelp is the help view.
func (m *Model) viewFullHelp() string {
	st := m.styles
	lines := m.helpLines()
	s := m.helpScroll
	title := st.PaneTitle.Render("Keys") + st.Dim.Render(" · esc or ? closes"+s.note("lines"))
	return st.box(title, lines[s.top:s.end()], m.lay.Body, true)
}

// shortHelp lists the enabled bindings, as the help bubble does, as many
// as fit in width cells, and says whether some did not. (The bubble's own
// truncation can overshoot its width by part of a binding.)
func (m *Model) shortHelp(bindings []key.Binding, width int) (string, bool) {
	in := m.styles.Ink
	sep := in.HelpSep.paint(" • ")
	var b strings.Builder
	used := 0
	for _, k := range bindings {
		if !k.Enabled() {
			continue
		}
		h := k.Help()
		iw := cells(h.Key) + 1 + cells(h.Desc)
		if used > 0 {
			iw += 3
		}
		if used+iw > width {
			return b.String(), true
		}
		if used > 0 {
			b.WriteString(sep)
		}
		b.WriteString(in.HelpKey.paint(h.Key))
		b.WriteByte(' ')
		b.WriteString(in.HelpDesc.paint(h.Desc))
		used += iw
	}
	return b.String(), false
}

// paneTitle is a pane's title for its top edge: the head, then each of the
// notes that fits whole, in order, so that a narrow pane leaves a note out
// rather than cutting it.
func (m *Model) paneTitle(p pane, head string, notes ...string) string {
	st := m.styles
	// The edge between the corners, less a space each side of the title.
	room := p.Outer.W - st.Pane.GetHorizontalBorderSize() - 2
	t := st.PaneTitle.Render(truncate(head, room, "…"))
	used := cells(head)
	for _, n := range notes {
		if n == "" {
			continue
		}
		if nw := cells(n); used+nw <= room {
			t += st.Dim.Render(n)
			used += nw
		}
	}
	return t
}
