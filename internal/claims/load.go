package claims

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// MaxFileSize caps the size of an annotation and of its article. Files past
// it are refused before they are read: nothing a person annotates by hand
// comes near it, and a runaway generator should not exhaust memory.
const MaxFileSize = 64 << 20

// ReadFunc reads the article that an annotation names (its path as written in
// the annotation, relative to the annotation). It returns the name to show in
// messages and the bytes.
type ReadFunc func(rel string) (display string, data []byte, err error)

// LoadFile loads an annotation from disk; its article is read relative to it.
func LoadFile(name string) (*Model, error) {
	data, err := readCapped(name)
	if err != nil {
		return nil, &LoadError{Problems: []Problem{fileProblem(name, err)}}
	}
	dir := filepath.Dir(name)
	// The file's bytes are this function's own: the text is read from them
	// in place rather than copied, which keeps a large annotation in memory
	// once rather than twice while it loads.
	return loadText(name, unsafe.String(unsafe.SliceData(data), len(data)), func(rel string) (string, []byte, error) {
		p := rel
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, filepath.FromSlash(rel))
		}
		data, err := readCapped(p)
		return p, data, err
	})
}

// LoadFS loads an annotation from a file system, such as the embedded assets.
func LoadFS(fsys fs.FS, name string) (*Model, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &LoadError{Problems: []Problem{fileProblem(name, err)}}
	}
	return Load(name, data, func(rel string) (string, []byte, error) {
		p := path.Join(path.Dir(name), rel)
		data, err := fs.ReadFile(fsys, p)
		return p, data, err
	})
}

// errTooLarge marks a file refused for its size.
var errTooLarge = fmt.Errorf("larger than %d MiB", MaxFileSize>>20)

// readCapped reads a regular file of at most MaxFileSize bytes, refusing
// directories and oversized files before reading them.
func readCapped(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errIsDir
	}
	if st.Size() > MaxFileSize {
		return nil, errTooLarge
	}
	// A FIFO or a file that grows while we read reports a size that cannot
	// be trusted: read one byte past the cap to notice. The buffer starts
	// at the size reported, so that a large file is read into one
	// allocation rather than a doubling series of them (io.ReadAll's), which
	// was a third of the peak memory of loading 100,000 claims.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if len(data) > MaxFileSize {
		return nil, errTooLarge
	}
	return data, nil
}

var errIsDir = errors.New("is a directory")

// fileProblem turns an error reading a whole file into a problem with a fix.
func fileProblem(name string, err error) Problem {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Problem{File: name, Msg: "no such file", Fix: "check the path; an annotation's article is found relative to the annotation"}
	case errors.Is(err, fs.ErrPermission):
		return Problem{File: name, Msg: "permission denied", Fix: "make the file readable (chmod +r)"}
	case errors.Is(err, errIsDir):
		return Problem{File: name, Msg: "is a directory, not a file", Fix: "give the path of a file in it, not of the directory"}
	case errors.Is(err, errTooLarge):
		return Problem{File: name, Msg: fmt.Sprintf("file is larger than the %d MiB limit; refused without reading it", MaxFileSize>>20),
			Fix: "split the annotation, or check that this is the file you meant"}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return Problem{File: name, Msg: "cannot read: " + err.Error(), Fix: "check that the file exists and is readable"}
}

// utf8BOM is stripped from the start of an annotation (YAML allows it); an
// article keeps its bytes as they are, since spans count them.
const utf8BOM = "\xef\xbb\xbf"

// checkUTF8 reports the position of the first byte that is not UTF-8.
func checkUTF8(text string) (Pos, byte, bool) {
	if utf8.ValidString(text) {
		return Pos{}, 0, true
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size <= 1 {
			return lineCol(text, i), text[i], false
		}
		i += size
	}
	return Pos{}, 0, true
}

// Load decodes, anchors and validates an annotation held in data; name is
// the file name shown in messages and read fetches its article. On failure
// the error is a *LoadError listing every problem found.
func Load(name string, data []byte, read ReadFunc) (*Model, error) {
	return loadText(name, string(data), read)
}

// loadText is Load on the annotation's text.
func loadText(name, text string, read ReadFunc) (*Model, error) {
	ps := &problems{file: name}
	if len(text) > MaxFileSize {
		ps.add(Pos{}, "split the annotation, or check that this is the file you meant",
			"file is larger than the %d MiB limit", MaxFileSize>>20)
		return nil, ps.err()
	}
	if len(text) >= len(utf8BOM) && text[:len(utf8BOM)] == utf8BOM {
		text = text[len(utf8BOM):]
	}
	if pos, b, ok := checkUTF8(text); !ok {
		ps.add(pos, "save the file as UTF-8 (most editors offer it under \"Save with encoding\")",
			"not valid UTF-8: byte 0x%02X cannot start or continue a character", b)
		return nil, ps.err()
	}
	// CRLF becomes LF before the YAML is read: the YAML library counts the
	// line break after a comment twice when it is CRLF, which put every
	// position below a comment one line too far down. Line and column
	// numbers are the same either way, since the CR ends its line.
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if isBlank(text) {
		ps.add(Pos{}, "start from the example in the README: an article, speakers, topics, claims and relations", "the annotation is empty")
		return nil, ps.err()
	}
	// Most annotations are plain YAML without a problem: the fast reader
	// takes those, and leaves every other file, problems and all, to the
	// YAML library (see decodeFast).
	raw := decodeFast(text)
	if raw == nil {
		if pos, ok := checkNesting(text); !ok {
			tooDeep(ps, pos)
			return nil, ps.err()
		}
		if raw = decodeYAML([]byte(text), ps); raw == nil {
			return nil, ps.err()
		}
	}
	m := build(raw, ps, read)
	if err := ps.err(); err != nil {
		return nil, err
	}
	m.Source = name
	return m, nil
}

// tooDeep reports a file that nests past maxDepth.
func tooDeep(ps *problems, pos Pos) {
	ps.add(pos, "an annotation nests four levels deep; check the indentation and the brackets",
		"the YAML nests more than %d levels deep; refusing to parse it", maxDepth)
}

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}
