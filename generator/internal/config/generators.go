package config

import (
	"cmp"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/gohugoio/hugo/parser/metadecoders"
	"gopkg.in/yaml.v3"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// generator is another static site generator whose configuration a
// handbook without site.yaml is read from, so that a site made for it
// builds as it is on its first run.
type generator struct {
	name  string
	files []string // where it looks for its configuration, in order
	// read takes the settings from a configuration file named name in
	// fsys; ok is false when the file is not this generator's, or cannot
	// be read (its generator reports what it cannot read).
	read func(fsys fs.FS, name string, src []byte) (s *Site, contentDir string, ok bool)
	// nav, when set, reads the navigation the generator keeps in the
	// content folder (mdBook's SUMMARY.md); nil when there is none.
	nav func(fsys fs.FS, contentDir string) *Nav
}

// generators are the generators read, in the order tried.
var generators = []generator{
	{"Hugo", []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}, readHugo, nil},
	{"MkDocs", []string{"mkdocs.yml", "mkdocs.yaml"}, readMkDocs, nil},
	{"mdBook", []string{"book.toml"}, readMdBook, readSummary},
	{"Jekyll", []string{"_config.yml", "_config.yaml"}, readJekyll, nil},
	{"Docusaurus", []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"}, readDocusaurus, nil},
	{"GitBook", []string{".gitbook.yaml", ".gitbook.yml"}, readGitBook, readSummary},
	{"VitePress", vitePressFiles(), readVitePress, nil},
	{"Eleventy", eleventyFiles(), readEleventy, nil},
	{"log4brains", []string{".log4brains.yml"}, readLog4brains, nil},
	{"adr-tools", []string{".adr-dir"}, readADRDir, nil},
}

// hugoKeys are keys only a Hugo configuration has: a config.yaml without
// one of them belongs to something else.
var hugoKeys = []string{"baseurl", "contentdir", "defaultcontentlanguage", "languagecode", "languages", "theme", "module", "markup", "taxonomies", "permalinks"}

// fromGenerator reads a site without site.yaml from another generator's
// configuration (see generators): its title, base URL, params and content
// folder, when that folder exists. nil when there is none that can be
// read (its generator reports what it cannot read).
func fromGenerator(fsys fs.FS) *Site {
	for _, g := range generators {
		for _, name := range g.files {
			src, err := fs.ReadFile(fsys, name)
			if err != nil {
				continue
			}
			s, dir, ok := g.read(fsys, name, src)
			if !ok {
				continue
			}
			s.from, s.fromName = name, g.name
			if _, err := url.Parse(s.BaseURL); err != nil {
				s.BaseURL = "" // its generator reports it
			}
			hasParams := len(s.Params) > 0
			if dir != "" && path.Clean(strings.Trim(dir, "/")) == "." {
				s.ContentDir = "." // the repository's root, as Jekyll's source is
				if g.nav != nil {
					s.Nav = g.nav(fsys, ".")
				}
			} else if dir = path.Clean(strings.Trim(dir, "/")); dir != "." && LocalPath(dir) {
				s.fromDir = dir
				if info, err := fs.Stat(fsys, dir); err == nil && info.IsDir() {
					s.ContentDir = dir
					if g.nav != nil {
						s.Nav = g.nav(fsys, dir)
					}
				}
			}
			s.fromRead = []string{}
			if s.Title != "" {
				s.fromRead = append(s.fromRead, fmt.Sprintf("the title (%s)", s.Title))
			}
			if s.BaseURL != "" {
				s.fromRead = append(s.fromRead, fmt.Sprintf("the base URL (%s)", s.BaseURL))
			}
			if s.RepoURL != "" {
				// Its generator reports a bad one; it gives no edit
				// links here.
				s.checkRepo(nil, &diag.List{})
				if s.editPattern != "" {
					s.fromRead = append(s.fromRead, fmt.Sprintf("the repository (%s)", s.RepoURL))
				}
			}
			if hasParams {
				s.fromRead = append(s.fromRead, "params")
			}
			if n := len(s.RedirectList); n > 0 {
				s.fromRead = append(s.fromRead, fmt.Sprintf("%d redirects", n))
			}
			if s.ContentDir == "." {
				s.fromRead = append(s.fromRead, "the content folder (the handbook's root)")
			} else if s.ContentDir != "" {
				s.fromRead = append(s.fromRead, fmt.Sprintf("the content folder (%s/)", s.ContentDir))
			}
			s.fill()
			return s
		}
	}
	return nil
}

// readHugo reads a Hugo or Docsy site's title, baseURL, params, content
// folder (the default language's contentDir, else contentDir; the
// language's title and params over the site's) and Docsy's repository
// (github_repo, github_branch, github_subdir).
func readHugo(_ fs.FS, name string, src []byte) (*Site, string, bool) {
	m, ok := decodeMap(name, src)
	if !ok {
		return nil, "", false
	}
	hugo := false
	for _, k := range hugoKeys {
		if _, ok := m[k]; ok {
			hugo = true
		}
	}
	if !hugo {
		return nil, "", false
	}
	s := &Site{}
	s.Params, _ = m["params"].(map[string]any)
	// Docsy's repository keys, from which its pages link to their
	// source: github_subdir is the site's folder in the repository.
	s.RepoURL, _ = s.Params["github_repo"].(string)
	s.RepoBranch, _ = s.Params["github_branch"].(string)
	s.RepoPath, _ = s.Params["github_subdir"].(string)
	s.Title, _ = m["title"].(string)
	s.BaseURL, _ = m["baseurl"].(string)
	dir, _ := m["contentdir"].(string)
	lang, _ := m["defaultcontentlanguage"].(string)
	if lang == "" {
		lang = "en"
	}
	if langs, ok := m["languages"].(map[string]any); ok {
		if l, ok := lowerKeys(langs)[strings.ToLower(lang)].(map[string]any); ok {
			l = lowerKeys(l)
			if d, ok := l["contentdir"].(string); ok && d != "" {
				dir = d
			}
			if t, ok := l["title"].(string); ok && s.Title == "" {
				s.Title = t
			}
			if p, ok := l["params"].(map[string]any); ok {
				// The language's params over the site's, as Hugo
				// merges them.
				merged := make(map[string]any, len(s.Params)+len(p))
				for k, v := range s.Params {
					merged[k] = v
				}
				for k, v := range p {
					merged[k] = v
				}
				s.Params = merged
			}
		}
	}
	return s, dir, true
}

// readMkDocs reads an MkDocs site's site_name, site_url and docs_dir
// ("docs" when unset), its extra values as params, the redirects
// plugin's redirect_maps, and its repository from repo_url and edit_uri.
// Its YAML is read key by key: its Python tags (!!python/name:…) mean
// nothing here.
func readMkDocs(_ fs.FS, name string, src []byte) (*Site, string, bool) {
	var root yaml.Node
	if yaml.Unmarshal(src, &root) != nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, "", false
	}
	s := &Site{}
	dir := "docs"
	var repoURL, editURI string
	top := root.Content[0].Content
	for i := 0; i+1 < len(top); i += 2 {
		k, v := top[i].Value, top[i+1]
		switch {
		case v.Kind == yaml.ScalarNode && k == "site_name":
			s.Title = v.Value
		case v.Kind == yaml.ScalarNode && k == "site_url":
			s.BaseURL = v.Value
		case v.Kind == yaml.ScalarNode && k == "docs_dir" && v.Value != "":
			dir = v.Value
		case v.Kind == yaml.ScalarNode && k == "repo_url":
			repoURL = v.Value
		case v.Kind == yaml.ScalarNode && k == "edit_uri":
			editURI = v.Value
		case v.Kind == yaml.MappingNode && k == "extra":
			_ = v.Decode(&s.Params)
		case v.Kind == yaml.SequenceNode && k == "nav":
			s.Nav = &Nav{Pages: map[string]NavPage{}, Folders: map[string]string{}}
			s.Nav.read(v, "")
		case v.Kind == yaml.SequenceNode && k == "markdown_extensions":
			// - pymdownx.snippets: {auto_append: [includes/abbreviations.md], base_path: [.]}
			for _, e := range v.Content {
				sn := child(e, "pymdownx.snippets")
				if sn == nil {
					continue
				}
				bases := []string{"."}
				if b := child(sn, "base_path"); b != nil && b.Kind == yaml.ScalarNode {
					bases = []string{b.Value}
				} else if b != nil && b.Kind == yaml.SequenceNode {
					bases = nil
					for _, x := range b.Content {
						bases = append(bases, x.Value)
					}
				}
				if aa := child(sn, "auto_append"); aa != nil && aa.Kind == yaml.SequenceNode {
					for _, f := range aa.Content {
						for _, b := range bases {
							if p := path.Join(b, f.Value); f.Value != "" && LocalPath(p) {
								s.Glossaries = append(s.Glossaries, p)
							}
						}
					}
				}
			}
		case v.Kind == yaml.SequenceNode && k == "plugins":
			// - redirects: {redirect_maps: {old.md: new.md}}
			for _, p := range v.Content {
				if r := child(child(p, "redirects"), "redirect_maps"); r != nil {
					s.RedirectList = append(s.RedirectList, redirectList(r, name)...)
				}
			}
		}
	}
	if s.Nav != nil && len(s.Nav.Pages) == 0 {
		s.Nav = nil
	}
	// Pages link to their source at repo_url joined with edit_uri, then
	// the page's path from docs_dir; without edit_uri MkDocs guesses a
	// branch, which is left to git (SetOrigin) or site.yaml.
	if repoURL != "" && editURI != "" {
		s.repoFromEdit(strings.TrimSuffix(repoURL, "/")+"/"+strings.TrimPrefix(editURI, "/"), path.Clean(dir))
	} else if u, ok := httpURL(repoURL); ok && u.User == nil {
		s.namedRepo = strings.TrimSuffix(strings.TrimRight(repoURL, "/"), ".git")
	}
	return s, dir, true
}

// readMdBook reads an mdBook's title, its source folder ("src" when
// unset), the site-url of its HTML output and its edit-url-template (the
// repository), whose {path} is a page's file from the book's root, as
// the handbook's are.
func readMdBook(_ fs.FS, name string, src []byte) (*Site, string, bool) {
	m, ok := decodeMap(name, src)
	if !ok {
		return nil, "", false
	}
	book, ok := m["book"].(map[string]any)
	if !ok {
		return nil, "", false
	}
	s := &Site{}
	s.Title, _ = book["title"].(string)
	dir, _ := book["src"].(string)
	if out, ok := m["output"].(map[string]any); ok {
		if html, ok := out["html"].(map[string]any); ok {
			s.BaseURL, _ = html["site-url"].(string)
			tmpl, _ := html["edit-url-template"].(string)
			if prefix, ok := strings.CutSuffix(tmpl, "{path}"); ok {
				s.repoFromEdit(prefix, "")
			}
		}
	}
	return s, cmp.Or(dir, "src"), true
}

// readGitBook reads a GitBook repository's .gitbook.yaml: its root, the
// folder of its pages (the repository's root by default), its redirects, whose
// SUMMARY.md orders and names them as mdBook's does. GitBook keeps the
// title and address in its own service, not in the repository.
func readGitBook(_ fs.FS, name string, src []byte) (*Site, string, bool) {
	m, ok := decodeMap(name, src)
	if !ok {
		return nil, "", false
	}
	root, _ := m["root"].(string)
	s := &Site{}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) == nil && len(doc.Content) > 0 {
		s.RedirectList = redirectList(child(doc.Content[0], "redirects"), name)
	}
	return s, cmp.Or(strings.TrimPrefix(root, "./"), "."), true
}

// jekyllExcludes are what Jekyll leaves out of a site besides its own
// `exclude:` and the names that start with "_" or ".".
var jekyllExcludes = []string{"Gemfile", "Gemfile.lock", "gemfiles", "node_modules", "vendor/bundle", "vendor/cache", "vendor/gems", "vendor/ruby"}

// readJekyll reads a Jekyll site's title, description, url and baseurl,
// its source folder ("." when unset: the repository's root), and what it
// leaves out: its `exclude:` list, Jekyll's own, and every file and
// folder whose name starts with "_" (its layouts, includes, data, posts)
// unless `include:` names it.
func readJekyll(_ fs.FS, name string, src []byte) (*Site, string, bool) {
	m, ok := decodeMap(name, src)
	if !ok {
		return nil, "", false
	}
	s := &Site{}
	s.Title, _ = m["title"].(string)
	s.Description, _ = m["description"].(string)
	site, _ := m["url"].(string)
	base, _ := m["baseurl"].(string)
	s.BaseURL = joinBase(site, base)
	dir, _ := m["source"].(string)
	s.exclude = append(s.exclude, jekyllExcludes...)
	for _, key := range []string{"exclude", "include"} {
		list, _ := m[key].([]any)
		for _, v := range list {
			if p, ok := v.(string); ok && p != "" {
				if key == "exclude" {
					s.exclude = append(s.exclude, strings.Trim(p, "/"))
				} else {
					s.include = append(s.include, strings.Trim(p, "/"))
				}
			}
		}
	}
	s.underscore = true
	return s, cmp.Or(dir, "."), true
}

// Excluded reports whether the generator a site was made for leaves the
// file or folder at p (a slash path from the content folder) out of it:
// Jekyll's `exclude:` and names that start with "_". It is false for a
// site that site.yaml configures.
func (s *Site) Excluded(p string) bool {
	if len(s.exclude) == 0 && !s.underscore {
		return false
	}
	base := path.Base(p)
	match := func(patterns []string) bool {
		for _, x := range patterns {
			if x == p || strings.HasPrefix(p, x+"/") {
				return true
			}
			if ok, _ := path.Match(x, p); ok {
				return true
			}
			// A pattern without a folder (*.txt) matches at any depth, as
			// Ruby's fnmatch lets * match "/".
			if ok, _ := path.Match(x, base); ok && !strings.Contains(x, "/") && strings.ContainsAny(x, "*?[") {
				return true
			}
		}
		return false
	}
	if match(s.include) {
		return false
	}
	return s.underscore && strings.HasPrefix(base, "_") || match(s.exclude)
}

// jsString matches a key of Docusaurus' or VitePress' configuration and
// its value, a string literal: title: 'Acme', url: "https://…".
var jsString = regexp.MustCompile(`(?m)^\s*(title|url|baseUrl|base|description|input|data|pathPrefix|editUrl|pattern)\s*:\s*(?:'([^'\n]*)'|"([^"\n]*)"|` + "`([^`$\\n]*)`" + `)`)

// jsStrings returns the first value of each key jsString finds in src.
func jsStrings(src []byte) map[string]string {
	values := map[string]string{}
	for _, m := range jsString.FindAllSubmatch(src, -1) {
		if key := string(m[1]); values[key] == "" {
			values[key] = string(m[2]) + string(m[3]) + string(m[4])
		}
	}
	return values
}

// vitePressFiles are where VitePress keeps its configuration: in
// .vitepress/ of the folder of its pages, the root or docs/.
func vitePressFiles() []string {
	var files []string
	for _, dir := range []string{"", "docs/"} {
		for _, ext := range []string{"ts", "mts", "js", "mjs"} {
			files = append(files, dir+".vitepress/config."+ext)
		}
	}
	return files
}

// readVitePress reads a VitePress site's title, description, base (a
// path, as VitePress publishes a site under it) and editLink pattern (the
// repository) from its configuration,
// written as its template writes them; its pages are in the folder that
// holds .vitepress/.
func readVitePress(_ fs.FS, name string, src []byte) (*Site, string, bool) {
	v := jsStrings(src)
	s := &Site{Title: v["title"], Description: v["description"], BaseURL: joinBase("", v["base"])}
	dir := path.Dir(path.Dir(name))
	// editLink's pattern ends with :path, a page's path from the folder
	// of its pages.
	if prefix, ok := strings.CutSuffix(v["pattern"], ":path"); ok {
		s.repoFromEdit(prefix, dir)
	}
	return s, dir, true
}

// eleventyFiles are where an Eleventy site says what it is: its
// configuration, then its global data (the site's title and address, in
// _data/site.* or _data/metadata.*, as its starter projects keep them),
// in _data/ of the root or of src/.
func eleventyFiles() []string {
	files := []string{"eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", ".eleventy.js"}
	for _, dir := range []string{"_data/", "src/_data/"} {
		for _, name := range eleventyData {
			files = append(files, dir+name)
		}
	}
	return files
}

// eleventyData are the files of an Eleventy site's global data that hold
// its title and address, in the order read.
var eleventyData = []string{"site.json", "site.yaml", "site.yml", "site.js", "site.mjs",
	"metadata.json", "metadata.yaml", "metadata.yml", "metadata.js", "metadata.mjs"}

// eleventyExcludes are what Eleventy leaves out of its input folder: its
// own output, its layouts and data, and the packages of its build.
var eleventyExcludes = []string{"node_modules", "_site", "_includes", "_data"}

// readEleventy reads an Eleventy site: from its configuration, a
// JavaScript module, its input folder (dir.input, the root when unset),
// data folder (dir.data, in the input) and pathPrefix; from its global
// data, the title, description and address (url, or host). Without a
// configuration, the folder that holds src/_data/ is the input; _data/ at
// the root leaves the content folder to be found where the Markdown is.
func readEleventy(fsys fs.FS, name string, src []byte) (*Site, string, bool) {
	s := &Site{exclude: eleventyExcludes}
	input, prefix := "", ""
	var dataFiles []string
	config := strings.Contains(path.Base(name), "eleventy")
	if config {
		v := jsStrings(src)
		input = cmp.Or(strings.TrimPrefix(v["input"], "./"), ".")
		prefix = v["pathPrefix"]
		dir := path.Join(input, cmp.Or(v["data"], "_data"))
		if !LocalPath(dir) {
			return s, input, true
		}
		for _, f := range eleventyData {
			dataFiles = append(dataFiles, path.Join(dir, f))
		}
	} else {
		if dir := path.Dir(path.Dir(name)); dir != "." {
			input = dir
		}
		dataFiles = []string{name}
	}
	for _, f := range dataFiles {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			continue
		}
		var m map[string]any
		if ext := path.Ext(f); ext == ".js" || ext == ".mjs" {
			m = map[string]any{}
			for k, v := range jsStrings(data) {
				m[strings.ToLower(k)] = v
			}
		} else if m, _ = decodeMap(f, data); m == nil {
			if !config {
				return nil, "", false // not data this reads
			}
			continue
		}
		str := func(keys ...string) string {
			for _, k := range keys {
				if v, _ := m[k].(string); v != "" {
					return v
				}
			}
			return ""
		}
		s.Title, s.Description = str("title", "name"), str("description")
		s.BaseURL = joinBase(str("url", "host", "baseurl", "base_url", "siteurl"), prefix)
		break
	}
	if s.BaseURL == "" {
		s.BaseURL = joinBase("", prefix)
	}
	return s, input, true
}

// readDocusaurus reads a Docusaurus site's title, url, baseUrl and its
// docs' editUrl (the repository) from its configuration, a JavaScript module: the first value of each key written
// as a string literal at the start of a line, as Docusaurus' own template
// writes them (the site's come before its navbar's). Its docs are in
// docs/.
func readDocusaurus(_ fs.FS, _ string, src []byte) (*Site, string, bool) {
	v := jsStrings(src)
	s := &Site{Title: v["title"], BaseURL: joinBase(v["url"], v["baseUrl"])}
	// The docs' editUrl is the site's folder in its repository: a
	// page's path from the site follows it.
	s.repoFromEdit(v["editUrl"], "")
	return s, "docs", true
}

// joinBase is the base URL of a site published at host site (Jekyll's
// and Docusaurus' url) under the path base (their baseurl): "" when both
// are empty or base is "/" alone.
func joinBase(site, base string) string {
	base = strings.Trim(base, "/")
	if site == "" && base == "" {
		return ""
	}
	u := strings.TrimSuffix(site, "/") + "/" + base
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// readLog4brains reads a log4brains decision log's project name and its
// folder of records (adrFolder).
func readLog4brains(_ fs.FS, name string, src []byte) (*Site, string, bool) {
	m, ok := decodeMap(name, src)
	if !ok {
		return nil, "", false
	}
	project, ok := m["project"].(map[string]any)
	if !ok {
		return nil, "", false
	}
	s := logSite()
	s.Title, _ = project["name"].(string)
	dir, _ := project["adrFolder"].(string)
	return s, strings.TrimPrefix(dir, "./"), dir != ""
}

// logSite is the site of a decision log's tool: its folder, read as the
// content, holds decisions, whatever its name.
func logSite() *Site {
	s := &Site{Sections: DefaultSections()}
	s.Sections["."] = string(handbook.KindDecision)
	return s
}

// readADRDir reads adr-tools' .adr-dir: the folder of the log's records,
// alone on its line.
func readADRDir(_ fs.FS, _ string, src []byte) (*Site, string, bool) {
	dir := strings.TrimSpace(string(src))
	if dir == "" || strings.ContainsAny(dir, "\n\x00") {
		return nil, "", false
	}
	return logSite(), strings.TrimPrefix(dir, "./"), true
}

// decodeMap reads a TOML, YAML or JSON file (by its name) into a map, its
// keys in lower case.
func decodeMap(name string, src []byte) (map[string]any, bool) {
	m, err := metadecoders.Default.UnmarshalToMap(src, metadecoders.FormatFromString(name))
	if err != nil {
		return nil, false
	}
	return lowerKeys(m), true
}

// lowerKeys returns m with its keys in lower case: Hugo's keys are read
// in any case (baseURL, baseurl).
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

// TitleFrom names a site that has no title of its own (no site.yaml, nor
// another generator's file, gives one) after the first heading of its
// README, file: a repository's name for itself. A note says so.
func (s *Site) TitleFrom(title, file string) {
	if s.untitled && s.from != FileName && title != "" {
		s.Title, s.titleFrom, s.untitled = title, file, false
	}
}

// Foreign reports whether the site was made for another tool: its
// settings were read from another generator's configuration, or its whole
// folder is read for want of a site.yaml and a content folder. Its
// layouts/ and assets/ are then its own, not the theme's (see theme.Of).
func (s *Site) Foreign() bool { return s.guessNote != "" || s.from != "" && s.from != FileName }

// From is the file the site's settings were read from: site.yaml, another
// generator's configuration (hugo.toml, mkdocs.yml, book.toml…) when
// there is no site.yaml, or "" for the defaults.
func (s *Site) From() string { return s.from }

// Generator names the generator whose configuration the settings were
// read from (Hugo, MkDocs…); "" when they come from site.yaml or are the
// defaults.
func (s *Site) Generator() string { return s.fromName }

// SettingsNote is the line a build prints once when there is no
// site.yaml: which other generator's configuration the settings were
// read from, and whether the whole folder is read as the content; "" when
// there is a site.yaml or nothing to say.
func (s *Site) SettingsNote() string {
	tail := ""
	if s.titleFrom != "" {
		tail = fmt.Sprintf("; the title (%s) is the first heading of %s", s.Title, s.titleFrom)
	}
	if s.origin != "" {
		tail += "; " + s.origin
	}
	if s.from == "" || s.from == FileName {
		switch {
		case s.guessNote != "":
			return fmt.Sprintf("no %s and no content/ folder: %s%s", FileName, s.guessNote, tail)
		case tail != "":
			return fmt.Sprintf("no %s%s; a site.yaml sets handbook's own", FileName, tail)
		}
		return ""
	}
	read := "nothing handbook uses is"
	if n := len(s.fromRead); n == 1 {
		read = s.fromRead[0] + " is"
	} else if n > 1 {
		read = strings.Join(s.fromRead[:n-1], ", ") + " and " + s.fromRead[n-1] + " are"
	}
	missing := ""
	if s.fromDir != "" && s.fromDir != s.ContentDir {
		missing = fmt.Sprintf(" (the %s/ it names as the content folder does not exist)", s.fromDir)
	}
	note := fmt.Sprintf("no %s: %s read from the %s configuration %s%s; a site.yaml sets handbook's own",
		FileName, read, s.fromName, s.from, missing)
	if s.guessNote != "" {
		note += "; there is no content/ folder either: " + s.guessNote
	}
	return note + tail
}

// Nav is the navigation another generator's configuration lays out: the
// order of its pages and the titles it shows for them and for folders.
type Nav struct {
	// Pages holds each page the navigation lists, by its path in the
	// content folder.
	Pages map[string]NavPage
	// Folders holds the title of a group of the navigation whose pages
	// are all in one folder, by that folder's path.
	Folders map[string]string
	// File is the navigation's own file in the content folder (mdBook's
	// SUMMARY.md), which is not a page; "" when it is kept elsewhere.
	File string
	// FolderWeights orders folders among their siblings as weight does
	// pages (Docusaurus' _category_ position), by folder path.
	FolderWeights map[string]int
}

// AddCategory reads a folder's description for Docusaurus' sidebar
// (_category_.json or .yml, named name) into the navigation: its label
// names the folder, and its position, a whole number, orders it among
// its siblings. ok is false when the file cannot be read.
func (n *Nav) AddCategory(dir, name string, src []byte) (ok bool) {
	m, ok := decodeMap(name, src)
	if !ok {
		return false
	}
	if label, _ := m["label"].(string); label != "" {
		if n.Folders == nil {
			n.Folders = map[string]string{}
		}
		n.Folders[dir] = label
	}
	var pos int
	switch v := m["position"].(type) {
	case int:
		pos = v
	case int64:
		pos = int(v)
	case uint64:
		pos = int(v)
	case float64:
		if v == float64(int(v)) {
			pos = int(v)
		}
	}
	if pos != 0 {
		if n.FolderWeights == nil {
			n.FolderWeights = map[string]int{}
		}
		n.FolderWeights[dir] = pos
	}
	return true
}

// NavPage is a page's place in a Nav.
type NavPage struct {
	Pos   int    // from 1, in the order the navigation lists its pages
	Title string // the title the navigation shows, "" for the page's own
}

// read adds the entries of one level of MkDocs' nav (a list of "page.md",
// "Title: page.md" and "Title: [entries]"), titled title, and returns the
// deepest folder holding all its pages ("." at the top, "" for none).
// A titled level names that folder. Links to other sites are not pages.
func (n *Nav) read(seq *yaml.Node, title string) string {
	folder := ""
	add := func(dir string) {
		if folder == "" {
			folder = dir
			return
		}
		for folder != "." && dir != folder && !strings.HasPrefix(dir, folder+"/") {
			folder = path.Dir(folder)
		}
	}
	for _, item := range seq.Content {
		t, v := "", item
		if item.Kind == yaml.MappingNode && len(item.Content) == 2 {
			t, v = item.Content[0].Value, item.Content[1]
		}
		switch v.Kind {
		case yaml.ScalarNode:
			p := path.Clean(strings.TrimPrefix(v.Value, "./"))
			if strings.Contains(v.Value, "://") || !LocalPath(p) || !strings.HasSuffix(strings.ToLower(p), ".md") {
				continue
			}
			if _, seen := n.Pages[p]; !seen {
				n.Pages[p] = NavPage{Pos: len(n.Pages) + 1, Title: t}
			}
			add(path.Dir(p))
		case yaml.SequenceNode:
			if dir := n.read(v, t); dir != "" {
				add(dir)
			}
		}
	}
	if title != "" && folder != "" && folder != "." {
		if _, named := n.Folders[folder]; !named {
			n.Folders[folder] = title
		}
	}
	return folder
}

// summaryLink is a chapter of mdBook's SUMMARY.md: "[Title](path.md)",
// alone on its line or as a list item.
var summaryLink = regexp.MustCompile(`^\s*(?:[-*+]\s+)?\[((?:[^\]\\]|\\.)*)\]\(([^)\s]*)\)\s*$`)

// readSummary reads mdBook's SUMMARY.md in the content folder: its
// chapters, in order, with their titles. It is the book's table of
// contents, not a page (Nav.File).
func readSummary(fsys fs.FS, dir string) *Nav {
	file := "SUMMARY.md"
	src, err := fs.ReadFile(fsys, path.Join(dir, file))
	if err != nil {
		return nil
	}
	n := &Nav{Pages: map[string]NavPage{}, Folders: map[string]string{}, File: file}
	for _, line := range strings.Split(string(src), "\n") {
		m := summaryLink.FindStringSubmatch(strings.TrimRight(line, "\r"))
		if m == nil || m[2] == "" {
			continue // a part's title, a rule, or a draft chapter
		}
		dest, _ := url.PathUnescape(strings.TrimPrefix(m[2], "./"))
		p := path.Clean(dest)
		if !LocalPath(p) || !strings.HasSuffix(strings.ToLower(p), ".md") {
			continue
		}
		if _, seen := n.Pages[p]; !seen {
			title := strings.NewReplacer(`\[`, "[", `\]`, "]", `\\`, `\`).Replace(m[1])
			n.Pages[p] = NavPage{Pos: len(n.Pages) + 1, Title: title}
		}
	}
	if len(n.Pages) == 0 {
		return nil
	}
	return n
}
