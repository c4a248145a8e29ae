package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestComplete checks the completions that cobra's shell scripts ask for
// with the hidden __complete command: stdout holds one candidate per line,
// then the directive (":4", no file completion).
func TestComplete(t *testing.T) {
	bundledSpeakers := "lynton\tMichael Lynton\nobama\tBarack Obama\nwhite-house-official\tWhite House official\n" +
		"north-korea\tNorth Korea\nkcna\tKCNA\nmccain\tJohn McCain\njames-lewis\tJames Lewis\nhackers\tthe hackers\nunattributed\tUnattributed calls\n"
	bundledTopics := "pulling-the-film\tpulling the film\nwhite-house-consulted\twhite house consulted?\n" +
		"distribution\tdistribution\nwho-did-it\twho did it?\njoint-inquiry\tjoint inquiry\nus-response\tthe US response\nthreats\tthreats\n"
	tests := []struct {
		name string
		args []string
		want string // stdout without the directive line
	}{
		{"list_speaker", []string{"list", "--speaker", ""}, bundledSpeakers},
		{"list_topic", []string{"list", "--topic", ""}, bundledTopics},
		{"list_topic_again", []string{"list", "--topic", "distribution", "--topic", ""}, bundledTopics},
		{"root_speaker", []string{"--speaker", ""}, bundledSpeakers},
		{"root_topic", []string{"--topic", ""}, bundledTopics},
		// after a comma, the next id of the list
		{"topic_after_comma", []string{"list", "--topic", "distribution,"},
			"distribution,pulling-the-film\tpulling the film\ndistribution,white-house-consulted\twhite house consulted?\n" +
				"distribution,who-did-it\twho did it?\ndistribution,joint-inquiry\tjoint inquiry\ndistribution,us-response\tthe US response\ndistribution,threats\tthreats\n"},
		{"list_format", []string{"list", "--format", ""}, "text\njson\nmarkdown\n"},
		{"export_format", []string{"export", "--format", ""}, "json\n"},
		{"claims_speaker", []string{"--claims", bridge, "list", "--speaker", ""},
			"mayor\tMayor of Eastbrook\nengineer\tTown engineer\ncouncil\tTown council\nnewsletter\tTown newsletter\n"},
		{"claims_topic", []string{"list", "--claims", bridge, "--topic", ""}, "safety\tbridge safety\nclosure\tclosing the bridge\n"},
		// An annotation that does not load completes nothing, quietly.
		{"claims_bad", []string{"--claims", bridgeBad, "list", "--speaker", ""}, ""},
		{"claims_missing", []string{"--claims", "testdata/none.yaml", "list", "--topic", ""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, append([]string{"__complete"}, tt.args...)...)
			if r.code != 0 {
				t.Errorf("exit %d", r.code)
			}
			if want := tt.want + ":4\n"; r.stdout != want {
				t.Errorf("stdout:\n%q\nwant:\n%q", r.stdout, want)
			}
			if want := "Completion ended with directive: ShellCompDirectiveNoFileComp\n"; r.stderr != want {
				t.Errorf("stderr %q, want %q", r.stderr, want)
			}
		})
	}
}

// TestCompleteCommands checks that the commands complete, and that the
// hidden ones stay hidden.
func TestCompleteCommands(t *testing.T) {
	r := runCLI(t, "__complete", "")
	if r.code != 0 {
		t.Fatalf("exit %d", r.code)
	}
	var names []string
	for _, line := range strings.Split(r.stdout, "\n") {
		if name, _, ok := strings.Cut(line, "\t"); ok {
			names = append(names, name)
		}
	}
	if got := strings.Join(names, " "); got != "completion draft edit export help list speakers topics validate" {
		t.Errorf("commands completed: %s", got)
	}
}

// TestHostileAnnotation checks that names, labels and quotes holding escape
// sequences come out inert from every command that prints them, completions
// among them (the shell shows their descriptions).
func TestHostileAnnotation(t *testing.T) {
	const hostile = "\x1b[2J\x1b]52;c;aGk=\x07\u202e\u009b"
	const shown = "␛[2J␛]52;c;aGk=␇<U+202E><U+009B>"
	dir := t.TempDir()
	article := "Title\n\nHe said: Boo" + hostile + "!\n"
	// YAML's double-quoted escapes carry the controls.
	esc := `\e[2J\e]52;c;aGk=\a\u202E\u009B`
	annotation := `article:
  title: "T` + esc + `"
  file: article.txt
speakers:
  - id: evil
    name: "Evil` + esc + `"
    role: "Role` + esc + `"
    kind: person
topics:
  - id: t1
    label: "Label` + esc + `"
    description: "Desc` + esc + `"
claims:
  - id: q1
    speaker: evil
    mode: quote
    text: "Boo` + esc + `!"
    summary: "Sum` + esc + `"
    topics: [t1]
`
	for name, content := range map[string]string{"article.txt": article, "claims.yaml": annotation} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "claims.yaml")
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"list"}, []string{"T" + shown + "\n", "¶2  Evil" + shown + "  [q1]\n", "    “Boo" + shown + "!”\n", "    summary: Sum" + shown + "\n", "    topics: Label" + shown + "\n"}},
		{[]string{"list", "--format", "markdown"}, []string{`Evil␛\[2J␛\]52;c;aGk=␇\<U+202E\>\<U+009B\>`}},
		{[]string{"list", "--format", "json"}, []string{`"text": "Boo\u001b[2J\u001b]52;c;aGk=\u0007\u202e\u009b!"`}},
		{[]string{"export"}, []string{`"name": "Evil\u001b[2J\u001b]52;c;aGk=\u0007\u202e\u009b"`}},
		{[]string{"speakers"}, []string{"Evil" + shown, "Role" + shown}},
		{[]string{"topics"}, []string{"Label" + shown, "Desc" + shown}},
		{[]string{"list", "--speaker", "nobody"}, nil},
		{[]string{"__complete", "list", "--speaker", ""}, []string{"evil\tEvil" + shown + "\n"}},
		{[]string{"__complete", "list", "--topic", ""}, []string{"t1\tLabel" + shown + "\n"}},
	}
	for _, tt := range tests {
		args := append([]string{"--claims", file}, tt.args...)
		if tt.args[0] == "__complete" {
			args = append([]string{"__complete", "--claims", file}, tt.args[1:]...)
		}
		r := runCLI(t, args...)
		out := r.stdout + r.stderr
		for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u009b"} {
			if strings.Contains(out, bad) {
				t.Errorf("counterpoint %s: output holds %q:\n%s", strings.Join(tt.args, " "), bad, out)
			}
		}
		for _, s := range tt.want {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("counterpoint %s: stdout lacks %q:\n%s", strings.Join(tt.args, " "), s, r.stdout)
			}
		}
	}
}
