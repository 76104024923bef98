package load

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/diag"
)

// TestSettingsPlaceTheContent: a site with neither site.yaml nor its
// content folder is read where its Markdown is, leaving out what a
// repository read whole leaves out; one with either keeps its folder.
func TestSettingsPlaceTheContent(t *testing.T) {
	md := &fstest.MapFile{Data: []byte("# T\n")}
	for _, c := range []struct {
		name  string
		files []string
		dir   string // the content folder read
		note  string // in the settings' note; "" for none
	}{
		{"repository of READMEs", []string{"README.md", "api/README.md", "cli/README.md"}, ".", "the whole folder is read as the handbook"},
		{"one folder holds nearly all", []string{"README.md", "pages/a.md", "pages/b.md", "pages/c/d.md", "pages/e.md"}, "pages", "pages/ is read as the handbook: it holds 4 of the 5 Markdown files here"},
		{"three in four is not nearly all", []string{"README.md", "pages/a.md", "pages/b.md", "pages/c.md"}, ".", "a site.yaml with `content_dir: pages` reads one folder alone"},
		{"hidden folders, dependencies and ignored files do not count", []string{"README.md", "docs/a.md", ".github/x.md", ".github/y.md", "node_modules/p/README.md", "node_modules/q/README.md", "target/r.md", "target/s.md", ".gitignore"}, ".", "its Markdown is at the top (1 file), in docs/ (1 file),"},
		{"no Markdown: content/ is where handbook new starts", []string{"main.go", "LICENSE"}, "content", ""},
		{"content/ is read", []string{"README.md", "content/a.md", "other/b.md"}, "content", ""},
		{"site.yaml decides", []string{"site.yaml", "README.md", "pages/a.md"}, "content", ""},
		{"a Jekyll site reads its root", []string{"_config.yml", "README.md", "pages/a.md", "pages/b.md", "pages/c.md", "pages/d.md"}, ".", ""},
		{"a generator's missing folder", []string{"book.toml", "README.md", "text/0001-a.md", "text/0002-b.md", "text/0003-c.md", "text/0004-d.md"}, "text", "the src/ it names as the content folder does not exist); a site.yaml sets handbook's own; there is no content/ folder either: text/ is read"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range c.files {
				fsys[f] = md
			}
			if fsys[".gitignore"] != nil {
				fsys[".gitignore"] = &fstest.MapFile{Data: []byte("target/\n")}
			}
			if fsys["book.toml"] != nil {
				fsys["book.toml"] = &fstest.MapFile{Data: []byte("[book]\ntitle = \"RFCs\"\nsrc = \"src\"\n")}
			}
			if fsys["_config.yml"] != nil {
				fsys["_config.yml"] = &fstest.MapFile{Data: []byte("title: Acme\n")}
			}
			var l diag.List
			cfg := Settings(fsys, &l)
			note := cfg.SettingsNote()
			if cfg.ContentDir != c.dir || c.note != "" && !strings.Contains(note, c.note) {
				t.Errorf("content_dir %q, note %q; want %q and a note with %q", cfg.ContentDir, note, c.dir, c.note)
			}
			if c.note == "" && strings.Contains(note, "no content/ folder") {
				t.Errorf("a note says the content was placed: %q", note)
			}
			if placed := c.note != ""; cfg.Foreign() != placed && cfg.From() == "" {
				t.Errorf("Foreign() = %v: a site placed by its Markdown keeps its layouts/ and assets/ as its own", cfg.Foreign())
			}
		})
	}
}

// TestSettingsLeaveAHugeFolderAlone: a folder with more files than a
// handbook holds (a home folder, a disk) is not read whole for want of a
// site.yaml; the build then says where its Markdown is instead.
func TestSettingsLeaveAHugeFolderAlone(t *testing.T) {
	fsys := fstest.MapFS{"notes/todo.md": &fstest.MapFile{Data: []byte("# To do\n")}}
	for i := range SurveyLimit {
		fsys["photos/"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+"/"+strconv.Itoa(i)+".jpg"] = &fstest.MapFile{}
	}
	var l diag.List
	if cfg := Settings(fsys, &l); cfg.ContentDir != "content" || cfg.SettingsNote() != "" {
		t.Errorf("content_dir %q, note %q: a folder of %d files was read whole", cfg.ContentDir, cfg.SettingsNote(), SurveyLimit)
	}
}

// TestSettingsReadAPlacedSummary: in a folder placed for want of a
// site.yaml, a SUMMARY.md (GitBook's, mdBook's) orders and names the
// pages, and the note says so.
func TestSettingsReadAPlacedSummary(t *testing.T) {
	md := &fstest.MapFile{Data: []byte("# T\n")}
	fsys := fstest.MapFS{
		"README.md":       md,
		"guides/a.md":     md,
		"guides/b.md":     md,
		"SUMMARY.md":      {Data: []byte("# Summary\n\n* [Intro](README.md)\n* [Bee](guides/b.md)\n* [Ay](guides/a.md)\n")},
		"other/README.md": md,
	}
	cfg := Settings(fsys, &diag.List{})
	if cfg.ContentDir != "." || cfg.Nav == nil || cfg.Nav.File != "SUMMARY.md" {
		t.Fatalf("content_dir %q, nav %+v", cfg.ContentDir, cfg.Nav)
	}
	if b, a := cfg.Nav.Pages["guides/b.md"], cfg.Nav.Pages["guides/a.md"]; b.Title != "Bee" || a.Pos <= b.Pos {
		t.Errorf("nav pages %+v", cfg.Nav.Pages)
	}
	if !strings.Contains(cfg.SettingsNote(), "its SUMMARY.md orders and names the pages in the sidebar") {
		t.Errorf("note %q", cfg.SettingsNote())
	}
}
