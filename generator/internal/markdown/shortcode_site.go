package markdown

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	stdhtml "html"
	htmltemplate "html/template"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"

	"github.com/yuin/goldmark/ast"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// ShortcodeOptions give shortcodes what they read outside the document.
type ShortcodeOptions struct {
	// Layouts is the site's layouts over the theme's (theme.Layouts): a
	// site's own shortcode NAME is shortcodes/NAME.html (html/template) or
	// shortcodes/NAME.md (text/template, its output read as Markdown) in
	// it, or the same under _shortcodes/.
	Layouts fs.FS
	// Content is the content folder, the only place readfile and include
	// read from.
	Content fs.FS
	// Root is the handbook's root, and ContentDir the content folder's
	// path in it: MkDocs' snippets name files from the root.
	Root       fs.FS
	ContentDir string
	// SiteTitle and SiteParams are .Site.Title and .Site.Params to a
	// site's shortcodes; param looks in SiteParams after the page's own.
	SiteTitle  string
	SiteParams map[string]any
}

// scShared is what the parses of one Parser share: the site's shortcode
// templates, each read and compiled once.
type scShared struct {
	mu        sync.Mutex
	templates map[string]*siteTemplate
	funcs     map[string]any
}

// siteTemplate is a site's own shortcode.
type siteTemplate struct {
	path  string // under layouts/
	html  *htmltemplate.Template
	text  *texttemplate.Template
	inner bool  // it reads .Inner: it needs a closing tag
	err   error // it does not compile
}

// siteShortcode returns the site's own shortcode name, or nil.
func (p *Parser) siteShortcode(name string) *siteTemplate {
	fsys := p.opts.Shortcodes.Layouts
	if fsys == nil || name == "" {
		return nil
	}
	p.sc.mu.Lock()
	defer p.sc.mu.Unlock()
	if t, ok := p.sc.templates[name]; ok {
		return t
	}
	if p.sc.templates == nil {
		p.sc.templates = map[string]*siteTemplate{}
		p.sc.funcs = p.templateFuncs()
	}
	var t *siteTemplate
	for _, dir := range []string{"shortcodes/", "_shortcodes/"} {
		for _, ext := range []string{".html", ".md"} {
			file := dir + name + ext
			if !fs.ValidPath(file) {
				continue
			}
			src, err := fs.ReadFile(fsys, file)
			if err != nil {
				continue
			}
			t = &siteTemplate{path: file, inner: strings.Contains(string(src), ".Inner")}
			// The line break that ends the file is not output: the
			// shortcode may stand inside a line.
			src = bytes.TrimSuffix(bytes.TrimSuffix(src, []byte("\n")), []byte("\r"))
			if ext == ".html" {
				t.html, t.err = htmltemplate.New(file).Funcs(htmltemplate.FuncMap(p.sc.funcs)).Option("missingkey=zero").Parse(string(src))
			} else {
				t.text, t.err = texttemplate.New(file).Funcs(texttemplate.FuncMap(p.sc.funcs)).Option("missingkey=zero").Parse(string(src))
			}
			break
		}
		if t != nil {
			break
		}
	}
	p.sc.templates[name] = t
	return t
}

// render executes a site shortcode at node n: its .Inner is its content
// rendered (for .html) or as written (for .md).
func (s *siteTemplate) render(c *scCall, n ast.Node, src []byte) string {
	inner := ""
	switch {
	case s.html != nil:
		var b bodyWriter
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if err := c.st.p.md.Renderer().Render(&b, src, ch); err != nil {
				break
			}
		}
		inner = b.String()
	case c.close >= 0:
		inner = string(c.st.orig[c.st.tags[c.open].end:c.st.tags[c.close].start])
	}
	return s.output(c, inner)
}

// output is a site shortcode's HTML, given its inner content.
func (s *siteTemplate) output(c *scCall, inner string) string {
	out := s.execute(c, inner)
	if s.text != nil {
		return c.st.p.renderMarkdown([]byte(out))
	}
	return out
}

// execute runs the template, reporting its errors at its own line and
// column; it returns what it wrote (HTML, or Markdown for a .md one).
func (s *siteTemplate) execute(c *scCall, inner string) string {
	if s.err != nil {
		s.report(c, s.err, false)
		return ""
	}
	x := &scContext{c: c, inner: inner, html: s.html != nil}
	var b strings.Builder
	var err error
	if s.html != nil {
		err = s.html.Execute(&b, x)
	} else {
		err = s.text.Execute(&b, x)
	}
	if err != nil {
		s.report(c, err, true)
		return ""
	}
	return b.String()
}

var scTemplateErrRE = regexp.MustCompile(`template: ([^:\s]+):(\d+)(?::(\d+))?: (.*)`)

// report turns a template error into a diagnostic at the template's line
// and column.
func (s *siteTemplate) report(c *scCall, err error, running bool) {
	msg, line, col := err.Error(), 0, 0
	if m := scTemplateErrRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[2])
		col, _ = strconv.Atoi(m[3])
		msg = m[4]
	}
	if line > 0 && col == 0 {
		col = 1
	}
	hint := "fix the template; a shortcode template sees .Get, .Inner, .Params, .IsNamedParams, .Name, .Ordinal, .Parent, .Position, .Page and .Site"
	if strings.Contains(msg, "function") && strings.Contains(msg, "not defined") {
		hint = "shortcode templates can call " + strings.Join(scFuncNames, ", ") + " besides Go's template functions"
	}
	if running {
		hint += "; used at " + c.position()
	}
	c.st.diags.Add(diag.Diagnostic{Path: "layouts/" + s.path, Offset: -1, Line: line, Col: col, Severity: diag.Error,
		Message: "shortcode template: " + msg, Hint: hint})
}

// position is where the shortcode is used, as path:line:col.
func (c *scCall) position() string {
	l, col := diag.Position(c.st.orig, c.tag().start)
	return fmt.Sprintf("%s:%d:%d", c.st.doc.SourcePath, l, col)
}

// scContext is what a site's shortcode template sees as its dot, with the
// methods of Hugo's.
type scContext struct {
	c     *scCall
	inner string
	html  bool
}

// Get returns an argument by position (an int) or by name (a string), or
// nil.
func (x *scContext) Get(key any) any {
	t := x.c.tag()
	switch k := key.(type) {
	case int:
		if !t.named && k >= 0 && k < len(t.args) {
			return t.args[k].typed()
		}
	case string:
		for _, a := range t.args {
			if a.name == k {
				return a.typed()
			}
		}
	}
	return nil
}

// Inner is the content between the tags: rendered HTML for an .html
// template, Markdown as written for an .md one.
func (x *scContext) Inner() any {
	if x.html {
		return htmltemplate.HTML(x.inner)
	}
	return x.inner
}

// InnerDeindent is Inner (the content is not indented by its tags here).
func (x *scContext) InnerDeindent() any { return x.Inner() }

// Params are the arguments: a map of the named ones, or a list of the
// positional ones.
func (x *scContext) Params() any {
	t := x.c.tag()
	if t.named {
		m := make(map[string]any, len(t.args))
		for _, a := range t.args {
			m[a.name] = a.typed()
		}
		return m
	}
	l := make([]any, len(t.args))
	for i, a := range t.args {
		l[i] = a.typed()
	}
	return l
}

// IsNamedParams reports whether the arguments are named.
func (x *scContext) IsNamedParams() bool { return x.c.tag().named }

// Name is the shortcode's name.
func (x *scContext) Name() string { return x.c.name }

// Ordinal is the shortcode's index among those in the same parent, from 0.
func (x *scContext) Ordinal() int { return x.c.ordinal }

// Parent is the shortcode around this one, or nil.
func (x *scContext) Parent() *scContext {
	if x.c.parent == nil {
		return nil
	}
	return &scContext{c: x.c.parent, html: x.html}
}

// Position is where the shortcode is used, as path:line:col.
func (x *scContext) Position() string { return x.c.position() }

// Page is the page the shortcode is used on.
func (x *scContext) Page() *scPage { return &scPage{st: x.c.st} }

// Site is the site.
func (x *scContext) Site() *scSite { return &scSite{opts: &x.c.st.p.opts.Shortcodes} }

// scPage is a page as a shortcode template sees it.
type scPage struct{ st *scState }

func (p *scPage) doc() *handbook.Document { return p.st.doc }

// Title is the page's title.
func (p *scPage) Title() string { return p.doc().Title }

// LinkTitle is the page's title.
func (p *scPage) LinkTitle() string { return p.doc().Title }

// Description is the page's summary.
func (p *scPage) Description() string { return p.doc().Summary }

// Summary is the page's summary.
func (p *scPage) Summary() string { return p.doc().Summary }

// Section is the page's top-level folder.
func (p *scPage) Section() string { return p.doc().Section }

// Kind is the page's kind (page, strategy, decision…).
func (p *scPage) Kind() string { return string(p.doc().Kind) }

// Date is the page's date.
func (p *scPage) Date() time.Time { return p.doc().Date }

// Params are the page's front matter values.
func (p *scPage) Params() map[string]any {
	if !p.st.frontRead {
		p.st.frontRead = true
		p.st.front = p.st.readFront()
	}
	return p.st.front
}

// Param looks a parameter up in the page's front matter, then in the
// site's params.
func (p *scPage) Param(key string) any {
	v, _ := p.st.param(key)
	return v
}

// scSite is the site as a shortcode template sees it.
type scSite struct{ opts *ShortcodeOptions }

// Title is the site's title.
func (s *scSite) Title() string { return s.opts.SiteTitle }

// Params are site.yaml's params.
func (s *scSite) Params() map[string]any { return s.opts.SiteParams }

// Param returns one of site.yaml's params.
func (s *scSite) Param(key string) any {
	v, _ := lookup(s.opts.SiteParams, key)
	return v
}

// scFuncNames are the functions of templateFuncs, for hints.
var scFuncNames = []string{"markdownify", "safeHTML", "safeHTMLAttr", "safeURL", "htmlEscape", "htmlUnescape", "plainify",
	"lower", "upper", "trim", "replace", "default", "hasPrefix", "hasSuffix", "in", "add", "sub", "dict", "slice", "split",
	"delimit", "urlize", "anchorize", "jsonify", "errorf"}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// templateFuncs are the functions of Hugo's a shortcode template commonly
// calls.
func (p *Parser) templateFuncs() map[string]any {
	str := func(v any) string {
		switch v := v.(type) {
		case string:
			return v
		case htmltemplate.HTML:
			return string(v)
		case nil:
			return ""
		}
		return fmt.Sprint(v)
	}
	fm := map[string]any{
		"markdownify": func(v any) htmltemplate.HTML {
			if h, ok := v.(htmltemplate.HTML); ok {
				return h
			}
			return htmltemplate.HTML(p.inlineMarkdown(str(v)))
		},
		"safeHTML":     func(v any) htmltemplate.HTML { return htmltemplate.HTML(str(v)) },
		"safeHTMLAttr": func(v any) htmltemplate.HTMLAttr { return htmltemplate.HTMLAttr(str(v)) },
		"safeURL":      func(v any) htmltemplate.URL { return htmltemplate.URL(str(v)) },
		"htmlEscape":   func(v any) string { return stdhtml.EscapeString(str(v)) },
		"htmlUnescape": func(v any) string { return stdhtml.UnescapeString(str(v)) },
		"plainify":     func(v any) string { return tagRE.ReplaceAllString(str(v), "") },
		"lower":        func(v any) string { return strings.ToLower(str(v)) },
		"upper":        func(v any) string { return strings.ToUpper(str(v)) },
		"trim":         func(v any, cut string) string { return strings.Trim(str(v), cut) },
		"replace":      func(v any, old, new string) string { return strings.ReplaceAll(str(v), old, new) },
		"default": func(def any, v ...any) any {
			if len(v) == 0 || v[0] == nil || v[0] == "" || v[0] == false || v[0] == 0 {
				return def
			}
			return v[0]
		},
		"hasPrefix": func(v any, s string) bool { return strings.HasPrefix(str(v), s) },
		"hasSuffix": func(v any, s string) bool { return strings.HasSuffix(str(v), s) },
		"in": func(set, v any) bool {
			switch s := set.(type) {
			case []any:
				for _, x := range s {
					if x == v {
						return true
					}
				}
				return false
			case []string:
				for _, x := range s {
					if x == str(v) {
						return true
					}
				}
				return false
			}
			return strings.Contains(str(set), str(v))
		},
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, errors.New("dict takes pairs of keys and values")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				m[str(kv[i])] = kv[i+1]
			}
			return m, nil
		},
		"slice": func(v ...any) []any { return v },
		"split": func(v any, sep string) []string { return strings.Split(str(v), sep) },
		"delimit": func(v any, sep string) string {
			switch l := v.(type) {
			case []string:
				return strings.Join(l, sep)
			case []any:
				parts := make([]string, len(l))
				for i, x := range l {
					parts[i] = str(x)
				}
				return strings.Join(parts, sep)
			}
			return str(v)
		},
		"urlize":    func(v any) string { return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(str(v))), " ", "-") },
		"anchorize": func(v any) string { return handbook.HeadingID(str(v)) },
		"jsonify": func(v any) (string, error) {
			b, err := json.Marshal(v)
			return string(b), err
		},
		"errorf": func(format string, args ...any) (string, error) { return "", fmt.Errorf(format, args...) },
	}
	return fm
}
