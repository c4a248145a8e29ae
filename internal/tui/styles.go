package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles holds every style the explorer draws with. It is built once per
// background (light or dark) by newStyles and never inside View. Colours are
// given in true colour; Bubble Tea downsamples them to what the terminal
// supports (256, 16 or none, which is also what NO_COLOR asks for), so every
// state that matters is also marked by a glyph or an attribute that survives
// without colour.
type Styles struct {
	isDark bool

	Title     lipgloss.Style // the app name in the header
	Heading   lipgloss.Style // the article's title
	Dim       lipgloss.Style // secondary text
	Faint     lipgloss.Style // speakers with nothing under the filter
	Label     lipgloss.Style // "topics:", "search:"
	Active    lipgloss.Style // an active filter in the header
	Border    lipgloss.Style // a pane's border
	FocusEdge lipgloss.Style // the focused pane's border
	// The frames panes are drawn in: a text pane (a border and a column of
	// padding each side), a list (a border only: its rows carry their own
	// marker column), and the focused pane's border, thick where the
	// others are rounded, which shows without colour.
	Pane, List, Focused lipgloss.Style
	PaneTitle           lipgloss.Style // a pane's title, in its top border
	Selected            lipgloss.Style // the selected row of a list
	Marker              lipgloss.Style // the ▌ or ▸ before the selected row
	Speaker             lipgloss.Style // a speaker's name heading a statement
	Quote               lipgloss.Style // the words of a quote
	Paraphrase          lipgloss.Style // the words of a paraphrase
	Meta                lipgloss.Style // mode, venue, paragraph under a statement
	Badge               lipgloss.Style // "2 answers"
	Unanswered          lipgloss.Style // "unanswered"
	Match               lipgloss.Style // a search match
	Passage             lipgloss.Style // the selected claim's passage in the article
	Quiet               lipgloss.Style // the same speaker's other passages
	Mention             lipgloss.Style // a drafted claim's mention of its speaker, in the article
	Cue                 lipgloss.Style // a drafted claim's verb of saying, in the article
	Selection           lipgloss.Style // the passage selected to make a claim of, while editing
	Status              lipgloss.Style // a message after an action, in the key line
	Warning             lipgloss.Style // "terminal too small"
	Kinds               map[string]lipgloss.Style

	// Ink holds the styles that text is drawn in, made ready to draw with.
	Ink inks

	Help  help.Styles
	Input textinput.Styles
}

func newStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }

	fg := c("#1f2328", "#e6e6e6")
	dim := c("#6e7781", "#8b949e")
	faint := c("#aeb5bd", "#4f565e")
	accent := c("#8250df", "#c297ff")
	border := c("#c8ccd1", "#3d444d")
	selBg := c("#e7ddff", "#3b2f5c")
	red := c("#b42318", "#ff7b72")
	amber := c("#9a6700", "#e3b341")
	green := c("#1a7f37", "#56d364")
	blue := c("#0969da", "#79c0ff")

	s := &Styles{isDark: isDark}
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(c("#ffffff", "#1b1030")).Background(accent).Padding(0, 1)
	s.Heading = lipgloss.NewStyle().Bold(true).Foreground(fg)
	s.Dim = lipgloss.NewStyle().Foreground(dim)
	s.Faint = lipgloss.NewStyle().Foreground(faint)
	s.Label = lipgloss.NewStyle().Foreground(dim)
	s.Active = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Border = lipgloss.NewStyle().Foreground(border)
	s.FocusEdge = lipgloss.NewStyle().Foreground(accent)
	s.Pane = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	s.List = lipgloss.NewStyle().Border(lipgloss.RoundedBorder())
	s.Focused = lipgloss.NewStyle().Border(lipgloss.ThickBorder())
	s.PaneTitle = lipgloss.NewStyle().Bold(true).Foreground(fg)
	s.Selected = lipgloss.NewStyle().Bold(true).Foreground(fg).Background(selBg)
	s.Marker = lipgloss.NewStyle().Bold(true).Foreground(accent).Background(selBg)
	s.Speaker = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Quote = lipgloss.NewStyle().Foreground(fg)
	s.Paraphrase = lipgloss.NewStyle().Italic(true).Foreground(fg)
	s.Meta = lipgloss.NewStyle().Foreground(dim)
	s.Badge = lipgloss.NewStyle().Foreground(blue)
	s.Unanswered = lipgloss.NewStyle().Foreground(amber)
	s.Match = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(c("#000000", "#000000")).Background(c("#ffd33d", "#e3b341"))
	s.Passage = lipgloss.NewStyle().Reverse(true).Bold(true)
	s.Quiet = lipgloss.NewStyle().Underline(true).Foreground(accent)
	// Bold and underlined, bold and italic: apart from the passage
	// (reversed) and the quiet passages (underlined) without colour too.
	s.Mention = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(green)
	s.Cue = lipgloss.NewStyle().Bold(true).Italic(true).Foreground(blue)
	// Reversed and underlined: apart from the passage without colour too.
	s.Selection = lipgloss.NewStyle().Reverse(true).Underline(true).Foreground(green)
	s.Status = lipgloss.NewStyle().Bold(true).Foreground(green)
	s.Warning = lipgloss.NewStyle().Bold(true).Foreground(red)
	s.Kinds = map[string]lipgloss.Style{
		"rebuts":      lipgloss.NewStyle().Bold(true).Foreground(red),
		"denies":      lipgloss.NewStyle().Bold(true).Foreground(red),
		"contradicts": lipgloss.NewStyle().Bold(true).Foreground(red),
		"qualifies":   lipgloss.NewStyle().Bold(true).Foreground(amber),
		"supports":    lipgloss.NewStyle().Bold(true).Foreground(green),
		"responds":    lipgloss.NewStyle().Bold(true).Foreground(blue),
	}

	// The bubbles get the same palette, not their dark defaults.
	s.Help = help.DefaultStyles(isDark)
	s.Help.ShortKey = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Help.ShortDesc = lipgloss.NewStyle().Foreground(dim)
	s.Help.ShortSeparator = lipgloss.NewStyle().Foreground(faint)
	s.Help.FullKey = s.Help.ShortKey
	s.Help.FullDesc = lipgloss.NewStyle().Foreground(fg)
	s.Help.FullSeparator = s.Help.ShortSeparator
	s.Help.Ellipsis = s.Help.ShortSeparator

	s.Input = textinput.DefaultStyles(isDark)
	s.Input.Focused.Prompt = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Input.Focused.Text = lipgloss.NewStyle().Foreground(fg)
	s.Input.Focused.Placeholder = lipgloss.NewStyle().Foreground(faint)
	s.Input.Blurred.Prompt = lipgloss.NewStyle().Foreground(dim)
	s.Input.Blurred.Text = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Input.Blurred.Placeholder = s.Input.Focused.Placeholder
	s.Input.Cursor.Color = accent

	s.Ink = inks{
		Dim: inkOf(s.Dim), Meta: inkOf(s.Meta), Quote: inkOf(s.Quote), Paraphrase: inkOf(s.Paraphrase),
		Speaker: inkOf(s.Speaker), Unanswered: inkOf(s.Unanswered), Match: inkOf(s.Match),
		Selected: inkOf(s.Selected), Passage: inkOf(s.Passage), Quiet: inkOf(s.Quiet),
		Mention: inkOf(s.Mention), Cue: inkOf(s.Cue), Selection: inkOf(s.Selection),
		Marker: inkOf(s.Marker), Faint: inkOf(s.Faint), Border: inkOf(s.Border), FocusEdge: inkOf(s.FocusEdge),
		Badge: inkOf(s.Badge), BadgeUnanswered: inkOf(s.Unanswered),
		HelpKey: inkOf(s.Help.ShortKey), HelpDesc: inkOf(s.Help.ShortDesc), HelpSep: inkOf(s.Help.ShortSeparator),
		SelBadge:           inkOf(s.Badge.Background(s.Selected.GetBackground())),
		SelBadgeUnanswered: inkOf(s.Unanswered.Background(s.Selected.GetBackground())),
		SelPad:             inkOf(lipgloss.NewStyle().Background(s.Selected.GetBackground())),
		Kinds:              map[string]ink{},
	}
	for k, st := range s.Kinds {
		s.Ink.Kinds[k] = inkOf(st)
	}
	return s
}

// inks are the styles text is drawn in, as inks.
type inks struct {
	Dim, Meta, Quote, Paraphrase, Speaker, Unanswered, Match, Selected, Passage, Quiet ink
	Marker, Faint, Border, FocusEdge                                                   ink
	Mention, Cue                                                                       ink // a draft's words in the article
	Selection                                                                          ink
	// Badges in a row, and in the selected row.
	Badge, BadgeUnanswered, SelBadge, SelBadgeUnanswered, SelPad ink
	Kinds                                                        map[string]ink
	// The key line.
	HelpKey, HelpDesc, HelpSep ink
}

// kindInk is kind as an ink.
func (s *Styles) kindInk(k string) ink {
	if i, ok := s.Ink.Kinds[k]; ok {
		return i
	}
	return s.Ink.Meta
}
