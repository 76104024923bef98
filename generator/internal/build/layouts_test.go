package build

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	defaultlayouts "handbook/layouts"
)

// TestEditingADefaultLayoutChangesTheOutput: the layouts are the theme. A
// copy of the demo whose site edits the default single page, a partial of
// it and the decision index sees every edit on every page they render.
func TestEditingADefaultLayoutChangesTheOutput(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(repoRoot), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasPrefix(p, "content/") || p == "site.yaml") {
			return err
		}
		b, err := fs.ReadFile(os.DirFS(repoRoot), p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) {
		b, err := fs.ReadFile(defaultlayouts.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s has no %q", name, old)
		}
		fsys["layouts/"+name] = &fstest.MapFile{Data: []byte(strings.Replace(string(b), old, new, 1))}
	}
	edit("_default/single.html", `<div class="content">`, `<div class="content" data-edited="single">`)
	edit("partials/meta.html", `{{ .Meta }}`, `<div data-edited="meta">{{ .Meta }}</div>`)
	edit("partials/breadcrumbs.html", `{{- .BreadcrumbBar }}`, `<div data-edited="crumbs">{{ .BreadcrumbBar }}</div>`)
	edit("_default/decisions.html", `{{ define "main" }}`, `{{ define "main" }}<p data-edited="decisions"></p>`)

	s := buildFS(t, fsys)
	if s.res.Errors > 0 {
		t.Fatalf("errors:\n%s", s.diags())
	}
	pages := 0
	for _, d := range s.res.Site.Docs {
		if d.IsSection {
			continue
		}
		pages++
		s.contains(d.URL+"index.html", `data-edited="single"`, `data-edited="meta"`, `data-edited="crumbs"`)
	}
	if pages < 20 {
		t.Fatalf("only %d document pages", pages)
	}
	s.contains("decisions/index.html", `data-edited="decisions"`)
	s.contains("decisions/status/accepted/index.html", `data-edited="decisions"`)
}
