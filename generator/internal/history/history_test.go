package history

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// repo is a git repository in a temporary folder, whose commits are made
// with the dates and authors a test gives, whatever the machine's git
// configuration says.
type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &repo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *repo) git(args ...string) string {
	r.t.Helper()
	return gitIn(r.t, r.dir, nil, args...)
}

// gitIn runs git in dir, reading neither the user's nor the system's
// configuration.
func gitIn(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (r *repo) write(p, text string) {
	r.t.Helper()
	f := filepath.Join(r.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *repo) mv(from, to string) {
	r.t.Helper()
	if err := os.MkdirAll(filepath.Dir(filepath.Join(r.dir, to)), 0o755); err != nil {
		r.t.Fatal(err)
	}
	r.git("mv", from, to)
}

// commit commits everything as author at date (RFC 3339).
func (r *repo) commit(author, date, msg string) {
	r.t.Helper()
	r.git("add", "-A")
	env := []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}
	gitIn(r.t, r.dir, env, "-c", "user.name="+author, "-c", "user.email=someone@example.com", "commit", "-q", "-m", msg)
}

func mustRead(t *testing.T, root, dir string) *Log {
	t.Helper()
	l, err := Read(root, dir)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func wantChange(t *testing.T, l *Log, p, author, date string) {
	t.Helper()
	c, ok := l.Get(p)
	if !ok {
		t.Errorf("%s: no history, want %s by %s", p, date, author)
		return
	}
	want, err := time.Parse(time.RFC3339, date)
	if err != nil {
		t.Fatal(err)
	}
	if !c.When.Equal(want) || c.Author != author {
		t.Errorf("%s: last changed %s by %q, want %s by %q", p, c.When.Format(time.RFC3339), c.Author, date, author)
	}
}

func TestLastChangeOfEachFile(t *testing.T) {
	r := newRepo(t)
	r.write("content/a.md", "a")
	r.write("content/b.md", "b")
	r.write("content/sub/c d.md", "c")
	r.write("content/é.md", "e")
	r.write("README.md", "outside the content folder")
	r.commit("Ada Lovelace", "2024-01-02T10:00:00+02:00", "first")
	r.write("content/b.md", "b2")
	r.write("README.md", "changed outside")
	r.commit("Grace Hopper", "2024-03-04T09:30:00Z", "second")
	r.write("content/sub/c d.md", "c2")
	r.commit("Ada Lovelace", "2024-05-06T12:00:00-05:00", "third")

	l := mustRead(t, r.dir, "content")
	wantChange(t, l, "content/a.md", "Ada Lovelace", "2024-01-02T10:00:00+02:00")
	wantChange(t, l, "content/b.md", "Grace Hopper", "2024-03-04T09:30:00Z")
	wantChange(t, l, "content/sub/c d.md", "Ada Lovelace", "2024-05-06T12:00:00-05:00")
	wantChange(t, l, "content/é.md", "Ada Lovelace", "2024-01-02T10:00:00+02:00")
	if _, ok := l.Get("README.md"); ok {
		t.Errorf("a file outside the content folder has history")
	}
	if len(l.Changes) != 4 || l.Shallow {
		t.Errorf("got %d files, shallow %v; want 4, false", len(l.Changes), l.Shallow)
	}
	// The date keeps the committer's zone: 3 May in the author's day.
	if c, _ := l.Get("content/sub/c d.md"); c.When.Format("2006-01-02 15:04") != "2024-05-06 12:00" {
		t.Errorf("date shown as %s, want the committer's local time", c.When)
	}
}

func TestRenamesAndDeletions(t *testing.T) {
	r := newRepo(t)
	long := strings.Repeat("a line of a document long enough for rename detection\n", 20)
	r.write("content/moved.md", long+"moved\n")
	r.write("content/edited.md", long+"edited\n")
	r.write("content/gone.md", "gone")
	r.write("content/again.md", "first life")
	r.commit("Ada Lovelace", "2024-01-01T00:00:00Z", "first")
	r.write("content/moved.md", long+"moved, changed\n")
	r.commit("Grace Hopper", "2024-02-01T00:00:00Z", "edit")
	// A pure move, and a move with an edit; a deletion; a deletion whose
	// name is used again later.
	r.mv("content/moved.md", "content/archive/moved.md")
	r.mv("content/edited.md", "content/archive/edited.md")
	r.write("content/archive/edited.md", long+"edited while moved\n")
	r.git("rm", "-q", "content/gone.md", "content/again.md")
	r.commit("Linus Torvalds", "2024-03-01T00:00:00Z", "reorganise")
	r.write("content/again.md", "second life")
	r.commit("Margaret Hamilton", "2024-04-01T00:00:00Z", "again")
	// A second pure move of the same file.
	r.mv("content/archive/moved.md", "content/old/moved.md")
	r.commit("Linus Torvalds", "2024-05-01T00:00:00Z", "reorganise again")

	l := mustRead(t, r.dir, "content")
	wantChange(t, l, "content/old/moved.md", "Grace Hopper", "2024-02-01T00:00:00Z")
	wantChange(t, l, "content/archive/edited.md", "Linus Torvalds", "2024-03-01T00:00:00Z")
	wantChange(t, l, "content/again.md", "Margaret Hamilton", "2024-04-01T00:00:00Z")
	for _, p := range []string{"content/gone.md", "content/moved.md", "content/archive/moved.md", "content/edited.md"} {
		if c, ok := l.Get(p); ok {
			t.Errorf("%s no longer exists, but has history %v", p, c)
		}
	}
}

func TestHandbookInASubfolder(t *testing.T) {
	r := newRepo(t)
	r.write("docs/handbook/content/a.md", "a")
	r.write("docs/handbook/site.yaml", "title: x")
	r.write("content/a.md", "another content folder, outside the handbook")
	r.commit("Ada Lovelace", "2024-01-02T10:00:00Z", "first")
	root := filepath.Join(r.dir, "docs", "handbook")
	l := mustRead(t, root, "content")
	wantChange(t, l, "content/a.md", "Ada Lovelace", "2024-01-02T10:00:00Z")
	if len(l.Changes) != 1 {
		t.Errorf("got %v, want only the handbook's file", l.Changes)
	}

	r.write("docs/handbook/content/a.md", "a, edited")
	r.write("docs/handbook/content/new.md", "new")
	w, err := ReadWorktree(root, "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"content/a.md", "content/new.md"} {
		if c, ok := w.Get(p); !ok || !c.Uncommitted || c.When.IsZero() || c.Author != "" {
			t.Errorf("%s: %+v, want uncommitted, dated by the file", p, c)
		}
	}
	if c, _ := l.Get("content/a.md"); c.Uncommitted {
		t.Errorf("Read marked a file uncommitted")
	}
}

func TestWithoutHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Run("not a repository", func(t *testing.T) {
		dir := t.TempDir()
		_, err := Read(dir, "content")
		if err == nil || !strings.Contains(err.Error(), "not in a git repository") {
			t.Errorf("err = %v, want not in a git repository", err)
		}
	})
	t.Run("no commits", func(t *testing.T) {
		r := newRepo(t)
		_, err := Read(r.dir, "content")
		if err == nil || !strings.Contains(err.Error(), "no commits") {
			t.Errorf("err = %v, want no commits", err)
		}
	})
	t.Run("no git", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := Read(t.TempDir(), "content")
		if err == nil || !strings.Contains(err.Error(), "git is not installed") {
			t.Errorf("err = %v, want git is not installed", err)
		}
	})
}

func TestShallowClone(t *testing.T) {
	r := newRepo(t)
	r.write("content/a.md", "a")
	r.write("content/b.md", "b")
	r.commit("Ada Lovelace", "2024-01-01T00:00:00Z", "first")
	r.write("content/b.md", "b2")
	r.commit("Grace Hopper", "2024-02-01T00:00:00Z", "second")
	clone := filepath.Join(t.TempDir(), "clone")
	gitIn(t, r.dir, nil, "clone", "-q", "--depth", "1", "file://"+r.dir, clone)
	l := mustRead(t, clone, "content")
	if !l.Shallow {
		t.Errorf("a clone of depth 1 is not reported shallow")
	}
	// Only the newest commit is there, and it seems to add every file:
	// it dates none.
	if len(l.Changes) != 0 {
		t.Errorf("the cut of a shallow clone dates files: %v", l.Changes)
	}
	r.write("content/a.md", "a3")
	r.commit("Margaret Hamilton", "2024-03-01T00:00:00Z", "third")
	clone = filepath.Join(t.TempDir(), "clone")
	gitIn(t, r.dir, nil, "clone", "-q", "--depth", "2", "file://"+r.dir, clone)
	l = mustRead(t, clone, "content")
	wantChange(t, l, "content/a.md", "Margaret Hamilton", "2024-03-01T00:00:00Z")
	if c, ok := l.Get("content/b.md"); ok {
		t.Errorf("b.md, last changed at the cut, is dated %v", c)
	}
	if full := mustRead(t, r.dir, "content"); full.Shallow {
		t.Errorf("the full repository is reported shallow")
	}
}

func TestSaved(t *testing.T) {
	l := &Log{Changes: map[string]Change{"content/a.md": {When: time.Unix(0, 0), Author: "Ada"}}}
	now := time.Now()
	l.Saved("content/a.md", now)
	if got, _ := l.Get("content/a.md"); !got.Uncommitted || !got.When.Equal(now) || got.Author != "" {
		t.Errorf("saved file: %+v", got)
	}
	var none *Log
	if _, ok := none.Get("content/a.md"); ok {
		t.Errorf("a nil Log has history")
	}
}
