package markdown

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/sitepath"
)

// Raw HTML in safe mode (config.RawHTMLSafe).
//
// goldmark hands raw HTML over in pieces: an HTML block is one node of
// lines, and inline HTML is one node per tag (a <kbd> and its </kbd> are
// two nodes, with Markdown between them). Each piece is read by the HTML
// tokenizer of golang.org/x/net/html, as a browser reads it, and written
// again token by token: an element of the allow-list keeps the attributes
// the list names for it, anything else is dropped. Since every piece is
// written as whole tokens (never half a tag, never a comment, never an
// element whose content a browser reads as raw text), pieces and the
// Markdown between them cannot combine into markup that none of them holds;
// an element opened in one piece and closed in another (a <details> around
// Markdown paragraphs) stays open between them, as it would in a browser.
//
// The content of a dropped script, style, frame, object, form control or
// SVG goes too: up to its end tag, in the piece or in the pieces and the
// Markdown that follow it inside the same parent.
//
// URLs are checked by sitepath.SafeURL, the rule of Markdown links: an href
// may be relative or http, https, mailto or tel; an image's src may also be
// the data: URL of a raster image. Links and images that stay are recorded
// as the body's links, so that they are checked and rewritten as Markdown
// links are.

// htmlGlobalAttrs are the attributes every allowed element keeps.
var htmlGlobalAttrs = []string{"class", "id", "title", "lang", "dir", "hidden", "role",
	"aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "aria-disabled"}

// htmlElements is the allow-list: each element kept, with the attributes
// it keeps besides htmlGlobalAttrs.
var htmlElements = map[string][]string{
	"a":   {"href", "name", "target", "rel", "hreflang"},
	"img": {"src", "alt", "width", "height", "loading", "decoding", "align"},

	"div": {"align"}, "span": nil, "p": {"align"}, "br": nil, "hr": nil,
	"h1": {"align"}, "h2": {"align"}, "h3": {"align"}, "h4": {"align"}, "h5": {"align"}, "h6": {"align"},
	"section": nil, "article": nil, "aside": nil, "header": nil, "footer": nil, "address": nil,
	"blockquote": {"cite"}, "figure": nil, "figcaption": nil, "pre": nil,
	"details": {"open"}, "summary": nil,

	"ul": {"type"}, "ol": {"start", "reversed", "type"}, "li": {"value"},
	"dl": nil, "dt": nil, "dd": nil,

	"table": {"align", "width"}, "caption": nil, "thead": nil, "tbody": nil, "tfoot": nil,
	"tr": {"align", "valign"}, "col": {"span", "width"}, "colgroup": {"span", "width"},
	"th": {"colspan", "rowspan", "headers", "scope", "abbr", "align", "valign", "width", "height"},
	"td": {"colspan", "rowspan", "headers", "align", "valign", "width", "height"},

	"em": nil, "strong": nil, "b": nil, "i": nil, "u": nil, "s": nil, "strike": nil,
	"del": {"cite", "datetime"}, "ins": {"cite", "datetime"}, "q": {"cite"},
	"code": nil, "kbd": nil, "samp": nil, "var": nil, "tt": nil,
	"sup": nil, "sub": nil, "small": nil, "mark": nil, "abbr": nil, "cite": nil, "dfn": nil,
	"time": {"datetime"}, "wbr": nil, "bdi": nil, "bdo": nil,
	"ruby": nil, "rt": nil, "rp": nil,
}

// htmlAllowed is htmlElements with the global attributes, as sets.
var htmlAllowed = func() map[string]map[string]bool {
	m := make(map[string]map[string]bool, len(htmlElements))
	for el, attrs := range htmlElements {
		set := make(map[string]bool, len(attrs)+len(htmlGlobalAttrs))
		for _, a := range append(attrs, htmlGlobalAttrs...) {
			set[a] = true
		}
		m[el] = set
	}
	return m
}()

// htmlVoid are the allowed elements without an end tag.
var htmlVoid = map[string]bool{"br": true, "hr": true, "img": true, "wbr": true, "col": true}

// htmlSkipContent are the dropped elements whose content goes with them:
// what a browser would run, embed or hide, never show as text.
var htmlSkipContent = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true,
	"iframe": true, "frame": true, "frameset": true, "noframes": true,
	"object": true, "applet": true, "noembed": true, "head": true, "title": true,
	"textarea": true, "select": true, "xmp": true, "plaintext": true,
	"svg": true, "math": true,
}

// htmlRawText are the elements whose content the tokenizer reads as text,
// up to their end tag: one never nests inside another.
var htmlRawText = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "iframe": true,
	"noembed": true, "noframes": true, "noscript": true, "plaintext": true, "xmp": true,
}

// urlAttr tells whether an allowed attribute holds a URL, and whether it
// is an image's (only img has src).
func urlAttr(attr string) (isURL, image bool) {
	switch attr {
	case "href", "cite":
		return true, false
	case "src":
		return true, true
	}
	return false, false
}

// shadowsGlobal reports an id or a name that would shadow a variable of
// the theme's script: an element's id is a property of window, so
// id="HANDBOOK_SEARCH" would stand for the search index the script looks
// for there (DOM clobbering). The theme names its globals handbook...,
// in any case; ids that are no JavaScript name (handbook-faq) shadow
// nothing a script reads by name.
func shadowsGlobal(v string) bool {
	if len(v) < len("handbook") || !strings.EqualFold(v[:len("handbook")], "handbook") {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '$') {
			return false
		}
	}
	return true
}

// htmlFilter sanitises the raw HTML of one document, piece by piece, and
// keeps what it dropped for one warning.
type htmlFilter struct {
	// drops counts what was dropped, in the order first seen.
	drops []drop
	// first is the source offset of the first thing dropped, or -1.
	first int
	// skip is the dropped element whose content is being dropped, skipDepth
	// how many of it are open, skipParent the node whose children the
	// skipping runs over.
	skip       string
	skipDepth  int
	skipParent ast.Node
	// link records a link (image: an image) found at a source offset and
	// returns its slot, or nil to keep the URL as written.
	link func(dest string, image bool, off int) []byte
	// anchors are the ids and names kept, for links to them.
	anchors []string
	// text receives the text kept, for the word index.
	text func([]byte)
	out  []byte
	// attrs holds a tag's attributes while it is read.
	attrs [][2][]byte
	// mdx says the HTML is an MDX page's: Docusaurus' Tabs and TabItem
	// components are shown as the theme's tab pane (mdxTabs).
	mdx bool
	// links is the number of <a> elements open: an image from another
	// host inside one is shown as its text alone (writeOutsideImage).
	links int
	// outsideLabel labels an image from another host (Words).
	outsideLabel string
}

// mdxTab writes Docusaurus' <Tabs> and <TabItem label="Go"> (start, or
// their end tags) as the theme shows Docsy's tabpane and tab, and reports
// whether name was one of them; the tab's label is its label, else its
// value.
func (f *htmlFilter) mdxTab(name string, z *html.Tokenizer, hasAttr, start bool) bool {
	if !f.mdx || name != "tabs" && name != "tabitem" {
		return false
	}
	switch {
	case !start && name == "tabs":
		f.out = append(f.out, tabPaneEnd...)
	case !start:
		f.out = append(f.out, tabEnd...)
	case name == "tabs":
		f.out = append(f.out, tabPaneStart...)
	default:
		var label, value []byte
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch string(k) {
			case "label":
				label = bytes.Clone(v)
			case "value":
				value = bytes.Clone(v)
			}
		}
		if len(label) == 0 {
			label = value
		}
		f.out = append(f.out, tabStart(string(appendEscaped(nil, label)))...)
	}
	return true
}

type drop struct {
	what string
	n    int
}

func newHTMLFilter() *htmlFilter { return &htmlFilter{first: -1} }

// dropped records one thing dropped at a source offset.
func (f *htmlFilter) dropped(what string, off int) {
	if f.first < 0 || off < f.first {
		f.first = off
	}
	for i := range f.drops {
		if f.drops[i].what == what {
			f.drops[i].n++
			return
		}
	}
	f.drops = append(f.drops, drop{what, 1})
}

// summary lists what was dropped: "2 <script>, 1 onclick attribute, 1
// javascript: URL".
func (f *htmlFilter) summary() string {
	var b strings.Builder
	for i, d := range f.drops {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(d.n))
		b.WriteByte(' ')
		b.WriteString(d.what)
		if d.n > 1 && !strings.HasPrefix(d.what, "<") {
			b.WriteByte('s')
		}
	}
	return b.String()
}

// elementLabel names a dropped element in the summary: "<script>".
func elementLabel(name string) string {
	if len(name) > 40 {
		name = strings.ToValidUTF8(name[:40], "") + "…"
	}
	return "<" + name + ">"
}

// attrLabel names a dropped attribute in the summary.
func attrLabel(key string) string {
	if len(key) > 40 {
		key = strings.ToValidUTF8(key[:40], "") + "…"
	}
	return key + " attribute"
}

// sanitize returns the allowed part of one piece of raw HTML. at maps an
// offset into raw to an offset into the source, for positions.
func (f *htmlFilter) sanitize(raw []byte, at func(int) int) []byte {
	f.out = f.out[:0]
	if name, end, ok := plainTag(raw); ok && f.skip == "" {
		// Most inline HTML is <kbd>, </sup> or <br>: written as the
		// tokenizer's way would write it, without a tokenizer.
		if _, ok := htmlAllowed[name]; ok {
			if !end {
				f.out = append(append(append(f.out, '<'), name...), '>')
			} else if !htmlVoid[name] {
				f.out = append(append(append(f.out, "</"...), name...), '>')
			}
			return f.out
		}
	}
	return f.tokens(raw, at)
}

// tokens appends the allowed part of raw HTML to f.out, token by token.
func (f *htmlFilter) tokens(raw []byte, at func(int) int) []byte {
	z := html.NewTokenizer(bytes.NewReader(raw))
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		off := pos
		pos += len(z.Raw())
		switch tt {
		case html.TextToken:
			t := z.Text()
			if f.skip == "" {
				f.writeText(t)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			f.startTag(z, tt, at(off))
		case html.EndTagToken:
			name, _ := z.TagName()
			f.endTag(string(name))
		}
		// Comments, doctypes and CDATA go without a word: they show nothing.
	}
	return f.out
}

// plainTag reads a start or end tag without attributes ("<kbd>", "</sup >",
// "<br/>"): its name in lower case and whether it is an end tag.
func plainTag(raw []byte) (name string, end, ok bool) {
	if len(raw) < 3 || raw[0] != '<' || raw[len(raw)-1] != '>' {
		return "", false, false
	}
	b := raw[1 : len(raw)-1]
	if b[0] == '/' {
		end, b = true, b[1:]
	}
	i := 0
	for i < len(b) && ('a' <= b[i] && b[i] <= 'z' || 'A' <= b[i] && b[i] <= 'Z' || i > 0 && '0' <= b[i] && b[i] <= '9') {
		i++
	}
	if i == 0 || i > 10 {
		return "", false, false
	}
	rest := b[i:]
	for len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n') {
		rest = rest[1:]
	}
	if len(rest) > 0 && !(len(rest) == 1 && rest[0] == '/' && !end) {
		return "", false, false
	}
	var buf [10]byte
	n := copy(buf[:], b[:i])
	for j := range n {
		buf[j] |= 0x20
	}
	return string(buf[:n]), end, true
}

// startTag writes an allowed start tag with its allowed attributes, or
// drops it.
func (f *htmlFilter) startTag(z *html.Tokenizer, tt html.TokenType, off int) {
	nameB, hasAttr := z.TagName()
	name := string(nameB)
	if f.skip != "" {
		if name == f.skip && tt == html.StartTagToken && !htmlRawText[name] {
			f.skipDepth++
		}
		return
	}
	if f.mdxTab(name, z, hasAttr, true) {
		return
	}
	allowed, ok := htmlAllowed[name]
	if !ok {
		f.dropped(elementLabel(name), off)
		// <svg/> is an empty element; <script/> and <object/> are start
		// tags, as a browser reads them.
		if htmlSkipContent[name] && (tt == html.StartTagToken || name != "svg" && name != "math") {
			f.skip, f.skipDepth = name, 1
		}
		return
	}
	f.out = append(f.out, '<')
	f.out = append(f.out, name...)
	var seen [8]string
	kept := seen[:0]
	alt, imageDropped := []byte(nil), false
	var outside []byte // the slot of an image from another host
	outsideDest := ""
	start, anchors := len(f.out)-len(name)-1, len(f.anchors)
	// The attributes are read first, as a link marked
	// aria-disabled="true" is one its author says does not work (a style
	// guide's example of link text): its href is kept and not checked.
	f.attrs = f.attrs[:0]
	disabled := false
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		f.attrs = append(f.attrs, [2][]byte{k, v})
		disabled = disabled || name == "a" && string(k) == "aria-disabled" && strings.EqualFold(string(v), "true")
	}
	for _, kv := range f.attrs {
		k, v := kv[0], kv[1]
		key := string(k)
		if !allowed[key] {
			f.dropped(attrLabel(key), off)
			continue
		}
		if contains(kept, key) {
			continue // a browser keeps the first
		}
		kept = append(kept, key)
		val := string(v)
		if isURL, image := urlAttr(key); isURL {
			if scheme, ok := sitepath.SafeURL(val, image); !ok {
				f.dropped(scheme+": URL", off)
				imageDropped = name == "img"
				continue
			}
			if (name == "a" && key == "href" && !disabled || name == "img" && key == "src") && val != "" && f.link != nil {
				if slot := f.link(val, image, off); slot != nil {
					if name == "img" && outsideURL(val) {
						outside, outsideDest = slot, val
					}
					f.out = append(f.out, ' ')
					f.out = append(f.out, key...)
					f.out = append(f.out, `="`...)
					f.out = append(f.out, slot...)
					f.out = append(f.out, '"')
					continue
				}
			}
		}
		if key == "id" || key == "name" {
			if shadowsGlobal(val) {
				f.dropped(attrLabel(key), off)
				continue
			}
			f.anchors = append(f.anchors, val)
		}
		if key == "alt" {
			alt = bytes.Clone(v)
		}
		f.out = append(f.out, ' ')
		f.out = append(f.out, key...)
		f.out = append(f.out, `="`...)
		f.out = appendEscaped(f.out, v)
		f.out = append(f.out, '"')
	}
	if imageDropped {
		// As a Markdown image with a refused URL: its text stays.
		f.out, f.anchors = f.out[:start], f.anchors[:anchors]
		f.writeText(alt)
		return
	}
	if outside != nil {
		f.out, f.anchors = f.out[:start], f.anchors[:anchors]
		if f.text != nil && len(alt) > 0 {
			f.text(alt)
		}
		var b strings.Builder
		writeOutsideImage(&b, func() { b.Write(outside) }, f.outsideLabel, string(appendEscaped(nil, alt)), outsideName(outsideDest), f.links > 0)
		f.out = append(f.out, b.String()...)
		return
	}
	if name == "a" && tt == html.StartTagToken {
		f.links++
	}
	f.out = append(f.out, '>')
}

// endTag writes the end tag of an allowed element, and ends the skipping
// of a dropped element's content.
func (f *htmlFilter) endTag(name string) {
	if f.skip != "" {
		if name == f.skip {
			if f.skipDepth--; f.skipDepth == 0 {
				f.skip = ""
			}
		}
		return
	}
	if f.mdxTab(name, nil, false, false) {
		return
	}
	if name == "a" && f.links > 0 {
		f.links--
	}
	if _, ok := htmlAllowed[name]; ok && !htmlVoid[name] {
		f.out = append(f.out, "</"...)
		f.out = append(f.out, name...)
		f.out = append(f.out, '>')
	}
}

func (f *htmlFilter) writeText(t []byte) {
	if len(t) == 0 {
		return
	}
	if f.text != nil {
		f.text(t)
	}
	f.out = appendEscaped(f.out, t)
}

// appendEscaped appends s escaped as HTML text or a quoted attribute's
// value; a NUL byte becomes U+FFFD, as everywhere in a body.
func appendEscaped(b, s []byte) []byte {
	for _, c := range s {
		switch c {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&#34;"...)
		case '\'':
			b = append(b, "&#39;"...)
		case 0:
			b = append(b, replacement...)
		default:
			b = append(b, c)
		}
	}
	return b
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// skipping reports whether a node, a child of parent, is in the content
// of a dropped element that an earlier piece opened.
func (f *htmlFilter) skipping(parent ast.Node) bool {
	return f.skip != "" && parent == f.skipParent
}

// leave ends the skipping when the walk leaves the node it runs over: a
// dropped element left open in a list item ends with the item.
func (f *htmlFilter) leave(n ast.Node) {
	if f.skip != "" && n == f.skipParent {
		f.skip, f.skipDepth, f.skipParent = "", 0, nil
	}
}

// pieceText returns the text of a raw HTML node and a function from an
// offset into it to an offset into the source: an HTML block's lines are
// not contiguous inside a list item or a quote.
func pieceText(n ast.Node, src []byte) ([]byte, func(int) int) {
	var segs []text.Segment
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := range n.Segments.Len() {
			segs = append(segs, n.Segments.At(i))
		}
	case *ast.HTMLBlock:
		for i := range n.Lines().Len() {
			segs = append(segs, n.Lines().At(i))
		}
		if n.HasClosure() {
			segs = append(segs, n.ClosureLine)
		}
	}
	if len(segs) == 1 && segs[0].Padding == 0 {
		s := segs[0]
		return s.Value(src), func(k int) int { return s.Start + k }
	}
	var b []byte
	for _, s := range segs {
		b = append(b, s.Value(src)...)
	}
	return b, func(k int) int {
		for _, s := range segs {
			l := s.Len() + s.Padding
			if k < l {
				return s.Start + max(k-s.Padding, 0)
			}
			k -= l
		}
		if len(segs) == 0 {
			return n.Pos()
		}
		return segs[len(segs)-1].Stop
	}
}

// KindSafeHTML is the AST kind of raw HTML that the sanitiser kept.
var KindSafeHTML = ast.NewNodeKind("SafeHTML")

// SafeHTML is inline raw HTML as the sanitiser wrote it: HTML with link
// slots.
type SafeHTML struct {
	ast.BaseInline
	HTML []byte
}

// Kind implements ast.Node.
func (n *SafeHTML) Kind() ast.NodeKind { return KindSafeHTML }

// Dump implements ast.Node.
func (n *SafeHTML) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"HTML": string(n.HTML)}, nil)
}

// KindSafeHTMLBlock is the AST kind of an HTML block that the sanitiser
// kept.
var KindSafeHTMLBlock = ast.NewNodeKind("SafeHTMLBlock")

// SafeHTMLBlock is an HTML block as the sanitiser wrote it: HTML with link
// slots.
type SafeHTMLBlock struct {
	ast.BaseBlock
	HTML []byte
}

// Kind implements ast.Node.
func (n *SafeHTMLBlock) Kind() ast.NodeKind { return KindSafeHTMLBlock }

// Dump implements ast.Node.
func (n *SafeHTMLBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"HTML": string(n.HTML)}, nil)
}

// IsRaw implements ast.Node.
func (n *SafeHTMLBlock) IsRaw() bool { return true }

// safeHTMLRenderer writes SafeHTML and SafeHTMLBlock nodes as they are,
// slots and all.
type safeHTMLRenderer struct{}

func (safeHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSafeHTML, renderSafeHTML)
	reg.Register(KindSafeHTMLBlock, renderSafeHTML)
}

func renderSafeHTML(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		switch n := n.(type) {
		case *SafeHTML:
			writeSlot(w, n.HTML)
		case *SafeHTMLBlock:
			writeSlot(w, n.HTML)
		}
	}
	return ast.WalkSkipChildren, nil
}

// node sanitises one raw HTML node of a document and returns the node
// that replaces it once the walk is over.
func (f *htmlFilter) node(n ast.Node, src []byte) ast.Node {
	raw, at := pieceText(n, src)
	out := bytes.Clone(f.sanitize(raw, at))
	switch {
	case f.skip == "":
		f.skipParent = nil
	case f.skipParent == nil:
		f.skipParent = n.Parent()
	}
	if n.Type() == ast.TypeBlock {
		if linkRow(out) {
			out = markLinkRow(out)
		}
		b := &SafeHTMLBlock{HTML: out}
		b.SetBlankPreviousLines(n.HasBlankPreviousLines())
		return b
	}
	return &SafeHTML{HTML: out}
}

// linkRow reports whether a sanitised HTML block is a <div> that holds
// links and nothing else, two or more (a home page's row of cards whose
// icons, on another host, are gone): the theme, which has not the other
// site's stylesheet, lays them out as a row of links.
func linkRow(out []byte) bool {
	z := html.NewTokenizer(bytes.NewReader(out))
	depth, inLink, links := 0, false, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return depth == 0 && links >= 2
		case html.TextToken:
			if !inLink && len(bytes.TrimSpace(z.Text())) > 0 {
				return false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch {
			case depth == 0 && string(name) == "div" && links == 0:
				depth = 1
			case depth == 1 && !inLink && string(name) == "a" && tt == html.StartTagToken:
				inLink = true
				links++
			case !inLink:
				return false
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch {
			case inLink && string(name) == "a":
				inLink = false
			case !inLink && depth == 1 && string(name) == "div":
				depth = 0
			case !inLink:
				return false
			}
		}
	}
}

// markLinkRow adds the class link-row to the <div> a linkRow block opens
// with.
func markLinkRow(out []byte) []byte {
	start := bytes.Index(out, []byte("<div"))
	end := bytes.IndexByte(out[start:], '>') + start
	if i := bytes.Index(out[start:end], []byte(` class="`)); i >= 0 {
		at := start + i + len(` class="`)
		return slices.Concat(out[:at], []byte("link-row "), out[at:])
	}
	at := start + len("<div")
	return slices.Concat(out[:at], []byte(` class="link-row"`), out[at:])
}

// removeIfEmpty removes a paragraph that holds nothing but raw HTML the
// sanitiser dropped (an <svg> on a line of its own), rather than leave an
// empty <p></p>.
func removeIfEmpty(n ast.Node) {
	if n == nil || n.Kind() != ast.KindParagraph || n.Parent() == nil {
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s, ok := c.(*SafeHTML); !ok || len(s.HTML) > 0 {
			return
		}
	}
	n.Parent().RemoveChild(n.Parent(), n)
}

// recordLink is the htmlFilter's link function for a document: it records
// the link and returns its slot.
func recordLink(doc *handbook.Document) func(string, bool, int) []byte {
	return func(dest string, image bool, off int) []byte {
		form := handbook.LinkMarkdown
		if image {
			form = handbook.LinkImage
		}
		if i := strings.Index(dest, refMarker); i >= 0 {
			dest = dest[:i]
			if !image {
				form = handbook.LinkRef
			}
		}
		i := len(doc.BodyLinks)
		doc.BodyLinks = append(doc.BodyLinks, handbook.BodyLink{Dest: dest, Form: form, Offset: off})
		return Slot(i)
	}
}
