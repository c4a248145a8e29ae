package claims

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// The tests here cover hostile files that the table tests of load_test.go
// and files_test.go leave out: files that cannot be read, files changed
// under the annotation, and inputs built to cost time or memory.

// deniedFS serves a MapFS, except that opening the files in open fails with
// their error and reading the files in read fails with theirs.
type deniedFS struct {
	files      fstest.MapFS // a field, not embedded: its ReadFile would bypass Open
	open, read map[string]error
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if err, ok := d.open[name]; ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	f, err := d.files.Open(name)
	if err != nil {
		return nil, err
	}
	if err, ok := d.read[name]; ok {
		return failingFile{f, &fs.PathError{Op: "read", Path: name, Err: err}}, nil
	}
	return f, nil
}

// failingFile stats as its file does, but every read fails.
type failingFile struct {
	fs.File
	err error
}

func (f failingFile) Read([]byte) (int, error) { return 0, f.err }

// TestUnreadableThroughFS checks files that exist but cannot be read, the
// annotation or its article, opened or read: we run tests as root, where
// chmod 000 denies nothing, so the file system says no instead.
func TestUnreadableThroughFS(t *testing.T) {
	article, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{
		"notes/claims.yaml": {Data: []byte(baseYAML(t))},
		"notes/article.txt": {Data: article},
	}
	const (
		permFix = "make the file readable (chmod +r)"
		ioFix   = "check that the file exists and is readable"
	)
	rows := []struct {
		name       string
		open, read map[string]error
		want       Problem
	}{
		{"annotation cannot be opened", map[string]error{"notes/claims.yaml": fs.ErrPermission}, nil,
			Problem{File: "notes/claims.yaml", Msg: "permission denied", Fix: permFix}},
		{"annotation cannot be read", nil, map[string]error{"notes/claims.yaml": fs.ErrPermission},
			Problem{File: "notes/claims.yaml", Msg: "permission denied", Fix: permFix}},
		{"annotation EACCES", map[string]error{"notes/claims.yaml": syscall.EACCES}, nil,
			Problem{File: "notes/claims.yaml", Msg: "permission denied", Fix: permFix}},
		{"annotation read fails otherwise", nil, map[string]error{"notes/claims.yaml": syscall.EIO},
			Problem{File: "notes/claims.yaml", Msg: "cannot read: input/output error", Fix: ioFix}},
		{"article cannot be opened", map[string]error{"notes/article.txt": fs.ErrPermission}, nil,
			Problem{File: "notes/claims.yaml", Pos: Pos{3, 9}, Msg: `cannot read the article "notes/article.txt": permission denied`, Fix: permFix}},
		{"article cannot be read", nil, map[string]error{"notes/article.txt": fs.ErrPermission},
			Problem{File: "notes/claims.yaml", Pos: Pos{3, 9}, Msg: `cannot read the article "notes/article.txt": permission denied`, Fix: permFix}},
		{"article read fails otherwise", nil, map[string]error{"notes/article.txt": syscall.EIO},
			Problem{File: "notes/claims.yaml", Pos: Pos{3, 9}, Msg: `cannot read the article "notes/article.txt": cannot read: input/output error`, Fix: ioFix}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			m, err := LoadFS(deniedFS{files, row.open, row.read}, "notes/claims.yaml")
			if m != nil {
				t.Fatal("a model loaded from a file that cannot be read")
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("want a *LoadError, got %v", err)
			}
			if len(le.Problems) != 1 || le.Problems[0] != row.want {
				t.Errorf("problems %+v\nwant only %+v", le.Problems, row.want)
			}
		})
	}
	// Without the denial the same files load: the rows above test the
	// denial, not a broken fixture.
	if _, err := LoadFS(deniedFS{files: files}, "notes/claims.yaml"); err != nil {
		t.Fatalf("the fixture does not load: %v", err)
	}
}

// TestUnreadableOnDisk is the same through the real file system, for the
// runs (a developer's machine) that are not root.
func TestUnreadableOnDisk(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads a chmod 000 file anyway; TestUnreadableThroughFS covers permission denied")
	}
	path := writeAnnotation(t, baseYAML(t), nil)
	article := filepath.Join(filepath.Dir(path), "article.txt")
	for _, denied := range []string{path, article} {
		if err := os.Chmod(denied, 0); err != nil {
			t.Fatal(err)
		}
		p := firstProblem(t, loadErr(LoadFile(path)))
		want := Problem{File: path, Msg: "permission denied", Fix: "make the file readable (chmod +r)"}
		if denied == article {
			want.Pos, want.Msg = Pos{3, 9}, fmt.Sprintf("cannot read the article %q: permission denied", article)
		}
		if p != want {
			t.Errorf("%s unreadable: %+v\nwant %+v", filepath.Base(denied), p, want)
		}
		if err := os.Chmod(denied, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// allocated returns the bytes allocated while f runs (whatever the garbage
// collector freed meanwhile: a bound on this bounds the peak too).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// An annotation or article over the cap is refused from its size: the
// refusal allocates nothing like the file's 64 MiB.
func TestOversizedIsRefusedBeforeReading(t *testing.T) {
	sparse := func(path string) {
		t.Helper()
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(MaxFileSize + 1); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	path := writeAnnotation(t, baseYAML(t), nil)
	article := filepath.Join(filepath.Dir(path), "article.txt")
	sparse(article)
	var err error
	if n := allocated(func() { _, err = LoadFile(path) }); n > 1<<20 {
		t.Errorf("refusing a %d-byte article allocated %d bytes", MaxFileSize+1, n)
	}
	want := Problem{File: path, Pos: Pos{3, 9},
		Msg: fmt.Sprintf("cannot read the article %q: file is larger than the 64 MiB limit; refused without reading it", article),
		Fix: "split the annotation, or check that this is the file you meant"}
	if p := firstProblem(t, err); p != want {
		t.Errorf("oversized article: %+v\nwant %+v", p, want)
	}

	sparse(path)
	if n := allocated(func() { _, err = LoadFile(path) }); n > 1<<20 {
		t.Errorf("refusing a %d-byte annotation allocated %d bytes", MaxFileSize+1, n)
	}
	want = Problem{File: path, Msg: "file is larger than the 64 MiB limit; refused without reading it",
		Fix: "split the annotation, or check that this is the file you meant"}
	if p := firstProblem(t, err); p != want {
		t.Errorf("oversized annotation: %+v\nwant %+v", p, want)
	}
}

// A device is refused from its mode, before it is opened: /dev/zero never
// ends, and was read up to the cap and then called "refused without reading
// it".
func TestDeviceIsRefused(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("uses /dev/zero, as Linux has it")
	}
	_, err := LoadFile("/dev/zero")
	want := Problem{File: "/dev/zero", Msg: "is a device, not a regular file; refused without opening it",
		Fix: "give the path of a file saved on disk; counterpoint reads only regular files"}
	if p := firstProblem(t, err); p != want {
		t.Errorf("endless file: %+v\nwant %+v", p, want)
	}
	// Data already in memory over the cap (as LoadFS reads it) is refused
	// by Load itself.
	p := firstProblem(t, loadErr(Load("big.yaml", make([]byte, MaxFileSize+1), readTestdata)))
	if p.Pos != (Pos{}) || p.Msg != "file is larger than the 64 MiB limit" {
		t.Errorf("Load of %d bytes: %+v", MaxFileSize+1, p)
	}
}

// An annotation that loaded once fails, with the nearest passage, when its
// article is edited afterwards: nothing is re-anchored by guesswork.
func TestArticleChangedSinceAnnotation(t *testing.T) {
	article, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	path := writeAnnotation(t, baseYAML(t), article)
	if _, err := LoadFile(path); err != nil {
		t.Fatalf("the annotation does not load before the change: %v", err)
	}
	changed := strings.Replace(string(article), "as anyone can see", "as anybody can see", 1)
	if err := os.WriteFile(filepath.Join(filepath.Dir(path), "article.txt"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := LoadFile(path)
	if m != nil {
		t.Fatal("a model loaded over a changed article")
	}
	var le *LoadError
	if !errors.As(err, &le) || len(le.Problems) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	want := Problem{File: path, Pos: Pos{32, 11}, Msg: `quote of claim "b1" is not in the article`,
		Fix: "nearest passage in the article (¶3): \"The sky is blue, as anybody can see\"\n" +
			"they differ at character 24: the annotation has \"o\" (U+006F), the article has \"b\" (U+0062)\n" +
			"copy the passage from the article exactly (curly and straight quote marks differ)"}
	if le.Problems[0] != want {
		t.Errorf("problem:\n%+v\n%s\nwant:\n%+v\n%s", le.Problems[0], le.Problems[0].Fix, want, want.Fix)
	}
}

// Line breaks of either kind and a byte order mark leave every position
// where an editor shows it.
func TestPositionsInCRLFAndBOMFiles(t *testing.T) {
	broken := edit(t, baseYAML(t), "speaker: carol", "speaker: karol")
	broken = edit(t, broken, "    role: Resident\n", "    role: Resident\n    rol: x\n")
	want := []string{"8:5: unknown field \"rol\" in a speaker", "36:14: speaker \"karol\" is not defined"}
	for name, yaml := range map[string]string{
		"LF":       broken,
		"CRLF":     strings.ReplaceAll(broken, "\n", "\r\n"),
		"BOM LF":   "\ufeff" + broken,
		"BOM CRLF": "\ufeff" + strings.ReplaceAll(broken, "\n", "\r\n"),
	} {
		got, _ := problemsOf(t, yaml)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: problems %q, want %q", name, got, want)
		}
	}
	// Not UTF-8 after a byte order mark: the column counts from the first
	// character after the mark.
	got, _ := problemsOf(t, "\ufeffarticle:\r\n  title: caf\xe9\r\n")
	if want := "2:13: not valid UTF-8: byte 0xE9 cannot start or continue a character"; len(got) != 1 || got[0] != want {
		t.Errorf("not UTF-8 after a BOM: %q, want %q", got, want)
	}
}

// Comments do not move positions either, whatever ends the lines.
func TestPositionsBelowCommentsInCRLF(t *testing.T) {
	yaml := "# An annotation\n#\n# with comments\n\n" +
		edit(t, baseYAML(t), "  file: article.txt\n", "  file: article.txt  # beside it\n")
	yaml = edit(t, yaml, "speaker: carol", "speaker: karol")
	want := "39:14: speaker \"karol\" is not defined"
	if got, _ := problemsOf(t, yaml); len(got) != 1 || got[0] != want {
		t.Fatalf("LF: problems %q, want %q", got, want)
	}
	// The YAML library alone would count the line break after each comment
	// twice, and say 43:14.
	got, _ := problemsOf(t, strings.ReplaceAll(yaml, "\n", "\r\n"))
	if len(got) != 1 || got[0] != want {
		t.Errorf("CRLF: problems %q, want %q", got, want)
	}
}

// A relation cycle is legal: it loads, and the exchange holds each claim
// and each relation once.
func TestTwoClaimCycleLoads(t *testing.T) {
	yaml := baseYAML(t) + "  - from: a1\n    to: b1\n    kind: rebuts\n    explicit: false\n"
	m, err := Load("test.yaml", []byte(yaml), readTestdata)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a1", "b1"} {
		ex := m.Exchange(m.Claim(id))
		if ids(ex.Claims) != "a1 b1" || relIDs(ex.Relations) != "a1>b1 b1>a1" {
			t.Errorf("Exchange(%s) = %q / %q, want \"a1 b1\" / \"a1>b1 b1>a1\"", id, ids(ex.Claims), relIDs(ex.Relations))
		}
	}
}

// aliasBomb is an annotation whose speakers all share, through one alias,
// an alias list of width entries, and whose speakers list is that speaker
// aliased copies times: width*copies values when expanded.
func aliasBomb(t *testing.T, width, copies int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("speakers: [{id: s0, name: n, role: r, kind: person, aliases: &T [")
	b.WriteString(strings.Repeat("x,", width))
	b.WriteString("x]}, &S {id: s1, name: n, role: r, kind: person, aliases: *T}")
	b.WriteString(strings.Repeat(", *S", copies))
	b.WriteString("]\n")
	base := baseYAML(t)
	start, end := strings.Index(base, "speakers:\n"), strings.Index(base, "topics:\n")
	return base[:start] + b.String() + base[end:]
}

// An alias bomb is refused at the budget, whatever it would expand to: one
// problem, and memory in proportion to the budget, not to the expansion.
func TestAliasBombMemoryIsBounded(t *testing.T) {
	// 10,000 × 100,000 values expanded: a billion, some 40 GB as strings.
	yaml := aliasBomb(t, 10_000, 100_000)
	var err error
	n := allocated(func() { _, err = Load("bomb.yaml", []byte(yaml), readTestdata) })
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want a *LoadError, got %v", err)
	}
	want := Problem{File: "bomb.yaml", Pos: Pos{4, 94},
		Msg: fmt.Sprintf("the document expands to more than %d values through its aliases; refusing to expand it further", nodeBudget(len(yaml))),
		Fix: "write the values out, or use fewer nested aliases"}
	if len(le.Problems) != 1 || le.Problems[0] != want {
		t.Errorf("problems %+v\nwant only %+v", le.Problems, want)
	}
	// 2 GiB is far above what parsing the file and spending the budget cost
	// (under 500 MiB, with the race detector on) and far below what the
	// expansion would.
	if limit := uint64(2 << 30); n > limit {
		t.Errorf("the %d-byte bomb allocated %d MiB, over %d MiB", len(yaml), n>>20, limit>>20)
	}
}

// Deep nesting is refused before the parser sees it: the refusal costs a
// few times the file, where parsing it would cost seconds and far more.
func TestDeepNestingCostsLittle(t *testing.T) {
	brackets := strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000) + "\n"
	for _, row := range []struct {
		yaml string
		pos  Pos
	}{
		{"a: " + brackets, Pos{1, 67}},
		{brackets, Pos{1, 64}}, // once 15 GB and 28 s at a tenth of the size
		{"--- !!seq &a " + brackets, Pos{1, 77}},
	} {
		var err error
		n := allocated(func() { _, err = Load("deep.yaml", []byte(row.yaml), readTestdata) })
		if p := firstProblem(t, err); p.Pos != row.pos || p.Msg != "the YAML nests more than 64 levels deep; refusing to parse it" {
			t.Errorf("%.20q…: problem %+v", row.yaml, p)
		}
		if limit := uint64(4*len(row.yaml) + 1<<20); n > limit {
			t.Errorf("%.20q…: refusing %d bytes of brackets allocated %d bytes, over %d", row.yaml, len(row.yaml), n, limit)
		}
	}
}

// Thousands of problems are collected only up to the cap: the problems kept
// and the work done do not grow with the file.
func TestThousandsOfProblemsAreBounded(t *testing.T) {
	yaml := func(n int) []byte {
		var b strings.Builder
		b.WriteString(baseYAML(t))
		for i := range n {
			fmt.Fprintf(&b, "  - {from: x%d, to: y%d, kind: refutes, explicit: maybe}\n", i, i)
		}
		return []byte(b.String())
	}
	var le *LoadError
	_, err := Load("many.yaml", yaml(5000), readTestdata)
	if !errors.As(err, &le) {
		t.Fatalf("want a *LoadError, got %v", err)
	}
	// Four problems a line, 20,000 in all: 1,000 kept, in file order, and a
	// last word with the count of the rest.
	if len(le.Problems) != maxProblems+1 {
		t.Fatalf("%d problems, want %d", len(le.Problems), maxProblems+1)
	}
	first := le.Problems[0]
	if first.Pos != (Pos{45, 49}) || first.Msg != `explicit must be true or false, not "maybe"` {
		t.Errorf("first problem %+v", first)
	}
	for i := 1; i < maxProblems; i++ {
		a, b := le.Problems[i-1].Pos, le.Problems[i].Pos
		if a.Line > b.Line || (a.Line == b.Line && a.Col > b.Col) {
			t.Fatalf("problem %d at %v comes after one at %v", i, b, a)
		}
	}
	if last := le.Problems[maxProblems]; last.Pos != (Pos{}) || last.Msg != "stopped after 1000 problems; 19000 more were not listed" {
		t.Errorf("last problem %+v", last)
	}
}
