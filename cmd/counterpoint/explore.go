package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"counterpoint/internal/tui"
)

// runRoot is bare counterpoint: the explorer on a terminal, the listing
// otherwise (a pipe, a file, CI), with a word on how to open the explorer.
func runRoot(cmd *cobra.Command, o *options) error {
	in, out := cmd.InOrStdin(), underlying(cmd.OutOrStdout())
	if !isTerminal(in) || !isTerminal(out) {
		o.format = "text"
		if err := runList(cmd, o); err != nil {
			return err
		}
		fmt.Fprint(cmd.ErrOrStderr(), explorerHint)
		return nil
	}
	// A bad annotation or option is reported before Bubble Tea starts, so
	// the terminal is never touched for it. The explorer itself is built
	// while Bubble Tea starts (see tui.Boot).
	m, d, err := o.explored(cmd)
	if err != nil {
		return badInput(err)
	}
	sp, f, _, err := filterFrom(m, o)
	if err != nil {
		return err
	}
	open, saveDir := openerFor(o, d)
	defer holdGC(startGrace)()
	return runExplorer(cmd.Context(), tui.NewBoot(func() tui.Model {
		return tui.New(m, tui.Options{Speaker: sp, Topics: f.Topics, OpenDoc: open, SaveDir: saveDir})
	}), in, out)
}

// runExplorer runs the explorer until it quits. Bubble Tea restores the
// terminal on the way out, also after a panic, which it reports on stderr,
// and on the signals that watch turns into quitting; ctrl+z and SIGTSTP
// suspend it, and a bracketed paste the terminal never closes is closed
// (see pasteGuard).
func runExplorer(ctx context.Context, model tea.Model, in io.Reader, out io.Writer) error {
	if f, ok := in.(*os.File); ok && term.IsTerminal(f.Fd()) {
		in = &pasteGuard{File: f}
	}
	var susp *suspender
	// Bubble Tea writes a frame at its next tick, whenever it was drawn:
	// at its default 60 a second the first frame waited up to 17 ms for
	// the first tick, and every key up to 17 ms for its frame; at 120, half
	// as long. An idle tick finds the frame unchanged and writes nothing,
	// but costs the waking: about 10 ms of processor time a second more.
	p := tea.NewProgram(model, tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(frameRate),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg { return susp.filter(msg) }))
	susp = newSuspender(p, in)
	defer susp.stop()
	// Bubble Tea sets the window title from the view and clears it on the
	// way out; the terminal's title stack (XTWINOPS 22 and 23, ignored where
	// unknown) gives the reader's own title back instead.
	title, _ := out.(*os.File)
	if title != nil && term.IsTerminal(title.Fd()) {
		_, _ = io.WriteString(title, pushTitle)
		defer io.WriteString(title, popTitle)
	}
	watch.running(p)
	_, err := p.Run()
	watch.running(nil)
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// Reported as "killed: panic": ask about the panic first.
		return errExplorerPanic
	case err == nil, errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled):
		// Quit, or stopped by a signal: the terminal is restored either
		// way, and main gives a signal's exit status.
		return nil
	}
	return fmt.Errorf("explorer: %w", err)
}

// frameRate is the most frames a second Bubble Tea writes: its highest.
const frameRate = 120

const (
	pushTitle = "\x1b[22;0t" // save the window and icon titles
	popTitle  = "\x1b[23;0t" // restore them
)

var errExplorerPanic = errors.New("the explorer stopped on an internal error (reported above); the terminal has been restored")

// explorerHint follows the listing that bare counterpoint prints when it is
// not run in a terminal. It goes to stderr, so that the listing in a file or
// a pipe stays clean.
const explorerHint = "counterpoint: not a terminal, so this is the listing; run counterpoint in a terminal to open the explorer.\n"

// isTerminal says whether a stream is a terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}

// startGrace is how long garbage collection waits once the annotation is
// loaded: the explorer's start (building it, Bubble Tea setting the
// terminal up, the first frame) takes a few tens of milliseconds.
const startGrace = time.Second

// startRoom is how much the start may allocate before a collection comes
// all the same.
const startRoom = 32 << 20

// holdUpTo is the most memory in use, the annotation loaded, for which
// collection waits. A larger annotation's start is mostly spent loading it
// (collected as before) and indexing it for the explorer, whose garbage
// is better collected as it comes than held: a collection there is a small
// part of a start of a second.
const holdUpTo = 64 << 20

// holdGC puts garbage collection off for d, and for at most startRoom more
// bytes, and returns what gives the collector back its settings at once.
// The start allocates a few megabytes, most of them kept (the screen's
// cells, the explorer), and Go's first collection comes at 4 MB: it came
// in the middle of the start, as a person waits for the first frame, and
// took 2–4 ms of processor time there, as much as building the explorer
// and drawing its first frame; a second later it costs nothing anyone
// waits on. GOGC or GOMEMLIMIT set by the user are left as they are.
func holdGC(d time.Duration) (release func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Uint64() > holdUpTo {
		return func() {}
	}
	limit := debug.SetMemoryLimit(int64(sample[0].Value.Uint64()) + startRoom)
	percent := debug.SetGCPercent(-1)
	var once sync.Once
	release = func() {
		once.Do(func() {
			debug.SetGCPercent(percent)
			debug.SetMemoryLimit(limit)
		})
	}
	time.AfterFunc(d, release)
	return release
}
