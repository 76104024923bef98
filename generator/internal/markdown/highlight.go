package markdown

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// codeRenderer highlights fenced code at build time with chroma, writing
// CSS classes (the theme's syntax.css colours them), no inline styles and
// no script. One formatter serves every block, so chroma compiles its
// style once rather than once per block. A block in a language chroma does
// not know is written as plain, escaped code.
type codeRenderer struct {
	html.Config
	formatter *chromahtml.Formatter
	style     *chroma.Style
}

// Highlighting is the goldmark extension that highlights fenced code, as
// builds do; benchmarks use it to measure goldmark with the same work.
func Highlighting() goldmark.Extender { return highlightExt{} }

type highlightExt struct{}

func (highlightExt) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(newCodeRenderer(), 100)))
}

func newCodeRenderer() *codeRenderer {
	return &codeRenderer{
		Config:    html.NewConfig(),
		formatter: chromahtml.New(chromahtml.WithClasses(true)),
		style:     styles.Get("github"),
	}
}

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

func (r *codeRenderer) SetOption(name renderer.OptionName, value any) {
	r.Config.SetOption(name, value)
}

func (r *codeRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		code.Write(seg.Value(source))
	}
	lang := n.Language(source)
	if lang != nil {
		if lexer := lexers.Get(string(lang)); lexer != nil {
			if it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String()); err == nil {
				if err := r.formatter.Format(w, r.style, it); err == nil {
					return ast.WalkSkipChildren, nil
				}
			}
		}
	}
	w.WriteString("<pre><code")
	if lang != nil {
		w.WriteString(` class="language-`)
		w.Write(util.EscapeHTML(lang))
		w.WriteByte('"')
	}
	w.WriteByte('>')
	w.Write(util.EscapeHTML([]byte(code.String())))
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}
