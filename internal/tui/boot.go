package tui

import (
	tea "charm.land/bubbletea/v2"
)

// Boot is the program while the explorer is built. The caller loads and
// checks the annotation before Bubble Tea starts, so that a bad one never
// touches the terminal; building the explorer from it (sanitising the
// article, indexing the claims, the first styles) then overlaps Bubble
// Tea's own start: setting the terminal up and asking it its questions.
// Until the explorer is ready Boot draws nothing, not even the alternate
// screen.
type Boot struct {
	build func() Model
	m     tea.Model // the explorer once built, as its Update returned it
	size  *tea.WindowSizeMsg
	bg    *tea.BackgroundColorMsg
}

// built carries the explorer from the command that built it.
type built struct{ m Model }

// NewBoot returns a program that runs build in the background and then the
// explorer it returns.
func NewBoot(build func() Model) Boot { return Boot{build: build} }

// Init starts the build, and asks the terminal for its background colour
// meanwhile, as the explorer does.
func (b Boot) Init() tea.Cmd {
	return tea.Batch(func() tea.Msg { return built{b.build()} }, tea.RequestBackgroundColor)
}

// Update keeps the window's size and background until the explorer is
// ready, and hands it everything after. Keys pressed meanwhile (a few
// milliseconds) are dropped, but ctrl+c still quits.
func (b Boot) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if b.m != nil {
		// Kept as Update returned it: the explorer is large, and taking
		// it out of the interface would copy it at every message.
		var cmd tea.Cmd
		b.m, cmd = b.m.Update(msg)
		return b, cmd
	}
	switch msg := msg.(type) {
	case built:
		m := msg.m
		if b.size != nil {
			m = updated(m, *b.size)
		}
		if b.bg != nil {
			m = updated(m, *b.bg)
		}
		b.m = m
	case tea.WindowSizeMsg:
		b.size = &msg
	case tea.BackgroundColorMsg:
		b.bg = &msg
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return b, tea.Quit
		}
	}
	return b, nil
}

func updated(m Model, msg tea.Msg) Model {
	next, _ := m.Update(msg)
	return next.(Model)
}

// View draws the explorer once it is ready, and nothing before.
func (b Boot) View() tea.View {
	if b.m == nil {
		return tea.View{}
	}
	return b.m.View()
}
