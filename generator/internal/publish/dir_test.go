package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// build writes a small site through NewDir and commits it.
func build(t *testing.T, out string, g Guard, page string) error {
	t.Helper()
	d, err := NewDir(out, g)
	if err != nil {
		return err
	}
	if err := d.WriteFile("index.html", []byte(page)); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/b/index.html", []byte(page)); err != nil {
		t.Fatal(err)
	}
	return d.Commit()
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDirReplacesOnlyItsOwnOutput: a build replaces an absent, empty or
// marked folder, and refuses, before writing anything, a file, a folder
// holding other files, and the handbook's own folders.
func TestDirReplacesOnlyItsOwnOutput(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "hb")
	content := filepath.Join(src, "content")
	if err := os.MkdirAll(content, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(content, "a.md"), []byte("# A"), 0o644)
	g := Guard{Protected: []string{src, content}, Allowed: filepath.Join(src, "public")}

	// Absent, then marked: both replaced.
	out := filepath.Join(root, "site")
	if err := build(t, out, g, "one"); err != nil {
		t.Fatal(err)
	}
	if err := build(t, out, g, "two"); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "a/b/index.html")); got != "two" {
		t.Errorf("second build left %q", got)
	}
	// The default public/ inside the handbook is allowed.
	if err := build(t, filepath.Join(src, "public"), g, "p"); err != nil {
		t.Errorf("default public/: %v", err)
	}
	// Empty: replaced.
	empty := filepath.Join(root, "empty")
	os.Mkdir(empty, 0o755)
	if err := build(t, empty, g, "e"); err != nil {
		t.Errorf("empty folder: %v", err)
	}

	unrelated := filepath.Join(root, "photos")
	os.Mkdir(unrelated, 0o755)
	os.WriteFile(filepath.Join(unrelated, "cat.jpg"), []byte("meow"), 0o644)
	file := filepath.Join(root, "notes.txt")
	os.WriteFile(file, []byte("keep me"), 0o644)
	link := filepath.Join(root, "link")
	os.Symlink(unrelated, link)
	for _, bad := range []string{unrelated, file, link, src, content, filepath.Join(src, "site"), filepath.Join(content, "out"), root, "/"} {
		err := build(t, bad, g, "x")
		var ref *RefusedError
		if !errors.As(err, &ref) {
			t.Errorf("--out %s: got %v, want a refusal", bad, err)
			continue
		}
		if ref.Hint == "" {
			t.Errorf("--out %s: refusal without a hint", bad)
		}
	}
	if got := read(t, filepath.Join(unrelated, "cat.jpg")); got != "meow" {
		t.Errorf("unrelated folder changed: %q", got)
	}
	if got := read(t, file); got != "keep me" {
		t.Errorf("file changed: %q", got)
	}
	if got := read(t, filepath.Join(content, "a.md")); got != "# A" {
		t.Errorf("content changed: %q", got)
	}
	left, _ := filepath.Glob(filepath.Join(root, ".*"))
	if len(left) > 0 {
		t.Errorf("temporary folders left behind: %v", left)
	}
}

// TestDirPermissions: a web server running as another user can read the
// site, root folder included.
func TestDirPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	out := filepath.Join(t.TempDir(), "site")
	if err := build(t, out, Guard{}, "x"); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		st, _ := os.Stat(p)
		want := fs.FileMode(0o644)
		if d.IsDir() {
			want = 0o755
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s is %v, want %v", p, st.Mode().Perm(), want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDirRecoversFromAKilledBuild: a build killed between setting the old
// site aside and renaming the new one in leaves no site in place; the next
// build puts the old one back before it starts, and removes the temporary
// folders handbook left, but no folder it did not write.
func TestDirRecoversFromAKilledBuild(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "site")
	if err := build(t, out, Guard{}, "old"); err != nil {
		t.Fatal(err)
	}
	// The kill: the old site set aside, a half-written new one beside it.
	aside := filepath.Join(root, ".site.old-123")
	if err := os.Rename(out, aside); err != nil {
		t.Fatal(err)
	}
	half := filepath.Join(root, ".site.tmp-456")
	os.Mkdir(half, 0o755)
	os.WriteFile(filepath.Join(half, Marker), nil, 0o644)
	foreign := filepath.Join(root, ".site.tmp-mine")
	os.Mkdir(foreign, 0o755)

	d, err := NewDir(out, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "old" {
		t.Errorf("the old site was not put back: %q", got)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{aside, half} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s left behind", p)
		}
	}
	if _, err := os.Stat(foreign); err != nil {
		t.Errorf("a folder handbook did not write was removed: %v", err)
	}
}

// TestDirInPlace: an output that cannot be renamed (a mount point) gets
// its contents replaced, marker kept, nothing else of the old site left.
func TestDirInPlace(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if err := build(t, out, Guard{}, "old"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "gone.html"), []byte("old page"), 0o644)
	tmp, err := mkdirRandom(out, ".handbook-tmp-")
	if err != nil {
		t.Fatal(err)
	}
	d := &Dir{final: out, tmp: tmp, inPlace: true, dirs: map[string]bool{}}
	d.WriteFile("index.html", []byte("new"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if fmt.Sprint(names) != fmt.Sprint([]string{Marker, "index.html"}) {
		t.Errorf("after an in-place commit the output holds %v", names)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "new" {
		t.Errorf("index.html = %q", got)
	}
	if runtime.GOOS == "linux" && !isMountPoint("/proc") {
		t.Errorf("/proc is not seen as a mount point")
	}
	if isMountPoint(out) {
		t.Errorf("a plain folder is seen as a mount point")
	}
}

// TestDirStopsAfterAFullDisk: once a write fails for want of space, the
// later ones fail with ErrStopped, so the build reports one error.
func TestDirStopsAfterAFullDisk(t *testing.T) {
	d, err := NewDir(filepath.Join(t.TempDir(), "site"), Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	first := d.fail(&fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC})
	if !errors.Is(first, syscall.ENOSPC) {
		t.Fatalf("first error = %v", first)
	}
	if err := d.WriteFile("b.html", []byte("x")); !errors.Is(err, ErrStopped) {
		t.Errorf("a write after a full disk = %v, want ErrStopped", err)
	}
}

// TestStream: a file made in parts is written as it comes into a folder
// build, and gathered for an in-memory one; a file whose making fails is
// not left half-written, and a path outside the site is refused.
func TestStream(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	d, err := NewDir(out, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	parts := func(w io.Writer) error {
		for i := range 3000 {
			if _, err := fmt.Fprintf(w, "part %d\n", i); err != nil {
				return err
			}
		}
		return nil
	}
	var want strings.Builder
	_ = parts(&want)
	if err := Stream(d, "data/graph.json", parts); err != nil {
		t.Fatal(err)
	}
	broken := errors.New("the maker failed")
	if err := Stream(d, "data/half.json", func(w io.Writer) error {
		_, _ = io.WriteString(w, strings.Repeat("x", 100<<10)) // past the buffer: on disk
		return broken
	}); !errors.Is(err, broken) {
		t.Errorf("a failed stream: %v, want the maker's error", err)
	}
	if err := Stream(d, "../outside.json", parts); err == nil {
		t.Error("a path outside the site was streamed")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "data", "graph.json")); got != want.String() {
		t.Errorf("the streamed file holds %d bytes, want %d", len(got), want.Len())
	}
	if _, err := os.Stat(filepath.Join(out, "data", "half.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed stream left its file: %v", err)
	}
	m := NewMemory()
	if err := Stream(m, "data/graph.json", parts); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.Get("data/graph.json"); string(got) != want.String() {
		t.Errorf("in memory the streamed file holds %d bytes, want %d", len(got), want.Len())
	}
}
