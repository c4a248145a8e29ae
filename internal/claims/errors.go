package claims

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// Pos is a position in a file: 1-based line and column (columns count
// characters, as editors do). A zero Pos means the problem concerns the file
// as a whole.
type Pos struct {
	Line, Col int
}

// Problem is one thing wrong with an annotation: where, what, and how to fix it.
type Problem struct {
	File string // the file the position refers to (annotation or article)
	Pos  Pos
	Msg  string // what is wrong, one line
	Fix  string // how to fix it; may hold several lines of detail
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Pos.Line, p.Pos.Col)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	return b.String()
}

// LoadError holds every problem found while loading an annotation, in file
// order. Loading never stops at the first problem: a person fixing a file
// wants the whole list at once.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0].String()
	}
	return fmt.Sprintf("%s (and %d more problems)", e.Problems[0].String(), len(e.Problems)-1)
}

// Detail renders every problem with its fix, one block per problem, capped at
// max problems (0 means no cap) so that a generator gone wrong cannot flood a
// terminal.
func (e *LoadError) Detail(max int) string {
	var b strings.Builder
	shown := e.Problems
	if max > 0 && len(shown) > max {
		shown = shown[:max]
	}
	for _, p := range shown {
		b.WriteString(p.String())
		b.WriteByte('\n')
		if p.Fix != "" {
			for _, line := range strings.Split(p.Fix, "\n") {
				b.WriteString("    ")
				b.WriteString(line)
				b.WriteByte('\n')
			}
		}
	}
	if len(shown) < len(e.Problems) {
		fmt.Fprintf(&b, "… and %d more problems not shown (%d in all)\n", len(e.Problems)-len(shown), len(e.Problems))
	} else if len(e.Problems) > 1 {
		fmt.Fprintf(&b, "%d problems\n", len(e.Problems))
	}
	return b.String()
}

// maxProblems bounds how many problems one load collects. Past it, loading
// stops collecting and says so: the list is for a person, and the first
// thousand say all there is to say about a broken generator.
const maxProblems = 1000

// problems collects problems for one load.
type problems struct {
	file  string
	list  []Problem
	extra int // problems dropped past maxProblems

	ids map[uintptr][]string // sortedIDs, by table
}

// full reports whether the next problem will only be counted: a caller may
// then spare itself the work of explaining it.
func (ps *problems) full() bool { return len(ps.list) >= maxProblems }

// sortedIDs returns the ids of a table, sorted, for suggestions; sorted once
// per table, not once per dangling reference.
func sortedIDs[T any](ps *problems, table map[string]*T) []string {
	key := reflect.ValueOf(table).Pointer()
	if ids, ok := ps.ids[key]; ok {
		return ids
	}
	ids := slices.Sorted(maps.Keys(table))
	if ps.ids == nil {
		ps.ids = map[uintptr][]string{}
	}
	ps.ids[key] = ids
	return ids
}

func (ps *problems) add(pos Pos, fix, format string, args ...any) {
	ps.addIn(ps.file, pos, fix, format, args...)
}

func (ps *problems) addIn(file string, pos Pos, fix, format string, args ...any) {
	if len(ps.list) >= maxProblems {
		ps.extra++
		return
	}
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = echo(s)
		}
	}
	ps.list = append(ps.list, Problem{File: file, Pos: pos, Msg: fmt.Sprintf(format, args...), Fix: fix})
}

// maxEcho is how many characters of a value from the file a message repeats:
// a 10,000-character id was echoed whole, in every problem that named it.
const maxEcho = 120

// echo is s for a message, cut after maxEcho characters.
func echo(s string) string {
	if len(s) <= maxEcho {
		return s
	}
	n := 0
	for i := range s {
		if n == maxEcho {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	list := ps.list
	// Problems are found pass by pass (structure, then references, then
	// anchoring); a reader wants them in file order.
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.File != b.File {
			return a.File == ps.file // the annotation first, then its article
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Pos.Col < b.Pos.Col
	})
	if ps.extra > 0 {
		list = append(list, Problem{File: ps.file, Msg: fmt.Sprintf("stopped after %d problems; %d more were not listed", maxProblems, ps.extra),
			Fix: "fix the problems above and validate again"})
	}
	return &LoadError{Problems: list}
}
