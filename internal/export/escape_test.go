package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// BenchmarkEscapeInvisible is the export's last pass over its own output:
// mostly ASCII, some accented letters, a bidi override now and then.
func BenchmarkEscapeInvisible(b *testing.B) {
	text := []byte(strings.Repeat(`{"text":"Sony’s chief said the studio had not caved in, café","x":1}`, 20000) + "\u202e")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		escapeInvisible(text)
	}
}

// URLs and email addresses in an annotation's text are set in code spans,
// where GitHub's Markdown makes no link: bare https://…, www.… and a@b.org
// were links, nine of them to an attacker's site in one listing.
func TestMarkdownURLsAreInert(t *testing.T) {
	for in, want := range map[string]string{
		"see https://evil.example/x?a=1 now":     "see `https://evil.example/x?a=1` now",
		"at www.evil.example, or":                "at `www.evil.example,` or",
		"mail bad@evil.example.":                 "mail `bad@evil.example`.",
		"HTTP://EVIL.EXAMPLE":                    "`HTTP://EVIL.EXAMPLE`",
		"a `tick` https://e.example/`x`":         "a \\`tick\\` `` https://e.example/`x` ``",
		"no link: *bold* [x](y)":                 "no link: \\*bold\\* \\[x\\](y)",
		"javascript:alert(1) mailto:x@y.example": "javascript:alert(1) `mailto:x@y.example`",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// Markdown keeps every script as written: it was नमस<U+094D>ते.
func TestMarkdownKeepsScripts(t *testing.T) {
	for _, in := range []string{"नमस्ते दुनिया", "வணக்கம்", "น้ำ", "\u1100\u1161\u11a8"} {
		if got := mdEscape(in); got != in {
			t.Errorf("mdEscape(%+q) = %+q", in, got)
		}
	}
}

// indent indents as json.Indent does, which it replaces for speed.
func TestIndentMatchesJSONIndent(t *testing.T) {
	for _, v := range []any{
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{1, "x", nil, true}},
		[]any{map[string]any{"k": "v \"quoted\" \\ back\\slash, {not} [json]: here"}, []any{[]any{}}},
		"plain", 42, nil, map[string]any{"nested": map[string]any{"deeper": []any{map[string]any{"x": "\u202e\x1b"}}}},
		Claim{ID: "a", Topics: []string{}, Span: Span{1, 2}},
	} {
		compact, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, prefix := range []string{"", "    "} {
			var want bytes.Buffer
			if err := json.Indent(&want, compact, prefix, "  "); err != nil {
				t.Fatal(err)
			}
			if got := indent(nil, compact, prefix, "  "); string(got) != want.String() {
				t.Errorf("indent(%s, %q):\n%s\nwant\n%s", compact, prefix, got, want.String())
			}
		}
	}
}
