package claims

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalisationFix explains a passage that is in the article only in another
// Unicode normalisation: "café" typed as e and a combining acute (NFD)
// against the article's é (NFC), which look the same. The first character
// that differs is named in both forms. It returns "" when no normalisation
// of the passage occurs either.
func normalisationFix(m *Model, ix *anchorIndex, passage string) string {
	for _, form := range []struct {
		f    norm.Form
		name string
	}{{norm.NFC, "NFC"}, {norm.NFD, "NFD"}} {
		p := form.f.String(passage)
		if p == passage {
			continue
		}
		at := ix.occurrences(p, 1)
		if len(at) == 0 {
			continue
		}
		text := m.Article.Text
		// The first character (a base and its marks) that differs.
		i, j := 0, at[0]
		for i < len(passage) && j < len(text) {
			a, b := character(passage[i:]), character(text[j:])
			if a != b {
				return fmt.Sprintf("the passage is in the article (¶%d) in another Unicode normalisation (%s), which looks the same: "+
					"they differ at character %d: the annotation has %s, the article has %s\n"+
					"copy the passage from the article, or save the annotation in %s normalisation",
					m.Article.paragraphAt(at[0]), form.name, 1+utf8.RuneCountInString(passage[:i]),
					describeChars(a), describeChars(b), form.name)
			}
			i, j = i+len(a), j+len(b)
		}
	}
	return ""
}

// character is the first character of s: a rune and the combining marks
// after it.
func character(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	for n < len(s) {
		r, k := utf8.DecodeRuneInString(s[n:])
		if !unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) {
			break
		}
		n += k
	}
	return s[:n]
}

// describeChars names the runes of a character: "e" (U+0065) + U+0301.
func describeChars(c string) string {
	var b strings.Builder
	b.WriteString(fmt.Sprintf("%q (", c))
	for k, r := range []rune(c) {
		if k > 0 {
			b.WriteString(" + ")
		}
		fmt.Fprintf(&b, "U+%04X", r)
	}
	b.WriteString(")")
	return b.String()
}
