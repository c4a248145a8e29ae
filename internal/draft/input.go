package draft

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
)

// MaxArticle is the largest article drafted: a hundred times a long news
// article. A larger input is refused before it is read whole.
const MaxArticle = 8 << 20

// Format is how an input is read.
type Format int

const (
	FormatText Format = iota
	FormatMarkdown
	FormatHTML
)

// FormatOf chooses a format from a file name, and the bytes when the name
// says nothing (standard input): a page that starts like HTML is HTML.
func FormatOf(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".txt", ".text":
		return FormatText
	}
	head := bytes.ToLower(bytes.TrimLeft(data[:min(len(data), 512)], " \t\r\n\ufeff"))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
		return FormatHTML
	}
	return FormatText
}

// InputError is an input that cannot be drafted, with the reason in words
// for the person who gave it.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErrorf(format string, args ...any) error { return &InputError{fmt.Sprintf(format, args...)} }

// Read turns an input into the text to annotate, and a title when the input
// has one (a web page's). The text is UTF-8 with LF line ends, no byte
// order mark and no control characters but tabs and line feeds.
func Read(data []byte, f Format) (text, title string, err error) {
	if len(data) > MaxArticle {
		return "", "", inputErrorf("the article is larger than %d MiB; a news article is far smaller — check the file, or split it", MaxArticle>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0 {
		return "", "", inputErrorf("the input is binary (it holds NUL bytes), not an article; give a text, Markdown or HTML file")
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off])
		return "", "", inputErrorf("line %d, column %d: byte 0x%02X is not UTF-8; save the article as UTF-8 (e.g. iconv -f latin1 -t utf-8)", line, col, data[off])
	}
	s := string(data)
	switch f {
	case FormatHTML:
		s, title, err = fromHTML(s)
		if err != nil {
			return "", "", err
		}
	case FormatMarkdown:
		s = fromMarkdown(s)
	}
	s = Normalize(s)
	if strings.TrimSpace(s) == "" {
		if f == FormatHTML {
			return "", "", inputErrorf("the page has no article text that could be found")
		}
		return "", "", inputErrorf("the article is empty")
	}
	return s, title, nil
}

// Normalize makes text fit to annotate, changing no more than it must:
// line ends LF, no byte order mark, and every control character but tab and
// line feed made a space (line and paragraph separators made line feeds).
// Valid UTF-8 in, valid UTF-8 out.
func Normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\ufeff", "")
	clean := true
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029' || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if !clean {
		s = strings.Map(func(r rune) rune {
			switch {
			case r == '\u2028' || r == '\u2029':
				return '\n'
			case r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == utf8.RuneError:
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// minPageWords is the fewest words of main text a page with an article has.
const minPageWords = 15

// fromHTML extracts a page's main text with a readability library (the
// algorithm of Firefox's Reader View), one paragraph a line.
func fromHTML(s string) (string, string, error) {
	art, err := readability.FromReader(strings.NewReader(s), nil)
	if err != nil {
		return "", "", inputErrorf("cannot read the page as HTML: %v", err)
	}
	if art.Node == nil {
		return "", "", inputErrorf("the page has no article text that could be found")
	}
	var b strings.Builder
	if err := art.RenderText(&b); err != nil {
		return "", "", inputErrorf("the page has no article text that could be found")
	}
	text := b.String()
	// one paragraph a line, separated by a blank line
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	title := strings.Join(strings.Fields(art.Title()), " ")
	body := strings.Join(out, "\n\n")
	if title != "" && (len(out) == 0 || out[0] != title) {
		body = title + "\n\n" + body
	}
	// a page whose main text is a few words (a menu, a login form) has no
	// article in it
	if len(strings.Fields(strings.Join(out, " "))) < minPageWords {
		return "", "", inputErrorf("the page has no article text that could be found")
	}
	return body, title, nil
}

// markdown holds the expressions that turn Markdown into plain text,
// compiled on the first Markdown article rather than at every start.
var markdown = sync.OnceValue(func() *markdownREs {
	return &markdownREs{
		mdImage:    regexp.MustCompile(`!\[([^\]\n]*)\]\([^)\n]*\)`),
		mdLink:     regexp.MustCompile(`\[([^\]\n]+)\]\([^)\n]*\)`),
		mdRefLink:  regexp.MustCompile(`\[([^\]\n]+)\]\[[^\]\n]*\]`),
		mdStrong:   regexp.MustCompile(`(\*\*|__)([^*\n]+?)(\*\*|__)`),
		mdEm:       regexp.MustCompile(`(^|[\s(])\*([^*\n]+?)\*`),
		mdCode:     regexp.MustCompile("`([^`\n]+)`"),
		mdRefDef:   regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+`),
		mdHeading:  regexp.MustCompile(`^\s{0,3}#{1,6}\s+`),
		mdBullet:   regexp.MustCompile(`^\s{0,3}([-*+]|\d{1,3}[.)])\s+`),
		mdQuote:    regexp.MustCompile(`^\s{0,3}(>\s?)+`),
		mdRule:     regexp.MustCompile(`^\s{0,3}([-*_]\s*){3,}$`),
		mdHTMLTags: regexp.MustCompile(`</?[a-zA-Z][^>\n]*>`),
	}
})

type markdownREs struct {
	mdImage, mdLink, mdRefLink, mdStrong, mdEm, mdCode, mdRefDef, mdHeading, mdBullet, mdQuote, mdRule, mdHTMLTags *regexp.Regexp
}

// fromMarkdown keeps a Markdown article's words and drops its markup:
// headings, emphasis, links (their text kept), images, code fences, block
// quote marks and list bullets. Quotation marks are the article's and stay.
func fromMarkdown(s string) string {
	md := markdown()
	var out []string
	fence := false
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			continue
		}
		if fence || md.mdRefDef.MatchString(l) || md.mdRule.MatchString(l) && t != "" {
			continue
		}
		l = md.mdHeading.ReplaceAllString(l, "")
		l = md.mdQuote.ReplaceAllString(l, "")
		l = md.mdBullet.ReplaceAllString(l, "")
		l = md.mdImage.ReplaceAllString(l, "")
		l = md.mdLink.ReplaceAllString(l, "$1")
		l = md.mdRefLink.ReplaceAllString(l, "$1")
		l = md.mdStrong.ReplaceAllString(l, "$2")
		l = md.mdEm.ReplaceAllString(l, "$1$2")
		l = md.mdCode.ReplaceAllString(l, "$1")
		l = md.mdHTMLTags.ReplaceAllString(l, "")
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// ErrNothingFound says that an article holds no statement to draft.
var ErrNothingFound = errors.New("found no quotation or reported statement to draft")
