package draft

import (
	"testing"

	"counterpoint/assets"
	"counterpoint/internal/synth"
)

// megabyte is 1 MB of article text: the generated news prose of
// internal/synth, a quotation or a report in most paragraphs, every
// passage its own.
func megabyte(b *testing.B) string {
	text := string(synth.Generate(6000, 1).Article)
	if len(text) < 1<<20 {
		b.Fatalf("only %d bytes", len(text))
	}
	return text
}

// BenchmarkExtractBundled drafts the bundled article, a typical one.
func BenchmarkExtractBundled(b *testing.B) {
	data, err := assets.FS.ReadFile("article.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Extract(string(data))
	}
}

// BenchmarkExtract drafts 1 MB of article text: the issue asks for 1 MB/s
// or more on one core.
func BenchmarkExtract(b *testing.B) {
	text := megabyte(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(text)
	}
}

// BenchmarkDraftAndLoad is what `counterpoint draft` does with the text:
// draft it, write the YAML and load that with the ordinary loader.
func BenchmarkDraftAndLoad(b *testing.B) {
	text := megabyte(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d := Extract(text)
		if _, err := d.Model("claims.yaml", "article.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
