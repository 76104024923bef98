package build

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

const linkForms = `
-- site.yaml --
sections:
  strategies: strategy
  decisions: decision
-- content/_index.md --
---
title: Home
---
Home.
-- content/strategies/_index.md --
---
title: Strategies
---
Index of strategies.
-- content/strategies/databases.md --
---
title: Databases
status: accepted
---
## Rationale {#why}

## Cost of change
-- content/guides/README.md --
# Guides
-- content/guides/setup.md --
# Setup
-- content/guides/bundle/index.md --
# Bundle

![chart](chart.png)
-- content/guides/bundle/chart.png --
PNG
-- content/files/sheet.csv --
a,b
-- content/links.md --
---
title: Every link form
---
1. [rel](strategies/databases.md) [rel-anchor](strategies/databases.md#why)
2. [index](strategies/_index.md) [folder](guides/) [readme](guides/README.md) [bundle](guides/bundle/index.md)
3. [site](/strategies/databases/) [site-noslash](/strategies/databases) [site-html](/strategies/databases.html) [site-md](/strategies/databases.md)
4. [[databases]] [[strategies/databases|the strategy]] [[databases#cost-of-change]] [[Setup]]
5. [ref]({{< ref "databases.md" >}}) [relref]({{< relref "guides/setup.md" >}}) [ref-anchor]({{% ref "strategies/databases.md#why" %}})
6. [reference style][dbs] and [another][setup]
7. [csv](files/sheet.csv) [chart](/guides/bundle/chart.png) [self](#top-of-page)
8. [ext](https://example.com/x) [mail](mailto:a@example.com)

## Top of page

[dbs]: strategies/databases.md#cost-of-change
[setup]: /guides/setup/
`

func TestEveryLinkFormResolves(t *testing.T) {
	s := buildSite(t, linkForms, func(o *Options) { o.BaseURL = "https://example.com/handbook/" })
	s.noDiags()
	s.contains("links/index.html",
		`<a href="../strategies/databases/">rel</a>`,
		`<a href="../strategies/databases/#why">rel-anchor</a>`,
		`<a href="../strategies/">index</a>`,
		`<a href="../guides/">folder</a>`,
		`<a href="../guides/">readme</a>`,
		`<a href="../guides/bundle/">bundle</a>`,
		`<a href="../strategies/databases/">site</a>`,
		`<a href="../strategies/databases/">site-noslash</a>`,
		`<a href="../strategies/databases/">site-html</a>`,
		`<a href="../strategies/databases/">site-md</a>`,
		`<a href="../strategies/databases/">databases</a>`,
		`<a href="../strategies/databases/">the strategy</a>`,
		`<a href="../strategies/databases/#cost-of-change">databases#cost-of-change</a>`,
		`<a href="../guides/setup/">Setup</a>`,
		`<a href="../strategies/databases/">ref</a>`,
		`<a href="../guides/setup/">relref</a>`,
		`<a href="../strategies/databases/#why">ref-anchor</a>`,
		`<a href="../strategies/databases/#cost-of-change">reference style</a>`,
		`<a href="../guides/setup/">another</a>`,
		`<a href="../files/sheet.csv">csv</a>`,
		`<a href="../guides/bundle/chart.png">chart</a>`,
		`<a href="#top-of-page">self</a>`,
		`<a href="https://example.com/x">ext</a>`,
		`<a href="mailto:a@example.com">mail</a>`,
	)
	s.lacks("links/index.html", "hbref", "{{")
	s.contains("guides/bundle/index.html", `src="../../guides/bundle/chart.png"`)
	s.contains("strategies/databases/index.html", "Referenced by", `href="../../links/"`)
}

// TestBrokenLinkHintsAreWrittenAsTheLink checks that the "did you mean"
// of a broken link is a link its author can paste: written as they wrote
// it (relative to the page, from the site's root with its base path, as a
// wikilink in the form they used, a ref's content path), or, with nothing
// like it, what the folder it points into holds.
func TestBrokenLinkHintsAreWrittenAsTheLink(t *testing.T) {
	s := buildSite(t, linkForms+`
-- content/guides/typos.md --
---
title: Typos
---
1. [a](../strategies/databses.md) [b](../strategy/databases.md) [c](setpu.md) [d](../strategis/)
2. [e](/handbook/strategies/databses/) [f](/strategies/databses.md)
3. [[databses]] [[Setpu]] [[strategies/databsaes]]
4. [g]({{< ref "databses.md" >}})
5. [h](../strategies/zzzzzzzz.md) [i](empty.md) [j](/guides/empty/) [k](typs.md) [l](/files/sheet.xlsx) [[guides/empty]]
-- content/guides/empty.md --
`, func(o *Options) { o.BaseURL = "https://example.com/handbook/" })
	for _, want := range []string{
		`typos.md:4:4: error: broken link "../strategies/databses.md": no such document` + "\n\thint: did you mean \"../strategies/databases.md\"?",
		`typos.md:4:35: error: broken link "../strategy/databases.md": no such document` + "\n\thint: did you mean \"../strategies/databases.md\"?",
		`typos.md:4:65: error: broken link "setpu.md": no such document` + "\n\thint: did you mean \"setup.md\"?",
		`typos.md:4:79: error: broken link "../strategis/": no such document` + "\n\thint: did you mean \"../strategies/\"?",
		`typos.md:5:4: error: broken link "/handbook/strategies/databses/": no page is published at /strategies/databses/` + "\n\thint: did you mean \"/handbook/strategies/databases/\"?",
		`broken link "/strategies/databses.md": no page is published at /strategies/databses.md` + "\n\thint: did you mean \"/strategies/databases.md\"?",
		`broken link [[databses]]: no document has this id, path or name` + "\n\thint: did you mean [[databases]]?",
		`broken link [[Setpu]]: no document has this id, path or name` + "\n\thint: did you mean [[setup]]?",
		`broken link [[strategies/databsaes]]: no document has this id, path or name` + "\n\thint: did you mean [[strategies/databases]]?",
		`broken link "databses.md": no document has this id, path or name` + "\n\thint: did you mean \"strategies/databases.md\"?",
		`broken link "../strategies/zzzzzzzz.md": no such document` + "\n\thint: its folder holds \"../strategies/_index.md\", \"../strategies/databases.md\"",
		`broken link "empty.md": the target, content/guides/empty.md, is not published: it has no title`,
		`broken link "/guides/empty/": the target, content/guides/empty.md, is not published: it has no title`,
		`broken link [[guides/empty]]: the target, content/guides/empty.md, is not published: it has no title`,
		`broken link "/files/sheet.xlsx": no file is published at /files/sheet.xlsx` + "\n\thint: check the file name; the files beside the pages in content/ and those of static/ are published",
		// Not the page itself, which is nearest.
		`broken link "typs.md": no such document` + "\n\thint: its folder holds \"README.md\", \"setup.md\"",
	} {
		if !strings.Contains(s.diags(), want) {
			t.Errorf("diagnostics lack\n%s\n\ngot:\n%s", want, s.diags())
		}
	}
}

// TestBrokenLinkHintsForAddressesAndAnchors: a destination that is an
// address written without https:// or inside parentheses, or a heading's
// id written without its '#', gets the link it meant as its hint; a file
// name with a dot is not taken for an address.
func TestBrokenLinkHintsForAddressesAndAnchors(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
# A

See [boost](www.boost.org/doc/index.html#top), [ada](archive.adaic.com/std/lrm.html),
[the thread], [above](forced-unwind), [notes](notes.v2.md) and [b](b.md).

## Forced unwinding

[the thread]: (https://internals.example.org/t/5182)
-- content/b.md --
# B
`)
	for _, want := range []string{
		`a.md:3:5: error: broken link "www.boost.org/doc/index.html#top": no such document` +
			"\n\thint: did you mean \"https://www.boost.org/doc/index.html#top\"? Without https:// an address is read as a path in the handbook",
		`a.md:3:48: error: broken link "archive.adaic.com/std/lrm.html": no such document` +
			"\n\thint: did you mean \"https://archive.adaic.com/std/lrm.html\"? Without https:// an address is read as a path in the handbook",
		`a.md:4:1: error: broken link "(https://internals.example.org/t/5182)": no such document` +
			"\n\thint: did you mean \"https://internals.example.org/t/5182\"? The parentheses around the address are read as part of it",
		`a.md:4:15: error: broken link "forced-unwind": no such document` +
			"\n\thint: did you mean \"#forced-unwinding\"? A link to a heading of this page starts with #",
		`a.md:4:39: error: broken link "notes.v2.md": no such document` + "\n\thint: its folder holds \"b.md\"",
	} {
		if !strings.Contains(s.diags(), want) {
			t.Errorf("diagnostics lack\n%s\n\ngot:\n%s", want, s.diags())
		}
	}
}

// TestLinkToAFolderWithoutAPage: a link to a folder that holds files
// but no page, as a repository's README links to its source folders, says
// so and names a file in it to link to instead.
func TestLinkToAFolderWithoutAPage(t *testing.T) {
	s := buildSite(t, `
-- content/guides/a.md --
---
title: A
---
See [the scripts](../tools/) and [a script](../tools/bin/run.sh), [all](/tools).
-- content/tools/bin/run.sh --
echo run
-- content/tools/lint.sh --
echo lint
`)
	want := `a.md:4:5: error: broken link "../tools/": tools/ is a folder with no page of its own` +
		"\n\thint: a folder's page is its README.md, index.md or _index.md: add one, or link to a file in it, such as \"../tools/lint.sh\""
	if !strings.Contains(s.diags(), want) {
		t.Errorf("diagnostics lack\n%s\n\ngot:\n%s", want, s.diags())
	}
	want = `a.md:4:67: error: broken link "/tools": /tools/ is a folder with no page of its own` +
		"\n\thint: a folder's page is its README.md, index.md or _index.md: add one, or link to a file in it, such as \"/tools/lint.sh\""
	if !strings.Contains(s.diags(), want) {
		t.Errorf("diagnostics lack\n%s\n\ngot:\n%s", want, s.diags())
	}
	if n := strings.Count(s.diags(), "broken link"); n != 2 {
		t.Errorf("%d broken links, want the folder's two alone:\n%s", n, s.diags())
	}
}

// TestLinkToAFolderInTheRepository: in a handbook whose repository is
// known, a link to a folder that holds files and no page (a README's
// link to its source folder) goes to the folder as the forge lists it, in
// the forge's form, and is no broken link.
func TestLinkToAFolderInTheRepository(t *testing.T) {
	for _, c := range []struct{ repo, want string }{
		{"https://github.com/acme/tools", "https://github.com/acme/tools/tree/trunk/handbook/content/tools"},
		{"https://gitlab.example.com/acme/tools", "https://gitlab.example.com/acme/tools/-/tree/trunk/handbook/content/tools"},
	} {
		s := buildSite(t, `
-- site.yaml --
title: T
repo_url: `+c.repo+`
repo_branch: trunk
repo_path: handbook
-- content/guides/a.md --
---
title: A
---
See [the scripts](../tools/) and [all of them](/tools).
-- content/tools/lint.sh --
echo lint
`)
		s.noDiags()
		s.contains("guides/a/index.html", `<a href="`+c.want+`">the scripts</a>`, `<a href="`+c.want+`">all of them</a>`)
	}
}

func TestBrokenLinksCanBeWarnings(t *testing.T) {
	const ar = `
-- content/a.md --
---
title: A
---
[gone](gone.md)
`
	s := buildSite(t, ar)
	if s.res.Errors != 1 {
		t.Fatalf("errors: %d\n%s", s.res.Errors, s.diags())
	}
	fsys := siteFS(ar)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("broken_links: warning\n")}
	s = buildFS(t, fsys)
	want := `content/a.md:4:1: warning: broken link "gone.md": no such document
	hint: check the spelling; ids are shown on each page, and ` + "`handbook check`" + ` lists them all
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// A relative link that leaves the content folder names that folder, and
// how to read both files; in a handbook read whole, it leaves the handbook.
func TestLinkOutsideTheContentFolder(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
content_dir: text
-- README.md --
# RFCs
-- text/0002-process.md --
# Process

Add it to the [list](../README.md#list).
`)
	want := `text/0002-process.md:3:15: error: broken link "../README.md#list": it points outside the content folder, text/
	hint: link to a document inside text/, or use a full URL; or name, in site.yaml, a content_dir that holds both files (. for the whole handbook)
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s = buildSite(t, `
-- site.yaml --
content_dir: .
-- a.md --
# A

See [up](../b.md).
`)
	if got := s.diags(); !strings.Contains(got, `broken link "../b.md": it points outside the handbook`) {
		t.Errorf("diagnostics:\n%s", got)
	}
}

// A supersedes chain of 1,000 decisions resolves both ways, and a cycle of
// the same length is reported once, without deep recursion.
func TestLongSupersedesChain(t *testing.T) {
	const n = 1000
	fsys := fstest.MapFS{}
	for i := range n {
		status, sup := "superseded", ""
		if i == n-1 {
			status = "accepted"
		}
		if i > 0 {
			sup = fmt.Sprintf("supersedes: [d%d]\n", i-1)
		}
		fsys[fmt.Sprintf("content/decisions/d%04d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ntitle: D%d\nid: d%d\nstatus: %s\ndate: 2025-01-01\n%s---\nBody.\n", i, i, status, sup))}
	}
	s := buildFS(t, fsys)
	s.noDiags()
	reg := s.res.Site.DecisionByID
	if got := reg["d0"].SupersededBy[0].ID; got != "d1" {
		t.Errorf("d0 superseded by %s", got)
	}
	if got := reg[fmt.Sprintf("d%d", n-1)].Replaces[0].ID; got != fmt.Sprintf("d%d", n-2) {
		t.Errorf("last replaces %s", got)
	}
	// Close the chain into a cycle.
	fsys["content/decisions/d0000.md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: D0\nid: d0\nstatus: superseded\ndate: 2025-01-01\nsupersedes: [d%d]\n---\n", n-1))}
	s = buildFS(t, fsys)
	if got := strings.Count(s.diags(), "supersedes cycle"); got != 1 {
		t.Errorf("%d cycle reports, want 1:\n%.2000s", got, s.diags())
	}
}

func TestDecisionIndexAndJSON(t *testing.T) {
	s := buildSite(t, allKinds)
	s.noDiags()
	s.contains("decisions/index.html", `<h1>Decisions</h1>`, `data-status="accepted"`, `href="../decisions/status/superseded/"`,
		`Postgres by default`, `href="../strategies/storage/#decision-sd-postgres"`, `class="decision-filter" hidden`)
	s.contains("decisions/status/superseded/index.html", `Use Kafka`, `Superseded by`)
	s.lacks("decisions/status/superseded/index.html", `Use an outbox</a> <code>`)
	s.contains("decisions/owner/platform/index.html", `Postgres by default`)
	// The timeline lists the newest first.
	if tl := s.file("decisions/timeline/index.html"); !strings.Contains(tl, `data-year="2025"`) ||
		strings.Index(tl, `data-year="2026"`) > strings.Index(tl, `data-year="2025"`) {
		t.Errorf("the timeline does not list 2026's decisions before 2025's")
	}
	s.contains("decisions/recurring/index.html", `No decision is touched by more than one design document yet.`)

	var decisions []map[string]any
	if err := json.Unmarshal([]byte(s.file("decisions.json")), &decisions); err != nil {
		t.Fatal(err)
	}
	byID := map[string]map[string]any{}
	for _, d := range decisions {
		byID[d["id"].(string)] = d
	}
	if d := byID["adr-1"]; d == nil || d["superseded_by"].([]any)[0] != "adr-2" || d["inline"] != false {
		t.Errorf("adr-1 in decisions.json: %v", d)
	}
	if d := byID["sd-postgres"]; d == nil || d["declared_in"] != "strategies/storage" || d["inline"] != true || d["url"] != "/strategies/storage/#decision-sd-postgres" {
		t.Errorf("sd-postgres in decisions.json: %v", d)
	}
	var g struct {
		Documents  []map[string]any `json:"documents"`
		Links      []map[string]any `json:"links"`
		Supersedes []map[string]any `json:"supersedes"`
	}
	if err := json.Unmarshal([]byte(s.file("graph.json")), &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Documents) != 8 || len(g.Supersedes) != 1 || g.Supersedes[0]["from"] != "adr-2" {
		t.Errorf("graph.json: %d documents, supersedes %v", len(g.Documents), g.Supersedes)
	}
	found := false
	for _, l := range g.Links {
		if l["from"] == "strategies/storage" && l["to"] == "design/queue" && l["via"] == "design_docs" {
			found = true
		}
	}
	if !found {
		t.Errorf("graph.json lacks the strategy's design_docs edge: %v", g.Links)
	}
}

// TestDecisionsWithoutStatusAreListed builds a log whose records give no
// status, as MADR's own did: every record is in the decision index and on
// its area's page, not only those with a status.
func TestDecisionsWithoutStatusAreListed(t *testing.T) {
	s := buildSite(t, `
-- content/decisions/0001-first.md --
---
title: First record
area: api
---
# First record
-- content/decisions/0002-second.md --
---
title: Second record
status: accepted
area: api
date: 2026-01-02
---
# Second record
-- content/decisions/0003-third.md --
---
title: Third record
area: api
---
# Third record
`)
	for _, page := range []string{"decisions/index.html", "decisions/area/api/index.html"} {
		html := s.file(page)
		html = html[strings.Index(html, "<table"):]
		if n := strings.Count(html, "<tr data-status="); n != 3 {
			t.Errorf("%s lists %d decisions, want all 3", page, n)
		}
		// Those with a status first.
		if a, b := strings.Index(html, "Second record"), strings.Index(html, "First record"); a < 0 || b < 0 || a > b {
			t.Errorf("%s does not list the accepted decision before those without a status", page)
		}
	}
}

func TestRecurringDecisionsAndRelatedPages(t *testing.T) {
	s := buildSite(t, `
-- content/design/a.md --
---
title: Design A
status: accepted
tags: [events]
---
We rely on [[adr-9]].
-- content/design/b.md --
---
title: Design B
status: proposed
tags: [events]
---
Again [the bus](../decisions/bus.md).
-- content/design/c.md --
---
title: Design C
status: proposed
tags: [unrelated]
---
Nothing shared.
-- content/decisions/bus.md --
---
title: One event bus
id: adr-9
status: accepted
date: 2025-03-01
---
Body.
`)
	s.noDiags()
	s.contains("decisions/recurring/index.html", `One event bus`, `<th scope="col">Touched by</th>`, `Design A`, `Design B`)
	s.contains("design/a/index.html", `<h2 id="related-h">Related</h2>`, `Design B`)
	s.lacks("design/c/index.html", `Design A</a> <span class="kind">`)
}

func TestOrphansAreListed(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
---
title: A
---
See [b](b.md).
-- content/b.md --
---
title: B
---
Back to [a](a.md).
-- content/lonely.md --
---
title: Lonely
---
Nobody links here.
`)
	var names []string
	for _, d := range s.res.Site.Orphans {
		names = append(names, d.Path)
	}
	if got := strings.Join(names, ","); got != "lonely.md" {
		t.Errorf("orphans: %s", got)
	}
}

// TestSuggestionsAreStable checks that a site with hundreds of broken
// links gets the same hints on every run, although links are resolved on
// every core: each broken link gets its "did you mean", the same for the
// same target wherever it is written.
func TestSuggestionsAreStable(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":               {Data: []byte("title: Many broken\n")},
		"content/guides/setup.md": {Data: []byte("# Setting up\n")},
	}
	for i := range 40 {
		var b strings.Builder
		fmt.Fprintf(&b, "# Runbook %d\n\n", i)
		for j := range 15 {
			fmt.Fprintf(&b, "See [[runbok-%d]].\n\n", (i+j)%40)
		}
		if i == 0 {
			// A ref, which only a search by name finds, resolves
			// beside the broken links.
			b.WriteString("And [setting up]({{< ref \"setup.md\" >}}).\n")
		}
		fsys[fmt.Sprintf("content/runbook-%d.md", i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	s := buildFS(t, fsys)
	s.contains("runbook-0/index.html", `<a href="../guides/setup/">setting up</a>`)
	first := s.diags()
	for range 3 {
		if again := buildFS(t, fsys).diags(); again != first {
			t.Fatal("diagnostics differ between two runs of the same site")
		}
	}
	if n := strings.Count(first, "did you mean"); n != 600 {
		t.Errorf("%d broken links got a suggestion, want all 600", n)
	}
	for i := range 40 {
		// [[runbok-N]] is one letter from runbook-N alone.
		if n := strings.Count(first, fmt.Sprintf("hint: did you mean [[runbook-%d]]?\n", i)); n != 15 {
			t.Errorf("runbook-%d suggested %d times, want 15", i, n)
		}
	}
	if n := strings.Count(first, "broken link"); n != 600 {
		t.Errorf("%d broken links reported, want 600", n)
	}
	// Documents are ordered by path: runbook-0, runbook-1, runbook-10, ...
	if !strings.Contains(first[:strings.Index(first, "runbook-1.md")], `did you mean [[runbook-0]]`) {
		t.Errorf("the first document's broken links got no suggestion:\n%.600s", first)
	}
}

// TestRedirectsKeepOldAddresses: site.yaml's redirects lead an old
// address, a site path or the content path a page had, to the document
// it names, as an alias does, and links to the old address resolve; a
// redirect to nothing, from a page's address, out of the site or twice
// is reported where site.yaml names it.
func TestRedirectsKeepOldAddresses(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
title: Moved
redirects:
  /old/databases/: strategies/databases.md
  guides/setup-old.md: setup
  /gone/: nowhere.md
  /strategies/: setup
  ../../etc/: setup
  /old/databases: setup
-- content/strategies/databases.md --
---
title: Databases
status: accepted
---
-- content/guides/setup.md --
---
title: Setting up
id: setup
---
See [the old address](/old/databases/).
`)
	s.contains("old/databases/index.html", `../../strategies/databases/`)
	s.contains("guides/setup-old/index.html", `../../guides/setup/`)
	s.contains("guides/setup/index.html", `<a href="../../strategies/databases/">the old address</a>`)
	for _, want := range []string{
		`site.yaml:5:11: error: redirect from "/gone/": "nowhere.md" matches no document`,
		`site.yaml:6:3: error: redirect from "/strategies/": content/strategies lives there`,
		`site.yaml:7:3: error: redirect from "../../etc/" leaves the site`,
		`site.yaml:8:3: error: redirect from "/old/databases": it is an alias of content/strategies/databases.md already`,
	} {
		if !strings.Contains(s.diags(), want) {
			t.Errorf("diagnostics lack %s:\n%s", want, s.diags())
		}
	}
}

// A GitBook repository's redirects (.gitbook.yaml) and an MkDocs site's
// redirect_maps are read as site.yaml's.
func TestOtherToolsRedirects(t *testing.T) {
	s := buildSite(t, `
-- .gitbook.yaml --
root: ./
redirects:
  previous/page: guide/page.md
-- guide/page.md --
# A page
-- README.md --
# Home
`)
	s.noDiags()
	s.contains("previous/page/index.html", `../../guide/page/`)

	s = buildSite(t, `
-- mkdocs.yml --
site_name: Docs
plugins:
  - search
  - redirects:
      redirect_maps:
        old.md: new.md
        missing-target.md: not-there.md
-- docs/index.md --
# Home
-- docs/new.md --
# New
`)
	s.contains("old/index.html", `../new/`)
	if !strings.Contains(s.diags(), `mkdocs.yml:7:28: error: redirect from "missing-target.md": "not-there.md" matches no document`) {
		t.Errorf("diagnostics:\n%s", s.diags())
	}
}

// supersedes names the decisions a record replaces by id, by file, or by
// title as a wikilink may; one that names a page says which page it is.
func TestSupersedesByTitle(t *testing.T) {
	s := buildSite(t, `
-- content/decisions/0001-sessions.md --
---
title: Keep sessions in Memcached
status: superseded
date: 2024-01-02
---
## Context
-- content/decisions/0002-redis.md --
---
title: Move sessions to Redis
status: accepted
date: 2025-01-02
supersedes: [Keep sessions in Memcached, guide]
---
## Context
-- content/guide.md --
# Guide
`)
	if d := s.res.Site.DecisionByID["decisions/0001-sessions"]; d == nil || len(d.SupersededBy) != 1 || d.SupersededBy[0].ID != "decisions/0002-redis" {
		t.Errorf("the decision named by its title is not superseded: %+v", d)
	}
	if !strings.Contains(s.diags(), `error: decisions/0002-redis supersedes "guide", content/guide.md, which is not a decision`) {
		t.Errorf("diagnostics:\n%s", s.diags())
	}
}
