package markdown

import (
	"bytes"
	"io"
	"strings"

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
	if included, ok := n.Attribute(snippetCodeAttr); ok {
		code = included.([]byte) // with the files its snippet lines name
	}
	var f fence
	if n.Info != nil {
		f = parseFence(string(n.Info.Segment.Value(source)))
	}
	if IsDiagram(f.lang) {
		writeDiagram(w, code)
		return ast.WalkSkipChildren, nil
	}
	code, classes := markCode(code, f.lines)
	var buf bytes.Buffer
	buf.Grow(160 + 2*size)
	r.hl.Write(&buf, f.lang, code)
	block := buf.Bytes()
	if len(classes) > 0 {
		block = markLines(block, classes)
	}
	if f.title != "" {
		codeTitle(w, f.title)
	}
	wrapCode(w, f.lang, block)
	if f.title != "" {
		w.WriteString("</figure>\n")
	}
	return ast.WalkSkipChildren, nil
}

// wrapCode writes to w a highlighted block (the highlighter's "<pre…>
// …</pre>\n") inside the theme's code frame: <div class="code"
// data-lang="LANG"> with the language's name in a <span class="code-lang">
// for a fence that names one, and the <pre> focusable (tabindex="0") so
// that a block wider than the page scrolls from the keyboard. The theme's
// script adds a copy button to each frame.
func wrapCode(w codeWriter, lang string, block []byte) {
	w.WriteString(`<div class="code"`)
	if lang != "" {
		w.WriteString(` data-lang="`)
		w.Write(util.EscapeHTML([]byte(lang)))
		w.WriteString(`"><span class="code-lang">`)
		w.Write(util.EscapeHTML([]byte(langName(lang))))
		w.WriteString(`</span>`)
	} else {
		w.WriteByte('>')
	}
	if rest, ok := bytes.CutPrefix(block, []byte("<pre")); ok {
		w.WriteString(`<pre tabindex="0"`)
		block = rest
	}
	w.Write(bytes.TrimSuffix(block, []byte("\n")))
	w.WriteString("</div>\n")
}

// codeTitle starts a code block with a title, its file's name most
// often: <figure class="code-block"> and the title in its
// <figcaption>; </figure> ends it after the code.
func codeTitle(w codeWriter, title string) {
	w.WriteString("<figure class=\"code-block\">\n<figcaption>")
	w.WriteString(esc(title))
	w.WriteString("</figcaption>\n")
}

// IsDiagram reports whether a fence's language is one the theme draws as
// a diagram in the browser: mermaid, as GitHub and GitLab read it.
func IsDiagram(lang string) bool { return lang == "mermaid" }

// writeDiagram writes a diagram's source, escaped, in the theme's diagram
// frame: <div class="diagram"><pre class="mermaid">…</pre></div>. Without
// JavaScript, or when drawing fails, the source is what the reader sees;
// the theme's diagram script (loaded by pages whose document has
// diagrams) draws it as an SVG.
func writeDiagram(w codeWriter, code []byte) {
	w.WriteString(`<div class="diagram" data-lang="mermaid"><pre class="mermaid" tabindex="0">`)
	w.Write(util.EscapeHTML(code))
	w.WriteString("</pre></div>\n")
}

// codeWriter is what wrapCode writes to: goldmark's writer or a builder.
type codeWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// langNames are the names shown for the fence languages handbooks use
// most; any other language is shown as the fence writes it.
var langNames = map[string]string{
	"go": "Go", "golang": "Go", "python": "Python", "py": "Python",
	"js": "JavaScript", "javascript": "JavaScript", "jsx": "JSX",
	"ts": "TypeScript", "typescript": "TypeScript", "tsx": "TSX",
	"java": "Java", "kotlin": "Kotlin", "kt": "Kotlin", "scala": "Scala",
	"rust": "Rust", "rs": "Rust", "ruby": "Ruby", "rb": "Ruby", "php": "PHP",
	"c": "C", "cpp": "C++", "c++": "C++", "cs": "C#", "csharp": "C#", "swift": "Swift",
	"sh": "Shell", "shell": "Shell", "bash": "Bash", "zsh": "Zsh", "console": "Console",
	"powershell": "PowerShell", "ps1": "PowerShell",
	"yaml": "YAML", "yml": "YAML", "json": "JSON", "toml": "TOML", "xml": "XML",
	"html": "HTML", "css": "CSS", "sql": "SQL", "graphql": "GraphQL",
	"dockerfile": "Dockerfile", "docker": "Dockerfile", "makefile": "Makefile", "make": "Makefile",
	"hcl": "HCL", "terraform": "Terraform", "tf": "Terraform", "proto": "Protocol Buffers",
	"protobuf": "Protocol Buffers", "diff": "Diff", "ini": "INI", "text": "Text", "txt": "Text",
	"markdown": "Markdown", "md": "Markdown", "mermaid": "Mermaid", "nginx": "nginx",
}

// langName is the name shown for a fence's language.
func langName(lang string) string {
	if name, ok := langNames[strings.ToLower(lang)]; ok {
		return name
	}
	return lang
}
