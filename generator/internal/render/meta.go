package render

import (
	"html/template"
	"strconv"
	"strings"

	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/health"
)

// Meta is the document's metadata as a definition list: kind, status (and
// "review due"), owner (a link to the owner's page), authors, deciders, dates, horizon, area, tags and
// reading time, each only when the document has it. The default theme's
// partials/meta.html is this one call: as template actions the list costs
// about a hundred and fifty allocations a page, a third of rendering a
// document. A site that wants other metadata writes its own meta.html
// from .Doc's fields.
func (p *Page) Meta() template.HTML {
	d := p.Doc
	if d == nil {
		return ""
	}
	var b strings.Builder
	b.Grow(512)
	esc := func(s string) { writeEscaped(&b, s, escHTMLTemplate) }
	item := func(dt, dd string) {
		b.WriteString("<div><dt>")
		b.WriteString(dt)
		b.WriteString("</dt><dd>")
		esc(dd)
		b.WriteString("</dd></div>")
	}
	day := func(dt string, t string, iso string) {
		b.WriteString("<div><dt>")
		b.WriteString(dt)
		b.WriteString(`</dt><dd><time datetime="`)
		esc(iso)
		b.WriteString(`">`)
		esc(t)
		b.WriteString("</time></dd></div>")
	}
	b.WriteString("\n<dl class=\"doc-meta\">")
	if d.Kind != handbook.KindPage {
		b.WriteString("\n  <div><dt>Kind</dt><dd><span class=\"kind\">")
		esc(d.Kind.Label(false))
		b.WriteString("</span></dd></div>")
	}
	if d.Status != "" {
		b.WriteString("\n  <div><dt>Status</dt><dd><span class=\"badge status-")
		esc(d.Status)
		b.WriteString(`">`)
		esc(d.Status)
		b.WriteString("</span>")
		if last, days, ok := health.Review(d, p.r.cfg); ok {
			// The browser shows or hides the badge from these dates on
			// the day the page is read; without script, the build's day
			// decides.
			b.WriteString(` <span class="badge stale" title="Not reviewed within the review period" data-review-last="`)
			b.WriteString(last.Format(isoLayout))
			b.WriteString(`" data-review-days="`)
			b.WriteString(strconv.Itoa(days))
			b.WriteString(`"`)
			if !p.Stale() {
				b.WriteString(" hidden")
			}
			b.WriteString(">review due</span>")
		}
		b.WriteString("</dd></div>")
	}
	if d.Owner != "" {
		b.WriteString(`<div><dt>Owner</dt><dd><a href="`)
		escHref(&b, p.OwnerLink(d.Owner))
		b.WriteString(`">`)
		esc(d.Owner)
		b.WriteString("</a></dd></div>")
	}
	if len(d.Authors) > 0 {
		item("Authors", strings.Join(d.Authors, ", "))
	}
	if len(d.Deciders) > 0 {
		item("Deciders", strings.Join(d.Deciders, ", "))
	}
	if !d.Date.IsZero() {
		dt := "Date"
		if d.Kind == handbook.KindDecision {
			dt = "Decided"
		}
		day(dt, d.Date.Format(dateLayout), d.Date.Format(isoLayout))
	}
	if !d.Reviewed.IsZero() {
		day("Reviewed", d.Reviewed.Format(dateLayout), d.Reviewed.Format(isoLayout))
	}
	if d.Horizon != 0 {
		item("Horizon", strconv.Itoa(d.Horizon))
	}
	if d.Area != "" {
		item("Area", d.Area)
	}
	if len(d.Tags) > 0 {
		b.WriteString(`<div><dt>Tags</dt><dd><ul class="tags">`)
		for _, t := range d.Tags {
			b.WriteString(`<li><a href="`)
			escHref(&b, p.Rel("tags/"+graph.TagSlug(t)+"/"))
			b.WriteString(`">`)
			esc(t)
			b.WriteString("</a></li>")
		}
		b.WriteString("</ul></dd></div>")
	}
	b.WriteString("\n  <div><dt>Reading time</dt><dd>")
	b.WriteString(strconv.Itoa(d.ReadingMinutes()))
	b.WriteString(" min</dd></div>\n</dl>")
	return template.HTML(b.String())
}

// The layouts of the date and isodate template functions.
const (
	dateLayout = "2 January 2006"
	isoLayout  = "2006-01-02"
)
