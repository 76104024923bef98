package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	stdhtml "html"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/gohugoio/hugo/parser/metadecoders"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/highlight"
	"handbook/generator/internal/sitepath"
)

// builtin is a shortcode the package renders itself: Hugo's common ones
// and Docsy's alert and pageinfo.
type builtin struct {
	name  string
	args  []string // its named arguments
	block bool     // writes block-level HTML: it leaves a paragraph it stands in
	inner bool     // has no meaning without a closing tag
	leaf  bool     // writes all it shows: its content (if any) is not rendered
	// liquid says a Liquid tag of its name alone ({% embed url="…" %}, as
	// GitBook writes it) means the same and is read as a use of it.
	liquid bool
	// isCode reports whether a use's inner content is code.
	isCode func(c *scCall) bool
	// open writes what comes before the content, or all of a leaf;
	// close, what comes after.
	open, close func(c *scCall, b *strings.Builder)
}

func (d *builtin) takes(name string) bool { return slices.Contains(d.args, name) }

// tabpane is Docsy's tabpane, a frame of tabs.
var tabpane = &builtin{name: "tabpane", args: []string{"lang", "highlight", "text", "langEqualsHeader", "persist", "right"}, block: true, inner: true,
	open:  func(_ *scCall, b *strings.Builder) { b.WriteString(tabPaneStart) },
	close: func(_ *scCall, b *strings.Builder) { b.WriteString(tabPaneEnd) }}

// builtins are the shortcodes known without a site template.
var builtins = map[string]*builtin{
	"alert": {name: "alert", args: []string{"title", "color"}, block: true, inner: true,
		open: func(c *scCall, b *strings.Builder) { openAlert(c, b, "") }, close: closeAlert},
	"pageinfo": {name: "pageinfo", args: []string{"color"}, block: true, inner: true,
		open: func(c *scCall, b *strings.Builder) { openAlert(c, b, " pageinfo") }, close: closeAlert},
	"details": {name: "details", args: []string{"summary", "open", "class", "name", "title"}, block: true, inner: true,
		open: openDetails, close: func(_ *scCall, b *strings.Builder) { b.WriteString("</details>\n") }},
	// GitBook's tabs are Docsy's tabpane, and its tab (title="…") Docsy's
	// tab.
	"tabpane": tabpane,
	"tabs":    tabpane,
	"tab": {name: "tab", args: []string{"header", "title", "lang", "highlight", "text", "right", "disabled"}, block: true, inner: true,
		isCode: tabIsCode, open: openTab, close: func(_ *scCall, b *strings.Builder) { b.WriteString(tabEnd) }},
	"figure": {name: "figure", args: []string{"src", "alt", "caption", "title", "link", "target", "rel", "class", "width", "height", "loading", "attr", "attrlink"},
		block: true, leaf: true, open: writeFigure},
	"highlight": {name: "highlight", block: true, inner: true, leaf: true,
		isCode: func(*scCall) bool { return true }, open: writeHighlight},
	"readfile": {name: "readfile", args: []string{"file", "code", "lang"}, block: true, leaf: true, open: writeFile},
	"include":  {name: "include", args: []string{"file", "code", "lang"}, block: true, leaf: true, open: writeFile},
	// Jekyll's {% include_relative file.md %}: readfile, from the page's
	// folder.
	"include_relative": {name: "include_relative", args: []string{"file"}, block: true, leaf: true, liquid: true, open: writeFile},
	"youtube": {name: "youtube", args: []string{"id", "title", "class", "autoplay", "allowFullScreen", "controls", "end", "loading", "loop", "mute", "start"},
		leaf: true, open: writeVideo},
	"vimeo": {name: "vimeo", args: []string{"id", "title", "class", "allowFullScreen", "loading"}, leaf: true, open: writeVideo},
	// Docsy's landing-page blocks, in the theme's own plain style: what
	// they say stays, their colours, images and heights do not.
	"blocks/cover": {name: "blocks/cover", args: []string{"title", "image_anchor", "height", "color", "byline"}, block: true, inner: true,
		open: func(c *scCall, b *strings.Builder) {
			b.WriteString("<section class=\"block block-cover\">\n")
			if t := c.arg("title", -1); t != "" {
				fmt.Fprintf(b, "<h2 class=\"block-title\">%s</h2>\n", c.st.p.inlineMarkdown(t))
			}
		},
		close: closeSection},
	"blocks/lead": {name: "blocks/lead", args: []string{"color", "height"}, block: true, inner: true,
		open:  func(_ *scCall, b *strings.Builder) { b.WriteString("<section class=\"block block-lead\">\n") },
		close: closeSection},
	"blocks/section": {name: "blocks/section", args: []string{"color", "type", "height"}, block: true, inner: true,
		open: func(c *scCall, b *strings.Builder) {
			class := "block block-section"
			if slices.Contains(strings.Fields(c.arg("type", -1)), "row") {
				class += " block-row"
			}
			fmt.Fprintf(b, "<section class=\"%s\">\n", class)
		},
		close: closeSection},
	"blocks/feature": {name: "blocks/feature", args: []string{"title", "icon", "url", "url_text"}, block: true, inner: true,
		open: openFeature, close: closeFeature},
	"blocks/link-down": {name: "blocks/link-down", args: []string{"color"}, block: true, leaf: true}, // an arrow, drawn by Docsy
	// Docsy's imgproc: an image of the page's folder, whose name holds
	// its first argument, shown as it is (Hugo's processing is Hugo's),
	// its content the caption.
	"imgproc": {name: "imgproc", block: true, inner: true, open: openImgproc,
		close: func(_ *scCall, b *strings.Builder) { b.WriteString("</figcaption>\n</figure>\n") }},
	// The shortcodes of Hugo's documentation themes, hugo-book's and
	// Geekdoc's: a hint by its type, expand as details, columns apart by
	// "<--->" lines, a button as its link, a mermaid diagram, math as
	// code, and toc as nothing, as the theme shows the table of contents
	// beside the page.
	"expand": {name: "expand", args: []string{"title"}, block: true, inner: true,
		open: func(c *scCall, b *strings.Builder) {
			fmt.Fprintf(b, "<details>\n<summary>%s</summary>\n", c.st.p.inlineMarkdown(cmp.Or(c.arg("title", 0), c.st.p.opts.Words.details())))
		},
		close: func(_ *scCall, b *strings.Builder) { b.WriteString("</details>\n") }},
	"columns": {name: "columns", args: []string{"ratio", "size"}, block: true, inner: true,
		open: func(c *scCall, b *strings.Builder) {
			n := min(1+bytes.Count(c.innerCode(), []byte("<--->")), 4)
			fmt.Fprintf(b, "<div class=\"columns columns-%d\">\n", n)
		},
		close: func(_ *scCall, b *strings.Builder) { b.WriteString("</div>\n") }},
	"button": {name: "button", args: []string{"href", "relref", "class", "size", "icon"}, inner: true,
		open: func(c *scCall, b *strings.Builder) {
			b.WriteString(`<a class="button"`)
			dest, off, _ := c.tag().get("href", -1)
			form := handbook.LinkMarkdown
			if ref, roff, _ := c.tag().get("relref", -1); dest == "" && ref != "" {
				dest, off, form = ref, roff, handbook.LinkRef
			}
			if dest != "" {
				if slot := c.st.record(dest, form, off); slot != nil {
					b.WriteString(` href="`)
					b.Write(slot)
					b.WriteByte('"')
				}
			}
			b.WriteByte('>')
		},
		close: func(_ *scCall, b *strings.Builder) { b.WriteString("</a>") }},
	"mermaid": {name: "mermaid", args: []string{"class"}, block: true, inner: true, leaf: true,
		isCode: func(*scCall) bool { return true },
		open: func(c *scCall, b *strings.Builder) {
			c.st.doc.Diagrams++
			writeDiagram(b, c.innerCode())
		}},
	"katex": {name: "katex", args: []string{"display", "class"}, inner: true, leaf: true,
		isCode: func(*scCall) bool { return true },
		open: func(c *scCall, b *strings.Builder) {
			fmt.Fprintf(b, "<code class=\"math\">%s</code>", esc(strings.TrimSpace(string(c.innerCode()))))
		}},
	"toc": {name: "toc", block: true, leaf: true},
	// GitBook's hint is the theme's alert of its style (info, success,
	// warning, danger); its content-ref shows the link it holds; its embed
	// is a link to what it embeds, which is not loaded.
	// hugo-book's and Geekdoc's hint are the same, by their type ({{< hint
	// warning >}}, type=warning), with Geekdoc's title.
	"hint": {name: "hint", args: []string{"style", "type", "title", "icon"}, block: true, inner: true,
		open: func(c *scCall, b *strings.Builder) {
			b.WriteString(alertStart(alertKind(cmp.Or(c.arg("style", 0), c.arg("type", -1))), ""))
			if title := c.arg("title", -1); title != "" {
				fmt.Fprintf(b, "<strong class=\"alert-title\">%s</strong>\n", esc(title))
			}
		},
		close: closeAlert},
	"content-ref": {name: "content-ref", args: []string{"url"}, block: true, inner: true,
		open:  func(_ *scCall, b *strings.Builder) { b.WriteString("<div class=\"content-ref\">\n") },
		close: func(_ *scCall, b *strings.Builder) { b.WriteString("</div>\n") }},
	"embed": {name: "embed", args: []string{"url"}, leaf: true, liquid: true, open: writeEmbed},
	// GitBook's code block around a fence: its title over the code.
	"code": {name: "code", args: []string{"title", "lineNumbers", "overflow", "fullWidth"}, block: true, inner: true,
		open: func(c *scCall, b *strings.Builder) {
			if t := c.arg("title", -1); t != "" {
				codeTitle(b, t)
			} else {
				b.WriteString("<figure class=\"code-block\">\n")
			}
		},
		close: func(_ *scCall, b *strings.Builder) { b.WriteString("</figure>\n") }},
	"param":  {name: "param", leaf: true},
	"ref":    {name: "ref", args: []string{"path", "lang", "outputFormat"}, leaf: true},
	"relref": {name: "relref", args: []string{"path", "lang", "outputFormat"}, leaf: true},
}

func (c *scCall) is(name string) bool { return c.def != nil && c.def.name == name }

// columnBreaks writes each line of a columns shortcode's content that is
// "<--->" alone, hugo-book's break between columns, as "<hr >", of the
// same length, which the theme draws as the start of the next column.
func columnBreaks(inner []byte) {
	for i := 0; i < len(inner); {
		end := bytes.IndexByte(inner[i:], '\n')
		if end < 0 {
			end = len(inner) - i
		}
		line := inner[i : i+end]
		if t := bytes.TrimSpace(line); string(t) == "<--->" {
			copy(t, "<hr >")
		}
		i += end + 1
	}
}

// isRef reports whether the shortcode is ref or relref.
func (c *scCall) isRef() bool { return c.is("ref") || c.is("relref") }

// isText reports whether the shortcode stands for text: param.
func (c *scCall) isText() bool { return c.is("param") }

// text is what the shortcode writes as text: param's value, a comment's
// tag, a site shortcode's output; in a link destination, this.
func (c *scCall) text() string {
	switch {
	case c.comment, c.isText():
		return c.value
	case c.site != nil:
		return stdhtml.UnescapeString(c.site.execute(c, ""))
	}
	return ""
}

// prepare reads what a shortcode needs from outside its tag: param its
// value, readfile its file. It reports what is missing.
func (c *scCall) prepare() {
	if c.prepared || c.dropped {
		return
	}
	c.prepared = true
	st, t := c.st, c.tag()
	switch {
	case c.isText():
		key, off, ok := t.get("", 0)
		if !ok || key == "" {
			st.diags.Warnf(st.doc.SourcePath, off, "write the parameter's name: {{< param \"name\" >}}", "shortcode param names no parameter")
			return
		}
		v, found := st.param(key)
		if !found {
			st.diags.Warnf(st.doc.SourcePath, off, "set it in the front matter (or under its params:), or under params: in site.yaml",
				"param %q is set neither in the page's front matter nor in the site's params", key)
			return
		}
		c.value = paramText(v)
	case c.is("readfile"), c.is("include"), c.is("include_relative"):
		c.readFile()
	}
}

// paramText writes a parameter's value as text.
func paramText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
			return v.Format("2006-01-02")
		}
		return v.Format(time.RFC3339)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = paramText(x)
		}
		return strings.Join(parts, ", ")
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// param looks a parameter up as Hugo's .Page.Param does: in the page's
// front matter (and its params:), then in the site's params. Keys are
// case-insensitive; "a.b" reads b in a.
func (st *scState) param(key string) (any, bool) {
	if !st.frontRead {
		st.frontRead = true
		st.front = st.readFront()
	}
	if v, ok := lookup(st.front, key); ok {
		return v, true
	}
	if p, ok := lookup(st.front, "params"); ok {
		if m, ok := p.(map[string]any); ok {
			if v, ok := lookup(m, key); ok {
				return v, true
			}
		}
	}
	return lookup(st.p.opts.Shortcodes.SiteParams, key)
}

// lookup finds key ("a.b" for b in a) in m, ignoring case.
func lookup(m map[string]any, key string) (any, bool) {
	head, rest, nested := strings.Cut(key, ".")
	var v any
	found := false
	if x, ok := m[head]; ok {
		v, found = x, true
	} else {
		for k, x := range m {
			if strings.EqualFold(k, head) {
				v, found = x, true
				break
			}
		}
	}
	if !found || !nested {
		return v, found
	}
	sub, ok := v.(map[string]any)
	if !ok {
		return nil, false
	}
	return lookup(sub, rest)
}

// readFront reads the document's front matter as the front matter stage
// will: YAML from goldmark-meta's context, TOML from its block.
func (st *scState) readFront() map[string]any {
	if st.root != nil {
		if tb, ok := st.root.FirstChild().(*TOMLFrontMatter); ok && tb.Closed {
			var buf bytes.Buffer
			for i := range tb.Lines().Len() {
				seg := tb.Lines().At(i)
				buf.Write(seg.Value(st.buf))
			}
			if m, err := metadecoders.Default.UnmarshalToMap(buf.Bytes(), metadecoders.TOML); err == nil {
				return normalize(m).(map[string]any)
			}
			return nil
		}
	}
	if st.pc == nil || !bytes.HasPrefix(st.orig, []byte("---")) {
		return nil
	}
	m, err := frontMatterValues(st.pc)
	if err != nil || m == nil {
		return nil
	}
	return normalize(m).(map[string]any)
}

// readFile reads readfile's file: relative to the page's folder, or to the
// content folder when it starts with "/", and never outside it.
func (c *scCall) readFile() {
	st, t := c.st, c.tag()
	name, off, ok := t.get("file", 0)
	if !ok || name == "" {
		st.diags.Errorf(st.doc.SourcePath, t.start, "name the file: {{< "+c.name+" file=\"other.md\" >}}", "shortcode %s names no file", c.name)
		return
	}
	p := path.Join(path.Dir(st.doc.Path), name)
	if strings.HasPrefix(name, "/") {
		p = path.Clean(strings.TrimPrefix(name, "/"))
	}
	if !fs.ValidPath(p) || p == "." || strings.Contains(name, `\`) {
		st.diags.Errorf(st.doc.SourcePath, off, "name a file inside the content folder: relative to the page's folder, or to the content folder with a leading /",
			"%s %q leaves the content folder", c.name, name)
		return
	}
	var b []byte
	var err error
	if fsys := st.p.opts.Shortcodes.Content; fsys != nil {
		b, err = fs.ReadFile(fsys, p)
	} else {
		err = fs.ErrNotExist
	}
	if err != nil {
		st.diags.Errorf(st.doc.SourcePath, off, "the path is relative to the page's folder, or to the content folder when it starts with /",
			"%s: no file %q in the content folder", c.name, p)
		return
	}
	c.file, c.filePath = b, p
	ext := strings.ToLower(path.Ext(p))
	c.md = (ext == ".md" || ext == ".markdown") && !truthy(c.arg("code", -1))
}

func truthy(s string) bool {
	b, err := strconv.ParseBool(s)
	return err == nil && b
}

// esc escapes text for HTML, its NUL bytes made U+FFFD.
func esc(s string) string {
	return stdhtml.EscapeString(strings.ReplaceAll(s, "\x00", replacement))
}

// alertKind is the theme alert of a Docsy alert's colour, through the
// one table of alert types (alertType).
func alertKind(color string) string {
	f := strings.Fields(color)
	if len(f) == 0 {
		return "note"
	}
	return alertType(f[0]) // Docsy's colors: success, warning, danger…
}

func openAlert(c *scCall, b *strings.Builder, class string) {
	// By name, or first and second, as Liquid's and Eleventy's alert
	// takes them: {% alert "Title", "warning" %}.
	b.WriteString(alertStart(alertKind(c.arg("color", 1)), class))
	if title := c.arg("title", 0); title != "" {
		fmt.Fprintf(b, "<strong class=\"alert-title\">%s</strong>\n", esc(title))
	}
}

// alertStart starts the theme's alert of a kind (alertType), with more
// classes (" pageinfo") when set.
func alertStart(kind, class string) string {
	return "<blockquote class=\"alert alert-" + kind + class + "\">\n"
}

func closeAlert(_ *scCall, b *strings.Builder) { b.WriteString("</blockquote>\n") }

func closeSection(_ *scCall, b *strings.Builder) { b.WriteString("</section>\n") }

// openFeature writes a Docsy feature's title, linked to its url when it
// has one (a link checked as any other).
func openFeature(c *scCall, b *strings.Builder) {
	b.WriteString("<div class=\"block-feature\">\n")
	title := c.st.p.inlineMarkdown(c.arg("title", -1))
	if title == "" {
		return
	}
	// A heading one below the page's title, wherever the block stands:
	// its level never skips one.
	b.WriteString("<h2 class=\"block-feature-title\">")
	if url, off, _ := c.tag().get("url", -1); url != "" {
		if slot := c.st.record(url, handbook.LinkMarkdown, off); slot != nil {
			b.WriteString("<a href=\"")
			b.Write(slot)
			fmt.Fprintf(b, "\">%s</a></h2>\n", title)
			return
		}
	}
	b.WriteString(title + "</h2>\n")
}

func closeFeature(_ *scCall, b *strings.Builder) { b.WriteString("</div>\n") }

// imageExts are the files imgproc finds.
var imageExts = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}

// openImgproc writes Docsy's imgproc's figure: the first image of the
// page's folder, in name order, whose name holds the first argument, as
// Docsy's Resources.GetMatch "**NAME*" finds it, checked as any image; a
// warning when there is none.
func openImgproc(c *scCall, b *strings.Builder) {
	st := c.st
	b.WriteString("<figure class=\"imgproc\">\n")
	name, off, _ := c.tag().get("", 0)
	found := ""
	if fsys := st.p.opts.Shortcodes.Content; fsys != nil && name != "" {
		dir := path.Dir(st.doc.Path)
		es, _ := fs.ReadDir(fsys, dir)
		for _, e := range es {
			ext := strings.ToLower(path.Ext(e.Name()))
			if !e.IsDir() && slices.Contains(imageExts, ext) && strings.Contains(e.Name(), name) {
				found = e.Name()
				break
			}
		}
	}
	if found == "" {
		st.diags.Warnf(st.doc.SourcePath, off, "put the image beside the page, in its folder, with the name in its file name",
			"imgproc: no image in the page's folder has %q in its name", name)
	} else if slot := st.record(found, handbook.LinkImage, off); slot != nil {
		b.WriteString(`<img src="`)
		b.Write(slot)
		fmt.Fprintf(b, "\" alt=\"%s\" loading=\"lazy\">\n", esc(strings.TrimSuffix(found, path.Ext(found))))
	}
	b.WriteString("<figcaption>\n")
}

func openDetails(c *scCall, b *strings.Builder) {
	b.WriteString("<details")
	if truthy(c.arg("open", -1)) || c.arg("", 1) == "open" {
		b.WriteString(" open")
	}
	for _, a := range []string{"class", "name"} {
		if v := c.arg(a, -1); v != "" {
			fmt.Fprintf(b, " %s=\"%s\"", a, esc(v))
		}
	}
	// hugo-book writes the summary first, or as title, and open as a word:
	// {{< details "Title" open >}}.
	summary := cmp.Or(c.arg("summary", -1), c.arg("", 0), c.arg("title", -1), c.st.p.opts.Words.details())
	fmt.Fprintf(b, ">\n<summary>%s</summary>\n", c.st.p.inlineMarkdown(summary))
}

// tabIsCode: a tab's content is code when it or its tabpane names a
// language, unless either says text=true.
func tabIsCode(c *scCall) bool {
	lang, text := c.arg("lang", -1), c.arg("text", -1)
	if p := c.parent; p != nil && p.is("tabpane") {
		if lang == "" {
			lang = p.arg("lang", -1)
		}
		if text == "" {
			text = p.arg("text", -1)
		}
	}
	return lang != "" && !truthy(text)
}

func (c *scCall) lang() string {
	if l := c.arg("lang", -1); l != "" {
		return l
	}
	if p := c.parent; p != nil && p.is("tabpane") {
		return p.arg("lang", -1)
	}
	return ""
}

func openTab(c *scCall, b *strings.Builder) {
	// By name, or first, as hugo-book's tab writes it: {{< tab "macOS" >}}.
	header := cmp.Or(c.arg("header", 0), c.arg("title", -1))
	if header == "" {
		header = fmt.Sprintf("Tab %d", c.ordinal+1)
	}
	b.WriteString(tabStart(esc(header)))
	if c.code {
		writeCode(b, c.lang(), c.innerCode())
	}
}

// innerCode is the content between a pair's tags as written, without the
// line break after the opening tag, the spaces at its end, and the
// indentation (or quote marks) of the opening tag's line.
func (c *scCall) innerCode() []byte {
	st := c.st
	if c.close < 0 {
		return nil
	}
	open, close := &st.tags[c.open], &st.tags[c.close]
	code := st.orig[open.end:close.start]
	code = bytes.TrimPrefix(bytes.TrimLeft(code, " \t"), []byte("\r"))
	code = bytes.TrimPrefix(code, []byte("\n"))
	code = bytes.TrimRight(code, " \t\r\n")
	indent := st.orig[lineStart(st.orig, open.start):open.start]
	if len(indent) > 0 && len(bytes.Trim(indent, " \t>")) == 0 {
		lines := bytes.SplitAfter(code, []byte("\n"))
		for i, l := range lines {
			lines[i] = bytes.TrimPrefix(l, indent)
		}
		code = bytes.Join(lines, nil)
	}
	return append(bytes.Clone(code), '\n')
}

// writeCode writes code as a fenced block of lang is written.
func writeCode(b *strings.Builder, lang string, code []byte) {
	var buf bytes.Buffer
	highlight.Write(&buf, lang, code)
	wrapCode(b, lang, buf.Bytes())
}

func writeHighlight(c *scCall, b *strings.Builder) {
	writeCode(b, c.arg("", 0), c.innerCode())
}

func writeFile(c *scCall, b *strings.Builder) {
	switch {
	case c.file == nil:
	case c.md:
		b.WriteString(c.st.p.renderIncluded(c.st.doc, c.st.diags, c.file, c.st.p.rootDir(c.filePath), c.tag().start))
	default:
		lang := c.arg("lang", -1)
		if lang == "" {
			f, _, _ := c.tag().get("file", 0)
			lang = strings.TrimPrefix(path.Ext(f), ".")
		}
		writeCode(b, lang, c.file)
	}
}

// writeVideo writes a YouTube or Vimeo video as a plain link to it: no
// frame, no request to another host.
func writeVideo(c *scCall, b *strings.Builder) {
	id := c.arg("id", 0)
	if id == "" {
		return
	}
	u := "https://www.youtube.com/watch?v=" + url.QueryEscape(id)
	if c.is("vimeo") {
		u = "https://vimeo.com/" + url.PathEscape(id)
	}
	label := c.arg("title", -1)
	if label == "" {
		label = u
	}
	fmt.Fprintf(b, "<a href=\"%s\">%s</a>", esc(u), esc(label))
}

// writeEmbed writes GitBook's embed as a link to its address, a web
// address alone: the page loads nothing from another host.
func writeEmbed(c *scCall, b *strings.Builder) {
	u := c.arg("url", 0)
	if p, err := url.Parse(u); err != nil || p.Scheme != "https" && p.Scheme != "http" || p.Host == "" {
		return
	}
	fmt.Fprintf(b, "<a href=\"%s\">%s</a>", esc(u), esc(u))
}

// writeFigure writes Hugo's figure: the image (in its link), its title and
// caption.
func writeFigure(c *scCall, b *strings.Builder) {
	b.WriteString("<figure")
	if v := c.arg("class", -1); v != "" {
		fmt.Fprintf(b, " class=\"%s\"", esc(v))
	}
	b.WriteString(">\n")
	linked := c.link != nil && c.link.Parent() != nil
	if linked {
		b.WriteString(`<a href="`)
		writeDest(b, c.link.Destination)
		b.WriteByte('"')
		for _, a := range []string{"target", "rel"} {
			if v := c.arg(a, -1); v != "" {
				fmt.Fprintf(b, " %s=\"%s\"", a, esc(v))
			}
		}
		b.WriteString(">")
	}
	caption, title, attr := c.arg("caption", -1), c.arg("title", -1), c.arg("attr", -1)
	if c.img != nil && c.img.Parent() != nil {
		alt := c.arg("alt", -1)
		if alt == "" {
			alt = caption
		}
		if name, ok := c.img.Attribute(outsideAttr); ok {
			writeOutsideImage(b, func() { writeDest(b, c.img.Destination) }, c.st.p.opts.Words.outsideImage(), esc(alt), string(name.([]byte)), linked)
		} else {
			b.WriteString(`<img src="`)
			writeDest(b, c.img.Destination)
			fmt.Fprintf(b, "\" alt=\"%s\"", esc(alt))
			for _, a := range []string{"title", "width", "height"} {
				if v := c.arg(a, -1); v != "" && (a != "title" || title == "") {
					fmt.Fprintf(b, " %s=\"%s\"", a, esc(v))
				}
			}
			b.WriteString(` loading="lazy">`)
		}
	}
	if linked {
		b.WriteString("</a>")
	}
	b.WriteString("\n")
	if caption != "" || title != "" || attr != "" {
		b.WriteString("<figcaption>")
		if title != "" {
			fmt.Fprintf(b, "<h4>%s</h4>", esc(title))
		}
		if caption != "" || attr != "" {
			b.WriteString("<p>")
			b.WriteString(c.st.p.inlineMarkdown(caption))
			if attr != "" {
				if caption != "" {
					b.WriteByte(' ')
				}
				if c.attr != nil && c.attr.Parent() != nil {
					b.WriteString(`<a href="`)
					writeDest(b, c.attr.Destination)
					b.WriteString(`">`)
					b.WriteString(c.st.p.inlineMarkdown(attr))
					b.WriteString("</a>")
				} else {
					b.WriteString(c.st.p.inlineMarkdown(attr))
				}
			}
			b.WriteString("</p>")
		}
		b.WriteString("</figcaption>\n")
	}
	b.WriteString("</figure>\n")
}

// writeDest writes a link's destination as an href: the slot the walk
// put there, or else the URL escaped.
func writeDest(b *strings.Builder, dest []byte) {
	if len(dest) > 0 && dest[0] == 0 {
		b.Write(dest)
		return
	}
	b.Write(util.EscapeHTML(util.URLEscape(dest, true)))
}

// addLinks gives a ref or a figure the link nodes the walk records, as it
// records Markdown links and images: checked, counted and rewritten
// relative to the page. They are written by the shortcode, not rendered.
func (c *scCall) addLinks(n ast.Node) {
	t := c.tag()
	newLink := func(dest string, off int) *ast.Link {
		l := ast.NewLink()
		l.Destination = []byte(dest)
		l.SetPos(off)
		return l
	}
	switch {
	case c.isRef():
		target, _, _ := t.get("path", 0)
		c.link = newLink(target+refMarker, t.start)
		n.AppendChild(n, c.link)
	case c.is("figure"):
		var img ast.Node
		if src, off, _ := t.get("src", -1); src != "" {
			c.img = ast.NewImage(newLink(src, off))
			c.img.SetPos(off)
			img = c.img
		}
		if link, off, _ := t.get("link", -1); link != "" {
			c.link = newLink(link, off)
			if img != nil {
				c.link.AppendChild(c.link, img)
			}
			img = c.link
		}
		if img != nil {
			n.AppendChild(n, img)
		}
		if link, off, _ := t.get("attrlink", -1); link != "" && c.arg("attr", -1) != "" {
			c.attr = newLink(link, off)
			n.AppendChild(n, c.attr)
		}
	}
}

// record records a link of a shortcode that the walk did not see (in raw
// HTML) and returns its slot, or nil when its URL may not be an href.
func (st *scState) record(dest string, form handbook.LinkForm, off int) []byte {
	return addLink(st.doc, st.diags, dest, form, off)
}

// addLink records a link of doc's that the package writes itself (a
// shortcode's, a landing page's) and returns its slot; nil, with a
// warning, when its URL may not become an href.
func addLink(doc *handbook.Document, diags *diag.List, dest string, form handbook.LinkForm, off int) []byte {
	pos := ast.NewText()
	pos.SetPos(off)
	if unsafeLink(doc, diags, pos, dest, form == handbook.LinkImage) {
		return nil
	}
	i := len(doc.BodyLinks)
	doc.BodyLinks = append(doc.BodyLinks, handbook.BodyLink{Dest: dest, Form: form, Offset: off})
	return Slot(i)
}

// rawOutput is the HTML a placeholder left in the rendered body stands
// for: a shortcode in raw HTML, an autolink or a title.
func (st *scState) rawOutput(i int) string {
	st.info[i].done = true
	c := st.info[i].call
	if c == nil || c.dropped {
		return ""
	}
	var b strings.Builder
	if i == c.close {
		if c.split {
			c.def.close(c, &b)
		}
		return st.keepSlots(b.String())
	}
	t := c.tag()
	switch {
	case c.comment || c.isText():
		return esc(c.text())
	case c.isRef():
		target, _, _ := t.get("path", 0)
		if slot := st.record(target, handbook.LinkRef, t.start); slot != nil {
			return string(slot)
		}
		return ""
	case c.site != nil:
		return st.keepSlots(c.site.execute(c, ""))
	case c.def == nil:
		return ""
	case c.is("figure"):
		if src, off, _ := t.get("src", -1); src != "" {
			if slot := st.record(src, handbook.LinkImage, off); slot != nil {
				c.img = ast.NewImage(ast.NewLink())
				c.img.Destination = slot
				holder := ast.NewParagraph()
				holder.AppendChild(holder, c.img)
			}
		}
	}
	if c.def.open != nil {
		c.def.open(c, &b)
	}
	if !c.split && c.def.close != nil {
		c.def.close(c, &b)
	}
	return st.keepSlots(b.String())
}

// keepSlots returns s with every NUL byte that is not part of a slot of
// one of the document's links made U+FFFD, as a body must have them.
func (st *scState) keepSlots(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, 0)
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		if j := strings.IndexByte(s[i+1:], 0); j > 0 {
			if n, err := strconv.Atoi(s[i+1 : i+1+j]); err == nil && strconv.Itoa(n) == s[i+1:i+1+j] && n < len(st.doc.BodyLinks) {
				b.WriteString(s[i : i+2+j])
				s = s[i+2+j:]
				continue
			}
		}
		b.WriteString(replacement)
		s = s[i+1:]
	}
	b.WriteString(s)
	return b.String()
}

// renderMarkdown renders Markdown that is not part of the document (a
// file readfile includes, a caption, a site shortcode's Markdown output):
// its links are shown, not checked, and a URL a link may not have is
// dropped. Shortcodes in it are not rendered.
func (p *Parser) renderMarkdown(src []byte) string { return p.render(src, nil) }

// render renders Markdown apart from a document: its links and images
// whose URL may not become an href lose their link, and so do its
// wikilinks unless record, called with each link, image and wikilink that
// stays, records them as a document's.
func (p *Parser) render(src []byte, record func(ast.Node)) string {
	src = src[frontMatterEnd(src):]
	root := p.md.Parser().Parse(text.NewReader(src))
	var drop, keep []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if _, ok := sitepath.SafeURL(string(n.Destination), false); !ok {
				drop = append(drop, n)
			} else {
				keep = append(keep, n)
			}
		case *ast.Image:
			if _, ok := sitepath.SafeURL(string(n.Destination), true); !ok {
				drop = append(drop, n)
				break
			} else if dest := string(n.Destination); outsideURL(dest) {
				n.SetAttribute(outsideAttr, []byte(outsideName(dest)))
			}
			keep = append(keep, n)
		case *ast.AutoLink:
			if _, ok := sitepath.SafeURL(string(n.URL(src)), false); !ok {
				drop = append(drop, n)
			}
		case *WikiLink:
			if record == nil {
				drop = append(drop, n)
			} else {
				keep = append(keep, n)
			}
		case *TOMLFrontMatter:
			drop = append(drop, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range drop {
		if _, ok := n.(*TOMLFrontMatter); ok {
			n.Parent().RemoveChild(n.Parent(), n)
			continue
		}
		unlink(n, src)
	}
	if record != nil {
		for _, n := range keep {
			record(n)
		}
	}
	var b bodyWriter
	if err := p.md.Renderer().Render(&b, src, root); err != nil {
		return ""
	}
	return b.String()
}

// inlineMarkdown renders a line of Markdown (a caption, a summary) without
// its paragraph.
// summaryText reads s as inline Markdown, as Docsy renders a description,
// and returns its text: "**Porridge** &mdash; [in the cloud](x)" is
// "Porridge — in the cloud". Text with nothing Markdown would change is
// returned as it is; so is text with a "<", which may be a type
// (Vec<T>), not HTML.
func (p *Parser) summaryText(s string) string {
	if !strings.ContainsAny(s, "*_`[&\\~") || strings.Contains(s, "<") {
		return s
	}
	h := p.inlineMarkdown(s)
	var b strings.Builder
	for len(h) > 0 {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break
		}
		h = h[i+j+1:]
	}
	return strings.Join(strings.Fields(stdhtml.UnescapeString(b.String())), " ")
}

func (p *Parser) inlineMarkdown(s string) string {
	if s == "" {
		return ""
	}
	h := strings.TrimSpace(p.renderMarkdown([]byte(s)))
	if inner, ok := strings.CutPrefix(h, "<p>"); ok {
		if inner, ok := strings.CutSuffix(inner, "</p>"); ok && !strings.Contains(inner, "<p>") {
			return inner
		}
	}
	return h
}

// scRenderer writes shortcodes, and ends a document's rendering with the
// placeholders left in it.
type scRenderer struct{}

func (scRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindShortcode, renderShortcode)
	reg.Register(ast.KindDocument, renderDocument)
}

func renderDocument(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		return ast.WalkContinue, nil
	}
	v, _ := n.AttributeString(scAttr)
	if st, ok := v.(*scState); ok {
		if bw, ok := w.(*bodyWriter); ok {
			st.finish(bw)
		}
	}
	return ast.WalkContinue, nil
}

// writeRaw writes HTML the package made, slots and all.
func writeRaw(w util.BufWriter, s string) {
	if bw, ok := w.(*bodyWriter); ok {
		bw.writeRaw(s)
		return
	}
	_, _ = w.WriteString(s)
}

func renderShortcode(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	c := callOf(n)
	if c == nil || c.dropped || c.comment {
		return ast.WalkContinue, nil
	}
	st := c.st
	switch {
	case c.site != nil:
		if entering {
			writeRaw(w, st.keepSlots(c.site.render(c, n, src)))
		}
		return ast.WalkSkipChildren, nil
	case c.def == nil:
		return ast.WalkContinue, nil
	case c.isRef():
		if entering && c.link != nil && c.link.Parent() != nil {
			var b strings.Builder
			writeDest(&b, c.link.Destination)
			writeRaw(w, st.keepSlots(b.String()))
		}
		return ast.WalkSkipChildren, nil
	}
	var b strings.Builder
	switch {
	case entering && c.def.open != nil:
		c.def.open(c, &b)
	case !entering && c.def.close != nil:
		c.def.close(c, &b)
	}
	writeRaw(w, st.keepSlots(b.String()))
	if c.def.leaf || c.code {
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}
