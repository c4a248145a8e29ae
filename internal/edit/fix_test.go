package edit

import (
	"testing"
)

// Fixing a drafted claim in the review checks it: the fix and the
// provenance's going are one edit, undone at once.
func TestFixingADraftedClaimAcceptsItInOneEdit(t *testing.T) {
	d := drafted(t)
	before := string(d.Bytes())
	f := fieldsOf(d.Model().Claim("regime-1"))
	f.Speaker, f.Accept = "north-korea", true
	got := mustChange(t, d, func() error { return d.UpdateClaim("regime-1", f) })
	sameLines(t, got, []string{
		"-    speaker: regime",
		"+    speaker: north-korea",
		"-    draft:",
		"-      rule: reported",
		"-      confidence: 0.75",
		"-      content: \"the Washington and Pyongyang conduct a joint inquiry into the affair\"",
		"-      mention: \"The regime\"",
		"-      cue: \"proposed\"",
	})
	if c := d.Model().Claim("regime-1"); c.Draft != nil || c.Speaker.ID != "north-korea" {
		t.Errorf("the fix made %+v", c)
	}
	label, err := d.Undo()
	must(t, err)
	if label != "fix and accept claim regime-1" || string(d.Bytes()) != before {
		t.Errorf("one undo (%q) does not give the draft back", label)
	}
}

// A save right after recovering a journal, before any other edit, ends the
// journal: its edits are saved.
func TestASaveRightAfterRecoveringEndsTheJournal(t *testing.T) {
	d := bundled(t)
	anEdit(t, d)
	e, err := Open(d.Path(), "")
	must(t, err)
	r, err := FindJournal(d.Path())
	must(t, err)
	must(t, e.Recover(r))
	must(t, e.Save())
	if r, _ := FindJournal(d.Path()); r != nil {
		t.Errorf("the journal is left after the save: %+v", r)
	}
}

// An id is made from the first words of the text, an apostrophe joining
// its word.
func TestIDsKeepAWordWithItsApostropheWhole(t *testing.T) {
	d := bundled(t)
	c := d.Model().Claim("lynton-reached-out")
	id, err := d.AddClaim(ClaimFields{Speaker: "lynton", Mode: "paraphrase", Text: "Sony rejected the president's criticism of it",
		Source: c.Passage(), Start: c.Span.Start, Topics: []string{"pulling-the-film"}})
	must(t, err)
	if id != "sony-rejected-the-presidents-criticism" {
		t.Errorf("id %q", id)
	}
}
