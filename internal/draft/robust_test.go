package draft

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"counterpoint/assets"
)

// checkDraft drafts text and checks what every draft must be: it loads
// with the ordinary loader, and every span is text of the article, a
// quote's its own words.
func checkDraft(t *testing.T, text string) *Draft {
	t.Helper()
	d := Extract(text)
	if len(d.Claims) == 0 {
		return d
	}
	m, err := d.Model("claims.yaml", "article.txt")
	if err != nil {
		t.Fatalf("the draft does not load: %v\n%s", err, d.YAML("article.txt"))
	}
	if len(m.Claims) != len(d.Claims) {
		t.Fatalf("%d claims loaded of %d", len(m.Claims), len(d.Claims))
	}
	for _, c := range m.Claims {
		if c.Mode == "quote" && text[c.Span.Start:c.Span.End] != c.Text {
			t.Fatalf("quote %s: span %v holds %q, not its text %q", c.ID, c.Span, text[c.Span.Start:c.Span.End], c.Text)
		}
		for _, s := range []struct{ a, b int }{{c.Draft.Content.Start, c.Draft.Content.End}, {c.Draft.Mention.Start, c.Draft.Mention.End}, {c.Draft.Cue.Start, c.Draft.Cue.End}} {
			if s.a < 0 || s.b > len(text) || s.a > s.b || !utf8.ValidString(text[s.a:s.b]) {
				t.Fatalf("claim %s: span %v is not text of the article", c.ID, s)
			}
		}
	}
	return d
}

// Bad input gets a clear error or a draft that loads, never a panic.
func TestReadBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		f    Format
		err  string // "" for a text that reads
	}{
		{"empty", nil, FormatText, "the article is empty"},
		{"blank", []byte(" \n\t\n"), FormatText, "the article is empty"},
		{"binary", []byte("GIF89a\x00\x01\x02"), FormatText, "binary"},
		{"latin-1", []byte("Caf\xe9 society said so."), FormatText, "line 1, column 4: byte 0xE9 is not UTF-8"},
		{"too large", []byte(strings.Repeat("a", MaxArticle+1)), FormatText, "larger than 8 MiB"},
		{"page without an article", []byte("<html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>"), FormatHTML, "no article text"},
		{"bom and crlf", []byte("\ufeffHe said: \"Yes.\"\r\nNext.\r\n"), FormatText, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			text, _, err := Read(c.data, c.f)
			if c.err == "" {
				if err != nil || strings.ContainsAny(text, "\r\ufeff") {
					t.Fatalf("%q, %v", text, err)
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.err) {
				t.Fatalf("error %v, want one saying %q", err, c.err)
			}
		})
	}
}

// Texts that hostile or broken input gives: drafted without a panic, and
// the draft loads.
func TestExtractHostileText(t *testing.T) {
	for name, text := range map[string]string{
		"unbalanced":       `He said: "It is over. She said: “No. ‘Never.` + "\n\n" + `”They said.” ’ « ` + "\n",
		"marks only":       strings.Repeat(`"“”‘’«»''`, 200) + "\n",
		"thousands":        strings.Repeat(`"We will win," she said. `, 3000) + "\n",
		"one long line":    strings.Repeat(`Officials said the plan "would fail" and critics agreed, `, 5000) + "\n",
		"controls":         "He said \u2028 \"x\u200by\u00a0z\" \ufeff\t\"ok\" \x1b[31m said Bob.\n",
		"repeated passage": "\"Yes,\" he said.\n\n\"Yes,\" he said.\n\n\"Yes,\" he said.\n",
		"no sentence end":  "said said said said according to according to \"",
		"attribution only": "Mr Smith said:\n\nShe told CNN:",
		"mention inside":   `"He is wrong about him," he said. "He knows it."` + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			checkDraft(t, Normalize(text))
		})
	}
}

// Whatever the extractor drafts loads, and every span is the article's.
func FuzzExtract(f *testing.F) {
	data, err := assets.FS.ReadFile("article.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add(`"A," said Mr. B. Smith, a spokesman for the C. "D."` + "\n\n\"E\n")
	f.Add("According to officials, the vote was “rigged,” he told CNN on Friday night: ‘no’ «oui»")
	f.Add("''It works,'' she said. ''Yes.''\n“It’s ― a test” ― Jane Doe\n")
	f.Fuzz(func(t *testing.T, s string) {
		text, _, err := Read([]byte(s), FormatText)
		if err != nil {
			return
		}
		checkDraft(t, text)
	})
}

// A saved web page is read for its main text, one paragraph a line, and a
// Markdown article for its words without the markup.
func TestReadFormats(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Council votes on budget</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council votes on budget</h1>
<p>The city council approved the budget on Tuesday after a long debate about schools and roads in the city.</p>
<p>&ldquo;This budget keeps every promise we made,&rdquo; said Jane Doe, the mayor. &ldquo;It is a good day.&rdquo;</p>
<p>Critics said the plan would raise taxes for families who can least afford it, and they vowed to fight it.</p>
</article><footer>© The Paper</footer></body></html>`
	if FormatOf("-", []byte(page)) != FormatHTML || FormatOf("x.htm", nil) != FormatHTML || FormatOf("x.md", nil) != FormatMarkdown {
		t.Error("formats not told apart")
	}
	text, title, err := Read([]byte(page), FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	if title != "Council votes on budget" || strings.Contains(text, "Home") || strings.Contains(text, "<") {
		t.Errorf("title %q, text %q", title, text)
	}
	d := checkDraft(t, text)
	var got []string
	for _, c := range d.Claims {
		got = append(got, c.Mode+" "+c.Speaker.Name+": "+c.Text)
	}
	want := []string{
		"quote Jane Doe: This budget keeps every promise we made,” said Jane Doe, the mayor. “It is a good day.",
		"paraphrase Critics: the plan would raise taxes for families who can least afford it",
		"paraphrase Critics: to fight it",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("page drafted as\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	md := "# Council votes\n\n**The mayor** said the [budget](https://x.org/b) was `final`.\n\n> “It is a good day,” she said.\n\n- item\n"
	text, _, err = Read([]byte(md), FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Council votes\n\nThe mayor said the budget was final.\n\n“It is a good day,” she said.\n\nitem\n"; text != want {
		t.Errorf("markdown read as %q, want %q", text, want)
	}
}

// A passage pasted thousands of times is drafted 50 times, and the draft
// says how many were left out; drafting and loading stay fast (the
// quotations of one paragraph are found by binary search, and the loader
// is not asked for 3,000 occurrences of one passage 3,000 times).
func TestRepeatedPassagesCapped(t *testing.T) {
	text := strings.Repeat(`"We will win," she said. `, 3000) + "\n"
	d := checkDraft(t, text)
	if len(d.Claims) != maxRepeats || d.Repeats != 3000-maxRepeats {
		t.Errorf("%d claims, %d left out; want %d and %d", len(d.Claims), d.Repeats, maxRepeats, 3000-maxRepeats)
	}
	if y := string(d.YAML("article.txt")); !strings.Contains(y, "2950 more claims were left out: each repeats a passage already drafted 50 times") {
		t.Error("the YAML does not say what was left out")
	}
}
