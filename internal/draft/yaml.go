package draft

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"counterpoint/internal/claims"
)

// YAML writes the draft as an annotation in the bundled format, its article
// named articleFile (relative to the annotation). Comments say that it is a
// machine draft, what to check first, and for each item the rule, the
// confidence and the words it relied on.
func (d *Draft) YAML(articleFile string) []byte {
	var b strings.Builder
	size := 4096 + 200*len(d.Speakers) + 150*len(d.Topics) + 150*len(d.Relations)
	for _, c := range d.Claims {
		size += 300 + len(c.Text) + c.Content.End - c.Content.Start + c.Mention.End - c.Mention.Start
		if c.Mode == claims.ModeParaphrase {
			size += c.Passage.End - c.Passage.Start
		}
	}
	b.Grow(size + size/8) // one allocation: a 1 MB article's draft is 4 MB of YAML
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# yaml-language-server: $schema=claims.schema.json\n#\n")
	w("# A MACHINE DRAFT, made by `counterpoint draft` from %s.\n", comment(articleFile))
	w("# It found %s by %s, %s and %s. Nothing here is checked by a person yet:\n",
		counted(len(d.Claims), "claim"), counted(len(d.Speakers), "speaker"), counted(len(d.Relations), "relation"), counted(len(d.Topics), "proposed topic"))
	w("# every passage is copied from the article, so the file loads, but who said\n")
	w("# what, the roles and the topics are the draft's guesses.\n#\n")
	w("# Check first:\n")
	for _, line := range d.checkFirst() {
		w("#   - %s\n", comment(line))
	}
	w("#\n# Each claim's comment gives its paragraph, the rule that found it, its\n")
	w("# confidence (0-1), the words naming the speaker and the cue it relied on.\n\n")

	w("article:\n  title: %s\n  file: %s\n\n", quoteYAML(orDefault(oneLine(d.Title), "Untitled article")), quoteYAML(articleFile))

	w("speakers:\n")
	for _, s := range d.Speakers {
		w("  - id: %s\n    name: %s\n    role: %s\n    kind: %s\n", s.ID, quoteYAML(s.Name), quoteYAML(s.Role), s.Kind)
		if len(s.Aliases) > 0 {
			var as []string
			for _, a := range s.Aliases {
				if a = oneLine(a); a != "" && a != s.Name {
					as = append(as, quoteYAML(a))
				}
			}
			if len(as) > 0 {
				w("    aliases: [%s]\n", strings.Join(as, ", "))
			}
		}
		if s.Principal {
			w("    principal: true\n")
		}
	}
	w("\ntopics:\n")
	for _, t := range d.Topics {
		w("  - id: %s\n    label: %s\n    description: %s\n", t.ID, quoteYAML(t.Label), quoteYAML(t.Description))
	}
	w("\nclaims:\n")
	for _, c := range d.Claims {
		w("  # ¶%d · %s · confidence %.2f", c.Paragraph, c.Rule, c.Confidence)
		if c.Mention.End > c.Mention.Start {
			w(" · speaker %s", comment(strconv.Quote(d.Text[c.Mention.Start:c.Mention.End])))
		} else {
			w(" · no mention of the speaker")
		}
		if c.Cue.End > c.Cue.Start {
			w(" · cue %s", comment(strconv.Quote(d.Text[c.Cue.Start:c.Cue.End])))
		}
		w("\n")
		w("  - id: %s\n    speaker: %s\n    mode: %s\n    text: %s\n", c.ID, c.Speaker.ID, c.Mode, quoteYAML(c.Text))
		if c.Mode == claims.ModeParaphrase {
			w("    source: %s\n", quoteYAML(d.Text[c.Passage.Start:c.Passage.End]))
		}
		if c.Occurrence > 0 {
			w("    occurrence: %d\n", c.Occurrence)
		}
		ids := make([]string, len(c.Topics))
		for i, t := range c.Topics {
			ids[i] = t.ID
		}
		w("    topics: [%s]\n", strings.Join(ids, ", "))
		if v := oneLine(c.Venue); v != "" {
			w("    venue: %s\n", quoteYAML(v))
		}
		if v := oneLine(c.When); v != "" {
			w("    when: %s\n", quoteYAML(v))
		}
		if c.ReportedBy != nil {
			w("    reported_by: %s\n", c.ReportedBy.ID)
		}
		w("    draft:\n      rule: %s\n      confidence: %.2f\n", c.Rule, c.Confidence)
		for _, f := range []struct {
			name string
			s    Span
		}{{"content", c.Content}, {"mention", c.Mention}, {"cue", c.Cue}} {
			if f.s.End > f.s.Start {
				w("      %s: %s\n", f.name, quoteYAML(d.Text[f.s.Start:f.s.End]))
			}
		}
	}
	if len(d.Relations) > 0 {
		w("\nrelations:\n")
		for _, r := range d.Relations {
			w("  - from: %s\n    to: %s\n    kind: %s\n    explicit: true\n    note: %s\n", r.From.ID, r.To.ID, r.Kind, quoteYAML(oneLine(r.Note)))
		}
	}
	return []byte(b.String())
}

// checkFirst lists what a person should check before anything else.
func (d *Draft) checkFirst() []string {
	var out []string
	if len(d.Claims) == 0 {
		return []string{"the draft found no statement; annotate one by hand (see the README's format section)"}
	}
	low := append([]*Claim(nil), d.Claims...)
	sort.SliceStable(low, func(i, j int) bool { return low[i].Confidence < low[j].Confidence })
	var ids []string
	for _, c := range low {
		if c.Confidence >= 0.7 || len(ids) == 8 {
			break
		}
		ids = append(ids, fmt.Sprintf("%s (%.2f)", c.ID, c.Confidence))
	}
	if len(ids) > 0 {
		out = append(out, "the least confident claims: "+strings.Join(ids, ", "))
	}
	if d.Repeats > 0 {
		out = append(out, fmt.Sprintf("%d more claims were left out: each repeats a passage already drafted %d times", d.Repeats, maxRepeats))
	}
	out = append(out, "the speakers: names, roles and kinds, and that no one is split in two or two merged")
	if len(d.Relations) > 0 {
		out = append(out, "the relations: each links a claim to the one its cue seems to answer")
	}
	out = append(out, "the topics: proposed from shared words; rename or merge them")
	out = append(out, "statements the draft missed: it finds speech, not every opinion an article reports")
	return out
}

func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// quoteYAML is the format's own quoting (see claims.QuoteYAML), which an
// edit in the explorer writes too.
func quoteYAML(s string) string { return claims.QuoteYAML(s) }

// comment makes text safe in a YAML comment: one line of printable text.
func comment(s string) string {
	s = oneLine(s)
	return strings.Map(func(r rune) rune {
		if !unicode.IsPrint(r) {
			return ' '
		}
		return r
	}, s)
}

// Model loads the draft's YAML as the loader would load it from disk, with
// the article read from memory: the proof that the draft is sound.
func (d *Draft) Model(name, articleFile string) (*claims.Model, error) {
	text := d.Text
	return claims.Load(name, d.YAML(articleFile), func(rel string) (string, []byte, error) {
		return rel, []byte(text), nil
	})
}
