package build

import (
	"strings"
	"testing"
)

func TestHeadingsHavePermalinks(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
---
title: A
---
Intro.

## Why now
### Cost {#the-cost}
#### Four
##### Five
###### Six
`)
	s.noDiags()
	s.contains("a/index.html",
		`<h2 id="why-now">Why now<a class="anchor" href="#why-now" aria-label="Link to this section">#</a></h2>`,
		`<h3 id="the-cost">Cost<a class="anchor" href="#the-cost" aria-label="Link to this section">#</a></h3>`,
		`<h4 id="four">Four<a class="anchor" href="#four"`,
		`<h5 id="five">Five<a class="anchor" href="#five"`,
		`<h6 id="six">Six<a class="anchor" href="#six"`,
		// The table of contents names the headings without their anchors.
		`<a href="#why-now">Why now</a>`, `<a href="#the-cost">Cost</a>`)
	s.lacks("a/index.html", `<h1>A<a class="anchor"`)
}

func TestCodeBlocksHaveLanguageAndFocus(t *testing.T) {
	s := buildSite(t, "-- content/a.md --\n# A\n\n```go\nx := 1\n```\n\n```\nplain\n```\n\n```Weird<lang>\nz\n```\n")
	s.noDiags()
	s.contains("a/index.html",
		`<div class="code" data-lang="go"><span class="code-lang">Go</span><pre tabindex="0" class="chroma"><code class="language-go">`,
		"</code></pre></div>\n",
		`<div class="code"><pre tabindex="0"><code>plain`,
		`<div class="code" data-lang="Weird&lt;lang&gt;"><span class="code-lang">Weird&lt;lang&gt;</span><pre tabindex="0"`)
	// The button is the script's: a page without it has none.
	s.lacks("a/index.html", "code-copy")
}

func TestOpenGraphLogoAndFavicon(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
title: Eng
description: How we work.
base_url: https://intranet.example.com/eng/
logo: static/logo.png
favicon: brand/icon.ico
-- static/logo.png --
PNG
-- brand/icon.ico --
ICO
-- content/_index.md --
# Home
-- content/guide.md --
---
title: The guide
summary: Everything in one place.
---
Text.
`)
	s.noDiags()
	s.contains("guide/index.html",
		`<meta property="og:title" content="The guide">`,
		`<meta property="og:description" content="Everything in one place.">`,
		`<meta property="og:type" content="article">`,
		`<meta property="og:url" content="https://intranet.example.com/eng/guide/">`,
		`<link rel="icon" href="../assets/icon.`,
		`<img class="site-logo" src="../assets/logo.`)
	s.contains("index.html",
		`<meta property="og:title" content="Eng">`,
		`<meta property="og:url" content="https://intranet.example.com/eng/">`)
	s.lacks("guide/index.html", "favicon.")
	var logo, icon string
	for _, p := range s.out.Paths() {
		if strings.HasPrefix(p, "assets/logo.") && strings.HasSuffix(p, ".png") {
			logo = p
		}
		if strings.HasPrefix(p, "assets/icon.") && strings.HasSuffix(p, ".ico") {
			icon = p
		}
	}
	if logo == "" || s.file(logo) != "PNG\n" || icon == "" || s.file(icon) != "ICO\n" {
		t.Errorf("logo %q and favicon %q are not copied into the output", logo, icon)
	}

	// Without them: the theme's icon, no logo, and no og:url without a host.
	d := buildSite(t, "-- content/guide.md --\n# The guide\n")
	d.noDiags()
	d.contains("guide/index.html", `<link rel="icon" href="../assets/favicon.`, `<meta property="og:type" content="article">`)
	d.lacks("guide/index.html", "og:url", "site-logo", "og:description")
}

func TestLogoAndFaviconMustBeFilesOfTheHandbook(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
title: Eng
logo: ../outside.png
favicon: static/missing.ico
-- content/a.md --
# A
`)
	got := s.diags()
	for _, want := range []string{
		`site.yaml:2:7: error: logo "../outside.png" is not a file inside the handbook`,
		`site.yaml:3:10: error: favicon "static/missing.ico": there is no file at that path`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	// The build goes on with the theme's icon.
	s.contains("a/index.html", `href="../assets/favicon.`)
}

func TestAbsoluteURLsOnly(t *testing.T) {
	const content = `
-- content/guide.md --
---
title: The guide
reviewed: 2026-10-01
---
Text.
`
	// With a host: absolute locations, ids and links.
	s := buildSite(t, "-- site.yaml --\nbase_url: https://intranet.example.com/eng/\n"+content)
	s.noDiags()
	s.contains("sitemap.xml", `<loc>https://intranet.example.com/eng/</loc>`, `<loc>https://intranet.example.com/eng/guide/</loc>`)
	s.contains("feed.xml", `<id>https://intranet.example.com/eng/</id>`, `<link href="https://intranet.example.com/eng/feed.xml" rel="self"></link>`,
		`<id>https://intranet.example.com/eng/guide/</id>`, `<link href="https://intranet.example.com/eng/guide/"></link>`)
	if len(s.res.Notes) != 0 {
		t.Errorf("notes %q, want none", s.res.Notes)
	}

	// Without one ("/", "/eng/", none): no sitemap, a feed without ids and
	// with links relative to it, no og:url, and one note saying so at
	// base_url.
	for _, c := range []struct{ yaml, note string }{
		{"base_url: /\n", `site.yaml:1:11: base_url "/" names no host, so sitemap.xml is not written`},
		{"title: T\nbase_url: /eng/\n", `site.yaml:2:11: base_url "/eng/" names no host`},
		{"title: T\n", `site.yaml: no base_url, so sitemap.xml is not written`},
	} {
		s := buildSite(t, "-- site.yaml --\n"+c.yaml+content)
		s.noDiags()
		if _, ok := s.out.Get("sitemap.xml"); ok {
			t.Errorf("%q: sitemap.xml is written", c.yaml)
		}
		s.lacks("feed.xml", "<id>", `href="/`)
		s.contains("feed.xml", `<link href="feed.xml" rel="self"></link>`, `<link href="guide/"></link>`)
		s.lacks("guide/index.html", "og:url")
		if len(s.res.Notes) != 1 || !strings.Contains(s.res.Notes[0], c.note) || !strings.Contains(s.res.Notes[0], "set base_url: https://") {
			t.Errorf("%q: notes %q, want one starting %q", c.yaml, s.res.Notes, c.note)
		}
	}
}
