package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"
	"github.com/clipperhouse/uax29/v2/words"
)

// A quote is one stretch of an article between quotation marks, within a
// paragraph. open is the byte offset of its opening mark, close that of its
// closing mark (the paragraph's end when the quote is left open, as news
// text does for a quotation that goes on in the next paragraph), end the
// offset just after the closing mark.
type quote struct {
	open, close, end int
	inner            Span // the words between the marks
	closed           bool
	single           bool // single marks, at the top level (‘…’ in British usage)
	used             bool // a claim holds it
}

// paragraph is one non-empty line of the article.
type paragraph struct {
	start, end int
	index      int // from 1, counting non-empty lines as the model does
	quotes     []int
	sents      []sentence
}

// sentence is a stretch of a paragraph; a quotation never straddles two.
type sentence struct {
	start, end int
	toks       []token
}

type tokKind uint8

const (
	tokWord tokKind = iota
	tokPunct
	tokQuote // a whole quotation, as one token
)

// token is a word or a mark of a sentence, or a quotation held as one.
type token struct {
	start, end int
	kind       tokKind
	lower      string // the word in lower case (words only)
	cap        bool   // the word starts with an upper-case letter
	q          int    // the quotation, for tokQuote
}

func (t token) is(s string) bool { return t.kind != tokQuote && t.lower == s }

// paragraphs splits text into its non-empty lines.
func paragraphs(text string) []paragraph {
	var out []paragraph
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, paragraph{start: s, end: e, index: len(out) + 1})
		} else if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, paragraph{start: start, end: end, index: len(out) + 1})
		}
		start = end + 1
	}
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// findQuotes finds the quotations of one paragraph: curly and straight
// double marks, two straight single marks for one double (as some papers
// print them), guillemets, and single marks at the top level, which are
// quotation marks only where an apostrophe could not be. Single marks
// inside a double quotation are a quotation within it and are left to it.
func findQuotes(text string, p paragraph) []quote {
	var out []quote
	dq, gq, sq := -1, -1, -1 // the open double, guillemet and single marks
	dqLen := 0
	for i := p.start; i < p.end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“', '„', '"', '«', '»', '”', '‘', '’', '\'', '‹', '›':
		default:
			i += size
			continue
		}
		prev, next := prevRune(text, i, p.start), nextRune(text, i+size, p.end)
		switch {
		case r == '\'' && i+1 < p.end && text[i+1] == '\'':
			// '' is a double mark
			size = 2
			if dq < 0 && gq < 0 {
				dq, dqLen, sq = i, 2, -1
			} else if dq >= 0 && dqLen == 2 {
				out = append(out, newQuote(dq, dqLen, i, size, true, false))
				dq = -1
			}
		case r == '“' || r == '„':
			if dq < 0 && gq < 0 {
				dq, dqLen, sq = i, size, -1
			}
		case r == '”':
			if dq >= 0 {
				out = append(out, newQuote(dq, dqLen, i, size, true, false))
				dq = -1
			} else if gq < 0 && sq < 0 && !isWordRune(prev) && isWordRune(next) {
				// a right mark used to open, as some feeds print them
				dq, dqLen = i, size
			}
		case r == '"':
			switch {
			case dq < 0 && gq < 0:
				dq, dqLen, sq = i, size, -1
			case dq >= 0 && (text[dq] == '"' || !unicode.IsSpace(prev)):
				out = append(out, newQuote(dq, dqLen, i, size, true, false))
				dq = -1
			}
		case r == '«':
			if dq < 0 && gq < 0 {
				gq, sq = i, -1
			}
		case r == '»':
			if gq >= 0 {
				out = append(out, newQuote(gq, len("«"), i, size, true, false))
				gq = -1
			}
		case r == '‘' || r == '\'' || r == '‹':
			if dq >= 0 || gq >= 0 {
				break
			}
			if sq < 0 && !isWordRune(prev) && isWordRune(next) || sq < 0 && r == '‹' {
				sq = i
			} else if sq >= 0 && r == '\'' && text[sq] == '\'' && !isWordRune(next) && !unicode.IsSpace(prev) {
				out = append(out, newQuote(sq, 1, i, size, true, true))
				sq = -1
			}
		case r == '’' || r == '›':
			if sq >= 0 && dq < 0 && gq < 0 && !isWordRune(next) && !unicode.IsSpace(prev) {
				_, osz := utf8.DecodeRuneInString(text[sq:])
				out = append(out, newQuote(sq, osz, i, size, true, true))
				sq = -1
			}
		}
		i += size
	}
	// A double mark left open runs to the end of the paragraph; a single
	// one left open was an apostrophe.
	if dq >= 0 {
		out = append(out, newQuote(dq, dqLen, p.end, 0, false, false))
	}
	if gq >= 0 {
		out = append(out, newQuote(gq, len("«"), p.end, 0, false, false))
	}
	sortQuotes(out)
	return out
}

func newQuote(open, openLen, close, closeLen int, closed, single bool) quote {
	return quote{open: open, close: close, end: close + closeLen, inner: Span{Start: open + openLen, End: close}, closed: closed, single: single}
}

// sortQuotes orders quotations by where they open (single quotations are
// found when they close, and may close after a later double opened).
func sortQuotes(qs []quote) {
	for i := 1; i < len(qs); i++ {
		for j := i; j > 0 && qs[j].open < qs[j-1].open; j-- {
			qs[j], qs[j-1] = qs[j-1], qs[j]
		}
	}
	// Drop a quotation that starts inside another (it cannot, but for
	// safety on hostile text).
	out := qs[:0]
	last := -1
	for _, q := range qs {
		if q.open >= last {
			out = append(out, q)
			last = q.end
		}
	}
	for i := len(out); i < len(qs); i++ {
		qs[i] = quote{}
	}
}

func prevRune(text string, i, lo int) rune {
	if i <= lo {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return r
}

func nextRune(text string, i, hi int) rune {
	if i >= hi {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[i:hi])
	return r
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// splitSentences divides a paragraph into sentences with the Unicode
// sentence rules, then joins back what those rules split after an
// abbreviation ("Mr.", "U.S.") or an initial, and what they split inside a
// quotation: a quotation belongs whole to the sentence that holds it.
func splitSentences(text string, p paragraph, qs []quote) []sentence {
	var out []sentence
	it := sentences.FromString(text[p.start:p.end])
	qi := 0
	for it.Next() {
		s, e := p.start+it.Start(), p.start+it.End()
		if len(out) > 0 {
			last := &out[len(out)-1]
			// inside a quotation?
			for qi < len(qs) && qs[qi].end <= s {
				qi++
			}
			inQuote := qi < len(qs) && qs[qi].open < s && s < qs[qi].end
			if inQuote || endsWithAbbreviation(text, last.start, last.end) || startsWithDash(text[s:e]) || startsLower(text[s:e]) ||
				endsWithExclaimedQuote(text, last.start, last.end) && saysEarly(text[s:e]) {
				last.end = e
				continue
			}
		}
		out = append(out, sentence{start: s, end: e})
	}
	for i := range out {
		for out[i].end > out[i].start && isSpaceByte(text[out[i].end-1]) {
			out[i].end--
		}
	}
	return out
}

// startsLower: "“…?” a narrator asks." goes on the sentence before.
func startsLower(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		return unicode.IsLower(r)
	}
	return false
}

// startsWithDash: "“…” ― Jorge Falcon" signs the quotation before it.
func startsWithDash(s string) bool {
	s = strings.TrimLeft(s, " \u00a0")
	return strings.HasPrefix(s, "―") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, "–")
}

// endsWithAbbreviation reports whether the sentence text[s:e] ends with a
// full stop that belongs to an abbreviation or an initial.
func endsWithAbbreviation(text string, s, e int) bool {
	for e > s && isSpaceByte(text[e-1]) {
		e--
	}
	if e <= s || text[e-1] != '.' {
		return false
	}
	w := e - 1
	for w > s && (isASCIILetter(text[w-1]) || text[w-1] == '.') {
		w--
	}
	word := strings.ToLower(text[w : e-1])
	if word == "" {
		return false
	}
	if len(word) == 1 && text[w] >= 'A' && text[w] <= 'Z' {
		return true // an initial: "Leonard E. Burman"
	}
	return abbreviations[word] || strings.Contains(word, ".") && len(word) <= 6
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// tokenize makes the tokens of a sentence, each quotation one token.
func tokenize(text string, s *sentence, qs []quote, qFrom int) {
	toks := s.toks[:0]
	pos := s.start
	emit := func(a, b int) {
		if a >= b {
			return
		}
		it := words.FromString(text[a:b])
		for it.Next() {
			w := it.Value()
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsSpace(r) {
				continue
			}
			t := token{start: a + it.Start(), end: a + it.End()}
			if isWordRune(r) {
				t.kind = tokWord
				t.lower = lowerWord(w)
				t.cap = unicode.IsUpper(r)
			} else {
				t.kind = tokPunct
				t.lower = w
			}
			toks = append(toks, t)
		}
	}
	// the first quotation that may touch the sentence, by binary search:
	// a paragraph of 40,000 quotations is not read 40,000 times
	lo, hi := qFrom, len(qs)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if qs[mid].end <= s.start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	for qi := lo; qi < len(qs); qi++ {
		q := qs[qi]
		if q.open >= s.end {
			break
		}
		if q.end <= s.start || q.open < pos {
			continue
		}
		emit(pos, q.open)
		if nickname(text, q) {
			// Marcia "Cia" Price: a word of the name, not a quotation
			w := text[q.inner.Start:q.inner.End]
			toks = append(toks, token{start: q.inner.Start, end: q.inner.End, kind: tokWord, lower: lowerWord(w), cap: true})
		} else {
			toks = append(toks, token{start: q.open, end: q.end, kind: tokQuote, q: qi})
		}
		pos = q.end
	}
	emit(pos, s.end)
	s.toks = toks
}

// lowerWord folds a word to lower case, with a curly apostrophe made
// straight ("don’t" is "don't").
func lowerWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 || w[i] >= 'A' && w[i] <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// nickname reports whether a quotation is one capitalised word between two
// of a name: Marcia "Cia" Price.
func nickname(text string, q quote) bool {
	w := text[q.inner.Start:q.inner.End]
	if !q.closed || len(w) == 0 || len(w) > 20 || q.open < 2 || q.end+1 >= len(text) || text[q.open-1] != ' ' || text[q.end] != ' ' {
		return false
	}
	for i, r := range w {
		if !unicode.IsLetter(r) || i == 0 && !unicode.IsUpper(r) {
			return false
		}
	}
	before, _ := utf8.DecodeLastRuneInString(text[:q.open-1])
	after, _ := utf8.DecodeRuneInString(text[q.end+1:])
	if !unicode.IsUpper(after) || !unicode.IsLetter(before) {
		return false
	}
	// the word before starts with a capital
	i := q.open - 1
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	first, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsUpper(first)
}

// endsWithExclaimedQuote reports whether text[s:e] ends with a quotation
// ending in a question or exclamation mark: "“Why not?” Smith asked" is one
// sentence, though a capital follows the mark.
func endsWithExclaimedQuote(text string, s, e int) bool {
	t := strings.TrimRightFunc(text[s:e], unicode.IsSpace)
	r, n := utf8.DecodeLastRuneInString(t)
	if !strings.ContainsRune(closeMarks, r) {
		return false
	}
	r2, _ := utf8.DecodeLastRuneInString(t[:len(t)-n])
	return r2 == '?' || r2 == '!'
}

// closeMarks are the marks that close a quotation.
const closeMarks = "\"”’'»"

// saysEarly reports whether a verb of saying is among a sentence's first
// dozen words: the attribution of the quotation before it.
func saysEarly(s string) bool {
	for i, w := range strings.Fields(s) {
		if i >= 12 {
			break
		}
		w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if verbForms[w] != "" {
			return true
		}
	}
	return false
}
