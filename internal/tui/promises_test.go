package tui

import (
	"counterpoint/internal/claims"
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/internal/sanitize"
)

// paneText is what a pane shows inside its frame, its lines joined by
// spaces and runs of spaces made one: text that wraps reads as it was.
func paneText(m Model, p pane) string {
	lines := strings.Split(screen(m), "\n")
	var b strings.Builder
	for y := p.Inner.Y; y < p.Inner.Y+p.Inner.H && y < len(lines); y++ {
		b.WriteString(ansi.Cut(lines[y], p.Inner.X, p.Inner.X+p.Inner.W))
		b.WriteByte(' ')
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// At 140×45 every claim of every speaker is shown whole in the claims pane,
// and every name in the speakers pane.
func TestClaimsAndNamesWholeWhenThereIsRoom(t *testing.T) {
	m := open(t, 140, 45)
	m = press(m, "g")
	for range m.order {
		text := paneText(m, m.lay.Claims) + " "
		var badges []string // they stand beside the first lines
		for _, c := range m.list {
			badges = append(badges, m.badge(c))
		}
		slices.SortFunc(badges, func(a, b string) int { return len(b) - len(a) })
		for _, b := range badges {
			text = strings.ReplaceAll(text, " "+b+" ", " ")
		}
		for _, c := range m.list {
			words := strings.Join(strings.Fields(sanitize.Line(oneLine(c))), " ")
			if !strings.Contains(text, words) {
				t.Errorf("%s: claim %s is not whole in its pane:\n%s", m.SelectedSpeaker().ID, c.ID, screen(m))
			}
		}
		if strings.Contains(text, "…") {
			t.Errorf("%s: a claim is cut:\n%s", m.SelectedSpeaker().ID, screen(m))
		}
		m = press(m, "right")
	}
}

// From 100 columns on, no speaker's name is cut.
func TestSpeakerNamesWholeFrom100Columns(t *testing.T) {
	m := open(t, 100, 24)
	for _, size := range [][2]int{{100, 24}, {100, 40}, {120, 30}, {140, 45}} {
		m = update(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		text := paneText(m, m.lay.Speakers)
		if strings.Contains(text, "…") {
			t.Errorf("%dx%d: a name is cut: %s", size[0], size[1], text)
		}
		for _, s := range m.order[:5] {
			if !strings.Contains(text, s.Name) {
				t.Errorf("%dx%d: %q is not whole: %s", size[0], size[1], s.Name, text)
			}
		}
	}
}

// A search hit shows the words that matched, highlighted, even in a row
// cut to one line: the line begins before them.
func TestSearchHitsShowTheWordsThatMatched(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {140, 45}} {
		m := press(open(t, size[0], size[1]), "/", "movie", "enter")
		if got := len(m.list); got != 3 {
			t.Fatalf("%dx%d: /movie finds %d claims, want 3", size[0], size[1], got)
		}
		match := m.styles.Ink.Match.paint("movie")
		frame := m.render()
		inSight := m.claimsEnd() - m.claimsTop
		if n := strings.Count(frame, match); n < inSight || inSight < 2 {
			t.Errorf("%dx%d: \"movie\" is highlighted %d times, want one a row at least:\n%s", size[0], size[1], n, screen(m))
		}
		// "movie again": the match lies past the cut of a one-line row.
		m = press(open(t, size[0], size[1]), "/", "movie again", "enter")
		frame = m.render()
		for _, w := range []string{"movie", "again"} {
			if !strings.Contains(frame, m.styles.Ink.Match.paint(w)) {
				t.Errorf("%dx%d: %q is not highlighted:\n%s", size[0], size[1], w, screen(m))
			}
		}
	}
}

// No pane is more than half empty while another is cut.
func TestSpareHeightGoesToWhatIsCut(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {100, 30}, {140, 45}} {
		m := open(t, size[0], size[1])
		for s := range m.order {
			for c := 0; c < 3; c++ {
				checkNoneHalfEmptyWhileCut(t, m, fmt.Sprintf("%dx%d, speaker %d, claim %d", size[0], size[1], s, c))
				m = press(m, "down")
			}
			m = press(m, "right")
		}
	}
}

func checkNoneHalfEmptyWhileCut(t *testing.T, m Model, where string) {
	t.Helper()
	type fill struct {
		name      string
		used, cap int
		cut       bool
	}
	claimsLines := 0
	for i := m.claimsTop; i < m.claimsEnd(); i++ {
		claimsLines += m.claimRows(i, m.lay.Claims.Inner.W, m.rowWhole(i))
	}
	fills := []fill{
		{"speakers", min(len(m.speakerRows()), m.lay.Speakers.Inner.H), m.lay.Speakers.Inner.H, m.speakersScroll.scrolls()},
		{"claims", min(claimsLines, m.lay.Claims.Inner.H), m.lay.Claims.Inner.H, !m.claimsWhole || claimsLines > m.lay.Claims.Inner.H},
		{"statement", min(len(m.cards[0].lines), m.lay.Statement.Inner.H), m.lay.Statement.Inner.H, m.cardScroll[0].scrolls()},
		{"answer", min(len(m.cards[1].lines), m.lay.Answer.Inner.H), m.lay.Answer.Inner.H, m.cardScroll[1].scrolls()},
	}
	// The band's two panes share a height, as do the two cards: one of a
	// pair may be short when its neighbour needs the height.
	pairFull := func(a, b fill) bool { return 2*max(a.used, b.used) >= a.cap }
	var cut []string
	for _, f := range fills {
		if f.cut {
			cut = append(cut, f.name)
		}
	}
	if len(cut) == 0 {
		return
	}
	if !pairFull(fills[0], fills[1]) || !pairFull(fills[2], fills[3]) {
		t.Errorf("%s: %v cut, while a pair of panes is more than half empty: %+v\n%s", where, cut, fills, screen(m))
	}
}

// Focus is on the speakers at start; pgdn, space and end do not change the
// speaker, and the key the answer pane names to show more does it.
func TestPagingNeverChangesTheSpeaker(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 45}} {
		m := open(t, size[0], size[1])
		for _, k := range []string{"pgdown", "space", "end", "pgup", "home", "pgdown"} {
			m = press(m, k)
			if got := m.SelectedSpeaker().ID; got != "lynton" {
				t.Errorf("%dx%d: %s changed the speaker to %s", size[0], size[1], k, got)
			}
		}
	}
	m := open(t, 80, 24)
	s := screen(m)
	if !strings.Contains(s, "↓ more: tab ×3, then pgdn") {
		t.Fatalf("the answer pane does not say how to see more:\n%s", s)
	}
	before := paneText(m, m.lay.Answer)
	m = press(m, "tab", "tab", "tab")
	if !strings.Contains(screen(m), "↓ more: pgdn or the wheel") {
		t.Errorf("focused, the hint does not say pgdn:\n%s", screen(m))
	}
	m = press(m, "pgdown")
	if after := paneText(m, m.lay.Answer); after == before || m.SelectedSpeaker().ID != "lynton" {
		t.Errorf("tab ×3 then pgdn did not scroll the answer:\n%s", screen(m))
	}
}

// In the help, pgdn, space and end scroll, and ↑ works at once after any
// number of ↓.
func TestHelpScrollsWithEveryKeyItNames(t *testing.T) {
	m := press(open(t, 80, 24), "?")
	top := screen(m)
	for _, k := range []string{"pgdown", "space", "end"} {
		got := press(m, k)
		if screen(got) == top {
			t.Errorf("%s does not scroll the help", k)
		}
	}
	down := m
	for range 60 {
		down = press(down, "down")
	}
	bottom := screen(down)
	if up := press(down, "up"); screen(up) == bottom {
		t.Errorf("after 60 ↓, ↑ does nothing:\n%s", bottom)
	}
	if !strings.Contains(top, "scroll the focused pane up") || !strings.Contains(screen(press(m, "end")), "Badges") {
		t.Errorf("the help does not list what it scrolls to")
	}
}

// Without colour, the focused pane is still told apart: tab changes the
// screen.
func TestFocusShowsWithoutColour(t *testing.T) {
	m := open(t, 80, 24)
	prev := screen(m)
	for range 4 {
		m = press(m, "tab")
		s := screen(m)
		if s == prev {
			t.Fatalf("tab to %v changes nothing on a screen without colour:\n%s", m.Focused(), s)
		}
		prev = s
	}
}

// Search matches whole words, the last word as a prefix while it is
// typed; the header counts the speakers who said the claims; highlighting
// marks what matched.
func TestSearchMatchesWordsAndHighlightsThem(t *testing.T) {
	m := press(open(t, 140, 45), "/", "again")
	if got := len(m.list); got != 4 {
		t.Errorf("while typing \"again\": %d claims, want 4 (again, against)", got)
	}
	m = press(m, "enter")
	if got := claimIDs(m.list); got != "lynton-not-caved" {
		t.Errorf("kept \"again\": %s, want only the claim with the word", got)
	}
	m = press(open(t, 140, 45), "/", "proposal", "enter")
	if s := screen(m); !strings.Contains(s, "Search · 2 claims · 1 speaker") {
		t.Errorf("KCNA relaying North Korea counted as a speaker:\n%s", s)
	}
	m = press(open(t, 140, 45), "/", "dont", "enter")
	if got := len(m.list); got != 2 {
		t.Fatalf("/dont: %d claims, want 2", got)
	}
	frame := m.render()
	for _, w := range []string{"don’t", "don't"} {
		if !strings.Contains(frame, m.styles.Ink.Match.paint(w)) {
			t.Errorf("/dont does not highlight %q:\n%s", w, screen(m))
		}
	}
}

// A message that changes nothing shown draws no new frame: the terminal's
// answers at start (modes, keyboard, a dark background already assumed).
func TestAnswersFromTheTerminalDrawNothing(t *testing.T) {
	m := open(t, 80, 24)
	first := m.View()
	f := m.frame
	for _, msg := range []tea.Msg{
		tea.ModeReportMsg{Mode: ansi.ModeSynchronizedOutput, Value: ansi.ModeReset},
		tea.KeyboardEnhancementsMsg{},
		tea.BackgroundColorMsg{Color: ansiBlack{}},
		tea.WindowSizeMsg{Width: 80, Height: 24},
	} {
		m = update(m, msg)
		if m.frame != f || !m.frame.drawn {
			t.Errorf("%T asks for a new frame", msg)
		}
	}
	if m.View().Content != first.Content {
		t.Error("the frame changed")
	}
	if m = press(m, "down"); m.frame == f {
		t.Error("a key that moves the selection keeps the old frame")
	}
}

// The key that quits leaves nothing for Bubble Tea to draw on the way out
// (it draws the last view once more as it closes, whatever changed, into
// the alternate screen it then leaves), and the terminal's modes as they
// were, so that closing changes none of them.
func TestQuittingDrawsNothing(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := open(t, 80, 24)
		shown := m.View()
		m = press(m, k)
		v := m.View()
		if v.Content != "" {
			t.Errorf("%s: the view on the way out is a frame of %d bytes", k, len(v.Content))
		}
		if v.AltScreen != shown.AltScreen || v.MouseMode != shown.MouseMode || v.WindowTitle != shown.WindowTitle {
			t.Errorf("%s: the view on the way out changes the terminal's modes: %+v, was %+v", k, v, shown)
		}
		// A key that arrives before Bubble Tea has left changes nothing:
		// the picker opened after "q" was neither laid out nor drawn.
		if m = press(m, "t"); m.view != panesView || m.View().Content != "" {
			t.Errorf("%s, then t: the view is %v, with %d bytes drawn", k, m.view, len(m.View().Content))
		}
	}
}

// ansiBlack is a dark background colour.
type ansiBlack struct{}

func (ansiBlack) RGBA() (r, g, b, a uint32) { return 0, 0, 0, 0xffff }

// A claim's row is cut to one line only when the lines left in the pane
// could not hold it whole.
func TestRowsCutOnlyForWantOfRoom(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {100, 30}, {120, 34}} {
		m := open(t, size[0], size[1])
		for range m.order {
			for range 3 {
				in := m.lay.Claims.Inner
				used := 0
				for i := m.claimsTop; i < m.claimsEnd(); i++ {
					used += m.claimRows(i, in.W, m.rowWhole(i))
				}
				for i := m.claimsTop; i < m.claimsEnd(); i++ {
					if extra := m.claimRows(i, in.W, true) - 1; !m.rowWhole(i) && extra <= in.H-used {
						t.Errorf("%dx%d: %s cut to one line with %d lines to spare:\n%s", size[0], size[1], m.list[i].ID, in.H-used, screen(m))
					}
				}
				m = press(m, "down")
			}
			m = press(m, "right")
		}
	}
}

// The speakers pane counts speakers in its title, not the "others" row
// between them: nine speakers, five in sight, then four of them and the "others" row.
func TestSpeakersTitleCountsSpeakers(t *testing.T) {
	m := open(t, 80, 24)
	if s := screen(m); !strings.Contains(s, "Speakers · 1–5 of 9 ") {
		t.Errorf("at start:\n%s", s)
	}
	m = press(m, "pgdown")
	if s := screen(m); !strings.Contains(s, "Speakers · 5–8 of 9 ") {
		t.Errorf("after pgdn:\n%s", s)
	}
}

// A notice in the Statement pane wraps like a statement: at 80×24, with a
// filter that leaves Lynton nothing, the whole sentence shows.
func TestEmptyStatementNoticeWraps(t *testing.T) {
	cm := bundled(t)
	m := update(New(cm, Options{Speaker: cm.Speaker("lynton"), Topics: []*claims.Topic{cm.Topic("us-response")}}), tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.Selected() != nil {
		t.Fatalf("Lynton has %s under the US response", m.Selected().ID)
	}
	s := screen(m)
	for _, want := range []string{"Nothing by Michael Lynton under this", "filter. Esc clears it."} {
		if !strings.Contains(s, want) {
			t.Errorf("the Statement pane lacks %q:\n%s", want, s)
		}
	}
}
