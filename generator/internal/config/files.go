package config

import (
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"gopkg.in/yaml.v3"

	"handbook/generator/internal/diag"
)

// siteFiles are the keys of site.yaml that name a file of the handbook.
var siteFiles = []string{"logo", "favicon"}

// field returns the value of a key of siteFiles.
func (s *Site) field(key string) *string {
	if key == "logo" {
		return &s.Logo
	}
	return &s.Favicon
}

// validateFiles reports a logo or favicon path that leaves the handbook,
// at its position, and clears it; it records the positions of the others
// for checkFiles, and base_url's for NoHostNote.
func (s *Site) validateFiles(doc *yaml.Node, diags *diag.List) {
	if n := child(doc, "base_url"); n != nil {
		s.filePos = map[string][2]int{"base_url": {n.Line, n.Column}}
	}
	for _, key := range siteFiles {
		n := child(doc, key)
		f := s.field(key)
		if n == nil || *f == "" {
			continue
		}
		if s.filePos == nil {
			s.filePos = map[string][2]int{}
		}
		s.filePos[key] = [2]int{n.Line, n.Column}
		if !LocalPath(*f) || *f == "." || strings.HasSuffix(*f, "/") {
			diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: n.Line, Col: n.Column, Severity: diag.Error,
				Message: fmt.Sprintf("%s %q is not a file inside the handbook", key, *f),
				Hint:    `name a file by its path from the handbook's root, without ".." or a leading "/": "static/logo.svg"`})
			*f = ""
		}
	}
}

// checkFiles reports a logo or favicon that names no file of fsys (the
// handbook's root), at its position in site.yaml, and clears it.
func (s *Site) checkFiles(fsys fs.FS, diags *diag.List) {
	for _, key := range siteFiles {
		f := s.field(key)
		if *f == "" {
			continue
		}
		st, err := fs.Stat(fsys, *f)
		if err == nil && !st.IsDir() {
			continue
		}
		pos := s.filePos[key]
		what := "no file"
		if err == nil {
			what = "a folder, not a file"
		}
		diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: pos[0], Col: pos[1], Severity: diag.Error,
			Message: fmt.Sprintf("%s %q: there is %s at that path", key, *f, what),
			Hint:    "the path is read from the handbook's root, where site.yaml is"})
		*f = ""
	}
}

// AbsBase returns base_url without its final "/" when it is an absolute
// http(s) URL ("https://intranet.example.com/eng"), and "" when it names
// no host ("/", "/eng/"): the sitemap, the feed and og:url need absolute
// URLs, and a site published without one leaves them out.
func (s *Site) AbsBase() string {
	u, err := url.Parse(s.BaseURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.TrimSuffix(s.BaseURL, "/")
}

// NoHostNote is the line a build prints once when base_url names no host
// (the sitemap is not written, and the feed and og:url go without absolute
// URLs), at base_url's position in site.yaml; "" when it names one.
func (s *Site) NoHostNote() string {
	if s.AbsBase() != "" {
		return ""
	}
	at := FileName + ": no base_url"
	if pos, ok := s.filePos["base_url"]; ok {
		at = fmt.Sprintf("%s:%d:%d: base_url %q names no host", FileName, pos[0], pos[1], s.BaseURL)
	} else if s.from != FileName && s.BaseURL != "" {
		at = fmt.Sprintf("%s: the base URL %q names no host", s.from, s.BaseURL)
	} else if s.from != FileName {
		at = fmt.Sprintf("no base_url (there is no %s)", FileName)
	}
	return at + ", so sitemap.xml is not written and the feed and og:url have no absolute URLs; set base_url: https://… to the address the handbook is published at"
}
