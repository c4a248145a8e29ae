package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"counterpoint/internal/draft"
	"counterpoint/internal/edit"
	"counterpoint/internal/tui"
)

func newEditCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "edit FILE",
		Short: "Open an annotation in the explorer with editing on",
		Long: `edit opens the annotation FILE in the explorer, ready to change: review a
draft's claims (r), make claims from passages of the article (v in the
article view), change or delete a claim (e, d), link answers (a) and
restatements (=), undo and redo (u, U), save (s). Every edit is checked as it
is made; until saved, edits are kept in a journal beside FILE, offered back
if the explorer stops before saving. Saving keeps the file's comments and
layout wherever nothing changed, and never overwrites a file changed by
someone else since it was opened without asking.`,
		Example: `  counterpoint draft story.html -o story
  counterpoint edit story/claims.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if f := cmd.Flag("claims"); f != nil && f.Changed {
				return usagef("edit opens FILE: --claims has no meaning here")
			}
			return runEdit(cmd, o, args[0])
		},
	}
}

// runEdit opens FILE for editing in the explorer. A file that does not
// load is reported as validate reports it, before the terminal is touched;
// without a terminal, nothing opens.
func runEdit(cmd *cobra.Command, o *options, file string) error {
	in, out := cmd.InOrStdin(), underlying(cmd.OutOrStdout())
	// Opening reads and loads the file as validate does, so its problems
	// are reported as validate reports them.
	doc, err := edit.Open(file, o.article)
	if err != nil {
		return badInput(explainArticle(file, err))
	}
	if !isTerminal(in) || !isTerminal(out) {
		return badInput(fmt.Errorf("edit needs a terminal: it opens the explorer (counterpoint validate %s checks the file without one)", file))
	}
	rec, err := edit.FindJournal(file)
	if err != nil {
		return badInput(err)
	}
	return runExplorer(cmd.Context(), tui.NewBoot(func() tui.Model {
		return tui.New(doc.Model(), tui.Options{Doc: doc, Recovery: rec})
	}), in, out)
}

// editable says whether the explorer may turn editing on for the file: it
// opens for writing (nothing is written by that).
func editable(file string) bool {
	f, err := os.OpenFile(file, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// openerFor is e's way into editing for the annotation the explorer shows:
// the file named, when it may be written; a draft made in memory, saved to
// a folder the first time; nothing for the bundled annotation.
func openerFor(o *options, d *draft.Draft) (open func() (*edit.Doc, error), saveDir string) {
	switch {
	case d != nil:
		text := d.Text
		data := d.YAML(draftArticle)
		base := filepath.Base(o.toDraft)
		saveDir = strings.TrimSuffix(base, filepath.Ext(base))
		if saveDir == "" || saveDir == "-" || saveDir == "." {
			saveDir = "draft"
		}
		return func() (*edit.Doc, error) {
			return edit.New(draftClaims, data, func(string) (string, []byte, error) { return draftArticle, []byte(text), nil })
		}, saveDir
	case o.file() != "" && editable(o.file()):
		file, article := o.file(), o.article
		return func() (*edit.Doc, error) { return edit.Open(file, article) }, ""
	}
	return nil, ""
}
