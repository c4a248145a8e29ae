package edit

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// The scanner refuses the layouts it cannot splice, and says where.
func TestScanRefusesWhatItCannotSplice(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"claims: [{id: a}]\n", "its claims section is written in flow style (line 1)"},
		{"claims:\n  -\n    id: a\n", "an item of its claims section has its dash alone on a line (line 2)"},
		{"claims:\n\t- id: a\n", "it indents with a tab (line 2)"},
		{"claims:\n  - id: a\n---\nclaims:\n", "it holds a document marker or directive (line 3)"},
		{"claims:\r\n  - id: a\r\n", "it has Windows (CRLF) line endings (line 1)"},
	} {
		if _, err := scan(c.text); err == nil || err.Error() != c.want {
			t.Errorf("scan(%q) = %v, want %q", c.text, err, c.want)
		}
	}
}

func TestOpenSaysWhyItCannotEditInPlace(t *testing.T) {
	d := bundled(t)
	text := string(d.Bytes())
	text = text[:strings.Index(text, "relations:")] + "relations: [{from: lynton-reached-out, to: obama-mistake, kind: rebuts, explicit: false}]\n"
	must(t, os.WriteFile(d.Path(), []byte(text), 0o644))
	_, err := Open(d.Path(), "")
	line := strings.Count(text, "\n")
	if want := "can't edit claims.yaml in place: its relations section is written in flow style (line " + itoa(line) + ")"; err == nil || err.Error() != want {
		t.Errorf("Open = %v, want %q", err, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A file with `relations: []`, or none, takes its first relation.
func TestTheFirstRelation(t *testing.T) {
	for _, tail := range []string{"relations: []\n", ""} {
		d := bundled(t)
		text := string(d.Bytes())
		text = text[:strings.Index(text, "relations:")] + tail
		must(t, os.WriteFile(d.Path(), []byte(text), 0o644))
		d, err := Open(d.Path(), "")
		must(t, err)
		must(t, d.AddRelation(RelationFields{From: "lynton-reached-out", To: "obama-mistake", Kind: "rebuts"}))
		want := text[:len(text)-len(tail)] + "relations:\n  - from: lynton-reached-out\n    to: obama-mistake\n    kind: rebuts\n    explicit: false\n"
		if string(d.Bytes()) != want {
			t.Errorf("with %q: %v", tail, diffLines(want, string(d.Bytes())))
		}
	}
}

// A file without relations, and sections set apart by blank lines, gets
// its relations set apart too.
func TestTheFirstRelationIsSetApart(t *testing.T) {
	d := bundled(t)
	text := string(d.Bytes())
	text = strings.TrimRight(text[:strings.Index(text, "relations:")], "\n") + "\n"
	must(t, os.WriteFile(d.Path(), []byte(text), 0o644))
	d, err := Open(d.Path(), "")
	must(t, err)
	must(t, d.AddRelation(RelationFields{From: "lynton-reached-out", To: "obama-mistake", Kind: "rebuts"}))
	if want := text + "\nrelations:\n  - from: lynton-reached-out\n    to: obama-mistake\n    kind: rebuts\n    explicit: false\n"; string(d.Bytes()) != want {
		t.Errorf("%v", diffLines(want, string(d.Bytes())))
	}
}
