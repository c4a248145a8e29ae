package claims

import (
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// findAll finds every occurrence of each passage in one pass over the
// article, for occurrencesOf to answer from.
//
// Why not the suffix array: building one costs about 90 ns a byte of the
// article, 1.6 s for the 18 MB article of 100,000 claims; this costs about
// as much as reading the article once plus hashing the passages.
//
// How: the passages of 32 bytes or more go into a trie whose edges are the
// hashes of successive 32-byte chunks (passageTrie). At each position of
// the article, a bit set of the passages' first two bytes, then one of
// their first eight, both small enough to stay in the processor's cache,
// rule out most positions at once; where some passage may begin, findAll
// follows the trie a chunk at a time and compares whole passages where
// they end. So a stock phrase that many quotes begin with and the article
// repeats costs a lookup or two per repetition, not a comparison with each
// quote. Passages of 8 to 31 bytes are grouped by their first 8 bytes
// instead. Where several passages may end, prefixesAt finds those that
// occur with a binary search.
//
// Should the work run away all the same (passages sharing long beginnings
// that the article repeats many times over), findAll gives up and leaves
// every passage to the suffix array, whose cost does not depend on the
// passages. A few passages shorter than 8 bytes are found with
// strings.Index; many are left to the suffix array too.
//
// A passage given more than once is looked for once: its copies answer
// from the first (see same). 40,000 claims quoting one sentence that the
// article repeats 40,000 times once cost a comparison of every copy at
// every repetition, gave up for that, and made the suffix array list the
// 40,000 places 40,000 times over: 8 s.
func (ix *anchorIndex) findAll(passages []string) {
	text := ix.text
	hits := newHitList(len(passages))
	known := make([]bool, len(passages))
	same := make([]int32, len(passages)) // by passage: the first passage equal to it
	firstOf := make(map[string]int32, len(passages))
	var long, short, tiny []int32 // passages of a chunk or more, of 8 to chunk-1 bytes, and shorter
	for i, p := range passages {
		same[i] = int32(i)
		if f, seen := firstOf[p]; seen {
			same[i] = f
			continue
		}
		firstOf[p] = int32(i)
		switch {
		case len(p) >= chunk:
			long = append(long, int32(i))
		case len(p) >= 8:
			short = append(short, int32(i))
		case p != "":
			tiny = append(tiny, int32(i))
		}
	}
	if len(tiny) > 16 {
		tiny = nil // for the suffix array
	}
	for _, k := range tiny {
		for at := 0; ; {
			i := strings.Index(text[at:], passages[k])
			if i < 0 {
				break
			}
			hits.add(k, at+i)
			at += i + 1
		}
		known[k] = true
	}

	trie := newPassageTrie(passages, long)
	byFirst := map[uint64][]int32{} // the short passages by key8 of their first 8 bytes
	for _, k := range short {
		byFirst[key8(passages[k], 0)] = append(byFirst[key8(passages[k], 0)], k)
	}
	firsts := make([]uint64, 0, len(long)+len(byFirst))
	var pairs [1 << 16 / 64]uint64 // the passages' first two bytes, a bit each
	for _, k := range long {
		firsts = append(firsts, key8(passages[k], 0))
		b := pair(passages[k], 0)
		pairs[b/64] |= 1 << (b % 64)
	}
	for h, g := range byFirst {
		sortByPassage(passages, g)
		firsts = append(firsts, h)
		b := pair(passages[g[0]], 0)
		pairs[b/64] |= 1 << (b % 64)
	}
	filter, logBits := bitSet(firsts, 18)

	budget := 16*len(text) + 1<<20 // about the bytes compared
	scan := func(lo, hi int, hits *hitList) (work int) {
		for pos := lo; pos < hi && pos+8 <= len(text) && work <= budget; pos++ {
			// Most positions fail the first test, which costs least.
			if b := pair(text, pos); pairs[b/64]&(1<<(b%64)) == 0 {
				continue
			}
			h := key8(text, pos)
			if !inBitSet(filter, logBits, h) {
				continue
			}
			if len(long) > 0 {
				work += trie.findAt(text, pos, hits)
			}
			if g := byFirst[h]; g != nil {
				work += prefixesAt(passages, g, text, pos, hits)
			}
		}
		return work
	}
	// A long article is read in parts at once, one for each processor (up
	// to four), each part keeping its own hits, merged in text order after:
	// the trie is only read.
	work, parts := 0, 1
	if len(text) >= 1<<20 {
		parts = min(runtime.GOMAXPROCS(0), 4)
	}
	if parts == 1 {
		work = scan(0, len(text), hits)
	} else {
		partHits, works := make([]*hitList, parts), make([]int, parts)
		var wg sync.WaitGroup
		for i := range parts {
			partHits[i] = newHitList(len(passages))
			wg.Go(func() { works[i] = scan(len(text)*i/parts, len(text)*(i+1)/parts, partHits[i]) })
		}
		wg.Wait()
		for i := range parts {
			work += works[i]
			hits.merge(partHits[i])
		}
	}
	if work <= budget {
		for _, ks := range [][]int32{long, short} {
			for _, k := range ks {
				known[k] = true
			}
		}
	}
	ix.passages, ix.hits, ix.known, ix.same = passages, hits, known, same
}

// hitList records where each passage occurs, in text order. Most passages
// occur once: their position is kept in one array, not in a slice each.
type hitList struct {
	first []int           // by passage: where it first occurs, -1 if nowhere
	more  map[int32][]int // by passage that occurs more than once: everywhere
}

func newHitList(n int) *hitList {
	h := &hitList{first: make([]int, n), more: map[int32][]int{}}
	for i := range h.first {
		h.first[i] = -1
	}
	return h
}

func (h *hitList) add(k int32, pos int) {
	switch {
	case h.first[k] < 0:
		h.first[k] = pos
	case h.more[k] == nil:
		h.more[k] = []int{h.first[k], pos}
	default:
		h.more[k] = append(h.more[k], pos)
	}
}

// merge adds the hits of h, all of them after those already here.
func (hits *hitList) merge(h *hitList) {
	for k, pos := range h.first {
		if pos < 0 {
			continue
		}
		if all, ok := h.more[int32(k)]; ok {
			for _, pos := range all {
				hits.add(int32(k), pos)
			}
		} else {
			hits.add(int32(k), pos)
		}
	}
}

// of returns where passage k occurs; the caller must not write to it.
func (h *hitList) of(k int) []int {
	if all, ok := h.more[int32(k)]; ok {
		return all
	}
	if h.first[k] < 0 {
		return nil
	}
	return h.first[k : k+1 : k+1]
}

// chunk is the length of the pieces passageTrie hashes passages into.
const chunk = 32

// passageTrie holds passages of chunk bytes or more, as indexes into all,
// in a trie whose edges are the hashes of successive chunks. A node with
// few passages below it is a leaf that keeps them all, to be compared
// whole: most passages differ from every other in their first chunk, and
// cost one lookup and one comparison where they occur. Two chunks whose
// hashes collide share a node; that costs a comparison, never a wrong
// answer, since a passage is compared whole before it counts as found.
// The same passage given twice is found twice.
//
// Nodes are numbered, and their passages laid out, in the order of their
// first passage: passages come in article order as a rule, so the scan of
// the article reads the nodes nearly in order too, and the processor's
// cache keeps up (at 100,000 claims, reading them at random cost twice as
// much as the rest of the scan).
type passageTrie struct {
	all   []string
	child map[uint64]int32 // edge(node, hash of a chunk) → node
	nodes []trieNode
	ends  []int32 // the passages compared at each node, node after node
}

type trieNode struct {
	first, n int32 // the node's passages are ends[first:first+n], sorted
	leaf     bool  // they are all the passages below it
}

// leafSize is the most passages a leaf holds.
const leafSize = 8

func edge(node int32, h uint64) uint64 { return h ^ uint64(node)*0x9E3779B97F4A7C15 }

func newPassageTrie(all []string, passages []int32) *passageTrie {
	t := &passageTrie{all: all, child: make(map[uint64]int32, len(passages)),
		nodes: []trieNode{{}}, ends: make([]int32, 0, len(passages))}
	// Each step places passages that share their first depth chunks at a
	// node: as a leaf if they are few, else by their next chunk, and those
	// that end before it at the node itself. Steps go breadth first, so
	// that nodes are placed in the order they were numbered.
	type step struct {
		node     int32
		passages []int32
		depth    int
	}
	queue := []step{{0, passages, 0}}
	for ; len(queue) > 0; queue = queue[1:] {
		st := queue[0]
		node := &t.nodes[st.node]
		if len(st.passages) <= leafSize {
			node.first, node.n, node.leaf = int32(len(t.ends)), int32(len(st.passages)), true
			t.ends = append(t.ends, st.passages...)
			sortByPassage(all, t.ends[node.first:])
			continue
		}
		at := st.depth * chunk
		below := make([]int32, len(st.passages)) // the child of each passage, -1 if it ends here
		firstChild := int32(len(t.nodes))
		node.first = int32(len(t.ends))
		for j, k := range st.passages {
			p := all[k]
			if at+chunk > len(p) {
				t.ends = append(t.ends, k)
				below[j] = -1
				continue
			}
			e := edge(st.node, key32(p, at))
			c, ok := t.child[e]
			if !ok {
				c = int32(len(t.nodes))
				t.nodes = append(t.nodes, trieNode{})
				t.child[e] = c
			}
			below[j] = c
		}
		node = &t.nodes[st.node] // t.nodes may have moved
		node.n = int32(len(t.ends)) - node.first
		sortByPassage(all, t.ends[node.first:])
		// the passages by child, children in order: a counting sort
		children := int(int32(len(t.nodes)) - firstChild)
		start := make([]int, children+1)
		for _, c := range below {
			if c >= 0 {
				start[c-firstChild+1]++
			}
		}
		for i := 1; i <= children; i++ {
			start[i] += start[i-1]
		}
		byChild := make([]int32, start[children])
		for j, c := range below {
			if c >= 0 {
				byChild[start[c-firstChild]] = st.passages[j]
				start[c-firstChild]++
			}
		}
		for i, from := 0, 0; i < children; i++ {
			queue = append(queue, step{firstChild + int32(i), byChild[from:start[i]:start[i]], st.depth + 1})
			from = start[i]
		}
	}
	return t
}

// findAt records in hits the passages that occur at text[pos:], and
// returns about how many bytes it compared.
func (t *passageTrie) findAt(text string, pos int, hits *hitList) int {
	work, node := 0, int32(0)
	for at := pos; ; at += chunk {
		nd := t.nodes[node]
		work += prefixesAt(t.all, t.ends[nd.first:nd.first+nd.n], text, pos, hits)
		if nd.leaf || at+chunk > len(text) {
			return work
		}
		next, ok := t.child[edge(node, key32(text, at))]
		if !ok {
			return work
		}
		node = next
		work += chunk
	}
}

// prefixesAt records in hits each passage of g (indexes into all, sorted
// by passage) that occurs at text[pos:], and returns about how many bytes
// it compared. A binary search finds the greatest passage not past the
// text; if it is a prefix of the text, it occurs there; any other passage
// that occurs there is shorter than what the two have in common (it sorts
// before the first, so it cannot go past where they part), so the search
// goes on within that.
func prefixesAt(all []string, g []int32, text string, pos int, hits *hitList) int {
	work := 0
	t := text[pos:]
	for hi, limit := len(g), len(t); hi > 0; {
		s := t[:limit]
		lo, up := 0, hi // the first passage past s is in g[lo:up]
		for lo < up {
			mid := (lo + up) / 2
			work += min(len(all[g[mid]]), limit)
			if all[g[mid]] > s {
				up = mid
			} else {
				lo = mid + 1
			}
		}
		if lo == 0 {
			break
		}
		k := g[lo-1]
		c := all[k]
		n := len(c) // bytes in common
		if strings.HasPrefix(s, c) {
			hits.add(k, pos)
		} else {
			// c sorts before s and is not a prefix of it: they part
			// before either ends.
			n = 0
			for n+8 <= min(len(c), len(s)) && load64(c, n) == load64(s, n) {
				n += 8
			}
			for c[n] == s[n] {
				n++
			}
		}
		hi, limit = lo-1, n
	}
	return work
}

func sortByPassage(all []string, g []int32) {
	slices.SortFunc(g, func(a, b int32) int { return strings.Compare(all[a], all[b]) })
}

// bitSet makes a bit set of hashes, keyed by their top bits, for a quick
// "none of them" before a map lookup: about 32 bits a hash, at most
// 1<<maxLog bits.
func bitSet(hashes []uint64, maxLog int) ([]uint64, int) {
	logBits := 12
	for 1<<logBits < 32*len(hashes) && logBits < maxLog {
		logBits++
	}
	set := make([]uint64, 1<<logBits/64)
	for _, h := range hashes {
		b := h >> (64 - logBits)
		set[b/64] |= 1 << (b % 64)
	}
	return set, logBits
}

func inBitSet(set []uint64, logBits int, h uint64) bool {
	b := h >> (64 - logBits)
	return set[b/64]&(1<<(b%64)) != 0
}

// pair is the 2 bytes of s at i as a number.
func pair(s string, i int) uint16 { return uint16(s[i]) | uint16(s[i+1])<<8 }

// key8 hashes the 8 bytes of s at i.
func key8(s string, i int) uint64 { return load64(s, i) * 0x9E3779B97F4A7C15 }

// key32 hashes the 32 bytes of s at i.
func key32(s string, i int) uint64 {
	return load64(s, i)*0x9E3779B97F4A7C15 ^ bits.RotateLeft64(load64(s, i+8)*0xC2B2AE3D27D4EB4F, 17) ^
		bits.RotateLeft64(load64(s, i+16)*0x165667B19E3779F9, 31) ^ bits.RotateLeft64(load64(s, i+24)*0xD6E8FEB86659FD93, 47)
}

// load64 reads the 8 bytes of s at i as a little-endian number.
func load64(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}
