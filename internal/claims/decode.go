package claims

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
)

// The decoder walks the YAML syntax tree itself rather than unmarshalling
// into structs: that way every field keeps its position, an unknown field or
// a wrong type does not stop the walk, and one pass reports every problem.

// field values with the position they were written at.
type (
	str struct {
		V   string
		Pos Pos
		Set bool
	}
	boolean struct {
		V   bool
		Pos Pos
		Set bool
	}
	integer struct {
		V   int
		Pos Pos
		Set bool
		Bad bool // present but not a usable value (already reported)
	}
	number struct {
		V   float64
		Pos Pos
		Set bool
		Bad bool // present but not a usable value (already reported)
	}
	strList struct {
		V   []str
		Pos Pos
		Set bool
		Bad bool // present but not a list (already reported)
	}
)

// maxExpandedNodes bounds the nodes visited while decoding, aliases expanded.
// An alias may name a list of aliases that name lists of aliases ("billion
// laughs"): the budget keeps such a file from taking time or memory out of
// proportion to its size. A file without aliases has fewer nodes than
// bytes, so nodeBudget allows twice its size (and room for the aliases of a
// small file), up to maxExpandedNodes: a 50 KB bomb is refused after
// 200,000 values, in milliseconds, rather than after 4 million.
const maxExpandedNodes = 4_000_000

func nodeBudget(size int) int { return min(maxExpandedNodes, 2*size+100_000) }

type decoder struct {
	ps      *problems
	anchors map[string]ast.Node
	visited int
	budget  int // nodes that may be visited: nodeBudget of the file's size
	aborted bool
}

func posOf(n ast.Node) Pos {
	if n == nil {
		return Pos{}
	}
	// A block mapping's token is its first colon; a reader looks for the
	// first key.
	if mn, ok := n.(*ast.MappingNode); ok && !mn.IsFlowStyle && len(mn.Values) > 0 {
		return posOf(mn.Values[0].Key)
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return Pos{}
	}
	return Pos{Line: tk.Position.Line, Col: tk.Position.Column}
}

// decodeYAML parses data and returns the raw document; problems go to ps.
func decodeYAML(data []byte, ps *problems) (doc *rawDoc) {
	doc = newRawDoc()
	var file *ast.File
	var err error
	deep := false
	func() {
		// A parser bug must not take the program down with it: a file that
		// crashes the parser is reported as a file that cannot be read.
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("the YAML parser failed on this file (%v)", r)
			}
		}()
		// The parser reads the tokens that tokenNesting measures: a file
		// that the text check let through still cannot nest past the limit.
		tokens := lexer.Tokenize(string(data))
		if pos, ok := tokenNesting(tokens); !ok {
			tooDeep(ps, pos)
			deep = true
			return
		}
		file, err = parser.Parse(tokens, 0)
	}()
	if deep {
		return nil
	}
	if err != nil {
		msg := yamlErrorMessage(err)
		fix := "correct the YAML syntax at that position (a YAML-aware editor shows the problem as you type)"
		if strings.Contains(msg, "'\t'") {
			fix = "indent with spaces: YAML does not allow tabs for indentation"
		}
		ps.add(yamlErrorPos(err), fix, "malformed YAML: %s", msg)
		return nil
	}
	var bodies []ast.Node
	for _, d := range file.Docs {
		if d != nil && d.Body != nil {
			bodies = append(bodies, d.Body)
		}
	}
	if len(bodies) == 0 {
		ps.add(Pos{}, "start from the example in the README: an article, speakers, topics, claims and relations",
			"the annotation is empty")
		return nil
	}
	if len(bodies) > 1 {
		ps.add(posOf(bodies[1]), "keep the whole annotation in one YAML document: remove the \"---\" separator and what follows, or move it to a file of its own",
			"more than one YAML document in the file")
	}
	d := &decoder{ps: ps, anchors: map[string]ast.Node{}, budget: nodeBudget(len(data))}
	docSpec.slowMapping(d, bodies[0], doc)
	if d.aborted {
		return nil
	}
	markAbsentSections(doc)
	return doc
}

func yamlErrorPos(err error) Pos {
	var ye yaml.Error
	if errors.As(err, &ye) {
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			return Pos{Line: tk.Position.Line, Col: tk.Position.Column}
		}
	}
	return Pos{}
}

func yamlErrorMessage(err error) string {
	var ye yaml.Error
	if errors.As(err, &ye) {
		return ye.GetMessage()
	}
	return err.Error()
}

type field struct {
	name     string
	required bool
	decode   func(n ast.Node)
}

// resolve unwraps anchors, aliases and tags, counting the nodes visited
// against the budget. It returns nil once the budget is spent.
func (d *decoder) resolve(n ast.Node) ast.Node {
	for n != nil {
		if d.aborted {
			return nil
		}
		d.visited++
		if d.visited > d.budget {
			d.aborted = true
			d.ps.add(posOf(n), "write the values out, or use fewer nested aliases",
				"the document expands to more than %d values through its aliases; refusing to expand it further", d.budget)
			return nil
		}
		switch v := n.(type) {
		case *ast.AnchorNode:
			if name, ok := v.Name.(*ast.StringNode); ok {
				d.anchors[name.Value] = v.Value
			} else if v.Name != nil {
				d.anchors[v.Name.String()] = v.Value
			}
			n = v.Value
		case *ast.AliasNode:
			name := ""
			if v.Value != nil {
				name = v.Value.GetToken().Value
			}
			target, ok := d.anchors[name]
			if !ok {
				d.ps.add(posOf(n), "define the anchor (&"+name+") before this alias, or write the value out", "alias *%s refers to no anchor defined before it", name)
				return nil
			}
			n = target
		case *ast.TagNode:
			// A tag changes what a value means (!!binary is base64, a
			// local tag anything an application likes); none has a
			// meaning in an annotation but !!str, which changes nothing
			// for text. Read as if absent, !!binary text was shown
			// undecoded, silently.
			tag := "!"
			if v.Start != nil {
				tag = v.Start.Value
			}
			if tag != "!!str" {
				d.ps.add(posOf(n), "remove the tag: an annotation's values are plain text, numbers, true or false, and lists",
					"tag %s is not supported in an annotation", tag)
				return nil
			}
			n = v.Value
		default:
			return n
		}
	}
	return nil
}

func kindName(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "empty"
	case *ast.BoolNode:
		return "true/false"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	default:
		return "text"
	}
}

// mapping decodes a mapping whose keys are the given fields.
func (d *decoder) mapping(n ast.Node, what string, fields []field) Pos {
	start := posOf(n)
	n = d.resolve(n)
	if n == nil {
		return start
	}
	var values []*ast.MappingValueNode
	switch v := n.(type) {
	case *ast.MappingNode:
		values = v.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{v}
	default:
		d.ps.add(posOf(n), "write "+what+" as \"key: value\" lines", "%s must be a mapping of fields, not %s", what, kindName(n))
		return posOf(n)
	}
	if len(values) > 0 {
		start = posOf(values[0].Key)
	}
	seen := map[string]bool{}
	for _, mv := range values {
		if d.aborted {
			return start
		}
		keyPos := posOf(mv.Key)
		if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
			d.ps.add(keyPos, "write the fields out instead of merging them with <<", "merge keys (<<) are not supported in %s", what)
			continue
		}
		key := ""
		if k := d.resolve(mv.Key); k != nil {
			key = k.GetToken().Value
		}
		var f *field
		for i := range fields {
			if fields[i].name == key {
				f = &fields[i]
			}
		}
		if f == nil {
			d.ps.add(keyPos, unknownFieldFix(key, fields), "unknown field %q in %s", key, what)
			continue
		}
		if seen[key] {
			d.ps.add(keyPos, "remove one of the two", "field %q appears twice in %s", key, what)
			continue
		}
		seen[key] = true
		f.decode(mv.Value)
	}
	for _, f := range fields {
		if f.required && !seen[f.name] {
			d.ps.add(start, fmt.Sprintf("add a line \"%s: …\" to it", f.name), "%s has no %q field", what, f.name)
		}
	}
	return start
}

func unknownFieldFix(key string, fields []field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	fix := "the fields here are: " + strings.Join(names, ", ")
	if s := closest(key, names); s != "" {
		fix = fmt.Sprintf("did you mean %q? ", echo(s)) + fix
	}
	return fix
}

// sequence decodes a list, calling item for each element. It reports
// whether n was a list (or empty).
func (d *decoder) sequence(n ast.Node, what string, item func(ast.Node)) bool {
	n = d.resolve(n)
	if n == nil {
		return false
	}
	if _, ok := n.(*ast.NullNode); ok {
		return true // an empty section; the validator says if it matters
	}
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		d.ps.add(posOf(n), "write each entry on a line starting with \"- \"", "%s must be a list, not %s", what, kindName(n))
		return false
	}
	for _, v := range seq.Values {
		if d.aborted {
			return true
		}
		item(v)
	}
	return true
}

// scalarText returns the text of a scalar node as written.
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value != nil {
			return v.Value.Value, true
		}
		return "", true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		// "when: 2014" or "title: 1984" is text to the reader; keep it as written.
		return n.GetToken().Value, true
	}
	return "", false
}

func (d *decoder) str(dst *str, name string) func(ast.Node) {
	return func(n ast.Node) {
		pos := posOf(n)
		n = d.resolve(n)
		if n == nil {
			return
		}
		if _, ok := n.(*ast.NullNode); ok {
			*dst = str{Pos: pos, Set: true}
			return
		}
		s, ok := scalarText(n)
		if !ok {
			d.ps.add(posOf(n), "write it as text on the same line, quoted if it holds a colon or a quote mark", "%s must be text, not %s", name, kindName(n))
			return
		}
		*dst = str{V: s, Pos: pos, Set: true}
	}
}

func (d *decoder) boolean(dst *boolean, name string) func(ast.Node) {
	return func(n ast.Node) {
		pos := posOf(n)
		n = d.resolve(n)
		if n == nil {
			return
		}
		b, ok := n.(*ast.BoolNode)
		if !ok {
			d.ps.add(posOf(n), "write true or false", "%s must be true or false, not %s", name, describe(n))
			return
		}
		*dst = boolean{V: b.Value, Pos: pos, Set: true}
	}
}

func (d *decoder) integer(dst *integer, name string) func(ast.Node) {
	return func(n ast.Node) {
		pos := posOf(n)
		n = d.resolve(n)
		if n == nil {
			return
		}
		iv, ok := n.(*ast.IntegerNode)
		var v int
		if ok {
			v, ok = toInt(iv.Value)
		}
		if !ok {
			d.ps.add(posOf(n), "write a whole number such as 1 or 2", "%s must be a whole number, not %s", name, describe(n))
			*dst = integer{Pos: pos, Set: true, Bad: true}
			return
		}
		*dst = integer{V: v, Pos: pos, Set: true}
	}
}

func (d *decoder) number(dst *number, name string) func(ast.Node) {
	return func(n ast.Node) {
		pos := posOf(n)
		n = d.resolve(n)
		if n == nil {
			return
		}
		var v float64
		ok := false
		switch x := n.(type) {
		case *ast.FloatNode:
			v, ok = x.Value, true
		case *ast.IntegerNode:
			var i int
			i, ok = toInt(x.Value)
			v = float64(i)
		}
		if !ok {
			d.ps.add(posOf(n), "write a number such as 0.5", "%s must be a number, not %s", name, describe(n))
			*dst = number{Pos: pos, Set: true, Bad: true}
			return
		}
		*dst = number{V: v, Pos: pos, Set: true}
	}
}

func toInt(v any) (int, bool) {
	switch x := v.(type) {
	case int64:
		if x > 1<<31 || x < -(1<<31) {
			return 0, false
		}
		return int(x), true
	case uint64:
		if x > 1<<31 {
			return 0, false
		}
		return int(x), true
	case int:
		return x, true
	}
	return 0, false
}

func describe(n ast.Node) string {
	if s, ok := scalarText(n); ok {
		return strconv.Quote(s)
	}
	return kindName(n)
}

func (d *decoder) strList(dst *strList, name string) func(ast.Node) {
	return func(n ast.Node) {
		pos := posOf(n)
		r := d.resolve(n)
		if r == nil {
			return
		}
		*dst = strList{Pos: pos, Set: true}
		if _, ok := r.(*ast.NullNode); ok {
			return
		}
		if s, ok := r.(*ast.StringNode); ok {
			d.ps.add(posOf(r), fmt.Sprintf("write it as a list: %s: [%s]", name, s.Value), "%s must be a list, not a single value", name)
			dst.Bad = true
			return
		}
		dst.Bad = !d.sequence(r, name, func(n ast.Node) {
			var s str
			d.str(&s, "each entry of "+name)(n)
			if s.Set {
				dst.V = append(dst.V, s)
			}
		})
	}
}

// slowMapping reads a mapping of the entity's fields into dst, a *T.
func (e *entitySpec[T]) slowMapping(d *decoder, n ast.Node, dst any) bool {
	t := dst.(*T)
	fields := make([]field, len(e.fields))
	for k := range e.fields {
		f := &e.fields[k]
		read := d.value(f.kind, f.what, f.at(t))
		fields[k] = field{f.name, f.presence == mandatory, func(n ast.Node) {
			pos := posOf(n)
			ok := read(n)
			if e.onValue != nil {
				e.onValue(t, k, pos, ok)
			}
		}}
	}
	ent := entityOf(t)
	ent.Pos, ent.Set = d.mapping(n, e.what, fields), true
	return true
}

// slowList reads a list of mappings of the entity's fields into dst, a
// *[]T. It reports whether n was a list (or empty).
func (e *entitySpec[T]) slowList(d *decoder, n ast.Node, what string, dst any) bool {
	list := dst.(*[]T)
	return d.sequence(n, what, func(n ast.Node) {
		var t T
		e.slowMapping(d, n, &t)
		*list = append(*list, t)
	})
}

// value returns the reader of a value of the kind into dst; it reports
// whether the value had the kind's shape.
func (d *decoder) value(k valueKind, what string, dst any) func(ast.Node) bool {
	var read func(ast.Node)
	switch k.read {
	case readText:
		read = d.str(dst.(*str), what)
	case readBool:
		read = d.boolean(dst.(*boolean), what)
	case readInt:
		read = d.integer(dst.(*integer), what)
	case readNumber:
		read = d.number(dst.(*number), what)
	case readTextList:
		read = d.strList(dst.(*strList), what)
	case readMapping:
		return func(n ast.Node) bool { return k.nested.slowMapping(d, n, dst) }
	case readList:
		return func(n ast.Node) bool { return k.nested.slowList(d, n, what, dst) }
	default:
		panic("unknown kind of value")
	}
	return func(n ast.Node) bool { read(n); return true }
}

// closest returns the candidate nearest to s by edit distance, if it is near
// enough to be a likely typo.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	ls := strings.ToLower(s)
	for _, c := range candidates {
		if dd := editDistance(ls, strings.ToLower(c)); dd < bestD {
			best, bestD = c, dd
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 99 // not a typo of a short name; spare the quadratic work
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
