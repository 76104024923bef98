// Package config reads site.yaml, the configuration of a handbook, or
// without it the title, base URL and content folder of another
// generator's configuration (Hugo, MkDocs, mdBook).
//
// Input: the site root as an fs.FS. Output: a *Site with defaults filled in,
// and diagnostics. Decoding is strict: an unknown or misspelt key is an error
// at its `site.yaml:line:col` with a "did you mean" hint, and every such
// error of the file is reported. A missing site.yaml is not an error: a
// directory holding only content/ builds with the defaults.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/lint"
)

// FileName is the configuration file at the site root.
const FileName = "site.yaml"

// Site is the decoded site.yaml.
type Site struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	// BaseURL is where the site is published, e.g. "https://handbook.example.com/eng/".
	// Only its path matters to the output; "" or "/" publishes at the root.
	BaseURL  string `yaml:"base_url"`
	Language string `yaml:"language"`
	// ContentDir is the folder of Markdown documents, relative to the site root.
	ContentDir string `yaml:"content_dir"`
	// Sections maps a content folder to the kind of its documents: a key
	// is a folder's path ("decisions", "teams/payments/adr"), which takes
	// the folders below it too, or a pattern of one (see KindOf).
	Sections map[string]string `yaml:"sections"`
	// Menus are named lists of links; the theme shows "main" in the header.
	Menus map[string][]MenuItem `yaml:"menus"`
	// ReadingPaths are ordered walks through the handbook.
	ReadingPaths []ReadingPath `yaml:"reading_paths"`
	// Redirects keep old addresses working: each key, the site path (or
	// content path) where a page used to be, leads to the document its
	// value names (a content path, id or site path), as an alias of it.
	Redirects map[string]string `yaml:"redirects"`
	// RedirectList is Redirects in the order written, with their places;
	// another generator's redirects (GitBook's, MkDocs' redirect_maps)
	// when it is read without site.yaml.
	RedirectList []Redirect `yaml:"-"`
	// ReviewEvery is how long a document stays fresh after it was reviewed:
	// "180d", "26w", "6m" or "1y". "" turns staleness off.
	ReviewEvery string `yaml:"review_every"`
	// RawHTML is what becomes of raw HTML in Markdown: RawHTMLSafe (the
	// default) keeps what a sanitiser lets through, RawHTMLAll trusts it,
	// RawHTMLNone drops it. true and false, its values before the modes,
	// read as all and none.
	RawHTML RawHTML `yaml:"raw_html"`
	// BrokenLinks is "error" (default) or "warning": how a link that
	// resolves to nothing is reported.
	BrokenLinks string `yaml:"broken_links"`
	// Lints sets the severity of the writing habits package lint checks,
	// by rule name: "off", "warning" or "error".
	Lints map[string]string `yaml:"lints"`
	// Footer is a line of text shown at the bottom of every page.
	Footer string `yaml:"footer"`
	// Logo is a picture shown in the header beside the title: the path of
	// a file in the handbook, from its root ("static/logo.svg").
	Logo string `yaml:"logo"`
	// Favicon is the site's icon, the path of a file in the handbook; the
	// theme's own when empty.
	Favicon string `yaml:"favicon"`
	// Params are free values passed to templates as .Site.Params.
	Params map[string]any `yaml:"params"`

	// RepoURL is the web address of the repository holding the handbook
	// ("https://github.com/acme/handbook"): every document links to its
	// editor and its history there, in the form its forge uses.
	RepoURL string `yaml:"repo_url"`
	// RepoBranch is the branch the links name ("main" by default).
	RepoBranch string `yaml:"repo_branch"`
	// RepoPath is the handbook's folder in the repository, "" for its top.
	RepoPath string `yaml:"repo_path"`
	// EditURL and HistoryURL override the forms of the links with
	// patterns in which {branch} and {path} are replaced.
	EditURL    string `yaml:"edit_url"`
	HistoryURL string `yaml:"history_url"`

	// ReviewByKind and ReviewBySection set the review period of a kind or
	// of a top-level section ("decision: 2y", "onboarding: 90d"); a
	// document's own `review_every:` overrides both.
	ReviewByKind    map[string]string `yaml:"review_by_kind"`
	ReviewBySection map[string]string `yaml:"review_by_section"`
	// ProposedMaxAge is how long a decision may stay proposed before the
	// health report lists it as stuck ("60d" by default).
	ProposedMaxAge string `yaml:"proposed_max_age"`

	// Nav is the order and titles another generator's navigation gives
	// the pages (MkDocs' nav), by content path; nil when there is none.
	Nav *Nav `yaml:"-"`

	// ReviewDays is ReviewEvery in days (0: off).
	ReviewDays int `yaml:"-"`
	// ReviewKindDays and ReviewSectionDays are ReviewByKind and
	// ReviewBySection in days.
	ReviewKindDays, ReviewSectionDays map[string]int `yaml:"-"`
	// ProposedDays is ProposedMaxAge in days.
	ProposedDays int `yaml:"-"`
	// BasePath is the path of BaseURL, always ending in "/".
	BasePath string `yaml:"-"`
	// PublishedPath is the BasePath the site's own settings give, kept
	// when a run sets another base URL (serve's, at the root).
	PublishedPath string `yaml:"-"`
	// editPattern, historyPattern and treePattern are the links of
	// EditLink, HistoryLink and TreeLink, before their placeholders are
	// filled ("": none).
	editPattern, historyPattern, treePattern string
	// filePos holds the positions of logo and favicon in site.yaml.
	filePos map[string][2]int
	// languagePos is where language's value is written (0, 0: nowhere).
	languagePos [2]int
	// from is the file the settings were read from (see From), fromName
	// the generator it belongs to when it is not site.yaml.
	from, fromName string
	// fromRead names what was read from that generator's file, for
	// SettingsNote; fromDir is the content folder the file names, read
	// only when it exists.
	fromRead []string
	fromDir  string
	// exclude and include are the paths and patterns another generator
	// leaves out of the site and keeps in it (see Excluded); underscore
	// leaves out names that start with "_" (Jekyll's rule).
	exclude, include []string
	underscore       bool
	// guessNote says which content folder was chosen for a site with
	// neither a site.yaml nor a content folder (see Place); "" when none
	// was.
	guessNote string
	// untitled is true when neither site.yaml nor another generator's
	// file gives the title; titleFrom is the README whose first heading
	// gave it then (see TitleFrom).
	untitled  bool
	titleFrom string
	// Glossaries are the files whose abbreviations every page takes, by
	// their paths from the site root: the files MkDocs' snippets append
	// to every page (pymdownx.snippets' auto_append), as MkDocs' glossary
	// of abbreviations is kept.
	Glossaries []string `yaml:"-"`
	// origin names the repository taken from git's origin (SetOrigin),
	// for SettingsNote; "" when none was. namedRepo is the repository
	// another generator's configuration names without the branch its
	// links need (MkDocs' repo_url without edit_uri), which SetOrigin
	// takes with git's branch.
	origin, namedRepo string
}

// LanguagePos is the line and column of language's value in site.yaml,
// where a language the theme has no strings for is reported; 0, 0 when
// site.yaml does not set it.
func (s *Site) LanguagePos() (line, col int) { return s.languagePos[0], s.languagePos[1] }

// RawHTML is a mode of raw_html: what becomes of the HTML written in a
// Markdown body.
type RawHTML string

// The modes of raw_html.
const (
	// RawHTMLSafe keeps the raw HTML a sanitiser lets through: text and
	// layout elements, links and images to safe URLs; scripts, styles,
	// frames, forms, event handlers and unsafe URLs are dropped.
	RawHTMLSafe RawHTML = "safe"
	// RawHTMLAll passes raw HTML through as written.
	RawHTMLAll RawHTML = "all"
	// RawHTMLNone drops raw HTML.
	RawHTMLNone RawHTML = "none"
)

// rawHTMLModes names the modes of raw_html, in the order diagnostics
// list them.
var rawHTMLModes = []string{string(RawHTMLSafe), string(RawHTMLAll), string(RawHTMLNone)}

// MenuItem is one entry of a menu.
type MenuItem struct {
	Title string `yaml:"title"`
	// Link is a site path ("/strategies/"), a content path or id, or a URL.
	Link   string `yaml:"link"`
	Weight int    `yaml:"weight"`
}

// Redirect is an old address and the document it now leads to, as a
// file of settings names them.
type Redirect struct {
	From, To string
	// File is the file that names it; FromLine and FromCol the place
	// of From in it, ToLine and ToCol of To (0 when unknown).
	File                             string
	FromLine, FromCol, ToLine, ToCol int
}

// redirectList reads a mapping of redirects, in order, from file.
func redirectList(n *yaml.Node, file string) []Redirect {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out []Redirect
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode {
			out = append(out, Redirect{From: k.Value, To: v.Value, File: file, FromLine: k.Line, FromCol: k.Column, ToLine: v.Line, ToCol: v.Column})
		}
	}
	return out
}

// ReadingPath is an ordered list of documents to read.
type ReadingPath struct {
	ID      string `yaml:"id"`
	Title   string `yaml:"title"`
	Summary string `yaml:"summary"`
	// Steps are document ids or content paths.
	Steps []string `yaml:"steps"`
	// StepOffsets are byte offsets of each step in site.yaml.
	StepOffsets []int `yaml:"-"`
}

// Default returns the configuration of a site without site.yaml.
func Default() *Site {
	s := &Site{}
	s.fill()
	return s
}

// DefaultSections maps the conventional section folders to their kinds
// (the Folders of handbook.KindTable).
func DefaultSections() map[string]string {
	m := map[string]string{}
	for folder, k := range handbook.DefaultSections() {
		m[folder] = string(k)
	}
	return m
}

func (s *Site) fill() {
	if s.Title == "" {
		s.Title, s.untitled = "Handbook", true
	}
	if s.Language == "" {
		s.Language = "en"
	}
	if s.ContentDir == "" {
		s.ContentDir = "content"
	}
	if s.RawHTML == "" {
		s.RawHTML = RawHTMLSafe
	}
	if s.Sections == nil {
		s.Sections = DefaultSections()
	}
	s.SetBaseURL(s.BaseURL)
	s.PublishedPath = s.BasePath
}

// SetBaseURL sets BaseURL and the BasePath derived from it.
func (s *Site) SetBaseURL(base string) {
	s.BaseURL = base
	p := "/"
	if u, err := url.Parse(base); err == nil && u.Path != "" {
		p = u.Path
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	s.BasePath = p
}

// ReviewPeriod is the number of days a document stays fresh after its
// last review: its own `review_every` (own, "" when unset), else its
// top-level section's, else its kind's, else the site's; 0 means never
// due. The error is own's, when it is not a period.
func (s *Site) ReviewPeriod(kind handbook.Kind, section, own string) (int, error) {
	if own != "" {
		return ParseDays(own)
	}
	if d, ok := s.ReviewSectionDays[section]; ok {
		return d, nil
	}
	if d, ok := s.ReviewKindDays[string(kind)]; ok {
		return d, nil
	}
	return s.ReviewDays, nil
}

// KindOf returns the kind of the documents in a folder (a slash path from
// the content folder, "" for its root), or page. A key of Sections names
// a folder and everything below it ("decisions"), or is a pattern of
// folders: each segment as path.Match reads it ("handbook/*/decisions"),
// and "**" for any number of segments ("**/runbooks"). The nearest folder
// a key matches wins; between keys matching the same folder, a path wins
// over a pattern, then the first in byte order. A pattern starting with
// "**/" also matches the content folder's own name (content_dir: doc/adr
// holds decision records by convention).
func (s *Site) KindOf(dir string) handbook.Kind {
	var segs []string
	if dir != "" && dir != "." {
		segs = strings.Split(strings.Trim(dir, "/"), "/")
	}
	best, bestKey, bestKind := -1, "", handbook.KindPage
	better := func(depth int, key string) bool {
		switch {
		case depth != best:
			return depth > best
		case IsPattern(key) != IsPattern(bestKey):
			return !IsPattern(key)
		}
		return key < bestKey
	}
	for key, kind := range s.Sections {
		ks := strings.Split(strings.Trim(key, "/"), "/")
		depth := -1
		if key == "." {
			depth = 0 // the whole content folder: a decision log read as the content
		} else if !IsPattern(key) {
			if len(ks) <= len(segs) && slices.Equal(ks, segs[:len(ks)]) {
				depth = len(ks)
			}
		} else {
			for d := len(segs); d >= 1; d-- {
				if matchSegments(ks, segs[:d]) {
					depth = d
					break
				}
			}
			if depth < 0 && len(ks) == 2 && ks[0] == "**" && s.ContentDir != "." && s.ContentDir != "" {
				if ok, _ := path.Match(ks[1], path.Base(s.ContentDir)); ok {
					depth = 0
				}
			}
		}
		if depth >= 0 && better(depth, key) {
			best, bestKey, bestKind = depth, key, handbook.Kind(kind)
		}
	}
	return bestKind
}

// IsPattern reports whether a sections key is a pattern of folders rather
// than a folder's path.
func IsPattern(key string) bool { return strings.ContainsAny(key, "*?[") }

// matchSegments matches a folder's path segments against a pattern's: each
// as path.Match does, "**" for any number of them.
func matchSegments(pat, segs []string) bool {
	if len(pat) == 0 {
		return len(segs) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(segs); i++ {
			if matchSegments(pat[1:], segs[i:]) {
				return true
			}
		}
		return false
	}
	if len(segs) == 0 {
		return false
	}
	if ok, _ := path.Match(pat[0], segs[0]); !ok {
		return false
	}
	return matchSegments(pat[1:], segs[1:])
}

// Load reads site.yaml from fsys. Diagnostics go to diags; the returned Site
// is always usable (defaults where the file is missing or wrong).
func Load(fsys fs.FS, diags *diag.List) *Site {
	src, err := fs.ReadFile(fsys, FileName)
	if errors.Is(err, fs.ErrNotExist) {
		s := fromGenerator(fsys)
		if s == nil {
			s = Default()
		}
		return s
	}
	if err != nil {
		diags.Errorf(FileName, -1, "", "cannot read: %v", err)
		return Default()
	}
	diags.AddSource(FileName, src)
	s := Parse(src, diags)
	s.from = FileName
	s.checkFiles(fsys, diags)
	return s
}

// Parse decodes the bytes of a site.yaml.
func Parse(src []byte, diags *diag.List) *Site {
	s := &Site{}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		line, msg := yamlError(err)
		line = lastLine(line, src)
		diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: line, Col: 1, Severity: diag.Error,
			Message: "invalid YAML: " + msg, Hint: "check the indentation and quote values that contain ':' or '#'"})
		return Default()
	}
	if len(root.Content) == 0 {
		return Default()
	}
	doc := root.Content[0]
	// Unknown keys are reported here; Decode then ignores them.
	checkKeys(doc, reflect.TypeOf(*s), diags)
	if err := doc.Decode(s); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, m := range te.Errors {
				line, msg := yamlError(errors.New(m))
				line = lastLine(line, src)
				diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: line, Col: 1, Severity: diag.Error,
					Message: msg, Hint: "see the configuration reference in README.md for the type of each key"})
			}
		} else {
			line, msg := yamlError(err)
			diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: lastLine(line, src), Col: 1, Severity: diag.Error, Message: msg})
		}
	}
	s.fill()
	s.validate(doc, src, diags)
	return s
}

func (s *Site) validate(doc *yaml.Node, src []byte, diags *diag.List) {
	at := func(n *yaml.Node) (int, int) {
		if n == nil {
			return 0, 0
		}
		return n.Line, n.Column
	}
	s.validateFiles(doc, diags)
	if n := child(doc, "language"); n != nil {
		s.languagePos = [2]int{n.Line, n.Column}
	}
	if cd := child(doc, "content_dir"); cd != nil && !LocalPath(s.ContentDir) {
		l, c := at(cd)
		diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
			Message: fmt.Sprintf("content_dir %q leaves the handbook", s.ContentDir), Hint: `name a folder inside the handbook, such as "content" or "docs"; "." is the handbook's root`})
		s.ContentDir = "content"
	}
	if secs := child(doc, "sections"); secs != nil && secs.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(secs.Content); i += 2 {
			if k := secs.Content[i]; !LocalPath(k.Value) {
				l, c := at(k)
				diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
					Message: fmt.Sprintf("section %q is not a folder inside the content folder", k.Value), Hint: `name a folder relative to the content folder, such as "decisions", without ".." or a leading "/"`})
				delete(s.Sections, k.Value)
			} else if bad := badPattern(k.Value); bad != "" {
				l, c := at(k)
				diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
					Message: fmt.Sprintf("section pattern %q cannot be read: %s", k.Value, bad), Hint: `each part of a pattern is a folder name with *, ? or [a-z] as in shell patterns, or ** for any depth: "handbook/*/decisions", "**/runbooks"`})
				delete(s.Sections, k.Value)
			}
			v := secs.Content[i+1]
			if !handbook.Kind(v.Value).Valid() {
				l, c := at(v)
				hint := "kinds are " + strings.Join(handbook.KindNames(), ", ")
				if sug := diag.Suggest(v.Value, handbook.KindNames()); sug != "" {
					hint = fmt.Sprintf("did you mean %q? %s", sug, hint)
				}
				diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
					Message: fmt.Sprintf("section %q has unknown kind %q", secs.Content[i].Value, v.Value), Hint: hint})
			}
		}
	}
	if ls := child(doc, "lints"); ls != nil && ls.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(ls.Content); i += 2 {
			k, v := ls.Content[i], ls.Content[i+1]
			if _, ok := lint.Find(k.Value); !ok {
				l, c := at(k)
				hint := "the lints are " + strings.Join(lint.Names(), ", ")
				if sug := diag.Suggest(k.Value, lint.Names()); sug != "" {
					hint = fmt.Sprintf("did you mean %q? %s", sug, hint)
				}
				diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
					Message: fmt.Sprintf("unknown lint %q", k.Value), Hint: hint})
				delete(s.Lints, k.Value)
				continue
			}
			switch lint.Severity(v.Value) {
			case lint.Off, lint.Warning, lint.Error:
			default:
				l, c := at(v)
				diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
					Message: fmt.Sprintf("lint %s is set to %q", k.Value, v.Value), Hint: "set a lint to off, warning or error"})
				delete(s.Lints, k.Value)
			}
		}
	}
	if s.ReviewEvery != "" {
		days, err := ParseDays(s.ReviewEvery)
		if err != nil {
			l, c := at(child(doc, "review_every"))
			diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
				Message: fmt.Sprintf("review_every %q is not a period", s.ReviewEvery), Hint: `write a number and a unit: "180d", "26w", "6m" or "1y"`})
		}
		s.ReviewDays = days
	}
	period := func(key, v string) int {
		days, err := ParseDays(v)
		if err != nil {
			l, c := at(child(doc, key))
			if n := child(doc, key); n != nil && n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i+1].Value == v {
						l, c = at(n.Content[i+1])
					}
				}
			}
			diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
				Message: fmt.Sprintf("%s %q is not a period", key, v), Hint: `write a number and a unit: "180d", "26w", "6m" or "1y"`})
		}
		return days
	}
	s.ReviewKindDays, s.ReviewSectionDays = map[string]int{}, map[string]int{}
	for k, v := range s.ReviewByKind {
		if !handbook.Kind(k).Valid() {
			l, c := at(child(doc, "review_by_kind"))
			diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
				Message: fmt.Sprintf("review_by_kind names %q, which is not a kind", k), Hint: "kinds are " + strings.Join(handbook.KindNames(), ", ")})
			continue
		}
		s.ReviewKindDays[k] = period("review_by_kind", v)
	}
	for k, v := range s.ReviewBySection {
		s.ReviewSectionDays[k] = period("review_by_section", v)
	}
	s.ProposedDays = 60
	if s.ProposedMaxAge != "" {
		s.ProposedDays = period("proposed_max_age", s.ProposedMaxAge)
	}
	s.checkRawHTML(child(doc, "raw_html"), diags)
	s.checkRepo(doc, diags)
	switch s.BrokenLinks {
	case "":
		s.BrokenLinks = "error"
	case "error", "warning":
	default:
		l, c := at(child(doc, "broken_links"))
		diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
			Message: fmt.Sprintf("broken_links %q is neither error nor warning", s.BrokenLinks), Hint: "write broken_links: warning to report broken links without failing the build"})
		s.BrokenLinks = "error"
	}
	if _, err := url.Parse(s.BaseURL); err != nil {
		l, c := at(child(doc, "base_url"))
		diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
			Message: fmt.Sprintf("base_url %q is not a URL", s.BaseURL), Hint: `for example "https://handbook.example.com/" or "/handbook/"`})
	}
	s.RedirectList = redirectList(child(doc, "redirects"), FileName)
	if rp := child(doc, "reading_paths"); rp != nil && rp.Kind == yaml.SequenceNode {
		seen := map[string]bool{}
		for i, n := range rp.Content {
			if i >= len(s.ReadingPaths) {
				break
			}
			p := &s.ReadingPaths[i]
			l, c := at(n)
			if p.ID == "" {
				diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
					Message: "reading path has no id", Hint: "give it an id such as new-hire; it names the path's page /paths/<id>/"})
			} else if !validSlug(p.ID) {
				diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
					Message: fmt.Sprintf("reading path id %q is not a slug", p.ID), Hint: "use lower-case letters, digits and hyphens"})
			} else if seen[p.ID] {
				diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
					Message: fmt.Sprintf("reading path id %q is used twice", p.ID), Hint: "each reading path needs its own id"})
			}
			seen[p.ID] = true
			if p.Title == "" {
				p.Title = p.ID
			}
			if steps := child(n, "steps"); steps != nil {
				for _, st := range steps.Content {
					p.StepOffsets = append(p.StepOffsets, diag.Offset(src, st.Line, st.Column))
				}
			}
		}
	}
}

// checkRawHTML reads raw_html (n its value in site.yaml, or nil): one of
// the three modes, or a YAML boolean as written before there were modes
// (true is all, false none). Anything else is an error at the value, and
// the default, safe, is used.
func (s *Site) checkRawHTML(n *yaml.Node, diags *diag.List) {
	switch strings.ToLower(string(s.RawHTML)) {
	case "safe", "all", "none":
		s.RawHTML = RawHTML(strings.ToLower(string(s.RawHTML)))
	case "true", "yes", "y", "on":
		s.RawHTML = RawHTMLAll
	case "false", "no", "n", "off":
		s.RawHTML = RawHTMLNone
	default:
		l, c := 0, 0
		if n != nil {
			l, c = n.Line, n.Column
		}
		hint := "write safe (keep what is safe), all (trust it) or none (drop it)"
		if sug := diag.Suggest(strings.ToLower(string(s.RawHTML)), rawHTMLModes); sug != "" {
			hint = fmt.Sprintf("did you mean %q? %s", sug, hint)
		}
		diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error,
			Message: fmt.Sprintf("raw_html %q is none of safe, all or none", s.RawHTML), Hint: hint})
		s.RawHTML = RawHTMLSafe
	}
}

// badPattern says what is wrong with a sections key's pattern, "" when it
// is a folder's path or a pattern that can be matched.
func badPattern(key string) string {
	for _, seg := range strings.Split(key, "/") {
		if seg == "**" {
			continue
		}
		if strings.Contains(seg, "**") {
			return fmt.Sprintf("%q: ** stands alone between slashes", seg)
		}
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Sprintf("%q: %v", seg, err)
		}
	}
	return ""
}

// LocalPath reports whether p is a slash path that stays inside the folder
// it is relative to: not absolute, no ".." part, no backslash or NUL.
func LocalPath(p string) bool {
	if p == "." {
		return true
	}
	p = strings.TrimSuffix(p, "/")
	return fs.ValidPath(p) && !strings.ContainsAny(p, "\\\x00")
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func validSlug(s string) bool { return slugRE.MatchString(s) }

// ParseDays reads a period such as "180d", "26w", "6m" or "1y" as days.
func ParseDays(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errors.New("empty")
	}
	unit := s[len(s)-1]
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad period %q", s)
	}
	switch unit {
	case 'd':
		return n, nil
	case 'w':
		return 7 * n, nil
	case 'm':
		return 30 * n, nil
	case 'y':
		return 365 * n, nil
	}
	return 0, fmt.Errorf("bad unit in %q", s)
}

// child returns the value node of key in a mapping node.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// checkKeys reports every mapping key of n that the struct type t does not
// declare, descending into nested structs and lists of structs.
func checkKeys(n *yaml.Node, t reflect.Type, diags *diag.List) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return
		}
		fields := map[string]reflect.Type{}
		var names []string
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			fields[name] = f.Type
			names = append(names, name)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				hint := "known keys are " + strings.Join(names, ", ")
				if sug := diag.Suggest(k.Value, names); sug != "" {
					hint = fmt.Sprintf("did you mean %q?", sug)
				}
				diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: k.Line, Col: k.Column, Severity: diag.Error,
					Message: fmt.Sprintf("unknown key %q", k.Value), Hint: hint})
				continue
			}
			checkKeys(n.Content[i+1], ft, diags)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return
		}
		for _, c := range n.Content {
			checkKeys(c, t.Elem(), diags)
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode || t.Elem().Kind() == reflect.Interface {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			checkKeys(n.Content[i+1], t.Elem(), diags)
		}
	}
}

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// yamlError splits a yaml.v3 error into its line and message.
func yamlError(err error) (int, string) {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, msg[len(m[0]):]
	}
	return 0, strings.TrimPrefix(msg, "yaml: ")
}

// lastLine keeps a line number that yaml.v3 counts past the end of the
// file (an unclosed list at the end) on the file's last line.
func lastLine(line int, src []byte) int {
	n := bytes.Count(src, []byte("\n"))
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	return min(line, max(n, 1))
}
