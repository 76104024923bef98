package build

import (
	"os"
	"strings"
	"testing"

	"handbook/generator/internal/lint"
)

// lintSite breaks every habit package lint checks, once each.
const lintSite = `
-- site.yaml --
title: Habits
sections:
  strategies: strategy
  vision: vision
  design: design-doc
  decisions: decision
-- content/vision/far.md --
---
title: Far
status: accepted
date: 2026-01-01
horizon: 2035
strategies: [strategies/thin]
---
Too short to be a vision.
-- content/strategies/thin.md --
---
title: Thin
status: accepted
design_docs: [design/solution-first]
---
## Guidance

Do it this way.
-- content/design/solution-first.md --
---
title: Solution first
status: accepted
---
## Proposal

Build it.

## Problem

Why.
-- content/decisions/0001-bare.md --
---
title: Bare
status: accepted
date: 2026-01-01
---
## Status

Accepted.
`

// TestLintsFire: each rule fires on a document that breaks its habit, at
// the document's path with its reasoning as the hint; site.yaml turns a
// rule off or makes it an error.
func TestLintsFire(t *testing.T) {
	s := buildSite(t, lintSite)
	got := s.allDiags()
	for _, r := range lint.Rules {
		if !strings.Contains(got, "(lint "+r.Name+";") {
			t.Errorf("lint %s did not fire:\n%s", r.Name, got)
		}
	}
	for _, want := range []string{
		"content/vision/far.md:5:10: warning: the horizon 2035 is 9 years after the date",
		"content/vision/far.md:1:1: warning: the vision is 6 words",
		"content/vision/far.md:6:13: warning: the vision names one strategy",
		"content/strategies/thin.md:4:14: warning: the strategy is drawn from one design document",
		`content/design/solution-first.md:1:1: warning: the first section is "Proposal"`,
		"content/decisions/0001-bare.md:1:1: warning: the decision record has no context, decision, consequence section",
		"content/decisions/0001-bare.md:3:9: warning: the accepted decision names no one who decided",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if s.res.Errors > 0 {
		t.Errorf("lints are warnings by default; got %d errors", s.res.Errors)
	}
	if n := strings.Count(got, "years after the date"); n != 1 {
		t.Errorf("the horizon is reported %d times", n)
	}

	set := strings.Replace(lintSite, "title: Habits\n", "title: Habits\nlints:\n  vision-length: off\n  decision-owner: error\n  vison-horizon: off\n  strategy-rationale: loud\n", 1)
	got = buildSite(t, set).allDiags()
	for _, want := range []string{
		"content/decisions/0001-bare.md:3:9: error: the accepted decision names no one who decided",
		`site.yaml:5:3: error: unknown lint "vison-horizon"`,
		`hint: did you mean "vision-horizon"?`,
		`site.yaml:6:23: error: lint strategy-rationale is set to "loud"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("with lints set, diagnostics lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "(lint vision-length;") {
		t.Errorf("vision-length: off still fires:\n%s", got)
	}
}

// TestDemoFollowsTheHabits: the bundled handbook passes every lint.
func TestDemoFollowsTheHabits(t *testing.T) {
	res := Run(os.DirFS(repoRoot), nil, Options{Now: testNow})
	for _, d := range res.Diags.All() {
		if strings.Contains(d.Hint, "(lint ") {
			t.Errorf("%s", d)
		}
	}
}
