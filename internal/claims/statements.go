package claims

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A statement is what a speaker said once. An article often reports one
// statement several times, in its lede, in paraphrase, then in quotation:
// claims linked by restates, directly or through others, are the reports
// of one statement. Answers belong to statements: an answer to any report
// answers the statement, and the answers between two statements count once
// however many of their reports the annotation links.

// buildStatements groups the claims that the restatements link.
func buildStatements(m *Model, restatements []*Relation) {
	m.statementOf, m.reports, m.statementAnswersTo, m.statementAnswering = nil, nil, nil, nil
	if len(restatements) == 0 {
		return
	}
	parent := make([]int32, len(m.Claims))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, r := range restatements {
		if !m.inModel(r.From) || !m.inModel(r.To) || r.From.Speaker != r.To.Speaker {
			continue // reported by checkStatements; joining them would only add noise
		}
		a, b := find(int32(r.From.Index)), find(int32(r.To.Index))
		parent[max(a, b)] = min(a, b)
	}
	size := make([]int32, len(m.Claims))
	for i := range parent {
		size[find(int32(i))]++
	}
	m.statementOf = make([]int32, len(m.Claims))
	group := map[int32]int32{} // by root: the index in m.reports
	for i, c := range m.Claims {
		root := find(int32(i))
		if size[root] == 1 {
			m.statementOf[i] = -1
			continue
		}
		g, ok := group[root]
		if !ok {
			g = int32(len(m.reports))
			group[root] = g
			m.reports = append(m.reports, make([]*Claim, 0, size[root]))
		}
		m.reports[g] = append(m.reports[g], c) // article order, as m.Claims
		m.statementOf[i] = g
	}
	// Each statement's answers, gathered once: a query for one of its
	// reports then costs what it costs for a claim alone, however many
	// reports the statement has.
	m.statementAnswersTo = make([][]*Relation, len(m.reports))
	m.statementAnswering = make([][]*Relation, len(m.reports))
	for g, reports := range m.reports {
		m.statementAnswersTo[g] = m.statementAnswers(reports[0], m.answersTo, relFrom, relTo)
		m.statementAnswering[g] = m.statementAnswers(reports[0], m.answering, relTo, relFrom)
	}
}

// checkStatements reports restatements that cannot be one statement, and
// answers within one statement.
func checkStatements(m *Model, raw *rawDoc, ps *problems, from, to []*Claim) {
	for i := range raw.Relations {
		r := &raw.Relations[i]
		if m.statementOf == nil && r.Kind.V != KindRestates {
			continue // no statement is reported twice: an answer joins two
		}
		f, t := from[i], to[i]
		if !m.inModel(f) || !m.inModel(t) || f == t || f.Speaker == nil || t.Speaker == nil {
			continue
		}
		switch {
		case r.Kind.V == KindRestates && f.Speaker != t.Speaker:
			ps.add(r.Kind.Pos, "restates links two reports of one speaker's statement; if one answers the other, give the kind of answer",
				"%q (%s) cannot restate %q (%s): they are by different speakers", f.ID, f.Speaker.ID, t.ID, t.Speaker.ID)
		case r.Kind.V != KindRestates && slices.Contains(RelationKinds, r.Kind.V) && m.statementKey(f) == m.statementKey(t):
			ps.add(r.Kind.Pos, "remove this relation, or the restatement that makes the two one statement",
				"%q cannot answer %q: they report the same statement (linked by restates)", f.ID, t.ID)
		}
	}
}

// inModel reports whether c is one of the model's claims (anchored).
func (m *Model) inModel(c *Claim) bool {
	return c != nil && c.Index >= 0 && c.Index < len(m.Claims) && m.Claims[c.Index] == c
}

// statement is the index in m.reports of c's statement, or -1 when c alone
// reports it.
func (m *Model) statement(c *Claim) int32 {
	if m.statementOf == nil || !m.inModel(c) {
		return -1
	}
	return m.statementOf[c.Index]
}

// statementKey tells statements apart: equal for two reports of one.
func (m *Model) statementKey(c *Claim) int {
	if g := m.statement(c); g >= 0 {
		return -1 - int(g)
	}
	return c.Index
}

// Reports returns the claims that report c's statement, in article order:
// c alone when nothing restates it.
func (m *Model) Reports(c *Claim) []*Claim {
	if g := m.statement(c); g >= 0 {
		return slices.Clip(m.reports[g])
	}
	if !m.inModel(c) {
		return nil
	}
	return []*Claim{c}
}

// AlsoReported returns the other reports of c's statement, in article
// order; none when nothing restates it.
func (m *Model) AlsoReported(c *Claim) []*Claim {
	g := m.statement(c)
	if g < 0 {
		return nil
	}
	out := make([]*Claim, 0, len(m.reports[g])-1)
	for _, r := range m.reports[g] {
		if r != c {
			out = append(out, r)
		}
	}
	return out
}

// Paragraphs lists the paragraphs of claims, in order, each once:
// "¶3, ¶23".
func Paragraphs(cs []*Claim) string {
	var parts []string
	last := -1
	for _, c := range cs {
		if c.Paragraph != last {
			parts = append(parts, fmt.Sprintf("¶%d", c.Paragraph))
			last = c.Paragraph
		}
	}
	return strings.Join(parts, ", ")
}

// representative is the report that stands for c's statement where one
// report is shown for all: the first in the speaker's own words (a quote),
// or else the first.
func (m *Model) representative(c *Claim) *Claim {
	reports := m.Reports(c)
	for _, r := range reports {
		if r.Mode == ModeQuote {
			return r
		}
	}
	if len(reports) == 0 {
		return c
	}
	return reports[0]
}

// restated reports whether any claim at the given end of the relations
// reports a statement reported more than once.
func (m *Model) restated(rels []*Relation, end func(*Relation) *Claim) bool {
	if m.statementOf == nil {
		return false
	}
	for _, r := range rels {
		if m.statement(end(r)) >= 0 {
			return true
		}
	}
	return false
}

func relFrom(r *Relation) *Claim { return r.From }
func relTo(r *Relation) *Claim   { return r.To }

// statementAnswers gathers the relations of every report of c's statement
// (from runs: m.answersTo or m.answering), in article order of the claim at
// their other end, then of the claim at c's end, and keeps the first for
// each statement at the other end.
func (m *Model) statementAnswers(c *Claim, runs [][]*Relation, other, own func(*Relation) *Claim) []*Relation {
	var all []*Relation
	for _, r := range m.Reports(c) {
		all = append(all, runs[r.Index]...)
	}
	slices.SortStableFunc(all, func(a, b *Relation) int {
		return cmp.Or(other(a).Index-other(b).Index, own(a).Index-own(b).Index)
	})
	seen := map[int]bool{}
	out := all[:0]
	for _, r := range all {
		if k := m.statementKey(other(r)); !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return slices.Clip(out)
}
