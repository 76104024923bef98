package build

import (
	"slices"
	"strings"
	"testing"
)

// valuesSite writes bad front matter values away from their keys: on the
// next line, further along the line, as elements of flow lists spread over
// lines and of block lists, inside inline decisions written as block maps
// and as flow maps, in TOML (arrays over lines, an array of tables), and
// in the leading bullets of a decision log.
const valuesSite = `
-- content/strategies/a.md --
---
title: A
status: accepted
---
-- content/design/a.md --
---
title: A design
status: accepted
---
-- content/decisions/adr-1.md --
---
title: One
date: 2025-01-01
status: accepted
---
-- content/decisions/adr-2.md --
---
title: Two
status:
  accepeted
date:    "2025-02-30"
supersedes:
  - decisions/adr-1
  -   nowhere
authors: [ann, {name: bo}]
deciders: {ann: yes}
---
-- content/vision.md --
---
title: V
kind:   vison
id:   decisions/adr-1
---
-- content/visions/v.md --
---
title: V
kind: vision
status: draft
date: 2026-01-02
horizon:   2040
strategies: [
    strategies/a,
    design/a,
    nowhere ]
---
-- content/strategies/s.md --
---
title: S
status: accepted
design_docs:
- design/a
- design/missing
decisions:
  - id: s-1
    title: One
    status: accepted
  - {id: s-2, title: Two, status: nope}
  - id: s-3
    title: Three
    status: accepted
    supersedes: [s-1, gone]
    rationle: a typo
  -
    title: Nameless
    status: draft
---
-- content/t.md --
+++
title = "T"
kind = "design-doc"
status = "accepted"
date = 2025-01-01
slug =   "a/b"
aliases = [
  "/fine/",
  "../../out",
]

[[decisions]]
id = "t-1"
title = "T1"
status = "sure"

[[decisions]]
id = "t-2"
title = "T2"
status = "accepted"
supersedes = [ "t-9" ]
+++
-- content/decisions/log.md --
# 12. A decision from a log

- Status: frobbed
- Date: 2020-99-01
`

// TestValueDiagnosticsPointAtTheValue: a diagnostic about a front matter
// value is reported where the value is written, at the element of a list,
// not at its key; one about a key (misspelt in an inline decision) stays
// at the key, and one about an inline decision as a whole at its entry.
func TestValueDiagnosticsPointAtTheValue(t *testing.T) {
	s := buildSite(t, valuesSite)
	var got []string
	for _, d := range s.res.Diags.All() {
		got = append(got, strings.SplitN(d.String(), "\n", 2)[0])
	}
	for _, want := range []string{
		`content/decisions/adr-1.md:4:9: error: decision "decisions/adr-1" is still accepted, but decisions/adr-2 supersedes it`,
		`content/decisions/adr-2.md:4:3: error: unknown status "accepeted" for a decision`,
		`content/decisions/adr-2.md:5:10: error: date "2025-02-30" is not a date`,
		`content/decisions/adr-2.md:8:7: error: decisions/adr-2 supersedes "nowhere", which names no decision`,
		`content/decisions/adr-2.md:9:16: error: authors must be a list of text values`,
		`content/decisions/adr-2.md:10:11: error: deciders must be a list, not a map`,
		`content/decisions/log.md:3:11: warning: unknown status "frobbed" for a decision`,
		`content/decisions/log.md:4:9: warning: date "2020-99-01" is not a date`,
		`content/strategies/s.md:6:3: error: design_docs: "design/missing" matches no document`,
		`content/strategies/s.md:10:13: error: decision "s-1" is still accepted, but s-3 supersedes it`,
		`content/strategies/s.md:11:35: error: unknown status "nope" in inline decision "s-2"`,
		`content/strategies/s.md:15:23: error: s-3 supersedes "gone", which names no decision`,
		`content/strategies/s.md:16:5: warning: unknown key "rationle" in inline decision`,
		`content/strategies/s.md:18:5: error: inline decision 4 has no id`,
		`content/t.md:6:10: error: slug "a/b" is not a single safe path segment`,
		`content/t.md:9:3: error: alias "../../out" leaves the site`,
		`content/t.md:15:10: error: unknown status "sure" in inline decision "t-1"`,
		`content/t.md:21:16: error: t-2 supersedes "t-9", which names no decision`,
		`content/vision.md:3:9: error: unknown kind "vison"`,
		`content/vision.md:4:7: error: id "decisions/adr-1" is already used by content/decisions/adr-1.md`,
		`content/visions/v.md:6:12: warning: the horizon 2040 is 14 years after the date; a vision looks 2028 or 2029`,
		`content/visions/v.md:9:5: error: strategies: "design/a" is a design-doc, not a strategy`,
		`content/visions/v.md:10:5: error: strategies: "nowhere" matches no document`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %s", want)
		}
	}
	if t.Failed() {
		t.Logf("diagnostics:\n%s", s.diags())
	}
}
