package markdown

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// embed is a paragraph that is only an embedded note, and the note's
// rendering that takes its place.
type embed struct {
	para ast.Node
	html string
}

// embedNote renders the note an Obsidian embed names (![[Note]],
// ![[folder/Note#Heading]]): its Markdown, or the part under the heading,
// its links doc's (renderIncluded),
// found as Obsidian finds it: by its path from the content folder or the
// page's folder, else by its name anywhere, the nearest to the page. ok is
// false when no note has that name; the embed is then a link, which the
// graph stage checks.
func (p *Parser) embedNote(doc *handbook.Document, diags *diag.List, target string, off int) (html string, ok bool) {
	fsys := p.opts.Shortcodes.Content
	if fsys == nil {
		return "", false
	}
	target, _, _ = strings.Cut(target, "|")
	name, heading, _ := strings.Cut(target, "#")
	name = strings.TrimSuffix(strings.TrimSpace(name), ".md")
	if name == "" {
		return "", false
	}
	var found string
	for _, try := range []string{name + ".md", path.Join(path.Dir(doc.Path), name+".md")} {
		if try = path.Clean(try); fs.ValidPath(try) && try != doc.Path {
			if info, err := fs.Stat(fsys, try); err == nil && !info.IsDir() {
				found = try
				break
			}
		}
	}
	if found == "" {
		p.notesOnce.Do(func() {
			p.notes = map[string][]string{}
			_ = fs.WalkDir(fsys, ".", func(q string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.EqualFold(path.Ext(q), ".md") {
					key := strings.ToLower(strings.TrimSuffix(path.Base(q), path.Ext(q)))
					p.notes[key] = append(p.notes[key], q)
				}
				return nil
			})
		})
		best := -1
		for _, q := range p.notes[strings.ToLower(path.Base(name))] {
			if q == doc.Path || !strings.HasSuffix(strings.ToLower(strings.TrimSuffix(q, ".md")), strings.ToLower(name)) {
				continue
			}
			// The nearest: the most folders in common with the page.
			if shared := commonDirs(q, doc.Path); shared > best {
				found, best = q, shared
			}
		}
	}
	if found == "" {
		return "", false
	}
	src, err := fs.ReadFile(fsys, found)
	if err != nil {
		return "", false
	}
	src = src[frontMatterEnd(src):]
	if heading = strings.TrimSpace(heading); heading != "" {
		if src = section(src, heading); src == nil {
			return "", false
		}
	}
	return p.renderIncluded(doc, diags, src, p.rootDir(found), off), true
}

// commonDirs counts the folders two paths share from the top.
func commonDirs(a, b string) int {
	as, bs := strings.Split(path.Dir(a), "/"), strings.Split(path.Dir(b), "/")
	n := 0
	for n < len(as) && n < len(bs) && as[n] == bs[n] {
		n++
	}
	return n
}

// atxHeading matches a "# Heading" line: its marks and its text.
var atxHeading = regexp.MustCompile(`(?m)^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$`)

// section returns the part of src under the heading whose text is
// heading, but for case: from it, up to the next heading of its level or
// above; nil when there is none.
func section(src []byte, heading string) []byte {
	ms := atxHeading.FindAllSubmatchIndex(src, -1)
	for i, m := range ms {
		if !strings.EqualFold(string(src[m[4]:m[5]]), heading) {
			continue
		}
		level := m[3] - m[2]
		end := len(src)
		for _, n := range ms[i+1:] {
			if n[3]-n[2] <= level {
				end = n[0]
				break
			}
		}
		return bytes.Clone(src[m[0]:end])
	}
	return nil
}

// renderIncluded renders Markdown that doc includes from another file
// (an embedded note, a snippet, readfile's file) as renderMarkdown does,
// and records its links as doc's, so that they are checked and written
// relative to doc's page like its own: a relative one is read from dir,
// the included file's folder from the handbook's root, and kept as
// written when it leads outside the content folder; all are reported at
// off, where doc includes the file.
func (p *Parser) renderIncluded(doc *handbook.Document, diags *diag.List, src []byte, dir string, off int) string {
	return p.render(src, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.Link:
			if slot := addLink(doc, diags, p.rebase(string(n.Destination), dir), handbook.LinkMarkdown, off); slot != nil {
				n.Destination = slot
			}
		case *ast.Image:
			dest := p.rebase(string(n.Destination), dir)
			if slot := addLink(doc, diags, dest, handbook.LinkImage, off); slot != nil {
				n.Destination = slot
			}
		case *WikiLink:
			n.Slot = len(doc.BodyLinks)
			doc.BodyLinks = append(doc.BodyLinks, handbook.BodyLink{Dest: string(n.Target), Form: handbook.LinkWiki, Offset: off})
		}
	})
}

// rebase writes a relative link of a file in folder dir (from the
// handbook's root) from the content folder's root, as "/path"; any other
// link, and one that leads outside the content folder, is kept as
// written.
func (p *Parser) rebase(dest, dir string) string {
	if dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") || strings.Contains(strings.SplitN(dest, "/", 2)[0], ":") {
		return dest
	}
	target, rest := dest, ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target, rest = target[:i], target[i:]
	}
	joined := path.Join(dir, target)
	if c := p.opts.Shortcodes.ContentDir; c != "" && c != "." {
		var ok bool
		if joined, ok = strings.CutPrefix(joined, c+"/"); !ok {
			return dest // outside the content folder: as written
		}
	}
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return dest
	}
	return "/" + joined + rest
}

// rootDir is the folder, from the handbook's root, of a file at p in the
// content folder.
func (p *Parser) rootDir(contentPath string) string {
	return path.Join(p.opts.Shortcodes.ContentDir, path.Dir(contentPath))
}
