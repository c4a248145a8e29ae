package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// These tests run the real binary in tmux, as a person would: press keys,
// read the screen. They need tmux; .ci/run installs it, so CI always runs
// them.

// session is one tmux server with one window running counterpoint.
type session struct {
	t      *testing.T
	socket string
}

// buildBinary builds counterpoint for a test, once tmux is known to be there.
func buildBinary(t *testing.T) string {
	t.Helper()
	requireTmux(t)
	return goBuild(t)
}

// built is the binary, built once for all the tests that run it.
var built struct {
	once sync.Once
	dir  string // removed by TestMain
	path string
	err  error
}

// goBuild builds counterpoint from this package's directory, once per run
// of the tests, and returns the binary's path.
func goBuild(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH: cannot build the binary to run")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "counterpoint-test-bin-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "counterpoint")
		cmd := exec.Command(goTool, "build", "-o", built.path, ".")
		cmd.Dir = packageDir // a test may have changed directory
		if out, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

func requireTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the tests that run counterpoint in a terminal (.ci/run installs tmux)")
	}
}

func startTmux(t *testing.T, w, h int, env []string, command ...string) *session {
	t.Helper()
	requireTmux(t)
	s := &session{t: t, socket: fmt.Sprintf("counterpoint-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	args := []string{"-f", "/dev/null", "new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-s", "main"}
	for _, e := range env {
		args = append(args, "-e", e)
	}
	args = append(args, strings.Join(command, " "))
	s.tmux(args...)
	// Keep the pane after the program exits, to read what it left behind.
	s.tmux("set-option", "-t", "main", "remain-on-exit", "on")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *session) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *session) screen() string { return s.tmux("capture-pane", "-p", "-t", "main") }

func (s *session) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		s.tmux("send-keys", "-t", "main", k)
	}
}

// waitFor polls the screen until it holds every string, and returns it.
func (s *session) waitFor(want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(scr, w)
		}
		if ok {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q:\n%s", want, scr)
	return ""
}

// waitForPrompt waits for the shell's prompt, so that what is typed next
// follows it on the screen.
func (s *session) waitForPrompt() {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.TrimSpace(s.screen()) == "" {
		if time.Now().After(deadline) {
			s.t.Fatal("the shell never showed its prompt")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// status reads tmux's view of the pane's terminal modes.
func (s *session) status() string {
	return strings.TrimSpace(s.tmux("display-message", "-p", "-t", "main", "#{pane_dead} #{alternate_on} #{mouse_any_flag} #{cursor_flag}"))
}

func TestExplorerInTmux(t *testing.T) {
	bin := buildBinary(t)
	// From a shell, which then reports the exit status on the screen the
	// program leaves.
	s := startTmux(t, 80, 24, nil, "sh")
	s.waitForPrompt()
	s.tmux("send-keys", "-t", "main", "-l", bin+"; echo exit status $?")
	s.keys("Enter")

	scr := s.waitFor("Speakers", "Michael Lynton · 8 claims", "Statement")
	for _, line := range strings.Split(strings.TrimRight(scr, "\n"), "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("a line of %d characters at 80 columns: %q", n, line)
		}
	}
	if st := s.status(); st != "0 1 1 0" {
		t.Errorf("while running: dead, alternate screen, mouse, cursor = %q, want \"0 1 1 0\"", st)
	}

	// It opens on the showcase: Lynton's "I did reach out", answered by two
	// statements (Obama's one reply, reported in ¶16 and ¶17, and the White
	// House official's).
	s.waitFor("▸ “I did reach out", "Answered by · 1 of 2", "Barack Obama denies this statement")
	s.keys("]")
	s.waitFor("Answered by · 2 of 2", "White House official qualifies this")
	s.keys("Enter")
	s.waitFor("White House official · 1 claim", "(paraphrase) It was \"categorically")
	s.keys("BSpace")
	s.waitFor("Michael Lynton · 8 claims", "▸ “I did reach out")

	// The whole exchange, then the article.
	s.keys("x")
	s.waitFor("Exchange · 4 statements · 4 answers", "Michael Lynton contradicts Barack Obama (¶6)", "also reported in ¶17")
	s.keys("Escape")
	s.waitFor("Statement")
	s.keys("c")
	s.waitFor("Article · ¶7 · Michael Lynton", "¶7   ▌But in direct contradiction")
	// A key sent right after Escape would read as alt+key: wait for the
	// screen to change first, as a person does.
	s.keys("Escape")
	s.waitFor("Statement")

	// Topics and search.
	s.keys("t", "Down", "Down", "Space", "Enter")
	s.waitFor("topics: white house consulted? · 6 claims · esc clears")
	s.keys("Escape")
	s.waitFor("topics: [all]")
	s.keys("/")
	s.tmux("send-keys", "-t", "main", "-l", "caved")
	s.waitFor("search: caved", "Search · 2 claims · 1 speaker")
	s.keys("Enter", "Escape")
	s.waitFor("topics: [all]")

	// A wide window: every claim whole, four panes, the focused one (the
	// claims, after the search) drawn thick.
	s.tmux("resize-window", "-t", "main", "-x", "140", "-y", "45")
	scr = s.waitFor("John McCain", "of the situation.”", "┏ Michael Lynton · 8 claims", "╭ Statement")
	// The frame may be caught while it is drawn: look again until it is whole.
	for range 40 {
		if strings.Count(scr, "╭")+strings.Count(scr, "┏") == 4 {
			break
		}
		time.Sleep(50 * time.Millisecond)
		scr = s.screen()
	}
	if strings.Count(scr, "╭")+strings.Count(scr, "┏") != 4 {
		t.Errorf("wide layout:\n%s", scr)
	}
	s.tmux("resize-window", "-t", "main", "-x", "50", "-y", "12")
	s.waitFor("The terminal is 50×12; counterpoint needs at least")
	s.tmux("resize-window", "-t", "main", "-x", "80", "-y", "24")
	s.waitFor("Speakers")

	// q leaves the terminal as it found it: main screen, no mouse, cursor
	// shown, the shell's lines where they were.
	s.keys("q")
	scr = s.waitFor("exit status 0")
	if st := s.status(); st != "0 0 0 1" {
		t.Errorf("after q: dead, alternate screen, mouse, cursor = %q, want \"0 0 0 1\"", st)
	}
	shell := regexp.MustCompile(`^[$#] ` + regexp.QuoteMeta(bin+"; echo exit status $?") + "\nexit status 0\n[$#] *\n")
	// The shell prints its prompt a moment after the status: look again
	// until it is there.
	for i := 0; i < 40 && !shell.MatchString(scr); i++ {
		time.Sleep(50 * time.Millisecond)
		scr = s.screen()
	}
	if !shell.MatchString(scr) {
		t.Errorf("after q the screen is not the shell's:\n%s", scr)
	}
}

func TestExplorerColoursInTmux(t *testing.T) {
	bin := buildBinary(t)

	s := startTmux(t, 80, 24, []string{"COLORTERM=truecolor"}, bin)
	s.waitFor("Speakers")
	if scr := s.tmux("capture-pane", "-p", "-e", "-t", "main"); colourIn(scr) == "" {
		t.Errorf("no colour on a colour terminal:\n%q", scr)
	}

	s = startTmux(t, 80, 24, []string{"NO_COLOR=1"}, bin)
	s.waitFor("Speakers")
	scr := s.tmux("capture-pane", "-p", "-e", "-t", "main")
	if m := colourIn(scr); m != "" {
		t.Errorf("NO_COLOR=1, yet the screen has colour (%q)", m)
	}
	if !strings.Contains(scr, "▌") || !strings.Contains(scr, "▸") {
		t.Error("without colour the selection markers must still show")
	}
	s.keys("q")
}

func TestExplorerFlagsInTmux(t *testing.T) {
	bin := buildBinary(t)
	s := startTmux(t, 100, 30, nil, bin, "--speaker", "kcna", "--topic", "who-did-it")
	s.waitFor("KCNA · relays 1 claim", "topics: who did it? · 4 claims · esc clears", "NORTH KOREA", "also reported in ¶2,")
	s.keys("q")
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourIn returns the first SGR sequence in s that sets a colour, or "".
func colourIn(s string) string {
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			var n int
			fmt.Sscan(p, &n)
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				return m[0]
			}
		}
	}
	return ""
}
