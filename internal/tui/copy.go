package tui

import (
	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// citation is a claim as a reader would paste it into their notes:
//
//	“I did reach out…” — Michael Lynton, CNN interview, Friday
//	(paraphrase) said the studio had been in contact… — Barack Obama, CNN interview
//
// It is sanitised too: a clipboard is pasted into terminals and shells.
func citation(c *claims.Claim) string {
	s := phrase.Words(c) + " — " + phrase.Attribution(c)
	if cs := phrase.Circumstances(c); cs != "" {
		s += ", " + cs
	}
	return sanitize.Line(s)
}

// copySelected puts the selected claim's citation on the clipboard (OSC 52).
func (m *Model) copySelected() tea.Cmd {
	c := m.Selected()
	if c == nil {
		return nil
	}
	m.status = "copied: " + citation(c)
	return tea.SetClipboard(citation(c))
}
