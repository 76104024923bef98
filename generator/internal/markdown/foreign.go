package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// refShortcode matches a Hugo ref or relref shortcode used as a link
// destination: [x]({{< ref "databases.md" >}}) or a reference definition.
var refShortcode = regexp.MustCompile(`(\]\(\s*|\]:[ \t]*)(\{\{[<%]\s*(?:rel)?ref\s+"([^"]+)"\s*[>%]\}\})`)

// refMarker ends a destination that came from a ref shortcode, between
// the rewriting of the source and the recording of the link, which strips
// it and records the link's form as handbook.LinkRef.
const refMarker = "?hbref"

var (
	otherShortcode = regexp.MustCompile(`\{\{[<%]\s*/?\s*([A-Za-z0-9_-]+)[^}]*[>%]\}\}`)
	liquidTag      = regexp.MustCompile(`\{%-?\s*([A-Za-z_]+)[^%]*-?%\}`)
	placeholder    = regexp.MustCompile(`\{\{\s*([A-Za-z_][\w.:-]*)[^{}<%]*\}\}`)
)

// foreignSyntax prepares the bytes goldmark parses: ref shortcodes in link
// destinations become plain destinations of the same length (so every
// offset still points into the file as written), and other generators'
// template tags get one warning per document.
func (p *Parser) foreignSyntax(doc *handbook.Document, diags *diag.List) []byte {
	src := doc.Source
	if !bytes.Contains(src, []byte("{{")) && !bytes.Contains(src, []byte("{%")) {
		return src
	}
	out := src
	if locs := refShortcode.FindAllSubmatchIndex(src, -1); locs != nil {
		out = bytes.Clone(src)
		for _, m := range locs {
			start, end := m[4], m[5]
			target := string(src[m[6]:m[7]])
			repl := target + refMarker
			if len(repl) > end-start {
				continue // cannot happen: the shortcode's own syntax is longer
			}
			repl += strings.Repeat("~", end-start-len(repl))
			copy(out[start:end], repl)
		}
	}
	if m := otherShortcode.FindSubmatchIndex(out); m != nil {
		n := len(otherShortcode.FindAllIndex(out, -1))
		diags.Warnf(doc.SourcePath, m[0], "handbook renders Hugo's ref and relref in links only; other shortcodes are shown as text",
			"%d Hugo %s not supported (first: %s)", n, plural(n, "shortcode", "shortcodes"), string(out[m[2]:m[3]]))
	}
	if m := liquidTag.FindSubmatchIndex(out); m != nil && !inCode(out, m[0]) {
		n := len(liquidTag.FindAllIndex(out, -1))
		diags.Warnf(doc.SourcePath, m[0], "Liquid tags belong to another generator (Jekyll, Eleventy); replace them with Markdown links or text",
			"%d Liquid %s shown as text (first: %s)", n, plural(n, "tag", "tags"), string(out[m[2]:m[3]]))
	}
	if m := placeholder.FindSubmatchIndex(out); m != nil && !inCode(out, m[0]) {
		n := len(placeholder.FindAllIndex(out, -1))
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
