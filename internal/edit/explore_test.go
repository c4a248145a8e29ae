package edit

import (
	"strings"
	"testing"
)

func TestExplore(t *testing.T) {
	d := bundled(t)
	orig := string(d.Bytes())
	f := fieldsOf(d.Model().Claim("lynton-reached-out"))
	f.When = "on Friday"
	f.Summary = ""
	err := d.UpdateClaim("lynton-reached-out", f)
	t.Log(err, strings.Join(diffLines(orig, string(d.Bytes())), "\n"))
	err = d.AddRelation(RelationFields{From: "mccain-act-of-war", To: "obama-proportional-response", Kind: "supports", Note: "Annotator's reading: both"})
	t.Log(err, strings.Join(diffLines(orig, string(d.Bytes())), "\n"))
	err = d.DeleteClaim("lewis-covert-options")
	t.Log(err, strings.Join(diffLines(orig, string(d.Bytes())), "\n"))
	text := d.Model().Article.Text
	i := strings.Index(text, "Mr Lynton said")
	id, err := d.AddClaim(ClaimFields{NewSpeaker: &SpeakerFields{Name: "Nobody Else", Role: "a test", Kind: "person"}, Mode: "quote", Text: "Mr Lynton said", Start: i, Topics: []string{"threats"}})
	t.Log(id, err, strings.Join(diffLines(orig, string(d.Bytes())), "\n"))
	for d.CanUndo() {
		l, err := d.Undo()
		t.Log(l, err)
	}
	if string(d.Bytes()) != orig {
		t.Fatal("undo")
	}
}
