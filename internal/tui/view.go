package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/internal/claims"
	"counterpoint/internal/sanitize"
)

// View draws the frame. Every line of it fits the window: each pane is drawn
// to its rectangle from the layout, and text is wrapped, not cut.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "counterpoint — " + sanitize.Line(m.cm.Article.Title)
	return v
}

// render is the frame as a string, for View and for tests.
func (m Model) render() string {
	l := m.lay
	if l.TooSmall {
		return m.tooSmall()
	}
	var body string
	switch m.view {
	case viewThread:
		body = m.viewThread()
	case viewContext:
		body = m.viewArticle()
	case viewHelp:
		body = m.viewFullHelp()
	default:
		bottom := m.viewComparison()
		if m.view == viewTopics {
			bottom = m.viewPicker()
		}
		if l.Wide {
			body = hjoin(m.viewSpeakers(), m.viewClaims()+"\n"+bottom)
		} else {
			body = hjoin(m.viewSpeakers(), m.viewClaims()) + "\n" + bottom
		}
	}
	return m.viewHeader() + "\n" + body + "\n" + m.viewKeys()
}

// tooSmall says what size the explorer needs, in as much of the window as
// there is.
func (m Model) tooSmall() string {
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

// viewHeader is two lines: the app and the article's title, then the filter.
func (m Model) viewHeader() string {
	st := m.styles
	w := m.lay.W
	name := st.Title.Render("counterpoint")
	title := " " + st.Heading.Render(ansi.Truncate(sanitize.Line(m.cm.Article.Title), max(w-lipgloss.Width(name)-1, 0), "…"))
	first := fit(name+title, w)

	var second string
	switch {
	case m.searching:
		second = " " + m.input.View()
	default:
		second = " " + m.filterLine()
	}
	return first + "\n" + fit(second, w)
}

// filterLine shows the filter in force: the topics (all of them, or those
// chosen) and the search.
func (m Model) filterLine() string {
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
		b.WriteString(st.Dim.Render(fmt.Sprintf(" · %s · esc clears", plural(m.passing, "claim"))))
		return b.String()
	}
	for _, t := range m.cm.Topics {
		b.WriteString(st.Dim.Render(" · " + sanitize.Line(t.Label)))
	}
	b.WriteString(st.Dim.Render(" · t picks"))
	return b.String()
}

// speakerRows are the rows of the speakers pane: positions in order, and -1
// for the "others" separator.
func (m Model) speakerRows() []int {
	rows := make([]int, 0, len(m.order)+1)
	for i := range m.order {
		if i == m.split && m.split > 0 {
			rows = append(rows, -1)
		}
		rows = append(rows, i)
	}
	return rows
}

// speakerAt returns the speaker on row y of the pane's inside.
func (m Model) speakerAt(y int) (int, bool) {
	rows := m.speakerRows()
	h := m.lay.Speakers.H - 2
	if y < 0 || y >= h {
		return 0, false
	}
	top := window(0, m.speakerRow(rows), len(rows), h)
	if top+y >= len(rows) || rows[top+y] < 0 {
		return 0, false
	}
	return rows[top+y], true
}

func (m Model) speakerRow(rows []int) int {
	for r, i := range rows {
		if i == m.sel {
			return r
		}
	}
	return 0
}

func (m Model) viewSpeakers() string {
	st := m.styles
	r := m.lay.Speakers
	inner := r.W - 2
	h := r.H - 2
	rows := m.speakerRows()
	top := window(0, m.speakerRow(rows), len(rows), h)
	lines := make([]string, 0, h)
	for _, i := range rows[top:min(top+h, len(rows))] {
		if i < 0 {
			lines = append(lines, st.Ink.Faint.paint(fit(" ── others ──", inner)))
			continue
		}
		s := m.order[i]
		count := fmt.Sprint(m.counts[i])
		cw := ansi.StringWidth(count)
		// "  name   count ": two for the marker, one at least between, one after.
		name := sanitize.Line(s.Name)
		if m.relaysOnly(s) && ansi.StringWidth(name)+len(" (relays)") <= inner-cw-4 {
			name += " (relays)"
		}
		name = ansi.Truncate(name, max(inner-cw-4, 1), "…")
		gap := max(inner-3-ansi.StringWidth(name)-cw, 1)
		text := name + strings.Repeat(" ", gap) + count + " "
		switch {
		case i == m.sel:
			lines = append(lines, st.Ink.Marker.paint("▌")+st.Ink.Selected.paint(" "+text))
		case m.counts[i] == 0:
			lines = append(lines, st.Ink.Faint.paint("  "+text))
		default:
			lines = append(lines, "  "+text)
		}
	}
	title := st.PaneTitle.Render("Speakers") + st.Dim.Render(moreNote(top, top+h, len(rows)))
	return st.box(title, lines, r.W, r.H, m.focus == FocusSpeakers)
}

func (m Model) viewClaims() string {
	st := m.styles
	r := m.lay.Claims
	inner := r.W - 2
	h := r.H - 2
	top := window(m.listTop, m.cur, len(m.list), h)
	var lines []string
	if len(m.list) == 0 {
		lines = m.lines(new(rich).add(m.emptyReason(), st.Ink.Dim), inner-2)
		lines = padLeft(lines, 1)
	}
	search := m.searchMode()
	for i := top; i < min(top+h, len(m.list)); i++ {
		c := m.list[i]
		badge := m.badge(c)
		bw := ansi.StringWidth(badge)
		who := ""
		if search {
			who = sanitize.Line(c.Speaker.Name) + ": "
		}
		words := who + sanitize.Line(oneLine(c))
		textW := max(inner-3-bw-1, 1)
		text := fit(ansi.Truncate(words, textW, "…"), textW)
		var line string
		if i == m.cur {
			line = st.Ink.Marker.paint("▸") + st.Ink.Selected.paint(" "+m.plainSpan(text)+" ") + m.styleBadge(badge, true)
		} else {
			line = "  " + m.styleSpan(text, []run{{len(text), st.Ink.Quote}}, span{0, len(text)}) + " " + m.styleBadge(badge, false)
		}
		lines = append(lines, line)
	}
	head, role := m.claimsTitle()
	title := st.PaneTitle.Render(head)
	if n := len(m.list); n > h && h > 0 {
		// Before the role, which is the first thing a narrow pane cuts.
		title += st.Dim.Render(fmt.Sprintf(" · %d–%d", top+1, min(top+h, n)))
	}
	if role != "" {
		title += st.Dim.Render(" — " + role)
	}
	return st.box(title, lines, r.W, r.H, m.focus == FocusClaims)
}

// relaysOnly says whether a speaker only relays others' words, as KCNA does.
func (m Model) relaysOnly(s *claims.Speaker) bool {
	return len(m.cm.Relayed(s)) > 0 && len(m.cm.ClaimsBy(s, claims.Filter{})) == 0
}

// plainSpan draws text on the selection's background, with search marks.
func (m Model) plainSpan(text string) string {
	return m.styleSpan(text, []run{{len(text), m.styles.Ink.Selected}}, span{0, len(text)})
}

// claimsTitle heads the claims pane: whose claims and how many, and the
// speaker's role.
func (m Model) claimsTitle() (head, role string) {
	if len(m.order) == 0 {
		return "Claims", ""
	}
	if m.searchMode() {
		speakers := 0
		for _, n := range m.counts {
			if n > 0 {
				speakers++
			}
		}
		return fmt.Sprintf("Search · %s · %s", plural(len(m.list), "claim"), plural(speakers, "speaker")), ""
	}
	s := m.order[m.sel]
	head = sanitize.Line(s.Name) + " · " + plural(len(m.list), "claim")
	if m.relaysOnly(s) {
		head = sanitize.Line(s.Name) + " · relays " + plural(len(m.list), "claim")
	}
	return head, sanitize.Line(s.Role)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// oneLine is a claim as one line of the claims pane.
func oneLine(c *claims.Claim) string {
	if c.Mode == claims.ModeQuote {
		return "“" + c.Text + "”"
	}
	return "≈ " + c.Text
}

// badge says how a claim stands in the exchange: which paragraph it answers,
// if it is itself an answer, and how many answers it has, or none. Words and
// ¶ rather than arrows: they read the same in every font.
func (m Model) badge(c *claims.Claim) string {
	b := ""
	if as := m.cm.Answering(c); len(as) > 0 {
		b = fmt.Sprintf("re ¶%d", as[0].To.Paragraph)
		if len(as) > 1 {
			b += "+"
		}
		b += " · "
	}
	switch n := len(m.cm.AnswersTo(c)); n {
	case 0:
		return b + "unanswered"
	case 1:
		return b + "1 answer"
	default:
		return b + fmt.Sprintf("%d answers", n)
	}
}

// styleBadge colours a badge: what it answers, then its answers or their
// absence.
func (m Model) styleBadge(b string, selected bool) string {
	in := m.styles.Ink
	var out strings.Builder
	for i, part := range strings.Split(b, " · ") {
		k := in.Badge
		switch {
		case selected && part == "unanswered":
			k = in.SelBadgeUnanswered
		case selected:
			k = in.SelBadge
		case part == "unanswered":
			k = in.BadgeUnanswered
		}
		if i > 0 {
			out.WriteString(k.paint(" · "))
		}
		out.WriteString(k.paint(part))
	}
	if selected {
		return out.String() + in.SelPad.paint(" ")
	}
	return out.String() + " "
}

// viewComparison is the statement and its answer side by side.
func (m Model) viewComparison() string {
	st := m.styles
	l := m.lay
	var out [2]string
	for i, r := range []rect{l.Statement, l.Answer} {
		w := r.W - 4
		var title string
		var lines []string
		if i == 0 {
			title, lines = m.statementCard(w)
		} else {
			title, lines = m.answerCard(w)
		}
		h := r.H - 2
		off := min(m.scroll[i], max(len(lines)-h, 0))
		end := min(off+h, len(lines))
		t := st.PaneTitle.Render(title) + st.Dim.Render(moreNote(off, end, len(lines)))
		if end < len(lines) && end-off == h && h > 1 {
			// Say there is more, on the last row, rather than hide it.
			lines = append(append([]string{}, lines[off:end-1]...), st.Dim.Render("↓ more: pgdn or the wheel"))
		} else {
			lines = lines[off:end]
		}
		out[i] = st.box(t, padLeft(lines, 1), r.W, r.H, m.focus == FocusStatement+Focus(i))
	}
	return hjoin(out[0], out[1])
}

// viewKeys is the key line: a message after an action, or the keys that
// work now.
func (m Model) viewKeys() string {
	w := m.lay.W
	if m.status != "" {
		return fit(" "+m.styles.Status.Render(sanitize.Line(m.status)), w)
	}
	tail := m.help.ShortHelpView(m.keys.tailHelp())
	head := m.shortHelp(m.keys.ShortHelp(), w-1-ansi.StringWidth(tail)-3)
	line := " " + head
	if head != "" && tail != "" {
		line += m.styles.Help.ShortSeparator.Render(" • ")
	}
	return fit(line+tail, w)
}

// viewFullHelp lists every key that works, with what the badges mean.
func (m Model) viewFullHelp() string {
	st := m.styles
	b := m.lay.Body
	hm := m.help
	hm.ShowAll = true
	// Every key, not only those that work on the screen behind the help.
	groups := newKeyMap().FullHelp()
	names := []string{"Moving", "Answers and history", "Views and filters", "In the topic picker, the exchange and the article"}
	var lines []string
	if cols := hm.FullHelpView(groups); lipgloss.Width(cols) <= b.W-4 {
		// Side by side when the window is wide enough.
		lines = append(lines, strings.Split(cols, "\n")...)
		lines = append(lines, "")
	} else {
		for i, g := range groups {
			lines = append(lines, st.PaneTitle.Render(names[i]))
			lines = append(lines, strings.Split(hm.FullHelpView([][]key.Binding{g}), "\n")...)
			lines = append(lines, "")
		}
	}
	lines = append(lines, st.PaneTitle.Render("Badges"))
	legend := []string{
		st.Badge.Render("2 answers") + "  two statements answer this one",
		st.Unanswered.Render("unanswered") + "  nothing answers it",
		st.Badge.Render("re ¶6") + "  it answers a statement in paragraph 6 (¶6+: and others)",
		"also reported in ¶3  one statement, reported there too; answers count once",
		"(relays)  a speaker who relays others' words, as state media do",
		"“…”  a quote, the speaker's own words   ≈ …  a paraphrase, in the article's words",
	}
	lines = append(lines, legend...)
	h := b.H - 2
	top := min(m.helpTop, max(len(lines)-h, 0))
	end := min(top+h, len(lines))
	title := st.PaneTitle.Render("Keys") + st.Dim.Render(" · esc or ? closes"+scrollNote(top, end, len(lines)))
	return st.box(title, padLeft(lines[top:end], 1), b.W, b.H, true)
}

// moreNote marks a pane's title when there is more above or below.
func moreNote(top, end, n int) string {
	switch {
	case top > 0 && end < n:
		return " ↑↓"
	case top > 0:
		return " ↑"
	case end < n:
		return " ↓"
	}
	return ""
}

// shortHelp lists the enabled bindings, as the help bubble does, in as many
// as fit in width cells, and "…" when some did not. (The bubble's own
// truncation can overshoot its width by part of a binding.)
func (m Model) shortHelp(bindings []key.Binding, width int) string {
	st := m.help.Styles
	sep := st.ShortSeparator.Render(" • ")
	ellipsis := st.Ellipsis.Render(" …")
	var b strings.Builder
	used := 0
	for _, k := range bindings {
		if !k.Enabled() {
			continue
		}
		item := st.ShortKey.Render(k.Help().Key) + " " + st.ShortDesc.Render(k.Help().Desc)
		if used > 0 {
			item = sep + item
		}
		iw := ansi.StringWidth(item)
		if used+iw > width-ansi.StringWidth(ellipsis) {
			if used+ansi.StringWidth(ellipsis) <= width {
				b.WriteString(ellipsis)
			}
			break
		}
		b.WriteString(item)
		used += iw
	}
	return b.String()
}
