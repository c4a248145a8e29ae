package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"counterpoint/internal/synth"
)

// An annotation whose article.file leads out of its folder is refused, with
// a message that says how to name such an article deliberately; --article
// names it, for every command, and nothing the file says can.
func TestArticleElsewhere(t *testing.T) {
	good := copyBundled(t)
	dir := filepath.Dir(good)
	elsewhere := filepath.Join(t.TempDir(), "moved.txt")
	if err := os.Rename(filepath.Join(dir, "article.txt"), elsewhere); err != nil {
		t.Fatal(err)
	}
	yaml, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	outside := strings.Replace(string(yaml), "file: article.txt", "file: "+elsewhere, 1)
	if outside == string(yaml) {
		t.Fatal("the bundled annotation no longer names article.txt")
	}
	if err := os.WriteFile(good, []byte(outside), 0o600); err != nil {
		t.Fatal(err)
	}

	// The position is that of the value of article.file, wherever the
	// bundled annotation's comments put it.
	line := strings.Count(string(yaml[:strings.Index(string(yaml), "file: article.txt")]), "\n") + 1
	r := runCLI(t, "validate", good)
	want := fmt.Sprintf("%s:%d:9: cannot read the article %q: outside the", good, line, elsewhere) + " annotation's folder; refused without reading it\n" +
		"    keep the article in the annotation's folder or below and name it relative to the annotation; " +
		"to read an article kept elsewhere, name it on the command line with --article FILE\n"
	if r.code != 1 || r.stdout != "" || r.stderr != want {
		t.Errorf("validate: exit %d, stdout %q, stderr:\n%s\nwant:\n%s", r.code, r.stdout, r.stderr, want)
	}

	for _, args := range [][]string{
		{"validate", good, "--article", elsewhere},
		{"--claims", good, "--article", elsewhere, "list", "--speaker", "obama"},
		{"--claims", good, "--article", elsewhere, "export"},
		{"--claims", good, "--article", elsewhere, "speakers"},
		{"--claims", good, "--article", elsewhere}, // the explorer, or the listing off a terminal
	} {
		r := runCLI(t, args...)
		if r.code != 0 || r.stdout == "" {
			t.Errorf("counterpoint %s: exit %d, stdout %.80q, stderr %q", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	if r := runCLI(t, "validate", good, "--article", elsewhere); !strings.HasSuffix(r.stdout, "; every passage found in "+elsewhere+"\n") {
		t.Errorf("validate with --article: %q", r.stdout)
	}

	r = runCLI(t, "--article", elsewhere, "list")
	if r.code != 2 || !strings.Contains(r.stderr, "--article replaces the article of an annotation: name the annotation too") {
		t.Errorf("--article without an annotation: exit %d, stderr %q", r.code, r.stderr)
	}
}

// A usage error lists at most 20 known ids, each cut, and echoes a long
// word cut too.
func TestUsageErrorsAreShort(t *testing.T) {
	path := writeSynth(t, 2000) // 100 speakers
	r := runCLI(t, "--claims", path, "list", "--speaker", strings.Repeat("y", 10000))
	if r.code != 2 || !strings.Contains(r.stderr, "unknown speaker \""+strings.Repeat("y", 60)+"…\"; the speakers are: ") ||
		!strings.Contains(r.stderr, ", … and 80 more\n") || len(r.stderr) > 2000 {
		t.Errorf("exit %d, %d bytes of stderr: %.300q", r.code, len(r.stderr), r.stderr)
	}
}

// writeSynth writes a synthetic annotation of n claims and its article.
func writeSynth(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	a := synth.Generate(n, 1)
	if err := os.WriteFile(filepath.Join(dir, synth.ArticleFile), a.Article, 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "claims.yaml")
	if err := os.WriteFile(path, a.YAML, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
