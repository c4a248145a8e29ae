package export

import (
	"slices"
	"testing"
)

func TestWrapWords(t *testing.T) {
	tests := []struct {
		s     string
		limit int
		want  []string
	}{
		{"", 10, []string{""}},
		{"one", 10, []string{"one"}},
		{"one two three", 7, []string{"one two", "three"}},
		{"one two three", 8, []string{"one two", "three"}},
		{"one two three", 13, []string{"one two three"}},
		// a hyphen is not a breakpoint: ids stay whole
		{"see [hackers-not-in-any-form] now", 12, []string{"see", "[hackers-not-in-any-form]", "now"}},
		// a word wider than the limit stands alone, never cut
		{"a abcdefghijkl b", 5, []string{"a", "abcdefghijkl", "b"}},
		// runs of spaces are kept inside a line and dropped at a break
		{"a  b   c", 4, []string{"a  b", "c"}},
		{"  lead trail  ", 20, []string{"lead trail"}},
		// width counts columns, not bytes: “ and ¶ are one column each
		{"“ab” ¶12 cd", 8, []string{"“ab” ¶12", "cd"}},
		// wide characters count two columns
		{"日本 語", 4, []string{"日本", "語"}},
	}
	for _, tt := range tests {
		if got := WrapWords(tt.s, tt.limit); !slices.Equal(got, tt.want) {
			t.Errorf("WrapWords(%q, %d) = %q, want %q", tt.s, tt.limit, got, tt.want)
		}
	}
}
