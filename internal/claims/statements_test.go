package claims

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func loadRestates(t testing.TB) *Model {
	t.Helper()
	m, err := LoadFile("testdata/restates.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Reports of one statement are one statement: each knows the others, and
// its answers are the statement's, one for each answering statement.
func TestRestatementsAreOneStatement(t *testing.T) {
	m := loadRestates(t)
	rows := []struct {
		claim, reports, also, answersTo, answering string
	}{
		{"m1", "m1 m2 m3", "m2 m3", "d1>m2 k1>m1", ""},
		{"m2", "m1 m2 m3", "m1 m3", "d1>m2 k1>m1", ""},
		{"m3", "m1 m2 m3", "m1 m2", "d1>m2 k1>m1", ""},
		// Dee's one reply answers the minister through two reports of
		// each: it answers once, by the first of its answers in article
		// order of what it answers.
		{"d1", "d1 d2", "d2", "", "d1>m2"},
		{"d2", "d1 d2", "d1", "", "d1>m2"},
		{"k1", "k1", "", "", "k1>m1"},
	}
	for _, row := range rows {
		c := m.Claim(row.claim)
		got := fmt.Sprintf("%s | %s | %s | %s", ids(m.Reports(c)), ids(m.AlsoReported(c)), relIDs(m.AnswersTo(c)), relIDs(m.Answering(c)))
		want := fmt.Sprintf("%s | %s | %s | %s", row.reports, row.also, row.answersTo, row.answering)
		if got != want {
			t.Errorf("%s: reports | also | answers to | answering = %s\nwant %s", row.claim, got, want)
		}
	}
	if got := ids(m.Unanswered(Filter{})); got != "d1 d2 k1" {
		t.Errorf("Unanswered = %q, want d1 d2 k1", got)
	}
	if got := Paragraphs(m.AlsoReported(m.Claim("m3"))); got != "¶2, ¶3" {
		t.Errorf("Paragraphs = %q", got)
	}
	// The model keeps every relation, restatements among them.
	if len(m.Relations) != 6 {
		t.Errorf("%d relations, want 6", len(m.Relations))
	}
}

// The exchange holds each statement once, by the claim asked about or
// else its first quote, else its first report, and each answer between two
// statements once.
func TestExchangeShowsEachStatementOnce(t *testing.T) {
	m := loadRestates(t)
	for _, row := range []struct{ from, claims, relations string }{
		{"m2", "m2 d1 k1", "d1>m2 k1>m1"},
		{"d2", "d2 m3 k1", "d1>m2 k1>m1"},
		{"k1", "d1 m3 k1", "d1>m2 k1>m1"},
	} {
		ex := m.Exchange(m.Claim(row.from))
		if got := ids(ex.Claims) + " | " + relIDs(ex.Relations); got != row.claims+" | "+row.relations {
			t.Errorf("Exchange(%s) = %s, want %s | %s", row.from, got, row.claims, row.relations)
		}
	}
}

// What a restatement cannot be: between speakers, or the bridge of an
// answer within one statement.
func TestRestatementProblems(t *testing.T) {
	data, err := os.ReadFile("testdata/restates.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := string(data)
	rows := []struct{ name, add, want string }{
		{"different speakers", "  - {from: k1, to: m2, kind: restates, explicit: false}\n",
			`37:30: "k1" (critics) cannot restate "m2" (minister): they are by different speakers`},
		{"an answer within a statement", "  - {from: m2, to: m1, kind: qualifies, explicit: false}\n",
			`37:30: "m2" cannot answer "m1": they report the same statement (linked by restates)`},
		{"an answer within a statement, through another report", "  - {from: d1, to: d2, kind: rebuts, explicit: false}\n",
			`37:30: "d1" cannot answer "d2": they report the same statement (linked by restates)`},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			got, _ := problemsOf(t, base+row.add)
			if strings.Join(got, "\n") != row.want {
				t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), row.want)
			}
		})
	}
}

// A statement reported thousands of times is one statement to every query,
// for each of its reports; the answerer that answers two of its reports
// answers it once.
func TestALargeStatementAnswersOnce(t *testing.T) {
	const n = 3000
	var article, yaml strings.Builder
	article.WriteString("Reports\n\n")
	yaml.WriteString("article: {title: Reports, file: a.txt}\nspeakers:\n  - {id: s, name: S, role: R, kind: person}\n  - {id: u, name: U, role: R, kind: person}\ntopics:\n  - {id: x, label: x}\nclaims:\n")
	for i := range n {
		fmt.Fprintf(&article, "S said thing number %d.\n", i)
		fmt.Fprintf(&yaml, "  - {id: r%d, speaker: s, mode: quote, text: thing number %d., topics: [x]}\n", i, i)
	}
	article.WriteString("U disagreed.\n")
	yaml.WriteString("  - {id: a, speaker: u, mode: quote, text: U disagreed., topics: [x]}\nrelations:\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&yaml, "  - {from: r%d, to: r%d, kind: restates, explicit: false}\n", i, i-1)
	}
	yaml.WriteString("  - {from: a, to: r2999, kind: rebuts, explicit: true}\n  - {from: a, to: r0, kind: rebuts, explicit: true}\n")
	m, err := Load("big.yaml", []byte(yaml.String()), func(string) (string, []byte, error) { return "a.txt", []byte(article.String()), nil })
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range m.Claims[:n] {
		if got := relIDs(m.AnswersTo(c)); got != "a>r0" {
			t.Fatalf("AnswersTo(%s) = %q, want a>r0", c.ID, got)
		}
		if len(m.Reports(c)) != n {
			t.Fatalf("%s has %d reports", c.ID, len(m.Reports(c)))
		}
	}
	if got := relIDs(m.Answering(m.Claim("a"))); got != "a>r0" {
		t.Errorf("Answering(a) = %q", got)
	}
	if ex := m.Exchange(m.Claim("r5")); ids(ex.Claims) != "r5 a" || relIDs(ex.Relations) != "a>r0" {
		t.Errorf("Exchange(r5) = %s | %s", ids(ex.Claims), relIDs(ex.Relations))
	}
	if got := len(m.Unanswered(Filter{})); got != 1 {
		t.Errorf("%d unanswered, want 1 (a)", got)
	}
}
