package tui

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"
	"github.com/clipperhouse/uax29/v2/words"

	"counterpoint/internal/sanitize"
)

// While editing, the article view selects a passage to make a claim of:
// by word and by sentence with the keys, or by dragging the mouse. The
// selection is kept in bytes of the article itself, since that is what a
// claim anchors to, and mapped into the text as drawn (sanitised, one line
// per paragraph) only to show it. It never leaves its paragraph: a passage
// is a contiguous stretch of one paragraph (the annotation's convention
// for a quotation over several is one claim per paragraph).

// selection is the passage selected in the article, [start, end) in bytes
// of the article, each end on a word's edge.
type selection struct {
	on         bool
	para       int // the paragraph it lies in
	start, end int
}

// drag is the mouse's part in selecting: where the left button went down
// in the article, and whether it moved since.
type drag struct {
	on     bool
	anchor int // the article offset under the pointer when the button went down
	moved  bool
}

// tokens are the paragraph's words and marks, in bytes of the article: every
// segment of the text that is not space, by Unicode's word boundaries, so
// that a quotation mark or a full stop is a step of its own.
func (a *articleText) tokens(src string, p int) []span {
	ps := a.src[p]
	var out []span
	it := words.FromString(src[ps.start:ps.end])
	for it.Next() {
		if strings.TrimFunc(it.Value(), unicode.IsSpace) == "" {
			continue
		}
		out = append(out, span{ps.start + it.Start(), ps.start + it.End()})
	}
	return out
}

// sentencesOf are the paragraph's sentences, in bytes of the article, each
// without the space after it.
func (a *articleText) sentencesOf(src string, p int) []span {
	ps := a.src[p]
	var out []span
	it := sentences.FromString(src[ps.start:ps.end])
	for it.Next() {
		v := strings.TrimRightFunc(it.Value(), unicode.IsSpace)
		lead := len(v) - len(strings.TrimLeftFunc(v, unicode.IsSpace))
		if strings.TrimSpace(v) == "" {
			continue
		}
		out = append(out, span{ps.start + it.Start() + lead, ps.start + it.Start() + len(v)})
	}
	return out
}

// paraOf returns the paragraph holding article offset off (the one before
// it, between paragraphs).
func (a *articleText) paraOf(off int) int {
	i, found := slices.BinarySearchFunc(a.src, off, func(s span, off int) int { return s.start - off })
	if !found {
		i--
	}
	return clamp(i, 0, max(len(a.src)-1, 0))
}

// toText maps an offset of the article into the text as drawn.
func (a *articleText) toText(src string, off int) int {
	if len(a.src) == 0 {
		return 0
	}
	p := a.paraOf(off)
	ps := a.src[p]
	off = clamp(off, ps.start, ps.end)
	if a.clean[p] {
		return a.paras[p].start + off - ps.start
	}
	return a.paras[p].start + len(sanitize.Line(src[ps.start:off]))
}

// fromText maps an offset of the text as drawn back into the article: the
// nearest edge of a character at or before it.
func (a *articleText) fromText(src string, t int) int {
	if len(a.paras) == 0 {
		return 0
	}
	p, found := slices.BinarySearchFunc(a.paras, t, func(s span, t int) int { return s.start - t })
	if !found {
		p--
	}
	p = clamp(p, 0, len(a.paras)-1)
	ps, tp := a.src[p], a.paras[p]
	t = clamp(t, tp.start, tp.end)
	if a.clean[p] {
		return ps.start + t - tp.start
	}
	off := ps.start
	for off < ps.end {
		_, n := utf8.DecodeRuneInString(src[off:])
		if tp.start+len(sanitize.Line(src[ps.start:off+n])) > t {
			break
		}
		off += n
	}
	return off
}

// startSelection selects from the start of the passage highlighted, when it
// is in sight, to the end of its sentence; else the first sentence of the
// top line.
func (m *Model) startSelection() {
	a := m.article.src.get(m.cm)
	src := m.cm.Article.Text
	if len(a.src) == 0 {
		return
	}
	off := -1
	if m.article.cur < len(m.cm.Claims) {
		sp := a.spans[m.article.cur]
		if l := m.lineOf(sp.start); l >= m.article.scroll.top && l < m.article.scroll.end() {
			off = m.cm.Claims[m.article.cur].Span.Start
		}
	}
	if off < 0 {
		for i := m.article.scroll.top; i < len(m.article.lines); i++ {
			if l := m.article.lines[i]; l.start >= 0 {
				off = a.fromText(src, l.start)
				break
			}
		}
	}
	m.selectFrom(max(off, 0))
}

// selectFrom selects from the word at article offset off to the end of its
// sentence.
func (m *Model) selectFrom(off int) {
	a := m.article.src.get(m.cm)
	src := m.cm.Article.Text
	p := a.paraOf(off)
	toks := a.tokens(src, p)
	ss := a.sentencesOf(src, p)
	if len(toks) == 0 || len(ss) == 0 {
		return
	}
	i := 0
	for i < len(toks)-1 && toks[i].end <= off {
		i++
	}
	start := toks[i].start
	end := ss[len(ss)-1].end
	for _, sn := range ss {
		if sn.end > start {
			end = sn.end
			break
		}
	}
	m.ed.sel = selection{on: true, para: p, start: start, end: end}
	m.showSelection()
}

// selectSentenceAt selects the sentence holding article offset off.
func (m *Model) selectSentenceAt(off int) {
	a := m.article.src.get(m.cm)
	src := m.cm.Article.Text
	p := a.paraOf(off)
	ss := a.sentencesOf(src, p)
	if len(ss) == 0 {
		return
	}
	i := 0
	for i < len(ss)-1 && ss[i].end <= off {
		i++
	}
	m.ed.sel = selection{on: true, para: p, start: ss[i].start, end: ss[i].end}
	m.showSelection()
}

// selectionKey moves the selection's edges: → and ← its end by a word,
// shift+→ and shift+← its start, ↓ and ↑ its end by a sentence; ) and (
// select the next or previous sentence, } and { the next or previous
// paragraph's first.
func (m *Model) selectionKey(key string) bool {
	a := m.article.src.get(m.cm)
	src := m.cm.Article.Text
	s := &m.ed.sel
	toks := a.tokens(src, s.para)
	ss := a.sentencesOf(src, s.para)
	if len(toks) == 0 {
		return false
	}
	// The token whose end is the selection's end, and whose start is its
	// start.
	ei := slices.IndexFunc(toks, func(t span) bool { return t.end >= s.end })
	si := slices.IndexFunc(toks, func(t span) bool { return t.start >= s.start })
	ei, si = max(ei, 0), max(si, 0)
	switch key {
	case "right", "l":
		s.end = toks[min(ei+1, len(toks)-1)].end
	case "left", "h":
		s.end = toks[max(ei-1, si)].end
	case "shift+right", "L":
		s.start = toks[min(si+1, ei)].start
	case "shift+left", "H":
		s.start = toks[max(si-1, 0)].start
	case "down", "j":
		for _, sn := range ss {
			if sn.end > s.end {
				s.end = sn.end
				break
			}
		}
	case "up", "k":
		for i := len(ss) - 1; i >= 0; i-- {
			if ss[i].end < s.end && ss[i].end > s.start {
				s.end = ss[i].end
				break
			}
		}
	case ")":
		next := slices.IndexFunc(ss, func(sn span) bool { return sn.start >= s.end })
		switch {
		case next >= 0:
			s.start, s.end = ss[next].start, ss[next].end
		case s.para+1 < len(a.src):
			m.selectSentenceAt(a.src[s.para+1].start)
			return true
		}
	case "(":
		moved := false
		for i := len(ss) - 1; i >= 0; i-- {
			if ss[i].end <= s.start {
				s.start, s.end = ss[i].start, ss[i].end
				moved = true
				break
			}
		}
		if !moved && s.para > 0 {
			prev := a.sentencesOf(src, s.para-1)
			if len(prev) > 0 {
				m.selectSentenceAt(prev[len(prev)-1].start)
				return true
			}
		}
	case "}":
		if s.para+1 < len(a.src) {
			m.selectSentenceAt(a.src[s.para+1].start)
		}
	case "{":
		if s.para > 0 {
			m.selectSentenceAt(a.src[s.para-1].start)
		}
	default:
		return false
	}
	if s.end <= s.start {
		s.end = toks[si].end
	}
	m.showSelection()
	return true
}

// showSelection scrolls the selection's end into sight.
func (m *Model) showSelection() {
	a := m.article.src.get(m.cm)
	src := m.cm.Article.Text
	s := m.ed.sel
	m.rewrapArticle()
	m.article.scroll.size(len(m.article.lines), m.lay.Body.Inner.H)
	first := m.lineOf(a.toText(src, s.start))
	last := m.lineOf(a.toText(src, s.end))
	m.article.scroll.show(first, last+1)
}

// selectedRange is the selection in the text as drawn, or {-1, -1}.
func (m *Model) selectedRange() span {
	if m.ed == nil || !m.ed.sel.on {
		return span{-1, -1}
	}
	a := m.article.src.get(m.cm)
	src := m.cm.Article.Text
	return span{a.toText(src, m.ed.sel.start), a.toText(src, m.ed.sel.end)}
}

// offsetAt is the article offset under a cell of the article view, and
// whether the cell holds text.
func (m *Model) offsetAt(x, y int) (int, bool) {
	row := m.lay.Body.rowAt(x, y)
	i := m.article.scroll.top + row
	if row < 0 || i < 0 || i >= len(m.article.lines) {
		return 0, false
	}
	l := m.article.lines[i]
	if l.start < 0 {
		return 0, false
	}
	a := m.article.src.get(m.cm)
	col := x - m.lay.Body.Inner.X - articleGutter
	if col < 0 {
		col = 0
	}
	text := a.text[l.start:l.end]
	t := l.start + byteAtCell(text, col)
	return a.fromText(m.cm.Article.Text, t), true
}

// byteAtCell is the offset in s of the character drawn at cell col.
func byteAtCell(s string, col int) int {
	w := 0
	for i, r := range s {
		rw := cells(string(r))
		if w+rw > col {
			return i
		}
		w += rw
	}
	return len(s)
}

// snapToTokens widens [from, to) (either order) to whole words of the
// paragraph of from, and returns it as the selection.
func (m *Model) snapToTokens(from, to int) selection {
	a := m.article.src.get(m.cm)
	src := m.cm.Article.Text
	p := a.paraOf(from)
	ps := a.src[p]
	if from > to {
		from, to = to, from
	}
	from, to = clamp(from, ps.start, ps.end), clamp(to, ps.start, ps.end)
	toks := a.tokens(src, p)
	if len(toks) == 0 {
		return selection{}
	}
	s := selection{on: true, para: p, start: toks[0].start, end: toks[len(toks)-1].end}
	for _, t := range toks {
		if t.end > from {
			s.start = t.start
			break
		}
	}
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].start <= to {
			s.end = toks[i].end
			break
		}
	}
	if s.end <= s.start {
		s.end = s.start
		for _, t := range toks {
			if t.start >= s.start {
				s.end = t.end
				break
			}
		}
	}
	return s
}
