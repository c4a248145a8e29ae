// Package draft drafts an annotation of any news article: it finds who said
// what — direct quotations, mixed quotes and reported speech — resolves the
// speakers, links the statements the article sets against each other and
// proposes topics. It is pure Go on the model's types and knows nothing of
// terminals; the YAML it writes is the bundled annotation format, and what
// it drafts always loads.
//
// It works by rule, not by model: quotation marks found in one pass, the
// Unicode sentence and word boundaries (UAX #29), a lexicon of a few hundred
// verbs and phrases of saying, and the word order of English news around
// them. Every drafted item records the rule that made it, a confidence, and
// the words it relied on (the speaker's mention and the cue), so that a
// person can check the least sure first.
package draft

import (
	"counterpoint/internal/claims"
)

// Span is a byte range [Start, End) of the article text.
type Span = claims.Span

// Draft is what the extractor found in one article.
type Draft struct {
	Text      string // the article, exactly as drafted: every span is a range of it
	Title     string
	Speakers  []*Speaker
	Topics    []*Topic
	Claims    []*Claim // article order
	Relations []*Relation
	Repeats   int // claims left out for repeating a passage more than 50 times
}

// Speaker is a speaker of the article, as the model has them, with what the
// extractor knows of how the article names them.
type Speaker struct {
	claims.Speaker
	gender  byte            // 'm', 'f' or 0
	heads   map[string]bool // the role words the article calls them by: "spokesman", "president"
	last    string          // the last word of the name, lower case
	mention Span            // the latest mention
	named   bool            // the name is a proper name, not a description
	used    bool
}

// Topic is a proposed topic.
type Topic struct {
	claims.Topic
}

// Claim is one drafted statement with its provenance.
type Claim struct {
	ID         string
	Mode       string // claims.ModeQuote or claims.ModeParaphrase
	Passage    Span   // the quote's words, or the sentence that reports a paraphrase
	Text       string // the claim's text: the quote itself, or the reported clause
	Occurrence int    // which occurrence of the passage, when it occurs more than once
	Speaker    *Speaker
	ReportedBy *Speaker
	Venue      string
	When       string
	Topics     []*Topic
	Paragraph  int

	Provenance
	words map[string]bool // its content words, for finding what it answers
	sent  int             // its sentence, within its paragraph
}

// Provenance says how a drafted claim was found.
type Provenance struct {
	Rule       string  // the rule that made it
	Confidence float64 // from 0 to 1
	Content    Span    // exactly the words attributed
	Mention    Span    // the words naming the speaker; empty if none
	Cue        Span    // the cue: the verb or phrase of saying; empty if none
}

// Relation is an answer the article shows: From answers To.
type Relation struct {
	From, To *Claim
	Kind     string
	Cue      Span // the words that show it
	Note     string
}

// Rules, as provenance names them.
const (
	RuleQuote       = "quote"           // a quotation with its attribution in the same sentence
	RuleQuoteSplit  = "quote-split"     // a quotation interrupted by its attribution
	RuleQuoteColon  = "quote-colon"     // a quotation introduced by "X said:" in the sentence before
	RuleQuoteCont   = "quote-continued" // a quotation reopened on a new paragraph
	RuleQuoteNearby = "quote-nearby"    // a quotation with no attribution, given to the speaker nearby
	RuleReported    = "reported"        // reported speech: SOURCE verb CONTENT
	RuleInverted    = "reported-after"  // reported speech: CONTENT, verb SOURCE (or SOURCE verb)
	RuleAccording   = "according-to"    // according to SOURCE, CONTENT
	RuleMixed       = "mixed"           // reported speech holding quoted words
)
