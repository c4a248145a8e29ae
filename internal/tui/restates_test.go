package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"counterpoint/internal/claims"
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

// A statement reported many times names its first reports and counts the
// rest.
func TestReportedInNamesAFewAndCountsTheRest(t *testing.T) {
	var also []*claims.Claim
	for p := 2; p <= 12; p++ {
		also = append(also, &claims.Claim{Paragraph: p})
	}
	for n, want := range map[int]string{
		0:  "",
		1:  "also reported in ¶2",
		8:  "also reported in ¶2, ¶3, ¶4, ¶5, ¶6, ¶7, ¶8, ¶9",
		11: "also reported in ¶2, ¶3, ¶4, ¶5, ¶6, ¶7, ¶8, ¶9 and 3 more",
	} {
		if got := reportedIn(also[:n]); got != want {
			t.Errorf("%d reports: %q, want %q", n, got, want)
		}
	}
}
