package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// classLineRE is a line that is only a list of classes, as Hugo's block
// attributes and kramdown's attribute lists write them: {.lead .mb-4},
// {: .note }.
var classLineRE = regexp.MustCompile(`^\{:?\s*(\.[A-Za-z_][\w-]*\s*)+\}\s*$`)

// spanClassRE is kramdown's attribute list of classes right after a
// link: [Get started](start.md){: .btn .btn-primary }.
var spanClassRE = regexp.MustCompile(`^\{:\s*(\.[A-Za-z_][\w-]*\s*)+\}`)

// tocLine is kramdown's mark that makes the list before it the page's
// table of contents: the theme shows one beside the page.
const tocLine = "{:toc}"

// classLine returns the classes of a class line, or nil.
func classLine(line []byte) []byte {
	line = bytes.TrimSpace(line)
	if len(line) < 3 || line[0] != '{' || line[len(line)-1] != '}' || !classLineRE.Match(line) {
		return nil
	}
	var classes []byte
	for _, f := range bytes.Fields(bytes.Trim(line, "{:}")) {
		if len(classes) > 0 {
			classes = append(classes, ' ')
		}
		classes = append(classes, f[1:]...)
	}
	return classes
}

// blockClasses reads a class list written on the first or the last line
// of a paragraph into the paragraph's class, instead of showing it as
// text: kramdown's {: .note } before a block, or Hugo's and kramdown's
// {.lead} after one. A class line alone between blocks is read by
// classLines, once the blocks around it are known. Only classes are
// taken: an id or other attribute there would be an anchor links cannot
// be checked against, or markup raw HTML would not be allowed.
type blockClasses struct{}

func (blockClasses) Transform(p *ast.Paragraph, reader text.Reader, _ parser.Context) {
	lines := p.Lines()
	n := lines.Len()
	if n < 2 {
		return
	}
	src := reader.Source()
	last, first := lines.At(n-1), lines.At(0)
	if classes := classLine(last.Value(src)); classes != nil {
		addClasses(p, classes)
		lines.SetSliced(0, n-1)
		p.SetLines(lines)
	} else if classes := classLine(first.Value(src)); classes != nil {
		addClasses(p, classes)
		lines.SetSliced(1, n)
		p.SetLines(lines)
	}
}

// addClasses adds classes to n's, and makes a block with a class of
// just-the-docs' callouts (note, warning, important, highlight, new, and
// their -title forms, whose first paragraph is the title) the theme's
// alert of that kind.
func addClasses(n ast.Node, classes []byte) {
	if old, ok := n.AttributeString("class"); ok {
		if b, ok := old.([]byte); ok {
			classes = append(append(append([]byte{}, b...), ' '), classes...)
		}
	}
	for _, c := range strings.Fields(string(classes)) {
		name, titled := strings.CutSuffix(c, "-title")
		if !callouts[name] {
			continue
		}
		classes = append(classes, " alert alert-"+alertType(name)...)
		if titled {
			if first, ok := n.FirstChild().(*ast.Paragraph); ok {
				first.SetAttributeString("class", []byte("alert-title"))
			}
		}
		break
	}
	n.SetAttributeString("class", classes)
}

// callouts are the classes just-the-docs' sites give their callouts.
var callouts = map[string]bool{"note": true, "warning": true, "important": true, "highlight": true, "new": true, "tip": true, "caution": true, "danger": true}

// classLines reads a class line that stands alone between blocks, as a
// paragraph of its own: on the line before a block, it is that block's
// (kramdown's {: .note } over a quote), else the block's before it
// (Docsy's {.display-6} under one). kramdown's {:toc} after a list takes
// the list away, as the theme shows the table of contents.
type classLines struct{}

func (classLines) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	if !hasClassList(src) {
		return // most pages: no walk
	}
	var alone []*ast.Paragraph
	var tocs []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if l, ok := n.(*ast.Link); ok {
			linkClasses(l, src)
			return ast.WalkContinue, nil
		}
		if n.Kind() != ast.KindParagraph && n.Kind() != ast.KindTextBlock {
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		if lines.Len() == 0 {
			return ast.WalkSkipChildren, nil
		}
		end := lines.At(lines.Len() - 1)
		last := bytes.TrimSpace(end.Value(src))
		_, classed := n.AttributeString("class") // its own class line read
		if string(last) == tocLine {
			if list := tocList(n); list != nil {
				tocs = append(tocs, list)
			}
		} else if p, ok := n.(*ast.Paragraph); ok && lines.Len() == 1 && !classed && classLine(last) != nil {
			alone = append(alone, p)
		}
		return ast.WalkContinue, nil
	})
	for _, p := range alone {
		line := p.Lines().At(0)
		target := p.PreviousSibling()
		if next := p.NextSibling(); next != nil && next.Type() == ast.TypeBlock && !blankAfter(src, line.Stop) {
			target = next
		}
		if target == nil || target.Type() != ast.TypeBlock {
			continue
		}
		addClasses(target, classLine(line.Value(src)))
		p.Parent().RemoveChild(p.Parent(), p)
	}
	for _, list := range tocs {
		if parent := list.Parent(); parent != nil {
			parent.RemoveChild(parent, list)
		}
	}
}

// linkClasses reads kramdown's class list right after a link into the
// link's class, as just-the-docs' buttons are written; a class of its
// buttons (btn…) makes the link the theme's button, and its primary and
// coloured ones the theme's main button.
func linkClasses(l *ast.Link, src []byte) {
	// The list may be read as more than one text (" }" apart): the
	// texts that follow one another on the line are read together.
	var texts []*ast.Text
	end := -1
	for n := l.NextSibling(); n != nil; n = n.NextSibling() {
		t, ok := n.(*ast.Text)
		if !ok || end >= 0 && t.Segment.Start != end {
			break
		}
		texts, end = append(texts, t), t.Segment.Stop
		if t.SoftLineBreak() || t.HardLineBreak() {
			break
		}
	}
	if len(texts) == 0 {
		return
	}
	m := spanClassRE.Find(src[texts[0].Segment.Start:end])
	if m == nil {
		return
	}
	classes := bytes.Fields(bytes.Trim(m, "{:}"))
	var out []string
	button, brand := false, false
	for _, c := range classes {
		name := string(c[1:])
		out = append(out, name)
		button = button || name == "btn" || strings.HasPrefix(name, "btn-")
		brand = brand || strings.HasPrefix(name, "btn-") && name != "btn-outline"
	}
	if button {
		out = append(out, "button")
	}
	if brand {
		out = append(out, "brand")
	}
	l.SetAttributeString("class", []byte(strings.Join(out, " ")))
	for rest, i := len(m), 0; rest > 0 && i < len(texts); i++ {
		t := texts[i]
		n := min(rest, t.Segment.Len())
		rest -= n
		if t.Segment = t.Segment.WithStart(t.Segment.Start + n); t.Segment.Len() == 0 && !t.SoftLineBreak() && !t.HardLineBreak() {
			t.Parent().RemoveChild(t.Parent(), t)
		}
	}
}

// hasClassList reports whether src may hold a class list or {:toc}: a
// "{" before a ":" or a ".", spaces apart.
func hasClassList(src []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '{')
		if j < 0 {
			return false
		}
		i += j + 1
		k := i
		for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
			k++
		}
		if k < len(src) && (src[k] == ':' || src[k] == '.') {
			return true
		}
	}
}

// tocList returns the list whose last item b ends, or nil.
func tocList(b ast.Node) ast.Node {
	item, ok := b.Parent().(*ast.ListItem)
	if !ok || item.NextSibling() != nil {
		return nil
	}
	return item.Parent()
}

// blankAfter reports whether the line after the one that ends at end is
// blank, or there is none.
func blankAfter(src []byte, end int) bool {
	if end == 0 || src[end-1] != '\n' {
		i := bytes.IndexByte(src[end:], '\n')
		if i < 0 {
			return true
		}
		end += i + 1
	}
	line := src[end:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return len(bytes.TrimSpace(line)) == 0
}
