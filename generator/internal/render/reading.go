package render

import (
	"html/template"
	"strings"
)

// Permalink is the page's absolute URL, from base_url, or "" when base_url
// names no host: og:url takes nothing else.
func (p *Page) Permalink() string {
	base := p.r.cfg.AbsBase()
	if base == "" {
		return ""
	}
	return base + "/" + p.URL
}

// Logo is the href of site.yaml's logo from this page, or "".
func (p *Page) Logo() string {
	if p.r.opts.Logo == "" {
		return ""
	}
	return p.Rel(p.r.opts.Logo)
}

// Favicon is the href of the site's icon from this page: site.yaml's
// favicon, else the theme's favicon.svg, else "".
func (p *Page) Favicon() string {
	if p.r.opts.Favicon != "" {
		return p.Rel(p.r.opts.Favicon)
	}
	return p.Asset("favicon.svg")
}

// HeadMeta writes the page's description and Open Graph tags (og:title,
// og:site_name, og:type, og:description and, when base_url names a host,
// og:url), each on its own line: the default theme's head calls it once,
// where as template actions the tags cost a tenth of rendering a page.
func (p *Page) HeadMeta() template.HTML {
	var b strings.Builder
	b.Grow(512)
	attr := func(open, v string) {
		b.WriteString(open)
		writeEscaped(&b, v, escHTMLTemplate)
		b.WriteString(`">`)
	}
	summary := ""
	if p.Doc != nil {
		summary = p.Doc.Summary
		if summary != "" {
			attr("\n"+`<meta name="description" content="`, summary)
		}
	}
	title := p.Title
	if p.Kind == "home" {
		title = p.Site.Title
	}
	attr("\n"+`<meta property="og:title" content="`, title)
	attr("\n"+`<meta property="og:site_name" content="`, p.Site.Title)
	if p.Doc != nil {
		b.WriteString("\n" + `<meta property="og:type" content="article">`)
	} else {
		b.WriteString("\n" + `<meta property="og:type" content="website">`)
	}
	if summary == "" && p.Kind == "home" {
		summary = p.Site.Description
	}
	if summary != "" {
		attr("\n"+`<meta property="og:description" content="`, summary)
	}
	if u := p.Permalink(); u != "" {
		attr("\n"+`<meta property="og:url" content="`, u)
	}
	return template.HTML(b.String())
}
