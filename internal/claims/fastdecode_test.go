package claims

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"counterpoint/internal/synth"
)

// sameAsYAMLLibrary checks the fast reader against the YAML library on one
// text: whatever the fast reader accepts, the library must read to the same
// raw document, positions included, without a problem. It reports whether
// the fast reader accepted the text.
func sameAsYAMLLibrary(t *testing.T, name, text string) bool {
	t.Helper()
	if !utf8.ValidString(text) {
		return false // Load refuses it before decoding
	}
	fast := decodeFast(text)
	if fast == nil {
		return false
	}
	if _, ok := checkNesting(text); !ok {
		t.Errorf("%s: the fast reader accepted a text nested too deep", name)
	}
	ps := &problems{file: "x.yaml"}
	slow := decodeYAML([]byte(text), ps)
	if len(ps.list) > 0 {
		t.Errorf("%s: the fast reader accepted a text with problems: %s", name, ps.err())
		return true
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Errorf("%s: the fast reader and the YAML library disagree:\n%s", name, firstDifference(fast, slow))
	}
	return true
}

// firstDifference names the first entity where two raw documents differ.
func firstDifference(a, b *rawDoc) string {
	if !reflect.DeepEqual(a.Article, b.Article) {
		return fmt.Sprintf("article:\n%+v\n%+v", a.Article, b.Article)
	}
	for _, s := range []struct {
		name string
		x, y any
	}{{"speakers", a.Speakers, b.Speakers}, {"topics", a.Topics, b.Topics}, {"claims", a.Claims, b.Claims}, {"relations", a.Relations, b.Relations}} {
		x, y := reflect.ValueOf(s.x), reflect.ValueOf(s.y)
		if x.Len() != y.Len() {
			return fmt.Sprintf("%s: %d and %d", s.name, x.Len(), y.Len())
		}
		for i := range x.Len() {
			if !reflect.DeepEqual(x.Index(i).Interface(), y.Index(i).Interface()) {
				return fmt.Sprintf("%s[%d]:\n%+v\n%+v", s.name, i, x.Index(i).Interface(), y.Index(i).Interface())
			}
		}
	}
	return fmt.Sprintf("sections:\n%v %v\n%v %v", a.SectionPos, a.Broken, b.SectionPos, b.Broken)
}

// The annotations people write and the generator makes take the fast road.
func TestFastDecodeReadsTheUsualFiles(t *testing.T) {
	files := map[string]string{}
	for _, path := range []string{"../../assets/claims.yaml", "testdata/base.yaml", "testdata/exchange.yaml", "testdata/restates.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[path] = string(data)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, rest, ok := strings.Cut(string(readme), "## The annotation format"); ok {
		if _, rest, ok = strings.Cut(rest, "```yaml\n"); ok {
			files["README"], _, _ = strings.Cut(rest, "```")
		}
	}
	for _, n := range []int{1, 20, 500} {
		for seed := range int64(3) {
			files[fmt.Sprintf("synth n=%d seed=%d", n, seed)] = string(synth.Generate(n, seed).YAML)
		}
	}
	for name, text := range files {
		if !sameAsYAMLLibrary(t, name, text) {
			t.Errorf("%s: the fast reader left it to the YAML library", name)
		}
	}
}

// fastDecodeCases are texts near the edge of the fast reader's subset, as
// edits of testdata/base.yaml: those it accepts must read as the YAML
// library reads them.
var fastDecodeCases = []struct{ name, old, new string }{
	{"trailing comment", "  file: article.txt\n", "  file: article.txt   # beside it\n"},
	{"trailing blanks", "  file: article.txt\n", "  file: article.txt  \n"},
	{"trailing blanks after quotes", "  file: article.txt\n", "  file: \"article.txt\"  \n"},
	{"comment without space", "  file: article.txt\n", "  file: article.txt# beside it\n"},
	{"hash in plain text", "  file: article.txt\n", "  file: article#1.txt\n"},
	{"flow article", "article:\n  title: Weather row erupts\n  file: article.txt\n", "article: {title: Weather row erupts, file: article.txt}\n"},
	{"flow speaker", "  - id: carol\n    name: Carol\n", "  - {id: carol, name: Carol, role: Meteorologist, kind: official}\n  - id: carol2\n    name: Carol\n"},
	{"compact list", "speakers:\n  - id: alice\n    name: Alice Smith\n    role: Resident\n    kind: person\n  - id: bob\n    name: Bob Jones\n    role: Neighbour\n    kind: person\n  - id: carol\n    name: Carol\n    role: Meteorologist\n    kind: official\n", "speakers:\n- id: alice\n  name: Alice Smith\n  role: Resident\n  kind: person\n- id: bob\n  name: Bob Jones\n  role: Neighbour\n  kind: person\n-  id: carol\n   name: Carol\n   role: Meteorologist\n   kind: official\n"},
	{"wide item", "  - id: alice\n    name: Alice Smith\n    role: Resident\n    kind: person\n", "  -   id: alice\n      name: Alice Smith\n      role: Resident\n      kind: person\n"},
	{"ragged item", "  - id: alice\n    name: Alice Smith\n", "  -   id: alice\n      name: Alice Smith\n"},
	{"single quotes", "    name: Alice Smith\n", "    name: 'Alice ''Al'' Smith'\n"},
	{"double quotes", "    name: Alice Smith\n", "    name: \"Alice “Al” Smith\"\n"},
	{"empty quotes", "    name: Alice Smith\n", "    name: \"\"\n"},
	{"number as text", "    name: Alice Smith\n", "    name: 2014\n"},
	{"boolean as text", "    name: Alice Smith\n", "    name: true\n"},
	{"float as text", "    name: Alice Smith\n", "    name: 1.5e3\n"},
	{"infinity as text", "    name: Alice Smith\n", "    name: .inf\n"},
	{"date as text", "    name: Alice Smith\n", "    name: 2014-12-20\n"},
	{"null", "    name: Alice Smith\n", "    name: null\n"},
	{"tilde", "    name: Alice Smith\n", "    name: ~\n"},
	{"empty value", "    name: Alice Smith\n", "    name:\n"},
	{"colon in text", "    name: Alice Smith\n", "    name: Alice: Smith\n"},
	{"colon in word", "    name: Alice Smith\n", "    name: https://alice.example/smith\n"},
	{"brackets in text", "    name: Alice Smith\n", "    name: Alice [Al] Smith\n"},
	{"quote inside plain", "    name: Alice Smith\n", "    name: Alice \"Al\" O'Smith\n"},
	{"dash start", "    name: Alice Smith\n", "    name: -Alice\n"},
	{"em dash start", "    name: Alice Smith\n", "    name: — Alice\n"},
	{"no-break space", "    name: Alice Smith\n", "    name: Alice\u00a0Smith\n"},
	{"non-ASCII before a value", "  - id: carol\n    name: Carol\n", "  - {id: carol, name: \"Çärøl 王\", role: Meteorologist, kind: official}\n  - id: carol2\n    name: Carol\n"},
	{"continued plain", "    name: Alice Smith\n", "    name: Alice\n      Smith\n"},
	{"continued quote", "    name: Alice Smith\n", "    name: \"Alice\n      Smith\"\n"},
	{"block scalar", "    name: Alice Smith\n", "    name: |\n      Alice Smith\n"},
	{"anchor", "    name: Alice Smith\n", "    name: &n Alice Smith\n"},
	{"tag", "    name: Alice Smith\n", "    name: !!str Alice Smith\n"},
	{"escape", "    name: Alice Smith\n", "    name: \"Alice\\tSmith\"\n"},
	{"escapes", "    name: Alice Smith\n", "    name: \"Al \\\"Ace\\\" \\\\ \\/ \\n \\x41 \\u2019 \\U0001F600 Smith\"\n"},
	{"escaped quote ends", "    name: Alice Smith\n", "    name: \"Alice\\\"\"\n"},
	{"escape in flow", "relations:\n", "relations:\n  - {from: a1, to: a2, kind: rebuts, explicit: true, note: \"a \\\"b\\\", c\"}\n"},
	{"escaped control", "    name: Alice Smith\n", "    name: \"Al\\x07ice\"\n"},
	{"escaped surrogate", "    name: Alice Smith\n", "    name: \"Al\\ud83dice\"\n"},
	{"bell escape", "    name: Alice Smith\n", "    name: \"Al\\aice\"\n"},
	{"short escape", "    name: Alice Smith\n", "    name: \"Al\\u20\"\n"},
	{"backslash at the end", "    name: Alice Smith\n", "    name: \"Alice\\\n      Smith\"\n"},
	{"backslash in plain", "    name: Alice Smith\n", "    name: Alice \\ Smith\n"},
	{"backslash in single quotes", "    name: Alice Smith\n", "    name: 'Alice \\n Smith'\n"},
	{"tab", "    name: Alice Smith\n", "    name:\tAlice Smith\n"},
	{"unknown field", "    name: Alice Smith\n", "    name: Alice Smith\n    nmae: x\n"},
	{"repeated field", "    name: Alice Smith\n", "    name: Alice Smith\n    name: x\n"},
	{"missing field", "    name: Alice Smith\n", ""},
	{"over-indented", "    name: Alice Smith\n", "     name: Alice Smith\n"},
	{"under-indented", "    name: Alice Smith\n", "   name: Alice Smith\n"},
	{"principal", "    kind: person\n", "    kind: person\n    principal: true\n"},
	{"principal yes", "    kind: person\n", "    kind: person\n    principal: yes\n"},
	{"principal quoted", "    kind: person\n", "    kind: person\n    principal: \"true\"\n"},
	{"principal True", "    kind: person\n", "    kind: person\n    principal: True\n"},
	{"aliases", "    kind: person\n", "    kind: person\n    aliases: [Al, 'Ms Smith', \"A. S.\"]\n"},
	{"empty aliases", "    kind: person\n", "    kind: person\n    aliases: []\n"},
	{"spaced aliases", "    kind: person\n", "    kind: person\n    aliases: [ Al ,Ms Smith ]\n"},
	{"trailing comma", "    kind: person\n", "    kind: person\n    aliases: [Al,]\n"},
	{"block aliases", "    kind: person\n", "    kind: person\n    aliases:\n      - Al\n"},
	{"alias with colon", "    kind: person\n", "    kind: person\n    aliases: [a:b]\n"},
	{"occurrence twice", "    occurrence: 1\n", "    occurrence: 1\n    occurrence: 1\n"},
	{"occurrence two", "    occurrence: 1\n", "    occurrence: 2\n"},
	{"occurrence zero", "    occurrence: 1\n", "    occurrence: 0\n"},
	{"occurrence octal", "    occurrence: 1\n", "    occurrence: 01\n"},
	{"occurrence hex", "    occurrence: 1\n", "    occurrence: 0x1\n"},
	{"occurrence huge", "    occurrence: 1\n", "    occurrence: 99999999999\n"},
	{"document marker", "article:\n", "---\narticle:\n"},
	{"indented document", "article:\n", " article:\n"},
	{"quoted key", "article:\n", "\"article\":\n"},
	{"two documents", "article:\n", "---\nfoo: 1\n---\narticle:\n"},
	{"flow relation", "relations:\n", "relations:\n  - {from: a1, to: a2, kind: rebuts, explicit: true, note: A note.}\n"},
	{"comma in flow", "relations:\n", "relations:\n  - {from: a1, to: a2, kind: rebuts, explicit: true, note: A note, with a comma.}\n"},
	{"flow relation with comment", "relations:\n", "relations:\n  - {from: a1, to: a2, kind: rebuts, explicit: false}  # a comment\n"},
	{"flow over two lines", "relations:\n", "relations:\n  - {from: a1, to: a2,\n     kind: rebuts, explicit: false}\n"},
	{"empty flow mapping", "relations:\n", "relations:\n  - {}\n"},
	{"no space after colon in flow", "relations:\n", "relations:\n  - {from:a1, to: a2, kind: rebuts, explicit: true}\n"},
	{"comment lines", "claims:\n", "claims:\n# at the margin\n      # deep\n  # in line\n\n   \n"},
	{"no final line break", "", ""},
}

func TestFastDecodeAgreesWithTheYAMLLibrary(t *testing.T) {
	base := baseYAML(t)
	accepted := 0
	for _, c := range fastDecodeCases {
		text := base
		if c.old != "" {
			if strings.Count(base, c.old) == 0 {
				t.Fatalf("%s: %q is not in base.yaml", c.name, c.old)
			}
			text = strings.Replace(base, c.old, c.new, 1)
		} else if c.name == "no final line break" {
			text = strings.TrimRight(base, "\n")
		}
		if sameAsYAMLLibrary(t, c.name, text) {
			accepted++
			t.Logf("fast: %s", c.name)
		}
	}
	t.Logf("the fast reader took %d of %d edge cases", accepted, len(fastDecodeCases))
}

// An empty flow list, as a draft with no relations writes it, stays on the
// fast reader: left to the YAML library, a file of 600,000 claims ending in
// "relations: []" took 54 s and 5.4 GB instead of a few seconds.
func TestFastDecodeReadsAnEmptyFlowList(t *testing.T) {
	base := baseYAML(t)
	i := strings.Index(base, "relations:\n")
	if i < 0 {
		t.Fatal("base.yaml has no relations section")
	}
	for _, tail := range []string{"relations: []\n", "relations: [ ]   # none yet\n", "relations: []"} {
		text := base[:i] + tail
		if !sameAsYAMLLibrary(t, tail, text) {
			t.Errorf("%q: the fast reader left it to the YAML library", tail)
		}
		if doc := decodeFast(text); doc != nil && (len(doc.Relations) != 0 || doc.Broken["relations"]) {
			t.Errorf("%q: %d relations, broken %v", tail, len(doc.Relations), doc.Broken["relations"])
		}
	}
	// A flow list with items is still the library's.
	if decodeFast(base[:i]+"relations: [{from: b1, to: a1, kind: rebuts, explicit: true}]\n") != nil {
		t.Error("the fast reader took a flow list of mappings")
	}
}

// Every seed of FuzzLoad, whatever it holds, reads the same both ways.
func TestFastDecodeOnFuzzSeeds(t *testing.T) {
	paths, _ := filepath.Glob("testdata/fuzz/FuzzLoad/*")
	for _, path := range paths {
		if data, ok := fuzzSeed(path); ok {
			sameAsYAMLLibrary(t, path, string(data))
		}
	}
}

// fuzzSeed reads a "go test fuzz v1" file holding one []byte.
func fuzzSeed(path string) ([]byte, bool) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	_, body, _ := strings.Cut(string(raw), "\n")
	body = strings.TrimSpace(body)
	if !strings.HasPrefix(body, "[]byte(") || !strings.HasSuffix(body, ")") {
		return nil, false
	}
	s, err := strconv.Unquote(body[len("[]byte(") : len(body)-1])
	return []byte(s), err == nil
}

// FuzzFastDecode looks for a text that the fast reader reads otherwise than
// the YAML library does.
func FuzzFastDecode(f *testing.F) {
	base, err := os.ReadFile("testdata/base.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(base)
	for _, c := range fastDecodeCases {
		if c.old != "" {
			f.Add([]byte(strings.Replace(string(base), c.old, c.new, 1)))
		}
	}
	f.Add(synth.Generate(30, 1).YAML)
	f.Fuzz(func(t *testing.T, data []byte) {
		if utf8.Valid(data) {
			sameAsYAMLLibrary(t, "fuzz", string(data))
		}
	})
}
