package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"counterpoint/internal/claims"
)

// extractor holds the state of one drafting pass.
type extractor struct {
	text     string
	d        *Draft
	quotes   []quote
	speakers speakerIndex
	// the last direct quotation claimed, and the paragraph it is in
	lastQuote     *Claim
	lastQuotePara int
	lastQuoteSent int // its sentence, within the paragraph
	sentIndex     int // the sentence being read
	// an attribution that ended with a colon ("Caddell continued:"), waiting
	// for its quotation
	pending     *attribution
	pendingPara int
	author      *Speaker
	relCues     []relCue
	names       map[string]string // full names by lower-case surname
	nameClash   map[string]bool   // surnames of more than one full name
	buf         []token
}

// attribution is a source found for a cue.
type attribution struct {
	speaker  *Speaker
	mention  Span
	cue      Span
	reported *Speaker
	venue    string
	when     string
	conf     float64
}

// cue is one cue found in a sentence, by token indexes [i, j).
type cue struct {
	i, j   int
	lemma  string
	kind   cueKind
	skip   bool
	ing    bool
	made   bool   // it made a claim
	acted  bool   // a verb of answering with a subject and no claim: "Reed dismissed the warning"
	region [2]int // the tokens it claimed
}

// relCue is a relation cue in a sentence, waiting for the claims of it.
type relCue struct {
	span         Span
	kind         string
	addressee    *Speaker
	verb         bool     // a verb ("hit back"), not a phrase ("in response to")
	subject      *Speaker // the verb's subject, when known
	subjectFound bool
	subjectNP    np // the subject's words, looked up again once the sentence's claims are made
}

// Extract drafts the article text. It never fails: a text with nothing to
// find gives a draft with no claims. The caller gives text as it is to be
// annotated (see Normalize).
func Extract(text string) *Draft {
	loadLexicon()
	x := &extractor{text: text, d: &Draft{Text: text}, names: map[string]string{}, nameClash: map[string]bool{}}
	x.speakers.init()
	var buf []token
	paras := paragraphs(text)
	x.d.Title = titleOf(text, paras)
	for pi := range paras {
		p := &paras[pi]
		qs := findQuotes(text, *p)
		base := len(x.quotes)
		x.quotes = append(x.quotes, qs...)
		p.quotes = []int{base, len(x.quotes)}
		p.sents = splitSentences(text, *p, qs)
		// A first pass for the full names; the tokens are made again, one
		// sentence at a time, when the sentence is read: a 1 MB article's
		// tokens all at once took 12 MB.
		for si := range p.sents {
			s := &p.sents[si]
			s.toks = buf[:0]
			tokenize(text, s, x.quotes, base)
			x.namesIn(s.toks)
			buf, s.toks = s.toks, nil
		}
	}
	x.keepUniqueNames()
	prevOpen := false
	for pi := range paras {
		p := &paras[pi]
		x.paragraph(p, prevOpen)
		prevOpen = p.quotes[1] > p.quotes[0] && !x.quotes[p.quotes[1]-1].closed
	}
	x.finish()
	return x.d
}

// titleOf is the article's first line, cut to a reasonable length.
func titleOf(text string, paras []paragraph) string {
	if len(paras) == 0 {
		return ""
	}
	t := text[paras[0].start:paras[0].end]
	if len(t) > 120 {
		cut := 120
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
		if sp := strings.LastIndexByte(t[:cut], ' '); sp > 40 {
			cut = sp
		}
		t = t[:cut] + "…"
	}
	return t
}

func (x *extractor) paragraph(p *paragraph, prevOpen bool) {
	for si := range p.sents {
		s := &p.sents[si]
		s.toks = x.buf[:0]
		tokenize(x.text, s, x.quotes, p.quotes[0])
		x.sentIndex = si
		x.sentence(p, s, si, prevOpen)
		x.buf, s.toks = s.toks, nil
	}
}

// words counts the words of a span.
func (x *extractor) words(s Span) int {
	n, in := 0, false
	for _, r := range x.text[s.Start:s.End] {
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w || r == '\'' || r == '’' || r == '-'
	}
	return n
}

// sentence finds the claims of one sentence.
func (x *extractor) sentence(p *paragraph, s *sentence, si int, prevOpen bool) {
	toks := s.toks
	if len(toks) == 0 {
		return
	}
	cues := x.findCues(toks)
	x.findRelationCues(toks)
	var made []*Claim
	regionStart := 0 // tokens before this belong to an earlier claim of the sentence
	for ci := range cues {
		c := &cues[ci]
		if c.skip {
			continue
		}
		cl := x.attribute(p, s, cues, ci, regionStart)
		if cl != nil {
			c.made = true
			made = append(made, cl)
			if c.region[1] > regionStart {
				regionStart = c.region[1]
			}
			// a cue inside this claim's content is a report within it
			// (unless it introduces a quotation of its own: "… and
			// repeatedly says, “Don't you do it,” until …")
			for k := ci + 1; k < len(cues) && cues[k].i < c.region[1]; k++ {
				if !cues[k].ing && !x.introducesQuote(toks, cues[k].j) {
					cues[k].skip = true
				}
			}
		}
	}
	// Quotations no cue of the sentence claimed.
	onlyQuotes := true
	for _, t := range toks {
		if t.kind == tokWord {
			onlyQuotes = false
			break
		}
	}
	for ti, t := range toks {
		if t.kind != tokQuote || x.quotes[t.q].used {
			continue
		}
		q := &x.quotes[t.q]
		if x.words(q.inner) < 1 {
			continue
		}
		// "“…” ― Jorge Falcon": a quotation signed with a dash
		if ti+2 < len(toks) && toks[ti+1].kind == tokPunct && isDash(toks[ti+1].lower) {
			if src := x.rightNP(toks, ti+2); !src.empty() && src.kind == npName && x.onlyMarksAfter(toks, src.end, len(toks)) {
				at := attribution{mention: src.span(toks), cue: Span{Start: toks[ti+1].start, End: toks[ti+1].end}}
				if at.speaker = x.speakers.resolve(x, src, toks, 0); at.speaker != nil {
					if cl := x.quoteClaim(p, q, at, RuleQuote, 0.8); cl != nil {
						made = append(made, cl)
					}
					continue
				}
			}
		}
		// "Pat Caddell: Democrats Worried …; It’s ‘in Their Heads.’", "Sanders
		// made the following comment: “…”": a quotation after a colon is the
		// sentence's first named person's
		if ti > 1 && toks[ti-1].kind == tokPunct && toks[ti-1].lower == ":" {
			if src := x.firstName(toks[:ti-1]); !src.empty() {
				at := attribution{mention: src.span(toks), cue: Span{Start: toks[ti-1].start, End: toks[ti-1].end}}
				if at.speaker = x.speakers.resolve(x, src, toks, 0); at.speaker != nil {
					if cl := x.quoteClaim(p, q, at, RuleQuoteColon, 0.6); cl != nil {
						made = append(made, cl)
					}
					continue
				}
			}
		}
		standalone := onlyQuotes || ti == 0 && x.restIsAttributionless(toks[1:])
		if !standalone {
			continue
		}
		if cl := x.orphanQuote(p, s, si, q, prevOpen, ti == 0 && si == 0); cl != nil {
			made = append(made, cl)
		}
	}
	x.bindRelations(made, toks)
	// "Sanders made the following comment:" and the quotation in the next
	// paragraph
	if len(made) == 0 && x.pending == nil && toks[len(toks)-1].kind == tokPunct && toks[len(toks)-1].lower == ":" {
		if src := x.firstName(toks[:len(toks)-1]); !src.empty() {
			at := attribution{mention: src.span(toks), cue: Span{Start: toks[len(toks)-1].start, End: toks[len(toks)-1].end}, conf: 0.6}
			if at.speaker = x.speakers.resolve(x, src, toks, 0); at.speaker != nil {
				x.pending, x.pendingPara = &at, p.index
			}
		}
	}
}

// firstName is the first person's name of tokens, as a sentence's subject:
// a capitalised run not after a preposition, not a date.
func (x *extractor) firstName(toks []token) np {
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.kind != tokWord || !t.cap || stopLeft[t.lower] || determiners[t.lower] || weekdays[t.lower] || months[t.lower] {
			continue
		}
		if k > 0 && toks[k-1].kind == tokWord && prepositions[toks[k-1].lower] {
			continue
		}
		e := k
		for e+1 < len(toks) && isNameWord(toks, e+1) {
			e++
		}
		r := x.leftNP(toks, e)
		if !r.empty() && r.kind == npName {
			return r
		}
		k = e
	}
	return np{}
}

// restIsAttributionless reports whether tokens hold no word that could
// attribute the quotation before them: nothing but marks, or a few words.
func (x *extractor) restIsAttributionless(toks []token) bool {
	for _, t := range toks {
		if t.kind == tokWord {
			return false
		}
	}
	return true
}

// findCues finds the cues of a sentence, outside its quotations.
func (x *extractor) findCues(toks []token) []cue {
	var out []cue
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tokWord {
			continue
		}
		if ps, ok := phraseIndex[t.lower]; ok {
			best := -1
			for pi, ph := range ps {
				if matchWords(toks, i, ph.words) && (best < 0 || len(ph.words) > len(ps[best].words)) {
					best = pi
				}
			}
			if best >= 0 {
				ph := ps[best]
				if ph.kind != cueNone {
					lemma := ph.words[0]
					if v, ok := verbForms[lemma]; ok {
						lemma = v
					}
					if strings.Contains(ph.words[len(ph.words)-1], "saying") && len(ph.words) > 2 {
						lemma = "quote" // "was quoted as saying (by KCNA)"
					}
					c := cue{i: i, j: i + len(ph.words), lemma: lemma, kind: ph.kind, ing: strings.HasSuffix(ph.words[0], "ing")}
					if ph.kind == cueVerb && x.notAVerb(toks, i, c.lemma, ph.words[0]) {
						i += len(ph.words) - 1
						continue
					}
					out = append(out, c)
				}
				i += len(ph.words) - 1
				continue
			}
		}
		lemma, ok := verbForms[t.lower]
		if !ok || x.notAVerb(toks, i, lemma, t.lower) {
			continue
		}
		out = append(out, cue{i: i, j: i + 1, lemma: lemma, kind: cueVerb, ing: strings.HasSuffix(t.lower, "ing")})
	}
	return out
}

func matchWords(toks []token, i int, ws []string) bool {
	if i+len(ws) > len(toks) {
		return false
	}
	for k, w := range ws {
		if toks[i+k].kind != tokWord || toks[i+k].lower != w {
			return false
		}
	}
	return true
}

// notAVerb rules out a cue word used otherwise: after a determiner or a
// preposition (a noun or a gerund: "his claim", "of saying"), after "to"
// (an infinitive: "declined to say"), or in the passive ("was told"), which
// names the hearer.
func (x *extractor) notAVerb(toks []token, i int, lemma, form string) bool {
	// "Stevie Wonder, who …": a capital after a name's word is the name's,
	// unless a headline's capitals go on ("Trump Says He …", "Clinton
	// Speaks ‘…’", "Obama Warns: …")
	if toks[i].cap && i > 0 && toks[i-1].kind == tokWord && toks[i-1].cap {
		nx := i + 1
		if nx >= len(toks) || !(toks[nx].kind == tokQuote || toks[nx].kind == tokWord && toks[nx].cap || toks[nx].lower == ":") {
			return true
		}
	}
	k := i - 1
	for k >= 0 && toks[k].kind == tokWord && (toks[k].lower == "not" || toks[k].lower == "also" || toks[k].lower == "never") {
		k--
	}
	if k < 0 || toks[k].kind != tokWord {
		return false
	}
	prev := toks[k].lower
	if determiners[prev] && prev != "that" && prev != "one" && prev != "some" && prev != "many" && prev != "both" && prev != "two" && prev != "three" && prev != "several" && prev != "most" && prev != "other" {
		return true
	}
	switch prev {
	case "to":
		return form != "continued"
	case "of", "for", "about", "by", "without", "from", "upon", "against":
		return strings.HasSuffix(form, "ing") || form == lemma
	}
	if passiveAux[prev] && form != "quoted" && (strings.HasSuffix(form, "ed") || form == "told" || form == "said" || form == "known" || form == "written" || form == "thought") {
		return true
	}
	return false
}

// attribute makes the claim of one cue, or nothing.
func (x *extractor) attribute(p *paragraph, s *sentence, cues []cue, ci, regionStart int) *Claim {
	toks := s.toks
	c := &cues[ci]
	n := len(toks)
	cueSpan := Span{Start: toks[c.i].start, End: toks[c.j-1].end}
	at := attribution{cue: cueSpan, conf: 0.8}

	if c.kind == cueAccording {
		src := x.rightNP(toks, c.j)
		if src.empty() {
			return nil
		}
		at.mention = src.span(toks)
		at.speaker = x.speakers.resolve(x, src, toks, 0)
		// content: the sentence before "according to", or the clause after
		// its source
		var cs, ce int
		lo := regionStart
		for lo < c.i && toks[lo].kind == tokPunct {
			lo++
		}
		if c.i-lo >= 3 {
			cs, ce = lo, c.i
		} else {
			cs, ce = src.end, n
			for cs < n && toks[cs].kind == tokPunct {
				cs++
			}
		}
		c.region = [2]int{min(cs, c.i), max(ce, src.end)}
		return x.makeClaim(p, s, toks, cs, ce, at, RuleAccording, 0.7)
	}

	// The source before the verb, skipping auxiliaries, adverbs, a time and
	// a parenthesis ("Sen. David Perdue (R-Ga.) said").
	k, when := x.skipToSubject(toks, c.i-1)
	if when != "" {
		at.when = when
	}
	var src np
	inverted := false
	switch {
	case k < 0 || toks[k].kind == tokQuote || toks[k].kind == tokPunct && toks[k].lower != ",":
		inverted = true
	case toks[k].kind == tokPunct: // a comma
		if app, ok := x.appositive(toks, k); ok {
			src = app
		} else if c.ing {
			src = x.clauseSubject(toks, cues, ci)
		} else {
			inverted = true
		}
	case toks[k].is("and") || toks[k].is("but") || toks[k].is("or"):
		src = x.clauseSubject(toks, cues, ci)
	case stopLeft[toks[k].lower] && !toks[k].is("who") && !toks[k].is("which") && !toks[k].is("that"):
		if c.ing {
			src = x.clauseSubject(toks, cues, ci)
		} else {
			return nil
		}
	default:
		src = x.leftNP(toks, k)
		// "a news conference announcing that …", "tweets criticizing …":
		// a participle after a description is its clause's subject's
		if c.ing && src.kind == npNominal {
			if cs := x.clauseSubject(toks, cues, ci); !cs.empty() && cs.start < src.start {
				src = cs
			}
		}
		// a phrase after a preposition is not a subject ("marched through
		// the streets chanting", "in Tulsa"): the clause's, or none
		if !src.empty() && !src.hasRel && src.kind != npPronoun && src.start > 0 && toks[src.start-1].kind == tokWord && prepositions[toks[src.start-1].lower] {
			src = np{}
			if cs := x.clauseSubject(toks, cues, ci); !cs.empty() {
				src = cs
			}
		}
		if !src.empty() && src.kind == npName && src.end-src.start == 1 && (weekdays[toks[src.start].lower] || months[toks[src.start].lower]) {
			src = np{} // "… on Friday said": a date is nobody
		}
	}
	if inverted {
		src = x.rightNP(toks, skipAux(toks, c.j))
		if src.empty() {
			return nil
		}
	}
	if src.empty() {
		return nil
	}
	// "the letter reads": only a text reads out words
	if c.lemma == "read" && (src.kind != npNominal || !documentWords[nominalHead(toks, src)]) {
		return nil
	}
	at.mention = src.span(toks)
	at.speaker = x.speakers.resolve(x, src, toks, 0)
	if at.speaker == nil {
		return nil
	}

	// "“…,” she said …": a quotation that opens the sentence, with only
	// marks between it and its source, is what the source said, whatever
	// follows the verb ("…, going on to say", "told some of the miners").
	if !inverted {
		if lq := x.leadingQuote(toks, regionStart, src.start); lq >= 0 {
			c.region = [2]int{regionStart, c.j}
			x.skipComplements(toks, c.j, c.lemma, &at) // for the venue, the time, an intermediary
			cl := x.quoteClaim(p, &x.quotes[toks[lq].q], at, RuleQuote, 0.9)
			// the rest of it after the verb: "“…,” he said, “and …”"
			j := c.j
			for j < n && toks[j].kind == tokPunct {
				j++
			}
			// or after a phrase: "…,” he said during a rally, “but …”"
			// (but not past a verb that starts new words: "…,” she sings,
			// before asking her, “…”" is two; "…,” he said, referring to
			// the excuse, “…”" is one)
			// (nor past a participle that a capitalised quotation follows:
			// "…,” he said, suggesting a few questions, including, “Mr. …”"
			// is what the participle reports)
			participle := false
			for g := j; g < n && g-j < 16 && toks[g].kind != tokQuote && !newSpeech[verbForms[toks[g].lower]]; g++ {
				participle = participle || toks[g].kind == tokWord && verbForms[toks[g].lower] != "" && strings.HasSuffix(toks[g].lower, "ing")
				if g+1 < n && toks[g+1].kind == tokQuote && toks[g].kind == tokPunct {
					if !participle || !x.introducesQuote(toks, g) {
						j = g + 1
					}
					break
				}
			}
			if cl != nil && j < n && toks[j].kind == tokQuote && x.onlyMarksAfter(toks, j+1, n) {
				x.extendQuote(cl, &x.quotes[toks[j].q])
			}
			return cl
		}
	}

	// The content after the verb: past a hearer ("told CNN"), a phrase of
	// where or when ("in a statement", "on Friday"), "that" and a colon.
	after := c.j
	if inverted {
		after = src.end
	}
	after = x.skipComplements(toks, after, c.lemma, &at)
	if inverted {
		// content before: "CONTENT, said SOURCE"
		ce := c.i
		for ce > regionStart && toks[ce-1].kind == tokPunct {
			ce--
		}
		if ce > regionStart {
			c.region = [2]int{regionStart, after}
			return x.contentBefore(p, s, toks, regionStart, ce, at)
		}
		// "Said Ellis: “…”": the verb first, the content after its source
	}
	end := x.contentEnd(toks, cues, ci, after)
	cs := after
	for cs < end && toks[cs].kind == tokPunct && toks[cs].lower != "(" {
		cs++
	}
	if cs >= end {
		// "CONTENT, he said." or "he said:" at the end, waiting for a quote
		if after < n && toks[after-1].kind == tokPunct && toks[after-1].lower == ":" || after >= n && x.text[s.end-1] == ':' ||
			after < n && toks[n-1].lower == ":" {
			x.pending, x.pendingPara = &at, p.index
			c.region = [2]int{src.start, n}
			return nil
		}
		ce := src.start
		for ce > regionStart && (toks[ce-1].kind == tokPunct) {
			ce--
		}
		c.region = [2]int{regionStart, max(after, c.j)}
		return x.contentBefore(p, s, toks, regionStart, ce, at)
	}
	c.region = [2]int{src.start, end}
	// a quotation right after the verb is a direct quote: alone, or after
	// a comma or colon and capitalised ("saying, “That makes me smart,” when …")
	if toks[cs].kind == tokQuote {
		q := &x.quotes[toks[cs].q]
		first, _ := utf8.DecodeRuneInString(x.text[q.inner.Start:q.inner.End])
		marked := toks[cs-1].lower == ":" || toks[cs-1].lower == ","
		if x.onlyMarksAfter(toks, cs+1, end) && (!unicode.IsLower(first) || marked) || marked && unicode.IsUpper(first) ||
			unicode.IsUpper(first) && x.wholeSentence(q) ||
			cs+1 < end && toks[cs+1].kind == tokWord && circumstance[toks[cs+1].lower] {
			return x.quoteClaim(p, q, at, RuleQuote, 0.9)
		}
	}
	if answerVerbs[c.lemma] && !x.statementObject(toks, cs, end) {
		t := toks[cs]
		if !(t.kind == tokQuote || t.is("how") || t.is("why") || t.is("what") || t.is("whether") || t.is("if") ||
			cs > c.j && (toks[cs-1].is("that") || toks[cs-1].lower == ":")) {
			// its subject is still that of a participle after it
			// ("dismissed the warning, saying …")
			c.acted = !inverted
			return nil
		}
	}
	if weakVerbs[c.lemma] {
		t := toks[cs]
		if !(t.kind == tokQuote || t.is("how") || t.is("why") || t.is("what") || t.is("whether") || t.is("if") || t.is("who") ||
			cs > c.j && (toks[cs-1].is("that") || toks[cs-1].lower == ":" || toks[cs-1].lower == ",")) {
			return nil
		}
	}
	rule := RuleReported
	if x.holdsQuote(toks, cs, end) {
		rule = RuleMixed
	}
	return x.makeClaim(p, s, toks, cs, end, at, rule, 0.75)
}

// statementObject reports whether the content from cs is a statement noun
// with the clause that says it ("the suggestion that the White House …",
// "claims that …") or an object and what it is called ("dismissed NATO
// member Estonia as being in the suburbs").
func (x *extractor) statementObject(toks []token, cs, end int) bool {
	k := cs
	for k < end && k-cs < 6 && toks[k].kind == tokWord && !statementNouns[toks[k].lower] && !toks[k].is("that") {
		k++
	}
	if k+1 < end && toks[k].kind == tokWord && statementNouns[toks[k].lower] && toks[k+1].is("that") {
		return true
	}
	// "dismissed the criticism as the voice of …": what the object is
	// called is said
	for k = cs + 1; k < end && k-cs < 10 && toks[k].kind == tokWord; k++ {
		if toks[k].is("as") {
			return true
		}
	}
	return false
}

// wholeSentence reports whether a quotation ends as a sentence does: "the
// crowd chanted “What curfew?” and kept going" quotes only the question.
func (x *extractor) wholeSentence(q *quote) bool {
	in := x.trimSpace(q.inner)
	r, _ := utf8.DecodeLastRuneInString(x.text[in.Start:in.End])
	return r == '?' || r == '!' || r == '.' && !endsWithAbbreviation(x.text, in.Start, in.End)
}

// parenDash reports whether token k is a dash that sets words apart (" -- ",
// " — "), not a hyphen.
func (x *extractor) parenDash(toks []token, k int) bool {
	t := toks[k]
	if t.kind != tokPunct {
		return false
	}
	if t.lower == "—" || t.lower == "–" {
		return true
	}
	if t.lower != "-" {
		return false
	}
	before := t.start == 0 || x.text[t.start-1] == ' ' || x.text[t.start-1] == '-'
	after := t.end >= len(x.text) || x.text[t.end] == ' ' || x.text[t.end] == '-'
	return before && after && (x.text[max(t.start-1, 0)] == '-' || t.end < len(x.text) && x.text[t.end] == '-')
}

// skipToSubject goes left from token k past what may stand between a
// source and its verb: auxiliaries, adverbs, a time ("on Saturday") and a
// parenthesis ("(R-Ga.)"). It returns the token where the source ends, and
// the time if one was passed.
func (x *extractor) skipToSubject(toks []token, k int) (int, string) {
	when := ""
	for k >= 0 {
		t := toks[k]
		switch {
		case t.kind == tokWord && (skipBeforeVerb[t.lower] || strings.HasSuffix(t.lower, "ly") && !t.cap && len(t.lower) > 4):
			k--
			continue
		case t.kind == tokWord && timeNouns[t.lower] && k >= 1 && toks[k-1].kind == tokWord && (toks[k-1].lower == "this" || toks[k-1].lower == "last" || toks[k-1].lower == "next" || toks[k-1].lower == "that" || toks[k-1].lower == "each"):
			// "Wells Fargo just this month announced"
			k -= 2
			continue
		case t.kind == tokWord && (weekdays[t.lower] || dayParts[t.lower]) && k >= 1:
			j := k
			for j >= 0 && toks[j].kind == tokWord && (weekdays[toks[j].lower] || dayParts[toks[j].lower]) {
				j--
			}
			if j >= 0 && toks[j].is("on") {
				when = x.text[toks[j+1].start:toks[k].end]
				k = j - 1
				continue
			}
		case x.parenDash(toks, k) && k > 1:
			// "Ora's chief -- who runs the network -- told me"
			i := k
			for i > 0 && toks[i-1].kind == tokPunct && toks[i-1].lower == t.lower && toks[i-1].end == toks[i].start {
				i-- // the first mark of "--"
			}
			j := i - 1
			for j > 0 && i-j < 32 && toks[j].kind != tokQuote && !(toks[j].lower == t.lower && x.parenDash(toks, j)) {
				j--
			}
			if j > 0 && i-j < 32 && i-j > 1 && toks[j].lower == t.lower && x.parenDash(toks, j) {
				for j > 0 && toks[j-1].kind == tokPunct && toks[j-1].lower == t.lower && toks[j-1].end == toks[j].start {
					j--
				}
				k = j - 1
				continue
			}
		case t.kind == tokPunct && t.lower == ")" && k > 0 && toks[k-1].kind != tokQuote:
			j := k - 1
			for j >= 0 && k-j < 10 && !(toks[j].kind == tokPunct && toks[j].lower == "(") {
				j--
			}
			if j >= 0 && k-j < 10 {
				k = j - 1
				continue
			}
		}
		break
	}
	return k, when
}

// introducesQuote reports whether a cue ending before token j is followed
// by a comma or a colon and a capitalised quotation.
func (x *extractor) introducesQuote(toks []token, j int) bool {
	if j+1 >= len(toks) || toks[j].kind != tokPunct || toks[j].lower != "," && toks[j].lower != ":" || toks[j+1].kind != tokQuote {
		return false
	}
	q := x.quotes[toks[j+1].q]
	first, _ := utf8.DecodeRuneInString(x.text[q.inner.Start:q.inner.End])
	return unicode.IsUpper(first)
}

// leadingQuote is the token of the quotation that opens tokens [lo, hi),
// when nothing but marks stands between it and hi; else -1.
func (x *extractor) leadingQuote(toks []token, lo, hi int) int {
	for lo < hi && toks[lo].kind == tokPunct {
		lo++
	}
	if lo >= hi || toks[lo].kind != tokQuote || x.quotes[toks[lo].q].used {
		return -1
	}
	// marks, then perhaps the role words of the source's phrase: "“…,”
	// Tulsa police Chief Chuck Jordan said"
	k := lo + 1
	for k < hi && toks[k].kind == tokPunct && toks[k].lower != "(" {
		k++
	}
	for j := k; j < hi; j++ {
		t := toks[j]
		if j-k >= 5 || t.kind == tokQuote || t.kind == tokPunct && t.lower != "-" && t.lower != "." || t.kind == tokWord && (stopLeft[t.lower] || verbForms[t.lower] != "") {
			return -1
		}
	}
	return lo
}

// extendQuote makes a quote claim run on to the end of a later quotation
// of the same speaker, interrupted by the attribution.
func (x *extractor) extendQuote(cl *Claim, q *quote) bool {
	inner := x.trimQuote(q.inner)
	if inner.End <= inner.Start || inner.Start <= cl.Passage.End {
		return false
	}
	cl.Passage.End = inner.End
	cl.Content.End = x.trimSpace(q.inner).End
	cl.Rule = RuleQuoteSplit
	q.used = true
	return true
}

// contentBefore makes the claim whose content precedes its attribution:
// a quotation ("“…,” she said") or reported words ("Prices will rise, he said").
func (x *extractor) contentBefore(p *paragraph, s *sentence, toks []token, lo, hi int, at attribution) *Claim {
	for lo < hi && (toks[lo].kind == tokPunct || toks[lo].is("but") || toks[lo].is("and")) {
		lo++
	}
	if lo >= hi {
		return nil
	}
	if toks[lo].kind == tokQuote && x.onlyMarksAfter(toks, lo+1, hi) {
		return x.quoteClaim(p, &x.quotes[toks[lo].q], at, RuleQuote, 0.9)
	}
	// "McCaskill scolded him: “…,” she said": the quotation the colon
	// introduces is what was said
	// (and the attribution after it is not one that a quotation after it
	// continues: the colon's verb was the first one's)
	if q := hi - 1; q-1 > lo && toks[q].kind == tokQuote && toks[q-1].kind == tokPunct && toks[q-1].lower == ":" {
		cl := x.quoteClaim(p, &x.quotes[toks[q].q], at, RuleQuote, 0.8)
		x.lastQuote = nil
		return cl
	}
	// "However, shortly after the chief executive spoke": words that lead
	// into the clause of the verb are not what was said
	if last := toks[hi-1]; last.kind == tokWord && subordinators[last.lower] {
		return nil
	}
	rule := RuleInverted
	if x.holdsQuote(toks, lo, hi) {
		rule = RuleMixed
	}
	return x.makeClaim(p, s, toks, lo, hi, at, rule, 0.7)
}

func isDash(s string) bool { return s == "―" || s == "—" || s == "–" || s == "-" || s == "--" }

func (x *extractor) onlyMarksAfter(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].kind != tokPunct {
			return false
		}
	}
	return true
}

func (x *extractor) holdsQuote(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].kind == tokQuote {
			return true
		}
	}
	return false
}

// skipAux skips auxiliaries after an inverted verb ("said Tuesday").
func skipAux(toks []token, j int) int {
	for j < len(toks) && toks[j].kind == tokWord && (weekdays[toks[j].lower] || toks[j].lower == "today" || toks[j].lower == "yesterday") {
		j++
	}
	return j
}

// skipComplements moves past what stands between a verb and its content:
// the hearer of "told", phrases of place, means and time, "that", a colon.
// It records a venue, a time and an intermediary met on the way.
func (x *extractor) skipComplements(toks []token, j int, lemma string, at *attribution) int {
	n := len(toks)
	// "speaking of the health issue", "referring to the excuse": the
	// preposition's object is what the words were about, the content
	if j < n && toks[j].kind == tokWord && aboutPreps[lemma] != "" && strings.Contains(aboutPreps[lemma], " "+toks[j].lower+" ") {
		return j + 1
	}
	for guard := 0; j < n && guard < 6; guard++ {
		t := toks[j]
		if t.kind != tokWord {
			break
		}
		switch {
		case t.lower == "that" || t.lower == "as" && lemma == "quote":
			j++
			continue
		case tellVerbs[lemma] && (t.cap || personPronouns[t.lower] != 0 || t.lower == "reporters" || t.lower == "journalists" || t.lower == "them" || t.lower == "us" || t.lower == "me"):
			e := j + 1
			for e < n && toks[e].kind == tokWord && toks[e].cap {
				e++
			}
			if e < n && toks[e].kind == tokWord && toks[e].lower != "that" {
				if lemma != "tell" {
					return j // "warned the US of …": the hearer is part of what was said
				}
			}
			if t.cap && isMediaName(x.text[t.start:toks[e-1].end]) {
				at.venue = x.text[t.start:toks[e-1].end]
			}
			j = e
			continue
		case hearerThatVerbs[lemma] && t.lower == "the" && x.hearerThat(toks, j) > j:
			// "told the Gazette that", "told the committee that": a hearer
			// with an article is still the hearer, and the medium the venue
			e := x.hearerThat(toks, j)
			if toks[j+1].cap && isMediaName(x.text[toks[j+1].start:toks[e-1].end]) {
				at.venue = x.text[t.start:toks[e-1].end]
			}
			j = e
			continue
		case t.lower == "on" || t.lower == "in" || t.lower == "to" || t.lower == "during" || t.lower == "at" || t.lower == "by" || t.lower == "of" || t.lower == "via" || t.lower == "after" || t.lower == "before" || t.lower == "with" || t.lower == "from" || t.lower == "through" || t.lower == "while":
			// "vowed to fight it": an infinitive is the content, not a phrase
			if t.lower == "to" && j+1 < n && toks[j+1].kind == tokWord && !toks[j+1].cap && !determiners[toks[j+1].lower] &&
				personPronouns[toks[j+1].lower] == 0 && toks[j+1].lower != "them" && toks[j+1].lower != "us" && toks[j+1].lower != "me" && !groupWords[toks[j+1].lower] {
				return j
			}
			// a short phrase ending at a comma, "that", a colon or a quotation
			e := j + 1
			for e < n && e-j < 12 && (toks[e].kind == tokWord && toks[e].lower != "that" || toks[e].kind == tokPunct && toks[e].lower == "-" || isNameWord(toks, e)) {
				e++
			}
			stop := e >= n || toks[e].kind == tokQuote || toks[e].is("that") || toks[e].kind == tokPunct && (toks[e].lower == "," || toks[e].lower == ":" || toks[e].lower == "." || toks[e].lower == "—" || toks[e].lower == "–")
			if !stop || e == j+1 {
				return j // not a phrase: a preposition alone ("he told on")
			}
			if e < n && toks[e].kind == tokQuote && (prepositions[toks[e-1].lower] || determiners[toks[e-1].lower]) {
				return j // "in a clip of ‘The 411’": the quotation is the phrase's, a title
			}
			phrase := x.text[toks[j+min(1, e-j-1)].start:toks[e-1].end]
			switch {
			case t.lower == "by" && lemma == "quote" || t.lower == "by" && e-j > 1 && toks[j+1].cap:
				r := np{start: j + 1, end: e}
				for r.start < r.end && determiners[toks[r.start].lower] {
					r.start++
				}
				for r.start < r.end && !toks[r.start].cap {
					r.start++ // "the state-run Korean Central News Agency": the name
				}
				if r.start < r.end {
					at.reported = x.speakers.resolve(x, np{start: r.start, end: e, kind: npName}, toks, resolveMedium)
					if at.reported != nil && at.reported.Kind != claims.KindStateMedia && x.stateRun(toks, j+1, r.start) {
						at.reported.Kind = claims.KindStateMedia
					}
				}
			case (t.lower == "on" || t.lower == "during") && (weekdays[toks[j+1].lower] || months[toks[j+1].lower] || toks[j+1].is("the") && e-j > 2 && dayParts[toks[j+2].lower]):
				at.when = phrase
			case t.lower == "in" && strings.Contains(strings.ToLower(phrase), "interview"), t.lower == "on" && toks[j+1].cap, t.lower == "to" && toks[j+1].cap:
				at.venue = strings.TrimPrefix(strings.TrimPrefix(phrase, "an "), "a ")
				if i := strings.Index(phrase, " with "); i >= 0 {
					at.venue = phrase[i+6:]
				}
			case t.lower == "in" && e-j <= 4 && (strings.Contains(phrase, "statement") || strings.Contains(phrase, "letter") || strings.Contains(phrase, "tweet") || strings.Contains(phrase, "post") || strings.Contains(phrase, "speech") || strings.Contains(phrase, "email")):
				at.venue = strings.TrimPrefix(strings.TrimPrefix(phrase, "an "), "a ")
			}
			j = e
			continue
		case weekdays[t.lower] || t.lower == "today" || t.lower == "yesterday" || t.lower == "tonight" || t.lower == "earlier" || t.lower == "later" || t.lower == "then" || t.lower == "also" || t.lower == "again" || t.lower == "repeatedly" || t.lower == "publicly" || t.lower == "privately" || t.lower == "recently":
			if weekdays[t.lower] {
				at.when = x.text[t.start:t.end]
			}
			j++
			continue
		}
		break
	}
	return j
}

// hearerThat is the end of a short hearer "the X" at j that "that"
// follows ("the Gazette that", "the city council that"), or j when there
// is none.
func (x *extractor) hearerThat(toks []token, j int) int {
	e := j + 1
	for e < len(toks) && e-j <= 4 && toks[e].kind == tokWord && !toks[e].is("that") && !prepositions[toks[e].lower] && !determiners[toks[e].lower] {
		e++
	}
	if e == j+1 || e >= len(toks) || !toks[e].is("that") {
		return j
	}
	return e
}

// hearerThatVerbs take a hearer and then a that-clause, what was said
// ("told the council that"); with the others "the plan that" is a noun
// and its relative clause ("praised the plan that passed").
var hearerThatVerbs = map[string]bool{"tell": true, "inform": true, "notify": true, "brief": true, "remind": true,
	"assure": true, "reassure": true, "warn": true, "promise": true}

// contentEnd is where a cue's content ends: at the sentence's end, or
// where a second attribution of the same sentence begins (", adding that",
// "; he said", ", but").
func (x *extractor) contentEnd(toks []token, cues []cue, ci, from int) int {
	n := len(toks)
	end := n
	// (a run-on "sentence" of a whole page can hold a hundred thousand
	// cues: the next few are enough, and the content is bounded anyway)
	for k := ci + 1; k < len(cues) && k <= ci+maxCuesAhead; k++ {
		c2 := cues[k]
		if c2.i < from {
			continue
		}
		// a participle after a comma starts a new attribution
		if c2.ing && c2.i > 0 && toks[c2.i-1].kind == tokPunct && toks[c2.i-1].lower == "," {
			end = c2.i - 1
			break
		}
		// "…, the mother of three replied, “…”": a verb that introduces a
		// quotation of its own ends the content before its source
		if x.introducesQuote(toks, c2.j) {
			end = c2.i
			if j, _ := x.skipToSubject(toks, c2.i-1); j > from && toks[j].kind == tokWord {
				if subj := x.leftNP(toks, j); !subj.empty() && subj.start > from {
					end = subj.start
				}
			}
			break
		}
		// "…; he said" or ", and human rights groups warned": a second
		// source and verb after a clause boundary
		j, _ := x.skipToSubject(toks, c2.i-1)
		if j-2 > from && toks[j].is("and") && toks[j-1].kind == tokWord && !toks[j-1].cap {
			j -= 2 // ", I laughed and said, …": the subject of the first verb
		}
		if j > from && toks[j].kind == tokWord {
			subj := x.leftNP(toks, j)
			if !subj.empty() && subj.start > from {
				b := toks[subj.start-1]
				// "…: “…,” the union wrote": a quotation set off before a
				// source and verb is theirs
				if b.kind == tokQuote && subj.start-2 > from && toks[subj.start-2].kind == tokPunct && (toks[subj.start-2].lower == ":" || toks[subj.start-2].lower == ",") {
					end = subj.start - 1
					break
				}
				if b.kind == tokPunct && (b.lower == ";" || b.lower == ",") || b.is("and") || b.is("but") {
					end = subj.start - 1
					if (b.is("and") || b.is("but")) && subj.start-2 >= from && toks[subj.start-2].kind == tokPunct {
						end = subj.start - 2
					}
					break
				}
			}
		}
	}
	// ", but" or "; " closes the clause
	for k := from + 1; k < end; k++ {
		if toks[k].kind == tokPunct && toks[k].lower == ";" {
			end = k
			break
		}
		if toks[k].is("but") && toks[k-1].kind == tokPunct && toks[k-1].lower == "," {
			end = k - 1
			break
		}
	}
	// a quotation another claim holds ends the content: "“…,” he said,
	// referring to the excuse, “…”"
	for k := from + 1; k < end; k++ {
		if toks[k].kind == tokQuote && x.quotes[toks[k].q].used {
			end = k
			break
		}
	}
	for end > from && toks[end-1].kind == tokPunct && !isClosingBracket(toks[end-1].lower) {
		end--
	}
	return end
}

func isClosingBracket(s string) bool { return s == ")" || s == "]" }

// makeClaim makes a paraphrase (or, when the content is one whole
// quotation, a quote) of tokens [cs, ce).
func (x *extractor) makeClaim(p *paragraph, s *sentence, toks []token, cs, ce int, at attribution, rule string, conf float64) *Claim {
	for cs < ce && toks[cs].kind == tokPunct && toks[cs].lower != "(" {
		cs++
	}
	for ce > cs && toks[ce-1].kind == tokPunct && !isClosingBracket(toks[ce-1].lower) {
		ce--
	}
	if cs >= ce {
		return nil
	}
	if ce-cs == 1 && toks[cs].kind == tokQuote {
		return x.quoteClaim(p, &x.quotes[toks[cs].q], at, RuleQuote, 0.85)
	}
	if toks[ce-1].end-toks[cs].start > maxContent {
		// a run-on "sentence" of a whole page: its first words only, so
		// that no claim costs more than maxContent bytes of work
		k := cs
		for k < ce && toks[k].end-toks[cs].start <= maxContent {
			k++
		}
		if k == cs {
			return nil
		}
		ce = k
	}
	content := Span{Start: toks[cs].start, End: toks[ce-1].end}
	// a quotation closing the content keeps its closing mark; one left open
	// runs to the paragraph's end
	if x.words(content) < 2 && rule != RuleMixed {
		return nil
	}
	for k := cs; k < ce; k++ {
		// a quotation that a verb of the content introduces is left to
		// that verb's own claim
		if toks[k].kind == tokQuote && !(k >= cs+2 && verbForms[toks[k-2].lower] != "" && x.introducesQuote(toks, k-1)) {
			x.quotes[toks[k].q].used = true
		}
	}
	if content.End-content.Start > maxContent {
		// a run-on "sentence" of a whole page: its first words, cut at a space
		e := content.Start + maxContent
		for e > content.Start && x.text[e] != ' ' {
			e--
		}
		if e == content.Start {
			return nil
		}
		content.End = e
	}
	passage := Span{Start: s.start, End: s.end}
	if passage.End-passage.Start > maxPassage {
		// a paraphrase's passage is its sentence, unless the sentence is
		// longer than a paragraph should be: then the words of the claim
		// alone, so that a draft stays in proportion to its article
		passage = content
		for _, sp := range []Span{at.mention, at.cue} {
			if sp.End > sp.Start {
				passage.Start, passage.End = min(passage.Start, sp.Start), max(passage.End, sp.End)
			}
		}
	}
	cl := &Claim{
		Mode:    claims.ModeParaphrase,
		Passage: passage,
		Text:    x.text[content.Start:content.End],
		Speaker: at.speaker, ReportedBy: at.reported, Venue: at.venue, When: at.when,
		Paragraph: p.index,
		Provenance: Provenance{Rule: rule, Confidence: conf * at.speaker.confidence(at.mention, x), Content: content,
			Mention: at.mention, Cue: at.cue},
	}
	x.add(cl)
	return cl
}

// quoteClaim makes the claim of a direct quotation.
func (x *extractor) quoteClaim(p *paragraph, q *quote, at attribution, rule string, conf float64) *Claim {
	inner := x.trimQuote(q.inner)
	if inner.End <= inner.Start || q.used {
		return nil
	}
	q.used = true
	cl := &Claim{
		Mode:       claims.ModeQuote,
		Passage:    inner,
		Speaker:    at.speaker,
		ReportedBy: at.reported, Venue: at.venue, When: at.when,
		Paragraph: p.index,
		Provenance: Provenance{Rule: rule, Confidence: conf * at.speaker.confidence(at.mention, x), Content: x.trimSpace(q.inner),
			Mention: at.mention, Cue: at.cue},
	}
	x.add(cl)
	x.lastQuote, x.lastQuotePara, x.lastQuoteSent = cl, p.index, x.sentIndex
	return cl
}

// trimSpace trims the spaces inside a quotation: the words attributed,
// with their punctuation.
func (x *extractor) trimSpace(s Span) Span { return x.trim(s, unicode.IsSpace) }

// trimQuote trims the spaces inside a quotation, and the comma that news
// style puts before the closing mark when an attribution follows.
func (x *extractor) trimQuote(s Span) Span {
	return x.trim(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
}

// trim drops spaces from the start of s, and the runes that end matches
// from its end.
func (x *extractor) trim(s Span, end func(rune) bool) Span {
	t := x.text
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(t[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(t[s.Start:s.End])
		if !end(r) {
			break
		}
		s.End -= n
	}
	return s
}

func (x *extractor) add(cl *Claim) {
	cl.sent = x.sentIndex
	if cl.Speaker != nil {
		cl.Speaker.used = true
		x.speakers.recent(cl.Speaker)
	}
	if cl.ReportedBy != nil {
		cl.ReportedBy.used = true
	}
	x.d.Claims = append(x.d.Claims, cl)
}

// orphanQuote gives a quotation without an attribution of its own: the rest
// of a split quotation, a quotation reopened on a new paragraph, one
// introduced by "X said:" before it, or one by the speaker nearby.
func (x *extractor) orphanQuote(p *paragraph, s *sentence, si int, q *quote, prevOpen, paraStart bool) *Claim {
	last := x.lastQuote
	// the rest of a quotation split by its attribution: "“…,” she said. “…”"
	// (only in the sentence right after it: "…,” he said after the meeting.
	// He did not say more. “…”" is two quotations)
	// (but not after "…,” he said, going on to contrast …": what follows
	// is the next thing he went on to)
	if last != nil && x.lastQuotePara == p.index && x.onlySpeakerSince(last) && !wentOnTo(x.text[last.Content.End:q.open]) {
		if x.extendQuote(last, q) {
			return nil
		}
	}
	if x.pending != nil && x.pendingPara >= p.index-1 {
		at := *x.pending
		x.pending = nil
		return x.quoteClaim(p, q, at, RuleQuoteColon, 0.85)
	}
	// A short quotation, or one in title case, with nothing to attribute
	// it is a title ("All Bets Are Off."), not someone's words.
	if x.words(q.inner) < 4 || x.titleCase(q.inner) {
		return nil
	}
	if last != nil && paraStart && x.lastQuotePara == p.index-1 && (prevOpen || last.Paragraph == p.index-1) {
		at := attribution{speaker: last.Speaker, mention: last.Mention, cue: last.Cue, reported: last.ReportedBy, venue: last.Venue}
		conf := 0.8
		if !prevOpen {
			conf = 0.6
		}
		return x.quoteClaim(p, q, at, RuleQuoteCont, conf)
	}
	// the speaker of the latest claim, if it is near
	if n := len(x.d.Claims); n > 0 {
		prev := x.d.Claims[n-1]
		if prev.Paragraph >= p.index-1 && x.words(q.inner) >= 3 {
			at := attribution{speaker: prev.Speaker, mention: prev.Mention, cue: prev.Cue, reported: prev.ReportedBy}
			return x.quoteClaim(p, q, at, RuleQuoteNearby, 0.5)
		}
	}
	return nil
}

// wentOnTo reports whether words say that a speaker went on to something
// else: "going on to contrast", "went on to say".
func wentOnTo(s string) bool {
	s = strings.ToLower(s)
	for _, w := range []string{"going on to ", "went on to ", "goes on to ", "go on to "} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// titleCase reports whether every word of four letters or more in s starts
// with a capital, as in the title of a book, a film or an article.
func (x *extractor) titleCase(s Span) bool {
	long := 0
	for _, w := range strings.Fields(x.text[s.Start:s.End]) {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) >= 4 && unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			long++
		}
	}
	return long >= 2
}

// onlySpeakerSince reports whether every claim made after cl is cl's
// speaker's: a participle's report ("…,” she said, emphasizing …) does not
// end her quotation.
func (x *extractor) onlySpeakerSince(cl *Claim) bool {
	for k := len(x.d.Claims) - 1; k >= 0; k-- {
		c := x.d.Claims[k]
		if c == cl {
			return true
		}
		if c.Speaker != cl.Speaker || c.Mode == claims.ModeQuote || c.sent != cl.sent || c.Paragraph != cl.Paragraph {
			return false
		}
	}
	return false
}

// appositive reads "NAME, ROLE, verb": toks[k] is the comma before the verb.
func (x *extractor) appositive(toks []token, k int) (np, bool) {
	c2 := -1
	for j := k - 1; j >= 0 && k-j < 25; j-- {
		if toks[j].kind == tokQuote {
			return np{}, false
		}
		if toks[j].kind == tokPunct && toks[j].lower == "," {
			c2 = j
			break
		}
	}
	if c2 < 1 || c2 == k-1 {
		return np{}, false
	}
	first := toks[c2+1]
	if first.kind != tokWord {
		return np{}, false
	}
	// the role starts with a determiner, a lower-case word or a title, or
	// is short ("R-Ky.", "D-Calif.")
	if !(determiners[first.lower] || !first.cap || titles[first.lower] != "" || k-c2 <= 5) {
		return np{}, false
	}
	name := x.leftNP(toks, c2-1)
	if name.empty() || name.kind == npPronoun {
		return np{}, false
	}
	// "The finance minister, Anna Berg, said": a description set off
	// before a name is that person's role
	if name.kind == npNominal && first.cap && titles[first.lower] == "" && !determiners[first.lower] {
		if mid := x.leftNP(toks, k-1); mid.kind == npName && mid.start == c2+1 && mid.end == k {
			// "finance minister", but "the bank's chief economist": the
			// article is dropped unless a possessive follows it
			rs := name.start
			if toks[rs].is("the") && rs+1 < name.end && !strings.HasSuffix(toks[rs+1].lower, "'s") && !strings.HasSuffix(toks[rs+1].lower, "’s") {
				rs++
			}
			mid.role = Span{Start: toks[rs].start, End: toks[name.end-1].end}
			mid.hasRole = true
			return mid, true
		}
	}
	name.role = Span{Start: toks[c2+1].start, End: toks[k-1].end}
	name.hasRole = true
	return name, true
}

// clauseSubject finds the subject of the clause a cue belongs to when it
// has none of its own ("North Korea called for …, claiming …"; "he returned
// fire and dismissed …"): the source of the sentence's previous cue, or the
// first noun phrase of the sentence.
func (x *extractor) clauseSubject(toks []token, cues []cue, ci int) np {
	for k := ci - 1; k >= 0 && k >= ci-maxCuesAhead; k-- {
		if cues[k].skip || !cues[k].made && !cues[k].acted {
			continue // ("after the chief executive spoke, Mr Obama … and dismissed")
		}
		j, _ := x.skipToSubject(toks, cues[k].i-1)
		if j >= 0 && toks[j].kind == tokWord && !stopLeft[toks[j].lower] {
			return x.leftNP(toks, j)
		}
		// "“…,” said Caddell, speaking of …": the inverted verb's source
		if j < 0 || toks[j].kind != tokWord {
			if r := x.rightNP(toks, skipAux(toks, cues[k].j)); !r.empty() && r.start < cues[ci].i {
				return r
			}
		}
	}
	// the last name or pronoun before the cue that follows a clause boundary
	end := cues[ci].i
	for j := end - 1; j >= 0 && j >= end-maxLookBack; j-- {
		t := toks[j]
		if t.kind != tokWord {
			continue
		}
		if personPronouns[t.lower] != 0 && (t.lower == "he" || t.lower == "she") || groupPronouns[t.lower] && t.lower == "they" {
			if j == 0 || toks[j-1].kind == tokPunct || stopLeft[toks[j-1].lower] {
				return np{start: j, end: j + 1, kind: npPronoun}
			}
		}
		if t.cap && (j+1 < end && toks[j+1].kind == tokWord && !toks[j+1].cap) {
			r := x.leftNP(toks, j)
			if !r.empty() && (r.start == 0 || toks[r.start-1].kind == tokPunct || stopLeft[toks[r.start-1].lower]) {
				return r
			}
		}
	}
	return np{}
}

// stateRun reports whether words [i, j) say a medium is run by a state.
func (x *extractor) stateRun(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if stateMediaWords[toks[k].lower] {
			return true
		}
	}
	return false
}

// isMediaName reports whether a name is a news medium's.
func isMediaName(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if mediaWords[strings.Trim(w, ".,")] {
			return true
		}
	}
	return len(name) >= 2 && len(name) <= 5 && strings.ToUpper(name) == name && mediaWords[strings.ToLower(name)]
}

// maxPassage and maxContent bound a paraphrase's passage and its content.
const (
	maxPassage = 2000
	maxContent = 1500
)

// maxCuesAhead and maxLookBack bound how far in a sentence one cue's
// analysis looks for another cue or for its clause's subject.
const (
	maxCuesAhead = 12
	maxLookBack  = 80
)
