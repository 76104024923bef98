package build

import (
	"slices"
	"strings"
	"testing"

	"handbook/generator/internal/handbook"
)

// kindsOf maps each document's content path to its kind.
func kindsOf(s *site) map[string]handbook.Kind {
	out := map[string]handbook.Kind{}
	for _, d := range s.res.Site.Docs {
		out[d.Path] = d.Kind
	}
	return out
}

// wantKinds checks the kinds of documents by content path.
func wantKinds(t *testing.T, s *site, want map[string]handbook.Kind) {
	t.Helper()
	got := kindsOf(s)
	for p, k := range want {
		if got[p] != k {
			t.Errorf("%s is a %q, want a %s", p, got[p], k)
		}
	}
}

// Without sections in site.yaml, a folder named as decision logs and
// design docs are kept holds them at any depth; its index page and a
// README beside it stay pages, and so does the log's template.
func TestKindsByConventionAtAnyDepth(t *testing.T) {
	s := buildSite(t, `
-- content/teams/payments/adr/_index.md --
# Payments decisions
-- content/teams/payments/adr/README.md --
# How we keep decisions
-- content/teams/payments/adr/0001-ledger.md --
# 1. Use a ledger

Date: 2024-01-05

## Status

Accepted
-- content/teams/payments/adr/template.md --
# [short title of solved problem and solution]

- Status: [draft | proposed | accepted]
- Date: [YYYY-MM-DD when the decision was last updated]
-- content/teams/payments/adr/0000-placeholder.md --
# {short title of the decision}

- Status: {status}
-- content/platform/rfcs/0042-queues.md --
---
title: Queues
status: proposed
---
Text.
-- content/platform/rfcs/notes/meeting.md --
# Meeting notes

An inner folder of rfcs holds design docs too.
-- content/platform/design-docs/decisions/0001-x.md --
---
title: X
status: accepted
date: 2024-02-01
---
The nearest folder wins.
-- content/platform/design-docs/own-kind.md --
---
title: A page by its own word
kind: page
---
Kind in front matter wins over all.
-- content/product/design/brand.md --
# Brand

Only a top-level design folder holds design docs.
`)
	wantKinds(t, s, map[string]handbook.Kind{
		"teams/payments/adr/_index.md":             handbook.KindPage,
		"teams/payments/adr/README.md":             handbook.KindPage,
		"teams/payments/adr/0001-ledger.md":        handbook.KindDecision,
		"teams/payments/adr/template.md":           handbook.KindPage,
		"teams/payments/adr/0000-placeholder.md":   handbook.KindPage,
		"platform/rfcs/0042-queues.md":             handbook.KindDesignDoc,
		"platform/rfcs/notes/meeting.md":           handbook.KindDesignDoc,
		"platform/design-docs/decisions/0001-x.md": handbook.KindDecision,
		"platform/design-docs/own-kind.md":         handbook.KindPage,
		"product/design/brand.md":                  handbook.KindPage,
	})
	want := `content/platform/rfcs/notes/meeting.md:1:1: warning: design document has no status
	hint: add ` + "`status:`" + ` with one of draft, proposed, accepted, rejected, superseded, deprecated
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if d := s.res.Site.DecisionByID["teams/payments/adr/0001-ledger"]; d == nil || d.Title != "Use a ledger" || d.Doc.Number() != "1" {
		t.Errorf("record: %+v", d)
	}
}

// A log's template, a page among its records, is named after its file
// when its title is a blank, and comes after the records in the sidebar,
// where its "[short title…]" stood first (log4brains' log).
func TestLogTemplateComesLast(t *testing.T) {
	s := buildSite(t, `
-- content/adr/README.md --
# Decisions
-- content/adr/template.md --
# [short title of solved problem and solution]

- Status: [draft | proposed | accepted]
-- content/adr/20240105-use-a-ledger.md --
# Use a ledger

- Status: accepted
- Date: 2024-01-05
-- content/adr/20240201-zero-downtime.md --
# Zero downtime deploys

- Status: proposed
- Date: 2024-02-01
`)
	if d := s.res.Site.ByPath["adr/template.md"]; d == nil || d.Title != "Template" {
		t.Fatalf("the template: %+v, want a page titled Template", d)
	}
	page := s.file("adr/index.html")
	nav := page[strings.Index(page, `class="sidebar"`):]
	a, b, c := strings.Index(nav, ">Use a ledger<"), strings.Index(nav, ">Zero downtime deploys<"), strings.Index(nav, ">Template<")
	if a < 0 || b < 0 || c < 0 || !(a < b && b < c) {
		t.Errorf("sidebar order: ledger at %d, zero downtime at %d, template at %d; want the template last", a, b, c)
	}
	s.lacks("adr/index.html", "[short title")
	// It is copied, not read: the health page does not ask for links to it.
	var orphans []string
	for _, d := range s.res.Site.Orphans {
		orphans = append(orphans, d.Path)
	}
	if slices.Contains(orphans, "adr/template.md") || !slices.Contains(orphans, "adr/20240105-use-a-ledger.md") {
		t.Errorf("orphans %q: want the records, not the template", orphans)
	}
}

// A decision log's templates kept in a folder of their own (MADR's
// template/) are pages whose blanks are not errors: a placeholder status
// or date, a title that is only a comment, links to placeholders. A record named after a template
// engine, and a page with front matter but no title, are not templates.
func TestTemplatesOutsideTheLog(t *testing.T) {
	s := buildSite(t, `
-- content/template/adr-template.md --
---
status: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123"
date: {YYYY-MM-DD when the decision was last updated}
decision-makers: {list everyone involved in the decision}
---

# {short title, representative of solved problem and found solution}

Supersedes [xxx](yyyymmdd-xxx.md), see [[ADR-0000]].
-- content/template/adr-template-bare.md --
---
status:
date:
---

# <!-- short title, representative of solved problem and found solution -->

## Context and Problem Statement
-- content/decisions/0005-template-engine.md --
---
title: Templates are rendered with text/template
status: accepted
date: 2024-03-01
---
## Context
-- content/guides/untitled.md --
---
owner: Platform
---
No title here. [A broken link](nowhere.md).
`)
	wantKinds(t, s, map[string]handbook.Kind{
		"template/adr-template.md":          handbook.KindPage,
		"template/adr-template-bare.md":     handbook.KindPage,
		"decisions/0005-template-engine.md": handbook.KindDecision,
	})
	got := s.diags()
	if !strings.Contains(got, "content/guides/untitled.md:1:1: error: document has no title") {
		t.Errorf("a page without a title is not reported:\n%s", got)
	}
	if !strings.Contains(got, `content/guides/untitled.md:4:16: error: broken link "nowhere.md"`) {
		t.Errorf("a page's broken link is not reported:\n%s", got)
	}
	if strings.Contains(got, "content/template/") {
		t.Errorf("a template's blanks are reported:\n%s", got)
	}
	if d := s.res.Site.ByPath["template/adr-template-bare.md"]; d == nil || d.Title == "" || d.Status != "" {
		t.Errorf("the bare template: %+v", d)
	}
}

// sections keys may be patterns: a segment as path.Match reads it, ** for
// any depth; an exact key means that folder and below; the nearest
// matching folder wins, and a bad pattern is an error at its key.
func TestSectionPatterns(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
sections:
  handbook/*/decisions: decision
  "**/runbooks": checklist
  handbook: page
  guides/strategy: strategy
-- content/handbook/payments/decisions/0001-a.md --
---
title: A
status: accepted
date: 2024-01-01
---
-- content/handbook/payments/notes.md --
# Notes
-- content/handbook/ops/deep/runbooks/restart.md --
# Restart
-- content/runbooks/deploy.md --
# Deploy
-- content/guides/strategy/sub/one.md --
---
title: One
status: draft
---
-- content/decisions/0001-b.md --
# B

With sections set, the conventions are off.
`)
	s.noDiags()
	wantKinds(t, s, map[string]handbook.Kind{
		"handbook/payments/decisions/0001-a.md": handbook.KindDecision,
		"handbook/payments/notes.md":            handbook.KindPage,
		"handbook/ops/deep/runbooks/restart.md": handbook.KindChecklist,
		"runbooks/deploy.md":                    handbook.KindChecklist,
		"guides/strategy/sub/one.md":            handbook.KindStrategy,
		"decisions/0001-b.md":                   handbook.KindPage,
	})

	s = buildSite(t, `
-- site.yaml --
sections:
  "a/[x/b": decision
  "x**/c": decision
-- content/a.md --
# A
`)
	want := `site.yaml:2:3: error: section pattern "a/[x/b" cannot be read: "[x": syntax error in pattern
	hint: each part of a pattern is a folder name with *, ? or [a-z] as in shell patterns, or ** for any depth: "handbook/*/decisions", "**/runbooks"
site.yaml:3:3: error: section pattern "x**/c" cannot be read: "x**": ** stands alone between slashes
	hint: each part of a pattern is a folder name with *, ? or [a-z] as in shell patterns, or ** for any depth: "handbook/*/decisions", "**/runbooks"
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// A status on a page says which kind would take it.
func TestStatusOnAPageNamesTheKind(t *testing.T) {
	s := buildSite(t, `
-- content/notes/choice.md --
---
title: Choice
status: accepted
---
-- content/notes/list.md --
---
title: List
status: active
---
`)
	want := `content/notes/choice.md:3:1: warning: status: accepted on a page: a page has no status
	hint: put it in a decisions/ folder or set kind: decision (or remove the status)
content/notes/list.md:3:1: warning: status: active on a page: a page has no status
	hint: put it in a onboarding/ folder or set kind: checklist (or remove the status)
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// TestOwnerWrittenInTheText: an "Owner:" line or bullet before the first
// section, as design documents head themselves and Notion's export writes
// a page's properties, names the owner when front matter does not: the
// name without its emphasis or link. A sentence in a list of who owns
// what is no owner, and neither is a template's blank (TBD, [name]).
func TestOwnerWrittenInTheText(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
title: T
sections:
  design: design-doc
-- content/design/search.md --
# Search v2

Status: Draft
Owner: **Search team**

## Problem

Slow.
-- content/design/feed.md --
# Feed

- Status: proposed
- Owner: [Payments](../teams/payments.md)

## Problem

Late.
-- content/design/kept.md --
---
owner: Platform
---
# Kept

Status: Draft
Owner: Someone else

## Problem

None.
-- content/notes/feedback.md --
# Feedback

- **Owner:** The sales team owns feedback from sales calls.
- **Owner:** Marketing owns the rest.
-- content/notes/blank.md --
# Blank

Owner: TBD
-- content/notes/template.md --
# Template

- Owner: [name of the team]
`)
	for path, want := range map[string]string{"design/search.md": "Search team", "design/feed.md": "Payments", "design/kept.md": "Platform", "notes/feedback.md": "", "notes/blank.md": "", "notes/template.md": ""} {
		if d := s.res.Site.ByPath[path]; d == nil || d.Owner != want {
			t.Errorf("%s: owner %q, want %q", path, d.Owner, want)
		}
	}
	s.contains("owners/index.html", "Search team", "Payments")
}

// The classic adr-tools record: the number of its title, its Date line,
// the first line of its Status section, and Superseded by / Supersedes
// lines that link records both ways.
func TestClassicDecisionRecords(t *testing.T) {
	s := buildSite(t, `
-- content/doc/adr/0001-record.md --
# 1. Record architecture decisions

Date: 2016-02-12

## Status

Superseded by [3. Use MADR](0003-use-madr.md)

## Context

Text.
-- content/doc/adr/0002-shell.md --
# 2. Implement as shell scripts

Date: 12 February 2016

## Status

✅ **Accepted** on 2016-02-14
-- content/doc/adr/0003-use-madr.md --
# 3. Use MADR

Date: 2017-01-01

## Status

Accepted

Supersedes [1. Record architecture decisions](0001-record.md)
-- content/doc/adr/0004-hold.md --
# 4. Wait

## Status

On hold
-- content/doc/adr/0005-odd.md --
# 5. Odd

Date: 03/04/2021

## Status

Pondering
-- content/doc/adr/0006-dashes.md --
# 6. Dashes

Date: 23-07-2014

## Status

Accepted
-- content/doc/adr/0007-slashes.md --
# 7. Slashes

Date: 2020/05/18

## Status

Accepted
-- content/doc/adr/0008-unpadded.md --
# 8. Unpadded

Date: 2023-10-3

## Status

Accepted
-- content/doc/adr/0009-impossible.md --
# 9. Impossible

Date: 2014-19-19

## Status

Accepted
`)
	want := `content/doc/adr/0004-hold.md:1:1: warning: decision has no date
	hint: add ` + "`date: YYYY-MM-DD`" + `, the day it was decided
content/doc/adr/0005-odd.md:3:7: warning: date "03/04/2021" is read day first, as 3 April 2021
	hint: write it as 2021-04-03 (YYYY-MM-DD); if the month comes first, 2021-03-04
content/doc/adr/0005-odd.md:7:1: warning: unknown status "pondering" for a decision
	hint: the status was read from the record as written; use one of draft, proposed, accepted, rejected, superseded, deprecated
content/doc/adr/0009-impossible.md:3:7: warning: date "2014-19-19" is not a date
	hint: write dates as YYYY-MM-DD, for example 2026-03-14 (read from the text of the document, which has no front matter)
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	for p, want := range map[string]string{"0006-dashes.md": "2014-07-23", "0007-slashes.md": "2020-05-18", "0008-unpadded.md": "2023-10-03"} {
		if d := s.res.Site.ByPath["doc/adr/"+p]; d == nil || d.Date.Format("2006-01-02") != want {
			t.Errorf("%s: date is not read as %s: %v", p, want, d)
		}
	}
	reg := s.res.Site.DecisionByID
	check := func(id, title, number, status, date string) *handbook.Decision {
		t.Helper()
		d := reg[id]
		if d == nil {
			t.Fatalf("%s is not in the registry", id)
		}
		if d.Title != title || d.Doc.Number() != number || d.Status != status || d.Date.Format("2006-01-02") != date {
			t.Errorf("%s: %q %q %q %s, want %q %q %q %s", id, d.Title, d.Doc.Number(), d.Status, d.Date.Format("2006-01-02"), title, number, status, date)
		}
		return d
	}
	first := check("doc/adr/0001-record", "Record architecture decisions", "1", "superseded", "2016-02-12")
	check("doc/adr/0002-shell", "Implement as shell scripts", "2", "accepted", "2016-02-12")
	third := check("doc/adr/0003-use-madr", "Use MADR", "3", "accepted", "2017-01-01")
	check("doc/adr/0004-hold", "Wait", "4", "proposed", "0001-01-01")
	if len(first.SupersededBy) != 1 || first.SupersededBy[0] != third || len(third.Replaces) != 1 || third.Replaces[0] != first {
		t.Errorf("supersedes not linked both ways: %v %v", first.SupersededBy, third.Replaces)
	}
	s.contains("doc/adr/0002-shell/index.html", `id="2-implement-as-shell-scripts">Implement as shell scripts</h1>`, "Record 2 · ")
}

// "Accepted on 2021-03-04" gives the date when no other is written, and
// MADR's front matter statuses outside the handbook's list are mapped.
func TestStatusWithDateAndMappedStatuses(t *testing.T) {
	s := buildSite(t, `
-- content/decisions/0001-a.md --
# A

* Status: Accepted on 2021-03-04
-- content/decisions/0002-b.md --
---
status: on hold
date: 2022-01-01
---
# B
-- content/decisions/0003-c.md --
---
title: C
status: Approved
date: 2022-01-01
---
`)
	want := `content/decisions/0003-c.md:3:9: error: unknown status "approved" for a decision
	hint: a decision is one of draft, proposed, accepted, rejected, superseded, deprecated
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	reg := s.res.Site.DecisionByID
	if d := reg["decisions/0001-a"]; d == nil || d.Status != "accepted" || d.Date.Format("2006-01-02") != "2021-03-04" {
		t.Errorf("0001: %+v", d)
	}
	if d := reg["decisions/0002-b"]; d == nil || d.Status != "proposed" {
		t.Errorf("0002: %+v", d)
	}
	if strings.Contains(s.diags(), "0002") {
		t.Error("a mapped status is reported")
	}
}

// MADR's front matter may say which record replaces this one in its
// status; the registry links them both ways.
func TestFrontMatterSupersededBy(t *testing.T) {
	s := buildSite(t, `
-- content/decisions/0001-a.md --
---
status: superseded by [ADR-0002](0002-b.md)
date: 2024-01-01
---
# A
-- content/decisions/0002-b.md --
---
status: accepted
date: 2024-02-01
---
# B
`)
	s.noDiags()
	a, b := s.res.Site.DecisionByID["decisions/0001-a"], s.res.Site.DecisionByID["decisions/0002-b"]
	if a == nil || b == nil || a.Status != "superseded" || len(a.SupersededBy) != 1 || a.SupersededBy[0] != b {
		t.Errorf("not linked: %+v %+v", a, b)
	}
}

// TestAnchorsOfOtherGenerators: a link to a heading by the id another
// generator made for it (Eleventy's #other-people-s-money, #m-and-ie-…,
// kramdown's #cloudgov) lands on the heading, its href rewritten to the
// heading's id here; a fragment no heading has is still broken.
func TestAnchorsOfOtherGenerators(t *testing.T) {
	s := buildSite(t, `
-- content/money.md --
# Money

## Other people's money

#### M&IE and use of the GSA travel card

### cloud.gov

## 508 - Accessibility
-- content/links.md --
# Links

[a](money.md#other-people-s-money) [b](money.md#m-and-ie-and-use-of-the-gsa-travel-card)
[c](/money/#cloud-gov) [d](money.md#508-accessibility) [e](money.md#questions)
`)
	got := s.diags()
	if !strings.Contains(got, `broken link "money.md#questions"`) || strings.Count(got, "error:") != 1 {
		t.Errorf("diagnostics:\n%s", got)
	}
	s.contains("links/index.html", `href="../money/#other-peoples-money">a`, `href="../money/#mie-and-use-of-the-gsa-travel-card">b`,
		`href="../money/#cloudgov">c`, `href="../money/#508---accessibility">d`)
}
