package sitepath

import (
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCheck: a path that Check accepts, joined to any output folder, stays
// inside it, and names a file that every common file system can hold; and
// Fold maps it to one form whatever its case or Unicode composition.
//
//	go test -run XXX -fuzz FuzzCheck -fuzztime 60s ./generator/internal/sitepath
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"a/index.html", "../x", "a/../../b", "/etc/passwd", "a\\..\\b", "a//b", "./a", "a/./b", "a\x00b", "Café/İ/index.html", strings.Repeat("x", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if Check(p) != nil {
			return
		}
		root := filepath.FromSlash("/srv/site")
		full := filepath.Join(root, filepath.FromSlash(p))
		if rel, err := filepath.Rel(root, full); err != nil || !filepath.IsLocal(rel) {
			t.Fatalf("Check accepts %q, which leaves the output as %s", p, full)
		}
		for _, seg := range strings.Split(p, "/") {
			if seg == "" || seg == "." || seg == ".." || len(seg) > MaxName {
				t.Fatalf("Check accepts %q with the part %q", p, seg)
			}
		}
		if isASCII(p) && Fold(p) != Fold(strings.ToUpper(p)) {
			t.Fatalf("Fold(%q) differs from Fold of its upper case", p)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
