package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"counterpoint/assets"
	"counterpoint/internal/claims"
	"counterpoint/internal/export"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// options holds the flags shared by the commands.
type options struct {
	claimsFile string
	article    string // the article to read instead of the annotation's own
	speaker    string
	topics     []string
	search     string
	format     string
	toDraft    string // bare counterpoint's ARTICLE, drafted in memory (see rootArgs)
}

func newRoot() *cobra.Command {
	o := &options{}
	root := &cobra.Command{
		Use:   "counterpoint [ARTICLE]",
		Short: "Read the claims and counterclaims in a news article",
		Long: `counterpoint shows who said what in a news article, which statement answers
which, and where in the article each one stands. It ships with one article,
North Korea, Sony Pictures and the White House arguing over the hack and the
film The Interview, and opens any other annotated the same way.`,
		Example: `  counterpoint
  counterpoint list --speaker lynton
  counterpoint list --topic threats --format markdown
  counterpoint export --format json > sony.json
  counterpoint validate my-article/claims.yaml
  counterpoint --claims my-article/claims.yaml
  counterpoint todays-story.html               # draft it in memory and explore it
  counterpoint draft todays-story.html -o story`,
		Args: rootArgs,
		RunE: func(cmd *cobra.Command, args []string) error { o.toDraft = firstArg(args); return runRoot(cmd, o) },
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err.Error()} })
	pf := root.PersistentFlags()
	pf.StringVar(&o.claimsFile, "claims", "", "annotation FILE to open instead of the bundled one")
	pf.StringVar(&o.article, "article", "", "read the article from FILE instead of the one the annotation names (which must be in the annotation's folder)")
	addFilterFlags(root, o)
	_ = root.RegisterFlagCompletionFunc("claims", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})

	root.AddCommand(newListCmd(o), newExportCmd(o), newValidateCmd(o), newSpeakersCmd(o), newTopicsCmd(o), newDraftCmd(), newEditCmd(o))
	return root
}

func addFilterFlags(cmd *cobra.Command, o *options) {
	f := cmd.Flags()
	f.StringVar(&o.speaker, "speaker", "", "only claims by (or relayed by) the speaker with this ID")
	f.StringSliceVar(&o.topics, "topic", nil, "only claims with this topic ID (repeat, or a,b: any of them)")
	_ = cmd.RegisterFlagCompletionFunc("speaker", completeIDs(o, func(m *claims.Model) []string {
		var ids []string
		for _, s := range m.Speakers {
			ids = append(ids, s.ID+"\t"+cell(s.Name))
		}
		return ids
	}))
	topics := completeIDs(o, func(m *claims.Model) []string {
		var ids []string
		for _, t := range m.Topics {
			ids = append(ids, t.ID+"\t"+cell(t.Label))
		}
		return ids
	})
	_ = cmd.RegisterFlagCompletionFunc("topic", func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		// "--topic a,b,<TAB>" completes the next id of the list.
		ids, dir := topics(cmd, args, toComplete)
		i := strings.LastIndexByte(toComplete, ',')
		if i < 0 {
			return ids, dir
		}
		chosen := strings.Split(toComplete[:i], ",")
		var out []string
		for _, id := range ids {
			if !slices.Contains(chosen, strings.SplitN(id, "\t", 2)[0]) {
				out = append(out, toComplete[:i+1]+id)
			}
		}
		return out, dir
	})
}

// completeIDs completes speaker or topic ids from the annotation in use.
func completeIDs(o *options, ids func(*claims.Model) []string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		m, err := loadModel(o.claimsFile, o.article)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return ids(m), cobra.ShellCompDirectiveNoFileComp
	}
}

// loadModel loads the annotation named on the command line, or the bundled
// one; article, when given, is read instead of the article the annotation
// names. An annotation may name its article only in its own folder or
// below: --article is how a person names one kept elsewhere, deliberately.
func loadModel(file, article string) (*claims.Model, error) {
	if file == "" {
		if article != "" {
			return nil, usagef("--article replaces the article of an annotation: name the annotation too (--claims FILE, or validate FILE)")
		}
		return claims.LoadFS(assets.FS, assets.Annotation)
	}
	m, err := loadFile(file, article)
	return m, explainArticle(file, err)
}

func loadFile(file, article string) (*claims.Model, error) {
	// For a large annotation, collect garbage at half the live heap rather
	// than all of it (unless GOGC says otherwise): at 100,000 claims that
	// keeps the export's peak near 360 MB instead of 430, for a few percent
	// more time. A small one keeps Go's default, which starts faster.
	if st, err := os.Stat(file); err == nil && st.Size() > largeAnnotation && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	return claims.LoadFileWithArticle(file, article)
}

// largeAnnotation is the size above which loadModel trades time for memory.
const largeAnnotation = 4 << 20

func newListCmd(o *options) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Print the claims, with who answers whom",
		Long: `list prints the claims in article order: speaker, paragraph, words, topics,
what each claim answers and what answers it. Filters combine: a claim is shown
when it is by the speaker, carries any of the topics and holds every word
searched for.`,
		Example: `  counterpoint list --speaker obama
  counterpoint list --topic white-house-consulted,pulling-the-film
  counterpoint list --search "caved" --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runList(cmd, o) },
	}
	addFilterFlags(cmd, o)
	cmd.Flags().StringVar(&o.search, "search", "", "only claims whose text or summary holds all these WORDS")
	cmd.Flags().StringVar(&o.format, "format", "text", "output FORMAT: text, json or markdown")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(export.Formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// filterFrom resolves the filter flags against the model. An unknown id is
// a usage error, with the known ids in the message.
func filterFrom(m *claims.Model, o *options) (*claims.Speaker, claims.Filter, string, error) {
	var f claims.Filter
	var words []string
	var sp *claims.Speaker
	if o.speaker != "" {
		var err error
		if sp, err = findSpeaker(m, o.speaker); err != nil {
			return nil, f, "", err
		}
		words = append(words, "speaker "+sp.Name)
		if len(m.Relayed(sp)) > 0 {
			words[len(words)-1] += " (what it says and relays)"
		}
	}
	for _, id := range o.topics {
		id = strings.TrimSpace(id)
		if id == "" {
			continue // "--topic a,,b" or a trailing comma
		}
		t, err := findTopic(m, id)
		if err != nil {
			return nil, f, "", err
		}
		if !slices.Contains(f.Topics, t) {
			f.Topics = append(f.Topics, t)
		}
	}
	if len(f.Topics) > 0 {
		labels := make([]string, len(f.Topics))
		for i, t := range f.Topics {
			labels[i] = t.Label
		}
		words = append(words, "topic "+strings.Join(labels, " or "))
	}
	if strings.TrimSpace(o.search) != "" {
		f.Search = o.search
		words = append(words, fmt.Sprintf("search %q", o.search))
	}
	return sp, f, strings.Join(words, ", "), nil
}

func runList(cmd *cobra.Command, o *options) error {
	if !slices.Contains(export.Formats, o.format) {
		return usagef("unknown format %q; use one of: %s", o.format, strings.Join(export.Formats, ", "))
	}
	m, err := o.model(cmd)
	if err != nil {
		return badInput(err)
	}
	sp, f, words, err := filterFrom(m, o)
	if err != nil {
		return err
	}
	cs := m.Select(f)
	if sp != nil {
		// A speaker's claims, and those it relays for others: asking for
		// KCNA should show what KCNA carried.
		cs = slices.DeleteFunc(cs, func(c *claims.Claim) bool { return c.Speaker != sp && c.ReportedBy != sp })
	}
	l := export.Listing{Model: m, Claims: cs, Filter: words, Width: widthOf(cmd.OutOrStdout())}
	return badInput(l.Write(cmd.OutOrStdout(), o.format))
}

func newExportCmd(o *options) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole model, with the byte span of every passage, as JSON",
		Long: `export writes the article, speakers, topics, claims and relations as one JSON
document. Each claim's span is a byte range of article.text, end excluded:
text[start:end] is the quote, or the source passage of a paraphrase.
paragraph counts the article's non-empty lines from 1.`,
		Example: `  counterpoint export --format json > sony.json
  counterpoint export --format json --claims my-article/claims.yaml | jq '.claims[0].span'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "json" {
				return usagef("unknown export format %q; the export format is json", format)
			}
			m, err := loadModel(o.claimsFile, o.article)
			if err != nil {
				return badInput(err)
			}
			return badInput(export.WriteDocument(cmd.OutOrStdout(), m))
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "output FORMAT: json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func newValidateCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "validate [FILE]",
		Short: "Check an annotation: exit 0 if sound, 1 with every problem otherwise",
		Long: `validate loads an annotation (FILE, else --claims, else the bundled one) and
checks it whole: the YAML and its fields, that ids are unique and every
reference resolves, and that every quote and source passage occurs in the
article exactly. It lists every problem with file:line:column and how to fix it.`,
		Example: `  counterpoint validate my-article/claims.yaml`,
		Args:    cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			file := o.claimsFile
			if len(args) == 1 {
				file = args[0]
			}
			m, err := loadModel(file, o.article)
			if err != nil {
				return badInput(err)
			}
			name := file
			if name == "" {
				name = "bundled " + assets.Annotation
			}
			article := m.Article.File
			if o.article != "" {
				article = o.article // the file read, not the one the annotation names
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: sound — %s by %s, %s, %s; every passage found in %s\n",
				sanitize.PrintLine(name), phrase.Count(len(m.Claims), "claim"), phrase.Count(len(m.Speakers), "speaker"),
				phrase.Count(len(m.Topics), "topic"), phrase.Count(len(m.Relations), "relation"), sanitize.PrintLine(article))
			return badInput(err)
		},
	}
}

func newSpeakersCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "speakers",
		Short: "List the speakers, principal ones first, with their claim counts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, err := loadModel(o.claimsFile, o.article)
			if err != nil {
				return badInput(err)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tKIND\tCLAIMS\tROLE")
			counts := m.SpeakerCounts(claims.Filter{})
			for i, s := range m.Speakers {
				n := fmt.Sprint(counts[i])
				if r := len(m.Relayed(s)); r > 0 {
					n += fmt.Sprintf(" (relays %d)", r)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.ID, cell(s.Name), s.Kind, n, cell(s.Role))
			}
			return badInput(tw.Flush())
		},
	}
}

// cell sanitises a table cell; tabs would break the columns.
func cell(s string) string { return strings.ReplaceAll(sanitize.PrintLine(s), "\t", " ") }

func newTopicsCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "topics",
		Short: "List the topics with their claim counts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, err := loadModel(o.claimsFile, o.article)
			if err != nil {
				return badInput(err)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tLABEL\tCLAIMS\tDESCRIPTION")
			counts := m.TopicCounts(claims.Filter{})
			for i, t := range m.Topics {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", t.ID, cell(t.Label), counts[i], cell(t.Description))
			}
			return badInput(tw.Flush())
		},
	}
}

// maxListedIDs is how many known ids a usage error lists.
const maxListedIDs = 20

// idList lists ids for a usage error: the first maxListedIDs, each cut, and
// the count of the rest; an annotation of thousands of speakers, or of
// 10,000-character ids, would otherwise fill the screen.
func idList(ids []string) string {
	shown := make([]string, 0, min(len(ids), maxListedIDs))
	for _, id := range ids[:min(len(ids), maxListedIDs)] {
		shown = append(shown, cut(id))
	}
	s := strings.Join(shown, ", ")
	if len(ids) > maxListedIDs {
		s += fmt.Sprintf(", … and %d more", len(ids)-maxListedIDs)
	}
	return s
}

// cut shortens an id or a word to echo in a message to 60 characters.
func cut(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
