package edit

import (
	"counterpoint/internal/synth"
	"os"
	"path/filepath"
	"testing"
)

func TestAJournalBringsBackTheEdits(t *testing.T) {
	d := bundled(t)
	if r, err := FindJournal(d.Path()); r != nil || err != nil {
		t.Fatalf("a journal before any edit: %v %v", r, err)
	}
	anEdit(t, d)
	anEdit(t, d)
	must(t, d.DeleteClaim("lewis-covert-options"))
	_, err := d.Undo()
	must(t, err)
	if want := filepath.Join(filepath.Dir(d.Path()), ".claims.yaml.counterpoint-journal"); d.JournalPath() != want {
		t.Errorf("JournalPath = %q, want %q", d.JournalPath(), want)
	}
	e, err := Open(d.Path(), "") // as after a crash
	must(t, err)
	r, err := FindJournal(d.Path())
	if err != nil || r == nil || r.Edits != 2 || !r.Matches || r.When.IsZero() {
		t.Fatalf("FindJournal = %+v, %v", r, err)
	}
	must(t, e.Recover(r))
	if string(e.Bytes()) != string(d.Bytes()) || e.Unsaved() != 2 {
		t.Fatalf("recovered %d edits, text differs: %v", e.Unsaved(), diffLines(string(d.Bytes()), string(e.Bytes())))
	}
	for e.CanUndo() {
		_, err := e.Undo()
		must(t, err)
	}
	if string(e.Bytes()) != string(e.disk) {
		t.Error("undoing the recovered edits does not give back the file")
	}
	// the journal went on through those undos
	if r, _ := FindJournal(d.Path()); r == nil || r.Edits != 0 {
		t.Errorf("after undoing all: %+v", r)
	}
	must(t, e.Save())
	if r, _ := FindJournal(d.Path()); r != nil {
		t.Error("a save leaves the journal")
	}
}

func TestATornLastLineIsIgnored(t *testing.T) {
	d := bundled(t)
	anEdit(t, d)
	anEdit(t, d)
	j, _ := os.ReadFile(d.JournalPath())
	must(t, os.WriteFile(d.JournalPath(), j[:len(j)-20], 0o600)) // the second edit cut short
	r, err := FindJournal(d.Path())
	if err != nil || r.Edits != 1 {
		t.Fatalf("FindJournal = %+v, %v", r, err)
	}
	e, _ := Open(d.Path(), "")
	must(t, e.Recover(r))
	if e.Unsaved() != 1 {
		t.Error("not one edit")
	}
}

func TestAJournalOfAnotherFileDoesNotMatch(t *testing.T) {
	d := bundled(t)
	anEdit(t, d)
	must(t, os.WriteFile(d.Path(), append(d.Bytes(), "# changed\n"...), 0o644))
	r, err := FindJournal(d.Path())
	if err != nil || r == nil || r.Matches {
		t.Fatalf("FindJournal = %+v, %v", r, err)
	}
	e, _ := Open(d.Path(), "")
	if err := e.Recover(r); err == nil {
		t.Error("recovered onto another file")
	}
	must(t, DiscardJournal(r))
	if r, _ := FindJournal(d.Path()); r != nil {
		t.Error("not discarded")
	}
}

// Every line is written and synced before the edit returns: what a kill
// -9 right after it finds on disk.
func TestEveryJournalLineIsSyncedBeforeTheEditReturns(t *testing.T) {
	d := bundled(t)
	var events []string
	d.files = failing{events: &events}
	for n := 1; n <= 3; n++ {
		anEdit(t, d)
		if last := events[len(events)-1]; last != "sync" {
			t.Fatalf("edit %d returned after %q", n, last)
		}
		if r, err := FindJournal(d.Path()); err != nil || r.Edits != n {
			t.Fatalf("edit %d: the journal on disk holds %+v, %v", n, r, err)
		}
	}
}

// A folder that takes no journal sends it to the user's cache; with no
// cache either, edits go on unjournaled.
func TestTheJournalFallsBackToTheCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	d := bundled(t)
	d.files = besideFails{}
	anEdit(t, d)
	if dir := filepath.Join(cache, "counterpoint", "journals"); filepath.Dir(d.JournalPath()) != dir {
		t.Fatalf("JournalPath = %q, want one in %s", d.JournalPath(), dir)
	}
	if r, err := FindJournal(d.Path()); err != nil || r == nil || r.Edits != 1 || r.Path != d.JournalPath() {
		t.Fatalf("FindJournal = %+v, %v", r, err)
	}

	e := bundled(t)
	e.files = failing{openJournal: os.ErrPermission}
	anEdit(t, e)
	if e.JournalPath() != "" || e.Unsaved() != 1 {
		t.Errorf("JournalPath = %q", e.JournalPath())
	}
}

type besideFails struct{ osFiles }

func (besideFails) OpenJournal(name string, trunc bool) (file, error) {
	if filepath.Ext(name) == ".counterpoint-journal" {
		return nil, os.ErrPermission
	}
	return osFiles{}.OpenJournal(name, trunc)
}

// The synthetic annotations write topics and relations as flow mappings,
// one a line: a new relation is written so too, and such items are found
// and deleted whole.
func TestFlowStyleItems(t *testing.T) {
	a := synth.Generate(40, 3)
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, "claims.yaml"), a.YAML, 0o644))
	must(t, os.WriteFile(filepath.Join(dir, synth.ArticleFile), a.Article, 0o644))
	d, err := Open(filepath.Join(dir, "claims.yaml"), "")
	must(t, err)
	orig := string(d.Bytes())
	c1, c2 := d.Model().Claims[0].ID, d.Model().Claims[len(d.Model().Claims)-1].ID
	must(t, d.AddRelation(RelationFields{From: c2, To: c1, Kind: "responds", Note: "Late, and long after."}))
	want := orig + "  - {from: " + c2 + ", to: " + c1 + ", kind: responds, explicit: false, note: \"Late, and long after.\"}\n"
	if string(d.Bytes()) != want {
		t.Errorf("got %v", diffLines(want, string(d.Bytes())))
	}
	n := d.RelationsOf(c1)
	must(t, d.DeleteClaim(c1))
	if got := len(diffLines(orig, string(d.Bytes()))); n < 2 || got < n {
		t.Errorf("%d relations of %s, %d lines changed", n, c1, got)
	}
	for d.CanUndo() {
		_, err := d.Undo()
		must(t, err)
	}
	if string(d.Bytes()) != orig {
		t.Error("undo")
	}
}
