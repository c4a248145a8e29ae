//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// stopSignals are the signals that stop counterpoint: ctrl+c, kill, a
// terminal hanging up, and ctrl+\ (whose default, a goroutine dump, would
// leave the explorer's terminal in raw mode on the alternate screen).
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// signalStatus is the exit status for a stopping signal: 128 + its number,
// as shells report a process killed by it.
func signalStatus(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 1
}

func signalWords(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "interrupted"
	case syscall.SIGTERM:
		return "terminated"
	case syscall.SIGHUP:
		return "the terminal hung up"
	case syscall.SIGQUIT:
		return "quit"
	}
	return s.String()
}

// suspender suspends the explorer on ctrl+z and on SIGTSTP (from kill, or a
// shell's job control): it gives the terminal back as it found it, stops
// the process, and once continued takes the terminal again and draws the
// whole frame afresh. Left to its default, SIGTSTP stopped the process with
// the terminal raw, on the alternate screen, and after fg it came back
// cooked, echoing keys onto the frame. Bubble Tea's own tea.Suspend stops
// the process with SIGTSTP, which, once a Go program has asked for it, the
// runtime goes on catching even after signal.Reset (the process never
// stopped); so the suspender stops it with SIGSTOP, which cannot be caught.
type suspender struct {
	ch     chan os.Signal
	p      *tea.Program
	fd     uintptr
	cooked *term.State // the terminal's modes before the explorer
}

func newSuspender(p *tea.Program, in any) *suspender {
	s := &suspender{ch: make(chan os.Signal, 1), p: p}
	if f, ok := in.(interface{ Fd() uintptr }); ok && term.IsTerminal(f.Fd()) {
		s.fd = f.Fd()
		s.cooked, _ = term.GetState(s.fd)
	}
	signal.Notify(s.ch, syscall.SIGTSTP)
	go func() {
		for range s.ch {
			p.Send(tea.SuspendMsg{})
		}
	}()
	return s
}

func (s *suspender) suspend() {
	if err := s.p.ReleaseTerminal(); err != nil {
		return
	}
	// ReleaseTerminal left the terminal raw when a signal, not a key,
	// asked for the suspension: give the shell its modes back ourselves.
	if s.cooked != nil {
		_ = term.Restore(s.fd, s.cooked)
	}
	// kill returns before the job has stopped (another thread takes the
	// signal and stops the rest), and the terminal was then taken back,
	// raw, before the stop: wait for SIGCONT, as tea.Suspend does.
	cont := make(chan os.Signal, 1)
	signal.Notify(cont, syscall.SIGCONT)
	_ = syscall.Kill(0, syscall.SIGSTOP) // the whole job, as SIGTSTP would
	<-cont
	signal.Stop(cont)
	// Continued (fg, or SIGCONT).
	_ = s.p.RestoreTerminal()
	go func() {
		s.p.Send(tea.ClearScreen()) // the screen holds the shell's lines now
		s.p.Send(tea.ResumeMsg{})
	}()
}

// filter suspends on ctrl+z and on SIGTSTP's SuspendMsg, in Bubble Tea's
// event loop as its own suspension does: from another goroutine, releasing
// the terminal raced with the loop, which now and then left it raw.
func (s *suspender) filter(msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() != "ctrl+z" {
			return msg
		}
	case tea.SuspendMsg:
	default:
		return msg
	}
	s.suspend()
	return nil
}

func (s *suspender) stop() { signal.Stop(s.ch) }
