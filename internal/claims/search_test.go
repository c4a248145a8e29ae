package claims

import (
	"testing"

	"counterpoint/internal/synth"
)

// Words match whole words; only the last word of a search still being typed
// matches the start of one.
func TestSearchWholeWords(t *testing.T) {
	m := loadBundled(t)
	rows := []struct {
		search string
		typing bool
		want   string
	}{
		{"again", false, "lynton-not-caved"},
		{"again", true, "lynton-not-caved obama-proportional-response nk-never-tolerate nk-bear-in-mind"},
		{"again ", true, "lynton-not-caved"},
		{"agai", false, ""},
		{"movie again", false, "lynton-not-caved"},
		{"dont", false, "lynton-sequence-of-events lewis-covert-options"},
		{"DON’T", false, "lynton-sequence-of-events lewis-covert-options"},
		{"e-commerce", false, "lynton-no-distributor"},
		{"   ", false, ""},
	}
	for _, r := range rows {
		got := ids(m.Search(NewQuery(r.search, r.typing), nil))
		if r.search == "   " {
			if len(m.Search(NewQuery(r.search, false), nil)) != len(m.Claims) {
				t.Errorf("a blank search should pass every claim")
			}
			continue
		}
		if got != r.want {
			t.Errorf("search %q (typing %v): got %q, want %q", r.search, r.typing, got, r.want)
		}
		// The search through the one block and a claim at a time agree.
		var one []*Claim
		q := NewQuery(r.search, r.typing)
		for _, c := range m.Claims {
			if q.Matches(c) {
				one = append(one, c)
			}
		}
		if ids(one) != got {
			t.Errorf("search %q: the block finds %q, claim by claim %q", r.search, got, ids(one))
		}
	}
}

// Ranges marks exactly the words that match, in the text as written.
func TestSearchRanges(t *testing.T) {
	rows := []struct {
		search string
		typing bool
		text   string
		want   []string
	}{
		{"again", false, "against it, again and Again.", []string{"again", "Again"}},
		{"agai", true, "against it, again.", []string{"against", "again"}},
		{"dont", false, "I don’t know; they don't.", []string{"don’t", "don't"}},
		{"white house", false, "The White House (White-House).", []string{"White", "House", "White", "House"}},
		{"movie again", false, "I would make the movie again.", []string{"movie", "again"}},
		{"élan", false, "Son ÉLAN, élan.", []string{"ÉLAN", "élan"}},
		{"x", false, "", nil},
	}
	for _, r := range rows {
		var got []string
		for _, sp := range NewQuery(r.search, r.typing).Ranges(r.text) {
			got = append(got, r.text[sp.Start:sp.End])
		}
		if len(got) != len(r.want) {
			t.Errorf("%q in %q: got %q, want %q", r.search, r.text, got, r.want)
			continue
		}
		for i := range got {
			if got[i] != r.want[i] {
				t.Errorf("%q in %q: got %q, want %q", r.search, r.text, got, r.want)
				break
			}
		}
	}
}

func TestQueryNarrows(t *testing.T) {
	rows := []struct {
		prev, next string
		typing     bool
		want       bool
	}{
		{"whit", "white", true, true},
		{"white", "white h", true, true},
		{"white", "whites", false, false},
		{"white ", "white house", true, true},
		{"house", "white", true, false},
		{"", "white", true, false},
	}
	for _, r := range rows {
		if got := NewQuery(r.next, r.typing).Narrows(NewQuery(r.prev, r.typing)); got != r.want {
			t.Errorf("%q after %q: narrows %v, want %v", r.next, r.prev, got, r.want)
		}
	}
}

// The fast paths of a search (the one block, the initials, one letter
// typed, narrowing the last hits) find exactly what testing each claim
// finds, on a synthetic annotation too.
func TestSearchPathsAgree(t *testing.T) {
	for _, m := range []*Model{loadBundled(t), loadSynth(t, 3000)} {
		for _, s := range []string{"a", "h", "t", "9", "é", "wh", "the", "the w", "white house", "don", "dont", "movie again", "again", "x y"} {
			for _, typing := range []bool{false, true} {
				q := NewQuery(s, typing)
				var one []*Claim
				for _, c := range m.Claims {
					if q.Matches(c) {
						one = append(one, c)
					}
				}
				if got := m.Search(q, nil); ids(got) != ids(one) {
					t.Errorf("%q (typing %v): the search finds %d, claim by claim %d", s, typing, len(got), len(one))
				}
				if got := m.Search(q, m.Claims); ids(got) != ids(one) {
					t.Errorf("%q (typing %v): among all claims the search finds %d, claim by claim %d", s, typing, len(got), len(one))
				}
			}
		}
	}
}

func loadSynth(t *testing.T, n int) *Model {
	t.Helper()
	a := synth.Generate(n, 2)
	m, err := Load("synth.yaml", a.YAML, func(string) (string, []byte, error) { return "article.txt", a.Article, nil })
	if err != nil {
		t.Fatal(err)
	}
	return m
}
