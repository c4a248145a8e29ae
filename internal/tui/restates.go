package tui

import "counterpoint/internal/claims"

// alsoReported says where else the article reports the claim's statement
// (claims linked by restates): "also reported in ¶3, ¶23", or "" when it
// reports it once. The answers shown with a claim are its statement's.
func (m Model) alsoReported(c *claims.Claim) string {
	also := m.cm.AlsoReported(c)
	if len(also) == 0 {
		return ""
	}
	return "also reported in " + claims.Paragraphs(also)
}
