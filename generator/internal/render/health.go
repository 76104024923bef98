package render

import (
	"html/template"
	"sort"
	"strings"
	"sync"

	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/health"
)

// healthJobs are the health page, with the report of package health on
// the day of the build, a page per owner listing what the owner keeps,
// with its state (the page a new hire opens to find whom to ask), and the
// owners' page, which lists them all.
func (r *Renderer) healthJobs() []job {
	jobs := []job{{out: "health/index.html", layout: []string{"_default/health.html"},
		page: &Page{Title: r.loc.Text("handbook_health"), URL: "health/", Kind: "health", Site: r.view, r: r, report: &report{}}}}
	owned := map[string][]*handbook.Document{}
	for _, d := range r.site.Docs {
		if d.Owner != "" && !d.Synthetic {
			owned[d.Owner] = append(owned[d.Owner], d)
		}
	}
	owners := make([]string, 0, len(owned))
	for o := range owned {
		owners = append(owners, o)
	}
	sort.Strings(owners)
	seen := map[string]bool{}
	var entries []OwnerEntry
	for _, o := range owners {
		slug := graph.TagSlug(o)
		if seen[slug] {
			continue // names that make one slug share the first's page
		}
		seen[slug] = true
		entries = append(entries, OwnerEntry{Name: o, Slug: slug, Docs: len(owned[o])})
		jobs = append(jobs, job{out: "owners/" + slug + "/index.html", layout: []string{"_default/owner.html"},
			page: &Page{Title: o, URL: "owners/" + slug + "/", Kind: "owner", Owner: o, Items: owned[o], Site: r.view, r: r}})
	}
	jobs[0].page.Owners = entries // the health page links to theirs
	if len(entries) > 0 {
		// Every owner, with what it keeps: who to ask, at a glance.
		jobs = append(jobs, job{out: "owners/index.html", layout: []string{"_default/owners.html"},
			page: &Page{Title: r.loc.Text("owners"), URL: "owners/", Kind: "owners", Owners: entries, Site: r.view, r: r}})
	}
	return jobs
}

// report is the health report, made when a page first asks for it
// (Page.Health): listing the pages, or rendering others, does not pay
// for it.
type report struct {
	once sync.Once
	rep  *health.Report
}

// Health is the report on the health page (nil on other pages).
func (p *Page) Health() *health.Report {
	if p.report == nil {
		return nil
	}
	p.report.once.Do(func() { p.report.rep = health.Make(p.r.site, p.r.cfg, p.r.opts.Now, p.r.opts.Lints) })
	return p.report.rep
}

// OwnedItems writes the documents of an owner's page as <li> items, each
// a link to the document followed by its kind (for kinds other than
// page), its status badge and, when it is due for review, a badge with
// the days it is overdue. It does in one call what a range over the
// documents costs twenty template actions an item for, on pages that
// list everything a team owns.
func (p *Page) OwnedItems(docs []*handbook.Document) (template.HTML, error) {
	loc := p.r.loc
	var b strings.Builder
	b.Grow(len(docs) * 160)
	esc := func(s string) { writeEscaped(&b, s, escHTMLTemplate) }
	for _, d := range docs {
		b.WriteString("\n    <li><a href=\"")
		escHref(&b, p.Link(d))
		b.WriteString("\">")
		esc(d.Title)
		b.WriteString("</a>")
		if d.Kind != handbook.KindPage {
			b.WriteString(` <span class="kind">`)
			esc(p.r.labels.kind(d.Kind, false))
			b.WriteString("</span>")
		}
		if d.Status != "" {
			b.WriteString(` <span class="badge status-`)
			esc(d.Status)
			b.WriteString(`">`)
			esc(p.r.labels.status(d.Status))
			b.WriteString("</span>")
		}
		if n := p.Overdue(d); n != 0 {
			t, err := loc.T("review_overdue", n)
			if err != nil {
				return "", err
			}
			b.WriteString(` <span class="badge stale">`)
			b.WriteString(string(t))
			b.WriteString("</span>")
		}
		b.WriteString("</li>")
	}
	return template.HTML(b.String()), nil
}

// DueRows writes the health page's documents due for review as the rows
// of its table (<tr>, one cell each for the owner, a link to its page, or
// "no owner"; the document, as a link; the day it was last reviewed; and
// the days it is overdue): one call where a range costs twenty template
// actions a row, on a page that may list most of a handbook.
func (p *Page) DueRows(due []health.Due) (template.HTML, error) {
	loc := p.r.loc
	noOwner, err := loc.T("no_owner")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(len(due) * 240)
	esc := func(s string) { writeEscaped(&b, s, escHTMLTemplate) }
	for _, d := range due {
		b.WriteString("\n        <tr><td>")
		if d.Owner != "" {
			b.WriteString(`<a href="`)
			escHref(&b, p.OwnerLink(d.Owner))
			b.WriteString(`">`)
			esc(d.Owner)
			b.WriteString("</a>")
		} else {
			b.WriteString(string(noOwner))
		}
		b.WriteString(`</td><td><a href="`)
		escHref(&b, p.Link(d.Doc.Doc))
		b.WriteString(`">`)
		esc(d.Title)
		b.WriteString(`</a></td><td><time datetime="`)
		esc(d.LastReviewed)
		b.WriteString(`">`)
		esc(d.LastReviewed)
		b.WriteString("</time></td><td>")
		days, err := loc.T("days", d.DaysOverdue)
		if err != nil {
			return "", err
		}
		b.WriteString(string(days))
		b.WriteString("</td></tr>")
	}
	return template.HTML(b.String()), nil
}
