package markdown

import (
	"bytes"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v2"
)

// KindWikiLink is the AST kind of a [[wikilink]].
var KindWikiLink = ast.NewNodeKind("WikiLink")

// WikiLink is an inline [[target|label]] or [[target#heading]], or an
// embed, Obsidian's ![[target]]: an image file is shown as an image, and
// anything else is linked to.
type WikiLink struct {
	ast.BaseInline
	Target []byte // what is between the brackets, before '|'
	Label  []byte // after '|', or nil
	Slot   int    // index into Document.Links, set before rendering
	Embed  bool   // written ![[target]]
}

// Kind implements ast.Node.
func (n *WikiLink) Kind() ast.NodeKind { return KindWikiLink }

// Dump implements ast.Node.
func (n *WikiLink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Target": string(n.Target)}, nil)
}

type wikiParser struct{}

// spacedLinkKey holds the offsets of the links a space broke
// ("[[text]] (https://…)") that the parse found.
var spacedLinkKey = parser.NewContextKey()

// spacedLinkRE matches what follows such a link: spaces, then a URL in
// parentheses.
var spacedLinkRE = regexp.MustCompile(`^[ \t]+\([a-zA-Z][a-zA-Z0-9+.-]*://[^\s()]*\)`)

// fullwidthLinkKey holds the offsets of the links written with a
// fullwidth parenthesis ("[text]（https://…）", as a Chinese or Japanese
// input method types it) that the parse found.
var fullwidthLinkKey = parser.NewContextKey()

// fullwidthLinkRE matches what follows the text of such a link: a
// destination between fullwidth parentheses (U+FF08, U+FF09), or between
// a fullwidth and an ASCII one. A destination is an address with a
// scheme, a path from the root or the page's folder, an anchor, or a
// Markdown or HTML file: not a remark in parentheses ("[注]（见下文）").
var fullwidthLinkRE = regexp.MustCompile(`^(?:（` + fullwidthDest + `[）)]|\(` + fullwidthDest + `）)`)

// fullwidthDest is a link destination as fullwidthLinkRE reads one.
const fullwidthDest = `(?:(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|\.\.?/|#)[^\s（）()]*|[^\s（）()]+\.(?:md|html?)(?:#[^\s（）()]*)?)`

// markFullwidthLink records, when the text of a link (line from its
// '[' on, its ']' at close) is followed by a destination in fullwidth
// parentheses, where the link starts, for Parse to warn of it.
func markFullwidthLink(line []byte, close int, start int, pc parser.Context) bool {
	rest := line[close+1:]
	if !bytes.HasPrefix(rest, []byte("（")) {
		// "(" then a fullwidth ")" before the ASCII one, or none: a link
		// as most are written, "(url)", is spared the regexp.
		if len(rest) == 0 || rest[0] != '(' {
			return false
		}
		end := bytes.IndexByte(rest, ')')
		if end < 0 {
			end = len(rest)
		}
		if !bytes.Contains(rest[:end], []byte("）")) {
			return false
		}
	}
	if !fullwidthLinkRE.Match(rest) {
		return false
	}
	offs, _ := pc.Get(fullwidthLinkKey).([]int)
	pc.Set(fullwidthLinkKey, append(offs, start))
	return true
}

func (wikiParser) Trigger() []byte { return []byte{'[', '!'} }

func (wikiParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	embed := len(line) > 0 && line[0] == '!'
	if embed {
		line, seg = line[1:], seg.WithStart(seg.Start+1)
	}
	if len(line) < 4 || line[0] != '[' || line[1] != '[' {
		if !embed && len(line) > 0 && line[0] == '[' {
			// [text]（https://…）: goldmark's parser reads the link or
			// the text; this notes the parenthesis that makes it text.
			if i := bytes.IndexAny(line[1:], "[]"); i >= 0 && line[1+i] == ']' {
				markFullwidthLink(line, 1+i, seg.Start, pc)
			}
		}
		return nil
	}
	end := bytes.Index(line[2:], []byte("]]"))
	if end < 0 {
		return nil
	}
	after := 2 + end + 2
	if after < len(line) && (line[after] == '(' || line[after] == '[') {
		return nil // [[1]](url) is a link whose text is [1]
	}
	if markFullwidthLink(line, after-1, seg.Start, pc) {
		return nil // text, as GitHub shows it, with a warning
	}
	if spacedLinkRE.Match(line[after:]) {
		// [[text]] (https://…): a link with a space before its
		// destination, which makes it text, as GitHub shows it. Parse
		// warns of it once the parse is over (spacedLinkKey).
		offs, _ := pc.Get(spacedLinkKey).([]int)
		pc.Set(spacedLinkKey, append(offs, seg.Start))
		return nil
	}
	inner := line[2 : 2+end]
	if bytes.ContainsAny(inner, "[]\n") {
		return nil
	}
	n := &WikiLink{Slot: -1, Embed: embed}
	target, label, hasLabel := bytes.Cut(inner, []byte("|"))
	n.Target = bytes.TrimSpace(target)
	if hasLabel {
		n.Label = bytes.TrimSpace(label)
	}
	n.SetPos(seg.Start)
	if embed {
		block.Advance(1)
	}
	block.Advance(2 + end + 2)
	return n
}

// tomlParser reads TOML front matter between `+++` lines at the top of a
// file, as Hugo does; the lines are kept on the node for the caller.
type tomlParser struct{}

// KindTOMLFrontMatter marks the block that holds TOML front matter.
var KindTOMLFrontMatter = ast.NewNodeKind("TOMLFrontMatter")

// TOMLFrontMatter holds the lines of a TOML front matter block.
type TOMLFrontMatter struct {
	ast.BaseBlock
	Closed bool
}

// Kind implements ast.Node.
func (n *TOMLFrontMatter) Kind() ast.NodeKind { return KindTOMLFrontMatter }

// Dump implements ast.Node.
func (n *TOMLFrontMatter) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// IsRaw implements ast.Node.
func (n *TOMLFrontMatter) IsRaw() bool { return true }

// yamlFrontMatter is goldmark-meta's block parser, opened only where front
// matter can be: on a first line of three dashes or more, at the top of the
// document. Alone it also opens inside a list item or a quote that starts
// the file ("- -" lost its inner list), and on one or two dashes (a file
// starting with an empty list item was shown as its source).
type yamlFrontMatter struct{ parser.BlockParser }

func (p yamlFrontMatter) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if line, _ := reader.PeekLine(); parent.Kind() != ast.KindDocument || !isDashLine(line) {
		return nil, parser.NoChildren
	}
	return p.BlockParser.Open(parent, reader, pc)
}

// Continue closes the front matter only on a line of three dashes or
// more, where closingDashes ends it: goldmark-meta also closes it on a
// line of one or two, the empty item of a YAML list ("  -"), and decoded
// only the lines before it.
func (p yamlFrontMatter) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	if line, seg := reader.PeekLine(); !isDashLine(line) && !util.IsBlank(line) && len(bytes.Trim(bytes.TrimSpace(line), "-")) == 0 {
		node.Lines().Append(seg)
		return parser.Continue | parser.NoChildren
	}
	return p.BlockParser.Continue(node, reader, pc)
}

// frontMatterKey holds, in a parse's context, the values of its YAML
// front matter or the error decoding them (a *yamlValues).
var frontMatterKey = parser.NewContextKey()

type yamlValues struct {
	m   map[string]any
	err error
}

// Close decodes the front matter as goldmark-meta does, into the same map
// with the same error, but once: goldmark-meta decodes it a second time,
// into an ordered list that nothing here reads, and that second pass was
// a tenth of parsing a typical document's front matter and body. Flat
// front matter, the common kind, is read without the YAML library
// (flatYAML), into the same values.
func (p yamlFrontMatter) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	var buf bytes.Buffer
	for i := range lines.Len() {
		seg := lines.At(i)
		buf.Write(seg.Value(reader.Source()))
	}
	if m, ok := flatYAML(buf.Bytes()); ok {
		pc.Set(frontMatterKey, &yamlValues{m: m})
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
	v := &yamlValues{m: map[string]any{}}
	if err := yaml.Unmarshal(buf.Bytes(), &v.m); err != nil {
		// goldmark-meta reports the error of its second pass when both
		// fail (a list, a scalar): the same words, from the same pass.
		v.m, v.err = nil, err
		var items yaml.MapSlice
		if err := yaml.Unmarshal(buf.Bytes(), &items); err != nil {
			v.err = err
		}
	}
	pc.Set(frontMatterKey, v)
	if v.err == nil {
		node.Parent().RemoveChild(node.Parent(), node)
	}
}

// frontMatterValues returns what Close decoded: nil and nil without YAML
// front matter.
func frontMatterValues(pc parser.Context) (map[string]any, error) {
	v, _ := pc.Get(frontMatterKey).(*yamlValues)
	if v == nil {
		return nil, nil
	}
	return v.m, v.err
}

func isTOMLFence(line []byte) bool {
	return bytes.Equal(util.TrimRightSpace(line), []byte("+++"))
}

func (tomlParser) Trigger() []byte { return []byte{'+'} }

func (tomlParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if l, _ := reader.Position(); l != 0 || parent.Kind() != ast.KindDocument {
		return nil, parser.NoChildren
	}
	line, seg := reader.PeekLine()
	if !isTOMLFence(line) {
		return nil, parser.NoChildren
	}
	n := &TOMLFrontMatter{}
	n.SetPos(seg.Start)
	return n, parser.NoChildren
}

func (tomlParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, seg := reader.PeekLine()
	if isTOMLFence(line) {
		reader.Advance(seg.Len())
		node.(*TOMLFrontMatter).Closed = true
		return parser.Close
	}
	node.Lines().Append(seg)
	return parser.Continue | parser.NoChildren
}

func (tomlParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (tomlParser) CanInterruptParagraph() bool                                { return false }
func (tomlParser) CanAcceptIndentedLine() bool                                { return false }

// linkRenderer writes links, images and wikilinks with slot hrefs
// ("\x00N\x00"), filled once links are resolved. A body is rendered into a
// bodyWriter, which replaces every other NUL byte (CommonMark asks for
// U+FFFD), so a slot cannot be confused with content.
type linkRenderer struct {
	html.Config
	outsideLabel string // labels an image from another host (Words)
}

func (r *linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(KindWikiLink, r.renderWiki)
	reg.Register(extast.KindTaskCheckBox, r.renderTask)
	reg.Register(KindTOMLFrontMatter, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	})
}

func (r *linkRenderer) SetOption(name renderer.OptionName, value any) {
	r.Config.SetOption(name, value)
}

func (r *linkRenderer) writeHref(w util.BufWriter, dest []byte) {
	if len(dest) > 0 && dest[0] == 0 {
		writeSlot(w, dest)
		return
	}
	w.Write(util.EscapeHTML(util.URLEscape(dest, true)))
}

// bodyWriter is what a body is rendered into. Everything written to it
// has its NUL bytes replaced by U+FFFD, as CommonMark asks and as goldmark
// does in text: info strings, attributes, code and the rest. Only what is
// written raw (link slots, by writeSlot, and HTML the package made) puts a
// NUL into the body. The NUL bytes are replaced once the body is written
// (String), in one pass over the parts not written raw, rather than in
// every one of the many small writes.
type bodyWriter struct {
	b bytes.Buffer
	// raw holds the start and end of each part written raw, in order.
	raw []int
	// sanitised is true once the NUL bytes are replaced: what is written
	// later is written as it is.
	sanitised bool
}

const replacement = "\uFFFD"

func (w *bodyWriter) Write(p []byte) (int, error)       { return w.b.Write(p) }
func (w *bodyWriter) WriteString(s string) (int, error) { return w.b.WriteString(s) }
func (w *bodyWriter) WriteByte(c byte) error            { return w.b.WriteByte(c) }
func (w *bodyWriter) WriteRune(r rune) (int, error)     { return w.b.WriteRune(r) }

// writeRaw writes s as it is, NUL bytes and all.
func (w *bodyWriter) writeRaw(s string) {
	start := w.b.Len()
	w.b.WriteString(s)
	w.raw = append(w.raw, start, w.b.Len())
}

// reset empties w for the next body.
func (w *bodyWriter) reset() {
	w.b.Reset()
	w.raw, w.sanitised = w.raw[:0], false
}

// String returns the body, its NUL bytes replaced.
func (w *bodyWriter) String() string {
	w.sanitise()
	return w.b.String()
}

// sanitise replaces each NUL byte outside the raw parts with U+FFFD.
func (w *bodyWriter) sanitise() {
	if w.sanitised {
		return
	}
	w.sanitised = true
	b := w.b.Bytes()
	raw := w.raw
	w.raw = w.raw[:0]
	found := false
	eachPart(b, raw, func(part []byte, isRaw bool) {
		found = found || !isRaw && bytes.IndexByte(part, 0) >= 0
	})
	if !found {
		return
	}
	out := make([]byte, 0, len(b)+16)
	eachPart(b, raw, func(part []byte, isRaw bool) {
		if isRaw {
			out = append(out, part...)
			return
		}
		for {
			i := bytes.IndexByte(part, 0)
			if i < 0 {
				out = append(out, part...)
				return
			}
			out = append(append(out, part[:i]...), replacement...)
			part = part[i+1:]
		}
	})
	w.b.Reset()
	w.b.Write(out)
}

// eachPart hands f the parts of b in order, those raw holds (start and
// end, in pairs) and those between them.
func eachPart(b []byte, raw []int, f func(part []byte, isRaw bool)) {
	from := 0
	for i := 0; i+1 < len(raw); i += 2 {
		f(b[from:raw[i]], false)
		f(b[raw[i]:raw[i+1]], true)
		from = raw[i+1]
	}
	f(b[from:], false)
}

// Available, Buffered and Flush make a bodyWriter a util.BufWriter, so that
// goldmark writes into it without a buffer of its own.
func (w *bodyWriter) Available() int { return 1 << 16 }
func (w *bodyWriter) Buffered() int  { return 0 }
func (w *bodyWriter) Flush() error   { return nil }

// writeSlot writes a link slot as it is, NUL bytes and all, into a body;
// into another writer (goldmark used without Parse), as any bytes.
func writeSlot(w util.BufWriter, slot []byte) {
	if bw, ok := w.(*bodyWriter); ok {
		bw.writeRaw(util.BytesToReadOnlyString(slot))
		return
	}
	w.Write(slot)
}

func (r *linkRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if entering {
		w.WriteString(`<a href="`)
		r.writeHref(w, n.Destination)
		w.WriteByte('"')
		if n.Title != nil {
			w.WriteString(` title="`)
			w.Write(util.EscapeHTML(n.Title))
			w.WriteByte('"')
		}
		if n.Attributes() != nil {
			html.RenderAttributes(w, n, html.LinkAttributeFilter)
		}
		w.WriteByte('>')
	} else {
		w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

func (r *linkRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	if name, ok := n.Attribute(outsideAttr); ok {
		var alt bytes.Buffer
		r.writeAlt(&alt, source, n)
		writeOutsideImage(w, func() { r.writeHref(w, n.Destination) }, r.outsideLabel, alt.String(), string(name.([]byte)), inLink(n))
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<img src="`)
	r.writeHref(w, n.Destination)
	w.WriteString(`" alt="`)
	r.writeAlt(w, source, n)
	w.WriteByte('"')
	if n.Title != nil {
		w.WriteString(` title="`)
		w.Write(util.EscapeHTML(n.Title))
		w.WriteByte('"')
	}
	w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

func (r *linkRenderer) writeAlt(w io.Writer, source []byte, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			w.Write(util.EscapeHTML(t.Segment.Value(source)))
		} else {
			r.writeAlt(w, source, c)
		}
	}
}

// renderTask writes a task list checkbox with its stable id; it is
// disabled until the theme's script makes checklists interactive.
func (r *linkRenderer) renderTask(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*extast.TaskCheckBox)
	w.WriteString(`<input type="checkbox" disabled=""`)
	if n.IsChecked {
		w.WriteString(` checked=""`)
	}
	html.RenderAttributes(w, n, nil)
	w.WriteString("> ")
	return ast.WalkContinue, nil
}

func (r *linkRenderer) renderWiki(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*WikiLink)
	label := n.Label
	if label == nil {
		label = n.Target
	}
	if n.Embed && IsImageName(string(n.Target)) {
		if isDigits(n.Label) {
			label = n.Target // ![[a.png|300]]: a width, not a text
		}
		w.WriteString(`<img src="`)
		writeSlot(w, Slot(n.Slot))
		w.WriteString(`" alt="`)
		w.Write(util.EscapeHTML(label))
		w.WriteString(`">`)
		return ast.WalkSkipChildren, nil
	}
	fmtSlot(w, n.Slot)
	w.Write(util.EscapeHTML(label))
	w.WriteString("</a>")
	return ast.WalkSkipChildren, nil
}

// IsImageName reports whether a file name is an image's, by its extension.
func IsImageName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp":
		return true
	}
	return false
}

func isDigits(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// fmtSlot writes the opening tag of a wikilink whose href is slot i.
func fmtSlot(w util.BufWriter, i int) {
	w.WriteString(`<a href="`)
	writeSlot(w, Slot(i))
	w.WriteString(`">`)
}

type extender struct{ words Words }

func (e extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(wikiParser{}, 199), util.Prioritized(markParser{}, 500)),
		parser.WithBlockParsers(util.Prioritized(tomlParser{}, 0), util.Prioritized(yamlFrontMatter{meta.NewParser()}, 0),
			util.Prioritized(snippetParser{}, 100), util.Prioritized(abbrParser{}, 150), util.Prioritized(admonitionParser{}, 750), util.Prioritized(fencedAdmonitionParser{}, 750), util.Prioritized(contentTabParser{}, 750)),
		// After GFM's tables (200), so that a table's lines stay its own.
		parser.WithParagraphTransformers(util.Prioritized(blockClasses{}, 100)),
		parser.WithASTTransformers(util.Prioritized(classLines{}, 100), util.Prioritized(abbrTransformer{}, 200)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&linkRenderer{Config: html.NewConfig(), outsideLabel: e.words.outsideImage()}, 100), util.Prioritized(admonitionRenderer{}, 100), util.Prioritized(contentTabRenderer{}, 100), util.Prioritized(markRenderer{}, 100), util.Prioritized(snippetRenderer{}, 100), util.Prioritized(abbrRenderer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&headingRenderer{Config: html.NewConfig(), label: util.EscapeHTML([]byte(e.words.permalink()))}, 100)))
	Highlighting().Extend(m)
	scExtension{}.Extend(m) // Hugo shortcodes
}
