package tui

// rect is a region of the window, in cells.
type rect struct{ X, Y, W, H int }

func (r rect) contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// The smallest window the explorer draws in; below it, it says so.
const (
	minWidth  = 60
	minHeight = 16
	// wideWidth is where the speakers pane gets the full height beside
	// the claims and the comparison (three panes side by side).
	wideWidth  = 120
	wideHeight = 28
)

// Layout is where everything goes, for one window size. It is computed in
// one place, layout, and the panes receive only their rectangles.
type Layout struct {
	W, H     int
	TooSmall bool
	Wide     bool

	Header rect // title line and filter line
	Body   rect // everything between header and key line: full-screen views
	Keys   rect // the one-line key summary

	Speakers, Claims  rect
	Statement, Answer rect // the comparison: equal widths
}

func layout(w, h int) Layout {
	l := Layout{W: w, H: h}
	if w < minWidth || h < minHeight {
		l.TooSmall = true
		return l
	}
	const headerH, keysH = 2, 1
	l.Header = rect{0, 0, w, headerH}
	l.Keys = rect{0, h - keysH, w, keysH}
	l.Body = rect{0, headerH, w, h - headerH - keysH}
	b := l.Body

	l.Wide = w >= wideWidth && h >= wideHeight
	if l.Wide {
		// Speakers down the left; claims above the comparison on the right.
		sw := clamp(w/5, 24, 34)
		if (w-sw)%2 != 0 {
			sw++ // so that the two comparison panes are equally wide
		}
		l.Speakers = rect{b.X, b.Y, sw, b.H}
		rw := w - sw
		ch := clamp(b.H/3, 6, 14)
		l.Claims = rect{sw, b.Y, rw, ch}
		half := rw / 2
		l.Statement = rect{sw, b.Y + ch, half, b.H - ch}
		l.Answer = rect{sw + half, b.Y + ch, half, b.H - ch}
		return l
	}
	// Stacked: speakers and claims side by side in a band on top, the
	// comparison across the full width below.
	sw := clamp(w*3/10, 22, 28)
	th := clamp(b.H*2/5, 5, 12)
	l.Speakers = rect{b.X, b.Y, sw, th}
	l.Claims = rect{sw, b.Y, w - sw, th}
	half := w / 2
	l.Statement = rect{0, b.Y + th, half, b.H - th}
	l.Answer = rect{half, b.Y + th, half, b.H - th}
	if w%2 != 0 {
		// One column spare: leave it to the right of the comparison, so that
		// the two panes stay equal.
		l.Answer.W = half
	}
	return l
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
