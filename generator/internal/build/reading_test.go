package build

import "testing"

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
		`<h2 id="why-now">Why now <a class="anchor" href="#why-now" aria-label="Link to this section">#</a></h2>`,
		`<h3 id="the-cost">Cost <a class="anchor" href="#the-cost" aria-label="Link to this section">#</a></h3>`,
		`<h4 id="four">Four <a class="anchor" href="#four"`,
		`<h5 id="five">Five <a class="anchor" href="#five"`,
		`<h6 id="six">Six <a class="anchor" href="#six"`,
		// The table of contents names the headings without their anchors.
		`<a href="#why-now">Why now</a>`, `<a href="#the-cost">Cost</a>`)
	s.lacks("a/index.html", `<h1>A <a class="anchor"`)
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
