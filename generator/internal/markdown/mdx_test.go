package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzBlankMDX: blanking MDX's script keeps every byte's offset and every
// line break, and changes nothing but to spaces.
func FuzzBlankMDX(f *testing.F) {
	for _, s := range []string{
		"import A from 'a';\nexport const b = 1;\n\n# T\n",
		"---\nimport: yes\n---\nimport X from 'x'\n",
		"```\nimport x\n```\nexport default function () {}\n",
		"a {/* b\nc */} d {/* open",
		"~~~~\n{/* kept */}\n~~~\n~~~~\n{/* gone */}\n",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		out := blankMDX(src)
		if string(src) != s {
			t.Fatalf("the source was written to")
		}
		if len(out) != len(src) {
			t.Fatalf("length %d, want %d", len(out), len(src))
		}
		for i := range out {
			if out[i] != src[i] && (out[i] != ' ' || src[i] == '\n' || src[i] == '\r') {
				t.Fatalf("byte %d: %q became %q", i, src[i], out[i])
			}
		}
	})
}

// TestBlankMDX: what is blanked and what is kept.
func TestBlankMDX(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"import A from 'a';\nimport {B} from 'b';\n\nText.\n", "                  \n                    \n\nText.\n"},
		{"export const x = () =>\n  <b/>;\n\nText.\n", "                      \n       \n\nText.\n"},
		{"---\nimport: yes\n---\nText.\n", "---\nimport: yes\n---\nText.\n"},
		{"```\nimport x\n```\n", "```\nimport x\n```\n"},
		{"````\n```\nimport x\n````\nimport y\n", "````\n```\nimport x\n````\n        \n"},
		{"a {/* b\nc */} d\n", "a      \n      d\n"},
		{"important things\nexported goods\n", "important things\nexported goods\n"},
	} {
		if got := blankMDX([]byte(c.in)); !bytes.Equal(got, []byte(c.want)) {
			t.Errorf("blankMDX(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A Markdown page that starts with a module's import is read as MDX, as
// Docusaurus reads every page: its imports do not show and its Tabs are a
// tab pane. A page whose first words are "import" in prose is Markdown.
func TestMarkdownPagesThatImportAreMDX(t *testing.T) {
	d, ds := parseText(t, "---\ntitle: T\n---\n\nimport Tabs from '@theme/Tabs';\nimport TabItem from \"@theme/TabItem\";\n\n<Tabs>\n  <TabItem value=\"a\" label=\"Apple\">An apple.</TabItem>\n</Tabs>\n\n{/* a comment */}\n")
	if len(ds) > 0 || strings.Contains(d.HTML, "import") || strings.Contains(d.HTML, "comment") || !strings.Contains(d.HTML, "<p class=\"tab-label\"><strong>Apple</strong></p>") {
		t.Errorf("read as Markdown (%v):\n%s", ds, d.HTML)
	}
	d, _ = parseText(t, "import the data from the old system before you start.\n\n<Tabs>x</Tabs>\n")
	if !strings.Contains(d.HTML, "import the data") {
		t.Errorf("prose read as MDX:\n%s", d.HTML)
	}
}
