package main

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"counterpoint/assets"
	"counterpoint/internal/claims"
	"counterpoint/internal/tui"
)

// panicky is the explorer with a bug planted: it panics on "!".
type panicky struct{ tui.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "!" {
		panic("planted bug")
	}
	m, cmd := p.Model.Update(msg)
	return panicky{m.(tui.Model)}, cmd
}

// screenWriter collects the program's output and says when the alternate
// screen has been entered, so that the planted key arrives after it.
type screenWriter struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	entered chan struct{}
	once    sync.Once
}

func (w *screenWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if bytes.Contains(w.buf.Bytes(), []byte("\x1b[?1049h")) {
		w.once.Do(func() { close(w.entered) })
	}
	return len(p), nil
}

func (w *screenWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// keysAfter types its keys once the screen is up.
type keysAfter struct {
	ready <-chan struct{}
	keys  *strings.Reader
}

func (k keysAfter) Read(p []byte) (int, error) {
	<-k.ready
	return k.keys.Read(p)
}

// TestPanicRestoresTheTerminal runs the explorer until a planted panic: the
// run ends with an error saying so, and the output ends by leaving the
// alternate screen, turning the mouse off and showing the cursor again.
func TestPanicRestoresTheTerminal(t *testing.T) {
	cm, err := claims.LoadFS(assets.FS, assets.Annotation)
	if err != nil {
		t.Fatal(err)
	}
	// Bubble Tea reports the panic on the process's stderr; keep it out of
	// the test's output.
	saved := os.Stderr
	os.Stderr, _ = os.Open(os.DevNull)
	t.Cleanup(func() { os.Stderr = saved })

	out := &screenWriter{entered: make(chan struct{})}
	in := keysAfter{out.entered, strings.NewReader("jj!")}
	err = runExplorer(context.Background(), panicky{tui.New(cm, tui.Options{})}, in, out)
	if !errors.Is(err, errExplorerPanic) {
		t.Fatalf("run ended with %v, want the internal-error message", err)
	}
	if got := exitStatus(err); got != exitInput {
		t.Errorf("a panic exits with status %d, want %d", got, exitInput)
	}
	o := out.String()
	enter := strings.Index(o, "\x1b[?1049h")
	leave := strings.LastIndex(o, "\x1b[?1049l")
	if enter < 0 || leave < enter {
		t.Fatalf("the alternate screen was not left after the panic (entered at %d, left at %d):\n%q", enter, leave, o)
	}
	for _, restore := range []string{"\x1b[?25h", "\x1b[?1002l", "\x1b[?1006l"} {
		if !strings.Contains(o[enter:], restore) {
			t.Errorf("%q (cursor on, mouse off) missing after the panic:\n%q", restore, o[enter:])
		}
	}
}

func TestQuitEndsTheRunCleanly(t *testing.T) {
	cm, err := claims.LoadFS(assets.FS, assets.Annotation)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runExplorer(context.Background(), tui.New(cm, tui.Options{}), strings.NewReader("jlq"), &out); err != nil {
		t.Fatalf("q: %v", err)
	}
	if o := out.String(); !strings.Contains(o, "\x1b[?1049h") || !strings.Contains(o, "\x1b[?1049l") {
		t.Errorf("the explorer did not enter and leave the alternate screen:\n%q", o)
	}
}

// While the explorer starts, garbage collection is off (and a memory limit
// bounds what the start may allocate meanwhile); releasing gives the
// collector back its settings, once however often it is called. GOGC or
// GOMEMLIMIT set by the user are left alone, and so is collection when a
// large annotation is loaded.
func TestHoldGCDuringTheStart(t *testing.T) {
	percent := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) })

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	release := holdGC(time.Hour)
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("while the explorer starts, GOGC is %d, want off", p)
	}
	if l := debug.SetMemoryLimit(-1); l == math.MaxInt64 || l < startRoom {
		t.Errorf("while the explorer starts, the memory limit is %d", l)
	}
	release()
	release()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("released, GOGC is %d, want 100 as it was", p)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Errorf("released, the memory limit is %d, want none as it was", l)
	}

	// With a large annotation loaded, collection goes on as usual.
	big := make([]byte, holdUpTo+8<<20)
	release = holdGC(time.Hour)
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("with %d MB in use, GOGC became %d", len(big)>>20, p)
	}
	release()
	runtime.KeepAlive(big)

	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, map[string]string{"GOGC": "200", "GOMEMLIMIT": "1GiB"}[env])
			release := holdGC(time.Hour)
			defer release()
			if p := debug.SetGCPercent(100); p != 100 {
				t.Errorf("with %s set, GOGC became %d", env, p)
			}
			if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
				t.Errorf("with %s set, the memory limit became %d", env, l)
			}
		})
	}
}
