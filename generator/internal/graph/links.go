package graph

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/util"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/pool"
	"handbook/generator/internal/sitepath"
)

var templateVarRE = regexp.MustCompile(`^\{\{\s*[\w.]+\s*\}\}`)

// broken reports a link that resolves to nothing: an error, or a warning
// where site.yaml says `broken_links: warning` (migrating a legacy
// handbook); nothing for a decision log's template, whose links name
// placeholders.
func (b *builder) broken(from *handbook.Document, offset int, hint, format string, args ...any) {
	if from.Template {
		return // what a template's placeholders name is not there
	}
	path := from.SourcePath
	b.brokenLinks++
	if b.cfg.BrokenLinks == "warning" {
		b.diags.Warnf(path, offset, hint, format, args...)
		return
	}
	b.diags.Errorf(path, offset, hint, format, args...)
}

// IsExternal reports whether a link target leaves the site: a URL with a
// scheme (https:, mailto:) or a protocol-relative URL. Whether a link may
// have that scheme is sitepath.SafeURL's question: link resolution asks it.
func IsExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	// A scheme: a letter, then letters, digits, '+', '.' or '-', then ':'.
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '.' || c == '-'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// resolveLinks resolves every body link of every document, on every core:
// resolving reads the site's tables and writes only to the document's own
// links and diagnostics. Every broken link gets its "did you mean" from
// an index that depends on the documents alone, so the hints are the
// same on every run.
func (b *builder) resolveLinks() {
	docs := b.site.Docs
	lists := make([]*diag.List, len(docs))
	broken := make([]int, len(docs))
	pool.Each(len(docs), func(i int) {
		lists[i], broken[i] = b.resolveOwn(docs[i])
	})
	for i, d := range docs {
		b.linkDiags[d], b.brokenIn[d] = lists[i], broken[i]
		b.site.Links += counted(d)
	}
}

// resolveDoc resolves d's body links, keeping their diagnostics apart.
func (b *builder) resolveDoc(d *handbook.Document) {
	b.linkDiags[d], b.brokenIn[d] = b.resolveOwn(d)
	b.site.Links += counted(d)
}

// resolveOwn resolves d's body links with a builder of its own, whose
// diagnostics it returns with the number of broken links among them.
func (b *builder) resolveOwn(d *handbook.Document) (*diag.List, int) {
	own := *b
	own.diags = &diag.List{}
	own.brokenLinks = 0
	d.Links = resolvedLinks(d.BodyLinks)
	for _, l := range d.Links {
		own.resolve(d, l)
	}
	own.supersededLinks(d)
	own.outsideImages(d)
	return own.diags, own.brokenLinks
}

// resolvedLinks makes the links a resolution fills, one for each body
// link, in one allocation.
func resolvedLinks(body []handbook.BodyLink) []*handbook.Link {
	if len(body) == 0 {
		return nil
	}
	links := make([]handbook.Link, len(body))
	out := make([]*handbook.Link, len(body))
	for i, l := range body {
		links[i].BodyLink = l
		out[i] = &links[i]
	}
	return out
}

// counted is the number of d's links that resolved to a document.
func counted(d *handbook.Document) int {
	n := 0
	for _, l := range d.Links {
		if l.Counted {
			n++
		}
	}
	return n
}

// outsideImages warns once per page about images from other hosts: the
// handbook makes no outside request, so they are shown as links to them,
// not loaded (see package markdown).
func (b *builder) outsideImages(d *handbook.Document) {
	var first *handbook.Link
	n := 0
	for _, l := range d.Links {
		if l.Form == handbook.LinkImage && l.External && (strings.HasPrefix(l.Dest, "http") || strings.HasPrefix(l.Dest, "//")) {
			if first == nil {
				first = l
			}
			n++
		}
	}
	if n == 1 {
		b.diags.Warnf(d.SourcePath, first.Offset, "copy the image next to the page and show that copy: a page of the handbook makes no request to another host", "image %q is on another host: it is shown as a link to it, not loaded", first.Dest)
	} else if n > 1 {
		b.diags.Warnf(d.SourcePath, first.Offset, "copy the images next to the page and show those copies: a page of the handbook makes no request to another host", "%d images are on other hosts: they are shown as links to them, not loaded (first: %q)", n, first.Dest)
	}
}

// supersededLinks warns where d links to a superseded decision, naming its
// successor; unless d is part of the chain itself, or also links to the
// successor (it tells the history).
func (b *builder) supersededLinks(d *handbook.Document) {
	var targets map[*handbook.Document]bool
	for _, l := range d.Links {
		if l.Target == nil || l.Target.Kind != handbook.KindDecision {
			continue
		}
		dec := b.site.DecisionByID[l.Target.ID]
		if dec == nil || len(dec.SupersededBy) == 0 {
			continue
		}
		if targets == nil {
			targets = map[*handbook.Document]bool{}
			for _, l := range d.Links {
				targets[l.Target] = true
			}
		}
		next := dec.SupersededBy[0]
		related := false
		for _, old := range dec.Replaces {
			related = related || old.Doc == d
		}
		// Follow the chain to the decision in force now.
		current := dec
		for i := 0; len(current.SupersededBy) > 0 && i <= len(b.site.Decisions); i++ {
			current = current.SupersededBy[0]
			related = related || targets[current.Doc] || current.Doc == d
		}
		if !related {
			hint := fmt.Sprintf("link to %s instead, or also link to it to tell the history", current.ID)
			b.diags.Warnf(d.SourcePath, l.Offset, hint, "%s links to %s, which %s supersedes", quote(l), dec.ID, next.ID)
		}
	}
}

func (b *builder) resolve(d *handbook.Document, l *handbook.Link) {
	dest := strings.TrimSpace(l.Dest)
	if strings.HasPrefix(dest, "{{") {
		if m := templateVarRE.FindString(dest); m != "" && strings.HasPrefix(dest[len(m):], "/") {
			// {{ site.baseurl }}/x/ of Jekyll and Liquid: a site path.
			dest = dest[len(m):]
		}
	}
	if strings.Contains(dest, `\`) {
		dest = string(util.UnescapePunctuations([]byte(dest)))
	}
	// A Hugo ref shortcode: relative to the page, else by name anywhere.
	isRef := l.Form == handbook.LinkRef
	if dest == "" {
		l.Broken = true
		b.broken(d, l.Offset, "write the target between the parentheses: [text](../path/page.md)", "link has an empty target")
		return
	}
	wikiScheme := ""
	if IsExternal(dest) {
		scheme, safe := sitepath.SafeURL(dest, l.Form == handbook.LinkImage)
		switch {
		case safe:
			l.External = true
			return
		case l.Form != handbook.LinkWiki:
			// The markdown stage drops these; a link made otherwise
			// must not be left alone as a harmless external one.
			l.Broken = true
			b.diags.Warnf(d.SourcePath, l.Offset, "link to a page or file of the handbook, or to an http:, https:, mailto: or tel: address",
				"link to %q dropped: %s: URLs are not allowed in links", l.Dest, scheme)
			return
		}
		// [[ADR-7: Use Postgres]] names a document by its title: a
		// wikilink is a URL only with a scheme a link may have.
		wikiScheme = scheme
	}
	target, frag, _ := strings.Cut(dest, "#")
	if l.Form != handbook.LinkWiki {
		target, _, _ = strings.Cut(target, "?")
		if u, err := url.PathUnescape(target); err == nil {
			target = u
		}
	}
	if target == "" {
		// "#heading" in the same document.
		l.Target = d
		b.checkAnchor(d, d, l, frag)
		return
	}
	if l.Form != handbook.LinkWiki {
		if f, ok := b.file(d, target); ok {
			l.File = f
			return
		}
	} else if f, ok := b.wikiFile(d, target); ok {
		l.File = f
		return
	}
	var found *handbook.Document
	var msg, hint string
	switch {
	case l.Form == handbook.LinkWiki:
		found, msg, hint = b.wiki(target)
		if found == nil && path.Ext(target) != "" && !handbook.IsMarkdown(target) {
			// It names a file: the file is missing, or has a namesake.
			msg, hint = "no file or document has this name", "check the file name; the files beside the pages are published"
			if same := b.fileNames[strings.ToLower(path.Base(target))]; len(same) > 1 {
				msg, hint = "more than one file has this name", "write its path from the content folder, e.g. [["+same[0]+"]]"
			}
		}
	case strings.HasPrefix(target, "/"):
		found, msg, hint = b.sitePath(target)
		if found == nil && b.inRepository(l, strings.TrimPrefix(path.Clean(strings.TrimPrefix(target, strings.TrimSuffix(b.cfg.BasePath, "/"))), "/")) {
			return
		}
	case isRef:
		// Relative to the page, else by name anywhere: a miss of the first
		// lookup is no broken link, so it asks for no suggestion.
		quiet := *b
		quiet.silent = true
		found, msg, hint = quiet.relative(d, target)
		if found == nil {
			found, msg, hint = quiet.wiki(handbook.TrimMarkdown(target))
			if msg == noSuchName {
				// A ref names a content file.
				hint = spellingHint
				if t, _ := b.nearest(target); t != nil {
					hint = fmt.Sprintf("did you mean %q?", t.Path)
				}
			}
		}
	default:
		found, msg, hint = b.relative(d, target)
		if found == nil && b.inRepository(l, path.Join(path.Dir(d.Path), target)) {
			return
		}
		if h := addressHint(l.Dest); found == nil && h != "" {
			hint = h
		}
	}
	if found == nil {
		l.Broken = true
		if wikiScheme != "" && msg == noSuchName && !strings.HasPrefix(hint, "did you mean") {
			hint = fmt.Sprintf("a wikilink names a document by id, path, file name or title; as a URL, %s: is not allowed in links", wikiScheme)
		}
		b.broken(d, l.Offset, hint, "broken link %s: %s", quote(l), msg)
		return
	}
	if l.Form == handbook.LinkImage {
		l.Broken = true
		b.broken(d, l.Offset, "an image points at an image file", "image %s points at a document", quote(l))
		return
	}
	l.Target = found
	l.Counted = true
	if dec, ok := b.site.DecisionByID[target]; ok && l.Form == handbook.LinkWiki && dec.Inline && dec.Doc == found && frag == "" {
		// [[inline-decision-id]] lands on its entry in the declaring document.
		l.Decision, l.Fragment = dec, "decision-"+dec.ID
		return
	}
	if found.Kind == handbook.KindDecision {
		l.Decision = b.site.DecisionByID[found.ID]
	}
	b.checkAnchor(d, found, l, frag)
}

func quote(l *handbook.Link) string {
	switch l.Form {
	case handbook.LinkWiki:
		return "[[" + l.Dest + "]]"
	case handbook.LinkImage:
		return fmt.Sprintf("%q", l.Dest)
	}
	return fmt.Sprintf("%q", l.Dest)
}

func (b *builder) checkAnchor(from, target *handbook.Document, l *handbook.Link, frag string) {
	if frag == "" {
		return
	}
	l.Fragment = frag
	if target.Synthetic || target.Anchor(frag) {
		return
	}
	for _, h := range target.Headings {
		if strings.EqualFold(h.ID, frag) || h.Level > 0 && GitHubStyle(frag) == h.ID {
			l.Fragment = h.ID // as GitHub does: #Setup and #setup land on the same heading
			return
		}
	}
	// The id another generator made for the heading: Eleventy's
	// #other-people-s-money for "Other people's money", #m-and-ie for
	// "M&IE", kramdown's #cloudgov: the same letters and digits.
	if key := looseKey(frag); key != "" {
		for _, h := range target.Headings {
			if h.Level > 0 && (looseKey(h.ID) == key || looseKey(strings.ReplaceAll(h.Text, "&", " and ")) == key) {
				l.Fragment = h.ID
				return
			}
		}
	}
	if strings.HasPrefix(frag, "fn:") || strings.HasPrefix(frag, "fnref:") {
		return
	}
	ids := make([]string, 0, len(target.Headings))
	for _, h := range target.Headings {
		ids = append(ids, h.ID)
	}
	hint := "link to one of its headings"
	if sug := diag.Suggest(frag, ids); sug != "" {
		hint = fmt.Sprintf("did you mean #%s?", sug)
	} else if len(ids) == 0 {
		hint = "the page has no headings; link to the page itself"
	}
	l.Broken = true
	b.broken(from, l.Offset, hint, "broken link %s: %s has no heading #%s", quote(l), target.SourcePath, frag)
}

// GitHubStyle normalises an anchor as written by hand ("#Error_Handling")
// the way heading ids are made.
func GitHubStyle(frag string) string {
	if u, err := url.PathUnescape(frag); err == nil {
		frag = u
	}
	return handbook.HeadingID(strings.ReplaceAll(frag, "-", " "))
}

// looseKey is an anchor's letters and digits, in lower case: what the
// ids that generators make for one heading have in common.
func looseKey(frag string) string {
	if u, err := url.PathUnescape(frag); err == nil {
		frag = u
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, frag)
}

const noSuchName = "no document has this id, path or name"

// wiki resolves [[name]]: by id, then by content path, then by file or
// folder name, then by title.
func (b *builder) wiki(name string) (*handbook.Document, string, string) {
	s := b.site
	if d, ok := s.ByID[name]; ok {
		return d, "", ""
	}
	if d := b.byContentPath(strings.TrimPrefix(name, "/")); d != nil {
		return d, "", ""
	}
	for _, idx := range []map[string][]*handbook.Document{b.byBase, b.byName} {
		ds := idx[strings.ToLower(name)]
		if len(ds) == 1 {
			return ds[0], "", ""
		}
		if len(ds) > 1 {
			names := make([]string, len(ds))
			for i, d := range ds {
				names[i] = d.ID
			}
			sort.Strings(names)
			return nil, fmt.Sprintf("%q is ambiguous: it names %s", name, strings.Join(names, " and ")),
				fmt.Sprintf("write the id in full, e.g. [[%s]]", names[0])
		}
	}
	if dec, ok := s.DecisionByID[name]; ok {
		return dec.Doc, "", ""
	}
	if d := b.drafts[name]; d != nil {
		msg, hint := b.heldBack(d)
		return nil, "the target is " + msg, hint
	}
	if msg, hint := b.notPublished("", strings.TrimPrefix(name, "/")); msg != "" {
		return nil, msg, hint
	}
	return nil, noSuchName, b.wikiHint(name)
}

// wikiHint suggests the wikilink closest to name, in the form that came
// closest (an id, a path, a file name, a title) when that names the
// document alone, else by its id.
func (b *builder) wikiHint(name string) string {
	t, n := b.nearest(name)
	if t == nil {
		return spellingHint
	}
	quiet := *b
	quiet.silent = true
	if found, _, _ := quiet.wiki(n); found != t {
		n = t.ID
	}
	return fmt.Sprintf("did you mean [[%s]]?", n)
}

// sitePath resolves "/strategies/databases/" (or without the slash, with
// .html, or a content path with .md) and static files.
func (b *builder) sitePath(p string) (*handbook.Document, string, string) {
	s := b.site
	base := strings.TrimSuffix(b.cfg.BasePath, "/")
	written := "" // the base path, when p is written under it
	if base != "" && strings.HasPrefix(p, base+"/") {
		p, written = strings.TrimPrefix(p, base), base
	}
	if p == "/" {
		return s.Home, "", ""
	}
	rel := strings.TrimPrefix(path.Clean(p), "/")
	if handbook.IsMarkdown(rel) {
		if d := b.byContentPath(rel); d != nil {
			return d, "", ""
		}
	}
	if u, ok := SafeSitePath(rel); ok {
		if d, ok := s.ByURL[u]; ok {
			return d, "", ""
		}
		if d, ok := b.aliases[u]; ok {
			return d, "", ""
		}
	}
	if msg, hint := b.notPublished(handbook.TrimMarkdown(rel), rel); msg != "" {
		return nil, msg, hint
	}
	if f := b.fileIn(rel); f != "" {
		return nil, "/" + rel + "/ is a folder with no page of its own", folderHint(written + "/" + f)
	}
	if ext := path.Ext(rel); ext != "" && !handbook.IsMarkdown(rel) && ext != ".html" {
		return nil, "no file is published at " + p, "check the file name; the files beside the pages in " + b.contentName() + " and those of static/ are published"
	}
	hint := spellingHint
	if t, _ := b.nearest(rel); t != nil && sameName(rel, t) {
		// The address as it is written: under the base path when it
		// was, the content file when it was named.
		sug := written + "/" + t.URL
		if handbook.IsMarkdown(rel) {
			sug = written + "/" + t.Path
		}
		hint = fmt.Sprintf("did you mean %q?", sug)
	}
	return nil, "no page is published at " + p, hint
}

// file finds a static file that target names, relative to d's folder or
// from the site root.
func (b *builder) file(d *handbook.Document, target string) (string, bool) {
	var p string
	if strings.HasPrefix(target, "/") {
		base := strings.TrimSuffix(b.cfg.BasePath, "/")
		if base != "" && strings.HasPrefix(target, base+"/") {
			target = strings.TrimPrefix(target, base)
		}
		p = strings.TrimPrefix(path.Clean(target), "/")
	} else {
		p = path.Join(path.Dir(d.Path), target)
	}
	return p, b.site.FileSet[p]
}

// wikiFile finds the static file a wikilink or embed names, as Obsidian
// does: a name with an extension other than .md, from d's folder, from the
// root, or by its file name alone when one file has it.
func (b *builder) wikiFile(d *handbook.Document, target string) (string, bool) {
	if path.Ext(target) == "" || handbook.IsMarkdown(target) {
		return "", false
	}
	if f, ok := b.file(d, target); ok {
		return f, true
	}
	if p := path.Clean(strings.TrimPrefix(target, "/")); b.site.FileSet[p] {
		return p, true
	}
	if fs := b.fileNames[strings.ToLower(path.Base(target))]; len(fs) == 1 && !strings.Contains(target, "/") {
		return fs[0], true
	}
	return "", false
}

// relative resolves a path relative to the linking file's folder: a
// Markdown file, a folder with an index page, or a static file.
func (b *builder) relative(d *handbook.Document, target string) (*handbook.Document, string, string) {
	s := b.site
	dir := path.Dir(d.Path)
	p := path.Join(dir, target)
	if p == ".." || strings.HasPrefix(p, "../") {
		if b.cfg.ContentDir == "." {
			return nil, "it points outside the handbook", "link to a document inside the handbook, or use a full URL"
		}
		dir := b.cfg.ContentDir + "/"
		return nil, "it points outside the content folder, " + dir, "link to a document inside " + dir + ", or use a full URL; or name, in site.yaml, a content_dir that holds both files (. for the whole handbook)"
	}
	if p == "." {
		p = ""
	}
	if found := b.byContentPath(p); found != nil {
		return found, "", ""
	}
	if strings.HasSuffix(p, ".html") {
		if u, ok := SafeSitePath(p); ok {
			if found, ok := s.ByURL[u]; ok {
				return found, "", ""
			}
		}
	}
	if !handbook.IsMarkdown(target) {
		// Written against the published URL, as a browser reads it: from
		// strategies/databases/, "setup/" is strategies/databases/setup/.
		if u, ok := SafeSitePath(path.Join(d.URL, target)); ok {
			if found, ok := s.ByURL[u]; ok {
				return found, "", ""
			}
		}
	}
	if msg, hint := b.notPublished(p, p); msg != "" {
		return nil, msg, hint
	}
	if f := b.fileIn(p); f != "" {
		in := strings.TrimSuffix(target, "/") + "/" + strings.TrimPrefix(f, p+"/")
		return nil, p + "/ is a folder with no page of its own", folderHint(in)
	}
	if ext := path.Ext(p); ext != "" && !handbook.IsMarkdown(p) && ext != ".html" {
		dir := b.contentName()
		return nil, "no such file in " + dir, "check the file name; the files beside the pages in " + dir + " are published"
	}
	hint := spellingHint
	if h := anchorHint(d, target); h != "" {
		hint = h
	} else if t, _ := b.nearest(p); t != nil && t != d && sameName(p, t) {
		hint = fmt.Sprintf("did you mean %q?", relativeLink(path.Dir(d.Path), t.Path, target))
	} else {
		// Nothing like it: what its folder holds, when that is a few.
		var names []string
		for _, t := range b.inFolder(path.Dir(p)) {
			if t != d {
				names = append(names, strconv.Quote(relativeLink(path.Dir(d.Path), t.Path, target)))
			}
		}
		if len(names) > 0 && len(names) <= 6 {
			hint = "its folder holds " + strings.Join(names, ", ")
		}
	}
	return nil, "no such document", hint
}

// addressHint suggests the address a link meant when its destination is
// one written amiss: in parentheses ("(https://…)", as "[x]: (https://…)"
// defines a reference) or without its scheme ("www.example.com/a"); ""
// when it is neither.
func addressHint(target string) string {
	if inner, ok := strings.CutPrefix(target, "("); ok {
		if inner, ok = strings.CutSuffix(inner, ")"); ok && IsExternal(inner) {
			return fmt.Sprintf("did you mean %q? The parentheses around the address are read as part of it", inner)
		}
	}
	host, rest, _ := strings.Cut(target, "/")
	if hostLike(host) && (strings.HasPrefix(host, "www.") || rest != "") {
		return fmt.Sprintf("did you mean %q? Without https:// an address is read as a path in the handbook", "https://"+target)
	}
	return ""
}

// fileExts are the endings of the file names that look like a host's
// name ("notes.md", "chart.png"): no host is taken to end so.
var fileExts = map[string]bool{"md": true, "markdown": true, "mdx": true, "html": true, "htm": true, "png": true,
	"jpg": true, "jpeg": true, "gif": true, "svg": true, "webp": true, "pdf": true, "txt": true, "json": true,
	"yaml": true, "yml": true, "toml": true, "js": true, "ts": true, "css": true, "go": true, "py": true, "rb": true,
	"rs": true, "sh": true, "java": true, "xml": true, "csv": true, "zip": true, "gz": true, "tgz": true}

// hostLike reports whether s is written as a host's name: two or more
// dot-separated labels of lower-case letters, digits and hyphens, the
// last of two to six letters that no file name commonly ends with.
func hostLike(s string) bool {
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return false
		}
	}
	tld := labels[len(labels)-1]
	return len(tld) >= 2 && len(tld) <= 6 && strings.Trim(tld, "abcdefghijklmnopqrstuvwxyz") == "" && !fileExts[tld]
}

// anchorHint suggests "#id" when a link's destination, a bare name, is
// (or is nearly) the id of one of d's own headings: an anchor written
// without its '#'; "" otherwise.
func anchorHint(d *handbook.Document, target string) string {
	if target == "" || strings.ContainsAny(target, "/.#") {
		return ""
	}
	ids := make([]string, 0, len(d.Headings))
	for _, h := range d.Headings {
		if strings.EqualFold(h.ID, target) {
			return fmt.Sprintf("did you mean %q? A link to a heading of this page starts with #", "#"+h.ID)
		}
		ids = append(ids, h.ID)
	}
	if sug := diag.Suggest(target, ids); sug != "" {
		return fmt.Sprintf("did you mean %q? A link to a heading of this page starts with #", "#"+sug)
	}
	return ""
}

// inRepository points l at the folder of the content path p in the
// handbook's repository, as the forge lists it, when p is a folder that
// holds files and no page and the repository is known (repo_url), and
// reports whether it did: a repository's README links to its source
// folders, which GitHub shows.
func (b *builder) inRepository(l *handbook.Link, p string) bool {
	if p == "" || p == "." || strings.HasPrefix(p, "../") || b.fileIn(p) == "" {
		return false
	}
	u := b.cfg.TreeLink(path.Join(b.cfg.ContentDir, p))
	if u == "" {
		return false
	}
	l.Folder = u
	return true
}

// folderHint is the hint for a link to a folder with files and no page;
// link is a link to one of its files, written as the author wrote theirs.
func folderHint(link string) string {
	return fmt.Sprintf("a folder's page is its README.md, index.md or _index.md: add one, or link to a file in it, such as %q", link)
}

// fileIn returns a published file inside the folder at the content path
// dir, or "" when it holds none: the first in path order of those least
// deep in it.
func (b *builder) fileIn(dir string) string {
	if dir == "" {
		return ""
	}
	first, depth := "", 0
	for _, f := range b.site.Files {
		rest, ok := strings.CutPrefix(f.Path, dir+"/")
		if !ok {
			continue
		}
		n := strings.Count(rest, "/")
		if first == "" || n < depth || n == depth && f.Path < first {
			first, depth = f.Path, n
		}
	}
	return first
}

// notPublished says why what a link names, at the content path p (key:
// the path or id the held-back documents are found by, "" for none), is not
// published: a document held back, or a file with no title; "" when
// neither.
func (b *builder) notPublished(key, p string) (msg, hint string) {
	if d := b.drafts[key]; d != nil && key != "" {
		msg, hint := b.heldBack(d)
		return "the target is " + msg, hint
	}
	if f := b.untitledAt(p); f != "" {
		return "the target, " + f + ", is not published: it has no title", "give it a title (or content), or link to another page"
	}
	return "", ""
}

// contentName names the content folder in messages.
func (b *builder) contentName() string {
	if b.cfg.ContentDir == "." {
		return "the handbook"
	}
	return b.cfg.ContentDir + "/"
}

// untitledAt returns the path of the file of content that p names (as
// byContentPath finds a document) when it is not published for want of a
// title, else "".
func (b *builder) untitledAt(p string) string {
	p = strings.TrimSuffix(p, "/")
	for _, ext := range []string{"", ".md", "/_index.md", "/index.md", "/README.md", "/readme.md"} {
		if b.untitled[p+ext] {
			return path.Join(b.cfg.ContentDir, p+ext)
		}
	}
	return ""
}

// sameName reports whether the last name of the path p is close to t's
// (its file's, or its address's): a path whose folder is misspelt finds
// its document, not another whose whole path happens to be as close.
func sameName(p string, t *handbook.Document) bool {
	a := strings.ToLower(path.Base(handbook.TrimMarkdown(strings.TrimSuffix(p, "/"))))
	for _, n := range []string{path.Base(handbook.TrimMarkdown(t.Path)), path.Base(strings.TrimSuffix(t.URL, "/"))} {
		if diag.Distance(a, strings.ToLower(n)) <= len(a)/3+1 {
			return true
		}
	}
	return false
}

// pagePath is the content path of a Markdown file without its extension,
// and a folder's for its index page (_index.md, index.md, README.md): the
// path its page is published at.
func pagePath(file string) string {
	p := handbook.TrimMarkdown(file)
	switch path.Base(p) {
	case "_index", "index", "README", "readme":
		return path.Dir(p)
	}
	return p
}

// relativeLink is the link from the folder dir to the document at the
// content path to, written as target is: the file itself when target
// names a Markdown file, else without the extension (a section's folder
// for its index page), with target's closing slash.
func relativeLink(dir, to, target string) string {
	if !handbook.IsMarkdown(target) {
		to = pagePath(to)
	}
	var from []string
	if dir != "." && dir != "" {
		from = strings.Split(dir, "/")
	}
	parts := strings.Split(to, "/")
	if to == "." {
		parts = nil
	}
	i := 0
	for i < len(from) && i < len(parts) && from[i] == parts[i] {
		i++
	}
	out := strings.Repeat("../", len(from)-i) + strings.Join(parts[i:], "/")
	switch {
	case out == "":
		out = "./"
	case strings.HasSuffix(target, "/") && !strings.HasSuffix(out, "/"):
		out += "/"
	}
	return out
}

// references resolves front matter references: a vision's strategies and a
// strategy's design docs. Decisions' supersedes are resolved by registry.
func (b *builder) references() {
	for _, d := range b.site.Docs {
		check := func(key string, refs []handbook.Ref, want handbook.Kind) {
			for _, r := range refs {
				t, msg, hint := b.lookup(r.Target)
				if t == nil {
					b.diags.Errorf(d.SourcePath, r.Offset, hint, "%s: %q %s", key, r.Target, msg)
					continue
				}
				if t.Kind != want {
					b.diags.Errorf(d.SourcePath, r.Offset, fmt.Sprintf("%s lists %s documents", key, want), "%s: %q is a %s, not a %s", key, r.Target, t.Kind, want)
					continue
				}
				d.Refs = append(d.Refs, t)
			}
		}
		check("strategies", d.Strategies, handbook.KindStrategy)
		check("design_docs", d.DesignDocs, handbook.KindDesignDoc)
	}
}

// touches records which design docs touch each decision: by declaring it
// inline or by linking to it.
func (b *builder) touches() {
	s := b.site
	s.TouchedBy = map[*handbook.Decision][]*handbook.Document{}
	for _, d := range s.Docs {
		if d.Kind != handbook.KindDesignDoc {
			continue
		}
		seen := map[*handbook.Decision]bool{}
		add := func(dec *handbook.Decision) {
			if dec != nil && !seen[dec] {
				seen[dec] = true
				s.TouchedBy[dec] = append(s.TouchedBy[dec], d)
			}
		}
		for _, dec := range d.Decisions {
			add(dec)
		}
		for _, l := range d.Links {
			add(l.Decision)
		}
	}
}

// backlinks inverts body links and front matter references.
func (b *builder) backlinks() {
	s := b.site
	var targets []*handbook.Document
	for _, d := range s.Docs {
		// Each document's targets, once each: documents are in path
		// order, so every list of backlinks is too. A scan finds repeats
		// among a few dozen links; a map, among hundreds.
		targets = targets[:0]
		var seen map[*handbook.Document]bool
		if len(d.Links)+len(d.Refs) > 32 {
			seen = map[*handbook.Document]bool{}
		}
		add := func(to *handbook.Document) {
			if to == nil || to == d {
				return
			}
			if seen != nil {
				if seen[to] {
					return
				}
				seen[to] = true
			} else if slices.Contains(targets, to) {
				return
			}
			targets = append(targets, to)
		}
		for _, l := range d.Links {
			add(l.Target)
		}
		for _, t := range d.Refs {
			add(t)
		}
		for _, to := range targets {
			s.Backlinks[to] = append(s.Backlinks[to], d)
		}
	}
}
