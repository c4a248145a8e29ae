package claims

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"counterpoint/assets"
)

// The JSON Schema of the annotation format is what editors check against as
// one types, so it must agree with the loader. santhosh-tekuri/jsonschema is
// a test-only dependency: it checks that the schema is valid JSON Schema and
// applies it the way an editor's language server would.

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := assets.FS.ReadFile("claims.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("claims.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("claims.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// asJSON turns YAML into the JSON value a language server would check.
func asJSON(t *testing.T, src string) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestSchemaAcceptsWhatTheLoaderAccepts(t *testing.T) {
	sch := compileSchema(t)
	bundled, _ := assets.FS.ReadFile(assets.Annotation)
	exchange, _ := os.ReadFile("testdata/exchange.yaml")
	for name, src := range map[string]string{"bundled": string(bundled), "base": baseYAML(t), "exchange": string(exchange)} {
		if err := sch.Validate(asJSON(t, src)); err != nil {
			t.Errorf("%s: the schema rejects an annotation the loader accepts: %v", name, err)
		}
	}
	if !strings.HasPrefix(string(bundled), "# yaml-language-server: $schema=claims.schema.json\n") {
		t.Error("the bundled annotation does not name its schema on its first line")
	}
}

// Rows the schema can judge on its own (no article, no cross-references):
// it rejects each, as the loader does.
func TestSchemaRejectsWhatTheLoaderRejects(t *testing.T) {
	sch := compileSchema(t)
	rows := []struct{ name, old, new string }{
		{"unknown field", "    role: Resident\n", "    role: Resident\n    rol: x\n"},
		{"unknown top-level field", "relations:\n", "relation:\n"},
		{"list where text belongs", "    name: Carol\n", "    name: [Carol]\n"},
		{"single value where a list belongs", "topics: [sky, rain]", "topics: sky"},
		{"bool not true/false", "explicit: true", "explicit: \"yes\""},
		{"occurrence below 1", "occurrence: 1", "occurrence: 0"},
		{"missing required field", "    speaker: bob\n", ""},
		{"empty required value", "    name: Carol\n", "    name: \"\"\n"},
		{"id not plain", "  - id: carol\n", "  - id: \"carol smith\"\n"},
		{"unknown relation kind", "kind: rebuts", "kind: refutes"},
		{"unknown mode", "    mode: paraphrase\n", "    mode: paraphrased\n"},
		{"unknown speaker kind", "kind: official", "kind: spokesman"},
		{"no topics", "topics: [sky, rain]", "topics: []"},
		{"topic twice", "topics: [sky, rain]", "topics: [sky, sky]"},
		{"paraphrase without source", "    source: Carol, a meteorologist, said the sky was grey on Tuesday.\n", ""},
		{"quote with source", "    text: The sky is blue, as anyone can see.\n", "    text: The sky is blue, as anyone can see.\n    source: Bob Jones replied\n"},
	}
	base := baseYAML(t)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			src := edit(t, base, row.old, row.new)
			if err := sch.Validate(asJSON(t, src)); err == nil {
				t.Error("the schema accepts it")
			}
			if got, _ := problemsOf(t, src); len(got) == 0 {
				t.Error("the loader accepts it")
			}
		})
	}
}

// The schema names exactly the fields the loader knows, entity by entity.
// The loader's list is read from its own "unknown field" message.
func TestSchemaFieldsAreTheLoadersFields(t *testing.T) {
	data, _ := assets.FS.ReadFile("claims.schema.json")
	var schema struct {
		Properties map[string]struct {
			Properties map[string]any
			Items      struct{ Properties map[string]any }
		}
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	var top []string
	for k := range schema.Properties {
		top = append(top, k)
	}
	sort.Strings(top)
	entities := map[string][]string{
		"the annotation": top,
		"the article":    keys(schema.Properties["article"].Properties),
		"a speaker":      keys(schema.Properties["speakers"].Items.Properties),
		"a topic":        keys(schema.Properties["topics"].Items.Properties),
		"a claim":        keys(schema.Properties["claims"].Items.Properties),
		"a relation":     keys(schema.Properties["relations"].Items.Properties),
	}
	edits := map[string][2]string{
		"the annotation": {"relations:\n", "zzz: 1\nrelations:\n"},
		"the article":    {"  file: article.txt\n", "  file: article.txt\n  zzz: 1\n"},
		"a speaker":      {"    role: Resident\n", "    role: Resident\n    zzz: 1\n"},
		"a topic":        {"    label: rain\n", "    label: rain\n    zzz: 1\n"},
		"a claim":        {"    topics: [sky, rain]\n", "    topics: [sky, rain]\n    zzz: 1\n"},
		"a relation":     {"    explicit: true\n", "    explicit: true\n    zzz: 1\n"},
	}
	for what, e := range edits {
		_, ps := problemsOf(t, edit(t, baseYAML(t), e[0], e[1]))
		if len(ps) != 1 || ps[0].Msg != `unknown field "zzz" in `+what {
			t.Fatalf("%s: problems %v", what, ps)
		}
		_, list, _ := strings.Cut(ps[0].Fix, "the fields here are: ")
		loader := strings.Split(list, ", ")
		sort.Strings(loader)
		if !slices.Equal(loader, entities[what]) {
			t.Errorf("%s: the loader knows %v, the schema %v", what, loader, entities[what])
		}
	}
}
