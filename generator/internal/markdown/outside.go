package markdown

import (
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// outsideAttr marks an image node from another host (see outsideURL);
// its value is the name the image is shown by when it has no text.
var outsideAttr = []byte("hb-outside")

// outsideURL reports whether dest is on another host (http:, https:, or
// //host): an image there would be fetched by every reader's browser,
// and a handbook's pages make no request outside it.
func outsideURL(dest string) bool {
	d := strings.ToLower(strings.TrimSpace(dest))
	return strings.HasPrefix(d, "http:") || strings.HasPrefix(d, "https:") || strings.HasPrefix(d, "//")
}

// outsideName is what an image from another host is called when it has
// no text: its file's name, else its host.
func outsideName(dest string) string {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return dest
	}
	if name := path.Base(u.Path); name != "/" && name != "." && name != "" {
		if n, err := url.PathUnescape(name); err == nil {
			return n
		}
		return name
	}
	return u.Host
}

// writeOutsideImage writes what stands for an image from another host, so
// that the page fetches nothing from there: a link to it (href writes its
// address), labelled as an image (label, the theme's word), whose text is
// the image's text (alt, escaped), else its name; inside a link (a
// badge, an icon beside the link's words), the text alone, as a link
// holds no other, and nothing for an image without text.
func writeOutsideImage(w codeWriter, href func(), label, alt, name string, inLink bool) {
	if !inLink {
		w.WriteString(`<a class="outside-image" href="`)
		href()
		w.WriteString(`"><span class="outside-label">`)
		w.WriteString(esc(label))
		w.WriteString(`</span> `)
	}
	if alt != "" {
		w.WriteString(alt)
	} else if !inLink {
		w.WriteString(esc(name))
	}
	if !inLink {
		w.WriteString("</a>")
	}
}

// inLink reports whether n is inside a link.
func inLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.Link); ok {
			return true
		}
	}
	return false
}
