package tui

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// The article view shows the article itself, scrolled to the selected
// claim's passage and highlighting it; the passages of the same speaker are
// marked more quietly, and a bar in the margin shows where every other
// passage lies. For a drafted claim, the words the drafter relied on are
// marked as well: the mention of the speaker and the verb of saying, each
// in a style of its own that the title names. n and p move from passage to
// passage; enter goes to the passage's claim.

// articleText is the article made safe to draw: each paragraph sanitised,
// with every claim's passage mapped into the sanitised text. It is built once
// per model, since sanitising can change lengths (an escape character
// becomes "␛", an invisible one "<U+200B>").
type articleText struct {
	text    string
	paras   []span // each non-empty line of the article: a paragraph
	src     []span // by paragraph: its bytes in the article itself
	clean   []bool // by paragraph: drawn as written, so offsets carry over one for one
	spans   []span // by claim index: the passage in text
	mention []span // by claim index: a draft's mention of the speaker in text, {-1, -1} if none
	cue     []span // by claim index: a draft's verb of saying in text, {-1, -1} if none
	starts  []int  // claim indexes ordered by where their passage starts
	longest int    // the longest passage, in bytes of text
}

// articleSource builds the article's text when the article view first
// needs it, once for every copy of the model: most readers never open it,
// and sanitising a long article is not free.
type articleSource struct {
	once sync.Once
	text *articleText
}

func (s *articleSource) get(cm *claims.Model) *articleText {
	s.once.Do(func() { s.text = buildArticle(cm) })
	return s.text
}

func buildArticle(cm *claims.Model) *articleText {
	src := cm.Article.Text
	// Offsets to carry into the sanitised text: every passage's ends, and
	// those of a draft's mention and cue.
	cuts := make([]int, 0, 2*len(cm.Claims))
	for _, c := range cm.Claims {
		cuts = append(cuts, c.Span.Start, c.Span.End)
		if d := c.Draft; d != nil {
			cuts = append(cuts, d.Mention.Start, d.Mention.End, d.Cue.Start, d.Cue.End)
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	mapped := make([]int, len(cuts)) // where cuts[i] lies in the sanitised text

	var b strings.Builder
	b.Grow(len(src) + len(src)/8)
	a := &articleText{}
	ci := 0
	for ls := 0; ls <= len(src); {
		le, next := claims.LineEnd(src, ls) // \n, \r\n or a lone \r, as ¶ counts
		body := src[ls:le]
		if body != "" {
			if len(a.paras) > 0 {
				b.WriteByte('\n')
			}
			pstart := b.Len()
			pos := ls
			end := ls + len(body)
			for ci < len(cuts) && cuts[ci] < next {
				cut := min(max(cuts[ci], ls), end)
				b.WriteString(sanitize.Line(src[pos:cut]))
				pos = cut
				mapped[ci] = b.Len()
				ci++
			}
			b.WriteString(sanitize.Line(src[pos:end]))
			a.paras = append(a.paras, span{pstart, b.Len()})
			a.src = append(a.src, span{ls, end})
			a.clean = append(a.clean, b.String()[pstart:] == body)
		} else {
			for ci < len(cuts) && cuts[ci] < next {
				mapped[ci] = b.Len()
				ci++
			}
		}
		ls = next
	}
	a.text = b.String()
	a.spans = make([]span, len(cm.Claims))
	a.mention = make([]span, len(cm.Claims))
	a.cue = make([]span, len(cm.Claims))
	a.starts = make([]int, len(cm.Claims))
	at := func(off int) int {
		i, _ := slices.BinarySearch(cuts, off)
		return mapped[i]
	}
	for i, c := range cm.Claims {
		a.spans[i] = span{at(c.Span.Start), at(c.Span.End)}
		a.starts[i] = i
		a.longest = max(a.longest, a.spans[i].end-a.spans[i].start)
		a.mention[i], a.cue[i] = span{-1, -1}, span{-1, -1}
		if d := c.Draft; d != nil {
			if d.Mention.End > d.Mention.Start {
				a.mention[i] = span{at(d.Mention.Start), at(d.Mention.End)}
			}
			if d.Cue.End > d.Cue.Start {
				a.cue[i] = span{at(d.Cue.Start), at(d.Cue.End)}
			}
		}
	}
	slices.SortStableFunc(a.starts, func(x, y int) int { return a.spans[x].start - a.spans[y].start })
	return a
}

// artLine is one line of the wrapped article.
type artLine struct {
	span
	para int // the paragraph's number on its first line, else 0
}

type articleState struct {
	src    *articleSource // the article made safe to draw, built when first shown
	cur    int            // the claim whose passage is highlighted (index in Model.Claims)
	scroll scroller
	lines  []artLine // wrapped to width
	width  int       // the width lines were wrapped to
}

func (m *Model) articleWidth() int { return max(m.lay.Body.Inner.W-articleGutter, 10) }

const articleGutter = 6 // "¶12 ▎"

// rewrapArticle wraps the article to the body's width, if that changed.
func (m *Model) rewrapArticle() {
	w := m.articleWidth()
	if m.article.width == w && m.article.lines != nil {
		return
	}
	a := m.article.src.get(m.cm)
	var lines []artLine
	for i, p := range a.paras {
		if i > 0 {
			lines = append(lines, artLine{span{-1, -1}, 0})
		}
		for j, sp := range wrapSpans(a.text[p.start:p.end], w) {
			l := artLine{span{p.start + sp.start, p.start + sp.end}, 0}
			if j == 0 {
				l.para = i + 1
			}
			lines = append(lines, l)
		}
	}
	m.article.lines, m.article.width = lines, w
}

func (m *Model) openArticle() {
	c := m.Selected()
	if c == nil {
		return
	}
	m.view = articleView
	m.article.cur = c.Index
	m.rewrapArticle()
	m.showPassage()
}

// lineOf returns the wrapped line holding sanitised offset off.
func (m *Model) lineOf(off int) int {
	for i, l := range m.article.lines {
		if l.start >= 0 && off >= l.start && off <= l.end {
			return i
		}
	}
	return 0
}

// showPassage scrolls the highlighted passage to a third of the way down.
func (m *Model) showPassage() {
	if m.article.cur >= len(m.article.src.get(m.cm).spans) {
		return
	}
	m.rewrapArticle()
	a := &m.article
	a.scroll.size(len(a.lines), m.lay.Body.Inner.H)
	line := m.lineOf(a.src.get(m.cm).spans[a.cur].start)
	a.scroll.top = line - a.scroll.h/3
	a.scroll.clamp()
}

func (m *Model) articleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	a := &m.article
	if m.editing() {
		if done, cmd := m.articleEditKey(msg); done {
			return cmd
		}
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Close), pressed(msg, k.Article):
		m.view = panesView
	case key.Matches(msg, k.NextPassage):
		m.stepPassage(+1)
	case key.Matches(msg, k.PrevPassage):
		m.stepPassage(-1)
	case key.Matches(msg, k.Open):
		if a.cur < len(m.cm.Claims) {
			m.goToClaim(m.cm.Claims[a.cur])
		}
	case key.Matches(msg, k.Help):
		m.openHelp()
	default:
		a.scroll.scrollKey(msg, k, true)
	}
	return nil
}

// stepPassage highlights the next or previous passage in the article.
func (m *Model) stepPassage(d int) {
	order := m.article.src.get(m.cm).starts
	if len(order) == 0 {
		return
	}
	i := slices.Index(order, m.article.cur)
	m.article.cur = order[clamp(i+d, 0, len(order)-1)]
	m.showPassage()
}

// passagesOn returns the claims whose passages touch wrapped line i, in
// the order their passages start.
func (m *Model) passagesOn(i int) []int {
	l := m.article.lines[i]
	if l.start < 0 {
		return nil
	}
	a := m.article.src.get(m.cm)
	// The passages starting before the line's end, going back no further
	// than the longest passage could reach.
	hi, _ := slices.BinarySearchFunc(a.starts, l.end, func(ci, off int) int { return a.spans[ci].start - off })
	lo := hi
	for lo > 0 && a.spans[a.starts[lo-1]].start+a.longest > l.start {
		lo--
	}
	var out []int
	for _, ci := range a.starts[lo:hi] {
		if sp := a.spans[ci]; sp.end > l.start || (sp.start == sp.end && sp.start == l.start) {
			out = append(out, ci)
		}
	}
	return out
}

// articleClick highlights the passage clicked on; a click on the passage
// already highlighted goes to its claim.
func (m *Model) articleClick(ms tea.Mouse) {
	row := m.lay.Body.rowAt(ms.X, ms.Y)
	if row < 0 {
		return
	}
	i := m.article.scroll.top + row
	if i < 0 || i >= len(m.article.lines) {
		return
	}
	on := m.passagesOn(i)
	if len(on) == 0 {
		return
	}
	if slices.Contains(on, m.article.cur) {
		m.goToClaim(m.cm.Claims[m.article.cur])
		return
	}
	m.article.cur = on[0]
}

func (m *Model) viewArticle() string {
	st := m.styles
	a := m.article
	top, end := a.scroll.top, a.scroll.end()
	var cur *claims.Claim
	if a.cur < len(m.cm.Claims) {
		cur = m.cm.Claims[a.cur]
	}
	out := make([]string, 0, end-top)
	sel := m.selectedRange() // mapped into the text drawn once, not per line
	for i := top; i < end; i++ {
		out = append(out, m.articleLine(i, cur, sel))
	}
	title := st.PaneTitle.Render("Article")
	switch {
	case m.ed != nil && m.ed.sel.on:
		words := len(strings.Fields(m.cm.Article.Text[m.ed.sel.start:m.ed.sel.end]))
		title += st.Dim.Render(" · selecting ") + st.Ink.Selection.paint(phrase.Count(words, "word")) + st.Dim.Render(fmt.Sprintf(" in ¶%d", m.ed.sel.para+1))
	case m.ed != nil && m.ed.review.on && m.reviewed() != nil:
		title = m.reviewTitle(m.reviewed())
	case cur != nil:
		title += st.Dim.Render(fmt.Sprintf(" · ¶%d · %s", cur.Paragraph, sanitize.Line(cur.Speaker.Name)))
		title += m.draftLegend(cur)
	}
	if m.ed == nil || !m.ed.review.on || m.ed.sel.on {
		title += st.Dim.Render(a.scroll.note("lines")) // the review's title has it, when there is room
	}
	return st.box(title, out, m.lay.Body, true)
}

// articleLine draws wrapped line i: the paragraph number, a bar where a
// passage lies, and the text with the passages marked, and sel (the
// selection, in the text drawn; {-1, -1} if none) over them.
func (m *Model) articleLine(i int, cur *claims.Claim, sel span) string {
	st := m.styles
	l := m.article.lines[i]
	if l.start < 0 {
		return ""
	}
	gutter := "     "
	if l.para > 0 {
		gutter = fmt.Sprintf("%-5s", fmt.Sprintf("¶%d", l.para))
	}
	bar := " "
	on := m.passagesOn(i)
	text := m.article.src.get(m.cm).text[l.start:l.end]
	// Each byte takes the style of the most important passage over it: the
	// selected one, then the same speaker's, then anyone's; a draft's
	// mention and cue of the selected claim go over all of them.
	level := make([]uint8, len(text))
	for _, ci := range on {
		c := m.cm.Claims[ci]
		lv := uint8(1)
		switch {
		case c == cur:
			lv = 3
		case cur != nil && m.voices(cur.Speaker, c):
			lv = 2
		}
		sp := m.article.src.get(m.cm).spans[ci]
		for o := max(sp.start, l.start); o < min(sp.end, l.end); o++ {
			level[o-l.start] = max(level[o-l.start], lv)
		}
	}
	if cur != nil {
		a := m.article.src.get(m.cm)
		for _, w := range []struct {
			sp span
			lv uint8
		}{{a.mention[cur.Index], levelMention}, {a.cue[cur.Index], levelCue}} {
			for o := max(w.sp.start, l.start); o < min(w.sp.end, l.end); o++ {
				level[o-l.start] = w.lv
			}
		}
	}
	// The selection, while editing, over everything.
	if sel.start >= 0 {
		for o := max(sel.start, l.start); o < min(sel.end, l.end); o++ {
			level[o-l.start] = levelSelection
		}
	}
	var runs []run
	for pos := 0; pos < len(level); {
		j := pos + 1
		for j < len(level) && level[j] == level[pos] {
			j++
		}
		runs = append(runs, run{j, m.levelInk(level[pos])})
		pos = j
	}
	switch {
	case cur != nil && slices.Contains(on, cur.Index):
		bar = st.FocusEdge.Render("▌")
	case len(on) > 0:
		bar = st.Faint.Render("▏")
	}
	return st.Dim.Render(gutter) + bar + m.styleSpan(text, runs, span{0, len(text)}, m.query.Ranges(text))
}

// The levels of articleLine above 3, the passage's: a draft's words.
const (
	levelMention   = 4
	levelCue       = 5
	levelSelection = 6
)

func (m *Model) levelInk(level uint8) ink {
	switch level {
	case levelSelection:
		return m.styles.Ink.Selection
	case levelCue:
		return m.styles.Ink.Cue
	case levelMention:
		return m.styles.Ink.Mention
	case 3:
		return m.styles.Ink.Passage
	case 2:
		return m.styles.Ink.Quiet
	}
	return m.styles.Ink.Quote
}

// draftLegend names, for a drafted claim, the highlights of the article
// view, each word in the style it names: the passage, the mention of the
// speaker and the verb of saying the drafter found (those it found only).
func (m *Model) draftLegend(c *claims.Claim) string {
	if c.Draft == nil {
		return ""
	}
	st := m.styles
	a := m.article.src.get(m.cm)
	legend := st.Dim.Render(" · draft: ") + st.Ink.Passage.paint("passage")
	if a.mention[c.Index].start >= 0 {
		legend += " " + st.Ink.Mention.paint("speaker")
	}
	if a.cue[c.Index].start >= 0 {
		legend += " " + st.Ink.Cue.paint("cue")
	}
	return legend
}
