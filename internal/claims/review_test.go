package claims

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The review of the bundled annotation against the article, point by
// point: each test holds one finding to its fix.

// relation returns the relation from one claim to another, failing the
// test when there is none.
func relation(t *testing.T, m *Model, from, to string) *Relation {
	t.Helper()
	for _, r := range m.Relations {
		if r.From.ID == from && r.To.ID == to {
			return r
		}
	}
	t.Fatalf("no relation from %s to %s", from, to)
	return nil
}

func describeRels(rs []*Relation) string {
	var out []string
	for _, r := range rs {
		e := "inferred"
		if r.Explicit {
			e = "explicit"
		}
		out = append(out, fmt.Sprintf("%s %s %s (%s)", r.From.ID, r.Kind, r.To.ID, e))
	}
	return strings.Join(out, "; ")
}

// Obama's one reply (¶16, ¶17) is one statement that answers Lynton once,
// and the White House official's denial is inferred and qualifies: the
// showcase has two answers, not three.
func TestReviewObamasReplyAnswersOnce(t *testing.T) {
	m := loadBundled(t)
	if got := ids(m.Reports(m.Claim("obama-contact-about-hack"))); got != "obama-dismisses-consultation obama-contact-about-hack" {
		t.Errorf("the reports of Obama's reply: %s", got)
	}
	want := "obama-dismisses-consultation denies lynton-reached-out (explicit); white-house-categorically-incorrect qualifies lynton-reached-out (inferred)"
	if got := describeRels(m.AnswersTo(m.Claim("lynton-reached-out"))); got != want {
		t.Errorf("the answers to Lynton's ¶7:\n%s\nwant\n%s", got, want)
	}
	for _, r := range m.Relations {
		if r.From.ID == "obama-contact-about-hack" && r.Kind != KindRestates {
			t.Errorf("¶17 answers on its own: %s", describeRels([]*Relation{r}))
		}
	}
}

// The official is not said to answer Lynton, and Lynton did not say the
// White House knew of the shelving: the note must not credit him with it.
func TestReviewWhiteHouseOfficialIsInferred(t *testing.T) {
	m := loadBundled(t)
	r := relation(t, m, "white-house-categorically-incorrect", "lynton-reached-out")
	if r.Explicit || r.Kind != "qualifies" {
		t.Errorf("%s", describeRels([]*Relation{r}))
	}
	if strings.Contains(r.Note, "made by Lynton") || !strings.Contains(r.Note, "does not say whom the official answered") {
		t.Errorf("note: %s", r.Note)
	}
}

// KCNA is the intermediary exactly where the article names it for the
// passage: a claim has reported_by when, and only when, the paragraph of
// its passage names a state-media speaker (by name or alias).
func TestReviewIntermediaryWhereTheArticleNamesIt(t *testing.T) {
	m := loadBundled(t)
	paragraphs := strings.FieldsFunc(m.Article.Text, func(r rune) bool { return r == '\n' })
	for _, c := range m.Claims {
		var named *Speaker
		for _, s := range m.Speakers {
			if s.Kind != KindStateMedia {
				continue
			}
			for _, name := range append([]string{s.Name}, s.Aliases...) {
				if strings.Contains(paragraphs[c.Paragraph-1], strings.TrimPrefix(name, "the ")) {
					named = s
				}
			}
		}
		if c.ReportedBy != named {
			t.Errorf("%s (¶%d): reported_by %v, the paragraph names %v", c.ID, c.Paragraph, c.ReportedBy, named)
		}
	}
	if got := ids(m.Relayed(m.Speaker("kcna"))); got != "nk-no-tortures" {
		t.Errorf("KCNA relays %q", got)
	}
}

// The restatements are linked: North Korea's Saturday statement and
// Lynton's "not caved" are each one statement, and nothing else is.
func TestReviewRestatementsLinked(t *testing.T) {
	m := loadBundled(t)
	var statements []string
	seen := map[*Claim]bool{}
	for _, c := range m.Claims {
		if reports := m.Reports(c); len(reports) > 1 && !seen[c] {
			for _, r := range reports {
				seen[r] = true
			}
			statements = append(statements, ids(reports))
		}
	}
	want := []string{
		"nk-demands-joint-inquiry nk-proposes-joint-inquiry nk-means-to-prove nk-groundless-allegations nk-no-tortures nk-warns-grave-consequences nk-bear-in-mind",
		"lynton-not-caved-in lynton-not-caved lynton-other-platforms",
		"obama-dismisses-consultation obama-contact-about-hack",
	}
	if !slices.Equal(statements, want) {
		t.Errorf("statements reported more than once:\n%s\nwant\n%s", strings.Join(statements, "\n"), strings.Join(want, "\n"))
	}
	if got := Paragraphs(m.AlsoReported(m.Claim("nk-demands-joint-inquiry"))); got != "¶3, ¶23, ¶24, ¶25, ¶26, ¶28" {
		t.Errorf("¶2 is also reported in %s", got)
	}
	// One answer per pair of statements: no answer repeats another between
	// the same two statements, so none is hidden by being counted once.
	pairs := map[[2]int]*Relation{}
	for _, r := range m.Relations {
		if r.Kind == KindRestates {
			continue
		}
		k := [2]int{m.statementKey(r.From), m.statementKey(r.To)}
		if first, ok := pairs[k]; ok {
			t.Errorf("%s repeats %s", describeRels([]*Relation{r}), describeRels([]*Relation{first}))
		}
		pairs[k] = r
	}
}

// Each link says what it answers: North Korea's statement rebuts Obama's
// pledge once (what ¶24 denies, the US accusation, is no claim of the
// article); Lynton does not rebut the hackers, he stands against them.
func TestReviewLinksSayWhatTheyAnswer(t *testing.T) {
	m := loadBundled(t)
	if got := describeRels(m.Answering(m.Claim("nk-groundless-allegations"))); got != "nk-bear-in-mind rebuts obama-proportional-response (inferred)" {
		t.Errorf("North Korea's statement answers: %s", got)
	}
	for _, r := range m.Relations {
		if r.From.ID == "nk-groundless-allegations" && r.Kind != KindRestates {
			t.Errorf("¶24 answers on its own: %s", describeRels([]*Relation{r}))
		}
	}
	r := relation(t, m, "lynton-other-platforms", "hackers-not-in-any-form")
	if got := describeRels([]*Relation{r}); got != "lynton-other-platforms contradicts hackers-not-in-any-form (inferred)" {
		t.Errorf("%s", got)
	}
}

// What was missing: the hackers' threats of violence (¶10), in tension
// with North Korea's word that it would not attack cinema viewers (¶27);
// the unattributed calls for sanctions (¶21), which Lewis's "they don't
// have an economy" answers.
func TestReviewMissingClaims(t *testing.T) {
	m := loadBundled(t)
	for _, row := range []struct {
		claim, speaker, passage string
		paragraph               int
		answers                 string
	}{
		{"hackers-threats-of-violence", "hackers", "threats of violence from the hackers", 10, "nk-never-tolerate contradicts hackers-threats-of-violence (inferred)"},
		{"calls-for-sanctions", "unattributed", "there were calls for North Korea to face sanctions and be designated a state sponsor of terror", 21, "lewis-covert-options qualifies calls-for-sanctions (inferred)"},
	} {
		c := m.Claim(row.claim)
		if c == nil {
			t.Errorf("no claim %s", row.claim)
			continue
		}
		got := fmt.Sprintf("%s ¶%d %q: %s", c.Speaker.ID, c.Paragraph, m.Article.Text[c.Span.Start:c.Span.End], describeRels(m.AnswersTo(c)))
		if want := fmt.Sprintf("%s ¶%d %q: %s", row.speaker, row.paragraph, row.passage, row.answers); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", row.claim, got, want)
		}
	}
}

// Summaries keep the speaker's meaning, the article's labels stay the
// article's, no description stops mid-sentence, and the US options and
// the threats are topics of their own.
func TestReviewWordsKeepTheMeaning(t *testing.T) {
	m := loadBundled(t)
	for id, want := range map[string]string{
		"nk-no-tortures":           "North Korea says that, without resorting to such tortures as the US CIA used, it can prove the attack had nothing to do with it.",
		"obama-talked-to-me-first": "Obama wishes Sony had talked to him before pulling the film.",
		"lynton-no-alternative":    "Sony pulled the film only because most of America's cinemas refused to show it after the hackers' threats of violence, which left it no alternative.",
		"obama-mistake":            "Obama says Sony was wrong to pull the film under pressure.",
	} {
		if got := m.Claim(id).Summary; got != want {
			t.Errorf("%s: summary %q, want %q", id, got, want)
		}
	}
	if c := m.Claim("obama-mistake"); strings.Contains(c.Text+c.Summary, "Pyongyang") || strings.Contains(c.Text+c.Summary, "cyber-criminals") {
		t.Errorf("obama-mistake puts the article's label in Obama's mouth: %q", c.Text)
	}
	if got := m.Topic("distribution").Description; got != "Getting the film seen on other platforms, and the hackers' demand that it not be seen in any form" {
		t.Errorf("distribution: %q", got)
	}
	speakersOf := func(topic string) string {
		var out []string
		for _, c := range m.Select(Filter{Topics: []*Topic{m.Topic(topic)}}) {
			if !slices.Contains(out, c.Speaker.ID) {
				out = append(out, c.Speaker.ID)
			}
		}
		return strings.Join(out, " ")
	}
	if m.Topic("retaliation") != nil {
		t.Error("the topic lumping the US options with North Korea's threats is still there")
	}
	if got := speakersOf("us-response"); got != "obama mccain unattributed james-lewis" {
		t.Errorf("the US response: %s", got)
	}
	if got := speakersOf("threats"); got != "north-korea hackers" {
		t.Errorf("threats: %s", got)
	}
}
