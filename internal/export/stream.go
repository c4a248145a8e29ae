package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"

	"counterpoint/internal/claims"
)

// WriteDocument writes the model as `counterpoint export --format json` does:
// the bytes WriteJSON(w, NewDocument(m)) would write, but a speaker, claim
// or relation at a time, so that the export of 100,000 claims does not hold
// a copy of the model and the whole JSON text in memory besides the model
// (that took its peak memory from about 350 to 650 MB).
func WriteDocument(w io.Writer, m *claims.Model) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	s := &docStream{w: bw}
	a := m.Article
	s.raw("{\n")
	// The article's text is written a piece at a time: whole, it would be a
	// buffer as large as the article (18 MB at 100,000 claims), doubled as
	// it grows.
	s.key("article", false)
	s.raw("{\n")
	for i, f := range []struct{ name, value string }{
		{"title", a.Title}, {"text", a.Text}, {"file", a.File},
		{"publisher", a.Publisher}, {"url", a.URL}, {"published", a.Published},
	} {
		if i > 0 {
			s.raw(",\n")
		}
		s.raw(`    "` + f.name + `": `)
		s.text(f.value)
	}
	s.raw("\n  }")
	s.list("speakers", len(m.Speakers), func(i int) any {
		sp := m.Speakers[i]
		aliases := sp.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		return Speaker{ID: sp.ID, Name: sp.Name, Role: sp.Role, Kind: sp.Kind, Aliases: aliases,
			Affiliation: sp.Affiliation, Principal: sp.Principal}
	})
	s.list("topics", len(m.Topics), func(i int) any {
		t := m.Topics[i]
		return Topic{ID: t.ID, Label: t.Label, Description: t.Description}
	})
	s.list("claims", len(m.Claims), func(i int) any { return ClaimsOf(m, m.Claims[i:i+1])[0] })
	s.list("relations", len(m.Relations), func(i int) any { return RelationOf(m.Relations[i]) })
	s.raw("\n}\n")
	if s.err != nil {
		return s.err
	}
	return bw.Flush()
}

// docStream writes the parts of a document with the indentation that
// json.Encoder with SetIndent("", "  ") gives the whole.
type docStream struct {
	w   *bufio.Writer
	buf bytes.Buffer
	ind []byte // buf indented
	err error
}

func (s *docStream) raw(text string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(text)
	}
}

// value writes v encoded as a part indented by prefix, with the invisible
// characters escaped as WriteJSON escapes them.
func (s *docStream) value(v any, prefix string) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	enc := json.NewEncoder(&s.buf)
	enc.SetEscapeHTML(false)
	if s.err = enc.Encode(v); s.err != nil {
		return
	}
	s.ind = indent(s.ind[:0], bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")), prefix, "  ")
	_, s.err = s.w.Write(escapeInvisible(s.ind))
}

// indent appends compact JSON src to dst indented as json.Indent indents
// it: json.Indent's general scanner was a third of the export's time. src
// is an encoder's output, with no space outside strings.
func indent(dst, src []byte, prefix, step string) []byte {
	depth := 0
	open := false // just after "{" or "[": a newline is due unless it closes
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, step...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			newline()
		}
		switch c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			depth++
			open = true
		case '}', ']':
			depth--
			if open {
				open = false
			} else {
				newline()
			}
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// text writes a JSON string a piece of at most 64 KiB at a time. JSON
// escapes character by character, so the pieces, cut between characters,
// escape to the same text as the whole.
func (s *docStream) text(v string) {
	s.raw(`"`)
	for len(v) > 0 && s.err == nil {
		n := min(len(v), 64<<10)
		for n < len(v) && !utf8.RuneStart(v[n]) {
			n--
		}
		s.buf.Reset()
		enc := json.NewEncoder(&s.buf)
		enc.SetEscapeHTML(false)
		if s.err = enc.Encode(v[:n]); s.err != nil {
			return
		}
		piece := bytes.TrimSuffix(s.buf.Bytes(), []byte("\n"))
		_, s.err = s.w.Write(escapeInvisible(piece[1 : len(piece)-1]))
		v = v[n:]
	}
	s.raw(`"`)
}

func (s *docStream) key(name string, comma bool) {
	if comma {
		s.raw(",\n")
	}
	s.raw(`  "` + name + `": `)
}

// list writes a field holding n elements, each made by item.
func (s *docStream) list(name string, n int, item func(int) any) {
	s.key(name, true)
	if n == 0 {
		s.raw("[]")
		return
	}
	s.raw("[\n")
	for i := range n {
		if i > 0 {
			s.raw(",\n")
		}
		s.raw("    ")
		s.value(item(i), "    ")
	}
	s.raw("\n  ]")
}
