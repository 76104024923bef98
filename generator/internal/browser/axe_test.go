package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/evanw/esbuild/pkg/api"
)

var (
	axeOnce sync.Once
	axeJS   string
	axeErr  error
)

// axeScript bundles axe-core, from the node_modules/ that `npm ci
// --prefix .ci` installs in .ci/ (the version .ci/package-lock.json
// pins), into one script with esbuild, once for the package. Without
// node_modules the test skips, except under CI=true, where it fails.
func axeScript(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join(repoRoot, ".ci"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "axe-core", "package.json")); err != nil {
		msg := "node_modules/axe-core is absent: run `npm ci --prefix .ci` to install the pinned axe-core"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	axeOnce.Do(func() {
		res := api.Build(api.BuildOptions{
			Stdin: &api.StdinOptions{
				Contents:   `import axe from "axe-core"; window.axe = axe;`,
				ResolveDir: root,
				Sourcefile: "axe-entry.js",
				Loader:     api.LoaderJS,
			},
			Bundle:            true,
			Write:             false,
			Format:            api.FormatIIFE,
			Platform:          api.PlatformBrowser,
			MinifyWhitespace:  true,
			MinifySyntax:      true,
			MinifyIdentifiers: true,
			LogLevel:          api.LogLevelSilent,
		})
		if len(res.Errors) > 0 {
			var b strings.Builder
			for _, m := range res.Errors {
				b.WriteString(m.Text + "\n")
			}
			axeErr = fmt.Errorf("bundle axe-core: %s", b.String())
			return
		}
		axeJS = string(res.OutputFiles[0].Contents)
	})
	if axeErr != nil {
		t.Fatal(axeErr)
	}
	return axeJS
}

// violation is what axe-core reports of one rule broken on a page.
type violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// axe runs axe-core on the tab's page as it is and returns its
// violations, every rule of WCAG 2.2 A and AA and axe's best practices.
func (tb *tab) axe() []violation {
	tb.t.Helper()
	if !eval[bool](tb, `typeof window.axe === "object"`) {
		tb.do(chromedp.Evaluate[chromedp.Void](axeScript(tb.t)))
	}
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]violation](`axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
		resultTypes: ["violations"],
	}).then(r => r.violations)`, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("axe.run: %v", err)
	}
	return v
}

// setTheme shows the page in the light or dark theme, as the theme
// control does, and waits for the page to settle in it (transitions
// ended, diagrams drawn again).
func (tb *tab) setTheme(theme string) {
	tb.t.Helper()
	tb.do(chromedp.Evaluate[chromedp.Void](`document.documentElement.dataset.theme = ` + js(theme)))
	if eval[bool](tb, `!!document.querySelector("div.diagram")`) {
		tb.drawn()
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`Promise.all(document.getAnimations().map(a => a.finished)).then(() =>
		new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))`, chromedp.EvalAwaitPromise))
}

// TestAccessibility runs axe-core on every page type of the demo, in the
// light and the dark theme, on a wide screen and on a phone: any violation
// fails the test, reported with its rule, page and elements.
func TestAccessibility(t *testing.T) {
	start := time.Now()
	t.Logf("axe-core bundled by esbuild: %d bytes in %s", len(axeScript(t)), time.Since(start).Round(time.Millisecond)) // or skips, when it is absent
	srv := serve(t, demo(t))
	pages := []struct{ name, path string }{
		{"home", "/"},
		{"page", "/staff/the-role/"},
		{"strategy", "/strategies/databases/"},
		{"vision", "/vision/engineering-2029/"},
		{"design doc (with a diagram)", diagramPage},
		{"decision", "/decisions/0004-kafka-event-backbone/"},
		{"superseded decision", "/decisions/0002-sessions-memcached/"},
		{"checklist", "/onboarding/engineer-first-week/"},
		{"section list", "/design/"},
		{"decision index", "/decisions/"},
		{"decisions by status", "/decisions/status/accepted/"},
		{"decision timeline", "/decisions/timeline/"},
		{"recurring decisions", "/decisions/recurring/"},
		{"health", "/health/"},
		{"owner", "/owners/platform/"},
		{"reading path", "/paths/new-hire/"},
		{"tag", "/tags/payments/"},
		{"tags", "/tags/"},
		{"404", "/404.html"},
	}
	total := 0
	for _, size := range []struct {
		name string
		w, h int64
	}{{"1280×800", 1280, 800}, {"phone 390×844", 390, 844}} {
		for _, p := range pages {
			// A tab a page: a tab's time is bounded (tabTime).
			tb := newTab(t, srv, chromedp.EmulateViewport(size.w, size.h))
			for _, theme := range []string{"light", "dark"} {
				tb.open(p.path)
				tb.setTheme(theme)
				total += tb.reportAxe(fmt.Sprintf("%s %s (%s, %s)", p.name, p.path, theme, size.name))
			}
		}
	}
	t.Logf("axe-core: %d violations on %d page types, light and dark, at 1280×800 and on a phone", total, len(pages))
}

// reportAxe runs axe-core on the page and reports each violation as a
// test error; it returns how many rules were broken.
func (tb *tab) reportAxe(where string) int {
	tb.t.Helper()
	vs := tb.axe()
	for _, v := range vs {
		var nodes []string
		for i, n := range v.Nodes {
			if i == 5 {
				nodes = append(nodes, fmt.Sprintf("… and %d more", len(v.Nodes)-5))
				break
			}
			html := n.HTML
			if len(html) > 160 {
				html = html[:160] + "…"
			}
			summary := strings.ReplaceAll(strings.TrimSpace(n.Summary), "\n", " ")
			nodes = append(nodes, fmt.Sprintf("%v %s (%s)", n.Target, html, summary))
		}
		tb.t.Errorf("%s: axe %s (%s): %s\n\t%s", where, v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t"))
	}
	return len(vs)
}

// TestAccessibilitySearchResults runs axe-core on a page with the search
// box's results open, and on the first result's page with the terms
// marked, in the light and the dark theme, at 1280×800 and on a phone.
func TestAccessibilitySearchResults(t *testing.T) {
	axeScript(t)
	srv := serve(t, demo(t))
	for _, size := range []struct {
		name string
		w, h int64
	}{{"1280×800", 1280, 800}, {"phone 390×844", 390, 844}} {
		tb := newTab(t, srv, chromedp.EmulateViewport(size.w, size.h))
		for _, theme := range []string{"light", "dark"} {
			tb.open("/")
			tb.setTheme(theme)
			got := tb.searchFor("database")
			if len(got) == 0 {
				t.Fatal("no search results for database")
			}
			tb.reportAxe(fmt.Sprintf("search results for database on / (%s, %s)", theme, size.name))
			// The result's page, its matches marked.
			tb.do(chromedp.Navigate(got[0].Href))
			tb.ready()
			tb.waitFor(`!!document.querySelector("mark.search-hit")`)
			tb.setTheme(theme)
			tb.reportAxe(fmt.Sprintf("%s, terms marked (%s, %s)", got[0].Href, theme, size.name))
		}
	}
}
