package export

import (
	"encoding/json"
	"strings"
	"testing"

	"counterpoint/internal/claims"
)

// A drafted claim carries its provenance in the export, as DESIGN.md §5
// shows it; a checked claim carries none.
func TestExportDraft(t *testing.T) {
	m, err := claims.LoadFile("../claims/testdata/exchange.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteDocument(&b, m); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Article struct{ Text string }
		Claims  []struct {
			ID    string
			Draft *struct {
				Rule                  string
				Confidence            float64
				Content, Mention, Cue *struct{ Start, End int }
			}
		}
	}
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	drafted := 0
	for _, c := range doc.Claims {
		if c.Draft == nil {
			continue
		}
		drafted++
		d := c.Draft
		text := doc.Article.Text
		got := d.Rule + "|" + text[d.Content.Start:d.Content.End] + "|" + text[d.Mention.Start:d.Mention.End] + "|" + text[d.Cue.Start:d.Cue.End]
		if c.ID != "e1" || got != "reported|the bridge was unsafe|Eve|said" || d.Confidence != 0.75 {
			t.Errorf("claim %s: draft %s, confidence %v", c.ID, got, d.Confidence)
		}
	}
	if drafted != 1 {
		t.Errorf("%d drafted claims exported, want 1", drafted)
	}
	if !strings.Contains(b.String(), `"draft": {`) {
		t.Error("no draft object in the JSON")
	}
}
