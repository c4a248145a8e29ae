package claims

import (
	"strings"
	"testing"
)

// An apostrophe in the plain text of a flow mapping is not a quote mark:
// taken for one, it hid the "}" that closes the mapping, and a file with 64
// such relations was refused as nested too deep, whichever way it was read.
func TestApostrophesInFlowMappingsDoNotNest(t *testing.T) {
	relations := strings.Repeat("  - {from: a1, to: c1, kind: rebuts, explicit: false, note: The annotator's reading.}\n", 100)
	if pos, ok := checkNesting("relations:\n" + relations); !ok {
		t.Fatalf("counted as nested too deep at %v", pos)
	}
	// Through the YAML library (a CRLF file): the duplicate relations are
	// the only problem.
	yaml := strings.ReplaceAll(baseYAML(t)+relations, "\n", "\r\n")
	got, _ := problemsOf(t, yaml)
	if len(got) == 0 || !strings.Contains(got[0], "is already given at line") {
		t.Errorf("problems %q, want duplicate relations", got)
	}
}
