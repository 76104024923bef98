package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/sitepath"
)

// unsafeLink reports a link, image or autolink whose destination may not
// become an href, and returns true: its text stays, without the link.
func unsafeLink(doc *handbook.Document, diags *diag.List, n ast.Node, dest string, image bool) bool {
	scheme, ok := sitepath.SafeURL(dest, image)
	if ok {
		return false
	}
	shown, _, _ := strings.Cut(dest, refMarker) // as the ref shortcode wrote it
	if len(shown) > 60 {
		shown = strings.ToValidUTF8(shown[:60], "") + "…"
	}
	switch {
	case !image:
		diags.Warnf(doc.SourcePath, n.Pos(), "link to a page or file of the handbook, or to an http:, https:, mailto: or tel: address; the link's text is shown without a link",
			"link to %q dropped: %s: URLs are not allowed in links", shown, scheme)
	case scheme == "data":
		diags.Warnf(doc.SourcePath, n.Pos(), "save the image as a file beside the page and link to it; the image's text is shown instead",
			"image %q dropped: data: URLs are allowed for PNG, GIF, JPEG and WebP images only", shown)
	default:
		diags.Warnf(doc.SourcePath, n.Pos(), "use an image file beside the page, or an http: or https: URL; the image's text is shown instead",
			"image %q dropped: %s: URLs are not allowed in images", shown, scheme)
	}
	return true
}

// unlink replaces a link or image node by its children, or a wikilink or
// autolink by its text, once the walk is over.
func unlink(n ast.Node, src []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	var text []byte
	switch n := n.(type) {
	case *WikiLink:
		text = n.Label
		if text == nil {
			text = n.Target
		}
	case *ast.AutoLink:
		text = n.Label(src)
	}
	if text != nil {
		parent.ReplaceChild(parent, n, ast.NewString(bytes.Clone(text)))
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}
