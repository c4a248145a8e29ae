package tui

import (
	"testing"

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
