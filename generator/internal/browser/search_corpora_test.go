package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"handbook/generator/internal/build"
	"handbook/generator/internal/publish"
	"handbook/generator/internal/theme"
)

// TestSearchOnCorpora searches real handbooks as their readers would: a
// word, a typo, a prefix and a phrase of two words each find documents,
// the first result's title or snippet marks what matched, and the page it
// opens marks the terms, at the section the link names.
func TestSearchOnCorpora(t *testing.T) {
	dir := os.Getenv("HANDBOOK_CORPORA")
	if dir == "" {
		t.Skip("set HANDBOOK_CORPORA to a folder of real handbooks to search them")
	}
	for _, c := range []struct {
		name, content string
		queries       []string
	}{
		{"sourcegraph-handbook", "content", []string{"onboarding", "incident", "intervew", "compens", "code review"}},
		{"rust-rfcs", "text", []string{"async", "lifetime elision", "borow checker", "const gen", "trait object"}},
		{"adr-madr", "docs", []string{"status:proposed", "markdown template", "kind:decision yaml"}},
		{"18f-handbook", "pages", []string{"travel", "slack", "accessibilty", "leave"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := buildCorpus(t, dir, c.name, c.content)
			srv := serve(t, out)
			// Pages of the handbooks link images of their own hosts: the tab
			// records them without failing the test.
			tb := attach(t, srv)
			tb.open("/")
			for _, q := range c.queries {
				got := tb.searchFor(q)
				total := eval[string](tb, `document.querySelector(".search-status").textContent`)
				var top []string
				for _, o := range got[:min(3, len(got))] {
					top = append(top, o.Title)
				}
				t.Logf("%q: %s; first: %s", q, total, strings.Join(top, " | "))
				if strings.Contains(q, ":") {
					if len(got) == 0 {
						t.Errorf("%s: no results for %q", c.name, q)
					}
					continue
				}
				if len(got) == 0 || len(got[0].Marks) == 0 {
					t.Errorf("%s: the first result for %q marks nothing: %+v", c.name, q, got)
					continue
				}
				tb.do(chromedp.KeyEvent(kb.ArrowDown))
				tb.follow(chromedp.KeyEvent(kb.Enter))
				tb.waitFor(`document.querySelectorAll("mark.search-hit").length > 0`)
				if id := eval[string](tb, `decodeURIComponent(location.hash.slice(1))`); id != "" {
					if !eval[bool](tb, `!!document.getElementById(`+js(id)+`)`) {
						t.Errorf("%s: %q opened %s, whose section #%s is not on the page", c.name, q, tb.path(), id)
					}
				}
				tb.open("/")
			}
		})
	}
}

// buildCorpus builds the collection name of the corpora folder dir, its
// Markdown in its folder content, into a temporary folder it returns;
// the test skips when the collection is absent. Broken links are warnings,
// as a team's first run on its own content would set them.
func buildCorpus(t *testing.T, dir, name, content string) string {
	t.Helper()
	root := filepath.Join(dir, name)
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus %s is absent (%v)", name, err)
	}
	out := filepath.Join(t.TempDir(), "public")
	w, err := publish.NewDir(out, publish.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	fsys := &theme.Overlay{
		Top:  fstest.MapFS{"site.yaml": {Data: []byte("content_dir: " + content + "\n")}},
		Base: os.DirFS(root),
	}
	if res := build.Run(fsys, w, build.Options{BrokenLinks: "warning"}); res.Errors > 0 {
		_ = w.Abort()
		t.Fatalf("%s: %d errors", name, res.Errors)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	return out
}
