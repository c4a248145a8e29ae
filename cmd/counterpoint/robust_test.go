package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"counterpoint/internal/claims"
)

// hostileCase is an annotation (and article) gone wrong in one way, and the
// first line of what every command that loads it must say.
type hostileCase struct {
	name string
	// annotation and article make the files' contents from the bridge
	// fixture's; nil keeps them as they are.
	annotation, article func(t *testing.T, s string) string
	// setup runs in the directory once the files are written.
	setup   func(t *testing.T)
	nonRoot bool // needs a user whom chmod 000 stops

	code  int
	first string // stderr's first line, exactly (code 1)
	last  string // stderr's last line, when it matters
	// ok checks the listing of a case that loads (code 0).
	ok func(t *testing.T, listing string)
}

// replaceOnce replaces old by new in s, failing the test unless old occurs
// exactly once: a row that edits nothing would test nothing.
func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if n := strings.Count(s, old); n != 1 {
		t.Fatalf("%q occurs %d times in the fixture", old, n)
	}
	return strings.Replace(s, old, new, 1)
}

func edits(pairs ...string) func(t *testing.T, s string) string {
	return func(t *testing.T, s string) string {
		for i := 0; i < len(pairs); i += 2 {
			s = replaceOnce(t, s, pairs[i], pairs[i+1])
		}
		return s
	}
}

func crlf(_ *testing.T, s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// sparse makes name a file just over the size cap, without writing its bytes.
func sparse(name string) func(t *testing.T) {
	return func(t *testing.T) {
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(claims.MaxFileSize + 1); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// directory replaces the file name by a directory.
func directory(name string) func(t *testing.T) {
	return func(t *testing.T) {
		if err := os.Remove(name); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(name, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func remove(name string) func(t *testing.T) {
	return func(t *testing.T) {
		if err := os.Remove(name); err != nil {
			t.Fatal(err)
		}
	}
}

func unreadable(name string) func(t *testing.T) {
	return func(t *testing.T) {
		if err := os.Chmod(name, 0); err != nil {
			t.Fatal(err)
		}
	}
}

// TestHostileAnnotations runs validate, list and the bare command on every
// kind of bad annotation and article: exit 1, nothing on stdout (nothing
// half-drawn), the first line of stderr naming the file, line and column,
// and not a byte nor a time stamp changed on disk. A cycle of relations, a
// byte order mark and CRLF line endings are legal and load.
func TestHostileAnnotations(t *testing.T) {
	baseYAML, err := os.ReadFile(bridge)
	if err != nil {
		t.Fatal(err)
	}
	baseArticle, err := os.ReadFile(filepath.Join(filepath.Dir(bridge), "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	plainListing := runCLI(t, "--claims", bridge, "list").stdout

	// The bridge's speakers, each an alias of one speaker whose aliases are
	// an alias of a list of 10,000: 100 million values expanded.
	var bomb strings.Builder
	bomb.WriteString("speakers: [{id: s0, name: n, role: r, kind: person, aliases: &T [")
	bomb.WriteString(strings.Repeat("x,", 10_000))
	bomb.WriteString("x]}, &S {id: s1, name: n, role: r, kind: person, aliases: *T}")
	bomb.WriteString(strings.Repeat(", *S", 10_000))
	bomb.WriteString("]\n\n")
	aliasBomb := func(t *testing.T, s string) string {
		start, end := strings.Index(s, "speakers:\n"), strings.Index(s, "topics:\n")
		if start < 0 || end < start {
			t.Fatal("the fixture has no speakers section")
		}
		return s[:start] + bomb.String() + s[end:]
	}
	var thousands strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&thousands, "  - {from: x%d, to: y%d, kind: refutes, explicit: maybe}\n", i, i)
	}
	const soundPrefix = "claims.yaml: sound — 5 claims by 4 speakers, 2 topics, "

	tests := []hostileCase{
		{name: "missing", setup: remove("claims.yaml"), code: 1,
			first: "claims.yaml: no such file"},
		{name: "directory", setup: directory("claims.yaml"), code: 1,
			first: "claims.yaml: is a directory, not a file"},
		{name: "unreadable", setup: unreadable("claims.yaml"), nonRoot: true, code: 1,
			first: "claims.yaml: permission denied"},
		{name: "empty", annotation: func(*testing.T, string) string { return "" }, code: 1,
			first: "claims.yaml: the annotation is empty"},
		{name: "blank", annotation: func(*testing.T, string) string { return "\n  \n# nothing yet\n" }, code: 1,
			first: "claims.yaml: the annotation is empty"},
		{name: "oversized", setup: sparse("claims.yaml"), code: 1,
			first: "claims.yaml: file is larger than the 64 MiB limit; refused without reading it"},
		{name: "not_utf8", annotation: edits("Mayor of Eastbrook", "Mayor of Eastbr\xf6ok"), code: 1,
			first: "claims.yaml:14:26: not valid UTF-8: byte 0xF6 cannot start or continue a character"},
		{name: "bom", annotation: func(_ *testing.T, s string) string { return "\ufeff" + s }, code: 0,
			ok: sameListing(plainListing)},
		{name: "crlf_annotation", annotation: crlf, code: 0, ok: sameListing(plainListing)},
		{name: "crlf_article", article: crlf, code: 0, ok: both(sameListing(plainListing), spansExact)},
		{name: "bom_crlf_both", annotation: func(t *testing.T, s string) string { return "\ufeff" + crlf(t, s) }, article: crlf, code: 0,
			ok: both(sameListing(plainListing), spansExact)},
		// Positions count lines as an editor does, whatever ends them, below
		// the fixture's comments too (the YAML library alone counts a CRLF
		// after a comment as two lines).
		{name: "crlf_error", annotation: func(t *testing.T, s string) string {
			return crlf(t, replaceOnce(t, s, "    speaker: council\n", "    speaker: councl\n"))
		}, code: 1,
			first: `claims.yaml:79:14: speaker "councl" is not defined`},
		{name: "bom_crlf_error", annotation: func(t *testing.T, s string) string {
			return "\ufeff" + crlf(t, replaceOnce(t, s, "    speaker: council\n", "    speaker: councl\n"))
		}, article: crlf, code: 1,
			first: `claims.yaml:79:14: speaker "councl" is not defined`},
		// The same without the fixture's five lines of comments.
		{name: "crlf_error_no_comments", annotation: func(t *testing.T, s string) string {
			s = s[strings.Index(s, "\narticle:\n")+1:]
			return crlf(t, replaceOnce(t, s, "    speaker: council\n", "    speaker: councl\n"))
		}, article: crlf, code: 1,
			first: `claims.yaml:73:14: speaker "councl" is not defined`},
		{name: "malformed", annotation: edits("topics: [safety, closure]\n    when: Monday", "topics: [safety, closure\n    when: Monday"), code: 1,
			first: "claims.yaml:51:5: malformed YAML: ',' or ']' must be specified"},
		{name: "alias_bomb", annotation: aliasBomb, code: 1,
			first: "claims.yaml:12:9274: the document expands to more than 224958 values through its aliases; refusing to expand it further"},
		{name: "deep_nesting", annotation: edits("    note: Annotator's reading.\n", "    note: "+strings.Repeat("[", 5000)+strings.Repeat("]", 5000)+"\n"), code: 1,
			first: "claims.yaml:97:72: the YAML nests more than 64 levels deep; refusing to parse it"},
		{name: "duplicate_key", annotation: edits("    role: Mayor\n", "    role: Mayor\n    role: Chief\n"), code: 1,
			first: `claims.yaml:16:5: malformed YAML: mapping key "role" already defined at [15:5]`},
		{name: "wrong_type", annotation: edits("    occurrence: 1\n", "    occurrence: [1]\n"), code: 1,
			first: "claims.yaml:65:17: occurrence must be a whole number, not a list"},
		{name: "unknown_field", annotation: edits("    aliases: [the mayor]\n", "    alias: [the mayor]\n"), code: 1,
			first: `claims.yaml:18:5: unknown field "alias" in a speaker`},
		{name: "colliding_ids", annotation: edits("  - id: engineer\n", "  - id: mayor\n"), code: 1,
			first: `claims.yaml:20:9: duplicate speaker id "mayor" (first defined at line 13)`},
		{name: "reference_to_nothing", annotation: edits("    to: mayor-safe-open\n", "    to: mayor-safe-opne\n"), code: 1,
			first: `claims.yaml:89:9: claim "mayor-safe-opne" is not defined`},
		{name: "relation_to_itself", annotation: edits("    to: mayor-safe-open\n", "    to: engineer-failed\n"), code: 1,
			first: `claims.yaml:89:9: relation from claim "engineer-failed" to itself`},
		// mayor-safe-open → mayor-formality → engineer-failed → mayor-safe-open
		{name: "cycle", annotation: func(_ *testing.T, s string) string {
			return s + "  - from: mayor-safe-open\n    to: mayor-formality\n    kind: rebuts\n    explicit: false\n"
		}, code: 0, ok: cycleListing(plainListing)},
		{name: "article_missing", setup: remove("article.txt"), code: 1,
			first: `claims.yaml:9:9: cannot read the article "article.txt": no such file`},
		{name: "article_directory", setup: directory("article.txt"), code: 1,
			first: `claims.yaml:9:9: cannot read the article "article.txt": is a directory, not a file`},
		{name: "article_unreadable", setup: unreadable("article.txt"), nonRoot: true, code: 1,
			first: `claims.yaml:9:9: cannot read the article "article.txt": permission denied`},
		{name: "article_empty", article: func(*testing.T, string) string { return "" }, code: 1,
			first: `claims.yaml:9:9: the article "article.txt" is empty`},
		{name: "article_oversized", setup: sparse("article.txt"), code: 1,
			first: `claims.yaml:9:9: cannot read the article "article.txt": file is larger than the 64 MiB limit; refused without reading it`},
		{name: "article_not_utf8", article: edits("The mayor of Eastbrook", "The mayor of Eastbr\xf6ok"), code: 1,
			first: "article.txt:3:20: the article is not valid UTF-8: byte 0xF6 cannot start or continue a character"},
		// The article edited after the annotation was written.
		{name: "article_changed", article: edits("will stay open.", "will remain open."), code: 1,
			first: `claims.yaml:48:11: quote of claim "mayor-safe-open" is not in the article`},
		{name: "thousands_of_errors", annotation: func(_ *testing.T, s string) string { return s + thousands.String() }, code: 1,
			first: `claims.yaml:102:49: explicit must be true or false, not "maybe"`,
			last:  "… and 901 more problems not shown (1001 in all)"},
	}

	root := os.Geteuid() == 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.nonRoot && root {
				t.Skip("running as root, which reads a chmod 000 file anyway; claims.TestUnreadableThroughFS covers permission denied")
			}
			dir := t.TempDir()
			t.Chdir(dir)
			yaml, article := string(baseYAML), string(baseArticle)
			if tt.annotation != nil {
				yaml = tt.annotation(t, yaml)
			}
			if tt.article != nil {
				article = tt.article(t, article)
			}
			for name, data := range map[string]string{"claims.yaml": yaml, "article.txt": article} {
				if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.setup != nil {
				tt.setup(t)
			}
			// Date everything in the past, so that a write, even of the same
			// bytes in the same clock tick as the setup, shows.
			backdate(t, dir)
			before := snapshot(t, dir)

			runs := [][]string{{"validate", "claims.yaml"}, {"--claims", "claims.yaml", "list"}, {"--claims", "claims.yaml"}}
			var reports []string
			for _, args := range runs {
				r := runCLI(t, args...)
				cmd := "counterpoint " + strings.Join(args, " ")
				if r.code != tt.code {
					t.Errorf("%s: exit %d, want %d\nstderr: %.2000s", cmd, r.code, tt.code, r.stderr)
				}
				if strings.Contains(r.stdout+r.stderr, "\x1b") {
					t.Errorf("%s: an escape sequence in the output", cmd)
				}
				if after := snapshot(t, dir); after != before {
					t.Errorf("%s changed the files on disk:\nbefore:\n%s\nafter:\n%s", cmd, before, after)
				}
				if tt.code == 0 {
					switch args[0] {
					case "validate":
						if !strings.HasPrefix(r.stdout, soundPrefix) || r.stderr != "" {
							t.Errorf("%s: stdout %q, stderr %q", cmd, r.stdout, r.stderr)
						}
					case "--claims":
						wantErr := ""
						if len(args) == 2 {
							wantErr = explorerHint
						}
						if r.stderr != wantErr {
							t.Errorf("%s: stderr %q, want %q", cmd, r.stderr, wantErr)
						}
						tt.ok(t, r.stdout)
					}
					continue
				}
				if r.stdout != "" {
					t.Errorf("%s: failed, yet wrote to stdout:\n%.2000s", cmd, r.stdout)
				}
				lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
				if lines[0] != tt.first {
					t.Errorf("%s: stderr begins\n%q\nwant\n%q", cmd, lines[0], tt.first)
				}
				if tt.last != "" && lines[len(lines)-1] != tt.last {
					t.Errorf("%s: stderr ends\n%q\nwant\n%q", cmd, lines[len(lines)-1], tt.last)
				}
				if len(lines) < 2 || !strings.HasPrefix(lines[1], "    ") {
					t.Errorf("%s: no fix under the problem:\n%.2000s", cmd, r.stderr)
				}
				reports = append(reports, r.stderr)
			}
			// Whatever the command, the same report.
			for i := 1; i < len(reports); i++ {
				if reports[i] != reports[0] {
					t.Errorf("counterpoint %s reports otherwise than counterpoint %s:\n%s\n---\n%s",
						strings.Join(runs[i], " "), strings.Join(runs[0], " "), reports[i], reports[0])
				}
			}
		})
	}
}

// backdate sets the modification time of everything under dir to a day
// long past.
func backdate(t *testing.T, dir string) {
	t.Helper()
	past := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	err := filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(path, past, past)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// snapshot describes every file and directory under dir: kind, permissions,
// size, modification time and a hash of the contents.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(&b, "%s %v %d %d", rel, info.Mode(), info.Size(), info.ModTime().UnixNano())
		if info.Mode().IsRegular() {
			b.WriteString(" " + contentHash(path))
		}
		b.WriteByte('\n')
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func contentHash(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return "unreadable" // chmod 000, for a user it stops
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unreadable"
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// sameListing checks that a listing is the plain fixture's.
func sameListing(plain string) func(t *testing.T, listing string) {
	return func(t *testing.T, listing string) {
		t.Helper()
		if listing != plain {
			t.Errorf("the listing differs from the plain fixture's:\n%s\nwant:\n%s", listing, plain)
		}
	}
}

// both runs every check.
func both(checks ...func(t *testing.T, listing string)) func(t *testing.T, listing string) {
	return func(t *testing.T, listing string) {
		t.Helper()
		for _, c := range checks {
			c(t, listing)
		}
	}
}

// spansExact checks, over an article with CRLF line endings, that every span
// of the export is exactly its passage, in the article's own bytes.
func spansExact(t *testing.T, _ string) {
	t.Helper()
	r := runCLI(t, "export", "--claims", "claims.yaml")
	var doc struct {
		Article struct{ Text string }
		Claims  []struct {
			ID, Mode, Text, Source string
			Span                   struct{ Start, End int }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("export: %v\n%s", err, r.stderr)
	}
	if strings.Count(doc.Article.Text, "\r\n") != 9 {
		t.Fatalf("the exported article has not kept its 9 CRLF line endings: %q", doc.Article.Text)
	}
	if len(doc.Claims) != 5 {
		t.Fatalf("%d claims exported, want 5", len(doc.Claims))
	}
	for _, c := range doc.Claims {
		passage := c.Text
		if c.Mode == "paraphrase" {
			passage = c.Source
		}
		if got := doc.Article.Text[c.Span.Start:c.Span.End]; got != passage {
			t.Errorf("%s: span [%d, %d) holds %q, want %q", c.ID, c.Span.Start, c.Span.End, got, passage)
		}
	}
}

// cycleListing checks the listing of the bridge with a relation added that
// closes a cycle: the plain listing, with the new relation shown once from
// each end and nothing repeated.
func cycleListing(plain string) func(t *testing.T, listing string) {
	return func(t *testing.T, listing string) {
		t.Helper()
		want := strings.Replace(plain, "· 3 relations", "· 4 relations", 1)
		want = strings.Replace(want, "    topics: bridge safety, closing the bridge\n    ← contradicted by",
			"    topics: bridge safety, closing the bridge\n    → rebuts Mayor of Eastbrook (¶4, inferred) [mayor-formality]\n    ← contradicted by", 1)
		want = strings.Replace(want, "[engineer-failed]\n    ← unanswered\n\n¶5",
			"[engineer-failed]\n    ← rebutted by Mayor of Eastbrook (¶2, inferred) [mayor-safe-open]\n\n¶5", 1)
		if want == plain {
			t.Fatal("the expected listing is the plain one: the edits above no longer apply")
		}
		if listing != want {
			t.Errorf("listing:\n%s\nwant:\n%s", listing, want)
		}
	}
}

// TestExchangeWithACycleInTmux opens the bridge with a relation added that
// closes a cycle (mayor-safe-open → mayor-formality → engineer-failed →
// mayor-safe-open) and shows its exchange: every step once, in article
// order, and the program still quits cleanly.
func TestExchangeWithACycleInTmux(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	yaml, err := os.ReadFile(bridge)
	if err != nil {
		t.Fatal(err)
	}
	yaml = append(yaml, "  - from: mayor-safe-open\n    to: mayor-formality\n    kind: rebuts\n    explicit: false\n"...)
	article, err := os.ReadFile(filepath.Join(filepath.Dir(bridge), "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"claims.yaml": yaml, "article.txt": article} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	command := bin + " --claims " + filepath.Join(dir, "claims.yaml")
	s := runFromShell(t, 100, 30, command)
	s.waitFor("Speakers", "q quit")
	s.keys("x")
	steps := []string{
		"¶2  Mayor of Eastbrook rebuts Mayor of Eastbrook (¶4) · inferred by the annotator",
		"¶3  Town engineer contradicts Mayor of Eastbrook (¶2) · explicit reply",
		"¶4  Mayor of Eastbrook rebuts Town engineer (¶3) · inferred by the annotator",
		"¶5  Town council responds to Town engineer (¶3) · inferred by the annotator",
	}
	scr := s.waitFor(append([]string{"Exchange · 4 statements · 4 answers", "q quit"}, steps...)...)
	at := -1
	for _, step := range steps {
		if n := strings.Count(scr, step); n != 1 {
			t.Errorf("%q is on the screen %d times, want once:\n%s", step, n, scr)
			continue
		}
		if i := strings.Index(scr, step); i < at {
			t.Errorf("%q is out of article order:\n%s", step, scr)
		} else {
			at = i
		}
	}
	if n := strings.Count(scr, "“is perfectly safe and will stay open.”"); n != 1 {
		t.Errorf("the claim that opens the cycle is shown %d times, want once:\n%s", n, scr)
	}
	quitCleanly(t, s, command)
}
