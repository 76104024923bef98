package render

import (
	"sort"
	"time"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/history"
)

// change is what git knows of d's last change; false without history or
// for a document without a file of its own.
func (r *Renderer) change(d *handbook.Document) (history.Change, bool) {
	if d == nil || d.Synthetic || r.opts.History == nil {
		return history.Change{}, false
	}
	return r.opts.History.Get(d.SourcePath)
}

// changed is when d last changed, as far as the build knows: the latest of
// its last commit (or save), its front matter's reviewed and its date.
// Zero when none is known.
func (r *Renderer) changed(d *handbook.Document) time.Time {
	t := d.Date
	if d.Reviewed.After(t) {
		t = d.Reviewed
	}
	if c, ok := r.change(d); ok && c.When.After(t) {
		t = c.When
	}
	return t
}

// recent lists the n documents of docs most recently changed, newest
// first, documents of the same time in path order.
func (r *Renderer) recent(docs []*handbook.Document, n int) []*handbook.Document {
	type dated struct {
		d *handbook.Document
		t time.Time
	}
	ds := make([]dated, 0, len(docs))
	for _, d := range docs {
		if t := r.changed(d); !t.IsZero() {
			ds = append(ds, dated{d, t})
		}
	}
	sort.SliceStable(ds, func(i, j int) bool {
		if !ds[i].t.Equal(ds[j].t) {
			return ds[i].t.After(ds[j].t)
		}
		return ds[i].d.Path < ds[j].d.Path
	})
	out := make([]*handbook.Document, 0, min(n, len(ds)))
	for _, x := range ds[:min(n, len(ds))] {
		out = append(out, x.d)
	}
	return out
}

// Updated is when the document's file last changed, as git knows it: the
// date of the last commit that changed it, or the time it was saved when
// Uncommitted. Zero without history (no git, a file git does not know, a
// build from memory), and on generated pages.
func (p *Page) Updated() time.Time {
	c, _ := p.r.change(p.Doc)
	return c.When
}

// UpdatedBy is the name of the author of the last commit that changed the
// document's file; "" when Updated is zero or Uncommitted.
func (p *Page) UpdatedBy() string {
	c, _ := p.r.change(p.Doc)
	return c.Author
}

// Uncommitted reports whether the document's file was changed since its
// last commit (serve marks the files it sees saved).
func (p *Page) Uncommitted() bool {
	c, _ := p.r.change(p.Doc)
	return c.Uncommitted
}

// EditURL is the address of the document's editor in its repository, from
// site.yaml's repo_url or edit_url; "" without them and on generated pages.
func (p *Page) EditURL() string {
	if p.Doc == nil || p.Doc.Synthetic {
		return ""
	}
	return p.r.cfg.EditLink(p.Doc.SourcePath)
}

// HistoryURL is the address of the list of the commits that changed the
// document's file, from site.yaml's repo_url or history_url; "" without
// them and on generated pages.
func (p *Page) HistoryURL() string {
	if p.Doc == nil || p.Doc.Synthetic {
		return ""
	}
	return p.r.cfg.HistoryLink(p.Doc.SourcePath)
}

// HasHistory reports whether the page has anything for the history line:
// a date from git, or an edit or history link. The line's layout asks it
// first, so that a page without either costs one call.
func (p *Page) HasHistory() bool {
	return !p.Updated().IsZero() || p.EditURL() != "" || p.HistoryURL() != ""
}
