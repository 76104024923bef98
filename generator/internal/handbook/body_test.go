package handbook

import (
	"strings"
	"testing"
)

// TestPackKeepsTheBody checks that a packed body reads back as it was
// written, link slots and all, and takes less memory than its text.
func TestPackKeepsTheBody(t *testing.T) {
	for _, html := range []string{
		"",
		"<p>short</p>\n",
		strings.Repeat("<p>A <a href=\"\x000\x00\">link</a> and some text, <code>code</code>.</p>\n", 40),
	} {
		b := &Body{HTML: html, Words: html + " words"}
		b.Pack(nil)
		if got := b.HTMLText(); got != html {
			t.Errorf("packed body of %d bytes reads back as %d bytes", len(html), len(got))
		}
		if got := b.WordsText(); got != html+" words" || b.WordsLen() != len(got) {
			t.Errorf("packed search text of %d bytes reads back as %d bytes", len(html)+6, len(got))
		}
		if got := string(b.AppendHTML([]byte("before:"))); got != "before:"+html {
			t.Errorf("AppendHTML of a body of %d bytes gives %d bytes after the prefix", len(html), len(got)-7)
		}
		if b.HTMLLen() != len(html) {
			t.Errorf("HTMLLen = %d, want %d", b.HTMLLen(), len(html))
		}
		if len(html) >= 512 && (b.HTML != "" || len(b.packed) >= len(html)/2) {
			t.Errorf("a body of %d bytes keeps %d bytes of text and %d packed", len(html), len(b.HTML), len(b.packed))
		}
		b.Release()
		if b.HTMLText() != "" {
			t.Error("a released body still reads")
		}
	}
}

// TestBodySameAs: a body moved by a front matter edit is the same body;
// one whose text, counts or links changed is not, packed or not.
func TestBodySameAs(t *testing.T) {
	body := func() *Body {
		return &Body{HTML: "<p>See <a href=\"\x000\x00\">x</a>.</p>", Words: "See x.", WordCount: 2,
			BodyLinks: []BodyLink{{Dest: "x.md", Form: LinkMarkdown, Offset: 40}}}
	}
	moved := body()
	moved.BodyLinks[0].Offset = 73
	moved.Pack(nil)
	if !body().SameAs(moved) {
		t.Error("a body at another offset, packed, is not the same")
	}
	for name, change := range map[string]func(*Body){
		"text":       func(b *Body) { b.HTML = "<p>See.</p>" },
		"words":      func(b *Body) { b.Words = "See y." },
		"count":      func(b *Body) { b.WordCount = 3 },
		"link":       func(b *Body) { b.BodyLinks[0].Dest = "y.md" },
		"link form":  func(b *Body) { b.BodyLinks[0].Form = LinkWiki },
		"task lists": func(b *Body) { b.Tasks = 1 },
		"diagrams":   func(b *Body) { b.Diagrams = 1 },
	} {
		b := body()
		change(b)
		if b.SameAs(body()) {
			t.Errorf("a body with another %s is the same", name)
		}
	}
}
