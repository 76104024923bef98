package build

import (
	"testing"
	"testing/fstest"
)

// badSite holds one of every content mistake; each must be reported at its
// position with a hint, and none may stop the others from being reported.
const badSite = `
-- site.yaml --
title: Bad
sectons:
  decisions: decision
reading_paths:
  - id: start
    steps: [guide, nowhere]
-- content/guide.md --
---
title: Guide
stauts: draft
---
A [broken](missing.md) link, a [[gide]] wikilink, an [empty]() one,
a [bad anchor](other.md#setpu), [[a]] and [[adr-1]].
-- content/other.md --
---
title: Other
---
## Setup
-- content/bad-yaml.md --
---
title: [unclosed
---
Body.
-- content/bad-toml.md --
+++
title = "unterminated
+++
Body.
-- content/kinds.md --
---
title: Kinds
kind: strategey
---
Body.
-- content/decisions/d1.md --
---
title: D1
id: dup
status: accepeted
date: 2025-13-45
---
Body.
-- content/decisions/d2.md --
---
title: D2
id: dup
date: 2025-01-01
status: accepted
supersedes: [d9]
---
Body.
-- content/empty.md --
-- content/fence.md --
---
title: Fence
---
Text.

` + "```go" + `
func main() {}
-- content/unclosed.md --
---
title: Never closed
-- content/strategies/a.md --
---
title: A
status: accepted
---
Body.
-- content/design/a.md --
---
title: A design
status: accepted
---
Body.
-- content/decisions/d3.md --
---
title: D3
date: 2025-01-01
status: accepted
supersedes: [d9, adr-4]
---
Body.
-- content/decisions/d4.md --
---
title: D4
id: adr-4
date: 2025-01-01
status: accepted
supersedes: [adr-5]
---
Body.
-- content/decisions/d5.md --
---
title: D5
id: adr-5
date: 2025-01-01
status: superseded
supersedes: [adr-4]
---
Body.
-- content/decisions/d6.md --
---
title: D6
id: adr-1
date: 2025-01-01
status: accepted
---
Body.
-- content/decisions/d7.md --
---
title: D7
id: adr-7
date: 2025-02-01
status: accepted
supersedes: [adr-1]
---
Body.
-- content/strategies/broken.md --
---
title: [Broken strategy
status: accepted
---
Body.
-- content/strategies/b.md --
---
title: B
status: accepted
---
Body.
`

func TestEveryDiagnosticIsReported(t *testing.T) {
	fsys := siteFS(badSite)
	fsys["content/latin1.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Caf\xe9\n---\n")}
	s := buildFS(t, fsys)
	golden(t, "bad-site.diags", s.diags())
	if s.res.Errors == 0 {
		t.Error("errors were reported but not counted")
	}
}
