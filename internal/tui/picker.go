package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/sanitize"
)

// The topic picker sits over the comparison, so that the speakers and the
// claims, which follow the filter as topics are toggled, stay in sight. Its
// first row is "all topics", which clears the choice.

func (m *Model) pickerKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	rows := len(m.cm.Topics) + 1
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Up):
		m.picker = max(m.picker-1, 0)
	case key.Matches(msg, k.Down):
		m.picker = min(m.picker+1, rows-1)
	case key.Matches(msg, k.Home):
		m.picker = 0
	case key.Matches(msg, k.End):
		m.picker = rows - 1
	case key.Matches(msg, k.Toggle):
		m.toggleTopic(m.picker)
	case key.Matches(msg, k.AllTopics):
		m.toggleTopic(0)
	case key.Matches(msg, k.Open, k.Close), pressed(msg, k.Topics):
		m.view = panesView
	case key.Matches(msg, k.Help):
		m.openHelp()
	}
	return nil
}

// toggleTopic toggles the topic on picker row i; row 0 clears them all.
func (m *Model) toggleTopic(i int) {
	if i == 0 {
		clear(m.topicOn)
	} else {
		m.topicOn[i-1] = !m.topicOn[i-1]
	}
	m.applyFilter()
}

// pickerClick toggles the clicked row; it reports whether the click was in
// the picker.
func (m *Model) pickerClick(ms tea.Mouse) bool {
	p := m.lay.Picker
	if !p.Outer.contains(ms.X, ms.Y) {
		return false
	}
	if y := p.rowAt(ms.X, ms.Y); y >= 0 {
		if row := m.pickerRowAt(y); row >= 0 {
			m.picker = row
			m.toggleTopic(m.picker)
		}
	}
	return true
}

// pickerRow is row i of the topic picker (0 is "all topics") at inner
// width w: whole, its label and its description wrapped in their columns,
// or on one line with each cut, ending in "…".
func (m *Model) pickerRow(i, w int, whole bool) []string {
	st := m.styles
	box, label, desc, n := "( )", "all topics", "no topic filter", m.searched
	if i == 0 {
		if !m.filtered() || len(m.filter.Topics) == 0 {
			box = "(•)"
		}
	} else {
		t := m.cm.Topics[i-1]
		box = "[ ]"
		if m.topicOn[i-1] {
			box = "[x]"
		}
		label, desc, n = sanitize.Line(t.Label), sanitize.Line(t.Description), m.topicCounts[i-1]
	}
	numW := len(fmt.Sprint(len(m.cm.Claims)))
	labelW := clamp(w/3, 12, 30)
	descW := max(w-(1+len(box)+1+labelW+1+numW+2)-1, 1)
	labels, descs := []string{truncate(label, labelW, "…")}, []string{truncate(desc, descW, "…")}
	if whole {
		labels, descs = wrapped(label, labelW), wrapped(desc, descW)
	}
	selected := i == m.picker
	lines := make([]string, max(len(labels), len(descs)))
	for j := range lines {
		head, count := box, fmt.Sprintf("%*d", numW, n)
		if j > 0 {
			head, count = strings.Repeat(" ", len(box)), strings.Repeat(" ", numW)
		}
		left := head + " " + fit(lineOf(labels, j), labelW) + " " + count + "  "
		if selected {
			marker := st.Ink.Marker.paint("▸")
			if j > 0 {
				marker = st.Ink.Selected.paint(" ")
			}
			lines[j] = marker + st.Ink.Selected.paint(fit(left+lineOf(descs, j), w-1))
		} else {
			lines[j] = " " + left + st.Ink.Dim.paint(lineOf(descs, j))
		}
	}
	return lines
}

// wrapped is s wrapped to w cells, a line a string.
func wrapped(s string, w int) []string {
	spans := wrapSpans(s, w)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.start:sp.end]
	}
	return out
}

// lineOf is lines[j], or nothing past the end.
func lineOf(lines []string, j int) string {
	if j < len(lines) {
		return lines[j]
	}
	return ""
}

// pickerHeight is the lines the topic picker needs at inner width w: a
// line for each row but the one under the cursor, which is whole.
func (m *Model) pickerHeight(w int) int {
	return len(m.cm.Topics) + len(m.pickerRow(m.picker, w, true))
}

// placePicker decides how the topic picker shows its rows, for its height,
// as the claims pane does: the row under the cursor always whole, and each
// other row whole where the lines left over still hold it, in order, else
// on one line; and scrolls the picker to keep that row in sight.
func (m *Model) placePicker() {
	in := m.lay.Picker.Inner
	rows := len(m.cm.Topics) + 1
	heights := make([]int, rows)
	for i := range rows {
		heights[i] = len(m.pickerRow(i, in.W, true))
	}
	// New slices: the model's copies must not share them.
	m.pickerWhole = make([]bool, rows)
	m.pickerWhole[m.picker] = true
	used := rows - 1 + heights[m.picker]
	for i, h := range heights {
		if !m.pickerWhole[i] && used+h-1 <= in.H {
			m.pickerWhole[i] = true
			used += h - 1
		}
	}
	m.pickerStarts = make([]int, 0, rows+1)
	n := 0
	for i, h := range heights {
		m.pickerStarts = append(m.pickerStarts, n)
		if m.pickerWhole[i] {
			n += h
		} else {
			n++
		}
	}
	m.pickerStarts = append(m.pickerStarts, n)
	m.pickerScroll.size(n, in.H)
	m.pickerScroll.show(m.pickerStarts[m.picker], m.pickerStarts[m.picker+1])
}

// pickerRowAt is the picker's row on line y of its inside, or -1.
func (m *Model) pickerRowAt(y int) int {
	line := m.pickerScroll.top + y
	for i := range len(m.pickerStarts) - 1 {
		if line >= m.pickerStarts[i] && line < m.pickerStarts[i+1] {
			return i
		}
	}
	return -1
}

func (m *Model) viewPicker() string {
	st := m.styles
	p := m.lay.Picker
	var lines []string
	cut := false
	for i, whole := range m.pickerWhole {
		lines = append(lines, m.pickerRow(i, p.Inner.W, whole)...)
		cut = cut || !whole
	}
	s := m.pickerScroll
	lines = lines[s.top:s.end()]
	where, short := "", ""
	if s.scrolls() {
		// The rows in sight, in part or whole, as the speakers pane says.
		where = fmt.Sprintf(" · %d–%d of %d", m.pickerRowAt(0)+1, m.pickerRowAt(s.end()-s.top-1)+1, len(m.pickerWhole))
	}
	if cut {
		short = " · rows cut"
	}
	return st.box(m.paneTitle(p, "Topics", where, short, " · space toggles", " · enter done"), lines, p, true)
}

// topicSummary is the filter line's account of the topics in force.
func (m *Model) topicSummary() string {
	var on []string
	for i, t := range m.cm.Topics {
		if m.topicOn[i] {
			on = append(on, sanitize.Line(t.Label))
		}
	}
	return strings.Join(on, ", ")
}
