package claims

import (
	"fmt"
	"slices"
	"strings"
)

// plainID keeps ids plain: they are typed on the command line and appear in
// links between claims.
// plainID checks ^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$ by hand: the regular
// expression took a third of a millisecond to compile at every start.
func plainID(id string) bool {
	if len(id) == 0 || len(id) > 100 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if !alnum && (i == 0 || (c != '.' && c != '_' && c != '-')) {
			return false
		}
	}
	return true
}

const idFix = "use letters, digits, '-', '_' or '.', starting with a letter or digit, at most 100 characters (e.g. lynton-reached-out)"

// build turns the raw document into a model, checking every rule of the
// format and anchoring every passage. Problems go to ps; the model is only
// usable when ps stays empty.
func build(raw *rawDoc, ps *problems, read ReadFunc) *Model {
	m := &Model{
		speakerByID: map[string]*Speaker{},
		topicByID:   map[string]*Topic{},
		claimByID:   map[string]*Claim{},
		bySpeaker:   map[*Speaker][]*Claim{},
		relayedBy:   map[*Speaker][]*Claim{},
		answersTo:   map[*Claim][]*Relation{},
		answering:   map[*Claim][]*Relation{},
	}
	ix := buildArticle(m, raw.Article, ps, read)
	// An empty section is reported once, not through every reference into it.
	for name, n := range map[string]int{"speakers": len(raw.Speakers), "topics": len(raw.Topics), "claims": len(raw.Claims)} {
		if n == 0 {
			if _, present := raw.SectionPos[name]; present && !raw.Broken[name] {
				ps.add(raw.SectionPos[name], emptySectionFix[name], "there are no %s", name)
			}
			raw.Broken[name] = true
		}
	}
	buildSpeakers(m, raw, ps)
	buildTopics(m, raw, ps)
	buildClaims(m, raw, ps, ix)
	buildRelations(m, raw, ps)
	checkSpeakersUsed(m, raw, ps)
	return m
}

var emptySectionFix = map[string]string{
	"speakers": "list at least one speaker",
	"topics":   "list the topics a reader can filter by, and give each claim one or more",
	"claims":   "annotate at least one statement of the article",
}

// required reports an empty required value.
func required(ps *problems, s str, what string) bool {
	if strings.TrimSpace(s.V) == "" {
		if s.Set {
			ps.add(s.Pos, "write a value after the colon", "%s is empty", what)
		}
		return false
	}
	return true
}

func buildArticle(m *Model, a *rawArticle, ps *problems, read ReadFunc) *anchorIndex {
	if a == nil {
		return nil
	}
	required(ps, a.Title, "the article's title")
	m.Article = Article{Title: a.Title.V, File: a.File.V, Publisher: a.Publisher.V, URL: a.URL.V, Published: a.Published.V}
	if !required(ps, a.File, "the article's file") {
		return nil
	}
	display, data, err := read(a.File.V)
	if err != nil {
		p := fileProblem(display, err)
		ps.add(a.File.Pos, p.Fix, "cannot read the article %q: %s", display, p.Msg)
		return nil
	}
	if len(data) > MaxFileSize {
		ps.add(a.File.Pos, "check that file names the article's plain text; split a longer text into several articles", "the article %q is larger than the %d MiB limit", display, MaxFileSize>>20)
		return nil
	}
	text := string(data)
	if pos, b, ok := checkUTF8(text); !ok {
		ps.addIn(display, pos, "save the article as UTF-8; every span counts its bytes, so convert it before annotating",
			"the article is not valid UTF-8: byte 0x%02X cannot start or continue a character", b)
		return nil
	}
	if isBlank(text) {
		ps.add(a.File.Pos, "check that the file holds the article's text", "the article %q is empty", display)
		return nil
	}
	m.Article.Text = text
	m.Article.paraStarts = paragraphStarts(text)
	return newAnchorIndex(text)
}

// uniqueIDs remembers where each id of one kind of entity was defined.
type uniqueIDs map[string]Pos

// check reports whether id is present, plain and not yet defined, and
// records it.
func (ids uniqueIDs) check(ps *problems, id str, what string) bool {
	if !required(ps, id, what+" id") {
		return false
	}
	if !plainID(id.V) {
		ps.add(id.Pos, idFix, "%s id %q is not a plain identifier", what, id.V)
		return false
	}
	if at, dup := ids[id.V]; dup {
		ps.add(id.Pos, "give each "+what+" an id of its own", "duplicate %s id %q (first defined at line %d)", what, id.V, at.Line)
		return false
	}
	ids[id.V] = id.Pos
	return true
}

// oneOf checks that s is one of the allowed values.
func oneOf(ps *problems, s str, what string, allowed []string) bool {
	if !required(ps, s, what) {
		return false
	}
	if slices.Contains(allowed, s.V) {
		return true
	}
	fix := "use one of: " + strings.Join(allowed, ", ")
	if c := closest(s.V, allowed); c != "" {
		fix = fmt.Sprintf("did you mean %q? ", c) + fix
	}
	ps.add(s.Pos, fix, "%s %q is not one of the known values", what, s.V)
	return false
}

func buildSpeakers(m *Model, raw *rawDoc, ps *problems) {
	ids := uniqueIDs{}
	var principal, others []*Speaker
	for _, r := range raw.Speakers {
		ok := ids.check(ps, r.ID, "speaker")
		required(ps, r.Name, "the speaker's name")
		required(ps, r.Role, "the speaker's role")
		oneOf(ps, r.Kind, "speaker kind", SpeakerKinds)
		s := &Speaker{ID: r.ID.V, Name: r.Name.V, Role: r.Role.V, Kind: r.Kind.V, Affiliation: r.Affiliation.V, Principal: r.Principal.V}
		for _, a := range r.Aliases.V {
			if required(ps, a, "an alias") {
				s.Aliases = append(s.Aliases, a.V)
			}
		}
		if !ok {
			continue
		}
		m.speakerByID[s.ID] = s
		if s.Principal {
			principal = append(principal, s)
		} else {
			others = append(others, s)
		}
	}
	m.Speakers = append(principal, others...)
	for i, s := range m.Speakers {
		s.Index = i
	}
}

func buildTopics(m *Model, raw *rawDoc, ps *problems) {
	ids := uniqueIDs{}
	for _, r := range raw.Topics {
		ok := ids.check(ps, r.ID, "topic")
		required(ps, r.Label, "the topic's label")
		if !ok {
			continue
		}
		t := &Topic{ID: r.ID.V, Label: r.Label.V, Description: r.Description.V, Index: len(m.Topics)}
		m.Topics = append(m.Topics, t)
		m.topicByID[t.ID] = t
	}
}

// reference resolves an id against a table, suggesting the nearest id when
// it resolves to nothing. When the table's section is itself broken, its
// problem is already reported and the dangling reference is not.
func reference[T any](ps *problems, ref str, what string, table map[string]*T, broken bool) *T {
	if !required(ps, ref, what) {
		return nil
	}
	if v, ok := table[ref.V]; ok {
		return v
	}
	if broken {
		return nil
	}
	ids := make([]string, 0, len(table))
	for id := range table {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	fix := ""
	if c := closest(ref.V, ids); c != "" {
		fix = fmt.Sprintf("did you mean %q?", c)
	} else if len(ids) <= 12 {
		fix = "known ids: " + strings.Join(ids, ", ")
	} else {
		fix = "use the id of an entry defined in the file"
	}
	ps.add(ref.Pos, fix, "%s %q is not defined", what, ref.V)
	return nil
}

func buildClaims(m *Model, raw *rawDoc, ps *problems, ix *anchorIndex) {
	ids := uniqueIDs{}
	for _, r := range raw.Claims {
		ok := ids.check(ps, r.ID, "claim")
		c := &Claim{ID: r.ID.V, Text: r.Text.V, Source: r.Source.V, Summary: r.Summary.V, Venue: r.Venue.V, When: r.When.V,
			Occurrence: r.Occurrence.V, topicMask: make([]bool, len(m.Topics))}
		c.Speaker = reference(ps, r.Speaker, "speaker", m.speakerByID, raw.Broken["speakers"])
		if r.Reported.Set {
			c.ReportedBy = reference(ps, r.Reported, "reported_by speaker", m.speakerByID, raw.Broken["speakers"])
			if c.ReportedBy != nil && c.ReportedBy == c.Speaker {
				ps.add(r.Reported.Pos, "remove reported_by, or name the intermediary who relayed the statement",
					"reported_by names the speaker of the claim itself")
			}
		}
		if oneOf(ps, r.Mode, "mode", Modes) {
			c.Mode = r.Mode.V
		}
		required(ps, r.Text, "the claim's text")
		switch {
		case c.Mode == ModeParaphrase && !r.Source.Set:
			ps.add(r.Pos, "add \"source:\" with the sentence of the article that reports the statement, copied exactly",
				"paraphrase %q has no source passage", r.ID.V)
		case c.Mode == ModeParaphrase:
			required(ps, r.Source, "the source passage")
		case c.Mode == ModeQuote && r.Source.Set:
			ps.add(r.Source.Pos, "remove source: a quote is anchored by its own text (or make the claim a paraphrase)",
				"quote %q has a source passage", r.ID.V)
		}
		if r.Topics.Set && !r.Topics.Bad && len(r.Topics.V) == 0 {
			ps.add(r.Topics.Pos, "give the claim one or more topic ids, e.g. topics: [pulling-the-film]", "claim %q has no topics", r.ID.V)
		}
		for _, t := range r.Topics.V {
			tp := reference(ps, t, "topic", m.topicByID, raw.Broken["topics"])
			if tp == nil {
				continue
			}
			if c.topicMask[tp.Index] {
				ps.add(t.Pos, "remove the repeated topic", "topic %q is listed twice", t.V)
				continue
			}
			c.topicMask[tp.Index] = true
			c.Topics = append(c.Topics, tp)
		}
		occurrenceOK := !r.Occurrence.Bad
		if r.Occurrence.Set && !r.Occurrence.Bad && r.Occurrence.V < 1 {
			ps.add(r.Occurrence.Pos, "count occurrences from 1, in article order", "occurrence must be 1 or more, not %d", r.Occurrence.V)
			occurrenceOK = false
		}
		// With no usable occurrence the passage cannot be placed; its
		// problem is reported, and guessing would hide it.
		anchored := ix != nil && c.Mode != "" && occurrenceOK && anchorClaim(m, c, r, ps, ix)
		if !ok {
			continue
		}
		// A claim that failed to anchor is still known by id, so that the
		// relations naming it are not reported as broken too.
		m.claimByID[c.ID] = c
		if anchored {
			m.Claims = append(m.Claims, c)
		}
	}
	// Article order: by where the passage starts, then where it ends, then
	// annotation order (SortStableFunc keeps it).
	slices.SortStableFunc(m.Claims, func(a, b *Claim) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return a.Span.End - b.Span.End
	})
	for i, c := range m.Claims {
		c.Index = i
		c.Paragraph = m.Article.paragraphAt(c.Span.Start)
		c.searchText = searchFold(c.Text + "\n" + c.Summary)
		if c.Speaker != nil {
			m.bySpeaker[c.Speaker] = append(m.bySpeaker[c.Speaker], c)
		}
		if c.ReportedBy != nil {
			m.relayedBy[c.ReportedBy] = append(m.relayedBy[c.ReportedBy], c)
		}
	}
}

// anchorClaim finds the claim's passage in the article and records its span.
// A passage that is absent, or present several times without saying which,
// is a problem: nothing is ever anchored by guesswork.
func anchorClaim(m *Model, c *Claim, r rawClaim, ps *problems, ix *anchorIndex) bool {
	passage, at, what := r.Text, r.Text.Pos, "quote"
	if c.Mode == ModeParaphrase {
		passage, at, what = r.Source, r.Source.Pos, "source passage"
	}
	if strings.TrimSpace(passage.V) == "" {
		return false
	}
	starts := ix.occurrences(passage.V, -1)
	switch {
	case len(starts) == 0:
		ps.add(at, notFoundFix(m, ix, passage.V), "%s of claim %q is not in the article", what, c.ID)
		return false
	case len(starts) > 1 && !r.Occurrence.Set:
		paras := make([]string, len(starts))
		repeated := false
		for i, s := range starts {
			paras[i] = fmt.Sprintf("¶%d", m.Article.paragraphAt(s))
			repeated = repeated || (i > 0 && paras[i] == paras[i-1])
		}
		if repeated {
			// "¶4, ¶4" tells them apart for nobody: give lines and columns.
			for i, s := range starts {
				p := lineCol(m.Article.Text, s)
				paras[i] = fmt.Sprintf("%s at line %d, column %d", paras[i], p.Line, p.Col)
			}
		}
		ps.add(at, fmt.Sprintf("add \"occurrence: N\" to the claim (1 to %d, in article order: %s), or quote a longer passage that occurs once",
			len(starts), strings.Join(paras, ", ")),
			"%s of claim %q occurs %d times in the article", what, c.ID, len(starts))
		return false
	case r.Occurrence.Set && r.Occurrence.V > len(starts):
		ps.add(r.Occurrence.Pos, fmt.Sprintf("use an occurrence from 1 to %d", len(starts)),
			"occurrence %d asked for, but the %s occurs %s", r.Occurrence.V, what, times(len(starts)))
		return false
	}
	start := starts[0]
	if r.Occurrence.Set {
		start = starts[r.Occurrence.V-1]
	}
	c.Span = Span{Start: start, End: start + len(passage.V)}
	return true
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// notFoundFix explains where a missing passage comes closest to the article.
func notFoundFix(m *Model, ix *anchorIndex, passage string) string {
	miss, ok := ix.nearest(passage)
	if !ok {
		return "copy the passage from the article exactly; nothing in the article resembles it"
	}
	text := m.Article.Text
	var b strings.Builder
	fmt.Fprintf(&b, "nearest passage in the article (¶%d): %s\n", m.Article.paragraphAt(miss.start), excerpt(text[miss.start:miss.end], miss.articleAt-miss.start))
	charNo := 1 + len([]rune(passage[:miss.diffAt]))
	switch {
	case miss.diffAt >= len(passage):
		fmt.Fprintf(&b, "the annotation's passage ends at character %d, where the article goes on", charNo)
	case miss.articleAt >= len(text):
		fmt.Fprintf(&b, "they differ at character %d: the annotation has %s, the article ends there", charNo, describeRune([]rune(passage[miss.diffAt:])[0]))
	default:
		want := []rune(passage[miss.diffAt:])[0]
		got := []rune(text[miss.articleAt:])[0]
		fmt.Fprintf(&b, "they differ at character %d: the annotation has %s, the article has %s", charNo, describeRune(want), describeRune(got))
	}
	b.WriteString("\ncopy the passage from the article exactly (curly and straight quote marks differ)")
	return b.String()
}

func buildRelations(m *Model, raw *rawDoc, ps *problems) {
	type pair struct{ from, to *Claim }
	firstAt := map[pair]Pos{}
	for _, r := range raw.Relations {
		from := reference(ps, r.From, "claim", m.claimByID, raw.Broken["claims"])
		to := reference(ps, r.To, "claim", m.claimByID, raw.Broken["claims"])
		kindOK := oneOf(ps, r.Kind, "relation kind", RelationKinds)
		if from == nil || to == nil || !kindOK {
			continue
		}
		if from == to {
			ps.add(r.To.Pos, "a claim cannot answer itself: point \"to\" at the claim that this one answers", "relation from claim %q to itself", r.From.V)
			continue
		}
		k := pair{from, to}
		if at, dup := firstAt[k]; dup {
			ps.add(r.Pos, "keep one relation per pair of claims, with the kind that fits best",
				"a relation from %q to %q is already given at line %d", r.From.V, r.To.V, at.Line)
			continue
		}
		firstAt[k] = r.Pos
		rel := &Relation{From: from, To: to, Kind: r.Kind.V, Explicit: r.Explicit.V, Note: r.Note.V}
		m.Relations = append(m.Relations, rel)
	}
	// Relations in article order of what they answer, then of the answer.
	slices.SortStableFunc(m.Relations, func(a, b *Relation) int {
		if a.To.Index != b.To.Index {
			return a.To.Index - b.To.Index
		}
		return a.From.Index - b.From.Index
	})
	for _, rel := range m.Relations {
		m.answersTo[rel.To] = append(m.answersTo[rel.To], rel)
		m.answering[rel.From] = append(m.answering[rel.From], rel)
	}
}

// checkSpeakersUsed reports speakers that neither speak nor relay: an entry
// nobody refers to is usually a typo elsewhere.
func checkSpeakersUsed(m *Model, raw *rawDoc, ps *problems) {
	for _, c := range raw.Claims {
		if m.speakerByID[c.Speaker.V] == nil {
			// A claim without a known speaker may be the one a speaker
			// lacks; its own problem is reported, and guessing here would
			// only add noise.
			return
		}
	}
	for _, r := range raw.Speakers {
		s := m.speakerByID[r.ID.V]
		if s == nil || len(m.bySpeaker[s]) > 0 || len(m.relayedBy[s]) > 0 {
			continue
		}
		if referenced(raw, s.ID) {
			continue // its claims failed to load; those problems say why
		}
		ps.add(r.ID.Pos, "annotate what the speaker says, or remove the speaker", "speaker %q has no claims", s.ID)
	}
}

func referenced(raw *rawDoc, id string) bool {
	for _, c := range raw.Claims {
		if c.Speaker.V == id || c.Reported.V == id {
			return true
		}
	}
	return false
}
