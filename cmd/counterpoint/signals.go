package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// signalWatch stops counterpoint on the signals that ask it to stop. Outside
// the explorer it exits at once with status 128+n, saying so on stderr, so
// that an interrupted export is never taken for a finished one; while the
// explorer runs it asks Bubble Tea to quit, which restores the terminal
// first, and main exits with that status afterwards.
type signalWatch struct {
	mu      sync.Mutex
	got     os.Signal
	program *tea.Program // the explorer, while it runs
}

// watch is main's signalWatch; nil when run is called from a test.
var watch *signalWatch

func watchSignals(stderr io.Writer) *signalWatch {
	w := &signalWatch{}
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, stopSignals...)
	go func() {
		for s := range ch {
			w.mu.Lock()
			if w.got == nil {
				w.got = s
			}
			p := w.program
			w.mu.Unlock()
			if p == nil {
				fmt.Fprintf(stderr, "counterpoint: %s; stopped before finishing\n", signalWords(s))
				os.Exit(signalStatus(s))
			}
			var msg tea.Msg = tea.QuitMsg{}
			if s == os.Interrupt {
				msg = tea.InterruptMsg{}
			}
			go p.Send(msg)
		}
	}()
	return w
}

// running records the explorer, so that a signal quits it rather than the
// process; nil when it has stopped.
func (w *signalWatch) running(p *tea.Program) {
	if w == nil {
		return
	}
	w.mu.Lock()
	w.program = p
	w.mu.Unlock()
}

// received is the first stopping signal received, or nil.
func (w *signalWatch) received() os.Signal {
	if w == nil {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.got
}
