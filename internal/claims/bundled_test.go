package claims

import (
	"os"
	"strings"
	"testing"

	"counterpoint/assets"
)

func loadBundled(t testing.TB) *Model {
	t.Helper()
	m, err := LoadFS(assets.FS, assets.Annotation)
	if err != nil {
		if le, ok := err.(*LoadError); ok {
			t.Fatal(le.Detail(0))
		}
		t.Fatal(err)
	}
	return m
}

// The bundled article must be the published one, byte for byte.
func TestBundledArticleIsThePublishedText(t *testing.T) {
	shared, err := os.ReadFile("../../../shared/article.txt")
	if err != nil {
		t.Skip("the shared copy of the article is not beside this checkout:", err)
	}
	bundled, err := assets.FS.ReadFile("article.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(shared) != string(bundled) {
		t.Fatal("assets/article.txt differs from the published article")
	}
}

func TestEveryBundledSpanIsItsPassage(t *testing.T) {
	m := loadBundled(t)
	text := m.Article.Text
	// paragraphs counted independently: the non-empty lines, from 1
	lines := strings.Split(text, "\n")
	paraOfLine := make([]int, len(lines))
	n := 0
	for i, l := range lines {
		if l != "" {
			n++
		}
		paraOfLine[i] = n
	}
	for _, c := range m.Claims {
		got := text[c.Span.Start:c.Span.End]
		want := c.Text
		if c.Mode == ModeParaphrase {
			want = c.Source
		}
		if got != want {
			t.Errorf("%s: span [%d,%d) holds %q, want %q", c.ID, c.Span.Start, c.Span.End, got, want)
		}
		line := strings.Count(text[:c.Span.Start], "\n")
		if c.Paragraph != paraOfLine[line] {
			t.Errorf("%s: paragraph %d, want %d", c.ID, c.Paragraph, paraOfLine[line])
		}
	}
}

func TestBundledAnnotationShape(t *testing.T) {
	m := loadBundled(t)
	var principal []string
	for _, s := range m.Speakers {
		if s.Principal {
			principal = append(principal, s.ID)
		}
	}
	if got := strings.Join(principal, " "); got != "lynton obama white-house-official north-korea" {
		t.Errorf("principal speakers: %q", got)
	}
	for _, s := range []string{"mccain", "james-lewis", "hackers", "unattributed"} {
		if len(m.ClaimsBy(m.Speaker(s), Filter{})) == 0 {
			t.Errorf("%s has no claims", s)
		}
	}
	if n := len(m.Topics); n < 5 || n > 8 {
		t.Errorf("%d topics; the story wants five to eight", n)
	}
	for _, c := range m.Claims {
		if c.Summary == "" {
			t.Errorf("%s has no summary", c.ID)
		}
	}
	// The showcase exchange: Obama wished Sony had talked to him first;
	// Lynton says he reached out; Obama denies it and the White House
	// official qualifies it.
	ex := m.Exchange(m.Claim("lynton-reached-out"))
	if got := relIDs(ex.Relations); got != "lynton-reached-out>obama-talked-to-me-first obama-dismisses-consultation>lynton-reached-out white-house-categorically-incorrect>lynton-reached-out white-house-categorically-incorrect>obama-dismisses-consultation" {
		t.Errorf("the showcase exchange: %s", got)
	}
	// every relation says why it links its claims
	for _, r := range m.Relations {
		if r.Note == "" {
			t.Errorf("relation %s>%s has no note", r.From.ID, r.To.ID)
		}
	}
}

// No quoted sentence of the article is left out: every double quote mark
// in it opens or closes a passage that some claim covers (a quote claim's
// span starts right after its opening mark and ends at its closing mark, or
// before the comma that the article prints inside it; a paraphrase's source
// holds its quoted words).
func TestEveryQuotationIsAnnotated(t *testing.T) {
	m := loadBundled(t)
	text := m.Article.Text
	covered := func(i int) bool {
		for _, c := range m.Claims {
			end := c.Span.End
			if end < len(text) && text[end] == ',' {
				end++
			}
			if c.Span.Start-len("“") <= i && i <= end {
				return true
			}
		}
		return false
	}
	marks := 0
	for i, r := range text {
		if r != '"' && r != '“' && r != '”' {
			continue
		}
		marks++
		if !covered(i) {
			line := strings.Count(text[:i], "\n") + 1
			t.Errorf("the quote mark at byte %d (line %d) is in no claim: %q", i, line, text[max(0, i-30):min(len(text), i+30)])
		}
	}
	if marks < 40 {
		t.Fatalf("found only %d quote marks; the check is not looking at the article", marks)
	}
}
