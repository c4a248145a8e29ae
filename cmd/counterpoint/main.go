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
	"strings"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"counterpoint/internal/claims"
	"counterpoint/internal/export"
	"counterpoint/internal/sanitize"
)

// version is the release; the commit is added from the build information.
const version = "0.1.0"

// Exit statuses, as the README documents them.
const (
	exitOK    = 0
	exitInput = 1 // bad input (a file missing, malformed or unsound), or an internal error
	exitUsage = 2 // wrong usage: an unknown command, flag or id
)

func main() {
	watch = watchSignals(os.Stderr)
	code := run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if s := watch.received(); s != nil {
		// The explorer quit on a signal, with the terminal restored.
		fmt.Fprintf(os.Stderr, "counterpoint: %s\n", signalWords(s))
		code = signalStatus(s)
	}
	os.Exit(code)
}

// run executes the command line and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot()
	if args == nil {
		args = []string{} // cobra would read os.Args instead of nil
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	out := &checkedWriter{w: stdout}
	root.SetOut(out)
	root.SetErr(stderr)
	failed := keepErrors(root)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithCommit(commit()),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			reportError(w, err, widthOf(stderr))
		}),
	)
	if err == nil && *failed != nil {
		err = *failed
		reportError(stderr, err, widthOf(stderr))
	}
	if err == nil && out.err != nil {
		// Help and the version are written by cobra and fang, which do
		// not report a failed write: "--help > /dev/full" exited 0.
		err = badInput(fmt.Errorf("writing the output: %w", out.err))
		reportError(stderr, err, widthOf(stderr))
	}
	return exitStatus(err)
}

// checkedWriter remembers the first error writing to w.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// underlying is the writer behind w when w is a checkedWriter: the terminal
// that widthOf, isTerminal and Bubble Tea look for.
func underlying(w io.Writer) io.Writer {
	if c, ok := w.(*checkedWriter); ok {
		return c.w
	}
	return w
}

// exitStatus is the exit status for the error a command ended with: 2 for a
// mistake in the command line only, 1 for every other failure (a write
// that failed among them: "--version > /dev/full" exited 2).
func exitStatus(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	}
	return exitInput
}

// keepErrors makes every command of the tree leave its error in the
// returned place instead of returning it, and run reports it. Given an
// error, fang first asks the terminal for its background colour, to style
// the message, and on a terminal that never answers that took 4 s before
// the error appeared; counterpoint's errors are plain text and need no
// colour.
func keepErrors(root *cobra.Command) *error {
	failed := new(error)
	keep := func(err error) error {
		if err != nil && *failed == nil {
			*failed = err
		}
		return nil
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return keep(asUsage(err)) })
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if args := c.Args; args != nil {
			c.Args = func(c *cobra.Command, a []string) error { return keep(asUsage(args(c, a))) }
		}
		if run := c.RunE; run != nil {
			c.RunE = func(c *cobra.Command, a []string) error {
				if *failed != nil {
					return nil // its arguments were wrong
				}
				return keep(run(c, a))
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return failed
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
	var ue *usageError
	if err == nil || errors.As(err, &ue) {
		return err
	}
	return &inputError{err}
}

// asUsage marks err, from checking flags or arguments, as a usage mistake.
func asUsage(err error) error {
	var ue *usageError
	if err == nil || errors.As(err, &ue) {
		return err
	}
	return &usageError{err.Error()}
}

// usageError marks a mistake in how the command was called.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// reportError prints an error for a person: every problem of a load error
// with its fix, wrapped to width when that is not 0, and anything else as
// one plain line. Names and text from the input are sanitised first, so a
// hostile file name or quote cannot drive the terminal.
func reportError(w io.Writer, err error, width int) {
	var le *claims.LoadError
	if errors.As(err, &le) {
		fmt.Fprint(w, wrapIndented(sanitize.PrintText(le.Detail(maxShownProblems)), width))
		return
	}
	var ue *usageError
	if !errors.As(err, &ue) {
		fmt.Fprintln(w, "counterpoint: "+sanitize.PrintLine(err.Error()))
		return
	}
	// A usage error: plain words rather than fang's styled box, which wraps
	// long messages mid-word (ids among them).
	fmt.Fprintf(w, "counterpoint: %s\nRun 'counterpoint --help' for usage.\n", sanitize.PrintLine(err.Error()))
}

// wrapIndented wraps each line of text to width, continuing a line under
// its own indentation, deepened for the first line of a problem; width 0
// leaves the text as it is.
func wrapIndented(text string, width int) string {
	if width < 40 {
		return text
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimSuffix(line, "\n")
		indent := body[:len(body)-len(strings.TrimLeft(body, " "))]
		cont := indent
		if indent == "" {
			cont = "    " // under "file:line:col: message", like the fixes
		}
		for i, l := range export.WrapWords(strings.TrimLeft(body, " "), width-len(cont)) {
			if i == 0 {
				b.WriteString(indent + l)
			} else {
				b.WriteString("\n" + cont + l)
			}
		}
		if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// widthOf is the width of the terminal that w writes to, or 0 when w is not
// a terminal (a pipe, a file, a test's buffer).
func widthOf(w io.Writer) int {
	f, ok := underlying(w).(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return width
}

// maxShownProblems caps the problems printed at once; the count of the rest
// is still given.
const maxShownProblems = 100
