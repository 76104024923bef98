package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"

	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/sitepath"
)

func parseMode(t testing.TB, mode config.RawHTML, src string) (*handbook.Document, []diag.Diagnostic) {
	t.Helper()
	p := New(Options{RawHTML: mode})
	d := &handbook.Document{Path: "x.md", SourcePath: "content/x.md", Source: []byte(src)}
	var l diag.List
	p.Parse(d, &l)
	return d, l.All()
}

// filled is a body with each link slot replaced by the link's target as
// recorded, to read in tests.
func filled(d *handbook.Document) string {
	h := d.HTML
	for i := len(d.BodyLinks) - 1; i >= 0; i-- {
		h = strings.ReplaceAll(h, string(Slot(i)), d.BodyLinks[i].Dest)
	}
	return h
}

// In safe mode, the raw HTML of text and layout is kept as written, inline
// and in blocks, around Markdown too, with no warning.
func TestSafeHTMLKeepsLayout(t *testing.T) {
	for _, c := range []struct{ src, html string }{
		{"Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy, H<sub>2</sub>O, E=mc<sup>2</sup>.\n",
			"<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy, H<sub>2</sub>O, E=mc<sup>2</sup>.</p>\n"},
		{"a <span class=\"tag\" title=\"t\">**bold** inside</span> b\n",
			"<p>a <span class=\"tag\" title=\"t\"><strong>bold</strong> inside</span> b</p>\n"},
		{"<details open>\n<summary>More</summary>\n\nMarkdown **here**.\n\nAnd a second paragraph.\n\n</details>\n",
			"<details open=\"\">\n<summary>More</summary>\n<p>Markdown <strong>here</strong>.</p>\n<p>And a second paragraph.</p>\n</details>\n"},
		{"<div class=\"pull\">\n\n**Reading list**\n\n- [One](one.md)\n- Two\n\n</div>\n",
			"<div class=\"pull\">\n<p><strong>Reading list</strong></p>\n<ul>\n<li><a href=\"one.md\">One</a></li>\n<li>Two</li>\n</ul>\n</div>\n"},
		{"<table>\n<tr><th colspan=\"2\" align=\"left\">H</th></tr>\n<tr><td rowspan=2>a</td><td>b &amp; c</td></tr>\n</table>\n",
			"<table>\n<tr><th colspan=\"2\" align=\"left\">H</th></tr>\n<tr><td rowspan=\"2\">a</td><td>b &amp; c</td></tr>\n</table>\n"},
		{"<figure>\n<img src=\"chart.png\" alt=\"A chart\" width=\"300\" height=\"200\">\n<figcaption>Chart</figcaption>\n</figure>\n",
			"<figure>\n<img src=\"chart.png\" alt=\"A chart\" width=\"300\" height=\"200\">\n<figcaption>Chart</figcaption>\n</figure>\n"},
		{"<dl><dt>Term</dt><dd>Meaning <abbr title=\"as soon as possible\">ASAP</abbr></dd></dl>\n",
			"<dl><dt>Term</dt><dd>Meaning <abbr title=\"as soon as possible\">ASAP</abbr></dd></dl>\n"},
		{"<p align=\"center\">\n<a href=\"https://example.com/\" target=\"_blank\" rel=\"noopener\">Example</a><br/>\n<small>fine print</small> <mark>marked</mark>\n</p>\n",
			"<p align=\"center\">\n<a href=\"https://example.com/\" target=\"_blank\" rel=\"noopener\">Example</a><br>\n<small>fine print</small> <mark>marked</mark>\n</p>\n"},
		{"<A HREF=\"page.md#part\" Title='x \"y\"'>up</A>\n",
			"<p><a href=\"page.md#part\" title=\"x &#34;y&#34;\">up</a></p>\n"},
		{"> <blockquote cite=\"https://example.com/q\">\n> quoted\n> </blockquote>\n",
			"<blockquote>\n<blockquote cite=\"https://example.com/q\">\nquoted\n</blockquote>\n</blockquote>\n"},
		{"<pre><code>a &lt; b\n\nc</code></pre>\n", "<pre><code>a &lt; b\n\nc</code></pre>\n"},
		{"Text with <!-- a note --> a comment.\n\n<!--\nA block comment.\n-->\n", "<p>Text with  a comment.</p>\n"},
		{"<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">\n", "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">\n"},
		{"Vec<T> and Gc<Self>\n", "<p>Vec&lt;T&gt; and Gc&lt;Self&gt;</p>\n"},
		{"<a name=\"legacy\"></a><span id=\"intro\">x</span>\n", "<p><a name=\"legacy\"></a><span id=\"intro\">x</span></p>\n"},
	} {
		d, ds := parseMode(t, config.RawHTMLSafe, c.src)
		if got := filled(d); got != c.html {
			t.Errorf("%q\n got %q\nwant %q", c.src, got, c.html)
		}
		if len(ds) != 0 {
			t.Errorf("%q: unexpected diagnostics %v", c.src, ds)
		}
	}
}

// What a browser would run, or a URL it would leave the handbook for by
// another scheme, is dropped; the rest of the HTML stays; the page gets
// one warning saying what went, at the first thing dropped.
func TestSafeHTMLDrops(t *testing.T) {
	for _, c := range []struct{ src, html, msg, at string }{
		{"<img src=x onerror=alert(1)>\n", "<img src=\"x\">\n", "1 onerror attribute", "1:1"},
		{"See <img src=x onerror=alert(1)> here.\n", "<p>See <img src=\"x\"> here.</p>\n", "1 onerror attribute", "1:5"},
		{"<a href=\"javascript:alert(1)\">x</a>\n", "<p><a>x</a></p>\n", "1 javascript: URL", "1:1"},
		{"a <a href=\" &#106;ava&#x09;script&colon;alert(1)\">x</a> <a href=\"JAVASCRIPT:x\">y</a>\n", "<p>a <a>x</a> <a>y</a></p>\n", "2 javascript: URLs", "1:3"},
		{"<a href=\"data:text/html,hi\">x</a> <a href=\"data:image/png;base64,AAAA\">y</a>\n", "<p><a>x</a> <a>y</a></p>\n", "2 data: URLs", "1:1"},
		{"<img src=\"data:image/svg+xml,<svg onload=alert(1)>\" alt=\"A chart\">\n", "A chart\n", "1 data: URL", "1:1"},
		{"<img src=\"vbscript:x\" alt=\"pic\"> text\n", "<p>pic text</p>\n", "1 vbscript: URL", "1:1"},
		{"<svg><script>alert(1)</script></svg>\n", "", "1 <svg>", "1:1"},
		{"An icon <svg viewBox=\"0 0 1 1\"><text>label</text><script>alert(1)</script></svg> here.\n", "<p>An icon  here.</p>\n", "1 <svg>", "1:9"},
		{"<svg>\n<text>label</text>\n\nstill inside\n\n</svg>\n\nafter\n", "<p>after</p>\n", "1 <svg>", "1:1"},
		{"a <script>alert(1)</script> b\n", "<p>a  b</p>\n", "1 <script>", "1:3"},
		{"<script>\nalert(1)\n</script>\n<SCRIPT src=\"x.js\"></SCRIPT>\n\ntext\n", "<p>text</p>\n", "2 <script>", "1:1"},
		{"<style>p { color: red }</style>\n\n<p style=\"color: red\">red</p>\n", "<p>red</p>\n", "1 <style>, 1 style attribute", "1:1"},
		{"<iframe src=\"https://example.com/\"></iframe>\n<object data=\"x.swf\"><embed src=\"x.swf\"></object>\n", "", "1 <iframe>, 1 <object>", "1:1"},
		{"<form action=\"/x\"><input name=\"q\"><button onclick=\"go()\">Go</button></form>\n", "Go\n", "1 <form>, 1 <input>, 1 <button>", "1:1"},
		{"<p onclick=\"x()\" onmouseover=\"y()\" OnClick=z>a <b ONCLICK=z>b</b></p>\n", "<p>a <b>b</b></p>\n", "2 onclick attributes, 1 onmouseover attribute", "1:1"},
		{"<div id=\"HANDBOOK_SEARCH\"></div><div id=\"handbookSearch\"></div><div id=\"handbook-notes\"></div>\n", "<div></div><div></div><div id=\"handbook-notes\"></div>\n", "2 id attributes", "1:1"},
		{"<details>\n<summary onclick=\"x()\">s</summary>\n\n*inner*\n\n</details>\n", "<details>\n<summary>s</summary>\n<p><em>inner</em></p>\n</details>\n", "1 onclick attribute", "2:1"},
		{"- item\n\n  <div onclick=\"x()\">\n  y\n  </div>\n", "<ul>\n<li>\n<p>item</p>\n<div>\ny\n</div>\n</li>\n</ul>\n", "1 onclick attribute", "3:3"},
		{"<textarea><b>not bold</b></textarea><template><p>later</p></template>x\n", "x\n", "1 <textarea>, 1 <template>", "1:1"},
		{"<my-widget>\nhi\n</my-widget>\n", "\nhi\n\n", "1 <my-widget>", "1:1"},
	} {
		d, ds := parseMode(t, config.RawHTMLSafe, c.src)
		if got := filled(d); got != c.html {
			t.Errorf("%q\n got %q\nwant %q", c.src, got, c.html)
		}
		if len(ds) != 1 {
			t.Errorf("%q: want one warning, got %v", c.src, ds)
			continue
		}
		want := "raw HTML: dropped " + c.msg
		if ds[0].Message != want || ds[0].Severity != diag.Warning || !strings.Contains(ds[0].Hint, "raw_html: all") {
			t.Errorf("%q: got %s (%s), want %q", c.src, ds[0].Message, ds[0].Hint, want)
		}
		if at := fmt.Sprintf("%d:%d", ds[0].Line, ds[0].Col); at != c.at {
			t.Errorf("%q: warning at %s, want %s", c.src, at, c.at)
		}
	}
}

// Everything dropped on a page is counted in one warning, at the first
// thing dropped.
func TestSafeHTMLOneWarningPerPage(t *testing.T) {
	src := "# Title\n\nIntro <kbd>k</kbd>.\n\n<p onclick=\"x()\">a</p>\n\n<script>1</script>\n\nText <script>2</script> and <a href=\"javascript:z\" onclick=\"y()\">z</a>.\n\n<iframe></iframe>\n"
	d, ds := parseMode(t, config.RawHTMLSafe, src)
	var b strings.Builder
	diag.WriteText(&b, ds)
	want := "content/x.md:5:1: warning: raw HTML: dropped 2 onclick attributes, 2 <script>, 1 javascript: URL, 1 <iframe>\n" +
		"\thint: raw HTML keeps text, layout, links and images; write the rest in Markdown, or set `raw_html: all` in site.yaml to trust every author's HTML\n"
	if b.String() != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", b.String(), want)
	}
	if strings.Contains(d.HTML, "script") || strings.Contains(d.HTML, "iframe") || strings.Contains(d.HTML, "onclick") {
		t.Errorf("body keeps what was dropped: %q", d.HTML)
	}
}

// Links and images in kept raw HTML are the body's links: recorded where
// they are written, and written as slots for the render stage to fill.
func TestSafeHTMLRecordsLinks(t *testing.T) {
	// A link its author marks aria-disabled="true" (a style guide's
	// example) is kept as written and not checked.
	src := "See <a href=\"../b.md#part\">b</a>.\n\n<div>\n<img src=\"chart.png\" alt=\"c\"> <a href=\"https://example.com/\">x</a> <a href=\"\">empty</a> <a href=\"#_\" aria-disabled=\"true\">this page</a>\n</div>\n"
	d, ds := parseMode(t, config.RawHTMLSafe, src)
	if len(ds) != 0 {
		t.Fatalf("unexpected diagnostics %v", ds)
	}
	type rec struct {
		dest string
		form handbook.LinkForm
		off  int
	}
	want := []rec{{"../b.md#part", handbook.LinkMarkdown, 4},
		{"chart.png", handbook.LinkImage, strings.Index(src, "<img")},
		{"https://example.com/", handbook.LinkMarkdown, strings.Index(src, "<a href=\"https")}}
	if len(d.BodyLinks) != len(want) {
		t.Fatalf("links %v, want %v", d.BodyLinks, want)
	}
	for i, l := range d.BodyLinks {
		if (rec{l.Dest, l.Form, l.Offset}) != want[i] {
			t.Errorf("link %d = %v, want %v", i, rec{l.Dest, l.Form, l.Offset}, want[i])
		}
	}
	if err := checkSlots(d); err != nil {
		t.Errorf("%v in %q", err, d.HTML)
	}
	if !strings.Contains(d.HTML, `<a href="">empty</a>`) || !strings.Contains(d.HTML, `<a href="#_" aria-disabled="true">this page</a>`) {
		t.Errorf("an empty href or a disabled link is not kept as written: %q", d.HTML)
	}
	// Kept ids and names are anchors links may point at; dropped ones are not.
	d, _ = parseMode(t, config.RawHTMLSafe, "<a name=\"old\"></a><div id=\"HANDBOOK_SEARCH\"><span id=\"x\" onclick=\"y\"></span></div>\n")
	var ids []string
	for _, h := range d.Headings {
		ids = append(ids, h.ID)
	}
	if got := strings.Join(ids, " "); got != "old x" {
		t.Errorf("anchors %q, want %q", got, "old x")
	}
}

// all keeps raw HTML as written and none omits it, counting it, as
// raw_html: true and false did.
func TestRawHTMLModes(t *testing.T) {
	src := "<iframe src=\"https://example.com\"></iframe>\n\nText with <b onclick=\"x()\">bold</b>. <!-- note -->\n"
	d, ds := parseMode(t, config.RawHTMLAll, src)
	if len(ds) != 0 || !strings.Contains(d.HTML, `<iframe src="https://example.com"></iframe>`) || !strings.Contains(d.HTML, `<b onclick="x()">bold</b>`) {
		t.Errorf("all: %q %v", d.HTML, ds)
	}
	d, ds = parseMode(t, config.RawHTMLNone, src)
	var b strings.Builder
	diag.WriteText(&b, ds)
	want := "content/x.md:1:1: warning: 3 raw HTML fragments omitted\n\thint: raw HTML is off (raw_html: none); set `raw_html: safe` in site.yaml to keep what is safe in it\n"
	if b.String() != want || strings.Contains(d.HTML, "<b") || strings.Contains(d.HTML, "<iframe") {
		t.Errorf("none: %q\n%s", d.HTML, b.String())
	}
	for _, mode := range []config.RawHTML{"", config.RawHTMLSafe} {
		d, ds = parseMode(t, mode, src)
		if len(ds) != 1 || ds[0].Message != "raw HTML: dropped 1 <iframe>, 1 onclick attribute" || !strings.Contains(d.HTML, "<b>bold</b>") {
			t.Errorf("%q: %q %v", mode, d.HTML, ds)
		}
	}
}

// oracle is bluemonday, a sanitiser written apart from this one, given the
// same allow-list: the HTML the filter writes holds nothing it would
// remove. URLs are checked apart (checkHTML), since bluemonday judges a
// URL by its scheme alone, not as an image's or a link's.
func oracle() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	for el, attrs := range htmlElements {
		p.AllowElements(el)
		p.AllowNoAttrs().OnElements(el)
		if len(attrs) > 0 {
			p.AllowAttrs(attrs...).OnElements(el)
		}
	}
	p.AllowAttrs(htmlGlobalAttrs...).Globally()
	p.RequireParseableURLs(false)
	return p
}

var onAttrRE = regexp.MustCompile(`^on`)

// checkHTML fails when HTML holds an element that runs or embeds
// something, an event handler or style attribute, or a URL attribute with
// a scheme other than those SafeURL allows, as read by a test of its own:
// the attribute's value as a browser decodes it, ASCII tab and line breaks
// removed, leading spaces and controls trimmed.
func checkHTML(h string) error {
	lower := strings.ToLower(h)
	for _, bad := range []string{"<script", "<iframe", "<style", "<object", "<embed", "<svg", "<math", "<form", "<frame", "<!--"} {
		if strings.Contains(lower, bad) {
			return fmt.Errorf("%s in the output", bad)
		}
	}
	z := html.NewTokenizer(strings.NewReader(h))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return nil
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			if onAttrRE.MatchString(a.Key) || a.Key == "style" {
				return fmt.Errorf("<%s %s=%q>", tok.Data, a.Key, a.Val)
			}
			if a.Key != "href" && a.Key != "src" && a.Key != "cite" {
				continue
			}
			v := strings.Map(func(r rune) rune {
				if r == '\t' || r == '\n' || r == '\r' {
					return -1
				}
				return r
			}, a.Val)
			v = strings.ToLower(strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
			if m := schemeRE.FindString(v); m != "" {
				switch {
				case m == "http:" || m == "https:" || m == "mailto:" || m == "tel:":
				case m == "data:" && tok.Data == "img" && a.Key == "src" && rasterRE.MatchString(v):
				default:
					return fmt.Errorf("<%s %s=%q>", tok.Data, a.Key, a.Val)
				}
			}
		}
	}
}

var (
	schemeRE = regexp.MustCompile(`^[a-z][a-z0-9+.\-]*:`)
	rasterRE = regexp.MustCompile(`^data:image/(png|gif|jpeg|webp)[;,]`)
)

var sanitiseSeeds = []string{
	"a <kbd>Ctrl</kbd> b",
	"<details>\n<summary>More</summary>\n\nMarkdown **here**.\n\n</details>\n",
	"<div class=\"pull\">\n\n- [a](x.md)\n\n</div>\n",
	"<img src=x onerror=alert(1)>",
	"<a href=\"javascript:alert(1)\">x</a> <a href=\"&#106;avascript:x\">y</a> <a href=\"java\tscript:x\">z</a>",
	"<svg><script>alert(1)</script></svg>",
	"<!-- c --> <!--> <!---> <!-- unclosed",
	"<img src=\"data:image/svg+xml,x\"> <img src=\"data:image/png,x\"> <a href=\"data:image/png,x\">",
	"<p style=x onclick=y id=HANDBOOK_SEARCH>",
	"<scr<script>ipt>alert(1)</script> <<script>> </script/>",
	"<a href=\"x\" href=\"javascript:y\">",
	"<math><mi xlink:href=\"javascript:x\">",
	"<textarea></textarea><script>x</script>",
	"<div\nclass=\"x\"\n\nonclick=\"y\">",
	"<table><tr><td><iframe srcdoc=\"<script>x</script>\">",
	"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
	"<a href=\"\x01javascript:x\">\x00</a>",
	"<image src=x onerror=y><isindex action=javascript:x>",
	"<KBD>", "</sup >", "<br/>", "</br>", "<hr\n/>", "</img>", "<b/>", "</b/>", "<h1>", "<script>", "</div\t>",
}

// FuzzSanitize: whatever one piece of raw HTML holds, the filter writes
// nothing that checkHTML refuses, and nothing that bluemonday, given the
// same allow-list, would remove.
//
//	go test -run XXX -fuzz FuzzSanitize -fuzztime 60s ./generator/internal/markdown
func FuzzSanitize(f *testing.F) {
	for _, s := range sanitiseSeeds {
		f.Add([]byte(s))
	}
	bm := oracle()
	f.Fuzz(func(t *testing.T, raw []byte) {
		h := newHTMLFilter()
		out := string(h.sanitize(raw, func(k int) int { return k }))
		if _, _, ok := plainTag(raw); ok {
			// The tokenizer's way, past the shortcut for plain tags.
			slow := newHTMLFilter()
			if want := string(slow.tokens(raw, func(k int) int { return k })); want != out || len(slow.drops) != len(h.drops) {
				t.Fatalf("%q: the shortcut writes %q, the tokenizer %q", raw, out, want)
			}
		}
		if err := checkHTML(out); err != nil {
			t.Fatalf("%v: %q → %q", err, raw, out)
		}
		if again := bm.Sanitize(out); again != out {
			t.Fatalf("bluemonday removes from %q → %q:\n%q", raw, out, again)
		}
		if h.first > len(raw) {
			t.Fatalf("first drop at %d, past %d bytes", h.first, len(raw))
		}
	})
}

// FuzzSafeHTMLPage: whatever a document holds, its body in safe mode (the
// default) passes checkHTML, every link it recorded is one SafeURL allows,
// and there is at most one raw HTML warning.
//
//	go test -run XXX -fuzz FuzzSafeHTMLPage -fuzztime 60s ./generator/internal/markdown
func FuzzSafeHTMLPage(f *testing.F) {
	for _, s := range sanitiseSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("- a <span>\n\n  <script>\n  x\n\n  y </span> z\n\n> <svg>\n>\n> q\n\n</svg>"))
	f.Add([]byte("[x](y) <a href=\"z\">![i](j)</a> <img src=\"k\">"))
	p := New(Options{})
	f.Fuzz(func(t *testing.T, src []byte) {
		d := &handbook.Document{Path: "x.md", SourcePath: "content/x.md", Source: src}
		var l diag.List
		p.Parse(d, &l)
		if err := checkHTML(d.HTML); err != nil {
			t.Fatalf("%v in %q from %q", err, d.HTML, src)
		}
		if err := checkSlots(d); err != nil {
			t.Fatalf("%v in %q", err, d.HTML)
		}
		for _, link := range d.BodyLinks {
			if _, ok := sitepath.SafeURL(link.Dest, link.Form == handbook.LinkImage); !ok && link.Form != handbook.LinkWiki {
				t.Fatalf("link %q recorded", link.Dest)
			}
		}
		n := 0
		for _, dg := range l.All() {
			if strings.HasPrefix(dg.Message, "raw HTML") {
				n++
			}
			if dg.Offset > len(src) {
				t.Fatalf("diagnostic past the end: %s", dg)
			}
		}
		if n > 1 {
			t.Fatalf("%d raw HTML warnings for %q", n, src)
		}
	})
}

// rawCorpus is raw HTML as handbooks write it, for measuring sanitisers.
var rawCorpus = bytes.Repeat([]byte(`<div class="pull">
<p align="center"><img src="team.png" alt="The team" width="320"></p>
<details open>
<summary>Reading list for <kbd>new</kbd> hires</summary>
<ul>
<li><a href="../strategies/databases.md#rationale" title="Why Postgres">Databases</a> &mdash; why <em>Postgres</em></li>
<li><a href="https://example.com/book" target="_blank" rel="noopener">A book</a><sup>1</sup></li>
</ul>
<table><tr><th colspan="2">When</th></tr><tr><td>Week 1</td><td onclick="x()">Setup</td></tr></table>
</details>
<script>track()</script>
</div>
`), 4)

// BenchmarkSanitize compares the filter with bluemonday, given the same
// allow-list, on the same raw HTML.
func BenchmarkSanitize(b *testing.B) {
	b.Run("filter", func(b *testing.B) {
		b.SetBytes(int64(len(rawCorpus)))
		b.ReportAllocs()
		h := newHTMLFilter()
		for b.Loop() {
			h.drops, h.first, h.anchors = h.drops[:0], -1, h.anchors[:0]
			h.sanitize(rawCorpus, func(k int) int { return k })
		}
	})
	b.Run("bluemonday", func(b *testing.B) {
		b.SetBytes(int64(len(rawCorpus)))
		b.ReportAllocs()
		p := oracle()
		for b.Loop() {
			p.SanitizeBytes(rawCorpus)
		}
	})
}

// BenchmarkParseRawHTML parses a page that is half raw HTML in each mode.
func BenchmarkParseRawHTML(b *testing.B) {
	src := []byte("---\ntitle: T\n---\n" + strings.Repeat("A paragraph with <kbd>Ctrl</kbd>, [a link](x.md) and *emphasis*.\n\n", 20) + string(rawCorpus))
	for _, mode := range []config.RawHTML{config.RawHTMLNone, config.RawHTMLAll, config.RawHTMLSafe} {
		b.Run(string(mode), func(b *testing.B) {
			p := New(Options{RawHTML: mode})
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				d := &handbook.Document{Path: "x.md", SourcePath: "content/x.md", Source: src}
				var l diag.List
				p.Parse(d, &l)
			}
		})
	}
}

// A block of raw HTML that is a <div> of links and nothing else (a home
// page's row of cards) gets the theme's link-row class, its own classes
// kept; a div with text, another element or one link is left as it is.
func TestLinkRow(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"<div class=\"blocks\">\n  <a href=\"a.md\" class=\"block\">\n    <img src=\"https://example.com/i.svg\">\n    About\n  </a>\n  <a href=\"b.md\"><strong>Strategy</strong></a>\n</div>\n", true},
		{"<div>\n<a href=\"a.md\">A</a> <a href=\"b.md\">B</a>\n</div>\n", true},
		{"<div>\nSee <a href=\"a.md\">A</a> or <a href=\"b.md\">B</a>.\n</div>\n", false},
		{"<div>\n<a href=\"a.md\">A</a><p>and</p><a href=\"b.md\">B</a>\n</div>\n", false},
		{"<div>\n<a href=\"a.md\">A</a>\n</div>\n", false},
		{"<div><a href=\"a.md\">A</a></div>\n<div><a href=\"b.md\">B</a></div>\n", false},
	} {
		d, _ := parseMode(t, config.RawHTMLSafe, c.src)
		if got := strings.Contains(d.HTML, `link-row`); got != c.want {
			t.Errorf("%q: link-row %v, want %v:\n%s", c.src, got, c.want, d.HTML)
		}
		if c.want && strings.Contains(c.src, `class="blocks"`) && !strings.Contains(d.HTML, `<div class="link-row blocks">`) {
			t.Errorf("the div's own class is lost: %s", d.HTML)
		}
	}
}
