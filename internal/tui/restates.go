package tui

import (
	"fmt"

	"counterpoint/internal/claims"
)

// alsoReported says where else the article reports the claim's statement
// (claims linked by restates): "also reported in ¶3, ¶23", or "" when it
// reports it once. The answers shown with a claim are its statement's.
func (m *Model) alsoReported(c *claims.Claim) string {
	return reportedIn(m.cm.AlsoReported(c))
}

// maxReportsNamed bounds the paragraphs named: a statement an annotation
// reports thousands of times must not fill the card, nor cost a frame its
// time.
const maxReportsNamed = 8

func reportedIn(also []*claims.Claim) string {
	switch {
	case len(also) == 0:
		return ""
	case len(also) > maxReportsNamed:
		return fmt.Sprintf("also reported in %s and %d more", claims.Paragraphs(also[:maxReportsNamed]), len(also)-maxReportsNamed)
	}
	return "also reported in " + claims.Paragraphs(also)
}
