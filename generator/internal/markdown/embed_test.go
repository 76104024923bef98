package markdown

import (
	"slices"
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

// TestIncludedLinks: the links of Markdown a page includes (an embedded
// note, a snippet, readfile's file) are the page's: recorded, to be
// checked and written relative to its page, a relative one read from the
// included file's folder; the wikilinks stay links.
func TestIncludedLinks(t *testing.T) {
	content := fstest.MapFS{
		"team/Note.md":  {Data: []byte("See [setup](setup.md), [[Glossary]], [site](https://example.com/) and ![d](img/d.png).\n")},
		"team/setup.md": {Data: []byte("# Setup\n")},
		"guide/inc.md":  {Data: []byte("Read [the policy](../policies/p.md#why).\n")},
	}
	root := fstest.MapFS{"README.md": {Data: []byte("Docs in [docs/a.md](docs/a.md) and [outside](CONTRIBUTING.md).\n")}}
	p := New(Options{Shortcodes: ShortcodeOptions{Content: content, Root: root, ContentDir: "docs"}})
	d := &handbook.Document{Path: "page.md", SourcePath: "docs/page.md", Source: []byte("# Page\n\n![[Note]]\n\n{{< readfile file=\"guide/inc.md\" >}}\n\n--8<-- \"README.md\"\n")}
	var l diag.List
	p.Parse(d, &l)
	var got []string
	for _, bl := range d.BodyLinks {
		got = append(got, bl.Dest)
	}
	want := []string{"/a.md", "/policies/p.md#why", "/team/img/d.png", "/team/setup.md", "CONTRIBUTING.md", "Glossary", "Note", "https://example.com/"}
	slices.Sort(got)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("links %q\nwant %q", got, want)
	}
	if h := filled(d); !strings.Contains(h, `<a href="/team/setup.md">setup</a>`) || !strings.Contains(h, `<a href="Glossary">Glossary</a>`) {
		t.Errorf("the included links are not the page's:\n%s", h)
	}
}

// Jekyll's {% include_relative %} includes a file from the page's folder
// as readfile does, its Markdown rendered and its links the page's.
func TestIncludeRelative(t *testing.T) {
	content := fstest.MapFS{"guide/part.md": {Data: []byte("A **part**, see [next](next.md).\n")}}
	p := New(Options{Shortcodes: ShortcodeOptions{Content: content, Layouts: fstest.MapFS{}}})
	src := "# Guide\n\n{% include_relative part.md %}\n"
	d := &handbook.Document{Path: "guide/index.md", SourcePath: "content/guide/index.md", Source: []byte(src)}
	var l diag.List
	p.Parse(d, &l)
	if h := filled(d); !strings.Contains(h, `<p>A <strong>part</strong>, see <a href="/guide/next.md">next</a>.</p>`) || strings.Contains(h, "{%") || l.Len() > 0 {
		t.Errorf("got\n%s\n%v", h, l.All())
	}
	if !ReadsFiles([]byte(src)) || !HasShortcodes([]byte(src)) {
		t.Error("a page with include_relative is not known to read other files")
	}
}
