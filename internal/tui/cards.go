package tui

import (
	"fmt"
	"strings"

	"counterpoint/internal/claims"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// claimLines renders a statement for a card or the exchange: the speaker in
// capitals with where and when, the words, then mode, paragraph and
// intermediary, then the annotator's summary.
func (m *Model) claimLines(c *claims.Claim, w int) []string {
	st := m.styles
	var head rich
	head.add(sanitize.Line(strings.ToUpper(c.Speaker.Name)), st.Ink.Speaker)
	if cs := phrase.Circumstances(c); cs != "" {
		head.add(" · "+sanitize.Line(cs), st.Ink.Dim)
	}
	lines := m.lines(&head, w)

	base := st.Ink.Quote
	if c.Mode != claims.ModeQuote {
		base = st.Ink.Paraphrase
	}
	lines = append(lines, m.lines(new(rich).add(sanitize.Line(phrase.Words(c)), base), w)...)

	meta := fmt.Sprintf("%s · ¶%d", c.Mode, c.Paragraph)
	if c.ReportedBy != nil {
		meta += " · via " + c.ReportedBy.Name
	}
	if also := m.alsoReported(c); also != "" {
		meta += " · " + also
	}
	lines = append(lines, m.lines(new(rich).add(sanitize.Line(meta), st.Ink.Meta), w)...)
	if c.Summary != "" {
		lines = append(lines, m.lines(new(rich).add("in short: "+sanitize.Line(c.Summary), st.Ink.Dim), w)...)
	}
	return lines
}

// statementCard is the left half of the comparison.
func (m *Model) statementCard(w int) (string, []string) {
	c := m.Selected()
	if c == nil {
		return "Statement", m.lines(new(rich).add(m.emptyReason(), m.styles.Ink.Dim), w)
	}
	return "Statement", m.claimLines(c, w)
}

// answerCard is the right half: the answer shown, or what the statement
// answers, with the kind of answer in plain words.
func (m *Model) answerCard(w int) (string, []string) {
	st := m.styles
	c := m.Selected()
	if c == nil {
		return "Answers", nil
	}
	ls := m.links()
	if len(ls) == 0 {
		return "Answers", m.lines(new(rich).add("Unanswered: nothing in the article answers this statement, and it answers none.", st.Ink.Unanswered), w)
	}
	l := ls[m.link]
	r := l.rel
	in := len(m.cm.AnswersTo(c))
	var title string
	var sentence rich
	kind := st.kindInk(r.Kind)
	if l.incoming {
		title = fmt.Sprintf("Answered by · %d of %d", m.link+1, in)
		sentence.add(sanitize.Line(r.From.Speaker.Name), st.Ink.Speaker).add(" ", st.Ink.Quote).
			add(phrase.Active(r.Kind), kind).add(" this statement", st.Ink.Quote)
	} else {
		title = fmt.Sprintf("What it answers · %d of %d", m.link-in+1, len(ls)-in)
		sentence.add("This statement ", st.Ink.Quote).add(phrase.Active(r.Kind), kind).add(" ", st.Ink.Quote).
			add(sanitize.Line(r.To.Speaker.Name), st.Ink.Speaker)
	}
	lines := m.lines(&sentence, w)
	lines = append(lines, m.lines(new(rich).add(phrase.Meaning(r.Kind)+" · "+phrase.ShownAtLength(r), st.Ink.Dim), w)...)
	lines = append(lines, "")
	lines = append(lines, m.claimLines(l.other(), w)...)
	if r.Note != "" {
		lines = append(lines, m.lines(new(rich).add("note: "+sanitize.Line(r.Note), st.Ink.Dim), w)...)
	}
	return title, lines
}

// emptyReason explains an empty claims pane.
func (m *Model) emptyReason() string {
	switch {
	case len(m.order) == 0:
		return "This annotation has no speakers."
	case m.searchMode():
		return "No claim holds every word searched for. Esc clears the search."
	case m.filtered():
		return "Nothing by " + sanitize.Line(m.order[m.sel].Name) + " under this filter. Esc clears it."
	}
	return "No claims."
}
