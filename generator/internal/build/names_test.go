package build

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Files named with characters that mean something in a URL ('%', '?',
// '#', ':', spaces) are published where the site's links reach them: every
// href and src of every page, resolved against the page's address as a
// browser resolves it, names a file the build wrote.
const oddNames = `
-- site.yaml --
title: Odd names
-- content/_index.md --
---
title: Home
tags: [names] # the footer links to tags/, written when a page has tags
---
[percent](<100% done.md>) [query](a%3Fb.md) [fragment](c%23d.md) [colon](<./e:f.md>)
[space](<my notes/x y.md>) [[a?b]] [[Hash in name]]

[chart](<files/100% chart.png>) [sheet](files/a%3Fb%23c.csv) ![diagram](<files/e:f.png>)
-- content/100% done.md --
# Done in full

[home](_index.md) and [notes](<my notes/x y.md>)
-- content/a?b.md --
# A or B
-- content/c#d.md --
# Hash in name
-- content/e:f.md --
# Colon
-- content/my notes/x y.md --
# X and Y

[up](<../100% done.md>) [chart](<../files/100% chart.png>) [sibling](<z%20z.md>)
-- content/my notes/z z.md --
# Z
-- content/files/100% chart.png --
PNG
-- content/files/a?b#c.csv --
a,b
-- content/files/e:f.png --
PNG
`

var hrefRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

func TestOddFileNamesAreReachable(t *testing.T) {
	s := buildSite(t, oddNames)
	s.noDiags()
	pages := map[string]string{ // a page's output path → its title
		"100-done/index.html":     "Done in full",
		"a-b/index.html":          "A or B",
		"c-d/index.html":          "Hash in name",
		"e-f/index.html":          "Colon",
		"my-notes/x-y/index.html": "X and Y",
		"my-notes/z-z/index.html": "Z",
		"my-notes/index.html":     "My notes",
		"files/100% chart.png":    "",
		"files/a?b#c.csv":         "",
		"files/e:f.png":           "",
	}
	for p, title := range pages {
		if title != "" {
			s.contains(p, "<title>"+title)
		} else {
			s.file(p)
		}
	}
	reached := map[string]bool{}
	for _, p := range s.out.Paths() {
		if !strings.HasSuffix(p, ".html") || p == "404.html" {
			continue
		}
		base := &url.URL{Scheme: "http", Host: "handbook.example", Path: "/" + strings.TrimSuffix(p, "index.html")}
		for _, m := range hrefRE.FindAllStringSubmatch(s.file(p), -1) {
			ref, err := url.Parse(html.UnescapeString(m[1]))
			if err != nil {
				t.Errorf("%s: href %q is not a URL: %v", p, m[1], err)
				continue
			}
			if ref.Scheme != "" || ref.Host != "" || ref.Path == "" {
				continue // another host, or a fragment of this page
			}
			u := base.ResolveReference(ref)
			if u.RawQuery != "" {
				t.Errorf("%s: href %q has a query", p, m[1])
			}
			target := strings.TrimPrefix(u.Path, "/") // decoded, as a server reads it
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := s.out.Get(target); !ok {
				t.Errorf("%s: href %q reaches /%s, which was not written", p, m[1], target)
			}
			reached[target] = true
		}
	}
	for p := range pages {
		if !reached[p] {
			t.Errorf("no page links to %s", p)
		}
	}
}

// A URL a browser would run, or hand to a scheme other than http, https,
// mailto and tel, never becomes an href or a src, however it is written:
// each is a warning where it is written, and its text stays.
func TestScriptURLsNeverBecomeLinks(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
broken_links: warning
-- content/_index.md --
---
title: Home
---
1. [plain](javascript:alert(1)) [upper](JavaScript:alert(1))
2. [entity](&#106;avascript:alert(1)) [tab](<jav	ascript:alert(1)>)
3. [reference][r] <vbscript:msgbox> ![svg](data:image/svg+xml,x)
4. [ref]({{< ref "javascript:alert(1)" >}}) [[javascript:alert(1)]] [[&#106;avascript:alert(1)]]
5. [[ADR-7: Use Postgres]] [fine](https://example.com/) ![dot](data:image/png;base64,iVBORw0KGgo=)

[r]: javascript:alert(1)
-- content/adr-7.md --
# ADR-7: Use Postgres
`)
	got := s.diags()
	for _, want := range []string{
		"content/_index.md:4:4: warning: link to \"javascript:alert(1)\" dropped",
		"content/_index.md:4:33: warning: link to \"JavaScript:alert(1)\" dropped",
		"content/_index.md:5:4: warning: link to \"&#106;avascript:alert(1)\" dropped",
		"content/_index.md:5:39: warning: link to \"jav\\tascript:alert(1)\" dropped",
		"content/_index.md:6:4: warning: link to \"javascript:alert(1)\" dropped",
		"content/_index.md:6:19: warning: link to \"vbscript:msgbox\" dropped",
		"content/_index.md:6:37: warning: image \"data:image/svg+xml,x\" dropped",
		"content/_index.md:7:4: warning: link to \"javascript:alert(1)\" dropped",
		"content/_index.md:7:45: warning: broken link [[javascript:alert(1)]]",
		"content/_index.md:7:69: warning: broken link [[&#106;avascript:alert(1)]]",
		"hint: a wikilink names a document by id, path, file name or title; as a URL, javascript: is not allowed in links",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	for _, d := range s.res.Diags.All() {
		if d.Hint == "" || d.Line == 0 {
			t.Errorf("diagnostic without a position or a hint: %s", d)
		}
	}
	s.contains("index.html", "<li>plain upper</li>", "<li>entity tab</li>", "<li>reference vbscript:msgbox svg</li>",
		"<a>javascript:alert(1)</a>", `<a href="adr-7/">ADR-7: Use Postgres</a>`, `<a href="https://example.com/">fine</a>`, `<img src="data:image/png;base64,iVBORw0KGgo="`)
	for _, p := range s.out.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range hrefRE.FindAllStringSubmatch(s.file(p), -1) {
			if v := html.UnescapeString(m[1]); strings.Contains(strings.ToLower(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)), "script:") {
				t.Errorf("%s: %s", p, m[0])
			}
		}
	}
}
