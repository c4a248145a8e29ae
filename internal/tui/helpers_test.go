package tui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/assets"
	"counterpoint/internal/claims"
)

func bundled(t testing.TB) *claims.Model {
	t.Helper()
	cm, err := claims.LoadFS(assets.FS, assets.Annotation)
	if err != nil {
		t.Fatal(err)
	}
	return cm
}

// open builds the explorer on the bundled annotation at a window size.
func open(t testing.TB, w, h int, opt ...Options) Model {
	t.Helper()
	var o Options
	if len(opt) > 0 {
		o = opt[0]
	}
	m := New(bundled(t), o)
	return update(m, tea.WindowSizeMsg{Width: w, Height: h})
}

func update(m Model, msg tea.Msg) Model {
	next, _ := m.Update(msg)
	return next.(Model)
}

// keyMsg is the key press a terminal would send for a key name.
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape},
		"tab": {Code: tea.KeyTab}, "shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"backspace": {Code: tea.KeyBackspace}, "space": {Code: tea.KeySpace, Text: " "},
		"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown},
		"home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
		"shift+left": {Code: tea.KeyLeft, Mod: tea.ModShift}, "shift+right": {Code: tea.KeyRight, Mod: tea.ModShift},
	}
	if k, ok := special[name]; ok {
		return tea.KeyPressMsg(k)
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// press sends key presses one by one; a name of several letters that is not
// a special key is typed letter by letter.
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		if _, special := map[string]bool{"up": true, "down": true, "left": true, "right": true, "enter": true,
			"esc": true, "tab": true, "shift+tab": true, "backspace": true, "space": true, "pgup": true,
			"pgdown": true, "home": true, "end": true, "ctrl+c": true}[k]; special || len([]rune(k)) == 1 {
			m = update(m, keyMsg(k))
			continue
		}
		for _, r := range k {
			m = update(m, keyMsg(string(r)))
		}
	}
	return m
}

// screen is the frame without its escape sequences.
func screen(m Model) string { return ansi.Strip(m.render()) }

// selectClaim moves the selection to a claim by id, through the keys.
func selectClaim(t testing.TB, m Model, id string) Model {
	t.Helper()
	target := m.cm.Claim(id)
	if target == nil {
		t.Fatalf("no claim %s", id)
	}
	for m.sel > 0 && m.order[m.sel] != target.Speaker {
		m = press(m, "left")
	}
	for range len(m.order) {
		if m.order[m.sel] == target.Speaker {
			break
		}
		m = press(m, "right")
	}
	m = press(m, "g")
	for range len(m.list) {
		if m.Selected() == target {
			return m
		}
		m = press(m, "down")
	}
	t.Fatalf("could not select %s: at %v", id, m.Selected())
	return m
}

// checkFits fails when a frame line is wider than the window or the frame
// taller than it.
func checkFits(t *testing.T, frame string, w, h int, context string) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Fatalf("%s: %d lines in a %dx%d window", context, len(lines), w, h)
	}
	for i, l := range lines {
		// Measured as Lip Gloss does (by grapheme cluster) and as a terminal
		// without Unicode core mode does (by code point).
		if lw, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); lw > w || wc > w {
			t.Fatalf("%s: line %d is %d cells wide (%d by code point) in a %dx%d window:\n%q", context, i, lw, wc, w, h, ansi.Strip(l))
		}
	}
}

// checkFilterAgainstModel checks what the explorer shows under its filter
// against the model's own queries: the search results, the speakers'
// counts, the topic picker's counts and the number of claims passing.
func checkFilterAgainstModel(t *testing.T, m Model, where string) {
	t.Helper()
	cm := m.cm
	if want := cm.Select(m.filter); m.searchMode() && !slices.Equal(m.list, want) {
		t.Fatalf("%s: %d results, the model finds %d", where, len(m.list), len(want))
	}
	all := cm.VoicedCounts(m.filter)
	for j, s := range m.order {
		if m.counts[j] != all[s.Index] {
			t.Fatalf("%s: %s counts %d, the model %d", where, s.ID, m.counts[j], all[s.Index])
		}
	}
	if want := cm.TopicCounts(m.filter); !slices.Equal(m.topicCounts, want) {
		t.Fatalf("%s: topic counts %v, the model %v", where, m.topicCounts, want)
	}
	if want := len(cm.Select(m.filter)); m.passing != want {
		t.Fatalf("%s: %d passing, the model %d", where, m.passing, want)
	}
}
