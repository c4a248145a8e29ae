package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"counterpoint/internal/claims"
	"counterpoint/internal/export"
)

// hostile holds the sequences that must never reach a terminal: clear the
// screen (CSI), write the clipboard (OSC 52, ended by BEL), a right-to-left
// override, and the 8-bit CSI (C1).
const hostile = "A\x1b[2JB\x1b]52;c;aGk=\x07C\u202eD\u009bE"

// hostileShown is how sanitize shows hostile: visible and inert.
const hostileShown = "A␛[2JB␛]52;c;aGk=␇C<U+202E>D<U+009B>E"

// yamlString quotes s as a YAML double-quoted scalar, writing every rune
// outside printable ASCII as a \u escape.
func yamlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hostileQuote is the quote of the hostile speaker, as it stands in the article.
const hostileQuote = "We said " + hostile + " and meant it."

// mdSummary is a summary full of Markdown markup.
const mdSummary = "*bold* [x](y) <script>alert(1)</script> _u_ `c` #h"

// loadHostile writes an annotation whose speaker name, topic label, summary,
// quote and title carry hostile, and loads it from disk.
func loadHostile(t *testing.T) *claims.Model {
	t.Helper()
	dir := t.TempDir()
	article := "A hostile article\n\nThe speaker said: " + hostileQuote + "\n\nThe mayor said the speaker was wrong.\n"
	annotation := `article:
  title: ` + yamlString("Title "+hostile) + `
  file: article.txt
speakers:
  - id: evil
    name: ` + yamlString("Evil "+hostile) + `
    role: a speaker
    kind: person
  - id: mayor
    name: The mayor
    role: mayor
    kind: official
topics:
  - id: t1
    label: ` + yamlString("label "+hostile) + `
claims:
  - id: q1
    speaker: evil
    mode: quote
    text: ` + yamlString(hostileQuote) + `
    summary: ` + yamlString("summary "+hostile) + `
    topics: [t1]
  - id: p1
    speaker: mayor
    mode: paraphrase
    text: The speaker was wrong.
    source: The mayor said the speaker was wrong.
    summary: ` + yamlString(mdSummary) + `
    topics: [t1]
relations:
  - from: p1
    to: q1
    kind: rebuts
    explicit: true
`
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), []byte(article), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "claims.yaml")
	if err := os.WriteFile(file, []byte(annotation), 0o600); err != nil {
		t.Fatal(err)
	}
	m, err := claims.LoadFile(file)
	if err != nil {
		t.Fatalf("loading the hostile annotation: %v", err)
	}
	// The loader must have kept the hostile text exactly, or this test
	// proves nothing.
	if q := m.Claim("q1"); q == nil || q.Text != hostileQuote || m.Speaker("evil").Name != "Evil "+hostile ||
		m.Topic("t1").Label != "label "+hostile || q.Summary != "summary "+hostile || m.Article.Title != "Title "+hostile {
		t.Fatal("the hostile annotation did not load with its text intact")
	}
	return m
}

// assertInert fails if out holds anything a terminal would obey.
func assertInert(t *testing.T, out string) {
	t.Helper()
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u009b"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q:\n%s", bad, out)
		}
	}
}

func TestHostileText(t *testing.T) {
	m := loadHostile(t)
	for _, width := range []int{0, 200} {
		out := string(write(t, export.Listing{Model: m, Claims: m.Claims, Width: width}, "text"))
		assertInert(t, out)
		for _, want := range []string{
			"Title " + hostileShown + "\n",
			"¶2  Evil " + hostileShown + "  [q1]\n",
			"    “We said " + hostileShown + " and meant it.”\n",
			"    summary: summary " + hostileShown + "\n",
			"    topics: label " + hostileShown + "\n",
			"    → rebuts Evil " + hostileShown + " (¶2, explicit) [q1]\n",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("width %d: text listing lacks %q:\n%s", width, want, out)
			}
		}
	}
}

func TestHostileMarkdown(t *testing.T) {
	m := loadHostile(t)
	out := string(write(t, export.Listing{Model: m, Claims: m.Claims}, "markdown"))
	assertInert(t, out)
	shown := `A␛\[2JB␛\]52;c;aGk=␇C\<U+202E\>D\<U+009B\>E`
	for _, want := range []string{
		"# Title " + shown + "\n",
		"## ¶2 · Evil " + shown + "\n",
		"> “We said " + shown + " and meant it.”\n",
		"\n*Summary:* summary " + shown + "\n",
		"- **Topics:** label " + shown + "\n",
		"- **Rebuts** [Evil " + shown + ", ¶2](#q1) (explicit)\n",
		// Markup in a summary shows as written.
		"\n*Summary:* " + `\*bold\* \[x\](y) \<script\>alert(1)\</script\> \_u\_ \` + "`c\\` \\#h\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "<script>") || strings.Contains(out, "*bold*") {
		t.Errorf("markdown holds unescaped markup:\n%s", out)
	}
}

// TestHostileJSON checks that the JSON outputs escape what a terminal would
// obey, yet decode to the annotation's text exactly, and leave HTML alone.
func TestHostileJSON(t *testing.T) {
	m := loadHostile(t)
	var doc bytes.Buffer
	if err := export.WriteJSON(&doc, export.NewDocument(m)); err != nil {
		t.Fatal(err)
	}
	listing := write(t, export.Listing{Model: m, Claims: m.Claims}, "json")
	for name, out := range map[string][]byte{"export": doc.Bytes(), "listing": listing} {
		assertInert(t, string(out))
		for _, want := range []string{`\u001b[2J`, `\u0007`, `\u202e`, `\u009b`, `<script>`} {
			if !bytes.Contains(out, []byte(want)) {
				t.Errorf("%s lacks %s:\n%s", name, want, out)
			}
		}
	}
	var back export.Document
	if err := json.Unmarshal(doc.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Claims[0].Text != hostileQuote || back.Speakers[0].Name != "Evil "+hostile ||
		back.Topics[0].Label != "label "+hostile || back.Article.Title != "Title "+hostile || back.Article.Text != m.Article.Text {
		t.Error("the export does not decode to the annotation's text exactly")
	}
	c := back.Claims[0]
	if back.Article.Text[c.Span.Start:c.Span.End] != hostileQuote {
		t.Errorf("span %v does not hold the quote", c.Span)
	}
	// A character beyond the BMP is escaped as a surrogate pair.
	var b bytes.Buffer
	if err := export.WriteJSON(&b, "tag\U000E0041"); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != `"tag\udb40\udc41"`+"\n" {
		t.Errorf("WriteJSON(tag U+E0041) = %q", got)
	}
}
