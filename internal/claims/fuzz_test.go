package claims

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// FuzzLoad feeds the loader arbitrary bytes as an annotation (over the test
// articles). Whatever the input, it returns a sound model or a *LoadError
// listing problems at positions inside the file, and never panics.
func FuzzLoad(f *testing.F) {
	// The seed corpus is in testdata/fuzz/FuzzLoad: the test annotations and
	// broken variants of them, one per kind of problem.
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load("fuzz.yaml", data, readTestdata)
		if err != nil {
			if m != nil {
				t.Fatal("a model and an error at once")
			}
			var le *LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("error %v is not a LoadError with problems", err)
			}
			// YAML breaks lines at \r\n, \n and a lone \r alike.
			lines := strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") +
				strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r") + 1
			for _, p := range le.Problems {
				if p.Msg == "" {
					t.Fatal("a problem without a message")
				}
				if p.File == "fuzz.yaml" && (p.Pos.Line < 0 || p.Pos.Line > lines+1 || p.Pos.Col < 0) {
					t.Fatalf("problem at %v outside a file of %d lines: %s", p.Pos, lines, p.Msg)
				}
			}
			return
		}
		for _, c := range m.Claims {
			if m.Article.Text[c.Span.Start:c.Span.End] != c.Passage() {
				t.Fatalf("claim %s: span does not hold its passage", c.ID)
			}
			if c.Speaker == nil || len(c.Topics) == 0 {
				t.Fatalf("claim %s loaded without speaker or topics", c.ID)
			}
		}
		for _, r := range m.Relations {
			if r.From == r.To {
				t.Fatal("a relation from a claim to itself loaded")
			}
		}
	})
}

// TestFuzzSeedsAreWhatTheySay loads every seed of FuzzLoad and checks the
// outcome its name promises: a seed that drifted into some other problem
// would leave its kind of input unseeded without anyone noticing.
func TestFuzzSeedsAreWhatTheySay(t *testing.T) {
	want := map[string]string{
		"alias":                      "loads",
		"alias_bomb":                 "4:279: duplicate speaker id \"s1\" (first defined at line 4) (103 problems)",
		"ambiguous":                  "26:11: quote of claim \"a1\" occurs 2 times in the article (1 problems)",
		"article_changed":            "26:11: quote of claim \"a1\" is not in the article (3 problems)",
		"article_missing":            "3:9: cannot read the article \"nowhere.txt\": no such file (1 problems)",
		"base":                       "loads",
		"bom":                        "loads",
		"bom_crlf":                   "loads",
		"colliding_ids":              "9:9: duplicate speaker id \"alice\" (first defined at line 5) (4 problems)",
		"crlf":                       "loads",
		"cycle":                      "loads",
		"deep":                       "1:67: the YAML nests more than 64 levels deep; refusing to parse it (1 problems)",
		"deep_block":                 "65:1: the YAML nests more than 64 levels deep; refusing to parse it (1 problems)",
		"deep_document_start":        "1:64: the YAML nests more than 64 levels deep; refusing to parse it (1 problems)",
		"deep_after_document_header": "1:68: the YAML nests more than 64 levels deep; refusing to parse it (1 problems)",
		"deep_after_tag":             "1:70: the YAML nests more than 64 levels deep; refusing to parse it (1 problems)",
		"deep_after_anchor":          "1:67: the YAML nests more than 64 levels deep; refusing to parse it (1 problems)",
		"deep_after_quoted_key":      "1:68: the YAML nests more than 64 levels deep; refusing to parse it (1 problems)",
		"deep_complex_keys":          "1:1: the YAML nests more than 64 levels deep; refusing to parse it (1 problems)",
		"deep_hidden_in_quotes":      "16:11: the YAML nests more than 64 levels deep; refusing to parse it (1 problems)",
		"duplicate_key":              "8:5: malformed YAML: mapping key \"role\" already defined at [7:5] (1 problems)",
		"empty":                      "0:0: the annotation is empty (1 problems)",
		"escape_text":                "loads",
		"exchange":                   "loads",
		"lone_cr_line_breaks":        "3:1: the annotation must be a mapping of fields, not a number (1 problems)",
		"malformed":                  "29:3: malformed YAML: ',' or ']' must be specified (1 problems)",
		"many_errors":                "45:12: claim \"x0\" is not defined (1001 problems)",
		"merge":                      "5:5: merge keys (<<) are not supported in a speaker (3 problems)",
		"not_found":                  "32:11: quote of claim \"b1\" is not in the article (1 problems)",
		"not_utf8":                   "6:17: not valid UTF-8: byte 0xE9 cannot start or continue a character (1 problems)",
		"root_list":                  "1:1: the annotation must be a mapping of fields, not a list (1 problems)",
		"self_relation":              "42:9: relation from claim \"b1\" to itself (1 problems)",
		"tab_indent":                 "2:1: malformed YAML: found character '\t' that cannot start any token (1 problems)",
		"tag_binary":                 "6:11: tag !!binary is not supported in an annotation (1 problems)",
		"two_docs":                   "46:1: more than one YAML document in the file (1 problems)",
		"unknown_field":              "8:5: unknown field \"rol\" in a speaker (1 problems)",
		"unknown_reference":          "35:14: speaker \"karol\" is not defined (3 problems)",
		"wrong_type":                 "44:15: explicit must be true or false, not \"yes\" (1 problems)",
	}
	entries, err := os.ReadDir("testdata/fuzz/FuzzLoad")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data := readSeed(t, filepath.Join("testdata/fuzz/FuzzLoad", e.Name()))
		m, err := Load("fuzz.yaml", data, readTestdata)
		got := "loads"
		if err != nil {
			le := err.(*LoadError)
			got = fmt.Sprintf("%d:%d: %s (%d problems)", le.Problems[0].Pos.Line, le.Problems[0].Pos.Col, le.Problems[0].Msg, len(le.Problems))
			if le.Problems[0].File != "fuzz.yaml" {
				got = le.Problems[0].File + ":" + got
			}
		} else if m == nil {
			t.Fatal("nil model without error")
		}
		w, ok := want[e.Name()]
		if !ok {
			t.Errorf("seed %s (%s) is not in the table: say what it seeds", e.Name(), got)
		} else if w != got {
			t.Errorf("seed %s: %s\nwant %s", e.Name(), got, w)
		}
		delete(want, e.Name())
	}
	for name := range want {
		t.Errorf("seed %s is gone from testdata/fuzz/FuzzLoad", name)
	}
}

// readSeed reads a seed of the "go test fuzz v1" format holding one []byte.
func readSeed(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	header, body, ok := strings.Cut(string(raw), "\n")
	body = strings.TrimSpace(body)
	if !ok || header != "go test fuzz v1" || !strings.HasPrefix(body, "[]byte(") || !strings.HasSuffix(body, ")") {
		t.Fatalf("%s is not a go test fuzz v1 file with one []byte", path)
	}
	s, err := strconv.Unquote(body[len("[]byte(") : len(body)-1])
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return []byte(s)
}
