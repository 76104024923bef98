package build

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/publish"
)

// vanishing is a MapFS whose gone files are listed in their folders but
// are not there when opened: files removed between the listing of the
// content and their reading, as an editor's temporary file renamed over
// the document it saves.
type vanishing struct {
	fstest.MapFS
	gone map[string]bool
}

func (v vanishing) notExist(op, name string) error {
	return &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

func (v vanishing) Open(name string) (fs.File, error) {
	if v.gone[name] {
		return nil, v.notExist("open", name)
	}
	return v.MapFS.Open(name)
}

func (v vanishing) ReadFile(name string) ([]byte, error) {
	if v.gone[name] {
		return nil, v.notExist("open", name)
	}
	return v.MapFS.ReadFile(name)
}

func (v vanishing) Stat(name string) (fs.FileInfo, error) {
	if v.gone[name] {
		return nil, v.notExist("stat", name)
	}
	return v.MapFS.Stat(name)
}

// A file removed while the site is built, after the content was listed,
// is not part of the site and no error, in a build and in serve's
// rebuilds: sed -i's temporary file, renamed over the document it edits
// as serve rebuilds for it, once failed the rebuild.
func TestFileRemovedWhileBuildingIsNoError(t *testing.T) {
	fsys := vanishing{MapFS: fstest.MapFS{
		"site.yaml":                 {Data: []byte("title: Vanishing\n")},
		"content/_index.md":         {Data: []byte("---\ntitle: Home\n---\nStart.\n")},
		"content/notes/a.md":        {Data: []byte("---\ntitle: A\n---\nStays.\n")},
		"content/notes/b.md":        {Data: []byte("---\ntitle: B\n---\nGoes.\n")},
		"content/notes/sedX1yZ2q":   {Data: []byte("---\ntitle: A\n---\nStays!\n")},
		"content/notes/diagram.png": {Data: []byte("png")},
	}, gone: map[string]bool{"content/notes/b.md": true, "content/notes/sedX1yZ2q": true}}
	out := publish.NewMemory()
	res := Run(fsys, out, Options{Now: testNow})
	if res.Errors > 0 {
		t.Fatalf("errors for files removed while building: %v", res.Diags.All())
	}
	for _, p := range out.Paths() {
		if strings.Contains(p, "sedX1yZ2q") || strings.HasPrefix(p, "notes/b/") {
			t.Errorf("%s published, from a file that was gone", p)
		}
	}
	if _, ok := out.Get("notes/diagram.png"); !ok {
		t.Error("a file that stayed was not published")
	}
	sess := NewSession(fsys, Options{Now: testNow})
	if up := sess.Rebuild([]string{"content/notes/sedX1yZ2q", "content/notes/a.md"}); up.Complete() != nil && up.Result.Errors > 0 {
		t.Fatalf("serve's rebuild failed for a file removed while it ran: %v", up.Result.Diags.All())
	}
}
