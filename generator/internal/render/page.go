package render

import (
	"cmp"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/health"
	"handbook/generator/internal/i18n"
)

// Page is what a layout sees as ".".
type Page struct {
	Doc   *handbook.Document // nil on generated pages (tags, paths, 404)
	Title string
	URL   string // site path of the page, "" for the home page
	// Kind is the document kind, or home, section, terms, term, path, 404, alias.
	Kind string
	// Items are the documents a list page lists.
	Items []*handbook.Document
	// ReadingPath is set on a reading path's page.
	ReadingPath *handbook.ReadingPath
	// Index is set on decision index pages.
	Index *DecisionIndex
	// Target is the page an alias redirects to.
	Target *handbook.Document
	// Owner is the team or person an owner's page lists the documents of.
	Owner string
	// Owners are the owners the owners' page lists, by name (and on the
	// health page, which links there when there are some).
	Owners []OwnerEntry
	Site   *SiteView
	// Root is the href of the site root from this page, .Rel "" ("./",
	// "../../"): what the default theme's cached partials are cached by.
	Root string

	r        *Renderer
	report   *report // the health page's (Health)
	absolute bool    // links from the site root (404 pages are served anywhere)
	root     string  // the href of the site root from here, once known ("" before)
}

// OwnerEntry is an owner on the owners' page: its name, the slug of its
// page (owners/SLUG/) and how many documents it keeps.
type OwnerEntry struct {
	Name, Slug string
	Docs       int
}

// SiteView is what layouts see as .Site.
type SiteView struct {
	Title       string
	Description string
	Language    string
	Footer      string
	Params      map[string]any
	Home        *handbook.Document
	Sections    []*handbook.Document
	Paths       []*handbook.ReadingPath
	Tags        []Tag
	Menu        []MenuEntry
	Counts      []KindCount
	Decisions   int

	// Dir is the direction of the handbook's language (Language, its
	// tag): "rtl" when it is written from right to left, else "ltr".
	Dir string
}

// Tag is a tag with its documents.
type Tag struct {
	Name string
	Slug string
	Docs []*handbook.Document
}

// MenuEntry is an item of the main menu with its resolved site path.
type MenuEntry struct {
	Title    string
	URL      string // site path, or an external URL
	External bool
}

// KindCount is the number of documents of a kind.
type KindCount struct {
	Kind  handbook.Kind
	Label string
	Count int
}

func newSiteView(r *Renderer) *SiteView {
	s := r.site
	v := &SiteView{
		Title: r.cfg.Title, Description: r.cfg.Description, Language: r.loc.Lang, Dir: r.loc.Dir,
		Footer: r.cfg.Footer, Params: r.cfg.Params, Home: s.Home, Sections: s.Sections, Paths: s.Paths,
		Decisions: len(s.Decisions),
	}
	// Tags whose names make one slug share its page.
	bySlug := map[string]int{}
	for _, name := range sortedKeys(s.Tags) {
		slug := graph.TagSlug(name)
		if i, ok := bySlug[slug]; ok {
			v.Tags[i].Docs = mergeByPath(v.Tags[i].Docs, s.Tags[name])
			continue
		}
		bySlug[slug] = len(v.Tags)
		v.Tags = append(v.Tags, Tag{Name: name, Slug: slug, Docs: s.Tags[name]})
	}
	counts := map[handbook.Kind]int{}
	for _, d := range s.Docs {
		counts[d.Kind]++
	}
	for _, k := range handbook.Kinds {
		if counts[k] > 0 {
			v.Counts = append(v.Counts, KindCount{Kind: k, Label: kindLabel(r.loc, k, counts[k] != 1), Count: counts[k]})
		}
	}
	// site.yaml's entries, then the documents' whose front matter puts
	// them in the menu (Hugo's menu: main): by weight where one is given,
	// the rest after, in that order.
	type weighted struct {
		e MenuEntry
		w int
	}
	var menu []weighted
	for _, m := range r.cfg.Menus["main"] {
		e := MenuEntry{Title: m.Title, URL: m.Link}
		switch {
		case strings.Contains(m.Link, "://"):
			e.External = true
		default:
			if d := s.ByID[m.Link]; d != nil {
				e.URL = d.URL
			} else if u, ok := graph.SafeSitePath(m.Link); ok {
				e.URL = u
			} else {
				e.URL = ""
			}
		}
		menu = append(menu, weighted{e, m.Weight})
	}
	for _, d := range s.Docs {
		for _, m := range d.Menus {
			if m.Menu == "main" {
				menu = append(menu, weighted{MenuEntry{Title: cmp.Or(m.Name, d.NavTitle()), URL: d.URL}, m.Weight})
			}
		}
	}
	unsetLast := func(w int) int {
		if w == 0 {
			return math.MaxInt
		}
		return w
	}
	slices.SortStableFunc(menu, func(a, b weighted) int { return cmp.Compare(unsetLast(a.w), unsetLast(b.w)) })
	for _, m := range menu {
		v.Menu = append(v.Menu, m.e)
	}
	return v
}

// Lang is the language of the page's text: its document's lang, else the
// handbook's.
func (p *Page) Lang() string {
	if p.Doc != nil && p.Doc.Lang != "" {
		return p.Doc.Lang
	}
	return p.Site.Language
}

// LangAttr is the lang attribute (and dir, when its direction differs
// from the handbook's) for the element that holds a document written in
// another language than the handbook ("" otherwise): the document's
// text then takes its own language's glyphs, hyphenation and voice.
func (p *Page) LangAttr() template.HTMLAttr {
	l := p.Lang()
	if l == p.Site.Language {
		return ""
	}
	a := ` lang="` + template.HTMLEscapeString(l) + `"`
	if d := i18n.Dir(l); d != p.Site.Dir {
		a += ` dir="` + d + `"`
	}
	return template.HTMLAttr(a)
}

// Rel returns the href from this page to a site path ("strategies/",
// "assets/main.css").
func (p *Page) Rel(to string) string {
	root := p.rootHref()
	if root == "./" {
		if to == "" {
			return "./"
		}
		return to
	}
	return root + to
}

// rootHref is the href of the site root from this page: "../" for each
// level below it, "./" at the root, the base path for absolute links.
func (p *Page) rootHref() string {
	if p.root == "" {
		if p.absolute {
			p.root = p.r.cfg.BasePath
		} else {
			p.root = Rel(p.URL, "")
		}
	}
	return p.root
}

// writeRel writes p.Rel(to), escaped as esc says, without building it.
func (p *Page) writeRel(b textWriter, to string, esc escaping) {
	if root := p.rootHref(); root != "./" {
		writeEscaped(b, root, esc)
	} else if to == "" {
		b.WriteString("./")
	}
	writeEscaped(b, to, esc)
}

// MenuCurrent is the site path of the main menu's entry for this page, or
// "" when the page is not in the menu: the variant that, with .Rel "",
// tells one page's header from another's.
func (p *Page) MenuCurrent() string {
	for _, m := range p.Site.Menu {
		if !m.External && m.URL == p.URL {
			return m.URL
		}
	}
	return ""
}

// Link returns the href from this page to a document.
func (p *Page) Link(d *handbook.Document) string {
	if d == nil {
		return ""
	}
	return p.Rel(d.URL)
}

// Asset returns the href of a bundled asset by its logical name ("main.css").
func (p *Page) Asset(name string) string {
	u := p.r.bundle.URL(name)
	if u == "" {
		return ""
	}
	return p.Rel(u)
}

// Diagrams reports whether the page's document has diagrams (```mermaid
// fences): the layout then loads the diagram scripts, "mermaid.js" and
// "diagrams.js", which no other page loads.
func (p *Page) Diagrams() bool {
	return p.Doc != nil && p.Doc.Diagrams > 0
}

// Content is the document's body with its links resolved.
func (p *Page) Content() template.HTML {
	if p.Doc == nil {
		return ""
	}
	return p.r.body(p.Doc, p)
}

// TOC lists the headings of levels 2 and 3.
func (p *Page) TOC() []handbook.Heading {
	if p.Doc == nil {
		return nil
	}
	var out []handbook.Heading
	for _, h := range p.Doc.Headings {
		if (h.Level == 2 || h.Level == 3) && h.ID != "" {
			out = append(out, h)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// TableOfContents is TOC as HTML: a list of links to the headings of
// levels 2 and 3, each item classed toc-2 or toc-3; empty when TOC is.
func (p *Page) TableOfContents() template.HTML {
	var b strings.Builder
	b.Grow(80 * p.tocLen())
	p.writeTOC(&b)
	return template.HTML(b.String())
}

// tocLen is the number of headings TOC lists, or 0 when it lists none.
func (p *Page) tocLen() int {
	if p.Doc == nil {
		return 0
	}
	n := 0
	for _, h := range p.Doc.Headings {
		if (h.Level == 2 || h.Level == 3) && h.ID != "" {
			n++
		}
	}
	if n < 2 {
		return 0
	}
	return n
}

// writeTOC writes TableOfContents into b.
func (p *Page) writeTOC(b textWriter) {
	if p.tocLen() == 0 {
		return
	}
	b.WriteString("<ul>")
	for _, h := range p.Doc.Headings {
		if (h.Level == 2 || h.Level == 3) && h.ID != "" {
			b.WriteString(`<li class="toc-`)
			b.WriteString(strconv.Itoa(h.Level))
			b.WriteString(`"><a href="#`)
			writeEscaped(b, h.ID, escTemplate)
			b.WriteString(`">`)
			writeEscaped(b, h.Text, escTemplate)
			b.WriteString("</a></li>")
		}
	}
	b.WriteString("</ul>")
}

// OwnPages are the documents of Items that are not sections: on the home
// page, its own pages (a flat folder of RFCs, the pages beside the
// sections), which the sidebar lists the first of.
func (p *Page) OwnPages() []*handbook.Document { return ownPages(p.Items) }

// ownPages returns the documents of docs that are not sections.
func ownPages(docs []*handbook.Document) []*handbook.Document {
	var out []*handbook.Document
	for _, d := range docs {
		if !d.IsSection {
			out = append(out, d)
		}
	}
	return out
}

// LinkItems renders docs as list items, each a link to the document
// followed by what show names: "status" (a status badge), "kind" (the
// kind's label, for kinds other than page) and "summary" (a paragraph);
// "card" gives each item the card style. It does in one call what a range
// over the documents does in a dozen actions, which counts on pages that
// list hundreds of documents and on the lists of every page.
func (p *Page) LinkItems(docs []*handbook.Document, show ...string) template.HTML {
	var f linkShow
	for _, s := range show {
		switch s {
		case "status":
			f.status = true
		case "kind":
			f.kind = true
		case "summary":
			f.summary = true
		case "card":
			f.card = true
		}
	}
	var b strings.Builder
	p.writeLinkItems(&b, docs, f)
	return template.HTML(b.String())
}

// linkShow is what LinkItems shows besides each link.
type linkShow struct{ status, kind, summary, card bool }

func (p *Page) writeLinkItems(b textWriter, docs []*handbook.Document, f linkShow) {
	for _, d := range docs {
		p.writeLinkItem(b, d, f)
	}
}

// writeLinkItem writes the item of d in LinkItems.
func (p *Page) writeLinkItem(b textWriter, d *handbook.Document, f linkShow) {
	esc := func(s string) { writeEscaped(b, s, escTemplate) }
	if f.card {
		b.WriteString(`<li class="card">`)
	} else {
		b.WriteString("<li>")
	}
	b.WriteString(`<a href="`)
	p.writeRel(b, d.URL, escTemplate)
	b.WriteString(`">`)
	esc(d.Title)
	b.WriteString("</a>")
	if f.status && d.Status != "" {
		b.WriteString(` <span class="badge status-`)
		esc(d.Status)
		b.WriteString(`">`)
		esc(p.r.labels.status(d.Status))
		b.WriteString("</span>")
	}
	if f.kind && d.Kind != handbook.KindPage {
		b.WriteString(` <span class="kind">`)
		esc(p.r.labels.kind(d.Kind, false))
		b.WriteString("</span>")
	}
	if f.summary && d.Summary != "" {
		b.WriteString("<p>")
		esc(d.Summary)
		b.WriteString("</p>")
	}
	b.WriteString("</li>\n")
}

// Group is a list of documents under a heading.
type Group struct {
	Label string
	Docs  []*handbook.Document
}

// Backlinks lists the documents that link here, grouped by kind.
func (p *Page) Backlinks() []Group {
	if p.Doc == nil {
		return nil
	}
	return groupByKind(p.r.labels, p.r.site.Backlinks[p.Doc])
}

func groupByKind(lab *labels, ds []*handbook.Document) []Group {
	if len(ds) == 0 {
		return nil
	}
	// The groups share one array, each kind's documents after the last
	// kind's, in the order of ds.
	all := make([]*handbook.Document, 0, len(ds))
	var out []Group
	for _, k := range handbook.Kinds {
		from := len(all)
		for _, d := range ds {
			if d.Kind == k {
				all = append(all, d)
			}
		}
		if g := all[from:len(all):len(all)]; len(g) > 0 {
			out = append(out, Group{Label: lab.kind(k, len(g) > 1), Docs: g})
		}
	}
	return out
}

// Breadcrumbs lists the sections above the page, from the home page down.
func (p *Page) Breadcrumbs() []*handbook.Document {
	if p.Doc == nil {
		return []*handbook.Document{p.r.site.Home}
	}
	var out []*handbook.Document
	for d := p.Doc.Parent; d != nil; d = d.Parent {
		out = append(out, d)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Overdue is the number of days d is overdue for review on the day of
// the build, 0 when it is not due (see health.DueFor).
func (p *Page) Overdue(d *handbook.Document) int {
	due, _ := health.DueFor(d, p.r.cfg, p.r.opts.Now)
	return due.DaysOverdue
}

// OwnerLink is the href of an owner's page.
func (p *Page) OwnerLink(owner string) string {
	return p.Rel("owners/" + graph.TagSlug(owner) + "/")
}

// CrumbItems writes the breadcrumbs as <li> items, each a link to a
// section above the page ("Home" for the home page): one call where a
// range costs a dozen template actions a crumb on every page.
func (p *Page) CrumbItems(crumbs []*handbook.Document) template.HTML {
	var b strings.Builder
	b.Grow(96 * len(crumbs))
	p.writeCrumbItems(&b, crumbs)
	return template.HTML(b.String())
}

// BreadcrumbBar is the breadcrumbs bar: a <nav> with the links of
// CrumbItems to the sections above the page (.Breadcrumbs) and, last,
// the page's own navigation title; empty when no section is above the
// page. The default theme's partials/breadcrumbs.html is this one call,
// where as template actions the bar costs a tenth of the allocations of
// rendering a document; a site that wants it otherwise writes it from
// .Breadcrumbs and .CrumbItems.
func (p *Page) BreadcrumbBar() template.HTML {
	crumbs := p.Breadcrumbs()
	if len(crumbs) == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(160 + 96*len(crumbs))
	b.WriteString("\n<nav class=\"breadcrumbs\" aria-label=\"")
	writeEscaped(&b, p.r.loc.Text("breadcrumbs"), escHTMLTemplate)
	b.WriteString("\">\n  <ol>")
	p.writeCrumbItems(&b, crumbs)
	b.WriteString("\n    <li aria-current=\"page\">")
	title := p.Title
	if p.Doc != nil {
		title = p.Doc.NavTitle()
	}
	writeEscaped(&b, title, escHTMLTemplate)
	b.WriteString("</li>\n  </ol>\n</nav>")
	return template.HTML(b.String())
}

// writeCrumbItems writes CrumbItems into b.
func (p *Page) writeCrumbItems(b *strings.Builder, crumbs []*handbook.Document) {
	for _, d := range crumbs {
		b.WriteString("\n    <li><a href=\"")
		escHref(b, p.Link(d))
		b.WriteString("\">")
		if d.URL == "" {
			writeEscaped(b, p.r.loc.Text("home"), escHTMLTemplate)
		} else {
			writeEscaped(b, d.NavTitle(), escHTMLTemplate)
		}
		b.WriteString("</a></li>")
	}
}

// InSection reports whether the page is d or lies below d.
func (p *Page) InSection(d *handbook.Document) bool {
	for x := p.Doc; x != nil; x = x.Parent {
		if x == d {
			return true
		}
	}
	return false
}

// Stale reports whether the document is due for review on the day of the
// build (see health.DueFor). The page also carries the dates (see .Meta),
// so that the reader's browser says what is due on the day it is read.
func (p *Page) Stale() bool {
	return p.Doc != nil && p.Overdue(p.Doc) > 0
}

// Steps are the positions of this page on the reading paths it is part of.
func (p *Page) Steps() []Step {
	if p.Doc == nil {
		return nil
	}
	var out []Step
	for _, rp := range p.r.site.PathsOf[p.Doc] {
		for i, d := range rp.Steps {
			if d != p.Doc {
				continue
			}
			st := Step{Path: rp, Index: i + 1, Total: len(rp.Steps)}
			if i > 0 {
				st.Prev = rp.Steps[i-1]
			}
			if i+1 < len(rp.Steps) {
				st.Next = rp.Steps[i+1]
			}
			out = append(out, st)
			break
		}
	}
	return out
}

// Step is a page's place on a reading path.
type Step struct {
	Path  *handbook.ReadingPath
	Index int // 1-based
	Total int
	Prev  *handbook.Document
	Next  *handbook.Document
}

// Decisions lists the decisions a document declares inline, or the
// decision record itself.
func (p *Page) Decisions() []*handbook.Decision {
	if p.Doc == nil {
		return nil
	}
	return p.Doc.Decisions
}

// Decision is the registry entry of a decision record page.
func (p *Page) Decision() *handbook.Decision {
	if p.Doc == nil || p.Doc.Kind != handbook.KindDecision {
		return nil
	}
	return p.r.site.DecisionByID[p.Doc.ID]
}

// InForce is, on the page of a decision that is superseded, deprecated
// or rejected, the decision in force in its place: its successor's
// successor and so on, to the first one not superseded; nil when nothing
// replaced it.
func (p *Page) InForce() *handbook.Decision {
	d := p.Decision()
	if d == nil || len(d.SupersededBy) == 0 {
		return nil
	}
	seen := map[*handbook.Decision]bool{d: true}
	for len(d.SupersededBy) > 0 && !seen[d.SupersededBy[0]] {
		d = d.SupersededBy[0]
		seen[d] = true
	}
	return d
}

// Refs lists the documents this one names in front matter (a vision's
// strategies, a strategy's design docs).
func (p *Page) Refs() []*handbook.Document {
	if p.Doc == nil {
		return nil
	}
	return p.Doc.Refs
}

// CitedBy lists documents of kind k that reference this one in front
// matter: the strategies that draw on a design doc, the visions that weave a
// strategy.
func (p *Page) CitedBy(k string) []*handbook.Document {
	var out []*handbook.Document
	if p.Doc == nil {
		return nil
	}
	for _, d := range p.r.site.Backlinks[p.Doc] {
		if string(d.Kind) != k {
			continue
		}
		for _, ref := range d.Refs {
			if ref == p.Doc {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// Related lists up to five documents that share this one's tags, area,
// owner, kind or year.
func (p *Page) Related() []*handbook.Document {
	if p.Doc == nil {
		return nil
	}
	return p.r.site.Related[p.Doc]
}

// Recent lists the n documents most recently changed: committed, dated
// or reviewed.
func (p *Page) Recent(n int) []*handbook.Document {
	return p.r.recent(p.r.site.Docs, n)
}

// mergeByPath merges two lists of documents in path order into one, each
// document once.
func mergeByPath(a, b []*handbook.Document) []*handbook.Document {
	out := make([]*handbook.Document, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		var d *handbook.Document
		switch {
		case len(b) == 0 || len(a) > 0 && a[0].Path <= b[0].Path:
			d, a = a[0], a[1:]
		default:
			d, b = b[0], b[1:]
		}
		if n := len(out); n == 0 || out[n-1] != d {
			out = append(out, d)
		}
	}
	return out
}

// PrevNext is the bar of links to the previous and next documents of the
// section (.Doc.Prev, .Doc.Next), each under its label; empty when there
// is neither. The default theme's single.html calls it once, where as
// template actions the bar costs a fifth of the allocations of rendering
// a document; a site that wants it otherwise writes it from .Doc.Prev and
// .Doc.Next.
func (p *Page) PrevNext() template.HTML {
	d := p.Doc
	if d == nil || d.Prev == nil && d.Next == nil {
		return ""
	}
	loc := p.r.loc
	var b strings.Builder
	b.Grow(512)
	link := func(rel, label string, to *handbook.Document) {
		b.WriteString(`<a rel="`)
		b.WriteString(rel)
		b.WriteString(`" href="`)
		escHref(&b, p.Link(to))
		b.WriteString(`"><span>`)
		writeEscaped(&b, loc.Text(label), escTemplate)
		b.WriteString("</span> ")
		writeEscaped(&b, to.Title, escHTMLTemplate)
		b.WriteString("</a>")
	}
	b.WriteString("\n<nav class=\"prevnext\" aria-label=\"")
	writeEscaped(&b, loc.Text("in_this_section"), escHTMLTemplate)
	b.WriteString(`">`)
	if d.Prev != nil {
		link("prev", "previous", d.Prev)
	}
	if d.Next != nil {
		link("next", "next", d.Next)
	}
	b.WriteString("\n</nav>")
	return template.HTML(b.String())
}

// ChecklistTools is the tool bar of a checklist with tasks: a progress
// bar, the count of tasks done, buttons to copy the list as Markdown and
// to reset it, and the text area the copy is made in; hidden until the
// page's script shows it, and empty on other pages. The default theme's
// single.html calls it once, where as template actions the bar costs
// two hundred allocations a checklist; a site that wants it otherwise
// writes it from .Kind, .Doc.ID and .Doc.Tasks.
func (p *Page) ChecklistTools() (template.HTML, error) {
	d := p.Doc
	if d == nil || p.Kind != string(handbook.KindChecklist) || d.Tasks == 0 {
		return "", nil
	}
	loc := p.r.loc
	count, err := loc.HTML("checklist_count", "done", 0, "total", d.Tasks)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(640)
	attr := func(key string) { writeEscaped(&b, loc.Text(key), escHTMLTemplate) }
	text := func(key string) { writeEscaped(&b, loc.Text(key), escTemplate) }
	b.WriteString("\n  <div class=\"checklist-tools\" data-checklist=\"")
	writeEscaped(&b, d.ID, escHTMLTemplate)
	b.WriteString("\" hidden>\n    <progress max=\"")
	b.WriteString(strconv.Itoa(d.Tasks))
	b.WriteString("\" value=\"0\" aria-label=\"")
	attr("checklist_progress")
	b.WriteString("\"></progress>\n    <span class=\"checklist-count\" aria-live=\"polite\">")
	b.WriteString(string(count))
	b.WriteString("</span>\n    <button type=\"button\" data-action=\"copy\">")
	text("copy_markdown")
	b.WriteString("</button>\n    <button type=\"button\" data-action=\"reset\">")
	text("reset")
	b.WriteString("</button>\n    <textarea class=\"checklist-markdown\" readonly hidden aria-label=\"")
	attr("checklist_markdown")
	b.WriteString("\"></textarea>\n  </div>")
	return template.HTML(b.String()), nil
}
