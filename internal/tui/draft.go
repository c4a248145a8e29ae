package tui

import (
	"fmt"

	"counterpoint/internal/claims"
)

// A machine draft (`counterpoint draft`, or `counterpoint ARTICLE`) is
// explored like any annotation; the header says what it is, and each
// drafted claim's badge says that a person has not checked it yet and how
// sure the draft is.

// draftLabel starts the header's filter line of a machine draft.
// Short, where the header's line has no room for the words: "draft 28/28".
func (m *Model) draftLabel(short bool) string {
	n := m.cm.Drafted()
	if n == 0 {
		return ""
	}
	s := fmt.Sprintf("machine draft (%d of %d unchecked)", n, len(m.cm.Claims))
	if short {
		s = fmt.Sprintf("draft %d/%d", n, len(m.cm.Claims))
	}
	return m.styles.Warning.Render(s) + m.styles.Label.Render(" · ")
}

// draftBadge leads a drafted claim's badge: "draft 0.85".
func draftBadge(c *claims.Claim) string {
	if c.Draft == nil {
		return ""
	}
	return fmt.Sprintf("draft %.2f · ", c.Draft.Confidence)
}
