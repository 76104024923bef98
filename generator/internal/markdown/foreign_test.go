package markdown

import (
	"strings"
	"testing"

	"handbook/generator/internal/config"
)

// TestLiquidLinks: a Liquid tag of one path as a link's destination is a
// link to that path from the site's root, checked as any other; a URL
// stays a URL; other tags are text, with one warning, and every offset
// still points into the file as written.
func TestLiquidLinks(t *testing.T) {
	src := "# T\n\n[a]({% link guides/a.md %}) [b]({%- page \"/tools/slack/\" -%}) [c]( {% page 'https://x.org/' %} ) [d]({% post_url 2010-07-21-name %}) `[e]({% link x/y.md %})`\n"
	d, ds := parseMode(t, config.RawHTMLSafe, src)
	var dests []string
	for _, l := range d.BodyLinks {
		dests = append(dests, l.Dest)
		if src[l.Offset] != '[' {
			t.Errorf("link %q at %d: %q", l.Dest, l.Offset, src[l.Offset:])
		}
	}
	if got := strings.Join(dests, " "); got != "/guides/a.md /tools/slack/ https://x.org/" {
		t.Errorf("links %q", got)
	}
	if !strings.Contains(d.HTML, "<code>[e]({% link x/y.md %})</code>") {
		t.Errorf("a tag in code is changed:\n%s", d.HTML)
	}
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "Liquid tags shown as text (first: post_url)") {
		t.Errorf("diagnostics: %v", ds)
	}
}

// TestLiquidComments: a Liquid comment block is not shown, on one line or
// many, and later lines keep their positions; one in code is code.
func TestLiquidComments(t *testing.T) {
	src := "# T\n\n- Start {% comment %}TODO link{% endcomment %}\n- Go {%- comment -%}\nmany\nlines\n{%- endcomment -%}\n\n[x](#missing)\n\n```\n{% comment %}kept{% endcomment %}\n```\n"
	d, ds := parseMode(t, config.RawHTMLSafe, src)
	if strings.Contains(d.HTML, "TODO") || strings.Contains(d.HTML, "many") || strings.Contains(d.Words, "TODO") {
		t.Errorf("a comment is shown:\n%s", d.HTML)
	}
	if !strings.Contains(d.HTML, "{% comment %}kept{% endcomment %}") {
		t.Errorf("a comment in code is dropped:\n%s", d.HTML)
	}
	if len(d.BodyLinks) != 1 || d.BodyLinks[0].Offset != strings.Index(src, "[x]") {
		t.Errorf("links %+v, want one at %d", d.BodyLinks, strings.Index(src, "[x]"))
	}
	if len(ds) != 0 {
		t.Errorf("diagnostics: %v", ds)
	}
}
