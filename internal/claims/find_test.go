package claims

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"counterpoint/internal/synth"
)

// findAllAgrees checks that findAll finds each passage where the suffix
// array does, or leaves it to the suffix array.
func findAllAgrees(t *testing.T, text string, passages []string) {
	t.Helper()
	ix := newAnchorIndex(text)
	ix.findAll(passages)
	sa := newAnchorIndex(text)
	for i, p := range passages {
		got, want := ix.occurrencesOf(i, p), sa.occurrences(p, -1)
		if !slices.Equal(got, want) {
			t.Fatalf("passage %d %q: found at %v, the suffix array says %v", i, p, got, want)
		}
	}
}

func synthPassages(n int, seed int64) (string, []string) {
	a := synth.Generate(n, seed)
	raw := decodeFast(string(a.YAML))
	var passages []string
	for _, r := range raw.Claims {
		if r.Mode.V == ModeParaphrase {
			passages = append(passages, r.Source.V)
		} else {
			passages = append(passages, r.Text.V)
		}
	}
	return string(a.Article), passages
}

func TestFindAllFindsWhatTheSuffixArrayFinds(t *testing.T) {
	text, passages := synthPassages(2000, 3)
	// and some that are not there, cut short, overlapping or repeated
	passages = append(passages, "", "x", "the", "They", text[:40], text[len(text)-40:], text[100:300], text[100:140],
		passages[0], passages[1]+" and more", strings.Repeat("ab", 30))
	findAllAgrees(t, text, passages)

	rows := []struct {
		name, text string
		passages   []string
	}{
		{"overlapping", strings.Repeat("a", 200), []string{strings.Repeat("a", 8), strings.Repeat("a", 40), strings.Repeat("a", 64), strings.Repeat("a", 65), "aaa"}},
		{"shared beginnings", strings.Repeat("We have not caved in any way at all, said the studio. ", 30) + "We have not caved in any way at all, said the studio chief. ",
			[]string{"We have not caved in any way at all, said the studio.", "We have not caved in any way at all, said the studio chief.",
				"We have not caved in any way at all, said the studio chief", "We have not caved in any way at all", "We have not caved in any way at all, said"}},
		{"short and tiny", "He said “no”. He said \"no\". No, no.", []string{"\"no\"", "“no”", "no", "He said", "He said “no”.", "o"}},
		{"at the end", "the last words of the article", []string{"of the article", "the article!", "article", "the last words of the article"}},
		{"many tiny", "abcdefghijklmnopqrstuvwxyz", strings.Split("a b c d e f g h i j k l m n o p q r s t u v w x y z", " ")},
	}
	// more passages sharing their beginning than a leaf holds, of every
	// length around the chunks'
	stock := "Nobody consulted us about any of this, nobody at all. "
	var shared []string
	var article strings.Builder
	for n := 20; n < 140; n += 3 {
		p := (stock + stock + stock)[:n]
		shared = append(shared, p, p+"!")
		if n%2 == 0 {
			article.WriteString(p + "! ")
		}
	}
	article.WriteString(stock + stock)
	rows = append(rows, struct {
		name, text string
		passages   []string
	}{"deep trie", article.String(), shared})
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) { findAllAgrees(t, row.text, row.passages) })
	}
}

// An article of a megabyte or more is read in parts at once; passages that
// straddle two parts, and passages that occur in several, are found all the
// same.
func TestFindAllInParts(t *testing.T) {
	text, passages := synthPassages(7000, 4)
	if len(text) < 1<<20 {
		t.Fatalf("the article has %d bytes, not enough to be read in parts", len(text))
	}
	for i := 1; i < 4; i++ {
		mid := len(text) * i / 4
		passages = append(passages, text[mid-20:mid+20], text[mid-1:mid+40], text[mid:mid+33], text[mid:mid+9])
	}
	passages = append(passages, "The studio did nothing wrong.", "Frankly, the studio")
	findAllAgrees(t, text, passages)
}

// A passage repeated at every position of a long run of the same letter
// makes findAll give up, and the suffix array answer.
func TestFindAllGivesUp(t *testing.T) {
	text := strings.Repeat("a", 1<<16)
	var passages []string
	for n := 8; n < 2000; n++ {
		passages = append(passages, strings.Repeat("a", n)+"b")
	}
	passages = append(passages, strings.Repeat("a", 100))
	ix := newAnchorIndex(text)
	ix.findAll(passages)
	if slices.Contains(ix.known, true) {
		t.Error("findAll did not give up")
	}
	findAllAgrees(t, text, passages)
}

func FuzzFindAll(f *testing.F) {
	f.Add("He said “no”. He said \"no\". And he said no, no, no again and again.", "He said", "said \"no\". And he said no, no, no again")
	f.Add(strings.Repeat("ab", 40), strings.Repeat("ab", 17), strings.Repeat("ab", 16)+"a")
	f.Fuzz(func(t *testing.T, text, p1, p2 string) {
		if !utf8.ValidString(text) {
			return
		}
		passages := []string{p1, p2}
		for i := 0; i+3 < len(text); i += 7 {
			passages = append(passages, text[i:min(len(text), i+3+i%70)])
		}
		findAllAgrees(t, text, passages)
	})
}
