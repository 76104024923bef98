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
