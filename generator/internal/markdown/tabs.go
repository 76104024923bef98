package markdown

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindContentTab is the AST kind of a content tab.
var KindContentTab = ast.NewNodeKind("ContentTab")

// ContentTab is one tab of MkDocs Material's content tabs
// (pymdownx.tabbed), its content indented by four spaces under the line
// that opens it:
//
//	=== "Go"
//	    Text, lists, code.
//
//	=== "Python"
//	    Another tab of the same set.
//
// Tabs that follow one another form a set, shown as the theme shows
// Docsy's tabpane: each tab a labelled section. "===!" starts a new set;
// "===+" (the tab selected first) is read as "===".
type ContentTab struct {
	ast.BaseBlock
	Title string
	// New says the tab starts a set even after another tab (===!).
	New bool
}

// Kind implements ast.Node.
func (n *ContentTab) Kind() ast.NodeKind { return KindContentTab }

// Dump implements ast.Node.
func (n *ContentTab) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Title": n.Title}, nil)
}

// contentTabRE is the line that opens a content tab: its marker and its
// title in quotes.
var contentTabRE = regexp.MustCompile(`^===([!+]{0,2})[ \t]+"([^"]*)"[ \t]*\r?\n?$`)

type contentTabParser struct{}

func (contentTabParser) Trigger() []byte { return []byte{'='} }

func (contentTabParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	m := openingLine(contentTabRE, reader, pc)
	if m == nil {
		return nil, parser.NoChildren
	}
	n := &ContentTab{Title: strings.TrimSpace(string(m[2])), New: strings.Contains(string(m[1]), "!")}
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

// Continue takes what an admonition does: blank lines and those indented
// by four spaces.
func (contentTabParser) Continue(n ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return admonitionParser{}.Continue(n, reader, pc)
}

func (contentTabParser) Close(ast.Node, text.Reader, parser.Context) {}
func (contentTabParser) CanInterruptParagraph() bool                 { return false }
func (contentTabParser) CanAcceptIndentedLine() bool                 { return false }

// The theme's tab pane, one markup for Docsy's, GitBook's, MkDocs
// Material's and Docusaurus' tabs: a frame of labelled tabs, all shown.
const (
	tabPaneStart = "<div class=\"tabpane\">\n"
	tabPaneEnd   = "</div>\n"
	tabEnd       = "</section>\n"
)

// tabStart starts a tab labelled label, which is HTML (escaped text).
func tabStart(label string) string {
	return "<section class=\"tab\">\n<p class=\"tab-label\"><strong>" + label + "</strong></p>\n"
}

type contentTabRenderer struct{}

// inSet reports whether n is a content tab that continues the set of the
// node before it.
func inSet(n, before ast.Node) bool {
	t, ok := n.(*ContentTab)
	_, after := before.(*ContentTab)
	return ok && after && !t.New
}

func (contentTabRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindContentTab, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*ContentTab)
		if !entering {
			w.WriteString(tabEnd)
			if !inSet(n.NextSibling(), n) {
				w.WriteString(tabPaneEnd)
			}
			return ast.WalkContinue, nil
		}
		if !inSet(n, n.PreviousSibling()) {
			w.WriteString(tabPaneStart)
		}
		w.WriteString(tabStart(string(util.EscapeHTML([]byte(n.Title)))))
		return ast.WalkContinue, nil
	})
}
