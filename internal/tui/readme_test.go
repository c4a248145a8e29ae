package tui

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The README's table of keys and the full help (?) name the same keys:
// every key in the table is in the help, and every key of the help is in
// the table.
func TestKeyTableMatchesHelp(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, "| key | does |")
	if start < 0 {
		t.Fatal("the README has no table of keys")
	}
	table := text[start:]
	table = table[:strings.Index(table, "\n\n")]
	tick := regexp.MustCompile("`([^`]+)`")
	inTable := map[string]bool{}
	for _, m := range tick.FindAllStringSubmatch(table, -1) {
		inTable[m[1]] = true
	}

	m := press(open(t, 140, 45), "?", "end")
	help := screen(press(open(t, 140, 45), "?")) + screen(m)
	for k := range inTable {
		if strings.Contains(k, " ") || strings.Contains(k, "set-clipboard") {
			continue // an example, not a key
		}
		if !strings.Contains(help, k) {
			t.Errorf("the README's key table names %q, the help does not", k)
		}
	}
	for _, group := range newKeyMap().FullHelp() {
		for _, b := range group {
			for _, k := range strings.Split(b.Help().Key, "/") {
				if k == "" {
					k = "/" // the search key
				}
				if !inTable[k] {
					t.Errorf("the help names %q (%s), the README's key table does not", k, b.Help().Desc)
				}
			}
		}
	}
}
