package render

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"handbook/generator/internal/handbook"
)

// DecisionItems writes a list of decisions as the rows of the decision
// table (<tr>, one cell each for the id, the title, the status, the date,
// the area and the owner): the title links to the decision and names the
// document that declares an inline one and the decisions that supersede
// it. With "touched", each row also names the design documents that touch
// the decision (the recurring decisions page). Each row carries its
// status, area, owner and year as data attributes for the index's filter,
// and the status cell the value it sorts by (data-sort: the status's rank
// in the index's order; the date is written as ISO, which sorts as
// text). It does in one call
// what a range over the decisions costs thirty template actions a row for,
// on index pages that list every decision of the handbook.
func (p *Page) DecisionItems(ds []*handbook.Decision, show ...string) template.HTML {
	touched := len(show) > 0 && show[0] == "touched"
	loc := p.r.loc
	var b strings.Builder
	b.Grow(len(ds) * 500)
	esc := func(s string) { writeEscaped(&b, s, escHTMLTemplate) }
	href := func(s string) { escHref(&b, s) }
	for _, d := range ds {
		b.WriteString("\n      <tr data-status=\"")
		esc(d.Status)
		b.WriteString("\" data-area=\"")
		esc(d.Area)
		b.WriteString("\" data-owner=\"")
		esc(d.Owner)
		b.WriteString("\" data-year=\"")
		esc(year(d))
		b.WriteString("\">")
		b.WriteString("<td class=\"d-id\"><code title=\"")
		esc(d.ID)
		b.WriteString("\">")
		esc(d.ID)
		b.WriteString("</code></td><td class=\"d-title\"><a href=\"")
		href(p.DecisionLink(d))
		b.WriteString("\">")
		esc(d.Title)
		b.WriteString("</a>")
		if d.Inline {
			var a strings.Builder
			a.WriteString("<a href=\"")
			escHref(&a, p.Link(d.Doc))
			a.WriteString("\">")
			writeEscaped(&a, d.Doc.Title, escHTMLTemplate)
			a.WriteString("</a>")
			in, _ := loc.HTML("declared_in", "doc", template.HTML(a.String()))
			b.WriteString(" <span class=\"muted\">")
			b.WriteString(string(in))
			b.WriteString("</span>")
		}
		if len(d.SupersededBy) > 0 {
			b.WriteString(" <span class=\"muted\">")
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
		b.WriteString("</td><td class=\"d-status\" data-sort=\"")
		rank := slices.Index(statusOrder, d.Status)
		if rank < 0 {
			rank = len(statusOrder)
		}
		b.WriteString(strconv.Itoa(rank))
		b.WriteString("\"><span class=\"badge status-")
		esc(d.Status)
		b.WriteString("\">")
		esc(p.r.labels.status(d.Status))
		b.WriteString("</span></td><td class=\"d-date\">")
		if !d.Date.IsZero() {
			iso := d.Date.Format(isoLayout)
			b.WriteString("<time datetime=\"" + iso + "\">" + iso + "</time>")
		}
		b.WriteString("</td><td class=\"d-area\">")
		esc(d.Area)
		b.WriteString("</td><td class=\"d-owner\">")
		esc(d.Owner)
		b.WriteString("</td>")
		if touched {
			b.WriteString("<td class=\"d-touched\">")
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
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	return template.HTML(b.String())
}
