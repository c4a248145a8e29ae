package edit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"counterpoint/internal/claims"
	"counterpoint/internal/draft"
)

// bundled copies the bundled annotation and its article into a folder of
// the test's own and opens it.
func bundled(t testing.TB) *Doc {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"claims.yaml", "article.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "assets", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, err := Open(filepath.Join(dir, "claims.yaml"), "")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// diffLines is the lines removed ("-") and added ("+") between two texts,
// as a minimal line diff says them, in order: where it may choose, the
// lines removed first.
func diffLines(a, b string) []string {
	x, y := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	// longest common subsequence, by dynamic programming: the files are small
	n, m := len(x), len(y)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] > lcs[i+1][j]):
			out = append(out, "+"+strings.TrimSuffix(y[j], "\n"))
			j++
		default:
			out = append(out, "-"+strings.TrimSuffix(x[i], "\n"))
			i++
		}
	}
	return out
}

// fieldsOf is the form's values of a claim, as the explorer fills it.
func fieldsOf(c *claims.Claim) ClaimFields {
	f := ClaimFields{Speaker: c.Speaker.ID, Mode: c.Mode, Text: c.Text, Source: c.Source, Start: c.Span.Start,
		Summary: c.Summary, Venue: c.Venue, When: c.When}
	for _, t := range c.Topics {
		f.Topics = append(f.Topics, t.ID)
	}
	if c.ReportedBy != nil {
		f.ReportedBy = c.ReportedBy.ID
	}
	return f
}

// drafted writes a draft of the bundled article, as `counterpoint draft`
// makes it, into a folder of the test's own and opens it.
func drafted(t testing.TB) *Doc {
	t.Helper()
	dir := t.TempDir()
	article, err := os.ReadFile(filepath.Join("..", "..", "assets", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), article, 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := draft.Extract(string(article)).YAML("article.txt")
	if err := os.WriteFile(filepath.Join(dir, "claims.yaml"), yaml, 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Open(filepath.Join(dir, "claims.yaml"), "")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// comments is every comment line of a text.
func comments(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#") {
			out = append(out, l)
		}
	}
	return out
}

// mustChange runs an edit that must succeed and returns the lines it changed.
func mustChange(t *testing.T, d *Doc, edit func() error) []string {
	t.Helper()
	before := string(d.Bytes())
	if err := edit(); err != nil {
		t.Fatal(err)
	}
	return diffLines(before, string(d.Bytes()))
}

func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changed lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
