package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"counterpoint/internal/claims"
	"counterpoint/internal/synth"
)

// benchSizes are the annotation sizes every benchmark runs at: the bundled
// article, then synthetic annotations of growing size.
var benchSizes = []int{0, 1000, 10000, 100000}

// benchModels loads each size once per benchmark binary.
var benchModels = map[int]*claims.Model{}

func benchModel(b *testing.B, n int) *claims.Model {
	b.Helper()
	if cm, ok := benchModels[n]; ok {
		return cm
	}
	var cm *claims.Model
	if n == 0 {
		cm = bundled(b)
	} else {
		a := synth.Generate(n, 1)
		var err error
		cm, err = claims.Load("synth.yaml", a.YAML, func(string) (string, []byte, error) {
			return "article.txt", a.Article, nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	benchModels[n] = cm
	return cm
}

func sizeName(n int) string {
	if n == 0 {
		return "claims=bundled"
	}
	return fmt.Sprintf("claims=%d", n)
}

// eachSize runs f as a sub-benchmark per annotation size.
func eachSize(b *testing.B, f func(b *testing.B, cm *claims.Model)) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			f(b, benchModel(b, n))
		})
	}
}

// frame is one key's work as the program does it: Update, then View.
func frame(m Model, msg tea.Msg) Model {
	m = update(m, msg)
	_ = m.View()
	return m
}

// busiest opens the explorer at a size on the speaker with the most claims,
// so that each key has the most to do.
func busiest(cm *claims.Model, w, h int) Model {
	m := update(New(cm, Options{}), tea.WindowSizeMsg{Width: w, Height: h})
	best := 0
	for i, n := range m.counts {
		if n > m.counts[best] {
			best = i
		}
	}
	m.selectSpeaker(best)
	return m
}

// BenchmarkKeypress is one navigation key through Update and View at
// 120x40: the next claim (down and up in turn), and the next speaker (right
// and left in turn).
func BenchmarkKeypress(b *testing.B) {
	eachSize(b, func(b *testing.B, cm *claims.Model) {
		for _, c := range []struct{ name, there, back string }{
			{"next-claim", "down", "up"},
			{"next-speaker", "right", "left"},
		} {
			b.Run(c.name, func(b *testing.B) {
				b.ReportAllocs()
				m := busiest(cm, 120, 40)
				keys := [2]tea.Msg{keyMsg(c.there), keyMsg(c.back)}
				i := 0
				for b.Loop() {
					m = frame(m, keys[i&1])
					i++
				}
			})
		}
	})
}

// BenchmarkFilter toggles a topic in the picker (on, then off), through to
// the next frame.
func BenchmarkFilter(b *testing.B) {
	eachSize(b, func(b *testing.B, cm *claims.Model) {
		b.ReportAllocs()
		m := press(busiest(cm, 120, 40), "t")
		space := keyMsg("space")
		for b.Loop() {
			m = frame(m, space)
		}
	})
}

// BenchmarkSearch types one more character of a search, through to the next
// frame. The query is the first words of a claim, typed a character at a
// time; when it is all typed the search starts again (outside the timer).
// "first" is the first character alone, which searches every claim; "next"
// is each later one, which searches the previous character's hits.
func BenchmarkSearch(b *testing.B) {
	eachSize(b, func(b *testing.B, cm *claims.Model) {
		query := strings.ToLower(strings.Join(strings.Fields(cm.Claims[len(cm.Claims)/2].Text)[:3], " "))
		start := press(busiest(cm, 120, 40), "/")
		b.Run("first", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = frame(start, keyMsg(query[:1]))
			}
		})
		b.Run("next", func(b *testing.B) {
			b.ReportAllocs()
			m := start
			typed := 0
			for b.Loop() {
				if typed == len(query) {
					b.StopTimer()
					m, typed = frame(start, keyMsg(query[:1])), 1
					b.StartTimer()
				}
				m = frame(m, keyMsg(query[typed:typed+1]))
				typed++
			}
		})
	})
}

// BenchmarkView renders one frame of the main screen at three window sizes,
// drawn afresh each time (a frame kept from before would cost nothing).
func BenchmarkView(b *testing.B) {
	eachSize(b, func(b *testing.B, cm *claims.Model) {
		for _, size := range [][2]int{{80, 24}, {140, 45}, {240, 70}} {
			b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
				b.ReportAllocs()
				m := busiest(cm, size[0], size[1])
				for b.Loop() {
					m.frame = new(frameCache)
					_ = m.View()
				}
			})
		}
	})
}
