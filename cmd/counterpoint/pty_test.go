//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sys/unix"

	"counterpoint/internal/claims"
)

// These tests run the binary on a pseudo-terminal of their own, rather than
// in tmux: unlike tmux, this terminal answers no query, and its raw output
// can be read byte for byte.

// pty is a pseudo-terminal: the test holds the master, the program gets the
// slave.
type pty struct {
	master, slave *os.File

	mu   sync.Mutex
	out  bytes.Buffer  // everything the program wrote to the terminal
	done chan struct{} // closed when the master reads no more
}

// openPTY opens a pseudo-terminal of w×h cells and starts copying what is
// written to it. Nothing ever answers what the program asks the terminal.
func openPTY(t *testing.T, w, h int) *pty {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here (/dev/ptmx: %v)", err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	slave, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open the slave: %v", err)
	}
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: uint16(w), Row: uint16(h)}); err != nil {
		t.Fatalf("set the window size: %v", err)
	}
	p := &pty{master: master, slave: slave, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
			if err != nil {
				return // EIO once no process holds the slave open
			}
		}
	}()
	t.Cleanup(func() {
		slave.Close()
		master.Close()
	})
	return p
}

// output returns what the program has written to the terminal so far.
func (p *pty) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// waitFor waits until the terminal's output, escape sequences left out,
// holds every string, and returns the raw output.
func (p *pty) waitFor(t *testing.T, want ...string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second) // a bound on liveness, not a speed
	for {
		out := p.output()
		text := ansi.Strip(out)
		missing := ""
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return out
		}
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q; it got:\n%q", missing, out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// start runs the binary with the given standard streams, in a session of
// its own whose controlling terminal is the pty (ctty is the child's fd of
// a stream on the pty's slave).
func (p *pty) start(t *testing.T, bin string, stdin io.Reader, stdout, stderr io.Writer, ctty int, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	cmd.Env = append(cleanEnv(), "TERM=xterm-256color")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: ctty}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return cmd
}

// cleanEnv is the test's environment without what decides colours or the
// terminal, so that each test says what it runs with.
func cleanEnv() []string {
	var env []string
	for _, e := range os.Environ() {
		switch k, _, _ := strings.Cut(e, "="); k {
		case "TERM", "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TTY_FORCE", "TMUX", "TERM_PROGRAM":
		default:
			env = append(env, e)
		}
	}
	return env
}

// wait waits for the program to exit, within the liveness bound, and for
// the terminal's output to be read to its end.
func (p *pty) wait(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	var err error
	select {
	case err = <-exited:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-exited
		t.Fatalf("the program did not exit; the terminal got:\n%q", p.output())
	}
	// The program has closed its side; close the test's copy of the slave
	// too, so that the master reads to the end.
	p.slave.Close()
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the terminal's output never ended")
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// TestExplorerOnATerminalThatAnswersNothing runs the explorer on a terminal
// that answers none of its queries (the background colour first): the first
// frame comes without waiting for an answer, q quits with status 0, and
// after the alternate screen is left nothing is written but the resetting
// of the terminal's modes.
func TestExplorerOnATerminalThatAnswersNothing(t *testing.T) {
	bin := goBuild(t)
	p := openPTY(t, 80, 24)
	cmd := p.start(t, bin, p.slave, p.slave, p.slave, 0)

	out := p.waitFor(t, "North Korea demands", "Speakers", "Michael Lynton", "Barack Obama", "KCNA", "Statement", "Answered by", "q quit")
	frame := strings.Index(out, "\x1b[2J")
	if frame < 0 || !strings.Contains(out[:frame], "\x1b]11;?") {
		t.Errorf("the background colour was not asked for before the first frame, so this test tests nothing:\n%q", out)
	}
	if _, err := p.master.WriteString("q"); err != nil {
		t.Fatal(err)
	}
	if code := p.wait(t, cmd); code != 0 {
		t.Errorf("exit status %d after q, want 0; the terminal got:\n%q", code, p.output())
	}
	out = p.output()
	leave := strings.LastIndex(out, "\x1b[?1049l")
	if leave < 0 {
		t.Fatalf("the alternate screen was never left:\n%q", out)
	}
	// Before leaving: the keyboard modes pushed at the start are popped.
	lastFrame := strings.LastIndex(out, "quit")
	for _, seq := range []string{"\x1b[<1u", "\x1b[>4m"} {
		if !strings.Contains(out[lastFrame:leave], seq) {
			t.Errorf("%q (keyboard modes reset) missing before leaving the alternate screen:\n%q", seq, out[lastFrame:])
		}
	}
	// After: the cursor shown, bracketed paste and the mouse off, the
	// title cleared and the reader's own popped back, in whatever order,
	// and nothing else.
	rest := out[leave+len("\x1b[?1049l"):]
	for _, seq := range []string{"\x1b[?25h", "\x1b[?2004l", "\x1b[?1002l", "\x1b[?1006l"} {
		if !strings.Contains(rest, seq) {
			t.Errorf("%q missing after leaving the alternate screen: %q", seq, rest)
		}
	}
	for _, seq := range []string{"\x1b[?25h", "\x1b[?2004l", "\x1b[?1002l", "\x1b[?1003l", "\x1b[?1006l", "\x1b]2;\a", popTitle} {
		rest = strings.ReplaceAll(rest, seq, "")
	}
	if rest != "" {
		t.Errorf("written after leaving the alternate screen, besides resetting modes: %q", rest)
	}
}

// TestListingWhenStdinIsNotATerminal runs the bare command with its output
// on a terminal but its input from /dev/null: it cannot read keys, so it
// prints the listing, wrapped to the terminal, with not one escape
// sequence, and the hint on stderr.
func TestListingWhenStdinIsNotATerminal(t *testing.T) {
	bin := goBuild(t)
	p := openPTY(t, 80, 24)
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	var stderr bytes.Buffer
	cmd := p.start(t, bin, null, p.slave, &stderr, 1)
	if code := p.wait(t, cmd); code != 0 {
		t.Errorf("exit status %d, want 0\nstderr: %s", code, stderr.String())
	}
	if stderr.String() != explorerHint {
		t.Errorf("stderr %q, want the hint %q", stderr.String(), explorerHint)
	}
	out := p.output()
	if strings.ContainsAny(out, "\x1b\u009b") {
		t.Errorf("an escape sequence in the listing:\n%q", out)
	}
	// The terminal turns each \n into \r\n.
	listing := strings.ReplaceAll(out, "\r\n", "\n")
	if !strings.HasPrefix(listing, bundledHeader+"27 claims · 9 speakers · 7 topics · 23 relations\n\n") || len(listedIDs(listing)) != 27 {
		t.Errorf("not the listing of the 27 claims:\n%s", listing)
	}
	for _, line := range strings.Split(listing, "\n") {
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("a line of %d columns on an 80-column terminal: %q", w, line)
		}
	}
	if listing == runCLI(t).stdout {
		t.Error("the listing on the terminal is the one a pipe gets, not wrapped to the terminal")
	}
}

// TestListingWhenStdoutIsNotATerminal runs the bare command in a terminal
// with its output to a pipe (counterpoint > file): the listing goes to the
// pipe, unwrapped and without escape sequences, and the terminal gets the
// hint and nothing else.
func TestListingWhenStdoutIsNotATerminal(t *testing.T) {
	bin := goBuild(t)
	p := openPTY(t, 80, 24)
	var stdout bytes.Buffer
	cmd := p.start(t, bin, p.slave, &stdout, p.slave, 0)
	if code := p.wait(t, cmd); code != 0 {
		t.Errorf("exit status %d, want 0; the terminal got %q", code, p.output())
	}
	if want := strings.ReplaceAll(explorerHint, "\n", "\r\n"); p.output() != want {
		t.Errorf("the terminal got %q, want only the hint %q", p.output(), want)
	}
	if want := runCLI(t).stdout; stdout.String() != want {
		t.Errorf("stdout is not the listing that a pipe gets:\n%s", stdout.String())
	}
}

// TestErrorsOnATerminalThatAnswersNothing gives a bad annotation, and a
// wrong id, to commands run on a terminal that answers no query: the
// terminal shows the report (wrapped to its width) and nothing else, the
// explorer never enters the alternate screen, and every mode it set on the
// way is reset.
func TestErrorsOnATerminalThatAnswersNothing(t *testing.T) {
	bin := goBuild(t)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("article: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, loadErr := claims.LoadFile(bad)
	var report bytes.Buffer
	reportError(&report, badInput(loadErr), 80)
	tests := []struct {
		name   string
		args   []string
		code   int
		report string
	}{
		{"bare", []string{"--claims", bad}, 1, report.String()},
		{"validate", []string{"validate", bad}, 1, report.String()},
		{"list", []string{"--claims", bad, "list"}, 1, report.String()},
		{"unknown_speaker", []string{"--speaker", "nobody"}, 2,
			"counterpoint: unknown speaker \"nobody\"; the speakers are: lynton, obama, white-house-official, north-korea, kcna, mccain, james-lewis, hackers, unattributed\n" + usageHint},
	}
	if !strings.HasPrefix(report.String(), bad+":1:10:") || !strings.Contains(report.String(), "malformed YAML") {
		t.Fatalf("the report to expect is not the one of a malformed file:\n%s", report.String())
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // each on a terminal of its own
			p := openPTY(t, 80, 24)
			cmd := p.start(t, bin, p.slave, p.slave, p.slave, 0, tt.args...)
			if code := p.wait(t, cmd); code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			out := p.output()
			// The explorer, started before the annotation is known to be
			// bad, leaves a carriage return behind: at the start of the
			// shell's fresh line, it moves nothing.
			if got, want := strings.TrimPrefix(ansi.Strip(out), "\r"), strings.ReplaceAll(tt.report, "\n", "\r\n"); got != want {
				t.Errorf("the terminal shows\n%q\nwant\n%q", got, want)
			}
			if strings.Contains(out, "\x1b[?1049h") {
				t.Errorf("the alternate screen was entered for a file that does not load:\n%q", out)
			}
			for set, reset := range map[string]string{
				"\x1b[?25l": "\x1b[?25h", "\x1b[?2004h": "\x1b[?2004l", "\x1b[?1002h": "\x1b[?1002l",
				"\x1b[?1006h": "\x1b[?1006l", "\x1b[>1u": "\x1b[<1u", "\x1b[>4;2m": "\x1b[>4m",
			} {
				if i := strings.LastIndex(out, set); i >= 0 && !strings.Contains(out[i:], reset) {
					t.Errorf("%q is set and never reset:\n%q", set, out)
				}
			}
			// The terminal is asked nothing: fang would ask for the
			// background to style an error, and on a terminal that answers
			// nothing wait 4 s for it (see keepErrors).
			if q := "\x1b]11;?"; strings.Contains(out, q) {
				t.Errorf("the terminal was asked for its background (%q) to report an error:\n%q", q, out)
			}
		})
	}
}
