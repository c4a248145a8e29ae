package claims

import (
	"bytes"
	"encoding/json"
	"flag"
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
	restates, _ := os.ReadFile("testdata/restates.yaml")
	for name, src := range map[string]string{"bundled": string(bundled), "base": baseYAML(t), "exchange": string(exchange), "restates": string(restates)} {
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

var update = flag.Bool("update", false, "rewrite assets/claims.schema.json from the declaration of the format")

// The schema is made from the declaration of the format (format.go), byte
// for byte; -update rewrites it.
func TestSchemaFileIsTheDeclaration(t *testing.T) {
	const path = "../../assets/claims.schema.json"
	if *update {
		if err := os.WriteFile(path, Schema(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := assets.FS.ReadFile("claims.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, Schema()) {
		t.Error("assets/claims.schema.json is not the declaration's schema: run go test ./internal/claims -run TestSchemaFileIsTheDeclaration -update")
	}
}

// The schema names exactly the declared fields, entity by entity, and
// requires exactly the mandatory ones: read back from the JSON, which checks
// the generator as well.
func TestSchemaFieldsAreTheDeclaredFields(t *testing.T) {
	data, _ := assets.FS.ReadFile("claims.schema.json")
	type object struct {
		Properties map[string]json.RawMessage
		Required   []string
	}
	var schema struct {
		object
		Properties map[string]struct {
			object
			Items object
		}
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]json.RawMessage) []string {
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
	inSchema := map[string]object{
		"":          {Properties: map[string]json.RawMessage{}, Required: schema.Required},
		"article":   schema.Properties["article"].object,
		"speakers":  schema.Properties["speakers"].Items,
		"topics":    schema.Properties["topics"].Items,
		"claims":    schema.Properties["claims"].Items,
		"relations": schema.Properties["relations"].Items,
	}
	for _, name := range top {
		inSchema[""].Properties[name] = nil
	}
	var claimDraft object
	if err := json.Unmarshal(schema.Properties["claims"].Items.Properties["draft"], &claimDraft); err != nil {
		t.Fatalf("the schema of a claim's draft: %v", err)
	}
	inSchema["claims/draft"] = claimDraft
	for _, e := range entities() {
		var names, required []string
		for _, f := range e.fields {
			names = append(names, f.name)
			if f.mandatory {
				required = append(required, f.name)
			}
		}
		sort.Strings(names)
		o := inSchema[e.section]
		if got := keys(o.Properties); !slices.Equal(got, names) {
			t.Errorf("%s: the schema has %v, the declaration %v", e.fields[0].what, got, names)
		}
		if !slices.Equal(o.Required, required) {
			t.Errorf("%s: the schema requires %v, the declaration %v", e.fields[0].what, o.Required, required)
		}
	}
}
