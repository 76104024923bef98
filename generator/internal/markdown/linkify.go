package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// gfm is goldmark's GFM extension, its parts in the same order, with
// linkify's parser behind linkifyFilter.
type gfm struct{}

func (gfm) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(linkifyFilter{extension.NewLinkifyParser()}, 999)))
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
}

// linkifyFilter asks GFM's linkify parser only where it can find a link.
// The parser is tried at every space of a text: it reads a URL only where
// one starts with "http:", "https:", "ftp:" or "www.", and an email
// address only where an '@' ends its first 64 bytes or fewer. Anywhere
// else it finds nothing, and so does the filter, without asking.
type linkifyFilter struct{ parser.InlineParser }

func (p linkifyFilter) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) == 0 {
		return p.InlineParser.Parse(parent, block, pc)
	}
	w := line
	switch line[0] {
	case ' ', '*', '_', '~', '(': // the character the parser steps over
		w = line[1:]
	}
	if len(w) == 0 {
		return nil
	}
	if c := w[0]; c != 'h' && c != 'f' && c != 'w' && bytes.IndexByte(w[:min(len(w), 65)], '@') < 0 {
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}
