package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key the explorer answers to. Bindings that would do
// nothing in the current state are disabled (see Model.syncKeys), so the key
// line and the full help only ever show keys that work right now.
type KeyMap struct {
	PrevSpeaker, NextSpeaker key.Binding
	Up, Down                 key.Binding
	PageUp, PageDown         key.Binding
	Home, End                key.Binding
	PrevAnswer, NextAnswer   key.Binding
	Follow                   key.Binding
	Back, Forward            key.Binding
	NextPane, PrevPane       key.Binding
	Topics                   key.Binding
	Search                   key.Binding
	Article                  key.Binding
	Exchange                 key.Binding
	Copy                     key.Binding
	Clear                    key.Binding
	Help                     key.Binding
	Quit                     key.Binding

	// In the views that take the whole body.
	Close       key.Binding
	Toggle      key.Binding // topic picker: toggle the topic under the cursor
	AllTopics   key.Binding // topic picker: clear every topic
	NextPassage key.Binding // article: the next passage of a claim
	PrevPassage key.Binding
	Open        key.Binding // exchange, article, picker: act on the row under the cursor

	// While typing a search.
	Accept, Cancel key.Binding

	// Editing (see edit.go): on a claim, a speaker, the whole annotation.
	Edit, EditSpeaker, Delete  key.Binding
	Answer, Restate            key.Binding
	EditLink, DeleteLink       key.Binding // a relation of the claim
	AcceptDraft, RejectDraft   key.Binding
	Review, Undo, Redo, Save   key.Binding
	Select, MakeClaim          key.Binding // article: select a passage, make it a claim
	SelEnd, SelStart           key.Binding // the selection's hints: what moves it
	SelSentence, SelOther      key.Binding
	SelStop                    key.Binding
	ReviewAccept, ReviewReject key.Binding // in the review
	ReviewFix                  key.Binding
}

func newKeyMap() KeyMap {
	return KeyMap{
		PrevSpeaker: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "speaker")),
		NextSpeaker: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "speaker")),
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "scroll up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "space"), key.WithHelp("pgdn", "scroll down")),
		Home:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first")),
		End:         key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last")),
		PrevAnswer:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "prev answer")),
		NextAnswer:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next answer")),
		Follow:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "follow")),
		Back:        key.NewBinding(key.WithKeys("backspace", "b"), key.WithHelp("⌫/b", "back")),
		Forward:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "forward")),
		NextPane:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev pane")),
		Topics:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "topics")),
		Search:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Article:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "article")),
		Exchange:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "exchange")),
		Copy:        key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy")),
		Clear:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),

		Close:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Toggle:      key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "toggle")),
		AllTopics:   key.NewBinding(key.WithKeys("a", "0"), key.WithHelp("a", "all topics")),
		NextPassage: key.NewBinding(key.WithKeys("n", "]"), key.WithHelp("n/]", "next passage")),
		PrevPassage: key.NewBinding(key.WithKeys("p", "N", "["), key.WithHelp("p/[", "prev passage")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to claim")),

		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep search")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),

		Edit:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		EditSpeaker:  key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "edit speaker")),
		Delete:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Answer:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "link answer")),
		Restate:      key.NewBinding(key.WithKeys("="), key.WithHelp("=", "same statement")),
		EditLink:     key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "edit link")),
		DeleteLink:   key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete link")),
		AcceptDraft:  key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "accept draft")),
		RejectDraft:  key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "reject draft")),
		Review:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review drafts")),
		Undo:         key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Redo:         key.NewBinding(key.WithKeys("U", "ctrl+r"), key.WithHelp("U", "redo")),
		Save:         key.NewBinding(key.WithKeys("s", "ctrl+s"), key.WithHelp("s", "save")),
		Select:       key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "select passage")),
		MakeClaim:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "make claim")),
		SelEnd:       key.NewBinding(key.WithKeys("left", "right", "h", "l"), key.WithHelp("←/→", "end by word")),
		SelStart:     key.NewBinding(key.WithKeys("shift+left", "shift+right", "H", "L"), key.WithHelp("shift+←/→", "start")),
		SelSentence:  key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "by sentence")),
		SelOther:     key.NewBinding(key.WithKeys("(", ")", "{", "}"), key.WithHelp("( )", "other sentence")),
		SelStop:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop selecting")),
		ReviewAccept: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "accept")),
		ReviewReject: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "reject")),
		ReviewFix:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "fix")),
	}
}

// help shows some bindings as pairs: "←/→ speaker" rather than two entries.
func pair(a, b key.Binding, keys, desc string) key.Binding {
	p := key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...), key.WithHelp(keys, desc))
	p.SetEnabled(a.Enabled() || b.Enabled())
	return p
}

// ShortHelp is the key line, most useful first; disabled bindings are left
// out by the help bubble. Help and quit come last, from tailHelp, so that a
// narrow window cuts the middle rather than them.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		k.Accept, k.Cancel,
		k.ReviewAccept, k.ReviewFix, k.ReviewReject,
		k.MakeClaim, k.SelStop, k.SelEnd, k.SelStart, k.SelSentence, k.SelOther,
		pair(k.PrevSpeaker, k.NextSpeaker, "←/→", "speaker"),
		k.Toggle, k.AllTopics, k.Open,
		pair(k.PrevPassage, k.NextPassage, "p/n", k.NextPassage.Help().Desc),
		pair(k.Up, k.Down, "↑/↓", "move"),
		pair(k.PrevAnswer, k.NextAnswer, "[/]", "answer"),
		k.Follow, k.Back, k.Forward,
		k.Edit, k.Save, k.Undo, k.Redo, k.Answer, k.Review, k.Select, k.Delete,
		k.Topics, k.Search, k.Article, k.Exchange, k.Copy, k.Clear, k.Close,
		k.NextPane, pair(k.PageUp, k.PageDown, "pgup/pgdn", "scroll"),
		k.Restate, k.AcceptDraft, k.RejectDraft, k.EditSpeaker, k.EditLink, k.DeleteLink,
	}
}

// tailHelp ends the key line.
func (k KeyMap) tailHelp() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// FullHelp is every binding, in groups, said at more length than on the
// key line.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{long(k.PrevSpeaker, "previous speaker"), long(k.NextSpeaker, "next speaker"),
			long(k.Up, "previous claim, or up"), long(k.Down, "next claim, or down"),
			long(k.Home, "first claim"), long(k.End, "last claim"),
			long(k.PageUp, "scroll the focused pane up"), long(k.PageDown, "scroll it down (also space)"),
			long(k.NextPane, "focus the next pane"), long(k.PrevPane, "focus the previous pane")},
		{long(k.PrevAnswer, "previous answer"), long(k.NextAnswer, "next answer"),
			long(k.Follow, "follow the answer shown"), long(k.Back, "back (⌫ is backspace)"),
			long(k.Forward, "forward again"), long(k.Copy, "copy the quote, attributed")},
		{long(k.Topics, "pick topics to filter by"), long(k.Search, "search the claims' words"),
			long(k.Article, "the passage in the article"), long(k.Exchange, "the whole exchange"),
			long(k.Clear, "clear the filter and search"), long(k.Help, "these keys"), long(k.Quit, "quit (also ctrl+c)")},
		{long(k.Toggle, "toggle a topic"), long(k.AllTopics, "all topics"),
			long(k.NextPassage, "next passage"), long(k.PrevPassage, "previous passage"),
			long(k.Open, "go to its claim"), long(k.Close, "close the view")},
		{long(k.Edit, "edit the claim (starts editing)"), long(k.EditSpeaker, "edit the speaker"),
			long(k.Delete, "delete the claim"), long(k.Answer, "link it as an answer"),
			long(k.Restate, "link another report of it"), long(k.EditLink, "change a link of it"),
			long(k.DeleteLink, "delete a link of it"), long(k.AcceptDraft, "accept a drafted claim"),
			long(k.RejectDraft, "reject a drafted claim")},
		{long(k.Review, "review the drafted claims"),
			long(k.Select, "article: select a passage"), long(k.MakeClaim, "make the selection a claim"),
			long(k.Undo, "undo an edit"), long(k.Redo, "redo (also ctrl+r)"), long(k.Save, "save (also ctrl+s)")},
	}
}

// long is a binding with a longer description, for the full help.
func long(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// pressed says whether msg is one of b's keys, enabled or not: the key that
// opened a view also closes it, though the view disables it for help.
func pressed(msg fmt.Stringer, b key.Binding) bool {
	return slices.Contains(b.Keys(), msg.String())
}

// formKeys are the key line while a form is open: Huh's keys, said as the
// explorer says its own, most needed first.
var formKeys = []key.Binding{
	key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
	key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
	key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search a list")),
	key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pick a topic")),
	key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
}
