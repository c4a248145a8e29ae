package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// These tests edit a draft in the explorer as an annotator does, in tmux:
// the walk-through of the README, a kill -9 between an edit and a save, and
// a file changed on disk under the editor.

// draftInto drafts the bundled article into dir/story with the binary, and
// returns the annotation's path and its text.
func draftInto(t *testing.T, bin, dir string) (string, string) {
	t.Helper()
	out := filepath.Join(dir, "story")
	cmd := exec.Command(bin, "draft", filepath.Join(packageDir, "..", "..", "assets", "article.txt"), "-o", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("draft: %v\n%s", err, b)
	}
	path := filepath.Join(out, "claims.yaml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, string(b)
}

// editIn starts a shell in tmux at 120×40 and runs counterpoint edit in it.
func editIn(t *testing.T, bin, path string) *session {
	t.Helper()
	s := startTmux(t, 120, 40, nil, "sh")
	s.waitForPrompt()
	s.run(bin, path)
	return s
}

// run types counterpoint edit FILE at the shell's prompt.
func (s *session) run(bin, path string) {
	s.tmux("send-keys", "-t", "main", "-l", bin+" edit "+path+"; echo exit status $?")
	s.keys("Enter")
	s.waitFor("editing claims.yaml")
}

// step presses a key and waits for what it shows.
func (s *session) step(key, shows string) {
	s.t.Helper()
	s.keys(key)
	s.waitFor(shows)
}

// typed types text as it is, each character a key.
func (s *session) typed(text string) {
	s.tmux("send-keys", "-t", "main", "-l", text)
}

// gitDiff is the file's diff against its last commit, lines added and
// removed, without the headers.
func gitDiff(t *testing.T, dir, file string) (removed, added []string) {
	t.Helper()
	cmd := exec.Command("git", "diff", "--no-color", "--unified=0", "--", file)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git diff: %v", err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(l, "---"), strings.HasPrefix(l, "+++"):
		case strings.HasPrefix(l, "-"):
			removed = append(removed, l[1:])
		case strings.HasPrefix(l, "+"):
			added = append(added, l[1:])
		}
	}
	return removed, added
}

// claimBlock is the lines of a claim in a draft, from the drafter's
// comment above it to its last line.
func claimBlock(t *testing.T, yaml, id string) []string {
	t.Helper()
	lines := strings.Split(yaml, "\n")
	for i, l := range lines {
		if l != "  - id: "+id {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.HasPrefix(lines[j], "    ") {
			j++
		}
		return lines[i-1 : j] // the comment line is the drafter's, above
	}
	t.Fatalf("no claim %s in the draft", id)
	return nil
}

// provenance is the draft: lines of a claim block.
func provenance(block []string) []string {
	for i, l := range block {
		if l == "    draft:" {
			return block[i:]
		}
	}
	return nil
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.org"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestEditWalkthroughInTmux is the README's walk-through: draft an
// article, review three drafted claims (accept one, reject one, fix a
// speaker), select a passage and make a claim of it, link it as a denial
// of another, undo and redo, save. The file then validates, and its diff
// holds those edits and nothing else, with every comment a person could
// have written kept.
func TestEditWalkthroughInTmux(t *testing.T) {
	bin := buildBinary(t)
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the walk-through reads the file's git diff (.ci/run installs git)")
	}
	dir := t.TempDir()
	path, orig := draftInto(t, bin, dir)
	story := filepath.Dir(path)
	git(t, story, "init", "-q")
	git(t, story, "add", ".")
	git(t, story, "commit", "-q", "-m", "draft")

	s := editIn(t, bin, path)
	s.waitFor("machine draft (28 of 28 unchecked)")

	// The review, least confident first.
	s.keys("r")
	s.waitFor("Review 1 of 28 · ¶27 · spokesman for the North's foreign ministry · 0.50 quote-nearby")
	s.keys("a")
	s.waitFor("accepted spokesman-for-the-norths-foreign-ministr-4 · 27 to review · 1 edit not saved")
	s.keys("n")
	s.waitFor("Review 2 of 27 · ¶17 · Barack Obama")
	s.keys("x")
	s.waitFor("rejected barack-obama-4 · 26 to review · 2 edits not saved")
	s.waitFor("Review 2 of 26 · ¶19 · Michael Lynton")
	s.keys("e")
	s.waitFor("Claim michael-lynton-8", "Speaker")
	s.keys("/")
	s.typed("hackers")
	s.waitFor("/hackers")
	// Each key that moves to another field waits for that field's focus:
	// keys sent before the form has moved would go to the field before.
	for _, field := range []string{"Mode", "Source", "Text", "Summary", "Topics", "Venue", "When", "Relayed by"} {
		s.step("Enter", "┃ ┃ "+field)
	}
	s.keys("Enter")
	s.waitFor("fixed and accepted michael-lynton-8 · 25 to review · 3 edits not saved")
	s.keys("Escape")
	s.waitFor("Statement")

	// A passage the draft missed: ¶4, Sony hitting back at the president.
	s.keys("c")
	s.waitFor("Article ·")
	s.keys("v")
	s.waitFor("selecting")
	for range 30 {
		s.keys("{")
	}
	s.waitFor("in ¶1 ")
	s.keys("}", "}", "}")
	s.waitFor("selecting 24 words in ¶4")
	s.keys("Enter")
	s.waitFor("New claim", "The passage: The move came as Sony hit back")
	s.keys("/") // a new speaker, found in the list
	s.typed("new speaker")
	s.waitFor("/new speaker")
	s.step("Enter", "┃ ┃ Mode")
	s.step("Down", "> paraphrase")
	s.step("Enter", "┃ ┃ New speaker's name")
	s.typed("Sony Pictures")
	s.step("Enter", "┃ ┃ Role")
	s.typed("The film studio")
	s.step("Enter", "┃ ┃ Kind")
	s.step("Down", "> official")
	s.step("Down", "> organization")
	s.step("Enter", "┃ ┃ Source") // the selection
	s.step("Enter", "┃ ┃ Text")
	s.keys("C-u")
	s.typed("Sony rejected the president's criticism of it for pulling The Interview")
	s.step("Enter", "┃ ┃ Summary")
	s.step("Enter", "┃ ┃ Topics")
	s.step("Space", "[•] film")
	s.step("Enter", "┃ ┃ Venue")
	s.step("Enter", "┃ ┃ When")
	s.step("Enter", "┃ ┃ Relayed by")
	s.keys("Enter")
	s.waitFor("claim sony-rejected-the-presidents-criticism made · 4 edits not saved")

	// It denies Obama's "mistake".
	s.keys("a")
	s.waitFor("Answer: sony-rejected-the-presidents-criticism answers")
	s.keys("/")
	s.typed("mistake")
	s.waitFor("/mistake")
	s.step("Enter", "┃ ┃ Kind") // denies, as it is
	s.step("Enter", "┃ ┃ Does the article show it?")
	s.keys("Left") // explicit
	s.step("Enter", "┃ ┃ Note")
	s.typed("The article says Sony hit back at the president")
	s.keys("Enter")
	s.waitFor("sony-rejected-the-presidents-criticism denies barack-obama-1 · 5 edits not saved")

	s.keys("u")
	s.waitFor("undone: link sony-rejected-the-presidents-criticism to barack-obama-1 (denies) · 4 edits not saved")
	s.keys("U")
	s.waitFor("redone: link sony-rejected-the-presidents-criticism to barack-obama-1 (denies) · 5 edits not saved")
	s.keys("s")
	s.waitFor("saved " + path)
	s.keys("q")
	s.waitFor("exit status 0")

	if out, err := exec.Command(bin, "validate", path).CombinedOutput(); err != nil || !strings.Contains(string(out), "sound — 28 claims by 12 speakers, 8 topics, 3 relations") {
		t.Fatalf("validate: %v\n%s", err, out)
	}

	// The diff: exactly those edits.
	removed, added := gitDiff(t, story, "claims.yaml")
	accepted := provenance(claimBlock(t, orig, "spokesman-for-the-norths-foreign-ministr-4"))
	rejected := claimBlock(t, orig, "barack-obama-4")
	fixed := claimBlock(t, orig, "michael-lynton-8")
	wantRemoved := append(append(append(append([]string{}, accepted...), rejected...), "    speaker: michael-lynton"), provenance(fixed)...)
	wantAdded := []string{
		"  - id: sony-pictures", "    name: Sony Pictures", "    role: The film studio", "    kind: organization",
		"  - id: sony-rejected-the-presidents-criticism", "    speaker: sony-pictures", "    mode: paraphrase",
		"    text: Sony rejected the president's criticism of it for pulling The Interview",
		"    source: The move came as Sony hit back at President Barack Obama over his criticisms of the movie giant for pulling its film The Interview.",
		"    topics: [film]",
		"    speaker: hackers",
		"  - from: sony-rejected-the-presidents-criticism", "    to: barack-obama-1", "    kind: denies", "    explicit: true",
		"    note: The article says Sony hit back at the president",
	}
	if !sameLines(removed, wantRemoved) || !sameLines(added, wantAdded) {
		t.Errorf("the diff removed\n%s\nand added\n%s\nwant removed\n%s\nand added\n%s",
			strings.Join(removed, "\n"), strings.Join(added, "\n"), strings.Join(wantRemoved, "\n"), strings.Join(wantAdded, "\n"))
	}
	// Every comment is kept but the drafter's on the claim rejected.
	final, _ := os.ReadFile(path)
	for _, l := range strings.Split(orig, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#") && l != rejected[0] && !strings.Contains(string(final), l+"\n") {
			t.Errorf("a comment was lost: %q", l)
		}
	}
	if _, err := os.Stat(filepath.Join(story, ".claims.yaml.counterpoint-journal")); err == nil {
		t.Error("the journal is left after saving")
	}
}

// sameLines says whether two lists hold the same lines, in any order: git
// may show a changed line's removal and its replacement in either order
// around the lines removed near it.
func sameLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[string]int{}
	for _, l := range a {
		count[l]++
	}
	for _, l := range b {
		count[l]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

// TestEditSurvivesKillInTmux kills the explorer with SIGKILL between an
// edit and a save: the next start offers the edit back, and it is saved.
func TestEditSurvivesKillInTmux(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	path, orig := draftInto(t, bin, dir)
	s := editIn(t, bin, path)
	s.keys("r")
	s.waitFor("Review 1 of 28")
	s.keys("a")
	s.waitFor("1 edit not saved")
	if err := exec.Command("kill", "-KILL", s.explorerPID()).Run(); err != nil {
		t.Fatal(err)
	}
	s.waitFor("exit status 137")
	if b, _ := os.ReadFile(path); string(b) != orig {
		t.Fatal("the file changed without a save")
	}
	// A killed program leaves its terminal as it was (raw, the alternate
	// screen): a new one, as a person would open.
	s.tmux("respawn-pane", "-k", "-t", "main", "sh")
	s.waitForPrompt()
	s.run(bin, path)
	s.waitFor("1 edit not saved, from", "kept in a journal: r restore • d discard")
	s.keys("r")
	s.waitFor("restored 1 edit · 1 edit not saved", "machine draft (27 of 28 unchecked)")
	s.keys("s")
	s.waitFor("saved " + path)
	s.keys("q")
	s.waitFor("exit status 0")
	final, _ := os.ReadFile(path)
	want := strings.Replace(orig, strings.Join(provenance(claimBlock(t, orig, "spokesman-for-the-norths-foreign-ministr-4")), "\n")+"\n", "", 1)
	if string(final) != want {
		t.Errorf("after the restored edit is saved the file is not the draft less one provenance:\n%s", final)
	}
}

// TestEditRefusesToOverwriteAChangedFileInTmux changes the file on disk
// under the editor: saving asks, and esc leaves the other's change there.
func TestEditRefusesToOverwriteAChangedFileInTmux(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	path, orig := draftInto(t, bin, dir)
	s := editIn(t, bin, path)
	s.keys("r")
	s.waitFor("Review 1 of 28")
	s.keys("a")
	s.waitFor("1 edit not saved")
	theirs := orig + "# added by someone else\n"
	if err := os.WriteFile(path, []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	s.keys("s")
	s.waitFor("claims.yaml changed on disk since it was opened: o overwrite it • esc keep editing")
	s.keys("Escape")
	s.waitFor("a accept • e fix")
	if b, _ := os.ReadFile(path); string(b) != theirs {
		t.Fatal("saving overwrote a file changed on disk")
	}
	s.keys("q")
	s.waitFor("1 edit not saved (the journal keeps it): s save and quit • q quit • esc stay")
	s.keys("q")
	s.waitFor("exit status 0")
	if b, _ := os.ReadFile(path); string(b) != theirs {
		t.Fatal("quitting overwrote a file changed on disk")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), ".claims.yaml.counterpoint-journal")); err != nil {
		t.Errorf("the unsaved edit's journal is gone: %v", err)
	}
}

// Without a terminal edit opens nothing and says why; a file that does not
// load is reported first, as validate reports it, and left as it was.
func TestEditNeedsATerminalAndASoundFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "claims.yaml")
	bad := "article:\n  title: T\n  file: article.txt\nspeakers: [\n"
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "edit", path)
	if r.code != 1 || r.stdout != "" || !strings.HasPrefix(r.stderr, path+":4:") {
		t.Errorf("a bad file: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != bad {
		t.Error("edit changed a file it could not open")
	}
	// Read as validate reads: a device is refused without being opened.
	if r := runCLI(t, "edit", "/dev/zero"); r.code != 1 || !strings.HasPrefix(r.stderr, "/dev/zero: is a device, not a regular file") {
		t.Errorf("a device: exit %d, stderr %q", r.code, r.stderr)
	}
	good := filepath.Join(packageDir, "..", "..", "assets", "claims.yaml")
	r = runCLI(t, "edit", good)
	if want := "counterpoint: edit needs a terminal: it opens the explorer (counterpoint validate " + good + " checks the file without one)\n"; r.code != 1 || r.stderr != want {
		t.Errorf("no terminal: exit %d, stderr %q, want %q", r.code, r.stderr, want)
	}
	if r := runCLI(t, "edit"); r.code != 2 {
		t.Errorf("edit without FILE: exit %d, want 2", r.code)
	}
}
