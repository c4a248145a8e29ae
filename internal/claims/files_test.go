package claims

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeAnnotation writes the base annotation and its article into a fresh
// directory, after applying edit to the YAML, and returns the YAML's path.
func writeAnnotation(t *testing.T, yaml string, article []byte) string {
	t.Helper()
	dir := t.TempDir()
	if article == nil {
		var err error
		if article, err = os.ReadFile("testdata/article.txt"); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), article, 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "claims.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func firstProblem(t *testing.T, err error) Problem {
	t.Helper()
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want a *LoadError, got %v", err)
	}
	return le.Problems[0]
}

func TestLoadFileProblems(t *testing.T) {
	dir := t.TempDir()
	p := firstProblem(t, loadErr(LoadFile(filepath.Join(dir, "missing.yaml"))))
	if p.File != filepath.Join(dir, "missing.yaml") || p.Msg != "no such file" {
		t.Errorf("missing file: %+v", p)
	}
	p = firstProblem(t, loadErr(LoadFile(dir)))
	if p.File != dir || p.Msg != "is a directory, not a file" {
		t.Errorf("directory: %+v", p)
	}
	// A sparse file past the cap is refused from its size, before reading.
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	p = firstProblem(t, loadErr(LoadFile(big)))
	if p.Msg != "file is larger than the 64 MiB limit; refused without reading it" {
		t.Errorf("oversized: %+v", p)
	}
}

func loadErr(_ *Model, err error) error { return err }

func TestArticleProblems(t *testing.T) {
	path := writeAnnotation(t, baseYAML(t), []byte("Weather row erupts\n\nAlice said: caf\xe9\n"))
	p := firstProblem(t, loadErr(LoadFile(path)))
	wantFile := filepath.Join(filepath.Dir(path), "article.txt")
	if p.File != wantFile || p.Pos != (Pos{3, 16}) || p.Msg != "the article is not valid UTF-8: byte 0xE9 cannot start or continue a character" {
		t.Errorf("non-UTF-8 article: %+v", p)
	}
	path = writeAnnotation(t, baseYAML(t), []byte(" \n\n"))
	p = firstProblem(t, loadErr(LoadFile(path)))
	wantFile = filepath.Join(filepath.Dir(path), "article.txt")
	if p.Pos != (Pos{3, 9}) || p.Msg != fmt.Sprintf("the article %q is empty", wantFile) {
		t.Errorf("empty article: %+v", p)
	}
}

// The article is found relative to the annotation, wherever the program runs.
func TestArticleRelativeToAnnotation(t *testing.T) {
	path := writeAnnotation(t, baseYAML(t), nil)
	sub := filepath.Join(filepath.Dir(path), "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("testdata/article.txt")
	if err := os.WriteFile(filepath.Join(sub, "a.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := strings.Replace(baseYAML(t), "file: article.txt", "file: sub/a.txt", 1)
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if m.Article.File != "sub/a.txt" || len(m.Claims) != 3 {
		t.Errorf("article %q, %d claims", m.Article.File, len(m.Claims))
	}
}

func TestByteOrderMarkAndCRLF(t *testing.T) {
	article, _ := os.ReadFile("testdata/article.txt")
	crlfArticle := []byte(strings.ReplaceAll(string(article), "\n", "\r\n"))
	crlfYAML := strings.ReplaceAll(baseYAML(t), "\n", "\r\n")
	rows := []struct {
		name    string
		yaml    string
		article []byte
	}{
		{"BOM", "\ufeff" + baseYAML(t), article},
		{"CRLF annotation", crlfYAML, article},
		{"CRLF article", baseYAML(t), crlfArticle},
		{"CRLF both, BOM", "\ufeff" + crlfYAML, crlfArticle},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			m, err := LoadFile(writeAnnotation(t, row.yaml, row.article))
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range m.Claims {
				if got := m.Article.Text[c.Span.Start:c.Span.End]; got != c.Passage() {
					t.Errorf("%s: span holds %q, want %q", c.ID, got, c.Passage())
				}
			}
			if c := m.Claim("b1"); c.Paragraph != 3 {
				t.Errorf("b1 paragraph %d, want 3", c.Paragraph)
			}
			if m.Article.Title != "Weather row erupts" {
				t.Errorf("title %q", m.Article.Title)
			}
		})
	}
}

func TestAliasesAreExpanded(t *testing.T) {
	yaml := strings.Replace(baseYAML(t), "topics: [sky, rain]", "topics: *both", 1)
	yaml = strings.Replace(yaml, "    topics: [sky]\n  - id: b1", "    topics: &both [sky, rain]\n  - id: b1", 1)
	m, err := Load("test.yaml", []byte(yaml), readTestdata)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(m.Claim("c1").Topics); got != 2 {
		t.Errorf("c1 has %d topics through the alias, want 2", got)
	}
}

// An alias that names a long list, used by thousands of entries ("billion
// laughs" in the shape of an annotation), is refused within the node budget.
func TestAliasBombIsRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("speakers:\n  - {id: s0, name: n, role: r, kind: person, aliases: &T [")
	for i := 0; i < 1000; i++ {
		b.WriteString("x, ")
	}
	b.WriteString("x]}\n")
	for i := 1; i <= 5000; i++ {
		fmt.Fprintf(&b, "  - {id: s%d, name: n, role: r, kind: person, aliases: *T}\n", i)
	}
	yaml := strings.Replace(baseYAML(t), "speakers:\n", b.String(), 1)
	_, ps := problemsOf(t, yaml)
	want := fmt.Sprintf("the document expands to more than %d values through its aliases; refusing to expand it further", nodeBudget(len(yaml)))
	if len(ps) != 1 || ps[0].Msg != want {
		t.Errorf("problems %v, want only %q", ps, want)
	}
}

// Thousands of problems are collected up to a cap, and the rest counted.
func TestProblemsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(baseYAML(t))
	b.WriteString("  - {from: a1, to: nothing, kind: rebuts, explicit: true}\n")
	for i := 0; i < 2500; i++ {
		fmt.Fprintf(&b, "  - {from: x%d, to: a1, kind: rebuts, explicit: true}\n", i)
	}
	_, ps := problemsOf(t, b.String())
	if len(ps) != maxProblems+1 {
		t.Fatalf("%d problems, want %d and a last word", len(ps), maxProblems+1)
	}
	last := ps[len(ps)-1]
	if last.Msg != "stopped after 1000 problems; 1501 more were not listed" {
		t.Errorf("last problem: %q", last.Msg)
	}
	le := &LoadError{Problems: ps}
	detail := le.Detail(3)
	if !strings.HasSuffix(detail, "… and 998 more problems not shown (1001 in all)\n") {
		t.Errorf("Detail(3) ends %q", detail[max(0, len(detail)-80):])
	}
}
