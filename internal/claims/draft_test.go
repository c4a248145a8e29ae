package claims

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// A drafted claim's words are anchored at their occurrence nearest its
// passage, and words not near it are a problem.
func TestDraftProvenanceAnchored(t *testing.T) {
	data, err := os.ReadFile("testdata/exchange.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load("exchange.yaml", data, readTestdata)
	if err != nil {
		t.Fatal(err)
	}
	c := m.Claim("e1")
	if c.Draft == nil {
		t.Fatal("e1 has no draft")
	}
	text := m.Article.Text
	got := []string{c.Draft.Rule, text[c.Draft.Content.Start:c.Draft.Content.End], text[c.Draft.Mention.Start:c.Draft.Mention.End], text[c.Draft.Cue.Start:c.Draft.Cue.End]}
	if want := []string{"reported", "the bridge was unsafe", "Eve", "said"}; !slices.Equal(got, want) {
		t.Errorf("draft words %q, want %q", got, want)
	}
	if c.Draft.Confidence != 0.75 {
		t.Errorf("confidence %v", c.Draft.Confidence)
	}
	// "said" occurs in every line; the one inside the passage is taken
	if c.Draft.Cue.Start < c.Span.Start || c.Draft.Cue.End > c.Span.End {
		t.Errorf("cue %v is not the one in the passage %v", c.Draft.Cue, c.Span)
	}
	if m.Claim("a1").Draft != nil {
		t.Error("a claim without draft: has one")
	}

	bad := strings.Replace(string(data), "mention: Eve", "mention: Zed", 1)
	got, _ = problemsOf(t, bad)
	want := `38:16: the draft's mention of claim "e1" is not in the article near its passage`
	if !slices.Contains(got, want) {
		t.Errorf("problems %q lack %q", got, want)
	}
	bad = strings.Replace(string(data), "confidence: 0.75", "confidence: 1.5", 1)
	want = `36:19: the draft's confidence 1.5 is not between 0 and 1`
	if got, _ = problemsOf(t, bad); !slices.Contains(got, want) {
		t.Errorf("problems %q lack %q", got, want)
	}
}

// NearestOccurrence prefers an occurrence inside the passage, then the
// nearest outside it, and refuses one out of reach.
func TestNearestOccurrence(t *testing.T) {
	text := "he said. " + strings.Repeat("x", 10) + " A quote he made. he" + strings.Repeat(" ", DraftReach+10) + "far"
	passage := Span{Start: strings.Index(text, "A quote"), End: strings.Index(text, "made.") + 5}
	if s, ok := NearestOccurrence(text, passage, "he"); !ok || s.Start != strings.Index(text, "he made") {
		t.Errorf("inside: %v %v", s, ok)
	}
	if s, ok := NearestOccurrence(text, passage, "said"); !ok || s.Start != 3 {
		t.Errorf("before: %v %v", s, ok)
	}
	if _, ok := NearestOccurrence(text, passage, "far"); ok {
		t.Error("out of reach, found")
	}
}
