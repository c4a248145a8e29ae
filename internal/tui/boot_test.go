package tui

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// bootLoaded runs a Boot's load as Bubble Tea would, after the messages
// that came first.
func bootLoaded(t *testing.T, b Boot, before ...tea.Msg) Boot {
	t.Helper()
	for _, msg := range before {
		next, _ := b.Update(msg)
		b = next.(Boot)
	}
	m, err := b.load()
	next, _ := b.Update(loaded{m, err})
	return next.(Boot)
}

func TestBootDrawsNothingUntilLoadedThenTheExplorer(t *testing.T) {
	cm := bundled(t)
	b := NewBoot(func() (Model, error) { return New(cm, Options{}), nil })
	if v := b.View(); v.Content != "" || v.AltScreen || v.MouseMode != tea.MouseModeNone {
		t.Fatalf("before loading, the view is %+v; want nothing at all", v)
	}
	b = bootLoaded(t, b, tea.WindowSizeMsg{Width: 100, Height: 30}, tea.BackgroundColorMsg{Color: lightGrey},
		keyMsg("down"))
	if b.Err() != nil {
		t.Fatal(b.Err())
	}
	// The size and the background that came while loading are the
	// explorer's; the key pressed meanwhile is dropped.
	want := update(update(New(cm, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30}), tea.BackgroundColorMsg{Color: lightGrey})
	if got := b.View(); got.Content != want.render() || !got.AltScreen {
		t.Fatalf("after loading, the frame is not the explorer's at 100x30 on a light background:\n%s", got.Content)
	}
	next, _ := b.Update(keyMsg("down"))
	if got := next.(Boot).View().Content; got != update(want, keyMsg("down")).render() {
		t.Fatal("after loading, keys do not reach the explorer")
	}
}

func TestBootEndsOnABadAnnotationWithoutDrawing(t *testing.T) {
	bad := errors.New("claims.yaml:3:1: bad")
	b := NewBoot(func() (Model, error) { return Model{}, bad })
	b = bootLoaded(t, b, tea.WindowSizeMsg{Width: 80, Height: 24})
	if !errors.Is(b.Err(), bad) {
		t.Fatalf("Err() = %v, want %v", b.Err(), bad)
	}
	if v := b.View(); v.Content != "" || v.AltScreen {
		t.Fatalf("a failed load drew %+v", v)
	}
	_, cmd := b.Update(loaded{Model{}, bad})
	if cmd == nil {
		t.Fatal("a failed load does not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("a failed load does not quit")
	}
}

func TestBootQuitsOnCtrlCWhileLoading(t *testing.T) {
	b := NewBoot(func() (Model, error) { return Model{}, nil })
	_, cmd := b.Update(keyMsg("ctrl+c"))
	if cmd == nil {
		t.Fatal("ctrl+c while loading does nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c while loading does not quit")
	}
}
