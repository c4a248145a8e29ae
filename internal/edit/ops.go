package edit

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"counterpoint/internal/claims"
)

// The operations the explorer offers, each one edit: the changes to the
// text it needs, made and validated at once by commit.

// The declaration order of each entity's fields (internal/claims/format.go):
// a new field goes before the first field written that comes after it.
var (
	speakerOrder  = []string{"id", "name", "role", "kind", "aliases", "affiliation", "principal"}
	claimOrder    = []string{"id", "speaker", "mode", "text", "source", "occurrence", "summary", "topics", "venue", "when", "reported_by", "draft"}
	relationOrder = []string{"from", "to", "kind", "explicit", "note"}
)

// AddClaim adds a claim (and its new speaker, if any), returning its id. It
// goes among the claims in article order: before the first claim of the file
// whose passage starts after its own.
func (d *Doc) AddClaim(c ClaimFields) (string, error) {
	var changes []change
	speaker := c.Speaker
	if c.NewSpeaker != nil {
		ch, id, err := d.newSpeaker(*c.NewSpeaker)
		if err != nil {
			return "", err
		}
		changes, speaker = append(changes, ch), id
	}
	id := uniqueID(slug(c.Text, "claim"), func(id string) bool { return d.model.Claim(id) != nil })
	occ := occurrence(d.model.Article.Text, passage(c), c.Start)
	fields := claimKVs(id, speaker, c, occ)
	ch, err := d.insertClaim(fields, c.Start)
	if err != nil {
		return "", err
	}
	changes = append(changes, ch)
	return id, d.commit("add claim "+id, changes, anchoredAt(id, c.Start))
}

// passage is what anchors a claim: a quote's text, a paraphrase's source.
func passage(c ClaimFields) string {
	if c.Mode == claims.ModeParaphrase {
		return c.Source
	}
	return c.Text
}

// occurrence is the `occurrence:` that anchors passage at start, counted
// as the loader counts (every occurrence, overlapping ones too, in article
// order, from 1); 0 when the passage occurs once, or not at start (the
// loader then says what is wrong).
func occurrence(text, passage string, start int) int {
	if passage == "" || start < 0 || start > len(text) || !strings.HasPrefix(text[start:], passage) {
		return 0
	}
	k, n := 0, 0
	for at := 0; ; {
		i := strings.Index(text[at:], passage)
		if i < 0 {
			break
		}
		n++
		if at+i < start {
			k++
		}
		at += i + 1
	}
	if n < 2 {
		return 0
	}
	return k + 1
}

// anchoredAt checks that the claim id anchors at start: the passage the
// annotator chose, not another occurrence of the same words.
func anchoredAt(id string, start int) func(*claims.Model) error {
	return func(m *claims.Model) error {
		c := m.Claim(id)
		if c == nil {
			return fmt.Errorf("claim %q is missing after the edit", id)
		}
		if c.Span.Start != start {
			return &RefusedError{Reason: fmt.Sprintf("the passage of claim %q is found at byte %d of the article, not at byte %d where it was chosen", id, c.Span.Start, start)}
		}
		return nil
	}
}

// claimKVs are the fields of a new claim, in declaration order.
func claimKVs(id, speaker string, c ClaimFields, occ int) []kv {
	fs := []kv{{"id", id}, {"speaker", speaker}, {"mode", c.Mode}, {"text", c.Text}}
	if c.Mode == claims.ModeParaphrase || c.Source != "" {
		fs = append(fs, kv{"source", c.Source})
	}
	if occ > 0 {
		fs = append(fs, kv{"occurrence", occ})
	}
	if c.Summary != "" {
		fs = append(fs, kv{"summary", c.Summary})
	}
	fs = append(fs, kv{"topics", nonNil(c.Topics)})
	for _, f := range []kv{{"venue", c.Venue}, {"when", c.When}, {"reported_by", c.ReportedBy}} {
		if f.val != "" {
			fs = append(fs, f)
		}
	}
	return fs
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// insertClaim places a new claim's item before the first claim of the file
// whose passage starts after start, else at the end of the claims.
func (d *Doc) insertClaim(fields []kv, start int) (change, error) {
	s := d.lay.sections["claims"]
	if s == nil {
		return change{}, errors.New("the annotation has no claims section")
	}
	for k := range s.items {
		it := &s.items[k]
		if c := d.model.Claim(it.value("id")); c != nil && c.Span.Start > start {
			return d.insertBefore(s, it, fields), nil
		}
	}
	return d.appendItem("claims", fields), nil
}

// styleOf is how a section writes its items; a section with none borrows
// the claims' columns.
func (d *Doc) styleOf(s *section) style {
	st := style{dash: 2, key: 4}
	if c := d.lay.sections["claims"]; c != nil && len(c.items) > 0 && (s == nil || len(s.items) == 0) {
		s = c
	}
	if s == nil || len(s.items) == 0 {
		return st
	}
	st.dash, st.flow = s.dash, true
	blanks := 0
	for k, it := range s.items {
		if !it.flow {
			st.key, st.flow = it.keyIndent, false
		}
		if k > 0 && d.lay.lines[it.leadLine].kind == blankLine {
			blanks++
		}
	}
	// Set apart when most are: the bundled relations come in groups, a
	// blank line between groups only.
	st.blank = blanks > 0 && 2*blanks >= len(s.items)-1
	if st.flow {
		st.key = st.dash + 2
	}
	return st
}

// insertBefore puts a new item before it, its leading comments included,
// set apart by a blank line if the section's items are.
func (d *Doc) insertBefore(s *section, it *item, fields []kv) change {
	st := d.styleOf(s)
	body := renderItem(st, fields)
	switch {
	case !st.blank:
	case d.lay.lines[it.leadLine].kind == blankLine:
		body = "\n" + body
	default:
		body += "\n"
	}
	return change{start: it.lead, end: it.lead, ins: body}
}

// appendItem puts a new item at the end of a section, writing the section
// if the file has none (or has it as `[]`).
func (d *Doc) appendItem(name string, fields []kv) change {
	s := d.lay.sections[name]
	st := d.styleOf(s)
	body := renderItem(st, fields)
	switch {
	case s == nil:
		text := d.lay.text
		pre := ""
		if text != "" && !strings.HasSuffix(text, "\n") {
			pre = "\n"
		}
		if c := d.lay.sections["claims"]; c != nil && c.line > 0 && d.lay.lines[c.line-1].kind == blankLine && !strings.HasSuffix(pre+text, "\n\n") {
			pre += "\n"
		}
		return change{start: len(text), end: len(text), ins: pre + name + ":\n" + body}
	case s.emptyFlow:
		return change{start: s.start, end: s.headerEnd, ins: name + ":\n" + body}
	case len(s.items) == 0:
		return change{start: s.headerEnd, end: s.headerEnd, ins: body}
	}
	if st.blank {
		body = "\n" + body
	}
	if !strings.HasSuffix(d.lay.text[:s.end], "\n") {
		body = "\n" + body
	}
	return change{start: s.end, end: s.end, ins: body}
}

// newSpeaker is the change that adds a speaker, and its id.
func (d *Doc) newSpeaker(s SpeakerFields) (change, string, error) {
	id := s.ID
	if id == "" {
		id = uniqueID(slug(s.Name, "speaker"), func(id string) bool { return d.model.Speaker(id) != nil })
	}
	fs := []kv{{"id", id}, {"name", s.Name}, {"role", s.Role}, {"kind", s.Kind}}
	if len(s.Aliases) > 0 {
		fs = append(fs, kv{"aliases", s.Aliases})
	}
	if s.Affiliation != "" {
		fs = append(fs, kv{"affiliation", s.Affiliation})
	}
	if s.Principal {
		fs = append(fs, kv{"principal", true})
	}
	return d.appendItem("speakers", fs), id, nil
}

// find returns the item of a section whose key field is value.
func (d *Doc) find(section, key, value string) (*item, error) {
	if s := d.lay.sections[section]; s != nil {
		for k := range s.items {
			if s.items[k].value(key) == value {
				return &s.items[k], nil
			}
		}
	}
	return nil, fmt.Errorf("no %s %q in the file", strings.TrimSuffix(section, "s"), value)
}

// blockItem is find for an item whose fields are edited: one written in
// flow style is refused.
func (d *Doc) blockItem(section, key, value string) (*item, error) {
	it, err := d.find(section, key, value)
	if err == nil && it.flow {
		return nil, fmt.Errorf("can't edit %s %q in place: it is written in flow style ({…})", strings.TrimSuffix(section, "s"), value)
	}
	return it, err
}

// setField is the change that gives an item's field a value (nil: removes
// it). A new field goes before the first field written that comes after it
// in the declaration order, else after the last.
func (d *Doc) setField(it *item, order []string, key string, val any) change {
	if f := it.field(key); f != nil {
		if val == nil {
			return change{start: f.lineStart, end: f.end}
		}
		return change{start: f.at, end: f.end, ins: renderField(kv{key, val})}
	}
	line := strings.Repeat(" ", it.keyIndent) + renderField(kv{key, val})
	rank := slices.Index(order, key)
	for _, f := range it.fields {
		if r := slices.Index(order, f.key); r > rank {
			return change{start: f.lineStart, end: f.lineStart, ins: line}
		}
	}
	pre := ""
	if !strings.HasSuffix(d.lay.text[:it.end], "\n") {
		pre = "\n"
	}
	return change{start: it.end, end: it.end, ins: pre + line}
}

// optional turns a zero value into nil, a field to remove.
func optional(v any) any {
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
	case bool:
		if !x {
			return nil
		}
	case int:
		if x == 0 {
			return nil
		}
	case []string:
		if len(x) == 0 {
			return nil
		}
	}
	return v
}

// UpdateClaim sets every field of a claim; only the lines of fields that
// change are rewritten. A speaker left with no claim goes too.
func (d *Doc) UpdateClaim(id string, c ClaimFields) error {
	old := d.model.Claim(id)
	if old == nil {
		return fmt.Errorf("no claim %q", id)
	}
	it, err := d.blockItem("claims", "id", id)
	if err != nil {
		return err
	}
	var changes []change
	speaker := c.Speaker
	if c.NewSpeaker != nil {
		ch, sid, err := d.newSpeaker(*c.NewSpeaker)
		if err != nil {
			return err
		}
		changes, speaker = append(changes, ch), sid
	}
	occ := occurrence(d.model.Article.Text, passage(c), c.Start)
	oldOcc := old.Occurrence
	if oldOcc == 1 && occ == 0 && passage(c) == old.Passage() {
		occ = 1 // written though the passage occurs once: the same anchor
	}
	source := c.Source
	if c.Mode != claims.ModeParaphrase {
		source = ""
	}
	for _, f := range []struct {
		key      string
		old, new any
	}{
		{"speaker", old.Speaker.ID, speaker},
		{"mode", old.Mode, c.Mode},
		{"text", old.Text, c.Text},
		{"source", old.Source, source},
		{"occurrence", oldOcc, occ},
		{"summary", old.Summary, c.Summary},
		{"topics", topicIDs(old.Topics), nonNil(c.Topics)},
		{"venue", old.Venue, c.Venue},
		{"when", old.When, c.When},
		{"reported_by", speakerID(old.ReportedBy), c.ReportedBy},
	} {
		if !equal(f.old, f.new) {
			v := f.new
			if f.key != "topics" {
				v = optional(v)
			}
			changes = append(changes, d.setField(it, claimOrder, f.key, v))
		}
	}
	label := "update claim " + id
	if f := it.field("draft"); c.Accept && f != nil {
		// checked as it is fixed: the provenance goes in the same edit
		changes = append(changes, change{start: f.lineStart, end: f.end})
		label = "fix and accept claim " + id
	}
	if len(changes) == 0 {
		return nil
	}
	orphans, err := d.orphans(id, map[string]bool{speaker: true, c.ReportedBy: true})
	if err != nil {
		return err
	}
	changes = append(changes, orphans.changes...)
	return d.commit(label+orphans.label(), changes, anchoredAt(id, c.Start))
}

func topicIDs(ts []*claims.Topic) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.ID
	}
	return out
}

func speakerID(s *claims.Speaker) string {
	if s == nil {
		return ""
	}
	return s.ID
}

func equal(a, b any) bool {
	if x, ok := a.([]string); ok {
		return slices.Equal(x, b.([]string))
	}
	return a == b
}

// removal is the speakers an edit leaves with nothing to say, and the
// changes that delete them.
type removal struct {
	ids     []string
	changes []change
}

func (r removal) label() string {
	switch len(r.ids) {
	case 0:
		return ""
	case 1:
		return " (speaker " + r.ids[0] + " goes too)"
	}
	return " (speakers " + strings.Join(r.ids, ", ") + " go too)"
}

// orphans finds the speakers of claim id (its speaker and its intermediary)
// that no other claim names, and that keep names nowhere: the loader
// refuses a speaker with no claims, so they go in the same edit.
func (d *Doc) orphans(id string, keep map[string]bool) (removal, error) {
	c := d.model.Claim(id)
	var r removal
	for _, s := range []*claims.Speaker{c.Speaker, c.ReportedBy} {
		if s == nil || keep[s.ID] || slices.Contains(r.ids, s.ID) || d.speaks(s, id) {
			continue
		}
		it, err := d.find("speakers", "id", s.ID)
		if err != nil {
			return removal{}, err
		}
		r.ids = append(r.ids, s.ID)
		r.changes = append(r.changes, d.deleteItem(it, false))
	}
	return r, nil
}

// speaks reports whether s speaks or relays a claim other than id.
func (d *Doc) speaks(s *claims.Speaker, id string) bool {
	for _, c := range d.model.Claims {
		if c.ID != id && (c.Speaker == s || c.ReportedBy == s) {
			return true
		}
	}
	return false
}

// draftComment is the comment `counterpoint draft` writes above a claim.
var draftComment = regexp.MustCompile(`^#\s*¶\d+ · .* · confidence [0-9]`)

// deleteItem is the change that removes an item (with the drafter's
// comment above it, if withDraft) and one blank line run beside it: the one
// before, or if none, the one after when another item follows. Other
// leading comments stay: they may speak of the items around.
func (d *Doc) deleteItem(it *item, withDraft bool) change {
	l := d.lay
	first := it.bodyLine
	if withDraft {
		for first > it.leadLine && l.lines[first-1].kind == commentLine && draftComment.MatchString(l.content(first-1)) {
			first--
		}
	}
	start, end := l.lines[first].start, it.end
	for first > it.leadLine && l.lines[first-1].kind == blankLine {
		first--
	}
	if l.lines[first].start < start {
		return change{start: l.lines[first].start, end: end}
	}
	last := l.lineAt(end)
	for k := last; k < len(l.lines) && l.lines[k].kind == blankLine; k++ {
		if k+1 < len(l.lines) && l.lines[k+1].kind == contentLine && l.lines[k+1].indent > 0 {
			end = l.lines[k].end
		}
	}
	return change{start: start, end: end}
}

// lineAt is the index of the line that starts at or holds offset off
// (len(lines) at the end of the text).
func (l *layout) lineAt(off int) int {
	return sort.Search(len(l.lines), func(i int) bool { return l.lines[i].end > off })
}

// merge joins overlapping deletions, so that deleting neighbours, each with
// the blank line between them, is one change.
func merge(cs []change) []change {
	sort.Slice(cs, func(i, j int) bool { return cs[i].start < cs[j].start })
	var out []change
	for _, c := range cs {
		if n := len(out); n > 0 && c.ins == "" && out[n-1].ins == "" && c.start < out[n-1].end {
			out[n-1].end = max(out[n-1].end, c.end)
			continue
		}
		out = append(out, c)
	}
	return out
}

// DeleteClaim removes a claim, the relations to and from it, and a speaker
// it leaves with no claim. RelationsOf says how many relations go.
func (d *Doc) DeleteClaim(id string) error { return d.deleteClaim(id, false, "delete") }

// RelationsOf is how many relations name claim id: those DeleteClaim removes.
func (d *Doc) RelationsOf(id string) int {
	n := 0
	for _, r := range d.model.Relations {
		if r.From.ID == id || r.To.ID == id {
			n++
		}
	}
	return n
}

// RejectClaim deletes a claim, as DeleteClaim does, with the comment the
// drafter wrote above it.
func (d *Doc) RejectClaim(id string) error { return d.deleteClaim(id, true, "reject") }

func (d *Doc) deleteClaim(id string, withDraft bool, verb string) error {
	if d.model.Claim(id) == nil {
		return fmt.Errorf("no claim %q", id)
	}
	if len(d.model.Claims) == 1 {
		return errors.New("can't delete the only claim: an annotation needs one at least")
	}
	it, err := d.find("claims", "id", id)
	if err != nil {
		return err
	}
	changes := []change{d.deleteItem(it, withDraft)}
	n := 0
	if s := d.lay.sections["relations"]; s != nil {
		for k := range s.items {
			r := &s.items[k]
			if r.value("from") == id || r.value("to") == id {
				changes = append(changes, d.deleteItem(r, false))
				n++
			}
		}
	}
	orphans, err := d.orphans(id, nil)
	if err != nil {
		return err
	}
	changes = append(changes, orphans.changes...)
	label := verb + " claim " + id
	switch n {
	case 0:
	case 1:
		label += " and 1 relation"
	default:
		label += fmt.Sprintf(" and %d relations", n)
	}
	return d.commit(label+orphans.label(), merge(changes), nil)
}

// AcceptClaim removes a drafted claim's provenance, the `draft:` field.
func (d *Doc) AcceptClaim(id string) error {
	it, err := d.blockItem("claims", "id", id)
	if err != nil {
		return err
	}
	f := it.field("draft")
	if f == nil {
		return fmt.Errorf("claim %q is not a draft: nothing to accept", id)
	}
	return d.commit("accept claim "+id, []change{{start: f.lineStart, end: f.end}}, nil)
}

// UpdateSpeaker sets every field of a speaker but its id, which claims and
// relations name: renaming one is refused.
func (d *Doc) UpdateSpeaker(id string, s SpeakerFields) error {
	old := d.model.Speaker(id)
	if old == nil {
		return fmt.Errorf("no speaker %q", id)
	}
	if s.ID != "" && s.ID != id {
		return fmt.Errorf("can't rename speaker %q: its id is what claims name", id)
	}
	it, err := d.blockItem("speakers", "id", id)
	if err != nil {
		return err
	}
	var changes []change
	for _, f := range []struct {
		key      string
		old, new any
	}{
		{"name", old.Name, s.Name},
		{"role", old.Role, s.Role},
		{"kind", old.Kind, s.Kind},
		{"aliases", nonNil(old.Aliases), nonNil(s.Aliases)},
		{"affiliation", old.Affiliation, s.Affiliation},
		{"principal", old.Principal, s.Principal},
	} {
		if !equal(f.old, f.new) {
			changes = append(changes, d.setField(it, speakerOrder, f.key, optional(f.new)))
		}
	}
	if len(changes) == 0 {
		return nil
	}
	return d.commit("update speaker "+id, changes, nil)
}

// AddRelation links two claims: From answers To, or restates it. It goes at
// the end of the relations.
func (d *Doc) AddRelation(r RelationFields) error {
	fs := []kv{{"from", r.From}, {"to", r.To}, {"kind", r.Kind}, {"explicit", r.Explicit}}
	if r.Note != "" {
		fs = append(fs, kv{"note", r.Note})
	}
	return d.commit(fmt.Sprintf("link %s to %s (%s)", r.From, r.To, r.Kind), []change{d.appendItem("relations", fs)}, nil)
}

// DeleteRelation removes model.Relations[i]. The model sorts its relations
// in article order, not the file's, so the item is found by its two claims,
// which no two relations share.
func (d *Doc) DeleteRelation(i int) error {
	r, it, err := d.relationItem(i)
	if err != nil {
		return err
	}
	label := fmt.Sprintf("delete relation %s → %s", r.From.ID, r.To.ID)
	return d.commit(label, []change{d.deleteItem(it, false)}, nil)
}

// UpdateRelation sets the kind, explicit and note of model.Relations[i];
// its two ends stay (link the claims anew to join others). Only the lines
// of the fields that change are rewritten.
func (d *Doc) UpdateRelation(i int, f RelationFields) error {
	r, it, err := d.relationItem(i)
	if err != nil {
		return err
	}
	if it.flow {
		return fmt.Errorf("can't edit the relation %s → %s in place: it is written in flow style ({…})", r.From.ID, r.To.ID)
	}
	if f.From != "" && f.From != r.From.ID || f.To != "" && f.To != r.To.ID {
		return fmt.Errorf("a relation's ends stay: delete it and link the claims anew")
	}
	var changes []change
	for _, x := range []struct {
		key      string
		old, new any
	}{
		{"kind", r.Kind, f.Kind},
		{"explicit", r.Explicit, f.Explicit},
		{"note", r.Note, f.Note},
	} {
		if !equal(x.old, x.new) {
			v := x.new
			if x.key == "note" {
				v = optional(v)
			}
			changes = append(changes, d.setField(it, relationOrder, x.key, v))
		}
	}
	if len(changes) == 0 {
		return nil
	}
	return d.commit(fmt.Sprintf("update relation %s → %s", r.From.ID, r.To.ID), changes, nil)
}

// relationItem is model.Relations[i] and its item in the file, found by
// its two ends, which the loader keeps unique.
func (d *Doc) relationItem(i int) (*claims.Relation, *item, error) {
	if i < 0 || i >= len(d.model.Relations) {
		return nil, nil, fmt.Errorf("no relation %d", i)
	}
	r := d.model.Relations[i]
	if s := d.lay.sections["relations"]; s != nil {
		for k := range s.items {
			if it := &s.items[k]; it.value("from") == r.From.ID && it.value("to") == r.To.ID {
				return r, it, nil
			}
		}
	}
	return nil, nil, fmt.Errorf("no relation from %q to %q in the file", r.From.ID, r.To.ID)
}
