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
