package claims

import (
	"regexp"
	"strings"
	"testing"
)

// plainID accepts exactly what the documented pattern does.
func TestPlainIDIsThePattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)
	for _, id := range []string{
		"", "a", "A9", "9a", "lynton-reached-out", "a.b_c-d", "-a", ".a", "_a", "a b", "a/b", "é",
		"a\n", strings.Repeat("a", 100), strings.Repeat("a", 101), "a" + strings.Repeat("-", 99), "a:b",
	} {
		if got, want := plainID(id), pattern.MatchString(id); got != want {
			t.Errorf("plainID(%q) = %v, the pattern says %v", id, got, want)
		}
	}
}
