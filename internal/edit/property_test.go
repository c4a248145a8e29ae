package edit

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"counterpoint/internal/claims"
)

// Random edits and undos, on a draft and on the bundled annotation: after
// each step the text loads, a refused edit changed nothing, and undoing
// everything gives back the file's bytes exactly.
func TestRandomEditsUndoToTheOriginal(t *testing.T) {
	for _, c := range []struct {
		name string
		open func(testing.TB) *Doc
	}{{"draft", drafted}, {"bundled", bundled}} {
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprintf("%s/seed=%d", c.name, seed), func(t *testing.T) {
				d := c.open(t)
				randomEdits(t, d, rand.New(rand.NewPCG(seed, 7)), 200)
			})
		}
	}
}

func randomEdits(t *testing.T, d *Doc, r *rand.Rand, steps int) {
	orig := string(d.Bytes())
	sentences := sentencesOf(d.Model().Article.Text)
	made := 0
	for step := range steps {
		before := string(d.Bytes())
		op, err := randomEdit(d, r, sentences)
		if err != nil {
			if string(d.Bytes()) != before {
				t.Fatalf("step %d: %s refused (%v) but changed the text", step, op, err)
			}
		} else {
			made++
		}
		if d.Model() == nil {
			t.Fatalf("step %d: no model", step)
		}
		read := func(string) (string, []byte, error) { return "article.txt", []byte(d.Model().Article.Text), nil }
		if _, err := claims.Load("claims.yaml", d.Bytes(), read); err != nil {
			t.Fatalf("step %d (%s): the text does not load: %v", step, op, err)
		}
	}
	if made < steps/4 {
		t.Errorf("only %d of %d edits made: the test edits too little", made, steps)
	}
	for d.CanUndo() {
		if _, err := d.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if string(d.Bytes()) != orig {
		t.Fatalf("undoing everything did not give back the file: %v", diffLines(orig, string(d.Bytes())))
	}
}

// sentence is a passage of the article and where it starts.
type sentence struct {
	text  string
	start int
}

func sentencesOf(text string) []sentence {
	var out []sentence
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' || text[i] == '\n' {
			if s := strings.TrimSpace(text[start : i+1]); len(s) > 12 {
				out = append(out, sentence{s, start + strings.Index(text[start:i+1], s)})
			}
			start = i + 1
		}
	}
	return out
}

// randomEdit makes one random edit, undo or redo, and says which.
func randomEdit(d *Doc, r *rand.Rand, sentences []sentence) (string, error) {
	m := d.Model()
	claim := m.Claims[r.IntN(len(m.Claims))]
	switch r.IntN(10) {
	case 0:
		for _, c := range m.Claims {
			if c.Draft != nil {
				return "accept " + c.ID, d.AcceptClaim(c.ID)
			}
		}
		return "accept " + claim.ID, d.AcceptClaim(claim.ID)
	case 1:
		return "reject " + claim.ID, d.RejectClaim(claim.ID)
	case 2:
		f := fieldsOf(claim)
		switch r.IntN(4) {
		case 0:
			f.Summary = fmt.Sprintf("Summary %d: the speaker's point, #%d", r.IntN(100), r.IntN(9))
		case 1:
			f.When = []string{"", "Friday", "yes", "on: Saturday"}[r.IntN(4)]
		case 2:
			f.Topics = []string{m.Topics[r.IntN(len(m.Topics))].ID}
		case 3:
			f.Speaker = m.Speakers[r.IntN(len(m.Speakers))].ID
		}
		return "update " + claim.ID, d.UpdateClaim(claim.ID, f)
	case 3:
		s := sentences[r.IntN(len(sentences))]
		f := ClaimFields{Speaker: m.Speakers[r.IntN(len(m.Speakers))].ID, Mode: claims.ModeQuote, Text: s.text, Start: s.start,
			Topics: []string{m.Topics[r.IntN(len(m.Topics))].ID}}
		if r.IntN(3) == 0 {
			f.NewSpeaker = &SpeakerFields{Name: fmt.Sprintf("Speaker %d", r.IntN(1000)), Role: "someone", Kind: claims.KindPerson}
		}
		if r.IntN(2) == 0 {
			f.Mode, f.Source, f.Text = claims.ModeParaphrase, s.text, "What was said."
		}
		_, err := d.AddClaim(f)
		return "add claim", err
	case 4:
		other := m.Claims[r.IntN(len(m.Claims))]
		kind := claims.RelationKinds[r.IntN(len(claims.RelationKinds))]
		return "link", d.AddRelation(RelationFields{From: claim.ID, To: other.ID, Kind: kind, Explicit: r.IntN(2) == 0, Note: "A note: why."})
	case 5:
		if len(m.Relations) == 0 {
			return "delete relation", nil
		}
		return "delete relation", d.DeleteRelation(r.IntN(len(m.Relations)))
	case 6:
		return "delete " + claim.ID, d.DeleteClaim(claim.ID)
	case 7, 8:
		if !d.CanUndo() {
			return "undo", nil
		}
		_, err := d.Undo()
		return "undo", err
	default:
		if !d.CanRedo() {
			return "redo", nil
		}
		_, err := d.Redo()
		return "redo", err
	}
}
