// Command counterpoint reads the claims and counterclaims in a news article:
// who said what, who answered whom, and where in the article each statement
// stands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"charm.land/fang/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/sanitize"
)

// version is the release; the commit is added from the build information.
const version = "0.1.0"

// Exit statuses, as the README documents them.
const (
	exitOK    = 0
	exitInput = 1 // bad input: a file missing, malformed or unsound
	exitUsage = 2 // wrong usage: an unknown command, flag or id
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot()
	if args == nil {
		args = []string{} // cobra would read os.Args instead of nil
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithCommit(commit()),
		fang.WithErrorHandler(reportError),
		fang.WithNotifySignal(os.Interrupt),
	)
	if err == nil {
		return exitOK
	}
	var ie *inputError
	if errors.As(err, &ie) {
		return exitInput
	}
	return exitUsage
}

func commit() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				return s.Value
			}
		}
	}
	return ""
}

// inputError marks an error caused by the input (exit 1) rather than by the
// way the command was called (exit 2).
type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

func badInput(err error) error {
	if err == nil {
		return nil
	}
	return &inputError{err}
}

// usageError marks a mistake in how the command was called.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// reportError prints an error for a person: every problem of a load error
// with its fix, anything else in fang's style. Names and text from the
// input are sanitised first, so a hostile file name or quote cannot drive the
// terminal.
func reportError(w io.Writer, _ fang.Styles, err error) {
	var le *claims.LoadError
	if errors.As(err, &le) {
		fmt.Fprint(w, sanitize.Text(le.Detail(maxShownProblems)))
		return
	}
	var ie *inputError
	if errors.As(err, &ie) {
		fmt.Fprintln(w, "counterpoint: "+sanitize.Line(err.Error()))
		return
	}
	// A usage error: plain words rather than fang's styled box, which wraps
	// long messages mid-word (ids among them).
	fmt.Fprintf(w, "counterpoint: %s\nRun 'counterpoint --help' for usage.\n", sanitize.Line(err.Error()))
}

// maxShownProblems caps the problems printed at once; the count of the rest
// is still given.
const maxShownProblems = 100
