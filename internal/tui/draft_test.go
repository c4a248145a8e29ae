package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"counterpoint/assets"
	"counterpoint/internal/claims"
	"counterpoint/internal/draft"
)

// draftedBundled is the bundled article drafted from scratch, as
// `counterpoint assets/article.txt` opens it.
func draftedBundled(t *testing.T) *claims.Model {
	t.Helper()
	text, err := assets.FS.ReadFile("article.txt")
	if err != nil {
		t.Fatal(err)
	}
	cm, err := draft.Extract(string(text)).Model("claims.yaml", "article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return cm
}

// A machine draft says so in the header, and each drafted claim's badge
// gives its confidence; a checked annotation shows neither.
func TestMachineDraftHeaderAndBadge(t *testing.T) {
	cm := draftedBundled(t)
	m := New(cm, Options{})
	m.resize(120, 40)
	want := fmt.Sprintf("\n machine draft (%d of %d unchecked) · topics:", len(cm.Claims), len(cm.Claims))
	if head := ansi.Strip(m.viewHeader()); !strings.Contains(head, want) {
		t.Errorf("header %q lacks %q", head, want)
	}
	c := cm.Claims[0]
	if b := m.badge(c); !strings.HasPrefix(b, "draft 0.") {
		t.Errorf("badge of a drafted claim: %q", b)
	}

	bundled, err := claims.LoadFS(assets.FS, assets.Annotation)
	if err != nil {
		t.Fatal(err)
	}
	m = New(bundled, Options{})
	m.resize(120, 40)
	if head := ansi.Strip(m.viewHeader()); strings.Contains(head, "draft") {
		t.Errorf("the bundled annotation's header: %q", head)
	}
	for _, c := range bundled.Claims {
		if strings.Contains(m.badge(c), "draft") {
			t.Errorf("checked claim %s has a draft badge", c.ID)
		}
	}
}
