package synth_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"counterpoint/internal/claims"
	"counterpoint/internal/synth"
)

func load(t testing.TB, a synth.Annotation) *claims.Model {
	t.Helper()
	m, err := claims.Load("synth.yaml", a.YAML, func(rel string) (string, []byte, error) {
		if rel != synth.ArticleFile {
			t.Errorf("the annotation names its article %q, want %q", rel, synth.ArticleFile)
		}
		return rel, a.Article, nil
	})
	if err != nil {
		var le *claims.LoadError
		if e, ok := err.(*claims.LoadError); ok {
			le = e
		}
		if le != nil {
			t.Fatalf("does not load:\n%s", le.Detail(10))
		}
		t.Fatal(err)
	}
	return m
}

func TestSameSeedSameBytes(t *testing.T) {
	a, b := synth.Generate(300, 7), synth.Generate(300, 7)
	if !bytes.Equal(a.YAML, b.YAML) || !bytes.Equal(a.Article, b.Article) {
		t.Error("two annotations of the same size and seed differ")
	}
	c := synth.Generate(300, 8)
	if bytes.Equal(a.YAML, c.YAML) || bytes.Equal(a.Article, c.Article) {
		t.Error("annotations of different seeds are the same")
	}
}

func TestLoadsWithoutProblems(t *testing.T) {
	for _, n := range []int{1, 2, 5, 20, 21, 39, 1000} {
		for seed := range int64(3) {
			m := load(t, synth.Generate(n, seed))
			if len(m.Claims) != n {
				t.Errorf("n=%d seed=%d: %d claims", n, seed, len(m.Claims))
			}
			if len(m.Speakers) != synth.SpeakerCount(n) {
				t.Errorf("n=%d seed=%d: %d speakers, want %d", n, seed, len(m.Speakers), synth.SpeakerCount(n))
			}
			if len(m.Topics) != synth.TopicCount {
				t.Errorf("n=%d seed=%d: %d topics", n, seed, len(m.Topics))
			}
		}
	}
}

func TestShape(t *testing.T) {
	for _, n := range []int{20, 1000} {
		a := synth.Generate(n, 1)
		m := load(t, a)
		if got, want := len(m.Speakers), max(2, n/20); got != want {
			t.Errorf("n=%d: %d speakers, want %d", n, got, want)
		}
		perClaim := float64(len(m.Relations)) / float64(len(m.Claims))
		if perClaim < 2 || perClaim > 3 {
			t.Errorf("n=%d: %.2f relations per claim, want 2 to 3", n, perClaim)
		}
		if !hasCycle(m) {
			t.Errorf("n=%d: no relation cycle", n)
		}
		longest := 0
		for _, c := range m.Claims {
			longest = max(longest, len(m.Exchange(c).Claims))
		}
		if longest < 20 {
			t.Errorf("n=%d: the longest exchange has %d claims, want 20 or more", n, longest)
		}
		var quotes, paraphrases, relayed, occurrences int
		for _, c := range m.Claims {
			switch c.Mode {
			case claims.ModeQuote:
				quotes++
				if w := len(strings.Fields(c.Text)); w < 10 || w > 40 {
					t.Errorf("n=%d: quote %s has %d words: %q", n, c.ID, w, c.Text)
				}
			case claims.ModeParaphrase:
				paraphrases++
				if m.Article.Text[c.Span.Start:c.Span.End] != c.Source {
					t.Errorf("n=%d: paraphrase %s is not anchored at its source", n, c.ID)
				}
			}
			if c.ReportedBy != nil {
				relayed++
			}
			if c.Occurrence > 0 {
				occurrences++
			}
		}
		if quotes == 0 || paraphrases == 0 || relayed == 0 {
			t.Errorf("n=%d: %d quotes, %d paraphrases, %d relayed claims; want some of each", n, quotes, paraphrases, relayed)
		}
		if n >= 1000 && occurrences == 0 {
			t.Errorf("n=%d: no passage repeated with an occurrence", n)
		}
	}
}

// hasCycle reports whether following answers from claim to claim can come
// back to where it started.
func hasCycle(m *claims.Model) bool {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[*claims.Claim]int{}
	var visit func(c *claims.Claim) bool
	visit = func(c *claims.Claim) bool {
		state[c] = onPath
		for _, r := range m.Answering(c) {
			switch state[r.To] {
			case onPath:
				return true
			case unseen:
				if visit(r.To) {
					return true
				}
			}
		}
		state[c] = done
		return false
	}
	for _, c := range m.Claims {
		if state[c] == unseen && visit(c) {
			return true
		}
	}
	return false
}

func TestNonASCII(t *testing.T) {
	a := synth.Generate(1, 1)
	if !strings.Contains(string(a.Article), "“") || !strings.Contains(string(a.YAML), "ö") {
		t.Error("a one-claim annotation has no curly quote in its article or no accented name")
	}
	a = synth.Generate(1000, 1)
	article := string(a.Article)
	for _, want := range []string{"“", "”", "’", "é", "王秀英", "💪"} {
		if !strings.Contains(article, want) {
			t.Errorf("the article of 1000 claims has no %q", want)
		}
	}
	if !utf8.Valid(a.YAML) || !utf8.Valid(a.Article) {
		t.Error("not UTF-8")
	}
}

func TestLargestStaysUnderTheLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 100,000 claims")
	}
	a := synth.Generate(100_000, 1)
	if len(a.YAML) > claims.MaxFileSize || len(a.Article) > claims.MaxFileSize {
		t.Errorf("100,000 claims make %d bytes of YAML and %d of article; the loader refuses more than %d", len(a.YAML), len(a.Article), claims.MaxFileSize)
	}
}

func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		synth.Generate(100_000, 1)
	}
}
