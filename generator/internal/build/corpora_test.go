package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"handbook/generator/internal/theme"
)

// corporaEnv names the variable that points at a folder of handbooks and
// decision logs written elsewhere, one collection per subfolder; the tests
// skip when it is unset or a collection is absent.
const corporaEnv = "HANDBOOK_CORPORA"

// corpus builds one collection in memory with a site.yaml naming its
// content folder, laid over the collection's own files.
func corpus(t *testing.T, name, contentDir string) *site {
	t.Helper()
	dir := os.Getenv(corporaEnv)
	if dir == "" {
		t.Skipf("set %s to a folder of real handbooks to check corpus %s", corporaEnv, name)
	}
	root := filepath.Join(dir, name)
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus %s is absent (%v)", name, err)
	}
	fsys := &theme.Overlay{
		Top:  fstest.MapFS{"site.yaml": {Data: []byte("content_dir: " + contentDir + "\n")}},
		Base: os.DirFS(root),
	}
	start := time.Now()
	s := &site{t: t, res: Run(fsys, nil, Options{Now: testNow})}
	t.Logf("%s: %s (%s)", name, s.res.Summary(), time.Since(start).Round(time.Millisecond))
	return s
}

// The hand-checked broken links of each corpus are reported at their exact
// position, and links that work are not.
func TestCorpora(t *testing.T) {
	cases := []struct {
		name, content string
		minDocs       int
		reported      []string
		notReported   []string
	}{
		{"sourcegraph-handbook", "content", 800,
			[]string{`content/departments/cloud/technical-docs/v2.0/delete_process.md:44:4: error: broken link "#removes-gke-backups-and-restores"`},
			[]string{"document has no title", "[[", "leaves the site"}},
		{"rust-rfcs", ".", 600,
			[]string{`text/0019-opt-in-builtin-traits.md:263:20: error: broken link "0003-opt-in-builtin-traits.md": no such document`},
			[]string{"document has no title", `broken link [[1]]`, "has no heading #overload"}},
		{"18f-handbook", "pages", 200,
			[]string{`pages/tools/slack.md:16:3: error: broken link "emoji/": no such document`},
			[]string{`{{site.base_url}}/18f-bd/`, `aka-tlc-crew`}},
		{"adr-madr", "docs", 20, nil, []string{"0001-use-CC0-or-MIT-as-license.md:1:1: error"}},
		{"adr-log4brains", "docs/adr", 10, nil, []string{"a page has no status"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := corpus(t, c.name, c.content)
			if n := len(s.res.Site.Docs); n < c.minDocs {
				t.Errorf("%d documents, want at least %d", n, c.minDocs)
			}
			got := s.diags()
			for _, w := range c.reported {
				if !strings.Contains(got, w) {
					t.Errorf("not reported: %s", w)
				}
			}
			for _, w := range c.notReported {
				if strings.Contains(got, w) {
					t.Errorf("reported, but works: %s", w)
				}
			}
		})
	}
}
