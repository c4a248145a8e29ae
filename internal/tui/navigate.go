package tui

import (
	"slices"
	"strings"

	"counterpoint/internal/claims"
)

// applyFilter rebuilds the filter from the chosen topics and the search, then
// the counts and the claims pane, keeping the selected claim where it can.
//
// It is one pass over the claims that hold the search words, and when the
// search only grew (one more letter typed), those are found among the
// previous search's hits rather than among every claim: the hits of "whit"
// hold the hits of "white". At 100,000 claims this keeps a key press in a
// search within a frame.
func (m *Model) applyFilter() {
	var topics []*claims.Topic
	for i, on := range m.topicOn {
		if on {
			topics = append(topics, m.cm.Topics[i])
		}
	}
	m.filter = claims.Filter{Topics: topics, Search: m.input.Value()}
	words := claims.SearchWords(m.filter.Search)
	switch {
	case len(words) == 0:
		m.hits = m.cm.Claims
	case refines(m.words, words):
		m.hits = hitsAmong(m.hits, words)
	default:
		m.hits = hitsAmong(m.cm.Claims, words)
	}
	m.words = words

	byIndex := make([]int, len(m.cm.Speakers))
	m.topicCounts = make([]int, len(m.cm.Topics))
	m.searched, m.passing = len(m.hits), 0
	var results []*claims.Claim
	for _, c := range m.hits {
		for _, t := range c.Topics {
			m.topicCounts[t.Index]++
		}
		if !c.HasAnyTopic(topics) {
			continue
		}
		m.passing++
		if len(words) > 0 {
			results = append(results, c)
		}
		if c.Speaker != nil {
			byIndex[c.Speaker.Index]++
			if r := c.ReportedBy; r != nil && r != c.Speaker {
				byIndex[r.Index]++
			}
		}
	}
	m.counts = make([]int, len(m.order))
	for i, s := range m.order {
		m.counts[i] = byIndex[s.Index]
	}

	keep := m.Selected()
	if m.searchMode() {
		m.list = results
	} else {
		m.fillList()
	}
	m.cur, m.listTop = 0, 0
	if keep != nil {
		// Stay on the claim, or on the nearest one after it.
		i, _ := slices.BinarySearchFunc(m.list, keep.Index, func(c *claims.Claim, idx int) int { return c.Index - idx })
		m.cur = min(i, max(len(m.list)-1, 0))
	}
	m.afterMove()
}

// refines says whether a search for words can only narrow a search for
// prev: each earlier word is within the word now in its place.
func refines(prev, words []string) bool {
	if len(prev) == 0 || len(words) < len(prev) {
		return false
	}
	for i, w := range prev {
		if !strings.Contains(words[i], w) {
			return false
		}
	}
	return true
}

// hitsAmong returns the claims of pool that hold every word.
func hitsAmong(pool []*claims.Claim, words []string) []*claims.Claim {
	var out []*claims.Claim
	for _, c := range pool {
		if c.HasWords(words) {
			out = append(out, c)
		}
	}
	return out
}

// searchMode says whether the claims pane lists search results from every
// speaker rather than one speaker's claims.
func (m *Model) searchMode() bool { return len(m.words) > 0 }

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
	m.cur, m.listTop = 0, 0
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
	m.scroll = [2]int{}
	if c := m.Selected(); c != nil && m.searchMode() && !m.voices(m.order[m.sel], c) {
		for i, s := range m.order {
			if s == c.Speaker {
				m.sel = i
				break
			}
		}
	}
	m.clampScroll()
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
	m.scroll[1] = 0
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

// goToClaim selects a claim from a view (thread, article) and returns to the
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
	m.view = viewPanes
}

// focusStep moves focus to the next (+1) or previous (-1) pane.
func (m *Model) focusStep(d int) {
	m.focus = (m.focus + Focus(d) + focusCount) % focusCount
}
