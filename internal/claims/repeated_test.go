package claims

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The tests here cover one passage quoted by many claims: each place it
// occurs is looked for once, not once a claim.

const repeated = "The sky is green and the grass is blue today, said Alice, quite sure of it."

// repeatedPassage is an article that repeats one sentence n times, a
// paragraph each, and an annotation of n claims quoting it, the ith at its
// ith occurrence if occurrence, else without saying which.
func repeatedPassage(n int, occurrence bool) (yaml, article []byte) {
	var b strings.Builder
	b.WriteString("article:\n  title: t\n  file: article.txt\nspeakers:\n  - id: alice\n    name: Alice\n    role: Resident\n    kind: person\n")
	b.WriteString("topics:\n  - id: sky\n    label: the sky\nclaims:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: a%d\n    speaker: alice\n    mode: quote\n    text: %q\n    topics: [sky]\n", i, repeated)
		if occurrence {
			fmt.Fprintf(&b, "    occurrence: %d\n", i+1)
		}
	}
	return []byte(b.String()), []byte(strings.Repeat(repeated+"\n", n))
}

// Copies of a passage are found where the first is, with no search of
// their own: 2,000 copies of a sentence the article repeats 2,000 times
// once made findAll compare every copy at every repetition, give up, and
// leave the suffix array to list the 2,000 places 2,000 times.
func TestCopiesOfAPassageAreFoundOnce(t *testing.T) {
	const n = 2000
	text := strings.Repeat(repeated+"\n", n)
	passages := make([]string, n)
	want := make([]int, n)
	for i := range n {
		passages[i] = repeated
		want[i] = i * (len(repeated) + 1)
	}
	ix := newAnchorIndex(text)
	ix.findAll(passages)
	if !ix.known[0] {
		t.Error("findAll gave up")
	}
	for i, p := range passages {
		if got := ix.occurrencesOf(i, p); !slices.Equal(got, want) {
			t.Fatalf("copy %d found at %d places from %v, want %d from %v", i, len(got), got[:min(3, len(got))], len(want), want[:3])
		}
	}
	if ix.lookups != 0 {
		t.Errorf("%d searches of the suffix array, want 0", ix.lookups)
	}
}

// Where findAll gives up, the suffix array is asked once for each passage,
// however many copies of it there are.
func TestSuffixArrayIsAskedOnceAPassage(t *testing.T) {
	text := strings.Repeat("a", 1<<16)
	var passages []string
	for range 300 {
		passages = append(passages, strings.Repeat("a", 100), strings.Repeat("a", 50)+"b", "")
	}
	ix := newAnchorIndex(text)
	ix.findAll(passages)
	if slices.Contains(ix.known, true) {
		t.Fatal("findAll did not give up")
	}
	for i, p := range passages {
		got := ix.occurrencesOf(i, p)
		if want := map[int]int{0: 1<<16 - 99}[i%3]; len(got) != want {
			t.Fatalf("passage %d found at %d places, want %d", i, len(got), want)
		}
	}
	if ix.lookups != 2 { // the empty passage is asked of nobody
		t.Errorf("%d searches of the suffix array, want 2", ix.lookups)
	}
	findAllAgrees(t, text, passages)
}

// Claims that quote a passage the article repeats load, each at its
// occurrence; without one, each problem lists the first places only.
func TestManyClaimsQuotingOneRepeatedPassage(t *testing.T) {
	const n = 2000
	yaml, article := repeatedPassage(n, true)
	read := func(rel string) (string, []byte, error) { return rel, article, nil }
	m, err := Load("claims.yaml", yaml, read)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range m.Claims {
		if start := i * (len(repeated) + 1); c.Span != (Span{start, start + len(repeated)}) {
			t.Fatalf("claim %s at %+v, want from %d", c.ID, c.Span, start)
		}
	}

	yaml, article = repeatedPassage(n, false)
	_, err = Load("claims.yaml", yaml, read)
	p := firstProblem(t, err)
	var places []string
	for i := 1; i <= maxOccurrencesListed; i++ {
		places = append(places, fmt.Sprintf("¶%d", i))
	}
	want := fmt.Sprintf("add \"occurrence: N\" to the claim (1 to %d, in article order: %s, … and %d more), or quote a longer passage that occurs once",
		n, strings.Join(places, ", "), n-maxOccurrencesListed)
	if p.Pos != (Pos{16, 11}) || p.Msg != fmt.Sprintf("quote of claim \"a0\" occurs %d times in the article", n) || p.Fix != want {
		t.Errorf("problem %+v\nwant fix %s", p, want)
	}
}

// BenchmarkLoadRepeatedPassage loads n claims quoting one sentence that the
// article repeats n times: once 8 s at 40,000, quadratic in n.
//
//	go test ./internal/claims -run '^$' -bench BenchmarkLoadRepeatedPassage -benchtime=3x
func BenchmarkLoadRepeatedPassage(b *testing.B) {
	for _, n := range []int{4000, 40_000} {
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			yaml, article := repeatedPassage(n, true)
			benchmarkLoad(b, yaml, article)
		})
	}
}
