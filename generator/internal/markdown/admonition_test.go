package markdown

import (
	"strings"
	"testing"

	"handbook/generator/internal/config"
)

// TestAdmonitions: MkDocs' admonitions are shown as the theme's alerts,
// their indented content parsed as Markdown (links found where they are
// written, text searchable), the collapsible ones as details; a line not
// indented after a blank line ends one, and a marker that is not one
// stays text.
func TestAdmonitions(t *testing.T) {
	src := "# T\n\n!!! warning \"Mind <the> gap\"\n    First [link](a.md).\n\n        code\n\n??? tip\n    Hidden.\n\n???+ danger \"\"\n    Open.\n\n!!! note \"\"\n    No title.\n\n!!! bogus inline end\n    Note.\n\nOutside.\n\n!!!not one\n"
	d, ds := parseMode(t, config.RawHTMLSafe, src)
	if len(ds) != 0 {
		t.Errorf("diagnostics: %v", ds)
	}
	for _, want := range []string{
		"<blockquote class=\"alert alert-warning\">\n<strong class=\"alert-title\">Mind &lt;the&gt; gap</strong>\n<p>First <a href=\"\x000\x00\">link</a>.</p>\n<pre><code>code\n</code></pre>\n</blockquote>",
		"<details class=\"alert alert-tip\">\n<summary class=\"alert-title\">Tip</summary>\n<p>Hidden.</p>\n</details>",
		"<details class=\"alert alert-caution\" open>\n<summary class=\"alert-title\">Danger</summary>",
		"<blockquote class=\"alert alert-note\">\n<p>No title.</p>",
		"<strong class=\"alert-title\">Bogus</strong>\n<p>Note.</p>\n</blockquote>\n<p>Outside.</p>",
		"<p>!!!not one</p>",
	} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("no %q in\n%s", want, d.HTML)
		}
	}
	if len(d.BodyLinks) != 1 || d.BodyLinks[0].Offset != strings.Index(src, "[link]") {
		t.Errorf("links %+v, want one at %d", d.BodyLinks, strings.Index(src, "[link]"))
	}
	if !strings.Contains(d.Words, "Hidden.") || !strings.Contains(d.Words, "First link") {
		t.Errorf("search text %q", d.Words)
	}
}

// TestOtherToolsAlerts: GitHub's alerts, Obsidian's callouts (any type,
// a title of their own, a fold mark) and Docusaurus' admonitions (a title
// in brackets or after a space, nested by more colons) are the theme's
// alerts; a blockquote or a line of colons that is none stays as it is.
func TestOtherToolsAlerts(t *testing.T) {
	src := "# T\n\n> [!WARNING]\n> GitHub.\n\n> [!faq]- Why *not*?\n> Because.\n\n> [!bug]\n> Crash.\n\n> [! nope]\n> Quote.\n\n:::tip[Pro tip]\nUse [it](a.md).\n:::\n\n::::info Outer\n:::danger\nInner.\n:::\nStill outer.\n::::\n\n::: \n\nAfter.\n"
	d, ds := parseMode(t, config.RawHTMLSafe, src)
	if len(ds) != 0 {
		t.Errorf("diagnostics: %v", ds)
	}
	for _, want := range []string{
		`<blockquote class="alert alert-warning"><p><strong class="alert-title">Warning</strong> GitHub.</p>`,
		`<blockquote class="alert alert-note"><p><strong class="alert-title">Why *not*?</strong> Because.</p>`,
		`<blockquote class="alert alert-caution"><p><strong class="alert-title">Bug</strong> Crash.</p>`,
		"<blockquote>\n<p>[! nope]",
		"<blockquote class=\"alert alert-tip\">\n<strong class=\"alert-title\">Pro tip</strong>\n<p>Use <a href=\"\x000\x00\">it</a>.</p>\n</blockquote>",
		"<blockquote class=\"alert alert-note\">\n<strong class=\"alert-title\">Outer</strong>\n<blockquote class=\"alert alert-caution\">\n<strong class=\"alert-title\">Danger</strong>\n<p>Inner.</p>\n</blockquote>\n<p>Still outer.</p>\n</blockquote>",
		"<p>:::</p>\n<p>After.</p>",
	} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("no %q in\n%s", want, d.HTML)
		}
	}
	if len(d.BodyLinks) != 1 || d.BodyLinks[0].Offset != strings.Index(src, "[it]") {
		t.Errorf("links %+v", d.BodyLinks)
	}
}

// TestContentTabs: MkDocs Material's content tabs that follow one another
// form one tab pane, each tab a labelled section whose indented content is
// Markdown (links found where written, text searchable); ===! starts
// another pane; a line that only looks like one (a setext underline, no
// quoted title, inside a paragraph or code) stays what it was.
func TestContentTabs(t *testing.T) {
	src := "# T\n\n=== \"Go <1.22>\"\n\n    ```go\n    x := 1\n    ```\n\n===+ \"Python\"\n    See [docs](a.md).\n\n===! \"Linux\"\n    apt\n\nAfter.\n\nSetext\n===\n\n=== not quoted\n\nText\n=== \"in a paragraph\"\n\n```\n=== \"code\"\n```\n"
	d, ds := parseMode(t, config.RawHTMLSafe, src)
	if len(ds) != 0 {
		t.Errorf("diagnostics: %v", ds)
	}
	for _, want := range []string{
		"<div class=\"tabpane\">\n<section class=\"tab\">\n<p class=\"tab-label\"><strong>Go &lt;1.22&gt;</strong></p>\n<div class=\"code\" data-lang=\"go\">",
		"</section>\n<section class=\"tab\">\n<p class=\"tab-label\"><strong>Python</strong></p>\n<p>See <a href=\"\x000\x00\">docs</a>.</p>\n</section>\n</div>\n<div class=\"tabpane\">\n<section class=\"tab\">\n<p class=\"tab-label\"><strong>Linux</strong></p>\n<p>apt</p>\n</section>\n</div>\n<p>After.</p>",
		"<h1", "<p>=== not quoted</p>", "<p>Text\n=== &quot;in a paragraph&quot;</p>", "=== &#34;code&#34;\n</code></pre>",
	} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("no %q in\n%s", want, d.HTML)
		}
	}
	if len(d.BodyLinks) != 1 || d.BodyLinks[0].Offset != strings.Index(src, "[docs]") {
		t.Errorf("links %+v, want one at %d", d.BodyLinks, strings.Index(src, "[docs]"))
	}
	if !strings.Contains(d.Words, "See docs") || !strings.Contains(d.Words, "apt") {
		t.Errorf("search text %q", d.Words)
	}
}

// TestVitePressContainers: VitePress' custom containers (::: tip Title …
// :::) are the theme's alerts, and its details container a collapsible
// one, named by its title or "Details".
func TestVitePressContainers(t *testing.T) {
	d, ds := parseMode(t, config.RawHTMLSafe, "# T\n\n::: tip Read this\nTip **body**.\n:::\n\n::: details Click me\nHidden.\n:::\n\n::: details\nAlso hidden.\n:::\n")
	if len(ds) != 0 {
		t.Errorf("diagnostics: %v", ds)
	}
	for _, want := range []string{
		"<blockquote class=\"alert alert-tip\">\n<strong class=\"alert-title\">Read this</strong>\n<p>Tip <strong>body</strong>.</p>\n</blockquote>",
		"<details class=\"alert alert-note\">\n<summary class=\"alert-title\">Click me</summary>\n<p>Hidden.</p>\n</details>",
		"<details class=\"alert alert-note\">\n<summary class=\"alert-title\">Details</summary>\n<p>Also hidden.</p>\n</details>",
	} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("no %q in\n%s", want, d.HTML)
		}
	}
}
