package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestValidateBad checks that an unsound annotation gets exit 1, nothing on
// stdout, and every problem on stderr as file:line:col: what, then how to
// fix it, indented.
func TestValidateBad(t *testing.T) {
	for _, args := range [][]string{{"validate", bridgeBad}, {"--claims", bridgeBad, "validate"}, {"--claims", bridgeBad, "list"}} {
		r := runCLI(t, args...)
		if r.code != 1 || r.stdout != "" {
			t.Fatalf("counterpoint %s: exit %d, stdout %q; want 1 and nothing", strings.Join(args, " "), r.code, r.stdout)
		}
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		if last := lines[len(lines)-1]; last != "8 problems" {
			t.Errorf("last line %q, want \"8 problems\"", last)
		}
		head := regexp.MustCompile(`^testdata/bridge/bad\.yaml:(\d+:\d+): (.*)$`)
		var at []string
		msgs := map[string]string{}
		for _, line := range lines[:len(lines)-1] {
			if strings.HasPrefix(line, "    ") {
				continue // a fix, under its problem
			}
			m := head.FindStringSubmatch(line)
			if m == nil {
				t.Errorf("line %q is neither file:line:col: problem nor an indented fix", line)
				continue
			}
			at = append(at, m[1])
			msgs[m[1]] = m[2]
		}
		// The positions of the deliberate mistakes in testdata/bridge/bad.yaml,
		// in file order.
		want := []string{"11:11", "12:5", "22:11", "26:14", "28:11", "29:22", "32:5", "33:9"}
		if !slices.Equal(at, want) {
			t.Errorf("problems at %v, want %v", at, want)
		}
		for pos, words := range map[string]string{
			"11:11": `"politician"`, "12:5": `"shoe_size"`, "22:11": `"mayor-safe-open" is not in the article`,
			"26:14": `"mayr"`, "28:11": "occurs 2 times", "29:22": `"tolls"`, "32:5": `"explicit"`, "33:9": "to itself",
		} {
			if !strings.Contains(msgs[pos], words) {
				t.Errorf("problem at %s is %q; want it to mention %s", pos, msgs[pos], words)
			}
		}
		// Fixes are given, e.g. the nearest passage and the differing character.
		for _, fix := range []string{
			"    use one of: person, official, organization, state-media, group\n",
			"    nearest passage in the article (¶2): \"is perfectly safe and will stay open.\"\n",
			"    did you mean \"mayor\"?\n",
		} {
			if !strings.Contains(r.stderr, fix) {
				t.Errorf("stderr lacks the fix %q:\n%s", fix, r.stderr)
			}
		}
	}
}

// TestValidateFiles checks validate on files that are not sound annotations.
func TestValidateFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A good annotation whose article has moved away.
	good := copyBundled(t)
	if err := os.Remove(filepath.Join(filepath.Dir(good), "article.txt")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		want       []string // substrings of stderr
	}{
		{"missing", filepath.Join(dir, "missing.yaml"), []string{filepath.Join(dir, "missing.yaml") + ": no such file\n"}},
		{"directory", dir, []string{dir + ": is a directory, not a file\n"}},
		{"empty", write("empty.yaml", ""), []string{"empty.yaml: the annotation is empty\n"}},
		{"not_yaml", write("syntax.yaml", "article: [\n"), []string{"syntax.yaml:1:10: malformed YAML"}},
		{"not_utf8", write("latin1.yaml", "article:\n  title: caf\xe9\n"), []string{"latin1.yaml:2:13: not valid UTF-8: byte 0xE9"}},
		{"article_missing", good, []string{good + ":38:9: cannot read the article", "article.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "validate", tt.file)
			if r.code != 1 || r.stdout != "" {
				t.Fatalf("exit %d, stdout %q; want 1 and nothing\nstderr: %s", r.code, r.stdout, r.stderr)
			}
			for _, s := range tt.want {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
		})
	}
}

// TestHostileFileName checks that a file name carrying escape sequences is
// shown inert in messages.
func TestHostileFileName(t *testing.T) {
	name := filepath.Join(t.TempDir(), "x\x1b[2J\u202e.yaml")
	for _, args := range [][]string{{"validate", name}, {"--claims", name, "list"}} {
		r := runCLI(t, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "x␛[2J<U+202E>.yaml: no such file") {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
		if strings.ContainsAny(r.stderr, "\x1b\u202e") {
			t.Errorf("stderr holds a raw control: %q", r.stderr)
		}
	}
}
