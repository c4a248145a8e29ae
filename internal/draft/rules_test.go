package draft

import (
	"fmt"
	"strings"
	"testing"
)

// TestRules checks what rules of English news style make of short
// passages: each claim as rule, speaker and the words attributed, in order.
func TestRules(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{
			"a participle inside a split quote reports what it was about",
			"“This is in their heads,” said Pat Caddell, speaking of the health issue. “It is one of the things worrying them.”\n",
			[]string{
				"reported|Pat Caddell|the health issue",
				"quote-split|Pat Caddell|This is in their heads,” said Pat Caddell, speaking of the health issue. “It is one of the things worrying them.",
			},
		},
		{
			"referring to: the object is the content, the quotation after it the rest of the first",
			"“Every time you say that,” Jon Tester said, referring to the 1 percent excuse, “you give ammunition to the people.”\n",
			[]string{
				"reported|Jon Tester|the 1 percent excuse",
				"quote-split|Jon Tester|Every time you say that,” Jon Tester said, referring to the 1 percent excuse, “you give ammunition to the people.",
			},
		},
		{
			"summing up",
			"\"It was a sad moment,\" said Donald Tusk, summing up conversations that went beyond security. \"People are concerned.\"\n",
			[]string{
				"reported|Donald Tusk|conversations that went beyond security",
				"quote-split|Donald Tusk|It was a sad moment,\" said Donald Tusk, summing up conversations that went beyond security. \"People are concerned.",
			},
		},
		{
			"a participle that a capitalised quotation follows reports that quotation",
			"\"The people do not agree with Trump,\" Bernie Sanders said, suggesting a few questions, including, \"Mr. Trump, do you really think so?\"\n",
			[]string{
				"mixed|Bernie Sanders|a few questions, including, \"Mr. Trump, do you really think so?\"",
				"quote|Bernie Sanders|The people do not agree with Trump,",
			},
		},
		{
			"a mother of three is someone",
			"When asked about fathers, the 34-year-old mother of three replied, \"It is meant to benefit the mother.\"\n",
			[]string{"quote|34-year-old mother of three|It is meant to benefit the mother."},
		},
		{
			"a letter reads",
			"“We see charter schools offering hope,” the letter reads. “Our support is not abstract.”\n",
			[]string{"quote-split|letter|We see charter schools offering hope,” the letter reads. “Our support is not abstract."},
		},
		{
			"an article read",
			"“Leaders honored Donald J. Trump yesterday,” the article read.\n",
			[]string{"quote|article|Leaders honored Donald J. Trump yesterday,"},
		},
		{
			"a person who reads says nothing",
			"John Smith read the report and said it was bad.\n",
			[]string{"reported|John Smith|it was bad"},
		},
		{
			"a quoted sentence after the verb is the whole content",
			"Protesters marching through the streets chanted \"What curfew?\" and kept going until 2 a.m.\n",
			[]string{"quote|Protesters|What curfew?"},
		},
		{
			"a quotation set off before its own source and verb",
			"The statement referenced the impact it said Clinton would have on women: “Her fight has opened the door,” the union wrote.\n",
			[]string{
				"reported|unnamed speaker (it)|Clinton would have on women",
				"quote|union|Her fight has opened the door,",
			},
		},
		{
			"a source and its verb on either side of a dashed aside",
			"The network's chief -- who runs it from Moscow -- told me, ''We're a content provider.''\n",
			[]string{"quote|network's chief|We're a content provider."},
		},
		{
			"as someone put it",
			"As Joe Smith, a researcher at the center, recently put it, ''Did he lower his taxes through tax avoidance?''\n",
			[]string{"quote|Joe Smith|Did he lower his taxes through tax avoidance?"},
		},
		{
			"an exclaimed quotation and its source after it, with a nickname in quotes",
			"\"This is a big year for our senator!\" Marcia \"Cia\" Price shouted to the crowd.\n",
			[]string{"quote|Marcia \"Cia\" Price|This is a big year for our senator!"},
		},
		{
			"a verb's capital after a name's word is the name's",
			"Celebrities like Patti LaBelle and Stevie Wonder, who joked of the museum, ''I haven't seen it yet.''\n",
			[]string{"quote|Stevie Wonder|I haven't seen it yet."},
		},
		{
			"a headline's capitals are verbs still",
			"Clinton Says She Will Win\n\nShe spoke.\n",
			[]string{"reported|Clinton|She Will Win"},
		},
		{
			"a long dashed aside",
			"John Dickey, the chief executive of Ora Media -- the company that owns the programming, which is also streamed on Hulu and its site -- told me, ''We're a content provider.''\n",
			[]string{"quote|chief executive of Ora Media|We're a content provider."},
		},
		{
			"the quotation a colon introduces, before she said, and the next one apart",
			"Sen. Claire McCaskill scolded him: “The scientific community is against you,” she said. “When you call a product a miracle, it is not one.”\n",
			[]string{
				"quote|unnamed speaker (she)|The scientific community is against you,",
				"quote-nearby|unnamed speaker (she)|When you call a product a miracle, it is not one.",
			},
		},
		{
			"a quotation after a preposition is a title",
			"Mary J. Blige sings to Hillary Clinton in a clip of ‘The 411.’\n",
			nil,
		},
		{
			"after going on to something else, a quotation is not the rest of the one before",
			"\"We are looking at the needs of the people,\" Bernie Sanders said, going on to contrast the plans. \"So I would say look at the issues.\"\n",
			[]string{
				"quote|Bernie Sanders|We are looking at the needs of the people,",
				"quote-nearby|Bernie Sanders|So I would say look at the issues.",
			},
		},
		{
			"a clause of when after a quotation is not what was said",
			"Hillary Clinton spoke ‘directly to white people’ after the latest police shooting.\n",
			[]string{"quote|Hillary Clinton|directly to white people"},
		},
		{
			"a report in the attribution after a quotation is a claim of its own",
			"“It’s finished,” she said of the election, in which she was sure Trump would triumph. “In my head, anyway.”\n",
			[]string{
				"reported|unnamed speaker (she)|Trump would triumph",
				"quote-split|unnamed speaker (she)|It’s finished,” she said of the election, in which she was sure Trump would triumph. “In my head, anyway.",
			},
		},
		{
			"rejecting a plan is an act, not speech",
			"Council Rejects Bridge Plan\n\nThe city council on Tuesday rejected a plan to rebuild the Old Mill bridge, ignoring warnings from engineers.\n",
			nil,
		},
		{
			"a statement noun with its clause is what was denied",
			"The mayor dismissed the suggestion that the bridge was unsafe.\n",
			[]string{"reported|mayor|the suggestion that the bridge was unsafe"},
		},
		{
			"what an object is dismissed as is said",
			"Mr. Obama dismissed the criticism as the voice of a coal company.\n",
			[]string{"reported|Obama|the criticism as the voice of a coal company"},
		},
		{
			"a denial is speech whatever its object",
			"The Saudi government has strongly denied any involvement in the attacks.\n",
			[]string{"reported|Saudi government|any involvement in the attacks"},
		},
		{
			"a statement noun after a possessive keeps its clause",
			"Jane Doe contradicted the police’s earlier claim that the man had refused to stop.\n",
			[]string{"reported|Jane Doe|the police’s earlier claim that the man had refused to stop"},
		},
		{
			"dismissing a warning is an answer; the participle after it says what",
			"Council member Tom Reed dismissed the warning, saying the bridge had passed its last inspection. \"The engineers are exaggerating,\" he told reporters.\n",
			[]string{
				"reported|Tom Reed|the bridge had passed its last inspection",
				"quote|Tom Reed|The engineers are exaggerating,",
			},
		},
		{
			"defending a noun phrase is an act; the pronoun after it is the person named",
			"The finance minister, Anna Berg, defended the cuts on Monday. \"These savings are necessary,\" she told reporters.\n\n" +
				"Ms Berg hit back, saying the opposition had no plan.\n",
			[]string{
				"quote|Anna Berg|These savings are necessary,",
				"reported|Anna Berg|the opposition had no plan",
			},
		},
		{
			"defending a clause is speech",
			"Anna Berg defended the cuts, saying that they were necessary.\n",
			[]string{"reported|Anna Berg|they were necessary"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := checkDraft(t, c.text)
			var got []string
			for _, cl := range d.Claims {
				got = append(got, cl.Rule+"|"+cl.Speaker.Name+"|"+c.text[cl.Content.Start:cl.Content.End])
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestRelationsAddressed checks whom a relation cue links a claim to: a
// statement of another speaker, never the cue's own speaker or one whose
// name has the same head.
func TestRelationsAddressed(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{
			"a dismissal answers the warning before it",
			"“This bridge is not safe,” said Maria Lopez, the city's chief engineer.\n\n" +
				"Council member Tom Reed dismissed the warning, saying the bridge had passed its last inspection.\n",
			[]string{"Tom Reed ¶2 denies Maria Lopez ¶1"},
		},
		{
			"a body does not answer itself under another name",
			"Council Says Bridge Budget Will Be Cut\n\n" +
				"The city council denied that the bridge budget will be cut.\n",
			nil,
		},
		{
			"praising a plan is no statement to answer",
			"The mayor praised the bridge plan.\n\nTom Reed countered that the bridge plan was too costly.\n",
			nil,
		},
		{
			"a statement is answered",
			"The mayor said the bridge plan was cheap.\n\nTom Reed countered that the bridge plan was too costly.\n",
			[]string{"Tom Reed ¶2 rebuts mayor ¶1"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := checkDraft(t, c.text)
			var got []string
			for _, r := range d.Relations {
				got = append(got, fmt.Sprintf("%s ¶%d %s %s ¶%d", r.From.Speaker.Name, r.From.Paragraph, r.Kind, r.To.Speaker.Name, r.To.Paragraph))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestToldReporters checks that the reporters a speaker tells are neither
// a speaker nor a venue, and that "he" is the speaker named before.
func TestToldReporters(t *testing.T) {
	text := "Council member Tom Reed dismissed the warning, saying the bridge had passed its last inspection. " +
		"\"The engineers are exaggerating,\" he told reporters.\n"
	d := checkDraft(t, text)
	for _, cl := range d.Claims {
		if cl.Speaker.Name != "Tom Reed" || cl.Venue != "" {
			t.Errorf("claim %q: speaker %q, venue %q; want Tom Reed and no venue", text[cl.Content.Start:cl.Content.End], cl.Speaker.Name, cl.Venue)
		}
	}
	if len(d.Claims) != 2 {
		t.Errorf("%d claims, want 2", len(d.Claims))
	}
}

// TestHearerWithArticle checks that a hearer "the X" before "that" is
// left out of what was said, and that it is the venue when it is a medium.
func TestHearerWithArticle(t *testing.T) {
	for _, c := range []struct{ name, text, content, venue string }{
		{"a newspaper", "Tom Reyes told the Gazette that the bridge could stand.\n", "the bridge could stand", "the Gazette"},
		{"a body is no venue", "Tom Reyes told the city council that the bridge could stand.\n", "the bridge could stand", ""},
		{"a relative clause after praise stays with what was praised", "Tom Reyes praised the plan that the council passed.\n", "the plan that the council passed", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := checkDraft(t, c.text)
			var got []string
			for _, cl := range d.Claims {
				got = append(got, c.text[cl.Content.Start:cl.Content.End]+"|"+cl.Venue)
			}
			want := ""
			if c.content != "" {
				want = c.content + "|" + c.venue
			}
			if strings.Join(got, "\n") != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestRoleBeforeName checks that an occupation put before a name as a
// title is the speaker's role, not part of the name, and that a role
// set off before the name ("The bank's chief economist, Lena Holm,")
// is the role of the person named.
func TestRoleBeforeName(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"a coach", "Coach Dana Miles said the team could win.\n", "Dana Miles|Coach"},
		{"an engineer", "Engineer Tom Reyes said the bridge could stand.\n", "Tom Reyes|Engineer"},
		{"an economist", "Economist Lena Holm said rates would rise.\n", "Lena Holm|Economist"},
		{"a role set off before the name", "The bank's chief economist, Lena Holm, said rates would rise.\n", "Lena Holm|The bank's chief economist"},
		{"a minister set off before the name", "The finance minister, Anna Berg, said rates would rise.\n", "Anna Berg|finance minister"},
		{"a name then its role", "Lena Holm, the bank's chief economist, said rates would rise.\n", "Lena Holm|the bank's chief economist"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := checkDraft(t, c.text)
			var got []string
			for _, sp := range d.Speakers {
				got = append(got, sp.Name+"|"+sp.Role)
			}
			if strings.Join(got, "\n") != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestBareTitleIsThePersonNamed checks that a headline's speaker named by
// a title alone is the one person whose role it is, so that the pronoun
// after it is that person too.
func TestBareTitleIsThePersonNamed(t *testing.T) {
	text := "Minister says budget cuts are necessary\n\n" +
		"The finance minister, Anna Berg, defended the cuts on Monday. \"These savings are necessary,\" she told reporters.\n"
	d := checkDraft(t, text)
	var got []string
	for _, cl := range d.Claims {
		got = append(got, cl.Speaker.Name+"|"+text[cl.Content.Start:cl.Content.End])
	}
	want := "Anna Berg|budget cuts are necessary\nAnna Berg|These savings are necessary,"
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if len(d.Speakers) != 1 || d.Speakers[0].Role != "finance minister" {
		t.Errorf("%d speakers, want Anna Berg alone, finance minister", len(d.Speakers))
	}
}
