package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// scroller is the one scroller of the explorer: a window of h lines over n,
// whose offset is clamped on every change, so that no key can take it past
// either end. Every text that scrolls (the statement and its answer, the
// exchange, the article, the help) and every list that does (the speakers,
// the claims, the topics) keeps its offset in one.
//
// It is not Bubbles' viewport: the viewport renders its lines through a
// Lip Gloss style on every frame (the cost the explorer's inks avoid), it
// holds the text itself where the explorer draws only the lines in sight,
// and its key map (b, f, h, l, u, d) would take keys that mean back,
// forward and speaker here. What it does that the explorer needs (clamp,
// page, go to an end, keep a line in sight) is this type.
type scroller struct {
	top  int // first line shown
	n, h int // lines in all, lines in sight
}

// size sets how many lines there are and how many are in sight.
func (s *scroller) size(n, h int) {
	s.n, s.h = max(n, 0), max(h, 0)
	s.clamp()
}

func (s *scroller) clamp() { s.top = clamp(s.top, 0, max(s.n-s.h, 0)) }

// by scrolls d lines down (up when negative).
func (s *scroller) by(d int) {
	s.top += d
	s.clamp()
}

// page is how far a page moves: the lines in sight but one, kept for
// context.
func (s *scroller) page() int { return max(s.h-1, 1) }

// end is one past the last line in sight.
func (s scroller) end() int { return min(s.top+s.h, s.n) }

// scrolls says whether there is more than is in sight.
func (s scroller) scrolls() bool { return s.n > s.h }

// show scrolls as little as it can to bring lines [start, end) into sight,
// or their start when they are more than fit.
func (s *scroller) show(start, end int) {
	switch {
	case end-start > s.h || start < s.top:
		s.top = start
	case end > s.top+s.h:
		s.top = end - s.h
	}
	s.clamp()
}

// scrollKey moves the scroller by the key map's scrolling keys; it says
// whether msg was one of them. lines says whether ↑/↓ scroll lines (a text)
// or are left to the caller (a list, where they move a cursor).
func (s *scroller) scrollKey(msg tea.KeyPressMsg, k KeyMap, lines bool) bool {
	switch {
	case lines && key.Matches(msg, k.Up):
		s.by(-1)
	case lines && key.Matches(msg, k.Down):
		s.by(+1)
	case key.Matches(msg, k.PageUp):
		s.by(-s.page())
	case key.Matches(msg, k.PageDown):
		s.by(+s.page())
	case lines && key.Matches(msg, k.Home):
		s.top = 0
	case lines && key.Matches(msg, k.End):
		s.top = s.n
		s.clamp()
	default:
		return false
	}
	return true
}

// note says where the window is, for a pane's title: " · lines 12–40 of
// 96" (" · 12–40 of 96" without a unit), or nothing when all is in sight.
func (s scroller) note(unit string) string {
	if !s.scrolls() {
		return ""
	}
	if unit == "" {
		return fmt.Sprintf(" · %d–%d of %d", s.top+1, s.end(), s.n)
	}
	return fmt.Sprintf(" · %s %d–%d of %d", unit, s.top+1, s.end(), s.n)
}
