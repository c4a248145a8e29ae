package tui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// cells counts as Lip Gloss does: every character it counts itself, alone
// and before a combining mark, a joiner or a variation selector; and
// random strings of them with escape sequences and other characters.
func TestCellsMeasuresAsLipGloss(t *testing.T) {
	var runes []rune
	for r := rune(0x20); r < 0x2600; r++ {
		if r < 0x7f || narrow(r) {
			runes = append(runes, r)
		}
	}
	for _, r := range runes {
		for _, s := range []string{string(r), string(r) + "\u0301", string(r) + "\u200d", string(r) + "\ufe0f", "a" + string(r) + "b"} {
			if got, want := cells(s), ansi.StringWidth(s); got != want {
				t.Errorf("cells(%q) = %d, ansi.StringWidth %d", s, got, want)
			}
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	extra := []string{"\x1b[1m", "\x1b[38;2;1;2;3m", "\x1b[0m", "👩‍👧", "漢", "\u0301", "\t", "␛"}
	for range 2000 {
		var b strings.Builder
		for range rnd.IntN(30) {
			if rnd.IntN(5) == 0 {
				b.WriteString(extra[rnd.IntN(len(extra))])
			} else {
				b.WriteRune(runes[rnd.IntN(len(runes))])
			}
		}
		if got, want := cells(b.String()), ansi.StringWidth(b.String()); got != want {
			t.Fatalf("cells(%q) = %d, ansi.StringWidth %d", b.String(), got, want)
		}
	}
}
