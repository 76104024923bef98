package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// SafeURL reports whether a link or image destination written in Markdown
// may become an href or a src: a URL without a scheme (a path, a fragment,
// a protocol-relative URL), or one whose scheme is http, https, mailto or
// tel; for an image (image true) also a data: URL of a PNG, GIF, JPEG or
// WebP image, which runs nothing and asks no host for anything. An SVG can
// hold script, so data:image/svg+xml is refused like javascript:.
//
// The scheme is read as a browser reads the attribute the destination is
// written into: backslash escapes removed and character references decoded
// (as the href is written), ASCII tab, line feed and carriage return
// dropped wherever they are, leading C0 controls and spaces dropped, letter
// case ignored. The scheme of a refused destination is returned, in lower
// case.
func SafeURL(dest string, image bool) (scheme string, ok bool) {
	b := dest
	if strings.ContainsAny(dest, `\&`) {
		b = string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations([]byte(dest)))))
	}
	i := 0
	for i < len(b) && b[i] <= ' ' {
		i++
	}
	var buf [16]byte
	s := buf[:0]
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			s = append(s, c|0x20)
		case len(s) > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
			s = append(s, c)
		case len(s) > 0 && c == ':':
			switch string(s) {
			case "http", "https", "mailto", "tel":
				return "", true
			}
			return checkScheme(string(s), b[i+1:], image)
		default:
			return "", true // no scheme: relative to the page
		}
	}
	return "", true
}

// checkScheme allows a data: URL of a raster image; it refuses the rest.
func checkScheme(scheme string, rest string, image bool) (string, bool) {
	switch scheme {
	case "data":
		if !image {
			return scheme, false
		}
		var media []byte
		for i := 0; i < len(rest); i++ {
			c := rest[i]
			if c == ';' || c == ',' {
				switch string(bytes.ToLower(media)) {
				case "image/png", "image/gif", "image/jpeg", "image/webp":
					return "", true
				}
				break
			}
			if c != '\t' && c != '\n' && c != '\r' {
				media = append(media, c)
			}
		}
	}
	return scheme, false
}

// unsafeLink reports a link, image or autolink whose destination may not
// become an href, and returns true: its text stays, without the link.
func unsafeLink(doc *handbook.Document, diags *diag.List, n ast.Node, dest string, image bool) bool {
	scheme, ok := SafeURL(dest, image)
	if ok {
		return false
	}
	shown, _, _ := strings.Cut(dest, RefMarker) // as the ref shortcode wrote it
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
