package export

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"counterpoint/internal/claims"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// Formats lists the listing formats.
var Formats = []string{"text", "json", "markdown"}

// Listing is what `counterpoint list` prints: the claims that pass a filter,
// with the exchanges around each.
type Listing struct {
	Model  *claims.Model
	Claims []*claims.Claim // in article order
	Filter string          // the filter in words, "" for none
	Width  int             // wrap text to this many columns; 0: no wrapping (for pipes)
}

// Write writes the listing in the given format.
func (l Listing) Write(w io.Writer, format string) error {
	switch format {
	case "text":
		return l.writeText(w)
	case "json":
		return WriteJSON(w, l.document())
	case "markdown":
		return l.writeMarkdown(w)
	}
	return fmt.Errorf("unknown format %q (use %s)", format, strings.Join(Formats, ", "))
}

// ListDocument is `list --format json`: the listed claims, in the shape of
// the export, and the relations that touch them (either end listed), so that
// who answers whom is kept.
type ListDocument struct {
	Filter    string     `json:"filter"`
	Claims    []Claim    `json:"claims"`
	Relations []Relation `json:"relations"`
}

func (l Listing) document() ListDocument {
	listed := l.listed()
	d := ListDocument{Filter: l.Filter, Claims: ClaimsOf(l.Model, l.Claims), Relations: []Relation{}}
	for _, r := range l.Model.Relations {
		if listed[r.From] || listed[r.To] {
			d.Relations = append(d.Relations, RelationOf(r))
		}
	}
	return d
}

func (l Listing) listed() map[*claims.Claim]bool {
	listed := make(map[*claims.Claim]bool, len(l.Claims))
	for _, c := range l.Claims {
		listed[c] = true
	}
	return listed
}

func (l Listing) summaryLine() string {
	m := l.Model
	s := phrase.Count(len(m.Claims), "claim")
	if len(l.Claims) != len(m.Claims) {
		s = fmt.Sprintf("%d of %s", len(l.Claims), s)
	}
	s += " · " + phrase.Count(len(m.Speakers), "speaker") + " · " + phrase.Count(len(m.Topics), "topic") + " · " + phrase.Count(len(m.Relations), "relation")
	if n := m.Drafted(); n > 0 {
		s += fmt.Sprintf(" · machine draft: %d of %d unchecked", n, len(m.Claims))
	}
	if l.Filter != "" {
		s += " · filter: " + l.Filter
	}
	return s
}

// writeText writes the human listing: one block per claim. Every string
// from the annotation goes through sanitize.Line first.
func (l Listing) writeText(w io.Writer) error {
	m := l.Model
	var b strings.Builder
	b.WriteString(sanitize.PrintLine(m.Article.Title) + "\n")
	b.WriteString(sanitize.PrintLine(l.summaryLine()) + "\n")
	if len(l.Claims) == 0 {
		b.WriteString("\nNo claims match.\n")
	}
	for _, c := range l.Claims {
		b.WriteString("\n")
		head := "¶" + fmt.Sprint(c.Paragraph) + "  " + phrase.Attribution(c)
		if cs := phrase.Circumstances(c); cs != "" {
			head += " · " + cs
		}
		if c.Draft != nil {
			head += fmt.Sprintf(" · draft %.2f", c.Draft.Confidence)
		}
		fmt.Fprintf(&b, "%s  [%s]\n", sanitize.PrintLine(head), c.ID)
		l.para(&b, "    ", sanitize.PrintLine(phrase.Words(c)))
		if c.Summary != "" {
			l.para(&b, "    ", "summary: "+sanitize.PrintLine(c.Summary))
		}
		labels := make([]string, len(c.Topics))
		for i, t := range c.Topics {
			labels[i] = t.Label
		}
		l.para(&b, "    ", "topics: "+sanitize.PrintLine(strings.Join(labels, ", ")))
		if also := m.AlsoReported(c); len(also) > 0 {
			l.para(&b, "    ", fmt.Sprintf("= also reported in %s [%s]", claims.Paragraphs(also), claimIDs(also)))
		}
		for _, r := range m.Answering(c) {
			l.para(&b, "    ", fmt.Sprintf("→ %s %s (¶%d, %s) [%s]", phrase.Active(r.Kind), sanitize.PrintLine(r.To.Speaker.Name), r.To.Paragraph, phrase.Shown(r), r.To.ID))
		}
		answers := m.AnswersTo(c)
		if len(answers) == 0 {
			b.WriteString("    ← unanswered\n")
		}
		for _, r := range answers {
			l.para(&b, "    ", fmt.Sprintf("← %s by %s (¶%d, %s) [%s]", phrase.Passive(r.Kind), sanitize.PrintLine(r.From.Speaker.Name), r.From.Paragraph, phrase.Shown(r), r.From.ID))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// claimIDs joins the claims' ids: "a1 b2".
func claimIDs(cs []*claims.Claim) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return strings.Join(ids, " ")
}

// para writes s with a hanging indent, wrapped to the listing's width.
func (l Listing) para(b *strings.Builder, indent, s string) {
	if l.Width <= len(indent)+20 {
		b.WriteString(indent + s + "\n")
		return
	}
	for _, line := range WrapWords(s, l.Width-len(indent)) {
		b.WriteString(indent + line + "\n")
	}
}

// WrapWords breaks s at spaces into lines at most limit columns wide; a word
// wider than that gets a line of its own, whole. Unlike ansi.Wordwrap it never
// breaks at a hyphen, which would split claim ids such as
// [hackers-not-in-any-form] (and let the hyphen overrun the limit by one). s
// is sanitised text: it holds no escape sequences.
func WrapWords(s string, limit int) []string {
	var lines []string
	line, width := "", 0
	gap := 0 // spaces between the last word and the next, kept within a line
	for i, word := range strings.Split(s, " ") {
		if i > 0 {
			gap++
		}
		if word == "" {
			continue
		}
		ww := ansi.StringWidth(word)
		if line != "" && width+gap+ww > limit {
			lines = append(lines, line)
			line, width = "", 0
		}
		if line != "" {
			line += strings.Repeat(" ", gap)
			width += gap
		}
		line += word
		width += ww
		gap = 0
	}
	return append(lines, line)
}

// mdEscape escapes what Markdown would otherwise read as markup, after
// sanitising: an annotation's text must show as written. A URL or an email
// address is set in a code span, where GitHub's Markdown makes no link of
// it: bare "https://…", "www.…" and "name@host.org" are links there, and one
// hostile annotation put nine links to its author's site in a listing.
func mdEscape(s string) string {
	s = sanitize.PrintLine(s)
	var b strings.Builder
	for s != "" {
		loc := linkLike.FindStringIndex(s)
		plain := s
		if loc != nil {
			plain = s[:loc[0]]
		}
		for _, r := range plain {
			if strings.ContainsRune("\\`*_[]<>#|~!{}&", r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		if loc == nil {
			break
		}
		b.WriteString(codeSpan(s[loc[0]:loc[1]]))
		s = s[loc[1]:]
	}
	return b.String()
}

// linkLike matches what GitHub's Markdown turns into a link by itself: a
// scheme's URL, a "www." address, an email address.
var linkLike = regexp.MustCompile(`(?i)(?:\b(?:https?|ftp|mailto|xmpp|irc|file):|\bwww\.)[^\s]*|[A-Za-z0-9._+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]*[A-Za-z0-9]`)

// codeSpan sets s in a code span: fenced by one backtick more than the
// longest run in it, padded when it starts or ends with one.
func codeSpan(s string) string {
	run, longest := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

func (l Listing) writeMarkdown(w io.Writer) error {
	m := l.Model
	listed := l.listed()
	// link names a claim, linking to it when it is in this document.
	link := func(c *claims.Claim) string {
		name := fmt.Sprintf("%s, ¶%d", mdEscape(c.Speaker.Name), c.Paragraph)
		if listed[c] {
			return fmt.Sprintf("[%s](#%s)", name, c.ID)
		}
		return fmt.Sprintf("%s (`%s`)", name, c.ID)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n", mdEscape(m.Article.Title), mdEscape(l.summaryLine()))
	if len(l.Claims) == 0 {
		b.WriteString("\nNo claims match.\n")
	}
	for _, c := range l.Claims {
		// ids match ^[A-Za-z0-9][A-Za-z0-9._-]*$, so they are safe as anchors.
		head := fmt.Sprintf("¶%d · %s", c.Paragraph, phrase.Attribution(c))
		if cs := phrase.Circumstances(c); cs != "" {
			head += " · " + cs
		}
		fmt.Fprintf(&b, "\n<a id=\"%s\"></a>\n## %s\n\n", c.ID, mdEscape(head))
		if c.Mode == claims.ModeQuote {
			fmt.Fprintf(&b, "> “%s”\n\n", mdEscape(c.Text))
		} else {
			fmt.Fprintf(&b, "*Paraphrase:* %s\n\n", mdEscape(c.Text))
		}
		if c.Summary != "" {
			fmt.Fprintf(&b, "*Summary:* %s\n\n", mdEscape(c.Summary))
		}
		labels := make([]string, len(c.Topics))
		for i, t := range c.Topics {
			labels[i] = mdEscape(t.Label)
		}
		fmt.Fprintf(&b, "- **Topics:** %s\n", strings.Join(labels, ", "))
		if also := m.AlsoReported(c); len(also) > 0 {
			links := make([]string, len(also))
			for i, o := range also {
				links[i] = link(o)
			}
			fmt.Fprintf(&b, "- **Also reported in** %s\n", strings.Join(links, "; "))
		}
		for _, r := range m.Answering(c) {
			fmt.Fprintf(&b, "- **%s** %s (%s)\n", capitalize(phrase.Active(r.Kind)), link(r.To), phrase.Shown(r))
		}
		answers := m.AnswersTo(c)
		if len(answers) == 0 {
			b.WriteString("- **Unanswered**\n")
		}
		for _, r := range answers {
			fmt.Fprintf(&b, "- **%s by** %s (%s)\n", capitalize(phrase.Passive(r.Kind)), link(r.From), phrase.Shown(r))
		}
		fmt.Fprintf(&b, "- **Id:** `%s`\n", c.ID)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
