package watch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func put(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, root, from, to string) {
	t.Helper()
	if err := os.Rename(filepath.Join(root, from), filepath.Join(root, to)); err != nil {
		t.Fatal(err)
	}
}

// watching is a Watcher on a temporary site root, and every path it has
// reported.
type watching struct {
	t        *testing.T
	root     string
	w        *Watcher
	reported []string
}

func start(t *testing.T, poll bool, files ...string) *watching {
	t.Helper()
	return startWith(t, Options{Poll: poll}, files...)
}

// startWith is start with options.
func startWith(t *testing.T, opts Options, files ...string) *watching {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		put(t, root, f, "x\n")
	}
	opts.Interval = 20 * time.Millisecond
	w, err := New(root, []string{"content", "layouts", "assets", "site.yaml"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Close)
	return &watching{t: t, root: root, w: w}
}

// await waits until the watcher reports rel.
func (s *watching) await(rel string) {
	s.t.Helper()
	deadline := time.After(10 * time.Second)
	for !slices.Contains(s.reported, rel) {
		select {
		case batch := <-s.w.Changes:
			s.reported = append(s.reported, batch...)
		case <-deadline:
			s.t.Fatalf("%s not reported within 10s; reported: %v", rel, s.reported)
		}
	}
}

func modes(t *testing.T, test func(t *testing.T, poll bool)) {
	t.Run("inotify", func(t *testing.T) { test(t, false) })
	t.Run("poll", func(t *testing.T) { test(t, true) })
}

func TestRecreatedContentIsWatched(t *testing.T) {
	modes(t, func(t *testing.T, poll bool) {
		s := start(t, poll, "content/a.md", "content/old/b.md")
		if err := os.RemoveAll(filepath.Join(s.root, "content")); err != nil {
			t.Fatal(err)
		}
		s.await("content")
		if err := os.Mkdir(filepath.Join(s.root, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		s.reported = nil
		s.await("content")
		put(t, s.root, "content/a.md", "again\n")
		s.await("content/a.md")
		put(t, s.root, "content/new/deeper/c.md", "new\n")
		s.await("content/new")
		put(t, s.root, "content/new/deeper/c.md", "edited\n")
		s.await("content/new/deeper/c.md")
		put(t, s.root, "content/a.md", "edited again\n")
		s.reported = nil
		s.await("content/a.md")
	})
}

func TestRenamedOverSiteYAMLIsWatched(t *testing.T) {
	modes(t, func(t *testing.T, poll bool) {
		s := start(t, poll, "site.yaml", "content/a.md")
		for i, tmp := range []string{"sedA1b2C3", "site.yaml.tmp", ".site.yaml.swp"} {
			put(t, s.root, tmp, strings.Repeat("title: again\n", i+2))
			rename(t, s.root, tmp, "site.yaml")
			s.reported = nil
			s.await("site.yaml")
		}
		put(t, s.root, "site.yaml", "title: in place\n")
		s.reported = nil
		s.await("site.yaml")
	})
}

func TestFoldersCreatedLaterAreWatched(t *testing.T) {
	modes(t, func(t *testing.T, poll bool) {
		s := start(t, poll, "content/a.md")
		put(t, s.root, "site.yaml", "title: new\n")
		s.await("site.yaml")
		put(t, s.root, "layouts/_default/single.html", "one")
		s.await("layouts")
		put(t, s.root, "layouts/_default/single.html", "second")
		s.await("layouts/_default/single.html")
		put(t, s.root, "assets/main.css", "a{}")
		s.await("assets")
		put(t, s.root, "assets/main.css", "b{color:red}")
		s.await("assets/main.css")
	})
}

func TestOnlyWatchedPathsAreReported(t *testing.T) {
	modes(t, func(t *testing.T, poll bool) {
		s := start(t, poll, "content/a.md", "README.md")
		put(t, s.root, "README.md", "edited\n")
		put(t, s.root, "public/index.html", "built\n")
		put(t, s.root, "contents.md", "not the content folder\n")
		put(t, s.root, "content/.a.md.swp", "swap\n")
		put(t, s.root, "content/a.md~", "backup\n")
		put(t, s.root, "content/4913", "probe\n")
		put(t, s.root, "content/.#a.md", "lock\n")
		time.Sleep(50 * time.Millisecond) // in another batch than what follows, with polling too
		put(t, s.root, "content/a.md", "edited\n")
		s.await("content/a.md")
		for _, p := range s.reported {
			if p != "content/a.md" {
				t.Errorf("reported %s", p)
			}
		}
	})
}

func TestWatchAddsAPath(t *testing.T) {
	s := start(t, false, "content/a.md")
	put(t, s.root, "docs/a.md", "x\n")
	s.w.Watch("docs")
	s.w.Watch("docs") // twice is once
	s.w.Watch("../outside")
	put(t, s.root, "docs/a.md", "edited\n")
	s.await("docs/a.md")
	if got := s.w.all(); !slices.Equal(got, []string{"content", "layouts", "assets", "site.yaml", "docs"}) {
		t.Errorf("watched paths %v", got)
	}
}

// TestSkippedFoldersAreNotWatched: a folder Skip names, there at the start
// or made later, is not watched, nor anything below it.
func TestSkippedFoldersAreNotWatched(t *testing.T) {
	modes(t, func(t *testing.T, poll bool) {
		skip := func(rel string) bool { return strings.HasSuffix(rel, "node_modules") }
		s := startWith(t, Options{Poll: poll, Skip: skip}, "content/a.md", "content/node_modules/p/README.md")
		put(t, s.root, "content/node_modules/p/README.md", "edited\n")
		put(t, s.root, "content/docs/node_modules/q/README.md", "new\n")
		time.Sleep(100 * time.Millisecond)
		put(t, s.root, "content/docs/node_modules/q/README.md", "edited\n")
		time.Sleep(50 * time.Millisecond)
		put(t, s.root, "content/a.md", "edited\n")
		s.await("content/a.md")
		for _, p := range s.reported {
			if strings.Contains(p, "README.md") {
				t.Errorf("reported %s", p)
			}
		}
	})
}
