package markdown

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// MkDocs' snippets (pymdownx.snippets, on in Material and TechDocs sites)
// include other files where a line says so: `--8<-- "README.md"`, or the
// lines between two `--8<--` lines, one file a line; a file may be cut
// to lines ("file.md:3:10") or to a section its own `--8<--
// [start:name]` and `[end:name]` lines mark ("file.md:name"). In a fenced
// block, the file's text becomes code; elsewhere its Markdown is rendered
// in place.

// snippetMark is what starts a snippet line.
const snippetMark = "--8<--"

// snippetLine matches a line that includes one file.
var snippetLine = regexp.MustCompile(`^[ \t]{0,3}--8<--[ \t]+(?:"([^"\n]+)"|'([^'\n]+)')[ \t]*$`)

// snippetSection matches a line of an included file that marks where a
// section starts or ends; it is never included.
var snippetSection = regexp.MustCompile(`(?m)^.*--8<--[ \t]*\[(start|end):([\w.-]+)\].*\n?`)

// snippetCodeAttr holds, on a fenced block, its code with the files its
// snippet lines name in their place.
var snippetCodeAttr = []byte("hb-snippet-code")

// snippetRef is one file a snippet names, and where the name is written.
type snippetRef struct {
	name string
	off  int
}

// Snippet is a block that includes files; html is their rendering, which
// the walk fills.
type Snippet struct {
	ast.BaseBlock
	files []snippetRef
	html  string
	open  bool // a block of names, read up to its closing line
}

// KindSnippet is the kind of Snippet nodes.
var KindSnippet = ast.NewNodeKind("Snippet")

// Kind implements ast.Node.
func (n *Snippet) Kind() ast.NodeKind { return KindSnippet }

// Dump implements ast.Node.
func (n *Snippet) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// snippetParser reads snippet lines.
type snippetParser struct{}

func (snippetParser) Trigger() []byte { return []byte{'-'} }

func (snippetParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	trimmed := bytes.TrimRight(line, " \t\r\n")
	if !bytes.Contains(trimmed, []byte(snippetMark)) {
		return nil, parser.NoChildren
	}
	if m := snippetLine.FindSubmatchIndex(trimmed); m != nil {
		a, b := m[2], m[3]
		if a < 0 {
			a, b = m[4], m[5]
		}
		n := &Snippet{files: []snippetRef{{string(trimmed[a:b]), seg.Start + a}}}
		reader.AdvanceToEOL()
		return n, parser.NoChildren
	}
	if string(bytes.TrimLeft(trimmed, " ")) == snippetMark && len(trimmed)-len(bytes.TrimLeft(trimmed, " ")) < 4 {
		reader.AdvanceToEOL()
		return &Snippet{open: true}, parser.NoChildren
	}
	return nil, parser.NoChildren
}

// Continue reads a block of file names up to its closing line.
func (snippetParser) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	n := node.(*Snippet)
	line, seg := reader.PeekLine()
	if !n.open || line == nil {
		return parser.Close
	}
	name := bytes.TrimSpace(line)
	reader.AdvanceToEOL()
	if string(name) == snippetMark {
		n.open = false
		return parser.Continue | parser.NoChildren // the closing line is the block's
	}
	if len(name) > 0 {
		lead := len(line) - len(bytes.TrimLeft(line, " \t"))
		n.files = append(n.files, snippetRef{string(name), seg.Start + lead})
	}
	return parser.Continue | parser.NoChildren
}

func (snippetParser) Close(ast.Node, text.Reader, parser.Context) {}
func (snippetParser) CanInterruptParagraph() bool                 { return true }
func (snippetParser) CanAcceptIndentedLine() bool                 { return false }

// snippetRenderer writes what a Snippet's walk rendered.
type snippetRenderer struct{}

func (snippetRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSnippet, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			writeRaw(w, node.(*Snippet).html) // slots and all
		}
		return ast.WalkSkipChildren, nil
	})
}

// readSnippet reads the part of a file a snippet names ("file.md",
// "file.md:3:10", "file.md:section"): from the handbook's root, as MkDocs
// reads them from its project's, else from the content folder (with or
// without the content folder's own name first). A name that leaves the
// handbook, a file that is not there and a section it does not mark are
// reported where the name is written.
func (p *Parser) readSnippet(doc *handbook.Document, ref snippetRef, diags *diag.List) (text []byte, dir string, ok bool) {
	name, from, to, section := ref.name, 0, 0, ""
	if i := strings.IndexByte(name, ':'); i > 0 {
		name, section = ref.name[:i], ref.name[i+1:]
		if a, b, ok := strings.Cut(section, ":"); ok {
			section = ""
			from, _ = strconv.Atoi(a)
			to, _ = strconv.Atoi(b)
		} else if n, err := strconv.Atoi(section); err == nil {
			section, from = "", n
		}
	}
	name = strings.TrimPrefix(path.Clean(strings.TrimPrefix(name, "./")), "/")
	if !fs.ValidPath(name) || name == "." || strings.Contains(ref.name, `\`) {
		diags.Warnf(doc.SourcePath, ref.off, "name a file inside the handbook, from its root or from the content folder", "snippet %q leaves the handbook", ref.name)
		return nil, "", false
	}
	var b []byte
	err := fs.ErrNotExist
	o := p.opts.Shortcodes
	for _, try := range []struct {
		fsys      fs.FS
		name, dir string // dir: the file's folder from the handbook's root
	}{{o.Root, name, path.Dir(name)}, {o.Content, name, p.rootDir(name)}, {o.Content, strings.TrimPrefix(name, o.ContentDir+"/"), p.rootDir(strings.TrimPrefix(name, o.ContentDir+"/"))}} {
		if try.fsys != nil && err != nil {
			if b, err = fs.ReadFile(try.fsys, try.name); err == nil {
				dir = try.dir
			}
		}
	}
	if err != nil {
		diags.Warnf(doc.SourcePath, ref.off, "the path is from the handbook's root (MkDocs' base_path) or from the content folder", "snippet: no file %q", name)
		return nil, "", false
	}
	if section != "" {
		start := regexp.MustCompile(`(?m)^.*--8<--[ \t]*\[start:` + regexp.QuoteMeta(section) + `\].*\n?`).FindIndex(b)
		end := regexp.MustCompile(`(?m)^.*--8<--[ \t]*\[end:` + regexp.QuoteMeta(section) + `\]`).FindIndex(b)
		if start == nil || end == nil || end[0] < start[1] {
			diags.Warnf(doc.SourcePath, ref.off, "mark the section in the file with --8<-- [start:"+section+"] and --8<-- [end:"+section+"] lines", "snippet: %s marks no section %q", name, section)
			return nil, "", false
		}
		b = b[start[1]:end[0]]
	} else if from > 0 || to > 0 {
		lines := bytes.SplitAfter(b, []byte("\n"))
		first, last := max(from, 1), len(lines)
		if to > 0 {
			last = min(to, len(lines))
		}
		if first > last {
			return nil, "", true
		}
		b = bytes.Join(lines[first-1:last], nil)
	}
	return snippetSection.ReplaceAll(b, nil), dir, true
}

// snippets renders a Snippet's files as Markdown in place.
func (p *Parser) snippets(doc *handbook.Document, n *Snippet, diags *diag.List) {
	var b strings.Builder
	for _, ref := range n.files {
		if src, dir, ok := p.readSnippet(doc, ref, diags); ok {
			b.WriteString(p.renderIncluded(doc, diags, src, dir, ref.off))
		}
	}
	n.html = b.String()
}

// snippetCode returns a fenced block's code with its snippet lines
// replaced by the text they name, and whether there were any.
func (p *Parser) snippetCode(doc *handbook.Document, n *ast.FencedCodeBlock, src []byte, diags *diag.List) ([]byte, bool) {
	lines := n.Lines()
	if lines.Len() == 0 || !bytes.Contains(src[lines.At(0).Start:lines.At(lines.Len()-1).Stop], []byte(snippetMark)) {
		return nil, false
	}
	var code []byte
	found := false
	for i := range lines.Len() {
		seg := lines.At(i)
		line := seg.Value(src)
		if m := snippetLine.FindSubmatchIndex(bytes.TrimRight(line, " \t\r\n")); m != nil {
			a, e := m[2], m[3]
			if a < 0 {
				a, e = m[4], m[5]
			}
			found = true
			if text, _, ok := p.readSnippet(doc, snippetRef{string(line[a:e]), seg.Start + a}, diags); ok {
				code = append(code, text...)
				if len(text) > 0 && text[len(text)-1] != '\n' {
					code = append(code, '\n')
				}
			}
			continue
		}
		code = append(code, line...)
	}
	return code, found
}
