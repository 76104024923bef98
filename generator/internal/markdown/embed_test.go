package markdown

import (
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// TestEmbeddedNotes: an Obsidian embed alone on its line shows the note
// it names, found by its path or by its name anywhere, the nearest to the
// page first, or only the part under a heading it names; an embed inside
// text, or of a note that is not there, stays a link, which the graph
// checks, and the page is known to read other files.
func TestEmbeddedNotes(t *testing.T) {
	content := fstest.MapFS{
		"team/Onboarding.md":      {Data: []byte("---\ntitle: Onboarding\n---\n# Onboarding\n\nDay **one**.\n\n## Laptop\n\nGet a laptop.\n\n### Model\n\nAny.\n\n## Access\n\nAsk for access.\n")},
		"other/Onboarding.md":     {Data: []byte("The wrong one.\n")},
		"shared/Glossary note.md": {Data: []byte("A *term*.\n")},
	}
	p := New(Options{Shortcodes: ShortcodeOptions{Content: content}})
	src := "# Page\n\n![[Onboarding]]\n\n![[shared/Glossary note|Terms]]\n\n![[Onboarding#laptop]]\n\nSee ![[Onboarding]] inline and ![[Missing]].\n\n![[Missing]]\n"
	d := &handbook.Document{Path: "team/page.md", SourcePath: "content/team/page.md", Source: []byte(src)}
	var l diag.List
	p.Parse(d, &l)
	h := filled(d)
	for _, want := range []string{
		"<div class=\"embed\">\n<h1>Onboarding</h1>\n<p>Day <strong>one</strong>.</p>",
		"<div class=\"embed\">\n<p>A <em>term</em>.</p>\n</div>",
		"<div class=\"embed\">\n<h2>Laptop</h2>\n<p>Get a laptop.</p>\n<h3>Model</h3>\n<p>Any.</p>\n</div>",
		`See <a href="Onboarding">Onboarding</a> inline`,
		`<p><a href="Missing">Missing</a></p>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("missing %q in\n%s", want, h)
		}
	}
	if strings.Contains(h, "wrong one") || strings.Count(h, "Ask for access") != 1 {
		t.Errorf("the far note, or a section past its end, is shown:\n%s", h)
	}
	if !ReadsFiles([]byte(src)) {
		t.Error("a page with embeds is not known to read other files")
	}
}
