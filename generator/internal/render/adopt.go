package render

import (
	"bytes"
	"maps"
	"slices"

	"handbook/generator/internal/handbook"
)

// Adopt takes over what old, the renderer of the same site before serve
// linked it anew, kept of the search index: the rows of the documents
// with the same path here (a row is used only while its document's
// inputs are the same, see searchRow) and the dictionary they are
// numbered by. With index, it takes over the index old last wrote too,
// when the site has the same documents in the same order and the same
// settings: the renderer then writes only the index files whose bytes
// change, and the caller keeps the others from the last site. Both
// renderers must be serve's (Options.Rebuilds), and old renders nothing
// after.
func (r *Renderer) Adopt(old *Renderer, index bool) {
	if !r.opts.Rebuilds || !old.opts.Rebuilds || old == r {
		return
	}
	old.cacheMu.Lock()
	r.cacheMu.Lock()
	r.terms = old.terms
	for d, row := range old.rows {
		if n := r.site.ByPath[d.Path]; n != nil {
			r.rows[n] = row
		}
	}
	r.cacheMu.Unlock()
	old.cacheMu.Unlock()
	if !index {
		return
	}
	o := &old.search
	o.mu.Lock()
	defer o.mu.Unlock()
	docs := r.site.Docs
	if o.lay == nil || !slices.EqualFunc(o.docs, docs, func(a, b *handbook.Document) bool { return a.Path == b.Path }) ||
		!bytes.Equal(old.searchHead(), r.searchHead()) {
		return
	}
	s := &r.search
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs, s.rows, s.lay, s.encLen, s.firsts = slices.Clone(docs), o.rows, o.lay, o.encLen, o.firsts
	s.shardOf, s.dictMap, s.tailMap, s.seed, s.hashes = o.shardOf, o.dictMap, o.tailMap, o.seed, maps.Clone(o.hashes)
}
