package claims

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeFast reads an annotation written in the plain subset of YAML that
// annotations are written in, straight into the raw document, and returns
// nil for anything outside that subset or anything the general decoder
// would report a problem in. The general decoder (decodeYAML) then reads
// the file from the start, so problems and their messages come from one
// place only; this is a shortcut for files that have none.
//
// Why: the YAML library builds a token list and a syntax tree of the whole
// file before the decoder walks it, at about 7 MB/s; an annotation of
// 100,000 claims (45 MB) took 8 seconds to decode. Reading the subset
// directly runs at hundreds of MB/s.
//
// It reads the fields that the declaration of the format (format.go) gives
// each entity, by their kinds. The subset, line by line:
//   - comments and blank lines anywhere; "# …" after a value;
//   - the top level is a block mapping of the sections;
//   - a nested mapping (the article) is a block mapping on the lines below
//     its key or a one-line {flow mapping}, in a block mapping;
//   - a list of mappings (each section) is a block list ("- ") on the lines
//     below its key, of block mappings or one-line {flow mappings};
//   - a value is a one-line scalar: plain, 'single-quoted' or
//     "double-quoted" with the escapes of doubleQuoted; a list of strings is
//     a one-line [flow list].
//
// It returns nil, for the general decoder, on: a tab, a carriage return or
// a control character anywhere; another escape; a key or a value of any other
// shape (anchors, aliases, tags, block scalars, multi-line values, nested
// lists, documents markers); an unknown, repeated or missing field; a value
// of the wrong type or an empty (null) one. Positions are counted as the
// YAML library counts them: lines from 1, columns in characters from 1, a
// quoted scalar at its opening quote mark, a list at its "-" or "[".
func decodeFast(text string) *rawDoc {
	if !fastBytesOK(text) {
		return nil
	}
	p := &fastParser{text: text}
	doc := newRawDoc()
	p.advance()
	if p.eof || !docSpec.fastMapping(p, 0, doc) {
		return nil
	}
	markAbsentSections(doc)
	return doc
}

// fastBytesOK rules out, in one pass, the characters the subset leaves to
// the YAML library: tabs, carriage returns and other control characters,
// C1 controls and NEL, the line and paragraph
// separators, a byte order mark and the non-characters U+FFFE and U+FFFF.
func fastBytesOK(s string) bool {
	for i := 0; i < len(s); i++ {
		switch byteClass[s[i]] {
		case byteOK:
		case byteBad:
			return false
		case 0xC2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
				return false
			}
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				return false
			}
		case 0xEF:
			if i+2 < len(s) && (s[i+1] == 0xBB && s[i+2] == 0xBF || s[i+1] == 0xBF && s[i+2] >= 0xBE) {
				return false
			}
		}
	}
	return true
}

// byteClass sorts bytes for fastBytesOK, a table lookup a byte: OK, bad,
// or the lead byte itself of a character to look at.
var byteClass = func() (c [256]byte) {
	for b := range 256 {
		switch {
		case b == 0xC2 || b == 0xE2 || b == 0xEF:
			c[b] = byte(b)
		case b < 0x20 && b != '\n', b == 0x7F:
			c[b] = byteBad
		}
	}
	return c
}()

const (
	byteOK  = 0
	byteBad = 1
)

// fastParser reads the text a line at a time.
type fastParser struct {
	text   string
	next   int    // offset of the line after the current one
	lineNo int    // number of the current line, from 1
	l      string // the current line, without its line break
	indent int    // spaces before its first character
	eof    bool

	colLine, colAt, col int // the last position asked for: line, byte, column
}

// advance moves to the next line that holds more than blanks or a comment.
func (p *fastParser) advance() {
	for p.next < len(p.text) {
		start := p.next
		end := strings.IndexByte(p.text[start:], '\n')
		if end < 0 {
			end = len(p.text)
			p.next = end
		} else {
			end += start
			p.next = end + 1
		}
		p.lineNo++
		l := p.text[start:end]
		i := skipSpaces(l, 0)
		if i == len(l) || l[i] == '#' {
			continue
		}
		p.l, p.indent = l, i
		return
	}
	p.l, p.indent, p.eof = "", 0, true
}

// pos is the position of byte i of the current line. Positions on a line
// are asked for left to right, so the characters are counted from the last
// one asked for.
func (p *fastParser) pos(i int) Pos {
	if p.colLine != p.lineNo || i < p.colAt {
		p.colLine, p.colAt, p.col = p.lineNo, 0, 1
	}
	p.col += utf8.RuneCountInString(p.l[p.colAt:i])
	p.colAt = i
	return Pos{Line: p.lineNo, Col: p.col}
}

func skipSpaces(l string, i int) int {
	for i < len(l) && l[i] == ' ' {
		i++
	}
	return i
}

// key reads a field name and its colon at byte i of the current line, and
// returns the name and the index after the colon.
func (p *fastParser) key(i int) (string, int, bool) {
	l := p.l
	j := i
	for j < len(l) && (l[j] >= 'a' && l[j] <= 'z' || l[j] >= 'A' && l[j] <= 'Z' || l[j] == '_') {
		j++
	}
	if j == i || j == len(l) || l[j] != ':' || j+1 < len(l) && l[j+1] != ' ' {
		return "", 0, false
	}
	return l[i:j], j + 1, true
}

// endLine checks that nothing but blanks or a comment follows byte i of the
// current line, and moves to the next line.
func (p *fastParser) endLine(i int) bool {
	j := skipSpaces(p.l, i)
	if j < len(p.l) && (p.l[j] != '#' || j == i) {
		return false
	}
	p.advance()
	return true
}

// fastList reads a block list of mappings of the entity's fields into dst,
// a *[]T: the value, on the lines that follow, of the key on the current
// line, which is indented by keyIndent. It returns where the list starts.
func (e *entitySpec[T]) fastList(p *fastParser, keyIndent int, dst any) (Pos, bool) {
	list := dst.(*[]T)
	p.advance()
	d := p.indent
	if p.eof || d < keyIndent || !isItem(p.l, d) {
		return Pos{}, false
	}
	start := p.pos(d)
	*list = make([]T, 0, p.items(d))
	for {
		var zero T
		*list = append(*list, zero)
		if !e.fastMapping(p, skipSpaces(p.l, d+2), &(*list)[len(*list)-1]) {
			return start, false
		}
		switch {
		case p.eof || p.indent < d:
			return start, true
		case p.indent > d:
			return start, false
		case !isItem(p.l, d):
			// a list at the key's own indentation ends at the next key
			return start, d == keyIndent
		}
	}
}

// fastMapping reads a mapping of the entity's fields into dst, a *T: a
// block mapping whose first key is at byte i of the current line, or a
// flow mapping whose "{" is there. At its end the parser is on the line
// after the mapping.
func (e *entitySpec[T]) fastMapping(p *fastParser, i int, dst any) bool {
	t := dst.(*T)
	m := p.mapAt(i)
	for m.next() {
		k := e.index(m.key)
		if k < 0 || !m.field(fieldBit(k)) {
			m.bad = true
			break
		}
		f := &e.fields[k]
		pos, ok := m.value(f.kind, f.at(t))
		if e.onValue != nil && !m.bad {
			e.onValue(t, k, pos, ok)
		}
	}
	ent := entityOf(t)
	ent.Pos, ent.Set = m.start, true
	return m.done(e.mandatory)
}

func isItem(l string, d int) bool { return d+1 < len(l) && l[d] == '-' && l[d+1] == ' ' }

// mapReader reads the fields of a mapping, block or flow, one at a time:
//
//	m := p.mapAt(i)
//	for m.next() { switch m.key { case "id": m.str(&x.ID, 1) … default: m.bad = true } }
//
// At its end the parser is on the line after the mapping.
type mapReader struct {
	p      *fastParser
	flow   bool
	indent int // of a block mapping's keys
	i      int // index in the current line
	start  Pos // of the first key
	begun  bool
	bad    bool
	key    string
	seen   uint64 // fields read, one bit each (fieldBit)
	// lineDone says that the last value took its lines with it: a nested
	// mapping or list leaves the parser on the line after it.
	lineDone bool
}

func (p *fastParser) mapAt(i int) mapReader {
	if i < len(p.l) && p.l[i] == '{' {
		return mapReader{p: p, flow: true, i: i + 1}
	}
	return mapReader{p: p, indent: i, i: i}
}

// next reads the next key; it returns false at the end of the mapping or
// on anything outside the subset (and then sets bad).
func (m *mapReader) next() bool {
	p := m.p
	if m.bad {
		return false
	}
	if m.flow {
		i := skipSpaces(p.l, m.i)
		if m.begun {
			if i < len(p.l) && p.l[i] == '}' {
				m.bad = !p.endLine(i + 1)
				return false
			}
			if i == len(p.l) || p.l[i] != ',' {
				m.bad = true
				return false
			}
			i = skipSpaces(p.l, i+1)
		}
		m.i = i
	} else if m.begun {
		if m.lineDone {
			m.lineDone = false
		} else if !p.endLine(m.i) {
			m.bad = true
			return false
		}
		if p.eof || p.indent < m.indent {
			return false
		}
		if p.indent > m.indent {
			m.bad = true
			return false
		}
		m.i = m.indent
	}
	key, j, ok := p.key(m.i)
	if !ok {
		m.bad = true
		return false
	}
	if !m.begun {
		m.start, m.begun = p.pos(m.i), true
	}
	m.key, m.i = key, j
	return true
}

// field marks a field read, refusing it a second time.
func (m *mapReader) field(bit uint64) bool {
	if m.seen&bit != 0 {
		m.bad = true
		return false
	}
	m.seen |= bit
	return true
}

// done reports whether the mapping was read whole with its required fields.
func (m *mapReader) done(required uint64) bool {
	return !m.bad && m.seen&required == required
}

func (m *mapReader) str(dst *str) {
	v, pos, end, _, ok := m.p.scalar(m.i, m.flow)
	if !ok {
		m.bad = true
		return
	}
	*dst = str{V: v, Pos: pos, Set: true}
	m.i = end
}

func (m *mapReader) boolean(dst *boolean) {
	v, pos, end, plain, ok := m.p.scalar(m.i, m.flow)
	if !ok || !plain || v != "true" && v != "false" {
		m.bad = true
		return
	}
	*dst = boolean{V: v == "true", Pos: pos, Set: true}
	m.i = end
}

func (m *mapReader) integer(dst *integer) {
	v, pos, end, plain, ok := m.p.scalar(m.i, m.flow)
	// plain decimal digits, no leading zero (octal to some readers), at
	// most nine of them
	if !ok || !plain || len(v) > 9 || len(v) > 1 && v[0] == '0' {
		m.bad = true
		return
	}
	n := 0
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			m.bad = true
			return
		}
		n = n*10 + int(v[i]-'0')
	}
	*dst = integer{V: n, Pos: pos, Set: true}
	m.i = end
}

func (m *mapReader) number(dst *number) {
	v, pos, end, plain, ok := m.p.scalar(m.i, m.flow)
	// plain decimal digits, with a fraction or not, no leading zero
	// (octal to some readers), at most nine digits on each side
	whole, frac, hasFrac := strings.Cut(v, ".")
	if !ok || !plain || !decimalDigits(whole) || hasFrac && !decimalDigits(frac) || len(whole) > 1 && whole[0] == '0' {
		m.bad = true
		return
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		m.bad = true
		return
	}
	*dst = number{V: f, Pos: pos, Set: true}
	m.i = end
}

func decimalDigits(s string) bool {
	if len(s) == 0 || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (m *mapReader) strList(dst *strList) {
	p := m.p
	i := skipSpaces(p.l, m.i)
	if i == len(p.l) || p.l[i] != '[' {
		m.bad = true
		return
	}
	list := strList{Pos: p.pos(i), Set: true}
	i = skipSpaces(p.l, i+1)
	if i < len(p.l) && p.l[i] == ']' {
		*dst, m.i = list, i+1
		return
	}
	for {
		v, pos, end, _, ok := p.scalar(i, true)
		if !ok {
			m.bad = true
			return
		}
		list.V = append(list.V, str{V: v, Pos: pos, Set: true})
		i = skipSpaces(p.l, end)
		if i < len(p.l) && p.l[i] == ',' {
			i++
			continue
		}
		if i < len(p.l) && p.l[i] == ']' {
			*dst, m.i = list, i+1
			return
		}
		m.bad = true
		return
	}
}

// indicators are the characters that give a scalar starting with them a
// meaning beyond its text, or that the subset leaves to the YAML library.
const indicators = "-?:,[]{}#&*!|>'\"%@`"

// scalar reads a one-line scalar after the blanks at byte i of the current
// line: its value, position and end, and whether it is plain. In a flow
// collection a plain scalar ends at ",", "]" or "}". An empty or null
// value, a colon that could start a mapping and brackets in plain text are
// all left to the YAML library.
func (p *fastParser) scalar(i int, flow bool) (v string, pos Pos, end int, plain, ok bool) {
	l := p.l
	i = skipSpaces(l, i)
	if i == len(l) {
		return "", Pos{}, 0, false, false
	}
	pos = p.pos(i)
	switch c := l[i]; {
	case c == '"':
		v, end, ok := doubleQuoted(l, i+1)
		if !ok {
			return "", Pos{}, 0, false, false
		}
		return v, pos, end, false, true
	case c == '\'':
		k := i + 1
		for {
			j := strings.IndexByte(l[k:], '\'')
			if j < 0 {
				return "", Pos{}, 0, false, false
			}
			k += j
			if k+1 < len(l) && l[k+1] == '\'' {
				k += 2 // '' is a quote mark
				continue
			}
			break
		}
		v = l[i+1 : k]
		if strings.Contains(v, "''") {
			v = strings.ReplaceAll(v, "''", "'")
		}
		return v, pos, k + 1, false, true
	case strings.IndexByte(indicators, c) >= 0:
		return "", Pos{}, 0, false, false
	}
	j := i
	for ; j < len(l); j++ {
		c := l[j]
		if c == '#' && l[j-1] == ' ' || flow && (c == ',' || c == ']' || c == '}') {
			break
		}
		if c == '[' || c == ']' || c == '{' || c == '}' || c == ':' && (flow || j+1 == len(l) || l[j+1] == ' ') {
			return "", Pos{}, 0, false, false
		}
	}
	if !flow && j == len(l) && l[j-1] == ' ' {
		// The YAML library places such a scalar as many columns to the
		// right as there are blanks after it; leave it the oddity.
		return "", Pos{}, 0, false, false
	}
	for l[j-1] == ' ' {
		j-- // the blanks before a comment or a comma are not the value's
	}
	v = l[i:j]
	switch v {
	case "null", "Null", "NULL", "~":
		return "", Pos{}, 0, false, false
	}
	return v, pos, j, true, true
}

// doubleQuoted reads a double-quoted scalar whose text starts at byte i of
// line l: its value and the byte after the closing quote mark. It reads the
// escapes that quotes copied from an article need (\\, \", \/, \n, \t,
// \xXX, \uXXXX, \UXXXXXXXX, for a printable character) and leaves every
// other, and a line that continues, to the YAML library.
func doubleQuoted(l string, i int) (string, int, bool) {
	j := strings.IndexAny(l[i:], `"\`)
	if j < 0 {
		return "", 0, false
	}
	if l[i+j] == '"' {
		return l[i : i+j], i + j + 1, true // no escape: the text itself
	}
	var b strings.Builder
	for k := i; k < len(l); {
		c := l[k]
		switch {
		case c == '"':
			return b.String(), k + 1, true
		case c != '\\':
			b.WriteByte(c)
			k++
			continue
		case k+1 == len(l):
			return "", 0, false // the scalar goes on to the next line
		}
		digits := 0
		switch e := l[k+1]; e {
		case '\\', '"', '/':
			b.WriteByte(e)
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'x':
			digits = 2
		case 'u':
			digits = 4
		case 'U':
			digits = 8
		default:
			return "", 0, false
		}
		k += 2
		if digits > 0 {
			if k+digits > len(l) {
				return "", 0, false
			}
			n, err := strconv.ParseUint(l[k:k+digits], 16, 32)
			r := rune(n)
			if err != nil || r < 0x20 || (r >= 0x7f && r < 0xa0) || !utf8.ValidRune(r) || r == 0xfffe || r == 0xffff {
				return "", 0, false
			}
			b.WriteRune(r)
			k += digits
		}
	}
	return "", 0, false // no closing quote mark
}

// items returns the number of items a block list at indentation d seems to
// hold, from the next line on: the lines that start with d blanks and "- ",
// up to the next line at the left margin that is not one. It is a hint for
// the capacity of the list, so that the list never grows: a slice past a
// few hundred items grows by a quarter at a time, and 100,000 claims of 450
// bytes each were copied about five times over.
func (p *fastParser) items(d int) int {
	n := 1 // the current line's
	for rest := p.text[p.next:]; len(rest) > 0; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] != ' ' && line[0] != '-' {
			break // the next section
		}
		if len(line) > d+1 && line[d] == '-' && line[d+1] == ' ' && strings.TrimLeft(line[:d], " ") == "" {
			n++
		}
	}
	return n
}

// value reads the value of the current key into dst, as the kind says,
// and returns where it starts and whether it has the kind's shape. Any
// value outside the subset sets bad.
func (m *mapReader) value(k valueKind, dst any) (Pos, bool) {
	switch k.read {
	case readText:
		m.str(dst.(*str))
		return dst.(*str).Pos, true
	case readBool:
		m.boolean(dst.(*boolean))
		return dst.(*boolean).Pos, true
	case readInt:
		m.integer(dst.(*integer))
		return dst.(*integer).Pos, true
	case readNumber:
		m.number(dst.(*number))
		return dst.(*number).Pos, true
	case readTextList:
		m.strList(dst.(*strList))
		return dst.(*strList).Pos, true
	}
	// A nested mapping or list, only in a block mapping: a flow mapping
	// inside a flow mapping is left to the YAML library.
	p := m.p
	j := skipSpaces(p.l, m.i)
	nested := j == len(p.l) || p.l[j] == '#' // the value starts on the next line
	if k.read == readList && !nested && !m.flow && p.l[j] == '[' {
		// An empty flow list ("relations: []") holds nothing to read: the
		// library reads it as a list of none. Any other flow list is left
		// to the library.
		if e := skipSpaces(p.l, j+1); e < len(p.l) && p.l[e] == ']' {
			m.i = e + 1
			return p.pos(j), true
		}
	}
	if m.flow || !nested && (k.read == readList || p.l[j] != '{') {
		m.bad = true
		return Pos{}, false
	}
	m.lineDone = true
	if k.read == readList {
		pos, ok := k.nested.fastList(p, m.indent, dst)
		m.bad = m.bad || !ok
		return pos, ok
	}
	var pos Pos
	if nested {
		p.advance()
		if p.eof || p.indent <= m.indent {
			m.bad = true
			return Pos{}, false
		}
		j = p.indent
		pos = p.pos(j) // a block mapping is where its first key is
	} else {
		pos = p.pos(j)
	}
	ok := k.nested.fastMapping(p, j, dst)
	m.bad = m.bad || !ok
	return pos, ok
}
