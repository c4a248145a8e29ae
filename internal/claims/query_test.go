package claims

import (
	"strings"
	"testing"
)

func loadExchange(t testing.TB) *Model {
	t.Helper()
	m, err := LoadFile("testdata/exchange.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func ids(cs []*Claim) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return strings.Join(out, " ")
}

func relIDs(rs []*Relation) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.From.ID + ">" + r.To.ID
	}
	return strings.Join(out, " ")
}

func TestArticleOrderAndSpeakers(t *testing.T) {
	m := loadExchange(t)
	if got := ids(m.Claims); got != "a1 b1 c1 a2 d1 e1" {
		t.Errorf("claims in article order: got %q", got)
	}
	var sp []string
	for _, s := range m.Speakers {
		sp = append(sp, s.ID)
	}
	if got := strings.Join(sp, " "); got != "ann ben cy dee eve agency" {
		t.Errorf("speakers, principal first: got %q", got)
	}
	for i, c := range m.Claims {
		if c.Index != i {
			t.Errorf("claim %s has Index %d, want %d", c.ID, c.Index, i)
		}
	}
	wantPara := map[string]int{"a1": 2, "b1": 3, "c1": 4, "a2": 5, "d1": 6, "e1": 7}
	for _, c := range m.Claims {
		if c.Paragraph != wantPara[c.ID] {
			t.Errorf("%s: paragraph %d, want %d", c.ID, c.Paragraph, wantPara[c.ID])
		}
	}
}

func TestClaimsByFilter(t *testing.T) {
	m := loadExchange(t)
	ann, tax, people, bridge := m.Speaker("ann"), m.Topic("tax"), m.Topic("people"), m.Topic("bridge")
	rows := []struct {
		name   string
		filter Filter
		want   string
	}{
		{"no filter", Filter{}, "a1 a2"},
		{"one topic", Filter{Topics: []*Topic{people}}, "a2"},
		{"any of two topics", Filter{Topics: []*Topic{people, tax}}, "a1 a2"},
		{"topic with none", Filter{Topics: []*Topic{bridge}}, ""},
		{"search", Filter{Search: "RISE"}, "a1"},
		{"search words all required", Filter{Search: "ben wrong"}, "a2"},
		{"search and topic", Filter{Topics: []*Topic{tax}, Search: "higher"}, "a1"},
		{"search in summary", Filter{Search: "higher taxes"}, "a1"},
		{"search matches nothing", Filter{Search: "bridge"}, ""},
		{"blank search is no filter", Filter{Search: "   "}, "a1 a2"},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			if got := ids(m.ClaimsBy(ann, row.filter)); got != row.want {
				t.Errorf("got %q, want %q", got, row.want)
			}
		})
	}
}

func TestSearchFoldsQuotesAndCase(t *testing.T) {
	m := loadExchange(t)
	for _, q := range []string{"isn't", "ISN’T", "isn‘t"} {
		if got := ids(m.Select(Filter{Search: q})); got != "e1" {
			t.Errorf("search %q: got %q, want e1", q, got)
		}
	}
}

func TestAnswers(t *testing.T) {
	m := loadExchange(t)
	rows := []struct{ claim, answersTo, answering string }{
		{"a1", "b1>a1", ""},
		{"b1", "c1>b1", "b1>a1 b1>a2"},
		{"c1", "a2>c1", "c1>b1"},
		{"a2", "b1>a2", "a2>c1"},
		{"d1", "e1>d1", ""},
		{"e1", "", "e1>d1"},
	}
	for _, row := range rows {
		c := m.Claim(row.claim)
		if got := relIDs(m.AnswersTo(c)); got != row.answersTo {
			t.Errorf("AnswersTo(%s) = %q, want %q", row.claim, got, row.answersTo)
		}
		if got := relIDs(m.Answering(c)); got != row.answering {
			t.Errorf("Answering(%s) = %q, want %q", row.claim, got, row.answering)
		}
	}
	r := m.AnswersTo(m.Claim("d1"))[0]
	if r.Kind != "contradicts" || !r.Explicit || r.Note != "The article sets them side by side." {
		t.Errorf("relation e1>d1: %+v", r)
	}
}

func TestExchangeIsSafeOnCycles(t *testing.T) {
	m := loadExchange(t)
	// Every claim of the cyclic exchange yields the same exchange, each claim
	// and relation once.
	for _, id := range []string{"a1", "b1", "c1", "a2"} {
		ex := m.Exchange(m.Claim(id))
		if got := ids(ex.Claims); got != "a1 b1 c1 a2" {
			t.Errorf("Exchange(%s).Claims = %q", id, got)
		}
		if got := relIDs(ex.Relations); got != "b1>a1 b1>a2 c1>b1 a2>c1" {
			t.Errorf("Exchange(%s).Relations = %q", id, got)
		}
	}
	ex := m.Exchange(m.Claim("e1"))
	if ids(ex.Claims) != "d1 e1" || relIDs(ex.Relations) != "e1>d1" {
		t.Errorf("Exchange(e1) = %q / %q", ids(ex.Claims), relIDs(ex.Relations))
	}
}

func TestExchangeOfLoneClaim(t *testing.T) {
	m, err := Load("test.yaml", []byte(baseYAML(t)), readTestdata)
	if err != nil {
		t.Fatal(err)
	}
	ex := m.Exchange(m.Claim("c1"))
	if ids(ex.Claims) != "c1" || len(ex.Relations) != 0 {
		t.Errorf("Exchange(c1) = %q / %q", ids(ex.Claims), relIDs(ex.Relations))
	}
}

func TestUnansweredAndCounts(t *testing.T) {
	m := loadExchange(t)
	if got := ids(m.Unanswered(Filter{})); got != "e1" {
		t.Errorf("Unanswered = %q, want e1", got)
	}
	if got := ids(m.Unanswered(Filter{Topics: []*Topic{m.Topic("tax")}})); got != "" {
		t.Errorf("Unanswered(tax) = %q, want none", got)
	}
	counts := func(f Filter) []int { return m.SpeakerCounts(f) }
	if got := counts(Filter{}); !equalInts(got, []int{2, 1, 1, 1, 1, 0}) {
		t.Errorf("SpeakerCounts = %v", got)
	}
	if got := counts(Filter{Topics: []*Topic{m.Topic("bridge")}}); !equalInts(got, []int{0, 0, 0, 1, 1, 0}) {
		t.Errorf("SpeakerCounts(bridge) = %v", got)
	}
	if got := m.TopicCounts(Filter{}); !equalInts(got, []int{4, 2, 2}) {
		t.Errorf("TopicCounts = %v", got)
	}
	// the search narrows topic counts; the filter's own topics do not
	if got := m.TopicCounts(Filter{Search: "wrong", Topics: []*Topic{m.Topic("bridge")}}); !equalInts(got, []int{2, 0, 2}) {
		t.Errorf("TopicCounts(wrong) = %v", got)
	}
	if got := ids(m.Relayed(m.Speaker("agency"))); got != "e1" {
		t.Errorf("Relayed(agency) = %q", got)
	}
	if m.Claim("e1").ReportedBy != m.Speaker("agency") {
		t.Error("e1 is not reported by the agency")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSearchIgnoresApostrophes(t *testing.T) {
	m := loadExchange(t)
	for _, q := range []string{"isnt", "isn't", "ISN’T"} {
		if got := ids(m.Select(Filter{Search: q})); got != "e1" {
			t.Errorf("search %q: got %q, want e1", q, got)
		}
	}
}

func TestVoicedMergesOwnAndRelayedClaims(t *testing.T) {
	m := loadExchange(t)
	agency, eve, dee := m.Speaker("agency"), m.Speaker("eve"), m.Speaker("dee")
	if got := ids(m.Voiced(agency, Filter{})); got != "e1" {
		t.Errorf("Voiced(agency) = %q, want e1", got)
	}
	if got := ids(m.Voiced(eve, Filter{})); got != "e1" {
		t.Errorf("Voiced(eve) = %q, want e1", got)
	}
	if got := ids(m.Voiced(agency, Filter{Topics: []*Topic{m.Topic("tax")}})); got != "" {
		t.Errorf("Voiced(agency, tax) = %q, want none", got)
	}
	if got := m.VoicedCounts(Filter{}); !equalInts(got, []int{2, 1, 1, 1, 1, 1}) {
		t.Errorf("VoicedCounts = %v", got)
	}
	if got := m.VoicedCounts(Filter{Search: "safe"}); !equalInts(got, []int{0, 0, 0, 1, 1, 1}) {
		t.Errorf("VoicedCounts(safe) = %v", got)
	}

	// A speaker who both speaks and relays: Dee relays Eve's claim too, and
	// the merge keeps article order.
	m.relayedBy[dee] = []*Claim{m.Claim("e1")}
	if got := ids(m.Voiced(dee, Filter{})); got != "d1 e1" {
		t.Errorf("Voiced(dee) = %q, want d1 e1", got)
	}
	m.relayedBy[dee] = []*Claim{m.Claim("a1")}
	if got := ids(m.Voiced(dee, Filter{Search: "taxes bridge"})); got != "" {
		t.Errorf("Voiced(dee, no match) = %q", got)
	}
	if got := ids(m.Voiced(dee, Filter{})); got != "a1 d1" {
		t.Errorf("Voiced(dee) = %q, want a1 d1", got)
	}
}
