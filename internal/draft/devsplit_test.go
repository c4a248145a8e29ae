package draft

import (
	"os"
	"path/filepath"
	"testing"
)

// polnearDev is PolNeAR's dev split, beside the repository (never copied
// into it): ../shared/eval/polnear/dev from the repository's root.
var polnearDev = filepath.Join("..", "..", "..", "shared", "eval", "polnear", "dev", "text")

// Every article of PolNeAR's dev split, real news from seven publishers,
// drafts into an annotation that loads. (The scores are the evaluation's:
// see the README.)
func TestPolNeARDevDraftsLoad(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(polnearDev, "*.txt"))
	if len(files) == 0 {
		t.Skipf("PolNeAR's dev split is not at %s; skipping the drafts of real news", polnearDev)
	}
	empty := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := Read(data, FormatOf(f, data))
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if d := checkDraft(t, text); len(d.Claims) == 0 {
			empty++
		}
	}
	if empty > len(files)/20 {
		t.Errorf("%d of %d articles drafted no claim", empty, len(files))
	}
}
