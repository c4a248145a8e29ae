//go:build !unix

package main

import (
	"os"

	tea "charm.land/bubbletea/v2"
)

var stopSignals = []os.Signal{os.Interrupt}

func signalStatus(os.Signal) int { return 130 }

func signalWords(os.Signal) string { return "interrupted" }

// suspender does nothing where there is no job control.
type suspender struct{}

func newSuspender(*tea.Program, any) *suspender { return &suspender{} }
func (*suspender) filter(msg tea.Msg) tea.Msg   { return msg }
func (*suspender) stop()                        {}
