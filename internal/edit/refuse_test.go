package edit

import (
	"strings"
	"testing"
)

// An edit that would break the annotation is refused with the reason, and
// nothing changes.
func TestRefusals(t *testing.T) {
	for _, c := range []struct {
		name, want string
		edit       func(d *Doc) error
	}{
		{"relation to a claim that does not exist", `claim "no-such-claim" is not defined`, func(d *Doc) error {
			return d.AddRelation(RelationFields{From: "lynton-reached-out", To: "no-such-claim", Kind: "rebuts"})
		}},
		{"restates between two speakers", `"lynton-reached-out" (lynton) cannot restate "obama-mistake" (obama): they are by different speakers`, func(d *Doc) error {
			return d.AddRelation(RelationFields{From: "lynton-reached-out", To: "obama-mistake", Kind: "restates"})
		}},
		{"quote not in the article", `quote of claim "lynton-reached-out" is not in the article`, func(d *Doc) error {
			f := fieldsOf(d.Model().Claim("lynton-reached-out"))
			f.Text = "I never called anyone."
			return d.UpdateClaim("lynton-reached-out", f)
		}},
		{"a second relation between two claims", `a relation from "lynton-reached-out" to "obama-talked-to-me-first" is already given`, func(d *Doc) error {
			return d.AddRelation(RelationFields{From: "lynton-reached-out", To: "obama-talked-to-me-first", Kind: "rebuts"})
		}},
		{"a topic that does not exist", `topic "no-such-topic" is not defined`, func(d *Doc) error {
			f := fieldsOf(d.Model().Claim("lynton-reached-out"))
			f.Topics = []string{"no-such-topic"}
			return d.UpdateClaim("lynton-reached-out", f)
		}},
		{"a start where the passage is not", "not at byte 7 where it was chosen", func(d *Doc) error {
			_, err := d.AddClaim(ClaimFields{Speaker: "lynton", Mode: "quote", Text: "I would make the movie again", Start: 7, Topics: []string{"threats"}})
			return err
		}},
		{"delete a claim that does not exist", `no claim "nope"`, func(d *Doc) error { return d.DeleteClaim("nope") }},
		{"rename a speaker", `can't rename speaker "mccain"`, func(d *Doc) error {
			return d.UpdateSpeaker("mccain", SpeakerFields{ID: "john-mccain", Name: "x", Role: "y", Kind: "person"})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := bundled(t)
			before := string(d.Bytes())
			err := c.edit(d)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
			if string(d.Bytes()) != before || d.Unsaved() != 0 || d.CanUndo() {
				t.Error("a refused edit changed the text")
			}
		})
	}
}

// The only claim of a file cannot go: the loader wants one at least.
func TestDeleteTheOnlyClaimIsRefused(t *testing.T) {
	d := drafted(t)
	ids := []string{}
	for _, c := range d.Model().Claims {
		ids = append(ids, c.ID)
	}
	for _, id := range ids[1:] {
		must(t, d.DeleteClaim(id))
	}
	before := string(d.Bytes())
	err := d.DeleteClaim(ids[0])
	if err == nil || err.Error() != "can't delete the only claim: an annotation needs one at least" {
		t.Fatalf("error %v", err)
	}
	if string(d.Bytes()) != before {
		t.Error("changed")
	}
}

// A passage repeated in the article anchors at the occurrence chosen:
// the quote chosen at its second place says occurrence 2.
func TestOccurrenceCountsAsTheLoaderDoes(t *testing.T) {
	for _, c := range []struct {
		text, passage string
		start, want   int
	}{
		{"aaaa", "aa", 0, 1}, // overlapping occurrences count
		{"aaaa", "aa", 1, 2},
		{"aaaa", "aa", 2, 3},
		{"ab ab", "ab", 3, 2},
		{"ab cd", "ab", 0, 0}, // once: no occurrence
		{"ab ab", "ab", 1, 0}, // not at start: the loader says what is wrong
	} {
		if got := occurrence(c.text, c.passage, c.start); got != c.want {
			t.Errorf("occurrence(%q, %q, %d) = %d, want %d", c.text, c.passage, c.start, got, c.want)
		}
	}
}

func TestFlowValue(t *testing.T) {
	for _, c := range []struct{ text, key, want string }{
		{"- {from: c1, to: c2, kind: rebuts}\n", "to", "c2"},
		{"- {from: c1, to: c2}\n", "from", "c1"},
		{"- {note: \"to: x\", to: \"c3\"}\n", "to", "c3"},
		{"- {from: c1}\n", "to", ""},
	} {
		if got := flowValue(c.text, c.key); got != c.want {
			t.Errorf("flowValue(%q, %q) = %q, want %q", c.text, c.key, got, c.want)
		}
	}
}
