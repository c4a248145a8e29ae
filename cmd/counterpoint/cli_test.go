package main

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

const (
	usageHint     = "Run 'counterpoint --help' for usage.\n"
	bundledHeader = "North Korea demands joint inquiry with US into Sony hacking scandal\n"
	bundledSound  = "bundled claims.yaml: sound — 27 claims by 9 speakers, 7 topics, 23 relations; every passage found in article.txt\n"
	bridgeSound   = "testdata/bridge/claims.yaml: sound — 5 claims by 4 speakers, 2 topics, 3 relations; every passage found in article.txt\n"
)

// cliCase is one run of the command line and what it must give. A failing
// run (code != 0) must write nothing to stdout; a successful one nothing to
// stderr unless stderr says otherwise.
type cliCase struct {
	name   string
	args   []string
	code   int
	stdout string   // exact stdout, when set
	golden bool     // stdout equals testdata/TestCLI/<name>.golden
	ids    []string // the claim ids of the text listing, in order
	outHas []string // substrings of stdout
	stderr string   // exact stderr, when set
	errHas []string // substrings of stderr
	check  func(t *testing.T, stdout string)
}

func TestCLI(t *testing.T) {
	good := copyBundled(t)
	obama := []string{"obama-mistake", "obama-talked-to-me-first", "obama-dismisses-consultation", "obama-contact-about-hack", "obama-proportional-response"}
	distribution := []string{"lynton-not-caved-in", "lynton-not-caved", "lynton-other-platforms", "lynton-no-distributor", "hackers-not-in-any-form"}
	distributionOrWho := []string{"lynton-not-caved-in", "lynton-not-caved", "lynton-other-platforms", "lynton-no-distributor",
		"hackers-not-in-any-form", "obama-proportional-response", "nk-means-to-prove", "nk-groundless-allegations", "nk-no-tortures"}
	lyntonDistribution := []string{"lynton-not-caved-in", "lynton-not-caved", "lynton-other-platforms", "lynton-no-distributor"}

	tests := []cliCase{
		// The bare command prints the listing, since stdout is not a terminal.
		{name: "bare", stderr: explorerHint, args: nil, golden: true, outHas: []string{bundledHeader + "27 claims · 9 speakers · 7 topics · 23 relations\n\n"}},
		{name: "list_text", args: []string{"list"}, outHas: []string{bundledHeader + "27 claims · "}},
		{name: "list_format_text", args: []string{"list", "--format", "text"}, outHas: []string{bundledHeader + "27 claims · "}},
		{name: "list_markdown", args: []string{"list", "--format", "markdown"}, golden: true},
		{name: "list_json", args: []string{"list", "--format", "json"}, check: jsonIDs(27, "nk-demands-joint-inquiry", "nk-bear-in-mind")},
		{name: "list_format_equals", args: []string{"list", "--format=markdown", "--speaker=mccain"},
			stdout: "# " + bundledHeader + "\n1 of 27 claims · 9 speakers · 7 topics · 23 relations · filter: speaker John McCain\n\n" +
				"<a id=\"mccain-act-of-war\"></a>\n## ¶21 · John McCain\n\n*Paraphrase:* The hacking was an \"act of war\".\n\n" +
				"*Summary:* McCain calls the hack an act of war.\n\n- **Topics:** the US response\n" +
				"- **Qualified by** James Lewis, ¶22 (`lewis-covert-options`) (inferred)\n- **Id:** `mccain-act-of-war`\n"},
		// A relaying speaker lists what it relays.
		{name: "relaying_speaker", args: []string{"list", "--speaker", "kcna"},
			ids: []string{"nk-no-tortures"}},

		// Filters.
		{name: "speaker", args: []string{"list", "--speaker", "obama"}, ids: obama,
			outHas: []string{"\n5 of 27 claims · 9 speakers · 7 topics · 23 relations · filter: speaker Barack Obama\n"}},
		{name: "speaker_on_root", stderr: explorerHint, args: []string{"--speaker", "obama"}, ids: obama},
		{name: "topic", args: []string{"list", "--topic", "distribution"}, ids: distribution,
			outHas: []string{"\n5 of 27 claims · 9 speakers · 7 topics · 23 relations · filter: topic distribution\n"}},
		{name: "topic_repeated", args: []string{"list", "--topic", "distribution", "--topic", "who-did-it"}, ids: distributionOrWho,
			outHas: []string{" · filter: topic distribution or who did it?\n"}},
		{name: "topic_commas", args: []string{"list", "--topic", "distribution,who-did-it"}, ids: distributionOrWho},
		{name: "topic_commas_spaces", args: []string{"list", "--topic", "distribution, who-did-it"}, ids: distributionOrWho},
		{name: "topic_twice", args: []string{"list", "--topic", "distribution,distribution"}, ids: distribution,
			outHas: []string{" · filter: topic distribution\n"}},
		{name: "topic_on_root", stderr: explorerHint, args: []string{"--topic", "who-did-it,distribution"}, ids: distributionOrWho},
		{name: "search", args: []string{"list", "--search", "caved"}, ids: []string{"lynton-not-caved-in", "lynton-not-caved"},
			outHas: []string{` · filter: search "caved"` + "\n"}},
		{name: "search_every_word", args: []string{"list", "--search", "grave PROPOSAL"},
			ids: []string{"nk-warns-grave-consequences", "nk-bear-in-mind"}},
		// Lynton's "don’t" is curly, Lewis's "don't" straight.
		{name: "search_folds_apostrophes", args: []string{"list", "--search", "DON'T"},
			ids: []string{"lynton-sequence-of-events", "lewis-covert-options"}},
		{name: "search_folds_curly", args: []string{"list", "--search", "don’t"},
			ids: []string{"lynton-sequence-of-events", "lewis-covert-options"}},
		{name: "search_blank", args: []string{"list", "--search", "   "}, outHas: []string{"\n27 claims · "}},
		{name: "combined", args: []string{"list", "--speaker", "north-korea", "--topic", "threats", "--search", "grave"},
			ids:    []string{"nk-proposes-joint-inquiry", "nk-warns-grave-consequences", "nk-bear-in-mind"},
			outHas: []string{` · filter: speaker North Korea, topic threats, search "grave"` + "\n"}},
		{name: "combined_on_root", stderr: explorerHint, args: []string{"--speaker", "lynton", "--topic", "distribution"}, ids: lyntonDistribution},
		{name: "combined_json", args: []string{"list", "--speaker", "lynton", "--topic", "distribution", "--format", "json"},
			check: jsonIDs(4, lyntonDistribution...)},
		{name: "no_match", args: []string{"list", "--speaker", "mccain", "--topic", "distribution"},
			stdout: bundledHeader + "0 of 27 claims · 9 speakers · 7 topics · 23 relations · filter: speaker John McCain, topic distribution\n\nNo claims match.\n"},
		{name: "no_match_json", args: []string{"list", "--search", "zebra", "--format", "json"},
			stdout: "{\n  \"filter\": \"search \\\"zebra\\\"\",\n  \"claims\": [],\n  \"relations\": []\n}\n"},

		// Export.
		{name: "export", args: []string{"export", "--format", "json"}, check: exportShape(27, bundledHeader)},
		{name: "export_default", args: []string{"export"}, check: exportShape(27, bundledHeader)},
		{name: "export_yaml", args: []string{"export", "--format", "yaml"}, code: 2,
			stderr: "counterpoint: unknown export format \"yaml\"; the export format is json\n" + usageHint},

		// Validate.
		{name: "validate", args: []string{"validate"}, stdout: bundledSound},
		{name: "validate_copy", args: []string{"validate", good},
			stdout: good + ": sound — 27 claims by 9 speakers, 7 topics, 23 relations; every passage found in article.txt\n"},
		{name: "validate_bridge", args: []string{"validate", bridge}, stdout: bridgeSound},
		{name: "validate_claims_flag", args: []string{"--claims", bridge, "validate"}, stdout: bridgeSound},
		{name: "validate_arg_over_flag", args: []string{"--claims", bridgeBad, "validate", bridge}, stdout: bridgeSound},
		{name: "validate_missing", args: []string{"validate", "missing.yaml"}, code: 1,
			stderr: "missing.yaml: no such file\n    check the path; an annotation's article is found relative to the annotation\n"},
		{name: "validate_directory", args: []string{"validate", "testdata"}, code: 1,
			stderr: "testdata: is a directory, not a file\n    give the path of a file in it, not of the directory\n"},

		// Another annotation.
		{name: "bridge_list", args: []string{"--claims", bridge, "list"}, golden: true},
		{name: "bridge_bare", stderr: explorerHint, args: []string{"--claims", bridge},
			ids: []string{"mayor-safe-open", "engineer-failed", "mayor-safe-again", "mayor-formality", "council-vote"}},
		{name: "bridge_markdown", args: []string{"list", "--claims", bridge, "--format", "markdown"}, golden: true},
		{name: "bridge_filtered", args: []string{"list", "--claims", bridge, "--speaker", "mayor", "--topic", "closure"},
			ids: []string{"mayor-safe-open"}},
		{name: "bridge_export", args: []string{"export", "--claims", bridge}, check: exportShape(5, "Council and mayor clash over the river bridge\n")},
		{name: "bridge_speakers", args: []string{"--claims", bridge, "speakers"}, golden: true},
		{name: "bridge_topics", args: []string{"topics", "--claims", bridge}, golden: true},
		{name: "bridge_unknown_speaker", args: []string{"--claims", bridge, "list", "--speaker", "obama"}, code: 2,
			stderr: "counterpoint: unknown speaker \"obama\"; the speakers are: mayor, engineer, council, newsletter\n" + usageHint},
		{name: "claims_missing", args: []string{"--claims", "testdata/none.yaml", "list"}, code: 1,
			errHas: []string{"testdata/none.yaml: no such file\n"}},

		// Speakers and topics.
		{name: "speakers", args: []string{"speakers"}, golden: true},
		{name: "topics", args: []string{"topics"}, golden: true},

		// Unknown ids: exit 2, with the known ids.
		{name: "unknown_speaker", args: []string{"list", "--speaker", "putin"}, code: 2,
			stderr: "counterpoint: unknown speaker \"putin\"; the speakers are: lynton, obama, white-house-official, north-korea, kcna, mccain, james-lewis, hackers, unattributed\n" + usageHint},
		{name: "unknown_topic", args: []string{"list", "--topic", "distribution,sanctions"}, code: 2,
			stderr: "counterpoint: unknown topic \"sanctions\"; the topics are: pulling-the-film, white-house-consulted, distribution, who-did-it, joint-inquiry, us-response, threats\n" + usageHint},
		{name: "unknown_topic_on_root", args: []string{"--topic", "sanctions"}, code: 2, errHas: []string{`unknown topic "sanctions"; the topics are: pulling-the-film,`}},
		// Ids and names match without regard to case; a near miss is named.
		{name: "speaker_by_name", args: []string{"list", "--speaker", "Obama"},
			ids: []string{"obama-mistake", "obama-talked-to-me-first", "obama-dismisses-consultation", "obama-contact-about-hack", "obama-proportional-response"}},
		{name: "speaker_by_full_name", args: []string{"list", "--speaker", "barack OBAMA"},
			ids: []string{"obama-mistake", "obama-talked-to-me-first", "obama-dismisses-consultation", "obama-contact-about-hack", "obama-proportional-response"}},
		{name: "speaker_by_surname", args: []string{"list", "--speaker", "Lewis"}, ids: []string{"lewis-covert-options"}},
		{name: "speaker_by_upper_id", args: []string{"list", "--speaker", "KCNA", "--topic", "Who-Did-It"},
			ids: []string{"nk-no-tortures"}},
		{name: "speaker_typo", args: []string{"list", "--speaker", "obamma"}, code: 2,
			stderr: "counterpoint: unknown speaker \"obamma\" (did you mean \"obama\"?); the speakers are: lynton, obama, white-house-official, north-korea, kcna, mccain, james-lewis, hackers, unattributed\n" + usageHint},
		{name: "topic_typo", args: []string{"list", "--topic", "threts"}, code: 2,
			stderr: "counterpoint: unknown topic \"threts\" (did you mean \"threats\"?); the topics are: pulling-the-film, white-house-consulted, distribution, who-did-it, joint-inquiry, us-response, threats\n" + usageHint},
		// An article given as the annotation: say so, and how to annotate it.
		{name: "claims_is_an_article", args: []string{"--claims", "testdata/bridge/article.txt", "list"}, code: 1,
			stderr: "counterpoint: testdata/bridge/article.txt: this looks like an article, not an annotation (an annotation is a YAML file with article:, speakers:, topics: and claims:). " +
				"To draft an annotation of it: counterpoint draft testdata/bridge/article.txt -o DIR, then open DIR/claims.yaml; or write one by hand beside it, as the README's \"Annotating another article\" says\n"},
		{name: "validate_an_article", args: []string{"validate", "testdata/bridge/article.txt"}, code: 1,
			errHas: []string{"this looks like an article, not an annotation"}},

		{name: "unknown_format", args: []string{"list", "--format", "xml"}, code: 2,
			stderr: "counterpoint: unknown format \"xml\"; use one of: text, json, markdown\n" + usageHint},

		// Wrong usage.
		{name: "unknown_flag", args: []string{"list", "--bogus"}, code: 2, stderr: "counterpoint: unknown flag: --bogus\n" + usageHint},
		{name: "unknown_flag_root", args: []string{"--bogus"}, code: 2, stderr: "counterpoint: unknown flag: --bogus\n" + usageHint},
		{name: "search_on_root", args: []string{"--search", "x"}, code: 2, stderr: "counterpoint: unknown flag: --search\n" + usageHint},
		{name: "flag_without_value", args: []string{"list", "--speaker"}, code: 2, stderr: "counterpoint: flag needs an argument: --speaker\n" + usageHint},
		{name: "unknown_command", args: []string{"bogus"}, code: 2, stderr: "counterpoint: unknown command \"bogus\" for \"counterpoint\"\n" + usageHint},
		{name: "extra_arg_list", args: []string{"list", "extra"}, code: 2, errHas: []string{`"extra"`, usageHint}},
		{name: "extra_arg_speakers", args: []string{"speakers", "extra"}, code: 2, errHas: []string{`"extra"`, usageHint}},
		{name: "extra_arg_validate", args: []string{"validate", "a.yaml", "b.yaml"}, code: 2,
			stderr: "counterpoint: accepts at most 1 arg(s), received 2\n" + usageHint},

		// Help and version.
		{name: "help", args: []string{"--help"},
			outHas: []string{"--claims", "--speaker", "--topic", "--version", "--help", "list", "export", "validate", "speakers", "topics", "completion"}},
		{name: "help_short", args: []string{"-h"}, outHas: []string{"--claims", "--speaker", "--topic"}},
		{name: "list_help", args: []string{"list", "--help"}, outHas: []string{"--format", "--search", "--speaker", "--topic", "--claims", "text, json or markdown"}},
		{name: "help_list", args: []string{"help", "list"}, outHas: []string{"--format", "--search", "--speaker", "--topic", "--claims"}},
		{name: "export_help", args: []string{"export", "--help"}, outHas: []string{"--format", "span"}},
		{name: "validate_help", args: []string{"validate", "--help"}, outHas: []string{"validate [FILE]", "file:line:column"}},
		{name: "version", args: []string{"--version"}, check: versionLine},
		{name: "version_short", args: []string{"-v"}, check: versionLine},

		// Shell completion.
		{name: "completion_bash", args: []string{"completion", "bash"}, outHas: []string{"# bash completion", "__start_counterpoint", "__complete"}},
		{name: "completion_zsh", args: []string{"completion", "zsh"}, outHas: []string{"#compdef counterpoint"}},
		{name: "completion_fish", args: []string{"completion", "fish"}, outHas: []string{"complete -c counterpoint"}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\nstderr: %s", r.code, tt.code, r.stderr)
			}
			if tt.code != 0 && r.stdout != "" {
				t.Errorf("a failing run wrote to stdout:\n%s", r.stdout)
			}
			switch {
			case tt.stderr != "":
				if r.stderr != tt.stderr {
					t.Errorf("stderr:\n%q\nwant:\n%q", r.stderr, tt.stderr)
				}
			case tt.code == 0 && r.stderr != "":
				t.Errorf("a successful run wrote to stderr:\n%s", r.stderr)
			case tt.code != 0 && len(tt.errHas) == 0:
				t.Fatal("the case says nothing of stderr")
			}
			for _, s := range tt.errHas {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
			if tt.stdout != "" && r.stdout != tt.stdout {
				t.Errorf("stdout:\n%q\nwant:\n%q", r.stdout, tt.stdout)
			}
			if tt.golden {
				golden.RequireEqual(t, r.stdout)
			}
			if tt.ids != nil {
				if got := listedIDs(r.stdout); !slices.Equal(got, tt.ids) {
					t.Errorf("listed claims:\n%v\nwant:\n%v", got, tt.ids)
				}
			}
			for _, s := range tt.outHas {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
				}
			}
			if tt.check != nil {
				tt.check(t, r.stdout)
			}
			if tt.code == 0 && r.stdout == "" {
				t.Error("a successful run printed nothing")
			}
			// Neither buffer is a terminal: nothing may colour or move.
			if strings.Contains(r.stdout, "\x1b") || strings.Contains(r.stderr, "\x1b") {
				t.Errorf("output holds an escape sequence:\nstdout %q\nstderr %q", r.stdout, r.stderr)
			}
		})
	}
}

// TestBareIsList checks that the bare command prints what `list` prints, and
// that --format text is the default.
func TestBareIsList(t *testing.T) {
	bare, list, text := runCLI(t), runCLI(t, "list"), runCLI(t, "list", "--format", "text")
	if bare.stdout != list.stdout || list.stdout != text.stdout || len(listedIDs(bare.stdout)) != 27 {
		t.Error("counterpoint, counterpoint list and counterpoint list --format text differ, or list fewer than 27 claims")
	}
	withClaims, bridgeList := runCLI(t, "--claims", bridge), runCLI(t, "list", "--claims", bridge)
	if withClaims.stdout != bridgeList.stdout || !strings.HasPrefix(withClaims.stdout, "Council and mayor clash") {
		t.Error("counterpoint --claims FILE does not print the listing of FILE")
	}
}

var versionRE = regexp.MustCompile(`^counterpoint version 0\.1\.0( \([0-9a-f]{7}\))?\n$`)

func versionLine(t *testing.T, stdout string) {
	t.Helper()
	if !versionRE.MatchString(stdout) {
		t.Errorf("version output %q, want \"counterpoint version 0.1.0\" and perhaps a commit", stdout)
	}
}

// jsonIDs checks that stdout is a JSON listing of n claims, beginning with
// the ids given (all of them when n ids are given, else the first and the
// last), and that every relation in it touches a listed claim.
func jsonIDs(n int, ids ...string) func(*testing.T, string) {
	return func(t *testing.T, stdout string) {
		t.Helper()
		var doc struct {
			Claims    []struct{ ID string }
			Relations []struct{ From, To string }
		}
		dec := json.NewDecoder(strings.NewReader(stdout))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&doc); err != nil && !strings.Contains(err.Error(), `unknown field "filter"`) {
			t.Fatalf("stdout is not a JSON listing: %v", err)
		}
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatal(err)
		}
		got := doc.Claims
		listed := map[string]bool{}
		for _, c := range got {
			listed[c.ID] = true
		}
		for _, r := range doc.Relations {
			if !listed[r.From] && !listed[r.To] {
				t.Errorf("relation %s>%s touches no listed claim", r.From, r.To)
			}
		}
		if len(got) != n {
			t.Fatalf("%d claims, want %d", len(got), n)
		}
		var have []string
		for _, c := range got {
			have = append(have, c.ID)
		}
		if len(ids) == n {
			if !slices.Equal(have, ids) {
				t.Errorf("claims %v, want %v", have, ids)
			}
		} else if have[0] != ids[0] || have[n-1] != ids[len(ids)-1] {
			t.Errorf("claims run from %s to %s, want %s to %s", have[0], have[n-1], ids[0], ids[len(ids)-1])
		}
	}
}

// exportShape checks that stdout is one JSON document with the five parts,
// n claims and the article whose text starts with the title line.
func exportShape(n int, titleLine string) func(*testing.T, string) {
	return func(t *testing.T, stdout string) {
		t.Helper()
		var doc struct {
			Article struct{ Title, Text string }
			Claims  []json.RawMessage
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
			t.Fatalf("stdout is not a JSON object: %v", err)
		}
		keys := slices.Sorted(maps.Keys(raw))
		if strings.Join(keys, " ") != "article claims relations speakers topics" {
			t.Errorf("top-level keys %v", keys)
		}
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Claims) != n || doc.Article.Title+"\n" != titleLine || !strings.HasPrefix(doc.Article.Text, titleLine) {
			t.Errorf("%d claims, title %q; want %d and %q", len(doc.Claims), doc.Article.Title, n, titleLine)
		}
	}
}
