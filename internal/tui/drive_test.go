package tui

import (
	"reflect"
	"time"

	tea "charm.land/bubbletea/v2"
)

// drive sends a message and then runs the commands it returns, as Bubble
// Tea would, feeding their messages back in: the forms move from field to
// field through such messages. A command still running after a moment (a
// cursor's blink, a timer) is dropped, as is quitting.
func drive(m Model, msg tea.Msg) Model {
	queue := []tea.Msg{msg}
	for steps := 0; len(queue) > 0 && steps < 200; steps++ {
		msg := queue[0]
		queue = queue[1:]
		next, cmd := m.Update(msg)
		m = next.(Model)
		queue = append(queue, runCmd(cmd)...)
	}
	return m
}

// runCmd runs a command, and those of a batch or a sequence, returning the
// messages that came within a moment.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(cmdWait):
		return nil
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runCmd(c)...)
		}
		return out
	}
	// tea.Sequence's message is a list of commands of an unexported type.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := range v.Len() {
			if c, ok := v.Index(i).Interface().(tea.Cmd); ok {
				out = append(out, runCmd(c)...)
			}
		}
		return out
	}
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		return nil
	}
	return []tea.Msg{msg}
}

// cmdWait is how long a command may take before it is taken for a timer
// and dropped.
var cmdWait = 20 * time.Millisecond

// drivePress is press, with the commands run.
func drivePress(m Model, keys ...string) Model {
	for _, k := range keys {
		if len([]rune(k)) > 1 && !specialKey[k] {
			for _, r := range k {
				m = drive(m, keyMsg(string(r)))
			}
			continue
		}
		m = drive(m, keyMsg(k))
	}
	return m
}

var specialKey = map[string]bool{"up": true, "down": true, "left": true, "right": true, "enter": true,
	"esc": true, "tab": true, "shift+tab": true, "backspace": true, "space": true, "pgup": true,
	"pgdown": true, "home": true, "end": true, "ctrl+c": true, "ctrl+u": true, "shift+left": true, "shift+right": true}
