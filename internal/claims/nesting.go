package claims

import (
	"strings"

	"github.com/goccy/go-yaml/token"
)

// maxDepth bounds nesting. The annotation format is four levels deep; anything
// far deeper is not an annotation.
const maxDepth = 64

// The YAML parser's time and memory grow faster than linearly with nesting
// (100,000 brackets took 28 s and 15 GB), so a file far deeper than any
// annotation is refused before it is parsed, twice over: checkNesting reads
// the text in one pass and constant memory and catches every common form,
// and tokenNesting measures the YAML library's own tokens, which its parser
// is about to read, and catches whatever the text hides from a reading that
// is not the library's (a quoted scalar over several lines, say).

// checkNesting estimates how deeply a YAML text nests, from its indentation,
// its "- " and "? " indicators and its flow brackets, and returns the
// position where it first goes past maxDepth. Text in quotes and comments is
// skipped; a bracket counts wherever a flow collection can start (after
// indentation, "---", ": ", "- ", "? ", a tag, an anchor or a quoted key's
// colon) and anywhere inside a flow collection, where plain text cannot
// hold one.
func checkNesting(text string) (Pos, bool) {
	var indents [maxDepth + 1]int // indentation of the enclosing block levels
	levels := 0
	flow := 0 // open flow brackets
	line := 0
	for len(text) > 0 {
		line++
		var l string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			l, text = text, ""
		}
		trimmed := strings.TrimLeft(l, " ")
		if flow == 0 && trimmed != "" && trimmed[0] != '#' && trimmed != "\r" {
			indent := len(l) - len(trimmed)
			for levels > 0 && indents[levels-1] > indent {
				levels--
			}
			if levels == 0 || indents[levels-1] < indent {
				indents[levels] = indent
				levels++
			}
		}
		depth := levels
		var quote byte
		canOpen := true // at a node's start: after indentation, ": ", "- ", "[", "{" or ","
		markers := true // only "- " and "? " indicators so far on this line
		closed := false // just after a quoted scalar
		for i := len(l) - len(trimmed); i < len(l); i++ {
			c := l[i]
			if quote != 0 {
				switch {
				case c == '\\' && quote == '"':
					i++ // an escaped character, \" among them
				case c == quote:
					quote, closed = 0, true
				}
				continue
			}
			spaceAfter := i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\r'
			wasClosed := closed
			closed = false
			switch {
			case c == ' ':
				closed = wasClosed
				continue
			case c == '#' && (i == 0 || l[i-1] == ' '):
				i = len(l) // a comment runs to the end of the line
				continue
			case (c == '-' || c == '?') && spaceAfter && markers:
				depth++ // "- - x" nests a sequence in a sequence; "? " a key
				canOpen = true
				continue
			case c == '-' && markers && i == 0 && strings.HasPrefix(l, "---") && (len(l) == 3 || l[3] == ' '):
				i += 2 // a document's start: its node may follow on the line
				canOpen = true
				continue
			case (c == '!' || c == '&') && canOpen:
				// a tag or an anchor: the node follows it
				for i+1 < len(l) && l[i+1] != ' ' {
					i++
				}
				continue
			case (c == '\'' || c == '"') && canOpen:
				// a quoted scalar starts where a node can; an apostrophe
				// inside plain text ("Sony's") starts nothing, and taken
				// for a quote it hid the "}" that closes the line's flow
				// mapping: 64 such lines made a file "too deep"
				quote = c
			case c == '[' || c == '{':
				if !canOpen && flow == 0 {
					break // plain text in a block: "see [1]"
				}
				flow++
				canOpen = true
				if depth+flow > maxDepth {
					return Pos{Line: line, Col: 1 + len([]rune(l[:i]))}, false
				}
				markers = false
				continue
			case (c == ']' || c == '}') && flow > 0:
				flow--
			case c == ':' && (spaceAfter || flow > 0 || wasClosed), c == ',' && flow > 0:
				canOpen = true
				markers = false
				continue
			}
			if quote == 0 {
				canOpen = false
			}
			markers = false
		}
		if depth+flow > maxDepth {
			return Pos{Line: line, Col: 1}, false
		}
	}
	return Pos{}, true
}

// tokenNesting measures the nesting of the YAML library's tokens and returns
// the position of the first token past maxDepth. Flow brackets count one
// level each; block levels are the increasing columns of the tokens that
// start a line or follow a "- " or "? " indicator.
func tokenNesting(tokens token.Tokens) (Pos, bool) {
	var cols [maxDepth + 1]int // columns of the enclosing block levels
	blocks, flow := 0, 0
	line, afterIndicator := 0, false
	for _, tk := range tokens {
		if tk == nil || tk.Position == nil {
			continue
		}
		p := tk.Position
		switch tk.Type {
		case token.CommentType:
			continue
		case token.DocumentHeaderType, token.DocumentEndType:
			blocks, flow, afterIndicator = 0, 0, false
			line = p.Line
			continue
		}
		if flow == 0 && (p.Line != line || afterIndicator) {
			for blocks > 0 && cols[blocks-1] > p.Column {
				blocks--
			}
			if blocks == 0 || cols[blocks-1] < p.Column {
				cols[blocks] = p.Column
				blocks++
			}
		}
		line = p.Line
		afterIndicator = flow == 0 && (tk.Type == token.SequenceEntryType || tk.Type == token.MappingKeyType)
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			if flow > 0 {
				flow--
			}
		}
		if blocks+flow > maxDepth {
			return Pos{Line: p.Line, Col: p.Column}, false
		}
	}
	return Pos{}, true
}
