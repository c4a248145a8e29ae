package claims

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An annotation names its article inside its own folder: a path that leads
// anywhere else is refused before anything is read, so that a downloaded
// annotation cannot put /proc/self/environ or ../../etc/passwd into an
// export or into the nearest passage of an error.
func TestArticleOutsideTheFolderIsRefused(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("TOKEN=hunter2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := writeAnnotation(t, baseYAML(t), nil)
	dir := filepath.Dir(path)
	if err := os.Symlink(secret, filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	up, err := filepath.Rel(dir, secret)
	if err != nil {
		t.Fatal(err)
	}
	up = filepath.ToSlash(up)
	fix := "keep the article in the annotation's folder or below and name it relative to the annotation; " +
		"to read an article kept elsewhere, name it on the command line with --article FILE"
	rows := []struct{ file, display string }{
		{"/proc/self/environ", "/proc/self/environ"},
		{secret, secret},
		{up, up},
		{"sub/../" + up, "sub/../" + up},
		{"link.txt", filepath.Join(dir, "link.txt")},
	}
	for _, row := range rows {
		yaml := strings.Replace(baseYAML(t), "file: article.txt", fmt.Sprintf("file: %q", row.file), 1)
		if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := LoadFile(path)
		if m != nil {
			t.Errorf("%s: loaded", row.file)
			continue
		}
		want := Problem{File: path, Pos: Pos{3, 9},
			Msg: fmt.Sprintf("cannot read the article %q: outside the annotation's folder; refused without reading it", row.display), Fix: fix}
		p := firstProblem(t, err)
		if p != want {
			t.Errorf("%s:\n got %+v\nwant %+v", row.file, p, want)
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: the error shows the file's content", row.file)
		}
	}
}

// The user names an article kept elsewhere deliberately, with a path that
// the annotation cannot give: it replaces the annotation's own.
func TestArticleNamedByTheUser(t *testing.T) {
	article, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := filepath.Join(t.TempDir(), "kept-here.txt")
	if err := os.WriteFile(elsewhere, article, 0o644); err != nil {
		t.Fatal(err)
	}
	path := writeAnnotation(t, strings.Replace(baseYAML(t), "file: article.txt", "file: ../../kept-here.txt", 1), nil)
	m, err := LoadFileWithArticle(path, elsewhere)
	if err != nil {
		t.Fatal(err)
	}
	if m.Article.Text != string(article) || len(m.Claims) != 3 {
		t.Errorf("article of %d bytes, %d claims", len(m.Article.Text), len(m.Claims))
	}
	_, err = LoadFileWithArticle(path, filepath.Join(filepath.Dir(elsewhere), "missing.txt"))
	want := fmt.Sprintf("cannot read the article %q: no such file", filepath.Join(filepath.Dir(elsewhere), "missing.txt"))
	if p := firstProblem(t, err); p.Msg != want {
		t.Errorf("missing article: %q, want %q", p.Msg, want)
	}
}
