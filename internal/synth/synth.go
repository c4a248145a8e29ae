// Package synth generates synthetic annotations of any size, for tests and
// benchmarks: an article of news prose with the quoted passages embedded in
// its paragraphs, and a YAML annotation of it that loads without a problem.
//
// It produces bytes only and does not import the claims package, so that the
// claims package's own tests can use it.
package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// ArticleFile is the name under which an annotation refers to its article;
// a loader's read function should answer it with Annotation.Article.
const ArticleFile = "article.txt"

// TopicCount is the number of topics every annotation has.
const TopicCount = 8

// Annotation is a generated annotation and the article it annotates.
type Annotation struct {
	YAML    []byte // the annotation; its article is ArticleFile
	Article []byte // the article's text, UTF-8
}

// SpeakerCount returns how many speakers Generate(n, …) has: one for every
// twenty claims, and at least two.
func SpeakerCount(n int) int { return max(2, (max(n, 1)+10)/20) }

// Generate returns an annotation of n claims (at least one) over an article
// of proportional length, the same bytes for the same n and seed.
//
// Claims come in exchanges of 5 to 40 claims, each among a cast of two to
// five speakers: every claim of an exchange but the first answers the one
// before it (every third exchange is 20 or more replies long), and each
// claim answers one or two others of its exchange besides, some later in the
// article, so that every exchange holds cycles. That makes two to three
// relations per claim. There are 8 topics and SpeakerCount(n) speakers,
// a few of them news agencies that relay other speakers' claims (reported_by).
// Quotes run 10 to 40 words; paraphrases carry the sentence that reports them.
// Names and text hold accented letters, curly quote marks, a CJK name and
// the odd emoji.
//
// Every passage holds a number written nowhere else in the article (" 4213 ",
// between spaces), so it occurs exactly once and anchors without an
// occurrence. The exception is deliberate: now and then a speaker repeats the
// first quote of an exchange word for word, and both claims say which
// occurrence is theirs.
func Generate(n int, seed int64) Annotation {
	n = max(n, 1)
	g := &generator{r: rand.New(rand.NewPCG(uint64(seed), 0x636f756e74657270))}
	g.makeSpeakers(SpeakerCount(n))
	g.makeExchanges(n)
	g.relayOne()
	g.relayUnusedSpeakers()
	return g.write(n, seed)
}

type speaker struct {
	id, name, role, kind string
	principal            bool
}

type claim struct {
	speaker, relay int // relay is -1 when nobody relays the claim
	quote          bool
	quoteText      string // the quote, for a quote
	number         int    // the number the passage holds
	reported       string // for a paraphrase: the reported clause, for the source
	text           string // for a paraphrase: the statement in the annotator's words
	sourceText     string // for a paraphrase: the sentence of the article that reports it
	occurrence     int    // 0 when the passage is unique
	echoOf         int    // for a repeated quote, the claim it repeats; else -1
	topics         []int
}

type relation struct {
	from, to int
	kind     string
	explicit bool
}

type generator struct {
	r         *rand.Rand
	speakers  []speaker
	agencies  []int // speakers that relay others' claims
	claims    []claim
	relations []relation
	cursor    int // next speaker to cast in an exchange
	number    int // the last number given to a passage
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *generator) makeSpeakers(count int) {
	for i := range count {
		s := speaker{id: "s" + strconv.Itoa(i+1), principal: i < 4}
		switch {
		case i == 2:
			s.name, s.kind, s.role = "王秀英", "official", "Spokeswoman for the commerce ministry"
		case i%10 == 1:
			s.name, s.kind, s.role = agencyNames[(i/10)%len(agencyNames)], "state-media", "State-run news agency"
			g.agencies = append(g.agencies, i)
		case i%10 == 4:
			s.name, s.kind, s.role = organisationNames[(i/10)%len(organisationNames)], "organization", "Trade body"
		case i%10 == 7:
			s.name, s.kind, s.role = groupNames[(i/10)%len(groupNames)], "group", "A group named in the article"
		default:
			s.name = personName(i)
			if i%10 == 0 || i%10 == 5 || i%10 == 8 {
				s.kind, s.role = "official", g.pick(officialRoles)
			} else {
				s.kind, s.role = "person", g.pick(personRoles)
			}
		}
		g.speakers = append(g.speakers, s)
	}
}

// personName gives speaker i a name; names repeat only past some thousands.
func personName(i int) string {
	f, l := firstNames[i%len(firstNames)], lastNames[(i/len(firstNames)+i)%len(lastNames)]
	if k := i / (len(firstNames) * len(lastNames)); k > 0 {
		return fmt.Sprintf("%s %c. %s", f, 'A'+rune(k%26), l)
	}
	return f + " " + l
}

// makeExchanges makes the claims, exchange by exchange, and the relations
// within each exchange.
func (g *generator) makeExchanges(n int) {
	for x := 0; len(g.claims) < n; x++ {
		size := 5 + g.r.IntN(16)
		if x%3 == 0 {
			size = 20 + g.r.IntN(21)
		}
		if rest := n - len(g.claims); rest-size < 5 {
			size = rest // a short remainder joins this exchange
		}
		g.exchange(x, size)
	}
}

func (g *generator) exchange(x, size int) {
	first := len(g.claims)
	cast := make([]int, min(size, 2+g.r.IntN(4), len(g.speakers)))
	for i := range cast {
		cast[i] = g.cursor
		g.cursor = (g.cursor + 1) % len(g.speakers)
	}
	topic := g.r.IntN(TopicCount)
	prev := -1
	for j := range size {
		sp := cast[j%len(cast)]
		if j >= len(cast) {
			// anyone of the cast but the one who spoke last
			sp = cast[g.r.IntN(len(cast))]
			if sp == prev {
				sp = cast[(j+g.r.IntN(len(cast)-1)+1)%len(cast)]
				if sp == prev {
					sp = cast[(slicesIndex(cast, prev)+1)%len(cast)]
				}
			}
		}
		prev = sp
		g.claims = append(g.claims, g.newClaim(sp, topic))
	}
	// Now and then the last speaker repeats the exchange's first quote.
	if last := first + size - 1; x%4 == 1 && size >= 6 && g.claims[first].quote {
		c := &g.claims[last]
		c.quote, c.quoteText, c.number, c.echoOf = true, g.claims[first].quoteText, g.claims[first].number, first
		c.occurrence = 2
		g.claims[first].occurrence = 1
	}
	g.relate(first, size)
}

func slicesIndex(s []int, v int) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func (g *generator) newClaim(sp, topic int) claim {
	g.number += 1 + g.r.IntN(9) // strictly increasing: no number twice
	c := claim{speaker: sp, relay: -1, echoOf: -1, number: g.number, topics: []int{topic}}
	if g.r.IntN(3) == 0 {
		if t := g.r.IntN(TopicCount); t != topic {
			c.topics = append(c.topics, t)
		}
	}
	if len(g.agencies) > 0 && g.r.IntN(25) == 0 {
		if a := g.agencies[g.r.IntN(len(g.agencies))]; a != sp {
			c.relay = a
		}
	}
	c.quote = g.r.IntN(5) < 3
	if c.quote {
		c.quoteText = g.quote(c.number)
	} else {
		c.reported, c.text = g.paraphrase(c.number)
	}
	return c
}

// quote makes a quotation of 10 to 40 words: a sentence holding the
// passage's number among statements.
func (g *generator) quote(number int) string {
	target := 10 + g.r.IntN(31)
	sentences := []string{fmt.Sprintf(g.pick(numberedQuotes), number, g.pick(units))}
	words := wordCount(sentences[0])
	for words < target {
		s := g.statement()
		if g.r.IntN(40) == 0 {
			s = g.pick(emojiStatements)
		}
		if words+wordCount(s) > 40 {
			break
		}
		words += wordCount(s)
		// the numbered sentence may come first, last or between
		if g.r.IntN(3) == 0 {
			sentences = append([]string{s}, sentences...)
		} else {
			sentences = append(sentences, s)
		}
	}
	return strings.Join(sentences, " ")
}

// statement makes a sentence a speaker might say, from an opener now and
// then, a subject and what it did or will do: some tens of thousands of
// sentences, so that, as in the news, a few recur and most do not.
func (g *generator) statement() string {
	s := g.pick(subjects) + " " + g.pick(predicates) + "."
	if g.r.IntN(4) == 0 {
		return g.pick(openers) + " " + s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// paraphrase returns the reported clause, from which the source sentence is
// made, and the statement in the annotator's words.
func (g *generator) paraphrase(number int) (string, string) {
	p := reportedNumbered[g.r.IntN(len(reportedNumbered))]
	unit := g.pick(units)
	reported := fmt.Sprintf(p.reported, number, unit)
	text := fmt.Sprintf(p.text, number, unit)
	if g.r.IntN(2) == 0 {
		a := reportedStatements[g.r.IntN(len(reportedStatements))]
		reported += ", adding that " + a.reported
		text += " " + a.text
	}
	return reported, text
}

func wordCount(s string) int { return strings.Count(s, " ") + 1 }

// relate links the claims of one exchange: each answers the one before it,
// and one or two others besides, mostly earlier ones. The first claim can
// only answer later ones, so each exchange of two or more holds a cycle.
func (g *generator) relate(first, size int) {
	for j := range size {
		var targets []int
		if j > 0 {
			targets = append(targets, j-1)
			g.relations = append(g.relations, relation{first + j, first + j - 1, g.pick(replyKinds), true})
		}
		extra := 1 + g.r.IntN(2)
		for try := 0; len(targets) < extra+min(j, 1) && try < 8; try++ {
			var t int
			if j > 0 && (j == size-1 || g.r.IntN(5) > 0) {
				t = g.r.IntN(j)
			} else if j < size-1 {
				t = j + 1 + g.r.IntN(size-j-1)
			} else {
				break
			}
			if slicesIndex(targets, t) >= 0 {
				continue
			}
			targets = append(targets, t)
			g.relations = append(g.relations, relation{first + j, first + t, relationKinds[g.r.IntN(len(relationKinds))], false})
		}
	}
}

// relayOne makes sure a news agency relays some claim, however few there are.
func (g *generator) relayOne() {
	if len(g.agencies) == 0 {
		return
	}
	for _, c := range g.claims {
		if c.relay >= 0 {
			return
		}
	}
	for i := range g.claims {
		if c := &g.claims[i]; c.speaker != g.agencies[0] {
			c.relay = g.agencies[0]
			return
		}
	}
}

// relayUnusedSpeakers makes every speaker who has no claim the intermediary
// of one: the format wants every speaker to speak or relay.
func (g *generator) relayUnusedSpeakers() {
	used := make([]bool, len(g.speakers))
	for _, c := range g.claims {
		used[c.speaker] = true
		if c.relay >= 0 {
			used[c.relay] = true
		}
	}
	for s, u := range used {
		if u {
			continue
		}
		for k := range g.claims {
			c := &g.claims[(s*7919+k)%len(g.claims)]
			if c.relay < 0 && c.speaker != s {
				c.relay = s
				break
			}
		}
	}
}

// write renders the article and the annotation.
func (g *generator) write(n int, seed int64) Annotation {
	var art, y bytes.Buffer
	art.Grow(n * 320)
	y.Grow(n*500 + len(g.speakers)*120)

	// The article holds no digits but the passages' numbers.
	const title = "Row over the café’s leaked files widens as every side disputes the other’s account"
	art.WriteString(title)
	art.WriteString("\n\n")
	art.WriteString(g.pick(filler))
	art.WriteByte(' ')
	art.WriteString(g.pick(filler))
	art.WriteString("\n\n")

	fmt.Fprintf(&y, "# A synthetic annotation of %d claims (seed %d), generated by counterpoint/internal/synth.\n", n, seed)
	y.WriteString("article:\n  title: ")
	quoteYAML(&y, title)
	y.WriteString("\n  file: " + ArticleFile + "\n  publisher: The Synthetic Times\n")
	y.WriteString("speakers:\n")
	for _, s := range g.speakers {
		y.WriteString("  - id: " + s.id + "\n    name: ")
		quoteYAML(&y, s.name)
		y.WriteString("\n    role: ")
		quoteYAML(&y, s.role)
		y.WriteString("\n    kind: " + s.kind + "\n")
		if s.principal {
			y.WriteString("    principal: true\n")
		}
	}
	y.WriteString("topics:\n")
	for _, t := range topics {
		y.WriteString("  - {id: " + t[0] + ", label: " + t[1] + "}\n")
	}

	y.WriteString("claims:\n")
	inParagraph := 0
	for i := range g.claims {
		c := &g.claims[i]
		if inParagraph > 0 {
			art.WriteByte(' ')
		} else if g.r.IntN(2) == 0 {
			art.WriteString(g.pick(filler))
			art.WriteByte(' ')
		}
		venue, when := g.writeClaimProse(&art, c)
		inParagraph++
		if inParagraph >= 1+g.r.IntN(3) || i == len(g.claims)-1 {
			art.WriteString("\n\n")
			inParagraph = 0
		}

		y.WriteString("  - id: c" + strconv.Itoa(i+1) + "\n    speaker: " + g.speakers[c.speaker].id + "\n")
		if c.quote {
			y.WriteString("    mode: quote\n    text: ")
			quoteYAML(&y, c.quoteText)
		} else {
			y.WriteString("    mode: paraphrase\n    text: ")
			quoteYAML(&y, c.text)
			y.WriteString("\n    source: ")
			quoteYAML(&y, c.sourceText)
		}
		y.WriteString("\n    topics: [")
		for k, t := range c.topics {
			if k > 0 {
				y.WriteString(", ")
			}
			y.WriteString(topics[t][0])
		}
		y.WriteString("]\n")
		if c.occurrence > 0 {
			y.WriteString("    occurrence: " + strconv.Itoa(c.occurrence) + "\n")
		}
		if venue != "" {
			y.WriteString("    venue: ")
			quoteYAML(&y, venue)
			y.WriteByte('\n')
		}
		if when != "" {
			y.WriteString("    when: ")
			quoteYAML(&y, when)
			y.WriteByte('\n')
		}
		if c.relay >= 0 {
			y.WriteString("    reported_by: " + g.speakers[c.relay].id + "\n")
		}
		if c.echoOf >= 0 {
			fmt.Fprintf(&y, "    summary: Repeats the words of claim c%d.\n", c.echoOf+1)
		} else if i%4 == 0 {
			y.WriteString("    summary: ")
			quoteYAML(&y, summaryOf(g.speakers[c.speaker].name, c))
			y.WriteByte('\n')
		}
	}

	if len(g.relations) > 0 {
		y.WriteString("relations:\n")
	}
	for k, r := range g.relations {
		fmt.Fprintf(&y, "  - {from: c%d, to: c%d, kind: %s, explicit: %t", r.from+1, r.to+1, r.kind, r.explicit)
		if k%10 == 0 {
			if r.explicit {
				y.WriteString(", note: The article shows the reply.")
			} else {
				y.WriteString(", note: Annotator’s reading; the article sets the two side by side.")
			}
		}
		y.WriteString("}\n")
	}
	return Annotation{YAML: y.Bytes(), Article: art.Bytes()}
}

// writeClaimProse writes the sentence of the article that holds the claim's
// passage, and records a paraphrase's source. It returns the venue and the
// time the sentence names, if any.
func (g *generator) writeClaimProse(art *bytes.Buffer, c *claim) (venue, when string) {
	name := g.speakers[c.speaker].name
	if c.quote {
		switch {
		case c.relay >= 0:
			art.WriteString(capitalise(g.speakers[c.relay].name) + " quoted " + name + " as saying: “" + c.quoteText + "”")
		case c.echoOf >= 0:
			art.WriteString(capitalise(name) + " repeated the words back: “" + c.quoteText + "”")
		default:
			switch g.r.IntN(3) {
			case 0:
				art.WriteString(capitalise(name) + " said: “" + c.quoteText + "”")
			case 1:
				v := venues[g.r.IntN(len(venues))]
				art.WriteString("“" + c.quoteText + "” " + name + " " + v[0] + ".")
				venue = v[1]
			default:
				w := whens[g.r.IntN(len(whens))]
				art.WriteString("Speaking " + w[0] + ", " + name + " said: “" + c.quoteText + "”")
				when = w[1]
			}
		}
		return venue, when
	}
	if c.relay >= 0 {
		c.sourceText = name + " said " + c.reported + "."
		art.WriteString("According to " + g.speakers[c.relay].name + ", " + c.sourceText)
	} else {
		c.sourceText = capitalise(name) + " said " + c.reported + "."
		art.WriteString(c.sourceText)
	}
	return "", ""
}

func summaryOf(name string, c *claim) string {
	return name + " on " + topics[c.topics[0]][1] + "."
}

// capitalise upper-cases the first letter of a name that starts a sentence
// ("the hackers" → "The hackers").
func capitalise(s string) string {
	if strings.HasPrefix(s, "the ") {
		return "The" + s[3:]
	}
	return s
}

// quoteYAML writes s as a double-quoted YAML scalar. Generated text holds no
// control characters, so only the quote mark and the backslash need escaping.
func quoteYAML(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
}
