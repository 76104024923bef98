// Package build runs the pipeline: config → load → markdown → graph →
// assets → render → publish.
//
// Input: the site root as an fs.FS and a publish.Writer. Output: the site
// written through the Writer, and a Result with the linked site, the
// diagnostics of every stage and counts for the summary. Each stage reports
// into one diag.List and the run goes on, so one run reports every problem.
// The caller decides what an error means for the output (build discards the
// temporary directory; serve keeps the last good site).
package build

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"path"
	"strings"
	"sync"
	"time"

	"handbook/generator/internal/assets"
	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/history"
	"handbook/generator/internal/i18n"
	"handbook/generator/internal/lint"
	"handbook/generator/internal/load"
	"handbook/generator/internal/markdown"
	"handbook/generator/internal/owners"
	"handbook/generator/internal/pool"
	"handbook/generator/internal/publish"
	"handbook/generator/internal/render"
	"handbook/generator/internal/sitepath"
	"handbook/generator/internal/theme"
)

// Options configure a run.
type Options struct {
	Drafts  bool   // publish documents with draft: true
	BaseURL string // overrides site.yaml's base_url when set
	// Now is the build time (feeds, staleness); zero means time.Now().
	Now time.Time
	// SourceMaps adds inline source maps to the bundled assets (serve).
	SourceMaps bool
	// Source is the site root on disk, where git is asked when each
	// document last changed and who changed it (package history); ""
	// reads no history (a build from memory).
	Source string
	// history, when set, reads the history instead of git log (a
	// Session's, which reads it once).
	history func(contentDir string) (*history.Log, error)
	// BrokenLinks, "error" or "warning", overrides site.yaml's
	// broken_links when set.
	BrokenLinks string
	// Gzip keeps a Session's site gzip-compressed (publish.Gzipped),
	// as serve holds it: in a fraction of its size.
	Gzip bool
}

// Result is what a run produced.
type Result struct {
	// Notes are what the run did without, and why (no git history): one
	// line each for the command's output, neither warnings nor errors.
	Notes    []string
	Config   *config.Site
	Site     *handbook.Site
	Bundle   *assets.Bundle
	Diags    *diag.List
	Written  int           // files written
	Elapsed  time.Duration // wall time of the run
	Docs     []*handbook.Document
	Statics  int
	Parsed   int
	Warnings int
	Errors   int
	// BrokenLinks is how many of the diagnostics are links that resolve
	// to nothing: errors, or warnings where Config.BrokenLinks says so.
	BrokenLinks int
	// Lints are each document's findings of package lint (none for a
	// document that follows every rule).
	Lints map[*handbook.Document][]lint.Finding
}

// Link runs the stages up to the graph: the linked site and its
// diagnostics, without assets or pages (the decisions command).
func Link(fsys fs.FS, opts Options) *Result {
	start := time.Now()
	if opts.Now.IsZero() {
		opts.Now = start
	}
	st := link(fsys, opts, nil, nil)
	st.waitHistory()
	st.finish(start)
	return st.res
}

// state is what one run leaves, kept by a Session for its next rebuild.
type state struct {
	res    *Result
	graph  *graph.Graph
	render *render.Renderer
	parser *markdown.Parser
	cache  *parseCache
	// base holds every diagnostic but those of parsing (kept per document
	// by the cache, when there is one) and of body links (kept per
	// document by the graph).
	base *diag.List
	// late counts the diagnostics of assets and pages, which a partial
	// rebuild does not recompute.
	late int
	// lints holds each document's findings of package lint, recomputed
	// for the documents a body edit changes (setLints): the health
	// report's habits read them, and lintDiags holds them as
	// diagnostics, made once rather than at every report.
	lints     map[*handbook.Document][]lint.Finding
	lintDiags map[*handbook.Document]*diag.List
	// bySource finds a loaded document by its path from the site root.
	bySource map[string]*handbook.Document
	// hist is the git history being read beside the other stages.
	hist *historyRead
	// locale is the theme's strings in the handbook's language.
	locale *i18n.Locale
	// fsys is the site root, where a diagnostic's position is looked up
	// in a file whose bytes the run did not keep.
	fsys fs.FS
	// themeFS is what the theme reads of the site (theme.Of).
	themeFS fs.FS
	// Between prepare and write: the diagnostics of the stages after the
	// graph, and the site's own files (logo, favicon) to write.
	lateDiags *diag.List
	siteFiles map[string][]byte
}

// link runs the stages up to the graph. With a cache, changed, when not
// nil, names the only files (paths from the site root) that may have
// changed since the last build, as serve's watcher saw: another file whose
// size and modification time are what they were keeps its parse unread
// (parseCache.keep).
func link(fsys fs.FS, opts Options, cache *parseCache, changed map[string]bool) *state {
	base := &diag.List{}
	st := &state{res: &Result{}, base: base, cache: cache, fsys: fsys}
	cfg := load.Settings(fsys, base)
	if opts.BaseURL != "" {
		cfg.SetBaseURL(opts.BaseURL)
	}
	if opts.BrokenLinks != "" {
		cfg.BrokenLinks = opts.BrokenLinks
	}
	if cfg.RepoPath == "" && opts.Source != "" {
		// A handbook in a folder of its repository: its files' edit
		// and history links name them from the repository's top.
		if _, rel, ok := history.Top(opts.Source); ok && rel != "." {
			cfg.RepoPath = rel
		}
	}
	if opts.Source != "" && cfg.RepoURL == "" {
		// Without settings, the repository is the one git's origin names.
		if repo, branch, ok := history.Origin(opts.Source); ok {
			cfg.SetOrigin(repo, branch)
		}
	}
	st.res.Config = cfg
	st.hist = startHistory(opts, cfg.ContentDir)
	// A site made for another generator keeps its layouts/ and assets/
	// for it: the theme reads its shortcode templates alone.
	st.themeFS = theme.Of(fsys, cfg.Foreign())
	own, builtin := theme.Strings(st.themeFS)
	line, col := cfg.LanguagePos()
	st.locale = i18n.Load(i18n.Sources{Site: own, Builtin: builtin}, cfg.Language, i18n.Position{Path: config.FileName, Line: line, Col: col}, base)
	// Each file is read as it is parsed: a single build never holds
	// every file's bytes, and a rebuild does not read a file that has not
	// changed (parseCache.keep).
	content := load.Find(fsys, cfg.ContentDir, cfg.Excluded, cfg.Foreign(), base)
	for dir, p := range content.Categories {
		src, err := fs.ReadFile(fsys, p)
		if cfg.Nav == nil {
			cfg.Nav = &config.Nav{}
		}
		if err != nil || !cfg.Nav.AddCategory(dir, path.Base(p), src) {
			base.Warnf(p, -1, "write it as Docusaurus does: {\"label\": \"Guides\", \"position\": 2}", "cannot read the folder's description")
		}
	}
	glossaries := readGlossaries(fsys, cfg)
	st.parser = newParser(fsys, cfg, st.locale, glossaries)
	if cache != nil {
		// The parses hold the settings' and the glossaries' effects.
		settings, _ := fs.ReadFile(fsys, cmp.Or(cfg.From(), config.FileName))
		cache.use(st.parser.Words(), sha256.Sum256(append(settings, glossaries...)))
	}
	content.Docs = parseAll(st.parser, content.Docs, base, cache, changed, fsys)
	if cache != nil {
		cache.prune(content.Docs)
	}
	st.res.Docs = content.Docs
	st.graph = graph.Link(cfg, content.Docs, content.Files, graph.Options{Drafts: opts.Drafts, Now: opts.Now, Owners: codeowners(fsys, opts, base), FolderURLs: content.FolderURLs}, base)
	st.res.Site = st.graph.Site
	st.lints = lint.Site(st.res.Site, cfg.Lints)
	st.lintDiags = make(map[*handbook.Document]*diag.List, len(st.lints))
	for d, f := range st.lints {
		st.setLints(d, f)
	}
	st.res.Lints = st.lints
	if cache == nil {
		// Once linked and linted, nothing reads where a key, a value or
		// a link was written (a diagnostic keeps its offset), and the
		// resolved links hold what the parsed ones did: a single build,
		// whose parses no later build shares, lets go of them.
		for _, d := range content.Docs {
			d.KeyOffsets, d.ValueOffsets, d.BodyLinks = nil, nil, nil
		}
	}
	return st
}

// codeowners returns the CODEOWNERS rules of the site in fsys: its own
// file, else, for a site on disk in a folder of a repository, the
// repository's.
func codeowners(fsys fs.FS, opts Options, diags *diag.List) *owners.Table {
	if t := owners.Read(fsys, diags); t != nil || opts.Source == "" {
		return t
	}
	return owners.ReadRepository(opts.Source, diags)
}

// setLints records d's findings of package lint and their diagnostics.
func (st *state) setLints(d *handbook.Document, findings []lint.Finding) {
	if len(findings) == 0 {
		delete(st.lints, d)
		delete(st.lintDiags, d)
		return
	}
	l := &diag.List{}
	lint.Report(d, findings, l)
	st.lints[d], st.lintDiags[d] = findings, l
}

// readGlossaries returns the bytes of the site's glossaries
// (config.Site.Glossaries) that exist, one after another.
func readGlossaries(fsys fs.FS, cfg *config.Site) []byte {
	var out []byte
	for _, p := range cfg.Glossaries {
		if src, err := fs.ReadFile(fsys, p); err == nil {
			out = append(append(out, src...), '\n')
		}
	}
	return out
}

// newParser returns the parser of the site in fsys, every page taking the
// abbreviations that glossaries define.
func newParser(fsys fs.FS, cfg *config.Site, loc *i18n.Locale, glossaries []byte) *markdown.Parser {
	contentFS, err := fs.Sub(fsys, cfg.ContentDir)
	if err != nil {
		contentFS = nil // an invalid content_dir is reported by config
	}
	var words markdown.Words // nil loc: English
	if loc != nil {
		words = markdown.Words{Permalink: loc.Text("permalink"), Details: loc.Text("details"), OutsideImage: loc.Text("outside_image")}
	}
	return markdown.New(markdown.Options{RawHTML: cfg.RawHTML, KindOf: cfg.KindOf, Shortcodes: markdown.ShortcodeOptions{
		Layouts: theme.Layouts(theme.Of(fsys, cfg.Foreign())), Content: contentFS, Root: fsys, ContentDir: cfg.ContentDir, SiteTitle: cfg.Title, SiteParams: cfg.Params},
		Words: words, Abbreviations: markdown.Abbreviations(glossaries)})
}

// diags combines the diagnostics of every stage. Positions are resolved
// from the documents' bytes, looked up when a diagnostic is read.
func (st *state) diags() *diag.List {
	if st.bySource == nil {
		st.bySource = make(map[string]*handbook.Document, len(st.res.Docs))
		for _, d := range st.res.Docs {
			st.bySource[d.SourcePath] = d
		}
	}
	all := &diag.List{Sources: func(p string) []byte {
		d := st.bySource[p]
		if d == nil {
			return nil
		}
		if d.Source == nil && st.fsys != nil {
			// A run without a cache lets go of each file's bytes once
			// it is parsed; the file is read again for its positions.
			b, _ := fs.ReadFile(st.fsys, p)
			return b
		}
		return d.Source
	}}
	all.Merge(st.base)
	if st.cache != nil {
		st.cache.mu.Lock()
		for _, c := range st.cache.m {
			all.Merge(c.diags)
		}
		st.cache.mu.Unlock()
	}
	for _, l := range st.graph.LinkDiags {
		all.Merge(l)
	}
	for _, l := range st.lintDiags {
		all.Merge(l)
	}
	// One warning per unknown shortcode for the run, not per document.
	return markdown.FoldShortcodes(all)
}

func (st *state) finish(start time.Time) {
	st.res.Diags = st.diags()
	st.res.Errors, st.res.Warnings = st.res.Diags.Count()
	st.res.BrokenLinks = st.graph.BrokenLinks()
	st.res.Elapsed = time.Since(start)
}

// Run builds the site in fsys and writes it through w. A nil w renders
// into nothing (check).
func Run(fsys fs.FS, w publish.Writer, opts Options) *Result {
	return run(fsys, w, opts, nil, nil).res
}

func run(fsys fs.FS, w publish.Writer, opts Options, cache *parseCache, bundleFor func(fs.FS, *diag.List) *assets.Bundle) *state {
	start := time.Now()
	if opts.Now.IsZero() {
		opts.Now = start
	}
	st := link(fsys, opts, cache, nil)
	st.prepare(opts, bundleFor)
	st.write(w, nil)
	st.finish(start)
	return st
}

// prepare readies the stages after the graph: the asset bundle, the
// site's own files (logo, favicon) and the renderer. bundleFor, when set,
// gives the bundle (a Session keeps it between rebuilds).
func (st *state) prepare(opts Options, bundleFor func(fs.FS, *diag.List) *assets.Bundle) {
	fsys, res, cfg, site := st.fsys, st.res, st.res.Config, st.res.Site
	late := &diag.List{}
	st.lateDiags = late
	var bundle *assets.Bundle
	if bundleFor != nil {
		bundle = bundleFor(st.themeFS, late)
	} else {
		bundle = assets.Build(theme.Assets(st.themeFS), assets.Options{Minify: true, SourceMaps: opts.SourceMaps}, late)
	}
	// The script's strings, one file beside the bundles: the bundles stay
	// the same whatever the language.
	bundle = bundle.With("strings.js", st.locale.Script())
	res.Bundle = bundle
	if n := cfg.SettingsNote(); n != "" {
		res.Notes = append(res.Notes, n)
	}
	if cfg.Generator() != "" {
		var theirs []string
		for _, dir := range []string{"layouts", "assets"} {
			if info, err := fs.Stat(fsys, dir); err == nil && info.IsDir() {
				theirs = append(theirs, dir+"/")
			}
		}
		switch len(theirs) {
		case 1:
			res.Notes = append(res.Notes, fmt.Sprintf("%s is the other generator's: handbook's own theme draws the pages and layouts/shortcodes/ alone renders shortcodes; with a site.yaml, %s would be the theme's", theirs[0], theirs[0]))
		case 2:
			res.Notes = append(res.Notes, "layouts/ and assets/ are the other generator's: handbook's own theme draws the pages and layouts/shortcodes/ alone renders shortcodes; with a site.yaml, they would be the theme's")
		}
	}
	if n := cfg.NoHostNote(); n != "" && opts.BaseURL == "" {
		res.Notes = append(res.Notes, n)
	}
	if n := heldNote(res.Site.Held); n != "" {
		res.Notes = append(res.Notes, n)
	}
	ropts := render.Options{Now: opts.Now, History: st.waitHistory(), Locale: st.locale, Rebuilds: st.cache != nil, Lints: st.lints}
	st.siteFiles = siteFiles(fsys, cfg, &ropts, late)
	st.render = render.New(site, cfg, theme.Layouts(st.themeFS), bundle, ropts, late)
}

// write writes the whole site through w (nil: into nothing): the pages,
// the site's own files, the assets and the content's other files. The
// diagnostics of writing join the run's. When stop is set and reports
// true before the pages are made, write stops and returns false: the site
// is incomplete, and the run's diagnostics too.
func (st *state) write(w publish.Writer, stop func() bool) bool {
	fsys, res, site, late, bundle := st.fsys, st.res, st.res.Site, st.lateDiags, st.res.Bundle
	if w == nil {
		w = discard{}
	}
	w = newClaims(w)
	if stop == nil {
		res.Written = st.render.Render(w)
	} else {
		var done bool
		if res.Written, done = st.render.RenderUntil(w, nil, stop); !done {
			return false
		}
	}
	for name, b := range st.siteFiles {
		if err := w.WriteFile(name, b); err == nil {
			res.Written++
		} else if !errors.Is(err, publish.ErrStopped) {
			late.Errorf(config.FileName, -1, "", "cannot write %s: %v", name, err)
		}
	}
	assetFiles := []map[string][]byte{bundle.Files}
	if hasDiagrams(site) {
		assetFiles = append(assetFiles, bundle.Diagrams)
	}
	for name, b := range all(assetFiles) {
		switch err := w.WriteFile(name, b); {
		case err == nil:
			res.Written++
		case !errors.Is(err, publish.ErrStopped):
			late.Errorf("assets", -1, "", "cannot write %s: %v", name, err)
		}
	}
	for _, f := range site.Files {
		b, err := fs.ReadFile(fsys, f.Source)
		if err != nil {
			if !load.Gone(err) {
				late.Errorf(f.Source, -1, "", "cannot read: %v", err)
			}
			continue
		}
		if err := w.WriteFile(f.Path, b); err != nil {
			var c *collision
			switch {
			case errors.As(err, &c) && c.path == c.other:
				late.Errorf(f.Source, -1, "rename or move the file: handbook generates that path", "this file would be published at %s, which the build generates", f.Path)
			case errors.As(err, &c):
				late.Errorf(f.Source, -1, "rename one of them", "this file would be published at %s, which differs only in letter case or Unicode form from %s: they overwrite each other on macOS and Windows", f.Path, c.other)
			case !errors.Is(err, publish.ErrStopped):
				late.Errorf(f.Source, -1, "", "cannot write: %v", err)
			}
			continue
		}
		res.Written++
		res.Statics++
	}
	st.late = len(late.All())
	st.base.Merge(late)
	st.lateDiags, st.siteFiles = nil, nil
	return true
}

// hasDiagrams reports whether a published document has diagrams: only
// then does the site carry the files that draw them.
func hasDiagrams(site *handbook.Site) bool {
	for _, d := range site.Docs {
		if d.Diagrams > 0 {
			return true
		}
	}
	return false
}

// all ranges over the entries of several maps.
func all(ms []map[string][]byte) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		for _, m := range ms {
			for k, v := range m {
				if !yield(k, v) {
					return
				}
			}
		}
	}
}

// parseAll parses documents on every core and returns those it could
// read. With a cache, a document whose bytes and place are unchanged since
// the last run is not parsed again: it shares its earlier parse, and the
// parse's diagnostics are kept. Without one, a document without its bytes
// is read from fsys first.
func parseAll(p *markdown.Parser, docs []*handbook.Document, diags *diag.List, cache *parseCache, changed map[string]bool, fsys fs.FS) []*handbook.Document {
	var scratch sync.Pool // buffers to pack bodies in
	unread := make([]bool, len(docs))
	pool.Each(len(docs), func(i int) {
		if cache == nil {
			if docs[i].Source == nil && !load.Read(fsys, docs[i], diags) {
				unread[i] = true
				return
			}
			parseOne(p, docs[i], diags)
			// No later stage reads the bytes (a diagnostic's position
			// reads the file again): they go before the pages are made.
			docs[i].Source = nil
			// The body waits, packed, for its page: a single build holds
			// every body until the pages are written, most of its memory.
			buf, _ := scratch.Get().(*[]byte)
			if buf == nil {
				buf = new([]byte)
			}
			*buf = docs[i].Pack(*buf)
			scratch.Put(buf)
			return
		}
		var info fs.FileInfo
		if docs[i].Source == nil {
			if cache.keep(fsys, docs[i], changed) {
				return
			}
			var ok bool
			if info, ok = load.ReadStat(fsys, docs[i], diags); !ok {
				unread[i] = true
				return
			}
		}
		cache.parse(p, docs[i], info)
	})
	n := 0
	for i, d := range docs {
		if !unread[i] {
			docs[n] = d
			n++
		}
	}
	return docs[:n]
}

// parseOne parses one document; a panic in a parser extension becomes a
// diagnostic instead of reaching the user.
func parseOne(p *markdown.Parser, d *handbook.Document, diags *diag.List) {
	defer func() {
		if r := recover(); r != nil {
			d.Outline, d.Body = &handbook.Outline{}, &handbook.Body{} // without a title: not published
			diags.Errorf(d.SourcePath, -1, "please report this file: the parser failed on it", "internal error while parsing: %v", r)
		}
	}()
	p.Parse(d, diags)
}

type discard struct{}

func (discard) WriteFile(p string, _ []byte) error { return sitepath.Check(p) }

// Summary is the closing line of build: documents per kind, decisions,
// links, files written, warnings, errors and time.
// heldNote is the note that names the documents a build holds back, the
// first three with the reason, "" when there are none.
func heldNote(held []handbook.Held) string {
	if len(held) == 0 {
		return ""
	}
	var names []string
	for _, h := range held[:min(len(held), 3)] {
		names = append(names, fmt.Sprintf("%s (%s)", h.Doc.SourcePath, h.Why))
	}
	list := strings.Join(names, ", ")
	if more := len(held) - len(names); more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	return fmt.Sprintf("%s not published: %s; --drafts publishes drafts and the pages held back by their dates or published: false",
		diag.Plural(len(held), "document is", "documents are"), list)
}

func (r *Result) Summary() string {
	counts := map[handbook.Kind]int{}
	if r.Site != nil {
		for _, d := range r.Site.Docs {
			counts[d.Kind]++
		}
	}
	s := ""
	total := 0
	for _, k := range handbook.Kinds {
		if counts[k] > 0 {
			if s != "" {
				s += ", "
			}
			s += fmt.Sprintf("%d %s", counts[k], k.Label(counts[k] != 1))
			total += counts[k]
		}
	}
	decisions, links := 0, 0
	if r.Site != nil {
		decisions, links = len(r.Site.Decisions), r.Site.Links
	}
	if s != "" {
		s = " (" + s + ")"
	}
	return fmt.Sprintf("%s%s; %s; %s; %s; %s; %s; %s",
		diag.Plural(total, "document", "documents"), s, diag.Plural(decisions, "decision", "decisions"),
		diag.Plural(links, "link", "links"), diag.Plural(r.Written, "file written", "files written"),
		diag.Plural(r.Warnings, "warning", "warnings"), diag.Plural(r.Errors, "error", "errors"), r.Elapsed.Round(time.Millisecond))
}
