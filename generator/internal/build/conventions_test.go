package build

import (
	"testing"
)

// Conventions of handbooks written for other tools (GitHub, Jekyll, Hugo,
// decision-log tools) that must work as their authors expect.
func TestForeignConventions(t *testing.T) {
	s := buildSite(t, `
-- content/decisions/0001-use-postgres.md --
# Use Postgres

- Status: Accepted
- Date: 2021-04-09
- Deciders: Ana, Bo

## Context
-- content/decisions/0002-use-kafka.md --
# Use Kafka

* Status: deprecated, see [0003](0003-use-outbox.md)
* Date: 2021-05-01
-- content/decisions/0004-use-queue.md --
# Use a queue table

- Status: superseded by [0005](0005-use-kafka-again.md)
- Date: 2021-07-01
-- content/decisions/0005-use-kafka-again.md --
# Use Kafka again

- Status: accepted
- Date: 2021-08-01
-- content/decisions/0003-use-outbox.md --
# Use an outbox

- Status: proposed
- Date: (2021-06-01)
-- content/rfc.md --
- Start Date: 2014-03-20

## Summary

See [[1]](https://example.com/ref), the [title](notes.md#notes-on-cafés) and [notes](notes.md#Error-Handling).
<a name="legacy-anchor"></a>
<!-- an editor's comment -->
Back to [the anchor](#legacy-anchor), [the team](team/) and [old](/old/place/).
-- content/notes.md --
# Notes on cafés

## Error handling
-- content/rfc/team.md --
---
title: The team
---
Hello.
-- content/moved.md --
---
title: Moved
redirect_from: [/old/place/]
permalink: /elsewhere/moved/
---
Moved.
`)
	// The raw HTML anchor is kept (raw_html: safe), the comment dropped
	// without a word.
	s.noDiags()
	reg := s.res.Site.DecisionByID
	if d := reg["decisions/0001-use-postgres"]; d == nil || d.Status != "accepted" || d.Date.Format("2006-01-02") != "2021-04-09" || len(d.Deciders) != 2 {
		t.Errorf("bullet metadata not read: %+v", d)
	}
	if d := reg["decisions/0004-use-queue"]; d == nil || d.Status != "superseded" || len(d.SupersededBy) != 1 || d.SupersededBy[0].ID != "decisions/0005-use-kafka-again" {
		t.Errorf("superseded by [x](file) not read: %+v", d)
	}
	if d := reg["decisions/0003-use-outbox"]; d == nil || d.Date.Format("2006-01-02") != "2021-06-01" {
		t.Errorf("a date in parentheses not read: %+v", d)
	}
	if d := reg["decisions/0002-use-kafka"]; d == nil || d.Status != "deprecated" {
		t.Errorf("status with trailing words not read: %+v", d)
	}
	s.contains("rfc/index.html", `<h1>RFC</h1>`, `<a href="https://example.com/ref">[1]</a>`,
		`href="../notes/#notes-on-cafés"`, `href="../notes/#error-handling"`, `href="#legacy-anchor"`,
		`href="../rfc/team/"`, `href="../elsewhere/moved/"`, `<a name="legacy-anchor"></a>`)
	s.lacks("rfc/index.html", "an editor's comment")
	s.contains("notes/index.html", `<h1 id="notes-on-cafés">Notes on cafés</h1>`, `<h2 id="error-handling">`)
	s.contains("old/place/index.html", `url=../../elsewhere/moved/`)
}

func TestAlertsAndPlaceholders(t *testing.T) {
	s := buildSite(t, "-- content/a.md --\n"+`# A

> [!TIP]
> Read the strategy first.

Owner: {{generator:owner_of.platform}}, of a Vec<T>.

`+"```go\ntemplate.Must(t.Parse(\"{{ .Title }}\"))\n```\n")
	want := "content/a.md:6:8: warning: 1 template placeholder shown as text (first: {{generator:owner_of.platform}})\n\thint: template placeholders are filled by the tool they were written for; replace them with their text\n"
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("a/index.html", `of a Vec&lt;T&gt;.`, `<blockquote class="alert alert-tip"><p><strong class="alert-title">Tip</strong> Read the strategy first.</p>`)
}

// TestAbbreviations: "*[HTML]: …" lines, as PHP Markdown Extra, kramdown
// and MkDocs write them, are not shown, and each abbreviation the page
// defines is marked where the text says it as a word of its own (the
// longest first), in links too, but not in code or inside a longer word.
func TestAbbreviations(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
# A

## About the API

The API and HTML5 follow the W3C, not XHTML; `+"`API`"+` is code.
See [the API docs](https://example.com).

* a list item
* API again

*[API]: Application Programming Interface
*[HTML5]: The fifth "HTML"
*[W3C]: World Wide Web Consortium

    *[CODE]: an indented code block
`)
	s.noDiags()
	s.contains("a/index.html",
		`<h2 id="about-the-api">About the <abbr title="Application Programming Interface">API</abbr>`,
		`<p>The <abbr title="Application Programming Interface">API</abbr> and <abbr title="The fifth &quot;HTML&quot;">HTML5</abbr> follow the <abbr title="World Wide Web Consortium">W3C</abbr>, not XHTML; <code>API</code> is code.`,
		`<a href="https://example.com">the <abbr title="Application Programming Interface">API</abbr> docs</a>`,
		`<li><abbr title="Application Programming Interface">API</abbr> again</li>`,
		"<pre><code>*[CODE]: an indented code block")
	s.lacks("a/index.html", "*[API]", "*[W3C]", "X<abbr")
}

// TestMkDocsGlossary: the files MkDocs' snippets append to every page
// (auto_append, from base_path), as MkDocs keeps a glossary of
// abbreviations, give every page their abbreviations; a page's own
// definition wins.
func TestMkDocsGlossary(t *testing.T) {
	s := buildSite(t, `
-- mkdocs.yml --
site_name: Docs
markdown_extensions:
  - abbr
  - pymdownx.snippets:
      base_path: [., snippets]
      auto_append:
        - includes/abbreviations.md
        - terms.md
-- includes/abbreviations.md --
*[API]: Application Programming Interface
*[SLO]: Service Level Objective
-- snippets/terms.md --
*[RFC]: Request for Comments
-- docs/a.md --
# A

The API, its SLO and the RFC.
-- docs/b.md --
# B

Our API.

*[API]: Our own meaning
`)
	s.noDiags()
	s.contains("a/index.html", `The <abbr title="Application Programming Interface">API</abbr>, its <abbr title="Service Level Objective">SLO</abbr> and the <abbr title="Request for Comments">RFC</abbr>.`)
	s.contains("b/index.html", `Our <abbr title="Our own meaning">API</abbr>.`)
	s.lacks("a/index.html", "*[")
}
