package markdown

import (
	"bytes"
	"regexp"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Abbreviations are written as PHP Markdown Extra, kramdown (Jekyll's)
// and Python-Markdown (MkDocs') read them: a line "*[HTML]: Hyper Text
// Markup Language" anywhere in the document is not shown, and each time
// the text says HTML, as a word of its own, it is <abbr title="Hyper
// Text Markup Language">HTML</abbr>.

// AbbrDefinition is the line that defines an abbreviation; it shows
// nothing.
type AbbrDefinition struct{ ast.BaseBlock }

// KindAbbrDefinition is the kind of AbbrDefinition nodes.
var KindAbbrDefinition = ast.NewNodeKind("AbbrDefinition")

// Kind implements ast.Node.
func (n *AbbrDefinition) Kind() ast.NodeKind { return KindAbbrDefinition }

// Dump implements ast.Node.
func (n *AbbrDefinition) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Abbr is an abbreviation in the text, its one child the text.
type Abbr struct {
	ast.BaseInline
	Title []byte
}

// KindAbbr is the kind of Abbr nodes.
var KindAbbr = ast.NewNodeKind("Abbr")

// Kind implements ast.Node.
func (n *Abbr) Kind() ast.NodeKind { return KindAbbr }

// Dump implements ast.Node.
func (n *Abbr) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Title": string(n.Title)}, nil)
}

// abbrKey holds a document's abbreviations, by their text.
var abbrKey = parser.NewContextKey()

// abbrLineRE is a definition: "*[HTML]: Hyper Text Markup Language".
var abbrLineRE = regexp.MustCompile(`^ {0,3}\*\[([^\]\\]+)\]:[ \t]*(.*?)[ \t]*$`)

// Abbreviations returns the abbreviations that the lines of src define
// ("*[API]: Application Programming Interface"), as a glossary file that
// MkDocs appends to every page (pymdownx.snippets' auto_append) holds
// them; nil for none.
func Abbreviations(src []byte) map[string][]byte {
	var defs map[string][]byte
	for line := range bytes.Lines(src) {
		m := abbrLineRE.FindSubmatch(bytes.TrimRight(line, "\r\n"))
		if m == nil || len(bytes.TrimSpace(m[1])) == 0 {
			continue
		}
		if defs == nil {
			defs = map[string][]byte{}
		}
		defs[string(bytes.TrimSpace(m[1]))] = bytes.Clone(m[2])
	}
	return defs
}

// abbrParser reads a definition line.
type abbrParser struct{}

func (abbrParser) Trigger() []byte { return []byte{'*'} }

func (abbrParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	if !bytes.HasPrefix(bytes.TrimLeft(line, " "), []byte("*[")) {
		return nil, parser.NoChildren // a list item, a thematic break: spare the regexp
	}
	m := abbrLineRE.FindSubmatch(bytes.TrimRight(line, "\r\n"))
	if m == nil || len(bytes.TrimSpace(m[1])) == 0 {
		return nil, parser.NoChildren
	}
	defs, _ := pc.Get(abbrKey).(map[string][]byte)
	if defs == nil {
		defs = map[string][]byte{}
		pc.Set(abbrKey, defs)
	}
	defs[string(bytes.TrimSpace(m[1]))] = bytes.Clone(m[2])
	reader.AdvanceToEOL()
	return &AbbrDefinition{}, parser.NoChildren
}

func (abbrParser) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (abbrParser) Close(ast.Node, text.Reader, parser.Context)                 {}
func (abbrParser) CanInterruptParagraph() bool                                 { return true }
func (abbrParser) CanAcceptIndentedLine() bool                                 { return false }

// abbrTransformer marks the abbreviations a document defines in its text.
type abbrTransformer struct{}

func (abbrTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	defs, _ := pc.Get(abbrKey).(map[string][]byte)
	if len(defs) == 0 {
		return
	}
	src := reader.Source()
	// Longest first, so that "HTML5" is found before "HTML".
	names := make([]string, 0, len(defs))
	for k := range defs {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		return len(names[i]) > len(names[j]) || len(names[i]) == len(names[j]) && names[i] < names[j]
	})
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink, *Abbr:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		splitAbbrs(t, src, names, defs)
	}
}

// splitAbbrs replaces the abbreviations in t's text by Abbr nodes,
// keeping the text around them as text.
func splitAbbrs(t *ast.Text, src []byte, names []string, defs map[string][]byte) {
	seg := t.Segment
	parent := t.Parent()
	if parent == nil {
		return
	}
	value := seg.Value(src)
	at := 0 // the start of the text not yet placed, in value
	var after ast.Node = t
	first := true
	for i := 0; i < len(value); {
		name := abbrAt(value, i, names)
		if name == "" {
			_, size := utf8.DecodeRune(value[i:])
			i += size
			continue
		}
		if first {
			// t keeps the text before the first abbreviation.
			t.Segment = seg.WithStop(seg.Start + i)
			first = false
		} else if i > at {
			pre := ast.NewTextSegment(text.NewSegment(seg.Start+at, seg.Start+i))
			parent.InsertAfter(parent, after, pre)
			after = pre
		}
		a := &Abbr{Title: defs[name]}
		a.AppendChild(a, ast.NewTextSegment(text.NewSegment(seg.Start+i, seg.Start+i+len(name))))
		parent.InsertAfter(parent, after, a)
		after = a
		i += len(name)
		at = i
	}
	if first {
		return // none
	}
	rest := ast.NewTextSegment(text.NewSegment(seg.Start+at, seg.Stop))
	rest.SetSoftLineBreak(t.SoftLineBreak())
	rest.SetHardLineBreak(t.HardLineBreak())
	rest.SetRaw(t.IsRaw())
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	parent.InsertAfter(parent, after, rest)
}

// abbrAt returns the abbreviation that value holds at i as a word of its
// own (neither letter, digit nor '_' on either side), or "".
func abbrAt(value []byte, i int, names []string) string {
	if i > 0 {
		if r, _ := utf8.DecodeLastRune(value[:i]); isWordRune(r) {
			return ""
		}
	}
	for _, name := range names {
		if !bytes.HasPrefix(value[i:], []byte(name)) {
			continue
		}
		if end := i + len(name); end < len(value) {
			if r, _ := utf8.DecodeRune(value[end:]); isWordRune(r) {
				continue
			}
		}
		return name
	}
	return ""
}

func isWordRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// abbrRenderer writes an Abbr as <abbr title="…">, and a definition as
// nothing.
type abbrRenderer struct{}

func (abbrRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAbbr, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(`<abbr title="`)
			w.Write(util.EscapeHTML(n.(*Abbr).Title))
			w.WriteString(`">`)
		} else {
			w.WriteString("</abbr>")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(KindAbbrDefinition, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	})
}
