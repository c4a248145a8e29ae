// Package phrase says the model in words a reader understands: counts, a
// claim's words and who said them, and each kind of answer as a verb and in
// plain words. The listings (internal/export) and the explorer
// (internal/tui) both say things this way, so that they say them alike.
package phrase

import (
	"fmt"
	"strings"

	"counterpoint/internal/claims"
)

// Count says "1 claim", "2 claims".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Attribution names a claim's speaker, and the intermediary if any:
// "North Korea, via KCNA".
func Attribution(c *claims.Claim) string {
	s := c.Speaker.Name
	if c.ReportedBy != nil {
		s += ", via " + c.ReportedBy.Name
	}
	return s
}

// Words renders the claim's words as a reader should see them: quotes in
// quote marks, paraphrases plainly marked.
func Words(c *claims.Claim) string {
	if c.Mode == claims.ModeQuote {
		return "“" + c.Text + "”"
	}
	return "(paraphrase) " + c.Text
}

// Circumstances lists venue and time where the annotation gives them:
// "CNN interview · Friday night".
func Circumstances(c *claims.Claim) string {
	var parts []string
	if c.Venue != "" {
		parts = append(parts, c.Venue)
	}
	if c.When != "" {
		parts = append(parts, c.When)
	}
	return strings.Join(parts, " · ")
}

// Active is a relation kind as a verb before its object: "rebuts",
// "responds to".
func Active(kind string) string {
	if kind == "responds" {
		return "responds to"
	}
	return kind
}

// Passive is a relation kind in its passive form, for "answered by" lines:
// "rebuts" → "rebutted".
func Passive(kind string) string {
	switch kind {
	case "rebuts":
		return "rebutted"
	case "denies":
		return "denied"
	case "contradicts":
		return "contradicted"
	case "qualifies":
		return "qualified"
	case "supports":
		return "supported"
	case "responds":
		return "answered"
	case claims.KindRestates:
		return "restated"
	}
	return kind
}

// Meaning says in plain words what a kind of answer does.
func Meaning(kind string) string {
	return meanings[kind]
}

var meanings = map[string]string{
	"rebuts":      "argues the other is wrong",
	"denies":      "says it did not happen",
	"contradicts": "states the opposite fact",
	"qualifies":   "adds a limit or a caveat",
	"supports":    "backs the other up",
	"responds":    "answers without taking a side",
	"restates":    "reports the same statement",
}

// Shown says in a word whether the article shows the answer: "explicit",
// or "inferred" when it is the annotator's reading.
func Shown(r *claims.Relation) string {
	if r.Explicit {
		return "explicit"
	}
	return "inferred"
}

// ShownAtLength says it at more length: "explicit reply", "inferred by the
// annotator".
func ShownAtLength(r *claims.Relation) string {
	if r.Explicit {
		return "explicit reply"
	}
	return "inferred by the annotator"
}
