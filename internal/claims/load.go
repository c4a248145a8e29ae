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
	"syscall"
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

// LoadFile loads an annotation from disk. Its article is read from the
// annotation's own folder or below, as the annotation names it: a file from
// anywhere must not make counterpoint read /proc/self/environ or
// ../../etc/passwd into an export or an error message. To read an article
// kept elsewhere, use LoadFileWithArticle, whose path the user gives.
func LoadFile(name string) (*Model, error) {
	return LoadFileWithArticle(name, "")
}

// LoadFileWithArticle loads an annotation from disk with its article read
// from article, a path the user named (relative to the working directory),
// instead of the one the annotation names; "" reads the annotation's own.
func LoadFileWithArticle(name, article string) (*Model, error) {
	data, read, err := ReadFile(name, article)
	if err != nil {
		return nil, err
	}
	// The file's bytes are this function's own: the text is read from them
	// in place rather than copied, which keeps a large annotation in memory
	// once rather than twice while it loads.
	return loadText(name, unsafe.String(unsafe.SliceData(data), len(data)), read)
}

// ReadFile reads an annotation from disk as LoadFileWithArticle does (a
// regular file of at most MaxFileSize; a problem is a LoadError naming the
// file), and returns its bytes with the reader of its article: article, a
// path the user named, or else the one the annotation names, in its folder
// or below. It is for a caller that keeps the bytes, as the editor does.
func ReadFile(name, article string) ([]byte, ReadFunc, error) {
	data, err := readCapped(name)
	if err != nil {
		return nil, nil, &LoadError{Problems: []Problem{fileProblem(name, err)}}
	}
	dir := filepath.Dir(name)
	return data, func(rel string) (string, []byte, error) {
		if article != "" {
			data, err := readCapped(article)
			return article, data, err
		}
		return readConfined(dir, rel)
	}, nil
}

// readConfined reads rel, a slash-separated path from an annotation, in dir
// and below: an absolute path, a ".." that climbs out, or a symbolic link
// that leads out is refused before anything is opened.
func readConfined(dir, rel string) (string, []byte, error) {
	display := filepath.Join(dir, filepath.FromSlash(rel))
	local := filepath.FromSlash(rel)
	if filepath.IsAbs(rel) || filepath.IsAbs(local) || strings.HasPrefix(rel, "/") || !filepath.IsLocal(local) {
		return rel, nil, errOutside
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return display, nil, err
	}
	defer root.Close()
	data, err := readCappedIn(root, local)
	if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) {
		// os.Root refuses a link out of the folder with an error of its
		// own; say what it means.
		if target, lerr := filepath.EvalSymlinks(display); lerr == nil {
			if abs, derr := filepath.EvalSymlinks(dir); derr == nil {
				if r, rerr := filepath.Rel(abs, target); rerr == nil && !filepath.IsLocal(r) {
					return display, nil, errOutside
				}
			}
		}
	}
	return display, data, err
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

// errTooLarge marks a file refused for its size, before it is read.
var errTooLarge = fmt.Errorf("larger than %d MiB", MaxFileSize>>20)

// errGrew marks a file that said it was small and then held more than the
// cap: it was read up to the cap, and refused.
var errGrew = fmt.Errorf("grew past %d MiB while read", MaxFileSize>>20)

// errOutside marks an article that the annotation names outside its folder.
var errOutside = errors.New("outside the annotation's folder")

// notRegular marks a file that is not a regular file (a FIFO, a device, a
// socket): such a file can block the reader forever or never end, so it is
// refused before it is opened for reading.
type notRegular struct{ mode fs.FileMode }

func (e notRegular) Error() string { return "not a regular file" }

// what names the kind of file, for a person.
func (e notRegular) what() string {
	switch {
	case e.mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case e.mode&fs.ModeCharDevice != 0, e.mode&fs.ModeDevice != 0:
		return "a device"
	case e.mode&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

// opener is what readCapped needs of a file system: the os package's, or an
// os.Root that keeps a path inside a folder.
type opener interface {
	Stat(name string) (fs.FileInfo, error)
	OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error)
}

type osFiles struct{}

func (osFiles) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
func (osFiles) OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}

// readCapped reads a regular file of at most MaxFileSize bytes, refusing
// anything else before reading it.
func readCapped(name string) ([]byte, error) { return readCappedIn(osFiles{}, name) }

// readCappedIn reads a regular file of at most MaxFileSize bytes from files.
// Directories, FIFOs, devices and sockets are refused from their mode before
// they are opened (opening a FIFO waits for a writer, which may never come);
// the file is opened without blocking and its mode checked again, in case it
// was swapped meanwhile; an oversized file is refused from its size.
func readCappedIn(files opener, name string) ([]byte, error) {
	st, err := files.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(st); err != nil {
		return nil, err
	}
	f, err := files.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err = f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkRegular(st); err != nil {
		return nil, err
	}
	// A file that grows while we read reports a size that cannot be
	// trusted: read one byte past the cap to notice. The buffer starts at
	// the size reported, so that a large file is read into one allocation
	// rather than a doubling series of them (io.ReadAll's), which was a
	// third of the peak memory of loading 100,000 claims.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if len(data) > MaxFileSize {
		return nil, errGrew
	}
	return data, nil
}

// checkRegular refuses what is not a regular file.
func checkRegular(st fs.FileInfo) error {
	switch {
	case st.IsDir():
		return errIsDir
	case !st.Mode().IsRegular():
		return notRegular{st.Mode()}
	case st.Size() > MaxFileSize:
		return errTooLarge
	}
	return nil
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
	case errors.Is(err, errGrew):
		return Problem{File: name, Msg: fmt.Sprintf("file grew past the %d MiB limit while it was read; refused after reading that much", MaxFileSize>>20),
			Fix: "give a file that holds the annotation, not one that is still being written or never ends"}
	case errors.Is(err, errOutside):
		return Problem{File: name, Msg: "outside the annotation's folder; refused without reading it",
			Fix: "keep the article in the annotation's folder or below and name it relative to the annotation; " +
				"to read an article kept elsewhere, name it on the command line with --article FILE"}
	}
	var nr notRegular
	if errors.As(err, &nr) {
		return Problem{File: name, Msg: "is " + nr.what() + ", not a regular file; refused without opening it",
			Fix: "give the path of a file saved on disk; counterpoint reads only regular files"}
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
