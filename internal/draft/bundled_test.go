package draft

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"counterpoint/assets"
	"counterpoint/internal/claims"
)

// bundled drafts the bundled article from scratch.
func bundled(t *testing.T) (*Draft, *claims.Model, *claims.Model) {
	t.Helper()
	want, err := claims.LoadFS(assets.FS, assets.Annotation)
	if err != nil {
		t.Fatal(err)
	}
	d := Extract(want.Article.Text)
	got, err := d.Model("claims.yaml", "article.txt")
	if err != nil {
		t.Fatalf("the draft of the bundled article does not load: %v", err)
	}
	return d, got, want
}

// Every quotation of the bundled article is drafted as a quote with its
// exact span and its speaker, and nothing else is drafted as a quote.
func TestBundledQuotes(t *testing.T) {
	_, got, want := bundled(t)
	speakerOf := map[string]string{ // the annotation's speaker: the draft's name for them
		"lynton":      "Michael Lynton",
		"james-lewis": "James Lewis",
		"north-korea": "spokesman for the North's foreign ministry", // the article quotes North Korea's spokesman
	}
	var wantQ, gotQ []string
	for _, c := range want.Claims {
		if c.Mode == claims.ModeQuote {
			wantQ = append(wantQ, fmt.Sprintf("¶%d %d-%d %s", c.Paragraph, c.Span.Start, c.Span.End, speakerOf[c.Speaker.ID]))
		}
	}
	for _, c := range got.Claims {
		if c.Mode == claims.ModeQuote {
			gotQ = append(gotQ, fmt.Sprintf("¶%d %d-%d %s", c.Paragraph, c.Span.Start, c.Span.End, c.Speaker.Name))
		}
	}
	if len(wantQ) != 10 {
		t.Fatalf("the bundled annotation has %d quotes, not 10", len(wantQ))
	}
	if !slices.Equal(gotQ, wantQ) {
		t.Errorf("drafted quotes:\n%s\nwant:\n%s", strings.Join(gotQ, "\n"), strings.Join(wantQ, "\n"))
	}
}

// Lynton's contradiction of Obama (¶7) and Obama's dismissal (¶16) are
// drafted as explicit relations, and they are the only ones.
func TestBundledRelations(t *testing.T) {
	_, got, _ := bundled(t)
	var rels []string
	for _, r := range got.Relations {
		rels = append(rels, fmt.Sprintf("%s ¶%d %q %s %s ¶%d %q explicit=%v", r.From.Speaker.Name, r.From.Paragraph, prefix(r.From.Text),
			r.Kind, r.To.Speaker.Name, r.To.Paragraph, prefix(r.To.Text), r.Explicit))
	}
	want := []string{
		`Michael Lynton ¶7 "I did reach out to senior" contradicts Barack Obama ¶6 "he wished Sony \"had talked to" explicit=true`,
		`Barack Obama ¶16 "the suggestion that the White House" denies Michael Lynton ¶7 "I did reach out to senior" explicit=true`,
	}
	if !slices.Equal(rels, want) {
		t.Errorf("relations:\n%s\nwant:\n%s", strings.Join(rels, "\n"), strings.Join(want, "\n"))
	}
}

func prefix(s string) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(len(w), 6)], " ")
}

// KCNA is drafted as the intermediary of the spokesman's quoted words, a
// state medium, from "was quoted as saying by the state-run Korean Central
// News Agency" (¶25), and of his words that follow.
func TestBundledIntermediary(t *testing.T) {
	_, got, _ := bundled(t)
	var relayed []string
	for _, c := range got.Claims {
		if c.ReportedBy != nil {
			relayed = append(relayed, fmt.Sprintf("¶%d %s by %s (%s)", c.Paragraph, c.Speaker.Name, c.ReportedBy.Name, c.ReportedBy.Kind))
		}
	}
	want := []string{
		"¶25 spokesman for the North's foreign ministry by Korean Central News Agency (state-media)",
		"¶26 spokesman for the North's foreign ministry by Korean Central News Agency (state-media)",
		"¶27 spokesman for the North's foreign ministry by Korean Central News Agency (state-media)",
		"¶28 spokesman for the North's foreign ministry by Korean Central News Agency (state-media)",
	}
	if !slices.Equal(relayed, want) {
		t.Errorf("relayed claims:\n%s\nwant:\n%s", strings.Join(relayed, "\n"), strings.Join(want, "\n"))
	}
}

// Every drafted claim has its provenance, anchored where the drafter
// found it: the loader's spans are the drafter's.
func TestBundledProvenance(t *testing.T) {
	d, got, _ := bundled(t)
	if len(got.Claims) != len(d.Claims) {
		t.Fatalf("%d claims loaded of %d drafted", len(got.Claims), len(d.Claims))
	}
	for i, c := range got.Claims {
		dc := d.Claims[i]
		if c.Draft == nil {
			t.Errorf("%s: no draft provenance", c.ID)
			continue
		}
		if c.Span != dc.Passage || c.Draft.Content != dc.Content || c.Draft.Mention != dc.Mention || c.Draft.Cue != dc.Cue {
			t.Errorf("%s: loaded %+v %+v, drafted %+v %+v", c.ID, c.Span, *c.Draft, dc.Passage, dc.Provenance)
		}
		if c.Draft.Content.End <= c.Draft.Content.Start || c.Draft.Mention.End <= c.Draft.Mention.Start || c.Draft.Cue.End <= c.Draft.Cue.Start {
			t.Errorf("%s: the bundled article names every speaker and cue, but %+v lacks one", c.ID, *c.Draft)
		}
		if c.Draft.Confidence <= 0 || c.Draft.Confidence > 1 || c.Draft.Rule == "" {
			t.Errorf("%s: rule %q confidence %v", c.ID, c.Draft.Rule, c.Draft.Confidence)
		}
		if len(c.Topics) == 0 {
			t.Errorf("%s: no topic", c.ID)
		}
	}
}
