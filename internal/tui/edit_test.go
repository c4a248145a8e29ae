package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/draft"
	"counterpoint/internal/edit"
)

// editFiles writes an annotation and the bundled article into a folder of
// the test's own, opens it for editing and builds the explorer on it at
// 120×36.
func editFiles(t *testing.T, yaml []byte) (Model, *edit.Doc, string) {
	t.Helper()
	dir := t.TempDir()
	article, err := os.ReadFile("../../assets/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "claims.yaml")
	for name, data := range map[string][]byte{"article.txt": article, "claims.yaml": yaml} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := edit.Open(path, "")
	if err != nil {
		t.Fatal(err)
	}
	m := New(doc.Model(), Options{Doc: doc})
	return drive(m, tea.WindowSizeMsg{Width: 120, Height: 36}), doc, path
}

// bundledFile is the bundled annotation, as a file.
func bundledFile(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../assets/claims.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// draftFile is a machine draft of the bundled article, as counterpoint
// draft writes it.
func draftFile(t testing.TB) []byte {
	t.Helper()
	article, err := os.ReadFile("../../assets/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return draft.Extract(string(article)).YAML("article.txt")
}

func status(m Model) string { return ansiStripLast(m) }

// changedLines is what an edit did to a text: the lines it took out and
// those it put in, in order (a longest common subsequence of the lines is
// kept).
func changedLines(before, after string) (removed, added []string) {
	a, b := strings.Split(before, "\n"), strings.Split(after, "\n")
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			added = append(added, b[j])
			j++
		default:
			removed = append(removed, a[i])
			i++
		}
	}
	return removed, added
}

// draftLines are the lines of a drafted claim's provenance in a draft.
func draftLines(t *testing.T, yaml, id string) []string {
	t.Helper()
	start := strings.Index(yaml, "  - id: "+id+"\n")
	if start < 0 {
		t.Fatalf("no claim %s", id)
	}
	rest := yaml[start:]
	d := strings.Index(rest, "    draft:\n")
	var out []string
	for _, l := range strings.Split(rest[d:], "\n") {
		if l != "    draft:" && !strings.HasPrefix(l, "      ") {
			break
		}
		out = append(out, l)
	}
	return out
}

func TestReviewAcceptsFixesAndRejectsOneKeyEach(t *testing.T) {
	m, doc, _ := editFiles(t, draftFile(t))
	orig := string(doc.Bytes())
	m = drivePress(m, "r")
	if c := m.reviewed(); c == nil || c.ID != "spokesman-for-the-norths-foreign-ministr-4" || c.Draft.Confidence != 0.5 {
		t.Fatalf("the review does not start at the least confident claim: %v", c)
	}
	if title := strings.Split(screen(m), "\n")[2]; !strings.HasPrefix(title, "┏ Review 1 of 28 · ¶27 · spokesman for the North's foreign ministry · 0.50 quote-nearby · draft: passage speaker cue") {
		t.Errorf("review title: %q", title)
	}

	// a accepts: the provenance goes, and nothing else.
	m = drivePress(m, "a")
	removed, added := changedLines(orig, string(doc.Bytes()))
	if want := draftLines(t, orig, "spokesman-for-the-norths-foreign-ministr-4"); strings.Join(removed, "\n") != strings.Join(want, "\n") || len(added) != 0 {
		t.Errorf("accept changed -%q +%q, want -%q", removed, added, want)
	}
	if got, want := status(m), " accepted spokesman-for-the-norths-foreign-ministr-4 · 27 to review · 1 edit not saved (s saves)"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	if c := m.reviewed(); c == nil || c.ID != "michael-lynton-4" {
		t.Fatalf("after accepting, the review is at %v", c)
	}

	// n skips, x rejects: the claim goes with the drafter's comment on it.
	m = drivePress(m, "n", "x")
	if m.cm.Claim("barack-obama-4") != nil {
		t.Fatal("x did not reject barack-obama-4")
	}
	if got, want := status(m), " rejected barack-obama-4 · 26 to review · 2 edits not saved (s saves)"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	if strings.Contains(string(doc.Bytes()), "# ¶17 · reported · confidence 0.64") {
		t.Error("the rejected claim's draft comment stayed")
	}

	// e fixes: here the speaker, found by the list's search, and the fix
	// accepts the claim.
	if c := m.reviewed(); c == nil || c.ID != "michael-lynton-8" {
		t.Fatalf("after rejecting, the review is at %v", c)
	}
	m = drivePress(m, "e")
	if m.ed.form == nil {
		t.Fatal("e opened no form")
	}
	// The list's search, then enter: the speaker picked, and on to the
	// mode, the source (a paraphrase's), the text, the summary, the topics,
	// the venue, the time, the intermediary.
	m = drivePress(m, "/", "hackers", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	if m.ed.form != nil {
		t.Fatalf("the form is still open:\n%s", screen(m))
	}
	c := m.cm.Claim("michael-lynton-8")
	if c == nil || c.Speaker.ID != "hackers" || c.Draft != nil {
		t.Fatalf("the fix made %+v", c)
	}
	if got, want := status(m), " fixed and accepted michael-lynton-8 · 25 to review · 3 edits not saved (s saves)"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	if m.view != articleView || !m.ed.review.on {
		t.Error("after a fix the review does not go on")
	}

	// Three undos give the draft back, byte for byte.
	m = drivePress(m, "u", "u", "u")
	if string(doc.Bytes()) != orig || doc.Unsaved() != 0 {
		t.Errorf("three undos did not give the draft back (%d unsaved)", doc.Unsaved())
	}
	m = drivePress(m, "U")
	if got, want := status(m), " redone: accept claim spokesman-for-the-norths-foreign-ministr-4 · 1 edit not saved (s saves)"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

// selected is the selection's text.
func selected(m Model) string { return m.cm.Article.Text[m.ed.sel.start:m.ed.sel.end] }

func TestSelectionMovesByWordAndSentence(t *testing.T) {
	m, doc, _ := editFiles(t, bundledFile(t))
	m = selectClaim(t, m, "lynton-reached-out")
	m = drivePress(m, "c", "v")
	c := m.cm.Claim("lynton-reached-out")
	if m.ed.sel.start != c.Span.Start {
		t.Fatalf("v selects from %d, the passage starts at %d", m.ed.sel.start, c.Span.Start)
	}
	steps := []struct{ key, want string }{
		{"", "I did reach out to senior folks at the White House."},
		{"right", "I did reach out to senior folks at the White House. The"},
		{"left", "I did reach out to senior folks at the White House."},
		{"shift+right", "did reach out to senior folks at the White House."},
		{"down", "did reach out to senior folks at the White House. The White House was certainly aware of the situation.\""},
		{"up", "did reach out to senior folks at the White House."},
		{")", "The White House was certainly aware of the situation.\""},
		{")", "Breaking his long public silence over the cyber attack, which came to light on Nov 24, Mr Lynton told CNN: \"I don’t know exactly whether he (Mr Obama) understands the sequence of events."},
		{"(", "The White House was certainly aware of the situation.\""},
		{"shift+left", ". The White House was certainly aware of the situation.\""},
		{"shift+right", "The White House was certainly aware of the situation.\""},
	}
	for _, s := range steps {
		if s.key != "" {
			m = drive(m, keyMsg(s.key))
		}
		if got := selected(m); got != s.want {
			t.Fatalf("after %q the selection is %q, want %q", s.key, got, s.want)
		}
	}
	if !strings.Contains(strings.Split(screen(m), "\n")[2], "selecting 9 words in ¶7") {
		t.Errorf("title: %s", strings.Split(screen(m), "\n")[2])
	}

	// enter makes it a claim: a quote, anchored where the selection is.
	sel := m.ed.sel
	m = drivePress(m, "enter")
	if m.ed.form == nil {
		t.Fatal("enter opened no form")
	}
	m = drivePress(m, "enter", "enter", "enter", "enter", "space", "enter", "enter", "enter", "enter")
	if m.ed.form != nil {
		t.Fatalf("the form is still open:\n%s", screen(m))
	}
	made := m.Selected()
	if made == nil || made.Mode != claims.ModeQuote || made.Span != (claims.Span{Start: sel.start, End: sel.end}) || made.Speaker.ID != "lynton" {
		t.Fatalf("the claim made: %+v", made)
	}
	if got, want := status(m), " claim "+made.ID+" made · 1 edit not saved (s saves)"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	if doc.Unsaved() != 1 {
		t.Errorf("%d unsaved", doc.Unsaved())
	}
}

func TestDraggingSelectsWholeWords(t *testing.T) {
	m, _, _ := editFiles(t, bundledFile(t))
	m = selectClaim(t, m, "lynton-reached-out")
	m = drivePress(m, "c")
	lines := strings.Split(screen(m), "\n")
	row, col := -1, -1
	for y, l := range lines {
		if i := strings.Index(l, "Sony boss"); i >= 0 {
			row, col = y, len([]rune(l[:i]))
			break
		}
	}
	if row < 0 {
		t.Fatalf("¶13 is not on the screen:\n%s", screen(m))
	}
	// From inside "Sony" to inside "words": whole words both ends.
	m = drive(m, tea.MouseClickMsg{Button: tea.MouseLeft, X: col + 1, Y: row})
	m = drive(m, tea.MouseMotionMsg{Button: tea.MouseLeft, X: col + 20, Y: row})
	m = drive(m, tea.MouseReleaseMsg{Button: tea.MouseLeft, X: col + 20, Y: row})
	if !m.ed.sel.on || selected(m) != "Sony boss’s war of words" && selected(m) != "Sony boss's war of words" {
		t.Fatalf("the drag selected %q", selected(m))
	}
	// A click without a drag is a click: it selects nothing.
	m = drivePress(m, "esc")
	m = drive(m, tea.MouseClickMsg{Button: tea.MouseLeft, X: col + 1, Y: row})
	m = drive(m, tea.MouseReleaseMsg{Button: tea.MouseLeft, X: col + 1, Y: row})
	if m.ed.sel.on {
		t.Errorf("a click selected %q", selected(m))
	}
}

func TestRefusedEditSaysWhyAndChangesNothing(t *testing.T) {
	m, doc, _ := editFiles(t, bundledFile(t))
	orig := string(doc.Bytes())
	m = selectClaim(t, m, "lynton-reached-out")
	m = drivePress(m, "e", "enter", "enter", "ctrl+u")
	m = drive(m, tea.PasteMsg{Content: "words that are not in the article"})
	m = drivePress(m, "enter", "enter", "enter", "enter", "enter", "enter")
	if m.ed.form == nil {
		t.Fatal("a refused edit closed the form")
	}
	if s := screen(m); !strings.Contains(s, `Refused: quote of claim "lynton-reached-out" is not in the article`) {
		t.Errorf("the form does not say why:\n%s", s)
	}
	if string(doc.Bytes()) != orig || doc.Unsaved() != 0 {
		t.Error("a refused edit changed the annotation")
	}
	m = drivePress(m, "esc")
	if got, want := status(m), " Claim lynton-reached-out: cancelled, nothing changed"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

func TestDeleteSaysWhatGoesWithIt(t *testing.T) {
	m, doc, _ := editFiles(t, bundledFile(t))
	m = selectClaim(t, m, "lynton-reached-out")
	n := 0
	for _, r := range m.cm.Relations {
		if r.From.ID == "lynton-reached-out" || r.To.ID == "lynton-reached-out" {
			n++
		}
	}
	m = drivePress(m, "d")
	want := fmt.Sprintf(" delete claim lynton-reached-out and its %d relations? y delete • esc keep it", n)
	if got := status(m); got != want {
		t.Errorf("question %q, want %q", got, want)
	}
	m = drivePress(m, "esc")
	if m.cm.Claim("lynton-reached-out") == nil || doc.Unsaved() != 0 {
		t.Fatal("esc deleted the claim")
	}
	m = drivePress(m, "d", "y")
	if m.cm.Claim("lynton-reached-out") != nil {
		t.Fatal("y did not delete the claim")
	}
	for _, r := range m.cm.Relations {
		if r.From.ID == "lynton-reached-out" || r.To.ID == "lynton-reached-out" {
			t.Errorf("a relation of the deleted claim stayed: %s → %s", r.From.ID, r.To.ID)
		}
	}
	if got, want := status(m), fmt.Sprintf(" deleted claim lynton-reached-out and its %d relations · 1 edit not saved (s saves)", n); got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

func TestQuittingWithUnsavedEditsAsks(t *testing.T) {
	m, _, _ := editFiles(t, bundledFile(t))
	m = selectClaim(t, m, "lynton-reached-out")
	m = drivePress(m, "d", "y", "q")
	if got, want := status(m), " 1 edit not saved (the journal keeps it): s save and quit • q quit • esc stay"; got != want {
		t.Errorf("question %q, want %q", got, want)
	}
	m = drivePress(m, "esc")
	if m.quitting {
		t.Fatal("esc quit")
	}
	m = drivePress(m, "q", "q")
	if !m.quitting {
		t.Fatal("q q did not quit")
	}
}

func TestJournalIsOfferedBackAtStart(t *testing.T) {
	m, doc, path := editFiles(t, bundledFile(t))
	m = selectClaim(t, m, "lynton-reached-out")
	m = drivePress(m, "d", "y")
	edited := string(doc.Bytes())
	_ = m

	// As if the explorer had been killed: open the file again.
	rec, err := edit.FindJournal(path)
	if err != nil || rec == nil || rec.Edits != 1 || !rec.Matches {
		t.Fatalf("journal: %+v, %v", rec, err)
	}
	doc2, err := edit.Open(path, "")
	if err != nil {
		t.Fatal(err)
	}
	m2 := drive(New(doc2.Model(), Options{Doc: doc2, Recovery: rec}), tea.WindowSizeMsg{Width: 120, Height: 36})
	if got := status(m2); !strings.HasPrefix(got, " 1 edit not saved, from ") || !strings.HasSuffix(got, ", kept in a journal: r restore • d discard") {
		t.Errorf("question %q", got)
	}
	m2 = drivePress(m2, "r")
	if string(doc2.Bytes()) != edited || doc2.Unsaved() != 1 || m2.cm.Claim("lynton-reached-out") != nil {
		t.Fatal("r did not restore the edit")
	}
	if got, want := status(m2), " restored 1 edit · 1 edit not saved (s saves)"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	// Saving writes it and ends the journal.
	m2 = drivePress(m2, "s")
	if b, _ := os.ReadFile(path); string(b) != edited {
		t.Error("s did not write the restored edit")
	}
	if rec, _ := edit.FindJournal(path); rec != nil {
		t.Errorf("a journal is left after saving: %+v", rec)
	}
}

func TestSavingOverAFileChangedOnDiskAsks(t *testing.T) {
	m, doc, path := editFiles(t, bundledFile(t))
	m = selectClaim(t, m, "lynton-reached-out")
	m = drivePress(m, "d", "y")
	theirs := string(bundledFile(t)) + "# a line added by someone else\n"
	if err := os.WriteFile(path, []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	m = drivePress(m, "s")
	if got, want := status(m), " claims.yaml changed on disk since it was opened: o overwrite it • esc keep editing"; got != want {
		t.Errorf("question %q, want %q", got, want)
	}
	m = drivePress(m, "esc")
	if b, _ := os.ReadFile(path); string(b) != theirs {
		t.Fatal("the file changed on disk was overwritten")
	}
	if doc.Unsaved() != 1 {
		t.Errorf("%d unsaved after refusing to overwrite", doc.Unsaved())
	}
	m = drivePress(m, "s", "o")
	if b, _ := os.ReadFile(path); string(b) != string(doc.Bytes()) {
		t.Error("o did not overwrite")
	}
	if got, want := status(m), " saved "+path; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

func TestTheBundledAnnotationSaysWhyItCannotBeEdited(t *testing.T) {
	m := press(open(t, 120, 36), "e")
	if got, want := status(m), " can't edit: not a file this may write (counterpoint edit FILE opens one)"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	if m.editing() {
		t.Error("editing is on")
	}
	for _, k := range []string{"u undo", "s save", "a link", "d delete"} {
		if strings.Contains(screen(m), k) {
			t.Errorf("the key line offers %q without editing", k)
		}
	}
}

func TestLinkingAnAnswerBySearch(t *testing.T) {
	m, doc, _ := editFiles(t, bundledFile(t))
	m = selectClaim(t, m, "lynton-no-distributor")
	before := len(m.cm.Relations)
	m = drivePress(m, "a")
	if m.ed.form == nil {
		t.Fatal("a opened no form")
	}
	// The claim answered, found by search; rebuts; inferred; a note.
	m = drivePress(m, "/", "mistake", "enter", "up", "enter", "enter")
	m = drive(m, tea.PasteMsg{Content: "he answers the charge"})
	m = drivePress(m, "enter")
	if m.ed.form != nil {
		t.Fatalf("the form is still open:\n%s", screen(m))
	}
	if len(m.cm.Relations) != before+1 {
		t.Fatalf("%d relations, want %d", len(m.cm.Relations), before+1)
	}
	removed, added := changedLines(string(bundledFile(t)), string(doc.Bytes()))
	want := []string{"  - from: lynton-no-distributor", "    to: obama-mistake", "    kind: rebuts", "    explicit: false", "    note: he answers the charge"}
	if len(removed) != 0 || strings.Join(added, "\n") != strings.Join(want, "\n") {
		t.Errorf("the link wrote -%q +%q, want +%q", removed, added, want)
	}
}

// A draft made in memory (counterpoint ARTICLE) is edited as a file is and
// saved to a folder the first time: the folder proposed is the article's
// name.
func TestADraftMadeInMemoryIsSavedToAFolder(t *testing.T) {
	article, err := os.ReadFile("../../assets/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "story")
	yaml := draftFile(t)
	read := func(string) (string, []byte, error) { return "article.txt", article, nil }
	cm, err := claims.Load("claims.yaml", yaml, read)
	if err != nil {
		t.Fatal(err)
	}
	m := New(cm, Options{SaveDir: dir, OpenDoc: func() (*edit.Doc, error) { return edit.New("claims.yaml", yaml, read) }})
	m = drive(m, tea.WindowSizeMsg{Width: 120, Height: 36})
	m = drivePress(m, "e")
	if got, want := status(m), " editing the draft: every change is kept in a journal until s saves it"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	m = drivePress(m, "r", "a", "s")
	if m.ed.form == nil || !strings.Contains(screen(m), "Save the draft in the folder") || !strings.Contains(screen(m), dir) {
		t.Fatalf("s on a draft in memory does not ask for a folder:\n%s", screen(m))
	}
	m = drivePress(m, "enter")
	if got, want := status(m), " saved "+filepath.Join(dir, "claims.yaml"); got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	saved, err := os.ReadFile(filepath.Join(dir, "claims.yaml"))
	if err != nil || string(saved) != string(m.ed.doc.Bytes()) {
		t.Fatalf("the saved file is not the annotation: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "article.txt")); err != nil || string(b) != string(article) {
		t.Errorf("the article is not saved beside it, byte for byte: %v", err)
	}
	if _, err := claims.LoadFile(filepath.Join(dir, "claims.yaml")); err != nil {
		t.Errorf("the saved draft does not load: %v", err)
	}
	if !strings.Contains(screen(m), "editing claims.yaml · machine draft (27 of 28 unchecked)") {
		t.Errorf("header after saving:\n%s", strings.Split(screen(m), "\n")[1])
	}
}

// e on a file with a journal of unsaved edits offers them back before any
// new edit could start the journal afresh.
func TestStartingToEditOffersTheJournalBack(t *testing.T) {
	_, doc, path := editFiles(t, bundledFile(t))
	if err := doc.DeleteClaim("lynton-reached-out"); err != nil {
		t.Fatal(err)
	}
	cm, err := claims.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := New(cm, Options{OpenDoc: func() (*edit.Doc, error) { return edit.Open(path, "") }})
	m = drivePress(drive(m, tea.WindowSizeMsg{Width: 120, Height: 36}), "e")
	if got := status(m); !strings.HasPrefix(got, " 1 edit not saved, from ") {
		t.Fatalf("e does not offer the journal back: %q", got)
	}
	m = drivePress(m, "r")
	if m.cm.Claim("lynton-reached-out") != nil || m.ed.doc.Unsaved() != 1 {
		t.Error("r did not restore the edit")
	}
}

// A claim's words reach the form inert, and a field left alone is written
// back byte for byte: submitting the form untouched changes nothing.
func TestTheClaimFormShowsAnnotationTextInertAndKeepsWhatIsLeftAlone(t *testing.T) {
	hostile := strings.Replace(string(bundledFile(t)),
		"summary: Lynton says he did reach out to senior White House officials, and the White House was aware of the situation.",
		`summary: "Lynton\x1b[2J says \u202Ehe did\t reach out "`, 1)
	m, doc, _ := editFiles(t, []byte(hostile))
	orig := string(doc.Bytes())
	m = selectClaim(t, m, "lynton-reached-out")
	m = drivePress(m, "e")
	if m.ed.form == nil {
		t.Fatal("e opened no form")
	}
	frame := m.render()
	for _, raw := range []string{"\x1b[2J", "\u202e", "\t"} {
		if strings.Contains(frame, raw) {
			t.Errorf("the form sends %q to the terminal", raw)
		}
	}
	m = drivePress(m, "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	if m.ed.form != nil {
		t.Fatalf("the form is still open:\n%s", screen(m))
	}
	if string(doc.Bytes()) != orig || doc.Unsaved() != 0 {
		t.Errorf("an untouched form changed the annotation: %v", doc.Unsaved())
	}
	if got, want := status(m), " claim lynton-reached-out: nothing changed · nothing to save"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

// A quote's words changed to another stretch of the article are anchored
// where that stretch is, nearest the old passage; a paraphrase's source
// likewise.
func TestChangingAPassageAnchorsItWhereItIs(t *testing.T) {
	m, _, _ := editFiles(t, bundledFile(t))
	m = selectClaim(t, m, "lynton-reached-out")
	old := m.Selected().Span
	m = drivePress(m, "e", "enter", "enter", "ctrl+u")
	m = drive(m, tea.PasteMsg{Content: "The White House was certainly aware of the situation."})
	m = drivePress(m, "enter", "enter", "enter", "enter", "enter", "enter")
	if m.ed.form != nil {
		t.Fatalf("the form is still open:\n%s", screen(m))
	}
	c := m.cm.Claim("lynton-reached-out")
	want := strings.Index(m.cm.Article.Text[old.Start:], "The White House was certainly") + old.Start
	if c.Text != "The White House was certainly aware of the situation." || c.Span.Start != want {
		t.Errorf("the quote changed to %q at %d, want at %d", c.Text, c.Span.Start, want)
	}
}

func TestChangingAndDeletingALink(t *testing.T) {
	m, _, _ := editFiles(t, bundledFile(t))
	m = selectClaim(t, m, "lynton-reached-out")
	rels := m.relationsOf(m.Selected())
	if len(rels) < 2 {
		t.Fatalf("lynton-reached-out has %d links", len(rels))
	}
	first := rels[0]
	from, to := first.From.ID, first.To.ID
	next := claims.RelationKinds[(slices.Index(claims.RelationKinds, first.Kind)+1)%len(claims.RelationKinds)]
	// L: the first link, the next kind, explicit and note as they were.
	m = drivePress(m, "L", "enter", "down", "enter", "enter", "enter")
	if m.ed.form != nil {
		t.Fatalf("the form is still open:\n%s", screen(m))
	}
	var changed *claims.Relation
	for _, r := range m.cm.Relations {
		if r.From.ID == from && r.To.ID == to {
			changed = r
		}
	}
	if changed == nil || changed.Kind != next || changed.Explicit != first.Explicit || changed.Note != first.Note {
		t.Fatalf("the link became %+v, want kind %s", changed, next)
	}
	// D: the first link again, asked, then gone.
	m = drivePress(m, "D", "enter")
	want := fmt.Sprintf(" delete the link %s → %s (%s)? y delete • esc keep it", from, to, next)
	if got := status(m); got != want {
		t.Errorf("question %q, want %q", got, want)
	}
	m = drivePress(m, "y")
	for _, r := range m.cm.Relations {
		if r.From.ID == from && r.To.ID == to {
			t.Fatal("the link is still there")
		}
	}
	if got, want := status(m), fmt.Sprintf(" deleted the link %s → %s (%s) · 2 edits not saved (s saves)", from, to, next); got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

func TestKeysWithNothingToDoSaySo(t *testing.T) {
	m, _, _ := editFiles(t, bundledFile(t))
	for key, want := range map[string]string{"s": " nothing to save: every edit is saved", "u": " nothing to undo", "U": " nothing to redo"} {
		if got := status(drivePress(m, key)); got != want {
			t.Errorf("%s: status %q, want %q", key, got, want)
		}
	}
}

// esc ends a list's search first, and only then cancels the form.
func TestEscEndsAListsSearchBeforeTheForm(t *testing.T) {
	m, doc, _ := editFiles(t, bundledFile(t))
	m = selectClaim(t, m, "lynton-reached-out")
	for _, open := range []string{"a", "L"} { // a list of strings, of ints
		m = drivePress(m, open, "/", "obama", "esc")
		if m.ed.form == nil {
			t.Fatalf("%s: esc in a list's search cancelled the form", open)
		}
		m = drivePress(m, "esc")
		if m.ed.form != nil {
			t.Fatalf("%s: the second esc did not cancel the form", open)
		}
	}
	if doc.Unsaved() != 0 {
		t.Error("cancelled forms changed the annotation")
	}
}
