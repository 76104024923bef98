// Package load finds the documents and static files of a handbook.
//
// Input: the site root as an fs.FS and the content directory's name. Output:
// one *handbook.Document per Markdown file (path, source bytes, section, and
// whether it is a section index or a page bundle) and the static files to
// copy, with those of the static folder beside it (StaticDir). Nothing is parsed here. Hidden files and folders (".git", ".DS_Store")
// are skipped, and so is any folder that a build wrote (it holds
// publish.Marker) and, when the content folder is the handbook's root, the
// handbook's own files (site.yaml, layouts/, assets/, public/…). Paths are
// slash paths relative to the content directory, so they are local by
// construction.
package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/pool"
	"handbook/generator/internal/publish"
	"handbook/generator/internal/sitepath"
)

// Content is what a content directory holds.
type Content struct {
	Docs  []*handbook.Document
	Files []handbook.StaticFile
	// Categories are the folders' own descriptions for another
	// generator's sidebar (Docusaurus' _category_.json or .yml): their
	// paths from the site root, by folder ("" for the content folder).
	// They are not published.
	Categories map[string]string
	// FolderURLs are the addresses of the folders whose address is not
	// their path's (sitepath.URLPath), by folder: those whose name, or
	// the name of a folder above them, ends with Notion's id
	// (handbook.TrimExportID).
	FolderURLs map[string]string
}

// exportNames returns the name each of a folder's entries (its Markdown
// files' names without extension, its folders' names) takes in
// addresses: without Notion's id, unless another entry would then have
// the same name ("Untitled 1a2b…" beside "Untitled 3c4d…" keep theirs); a
// file and a folder of one name (a page and its subpages, in Notion's
// export) are one entry. nil when no name has an id.
func exportNames(stems []string) map[string]string {
	var out map[string]string
	for _, s := range stems {
		if t := handbook.TrimExportID(s); t != s {
			if out == nil {
				out = map[string]string{}
			}
			out[s] = t
		}
	}
	if out == nil {
		return nil
	}
	owners := map[string]string{} // name in addresses → the entry taking it
	clash := map[string]bool{}
	for _, s := range stems {
		t := s
		if trimmed, ok := out[s]; ok {
			t = trimmed
		}
		if o, ok := owners[t]; ok && o != s {
			clash[t] = true
		}
		owners[t] = s
	}
	for s, t := range out {
		if clash[t] {
			out[s] = s
		}
	}
	return out
}

// IsCategory reports whether a file of that name describes its folder
// (Docusaurus' _category_.json, .yml or .yaml).
func IsCategory(name string) bool {
	switch name {
	case "_category_.json", "_category_.yml", "_category_.yaml":
		return true
	}
	return false
}

type dir struct {
	md       []string // Markdown file names
	other    []string // other file names
	subdirs  []string
	hasMDRec bool // this folder or a folder below it holds Markdown
}

// Load walks contentDir in fsys and reads every document's bytes.
func Load(fsys fs.FS, contentDir string, diags *diag.List) *Content {
	c := Find(fsys, contentDir, nil, false, diags)
	// Files are read on every core: on disk, most of loading is waiting.
	unread := make([]bool, len(c.Docs))
	pool.Each(len(c.Docs), func(i int) {
		unread[i] = !Read(fsys, c.Docs[i], diags)
	})
	n := 0
	for i, d := range c.Docs {
		if !unread[i] {
			c.Docs[n] = d
			n++
		}
	}
	c.Docs = c.Docs[:n]
	return c
}

// Read reads d's bytes into d.Source, reporting a file it cannot read,
// unless it is Gone.
func Read(fsys fs.FS, d *handbook.Document, diags *diag.List) bool {
	src, err := fs.ReadFile(fsys, d.SourcePath)
	if err != nil {
		cannotRead(d.SourcePath, err, diags)
		return false
	}
	d.Source = src
	return true
}

// Gone reports whether err, from reading a file the content listed,
// says that the file was removed since it was listed, as an editor's
// temporary file renamed over the one it saves is: it is no longer part
// of the content, and no error. (Find lists regular files only, never a
// link to nothing.)
func Gone(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// cannotRead reports a file that cannot be read, unless it is Gone.
func cannotRead(p string, err error, diags *diag.List) {
	if !Gone(err) {
		diags.Errorf(p, -1, "check the file's permissions", "cannot read: %v", err)
	}
}

// ReadStat is Read that also returns the file's size and modification
// time as they were when it was opened, before its bytes were read: a
// later change of the file changes them (nil: unknown).
func ReadStat(fsys fs.FS, d *handbook.Document, diags *diag.List) (fs.FileInfo, bool) {
	f, err := fsys.Open(d.SourcePath)
	if err != nil {
		cannotRead(d.SourcePath, err, diags)
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		info = nil
	}
	var src []byte
	if info != nil && info.Size() > 0 {
		src = make([]byte, 0, info.Size()+1)
	}
	for {
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)]
		}
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			cannotRead(d.SourcePath, err, diags)
			return nil, false
		}
	}
	d.Source = src
	return info, true
}

// Find walks contentDir in fsys, as Load does, without reading the
// documents' bytes: a single build reads each as it parses it (Read), so
// that it never holds them all.
//
// skip, when set, leaves out more files and folders, by their paths from
// contentDir: those that the generator the site was made for leaves out
// (config.Site.Excluded). foreign says the site was made for another
// generator (config.Site.Foreign): read whole, its layouts/ and assets/
// are its own content (a Jekyll site's images), not the theme's.
func Find(fsys fs.FS, contentDir string, skip func(rel string) bool, foreign bool, diags *diag.List) *Content {
	c := &Content{}
	if info, err := fs.Stat(fsys, contentDir); errors.Is(err, fs.ErrNotExist) || err == nil && !info.IsDir() {
		where := ""
		if contentDir != "content" {
			where = " (site.yaml's content_dir)"
		}
		diags.Errorf(contentDir, -1, contentHint(fsys), "no %s/ folder%s: handbook builds the Markdown files in it", contentDir, where)
		return c
	}
	dirs := map[string]*dir{}
	var order []string
	var ignore *GitIgnore // nil (nothing ignored) unless the repository is read whole
	if contentDir == "." {
		ignore = NewGitIgnore(fsys)
	}
	err := fs.WalkDir(fsys, contentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Errorf(p, -1, "check the file's permissions", "cannot read: %v", err)
			return nil
		}
		name := d.Name()
		if p != contentDir && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || contentDir == "." && siteFile(p, foreign) || d.IsDir() && handbook.Dependencies(p, contentDir == ".") || ignore.Ignored(p, d.IsDir()) ||
			skip != nil && skip(strings.TrimPrefix(strings.TrimPrefix(p, contentDir), "/"))) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() && p != contentDir {
			// A site that handbook wrote is output, never content.
			if _, err := fs.Stat(fsys, path.Join(p, publish.Marker)); err == nil {
				return fs.SkipDir
			}
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, contentDir), "/")
		if d.IsDir() {
			dirs[rel] = &dir{}
			order = append(order, rel)
			if rel != "" {
				parent := dirs[dirOf(rel)]
				parent.subdirs = append(parent.subdirs, rel)
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		parent := dirs[dirOf(rel)]
		switch {
		case isMarkdown(name):
			parent.md = append(parent.md, name)
		case IsCategory(name):
			if c.Categories == nil {
				c.Categories = map[string]string{}
			}
			c.Categories[dirOf(rel)] = p
		default:
			parent.other = append(parent.other, name)
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(contentDir, -1, "create it and put Markdown files in it, or set content_dir in site.yaml", "content directory %q does not exist", contentDir)
		} else {
			diags.Errorf(contentDir, -1, "", "cannot read the content directory: %v", err)
		}
		return c
	}
	// Mark folders that hold Markdown at any depth (children come after parents).
	for i := len(order) - 1; i >= 0; i-- {
		d := dirs[order[i]]
		if len(d.md) > 0 {
			d.hasMDRec = true
		}
		if d.hasMDRec && order[i] != "" {
			dirs[dirOf(order[i])].hasMDRec = true
		}
	}
	// A folder's address: its path, but for names that end with an id.
	folderURL := map[string]string{"": ""}
	for _, rel := range order {
		d := dirs[rel]
		sort.Strings(d.md)
		at := folderURL[rel]
		stems := make([]string, 0, len(d.md)+len(d.subdirs))
		for _, name := range d.md {
			stems = append(stems, strings.TrimSuffix(name, path.Ext(name)))
		}
		for _, sub := range d.subdirs {
			stems = append(stems, path.Base(sub))
		}
		names := exportNames(stems)
		named := func(stem string) string {
			if t, ok := names[stem]; ok {
				return t
			}
			return stem
		}
		for _, sub := range d.subdirs {
			folderURL[sub] = join(at, named(path.Base(sub)))
			if folderURL[sub] != sub {
				if c.FolderURLs == nil {
					c.FolderURLs = map[string]string{}
				}
				c.FolderURLs[sub] = sitepath.URLPath(folderURL[sub]) + "/"
			}
		}
		index := indexFile(d.md)
		bundle := false
		if index != "" && index != "_index.md" && rel != "" && len(d.md) == 1 {
			bundle = true
			for _, s := range d.subdirs {
				if dirs[s].hasMDRec {
					bundle = false
				}
			}
		}
		for _, name := range d.md {
			p := join(rel, name)
			doc := &handbook.Document{
				Path:       p,
				SourcePath: path.Join(contentDir, p),
				Section:    sectionOf(rel),
			}
			switch {
			case name == index && bundle:
				doc.IsBundle = true
				doc.URL = at + "/"
			case name == index:
				doc.IsSection = true
				doc.URL = dirURL(at)
			default:
				doc.URL = join(at, named(strings.TrimSuffix(name, path.Ext(name)))) + "/"
			}
			doc.URL = sitepath.URLPath(doc.URL)
			c.Docs = append(c.Docs, doc)
		}
		for _, name := range d.other {
			p := join(rel, name)
			c.Files = append(c.Files, handbook.StaticFile{Path: p, Source: path.Join(contentDir, p)})
		}
	}
	c.Files = append(c.Files, staticFiles(fsys, contentDir, diags)...)
	return c
}

// StaticDir is the folder beside the content folder whose files are
// published at the site's root as they are (Hugo's, Zola's and
// Docusaurus' static/: /img/logo.svg is static/img/logo.svg). In a
// repository read whole (content_dir "."), it is a folder of the content
// like any other, published under /static/.
const StaticDir = "static"

// staticFiles lists the files of StaticDir, hidden ones left out, when it
// is beside contentDir, neither in it nor holding it.
func staticFiles(fsys fs.FS, contentDir string, diags *diag.List) []handbook.StaticFile {
	if contentDir == "." || contentDir == StaticDir || strings.HasPrefix(contentDir+"/", StaticDir+"/") || strings.HasPrefix(StaticDir+"/", contentDir+"/") {
		return nil
	}
	var files []handbook.StaticFile
	_ = fs.WalkDir(fsys, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				diags.Errorf(p, -1, "check the file's permissions", "cannot read: %v", err)
			}
			return nil
		}
		if p != StaticDir && (strings.HasPrefix(d.Name(), ".") || strings.HasSuffix(d.Name(), "~")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, handbook.StaticFile{Path: strings.TrimPrefix(p, StaticDir+"/"), Source: p})
		}
		return nil
	})
	return files
}

// siteFile reports whether p, a path from the site root, is one of the
// handbook's own files rather than content: they share the root when
// content_dir is ".". Of a site made for another generator (foreign),
// layouts/, assets/ and archetypes/ are that generator's: content.
func siteFile(p string, foreign bool) bool {
	switch p {
	case "site.yaml", "public":
		return true
	case "layouts", "assets", "archetypes":
		return !foreign
	}
	return false
}

// indexFile picks a folder's index page: _index.md, then index.md, then
// README.md (the GitHub habit).
func indexFile(names []string) string {
	for _, want := range []string{"_index.md", "index.md", "readme.md"} {
		for _, n := range names {
			if strings.EqualFold(n, want) {
				return n
			}
		}
	}
	return ""
}

// SurveyLimit is the most files and folders Survey looks at: a folder
// that holds more is a disk or a home folder, not a handbook.
const SurveyLimit = 100_000

// Markdown is where the Markdown files under a handbook's root are, as a
// repository read whole would find them (see Survey).
type Markdown struct {
	// Top counts the files at the root; In counts those in each folder
	// at the root, by its name, and Dirs names those folders, the one
	// holding most first.
	Top  int
	In   map[string]int
	Dirs []string
	// All counts every file found; Over says the survey stopped at
	// SurveyLimit before it had seen everything.
	All  int
	Over bool
}

// Survey finds the Markdown under the root of fsys, leaving out what a
// repository read whole leaves out: hidden names, dependencies, what its
// .gitignore files ignore, handbook's own files and the folders it wrote.
func Survey(fsys fs.FS) Markdown {
	m := Markdown{In: map[string]int{}}
	seen := 0
	ignore := NewGitIgnore(fsys)
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "." {
			return nil
		}
		if seen++; seen > SurveyLimit {
			m.Over = true
			return fs.SkipAll
		}
		if strings.HasPrefix(d.Name(), ".") || siteFile(p, false) || strings.HasSuffix(d.Name(), "~") || d.IsDir() && handbook.Dependencies(p, true) || ignore.Ignored(p, d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if _, err := fs.Stat(fsys, path.Join(p, publish.Marker)); err == nil {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !isMarkdown(d.Name()) {
			return nil
		}
		m.All++
		first, _, nested := strings.Cut(p, "/")
		if !nested {
			m.Top++
			return nil
		}
		if m.In[first] == 0 {
			m.Dirs = append(m.Dirs, first)
		}
		m.In[first]++
		return nil
	})
	sort.SliceStable(m.Dirs, func(i, j int) bool { return m.In[m.Dirs[i]] > m.In[m.Dirs[j]] })
	return m
}

// Most is the folder that holds nearly all the Markdown (four files in
// five or more), the rest likely a README or a licence; "" when no
// folder does.
func (m Markdown) Most() string {
	if len(m.Dirs) > 0 && m.In[m.Dirs[0]]*5 >= m.All*4 {
		return m.Dirs[0]
	}
	return ""
}

// Where says where the Markdown is: "at the top (2 files), in pages/
// (246 files)", the three folders holding most.
func (m Markdown) Where() string {
	files := func(n int) string { return diag.Plural(n, "file", "files") }
	var where []string
	if m.Top > 0 {
		where = append(where, "at the top ("+files(m.Top)+")")
	}
	for _, d := range m.Dirs[:min(len(m.Dirs), 3)] {
		where = append(where, "in "+d+"/ ("+files(m.In[d])+")")
	}
	if len(m.Dirs) > 3 {
		where = append(where, "in "+strconv.Itoa(len(m.Dirs)-3)+" more folders")
	}
	return strings.Join(where, ", ")
}

// contentHint says where the Markdown under the handbook's root is, and
// the content_dir that reads it, for a handbook without its content
// folder: most first runs on Markdown kept elsewhere (a docs/ folder, a
// repository of READMEs) start there.
func contentHint(fsys fs.FS) string {
	m := Survey(fsys)
	switch {
	case m.All == 0:
		return "make the folder and start it with a page: handbook new page \"Getting started\""
	case m.Top == 0 && len(m.Dirs) == 1:
		return fmt.Sprintf("the Markdown here is %s: write `content_dir: %s` in site.yaml to read it from there", m.Where(), m.Dirs[0])
	case m.Most() != "":
		return fmt.Sprintf("the Markdown here is %s: write `content_dir: %s` in site.yaml to read %s/, or `content_dir: .` for all of it", m.Where(), m.Most(), m.Most())
	}
	return fmt.Sprintf("the Markdown here is %s: write `content_dir: .` in site.yaml to read all of it from the handbook's root", m.Where())
}

func isMarkdown(name string) bool { return handbook.IsMarkdown(name) }

func dirOf(rel string) string {
	d := path.Dir(rel)
	if d == "." {
		return ""
	}
	return d
}

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

func dirURL(rel string) string {
	if rel == "" {
		return ""
	}
	return rel + "/"
}

func sectionOf(rel string) string {
	s, _, _ := strings.Cut(rel, "/")
	return s
}
