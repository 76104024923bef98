package markdown

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

var alertRE = regexp.MustCompile(`^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$`)

// alert turns a GitHub alert (a blockquote whose first line is [!NOTE],
// [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]) into a blockquote of class
// "alert alert-note" and so on, whose first line is the alert's name in
// bold. It leaves other blockquotes alone.
func alert(bq *ast.Blockquote, src []byte) {
	para, ok := bq.FirstChild().(*ast.Paragraph)
	if !ok || para.Lines().Len() == 0 {
		return
	}
	first := para.Lines().At(0)
	m := alertRE.FindSubmatch(first.Value(src))
	if m == nil {
		return
	}
	kind := strings.ToLower(string(m[1]))
	// Remove the inline nodes of the marker line: those before the first
	// soft line break, which ends it.
	var last ast.Node
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= first.Stop {
			break
		}
		last = c
		if t.SoftLineBreak() {
			break
		}
	}
	if last == nil {
		return
	}
	for c := para.FirstChild(); c != nil; {
		next := c.NextSibling()
		para.RemoveChild(para, c)
		if c == last {
			break
		}
		c = next
	}
	title := ast.NewEmphasis(2)
	title.AppendChild(title, ast.NewString([]byte(strings.ToUpper(kind[:1])+kind[1:])))
	title.SetAttributeString("class", []byte("alert-title"))
	if para.FirstChild() != nil {
		para.InsertBefore(para, para.FirstChild(), title)
		br := ast.NewString([]byte(" "))
		para.InsertAfter(para, title, br)
	} else {
		para.AppendChild(para, title)
	}
	bq.SetAttributeString("class", []byte("alert alert-"+kind))
}
