package claims

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNearest(t *testing.T) {
	const text = "He said: “I don’t know.” Then: \"We have not caved.\" And more."
	ix := newAnchorIndex(text)
	rows := []struct {
		name, passage, nearest string
		diffAt                 int // byte offset in the passage
	}{
		{"straight for curly apostrophe", "I don't know.", "I don’t know.", 5},
		{"wrong last word", "We have not fled.", "We have not caved", 12},
		{"wrong first word, aligned on the rest", "You have not caved.", "\"We have not caved.", 0},
		{"longer than the article's passage", "And more. Much more.", "And more.", 9},
		{"case differs", "we have not caved.", "We have not caved.", 0},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			miss, ok := ix.nearest(row.passage)
			if !ok {
				t.Fatal("no near miss found")
			}
			if got := text[miss.start:miss.end]; got != row.nearest {
				t.Errorf("nearest %q, want %q", got, row.nearest)
			}
			if miss.diffAt != row.diffAt {
				t.Errorf("differs at %d, want %d", miss.diffAt, row.diffAt)
			}
		})
	}
	if _, ok := ix.nearest("zzzz"); ok {
		t.Error("a passage sharing nothing with the article has a near miss")
	}
}

func TestParagraphs(t *testing.T) {
	text := "Title\n\nOne\r\nTwo\n\n\nThree"
	a := Article{Text: text, paraStarts: paragraphStarts(text)}
	for off, want := range map[int]int{0: 1, 4: 1, 7: 2, 12: 3, 17: 3, 18: 4, len(text) - 1: 4} {
		if got := a.paragraphAt(off); got != want {
			t.Errorf("paragraphAt(%d) = %d, want %d", off, got, want)
		}
	}
}

func TestLineCol(t *testing.T) {
	text := "ab\nçd\ne"
	for off, want := range map[int]Pos{0: {1, 1}, 2: {1, 3}, 3: {2, 1}, 5: {2, 2}, 7: {3, 1}} {
		if got := lineCol(text, off); got != want {
			t.Errorf("lineCol(%d) = %v, want %v", off, got, want)
		}
	}
}

// FuzzAnchor checks that a found passage is always exactly the passage, and
// that a near miss always lies inside the article at character boundaries.
func FuzzAnchor(f *testing.F) {
	f.Add("He said “no”. He said \"no\".", "\"no\"")
	f.Add("aaaa", "aa")
	f.Add("I don’t know", "I don't know")
	f.Add("é", "e\u0301")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, text, passage string) {
		if !utf8.ValidString(text) || !utf8.ValidString(passage) {
			return // the loader refuses such input before anchoring
		}
		ix := newAnchorIndex(text)
		starts := ix.occurrences(passage, -1)
		if passage != "" && len(starts) != strings.Count(text, passage) && !overlaps(passage) {
			t.Fatalf("%d occurrences, strings.Count says %d", len(starts), strings.Count(text, passage))
		}
		for i, s := range starts {
			if text[s:s+len(passage)] != passage {
				t.Fatalf("occurrence at %d does not hold the passage", s)
			}
			if i > 0 && starts[i-1] >= s {
				t.Fatal("occurrences not in text order")
			}
		}
		if len(starts) > 0 {
			return
		}
		miss, ok := ix.nearest(passage)
		if !ok {
			return
		}
		if miss.start < 0 || miss.end > len(text) || miss.start > miss.end || !utf8.ValidString(text[miss.start:miss.end]) {
			t.Fatalf("near miss [%d,%d) outside the article or splitting a character", miss.start, miss.end)
		}
		if miss.diffAt < 0 || miss.diffAt > len(passage) || !utf8.RuneStart(passage[min(miss.diffAt, len(passage)-1)]) {
			t.Fatalf("difference at %d is not a character of the passage", miss.diffAt)
		}
	})
}

// overlaps reports whether the passage can overlap itself (as "aa" in
// "aaa"), where strings.Count counts fewer occurrences than exist.
func overlaps(p string) bool {
	for k := 1; k < len(p); k++ {
		if strings.HasPrefix(p, p[k:]) {
			return true
		}
	}
	return false
}

func TestExcerpt(t *testing.T) {
	short := "I don’t know."
	if got := excerpt(short, 3); got != `"I don’t know."` {
		t.Errorf("short: %s", got)
	}
	long := strings.Repeat("alpha ", 30) + "HERE" + strings.Repeat(" omega", 30)
	at := strings.Index(long, "HERE")
	got := excerpt(long, at)
	want := `…"` + strings.Repeat("alpha ", 11) + "HERE" + strings.Repeat(" omega", 14) + `"…`
	if got != want {
		t.Errorf("long:\n got %s\nwant %s", got, want)
	}
	if got := excerpt("a\x1bb", 0); got != `"a\x1bb"` {
		t.Errorf("control characters: %s", got)
	}
}
