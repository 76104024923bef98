package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindAdmonition is the AST kind of an admonition.
var KindAdmonition = ast.NewNodeKind("Admonition")

// Admonition is a block of MkDocs' admonition syntax (Python-Markdown's,
// and pymdownx.details' collapsible form), its content indented by four
// spaces under the line that opens it:
//
//	!!! warning "Mind the gap"
//	    Text, lists, code.
//
//	??? tip "Collapsed"    ???+ opens it
//	    Shown when opened.
//
// It is shown as the theme shows GitHub's alerts, the collapsible one in
// a details element. Docusaurus' admonitions, between lines of colons,
// are Admonitions too, and so are VitePress' custom containers, its
// "details" one collapsible:
//
//	:::tip[Its title]      or :::tip Its title, ::: tip Its title
//	Text.
//	:::
type Admonition struct {
	ast.BaseBlock
	Alert string // the alert it is shown as: note, tip, important, warning, caution
	Title string // "" for none (written as "")
	// Collapsible is true for ???, Open for ???+.
	Collapsible, Open bool
	// fence is the number of colons of a Docusaurus admonition's
	// opening line, which a line of as many or more closes; 0 for
	// MkDocs'.
	fence int
}

// Kind implements ast.Node.
func (n *Admonition) Kind() ast.NodeKind { return KindAdmonition }

// Dump implements ast.Node.
func (n *Admonition) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Alert": n.Alert, "Title": n.Title}, nil)
}

// admonitionRE is the line that opens an admonition: its marker, its type
// and other classes, and its title in quotes.
var admonitionRE = regexp.MustCompile(`^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+[A-Za-z][\w-]*)*(?:[ \t]+"([^"]*)")?[ \t]*\r?\n?$`)

type admonitionParser struct{}

func (admonitionParser) Trigger() []byte { return []byte{'!', '?'} }

// openingLine matches re against the line a block may open at.
func openingLine(re *regexp.Regexp, reader text.Reader, pc parser.Context) [][]byte {
	line, _ := reader.PeekLine()
	if pos := pc.BlockOffset(); pos >= 0 {
		return re.FindSubmatch(line[pos:])
	}
	return nil
}

func (admonitionParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	m := openingLine(admonitionRE, reader, pc)
	if m == nil {
		return nil, parser.NoChildren
	}
	typ := string(m[2])
	n := &Admonition{Alert: alertType(typ), Collapsible: m[1][0] == '?', Open: len(m[1]) == 4}
	if m[3] != nil {
		n.Title = strings.TrimSpace(string(m[3]))
	}
	if m[3] == nil || n.Title == "" && n.Collapsible {
		// Its type names it; one that opens needs a name to click.
		n.Title = titleCase(typ)
	}
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

// Continue takes the blank lines and those indented by four spaces (or a
// tab), less that indentation.
func (admonitionParser) Continue(_ ast.Node, reader text.Reader, _ parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	if pos < 0 {
		return parser.Close
	}
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

func (admonitionParser) Close(ast.Node, text.Reader, parser.Context) {}
func (admonitionParser) CanInterruptParagraph() bool                 { return false }
func (admonitionParser) CanAcceptIndentedLine() bool                 { return false }

// fencedAdmonitionRE is the line that opens a Docusaurus admonition: its
// colons, its type and its title, in brackets or after a space.
var fencedAdmonitionRE = regexp.MustCompile(`^(:{3,})[ \t]*([A-Za-z][\w-]*)(?:\[([^\]]*)\]|[ \t]+([^\r\n]*?))?[ \t]*\r?\n?$`)

type fencedAdmonitionParser struct{}

func (fencedAdmonitionParser) Trigger() []byte { return []byte{':'} }

func (fencedAdmonitionParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	m := openingLine(fencedAdmonitionRE, reader, pc)
	if m == nil {
		return nil, parser.NoChildren
	}
	typ := string(m[2])
	// VitePress' and VuePress' "::: details Title" is collapsible.
	n := &Admonition{Alert: alertType(typ), Title: titleCase(typ), fence: len(m[1]), Collapsible: strings.EqualFold(typ, "details")}
	for _, t := range [][]byte{m[3], m[4]} {
		if t := strings.TrimSpace(string(t)); t != "" {
			n.Title = t
		}
	}
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

// Continue takes every line up to the one of as many colons or more,
// which it takes too.
func (fencedAdmonitionParser) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if t := bytes.TrimSpace(line); len(t) >= node.(*Admonition).fence && len(bytes.Trim(t, ":")) == 0 {
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (fencedAdmonitionParser) Close(ast.Node, text.Reader, parser.Context) {}
func (fencedAdmonitionParser) CanInterruptParagraph() bool                 { return true }
func (fencedAdmonitionParser) CanAcceptIndentedLine() bool                 { return false }

type admonitionRenderer struct{}

func (admonitionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAdmonition, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*Admonition)
		tag := "blockquote"
		if n.Collapsible {
			tag = "details"
		}
		if !entering {
			w.WriteString("</" + tag + ">\n")
			return ast.WalkContinue, nil
		}
		w.WriteString("<" + tag + ` class="alert alert-` + n.Alert + `"`)
		if n.Open {
			w.WriteString(" open")
		}
		w.WriteString(">\n")
		switch {
		case n.Collapsible:
			w.WriteString(`<summary class="alert-title">`)
			w.Write(util.EscapeHTML([]byte(n.Title)))
			w.WriteString("</summary>\n")
		case n.Title != "":
			w.WriteString(`<strong class="alert-title">`)
			w.Write(util.EscapeHTML([]byte(n.Title)))
			w.WriteString("</strong>\n")
		}
		return ast.WalkContinue, nil
	})
}
