package render

import (
	"slices"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/health"
)

// Shows lists the output paths of the generated pages that show d's title
// (a section's or the home page's list, a tag's or an owner's page, an
// alias's redirect, a reading path, the health report), for serve's
// rebuild after a title edit. Documents' own pages are not listed: which
// of them show d (its neighbours, backlinks and related pages) the graph
// says. An owner's page is listed when it lists d (the report it is
// given is the health page's). It reports false when every page of a section shows d (in the
// sidebar) at its place among its siblings or at place, the one it moves
// to: the caller renders everything.
func (r *Renderer) Shows(d *handbook.Document, place int) ([]string, bool) {
	if d.IsSection {
		return nil, false
	}
	if sec := d.Parent; sec != nil && slices.Contains(r.site.Sections, sec) {
		if i := slices.Index(sec.Children, d); i < navLimit || place < navLimit {
			return nil, false
		}
	}
	var out []string
	rep := health.Make(r.site, r.cfg, r.opts.Now)
	for _, j := range r.allJobs(func(string) bool { return false }) {
		p := j.page
		if p.Doc == d || p.Target == d || slices.Contains(p.Items, d) ||
			p.ReadingPath != nil && slices.Contains(p.ReadingPath.Steps, d) ||
			p.Kind == "health" && reportShows(rep, d) {
			out = append(out, j.out)
		}
	}
	return out, true
}

// reportShows reports whether the health report names d.
func reportShows(rep *health.Report, d *handbook.Document) bool {
	for _, x := range rep.Due {
		if x.Doc.Doc == d {
			return true
		}
	}
	for _, list := range [][]health.Doc{rep.NoOwner, rep.Orphans} {
		for _, x := range list {
			if x.Doc == d {
				return true
			}
		}
	}
	return false
}

// Forget drops what the renderer keeps of d's text for the site-wide
// files (its search row and graph.json entry), after an edit to d that
// the keys those are kept by do not see (its title).
func (r *Renderer) Forget(d *handbook.Document) {
	r.cacheMu.Lock()
	delete(r.rows, d)
	delete(r.docLines, d)
	r.cacheMu.Unlock()
}
