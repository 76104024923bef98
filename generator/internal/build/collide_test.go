package build

import (
	"strings"
	"testing"
)

// TestCollisionsAreErrors: a static file at a path the build generates, two
// documents whose addresses differ only in case or Unicode form, and a name
// too long for a file system are errors naming what collides, reported by
// check (no writer) as by build; tags that differ only in case share a page.
func TestCollisionsAreErrors(t *testing.T) {
	long := strings.Repeat("x", 300)
	archive := `
-- content/_index.md --
# Home
-- content/index.html --
<p>a hand-written home page</p>
-- content/search/index.js --
alert(1)
-- content/guide/index.html --
<p>shadow</p>
-- content/guide.md --
---
title: Guide
tags: [API, Storage]
---
Body.
-- content/Guide.md --
---
title: Guide again
---
Body.
-- content/cafe` + "\u0301" + `.md --
# Decomposed
-- content/caf` + "\u00e9" + `.md --
---
title: Composed
tags: [api, storage]
aliases: [/` + long + `/]
---
Body.
`
	for _, mode := range []string{"build", "check"} {
		t.Run(mode, func(t *testing.T) {
			fsys := siteFS(archive)
			var got string
			if mode == "build" {
				got = buildFS(t, fsys).diags()
			} else {
				res := Run(fsys, nil, Options{Now: testNow})
				s := &site{t: t, res: res}
				got = s.diags()
			}
			for _, want := range []string{
				"content/index.html: error: this file would be published at index.html, which the build generates",
				"content/search/index.js: error: this file would be published at search/index.js, which the build generates",
				"content/guide/index.html: error: this file would be published at guide/index.html, which differs only in letter case or Unicode form from Guide/index.html",
				"content/guide.md:1:1: error: this file and content/Guide.md would be published at /guide/ and /Guide/, which differ only in letter case",
				"which differ only in Unicode normal form",
				"has a part longer than 255 bytes",
			} {
				if !strings.Contains(got, want) {
					t.Errorf("diagnostics lack %q:\n%s", want, got)
				}
			}
		})
	}
	s := buildSite(t, strings.ReplaceAll(strings.ReplaceAll(archive, "aliases: [/"+long+"/]", ""), "-- content/Guide.md --", "-- content/other/Guide.md --"))
	s.contains("tags/api/index.html", "Guide", "Composed")
	_, cloud, _ := strings.Cut(s.file("tags/index.html"), `class="tag-cloud"`)
	cloud, _, _ = strings.Cut(cloud, "</ul>")
	if n := strings.Count(cloud, `<li><a href="../tags/`); n != 2 {
		t.Errorf("the tag index lists %d tags for API, api, Storage and storage", n)
	}
}
