package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/parser"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// refMarker ends a destination that came from a ref shortcode, between
// the expansion of the shortcode and the recording of the link, which
// strips it and records the link's form as handbook.LinkRef.
const refMarker = "?hbref"

var (
	liquidTag   = regexp.MustCompile(`\{%-?\s*([A-Za-z_]+)[^%]*-?%\}`)
	placeholder = regexp.MustCompile(`\{\{\s*([A-Za-z_][\w.:-]*)[^{}<%]*\}\}`)
)

// foreignSyntax prepares the bytes goldmark parses: Hugo shortcodes become
// placeholders of the same length (so every offset still points into the
// file as written), known to the parse through ctx (shortcode.go); other
// generators' template tags get one warning per document.
func (p *Parser) foreignSyntax(doc *handbook.Document, ctx parser.Context, diags *diag.List) []byte {
	src := doc.Source
	if !bytes.Contains(src, []byte("{{")) && !bytes.Contains(src, []byte("{%")) {
		return src
	}
	out := src
	var tags []span
	if st := p.shortcodes(doc, diags); st != nil {
		st.attach(ctx)
		out = st.buf
		for _, t := range st.tags {
			tags = append(tags, span{t.start, t.end})
		}
	}
	// Tags inside a shortcode's (those left in code) are not Liquid's.
	first := func(re *regexp.Regexp) ([]int, int) {
		var m []int
		n := 0
		for _, loc := range re.FindAllSubmatchIndex(out, -1) {
			if inSpans(tags, loc[0]) {
				continue
			}
			if m == nil {
				m = loc
			}
			n++
		}
		return m, n
	}
	if m, n := first(liquidTag); m != nil && !inCode(out, m[0]) {
		diags.Warnf(doc.SourcePath, m[0], "Liquid tags belong to another generator (Jekyll, Eleventy); replace them with Markdown links or text",
			"%d Liquid %s shown as text (first: %s)", n, plural(n, "tag", "tags"), string(out[m[2]:m[3]]))
	}
	if m, n := first(placeholder); m != nil && !inCode(out, m[0]) {
		diags.Warnf(doc.SourcePath, m[0], "template placeholders are filled by the tool they were written for; replace them with their text",
			"%d template %s shown as text (first: %s)", n, plural(n, "placeholder", "placeholders"), string(out[m[0]:m[1]]))
	}
	return out
}

// inCode reports whether off lies in a fenced code block, roughly: after an
// odd number of fence lines.
func inCode(src []byte, off int) bool {
	return bytes.Count(src[:off], []byte("\n```"))%2 == 1
}
