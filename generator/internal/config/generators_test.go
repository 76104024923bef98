package config

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// TestGeneratorConfiguration: without site.yaml, a Hugo site's
// configuration gives the title, base URL, params and content folder (the
// default language's over the site's), in any of Hugo's formats and key
// cases, and so do MkDocs' and mdBook's; site.yaml wins over them, and a
// config file of something else, a content folder that does not exist or
// leaves the handbook, are not read.
func TestGeneratorConfiguration(t *testing.T) {
	dir := &fstest.MapFile{Mode: fs.ModeDir | 0o755}
	for _, c := range []struct {
		name                        string
		fsys                        fstest.MapFS
		title, base, content, param string
		from                        string
	}{
		{"toml", fstest.MapFS{"hugo.toml": {Data: []byte("baseURL = 'https://docs.example.com/eng/'\ntitle = 'Acme'\ncontentDir = 'docs'\n[params]\nrepo = 'r'\n")}, "docs": dir},
			"Acme", "https://docs.example.com/eng/", "docs", "r", "hugo.toml"},
		{"docsy yaml", fstest.MapFS{"hugo.yaml": {Data: []byte("baseurl: https://x.example\ntitle: Goldy\ncontentDir: content/en\ndefaultContentLanguage: en\nparams:\n  repo: site\n  other: kept\nlanguages:\n  en:\n    title: Goldydocs\n    contentDir: content/en\n    params:\n      repo: en\n  fa:\n    contentDir: content/fa\n")}, "config.yaml": {Data: []byte("module: {}\n")}, "content/en": dir},
			"Goldy", "https://x.example", "content/en", "en", "hugo.yaml"},
		{"language title", fstest.MapFS{"config.json": {Data: []byte(`{"languages": {"de": {"title": "Handbuch", "contentDir": "inhalt"}}, "defaultContentLanguage": "de"}`)}, "inhalt": dir},
			"Handbuch", "", "inhalt", "", "config.json"},
		{"not hugo", fstest.MapFS{"config.yaml": {Data: []byte("title: An app\nport: 8080\n")}},
			"Handbook", "", "content", "", ""},
		{"site.yaml wins", fstest.MapFS{"site.yaml": {Data: []byte("title: Ours\n")}, "hugo.toml": {Data: []byte("title = 'Theirs'\ncontentDir = 'docs'\n")}, "docs": dir},
			"Ours", "", "content", "", "site.yaml"},
		{"missing folder", fstest.MapFS{"hugo.toml": {Data: []byte("title = 'T'\ncontentDir = 'nowhere'\n")}},
			"T", "", "content", "", "hugo.toml"},
		{"outside", fstest.MapFS{"hugo.toml": {Data: []byte("title = 'T'\ncontentDir = '../../etc'\n")}},
			"T", "", "content", "", "hugo.toml"},
		{"unreadable", fstest.MapFS{"hugo.toml": {Data: []byte("title = \n")}},
			"Handbook", "", "content", "", ""},
		{"mkdocs", fstest.MapFS{"mkdocs.yml": {Data: []byte("site_name: Platform\nsite_url: https://eng.example.com/hb/\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\nextra:\n  repo: m\n")}, "docs": dir},
			"Platform", "https://eng.example.com/hb/", "docs", "m", "mkdocs.yml"},
		{"mkdocs docs_dir", fstest.MapFS{"mkdocs.yaml": {Data: []byte("site_name: P\ndocs_dir: handbook\n")}, "handbook": dir, "docs": dir},
			"P", "", "handbook", "", "mkdocs.yaml"},
		{"mdbook", fstest.MapFS{"book.toml": {Data: []byte("[book]\ntitle = \"The Book\"\n\n[output.html]\nsite-url = \"/rfcs/\"\n")}, "src": dir},
			"The Book", "/rfcs/", "src", "", "book.toml"},
		{"mdbook src", fstest.MapFS{"book.toml": {Data: []byte("[book]\ntitle = \"B\"\nsrc = \"text\"\n")}, "text": dir},
			"B", "", "text", "", "book.toml"},
		{"bad url", fstest.MapFS{"hugo.toml": {Data: []byte("title = 'T'\nbaseURL = 'http://[::1'\n")}},
			"T", "", "content", "", "hugo.toml"},
		{"not mdbook", fstest.MapFS{"book.toml": {Data: []byte("[package]\nname = \"x\"\n")}, "src": dir},
			"Handbook", "", "content", "", ""},
		{"jekyll baseurl", fstest.MapFS{"_config.yml": {Data: []byte("title: J\nbaseurl: /hb\n")}},
			"J", "/hb/", ".", "", "_config.yml"},
		{"jekyll url", fstest.MapFS{"_config.yml": {Data: []byte("title: J\nurl: https://j.example.com/\n")}},
			"J", "https://j.example.com/", ".", "", "_config.yml"},
		{"jekyll source", fstest.MapFS{"_config.yml": {Data: []byte("title: J\nsource: site\n")}, "site": dir},
			"J", "", "site", "", "_config.yml"},
		{"docusaurus", fstest.MapFS{"docusaurus.config.js": {Data: []byte("// @ts-check\nconst config = {\n  title: 'Acme Engineering',\n  tagline: 'How we build',\n  url: 'https://eng.acme.example',\n  baseUrl: \"/handbook/\",\n  themeConfig: {\n    navbar: {\n      title: 'My Site',\n    },\n  },\n};\nmodule.exports = config;\n")}, "docs": dir},
			"Acme Engineering", "https://eng.acme.example/handbook/", "docs", "", "docusaurus.config.js"},
		{"docusaurus ts, no docs", fstest.MapFS{"docusaurus.config.ts": {Data: []byte("export default {\n  title: `Ops`,\n  baseUrl: '/',\n} satisfies Config;\n")}},
			"Ops", "", "content", "", "docusaurus.config.ts"},
		{"log4brains", fstest.MapFS{".log4brains.yml": {Data: []byte("---\nproject:\n  name: Log\n  tz: Europe/Paris\n  adrFolder: ./docs/adr\n  packages:\n    - name: core\n      adrFolder: ./packages/core/docs/adr\n")}, "docs/adr": dir},
			"Log", "", "docs/adr", "", ".log4brains.yml"},
		{"adr-tools", fstest.MapFS{".adr-dir": {Data: []byte("architecture/decisions\n")}, "architecture/decisions": dir},
			"Handbook", "", "architecture/decisions", "", ".adr-dir"},
		{"adr-dir outside", fstest.MapFS{".adr-dir": {Data: []byte("../../etc\n")}},
			"Handbook", "", "content", "", ".adr-dir"},
		{"gitbook", fstest.MapFS{".gitbook.yaml": {Data: []byte("root: ./docs/\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\n")}, "docs": dir},
			"Handbook", "", "docs", "", ".gitbook.yaml"},
		{"gitbook at the root", fstest.MapFS{".gitbook.yaml": {Data: []byte("redirects:\n  old: new.md\n")}},
			"Handbook", "", ".", "", ".gitbook.yaml"},
		{"vitepress in docs", fstest.MapFS{"docs/.vitepress/config.mts": {Data: []byte("import { defineConfig } from 'vitepress'\n\nexport default defineConfig({\n  title: \"Acme Docs\",\n  description: 'How we build',\n  base: '/acme/',\n  themeConfig: {\n    nav: [{ text: 'Home', link: '/' }],\n  }\n})\n")}, "docs": dir},
			"Acme Docs", "/acme/", "docs", "", "docs/.vitepress/config.mts"},
		{"vitepress at the root", fstest.MapFS{".vitepress/config.js": {Data: []byte("export default {\n  title: `Ops`,\n}\n")}},
			"Ops", "", ".", "", ".vitepress/config.js"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l diag.List
			s := Load(c.fsys, &l)
			param, _ := s.Params["repo"].(string)
			if s.Title != c.title || s.BaseURL != c.base || s.ContentDir != c.content || param != c.param || s.From() != c.from {
				t.Errorf("title %q, base %q, content %q, param %q, from %q\nwant %q, %q, %q, %q, %q", s.Title, s.BaseURL, s.ContentDir, param, s.From(), c.title, c.base, c.content, c.param, c.from)
			}
			if l.Len() != 0 {
				t.Errorf("diagnostics: %v", l.All())
			}
			note := s.SettingsNote()
			if other := c.from != "" && c.from != FileName; other != (note != "") || other && !strings.Contains(note, c.from) {
				t.Errorf("note %q for settings from %q", note, c.from)
			}
			// The note names what was read, and nothing that was not.
			if c.from != "" && c.from != FileName {
				if strings.Contains(note, "the content folder (") != (c.content != "content") || (c.title != "Handbook") != strings.Contains(note, "title") || strings.Contains(note, "base URL") != (c.base != "") {
					t.Errorf("note %q: title %q, base %q, content %q", note, c.title, c.base, c.content)
				}
			}
		})
	}
}

// TestSettingsNotesSayWhatWasRead: the notes of a site read from another
// generator's file say where a missing folder and a base URL without a
// host came from, not site.yaml, which does not exist.
func TestSettingsNotesSayWhatWasRead(t *testing.T) {
	var l diag.List
	s := Load(fstest.MapFS{"book.toml": {Data: []byte("[book]\ntitle = \"RFCs\"\n[output.html]\nsite-url = \"/rfcs/\"\n")}}, &l)
	if got, want := s.SettingsNote(), "no site.yaml: the title (RFCs) and the base URL (/rfcs/) are read from the mdBook configuration book.toml (the src/ it names as the content folder does not exist); a site.yaml sets handbook's own"; got != want {
		t.Errorf("generator note\n%s\nwant\n%s", got, want)
	}
	if got := s.NoHostNote(); !strings.HasPrefix(got, `book.toml: the base URL "/rfcs/" names no host, so`) {
		t.Errorf("no-host note %q", got)
	}
	s = Load(fstest.MapFS{"doc/a.md": {Data: []byte("# A\n")}}, &l)
	if got := s.NoHostNote(); !strings.HasPrefix(got, "no base_url (there is no site.yaml), so") {
		t.Errorf("no-host note without site.yaml: %q", got)
	}
}

// TestMkDocsNav: MkDocs' nav gives each page it lists a place, in order,
// and its title; a titled group names the deepest folder holding all its
// pages, unless that is the top; links to other sites, paths that leave
// the folder and files that are not Markdown are not pages.
func TestMkDocsNav(t *testing.T) {
	var l diag.List
	s := Load(fstest.MapFS{"mkdocs.yml": {Data: []byte(`site_name: P
nav:
  - index.md
  - Guides:
      - ./guides/a.md
      - B: guides/deep/b.md
  - Mixed:
      - ops/x.md
      - guides/c.md
  - Blog: https://blog.example.com/
  - Up: ../secret.md
  - Logo: img/logo.png
  - guides/a.md
`)}}, &l)
	if s.Nav == nil {
		t.Fatal("no nav read")
	}
	want := map[string]NavPage{"index.md": {1, ""}, "guides/a.md": {2, ""}, "guides/deep/b.md": {3, "B"}, "ops/x.md": {4, ""}, "guides/c.md": {5, ""}}
	if len(s.Nav.Pages) != len(want) {
		t.Errorf("pages %v, want %v", s.Nav.Pages, want)
	}
	for p, w := range want {
		if s.Nav.Pages[p] != w {
			t.Errorf("%s: %v, want %v", p, s.Nav.Pages[p], w)
		}
	}
	if len(s.Nav.Folders) != 1 || s.Nav.Folders["guides"] != "Guides" {
		t.Errorf("folders %v, want guides: Guides alone", s.Nav.Folders)
	}
}

// TestJekyllExcluded: what a Jekyll site leaves out, as Jekyll reads its
// exclude: and include: lists: a path from the root and what is under
// it, a pattern without a folder at any depth, names starting with "_"
// anywhere unless included; a site.yaml site leaves nothing out.
func TestJekyllExcluded(t *testing.T) {
	var l diag.List
	s := Load(fstest.MapFS{"_config.yml": {Data: []byte("exclude: [README.md, docs/internal, \"*.txt\"]\ninclude: [_headers]\n")}}, &l)
	for p, want := range map[string]bool{
		"README.md": true, "guide/README.md": false, "docs/internal": true, "docs/internal/a.md": true,
		"notes.txt": true, "a/b/notes.txt": true, "_layouts": true, "a/_drafts": true, "_headers": false,
		"Gemfile": true, "vendor/bundle": true, "vendor/other": false, "docs/a.md": false,
	} {
		if got := s.Excluded(p); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", p, got, want)
		}
	}
	if Load(fstest.MapFS{"site.yaml": {Data: []byte("title: T\n")}}, &l).Excluded("_layouts") {
		t.Error("a site.yaml site leaves out _layouts")
	}
}

// TestDecisionLogsHoldDecisions: the folder a decision log's tool names
// (adr-tools' .adr-dir, log4brains' adrFolder) holds decisions whatever
// its name, its subfolders too; a site's own sections key "." means the
// same.
func TestDecisionLogsHoldDecisions(t *testing.T) {
	dir := &fstest.MapFile{Mode: fs.ModeDir}
	for name, fsys := range map[string]fstest.MapFS{
		"adr-tools":  {".adr-dir": {Data: []byte("doc/architecture\n")}, "doc/architecture": dir},
		"log4brains": {".log4brains.yml": {Data: []byte("project:\n  name: Log\n  adrFolder: ./docs/records\n")}, "docs/records": dir},
		"site.yaml":  {"site.yaml": {Data: []byte("content_dir: records\nsections:\n  .: decision\n  notes: page\n")}, "records": dir},
	} {
		s := Load(fsys, &diag.List{})
		if s.KindOf("") != handbook.KindDecision || s.KindOf("old/2019") != handbook.KindDecision {
			t.Errorf("%s: the log's folder holds %s, its subfolders %s; want decisions", name, s.KindOf(""), s.KindOf("old/2019"))
		}
		if name == "site.yaml" && s.KindOf("notes") != handbook.KindPage {
			t.Errorf("a deeper section does not win over .: notes/ holds %s", s.KindOf("notes"))
		}
	}
	if s := Load(fstest.MapFS{"hugo.toml": {Data: []byte("baseURL = 'https://x/'\n")}}, &diag.List{}); s.KindOf("") != handbook.KindPage {
		t.Errorf("another generator's site holds %s at its root, want pages", s.KindOf(""))
	}
}

// TestEleventy: an Eleventy site is read from its configuration (its
// input and data folders, its path prefix) and its global data (title,
// description, address); without a configuration, its _data/ alone
// names the site, and src/_data/ makes src/ the content.
func TestEleventy(t *testing.T) {
	dir := &fstest.MapFile{Mode: fs.ModeDir | 0o755}
	for _, c := range []struct {
		name                       string
		fsys                       fstest.MapFS
		title, desc, base, content string
		from                       string
	}{
		{"config and data", fstest.MapFS{
			".eleventy.js":    {Data: []byte("module.exports = function (config) {\n  return {\n    pathPrefix: \"/hb/\",\n    dir: {\n      input: \"pages\",\n      includes: \"../_includes\",\n      data: \"../_data\",\n    },\n  };\n};\n")},
			"_data/site.yaml": {Data: []byte("title: TTS Handbook\ndescription: How we work\nhost: https://handbook.example.gov\n")},
			"pages/index.md":  {Data: []byte("# Home\n")},
			"pages":           dir,
		}, "TTS Handbook", "How we work", "https://handbook.example.gov/hb/", "pages", ".eleventy.js"},
		{"data alone", fstest.MapFS{
			"_data/site.yaml": {Data: []byte("title: TTS Handbook\nhost: https://handbook.example.gov\n")},
		}, "TTS Handbook", "", "https://handbook.example.gov/", "content", "_data/site.yaml"},
		{"metadata module in src", fstest.MapFS{
			"src/_data/metadata.js": {Data: []byte("export default {\n\ttitle: \"Team Notes\",\n\turl: \"https://notes.example.com/\",\n\tlanguage: \"en\",\n}\n")},
			"src":                   dir,
		}, "Team Notes", "", "https://notes.example.com/", "src", "src/_data/metadata.js"},
		{"default input", fstest.MapFS{
			"eleventy.config.mjs": {Data: []byte("export default function (cfg) {}\n")},
			"_data/metadata.json": {Data: []byte(`{"title": "Root", "url": "https://r.example/"}`)},
		}, "Root", "", "https://r.example/", ".", "eleventy.config.mjs"},
		{"data outside", fstest.MapFS{
			".eleventy.js": {Data: []byte("module.exports = () => ({ dir: {\n  data: \"../../etc\",\n} })\n")},
		}, "Handbook", "", "", ".", ".eleventy.js"},
		{"unreadable data", fstest.MapFS{
			"_data/site.json": {Data: []byte("{title")},
		}, "Handbook", "", "", "content", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l diag.List
			s := Load(c.fsys, &l)
			if s.Title != c.title || s.Description != c.desc || s.BaseURL != c.base || s.ContentDir != c.content || s.From() != c.from {
				t.Errorf("title %q, description %q, base %q, content %q, from %q\nwant %q, %q, %q, %q, %q", s.Title, s.Description, s.BaseURL, s.ContentDir, s.From(), c.title, c.desc, c.base, c.content, c.from)
			}
			if c.content == "." && (!s.Excluded("_includes") || !s.Excluded("node_modules") || s.Excluded("guide.md")) {
				t.Errorf("Eleventy's own folders are not left out of the content, or a page is")
			}
		})
	}
}

// TestDocsyRepository: a Docsy site's github_repo, github_branch and
// github_subdir give its pages' edit and history links, as Docsy's own
// do; a repository that is no http(s) address gives none.
func TestDocsyRepository(t *testing.T) {
	fsys := fstest.MapFS{"hugo.yaml": {Data: []byte("baseURL: https://docs.example.com/\ntitle: T\nparams:\n  github_repo: https://github.com/acme/site\n  github_branch: trunk\n  github_subdir: userguide\n")}}
	s := Load(fsys, &diag.List{})
	if got, want := s.EditLink("content/en/a b.md"), "https://github.com/acme/site/edit/trunk/userguide/content/en/a%20b.md"; got != want {
		t.Errorf("EditLink = %q, want %q", got, want)
	}
	if got, want := s.HistoryLink("content/a.md"), "https://github.com/acme/site/commits/trunk/userguide/content/a.md"; got != want {
		t.Errorf("HistoryLink = %q, want %q", got, want)
	}
	if note := s.SettingsNote(); !strings.Contains(note, "the repository (https://github.com/acme/site)") {
		t.Errorf("the note does not say the repository was read: %s", note)
	}
	bad := Load(fstest.MapFS{"hugo.yaml": {Data: []byte("baseURL: https://docs.example.com/\ntitle: T\nparams:\n  github_repo: git@github.com:acme/site.git\n")}}, &diag.List{})
	if got := bad.EditLink("content/a.md"); got != "" || strings.Contains(bad.SettingsNote(), "repository") {
		t.Errorf("an ssh address gives %q, note %q", got, bad.SettingsNote())
	}
}

// TestEditAddressesOfOtherGenerators: MkDocs' repo_url and edit_uri,
// Docusaurus' editUrl, VitePress' editLink pattern and mdBook's
// edit-url-template give the
// repository, its branch and the site's folder in it, so that every page
// links to its file; an address of no forge's form gives no link.
func TestEditAddressesOfOtherGenerators(t *testing.T) {
	dir := &fstest.MapFile{Mode: fs.ModeDir | 0o755}
	for _, c := range []struct {
		name   string
		fsys   fstest.MapFS
		source string // a page's file from the site's root
		edit   string
	}{
		{"mkdocs", fstest.MapFS{"mkdocs.yml": {Data: []byte("site_name: M\nrepo_url: https://github.com/acme/tools/\nedit_uri: edit/trunk/handbook/docs/\n")}, "docs": dir},
			"docs/guide/a.md", "https://github.com/acme/tools/edit/trunk/handbook/docs/guide/a.md"},
		{"mkdocs gitlab", fstest.MapFS{"mkdocs.yml": {Data: []byte("site_name: M\ndocs_dir: pages\nrepo_url: https://gitlab.example.com/acme/tools\nedit_uri: -/edit/main/pages/\n")}, "pages": dir},
			"pages/a.md", "https://gitlab.example.com/acme/tools/-/edit/main/pages/a.md"},
		{"docusaurus", fstest.MapFS{"docusaurus.config.js": {Data: []byte("module.exports = {\n  title: 'D',\n  url: 'https://d.example',\n  presets: [['classic', {docs: {\n          editUrl: 'https://github.com/acme/site/tree/main/website/',\n  }}]],\n};\n")}, "docs": dir},
			"docs/intro.md", "https://github.com/acme/site/edit/main/website/docs/intro.md"},
		{"vitepress", fstest.MapFS{"docs/.vitepress/config.mts": {Data: []byte("export default {\n  title: 'V',\n  themeConfig: {\n    editLink: {\n      pattern: 'https://github.com/acme/v/edit/dev/docs/:path'\n    }\n  }\n}\n")}, "docs": dir},
			"docs/guide/b.md", "https://github.com/acme/v/edit/dev/docs/guide/b.md"},
		{"mdbook", fstest.MapFS{"book.toml": {Data: []byte("[book]\ntitle = \"B\"\n\n[output.html]\ngit-repository-url = \"https://github.com/acme/b\"\nedit-url-template = \"https://github.com/acme/b/edit/master/guide/{path}\"\n")}, "src": dir},
			"src/intro.md", "https://github.com/acme/b/edit/master/guide/src/intro.md"},
		{"mdbook of no forge", fstest.MapFS{"book.toml": {Data: []byte("[book]\ntitle = \"B\"\n\n[output.html]\nedit-url-template = \"https://wiki.example.com/edit?file={path}\"\n")}, "src": dir},
			"src/intro.md", ""},
		{"mkdocs without edit_uri", fstest.MapFS{"mkdocs.yml": {Data: []byte("site_name: M\nrepo_url: https://github.com/acme/tools\n")}, "docs": dir},
			"docs/a.md", ""},
		{"vitepress of no forge", fstest.MapFS{".vitepress/config.js": {Data: []byte("export default {\n  title: 'V',\n  themeConfig: { editLink: {\n    pattern: 'https://wiki.example.com/?edit=:path'\n  } }\n}\n")}},
			"a.md", ""},
	} {
		s := Load(c.fsys, &diag.List{})
		if got := s.EditLink(c.source); got != c.edit {
			t.Errorf("%s: EditLink(%q) = %q, want %q", c.name, c.source, got, c.edit)
		}
	}
}
