package build

import (
	"bytes"
	"io/fs"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/assets"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/theme"
)

// FuzzBuild builds a small site whose files come from the fuzzer: three
// documents and a site.yaml cut from one input at "\n=\n". Whatever they
// hold, the build reports problems with a message and never panics. The
// theme's assets are bundled once: esbuild is not what is fuzzed, and
// bundling per input would leave the fuzzer a few inputs a minute.
//
//	go test -run XXX -fuzz FuzzBuild -fuzztime 60s ./generator/internal/build
func FuzzBuild(f *testing.F) {
	f.Add([]byte("---\ntitle: A\n---\n[b](b.md) [[c]]\n=\n---\ntitle: B\nid: c\naliases: [/old/]\n---\n## H\n=\n---\ntitle: D\nkind: decision\nstatus: accepted\ndate: 2020-01-01\nsupersedes: [c]\n---\n=\ntitle: T\nreading_paths:\n  - id: p\n    steps: [a, c]\n"))
	f.Add([]byte("# A\n=\n+++\ntitle = 1\n+++\n=\n---\ndecisions: [{id: a}]\n---\n=\nsections: {decisions: decision}\n"))
	f.Add([]byte("---\ntitle: X\ntags: [API, api]\nslug: Über\n---\n[j](javascript:alert(1))\n=\n---\ntitle: x\n---\n=\n\ufeff---\ntitle: BOM\n---\r\r=\ncontent_dir: .\n"))
	bundle := assets.Build(theme.Assets(fstest.MapFS{}), assets.Options{Minify: true}, &diag.List{})
	f.Fuzz(func(t *testing.T, in []byte) {
		parts := bytes.SplitN(in, []byte("\n=\n"), 4)
		names := []string{"content/a.md", "content/decisions/b.md", "content/decisions/d.md", "site.yaml"}
		fsys := fstest.MapFS{}
		for i, p := range parts {
			fsys[names[i]] = &fstest.MapFile{Data: p}
		}
		st := run(fsys, nil, Options{Now: testNow}, nil, func(fs.FS, *diag.List) *assets.Bundle { return bundle })
		for _, d := range st.res.Diags.All() {
			if d.Message == "" {
				t.Fatalf("a diagnostic without a message at %s", d.Path)
			}
		}
	})
}
