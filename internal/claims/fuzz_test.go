package claims

import (
	"errors"
	"strings"
	"testing"
)

// FuzzLoad feeds the loader arbitrary bytes as an annotation (over the test
// articles). Whatever the input, it returns a sound model or a *LoadError
// listing problems at positions inside the file, and never panics.
func FuzzLoad(f *testing.F) {
	// The seed corpus is in testdata/fuzz/FuzzLoad: the test annotations and
	// broken variants of them, one per kind of problem.
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load("fuzz.yaml", data, readTestdata)
		if err != nil {
			if m != nil {
				t.Fatal("a model and an error at once")
			}
			var le *LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("error %v is not a LoadError with problems", err)
			}
			// YAML breaks lines at \r\n, \n and a lone \r alike.
			lines := strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") +
				strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r") + 1
			for _, p := range le.Problems {
				if p.Msg == "" {
					t.Fatal("a problem without a message")
				}
				if p.File == "fuzz.yaml" && (p.Pos.Line < 0 || p.Pos.Line > lines+1 || p.Pos.Col < 0) {
					t.Fatalf("problem at %v outside a file of %d lines: %s", p.Pos, lines, p.Msg)
				}
			}
			return
		}
		for _, c := range m.Claims {
			if m.Article.Text[c.Span.Start:c.Span.End] != c.Passage() {
				t.Fatalf("claim %s: span does not hold its passage", c.ID)
			}
			if c.Speaker == nil || len(c.Topics) == 0 {
				t.Fatalf("claim %s loaded without speaker or topics", c.ID)
			}
		}
		for _, r := range m.Relations {
			if r.From == r.To {
				t.Fatal("a relation from a claim to itself loaded")
			}
		}
	})
}
