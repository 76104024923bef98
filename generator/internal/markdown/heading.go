package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// headingRenderer writes headings as goldmark does, and gives every heading
// of level 2 to 6 that has an id a permalink after its text: a link to the
// heading's own fragment, labelled for screen readers so that its "#" is
// not read, which the theme shows on hover and focus. No space comes
// between the text and the link, so that a narrow screen never wraps the
// "#" onto a line of its own.
type headingRenderer struct {
	html.Config
	label []byte // the link's label, escaped
}

func (r *headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.render)
}

func (r *headingRenderer) SetOption(name renderer.OptionName, value any) {
	r.Config.SetOption(name, value)
}

func (r *headingRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := "0123456"[n.Level]
	if entering {
		w.WriteString("<h")
		w.WriteByte(level)
		if n.Attributes() != nil {
			html.RenderAttributes(w, node, html.HeadingAttributeFilter)
		}
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if n.Level >= 2 {
		if v, ok := n.AttributeString("id"); ok {
			if id, ok := v.([]byte); ok && len(id) > 0 {
				w.WriteString(`<a class="anchor" href="#`)
				w.Write(util.EscapeHTML(id))
				w.WriteString(`" aria-label="`)
				w.Write(r.label)
				w.WriteString(`">#</a>`)
			}
		}
	}
	w.WriteString("</h")
	w.WriteByte(level)
	w.WriteString(">\n")
	return ast.WalkContinue, nil
}
