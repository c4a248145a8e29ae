package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"counterpoint/assets"
	"counterpoint/internal/claims"
)

// packageDir is this package's directory, where go test starts.
var packageDir string

func TestMain(m *testing.M) {
	// colorprofile, under fang, colours help even off a terminal when these
	// force it; the tests check the plain output that a pipe or file gets.
	for _, k := range []string{"CLICOLOR_FORCE", "TTY_FORCE"} {
		os.Unsetenv(k)
	}
	var err error
	if packageDir, err = os.Getwd(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// result is what one run of the command line gave.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the command line with args, no input, and buffers for output.
func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// listedIDs returns the claim ids of a text listing, in order: the [id] that
// ends each claim's head line.
func listedIDs(listing string) []string {
	var ids []string
	for _, line := range strings.Split(listing, "\n") {
		if !strings.HasPrefix(line, "¶") || !strings.HasSuffix(line, "]") {
			continue
		}
		if i := strings.LastIndex(line, "  ["); i >= 0 {
			ids = append(ids, line[i+3:len(line)-1])
		}
	}
	return ids
}

// copyBundled copies the bundled annotation and its article into a fresh
// directory and returns the annotation's path.
func copyBundled(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{assets.Annotation, "article.txt"} {
		data, err := fs.ReadFile(assets.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, assets.Annotation)
}

// The bridge annotation in testdata, relative to the package directory,
// where go test runs.
const (
	bridge    = "testdata/bridge/claims.yaml"
	bridgeBad = "testdata/bridge/bad.yaml"
)

// TestExitStatusContract checks the exit statuses that main.go documents:
// 0 on success, 1 for bad input (a file missing, malformed or unsound), 2 for
// wrong usage (an unknown command, flag or id), whatever the command.
func TestExitStatusContract(t *testing.T) {
	if exitOK != 0 || exitInput != 1 || exitUsage != 2 {
		t.Fatalf("exit statuses are %d, %d, %d; documented as 0, 1, 2", exitOK, exitInput, exitUsage)
	}
	dir := t.TempDir()
	noArticle := filepath.Join(dir, "claims.yaml") // an annotation whose article is missing
	data, err := fs.ReadFile(assets.FS, assets.Annotation)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(noArticle, data, 0o600); err != nil {
		t.Fatal(err)
	}
	want := map[int][][]string{
		exitOK: {
			{}, {"list"}, {"export"}, {"validate"}, {"speakers"}, {"topics"},
			{"--claims", bridge}, {"--claims", bridge, "list"}, {"--claims", bridge, "export"},
			{"--claims", bridge, "speakers"}, {"--claims", bridge, "topics"}, {"validate", bridge},
			{"--help"}, {"--version"},
		},
		exitInput: {
			{"--claims", "missing.yaml"}, {"--claims", "missing.yaml", "list"}, {"--claims", "missing.yaml", "export"},
			{"--claims", bridgeBad, "speakers"}, {"--claims", bridgeBad, "topics"},
			{"validate", "missing.yaml"}, {"validate", bridgeBad}, {"validate", dir}, {"validate", noArticle},
			{"--claims", bridgeBad, "validate"},
		},
		exitUsage: {
			{"nonsense"}, {"--nonsense"}, {"list", "--nonsense"}, {"list", "extra"}, {"speakers", "extra"},
			{"topics", "extra"}, {"export", "extra"}, {"validate", "a", "b"}, {"list", "--speaker"},
			{"list", "--speaker", "nobody"}, {"list", "--topic", "nothing"}, {"--speaker", "nobody"},
			{"list", "--format", "xml"}, {"export", "--format", "yaml"},
			// A usage mistake is reported before the file is read.
			{"--claims", "missing.yaml", "list", "--format", "xml"},
		},
	}
	for code, cases := range want {
		for _, args := range cases {
			r := runCLI(t, args...)
			if r.code != code {
				t.Errorf("counterpoint %s: exit %d, want %d\nstderr: %s", strings.Join(args, " "), r.code, code, r.stderr)
			}
			if code != exitOK && (r.stdout != "" || r.stderr == "") {
				t.Errorf("counterpoint %s: failed with stdout %q and stderr %q; want the error on stderr only",
					strings.Join(args, " "), r.stdout, r.stderr)
			}
			if code == exitOK && r.stderr != "" && !(r.stderr == explorerHint && isRoot(args)) {
				t.Errorf("counterpoint %s: succeeded with stderr %q", strings.Join(args, " "), r.stderr)
			}
		}
	}
}

// failWriter fails every write, like a closed pipe.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// TestOutputFailure checks that output that cannot be written is a failure
// (exit 1), said on stderr, and never taken for a usage mistake.
func TestOutputFailure(t *testing.T) {
	for _, args := range [][]string{{"list"}, {"list", "--format", "json"}, {"export"}, {"validate"}, {"speakers"}, {"topics"}} {
		var stderr bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), failWriter{}, &stderr)
		if code != exitInput || stderr.String() != "counterpoint: broken pipe\n" {
			t.Errorf("counterpoint %s to a broken pipe: exit %d, stderr %q; want 1 and \"counterpoint: broken pipe\\n\"",
				strings.Join(args, " "), code, stderr.String())
		}
	}
}

// TestReportError checks the three ways an error is printed.
func TestReportError(t *testing.T) {
	le := &claims.LoadError{Problems: []claims.Problem{
		{File: "a\x1b[2J.yaml", Pos: claims.Pos{Line: 3, Col: 5}, Msg: "bad \u202e thing", Fix: "fix it\nthen again"},
		{File: "a.yaml", Msg: "whole file"},
	}}
	tests := []struct {
		err  error
		want string
	}{
		{badInput(le), "a␛[2J.yaml:3:5: bad <U+202E> thing\n    fix it\n    then again\na.yaml: whole file\n2 problems\n"},
		{fmt.Errorf("wrapped: %w", le), "a␛[2J.yaml:3:5: bad <U+202E> thing\n    fix it\n    then again\na.yaml: whole file\n2 problems\n"},
		{badInput(errors.New("cannot write\x1b]52;c;aGk=\x07")), "counterpoint: cannot write␛]52;c;aGk=␇\n"},
		{usagef("unknown speaker %s", "x\u009by"), "counterpoint: unknown speaker x<U+009B>y\nRun 'counterpoint --help' for usage.\n"},
		{asUsage(errors.New("a cobra error")), "counterpoint: a cobra error\nRun 'counterpoint --help' for usage.\n"},
		// Not a usage mistake: no word on usage (a failed write of --version).
		{errors.New("write /dev/stdout: no space left on device"), "counterpoint: write /dev/stdout: no space left on device\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		reportError(&b, tt.err, 0)
		if b.String() != tt.want {
			t.Errorf("reportError(%v):\n%q\nwant:\n%q", tt.err, b.String(), tt.want)
		}
	}
	if badInput(nil) != nil {
		t.Error("badInput(nil) is not nil")
	}
}

// On a terminal, problems wrap to its width under their indentation.
func TestReportErrorWraps(t *testing.T) {
	le := &claims.LoadError{Problems: []claims.Problem{{File: "a.yaml", Pos: claims.Pos{Line: 3, Col: 5},
		Msg: "quote of claim \"x\" is not in the article", Fix: "nearest passage in the article (¶8): \"I don’t know exactly whether he understands\""}}}
	var b bytes.Buffer
	reportError(&b, le, 44)
	want := "a.yaml:3:5: quote of claim \"x\" is not in\n" +
		"    the article\n" +
		"    nearest passage in the article (¶8): \"I\n" +
		"    don’t know exactly whether he\n" +
		"    understands\"\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestLoadErrorCap checks that no more than maxShownProblems problems are
// printed, and that the rest are counted.
func TestLoadErrorCap(t *testing.T) {
	le := &claims.LoadError{}
	for i := range maxShownProblems + 5 {
		le.Problems = append(le.Problems, claims.Problem{File: "f.yaml", Pos: claims.Pos{Line: i + 1, Col: 1}, Msg: "bad"})
	}
	var b bytes.Buffer
	reportError(&b, badInput(le), 0)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != maxShownProblems+1 || lines[maxShownProblems] != "… and 5 more problems not shown (105 in all)" {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

// TestNilArgs checks that run reads its arguments and never os.Args, which
// cobra falls back to when given nil (under go test -update, os.Args holds
// the test's own flags).
func TestNilArgs(t *testing.T) {
	saved := os.Args
	t.Cleanup(func() { os.Args = saved })
	os.Args = []string{"counterpoint", "--no-such-flag"}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), nil, strings.NewReader(""), &stdout, &stderr)
	if code != exitOK || stderr.String() != explorerHint || !strings.HasPrefix(stdout.String(), "North Korea demands") {
		t.Errorf("run(nil) with os.Args %q: exit %d, stderr %q; want the listing", os.Args, code, stderr.String())
	}
}

// isRoot says whether the arguments run bare counterpoint, which adds a hint
// to its listing when it is not run in a terminal.
func isRoot(args []string) bool {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--claims" || a == "--speaker" || a == "--topic":
			i++
		case strings.HasPrefix(a, "-"):
		default:
			return false
		}
	}
	return !slices.Contains(args, "--help") && !slices.Contains(args, "--version")
}
