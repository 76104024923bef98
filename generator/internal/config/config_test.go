package config

import (
	"bytes"
	"strings"
	"testing"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// TestSectionsStayInside: a section or content folder that leaves the
// content folder is an error at its key, and is not used.
func TestSectionsStayInside(t *testing.T) {
	var l diag.List
	s := Parse([]byte("content_dir: /etc\nsections:\n  ../up: decision\n  ok/deeper: strategy\n  a\\b: page\n"), &l)
	var got strings.Builder
	diag.WriteText(&got, l.All())
	for _, want := range []string{
		`site.yaml:1:14: error: content_dir "/etc" leaves the handbook`,
		`site.yaml:3:3: error: section "../up" is not a folder inside the content folder`,
		`site.yaml:5:3: error: section "a\\b" is not a folder inside the content folder`,
	} {
		if !strings.Contains(got.String(), want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got.String())
		}
	}
	if s.ContentDir != "content" || len(s.Sections) != 1 || s.Sections["ok/deeper"] != "strategy" {
		t.Errorf("content_dir %q, sections %v", s.ContentDir, s.Sections)
	}
}

// FuzzParse: whatever site.yaml holds, Parse reports problems at lines of
// the file and returns a configuration whose folders stay inside the
// handbook.
//
//	go test -run XXX -fuzz FuzzParse -fuzztime 60s ./generator/internal/config
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"title: T\nsections:\n  decisions: decision\n",
		"content_dir: ../x\n",
		"sections: {/abs: page, ..: strategy}\n",
		"reading_paths:\n  - id: Bad Id\n    steps: [a, b]\n  - id: ok\n",
		"review_every: 10x\nbase_url: '::'\nbroken_links: maybe\n",
		"menus:\n  main:\n    - title: A\n      lnk: /a/\n",
		"a: [\n", "\t\x00", "&a [*a]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var l diag.List
		s := Parse(src, &l)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range l.All() {
			if d.Line > lines+1 || d.Message == "" {
				t.Fatalf("diagnostic at line %d of a %d-line file: %s", d.Line, lines, d)
			}
		}
		if !LocalPath(s.ContentDir) {
			t.Fatalf("content_dir %q accepted", s.ContentDir)
		}
		for k := range s.Sections {
			if !LocalPath(k) || k == "." {
				t.Fatalf("section %q accepted", k)
			}
		}
	})
}

// raw_html is one of three modes, safe by default; true and false, as
// written before there were modes, read as all and none; anything else is
// an error at the value naming the modes.
func TestRawHTMLModes(t *testing.T) {
	for _, c := range []struct {
		yaml string
		want RawHTML
	}{
		{"", RawHTMLSafe}, {"raw_html:\n", RawHTMLSafe}, {"raw_html: safe\n", RawHTMLSafe},
		{"raw_html: all\n", RawHTMLAll}, {"raw_html: None\n", RawHTMLNone},
		{"raw_html: true\n", RawHTMLAll}, {"raw_html: false\n", RawHTMLNone},
		{"raw_html: yes\n", RawHTMLAll}, {"raw_html: off\n", RawHTMLNone},
	} {
		var l diag.List
		s := Parse([]byte("title: T\n"+c.yaml), &l)
		if s.RawHTML != c.want || len(l.All()) != 0 {
			t.Errorf("%q: raw_html %q, diagnostics %v; want %q", c.yaml, s.RawHTML, l.All(), c.want)
		}
	}
	if Default().RawHTML != RawHTMLSafe {
		t.Errorf("default raw_html %q", Default().RawHTML)
	}
	for _, c := range []struct{ yaml, want string }{
		{"title: T\nraw_html: sfae\n", "site.yaml:2:11: error: raw_html \"sfae\" is none of safe, all or none\n\thint: did you mean \"safe\"? write safe (keep what is safe), all (trust it) or none (drop it)\n"},
		{"raw_html: 1\n", "site.yaml:1:11: error: raw_html \"1\" is none of safe, all or none\n\thint: write safe (keep what is safe), all (trust it) or none (drop it)\n"},
	} {
		var l diag.List
		s := Parse([]byte(c.yaml), &l)
		var got strings.Builder
		diag.WriteText(&got, l.All())
		if got.String() != c.want || s.RawHTML != RawHTMLSafe {
			t.Errorf("%q: raw_html %q, diagnostics:\n%s\nwant:\n%s", c.yaml, s.RawHTML, got.String(), c.want)
		}
	}
}

// KindOf: a path key takes its folder and those below, a pattern matches
// folders segment by segment (** any number of them), the nearest folder
// wins, a path over a pattern at the same folder, and a "**/" pattern
// matches the content folder's own name.
func TestKindOf(t *testing.T) {
	s := Default()
	s.ContentDir = "doc/adr"
	s.Sections = map[string]string{
		"handbook":             "page",
		"handbook/*/decisions": "decision",
		"**/runbooks":          "checklist",
		"**/adr":               "decision",
		"guides":               "strategy",
		"**/guides":            "vision",
	}
	for dir, want := range map[string]handbook.Kind{
		"":                                "decision", // the content folder is named adr
		"handbook":                        "page",
		"handbook/pay":                    "page",
		"handbook/pay/decisions":          "decision",
		"handbook/pay/decisions/archive":  "decision",
		"handbook/pay/decisions/runbooks": "checklist",
		"handbook/a/b/decisions":          "page",
		"runbooks":                        "checklist",
		"guides":                          "strategy",
		"guides/x/guides":                 "vision",
		"other":                           "decision",
	} {
		if got := s.KindOf(dir); got != want {
			t.Errorf("KindOf(%q) = %s, want %s", dir, got, want)
		}
	}
	s.ContentDir = "content"
	if got := s.KindOf("other"); got != handbook.KindPage {
		t.Errorf("KindOf(other) in content/ = %s, want page", got)
	}
}
