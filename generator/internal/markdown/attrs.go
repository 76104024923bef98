package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// classLineRE is a line that is only a list of classes, as Hugo's block
// attributes and kramdown's attribute lists write them: {.lead .mb-4}.
var classLineRE = regexp.MustCompile(`^\{\s*(\.[A-Za-z_][\w-]*\s*)+\}\s*$`)

// blockClasses reads a class list written on the line after a paragraph,
// or alone after another block ({.display-6}, as Docsy's pages have it),
// into the block's class instead of showing it as text. Only classes are
// taken: an id or other attribute there would be an anchor links cannot
// be checked against, or markup raw HTML would not be allowed.
type blockClasses struct{}

func (blockClasses) Transform(p *ast.Paragraph, reader text.Reader, _ parser.Context) {
	lines := p.Lines()
	n := lines.Len()
	if n == 0 {
		return
	}
	src := reader.Source()
	seg := lines.At(n - 1)
	last := bytes.TrimSpace(seg.Value(src))
	if len(last) < 3 || last[0] != '{' || last[len(last)-1] != '}' || !classLineRE.Match(last) {
		return
	}
	var classes []byte
	for _, f := range bytes.Fields(bytes.Trim(last, "{}")) {
		if len(classes) > 0 {
			classes = append(classes, ' ')
		}
		classes = append(classes, f[1:]...)
	}
	target := ast.Node(p)
	if n == 1 {
		// Alone: the block before it takes the classes.
		target = p.PreviousSibling()
		if target == nil || target.Type() != ast.TypeBlock {
			return
		}
	}
	if old, ok := target.AttributeString("class"); ok {
		if b, ok := old.([]byte); ok {
			classes = append(append(append([]byte{}, b...), ' '), classes...)
		}
	}
	target.SetAttributeString("class", classes)
	if n == 1 {
		p.Parent().RemoveChild(p.Parent(), p)
		return
	}
	lines.SetSliced(0, n-1)
	p.SetLines(lines)
}
