package tui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/synth"
)

// The flat index finds what the model's own queries find: random searches,
// typed and deleted a letter at a time, with and without topics, on a
// synthetic annotation of 2,000 claims.
func TestIndexAgreesWithTheModel(t *testing.T) {
	a := synth.Generate(2000, 3)
	cm, err := claims.Load("synth.yaml", a.YAML, func(string) (string, []byte, error) { return "article.txt", a.Article, nil })
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	vocabulary := strings.Fields(cm.Claims[r.IntN(len(cm.Claims))].Text + " " + cm.Claims[r.IntN(len(cm.Claims))].Text)
	m := update(New(cm, Options{}), tea.WindowSizeMsg{Width: 120, Height: 40})
	for step := range 300 {
		switch n := r.IntN(10); {
		case n == 0:
			m = press(m, "esc", "t", "down", "space", "esc")
		case n == 1:
			m = press(m, "esc", "esc")
		case n < 4 && m.searching:
			m = press(m, "backspace")
		default:
			if !m.searching {
				m = press(m, "/")
			}
			w := vocabulary[r.IntN(len(vocabulary))]
			if r.IntN(3) == 0 {
				w = " " + w
			}
			for _, ch := range w[:1+r.IntN(len(w))] {
				m = update(m, keyMsg(string(ch)))
			}
		}
		checkFilterAgainstModel(t, m, fmt.Sprintf("step %d, search %q, topics %v", step, m.input.Value(), m.topicOn))
	}
}
