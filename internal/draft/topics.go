package draft

import (
	"sort"
	"strings"

	"counterpoint/internal/claims"
)

// occurrences numbers each claim's passage among its occurrences in the
// article, as the loader counts them (overlapping ones too), when it has
// more than one. Each distinct passage is found once, all in one pass: at
// each position of the article, a bit set of the passages' first two bytes
// rules most positions out, and a map of their first 16 bytes finds the
// candidates.
func (x *extractor) occurrences() {
	const k = 16
	text := x.text
	distinct := map[string]int{} // passage → index in starts
	var passages []string
	ofClaim := make([]int, len(x.d.Claims))
	for i, c := range x.d.Claims {
		p := text[c.Passage.Start:c.Passage.End]
		j, ok := distinct[p]
		if !ok {
			j = len(passages)
			distinct[p] = j
			passages = append(passages, p)
		}
		ofClaim[i] = j
	}
	starts := make([][]int, len(passages)) // every occurrence of each, in order
	byPrefix := map[string][]int{}
	var pairs [1 << 16 / 64]uint64
	for j, p := range passages {
		if len(p) < k {
			for at := 0; ; {
				i := strings.Index(text[at:], p)
				if i < 0 {
					break
				}
				starts[j] = append(starts[j], at+i)
				at += i + 1
			}
			continue
		}
		byPrefix[p[:k]] = append(byPrefix[p[:k]], j)
		b := uint16(p[0]) | uint16(p[1])<<8
		pairs[b/64] |= 1 << (b % 64)
	}
	if len(byPrefix) > 0 {
		for i := 0; i+k <= len(text); i++ {
			b := uint16(text[i]) | uint16(text[i+1])<<8
			if pairs[b/64]&(1<<(b%64)) == 0 {
				continue
			}
			for _, j := range byPrefix[text[i:i+k]] {
				if strings.HasPrefix(text[i:], passages[j]) {
					starts[j] = append(starts[j], i)
				}
			}
		}
	}
	for i, c := range x.d.Claims {
		s := starts[ofClaim[i]]
		if len(s) > 1 {
			c.Occurrence = sort.SearchInts(s, c.Passage.Start) + 1
		}
	}
}

// topics proposes topics from the words the claims share: the word held by
// most claims not yet covered, then the next, up to eight; a claim that
// shares none goes to "other statements". Every claim gets at least one.
func (x *extractor) topics() {
	d := x.d
	if len(d.Claims) == 0 {
		return
	}
	words := make([]map[string]bool, len(d.Claims))
	df := map[string]int{}
	for i, c := range d.Claims {
		words[i] = topicWords(x.text[c.Content.Start:c.Content.End])
		for w := range words[i] {
			df[w]++
		}
	}
	covered := make([]bool, len(d.Claims))
	holders := map[string][]int{} // the claims holding each word shared by two or more
	for i := range d.Claims {
		for w := range words[i] {
			if df[w] >= 2 {
				holders[w] = append(holders[w], i)
			}
		}
	}
	var chosen []string
	for len(chosen) < 8 {
		best, bestN := "", 1
		for w, hs := range holders {
			if len(hs) < bestN {
				continue // cannot beat the best: uncovered ones are fewer still
			}
			c := 0
			for _, i := range hs {
				if !covered[i] {
					c++
				}
			}
			if c > bestN || c == bestN && c > 1 && w < best {
				best, bestN = w, c
			}
		}
		if best == "" {
			break
		}
		chosen = append(chosen, best)
		for _, i := range holders[best] {
			covered[i] = true
		}
		delete(holders, best)
	}
	ids := map[string]bool{}
	byWord := map[string]*Topic{}
	for _, w := range chosen {
		t := &Topic{}
		t.Label = strings.ReplaceAll(w, "_", " ")
		t.ID = uniqueID(ids, slug(t.Label, "topic"))
		t.Description = "Claims that speak of " + t.Label + " (proposed by the draft from the words the claims share)"
		t.Index = len(d.Topics)
		d.Topics = append(d.Topics, t)
		byWord[w] = t
	}
	var other *Topic
	for i, c := range d.Claims {
		for _, w := range chosen {
			if words[i][w] && len(c.Topics) < 3 {
				c.Topics = append(c.Topics, byWord[w])
			}
		}
		if len(c.Topics) == 0 {
			if other == nil {
				other = &Topic{}
				other.Label = "other statements"
				other.ID = uniqueID(ids, "other-statements")
				other.Description = "Claims that share no subject with the others"
				other.Index = len(d.Topics)
				d.Topics = append(d.Topics, other)
			}
			c.Topics = []*Topic{other}
		}
	}
	sort.SliceStable(d.Topics, func(i, j int) bool { return d.Topics[i].Index < d.Topics[j].Index })
}

// topicWords are the words and two-word names a claim speaks of.
func topicWords(s string) map[string]bool {
	out := map[string]bool{}
	ws := splitWords(s)
	for i, w := range ws {
		w = strings.TrimSuffix(w, "'s")
		if len(w) < 4 || stopwords[w] || verbForms[w] != "" || strings.HasSuffix(w, "ly") {
			continue
		}
		out[stem(w)] = true
		_ = i
	}
	return out
}

// stem folds a plural to its singular, so that "film" and "films" count as one.
func stem(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 5:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 4:
		return w[:len(w)-1]
	}
	return w
}

var _ = claims.ModeQuote
