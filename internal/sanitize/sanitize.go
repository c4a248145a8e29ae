// Package sanitize makes untrusted text safe to print on a terminal.
//
// Speaker names and quotes come from user-supplied YAML annotations, so they
// may carry anything: escape sequences that clear the screen, retitle the
// window or write the clipboard (OSC 52), C1 controls that some terminals
// obey as 8-bit CSI, bidi overrides that reorder what the reader sees
// ("Trojan Source"), invisible zero-width characters, or thousands of stacked
// combining marks that smear over neighbouring lines. Every such string is
// passed through Line or Text before it is drawn.
//
// The goal is "visible and inert", not "deleted": a reader checking a claim
// should see that the annotation contained something odd. So controls are
// replaced by printable stand-ins (Control Pictures such as ␛, or a literal
// "<U+202E>"), never dropped silently, and the output never contains a byte
// the terminal would interpret as a control. That also keeps the display
// width of the output computable, which TUI layout depends on.
//
// Both functions are idempotent and return their argument unchanged (without
// allocating) when nothing needs changing.
package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// maxMarks is how many combining marks may follow one base character. Real
// scripts rarely need more than three or four (Vietnamese, Hebrew with
// cantillation); longer runs are "Zalgo" text that draws outside its cell.
const maxMarks = 4

// maxPiece bounds, in bytes, the pieces splitCluster measures, so that a
// cluster of thousands of joined runes costs linear time, not quadratic.
const maxPiece = 64

const (
	dottedCircle = "\u25CC" // conventional base for a mark that has none
	ellipsis     = "\u2026" // marks dropped here
	tabWidth     = "    "   // Text expands tabs: cell width of \t is unknowable
)

// Line sanitizes s for one-line display in a laid-out frame. Line breaks
// (\n, \r\n, lone \r, U+0085, U+2028, U+2029) and tabs each become one
// space, so the result never spans rows. See the package comment for
// everything else.
func Line(s string) string { return clean(s, false, true) }

// Text sanitizes s for multi-line display in a laid-out frame. \n is kept;
// \r\n, lone \r, U+0085, U+2028 and U+2029 become \n; a tab becomes four
// spaces. See the package comment for everything else.
func Text(s string) string { return clean(s, true, true) }

// PrintLine is Line for text printed as it is rather than laid out in cells
// (a listing, Markdown, a copied citation, a message): as inert, but the
// clusters terminals measure differently (an Indic conjunct, Hangul jamo,
// Thai sara am, an emoji sequence) are kept as written, since nothing
// depends on their width there.
func PrintLine(s string) string { return clean(s, false, false) }

// PrintText is Text for text printed as it is; see PrintLine.
func PrintText(s string) string { return clean(s, true, false) }

// clean does the work for Line, Text, PrintLine and PrintText; split says
// whether clusters are split where terminals measure them differently. It
// writes into out only once the output diverges from s, so clean input
// costs no allocation and dirty input costs one.
func clean(s string, multiline, split bool) string {
	// Fast path: skip the printable-ASCII prefix, which is usually all of s.
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	if i == len(s) {
		return s
	}

	newline := " "
	tab := " "
	if multiline {
		newline, tab = "\n", tabWidth
	}

	var out strings.Builder
	dirty := false // false while the output so far equals s[:i]
	// prev is the last rune *written*, not read: the ZWJ and mark rules must
	// judge what the reader will see, or a second pass would disagree.
	prev := rune(-1) // -1 at start
	if i > 0 {
		prev = rune(s[i-1])
	}
	marks := 0      // combining marks kept since the last base
	capped := false // ellipsis already written for this run of marks

	// diverge switches from "output is a prefix of s" to an owned buffer.
	diverge := func() {
		if !dirty {
			dirty = true
			out.Grow(len(s) + len(s)/2 + 16)
			out.WriteString(s[:i])
		}
	}
	// replace writes rep in place of the current rune.
	replace := func(rep string) {
		diverge()
		out.WriteString(rep)
		r, _ := utf8.DecodeLastRuneInString(rep)
		prev = r
	}
	// replaceRune writes pic in place of the current rune.
	replaceRune := func(pic rune) {
		diverge()
		out.WriteRune(pic)
		prev = pic
	}
	// escape writes r as a visible "<U+XXXX>".
	escape := func(r rune) {
		diverge()
		var buf [10]byte
		out.Write(appendEscape(buf[:0], r))
		prev = '>'
	}

	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		keep := false
		isMark := false

		switch {
		case r == utf8.RuneError && n == 1:
			replaceRune(utf8.RuneError) // one U+FFFD per bad byte
		case r == '\n':
			if multiline {
				keep = true
			} else {
				replace(newline)
			}
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				n = 2 // CRLF is one line break
			}
			replace(newline)
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			replace(newline)
		case r == '\t':
			replace(tab)
		case r < 0x20:
			replaceRune(0x2400 + r) // Control Pictures: ␀ … ␟
		case r == 0x7f:
			replaceRune(0x2421) // ␡
		case r >= 0x80 && r <= 0x9f:
			escape(r) // C1: 0x9b is 8-bit CSI on some terminals
		case r < 0x300 && r != 0xAD:
			keep = true // Latin-1 and Latin Extended: skip the table lookups
		case r == 0x200D:
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if joinsEmoji(prev) && isPictographic(next) {
				keep = true // emoji ZWJ sequence such as 👨‍👩‍👧
			} else {
				escape(r)
			}
		case unicode.Is(unicode.Cf, r):
			// Bidi controls, zero-width characters, soft hyphen, BOM, tags…
			escape(r)
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc):
			// Spacing marks (Mc) too: a run of thousands of them draws
			// as far outside its cell as one of non-spacing marks.
			isMark = true
			switch {
			case prev < 0 || prev == '\n' || prev == ' ':
				// No base to sit on: show it on a dotted circle.
				diverge()
				out.WriteString(dottedCircle)
				out.WriteString(s[i : i+n])
				prev = r
				marks, capped = 1, false
			case marks < maxMarks:
				keep = true
				marks++
			case !capped:
				replace(ellipsis)
				capped = true
			default:
				diverge() // drop it; the ellipsis already marks the cut
			}
		default:
			keep = true
		}

		if keep {
			if dirty {
				out.WriteString(s[i : i+n])
			}
			prev = r
		}
		if !isMark {
			marks, capped = 0, false
		}
		i += n
	}

	if !split {
		if !dirty {
			return s
		}
		return out.String()
	}
	if !dirty {
		return unambiguous(s)
	}
	return unambiguous(out.String())
}

// unambiguous rewrites the grapheme clusters whose width terminals disagree
// on, so that every measure gives the same width.
//
// Lip Gloss lays a frame out by grapheme clusters: 👩‍👩‍👧 is one cluster two
// cells wide. A terminal without Unicode core mode (DEC 2027), and Bubble Tea's
// renderer on it, advance once per code point: the same family takes six
// cells, and the line it sits on overflows its pane by four. Such a cluster
// is shown as parts every terminal measures alike: the joiner, variation
// selector or modifier that fused them is written as "<U+200D>" and the like.
// Clusters both measures agree on (nearly all text, CJK and accents
// included) are left alone.
func unambiguous(s string) string {
	var out []byte // nil while the output equals s[:i]
	for i := 0; i < len(s); {
		if r, n := utf8.DecodeRuneInString(s[i:]); plainRune(r) {
			// A letter or punctuation mark of Latin text, not followed by
			// anything that could join it (a mark, a selector): a cluster of
			// its own, one cell wide to every measure. Most text is all
			// such, and needs no look at its clusters.
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); i+n == len(s) || plainRune(next) {
				if out != nil {
					out = append(out, s[i:i+n]...)
				}
				i += n
				continue
			}
		}
		cluster, width := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		if width == ansi.StringWidthWc(cluster) {
			if out != nil {
				out = append(out, cluster...)
			}
		} else {
			if out == nil {
				out = make([]byte, 0, len(s)+32)
				out = append(out, s[:i]...)
			}
			out = splitCluster(out, cluster)
		}
		i += len(cluster)
	}
	if out == nil {
		return s
	}
	return string(out)
}

// plainRune says whether r is printable ASCII, a letter or sign of Latin-1
// or the Latin Extended blocks, or common punctuation (dashes, curly quotes,
// bullets, the ellipsis): characters one cell wide by every measure, which
// form a cluster of their own unless a mark or a joiner follows.
// TestPlainRunesAreOneCell checks every one of them.
func plainRune(r rune) bool {
	return (r >= 0x20 && r < 0x7f) || (r >= 0xa0 && r < 0x300 && r != 0xad) ||
		(r >= 0x2010 && r <= 0x2027) || (r >= 0x2030 && r <= 0x205e)
}

// splitCluster appends cluster to out as pieces that each measure the same
// by grapheme and by code point: each rune joins the piece before it while
// the piece stays unambiguous; a zero-width rune that would make it
// ambiguous is escaped; a visible rune that would is split from the piece by
// escaping the last zero-width rune that joined them (the ZWJ between two
// emoji, the virama of a conjunct), or escaped itself when there is none
// (a skin-tone modifier).
func splitCluster(out []byte, cluster string) []byte {
	// piece is where the current piece starts in out. After an escape it
	// starts at the escape's ">", which a mark or modifier would cling to.
	piece := len(out)
	joiner := -1      // offset in out of the piece's last zero-width rune
	var replay []rune // runes taken back from out, to go round again
	for j := 0; j < len(cluster) || len(replay) > 0; {
		var r rune
		if len(replay) > 0 {
			r, replay = replay[0], replay[1:]
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(cluster[j:])
			j += n
		}
		zeroWidth := ansi.StringWidthWc(string(r)) == 0
		candidate := string(out[piece:]) + string(r)
		switch {
		case r == 0x200D && !joinsEmoji(lastRune(out)):
			// An emoji joiner after an escape is a bare joiner now.
			out = appendEscape(out, r)
			piece, joiner = len(out)-1, -1
		case len(candidate) <= maxPiece && ansi.StringWidth(candidate) == ansi.StringWidthWc(candidate):
			if zeroWidth {
				joiner = len(out)
			}
			out = utf8.AppendRune(out, r)
		case !zeroWidth && joiner < 0 && prepends(lastRune(out[piece:])):
			// A prepended letter (U+0D4E) joins whatever follows, ASCII
			// included: escaping what followed left the prepended letter
			// to join the escape's "<" on a second pass. Escape it
			// instead, and r goes round again.
			z, zn := utf8.DecodeLastRune(out)
			out = appendEscape(out[:len(out)-zn], z)
			piece, joiner = len(out)-1, -1
			replay = append([]rune{r}, replay...)
		case zeroWidth || joiner < 0:
			out = appendEscape(out, r)
			piece, joiner = len(out)-1, -1
		default:
			// Escape the joiner; what followed it, and r, go round again.
			z, zn := utf8.DecodeRune(out[joiner:])
			replay = append(append([]rune(string(out[joiner+zn:])), r), replay...)
			out = appendEscape(out[:joiner], z)
			piece, joiner = len(out)-1, -1
		}
	}
	return out
}

// prepends reports whether r has the Grapheme_Cluster_Break property
// Prepend: it joins the character after it into one cluster.
func prepends(r rune) bool {
	switch {
	case r >= 0x0600 && r <= 0x0605, r == 0x06DD, r == 0x070F, r == 0x0890, r == 0x0891,
		r == 0x08E2, r == 0x0D4E, r == 0x110BD, r == 0x110CD, r == 0x111C2, r == 0x111C3,
		r == 0x1193F, r == 0x11941, r == 0x11A3A, r >= 0x11A84 && r <= 0x11A89,
		r == 0x11D46, r == 0x11F02:
		return true
	}
	return false
}

// lastRune is the last rune of b, or -1.
func lastRune(b []byte) rune {
	if len(b) == 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRune(b)
	return r
}

// appendEscape appends "<U+XXXX>" (uppercase hex, at least four digits).
func appendEscape(b []byte, r rune) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, "<U+"...)
	digits := 4
	for digits < 8 && r>>(4*digits) != 0 {
		digits++
	}
	for d := digits - 1; d >= 0; d-- {
		b = append(b, hex[(r>>(4*d))&0xf])
	}
	return append(b, '>')
}

// joinsEmoji reports whether a ZWJ after r can continue an emoji sequence:
// r is a pictograph, a skin-tone modifier or the emoji variation selector.
func joinsEmoji(r rune) bool {
	return isPictographic(r) || (r >= 0x1F3FB && r <= 0x1F3FF) || r == 0xFE0F
}

// isPictographic approximates the Unicode Extended_Pictographic property,
// which the standard library does not expose. The ranges are deliberately
// broad (whole blocks rather than the exact list); the only cost of a false
// positive is keeping a ZWJ between two symbols, which is harmless.
func isPictographic(r rune) bool {
	switch {
	case r >= 0x1F1E6 && r <= 0x1F1FF:
		// Regional indicators pair into flags; no ZWJ joins them, and
		// keeping one before 🇩 left a raw U+200D.
		return false
	case r >= 0x1F000 && r <= 0x1FAFF, // emoji, symbols and pictographs
		r >= 0x2600 && r <= 0x27BF, // misc symbols, dingbats
		r >= 0x2300 && r <= 0x23FF, // misc technical (⌚, ⏰)
		r >= 0x2B00 && r <= 0x2BFF, // arrows (⬛, ⭐)
		r >= 0x2194 && r <= 0x21AA: // arrows (↔, ↩)
		return true
	}
	switch r {
	case 0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139,
		0x3030, 0x303D, 0x3297, 0x3299:
		return true
	}
	return false
}
