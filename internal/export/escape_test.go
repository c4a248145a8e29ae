package export

import (
	"strings"
	"testing"
)

// BenchmarkEscapeInvisible is the export's last pass over its own output:
// mostly ASCII, some accented letters, a bidi override now and then.
func BenchmarkEscapeInvisible(b *testing.B) {
	text := []byte(strings.Repeat(`{"text":"Sony’s chief said the studio had not caved in, café","x":1}`, 20000) + "\u202e")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		escapeInvisible(text)
	}
}
