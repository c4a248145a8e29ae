package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLIWith runs the command line with stdin.
func runCLIWith(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// draft writes article.txt and claims.yaml, which validate; it keeps an
// existing claims.yaml unless --force, and reads standard input for "-".
func TestDraftCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sony")
	article := filepath.Join(packageDir, "..", "..", "assets", "article.txt")
	r := runCLI(t, "draft", article, "-o", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, " claims (10 quoted, ") || !strings.Contains(r.stdout, "counterpoint --claims "+filepath.Join(dir, "claims.yaml")) {
		t.Errorf("stdout: %s", r.stdout)
	}
	text, _ := os.ReadFile(filepath.Join(dir, "article.txt"))
	want, _ := os.ReadFile(article)
	if !bytes.Equal(text, want) {
		t.Error("article.txt is not the article")
	}
	yaml, _ := os.ReadFile(filepath.Join(dir, "claims.yaml"))
	if !bytes.Contains(yaml, []byte("# A MACHINE DRAFT")) || !bytes.Contains(yaml, []byte("# Check first:")) || !bytes.Contains(yaml, []byte("    draft:\n      rule: ")) {
		t.Errorf("claims.yaml lacks its comments or provenance:\n%.600s", yaml)
	}
	if r := runCLI(t, "validate", filepath.Join(dir, "claims.yaml")); r.code != 0 {
		t.Fatalf("the draft does not validate: %s", r.stderr)
	}
	if r := runCLI(t, "export", "--claims", filepath.Join(dir, "claims.yaml")); r.code != 0 || !strings.Contains(r.stdout, `"draft": {`) || !strings.Contains(r.stdout, `"mention": {`) {
		t.Errorf("export: %d %.300s", r.code, r.stderr)
	}

	// kept without --force
	os.WriteFile(filepath.Join(dir, "claims.yaml"), []byte("mine"), 0o644)
	r = runCLI(t, "draft", article, "-o", dir)
	if r.code != 1 || !strings.Contains(r.stderr, "exists; nothing was written (give --force to overwrite it)") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "claims.yaml")); string(got) != "mine" {
		t.Error("claims.yaml was overwritten without --force")
	}
	// standard input, with --force
	r = runCLIWith(t, string(want), "draft", "-", "-o", dir, "--force")
	if r.code != 0 {
		t.Fatalf("stdin: exit %d: %s", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "claims.yaml")); !bytes.Equal(got, yaml) {
		t.Error("the draft from standard input differs from the draft of the file")
	}
}

// draft on input it cannot draft: a clear message, exit 1, nothing written.
func TestDraftBadInput(t *testing.T) {
	tmp := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := write("huge.txt", nil)
	if err := os.Truncate(huge, 60<<20); err != nil { // 60 MB of one line, sparse
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, file, stdin, want string
		code                    int
	}{
		{"missing", filepath.Join(tmp, "nope.txt"), "", "nope.txt: no such file", 1},
		{"empty", write("empty.txt", nil), "", "empty.txt: the article is empty", 1},
		{"binary", write("x.png", []byte("\x89PNG\r\n\x1a\n\x00\x00")), "", "x.png: the input is binary", 1},
		{"latin-1", write("l.txt", []byte("Le caf\xe9, dit-il.")), "", "l.txt: line 1, column 7: byte 0xE9 is not UTF-8", 1},
		{"60 MB", huge, "", "huge.txt is larger than 8 MiB", 1},
		{"no statement", write("plain.txt", []byte("The sun rose. It was warm.\n")), "", "plain.txt: found no quotation or reported statement to draft; nothing was written", 1},
		{"page without article", write("p.html", []byte("<html><body><nav>Home</nav></body></html>")), "", "p.html: the page has no article text that could be found", 1},
		{"stdin empty", "-", "", "standard input: the article is empty", 1},
		{"a directory", tmp, "", "is a directory", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(tmp, "out-"+strings.ReplaceAll(c.name, " ", "-"))
			r := runCLIWith(t, c.stdin, "draft", c.file, "-o", out)
			if r.code != c.code || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, c.code, c.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("something was written")
			}
		})
	}
	if r := runCLI(t, "draft", "x.txt"); r.code != 2 || !strings.Contains(r.stderr, "draft needs -o DIR") {
		t.Errorf("no -o: exit %d %q", r.code, r.stderr)
	}
}

// counterpoint ARTICLE drafts the article in memory; off a terminal it
// prints the draft's listing. A name that is no file is still an unknown
// command.
func TestRootDraftsAnArticle(t *testing.T) {
	article := filepath.Join(packageDir, "..", "..", "assets", "article.txt")
	r := runCLI(t, article)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Michael Lynton") || !strings.Contains(r.stdout, "I did reach out to senior folks at the White House.") {
		t.Errorf("listing of the draft:\n%.800s", r.stdout)
	}
	// A name with an extension or a folder in it is a file that is not
	// there, bad input; a bare word is a command that does not exist.
	for _, row := range []struct {
		arg, stderr string
		code        int
	}{
		{"no-such-article.txt", "counterpoint: no-such-article.txt: no such file\n", 1},
		{"no-such-page.html", "counterpoint: no-such-page.html: no such file\n", 1},
		{filepath.Join("no-such-folder", "story"), "counterpoint: " + filepath.Join("no-such-folder", "story") + ": no such file\n", 1},
		{"lst", "counterpoint: unknown command \"lst\" for \"counterpoint\"\n" + usageHint, 2},
	} {
		if r := runCLI(t, row.arg); r.code != row.code || r.stdout != "" || r.stderr != row.stderr {
			t.Errorf("counterpoint %s: exit %d, stdout %q, stderr %q; want exit %d, stderr %q", row.arg, r.code, r.stdout, r.stderr, row.code, row.stderr)
		}
	}
}

// The flags that name an annotation or its article are refused by draft,
// not ignored.
func TestDraftRefusesAnnotationFlags(t *testing.T) {
	article := filepath.Join(packageDir, "..", "..", "assets", "article.txt")
	for _, flag := range []string{"--claims", "--article"} {
		out := t.TempDir()
		r := runCLI(t, "draft", article, "-o", out, flag, "x.yaml")
		want := "counterpoint: draft makes an annotation from ARTICLE: " + flag + " has no meaning here\n" + usageHint
		if r.code != 2 || r.stdout != "" || r.stderr != want {
			t.Errorf("draft %s: exit %d, stdout %q, stderr %q", flag, r.code, r.stdout, r.stderr)
		}
		if entries, _ := os.ReadDir(out); len(entries) != 0 {
			t.Errorf("draft %s wrote %d files", flag, len(entries))
		}
	}
}
