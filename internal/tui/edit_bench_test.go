package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/edit"
	"counterpoint/internal/synth"
)

// BenchmarkEditRedraw10k is the explorer's work after an edit of a
// 10,000-claim annotation, the edit itself (validated by the edit package,
// whose benchmarks time it) left out: the explorer rebuilt on the new
// model, keeping the selection and the view, and the frame drawn. The
// budget is 16 ms.
func BenchmarkEditRedraw10k(b *testing.B) {
	a := synth.Generate(10_000, 1)
	dir := b.TempDir()
	for name, data := range map[string][]byte{"claims.yaml": a.YAML, synth.ArticleFile: a.Article} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	doc, err := edit.Open(filepath.Join(dir, "claims.yaml"), "")
	if err != nil {
		b.Fatal(err)
	}
	m := New(doc.Model(), Options{Doc: doc})
	m = update(m, tea.WindowSizeMsg{Width: 140, Height: 45})
	m = selectClaimAt(m, 5000)
	c := m.Selected()
	f := edit.ClaimFields{Speaker: c.Speaker.ID, Mode: c.Mode, Text: c.Text, Source: c.Source, Start: c.Span.Start, Summary: "changed by the benchmark"}
	for _, t := range c.Topics {
		f.Topics = append(f.Topics, t.ID)
	}
	if err := doc.UpdateClaim(c.ID, f); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		n := m
		n.reload()
		n.frame = new(frameCache)
		_ = n.View()
	}
}

// selectClaimAt selects the claim at index i of the model, by its speaker.
func selectClaimAt(m Model, i int) Model {
	c := m.cm.Claims[i]
	m.goTo(place{speaker: c.Speaker, claim: c})
	m.refresh()
	return m
}
