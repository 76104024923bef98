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
