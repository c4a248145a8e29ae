package claims

import (
	"fmt"
	"strings"
	"testing"
)

// The nearest passage is searched for the first maxNearestSearches missing
// passages only; the rest are told to copy the passage exactly. Every
// search costs time in proportion to the article: 500 missing 10 KB quotes
// against a 60 MB article took 67 s.
func TestNearestPassageIsBounded(t *testing.T) {
	yaml := baseYAML(t)
	i := strings.Index(yaml, "claims:\n")
	j := strings.Index(yaml, "relations:")
	if i < 0 || j < 0 {
		t.Fatal("the base annotation has no claims or relations section")
	}
	var claims strings.Builder
	claims.WriteString(yaml[i:j])
	for n := range 30 {
		fmt.Fprintf(&claims, "  - id: missing%d\n    speaker: alice\n    mode: quote\n    text: The sky is green number %d\n    topics: [weather]\n", n, n)
	}
	_, ps := problemsOf(t, yaml[:i]+claims.String()+yaml[j:])
	var near, plain int
	for _, p := range ps {
		if !strings.Contains(p.Msg, "is not in the article") {
			continue
		}
		switch {
		case strings.HasPrefix(p.Fix, "nearest passage in the article"):
			near++
		case p.Fix == "copy the passage from the article exactly (the nearest passage is shown for the first 20 missing passages only)":
			plain++
		default:
			t.Errorf("fix %q", p.Fix)
		}
	}
	if near != 20 || plain != 10 {
		t.Errorf("%d problems with the nearest passage and %d without, want 20 and 10", near, plain)
	}
}

// An article with lone CR line endings has as many paragraphs as lines: it
// was numbered as one paragraph.
func TestCROnlyArticleParagraphs(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		text := strings.Join([]string{"Title", "", "First line.", "Second line.", "", "Third line."}, eol) + eol
		a := &Article{Text: text, paraStarts: paragraphStarts(text)}
		at := strings.Index(text, "Third")
		if got := a.paragraphAt(at); got != 4 {
			t.Errorf("%q line endings: \"Third\" in ¶%d, want ¶4", eol, got)
		}
		if got := a.lineCol(at); got != (Pos{6, 1}) {
			t.Errorf("%q line endings: \"Third\" at %v, want 6:1", eol, got)
		}
	}
}

// A passage that is in the article only in another Unicode normalisation
// gets a hint that says so and names the character that differs: it pointed
// at a wrong character, misaligned by the bytes the two forms differ by.
func TestNormalisationHint(t *testing.T) {
	text := "Title\n\nThe café is open today, said Bob.\n"
	m := &Model{Article: Article{Text: text, paraStarts: paragraphStarts(text)}}
	for _, row := range []struct{ article, passage, want string }{
		{text, "The cafe\u0301 is open today",
			"the passage is in the article (¶2) in another Unicode normalisation (NFC), which looks the same: " +
				"they differ at character 8: the annotation has \"e\u0301\" (U+0065 + U+0301), the article has \"é\" (U+00E9)\n" +
				"copy the passage from the article, or save the annotation in NFC normalisation"},
		{strings.Replace(text, "é", "e\u0301", 1), "The café is open",
			"the passage is in the article (¶2) in another Unicode normalisation (NFD), which looks the same: " +
				"they differ at character 8: the annotation has \"é\" (U+00E9), the article has \"e\u0301\" (U+0065 + U+0301)\n" +
				"copy the passage from the article, or save the annotation in NFD normalisation"},
	} {
		m.Article.Text = row.article
		m.Article.paraStarts = paragraphStarts(row.article)
		if got := notFoundFix(m, newAnchorIndex(row.article), row.passage); got != row.want {
			t.Errorf("%+q:\n got %q\nwant %q", row.passage, got, row.want)
		}
	}
}

// A long id is cut in messages: a 10,000-character id was echoed whole in
// every problem that named it.
func TestLongIDsAreCutInMessages(t *testing.T) {
	long := strings.Repeat("x", 10000)
	yaml := strings.Replace(baseYAML(t), "speaker: alice", "speaker: "+long, 1)
	_, ps := problemsOf(t, yaml)
	if len(ps) == 0 {
		t.Fatal("no problem for an undefined speaker")
	}
	want := fmt.Sprintf("speaker %q is not defined", strings.Repeat("x", 120)+"…")
	found := false
	for _, p := range ps {
		if len(p.Msg) > 300 || len(p.Fix) > 1000 {
			t.Errorf("a problem of %d and %d bytes: %.80q…", len(p.Msg), len(p.Fix), p.Msg)
		}
		found = found || p.Msg == want
	}
	if !found {
		t.Errorf("no problem %q among %v", want, ps)
	}
}

// indexLinear finds what strings.Index finds.
func TestIndexLinear(t *testing.T) {
	long := strings.Repeat("abcab", 30) + "x"
	for _, row := range []struct{ s, sep string }{
		{"", ""}, {"abc", ""}, {"abc", "c"}, {strings.Repeat("abcab", 100), long},
		{strings.Repeat("abcab", 100) + long + "tail", long},
		{strings.Repeat("a", 500) + strings.Repeat("a", 99) + "b", strings.Repeat("a", 99) + "b"},
		{strings.Repeat("ab", 300), strings.Repeat("ab", 80) + "a"},
	} {
		if got, want := indexLinear(row.s, row.sep), strings.Index(row.s, row.sep); got != want {
			t.Errorf("indexLinear(%.20q…, %.20q…) = %d, want %d", row.s, row.sep, got, want)
		}
	}
}
