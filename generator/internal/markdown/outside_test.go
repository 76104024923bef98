package markdown

import (
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// TestOutsideImagesAreLinks: an image on another host is not loaded: it
// is a link to the image, named by its text or its file's name, whether
// written in Markdown, in HTML or in a figure; inside a link (a badge) it
// is its text alone, so that no link holds another. The link is recorded
// as an image, which the graph stage warns about.
func TestOutsideImagesAreLinks(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"![Architecture](https://cdn.example.com/a/arch.png)\n",
			`<p><a class="outside-image" href="https://cdn.example.com/a/arch.png"><span class="outside-label">Image</span> Architecture</a></p>`},
		{"![](//cdn.example.com/icons/about%20us.svg) About\n",
			`<p><a class="outside-image" href="//cdn.example.com/icons/about%20us.svg"><span class="outside-label">Image</span> about us.svg</a> About</p>`},
		{"[![CI](https://ci.example.com/badge.svg)](https://ci.example.com/)\n",
			`<p><a href="https://ci.example.com/">CI</a></p>`},
		{"<img src=\"https://cdn.example.com/logo.png\" alt=\"Logo &amp; mark\" width=\"20\">\n",
			`<a class="outside-image" href="https://cdn.example.com/logo.png"><span class="outside-label">Image</span> Logo &amp; mark</a>`},
		{"<a href=\"https://example.com/\"><img src=\"https://cdn.example.com/logo.png\"> Example</a>\n",
			`<a href="https://example.com/"> Example</a>`},
		{"[<img src=\"https://cdn.example.com/logo.png\" alt=\"Logo\">](https://example.com/)\n",
			`<p><a href="https://example.com/">Logo</a></p>`},
		{"{{< figure src=\"https://cdn.example.com/f.png\" alt=\"F\" caption=\"Cap\" >}}\n",
			`<a class="outside-image" href="https://cdn.example.com/f.png"><span class="outside-label">Image</span> F</a>`},
		{"![Local](img/arch.png)\n", `<img src="img/arch.png" alt="Local" loading="lazy">`},
	} {
		d, _ := parseText(t, c.src)
		h := filled(d)
		if !strings.Contains(h, c.want) {
			t.Errorf("%q:\n%s\nwant %s", c.src, h, c.want)
		}
		if strings.Contains(h, "<img") != strings.Contains(c.want, "<img") {
			t.Errorf("%q: an image from another host is loaded:\n%s", c.src, h)
		}
		images := 0
		for _, l := range d.BodyLinks {
			if l.Form == handbook.LinkImage {
				images++
			}
		}
		if images != 1 {
			t.Errorf("%q: the image is not recorded: %+v", c.src, d.BodyLinks)
		}
	}
}

// An image on another host in Markdown a shortcode renders (a file
// readfile includes, a caption) is not loaded either.
func TestOutsideImagesInIncludedMarkdown(t *testing.T) {
	content := fstest.MapFS{"inc.md": {Data: []byte("Included ![Logo](https://cdn.example.com/logo.png).\n")}}
	p := New(Options{Shortcodes: ShortcodeOptions{Content: content}})
	d := &handbook.Document{Path: "x.md", SourcePath: "content/x.md", Source: []byte("# X\n\n{{< readfile file=\"inc.md\" >}}\n")}
	var l diag.List
	p.Parse(d, &l)
	if want := `<a class="outside-image" href="https://cdn.example.com/logo.png"><span class="outside-label">Image</span> Logo</a>`; !strings.Contains(filled(d), want) || strings.Contains(d.HTML, "<img") {
		t.Errorf("got\n%s\nwant %s", filled(d), want)
	}
}
