package edit

import (
	"os"
	"path/filepath"
	"testing"

	"counterpoint/internal/synth"
)

// open10k writes an annotation of 10,000 claims and its article into a
// folder of the benchmark's own and opens it.
func open10k(b *testing.B) *Doc {
	b.Helper()
	a := synth.Generate(10_000, 1)
	dir := b.TempDir()
	must(b, os.WriteFile(filepath.Join(dir, "claims.yaml"), a.YAML, 0o644))
	must(b, os.WriteFile(filepath.Join(dir, synth.ArticleFile), a.Article, 0o644))
	d, err := Open(filepath.Join(dir, "claims.yaml"), "")
	must(b, err)
	return d
}

// BenchmarkSave10k is one save of 10,000 claims after an edit: re-reading
// the file to check it did not change, writing, syncing and renaming. The
// budget is 200 ms.
func BenchmarkSave10k(b *testing.B) {
	d := open10k(b)
	c := d.Model().Claims[5000]
	f := fieldsOf(c)
	for b.Loop() {
		b.StopTimer()
		f.When = map[bool]string{true: "Friday", false: "Saturday"}[f.When != "Friday"]
		must(b, d.UpdateClaim(c.ID, f))
		b.StartTimer()
		must(b, d.Save())
	}
}

// BenchmarkEdit10k is one edit and its undo at 10,000 claims: each loads
// the whole annotation to validate it, which is most of the time.
func BenchmarkEdit10k(b *testing.B) {
	d := open10k(b)
	c := d.Model().Claims[5000]
	f := fieldsOf(c)
	f.When = "on a day of the benchmark"
	for b.Loop() {
		must(b, d.UpdateClaim(c.ID, f))
		if _, err := d.Undo(); err != nil {
			b.Fatal(err)
		}
	}
}
