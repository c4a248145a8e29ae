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

// AnswersTo returns the relations whose From answers c, in article order of
// the answers.
func (m *Model) AnswersTo(c *Claim) []*Relation { return slices.Clip(m.answersOf(c)) }

// Answering returns the relations by which c answers other claims, in
// article order of what it answers.
func (m *Model) Answering(c *Claim) []*Relation { return slices.Clip(m.answeringOf(c)) }

// answersOf and answeringOf read the indexes, which hold the model's own
// claims only.
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

// Unanswered returns the claims that pass the filter and that no claim
// answers, in article order.
func (m *Model) Unanswered(f Filter) []*Claim {
	mt := f.compile()
	var out []*Claim
	for _, c := range m.Claims {
		if len(m.answersOf(c)) == 0 && mt.match(c) {
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

// Exchange is the whole back-and-forth that a claim belongs to: every claim
// linked to it by answers, directly or through others.
type Exchange struct {
	Claims    []*Claim    // article order
	Relations []*Relation // article order of the answering claim, then of the answered
}

// Exchange returns the exchange that c belongs to. The relations form a
// graph that may hold cycles; each claim and relation appears once.
func (m *Model) Exchange(c *Claim) Exchange {
	seen := map[*Claim]bool{c: true}
	queue := []*Claim{c}
	var rels []*Relation
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		// Each relation is met from both ends; keep it once, from its From.
		for _, r := range m.answeringOf(cur) {
			rels = append(rels, r)
			if !seen[r.To] {
				seen[r.To] = true
				queue = append(queue, r.To)
			}
		}
		for _, r := range m.answersOf(cur) {
			if !seen[r.From] {
				seen[r.From] = true
				queue = append(queue, r.From)
			}
		}
	}
	claims := make([]*Claim, 0, len(seen))
	for k := range seen {
		claims = append(claims, k)
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
