package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A claim whose statement the article reports more than once says where
// else, in the statement card and in the exchange; one reported once says
// nothing of the kind.
func TestStatementCardSaysWhereElseItIsReported(t *testing.T) {
	m := open(t, 140, 45)
	for id, want := range map[string]string{
		"nk-demands-joint-inquiry":    "also reported in ¶3, ¶23, ¶24, ¶25, ¶26, ¶28",
		"obama-contact-about-hack":    "also reported in ¶16",
		"lynton-not-caved":            "also reported in ¶5, ¶11",
		"nk-never-tolerate":           "",
		"obama-proportional-response": "",
	} {
		c := m.cm.Claim(id)
		if got := m.alsoReported(c); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
		card := ansi.Strip(strings.Join(m.claimLines(c, 200), "\n"))
		if strings.Contains(card, "also reported") != (want != "") || want != "" && !strings.Contains(card, want) {
			t.Errorf("%s: the card says\n%s", id, card)
		}
	}
}
