package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/edit"
	"counterpoint/internal/phrase"
	"counterpoint/internal/sanitize"
)

// The forms of editing are Huh's, drawn in the body's box: a claim (new
// from a selection, or changed), an answer or a restatement linking two
// claims, a speaker, and the folder a draft made in memory is first saved
// to. Enter goes from field to field and submits on the last, shift+tab
// goes back, esc cancels (nothing changes). A submitted form whose edit is
// refused opens again as it was, saying why.

// newSpeaker is the speaker field's value for "a new speaker".
const newSpeaker = "\x00new"

// claimForm is what the claim form edits.
type claimForm struct {
	id       string // the claim changed; "" for a new one
	speaker  string
	name     string // a new speaker's
	role     string
	kind     string
	mode     string
	text     string
	passage  string // the selection: a quote's text, a paraphrase's source
	source   string // the passage as the source's input shows it
	start    int    // where it starts in the article
	summary  string
	topics   []string
	venue    string
	when     string
	reported string
	accept   bool          // fixed in the review: checked, so its provenance goes too
	was      *claims.Claim // the claim changed, for the values left as they were
	problem  string        // why the last submission was refused
}

// openForm shows a form in the body until it is completed or cancelled.
func (m *Model) openForm(name string, f *huh.Form, submit func(m *Model) tea.Cmd) tea.Cmd {
	// ctrl+c, Huh's key to abort, never reaches the form: it quits the
	// explorer (handleKey). esc cancels (formMsg).
	f = f.WithShowHelp(true).WithTheme(huh.ThemeFunc(huh.ThemeBase16))
	m.ed.form, m.ed.formName, m.ed.onSubmit, m.ed.filtering = f, name, submit, false
	m.sizeForm()
	cmd := f.Init()
	// A group lays its fields out when it is first updated, which in a
	// program of its own the window's size does at once.
	_, first := f.Update(formStarted{})
	return tea.Batch(cmd, first)
}

// formStarted is the form's first update.
type formStarted struct{}

// sizeForm fits the form to the body's box.
func (m *Model) sizeForm() {
	if m.ed == nil || m.ed.form == nil || m.lay.TooSmall {
		return
	}
	in := m.lay.Body.Inner
	m.ed.form.WithWidth(max(in.W, 20)).WithHeight(max(in.H, 4))
}

// formMsg gives the form a message; a completed form runs its submission.
func (m *Model) formMsg(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		// A list's search (/, in any field but a text input, which types
		// it) takes enter and esc to end it; otherwise esc cancels the form.
		_, input := m.ed.form.GetFocusedField().(*huh.Input)
		list := !input
		switch {
		case list && k.String() == "/":
			m.ed.filtering = true
		case m.ed.filtering && (k.String() == "esc" || k.String() == "enter"):
			m.ed.filtering = false
		case k.String() == "esc":
			m.ed.form = nil
			m.status = m.ed.formName + ": cancelled, nothing changed"
			return nil
		}
	}
	next, cmd := m.ed.form.Update(msg)
	if f, ok := next.(*huh.Form); ok {
		m.ed.form = f
	}
	if m.ed.form.State == huh.StateCompleted {
		m.ed.form = nil
		return tea.Batch(cmd, m.ed.onSubmit(m))
	}
	return cmd
}

// viewForm draws the form in the body.
func (m *Model) viewForm() string {
	st := m.styles
	lines := strings.Split(m.ed.form.View(), "\n")
	h := m.lay.Body.Inner.H
	if len(lines) > h {
		lines = lines[:h]
	}
	return st.box(m.paneTitle(m.lay.Body, m.ed.formName), lines, m.lay.Body, true)
}

// speakerListHeight is the rows the claim form's list of speakers takes:
// every speaker where there is room, else what the body leaves beside the
// passage shown above it and the modes below (at least three speakers).
func (m *Model) speakerListHeight(intro string) int {
	in := m.lay.Body.Inner
	passage := len(wrap(intro, max(in.W-4, 10))) + 2
	room := in.H - passage - 7 // the modes, the gaps, the list's title and description
	return clamp(len(m.cm.Speakers)+3, 5, max(room, 5))
}

// targetListHeight is the rows of the link form's list of claims: what
// leaves the fields below in sight where the body is tall, else most of it
// (the form scrolls to the field being filled).
func (m *Model) targetListHeight(restate bool) int {
	below := 17 // the kinds, explicit or not, the note, and the gaps
	if restate {
		below = 8
	}
	h := m.lay.Body.Inner.H
	if h-below >= 10 {
		return h - below
	}
	return max(h-4, 4)
}

// speakerOptions lists the speakers by name, and a new one.
func (m *Model) speakerOptions() []huh.Option[string] {
	opts := make([]huh.Option[string], 0, len(m.cm.Speakers)+1)
	for _, s := range m.order {
		label := sanitize.Line(s.Name)
		if s.Role != "" && !strings.Contains(strings.ToLower(s.Role), strings.ToLower(s.Name)) {
			label += " — " + sanitize.Line(s.Role)
		}
		opts = append(opts, huh.NewOption(label, s.ID))
	}
	return append(opts, huh.NewOption("a new speaker…", newSpeaker))
}

// relayOptions are the intermediaries a claim may have: nobody, or a
// speaker.
func (m *Model) relayOptions() []huh.Option[string] {
	opts := []huh.Option[string]{huh.NewOption("nobody: the article names no intermediary", "")}
	for _, s := range m.order {
		opts = append(opts, huh.NewOption(sanitize.Line(s.Name), s.ID))
	}
	return opts
}

func (m *Model) topicOptions() []huh.Option[string] {
	opts := make([]huh.Option[string], len(m.cm.Topics))
	for i, t := range m.cm.Topics {
		opts[i] = huh.NewOption(sanitize.Line(t.Label), t.ID)
	}
	return opts
}

func nonEmpty(what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(what + " is needed")
		}
		return nil
	}
}

// newClaimForm opens the claim form on the selection.
func (m *Model) newClaimForm() tea.Cmd {
	s := m.ed.sel
	passage := m.cm.Article.Text[s.start:s.end]
	f := &claimForm{mode: claims.ModeQuote, text: shown(passage), passage: passage, source: shown(passage), start: s.start, kind: claims.KindPerson}
	if sp := m.currentSpeaker(); sp != nil {
		f.speaker = sp.ID
	}
	return m.claimFormFor(f)
}

// currentSpeaker is the speaker of the passage highlighted, else the one
// selected.
func (m *Model) currentSpeaker() *claims.Speaker {
	if m.article.cur < len(m.cm.Claims) {
		return m.cm.Claims[m.article.cur].Speaker
	}
	if len(m.order) > 0 {
		return m.order[m.sel]
	}
	return nil
}

// changeClaimForm opens the claim form on a claim; accept, from the
// review, accepts a drafted claim with the fix.
func (m *Model) changeClaimForm(c *claims.Claim, accept bool) tea.Cmd {
	f := &claimForm{
		id: c.ID, speaker: c.Speaker.ID, mode: c.Mode, text: shown(c.Text), passage: c.Passage(), source: shown(c.Passage()), start: c.Span.Start,
		summary: shown(c.Summary), venue: shown(c.Venue), when: shown(c.When), kind: claims.KindPerson, accept: accept && c.Draft != nil,
		was: c,
	}
	for _, t := range c.Topics {
		f.topics = append(f.topics, t.ID)
	}
	if c.ReportedBy != nil {
		f.reported = c.ReportedBy.ID
	}
	return m.claimFormFor(f)
}

func (m *Model) claimFormFor(f *claimForm) tea.Cmd {
	name := "New claim"
	if f.id != "" {
		name = "Claim " + sanitize.Line(f.id)
	}
	kinds := make([]huh.Option[string], len(claims.SpeakerKinds))
	for i, k := range claims.SpeakerKinds {
		kinds[i] = huh.NewOption(k, k)
	}
	intro := "The passage: " + sanitize.Line(f.passage)
	if f.problem != "" {
		intro = "Refused: " + sanitize.Line(f.problem) + "\n\n" + intro
	}
	who := huh.NewGroup(
		huh.NewNote().Description(intro),
		huh.NewSelect[string]().Key("speaker").Title("Speaker").Description("/ searches · the last is a new speaker (G goes there)").
			Options(m.speakerOptions()...).Value(&f.speaker).Height(m.speakerListHeight(intro)),
		huh.NewSelect[string]().Key("mode").Title("Mode").Options(
			huh.NewOption("quote — the speaker's own words, exactly the passage", claims.ModeQuote),
			huh.NewOption("paraphrase — the article reports it: type the statement", claims.ModeParaphrase),
		).Value(&f.mode),
	)
	newSp := huh.NewGroup(
		huh.NewInput().Title("New speaker's name").Value(&f.name).Validate(nonEmpty("a name")),
		huh.NewInput().Title("Role, in a few words").Value(&f.role).Validate(nonEmpty("a role")),
		huh.NewSelect[string]().Title("Kind").Options(kinds...).Value(&f.kind),
	).WithHideFunc(func() bool { return f.speaker != newSpeaker })
	source := huh.NewGroup(
		huh.NewInput().Title("Source").Description("the passage that reports it, exactly as in the article").Value(&f.source).
			Validate(nonEmpty("the source")),
	).WithHideFunc(func() bool { return f.mode != claims.ModeParaphrase })
	what := huh.NewGroup(
		huh.NewInput().Title("Text").DescriptionFunc(func() string {
			if f.mode == claims.ModeQuote {
				return "a quote's text is its passage, exactly as printed"
			}
			return "the statement reported, in a sentence"
		}, &f.mode).Value(&f.text).Validate(nonEmpty("the text")),
		huh.NewInput().Title("Summary (optional)").Value(&f.summary),
		huh.NewMultiSelect[string]().Title("Topics").Options(m.topicOptions()...).Value(&f.topics).
			Validate(func(ts []string) error {
				if len(ts) == 0 {
					return errors.New("pick one topic at least (space picks)")
				}
				return nil
			}).Height(min(len(m.cm.Topics)+2, 10)),
		huh.NewInput().Title("Venue (optional)").Description("where it was said, e.g. CNN interview").Value(&f.venue),
		huh.NewInput().Title("When (optional)").Description("as the article says it, e.g. Friday night").Value(&f.when),
		huh.NewSelect[string]().Title("Relayed by (optional)").Description("an intermediary the article names for this passage, e.g. a news agency").
			Options(m.relayOptions()...).Value(&f.reported).Height(min(len(m.cm.Speakers)+2, 6)),
	)
	return m.openForm(name, huh.NewForm(who, newSp, source, what), func(m *Model) tea.Cmd { return m.submitClaim(f) })
}

// fields is the form as the edit package takes it.
func (f *claimForm) fields(article string) edit.ClaimFields {
	var was claims.Claim
	if f.was != nil {
		was = *f.was
	}
	c := edit.ClaimFields{
		Speaker: f.speaker, Mode: f.mode, Start: f.start,
		Summary: kept(f.summary, was.Summary), Topics: f.topics, Venue: kept(f.venue, was.Venue), When: kept(f.when, was.When),
		ReportedBy: f.reported, Accept: f.accept,
	}
	passage := f.passage
	switch text := kept(f.text, was.Text); {
	case f.mode == claims.ModeParaphrase:
		c.Text, c.Source = text, kept(f.source, f.passage)
		passage = c.Source
	case f.id == "" || was.Mode != claims.ModeQuote && text == was.Text:
		// A quote is its passage: a new one, anchored by construction, or
		// a paraphrase made a quote with its text left as it was.
		c.Text = f.passage
	default:
		c.Text = text
		passage = text
	}
	if passage != f.passage {
		c.Start = nearest(article, passage, f.start)
	}
	if f.speaker == newSpeaker {
		c.Speaker = ""
		c.NewSpeaker = &edit.SpeakerFields{Name: clean(f.name), Role: clean(f.role), Kind: f.kind}
	}
	return c
}

// nearest is where in the article passage occurs nearest to off (off if
// nowhere: the edit is then refused, saying the passage is not there).
func nearest(article, passage string, off int) int {
	best := off
	for i, at := 0, 0; passage != ""; at++ {
		j := strings.Index(article[i:], passage)
		if j < 0 {
			break
		}
		if at == 0 || abs(i+j-off) < abs(best-off) {
			best = i + j
		}
		i += j + 1
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// clean is what was typed, on one line: the form's input takes pastes.
func clean(s string) string { return strings.TrimSpace(sanitize.PrintLine(s)) }

// shown is a value of the annotation as a form's input shows it: inert, on
// one line (the input drops control characters itself, but not the
// invisible ones sanitize makes visible).
func shown(s string) string { return sanitize.PrintLine(s) }

// kept is what an input gives back for a value that was orig: orig itself,
// byte for byte, while the input still shows it as it was, so that a field
// left alone is never rewritten; else what was typed, cleaned.
func kept(typed, orig string) string {
	if clean(typed) == clean(shown(orig)) {
		return orig
	}
	return clean(typed)
}

func (m *Model) submitClaim(f *claimForm) tea.Cmd {
	var err error
	var id string
	before := m.ed.doc.Unsaved()
	if f.id == "" {
		id, err = m.ed.doc.AddClaim(f.fields(m.cm.Article.Text))
	} else {
		id, err = f.id, m.ed.doc.UpdateClaim(f.id, f.fields(m.cm.Article.Text))
	}
	if err != nil {
		f.problem = err.Error()
		return m.claimFormFor(f)
	}
	m.ed.sel = selection{}
	m.reload()
	if f.accept && m.ed.review.on {
		// Back to the review, at the next drafted claim.
		m.showReviewed()
		m.status = "fixed and accepted " + id + " · " + m.remaining()
		return nil
	}
	what := "claim " + id + " changed"
	switch {
	case f.id == "":
		what = "claim " + id + " made"
	case m.ed.doc.Unsaved() == before:
		what = "claim " + id + ": nothing changed"
	}
	if c := m.cm.Claim(id); c != nil {
		m.goToClaim(c)
		m.view = panesView
	}
	m.status = what + m.unsavedNote()
	return nil
}

// linkForm links the selected claim to another: as its answer, or, with
// restates, as another report of the same statement.
func (m *Model) linkForm(restate bool) tea.Cmd {
	from := m.Selected()
	if from == nil {
		return nil
	}
	var targets []huh.Option[string]
	for _, c := range m.cm.Claims {
		if c == from || restate && c.Speaker != from.Speaker {
			continue
		}
		targets = append(targets, huh.NewOption(fmt.Sprintf("¶%d %s: %s", c.Paragraph, sanitize.Line(c.Speaker.Name), sanitize.Line(c.Text)), c.ID))
	}
	if len(targets) == 0 {
		m.status = "no other claim of " + sanitize.Line(from.Speaker.Name) + " to restate"
		return nil
	}
	r := &edit.RelationFields{From: from.ID, Kind: "denies"}
	if restate {
		r.Kind = claims.KindRestates
	}
	var kinds []huh.Option[string]
	for _, k := range claims.RelationKinds {
		if k != claims.KindRestates {
			kinds = append(kinds, huh.NewOption(k+" — "+phrase.Meaning(k), k))
		}
	}
	name := "Answer: " + sanitize.Line(from.ID) + " answers…"
	pick := "The claim it answers (/ searches)"
	if restate {
		name = "Restatement: " + sanitize.Line(from.ID) + " reports the same statement as…"
		pick = "The other report (/ searches)"
	}
	fields := []huh.Field{
		huh.NewSelect[string]().Title(pick).Options(targets...).Value(&r.To).Height(m.targetListHeight(restate)),
	}
	if !restate {
		fields = append(fields, huh.NewSelect[string]().Title("Kind").Options(kinds...).Value(&r.Kind).Height(len(kinds)+1))
	}
	fields = append(fields,
		huh.NewConfirm().Title("Does the article show it?").Affirmative("explicit: the article says so").Negative("inferred: my reading").Value(&r.Explicit),
		huh.NewInput().Title("Note (optional)").Description("why the two are linked").Value(&r.Note),
	)
	return m.openForm(name, huh.NewForm(huh.NewGroup(fields...)), func(m *Model) tea.Cmd {
		r.Note = clean(r.Note)
		what := fmt.Sprintf("%s %s %s", from.ID, r.Kind, r.To)
		m.change(what, func(d *edit.Doc) error { return d.AddRelation(*r) })
		return nil
	})
}

// relationsOf are the relations a claim is an end of, answers and
// restatements, in the model's order.
func (m *Model) relationsOf(c *claims.Claim) []*claims.Relation {
	var out []*claims.Relation
	for _, r := range m.cm.Relations {
		if r.From == c || r.To == c {
			out = append(out, r)
		}
	}
	return out
}

// relationLabel says a relation from the side of claim c.
func relationLabel(c *claims.Claim, r *claims.Relation) string {
	other := r.To
	verb := "this claim " + r.Kind
	if r.To == c {
		other, verb = r.From, "answered by, "+r.Kind
	}
	if r.Kind == claims.KindRestates {
		verb = "the same statement as"
	}
	return fmt.Sprintf("%s ¶%d %s: %s", verb, other.Paragraph, sanitize.Line(other.Speaker.Name), sanitize.Line(other.Text))
}

// pickRelation has a relation of claim c picked, when it has several, and
// then does what with it.
func (m *Model) pickRelation(c *claims.Claim, name string, what func(r *claims.Relation) tea.Cmd) tea.Cmd {
	rels := m.relationsOf(c)
	if len(rels) == 1 {
		return what(rels[0])
	}
	opts := make([]huh.Option[int], len(rels))
	for i, r := range rels {
		opts[i] = huh.NewOption(relationLabel(c, r), i)
	}
	var i int
	form := huh.NewForm(huh.NewGroup(huh.NewSelect[int]().Title("Which link of " + sanitize.Line(c.ID)).Options(opts...).Value(&i)))
	return m.openForm(name, form, func(m *Model) tea.Cmd { return what(rels[i]) })
}

// relationForm changes a relation's kind, whether the article shows it,
// and its note.
func (m *Model) relationForm(r *claims.Relation) tea.Cmd {
	f := edit.RelationFields{From: r.From.ID, To: r.To.ID, Kind: r.Kind, Explicit: r.Explicit, Note: shown(r.Note)}
	kinds := make([]huh.Option[string], len(claims.RelationKinds))
	for i, k := range claims.RelationKinds {
		kinds[i] = huh.NewOption(k+" — "+phrase.Meaning(k), k)
	}
	name := fmt.Sprintf("Link %s → %s", sanitize.Line(r.From.ID), sanitize.Line(r.To.ID))
	form := huh.NewForm(huh.NewGroup(
		huh.NewSelect[string]().Title("Kind").Options(kinds...).Value(&f.Kind).Height(len(kinds)+1),
		huh.NewConfirm().Title("Does the article show it?").Affirmative("explicit: the article says so").Negative("inferred: my reading").Value(&f.Explicit),
		huh.NewInput().Title("Note (optional)").Description("why the two are linked").Value(&f.Note),
	))
	return m.openForm(name, form, func(m *Model) tea.Cmd {
		f.Note = kept(f.Note, r.Note)
		i := slices.Index(m.cm.Relations, r)
		m.change(fmt.Sprintf("link %s → %s changed", r.From.ID, r.To.ID), func(d *edit.Doc) error { return d.UpdateRelation(i, f) })
		return nil
	})
}

// deleteRelation asks before deleting a relation.
func (m *Model) deleteRelation(r *claims.Relation) tea.Cmd {
	what := fmt.Sprintf("link %s → %s (%s)", sanitize.Line(r.From.ID), sanitize.Line(r.To.ID), r.Kind)
	m.ed.ask = &question{
		text: "delete the " + what + "?",
		answers: []answer{
			{"y", "delete", func(m *Model) tea.Cmd {
				i := slices.Index(m.cm.Relations, r)
				m.change("deleted the "+what, func(d *edit.Doc) error { return d.DeleteRelation(i) })
				return nil
			}},
			{"esc", "keep it", nil},
		},
	}
	return nil
}

// speakerForm changes the selected speaker.
func (m *Model) speakerForm() tea.Cmd {
	if len(m.order) == 0 {
		return nil
	}
	sp := m.order[m.sel]
	f := edit.SpeakerFields{ID: sp.ID, Name: shown(sp.Name), Role: shown(sp.Role), Kind: sp.Kind, Affiliation: shown(sp.Affiliation), Principal: sp.Principal}
	aliases := shown(strings.Join(sp.Aliases, ", "))
	wasAliases := aliases
	kinds := make([]huh.Option[string], len(claims.SpeakerKinds))
	for i, k := range claims.SpeakerKinds {
		kinds[i] = huh.NewOption(k, k)
	}
	name := "Speaker " + sanitize.Line(sp.ID)
	form := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("Name").Value(&f.Name).Validate(nonEmpty("a name")),
		huh.NewInput().Title("Role").Value(&f.Role).Validate(nonEmpty("a role")),
		huh.NewSelect[string]().Title("Kind").Options(kinds...).Value(&f.Kind).Inline(true),
		huh.NewInput().Title("Affiliation (optional)").Value(&f.Affiliation),
		huh.NewInput().Title("Aliases (optional)").Description("other names the article uses, separated by commas").Value(&aliases),
		huh.NewConfirm().Title("A protagonist of the story?").Affirmative("principal: listed first").Negative("other").Value(&f.Principal),
	))
	return m.openForm(name, form, func(m *Model) tea.Cmd {
		f.Name, f.Role, f.Affiliation = kept(f.Name, sp.Name), kept(f.Role, sp.Role), kept(f.Affiliation, sp.Affiliation)
		f.Aliases = sp.Aliases
		if aliases != wasAliases {
			f.Aliases = nil
			for _, a := range strings.Split(aliases, ",") {
				if a = clean(a); a != "" && !slices.Contains(f.Aliases, a) {
					f.Aliases = append(f.Aliases, a)
				}
			}
		}
		m.change("speaker "+sp.ID+" changed", func(d *edit.Doc) error { return d.UpdateSpeaker(sp.ID, f) })
		return nil
	})
}

// saveToForm asks a draft made in memory for the folder it is first saved
// in; then.
func (m *Model) saveToForm(then tea.Cmd) tea.Cmd {
	dir := m.saveDir
	form := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("Save the draft in the folder").
			Description("claims.yaml and article.txt are written there; the folder is made if missing, and files in it are never overwritten").
			Value(&dir).Validate(func(s string) error {
			s = clean(s)
			if s == "" {
				return errors.New("a folder is needed")
			}
			for _, f := range []string{"claims.yaml", "article.txt"} {
				if _, err := os.Stat(filepath.Join(s, f)); err == nil {
					return fmt.Errorf("%s already holds %s: choose another folder", s, f)
				}
			}
			return nil
		}),
	))
	return m.openForm("Save", form, func(m *Model) tea.Cmd {
		m.saveDir = clean(dir)
		return m.afterSave(m.ed.doc.SaveTo(m.saveDir), then)
	})
}
