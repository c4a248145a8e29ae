package claims

import (
	"fmt"
	"reflect"

	"github.com/goccy/go-yaml/ast"
)

// The machinery of the declaration in format.go: field specs, the kinds of
// value, and the checks that keep a declaration sound.

type presence bool

const (
	mandatory presence = true
	optional  presence = false
)

// fieldSpec declares one field of an entity whose raw struct is T.
type fieldSpec[T any] struct {
	name     string    // as written in the annotation
	presence presence  // mandatory or optional
	kind     valueKind // how both readers read the value, and its schema
	what     string    // how messages name the field: "the title"
	// at returns where the value goes in the raw struct: a *str, *boolean,
	// *integer, *number or *strList for the scalar kinds, a pointer to the
	// nested raw struct for mappingOf, to a slice of them for listOf.
	at  func(*T) any
	doc string // the schema's description of the field
}

// reading is how the readers read a value.
type reading int

const (
	readText     reading = iota // into a str
	readBool                    // into a boolean
	readInt                     // into an integer
	readNumber                  // into a number
	readTextList                // into a strList, a list of text on one line
	readMapping                 // into a nested raw struct
	readList                    // into a slice of raw structs
)

// valueKind is a kind of value: how it is read and what the schema says of it.
type valueKind struct {
	read   reading
	schema obj
	nested entityReader // for readMapping and readList
}

// The kinds of value.
var (
	text         = valueKind{read: readText, schema: obj{{"type", "string"}}}
	nonEmptyText = valueKind{read: readText, schema: obj{{"type", "string"}, {"minLength", 1}}}
	id           = valueKind{read: readText, schema: obj{{"$ref", "#/$defs/id"}}}
	truth        = valueKind{read: readBool, schema: obj{{"type", "boolean"}}}
	count        = valueKind{read: readInt, schema: obj{{"type", "integer"}, {"minimum", 1}}} // counted from 1
	fraction     = valueKind{read: readNumber, schema: obj{{"type", "number"}, {"minimum", 0}, {"maximum", 1}}}
	textList     = valueKind{read: readTextList, schema: obj{{"type", "array"}, {"items", obj{{"type", "string"}, {"minLength", 1}}}}}
	idSet        = valueKind{read: readTextList, schema: obj{{"type", "array"}, {"minItems", 1}, {"uniqueItems", true}, {"items", obj{{"$ref", "#/$defs/id"}}}}}
)

// enumOf is text that is one of the values.
func enumOf(values []string) valueKind {
	return valueKind{read: readText, schema: obj{{"enum", values}}}
}

// mappingOf is a nested mapping of the entity's fields.
func mappingOf[T any](e *entitySpec[T]) valueKind {
	return valueKind{read: readMapping, nested: e}
}

// listOf is a list of mappings of the entity's fields, at least min of them.
func listOf[T any](e *entitySpec[T], min int) valueKind {
	k := valueKind{read: readList, schema: obj{{"type", "array"}}, nested: e}
	if min > 0 {
		k.schema = append(k.schema, kv{"minItems", min})
	}
	return k
}

// entitySpec is an entity: its fields, and what is derived from them once.
type entitySpec[T any] struct {
	what   string // how messages name one: "a claim"
	doc    string // the schema's description, for the annotation as a whole
	fields []fieldSpec[T]
	extra  obj // more of its schema: rules across fields

	names     []string // of the fields, in order
	mandatory uint64   // one bit per field, as fieldBit gives them
	// onValue, if set, is told of each field's value once read: its
	// position and whether it had the right shape.
	onValue func(dst *T, field int, pos Pos, ok bool)
}

// entityReader is an entitySpec of any raw struct, as a nested kind holds it.
type entityReader interface {
	slowMapping(d *decoder, n ast.Node, dst any) bool
	slowList(d *decoder, n ast.Node, what string, dst any) bool
	fastMapping(p *fastParser, i int, dst any) bool
	fastList(p *fastParser, keyIndent int, dst any) (Pos, bool)
	schema() obj
	holds(dst any) bool // whether dst is where a mapping (or a list) of it goes
	fieldNames() []string
}

// entity declares an entity. It panics on a declaration that the readers
// could not follow, so that every test fails at once.
func entity[T any](what, doc string, fields []fieldSpec[T], extra obj) *entitySpec[T] {
	e := &entitySpec[T]{what: what, doc: doc, fields: fields, extra: extra}
	if len(fields) > 64 {
		panic(fmt.Sprintf("%s: %d fields; the readers keep one bit a field, 64 at most", what, len(fields)))
	}
	if _, ok := any(new(T)).(interface{ entity() *rawEntity }); !ok {
		panic(fmt.Sprintf("%s: its raw struct does not embed rawEntity", what))
	}
	var zero T
	for i, f := range fields {
		if f.name == "" || f.what == "" || f.at == nil {
			panic(fmt.Sprintf("%s: field %d is incomplete", what, i))
		}
		for _, g := range fields[:i] {
			if g.name == f.name {
				panic(fmt.Sprintf("%s: field %q declared twice", what, f.name))
			}
		}
		if !f.kind.holds(f.at(&zero)) {
			panic(fmt.Sprintf("%s: field %q goes to a %T, which its kind does not read into", what, f.name, f.at(&zero)))
		}
		e.names = append(e.names, f.name)
		if f.presence == mandatory {
			e.mandatory |= fieldBit(i)
		}
	}
	return e
}

func fieldBit(i int) uint64 { return 1 << uint(i) }

// index returns the position of the field named key, or -1.
func (e *entitySpec[T]) index(key string) int {
	for i := range e.fields {
		if e.fields[i].name == key {
			return i
		}
	}
	return -1
}

func (e *entitySpec[T]) fieldNames() []string { return e.names }

func (e *entitySpec[T]) holds(dst any) bool {
	switch dst.(type) {
	case *T, *[]T:
		return true
	}
	return false
}

// holds reports whether dst is where a value of the kind goes.
func (k valueKind) holds(dst any) bool {
	switch k.read {
	case readText:
		_, ok := dst.(*str)
		return ok
	case readBool:
		_, ok := dst.(*boolean)
		return ok
	case readInt:
		_, ok := dst.(*integer)
		return ok
	case readNumber:
		_, ok := dst.(*number)
		return ok
	case readTextList:
		_, ok := dst.(*strList)
		return ok
	case readMapping, readList:
		if k.nested == nil || !k.nested.holds(dst) {
			return false
		}
		// a mapping goes into a struct, a list into a slice
		return (reflect.TypeOf(dst).Elem().Kind() == reflect.Slice) == (k.read == readList)
	}
	return false
}

func entityOf(dst any) *rawEntity { return dst.(interface{ entity() *rawEntity }).entity() }
