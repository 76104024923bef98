package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type devServer struct {
	t      *testing.T
	root   string
	url    string
	events chan Event
}

func write(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// startServe runs serve on a temporary copy of files, on a free port of
// 127.0.0.1, and listens to its event stream as a page would.
func startServe(t *testing.T, files map[string]string) *devServer {
	t.Helper()
	root := t.TempDir()
	for p, text := range files {
		write(t, root, p, text)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Source: root, Port: 0, Ready: func(u string) { ready <- u }, Batch: 10 * time.Millisecond})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("serve did not stop")
		}
	})
	d := &devServer{t: t, root: root, url: url, events: make(chan Event, 64)}
	resp, err := http.Get(url + "__handbook/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "data: ") {
				var ev Event
				if json.Unmarshal([]byte(line[6:]), &ev) == nil {
					d.events <- ev
				}
			}
		}
	}()
	d.next() // the current state
	return d
}

// next waits for the next event.
func (d *devServer) next() Event {
	d.t.Helper()
	select {
	case ev := <-d.events:
		return ev
	case <-time.After(10 * time.Second):
		d.t.Fatal("no event within 10s")
	}
	return Event{}
}

func (d *devServer) get(p string) (int, string, http.Header) {
	d.t.Helper()
	resp, err := http.Get(d.url + strings.TrimPrefix(p, "/"))
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func (d *devServer) page(p string) string {
	d.t.Helper()
	code, body, _ := d.get(p)
	if code != 200 {
		d.t.Fatalf("GET %s: %d", p, code)
	}
	return body
}

var site = map[string]string{
	"site.yaml":        "title: Live\n",
	"content/a.md":     "---\ntitle: Page A\n---\nFirst version. See [B](b.md).\n",
	"content/b.md":     "---\ntitle: Page B\n---\nB links to [A](a.md).\n",
	"assets/extra.txt": "not an entry point\n",
}

func contains(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func TestEditReloadsThePage(t *testing.T) {
	d := startServe(t, site)
	contains(t, d.page("/a/"), "First version", `<script src="/__handbook/client.js"></script>`)
	write(t, d.root, "content/a.md", "---\ntitle: Page A\n---\nSecond version. See [B](b.md).\n")
	ev := d.next()
	if len(ev.Errors) > 0 || !containsStr(ev.Changed, "/a/") {
		t.Fatalf("event %+v does not reload /a/", ev)
	}
	if containsStr(ev.Changed, "/b/") {
		t.Errorf("a body edit of a reloaded b too: %v", ev.Changed)
	}
	contains(t, d.page("/a/"), "Second version")
}

func TestBrokenSaveKeepsLastGoodSiteUntilFixed(t *testing.T) {
	d := startServe(t, site)
	write(t, d.root, "content/a.md", "---\ntitle: [Page A\n---\nBroken.\n")
	ev := d.next()
	if len(ev.Errors) != 1 || ev.Errors[0].Path != "content/a.md" || ev.Errors[0].Line != 2 || ev.Errors[0].Source != "title: [Page A" {
		t.Fatalf("overlay event: %+v", ev)
	}
	contains(t, d.page("/a/"), "First version")
	write(t, d.root, "content/a.md", "---\ntitle: Page A\n---\nFixed.\n")
	ev = d.next()
	if len(ev.Errors) != 0 {
		t.Fatalf("still failing: %+v", ev.Errors)
	}
	contains(t, d.page("/a/"), "Fixed.")
}

func TestNewFolderAndDeletedPage(t *testing.T) {
	d := startServe(t, site)
	contains(t, d.page("/a/"), "Referenced by", `href="../b/"`)
	if err := os.MkdirAll(filepath.Join(d.root, "content", "guides"), 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // let the watcher add the new folder
	write(t, d.root, "content/guides/new.md", "---\ntitle: Brand new\n---\nHello.\n")
	waitFor(t, d, func() bool { c, b, _ := d.get("/guides/new/"); return c == 200 && strings.Contains(b, "Hello.") })
	if err := os.Remove(filepath.Join(d.root, "content", "b.md")); err != nil {
		t.Fatal(err)
	}
	// a.md now links to a missing page: the build fails and keeps the old site.
	ev := d.next()
	if len(ev.Errors) == 0 {
		t.Fatalf("deleting a linked page did not fail the build: %+v", ev)
	}
	write(t, d.root, "content/a.md", "---\ntitle: Page A\n---\nNo more links.\n")
	waitFor(t, d, func() bool { c, _, _ := d.get("/b/"); return c == 404 })
	body := d.page("/a/")
	if strings.Contains(body, "Referenced by") {
		t.Error("a still shows the backlink of the deleted page")
	}
}

func TestRenameAndReplaceSave(t *testing.T) {
	d := startServe(t, site)
	tmp := filepath.Join(d.root, "content", ".a.md.swp")
	write(t, d.root, "content/.a.md.swp", "---\ntitle: Page A\n---\nSaved by rename.\n")
	if err := os.Rename(tmp, filepath.Join(d.root, "content", "a.md")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, d, func() bool { return strings.Contains(d.page("/a/"), "Saved by rename.") })
}

func TestStylesheetChangeSwapsWithoutReload(t *testing.T) {
	files := map[string]string{"content/a.md": "# A\n", "assets/main.css": "body { color: black; }\n"}
	d := startServe(t, files)
	write(t, d.root, "assets/main.css", "body { color: navy; }\n")
	ev := d.next()
	if ev.CSS == "" || len(ev.Changed) != 0 {
		t.Fatalf("css change event: %+v", ev)
	}
	code, body, hdr := d.get(ev.CSS)
	if code != 200 || !strings.Contains(body, "navy") || !strings.HasPrefix(hdr.Get("Content-Type"), "text/css") {
		t.Errorf("new stylesheet: %d %q %s", code, body, hdr.Get("Content-Type"))
	}
}

func TestHTTPBehaviour(t *testing.T) {
	d := startServe(t, site)
	code, _, hdr := d.get("/a/")
	if code != 200 || hdr.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("page: %d %s", code, hdr.Get("Content-Type"))
	}
	req, _ := http.NewRequest("GET", d.url+"a/", nil)
	req.Header.Set("If-None-Match", hdr.Get("ETag"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %d", resp.StatusCode)
	}
	if code, body, _ := d.get("/nowhere/"); code != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("404: %d", code)
	}
	if code, _, _ := d.get("/../../etc/passwd"); code != 404 {
		t.Errorf("escape: %d", code)
	}
	if code, _, _ := d.get("/assets/"); code != 404 {
		t.Errorf("directory listing: %d", code)
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err = noRedirect.Get(d.url + "a")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/a/" {
		t.Errorf("redirect: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, _, h := d.get("/sitemap.xml"); !strings.HasPrefix(h.Get("Content-Type"), "application/xml") {
		t.Errorf("sitemap type %s", h.Get("Content-Type"))
	}
	if !strings.HasPrefix(d.url, "http://127.0.0.1:") {
		t.Errorf("serve is not on 127.0.0.1: %s", d.url)
	}
}

func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	root := t.TempDir()
	write(t, root, "content/a.md", "# A\n")
	err = Run(context.Background(), Options{Source: root, Port: port})
	if !errors.Is(err, ErrPortInUse) || !strings.Contains(err.Error(), "--port 0") {
		t.Errorf("err = %v", err)
	}
}

func waitFor(t *testing.T, d *devServer, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ok() {
			return
		}
		select {
		case <-d.events:
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatal("condition not met within 10s")
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
