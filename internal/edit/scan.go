package edit

import (
	"fmt"
	"strconv"
	"strings"
)

// The scanner reads the layout of an annotation, not its meaning: where each
// top-level section, each item of a section and each field of an item lies,
// line by line. The loader has already said what the values mean; the
// scanner only has to say which bytes to replace so that an edit touches
// the lines it changes and nothing else. It reads block-style YAML (the
// style of the bundled annotation and of `counterpoint draft`) and refuses
// the layouts it cannot splice safely, so that nothing is ever spliced by
// guesswork.

// lineKind tells blank lines and comments from content.
type lineKind int

const (
	blankLine lineKind = iota
	commentLine
	contentLine
)

// line is one line of the text.
type line struct {
	start, end int // end is past the line's newline (or the end of the text)
	indent     int // spaces before the first other character
	kind       lineKind
}

// field is one `key: value` of an item, with the lines its value continues on.
type field struct {
	key       string
	at        int    // where the key starts: past "- " on an item's first line
	lineStart int    // where the key's line starts
	end       int    // past the newline of the value's last line
	raw       string // what follows the colon on the key's line
}

// item is one entry of a section's list: its leading comments and blank
// lines (which belong to it, not to the item before), then the line of its
// dash, then its fields.
type item struct {
	lead, body, end int // lead: first leading line; body: the dash's line; end: past its last line
	leadLine        int // index of the first leading line
	bodyLine        int // index of the dash's line
	keyIndent       int // the column of its keys
	flow            bool
	flowText        string // an item written in flow style: its text
	fields          []field
}

// field returns the item's field with the key, or nil.
func (it *item) field(key string) *field {
	for i := range it.fields {
		if it.fields[i].key == key {
			return &it.fields[i]
		}
	}
	return nil
}

// value is the plain value of a field or, for an item written in flow
// style, of its key (ids only are read this way).
func (it *item) value(key string) string {
	if it.flow {
		return flowValue(it.flowText, key)
	}
	if f := it.field(key); f != nil {
		return scalarValue(f.raw)
	}
	return ""
}

// section is a top-level key and, for a list, its items.
type section struct {
	name      string
	line      int // index of the header's line
	start     int // where the header's line starts
	headerEnd int // past the header's line
	end       int // past the section's last content line
	emptyFlow bool
	dash      int // the dashes' column, -1 when there are no items
	items     []item
	fields    []field // for a mapping (the article)
}

// layout is the scanned text.
type layout struct {
	text     string
	lines    []line
	sections map[string]*section
	order    []*section
}

// listSections are the sections that hold lists of mappings.
var listSections = map[string]bool{"speakers": true, "topics": true, "claims": true, "relations": true}

// layoutError says why a file cannot be edited in place.
type layoutError struct {
	line int // 1-based; 0 for the file as a whole
	why  string
}

func (e *layoutError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("%s (line %d)", e.why, e.line)
	}
	return e.why
}

func refuse(i int, format string, args ...any) error {
	return &layoutError{line: i + 1, why: fmt.Sprintf(format, args...)}
}

// scan reads the layout of text.
func scan(text string) (*layout, error) {
	l := &layout{text: text, sections: map[string]*section{}}
	if err := l.splitLines(); err != nil {
		return nil, err
	}
	var tops []int // indexes of the top-level keys' lines
	for i, ln := range l.lines {
		if ln.kind == contentLine && ln.indent == 0 && !isDash(l.content(i)) {
			tops = append(tops, i)
		}
	}
	for k, i := range tops {
		next := len(l.lines)
		if k+1 < len(tops) {
			next = tops[k+1]
		}
		s, err := l.section(i, next)
		if err != nil {
			return nil, err
		}
		l.sections[s.name] = s
		l.order = append(l.order, s)
	}
	return l, nil
}

// splitLines cuts the text in lines and classifies them, refusing what the
// scanner cannot read: tabs in indentation, carriage returns, and several
// documents in one file.
func (l *layout) splitLines() error {
	text := l.text
	start := 0
	if strings.HasPrefix(text, "\xef\xbb\xbf") {
		start = 3
	}
	for i := 0; start < len(text); i++ {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start + 1
		}
		body := strings.TrimSuffix(text[start:end], "\n")
		if strings.Contains(body, "\r") {
			return refuse(i, "it has Windows (CRLF) line endings")
		}
		trimmed := strings.TrimLeft(body, " ")
		if strings.HasPrefix(trimmed, "\t") {
			return refuse(i, "it indents with a tab")
		}
		if body == "---" || strings.HasPrefix(body, "--- ") || body == "..." || strings.HasPrefix(body, "%") {
			return refuse(i, "it holds a document marker or directive")
		}
		ln := line{start: start, end: end, indent: len(body) - len(trimmed), kind: contentLine}
		switch {
		case strings.TrimSpace(trimmed) == "":
			ln.kind = blankLine
		case trimmed[0] == '#':
			ln.kind = commentLine
		}
		l.lines = append(l.lines, ln)
		start = end
	}
	return nil
}

// content is line i without its indentation and newline.
func (l *layout) content(i int) string {
	ln := l.lines[i]
	return strings.TrimSuffix(l.text[ln.start+ln.indent:ln.end], "\n")
}

func isDash(s string) bool { return s == "-" || strings.HasPrefix(s, "- ") }

// keyOf splits `key: value` (or `key:`) into its key and what follows the
// colon; ok is false for anything else.
func keyOf(s string) (key, rest string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 || (i+1 < len(s) && s[i+1] != ' ') {
		return "", "", false
	}
	key = s[:i]
	if strings.ContainsAny(key, " \"'{}[],#&*!|>%@`") {
		return "", "", false
	}
	return key, s[i+1:], true
}

// section reads the section whose header is line i, up to line next.
func (l *layout) section(i, next int) (*section, error) {
	key, rest, ok := keyOf(l.content(i))
	if !ok {
		return nil, refuse(i, "its top-level line is not a plain `key:`")
	}
	s := &section{name: key, line: i, start: l.lines[i].start, headerEnd: l.lines[i].end, dash: -1}
	s.end = s.headerEnd
	value := stripComment(rest)
	isList := listSections[key]
	switch {
	case isList && value == "[]":
		s.emptyFlow = true
		return s, nil
	case isList && value != "":
		return nil, refuse(i, "its %s section is written in flow style", key)
	case value != "":
		return s, nil // a scalar, or a flow mapping: nothing of it is edited
	}
	if !isList {
		return s, l.mapping(s, i+1, next)
	}
	return s, l.list(s, i+1, next)
}

// mapping reads the fields of a top-level mapping (the article).
func (l *layout) mapping(s *section, from, next int) error {
	indent := -1
	var cur *field
	for i := from; i < next; i++ {
		ln := l.lines[i]
		if ln.kind != contentLine {
			continue
		}
		if indent < 0 {
			indent = ln.indent
		}
		switch {
		case ln.indent == indent:
			key, rest, ok := keyOf(l.content(i))
			if !ok {
				return refuse(i, "a line of its %s section is not a `key: value`", s.name)
			}
			s.fields = append(s.fields, field{key: key, at: ln.start + ln.indent, lineStart: ln.start, end: ln.end, raw: rest})
			cur = &s.fields[len(s.fields)-1]
		case ln.indent > indent && cur != nil:
			cur.end = ln.end
		default:
			return refuse(i, "its %s section is indented unevenly", s.name)
		}
		s.end = ln.end
	}
	return nil
}

// list reads the items of a section that is a list of mappings.
func (l *layout) list(s *section, from, next int) error {
	pending := -1 // first comment or blank line since the last content
	var cur *item
	var f *field // the field being read
	for i := from; i < next; i++ {
		ln := l.lines[i]
		if f != nil && (ln.kind == blankLine || ln.indent > cur.keyIndent) {
			if ln.kind == contentLine || (ln.kind == commentLine && literal(f)) {
				f.end, cur.end, pending = ln.end, ln.end, -1
			} else if pending < 0 {
				pending = i
			}
			continue
		}
		if ln.kind != contentLine {
			if pending < 0 {
				pending = i
			}
			continue
		}
		text := l.content(i)
		switch {
		case s.dash < 0 && !isDash(text):
			return refuse(i, "its %s section is not a list", s.name)
		case s.dash < 0 || (ln.indent == s.dash && isDash(text)):
			s.dash = ln.indent
			it, err := l.startItem(s, i, pending)
			if err != nil {
				return err
			}
			s.items = append(s.items, it)
			cur = &s.items[len(s.items)-1]
			f = nil
			if !cur.flow {
				f = &cur.fields[0]
			}
		case cur.flow && ln.indent > s.dash:
			cur.end = ln.end
		case ln.indent == cur.keyIndent:
			key, rest, ok := keyOf(text)
			if !ok {
				return refuse(i, "a line of its %s section is not a `key: value`", s.name)
			}
			cur.fields = append(cur.fields, field{key: key, at: ln.start + ln.indent, lineStart: ln.start, end: ln.end, raw: rest})
			f = &cur.fields[len(cur.fields)-1]
			cur.end = ln.end
		default:
			return refuse(i, "its %s section is indented in a way the editor cannot follow", s.name)
		}
		pending = -1
	}
	if cur != nil {
		s.end = cur.end
	}
	for k := range s.items {
		if it := &s.items[k]; it.flow {
			it.flowText = l.text[it.body:it.end]
		}
	}
	return nil
}

// startItem reads the dash's line of an item, line i; its leading comments
// start at line pending (or none, -1).
func (l *layout) startItem(s *section, i, pending int) (item, error) {
	ln := l.lines[i]
	text := l.content(i)
	if text == "-" {
		return item{}, refuse(i, "an item of its %s section has its dash alone on a line", s.name)
	}
	after := strings.TrimLeft(text[1:], " ")
	it := item{lead: ln.start, body: ln.start, end: ln.end, leadLine: i, bodyLine: i}
	if pending >= 0 {
		it.lead, it.leadLine = l.lines[pending].start, pending
	}
	it.keyIndent = ln.indent + len(text) - len(after)
	if strings.HasPrefix(after, "{") {
		it.flow = true
		return it, nil
	}
	key, rest, ok := keyOf(after)
	if !ok {
		return item{}, refuse(i, "an item of its %s section is not a mapping", s.name)
	}
	it.fields = []field{{key: key, at: ln.start + it.keyIndent, lineStart: ln.start, end: ln.end, raw: rest}}
	return it, nil
}

// literal reports whether a field's value may hold lines that look like
// comments but are not: a block scalar, a quoted scalar or a flow
// collection that runs over several lines.
func literal(f *field) bool {
	v := strings.TrimSpace(f.raw)
	return v != "" && strings.ContainsRune("|>\"'[{", rune(v[0]))
}

// stripComment removes a comment after a plain value and trims it.
func stripComment(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "#") {
		return ""
	}
	if i := strings.Index(s, " #"); i >= 0 && !strings.ContainsAny(s[:1], "\"'") {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// scalarValue reads a one-line scalar, as ids and keys are written: plain,
// double-quoted or single-quoted.
func scalarValue(raw string) string {
	s := strings.TrimSpace(raw)
	switch {
	case strings.HasPrefix(s, "\""):
		if end := closingQuote(s); end > 0 {
			if v, err := strconv.Unquote(s[:end+1]); err == nil {
				return v
			}
		}
		return s
	case strings.HasPrefix(s, "'"):
		if end := strings.LastIndexByte(s, '\''); end > 0 {
			return strings.ReplaceAll(s[1:end], "''", "'")
		}
		return s
	}
	return stripComment(s)
}

// closingQuote finds the quote mark that closes a double-quoted scalar.
func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// flowValue reads key's value from an item written as a flow mapping,
// such as `- {from: c1, to: c2, kind: rebuts}`: enough to find an item by
// its ids. It is read when asked for, not at every scan: a file of
// 10,000 claims has 30,000 relations.
func flowValue(text, key string) string {
	for at := 0; ; {
		i := strings.Index(text[at:], key+":")
		if i < 0 {
			return ""
		}
		i += at
		at = i + 1
		before := strings.TrimRight(text[:i], " ")
		if before == "" || (!strings.HasSuffix(before, "{") && !strings.HasSuffix(before, ",")) {
			continue
		}
		v := strings.TrimLeft(text[i+len(key)+1:], " ")
		if strings.HasPrefix(v, "\"") {
			if end := closingQuote(v); end > 0 {
				return scalarValue(v[:end+1])
			}
			return ""
		}
		if end := strings.IndexAny(v, ",}"); end >= 0 {
			v = v[:end]
		}
		return scalarValue(v)
	}
}
