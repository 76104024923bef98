package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"handbook/generator/internal/publish"
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

// replace saves text at rel as editors that write a new file and rename
// it over the old one do: the file is never seen empty or half-written,
// which a test that expects one rebuild a save needs under load.
func replace(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, rel)
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp") // ignored by the watcher
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// startServe runs serve on a temporary copy of files, on a free port of
// 127.0.0.1, and listens to its event stream as a page would.
func startServe(t *testing.T, files map[string]string) *devServer {
	t.Helper()
	return startServeWith(t, files, nil)
}

// startServeWith is startServe with options set by with.
func startServeWith(t *testing.T, files map[string]string, with func(*Options)) *devServer {
	t.Helper()
	root := t.TempDir()
	for p, text := range files {
		write(t, root, p, text)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	o := Options{Source: root, Port: 0, Ready: func(u string) { ready <- u }, Batch: 10 * time.Millisecond}
	if with != nil {
		with(&o)
	}
	go func() { done <- Run(ctx, o) }()
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

// settled is the event after an edit once the file is whole: a rebuild
// that read the file while it was being written in place (emptied, then
// filled) reports what it read, and the next one, a moment later, the
// file as saved; it waits through one such event.
func (d *devServer) settled() Event {
	d.t.Helper()
	ev := d.next()
	if len(ev.Errors) > 0 {
		select {
		case later := <-d.events:
			return later
		case <-time.After(2 * time.Second):
		}
	}
	return ev
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
	ev := d.settled()
	if len(ev.Errors) > 0 || !containsStr(ev.Changed, "/a/") {
		t.Fatalf("event %+v does not reload /a/", ev)
	}
	if containsStr(ev.Changed, "/b/") {
		t.Errorf("a body edit of a reloaded b too: %v", ev.Changed)
	}
	contains(t, d.page("/a/"), "Second version")
}

// TestSaveInTwoStepsShowsNoErrors empties a page, as an editor saving in
// place does, and fills it a moment later: the rebuild that read it empty
// (its page gone, B's link to it broken) is overtaken by the next, so an
// open page never flashes the errors of a file that was half-saved.
func TestSaveInTwoStepsShowsNoErrors(t *testing.T) {
	d := startServe(t, site)
	write(t, d.root, "content/a.md", "")
	time.Sleep(30 * time.Millisecond)
	write(t, d.root, "content/a.md", "---\ntitle: Page A\n---\nSaved in two steps. See [B](b.md).\n")
	ev := d.next()
	if len(ev.Errors) > 0 {
		t.Fatalf("the half-saved file's errors were shown: %+v", ev.Errors)
	}
	contains(t, d.page("/a/"), "Saved in two steps")
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
	for range 3 {
		// A save can reach the watcher as two events (the file emptied,
		// then written): the broken file's second one, or the build of
		// the emptied file (whose page is gone, so B's link to it is
		// broken), may come first.
		if len(ev.Errors) == 0 {
			break
		}
		ev = d.next()
	}
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
	// a.md now links to a missing page: the build fails and keeps the old
	// site. A rebuild for the new page may still be on its way first.
	ev := d.next()
	for i := 0; i < 2 && len(ev.Errors) == 0; i++ {
		ev = d.next()
	}
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
	if _, _, h := d.get("/feed.xml"); !strings.HasPrefix(h.Get("Content-Type"), "application/xml") {
		t.Errorf("feed type %s", h.Get("Content-Type"))
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

// getHost requests p with the given Host header.
func (d *devServer) getHost(host, p string) (int, string) {
	d.t.Helper()
	req, err := http.NewRequest("GET", d.url+strings.TrimPrefix(p, "/"), nil)
	if err != nil {
		d.t.Fatal(err)
	}
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestOnlyOwnHostsAreAnswered(t *testing.T) {
	var log strings.Builder
	var mu sync.Mutex
	d := startServeWith(t, site, func(o *Options) {
		o.Log = writerFunc(func(b []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return log.Write(b) })
	})
	port := d.url[strings.LastIndex(d.url[:len(d.url)-1], ":")+1 : len(d.url)-1]
	routes := []string{"/a/", "/", "/nowhere/", "/feed.xml", "/__handbook/client.js", "/__handbook/events"}
	for _, host := range []string{"evil.example", "evil.example:" + port, "localhost:1", "127.0.0.1:" + port + "0", "127.0.0.1.evil.example:" + port, "docs.internal:" + port, "[::2]:" + port} {
		for _, p := range routes {
			code, body := d.getHost(host, p)
			if code != http.StatusForbidden {
				t.Errorf("Host %s, GET %s: %d, want 403", host, p, code)
				continue
			}
			name := host
			if i := strings.LastIndex(host, ":"); i > 0 && !strings.HasSuffix(host, "]") {
				name = host[:i]
			}
			if !strings.Contains(body, `"`+host+`"`) || !strings.Contains(body, "--allowed-host "+name) {
				t.Errorf("Host %s: the refusal does not name the host and the flag: %q", host, body)
			}
		}
	}
	for _, host := range []string{"localhost", "LOCALHOST:" + port, "127.0.0.1", "127.0.0.1:" + port, "[::1]", "[::1]:" + port, "LocalHost"} {
		for _, p := range routes[:2] {
			if code, body := d.getHost(host, p); code != 200 || !strings.Contains(body, "<html") {
				t.Errorf("Host %s, GET %s: %d", host, p, code)
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(log.String(), `"evil.example"`) {
		t.Errorf("the terminal does not say a host was refused:\n%s", log.String())
	}
}

func TestAllowedHostsAreAnswered(t *testing.T) {
	var hosts Hosts
	for _, v := range []string{"docs.internal", "Wiki.Internal, proxy.internal:8443"} {
		if err := hosts.Set(v); err != nil {
			t.Fatal(err)
		}
	}
	d := startServeWith(t, site, func(o *Options) { o.AllowedHosts = hosts })
	port := d.url[strings.LastIndex(d.url[:len(d.url)-1], ":")+1 : len(d.url)-1]
	for _, host := range []string{"docs.internal", "docs.internal:" + port, "DOCS.internal", "wiki.internal:" + port, "proxy.internal:8443", "localhost:" + port} {
		if code, body := d.getHost(host, "/a/"); code != 200 || !strings.Contains(body, "First version") {
			t.Errorf("allowed Host %s: %d", host, code)
		}
	}
	req, _ := http.NewRequest("GET", d.url+"__handbook/events", nil)
	req.Host = "docs.internal"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Errorf("allowed Host, events: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, host := range []string{"other.internal", "docs.internal:1", "proxy.internal", "proxy.internal:" + port, "evil.example"} {
		if code, _ := d.getHost(host, "/a/"); code != http.StatusForbidden {
			t.Errorf("Host %s: %d, want 403", host, code)
		}
	}
}

func TestAllowedHostValues(t *testing.T) {
	for _, bad := range []string{"http://docs.internal", "docs.internal/x", "a b", ":8080", "docs.internal:http", "docs.internal:0"} {
		var h Hosts
		if err := h.Set(bad); err == nil {
			t.Errorf("--allowed-host %q was accepted", bad)
		}
	}
	var h Hosts
	if err := h.Set("a.internal,,b.internal:9000, [fd00::1]"); err != nil || h.String() != "a.internal,b.internal:9000,[fd00::1]" {
		t.Errorf("Set: %v %q", err, h.String())
	}
}

func TestBindAddressIsAnswered(t *testing.T) {
	// serve bound to every address answers its bind address and IP
	// addresses, and still refuses the names it does not know.
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	for _, c := range []struct {
		bind, host string
		code       int
	}{
		{"0.0.0.0", "0.0.0.0:1313", 200},
		{"0.0.0.0", "0.0.0.0", 200},
		{"0.0.0.0", "localhost:1313", 200},
		// Bound beyond loopback, the machine's addresses are answered:
		// a colleague opens http://192.168.1.20:1313/.
		{"0.0.0.0", "192.168.1.20:1313", 200},
		{"0.0.0.0", "192.168.1.20:1314", 403},
		{"0.0.0.0", "evil.example:1313", 403},
		{"0.0.0.0", "192.168.1.20.evil.example:1313", 403},
		{"::", "[::]:1313", 200},
		{"::", "[fd00::5]:1313", 200},
		{"192.168.1.20", "192.168.1.20:1313", 200},
		{"192.168.1.20", "192.168.1.20:1314", 403},
		{"127.0.0.1", "192.168.1.20:1313", 403},
		{"Docs.Local", "docs.local:1313", 200},
		{"127.0.0.1", "", 403},
	} {
		req := httptest.NewRequest("GET", "/a/", nil)
		req.Host = c.host
		rec := httptest.NewRecorder()
		guardHosts(ok, c.bind, 1313, nil, nil).ServeHTTP(rec, req)
		if rec.Code != c.code {
			t.Errorf("bind %s, Host %q: %d, want %d (%s)", c.bind, c.host, rec.Code, c.code, rec.Body)
		}
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// eventually waits until page p is served with every one of wants.
func (d *devServer) eventually(p string, wants ...string) {
	d.t.Helper()
	var body string
	deadline := time.Now().Add(10 * time.Second)
	for {
		var code int
		code, body, _ = d.get(p)
		ok := code == 200
		for _, w := range wants {
			ok = ok && strings.Contains(body, w)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			d.t.Fatalf("GET %s did not show %q within 10s; it serves (%d):\n%.600s", p, wants, code, body)
		}
		select {
		case <-d.events:
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// stylesheet returns the stylesheet page p links to.
func (d *devServer) stylesheet(p string) string {
	d.t.Helper()
	m := regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"`).FindStringSubmatch(d.page(p))
	if m == nil {
		d.t.Fatalf("%s links no stylesheet", p)
	}
	base, _ := url.Parse(d.url + strings.TrimPrefix(p, "/"))
	ref, _ := url.Parse(m[1])
	_, body, _ := d.get(base.ResolveReference(ref).Path)
	return body
}

// renameOver saves rel as sed -i and most editors do: the new text goes to
// a temporary file beside it, renamed over the old one.
func renameOver(t *testing.T, root, rel, tmp, text string) {
	t.Helper()
	write(t, root, path.Join(path.Dir(rel), tmp), text)
	if err := os.Rename(filepath.Join(root, filepath.Dir(rel), tmp), filepath.Join(root, rel)); err != nil {
		t.Fatal(err)
	}
}

func TestContentDeletedAndRecreated(t *testing.T) {
	d := startServe(t, site)
	contains(t, d.page("/a/"), "First version")
	if err := os.RemoveAll(filepath.Join(d.root, "content")); err != nil {
		t.Fatal(err)
	}
	d.next() // the rebuild without content
	write(t, d.root, "content/a.md", "---\ntitle: Page A\n---\nRecreated A. See [B](b.md).\n")
	write(t, d.root, "content/b.md", "---\ntitle: Page B\n---\nRecreated B.\n")
	write(t, d.root, "content/guides/new.md", "---\ntitle: Guide\n---\nRecreated guide.\n")
	d.eventually("/a/", "Recreated A.")
	d.eventually("/guides/new/", "Recreated guide.")

	// Edits after the recreation, in the new folder, old and new subfolders.
	write(t, d.root, "content/a.md", "---\ntitle: Page A\n---\nEdited after recreation.\n")
	d.eventually("/a/", "Edited after recreation.")
	write(t, d.root, "content/guides/new.md", "---\ntitle: Guide\n---\nGuide edited.\n")
	d.eventually("/guides/new/", "Guide edited.")
	write(t, d.root, "content/deep/er/c.md", "---\ntitle: Deep C\n---\nIn a new subfolder.\n")
	d.eventually("/deep/er/c/", "In a new subfolder.")
	write(t, d.root, "content/deep/er/c.md", "---\ntitle: Deep C\n---\nDeep edit.\n")
	d.eventually("/deep/er/c/", "Deep edit.")
	renameOver(t, d.root, "content/b.md", ".b.md.swp", "---\ntitle: Page B\n---\nB saved by rename.\n")
	d.eventually("/b/", "B saved by rename.")
}

func TestSiteYAMLReplacedByRename(t *testing.T) {
	d := startServe(t, site)
	contains(t, d.page("/a/"), "Live")
	renameOver(t, d.root, "site.yaml", "sedX1b2c3", "title: Renamed Once\n")
	d.eventually("/a/", "Renamed Once")
	renameOver(t, d.root, "site.yaml", "site.yaml.tmp", "title: Renamed Twice\n")
	d.eventually("/a/", "Renamed Twice")
	write(t, d.root, "site.yaml", "title: Written In Place\n")
	d.eventually("/a/", "Written In Place")
}

func TestSiteYAMLCreatedWhileServing(t *testing.T) {
	d := startServe(t, map[string]string{"content/a.md": "---\ntitle: Page A\n---\nHello.\n"})
	contains(t, d.page("/a/"), "Hello.")
	write(t, d.root, "site.yaml", "title: Born Later\n")
	d.eventually("/a/", "Born Later")
	write(t, d.root, "site.yaml", "title: Edited Later\n")
	d.eventually("/a/", "Edited Later")
	renameOver(t, d.root, "site.yaml", "sedQ9w8e7", "title: Renamed Later\n")
	d.eventually("/a/", "Renamed Later")
	// site.yaml moves the content elsewhere: that folder is watched too.
	write(t, d.root, "docs/a.md", "---\ntitle: Page A\n---\nFrom docs.\n")
	write(t, d.root, "site.yaml", "title: Docs\ncontent_dir: docs\n")
	d.eventually("/a/", "From docs.")
	write(t, d.root, "docs/a.md", "---\ntitle: Page A\n---\nEdited in docs.\n")
	d.eventually("/a/", "Edited in docs.")
}

// A CODEOWNERS file created or edited while serving gives owners anew,
// in .github/ as at the root.
func TestCodeownersCreatedWhileServing(t *testing.T) {
	d := startServe(t, map[string]string{"content/a.md": "---\ntitle: Page A\n---\nHello.\n"})
	contains(t, d.page("/a/"), "Hello.")
	write(t, d.root, ".github/CODEOWNERS", "* @acme/first\n")
	d.eventually("/a/", ">@acme/first</a>")
	renameOver(t, d.root, ".github/CODEOWNERS", "CODEOWNERS.swp", "content/ @acme/second\n")
	d.eventually("/a/", ">@acme/second</a>")
}

// A handbook in a folder of its repository follows the CODEOWNERS file
// at the repository's top, outside the handbook's folder, created and
// then replaced while serving, with inotify and with --poll.
func TestRepositoryCodeownersCreatedWhileServing(t *testing.T) {
	for _, poll := range []bool{false, true} {
		t.Run(fmt.Sprintf("poll=%v", poll), func(t *testing.T) {
			d := startServeWith(t, map[string]string{
				".git/HEAD":                  "ref: refs/heads/main\n",
				"docs/handbook/content/a.md": "---\ntitle: Page A\n---\nHello.\n",
			}, func(o *Options) { o.Source, o.Poll = filepath.Join(o.Source, "docs", "handbook"), poll })
			contains(t, d.page("/a/"), "Hello.")
			write(t, d.root, ".github/CODEOWNERS", "/docs/handbook/ @acme/first\n")
			d.eventually("/a/", ">@acme/first</a>")
			renameOver(t, d.root, ".github/CODEOWNERS", "CODEOWNERS.swp", "/docs/ @acme/second\n")
			d.eventually("/a/", ">@acme/second</a>")
		})
	}
}

// MkDocs' glossary (the file its snippets append to every page) is
// followed: an abbreviation defined in it while serving marks the pages
// that already said it, whose parses are not kept.
func TestGlossaryEditedWhileServing(t *testing.T) {
	d := startServe(t, map[string]string{
		"mkdocs.yml":                "site_name: Docs\nmarkdown_extensions:\n  - pymdownx.snippets:\n      auto_append: [includes/abbreviations.md]\n",
		"includes/abbreviations.md": "*[API]: Application Programming Interface\n",
		"docs/a.md":                 "# A\n\nThe API and the SLO.\n",
	})
	contains(t, d.page("/a/"), `<abbr title="Application Programming Interface">API</abbr>`)
	replace(t, d.root, "includes/abbreviations.md", "*[API]: Application Programming Interface\n*[SLO]: Service Level Objective\n")
	d.eventually("/a/", `<abbr title="Service Level Objective">SLO</abbr>`)
}

func TestLayoutsCreatedWhileServing(t *testing.T) {
	d := startServe(t, map[string]string{"content/a.md": "---\ntitle: Page A\n---\nHello.\n"})
	contains(t, d.page("/a/"), "Hello.")
	write(t, d.root, "layouts/_default/single.html", `{{ define "main" }}<p>Layout one: {{ .Title }}</p>{{ end }}`)
	d.eventually("/a/", "Layout one: Page A")
	write(t, d.root, "layouts/_default/single.html", `{{ define "main" }}<p>Layout two: {{ .Title }}</p>{{ end }}`)
	d.eventually("/a/", "Layout two: Page A")
	renameOver(t, d.root, "layouts/_default/single.html", "single.html~", `{{ define "main" }}<p>Layout three: {{ .Title }}</p>{{ end }}`)
	d.eventually("/a/", "Layout three: Page A")
}

func TestAssetsCreatedWhileServing(t *testing.T) {
	d := startServe(t, map[string]string{"content/a.md": "---\ntitle: Page A\n---\nHello.\n"})
	waitCSS := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(d.stylesheet("/a/"), want) {
			if time.Now().After(deadline) {
				t.Fatalf("the stylesheet never held %q", want)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	write(t, d.root, "assets/main.css", `.mark::after { content: "first sheet"; }`+"\n")
	waitCSS("first sheet")
	write(t, d.root, "assets/main.css", `.mark::after { content: "second sheet"; }`+"\n")
	waitCSS("second sheet")
}

// TestServeCompressed checks that serve, which keeps the site compressed,
// sends a file compressed to a client that accepts gzip and as it is to
// one that does not, the same bytes either way, with a 304 for its tag.
func TestServeCompressed(t *testing.T) {
	s := New()
	css := []byte("body { color: red }\n" + strings.Repeat("a { color: blue }\n", 50))
	s.Update(map[string][]byte{"a.css": publish.Gzip(css), "index.html": publish.Gzip([]byte("<html><body>home</body></html>"))}, nil, false)
	get := func(p, accept, match string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodGet, p, nil)
		if accept != "" {
			r.Header.Set("Accept-Encoding", accept)
		}
		if match != "" {
			r.Header.Set("If-None-Match", match)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w
	}
	plain := get("/a.css", "", "")
	if plain.Header().Get("Content-Encoding") != "" || !bytes.Equal(plain.Body.Bytes(), css) {
		t.Errorf("without gzip: %q, %q", plain.Header().Get("Content-Encoding"), plain.Body.String())
	}
	for _, accept := range []string{"gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "*"} {
		w := get("/a.css", accept, "")
		if w.Header().Get("Content-Encoding") != "gzip" {
			t.Errorf("Accept-Encoding %q: not compressed", accept)
			continue
		}
		b, err := publish.Gunzip(w.Body.Bytes())
		if err != nil || !bytes.Equal(b, css) {
			t.Errorf("Accept-Encoding %q: inflates to %q (%v)", accept, b, err)
		}
		if w.Header().Get("Content-Length") != fmt.Sprint(w.Body.Len()) {
			t.Errorf("Accept-Encoding %q: Content-Length %s for %d bytes", accept, w.Header().Get("Content-Length"), w.Body.Len())
		}
		if tag := w.Header().Get("ETag"); tag == plain.Header().Get("ETag") || get("/a.css", accept, tag).Code != http.StatusNotModified {
			t.Errorf("Accept-Encoding %q: ETag %s", accept, tag)
		}
	}
	for _, accept := range []string{"gzip;q=0", "br", "identity"} {
		if w := get("/a.css", accept, ""); w.Header().Get("Content-Encoding") != "" || !bytes.Equal(w.Body.Bytes(), css) {
			t.Errorf("Accept-Encoding %q: compressed", accept)
		}
	}
	if w := get("/", "gzip", ""); w.Header().Get("Content-Encoding") != "" || !strings.Contains(w.Body.String(), "home") || !strings.Contains(w.Body.String(), "client.js") {
		t.Errorf("a page: %q, %q", w.Header().Get("Content-Encoding"), w.Body.String())
	}
}

// An owner edit makes the site anew: the edited page reloads first, the
// owner's page follows; when writing the rest finds an error (a file of
// the content where the new owner's page goes), every open page shows it
// and the last good site is served.
func TestOwnerEditReloadsItsPageFirst(t *testing.T) {
	d := startServe(t, map[string]string{
		"site.yaml":                        "title: Owners\n",
		"content/a.md":                     "---\ntitle: Page A\nowner: team-a\n---\nSee [B](b.md).\n",
		"content/b.md":                     "---\ntitle: Page B\nowner: team-a\n---\nB links to [A](a.md).\n",
		"content/owners/team-c/index.html": "<p>a file of the content</p>\n",
	})
	replace(t, d.root, "content/a.md", "---\ntitle: Page A\nowner: team-b\n---\nSee [B](b.md).\n")
	ev := d.next()
	if len(ev.Errors) > 0 || !slices.Equal(ev.Changed, []string{"/a/"}) {
		t.Fatalf("first event %+v, want /a/ alone", ev)
	}
	contains(t, d.page("/a/"), "team-b")
	ev = d.next()
	if !containsStr(ev.Changed, "/owners/team-b/") {
		t.Fatalf("second event %+v does not bring the new owner's page", ev)
	}
	contains(t, d.page("/owners/team-b/"), "Page A")

	replace(t, d.root, "content/a.md", "---\ntitle: Page A\nowner: team-c\n---\nSee [B](b.md).\n")
	for ev = d.next(); len(ev.Errors) == 0; ev = d.next() {
	}
	if ev.Errors[0].Path != "content/owners/team-c/index.html" {
		t.Fatalf("errors %+v, want the file where team-c's page goes", ev.Errors)
	}
	contains(t, d.page("/a/"), "team-b")
	contains(t, d.page("/owners/team-c/"), "a file of the content")
}

// TestFirstBuildLine: the terminal's line for the first build gives the
// site's summary and its time, once.
func TestFirstBuildLine(t *testing.T) {
	var log strings.Builder
	var mu sync.Mutex
	startServeWith(t, site, func(o *Options) {
		o.Log = writerFunc(func(b []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return log.Write(b) })
	})
	mu.Lock()
	defer mu.Unlock()
	var line string
	for l := range strings.SplitSeq(log.String(), "\n") {
		if strings.HasPrefix(l, "built ") {
			line = l
		}
	}
	if !strings.Contains(line, " documents (") {
		t.Fatalf("no summary of the first build:\n%s", log.String())
	}
	if n := len(regexp.MustCompile(`\b[0-9.]+(µs|ms|s)\b`).FindAllString(line, -1)); n != 1 {
		t.Errorf("the first build's line gives %d times, want 1: %s", n, line)
	}
}

// TestFirstBuildWithErrorsIsShown: a handbook whose first build finds
// errors (a broken link, as content brought from elsewhere has) is served
// as it was built, its errors over every page, and each save shows its
// pages until a build succeeds; from then on a broken save keeps the last
// good site.
func TestFirstBuildWithErrorsIsShown(t *testing.T) {
	d := startServeWith(t, map[string]string{
		"content/a.md": "# Page A\n\nFirst version. See [the missing page](gone.md).\n",
		"content/b.md": "# Page B\n",
	}, nil)
	code, body, _ := d.get("/a/")
	if code != 200 || !strings.Contains(body, "First version.") {
		t.Fatalf("GET /a/ of a first build with errors: %d", code)
	}
	resp, err := http.Get(d.url + "__handbook/events")
	if err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(resp.Body).ReadString('\n')
	resp.Body.Close()
	var ev Event
	if err := json.Unmarshal([]byte(strings.TrimPrefix(strings.TrimSpace(line), "data: ")), &ev); err != nil || len(ev.Errors) != 1 || !ev.AsBuilt || ev.Errors[0].Line != 3 {
		t.Fatalf("state event %q: %+v, want the broken link's error, as built", line, ev)
	}
	// A save that leaves an error in is shown too. (Each is saved by
	// rename: a file seen empty would be a page gone for a moment.)
	replace(t, d.root, "content/a.md", "# Page A\n\nSecond version. See [the missing page](gone.md).\n")
	waitFor(t, d, func() bool { return strings.Contains(d.page("/a/"), "Second version.") })
	// Fixed: the site is good, and a broken save keeps it.
	replace(t, d.root, "content/a.md", "# Page A\n\nThird version. See [B](b.md).\n")
	waitFor(t, d, func() bool { return strings.Contains(d.page("/a/"), "Third version.") })
	replace(t, d.root, "content/a.md", "# Page A\n\nFourth version. See [the missing page](gone.md).\n")
	for ev := d.next(); len(ev.Errors) == 0; ev = d.next() {
	}
	contains(t, d.page("/a/"), "Third version.")
}

// TestAddressesUnderTheBasePath: serve has the site at its root; a page
// asked for at its published address, under the base path (/eng/guide/),
// is redirected to its address in serve, with its query; anything else
// under it is not found, and a path that only starts like it is not moved.
func TestAddressesUnderTheBasePath(t *testing.T) {
	s := New()
	s.Update(map[string][]byte{
		"index.html":       publish.Gzip([]byte("<html><body>home</body></html>")),
		"guide/index.html": publish.Gzip([]byte("<html><body>guide</body></html>")),
		"img/logo.svg":     publish.Gzip([]byte("<svg/>")),
	}, nil, false)
	s.SetBase("/eng/")
	for _, c := range []struct {
		path, to string
		code     int
	}{
		{"/eng/", "/", http.StatusFound},
		{"/eng", "/", http.StatusFound},
		{"/eng/guide/", "/guide/", http.StatusFound},
		{"/eng/guide", "/guide", http.StatusFound},
		{"/eng/guide/?q=x", "/guide/?q=x", http.StatusFound},
		{"/eng/img/logo.svg", "/img/logo.svg", http.StatusFound},
		{"/eng//..//eng/guide/", "/guide/", http.StatusFound},
		{"/eng/missing/", "", http.StatusNotFound},
		{"/engine/", "", http.StatusNotFound},
		{"/guide/", "", http.StatusOK},
	} {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, c.path, nil))
		if w.Code != c.code || w.Header().Get("Location") != c.to {
			t.Errorf("%s: %d to %q, want %d to %q", c.path, w.Code, w.Header().Get("Location"), c.code, c.to)
		}
	}
	s.SetBase("/")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/eng/guide/", nil))
	if w.Code != http.StatusNotFound {
		t.Errorf("without a base path, /eng/guide/: %d", w.Code)
	}
}

// TestServeLeavesOutTheBasePath: a site published under a path is served
// at the root, and its published addresses lead to the same pages, as
// site.yaml says after an edit too.
func TestServeLeavesOutTheBasePath(t *testing.T) {
	files := maps.Clone(site)
	files["site.yaml"] = "title: Live\nbase_url: https://intranet.example.com/eng/\n"
	d := startServe(t, files)
	contains(t, d.page("/a/"), "First version")
	contains(t, d.page("/eng/a/"), "First version")
	write(t, d.root, "site.yaml", "title: Live\nbase_url: https://intranet.example.com/docs/\n")
	d.next()
	contains(t, d.page("/docs/b/"), "B links to")
	if code, _, _ := d.get("/eng/a/"); code != http.StatusNotFound {
		t.Errorf("/eng/a/ after the base path moved: %d", code)
	}
}

// TestServeARepositoryOfREADMEs: without site.yaml or content/, serve
// reads the folder where its Markdown is, as build does, and follows edits
// and new pages anywhere in it; the SUMMARY.md it holds orders the
// sidebar, and an edit to it shows.
func TestServeARepositoryOfREADMEs(t *testing.T) {
	d := startServe(t, map[string]string{
		"README.md":      "# Acme\n\nSee [the API](api/README.md).\n",
		"api/README.md":  "# API\n\nFirst version.\n",
		"api/errors.md":  "# Errors\n",
		"cli/README.md":  "# CLI\n",
		"SUMMARY.md":     "* [Acme](README.md)\n* [Errors](api/errors.md)\n* [API](api/README.md)\n",
		"node_modules/x": "not content\n",
	})
	contains(t, d.page("/"), `href="api/"`)
	contains(t, d.page("/api/"), "First version.")
	write(t, d.root, "api/README.md", "# API\n\nSecond version.\n")
	d.eventually("/api/", "Second version.")
	write(t, d.root, "cli/usage.md", "# Usage\n\nNew page.\n")
	d.eventually("/cli/usage/", "New page.")
	write(t, d.root, "SUMMARY.md", "* [Acme](README.md)\n* [Errors, renamed](api/errors.md)\n")
	d.eventually("/api/errors/", "Errors, renamed")
}
