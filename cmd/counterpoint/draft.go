package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"counterpoint/internal/claims"
	"counterpoint/internal/draft"
	"counterpoint/internal/edit"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// Names of the files a draft writes in its folder.
const (
	draftArticle = "article.txt"
	draftClaims  = "claims.yaml"
)

func newDraftCmd() *cobra.Command {
	var outDir string
	var force bool
	cmd := &cobra.Command{
		Use:   "draft ARTICLE -o DIR",
		Short: "Draft an annotation of any article: who said what, found by rule",
		Long: `draft reads a news article — UTF-8 text, Markdown (.md) or a saved web page
(.html, .htm: its main text is extracted) — and writes DIR/article.txt, the text
exactly as annotated, and DIR/claims.yaml, a draft annotation in the bundled
format: every quotation and reported statement with its speaker, the answers the
article shows, and proposed topics. The draft always validates; its comments say
what to check first. ARTICLE "-" reads standard input. An existing
DIR/claims.yaml is kept unless --force is given.`,
		Example: `  counterpoint draft story.html -o story
  counterpoint --claims story/claims.yaml
  pbpaste | counterpoint draft - -o today --force`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if outDir == "" {
				return usagef("draft needs -o DIR, the folder to write %s and %s in", draftArticle, draftClaims)
			}
			// The command-wide flags that name an annotation or its article
			// mean nothing to a draft, which makes both from ARTICLE.
			for _, name := range []string{"claims", "article"} {
				if f := cmd.Flag(name); f != nil && f.Changed {
					return usagef("draft makes an annotation from ARTICLE: --%s has no meaning here", name)
				}
			}
			return runDraft(cmd, args[0], outDir, force)
		},
	}
	cmd.Flags().StringVarP(&outDir, "out", "o", "", "write the draft in folder DIR (made if missing)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing DIR/claims.yaml")
	_ = cmd.RegisterFlagCompletionFunc("out", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	return cmd
}

// largeArticle is the size above which drafting trades time for memory.
const largeArticle = 256 << 10

// readArticle reads an article to draft from a file or, for "-", standard
// input, refusing one past the size limit before reading it whole.
func readArticle(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, describeOpen(name, err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s is a directory; give the article's file", name)
		} else if err == nil && st.Size() > draft.MaxArticle {
			return nil, fmt.Errorf("%s is larger than %d MiB; a news article is far smaller — check the file, or split it", name, draft.MaxArticle>>20)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, draft.MaxArticle+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %v", displayName(name), err)
	}
	if len(data) > draft.MaxArticle {
		return nil, fmt.Errorf("%s is larger than %d MiB; a news article is far smaller — check the file, or split it", displayName(name), draft.MaxArticle>>20)
	}
	return data, nil
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

func describeOpen(name string, err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s: no such file", name)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("%s: permission denied", name)
	}
	return fmt.Errorf("%s: cannot open: %v", name, err)
}

// draftOf reads and drafts an article, and checks that the draft loads.
func draftOf(name string, stdin io.Reader) (*draft.Draft, *claims.Model, error) {
	data, err := readArticle(name, stdin)
	if err != nil {
		return nil, nil, err
	}
	if len(data) > largeArticle && os.Getenv("GOGC") == "" {
		// as loadModel does for a large annotation: collect garbage at a
		// quarter of the live heap, which keeps a 1 MB article's draft
		// under 50 MB for a few percent more time
		debug.SetGCPercent(25)
	}
	text, _, err := draft.Read(data, draft.FormatOf(name, data))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", displayName(name), err)
	}
	d := draft.Extract(text)
	if len(d.Claims) == 0 {
		return nil, nil, fmt.Errorf("%s: %v; nothing was written", displayName(name), draft.ErrNothingFound)
	}
	m, err := d.Model(draftClaims, draftArticle)
	if err != nil {
		// not the reader's fault: the draft is meant to load whatever it found
		return nil, nil, fmt.Errorf("%s: internal error, the draft does not validate (nothing was written): %v", displayName(name), err)
	}
	return d, m, nil
}

func runDraft(cmd *cobra.Command, name, dir string, force bool) error {
	d, m, err := draftOf(name, cmd.InOrStdin())
	if err != nil {
		return badInput(err)
	}
	claimsPath, articlePath := filepath.Join(dir, draftClaims), filepath.Join(dir, draftArticle)
	if !force {
		if _, err := os.Stat(claimsPath); err == nil {
			return badInput(fmt.Errorf("%s exists; nothing was written (give --force to overwrite it)", claimsPath))
		}
		if old, err := os.ReadFile(articlePath); err == nil && !bytes.Equal(old, []byte(d.Text)) {
			return badInput(fmt.Errorf("%s exists and holds another text; nothing was written (give --force to overwrite it)", articlePath))
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return badInput(fmt.Errorf("cannot make the folder %s: %v", dir, err))
	}
	// The article first: a claims.yaml is never left without its text.
	if err := writeAtomic(articlePath, []byte(d.Text)); err != nil {
		return badInput(err)
	}
	if err := writeAtomic(claimsPath, d.YAML(draftArticle)); err != nil {
		return badInput(err)
	}
	quotes := 0
	for _, c := range m.Claims {
		if c.Mode == claims.ModeQuote {
			quotes++
		}
	}
	_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: drafted %s (%d quoted, %d reported) by %s, %s, %s; a machine draft — its comments say what to check first\nopen it with: counterpoint --claims %s\n",
		sanitize.Line(claimsPath), phrase.Count(len(m.Claims), "claim"), quotes, len(m.Claims)-quotes, phrase.Count(len(m.Speakers), "speaker"),
		phrase.Count(len(m.Relations), "relation"), phrase.Count(len(m.Topics), "topic"), sanitize.Line(claimsPath))
	return badInput(err)
}

// writeAtomic writes a file as the editor saves one (edit.WriteFile): a
// reader never sees half a file.
func writeAtomic(path string, data []byte) error {
	if err := edit.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	return nil
}

// rootArgs lets bare counterpoint take one ARTICLE: an existing file, which
// is drafted in memory and explored (or, named .yaml or .yml, opened as an
// annotation). Anything else is an unknown command, as cobra says it.
func rootArgs(cmd *cobra.Command, args []string) error {
	switch {
	case len(args) == 0:
		return nil
	case len(args) == 1:
		if st, err := os.Stat(args[0]); err == nil && !st.IsDir() {
			return nil
		}
		// A name with an extension or a folder in it is meant as a file,
		// not a command: reading it says what is wrong ("no such file").
		if filepath.Ext(args[0]) != "" || strings.ContainsRune(args[0], filepath.Separator) {
			return nil
		}
	}
	return fmt.Errorf("unknown command %q for %q", args[0], cmd.CommandPath())
}

func firstArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// model is the model the options name: bare counterpoint's ARTICLE, drafted
// in memory, or the annotation given (the bundled one by default).
func (o *options) model(cmd *cobra.Command) (*claims.Model, error) {
	m, _, err := o.explored(cmd)
	return m, err
}

// explored is model, with the draft made in memory, if it was.
func (o *options) explored(cmd *cobra.Command) (*claims.Model, *draft.Draft, error) {
	if o.toDraft == "" || o.file() != "" {
		m, err := loadModel(o.file(), o.article)
		return m, nil, err
	}
	if o.claimsFile != "" {
		return nil, nil, usagef("give either an ARTICLE to draft or --claims FILE, not both")
	}
	d, m, err := draftOf(o.toDraft, cmd.InOrStdin())
	return m, d, err
}

// file is the annotation file the options name: --claims, or bare
// counterpoint's argument when it is YAML; "" for the bundled annotation
// or an article to draft.
func (o *options) file() string {
	switch strings.ToLower(filepath.Ext(o.toDraft)) {
	case ".yaml", ".yml":
		return o.toDraft
	}
	if o.toDraft != "" {
		return ""
	}
	return o.claimsFile
}
