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
// It is sanitised too: a clipboard is pasted into terminals and shells. No
// frame measures it, so every script stays as written (sanitize.PrintLine).
func citation(c *claims.Claim) string {
	s := phrase.Words(c) + " — " + phrase.Attribution(c)
	if cs := phrase.Circumstances(c); cs != "" {
		s += ", " + cs
	}
	return sanitize.PrintLine(s)
}

// copySelected puts the selected claim's citation on the clipboard (OSC 52).
func (m *Model) copySelected() tea.Cmd {
	c := m.Selected()
	if c == nil {
		return nil
	}
	m.status = "copied: " + sanitize.Line(citation(c)) // drawn in the frame
	return tea.SetClipboard(citation(c))
}
