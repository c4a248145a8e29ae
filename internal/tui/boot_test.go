package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// bootBuilt runs a Boot's build as Bubble Tea would, after the messages that
// came first.
func bootBuilt(b Boot, before ...tea.Msg) Boot {
	for _, msg := range before {
		next, _ := b.Update(msg)
		b = next.(Boot)
	}
	next, _ := b.Update(built{b.build()})
	return next.(Boot)
}

func TestBootDrawsNothingUntilBuiltThenTheExplorer(t *testing.T) {
	cm := bundled(t)
	b := NewBoot(func() Model { return New(cm, Options{}) })
	if v := b.View(); v.Content != "" || v.AltScreen || v.MouseMode != tea.MouseModeNone {
		t.Fatalf("before the explorer is built, the view is %+v; want nothing at all", v)
	}
	b = bootBuilt(b, tea.WindowSizeMsg{Width: 100, Height: 30}, tea.BackgroundColorMsg{Color: lightGrey}, keyMsg("down"))
	// The size and the background that came meanwhile are the explorer's;
	// the key pressed meanwhile is dropped.
	want := update(update(New(cm, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30}), tea.BackgroundColorMsg{Color: lightGrey})
	if got := b.View(); got.Content != want.render() || !got.AltScreen {
		t.Fatalf("once built, the frame is not the explorer's at 100x30 on a light background:\n%s", got.Content)
	}
	next, _ := b.Update(keyMsg("down"))
	if got, want := next.(Boot).View().Content, update(want, keyMsg("down")); got != want.render() {
		t.Fatal("once built, keys do not reach the explorer")
	}
}

func TestBootQuitsOnCtrlCWhileBuilding(t *testing.T) {
	b := NewBoot(func() Model { return Model{} })
	_, cmd := b.Update(keyMsg("ctrl+c"))
	if cmd == nil {
		t.Fatal("ctrl+c while building does nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c while building does not quit")
	}
}
