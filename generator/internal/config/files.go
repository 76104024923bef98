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
// for checkFiles.
func (s *Site) validateFiles(doc *yaml.Node, diags *diag.List) {
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
