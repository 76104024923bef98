package build

import (
	"fmt"
	"strings"
	"testing"

	"handbook/generator/internal/health"
)

const healthSite = `
-- site.yaml --
title: Health
review_every: 30d
review_by_kind: {decision: 1y}
review_by_section: {onboarding: 10d}
proposed_max_age: 60d
sections:
  strategies: strategy
  decisions: decision
  design: design-doc
  onboarding: checklist
-- content/strategies/stale.md --
---
title: Stale strategy
status: accepted
owner: Platform
reviewed: 2026-06-01
---
Body.
-- content/strategies/unowned.md --
---
title: Unowned
status: accepted
date: 2026-10-25
review_every: 2y
---
[old design](../design/old.md)
-- content/strategies/gone.md --
---
title: Gone
status: superseded
owner: Platform
date: 2020-01-01
---
Body.
-- content/decisions/0001-fresh.md --
---
title: Fresh decision
status: accepted
owner: Data
date: 2026-06-01
---
Body.
-- content/decisions/0002-waiting.md --
---
title: Waiting
status: proposed
owner: Data
date: 2026-01-01
---
Body.
-- content/design/old.md --
---
title: Old design
status: superseded
owner: Data
date: 2026-10-30
decisions:
  - {id: dd-orphaned, title: Orphaned choice, status: accepted}
---
Body.
-- content/onboarding/week.md --
---
title: First week
owner: People
date: 2026-10-01
---
- [ ] Start
`

// TestHealthReport: the report lists what is overdue by owner with its
// days, per kind, section and document periods; what has no owner; the
// decisions stuck in proposed; accepted decisions resting only on a
// superseded design; never a superseded document.
func TestHealthReport(t *testing.T) {
	s := buildSite(t, healthSite)
	if s.res.Errors > 0 {
		t.Fatalf("errors:\n%s", s.diags())
	}
	r := health.Make(s.res.Site, s.res.Config, testNow, s.res.Lints)
	var due []string
	for _, d := range r.Due {
		due = append(due, fmt.Sprintf("%s %s %d/%d", d.Owner, d.Source, d.DaysOverdue, d.PeriodDays))
	}
	want := []string{
		"People content/onboarding/week.md 21/10",
		"Platform content/strategies/stale.md 123/30",
	}
	if fmt.Sprint(due) != fmt.Sprint(want) {
		t.Errorf("due:\n got %q\nwant %q", due, want)
	}
	if len(r.NoOwner) != 1 || r.NoOwner[0].Source != "content/strategies/unowned.md" {
		t.Errorf("no owner: %+v", r.NoOwner)
	}
	if len(r.Stuck) != 1 || r.Stuck[0].ID != "decisions/0002-waiting" || r.Stuck[0].Days != 304 {
		t.Errorf("stuck: %+v", r.Stuck)
	}
	if len(r.Unfounded) != 1 || r.Unfounded[0].ID != "dd-orphaned" {
		t.Errorf("unfounded: %+v", r.Unfounded)
	}
	// The writing habits, by rule, of the documents still in force: the
	// superseded strategy is not asked to say why.
	var habits []string
	for _, h := range r.Habits {
		for _, f := range h.Docs {
			habits = append(habits, h.Rule+" "+f.Source)
		}
	}
	if want := []string{
		"strategy-sources content/strategies/stale.md", "strategy-sources content/strategies/unowned.md",
		"strategy-rationale content/strategies/stale.md", "strategy-rationale content/strategies/unowned.md",
		"decision-sections content/decisions/0001-fresh.md", "decision-sections content/decisions/0002-waiting.md",
	}; fmt.Sprint(habits) != fmt.Sprint(want) {
		t.Errorf("habits:\n got %q\nwant %q", habits, want)
	}
	var text strings.Builder
	health.WriteText(&text, r)
	for _, w := range []string{"Due for review: 2\n  People\n    content/onboarding/week.md  First week: 21 days overdue", "Decisions stuck in proposed: 1", "in a CODEOWNERS file",
		"Writing habits not followed: 6\n  strategy-sources (2): a strategy is drawn from",
		"    content/strategies/stale.md  Stale strategy: the strategy has no section that explains why"} {
		if !strings.Contains(text.String(), w) {
			t.Errorf("text report lacks %q:\n%s", w, text.String())
		}
	}
}

// TestHealthPages: /health/ shows the report with links to what it lists,
// each owner has a page of what they keep with its state, /owners/ lists
// them all, and a document's owner links to its page.
func TestHealthPages(t *testing.T) {
	s := buildSite(t, healthSite)
	s.contains("health/index.html",
		"Due for review (2)",
		`<a href="../owners/platform/">Platform</a></td><td><a href="../strategies/stale/">Stale strategy</a></td><td><time datetime="2026-06-01">2026-06-01</time></td><td>123 days</td>`,
		"Decisions stuck in proposed (1)", `<a href="../decisions/0002-waiting/">Waiting</a> <code>decisions/0002-waiting</code>: proposed for 304 days`,
		"Without an owner (1)", `<a href="../strategies/unowned/">Unowned</a> <code>strategies/unowned</code>`,
		"Name one with <code>owner:</code> in a document&#39;s front matter, or for whole folders in a <code>CODEOWNERS</code> file.",
		"Accepted decisions resting on superseded or rejected designs (1)", `<a href="../design/old/#decision-dd-orphaned">Orphaned choice</a>`,
		// Each document named by its id too: titles repeat (FAQ, Overview).
		"Documents nothing links to (6)", `<a href="../onboarding/week/">First week</a> <code>onboarding/week</code>`,
		"<h2 id=\"habits-h\">Writing habits</h2>", "<h3>Strategies that do not say why (2) <code>strategy-rationale</code></h3>",
		`<li><a href="../strategies/unowned/">Unowned</a> <code>strategies/unowned</code></li>`)
	s.contains("owners/platform/index.html", "2 documents kept by Platform",
		`<a href="../../strategies/stale/">Stale strategy</a> <span class="kind">Strategy</span> <span class="badge status-accepted">accepted</span> <span class="badge stale">review 123 days overdue</span>`,
		`<a href="../../strategies/gone/">Gone</a>`)
	s.contains("strategies/stale/index.html", `<dt>Owner</dt><dd><a href="../../owners/platform/">Platform</a></dd>`)
	// The owners' page lists every owner with how much it keeps; the
	// health page and each owner's page link there.
	s.contains("owners/index.html", `<a href="../owners/data/">Data</a> <span class="muted">3</span>`,
		`<a href="../owners/people/">People</a> <span class="muted">1</span>`, `<a href="../owners/platform/">Platform</a> <span class="muted">2</span>`)
	s.contains("health/index.html", `<a href="../owners/">Owners</a>`)
	s.contains("owners/platform/index.html", `<a href="../../owners/">Owners</a>`)
	if strings.Contains(s.file("owners/platform/index.html"), "Gone</a> <span class=\"kind\">Strategy</span> <span class=\"badge status-superseded\">superseded</span> <span class=\"badge stale\">") {
		t.Errorf("a superseded document is shown as due")
	}
}

// TestDecisionBanners: a superseded decision's page opens with a banner
// naming the decision in force at the end of its chain; every decision
// record shows its id, and its number when its file has one.
func TestDecisionBanners(t *testing.T) {
	s := buildSite(t, `
-- content/decisions/0001-first.md --
---
title: First
id: adr-1
status: superseded
date: 2020-01-01
---
Body.
-- content/decisions/0002-second.md --
---
title: Second
id: adr-2
status: superseded
date: 2021-01-01
supersedes: [adr-1]
---
Body.
-- content/decisions/0003-third.md --
---
title: Third
id: adr-3
status: accepted
date: 2022-01-01
supersedes: [adr-2]
---
Body.
-- content/decisions/dropped.md --
---
title: Dropped
id: dropped
status: rejected
date: 2022-01-01
---
Body.
`)
	s.contains("decisions/0001-first/index.html",
		`<div class="banner banner-superseded" role="note"><strong>This decision is superseded.</strong> In force instead: <a href="../../decisions/0003-third/">Third</a> <code>adr-3</code>.</div>`,
		`<p class="decision-id">Record 0001 · <code>adr-1</code></p>`)
	s.contains("decisions/dropped/index.html", `<strong>This decision is rejected.</strong></div>`, `<p class="decision-id"><code>dropped</code></p>`)
	if strings.Contains(s.file("decisions/0003-third/index.html"), `class="banner`) {
		t.Errorf("the decision in force has a banner")
	}
}

// TestChainLinksReachInlineDecisions: a decision record that supersedes a
// decision made inline in a design doc links to its entry there.
func TestChainLinksReachInlineDecisions(t *testing.T) {
	s := buildSite(t, `
-- content/design/cache.md --
---
title: Cache
kind: design-doc
status: accepted
decisions:
  - {id: dd-memcached, title: Use Memcached, status: superseded}
---
Body.
-- content/decisions/0002-redis.md --
---
title: Use Redis
id: adr-2
status: accepted
date: 2024-01-01
supersedes: [dd-memcached]
---
Body.
`)
	s.contains("decisions/0002-redis/index.html", `<li>Supersedes <a href="../../design/cache/#decision-dd-memcached">dd-memcached: Use Memcached</a></li>`)
}
