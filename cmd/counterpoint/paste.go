package main

import (
	"bytes"
	"os"
	"sync"
	"time"
)

// pasteGuard reads the terminal for Bubble Tea and closes a bracketed paste
// that the terminal never closes. Between "ESC[200~" and "ESC[201~" Bubble
// Tea's reader takes every byte for pasted text, so a start without an end
// (a hostile text pasted raw, a terminal's bug) swallowed every key after it,
// ctrl+c and q among them. A paste arrives in one burst; once the bytes stop
// for pasteGap with the paste still open, the guard puts an end marker in
// front of the next bytes read, which then count as keys again.
type pasteGuard struct {
	*os.File // Fd, Name, Write and Close for Bubble Tea's raw mode and reader

	mu      sync.Mutex
	open    bool      // inside a paste
	last    time.Time // when the last bytes came
	tail    []byte    // the last bytes read, for a marker split across reads
	pending []byte    // bytes read but not yet returned
}

// pasteGap is how long a paste may pause before it is taken to have ended.
const pasteGap = 300 * time.Millisecond

var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

func (g *pasteGuard) Read(p []byte) (int, error) {
	g.mu.Lock()
	if len(g.pending) > 0 {
		n := copy(p, g.pending)
		g.pending = g.pending[n:]
		g.mu.Unlock()
		return n, nil
	}
	g.mu.Unlock()
	n, err := g.File.Read(p)
	if n == 0 {
		return n, err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	now := time.Now()
	stale := g.open && now.Sub(g.last) > pasteGap
	g.last = now
	if !stale {
		g.track(p[:n])
		return n, err
	}
	// Close the stale paste in front of what was just read, in the same
	// read: the reader above waits for the terminal before it reads again.
	g.open, g.tail = false, g.tail[:0]
	g.track(p[:n])
	e := len(pasteEnd)
	if len(p) >= n+e {
		copy(p[e:], p[:n])
		copy(p, pasteEnd)
		return n + e, err
	}
	g.pending = append(g.pending[:0], p[:n]...)
	return copy(p, pasteEnd), err
}

// track follows the paste markers in data.
func (g *pasteGuard) track(data []byte) {
	seen := append(g.tail, data...)
	start := bytes.LastIndex(seen, pasteStart)
	end := bytes.LastIndex(seen, pasteEnd)
	switch {
	case start > end:
		g.open = true
	case end > start:
		g.open = false
	}
	k := min(len(seen), len(pasteStart)-1)
	g.tail = append(g.tail[:0], seen[len(seen)-k:]...)
}
