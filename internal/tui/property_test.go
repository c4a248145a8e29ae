package tui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Every key the explorer knows, and some it does not.
var anyKey = []string{
	"up", "down", "left", "right", "h", "j", "k", "l", "g", "G", "home", "end", "pgup", "pgdown",
	"[", "]", "enter", "backspace", "b", "f", "tab", "shift+tab", "t", "/", "c", "x", "y", "esc",
	"?", "space", "a", "n", "p", "N", "0", "w", "h", "é", "中", "ctrl+c", "q",
}

// randomMsg is a key press, a click or wheel anywhere, or a new size.
func randomMsg(r *rand.Rand, w, h int) tea.Msg {
	switch n := r.IntN(20); {
	case n < 14:
		return keyMsg(anyKey[r.IntN(len(anyKey))])
	case n < 16:
		return tea.MouseClickMsg{X: r.IntN(w + 2), Y: r.IntN(h + 2), Button: tea.MouseLeft}
	case n < 18:
		b := tea.MouseWheelUp
		if r.IntN(2) == 0 {
			b = tea.MouseWheelDown
		}
		return tea.MouseWheelMsg{X: r.IntN(w + 2), Y: r.IntN(h + 2), Button: b}
	default:
		return tea.WindowSizeMsg{Width: 1 + r.IntN(400), Height: 1 + r.IntN(120)}
	}
}

// TestEveryFrameFits drives the explorer with random keys, clicks and sizes:
// it never panics, every frame fits its window, and the selection is always
// one that exists.
func TestEveryFrameFits(t *testing.T) {
	cm := bundled(t)
	runs := 150
	if testing.Short() {
		runs = 40
	}
	for seed := range runs {
		r := rand.New(rand.NewPCG(uint64(seed), 7))
		w, h := 1+r.IntN(200), 1+r.IntN(60)
		m := update(New(cm, Options{}), tea.WindowSizeMsg{Width: w, Height: h})
		var trail []string
		for step := range 40 {
			msg := randomMsg(r, w, h)
			if ws, ok := msg.(tea.WindowSizeMsg); ok {
				w, h = ws.Width, ws.Height
			}
			trail = append(trail, fmt.Sprint(msg))
			m = update(m, msg)
			where := fmt.Sprintf("seed %d step %d after %s", seed, step, strings.Join(trail, " "))
			checkFits(t, m.render(), w, h, where)
			checkSelection(t, m, where)
		}
	}
}

func checkSelection(t *testing.T, m Model, where string) {
	t.Helper()
	if m.sel < 0 || m.sel >= len(m.order) {
		t.Fatalf("%s: speaker %d of %d", where, m.sel, len(m.order))
	}
	if len(m.list) > 0 && (m.cur < 0 || m.cur >= len(m.list)) {
		t.Fatalf("%s: claim %d of %d", where, m.cur, len(m.list))
	}
	if n := len(m.links()); n > 0 && (m.link < 0 || m.link >= n) {
		t.Fatalf("%s: answer %d of %d", where, m.link, n)
	}
	if c := m.Selected(); c != nil && !m.voices(m.order[m.sel], c) {
		t.Fatalf("%s: claim %s selected under speaker %s", where, c.ID, m.order[m.sel].ID)
	}
}

// TestFramesFitAtEverySize draws every screen at every size from the
// smallest to a large one.
func TestFramesFitAtEverySize(t *testing.T) {
	cm := bundled(t)
	screens := [][]string{nil, {"down"}, {"t"}, {"/", "white"}, {"down", "c"}, {"down", "x"}, {"?"}}
	for w := 1; w <= 400; w += 11 {
		for h := 1; h <= 120; h += 7 {
			for _, keys := range screens {
				m := press(update(New(cm, Options{}), tea.WindowSizeMsg{Width: w, Height: h}), keys...)
				checkFits(t, m.render(), w, h, fmt.Sprintf("%dx%d after %v", w, h, keys))
			}
		}
	}
}
