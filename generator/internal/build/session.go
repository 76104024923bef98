package build

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"sync"

	"handbook/generator/internal/assets"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/markdown"
	"handbook/generator/internal/publish"
	"handbook/generator/internal/theme"
)

// Session rebuilds one site again and again (serve), keeping what a change
// did not touch: the parse of every unchanged document and the asset
// bundle while no asset changed. The output of Session.Build is always the
// output a fresh Run would give for the same files.
type Session struct {
	fsys  fs.FS
	opts  Options
	cache *parseCache

	assetKey [32]byte
	bundle   *assets.Bundle
	assetMsg []diag.Diagnostic
}

// NewSession prepares rebuilds of the site in fsys.
func NewSession(fsys fs.FS, opts Options) *Session {
	return &Session{fsys: fsys, opts: opts, cache: &parseCache{m: map[string]*cached{}}}
}

// Build rebuilds the site into w.
func (s *Session) Build(w publish.Writer) *Result {
	o := s.opts
	o.Now = s.opts.Now
	return run(s.fsys, w, o, s.cache, s.assets)
}

// assets rebundles only when a file of the theme's assets changed.
func (s *Session) assets(diags *diag.List) *assets.Bundle {
	fsys := theme.Assets(s.fsys)
	h := sha256.New()
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err == nil {
			h.Write([]byte(p))
			h.Write([]byte{0})
			h.Write(b)
			h.Write([]byte{0})
		}
		return nil
	})
	var key [32]byte
	copy(key[:], h.Sum(nil))
	if s.bundle == nil || key != s.assetKey {
		var own diag.List
		s.bundle = assets.Build(fsys, assets.Options{Minify: true, SourceMaps: s.opts.SourceMaps}, &own)
		s.assetKey = key
		s.assetMsg = own.All()
	}
	for _, d := range s.assetMsg {
		diags.Add(d)
	}
	return s.bundle
}

// parseCache keeps each document's parse, keyed by path, with the bytes and
// place it was parsed from.
type parseCache struct {
	mu sync.Mutex
	m  map[string]*cached
}

type cached struct {
	doc   *handbook.Document // as the markdown stage left it, never given to the graph stage
	diags *diag.List
}

// parse returns a parsed copy of d, from the cache when d's bytes and place
// are what they were, otherwise by parsing it.
func (c *parseCache) parse(p *markdown.Parser, d *handbook.Document, diags *diag.List) *handbook.Document {
	c.mu.Lock()
	hit := c.m[d.Path]
	c.mu.Unlock()
	if hit != nil && hit.doc.IsSection == d.IsSection && hit.doc.IsBundle == d.IsBundle && hit.doc.URL == d.URL && bytes.Equal(hit.doc.Source, d.Source) {
		diags.Merge(hit.diags)
		return hit.doc.Clone()
	}
	own := &diag.List{}
	parseOne(p, d, own)
	diags.Merge(own)
	c.mu.Lock()
	c.m[d.Path] = &cached{doc: d.Clone(), diags: own}
	c.mu.Unlock()
	return d
}

// prune forgets documents that are gone.
func (c *parseCache) prune(docs []*handbook.Document) {
	keep := make(map[string]bool, len(docs))
	for _, d := range docs {
		keep[d.Path] = true
	}
	c.mu.Lock()
	for p := range c.m {
		if !keep[p] {
			delete(c.m, p)
		}
	}
	c.mu.Unlock()
}
