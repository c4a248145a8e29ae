//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A signal stops any command at once, with 128 + its number and a word on
// stderr, however far it got: ctrl+c was caught by the command line's
// handler and never looked at, and an interrupted export ran to the end and
// exited 0. The export writes into a pipe nobody reads, so it cannot finish
// before the signal comes.
func TestSignalsStopCommands(t *testing.T) {
	bin := goBuild(t)
	annotation := writeSynth(t, 2000)
	for _, row := range []struct {
		sig    syscall.Signal
		status int
		words  string
	}{
		{syscall.SIGINT, 130, "interrupted"},
		{syscall.SIGTERM, 143, "terminated"},
		{syscall.SIGHUP, 129, "the terminal hung up"},
		{syscall.SIGQUIT, 131, "quit"},
	} {
		for _, args := range [][]string{{"export", "--claims", annotation}, {"list", "--claims", annotation}} {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd := exec.Command(bin, args...)
			cmd.Stdout, cmd.Stderr, cmd.Env = w, &stderr, cleanEnv()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			w.Close()
			time.Sleep(300 * time.Millisecond) // let it load and fill the pipe
			if err := cmd.Process.Signal(row.sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatalf("%s: still running 10 s after %v", args[0], row.sig)
			}
			r.Close()
			want := "counterpoint: " + row.words + "; stopped before finishing\n"
			if got := cmd.ProcessState.ExitCode(); got != row.status || stderr.String() != want {
				t.Errorf("%s, %v: status %d, stderr %q; want %d, %q", args[0], row.sig, got, stderr.String(), row.status, want)
			}
		}
	}
}

// Signals to the explorer restore the terminal before it exits: SIGHUP and
// SIGQUIT left it on the alternate screen with the cursor hidden and the
// mouse reported, and SIGTERM exited 0.
func TestSignalsRestoreTheTerminalInTmux(t *testing.T) {
	bin := buildBinary(t)
	for _, row := range []struct {
		sig    string
		status string
		words  string
	}{
		{"HUP", "129", "the terminal hung up"},
		{"QUIT", "131", "quit"},
		{"TERM", "143", "terminated"},
		{"INT", "130", "interrupted"},
	} {
		s := startTmux(t, 80, 24, nil, "sh")
		s.waitForPrompt()
		s.tmux("send-keys", "-t", "main", "-l", bin+"; echo exit status $?")
		s.keys("Enter")
		s.waitFor("Speakers", "Statement")
		if err := exec.Command("kill", "-"+row.sig, s.explorerPID()).Run(); err != nil {
			t.Fatal(err)
		}
		s.waitFor("counterpoint: "+row.words+"\n", "exit status "+row.status)
		if st := s.status(); st != "0 0 0 1" {
			t.Errorf("after SIG%s: dead, alternate screen, mouse, cursor = %q, want \"0 0 0 1\"", row.sig, st)
		}
	}
}

// ctrl+z and SIGTSTP suspend the explorer with the terminal restored, and
// fg brings it back whole, keys working: SIGTSTP stopped it raw on the
// alternate screen, and after fg the terminal was cooked and echoed keys
// onto the frame.
func TestSuspendAndResumeInTmux(t *testing.T) {
	bin := buildBinary(t)
	for _, how := range []string{"ctrl+z", "SIGTSTP"} {
		s := startTmux(t, 80, 24, nil, "sh")
		s.waitForPrompt()
		// Alone on its line: a shell runs the rest of a line once its job
		// stops.
		s.tmux("send-keys", "-t", "main", "-l", bin)
		s.keys("Enter")
		s.waitFor("Speakers", "Michael Lynton · 8 claims")
		proc := s.explorerPID()
		if how == "ctrl+z" {
			s.keys("C-z")
		} else if err := exec.Command("kill", "-TSTP", proc).Run(); err != nil {
			t.Fatal(err)
		}
		s.waitFor("Stopped")
		if st := s.status(); st != "0 0 0 1" {
			t.Errorf("%s: while stopped: dead, alternate screen, mouse, cursor = %q, want \"0 0 0 1\"", how, st)
		}
		s.tmux("send-keys", "-t", "main", "-l", "fg")
		s.keys("Enter")
		scr := s.waitFor("Speakers", "Michael Lynton · 8 claims", "Statement")
		if st := s.status(); st != "0 1 1 0" {
			t.Errorf("%s: after fg: dead, alternate screen, mouse, cursor = %q, want \"0 1 1 0\"", how, st)
		}
		if strings.Contains(scr, "Stopped") || strings.Contains(scr, "fg\n") {
			t.Errorf("%s: after fg the frame is not whole:\n%s", how, scr)
		}
		// Keys work, and are not echoed: l moves to the next speaker.
		s.keys("l")
		if scr = s.waitFor("Barack Obama · "); strings.HasPrefix(scr, "l") {
			t.Errorf("%s: a key was echoed onto the frame:\n%s", how, scr)
		}
		s.keys("q")
		deadline := time.Now().Add(10 * time.Second)
		for s.status() != "0 0 0 1" && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if st := s.status(); st != "0 0 0 1" {
			t.Errorf("%s: after q: %q", how, st)
		}
	}
}

// A bracketed paste that the terminal never closes no longer swallows every
// key after it: once the bytes stop, the paste is closed and q quits.
func TestUnterminatedPasteInTmux(t *testing.T) {
	bin := buildBinary(t)
	s := startTmux(t, 80, 24, nil, "sh")
	s.waitForPrompt()
	s.tmux("send-keys", "-t", "main", "-l", bin+"; echo exit status $?")
	s.keys("Enter")
	s.waitFor("Speakers", "Michael Lynton · 8 claims")
	s.tmux("send-keys", "-t", "main", "-H", "1b", "5b", "32", "30", "30", "7e", "61", "62", "63")
	time.Sleep(2 * pasteGap)
	s.keys("q")
	s.waitFor("exit status 0")
	if st := s.status(); st != "0 0 0 1" {
		t.Errorf("after q: dead, alternate screen, mouse, cursor = %q, want \"0 0 0 1\"", st)
	}
}

// The window title the reader had is back after the explorer: it was
// cleared.
func TestWindowTitleRestoredInTmux(t *testing.T) {
	bin := buildBinary(t)
	s := startTmux(t, 80, 24, nil, "sh")
	s.waitForPrompt()
	s.tmux("send-keys", "-t", "main", "-l", `printf '\033]2;my own title\007'; `+bin+"; echo exit status $?")
	s.keys("Enter")
	s.waitFor("Speakers")
	title := func() string {
		return strings.TrimSpace(s.tmux("display-message", "-p", "-t", "main", "#{pane_title}"))
	}
	if got := title(); !strings.HasPrefix(got, "counterpoint — ") {
		t.Errorf("title while running %q", got)
	}
	s.keys("q")
	s.waitFor("exit status 0")
	if got := title(); got != "my own title" {
		t.Errorf("title after q %q, want \"my own title\"", got)
	}
}

// Status 2 is for a mistake in the command line only: "--version >
// /dev/full" exited 2, and "--help > /dev/full" exited 0.
func TestExitStatusOfFailedWrites(t *testing.T) {
	bin := goBuild(t)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full here: %v", err)
	}
	defer full.Close()
	for _, row := range []struct {
		args   []string
		status int
	}{
		{[]string{"--version"}, 1},
		{[]string{"--help"}, 1},
		{[]string{"list", "--help"}, 1},
		{[]string{"list"}, 1},
		{[]string{"export"}, 1},
		{[]string{"bogus"}, 2},
		{[]string{"--bogus"}, 2},
		{[]string{"validate", "a", "b"}, 2},
		{[]string{"list", "--speaker", "nobody"}, 2},
	} {
		var stderr bytes.Buffer
		cmd := exec.Command(bin, row.args...)
		cmd.Stdout, cmd.Stderr, cmd.Env = full, &stderr, cleanEnv()
		_ = cmd.Run()
		if got := cmd.ProcessState.ExitCode(); got != row.status {
			t.Errorf("counterpoint %s > /dev/full: status %d, want %d; stderr %q", strings.Join(row.args, " "), got, row.status, stderr.String())
		}
		if row.status == 1 && !strings.Contains(stderr.String(), "no space left on device") {
			t.Errorf("counterpoint %s > /dev/full: stderr %q does not say why", strings.Join(row.args, " "), stderr.String())
		}
	}
}

// explorerPID is the process id of the program the pane's shell runs: its
// one child, from /proc where there is one, else from pgrep.
func (s *session) explorerPID() string {
	s.t.Helper()
	shell := strings.TrimSpace(s.tmux("display-message", "-p", "-t", "main", "#{pane_pid}"))
	if data, err := os.ReadFile("/proc/" + shell + "/task/" + shell + "/children"); err == nil {
		if f := strings.Fields(string(data)); len(f) == 1 {
			return f[0]
		}
	}
	out, err := exec.Command("pgrep", "-P", shell).Output()
	if f := strings.Fields(string(out)); err != nil || len(f) != 1 {
		s.t.Fatalf("cannot find the one process under the shell %s: %v %q", shell, err, out)
	}
	return strings.TrimSpace(string(out))
}
