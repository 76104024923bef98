package build

import (
	"io/fs"
	"maps"
	"reflect"
	"strings"
	"time"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/lint"
	"handbook/generator/internal/markdown"
	"handbook/generator/internal/publish"
	"handbook/generator/internal/render"
)

// bodyEdit rebuilds after edits that changed only the bodies of published
// documents: their front matter, title and headings are what they were.
// Then nothing but body links can have changed, and only the pages that
// show them are rendered again: the edited pages, the pages whose
// backlinks changed, and the indexes fed by bodies; when saved, the
// documents' last changes are new too, and the home page's recent changes,
// the feed and the sitemap with them. It returns nil when the changes are
// of any other kind, and the caller rebuilds everything.
func (s *Session) bodyEdit(changed []string, saved bool) *Update {
	st := s.last
	if st == nil || len(changed) == 0 || st.late > 0 || st.graph == nil {
		return nil
	}
	for _, d := range st.res.Docs {
		if markdown.ReadsFiles(d.Source) {
			return nil // a page may include the edited file (readfile)
		}
	}
	start := time.Now()
	cfg, site := st.res.Config, st.res.Site
	prefix := cfg.ContentDir + "/"
	type edit struct{ live, fresh *handbook.Document }
	var edits []edit
	for _, p := range changed {
		rel, ok := strings.CutPrefix(p, prefix)
		if !ok || !strings.HasSuffix(rel, ".md") {
			return nil
		}
		live := site.ByPath[rel]
		st.cache.mu.Lock()
		before := st.cache.m[rel]
		st.cache.mu.Unlock()
		if live == nil || before == nil || live.Synthetic {
			return nil
		}
		src, err := fs.ReadFile(s.fsys, p)
		if err != nil {
			return nil
		}
		// A document as load makes it, at the place it was parsed at.
		fresh := &handbook.Document{Path: live.Path, SourcePath: live.SourcePath, Source: src, Section: live.Section,
			IsSection: before.isSection, IsBundle: before.isBundle, URL: before.url}
		st.cache.parse(st.parser, fresh)
		if !reflect.DeepEqual(before.outline, fresh.Outline) {
			return nil // more than the body changed
		}
		if (before.body.Diagrams > 0) != (fresh.Diagrams > 0) {
			// A first diagram, or the last one gone, may change which
			// files the site has (the scripts that draw diagrams).
			return nil
		}
		edits = append(edits, edit{live, fresh})
	}

	pages := map[string]bool{}
	page := func(d *handbook.Document) { pages[d.URL+"index.html"] = true }
	touches, minutes := false, false
	for _, e := range edits {
		before := e.live.ReadingMinutes()
		changedTargets, t := st.graph.Relink(e.live, e.fresh)
		touches = touches || t
		l := &diag.List{}
		lint.Document(e.live, site, cfg.Lints, l)
		st.lints[e.live] = l
		page(e.live)
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
				pages["paths/"+rp.ID+"/index.html"] = true
			}
		}
	}
	if minutes {
		pages["index.html"] = true // the home page shows each path's reading time
	}
	if touches {
		pages["decisions/recurring/index.html"] = true
		pages["decisions.json"] = true
	}
	// The indexes of the whole site, and the health page (orphans and
	// broken links follow bodies), are written after the pages, so that
	// open pages reload without waiting for them.
	later := map[string]bool{render.SearchFile: true, "graph.json": true, "health/index.html": true}
	if saved {
		pages["index.html"] = true
		later["feed.xml"], later["sitemap.xml"] = true, true
	}

	mem := publish.NewMemory()
	st.render.RenderOnly(mem, func(out string) bool { return pages[out] })
	files, out := s.install(mem.Files())
	st.res.Written = len(out)
	st.finish(start)
	return &Update{Result: st.res, Files: files, Changed: out, Later: func() (map[string][]byte, []string) {
		mem := publish.NewMemory()
		st.render.RenderOnly(mem, func(out string) bool { return later[out] })
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
