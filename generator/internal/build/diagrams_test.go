package build

import (
	"regexp"
	"strings"
	"testing"

	"handbook/generator/internal/publish"
)

const diagramSite = `
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/design/flow.md --
---
title: Flow
status: draft
---
## Problem

The steps, <in> order:

` + "```mermaid" + `
graph TD
  A["a <b> & c"] --> B
` + "```" + `
-- content/plain.md --
---
title: Plain
---
No diagram here, but code:

` + "```go" + `
x := 1
` + "```" + `
`

// mermaidFiles lists the output's Mermaid bundle and diagram script.
func mermaidFiles(out *publish.Memory) []string {
	var got []string
	for _, p := range out.Paths() {
		if regexp.MustCompile(`^assets/(mermaid|diagrams)\.[^/]+\.js$`).MatchString(p) {
			got = append(got, p)
		}
	}
	return got
}

// TestDiagramsLoadOnlyWhereDrawn: a mermaid fence becomes its escaped
// source in a diagram frame, and only its page loads the Mermaid bundle
// and the script that draws it; a site without diagrams carries neither.
func TestDiagramsLoadOnlyWhereDrawn(t *testing.T) {
	s := buildSite(t, diagramSite)
	s.noDiags()
	files := mermaidFiles(s.out)
	if len(files) != 2 {
		t.Fatalf("the site with a diagram has %v, want the Mermaid bundle and the diagram script", files)
	}
	s.contains("design/flow/index.html",
		`<div class="diagram" data-lang="mermaid"><pre class="mermaid" tabindex="0">graph TD
  A[&quot;a &lt;b&gt; &amp; c&quot;] --&gt; B
</pre></div>`)
	for _, f := range files {
		s.contains("design/flow/index.html", `<script src="../../`+f+`" defer></script>`)
		s.lacks("plain/index.html", f)
		s.lacks("index.html", f)
	}
	if !strings.Contains(s.file("plain/index.html"), `<div class="code" data-lang="go">`) {
		t.Error("a go fence is no longer a code block")
	}

	without := buildSite(t, strings.Replace(diagramSite, "```mermaid", "```text", 1))
	without.noDiags()
	if got := mermaidFiles(without.out); len(got) != 0 {
		t.Errorf("a site without diagrams has %v", got)
	}
}

// TestSessionAddsTheDiagramScripts: serve's rebuild after an edit that
// gives the site its first diagram writes the files that draw it, as a
// fresh build would, and drops them with the last diagram.
func TestSessionAddsTheDiagramScripts(t *testing.T) {
	fsys := siteFS(strings.Replace(diagramSite, "```mermaid", "```text", 1))
	s := NewSession(fsys, Options{Now: testNow})
	mem := publish.NewMemory()
	s.Build(mem)
	if got := mermaidFiles(mem); len(got) != 0 {
		t.Fatalf("first build has %v", got)
	}
	count := func(files map[string][]byte) int {
		n := 0
		for p := range files {
			if strings.HasPrefix(p, "assets/mermaid.") || strings.HasPrefix(p, "assets/diagrams.") {
				n++
			}
		}
		return n
	}
	fsys["content/design/flow.md"].Data = []byte(strings.Replace(string(fsys["content/design/flow.md"].Data), "```text", "```mermaid", 1))
	up := s.Rebuild([]string{"content/design/flow.md"})
	if n := count(up.Complete()); n != 2 {
		t.Errorf("after the first diagram is added, the site has %d diagram files, want 2", n)
	}
	fsys["content/design/flow.md"].Data = []byte(strings.Replace(string(fsys["content/design/flow.md"].Data), "```mermaid", "```text", 1))
	up = s.Rebuild([]string{"content/design/flow.md"})
	if n := count(up.Complete()); n != 0 {
		t.Errorf("after the last diagram is gone, the site has %d diagram files, want 0", n)
	}
}
