package render

import (
	"html/template"
	"strings"
	"sync"

	"handbook/generator/internal/handbook"
)

// navLimit caps the pages listed under the open section; the section's own
// page lists the rest. It keeps every page's size independent of the
// number of documents.
const navLimit = 40

// navCache holds the sidebar rendered once per (open section, page depth):
// pages of one section at one depth share it, so the sidebar costs one
// string replacement per page rather than a template loop.
type navCache struct {
	mu sync.Mutex
	m  map[navKey]string
}

type navKey struct {
	open     *handbook.Document
	depth    int
	absolute bool
}

// Nav is the sidebar: the sections, the pages of the open section (up to
// 40), the reading paths and tags, with the current page marked.
func (p *Page) Nav() template.HTML {
	var b strings.Builder
	p.writeNav(&b)
	return template.HTML(b.String())
}

// writeNav writes Nav into b.
func (p *Page) writeNav(b textWriter) {
	open := p.openSection()
	key := navKey{open, strings.Count(p.URL, "/"), p.absolute}
	c := &p.r.nav
	c.mu.Lock()
	html, ok := c.m[key]
	c.mu.Unlock()
	if !ok {
		html = p.renderNav(open)
		c.mu.Lock()
		if c.m == nil {
			c.m = map[navKey]string{}
		}
		c.m[key] = html
		c.mu.Unlock()
	}
	if g, ok := b.(interface{ Grow(int) }); ok {
		g.Grow(len(html) + len(` aria-current="page"`))
	}
	if !p.absolute {
		// The current page's link, marked: the first link to it.
		self := `href="` + template.HTMLEscapeString(p.Rel(p.URL)) + `">`
		if i := strings.Index(html, self); i >= 0 {
			i += len(self) - 1
			b.WriteString(html[:i])
			b.WriteString(` aria-current="page"`)
			html = html[i:]
		}
	}
	b.WriteString(html)
}

func (p *Page) openSection() *handbook.Document {
	for d := p.Doc; d != nil; d = d.Parent {
		if d.Parent == p.r.site.Home && d.IsSection {
			return d
		}
	}
	return nil
}

func (p *Page) renderNav(open *handbook.Document) string {
	var b strings.Builder
	esc := template.HTMLEscapeString
	link := func(href, title string) {
		b.WriteString(`<a href="`)
		b.WriteString(esc(p.Rel(href)))
		b.WriteString(`">`)
		b.WriteString(esc(title))
		b.WriteString("</a>")
	}
	b.WriteString("<ul>\n")
	// The home page's own pages (a flat folder of RFCs, Docusaurus'
	// intro.md) stand among the sections, in their order, the first
	// navLimit of them.
	pages := 0
	for _, sec := range p.r.site.Home.Children {
		if !sec.IsSection {
			if pages++; pages <= navLimit {
				b.WriteString("<li>")
				link(sec.URL, sec.NavTitle())
				b.WriteString("</li>\n")
			} else if pages == navLimit+1 {
				b.WriteString(`<li class="more">`)
				link("", p.r.loc.Text("nav_more", p.r.rootPages()-navLimit))
				b.WriteString("</li>\n")
			}
			continue
		}
		if sec == open {
			b.WriteString(`<li class="open">`)
		} else {
			b.WriteString("<li>")
		}
		link(sec.URL, sec.NavTitle())
		if sec == open && len(sec.Children) > 0 {
			b.WriteString("\n<ul>\n")
			for i, c := range sec.Children {
				if i == navLimit {
					b.WriteString(`<li class="more">`)
					link(sec.URL, p.r.loc.Text("nav_more", len(sec.Children)-navLimit))
					b.WriteString("</li>\n")
					break
				}
				b.WriteString("<li>")
				link(c.URL, c.NavTitle())
				b.WriteString("</li>\n")
			}
			b.WriteString("</ul>\n")
		}
		b.WriteString("</li>\n")
	}
	if len(p.r.site.Paths) > 0 {
		b.WriteString(`<li class="nav-group">` + esc(p.r.loc.Text("reading_paths")) + "\n<ul>\n")
		for _, rp := range p.r.site.Paths {
			b.WriteString("<li>")
			link("paths/"+rp.ID+"/", rp.Title)
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n</li>\n")
	}
	if len(p.r.site.Tags) > 0 {
		b.WriteString("<li>")
		link("tags/", p.r.loc.Text("tags"))
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>")
	return b.String()
}

// rootPages counts the home page's own pages, those not sections.
func (r *Renderer) rootPages() int { return len(ownPages(r.site.Home.Children)) }
