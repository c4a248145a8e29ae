package claims

import (
	"fmt"
	"index/suffixarray"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// anchorIndex finds passages in an article. findAll finds the passages of a
// whole annotation in one pass over the article (see find.go); anything
// else (a passage findAll was not given, a near miss) asks a suffix array,
// built the first time it is needed.
type anchorIndex struct {
	text string
	sa   *suffixarray.Index // see index

	// what findAll found: passages[i] occurs at hits.of(same[i]) if
	// known[same[i]]; same[i] is the first passage equal to the ith
	passages []string
	hits     *hitList
	known    []bool
	same     []int32

	// what the suffix array found, by passage, for passages given again
	found map[string][]int

	lookups int // searches of the suffix array made so far, for the tests

	// the folded text, made on the first near-miss search only
	folded    string
	foldedMap []int

	nearestSearches int // near-miss searches made so far (see notFoundFix)
}

func newAnchorIndex(text string) *anchorIndex {
	return &anchorIndex{text: text}
}

// index returns the suffix array of the text, building it on first use. It
// answers any lookup in time proportional to the passage, but building it
// costs about 90 ns a byte (1.6 s for an article of 18 MB), which a sound
// annotation need not pay: see findAll.
func (ix *anchorIndex) index() *suffixarray.Index {
	if ix.sa == nil {
		ix.sa = suffixarray.New([]byte(ix.text))
	}
	return ix.sa
}

// occurrencesOf returns the start offsets of every occurrence of passage,
// in text order: from what findAll found if passage is the ith it was
// given, else from the suffix array, asked once for each passage however
// many claims quote it. The caller must not write to the offsets.
func (ix *anchorIndex) occurrencesOf(i int, passage string) []int {
	if i < len(ix.same) && ix.passages[i] == passage {
		if k := int(ix.same[i]); ix.known[k] {
			return ix.hits.of(k)
		}
	}
	if offs, ok := ix.found[passage]; ok {
		return offs
	}
	offs := ix.occurrences(passage, -1)
	if ix.found == nil {
		ix.found = map[string][]int{}
	}
	ix.found[passage] = offs
	return offs
}

// occurrences returns the start offsets of every occurrence of passage, in
// text order, up to limit of them (limit < 0: all).
func (ix *anchorIndex) occurrences(passage string, limit int) []int {
	if passage == "" {
		return nil
	}
	ix.lookups++
	offs := ix.index().Lookup([]byte(passage), limit)
	slices.Sort(offs)
	return offs
}

// nearMiss describes where an absent passage comes closest to the article.
type nearMiss struct {
	start, end int // the nearest passage in the article
	diffAt     int // byte offset in the passage of the first character that differs
	articleAt  int // byte offset in the article of that character
}

// nearest finds the passage of the article closest to an absent passage: the
// longest stretch that matches from its start, or else from its end, and
// failing both, a match that ignores the usual culprits (curly versus
// straight quote marks, dashes, spacing and case).
func (ix *anchorIndex) nearest(passage string) (nearMiss, bool) {
	if ix.text == "" || passage == "" {
		return nearMiss{}, false
	}
	var best nearMiss
	bestLen := 0

	// Longest prefix of the passage that occurs: occurrence is monotone in the
	// prefix length, so a binary search needs only log(n) lookups.
	if k, at := ix.longestPrefix(passage); k > 0 {
		best = nearMiss{start: at, diffAt: k, articleAt: at + k}
		best.end = clampToRune(ix.text, min(len(ix.text), at+len(passage)))
		bestLen = k
	}
	if k, at := ix.longestSuffix(passage); k > bestLen {
		// at is where the matching suffix begins in the article.
		start := at - (len(passage) - k)
		if start < 0 {
			start = 0
		}
		start = clampToRune(ix.text, start)
		// the first difference, read from the start of the aligned passage
		d := commonPrefixLen(passage, ix.text[start:])
		best = nearMiss{start: start, end: at + k, diffAt: d, articleAt: start + d}
		bestLen = k
	}
	if fs, fe, ok := ix.foldedMatch(passage); ok && (fe-fs) >= bestLen {
		d := commonPrefixLen(passage, ix.text[fs:fe])
		return nearMiss{start: fs, end: fe, diffAt: d, articleAt: fs + d}, true
	}
	return best, bestLen > 0
}

// longestPrefix returns the length of the longest prefix of p (cut at a
// character boundary) that occurs in the text, and where it first occurs.
func (ix *anchorIndex) longestPrefix(p string) (int, int) {
	lo, hi := 0, len(p) // invariant: p[:lo] occurs
	for lo < hi {
		mid := clampToRune(p, (lo+hi+1)/2)
		if mid <= lo {
			// the next character boundary past lo
			_, size := utf8.DecodeRuneInString(p[lo:])
			mid = lo + size
		}
		if mid > hi {
			break // no character boundary left between lo and hi
		}
		offs := ix.index().Lookup([]byte(p[:mid]), 1)
		if len(offs) > 0 {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return 0, 0
	}
	// choose the earliest occurrence, for a stable message
	offs := ix.occurrences(p[:lo], 64)
	return lo, offs[0]
}

// longestSuffix is longestPrefix read from the other end: the length of the
// longest suffix of p that occurs and where it starts in the text.
func (ix *anchorIndex) longestSuffix(p string) (int, int) {
	lo, hi := 0, len(p)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		cut := len(p) - mid
		for cut > 0 && !utf8.RuneStart(p[cut]) {
			cut--
		}
		mid = len(p) - cut
		if mid <= lo {
			mid = lo + 1
			cut = len(p) - mid
			for cut > 0 && !utf8.RuneStart(p[cut]) {
				cut--
			}
			mid = len(p) - cut
		}
		if mid > hi {
			break
		}
		offs := ix.index().Lookup([]byte(p[cut:]), 1)
		if len(offs) > 0 {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return 0, 0
	}
	offs := ix.occurrences(p[len(p)-lo:], 64)
	return lo, offs[0]
}

// foldedMatch looks for the passage with quote marks, dashes, spaces and case
// folded on both sides, and returns the matching span of the original text.
func (ix *anchorIndex) foldedMatch(p string) (int, int, bool) {
	if ix.foldedMap == nil {
		ix.folded, ix.foldedMap = fold(ix.text)
	}
	ft, tmap := ix.folded, ix.foldedMap
	fp, _ := fold(p)
	if fp == "" {
		return 0, 0, false
	}
	i := indexLinear(ft, fp)
	if i < 0 {
		return 0, 0, false
	}
	start := tmap[i]
	end := len(ix.text)
	if i+len(fp) < len(tmap) {
		end = tmap[i+len(fp)]
	}
	return start, end, true
}

// indexLinear is strings.Index in time linear in s and sep: for a long sep
// it runs Knuth-Morris-Pratt. strings.Index compares a long sep afresh at
// every place its first bytes match, and on a repetitive article a 10 KB
// quote that almost occurs everywhere took 200 ms a search.
func indexLinear(s, sep string) int {
	if len(sep) <= 64 {
		return strings.Index(s, sep)
	}
	fail := make([]int32, len(sep)) // longest proper border of sep[:i+1]
	for i, k := 1, int32(0); i < len(sep); i++ {
		for k > 0 && sep[i] != sep[k] {
			k = fail[k-1]
		}
		if sep[i] == sep[k] {
			k++
		}
		fail[i] = k
	}
	k := int32(0)
	for i := 0; i < len(s); i++ {
		for k > 0 && s[i] != sep[k] {
			k = fail[k-1]
		}
		if s[i] == sep[k] {
			k++
		}
		if int(k) == len(sep) {
			return i - len(sep) + 1
		}
	}
	return -1
}

// fold maps s to a form in which typographic variants compare equal, and
// returns for each byte of the folded form the offset in s it came from.
func fold(s string) (string, []int) {
	offs := make([]int, 0, len(s)+1)
	return foldText(s, &offs, false), offs
}

// foldText is fold, appending the offsets to *offs unless offs is nil, and
// leaving out apostrophes if dropApostrophes.
func foldText(s string, offs *[]int, dropApostrophes bool) string {
	f := folder{buf: make([]byte, 0, len(s)), offs: offs, dropApostrophes: dropApostrophes}
	f.add(s)
	return string(f.buf)
}

// folder folds text into buf, a piece at a time. Word search folds every
// claim as it loads: it needs no offsets (making them cost 8 bytes a byte),
// and ASCII, most of any text, is copied a run at a time.
type folder struct {
	buf             []byte
	offs            *[]int // offsets in the piece added, for fold only
	dropApostrophes bool
	lastSpace       bool
}

func (f *folder) add(s string) {
	buf, offs, lastSpace := f.buf, f.offs, f.lastSpace
	for i := 0; i < len(s); {
		if offs == nil {
			// a run of bytes that fold to themselves, copied at once
			j, space := i, lastSpace
			for ; j < len(s); j++ {
				if c := s[j]; c == ' ' && !space {
					space = true
				} else if c < utf8.RuneSelf && asciiFold[c] == foldSame {
					space = false
				} else {
					break
				}
			}
			buf = append(buf, s[i:j]...)
			lastSpace, i = space, j
			if i == len(s) {
				break
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			switch asciiFold[c] {
			case foldSpace:
				if lastSpace {
					i++
					continue
				}
				lastSpace = true
				c = ' '
			case foldApostrophe:
				lastSpace = false
				if f.dropApostrophes {
					i++
					continue
				}
				c = '\''
			case foldLower:
				lastSpace = false
				c += 'a' - 'A'
			default:
				lastSpace = false
			}
			buf = append(buf, c)
			if offs != nil {
				*offs = append(*offs, i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var out string
		switch r {
		case '‘', '’', '‚', '‛', '′', '´':
			out = "'"
		case '“', '”', '„', '‟', '″', '«', '»':
			out = "\""
		case '‐', '‑', '‒', '–', '—', '―', '−':
			out = "-"
		case '…':
			out = "..."
		case '\u00a0', '\u2009', '\u202f', '\u2007':
			if !lastSpace {
				lastSpace = true
				buf = append(buf, ' ')
				if offs != nil {
					*offs = append(*offs, i)
				}
			}
			i += size
			continue
		default:
			out = string(unicode.ToLower(r))
		}
		lastSpace = false
		if !(f.dropApostrophes && out == "'") {
			buf = append(buf, out...)
			if offs != nil {
				for range len(out) {
					*offs = append(*offs, i)
				}
			}
		}
		i += size
	}
	f.buf, f.lastSpace = buf, lastSpace
}

// How foldText folds each ASCII byte; bytes not named fold to themselves.
const (
	foldSame = iota
	foldSpace
	foldApostrophe
	foldLower
)

var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = foldLower
	}
	t[' '], t['\t'], t['\n'], t['\r'] = foldSpace, foldSpace, foldSpace, foldSpace
	t['\''], t['`'] = foldApostrophe, foldApostrophe
	return t
}()

func commonPrefixLen(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) {
		ra, sa := utf8.DecodeRuneInString(a[n:])
		rb, _ := utf8.DecodeRuneInString(b[n:])
		if ra != rb {
			break
		}
		n += sa
	}
	return n
}

// clampToRune moves i back to the start of the character it falls in.
func clampToRune(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// describeRune names a character in a way that shows what it really is:
// curly and straight quote marks look alike in most fonts.
func describeRune(r rune) string {
	if name, ok := runeNames[r]; ok {
		return fmt.Sprintf("%q (U+%04X %s)", string(r), r, name)
	}
	return fmt.Sprintf("%q (U+%04X)", string(r), r)
}

var runeNames = map[rune]string{
	'\'':     "APOSTROPHE",
	'"':      "QUOTATION MARK",
	'‘':      "LEFT SINGLE QUOTATION MARK",
	'’':      "RIGHT SINGLE QUOTATION MARK",
	'“':      "LEFT DOUBLE QUOTATION MARK",
	'”':      "RIGHT DOUBLE QUOTATION MARK",
	'-':      "HYPHEN-MINUS",
	'–':      "EN DASH",
	'—':      "EM DASH",
	' ':      "SPACE",
	'\u00a0': "NO-BREAK SPACE",
	'\n':     "LINE FEED",
	'\r':     "CARRIAGE RETURN",
	'\t':     "TAB",
	'…':      "HORIZONTAL ELLIPSIS",
	'.':      "FULL STOP",
}

// excerpt quotes s for a message (quoted, so control characters show
// inert). A long s is cut to a window around byte offset at, where the
// reader must look, at word boundaries.
func excerpt(s string, at int) string {
	const before, after = 70, 90 // characters kept on each side of at
	if utf8.RuneCountInString(s) <= before+after {
		return fmt.Sprintf("%q", s)
	}
	at = clampToRune(s, min(max(at, 0), len(s)))
	start, end := at, at
	for n := 0; n < before && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
	}
	for n := 0; n < after && end < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	prefix, suffix := "", ""
	if start > 0 {
		if i := strings.IndexByte(s[start:at], ' '); i >= 0 {
			start += i + 1
		}
		prefix = "…"
	}
	if end < len(s) {
		if i := strings.LastIndexByte(s[at:end], ' '); i > 0 {
			end = at + i
		}
		suffix = "…"
	}
	return prefix + fmt.Sprintf("%q", s[start:end]) + suffix
}

// paragraphStarts returns the byte offset of each non-empty line of text.
// A line ends at \n, \r\n or a lone \r: an article saved with old Mac line
// endings was one paragraph.
func paragraphStarts(text string) []int {
	var starts []int
	for lineStart := 0; lineStart <= len(text); {
		end, next := LineEnd(text, lineStart)
		if end > lineStart {
			starts = append(starts, lineStart)
		}
		if next > len(text) {
			break
		}
		lineStart = next
	}
	return starts
}

// lineEnd returns where the line starting at from ends, and where the next
// one starts (past len(text) when this is the last).
func LineEnd(text string, from int) (end, next int) {
	i := strings.IndexAny(text[from:], "\r\n")
	if i < 0 {
		return len(text), len(text) + 1
	}
	end = from + i
	if text[end] == '\r' && end+1 < len(text) && text[end+1] == '\n' {
		return end, end + 2
	}
	return end, end + 1
}

// paragraphAt returns the 1-based paragraph (non-empty line) holding offset.
func (a *Article) paragraphAt(off int) int {
	return sort.SearchInts(a.paraStarts, off+1)
}

// lineCol is lineCol of the article's text, with the lines' starts found
// once: an article with many ambiguous passages asks for many positions.
func (a *Article) lineCol(off int) Pos {
	if a.lineStarts == nil {
		a.lineStarts = []int{0}
		for _, next := LineEnd(a.Text, 0); next <= len(a.Text); _, next = LineEnd(a.Text, next) {
			a.lineStarts = append(a.lineStarts, next)
		}
	}
	off = min(off, len(a.Text))
	line := sort.SearchInts(a.lineStarts, off+1) // lines starting at or before off
	ls := a.lineStarts[line-1]
	return Pos{Line: line, Col: 1 + utf8.RuneCountInString(a.Text[ls:off])}
}

// lineCol converts a byte offset in text to a 1-based line and column
// (columns in characters).
func lineCol(text string, off int) Pos {
	off = min(off, len(text))
	line := 1 + strings.Count(text[:off], "\n")
	ls := strings.LastIndexByte(text[:off], '\n') + 1
	return Pos{Line: line, Col: 1 + utf8.RuneCountInString(text[ls:off])}
}
