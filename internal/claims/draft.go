package claims

import "strings"

// Draft is the provenance of a claim that `counterpoint draft` found and no
// person has checked yet: the rule that found it, how sure it is, and the
// words of the article it relied on, each a span of the article text (empty
// when not given).
type Draft struct {
	Rule       string
	Confidence float64 // from 0 to 1
	Content    Span    // exactly the words attributed
	Mention    Span    // the words naming the speaker
	Cue        Span    // the verb or phrase of saying
}

// DraftReach is how far from a claim's passage the words its draft relied
// on may stand: a quotation continued on a new paragraph relies on the
// mention of its speaker a paragraph or two before.
const DraftReach = 4096

// NearestOccurrence finds the occurrence of words in text nearest the
// passage: inside or overlapping it first (the earliest such), else the
// one with the shortest gap, the earlier on a tie; at most DraftReach bytes
// away. This is how a draft's words are anchored.
func NearestOccurrence(text string, passage Span, words string) (Span, bool) {
	n := len(words)
	if n == 0 || passage.Start < 0 || passage.End > len(text) || passage.Start > passage.End {
		return Span{}, false
	}
	// inside or overlapping the passage: the earliest
	lo, hi := max(0, passage.Start-n+1), min(len(text), passage.End+n-1)
	if i := strings.Index(text[lo:hi], words); i >= 0 {
		return Span{Start: lo + i, End: lo + i + n}, true
	}
	// else the nearest before and the nearest after, the earlier on a tie
	best, gap := -1, DraftReach+1
	if b := strings.LastIndex(text[max(0, passage.Start-DraftReach-n):min(len(text), passage.Start+n-1)], words); b >= 0 {
		s := max(0, passage.Start-DraftReach-n) + b
		best, gap = s, passage.Start-(s+n)
	}
	if from := max(0, passage.End-n+1); from < len(text) {
		if a := strings.Index(text[from:min(len(text), passage.End+DraftReach+n)], words); a >= 0 {
			if g := from + a - passage.End; g < gap {
				best, gap = from+a, g
			}
		}
	}
	if best < 0 || gap > DraftReach {
		return Span{}, false
	}
	return Span{Start: best, End: best + n}, true
}

// anchorDraft checks a drafted claim's provenance and anchors its words
// near the claim's passage.
func anchorDraft(m *Model, c *Claim, r rawDraft, ps *problems) {
	d := &Draft{Rule: r.Rule.V, Confidence: r.Confidence.V}
	ok := true
	if r.Confidence.Set && !r.Confidence.Bad && (r.Confidence.V < 0 || r.Confidence.V > 1) {
		ps.add(r.Confidence.Pos, "give a confidence from 0 to 1, e.g. 0.8", "the draft's confidence %v is not between 0 and 1", r.Confidence.V)
		ok = false
	}
	for _, w := range []struct {
		v    str
		dst  *Span
		what string
	}{{r.Content, &d.Content, "content"}, {r.Mention, &d.Mention, "mention"}, {r.Cue, &d.Cue, "cue"}} {
		if !w.v.Set || w.v.V == "" {
			continue
		}
		sp, found := NearestOccurrence(m.Article.Text, c.Span, w.v.V)
		if !found {
			ps.add(w.v.Pos, "copy the words from the article exactly, from within a few paragraphs of the claim's passage, or remove the field",
				"the draft's %s of claim %q is not in the article near its passage", w.what, c.ID)
			ok = false
			continue
		}
		*w.dst = sp
	}
	if ok {
		c.Draft = d
	}
}
