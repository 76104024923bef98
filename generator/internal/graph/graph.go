// Package graph links the parsed documents into one site.
//
// Input: the configuration and the parsed documents and static files.
// Output: a *handbook.Site in which every document has an id, a URL, a
// parent section and neighbours; every body link and front matter reference
// is resolved (or reported at its path:line:col with a suggestion); and the
// indexes built from the links exist: backlinks, tags, reading paths and the
// decision registry. Everything here is linear in documents plus links: each
// index is built in one pass over the links, never by scanning all documents
// per document.
package graph

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/unicode/norm"

	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/owners"
	"handbook/generator/internal/sitepath"
)

// Options control which documents are published.
type Options struct {
	// Drafts publishes documents with draft: true, and those held back by
	// their dates or by `published: false` (see handbook.Outline.HeldBack).
	Drafts bool
	// Now is the build time, which publishDate and expiryDate are
	// compared with; zero holds back no document for its dates.
	Now time.Time
	// Owners is the repository's CODEOWNERS file, which gives an owner
	// to each document whose front matter names none; nil for none.
	Owners *owners.Table
	// FolderURLs are the addresses of the folders whose address is not
	// their path's (load.Content's): a folder without a page of its own
	// is published there.
	FolderURLs map[string]string
}

type builder struct {
	cfg    *config.Site
	diags  *diag.List
	site   *handbook.Site
	drafts map[string]*handbook.Document // documents held back (HeldBack), by path and id
	// untitled are the files of content read as documents but not
	// published, having no title (an empty file), by path.
	untitled map[string]bool
	now      time.Time
	// folderURLs is Options.FolderURLs.
	folderURLs map[string]string
	// resource holds the documents of a headless bundle but its index,
	// with the bundle's folder.
	resource map[*handbook.Document]string
	byBase   map[string][]*handbook.Document
	byName   map[string][]*handbook.Document // lower-case titles
	// fileNames are the static files by their lower-case base name, for
	// wikilinks and embeds that name a file (Obsidian's ![[arch.png]]).
	fileNames map[string][]string
	// aliases maps alias site paths to their documents, so that a link to
	// an old address resolves.
	aliases map[string]*handbook.Document
	// linkDiags are each document's diagnostics about its body links, and
	// brokenIn the number of its links that resolve to nothing.
	linkDiags map[*handbook.Document]*diag.List
	brokenIn  map[*handbook.Document]int
	// names is the "did you mean" index, built on the first broken link
	// and shared with the copies of the builder that resolve each document.
	names *suggestions
	// brokenLinks counts the broken links a copy of the builder reported.
	brokenLinks int
	// silent builders look up without suggesting: a miss that is not yet
	// a broken link.
	silent bool
}

// Build links docs into a site. Documents without a title (unreadable files,
// already reported) are dropped.
func Build(cfg *config.Site, docs []*handbook.Document, files []handbook.StaticFile, opts Options, diags *diag.List) *handbook.Site {
	g := Link(cfg, docs, files, opts, diags)
	for _, d := range g.Site.Docs {
		diags.Merge(g.LinkDiags[d])
	}
	return g.Site
}

// Graph is a linked site kept for later relinking: serve relinks one
// document after an edit of its body instead of linking everything again.
type Graph struct {
	Site *handbook.Site
	// LinkDiags holds each document's diagnostics about its body links;
	// Link reports every other diagnostic to its diags.
	LinkDiags map[*handbook.Document]*diag.List
	b         *builder
}

// BrokenLinks is the number of body links that resolve to nothing, each
// reported as an error (or a warning under broken_links: warning).
func (g *Graph) BrokenLinks() int {
	n := 0
	for _, k := range g.b.brokenIn {
		n += k
	}
	return n
}

// Link links docs into a site like Build, keeping what Relink needs.
func Link(cfg *config.Site, docs []*handbook.Document, files []handbook.StaticFile, opts Options, diags *diag.List) *Graph {
	n := len(docs) // the maps are sized once rather than grown
	s := &handbook.Site{
		ByID: make(map[string]*handbook.Document, n), ByPath: make(map[string]*handbook.Document, n),
		ByURL: make(map[string]*handbook.Document, n), FileSet: make(map[string]bool, len(files)),
		Backlinks: make(map[*handbook.Document][]*handbook.Document, n), Tags: map[string][]*handbook.Document{},
		PathsOf: map[*handbook.Document][]*handbook.ReadingPath{}, DecisionByID: map[string]*handbook.Decision{},
		Files: files,
	}
	b := &builder{cfg: cfg, diags: diags, site: s, linkDiags: make(map[*handbook.Document]*diag.List, n), brokenIn: make(map[*handbook.Document]int, n),
		drafts: map[string]*handbook.Document{}, untitled: map[string]bool{}, byBase: make(map[string][]*handbook.Document, n), byName: make(map[string][]*handbook.Document, n),
		aliases: map[string]*handbook.Document{}, names: &suggestions{}, now: opts.Now,
		resource: map[*handbook.Document]string{}, folderURLs: opts.FolderURLs}
	b.fileNames = make(map[string][]string)
	for _, f := range files {
		s.FileSet[f.Path] = true
		name := strings.ToLower(path.Base(f.Path))
		b.fileNames[name] = append(b.fileNames[name], f.Path)
	}
	// A headless leaf bundle's other Markdown files are its resources, as
	// in Hugo: not pages either.
	var headless []string
	for _, d := range docs {
		if d.Outline != nil && d.Headless != "" && strings.EqualFold(path.Base(d.SourcePath), "index.md") {
			headless = append(headless, path.Dir(d.Path)+"/")
		}
	}
	for _, d := range docs {
		if cfg.Nav != nil && cfg.Nav.File != "" && d.Path == cfg.Nav.File {
			continue // the navigation's own file (SUMMARY.md) is not a page
		}
		if d.Outline == nil || d.Title == "" {
			b.untitled[d.Path] = true
			continue
		}
		if i := slices.IndexFunc(headless, func(dir string) bool { return strings.HasPrefix(d.Path, dir) }); i >= 0 && d.Headless == "" {
			b.resource[d] = headless[i]
		}
		// What linking computes starts from the parse, which stays as
		// it was: a later build of the same parse starts from it again.
		d.ID = d.Outline.ID
		d.Aliases = slices.Clip(d.Outline.Aliases) // redirect_from appends a copy
		d.Owner = d.Outline.Owner
		if d.Owner == "" {
			d.Owner, _ = opts.Owners.Owner(d.SourcePath)
		}
		if why := d.HeldBack(b.now, opts.Drafts); why != "" || b.resource[d] != "" {
			if why == "" {
				why = "in the headless bundle " + b.resource[d]
			}
			s.Held = append(s.Held, handbook.Held{Doc: d, Why: why})
			b.drafts[d.Path] = d
			b.drafts[defaultID(d)] = d
			if d.ID != "" {
				b.drafts[d.ID] = d
			}
			continue
		}
		s.Docs = append(s.Docs, d)
	}
	sort.Slice(s.Docs, func(i, j int) bool { return s.Docs[i].Path < s.Docs[j].Path })
	sort.Slice(s.Held, func(i, j int) bool { return s.Held[i].Doc.Path < s.Held[j].Doc.Path })
	b.place()
	b.sections()
	b.redirects()
	b.registry()
	// Related pages depend on front matter alone: they are found while
	// links resolve and backlinks gather, on whichever core is free.
	related := make(chan struct{})
	go func() {
		defer close(related)
		b.related()
	}()
	b.resolveLinks()
	b.references()
	b.readingPaths()
	b.backlinks()
	b.touches()
	<-related
	b.orphans()
	return &Graph{Site: s, LinkDiags: b.linkDiags, b: b}
}

// orphans lists the documents nothing links to or references, and that no
// reading path includes: pages a reader can reach only through navigation.
func (b *builder) orphans() {
	s := b.site
	s.Orphans = nil
	for _, d := range s.Docs {
		// A decision log's template is copied, not read: nothing need
		// link to it.
		if d == s.Home || d.IsSection || d.Template || len(s.Backlinks[d]) > 0 || len(s.PathsOf[d]) > 0 {
			continue
		}
		s.Orphans = append(s.Orphans, d)
	}
}

// defaultID is the id a document gets without `id:`: its path slug.
func defaultID(d *handbook.Document) string {
	if d.IsSection || d.IsBundle {
		dir := path.Dir(d.Path)
		if dir == "." {
			return "home"
		}
		return dir
	}
	return strings.TrimSuffix(d.Path, path.Ext(d.Path))
}

// place gives every document its id and URL and indexes them, reporting
// duplicate ids, URL collisions and unsafe slugs and aliases.
func (b *builder) place() {
	s := b.site
	folded := make(map[string]*handbook.Document, len(s.Docs))
	for _, d := range s.Docs {
		if strings.HasPrefix(d.Slug, "/") {
			// Docusaurus' slug from the root of its docs: the whole
			// address, as Hugo's url is below ("/" leaves the page where
			// it is).
			if u, ok := SafeSitePath(d.Slug); ok {
				d.URL = u
			} else if d.Slug != "/" {
				b.diags.Errorf(d.SourcePath, valueAt(d, "slug"), "a site path such as /team/rituals/", "slug %q leaves the site", d.Slug)
			}
		} else if d.Slug != "" {
			if !safeSegment(d.Slug) {
				b.diags.Errorf(d.SourcePath, valueAt(d, "slug"), "a slug is one path segment: letters, digits, '-', '_' and '.'", "slug %q is not a single safe path segment", d.Slug)
			} else if d.URL != "" {
				d.URL = path.Join(path.Dir(strings.TrimSuffix(d.URL, "/")), d.Slug) + "/"
				d.URL = strings.TrimPrefix(d.URL, "./")
			}
		}
		for _, key := range []string{"url", "permalink"} {
			// Hugo's url and Jekyll's permalink set the whole address.
			if v, ok := d.Params[key].(string); ok && v != "" {
				if u, ok := SafeSitePath(v); ok {
					d.URL = u
				} else if v != "/" {
					b.diags.Errorf(d.SourcePath, valueAt(d, key), "a site path such as /team/rituals/", "%s %q leaves the site", key, v)
				}
			}
		}
		if d.ID == "" {
			d.ID = defaultID(d)
		}
		if other, dup := s.ByID[d.ID]; dup {
			b.diags.Errorf(d.SourcePath, valueAt(d, "id"), "give one of them another `id:`", "id %q is already used by %s", d.ID, other.SourcePath)
		} else {
			s.ByID[d.ID] = d
		}
		if other, dup := s.ByURL[d.URL]; dup {
			b.diags.Errorf(d.SourcePath, 0, "rename one of the files, or set `slug:`", "both this file and %s would be published at /%s", other.SourcePath, d.URL)
		} else if other, dup := folded[sitepath.Fold(d.URL)]; dup {
			how := "in letter case and Unicode normal form"
			if strings.EqualFold(d.URL, other.URL) {
				how = "in letter case"
			} else if norm.NFC.String(d.URL) == norm.NFC.String(other.URL) {
				how = "in Unicode normal form, the same letters composed differently"
			}
			b.diags.Errorf(d.SourcePath, 0, "rename one of the files, or set `slug:`", "this file and %s would be published at /%s and /%s, which differ only %s: they overwrite each other on macOS and Windows", other.SourcePath, d.URL, other.URL, how)
		} else {
			s.ByURL[d.URL] = d
			folded[sitepath.Fold(d.URL)] = d
		}
		s.ByPath[d.Path] = d
		if d.URL == "" {
			s.Home = d
		}
		base := strings.ToLower(path.Base(strings.TrimSuffix(d.ID, "/")))
		if d.IsSection || d.IsBundle {
			base = strings.ToLower(path.Base(path.Dir(d.Path)))
		} else if !strings.Contains(d.ID, "/") {
			base = strings.ToLower(strings.TrimSuffix(path.Base(d.Path), path.Ext(d.Path)))
		}
		b.byBase[base] = append(b.byBase[base], d)
		b.byName[strings.ToLower(d.Title)] = append(b.byName[strings.ToLower(d.Title)], d)
	}
	for _, d := range s.Docs {
		// Jekyll's redirect_from is an alias list under another name.
		if v, ok := d.Params["redirect_from"]; ok {
			var list []any
			switch v := v.(type) {
			case string:
				list = []any{v}
			case []any:
				list = v
			}
			for i, x := range list {
				if t, ok := x.(string); ok {
					d.Aliases = append(d.Aliases, handbook.Ref{Target: t, Offset: elemAt(d, "redirect_from", i)})
				}
			}
		}
		for _, a := range d.Aliases {
			if p, ok := SafeSitePath(a.Target); ok {
				if _, taken := s.ByURL[p]; !taken {
					b.aliases[p] = d
				}
			}
		}
		for _, a := range d.Aliases {
			p, ok := SafeSitePath(a.Target)
			if !ok && longPart(a.Target) {
				b.diags.Errorf(d.SourcePath, a.Offset, "shorten the alias", "alias %q has a part longer than %d bytes, too long for a file name", a.Target, sitepath.MaxName)
				continue
			}
			if !ok {
				b.diags.Errorf(d.SourcePath, a.Offset, "an alias is a path inside the site, such as /old/place/", "alias %q leaves the site", a.Target)
				continue
			}
			if other, taken := s.ByURL[p]; taken && other == d {
				// Harmless: the page is there already; no redirect is written.
				b.diags.Warnf(d.SourcePath, a.Offset, "remove the alias: it redirects nothing", "alias %q is this page's own address", a.Target)
			} else if taken {
				b.diags.Errorf(d.SourcePath, a.Offset, "remove the alias, or move the page that lives there", "alias %q is the address of %s", a.Target, other.SourcePath)
			}
		}
	}
}

// SafeSitePath cleans a site path written by an author ("/old/place",
// "old/place/index.html") into a directory URL ("old/place/"). It reports
// false for a path that is empty, absolute on another host, or that climbs
// out of the site.
func SafeSitePath(p string) (string, bool) {
	if strings.Contains(p, "://") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\x00?#") {
		return "", false
	}
	for rest, more := p, true; more; {
		var seg string
		seg, rest, more = strings.Cut(rest, "/")
		if seg == ".." {
			return "", false
		}
	}
	c := strings.TrimPrefix(path.Clean("/"+p), "/")
	c = strings.TrimSuffix(c, "index.html")
	c = strings.TrimSuffix(c, ".html")
	c = strings.Trim(c, "/")
	if c == "" || c == "." || sitepath.Check(c+"/index.html") != nil {
		return "", false
	}
	return c + "/", true
}

func safeSegment(s string) bool {
	if s == "" || s == "." || s == ".." {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

func keyAt(d *handbook.Document, key string) int {
	if o, ok := d.KeyOffsets[key]; ok {
		return o
	}
	return 0
}

// valueAt returns the offset of the value of a front matter key, where a
// problem with the value is reported, or of the key when the value's place
// is unknown.
func valueAt(d *handbook.Document, key string) int {
	if v := d.ValueOffsets[key]; len(v) > 0 {
		return v[0]
	}
	return keyAt(d, key)
}

// elemAt returns the offset of element i of a front matter list, or of
// the value when it is not a list.
func elemAt(d *handbook.Document, key string, i int) int {
	if v := d.ValueOffsets[key]; i >= 0 && i+1 < len(v) {
		return v[i+1]
	}
	return valueAt(d, key)
}

// sections finds or synthesises a section page for every folder that holds
// documents, sets parents and children, and orders siblings.
func (b *builder) sections() {
	s := b.site
	if s.Home == nil {
		s.Home = &handbook.Document{Path: "_index.md", SourcePath: "content/_index.md", IsSection: true, ID: "home", Synthetic: true,
			Outline: &handbook.Outline{Title: b.cfg.Title, Kind: handbook.KindPage}, Body: &handbook.Body{}}
		s.ByURL[""] = s.Home
		if _, taken := s.ByID["home"]; !taken {
			s.ByID["home"] = s.Home
		}
	}
	secOf := map[string]*handbook.Document{"": s.Home} // folder → section page
	for _, d := range s.Docs {
		if d.IsSection {
			secOf[path.Dir(d.Path)] = d
		}
	}
	secOf["."] = s.Home
	var ensure func(dir string) *handbook.Document
	ensure = func(dir string) *handbook.Document {
		if dir == "." || dir == "" {
			return s.Home
		}
		if sec, ok := secOf[dir]; ok {
			return sec
		}
		u, ok := b.folderURLs[dir]
		if !ok {
			u = sitepath.URLPath(dir) + "/"
		}
		if d, ok := s.ByURL[u]; ok && !d.IsSection {
			// rfc.md beside a folder rfc/: the page stands for the folder.
			secOf[dir] = d
			return d
		}
		sec := &handbook.Document{
			Path: dir + "/_index.md", SourcePath: path.Join(b.cfg.ContentDir, dir),
			Outline: &handbook.Outline{Title: handbook.NameTitle(path.Base(dir)), Kind: handbook.KindPage}, Body: &handbook.Body{},
			IsSection: true, ID: dir, URL: u, Section: strings.Split(dir, "/")[0], Synthetic: true,
		}
		secOf[dir] = sec
		if _, taken := s.ByURL[sec.URL]; !taken {
			s.ByURL[sec.URL] = sec
		}
		if _, taken := s.ByID[sec.ID]; !taken {
			s.ByID[sec.ID] = sec
		}
		s.ByPath[sec.Path] = sec
		sec.Parent = ensure(path.Dir(dir))
		sec.Parent.Children = append(sec.Parent.Children, sec)
		return sec
	}
	for _, d := range s.Docs {
		if d == s.Home {
			continue
		}
		dir := path.Dir(d.Path)
		if d.IsSection || d.IsBundle {
			dir = path.Dir(dir)
		}
		d.Parent = ensure(dir)
		if !d.Unlisted {
			d.Parent.Children = append(d.Parent.Children, d)
		}
	}
	b.navPlaces(secOf)
	var order func(sec *handbook.Document)
	order = func(sec *handbook.Document) {
		sortDocs(sec.Children)
		var prev *handbook.Document
		for _, c := range sec.Children {
			if c.IsSection {
				order(c)
				continue
			}
			if prev != nil {
				prev.Next, c.Prev = c, prev
			}
			prev = c
		}
	}
	order(s.Home)
	for _, c := range s.Home.Children {
		if c.IsSection {
			s.Sections = append(s.Sections, c)
		}
	}
	// Tags that differ only in case are one tag, named as first written.
	name := map[string]string{}
	for _, d := range s.Docs {
		for i, t := range d.Tags {
			k := strings.ToLower(t)
			n, ok := name[k]
			if !ok {
				if err := sitepath.Check("tags/" + TagSlug(t) + "/index.html"); err != nil {
					b.diags.Errorf(d.SourcePath, elemAt(d, "tags", i), "a tag names a page: keep it to a few words", "tag %q cannot name a page: %v", t, err)
					continue
				}
				name[k], n = t, t
			}
			if docs := s.Tags[n]; len(docs) == 0 || docs[len(docs)-1] != d {
				s.Tags[n] = append(docs, d)
			}
		}
	}
}

// navPlaces gives each document its place and label in the site's
// navigation (config.Nav): a page its own, a section the first of its
// own and its descendants', and the label of its folder, secOf[folder]'s,
// over its page's.
func (b *builder) navPlaces(secOf map[string]*handbook.Document) {
	nav := b.cfg.Nav
	for _, d := range b.site.Docs {
		d.NavPos, d.NavLabel, d.NavWeight = 0, "", 0
		if nav != nil {
			p := nav.Pages[d.Path]
			d.NavPos, d.NavLabel = p.Pos, p.Title
		}
	}
	if nav == nil {
		return
	}
	var first func(d *handbook.Document) int
	first = func(d *handbook.Document) int {
		for _, c := range d.Children {
			if p := first(c); p != 0 && (d.NavPos == 0 || p < d.NavPos) {
				d.NavPos = p
			}
		}
		return d.NavPos
	}
	first(b.site.Home)
	for dir, label := range nav.Folders {
		if sec := secOf[dir]; sec != nil && sec != b.site.Home {
			sec.NavLabel = label
			if sec.Synthetic {
				// A folder without a page of its own: its page is
				// titled as the navigation names it.
				sec.Outline.Title = label
			}
		}
	}
	for dir, w := range nav.FolderWeights {
		if sec := secOf[dir]; sec != nil && sec != b.site.Home {
			sec.NavWeight = w
		}
	}
}

// sortDocs orders siblings by their place in the site's navigation, then
// by weight (unset last), a decision log's template last, then title.
func sortDocs(ds []*handbook.Document) {
	sort.SliceStable(ds, func(i, j int) bool { return before(ds[i], ds[j]) })
}

// before reports whether sibling a comes before sibling b.
func before(a, b *handbook.Document) bool {
	if a.NavPos != b.NavPos {
		return a.NavPos != 0 && (b.NavPos == 0 || a.NavPos < b.NavPos)
	}
	wa, wb := cmp.Or(a.NavWeight, a.Weight), cmp.Or(b.NavWeight, b.Weight)
	if wa == 0 {
		wa = 1 << 30
	}
	if wb == 0 {
		wb = 1 << 30
	}
	if wa != wb {
		return wa < wb
	}
	if a.Template != b.Template {
		return b.Template // a log's template after its records
	}
	if a.Kind == handbook.KindDecision && b.Kind == handbook.KindDecision {
		return a.Path < b.Path
	}
	if !strings.EqualFold(a.Title, b.Title) {
		return strings.ToLower(a.Title) < strings.ToLower(b.Title)
	}
	return a.Path < b.Path
}

// Place returns the index d, titled title, takes among its siblings: in
// its section's list, the sidebar and the order of prev and next.
func (g *Graph) Place(d *handbook.Document, title string) int {
	if d.Parent == nil {
		return 0
	}
	o := *d.Outline
	o.Title = title
	x := *d
	x.Outline = &o
	n := 0
	for _, sib := range d.Parent.Children {
		if sib != d && before(sib, &x) {
			n++
		}
	}
	return n
}

// Retitle brings the graph up to date after d's title changed from old
// (its parse replaced by Relink): d's place among its siblings and their
// prev and next, the titles wikilinks resolve by, the names "did you
// mean" suggests, and, for a decision record, its entry in the registry.
func (g *Graph) Retitle(d *handbook.Document, old string) {
	b := g.b
	if d.Kind == handbook.KindDecision {
		if dec := g.Site.DecisionByID[d.ID]; dec != nil && dec.Doc == d && !dec.Inline {
			dec.Title = d.Title
		}
	}
	if sec := d.Parent; sec != nil {
		sortDocs(sec.Children)
		var prev *handbook.Document
		for _, c := range sec.Children {
			if c.IsSection {
				continue
			}
			c.Prev, c.Next = prev, nil
			if prev != nil {
				prev.Next = c
			}
			prev = c
		}
	}
	k := strings.ToLower(old)
	b.byName[k] = slices.DeleteFunc(b.byName[k], func(x *handbook.Document) bool { return x == d })
	if len(b.byName[k]) == 0 {
		delete(b.byName, k)
	}
	k = strings.ToLower(d.Title)
	list := b.byName[k]
	i := sort.Search(len(list), func(i int) bool { return list[i].Path >= d.Path })
	b.byName[k] = slices.Insert(list, i, d)
	*b.names = suggestions{}
}

// redirects makes each of the settings' redirects an alias of the
// document it leads to: its old address, written as a site path or as
// the content path the page had, then leads there as front matter's
// aliases do. A redirect is reported where its settings' file names it.
func (b *builder) redirects() {
	s := b.site
	for _, r := range b.cfg.RedirectList {
		report := func(line, col int, sev diag.Severity, hint, format string, args ...any) {
			b.diags.Add(diag.Diagnostic{Path: r.File, Offset: -1, Line: line, Col: col, Severity: sev, Message: fmt.Sprintf(format, args...), Hint: hint})
		}
		d, msg, hint := b.lookup(r.To)
		if d == nil {
			report(r.ToLine, r.ToCol, diag.Error, hint, "redirect from %q: %q %s", r.From, r.To, msg)
			continue
		}
		from := strings.TrimPrefix(r.From, "/")
		if handbook.IsMarkdown(from) {
			from = pagePath(from) // the page's old file: its address
		}
		p, ok := SafeSitePath(from)
		switch other, taken := s.ByURL[p]; {
		case !ok:
			report(r.FromLine, r.FromCol, diag.Error, "a redirect leads from a path inside the site, such as /old/place/", "redirect from %q leaves the site", r.From)
		case taken && other == d:
			report(r.FromLine, r.FromCol, diag.Warning, "remove the redirect: it redirects nothing", "redirect from %q: it is the address of %s itself", r.From, d.SourcePath)
		case taken:
			report(r.FromLine, r.FromCol, diag.Error, "remove the redirect, or move the page that lives there", "redirect from %q: %s lives there", r.From, other.SourcePath)
		case b.aliases[p] != nil && b.aliases[p] != d:
			report(r.FromLine, r.FromCol, diag.Error, "keep one of the two", "redirect from %q: it is an alias of %s already", r.From, b.aliases[p].SourcePath)
		case b.aliases[p] == nil:
			b.aliases[p] = d
			d.Aliases = append(d.Aliases, handbook.Ref{Target: "/" + p, Offset: -1})
		}
	}
}

// readingPaths resolves the steps of site.yaml's reading paths.
func (b *builder) readingPaths() {
	for _, rp := range b.cfg.ReadingPaths {
		p := &handbook.ReadingPath{ID: rp.ID, Title: rp.Title, Summary: rp.Summary}
		for i, step := range rp.Steps {
			off := -1
			if i < len(rp.StepOffsets) {
				off = rp.StepOffsets[i]
			}
			d, msg, hint := b.lookup(step)
			if d == nil {
				b.diags.Errorf(config.FileName, off, hint, "reading path %q: step %q %s", rp.ID, step, msg)
				continue
			}
			p.Steps = append(p.Steps, d)
			p.Minutes += d.ReadingMinutes()
			b.site.PathsOf[d] = append(b.site.PathsOf[d], p)
		}
		b.site.Paths = append(b.site.Paths, p)
	}
}

// lookup finds a document by id, content path or site path, as written in
// front matter or site.yaml. On failure it returns a message and a hint.
func (b *builder) lookup(ref string) (*handbook.Document, string, string) {
	s := b.site
	ref = strings.TrimSpace(ref)
	if d, ok := s.ByID[ref]; ok {
		return d, "", ""
	}
	if d := b.byContentPath(strings.TrimPrefix(ref, "/")); d != nil {
		return d, "", ""
	}
	if p, ok := SafeSitePath(ref); ok {
		if d, ok := s.ByURL[p]; ok {
			return d, "", ""
		}
	}
	if ds := b.byBase[strings.ToLower(ref)]; len(ds) == 1 {
		return ds[0], "", ""
	}
	if d := b.drafts[ref]; d != nil {
		msg, hint := b.heldBack(d)
		return nil, "is " + msg, hint
	}
	return nil, "matches no document", b.suggest(ref)
}

// heldBack says why d, a document held back, is not published, and what
// publishes it: "not published (draft: true)", "publish it, or build
// with --drafts".
func (b *builder) heldBack(d *handbook.Document) (msg, hint string) {
	why := d.HeldBack(b.now, false)
	if dir := b.resource[d]; dir != "" {
		return "not published: it is a resource of the headless bundle " + dir, "link to a page that includes it"
	}
	if d.Headless != "" {
		return "not published (" + why + "): it is for other pages to include", "link to a page that includes it"
	}
	return "not published (" + why + ")", "publish it, or build with --drafts"
}

// byContentPath finds a document by its path in content/, with or without
// the .md extension, or by its folder for section pages and bundles.
func (b *builder) byContentPath(p string) *handbook.Document {
	s := b.site
	p = strings.TrimSuffix(p, "/")
	if d, ok := s.ByPath[p]; ok {
		return d
	}
	for _, ext := range []string{".md", "/_index.md", "/index.md", "/README.md", "/readme.md"} {
		if d, ok := s.ByPath[p+ext]; ok {
			return d
		}
	}
	if p == "" || p == "." {
		return s.Home
	}
	return nil
}

// suggest names the document closest to ref by id, path, address, file
// name or title, by its id: the hint of a front matter reference.
func (b *builder) suggest(ref string) string {
	if t, _ := b.nearest(ref); t != nil {
		return fmt.Sprintf("did you mean %q?", t.ID)
	}
	return spellingHint
}

// spellingHint is the hint of a broken reference with no document near it.
const spellingHint = "check the spelling; ids are shown on each page, and `handbook check` lists them all"

// nearest returns the published document closest to ref by id, path,
// address, file name or title, and the name of it that is closest: the
// closest below a third of ref's length (plus two), the first document
// in path order among equals; else the first whose file name is ref's
// (its id).
func (b *builder) nearest(ref string) (*handbook.Document, string) {
	if b.silent {
		return nil, ""
	}
	ref = strings.TrimSuffix(strings.TrimPrefix(ref, "/"), "/")
	ref = handbook.TrimMarkdown(ref)
	return b.names.nearest(b.site.Docs, ref)
}

// inFolder returns the documents of the content folder dir, in path
// order.
func (b *builder) inFolder(dir string) []*handbook.Document {
	if b.silent {
		return nil
	}
	b.names.build(b.site.Docs)
	return b.names.dirs[dir]
}

// suggestions is the index behind "did you mean": the names of every
// published document, built once per run when the first broken link asks
// and read from every core after that.
type suggestions struct {
	once  sync.Once
	names *diag.Names
	all   []string                        // each indexed name
	of    []*handbook.Document            // the document each indexed name is of
	bases map[string]*handbook.Document   // a lower-case file name → the first document with it
	dirs  map[string][]*handbook.Document // a folder of content → its documents, in path order
}

// nearest returns the document closest to ref and its name that is (an
// id, path, address, file name or title), or nil.
func (s *suggestions) nearest(docs []*handbook.Document, ref string) (*handbook.Document, string) {
	s.build(docs)
	if i, _ := s.names.Nearest(ref, len(ref)/3+2); i >= 0 {
		return s.of[i], s.all[i]
	}
	if d := s.bases[strings.ToLower(path.Base(ref))]; d != nil {
		return d, d.ID
	}
	return nil, ""
}

// build indexes docs, once.
func (s *suggestions) build(docs []*handbook.Document) {
	s.once.Do(func() {
		s.bases = make(map[string]*handbook.Document, len(docs))
		s.dirs = make(map[string][]*handbook.Document)
		for _, d := range docs {
			if !d.Synthetic {
				dir := path.Dir(d.Path)
				s.dirs[dir] = append(s.dirs[dir], d)
			}
			p := handbook.TrimMarkdown(d.Path)
			base := path.Base(p)
			for _, n := range []string{d.ID, p, strings.TrimSuffix(d.URL, "/"), base, d.Title} {
				s.all = append(s.all, n)
				s.of = append(s.of, d)
			}
			if _, ok := s.bases[strings.ToLower(base)]; !ok {
				s.bases[strings.ToLower(base)] = d
			}
		}
		s.names = diag.NewNames(s.all)
	})
}

// Relink gives d, a document of the site, the body of fresh: a new parse
// of the same file whose front matter and headings are what they were. It
// resolves the new links and updates what body links feed: backlinks, the
// decisions design docs touch, orphans and the link count. It returns the
// documents whose backlinks changed and whether the touched decisions did.
func (g *Graph) Relink(d, fresh *handbook.Document) (changed []*handbook.Document, touches bool) {
	b, s := g.b, g.Site
	before := targets(d)
	for _, l := range d.Links {
		if l.Counted {
			s.Links--
		}
	}
	d.Source, d.Outline, d.Body = fresh.Source, fresh.Outline, fresh.Body
	b.resolveDoc(d)
	after := targets(d)
	for t := range before {
		if !after[t] {
			s.Backlinks[t] = slices.DeleteFunc(s.Backlinks[t], func(x *handbook.Document) bool { return x == d })
			if len(s.Backlinks[t]) == 0 {
				delete(s.Backlinks, t)
			}
			changed = append(changed, t)
		}
	}
	for t := range after {
		if !before[t] {
			list := s.Backlinks[t]
			i := sort.Search(len(list), func(i int) bool { return list[i].Path >= d.Path })
			s.Backlinks[t] = slices.Insert(list, i, d)
			changed = append(changed, t)
		}
	}
	sort.Slice(changed, func(i, j int) bool { return changed[i].Path < changed[j].Path })
	old := s.TouchedBy
	b.touches()
	touches = !sameTouches(old, s.TouchedBy)
	b.orphans()
	return changed, touches
}

// targets is the set of documents d links to or references, itself aside.
func targets(d *handbook.Document) map[*handbook.Document]bool {
	out := map[*handbook.Document]bool{}
	for _, l := range d.Links {
		if l.Target != nil && l.Target != d {
			out[l.Target] = true
		}
	}
	for _, t := range d.Refs {
		if t != d {
			out[t] = true
		}
	}
	return out
}

func sameTouches(a, b map[*handbook.Decision][]*handbook.Document) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// TagSlug turns a tag into a URL segment.
func TagSlug(t string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(t) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 127:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if s == "" {
		return "tag"
	}
	return s
}

// longPart reports whether a path has a part too long for a file name.
func longPart(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if len(seg) > sitepath.MaxName {
			return true
		}
	}
	return false
}
