package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// diagramPage is the demo's design document with a Mermaid diagram.
const diagramPage = "/design/booking-holds/"

// drawn waits until every diagram of the page is drawn or has failed, and
// returns how many are drawn as an SVG and how many failed.
func (tb *tab) drawn() (ok, failed int) {
	tb.t.Helper()
	tb.waitFor(`document.querySelectorAll("div.diagram").length > 0 &&
		Array.from(document.querySelectorAll("div.diagram")).every(d => "drawn" in d.dataset || "failed" in d.dataset)`)
	n := eval[[]int](tb, `[document.querySelectorAll("div.diagram[data-drawn] > .diagram-drawn > svg").length,
		document.querySelectorAll("div.diagram[data-failed]").length]`)
	return n[0], n[1]
}

// scripts lists the src of the page's scripts and of every script
// resource it loaded.
func (tb *tab) scripts() []string {
	tb.t.Helper()
	return eval[[]string](tb, `Array.from(document.scripts).map(s => s.src).filter(Boolean).concat(
		performance.getEntriesByType("resource").map(r => r.name).filter(n => n.endsWith(".js")))`)
}

// TestMermaidDraws: the demo's diagram is drawn as an SVG, its source
// hidden, by the Mermaid bundle the site carries, with no request to
// another host; switching to the dark theme draws it again in dark
// colours. A page without diagrams loads neither Mermaid nor the
// diagram script.
func TestMermaidDraws(t *testing.T) {
	srv := serve(t, demo(t))
	tb := newTab(t, srv)
	tb.open(diagramPage)
	if ok, failed := tb.drawn(); ok != 1 || failed != 0 {
		t.Fatalf("%s: %d diagrams drawn, %d failed; want 1 drawn", diagramPage, ok, failed)
	}
	if eval[bool](tb, `!document.querySelector("div.diagram > pre.mermaid").hidden`) {
		t.Error("the diagram's source is still shown beside the drawing")
	}
	if got := eval[string](tb, `document.querySelector(".diagram-drawn svg").textContent`); !strings.Contains(got, "converted") || !strings.Contains(got, "hold.placed") {
		t.Errorf("the drawing's text is %q, want the states and events of the source", got)
	}
	if got := tb.scripts(); !hasScript(got, "/assets/mermaid.") || !hasScript(got, "/assets/diagrams.") {
		t.Errorf("%s loaded %v, want the site's mermaid and diagrams scripts", diagramPage, got)
	}
	shot(t, tb, "diagram.png", ".diagram")

	// The dark theme draws the diagram again, on a dark background.
	light := eval[string](tb, `document.querySelector(".diagram-drawn svg").outerHTML`)
	tb.do(chromedp.Evaluate[chromedp.Void](`document.documentElement.dataset.theme = "dark"`))
	tb.waitFor(`document.querySelector(".diagram-drawn svg") && document.querySelector(".diagram-drawn svg").outerHTML !== ` + js(light))
	tb.drawn()
	if dark := eval[string](tb, `document.querySelector(".diagram-drawn svg").outerHTML`); dark == light {
		t.Error("the dark theme did not redraw the diagram")
	}
	shot(t, tb, "diagram-dark.png", ".diagram")

	for _, p := range []string{"/design/ci-pipeline/", "/", "/decisions/"} {
		tb.open(p)
		for _, s := range tb.scripts() {
			if strings.Contains(s, "/assets/mermaid.") || strings.Contains(s, "/assets/diagrams.") {
				t.Errorf("%s, a page without diagrams, loads %s", p, s)
			}
		}
	}
}

func hasScript(srcs []string, part string) bool {
	for _, s := range srcs {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// shot saves a screenshot of the first element sel matches in the test
// output folder.
func shot(t *testing.T, tb *tab, name, sel string) {
	t.Helper()
	png, err := chromedp.Run(tb.ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(screenshotDir(t), name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", p)
}

// TestMermaidFromFile: opened from file://, with no server, the diagram is
// drawn, and nothing outside the site's folder is requested.
func TestMermaidFromFile(t *testing.T) {
	out, err := filepath.Abs(demo(t))
	if err != nil {
		t.Fatal(err)
	}
	tb := attach(t, nil)
	base := "file://" + filepath.ToSlash(out)
	tb.do(chromedp.Navigate(base + diagramPage + "index.html"))
	tb.ready()
	if ok, failed := tb.drawn(); ok != 1 || failed != 0 {
		t.Errorf("from file://: %d diagrams drawn, %d failed; want 1 drawn", ok, failed)
	}
	tb.rec.mu.Lock()
	defer tb.rec.mu.Unlock()
	for _, p := range tb.rec.problems {
		t.Errorf("page problem: %s", p)
	}
	for _, r := range tb.rec.requests {
		if !strings.HasPrefix(r, base+"/") && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") {
			t.Errorf("request outside the site folder: %s", r)
		}
	}
}

const brokenDiagramSite = `
-- content/design/flows.md --
---
title: Flows
status: draft
---
## Problem

A good one:

` + "```mermaid" + `
sequenceDiagram
  Alice->>Bob: Hello
` + "```" + `

A broken one:

` + "```mermaid" + `
graph TD
  A --> B -->
  this is not <mermaid>
` + "```" + `
`

// TestBrokenDiagramShowsItsSource: a diagram Mermaid cannot read keeps
// its source on the page, under a short message; the page's other
// diagram is drawn all the same, and nothing is logged as an error.
func TestBrokenDiagramShowsItsSource(t *testing.T) {
	root := writeSite(t, brokenDiagramSite)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out)
	tb := newTab(t, serve(t, out))
	tb.open("/design/flows/")
	if ok, failed := tb.drawn(); ok != 1 || failed != 1 {
		t.Fatalf("%d diagrams drawn, %d failed; want 1 and 1", ok, failed)
	}
	type shown struct {
		Message string `json:"message"`
		Source  string `json:"source"`
		Visible bool   `json:"visible"`
	}
	got := eval[shown](tb, `(() => {
		const d = document.querySelector("div.diagram[data-failed]");
		const pre = d.querySelector("pre.mermaid");
		return {message: d.querySelector(".diagram-error").textContent, source: pre.textContent,
			visible: !pre.hidden && pre.getBoundingClientRect().height > 0};
	})()`)
	if !got.Visible || !strings.Contains(got.Source, "this is not <mermaid>") {
		t.Errorf("the broken diagram's source is not shown: %+v", got)
	}
	if !strings.HasPrefix(got.Message, "This diagram could not be drawn: ") || len(got.Message) > 260 {
		t.Errorf("message %q: want a short one saying the diagram could not be drawn", got.Message)
	}
	if n := eval[int](tb, `document.querySelectorAll("body > svg, body > div[id^=ddiagram]").length`); n != 0 {
		t.Errorf("%d elements left behind at the end of the body by the failed drawing", n)
	}
	shot(t, tb, "diagram-broken.png", "div.diagram[data-failed]")
}
