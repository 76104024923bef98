package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"time"
)

// extra is a file that is not a page.
type extra struct {
	name string
	make func() []byte
	// files, when set, makes several files instead, passing each to
	// write (safe to call from several goroutines) under its output path,
	// until write returns false; name stands for them all when extras
	// are kept or not.
	files func(write func(name string, b []byte) bool)
	// stream, when set, makes the file in parts, written as they are
	// made (publish.Stream): a file too large to hold whole.
	stream func(w io.Writer) error
}

// extras lists the files that are not pages: sitemap.xml, feed.xml, the
// search index, decisions.json and graph.json (those keep accepts). They
// are made beside the pages, on the same workers.
func (r *Renderer) extras(keep func(string) bool) []extra {
	var out []extra
	for _, f := range []extra{
		{name: "graph.json", stream: r.writeGraph},
		{name: SearchFile, files: r.searchFiles},
		{name: "sitemap.xml", make: r.sitemap},
		{name: "feed.xml", make: r.feed},
		{name: "decisions.json", make: func() []byte { return jsonBytes(DecisionsJSON(r.site, r.cfg.BasePath)) }},
	} {
		if f.name == "sitemap.xml" && r.cfg.AbsBase() == "" {
			// A sitemap's locations must be absolute URLs.
			continue
		}
		if keep == nil || keep(f.name) {
			out = append(out, f)
		}
	}
	return out
}

// abs returns the absolute URL of a site path, from base_url, or "" when
// base_url names no host.
func (r *Renderer) abs(p string) string {
	base := r.cfg.AbsBase()
	if base == "" {
		return ""
	}
	return base + "/" + p
}

// feedHref is the href of a site path in the feed: its absolute URL, or,
// when base_url names no host, the path relative to feed.xml (at the site's
// root), which feed readers resolve against the feed's own address.
func (r *Renderer) feedHref(p string) string {
	if u := r.abs(p); u != "" {
		return u
	}
	if p == "" {
		return "./"
	}
	return p
}

func (r *Renderer) sitemap() []byte {
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	var set struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}
	set.NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	set.URLs = append(set.URLs, url{Loc: r.abs("")})
	for _, d := range r.site.Docs {
		if d.URL == "" {
			continue
		}
		u := url{Loc: r.abs(d.URL)}
		if t := r.changed(d); !t.IsZero() {
			u.LastMod = t.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	_ = enc.Encode(set)
	b.WriteByte('\n')
	return b.Bytes()
}

// feed is an Atom feed of the 30 most recently changed documents. Without
// a host in base_url it has no ids (an Atom id is an absolute IRI) and its
// links are relative to the feed.
func (r *Renderer) feed() []byte {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		ID      string `xml:"id,omitempty"`
		Link    link   `xml:"link"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary,omitempty"`
		Author  *struct {
			Name string `xml:"name"`
		} `xml:"author,omitempty"`
	}
	type feed struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id,omitempty"`
		Updated string   `xml:"updated"`
		Links   []link   `xml:"link"`
		Entries []entry  `xml:"entry"`
	}
	f := feed{NS: "http://www.w3.org/2005/Atom", Title: r.cfg.Title, ID: r.abs(""),
		Links: []link{{Href: r.feedHref("feed.xml"), Rel: "self"}, {Href: r.feedHref("")}}}
	var newest time.Time
	for _, d := range r.recent(r.site.Docs, 30) {
		t := r.changed(d)
		if t.After(newest) {
			newest = t
		}
		e := entry{Title: d.Title, ID: r.abs(d.URL), Link: link{Href: r.feedHref(d.URL)}, Updated: t.Format(time.RFC3339), Summary: d.Summary}
		if d.Owner != "" {
			e.Author = &struct {
				Name string `xml:"name"`
			}{d.Owner}
		}
		f.Entries = append(f.Entries, e)
	}
	if newest.IsZero() {
		newest = r.opts.Now
	}
	f.Updated = newest.UTC().Format(time.RFC3339)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	_ = enc.Encode(f)
	b.WriteByte('\n')
	return b.Bytes()
}
