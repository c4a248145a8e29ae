package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
)

// FuzzExplorer drives the explorer's Update and View with arbitrary
// sequences of key presses, clicks, wheel turns and window sizes, on the
// bundled annotation and on the hostile one: it never panics, every frame
// fits its window, and the selection is always one that exists. The seeds in
// testdata/fuzz/FuzzExplorer are the property test's sequences, resize
// storms, and the smallest and largest sizes.
func FuzzExplorer(f *testing.F) {
	hostile, err := claims.LoadFile("testdata/hostile/claims.yaml")
	if err != nil {
		f.Fatal(err)
	}
	models := []*claims.Model{bundled(f), hostile}
	f.Add([]byte{0, 80, 24, 'j', 'j', 'x', 'c'})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		m := New(models[int(data[0])%len(models)], Options{})
		w, h := 80, 24
		m = update(m, tea.WindowSizeMsg{Width: w, Height: h})
		msgs := decodeMsgs(data[1:], w, h)
		for i, msg := range msgs {
			if ws, ok := msg.(tea.WindowSizeMsg); ok {
				w, h = ws.Width, ws.Height
			}
			m = update(m, msg)
			where := fmt.Sprintf("step %d of %v", i, msgs[:i+1])
			checkFits(t, m.render(), w, h, where)
			checkSelection(t, m, where)
		}
	})
}

// decodeMsgs reads a sequence of messages from fuzz bytes. A byte below
// 0xf0 is a key (an index into anyKey, or a printable character typed as
// itself); 0xf0 to 0xf3 start a click, a wheel up, a wheel down or a resize,
// and take the next two bytes as its coordinates or size. Sizes run from 1x1
// to 400x120.
func decodeMsgs(data []byte, w, h int) []tea.Msg {
	var msgs []tea.Msg
	for i := 0; i < len(data); i++ {
		b := data[i]
		if b < 0xf0 {
			if int(b) < len(anyKey) {
				msgs = append(msgs, keyMsg(anyKey[b]))
			} else {
				msgs = append(msgs, keyMsg(string(rune(b))))
			}
			continue
		}
		if i+2 >= len(data) {
			break
		}
		x, y := int(data[i+1]), int(data[i+2])
		i += 2
		switch b {
		case 0xf0:
			msgs = append(msgs, tea.MouseClickMsg{X: x % (w + 2), Y: y % (h + 2), Button: tea.MouseLeft})
		case 0xf1:
			msgs = append(msgs, tea.MouseWheelMsg{X: x % (w + 2), Y: y % (h + 2), Button: tea.MouseWheelUp})
		case 0xf2:
			msgs = append(msgs, tea.MouseWheelMsg{X: x % (w + 2), Y: y % (h + 2), Button: tea.MouseWheelDown})
		default:
			w, h = 1+x*399/255, 1+y*119/255
			msgs = append(msgs, tea.WindowSizeMsg{Width: w, Height: h})
		}
	}
	return msgs
}

// TestDecodeMsgs pins the encoding the seed corpus is written in, and that
// it reaches the smallest and the largest size.
func TestDecodeMsgs(t *testing.T) {
	got := fmt.Sprint(decodeMsgs([]byte{1, 'x', 0xf3, 0, 0, 0xf0, 3, 4, 0xf3, 255, 255, 0xf2}, 80, 24))
	want := fmt.Sprint([]tea.Msg{keyMsg("down"), keyMsg("x"), tea.WindowSizeMsg{Width: 1, Height: 1},
		tea.MouseClickMsg{X: 0, Y: 1, Button: tea.MouseLeft}, tea.WindowSizeMsg{Width: 400, Height: 120}})
	if got != want {
		t.Errorf("decoded %s, want %s", got, want)
	}
}
