package graph

import (
	"handbook/generator/internal/sitepath"
	"path"
	"strings"
	"testing"
)

// FuzzSitePaths: whatever an author writes as an alias, url, slug or tag,
// what the graph accepts names a page inside the site: SafeSitePath gives a
// clean directory URL whose index.html passes sitepath.Check, a safe slug is
// one segment, and a tag's slug is one segment.
//
//	go test -run XXX -fuzz FuzzSitePaths -fuzztime 60s ./generator/internal/graph
func FuzzSitePaths(f *testing.F) {
	for _, s := range []string{"/old/place/", "../../etc", "/a/../../b", "//host/x", "a/index.html", "x.html", "%2e%2e/x", "a\\b", "C++", "Über", "..", ".", "a?b#c", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if u, ok := SafeSitePath(s); ok {
			if !strings.HasSuffix(u, "/") || strings.HasPrefix(u, "/") || path.Clean("/"+u) != "/"+strings.TrimSuffix(u, "/") {
				t.Fatalf("SafeSitePath(%q) = %q, not a clean directory URL", s, u)
			}
			if err := sitepath.Check(u + "index.html"); err != nil {
				t.Fatalf("SafeSitePath(%q) = %q: %v", s, u, err)
			}
		}
		if safeSegment(s) && (strings.Contains(s, "/") || s == "." || s == "..") {
			t.Fatalf("safeSegment accepts %q", s)
		}
		slug := TagSlug(s)
		if slug == "" || strings.ContainsAny(slug, "/\\\x00?#") || slug == "." || slug == ".." {
			t.Fatalf("TagSlug(%q) = %q", s, slug)
		}
		if len(slug) <= sitepath.MaxName {
			if err := sitepath.Check("tags/" + slug + "/index.html"); err != nil {
				t.Fatalf("TagSlug(%q) = %q: %v", s, slug, err)
			}
		}
	})
}
