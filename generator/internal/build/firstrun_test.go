package build

import (
	"fmt"
	"strings"
	"testing"
)

// A first run on a handbook written for another tool reports what is
// wrong and nothing that is harmless.

// An empty _index.md, or one whose front matter gives no title, is Hugo's
// section marker: the section is named after its folder, and nothing is
// reported; so is an empty index.md or README.md that is a section's
// page. An empty _index.md at the root leaves the home page the site's
// title. Any other empty file is a warning, and is not published.
func TestEmptySectionMarkers(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
title: Marked Handbook
-- content/_index.md --
-- content/how-we-work/_index.md --
-- content/how-we-work/cache.md --
# Cache design
-- content/team_rituals/_index.md --
---
weight: 2
---
How the team meets.
-- content/team_rituals/standup.md --
# Standup
-- content/guides/README.md --

-- content/guides/setup.md --
# Setup
`)
	s.noDiags()
	s.contains("how-we-work/index.html", "<h1>How we work</h1>", `href="../how-we-work/cache/">Cache design</a>`)
	s.contains("team_rituals/index.html", "<h1>Team rituals</h1>", "How the team meets.")
	s.contains("guides/index.html", "<h1>Guides</h1>")
	s.contains("index.html", "<title>Marked Handbook</title>")

	s = buildSite(t, `
-- content/notes.md --
-- content/guides/setup.md --
# Setup

See [the notes](../notes.md).
`)
	want := `content/guides/setup.md:3:5: error: broken link "../notes.md": the target, content/notes.md, is not published: it has no title
	hint: give it a title (or content), or link to another page
content/notes.md:1:1: warning: empty file
	hint: it is not published: write a title in front matter (---\ntitle: ...\n---) or a first '# Heading', or delete the file
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// A fence left open at the end of its list item or blockquote is closed
// there, as CommonMark says: the text after it is text, and nothing is
// reported. Only a fence open at the end of the file is worth a warning,
// since the rest of the file is then shown as code.
func TestFencesClosedByTheirBlock(t *testing.T) {
	s := buildSite(t, "-- content/steps.md --\n# Steps\n\n"+
		"1. Install:\n\n   ```sh\n   make install\n\nAfter the list.\n\n"+
		"> ```yaml\n> key: value\n\nAfter the quote.\n\n"+
		"- ```\n  in an item\n- next item\n")
	s.noDiags()
	s.contains("steps/index.html", "<p>After the list.</p>", "<p>After the quote.</p>", "next item</li>")

	s = buildSite(t, "-- content/open.md --\n# Open\n\nText.\n\n~~~~python\nprint(1)\n\nstill code\n")
	want := `content/open.md:5:1: warning: code fence is never closed: the rest of the file is shown as code
	hint: close it with a line of 4 "~" characters
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if s.res.Errors != 0 {
		t.Errorf("%d errors, want none", s.res.Errors)
	}
}

// An alias that is the page's own address redirects nothing: a warning,
// and the page stays the page.
func TestAliasToItsOwnAddress(t *testing.T) {
	s := buildSite(t, `
-- content/guides/setup.md --
---
title: Setup
aliases: [/guides/setup/, /old-setup/]
---
Install the tools.
`)
	want := `content/guides/setup.md:3:11: warning: alias "/guides/setup/" is this page's own address
	hint: remove the alias: it redirects nothing
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("guides/setup/index.html", "Install the tools.")
	s.contains("old-setup/index.html", `http-equiv="refresh"`)
}

// The footer and the sidebar link to the tags page only where there is
// one: on a site whose documents have tags.
func TestTagsLinkOnlyWithTags(t *testing.T) {
	untagged := buildSite(t, `
-- content/a.md --
# A
-- content/guides/b.md --
# B
`)
	untagged.noDiags()
	if _, ok := untagged.out.Get("tags/index.html"); ok {
		t.Error("a site without tags has a tags page")
	}
	for _, p := range untagged.out.Paths() {
		if strings.HasSuffix(p, ".html") {
			untagged.lacks(p, `tags/">`)
		}
	}

	tagged := buildSite(t, `
-- content/a.md --
---
title: A
tags: [ops]
---
-- content/guides/b.md --
# B
`)
	tagged.noDiags()
	tagged.contains("guides/b/index.html", `<a href="../../tags/">Tags</a> · <a href="../../health/">Handbook health</a></p>`)
	if n := strings.Count(tagged.file("guides/b/index.html"), `href="../../tags/"`); n != 2 {
		t.Errorf("guides/b links to the tags page %d times, want 2 (sidebar and footer)", n)
	}
}

// Broken links are errors by default; Options.BrokenLinks makes them
// warnings over site.yaml, or errors again, and the run counts them.
func TestBrokenLinksAsWarnings(t *testing.T) {
	archive := `
-- site.yaml --
broken_links: warning
-- content/a.md --
# A

[gone](gone.md), [[nowhere]] and [a heading](#nothing).
`
	s := buildSite(t, archive)
	if s.res.Errors != 0 || s.res.Warnings != 3 || s.res.BrokenLinks != 3 {
		t.Errorf("broken_links: warning: %d errors, %d warnings, %d broken links; want 0, 3, 3\n%s", s.res.Errors, s.res.Warnings, s.res.BrokenLinks, s.diags())
	}
	s = buildSite(t, archive, func(o *Options) { o.BrokenLinks = "error" })
	if s.res.Errors != 3 || s.res.BrokenLinks != 3 || !strings.Contains(s.diags(), `content/a.md:3:1: error: broken link "gone.md": no such document`) {
		t.Errorf("BrokenLinks error over site.yaml: %d errors, %d broken links\n%s", s.res.Errors, s.res.BrokenLinks, s.diags())
	}
	s = buildSite(t, strings.Replace(archive, "broken_links: warning", "title: T", 1), func(o *Options) { o.BrokenLinks = "warning" })
	if s.res.Errors != 0 || s.res.BrokenLinks != 3 {
		t.Errorf("BrokenLinks warning: %d errors, %d broken links\n%s", s.res.Errors, s.res.BrokenLinks, s.diags())
	}
}

// Docusaurus' sidebar_position and sidebar_label, and just-the-docs'
// nav_order, order and name the pages of the sidebar as weight and
// linkTitle do; weight wins, and a value that is not a whole number is
// theirs, not reported.
func TestOtherGeneratorsSidebarKeys(t *testing.T) {
	s := buildSite(t, `
-- content/guide/_index.md --
# Guide
-- content/guide/alpha.md --
---
title: Alpha
sidebar_position: 3
---
-- content/guide/beta.md --
---
title: Beta
sidebar_position: 1
sidebar_label: Start here
---
-- content/guide/gamma.md --
---
title: Gamma
nav_order: 2
---
-- content/guide/delta.md --
---
title: Delta
weight: 4
sidebar_position: 0
---
-- content/guide/epsilon.md --
---
title: Epsilon
sidebar_position: 2.5
---
`)
	s.noDiags()
	s.sidebarOrder("guide/alpha/index.html", ">Start here<", ">Gamma<", ">Alpha<", ">Delta<", ">Epsilon<")
}

// An Obsidian vault's links to files and its embeds: [[spec.pdf]] and
// ![[arch.png]] name a file by its path or, when one file has it, its name
// alone; an embedded image is shown, any other embed is a link; a name two
// files have, or none, is a broken link that says so.
func TestWikilinksToFiles(t *testing.T) {
	s := buildSite(t, `
-- content/att/arch.png --
PNG
-- content/att/spec.pdf --
PDF
-- content/a/logo.svg --
A
-- content/b/logo.svg --
B
-- content/notes.md --
# Notes
-- content/team/home.md --
# Home

[[spec.pdf]], [[att/spec.pdf|the spec]]

![[arch.png]] ![[att/arch.png|300]] ![[arch.png|A diagram]] ![[notes]]

[[logo.svg]] ![[missing.png]] [[a/logo.svg]]
`)
	got := s.diags()
	for _, want := range []string{
		`content/team/home.md:7:1: error: broken link [[logo.svg]]: more than one file has this name`,
		`content/team/home.md:7:15: error: broken link [[missing.png]]: no file or document has this name`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("not reported: %s\nin:\n%s", want, got)
		}
	}
	if strings.Count(got, "error:") != 2 {
		t.Errorf("diagnostics:\n%s", got)
	}
	s.contains("team/home/index.html", `<a href="../../att/spec.pdf">spec.pdf</a>`, `<a href="../../att/spec.pdf">the spec</a>`,
		`<img src="../../att/arch.png" alt="arch.png">`, `<img src="../../att/arch.png" alt="att/arch.png">`,
		`<img src="../../att/arch.png" alt="A diagram">`, `<a href="../../notes/">notes</a>`, `<a href="../../a/logo.svg">a/logo.svg</a>`)
}

// Docusaurus' slug from the docs' root (slug: /setup-guide) is the page's
// whole address, as Hugo's url is; "/" leaves the page where it is, and a
// slug that leaves the site is an error at its value.
func TestAbsoluteSlugs(t *testing.T) {
	s := buildSite(t, `
-- content/intro.md --
---
slug: /
---
# Intro

See [setup](guides/setup.md).
-- content/guides/setup.md --
---
slug: /setup-guide
---
# Setup
-- content/guides/bad.md --
---
slug: /../../etc
---
# Bad
`)
	want := `content/guides/bad.md:2:7: error: slug "/../../etc" leaves the site
	hint: a site path such as /team/rituals/
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("intro/index.html", `<a href="../setup-guide/">setup</a>`)
	s.contains("setup-guide/index.html", ">Setup</h1>")
}

// An MkDocs site's nav orders the sidebar and names its entries: a page
// by its nav title, a folder by the title of the group holding its pages,
// a section by its first page; pages the nav leaves out come after, and a
// link to another site in it is not a page.
func TestMkDocsNavOrdersTheSidebar(t *testing.T) {
	s := buildSite(t, `
-- mkdocs.yml --
site_name: Platform
nav:
  - Home: index.md
  - Setup: setup.md
  - Runbooks:
      - ops/restart.md
  - How-tos:
      - howto/zeta.md
      - Alpha first: howto/alpha.md
      - Deeper:
          - howto/deep/one.md
  - Status page: https://status.example.com/
  - ../outside.md
-- docs/index.md --
# Welcome
-- docs/setup.md --
# Setting up
-- docs/appendix.md --
# Appendix
-- docs/ops/restart.md --
# Restart
-- docs/howto/alpha.md --
# Alpha
-- docs/howto/zeta.md --
# Zeta
-- docs/howto/beta.md --
# Beta
-- docs/howto/deep/one.md --
# One
`)
	s.noDiags()
	s.sidebarOrder("howto/alpha/index.html", `>Runbooks<`, `>How-tos<`, `>Zeta<`, `>Alpha first<`, `>Deeper<`, `>Beta<`)
	// The page keeps its own title as its heading; the breadcrumbs show
	// the nav's.
	s.contains("howto/alpha/index.html", `<h1 id="alpha">Alpha</h1>`, `<li aria-current="page">Alpha first</li>`)
}

// An mdBook's SUMMARY.md orders its chapters and names them in the
// sidebar; it is the book's table of contents, not a page, and its parts'
// titles, rules and draft chapters are not chapters.
func TestMdBookSummaryOrdersTheSidebar(t *testing.T) {
	s := buildSite(t, `
-- book.toml --
[book]
title = "Platform Book"
-- src/SUMMARY.md --
# Summary

[Introduction](README.md)

# Guides

- [Zeta \[beta\]](guide/zeta.md)
- [Alpha first](./guide/alpha.md)
    - [Nested](guide/nested.md)
- [Draft chapter]()

---

[Contributors](misc/contributors.md)
-- src/README.md --
# Intro
-- src/guide/alpha.md --
# Alpha
-- src/guide/nested.md --
# Nested page
-- src/guide/zeta.md --
# Zeta
-- src/guide/beta.md --
# Beta
-- src/misc/contributors.md --
# Contributors
`)
	s.noDiags()
	s.sidebarOrder("guide/alpha/index.html", `>Guide<`, `>Zeta [beta]<`, `>Alpha first<`, `>Nested<`, `>Beta<`, `>Misc<`)
	for _, p := range s.out.Paths() {
		if strings.Contains(strings.ToLower(p), "summary") {
			t.Errorf("SUMMARY.md is published, as %s", p)
		}
	}
}

// The static/ folder of Hugo, Zola and Docusaurus is published at the
// site's root as it is: a link to /img/logo.svg finds static/img/logo.svg.
// Its hidden files are not published. In a repository read whole
// (content_dir "."), it is a folder like any other.
func TestStaticFolderAtTheRoot(t *testing.T) {
	files := `
-- static/img/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- static/forms/leave.pdf --
%PDF
-- static/.secret --
key
`
	s := buildSite(t, files+`
-- content/guide.md --
# Guide

![Logo](/img/logo.svg) and the [form](/forms/leave.pdf).
`)
	s.noDiags()
	s.contains("guide/index.html", `src="../img/logo.svg"`, `href="../forms/leave.pdf"`)
	s.contains("img/logo.svg", "<svg")
	for _, p := range s.out.Paths() {
		if strings.Contains(p, "secret") || strings.HasPrefix(p, "static/") {
			t.Errorf("%s is published", p)
		}
	}
	s = buildSite(t, files+`
-- site.yaml --
content_dir: .
-- guide.md --
# Guide

![Logo](static/img/logo.svg)
`)
	s.noDiags()
	s.contains("guide/index.html", `src="../static/img/logo.svg"`)
	s.contains("static/img/logo.svg", "<svg")
}

// Docusaurus' .mdx pages are documents: their import and export
// statements and {/* comments */} are not shown (code that shows them
// is), Docusaurus' Tabs are a tab pane, other components keep their text
// with one warning, a link to an
// .mdx file finds its page, and a mistake after the script is reported
// where it is written.
func TestMDXPages(t *testing.T) {
	s := buildSite(t, `
-- content/intro.md --
# Intro

See [on-call](guides/on-call.mdx) and [[on-call]].
-- content/guides/on-call.mdx --
---
title: On-call
---
import Tabs from '@theme/Tabs';
import {TabItem} from '@theme/TabItem';

{/* Keep this page short.
    Really. */}
Our rota.

<Tabs>
  <TabItem value="pager" label="Pager">Use the pager.</TabItem>
  <TabItem value="phone">Call <b>the lead</b>.</TabItem>
</Tabs>

export const Highlight = ({children}) =>
  <span>{children}</span>;

This is <Highlight>important</Highlight>.

`+"```js"+`
import x from 'y';
`+"```"+`

See [the missing page](nowhere.md).
`)
	want := `content/guides/on-call.mdx:19:9: warning: raw HTML: dropped 1 <highlight>` + "\n"
	if d := s.diags(); !strings.Contains(d, want) || !strings.Contains(d, `content/guides/on-call.mdx:25:5: error: broken link "nowhere.md": no such document`) {
		t.Errorf("diagnostics:\n%s\nwant the components' warning and the broken link at their places", d)
	}
	s.contains("intro/index.html", `<a href="../guides/on-call/">on-call</a>`)
	// Docusaurus' Tabs are the theme's tab pane, each TabItem a tab
	// labelled by its label, else its value.
	s.contains("guides/on-call/index.html", "<p>Our rota.</p>", `<div class="tabpane">`,
		"<section class=\"tab\">\n<p class=\"tab-label\"><strong>Pager</strong></p>\nUse the pager.</section>",
		"<section class=\"tab\">\n<p class=\"tab-label\"><strong>phone</strong></p>\nCall <b>the lead</b>.</section>",
		"<p>This is important.</p>", "</span> x from <span")
	s.lacks("guides/on-call/index.html", "@theme/Tabs", "Keep this page", "children", "Really")
	if t.Failed() {
		t.Log(s.file("guides/on-call/index.html"))
	}
}

// "[[text]] (https://…)" is a link a space broke, not a wikilink: it is
// text, as GitHub shows it, with a warning that says why, where a
// wikilink to a missing page would be a broken link.
func TestLinkBrokenBySpace(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
# A

Read [[the full text]] (https://example.com/rfc#part) and ![[x.png]] (http://e.com/).
`)
	want := `content/a.md:3:6: warning: a space between ]] and ( makes this text, not a link
	hint: write the link without a space between ]] and (: [[text]](https://…)
content/a.md:3:60: warning: a space between ]] and ( makes this text, not a link
	hint: write the link without a space between ]] and (: [[text]](https://…)
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("a/index.html", `Read [[the full text]] (<a href="https://example.com/rfc#part">https://example.com/rfc#part</a>)`)
}

// "[text]（https://…）", a link whose parentheses a Chinese or Japanese
// input method typed fullwidth, is text, as GitHub shows it, with a
// warning that says why; "[[text]]（…）" is not a wikilink either, and a
// remark in fullwidth parentheses after brackets is left alone.
func TestLinkWithFullwidthParentheses(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
# A

閱讀[[全文]]（https://example.com/rfc#part）與[代表]（../b.md#y）。[注]（见第3.2节）
`)
	want := `content/a.md:3:3: warning: a fullwidth parenthesis after ] makes this text, not a link
	hint: write the parentheses around the address as ASCII ( and ), not fullwidth （ and ）: [text](https://…)
content/a.md:3:40: warning: a fullwidth parenthesis after ] makes this text, not a link
	hint: write the parentheses around the address as ASCII ( and ), not fullwidth （ and ）: [text](https://…)
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("a/index.html", `<p>閱讀[[全文]]（https://example.com/rfc#part）與[代表]（../b.md#y）。[注]（见第3.2节）</p>`)
}

// TestNotionExport: Notion's Markdown export ends every file's and
// folder's name with an id, and links pages by their escaped names.
// Addresses and titles leave the id out, a page and the folder of its
// subpages share one address, and two pages of one title in a folder keep
// their ids, so that neither takes the other's address.
func TestNotionExport(t *testing.T) {
	s := buildSite(t, `
-- content/Team wiki 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6.md --
# Team wiki

Start with [Onboarding](Team%20wiki%201a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6/Onboarding%2022b2c3d4e5f647a8b9c0d1e2f3a4b5c7.md).
-- content/Team wiki 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6/Onboarding 22b2c3d4e5f647a8b9c0d1e2f3a4b5c7.md --
# Onboarding

Read [the runbooks](../Runbooks%2044b2c3d4e5f647a8b9c0d1e2f3a4b5c9/Untitled%20aab2c3d4e5f647a8b9c0d1e2f3a4b5c1.md).
-- content/Runbooks 44b2c3d4e5f647a8b9c0d1e2f3a4b5c9/Untitled aab2c3d4e5f647a8b9c0d1e2f3a4b5c1.md --
# Untitled

One.
-- content/Runbooks 44b2c3d4e5f647a8b9c0d1e2f3a4b5c9/Untitled bbb2c3d4e5f647a8b9c0d1e2f3a4b5c2.md --
# Untitled

Two.
-- content/Runbooks 44b2c3d4e5f647a8b9c0d1e2f3a4b5c9/Paging ccb2c3d4e5f647a8b9c0d1e2f3a4b5c3.md --
# Paging
`)
	s.noDiags()
	s.contains("Team-wiki/index.html", `href="../Team-wiki/Onboarding/"`)
	s.contains("Team-wiki/Onboarding/index.html", `href="../../Runbooks/Untitled-aab2c3d4e5f647a8b9c0d1e2f3a4b5c1/"`)
	s.contains("Runbooks/index.html", "<h1>Runbooks</h1>", `href="../Runbooks/Paging/"`)
	s.contains("Runbooks/Untitled-bbb2c3d4e5f647a8b9c0d1e2f3a4b5c2/index.html", "Two.")
	for _, p := range s.out.Paths() {
		if strings.Contains(p, "Team wiki") || strings.Contains(p, "-1a2b3c") || strings.Contains(p, "Paging-") {
			t.Errorf("%s keeps an id it could leave out", p)
		}
	}
}

// Docusaurus' _category_.json and .yml name their folders in the sidebar
// and order them among their siblings as sidebar_position orders pages;
// they are not published, and one that cannot be read is a warning.
func TestDocusaurusCategories(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
content_dir: docs
-- docs/intro.md --
---
sidebar_position: 1
---
# Intro
-- docs/tutorial-basics/_category_.json --
{
  "label": "Tutorial - Basics",
  "position": 3,
  "link": {"type": "generated-index"}
}
-- docs/tutorial-basics/create-a-page.md --
# Create a page
-- docs/guides/_category_.yml --
label: Operating guides
position: 2
-- docs/guides/on-call.md --
# On-call
-- docs/broken/_category_.json --
{"label": 
-- docs/broken/x.md --
# X
`)
	want := `docs/broken/_category_.json: warning: cannot read the folder's description
	hint: write it as Docusaurus does: {"label": "Guides", "position": 2}
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.sidebarOrder("guides/on-call/index.html", `>Operating guides<`, `>On-call<`, `>Tutorial - Basics<`, `>Broken<`)
	s.contains("tutorial-basics/index.html", "<h1>Tutorial - Basics</h1>")
	for _, p := range s.out.Paths() {
		if strings.Contains(p, "_category_") {
			t.Errorf("%s is published", p)
		}
	}
}

// Hugo's menu in front matter puts a page in the header's menu, as Docsy
// sites build their top bar: by name, in a list, or with a weight and a
// name; with site.yaml's entries, by weight (unset after) and else in
// order. Another menu is not the header's.
func TestFrontMatterMenus(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
menus:
  main:
    - title: Status
      link: https://status.example.com/
    - title: Guides
      link: /guides/
      weight: 15
-- content/about.md --
---
title: About us
menu: { main: { weight: 10 } }
---
-- content/docs/_index.md --
---
title: Documentation
linkTitle: Docs
menu:
  main:
    weight: 20
---
-- content/blog.md --
---
title: Blog
menu: main
---
-- content/team.md --
---
title: Team
menu: [footer, main]
---
-- content/legal.md --
---
title: Legal
menu: { footer: { weight: 1, name: Terms } }
---
-- content/guides/a.md --
# A
`)
	s.noDiags()
	page := s.file("legal/index.html")
	i := strings.Index(page, `<nav class="menu"`)
	if i < 0 {
		t.Fatal("no menu in the header")
	}
	menu := page[i : i+strings.Index(page[i:], "</nav>")]
	var got []string
	for _, part := range strings.Split(menu, "</a>")[:strings.Count(menu, "</a>")] {
		got = append(got, part[strings.LastIndex(part, ">")+1:])
	}
	if want := "About us Guides Docs Status Blog Team"; strings.Join(got, " ") != want {
		t.Errorf("menu %q, want %q", strings.Join(got, " "), want)
	}
	if strings.Contains(menu, "Terms") || strings.Contains(menu, "Legal") {
		t.Error("the footer's entry is in the header's menu")
	}
}

// A Jekyll site (GitHub Pages') builds without site.yaml from its
// _config.yml: its title and address, its root as the content, and what
// Jekyll leaves out (names starting with "_", its exclude: list and its
// own, unless include: names them) is neither a page nor a file. Its
// assets/ is its own: published, and not the theme's stylesheet.
func TestJekyllSite(t *testing.T) {
	s := buildSite(t, `
-- _config.yml --
title: Acme Handbook
url: "https://acme.github.io"
baseurl: "/handbook"
theme: just-the-docs
exclude: [docs/internal, "*.txt"]
include: [_headers]
-- index.md --
---
nav_order: 1
---
# Welcome

See [setup](docs/setup.md).
-- docs/setup.md --
# Setup
-- docs/internal/secret.md --
# Secret
-- _layouts/default.html --
<html></html>
-- _includes/nav.md --
# Included
-- _posts/2020-01-01-hello.md --
# Hello
-- _headers --
/*
-- Gemfile --
gem "jekyll"
-- notes.txt --
notes
-- logo.png --
png
-- assets/img/chart.png --
png
-- assets/main.css --
body { display: none; }
`)
	s.noDiags()
	var docs []string
	for _, d := range s.res.Site.Docs {
		docs = append(docs, d.Path)
	}
	if want := "docs/setup.md index.md"; strings.Join(docs, " ") != want {
		t.Errorf("documents %q, want %q", strings.Join(docs, " "), want)
	}
	var files []string
	for _, f := range s.res.Site.Files {
		files = append(files, f.Path)
	}
	if want := "_headers logo.png assets/main.css assets/img/chart.png"; strings.Join(files, " ") != want {
		t.Errorf("files %q, want %q", strings.Join(files, " "), want)
	}
	cfg := s.res.Config
	if cfg.Title != "Acme Handbook" || cfg.BaseURL != "https://acme.github.io/handbook/" || cfg.ContentDir != "." {
		t.Errorf("title %q, base %q, content %q", cfg.Title, cfg.BaseURL, cfg.ContentDir)
	}
	s.contains("index.html", `<a href="docs/setup/">setup</a>`)
	for _, p := range s.out.Paths() {
		if strings.HasSuffix(p, ".css") && p != "assets/main.css" && strings.Contains(s.file(p), "display: none") {
			t.Errorf("%s is the site's stylesheet, not the theme's", p)
		}
	}
	if n := strings.Join(s.res.Notes, "\n"); !strings.Contains(n, "the content folder (the handbook's root) are read from the Jekyll configuration _config.yml") {
		t.Errorf("notes:\n%s", n)
	}
}

// A summary (or Hugo's description) is read as inline Markdown, as Docsy
// renders it, and shown as its text wherever it appears: no asterisks,
// entities decoded, links as their text; one with "<" stays as written.
func TestSummaryAsInlineMarkdown(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
---
title: A
description: Porridge **temperature** assessment &mdash; [in the cloud](https://x.example/), for snake_case_names.
---
-- content/b.md --
---
title: B
summary: Use Vec<T> and *not* HashMap.
---
`)
	s.noDiags()
	if got := s.res.Site.ByPath["a.md"].Summary; got != "Porridge temperature assessment — in the cloud, for snake_case_names." {
		t.Errorf("summary %q", got)
	}
	if got := s.res.Site.ByPath["b.md"].Summary; got != "Use Vec<T> and *not* HashMap." {
		t.Errorf("summary %q", got)
	}
	s.contains("a/index.html", `<p class="summary">Porridge temperature assessment — in the cloud, for snake_case_names.</p>`)
}

// The home page's own pages stand in the sidebar among the sections, in
// their order, as a flat folder of RFCs or Docusaurus' intro.md need:
// the first 40, then a link home for the rest.
func TestRootPagesInTheSidebar(t *testing.T) {
	archive := `
-- content/intro.md --
---
title: Intro
weight: 1
---
-- content/guides/_index.md --
---
title: Guides
weight: 2
---
-- content/guides/a.md --
# A
-- content/zeta.md --
# Zeta
`
	s := buildSite(t, archive)
	s.noDiags()
	s.sidebarOrder("guides/a/index.html", `>Intro<`, `>Guides<`, `>A<`, `>Zeta<`)
	s.contains("intro/index.html", `<li><a href="../intro/" aria-current="page">Intro</a></li>`)
	for i := range 45 {
		archive += fmt.Sprintf("-- content/rfc-%02d.md --\n# RFC %02d\n", i, i)
	}
	s = buildSite(t, archive)
	nav := s.file("rfc-00/index.html")
	if !strings.Contains(nav, ">RFC 38<") || strings.Contains(nav, ">RFC 39<") || !strings.Contains(nav, `<li class="more"><a href="../">7 more`) {
		t.Errorf("the sidebar does not end its 40 pages with a link home for the rest:\n%s", nav[strings.Index(nav, `<nav class="sidebar"`):])
	}
	// The home page, where "more" leads, lists them all.
	home := s.file("index.html")
	if i := strings.Index(home, `<h2 id="pages-h">Pages</h2>`); i < 0 || !strings.Contains(home[i:], `<a href="rfc-44/">RFC 44</a>`) || !strings.Contains(home[i:], `<a href="zeta/">Zeta</a>`) || strings.Contains(home[i:], `>Guides<`) {
		t.Errorf("the home page does not list its own pages, and them alone, under Pages:\n%s", home)
	}
}

// A home page without sections has no empty Sections heading, and one
// without pages of its own no Pages heading.
func TestHomeListsOnlyWhatItHas(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
# A
`)
	s.contains("index.html", `<h2 id="pages-h">Pages</h2>`)
	s.lacks("index.html", `id="sections-h"`)
	s = buildSite(t, `
-- content/guides/a.md --
# A
`)
	s.contains("index.html", `<h2 id="sections-h">Sections</h2>`)
	s.lacks("index.html", `id="pages-h"`)
}

// sidebarOrder checks that the sidebar of the page at p lists entries (a
// ">Title<" each) in that order.
func (s *site) sidebarOrder(p string, entries ...string) {
	s.t.Helper()
	nav := s.file(p)
	if i := strings.Index(nav, `<nav class="sidebar"`); i >= 0 {
		nav = nav[i:]
		nav = nav[:strings.Index(nav, "</nav>")]
	}
	at := 0
	for _, e := range entries {
		i := strings.Index(nav[at:], e)
		if i < 0 {
			s.t.Fatalf("the sidebar of %s does not list %s after the ones before it, in order %v:\n%s", p, e, entries, nav)
		}
		at += i
	}
}

// A Hugo site's own layouts/ and assets/ are Hugo's templates and Hugo
// Pipes' sources: read without a site.yaml, the site is drawn by the
// theme, its shortcode templates alone render its shortcodes, and a note
// says so. With a site.yaml, layouts/ is the theme's (TestLayoutEdits).
func TestHugoSiteLayoutsAreHugos(t *testing.T) {
	s := buildSite(t, `
-- hugo.toml --
title = "Hugo Docs"
contentDir = "content"
-- layouts/partials/footer.html --
<footer>{{ .Site.Params.copyright | markdownify }}{{ partial "hooks/body-end.html" . }}</footer>
-- layouts/_default/single.html --
{{ define "main" }}HUGO SINGLE{{ end }}
-- layouts/shortcodes/note.html --
<aside class="note">{{ .Inner }}</aside>
-- assets/main.css --
body { display: none; }
-- content/a.md --
# A

{{< note >}}Read this.{{< /note >}}
`)
	s.noDiags()
	s.contains("a/index.html", `<aside class="note">Read this.</aside>`, `<footer class="site-footer">`)
	s.lacks("a/index.html", "HUGO SINGLE")
	for _, p := range s.out.Paths() {
		if strings.HasSuffix(p, ".css") && strings.Contains(s.file(p), "display: none") {
			t.Errorf("%s is Hugo's stylesheet", p)
		}
	}
	if n := strings.Join(s.res.Notes, "\n"); !strings.Contains(n, "layouts/ and assets/ are the other generator's") {
		t.Errorf("notes:\n%s", n)
	}
}

// A VitePress site builds as it is: its configuration gives the title and
// base, the folder that holds .vitepress/ is the content, its home page of
// front matter alone (layout: home, hero) is named after the site rather
// than being an error, and its containers are the theme's alerts, the
// details one collapsible.
func TestVitePressSite(t *testing.T) {
	s := buildSite(t, `
-- docs/.vitepress/config.mts --
import { defineConfig } from 'vitepress'

export default defineConfig({
  title: "Acme Docs",
  base: '/acme/',
})
-- docs/index.md --
---
layout: home

hero:
  name: "Acme Docs"
  text: How we **build** things
  tagline: Everything in one place
  actions:
    - theme: brand
      text: Get started
      link: /guide/start
    - theme: alt
      text: On GitHub
      link: https://github.com/acme/docs
    - text: Nowhere
      link: /guide/gone

features:
  - icon: 🛠️
    title: Tools
    details: What we use, and why.
    link: /guide/next
  - title: Habits
    details: How we work together.
---
-- docs/guide/start.md --
# Getting started

::: tip Before you start
Read this.
:::

::: details More
Hidden.
:::
-- docs/guide/next.md --
# Next
`)
	// The hero and features show above the page, their links checked.
	if got := s.diags(); !strings.Contains(got, `docs/index.md:4:1: error: broken link "/guide/gone"`) || strings.Count(got, "error") != 1 {
		t.Errorf("diagnostics:\n%s\nwant the broken action alone", got)
	}
	s.contains("index.html", "<h1>Acme Docs</h1>",
		"<section class=\"hero\">\n<p class=\"hero-text\">How we <strong>build</strong> things</p>\n<p class=\"hero-tagline\">Everything in one place</p>",
		`<a class="button brand" href="guide/start/">Get started</a> <a class="button" href="https://github.com/acme/docs">On GitHub</a>`,
		`<li class="card feature"><span class="feature-icon" aria-hidden="true">🛠️</span> <a href="guide/next/">Tools</a><p>What we use, and why.</p></li>`,
		`<li class="card feature"><strong>Habits</strong><p>How we work together.</p></li>`)
	s.lacks("index.html", "hero-name")
	s.contains("guide/start/index.html", "<blockquote class=\"alert alert-tip\">\n<strong class=\"alert-title\">Before you start</strong>",
		"<details class=\"alert alert-note\">\n<summary class=\"alert-title\">More</summary>\n<p>Hidden.</p>\n</details>")
	if got := s.res.Config.BasePath; got != "/acme/" {
		t.Errorf("base path %q, want /acme/", got)
	}
}
