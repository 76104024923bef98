package render

import (
	"html/template"
	"strconv"
	"strings"
	"time"

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

// twinOf returns the twin of the default partial name, or nil.
func twinOf(name string) func(*Page, *strings.Builder) {
	switch name {
	case "partials/meta.html":
		return (*Page).metaTwin
	case "partials/breadcrumbs.html":
		return (*Page).breadcrumbsTwin
	case "partials/related.html":
		return (*Page).relatedTwin
	}
	return nil
}

// runTwin is the template function a twinned partial is replaced by.
func (t *templates) runTwin(name string, data any) (template.HTML, error) {
	p, ok := data.(*Page)
	if !ok || p == nil {
		return t.partial(name+twinSuffix, data)
	}
	var b strings.Builder
	twinOf(name)(p, &b)
	return template.HTML(b.String()), nil
}

// twinSuffix names the template a twinned partial keeps for data that is
// not a page.
const twinSuffix = "~template"

// escText writes s as html/template escapes a string in text and in quoted
// attribute values.
func escText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// escHref writes s as html/template writes a string that is a whole href
// value: a scheme other than http, https or mailto is replaced by
// "#ZgotmplZ"; bytes a URL does not allow bare are percent-encoded (an
// existing % is kept); the result is escaped as an attribute value.
func escHref(b *strings.Builder, s string) {
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

func (p *Page) metaTwin(b *strings.Builder) {
	d := p.Doc
	if d == nil {
		b.WriteString("\n")
		return
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
			escHref(b, p.Rel("tags/"+TagSlug(t)+"/"))
			b.WriteString(`">`)
			escText(b, t)
			b.WriteString("</a></li>")
		}
		b.WriteString("</ul></dd></div>")
	}
	b.WriteString("\n  <div><dt>Reading time</dt><dd>")
	b.WriteString(strconv.Itoa(d.ReadingMinutes()))
	b.WriteString(" min</dd></div>\n</dl>\n")
}

func (p *Page) breadcrumbsTwin(b *strings.Builder) {
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
}

func (p *Page) relatedTwin(b *strings.Builder) {
	list := func(class, id, heading string, items template.HTML) {
		b.WriteString("\n<section class=\"" + class + "\" aria-labelledby=\"" + id + "\">\n  <h2 id=\"" + id + "\">" + heading + "</h2>\n  <ul>\n  ")
		b.WriteString(string(items))
		b.WriteString("</ul>\n</section>")
	}
	if refs := p.Refs(); len(refs) > 0 {
		heading := "Drawn from these design documents"
		if p.Kind == "vision" {
			heading = "Strategies it weaves together"
		}
		list("refs", "refs-h", heading, p.LinkItems(refs, "status"))
	}
	switch p.Kind {
	case "design-doc":
		if c := p.CitedBy("strategy"); len(c) > 0 {
			list("refs", "citedby-h", "Strategies drawn from this document", p.LinkItems(c))
		}
	case "strategy":
		if c := p.CitedBy("vision"); len(c) > 0 {
			list("refs", "citedby-h", "Visions that build on this strategy", p.LinkItems(c))
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
			b.WriteString(string(p.LinkItems(g.Docs)))
			b.WriteString("</ul>")
		}
		b.WriteString("\n</section>")
	}
	if rel := p.Related(); len(rel) > 0 {
		list("related", "related-h", "Related", p.LinkItems(rel, "kind"))
	}
	b.WriteString("\n")
}
