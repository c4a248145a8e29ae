package tui

import "charm.land/lipgloss/v2"

// rect is a region of the window, in cells.
type rect struct{ X, Y, W, H int }

func (r rect) contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// pane is where a pane goes: Outer is the whole box, border included, and
// Inner what is inside its frame (border and padding), measured from the
// style it is drawn with. Panes draw into Inner and are clicked in Outer.
type pane struct{ Outer, Inner rect }

// framed is the pane of the outer rectangle r drawn in style st.
func framed(r rect, st lipgloss.Style) pane {
	left := st.GetBorderLeftSize() + st.GetPaddingLeft()
	top := st.GetBorderTopSize() + st.GetPaddingTop()
	return pane{Outer: r, Inner: rect{
		X: r.X + left, Y: r.Y + top,
		W: max(r.W-st.GetHorizontalFrameSize(), 0), H: max(r.H-st.GetVerticalFrameSize(), 0),
	}}
}

// rowAt is the row of the inside that window row y falls on, or -1.
func (p pane) rowAt(x, y int) int {
	if !p.Outer.contains(x, y) || y < p.Inner.Y || y >= p.Inner.Y+p.Inner.H {
		return -1
	}
	return y - p.Inner.Y
}

// The smallest window the explorer draws in; below it, it says so.
const (
	minWidth  = 60
	minHeight = 16
)

// Layout is where everything goes, for one window size and what the panes
// hold. It is computed in one place, layout, and the panes receive only
// their rectangles.
type Layout struct {
	W, H     int
	TooSmall bool

	Header rect // the title and the filter line
	Body   pane // everything between header and key line: the full-screen views
	Keys   rect // the one-line key summary

	Speakers, Claims  pane // side by side, above the comparison
	Statement, Answer pane // the comparison: equal widths
	Picker            pane // the topic picker, over the comparison
}

// needs are the rows each part of the main screen would take to show all
// it holds, inside its frame, at the widths layout gives it; layout shares
// the height out by them.
type needs struct {
	speakers   int // rows of the speakers pane
	claims     int // rows of the claims pane, every claim whole
	compact    int // rows of the claims pane, one line a claim but the selected one
	selected   int // rows of the selected claim, whole
	comparison int // rows of the taller of statement and answer (or of the picker)
}

// widths are the inner widths the panes get, which the needs depend on.
type widths struct{ speakers, claims, comparison, picker int }

// layout places the header, the panes and the key line. The speakers pane
// is as wide as its longest row, up to two fifths of the window; the
// speakers and the claims sit side by side above the statement and its
// answer. Height goes first to what each part needs; when not all of it
// fits, it is shared in proportion to the needs, so that no pane is left
// half empty while another is cut.
func layout(w, h, headerH, speakersW int, st *Styles, need func(widths) needs) Layout {
	l := Layout{W: w, H: h}
	if w < minWidth || h < minHeight {
		l.TooSmall = true
		return l
	}
	const keysH = 1
	headerH = clamp(headerH, 2, 3)
	l.Header = rect{0, 0, w, headerH}
	l.Keys = rect{0, h - keysH, w, keysH}
	body := rect{0, headerH, w, h - headerH - keysH}
	l.Body = framed(body, st.Pane)

	listFrame := st.List.GetHorizontalFrameSize()
	sw := clamp(speakersW+listFrame, 20, w*2/5)
	half := w / 2 // an odd column is left spare, right of the answer
	cardFrame := st.Pane.GetHorizontalFrameSize()
	n := need(widths{speakers: sw - listFrame, claims: w - sw - listFrame, comparison: half - cardFrame, picker: 2*half - listFrame})

	v := st.List.GetVerticalFrameSize()
	bandNeed := max(n.speakers, n.claims) + v
	compNeed := n.comparison + st.Pane.GetVerticalFrameSize()
	const minBand, minComp = 5, 5
	band := bandNeed
	if bandNeed+compNeed > body.H {
		// Not all whole: the claims one line each, and the rest shared.
		bandNeed = max(n.speakers, min(n.claims, n.compact)) + v
		band = bandNeed
		if bandNeed+compNeed > body.H {
			band = body.H * bandNeed / (bandNeed + compNeed)
		}
	}
	// The selected claim is always whole, and one more row beside it.
	band = max(band, min(n.selected+1, n.compact)+v)
	band = clamp(band, minBand, max(body.H-minComp, minBand))
	comp := body.H - band

	l.Speakers = framed(rect{0, body.Y, sw, band}, st.List)
	l.Claims = framed(rect{sw, body.Y, w - sw, band}, st.List)
	l.Statement = framed(rect{0, body.Y + band, half, comp}, st.Pane)
	l.Answer = framed(rect{half, body.Y + band, half, comp}, st.Pane)
	l.Picker = framed(rect{0, body.Y + band, 2 * half, comp}, st.List)
	return l
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
