package render

import (
	"html/template"
	"strings"

	"handbook/generator/internal/handbook"
)

// DecisionItems writes a list of decisions as <li> items, each with its
// status badge, a link to it, its id, date, area, owner, the document that
// declares it and its successors. With "touched", each item also names the
// design documents that touch the decision (the recurring decisions page);
// without it, each item carries its status, area, owner and year as data
// attributes for the index's filter. It does in one call what a range over
// the decisions costs thirty template actions an item for, on index pages
// that list every decision of the handbook.
func (p *Page) DecisionItems(ds []*handbook.Decision, show ...string) template.HTML {
	touched := len(show) > 0 && show[0] == "touched"
	loc := p.r.loc
	var b strings.Builder
	b.Grow(len(ds) * 400)
	esc := func(s string) { writeEscaped(&b, s, escHTMLTemplate) }
	href := func(s string) { escHref(&b, s) }
	for _, d := range ds {
		if touched {
			b.WriteString("\n    <li>")
		} else {
			b.WriteString("\n      <li data-status=\"")
			esc(d.Status)
			b.WriteString("\" data-area=\"")
			esc(d.Area)
			b.WriteString("\" data-owner=\"")
			esc(d.Owner)
			b.WriteString("\" data-year=\"")
			esc(year(d))
			b.WriteString("\">")
		}
		b.WriteString("<span class=\"badge status-")
		esc(d.Status)
		b.WriteString("\">")
		esc(statusLabel(loc, d.Status))
		b.WriteString("</span>\n<a href=\"")
		href(p.DecisionLink(d))
		b.WriteString("\">")
		esc(d.Title)
		b.WriteString("</a> <code>")
		esc(d.ID)
		b.WriteString("</code>\n<span class=\"muted\">")
		if !d.Date.IsZero() {
			b.WriteString(d.Date.Format(isoLayout))
		}
		if d.Area != "" {
			b.WriteString(" · ")
			esc(d.Area)
		}
		if d.Owner != "" {
			b.WriteString(" · ")
			esc(d.Owner)
		}
		if d.Inline {
			var a strings.Builder
			a.WriteString("<a href=\"")
			escHref(&a, p.Link(d.Doc))
			a.WriteString("\">")
			writeEscaped(&a, d.Doc.Title, escHTMLTemplate)
			a.WriteString("</a>")
			in, _ := loc.HTML("declared_in", "doc", template.HTML(a.String()))
			b.WriteString(" · ")
			b.WriteString(string(in))
		}
		b.WriteString("</span>")
		if len(d.SupersededBy) > 0 {
			b.WriteString("<br><span class=\"muted\">")
			esc(loc.Text("superseded_by"))
			b.WriteString(" ")
			for i, s := range d.SupersededBy {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("<a href=\"")
				href(p.DecisionLink(s))
				b.WriteString("\">")
				esc(s.ID)
				b.WriteString("</a>")
			}
			b.WriteString("</span>")
		}
		if touched {
			b.WriteString("\n      <br><span class=\"muted\">")
			esc(loc.Text("touched_by"))
			b.WriteString("</span> ")
			for i, t := range p.TouchedBy(d) {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("<a href=\"")
				href(p.Link(t))
				b.WriteString("\">")
				esc(t.Title)
				b.WriteString("</a>")
			}
		}
		b.WriteString("</li>")
	}
	return template.HTML(b.String())
}
