package claims

import "strings"

// maxDepth bounds nesting. The annotation format is four levels deep; anything
// far deeper is not an annotation.
const maxDepth = 64

// checkNesting estimates how deeply a YAML text nests, from its indentation,
// its "- " markers and its flow brackets, and returns the position where it
// first goes past maxDepth. The YAML parser's time and memory grow faster
// than linearly with nesting (thousands of levels take seconds and hundreds
// of megabytes), so a file far deeper than any annotation is refused before
// it is parsed. The estimate errs on the side of counting fewer levels: text
// in quotes and comments is skipped, and a bracket counts only where a flow
// collection can start.
func checkNesting(text string) (Pos, bool) {
	var indents []int // indentation of the enclosing block levels
	flow := 0         // open flow brackets
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
			for len(indents) > 0 && indents[len(indents)-1] > indent {
				indents = indents[:len(indents)-1]
			}
			if len(indents) == 0 || indents[len(indents)-1] < indent {
				indents = append(indents, indent)
			}
		}
		depth := len(indents)
		var quote byte
		canOpen := flow > 0 // at a value position: after ": ", "- ", "[", "{" or ","
		markers := true     // only "- " markers so far on this line
		for i := len(l) - len(trimmed); i < len(l); i++ {
			c := l[i]
			if quote != 0 {
				if c == quote {
					quote = 0
				}
				continue
			}
			spaceAfter := i+1 == len(l) || l[i+1] == ' '
			switch {
			case c == ' ':
				continue
			case c == '#' && (i == 0 || l[i-1] == ' '):
				i = len(l) // a comment runs to the end of the line
				continue
			case c == '-' && spaceAfter && markers:
				depth++ // "- - x" nests a sequence in a sequence
				canOpen = true
				continue
			case (c == '\'' || c == '"') && (canOpen || markers):
				// a quoted scalar starts where a value or a key can; an
				// apostrophe inside plain text ("Sony's") starts nothing,
				// and taken for a quote it hid the "}" that closes the
				// line's flow mapping: 64 such lines made a file "too deep"
				quote = c
			case (c == '[' || c == '{') && canOpen:
				flow++
				if depth+flow > maxDepth {
					return Pos{Line: line, Col: 1 + len([]rune(l[:i]))}, false
				}
			case (c == ']' || c == '}') && flow > 0:
				flow--
			case c == ':' && spaceAfter, c == ',' && flow > 0:
				canOpen = true
			default:
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
