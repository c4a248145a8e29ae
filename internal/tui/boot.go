package tui

import (
	tea "charm.land/bubbletea/v2"
)

// Boot is the program while the annotation loads. Bubble Tea draws its
// first frame on the renderer's first tick, a sixtieth of a second after it
// starts; loading before starting it would add the load's time to that
// wait. Boot starts at once and loads in the background, so the explorer's
// first complete frame comes on the same tick as any program's. Until the
// explorer is ready it draws nothing, not even the alternate screen: when
// the annotation is bad, the program ends with the terminal untouched, and
// the caller reports Err.
//
// The zero Boot is not ready to use; NewBoot makes one.
type Boot struct {
	load func() (Model, error)
	m    *Model
	size *tea.WindowSizeMsg
	bg   *tea.BackgroundColorMsg
	err  *error // why the explorer could not start; shared by every copy
}

// loaded is the outcome of the background load.
type loaded struct {
	m   Model
	err error
}

// NewBoot returns a program that runs load in the background and then the
// explorer it returns.
func NewBoot(load func() (Model, error)) Boot { return Boot{load: load, err: new(error)} }

// Err is why the explorer could not start, once the program has ended; nil
// when it started.
func (b Boot) Err() error { return *b.err }

// Init starts the load, and asks the terminal for its background colour
// meanwhile, as the explorer does.
func (b Boot) Init() tea.Cmd {
	return tea.Batch(func() tea.Msg {
		m, err := b.load()
		return loaded{m, err}
	}, tea.RequestBackgroundColor)
}

// Update keeps the window's size and background until the explorer is
// ready, and hands it everything after. Keys pressed while loading are
// dropped, but ctrl+c still quits.
func (b Boot) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if b.m != nil {
		next, cmd := b.m.Update(msg)
		m := next.(Model)
		b.m = &m
		return b, cmd
	}
	switch msg := msg.(type) {
	case loaded:
		if msg.err != nil {
			*b.err = msg.err
			return b, tea.Quit
		}
		m := msg.m
		if b.size != nil {
			m = updated(m, *b.size)
		}
		if b.bg != nil {
			m = updated(m, *b.bg)
		}
		b.m = &m
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
