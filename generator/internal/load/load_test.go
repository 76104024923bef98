package load

import (
	"handbook/generator/internal/sitepath"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/diag"
)

// FuzzNames: whatever a file in content/ is called, Load never panics, and
// a document or static file whose name the output can hold gets a page
// address and an output path inside the site.
//
//	go test -run XXX -fuzz FuzzNames -fuzztime 60s ./generator/internal/load
func FuzzNames(f *testing.F) {
	for _, s := range []string{"a.md", "dir/index.md", "dir/README.md", "100% done.md", "a?b#c.md", "x/_index.md", "x/y/z.MD", "img.png", "dir/index.md/x.png", "café.md", "..md", " .md"} {
		f.Add(s, "b/c.md")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		fsys := fstest.MapFS{}
		for _, n := range []string{a, b} {
			if p := "content/" + n; fs.ValidPath(p) {
				fsys[p] = &fstest.MapFile{Data: []byte("# T\n")}
			}
		}
		var l diag.List
		c := Load(fsys, "content", &l)
		for _, d := range c.Docs {
			if !strings.HasPrefix(d.SourcePath, "content/") || d.SourcePath != "content/"+d.Path {
				t.Fatalf("document %q has source %q", d.Path, d.SourcePath)
			}
			if sitepath.Check(d.Path) == nil && d.URL != "" {
				if err := sitepath.Check(d.URL + "index.html"); err != nil {
					t.Fatalf("document %q gets the address %q: %v", d.Path, d.URL, err)
				}
			}
		}
		for _, s := range c.Files {
			if sitepath.Check(s.Source) == nil && sitepath.Check(s.Path) != nil {
				t.Fatalf("static file %q is published at %q", s.Source, s.Path)
			}
		}
	})
}
