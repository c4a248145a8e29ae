// Package claims is the model of counterpoint: an article, the speakers it
// quotes, what they claim and which claim answers which. It loads an
// annotation from YAML, anchors every quote to its exact bytes in the
// article, validates the whole, and answers the queries that the explorer and
// the command line ask. It knows nothing of terminals.
package claims

// Speaker kinds, as the annotation spells them.
const (
	KindPerson       = "person"
	KindOfficial     = "official"
	KindOrganization = "organization"
	KindStateMedia   = "state-media"
	KindGroup        = "group"
)

// SpeakerKinds lists the speaker kinds in the order the documentation gives.
var SpeakerKinds = []string{KindPerson, KindOfficial, KindOrganization, KindStateMedia, KindGroup}

// Claim modes.
const (
	ModeQuote      = "quote"
	ModeParaphrase = "paraphrase"
)

// Modes lists the claim modes.
var Modes = []string{ModeQuote, ModeParaphrase}

// KindRestates is the one relation kind that is not an answer: its From and
// To are two reports of one statement (a lede, a paraphrase and a quotation
// of the same words).
const KindRestates = "restates"

// RelationKinds lists the relation kinds: the kinds of answer, where a
// relation's From answers its To, then KindRestates.
var RelationKinds = []string{"rebuts", "denies", "contradicts", "qualifies", "supports", "responds", KindRestates}

// Article is the text that an annotation refers to. Text is never altered:
// every span is a byte range of it.
type Article struct {
	Title     string
	File      string // as written in the annotation, relative to it
	Publisher string
	URL       string
	Published string
	Text      string

	paraStarts []int // byte offset of each non-empty line, in order
	lineStarts []int // byte offset of each line, made by lineCol when first needed
}

// Speaker is someone the article quotes or reports.
type Speaker struct {
	ID          string
	Name        string
	Role        string
	Kind        string
	Aliases     []string
	Affiliation string
	// Principal speakers are the protagonists of the story; lists show them
	// first.
	Principal bool
	Index     int // position in Model.Speakers
}

// Topic is a subject a reader can filter by.
type Topic struct {
	ID          string
	Label       string
	Description string
	Index       int // position in Model.Topics
}

// Span is a byte range [Start, End) of the article text.
type Span struct {
	Start, End int
}

// Claim is one statement attributed to a speaker.
type Claim struct {
	ID      string
	Speaker *Speaker
	Mode    string // ModeQuote or ModeParaphrase
	// Text is the quote, verbatim, for a quote; the reported statement for a
	// paraphrase.
	Text string
	// Source is, for a paraphrase, the passage of the article that reports
	// it. Empty for a quote, whose Text is its own passage.
	Source     string
	Occurrence int // which occurrence of the passage, when it occurs more than once (1-based; 0 if unique)
	Summary    string
	Topics     []*Topic
	Venue      string
	When       string
	ReportedBy *Speaker // an intermediary, such as a news agency relaying a spokesman; nil if none
	Span       Span     // where the quote or source passage sits in the article
	Paragraph  int      // the non-empty line of the article where Span starts, from 1
	Index      int      // position in Model.Claims, which is article order
	Draft      *Draft   // how the drafter found it, for a claim no person has checked; nil otherwise

	searchText string // folded text and summary, for word search
	topicMask  []bool // indexed by Topic.Index
	order      int    // position in the annotation's list of claims
}

// Passage returns the article passage that anchors the claim: the quote
// itself, or the source sentence of a paraphrase.
func (c *Claim) Passage() string {
	if c.Mode == ModeQuote {
		return c.Text
	}
	return c.Source
}

// Relation says that From answers To, or, when Kind is KindRestates, that
// From and To report one statement.
type Relation struct {
	From     *Claim
	To       *Claim
	Kind     string
	Explicit bool // the article shows the answer; false when it is the annotator's reading
	Note     string
}

// Model is a loaded, anchored and validated annotation. It is read-only after
// loading, so the explorer may share it freely. Slices that its queries
// return share its indexes (clipped, so appending copies): read them, do not
// write into them.
type Model struct {
	Source    string // the annotation's file name, as given to the loader
	Article   Article
	Speakers  []*Speaker // principal speakers first, then the others, each group in annotation order
	Topics    []*Topic   // annotation order
	Claims    []*Claim   // article order
	Relations []*Relation

	speakerByID map[string]*Speaker
	topicByID   map[string]*Topic
	claimByID   map[string]*Claim
	bySpeaker   map[*Speaker][]*Claim // article order
	relayedBy   map[*Speaker][]*Claim // claims the speaker relays, article order
	answersTo   [][]*Relation         // by Claim.Index: the answers to it (restatements aside)
	answering   [][]*Relation         // by Claim.Index: the answers it gives
	statementOf []int32               // by Claim.Index: its statement's index in reports, or -1 if it is reported once
	reports     [][]*Claim            // the statements reported more than once: their reports, article order
	search      *searchIndex          // every claim's search text in one block
	// by index in reports: the statement's answers, as AnswersTo and
	// Answering give them
	statementAnswersTo, statementAnswering [][]*Relation
	drafted                                int // claims with a draft provenance
}

// Speaker returns the speaker with the id, or nil.
func (m *Model) Speaker(id string) *Speaker { return m.speakerByID[id] }

// Topic returns the topic with the id, or nil.
func (m *Model) Topic(id string) *Topic { return m.topicByID[id] }

// Claim returns the claim with the id, or nil.
func (m *Model) Claim(id string) *Claim { return m.claimByID[id] }
