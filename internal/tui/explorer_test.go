package tui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/internal/claims"
)

func claimIDs(cs []*claims.Claim) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return strings.Join(ids, " ")
}

func TestSpeakersPrincipalFirstWithCounts(t *testing.T) {
	m := open(t, 80, 24)
	var got []string
	for i, s := range m.order {
		got = append(got, fmt.Sprintf("%s=%d", s.ID, m.counts[i]))
	}
	want := "lynton=8 obama=5 white-house-official=1 north-korea=8 kcna=1 mccain=1 james-lewis=1 hackers=2 unattributed=1"
	if strings.Join(got, " ") != want {
		t.Errorf("speakers:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if m.split != 5 {
		t.Errorf("others begin at %d, want 5 (after KCNA, which relays North Korea)", m.split)
	}
	// At 80×24 the speakers pane shows five rows of ten; a wide one shows all.
	if s := screen(open(t, 140, 45)); !strings.Contains(s, "── others ──") || !strings.Contains(s, "KCNA (relays)        1") {
		t.Errorf("speakers pane:\n%s", s)
	}
	// On the showcase: Lynton's first claim that something answers.
	if m.SelectedSpeaker().ID != "lynton" || m.Selected().ID != "lynton-reached-out" {
		t.Errorf("opens on %s / %s", m.SelectedSpeaker().ID, m.Selected().ID)
	}
}

func TestArrowsAndVimKeysMoveTheSelection(t *testing.T) {
	for _, keys := range [][]string{{"down", "down", "right"}, {"j", "j", "l"}} {
		m := open(t, 80, 24)
		m = press(m, keys[0], keys[1])
		if m.Selected().ID != "lynton-not-caved" {
			t.Errorf("%v: after two downs: %s", keys, m.Selected().ID)
		}
		m = press(m, keys[2])
		if m.SelectedSpeaker().ID != "obama" || m.Selected().ID != "obama-mistake" {
			t.Errorf("%v: next speaker: %s / %s", keys, m.SelectedSpeaker().ID, m.Selected().ID)
		}
		if got := claimIDs(m.list); got != "obama-mistake obama-talked-to-me-first obama-dismisses-consultation obama-contact-about-hack obama-proportional-response" {
			t.Errorf("Obama's claims in article order: %s", got)
		}
	}
	m := open(t, 80, 24)
	m = press(m, "left", "up", "k", "h")
	if m.SelectedSpeaker().ID != "lynton" || m.Selected().ID != "lynton-not-caved-in" {
		t.Errorf("moving before the first stays put: %s / %s", m.SelectedSpeaker().ID, m.Selected().ID)
	}
	m = press(m, "G")
	if m.Selected().ID != "lynton-disappointed" {
		t.Errorf("G: %s", m.Selected().ID)
	}
	m = press(m, "g")
	if m.Selected().ID != "lynton-not-caved-in" {
		t.Errorf("g: %s", m.Selected().ID)
	}
}

func TestKCNAListsWhatItRelays(t *testing.T) {
	m := open(t, 80, 24)
	m = press(m, "right", "right", "right", "right")
	if m.SelectedSpeaker().ID != "kcna" {
		t.Fatalf("selected %s", m.SelectedSpeaker().ID)
	}
	if got := claimIDs(m.list); got != "nk-no-tortures" {
		t.Errorf("KCNA relays: %s", got)
	}
	s := screen(m)
	for _, want := range []string{"KCNA · relays 1 claim", "NORTH KOREA", "via KCNA"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
}

func TestBadgesSayHowAClaimStands(t *testing.T) {
	m := open(t, 80, 24)
	cases := map[string]string{
		"lynton-reached-out":                  "re ¶6 · 2 answers",   // answers Obama; answered by Obama's one reply (¶16, ¶17) and the official
		"lynton-not-caved-in":                 "re ¶6+ · unanswered", // its statement (¶5, ¶9, ¶11) answers Obama and the hackers
		"obama-mistake":                       "4 answers",           // ¶5 and ¶9 are one statement: one answer
		"obama-proportional-response":         "2 answers",
		"mccain-act-of-war":                   "1 answer",
		"white-house-categorically-incorrect": "re ¶7+ · unanswered", // answers Lynton and Obama
		"nk-demands-joint-inquiry":            "re ¶20 · unanswered", // one report of the statement that answers Obama
	}
	for id, want := range cases {
		if got := m.badge(m.cm.Claim(id)); got != want {
			t.Errorf("badge(%s) = %q, want %q", id, got, want)
		}
	}
}

func TestComparisonStepsThroughAnswersAndWhatItAnswers(t *testing.T) {
	m := selectClaim(t, open(t, 140, 45), "lynton-reached-out")
	var seen []string
	for range 5 {
		ls := m.links()
		l := ls[m.link]
		seen = append(seen, fmt.Sprintf("%v:%s:%s", l.incoming, l.rel.Kind, l.other().ID))
		m = press(m, "]")
	}
	want := []string{
		"true:denies:obama-dismisses-consultation",
		"true:qualifies:white-house-categorically-incorrect",
		"false:contradicts:obama-talked-to-me-first",
		"false:contradicts:obama-talked-to-me-first", // ] at the last answer stays
		"false:contradicts:obama-talked-to-me-first",
	}
	if !slices.Equal(seen, want) {
		t.Errorf("answers stepped:\n got %q\nwant %q", seen, want)
	}
	s := screen(m)
	for _, w := range []string{"What it answers · 1 of 1", "This statement contradicts Barack Obama",
		"states the opposite fact · explicit reply", "“I did reach out to senior folks at the White House."} {
		if !strings.Contains(s, w) {
			t.Errorf("screen lacks %q:\n%s", w, s)
		}
	}
	m = press(m, "[")
	if s := screen(m); !strings.Contains(s, "Answered by · 2 of 2") || !strings.Contains(s, "White House official qualifies this statement") {
		t.Errorf("after [ [:\n%s", s)
	}
}

func TestFollowBackAndForward(t *testing.T) {
	m := selectClaim(t, open(t, 80, 24), "lynton-reached-out")
	m = press(m, "]") // the White House official's qualification
	m = press(m, "enter")
	if m.Selected().ID != "white-house-categorically-incorrect" || m.SelectedSpeaker().ID != "white-house-official" {
		t.Fatalf("follow: %s / %s", m.SelectedSpeaker().ID, m.Selected().ID)
	}
	m = press(m, "enter") // its first link: it qualifies Lynton
	if m.Selected().ID != "lynton-reached-out" {
		t.Fatalf("follow again: %s", m.Selected().ID)
	}
	m = press(m, "backspace")
	if m.Selected().ID != "white-house-categorically-incorrect" {
		t.Errorf("back: %s", m.Selected().ID)
	}
	m = press(m, "b")
	if m.Selected().ID != "lynton-reached-out" || m.link != 1 {
		t.Errorf("back to the start: %s, answer %d (want the second answer shown again)", m.Selected().ID, m.link)
	}
	m = press(m, "f")
	if m.Selected().ID != "white-house-categorically-incorrect" {
		t.Errorf("forward: %s", m.Selected().ID)
	}
	m = press(m, "f", "f")
	if m.Selected().ID != "lynton-reached-out" || len(m.fwd) != 0 {
		t.Errorf("forward to the end: %s, %d ahead", m.Selected().ID, len(m.fwd))
	}
}

func TestFollowOutOfTheFilterClearsIt(t *testing.T) {
	cm := bundled(t)
	// North Korea's word that it would not attack cinema audiences answers
	// the hackers' threats, and is about threats too.
	m := update(New(cm, Options{Speaker: cm.Speaker("hackers"), Topics: []*claims.Topic{cm.Topic("threats")}}), tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.Selected().ID != "hackers-threats-of-violence" {
		t.Fatalf("opens on %s", m.Selected().ID)
	}
	m = press(m, "enter")
	if m.Selected().ID != "nk-never-tolerate" || len(m.filter.Topics) != 1 || m.status != "" {
		t.Errorf("follow within the filter: %s, filter %v, status %q", m.Selected().ID, m.filter.Topics, m.status)
	}
	opt := Options{Speaker: cm.Speaker("obama"), Topics: []*claims.Topic{cm.Topic("who-did-it")}}
	m = open(t, 80, 24, opt)
	if m.Selected().ID != "obama-proportional-response" {
		t.Fatalf("opens on %s", m.Selected().ID)
	}
	// The first answer, James Lewis's, is only about the US response:
	// following it clears the filter, and says so.
	m = press(m, "enter")
	if m.Selected().ID != "lewis-covert-options" || m.SelectedSpeaker().ID != "james-lewis" {
		t.Errorf("follow out of the filter: %s / %s", m.SelectedSpeaker().ID, m.Selected().ID)
	}
	if m.filtered() {
		t.Errorf("filter kept: %v", m.filter)
	}
	if !strings.Contains(screen(m), "filter cleared to show that claim") {
		t.Errorf("no word of the cleared filter:\n%s", screen(m))
	}
}

func TestTopicPickerFiltersEveryPane(t *testing.T) {
	m := open(t, 80, 24)
	m = press(m, "t")
	if m.view != topicsView {
		t.Fatal("t does not open the picker")
	}
	m = press(m, "down", "down", "space") // row 2: white house consulted?
	if got := m.topicSummary(); got != "white house consulted?" {
		t.Errorf("topics: %q", got)
	}
	want := "lynton=2 obama=3 white-house-official=1 north-korea=0 kcna=0 mccain=0 james-lewis=0 hackers=0 unattributed=0"
	var got []string
	for i, s := range m.order {
		got = append(got, fmt.Sprintf("%s=%d", s.ID, m.counts[i]))
	}
	if strings.Join(got, " ") != want {
		t.Errorf("counts:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if ids := claimIDs(m.list); ids != "lynton-reached-out lynton-sequence-of-events" {
		t.Errorf("Lynton under the filter: %s", ids)
	}
	m = press(m, "down", "down", "down", "x") // row 5: joint inquiry, as well
	if got := m.topicSummary(); got != "white house consulted?, joint inquiry" {
		t.Errorf("topics: %q", got)
	}
	if m.counts[3] != 6 {
		t.Errorf("North Korea under either topic: %d, want 6", m.counts[3])
	}
	m = press(m, "enter")
	if m.view != panesView {
		t.Fatal("enter does not close the picker")
	}
	s := screen(m)
	if !strings.Contains(s, "topics: white house consulted?, joint inquiry · 12 claims · esc clears") {
		t.Errorf("filter line:\n%s", s)
	}
	// Dimmed, not hidden: McCain is still listed with 0.
	if !strings.Contains(s, "John McCain") && !strings.Contains(s, "Speakers · 1–") {
		t.Errorf("speakers pane:\n%s", s)
	}
	m = press(m, "esc")
	if m.filtered() || m.counts[0] != 8 {
		t.Errorf("esc leaves filter %v, counts %v", m.filter, m.counts)
	}
	m = press(m, "t", "down", "space", "a")
	if m.filtered() {
		t.Error("a in the picker does not clear the topics")
	}
}

func TestSpeakerWithNothingUnderTheFilterIsDimmedNotHidden(t *testing.T) {
	cm := bundled(t)
	m := open(t, 140, 45, Options{Topics: []*claims.Topic{cm.Topic("joint-inquiry")}})
	if m.SelectedSpeaker().ID != "north-korea" {
		t.Errorf("opens on the first speaker with a claim under the filter, got %s", m.SelectedSpeaker().ID)
	}
	if !strings.Contains(screen(m), "John McCain          0") {
		t.Errorf("McCain is not listed with 0:\n%s", screen(m))
	}
	if faint := m.styles.Faint.Render("  John McCain          0 "); !strings.Contains(m.render(), faint) {
		t.Errorf("McCain's row is not dimmed")
	}
	if plain := "  North Korea          6 "; !strings.Contains(m.render(), m.styles.Marker.Render("▌")+m.styles.Selected.Render(" North Korea          6 ")) {
		t.Errorf("North Korea's row is not the selected one (%q)", plain)
	}
	m = press(m, "left", "left", "left")
	if m.SelectedSpeaker().ID != "lynton" || len(m.list) != 0 {
		t.Errorf("Lynton under joint-inquiry: %s, %d claims", m.SelectedSpeaker().ID, len(m.list))
	}
	if s := screen(m); !strings.Contains(s, "Nothing by Michael Lynton under this filter. Esc clears it.") {
		t.Errorf("empty pane:\n%s", s)
	}
}

func TestSearchAcrossSpeakersHighlightsMatches(t *testing.T) {
	m := open(t, 140, 45)
	m = press(m, "/", "white house")
	if !m.searching {
		t.Fatal("/ does not start a search")
	}
	want := claimIDs(m.cm.Select(claims.Filter{Search: "white house"}))
	if got := claimIDs(m.list); got != want || len(m.list) < 3 {
		t.Errorf("results: %s, want %s", got, want)
	}
	speakers := map[string]bool{}
	for _, c := range m.list {
		speakers[c.Speaker.ID] = true
	}
	if len(speakers) < 3 {
		t.Errorf("results from %d speakers; the words are said by Lynton, Obama and the White House", len(speakers))
	}
	for _, c := range m.list {
		if !strings.Contains(strings.ToLower(c.Text+" "+c.Summary), "white") {
			t.Errorf("result %s does not hold the words", c.ID)
		}
	}
	n := len(m.list)
	m = press(m, "enter")
	if m.searching || len(m.list) != n || m.Focused() != FocusClaims {
		t.Errorf("enter keeps the search: searching=%v, %d results, focus %v", m.searching, len(m.list), m.Focused())
	}
	frame := m.render()
	if !strings.Contains(frame, m.styles.Ink.Match.paint("White")) && !strings.Contains(frame, m.styles.Ink.Match.paint("white")) {
		t.Errorf("matches are not highlighted")
	}
	s := screen(m)
	if !strings.Contains(s, "search: white house · topics: [all] · ") {
		t.Errorf("filter line:\n%s", s)
	}
	// Moving through results moves the speaker with them.
	m = press(m, "G")
	if last := m.list[len(m.list)-1]; m.SelectedSpeaker() != last.Speaker {
		t.Errorf("speaker %s for %s", m.SelectedSpeaker().ID, last.ID)
	}
	m = press(m, "esc")
	if m.filtered() || m.searchMode() {
		t.Error("esc does not clear the search")
	}
	m = press(m, "/", "caved", "esc")
	if m.filtered() || m.searching {
		t.Error("esc while typing does not cancel the search")
	}
	m = press(m, "/", "zzzz", "enter")
	if s := screen(m); len(m.list) != 0 || !strings.Contains(s, "No claim holds every word searched for.") {
		t.Errorf("no results:\n%s", s)
	}
}

func TestContextShowsThePassageAndGoesBack(t *testing.T) {
	m := selectClaim(t, open(t, 80, 24), "lynton-reached-out")
	m = press(m, "c")
	if m.view != articleView {
		t.Fatal("c does not open the article")
	}
	c := m.cm.Claim("lynton-reached-out")
	sp := m.article.src.get(m.cm).spans[c.Index]
	if got := m.article.src.get(m.cm).text[sp.start:sp.end]; got != c.Passage() {
		t.Errorf("passage in the drawn article: %q", got)
	}
	s := screen(m)
	if !strings.Contains(s, "Article · ¶7 · Michael Lynton") || !strings.Contains(s, "¶7   ▌But in direct contradiction") {
		t.Errorf("article:\n%s", s)
	}
	frame := m.render()
	if !strings.Contains(frame, m.styles.Passage.Render("I did")) {
		t.Errorf("the passage is not highlighted")
	}
	m = press(m, "n")
	if got := m.cm.Claims[m.article.cur].ID; got != "lynton-sequence-of-events" {
		t.Errorf("n: %s", got)
	}
	m = press(m, "p", "p")
	if got := m.cm.Claims[m.article.cur].ID; got != "obama-talked-to-me-first" {
		t.Errorf("p p: %s", got)
	}
	m = press(m, "enter")
	if m.view != panesView || m.Selected().ID != "obama-talked-to-me-first" {
		t.Errorf("enter: view %v, %s", m.view, m.Selected().ID)
	}
	m = press(m, "backspace")
	if m.Selected().ID != "lynton-reached-out" {
		t.Errorf("back from the article's jump: %s", m.Selected().ID)
	}
	m = press(m, "c", "esc")
	if m.view != panesView || m.Selected().ID != "lynton-reached-out" {
		t.Error("esc does not close the article")
	}
}

func TestExchangeIsOneThreadInArticleOrder(t *testing.T) {
	m := selectClaim(t, open(t, 140, 45), "lynton-reached-out")
	m = press(m, "x")
	if m.view != exchangeView {
		t.Fatal("x does not open the exchange")
	}
	// Obama's one reply (¶16, ¶17) is one statement of the exchange.
	if got := claimIDs(m.exchange.ex.Claims); got != "obama-talked-to-me-first lynton-reached-out obama-dismisses-consultation white-house-categorically-incorrect" {
		t.Errorf("exchange: %s", got)
	}
	s := screen(m)
	for _, w := range []string{
		"Exchange · 4 statements · 4 answers",
		"¶6  Barack Obama · opens",
		"▸ ¶7  Michael Lynton contradicts Barack Obama (¶6) · explicit reply",
		"¶16 Barack Obama denies Michael Lynton (¶7) · explicit reply",
		"also reported in ¶17",
		"¶18 White House official qualifies Michael Lynton (¶7) · inferred by",
		"White House official supports Barack Obama (¶16) · inferred by the annotator",
	} {
		if !strings.Contains(s, w) {
			t.Errorf("thread lacks %q:\n%s", w, s)
		}
	}
	m = press(m, "down", "down", "enter")
	if m.view != panesView || m.Selected().ID != "white-house-categorically-incorrect" {
		t.Errorf("enter in the thread: %v %s", m.view, m.Selected().ID)
	}
}

func TestCopyPutsTheAttributedQuoteOnTheClipboard(t *testing.T) {
	m := selectClaim(t, open(t, 80, 24), "lynton-reached-out")
	next, cmd := m.Update(keyMsg("y"))
	m = next.(Model)
	if cmd == nil {
		t.Fatal("y gives no command")
	}
	want := "“I did reach out to senior folks at the White House. The White House was certainly aware of the situation.” — Michael Lynton"
	if got := citation(m.Selected()); got != want {
		t.Errorf("citation:\n got %s\nwant %s", got, want)
	}
	if got := fmt.Sprint(cmd()); !strings.Contains(got, "I did reach out") {
		t.Errorf("clipboard message %q", got)
	}
	if !strings.Contains(screen(m), "copied: “I did reach out") {
		t.Errorf("no word that it was copied:\n%s", screen(m))
	}
	m = selectClaim(t, m, "obama-contact-about-hack")
	if got := citation(m.Selected()); got != "(paraphrase) The studio had been in contact about the fact it was being hacked but did not mention cancelling the film. — Barack Obama, CNN interview" {
		t.Errorf("paraphrase citation: %s", got)
	}
	m = selectClaim(t, m, "nk-no-tortures")
	if got := citation(m.Selected()); !strings.HasSuffix(got, "— North Korea, via KCNA") {
		t.Errorf("relayed citation: %s", got)
	}
}

func TestTabMovesFocusAndPagingScrollsTheFocusedPane(t *testing.T) {
	m := open(t, 80, 24)
	for _, want := range []Focus{FocusClaims, FocusStatement, FocusAnswer, FocusSpeakers} {
		m = press(m, "tab")
		if m.Focused() != want {
			t.Fatalf("tab: focus %v, want %v", m.Focused(), want)
		}
	}
	m = press(m, "shift+tab")
	if m.Focused() != FocusAnswer {
		t.Errorf("shift+tab: %v", m.Focused())
	}
	// lynton-reached-out's first answer is longer than its pane at 80x24.
	m = press(m, "pgdown")
	if m.cardScroll[1].top == 0 {
		t.Errorf("pgdn in the focused answer did not scroll it")
	}
	if s := screen(m); !strings.Contains(s, "Answered by · 1 of 2 · 12–23 of 23") {
		t.Errorf("scrolled card:\n%s", s)
	}
	m = press(m, "pgup")
	if m.cardScroll[1].top != 0 {
		t.Errorf("pgup: %d", m.cardScroll[1].top)
	}
}

func TestMouseSelectsAndScrolls(t *testing.T) {
	m := open(t, 80, 24)
	l := m.lay
	click := func(m Model, x, y int) Model {
		return update(m, tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	}
	m = click(m, l.Speakers.Inner.X+3, l.Speakers.Inner.Y+1) // second row: Obama
	if m.SelectedSpeaker().ID != "obama" || m.Focused() != FocusSpeakers {
		t.Errorf("click on Obama: %s, focus %v", m.SelectedSpeaker().ID, m.Focused())
	}
	l = m.lay
	m = click(m, l.Claims.Inner.X+5, l.Claims.Inner.Y+claimLine(m, 2)) // third claim
	if m.Selected().ID != "obama-dismisses-consultation" || m.Focused() != FocusClaims {
		t.Errorf("click on a claim: %s", m.Selected().ID)
	}
	l = m.lay
	m = update(m, tea.MouseWheelMsg{X: l.Claims.Inner.X + 5, Y: l.Claims.Inner.Y + 1, Button: tea.MouseWheelDown})
	if m.Selected().ID != "obama-contact-about-hack" {
		t.Errorf("wheel over the claims: %s", m.Selected().ID)
	}
	m = click(m, 10, 1) // the filter line opens the topics
	if m.view != topicsView {
		t.Errorf("click on the filter line: view %v", m.view)
	}
	m = click(m, m.lay.Picker.Inner.X+3, m.lay.Picker.Inner.Y+6) // row 6: the US response
	if got := m.topicSummary(); got != "the US response" {
		t.Errorf("click in the picker: %q", got)
	}
}

func TestHelpShowsOnlyWorkingKeysAndQuestionMarkShowsAll(t *testing.T) {
	m := open(t, 140, 45)
	keys := ansiStripLast(m)
	if strings.Contains(keys, "back") || strings.Contains(keys, "forward") {
		t.Errorf("back/forward shown with no history: %s", keys)
	}
	if !strings.Contains(keys, "? more keys") || !strings.Contains(keys, "q quit") {
		t.Errorf("key line: %s", keys)
	}
	m = press(m, "enter")
	if keys := ansiStripLast(m); !strings.Contains(keys, "⌫/b back") {
		t.Errorf("after a follow, back is not offered: %s", keys)
	}
	m = press(m, "/")
	if keys := ansiStripLast(m); keys != " enter keep search • esc cancel" {
		t.Errorf("while typing: %q", keys)
	}
	m = press(m, "esc", "?")
	s := screen(m)
	for _, w := range []string{"Keys · esc or ? closes", "follow the answer shown", "pick topics to filter by", "2 answers  two statements answer this one"} {
		if !strings.Contains(s, w) {
			t.Errorf("full help lacks %q:\n%s", w, s)
		}
	}
	m = press(m, "?")
	if m.view != panesView {
		t.Error("? does not close the help")
	}
}

var lightGrey = color.RGBA{0xee, 0xee, 0xee, 0xff}

func ansiStripFrame(s string) string { return ansi.Strip(s) }

func ansiStripLast(m Model) string {
	lines := strings.Split(screen(m), "\n")
	return strings.TrimRight(lines[len(lines)-1], " ")
}

func TestQuitAndTooSmall(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := open(t, 80, 24).Update(keyMsg(k))
		if cmd == nil || fmt.Sprintf("%T", cmd()) != "tea.QuitMsg" {
			t.Errorf("%s does not quit", k)
		}
	}
	m := open(t, 59, 30)
	if s := screen(m); !strings.HasPrefix(s, "The terminal is 59×30; counterpoint needs at least 60×16.") {
		t.Errorf("too small:\n%s", s)
	}
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil {
		t.Error("q does not quit a too-small window")
	}
	m = press(m, "right", "t", "/")
	m = update(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.view != panesView || m.searching || m.SelectedSpeaker().ID != "lynton" {
		t.Errorf("keys pressed while too small acted: view %v, searching %v, %s", m.view, m.searching, m.SelectedSpeaker().ID)
	}
}

func TestBackgroundAnswerRestyles(t *testing.T) {
	m := open(t, 80, 24)
	if !m.styles.isDark {
		t.Fatal("the first frame should use dark styles until the terminal answers")
	}
	dark := m.render()
	m = update(m, tea.BackgroundColorMsg{Color: lightGrey})
	if m.styles.isDark {
		t.Fatal("a light background did not restyle")
	}
	if m.render() == dark {
		t.Error("the frame did not change with the background")
	}
	if m.help.Styles.ShortKey.GetForeground() != m.styles.Help.ShortKey.GetForeground() {
		t.Error("the help bubble kept its old styles")
	}
	if ansiStripFrame(m.render()) != ansiStripFrame(dark) {
		t.Error("restyling changed the text")
	}

	// The exchange is drawn once when it opens: a new background, or a new
	// width, draws it again, as opening it afresh would.
	m = press(open(t, 80, 24), "x")
	m = update(m, tea.BackgroundColorMsg{Color: lightGrey})
	fresh := press(update(open(t, 80, 24), tea.BackgroundColorMsg{Color: lightGrey}), "x")
	if got, want := m.render(), fresh.render(); got != want {
		t.Errorf("the exchange after a restyle:\n%s\nopened afresh:\n%s", got, want)
	}
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	fresh = press(update(fresh, tea.WindowSizeMsg{Width: 100, Height: 30}), "esc", "x")
	if got, want := m.render(), fresh.render(); got != want {
		t.Errorf("the exchange after a resize:\n%s\nopened afresh:\n%s", got, want)
	}
}

func TestOptionsSelectSpeakerAndTopics(t *testing.T) {
	cm := bundled(t)
	m := open(t, 80, 24, Options{Speaker: cm.Speaker("obama"), Topics: []*claims.Topic{cm.Topic("us-response")}})
	if m.SelectedSpeaker().ID != "obama" || m.Selected().ID != "obama-proportional-response" {
		t.Errorf("options: %s / %v", m.SelectedSpeaker().ID, m.Selected())
	}
}

func TestViewSetsTerminalModes(t *testing.T) {
	v := open(t, 80, 24).View()
	if !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion {
		t.Errorf("view modes: alt %v mouse %v", v.AltScreen, v.MouseMode)
	}
	if v.WindowTitle != "counterpoint — North Korea demands joint inquiry with US into Sony hacking scandal" {
		t.Errorf("title %q", v.WindowTitle)
	}
}

func TestTheKeyThatOpensAViewClosesIt(t *testing.T) {
	for _, k := range []string{"t", "x", "c", "?"} {
		m := press(open(t, 80, 24), k)
		if m.view == panesView {
			t.Fatalf("%s opens nothing", k)
		}
		if m = press(m, k); m.view != panesView {
			t.Errorf("%s does not close what it opened", k)
		}
	}
}

func TestResizeKeepsThePassageInSight(t *testing.T) {
	m := selectClaim(t, open(t, 140, 45), "lynton-disappointed")
	m = press(m, "c")
	for _, size := range [][2]int{{60, 16}, {80, 24}, {200, 60}} {
		m = update(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if !strings.Contains(screen(m), "▌") {
			t.Errorf("%dx%d: the highlighted passage is out of sight:\n%s", size[0], size[1], screen(m))
		}
	}
}

func TestClicksInTheArticleAndTheExchange(t *testing.T) {
	m := selectClaim(t, open(t, 80, 24), "lynton-reached-out")
	m = press(m, "c")
	b := m.lay.Body
	// Find the screen row of another passage: the line where Lynton's next
	// claim, "I don't know exactly…", begins.
	next := m.cm.Claim("lynton-sequence-of-events")
	row := m.lineOf(m.article.src.get(m.cm).spans[next.Index].start) - m.article.scroll.top
	if row < 0 || row >= b.Inner.H {
		t.Fatalf("the next passage is off screen (row %d)", row)
	}
	click := tea.MouseClickMsg{X: b.Inner.X + 10, Y: b.Inner.Y + row, Button: tea.MouseLeft}
	m = update(m, click)
	if got := m.cm.Claims[m.article.cur]; got != next || m.view != articleView {
		t.Fatalf("first click: highlighted %s, view %v", got.ID, m.view)
	}
	m = update(m, click)
	if m.view != panesView || m.Selected() != next {
		t.Errorf("second click: view %v, selected %v", m.view, m.Selected().ID)
	}

	m = press(selectClaim(t, m, "lynton-reached-out"), "x")
	starts := m.exchange.starts
	click = tea.MouseClickMsg{X: 5, Y: m.lay.Body.Inner.Y + starts[2] - m.exchange.scroll.top, Button: tea.MouseLeft}
	m = update(m, click)
	if m.exchange.cur != 2 || m.view != exchangeView {
		t.Fatalf("first click in the exchange: step %d, view %v", m.exchange.cur, m.view)
	}
	m = update(m, click)
	if m.view != panesView || m.Selected().ID != "obama-dismisses-consultation" {
		t.Errorf("second click in the exchange: view %v, %s", m.view, m.Selected().ID)
	}
}

// The search narrows the previous hits while letters are added; at every
// step, typing and deleting, with and without a topic, what the panes show
// is what a fresh search over every claim finds.
func TestSearchAsYouTypeMatchesAFreshSearch(t *testing.T) {
	for _, topic := range []bool{false, true} {
		m := open(t, 120, 40)
		if topic {
			m = press(m, "t", "down", "space", "esc")
		}
		m = press(m, "/")
		for i, k := range strings.Split("t,h,e, ,w,h,i,backspace,backspace,h,i,t,e, ,x,backspace,backspace,backspace", ",") {
			m = press(m, k)
			checkFilterAgainstModel(t, m, fmt.Sprintf("topic %v, key %d (%s), search %q", topic, i, k, m.input.Value()))
		}
		if m.input.Value() != "the whit" {
			t.Fatalf("typed %q", m.input.Value())
		}
	}
}

// The footer always ends with how to see every key and how to quit, at
// every width the explorer draws at, on the main screen and in every view
// over it; and ? shows every key there, esc going back to where it was.
func TestFooterAlwaysShowsHelpAndQuit(t *testing.T) {
	for _, in := range []struct {
		keys string
		view view
	}{{"", panesView}, {"t", topicsView}, {"x", exchangeView}, {"c", articleView}} {
		m := press(open(t, 80, 24), strings.Split(in.keys, "")...)
		for w := 60; w <= 240; w++ {
			m = update(m, tea.WindowSizeMsg{Width: w, Height: 40})
			lines := strings.Split(screen(m), "\n")
			last := strings.TrimRight(lines[len(lines)-1], " ")
			if !strings.HasSuffix(last, "? all keys • q quit") && !strings.HasSuffix(last, "? more keys • q quit") {
				t.Fatalf("view %v at %d columns: the footer is %q", in.view, w, last)
			}
		}
		m = press(m, "?")
		if m.view != helpView {
			t.Fatalf("? in view %v opens view %v, not the help", in.view, m.view)
		}
		if last := ansiStripLast(m); !strings.Contains(last, "esc/? close") || !strings.HasSuffix(last, "q quit") {
			t.Errorf("the help's key line: %q", last)
		}
		if m = press(m, "esc"); m.view != in.view {
			t.Errorf("esc in the help over view %v goes to view %v", in.view, m.view)
		}
	}
}

// claimLine is the line of the claims pane's inside where claim i's row
// begins.
func claimLine(m Model, i int) int {
	n := 0
	for j := m.claimsTop; j < i; j++ {
		n += m.claimRows(j, m.lay.Claims.Inner.W, m.rowWhole(j))
	}
	return n
}

// The topic picker never cuts a description without saying so: where the
// window has room every row is whole, its description wrapped under
// itself; where it has not, the row under the cursor is whole, a row cut to
// one line ends in "…", and the picker's title says "rows cut".
func TestTopicDescriptionsWrapOrSayTheyAreCut(t *testing.T) {
	pickerText := func(m Model) (title string, rows []string) {
		lines := strings.Split(screen(m), "\n")
		p := m.lay.Picker.Outer
		for y := p.Y + 1; y < p.Y+p.H-1; y++ {
			rows = append(rows, strings.Trim(string([]rune(lines[y])[p.X+1:p.X+p.W-1]), " "))
		}
		return lines[p.Y], rows
	}
	words := func(s string) string { return strings.Join(strings.Fields(s), " ") }

	m := press(open(t, 140, 45), "t")
	title, rows := pickerText(m)
	if strings.Contains(title, "rows cut") || strings.Contains(strings.Join(rows, "\n"), "…") {
		t.Errorf("140×45 has room for every topic whole:\n%s\n%s", title, strings.Join(rows, "\n"))
	}
	all := words(strings.Join(rows, " "))
	for _, tp := range m.cm.Topics {
		if !strings.Contains(all, words(tp.Description)) {
			t.Errorf("140×45: %q is not shown whole:\n%s", tp.Description, strings.Join(rows, "\n"))
		}
	}

	m = press(open(t, 80, 24), "t")
	scrolled := false
	for i, tp := range m.cm.Topics {
		m = press(m, "down")
		title, rows := pickerText(m)
		if !strings.Contains(title, " · rows cut") {
			t.Fatalf("80×24 cuts rows and does not say so: %s", title)
		}
		if m.pickerScroll.scrolls() {
			scrolled = true
			if !strings.Contains(title, fmt.Sprintf(" of %d · ", len(m.cm.Topics)+1)) {
				t.Errorf("80×24, topic %d: the picker scrolls and its title does not say which rows it shows: %s", i+1, title)
			}
		}
		text := words(strings.Join(rows, " "))
		if !strings.Contains(text, words(tp.Description)) {
			t.Errorf("80×24: the description under the cursor, %q, is not whole:\n%s", tp.Description, strings.Join(rows, "\n"))
		}
		for _, r := range rows {
			if strings.Contains(r, "…") && !strings.HasSuffix(r, "…") {
				t.Errorf("80×24, topic %d: a row cut elsewhere than at its end: %q", i+1, r)
			}
		}
	}
	if !scrolled {
		t.Error("80×24: the picker never scrolled, so its title's note went untested")
	}
}
