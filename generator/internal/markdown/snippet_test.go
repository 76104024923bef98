package markdown

import (
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// TestSnippets: MkDocs' snippet lines include the files they name, from
// the handbook's root or the content folder: Markdown rendered in place,
// in a fenced block as code; cut to lines or to a marked section, whose
// marks never show. A file that is not there, or a name that leaves the
// handbook, is a warning where the name is written.
func TestSnippets(t *testing.T) {
	root := fstest.MapFS{
		"README.md":             {Data: []byte("# Project\n\nThe **root** README.\n")},
		"docs/includes/note.md": {Data: []byte("A shared *note*.\n")},
		"src/example.py":        {Data: []byte("import os\n# --8<-- [start:main]\ndef main():\n    print(os.name)\n# --8<-- [end:main]\nmain()\n")},
		"docs/guide.md":         {Data: []byte("x")},
	}
	content := fstest.MapFS{"includes/note.md": root["docs/includes/note.md"]}
	p := New(Options{Shortcodes: ShortcodeOptions{Root: root, Content: content, ContentDir: "docs"}})
	src := "# Guide\n\n--8<-- \"README.md\"\n\nThen:\n--8<-- 'docs/includes/note.md'\n\n--8<--\nincludes/note.md\nmissing.md\n--8<--\n\n```python\n--8<-- \"src/example.py:main\"\n```\n\n```python\n--8<-- \"src/example.py:1:1\"\n```\n\n--8<-- \"../../etc/passwd\"\n"
	d := &handbook.Document{Path: "guide.md", SourcePath: "docs/guide.md", Source: []byte(src)}
	var l diag.List
	p.Parse(d, &l)
	for _, want := range []string{
		"<h1>Project</h1>\n<p>The <strong>root</strong> README.</p>",
		"<p>Then:</p>\n<p>A shared <em>note</em>.</p>",
		"<span class=\"k\">def</span> <span class=\"nf\">main</span>",
		"<span class=\"kn\">import</span> <span class=\"nn\">os</span>\n</code>",
	} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("missing %q in\n%s", want, d.HTML)
		}
	}
	if strings.Contains(d.HTML, "--8&lt;--") || strings.Contains(d.HTML, "--8<--") || strings.Contains(d.HTML, "start:main") || strings.Count(d.HTML, "A shared") != 2 {
		t.Errorf("snippet lines or marks show, or a file is not included twice:\n%s", d.HTML)
	}
	var got []string
	for _, dg := range l.All() {
		got = append(got, dg.Message)
	}
	want := []string{`snippet: no file "missing.md"`, `snippet "../../etc/passwd" leaves the handbook`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !ReadsFiles([]byte(src)) {
		t.Error("a page with snippets is not known to read other files")
	}
}
