//go:build !linux

package main

import "testing"

// The pseudo-terminal tests open /dev/ptmx with Linux's ioctls; elsewhere
// they say so rather than vanish.

const noPTY = "the pseudo-terminal tests need Linux (/dev/ptmx and its ioctls)"

func TestExplorerOnATerminalThatAnswersNothing(t *testing.T) { t.Skip(noPTY) }
func TestListingWhenStdinIsNotATerminal(t *testing.T)        { t.Skip(noPTY) }
func TestListingWhenStdoutIsNotATerminal(t *testing.T)       { t.Skip(noPTY) }
func TestErrorsOnATerminalThatAnswersNothing(t *testing.T)   { t.Skip(noPTY) }
