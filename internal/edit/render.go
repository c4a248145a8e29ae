package edit

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"counterpoint/internal/claims"
)

// How new values are written: a scalar plain when no reader could take it
// for anything else, double-quoted otherwise; lists in flow style. The rule
// for plain is conservative on purpose: a value that needs thought is
// quoted, and a quoted value is never wrong.

// flowList writes a list of values as `[a, b]`.
func flowList(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		if plainOK(v, true) {
			out[i] = v
		} else {
			out[i] = quoteYAML(v)
		}
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// reserved are the plain scalars YAML reads as something other than text.
var reserved = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true,
	"y": true, "n": true, "null": true, "~": true,
}

// plainOK reports whether s reads back as itself when written plain: it
// starts with a letter, holds only printable characters, nothing that
// starts a comment or a mapping, and is no word YAML reads as a boolean or
// null; inFlow also keeps out the flow indicators.
func plainOK(s string, inFlow bool) bool {
	if s == "" || reserved[strings.ToLower(s)] || !utf8.ValidString(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(first) {
		return false
	}
	if strings.HasSuffix(s, " ") || strings.HasSuffix(s, ":") || strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	if inFlow && strings.ContainsAny(s, ",[]{}:#\"'") {
		return false
	}
	for _, r := range s {
		if r != ' ' && (!unicode.IsPrint(r) || r == 0xfeff) {
			return false
		}
	}
	return true
}

// quoteYAML is the format's quoting, the draft's too (claims.QuoteYAML).
func quoteYAML(s string) string { return claims.QuoteYAML(s) }

// slug makes an id from the first words of text: lower-case letters and
// digits joined by '-', at most five words and 40 bytes; fallback when no
// word has an ASCII letter or digit.
func slug(text, fallback string) string {
	var words []string
	// An apostrophe joins its word ("president's" is one word, not two).
	text = strings.NewReplacer("'", "", "’", "").Replace(text)
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}) {
		words = append(words, w)
		if len(words) == 5 {
			break
		}
	}
	s := strings.Join(words, "-")
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	if s == "" {
		return fallback
	}
	return s
}

// uniqueID returns base, or base-2, base-3… the first that taken refuses.
func uniqueID(base string, taken func(string) bool) string {
	if !taken(base) {
		return base
	}
	for n := 2; ; n++ {
		if id := base + "-" + strconv.Itoa(n); !taken(id) {
			return id
		}
	}
}

// kv is one field to write: its key and its value, a string, a list of
// strings, a bool or an int.
type kv struct {
	key string
	val any
}

// render writes the value, for a block mapping or, inFlow, a flow mapping.
func (f kv) render(inFlow bool) string {
	switch v := f.val.(type) {
	case string:
		if plainOK(v, inFlow) {
			return v
		}
		return quoteYAML(v)
	case []string:
		return flowList(v)
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	}
	panic(fmt.Sprintf("edit: no way to write a %T", f.val))
}

// style is how a section writes its items: the dash's column, the keys'
// column, and whether items are set apart by a blank line.
type style struct {
	dash, key int
	blank     bool
	flow      bool // items are flow mappings, one a line
}

// renderItem writes an item in the section's style, with a newline at the end.
func renderItem(st style, fields []kv) string {
	var b strings.Builder
	if st.flow {
		b.WriteString(strings.Repeat(" ", st.dash) + "- {")
		for i, f := range fields {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(f.key + ": " + f.render(true))
		}
		b.WriteString("}\n")
		return b.String()
	}
	for i, f := range fields {
		if i == 0 {
			b.WriteString(strings.Repeat(" ", st.dash) + "-" + strings.Repeat(" ", st.key-st.dash-1))
		} else {
			b.WriteString(strings.Repeat(" ", st.key))
		}
		b.WriteString(renderField(f))
	}
	return b.String()
}

// renderField writes `key: value` and its newline.
func renderField(f kv) string { return f.key + ": " + f.render(false) + "\n" }
