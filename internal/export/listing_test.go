package export_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"

	"counterpoint/assets"
	"counterpoint/internal/claims"
	"counterpoint/internal/export"
)

// bundled loads the annotation that ships with the program.
func bundled(t *testing.T) *claims.Model {
	t.Helper()
	m, err := claims.LoadFS(assets.FS, assets.Annotation)
	if err != nil {
		t.Fatalf("loading the bundled annotation: %v", err)
	}
	return m
}

// write renders the listing in the format and fails the test on an error.
func write(t *testing.T, l export.Listing, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := l.Write(&b, format); err != nil {
		t.Fatalf("Write(%q): %v", format, err)
	}
	return b.Bytes()
}

// TestListing compares the listing of the bundled annotation in every format
// with its golden file (testdata/TestListing/*.golden; regenerate with
// go test ./internal/export -update, then read the diff).
func TestListing(t *testing.T) {
	m := bundled(t)
	lynton := m.Speaker("lynton")
	distribution := m.Topic("distribution")
	if lynton == nil || distribution == nil {
		t.Fatal("the bundled annotation lacks speaker lynton or topic distribution")
	}
	filtered := m.ClaimsBy(lynton, claims.Filter{Topics: []*claims.Topic{distribution}})
	none := m.Select(claims.Filter{Search: "no-claim-holds-this-word"})

	tests := []struct {
		name    string
		listing export.Listing
		format  string
	}{
		{"text", export.Listing{Model: m, Claims: m.Claims}, "text"},
		{"text_width_60", export.Listing{Model: m, Claims: m.Claims, Width: 60}, "text"},
		{"json", export.Listing{Model: m, Claims: m.Claims}, "json"},
		{"markdown", export.Listing{Model: m, Claims: m.Claims}, "markdown"},
		{"filtered_text", export.Listing{Model: m, Claims: filtered, Filter: "speaker Michael Lynton, topic distribution"}, "text"},
		{"filtered_markdown", export.Listing{Model: m, Claims: filtered, Filter: "speaker Michael Lynton, topic distribution"}, "markdown"},
		{"filtered_json", export.Listing{Model: m, Claims: filtered}, "json"},
		{"empty_text", export.Listing{Model: m, Claims: none, Filter: `search "no-claim-holds-this-word"`}, "text"},
		{"empty_markdown", export.Listing{Model: m, Claims: none, Filter: `search "no-claim-holds-this-word"`}, "markdown"},
		{"empty_json", export.Listing{Model: m, Claims: none}, "json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden.RequireEqual(t, write(t, tt.listing, tt.format))
		})
	}
}

// TestListingFilteredClaims pins what the filtered goldens hold, so that a
// regenerated golden cannot silently change which claims pass the filter.
func TestListingFilteredClaims(t *testing.T) {
	m := bundled(t)
	got := m.ClaimsBy(m.Speaker("lynton"), claims.Filter{Topics: []*claims.Topic{m.Topic("distribution")}})
	var ids []string
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	want := "lynton-not-caved-in lynton-not-caved lynton-other-platforms lynton-no-distributor"
	if strings.Join(ids, " ") != want {
		t.Errorf("lynton × distribution = %v, want %s", ids, want)
	}
}

// TestListingEmpty checks the exact output for a filter that matches
// nothing, in the two human formats.
func TestListingEmpty(t *testing.T) {
	m := bundled(t)
	l := export.Listing{Model: m, Filter: `search "zzz"`}
	wantText := "North Korea demands joint inquiry with US into Sony hacking scandal\n" +
		"0 of 27 claims · 9 speakers · 7 topics · 23 relations · filter: search \"zzz\"\n" +
		"\nNo claims match.\n"
	if got := string(write(t, l, "text")); got != wantText {
		t.Errorf("text:\n%s\nwant:\n%s", got, wantText)
	}
	wantMD := "# North Korea demands joint inquiry with US into Sony hacking scandal\n\n" +
		"0 of 27 claims · 9 speakers · 7 topics · 23 relations · filter: search \"zzz\"\n" +
		"\nNo claims match.\n"
	if got := string(write(t, l, "markdown")); got != wantMD {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, wantMD)
	}
	wantJSON := "{\n  \"filter\": \"search \\\"zzz\\\"\",\n  \"claims\": [],\n  \"relations\": []\n}\n"
	if got := string(write(t, l, "json")); got != wantJSON {
		t.Errorf("json = %q, want %q", got, wantJSON)
	}
}

// TestListingWidth checks wrapping: every indented line of the wrapped
// listing fits the width (the title, the summary line and the claim heads
// are not wrapped), wrapped lines keep the hanging indent, claim ids are
// never split, and wrapping changes only where lines break.
func TestListingWidth(t *testing.T) {
	m := bundled(t)
	for _, width := range []int{25, 40, 60, 80} {
		wrapped := string(write(t, export.Listing{Model: m, Claims: m.Claims, Width: width}, "text"))
		flat := string(write(t, export.Listing{Model: m, Claims: m.Claims}, "text"))
		lines := strings.Split(strings.TrimSuffix(wrapped, "\n"), "\n")
		for i, line := range lines {
			if i < 2 || line == "" || strings.HasPrefix(line, "¶") {
				continue
			}
			if !strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "     ") {
				t.Errorf("width %d: line %d is not indented by four spaces: %q", width, i+1, line)
			}
			if n := utf8.RuneCountInString(line); n > width && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("width %d: line %d is %d columns wide: %q", width, i+1, n, line)
			}
			if strings.HasSuffix(line, " ") {
				t.Errorf("width %d: line %d ends in a space: %q", width, i+1, line)
			}
		}
		if got, want := strings.Fields(wrapped), strings.Fields(flat); !slices.Equal(got, want) {
			t.Errorf("width %d: wrapping changed the words of the listing, not only the line breaks", width)
		}
		for _, c := range m.Claims {
			if !strings.Contains(wrapped, "["+c.ID+"]") {
				t.Errorf("width %d: claim id [%s] is not whole on one line", width, c.ID)
			}
		}
	}
}

// TestListingUnknownFormat checks that a format outside Formats is an error
// and writes nothing.
func TestListingUnknownFormat(t *testing.T) {
	m := bundled(t)
	var b bytes.Buffer
	err := export.Listing{Model: m, Claims: m.Claims}.Write(&b, "yaml")
	if err == nil || !strings.Contains(err.Error(), `unknown format "yaml"`) {
		t.Errorf("Write(yaml) error = %v, want unknown format", err)
	}
	if b.Len() != 0 {
		t.Errorf("Write(yaml) wrote %d bytes", b.Len())
	}
}

// A statement reported three times is listed with its other reports, and
// answered once by each answering statement (Dee's one reply answers
// through two of its reports); the JSON names the other reports.
func TestListingSaysRestatements(t *testing.T) {
	m, err := claims.LoadFile("../claims/testdata/restates.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(write(t, export.Listing{Model: m, Claims: m.Claims}, "text"))
	for _, want := range []string{
		"¶6  The minister  [m3]\n" +
			"    “I resign. The report is damning”\n" +
			"    topics: the bridge\n" +
			"    = also reported in ¶2, ¶3 [m1 m2]\n" +
			"    ← rebutted by Dee (¶4, explicit) [d1]\n" +
			"    ← answered by Critics (¶7, explicit) [k1]\n",
		"¶5  Dee  [d2]\n" +
			"    (paraphrase) The report used old data, though the cracks are real.\n" +
			"    topics: the bridge\n" +
			"    = also reported in ¶4 [d1]\n" +
			"    → rebuts The minister (¶3, explicit) [m2]\n" +
			"    ← unanswered\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the listing lacks\n%s\nin\n%s", want, text)
		}
	}
	md := string(write(t, export.Listing{Model: m, Claims: m.Claims}, "markdown"))
	if want := "- **Also reported in** [The minister, ¶2](#m1); [The minister, ¶3](#m2)\n"; !strings.Contains(md, want) {
		t.Errorf("the Markdown lacks %q", want)
	}
	var doc export.Document
	var buf bytes.Buffer
	if err := export.WriteDocument(&buf, m); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range doc.Claims {
		got[c.ID] = strings.Join(c.AlsoReported, " ")
	}
	want := map[string]string{"m1": "m2 m3", "m2": "m1 m3", "m3": "m1 m2", "d1": "d2", "d2": "d1", "k1": ""}
	if !maps.Equal(got, want) {
		t.Errorf("also_reported = %v, want %v", got, want)
	}
}

// A machine draft says so in the listing, and each drafted claim how
// confident the draft is; a checked annotation says neither.
func TestListingSaysMachineDraft(t *testing.T) {
	m, err := claims.LoadFile("../claims/testdata/exchange.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(write(t, export.Listing{Model: m, Claims: m.Claims}, "text"))
	for _, want := range []string{
		"6 claims · 6 speakers · 3 topics · 5 relations · machine draft: 1 of 6 unchecked\n",
		" · draft 0.75  [e1]\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the listing lacks %q:\n%s", want, text)
		}
	}
	if md := string(write(t, export.Listing{Model: m, Claims: m.Claims}, "markdown")); !strings.Contains(md, "machine draft: 1 of 6 unchecked") {
		t.Errorf("the Markdown does not say it is a machine draft:\n%.400s", md)
	}
	bundled, err := claims.LoadFS(assets.FS, assets.Annotation)
	if err != nil {
		t.Fatal(err)
	}
	if text := string(write(t, export.Listing{Model: bundled, Claims: bundled.Claims}, "text")); strings.Contains(text, "draft") {
		t.Error("the bundled annotation's listing speaks of a draft")
	}
}
