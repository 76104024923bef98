package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"handbook/generator/internal/highlight"
)

// codeRenderer highlights fenced code at build time through package
// highlight: its own scanners for the languages handbooks use most,
// chroma's lexers for the rest. It writes CSS classes (the theme's
// syntax.css colours them), no inline styles and no script. A block in a
// language neither knows is written as plain, escaped code. Each renderer
// (one per Parser) asks chroma about a language name once, however many
// fences name it.
type codeRenderer struct {
	html.Config
	hl highlight.Highlighter
}

// Highlighting is the goldmark extension that highlights fenced code, as
// builds do; benchmarks use it to measure goldmark with the same work.
func Highlighting() goldmark.Extender { return highlightExt{} }

type highlightExt struct{}

func (highlightExt) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(newCodeRenderer(), 100)))
}

func newCodeRenderer() *codeRenderer {
	return &codeRenderer{Config: html.NewConfig()}
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
	lines := n.Lines()
	size := 0
	for i := range lines.Len() {
		seg := lines.At(i)
		size += seg.Stop - seg.Start
	}
	code := make([]byte, 0, size)
	for i := range lines.Len() {
		seg := lines.At(i)
		code = append(code, seg.Value(source)...)
	}
	var buf bytes.Buffer
	buf.Grow(64 + 2*size)
	r.hl.Write(&buf, string(n.Language(source)), code)
	w.Write(buf.Bytes())
	return ast.WalkSkipChildren, nil
}
