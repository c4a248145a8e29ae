package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A resize is followed, a moment later, by one fresh drawing of the whole
// screen at the new size; a resize overtaken by another leaves that to the
// later one, and the first size of all needs none.
func TestResizeIsDrawnAfreshOnceItSettles(t *testing.T) {
	m := New(bundled(t), Options{})
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if cmd != nil {
		t.Errorf("the first size asks for %T", cmd())
	}
	m = next.(Model)

	next, cmd = m.Update(tea.WindowSizeMsg{Width: 140, Height: 45})
	if cmd == nil {
		t.Fatal("a resize asks for no fresh drawing")
	}
	settle := cmd()
	if settle != (settleMsg{140, 45}) {
		t.Fatalf("a resize to 140×45 sends %#v", settle)
	}
	m = next.(Model)
	if _, cmd := m.Update(settle); cmd == nil || fmt.Sprintf("%T", cmd()) != "tea.clearScreenMsg" {
		t.Errorf("once settled at 140×45: %v, want the screen cleared and drawn afresh", cmd)
	}

	// Overtaken: the window is 100×30 by the time 140×45 settles.
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if _, cmd := m.Update(settle); cmd != nil {
		t.Errorf("a settled size that is no longer the window's asks for %T", cmd())
	}
}
