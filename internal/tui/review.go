package tui

import (
	"cmp"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/edit"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// The review queue goes through the drafted claims, least confident first,
// in the article view: each one's passage, the mention of its speaker and
// its verb of saying highlighted, its speaker and confidence in the title.
// One key accepts it (its provenance goes), fixes it (the claim form) or
// rejects it (it goes, with its relations); the title counts what remains.

// reviewState is where the review is.
type reviewState struct {
	on  bool
	pos int // rank in the queue of the claim shown
}

// queue is the drafted claims, least confident first, then in article
// order.
func (m *Model) queue() []*claims.Claim {
	var q []*claims.Claim
	for _, c := range m.cm.Claims {
		if c.Draft != nil {
			q = append(q, c)
		}
	}
	slices.SortStableFunc(q, func(a, b *claims.Claim) int { return cmp.Compare(a.Draft.Confidence, b.Draft.Confidence) })
	return q
}

// openReview starts the review, at the least confident drafted claim.
func (m *Model) openReview() {
	if len(m.queue()) == 0 {
		m.status = "nothing to review: no claim is a machine's draft"
		return
	}
	m.ed.review = reviewState{on: true}
	m.view = articleView
	m.showReviewed()
}

// showReviewed highlights the claim at the queue's position, or ends the
// review when none remains.
func (m *Model) showReviewed() {
	q := m.queue()
	if len(q) == 0 {
		m.ed.review.on = false
		m.status = "review done: every drafted claim is checked" + m.unsavedNote()
		return
	}
	m.ed.review.pos = clamp(m.ed.review.pos, 0, len(q)-1)
	m.article.cur = q[m.ed.review.pos].Index
	m.rewrapArticle()
	m.showPassage()
}

// reviewed is the claim under review.
func (m *Model) reviewed() *claims.Claim {
	q := m.queue()
	if !m.ed.review.on || len(q) == 0 {
		return nil
	}
	return q[clamp(m.ed.review.pos, 0, len(q)-1)]
}

// reviewKey: a accepts, e fixes, x rejects, n and p step, esc ends.
func (m *Model) reviewKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	c := m.reviewed()
	if c == nil {
		return false, nil
	}
	switch msg.String() {
	case "a":
		if m.change("accepted "+c.ID, func(d *edit.Doc) error { return d.AcceptClaim(c.ID) }) {
			m.showReviewed()
			m.status = "accepted " + c.ID + " · " + m.remaining()
		}
	case "x":
		n := m.ed.doc.RelationsOf(c.ID)
		if m.change("rejected "+c.ID, func(d *edit.Doc) error { return d.RejectClaim(c.ID) }) {
			m.showReviewed()
			what := "rejected " + c.ID
			if n > 0 {
				what += " and " + phrase.Count(n, "relation")
			}
			m.status = what + " · " + m.remaining()
		}
	case "e":
		return true, m.changeClaimForm(c, true)
	case "n", "]":
		m.ed.review.pos++
		m.showReviewed()
	case "p", "[":
		m.ed.review.pos--
		m.showReviewed()
	case "esc", "r":
		m.ed.review.on = false
		m.view = panesView
		if m.article.cur < len(m.cm.Claims) {
			m.goToClaim(m.cm.Claims[m.article.cur])
		}
	default:
		return false, nil
	}
	return true, nil
}

// remaining says how many drafted claims are left.
func (m *Model) remaining() string {
	n := len(m.queue())
	if n == 0 {
		return "review done" + m.unsavedNote()
	}
	return fmt.Sprintf("%d to review", n) + m.unsavedNote()
}

// reviewTitle is the article box's title during the review: where the
// review is, the claim's paragraph and speaker, then, as room allows, how
// sure the draft is and by what rule, the highlights' legend, and which
// lines are in sight.
func (m *Model) reviewTitle(c *claims.Claim) string {
	st := m.styles
	room := m.lay.Body.Outer.W - st.Pane.GetHorizontalBorderSize() - 2
	head := fmt.Sprintf("Review %d of %d", m.ed.review.pos+1, len(m.queue()))
	where := fmt.Sprintf(" · ¶%d · %s", c.Paragraph, sanitize.Line(c.Speaker.Name))
	title := st.PaneTitle.Render(head) + st.Dim.Render(truncate(where, room-cells(head), "…"))
	used := cells(head) + min(cells(where), room-cells(head))
	for _, n := range []string{
		fmt.Sprintf(" · %.2f %s", c.Draft.Confidence, sanitize.Line(c.Draft.Rule)),
		m.draftLegend(c),
		m.article.scroll.note("lines"),
	} {
		if w := cells(n); used+w <= room {
			if n == m.draftLegend(c) {
				title += n
			} else {
				title += st.Dim.Render(n)
			}
			used += w
		}
	}
	return title
}
