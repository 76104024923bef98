package render

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
