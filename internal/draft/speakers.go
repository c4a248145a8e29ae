package draft

import (
	"strings"

	"counterpoint/internal/claims"
)

type npKind uint8

const (
	npName    npKind = iota // a capitalised name: "Mr Lynton", "Sony Pictures"
	npNominal               // a description: "a White House official"
	npPronoun               // "he", "they"
)

// np is a noun phrase naming a source, by token indexes [start, end).
type np struct {
	start, end int
	kind       npKind
	name       [2]int // the name part of a phrase that also holds role words
	role       Span   // an appositive or the role words before a name
	hasRole    bool
	hasName    bool
	rel        int // the relative pronoun that stands for it, if hasRel
	hasRel     bool
}

func (n np) empty() bool { return n.end <= n.start }

func (n np) span(toks []token) Span {
	if n.empty() {
		return Span{}
	}
	if n.hasRel {
		return Span{Start: toks[n.rel].start, End: toks[n.rel].end}
	}
	if n.hasName {
		return Span{Start: toks[n.name[0]].start, End: toks[n.name[1]-1].end}
	}
	return Span{Start: toks[n.start].start, End: toks[n.end-1].end}
}

// isNameWord: a capitalised word, or the full stop of an abbreviation or an
// initial inside a name ("Mr. Smith", "Leonard E. Burman").
func isNameWord(toks []token, k int) bool {
	t := toks[k]
	if t.kind == tokWord {
		return t.cap && !stopLeft[t.lower] || t.lower == "al" || t.lower == "de" || t.lower == "van" || t.lower == "von" || t.lower == "bin"
	}
	if t.kind == tokPunct && t.lower == "." && k > 0 && toks[k-1].kind == tokWord && toks[k-1].end == t.start {
		w := toks[k-1].lower
		return abbreviations[w] || len(w) == 1 || titles[w] != ""
	}
	return t.kind == tokPunct && t.lower == "-" && k > 0 && k+1 < len(toks) && toks[k-1].cap && toks[k+1].cap
}

// leftNP reads the noun phrase that ends at token k, going left.
func (x *extractor) leftNP(toks []token, k int) np {
	if k >= 0 && toks[k].kind == tokPunct && toks[k].lower == ")" {
		// "Rep. Jim Jordan (R-Ohio)": the name before the parenthesis
		j := k - 1
		for j >= 0 && k-j < 10 && !(toks[j].kind == tokPunct && toks[j].lower == "(") {
			j--
		}
		if j > 0 && k-j < 10 {
			return x.leftNP(toks, j-1)
		}
		return np{}
	}
	if k < 0 || toks[k].kind != tokWord {
		return np{}
	}
	t := toks[k]
	if personPronouns[t.lower] != 0 || groupPronouns[t.lower] || firstPronouns[t.lower] {
		return np{start: k, end: k + 1, kind: npPronoun}
	}
	if t.lower == "who" || t.lower == "which" || t.lower == "that" {
		j := k - 1
		if j >= 0 && toks[j].kind == tokPunct && toks[j].lower == "," {
			j--
		}
		if j >= 0 && toks[j].kind == tokWord && !stopLeft[toks[j].lower] {
			r := x.leftNP(toks, j)
			if r.kind != npPronoun && !r.empty() {
				// the speaker is the antecedent; the words naming them
				// here, the relative pronoun: "an architect who said"
				r.rel, r.hasRel = k, true
				return r
			}
		}
		return np{}
	}
	if isNameWord(toks, k) && t.kind == tokWord && !strings.HasSuffix(t.lower, "'s") {
		j := k
		for j > 0 {
			if isNameWord(toks, j-1) {
				j--
				continue
			}
			// "Center for Strategic and International Studies", "Department of Justice"
			if j >= 2 && toks[j-1].kind == tokWord && (toks[j-1].lower == "of" || toks[j-1].lower == "for" || toks[j-1].lower == "and") && isNameWord(toks, j-2) && orgWords[toks[k].lower] {
				j -= 2
				continue
			}
			break
		}
		// a sentence's first word is capitalised anyway: "But", "The"
		for j < k && toks[j].kind == tokWord && (stopLeft[toks[j].lower] || determiners[toks[j].lower]) {
			j++
		}
		r := np{start: j, end: k + 1, kind: npName}
		// role words before the name: "longtime Democratic pollster Pat Caddell"
		rs := j
		for rs > 0 && j-rs < 5 && toks[rs-1].kind == tokWord && !stopLeft[toks[rs-1].lower] && !determiners[toks[rs-1].lower] && !toks[rs-1].cap {
			rs--
		}
		if rs < j {
			r.role = Span{Start: toks[rs].start, End: toks[j-1].end}
			r.hasRole = true
		}
		// "the head of Sony Pictures": a description of someone at a name
		if j >= 2 && toks[j-1].is("of") && toks[j-2].kind == tokWord && !toks[j-2].cap && !stopLeft[toks[j-2].lower] {
			d := x.nominal(toks, j-2)
			if !d.empty() && d.start < j-2 {
				d.end = k + 1
				return d
			}
		}
		return r
	}
	// "the 34-year-old mother of three"
	if k >= 2 && familySizes[t.lower] && toks[k-1].is("of") && toks[k-2].kind == tokWord && familyWords[toks[k-2].lower] {
		if d := x.nominal(toks, k-2); !d.empty() {
			d.end = k + 1
			return d
		}
	}
	if t.kind == tokWord && !stopLeft[t.lower] && !determiners[t.lower] {
		return x.nominal(toks, k)
	}
	return np{}
}

// nominal reads a description ending at token k: "a White House official",
// "the studio's chief executive", "officials".
func (x *extractor) nominal(toks []token, k int) np {
	j := k
	for j > 0 && k-j < 6 {
		p := toks[j-1]
		if p.kind != tokWord {
			if p.kind == tokPunct && p.lower == "-" {
				j--
				continue
			}
			break
		}
		if determiners[p.lower] {
			j--
			// "a narrator in the Clinton ad": what it is of, before it
			if j >= 3 && toks[j-1].kind == tokWord && prepOfRole[toks[j-1].lower] {
				for d := j - 2; d >= 0 && j-d <= 5; d-- {
					u := toks[d]
					if u.kind != tokWord || stopLeft[u.lower] {
						break
					}
					if determiners[u.lower] && u.lower != "that" {
						if d == 0 || toks[d-1].kind != tokWord || stopLeft[toks[d-1].lower] {
							return np{start: d, end: k + 1, kind: npNominal}
						}
						break
					}
				}
			}
			return np{start: j, end: k + 1, kind: npNominal}
		}
		if stopLeft[p.lower] || verbForms[p.lower] != "" {
			break
		}
		j--
	}
	// no determiner: a bare plural ("officials said") or a possessive
	// ("Clinton's campaign said")
	w := toks[k].lower
	if groupWords[w] || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && j == k {
		return np{start: j, end: k + 1, kind: npNominal}
	}
	if j < k && strings.HasSuffix(toks[j].lower, "'s") {
		return np{start: j, end: k + 1, kind: npNominal}
	}
	if j < k && toks[j].cap {
		return np{start: j, end: k + 1, kind: npNominal}
	}
	return np{}
}

// rightNP reads the noun phrase that starts at token j: the source of an
// inverted attribution ("…,” said Tim Hess, a developer in Virginia).
func (x *extractor) rightNP(toks []token, j int) np {
	n := len(toks)
	if j >= n || toks[j].kind != tokWord {
		return np{}
	}
	t := toks[j]
	if personPronouns[t.lower] != 0 || groupPronouns[t.lower] || firstPronouns[t.lower] {
		return np{start: j, end: j + 1, kind: npPronoun}
	}
	e := j
	kind := npName
	if determiners[t.lower] {
		kind = npNominal
		e++
	}
	for e < n && e-j < 12 {
		u := toks[e]
		// "the president Mr Lynton": a role word, then a name that begins
		// another phrase
		if kind == npNominal && e > j+1 && u.cap && toks[e-1].kind == tokWord && !toks[e-1].cap && (titles[toks[e-1].lower] != "" || officialWords[toks[e-1].lower] || groupWords[toks[e-1].lower]) {
			break
		}
		if isNameWord(toks, e) || u.kind == tokWord && !stopLeft[u.lower] && verbForms[u.lower] == "" ||
			u.kind == tokWord && (u.lower == "of" || u.lower == "for" || u.lower == "and" && e+1 < n && toks[e+1].cap) && e > j {
			e++
			continue
		}
		break
	}
	// a phrase may not end on a connector
	for e > j && (toks[e-1].is("of") || toks[e-1].is("for") || toks[e-1].is("and")) {
		e--
	}
	if e == j || kind == npNominal && e == j+1 {
		return np{}
	}
	r := np{start: j, end: e, kind: kind}
	if kind == npName && !toks[j].cap {
		r.kind = npNominal
	}
	if kind == npName {
		// the name ends at its last capitalised word: "Mr. Lynton of Sony"
		ne := j
		for ne < e && isNameWord(toks, ne) {
			ne++
		}
		if ne > j && ne < e {
			r.name = [2]int{j, ne}
			r.hasName = true
		}
	}
	// an appositive after it: ", a real estate developer in Virginia,"
	if e+1 < n && toks[e].kind == tokPunct && toks[e].lower == "," && toks[e+1].kind == tokWord && (determiners[toks[e+1].lower] || !toks[e+1].cap) && !stopLeft[toks[e+1].lower] {
		a := e + 1
		for a < n && a-e < 16 && toks[a].kind != tokPunct && toks[a].kind != tokQuote {
			a++
		}
		r.role = Span{Start: toks[e+1].start, End: toks[a-1].end}
		r.hasRole = true
	}
	return r
}

// speakerIndex resolves mentions to speakers.
type speakerIndex struct {
	all     []*Speaker
	byName  map[string]*Speaker // lower-case full name
	byLast  map[string]*Speaker
	byHead  map[string][]*Speaker
	history []*Speaker // speakers by recency of their claims, latest last
}

func (ix *speakerIndex) init() {
	ix.byName = map[string]*Speaker{}
	ix.byLast = map[string]*Speaker{}
	ix.byHead = map[string][]*Speaker{}
}

func (ix *speakerIndex) recent(s *Speaker) {
	ix.history = append(ix.history, s)
	if len(ix.history) > 64 {
		ix.history = append(ix.history[:0], ix.history[32:]...)
	}
}

const resolveMedium = 1 // the mention is of an intermediary

// resolve finds or makes the speaker a phrase names.
func (ix *speakerIndex) resolve(x *extractor, n np, toks []token, flags int) *Speaker {
	if n.empty() {
		return nil
	}
	text := x.text
	phrase := text[toks[n.start].start:toks[n.end-1].end]
	switch n.kind {
	case npPronoun:
		// a person named earlier in the same sentence ("Mr Lynton's
		// announcement that he …") before the latest speaker
		if g := personPronouns[toks[n.start].lower]; g != 0 {
			for k := n.start - 1; k >= 0; k-- {
				if toks[k].kind != tokWord || !toks[k].cap {
					continue
				}
				w := strings.TrimSuffix(toks[k].lower, "'s")
				if s := ix.byLast[w]; s != nil && s.named && (s.Kind == claims.KindPerson || s.Kind == claims.KindOfficial) && (s.gender == 0 || s.gender == g) {
					return s
				}
			}
		}
		return ix.pronoun(x, toks[n.start].lower)
	case npName:
		ws := []string{}
		from, to := -1, 0
		var title, gender string
		s, e := n.start, n.end
		if n.hasName {
			e = n.name[1]
		}
		// the name follows the last title of the run: "Republican Senator
		// John McCain", "European Council President Donald Tusk"
		for k := e - 2; k > s; k-- {
			if toks[k].kind == tokWord && titles[toks[k].lower] != "" && officialTitle(titles[toks[k].lower]) || toks[k].kind == tokWord && (toks[k].lower == "leader" || toks[k].lower == "chairman" || toks[k].lower == "secretary") {
				if k+1 < e && toks[k+1].kind == tokWord && toks[k+1].cap {
					title = titles[toks[k].lower]
					n.role = Span{Start: toks[s].start, End: toks[k].end}
					n.hasRole = true
					s = k + 1
				}
				break
			}
		}
		for k := s; k < e; k++ {
			t := toks[k]
			if t.kind != tokWord {
				continue
			}
			if len(ws) == 0 && (titles[t.lower] != "" || titles[t.lower] == "" && isTitleWord(t.lower)) && k+1 < e {
				if titles[t.lower] != "" {
					title = titles[t.lower]
				}
				if femaleTitles[t.lower] {
					gender = "f"
				} else if maleTitles[t.lower] {
					gender = "m"
				}
				continue
			}
			ws = append(ws, text[t.start:t.end])
			if from < 0 {
				from = t.start
			}
			to = t.end
			if k+1 < e && toks[k+1].kind == tokPunct && toks[k+1].lower == "." {
				to = toks[k+1].end // "Leonard E. Burman", "Mr. Smith Jr."
			}
		}
		if len(ws) == 0 {
			return nil
		}
		name := oneLine(text[from:to])
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
		last := strings.ToLower(ws[len(ws)-1])
		if len(ws) == 1 && n.kind == npName {
			if full := x.names[strings.TrimSuffix(strings.TrimSuffix(last, "'s"), "’s")]; full != "" {
				name = full // "Mr Lynton", where the article names Michael Lynton
			}
		}
		key := strings.ToLower(name)
		sp := ix.byName[key]
		if sp == nil && len(ws) == 1 {
			sp = ix.byLast[last]
		}
		if sp == nil && len(ws) > 1 {
			if o := ix.byLast[last]; o != nil && !strings.Contains(o.Name, " ") {
				// "Lynton" first, "Michael Lynton" later: one speaker
				sp = o
				delete(ix.byName, strings.ToLower(o.Name))
				o.Name = name
				ix.byName[key] = o
			}
		}
		if sp == nil {
			sp = ix.make(name, x, phrase, toks, n, flags)
			sp.named = true
			ix.byName[key] = sp
			if _, ok := ix.byLast[last]; !ok && sp.Kind != claims.KindOrganization && sp.Kind != claims.KindStateMedia {
				ix.byLast[last] = sp
			}
			sp.last = last
		}
		if title != "" {
			ix.addHead(sp, title)
			if sp.Role == "" {
				sp.Role = strings.ToUpper(title[:1]) + title[1:]
			}
			if officialTitle(title) && sp.Kind == claims.KindPerson {
				sp.Kind = claims.KindOfficial
			}
		}
		if gender != "" && sp.gender == 0 {
			sp.gender = gender[0]
		}
		if n.hasRole {
			role := text[n.role.Start:n.role.End]
			if sp.Role == "" || strings.HasPrefix(sp.Role, "Named") || len(sp.Role) < len(role) && len(role) < 120 {
				sp.Role = role
			}
			for _, w := range strings.Fields(strings.ToLower(role)) {
				if officialWords[w] || titles[w] != "" || strings.HasSuffix(w, "man") || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ist") || strings.HasSuffix(w, "or") {
					ix.addHead(sp, w)
				}
			}
		}
		ix.alias(sp, phrase, x)
		sp.mention = n.span(toks)
		return sp
	default:
		head := nominalHead(toks, n)
		if head == "of" {
			return nil
		}
		// "the spokesman", "the president": someone already met by that role
		if cands := ix.byHead[head]; len(cands) > 0 && (determiners[toks[n.start].lower] && toks[n.start].lower == "the" || n.end-n.start == 1) {
			best := cands[len(cands)-1]
			for k := len(ix.history) - 1; k >= 0; k-- {
				for _, c := range cands {
					if ix.history[k] == c {
						best = c
						goto found
					}
				}
			}
		found:
			ix.alias(best, phrase, x)
			best.mention = n.span(toks)
			return best
		}
		name := phrase
		for _, d := range []string{"the ", "a ", "an ", "The ", "A ", "An ", "one ", "One "} {
			if strings.HasPrefix(name, d) && len(name) > len(d) {
				name = name[len(d):]
				break
			}
		}
		key := "~" + strings.ToLower(name)
		if sp := ix.byName[key]; sp != nil {
			sp.mention = n.span(toks)
			return sp
		}
		sp := ix.make(name, x, phrase, toks, n, flags)
		sp.Role = phrase
		ix.byName[key] = sp
		ix.addHead(sp, head)
		sp.mention = n.span(toks)
		return sp
	}
}

func isTitleWord(w string) bool {
	_, ok := titles[w]
	return ok
}

func officialTitle(t string) bool {
	switch t {
	case "president", "senator", "representative", "governor", "mayor", "minister", "secretary", "ambassador",
		"chancellor", "premier", "congressman", "congresswoman", "speaker", "commissioner", "sheriff", "judge", "justice":
		return true
	}
	return false
}

func (ix *speakerIndex) addHead(sp *Speaker, h string) {
	if sp.heads == nil {
		sp.heads = map[string]bool{}
	}
	if !sp.heads[h] {
		sp.heads[h] = true
		ix.byHead[h] = append(ix.byHead[h], sp)
	}
}

func (ix *speakerIndex) alias(sp *Speaker, phrase string, x *extractor) {
	if phrase == sp.Name || len(sp.Aliases) >= 8 || len(phrase) > 80 {
		return
	}
	for _, a := range sp.Aliases {
		if a == phrase {
			return
		}
	}
	sp.Aliases = append(sp.Aliases, phrase)
}

// make makes a new speaker, of the kind its words suggest.
func (ix *speakerIndex) make(name string, x *extractor, phrase string, toks []token, n np, flags int) *Speaker {
	sp := &Speaker{}
	sp.Name = name
	sp.Kind = claims.KindPerson
	lw := strings.Fields(strings.ToLower(phrase))
	org, media, state, group, official := false, false, false, false, false
	for _, w := range lw {
		w = strings.Trim(w, ".,")
		org = org || orgWords[w]
		media = media || mediaWords[w]
		state = state || stateMediaWords[w]
		official = official || officialWords[w]
	}
	head := nominalHead(toks, n)
	group = groupWords[head] || n.kind == npNominal && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "'s")
	if n.kind == npName && len(name) >= 2 && len(name) <= 6 && strings.ToUpper(name) == name {
		org = true // an acronym: "KCNA", "FBI"
	}
	switch {
	case media && (state || flags&resolveMedium != 0 && state):
		sp.Kind = claims.KindStateMedia
	case official && n.kind == npNominal:
		sp.Kind = claims.KindOfficial
	case group:
		sp.Kind = claims.KindGroup
	case org || media:
		sp.Kind = claims.KindOrganization
	}
	if n.kind == npNominal && head == "official" {
		sp.Kind = claims.KindOfficial
	}
	if n.kind == npName && sp.Kind == claims.KindPerson && len(strings.Fields(name)) == 1 && orgWords[strings.ToLower(name)] {
		sp.Kind = claims.KindOrganization
	}
	sp.Index = len(ix.all)
	ix.all = append(ix.all, sp)
	return sp
}

// pronoun resolves a pronoun to the nearest compatible speaker.
func (ix *speakerIndex) pronoun(x *extractor, p string) *Speaker {
	if firstPronouns[p] {
		if x.author == nil {
			sp := &Speaker{}
			sp.Name = "the author"
			sp.Role = "The writer of the article, speaking in the first person"
			sp.Kind = claims.KindPerson
			sp.Index = len(ix.all)
			ix.all = append(ix.all, sp)
			x.author = sp
		}
		return x.author
	}
	g := personPronouns[p]
	for k := len(ix.history) - 1; k >= 0 && k >= len(ix.history)-12; k-- {
		s := ix.history[k]
		if s == x.author {
			continue
		}
		person := s.Kind == claims.KindPerson || s.Kind == claims.KindOfficial && s.named
		switch {
		case g != 0 && person && (s.gender == 0 || s.gender == g):
			if s.gender == 0 {
				s.gender = g
			}
			return s
		case p == "they" && (s.Kind == claims.KindGroup || s.Kind == claims.KindOrganization || s.Kind == claims.KindOfficial && !s.named):
			return s
		case p == "it" && (s.Kind == claims.KindOrganization || s.Kind == claims.KindStateMedia):
			return s
		}
	}
	// nobody compatible has spoken yet: the latest person mentioned by name,
	// else the latest speaker, else someone the article does not name
	for k := len(ix.all) - 1; k >= 0; k-- {
		s := ix.all[k]
		if g != 0 && (s.Kind == claims.KindPerson || s.Kind == claims.KindOfficial) && s.named && (s.gender == 0 || s.gender == g) {
			return s
		}
	}
	if n := len(ix.history); n > 0 && ix.history[n-1] != x.author {
		return ix.history[n-1]
	}
	key := "~unnamed " + p
	if s := ix.byName[key]; s != nil {
		return s
	}
	s := &Speaker{}
	s.Name = "unnamed speaker (" + p + ")"
	s.Role = "Someone the article calls \"" + p + "\" without naming them first"
	s.Kind = claims.KindPerson
	if p == "they" || p == "it" {
		s.Kind = claims.KindGroup
	}
	s.Index = len(ix.all)
	ix.all = append(ix.all, s)
	ix.byName[key] = s
	return s
}

// confidence scales a claim's confidence by how its speaker was found.
func (s *Speaker) confidence(mention Span, x *extractor) float64 {
	if mention.End <= mention.Start {
		return 0.8
	}
	w := strings.ToLower(x.text[mention.Start:mention.End])
	if personPronouns[w] != 0 || groupPronouns[w] || firstPronouns[w] {
		return 0.85
	}
	return 1
}

// prepOfRole may join a description to what it is of: "a spokesman for the
// ministry", "a narrator in the ad".
var prepOfRole = map[string]bool{"in": true, "at": true, "for": true, "from": true, "on": true, "with": true, "of": true}

// nominalHead is the head word of a description: the word before its first
// phrase of where or whom ("spokesman" in "a spokesman for the ministry").
func nominalHead(toks []token, n np) string {
	for k := n.start + 1; k < n.end-1; k++ {
		if toks[k].kind == tokWord && prepOfRole[toks[k].lower] && toks[k-1].kind == tokWord {
			return toks[k-1].lower
		}
	}
	return toks[n.end-1].lower
}

// namesIn records the full names of people a sentence names, by surname:
// runs of two or three capitalised words that are not an organisation's.
func (x *extractor) namesIn(toks []token) {
	for k := 0; k < len(toks); k++ {
		if toks[k].kind != tokWord || !toks[k].cap || stopLeft[toks[k].lower] || determiners[toks[k].lower] || isTitleWord(toks[k].lower) {
			continue
		}
		e := k
		for e < len(toks) && e-k < 4 && (toks[e].kind == tokWord && toks[e].cap || isNameWord(toks, e) && toks[e].kind == tokPunct) {
			e++
		}
		words := 0
		org := false
		for j := k; j < e; j++ {
			if toks[j].kind == tokWord {
				words++
				org = org || orgWords[toks[j].lower] || isTitleWord(toks[j].lower) || weekdays[toks[j].lower] || months[toks[j].lower]
			}
		}
		if words >= 2 && words <= 3 && !org && toks[e-1].kind == tokWord {
			last := strings.TrimSuffix(toks[e-1].lower, "'s")
			full := strings.TrimSuffix(strings.TrimSuffix(x.text[toks[k].start:toks[e-1].end], "'s"), "’s")
			if prev, ok := x.names[last]; ok && prev != full {
				x.nameClash[last] = true
			} else if !ok {
				x.names[last] = full
			}
		}
		k = e
	}
}

// keepUniqueNames forgets the surnames that two full names share: which
// one "Mr Smith" is would be a guess.
func (x *extractor) keepUniqueNames() {
	for last := range x.nameClash {
		delete(x.names, last)
	}
}
