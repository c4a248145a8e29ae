package claims

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Writing values in the format, for what writes annotations: the drafter
// (internal/draft) and the editor (internal/edit) quote alike, so that an
// edited draft reads as the draft did.

// QuoteYAML writes s as a double-quoted YAML scalar on one line: \ and "
// escaped, and every character that is not printable (controls, line and
// paragraph separators, format characters, the byte order mark) written
// as an escape, so that the value reads back byte for byte.
func QuoteYAML(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "\\x%02X", s[i]) // not reached: annotations are UTF-8
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, "\\x%02X", r)
		case r == ' ' || r < 0x7f:
			b.WriteRune(r)
		case !unicode.IsPrint(r) || r == 0xfeff:
			if r > 0xffff {
				fmt.Fprintf(&b, "\\U%08X", r)
			} else {
				fmt.Fprintf(&b, "\\u%04X", r)
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}
