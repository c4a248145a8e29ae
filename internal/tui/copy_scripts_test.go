package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
)

// The copied citation keeps every script as written: no frame measures it.
// Devanagari was copied as नमस<U+094D>ते.
func TestCitationKeepsScripts(t *testing.T) {
	c := &claims.Claim{Mode: claims.ModeQuote, Text: "नमस्ते दुनिया", Speaker: &claims.Speaker{Name: "সৌরভ"}}
	if got, want := citation(c), "“नमस्ते दुनिया” — সৌরভ"; got != want {
		t.Errorf("citation = %+q, want %+q", got, want)
	}
}

// A control character typed or pasted into the search box is drawn inert on
// the search line: a pasted U+202E was drawn raw and reversed the line.
func TestSearchLineIsSanitised(t *testing.T) {
	m := open(t, 80, 24)
	next, _ := m.Update(keyMsg("/"))
	m = next.(Model)
	// (the input itself drops the escape character)
	next, _ = m.Update(tea.PasteMsg{Content: "caved\u202e\x1b[2J"})
	m = next.(Model)
	if got, want := m.input.Value(), "caved<U+202E>[2J"; got != want {
		t.Errorf("search words %+q, want %+q", got, want)
	}
	if scr := screen(m); !strings.Contains(scr, "search: caved<U+202E>[2J") || strings.ContainsRune(scr, '\u202e') {
		t.Errorf("search line not inert:\n%s", scr)
	}
	next, _ = m.Update(tea.PasteMsg{Content: "नमस्ते"})
	m = next.(Model)
	if got := m.input.Value(); got != "caved<U+202E>[2Jनमस्ते" {
		t.Errorf("search words %+q: a script was changed", got)
	}
}
