package build

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/lint"
	"handbook/generator/internal/load"
	"handbook/generator/internal/render"
	"handbook/generator/internal/theme"
)

// bodyEdit rebuilds after edits that changed only the bodies of published
// documents, and perhaps their titles: their other front matter and
// headings are what they were. Then nothing but body links and titles can
// have changed, and only the pages that show them are rendered again: the
// edited pages, the pages whose backlinks changed, and the indexes fed by
// bodies; when saved, the documents' last changes are new too, and the
// home page's recent changes, the feed and the sitemap with them. A new
// title is shown where the document is listed (see retitle). It returns
// nil when the changes are of any other kind, and the caller rebuilds
// everything.
func (s *Session) bodyEdit(changed []string, saved bool) *Update {
	st := s.last
	if st == nil || len(changed) == 0 || st.late > 0 || st.graph == nil {
		return nil
	}
	if st.cache.readsFiles() {
		return nil // a page may include the edited file (readfile)
	}
	start := time.Now()
	cfg, site := st.res.Config, st.res.Site
	prefix := cfg.ContentDir + "/"
	type edit struct {
		live, fresh *handbook.Document
		shows       []string // with a new title, the generated pages that list it
		// wide are the pages beyond those that may show the new title
		// too, rendered after the reload (see retitle).
		wide []string
	}
	var edits []edit
	for _, p := range changed {
		rel, ok := strings.CutPrefix(p, prefix)
		if !ok || !handbook.IsMarkdown(rel) {
			return nil
		}
		live := site.ByPath[rel]
		st.cache.mu.Lock()
		before := st.cache.m[rel]
		st.cache.mu.Unlock()
		if live == nil || before == nil || live.Synthetic {
			return nil
		}
		// A document as load makes it, at the place it was parsed at.
		fresh := &handbook.Document{Path: live.Path, SourcePath: live.SourcePath, Section: live.Section,
			IsSection: before.isSection, IsBundle: before.isBundle, URL: before.url}
		info, ok := load.ReadStat(s.fsys, fresh, &diag.List{})
		if !ok {
			return nil
		}
		st.cache.parse(st.parser, fresh, info)
		var shows, wide []string
		if !reflect.DeepEqual(before.outline, fresh.Outline) {
			if shows, wide, ok = s.retitle(live, before.outline, fresh.Outline); !ok {
				return nil // more than the body and the title changed
			}
		}
		if (before.body.Diagrams > 0) != (fresh.Diagrams > 0) {
			// A first diagram, or the last one gone, may change which
			// files the site has (the scripts that draw diagrams).
			return nil
		}
		edits = append(edits, edit{live, fresh, shows, wide})
	}

	// The edited pages are written first and open pages told; every
	// other page the edits change, the indexes of the whole site and the
	// health page (orphans and broken links follow bodies) are written
	// after them (Later), so that the page being edited reloads without
	// waiting for them.
	pages := map[string]bool{}
	later := map[string]bool{render.SearchFile: true, "graph.json": true, "health/index.html": true}
	page := func(d *handbook.Document) { later[d.URL+"index.html"] = true }
	touches, minutes := false, false
	titled := false
	for _, e := range edits {
		before := e.live.ReadingMinutes()
		oldTitle, oldPrev, oldNext := e.live.Title, e.live.Prev, e.live.Next
		changedTargets, t := st.graph.Relink(e.live, e.fresh)
		touches = touches || t
		if e.live.Title != oldTitle {
			titled = true
			st.graph.Retitle(e.live, oldTitle)
			for _, d := range []*handbook.Document{oldPrev, oldNext} {
				if d != nil {
					page(d) // its next or previous page is another one now
				}
			}
			st.render.Forget(e.live)
			for _, d := range listing(site, e.live) {
				page(d)
			}
			for _, out := range e.shows {
				later[out] = true
			}
			for _, out := range e.wide {
				later[out] = true
			}
		}
		st.setLints(e.live, lint.Findings(e.live, site, cfg.Lints))
		pages[e.live.URL+"index.html"] = true
		for _, d := range changedTargets {
			page(d)
		}
		if e.live.ReadingMinutes() != before && len(site.PathsOf[e.live]) > 0 {
			minutes = true
			for _, rp := range site.PathsOf[e.live] {
				rp.Minutes = 0
				for _, step := range rp.Steps {
					rp.Minutes += step.ReadingMinutes()
				}
				later["paths/"+rp.ID+"/index.html"] = true
			}
		}
	}
	if minutes {
		later["index.html"] = true // the home page shows each path's reading time
	}
	if touches {
		later["decisions/recurring/index.html"] = true
		later["decisions.json"] = true
	}
	if saved {
		later["index.html"] = true
		later["feed.xml"], later["sitemap.xml"] = true, true
	}
	if titled {
		later["index.html"] = true // the home page lists recent documents
		later["feed.xml"] = true
		later["decisions.json"] = true
	}
	// What earlier edits left for after their pages, and whose Later
	// did not run, is written with this edit's.
	for out := range s.later {
		later[out] = true
	}
	for out := range pages {
		delete(later, out)
	}
	s.later = later

	mem := s.memory()
	st.render.RenderOnly(mem, func(out string) bool { return pages[out] })
	files, out := s.install(mem.Files())
	st.res.Written = len(out)
	st.finish(start)
	return &Update{Result: st.res, Files: files, Changed: out, gzipped: s.opts.Gzip, Later: func() (map[string][]byte, []string) {
		mem := s.memory()
		owed := s.later
		s.later = nil
		st.render.RenderOnly(mem, func(out string) bool { return owed[out] })
		return s.install(mem.Files())
	}}
}

// install adds written files to a copy of the session's site, which
// becomes the current one; the previous map is never modified, since serve
// may still be reading it.
func (s *Session) install(written map[string][]byte) (map[string][]byte, []string) {
	files := maps.Clone(s.files)
	out := make([]string, 0, len(written))
	for p, b := range written {
		files[p] = b
		out = append(out, p)
	}
	s.files = files
	return files, out
}

// retitle reports whether an edit that changed the outline of live from
// before to after is a new title alone, which the session renders anew
// where the document is shown rather than rebuilding everything: the
// generated pages that list it, and wide, the pages that may show it
// beyond its neighbours and those lists (render.ShowsWidely), rendered
// after the reload. It is not when the title decides more than what pages
// show: the document's place as a section, or the resolution of a
// wikilink or reference written as a title, or of a broken link's "did
// you mean"; nor when the site's own layouts decide where titles show.
func (s *Session) retitle(live *handbook.Document, before, after *handbook.Outline) (shows, wide []string, ok bool) {
	st := s.last
	site := st.res.Site
	a, b := *before, *after
	a.Title, b.Title = "", ""
	// The keys after the title move with its length; the document's
	// diagnostics that point at them are made anew, unless the graph
	// reported one (st.base keeps those).
	a.KeyOffsets, b.KeyOffsets, a.ValueOffsets, b.ValueOffsets = nil, nil, nil, nil
	if !reflect.DeepEqual(a, b) || st.base.About(live.SourcePath) || live.IsSection || live.Parent == site.Home || st.graph.BrokenLinks() > 0 {
		// More than the title, or a title every page's sidebar shows (a
		// section's, a page of the home page's own).
		return nil, nil, false
	}
	if namesTitle(site, before.Title, after.Title) || theme.OwnLayouts(st.themeFS) || len(before.Menus) > 0 {
		// A title a link names, or layouts of the site's own, which may
		// show it anywhere, or a menu's entry, which every page shows.
		return nil, nil, false
	}
	shows, sidebar := st.render.Shows(live, st.graph.Place(live, after.Title))
	return shows, st.render.ShowsWidely(live, sidebar), true
}

// namesTitle reports whether a wikilink or a front matter reference of
// the site may name a document by one of titles.
func namesTitle(site *handbook.Site, titles ...string) bool {
	// The shortest title, when all are ASCII: an ASCII name shorter than
	// it names none of them, which most names are told by at once.
	shortest := -1
	for i, t := range titles {
		titles[i] = strings.ToLower(t)
		switch {
		case !ascii(t):
			shortest = 0
		case shortest < 0 || len(t) < shortest:
			shortest = len(t)
		}
	}
	same := func(name string) bool {
		if len(name) < shortest && ascii(name) {
			return false
		}
		name, _, _ = strings.Cut(name, "|")
		name, _, _ = strings.Cut(name, "#")
		name = strings.TrimSpace(name)
		for _, t := range titles {
			// Lower case keeps the length of ASCII: most names are
			// told apart without being lowered.
			if len(name) != len(t) && ascii(name) && ascii(t) {
				continue
			}
			if strings.ToLower(name) == t {
				return true
			}
		}
		return false
	}
	for _, d := range site.Docs {
		for _, l := range d.BodyLinks {
			if l.Form == handbook.LinkWiki && same(l.Dest) {
				return true
			}
		}
		for _, refs := range [][]handbook.Ref{d.Strategies, d.DesignDocs, d.Supersedes} {
			for _, r := range refs {
				if same(r.Target) {
					return true
				}
			}
		}
	}
	return false
}

// ascii reports whether s is ASCII.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// listing returns the documents whose pages show d's title: its
// neighbours (prev and next), the documents it links to or references
// (their backlinks), those that link to or reference it, and those that
// list it among their related pages.
func listing(site *handbook.Site, d *handbook.Document) []*handbook.Document {
	out := []*handbook.Document{}
	if d.Prev != nil {
		out = append(out, d.Prev)
	}
	if d.Next != nil {
		out = append(out, d.Next)
	}
	for _, l := range d.Links {
		if l.Target != nil {
			out = append(out, l.Target)
		}
	}
	out = append(out, d.Refs...)
	out = append(out, site.Backlinks[d]...)
	for x, rel := range site.Related {
		if slices.Contains(rel, d) {
			out = append(out, x)
		}
	}
	return out
}
