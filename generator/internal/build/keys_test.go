package build

import (
	"testing"
)

// Other generators' keys: description is the summary when summary is
// absent, linkTitle the title navigation shows, keys are read in any case
// (positions stay exact), and a misspelling is suggested only when likely,
// never for a key other generators use.
func TestOtherGeneratorsKeys(t *testing.T) {
	s := buildSite(t, `
-- content/guides/_index.md --
---
Title: Guides for everyone who works here
linkTitle: Guides
---
-- content/guides/setup.md --
---
Title: Setting up your machine
LinkTitle: Setup
description: What to install on the first day.
author: Ana
nav_order: 2
sidebar_position: 3
stage: beta
Status: draft
---
Text.
-- content/guides/both.md --
---
title: Both
summary: The summary.
description: Not this.
stauts: x
tilte: y
ownr: z
aera: w
categoryz: v
---
Text.
`)
	// tilte and aera are two edits from title and area: too far for a
	// key of five letters or fewer. categoryz is near no key.
	got := s.diags()
	wantDiags := `content/guides/both.md:5:1: warning: unknown front matter key "stauts"
	hint: did you mean "status"?
content/guides/both.md:7:1: warning: unknown front matter key "ownr"
	hint: did you mean "owner"?
content/guides/setup.md:9:1: warning: status: draft on a page: a page has no status
	hint: put it in a decisions/ folder or set kind: decision (or remove the status)
`
	if got != wantDiags {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, wantDiags)
	}
	setup := s.res.Site.ByPath["guides/setup.md"]
	if setup == nil || setup.Title != "Setting up your machine" || setup.NavTitle() != "Setup" || setup.Summary != "What to install on the first day." {
		t.Fatalf("setup: %+v", setup)
	}
	if both := s.res.Site.ByPath["guides/both.md"]; both == nil || both.Summary != "The summary." || both.NavTitle() != "Both" {
		t.Errorf("both: %+v", both)
	}
	s.contains("guides/setup/index.html", `<h1>Setting up your machine</h1>`, `>Guides</a></li>`, `<li aria-current="page">Setup</li>`, `>Setup</a>`)
	s.contains("guides/index.html", `<h1>Guides for everyone who works here</h1>`)
}
