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
	if y := p.rowAt(ms.X, ms.Y); y >= 0 && m.pickerScroll.top+y <= len(m.cm.Topics) {
		m.picker = m.pickerScroll.top + y
		m.toggleTopic(m.picker)
	}
	return true
}

func (m *Model) viewPicker() string {
	st := m.styles
	p := m.lay.Picker
	inner := p.Inner.W
	h := p.Inner.H
	top := m.pickerScroll.top
	any := m.filtered() && len(m.filter.Topics) > 0
	numW := len(fmt.Sprint(len(m.cm.Claims)))

	lines := make([]string, 0, h)
	for row := top; row < len(m.cm.Topics)+1 && len(lines) < h; row++ {
		var box, label, desc string
		n := m.searched
		if row == 0 {
			box = "( )"
			if !any {
				box = "(•)"
			}
			label = "all topics"
			desc = "no topic filter"
		} else {
			t := m.cm.Topics[row-1]
			box = "[ ]"
			if m.topicOn[row-1] {
				box = "[x]"
			}
			label = sanitize.Line(t.Label)
			desc = sanitize.Line(t.Description)
			n = m.topicCounts[row-1]
		}
		labelW := clamp(inner/3, 12, 30)
		left := fmt.Sprintf(" %s %s %*d  ", box, fit(truncate(label, labelW, "…"), labelW), numW, n)
		line := left + st.Dim.Render(truncate(desc, max(inner-cells(left)-2, 0), "…"))
		if row == m.picker {
			line = st.Marker.Render("▸") + st.Selected.Render(fit(left[1:]+desc, inner-1))
		}
		lines = append(lines, line)
	}
	title := st.PaneTitle.Render("Topics") + st.Dim.Render(" · space toggles · enter done")
	return st.box(title, lines, p, true)
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
