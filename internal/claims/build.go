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
	}
	var article *rawArticle // nil when the annotation has none
	if raw.Article.Set {
		article = &raw.Article
	}
	ix := buildArticle(m, article, ps, read)
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
	ok := checkID(ps, id, what, func(v string) (int, bool) {
		at, dup := ids[v]
		return at.Line, dup
	})
	if ok {
		ids[id.V] = id.Pos
	}
	return ok
}

// checkID reports whether id is present, plain and not yet defined; defined
// says whether it is, and at which line.
func checkID(ps *problems, id str, what string, defined func(id string) (line int, dup bool)) bool {
	if strings.TrimSpace(id.V) == "" {
		return required(ps, id, what+" id") // says so
	}
	if !plainID(id.V) {
		ps.add(id.Pos, idFix, "%s id %q is not a plain identifier", what, id.V)
		return false
	}
	if line, dup := defined(id.V); dup {
		ps.add(id.Pos, "give each "+what+" an id of its own", "duplicate %s id %q (first defined at line %d)", what, id.V, line)
		return false
	}
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
		fix = fmt.Sprintf("did you mean %q? ", echo(c)) + fix
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
	if ps.full() {
		// Past the cap the problem is only counted: spare the search for
		// a suggestion, which reads every id.
		ps.add(ref.Pos, "", "%s %q is not defined", what, ref.V)
		return nil
	}
	ids := sortedIDs(ps, table)
	fix := ""
	if c := closest(ref.V, ids); c != "" {
		fix = fmt.Sprintf("did you mean %q?", echo(c))
	} else if len(ids) <= 12 {
		fix = "known ids: " + strings.Join(ids, ", ")
	} else {
		fix = "use the id of an entry defined in the file"
	}
	ps.add(ref.Pos, fix, "%s %q is not defined", what, ref.V)
	return nil
}

func buildClaims(m *Model, raw *rawDoc, ps *problems, ix *anchorIndex) {
	if ix != nil {
		// Find every passage in one pass over the article, rather than
		// look each up in an index of the whole article (see findAll).
		passages := make([]string, 0, len(raw.Claims))
		for _, r := range raw.Claims {
			if r.Mode.V == ModeParaphrase {
				passages = append(passages, r.Source.V)
			} else {
				passages = append(passages, r.Text.V)
			}
		}
		ix.findAll(passages)
	}
	m.claimByID = make(map[string]*Claim, len(raw.Claims))
	// Claims are checked for repeated ids against claimByID itself, rather
	// than a second map of 100,000 ids.
	defined := func(id string) (int, bool) {
		if c, dup := m.claimByID[id]; dup {
			return raw.Claims[c.order].ID.Pos.Line, true
		}
		return 0, false
	}
	m.Claims = make([]*Claim, 0, len(raw.Claims))
	// The claims and their topic masks, each in one allocation rather than
	// one per claim.
	store := make([]Claim, len(raw.Claims))
	masks := make([]bool, len(raw.Claims)*len(m.Topics))
	// The claims' ids, copied into one block. A lookup in claimByID
	// compares the id it is given with the one it holds: ids left where the
	// file has them, hundreds of bytes apart, cost a cache miss each at
	// 100,000 claims; in one block they stay in the processor's cache.
	var idBlock strings.Builder
	idBlock.Grow(len(raw.Claims) * 8)
	for _, r := range raw.Claims {
		idBlock.WriteString(r.ID.V)
	}
	ids, idAt := idBlock.String(), 0
	brokenSpeakers, brokenTopics := raw.Broken["speakers"], raw.Broken["topics"] // looked up once, not per claim
	n := 0
	for _, r := range raw.Claims {
		n += len(r.Topics.V)
	}
	topics := make([]*Topic, 0, n) // every claim's topics, claim after claim
	for i, r := range raw.Claims {
		ok := checkID(ps, r.ID, "claim", defined)
		c := &store[i]
		t := len(m.Topics)
		id := ids[idAt : idAt+len(r.ID.V)]
		idAt += len(r.ID.V)
		*c = Claim{ID: id, Text: r.Text.V, Source: r.Source.V, Summary: r.Summary.V, Venue: r.Venue.V, When: r.When.V,
			Occurrence: r.Occurrence.V, topicMask: masks[i*t : (i+1)*t : (i+1)*t], order: i}
		c.Speaker = reference(ps, r.Speaker, "speaker", m.speakerByID, brokenSpeakers)
		if r.Reported.Set {
			c.ReportedBy = reference(ps, r.Reported, "reported_by speaker", m.speakerByID, brokenSpeakers)
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
		first := len(topics)
		for _, t := range r.Topics.V {
			tp := reference(ps, t, "topic", m.topicByID, brokenTopics)
			if tp == nil {
				continue
			}
			if c.topicMask[tp.Index] {
				ps.add(t.Pos, "remove the repeated topic", "topic %q is listed twice", t.V)
				continue
			}
			c.topicMask[tp.Index] = true
			topics = append(topics, tp)
		}
		if len(topics) > first {
			c.Topics = topics[first:len(topics):len(topics)]
		}
		occurrenceOK := !r.Occurrence.Bad
		if r.Occurrence.Set && !r.Occurrence.Bad && r.Occurrence.V < 1 {
			ps.add(r.Occurrence.Pos, "count occurrences from 1, in article order", "occurrence must be 1 or more, not %d", r.Occurrence.V)
			occurrenceOK = false
		}
		// With no usable occurrence the passage cannot be placed; its
		// problem is reported, and guessing would hide it.
		anchored := ix != nil && c.Mode != "" && occurrenceOK && anchorClaim(m, c, r, ps, ix, i)
		if anchored && r.Draft.Set {
			anchorDraft(m, c, r.Draft, ps)
			m.drafted++
		}
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
	m.search = searchTexts(m.Claims)
	for i, c := range m.Claims {
		c.Index = i
		c.Paragraph = m.Article.paragraphAt(c.Span.Start)
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
func anchorClaim(m *Model, c *Claim, r rawClaim, ps *problems, ix *anchorIndex, i int) bool {
	passage, at, what := r.Text, r.Text.Pos, "quote"
	if c.Mode == ModeParaphrase {
		passage, at, what = r.Source, r.Source.Pos, "source passage"
	}
	if strings.TrimSpace(passage.V) == "" {
		return false
	}
	starts := ix.occurrencesOf(i, passage.V)
	switch {
	case len(starts) == 0:
		fix := ""
		if !ps.full() { // past the cap the problem is only counted
			fix = notFoundFix(m, ix, passage.V)
		}
		ps.add(at, fix, "%s of claim %q is not in the article", what, c.ID)
		return false
	case len(starts) > 1 && !r.Occurrence.Set:
		if ps.full() { // past the cap the problem is only counted
			ps.add(at, "", "")
			return false
		}
		// The first places only: a passage the article repeats 40,000
		// times, quoted by 40,000 claims, would list 1.6 billion.
		shown := starts[:min(len(starts), maxOccurrencesListed)]
		paras := make([]string, len(shown))
		repeated := false
		for i, s := range shown {
			paras[i] = fmt.Sprintf("¶%d", m.Article.paragraphAt(s))
			repeated = repeated || (i > 0 && paras[i] == paras[i-1])
		}
		if repeated {
			// "¶4, ¶4" tells them apart for nobody: give lines and columns.
			for i, s := range shown {
				p := m.Article.lineCol(s)
				paras[i] = fmt.Sprintf("%s at line %d, column %d", paras[i], p.Line, p.Col)
			}
		}
		if more := len(starts) - len(shown); more > 0 {
			paras = append(paras, fmt.Sprintf("… and %d more", more))
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

// maxOccurrencesListed bounds the places listed for a passage that occurs
// more than once.
const maxOccurrencesListed = 20

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// maxNearestSearches bounds the near-miss searches of one load: each costs
// time in proportion to the article and the passage, and 500 missing 10 KB
// quotes against a 60 MB article took 67 s, a million short ones 25 s and
// 1.9 GB. The first problems are the ones printed; the rest say to copy
// the passage exactly.
const maxNearestSearches = 20

// notFoundFix explains where a missing passage comes closest to the article.
func notFoundFix(m *Model, ix *anchorIndex, passage string) string {
	if ix.nearestSearches >= maxNearestSearches {
		return fmt.Sprintf("copy the passage from the article exactly (the nearest passage is shown for the first %d missing passages only)", maxNearestSearches)
	}
	ix.nearestSearches++
	if fix := normalisationFix(m, ix, passage); fix != "" {
		return fix
	}
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
	// First, quietly and in file order, what each relation names, and the
	// relations that would stand (both claims known and different, a known
	// kind), made at once in one allocation.
	n := len(raw.Relations)
	from, to := make([]*Claim, n), make([]*Claim, n)
	fromIndex, toIndex := make([]int, n), make([]int, n) // of the claims, by relation
	store := make([]Relation, n)
	stand := make([]int, 0, n)
	for i := range raw.Relations {
		r := &raw.Relations[i]
		f, t := m.claimByID[r.From.V], m.claimByID[r.To.V]
		from[i], to[i] = f, t
		if f != nil && t != nil && f != t && slices.Contains(RelationKinds, r.Kind.V) {
			stand = append(stand, i)
			fromIndex[i], toIndex[i] = f.Index, t.Index
			store[i] = Relation{From: f, To: t, Kind: r.Kind.V, Explicit: r.Explicit.V, Note: r.Note.V}
		}
	}
	// In article order of what they answer, then of the answer, equals in
	// file order: two stable counting sorts, which read each claim's index
	// once, where a sort by comparison read two claims through their
	// pointers at each of its millions of comparisons.
	stand = sortByKey(sortByKey(stand, fromIndex, len(m.Claims)), toIndex, len(m.Claims))
	repeated := repeats(m, stand, from, to)

	// Then, in file order, every problem, as the reader is to be told.
	brokenClaims := raw.Broken["claims"]
	for i := range raw.Relations {
		r := &raw.Relations[i]
		if from[i] == nil {
			reference(ps, r.From, "claim", m.claimByID, brokenClaims) // says why
		}
		if to[i] == nil {
			reference(ps, r.To, "claim", m.claimByID, brokenClaims)
		}
		kindOK := slices.Contains(RelationKinds, r.Kind.V) || oneOf(ps, r.Kind, "relation kind", RelationKinds) // which says why not
		if from[i] == nil || to[i] == nil || !kindOK {
			continue
		}
		if from[i] == to[i] {
			ps.add(r.To.Pos, "a claim cannot answer itself: point \"to\" at the claim that this one answers", "relation from claim %q to itself", r.From.V)
			continue
		}
		if j, ok := repeated[i]; ok {
			ps.add(r.Pos, "keep one relation per pair of claims, with the kind that fits best",
				"a relation from %q to %q is already given at line %d", r.From.V, r.To.V, raw.Relations[j].Pos.Line)
		}
	}

	// The relations that stand, in the order sorted above. The answers to a
	// claim are a run of them; what a claim answers is a run of the same
	// sorted stably by the answer, so each run keeps the order above.
	// Restatements are relations of the model but not answers: they go to
	// the statements (statements.go), not to the runs of answers.
	m.Relations = make([]*Relation, 0, len(stand))
	answered, answering := make([]int, 0, len(stand)), make([]int, 0, len(stand)) // claim indexes, by relation of answers
	restated := 0
	for _, i := range stand {
		if _, ok := repeated[i]; !ok {
			m.Relations = append(m.Relations, &store[i])
			if store[i].Kind == KindRestates {
				restated++
				continue
			}
			answered, answering = append(answered, toIndex[i]), append(answering, fromIndex[i])
		}
	}
	answers := m.Relations // the same, when nothing restates anything
	var restatements []*Relation
	if restated > 0 {
		answers = make([]*Relation, 0, len(m.Relations)-restated)
		restatements = make([]*Relation, 0, restated)
		for _, r := range m.Relations {
			if r.Kind == KindRestates {
				restatements = append(restatements, r)
			} else {
				answers = append(answers, r)
			}
		}
	}
	m.answersTo = runs(answers, answered, len(m.Claims))
	byFrom := make([]int, len(answers))
	for k := range byFrom {
		byFrom[k] = k
	}
	byFrom = sortByKey(byFrom, answering, len(m.Claims))
	rels, keys := make([]*Relation, len(byFrom)), make([]int, len(byFrom))
	for k, x := range byFrom {
		rels[k], keys[k] = answers[x], answering[x]
	}
	m.answering = runs(rels, keys, len(m.Claims))
	buildStatements(m, restatements)
	checkStatements(m, raw, ps, from, to)
}

// repeats maps each relation of stand (sorted by claims) that repeats an
// earlier one between the same two claims to the first of those. When every
// claim has its own index, repeats lie next to each other; when some failed
// to anchor (and share index 0), a map finds them.
func repeats(m *Model, stand []int, from, to []*Claim) map[int]int {
	repeated := map[int]int{}
	if len(m.Claims) == len(m.claimByID) {
		for a := 0; a < len(stand); {
			b := a + 1
			for b < len(stand) && from[stand[b]] == from[stand[a]] && to[stand[b]] == to[stand[a]] {
				repeated[stand[b]] = stand[a]
				b++
			}
			a = b
		}
		return repeated
	}
	type pair struct{ from, to *Claim }
	firstAt := map[pair]int{}
	for _, i := range slices.Sorted(slices.Values(stand)) {
		if j, ok := firstAt[pair{from[i], to[i]}]; ok {
			repeated[i] = j
		} else {
			firstAt[pair{from[i], to[i]}] = i
		}
	}
	return repeated
}

// sortByKey returns xs sorted stably by key[x], each key below n (or 0).
// It is a counting sort: linear, and it reads each key once.
func sortByKey(xs []int, key []int, n int) []int {
	start := make([]int, max(n, 1)+1) // where each key's elements go
	for _, x := range xs {
		start[key[x]+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	out := make([]int, len(xs))
	for _, x := range xs {
		out[start[key[x]]] = x
		start[key[x]]++
	}
	return out
}

// runs returns, by claim index below n, the run of rels whose key is that
// index (rels sorted by key), each run clipped so that appending copies.
func runs(rels []*Relation, keys []int, n int) [][]*Relation {
	out := make([][]*Relation, n)
	for i := 0; i < len(rels); {
		j := i + 1
		for j < len(rels) && keys[j] == keys[i] {
			j++
		}
		if keys[i] < n {
			out[keys[i]] = rels[i:j:j]
		}
		i = j
	}
	return out
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
	var referenced map[string]bool // the ids claims name, made when first needed
	for _, r := range raw.Speakers {
		s := m.speakerByID[r.ID.V]
		if s == nil || len(m.bySpeaker[s]) > 0 || len(m.relayedBy[s]) > 0 {
			continue
		}
		if referenced == nil {
			// one pass over the claims, not one for each silent speaker
			referenced = map[string]bool{}
			for _, c := range raw.Claims {
				referenced[c.Speaker.V] = true
				referenced[c.Reported.V] = true
			}
		}
		if referenced[s.ID] {
			continue // its claims failed to load; those problems say why
		}
		ps.add(r.ID.Pos, "annotate what the speaker says, or remove the speaker", "speaker %q has no claims", s.ID)
	}
}
