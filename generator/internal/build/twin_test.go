package build

import (
	"io/fs"
	"os"
	"testing"

	"handbook/generator/internal/publish"
	"handbook/generator/internal/synth"
)

// twinSite has what escaping and linking can trip on: quotes, plus signs,
// ampersands and angle brackets in titles, owners, tags and rationales;
// non-ASCII tags (percent-encoded in hrefs); inline decisions with and
// without a rationale; a supersedes chain; visions, strategies and design
// docs citing each other; nested sections for breadcrumbs.
const twinSite = `
-- site.yaml --
title: Twins & "quotes"
sections:
  strategies: strategy
  vision: vision
  design: design-doc
  decisions: decision
review_every: 30d
-- content/vision/v.md --
---
title: Vision <2030> & 'beyond'
status: proposed
date: 2026-06-01
reviewed: 2026-07-01
horizon: 2030
strategies: [strategies/s]
authors: [Ana + Bo, "C <c@x>"]
tags: [café, "c++", a&b]
---
Body.
-- content/strategies/s.md --
---
title: Strategy "one" + two
status: accepted
owner: team <infra>
date: 2025-01-10
design_docs: [design/deep/q]
area: "ops & on-call"
decisions:
  - id: s-1
    title: Use <b>one</b> & "two"
    status: accepted
    rationale: Because 1 + 1 = 2 & 'so'.
  - id: s-2
    title: Plain
    status: proposed
---
See [[design/deep/q]].
-- content/design/_index.md --
---
title: Design & docs
---
-- content/design/deep/_index.md --
---
title: Deep 'section'
---
-- content/design/deep/q.md --
---
title: Queue + log
status: accepted
date: 2025-11-02
tags: [queue]
---
See [[adr-2]] and [[strategies/s]].
-- content/decisions/a1.md --
---
title: First & old
id: adr-1
status: superseded
date: 2025-01-01
deciders: [Dee, "E'e"]
---
Context.
-- content/decisions/a2.md --
---
title: Second <new>
id: adr-2
status: accepted
date: 2025-06-01
supersedes: [adr-1]
---
Replaces [[adr-1]].
-- layouts/_default/term.html --
{{ define "main" }}{{ template "partials/breadcrumbs.html" . }}{{ template "partials/meta.html" . }}{{ template "partials/related.html" (dict2 . .Title) }}{{ end }}
`

// TestTwinsMatchTheirTemplates renders sites with the partials' Go twins
// and from their templates, and compares every file written: a twin that
// drifts from its layout, in markup, whitespace or escaping, fails here.
func TestTwinsMatchTheirTemplates(t *testing.T) {
	small := synth.Generate(300)
	check := func(name string, build func(Options) (*publish.Memory, *Result)) {
		t.Helper()
		twins, res := build(Options{Now: testNow})
		templates, _ := build(Options{Now: testNow, TemplatesOnly: true})
		if res.Errors > 0 {
			t.Errorf("%s: %d errors: %v", name, res.Errors, res.Diags.All()[0])
		}
		paths := templates.Paths()
		if len(paths) != len(twins.Paths()) {
			t.Errorf("%s: %d files with twins, %d from templates", name, len(twins.Paths()), len(paths))
		}
		for _, p := range paths {
			a, _ := twins.Get(p)
			b, _ := templates.Get(p)
			if string(a) != string(b) {
				t.Errorf("%s: %s differs:\n%s", name, p, firstDiff(string(a), string(b)))
			}
		}
	}
	run := func(fsys fs.FS) func(Options) (*publish.Memory, *Result) {
		return func(o Options) (*publish.Memory, *Result) {
			out := publish.NewMemory()
			return out, Run(fsys, out, o)
		}
	}
	check("twin site", run(siteFS(twinSite)))
	check("all kinds", run(siteFS(allKinds)))
	check("synthetic", run(small))
	check("demo", run(os.DirFS(repoRoot)))
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-120)
	return "twin:     " + a[from:min(len(a), i+120)] + "\ntemplate: " + b[from:min(len(b), i+120)]
}
