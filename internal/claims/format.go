package claims

// The annotation format, declared once.
//
// Each entity of the format (the annotation itself, the article, a speaker,
// a topic, a claim, a relation) is a raw struct, which holds the values as
// written with their positions, and a list of field specs: the name as
// written, whether it is mandatory, the kind of value, how messages name it,
// where the value goes in the raw struct, and what it means. Everything else
// follows from the lists:
//   - the general reader (decodeYAML, over the YAML library's syntax tree)
//     and the fast reader (decodeFast, line by line) read each field by its
//     kind into the place its spec names, and refuse a mandatory field left
//     out;
//   - the suggestions for an unknown field ("did you mean …? the fields here
//     are: …") list the names;
//   - the JSON Schema, assets/claims.schema.json, is generated from the
//     lists (Schema), and a test holds the file to it;
//   - the tests walk the lists: every mandatory field left out must be
//     refused by both readers and by the schema, and every field must be
//     read alike by both readers in a test annotation.
//
// To add a field, add its value to the raw struct and one line to the list
// beside it, then write the test:
//
//	Venue str                                   // in rawClaim
//	{"venue", optional, text, "the venue", func(c *rawClaim) any { return &c.Venue }, "Where …"},
//
// The kinds are text, nonEmptyText, id, enumOf(values), truth, count,
// fraction, textList and idSet (values on one line), mappingOf(spec) (a
// nested mapping: a raw struct embedding rawEntity, and a list of its own)
// and listOf(spec, min) (a list of mappings). A nested mapping field, for
// instance the provenance of a drafted claim:
//
//	type rawDraft struct {
//		rawEntity
//		Rule       str
//		Confidence number
//	}
//	var draftSpec = entity("the draft", "", []fieldSpec[rawDraft]{
//		{"rule", mandatory, nonEmptyText, "the rule", func(d *rawDraft) any { return &d.Rule }, "…"},
//		{"confidence", mandatory, fraction, "the confidence", func(d *rawDraft) any { return &d.Confidence }, "…"},
//	}, nil)
//	Draft rawDraft                              // in rawClaim
//	{"draft", optional, mappingOf(draftSpec), "the draft", func(c *rawClaim) any { return &c.Draft }, "…"},
//
// (the entities list of format_test.go names each nested entity, with the
// section of testdata/base.yaml it is written in, for the tests that walk
// them). Then `go test ./internal/claims -run TestSchemaFileIsTheDeclaration
// -update` rewrites the schema, and the tests say what else is missing: a
// test annotation that uses the field (testdata/base.yaml or one of the
// files TestEveryFieldIsReadAlikeBothWays reads), and the check of its value
// in build.go. A value the fast reader cannot read (a flow mapping inside a
// flow mapping, a number such as .5) goes to the general reader, which is
// slow but right; FuzzFastDecode holds the two to each other.

// rawEntity is what every entity's raw struct embeds: where its mapping
// starts (its first key) and whether it was written at all.
type rawEntity struct {
	Pos Pos
	Set bool
}

func (e *rawEntity) entity() *rawEntity { return e }

type rawArticle struct {
	rawEntity
	Title, File, Publisher, URL, Published str
}

var articleSpec = entity("the article", "", []fieldSpec[rawArticle]{
	{"title", mandatory, nonEmptyText, "the title", func(a *rawArticle) any { return &a.Title }, "The article's headline."},
	{"file", mandatory, nonEmptyText, "the article file", func(a *rawArticle) any { return &a.File }, "Path of the article's plain UTF-8 text, relative to this file. Never altered: every span counts its bytes."},
	{"publisher", optional, text, "the publisher", func(a *rawArticle) any { return &a.Publisher }, "Who published the article."},
	{"url", optional, text, "the url", func(a *rawArticle) any { return &a.URL }, "Where the article was published."},
	{"published", optional, text, "the publication date", func(a *rawArticle) any { return &a.Published }, "When the article was published."},
}, nil)

type rawSpeaker struct {
	rawEntity
	ID, Name, Role, Kind, Affiliation str
	Aliases                           strList
	Principal                         boolean
}

var speakerSpec = entity("a speaker", "", []fieldSpec[rawSpeaker]{
	{"id", mandatory, id, "the id", func(s *rawSpeaker) any { return &s.ID }, ""},
	{"name", mandatory, nonEmptyText, "the name", func(s *rawSpeaker) any { return &s.Name }, "The name a reader knows the speaker by."},
	{"role", mandatory, nonEmptyText, "the role", func(s *rawSpeaker) any { return &s.Role }, "What the speaker is, in a few words."},
	{"kind", mandatory, enumOf(SpeakerKinds), "the kind", func(s *rawSpeaker) any { return &s.Kind }, "person; official (speaking for a government, possibly anonymous); organization; state-media (relays others, e.g. KCNA); group."},
	{"aliases", optional, textList, "aliases", func(s *rawSpeaker) any { return &s.Aliases }, "Other names the article uses for the speaker."},
	{"affiliation", optional, text, "the affiliation", func(s *rawSpeaker) any { return &s.Affiliation }, "The organization the speaker belongs to or speaks for."},
	{"principal", optional, truth, "principal", func(s *rawSpeaker) any { return &s.Principal }, "A protagonist of the story: listed first."},
}, nil)

type rawTopic struct {
	rawEntity
	ID, Label, Description str
}

var topicSpec = entity("a topic", "", []fieldSpec[rawTopic]{
	{"id", mandatory, id, "the id", func(t *rawTopic) any { return &t.ID }, ""},
	{"label", mandatory, nonEmptyText, "the label", func(t *rawTopic) any { return &t.Label }, "A short label, as shown in the topic picker."},
	{"description", optional, text, "the description", func(t *rawTopic) any { return &t.Description }, "What the topic covers."},
}, nil)

type rawClaim struct {
	rawEntity
	ID, Speaker, Mode, Text, Source, Summary, Venue, When, Reported str
	Occurrence                                                      integer
	Topics                                                          strList
	Draft                                                           rawDraft
}

// rawDraft is a drafted claim's provenance: how `counterpoint draft` found
// it. The words it relied on are anchored near the claim (see anchorDraft).
type rawDraft struct {
	rawEntity
	Rule, Content, Mention, Cue str
	Confidence                  number
}

var draftSpec = entity("the draft", "", []fieldSpec[rawDraft]{
	{"rule", mandatory, nonEmptyText, "the rule", func(d *rawDraft) any { return &d.Rule }, "The rule of the drafter that found the claim, e.g. quote, reported, according-to."},
	{"confidence", mandatory, fraction, "the confidence", func(d *rawDraft) any { return &d.Confidence }, "How sure the drafter is, from 0 to 1: check the least sure first."},
	{"content", optional, nonEmptyText, "the content", func(d *rawDraft) any { return &d.Content }, "Exactly the words attributed, copied from the article: the quotation without its marks, or the reported clause. Found at its occurrence nearest the claim's passage."},
	{"mention", optional, nonEmptyText, "the mention", func(d *rawDraft) any { return &d.Mention }, "The words of the article naming the speaker, at their occurrence nearest the claim's passage."},
	{"cue", optional, nonEmptyText, "the cue", func(d *rawDraft) any { return &d.Cue }, "The verb or phrase of saying the drafter relied on, at its occurrence nearest the claim's passage."},
}, nil)

var claimSpec = entity("a claim", "", []fieldSpec[rawClaim]{
	{"id", mandatory, id, "the id", func(c *rawClaim) any { return &c.ID }, ""},
	{"speaker", mandatory, id, "the speaker", func(c *rawClaim) any { return &c.Speaker }, "The id of the speaker who made the statement."},
	{"mode", mandatory, enumOf(Modes), "the mode", func(c *rawClaim) any { return &c.Mode }, "quote: text is the speaker's words, verbatim in the article. paraphrase: the article reports the statement; source is the passage that does."},
	{"text", mandatory, nonEmptyText, "the text", func(c *rawClaim) any { return &c.Text }, "For a quote, the words exactly as the article prints them (curly and straight quote marks as published). For a paraphrase, the statement reported."},
	{"source", optional, nonEmptyText, "the source", func(c *rawClaim) any { return &c.Source }, "Paraphrases only: the passage of the article that reports the statement, copied exactly."},
	{"occurrence", optional, count, "occurrence", func(c *rawClaim) any { return &c.Occurrence }, "Which occurrence of the passage is meant, counted from 1 in article order, when it occurs more than once."},
	{"summary", optional, text, "the summary", func(c *rawClaim) any { return &c.Summary }, "One line in the annotator's words."},
	{"topics", mandatory, idSet, "topics", func(c *rawClaim) any { return &c.Topics }, "Topic ids."},
	{"venue", optional, text, "the venue", func(c *rawClaim) any { return &c.Venue }, "Where the statement was made, e.g. CNN interview."},
	{"when", optional, text, "when", func(c *rawClaim) any { return &c.When }, "When it was made, as the article says it, e.g. Friday night."},
	{"reported_by", optional, id, "reported_by", func(c *rawClaim) any { return &c.Reported }, "The id of an intermediary who relayed the statement, e.g. a news agency relaying a spokesman."},
	{"draft", optional, mappingOf(draftSpec), "the draft", func(c *rawClaim) any { return &c.Draft }, "Set by `counterpoint draft` on a claim no person has checked yet: its provenance. Remove it once the claim is checked."},
}, obj{
	{"if", obj{{"properties", obj{{"mode", obj{{"const", ModeParaphrase}}}}}, {"required", []string{"mode"}}}},
	{"then", obj{{"required", []string{"source"}}}},
	{"else", obj{{"not", obj{{"required", []string{"source"}}}}}},
})

type rawRelation struct {
	rawEntity
	From, To, Kind, Note str
	Explicit             boolean
}

var relationSpec = entity("a relation", "", []fieldSpec[rawRelation]{
	{"from", mandatory, id, "from", func(r *rawRelation) any { return &r.From }, "The id of the answering claim."},
	{"to", mandatory, id, "to", func(r *rawRelation) any { return &r.To }, "The id of the claim it answers."},
	{"kind", mandatory, enumOf(RelationKinds), "the kind", func(r *rawRelation) any { return &r.Kind }, "rebuts: argues the other is wrong. denies: says it did not happen. contradicts: states the opposite fact. qualifies: adds a limit or a caveat. supports: backs it up. responds: answers without taking a side. restates: not an answer; from and to report one statement of one speaker (a lede, a paraphrase, a quotation of it)."},
	{"explicit", mandatory, truth, "explicit", func(r *rawRelation) any { return &r.Explicit }, "true when the article shows one speaker answering the other; false when it is the annotator's reading."},
	{"note", optional, text, "the note", func(r *rawRelation) any { return &r.Note }, "Why the two are linked, and why explicit or not."},
}, nil)

// rawDoc is the annotation as written.
type rawDoc struct {
	rawEntity
	Article   rawArticle
	Speakers  []rawSpeaker
	Topics    []rawTopic
	Claims    []rawClaim
	Relations []rawRelation
	// where each top-level section starts, for problems about a section as a whole
	SectionPos map[string]Pos
	// sections that are missing or not a list: references into them are not
	// reported one by one, since the section's own problem says it all
	Broken map[string]bool
}

var docSpec = func() *entitySpec[rawDoc] {
	e := entity("the annotation", "The claims and counterclaims of one article: who said what, where in the article, and which statement answers which. `counterpoint validate` checks what a schema cannot: that every quote is really in the article and that every reference resolves.", []fieldSpec[rawDoc]{
		{"article", mandatory, mappingOf(articleSpec), "the article", func(d *rawDoc) any { return &d.Article }, "The article the annotation refers to."},
		{"speakers", mandatory, listOf(speakerSpec, 1), "speakers", func(d *rawDoc) any { return &d.Speakers }, "Everyone the article quotes or reports. Principal speakers are listed first in the explorer."},
		{"topics", mandatory, listOf(topicSpec, 1), "topics", func(d *rawDoc) any { return &d.Topics }, "The subjects a reader filters by; every claim has one or more."},
		{"claims", mandatory, listOf(claimSpec, 1), "claims", func(d *rawDoc) any { return &d.Claims }, "Every statement the article attributes to anyone."},
		{"relations", optional, listOf(relationSpec, 0), "relations", func(d *rawDoc) any { return &d.Relations }, "Which claim answers which: `from` answers `to`; or, of kind restates, which claims report one statement."},
	}, obj{{"$defs", obj{{"id", obj{
		{"type", "string"},
		{"pattern", "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},
		{"description", "A plain identifier: letters, digits, '-', '_' or '.'."},
	}}}}})
	// Both readers record where each section starts and whether it is a
	// list, for the problems about a section as a whole.
	e.onValue = func(d *rawDoc, k int, pos Pos, ok bool) {
		name := e.fields[k].name
		d.SectionPos[name] = pos
		if e.fields[k].kind.read == readList {
			d.Broken[name] = !ok
		}
	}
	return e
}()

func newRawDoc() *rawDoc {
	return &rawDoc{SectionPos: map[string]Pos{}, Broken: map[string]bool{}}
}

// markAbsentSections marks the lists that were not written as broken, once
// a reader is done.
func markAbsentSections(d *rawDoc) {
	for _, f := range docSpec.fields {
		if _, present := d.SectionPos[f.name]; !present && f.kind.read == readList {
			d.Broken[f.name] = true
		}
	}
}
