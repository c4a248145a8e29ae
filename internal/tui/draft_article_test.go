package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// In the article view, a drafted claim's mention of its speaker and its
// verb of saying are marked as well as its passage, each in its own style,
// and the title says which style is which.
func TestArticleMarksDraftMentionAndCue(t *testing.T) {
	cm := draftedBundled(t)
	m := update(New(cm, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = press(m, "c")
	if m.view != articleView {
		t.Fatalf("c did not open the article view")
	}
	c := cm.Claims[m.article.cur]
	d := c.Draft
	if d == nil || d.Mention.End <= d.Mention.Start || d.Cue.End <= d.Cue.Start {
		t.Fatalf("claim %s: want a draft with a mention and a cue, got %+v", c.ID, d)
	}
	mention, cue := cm.Article.Text[d.Mention.Start:d.Mention.End], cm.Article.Text[d.Cue.Start:d.Cue.End]
	passage := cm.Article.Text[c.Span.Start:c.Span.End]

	frame := m.render()
	st := m.styles.Ink
	for _, w := range []struct {
		what, words string
		ink         ink
	}{{"mention", mention, st.Mention}, {"cue", cue, st.Cue}} {
		if w.ink == st.Passage || w.ink == st.Quiet {
			t.Errorf("the %s's ink is the passage's or the quiet passages'", w.what)
		}
		if !strings.Contains(frame, w.ink.open+w.words+w.ink.close) {
			t.Errorf("the %s %q is not drawn in its ink %q", w.what, w.words, w.ink.open)
		}
	}
	if st.Mention == st.Cue {
		t.Error("the mention and the cue share an ink")
	}
	// The passage is drawn in the passage's ink where it is not the mention
	// or cue: its first words, up to either.
	first := passage[:min(10, len(passage))]
	if !strings.Contains(frame, st.Passage.open+first) {
		t.Errorf("the passage's start %q is not drawn in the passage's ink", first)
	}
	// The legend, each word in the style it names.
	for _, want := range []string{st.Passage.paint("passage"), st.Mention.paint("speaker"), st.Cue.paint("cue")} {
		if !strings.Contains(frame, want) {
			t.Errorf("the title lacks the legend word %q", want)
		}
	}
	if title := ansi.Strip(strings.SplitN(frame, "\n", 4)[2]); !strings.Contains(title, "· draft: passage speaker cue ·") {
		t.Errorf("title %q lacks the legend", title)
	}
	golden.RequireEqual(t, []byte(screen(m)))

	// A checked annotation's claims have no draft: no legend, no marks.
	m = press(open(t, 100, 30), "c")
	frame = m.render()
	if strings.Contains(ansi.Strip(frame), "draft:") || strings.Contains(frame, st.Mention.open) || strings.Contains(frame, st.Cue.open) {
		t.Errorf("the bundled annotation's article view shows a draft's marks:\n%s", ansi.Strip(frame))
	}
}
