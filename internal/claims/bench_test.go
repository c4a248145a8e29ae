package claims

import (
	"fmt"
	"os"
	"testing"

	"counterpoint/internal/synth"
)

// BenchmarkLoad measures what a person waits on when they open an
// annotation: reading it from bytes, decoding, anchoring every passage and
// validating the whole. The inputs are made before the timer starts.
//
// The budget: 100,000 claims load in under a second, and ten times the
// claims take at most twelve times as long (compare 1,000 with 10,000, and
// 10,000 with 100,000). Timings on a shared machine wander; take several:
//
//	go test ./internal/claims -run '^$' -bench BenchmarkLoad -benchtime=3x -count=5
func BenchmarkLoad(b *testing.B) {
	b.Run("claims=bundled", func(b *testing.B) {
		yaml, err := os.ReadFile("../../assets/claims.yaml")
		if err != nil {
			b.Fatal(err)
		}
		article, err := os.ReadFile("../../assets/article.txt")
		if err != nil {
			b.Fatal(err)
		}
		benchmarkLoad(b, yaml, article)
	})
	for _, n := range []int{1000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			a := synth.Generate(n, 1)
			benchmarkLoad(b, a.YAML, a.Article)
		})
	}
}

func benchmarkLoad(b *testing.B, yaml, article []byte) {
	read := func(rel string) (string, []byte, error) { return rel, article, nil }
	b.SetBytes(int64(len(yaml) + len(article)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("claims.yaml", yaml, read); err != nil {
			b.Fatal(err)
		}
	}
}
