package claims

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This is the one word search of counterpoint: `list --search`, the
// explorer's search and the explorer's highlighting all ask it, so what is
// listed and what is marked cannot disagree.
//
// Text and query are folded alike (case, quote marks and dashes, and
// apostrophes dropped, so that "dont", "Don't" and "don’t" are one word),
// and a query word matches a whole word of the text: "again" does not find
// "against". While a search is being typed its last word is unfinished, and
// matches the start of a word ("agai" finds both).

// Query is a search made ready to run.
type Query struct {
	words  []string // folded, each a run of letters and digits
	prefix bool     // the last word may begin a longer one
}

// NewQuery reads a search. typing says that the reader is still typing it:
// the last word then matches as a prefix, unless a space has ended it.
func NewQuery(s string, typing bool) Query {
	q := Query{words: SearchWords(s)}
	q.prefix = typing && len(q.words) > 0 && strings.TrimRightFunc(s, unicode.IsSpace) == s
	return q
}

// SearchWords splits a search into the folded words that must all appear:
// runs of letters and digits, everything else separating them.
func SearchWords(q string) []string {
	return strings.FieldsFunc(searchFold(q), func(r rune) bool { return !isWordRune(r) })
}

// isWordRune says whether r belongs to a word: a letter, a digit, or a mark
// combining with one.
func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// Words returns the query's folded words.
func (q Query) Words() []string { return q.words }

// IsZero says whether the query has no words: it matches every claim.
func (q Query) IsZero() bool { return len(q.words) == 0 }

// Narrows says whether every claim that q matches is matched by prev too,
// so that q's hits can be looked for among prev's (one more letter typed).
func (q Query) Narrows(prev Query) bool {
	if prev.IsZero() || len(q.words) < len(prev.words) {
		return false
	}
	for i, w := range prev.words {
		v := q.words[i]
		wPrefix := prev.prefix && i == len(prev.words)-1
		vPrefix := q.prefix && i == len(q.words)-1
		switch {
		case wPrefix && strings.HasPrefix(v, w):
		case !wPrefix && !vPrefix && v == w:
		default:
			return false
		}
	}
	return true
}

// holds says whether the folded text holds every word of the query.
func (q Query) holds(folded string) bool {
	for i, w := range q.words {
		if wordAt(folded, w, 0, q.prefix && i == len(q.words)-1) < 0 {
			return false
		}
	}
	return true
}

// wordAt returns where in folded, from byte from on, w first stands as a
// word (as the start of one, if prefix), or -1.
func wordAt(folded, w string, from int, prefix bool) int {
	for from <= len(folded) {
		at := strings.Index(folded[from:], w)
		if at < 0 {
			return -1
		}
		at += from
		if isWordStart(folded, at) && (prefix || isWordEnd(folded, at+len(w))) {
			return at
		}
		_, size := utf8.DecodeRuneInString(folded[at:])
		from = at + max(size, 1)
	}
	return -1
}

// isWordStart says whether a word starts at byte i of s: no word character
// right before it.
func isWordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

// isWordEnd says whether a word ends at byte i of s.
func isWordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}

// Matches says whether the claim's text or summary holds every word.
func (q Query) Matches(c *Claim) bool { return q.holds(c.searchText) }

// Ranges returns the stretches of s, as written, that the query's words
// match, in order and not overlapping: what to highlight. s is any text a
// reader is shown (a claim's words, its summary, the article), folded here
// as claims are for the search.
func (q Query) Ranges(s string) []Span {
	if q.IsZero() || s == "" {
		return nil
	}
	offs := make([]int, 0, len(s)+1)
	folded := foldText(s, &offs, true)
	// where folded byte i came from in s; the end maps to the end of s
	src := func(i int) int {
		if i >= len(offs) {
			return len(s)
		}
		return offs[i]
	}
	var marks []Span
	for i, w := range q.words {
		prefix := q.prefix && i == len(q.words)-1
		for at := wordAt(folded, w, 0, prefix); at >= 0; at = wordAt(folded, w, at+len(w), prefix) {
			end := at + len(w)
			if prefix {
				// the whole word the reader's letters begin
				for end < len(folded) && !isWordEnd(folded, end) {
					_, size := utf8.DecodeRuneInString(folded[end:])
					end += size
				}
			}
			marks = append(marks, Span{src(at), endOf(s, offs, end)})
		}
	}
	return mergeSpans(marks)
}

// endOf maps the end of a folded stretch back to s: just after the
// character that folded byte end-1 came from.
func endOf(s string, offs []int, end int) int {
	if end <= 0 {
		return 0
	}
	last := offs[end-1]
	_, size := utf8.DecodeRuneInString(s[last:])
	return last + size
}

// mergeSpans sorts spans and joins those that overlap.
func mergeSpans(sp []Span) []Span {
	if len(sp) < 2 {
		return sp
	}
	for i := 1; i < len(sp); i++ { // insertion sort: a handful of spans
		for j := i; j > 0 && sp[j].Start < sp[j-1].Start; j-- {
			sp[j], sp[j-1] = sp[j-1], sp[j]
		}
	}
	out := sp[:1]
	for _, s := range sp[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// searchFold folds text for word search: case, quote marks and dashes as in
// fold, and apostrophes dropped, so that "dont", "Don't" and "don’t" are
// alike.
func searchFold(s string) string {
	return foldText(s, nil, true)
}

// searchIndex is what a search and its counts read, laid out flat when
// the annotation loads: every claim's search text in one block, in article
// order, so that a search of all claims runs strings.Index over one string
// rather than a hundred thousand small ones; and each claim's speaker,
// intermediary and topics as small numbers in arrays, so that counting a
// hundred thousand hits reads arrays in order instead of following a
// pointer to each claim. At 100,000 claims that is the difference between
// a few milliseconds and tens.
type searchIndex struct {
	block   string
	ends    []int    // where claim i's text ends in block
	speaker []int32  // speaker index, by claim index; -1 for none
	relay   []int32  // the intermediary's speaker index, or -1
	topics  []uint64 // topic bits, by claim index, when there are at most 64 topics
	// initials holds, by claim index, which characters begin a word of
	// its text (see initialBit): a claim can hold a word only if it holds
	// a word with its first character, and for one letter being typed,
	// the start of a search, that is the whole answer.
	initials []uint64
}

// initialBit is the bit of initials for a word beginning with byte b: one
// for each ASCII letter and digit, and one for every other character.
func initialBit(b byte) uint64 {
	switch {
	case b >= 'a' && b <= 'z':
		return 1 << (b - 'a')
	case b >= '0' && b <= '9':
		return 1 << (26 + b - '0')
	}
	return 1 << 63
}

// wordInitials is the initials of a folded text.
func wordInitials(s string) uint64 {
	var bits uint64
	for i := 0; i < len(s); i++ {
		if isWordStart(s, i) && i < len(s) && isWordByteStart(s, i) {
			bits |= initialBit(s[i])
		}
	}
	return bits
}

// isWordByteStart says whether a word character begins at byte i.
func isWordByteStart(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	if !utf8.RuneStart(s[i]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// need is the initials a claim must hold for the query to match it.
func (q Query) need() uint64 {
	var bits uint64
	for _, w := range q.words {
		bits |= initialBit(w[0])
	}
	return bits
}

// oneInitial says whether the query is one letter or digit being typed,
// which any word beginning with it matches.
func (q Query) oneInitial() bool {
	return q.prefix && len(q.words) == 1 && len(q.words[0]) == 1 && initialBit(q.words[0][0]) != 1<<63
}

// searchTexts sets each claim's search text, searchFold(text + "\n" +
// summary), folding them all into one block: one allocation, written in
// order, rather than two for each claim. The claims are in article order.
func searchTexts(claims []*Claim) *searchIndex {
	n := 0
	for _, c := range claims {
		n += len(c.Text) + 1 + len(c.Summary)
	}
	f := folder{buf: make([]byte, 0, n), dropApostrophes: true}
	x := &searchIndex{ends: make([]int, len(claims)), speaker: make([]int32, len(claims)), relay: make([]int32, len(claims)), initials: make([]uint64, len(claims))}
	manyTopics := false
	for _, c := range claims {
		for _, t := range c.Topics {
			manyTopics = manyTopics || t.Index >= 64
		}
	}
	if !manyTopics {
		x.topics = make([]uint64, len(claims))
	}
	for i, c := range claims {
		f.lastSpace = false
		f.add(c.Text)
		f.add("\n")
		f.add(c.Summary)
		x.ends[i] = len(f.buf)
		x.speaker[i], x.relay[i] = -1, -1
		if c.Speaker != nil {
			x.speaker[i] = int32(c.Speaker.Index)
		}
		if c.ReportedBy != nil && c.ReportedBy != c.Speaker {
			x.relay[i] = int32(c.ReportedBy.Index)
		}
		if x.topics != nil {
			for _, t := range c.Topics {
				x.topics[i] |= 1 << t.Index
			}
		}
	}
	x.block = string(f.buf)
	for i, c := range claims {
		c.searchText = x.block[x.start(i):x.ends[i]]
		x.initials[i] = wordInitials(c.searchText)
	}
	return x
}

// start is where claim i's text begins in the block.
func (x *searchIndex) start(i int) int {
	if i == 0 {
		return 0
	}
	return x.ends[i-1]
}

// Hits are the claims a search found, as positions in Model.Claims, in
// article order.
type Hits []int32

// Find returns the claims that hold every word of the query: among within
// when it is not nil (the hits of a query that q narrows), else among all.
// A search of all looks for the longest word through the one block of
// text, checks where it stands, and the other words only in the claims
// where it stands as a word.
func (m *Model) Find(q Query, within Hits) Hits {
	out := Hits{}
	x := m.search
	if q.IsZero() {
		if within != nil {
			return within
		}
		out = make(Hits, len(m.Claims))
		for i := range out {
			out[i] = int32(i)
		}
		return out
	}
	need := q.need()
	if within != nil && len(within) > len(m.Claims)/4 {
		// Most claims: one pass over the block finds q's hits, all among
		// within's, sooner than testing each of these.
		within = nil
	}
	if within != nil {
		for _, i := range within {
			if x.initials[i]&need == need && q.holds(m.Claims[i].searchText) {
				out = append(out, i)
			}
		}
		return out
	}
	if q.oneInitial() {
		for i, bits := range x.initials {
			if bits&need != 0 {
				out = append(out, int32(i))
			}
		}
		return out
	}
	longest := 0
	for k, w := range q.words {
		if len(w) > len(q.words[longest]) {
			longest = k
		}
	}
	w := q.words[longest]
	prefix := q.prefix && longest == len(q.words)-1
	ci := 0
	for pos := 0; pos < len(x.block); {
		at := strings.Index(x.block[pos:], w)
		if at < 0 {
			break
		}
		at += pos
		for x.ends[ci] <= at {
			ci++
		}
		text := x.block[x.start(ci):x.ends[ci]]
		rel := at - x.start(ci)
		if rel+len(w) > len(text) || !isWordStart(text, rel) || !prefix && !isWordEnd(text, rel+len(w)) {
			pos = at + 1 // not a word here; on in the same claim
			continue
		}
		if len(q.words) == 1 || x.initials[ci]&need == need && q.holds(text) {
			out = append(out, int32(ci))
		}
		pos = x.ends[ci] // on to the next claim
	}
	return out
}

// Search is Find as claims rather than positions.
func (m *Model) Search(q Query, within []*Claim) []*Claim {
	var in Hits
	if within != nil {
		in = make(Hits, len(within))
		for i, c := range within {
			in[i] = int32(c.Index)
		}
	}
	h := m.Find(q, in)
	out := make([]*Claim, len(h))
	for i, ci := range h {
		out[i] = m.Claims[ci]
	}
	return out
}

// Tally is what a filter leaves of some hits, counted as the explorer
// shows it.
type Tally struct {
	Passing Hits  // the hits that carry any of the topics (all, with none)
	Voiced  []int // by speaker index: passing claims the speaker makes or relays
	Said    []int // by speaker index: passing claims the speaker makes
	Topics  []int // by topic index: hits carrying the topic, whatever the topics chosen
}

// Tally counts the hits (every claim when nil) under a choice of topics
// (any of them; none is every claim), in one pass over the flat arrays.
func (m *Model) Tally(h Hits, topics []*Topic) Tally {
	x := m.search
	t := Tally{Voiced: make([]int, len(m.Speakers)), Said: make([]int, len(m.Speakers)), Topics: make([]int, len(m.Topics))}
	var mask uint64
	for _, tp := range topics {
		mask |= 1 << (tp.Index % 64)
	}
	n := len(m.Claims)
	if h != nil {
		n = len(h)
	}
	t.Passing = make(Hits, 0, n)
	for k := range n {
		i := int32(k)
		if h != nil {
			i = h[k]
		}
		pass := len(topics) == 0
		if x.topics != nil {
			for b := x.topics[i]; b != 0; b &= b - 1 {
				t.Topics[bits.TrailingZeros64(b)]++
			}
			pass = pass || x.topics[i]&mask != 0
		} else {
			c := m.Claims[i]
			for _, tp := range c.Topics {
				t.Topics[tp.Index]++
			}
			pass = pass || c.HasAnyTopic(topics)
		}
		if !pass {
			continue
		}
		t.Passing = append(t.Passing, i)
		if s := x.speaker[i]; s >= 0 {
			t.Voiced[s]++
			t.Said[s]++
		}
		if r := x.relay[i]; r >= 0 {
			t.Voiced[r]++
		}
	}
	return t
}

// HoldsIn says whether the text s alone holds every word of the query: a
// claim may match by its summary, and a reader shown only its words would
// not see why.
func (q Query) HoldsIn(s string) bool { return q.holds(searchFold(s)) }

// Equal says whether two queries are the same search.
func (q Query) Equal(o Query) bool {
	return q.prefix == o.prefix && slices.Equal(q.words, o.words)
}
