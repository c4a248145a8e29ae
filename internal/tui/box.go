package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// box draws a pane: its border with the title in the top edge, and the
// lines inside, each padded (or cut, which callers avoid by wrapping first)
// to the inner width. The border is the style's: rounded, and thick for the
// focused pane, so that focus shows without colour too.
func (s *Styles) box(title string, lines []string, p pane, focused bool) string {
	w, h := p.Outer.W, p.Outer.H
	if w < 2 || h < 2 {
		return blank(w, h)
	}
	edge, bd := s.Ink.Border, s.Pane.GetBorderStyle()
	if focused {
		edge, bd = s.Ink.FocusEdge, s.Focused.GetBorderStyle()
	}
	inner := w - 2
	padL := strings.Repeat(" ", max(p.Inner.X-p.Outer.X-1, 0))
	padR := max(inner-len(padL)-p.Inner.W, 0)
	var b strings.Builder
	b.Grow((w + 8) * h)

	// ╭ Title ────╮
	title = truncate(title, max(inner-2, 0), "…")
	tw := cells(title)
	if tw > 0 {
		b.WriteString(edge.paint(bd.TopLeft + " "))
		b.WriteString(title)
		b.WriteString(edge.paint(" " + strings.Repeat(bd.Top, max(inner-tw-2, 0)) + bd.TopRight))
	} else {
		b.WriteString(edge.paint(bd.TopLeft + strings.Repeat(bd.Top, inner) + bd.TopRight))
	}
	left, right := edge.paint(bd.Left), edge.paint(bd.Right)
	for i := range h - 2 {
		b.WriteByte('\n')
		b.WriteString(left)
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		b.WriteString(padL)
		b.WriteString(fit(line, p.Inner.W))
		b.WriteString(strings.Repeat(" ", padR))
		b.WriteString(right)
	}
	b.WriteByte('\n')
	b.WriteString(edge.paint(bd.BottomLeft + strings.Repeat(bd.Bottom, inner) + bd.BottomRight))
	return b.String()
}

// fit pads a (possibly styled) line with spaces to exactly w cells, or cuts
// it with "…" when it is wider.
func fit(line string, w int) string {
	lw := cells(line)
	if lw > w {
		line = ansi.Truncate(line, w, "…")
		lw = cells(line)
	}
	return line + strings.Repeat(" ", max(w-lw, 0))
}

// blank is an empty block of w×h cells.
func blank(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	row := strings.Repeat(" ", w)
	rows := make([]string, h)
	for i := range rows {
		rows[i] = row
	}
	return strings.Join(rows, "\n")
}

// wrap breaks styled text into lines of at most w cells, at spaces where it
// can and inside a word only when the word alone is wider than w: the text is
// never cut off.
func wrap(s string, w int) []string {
	if w < 1 {
		w = 1
	}
	return strings.Split(ansi.Wrap(s, w, ""), "\n")
}

// hjoin sets blocks of equal height side by side.
func hjoin(blocks ...string) string {
	split := make([][]string, len(blocks))
	rows := 0
	for i, b := range blocks {
		split[i] = strings.Split(b, "\n")
		rows = max(rows, len(split[i]))
	}
	var b strings.Builder
	for r := range rows {
		if r > 0 {
			b.WriteByte('\n')
		}
		for _, lines := range split {
			if r < len(lines) {
				b.WriteString(lines[r])
			}
		}
	}
	return b.String()
}

// window returns the part of a list of n rows that a pane of h rows shows,
// keeping cur in sight and moving top as little as possible.
func window(top, cur, n, h int) int {
	if h <= 0 || n <= h {
		return 0
	}
	if cur < top {
		top = cur
	}
	if cur >= top+h {
		top = cur - h + 1
	}
	return clamp(top, 0, n-h)
}
