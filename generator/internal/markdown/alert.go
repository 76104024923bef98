package markdown

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// alertRE is the first line of an alert: GitHub's [!NOTE], or an
// Obsidian callout's [!tip]- Its own title (the fold mark is read and
// left: a callout is shown open).
var alertRE = regexp.MustCompile(`^\[!([A-Za-z][\w-]*)\][+-]?(?:[ \t]+([^\r\n]*?))?[ \t]*\r?\n?$`)

// alertTypes maps the types of other tools' alerts (Obsidian's callouts,
// MkDocs' admonitions) to the theme's five, GitHub's: note, tip,
// important, warning, caution. Any other type is a note.
var alertTypes = map[string]string{
	"tip": "tip", "hint": "tip", "success": "tip", "check": "tip", "done": "tip",
	"important": "important",
	"warning":   "warning", "attention": "warning",
	"caution": "caution", "danger": "caution", "error": "caution", "failure": "caution", "fail": "caution", "missing": "caution", "bug": "caution",
}

// alertType is the theme's alert for a type of another tool's.
func alertType(typ string) string {
	if t, ok := alertTypes[strings.ToLower(typ)]; ok {
		return t
	}
	return "note"
}

// titleCase is a type as a title: "warning" → "Warning".
func titleCase(typ string) string {
	if typ == "" {
		return ""
	}
	return strings.ToUpper(typ[:1]) + strings.ToLower(typ[1:])
}

// alert turns a GitHub alert (a blockquote whose first line is [!NOTE],
// [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]), or an Obsidian callout
// ([!faq] Its title), into a blockquote of class "alert alert-note" and so
// on (see alertType), whose first line is its title, or its type's name,
// in bold. It leaves other blockquotes alone.
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
	kind := alertType(string(m[1]))
	name := titleCase(string(m[1]))
	if len(m[2]) > 0 {
		name = string(m[2])
	}
	// Remove the inline nodes of the marker line, the title's among them:
	// those that start on it, up to the line break that ends it.
	var last ast.Node
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		start := -1
		for d := ast.Node(c); d != nil && start < 0; d = d.FirstChild() {
			if t, ok := d.(*ast.Text); ok {
				start = t.Segment.Start
			}
		}
		if start >= first.Stop {
			break
		}
		last = c
		if t, ok := c.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
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
	title.AppendChild(title, ast.NewString([]byte(name)))
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
