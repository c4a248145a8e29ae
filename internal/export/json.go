// Package export writes a claims model out: the JSON export of the whole
// model, and listings of claims as text, JSON or Markdown.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"counterpoint/internal/claims"
)

// The JSON shapes below are a published format: fields may be added, none
// renamed. Every field is always present (empty when the annotation leaves
// it out), so that consumers need no special cases.

// Document is the whole model as `counterpoint export --format json` writes it.
type Document struct {
	Article   Article    `json:"article"`
	Speakers  []Speaker  `json:"speakers"`
	Topics    []Topic    `json:"topics"`
	Claims    []Claim    `json:"claims"`
	Relations []Relation `json:"relations"`
}

// Article is the article with its text, byte for byte.
type Article struct {
	Title     string `json:"title"`
	Text      string `json:"text"`
	File      string `json:"file"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Published string `json:"published"`
}

// Speaker is one speaker.
type Speaker struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Role        string   `json:"role"`
	Kind        string   `json:"kind"`
	Aliases     []string `json:"aliases"`
	Affiliation string   `json:"affiliation"`
	Principal   bool     `json:"principal"`
}

// Topic is one topic.
type Topic struct {
	ID          string `json:"id"`
	Label       string `json:"label"`
	Description string `json:"description"`
}

// Span is a byte range of article.text, end excluded.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Claim is one claim with its resolved span.
type Claim struct {
	ID         string   `json:"id"`
	Speaker    string   `json:"speaker"`
	Mode       string   `json:"mode"`
	Text       string   `json:"text"`
	Summary    string   `json:"summary"`
	Topics     []string `json:"topics"`
	Span       Span     `json:"span"`
	Paragraph  int      `json:"paragraph"`
	Venue      string   `json:"venue"`
	When       string   `json:"when"`
	ReportedBy string   `json:"reported_by"`
	// Source is the passage of a paraphrase (empty for a quote, whose text is
	// its passage); text[span.start:span.end] equals it.
	Source string `json:"source"`
	// AlsoReported lists the other claims that report the same statement
	// (linked by restates), in article order; empty when none do.
	AlsoReported []string `json:"also_reported"`
	// Draft is the provenance of a claim `counterpoint draft` found and no
	// person has checked; absent otherwise.
	Draft *Draft `json:"draft,omitempty"`
}

// Draft is how the drafter found a claim: its rule, its confidence, and the
// words it relied on as byte spans of article.text (absent when not given).
type Draft struct {
	Rule       string  `json:"rule"`
	Confidence float64 `json:"confidence"`
	Content    *Span   `json:"content,omitempty"`
	Mention    *Span   `json:"mention,omitempty"`
	Cue        *Span   `json:"cue,omitempty"`
}

func spanOrNil(s claims.Span) *Span {
	if s.End <= s.Start {
		return nil
	}
	return &Span{Start: s.Start, End: s.End}
}

// Relation says that From answers To, or, of kind "restates", that From
// and To report one statement.
type Relation struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Kind     string `json:"kind"`
	Explicit bool   `json:"explicit"`
	Note     string `json:"note"`
}

// NewDocument converts the model to its exported form.
func NewDocument(m *claims.Model) Document {
	a := m.Article
	d := Document{
		Article:   Article{Title: a.Title, Text: a.Text, File: a.File, Publisher: a.Publisher, URL: a.URL, Published: a.Published},
		Speakers:  make([]Speaker, 0, len(m.Speakers)),
		Topics:    make([]Topic, 0, len(m.Topics)),
		Claims:    ClaimsOf(m, m.Claims),
		Relations: make([]Relation, 0, len(m.Relations)),
	}
	for _, s := range m.Speakers {
		aliases := s.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		d.Speakers = append(d.Speakers, Speaker{ID: s.ID, Name: s.Name, Role: s.Role, Kind: s.Kind, Aliases: aliases,
			Affiliation: s.Affiliation, Principal: s.Principal})
	}
	for _, t := range m.Topics {
		d.Topics = append(d.Topics, Topic{ID: t.ID, Label: t.Label, Description: t.Description})
	}
	for _, r := range m.Relations {
		d.Relations = append(d.Relations, RelationOf(r))
	}
	return d
}

// RelationOf converts a relation to its exported form.
func RelationOf(r *claims.Relation) Relation {
	return Relation{From: r.From.ID, To: r.To.ID, Kind: r.Kind, Explicit: r.Explicit, Note: r.Note}
}

// ClaimsOf converts claims of the model to their exported form, keeping
// their order.
func ClaimsOf(m *claims.Model, cs []*claims.Claim) []Claim {
	out := make([]Claim, 0, len(cs))
	for _, c := range cs {
		topics := make([]string, len(c.Topics))
		for i, t := range c.Topics {
			topics[i] = t.ID
		}
		ec := Claim{ID: c.ID, Speaker: c.Speaker.ID, Mode: c.Mode, Text: c.Text, Summary: c.Summary, Topics: topics,
			Span: Span{Start: c.Span.Start, End: c.Span.End}, Paragraph: c.Paragraph, Venue: c.Venue, When: c.When, Source: c.Source}
		if c.ReportedBy != nil {
			ec.ReportedBy = c.ReportedBy.ID
		}
		if d := c.Draft; d != nil {
			ec.Draft = &Draft{Rule: d.Rule, Confidence: d.Confidence, Content: spanOrNil(d.Content), Mention: spanOrNil(d.Mention), Cue: spanOrNil(d.Cue)}
		}
		also := m.AlsoReported(c)
		ec.AlsoReported = make([]string, len(also))
		for i, o := range also {
			ec.AlsoReported[i] = o.ID
		}
		out = append(out, ec)
	}
	return out
}

// WriteJSON writes v as indented JSON. The encoder escapes C0 control
// characters (ESC among them), and escapeInvisible the C1 controls and
// format characters that it leaves raw, so an escape sequence in the
// annotation cannot act on a terminal that shows the JSON; the text itself is
// kept exact.
func WriteJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeInvisible(buf.Bytes()))
	return err
}

// escapeInvisible rewrites as \uXXXX the characters that encoding/json leaves
// raw but that a terminal may obey or that hide or reorder text: DEL, the C1
// controls (U+009B is CSI to some terminals) and format characters such as
// bidi overrides. Outside strings JSON is ASCII, so these occur only inside
// strings, and the JSON decodes to the same text.
func escapeInvisible(b []byte) []byte {
	i := firstInvisible(b)
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	out = append(out, b[:i]...)
	b = b[i:]
	for len(b) > 0 {
		if c := b[0]; c < 0x7f {
			// ASCII, all of it visible but DEL: copy the run at once
			j := 1
			for j < len(b) && b[j] < 0x7f {
				j++
			}
			out = append(out, b[:j]...)
			b = b[j:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		switch {
		case !invisible(r):
			out = append(out, b[:n]...)
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
		default:
			out = fmt.Appendf(out, `\u%04x`, r)
		}
		b = b[n:]
	}
	return out
}

// invisible reports the characters escapeInvisible escapes.
func invisible(r rune) bool {
	return r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r > 0x7f && unicode.Is(unicode.Cf, r))
}

// firstInvisible is the index of the first character that escapeInvisible
// escapes, or -1. ASCII is skipped a byte at a time without decoding: testing
// every character of a 105 MB export with unicode.Is was a quarter of its
// time.
func firstInvisible(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if invisible(r) {
			return i
		}
		i += n
	}
	return -1
}
