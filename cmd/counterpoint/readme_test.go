package main

import (
	"os"
	"strings"
	"testing"
)

// The README shows what commands print; each "$ counterpoint …" block in it
// must be what the command prints today.
func TestREADMEShowsRealOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := 0
	for _, block := range strings.Split(string(readme), "```\n$ ")[1:] {
		block = block[:strings.Index(block, "```")]
		cmdline, want, _ := strings.Cut(block, "\n")
		args := strings.Fields(cmdline)
		if args[0] != "counterpoint" {
			continue
		}
		blocks++
		r := runCLI(t, args[1:]...)
		if r.code != 0 || r.stdout != want {
			t.Errorf("README shows for %q:\n%s\nthe command prints (exit %d):\n%s", cmdline, want, r.code, r.stdout)
		}
	}
	if blocks == 0 {
		t.Fatal("the README shows no command's output")
	}
}
