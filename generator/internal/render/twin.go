package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
)

// Twins are Go functions that write what a default partial writes, byte
// for byte, for a page. A partial with a twin is executed by the twin
// unless the site overrides it (any change to the file) or the data is not
// a page: html/template spends about a microsecond on each action, and the
// partials that show a document's metadata, breadcrumbs and related pages
// are a hundred actions on each of thousands of pages. The layouts stay
// the reference: TestTwinsMatchTheirTemplates renders whole sites both ways
// and compares every file.

// A twin writes into b and returns the error of a partial it includes.
type twin func(p *Page, b *bytes.Buffer) error

// twinOf returns the twin of the default layout name, or nil. For
// _default/single.html, the twin is of its "main" block.
func twinOf(name string) twin {
	switch name {
	case "_default/single.html":
		return (*Page).singleTwin
	case "_default/decisions.html":
		return (*Page).decisionsTwin
	case "partials/head.html":
		return (*Page).headTwin
	case "partials/nav.html":
		return (*Page).navTwin
	case "partials/pathbar.html":
		return (*Page).pathbarTwin
	case "partials/meta.html":
		return (*Page).metaTwin
	case "partials/breadcrumbs.html":
		return (*Page).breadcrumbsTwin
	case "partials/related.html":
		return (*Page).relatedTwin
	}
	return nil
}

// twinSource is what a twinned layout is compiled from instead of its
// file.
func twinSource(name string) string {
	call := `{{ twin "` + name + `" . }}`
	if !strings.HasPrefix(name, "partials/") {
		return `{{ define "main" }}` + call + `{{ end }}`
	}
	return call
}

// decisionEntry is the partial that shows one decision; it takes a page
// and the decision (dict2), so its twin is not a page's.
const decisionEntry = "partials/decision-entry.html"

// hasTwin reports whether the default layout name has a twin.
func hasTwin(name string) bool { return twinOf(name) != nil || name == decisionEntry }

// runTwin is the template function a twinned layout is replaced by. Data
// that no twin takes goes to the layout's template.
func (t *templates) runTwin(name string, data any) (template.HTML, error) {
	var b bytes.Buffer
	switch v := data.(type) {
	case *Page:
		if tw := twinOf(name); tw != nil && v != nil {
			err := tw(v, &b)
			return template.HTML(b.String()), err
		}
	case map[string]any:
		// {{ template "partials/decision-entry.html" (dict2 $ .) }}
		p, _ := v["Page"].(*Page)
		d, _ := v["Item"].(*handbook.Decision)
		if name == decisionEntry && p != nil && d != nil && len(v) == 2 {
			p.decisionEntryTwin(&b, d)
			return template.HTML(b.String()), nil
		}
	}
	if pt := t.base.Lookup(name + twinSuffix); pt != nil {
		err := pt.Execute(&b, data)
		return template.HTML(b.String()), err
	}
	return "", fmt.Errorf("%s renders a page, not %T", name, data)
}

// include writes the partial name for p, as {{ template name . }} would:
// through its twin when it has one, else its template.
func (p *Page) include(b *bytes.Buffer, name string) error {
	t := p.r.tpl
	if t.twinned[name] {
		return twinOf(name)(p, b)
	}
	h, err := t.partial(name, p)
	b.WriteString(string(h))
	return err
}

// twinSuffix names the template a twinned partial keeps for data that is
// not a page.
const twinSuffix = "~template"

// escaping names one of the HTML escapers output goes through.
type escaping int

const (
	escHTMLTemplate escaping = iota // html/template, in text and quoted attributes
	escTemplate                     // template.HTMLEscapeString
	escGoldmark                     // goldmark's util.EscapeHTML
)

// escapes maps, for each escaping, the bytes it replaces to their
// replacements; "" leaves a byte as it is.
var escapes = func() (t [3][256]string) {
	for esc := range t {
		t[esc]['&'], t[esc]['<'], t[esc]['>'], t[esc]['"'], t[esc][0] = "&amp;", "&lt;", "&gt;", "&#34;", "\uFFFD"
		if escaping(esc) == escGoldmark {
			t[esc]['"'] = "&quot;"
			continue
		}
		t[esc]['\''] = "&#39;"
		if escaping(esc) == escHTMLTemplate {
			t[esc]['+'] = "&#43;"
		}
	}
	return t
}()

// writeEscaped writes s escaped as esc does.
func writeEscaped(b textWriter, s string, esc escaping) {
	tbl := &escapes[esc]
	last := 0
	for i := 0; i < len(s); i++ {
		if rep := tbl[s[i]]; rep != "" {
			b.WriteString(s[last:i])
			b.WriteString(rep)
			last = i + 1
		}
	}
	b.WriteString(s[last:])
}

// escText writes s as html/template escapes a string in text and in quoted
// attribute values.
func escText(b *bytes.Buffer, s string) { writeEscaped(b, s, escHTMLTemplate) }

// escHref writes s as html/template writes a string that is a whole href
// value: a scheme other than http, https or mailto is replaced by
// "#ZgotmplZ"; bytes a URL does not allow bare are percent-encoded (an
// existing % is kept); the result is escaped as an attribute value.
func escHref(b *bytes.Buffer, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			b.WriteString("#ZgotmplZ")
			return
		}
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~!#$*,/:;=?@[]%", c) >= 0:
			b.WriteByte(c)
		case c == '&':
			b.WriteString("&amp;")
		case c == '+':
			b.WriteString("&#43;")
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
}

func (p *Page) metaTwin(b *bytes.Buffer) error {
	d := p.Doc
	if d == nil {
		b.WriteString("\n")
		return nil
	}
	b.WriteString("\n<dl class=\"doc-meta\">")
	if d.Kind != handbook.KindPage {
		b.WriteString("\n  <div><dt>Kind</dt><dd><span class=\"kind\">")
		escText(b, d.Kind.Label(false))
		b.WriteString("</span></dd></div>")
	}
	if d.Status != "" {
		b.WriteString("\n  <div><dt>Status</dt><dd><span class=\"badge status-")
		escText(b, d.Status)
		b.WriteString("\">")
		escText(b, d.Status)
		b.WriteString("</span>")
		if p.Stale() {
			b.WriteString(` <span class="badge stale" title="Not reviewed within the review period">review due</span>`)
		}
		b.WriteString("</dd></div>")
	}
	field := func(label, v string) {
		if v != "" {
			b.WriteString("<div><dt>" + label + "</dt><dd>")
			escText(b, v)
			b.WriteString("</dd></div>")
		}
	}
	field("Owner", d.Owner)
	field("Authors", strings.Join(d.Authors, ", "))
	field("Deciders", strings.Join(d.Deciders, ", "))
	when := func(label string, t time.Time) {
		if t.IsZero() {
			return
		}
		b.WriteString("<div><dt>" + label + "</dt><dd><time datetime=\"")
		escText(b, t.Format("2006-01-02"))
		b.WriteString("\">")
		escText(b, t.Format("2 January 2006"))
		b.WriteString("</time></dd></div>")
	}
	if d.Kind == handbook.KindDecision {
		when("Decided", d.Date)
	} else {
		when("Date", d.Date)
	}
	when("Reviewed", d.Reviewed)
	if d.Horizon != 0 {
		field("Horizon", strconv.Itoa(d.Horizon))
	}
	field("Area", d.Area)
	if len(d.Tags) > 0 {
		b.WriteString(`<div><dt>Tags</dt><dd><ul class="tags">`)
		for _, t := range d.Tags {
			b.WriteString(`<li><a href="`)
			escHref(b, p.Rel("tags/"+graph.TagSlug(t)+"/"))
			b.WriteString(`">`)
			escText(b, t)
			b.WriteString("</a></li>")
		}
		b.WriteString("</ul></dd></div>")
	}
	b.WriteString("\n  <div><dt>Reading time</dt><dd>")
	b.WriteString(strconv.Itoa(d.ReadingMinutes()))
	b.WriteString(" min</dd></div>\n</dl>\n")
	return nil
}

func (p *Page) breadcrumbsTwin(b *bytes.Buffer) error {
	crumbs := p.Breadcrumbs()
	if len(crumbs) > 0 {
		b.WriteString("\n<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\">\n  <ol>")
		for _, c := range crumbs {
			b.WriteString("\n    <li><a href=\"")
			escHref(b, p.Link(c))
			b.WriteString("\">")
			if c.URL == "" {
				b.WriteString("Home")
			} else {
				escText(b, c.Title)
			}
			b.WriteString("</a></li>")
		}
		b.WriteString("\n    <li aria-current=\"page\">")
		escText(b, p.Title)
		b.WriteString("</li>\n  </ol>\n</nav>")
	}
	b.WriteString("\n")
	return nil
}

func (p *Page) relatedTwin(b *bytes.Buffer) error {
	list := func(class, id, heading string, docs []*handbook.Document, f linkShow) {
		b.WriteString("\n<section class=\"" + class + "\" aria-labelledby=\"" + id + "\">\n  <h2 id=\"" + id + "\">" + heading + "</h2>\n  <ul>\n  ")
		p.writeLinkItems(b, docs, f)
		b.WriteString("</ul>\n</section>")
	}
	if refs := p.Refs(); len(refs) > 0 {
		heading := "Drawn from these design documents"
		if p.Kind == "vision" {
			heading = "Strategies it weaves together"
		}
		list("refs", "refs-h", heading, refs, linkShow{status: true})
	}
	switch p.Kind {
	case "design-doc":
		if c := p.CitedBy("strategy"); len(c) > 0 {
			list("refs", "citedby-h", "Strategies drawn from this document", c, linkShow{})
		}
	case "strategy":
		if c := p.CitedBy("vision"); len(c) > 0 {
			list("refs", "citedby-h", "Visions that build on this strategy", c, linkShow{})
		}
	}
	if ds := p.Decisions(); len(ds) > 0 {
		b.WriteString("\n<section class=\"decisions\" aria-labelledby=\"decisions-h\">\n  <h2 id=\"decisions-h\">Decisions made here</h2>\n  <ul>")
		for _, d := range ds {
			b.WriteString("\n    <li id=\"decision-")
			escText(b, d.ID)
			b.WriteString("\"><span class=\"badge status-")
			escText(b, d.Status)
			b.WriteString("\">")
			escText(b, d.Status)
			b.WriteString("</span> <strong>")
			escText(b, d.Title)
			b.WriteString("</strong> <code>")
			escText(b, d.ID)
			b.WriteString("</code>")
			if d.Rationale != "" {
				b.WriteString("<br><span class=\"rationale\">")
				escText(b, d.Rationale)
				b.WriteString("</span>")
			}
			b.WriteString("</li>")
		}
		b.WriteString("\n  </ul>\n</section>")
	}
	if d := p.Decision(); d != nil && (len(d.Replaces) > 0 || len(d.SupersededBy) > 0) {
		b.WriteString("\n<section class=\"supersedes\" aria-labelledby=\"chain-h\">\n  <h2 id=\"chain-h\">Supersedes chain</h2>\n  <ul>")
		chain := func(label string, ds []*handbook.Decision) {
			for _, x := range ds {
				b.WriteString("<li>" + label + " <a href=\"")
				escHref(b, p.Link(x.Doc))
				b.WriteString("\">")
				escText(b, x.ID)
				b.WriteString(": ")
				escText(b, x.Title)
				b.WriteString("</a></li>")
			}
		}
		chain("Superseded by", d.SupersededBy)
		chain("Supersedes", d.Replaces)
		b.WriteString("\n  </ul>\n</section>")
	}
	if groups := p.Backlinks(); len(groups) > 0 {
		b.WriteString("\n<section class=\"backlinks\" aria-labelledby=\"backlinks-h\">\n  <h2 id=\"backlinks-h\">Referenced by</h2>")
		for _, g := range groups {
			b.WriteString("\n  <h3>")
			escText(b, g.Label)
			b.WriteString("</h3>\n  <ul>\n  ")
			p.writeLinkItems(b, g.Docs, linkShow{})
			b.WriteString("</ul>")
		}
		b.WriteString("\n</section>")
	}
	if rel := p.Related(); len(rel) > 0 {
		list("related", "related-h", "Related", rel, linkShow{kind: true})
	}
	b.WriteString("\n")
	return nil
}

// pageTwin writes a whole page, as _default/baseof.html does around the
// "main" block that main writes.
func (p *Page) pageTwin(b *bytes.Buffer, main twin) error {
	t := p.r.tpl
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	escText(b, p.Site.Language)
	b.WriteString("\">\n<head>\n")
	if err := p.include(b, "partials/head.html"); err != nil {
		return err
	}
	b.WriteString("\n</head>\n<body class=\"kind-")
	escText(b, p.Kind)
	b.WriteString("\">\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
	root := p.Rel("")
	h, err := t.partialCached("partials/header.html", p, root, p.MenuCurrent())
	if err != nil {
		return err
	}
	b.WriteString(string(h))
	b.WriteString("\n<div class=\"layout\">\n")
	if err := p.include(b, "partials/nav.html"); err != nil {
		return err
	}
	b.WriteString("\n<main id=\"main\" tabindex=\"-1\">\n")
	if err := main(p, b); err != nil {
		return err
	}
	b.WriteString("\n</main>\n</div>\n")
	if h, err = t.partialCached("partials/footer.html", p, root); err != nil {
		return err
	}
	b.WriteString(string(h))
	b.WriteString("\n</body>\n</html>\n")
	return nil
}

func (p *Page) navTwin(b *bytes.Buffer) error {
	b.WriteString("<nav class=\"sidebar\" aria-label=\"Sections\">\n")
	p.writeNav(b)
	b.WriteString("\n</nav>\n")
	return nil
}

func (p *Page) headTwin(b *bytes.Buffer) error {
	b.WriteString("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if p.Kind != "home" {
		escText(b, p.Title)
		b.WriteString(" · ")
	}
	escText(b, p.Site.Title)
	b.WriteString("</title>")
	if p.Doc != nil && p.Doc.Summary != "" {
		b.WriteString("\n<meta name=\"description\" content=\"")
		escText(b, p.Doc.Summary)
		b.WriteString("\">")
	}
	b.WriteString("\n")
	h, err := p.r.tpl.partialCached("partials/head-links.html", p, p.Rel(""))
	b.WriteString(string(h))
	return err
}

func (p *Page) pathbarTwin(b *bytes.Buffer) error {
	for _, st := range p.Steps() {
		b.WriteString("\n<nav class=\"pathbar\" aria-label=\"Reading path: ")
		escText(b, st.Path.Title)
		b.WriteString("\" data-path=\"")
		escText(b, st.Path.ID)
		b.WriteString("\" data-url=\"")
		escHref(b, p.URL)
		b.WriteString("\">\n  <a class=\"path-name\" href=\"")
		escHref(b, p.Rel("paths/"+st.Path.ID+"/"))
		b.WriteString("\">")
		escText(b, st.Path.Title)
		b.WriteString("</a>\n  <span class=\"path-pos\">Step " + strconv.Itoa(st.Index) + " of " + strconv.Itoa(st.Total) + "</span>\n  <span class=\"path-links\">")
		if st.Prev != nil {
			p.writeRelLink(b, "prev", st.Prev, "← ", "")
		}
		if st.Next != nil {
			p.writeRelLink(b, "next", st.Next, "", " →")
		}
		b.WriteString("\n  </span>\n</nav>")
	}
	b.WriteString("\n")
	return nil
}

// writeRelLink writes a link to d with rel="rel" (prev, next): before,
// d's title, after.
func (p *Page) writeRelLink(b *bytes.Buffer, rel string, d *handbook.Document, before, after string) {
	b.WriteString(`<a rel="` + rel + `" href="`)
	escHref(b, p.Link(d))
	b.WriteString(`">` + before)
	escText(b, d.Title)
	b.WriteString(after + "</a>")
}

// singleTwin is the "main" block of _default/single.html.
func (p *Page) singleTwin(b *bytes.Buffer) error {
	d := p.Doc
	if d == nil {
		return fmt.Errorf("_default/single.html renders a document's page, not %s", p.URL)
	}
	b.Grow(len(d.HTML) + 8<<10)
	b.WriteString("\n")
	if err := p.include(b, "partials/breadcrumbs.html"); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := p.include(b, "partials/pathbar.html"); err != nil {
		return err
	}
	b.WriteString("\n<article class=\"doc kind-")
	escText(b, string(d.Kind))
	b.WriteString("\">\n  <header>\n    <h1")
	if d.TitleID != "" {
		b.WriteString(" id=\"")
		escText(b, d.TitleID)
		b.WriteString("\"")
	}
	b.WriteString(">")
	escText(b, p.Title)
	b.WriteString("</h1>\n    ")
	if d.Summary != "" {
		b.WriteString("<p class=\"summary\">")
		escText(b, d.Summary)
		b.WriteString("</p>")
	}
	b.WriteString("\n    ")
	if err := p.include(b, "partials/meta.html"); err != nil {
		return err
	}
	b.WriteString("\n  </header>")
	if p.tocLen() > 0 {
		b.WriteString("\n  <nav class=\"toc\" aria-label=\"On this page\">\n    <h2>On this page</h2>\n    ")
		p.writeTOC(b)
		b.WriteString("\n  </nav>")
	}
	if p.Kind == "checklist" && d.Tasks != 0 {
		n := strconv.Itoa(d.Tasks)
		b.WriteString("\n  <div class=\"checklist-tools\" data-checklist=\"")
		escText(b, d.ID)
		b.WriteString("\" hidden>\n    <progress max=\"" + n + "\" value=\"0\" aria-label=\"Checklist progress\"></progress>\n" +
			"    <span class=\"checklist-count\" aria-live=\"polite\">0 of " + n + " done</span>\n" +
			"    <button type=\"button\" data-action=\"copy\">Copy as Markdown</button>\n" +
			"    <button type=\"button\" data-action=\"reset\">Reset</button>\n" +
			"    <textarea class=\"checklist-markdown\" readonly hidden aria-label=\"Checklist as Markdown\"></textarea>\n  </div>")
	}
	b.WriteString("\n  <div class=\"content\">\n")
	p.r.writeBody(b, d, p)
	b.WriteString("\n  </div>\n</article>\n")
	if err := p.include(b, "partials/related.html"); err != nil {
		return err
	}
	if d.Prev != nil || d.Next != nil {
		b.WriteString("\n<nav class=\"prevnext\" aria-label=\"In this section\">")
		if d.Prev != nil {
			p.writeRelLink(b, "prev", d.Prev, "<span>Previous</span> ", "")
		}
		if d.Next != nil {
			p.writeRelLink(b, "next", d.Next, "<span>Next</span> ", "")
		}
		b.WriteString("\n</nav>")
	}
	b.WriteString("\n")
	return nil
}

// decisionsTwin is the "main" block of _default/decisions.html.
func (p *Page) decisionsTwin(b *bytes.Buffer) error {
	ix := p.Index
	if ix == nil {
		return fmt.Errorf("_default/decisions.html renders a decision index, not %s", p.URL)
	}
	b.WriteString("\n")
	if err := p.include(b, "partials/breadcrumbs.html"); err != nil {
		return err
	}
	b.WriteString("\n<article class=\"doc decision-index\">\n  <header>\n    <h1>")
	escText(b, p.Title)
	b.WriteString("</h1>\n    <p class=\"muted\">" + strconv.Itoa(len(ix.All)) + " decision")
	if len(ix.All) != 1 {
		b.WriteString("s")
	}
	b.WriteString(".")
	for i, l := range [][2]string{{"decisions/", "All decisions"}, {"decisions/timeline/", "Timeline"}, {"decisions/recurring/", "Recurring decisions"}, {"decisions.json", "decisions.json"}} {
		if i > 0 {
			b.WriteString(" ·")
		}
		b.WriteString("\n      <a href=\"")
		escHref(b, p.Rel(l[0]))
		b.WriteString("\">" + l[1] + "</a>")
	}
	b.WriteString("</p>\n  </header>")
	if p.Doc != nil && !p.Doc.Synthetic {
		b.WriteString("\n  <div class=\"content\">\n")
		b.WriteString(string(p.Content()))
		b.WriteString("\n  </div>")
	}
	if len(ix.Statuses) > 0 {
		facets := func(label string, fs []Facet) {
			b.WriteString("<p><strong>By " + label + ":</strong> ")
			for i, f := range fs {
				if i > 0 {
					b.WriteString(" · ")
				}
				b.WriteString("<a href=\"")
				escHref(b, p.Rel(f.URL))
				b.WriteString("\">")
				escText(b, f.Name)
				b.WriteString("</a> (" + strconv.Itoa(f.Count) + ")")
			}
			b.WriteString("</p>")
		}
		b.WriteString("\n  <nav class=\"facets\" aria-label=\"Decision pages\">\n    ")
		facets("status", ix.Statuses)
		if len(ix.Areas) > 0 {
			facets("area", ix.Areas)
		}
		if len(ix.Owners) > 0 {
			facets("owner", ix.Owners)
		}
		b.WriteString("\n  </nav>\n  <form class=\"decision-filter\" hidden aria-label=\"Filter decisions\">")
		selects := func(label, name string, fs []Facet) {
			b.WriteString("\n    <label>" + label + " <select name=\"" + name + "\"><option value=\"\">any</option>")
			for _, f := range fs {
				b.WriteString("<option>")
				escText(b, f.Name)
				b.WriteString("</option>")
			}
			b.WriteString("</select></label>")
		}
		selects("Status", "status", ix.Statuses)
		selects("Area", "area", ix.Areas)
		selects("Owner", "owner", ix.Owners)
		selects("Year", "year", ix.Years)
		b.WriteString("\n    <output class=\"filter-count\" aria-live=\"polite\"></output>\n  </form>")
	}
	if ix.Recurring {
		if len(ix.All) == 0 {
			b.WriteString("<p>No decision is touched by more than one design document yet.</p>")
		}
		b.WriteString("\n  <ul class=\"decision-list\">")
		for _, d := range ix.All {
			b.WriteString("\n    <li>")
			if err := p.includeEntry(b, d); err != nil {
				return err
			}
			b.WriteString("\n      <br><span class=\"muted\">Touched by:</span> ")
			for i, t := range p.TouchedBy(d) {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("<a href=\"")
				escHref(b, p.Link(t))
				b.WriteString("\">")
				escText(b, t.Title)
				b.WriteString("</a>")
			}
			b.WriteString("</li>")
		}
		b.WriteString("\n  </ul>")
	} else {
		for _, g := range ix.Groups {
			b.WriteString("\n  <section class=\"decision-group\">\n    <h2>")
			escText(b, g.Label)
			b.WriteString(" <span class=\"muted\">(" + strconv.Itoa(len(g.Decisions)) + ")</span></h2>\n    <ul class=\"decision-list\">")
			for _, d := range g.Decisions {
				b.WriteString("\n      <li data-status=\"")
				escText(b, d.Status)
				b.WriteString("\" data-area=\"")
				escText(b, d.Area)
				b.WriteString("\" data-owner=\"")
				escText(b, d.Owner)
				b.WriteString("\" data-year=\"")
				escText(b, year(d))
				b.WriteString("\">")
				if err := p.includeEntry(b, d); err != nil {
					return err
				}
				b.WriteString("</li>")
			}
			b.WriteString("\n    </ul>\n  </section>")
		}
	}
	b.WriteString("\n</article>\n")
	return nil
}

// includeEntry writes partials/decision-entry.html for d, as
// {{ template "partials/decision-entry.html" (dict2 $ d) }} would.
func (p *Page) includeEntry(b *bytes.Buffer, d *handbook.Decision) error {
	if p.r.tpl.twinned[decisionEntry] {
		p.decisionEntryTwin(b, d)
		return nil
	}
	h, err := p.r.tpl.partial(decisionEntry, map[string]any{"Page": p, "Item": d})
	b.WriteString(string(h))
	return err
}

// decisionEntryTwin is partials/decision-entry.html for a page and one of
// its decisions.
func (p *Page) decisionEntryTwin(b *bytes.Buffer, d *handbook.Decision) {
	b.WriteString("<span class=\"badge status-")
	escText(b, d.Status)
	b.WriteString("\">")
	escText(b, d.Status)
	b.WriteString("</span>\n<a href=\"")
	escHref(b, p.DecisionLink(d))
	b.WriteString("\">")
	escText(b, d.Title)
	b.WriteString("</a> <code>")
	escText(b, d.ID)
	b.WriteString("</code>\n<span class=\"muted\">")
	if year(d) != "" {
		escText(b, d.Date.Format("2006-01-02"))
	}
	if d.Area != "" {
		b.WriteString(" · ")
		escText(b, d.Area)
	}
	if d.Owner != "" {
		b.WriteString(" · ")
		escText(b, d.Owner)
	}
	if d.Inline {
		b.WriteString(" · in <a href=\"")
		escHref(b, p.Link(d.Doc))
		b.WriteString("\">")
		escText(b, d.Doc.Title)
		b.WriteString("</a>")
	}
	b.WriteString("</span>")
	if len(d.SupersededBy) > 0 {
		b.WriteString("<br><span class=\"muted\">Superseded by ")
		for i, x := range d.SupersededBy {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("<a href=\"")
			escHref(b, p.DecisionLink(x))
			b.WriteString("\">")
			escText(b, x.ID)
			b.WriteString("</a>")
		}
		b.WriteString("</span>")
	}
}
