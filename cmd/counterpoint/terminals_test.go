package main

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Hostile terminals, in tmux: a terminal that knows nothing (TERM=dumb) and
// a window resized hundreds of times in a row.

// runFromShell starts a shell in tmux at w×h and types command into it,
// followed by a report of its exit status, so that what the program leaves
// behind can be read on the screen afterwards.
func runFromShell(t *testing.T, w, h int, command string) *session {
	t.Helper()
	s := startTmux(t, w, h, nil, "sh")
	s.waitForPrompt()
	s.tmux("send-keys", "-t", "main", "-l", command+"; echo exit status $?")
	s.keys("Enter")
	return s
}

// quitCleanly presses q and checks that the terminal is as the shell left
// it: main screen, mouse off, cursor shown, the shell's lines where they
// were and the exit status 0.
func quitCleanly(t *testing.T, s *session, command string) {
	t.Helper()
	s.keys("q")
	s.waitFor("\nexit status ") // the shell's report, not the command typed
	// -J joins the lines that the shell wrapped, a long command among them.
	scr := s.tmux("capture-pane", "-p", "-J", "-t", "main")
	if st := s.status(); st != "0 0 0 1" {
		t.Errorf("after q: dead, alternate screen, mouse, cursor = %q, want \"0 0 0 1\"", st)
	}
	shell := regexp.MustCompile(`^[$#] ` + regexp.QuoteMeta(command+"; echo exit status $?") + "\nexit status 0\n[$#] *\n")
	// The shell prints its prompt a moment after the status: look again
	// until it is there.
	for i := 0; i < 40 && !shell.MatchString(scr); i++ {
		time.Sleep(50 * time.Millisecond)
		scr = s.tmux("capture-pane", "-p", "-J", "-t", "main")
	}
	if !shell.MatchString(scr) {
		t.Errorf("after q the screen is not the shell's, with exit status 0:\n%s", scr)
	}
}

// firstFrame starts the explorer alone in a fresh tmux window of w×h, with
// TERM as tmux sets it, and returns its first complete screen.
func firstFrame(t *testing.T, bin string, w, h int) string {
	t.Helper()
	s := startTmux(t, w, h, nil, bin)
	scr := s.waitFor("Speakers", "Answered by", "q quit")
	s.keys("q")
	return scr
}

// checkFrame checks that a screen is a whole frame of w×h: h lines, none
// wider than w, the footer on the last.
func checkFrame(t *testing.T, scr string, w, h int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(scr, "\n"), "\n")
	if len(lines) != h {
		t.Errorf("%d lines on a screen of %d:\n%s", len(lines), h, scr)
	}
	for _, line := range lines {
		if n := len([]rune(line)); n > w {
			t.Errorf("a line of %d characters at %d columns: %q", n, w, line)
		}
	}
	if !strings.HasSuffix(lines[len(lines)-1], "q quit") {
		t.Errorf("the last line is not the key line: %q", lines[len(lines)-1])
	}
}

// TestDumbTerminalInTmux runs the explorer with TERM=dumb: the same first
// frame as on a capable terminal, without a colour, and q leaves the
// terminal as it was.
func TestDumbTerminalInTmux(t *testing.T) {
	bin := buildBinary(t)
	want := firstFrame(t, bin, 80, 24)

	command := "TERM=dumb " + bin
	s := runFromShell(t, 80, 24, command)
	scr := s.waitFor("Speakers", "Answered by", "q quit")
	checkFrame(t, scr, 80, 24)
	for _, name := range []string{"Michael Lynton", "Barack Obama", "White House official", "North Korea", "KCNA (relays)"} {
		if !strings.Contains(scr, " "+name+" ") {
			t.Errorf("the speaker %q is not on the screen:\n%s", name, scr)
		}
	}
	if scr != want {
		t.Errorf("with TERM=dumb the screen differs from the first frame on tmux's own terminal:\n%s\nwant:\n%s", scr, want)
	}
	if m := colourIn(s.tmux("capture-pane", "-p", "-e", "-t", "main")); m != "" {
		t.Errorf("TERM=dumb, yet the screen has colour (%q)", m)
	}
	quitCleanly(t, s, command)
}

// TestResizeStormInTmux resizes the window hundreds of times in a row,
// from 1×1 to 400×120, one resize at a time and in bursts that tmux sends
// together, then settles on 80×24: the screen is the same complete frame as
// after a fresh start, and the program still answers keys and quits
// cleanly.
func TestResizeStormInTmux(t *testing.T) {
	bin := buildBinary(t)
	want := firstFrame(t, bin, 80, 24)

	s := runFromShell(t, 80, 24, bin)
	s.waitFor("Speakers", "Answered by", "q quit")

	rng := rand.New(rand.NewPCG(1, 2)) // the same storm every run
	size := func() []string {
		w, h := 1+rng.IntN(400), 1+rng.IntN(120)
		return []string{"resize-window", "-t", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}
	}
	// The extremes first, then 200 resizes one by one.
	for _, wh := range [][2]int{{1, 1}, {400, 120}, {1, 120}, {400, 1}} {
		s.tmux("resize-window", "-t", "main", "-x", fmt.Sprint(wh[0]), "-y", fmt.Sprint(wh[1]))
	}
	for range 200 {
		s.tmux(size()...)
	}
	// Then 200 more in bursts of ten, which tmux runs back to back.
	for range 20 {
		var burst []string
		for i := range 10 {
			if i > 0 {
				burst = append(burst, ";")
			}
			burst = append(burst, size()...)
		}
		s.tmux(burst...)
	}
	if got := strings.TrimSpace(s.tmux("display-message", "-p", "-t", "main", "#{pane_dead}")); got != "0" {
		t.Fatalf("the program died in the storm:\n%s", s.screen())
	}

	s.tmux("resize-window", "-t", "main", "-x", "80", "-y", "24")
	scr := s.waitForScreen(want)
	checkFrame(t, scr, 80, 24)

	// Still responsive: the next claim is selected, then q quits.
	s.keys("j")
	s.waitFor("▸ “I don’t know exactly")
	quitCleanly(t, s, bin)
}

// waitForScreen polls the screen until it is exactly want, and returns it;
// on the deadline it fails, showing both.
func (s *session) waitForScreen(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		if scr = s.screen(); scr == want {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the screen is not the frame of a fresh start:\n%s\nwant:\n%s", scr, want)
	return ""
}
