package build

import (
	"crypto/sha256"
	"io/fs"
	"strings"
	"sync"
	"time"

	"handbook/generator/internal/assets"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/history"
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

	last  *state            // what the last rebuild left
	files map[string][]byte // the site it wrote
	gz    *publish.Compressors
	// later are the files partial rebuilds left for after their pages
	// whose Update.Later has not run yet: the next partial rebuild's
	// Later writes them too, so that saves in quick succession share one.
	later map[string]bool

	// hist is the git history of histDir, read once (histRead), with
	// the saves markSaved recorded since; histErr why there is none.
	hist     *history.Log
	histErr  error
	histDir  string
	histRead bool

	// owe, when set, works out the pages a display edit left for its
	// Later, and the pages it emptied (see settle); ok is false when
	// the whole site is owed.
	owe func() (later, gone map[string]bool, ok bool)

	// overtaken, when set, reports that more changes wait (Overtaken).
	overtaken func() bool
}

// Overtaken tells the session how to learn that more changes wait (serve:
// its watcher has more): a whole site being written after its edited page
// (Update.Later) then stops, and the next rebuild makes it, so that a
// save is never kept waiting by the one before it.
func (s *Session) Overtaken(f func() bool) { s.overtaken = f }

// NewSession prepares rebuilds of the site in fsys. With opts.Source, the
// git history is read once, files changed since their last commit shown
// as uncommitted, and each later save of a document marks it so, without
// reading the history again.
func NewSession(fsys fs.FS, opts Options) *Session {
	s := &Session{fsys: fsys, opts: opts, cache: &parseCache{m: map[string]*cached{}}}
	s.opts.history = s.readHistory
	return s
}

// Build rebuilds the whole site into w.
func (s *Session) Build(w publish.Writer) *Result {
	st := run(s.fsys, w, s.opts, s.cache, s.assets)
	s.last = st
	return st.res
}

// Update is the outcome of a rebuild.
type Update struct {
	Result *Result
	// Files is the whole site after the rebuild, each file compressed
	// as publish.Gzip does with Options.Gzip.
	Files map[string][]byte
	// Changed lists the output paths the rebuild wrote anew; nil when it
	// is not known (a full rebuild), and the caller compares.
	Changed []string
	// Later, when set, writes what the rebuild left for after the pages
	// (the site-wide indexes, or every other page) and returns the site
	// and the paths it wrote (nil: compare every file); the site is
	// complete, and equal to a fresh build, only after it, and Result
	// final: Later may find errors, and then returns the last good site. A
	// caller with another rebuild to make at once may leave it: the next
	// partial rebuild's Later writes what this one would have (a full
	// rebuild writes everything).
	Later func() (map[string][]byte, []string)
	// gzipped says Files are compressed (Options.Gzip).
	gzipped bool
	// whole says the rebuild makes the whole site anew (Later, when set,
	// writes the rest of it).
	whole bool
}

// Whole reports whether the rebuild makes the whole site anew, once Later
// has run, rather than a part of it: the last site's memory is free.
func (u *Update) Whole() bool { return u.whole || u.Changed == nil }

// Complete runs Later, if any, and returns the complete site, each file
// as it is (inflated, with Options.Gzip).
func (u *Update) Complete() map[string][]byte {
	if u.Later != nil {
		u.Files, _ = u.Later()
		u.Later = nil
	}
	if !u.gzipped {
		return u.Files
	}
	out := make(map[string][]byte, len(u.Files))
	for p, z := range u.Files {
		b, err := publish.Gunzip(z)
		if err != nil {
			b = z // not gzip: left as it is, and unequal to a build's
		}
		out[p] = b
	}
	return out
}

// Rebuild brings the site up to date after changes to the given source
// paths (slash paths relative to the site root; nil: anything may have
// changed).
func (s *Session) Rebuild(changed []string) *Update {
	saved := s.markSaved(changed)
	s.settle()
	if up := s.bodyEdit(changed, saved); up != nil {
		return up
	}
	// The last site's pages go before the new one is made, not after: a
	// full rebuild holds one site, not two (the pages served meanwhile
	// are the caller's). Its graph and renderer stay until the new site
	// is linked, which takes over the renderer's search rows.
	prev, old, owed := s.files, s.last, s.later
	s.last, s.files, s.later = nil, nil, nil
	start := time.Now()
	opts := s.opts
	if opts.Now.IsZero() {
		opts.Now = start
	}
	var named map[string]bool
	if changed != nil {
		named = make(map[string]bool, len(changed))
		for _, p := range changed {
			named[p] = true
		}
	}
	settings := s.cache.config
	st := link(s.fsys, opts, s.cache, named)
	st.prepare(opts, s.assets)
	if s.cache.config != settings {
		old = nil // site.yaml changed: nothing of the last site is taken over
	}
	if up := s.displayEdit(old, st, prev, owed, changed, start); up != nil {
		return up
	}
	if old != nil {
		st.render.Adopt(old.render, false)
	}
	if up := s.pagesFirst(st, prev, changed, start); up != nil {
		return up
	}
	mem := s.memory()
	st.write(mem, nil)
	st.finish(start)
	s.last, s.files = st, mem.Files()
	return &Update{Result: st.res, Files: s.files, gzipped: s.opts.Gzip}
}

// pagesFirst writes the pages of the edited documents before the rest of
// a site that is being made anew, after an edit that the partial
// rebuilds do not handle (a status, an owner, a section's title): the page
// being edited reloads without waiting for the thousands of others. The
// pages are those a full build writes, as the whole site is linked first;
// the rest of the site is written by the Update's Later, which installs
// it whole, or the last good site again if writing it found errors, or
// stops when more changes wait (Overtaken) and leaves it to them. It
// returns nil, and the caller writes everything at once, when the change
// names no published document, when there is no earlier site to show
// meanwhile, or when linking found errors.
func (s *Session) pagesFirst(st *state, prev map[string][]byte, changed []string, start time.Time) *Update {
	if prev == nil || len(changed) == 0 {
		return nil
	}
	site := st.res.Site
	prefix := st.res.Config.ContentDir + "/"
	first := map[string]bool{}
	for _, p := range changed {
		if d := site.ByPath[strings.TrimPrefix(p, prefix)]; strings.HasPrefix(p, prefix) && d != nil && !d.Synthetic {
			first[d.URL+"index.html"] = true
		}
	}
	if len(first) == 0 {
		return nil
	}
	st.finish(start)
	if st.res.Errors > 0 {
		return nil
	}
	mem := s.memory()
	st.render.RenderOnly(mem, func(out string) bool { return first[out] })
	s.files = prev
	files, out := s.install(mem.Files())
	return &Update{Result: st.res, Files: files, Changed: out, gzipped: s.opts.Gzip, whole: true, Later: func() (map[string][]byte, []string) {
		return s.writeWhole(st, prev, start)
	}}
}

// writeWhole writes the whole site of st after its edited pages, and
// installs it, or the last good site, prev, again if writing it found
// errors; it stops when more changes wait (Overtaken), and leaves the
// whole site to the next rebuild.
func (s *Session) writeWhole(st *state, prev map[string][]byte, start time.Time) (map[string][]byte, []string) {
	s.last = nil // until the whole site is written
	mem := s.memory()
	if !st.write(mem, s.overtaken) {
		// Another change waits: the next rebuild makes the whole
		// site, and the edited page first again.
		return s.files, []string{}
	}
	st.finish(start)
	if st.res.Errors > 0 {
		// Writing found an error (a file published where a page
		// is): the last good site is served again.
		s.files = prev
		return prev, nil
	}
	s.last, s.files = st, mem.Files()
	return s.files, nil
}

// memory is where a rebuild writes: in memory, compressed with Options.Gzip.
func (s *Session) memory() interface {
	publish.Writer
	Files() map[string][]byte
} {
	if s.opts.Gzip {
		if s.gz == nil {
			s.gz = publish.NewCompressors()
		}
		return publish.NewGzipped(s.gz)
	}
	return publish.NewMemory()
}

// assets rebundles only when a file of the site's own assets changed: the
// defaults, embedded in the binary (the Mermaid bundle among them), do not
// change while it runs, and are not read again.
func (s *Session) assets(site fs.FS, diags *diag.List) *assets.Bundle {
	fsys := theme.Assets(site)
	h := sha256.New()
	var top fs.FS
	if o, ok := fsys.(*theme.Overlay); ok {
		top = o.Top
	} else {
		top = fsys
	}
	_ = walkFiles(top, func(p string, b []byte) {
		h.Write([]byte(p))
		h.Write([]byte{0})
		h.Write(b)
		h.Write([]byte{0})
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

// walkFiles calls f with the path and bytes of every file in fsys, which
// may be nil (no files).
func walkFiles(fsys fs.FS, f func(p string, b []byte)) error {
	if fsys == nil {
		return nil
	}
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if b, err := fs.ReadFile(fsys, p); err == nil {
			f(p, b)
		}
		return nil
	})
}

// parseCache keeps each document's parse, keyed by path, with the bytes and
// place it was parsed from. A parse is never modified after parsing: the
// documents of every build that finds it share it.
type parseCache struct {
	mu sync.Mutex
	m  map[string]*cached
	// words are the theme's words the parses hold (a heading's link's
	// label): when the language changes, no parse is reused.
	words  markdown.Words
	config [sha256.Size]byte
}

// use forgets every parse made with other words than w, or under another
// site.yaml (whose digest is config): its settings (raw_html, the kinds
// of folders) decide what a parse gives.
func (c *parseCache) use(w markdown.Words, config [sha256.Size]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.words != w || c.config != config {
		c.m = map[string]*cached{}
		c.words, c.config = w, config
	}
}

type cached struct {
	sum                 [sha256.Size]byte // of the bytes parsed
	isSection, isBundle bool              // the place they were parsed at
	url                 string
	outline             *handbook.Outline // the parse
	body                *handbook.Body
	diags               *diag.List
	// readsFiles says the bytes' shortcodes may include other files
	// (markdown.ReadsFiles), so that an edit of any file may change the
	// document's page.
	readsFiles bool
	// shortcodes says the bytes have shortcodes, parsed again every time.
	shortcodes bool
	// The file's size and modification time when it was read (mod is
	// zero when unknown).
	size int64
	mod  time.Time
}

// keep gives d, whose bytes are not read, its cached parse when the file
// cannot have changed: changed names the files that may have (nil: any),
// d's is not among them, and its size and modification time are what
// they were when it was read. It reports whether it did.
func (c *parseCache) keep(fsys fs.FS, d *handbook.Document, changed map[string]bool) bool {
	if changed == nil || changed[d.SourcePath] {
		return false
	}
	c.mu.Lock()
	hit := c.m[d.Path]
	c.mu.Unlock()
	if hit == nil || hit.shortcodes || hit.mod.IsZero() || hit.isSection != d.IsSection || hit.isBundle != d.IsBundle || hit.url != d.URL {
		return false
	}
	info, err := fs.Stat(fsys, d.SourcePath)
	if err != nil || info.Size() != hit.size || !info.ModTime().Equal(hit.mod) {
		return false
	}
	d.Outline, d.Body = hit.outline, hit.body
	return true
}

// parse gives d its parse: the cached one when d's bytes and place are
// what they were, otherwise a new one. Its diagnostics stay in the cache,
// one list per document. It returns the cache entry. The cache keeps a
// digest of the bytes, not the bytes, and d lets go of them too: a
// diagnostic's position reads the file again.
func (c *parseCache) parse(p *markdown.Parser, d *handbook.Document, info fs.FileInfo) *cached {
	c.mu.Lock()
	hit := c.m[d.Path]
	c.mu.Unlock()
	sum := sha256.Sum256(d.Source)
	defer func() { d.Source = nil }()
	// A document with shortcodes depends on more than its bytes (site
	// templates and params, files it includes): it is parsed again.
	shortcodes := markdown.HasShortcodes(d.Source)
	if hit != nil && hit.isSection == d.IsSection && hit.isBundle == d.IsBundle && hit.url == d.URL && hit.sum == sum && !shortcodes {
		d.Outline, d.Body = hit.outline, hit.body
		if info != nil && (info.Size() != hit.size || !info.ModTime().Equal(hit.mod)) {
			// The same bytes, saved again: the entry, shared, is
			// replaced rather than modified.
			e := *hit
			e.size, e.mod = info.Size(), info.ModTime()
			c.mu.Lock()
			c.m[d.Path] = &e
			c.mu.Unlock()
			return &e
		}
		return hit
	}
	own := &diag.List{}
	parseOne(p, d, own)
	e := &cached{sum: sum, isSection: d.IsSection, isBundle: d.IsBundle, url: d.URL, outline: d.Outline, body: d.Body, diags: own,
		readsFiles: markdown.ReadsFiles(d.Source), shortcodes: shortcodes}
	if info != nil {
		e.size, e.mod = info.Size(), info.ModTime()
	}
	c.mu.Lock()
	c.m[d.Path] = e
	c.mu.Unlock()
	return e
}

// readsFiles reports whether a cached document's shortcodes may include
// other files.
func (c *parseCache) readsFiles() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.m {
		if e.readsFiles {
			return true
		}
	}
	return false
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
