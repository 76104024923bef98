package render

import (
	"html/template"
	"strings"

	"handbook/generator/internal/handbook"
)

// Relations is what connects the document to others, each part only when
// it has something to show: the documents it names in front matter, the
// strategies and visions that cite it, the decisions it makes, its
// decision's supersedes chain, the documents that link to it (grouped by
// kind) and its related pages. The default theme's partials/related.html
// is this one call: as template actions the sections cost two hundred
// allocations a page. A site that wants them otherwise replaces that file
// and writes them from .Refs, .CitedBy, .Decisions, .Decision,
// .Backlinks, .Related and .LinkItems.
func (p *Page) Relations() template.HTML {
	d := p.Doc
	if d == nil {
		return ""
	}
	loc := p.r.loc
	var b strings.Builder
	b.Grow(1024 + 160*(len(p.r.site.Backlinks[d])+len(p.Related())))
	esc := func(s string) { writeEscaped(&b, s, escHTMLTemplate) }
	list := func(class, id, title string, docs []*handbook.Document, f linkShow) {
		for _, s := range [...]string{"\n<section class=\"", class, "\" aria-labelledby=\"", id, "\">\n  <h2 id=\"", id, "\">"} {
			b.WriteString(s)
		}
		esc(loc.Text(title))
		b.WriteString("</h2>\n  <ul>\n  ")
		p.writeLinkItems(&b, docs, f)
		b.WriteString("</ul>\n</section>")
	}
	if refs := p.Refs(); len(refs) > 0 {
		title := "drawn_from"
		if p.Kind == string(handbook.KindVision) {
			title = "weaves"
		}
		list("refs", "refs-h", title, refs, linkShow{status: true})
	}
	if p.Kind == string(handbook.KindDesignDoc) {
		if c := p.CitedBy(string(handbook.KindStrategy)); len(c) > 0 {
			list("refs", "citedby-h", "strategies_drawn", c, linkShow{})
		}
	}
	if p.Kind == string(handbook.KindStrategy) {
		if c := p.CitedBy(string(handbook.KindVision)); len(c) > 0 {
			list("refs", "citedby-h", "visions_building", c, linkShow{})
		}
	}
	if ds := p.Decisions(); len(ds) > 0 {
		b.WriteString("\n<section class=\"decisions\" aria-labelledby=\"decisions-h\">\n  <h2 id=\"decisions-h\">")
		esc(loc.Text("decisions_made"))
		b.WriteString("</h2>\n  <ul>")
		for _, x := range ds {
			b.WriteString("\n    <li id=\"decision-")
			esc(x.ID)
			b.WriteString("\"><span class=\"badge status-")
			esc(x.Status)
			b.WriteString("\">")
			esc(p.r.labels.status(x.Status))
			b.WriteString("</span> <strong>")
			esc(x.Title)
			b.WriteString("</strong> <code>")
			esc(x.ID)
			b.WriteString("</code>")
			if x.Rationale != "" {
				b.WriteString("<br><span class=\"rationale\">")
				esc(x.Rationale)
				b.WriteString("</span>")
			}
			b.WriteString("</li>")
		}
		b.WriteString("\n  </ul>\n</section>")
	}
	if x := p.Decision(); x != nil && (len(x.Replaces) > 0 || len(x.SupersededBy) > 0) {
		b.WriteString("\n<section class=\"supersedes\" aria-labelledby=\"chain-h\">\n  <h2 id=\"chain-h\">")
		esc(loc.Text("supersedes_chain"))
		b.WriteString("</h2>\n  <ul>")
		chain := func(label string, ds []*handbook.Decision) {
			for _, o := range ds {
				b.WriteString("<li>")
				esc(loc.Text(label))
				b.WriteString(" <a href=\"")
				escHref(&b, p.DecisionLink(o))
				b.WriteString("\">")
				esc(o.ID)
				b.WriteString(": ")
				esc(o.Title)
				b.WriteString("</a></li>")
			}
		}
		chain("superseded_by", x.SupersededBy)
		chain("supersedes", x.Replaces)
		b.WriteString("\n  </ul>\n</section>")
	}
	if bl := p.r.site.Backlinks[d]; len(bl) > 0 {
		b.WriteString("\n<section class=\"backlinks\" aria-labelledby=\"backlinks-h\">\n  <h2 id=\"backlinks-h\">")
		esc(loc.Text("referenced_by"))
		b.WriteString("</h2>")
		// The groups of Backlinks, written without making them.
		for _, k := range handbook.Kinds {
			n := 0
			for _, x := range bl {
				if x.Kind == k {
					n++
				}
			}
			if n == 0 {
				continue
			}
			b.WriteString("\n  <h3>")
			esc(p.r.labels.kind(k, n > 1))
			b.WriteString("</h3>\n  <ul>\n  ")
			for _, x := range bl {
				if x.Kind == k {
					p.writeLinkItem(&b, x, linkShow{})
				}
			}
			b.WriteString("</ul>")
		}
		b.WriteString("\n</section>")
	}
	if rel := p.Related(); len(rel) > 0 {
		list("related", "related-h", "related", rel, linkShow{kind: true})
	}
	return template.HTML(b.String())
}
