package build

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/publish"
)

// testNow pins the build time so that output is reproducible.
var testNow = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// site is an in-memory site built from a txtar archive, Hugo's
// hugolib.Test habit: the archive's files are the site root.
type site struct {
	t   *testing.T
	out *publish.Memory
	res *Result
}

func siteFS(archive string) fstest.MapFS {
	ar := txtar.Parse([]byte(archive))
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func buildSite(t *testing.T, archive string, opts ...func(*Options)) *site {
	t.Helper()
	return buildFS(t, siteFS(archive), opts...)
}

func buildFS(t *testing.T, fsys fstest.MapFS, opts ...func(*Options)) *site {
	t.Helper()
	o := Options{Now: testNow}
	for _, f := range opts {
		f(&o)
	}
	out := publish.NewMemory()
	res := Run(fsys, out, o)
	return &site{t: t, out: out, res: res}
}

// diags returns the run's diagnostics as text, one per line (hints on
// their own lines).
//
// The findings of package lint (the writing habits) are left out: small
// test sites do not follow them, and lint_test.go checks them with
// allDiags.
func (s *site) diags() string {
	var ds []diag.Diagnostic
	for _, d := range s.res.Diags.All() {
		if !strings.Contains(d.Hint, "(lint ") {
			ds = append(ds, d)
		}
	}
	var b strings.Builder
	diag.WriteText(&b, ds)
	return b.String()
}

// allDiags is diags with the findings of package lint.
func (s *site) allDiags() string {
	var b strings.Builder
	diag.WriteText(&b, s.res.Diags.All())
	return b.String()
}

func (s *site) noDiags() {
	s.t.Helper()
	if d := s.diags(); d != "" {
		s.t.Fatalf("unexpected diagnostics:\n%s", d)
	}
}

func (s *site) file(p string) string {
	s.t.Helper()
	b, ok := s.out.Get(p)
	if !ok {
		s.t.Fatalf("%s was not written; have:\n%s", p, strings.Join(s.out.Paths(), "\n"))
	}
	return string(b)
}

func (s *site) contains(p string, wants ...string) {
	s.t.Helper()
	got := s.file(p)
	for _, w := range wants {
		if !strings.Contains(got, w) {
			s.t.Errorf("%s does not contain %q", p, w)
		}
	}
}

func (s *site) lacks(p string, unwanted ...string) {
	s.t.Helper()
	got := s.file(p)
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			s.t.Errorf("%s contains %q", p, w)
		}
	}
}

// allKinds is a small handbook with one document of every kind.
const allKinds = `
-- site.yaml --
title: Test Handbook
sections:
  strategies: strategy
  vision: vision
  design: design-doc
  decisions: decision
  onboarding: checklist
reading_paths:
  - id: start
    title: Start
    steps: [home, guide, strategies/storage, adr-1]
-- content/_index.md --
---
title: Welcome
---
Read the [guide](guide.md) first.
-- content/guide.md --
---
title: The guide
tags: [basics]
---
## Setting up {#setup}

See [[strategies/storage|the storage strategy]] and [the vision](/vision/v2029/).
-- content/strategies/storage.md --
---
title: Storage strategy
status: accepted
owner: platform
date: 2026-01-10
design_docs: [design/queue]
decisions:
  - id: sd-postgres
    title: Postgres by default
    status: accepted
    rationale: One engine to operate.
---
## Problem

Too many databases. Back to the [setup](../guide.md#setup).
-- content/vision/v2029.md --
---
title: Vision 2029
status: proposed
date: 2026-06-01
horizon: 2029
strategies: [strategies/storage]
---
Body.
-- content/design/queue.md --
---
title: A queue
status: accepted
date: 2025-11-02
---
## Problem

We need a queue; see [[adr-2]].
-- content/decisions/0001-kafka.md --
---
title: Use Kafka
id: adr-1
status: superseded
date: 2025-01-01
---
Context.
-- content/decisions/0002-outbox.md --
---
title: Use an outbox
id: adr-2
status: accepted
date: 2025-06-01
supersedes: [adr-1]
---
Replaces [[adr-1]].
-- content/onboarding/week-one.md --
---
title: Week one
---
- [ ] Get a laptop
- [x] Read the guide
`

func TestEveryKindBuilds(t *testing.T) {
	s := buildSite(t, allKinds)
	s.noDiags()
	s.contains("index.html", `<h1>Welcome</h1>`, `href="guide/"`, `href="paths/start/"`)
	s.contains("guide/index.html", `<h2 id="setup">Setting up<a class="anchor" href="#setup" aria-label="Link to this section">#</a></h2>`,
		`<a href="../strategies/storage/">the storage strategy</a>`, `href="../vision/v2029/"`)
	s.contains("strategies/storage/index.html", `href="../../guide/#setup"`, `Drawn from these design documents`,
		`href="../../design/queue/"`, `Postgres by default`, `class="badge status-accepted"`, `Visions that build on this strategy`)
	s.contains("design/queue/index.html", `Strategies drawn from this document`, `href="../../strategies/storage/"`)
	s.contains("vision/v2029/index.html", `Strategies it weaves together`)
	s.contains("decisions/0001-kafka/index.html", `Superseded by`, `adr-2: Use an outbox`, `Referenced by`, `href="../../decisions/0002-outbox/"`)
	s.contains("decisions/0002-outbox/index.html", `Supersedes <a href="../../decisions/0001-kafka/">adr-1: Use Kafka</a>`)
	s.contains("onboarding/week-one/index.html", `type="checkbox"`, `status-active`)
	s.contains("paths/start/index.html", `The guide`, `Storage strategy`, `Use Kafka`)
	s.contains("guide/index.html", `Step 2 of 4`, `rel="next" href="../strategies/storage/"`)
	s.contains("tags/basics/index.html", `The guide`)
	if _, ok := s.out.Get("sitemap.xml"); ok {
		t.Errorf("sitemap.xml is written without a host in base_url")
	}
	s.contains("feed.xml", `<title>Vision 2029</title>`)
	s.contains("404.html", `href="/"`)
	if got := len(s.res.Site.Decisions); got != 3 {
		t.Errorf("registry holds %d decisions, want 3 (two records, one inline)", got)
	}
}

func TestOnlyContentBuildsWithEmbeddedTheme(t *testing.T) {
	s := buildSite(t, `
-- content/notes.md --
# Notes without front matter

Some text.
`)
	s.noDiags()
	s.contains("notes/index.html", `<h1 id="notes-without-front-matter">Notes without front matter</h1>`, `<link rel="stylesheet" href="../assets/main.`)
	if n := strings.Count(s.file("notes/index.html"), "<h1"); n != 1 {
		t.Errorf("%d <h1> elements, want the title alone", n)
	}
	css := ""
	for _, p := range s.out.Paths() {
		if strings.HasPrefix(p, "assets/main.") && strings.HasSuffix(p, ".css") {
			css = p
		}
	}
	if css == "" {
		t.Fatalf("no bundled stylesheet among %v", s.out.Paths())
	}
}

func TestSiteLayoutOverridesDefaultFileByFile(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
---
title: A page
---
Text.
-- layouts/_default/single.html --
{{ define "main" }}<p class="custom">{{ .Title }}</p>{{ end }}
-- layouts/strategy/single.html --
<p>never used: no strategies here</p>
`)
	s.noDiags()
	s.contains("a/index.html", `<p class="custom">A page</p>`, `class="site-header"`)
}

func TestLayoutTemplateErrorIsReported(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
---
title: A page
---
Text.
-- layouts/_default/single.html --
{{ define "main" }}
<p>{{ .Title }</p>
{{ end }}
`)
	want := "layouts/_default/single.html:2:1: error: template: unexpected \"}\" in operand\n"
	if got := s.diags(); !strings.HasPrefix(got, want) {
		t.Errorf("diagnostics:\n%s\nwant first:\n%s", got, want)
	}
}

func TestSubPathBaseURL(t *testing.T) {
	s := buildSite(t, allKinds, func(o *Options) { o.BaseURL = "https://intranet.example.com/eng/" })
	s.noDiags()
	// Page links stay relative so the site works under any sub-path.
	s.contains("guide/index.html", `href="../strategies/storage/"`)
	s.contains("sitemap.xml", `<loc>https://intranet.example.com/eng/guide/</loc>`)
	s.contains("404.html", `href="/eng/"`)
}

func TestAliasesRedirectAndCannotEscape(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
---
title: A page
aliases: [/old/a/, ../../../etc/passwd, /strategies/../../x]
slug: ../../evil
---
Text.
`)
	want := `content/a.md:3:20: error: alias "../../../etc/passwd" leaves the site
	hint: an alias is a path inside the site, such as /old/place/
content/a.md:3:41: error: alias "/strategies/../../x" leaves the site
	hint: an alias is a path inside the site, such as /old/place/
content/a.md:4:7: error: slug "../../evil" is not a single safe path segment
	hint: a slug is one path segment: letters, digits, '-', '_' and '.'
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("old/a/index.html", `url=../../a/`)
	for _, p := range s.out.Paths() {
		if strings.Contains(p, "..") || strings.Contains(p, "etc/passwd") || strings.Contains(p, "evil") {
			t.Errorf("wrote %s", p)
		}
	}
}

func TestDraftsArePublishedOnlyOnRequest(t *testing.T) {
	const ar = `
-- content/a.md --
---
title: A
---
See [b](b.md).
-- content/b.md --
---
title: B
draft: true
---
Draft.
`
	s := buildSite(t, ar)
	want := `content/a.md:4:5: error: broken link "b.md": the target is not published (draft: true)
	hint: publish it, or build with --drafts
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if _, ok := s.out.Get("b/index.html"); ok {
		t.Error("draft published without --drafts")
	}
	s = buildSite(t, ar, func(o *Options) { o.Drafts = true })
	s.noDiags()
	s.contains("b/index.html", "Draft.")
}

// TestOtherGeneratorsHoldBack: a page Hugo or Jekyll would not publish on
// the day of the build is not published either, and a link to it says
// which key holds it back: a publishDate to come, an expiryDate gone by,
// Jekyll's published: false; --drafts publishes those, but never a page
// Hugo never renders (headless, build.render never), nor the other pages of
// a headless bundle, which are its resources.
func TestOtherGeneratorsHoldBack(t *testing.T) {
	const ar = `
-- content/a.md --
---
title: A
---
[soon](soon.md) [old](old.md) [off](off.md) [part](part/index.md) [never](never.md) [due](due.md) [live](live.md)
[bit](part/bit.md)
-- content/part/bit.md --
# Bit

A part of the part.
-- content/soon.md --
---
title: Soon
publishDate: 2026-11-02
---
Soon.
-- content/old.md --
---
title: Old
expirydate: 2026-11-01T12:00:00Z
---
Old.
-- content/off.md --
---
title: Off
published: false
---
Off.
-- content/part/index.md --
---
title: Part
headless: true
---
Part.
-- content/never.md --
---
title: Never
_build:
  render: never
---
Never.
-- content/due.md --
---
title: Due
pubdate: 2026-11-01
---
Due.
-- content/live.md --
---
title: Live
published: 2026-10-01
expiryDate: 2027-01-01
---
Live.
`
	s := buildSite(t, ar)
	want := `content/a.md:4:1: error: broken link "soon.md": the target is not published (publishDate 2026-11-02)
	hint: publish it, or build with --drafts
content/a.md:4:17: error: broken link "old.md": the target is not published (expiryDate 2026-11-01)
	hint: publish it, or build with --drafts
content/a.md:4:31: error: broken link "off.md": the target is not published (published: false)
	hint: publish it, or build with --drafts
content/a.md:4:45: error: broken link "part/index.md": the target is not published (headless: true): it is for other pages to include
	hint: link to a page that includes it
content/a.md:4:67: error: broken link "never.md": the target is not published (render: never): it is for other pages to include
	hint: link to a page that includes it
content/a.md:5:1: error: broken link "part/bit.md": the target is not published: it is a resource of the headless bundle part/
	hint: link to a page that includes it
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	for _, p := range []string{"soon", "old", "off", "part", "never", "part/bit"} {
		if _, ok := s.out.Get(p + "/index.html"); ok {
			t.Errorf("%s published", p)
		}
	}
	s.contains("due/index.html", "Due.")
	s.contains("live/index.html", "Live.")
	if note := "6 documents are not published: content/never.md (render: never), content/off.md (published: false), content/old.md (expiryDate 2026-11-01) and 3 more; --drafts publishes drafts and the pages held back by their dates or published: false"; !slices.Contains(s.res.Notes, note) {
		t.Errorf("notes %q\nwant %q", s.res.Notes, note)
	}
	s = buildSite(t, ar, func(o *Options) { o.Drafts = true })
	for _, p := range []string{"soon", "old", "off"} {
		s.contains(p+"/index.html", "<title>")
	}
	for _, p := range []string{"part", "never", "part/bit"} {
		if _, ok := s.out.Get(p + "/index.html"); ok {
			t.Errorf("%s published with --drafts", p)
		}
	}
}

// TestOtherGeneratorsUnlist builds pages other generators publish but list
// nowhere (just-the-docs' nav_exclude, Docsy's toc_hide, Docusaurus'
// unlisted, Hugo themes' hidden and bookHidden, Eleventy's
// eleventyExcludeFromCollections, Hugo's list: never
// under build, a Hugo theme's search page of layout: search): each is published and its links work, and none is in the
// sidebar, its section's list, or the prev and next of its neighbours.
func TestOtherGeneratorsUnlist(t *testing.T) {
	s := buildSite(t, `
-- content/guides/_index.md --
# Guides
-- content/guides/a.md --
# Alpha

See [the hidden one](b.md).
-- content/guides/b.md --
---
title: Bravo hidden
nav_exclude: true
---
Bravo.
-- content/guides/c.md --
---
title: Charlie hidden
toc_hide: true
---
-- content/guides/d.md --
---
title: Delta hidden
unlisted: true
---
-- content/guides/e.md --
---
title: Echo hidden
eleventyExcludeFromCollections: true
---
-- content/guides/f.md --
---
title: Foxtrot hidden
_build:
  list: never
---
-- content/guides/g.md --
---
title: Golf hidden
build:
  list: false
---
-- content/guides/h.md --
---
title: Hotel hidden
bookHidden: true
---
-- content/guides/i.md --
---
title: India hidden
hidden: true
---
-- content/guides/j.md --
---
title: Juliett hidden
layout: search
---
-- content/guides/z.md --
# Zulu
`)
	s.noDiags()
	for _, p := range []string{"guides/index.html", "guides/a/index.html", "guides/z/index.html"} {
		for _, title := range []string{"Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett"} {
			if strings.Contains(s.file(p), title+" hidden") {
				t.Errorf("%s lists %s, which is unlisted", p, title)
			}
		}
	}
	for _, p := range []string{"b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		s.contains("guides/"+p+"/index.html", "hidden</h1>")
	}
	s.contains("guides/a/index.html", `<a href="../../guides/b/">the hidden one</a>`)
	// Alpha's next is Zulu, the hidden pages between them skipped.
	s.contains("guides/a/index.html", `rel="next"`)
	if a := s.file("guides/a/index.html"); !strings.Contains(a[strings.Index(a, `rel="next"`)-200:], "Zulu") {
		t.Errorf("Alpha's next page is not Zulu")
	}
}

func TestBundlesSectionsAndStaticFiles(t *testing.T) {
	s := buildSite(t, `
-- content/guides/README.md --
# Guides

The [bundle](bundle/index.md) and the [other](other.md).
-- content/guides/other.md --
# Other
-- content/guides/bundle/index.md --
# A bundle

![diagram](diagram.svg) and [the sheet](files/sheet.csv).
-- content/guides/bundle/diagram.svg --
<svg xmlns="http://www.w3.org/2000/svg"></svg>
-- content/guides/bundle/files/sheet.csv --
a,b
`)
	s.noDiags()
	s.contains("guides/index.html", `<h1>Guides</h1>`, `href="../guides/bundle/"`, `href="../guides/other/"`)
	s.contains("guides/bundle/index.html", `<img src="../../guides/bundle/diagram.svg" alt="diagram"`, `href="../../guides/bundle/files/sheet.csv"`)
	s.contains("guides/bundle/diagram.svg", "<svg")
	s.contains("guides/bundle/files/sheet.csv", "a,b")
}

func TestTOMLFrontMatter(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
+++
title = "From Hugo"
tags = ["moved"]
date = 2024-05-01
+++
Body text.
`)
	s.noDiags()
	s.contains("a/index.html", `<h1>From Hugo</h1>`, `Body text.`, `1 May 2024`)
	s.lacks("a/index.html", `+++`)
}

// Raw HTML is sanitised by default (raw_html: safe): what is safe stays,
// with its links checked and rewritten as Markdown links are, and what was
// dropped is counted in one warning per page. all (or true) keeps it as
// written; none (or false) omits it and counts it.
func TestRawHTMLModes(t *testing.T) {
	const ar = `
-- content/a.md --
---
title: A
---
<iframe src="https://example.com"></iframe>

Text with <b onclick="x()">bold</b>, <kbd>Ctrl</kbd> and <a href="b.md#part">b</a>.

<div class="pull">

- <a href="/b/">B by its address</a>
- <img src="chart.png" alt="chart"> <a href="javascript:alert(1)">x</a>

</div>
-- content/b.md --
# B

## Part
-- content/chart.png --
PNG
`
	s := buildSite(t, ar)
	want := "content/a.md:4:1: warning: raw HTML: dropped 1 <iframe>, 1 onclick attribute, 1 javascript: URL\n" +
		"\thint: raw HTML keeps text, layout, links and images; write the rest in Markdown, or set `raw_html: all` in site.yaml to trust every author's HTML\n"
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("a/index.html", "<b>bold</b>", "<kbd>Ctrl</kbd>", `<a href="../b/#part">b</a>`, `<div class="pull">`,
		`<li><a href="../b/">B by its address</a></li>`, `<img src="../chart.png" alt="chart"> <a>x</a>`)
	s.lacks("a/index.html", "<iframe", "onclick", "javascript:")
	if b := s.res.Site.ByID["b"]; b == nil || len(s.res.Site.Backlinks[b]) == 0 {
		t.Errorf("a link in raw HTML is no backlink of b")
	}

	for _, mode := range []string{"all", "true"} {
		fsys := siteFS(ar)
		fsys["site.yaml"] = &fstest.MapFile{Data: []byte("raw_html: " + mode + "\n")}
		s = buildFS(t, fsys)
		s.noDiags()
		s.contains("a/index.html", `<iframe src="https://example.com"></iframe>`, `<b onclick="x()">bold</b>`, `<a href="b.md#part">`)
	}
	for _, mode := range []string{"none", "false"} {
		fsys := siteFS(ar)
		fsys["site.yaml"] = &fstest.MapFile{Data: []byte("raw_html: " + mode + "\n")}
		s = buildFS(t, fsys)
		want := "content/a.md:4:1: warning: 14 raw HTML fragments omitted\n\thint: raw HTML is off (raw_html: none); set `raw_html: safe` in site.yaml to keep what is safe in it\n"
		if got := s.diags(); got != want {
			t.Errorf("%s: diagnostics:\n%s\nwant:\n%s", mode, got, want)
		}
		s.lacks("a/index.html", "<iframe", "<b>", "<kbd>", `class="pull"`)
	}

	fsys := siteFS(ar)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: T\nraw_html: sanitise\n")}
	s = buildFS(t, fsys)
	if got := s.diags(); !strings.Contains(got, "site.yaml:2:11: error: raw_html \"sanitise\" is none of safe, all or none\n") {
		t.Errorf("diagnostics:\n%s", got)
	}
}

// A link in kept raw HTML is checked like a Markdown link: a broken one is
// an error where its tag is written.
func TestRawHTMLBrokenLink(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
# A

See <a href="missing.md">this</a>.
`)
	if got := s.diags(); !strings.HasPrefix(got, "content/a.md:3:5: error: broken link \"missing.md\"") {
		t.Errorf("diagnostics:\n%s", got)
	}
}

func TestMarkdownFeatures(t *testing.T) {
	s := buildSite(t, "-- content/a.md --\n"+`---
title: A
---
| a | b |
|---|---|
| 1 | 2 |

~~gone~~ and https://example.com and a note[^1].

Term
: Definition

`+"```go\nfunc main() {}\n```"+`

## Same
## Same

[^1]: The note.
`)
	s.noDiags()
	s.contains("a/index.html", `<table tabindex="0">`, "<del>gone</del>", `<a href="https://example.com">`,
		`class="footnote-ref"`, "<dl>\n<dt>Term</dt>", `<span class="kd">func</span>`,
		`<h2 id="same">Same<a class="anchor" href="#same"`, `<h2 id="same-1">Same<a class="anchor" href="#same-1"`)
}

func TestAssetErrorsArePositioned(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
# A
-- assets/main.js --
// the site's own script
const x = ;
-- assets/main.css --
@import "./missing.css";
body { color: red; }
`)
	got := s.diags()
	for _, want := range []string{
		"assets/main.js:2:11: error: Unexpected \";\"",
		"assets/main.css:1:9: error: cannot resolve \"./missing.css\": no file assets/missing.css",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if s.res.Errors < 2 {
		t.Errorf("asset errors not counted: %d", s.res.Errors)
	}
}

func TestPartialCachedIsSharedByVariant(t *testing.T) {
	// The stamp partial counts its executions: pages at one depth share its
	// output; a page at another depth gets its own.
	s := buildSite(t, `
-- content/a.md --
---
title: A
---
-- content/b.md --
---
title: B
---
-- content/deep/c.md --
---
title: C
---
-- layouts/partials/stamp.html --
<p class="stamp">{{ .Title }} {{ .Rel "" }}</p>
-- layouts/_default/single.html --
{{ define "main" }}{{ partialCached "stamp.html" . (.Rel "") }}{{ partial "partials/stamp.html" . }}{{ end }}
`)
	s.noDiags()
	a, b := s.file("a/index.html"), s.file("b/index.html")
	first := func(page string) string {
		i := strings.Index(page, `<p class="stamp">`)
		return page[i : i+strings.Index(page[i:], "</p>")]
	}
	if first(a) != first(b) || !strings.Contains(b, `<p class="stamp">B ../</p>`) {
		t.Errorf("a and b should share the cached stamp and each have its own uncached one:\n%s\n%s", first(a), first(b))
	}
	s.contains("deep/c/index.html", `<p class="stamp">C ../../</p>`)
}

func TestPartialErrorsArePositionedInThePartial(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
---
title: A
---
-- layouts/partials/bad.html --
<p>
  {{ .NoSuchField }}</p>
-- layouts/partials/loop.html --
{{ partial "loop.html" . }}
-- layouts/_default/single.html --
{{ define "main" }}{{ partialCached "bad.html" . }}{{ end }}
-- layouts/index.html --
{{ define "main" }}{{ partial "loop.html" . }}{{ end }}
-- layouts/404.html --
{{ partial "absent.html" . }}
`)
	got := s.diags()
	for _, want := range []string{
		"layouts/partials/bad.html:2:5: error: template: executing \"partials/bad.html\" at <.NoSuchField>: can't evaluate field NoSuchField",
		"layouts/index.html:1:22: error: template: executing \"main\" at <partial \"loop.html\" .>: error calling partial: partial partials/loop.html nests too deep: does it call itself? (while rendering index.html)",
		"layouts/404.html:1:3: error: template: executing \"404.html\" at <partial \"absent.html\" .>: error calling partial: no partial absent.html in layouts/partials/",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if s.res.Errors == 0 {
		t.Error("a failing partial is not an error")
	}
}
