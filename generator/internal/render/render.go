// Package render executes the theme's templates over the linked site.
//
// Input: the *handbook.Site from the graph stage, the layouts (site over
// defaults), the asset bundle and a publish.Writer. Output: every page of the
// site written through the Writer: one per document, section lists, tag
// pages, reading paths, the 404 page, alias redirects, sitemap.xml and an
// Atom feed. Links are relative, so the output works under any sub-path.
// Template errors are diagnostics at `layouts/file:line:col`. Pages render in
// parallel; nothing here mutates the site. The layouts are the only
// definition of the theme's HTML: a fragment too costly as template
// actions is a Go method the layout calls (.LinkItems, .TableOfContents,
// .Nav), and what does not depend on the page is cached (partialCached).
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark/util"

	defaulti18n "handbook/layouts/i18n"

	"handbook/generator/internal/assets"
	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/history"
	"handbook/generator/internal/i18n"
	"handbook/generator/internal/lint"
	"handbook/generator/internal/pool"
	"handbook/generator/internal/publish"
	"handbook/generator/internal/sitepath"
)

// Options configure a render.
type Options struct {
	// Now is the build time: feeds and staleness use it, so tests pin it.
	Now time.Time
	// History is what git knows of each file's last change (nil: nothing):
	// the pages, the feed and the sitemap show it.
	History *history.Log
	// Logo and Favicon are the output paths of site.yaml's logo and
	// favicon ("": none; the theme's icon then).
	Logo, Favicon string
	// Locale is the theme's strings in the handbook's language (nil:
	// the theme's English).
	Locale *i18n.Locale
	// Rebuilds says the site will be rendered again after edits (serve):
	// each document's part of the site-wide files (search index,
	// graph.json) is then kept, so that a rebuild makes only those of
	// the documents that changed. A single build keeps none of them.
	Rebuilds bool
	// Lints are each document's findings of package lint, which the
	// health page lists as habits; a partial rebuild updates the map.
	Lints map[*handbook.Document][]lint.Finding
}

// Renderer renders a site.
type Renderer struct {
	site   *handbook.Site
	cfg    *config.Site
	bundle *assets.Bundle
	tpl    *templates
	opts   Options
	diags  *diag.List
	view   *SiteView
	loc    *i18n.Locale // the theme's strings (opts.Locale)
	labels *labels      // the kinds' and statuses' names in loc
	nav    navCache
	// buffers hold pages while they are written; a Writer keeps no page.
	buffers sync.Pool
	// scratch holds packed text while it is read (a *[]byte).
	scratch sync.Pool

	// Caches kept across serve's partial rebuilds, valid while the site's
	// documents are the same objects (a full rebuild makes a new Renderer).
	cacheMu sync.Mutex
	rows    map[*handbook.Document]*searchRow
	// terms numbers the terms of rows.
	terms *termDict
	// search is what serve keeps of the search index it last wrote.
	search searchState
	edges  map[*handbook.Document]linkEdges
	// docLines are graph.json's document entries.
	docLines map[*handbook.Document][]byte

	// list is every page, listed for the questions asked of it (listed).
	listMu sync.Mutex
	list   []job
}

// New prepares a renderer, compiling the layouts in fsys. Template syntax
// errors are reported to diags.
func New(site *handbook.Site, cfg *config.Site, layouts fs.FS, bundle *assets.Bundle, opts Options, diags *diag.List) *Renderer {
	r := &Renderer{site: site, cfg: cfg, bundle: bundle, opts: opts, diags: diags,
		rows: map[*handbook.Document]*searchRow{}, edges: map[*handbook.Document]linkEdges{}, docLines: map[*handbook.Document][]byte{}}
	r.buffers.New = func() any { return new(bytes.Buffer) }
	r.scratch.New = func() any { return new([]byte) }
	if r.opts.Locale == nil {
		r.opts.Locale = i18n.Load(i18n.Sources{Builtin: defaulti18n.FS}, "en", i18n.Position{}, nil)
	}
	r.loc = r.opts.Locale
	r.labels = newLabels(r.loc)
	r.tpl = loadTemplates(layouts, funcs(r.loc, r.labels), diags)
	r.view = newSiteView(r)
	return r
}

// job is one page to render.
type job struct {
	out    string   // output path
	layout []string // candidate layouts, first found wins
	page   *Page
	// own is set for a document's own page, the one page that shows its
	// body (a section's body shows on its generated pages too).
	own bool
}

// Render writes every page through w and returns the number of files written.
func (r *Renderer) Render(w publish.Writer) int {
	return r.RenderOnly(w, nil)
}

// RenderUntil writes the files keep accepts (nil: all), as RenderOnly
// does, unless stop reports true first (serve: more changes wait, and the
// site will be made again): then it makes no more pages, and reports that
// it did not finish.
func (r *Renderer) RenderUntil(w publish.Writer, keep func(out string) bool, stop func() bool) (written int, done bool) {
	var stopped atomic.Bool
	written = r.render(w, keep, func() bool {
		if stopped.Load() || stop() {
			stopped.Store(true)
			return true
		}
		return false
	})
	return written, !stopped.Load()
}

// RenderOnly writes the files whose output paths keep accepts (nil: all),
// for serve's rebuild of the pages an edit changed.
func (r *Renderer) RenderOnly(w publish.Writer, keep func(out string) bool) int {
	return r.render(w, keep, nil)
}

// render writes the files keep accepts (nil: all), making none once stop
// (when set) reports true.
func (r *Renderer) render(w publish.Writer, keep func(out string) bool, stop func() bool) int {
	r.tpl.reset()
	jobs := r.unique(r.jobs(keep))
	extras := r.extras(keep)
	var written atomic.Int64
	// The extras go first: each is one worker's, and the pages fill in
	// around them. A single build lets go of each document's body once
	// its page is written, and makes the extras when most bodies are
	// gone, with a quarter of the pages left to fill in around them.
	at := 0
	if !r.opts.Rebuilds {
		at = len(jobs) * 3 / 4
	}
	pool.Each(len(extras)+len(jobs), func(i int) {
		if stop != nil && stop() {
			return
		}
		if i >= at && i < at+len(extras) {
			f := extras[i-at]
			if f.stream != nil {
				if err := publish.Stream(w, f.name, f.stream); err != nil {
					if !errors.Is(err, publish.ErrStopped) {
						r.diags.Errorf(f.name, -1, "", "cannot write: %v", err)
					}
					return
				}
				written.Add(1)
				return
			}
			if f.files != nil {
				f.files(func(name string, b []byte) bool {
					if err := w.WriteFile(name, b); err != nil {
						if !errors.Is(err, publish.ErrStopped) {
							r.diags.Errorf(name, -1, "", "cannot write: %v", err)
						}
						return false
					}
					written.Add(1)
					return true
				})
				return
			}
			if err := w.WriteFile(f.name, f.make()); err != nil {
				if !errors.Is(err, publish.ErrStopped) {
					r.diags.Errorf(f.name, -1, "", "cannot write: %v", err)
				}
				return
			}
			written.Add(1)
			return
		}
		if i >= at {
			i -= len(extras)
		}
		j := jobs[i]
		buf := r.buffers.Get().(*bytes.Buffer)
		defer r.buffers.Put(buf)
		buf.Reset()
		buf.Grow(pageSizeHint(j.page))
		if !r.execute(buf, j) {
			return
		}
		if j.own && !r.opts.Rebuilds {
			// No other page shows this body, and no later render: a
			// single build shares its parses with no other build, and
			// lets go of the body (the largest part of a parse) here.
			j.page.Doc.Release()
		}
		if err := w.WriteFile(j.out, buf.Bytes()); err != nil {
			if !errors.Is(err, publish.ErrStopped) {
				r.diags.Errorf(j.page.source(), -1, "", "cannot write %s: %v", j.out, err)
			}
			return
		}
		written.Add(1)
	})
	return int(written.Load())
}

// pageSizeHint guesses the size of p's page, so that its buffer is
// allocated once rather than grown by doubling: the theme's markup, the
// sidebar, and the body.
func pageSizeHint(p *Page) int {
	n := 16 << 10
	if p.Doc != nil {
		n += p.Doc.HTMLLen()
	}
	return n
}

// jobs lists the pages of the site with their layouts, those keep
// accepts (nil: all).
func (r *Renderer) jobs(keep func(string) bool) []job {
	if keep != nil {
		return slices.DeleteFunc(r.allJobs(keep), func(j job) bool { return !keep(j.out) })
	}
	return r.allJobs(nil)
}

// allJobs lists every page; documents' pages only where skip allows, since
// they are most of a site.
func (r *Renderer) allJobs(keep func(string) bool) []job {
	s := r.site
	var jobs []job
	pageOf := func(d *handbook.Document) *Page {
		return &Page{Doc: d, Title: d.Title, URL: d.URL, Kind: string(d.Kind), Site: r.view, r: r}
	}
	home := pageOf(s.Home)
	home.Kind = "home"
	home.Items = s.Home.Children
	jobs = append(jobs, job{out: "index.html", layout: []string{"index.html", "_default/list.html"}, page: home})
	var sections []*handbook.Document
	var walk func(*handbook.Document)
	walk = func(sec *handbook.Document) {
		for _, c := range sec.Children {
			if c.IsSection {
				sections = append(sections, c)
				walk(c)
			}
		}
	}
	walk(s.Home)
	decisionJobs := r.decisionJobs()
	for _, sec := range sections {
		if sec.URL == "decisions/" && len(decisionJobs) > 0 {
			continue // the decision index is this section's page
		}
		p := pageOf(sec)
		p.Kind = "section"
		p.Items = sec.Children
		jobs = append(jobs, job{out: sec.URL + "index.html", layout: candidates(sec.Section, "", "list.html"), page: p})
	}
	for _, d := range s.Docs {
		if d.IsSection || keep != nil && !keep(d.URL+"index.html") || s.ByURL[d.URL] != d {
			continue // a document whose address another one took was reported by graph
		}
		jobs = append(jobs, job{out: d.URL + "index.html", layout: candidates(string(d.Kind), d.Section, "single.html"), page: pageOf(d), own: true})
	}
	if len(s.Tags) > 0 {
		jobs = append(jobs, job{out: "tags/index.html", layout: []string{"_default/terms.html"},
			page: &Page{Title: r.loc.Text("tags"), URL: "tags/", Kind: "terms", Site: r.view, r: r}})
		for _, t := range r.view.Tags {
			jobs = append(jobs, job{out: "tags/" + t.Slug + "/index.html", layout: []string{"_default/term.html", "_default/list.html"},
				page: &Page{Title: r.loc.Text("tagged", "tag", t.Name), URL: "tags/" + t.Slug + "/", Kind: "term", Items: t.Docs, Site: r.view, r: r}})
		}
	}
	for _, rp := range s.Paths {
		jobs = append(jobs, job{out: "paths/" + rp.ID + "/index.html", layout: []string{"_default/path.html"},
			page: &Page{Title: rp.Title, URL: "paths/" + rp.ID + "/", Kind: "path", Items: rp.Steps, ReadingPath: rp, Site: r.view, r: r}})
	}
	jobs = append(jobs, decisionJobs...)
	jobs = append(jobs, r.healthJobs()...)
	jobs = append(jobs, job{out: "404.html", layout: []string{"404.html"},
		page: &Page{Title: r.loc.Text("page_not_found"), URL: "404/", Kind: "404", Site: r.view, r: r, absolute: true}})
	for _, d := range s.Docs {
		for _, a := range d.Aliases {
			if u, ok := graph.SafeSitePath(a.Target); ok && s.ByURL[u] == nil {
				jobs = append(jobs, job{out: u + "index.html", layout: []string{"alias.html"},
					page: &Page{Title: d.Title, URL: u, Kind: "alias", Target: d, Site: r.view, r: r}})
			}
		}
	}
	return jobs
}

func (r *Renderer) execute(buf *bytes.Buffer, j job) bool {
	t, name := r.tpl.find(j.layout)
	if t == nil && (name != "" || r.tpl.broken) {
		return false // the layout's own error is reported
	}
	if t == nil {
		r.diags.Errorf("layouts/"+j.layout[len(j.layout)-1], -1, "add the layout to layouts/, or restore the default theme's", "no layout for %s (looked for %s)", j.out, strings.Join(j.layout, ", "))
		return false
	}
	j.page.Root = j.page.Rel("")
	if err := t.Execute(buf, j.page); err != nil {
		r.tpl.report(err, name, "while rendering "+j.out)
		return false
	}
	return true
}

// unique keeps the first job of each output path, so that no file is
// written twice; a generated page that meets a document's address yields.
func (r *Renderer) unique(jobs []job) []job {
	seen := make(map[string]bool, len(jobs))
	out := jobs[:0]
	for _, j := range jobs {
		if seen[j.out] {
			r.diags.Warnf(j.page.source(), -1, "rename the document or the folder", "two pages would be written to %s; the first is kept", j.out)
			continue
		}
		seen[j.out] = true
		out = append(out, j)
	}
	return out
}

// candidates lists the layouts tried for a page, most specific first:
// <kind>/<name>, <section>/<name>, _default/<name>.
func candidates(kind, section, name string) []string {
	var out []string
	for _, dir := range []string{kind, section} {
		if dir != "" && !slices.Contains(out, dir+"/"+name) {
			out = append(out, dir+"/"+name)
		}
	}
	return append(out, "_default/"+name)
}

// Rel returns the href from a page at site path from (a directory URL such
// as "a/b/", "" for the root) to the site path to.
func Rel(from, to string) string {
	prefix := strings.Repeat("../", strings.Count(from, "/"))
	if prefix == "" && to == "" {
		return "./"
	}
	return prefix + to
}

// body fills the link slots of d's HTML with hrefs relative to page URL from.
func (r *Renderer) body(d *handbook.Document, p *Page) template.HTML {
	// The packed HTML is read into a buffer used again, and only the
	// page's body, its slots filled, is a string of its own.
	scratch := r.scratch.Get().(*[]byte)
	defer r.scratch.Put(scratch)
	*scratch = d.AppendHTML((*scratch)[:0])
	h := unsafe.String(unsafe.SliceData(*scratch), len(*scratch))
	if strings.IndexByte(h, 0) < 0 {
		return template.HTML(strings.Clone(h))
	}
	var b strings.Builder
	b.Grow(len(h) + 64*len(d.Links))
	r.writeBody(&b, d, h, p)
	return template.HTML(b.String())
}

// textWriter is what pages are written into: a strings.Builder or a
// bytes.Buffer.
type textWriter interface {
	Write([]byte) (int, error)
	WriteString(string) (int, error)
	WriteByte(byte) error
}

// writeBody writes body(d, p) into b, from h, d's HTML.
func (r *Renderer) writeBody(b textWriter, d *handbook.Document, h string, p *Page) {
	for {
		i := strings.IndexByte(h, 0)
		if i < 0 {
			break
		}
		j := strings.IndexByte(h[i+1:], 0)
		if j < 0 {
			break
		}
		n, err := strconv.Atoi(h[i+1 : i+1+j])
		pre, rest := h[:i], h[i+2+j:]
		if err == nil && n < len(d.Links) && !hasHref(d.Links[n]) {
			// The tag keeps no href (or src) at all.
			if tag, ok := cutAttr(pre); ok && strings.HasPrefix(rest, `"`) {
				pre, rest = tag, rest[1:]
			}
			b.WriteString(pre)
			h = rest
			continue
		}
		b.WriteString(pre)
		if err == nil && n < len(d.Links) {
			r.writeHref(b, d.Links[n], p)
		}
		h = rest
	}
	b.WriteString(h)
}

// hasHref reports whether a link is written with an href: a link to a
// document or a file, or a URL a link may have. A wikilink that names no
// document and reads as a URL a browser would run ([[javascript:…]]) has
// none; the markdown stage drops other links of that kind.
func hasHref(l *handbook.Link) bool {
	if l.Target != nil || l.File != "" || l.Folder != "" {
		return true
	}
	_, ok := sitepath.SafeURL(l.Dest, l.Form == handbook.LinkImage)
	return ok
}

// cutAttr removes the start of the href or src attribute that ends s.
func cutAttr(s string) (string, bool) {
	for _, a := range []string{` href="`, ` src="`} {
		if t, ok := strings.CutSuffix(s, a); ok {
			return t, true
		}
	}
	return s, false
}

// fileHref escapes the site path of a static file for an href: the bytes
// a browser would read as something other than a part of the path ('%' an
// escape, '?' a query, '#' a fragment, ':' a scheme, '\\' a slash) or drop
// (spaces and other controls) are percent-encoded. A file keeps its name
// ("100% chart.png"), unlike a page, whose address is made safe
// (sitepath.URLPath).
func fileHref(p string) string {
	if !strings.ContainsFunc(p, func(r rune) bool { return r < utf8.RuneSelf && fileEscaped[r] }) {
		return p
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < utf8.RuneSelf && fileEscaped[c] {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// fileEscaped marks the bytes fileHref percent-encodes.
var fileEscaped = func() (t [utf8.RuneSelf]bool) {
	for c := range ' ' + 1 {
		t[c] = true
	}
	for _, c := range "%?#:\\\x7f" {
		t[c] = true
	}
	return t
}()

// writeHref writes href(l, p) escaped as goldmark escapes attribute
// values, without building the string.
func (r *Renderer) writeHref(b textWriter, l *handbook.Link, p *Page) {
	switch {
	case l.Target != nil:
		if l.Target != p.Doc || l.Fragment == "" {
			p.writeRel(b, l.Target.URL, escGoldmark)
		}
		if l.Fragment != "" {
			b.WriteString("#")
			writeEscaped(b, l.Fragment, escGoldmark)
		}
	case l.File != "":
		p.writeRel(b, fileHref(l.File), escGoldmark)
	case l.Folder != "":
		writeEscaped(b, l.Folder, escGoldmark)
	default:
		b.Write(util.EscapeHTML(util.URLEscape([]byte(l.Dest), true)))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (p *Page) source() string {
	if p.Doc != nil {
		return p.Doc.SourcePath
	}
	return "layouts"
}

var _ = fmt.Sprint
