package sanitize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/charmbracelet/x/ansi"
)

var marks20 = strings.Repeat("\u0301", 20)

// cases is shared with the fuzz targets as their in-code seed corpus.
var cases = []struct {
	name       string
	in         string
	line, text string
}{
	{"empty", "", "", ""},
	{"plain ascii", "Hello, world! 42 ~", "Hello, world! 42 ~", "Hello, world! 42 ~"},
	{"clear screen", "\x1b[2J", "␛[2J", "␛[2J"},
	{"cursor move", "\x1b[10;10Hx", "␛[10;10Hx", "␛[10;10Hx"},
	{"osc title", "\x1b]0;pwned\x07", "␛]0;pwned␇", "␛]0;pwned␇"},
	{"osc 52 clipboard", "\x1b]52;c;aGVsbG8=\x07", "␛]52;c;aGVsbG8=␇", "␛]52;c;aGVsbG8=␇"},
	{"osc 8 hyperlink", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
		"␛]8;;http://x␛\\link␛]8;;␛\\", "␛]8;;http://x␛\\link␛]8;;␛\\"},
	{"8-bit csi", "\u009b2J", "<U+009B>2J", "<U+009B>2J"},
	{"8-bit osc st", "\u009d0;x\u009c", "<U+009D>0;x<U+009C>", "<U+009D>0;x<U+009C>"},
	{"nul", "a\x00b", "a␀b", "a␀b"},
	{"bel", "ding\a", "ding␇", "ding␇"},
	{"backspace", "abc\b\b\bxyz", "abc␈␈␈xyz", "abc␈␈␈xyz"},
	{"del", "a\x7fb", "a␡b", "a␡b"},
	{"vt ff", "a\v\fb", "a␋␌b", "a␋␌b"},
	{"unit separator", "\x1f", "␟", "␟"},
	{"lf", "a\nb", "a b", "a\nb"},
	{"crlf", "a\r\nb\r\n", "a b ", "a\nb\n"},
	{"lone cr", "a\rb", "a b", "a\nb"},
	{"cr cr lf", "a\r\r\nb", "a  b", "a\n\nb"},
	{"tab", "a\tb", "a b", "a    b"},
	{"line separator", "a\u2028b", "a b", "a\nb"},
	{"paragraph separator", "a\u2029b", "a b", "a\nb"},
	{"nel", "a\u0085b", "a b", "a\nb"},
	{"trojan source", "access\u202e\u2066// check\u2069\u2066",
		"access<U+202E><U+2066>// check<U+2069><U+2066>",
		"access<U+202E><U+2066>// check<U+2069><U+2066>"},
	{"lrm rlm alm", "\u200e\u200f\u061c", "<U+200E><U+200F><U+061C>", "<U+200E><U+200F><U+061C>"},
	{"zero-width space", "pay\u200bpal", "pay<U+200B>pal", "pay<U+200B>pal"},
	{"zwnj word joiner", "\u200c\u2060\u2064", "<U+200C><U+2060><U+2064>", "<U+200C><U+2060><U+2064>"},
	{"bom", "\ufeffhello", "<U+FEFF>hello", "<U+FEFF>hello"},
	{"soft hyphen", "co\u00adop", "co<U+00AD>op", "co<U+00AD>op"},
	{"mongolian vowel separator", "a\u180eb", "a<U+180E>b", "a<U+180E>b"},
	{"tag character", "\U000E0001", "<U+E0001>", "<U+E0001>"},
	{"zwj family", "👨\u200d👩\u200d👧", "👨<U+200D>👩<U+200D>👧", "👨<U+200D>👩<U+200D>👧"},
	{"zwj after skin tone", "👩🏽\u200d💻", "👩<U+1F3FD><U+200D>💻", "👩<U+1F3FD><U+200D>💻"},
	{"zwj after fe0f", "❤\ufe0f\u200d🔥", "❤<U+FE0F><U+200D>🔥", "❤<U+FE0F><U+200D>🔥"},
	{"zwj between letters", "a\u200db", "a<U+200D>b", "a<U+200D>b"},
	{"zwj trailing emoji", "👨\u200d", "👨<U+200D>", "👨<U+200D>"},
	{"zwj leading", "\u200d👨", "<U+200D>👨", "<U+200D>👨"},
	{"double zwj", "👨\u200d\u200d👩", "👨<U+200D><U+200D>👩", "👨<U+200D><U+200D>👩"},
	{"combining acute", "e\u0301", "e\u0301", "e\u0301"},
	{"four marks kept", "a\u0301\u0302\u0303\u0304", "a\u0301\u0302\u0303\u0304", "a\u0301\u0302\u0303\u0304"},
	{"twenty marks capped", "a" + marks20 + "b" + marks20,
		"a\u0301\u0301\u0301\u0301…b\u0301\u0301\u0301\u0301…",
		"a\u0301\u0301\u0301\u0301…b\u0301\u0301\u0301\u0301…"},
	{"leading mark", "\u0301abc", "◌\u0301abc", "◌\u0301abc"},
	{"leading enclosing mark", "\u20dd", "◌\u20dd", "◌\u20dd"},
	{"leading marks capped", marks20, "◌\u0301\u0301\u0301\u0301…", "◌\u0301\u0301\u0301\u0301…"},
	{"mark after newline", "a\n\u0301", "a ◌\u0301", "a\n◌\u0301"},
	{"mark after tab", "a\t\u0301", "a ◌\u0301", "a    ◌\u0301"},
	{"mark after space", "a \u0301", "a ◌\u0301", "a ◌\u0301"},
	{"mark after control picture", "\x1b\u0301", "␛\u0301", "␛\u0301"},
	{"variation selector", "☺\ufe0f", "☺<U+FE0F>", "☺<U+FE0F>"},
	{"text presentation", "☺\ufe0e", "☺\ufe0e", "☺\ufe0e"},
	{"cjk", "中文字幕テスト한국어", "中文字幕テスト한국어", "中文字幕テスト한국어"},
	{"emoji", "👍🏽🇺🇸😀", "👍<U+1F3FD>🇺🇸😀", "👍<U+1F3FD>🇺🇸😀"},
	{"keycap", "1\ufe0f\u20e3", "1<U+FE0F>\u20e3", "1<U+FE0F>\u20e3"},
	{"conjunct", "नमस्ते", "नमस<U+094D>ते", "नमस<U+094D>ते"},
	{"emoji presentation", "✈\ufe0f ✈", "✈<U+FE0F> ✈", "✈<U+FE0F> ✈"},
	{"private use", "\ue000\U000F0000", "\ue000\U000F0000", "\ue000\U000F0000"},
	{"replacement char kept", "\ufffd", "\ufffd", "\ufffd"},
	{"invalid bytes", "a\xffb\xc0", "a\ufffdb\ufffd", "a\ufffdb\ufffd"},
	{"truncated sequence", "\xe2\x82", "\ufffd\ufffd", "\ufffd\ufffd"},
	{"encoded surrogate", "\xed\xa0\x80", "\ufffd\ufffd\ufffd", "\ufffd\ufffd\ufffd"},
	{"overlong nul", "\xc0\x80", "\ufffd\ufffd", "\ufffd\ufffd"},
	{"raw c1 byte", "\x9b2J", "\ufffd2J", "\ufffd2J"},
	// Found by the fuzzer: ASCII after a prepended letter was escaped, and
	// the letter then joined the escape's "<" (not idempotent); a ZWJ
	// before a regional indicator was kept raw.
	{"dot reph then ascii", "\u0d4e0", "<U+0D4E>0", "<U+0D4E>0"},
	{"zwj before regional indicator", "👨\u200d🇩", "👨<U+200D><U+1F1E9>", "👨<U+200D><U+1F1E9>"},
	{"spacing marks capped", "क" + strings.Repeat("\u093e", 20),
		"क<U+093E><U+093E><U+093E><U+093E>…", "क<U+093E><U+093E><U+093E><U+093E>…"},
}

func TestLine(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Line(c.in); got != c.line {
				t.Errorf("Line(%+q) = %+q, want %+q", c.in, got, c.line)
			}
			checkProps(t, c.in, false)
		})
	}
}

func TestText(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Text(c.in); got != c.text {
				t.Errorf("Text(%+q) = %+q, want %+q", c.in, got, c.text)
			}
			checkProps(t, c.in, true)
		})
	}
}

// Clean input must come back as the very same string, not a copy.
func TestCleanInputNotCopied(t *testing.T) {
	for _, s := range []string{"plain ascii", "中文 e\u0301 🇺🇸 한국어", "two\nlines"} {
		if got := Text(s); unsafe.StringData(got) != unsafe.StringData(s) {
			t.Errorf("Text(%+q) returned a copy", s)
		}
	}
	s := "plain ascii"
	if got := Line(s); unsafe.StringData(got) != unsafe.StringData(s) {
		t.Errorf("Line(%+q) returned a copy", s)
	}
}

func TestAppendEscape(t *testing.T) {
	for r, want := range map[rune]string{
		0x9b: "<U+009B>", 0x202e: "<U+202E>", 0xe0001: "<U+E0001>", 0x10fffd: "<U+10FFFD>",
	} {
		if got := string(appendEscape(nil, r)); got != want {
			t.Errorf("appendEscape(%#x) = %q, want %q", r, got, want)
		}
	}
}

// checkProps asserts every documented property of Line (or Text) on in.
// checkProps checks the properties of Line or Text, and of PrintLine or
// PrintText, which hold all of them but the equal measures.
func checkProps(t *testing.T, in string, multiline bool) {
	t.Helper()
	checkPropsOf(t, in, multiline, true)
	checkPropsOf(t, in, multiline, false)
}

func checkPropsOf(t *testing.T, in string, multiline, split bool) {
	t.Helper()
	f, name := Line, "Line"
	switch {
	case multiline && split:
		f, name = Text, "Text"
	case multiline:
		f, name = PrintText, "PrintText"
	case !split:
		f, name = PrintLine, "PrintLine"
	}
	out := f(in)
	if !utf8.ValidString(out) {
		t.Fatalf("%s(%+q) = %+q: invalid UTF-8", name, in, out)
	}
	if again := f(out); again != out {
		t.Fatalf("%s not idempotent on %+q: %+q then %+q", name, in, out, again)
	}
	if len(out) > 8*len(in)+8 {
		t.Fatalf("%s(%+q): output length %d exceeds bound", name, in, len(out))
	}
	if stripped := ansi.Strip(out); stripped != out {
		t.Fatalf("%s(%+q) = %+q: ansi.Strip changes it to %+q", name, in, out, stripped)
	}
	if w, ws := ansi.StringWidth(out), ansi.StringWidth(ansi.Strip(out)); w != ws {
		t.Fatalf("%s(%+q): width %d, stripped width %d", name, in, w, ws)
	}
	// Every terminal measures it alike: by grapheme cluster (Lip Gloss, and
	// terminals with Unicode core mode) and by code point (the rest).
	for _, l := range strings.Split(out, "\n") {
		if !split {
			break
		}
		if g, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); g != wc {
			t.Fatalf("%s(%+q) = %+q: %d cells by grapheme, %d by code point", name, in, out, g, wc)
		}
	}

	runes := []rune(out)
	run := 0
	for k, r := range runes {
		prev, next := rune(-1), rune(-1)
		if k > 0 {
			prev = runes[k-1]
		}
		if k+1 < len(runes) {
			next = runes[k+1]
		}
		switch {
		case r == '\n' && !multiline:
			t.Fatalf("Line(%+q) = %+q: contains newline", in, out)
		case r == '\n':
		case unicode.In(r, unicode.Cc, unicode.Zl, unicode.Zp):
			t.Fatalf("%s(%+q) = %+q: contains control %U", name, in, out, r)
		case isBidi(r):
			t.Fatalf("%s(%+q) = %+q: contains bidi control %U", name, in, out, r)
		case r == 0x200d && joinsEmoji(prev) && isPictographic(next):
		case unicode.Is(unicode.Cf, r):
			t.Fatalf("%s(%+q) = %+q: contains format character %U", name, in, out, r)
		}
		if unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) {
			if prev < 0 || prev == '\n' || prev == ' ' {
				t.Fatalf("%s(%+q) = %+q: mark %U without base", name, in, out, r)
			}
			if run++; run > maxMarks {
				t.Fatalf("%s(%+q) = %+q: more than %d marks in a row", name, in, out, maxMarks)
			}
		} else {
			run = 0
		}
	}
}

func isBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

func BenchmarkLineClean(b *testing.B) {
	s := "Senator Jane Q. Public said the bill \"will cost 4.2 billion dollars\" over ten years."
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Line(s)
	}
}

func BenchmarkLineCleanUnicode(b *testing.B) {
	s := "Zoë Ólafsdóttir — “it’s 中文 and 👨\u200d👩\u200d👧, café”"
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Line(s)
	}
}

func BenchmarkLineDirty(b *testing.B) {
	s := "Jane\x1b]0;pwned\x07 said\u202e \"4.2\u200b billion\"\r\nover ten years" + marks20
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Line(s)
	}
}

// A cluster of thousands of joined emoji is split in linear time (the fuzzer
// found the quadratic first version), and the result holds the properties.
func TestLongClusters(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("👩\u200d", 20000) + "👧",
		"a" + strings.Repeat("\u0903", 20000),
		strings.Repeat("\u1100", 20000),
		strings.Repeat("क्", 20000),
	} {
		checkProps(t, s, false)
	}
}

// Every rune plainRune passes is one cell wide by grapheme and by code
// point, and a cluster of its own before another such rune: that is what
// lets unambiguous skip it.
func TestPlainRunesAreOneCell(t *testing.T) {
	n := 0
	for r := rune(0); r < 0x3000; r++ {
		if !plainRune(r) {
			continue
		}
		n++
		s := string(r)
		if g, wc := ansi.StringWidth(s), ansi.StringWidthWc(s); g != 1 || wc != 1 {
			t.Errorf("%U is %d cells by grapheme, %d by code point", r, g, wc)
		}
		for _, next := range []rune{'a', 'é', '—', '“', r} {
			pair := s + string(next)
			if c, _ := ansi.FirstGraphemeCluster(pair, ansi.GraphemeWidth); c != s {
				t.Errorf("%U joins %U into one cluster", r, next)
			}
		}
	}
	if n < 700 {
		t.Fatalf("only %d plain runes", n)
	}
}

// Text printed as it is (a listing, Markdown, a copied citation) keeps every
// script as written: the conjuncts and jamo that terminals measure
// differently are split only in a laid-out frame. Devanagari came out of
// list and Markdown as नमस<U+094D>ते.
func TestPrintKeepsScripts(t *testing.T) {
	for _, in := range []string{
		"नमस्ते दुनिया",                         // Devanagari conjuncts and vowel signs
		"নমস্কার বিশ্ব",                         // Bengali
		"வணக்கம் உலகம்",                         // Tamil
		"\u1100\u1161\u11a8 \u1112\u1161\u11ab", // Hangul conjoining jamo
		"น้ำ ทำ",                                // Thai sara am
		"👨\u200d👩\u200d👧 👍🏽 🇺🇸",                 // emoji sequences
		"\u0d4e0", // a prepended letter
	} {
		if got := PrintLine(in); got != in {
			t.Errorf("PrintLine(%+q) = %+q, want it as written", in, got)
		}
		if got := PrintText(in); got != in {
			t.Errorf("PrintText(%+q) = %+q, want it as written", in, got)
		}
	}
	// and stays inert
	for in, want := range map[string]string{
		"a\x1b[2Jb\u202ec": "a␛[2Jb<U+202E>c",
		"x\u200by":         "x<U+200B>y",
		"a\nb\tc":          "a b c",
		"e" + marks20:      "e\u0301\u0301\u0301\u0301…",
	} {
		if got := PrintLine(in); got != want {
			t.Errorf("PrintLine(%+q) = %+q, want %+q", in, got, want)
		}
	}
}
