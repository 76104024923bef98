// Package markdown parses one document: front matter and body, in a single
// goldmark pass.
//
// Input: a *handbook.Document with Path and Source set. Output: the same
// document with its front matter fields, its rendered body HTML, its links,
// headings and word count, and diagnostics for everything wrong in the file.
//
// Links are not resolved here: each link's href in the HTML is a slot
// ("\x00N\x00" for Links[N]) that the render stage fills once the graph stage
// has resolved it. A Parser is safe for concurrent use.
//
// Hugo shortcodes are rendered in the same pass (shortcode.go), every
// offset still one into the file as written; a document that has any is
// read once more before it, to find the code where they stay as written.
// Their output may depend on Options.Shortcodes: the site's own shortcode
// templates, its params, the files readfile reads.
package markdown

import (
	"bytes"
	"fmt"
	"maps"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// Options configure a Parser.
type Options struct {
	// RawHTML is what becomes of raw HTML: config.RawHTMLSafe (the
	// default, also for "") sanitises it and counts what it dropped in one
	// warning per document, config.RawHTMLAll lets it through as written,
	// config.RawHTMLNone omits it and counts it.
	RawHTML config.RawHTML
	// KindOf gives the default kind of a document from its folder: its
	// slash path from the content folder, "" for the root.
	KindOf func(section string) handbook.Kind
	// Shortcodes give Hugo shortcodes the site's own templates, the
	// content folder and the site's params (shortcode_site.go).
	Shortcodes ShortcodeOptions
	// Words are the theme's words the rendered body holds, in the
	// handbook's language (English when empty).
	Words Words
	// Abbreviations are defined for every document (MkDocs' glossary,
	// Abbreviations reads them), beside those a document defines.
	Abbreviations map[string][]byte
}

// Words are the theme's words a body holds: labels a reader hears or
// sees, in the handbook's language.
type Words struct {
	// Permalink labels a heading's "#" link for screen readers ("Link
	// to this section").
	Permalink string
	// Details is the summary of a details shortcode that gives none.
	Details string
	// OutsideImage labels the link that stands for an image on another
	// host ("Image"), which is not loaded.
	OutsideImage string
}

func (w Words) permalink() string {
	if w.Permalink == "" {
		return "Link to this section"
	}
	return w.Permalink
}

func (w Words) details() string {
	if w.Details == "" {
		return "Details"
	}
	return w.Details
}

func (w Words) outsideImage() string {
	if w.OutsideImage == "" {
		return "Image"
	}
	return w.OutsideImage
}

// Parser parses documents. It is safe for concurrent use.
type Parser struct {
	md   goldmark.Markdown
	opts Options
	// words holds word indexes between documents: their tables are
	// scratch, and a fresh one per document was a sixth of parsing.
	words sync.Pool
	// bodies holds the buffers bodies are rendered into, between
	// documents.
	bodies sync.Pool
	// sc holds the site's shortcode templates, compiled once.
	sc scShared
	// notes finds the notes an embed names (embedNote), made once.
	notes     map[string][]string
	notesOnce sync.Once
}

// Words are the theme's words the parser writes into bodies.
func (p *Parser) Words() Words { return p.opts.Words }

// New returns a Parser.
func New(opts Options) *Parser {
	rendererOpts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(safeHTMLRenderer{}, 100))}
	switch opts.RawHTML {
	case config.RawHTMLAll:
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	case config.RawHTMLNone:
	default:
		opts.RawHTML = config.RawHTMLSafe
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			gfm{}, // extension.GFM, with linkify behind a filter
			extension.Footnote,
			extension.DefinitionList,
			// GitHub's emoji shortcodes (:rocket:), as GitHub, GitLab and
			// MkDocs' pymdownx.emoji show them: the character itself.
			emoji.New(emoji.WithRenderingMethod(emoji.Unicode)),
			extender{opts.Words}, // front matter (goldmark-meta's parser among them), links, code
		),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	if opts.KindOf == nil {
		opts.KindOf = func(string) handbook.Kind { return handbook.KindPage }
	}
	return &Parser{md: md, opts: opts}
}

// Slot is the placeholder written as the href of body link i.
func Slot(i int) []byte {
	b := make([]byte, 0, 8)
	b = strconv.AppendInt(append(b, 0), int64(i), 10)
	return append(b, 0)
}

// Parse fills doc from doc.Source, reporting problems to diags. A document
// that cannot be read at all (not UTF-8, empty) is left without a title, and
// the caller drops it.
func (p *Parser) Parse(doc *handbook.Document, into *diag.List) {
	doc.Outline, doc.Body = &handbook.Outline{}, &handbook.Body{}
	src := doc.Source
	original := src
	// The document's problems are gathered apart and handed on with its
	// bytes only when there are some: a list that kept the bytes of every
	// file would keep the whole handbook alive after its parse.
	diags := &diag.List{}
	defer func() {
		if diags.Len() > 0 {
			diags.AddSource(doc.SourcePath, original)
			into.Merge(diags)
		}
	}()
	if utf16(src) {
		// What Windows tools write by default (PowerShell's >, Notepad's
		// "Unicode"); without a byte order mark it may even be valid
		// UTF-8, a NUL between letters.
		diags.Errorf(doc.SourcePath, 0, "save it as UTF-8 (an editor's Save as… offers the encoding; or iconv -f utf-16 -t utf-8)",
			"file is UTF-16, not UTF-8")
		return
	}
	if !utf8.Valid(src) {
		off := firstInvalid(src)
		diags.Errorf(doc.SourcePath, off, "save the file as UTF-8 (for example: iconv -f latin1 -t utf-8)", "file is not valid UTF-8 (byte 0x%02x at offset %d)", src[off], off)
		return
	}
	// The parse reads a copy of the same length where the file needs one,
	// so that its offsets are offsets into the file as written.
	doc.Source = asParsed(src)
	mdx := readsAsMDX(doc.Path, doc.Source)
	if mdx {
		doc.Source = blankMDX(doc.Source)
	}
	defer func() { doc.Source = original }()
	if len(bytes.TrimSpace(doc.Source)) == 0 {
		if !doc.IsSection && !sectionMarker(doc.Path) {
			// Left without a title, it is not published: a warning,
			// since a stub harms no reader.
			diags.Warnf(doc.SourcePath, 0, "it is not published: write a title in front matter (---\\ntitle: ...\\n---) or a first '# Heading', or delete the file", "empty file")
			return
		}
		// A section's page left empty, as Hugo's _index.md section
		// markers often are: the folder names the section.
		if !strings.Contains(doc.Path, "/") {
			return // no title: the home page takes the site's
		}
	}
	ctx := parser.NewContext()
	if len(p.opts.Abbreviations) > 0 {
		ctx.Set(abbrKey, maps.Clone(p.opts.Abbreviations)) // the document adds its own
	}
	parsed := p.foreignSyntax(doc, ctx, diags)
	root := p.md.Parser().Parse(text.NewReader(parsed), parser.WithContext(ctx))
	if mdx {
		root.SetAttribute(mdxAttr, true)
	}
	doc.Source, src = parsed, parsed

	fm := p.frontMatter(doc, root, ctx, diags)
	p.applyFrontMatter(doc, fm, diags)
	doc.Template = fm.isTemplate

	p.walk(doc, root, diags)
	if offs, _ := ctx.Get(spacedLinkKey).([]int); len(offs) > 0 {
		for _, off := range offs {
			diags.Warnf(doc.SourcePath, off, "write the link without a space between ]] and (: [[text]](https://…)", "a space between ]] and ( makes this text, not a link")
		}
	}
	if offs, _ := ctx.Get(fullwidthLinkKey).([]int); len(offs) > 0 {
		for _, off := range offs {
			diags.Warnf(doc.SourcePath, off, "write the parentheses around the address as ASCII ( and ), not fullwidth （ and ）: [text](https://…)", "a fullwidth parenthesis after ] makes this text, not a link")
		}
	}
	if doc.RecordNumber != "" {
		// "# 2. Title": the number is shown with the title, not in it.
		var ok bool
		if doc.Title, ok = trimNumber(doc.Title, doc.RecordNumber); !ok {
			doc.RecordNumber = ""
		}
	}

	if doc.Title == "" {
		// Without a title the document is still published, under its file
		// name, so that links to it do not break too.
		// A folder's page may have none, as a VitePress home page of
		// front matter alone does: it is named after its folder, the
		// home page after the site.
		section := sectionMarker(doc.Path) || doc.IsSection
		if doc.HasFrontMatter && !fm.failed && !fm.isTemplate && !section {
			diags.Errorf(doc.SourcePath, 0, "add `title: ...` to the front matter, or start the body with a '# Heading'", "document has no title")
		}
		doc.Title = fileTitle(doc.Path, doc.Source)
		if section && !strings.Contains(doc.Path, "/") && p.opts.Shortcodes.SiteTitle != "" {
			doc.Title = p.opts.Shortcodes.SiteTitle
		}
	}
	body, _ := p.bodies.Get().(*bodyWriter)
	if body == nil {
		body = &bodyWriter{}
	}
	defer func() {
		if body.b.Cap() <= maxPooledBody {
			p.bodies.Put(body)
		}
	}()
	body.reset()
	body.b.Grow(len(src) + len(src)/2)
	if err := p.md.Renderer().Render(body, src, root); err != nil {
		diags.Errorf(doc.SourcePath, -1, "", "cannot render: %v", err)
		return
	}
	// A copy of exactly its length: the body is kept until its page is
	// written, and the buffer's room would be kept with it.
	doc.HTML = body.String()
	if doc.Params != nil {
		if lead := p.landing(doc, diags); lead != "" {
			doc.HTML = lead + doc.HTML
		}
	}
}

// maxPooledBody is the largest buffer kept for the next document's body.
const maxPooledBody = 1 << 20

// bom is the byte order mark some editors on Windows write at the start of
// a UTF-8 file.
var bom = []byte("\uFEFF")

// asParsed returns the bytes the parser reads: src itself, or a copy of
// the same length (so that every offset into it is an offset into the file
// as written) in which
//   - a carriage return alone ends a line, as CommonMark says and classic
//     Mac OS wrote, where goldmark reads only LF and CRLF: it becomes LF;
//   - a leading byte order mark is out of the way. Before a front matter
//     fence, the fence moves onto it and spaces pad the line's end
//     ("\uFEFF---\n" is read as "---   \n"): front matter starts at the
//     first byte. Before anything else it becomes three blank lines, which
//     Markdown ignores at the start of a document.
func asParsed(src []byte) []byte {
	hasBOM := bytes.HasPrefix(src, bom)
	cr := loneCR(src, 0)
	if !hasBOM && cr < 0 {
		return src
	}
	out := bytes.Clone(src)
	for ; cr >= 0; cr = loneCR(out, cr+1) {
		out[cr] = '\n'
	}
	if hasBOM {
		if line := firstLine(out[len(bom):]); isFenceLine(line) {
			// The fence moves; a CR that ends its line stays at the end.
			line = bytes.TrimSuffix(line, []byte("\r"))
			copy(out, line)
			copy(out[len(line):], "   ")
		} else {
			copy(out, "\n\n\n")
		}
	}
	return out
}

// loneCR returns the offset of the first carriage return at or after from
// that no line feed follows, or -1.
func loneCR(src []byte, from int) int {
	for from < len(src) {
		i := bytes.IndexByte(src[from:], '\r')
		if i < 0 {
			return -1
		}
		from += i
		if from+1 == len(src) || src[from+1] != '\n' {
			return from
		}
		from += 2
	}
	return -1
}

// isFenceLine reports whether a first line opens front matter, as the
// parsers read it: "+++", or indented less than code is, three dashes or
// more alone.
func isFenceLine(line []byte) bool {
	if isTOMLFence(line) {
		return true
	}
	col, i := 0, 0
	for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
		if line[i] == ' ' {
			col++
		} else {
			col += 4 - col%4
		}
	}
	t := util.TrimRightSpace(line[i:])
	return col < 4 && len(t) >= 3 && len(bytes.Trim(t, "-")) == 0
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// walk collects headings, links, tasks and words, sanitises raw HTML or
// counts it omitted, takes the first H1 as title where front matter gave
// none, and checks code fences.
func (p *Parser) walk(doc *handbook.Document, root ast.Node, diags *diag.List) {
	src := doc.Source
	rawHTML := 0
	firstRaw := -1
	var firstHeading *ast.Heading
	usedIDs := map[string]bool{}
	words, _ := p.words.Get().(*wordIndex)
	if words == nil {
		words = new(wordIndex)
	}
	defer p.words.Put(words)
	words.reset(len(src))
	taskIDs := map[string]bool{}
	var notHTML []*ast.RawHTML
	_, mdx := root.Attribute(mdxAttr) // where <Name> is a component, not text
	var unlinked []ast.Node           // links whose URL may not become an href
	var embeds []embed                // notes embedded (![[note]]) alone in their paragraphs
	var safe *htmlFilter              // in safe mode, from the first raw HTML on
	var sanitised []ast.Node          // raw HTML nodes and the nodes that replace them, in pairs
	var skipped []ast.Node            // the content of a dropped <script> or <svg>
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if safe != nil {
				safe.leave(n)
			}
			return ast.WalkContinue, nil
		}
		if safe != nil && safe.skipping(n.Parent()) {
			switch n.(type) {
			case *ast.RawHTML, *ast.HTMLBlock:
				sanitised = append(sanitised, n, safe.node(n, src))
			default:
				skipped = append(skipped, n)
			}
			return ast.WalkSkipChildren, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			t := plainText(n, src)
			id := ""
			if v, ok := n.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					id = string(b)
				}
			}
			if m := trailingID(t); m != nil && cutSuffix(n, src, m[0]) {
				// {#id} that goldmark's attribute syntax does not take,
				// such as {#a-(b)}: still the author's id.
				id, t = m[1], strings.TrimSpace(strings.TrimSuffix(t, m[0]))
				n.SetAttributeString("id", []byte(id))
			} else if !explicitID(n, src) {
				id = uniqueID(handbook.HeadingID(t), usedIDs)
				n.SetAttributeString("id", []byte(id))
			}
			if strings.IndexByte(id, 0) >= 0 {
				// {#a\x00b}: the body shows U+FFFD, so the id is that.
				id = strings.ReplaceAll(id, "\x00", replacement)
				n.SetAttributeString("id", []byte(id))
			}
			usedIDs[id] = true
			doc.Headings = append(doc.Headings, handbook.Heading{Level: n.Level, ID: id, Text: t})
			words.section(id)
			if firstHeading == nil {
				firstHeading = n
			}
		case *ast.Link:
			dest := string(n.Destination)
			if unsafeLink(doc, diags, n, dest, false) {
				unlinked = append(unlinked, n)
				break
			}
			form := handbook.LinkMarkdown
			if i := strings.Index(dest, refMarker); i >= 0 {
				dest, form = dest[:i], handbook.LinkRef // the marker and its padding
			}
			i := len(doc.BodyLinks)
			doc.BodyLinks = append(doc.BodyLinks, handbook.BodyLink{Dest: dest, Form: form, Offset: n.Pos()})
			n.Destination = Slot(i)
		case *ast.Image:
			dest := string(n.Destination)
			if unsafeLink(doc, diags, n, dest, true) {
				unlinked = append(unlinked, n)
				break
			}
			if i := strings.Index(dest, refMarker); i >= 0 {
				dest = dest[:i] // a ref names the image's file
			}
			if outsideURL(dest) {
				n.SetAttribute(outsideAttr, []byte(outsideName(dest)))
			}
			i := len(doc.BodyLinks)
			doc.BodyLinks = append(doc.BodyLinks, handbook.BodyLink{Dest: dest, Form: handbook.LinkImage, Offset: n.Pos()})
			n.Destination = Slot(i)
		case *WikiLink:
			// A wikilink names a document ("[[ADR-7: Use Postgres]]" is a
			// title): the graph stage decides whether it is a URL.
			n.Slot = len(doc.BodyLinks)
			doc.BodyLinks = append(doc.BodyLinks, handbook.BodyLink{Dest: string(n.Target), Form: handbook.LinkWiki, Offset: n.Pos()})
			if para, ok := n.Parent().(*ast.Paragraph); ok && n.Embed && para.ChildCount() == 1 && !IsImageName(string(n.Target)) {
				if html, ok := p.embedNote(doc, diags, string(n.Target), n.Pos()); ok {
					embeds = append(embeds, embed{para, html})
				}
			}
		case *ast.AutoLink:
			// External by construction, and rendered as is when its
			// scheme is one a link may have.
			url := n.URL(src)
			if n.AutoLinkType == ast.AutoLinkEmail {
				url = append([]byte("mailto:"), url...)
			}
			if unsafeLink(doc, diags, n, util.BytesToReadOnlyString(url), false) {
				unlinked = append(unlinked, n)
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			raw := rawText(n, src)
			if r, ok := n.(*ast.RawHTML); ok && p.opts.RawHTML != config.RawHTMLAll && !htmlTagRE.MatchString(raw) && !(mdx && mdxComponentRE.MatchString(raw)) {
				// Gc<Self> or Vec<T> in prose: text that looks like a tag,
				// not HTML. Shown as written rather than omitted, once the
				// walk is over.
				notHTML = append(notHTML, r)
				return ast.WalkSkipChildren, nil
			}
			if p.opts.RawHTML == config.RawHTMLSafe {
				if safe == nil {
					safe = newHTMLFilter()
					safe.link, safe.text, safe.mdx = recordLink(doc), words.add, mdx
					safe.outsideLabel = p.opts.Words.outsideImage()
				}
				kept := len(safe.anchors)
				// Inside a Markdown link, an image from another host is
				// its text alone, as inside <a>.
				outer := 0
				if inLink(n) {
					outer = 1
				}
				safe.links += outer
				sanitised = append(sanitised, n, safe.node(n, src))
				safe.links = max(safe.links-outer, 0)
				for _, id := range safe.anchors[kept:] {
					doc.Headings = append(doc.Headings, handbook.Heading{Level: 0, ID: id})
				}
				return ast.WalkSkipChildren, nil
			}
			for _, m := range htmlAnchorRE.FindAllStringSubmatch(raw, -1) {
				doc.Headings = append(doc.Headings, handbook.Heading{Level: 0, ID: m[1]})
			}
			if p.opts.RawHTML == config.RawHTMLNone && !isComment(raw) {
				rawHTML++
				if firstRaw < 0 {
					firstRaw = nodeOffset(n, src)
				}
			}
		case *Snippet:
			p.snippets(doc, n, diags)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			p.checkFence(doc, n, diags)
			if code, ok := p.snippetCode(doc, n, src, diags); ok {
				n.SetAttribute(snippetCodeAttr, code)
			}
			if IsDiagram(string(n.Language(src))) {
				doc.Diagrams++
			}
			return ast.WalkSkipChildren, nil
		case *ast.Blockquote:
			alert(n, src)
		case *extast.Table:
			// Focusable, as code blocks are: a table wider than the
			// screen scrolls, from the keyboard too.
			n.SetAttributeString("tabindex", []byte("0"))
		case *ast.Text:
			words.addAt(n.Segment.Value(src), n.Segment.Start)
		case *ast.String:
			words.add(n.Value)
		}
		if cb, ok := n.(*extast.TaskCheckBox); ok {
			doc.Tasks++
			text := plainText(cb.Parent(), src)
			id := TaskID(text)
			for i := 2; taskIDs[id]; i++ {
				id = TaskID(text) + "-" + strconv.Itoa(i)
			}
			taskIDs[id] = true
			cb.SetAttributeString("data-task", []byte(id))
			cb.SetAttributeString("aria-label", []byte(text))
		}
		return ast.WalkContinue, nil
	})
	for _, r := range notHTML {
		r.Parent().ReplaceChild(r.Parent(), r, ast.NewString([]byte(rawText(r, src))))
	}
	for i := 0; i+1 < len(sanitised); i += 2 {
		n, safe := sanitised[i], sanitised[i+1]
		if b, ok := safe.(*SafeHTMLBlock); ok && len(bytes.TrimSpace(b.HTML)) == 0 {
			n.Parent().RemoveChild(n.Parent(), n) // a block of nothing kept
			continue
		}
		n.Parent().ReplaceChild(n.Parent(), n, safe)
	}
	for _, n := range skipped {
		n.Parent().RemoveChild(n.Parent(), n)
	}
	for i := 1; i < len(sanitised); i += 2 {
		removeIfEmpty(sanitised[i].Parent())
	}
	for _, e := range embeds {
		e.para.Parent().ReplaceChild(e.para.Parent(), e.para, &Snippet{html: "<div class=\"embed\">\n" + e.html + "</div>\n"})
	}
	for _, n := range unlinked {
		unlink(n, src)
	}
	doc.WordCount = words.count
	doc.Words = words.words()
	if rawHTML > 0 {
		diags.Warnf(doc.SourcePath, firstRaw, "raw HTML is off (raw_html: none); set `raw_html: safe` in site.yaml to keep what is safe in it",
			"%d raw HTML %s omitted", rawHTML, plural(rawHTML, "fragment", "fragments"))
	}
	if safe != nil && len(safe.drops) > 0 {
		diags.Warnf(doc.SourcePath, safe.first, "raw HTML keeps text, layout, links and images; write the rest in Markdown, or set `raw_html: all` in site.yaml to trust every author's HTML",
			"raw HTML: dropped %s", safe.summary())
	}
	if firstHeading != nil && firstHeading.Level == 1 && (doc.Title == "" ||
		leads(firstHeading) && sameTitle(plainText(firstHeading, src), doc.Title)) {
		// The first heading is the title: the layout shows it, so it leaves
		// the body, and its id stays a valid anchor on the page's <h1>. So
		// does a title written twice, in front matter and as the heading
		// the page starts with, as MkDocs', Jekyll's and Docusaurus' pages
		// do, where the layout shows only the heading.
		if doc.Title == "" {
			doc.Title = plainText(firstHeading, src)
		}
		for _, h := range doc.Headings {
			if h.Level == 1 {
				doc.TitleID = h.ID
				break
			}
		}
		firstHeading.Parent().RemoveChild(firstHeading.Parent(), firstHeading)
	}
	if doc.Template && isPlaceholder(doc.Title) {
		// A log's template titled by its blank ("[short title of
		// solved problem and solution]") is named after its file.
		doc.Title = fileTitle(doc.Path, doc.Source)
	}
}

// leads reports whether n is the first block of its document, but for
// front matter.
func leads(n ast.Node) bool {
	if n.Parent() == nil || n.Parent().Kind() != ast.KindDocument {
		return false
	}
	for p := n.PreviousSibling(); p != nil; p = p.PreviousSibling() {
		if p.Kind() != KindTOMLFrontMatter && !(p.Kind() == ast.KindTextBlock && p.Lines().Len() == 0) {
			return false
		}
	}
	return true
}

// sameTitle reports whether a heading's text is the title, but for case
// and spacing.
func sameTitle(heading, title string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(heading), " "), strings.Join(strings.Fields(title), " "))
}

var trailingIDRE = regexp.MustCompile(`\s*\{\s*#([^}\s]+)\s*\}\s*$`)

// trailingID matches a heading's text against trailingIDRE, skipping the
// regular expression for the common heading that does not end in "}".
func trailingID(t string) []string {
	if !strings.HasSuffix(strings.TrimRight(t, " \t\n\f\r"), "}") {
		return nil
	}
	return trailingIDRE.FindStringSubmatch(t)
}

// cutSuffix removes suffix from the end of a heading's text, across the
// text nodes it spans; false when the heading does not end with it.
func cutSuffix(n ast.Node, src []byte, suffix string) bool {
	rest := strings.TrimSpace(suffix)
	var cuts []func()
	for c := n.LastChild(); c != nil && rest != ""; c = c.PreviousSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			return false
		}
		v := string(t.Segment.Value(src))
		if c == n.LastChild() {
			v = strings.TrimRight(v, " \t")
		}
		switch {
		case strings.HasSuffix(rest, v):
			node := t
			cuts = append(cuts, func() { n.RemoveChild(n, node) })
			rest = strings.TrimSuffix(rest, v)
		case strings.HasSuffix(v, rest):
			node, keep := t, len(v)-len(rest)
			cuts = append(cuts, func() { node.Segment = node.Segment.WithStop(node.Segment.Start + keep) })
			rest = ""
		default:
			return false
		}
	}
	if rest != "" {
		return false
	}
	for _, cut := range cuts {
		cut()
	}
	return true
}

var explicitIDRE = regexp.MustCompile(`\{\s*#[^}\s]+[^}]*\}\s*$`)

// htmlTagRE matches raw HTML that is an HTML element: a tag of a name
// HTML has, or a comment or declaration.
var htmlTagRE = regexp.MustCompile(`(?i)^(<!--|<!|<\?|</?(a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|blockquote|body|br|button|canvas|caption|center|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|map|mark|meta|meter|nav|noscript|object|ol|optgroup|option|output|p|param|picture|pre|progress|q|rp|rt|ruby|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|tt|u|ul|var|video|wbr)[\s/>])`)

var htmlAnchorRE = regexp.MustCompile(`\s(?:id|name)\s*=\s*["']([^"']+)["']`)

// rawText is the source of a raw HTML node.
func rawText(n ast.Node, src []byte) string {
	var b strings.Builder
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			b.Write(seg.Value(src))
		}
	case *ast.HTMLBlock:
		for i := range n.Lines().Len() {
			seg := n.Lines().At(i)
			b.Write(seg.Value(src))
		}
		if n.HasClosure() {
			seg := n.ClosureLine
			b.Write(seg.Value(src))
		}
	}
	return b.String()
}

func isComment(raw string) bool {
	t := strings.TrimSpace(raw)
	return strings.HasPrefix(t, "<!--") && strings.HasSuffix(t, "-->")
}

// explicitID reports whether a heading's line sets its id: `{#id}`.
func explicitID(n *ast.Heading, src []byte) bool {
	if n.Lines().Len() == 0 {
		return false
	}
	start := n.Lines().At(0).Start
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		end = len(src) - start
	}
	line := src[lineStart(src, start) : start+end]
	return bytes.IndexByte(line, '{') >= 0 && explicitIDRE.Match(line) // spare the regexp most headings
}

// uniqueID returns id, or id-1, id-2… when it is taken on the page.
func uniqueID(id string, used map[string]bool) string {
	if !used[id] {
		return id
	}
	for i := 1; ; i++ {
		if c := id + "-" + strconv.Itoa(i); !used[c] {
			return c
		}
	}
}

// checkFence warns about a fenced code block left open at the end of the
// file: the rest of the file is shown as code. A fence left open at the
// end of its list item or blockquote is closed there, as CommonMark says,
// and shows what its author meant: nothing is reported.
func (p *Parser) checkFence(doc *handbook.Document, n *ast.FencedCodeBlock, diags *diag.List) {
	src := doc.Source
	start := lineStart(src, min(n.Pos(), len(src)))
	end := len(src)
	if l := n.Lines().Len(); l > 0 {
		end = n.Lines().At(l - 1).Stop
	} else if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		end = start + i + 1
	}
	if len(bytes.TrimSpace(src[min(end, len(src)):])) > 0 {
		return // a closing fence follows, or the end of the block holding it
	}
	fence := bytes.TrimLeft(src[start:], " >-*+0123456789.)\t")
	c := byte('`')
	if len(fence) > 0 && fence[0] == '~' {
		c = '~'
	}
	width := max(len(fence)-len(bytes.TrimLeft(fence, string(c))), 3)
	diags.Warnf(doc.SourcePath, start, fmt.Sprintf("close it with a line of %d %q characters", width, string(c)),
		"code fence is never closed: the rest of the file is shown as code")
}

// sectionMarker reports whether p names an _index.md, Hugo's section
// page, which may be empty or have no title: the folder names the
// section.
func sectionMarker(p string) bool {
	return p == "_index.md" || strings.HasSuffix(p, "/_index.md")
}

func lineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

func nodeOffset(n ast.Node, src []byte) int {
	if n.Pos() > 0 {
		return n.Pos()
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if r, ok := n.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
		return r.Segments.At(0).Start
	}
	return n.Pos()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// plainText is the text content of an inline container, for titles and
// heading labels.
func plainText(n ast.Node, src []byte) string {
	var room [128]byte // most headings' text, without an allocation
	t := bytes.TrimSpace(appendPlainText(room[:0], n, src))
	if bytes.IndexByte(t, 0) >= 0 {
		t = bytes.ReplaceAll(t, []byte{0}, []byte(replacement)) // as the body shows it
	}
	return string(t)
}

// appendPlainText appends the text content of n's children to b.
func appendPlainText(b []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b = append(b, c.Segment.Value(src)...)
			if c.SoftLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, c.Value...)
		case *WikiLink:
			if c.Label != nil {
				b = append(b, c.Label...)
			} else {
				b = append(b, c.Target...)
			}
		default:
			b = appendPlainText(b, c, src)
		}
	}
	return b
}

// asciiSpace marks the bytes unicode.IsSpace accepts below utf8.RuneSelf.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// utf16 reports whether src is text in UTF-16: it starts with UTF-16's
// byte order mark, or, without one, every other byte of its start is 0,
// as the ASCII letters of UTF-16 are.
func utf16(src []byte) bool {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) // read as the file without it is
	if len(src) >= 2 && (src[0] == 0xff && src[1] == 0xfe || src[0] == 0xfe && src[1] == 0xff) {
		return true
	}
	n := min(len(src), 256) &^ 1
	if n < 8 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if src[i] == 0 {
			even++
		}
		if src[i+1] == 0 {
			odd++
		}
	}
	return max(even, odd) > n/2*9/10
}

// fileTitle makes a title from a file name: "team-rituals.md" → "Team
// rituals", each word written as src writes it (handbook.NameTitleAs).
func fileTitle(p string, src []byte) string {
	base := p[strings.LastIndexByte(p, '/')+1:]
	if base == "_index.md" || strings.EqualFold(base, "index.md") || strings.EqualFold(base, "readme.md") {
		dir := strings.TrimSuffix(p, "/"+base)
		base = dir[strings.LastIndexByte(dir, '/')+1:]
	}
	if t := handbook.NameTitleAs(strings.TrimSuffix(base, path.Ext(base)), src); t != "" {
		return t
	}
	return "Untitled"
}

// TaskID derives a checklist item's stable id from its text, not its
// position: lower-case words joined by hyphens, at most 64 bytes. Progress
// saved under it survives reordering and additions.
func TaskID(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if b.Len()+utf8.RuneLen(r) > 64 {
				return strings.TrimSuffix(b.String(), "-")
			}
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	if s := strings.TrimSuffix(b.String(), "-"); s != "" {
		return s
	}
	return "item"
}
