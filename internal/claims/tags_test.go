package claims

import (
	"strings"
	"testing"
)

// A tag on a value is refused, but !!str, which changes nothing for text:
// !!binary text was read as if the tag were absent, silently.
func TestTagsAreRefused(t *testing.T) {
	for tag, want := range map[string]string{
		"!!binary ": "6:11: tag !!binary is not supported in an annotation",
		"!foo ":     "6:11: tag !foo is not supported in an annotation",
		"!!int ":    "6:11: tag !!int is not supported in an annotation",
		"!!str ":    "",
	} {
		yaml := strings.Replace(baseYAML(t), "    name: Alice Smith", "    name: "+tag+"Alice Smith", 1)
		got, _ := problemsOf(t, yaml)
		switch {
		case want == "" && len(got) != 0:
			t.Errorf("%s: problems %q, want none", tag, got)
		case want != "" && (len(got) != 1 || got[0] != want):
			t.Errorf("%s: problems %q, want %q", tag, got, want)
		}
	}
}
