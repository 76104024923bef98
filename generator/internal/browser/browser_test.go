// Package browser tests the default theme's JavaScript (assets/main.js) in a
// real browser: headless Chromium driven through the DevTools protocol by
// chromedp. Sites are built in-process, written to a temporary directory and
// served on 127.0.0.1.
//
// Without Chromium the tests skip, unless CI=true, where they fail. Set
// HANDBOOK_CHROMIUM to use another binary, and HANDBOOK_TEST_OUTPUT to keep
// the screenshots somewhere other than os.TempDir()/handbook-screenshots.
package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"

	"handbook/generator/internal/build"
	"handbook/generator/internal/publish"
)

// repoRoot holds the demo handbook (site.yaml, content/).
const repoRoot = "../../.."

// wait bounds every wait for the page; tabTime bounds a whole tab.
const (
	wait    = 10 * time.Second
	tabTime = 90 * time.Second
)

var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
	browserStop = func() {}

	demoOnce sync.Once
	demoOut  string
	demoErr  error
	demoTmp  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	browserStop()
	scaleCleanup()
	if demoTmp != "" {
		_ = os.RemoveAll(demoTmp)
	}
	os.Exit(code)
}

// chromium finds the browser binary, or returns "".
func chromium() string {
	if p := os.Getenv("HANDBOOK_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return ""
		}
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts one headless Chromium for the whole package, with a fresh
// profile, and returns its context. Each test opens its own tabs in their own
// browser contexts, so their storage is separate.
func browser(t testing.TB) context.Context {
	t.Helper()
	bin := chromium()
	if bin == "" {
		msg := "chromium not found: install it (apt-get install -y chromium) or set HANDBOOK_CHROMIUM"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	browserOnce.Do(func() {
		profile, err := os.MkdirTemp("", "handbook-chromium-")
		if err != nil {
			browserErr = err
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(bin),
			chromedp.Headless,
			chromedp.NoSandbox, // the tests may run as root
			chromedp.DisableGPU,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-domain-reliability", true),
			chromedp.Flag("no-pings", true),
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.UserDataDir(profile),
			chromedp.WindowSize(1280, 900),
		)
		actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, bcancel := chromedp.NewContext(actx)
		browserStop = func() {
			bcancel()
			acancel()
			_ = os.RemoveAll(profile)
		}
		if err := chromedp.Do(bctx); err != nil { // starts the browser
			browserErr = err
			return
		}
		browserCtx = bctx
	})
	if browserErr != nil {
		t.Fatalf("start %s: %v", bin, browserErr)
	}
	return browserCtx
}

// buildSite builds the handbook at root into out, the way `handbook build`
// does: into a temporary directory swapped into place.
func buildSite(t *testing.T, root, out string) {
	t.Helper()
	if err := buildInto(root, out); err != nil {
		t.Fatal(err)
	}
}

func buildInto(root, out string) error {
	w, err := publish.NewDir(out, publish.Guard{})
	if err != nil {
		return err
	}
	res := build.Run(os.DirFS(root), w, build.Options{})
	if res.Errors > 0 {
		_ = w.Abort()
		var b strings.Builder
		for _, d := range res.Diags.All() {
			b.WriteString(d.String() + "\n")
		}
		return fmt.Errorf("build %s: %d errors:\n%s", root, res.Errors, b.String())
	}
	return w.Commit()
}

// demo builds the demo handbook once and returns its output directory.
func demo(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		demoTmp, demoErr = os.MkdirTemp("", "handbook-demo-")
		if demoErr != nil {
			return
		}
		demoOut = filepath.Join(demoTmp, "public")
		demoErr = buildInto(repoRoot, demoOut)
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoOut
}

// serve serves dir on 127.0.0.1 until the test ends. Each test has its own
// server, so its own origin. Nothing is cached: a rebuild within the second
// of the last request would otherwise be answered "304 Not Modified".
func serve(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	return serveSlowJS(t, dir, 0)
}

// serveSlowJS is serve with every script answered after a delay, so that
// the browser paints the page before main.js runs.
func serveSlowJS(t *testing.T, dir string, delay time.Duration) *httptest.Server {
	t.Helper()
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if delay > 0 && strings.HasSuffix(r.URL.Path, ".js") {
			time.Sleep(delay)
		}
		w.Header().Set("Cache-Control", "no-store")
		r.Header.Del("If-Modified-Since")
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// tab is a browser tab in a fresh browser context, watching the page for
// console errors, uncaught exceptions, failed responses and requests to other
// hosts; the test fails on any of them when it ends.
type tab struct {
	t   testing.TB
	ctx context.Context
	srv *httptest.Server
	rec *recorder
}

// recorder keeps what the listener saw.
type recorder struct {
	mu       sync.Mutex
	problems []string
	requests []string
}

// with returns the tab for use in a subtest.
func (tb *tab) with(t *testing.T) *tab {
	return &tab{t: t, ctx: tb.ctx, srv: tb.srv, rec: tb.rec}
}

func newTab(t *testing.T, srv *httptest.Server, opts ...chromedp.Action[chromedp.Void]) *tab {
	t.Helper()
	tb := attach(t, srv, opts...)
	t.Cleanup(func() { tb.rec.report(t, srv) })
	return tb
}

// attach opens a tab that records, without failing the test for what it
// records.
func attach(t testing.TB, srv *httptest.Server, opts ...chromedp.Action[chromedp.Void]) *tab {
	t.Helper()
	tb := &tab{t: t, srv: srv, rec: &recorder{}}
	ctx, cancel := chromedp.NewContext(browser(t), chromedp.WithNewBrowserContext(), chromedp.WithListener(tb.rec.listen))
	t.Cleanup(cancel)
	// The first Do attaches the tab; the timeout applies to what follows.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, tabTime)
	t.Cleanup(tcancel)
	tb.ctx = tctx
	tb.do(append([]chromedp.Action[chromedp.Void]{
		call(network.Enable, network.EnableParams{}),
		chromedp.EmulateViewport(1280, 900),
	}, opts...)...)
	return tb
}

// call turns a protocol command into an action.
func call[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

// listen runs in the tab's event loop: it only records.
func (r *recorder) listen(ev any) {
	var problem, req string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, string(a.Value))
				}
			}
			problem = "console.error: " + strings.Join(parts, " ")
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		problem = fmt.Sprintf("uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, text)
	case *network.EventRequestWillBeSent:
		req = ev.Request.URL
	case *network.EventResponseReceived:
		if resp := ev.Response; resp != nil && resp.Status >= 400 && !strings.HasSuffix(resp.URL, "/favicon.ico") {
			problem = fmt.Sprintf("HTTP %d for %s", resp.Status, resp.URL)
		}
	}
	if problem == "" && req == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if problem != "" {
		r.problems = append(r.problems, problem)
	}
	if req != "" {
		r.requests = append(r.requests, req)
	}
}

// report fails the test for every problem the page had and every request
// that went anywhere but the test server.
func (r *recorder) report(t *testing.T, srv *httptest.Server) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range r.problems {
		t.Errorf("page problem: %s", p)
	}
	for _, req := range outside(r.requests, srv) {
		t.Errorf("request left the test server (%s): %s", srv.URL, req)
	}
}

// outside lists the requests that go anywhere but srv (data: and blob: URLs
// stay in the page).
func outside(requests []string, srv *httptest.Server) []string {
	host := strings.TrimPrefix(srv.URL, "http://")
	var out []string
	for _, req := range requests {
		u, err := url.Parse(req)
		switch {
		case err == nil && (u.Scheme == "data" || u.Scheme == "blob" || u.Scheme == "about"):
		case err != nil || u.Scheme != "http" || u.Host != host:
			out = append(out, req)
		}
	}
	return out
}

func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatalf("%v", err)
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor waits until a JavaScript expression is truthy.
func (tb *tab) waitFor(expr string) {
	tb.t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(wait)))
	if err != nil {
		tb.t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// ready waits until main.js has run: it shows the theme toggle on every page.
func (tb *tab) ready() {
	tb.t.Helper()
	tb.waitFor(`document.readyState !== "loading" && !!document.querySelector("button.theme-toggle:not([hidden])")`)
}

// open loads a site path ("/strategies/databases/") and waits for main.js.
func (tb *tab) open(p string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(tb.srv.URL + p))
	tb.ready()
}

func (tb *tab) reload() {
	tb.t.Helper()
	tb.do(chromedp.Reload())
	tb.ready()
}

// follow runs an action that navigates (a click on a link, Enter) and waits
// for the new page to load and for main.js.
func (tb *tab) follow(trigger chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, trigger)); err != nil {
		tb.t.Fatalf("navigate: %v", err)
	}
	tb.ready()
}

func (tb *tab) path() string {
	tb.t.Helper()
	return eval[string](tb, `location.pathname`)
}

func (tb *tab) click(sel string) {
	tb.t.Helper()
	tb.do(chromedp.Click(chromedp.CSS(sel)))
}

func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// searchFor types a query into the search box and waits for the list to
// show it; it returns the options shown.
type option struct {
	Title    string   `json:"title"`
	Href     string   `json:"href"`
	Status   string   `json:"status"`
	Kind     string   `json:"kind"`
	Snippet  string   `json:"snippet"`
	Marks    []string `json:"marks"`
	Selected string   `json:"selected"`
}

func (tb *tab) searchFor(q string) []option {
	tb.t.Helper()
	tb.do(
		chromedp.Evaluate[chromedp.Void](`(() => { const i = document.getElementById("search-input"); i.value = ""; i.dispatchEvent(new Event("input", {bubbles: true})); })()`),
		chromedp.SendKeys(chromedp.CSS("#search-input"), q),
	)
	tb.waitFor(`(() => { const l = document.getElementById("search-results"); return !l.hidden && l.dataset.query === ` + js(q) + `; })()`)
	return tb.options()
}

func (tb *tab) options() []option {
	tb.t.Helper()
	return eval[[]option](tb, `Array.from(document.querySelectorAll("#search-results a[role=option]")).map(a => {
		const text = (sel) => { const n = a.querySelector(sel); return n ? n.textContent : ""; };
		return {
			title: text(".search-title"), href: a.href, status: text(".badge"), kind: text(".kind"),
			snippet: text(".search-snippet"), marks: Array.from(a.querySelectorAll("mark")).map(m => m.textContent),
			selected: a.getAttribute("aria-selected"),
		};
	})`)
}

// pageOf is a result's link without the terms to highlight and the
// heading: the page it opens.
func pageOf(href string) string {
	if i := strings.IndexAny(href, "?#"); i >= 0 {
		return href[:i]
	}
	return href
}

// allResults asks for more results until every one is shown.
func (tb *tab) allResults() []option {
	tb.t.Helper()
	for eval[bool](tb, `!!document.getElementById("search-more")`) {
		n := eval[string](tb, `document.getElementById("search-results").dataset.shown`)
		tb.click("#search-more")
		tb.waitFor(`document.getElementById("search-results").dataset.shown !== ` + js(n))
	}
	return tb.options()
}

// searchTerm counts the documents of a built index that hold a term: the
// length of its postings.
func searchTerm(t *testing.T, out, term string) int {
	t.Helper()
	dir := filepath.Join(out, "search")
	files, err := filepath.Glob(filepath.Join(dir, "p*.js"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no postings in %s: %v", dir, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.TrimSpace(string(b))
		s = s[strings.IndexByte(s, ',')+1 : len(s)-2]
		var shard map[string]string
		if err := json.Unmarshal([]byte(s), &shard); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if p, ok := shard[term]; ok {
			return len(strings.Split(p, ","))
		}
	}
	return 0
}

func TestSearch(t *testing.T) {
	out := demo(t)
	srv := serve(t, out)
	tb := newTab(t, srv)
	tb.open("/")
	tb.waitFor(`!!document.querySelector(".search:not([hidden])")`)
	if eval[bool](tb, `!!window.HANDBOOK_SEARCH || performance.getEntriesByType("resource").some(e => e.name.includes("/search/"))`) {
		t.Error("the search index was loaded before the reader used search")
	}

	// "/" focuses the search box.
	tb.do(chromedp.KeyEvent("/"))
	tb.waitFor(`document.activeElement && document.activeElement.id === "search-input"`)

	t.Run("title", func(t *testing.T) {
		tb := tb.with(t)
		got := tb.searchFor("database")
		if len(got) == 0 {
			t.Fatal("no results for database")
		}
		if got[0].Title != "Which database for which job" || pageOf(got[0].Href) != srv.URL+"/strategies/databases/" {
			t.Errorf("first result = %q → %s, want Which database for which job → /strategies/databases/", got[0].Title, got[0].Href)
		}
		if !slices.Contains(got[0].Marks, "database") {
			t.Errorf("the matched term is not marked in the first result: marks %q", got[0].Marks)
		}
		if got[0].Status != "accepted" || got[0].Kind != "Strategy" {
			t.Errorf("first result badges = %q %q, want accepted Strategy", got[0].Status, got[0].Kind)
		}
		if len(got) > 10 {
			t.Errorf("%d results shown, want at most 10 at a time", len(got))
		}
	})

	t.Run("decision id and number", func(t *testing.T) {
		tb := tb.with(t)
		for _, q := range []string{"adr-004", "0004", "dd-ci-shard-by-duration"} {
			got := tb.searchFor(q)
			want := "/decisions/0004-kafka-event-backbone/"
			if q == "dd-ci-shard-by-duration" {
				want = "/design/ci-pipeline/" // an inline decision finds the document that makes it
			}
			if len(got) == 0 || pageOf(got[0].Href) != srv.URL+want {
				t.Errorf("results for %q = %+v, want %s first", q, got, want)
			}
		}
	})

	t.Run("body word", func(t *testing.T) {
		tb := tb.with(t)
		// "rediscovered" appears only in the body of strategies/databases.md.
		got := tb.searchFor("rediscovered")
		if len(got) != 1 || pageOf(got[0].Href) != srv.URL+"/strategies/databases/" {
			t.Errorf("results for a word of the body = %+v, want only Which database for which job", got)
		}
	})

	t.Run("one typo", func(t *testing.T) {
		tb := tb.with(t)
		// One edit from "rediscovered", anywhere in the word, the first
		// letter included; followed by a space, so not read as a prefix.
		for _, q := range []string{"rediscovred ", "redisscovered ", "rediscoevred ", "redizcovered ", "erdiscovered ", "xrediscovered ", "zediscovered ", "ediscovered "} {
			got := tb.searchFor(q)
			if len(got) != 1 || pageOf(got[0].Href) != srv.URL+"/strategies/databases/" {
				t.Errorf("results for %q = %+v, want only Which database for which job", q, got)
			}
		}
		// Two edits find nothing.
		if got := tb.searchFor("erdiscovred "); len(got) != 0 {
			t.Errorf("results for two edits = %+v, want none", got)
		}
	})

	t.Run("prefix and AND", func(t *testing.T) {
		tb := tb.with(t)
		got := tb.searchFor("postgres outb")
		if len(got) == 0 {
			t.Fatal("no results for postgres outb")
		}
		if pageOf(got[0].Href) != srv.URL+"/decisions/0004-kafka-event-backbone/" {
			t.Errorf("first result for postgres outb = %q, want the Kafka outbox decision", got[0].Title)
		}
		if none := tb.searchFor("postgres zzzqqq"); len(none) != 0 {
			t.Errorf("terms are not AND-ed: %d results for postgres zzzqqq", len(none))
		}
	})

	t.Run("superseded ranked lower", func(t *testing.T) {
		tb := tb.with(t)
		// Two superseded decisions have "sessions" in their titles; the
		// decision in force, on session tokens, comes first.
		got := tb.searchFor("sessions")
		if len(got) < 3 {
			t.Fatalf("want at least 3 results for sessions, got %+v", got)
		}
		if got[0].Status != "accepted" {
			t.Errorf("first result for sessions = %q (%s), want the accepted decision", got[0].Title, got[0].Status)
		}
	})

	t.Run("status filter", func(t *testing.T) {
		tb := tb.with(t)
		want := searchTerm(t, out, "status:superseded")
		tb.searchFor("status:superseded")
		got := tb.allResults()
		if len(got) != want || want == 0 {
			t.Errorf("status:superseded shows %d results, want the %d superseded documents", len(got), want)
		}
		for _, o := range got {
			if o.Status != "superseded" {
				t.Errorf("status:superseded lists %q with status %q", o.Title, o.Status)
			}
		}
		want = searchTerm(t, out, "tag:postgres")
		tb.searchFor("TAG:Postgres")
		if got = tb.allResults(); len(got) != want || want == 0 {
			t.Errorf("TAG:Postgres shows %d results, want the %d documents tagged postgres", len(got), want)
		}
		got = tb.searchFor("kind:design-doc")
		if len(got) == 0 {
			t.Error("no results for kind:design-doc")
		}
		for _, o := range got {
			if o.Kind != "Design doc" {
				t.Errorf("kind:design-doc lists %q of kind %q", o.Title, o.Kind)
			}
		}
		// Other words for a kind (its folders, labels and plurals) come with
		// the index, from the generator's table of kinds.
		for q, want := range map[string]string{"kind:adr": "Decision", "kind:designs": "Design doc", "kind:onboarding": "Checklist"} {
			got = tb.searchFor(q)
			if len(got) == 0 {
				t.Errorf("no results for %s", q)
			}
			for _, o := range got {
				if o.Kind != want {
					t.Errorf("%s lists %q of kind %q, want %s", q, o.Title, o.Kind, want)
				}
			}
		}
	})

	t.Run("keyboard", func(t *testing.T) {
		tb := tb.with(t)
		got := tb.searchFor("database")
		if len(got) < 2 {
			t.Fatalf("want at least two results for database, got %d", len(got))
		}
		active := func() string {
			return eval[string](tb, `document.getElementById("search-input").getAttribute("aria-activedescendant") || ""`)
		}
		tb.do(chromedp.KeyEvent(kb.ArrowDown))
		if a := active(); a != "search-opt-0" {
			t.Errorf("after ArrowDown the active option is %q, want search-opt-0", a)
		}
		tb.do(chromedp.KeyEvent(kb.ArrowDown))
		tb.do(chromedp.KeyEvent(kb.ArrowUp))
		if a := active(); a != "search-opt-0" {
			t.Errorf("after ArrowDown, ArrowUp the active option is %q, want search-opt-0", a)
		}
		if o := tb.options(); o[0].Selected != "true" {
			t.Errorf("the active option is not aria-selected")
		}
		tb.do(chromedp.KeyEvent(kb.Escape))
		if eval[bool](tb, `!document.getElementById("search-results").hidden`) {
			t.Error("Escape left the results open")
		}
		if e := eval[string](tb, `document.getElementById("search-input").getAttribute("aria-expanded")`); e != "false" {
			t.Errorf("aria-expanded = %q after Escape", e)
		}
		tb.do(chromedp.KeyEvent(kb.ArrowDown))
		tb.waitFor(`!document.getElementById("search-results").hidden`)
		tb.follow(chromedp.KeyEvent(kb.Enter))
		if p := tb.path(); p != "/strategies/databases/" {
			t.Errorf("Enter on the first result opened %s, want /strategies/databases/", p)
		}
	})
}

// TestSearchFromFile opens the built site from file://, with no server:
// the index still loads, and results open the pages' index.html.
// TestSearchFromTheAddress opens a page with ?search= in its address, as
// a shared link or a browser's keyword search does: the box holds the
// words and their results are shown.
func TestSearchFromTheAddress(t *testing.T) {
	out := demo(t)
	srv := serve(t, out)
	tb := newTab(t, srv)
	tb.open("/decisions/?search=rediscovered")
	tb.waitFor(`(() => { const l = document.getElementById("search-results"); return !l.hidden && l.dataset.query === "rediscovered"; })()`)
	if v := eval[string](tb, `document.getElementById("search-input").value`); v != "rediscovered" {
		t.Errorf("the search box holds %q", v)
	}
	if got := tb.options(); len(got) != 1 || pageOf(got[0].Href) != srv.URL+"/strategies/databases/" {
		t.Errorf("results %+v, want Which database for which job alone", got)
	}
	// The decision index's own filter is not the search's.
	if v := eval[string](tb, `document.querySelector(".decision-filter input[type=search]").value`); v != "" {
		t.Errorf("the decision filter holds %q", v)
	}
}

func TestSearchFromFile(t *testing.T) {
	out, err := filepath.Abs(demo(t))
	if err != nil {
		t.Fatal(err)
	}
	tb := attach(t, nil) // no server: file:// only
	base := "file://" + filepath.ToSlash(out)
	tb.do(chromedp.Navigate(base + "/strategies/index.html"))
	tb.ready()
	got := tb.searchFor("rediscovered")
	if len(got) != 1 || pageOf(got[0].Href) != base+"/strategies/databases/index.html" {
		t.Errorf("from file:// the results are %+v, want one link to %s/strategies/databases/index.html", got, base)
	}
	// Links to folders open their index.html from disk too.
	if h := eval[string](tb, `document.querySelector(".breadcrumbs a").href`); h != base+"/index.html" {
		t.Errorf("from file:// the breadcrumb to the home page is %s, want %s/index.html", h, base)
	}
	if h := eval[string](tb, `document.querySelector('.sidebar a[href$="design/index.html"]').href`); h != base+"/design/index.html" {
		t.Errorf("from file:// a sidebar link is %s", h)
	}
	tb.rec.mu.Lock()
	defer tb.rec.mu.Unlock()
	for _, p := range tb.rec.problems {
		t.Errorf("page problem: %s", p)
	}
	for _, r := range tb.rec.requests {
		if !strings.HasPrefix(r, base+"/") {
			t.Errorf("request outside the site folder: %s", r)
		}
	}
}

// checklistSite is a small handbook with one checklist; checklistV2 is the
// same checklist with its items reordered and one added.
const checklistSite = `
-- site.yaml --
title: Checklist test
-- content/_index.md --
---
title: Home
---
A small handbook with one checklist.
-- content/onboarding/_index.md --
---
title: Onboarding
---
Checklists for new people.
-- content/onboarding/day-one.md --
---
title: Day one
owner: Test team
summary: What to do on your first day.
---

Work through the list in any order.

## Morning

- [ ] Collect your laptop
- [ ] Set up two-factor authentication

## Afternoon

- [ ] Meet your buddy
- [ ] Run ` + "`make setup`" + ` and read the *style guide*
`

const checklistV2 = `---
title: Day one
owner: Test team
summary: What to do on your first day.
---

Work through the list in any order.

## Morning

- [ ] Meet your buddy
- [ ] Collect your laptop
- [ ] Order business cards

## Afternoon

- [ ] Run ` + "`make setup`" + ` and read the *style guide*
- [ ] Set up two-factor authentication
`

// writeSite writes a txtar archive into a new directory.
func writeSite(t *testing.T, archive string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

type task struct {
	Label   string `json:"label"`
	Checked bool   `json:"checked"`
	Enabled bool   `json:"enabled"`
}

func (tb *tab) tasks() []task {
	tb.t.Helper()
	return eval[[]task](tb, `Array.from(document.querySelectorAll(".content input[type=checkbox][data-task]")).map(b => ({label: b.getAttribute("aria-label"), checked: b.checked, enabled: !b.disabled}))`)
}

func (tb *tab) count() string {
	tb.t.Helper()
	return eval[string](tb, `document.querySelector(".checklist-count").textContent + " / " + document.querySelector(".checklist-tools progress").value + " of " + document.querySelector(".checklist-tools progress").max`)
}

func checked(ts []task) []string {
	var out []string
	for _, x := range ts {
		if x.Checked {
			out = append(out, x.Label)
		}
	}
	return out
}

const checklistPage = "/onboarding/day-one/"

func TestChecklistSurvivesReloadAndRebuild(t *testing.T) {
	root := writeSite(t, checklistSite)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out)
	srv := serve(t, out)
	tb := newTab(t, srv)
	tb.open(checklistPage)
	tb.waitFor(`!!document.querySelector(".checklist-tools:not([hidden])")`)

	ts := tb.tasks()
	if len(ts) != 4 {
		t.Fatalf("the checklist has %d tasks, want 4: %+v", len(ts), ts)
	}
	for _, x := range ts {
		if !x.Enabled || x.Checked {
			t.Errorf("task %q: enabled %v, checked %v; want enabled and unticked", x.Label, x.Enabled, x.Checked)
		}
	}
	if c := tb.count(); c != "0 of 4 done / 0 of 4" {
		t.Errorf("progress = %q, want 0 of 4 done", c)
	}

	tb.click(`input[aria-label="Meet your buddy"]`)
	tb.waitFor(`document.querySelector('input[aria-label="Meet your buddy"]').checked`)
	if c := tb.count(); c != "1 of 4 done / 1 of 4" {
		t.Errorf("progress after one tick = %q, want 1 of 4 done", c)
	}
	stored := eval[string](tb, `localStorage.getItem("handbook:checklist:" + document.querySelector(".checklist-tools").dataset.checklist) || ""`)
	if !strings.Contains(stored, "true") {
		t.Errorf("nothing stored after a tick: %q", stored)
	}

	tb.reload()
	if got := checked(tb.tasks()); !slices.Equal(got, []string{"Meet your buddy"}) {
		t.Errorf("after a reload the ticked tasks are %q, want [Meet your buddy]", got)
	}
	if c := tb.count(); c != "1 of 4 done / 1 of 4" {
		t.Errorf("progress after a reload = %q, want 1 of 4 done", c)
	}

	// Reorder the items and add one, rebuild into the same directory.
	if err := os.WriteFile(filepath.Join(root, "content", "onboarding", "day-one.md"), []byte(checklistV2), 0o644); err != nil {
		t.Fatal(err)
	}
	buildSite(t, root, out)
	tb.reload()
	ts = tb.tasks()
	if len(ts) != 5 || ts[0].Label != "Meet your buddy" {
		t.Fatalf("the rebuilt checklist is %+v, want 5 tasks starting with Meet your buddy", ts)
	}
	if got := checked(ts); !slices.Equal(got, []string{"Meet your buddy"}) {
		t.Errorf("after the rebuild the ticked tasks are %q, want [Meet your buddy]", got)
	}
	if c := tb.count(); c != "1 of 5 done / 1 of 5" {
		t.Errorf("progress after the rebuild = %q, want 1 of 5 done", c)
	}

	// Reset clears everything at once; a second click undoes it.
	tb.click(`.checklist-tools button[data-action=reset]`)
	if got := checked(tb.tasks()); len(got) != 0 {
		t.Errorf("after Reset the ticked tasks are %q", got)
	}
	if c := tb.count(); c != "0 of 5 done / 0 of 5" {
		t.Errorf("progress after Reset = %q", c)
	}
	tb.click(`.checklist-tools button[data-action=reset]`)
	if got := checked(tb.tasks()); !slices.Equal(got, []string{"Meet your buddy"}) {
		t.Errorf("after Undo reset the ticked tasks are %q, want [Meet your buddy]", got)
	}
	tb.click(`.checklist-tools button[data-action=reset]`)
	tb.reload()
	if got := checked(tb.tasks()); len(got) != 0 {
		t.Errorf("a Reset did not last a reload: ticked %q", got)
	}
}

func TestChecklistCopyAsMarkdown(t *testing.T) {
	root := writeSite(t, checklistSite)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out)
	srv := serve(t, out)
	tb := newTab(t, srv)
	tb.open(checklistPage)
	tb.waitFor(`!!document.querySelector(".checklist-tools:not([hidden])")`)

	tb.click(`input[aria-label="Collect your laptop"]`)
	tb.click(`input[aria-label^="Run make setup"]`)
	tb.click(`.checklist-tools button[data-action=copy]`)
	tb.waitFor(`!document.querySelector("textarea.checklist-markdown").hidden`)
	got := eval[string](tb, `document.querySelector("textarea.checklist-markdown").value`)
	want := `# Day one

## Morning

- [x] Collect your laptop
- [ ] Set up two-factor authentication

## Afternoon

- [ ] Meet your buddy
- [x] Run make setup and read the style guide
`
	if got != want {
		t.Errorf("Copy as Markdown gave\n%s\nwant\n%s", got, want)
	}
	if sel := eval[string](tb, `(() => { const a = document.querySelector("textarea.checklist-markdown"); return document.activeElement === a ? a.value.slice(a.selectionStart, a.selectionEnd) : ""; })()`); sel != want {
		t.Errorf("the Markdown is not selected in the focused textarea (selection %q)", sel)
	}
}

func TestThemePersists(t *testing.T) {
	srv := serve(t, demo(t))

	t.Run("light system", func(t *testing.T) {
		tb := newTab(t, srv)
		tb.open("/")
		type state struct {
			Theme, Label, Stored, Bg string
		}
		get := func() state {
			return eval[state](tb, `(() => { const b = document.querySelector("button.theme-toggle"); return {
				Theme: document.documentElement.dataset.theme || "", Label: b.textContent,
				Stored: localStorage.getItem("handbook:theme") || "", Bg: getComputedStyle(document.body).backgroundColor}; })()`)
		}
		system := state{Theme: "", Label: "Theme: System", Stored: "", Bg: "rgb(255, 255, 255)"}
		if s := get(); s != system {
			t.Errorf("start: %+v, want %+v", s, system)
		}
		tb.click("button.theme-toggle")
		dark := state{Theme: "dark", Label: "Theme: Dark", Stored: "dark", Bg: "rgb(21, 25, 30)"}
		if s := get(); s != dark {
			t.Errorf("after a click: %+v, want %+v", s, dark)
		}
		tb.reload()
		if s := get(); s != dark {
			t.Errorf("after a reload: %+v, want %+v", s, dark)
		}
		tb.open("/strategies/databases/")
		if s := get(); s != dark {
			t.Errorf("on another page: %+v, want %+v", s, dark)
		}
		tb.click("button.theme-toggle")
		tb.reload()
		light := state{Theme: "light", Label: "Theme: Light", Stored: "light", Bg: "rgb(255, 255, 255)"}
		if s := get(); s != light {
			t.Errorf("after a second click and a reload: %+v, want %+v", s, light)
		}
		tb.click("button.theme-toggle")
		tb.reload()
		if s := get(); s != system {
			t.Errorf("after a third click, back to the system's, and a reload: %+v, want %+v", s, system)
		}
	})

	t.Run("dark system", func(t *testing.T) {
		tb := newTab(t, srv, call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
		}))
		tb.open("/")
		if l := eval[string](tb, `document.querySelector("button.theme-toggle").textContent + " " + getComputedStyle(document.body).backgroundColor`); l != "Theme: System rgb(21, 25, 30)" {
			t.Errorf("with a dark system the control starts as %q", l)
		}
		tb.click("button.theme-toggle")
		tb.reload()
		if th := eval[string](tb, `document.documentElement.dataset.theme + " " + getComputedStyle(document.body).backgroundColor`); th != "light rgb(255, 255, 255)" {
			t.Errorf("after choosing light on a dark system and a reload: %q", th)
		}
	})
}

func TestReadingPath(t *testing.T) {
	out := demo(t)
	srv := serve(t, out)

	// The steps of new-hire in site.yaml.
	var cfg struct {
		Paths []struct {
			ID    string   `yaml:"id"`
			Steps []string `yaml:"steps"`
		} `yaml:"reading_paths"`
	}
	b, err := os.ReadFile(filepath.Join(repoRoot, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	var n int
	for _, p := range cfg.Paths {
		if p.ID == "new-hire" {
			n = len(p.Steps)
		}
	}
	if n < 5 {
		t.Fatalf("site.yaml has no new-hire path of at least 5 steps (%d)", n)
	}

	tb := newTab(t, srv)
	tb.open("/paths/new-hire/")
	steps := eval[[]string](tb, `Array.from(document.querySelectorAll('ol.steps[data-path="new-hire"] > li')).map(li => li.dataset.url)`)
	if len(steps) != n {
		t.Fatalf("the path page lists %d steps, site.yaml %d", len(steps), n)
	}
	if p := eval[string](tb, `document.querySelector(".path-progress").textContent`); p != " · 0 of "+fmt.Sprint(n)+" read" {
		t.Errorf("progress before reading = %q", p)
	}

	bar := `nav.pathbar[data-path="new-hire"] `
	marked := func() bool { return eval[bool](tb, `!!document.querySelector('`+bar+`.read-mark')`) }
	// A step is read when the reader reaches its end.
	tb.open("/" + steps[2])
	if marked() {
		t.Error("a step is marked read on opening, before the reader reached its end")
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.documentElement.scrollHeight)`))
	tb.waitFor(`!!document.querySelector('` + bar + `.read-mark')`)
	tb.follow(chromedp.Click(chromedp.CSS(bar + `a[rel=next]`)))
	if p := tb.path(); p != "/"+steps[3] {
		t.Errorf("next from step 3 opened %s, want /%s", p, steps[3])
	}
	// Or marks it with the bar's button, which also un-marks.
	tb.click(bar + `button.path-mark`)
	if !marked() || eval[string](tb, `document.querySelector('`+bar+`button.path-mark').textContent`) != "Mark as unread" {
		t.Error("the button did not mark the step read")
	}
	tb.follow(chromedp.Click(chromedp.CSS(bar + `a[rel=prev]`)))
	if p := tb.path(); p != "/"+steps[2] {
		t.Errorf("previous from step 4 opened %s, want /%s", p, steps[2])
	}
	tb.follow(chromedp.Click(chromedp.CSS(bar + `a[rel=prev]`)))
	if p := tb.path(); p != "/"+steps[1] {
		t.Errorf("previous from step 3 opened %s, want /%s", p, steps[1])
	}

	tb.open("/paths/new-hire/")
	type step struct {
		URL  string `json:"url"`
		Done bool   `json:"done"`
		Text string `json:"text"`
	}
	got := eval[[]step](tb, `Array.from(document.querySelectorAll('ol.steps[data-path="new-hire"] > li')).map(li => ({url: li.dataset.url, done: li.classList.contains("done"), text: li.textContent}))`)
	for i, s := range got {
		want := i == 2 || i == 3
		if s.Done != want {
			t.Errorf("step %d (%s): done = %v, want %v", i+1, s.URL, s.Done, want)
		}
		if strings.Contains(s.Text, "(read)") != want {
			t.Errorf("step %d (%s): the text says (read) = %v, want %v", i+1, s.URL, !want, want)
		}
	}
	if p := eval[string](tb, `document.querySelector(".path-progress").textContent`); p != " · 2 of "+fmt.Sprint(n)+" read" {
		t.Errorf("progress after reading two steps = %q", p)
	}
	tb.open("/" + steps[3])
	tb.click(bar + `button.path-mark`)
	if marked() {
		t.Error("the button did not un-mark the step")
	}
	tb.open("/paths/new-hire/")
	if p := eval[string](tb, `document.querySelector(".path-progress").textContent`); p != " · 1 of "+fmt.Sprint(n)+" read" {
		t.Errorf("progress after un-marking a step = %q", p)
	}
}

// TestEveryPageClean opens every page of the demo and uses the search box:
// main.js runs everywhere without a console error or an uncaught exception,
// shows its controls, and nothing is requested from another host (newTab's
// checks).
func TestEveryPageClean(t *testing.T) {
	out := demo(t)
	srv := serve(t, out)
	var pages []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if strings.Contains(string(b), `http-equiv="refresh"`) {
				return nil // an alias: it only redirects
			}
			rel, _ := filepath.Rel(out, p)
			rel = filepath.ToSlash(rel)
			rel = strings.TrimSuffix(rel, "index.html")
			pages = append(pages, "/"+rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 40 {
		t.Fatalf("found only %d pages in %s", len(pages), out)
	}
	tb := newTab(t, srv)
	for _, p := range pages {
		tb.open(p)
		if hidden := eval[string](tb, `[".search", "button.theme-toggle"].filter(s => !document.querySelector(s) || document.querySelector(s).hidden).join(" ")`); hidden != "" {
			t.Errorf("%s: still hidden: %s", p, hidden)
		}
	}
	t.Logf("opened %d pages", len(pages))
	tb.open("/decisions/")
	tb.searchFor("kafka")
	tb.open("/onboarding/engineer-first-week/")
	tb.click(".content input[type=checkbox][data-task]")
	tb.click(".checklist-tools button[data-action=copy]")
	tb.rec.mu.Lock()
	n := len(tb.rec.requests)
	tb.rec.mu.Unlock()
	if n == 0 {
		t.Error("no requests were recorded: is the network domain enabled?")
	}
}

// TestDecisionFilter: the decision index filter (older than the other
// tools) still works: it reads its state from the URL and keeps it there.
func TestDecisionFilter(t *testing.T) {
	srv := serve(t, demo(t))
	tb := newTab(t, srv)
	tb.open("/decisions/?status=superseded")
	tb.waitFor(`!!document.querySelector("form.decision-filter:not([hidden])")`)
	type state struct {
		Shown  []string
		Hidden int
		Count  string
	}
	get := func() state {
		return eval[state](tb, `(() => {
			const items = Array.from(document.querySelectorAll(".decision-table tr[data-status]"));
			return {
				Shown: items.filter(li => li.getClientRects().length > 0).map(li => li.dataset.status),
				Hidden: items.filter(li => li.getClientRects().length === 0).length,
				Count: document.querySelector(".filter-count").textContent,
			};
		})()`)
	}
	s := get()
	if len(s.Shown) == 0 || s.Hidden == 0 {
		t.Fatalf("status=superseded shows %d and hides %d decisions", len(s.Shown), s.Hidden)
	}
	for _, st := range s.Shown {
		if st != "superseded" {
			t.Errorf("status=superseded shows a decision with status %s", st)
		}
	}
	if want := fmt.Sprintf("%d of %d shown", len(s.Shown), len(s.Shown)+s.Hidden); s.Count != want {
		t.Errorf("count = %q, want %q", s.Count, want)
	}
	tb.do(chromedp.SetValue(chromedp.CSS(`form.decision-filter select[name=status]`), ""),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("form.decision-filter").dispatchEvent(new Event("change"))`))
	if s := get(); s.Hidden != 0 || eval[string](tb, `location.search`) != "" {
		t.Errorf("with no filter %d decisions stay hidden, search %q", s.Hidden, eval[string](tb, `location.search`))
	}
}

// TestNoLayoutShift loads pages whose controls main.js shows, with main.js
// late so that the page is painted first, and measures the layout shift of
// the load: CSS keeps the room of the controls.
func TestNoLayoutShift(t *testing.T) {
	srv := serveSlowJS(t, demo(t), 150*time.Millisecond)
	for _, w := range []int64{1280, 390} {
		tb := newTab(t, srv, chromedp.EmulateViewport(w, 900))
		// A page on the path first, so that the path page has a read step.
		for _, p := range []string{"/staff/the-role/", "/", "/onboarding/staff-first-90-days/", "/decisions/", "/paths/new-hire/"} {
			tb.open(p)
			if cls, moved := tb.layoutShift(); cls > 0.01 {
				t.Errorf("%s at %dpx: cumulative layout shift %.3f, want at most 0.01; moved: %v", p, w, cls, moved)
			}
		}
	}
}

// layoutShift returns the cumulative layout shift of the page's load and
// what moved: each shifted element's tag and class.
func (tb *tab) layoutShift() (float64, []string) {
	tb.t.Helper()
	type shift struct {
		CLS   float64
		Moved []string
	}
	got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[shift](`new Promise(resolve => {
		let cls = 0;
		const moved = [];
		new PerformanceObserver(list => {
			for (const e of list.getEntries()) {
				if (e.hadRecentInput) continue;
				cls += e.value;
				for (const s of e.sources || []) if (s.node) moved.push((s.node.tagName || "#text") + "." + (s.node.className || ""));
			}
		}).observe({type: "layout-shift", buffered: true});
		setTimeout(() => resolve({CLS: cls, Moved: moved}), 50);
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatal(err)
	}
	return got.CLS, got.Moved
}

// TestDecisionTableStillWhileArriving paints the decision index while its
// table has arrived in part, as a slow connection or a busy machine does,
// and measures the layout shift as the rest, with longer ids and titles,
// arrives: the columns keep their widths, and nothing moves.
func TestDecisionTableStillWhileArriving(t *testing.T) {
	dir := demo(t)
	page, err := os.ReadFile(filepath.Join(dir, "decisions", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The page arrives in parts: up to the table's second row, its
	// fourth, its eighth, and the rest.
	var cuts []int
	at := strings.Index(string(page), "<tbody>")
	for row := 1; at >= 0 && row <= 8; row++ {
		i := strings.Index(string(page[at:]), "</tr>")
		if i < 0 {
			break
		}
		at += i + len("</tr>")
		if row == 2 || row == 4 || row == 8 {
			cuts = append(cuts, at)
		}
	}
	if len(cuts) < 3 {
		t.Fatal("the decision index has no table of eight rows")
	}
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/decisions/" {
			files.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		from := 0
		for _, c := range cuts {
			_, _ = w.Write(page[from:c])
			w.(http.Flusher).Flush()
			time.Sleep(250 * time.Millisecond)
			from = c
		}
		_, _ = w.Write(page[from:])
	}))
	t.Cleanup(srv.Close)
	tb := newTab(t, srv, chromedp.EmulateViewport(1280, 900))
	tb.open("/decisions/")
	if cls, moved := tb.layoutShift(); cls > 0.001 {
		t.Errorf("cumulative layout shift %.4f as the table arrived, want none; moved: %v", cls, moved)
	}
}

// TestWithoutJavaScript: with scripts off, the pages are complete, the
// tools stay hidden and take no room, and the task boxes stay disabled.
func TestWithoutJavaScript(t *testing.T) {
	srv := serve(t, demo(t))
	tb := newTab(t, srv, call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
	tb.do(chromedp.Navigate(srv.URL + "/onboarding/staff-first-90-days/"))
	type state struct {
		Tools, Search, Toggle, Enabled int
		Text                           bool
	}
	got := eval[state](tb, `(() => {
		const shown = (sel) => Array.from(document.querySelectorAll(sel)).filter(n => n.getClientRects().length > 0).length;
		return {
			Tools: shown(".checklist-tools"), Search: shown(".search"), Toggle: shown("button.theme-toggle"),
			Enabled: document.querySelectorAll(".content input[data-task]:not([disabled])").length,
			Text: document.querySelector(".content").textContent.includes("Agree with your manager"),
		};
	})()`)
	if got != (state{Text: true}) {
		t.Errorf("without JavaScript: %+v, want no tools shown, no enabled boxes, the content present", got)
	}
}

// TestWatcherSeesProblems checks the checks: a page that logs an error,
// throws, and loads an image from another host is reported.
func TestWatcherSeesProblems(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	defer other.Close()
	dir := t.TempDir()
	html := `<!DOCTYPE html><title>bad</title><img src="` + other.URL + `/pixel.png" alt="">
<script>console.error("bad thing"); setTimeout(() => { throw new Error("uncaught thing"); });</script>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, dir)
	tb := attach(t, srv)
	tb.do(chromedp.Navigate(srv.URL + "/"))
	tb.waitFor(`document.readyState === "complete"`)
	deadline := time.Now().Add(wait)
	for {
		tb.rec.mu.Lock()
		problems := strings.Join(tb.rec.problems, "\n")
		requests := strings.Join(tb.rec.requests, "\n")
		tb.rec.mu.Unlock()
		if strings.Contains(problems, "bad thing") && strings.Contains(problems, "uncaught thing") && strings.Contains(requests, other.URL) {
			tb.rec.mu.Lock()
			off := outside(tb.rec.requests, srv)
			tb.rec.mu.Unlock()
			if len(off) != 1 || off[0] != other.URL+"/pixel.png" {
				t.Errorf("requests outside the test server = %q, want only %s/pixel.png", off, other.URL)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the watcher missed something:\nproblems:\n%s\nrequests:\n%s", problems, requests)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// screenshotDir is where the screenshots go.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("HANDBOOK_TEST_OUTPUT")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "handbook-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestScreenshots(t *testing.T) {
	srv := serve(t, demo(t))
	dir := screenshotDir(t)
	shoot := func(tb *tab, name string, full bool) {
		t.Helper()
		action := chromedp.CaptureScreenshot()
		if full {
			action = chromedp.FullScreenshot(100)
		}
		png, err := chromedp.Run(tb.ctx, action)
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", p)
	}
	tb := newTab(t, srv)
	for _, s := range []struct{ path, name string }{
		{"/", "home.png"},
		{"/strategies/databases/", "strategy.png"},
		{"/decisions/", "decisions.png"},
		{"/decisions/0002-sessions-memcached/", "decision-superseded.png"},
		{"/health/", "health.png"},
		{"/owners/platform/", "owner.png"},
		{"/onboarding/staff-first-90-days/", "checklist.png"}, // the checklist is ticked next
	} {
		tb.open(s.path)
		shoot(tb, s.name, true)
	}
	// The reader tools in use: a ticked checklist in the dark theme, and
	// search results.
	tb.click(".content input[type=checkbox][data-task]")
	tb.click("button.theme-toggle")
	shoot(tb, "checklist-dark.png", true)
	tb.click("button.theme-toggle")
	tb.open("/paths/new-hire/")
	shoot(tb, "path.png", false)
	tb.open("/")
	tb.searchFor("database")
	tb.do(chromedp.KeyEvent(kb.ArrowDown))
	shoot(tb, "search.png", false)

	narrow := newTab(t, srv, chromedp.EmulateViewport(390, 844))
	narrow.open("/strategies/databases/")
	shoot(narrow, "strategy-narrow.png", false)
}

// TestReviewDueOnTheDayOfReading: a site built when a document was fresh
// says "review due" once the reader's day is past its review period, and
// a document still fresh on that day shows no badge, whatever the build
// day said.
func TestReviewDueOnTheDayOfReading(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"site.yaml":                 "title: Review\nreview_every: 180d\n",
		"content/strategies/old.md": "---\ntitle: Old\nstatus: accepted\nreviewed: 2020-01-01\n---\nBody.\n",
		"content/strategies/new.md": "---\ntitle: New\nstatus: accepted\nreviewed: " + time.Now().Format("2006-01-02") + "\n---\nBody.\n",
	}
	for p, text := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	w, err := publish.NewDir(out, publish.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	// Built on a day when both were fresh (New not even written yet).
	res := build.Run(os.DirFS(root), w, build.Options{Now: time.Date(2020, 2, 1, 0, 0, 0, 0, time.UTC)})
	if res.Errors > 0 {
		t.Fatalf("%d errors", res.Errors)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	html, _ := os.ReadFile(filepath.Join(out, "strategies", "old", "index.html"))
	if !strings.Contains(string(html), `data-review-days="180" hidden>review due`) {
		t.Fatalf("the build day did not hide Old's badge:\n%s", html)
	}
	srv := serve(t, out)
	tb := newTab(t, srv)
	for page, want := range map[string]bool{"/strategies/old/": true, "/strategies/new/": false} {
		tb.open(page)
		tb.waitFor(`document.readyState === "complete"`)
		if got := eval[bool](tb, `(() => { const b = document.querySelector(".badge.stale"); return !!b && b.getClientRects().length > 0; })()`); got != want {
			t.Errorf("%s: review due shown %v, want %v", page, got, want)
		}
	}
}

// TestChecklistLabelsAndStickyProgress: clicking a task's text ticks it,
// and the progress stays in sight while the reader scrolls the list.
func TestChecklistLabelsAndStickyProgress(t *testing.T) {
	srv := serve(t, demo(t))
	tb := newTab(t, srv)
	tb.open("/onboarding/staff-first-90-days/")
	tb.waitFor(`!!document.querySelector(".checklist-tools:not([hidden])")`)
	first := eval[string](tb, `document.querySelector(".content input[data-task]").getAttribute("aria-label")`)
	// The middle of the label is its text, not the box.
	tb.click(`.content label.task`)
	if !eval[bool](tb, `document.querySelector(".content input[data-task]").checked`) {
		t.Errorf("clicking the text of %q did not tick it", first)
	}
	if c := eval[string](tb, `document.querySelector(".checklist-count").textContent`); !strings.HasPrefix(c, "1 of ") {
		t.Errorf("progress after ticking by the text = %q", c)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`(() => { const items = document.querySelectorAll(".content li"); items[Math.floor(items.length * 2 / 3)].scrollIntoView(); })()`))
	// It sits just under the header, which stays at the top too.
	top := eval[float64](tb, `document.querySelector(".checklist-tools").getBoundingClientRect().top - document.querySelector(".site-header").getBoundingClientRect().bottom`)
	if top < -1 || top > 5 {
		t.Errorf("with the list scrolled, the progress is %.0f px below the header, want 0", top)
	}
}

// TestDecisionTextFilter: typing in the decision index's text filter
// keeps the decisions whose title, id, owner or area hold every word, and
// says so when none does.
func TestDecisionTextFilter(t *testing.T) {
	srv := serve(t, demo(t))
	tb := newTab(t, srv)
	tb.open("/decisions/")
	tb.waitFor(`!!document.querySelector("form.decision-filter:not([hidden])")`)
	total := eval[int](tb, `document.querySelectorAll(".decision-table tr[data-status]").length`)
	tb.do(chromedp.SendKeys(chromedp.CSS(`form.decision-filter input[name=q]`), "kafka"))
	type state struct {
		Shown []string
		None  bool
	}
	get := func() state {
		return eval[state](tb, `({
			Shown: Array.from(document.querySelectorAll(".decision-table tr[data-status]")).filter(li => li.getClientRects().length > 0).map(li => li.textContent.toLowerCase()),
			None: document.querySelector(".filter-none").getClientRects().length > 0,
		})`)
	}
	s := get()
	if len(s.Shown) == 0 || len(s.Shown) >= total || s.None {
		t.Fatalf("\"kafka\" shows %d of %d decisions (nothing-matches message %v)", len(s.Shown), total, s.None)
	}
	for _, text := range s.Shown {
		if !strings.Contains(text, "kafka") {
			t.Errorf("\"kafka\" shows a decision without it: %q", text)
		}
	}
	if q := eval[string](tb, `location.search`); q != "?q=kafka" {
		t.Errorf("the address keeps %q, want ?q=kafka", q)
	}
	tb.do(chromedp.SendKeys(chromedp.CSS(`form.decision-filter input[name=q]`), " zebra-crossing"))
	if s := get(); len(s.Shown) != 0 || !s.None {
		t.Errorf("\"kafka zebra-crossing\" shows %d decisions, nothing-matches message %v", len(s.Shown), s.None)
	}
}
