package tui

import (
	"slices"

	"counterpoint/internal/claims"
)

// applyFilter rebuilds the filter from the chosen topics and the search, then
// the counts and the claims pane, keeping the selected claim where it can.
//
// The search is the model's (claims.Model.Search), and when the search only
// grew (one more letter typed), its hits are looked for among the previous
// search's rather than among every claim: the hits of "whit" hold the hits
// of "white". Counts, topic counts and the claims pane then come from one
// pass over the hits.
func (m *Model) applyFilter() {
	var topics []*claims.Topic
	for i, on := range m.topicOn {
		if on {
			topics = append(topics, m.cm.Topics[i])
		}
	}
	m.filter = claims.Filter{Topics: topics, Search: m.input.Value(), Typing: m.searching}
	q := m.filter.Query()
	switch {
	case q.IsZero():
		m.hits = nil
	case m.hits != nil && q.Narrows(m.query):
		m.hits = m.cm.Find(q, m.hits)
	default:
		m.hits = m.cm.Find(q, nil)
	}
	m.query = q

	// One pass over the hits (every claim, with no search) counts what
	// every pane shows.
	t := m.cm.Tally(m.hits, topics)
	m.topicCounts = t.Topics
	m.passing = len(t.Passing)
	m.searched = len(m.cm.Claims)
	if m.hits != nil {
		m.searched = len(m.hits)
	}
	var results []*claims.Claim
	if !q.IsZero() {
		results = make([]*claims.Claim, len(t.Passing))
		for i, ci := range t.Passing {
			results[i] = m.cm.Claims[ci]
		}
	}
	m.counts = make([]int, len(m.order))
	m.maxCount = 0
	for i, s := range m.order {
		m.counts[i] = t.Voiced[s.Index]
		m.maxCount = max(m.maxCount, m.counts[i])
	}
	m.speaking = 0
	for _, n := range t.Said {
		if n > 0 {
			m.speaking++
		}
	}

	keep := m.Selected()
	if m.searchMode() {
		m.list = results
	} else {
		m.fillList()
	}
	m.cur, m.claimsTop = 0, 0
	if keep != nil {
		// Stay on the claim, or on the nearest one after it.
		i, _ := slices.BinarySearchFunc(m.list, keep.Index, func(c *claims.Claim, idx int) int { return c.Index - idx })
		m.cur = min(i, max(len(m.list)-1, 0))
	}
	m.afterMove()
}

// searchMode says whether the claims pane lists search results from every
// speaker rather than one speaker's claims.
func (m *Model) searchMode() bool { return !m.query.IsZero() }

// fillList fills the claims pane for the selected speaker, or with every
// search result.
func (m *Model) fillList() {
	switch {
	case len(m.order) == 0:
		m.list = nil
	case m.searchMode():
		m.list = m.cm.Select(m.filter)
	default:
		m.list = m.cm.Voiced(m.order[m.sel], m.filter)
	}
}

// selectSpeaker selects the speaker at position i of the list, and their
// first claim.
func (m *Model) selectSpeaker(i int) {
	if len(m.order) == 0 {
		return
	}
	i = clamp(i, 0, len(m.order)-1)
	if m.searchMode() {
		// Results span every speaker: go to the speaker's first result.
		for j, c := range m.list {
			if m.voices(m.order[i], c) {
				m.sel = i
				m.cur = j
				m.afterMove()
				return
			}
		}
		return
	}
	m.sel = i
	m.fillList()
	m.cur, m.claimsTop = 0, 0
	m.afterMove()
}

// voices says whether the speaker makes or relays the claim.
func (m *Model) voices(s *claims.Speaker, c *claims.Claim) bool {
	return c.Speaker == s || c.ReportedBy == s
}

// stepSpeaker moves to the next (+1) or previous (-1) speaker. Among search
// results it skips speakers with nothing found.
func (m *Model) stepSpeaker(d int) {
	for i := m.sel + d; i >= 0 && i < len(m.order); i += d {
		if !m.searchMode() || m.counts[i] > 0 {
			m.selectSpeaker(i)
			return
		}
	}
}

// moveClaim moves the selection in the claims pane to position i.
func (m *Model) moveClaim(i int) {
	if len(m.list) == 0 {
		return
	}
	m.cur = clamp(i, 0, len(m.list)-1)
	m.afterMove()
}

// afterMove resets what depends on the selected claim and, among search
// results, makes the speaker follow the claim.
func (m *Model) afterMove() {
	m.link = 0
	m.cardScroll = [2]scroller{}
	if c := m.Selected(); c != nil && m.searchMode() && !m.voices(m.order[m.sel], c) {
		for i, s := range m.order {
			if s == c.Speaker {
				m.sel = i
				break
			}
		}
	}
}

// link is one answer relation seen from the selected claim: either a claim
// that answers it (incoming) or a claim it answers.
type link struct {
	rel      *claims.Relation
	incoming bool // rel.From answers the selected claim
}

// other is the claim at the far end of the link.
func (l link) other() *claims.Claim {
	if l.incoming {
		return l.rel.From
	}
	return l.rel.To
}

// links lists the selected claim's answers, then what it answers.
func (m *Model) links() []link {
	c := m.Selected()
	if c == nil {
		return nil
	}
	var out []link
	for _, r := range m.cm.AnswersTo(c) {
		out = append(out, link{r, true})
	}
	for _, r := range m.cm.Answering(c) {
		out = append(out, link{r, false})
	}
	return out
}

func (m *Model) stepLink(d int) {
	n := len(m.links())
	if n == 0 {
		return
	}
	m.link = clamp(m.link+d, 0, n-1)
	m.cardScroll[1] = scroller{}
}

func (m *Model) here() place {
	p := place{claim: m.Selected(), link: m.link}
	if len(m.order) > 0 {
		p.speaker = m.order[m.sel]
	}
	return p
}

// follow jumps to the claim at the other end of the shown link, remembering
// where it came from.
func (m *Model) follow() {
	ls := m.links()
	if m.link >= len(ls) {
		return
	}
	target := ls[m.link].other()
	m.back = append(m.back, m.here())
	m.fwd = nil
	m.goTo(place{speaker: target.Speaker, claim: target})
}

// goBack and goForward move through the follow history like a browser's.
func (m *Model) goBack()    { m.travel(&m.back, &m.fwd) }
func (m *Model) goForward() { m.travel(&m.fwd, &m.back) }

// travel goes to the last place of from, leaving the current one on to.
func (m *Model) travel(from, to *[]place) {
	if len(*from) == 0 {
		return
	}
	p := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, m.here())
	m.goTo(p)
}

// goTo selects a place. A claim hidden by the filter clears the filter (and
// says so) rather than being unreachable.
func (m *Model) goTo(p place) {
	if p.claim != nil && !m.visible(p.claim) {
		m.clearFilter()
		m.status = "filter cleared to show that claim"
	}
	if !m.searchMode() {
		i := slices.Index(m.order, p.speaker)
		if i < 0 && p.claim != nil {
			i = slices.Index(m.order, p.claim.Speaker)
		}
		if i >= 0 {
			m.sel = i
			m.fillList()
		}
	}
	m.cur = max(slices.Index(m.list, p.claim), 0)
	m.afterMove()
	m.link = p.link
	if n := len(m.links()); m.link >= n {
		m.link = 0
	}
}

// visible says whether a claim passes the filter.
func (m *Model) visible(c *claims.Claim) bool {
	if m.filter.IsZero() {
		return true
	}
	return slices.Contains(m.cm.ClaimsBy(c.Speaker, m.filter), c)
}

// filtered says whether any filter is in force.
func (m *Model) filtered() bool {
	return slices.Contains(m.topicOn, true) || m.input.Value() != ""
}

func (m *Model) clearFilter() {
	clear(m.topicOn)
	m.input.SetValue("")
	m.applyFilter()
}

// goToClaim selects a claim from a view (exchange, article) and returns to the
// panes.
func (m *Model) goToClaim(c *claims.Claim) {
	if c == nil {
		return
	}
	if c != m.Selected() {
		m.back = append(m.back, m.here())
		m.fwd = nil
		m.goTo(place{speaker: c.Speaker, claim: c})
	}
	m.view = panesView
}

// focusStep moves focus to the next (+1) or previous (-1) pane.
func (m *Model) focusStep(d int) {
	m.focus = (m.focus + Focus(d) + focusCount) % focusCount
}
