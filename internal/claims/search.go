package claims

import (
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

// searchIndex is every claim's search text in one block, in article order,
// so that a search of all claims runs strings.Index over one string rather
// than over a hundred thousand small ones.
type searchIndex struct {
	block string
	ends  []int // where claim i's text ends in block
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
	ends := make([]int, len(claims))
	for i, c := range claims {
		f.lastSpace = false
		f.add(c.Text)
		f.add("\n")
		f.add(c.Summary)
		ends[i] = len(f.buf)
	}
	block := string(f.buf)
	for i, c := range claims {
		start := 0
		if i > 0 {
			start = ends[i-1]
		}
		c.searchText = block[start:ends[i]]
	}
	return &searchIndex{block: block, ends: ends}
}

// Search returns the claims that hold every word of the query, in article
// order: among within when it is not nil (the hits of a query that q
// narrows), else among all. A search of all looks for the longest word
// through the one block of text and checks the claims where it stands.
func (m *Model) Search(q Query, within []*Claim) []*Claim {
	if q.IsZero() {
		if within != nil {
			return within
		}
		return m.Claims
	}
	var out []*Claim
	if within != nil {
		for _, c := range within {
			if q.holds(c.searchText) {
				out = append(out, c)
			}
		}
		return out
	}
	x := m.search
	if x == nil || len(x.ends) != len(m.Claims) {
		for _, c := range m.Claims {
			if q.holds(c.searchText) {
				out = append(out, c)
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
		if c := m.Claims[ci]; q.holds(c.searchText) {
			out = append(out, c)
		}
		pos = x.ends[ci] // on to the next claim
	}
	return out
}

// HoldsIn says whether the text s alone holds every word of the query: a
// claim may match by its summary, and a reader shown only its words would
// not see why.
func (q Query) HoldsIn(s string) bool { return q.holds(searchFold(s)) }
