package build

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/render"
	"handbook/generator/internal/sitepath"
	"handbook/generator/internal/theme"
)

// shown blanks, in a copy of an outline, the fields that say what pages
// show of a document and nowhere it stands: its status, owner, authors,
// deciders, dates, tags, area, summary and horizon, the same of the
// decisions it makes, and where keys, values and references are written.
// Two outlines that are equal once blanked differ only in what pages show
// (see displayEdit).
func shown(o *handbook.Outline) handbook.Outline {
	c := *o
	c.Status, c.Owner, c.Authors, c.Deciders = "", "", nil, nil
	c.Date, c.Reviewed = time.Time{}, time.Time{}
	c.Tags, c.Area, c.Summary, c.Horizon = nil, "", "", 0
	c.KeyOffsets, c.ValueOffsets = nil, nil
	refs := func(rs []handbook.Ref) []handbook.Ref {
		out := make([]handbook.Ref, len(rs))
		for i, r := range rs {
			out[i] = handbook.Ref{Target: r.Target}
		}
		return out
	}
	c.Aliases, c.Strategies, c.DesignDocs, c.Supersedes = refs(c.Aliases), refs(c.Strategies), refs(c.DesignDocs), refs(c.Supersedes)
	if c.SupersededBy != nil {
		c.SupersededBy = &handbook.Ref{Target: c.SupersededBy.Target}
	}
	c.InlineDecisions = make([]handbook.DecisionEntry, len(o.InlineDecisions))
	for i, e := range o.InlineDecisions {
		c.InlineDecisions[i] = handbook.DecisionEntry{ID: e.ID, Title: e.Title, Supersedes: refs(e.Supersedes), Inline: e.Inline}
	}
	return c
}

// displayEdit rebuilds after edits of what pages show of documents (their
// status, owner, tags, dates, area, summary: see shown), not of what they
// say or where they stand. st is the site linked anew, old the last one
// and prev its pages; owed are the pages an earlier partial rebuild left
// for its Later, which did not run. Lists, tag and owner pages, related
// pages and the decision index follow those fields, so the whole site is
// linked again; but only the pages that may show the edited documents are
// rendered: their own, first, then (Later) those displayed works out. It
// returns nil, and the caller goes on with the whole site, for an edit of
// any other kind, when the stages after the graph report anything (their
// diagnostics come with writing the whole site), or when the site's own
// layouts may show documents anywhere (theme.OwnLayouts). Whether the site
// kept its shape (sameShape: tags can make the first tag page, or empty
// the last) is checked after the edited page is written; if not, Later
// writes the whole site.
func (s *Session) displayEdit(old, st *state, prev map[string][]byte, owed map[string]bool, changed []string, start time.Time) *Update {
	if old == nil || prev == nil || len(changed) == 0 || old.late > 0 || old.res.Errors > 0 || old.graph == nil || len(st.lateDiags.All()) > 0 {
		return nil
	}
	cfg, was, site := st.res.Config, old.res.Site, st.res.Site
	if cfg.ContentDir != old.res.Config.ContentDir || st.cache.readsFiles() || theme.OwnLayouts(st.themeFS) {
		return nil
	}
	prefix := cfg.ContentDir + "/"
	var edits [][2]*handbook.Document // before and after
	for _, p := range changed {
		rel, ok := strings.CutPrefix(p, prefix)
		if !ok || !handbook.IsMarkdown(rel) {
			return nil
		}
		a, b := was.ByPath[rel], site.ByPath[rel]
		if a == nil || b == nil || a.Synthetic || a.IsSection || b.IsSection {
			return nil
		}
		if !reflect.DeepEqual(shown(a.Outline), shown(b.Outline)) || !a.Body.SameAs(b.Body) {
			return nil
		}
		edits = append(edits, [2]*handbook.Document{a, b})
	}
	st.finish(start)
	if st.res.Errors > 0 {
		return nil
	}
	first := map[string]bool{}
	for _, e := range edits {
		first[e[1].URL+"index.html"] = true
	}
	mem := s.memory()
	st.render.RenderOnly(mem, func(out string) bool { return first[out] })
	s.files = prev
	files, out := s.install(mem.Files())
	st.res.Written = len(out)
	// The other pages the edit changes are worked out after the edited
	// ones are written: by Later, or by the next rebuild if Later does
	// not run (settle).
	s.last, s.later = st, owed
	s.owe = func() (later, gone map[string]bool, ok bool) {
		if !sameShape(was, site) {
			return nil, nil, false
		}
		if later, gone, ok = displayed(old, st, edits, first, prev); ok {
			st.render.Adopt(old.render, true)
		}
		return later, gone, ok
	}
	u := &Update{Result: st.res, Files: files, Changed: out, gzipped: s.opts.Gzip}
	u.Later = func() (map[string][]byte, []string) {
		if s.settle(); s.last != st {
			// The edit moved more than what pages show, or a page it
			// made meets a file of the site: the whole site is
			// written.
			u.whole = true
			st.render.Adopt(old.render, false)
			return s.writeWhole(st, prev, start)
		}
		mem := s.memory()
		owed := s.later
		s.later = nil
		keep := func(out string) bool { return owed[out] }
		if s.overtaken == nil {
			st.render.RenderOnly(mem, keep)
		} else if _, done := st.render.RenderUntil(mem, keep, s.overtaken); !done {
			// Another change waits: what was written stays, and
			// the next rebuild writes every page this one owed.
			s.later = owed
		}
		return s.install(mem.Files())
	}
	return u
}

// settle works out what the last display edit left for after its edited
// pages, if that is not known yet (Session.owe): its pages join
// Session.later, and the pages it emptied (a tag's or an owner's) leave
// the site. When the edit needs the whole site written (it moved more than
// what pages show: sameShape), the last state goes, and the next rebuild
// makes everything.
func (s *Session) settle() {
	if s.owe == nil {
		return
	}
	later, gone, ok := s.owe()
	s.owe = nil
	if !ok {
		s.last, s.later = nil, nil
		return
	}
	if s.later == nil {
		s.later = map[string]bool{}
	}
	maps.Copy(s.later, later)
	if len(gone) > 0 {
		files := maps.Clone(s.files)
		for out := range gone {
			delete(files, out)
		}
		s.files = files
	}
}

// displayed lists the pages, beyond first, that an edit of what pages
// show of documents (edits: each before and after) may change, old being
// the site before it and st after: the edited documents' neighbours',
// those linking to them or linked from them, the lists that hold them
// before or after the edit, a decision's chain and the decision index,
// the pages whose related documents changed, the home, health and
// owners' pages, the site-wide files and the pages the edit made; and the
// pages it emptied, gone. ok is false when a page it made meets a file of
// the last site (prev), an error a fresh build reports.
func displayed(old, st *state, edits [][2]*handbook.Document, first map[string]bool, prev map[string][]byte) (later, gone map[string]bool, ok bool) {
	was, site := old.res.Site, st.res.Site
	later = map[string]bool{"index.html": true, "tags/index.html": true, render.SearchFile: true, "graph.json": true,
		"decisions.json": true, "feed.xml": true, "sitemap.xml": true}
	page := func(d *handbook.Document) { later[d.URL+"index.html"] = true }
	for _, e := range edits {
		for k, r := range []*state{old, st} {
			d := e[k]
			shows, _ := r.render.Shows(d, r.graph.Place(d, d.Title))
			for _, out := range shows {
				later[out] = true
			}
			for _, out := range r.render.ShowsWidely(d, false) {
				later[out] = true
			}
			for _, x := range listing(r.res.Site, d) {
				page(x)
			}
		}
	}
	for _, d := range site.Docs {
		if !slices.EqualFunc(site.Related[d], was.Related[was.ByPath[d.Path]], samePath) {
			page(d)
		}
	}
	pages := st.render.Pages()
	for _, out := range pages {
		if strings.HasPrefix(out, "health/") || strings.HasPrefix(out, "owners/") {
			later[out] = true
		}
	}
	gone = map[string]bool{}
	for _, out := range old.render.Pages() {
		gone[out] = true
	}
	var added []string
	for _, out := range pages {
		if !gone[out] {
			later[out] = true
			added = append(added, out)
		}
		delete(gone, out)
	}
	if len(added) > 0 {
		// A new page must not meet a file of the site (claims).
		taken := make(map[string]bool, len(prev))
		for out := range prev {
			if !gone[out] {
				taken[sitepath.Fold(out)] = true
			}
		}
		for _, out := range added {
			k := sitepath.Fold(out)
			if taken[k] {
				return nil, nil, false
			}
			taken[k] = true
		}
	}
	for out := range first {
		delete(later, out)
	}
	return later, gone, true
}

// samePath reports whether two documents, of two linkings of a site, are
// the same file.
func samePath(a, b *handbook.Document) bool {
	return a == nil && b == nil || a != nil && b != nil && a.Path == b.Path
}

// sameShape reports whether two linkings of a site put every document at
// the same address and place, with the same neighbours, links,
// references, backlinks, aliases, reading paths and decision chains: what
// an edit of what pages show leaves as it was (see displayEdit).
func sameShape(a, b *handbook.Site) bool {
	if len(a.Docs) != len(b.Docs) || len(a.ByURL) != len(b.ByURL) || len(a.Files) != len(b.Files) || a.Links != b.Links ||
		len(a.Paths) != len(b.Paths) || len(a.Decisions) != len(b.Decisions) || (len(a.Tags) > 0) != (len(b.Tags) > 0) ||
		!samePath(a.Home, b.Home) || !slices.EqualFunc(a.Sections, b.Sections, samePath) || !slices.EqualFunc(a.Orphans, b.Orphans, samePath) {
		return false
	}
	sameLink := func(x, y *handbook.Link) bool {
		return samePath(x.Target, y.Target) && x.Fragment == y.Fragment && x.File == y.File && x.Broken == y.Broken &&
			x.External == y.External && (x.Decision == nil) == (y.Decision == nil) && (x.Decision == nil || x.Decision.ID == y.Decision.ID)
	}
	for i, x := range a.Docs {
		y := b.Docs[i]
		if x.Path != y.Path || x.URL != y.URL || x.ID != y.ID || x.Title != y.Title || x.NavTitle() != y.NavTitle() ||
			!samePath(x.Parent, y.Parent) || !samePath(x.Prev, y.Prev) || !samePath(x.Next, y.Next) ||
			!slices.EqualFunc(x.Children, y.Children, samePath) || !slices.EqualFunc(x.Refs, y.Refs, samePath) ||
			!slices.EqualFunc(a.Backlinks[x], b.Backlinks[y], samePath) || !slices.EqualFunc(x.Links, y.Links, sameLink) ||
			!slices.EqualFunc(x.Aliases, y.Aliases, func(p, q handbook.Ref) bool { return p.Target == q.Target }) || len(a.PathsOf[x]) != len(b.PathsOf[y]) || len(x.Decisions) != len(y.Decisions) {
			return false
		}
	}
	for i, p := range a.Paths {
		if q := b.Paths[i]; p.ID != q.ID || !slices.EqualFunc(p.Steps, q.Steps, samePath) {
			return false
		}
	}
	ids := func(ds []*handbook.Decision) []string {
		out := make([]string, len(ds))
		for i, d := range ds {
			out[i] = d.ID
		}
		return out
	}
	for id, x := range a.DecisionByID {
		y := b.DecisionByID[id]
		if y == nil || !samePath(x.Doc, y.Doc) || !slices.Equal(ids(x.Replaces), ids(y.Replaces)) || !slices.Equal(ids(x.SupersededBy), ids(y.SupersededBy)) ||
			!slices.EqualFunc(a.TouchedBy[x], b.TouchedBy[y], samePath) {
			return false
		}
	}
	return len(a.DecisionByID) == len(b.DecisionByID)
}
