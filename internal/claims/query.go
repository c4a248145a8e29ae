package claims

import (
	"slices"
)

// Filter selects claims. A claim passes when it carries any of Topics (no
// topics: every claim) and its text or summary holds every word of Search
// (see Query).
type Filter struct {
	Topics []*Topic
	Search string
	Typing bool // the search is still being typed: its last word may be unfinished
}

// matcher is a Filter made ready for testing many claims.
type matcher struct {
	topics []*Topic
	query  Query
}

func (f Filter) compile() matcher {
	return matcher{topics: f.Topics, query: f.Query()}
}

// Query is the filter's search, made ready to run.
func (f Filter) Query() Query { return NewQuery(f.Search, f.Typing) }

func (mt matcher) match(c *Claim) bool {
	return c.HasAnyTopic(mt.topics) && mt.query.Matches(c)
}

// HasAnyTopic reports whether the claim carries any of the topics; any claim
// does when there are none.
func (c *Claim) HasAnyTopic(topics []*Topic) bool {
	if len(topics) == 0 {
		return true
	}
	for _, t := range topics {
		if t.Index < len(c.topicMask) && c.topicMask[t.Index] {
			return true
		}
	}
	return false
}

// IsZero reports whether the filter passes every claim.
func (f Filter) IsZero() bool { return len(f.Topics) == 0 && f.Query().IsZero() }

// Select returns the claims that pass the filter, in article order.
func (m *Model) Select(f Filter) []*Claim {
	mt := f.compile()
	var out []*Claim
	for _, c := range m.Search(mt.query, nil) {
		if c.HasAnyTopic(mt.topics) {
			out = append(out, c)
		}
	}
	return out
}

// ClaimsBy returns the speaker's claims that pass the filter, in article order.
func (m *Model) ClaimsBy(s *Speaker, f Filter) []*Claim {
	all := m.bySpeaker[s]
	if f.IsZero() {
		return slices.Clip(all)
	}
	mt := f.compile()
	var out []*Claim
	for _, c := range all {
		if mt.match(c) {
			out = append(out, c)
		}
	}
	return out
}

// Relayed returns the claims that the speaker relays for others (as
// reported_by), in article order.
func (m *Model) Relayed(s *Speaker) []*Claim { return slices.Clip(m.relayedBy[s]) }

// AnswersTo returns the answers to c's statement: the relations whose From
// answers c or another report of its statement (see Reports), one for each
// answering statement (the first in article order), in article order of the
// answers. Restatements are not answers.
func (m *Model) AnswersTo(c *Claim) []*Relation {
	if g := m.statement(c); g >= 0 {
		return slices.Clip(m.statementAnswersTo[g])
	}
	rels := m.answersOf(c)
	if !m.restated(rels, relFrom) {
		return slices.Clip(rels)
	}
	return m.statementAnswers(c, m.answersTo, relFrom, relTo)
}

// Answering returns the answers that c's statement gives: the relations by
// which c or another report of its statement answers other claims, one for
// each statement answered, in article order of what it answers.
func (m *Model) Answering(c *Claim) []*Relation {
	if g := m.statement(c); g >= 0 {
		return slices.Clip(m.statementAnswering[g])
	}
	rels := m.answeringOf(c)
	if !m.restated(rels, relTo) {
		return slices.Clip(rels)
	}
	return m.statementAnswers(c, m.answering, relTo, relFrom)
}

// answersOf and answeringOf read the indexes, which hold the model's own
// claims only: the answers to c itself, and those c gives.
func (m *Model) answersOf(c *Claim) []*Relation {
	if !m.owns(c) {
		return nil
	}
	return m.answersTo[c.Index]
}

func (m *Model) answeringOf(c *Claim) []*Relation {
	if !m.owns(c) {
		return nil
	}
	return m.answering[c.Index]
}

func (m *Model) owns(c *Claim) bool {
	return c != nil && c.Index >= 0 && c.Index < len(m.Claims) && m.Claims[c.Index] == c && c.Index < len(m.answersTo)
}

// Unanswered returns the claims that pass the filter and whose statement
// no claim answers, in article order.
func (m *Model) Unanswered(f Filter) []*Claim {
	mt := f.compile()
	var out []*Claim
	for _, c := range m.Claims {
		if len(m.answersOf(c)) == 0 && (m.statement(c) < 0 || len(m.AnswersTo(c)) == 0) && mt.match(c) {
			out = append(out, c)
		}
	}
	return out
}

// SpeakerCounts returns, for each speaker (indexed like Model.Speakers), how
// many of their claims pass the filter.
func (m *Model) SpeakerCounts(f Filter) []int {
	counts := make([]int, len(m.Speakers))
	mt := f.compile()
	for _, c := range m.Claims {
		if c.Speaker != nil && mt.match(c) {
			counts[c.Speaker.Index]++
		}
	}
	return counts
}

// TopicCounts returns, for each topic (indexed like Model.Topics), how many
// claims carry it and hold every word of the filter's search. The filter's
// own topics are ignored: a topic picker shows what each topic would add.
func (m *Model) TopicCounts(f Filter) []int {
	counts := make([]int, len(m.Topics))
	mt := matcher{query: f.Query()}
	for _, c := range m.Claims {
		if !mt.match(c) {
			continue
		}
		for _, t := range c.Topics {
			counts[t.Index]++
		}
	}
	return counts
}

// Exchange is the whole back-and-forth that a claim belongs to: every
// statement linked to its statement by answers, directly or through others.
type Exchange struct {
	// Claims holds one report of each statement, in article order: the
	// claim asked about for its own statement, for the others the first
	// quote among their reports, or else the first report. Reports gives
	// the rest.
	Claims    []*Claim
	Relations []*Relation // one answer for each pair of statements, article order of the answering claim, then of the answered
}

// Exchange returns the exchange that c belongs to. The answers form a
// graph that may hold cycles; each statement and answer appears once.
func (m *Model) Exchange(c *Claim) Exchange {
	seen := map[int]bool{m.statementKey(c): true}
	claims := []*Claim{c}
	queue := []*Claim{c}
	var rels []*Relation
	visit := func(other *Claim) {
		if k := m.statementKey(other); !seen[k] {
			seen[k] = true
			rep := m.representative(other)
			claims = append(claims, rep)
			queue = append(queue, rep)
		}
	}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		// Each answer is met from both statements; keep it once, from the
		// answering one.
		for _, r := range m.Answering(cur) {
			rels = append(rels, r)
			visit(r.To)
		}
		for _, r := range m.AnswersTo(cur) {
			visit(r.From)
		}
	}
	slices.SortFunc(claims, func(a, b *Claim) int { return a.Index - b.Index })
	slices.SortFunc(rels, func(a, b *Relation) int {
		if a.From.Index != b.From.Index {
			return a.From.Index - b.From.Index
		}
		return a.To.Index - b.To.Index
	})
	return Exchange{Claims: claims, Relations: rels}
}

// Voiced returns the claims that the speaker makes or relays for others
// (as reported_by) and that pass the filter, in article order. It is what a
// reader means by "what KCNA said".
func (m *Model) Voiced(s *Speaker, f Filter) []*Claim {
	relayed := m.relayedBy[s]
	if len(relayed) == 0 {
		return m.ClaimsBy(s, f)
	}
	mt := f.compile()
	own := m.bySpeaker[s]
	out := make([]*Claim, 0, len(own)+len(relayed))
	i, j := 0, 0
	for i < len(own) || j < len(relayed) {
		var c *Claim
		switch {
		case j == len(relayed) || (i < len(own) && own[i].Index < relayed[j].Index):
			c = own[i]
			i++
		case i == len(own) || relayed[j].Index < own[i].Index:
			c = relayed[j]
			j++
		default: // a speaker relaying itself: count the claim once
			c = own[i]
			i++
			j++
		}
		if mt.match(c) {
			out = append(out, c)
		}
	}
	return out
}

// VoicedCounts returns, for each speaker (indexed like Model.Speakers), how
// many claims pass the filter that the speaker makes or relays.
func (m *Model) VoicedCounts(f Filter) []int {
	counts := make([]int, len(m.Speakers))
	mt := f.compile()
	for _, c := range m.Claims {
		if c.Speaker == nil || !mt.match(c) {
			continue
		}
		counts[c.Speaker.Index]++
		if r := c.ReportedBy; r != nil && r != c.Speaker {
			counts[r.Index]++
		}
	}
	return counts
}

// Suggest returns the candidate nearest to s, if it is near enough to be a
// likely typo of it, else "": the "did you mean" of every message that
// names something unknown.
func Suggest(s string, candidates []string) string { return closest(s, candidates) }
