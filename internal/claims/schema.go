package claims

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Schema returns the JSON Schema of the annotation format, made from its
// declaration (format.go). assets/claims.schema.json is this, byte for byte;
// editors check an annotation against it as one types.
func Schema() []byte {
	s := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", "counterpoint/claims.schema.json"},
		{"title", "counterpoint annotation"},
		{"description", docSpec.doc},
	}
	s = append(s, docSpec.schema()...)
	var b bytes.Buffer
	writeJSON(&b, "", s, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

// obj is a JSON object that keeps its keys in order.
type obj []kv

type kv struct {
	k string
	v any
}

func (e *entitySpec[T]) schema() obj {
	s := obj{{"type", "object"}, {"additionalProperties", false}}
	var required []string
	props := obj{}
	for _, f := range e.fields {
		if f.presence == mandatory {
			required = append(required, f.name)
		}
		props = append(props, kv{f.name, f.kind.schemaOf(f.doc)})
	}
	if len(required) > 0 {
		s = append(s, kv{"required", required})
	}
	s = append(s, kv{"properties", props})
	return append(s, e.extra...)
}

// schemaOf is the schema of a value of the kind with its description.
func (k valueKind) schemaOf(doc string) obj {
	var s obj
	switch k.read {
	case readMapping:
		s = k.nested.schema()
	case readList:
		s = append(append(obj{}, k.schema...), kv{"items", k.nested.schema()})
	default:
		s = append(obj{}, k.schema...)
	}
	if doc == "" {
		return s
	}
	if k.read == readMapping || k.read == readList || len(s) > 0 && s[0].k == "enum" {
		return append(obj{{"description", doc}}, s...) // said before what may be long
	}
	return append(s, kv{"description", doc})
}

// writeJSON writes v, the value of key, indented by depth levels. An
// object holding no object deeper than one level goes on one line, as a
// person would write it, except a list of properties: one a line.
func writeJSON(b *bytes.Buffer, key string, v any, depth int) {
	o, ok := v.(obj)
	if !ok {
		writeScalar(b, v)
		return
	}
	if nesting(o) <= 2 && key != "properties" {
		b.WriteByte('{')
		for i, e := range o {
			if i > 0 {
				b.WriteString(", ")
			}
			writeScalar(b, e.k)
			b.WriteString(": ")
			writeJSON(b, e.k, e.v, depth+1)
		}
		b.WriteByte('}')
		return
	}
	indent := strings.Repeat("  ", depth+1)
	b.WriteString("{\n")
	for i, e := range o {
		b.WriteString(indent)
		writeScalar(b, e.k)
		b.WriteString(": ")
		writeJSON(b, e.k, e.v, depth+1)
		if i < len(o)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(strings.Repeat("  ", depth))
	b.WriteByte('}')
}

// nesting is how deep objects go in o: 1 for an object of plain values.
func nesting(o obj) int {
	n := 1
	for _, e := range o {
		if c, ok := e.v.(obj); ok {
			n = max(n, 1+nesting(c))
		}
	}
	return n
}

func writeScalar(b *bytes.Buffer, v any) {
	if list, ok := v.([]string); ok {
		b.WriteByte('[')
		for i, s := range list {
			if i > 0 {
				b.WriteString(", ")
			}
			writeScalar(b, s)
		}
		b.WriteByte(']')
		return
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("schema value %v: %v", v, err))
	}
	b.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}
