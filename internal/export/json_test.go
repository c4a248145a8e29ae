package export_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"counterpoint/internal/claims"
	"counterpoint/internal/export"
	"counterpoint/internal/synth"
)

// keysOf returns the sorted keys of a JSON object.
func keysOf(t *testing.T, v any, what string) []string {
	t.Helper()
	obj, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s is %T, want a JSON object", what, v)
	}
	return slices.Sorted(maps.Keys(obj))
}

// checkKeys asserts that an object holds every key DESIGN.md §3 shows and,
// beyond those, exactly the extra keys listed.
func checkKeys(t *testing.T, v any, what string, design, extra []string) {
	t.Helper()
	got := keysOf(t, v, what)
	want := slices.Sorted(slices.Values(append(slices.Clone(design), extra...)))
	if !slices.Equal(got, want) {
		t.Errorf("%s keys = %v, want the design's %v plus exactly %v", what, got, design, extra)
	}
}

func asList(t *testing.T, v any, what string) []any {
	t.Helper()
	l, ok := v.([]any)
	if !ok {
		t.Fatalf("%s is %T, want a JSON array", what, v)
	}
	return l
}

// paragraphOf computes, independently of the model, the 1-based count of
// non-empty lines of text up to and including the line holding offset.
func paragraphOf(text string, offset int) int {
	n, lineStart := 0, 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if lineStart > offset {
			break
		}
		if strings.TrimRight(line, "\r\n") != "" {
			n++
		}
		lineStart += len(line)
	}
	return n
}

func TestParagraphOf(t *testing.T) {
	text := "Title\n\nFirst para.\n\n\nSecond para.\nThird."
	for _, tt := range []struct{ off, want int }{
		{0, 1}, {5, 1}, {6, 1}, {7, 2}, {19, 2}, {20, 2}, {21, 3}, {33, 3}, {34, 4}, {len(text) - 1, 4},
	} {
		if got := paragraphOf(text, tt.off); got != tt.want {
			t.Errorf("paragraphOf(%d) = %d, want %d", tt.off, got, tt.want)
		}
	}
}

// TestExportJSON decodes the export of the bundled annotation as a consumer
// would and checks its shape against DESIGN.md §3 and every span against the
// article.
func TestExportJSON(t *testing.T) {
	m := bundled(t)
	var buf bytes.Buffer
	if err := export.WriteJSON(&buf, export.NewDocument(m)); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("the export is not JSON: %v", err)
	}
	if dec.More() {
		t.Error("the export holds more than one JSON value")
	}

	checkKeys(t, doc, "document", []string{"article", "speakers", "topics", "claims", "relations"}, nil)
	checkKeys(t, doc["article"], "article", []string{"title", "text"}, []string{"file", "publisher", "url", "published"})
	article := doc["article"].(map[string]any)
	text, ok := article["text"].(string)
	if !ok || text != m.Article.Text {
		t.Fatal("article.text is not the article byte for byte")
	}
	if article["title"] != "North Korea demands joint inquiry with US into Sony hacking scandal" || article["file"] != "article.txt" {
		t.Errorf("article title, file = %q, %q", article["title"], article["file"])
	}

	speakers := asList(t, doc["speakers"], "speakers")
	if len(speakers) != 9 {
		t.Errorf("%d speakers, want 9", len(speakers))
	}
	speakerIDs := map[string]bool{}
	for i, s := range speakers {
		checkKeys(t, s, "speaker", []string{"id", "name", "role", "kind", "aliases"}, []string{"affiliation", "principal"})
		sm := s.(map[string]any)
		speakerIDs[sm["id"].(string)] = true
		asList(t, sm["aliases"], "speaker aliases") // always a list, never null
		if _, ok := sm["principal"].(bool); !ok {
			t.Errorf("speaker %d: principal is %T, want bool", i, sm["principal"])
		}
	}
	// An annotation without aliases exports [], not null.
	if s := speakers[5].(map[string]any); s["id"] != "mccain" || len(s["aliases"].([]any)) != 1 {
		t.Errorf("speakers[5] = %v, want mccain with one alias", s)
	}
	if s := speakers[6].(map[string]any); s["id"] != "james-lewis" || len(s["aliases"].([]any)) != 0 {
		t.Errorf("speakers[6] = %v, want james-lewis with aliases []", s)
	}

	topics := asList(t, doc["topics"], "topics")
	topicIDs := map[string]bool{}
	for _, tp := range topics {
		checkKeys(t, tp, "topic", []string{"id", "label"}, []string{"description"})
		topicIDs[tp.(map[string]any)["id"].(string)] = true
	}
	if len(topics) != 7 {
		t.Errorf("%d topics, want 7", len(topics))
	}

	claimList := asList(t, doc["claims"], "claims")
	if len(claimList) != 27 {
		t.Fatalf("%d claims, want 27", len(claimList))
	}
	claimIDs := map[string]bool{}
	prevStart := -1
	for i, v := range claimList {
		checkKeys(t, v, "claim", []string{"id", "speaker", "mode", "text", "summary", "topics", "span",
			"paragraph", "venue", "when", "reported_by"}, []string{"source", "also_reported"})
		c := v.(map[string]any)
		id := c["id"].(string)
		claimIDs[id] = true
		checkKeys(t, c["span"], "span of "+id, []string{"start", "end"}, nil)
		span := c["span"].(map[string]any)
		start, err1 := span["start"].(json.Number).Int64()
		end, err2 := span["end"].(json.Number).Int64()
		if err1 != nil || err2 != nil || start < 0 || end <= start || end > int64(len(text)) {
			t.Errorf("claim %s: span %v is not a byte range of the article", id, span)
			continue
		}
		passage := text[start:end]
		switch c["mode"] {
		case "quote":
			if passage != c["text"] {
				t.Errorf("claim %s: text[%d:%d] = %q, want the quote %q", id, start, end, passage, c["text"])
			}
			if c["source"] != "" {
				t.Errorf("claim %s: a quote has source %q, want \"\"", id, c["source"])
			}
		case "paraphrase":
			if passage != c["source"] {
				t.Errorf("claim %s: text[%d:%d] = %q, want the source %q", id, start, end, passage, c["source"])
			}
		default:
			t.Errorf("claim %s: mode %q", id, c["mode"])
		}
		if int(start) < prevStart {
			t.Errorf("claim %s (index %d) is out of article order", id, i)
		}
		prevStart = int(start)
		para, err := c["paragraph"].(json.Number).Int64()
		if want := paragraphOf(text, int(start)); err != nil || int(para) != want {
			t.Errorf("claim %s: paragraph %v, want %d", id, c["paragraph"], want)
		}
		if !speakerIDs[c["speaker"].(string)] {
			t.Errorf("claim %s: speaker %q is not a speaker id", id, c["speaker"])
		}
		if rb := c["reported_by"].(string); rb != "" && !speakerIDs[rb] {
			t.Errorf("claim %s: reported_by %q is not a speaker id", id, rb)
		}
		ts := asList(t, c["topics"], "topics of "+id)
		if len(ts) == 0 {
			t.Errorf("claim %s has no topics", id)
		}
		for _, tp := range ts {
			if !topicIDs[tp.(string)] {
				t.Errorf("claim %s: topic %q is not a topic id", id, tp)
			}
		}
	}
	// Two claims whose JSON fields are known exactly.
	want := map[string]string{"id": "nk-no-tortures", "speaker": "north-korea", "mode": "quote", "reported_by": "kcna", "venue": "", "when": ""}
	for _, v := range claimList {
		if c := v.(map[string]any); c["id"] == want["id"] {
			for k, w := range want {
				if c[k] != w {
					t.Errorf("claim %s: %s = %q, want %q", want["id"], k, c[k], w)
				}
			}
		}
	}

	relations := asList(t, doc["relations"], "relations")
	if len(relations) != 23 {
		t.Errorf("%d relations, want 23", len(relations))
	}
	explicit := 0
	for _, v := range relations {
		checkKeys(t, v, "relation", []string{"from", "to", "kind", "explicit", "note"}, nil)
		r := v.(map[string]any)
		if !claimIDs[r["from"].(string)] || !claimIDs[r["to"].(string)] || r["from"] == r["to"] {
			t.Errorf("relation %v: from/to are not two claim ids", r)
		}
		e, ok := r["explicit"].(bool)
		if !ok {
			t.Errorf("relation %v: explicit is %T, want bool", r, r["explicit"])
		}
		if e {
			explicit++
		}
	}
	if explicit != 6 {
		t.Errorf("%d explicit relations, want 6", explicit)
	}
}

// TestExportJSONRoundTrip checks that the export decodes back into the same
// Document, so that text survives JSON escaping byte for byte.
func TestExportJSONRoundTrip(t *testing.T) {
	d := export.NewDocument(bundled(t))
	var buf bytes.Buffer
	if err := export.WriteJSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	var back export.Document
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(d)
	b, _ := json.Marshal(back)
	if !bytes.Equal(a, b) {
		t.Error("the export does not decode back to the same document")
	}
}

// The streamed export is byte for byte the document WriteJSON writes, on
// the bundled annotation, a hostile one and a synthetic one of 500 claims.
func TestWriteDocumentIsWriteJSON(t *testing.T) {
	hostile, err := claims.LoadFile("../tui/testdata/hostile/claims.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := synth.Generate(500, 2)
	synthetic, err := claims.Load("synth.yaml", a.YAML, func(string) (string, []byte, error) { return synth.ArticleFile, a.Article, nil })
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]*claims.Model{"bundled": bundled(t), "hostile": hostile, "synthetic": synthetic} {
		var want, got bytes.Buffer
		if err := export.WriteJSON(&want, export.NewDocument(m)); err != nil {
			t.Fatal(err)
		}
		if err := export.WriteDocument(&got, m); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: the streamed export differs from WriteJSON's:\n%s", name, firstDifference(got.String(), want.String()))
		}
	}
}

func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-80, 0)
	return "got:  " + a[from:min(i+80, len(a))] + "\nwant: " + b[from:min(i+80, len(b))]
}
