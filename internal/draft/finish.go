package draft

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"counterpoint/internal/claims"
)

// findRelationCues records the relation cues of a sentence (outside its
// quotations) and whom each addresses ("in direct contradiction of the
// president", "hit back at Mr Obama").
func (x *extractor) findRelationCues(toks []token) {
	x.relCues = x.relCues[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tokWord {
			continue
		}
		ps, ok := relationIndex[t.lower]
		if !ok {
			continue
		}
		best := -1
		for pi, ph := range ps {
			if matchWords(toks, i, ph.words) && (best < 0 || len(ph.words) > len(ps[best].words)) {
				best = pi
			}
		}
		if best < 0 {
			continue
		}
		ph := ps[best]
		j := i + len(ph.words)
		rc := relCue{span: Span{Start: toks[i].start, End: toks[j-1].end}, kind: ph.rel, verb: ph.words[0] != "in"}
		if rc.verb {
			// the cue's own subject: "Mr Obama returned fire"
			if k, _ := x.skipToSubject(toks, i-1); k >= 0 && toks[k].kind == tokWord && !stopLeft[toks[k].lower] {
				if s := x.leftNP(toks, k); !s.empty() {
					rc.subject = x.speakers.lookup(x, s, toks)
					rc.subjectFound, rc.subjectNP = true, s
				}
			}
		}
		// the addressee: "of X", "at X", "to X", or the object of the verb
		a := j
		if a < len(toks) && (toks[a].is("of") || toks[a].is("at") || toks[a].is("to") || toks[a].is("against")) {
			a++
		}
		if a < len(toks) && toks[a].kind == tokWord {
			if r := x.rightNP(toks, a); !r.empty() {
				rc.addressee = x.speakers.lookup(x, r, toks)
			}
		}
		x.relCues = append(x.relCues, rc)
		i = j - 1
	}
}

// lookup finds the speaker a phrase names without making one.
func (ix *speakerIndex) lookup(x *extractor, n np, toks []token) *Speaker {
	if n.kind == npPronoun {
		return nil
	}
	e := n.end
	if n.hasName {
		e = n.name[1]
	}
	var ws []string
	for k := n.start; k < e; k++ {
		if toks[k].kind == tokWord && !determiners[toks[k].lower] {
			ws = append(ws, toks[k].lower)
		}
	}
	if len(ws) == 0 {
		return nil
	}
	last := strings.TrimSuffix(ws[len(ws)-1], "'s")
	if sp := ix.byName[strings.Join(ws, " ")]; sp != nil {
		return sp
	}
	if sp := ix.byLast[last]; sp != nil {
		return sp
	}
	if cands := ix.byHead[last]; len(cands) > 0 {
		for k := len(ix.history) - 1; k >= 0; k-- {
			for _, c := range cands {
				if ix.history[k] == c {
					return c
				}
			}
		}
		return cands[len(cands)-1]
	}
	return nil
}

// bindRelations links the claims of a sentence to the claims that its
// relation cues say they answer.
func (x *extractor) bindRelations(made []*Claim, toks []token) {
	if len(made) == 0 {
		return
	}
	// a subject first named in this sentence is a speaker only now
	// ("Council member Tom Reed dismissed the warning, saying …")
	for k := range x.relCues {
		if rc := &x.relCues[k]; rc.subjectFound && rc.subject == nil {
			rc.subject = x.speakers.lookup(x, rc.subjectNP, toks)
		}
	}
	// a cue that is a claim's own verb ("dismissed the suggestion") first
	cues := append([]relCue(nil), x.relCues...)
	sort.SliceStable(cues, func(i, j int) bool { return x.ownCue(made, cues[i]) && !x.ownCue(made, cues[j]) })
	for _, rc := range cues {
		// the claim the cue belongs to: the one whose cue or content is
		// nearest after it, else the first
		from := made[0]
		for _, c := range made {
			if c.Cue.Start >= rc.span.Start || c.Content.Start >= rc.span.Start {
				from = c
				break
			}
		}
		// a verb of answering is its subject's: "Mr Lynton hit back after
		// Mr Obama accused Sony …" is not Mr Obama's answer
		if rc.verb && !overlaps(rc.span, from.Cue) && (!rc.subjectFound || rc.subject != from.Speaker) {
			continue
		}
		// a cue inside what the claim reports is not the claim's answer
		// ("warned of consequences if the proposal was rejected")
		if rc.span.Start >= from.Content.Start && rc.span.End <= from.Content.End && !overlaps(rc.span, from.Cue) {
			continue
		}
		to := x.addressed(from, rc)
		if to == nil {
			continue
		}
		dup := false
		for _, r := range x.d.Relations {
			if r.From == from && r.To == to {
				dup = true
			}
		}
		if dup {
			continue
		}
		x.d.Relations = append(x.d.Relations, &Relation{From: from, To: to, Kind: rc.kind, Cue: rc.span,
			Note: fmt.Sprintf("The article says %q.", x.text[rc.span.Start:rc.span.End])})
	}
}

// ownCue reports whether a relation cue overlaps the cue of one of the claims.
func (x *extractor) ownCue(made []*Claim, rc relCue) bool {
	for _, c := range made {
		if overlaps(rc.span, c.Cue) {
			return true
		}
	}
	return false
}

func overlaps(a, b Span) bool { return a.Start < b.End && b.Start < a.End }

// addressed picks the claim a relation cue answers: the latest claim of the
// addressee when the cue names one, else the earlier claim of another
// speaker that shares most words with the answer, the subject of its
// content first.
func (x *extractor) addressed(from *Claim, rc relCue) *Claim {
	cs := x.d.Claims
	lo := max(0, len(cs)-60)
	if rc.addressee != nil {
		for k := len(cs) - 1; k >= lo; k-- {
			c := cs[k]
			if c != from && c.Speaker == rc.addressee && c.Passage.Start < from.Passage.Start && x.statement(c) {
				return c
			}
		}
		return nil
	}
	want := x.wordsOf(from)
	subject := subjectWords(x.text[from.Content.Start:from.Content.End])
	var best *Claim
	bestScore := 0.0
	for k := len(cs) - 1; k >= lo; k-- {
		c := cs[k]
		if c == from || !x.statement(c) || compatible(c.Speaker, from.Speaker) || rc.subject != nil && compatible(c.Speaker, rc.subject) ||
			c.Passage.Start >= from.Passage.Start {
			continue
		}
		have := x.wordsOf(c)
		score := 0.0
		for w := range want {
			if have[w] {
				score++
			}
		}
		if len(subject) > 0 {
			all := true
			for _, w := range subject {
				all = all && have[w]
			}
			if all {
				score += 3
			}
		}
		score -= float64(len(cs)-k) * 0.01
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	if bestScore < 1 {
		return nil
	}
	return best
}

// statement reports whether a claim says something: a quotation, or
// reported words that hold a clause, not only a noun phrase ("praised the
// plan" reports no statement for another to answer).
func (x *extractor) statement(c *Claim) bool {
	if c.Mode == claims.ModeQuote || c.Rule != RuleReported {
		return true
	}
	for _, w := range splitWords(x.text[c.Content.Start:c.Content.End]) {
		if clauseWords[w] || verbForms[w] != "" || len(w) > 4 && strings.HasSuffix(w, "ed") {
			return true
		}
	}
	return false
}

// clauseWords are the words that make reported words a clause.
var clauseWords = map[string]bool{"that": true, "is": true, "was": true, "are": true, "were": true, "be": true,
	"been": true, "will": true, "would": true, "can": true, "could": true, "should": true, "must": true,
	"may": true, "might": true, "has": true, "have": true, "had": true, "do": true, "does": true, "did": true,
	"not": true, "isn't": true, "wasn't": true, "won't": true, "can't": true, "don't": true, "didn't": true}

// compatible reports whether two speakers may be one: the same, or names
// with the same head ("Council" and "city council").
func compatible(a, b *Speaker) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil {
		return false
	}
	ha, hb := splitWords(a.Name), splitWords(b.Name)
	return len(ha) > 0 && len(hb) > 0 && strings.TrimSuffix(ha[len(ha)-1], "'s") == strings.TrimSuffix(hb[len(hb)-1], "'s")
}

// wordsOf is contentWords of a claim's content, made once.
func (x *extractor) wordsOf(c *Claim) map[string]bool {
	if c.words == nil {
		c.words = contentWords(x.text[c.Content.Start:c.Content.End])
	}
	return c.words
}

// contentWords are the words of a text that say what it is about.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range splitWords(s) {
		if len(w) >= 4 && !stopwords[w] {
			out[w] = true
		}
	}
	return out
}

// subjectWords are the content words of a clause's first noun phrase:
// "the White House" of "that the White House had been consulted".
func subjectWords(s string) []string {
	ws := splitWords(s)
	i := 0
	for i < len(ws) && (ws[i] == "the" || ws[i] == "that" || ws[i] == "suggestion" || ws[i] == "claim" || ws[i] == "idea" || ws[i] == "a" || ws[i] == "an") {
		i++
	}
	var out []string
	for ; i < len(ws) && len(out) < 3; i++ {
		w := ws[i]
		if stopwords[w] || verbForms[w] != "" || strings.HasSuffix(w, "ed") {
			break
		}
		if len(w) >= 3 {
			out = append(out, w)
		}
	}
	return out
}

func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-'
	})
}

// finish gives the draft its speakers, ids, occurrences and topics.
func (x *extractor) finish() {
	d := x.d
	x.dropRepeats()
	x.mergeBareTitles()
	// An intermediary named once goes on relaying the same speaker's
	// statement in the paragraphs that follow.
	relay := map[*Speaker]*Claim{}
	for _, c := range d.Claims {
		if c.ReportedBy != nil {
			relay[c.Speaker] = c
			continue
		}
		if r := relay[c.Speaker]; r != nil && c.Paragraph-r.Paragraph <= 4 && r.ReportedBy != c.Speaker {
			c.ReportedBy = r.ReportedBy
		}
	}
	for _, c := range d.Claims {
		if c.ReportedBy == c.Speaker {
			c.ReportedBy = nil
		}
	}
	sort.SliceStable(d.Claims, func(i, j int) bool { return d.Claims[i].Passage.Start < d.Claims[j].Passage.Start })
	// speakers: those that speak or relay, in order of first appearance
	used := map[*Speaker]bool{}
	for _, c := range d.Claims {
		used[c.Speaker] = true
		if c.ReportedBy != nil {
			used[c.ReportedBy] = true
		}
	}
	ids := map[string]bool{}
	for _, s := range x.speakers.all {
		if !used[s] {
			continue
		}
		s.ID = uniqueID(ids, slug(s.Name, "speaker"))
		if strings.TrimSpace(s.Role) == "" {
			s.Role = "Not stated in the article"
		}
		s.Role = oneLine(s.Role)
		s.Name = oneLine(s.Name)
		d.Speakers = append(d.Speakers, s)
	}
	// principal: the speakers with the most claims, up to three, when they
	// have more than one each
	counts := map[*Speaker]int{}
	for _, c := range d.Claims {
		counts[c.Speaker]++
	}
	ranked := append([]*Speaker(nil), d.Speakers...)
	sort.SliceStable(ranked, func(i, j int) bool { return counts[ranked[i]] > counts[ranked[j]] })
	for i, s := range ranked {
		if i < 3 && counts[s] > 1 {
			s.Principal = true
		}
	}
	perSpeaker := map[*Speaker]int{}
	for _, c := range d.Claims {
		perSpeaker[c.Speaker]++
		c.ID = uniqueID(ids, fmt.Sprintf("%s-%d", shortID(c.Speaker.ID), perSpeaker[c.Speaker]))
		if c.Mode == claims.ModeQuote {
			// Byte for byte, tabs and all: a quote is anchored by its text,
			// and quoteYAML writes any character back as it was.
			c.Text = x.text[c.Passage.Start:c.Passage.End]
		} else {
			c.Text = oneLine(c.Text)
		}
	}
	x.occurrences()
	x.topics()
	for _, c := range d.Claims {
		c.Confidence = float64(int(c.Confidence*100+0.5)) / 100
		c.Content = x.anchorable(c.Passage, c.Content)
		c.Mention = x.anchorable(c.Passage, c.Mention)
		c.Cue = x.anchorable(c.Passage, c.Cue)
	}
}

// mergeBareTitles gives the claims of a speaker named by a title alone
// ("Minister defends cuts", a headline's way) to the one named person
// whose role that title is ("The finance minister, Anna Berg"): one
// person, not two.
func (x *extractor) mergeBareTitles() {
	to := map[*Speaker]*Speaker{}
	for _, s := range x.speakers.all {
		w := strings.ToLower(s.Name)
		if strings.ContainsAny(w, " .") || titles[w] == "" {
			continue
		}
		var only *Speaker
		n := 0
		for _, t := range x.speakers.all {
			if t == s || t.Kind != claims.KindPerson && t.Kind != claims.KindOfficial || !strings.Contains(t.Name, " ") {
				continue
			}
			role := strings.Fields(strings.ToLower(t.Role))
			if len(role) > 0 && role[len(role)-1] == w {
				only = t
				n++
			}
		}
		if n == 1 {
			to[s] = only
		}
	}
	for _, c := range x.d.Claims {
		if t := to[c.Speaker]; t != nil {
			c.Speaker = t
		}
		if t := to[c.ReportedBy]; t != nil {
			c.ReportedBy = t
		}
	}
}

// anchorable returns s if the loader, looking for its words nearest the
// passage, finds s itself; else the words widened by a word or two each
// side until it does; else nothing.
func (x *extractor) anchorable(passage, s Span) Span {
	if s.End <= s.Start {
		return Span{}
	}
	try := func(c Span) bool {
		got, ok := claims.NearestOccurrence(x.text, passage, x.text[c.Start:c.End])
		return ok && got == c
	}
	if strings.TrimSpace(x.text[s.Start:s.End]) == "" || strings.ContainsAny(x.text[s.Start:s.End], "\n") {
		return Span{}
	}
	if try(s) {
		return s
	}
	// the next words first, then the words before, then both
	r1 := x.widenRight(s)
	r2 := x.widenRight(r1)
	l1 := x.widenLeft(s)
	l2 := x.widenLeft(l1)
	for _, c := range []Span{r1, r2, l1, l2, x.widenLeft(r1), x.widenLeft(r2), x.widenRight(l2)} {
		if c != s && !strings.ContainsRune(x.text[c.Start:c.End], '\n') && try(c) {
			return c
		}
	}
	return Span{}
}

// widenRight adds the next word to s, within its line.
func (x *extractor) widenRight(s Span) Span {
	t := x.text
	e := s.End
	for e < len(t) && t[e] == ' ' {
		e++
	}
	for e < len(t) && t[e] != ' ' && t[e] != '\n' {
		e++
	}
	return Span{Start: s.Start, End: e}
}

// widenLeft adds the word before s, within its line.
func (x *extractor) widenLeft(s Span) Span {
	t := x.text
	b := s.Start
	for b > 0 && t[b-1] == ' ' {
		b--
	}
	for b > 0 && t[b-1] != ' ' && t[b-1] != '\n' {
		b--
	}
	return Span{Start: b, End: s.End}
}

// maxRepeats is how many claims may share one passage: boilerplate pasted
// thousands of times is not thousands of statements, and each repeat costs
// the loader a search through all the others.
const maxRepeats = 50

// dropRepeats keeps the first maxRepeats claims of each passage, and the
// relations between those kept.
func (x *extractor) dropRepeats() {
	d := x.d
	seen := map[string]int{}
	kept := d.Claims[:0]
	dropped := map[*Claim]bool{}
	for _, c := range d.Claims {
		p := x.text[c.Passage.Start:c.Passage.End]
		if seen[p]++; seen[p] > maxRepeats {
			dropped[c] = true
			continue
		}
		kept = append(kept, c)
	}
	if len(dropped) == 0 {
		return
	}
	d.Repeats = len(dropped)
	d.Claims = kept
	rels := d.Relations[:0]
	for _, r := range d.Relations {
		if !dropped[r.From] && !dropped[r.To] {
			rels = append(rels, r)
		}
	}
	d.Relations = rels
}

// oneLine makes a field's value one line: an annotation's names, roles
// and paraphrases are single lines.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

func shortID(id string) string {
	if len(id) > 40 {
		id = strings.TrimRight(id[:40], "-")
	}
	return id
}

// slug makes an id from a name: lower-case letters and digits joined by
// hyphens, at most 48 characters; fallback when nothing is left.
func slug(name, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
		default:
			dash = true
		}
		if b.Len() >= 48 {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return fallback
	}
	return s
}

func uniqueID(ids map[string]bool, id string) string {
	if !ids[id] {
		ids[id] = true
		return id
	}
	for n := 2; ; n++ {
		c := fmt.Sprintf("%s-%d", id, n)
		if !ids[c] {
			ids[c] = true
			return c
		}
	}
}
