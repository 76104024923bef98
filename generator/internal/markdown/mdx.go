package markdown

import (
	"bytes"
	"path"
	"regexp"
	"strings"
)

// mdxComponentRE matches the tag of an MDX component, <Name …> or
// </Name>: raw HTML in an .mdx page, where in other Markdown it would be
// text (Vec<T>).
var mdxComponentRE = regexp.MustCompile(`^</?[A-Z][A-Za-z0-9_.]*(\s|/?>)`)

// MDX (Docusaurus' .mdx pages) is Markdown with JavaScript in it: import
// and export statements between blocks, and {/* comments */}. They mean
// nothing to a reader and are not shown; the components they bring in are
// tags, which raw HTML treats as any unknown element (its text is kept).

// isMDX reports whether the document at p is MDX.
func isMDX(p string) bool { return strings.EqualFold(path.Ext(p), ".mdx") }

// mdxImport matches an ES import of a module, as an MDX page starts with
// them: import Tabs from '@theme/Tabs';
var mdxImport = regexp.MustCompile(`^import\s+[\w$*{}, \t]+\s+from\s+['"][^'"\n]+['"];?[ \t]*\r?$`)

// readsAsMDX reports whether a page is MDX: an .mdx file, or a Markdown
// file whose text starts, after its front matter, with an import of a
// module, as Docusaurus' pages, MDX whatever their extension, do.
func readsAsMDX(p string, src []byte) bool {
	if isMDX(p) {
		return true
	}
	rest := src[frontMatterEnd(src):]
	for len(rest) > 0 {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		return mdxImport.Match(line)
	}
	return false
}

// mdxAttr marks the root of a page read as MDX (readsAsMDX), for the walk.
var mdxAttr = []byte("hb-mdx")

// blankMDX returns src with its ESM blocks (lines from one that starts
// with "import" or "export" up to a blank line, outside code fences and
// front matter) and its {/* */} comments overwritten with spaces, line
// breaks kept, so that every offset stays where it was; src itself when
// there is none, else a copy.
func blankMDX(src []byte) []byte {
	if len(src) == 0 {
		return src
	}
	out := src
	blank := func(from, to int) {
		if &out[0] == &src[0] {
			out = bytes.Clone(src)
		}
		for i := from; i < to; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
	}
	fence := ""
	inESM, inFront, unclosed := false, false, false
	for at, n := 0, 0; at < len(src); n++ {
		end := bytes.IndexByte(src[at:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += at + 1
		}
		line := src[at:end]
		trimmed := bytes.TrimSpace(line)
		switch {
		case n == 0 && isFenceLine(line):
			inFront = true
		case inFront:
			inFront = !isFenceLine(line)
		case fence != "":
			if bytes.HasPrefix(trimmed, []byte(fence)) && len(bytes.Trim(trimmed, fence[:1])) == 0 {
				fence = ""
			}
		case inESM:
			if len(trimmed) == 0 {
				inESM = false
			} else {
				blank(at, end)
			}
		case bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")):
			if len(line)-len(bytes.TrimLeft(line, " ")) < 4 {
				f := trimmed[:3]
				for len(f) < len(trimmed) && trimmed[len(f)] == f[0] {
					f = trimmed[:len(f)+1]
				}
				fence = string(f)
			}
		case esmStart(line):
			inESM = true
			blank(at, end)
		default:
			// {/* … */}, which may run over lines. Once one is left open,
			// none after it closes: the rest is not searched again.
			for i := at; i < end && !unclosed; {
				j := bytes.Index(src[i:end], []byte("{/*"))
				if j < 0 {
					break
				}
				j += i
				k := bytes.Index(src[j:], []byte("*/}"))
				if k < 0 {
					unclosed = true
					break
				}
				k += j + 3
				blank(j, k)
				if k > end {
					// The comment ran on: go on after it.
					end = k
				}
				i = k
			}
		}
		at = end
	}
	return out
}

// esmStart reports whether line, at the start of a block, opens an import
// or export statement.
func esmStart(line []byte) bool {
	for _, kw := range []string{"import", "export"} {
		if rest, ok := bytes.CutPrefix(line, []byte(kw)); ok && len(rest) > 0 && (rest[0] == ' ' || rest[0] == '{' || rest[0] == '\t') {
			return true
		}
	}
	return false
}
