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

// TestMissingContentFolder: without its content folder a handbook gets one
// error, at the folder, whose hint names the content_dir that reads the
// Markdown it has, wherever that is, and skips what is not content.
func TestMissingContentFolder(t *testing.T) {
	md := &fstest.MapFile{Data: []byte("# T\n")}
	for _, c := range []struct {
		name, dir string
		fsys      fstest.MapFS
		msg, hint string
	}{
		{"READMEs", "content", fstest.MapFS{"README.md": md, "docs/README.md": md, "docs/a/b.md": md, "adr/0001-x.md": md},
			"no content/ folder", "at the top (1 file), in docs/ (2 files), in adr/ (1 file): write `content_dir: .`"},
		{"one folder", "content", fstest.MapFS{"docs/a.md": md, "docs/b/c.md": md, "public/x.md": md, ".git/y.md": md, "layouts/z.md": md},
			"no content/ folder", "in docs/ (2 files): write `content_dir: docs` in site.yaml"},
		{"many folders", "content", fstest.MapFS{"a/1.md": md, "b/1.md": md, "b/2.md": md, "c/1.md": md, "d/1.md": md, "e/1.md": md},
			"no content/ folder", "in b/ (2 files), in a/ (1 file), in c/ (1 file), in 2 more folders: write `content_dir: .`"},
		{"dependencies", "content", fstest.MapFS{"README.md": md, "node_modules/a/README.md": md, "node_modules/b/README.md": md, "vendor/x/README.md": md, "_site/y.md": md, "docs/a.md": md},
			"no content/ folder", "at the top (1 file), in docs/ (1 file): write `content_dir: .`"},
		{"only at the top", "content", fstest.MapFS{"README.md": md, "CHANGES.md": md},
			"no content/ folder", "at the top (2 files): write `content_dir: .` in site.yaml"},
		{"no Markdown", "content", fstest.MapFS{"main.go": md},
			"no content/ folder", `handbook new page "Getting started"`},
		{"content_dir", "doc/adr", fstest.MapFS{"doc/arch.md": md},
			"no doc/adr/ folder (site.yaml's content_dir)", "in doc/ (1 file): write `content_dir: doc`"},
		{"a file", "content", fstest.MapFS{"content": md, "notes/a.md": md},
			"no content/ folder", "in notes/ (1 file)"},
		{"most in one folder", "content", fstest.MapFS{"README.md": md, "text/1.md": md, "text/2.md": md, "text/3.md": md, "text/4.md": md},
			"no content/ folder", "at the top (1 file), in text/ (4 files): write `content_dir: text` in site.yaml to read text/, or `content_dir: .` for all of it"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l diag.List
			got := Load(c.fsys, c.dir, &l)
			ds := l.All()
			if len(ds) != 1 || len(got.Docs) != 0 {
				t.Fatalf("%d diagnostics and %d documents, want one error and none: %v", len(ds), len(got.Docs), ds)
			}
			d := ds[0]
			if d.Severity != diag.Error || d.Path != c.dir || !strings.Contains(d.Message, c.msg) || !strings.Contains(d.Hint, c.hint) {
				t.Errorf("got %s %s: %s (hint: %s)\nwant an error at %s: %s (hint: …%s…)", d.Severity, d.Path, d.Message, d.Hint, c.dir, c.msg, c.hint)
			}
		})
	}
}

// TestDependenciesAreNotContent: a repository read whole (content_dir
// ".") leaves out its dependencies' and tools' folders, and node_modules
// is never content; a folder of the same name deeper in the content is.
func TestDependenciesAreNotContent(t *testing.T) {
	md := &fstest.MapFile{Data: []byte("# T\n")}
	fsys := fstest.MapFS{
		"README.md": md, "docs/a.md": md, "node_modules/p/README.md": md, "vendor/g/README.md": md,
		"venv/lib/README.md": md, "_site/x.md": md, "docs/node_modules/q/README.md": md, "teams/vendor/policy.md": md,
	}
	var l diag.List
	var got []string
	for _, d := range Load(fsys, ".", &l).Docs {
		got = append(got, d.Path)
	}
	if want := "README.md docs/a.md teams/vendor/policy.md"; strings.Join(got, " ") != want {
		t.Errorf("documents %q, want %q", strings.Join(got, " "), want)
	}
	got = got[:0]
	fsys = fstest.MapFS{"content/vendor/policy.md": md, "content/node_modules/x/README.md": md}
	for _, d := range Load(fsys, "content", &l).Docs {
		got = append(got, d.Path)
	}
	if want := "vendor/policy.md"; strings.Join(got, " ") != want {
		t.Errorf("documents %q, want %q", strings.Join(got, " "), want)
	}
}

// TestGitIgnoredIsNotContent: in a repository read whole, what its
// .gitignore files leave out (build output, by any of git's patterns, in
// the folder of the .gitignore and below) is neither a document nor a
// file to publish, and the hint for a missing content folder does not
// count it; a handbook with a content folder reads all of it.
func TestGitIgnoredIsNotContent(t *testing.T) {
	md := &fstest.MapFile{Data: []byte("# T\n")}
	bin := &fstest.MapFile{Data: []byte{0}}
	fsys := fstest.MapFS{
		".gitignore":           {Data: []byte("# build output\n/target/\ndist\n*.log\n!keep.log\ncoverage/**\n")},
		"README.md":            md,
		"target/doc/x.md":      md,
		"target/debug/app":     bin,
		"dist/index.md":        md,
		"docs/dist/notes.md":   md,
		"docs/target/map.md":   md,
		"docs/run.log":         bin,
		"docs/keep.log":        bin,
		"coverage/report.md":   md,
		"pkg/.gitignore":       {Data: []byte("generated/\n")},
		"pkg/README.md":        md,
		"pkg/generated/a.md":   md,
		"other/generated/b.md": md,
	}
	var l diag.List
	c := Load(fsys, ".", &l)
	var docs, files []string
	for _, d := range c.Docs {
		docs = append(docs, d.Path)
	}
	for _, f := range c.Files {
		files = append(files, f.Path)
	}
	if want := "README.md docs/target/map.md other/generated/b.md pkg/README.md"; strings.Join(docs, " ") != want {
		t.Errorf("documents %q, want %q", strings.Join(docs, " "), want)
	}
	if want := "docs/keep.log"; strings.Join(files, " ") != want {
		t.Errorf("files %q, want %q", strings.Join(files, " "), want)
	}
	delete(fsys, "README.md")
	delete(fsys, "pkg/README.md")
	l = diag.List{}
	Load(fsys, "content", &l)
	if ds := l.All(); len(ds) != 1 || !strings.Contains(ds[0].Hint, "in docs/ (1 file), in other/ (1 file)") {
		t.Errorf("hint counts what git ignores: %v", ds)
	}
	fsys = fstest.MapFS{".gitignore": {Data: []byte("drafts/\n")}, "content/drafts/a.md": md, "content/b.md": md}
	if got := Load(fsys, "content", &l).Docs; len(got) != 2 {
		t.Errorf("a content folder loses what .gitignore names: %d documents", len(got))
	}
}
