package claims

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"counterpoint/internal/synth"
)

// The tests of the declaration walk it (format.go): what follows from it
// for each field is tested for each field, so that a field added, dropped or
// made mandatory is tested without a row of its own.

// entities lists the declared entities, each with the section of a test
// annotation it is written in: "" for the annotation, "article" for the
// article's mapping, a list's name for its first entry, "claims/draft" for
// the first block mapping under a "draft:" key in the claims. The
// annotation is testdata/base.yaml unless file names another in testdata.
type testedEntity struct {
	section string
	spec    entityReader
	fields  []declared
	file    string
}

func entities() []testedEntity {
	return []testedEntity{
		{"", docSpec, declaredFields(docSpec), ""},
		{"article", articleSpec, declaredFields(articleSpec), ""},
		{"speakers", speakerSpec, declaredFields(speakerSpec), ""},
		{"topics", topicSpec, declaredFields(topicSpec), ""},
		{"claims", claimSpec, declaredFields(claimSpec), ""},
		{"claims/draft", draftSpec, declaredFields(draftSpec), "exchange.yaml"},
		{"relations", relationSpec, declaredFields(relationSpec), ""},
	}
}

// text is the test annotation the entity is written in.
func (e testedEntity) text(t *testing.T) string {
	t.Helper()
	if e.file == "" {
		return baseYAML(t)
	}
	data, err := os.ReadFile("testdata/" + e.file)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

type declared struct {
	what, name string // the entity's name in messages, the field's
	mandatory  bool
}

func declaredFields[T any](e *entitySpec[T]) []declared {
	var out []declared
	for _, f := range e.fields {
		out = append(out, declared{e.what, f.name, f.presence == mandatory})
	}
	return out
}

// Every entity of the format is in the list above, and reachable from the
// annotation: a nested entity left out would go untested.
func TestTheTestsKnowEveryEntity(t *testing.T) {
	var reachable []string
	var walk func(e entityReader)
	walk = func(e entityReader) {
		reachable = append(reachable, e.(interface{ name() string }).name())
		for _, k := range e.(interface{ kinds() []valueKind }).kinds() {
			if k.nested != nil {
				walk(k.nested)
			}
		}
	}
	walk(docSpec)
	var listed []string
	for _, e := range entities() {
		listed = append(listed, e.spec.(interface{ name() string }).name())
	}
	if !slices.Equal(reachable, listed) {
		t.Errorf("the format's entities are %v; the tests know %v", reachable, listed)
	}
}

func (e *entitySpec[T]) name() string { return e.what }

func (e *entitySpec[T]) kinds() []valueKind {
	var out []valueKind
	for _, f := range e.fields {
		out = append(out, f.kind)
	}
	return out
}

// withoutField removes the field from the first entry of its section of
// testdata/base.yaml (or the whole section, for the annotation's own
// fields), and returns the text and where the entry's mapping starts.
func withoutField(t *testing.T, base, section, field string) (string, Pos) {
	t.Helper()
	lines := strings.SplitAfter(base, "\n")
	at := func(prefix string, from int) int {
		for i := from; i < len(lines); i++ {
			if strings.HasPrefix(lines[i], prefix) {
				return i
			}
		}
		t.Fatalf("no line starting %q in base.yaml after line %d", prefix, from+1)
		return -1
	}
	if section == "" { // a whole section
		i := at(field+":", 0)
		j := i + 1
		for j < len(lines) && (strings.HasPrefix(lines[j], " ") || lines[j] == "\n") {
			j++
		}
		return strings.Join(slices.Delete(lines, i, j), ""), Pos{Line: 1, Col: 1}
	}
	if parent, key, nested := strings.Cut(section, "/"); nested {
		k := at(parent+":", 0) + 1
		for ; k < len(lines) && strings.TrimLeft(lines[k], " -") != key+":\n"; k++ {
		}
		if k == len(lines) {
			t.Fatalf("no %q mapping in the %s", key, parent)
		}
		keyIndent := len(lines[k]) - len(strings.TrimLeft(lines[k], " "))
		indent := len(lines[k+1]) - len(strings.TrimLeft(lines[k+1], " "))
		for i := k + 1; i < len(lines) && len(lines[i])-len(strings.TrimLeft(lines[i], " ")) > keyIndent; i++ {
			if strings.HasPrefix(strings.TrimLeft(lines[i], " "), field+":") {
				return strings.Join(slices.Delete(lines, i, i+1), ""), Pos{Line: k + 2, Col: indent + 1}
			}
		}
		t.Fatalf("the %s mapping has no %q", section, field)
	}
	first := at(section+":", 0) + 1 // the entry's first line
	indent := "  "
	if section != "article" {
		indent = "    "
	}
	i := first
	for ; i < len(lines) && strings.HasPrefix(lines[i], indent) || i == first; i++ {
		key := strings.TrimLeft(strings.TrimPrefix(lines[i], "  - "), " ")
		if strings.HasPrefix(key, field+":") {
			break
		}
	}
	if i == len(lines) || i > first && !strings.HasPrefix(lines[i], indent) {
		t.Fatalf("the first entry of %s in base.yaml has no %q", section, field)
	}
	if section != "article" && i == first { // the entry's first key: the next one starts it
		lines[i+1] = "  - " + strings.TrimPrefix(lines[i+1], "    ")
	}
	return strings.Join(slices.Delete(lines, i, i+1), ""), Pos{Line: first + 1, Col: len(indent) + 1}
}

// A mandatory field left out is refused by both readers and by the schema,
// and the message names the entity, the field and the entity's position.
func TestEveryMandatoryFieldIsRequired(t *testing.T) {
	sch := compileSchema(t)
	tested := 0
	for _, e := range entities() {
		for _, f := range e.fields {
			if !f.mandatory {
				continue
			}
			tested++
			t.Run(f.what+"/"+f.name, func(t *testing.T) {
				src, pos := withoutField(t, e.text(t), e.section, f.name)
				if decodeFast(src) != nil {
					t.Error("the fast reader accepts it")
				}
				want := fmt.Sprintf("%d:%d: %s has no %q field", pos.Line, pos.Col, f.what, f.name)
				got, _ := problemsOf(t, src)
				if !slices.Contains(got, want) {
					t.Errorf("the loader's problems %q lack %q", got, want)
				}
				if err := sch.Validate(asJSON(t, src)); err == nil {
					t.Error("the schema accepts it")
				}
			})
		}
	}
	if tested < 20 {
		t.Errorf("only %d mandatory fields", tested)
	}
}

// Every declared field is read, by both readers alike, in an annotation
// the tests load: a field added without a test annotation that uses it
// fails here.
func TestEveryFieldIsReadAlikeBothWays(t *testing.T) {
	files := map[string]string{}
	for _, path := range []string{"../../assets/claims.yaml", "testdata/base.yaml", "testdata/exchange.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[path] = string(data)
	}
	files["synth"] = string(synth.Generate(50, 1).YAML)
	for _, e := range entities() {
		if e.file != "" {
			files[e.file] = e.text(t)
		}
	}
	set := map[declared]bool{}
	for name, text := range files {
		if !sameAsYAMLLibrary(t, name, text) {
			t.Errorf("%s: the fast reader left it to the YAML library", name)
			continue
		}
		docSpec.setFields(decodeFast(text), set)
	}
	for _, e := range entities() {
		for _, f := range e.fields {
			if !set[declared{f.what, f.name, f.mandatory}] {
				t.Errorf("no test annotation gives %s a %q", f.what, f.name)
			}
		}
	}
}

// setFields records the fields given in dst, a *T, and in what it nests.
func (e *entitySpec[T]) setFields(dst any, set map[declared]bool) {
	for _, f := range e.fields {
		v := f.at(dst.(*T))
		given := false
		switch v := v.(type) {
		case *str:
			given = v.Set
		case *boolean:
			given = v.Set
		case *integer:
			given = v.Set
		case *number:
			given = v.Set
		case *strList:
			given = v.Set
		default:
			nested := f.kind.nested.(interface{ setFields(any, map[declared]bool) })
			if f.kind.read == readMapping {
				given = entityOf(v).Set
				if given {
					nested.setFields(v, set)
				}
				break
			}
			list := reflect.ValueOf(v).Elem()
			given = list.Len() > 0
			for i := range list.Len() {
				nested.setFields(list.Index(i).Addr().Interface(), set)
			}
		}
		if given {
			set[declared{e.what, f.name, f.presence == mandatory}] = true
		}
	}
}

// An unknown field is refused with the entity's fields, in declared order,
// and the nearest one suggested.
func TestUnknownFieldSuggestsTheDeclaredFields(t *testing.T) {
	for _, e := range entities() {
		// the first field's name misspelt (its last letter doubled), or a
		// section's
		base := e.text(t)
		src, pos := "relatons: []\n"+base, Pos{Line: 1, Col: 1}
		if e.section != "" {
			src, pos = misspelt(t, base, e.section, e.fields[0].name)
		}
		names := e.spec.fieldNames()
		_, ps := problemsOf(t, src)
		var found *Problem
		for i := range ps {
			if strings.HasPrefix(ps[i].Msg, "unknown field") {
				found = &ps[i]
			}
		}
		if found == nil {
			t.Errorf("%s: no unknown field among %v", e.fields[0].what, ps)
			continue
		}
		typo := e.fields[0].name
		if e.section == "" {
			typo = "relations"
		}
		want := fmt.Sprintf("did you mean %q? the fields here are: %s", typo, strings.Join(names, ", "))
		if found.Fix != want || found.Pos.Line != pos.Line {
			t.Errorf("%s: %d:%d %s\n%s\nwant line %d, %s", e.fields[0].what, found.Pos.Line, found.Pos.Col, found.Msg, found.Fix, pos.Line, want)
		}
	}
}

// misspelt doubles the last letter of a field's name in the first entry of
// the section, and returns the text and the line of the misspelt key.
func misspelt(t *testing.T, base, section, field string) (string, Pos) {
	t.Helper()
	start := 0
	for _, key := range strings.Split(section, "/") {
		i := strings.Index(base[start:], key+":\n")
		if i < 0 {
			t.Fatalf("no section %s", section)
		}
		start += i
	}
	i := strings.Index(base[start:], " "+field+": ")
	if i < 0 {
		t.Fatalf("no %s in %s", field, section)
	}
	i += start + 1 + len(field)
	src := base[:i] + field[len(field)-1:] + base[i:]
	return src, Pos{Line: strings.Count(base[:i], "\n") + 1}
}

// A test entity with a value of every kind, nested mappings and lists of
// them among them, as later fields (a drafted claim's provenance) use them:
// both readers read it alike, or the fast reader leaves it to the other.
type rawTestInner struct {
	rawEntity
	Rule       str
	Confidence number
}

var testInnerSpec = entity("the inner", "", []fieldSpec[rawTestInner]{
	{"rule", mandatory, nonEmptyText, "the rule", func(d *rawTestInner) any { return &d.Rule }, ""},
	{"confidence", mandatory, fraction, "the confidence", func(d *rawTestInner) any { return &d.Confidence }, ""},
}, nil)

type rawTestItem struct {
	rawEntity
	Name  str
	Inner rawTestInner
}

var testItemSpec = entity("an item", "", []fieldSpec[rawTestItem]{
	{"name", mandatory, text, "the name", func(d *rawTestItem) any { return &d.Name }, ""},
	{"inner", optional, mappingOf(testInnerSpec), "the inner", func(d *rawTestItem) any { return &d.Inner }, ""},
}, nil)

type rawTestOuter struct {
	rawEntity
	Name  str
	Count integer
	Flag  boolean
	Tags  strList
	Inner rawTestInner
	Items []rawTestItem
}

var testOuterSpec = entity("the outer", "", []fieldSpec[rawTestOuter]{
	{"name", mandatory, text, "the name", func(d *rawTestOuter) any { return &d.Name }, ""},
	{"count", optional, count, "count", func(d *rawTestOuter) any { return &d.Count }, ""},
	{"flag", optional, truth, "flag", func(d *rawTestOuter) any { return &d.Flag }, ""},
	{"tags", optional, textList, "tags", func(d *rawTestOuter) any { return &d.Tags }, ""},
	{"inner", optional, mappingOf(testInnerSpec), "the inner", func(d *rawTestOuter) any { return &d.Inner }, ""},
	{"items", optional, listOf(testItemSpec, 0), "items", func(d *rawTestOuter) any { return &d.Items }, ""},
}, nil)

func TestNestedFieldsReadAlikeBothWays(t *testing.T) {
	rows := []struct {
		name, text string
		fast       bool   // the fast reader takes it
		problem    string // of the general reader, if any
	}{
		{"block mapping", "name: x\ninner:\n  rule: r\n  confidence: 0.9\ncount: 2\n", true, ""},
		{"flow mapping", "name: x\ninner: {rule: r, confidence: 1}\nflag: true\n", true, ""},
		{"comment after the key", "inner:   # why\n  rule: r\n  confidence: 0.25\nname: y\n", true, ""},
		{"mapping last", "name: y\ninner:\n    rule: r\n    confidence: 0\n", true, ""},
		{"list", "items:\n  - name: a\n    inner:\n      rule: r\n      confidence: 0.5\n  - {name: b}\nname: z\ntags: [p, q]\n", true, ""},
		{"compact list", "items:\n- name: a\n  inner: {rule: r, confidence: 0.5}\nname: z\n", true, ""},
		{"flow in flow", "name: x\nitems:\n  - {name: b, inner: {rule: r, confidence: 0.5}}\n", false, ""},
		{"number with no whole part", "name: x\ninner: {rule: r, confidence: .5}\n", false, ""},
		{"number with an exponent", "name: x\ninner: {rule: r, confidence: 1e-1}\n", false, `2:30: the confidence must be a number, not "1e-1"`},
		{"number with a leading zero", "name: x\ninner: {rule: r, confidence: 00.5}\n", false, ""},
		{"not a number", "name: x\ninner: {rule: r, confidence: high}\n", false, `2:30: the confidence must be a number, not "high"`},
		{"mandatory field left out", "name: x\ninner:\n  rule: r\n", false, `3:3: the inner has no "confidence" field`},
		{"mapping not indented", "name: x\ninner:\nrule: r\n", false, `2:7: the inner must be a mapping of fields, not empty`},
		{"mapping on the same line", "name: x\ninner: rule\n", false, `2:8: the inner must be a mapping of fields, not text`},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			var fast rawTestOuter
			p := &fastParser{text: row.text}
			p.advance()
			fastOK := testOuterSpec.fastMapping(p, 0, &fast) && p.eof
			file, err := parser.ParseBytes([]byte(row.text), 0)
			if err != nil {
				t.Fatalf("the YAML library cannot parse it: %v", err)
			}
			var slow rawTestOuter
			ps := &problems{file: "x.yaml"}
			d := &decoder{ps: ps, anchors: map[string]ast.Node{}, budget: nodeBudget(len(row.text))}
			testOuterSpec.slowMapping(d, file.Docs[0].Body, &slow)
			problem := ""
			if len(ps.list) > 0 {
				problem = fmt.Sprintf("%d:%d: %s", ps.list[0].Pos.Line, ps.list[0].Pos.Col, ps.list[0].Msg)
			}
			if problem != row.problem {
				t.Errorf("the general reader says %q, want %q", problem, row.problem)
			}
			if fastOK != row.fast {
				t.Fatalf("the fast reader takes it: %v, want %v", fastOK, row.fast)
			}
			if fastOK && !reflect.DeepEqual(fast, slow) {
				t.Errorf("the readers disagree:\n%+v\n%+v", fast, slow)
			}
		})
	}
}

// withoutField finds a nested mapping's fields too, as a field such as a
// drafted claim's provenance will need.
func TestWithoutFieldInANestedMapping(t *testing.T) {
	text := "claims:\n  - id: a1\n    draft:\n      rule: quote\n      confidence: 0.9\n    topics: [sky]\n"
	for _, row := range []struct {
		field, want string
		pos         Pos
	}{
		{"rule", "claims:\n  - id: a1\n    draft:\n      confidence: 0.9\n    topics: [sky]\n", Pos{Line: 4, Col: 7}},
		{"confidence", "claims:\n  - id: a1\n    draft:\n      rule: quote\n    topics: [sky]\n", Pos{Line: 4, Col: 7}},
	} {
		got, pos := withoutField(t, text, "claims/draft", row.field)
		if got != row.want || pos != row.pos {
			t.Errorf("without %s: %q at %v, want %q at %v", row.field, got, pos, row.want, row.pos)
		}
	}
	src, pos := misspelt(t, text, "claims/draft", "rule")
	if !strings.Contains(src, "      rulee: quote\n") || pos.Line != 4 {
		t.Errorf("misspelt: %q, line %d", src, pos.Line)
	}
}
