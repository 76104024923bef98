package browser

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	t.Logf("%s: drawn %.0f ms after the navigation started", diagramPage, eval[float64](tb, `performance.now()`))
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

// TestMermaidOnCorpora builds the collections of real handbooks that
// hold mermaid fences (HANDBOOK_CORPORA; skipped without it) and opens
// every page with a diagram: each is drawn, or shows its source under a
// message, and the page asks no other host for anything.
func TestMermaidOnCorpora(t *testing.T) {
	dir := os.Getenv("HANDBOOK_CORPORA")
	if dir == "" {
		t.Skip("set HANDBOOK_CORPORA to a folder of real handbooks to draw their diagrams")
	}
	for _, c := range []struct {
		name, content string
		drawn, failed int // as of the collections' pinned commits
	}{
		{"rust-rfcs", "text", 3, 0},
		{"sourcegraph-handbook", "content", 1, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := buildCorpus(t, dir, c.name, c.content)
			var pages []string
			_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
					if b, _ := os.ReadFile(p); strings.Contains(string(b), `<div class="diagram"`) {
						rel, _ := filepath.Rel(out, p)
						pages = append(pages, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
					}
				}
				return nil
			})
			tb := newTab(t, serve(t, out))
			drawn, failed := 0, 0
			for _, p := range pages {
				tb.open(p)
				ok, bad := tb.drawn()
				drawn, failed = drawn+ok, failed+bad
				if bad > 0 {
					t.Logf("%s: %d drawn, %d failed: %s", p, ok, bad, eval[string](tb, `Array.from(document.querySelectorAll(".diagram-error")).map(e => e.textContent).join(" | ")`))
				} else {
					t.Logf("%s: %d drawn", p, ok)
				}
			}
			if drawn != c.drawn || failed != c.failed {
				t.Errorf("%s: %d diagrams drawn and %d failed on %d pages, want %d and %d", c.name, drawn, failed, len(pages), c.drawn, c.failed)
			}
		})
	}
}

// diagramKinds are one small diagram of each kind Mermaid draws, as its
// documentation writes them.
var diagramKinds = []string{
	"flowchart LR\n  A[Start] --> B{Ok?}\n  B -->|yes| C[Done]\n  B -->|no| A",
	"sequenceDiagram\n  Alice->>Bob: Hello\n  Bob-->>Alice: Hi",
	"classDiagram\n  Animal <|-- Duck\n  Animal : +int age\n  Duck : +swim()",
	"stateDiagram-v2\n  [*] --> Still\n  Still --> Moving\n  Moving --> [*]",
	"erDiagram\n  CUSTOMER ||--o{ ORDER : places\n  ORDER ||--|{ LINE-ITEM : contains",
	"journey\n  title My day\n  section Work\n    Write code: 5: Me\n    Review: 3: Me, Cat",
	"gantt\n  title Plan\n  dateFormat YYYY-MM-DD\n  section A\n  Design :a1, 2024-01-01, 10d\n  Build :after a1, 20d",
	"pie title Pets\n  \"Dogs\" : 386\n  \"Cats\" : 85",
	"quadrantChart\n  title Reach\n  x-axis Low --> High\n  y-axis Low --> High\n  quadrant-1 Expand\n  quadrant-2 Promote\n  quadrant-3 Re-evaluate\n  quadrant-4 Improve\n  A: [0.3, 0.6]",
	"requirementDiagram\n  requirement test_req {\n  id: 1\n  text: the test text.\n  risk: high\n  verifymethod: test\n  }\n  element test_entity {\n  type: simulation\n  }\n  test_entity - satisfies -> test_req",
	"gitGraph\n  commit\n  branch develop\n  commit\n  checkout main\n  merge develop",
	"C4Context\n  title System\n  Person(a, \"Customer\")\n  System(b, \"Bank\")\n  Rel(a, b, \"Uses\")",
	"mindmap\n  root((handbook))\n    Strategies\n    Decisions",
	"timeline\n  title History\n  2023 : First\n  2024 : Second",
	"sankey-beta\n\nA,B,10\nB,C,5",
	"xychart-beta\n  x-axis [jan, feb, mar]\n  y-axis \"Sales\" 0 --> 100\n  bar [10, 50, 80]",
	"block-beta\n  columns 2\n  a b",
	"packet-beta\n  0-15: \"Source Port\"\n  16-31: \"Destination Port\"",
	"architecture-beta\n  group api(cloud)[API]\n  service db(database)[Database] in api\n  service server(server)[Server] in api\n  db:L -- R:server",
	"kanban\n  todo[Todo]\n    t1[Write the doc]\n  done[Done]\n    t2[Read it]",
	"radar-beta\n  axis a, b, c\n  curve x{1, 2, 3}",
}

// TestMermaidDiagramKinds draws a diagram of every kind Mermaid knows:
// each is drawn, and none asks another host for anything (fonts, icons,
// styles): newTab's recorder fails the test on any such request.
func TestMermaidDiagramKinds(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- content/design/kinds.md --\n---\ntitle: Kinds\nstatus: draft\n---\n## Problem\n\n")
	for _, d := range diagramKinds {
		b.WriteString("```mermaid\n" + d + "\n```\n\n")
	}
	root := writeSite(t, b.String())
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out)
	tb := newTab(t, serve(t, out))
	start := time.Now()
	tb.open("/design/kinds/")
	ok, failed := tb.drawn()
	t.Logf("%d diagrams drawn in %s", ok, time.Since(start).Round(time.Millisecond))
	if failed > 0 {
		t.Errorf("%d of %d diagrams failed: %s", failed, len(diagramKinds), eval[string](tb,
			`Array.from(document.querySelectorAll("div.diagram[data-failed]")).map(d => d.querySelector("pre").textContent.split("\n")[0] + ": " + d.querySelector(".diagram-error").textContent).join("\n")`))
	}
	if ok != len(diagramKinds)-failed {
		t.Errorf("%d drawn, %d failed, of %d", ok, failed, len(diagramKinds))
	}
	start = time.Now()
	tb.setTheme("dark")
	t.Logf("drawn again in the dark theme in %s", time.Since(start).Round(time.Millisecond))
	if ok, failed := tb.drawn(); ok != len(diagramKinds) || failed != 0 {
		t.Errorf("dark theme: %d drawn, %d failed, of %d", ok, failed, len(diagramKinds))
	}
}
