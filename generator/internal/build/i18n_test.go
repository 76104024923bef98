package build

import (
	"regexp"
	"strings"
	"testing"
)

// stringsJS is the strings.js a build wrote.
func (s *site) stringsJS() string {
	s.t.Helper()
	for name, b := range s.out.Files() {
		if regexp.MustCompile(`^assets/strings\.[0-9a-f]{8}\.js$`).MatchString(name) {
			return string(b)
		}
	}
	s.t.Fatalf("no assets/strings.*.js in the output")
	return ""
}

func TestLanguageUnknown(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
title: T
language: xx
-- content/index.md --
# Home
`)
	want := `site.yaml:2:11: warning: no strings for language "xx": the theme's words are shown in English
	hint: the built-in languages are en, ar, de, es, fr, ja, ko, pt-BR, zh-CN; or write the strings in layouts/i18n/xx.yaml (the theme's layouts/i18n/en.yaml lists them)
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("index.html", `<html lang="xx">`)
	if js := s.stringsJS(); !strings.Contains(js, `"skip_to_content":"Skip to content"`) {
		t.Errorf("strings.js is not English: %.200s", js)
	}
}

// A site's own strings file overrides the theme's strings one by one;
// a wrong string in it is a warning at its place.
func TestLanguageSiteStrings(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
title: T
language: ja
-- layouts/i18n/ja.yaml --
copy: 写す
copied: 12
-- content/index.md --
# Home
`)
	want := `layouts/i18n/ja.yaml:2:9: warning: "copied" is not a string: the theme's string is kept
	hint: write a string, quoted if it holds ':' or '#' or starts with '{': "…"
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	js := s.stringsJS()
	for _, w := range []string{`"copy":"写す"`, `"copied":"コピーしました"`, `"lang":"ja"`} {
		if !strings.Contains(js, w) {
			t.Errorf("strings.js lacks %s", w)
		}
	}
	s.contains("index.html", `<html lang="ja">`)
}

func TestLanguageSiteStringsUnparsable(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
language: de
-- layouts/i18n/de.yaml --
copy: Kopieren
  copied: x
-- content/index.md --
# Home
`)
	if got := s.diags(); !strings.HasPrefix(got, "layouts/i18n/de.yaml:2:1: error: invalid YAML: mapping values are not allowed in this context") {
		t.Errorf("diagnostics:\n%s", got)
	}
}

// A language written from right to left, with the site's own strings.
func TestLanguageRightToLeft(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
language: ar
-- layouts/i18n/ar.yaml --
skip_to_content: تخطَّ إلى المحتوى
-- content/index.md --
# Home
-- content/guide.md --
---
title: Guide
lang: en
---
Text.
`)
	s.contains("index.html", `<html lang="ar" dir="rtl">`)
	s.contains("guide/index.html", `<article class="doc kind-page" lang="en" dir="ltr">`)
	if js := s.stringsJS(); !strings.Contains(js, `"dir":"rtl"`) {
		t.Errorf("strings.js does not say rtl")
	}
}

// lang: in front matter marks the document's own language; one that is no
// language code is a warning at its place.
func TestDocumentLang(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
language: ja
-- content/index.md --
# Home
-- content/zh.md --
---
title: 中文页面
lang: zh_cn
---
正文。
-- content/ja.md --
---
title: 日本語
lang: ja
---
本文。
-- content/bad.md --
---
title: Bad
lang: Chinese
---
Text.
`)
	want := `content/bad.md:3:7: warning: lang "Chinese" is not a language code: the page is taken to be in the handbook's language
	hint: write a language code such as "ja", "zh-CN" or "pt-BR"
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("zh/index.html", `<html lang="ja">`, `<article class="doc kind-page" lang="zh-CN">`)
	s.contains("ja/index.html", `<article class="doc kind-page">`)
	s.contains("bad/index.html", `<article class="doc kind-page">`)
}

// The Go fragments (metadata, relations, decision lists, sidebar) speak
// the handbook's language, dates in its form.
func TestLanguageFragments(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
language: de
-- content/index.md --
# Home
-- content/decisions/0001-use-postgres.md --
---
title: Use Postgres
status: accepted
date: 2026-12-01
deciders: [Ana]
tags: [storage]
---
## Context
See [[0002-use-kafka]].
## Decision
Yes.
## Consequences
Fine.
-- content/decisions/0002-use-kafka.md --
---
title: Use Kafka
status: proposed
date: 2026-03-04
---
## Context
See [[0001-use-postgres]].
## Decision
Yes.
## Consequences
Fine.
`)
	s.contains("decisions/0001-use-postgres/index.html",
		`<dt class="visually-hidden">Art</dt><dd><span class="kind">Entscheidung</span>`,
		`<dt class="visually-hidden">Status</dt><dd><span class="badge status-accepted">angenommen</span>`,
		`<dt>Entschieden am</dt><dd><time datetime="2026-12-01">1. Dezember 2026</time>`,
		`<dt class="visually-hidden">Lesezeit</dt><dd>1 Min.</dd>`,
		`<h2 id="backlinks-h">Seiten, die hierher verweisen</h2>`,
		`<h3>Entscheidung</h3>`,
	)
	s.contains("decisions/index.html", `<span class="badge status-proposed">vorgeschlagen</span>`, `<span class="badge status-accepted">angenommen</span>`)
	s.contains("decisions/timeline/index.html", `<title>Zeitleiste der Entscheidungen`)
	s.contains("decisions/status/accepted/index.html", `<h1>Entscheidungen: angenommen</h1>`)
	// A kind: filter takes the kind's names in the language.
	s.contains("search/index.js", `"Entscheidung":"decision"`, `"Entscheidungen":"decision"`)
}

// serve's rebuild after a change of language writes the bodies' words
// (a heading's link's label) in the new language, though no document
// changed.
func TestLanguageChangeRebuild(t *testing.T) {
	fsys := siteFS(`
-- site.yaml --
language: en
-- content/index.md --
# Home
-- content/guide.md --
---
title: Guide
---
## Setup

Text.
`)
	sess := NewSession(fsys, Options{Now: testNow})
	up := sess.Rebuild(nil)
	if !strings.Contains(string(up.Complete()["guide/index.html"]), `aria-label="Link to this section">#</a>`) {
		t.Fatalf("the English build has no English permalink")
	}
	fsys["site.yaml"].Data = []byte("language: ja\n")
	up = sess.Rebuild([]string{"site.yaml"})
	page := string(up.Complete()["guide/index.html"])
	if !strings.Contains(page, `aria-label="このセクションへのリンク">#</a>`) {
		t.Errorf("after language: ja the permalink is not Japanese:\n%s", page)
	}
	if fresh := buildFS(t, fsys); fresh.file("guide/index.html") != page {
		t.Errorf("the rebuild differs from a fresh build")
	}
}
