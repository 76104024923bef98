package render

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/health"
)

// Meta is the document's metadata: one line of what a reader looks for
// first (kind, status and "review due", owner as a link to the owner's
// page, date, last review, reading time), then the rest (authors,
// deciders, horizon, area, tags) folded in a <details>, each only when
// the document has it. Both are definition lists, in the handbook's
// language. The default theme's
// partials/meta.html is this one call: as template actions the list costs
// about a hundred and fifty allocations a page, a third of rendering a
// document. A site that wants other metadata writes its own meta.html
// from .Doc's fields.
func (p *Page) Meta() template.HTML {
	d := p.Doc
	if d == nil {
		return ""
	}
	loc := p.r.loc
	var b strings.Builder
	b.Grow(768)
	esc := func(s string) { writeEscaped(&b, s, escHTMLTemplate) }
	item := func(dt, dd string) {
		b.WriteString("<div><dt>")
		esc(loc.Text(dt))
		b.WriteString("</dt><dd>")
		esc(dd)
		b.WriteString("</dd></div>")
	}
	day := func(dt string, t time.Time) {
		b.WriteString("<div><dt>")
		esc(loc.Text(dt))
		b.WriteString(`</dt><dd><time datetime="`)
		b.WriteString(t.Format(isoLayout))
		b.WriteString(`">`)
		esc(loc.Date(t))
		b.WriteString("</time></dd></div>")
	}
	b.WriteString("\n<div class=\"doc-meta\">\n<dl class=\"meta-line\">")
	if d.Kind != handbook.KindPage {
		b.WriteString("<div><dt class=\"visually-hidden\">")
		esc(loc.Text("meta_kind"))
		b.WriteString("</dt><dd><span class=\"kind\">")
		esc(p.r.labels.kind(d.Kind, false))
		b.WriteString("</span></dd></div>")
	}
	if d.Status != "" {
		b.WriteString("<div><dt class=\"visually-hidden\">")
		esc(loc.Text("meta_status"))
		b.WriteString("</dt><dd><span class=\"badge status-")
		esc(d.Status)
		b.WriteString(`">`)
		esc(p.r.labels.status(d.Status))
		b.WriteString("</span>")
		if last, days, ok := health.Review(d, p.r.cfg); ok {
			// The browser shows or hides the badge from these dates on
			// the day the page is read; without script, the build's day
			// decides.
			b.WriteString(` <span class="badge stale" title="`)
			esc(loc.Text("review_due_title"))
			b.WriteString(`" data-review-last="`)
			b.WriteString(last.Format(isoLayout))
			b.WriteString(`" data-review-days="`)
			b.WriteString(strconv.Itoa(days))
			b.WriteString(`"`)
			if !p.Stale() {
				b.WriteString(" hidden")
			}
			b.WriteString(">")
			esc(loc.Text("review_due"))
			b.WriteString("</span>")
		}
		b.WriteString("</dd></div>")
	}
	if d.Owner != "" {
		b.WriteString(`<div><dt>`)
		esc(loc.Text("meta_owner"))
		b.WriteString(`</dt><dd><a href="`)
		escHref(&b, p.OwnerLink(d.Owner))
		b.WriteString(`">`)
		esc(d.Owner)
		b.WriteString("</a></dd></div>")
	}
	if !d.Date.IsZero() {
		dt := "meta_date"
		if d.Kind == handbook.KindDecision {
			dt = "meta_decided"
		}
		day(dt, d.Date)
	}
	if !d.Reviewed.IsZero() {
		day("meta_reviewed", d.Reviewed)
	}
	b.WriteString("<div><dt class=\"visually-hidden\">")
	esc(loc.Text("meta_reading_time"))
	b.WriteString("</dt><dd>")
	esc(loc.Text("minutes_short", d.ReadingMinutes()))
	b.WriteString("</dd></div></dl>")
	if len(d.Authors) > 0 || len(d.Deciders) > 0 || d.Horizon != 0 || d.Area != "" || len(d.Tags) > 0 {
		b.WriteString("\n<details class=\"meta-more\"><summary>")
		// The summary names what the fold holds: "Authors, Area, Tags".
		var names []string
		if len(d.Authors) > 0 {
			names = append(names, "meta_authors")
		}
		if len(d.Deciders) > 0 {
			names = append(names, "meta_deciders")
		}
		if d.Horizon != 0 {
			names = append(names, "meta_horizon")
		}
		if d.Area != "" {
			names = append(names, "meta_area")
		}
		if len(d.Tags) > 0 {
			names = append(names, "meta_tags")
		}
		for i, n := range names {
			if i > 0 {
				b.WriteString(", ")
			}
			esc(loc.Text(n))
		}
		b.WriteString("</summary><dl class=\"meta-rest\">")
		if len(d.Authors) > 0 {
			item("meta_authors", strings.Join(d.Authors, ", "))
		}
		if len(d.Deciders) > 0 {
			item("meta_deciders", strings.Join(d.Deciders, ", "))
		}
		if d.Horizon != 0 {
			item("meta_horizon", strconv.Itoa(d.Horizon))
		}
		if d.Area != "" {
			item("meta_area", d.Area)
		}
		if len(d.Tags) > 0 {
			b.WriteString(`<div><dt>`)
			esc(loc.Text("meta_tags"))
			b.WriteString(`</dt><dd><ul class="tags">`)
			for _, t := range d.Tags {
				b.WriteString(`<li><a href="`)
				escHref(&b, p.Rel("tags/"+graph.TagSlug(t)+"/"))
				b.WriteString(`">`)
				esc(t)
				b.WriteString("</a></li>")
			}
			b.WriteString("</ul></dd></div>")
		}
		b.WriteString("</dl></details>")
	}
	b.WriteString("\n</div>")
	return template.HTML(b.String())
}

// The layouts of the date and isodate template functions.
const (
	dateLayout = "2 January 2006"
	isoLayout  = "2006-01-02"
)
