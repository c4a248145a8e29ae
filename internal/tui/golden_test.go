package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// The main screens at the two sizes the README talks about, escape
// sequences stripped. Refresh with: go test ./internal/tui -update
func TestGoldenScreens(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"start", nil}, // Lynton's "I did reach out…", answered three times
		{"followed", []string{"]", "]", "enter"}},
		{"kcna", []string{"right", "right", "right", "right"}},
		{"topics", []string{"t", "down", "down", "space"}},
		{"search", []string{"/", "caved", "enter"}},
		{"article", []string{"c"}},
		{"exchange", []string{"x"}},
		{"help", []string{"?"}},
	}
	for _, size := range [][2]int{{80, 24}, {140, 45}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				m := press(open(t, size[0], size[1]), sc.keys...)
				frame := m.render()
				checkFits(t, frame, size[0], size[1], sc.name)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
	t.Run("too_small_40x10", func(t *testing.T) {
		golden.RequireEqual(t, []byte(screen(open(t, 40, 10))))
	})
}
