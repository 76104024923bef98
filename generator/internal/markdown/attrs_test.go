package markdown

import (
	"strings"
	"testing"

	"handbook/generator/internal/config"
)

// TestBlockClasses: a class list on the line after a paragraph, or alone
// after a block, is that block's class and not text, nor search text; a
// line that is not only classes stays text.
func TestBlockClasses(t *testing.T) {
	d, ds := parseMode(t, config.RawHTMLSafe, "# T\n\nA lead paragraph.\n{.lead .mb-4}\n\n- a\n- b\n\n{.checklist}\n\n> quote\n\n{ .q }\n\nText {.inline}\n\n{#anchor}\n\n{key=value}\n\n{.c}\n{.d}\n")
	if len(ds) != 0 {
		t.Errorf("diagnostics: %v", ds)
	}
	for _, want := range []string{
		`<p class="lead mb-4">A lead paragraph.</p>`,
		`<ul class="checklist">`,
		`<blockquote class="q">`,
		`<p>Text {.inline}</p>`,
		`<p>{#anchor}</p>`,
		`<p>{key=value}</p>`,
		"<p class=\"d\">{.c}</p>",
	} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("no %s in\n%s", want, d.HTML)
		}
	}
	if strings.Contains(d.Words, "mb-4") || strings.Contains(d.Words, "checklist") {
		t.Errorf("the classes are search text: %q", d.Words)
	}
}

// TestKramdownAttributeLists: kramdown's {: .class } before a block or
// after it gives the block its class; just-the-docs' callout classes make
// it the theme's alert, a -title one with its first paragraph the title;
// {:toc} after a list takes the list away, the theme showing the table
// of contents; a class list right after a link is the link's, a button
// of just-the-docs' the theme's.
func TestKramdownAttributeLists(t *testing.T) {
	d, ds := parseText(t, "# T\n\n## Contents\n{: .no_toc }\n\n1. TOC\n{:toc}\n\n{: .note }\nA note.\n\nA warning.\n{: .warning }\n\n{: .important-title }\n> Mind\n>\n> The gap.\n\nPlain.\n\n{: .lead }\n\nNext.\n\n[Start](start.md){: .btn .btn-primary .fs-5 } [Code](https://example.com/){: .btn }\n")
	if len(ds) != 0 {
		t.Errorf("diagnostics: %v", ds)
	}
	for _, want := range []string{
		`<h2 class="no_toc" id="contents">`,
		`<p class="note alert alert-note">A note.</p>`,
		`<p class="warning alert alert-warning">A warning.</p>`,
		"<blockquote class=\"important-title alert alert-important\"><p class=\"alert-title\">Mind</p>\n<p>The gap.</p>",
		`<p class="lead">Plain.</p>`,
		"<p>Next.</p>",
		`class="btn btn-primary fs-5 button brand">Start</a> <a href="`,
		`class="btn button">Code</a></p>`,
	} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("no %s in\n%s", want, d.HTML)
		}
	}
	if strings.Contains(d.HTML, "TOC") || strings.Contains(d.HTML, "{:") {
		t.Errorf("a table of contents' list or an attribute list shows:\n%s", d.HTML)
	}
}
