package markdown

import (
	"fmt"
	"strings"
	"testing"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

func parseText(t *testing.T, src string) (*handbook.Document, []diag.Diagnostic) {
	t.Helper()
	p := New(Options{KindOf: func(string) handbook.Kind { return handbook.KindPage }})
	d := &handbook.Document{Path: "x.md", SourcePath: "content/x.md", Source: []byte(src)}
	var l diag.List
	p.Parse(d, &l)
	return d, l.All()
}

// A link whose URL could run script, or leave for a scheme other than
// http, https, mailto and tel, keeps its text and loses its link, with a
// warning where it is written.
func TestUnsafeLinksLoseTheirHref(t *testing.T) {
	for _, c := range []struct {
		src, html, at string
	}{
		{"Say [hello](javascript:alert(1)) now\n", "<p>Say hello now</p>", "1:5"},
		{"[x](JAVASCRIPT:alert(1))\n", "<p>x</p>", "1:1"},
		{"[x](&#106;avascript:alert(1))\n", "<p>x</p>", "1:1"},
		{"[x](<jav\tascript:alert(1)>)\n", "<p>x</p>", "1:1"},
		{"a\n[**bold** text][r]\n\n[r]: javascript:alert(1)\n", "<p>a\n<strong>bold</strong> text</p>", "2:1"},
		{"Mail <vbscript:msgbox> me\n", "<p>Mail vbscript:msgbox me</p>", "1:6"},
		{"![a chart](data:image/svg+xml,<svg/onload=alert(1)>)\n", "<p>a chart</p>", "1:1"},
		{"![a chart](javascript:alert(1))\n", "<p>a chart</p>", "1:1"},
		{"[x](data:text/html,hi)\n", "<p>x</p>", "1:1"},
	} {
		d, ds := parseText(t, c.src)
		if !strings.Contains(d.HTML, c.html) || strings.Contains(d.HTML, "<a") || strings.Contains(d.HTML, "<img") {
			t.Errorf("%q renders %q, want %q", c.src, d.HTML, c.html)
		}
		if len(d.BodyLinks) != 0 {
			t.Errorf("%q records links %v", c.src, d.BodyLinks[0].Dest)
		}
		if len(ds) != 1 || ds[0].Severity != diag.Warning || ds[0].Hint == "" || !strings.Contains(ds[0].Message, "dropped") {
			t.Errorf("%q: want one warning with a hint, got %v", c.src, ds)
			continue
		}
		if at := fmt.Sprintf("%d:%d", ds[0].Line, ds[0].Col); at != c.at {
			t.Errorf("%q: warning at %s, want %s", c.src, at, c.at)
		}
	}
}

// Links a browser follows safely are kept, and images of raster data.
func TestSafeLinksAreKept(t *testing.T) {
	src := "[a](https://example.com) [b](mailto:a@example.com) [c](tel:+1555) [d](page.md) <https://x.example/> <a@example.com> www.example.com ![e](data:image/png;base64,iVBORw0KGgo=)\n"
	d, ds := parseText(t, src)
	if len(ds) != 0 {
		t.Errorf("unexpected diagnostics: %v", ds)
	}
	if len(d.BodyLinks) != 5 {
		t.Errorf("%d links recorded, want 5", len(d.BodyLinks))
	}
	for _, want := range []string{`<a href="https://x.example/">`, `<a href="mailto:a@example.com">`, `<a href="http://www.example.com">`} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("body lacks %s: %q", want, d.HTML)
		}
	}
}

// A NUL byte from the file reaches the body as U+FFFD, wherever it is;
// the only NUL bytes of a body are its link slots.
func TestNULBecomesReplacementCharacter(t *testing.T) {
	src := "# T\n\na\x00b [x\x00](y.md \"t\x00\") ![a\x00](b.png)\n\n```go\x00 x\ncode\x00\n```\n\n~~~\x00 0\n~~~\n\n## h\x00 {#a\x00b}\n\n- [ ] do\x00 it\n"
	d, _ := parseText(t, src)
	if err := checkSlots(d); err != nil {
		t.Fatalf("%v in %q", err, d.HTML)
	}
	for _, want := range []string{"a\uFFFDb", "class=\"language-go\uFFFD\"", "code\uFFFD", "id=\"a\uFFFDb\"", "title=\"t\uFFFD\"", "x\uFFFD</a>", "aria-label=\"do\uFFFD it\""} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("body lacks %q: %q", want, d.HTML)
		}
	}
	if h := d.Headings[len(d.Headings)-1]; h.ID != "a\uFFFDb" || h.Text != "h\uFFFD" {
		t.Errorf("heading %+v, want id and text with U+FFFD", h)
	}
}

// Inside a shortcode and in raw HTML too, a NUL byte from the file
// reaches the body as U+FFFD, and the links there keep their slots.
func TestNULInShortcodesAndRawHTML(t *testing.T) {
	src := "# T\n\n{{< details \"s\" >}}in\x00side [l\x00](z.md){{< /details >}}\n\n<span title=\"q\x00\">r\x00 <a href=\"w.md\">w\x00</a></span>\n\n{{% note %}}n\x00 [m](u.md){{% /note %}}\n"
	d, _ := parseText(t, src)
	if err := checkSlots(d); err != nil {
		t.Fatalf("%v in %q", err, d.HTML)
	}
	for _, want := range []string{"in\uFFFDside", ">l\uFFFD</a>", "title=\"q\uFFFD\"", "r\uFFFD ", ">w\uFFFD</a>", "n\uFFFD "} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("body lacks %q: %q", want, d.HTML)
		}
	}
	if len(d.BodyLinks) != 3 {
		t.Errorf("%d links, want 3: %+v", len(d.BodyLinks), d.BodyLinks)
	}
}

// The front matter of a file saved with a byte order mark, with CRLF or
// with old Mac line endings is front matter, and its body the same body.
// Offsets stay offsets into the file as written: a byte order mark counts
// its three bytes.
func TestByteOrderMarkAndLineEndings(t *testing.T) {
	const lf = "---\ntitle: Caching\nstats: draft\ntags: [a]\n---\n# Heading\n\nBody [link](other.md) and `code`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```go\nx := 1\n```\n\n- [ ] step one\n- [x] step two\n"
	const toml = "+++\ntitle = \"Caching\"\nstats = \"draft\"\n+++\n# Heading\n\nBody [link](other.md) and `code`.\n"
	want, _ := parseText(t, lf)
	if want.Title != "Caching" || strings.Contains(want.HTML, "title") {
		t.Fatalf("the LF file itself parses as %q %q", want.Title, want.HTML)
	}
	for _, c := range []struct{ name, src string }{
		{"byte order mark", "\uFEFF" + lf},
		{"CRLF", strings.ReplaceAll(lf, "\n", "\r\n")},
		{"CR", strings.ReplaceAll(lf, "\n", "\r")},
		{"byte order mark and CRLF", "\uFEFF" + strings.ReplaceAll(lf, "\n", "\r\n")},
		{"byte order mark and CR", "\uFEFF" + strings.ReplaceAll(lf, "\n", "\r")},
		{"TOML after a byte order mark", "\uFEFF" + toml},
		{"TOML with CRLF", strings.ReplaceAll(toml, "\n", "\r\n")},
		{"TOML with CR", strings.ReplaceAll(toml, "\n", "\r")},
	} {
		d, ds := parseText(t, c.src)
		if !d.HasFrontMatter || d.Title != "Caching" || len(d.Headings) != 1 || d.Headings[0].ID != "heading" {
			t.Errorf("%s: front matter %v, title %q, headings %v", c.name, d.HasFrontMatter, d.Title, d.Headings)
		}
		if strings.Contains(d.HTML, "title") || strings.Contains(d.HTML, "<hr") || !strings.Contains(d.HTML, "<h1 id=\"heading\">Heading</h1>") {
			t.Errorf("%s: front matter rendered in the body: %q", c.name, d.HTML)
		}
		// Code keeps a CRLF file's line endings, which browsers read as LF.
		if !strings.Contains(c.name, "TOML") && strings.ReplaceAll(d.HTML, "\r", "") != want.HTML {
			t.Errorf("%s: body\n%q\nwant\n%q", c.name, d.HTML, want.HTML)
		}
		if len(d.BodyLinks) != 1 || d.BodyLinks[0].Dest != "other.md" || !strings.HasPrefix(c.src[d.BodyLinks[0].Offset:], "[link]") {
			t.Errorf("%s: links %v", c.name, d.BodyLinks)
		}
		if len(ds) != 1 || !strings.Contains(ds[0].Message, `"stats"`) {
			t.Fatalf("%s: want the one warning about stats, got %v", c.name, ds)
		}
		if !strings.HasPrefix(c.src[ds[0].Offset:], "stats") {
			t.Errorf("%s: the warning points at %q", c.name, c.src[ds[0].Offset:])
		}
	}
}

// A leading byte order mark before anything else is not text either.
func TestByteOrderMarkBeforeBody(t *testing.T) {
	for _, c := range []struct{ src, html string }{
		{"\uFEFF# Title\n\nText\n", "<p>Text</p>\n"},
		{"\uFEFF    code\n", "<pre><code>code\n</code></pre>\n"},
		{"\uFEFF- a\n\n  b\n", "<ul>\n<li>\n<p>a</p>\n<p>b</p>\n</li>\n</ul>\n"},
	} {
		d, _ := parseText(t, c.src)
		if d.HTML != c.html || strings.Contains(d.Title, "\uFEFF") {
			t.Errorf("%q renders %q (title %q), want %q", c.src, d.HTML, d.Title, c.html)
		}
	}
	if _, ds := parseText(t, "\uFEFF\n"); len(ds) != 1 || ds[0].Message != "empty file" {
		t.Errorf("a byte order mark alone: %v, want empty file", ds)
	}
}

// Front matter opens only on a first line of three dashes or more (or
// +++) of the document itself, not in a list item or a quote that starts
// the file, nor on one or two dashes.
func TestFrontMatterOnlyAtTheTop(t *testing.T) {
	for _, c := range []struct{ src, html string }{
		{"- -\n", "<ul>\n<li>\n<ul>\n<li></li>\n</ul>\n</li>\n</ul>\n"},
		{"> ---\n> a\n", "<blockquote>\n<hr>\n<p>a</p>\n</blockquote>\n"},
		{"> +++\n> a\n", "<blockquote>\n<p>+++\na</p>\n</blockquote>\n"},
		{"-\n  item\n\ntext\n", "<ul>\n<li>item</li>\n</ul>\n<p>text</p>\n"},
		{"--\ntitle: x\n--\nbody\n", "<h2 id=\"---title-x\">--\ntitle: x<a class=\"anchor\" href=\"#---title-x\" aria-label=\"Link to this section\">#</a></h2>\n<p>body</p>\n"},
	} {
		d, _ := parseText(t, c.src)
		if d.HTML != c.html || d.HasFrontMatter {
			t.Errorf("%q renders %q (front matter %v), want %q", c.src, d.HTML, d.HasFrontMatter, c.html)
		}
	}
}

// GitHub's emoji shortcodes show as the characters they name, as on
// GitHub, GitLab and MkDocs with pymdownx.emoji; in code, in a time of
// day, or unknown, the colons stay as written.
func TestEmojiShortcodes(t *testing.T) {
	d, _ := parseText(t, "Ship :rocket: at 10:30:00; :not_an_emoji: stays, `:smile:` too, :+1: and :white_check_mark:.\n")
	want := "<p>Ship 🚀 at 10:30:00; :not_an_emoji: stays, <code>:smile:</code> too, 👍 and ✅.</p>\n"
	if d.HTML != want {
		t.Errorf("got  %q\nwant %q", d.HTML, want)
	}
}

// ==text== is marked, as Obsidian and MkDocs' pymdownx.mark write it; an
// equals sign in prose, one alone or three and more stay text.
func TestMarkedText(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"a ==marked **bold**== b\n", "<p>a <mark>marked <strong>bold</strong></mark> b</p>\n"},
		{"if x == y then ===not=== and `==code==`\n", "<p>if x == y then ===not=== and <code>==code==</code></p>\n"},
		{"==over\nlines==\n", "<p><mark>over\nlines</mark></p>\n"},
		{"a ==b c\n", "<p>a ==b c</p>\n"},
	} {
		if d, _ := parseText(t, c.src); d.HTML != c.want {
			t.Errorf("%q:\ngot  %q\nwant %q", c.src, d.HTML, c.want)
		}
	}
}

// A page whose front matter names its title and whose text starts with
// the same title as a heading, as MkDocs', Jekyll's and Docusaurus' pages
// are written, shows it once: the front matter's, with the heading's id.
// A different heading, or one after other text, stays.
func TestTitleWrittenTwice(t *testing.T) {
	for _, c := range []struct{ src, title, id, html string }{
		{"---\ntitle: Set up\n---\n\n# set  up\n\nText.\n", "Set up", "set--up", "<p>Text.</p>\n"},
		{"+++\ntitle = \"T\"\n+++\n# T\nx\n", "T", "t", "<p>x</p>\n"},
		{"---\ntitle: Home\n---\n# Welcome\n", "Home", "", "<h1 id=\"welcome\">Welcome</h1>\n"},
		{"---\ntitle: A\n---\nIntro.\n\n# A\n", "A", "", "<p>Intro.</p>\n<h1 id=\"a\">A</h1>\n"},
	} {
		d, _ := parseText(t, c.src)
		if d.Title != c.title || d.TitleID != c.id || d.HTML != c.html {
			t.Errorf("%q: title %q, id %q, body %q; want %q, %q, %q", c.src, d.Title, d.TitleID, d.HTML, c.title, c.id, c.html)
		}
	}
}

// A file that is not UTF-8 is an error at its first bad byte, and one in
// UTF-16 (what Windows tools write), with its byte order mark or without,
// says so and how to save it, though NULs between ASCII letters are
// valid UTF-8.
func TestEncodingsOtherThanUTF8(t *testing.T) {
	utf16le := []byte{0xff, 0xfe}
	var utf16be []byte
	for _, r := range "# Notes from Windows\n\nHello.\n" {
		utf16le = append(utf16le, byte(r), 0)
		utf16be = append(utf16be, 0, byte(r))
	}
	for _, c := range []struct{ src, want string }{
		{string(utf16le), "content/x.md:1:1: error: file is UTF-16, not UTF-8\n\thint: save it as UTF-8"},
		{string(utf16be), "content/x.md:1:1: error: file is UTF-16, not UTF-8"},
		{"# R\xe9sum\xe9\n", "content/x.md:1:4: error: file is not valid UTF-8 (byte 0xe9 at offset 3)\n\thint: save the file as UTF-8 (for example: iconv -f latin1"},
	} {
		_, ds := parseText(t, c.src)
		var b strings.Builder
		diag.WriteText(&b, ds)
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("%q:\n%s\nwant:\n%s", c.src, b.String(), c.want)
		}
	}
	if _, ds := parseText(t, "# Plain\n\nA\x00B is odd, but not UTF-16.\n"); len(ds) != 0 {
		t.Errorf("a NUL in UTF-8 text: %v", ds)
	}
}
