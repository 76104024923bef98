package graph

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzIsExternal holds IsExternal to its definition: a URL scheme as RFC
// 3986 spells it, or a protocol-relative URL.
func FuzzIsExternal(f *testing.F) {
	scheme := regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
	for _, s := range []string{"https://example.com", "mailto:a@b", "//cdn", "../a.md", "a:b", "1a:b", "#x", "", "c++:x", "a b:c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := scheme.MatchString(s) || strings.HasPrefix(s, "//")
		if got := IsExternal(s); got != want {
			t.Errorf("IsExternal(%q) = %v, want %v", s, got, want)
		}
	})
}
