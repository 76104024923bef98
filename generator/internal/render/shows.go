package render

import (
	"slices"
	"strings"

	"handbook/generator/internal/handbook"
)

// Shows lists the output paths of the generated pages that show d's title
// (a section's or the home page's list, a tag's or an owner's page, an
// alias's redirect, a reading path), for serve's rebuild after a title
// edit. Documents' own pages are not listed: which of them show d (its
// neighbours, backlinks and related pages) the graph says; nor is the
// health page, which may name any document and which the caller renders
// after every edit. An owner's page is listed when it lists d. sidebar
// reports that every page of a section shows d (in the sidebar), at its
// place among its siblings or at place, the one it moves to (see
// ShowsWidely).
func (r *Renderer) Shows(d *handbook.Document, place int) (out []string, sidebar bool) {
	if sec := d.Parent; sec != nil && slices.Contains(r.site.Sections, sec) {
		if i := slices.Index(sec.Children, d); i < navLimit || place < navLimit {
			sidebar = true
		}
	}
	for _, j := range r.listed() {
		if j.own {
			continue
		}
		p := j.page
		if p.Doc == d || p.Target == d || slices.Contains(p.Items, d) ||
			p.ReadingPath != nil && slices.Contains(p.ReadingPath.Steps, d) {
			out = append(out, j.out)
		}
	}
	return out, sidebar
}

// ShowsWidely lists the output paths of the pages that may show d's
// title beyond its neighbours' (prev and next, links either way, related
// pages) and the lists Shows names: with sidebar, every page whose sidebar
// opens d's section; for a decision record, a document that declares a
// decision or one that touches one, the decision index's pages and the
// pages of every decision linked to those by supersedes, either way and
// through any number of steps (a decision page names the one in force);
// for a reading path's step, the pages of every step of its paths. It
// lists nothing for a document that is none of these.
func (r *Renderer) ShowsWidely(d *handbook.Document, sidebar bool) []string {
	s := r.site
	var decs []*handbook.Decision
	if dec := s.DecisionByID[d.ID]; dec != nil && dec.Doc == d {
		decs = append(decs, dec)
	}
	decs = append(decs, d.Decisions...)
	for dec, docs := range s.TouchedBy {
		if slices.Contains(docs, d) {
			decs = append(decs, dec)
		}
	}
	docs := map[*handbook.Document]bool{}
	seen := map[*handbook.Decision]bool{}
	var chain func(*handbook.Decision)
	chain = func(x *handbook.Decision) {
		if seen[x] {
			return
		}
		seen[x] = true
		docs[x.Doc] = true
		for _, y := range x.Replaces {
			chain(y)
		}
		for _, y := range x.SupersededBy {
			chain(y)
		}
	}
	for _, x := range decs {
		chain(x)
	}
	for _, rp := range s.PathsOf[d] {
		for _, step := range rp.Steps {
			docs[step] = true
		}
	}
	var open *handbook.Document
	if sidebar {
		open = (&Page{Doc: d, r: r}).openSection()
	}
	if len(docs) == 0 && len(decs) == 0 && open == nil {
		return nil
	}
	var out []string
	// Every page but the health report's, which the callers write after
	// every edit, and the owners' pages, which Shows names when they list d.
	noHealth := func(out string) bool { return !strings.HasPrefix(out, "health/") && !strings.HasPrefix(out, "owners/") }
	for _, j := range r.listed() {
		if !noHealth(j.out) {
			continue
		}
		p := j.page
		if p.Doc != nil && docs[p.Doc] || len(decs) > 0 && p.Kind == "decisions" || open != nil && p.openSection() == open {
			out = append(out, j.out)
		}
	}
	return out
}

// Forget drops what the renderer keeps of d's text for the site-wide
// files (its search row and graph.json entry), after an edit to d that
// the keys those are kept by do not see (its title), and the sidebars,
// which may list d.
func (r *Renderer) Forget(d *handbook.Document) {
	r.cacheMu.Lock()
	delete(r.rows, d)
	delete(r.docLines, d)
	r.cacheMu.Unlock()
	r.nav.mu.Lock()
	r.nav.m = nil
	r.nav.mu.Unlock()
}

// listed returns every page of the site, as allJobs lists them, made once
// and kept for the questions asked of the list (Shows, ShowsWidely,
// Pages), which are of what each page holds, never of titles; no page is
// rendered from it. Which pages there are and what they hold does not
// change while a renderer lives: serve's partial rebuilds change titles
// and links, and a new renderer follows any other edit.
func (r *Renderer) listed() []job {
	r.listMu.Lock()
	defer r.listMu.Unlock()
	if r.list == nil {
		r.list = r.allJobs(nil)
	}
	return r.list
}

// Pages lists the output paths of the site's pages, each once.
func (r *Renderer) Pages() []string {
	jobs := r.listed()
	seen := make(map[string]bool, len(jobs))
	out := make([]string, 0, len(jobs))
	for _, j := range jobs {
		if !seen[j.out] {
			seen[j.out] = true
			out = append(out, j.out)
		}
	}
	return out
}
