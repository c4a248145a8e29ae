package edit

import (
	"counterpoint/internal/claims"
	"slices"
	"strings"
	"testing"
)

// Each operation on the bundled annotation changes exactly these lines.

func TestUpdateClaimRewritesOnlyTheFieldsThatChange(t *testing.T) {
	d := bundled(t)
	f := fieldsOf(d.Model().Claim("lynton-reached-out"))
	f.When = "on Friday" // new: goes after topics, where the declaration puts it
	f.Summary = ""       // optional and empty: its line goes
	f.Venue = "CNN"      // new too
	f.Topics = append(f.Topics, "pulling-the-film")
	got := mustChange(t, d, func() error { return d.UpdateClaim("lynton-reached-out", f) })
	sameLines(t, got, []string{
		"-    summary: Lynton says he did reach out to senior White House officials, and the White House was aware of the situation.",
		"-    topics: [white-house-consulted]",
		"+    topics: [white-house-consulted, pulling-the-film]",
		"+    venue: CNN",
		"+    when: on Friday",
	})
}

func TestUpdateClaimToANewSpeakerRemovesTheOldOne(t *testing.T) {
	d := bundled(t)
	f := fieldsOf(d.Model().Claim("mccain-act-of-war"))
	f.NewSpeaker = &SpeakerFields{Name: "John S. McCain III", Role: "Senator: Arizona", Kind: "official", Aliases: []string{"McCain", "Mr McCain, senator"}}
	got := mustChange(t, d, func() error { return d.UpdateClaim("mccain-act-of-war", f) })
	sameLines(t, got, []string{
		"-  - id: mccain",
		"-    name: John McCain",
		"-    role: Republican senator",
		"-    kind: official",
		"-    aliases: [Republican Senator John McCain]",
		"-",
		"+  - id: john-s-mccain-iii",
		"+    name: John S. McCain III",
		"+    role: \"Senator: Arizona\"",
		"+    kind: official",
		"+    aliases: [McCain, \"Mr McCain, senator\"]",
		"+",
		"-    speaker: mccain",
		"+    speaker: john-s-mccain-iii",
	})
	if d.Model().Speaker("mccain") != nil || d.Model().Claim("mccain-act-of-war").Speaker.ID != "john-s-mccain-iii" {
		t.Error("the speaker did not change")
	}
}

func TestAddClaimGoesInArticleOrder(t *testing.T) {
	d := bundled(t)
	text := d.Model().Article.Text
	quote := "I would make the movie again"
	start := strings.Index(text, quote)
	var id string
	got := mustChange(t, d, func() (err error) {
		id, err = d.AddClaim(ClaimFields{Speaker: "lynton", Mode: "quote", Text: quote, Start: start, Topics: []string{"distribution"}, Venue: "CNN"})
		return err
	})
	if id != "i-would-make-the-movie" {
		t.Errorf("id %q", id)
	}
	// The claims of ¶9 that start before it stay before it.
	sameLines(t, got, []string{
		"+  - id: i-would-make-the-movie",
		"+    speaker: lynton",
		"+    mode: quote",
		"+    text: I would make the movie again",
		"+    topics: [distribution]",
		"+    venue: CNN",
		"+",
	})
	c := d.Model().Claim(id)
	if c.Span.Start != start {
		t.Errorf("anchored at %d, want %d", c.Span.Start, start)
	}
	out := string(d.Bytes())
	if i, j := strings.Index(out, "id: lynton-not-caved\n"), strings.Index(out, "id: "+id); !(i < j && j < strings.Index(out, "id: lynton-no-alternative")) {
		t.Error("not between the claims around it in the article")
	}
}

func TestAddClaimOfARepeatedPassageSaysWhichOccurrence(t *testing.T) {
	d := bundled(t)
	text := d.Model().Article.Text
	quote := "grave consequences"
	first := strings.Index(text, quote)
	second := first + 1 + strings.Index(text[first+1:], quote)
	id, err := d.AddClaim(ClaimFields{Speaker: "north-korea", Mode: "paraphrase", Text: "Grave consequences.", Source: quote, Start: second, Topics: []string{"threats"}})
	if err != nil {
		t.Fatal(err)
	}
	if c := d.Model().Claim(id); c.Span.Start != second || c.Occurrence != 2 {
		t.Errorf("anchored at %d (occurrence %d), want %d (2)", c.Span.Start, c.Occurrence, second)
	}
	if !strings.Contains(string(d.Bytes()), "    source: grave consequences\n    occurrence: 2\n") {
		t.Error("no occurrence written")
	}
}

func TestAddRelationAppendsInTheSectionsStyle(t *testing.T) {
	d := bundled(t)
	before := string(d.Bytes())
	err := d.AddRelation(RelationFields{From: "mccain-act-of-war", To: "obama-proportional-response", Kind: "supports", Note: "Annotator's reading: both speak of a response."})
	if err != nil {
		t.Fatal(err)
	}
	want := before + `  - from: mccain-act-of-war
    to: obama-proportional-response
    kind: supports
    explicit: false
    note: "Annotator's reading: both speak of a response."
`
	if string(d.Bytes()) != want {
		t.Errorf("got the end:\n%s", string(d.Bytes())[len(before)-200:])
	}
}

func TestDeleteClaimTakesItsRelationsAndItsSpeaker(t *testing.T) {
	d := bundled(t)
	if n := d.RelationsOf("lewis-covert-options"); n != 3 {
		t.Errorf("RelationsOf = %d, want 3", n)
	}
	got := mustChange(t, d, func() error { return d.DeleteClaim("lewis-covert-options") })
	want := []string{
		"-  - id: james-lewis",
		"-    name: James Lewis",
		"-    role: Cyber war expert at the Center for Strategic and International Studies",
		"-    kind: person",
		"-    affiliation: Center for Strategic and International Studies",
		"-",
		"-  - id: lewis-covert-options",
		"-    speaker: james-lewis",
		"-    mode: quote",
		"-    text: I'm sure they're exploring covert options, but also looking at it through the prism of 'We don't want to start an armed conflict on the Korean peninsula'. North Korea has another advantage, they don't have an economy.",
		"-    summary: Lewis is sure the US is exploring covert options while wary of an armed conflict on the Korean peninsula; North Korea has the advantage of having no economy.",
		"-    topics: [us-response]",
		"-",
		"-  - from: lewis-covert-options",
		"-    to: obama-proportional-response",
		"-    kind: qualifies",
		"-    explicit: false",
		"-    note: Annotator's reading; the article follows Obama's pledge, and his few options, with Lewis's view of what the administration is weighing.",
		"-  - from: lewis-covert-options",
		"-    to: mccain-act-of-war",
		"-    kind: qualifies",
		"-    explicit: false",
		"-    note: The article's \"But\" sets Lewis's caution about an armed conflict against McCain's \"act of war\" (¶21–¶22).",
		"-  - from: lewis-covert-options",
		"-    to: calls-for-sanctions",
		"-    kind: qualifies",
		"-    explicit: false",
		"-    note: Annotator's reading; \"they don't have an economy\" (¶22) is a limit on what sanctions, called for in ¶21, could do.",
	}
	// the diff may place the blank line of a run on either side of it
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		g, w := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
		if !slices.Equal(g, w) {
			sameLines(t, got, want)
		}
	}
	label, _ := d.Undo()
	if label != "delete claim lewis-covert-options and 3 relations (speaker james-lewis goes too)" {
		t.Errorf("label %q", label)
	}
}

func TestDeleteRelationByItsIndexInTheModel(t *testing.T) {
	d := bundled(t)
	i := slices.IndexFunc(d.Model().Relations, func(r *claims.Relation) bool {
		return r.From.ID == "lewis-covert-options" && r.To.ID == "mccain-act-of-war"
	})
	before := string(d.Bytes())
	must(t, d.DeleteRelation(i))
	block := `  - from: lewis-covert-options
    to: mccain-act-of-war
    kind: qualifies
    explicit: false
    note: The article's "But" sets Lewis's caution about an armed conflict against McCain's "act of war" (¶21–¶22).
`
	if want := strings.Replace(before, block, "", 1); string(d.Bytes()) != want {
		t.Errorf("changed lines: %v", diffLines(want, string(d.Bytes())))
	}
}

func TestUpdateSpeaker(t *testing.T) {
	d := bundled(t)
	s := d.Model().Speaker("mccain")
	got := mustChange(t, d, func() error {
		return d.UpdateSpeaker("mccain", SpeakerFields{Name: s.Name, Role: "Republican senator for Arizona", Kind: s.Kind, Affiliation: "US Senate", Principal: true})
	})
	sameLines(t, got, []string{
		"-    role: Republican senator",
		"+    role: Republican senator for Arizona",
		"-    aliases: [Republican Senator John McCain]",
		"+    affiliation: US Senate",
		"+    principal: true",
	})
}

func TestEveryCommentStays(t *testing.T) {
	d := bundled(t)
	want := comments(string(d.Bytes()))
	f := fieldsOf(d.Model().Claim("obama-mistake")) // a comment sits between its fields
	f.Text = "Sony made a mistake."
	f.When = "Friday"
	text := d.Model().Article.Text
	for _, e := range []func() error{
		func() error { return d.UpdateClaim("obama-mistake", f) },
		func() error {
			return d.AddRelation(RelationFields{From: "mccain-act-of-war", To: "obama-proportional-response", Kind: "supports"})
		},
		func() error {
			_, err := d.AddClaim(ClaimFields{Speaker: "obama", Mode: "quote", Text: "had talked to me first.", Start: strings.Index(text, "had talked to me first."), Topics: []string{"white-house-consulted"}})
			return err
		},
		func() error { return d.DeleteRelation(0) },
	} {
		if err := e(); err != nil {
			t.Fatal(err)
		}
		if got := comments(string(d.Bytes())); !slices.Equal(got, want) {
			t.Fatalf("comments changed: %v", diffLines(strings.Join(want, "\n"), strings.Join(got, "\n")))
		}
	}
}

func TestAcceptAndRejectADraftedClaim(t *testing.T) {
	d := drafted(t)
	got := mustChange(t, d, func() error { return d.AcceptClaim("north-korea-1") })
	sameLines(t, got, []string{
		"-    draft:",
		"-      rule: reported",
		"-      confidence: 0.75",
		"-      content: \"a joint inquiry with the US into the Sony hacking scandal\"",
		"-      mention: \"North Korea has\"",
		"-      cue: \"demanded\"",
	})
	if d.Model().Claim("north-korea-1").Draft != nil {
		t.Error("still a draft")
	}
	if err := d.AcceptClaim("north-korea-1"); err == nil || err.Error() != `claim "north-korea-1" is not a draft: nothing to accept` {
		t.Errorf("accepting twice: %v", err)
	}
	got = mustChange(t, d, func() error { return d.RejectClaim("regime-2") })
	sameLines(t, got, []string{
		"-  # ¶3 · mixed · confidence 0.75 · speaker \"The regime\" · cue \"threatening\"",
		"-  - id: regime-2",
		"-    speaker: regime",
		"-    mode: paraphrase",
		"-    text: \"\\\"grave consequences\\\" if its wishes were ignored\"",
		"-    source: \"The regime on Saturday proposed that the Washington and Pyongyang conduct a joint inquiry into the affair, threatening \\\"grave consequences\\\" if its wishes were ignored.\"",
		"-    topics: [consequence]",
		"-    draft:",
		"-      rule: mixed",
		"-      confidence: 0.75",
		"-      content: \"\\\"grave consequences\\\" if its wishes were ignored\"",
		"-      mention: \"The regime\"",
		"-      cue: \"threatening\"",
	})
}

func TestUndoGivesBackTheBytes(t *testing.T) {
	d := bundled(t)
	orig := string(d.Bytes())
	f := fieldsOf(d.Model().Claim("lynton-reached-out"))
	f.When = "Friday"
	must(t, d.UpdateClaim("lynton-reached-out", f))
	must(t, d.DeleteClaim("lewis-covert-options"))
	after := string(d.Bytes())
	if d.Unsaved() != 2 {
		t.Errorf("Unsaved = %d", d.Unsaved())
	}
	for _, want := range []string{"delete claim lewis-covert-options and 3 relations (speaker james-lewis goes too)", "update claim lynton-reached-out"} {
		if got, err := d.Undo(); err != nil || got != want {
			t.Errorf("Undo = %q, %v; want %q", got, err, want)
		}
	}
	if string(d.Bytes()) != orig || d.Unsaved() != 0 || d.CanUndo() {
		t.Error("undoing all did not give back the file")
	}
	for range 2 {
		if _, err := d.Redo(); err != nil {
			t.Fatal(err)
		}
	}
	if string(d.Bytes()) != after || d.Unsaved() != 2 {
		t.Error("redo did not make the edits again")
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestUpdateRelationRewritesOnlyItsChangedFields(t *testing.T) {
	d := bundled(t)
	i := -1
	for k, r := range d.Model().Relations {
		if r.From.ID == "lynton-reached-out" && r.To.ID == "obama-talked-to-me-first" {
			i = k
		}
	}
	if i < 0 {
		t.Fatal("no relation lynton-reached-out → obama-talked-to-me-first")
	}
	r := d.Model().Relations[i]
	got := mustChange(t, d, func() error {
		return d.UpdateRelation(i, RelationFields{Kind: "rebuts", Explicit: r.Explicit, Note: r.Note})
	})
	sameLines(t, got, []string{"-    kind: contradicts", "+    kind: rebuts"})
	got = mustChange(t, d, func() error { return d.UpdateRelation(i, RelationFields{Kind: "rebuts", Explicit: false}) })
	sameLines(t, got, []string{
		"-    explicit: true",
		"-    note: The article introduces Lynton's words as \"in direct contradiction of the president\" (¶7).",
		"+    explicit: false",
	})
	if err := d.UpdateRelation(i, RelationFields{From: "obama-mistake", Kind: "rebuts"}); err == nil {
		t.Error("a relation's end was changed")
	}
}
