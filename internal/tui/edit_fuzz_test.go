package tui

import (
	"fmt"
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
)

// editKey are the keys FuzzEditor presses: the explorer's, the editing
// ones, and those of the forms and the selection.
var editKey = append(append([]string{}, anyKey...),
	"e", "E", "d", "a", "=", "A", "X", "L", "D", "r", "v", "u", "U", "s", "y", "o", "ctrl+u",
	")", "(", "{", "}", "shift+left", "shift+right", "enter", "enter", "esc", "space", "/", "x")

// FuzzEditor edits a machine draft with arbitrary keys, clicks and drags,
// the commands run as Bubble Tea would: it never panics, every frame fits
// its window, and the text of the annotation always loads.
func FuzzEditor(f *testing.F) {
	article, err := os.ReadFile("../../assets/article.txt")
	if err != nil {
		f.Fatal(err)
	}
	yaml := draftFile(f)
	f.Add([]byte{'r', 'a', 'n', 'x', 'e', 16})
	f.Add([]byte{'c', 'v', ')', 'l', 'l', 0, 'e'})
	f.Fuzz(func(t *testing.T, data []byte) {
		defer func(w time.Duration) { cmdWait = w }(cmdWait)
		cmdWait = 2 * time.Millisecond
		m, doc, _ := editFiles(t, yaml)
		w, h := m.w, m.h
		for i, msg := range decodeEditMsgs(data, w, h) {
			m = drive(m, msg)
			if m.quitting {
				return
			}
			where := fmt.Sprintf("step %d (%T %v)", i, msg, msg)
			checkFits(t, m.render(), w, h, where)
			read := func(string) (string, []byte, error) { return "article.txt", article, nil }
			if _, err := claims.Load("claims.yaml", doc.Bytes(), read); err != nil {
				t.Fatalf("%s: the annotation no longer loads: %v", where, err)
			}
		}
	})
}

// decodeEditMsgs reads keys (a byte below 0xf0, an index into editKey, or a
// character typed as itself), and clicks and drags in the article (0xf0 and
// 0xf1, with two bytes of coordinates).
func decodeEditMsgs(data []byte, w, h int) []tea.Msg {
	var msgs []tea.Msg
	for i := 0; i < len(data); i++ {
		b := data[i]
		if b < 0xf0 {
			if int(b) < len(editKey) {
				msgs = append(msgs, keyMsg(editKey[b]))
			} else {
				msgs = append(msgs, keyMsg(string(rune(b))))
			}
			continue
		}
		if i+2 >= len(data) {
			break
		}
		x, y := int(data[i+1])%(w+2), int(data[i+2])%(h+2)
		i += 2
		if b == 0xf0 {
			msgs = append(msgs, tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}, tea.MouseReleaseMsg{X: x, Y: y, Button: tea.MouseLeft})
		} else {
			msgs = append(msgs, tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}, tea.MouseMotionMsg{X: x + 9, Y: y, Button: tea.MouseLeft},
				tea.MouseReleaseMsg{X: x + 9, Y: y, Button: tea.MouseLeft})
		}
	}
	return msgs
}
