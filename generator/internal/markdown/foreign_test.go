package markdown

import (
	"fmt"
	"strings"
	"testing"

	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
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

// TestLiquidRaw: in code (a block or a span), where they stand around
// template syntax shown as an example, the marks of a Liquid raw block
// are not shown, and what is between them is; the lines after keep their
// positions. Elsewhere the marks are text, as other Liquid tags.
func TestLiquidRaw(t *testing.T) {
	src := "# T\n\n```\n{% raw %}{% image \"a.png\"\n  \"alt\" %}{% endraw %}\n```\n\nUse `{% raw %}{%include%}{% endraw %}` here, and {%- raw -%}{{ x }}{%- endraw -%} there.\n\n[y](#gone)\n"
	d, _ := parseMode(t, config.RawHTMLSafe, src)
	for _, want := range []string{"<code>{% image &#34;a.png&#34;", "  &#34;alt&#34; %}", "Use <code>{%include%}", "and {%- raw -%}{{ x }}{%- endraw -%} there"} {
		if !strings.Contains(d.HTML, want) && !strings.Contains(d.HTML, strings.ReplaceAll(want, "&#34;", "&quot;")) {
			t.Errorf("no %q in\n%s", want, d.HTML)
		}
	}
	if strings.Count(d.HTML, "raw") != 2 {
		t.Errorf("a raw mark in code is shown:\n%s", d.HTML)
	}
	if len(d.BodyLinks) != 1 || d.BodyLinks[0].Offset != strings.Index(src, "[y]") {
		t.Errorf("links %+v, want one at %d", d.BodyLinks, strings.Index(src, "[y]"))
	}
}

// BenchmarkOtherToolsTags parses a line of a hundred thousand Liquid
// tags, blocks, raw marks in code spans and Hugo shortcodes: its time
// grows with the bytes, not with their square (a file of tags is no way
// to stop a build).
func BenchmarkOtherToolsTags(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		src := []byte("# T\n\n" + strings.Repeat("{% x %}a{% endx %} `{% raw %}y{% endraw %}` {{< z >}}b{{< /z >}} [l]({% page \"/a/\" %}) ", n) + "\n")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			p := New(Options{RawHTML: config.RawHTMLSafe})
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				d := &handbook.Document{Path: "t.md", SourcePath: "content/t.md", Source: src}
				p.Parse(d, &diag.List{})
			}
		})
	}
}
