package sanitize

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Seeds live in testdata/fuzz/Fuzz{Line,Text}; the table cases are added too
// so every hand-checked input is also checked against the properties.

func FuzzLine(f *testing.F) {
	for _, c := range cases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) { checkProps(t, s, false) })
}

func FuzzText(f *testing.F) {
	for _, c := range cases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) { checkProps(t, s, true) })
}

// Byte-level fuzzing rarely assembles the multi-byte runes whose interplay
// matters (marks after newlines, ZWJ next to emoji and modifiers), so this
// builds random strings from exactly those pieces.
func TestPropertiesRandomPieces(t *testing.T) {
	pieces := []string{
		"a", " ", ">", "\n", "\r", "\r\n", "\t", "\x1b", "\x00", "\x7f", "\u0085",
		"\u009b", "\u2028", "\u202e", "\u200b", "\u00ad", "\ufeff", "\u200d",
		"\u0301", "\u20dd", "\ufe0f", "\ufe0e", "\U0001F3FD", "👨", "❤", "©",
		"◌", "…", "\ufffd", "\xff", "\xe2\x80", "\xed\xa0\x80", "中", "\U000E0041",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkProps(t, b.String(), false)
		checkProps(t, b.String(), true)
	}
}
