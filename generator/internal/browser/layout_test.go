package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The reader's screens the theme is measured on: a laptop and a phone.
var screens = []struct {
	name string
	w, h int64
}{
	{"wide", 1280, 800},
	{"phone", 390, 844},
}

// demoDocs lists the site paths of every document of the demo handbook,
// read from the build's graph.json.
func demoDocs(t *testing.T, out string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "graph.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Documents []struct {
			URL string `json:"url"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, d := range g.Documents {
		urls = append(urls, d.URL)
	}
	if len(urls) < 40 {
		t.Fatalf("graph.json lists %d documents, want the demo's 40 or more", len(urls))
	}
	return urls
}

// TestContentFirst opens every document of the demo on a laptop screen
// and on a phone: the first paragraph of the body starts within the first
// screen, and no page scrolls sideways. On the decision index, whose
// content is the table of decisions (the section's own text follows it),
// the table's first row is what must be in sight.
func TestContentFirst(t *testing.T) {
	out := demo(t)
	srv := serve(t, out)
	docs := demoDocs(t, out)
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			tb := newTab(t, srv, chromedp.EmulateViewport(sc.w, sc.h))
			type place struct {
				What    string
				Top     float64
				ScrollW float64
				ClientW float64
			}
			worst := place{Top: -1}
			worstPage := ""
			for _, p := range docs {
				tb.open(p)
				got := eval[place](tb, `(() => {
					const row = document.querySelector("table.decision-table tbody tr");
					const para = document.querySelector("main .content p");
					const el = row || para;
					const what = row ? "the first decision" : para ? "the first paragraph" : "";
					return {
						What: what,
						Top: el ? el.getBoundingClientRect().top + window.scrollY : -1,
						ScrollW: document.documentElement.scrollWidth,
						ClientW: document.documentElement.clientWidth,
					};
				})()`)
				switch {
				case got.What == "":
					t.Errorf("%s: no paragraph in the body", p)
				case got.Top >= float64(sc.h):
					t.Errorf("%s at %dx%d: %s starts at %.0f px, below the first screen (%d px)", p, sc.w, sc.h, got.What, got.Top, sc.h)
				}
				if got.ScrollW > got.ClientW {
					t.Errorf("%s at %dx%d: the page scrolls sideways (%.0f px wide in %.0f)", p, sc.w, sc.h, got.ScrollW, got.ClientW)
				}
				if got.Top > worst.Top {
					worst, worstPage = got, p
				}
			}
			t.Logf("%dx%d: over %d documents the body starts at most %.0f px down (%s, %s)", sc.w, sc.h, len(docs), worst.Top, worstPage, worst.What)
		})
	}
}

// TestHeader: from 1024 px up the header is one row, and it stays at the
// top of the window while the page scrolls; on a phone its row of tools
// (menu, search, theme) stays.
func TestHeader(t *testing.T) {
	srv := serve(t, demo(t))
	type row struct {
		Height   float64
		Children []struct {
			Name        string
			Top, Bottom float64
		}
	}
	for _, w := range []int64{1024, 1280} {
		tb := newTab(t, srv, chromedp.EmulateViewport(w, 800))
		tb.open("/strategies/databases/")
		got := eval[row](tb, `(() => {
			const h = document.querySelector(".site-header");
			const shown = Array.from(h.querySelectorAll(":scope > *, .tools > *")).filter(n => n.getClientRects().length && getComputedStyle(n).visibility !== "hidden");
			return {
				Height: h.getBoundingClientRect().height,
				Children: shown.map(n => { const r = n.getBoundingClientRect(); return {Name: n.className || n.tagName, Top: r.top, Bottom: r.bottom}; }),
			};
		})()`)
		if len(got.Children) < 3 {
			t.Fatalf("%d px: the header shows %d parts, want the title, the search and the theme at least", w, len(got.Children))
		}
		for _, c := range got.Children {
			// One row: every part lies within the header's height, which
			// is that of one control and its padding.
			if c.Top < 0 || c.Bottom > got.Height {
				t.Errorf("%d px: header part %q spans %.0f to %.0f, outside the header's one row (%.0f px high)", w, c.Name, c.Top, c.Bottom, got.Height)
			}
		}
		if got.Height > 64 {
			t.Errorf("%d px: the header is %.0f px high, want one row (at most 64 px)", w, got.Height)
		}
		tb.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 3000)`))
		if top := eval[float64](tb, `document.querySelector(".site-header").getBoundingClientRect().top`); top != 0 {
			t.Errorf("%d px: scrolled down, the header is at %.0f px, want 0 (it stays at the top)", w, top)
		}
	}
	// On the narrowest common phones too, every part of the header fits
	// inside it, and every button's label inside the button.
	for _, w := range []int64{390, 360, 320} {
		tb := newTab(t, srv, chromedp.EmulateViewport(w, 800))
		tb.open("/strategies/databases/")
		out := eval[[]string](tb, `(() => {
			const h = document.querySelector(".site-header");
			const right = h.getBoundingClientRect().right - parseFloat(getComputedStyle(h).paddingRight);
			return Array.from(h.querySelectorAll(":scope > *, .tools > *")).filter(n => n.getClientRects().length && n.getBoundingClientRect().right > right + 0.5).map(n => n.className || n.tagName);
		})()`)
		if len(out) > 0 {
			t.Errorf("%d px: header parts past its edge: %v", w, out)
		}
		spill := eval[[]string](tb, `Array.from(document.querySelectorAll(".site-header button")).filter(b => b.getClientRects().length && b.scrollWidth > b.clientWidth + 0.5).map(b => b.className + ": " + b.textContent.trim())`)
		if len(spill) > 0 {
			t.Errorf("%d px: labels spill out of their buttons: %v", w, spill)
		}
	}
	tb := newTab(t, srv, chromedp.EmulateViewport(390, 844))
	tb.open("/strategies/databases/")
	tb.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 3000)`))
	for _, sel := range []string{"button.nav-toggle", "#search-input", "button.theme-toggle"} {
		top := eval[float64](tb, `document.querySelector(`+js(sel)+`).getBoundingClientRect().top`)
		if top < 0 || top > 60 {
			t.Errorf("phone, scrolled down: %s is at %.0f px, want it in sight at the top", sel, top)
		}
	}
}

// TestDrawer: on a phone the sections are behind the header's Menu
// button, which opens them as a drawer; Escape, a click outside and the
// close button close it, and focus goes in and comes back.
func TestDrawer(t *testing.T) {
	srv := serve(t, demo(t))
	tb := newTab(t, srv, chromedp.EmulateViewport(390, 844))
	tb.open("/strategies/databases/")
	type state struct {
		Expanded string
		Shown    bool // the drawer is on screen
		Menu     bool // the header's own menu is shown
		Focus    string
		InNav    bool
	}
	get := func() state {
		return eval[state](tb, `(() => {
			const nav = document.getElementById("site-nav");
			const r = nav.getBoundingClientRect();
			const a = document.activeElement;
			const menu = document.querySelector(".site-header .menu");
			return {
				Expanded: document.querySelector("button.nav-toggle").getAttribute("aria-expanded"),
				Shown: getComputedStyle(nav).visibility === "visible" && r.right > 100 && r.left >= -1,
				Menu: !!menu && menu.getClientRects().length > 0,
				Focus: a ? (a.className || a.tagName) + ":" + a.textContent.trim().slice(0, 40) : "",
				InNav: !!a && nav.contains(a),
			};
		})()`)
	}
	// The drawer slides in: wait until it is in place before using it.
	openDrawer := func() {
		tb.click("button.nav-toggle")
		tb.waitFor(`document.getElementById("site-nav").getBoundingClientRect().left >= -0.5`)
	}
	waitShut := func() { tb.waitFor(`getComputedStyle(document.getElementById("site-nav")).visibility === "hidden"`) }
	if s := get(); s.Expanded != "false" || s.Shown || s.Menu {
		t.Fatalf("before opening: %+v, want the button collapsed, the drawer and the header menu not shown", s)
	}
	if c := eval[string](tb, `document.querySelector("button.nav-toggle").getAttribute("aria-controls")`); c != "site-nav" {
		t.Errorf("the button controls %q, want site-nav", c)
	}
	openDrawer()
	s := get()
	if s.Expanded != "true" || !s.Shown || !s.InNav {
		t.Fatalf("opened: %+v, want expanded, the drawer shown, focus in it", s)
	}
	if !strings.Contains(s.Focus, "Which database for which job") {
		t.Errorf("opened: focus on %q, want the current page's link", s.Focus)
	}
	if !eval[bool](tb, `Array.from(document.querySelectorAll("#site-nav a")).some(a => a.textContent.trim() === "Start here" && a.getClientRects().length)`) {
		t.Errorf("the drawer does not offer the main menu's Start here")
	}
	tb.do(chromedp.KeyEvent(kb.Escape))
	waitShut()
	if s := get(); s.Expanded != "false" || !strings.HasPrefix(s.Focus, "nav-toggle") {
		t.Errorf("after Escape: %+v, want collapsed and focus back on the button", s)
	}
	openDrawer()
	tb.do(chromedp.MouseClickXY(370, 600))
	waitShut()
	if s := get(); s.Expanded != "false" {
		t.Errorf("after a click outside: %+v, want collapsed", s)
	}
	openDrawer()
	tb.click("#site-nav .drawer-close")
	waitShut()
	if s := get(); s.Expanded != "false" || !strings.HasPrefix(s.Focus, "nav-toggle") {
		t.Errorf("after Close: %+v, want collapsed and focus back on the button", s)
	}
	// A link in the drawer takes the reader there.
	openDrawer()
	tb.follow(chromedp.Click(chromedp.CSS(`#site-nav a[href$="vision/"]`)))
	if p := tb.path(); p != "/vision/" {
		t.Errorf("the drawer's Vision link went to %s", p)
	}
	// Wide, the sidebar is beside the page and there is no button.
	wide := newTab(t, srv, chromedp.EmulateViewport(1280, 800))
	wide.open("/strategies/databases/")
	if got := eval[bool](wide, `document.querySelector("button.nav-toggle").getClientRects().length === 0 && document.getElementById("site-nav").getBoundingClientRect().left >= 0`); !got {
		t.Errorf("at 1280 px the Menu button shows or the sidebar is not beside the page")
	}
}

// TestTableOfContents: on a wide screen the table of contents is a rail
// beside the body that marks the section in view; on a phone it is folded
// above the body and opens on a tap.
func TestTableOfContents(t *testing.T) {
	srv := serve(t, demo(t))
	tb := newTab(t, srv, chromedp.EmulateViewport(1280, 800))
	tb.open("/strategies/databases/")
	type rail struct {
		Open               bool
		TocLeft, BodyRight float64
		Current            []string
	}
	get := func() rail {
		return eval[rail](tb, `(() => {
			const toc = document.querySelector("details.toc");
			return {
				Open: toc.open,
				TocLeft: toc.querySelector("nav a").getBoundingClientRect().left,
				BodyRight: document.querySelector("main .content p").getBoundingClientRect().right,
				Current: Array.from(toc.querySelectorAll("a[aria-current]")).map(a => a.textContent),
			};
		})()`)
	}
	r := get()
	if !r.Open || r.TocLeft < r.BodyRight {
		t.Errorf("at 1280 px: table of contents open %v, its links at %.0f px, the body's right edge at %.0f: want an open rail to the right", r.Open, r.TocLeft, r.BodyRight)
	}
	headings := eval[[]string](tb, `Array.from(document.querySelectorAll("details.toc a")).map(a => a.hash.slice(1))`)
	if len(headings) < 4 {
		t.Fatalf("the table of contents lists %d headings", len(headings))
	}
	for _, id := range []string{headings[2], headings[len(headings)-2]} {
		tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById(` + js(id) + `).scrollIntoView()`))
		tb.waitFor(`(() => { const a = document.querySelector("details.toc a[aria-current]"); return !!a && a.hash === "#" + ` + js(id) + `; })()`)
		if n := len(get().Current); n != 1 {
			t.Errorf("scrolled to #%s: %d links marked current, want 1", id, n)
		}
	}
	// The rail stays in sight while the body scrolls.
	if top := eval[float64](tb, `document.querySelector("details.toc").getBoundingClientRect().top`); top < 0 || top > 120 {
		t.Errorf("scrolled down, the rail is at %.0f px", top)
	}

	phone := newTab(t, srv, chromedp.EmulateViewport(390, 844))
	phone.open("/strategies/databases/")
	folded := `(() => { const t = document.querySelector("details.toc"); return !t.open && !t.querySelector("nav").checkVisibility(); })()`
	if !eval[bool](phone, folded) {
		t.Errorf("on a phone the table of contents is not folded")
	}
	phone.click("details.toc > summary")
	if !eval[bool](phone, `document.querySelector("details.toc nav a").checkVisibility()`) {
		t.Errorf("tapping On this page does not open the table of contents")
	}
}

// TestDecisionTable: the decision index is a table that sorts by a click
// on a column's header (aria-sort says how, the address keeps it), keeps
// its dates whole, and fits the page at every width.
func TestDecisionTable(t *testing.T) {
	srv := serve(t, demo(t))
	tb := newTab(t, srv)
	tb.open("/decisions/")
	tb.waitFor(`!!document.querySelector("table.decision-table th button.sort")`)
	type view struct {
		Dates []string
		IDs   []string
		Sort  map[string]string
	}
	get := func() view {
		return eval[view](tb, `(() => {
			const rows = Array.from(document.querySelectorAll("table.decision-table tbody tr")).filter(r => r.getClientRects().length);
			const sort = {};
			for (const th of document.querySelectorAll("table.decision-table th[aria-sort]")) sort[th.dataset.sortKey] = th.getAttribute("aria-sort");
			return {
				Dates: rows.map(r => r.querySelector(".d-date").textContent),
				IDs: rows.map(r => r.querySelector(".d-id").textContent),
				Sort: sort,
			};
		})()`)
	}
	dated := func(ds []string) []string {
		var out []string
		for _, d := range ds {
			if d != "" {
				out = append(out, d)
			}
		}
		return out
	}
	before := get()
	if slices.IsSorted(dated(before.Dates)) || len(before.Sort) != 0 {
		t.Fatalf("before any sort the rows are already in date order or a header says it sorts: %+v", before.Sort)
	}
	tb.click(`th[data-sort-key="date"] button`)
	v := get()
	if !slices.IsSorted(dated(v.Dates)) || v.Sort["date"] != "ascending" || len(v.Sort) != 1 {
		t.Errorf("sorted by date: dates %v, aria-sort %v", v.Dates, v.Sort)
	}
	tb.click(`th[data-sort-key="date"] button`)
	v = get()
	d := dated(v.Dates)
	slices.Reverse(d)
	if !slices.IsSorted(d) || v.Sort["date"] != "descending" {
		t.Errorf("sorted by date again: dates %v, aria-sort %v, want newest first", v.Dates, v.Sort)
	}
	if q := eval[string](tb, `location.search`); q != "?sort=-date" {
		t.Errorf("the address keeps %q, want ?sort=-date", q)
	}
	// From the address, with a filter: the view comes back.
	tb.open("/decisions/?status=accepted&sort=id")
	v = get()
	if !slices.IsSortedFunc(v.IDs, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) || v.Sort["id"] != "ascending" {
		t.Errorf("?status=accepted&sort=id: ids %v, aria-sort %v", v.IDs, v.Sort)
	}
	if n := eval[int](tb, `document.querySelectorAll("table.decision-table tbody tr:not([hidden]) .badge:not(.status-accepted)").length`); n != 0 {
		t.Errorf("?status=accepted&sort=id shows %d decisions of another status", n)
	}
	// Sorting by status follows the index's order of statuses, not the alphabet.
	tb.open("/decisions/?sort=status")
	statuses := eval[[]string](tb, `Array.from(document.querySelectorAll("table.decision-table tbody tr .d-status")).map(c => c.textContent)`)
	if len(statuses) == 0 || statuses[0] != "accepted" || statuses[len(statuses)-1] == "accepted" {
		t.Errorf("sorted by status: %v, want accepted first", statuses)
	}
	// At every width, beside the sidebar or not, the index and the
	// recurring decisions fit the page, and a title has room to be read.
	for _, page := range []string{"/decisions/", "/decisions/recurring/"} {
		for _, w := range []int64{1280, 1024, 800, 390} {
			tab := newTab(t, srv, chromedp.EmulateViewport(w, 844))
			tab.open(page)
			type fit struct {
				ScrollW, ClientW, Title float64
				Broken                  []string
			}
			f := eval[fit](tab, `({
				ScrollW: document.documentElement.scrollWidth,
				ClientW: document.documentElement.clientWidth,
				Title: document.querySelector("table.decision-table .d-title").getBoundingClientRect().width,
				Broken: Array.from(document.querySelectorAll("table.decision-table time")).filter(t => t.getClientRects().length > 1 || t.getBoundingClientRect().height > 30).map(t => t.textContent),
			})`)
			if f.ScrollW > f.ClientW {
				t.Errorf("%s at %d px scrolls sideways (%.0f in %.0f)", page, w, f.ScrollW, f.ClientW)
			}
			if f.Title < 192 {
				t.Errorf("%s at %d px: the title column is %.0f px wide, want at least 12rem", page, w, f.Title)
			}
			if len(f.Broken) > 0 {
				t.Errorf("%s at %d px: dates broken across lines: %v", page, w, f.Broken)
			}
		}
	}
}

// TestScreenshotsOfEveryPageType writes a screenshot of each kind of page,
// on a laptop and a phone, light and dark, to the screenshot folder.
func TestScreenshotsOfEveryPageType(t *testing.T) {
	srv := serve(t, demo(t))
	dir := filepath.Join(screenshotDir(t), "pages")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := []struct{ name, path string }{
		{"home", "/"},
		{"page", "/staff/the-role/"},
		{"strategy", "/strategies/databases/"},
		{"vision", "/vision/engineering-2029/"},
		{"design-doc", "/design/booking-holds/"},
		{"decision", "/decisions/0004-kafka-event-backbone/"},
		{"decision-superseded", "/decisions/0002-sessions-memcached/"},
		{"checklist", "/onboarding/staff-first-90-days/"},
		{"section", "/strategies/"},
		{"decisions", "/decisions/"},
		{"decisions-recurring", "/decisions/recurring/"},
		{"health", "/health/"},
		{"owner", "/owners/platform/"},
		{"path", "/paths/new-hire/"},
		{"tag", "/tags/postgres/"},
		{"tags", "/tags/"},
		{"404", "/404.html"},
	}
	n := 0
	for _, sc := range screens {
		for _, scheme := range []string{"light", "dark"} {
			tb := newTab(t, srv, chromedp.EmulateViewport(sc.w, sc.h),
				call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
				}))
			for _, p := range pages {
				tb.open(p.path)
				if got := eval[string](tb, `getComputedStyle(document.documentElement).colorScheme`); got != scheme {
					t.Errorf("%s in %s: the page's color-scheme is %q", p.path, scheme, got)
				}
				png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatalf("screenshot %s: %v", p.path, err)
				}
				name := fmt.Sprintf("%s-%s-%s.png", p.name, sc.name, scheme)
				if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
					t.Fatal(err)
				}
				n++
			}
			if sc.w < 640 {
				// The navigation drawer, open.
				tb.open("/strategies/databases/")
				tb.click("button.nav-toggle")
				tb.waitFor(`document.getElementById("site-nav").getBoundingClientRect().left >= -0.5`)
				png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatalf("screenshot of the drawer: %v", err)
				}
				if err := os.WriteFile(filepath.Join(dir, "drawer-"+sc.name+"-"+scheme+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
				n++
			}
		}
	}
	// Without JavaScript: the menu in the header, the sections above the page.
	for _, sc := range screens {
		tb := newTab(t, srv, chromedp.EmulateViewport(sc.w, sc.h),
			call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
		tb.do(chromedp.Navigate(srv.URL + "/strategies/databases/"))
		png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot without JavaScript: %v", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "no-script-"+sc.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	t.Logf("wrote %d screenshots to %s", n, dir)
}

// TestDrawerAccessibility runs axe-core on a phone's screen with the
// navigation drawer open, in the light and the dark theme (the page types
// themselves are checked on a phone by TestAccessibility).
func TestDrawerAccessibility(t *testing.T) {
	axeScript(t) // or skips, when axe-core is absent
	srv := serve(t, demo(t))
	tb := newTab(t, srv, chromedp.EmulateViewport(390, 844))
	total := 0
	for _, theme := range []string{"light", "dark"} {
		tb.open("/strategies/databases/")
		tb.setTheme(theme)
		tb.click("button.nav-toggle")
		tb.waitFor(`document.getElementById("site-nav").getBoundingClientRect().left >= -0.5`)
		total += tb.reportAxe(fmt.Sprintf("the open drawer at 390 px (%s)", theme))
	}
	t.Logf("axe-core, drawer open at 390 px: %d violations", total)
}
