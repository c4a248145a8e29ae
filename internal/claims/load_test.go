package claims

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readTestdata reads an article from testdata, as LoadFile would beside the
// annotation.
func readTestdata(rel string) (string, []byte, error) {
	data, err := os.ReadFile(filepath.Join("testdata", rel))
	return rel, data, err
}

func baseYAML(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("testdata/base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit replaces old by new in s, failing the test if old is not there
// exactly once: a row that edits nothing would test nothing.
func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	if n := strings.Count(s, old); n != 1 {
		t.Fatalf("edit: %q occurs %d times in the base annotation", old, n)
	}
	return strings.Replace(s, old, new, 1)
}

// problemsOf loads the annotation and returns its problems as
// "line:col: message" (file names left out when they are the annotation's).
func problemsOf(t *testing.T, yaml string) ([]string, []Problem) {
	t.Helper()
	m, err := Load("test.yaml", []byte(yaml), readTestdata)
	if err == nil {
		if m == nil {
			t.Fatal("Load returned neither a model nor an error")
		}
		return nil, nil
	}
	if m != nil {
		t.Fatal("Load returned a model along with an error: nothing may be half-loaded")
	}
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error is %T, not *LoadError: %v", err, err)
	}
	var out []string
	for _, p := range le.Problems {
		s := fmt.Sprintf("%d:%d: %s", p.Pos.Line, p.Pos.Col, p.Msg)
		if p.File != "test.yaml" {
			s = p.File + ":" + s
		}
		out = append(out, s)
	}
	return out, le.Problems
}

func TestBaseAnnotationLoads(t *testing.T) {
	m, err := Load("test.yaml", []byte(baseYAML(t)), readTestdata)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(m.Claims); got != 3 {
		t.Fatalf("claims: got %d, want 3", got)
	}
	a1 := m.Claim("a1")
	if got := m.Article.Text[a1.Span.Start:a1.Span.End]; got != "The sky is green." {
		t.Errorf("a1 span holds %q", got)
	}
	if a1.Span != (Span{39, 56}) || a1.Paragraph != 2 {
		t.Errorf("a1: span %v paragraph %d, want {39 56} and 2", a1.Span, a1.Paragraph)
	}
}

// TestProblems has one row for every kind of problem the loader reports,
// each asserting the exact position and message.
func TestProblems(t *testing.T) {
	rows := []struct {
		name      string
		old, new  string // an edit of testdata/base.yaml
		want      []string
		fixSubstr string // a phrase the first problem's fix must hold
	}{
		{"malformed YAML", "topics: [sky]\n  - id: b1", "topics: [sky\n  - id: b1",
			[]string{"29:3: malformed YAML: ',' or ']' must be specified"}, "correct the YAML syntax"},
		{"unknown field", "    role: Resident\n", "    role: Resident\n    rol: x\n",
			[]string{"8:5: unknown field \"rol\" in a speaker"}, `did you mean "role"?`},
		{"unknown top-level field", "relations:\n", "relation:\n",
			[]string{"40:1: unknown field \"relation\" in the annotation"}, `did you mean "relations"?`},
		{"duplicate key", "    role: Resident\n", "    role: Resident\n    role: Other\n",
			[]string{"8:5: malformed YAML: mapping key \"role\" already defined at [7:5]"}, ""},
		{"list where text belongs", "    name: Carol\n", "    name: [Carol]\n",
			[]string{"14:11: the name must be text, not a list"}, "write it as text"},
		{"mapping where text belongs", "    name: Carol\n", "    name: {first: Carol}\n",
			[]string{"14:11: the name must be text, not a mapping"}, ""},
		{"single value where a list belongs", "topics: [sky, rain]", "topics: sky",
			[]string{"39:13: topics must be a list, not a single value"}, "topics: [sky]"},
		{"section not a list", "topics:\n  - id: sky", "topics: sky\nx:\n  - id: sky",
			[]string{"17:9: topics must be a list, not text", "18:1: unknown field \"x\" in the annotation"}, ""},
		{"bool not true/false", "explicit: true", "explicit: \"yes\"",
			[]string{"44:15: explicit must be true or false, not \"yes\""}, "write true or false"},
		{"occurrence not a number", "occurrence: 1", "occurrence: first",
			[]string{"27:17: occurrence must be a whole number, not \"first\""}, ""},
		{"occurrence below 1", "occurrence: 1", "occurrence: 0",
			[]string{"27:17: occurrence must be 1 or more, not 0"}, ""},
		{"occurrence past the end", "occurrence: 1", "occurrence: 3",
			[]string{"27:17: occurrence 3 asked for, but the quote occurs 2 times"}, "from 1 to 2"},
		{"missing required field", "    speaker: bob\n", "",
			[]string{"29:5: a claim has no \"speaker\" field"}, `add a line "speaker: …"`},
		{"missing section", "topics:\n  - id: sky\n    label: the sky\n  - id: rain\n    label: rain\n", "",
			[]string{"1:1: the annotation has no \"topics\" field"}, ""},
		{"empty required value", "    name: Carol\n", "    name: \"\"\n",
			[]string{"14:11: the speaker's name is empty"}, "write a value"},
		{"null required value", "    name: Carol\n", "    name:\n",
			[]string{"14:10: the speaker's name is empty"}, ""},
		{"duplicate speaker id", "  - id: bob\n    name: Bob", "  - id: alice\n    name: Bob",
			[]string{"9:9: duplicate speaker id \"alice\" (first defined at line 5)", "30:14: speaker \"bob\" is not defined"}, "an id of its own"},
		{"duplicate topic id", "  - id: rain\n", "  - id: sky\n",
			[]string{"20:9: duplicate topic id \"sky\" (first defined at line 18)", "39:19: topic \"rain\" is not defined"}, ""},
		{"duplicate claim id", "  - id: b1\n", "  - id: a1\n",
			[]string{"29:9: duplicate claim id \"a1\" (first defined at line 23)", "41:11: claim \"b1\" is not defined"}, ""},
		{"id not plain", "  - id: carol\n", "  - id: \"carol smith\"\n",
			[]string{"13:9: speaker id \"carol smith\" is not a plain identifier", "35:14: speaker \"carol\" is not defined"}, "letters, digits"},
		{"unknown speaker", "speaker: carol", "speaker: karol",
			[]string{"35:14: speaker \"karol\" is not defined"}, `did you mean "carol"?`},
		{"unknown topic", "topics: [sky, rain]", "topics: [sky, snow]",
			[]string{"39:19: topic \"snow\" is not defined"}, ""},
		{"unknown reported_by", "    speaker: carol\n", "    speaker: carol\n    reported_by: agency\n",
			[]string{"36:18: reported_by speaker \"agency\" is not defined"}, "known ids: alice, bob, carol"},
		{"reported_by the speaker itself", "    speaker: carol\n", "    speaker: carol\n    reported_by: carol\n",
			[]string{"36:18: reported_by names the speaker of the claim itself"}, "intermediary"},
		{"unknown relation end", "to: a1", "to: a2",
			[]string{"42:9: claim \"a2\" is not defined"}, `did you mean "a1"?`},
		{"relation to itself", "to: a1", "to: b1",
			[]string{"42:9: relation from claim \"b1\" to itself"}, "cannot answer itself"},
		{"unknown relation kind", "kind: rebuts", "kind: refutes",
			[]string{"43:11: relation kind \"refutes\" is not one of the known values"}, "use one of: rebuts, denies, contradicts, qualifies, supports, responds"},
		{"duplicate relation", "    explicit: true\n", "    explicit: true\n  - from: b1\n    to: a1\n    kind: denies\n    explicit: false\n",
			[]string{"45:5: a relation from \"b1\" to \"a1\" is already given at line 41"}, ""},
		{"unknown mode", "    mode: paraphrase\n", "    mode: paraphrased\n",
			[]string{"36:11: mode \"paraphrased\" is not one of the known values"}, `did you mean "paraphrase"?`},
		{"unknown speaker kind", "kind: official", "kind: spokesman",
			[]string{"16:11: speaker kind \"spokesman\" is not one of the known values"}, "person, official, organization, state-media, group"},
		{"no topics", "topics: [sky, rain]", "topics: []",
			[]string{"39:13: claim \"c1\" has no topics"}, ""},
		{"topic twice", "topics: [sky, rain]", "topics: [sky, sky]",
			[]string{"39:19: topic \"sky\" is listed twice"}, ""},
		{"speaker without claims", "  - id: c1\n    speaker: carol\n", "  - id: c1\n    speaker: bob\n",
			[]string{"13:9: speaker \"carol\" has no claims"}, "annotate what the speaker says"},
		{"quote not in the article", "text: The sky is blue, as anyone can see.", "text: The sky is blue, as anybody can see.",
			[]string{"32:11: quote of claim \"b1\" is not in the article"},
			"they differ at character 24: the annotation has \"b\" (U+0062), the article has \"o\" (U+006F)"},
		{"straight quote for a curly one", "    text: The sky is green.\n    occurrence: 1\n", "    text: It's raining.\n",
			[]string{"26:11: quote of claim \"a1\" is not in the article"},
			"they differ at character 3: the annotation has \"'\" (U+0027 APOSTROPHE), the article has \"’\" (U+2019 RIGHT SINGLE QUOTATION MARK)"},
		{"passage more than once", "    occurrence: 1\n", "",
			[]string{"26:11: quote of claim \"a1\" occurs 2 times in the article"}, "occurrence: N\" to the claim (1 to 2, in article order: ¶2, ¶5)"},
		{"paraphrase without source", "    source: Carol, a meteorologist, said the sky was grey on Tuesday.\n", "",
			[]string{"34:5: paraphrase \"c1\" has no source passage"}, "add \"source:\""},
		{"quote with source", "    text: The sky is blue, as anyone can see.\n", "    text: The sky is blue, as anyone can see.\n    source: Bob Jones replied\n",
			[]string{"33:13: quote \"b1\" has a source passage"}, "remove source"},
		{"article missing", "file: article.txt", "file: nowhere.txt",
			[]string{"3:9: cannot read the article \"nowhere.txt\": no such file"}, "relative to the annotation"},
		{"second document", "    explicit: true\n", "    explicit: true\n---\nmore: 1\n",
			[]string{"46:1: more than one YAML document in the file"}, "one YAML document"},
		{"alias to no anchor", "topics: [sky, rain]", "topics: *mine",
			[]string{"39:13: alias *mine refers to no anchor defined before it"}, ""},
		{"merge key", "  - id: alice\n", "  - <<: {id: alice}\n",
			[]string{"5:5: merge keys (<<) are not supported in a speaker", "5:5: a speaker has no \"id\" field", "24:14: speaker \"alice\" is not defined"}, "write the fields out"},
		{"no speakers", "speakers:\n  - id: alice\n    name: Alice Smith\n    role: Resident\n    kind: person\n  - id: bob\n    name: Bob Jones\n    role: Neighbour\n    kind: person\n  - id: carol\n    name: Carol\n    role: Meteorologist\n    kind: official\n", "speakers: []\n",
			[]string{"4:11: there are no speakers"}, "at least one speaker"},
	}
	base := baseYAML(t)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			got, ps := problemsOf(t, edit(t, base, row.old, row.new))
			if strings.Join(got, "\n") != strings.Join(row.want, "\n") {
				t.Fatalf("problems:\n got: %q\nwant: %q", got, row.want)
			}
			if row.fixSubstr != "" && !strings.Contains(ps[0].Fix, row.fixSubstr) {
				t.Errorf("fix %q does not hold %q", ps[0].Fix, row.fixSubstr)
			}
			for _, p := range ps {
				if p.Fix == "" {
					t.Errorf("problem %q says nothing of how to fix it", p.Msg)
				}
			}
		})
	}
}

// TestWholeFileProblems covers problems with the file as a whole.
func TestWholeFileProblems(t *testing.T) {
	rows := []struct {
		name string
		data string
		want []string
	}{
		{"empty", "", []string{"0:0: the annotation is empty"}},
		{"only blank lines", "\n  \n\t\n", []string{"0:0: the annotation is empty"}},
		{"only a comment", "# nothing yet\n", []string{"0:0: the annotation is empty"}},
		{"a list, not a mapping", "- a\n- b\n", []string{"1:1: the annotation must be a mapping of fields, not a list"}},
		{"plain text", "hello\n", []string{"1:1: the annotation must be a mapping of fields, not text"}},
		{"not UTF-8", "article:\n  title: caf\xe9\n", []string{"2:13: not valid UTF-8: byte 0xE9 cannot start or continue a character"}},
		{"tab indentation", "article:\n\ttitle: x\n", []string{"2:1: malformed YAML: found character '\t' that cannot start any token"}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			got, ps := problemsOf(t, row.data)
			if strings.Join(got, "\n") != strings.Join(row.want, "\n") {
				t.Fatalf("problems:\n got: %q\nwant: %q", got, row.want)
			}
			for _, p := range ps {
				if p.Fix == "" {
					t.Errorf("problem %q says nothing of how to fix it", p.Msg)
				}
			}
		})
	}
}

// Deeply nested YAML is refused before parsing: the parser's cost grows
// faster than the depth.
func TestDeepNestingIsRefused(t *testing.T) {
	brackets := strings.Repeat("[", 1000) + strings.Repeat("]", 1000)
	var block strings.Builder
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&block, "%sk%d:\n", strings.Repeat("  ", i), i)
	}
	rows := []struct {
		name, data, want string
	}{
		{"flow", "a: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n", "1:67"},
		{"flow mappings", "a: " + strings.Repeat("{a: ", 1000) + "1" + strings.Repeat("}", 1000) + "\n", "1:256"},
		{"block", block.String(), "65:1"},
		{"dashes", strings.Repeat("- ", 100) + "x\n", "1:1"},
		// Where the text check once counted no bracket, and the YAML
		// library parsed 100,000 levels in 28 s and 15 GB.
		{"at the document's start", brackets, "1:64"},
		{"after ---", "---\n" + brackets, "2:64"},
		{"after --- on its line", "--- " + brackets, "1:68"},
		{"after a tag", "!!seq " + brackets, "1:70"},
		{"after an anchor", "&a " + brackets, "1:67"},
		{"after a tag and an anchor", "k: !!seq &a " + brackets, "1:76"},
		{"after a quoted key", "\"k\": " + brackets, "1:69"},
		{"after a quoted key in a flow mapping", "{\"k\":" + brackets + "}", "1:68"},
		{"after a complex key", "? " + brackets, "1:65"},
		{"complex keys and dashes", strings.Repeat("? - ", 100) + "x\n", "1:1"},
		// Closing brackets inside quoted text over two lines: the text
		// check takes them for brackets, the library's tokens do not.
		{"hidden in quotes over lines", "a: " + strings.Repeat("[[[[ \"\n]]]]\", ", 30) + "\n", "16:11"},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			got, _ := problemsOf(t, row.data)
			want := row.want + ": the YAML nests more than 64 levels deep; refusing to parse it"
			if len(got) != 1 || got[0] != want {
				t.Errorf("problems %q, want %q", got, want)
			}
		})
	}
	// brackets in quotes, comments and plain text do not count
	ok := "a: \"" + strings.Repeat("[", 100) + "\"\nb: x" + strings.Repeat("[", 100) + "\n# " + strings.Repeat("{", 100) + "\n"
	if pos, deep := checkNesting(ok); !deep {
		t.Errorf("brackets in text counted as nesting at %v", pos)
	}
	if _, ok := checkNesting(baseYAML(t)); !ok {
		t.Error("the base annotation counted as too deep")
	}
}

func TestOccurrencesInOneParagraph(t *testing.T) {
	yaml := strings.Replace(baseYAML(t), "text: The sky is blue, as anyone can see.", "text: ai", 1)
	_, ps := problemsOf(t, yaml)
	if len(ps) != 1 {
		t.Fatalf("problems %v", ps)
	}
	want := "add \"occurrence: N\" to the claim (1 to 4, in article order: ¶2 at line 3, column 14, ¶4 at line 7, column 26, ¶6 at line 10, column 6, ¶6 at line 10, column 18), or quote a longer passage that occurs once"
	if ps[0].Fix != want {
		t.Errorf("fix:\n got %q\nwant %q", ps[0].Fix, want)
	}
}
