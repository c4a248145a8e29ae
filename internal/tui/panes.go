package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"counterpoint/internal/claims"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// speakerRows are the rows of the speakers pane: positions in order, and -1
// for the "others" separator. They never change: made once, in New.
func (m *Model) speakerRows() []int { return m.rows }

func makeSpeakerRows(order []*claims.Speaker, split int) []int {
	rows := make([]int, 0, len(order)+1)
	for i := range order {
		if i == split && split > 0 {
			rows = append(rows, -1)
		}
		rows = append(rows, i)
	}
	return rows
}

// speakerRow is the row of the selected speaker.
func (m *Model) speakerRow(rows []int) int {
	for r, i := range rows {
		if i == m.sel {
			return r
		}
	}
	return 0
}

// speakerAt returns the speaker on row y of the pane's inside.
func (m *Model) speakerAt(y int) (int, bool) {
	rows := m.speakerRows()
	s := m.speakersScroll
	if y < 0 || y >= s.h || s.top+y >= len(rows) || rows[s.top+y] < 0 {
		return 0, false
	}
	return rows[s.top+y], true
}

// speakerName is a speaker as the pane names them.
func (m *Model) speakerName(s *claims.Speaker) string {
	return m.safe.name(m, s)
}

// speakersWidth is the inner width the speakers pane needs for its longest
// row, "▌ name count ": the longest name (measured once) and the widest
// count.
func (m *Model) speakersWidth() int {
	if m.safe.longest < 0 {
		m.safe.longest = 0
		for _, s := range m.order {
			m.safe.longest = max(m.safe.longest, cells(m.speakerName(s)))
		}
	}
	return 2 + m.safe.longest + 1 + len(fmt.Sprint(m.maxCount)) + 1
}

// speakersNote says which speakers are in sight when the pane scrolls,
// counting speakers and not the "others" row between them: " · 1–5 of 9".
func speakersNote(rows []int, sc scroller) string {
	if !sc.scrolls() {
		return ""
	}
	above, through, n := 0, 0, 0
	for k, i := range rows {
		if i < 0 {
			continue
		}
		n++
		if k < sc.top {
			above = n
		}
		if k < sc.end() {
			through = n
		}
	}
	return fmt.Sprintf(" · %d–%d of %d", above+1, through, n)
}

func (m *Model) viewSpeakers() string {
	st := m.styles
	p := m.lay.Speakers
	inner := p.Inner.W
	rows := m.speakerRows()
	sc := m.speakersScroll
	lines := make([]string, 0, sc.h)
	cut := false
	for _, i := range rows[sc.top:sc.end()] {
		if i < 0 {
			lines = append(lines, st.Ink.Faint.paint(fit(" ── others ──", inner)))
			continue
		}
		count := fmt.Sprint(m.counts[i])
		// "▌ name   count ": two for the marker, one at least between, one after.
		full := m.speakerName(m.order[i])
		name := truncate(full, max(inner-len(count)-4, 1), "…")
		cut = cut || name != full
		gap := max(inner-3-cells(name)-len(count), 1)
		text := name + strings.Repeat(" ", gap) + count + " "
		switch {
		case i == m.sel:
			lines = append(lines, st.Ink.Marker.paint("▌")+st.Ink.Selected.paint(" "+text))
		case m.counts[i] == 0:
			lines = append(lines, st.Ink.Faint.paint("  "+text))
		default:
			lines = append(lines, "  "+text)
		}
	}
	note := ""
	if cut {
		note = " · names cut"
	}
	return st.box(m.paneTitle(p, "Speakers", speakersNote(rows, sc), note), lines, p, m.focus == FocusSpeakers)
}

// relaysOnly says whether a speaker only relays others' words, as KCNA does.
func (m *Model) relaysOnly(s *claims.Speaker) bool {
	return len(m.cm.Relayed(s)) > 0 && len(m.cm.ClaimsBy(s, claims.Filter{})) == 0
}

// rowText is a claim as its row in the claims pane says it: the speaker
// first among search results, and the summary too when the search matched
// words there, so that a hit always shows the words that matched.
func (m *Model) rowText(c *claims.Claim) string {
	s := m.safe.words(c)
	if m.searchMode() {
		s = sanitize.Line(c.Speaker.Name) + ": " + s
		if c.Summary != "" && !m.query.HoldsIn(c.Text) {
			s += " — in short: " + sanitize.Line(c.Summary)
		}
	}
	return s
}

// oneLine is a claim's words in a row: a quote in quote marks, a
// paraphrase after ≈.
func oneLine(c *claims.Claim) string {
	if c.Mode == claims.ModeQuote {
		return "“" + c.Text + "”"
	}
	return "≈ " + c.Text
}

// rowShape is how a claim's row sits in a pane of inner width w: "▸ text
// badge ", the badge beside the text; or, where that would leave the text
// fewer than minRowText cells, the badge on a line of its own under a
// whole row, and only its count of answers beside a one-line row.
type rowShape struct {
	badge string // beside the text, or under it when under
	under bool
	text  int // the text's width
}

const minRowText = 24

func (m *Model) rowShape(c *claims.Claim, w int, whole bool) rowShape {
	b := m.badge(c)
	if tw := w - 2 - 1 - cells(b) - 1; tw >= minRowText {
		return rowShape{badge: b, text: tw}
	}
	if whole {
		return rowShape{badge: b, under: true, text: max(w-3, 1)}
	}
	b = m.answersBadge(c)
	return rowShape{badge: b, text: max(w-2-1-cells(b)-1, 1)}
}

// claimRows is how many lines claim i's row takes: its text wrapped, when
// whole, or one line. Whole rows are counted once for each state the
// explorer is in (see rowCount).
func (m *Model) claimRows(i, w int, whole bool) int {
	whole = whole || i == m.cur
	if !whole {
		return 1
	}
	c := m.list[i]
	if n, ok := m.rowCount.get(c, w); ok {
		return n
	}
	sh := m.rowShape(c, w, true)
	n := len(wrapSpans(m.rowText(c), sh.text))
	if sh.under {
		n++
	}
	m.rowCount.put(c, w, n)
	return n
}

// rowCount remembers how many lines whole rows take at one width and for
// one search (which decides what a row says): layout, placing and drawing
// the claims all ask, on every key, and wrapping is most of what they cost.
// refresh starts a new one when the width or the search changes.
type rowCount struct {
	w int
	q claims.Query
	n map[*claims.Claim]int
}

func (r *rowCount) get(c *claims.Claim, w int) (int, bool) {
	if r == nil || r.w != w {
		return 0, false
	}
	n, ok := r.n[c]
	return n, ok
}

func (r *rowCount) put(c *claims.Claim, w, n int) {
	if r == nil {
		return
	}
	if r.w != w || r.n == nil {
		r.w, r.n = w, map[*claims.Claim]int{}
	}
	r.n[c] = n
}

// safeText holds what the explorer draws of each claim, sanitised once:
// sanitising is the costliest step of drawing a row, and a claim's words
// never change.
type safeText struct {
	rows, names []string
	badges      []string // by claim index: what badge says, which never changes
	longest     int      // the widest name, -1 until measured
}

func newSafeText(cm *claims.Model) *safeText {
	return &safeText{rows: make([]string, len(cm.Claims)), badges: make([]string, len(cm.Claims)), names: make([]string, len(cm.Speakers)), longest: -1}
}

// name is a speaker as the speakers pane names them, sanitised:
// "KCNA (relays)" for one who only relays others' words.
func (s *safeText) name(m *Model, sp *claims.Speaker) string {
	if s.names[sp.Index] == "" {
		name := sanitize.Line(sp.Name)
		if m.relaysOnly(sp) {
			name += " (relays)"
		}
		s.names[sp.Index] = name
	}
	return s.names[sp.Index]
}

// words is the claim's words as a row shows them, sanitised.
func (s *safeText) words(c *claims.Claim) string {
	if s == nil || c.Index >= len(s.rows) {
		return sanitize.Line(oneLine(c))
	}
	if s.rows[c.Index] == "" {
		s.rows[c.Index] = sanitize.Line(oneLine(c))
	}
	return s.rows[c.Index]
}

// claimsHeight is the lines the claims pane needs at inner width w to show
// every claim whole, counted up to limit and no further.
func (m *Model) claimsHeight(w, limit int) int {
	if len(m.list) == 0 {
		return len(m.lines(new(rich).add(m.emptyReason(), m.styles.Ink.Dim), max(w-2, 1)))
	}
	n := 0
	for i := range m.list {
		if n > limit {
			break
		}
		n += m.claimRows(i, w, true)
	}
	return n
}

// placeClaims decides how the claims pane shows its rows, for its height:
// every claim whole when they all fit, else one line each but the selected
// one, which is always whole; and scrolls it to keep the selection in
// sight. Then the lines left over go to the rows in sight, in order, each
// shown whole where its extra lines still fit.
func (m *Model) placeClaims() {
	in := m.lay.Claims.Inner
	m.claimsWhole = m.claimsHeight(in.W, in.H) <= in.H
	m.claimsPlan = nil
	if m.claimsWhole {
		m.claimsTop = 0
		return
	}
	h := max(in.H-(m.claimRows(m.cur, in.W, false)-1), 1)
	m.claimsTop = window(m.claimsTop, m.cur, len(m.list), h)
	used, end := 0, m.claimsTop
	for i := m.claimsTop; i < len(m.list); i++ {
		r := m.claimRows(i, in.W, false)
		if used+r > in.H && i > m.cur {
			break
		}
		used, end = used+r, i+1
		if used >= in.H {
			break
		}
	}
	spare := in.H - used
	m.claimsPlan = make([]bool, end-m.claimsTop)
	for i := m.claimsTop; i < end; i++ {
		if i == m.cur {
			continue
		}
		if extra := m.claimRows(i, in.W, true) - 1; extra <= spare {
			m.claimsPlan[i-m.claimsTop] = true
			spare -= extra
		}
	}
}

// rowWhole says whether claim i's row is shown whole.
func (m *Model) rowWhole(i int) bool {
	if m.claimsWhole || i == m.cur {
		return true
	}
	k := i - m.claimsTop
	return k >= 0 && k < len(m.claimsPlan) && m.claimsPlan[k]
}

// claimsEnd is one past the last claim in sight; the selected claim is
// always in sight, cut at the pane's foot if it is taller than the pane.
func (m *Model) claimsEnd() int {
	in := m.lay.Claims.Inner
	n := 0
	i := m.claimsTop
	for ; i < len(m.list); i++ {
		n += m.claimRows(i, in.W, m.rowWhole(i))
		if n > in.H && i > m.cur {
			break
		}
		if n >= in.H {
			return i + 1
		}
	}
	return i
}

// claimAt is the claim on row y of the claims pane's inside.
func (m *Model) claimAt(y int) (int, bool) {
	if y < 0 {
		return 0, false
	}
	in := m.lay.Claims.Inner
	n := 0
	for i := m.claimsTop; i < len(m.list); i++ {
		n += m.claimRows(i, in.W, m.rowWhole(i))
		if y < n {
			return i, true
		}
	}
	return 0, false
}

func (m *Model) viewClaims() string {
	st := m.styles
	p := m.lay.Claims
	inner := p.Inner.W
	var lines []string
	if len(m.list) == 0 {
		lines = padLeft(m.lines(new(rich).add(m.emptyReason(), st.Ink.Dim), max(inner-2, 1)), 1)
	}
	end := m.claimsEnd()
	shortened := false
	for i := m.claimsTop; i < end && len(lines) < p.Inner.H; i++ {
		row, cut := m.claimRow(i, inner)
		shortened = shortened || cut
		lines = append(lines, row...)
	}
	if len(lines) > p.Inner.H {
		lines = lines[:p.Inner.H]
		shortened = true
	}
	head, role := m.claimsTitle()
	var where, short string
	if n := len(m.list); end-m.claimsTop < n {
		where = fmt.Sprintf(" · %d–%d of %d", m.claimsTop+1, end, n)
		if end-m.claimsTop == 1 {
			where = fmt.Sprintf(" · %d of %d", end, n)
		}
	}
	if shortened {
		short = " · rows cut"
	}
	if role != "" {
		role = " — " + role
	}
	return st.box(m.paneTitle(p, head, where, short, role), lines, p, m.focus == FocusClaims)
}

// claimRow draws claim i's row in a pane of inner width w, and says
// whether it had to be shortened. A row is whole when the pane shows every
// claim whole, and the selected row always; else it is one line, which
// among search results begins near the first word that matched.
func (m *Model) claimRow(i, w int) ([]string, bool) {
	st := m.styles
	c := m.list[i]
	selected := i == m.cur
	whole := m.rowWhole(i)
	sh := m.rowShape(c, w, whole)
	text := m.rowText(c)
	marks := m.query.Ranges(text)
	base, padInk := st.Ink.Quote, ink{}
	if selected {
		base, padInk = st.Ink.Selected, st.Ink.SelPad
	}
	runs := []run{{len(text), base}}
	marker := "  "
	if selected {
		marker = st.Ink.Marker.paint("▸") + st.Ink.Selected.paint(" ")
	}
	badgeW := cells(sh.badge) + 1
	// line is one line of the row: the marker's column, the text padded to
	// its width, then the badge or the room it takes.
	line := func(j int, styled string, width int) string {
		out := marker
		if j > 0 {
			out = padInk.paint("  ")
		}
		out += styled + padInk.paint(strings.Repeat(" ", max(sh.text-width, 0)+1))
		switch {
		case j == 0 && !sh.under:
			out += m.styleBadge(sh.badge, selected)
		case !sh.under:
			out += padInk.paint(strings.Repeat(" ", badgeW))
		}
		return out
	}
	if whole {
		spans := wrapSpans(text, sh.text)
		out := make([]string, 0, len(spans)+1)
		for j, sp := range spans {
			out = append(out, line(j, m.styleSpan(text, runs, sp, marks), cells(text[sp.start:sp.end])))
		}
		if sh.under {
			b := m.styleBadge(sh.badge, selected)
			out = append(out, padInk.paint("  ")+b+padInk.paint(strings.Repeat(" ", max(w-2-badgeW, 0))))
		}
		return out, false
	}
	// One line: from the start, or from a word before the first match when
	// the match would fall past the cut.
	tw := sh.text
	from := 0
	if len(marks) > 0 && cells(text[:marks[0].End]) > tw-1 {
		from = strings.LastIndexByte(text[:marks[0].Start], ' ') + 1
		if cells(text[from:marks[0].End]) > tw-2 {
			from = marks[0].Start
		}
	}
	var b strings.Builder
	used := 0
	if from > 0 {
		b.WriteString(base.paint("…"))
		used++
	}
	end := len(text)
	if used+cells(text[from:]) > tw {
		end = from + len(ansi.Truncate(text[from:], max(tw-used-1, 0), ""))
	}
	b.WriteString(m.styleSpan(text, runs, span{from, end}, marks))
	used += cells(text[from:end])
	if end < len(text) {
		b.WriteString(base.paint("…"))
		used++
	}
	return []string{line(0, b.String(), used)}, from > 0 || end < len(text)
}

// claimsTitle heads the claims pane: whose claims and how many, and the
// speaker's role.
func (m *Model) claimsTitle() (head, role string) {
	if len(m.order) == 0 {
		return "Claims", ""
	}
	if m.searchMode() {
		return fmt.Sprintf("Search · %s · %s", phrase.Count(len(m.list), "claim"), phrase.Count(m.speaking, "speaker")), ""
	}
	s := m.order[m.sel]
	head = sanitize.Line(s.Name) + " · " + phrase.Count(len(m.list), "claim")
	if m.relaysOnly(s) {
		head = sanitize.Line(s.Name) + " · relays " + phrase.Count(len(m.list), "claim")
	}
	return head, sanitize.Line(s.Role)
}

// badge says how a claim stands in the exchange: which paragraph it answers,
// if it is itself an answer, and how many answers it has, or none. Words and
// ¶ rather than arrows: they read the same in every font.
func (m *Model) badge(c *claims.Claim) string {
	if m.safe != nil && c.Index < len(m.safe.badges) && m.safe.badges[c.Index] != "" {
		return m.safe.badges[c.Index]
	}
	b := m.makeBadge(c)
	if m.safe != nil && c.Index < len(m.safe.badges) {
		m.safe.badges[c.Index] = b
	}
	return b
}

func (m *Model) makeBadge(c *claims.Claim) string {
	b := draftBadge(c)
	if as := m.cm.Answering(c); len(as) > 0 {
		b += fmt.Sprintf("re ¶%d", as[0].To.Paragraph)
		if len(as) > 1 {
			b += "+"
		}
		b += " · "
	}
	return b + m.answersBadge(c)
}

// answersBadge is the part of the badge that counts the claim's answers.
func (m *Model) answersBadge(c *claims.Claim) string {
	if n := len(m.cm.AnswersTo(c)); n > 0 {
		return phrase.Count(n, "answer")
	}
	return "unanswered"
}

// styleBadge colours a badge: what it answers, then its answers or their
// absence.
func (m *Model) styleBadge(b string, selected bool) string {
	in := m.styles.Ink
	var out strings.Builder
	for i, part := range strings.Split(b, " · ") {
		k := in.Badge
		switch {
		case selected && part == "unanswered":
			k = in.SelBadgeUnanswered
		case selected:
			k = in.SelBadge
		case part == "unanswered":
			k = in.BadgeUnanswered
		}
		if i > 0 {
			out.WriteString(k.paint(" · "))
		}
		out.WriteString(k.paint(part))
	}
	if selected {
		return out.String() + in.SelPad.paint(" ")
	}
	return out.String() + " "
}

// viewComparison is the statement and its answer side by side. A card with
// more than its pane shows says so on its last row, naming the key that
// scrolls it from where the focus is.
func (m *Model) viewComparison() string {
	st := m.styles
	var out [2]string
	for i, p := range []pane{m.lay.Statement, m.lay.Answer} {
		c, s := m.cards[i], m.cardScroll[i]
		lines := c.lines[s.top:s.end()]
		focused := m.focus == FocusStatement+Focus(i)
		if s.end() < s.n && s.h > 1 {
			// Say there is more, on the last row, rather than hide it.
			lines = append(append([]string{}, lines[:len(lines)-1]...), st.Dim.Render(m.moreHint(FocusStatement+Focus(i))))
		}
		out[i] = st.box(m.paneTitle(p, c.title, s.note("")), lines, p, focused)
	}
	return hjoin(out[0], out[1])
}

// moreHint says how to scroll the pane f: pgdn if it has the focus, else
// how many tabs bring the focus there.
func (m *Model) moreHint(f Focus) string {
	if m.focus == f {
		return "↓ more: pgdn or the wheel"
	}
	n := int((f - m.focus + focusCount) % focusCount)
	tabs := "tab"
	if n > 1 {
		tabs = fmt.Sprintf("tab ×%d", n)
	}
	return "↓ more: " + tabs + ", then pgdn"
}
