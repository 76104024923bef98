package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// Hugo shortcodes are rendered within the one goldmark pass that parses a
// document, and every offset stays an offset into the file as written:
//
//  1. The tags are read (shortcode_lex.go) after the front matter; those
//     inside code (code spans and blocks, found by a first goldmark parse
//     of the file as written) and HTML comments are left as written. Tags
//     pair up as a stack does, by name.
//  2. Each other tag is replaced by a placeholder of its own length: a tag
//     alone on its line(s) by a line that the shortcode block parser takes
//     ("\x1a" index "\x1a", then spaces); any other by letters ("hbsc"
//     index "X…"), which goldmark reads as text. The inner content of
//     highlight, or of a tab with a language, is blanked (its newlines and
//     the quote marks starting its lines kept): it is code, not Markdown.
//  3. goldmark parses. A pair whose tags are both lines of their own is one
//     container block, whose inner lines goldmark parses as its children.
//     The AST transformer cuts inline placeholders out of the text, makes
//     the nodes between any other pair's tags its children, lifts a
//     block-level shortcode out of its paragraph, and replaces the
//     placeholders of a link destination by the shortcode's text (ref's
//     target, param's value).
//  4. The renderer writes each shortcode. A placeholder left in the HTML
//     (in raw HTML, an autolink, a title) is replaced by the shortcode's
//     output when the document's rendering ends.

// kindShortcode is the AST kind of a shortcode, block or inline.
var kindShortcode = ast.NewNodeKind("Shortcode")

// scBlock is a shortcode in a block's place: a tag alone on its line, or a
// pair of them holding the lines between as children.
type scBlock struct {
	ast.BaseBlock
	tag  int
	call *scCall
	// container is set when the tag opens a pair whose closing tag is
	// also a line of its own: the lines up to it are its children.
	container bool
	code      bool // a container whose inner lines are code, not children
	closed    bool // its closing tag's line was reached
}

// Kind implements ast.Node.
func (n *scBlock) Kind() ast.NodeKind { return kindShortcode }

// Dump implements ast.Node.
func (n *scBlock) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Tag": strconv.Itoa(n.tag)}, nil)
}

// scInline is a shortcode inside a line of text.
type scInline struct {
	ast.BaseInline
	tag  int
	call *scCall
}

// Kind implements ast.Node.
func (n *scInline) Kind() ast.NodeKind { return kindShortcode }

// Dump implements ast.Node.
func (n *scInline) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Tag": strconv.Itoa(n.tag)}, nil)
}

// tagState is what became of a tag.
type tagState int

const (
	tagLive      tagState = iota // replaced by a placeholder and rendered
	tagCode                      // in code or a comment: left as written
	tagBad                       // unreadable or unmatched: reported, left as written or dropped
	tagSwallowed                 // inside highlight's code: part of the code
	tagBlanked                   // in raw HTML and renders nothing: blanked
)

type tagInfo struct {
	state tagState
	block bool // its placeholder is a line of its own
	// end is where its placeholder ends: its own end, or, for the opening
	// tag of code written inline, the end of the closing tag, which it
	// covers.
	end     int
	covered bool     // a closing tag in its opening tag's placeholder
	html    bool     // it lies in raw HTML
	node    ast.Node // where it was placed in the tree
	done    bool     // rendered, expanded or dropped: nothing to replace
	call    *scCall  // the shortcode it opens, closes or is
}

// span is a range of bytes of a document.
type span struct{ a, b int }

// scState holds the shortcodes of one parse.
type scState struct {
	p     *Parser
	doc   *handbook.Document
	diags *diag.List
	orig  []byte // the bytes as written
	buf   []byte // the bytes goldmark parses
	tags  []scTag
	info  []tagInfo
	calls []*scCall
	inl   []int  // the live tags with inline placeholders, in order
	code  []span // code and comments, where tags stay as written
	html  []span // raw HTML
	pc    parser.Context
	root  ast.Node
	// emptied holds the paragraphs a shortcode left, which go if empty.
	emptied []ast.Node
	// front holds the front matter's values once read (param).
	front     map[string]any
	frontRead bool
	// liquid holds the offsets of the tags that are another generator's
	// Liquid block tags, written as shortcodes' (see liquidBlocks).
	liquid map[int]bool
}

// scCall is one use of a shortcode: an opening tag and its closing one,
// or a tag alone.
type scCall struct {
	st      *scState
	open    int // index of its (opening) tag
	close   int // index of its closing tag, -1 for none
	name    string
	parent  *scCall
	ordinal int
	def     *builtin      // a built-in, or nil
	site    *siteTemplate // the site's own, or nil
	comment bool          // {{</* */>}}: shows its tag
	code    bool          // its inner content is code (highlight, a tab with a language)
	dropped bool          // renders nothing; its content is shown as it stands
	split   bool          // both tags in one piece of raw HTML: each renders its part there
	// Set while resolving:
	value    string     // param's value, comment's text
	file     []byte     // readfile's bytes
	filePath string     // and its path in the content folder
	md       bool       // readfile's file is Markdown
	img      *ast.Image // figure's image, recorded as a body link by the walk
	link     *ast.Link  // figure's link, ref's target: recorded by the walk
	attr     *ast.Link  // figure's attribution link
	prepared bool       // prepare ran
}

func (c *scCall) tag() *scTag { return &c.st.tags[c.open] }

// arg returns an argument by name, or by position (-1: none).
func (c *scCall) arg(name string, pos int) string {
	v, _, _ := c.tag().get(name, pos)
	return v
}

// block reports whether the shortcode writes block-level HTML.
func (c *scCall) block() bool { return c.def != nil && c.def.block }

// scKey holds a parse's shortcodes in its goldmark context.
var scKey = parser.NewContextKey()

// scAttr holds a parse's shortcodes on its document node, for the end of
// its rendering.
const scAttr = "\x00shortcodes"

// shortcodes reads the tags of doc.Source and returns the state of the
// parse with the bytes goldmark should parse in st.buf, or nil when the
// document has none.
//
// liquid are the block tags of another generator's that foreignSyntax
// wrote as shortcodes', which the warnings call Liquid's.
func (p *Parser) shortcodes(doc *handbook.Document, diags *diag.List, liquid []liquidBlock) *scState {
	src := doc.Source
	if !bytes.Contains(src, []byte("{{<")) && !bytes.Contains(src, []byte("{{%")) {
		return nil
	}
	tags := lexTags(src, frontMatterEnd(src))
	if len(tags) == 0 {
		return nil
	}
	st := &scState{p: p, doc: doc, diags: diags, orig: src, tags: tags, info: make([]tagInfo, len(tags))}
	for _, bl := range liquid {
		if st.liquid == nil {
			st.liquid = map[int]bool{}
		}
		st.liquid[bl.open] = true
	}
	st.regions()
	for i := range tags {
		t := &tags[i]
		switch {
		case inSpans(st.code, t.start):
			st.info[i].state = tagCode
		case t.err != "":
			st.info[i].state = tagBad
		}
		st.info[i].html = inSpans(st.html, t.start)
	}
	st.pair()
	st.buf = bytes.Clone(src)
	for i := range tags {
		info := &st.info[i]
		info.end = tags[i].end
		info.block = info.state == tagLive && !info.html && st.aloneOnLine(&tags[i]) && blockPlaceholder(i, tags[i].end-tags[i].start) != ""
	}
	for _, c := range st.calls {
		// A closing tag alone on its line ends its container even where,
		// read without shortcodes, an HTML block its content starts would
		// take the line: the container sees the line first.
		if c.close >= 0 && st.info[c.open].block {
			cl := &st.info[c.close]
			cl.block = cl.state == tagLive && st.aloneOnLine(&tags[c.close]) && blockPlaceholder(c.close, tags[c.close].end-tags[c.close].start) != ""
		}
	}
	for _, c := range st.calls {
		if !c.code || c.close < 0 || c.dropped {
			continue
		}
		if o, cl := &st.info[c.open], &st.info[c.close]; !(o.block && cl.block) {
			// Code not between lines of their own: one run of text from
			// the opening tag to the end of the closing one, so that no
			// line of the code is read as Markdown.
			o.block, o.end = false, tags[c.close].end
			cl.block, cl.covered = false, true
		}
	}
	for _, c := range st.calls {
		if c.is("columns") && c.close >= 0 && !c.dropped {
			columnBreaks(st.buf[tags[c.open].end:tags[c.close].start])
		}
	}
	for i := range tags {
		st.substitute(i)
	}
	for i := range tags {
		if info := &st.info[i]; info.state == tagLive && !info.block && !info.covered {
			st.inl = append(st.inl, i)
		}
	}
	for _, c := range st.calls {
		if c.code && c.close >= 0 && !c.dropped && st.info[c.open].block {
			st.blank(&tags[c.open], tags[c.close].start)
		}
	}
	st.check()
	return st
}

// attach makes the parse's shortcodes known to its goldmark context.
func (st *scState) attach(ctx parser.Context) {
	if st != nil {
		ctx.Set(scKey, st)
	}
}

// frontMatterEnd returns the offset after a document's front matter, as
// the front matter parsers find it, or 0.
func frontMatterEnd(src []byte) int {
	first := firstLine(src)
	if !isFenceLine(first) {
		return 0
	}
	toml := isTOMLFence(first)
	for i := len(first) + 1; i < len(src); {
		line := firstLine(src[i:])
		t := bytes.TrimSpace(line)
		if toml && string(t) == "+++" || !toml && len(t) > 0 && len(bytes.Trim(t, "-")) == 0 {
			return i + len(line)
		}
		i += len(line) + 1
	}
	return len(first)
}

// regions finds the code (code spans, code blocks and HTML comments) and
// the raw HTML of the document as written, by a parse of its own.
func (st *scState) regions() {
	root := st.p.md.Parser().Parse(text.NewReader(st.orig), parser.WithContext(parser.NewContext()))
	src := st.orig
	lines := func(n ast.Node) span {
		l := n.Lines()
		s := span{a: -1}
		if l.Len() > 0 {
			s = span{l.At(0).Start, l.At(l.Len() - 1).Stop}
		}
		if p := n.Pos(); p >= 0 && (s.a < 0 || p < s.a) {
			s.a = p
			if s.b <= s.a {
				s.b = s.a + len(firstLine(src[s.a:]))
			}
		}
		return s
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if s := lines(n); s.a >= 0 {
				st.code = append(st.code, s)
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			if f, ok := n.FirstChild().(*ast.Text); ok {
				l, _ := n.LastChild().(*ast.Text)
				if l == nil {
					l = f
				}
				st.code = append(st.code, span{f.Segment.Start, l.Segment.Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			s := lines(n)
			if n.HasClosure() {
				s.b = max(s.b, n.ClosureLine.Stop)
			}
			if s.a < 0 {
				break
			}
			if n.HTMLBlockType == ast.HTMLBlockType2 {
				st.code = append(st.code, s)
			} else {
				st.html = append(st.html, s)
			}
		case *ast.RawHTML:
			if n.Segments.Len() == 0 {
				break
			}
			s := span{n.Segments.At(0).Start, n.Segments.At(n.Segments.Len() - 1).Stop}
			if bytes.HasPrefix(src[s.a:], []byte("<!--")) {
				st.code = append(st.code, s)
			} else {
				st.html = append(st.html, s)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, l := range [][]span{st.code, st.html} {
		sort.Slice(l, func(i, j int) bool { return l[i].a < l[j].a })
	}
}

// inSpans reports whether off lies in one of spans, which are sorted and
// do not overlap.
func inSpans(spans []span, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].b > off })
	return i < len(spans) && spans[i].a <= off
}

// pair matches opening and closing tags as a stack does, makes a call of
// each pair and of each tag alone, and reports unreadable tags, closing
// tags without an opening one and shortcodes that need a closing tag and
// have none. The tags inside a code shortcode (highlight) are its code.
func (st *scState) pair() {
	type problem struct {
		tag  int
		hint string
		msg  string
	}
	var problems []problem
	for i := range st.tags {
		if t := &st.tags[i]; st.info[i].state == tagBad {
			problems = append(problems, problem{i, t.errHint, t.err})
		}
	}
	newCall := func(open, close int) *scCall {
		t := &st.tags[open]
		c := &scCall{st: st, open: open, close: close, name: t.name, comment: t.comment}
		st.info[open].call = c
		if close >= 0 {
			st.info[close].call = c
		}
		st.calls = append(st.calls, c)
		return c
	}
	alone := func(i int) {
		c := newCall(i, -1)
		if t := &st.tags[i]; st.needsClose(t.name) {
			c.dropped = true
			r := rdelim(t)
			problems = append(problems, problem{i,
				fmt.Sprintf("close it with {{%s /%s %s, or end the tag with /%s if it has no content", delim(t), t.name, r, r),
				fmt.Sprintf("shortcode %q is never closed", t.name)})
		}
	}
	var stack []int
	for i := range st.tags {
		t := &st.tags[i]
		if st.info[i].state != tagLive {
			continue
		}
		switch {
		case t.comment || t.selfClosing:
			newCall(i, -1)
		case t.closing:
			k := len(stack) - 1
			for k >= 0 && st.tags[stack[k]].name != t.name {
				k--
			}
			if k < 0 {
				// Reported; its placeholder, which no call has, shows
				// nothing.
				problems = append(problems, problem{i,
					fmt.Sprintf("remove it, or open the shortcode before it with {{%s %s %s", delim(t), t.name, rdelim(t)),
					fmt.Sprintf("closing tag of shortcode %q without an opening one", t.name)})
				continue
			}
			for _, o := range stack[k+1:] {
				alone(o)
			}
			newCall(stack[k], i)
			stack = stack[:k]
		default:
			stack = append(stack, i)
		}
	}
	for _, o := range stack {
		alone(o)
	}
	sort.Slice(st.calls, func(i, j int) bool { return st.calls[i].open < st.calls[j].open })
	// Parents, ordinals and definitions, in the order of the tags.
	var enclosing []*scCall
	ordinals := map[*scCall]int{}
	for _, c := range st.calls {
		for len(enclosing) > 0 && c.open > enclosing[len(enclosing)-1].close {
			enclosing = enclosing[:len(enclosing)-1]
		}
		if len(enclosing) > 0 {
			c.parent = enclosing[len(enclosing)-1]
		}
		c.ordinal = ordinals[c.parent]
		ordinals[c.parent]++
		if c.close >= 0 {
			enclosing = append(enclosing, c)
		}
		if c.comment {
			c.value = st.tags[c.open].literal
			continue
		}
		// A site's own shortcode replaces a built-in, as in Hugo, but for
		// ref and relref, whose links are checked.
		if c.name != "ref" && c.name != "relref" {
			c.site = st.p.siteShortcode(c.name)
		}
		if c.site == nil {
			c.def = builtins[c.name]
		}
		c.code = c.def != nil && c.def.isCode != nil && c.def.isCode(c)
	}
	// The tags inside a code shortcode are its code.
	var swallowed []span
	kept := st.calls[:0]
	for _, c := range st.calls {
		if inSpans(swallowed, c.open) {
			continue
		}
		if c.code && c.close >= 0 && !c.dropped {
			swallowed = append(swallowed, span{c.open + 1, c.close})
		}
		kept = append(kept, c)
	}
	st.calls = kept
	for i := range st.info {
		if inSpans(swallowed, i) {
			st.info[i].state, st.info[i].call = tagSwallowed, nil
		}
	}
	for _, c := range st.calls {
		if c.parent != nil && st.info[c.parent.open].state == tagSwallowed {
			c.parent = nil
		}
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].tag < problems[j].tag })
	for _, pr := range problems {
		if st.info[pr.tag].state == tagSwallowed {
			continue
		}
		off := st.tags[pr.tag].start
		if t := &st.tags[pr.tag]; t.err != "" {
			off = t.errOff
		}
		st.diags.Errorf(st.doc.SourcePath, off, pr.hint, "%s", pr.msg)
	}
}

// needsClose reports whether a shortcode has no meaning without inner
// content: the built-ins that wrap it, and a site's own that reads .Inner.
func (st *scState) needsClose(name string) bool {
	if s := st.p.siteShortcode(name); s != nil && name != "ref" && name != "relref" {
		return s.inner
	}
	b := builtins[name]
	return b != nil && b.inner
}

func delim(t *scTag) string {
	if t.markdown {
		return "%"
	}
	return "<"
}

func rdelim(t *scTag) string {
	if t.markdown {
		return "%}}"
	}
	return ">}}"
}

// inlinePlaceholder returns the inline placeholder of tag i, n bytes long, or
// "" when n is too short to hold it.
func inlinePlaceholder(i, n int) string {
	s := "hbsc" + strconv.FormatInt(int64(i), 36) + "X"
	if len(s) > n {
		return ""
	}
	return s + strings.Repeat("X", n-len(s))
}

// blockPlaceholder returns the block placeholder of tag i, n bytes long,
// or "" when n is too short to hold it.
func blockPlaceholder(i, n int) string {
	s := "\x1a" + strconv.FormatInt(int64(i), 36) + "\x1a"
	if len(s) > n {
		return ""
	}
	return s + strings.Repeat(" ", n-len(s))
}

// substitute writes tag i's placeholder into st.buf, or, for a comment
// tag in code, the tag without its comment marks.
func (st *scState) substitute(i int) {
	t := &st.tags[i]
	info := &st.info[i]
	c := info.call
	switch {
	case info.state == tagCode && t.comment:
		st.unescape(t)
		return
	case info.state != tagLive, info.covered:
		return
	case info.html && !info.block && c != nil && c.def == nil && c.site == nil && !c.comment:
		// In raw HTML, an unknown shortcode shows nothing: its tag goes,
		// so that no placeholder ends up as an attribute.
		info.state = tagBlanked
		st.blankTag(t)
		return
	}
	if info.block {
		copy(st.buf[t.start:], blockPlaceholder(i, t.end-t.start))
		return
	}
	ph := inlinePlaceholder(i, info.end-t.start)
	if ph == "" {
		// Too short to hold its placeholder: shown as written.
		info.state = tagBad
		if c != nil {
			c.dropped = true
		}
		return
	}
	copy(st.buf[t.start:], ph)
}

// blankTag turns a tag into spaces.
func (st *scState) blankTag(t *scTag) {
	for k := t.start; k < t.end; k++ {
		if st.buf[k] != '\n' {
			st.buf[k] = ' '
		}
	}
}

// aloneOnLine reports whether nothing but spaces (and the marks of a
// quote) stand before a tag on its first line, and nothing but spaces
// after it on its last.
func (st *scState) aloneOnLine(t *scTag) bool {
	src := st.orig
	for i := t.start - 1; i >= 0 && src[i] != '\n'; i-- {
		if c := src[i]; c != ' ' && c != '\t' && c != '>' {
			return false
		}
	}
	for i := t.end; i < len(src) && src[i] != '\n'; i++ {
		if c := src[i]; c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// unescape writes a comment tag in code as Hugo shows it, without its
// comment marks. The four bytes it is shorter become spaces: at the end of
// its line in a code block, after it in a code span.
func (st *scState) unescape(t *scTag) {
	lit := t.literal
	eol := bytes.IndexByte(st.buf[t.end:], '\n')
	if eol < 0 {
		eol = len(st.buf) - t.end
	}
	eol += t.end
	end := t.end
	if !st.inCodeSpan(t.start) {
		end = eol
	}
	rest := bytes.Clone(st.buf[t.end:end])
	n := copy(st.buf[t.start:], lit)
	n += copy(st.buf[t.start+n:], rest)
	for k := t.start + n; k < end; k++ {
		st.buf[k] = ' '
	}
}

// inCodeSpan reports whether off lies in a code span rather than a code
// block: a piece of code that starts after something else on its line.
func (st *scState) inCodeSpan(off int) bool {
	for _, s := range st.code {
		if s.a <= off && off < s.b {
			return lineStart(st.orig, s.a) != s.a
		}
	}
	return false
}

// blank turns the inner content of a code shortcode into blank lines,
// keeping its newlines and, in a quote, the quote marks that start its
// lines.
func (st *scState) blank(open *scTag, to int) {
	from := open.end
	quoted := bytes.IndexByte(st.orig[lineStart(st.orig, open.start):open.start], '>') >= 0
	head := true
	for k := from; k < to; k++ {
		switch c := st.buf[k]; {
		case c == '\n':
			head = true
		case head && (c == ' ' || c == '\t' || quoted && c == '>'):
		default:
			head = false
			st.buf[k] = ' '
		}
	}
}

// blockAt returns the tag whose block placeholder starts at off.
func (st *scState) blockAt(off int) (int, bool) {
	i := sort.Search(len(st.tags), func(i int) bool { return st.tags[i].start >= off })
	if i < len(st.tags) && st.tags[i].start == off && st.info[i].state == tagLive && st.info[i].block {
		return i, true
	}
	return 0, false
}

// scBlockParser opens a block at a line holding a shortcode's block
// placeholder; for a pair of such lines, the lines between are its
// children (or its code).
type scBlockParser struct{}

func (scBlockParser) Trigger() []byte { return []byte{0x1a} }

func (scBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	st, _ := pc.Get(scKey).(*scState)
	if st == nil {
		return nil, parser.NoChildren
	}
	line, seg := reader.PeekLine()
	i := bytes.IndexByte(line, 0x1a)
	if i < 0 || !util.IsBlank(line[:i]) {
		return nil, parser.NoChildren
	}
	idx, ok := st.blockAt(seg.Start + i - seg.Padding)
	if !ok {
		return nil, parser.NoChildren
	}
	n := &scBlock{tag: idx}
	if c := st.info[idx].call; c != nil && c.open == idx && c.close >= 0 && st.info[c.close].block && !c.dropped {
		n.container, n.code = true, c.code
	}
	reader.AdvanceToEOL()
	if n.container && !n.code {
		return n, parser.HasChildren
	}
	return n, parser.NoChildren
}

func (scBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*scBlock)
	st, _ := pc.Get(scKey).(*scState)
	if !n.container || st == nil {
		return parser.Close
	}
	line, seg := reader.PeekLine()
	if i := bytes.IndexByte(line, 0x1a); i >= 0 && util.IsBlank(line[:i]) {
		if idx, ok := st.blockAt(seg.Start + i - seg.Padding); ok && idx == st.info[n.tag].call.close {
			reader.AdvanceToEOL()
			n.closed = true
			st.info[idx].node = n
			return parser.Close
		}
	}
	if n.code {
		if util.IsBlank(line) {
			reader.AdvanceToEOL()
			return parser.Continue | parser.NoChildren
		}
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (scBlockParser) Close(ast.Node, text.Reader, parser.Context) {}
func (scBlockParser) CanInterruptParagraph() bool                 { return true }
func (scBlockParser) CanAcceptIndentedLine() bool                 { return false }

// scTransformer places the shortcodes once goldmark has parsed.
type scTransformer struct{}

func (scTransformer) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(scKey).(*scState)
	if st == nil {
		return
	}
	st.pc, st.root = pc, root
	st.resolve(root)
	root.SetAttributeString(scAttr, st)
}

// scExtension adds the shortcode block parser, transformer and renderer
// to goldmark.
type scExtension struct{}

func (scExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(scBlockParser{}, 50)),
		parser.WithASTTransformers(util.Prioritized(scTransformer{}, 999)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(scRenderer{}, 100)))
}

// resolve places the shortcodes in the tree goldmark made of st.buf: the
// inline ones cut out of the text, each pair's content moved into it, the
// block-level ones lifted out of paragraphs, link destinations expanded.
func (st *scState) resolve(root ast.Node) {
	var texts []*ast.Text
	var dests []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			if st.inlineAt(n.Segment.Start, n.Segment.Stop) >= 0 {
				texts = append(texts, n)
			}
		case *scBlock:
			st.info[n.tag].node = n
		case *ast.Link, *ast.Image:
			dests = append(dests, n)
		case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		st.cut(t)
	}
	for _, c := range st.calls {
		c.prepare()
	}
	for _, n := range dests {
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = st.expandDest(n.Destination)
		case *ast.Image:
			n.Destination = st.expandDest(n.Destination)
		}
	}
	// Pairs, the inner ones (which close first) before those around them.
	var pairs []*scCall
	for _, c := range st.calls {
		if c.close >= 0 && !c.dropped {
			pairs = append(pairs, c)
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].close < pairs[j].close })
	for _, c := range pairs {
		st.nest(c)
	}
	for _, c := range st.calls {
		st.place(c)
	}
	for i := range st.info {
		if info := &st.info[i]; info.call == nil && info.node != nil {
			st.remove(info.node) // an unmatched closing tag
			info.node, info.done = nil, true
		}
	}
	for _, p := range st.emptied {
		if isParagraph(p) && p.Parent() != nil && isBlank(p, st.buf) {
			p.Parent().RemoveChild(p.Parent(), p)
		}
	}
}

// isBlank reports whether a paragraph holds nothing but spaces.
func isBlank(p ast.Node, src []byte) bool {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || !util.IsBlank(t.Segment.Value(src)) {
			return false
		}
	}
	return true
}

// inlineAt returns the index in st.inl of the first live inline tag
// whose placeholder overlaps [a, b), or -1.
func (st *scState) inlineAt(a, b int) int {
	k := sort.Search(len(st.inl), func(k int) bool { return st.info[st.inl[k]].end > a })
	if k < len(st.inl) && st.tags[st.inl[k]].start < b {
		return k
	}
	return -1
}

// cut replaces a text node holding inline placeholders by the text around
// them and a node for each.
func (st *scState) cut(t *ast.Text) {
	parent := t.Parent()
	if parent == nil {
		return
	}
	s, e := t.Segment.Start, t.Segment.Stop
	var pieces []ast.Node
	cur := s
	for k := st.inlineAt(s, e); k >= 0 && k < len(st.inl) && st.tags[st.inl[k]].start < e; k++ {
		i := st.inl[k]
		tg := &st.tags[i]
		if tg.start >= cur {
			if tg.start > cur {
				pieces = append(pieces, ast.NewTextSegment(text.NewSegment(cur, tg.start)))
			}
			if st.info[i].node == nil {
				n := &scInline{tag: i}
				n.SetPos(tg.start)
				st.info[i].node = n
				pieces = append(pieces, n)
			}
		}
		cur = max(cur, min(st.info[i].end, e))
	}
	if cur < e || t.SoftLineBreak() || t.HardLineBreak() {
		last := ast.NewTextSegment(text.NewSegment(cur, e))
		last.SetSoftLineBreak(t.SoftLineBreak())
		last.SetHardLineBreak(t.HardLineBreak())
		pieces = append(pieces, last)
	}
	for _, n := range pieces {
		parent.InsertBefore(parent, t, n)
	}
	parent.RemoveChild(parent, t)
}

// expandDest replaces the inline placeholders of a link destination with
// the shortcodes' text: ref's target (the link then has the ref form),
// param's value.
func (st *scState) expandDest(dest []byte) []byte {
	if !bytes.Contains(dest, []byte("hbsc")) {
		return dest
	}
	var out []byte
	ref := false
	rest := string(dest)
	for {
		k := strings.Index(rest, "hbsc")
		if k < 0 {
			break
		}
		i, n := st.placeholderAt(rest[k:], false)
		if i < 0 {
			out = append(out, rest[:k+4]...)
			rest = rest[k+4:]
			continue
		}
		out = append(out, rest[:k]...)
		rest = rest[k+n:]
		st.info[i].done = true
		c := st.info[i].call
		if c == nil || c.dropped || c.open != i {
			continue
		}
		c.prepare()
		if c.isRef() {
			ref = true
			out = append(out, c.arg("path", 0)...)
		} else {
			out = append(out, c.text()...)
		}
	}
	out = append(out, rest...)
	if ref {
		out = append(out, refMarker...)
	}
	return out
}

// placeholderAt reads the placeholder at the start of s: the tag's index
// and the placeholder's length, or -1. Only the placeholders of live tags
// count, block ones when block is set.
func (st *scState) placeholderAt(s string, block bool) (int, int) {
	open, end := "hbsc", byte('X')
	if block {
		open, end = "\x1a", 0x1a
	}
	if !strings.HasPrefix(s, open) {
		return -1, 0
	}
	j := strings.IndexByte(s[len(open):min(len(s), len(open)+9)], end)
	if j <= 0 {
		return -1, 0
	}
	i, err := strconv.ParseInt(s[len(open):len(open)+j], 36, 32)
	if err != nil || i < 0 || int(i) >= len(st.tags) {
		return -1, 0
	}
	t := &st.tags[i]
	info := &st.info[i]
	if info.state != tagLive || info.block != block || info.covered {
		return -1, 0
	}
	ph := inlinePlaceholder(int(i), info.end-t.start)
	if block {
		ph = blockPlaceholder(int(i), t.end-t.start)
		// A block placeholder that ended up in a paragraph's text (a line
		// indented too far to open a block, read as the paragraph's
		// continuation) lost the spaces after it at the line's end.
		core := strings.TrimRight(ph, " ")
		if core != "" && strings.HasPrefix(s, core) {
			n := len(core)
			for n < len(ph) && n < len(s) && s[n] == ' ' {
				n++
			}
			return int(i), n
		}
		return -1, 0
	}
	if ph == "" || !strings.HasPrefix(s, ph) {
		return -1, 0
	}
	return int(i), len(ph)
}

// isParagraph reports whether n is a paragraph, which can be split.
func isParagraph(n ast.Node) bool {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return true
	}
	return false
}

// holdsInlines reports whether n's children are inline nodes.
func holdsInlines(n ast.Node) bool {
	if n.Type() == ast.TypeInline {
		return true
	}
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		return true
	}
	return n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline
}

// marker returns a new shortcode node for tag i fit to be a child of
// parent.
func (st *scState) marker(i int, parent ast.Node) ast.Node {
	var n ast.Node
	if holdsInlines(parent) {
		n = &scInline{tag: i, call: st.info[i].call}
	} else {
		n = &scBlock{tag: i, call: st.info[i].call}
	}
	n.SetPos(st.tags[i].start)
	st.info[i].node = n
	return n
}

func tagOf(n ast.Node) int {
	switch n := n.(type) {
	case *scBlock:
		return n.tag
	case *scInline:
		return n.tag
	}
	return -1
}

func callOf(n ast.Node) *scCall {
	switch n := n.(type) {
	case *scBlock:
		return n.call
	case *scInline:
		return n.call
	}
	return nil
}

func setCall(n ast.Node, c *scCall) {
	switch n := n.(type) {
	case *scBlock:
		n.call = c
	case *scInline:
		n.call = c
	}
}

// splitAt splits the paragraph holding m around it: the text before, m as
// a block, the text after. It returns the block.
func (st *scState) splitAt(m ast.Node) ast.Node {
	p := m.Parent()
	g := p.Parent()
	var after []ast.Node
	for c := m.NextSibling(); c != nil; c = c.NextSibling() {
		after = append(after, c)
	}
	p.RemoveChild(p, m)
	b := st.marker(tagOf(m), g)
	setCall(b, callOf(m))
	for c := m.FirstChild(); c != nil; {
		next := c.NextSibling()
		b.AppendChild(b, c)
		c = next
	}
	g.InsertAfter(g, p, b)
	if len(after) > 0 {
		var p2 ast.Node = ast.NewParagraph()
		if _, ok := p.(*ast.TextBlock); ok {
			p2 = ast.NewTextBlock()
		}
		for _, c := range after {
			p2.AppendChild(p2, c)
		}
		g.InsertAfter(g, b, p2)
		trimStart(p2, st.buf)
	}
	trimEnd(p, st.buf)
	if p.ChildCount() == 0 {
		g.RemoveChild(g, p)
	}
	return b
}

// trimStart drops the spaces that start a paragraph, trimEnd those that
// end it, where a shortcode was cut out.
func trimStart(p ast.Node, src []byte) {
	if t, ok := p.FirstChild().(*ast.Text); ok {
		t.Segment = t.Segment.TrimLeftSpace(src)
	}
}

func trimEnd(p ast.Node, src []byte) {
	if t, ok := p.LastChild().(*ast.Text); ok {
		t.Segment = t.Segment.TrimRightSpace(src)
		t.SetSoftLineBreak(false)
	}
}

// raise moves shortcode node m up to be a child of target: out of a
// paragraph by splitting it, out of any other node where m is its first
// child (start) or its last. It returns m's new node, or nil when m
// cannot leave a node without splitting what cannot be split.
func (st *scState) raise(m, target ast.Node, start bool) ast.Node {
	for m != nil && m.Parent() != target {
		p := m.Parent()
		if p == nil || p.Parent() == nil {
			return nil
		}
		g := p.Parent()
		switch {
		case isParagraph(p):
			m = st.splitAt(m)
		case start && m.PreviousSibling() == nil, !start && m.NextSibling() == nil:
			p.RemoveChild(p, m)
			n := st.marker(tagOf(m), g)
			if start {
				g.InsertBefore(g, p, n)
			} else {
				g.InsertAfter(g, p, n)
			}
			if p.ChildCount() == 0 {
				g.RemoveChild(g, p)
			}
			m = n
		default:
			return nil
		}
	}
	return m
}

// nest makes the nodes between a pair's tags its children; where its tags
// cannot hold them, the pair is dropped (its content shown as it stands)
// with a warning.
func (st *scState) nest(c *scCall) {
	oi, ci := &st.info[c.open], &st.info[c.close]
	if b, ok := oi.node.(*scBlock); ok && b.container {
		b.call = c
		if !b.closed && ci.node != nil && ci.node != b {
			st.remove(ci.node)
		}
		// A closing tag the container did not reach, and that is not in
		// the tree, is replaced by nothing at the end.
		oi.done, ci.done = true, ci.node != nil
		return
	}
	o, cl := oi.node, ci.node
	if ci.covered && o != nil {
		// Code written inline: one placeholder for both tags.
		setCall(o, c)
		if c.block() && isParagraph(o.Parent()) {
			o = st.splitAt(o)
		}
		oi.node, ci.node = o, o
		oi.done, ci.done = true, true
		return
	}
	if o == nil || cl == nil {
		if o == nil && cl == nil && c.def != nil && c.def.close != nil && !c.code && st.sameHTML(c) {
			c.split = true
			return
		}
		st.drop(c, "one of its tags is inside raw HTML, a link or a code span")
		return
	}
	seen := map[ast.Node]bool{}
	for p := o.Parent(); p != nil; p = p.Parent() {
		seen[p] = true
	}
	var lca ast.Node
	for p := cl.Parent(); p != nil; p = p.Parent() {
		if seen[p] {
			lca = p
			break
		}
	}
	if lca != nil && c.block() && isParagraph(lca) {
		lca = lca.Parent()
	}
	if lca != nil {
		if o = st.raise(o, lca, true); o != nil {
			cl = st.raise(cl, lca, false)
		}
	}
	if lca == nil || o == nil || cl == nil {
		st.drop(c, "its closing tag is in another part of the document's structure (another list item, quote or table cell)")
		return
	}
	for n := o.NextSibling(); n != nil && n != cl; {
		next := n.NextSibling()
		o.AppendChild(o, n)
		n = next
	}
	st.remove(cl)
	setCall(o, c)
	oi.node, ci.node = o, o
	oi.done, ci.done = true, true
	if c.code {
		for ch := o.FirstChild(); ch != nil; {
			next := ch.NextSibling()
			o.RemoveChild(o, ch)
			ch = next
		}
	}
}

func (st *scState) remove(n ast.Node) {
	if p := n.Parent(); p != nil {
		p.RemoveChild(p, n)
		st.emptied = append(st.emptied, p)
	}
}

// sameHTML reports whether both tags of a pair lie in one piece of raw
// HTML, where each can write its part.
func (st *scState) sameHTML(c *scCall) bool {
	a, b := st.tags[c.open].start, st.tags[c.close].start
	for _, s := range st.html {
		if s.a <= a && b < s.b {
			return true
		}
	}
	return false
}

// drop makes a pair render nothing, its content shown as it stands, with
// a warning for a shortcode that would have shown something.
func (st *scState) drop(c *scCall, why string) {
	c.dropped = true
	for _, i := range []int{c.open, c.close} {
		if n := st.info[i].node; n != nil {
			st.unwrap(n)
			st.info[i].node = nil
			st.info[i].done = true
		}
		// An unplaced tag's placeholder is replaced by nothing at the
		// end of the rendering.
	}
	if c.def != nil || c.site != nil {
		st.diags.Warnf(st.doc.SourcePath, c.tag().start, "put the opening and closing tags each on a line of its own, around whole paragraphs",
			"shortcode %q cannot hold its content: %s; the content is shown without it", c.name, why)
	}
}

// unwrap replaces a node by its children.
func (st *scState) unwrap(n ast.Node) {
	p := n.Parent()
	if p == nil {
		return
	}
	st.emptied = append(st.emptied, p)
	for ch := n.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		p.InsertBefore(p, n, ch)
		ch = next
	}
	p.RemoveChild(p, n)
}

// place settles a shortcode in its node: text (param, a comment) becomes
// text, one that shows nothing leaves the tree, a block-level one leaves
// its paragraph, a ref gets the link the walk records, a figure its image.
func (st *scState) place(c *scCall) {
	n := st.info[c.open].node
	if c.dropped {
		if n != nil {
			st.unwrap(n)
			st.info[c.open].node = nil
			st.info[c.open].done = true
		}
		return
	}
	if n == nil {
		return
	}
	st.info[c.open].done = true
	setCall(n, c)
	switch {
	case c.comment || c.isText():
		s := ast.NewString([]byte(c.text()))
		s.SetRaw(true)
		st.replace(n, s)
	case c.def == nil && c.site == nil:
		st.unwrap(n) // unknown: its content only
	case c.block():
		if isParagraph(n.Parent()) {
			n = st.splitAt(n)
		}
		c.addLinks(n)
	default:
		if _, ok := n.(*scBlock); ok && c.close < 0 && c.site == nil {
			// Text on a line of its own is a paragraph.
			p := ast.NewParagraph()
			in := &scInline{tag: c.open, call: c}
			in.SetPos(c.tag().start)
			p.AppendChild(p, in)
			n.Parent().ReplaceChild(n.Parent(), n, p)
			st.info[c.open].node = in
			n = in
		}
		c.addLinks(n)
	}
}

// replace puts inline node s where shortcode node n is: in a paragraph of
// its own when n is a block.
func (st *scState) replace(n, s ast.Node) {
	parent := n.Parent()
	if _, ok := n.(*scBlock); ok {
		p := ast.NewParagraph()
		p.AppendChild(p, s)
		s = p
	}
	parent.ReplaceChild(parent, n, s)
	st.info[tagOf(n)].node = s
}

// finish ends the rendering of a document: the placeholders left in its
// body (in raw HTML, an autolink, a title) become the shortcodes' output,
// and those in links recorded from raw HTML their text.
func (st *scState) finish(w *bodyWriter) {
	for i := range st.doc.BodyLinks {
		l := &st.doc.BodyLinks[i]
		if strings.Contains(l.Dest, "hbsc") {
			d := string(st.expandDest([]byte(l.Dest)))
			if i := strings.Index(d, refMarker); i >= 0 {
				d, l.Form = d[:i], handbook.LinkRef
			}
			l.Dest = d
		}
	}
	if strings.Contains(st.doc.Words, "hbsc") {
		st.doc.Words = dropPlaceholders(st.doc.Words)
	}
	h := w.String() // the NUL bytes replaced before the raw outputs go in
	if !strings.Contains(h, "hbsc") && !strings.Contains(h, "\x1a") {
		return
	}
	var b strings.Builder
	b.Grow(len(h))
	outs := map[int]string{} // a placeholder may be written twice (an autolink's href and text)
	for {
		k1, k2 := strings.Index(h, "hbsc"), strings.IndexByte(h, 0x1a)
		k := k1
		if k < 0 || (k2 >= 0 && k2 < k) {
			k = k2
		}
		if k < 0 {
			break
		}
		b.WriteString(h[:k])
		h = h[k:]
		if i, n := st.placeholderAt(h, h[0] == 0x1a); i >= 0 {
			out, ok := outs[i]
			if !ok && !st.info[i].done {
				out, ok = st.rawOutput(i), true
				outs[i] = out
			}
			if ok {
				b.WriteString(out)
				h = h[n:]
				continue
			}
		}
		b.WriteByte(h[0])
		h = h[1:]
	}
	b.WriteString(h)
	w.b.Reset()
	w.b.WriteString(b.String())
}

// check reports the built-ins' unknown arguments and counts the uses of
// unknown shortcodes, in one warning per name for the document (the build
// folds them into one per name for the run: FoldShortcodes).
func (st *scState) check() {
	type use struct{ n, first int }
	unknown := map[string]*use{}
	for _, c := range st.calls {
		t := c.tag()
		switch {
		case c.comment, c.site != nil:
		case c.def != nil:
			for _, a := range t.args {
				if a.name == "" || c.def.takes(a.name) {
					continue
				}
				hint := "it takes " + strings.Join(c.def.args, ", ")
				if len(c.def.args) == 0 {
					hint = "it takes no named arguments"
				}
				if s := diag.Suggest(a.name, c.def.args); s != "" {
					hint = fmt.Sprintf("did you mean %q? %s", s, hint)
				}
				st.diags.Warnf(st.doc.SourcePath, a.off, hint, "shortcode %q has no argument %q", c.name, a.name)
			}
		default:
			key := c.name
			if st.liquid[t.start] {
				key = "\x00" + key // Liquid's, told apart in the warning
			}
			u := unknown[key]
			if u == nil {
				u = &use{first: t.start}
				unknown[key] = u
			}
			u.n++
		}
	}
	names := make([]string, 0, len(unknown))
	for n := range unknown {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		u := unknown[n]
		if name, ok := strings.CutPrefix(n, "\x00"); ok {
			st.diags.Warnf(st.doc.SourcePath, u.first, "Liquid tags belong to another generator (Jekyll, Eleventy); write its content as Markdown, or add layouts/shortcodes/"+name+".html to render it",
				unknownFormat, liquidKind, name, u.n, plural(u.n, "use", "uses"))
			continue
		}
		st.diags.Warnf(st.doc.SourcePath, u.first, unknownHint(n), unknownFormat, hugoKind, n, u.n, plural(u.n, "use", "uses"))
	}
}

// unknownFormat is the message of the warning about an unknown shortcode;
// FoldShortcodes reads it back.
const unknownFormat = "%s %q is not known: it shows its inner content only (%d %s)"

// hugoKind and liquidKind name what an unknown tag is in its warning.
const (
	hugoKind   = "Hugo shortcode"
	liquidKind = "Liquid block tag"
)

func unknownHint(name string) string {
	return "write its content as Markdown, or add layouts/shortcodes/" + name + ".html to render it"
}
