// Package sitepath holds the rules for the paths and URLs of a site: the
// output paths a build may write (Check, MaxName), the form under which two
// paths name one file on case-insensitive file systems (Fold), and the link
// destinations that may become an href or a src (SafeURL).
//
// Every stage that makes or checks such a path asks here: load for the
// addresses of pages (URLPath), graph for slugs, aliases and links, render and build
// for what they write, publish before it writes.
package sitepath

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"
)

// ErrUnsafePath is returned for a path that would leave the output root.
var ErrUnsafePath = errors.New("path leaves the output directory")

// Check reports whether p is a clean relative slash path inside the output
// root: no "..", no leading "/", no backslash, no empty element, and no
// element longer than a file system takes.
func Check(p string) error {
	if !fs.ValidPath(p) || p == "." || strings.ContainsAny(p, "\\\x00") {
		return fmt.Errorf("%w: %q", ErrUnsafePath, p)
	}
	for rest, more := p, true; more; {
		var seg string
		seg, rest, more = strings.Cut(rest, "/")
		if len(seg) > MaxName {
			return fmt.Errorf("%w: a part of %q is %d bytes long; file systems take at most %d", ErrLongName, p, len(seg), MaxName)
		}
	}
	return nil
}

// MaxName is the longest file name, in bytes, that common file systems
// accept.
const MaxName = 255

// ErrLongName is returned for a path with a part longer than MaxName.
var ErrLongName = errors.New("name too long")

// Fold is the form of an output path under which two paths name the same
// file on a case-insensitive, normalising file system (macOS, Windows):
// Unicode NFC, lower case.
func Fold(p string) string {
	ascii := true
	for i := 0; i < len(p); i++ {
		if c := p[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return p
	}
	return strings.ToLower(norm.NFC.String(p))
}

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

// URLPath makes the site path a content path is published at (a file's
// path without its extension, or a folder's): a run of characters that a
// browser reads as something other than a part of a path ('%' starts an
// escape, '?' a query, '#' a fragment, ':' a scheme, '\' a slash) or
// drops (spaces, tabs, other control characters) becomes one '-'.
// "notes/100% done" is published at "notes/100-done", "a?b" at "a-b".
func URLPath(p string) string {
	if !strings.ContainsFunc(p, urlBreaking) {
		return p
	}
	var b strings.Builder
	dash := false
	for _, r := range p {
		if urlBreaking(r) {
			if !dash {
				b.WriteByte('-')
			}
			dash = true
			continue
		}
		b.WriteRune(r)
		dash = false
	}
	return b.String()
}

func urlBreaking(r rune) bool {
	return r <= ' ' || r == 0x7f || r == '%' || r == '?' || r == '#' || r == ':' || r == '\\'
}
