package claims

import (
	"os"
	"strings"
	"testing"
)

// The README's example annotation must be one that validates: a newcomer
// starts from it.
func TestREADMEExampleValidates(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	start := strings.Index(s, "```yaml\n")
	if start < 0 {
		t.Fatal("the README has no YAML example")
	}
	s = s[start+len("```yaml\n"):]
	example := s[:strings.Index(s, "```")]
	m, err := Load("README example", []byte(example), readTestdata)
	if err != nil {
		if le, ok := err.(*LoadError); ok {
			t.Fatal(le.Detail(0))
		}
		t.Fatal(err)
	}
	if len(m.Claims) != 2 || len(m.Relations) != 1 || m.Speaker("alice") == nil || !m.Speaker("alice").Principal {
		t.Errorf("the example loads as %d claims, %d relations", len(m.Claims), len(m.Relations))
	}
}
