package browser

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	defaultassets "handbook/assets"
	hbserve "handbook/generator/internal/serve"
)

// serveHandbook runs serve on a handbook of files, in a temporary folder,
// and returns a test server that passes every request to it (the tab
// helpers speak to an httptest server) and a function that saves a file
// of the handbook.
func serveHandbook(t *testing.T, files map[string]string) (*httptest.Server, func(rel, text string)) {
	t.Helper()
	root := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		full := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for rel, text := range files {
		write(rel, text)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- hbserve.Run(ctx, hbserve.Options{Source: root, Port: 0, Log: io.Discard, Ready: func(u string) { ready <- u }})
	}()
	t.Cleanup(func() { cancel(); <-done })
	var target *url.URL
	select {
	case u := <-ready:
		target, _ = url.Parse(u)
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	proxy := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(target) }}
	srv := httptest.NewServer(proxy)
	t.Cleanup(srv.Close)
	return srv, write
}

// waitReload waits until the page has reloaded (window.__stayed, set
// before, is gone) and loaded: an evaluation may meet it mid-navigation.
func (tb *tab) waitReload() {
	tb.t.Helper()
	for deadline := time.Now().Add(wait); ; {
		v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`window.__stayed !== true && document.readyState === "complete"`))
		if err == nil && v {
			return
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("the page did not reload (%v)", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestServeReloadKeepsTheReadersPlace saves an edit to the end of a long
// page while the author reads it halfway down: the page reloads with the
// edit, where it was, not at its top.
func TestServeReloadKeepsTheReadersPlace(t *testing.T) {
	page := func(last string) string {
		var b strings.Builder
		b.WriteString("# Long\n\n")
		for i := range 200 {
			fmt.Fprintf(&b, "## Part %d\n\nParagraph %d of a long design document, long enough to scroll through.\n\n", i, i)
		}
		return b.String() + last + "\n"
	}
	srv, write := serveHandbook(t, map[string]string{
		"content/_index.md": "# Home\n\nSee [long](long.md).\n",
		"content/long.md":   page("First ending."),
	})
	tb := newTab(t, srv)
	tb.open("/long/")
	tb.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 3000); window.__stayed = true`))
	tb.waitFor(`Math.abs(window.scrollY - 3000) < 2`)
	time.Sleep(300 * time.Millisecond) // the event stream is open
	write("content/long.md", page("Second ending."))
	tb.waitReload()
	tb.waitFor(`document.body.textContent.includes("Second ending.")`)
	time.Sleep(200 * time.Millisecond) // main.js and the fonts have laid the page out
	if y := eval[float64](tb, `window.scrollY`); y < 2900 || y > 3100 {
		t.Errorf("after the reload the page is at %.0f px, want where it was, 3000", y)
	}
}

// TestServeSwapsStylesAndClosesTheOverlay runs serve on a handbook and
// drives a page as an author would: a stylesheet edit swaps the stylesheet
// of the home page without reloading it; a save that breaks the build
// shows the overlay, which the author can close and which comes back on
// the next failed save; the save that fixes it reloads the page.
func TestServeSwapsStylesAndClosesTheOverlay(t *testing.T) {
	css, err := defaultassets.FS.ReadFile("main.css")
	if err != nil {
		t.Fatal(err)
	}
	srv, write := serveHandbook(t, map[string]string{
		"content/_index.md": "# Home\n\nSee [A](a.md).\n",
		"content/a.md":      "# A\n\nFine.\n",
		"assets/main.css":   string(css),
	})

	tb := newTab(t, srv)
	tb.open("/")
	tb.waitFor(`!!document.querySelector('link[rel="stylesheet"]')`)
	before := eval[string](tb, `document.querySelector('link[rel="stylesheet"]').getAttribute("href")`)
	tb.do(chromedp.Evaluate[chromedp.Void](`window.__stayed = true`))
	time.Sleep(300 * time.Millisecond) // the event stream is open
	write("assets/main.css", string(css)+"\nbody { outline: 3px solid rgb(1, 2, 3); }\n")
	tb.waitFor(`getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)"`)
	if !eval[bool](tb, `window.__stayed === true`) {
		t.Errorf("the home page reloaded for a stylesheet edit")
	}
	if after := eval[string](tb, `document.querySelector('link[rel="stylesheet"]').href`); after == before {
		t.Errorf("the stylesheet link was not swapped")
	}

	write("content/a.md", "# A\n\n[gone](missing.md)\n")
	tb.waitFor(`!!document.getElementById("handbook-errors")`)
	tb.click(`#handbook-errors button`)
	tb.waitFor(`!document.getElementById("handbook-errors")`)
	write("content/a.md", "# A\n\n[still gone](missing-too.md)\n")
	tb.waitFor(`!!document.getElementById("handbook-errors") && document.getElementById("handbook-errors").textContent.includes("missing-too.md")`)
	tb.click(`#handbook-errors button`)
	write("content/a.md", "# A\n\nFixed.\n")
	tb.waitReload()
	if eval[bool](tb, `!!document.getElementById("handbook-errors")`) {
		t.Errorf("the overlay is still there after the fix")
	}
}
