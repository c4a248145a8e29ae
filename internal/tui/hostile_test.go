package tui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
)

// sgr matches the styling the explorer itself emits; anything else that
// starts with ESC in a frame came from the annotation.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// TestHostileTextIsInert opens an annotation whose names, quotes, notes and
// article hold escape sequences (clear screen, cursor moves, a window title,
// an OSC 52 clipboard write, an OSC 8 link, the alternate screen switch), C1
// controls, a bidi override, CJK text and an emoji sequence, and checks every
// screen: no control character reaches the terminal, the overrides are shown
// as code points, and every frame still fits.
func TestHostileTextIsInert(t *testing.T) {
	cm, err := claims.LoadFile("testdata/hostile/claims.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {140, 45}, {61, 17}} {
		for _, keys := range [][]string{nil, {"right"}, {"c"}, {"x"}, {"t"}, {"/", "hello"}, {"?"}, {"y"}} {
			m := update(New(cm, Options{}), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = press(m, keys...)
			frame := m.render()
			checkFits(t, frame, size[0], size[1], strings.Join(keys, " "))
			rest := sgr.ReplaceAllString(frame, "")
			for _, r := range rest {
				if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) || r == '\u202e' || r == '\u202c' {
					t.Fatalf("%dx%d %v: control character %U reached the frame:\n%q", size[0], size[1], keys, r, rest)
				}
			}
			if v := m.View(); strings.ContainsAny(v.WindowTitle, "\x1b\x07") {
				t.Errorf("window title %q holds control characters", v.WindowTitle)
			}
		}
	}
	m := update(New(cm, Options{}), tea.WindowSizeMsg{Width: 140, Height: 45})
	s := screen(m)
	for _, want := range []string{"EVE ␛[31MRED␛[0M <U+202E>LIAR", "“Hello ␛[2J␛[H world <U+202E>evil<U+202C> and ␛]52;c;cHduZWQ=␇ done.”"} {
		if !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	if got := citation(m.Selected()); strings.ContainsAny(got, "\x1b\x07\u202e") {
		t.Errorf("the copied text holds control characters: %q", got)
	}
}
