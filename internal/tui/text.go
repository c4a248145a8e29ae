package tui

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/internal/claims"
)

// rich is plain (already sanitised) text with a style per stretch. It is
// wrapped as plain text and styled line by line afterwards, so that a style
// never runs across a line break into a pane's border.
type rich struct {
	text strings.Builder
	runs []run
}

type run struct {
	end int // byte offset in text where the run ends
	ink ink
}

func (r *rich) add(s string, k ink) *rich {
	r.text.WriteString(s)
	r.runs = append(r.runs, run{r.text.Len(), k})
	return r
}

// ink is a style reduced to the escape sequences around its text, for the
// styles text is drawn in (colour and attributes, on one line). Drawing with
// it is joining three strings; Style.Render works the sequences out afresh
// on every call, and that was most of the cost of a frame.
type ink struct{ open, close string }

func inkOf(st lipgloss.Style) ink {
	const probe = "\uE000" // a private-use character no style changes
	r := st.Render(probe)
	i := strings.Index(r, probe)
	if i < 0 {
		return ink{}
	}
	return ink{r[:i], r[i+len(probe):]}
}

func (k ink) paint(s string) string {
	if s == "" || k.open == "" && k.close == "" {
		return s
	}
	return k.open + s + k.close
}

// cells is how many cells s takes, as Lip Gloss measures it
// (ansi.StringWidth). Measuring by grapheme clusters is the costliest part
// of drawing a frame, so the common case is counted directly: printable
// ASCII, the SGR sequences of the explorer's inks, and the narrow
// characters it draws with (Latin letters, quote marks and dashes, arrows,
// box drawing, ≈). Anything else is measured by ansi.StringWidth.
func cells(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			n++
			i++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x40 {
				j++
			}
			if j >= len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return ansi.StringWidth(s)
			}
			i = j + 1
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !narrow(r) {
				return ansi.StringWidth(s)
			}
			n++
			i += size
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}

// narrow says whether r is one cell wide on its own and cannot join what
// follows into one cluster, among the characters the explorer draws most.
// TestCellsMeasuresAsLipGloss checks every one against ansi.StringWidth.
func narrow(r rune) bool {
	switch {
	case r >= 0xa0 && r < 0x300:
		return r != 0xad // Latin letters; not the soft hyphen
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x203a: // dashes, quote marks, bullets, …
		return true
	case r >= 0x2190 && r <= 0x2193: // ←↑→↓
		return true
	case r >= 0x2500 && r <= 0x259f: // box drawing, blocks
		return true
	}
	return r == 0x2248 || r == 0x25b8 // ≈ ▸
}

// span is a stretch [start, end) of bytes.
type span struct{ start, end int }

// wrapSpans breaks text into lines of at most w cells: at spaces where it can,
// inside a word only when the word alone is wider than w. The spaces at a
// break are dropped; nothing else is.
func wrapSpans(s string, w int) []span {
	w = max(w, 1)
	var lines []span
	start, width := -1, 0 // the line being filled
	lastEnd := 0
	i := 0
	for i < len(s) {
		if s[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		word := s[i:j]
		ww := cells(word)
		switch {
		case start >= 0 && width+1+ww <= w:
			width += 1 + ww
			lastEnd = j
		case ww <= w:
			if start >= 0 {
				lines = append(lines, span{start, lastEnd})
			}
			start, width, lastEnd = i, ww, j
		default:
			// A word wider than the line: break it where the line is full.
			if start >= 0 {
				lines = append(lines, span{start, lastEnd})
			}
			for _, part := range hardBreak(word, w) {
				lines = append(lines, span{i + part.start, i + part.end})
			}
			last := lines[len(lines)-1]
			lines = lines[:len(lines)-1]
			start, lastEnd = last.start, last.end
			width = cells(s[last.start:last.end])
		}
		i = j
	}
	if start >= 0 {
		lines = append(lines, span{start, lastEnd})
	}
	if len(lines) == 0 {
		lines = append(lines, span{0, 0})
	}
	return lines
}

// hardBreak cuts a word into pieces of at most w cells, never inside a
// character and never before a zero-width one (a combining mark or a joiner
// stays with what it joins).
func hardBreak(word string, w int) []span {
	var parts []span
	start, width := 0, 0
	for i, r := range word {
		rw := cells(string(r))
		prevJoiner := i > 0 && strings.HasSuffix(word[:i], "\u200d")
		if width+rw > w && rw > 0 && !prevJoiner && i > start {
			parts = append(parts, span{start, i})
			start, width = i, 0
		}
		width += rw
	}
	return append(parts, span{start, len(word)})
}

// lines wraps rich text to w cells and styles each line, marking what the
// search matched on top of the runs' styles.
func (m *Model) lines(r *rich, w int) []string {
	text := r.text.String()
	marks := m.query.Ranges(text)
	spans := wrapSpans(text, w)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = m.styleSpan(text, r.runs, sp, marks)
	}
	return out
}

// styleSpan renders text[sp] with the runs' styles, and the stretches in
// marks (byte ranges of text, in order) as search matches.
func (m *Model) styleSpan(text string, runs []run, sp span, marks []claims.Span) string {
	var b strings.Builder
	pos := sp.start
	ri, mi := 0, 0
	for pos < sp.end {
		for ri < len(runs) && runs[ri].end <= pos {
			ri++
		}
		for mi < len(marks) && marks[mi].End <= pos {
			mi++
		}
		k := ink{}
		end := sp.end
		if ri < len(runs) {
			k = runs[ri].ink
			end = min(end, runs[ri].end)
		}
		if mi < len(marks) {
			if mk := marks[mi]; mk.Start <= pos {
				k = m.styles.Ink.Match
				end = min(end, mk.End)
			} else {
				end = min(end, mk.Start)
			}
		}
		b.WriteString(k.paint(text[pos:end]))
		pos = end
	}
	return b.String()
}

// truncate cuts s to w cells with tail, as ansi.Truncate does, and leaves a
// string that fits alone without measuring it twice.
func truncate(s string, w int, tail string) string {
	if cells(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, tail)
}
