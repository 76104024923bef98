package browser

import (
	"context"
	"io"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	defaultassets "handbook/assets"
	hbserve "handbook/generator/internal/serve"
)

// TestServeSwapsStylesAndClosesTheOverlay runs serve on a handbook and
// drives a page as an author would: a stylesheet edit swaps the stylesheet
// of the home page without reloading it; a save that breaks the build
// shows the overlay, which the author can close and which comes back on
// the next failed save; the save that fixes it reloads the page.
func TestServeSwapsStylesAndClosesTheOverlay(t *testing.T) {
	root := t.TempDir()
	css, err := defaultassets.FS.ReadFile("main.css")
	if err != nil {
		t.Fatal(err)
	}
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
	write("content/_index.md", "# Home\n\nSee [A](a.md).\n")
	write("content/a.md", "# A\n\nFine.\n")
	write("assets/main.css", string(css))

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
	// The tab helpers speak to an httptest server; this one passes every
	// request to serve, as for its own address.
	proxy := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(target) }}
	srv := httptest.NewServer(proxy)
	t.Cleanup(srv.Close)

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
	// The page reloads: an evaluation may meet it mid-navigation.
	for deadline := time.Now().Add(wait); ; {
		v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`window.__stayed !== true && document.readyState === "complete"`))
		if err == nil && v {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page did not reload after the fix (%v)", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if eval[bool](tb, `!!document.getElementById("handbook-errors")`) {
		t.Errorf("the overlay is still there after the fix")
	}
}
