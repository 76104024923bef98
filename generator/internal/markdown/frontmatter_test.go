package markdown

import (
	"strings"
	"testing"

	"handbook/generator/internal/diag"
)

// An empty item of a YAML list ("  -", its value on the lines below) is
// part of the front matter, not its end: the keys after it are read, and
// none of it reaches the body.
func TestEmptyListItemInFrontMatter(t *testing.T) {
	d, ds := parseText(t, "---\ntitle: T\naliases:\n  -\n    /old/\nsummary: after\n---\nBody.\n")
	if len(ds) != 0 {
		t.Errorf("unexpected diagnostics: %v", ds)
	}
	if d.Summary != "after" || len(d.Outline.Aliases) != 1 || d.Outline.Aliases[0].Target != "/old/" {
		t.Errorf("summary %q, aliases %v: the keys after the empty item were not read", d.Summary, d.Outline.Aliases)
	}
	if strings.Contains(d.HTML, "summary") || strings.Contains(d.HTML, "old") {
		t.Errorf("front matter in the body: %q", d.HTML)
	}
}

// The two mistakes most YAML errors of front matter come from are named
// where they are made, with the fix: a value holding ": " unquoted, and a
// quote never closed; a tab in the indentation says to use spaces. Other
// errors keep the parser's words.
func TestYAMLMistakesAreExplained(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"---\ntitle: Kafka: a primer\nstatus: draft\n---\nx\n",
			"content/x.md:2:13: error: invalid YAML front matter: the value of title holds \": \", which YAML reads as the start of another key\n\thint: quote the value: title: \"Kafka: a primer\""},
		{"---\nowner: Platform\nsummary: Why: the queue \"lags\"\n---\nx\n",
			"content/x.md:3:13: error: invalid YAML front matter: the value of summary holds \": \", which YAML reads as the start of another key\n\thint: quote the value: summary: \"Why: the queue \\\"lags\\\"\""},
		{"---\ntitle: \"Unclosed\nstatus: accepted\n---\nx\n",
			"content/x.md:2:8: error: invalid YAML front matter: the quote that opens the value of title is never closed\n\thint: close it at the end of the value with \""},
		{"---\ntitle: \"Closed \\\"ok\\\"\"\nowner: \"Platform\n---\nx\n",
			"content/x.md:3:8: error: invalid YAML front matter: the quote that opens the value of owner is never closed"},
		{"---\ntitle: Tabs\n\tstatus: draft\n---\nx\n",
			"hint: indent with spaces: YAML does not allow tabs"},
		{"---\ntitle: T\ntags: [a, b\n---\nx\n",
			"content/x.md:3:1: error: invalid YAML front matter: did not find expected ',' or ']'"},
	} {
		_, ds := parseText(t, c.src)
		var b strings.Builder
		diag.WriteText(&b, ds)
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("%q:\n%s\nwant:\n%s", c.src, b.String(), c.want)
		}
	}
}

// A document's own review_every is read where it is written: a value that
// is no period is an error at it, not a period the health report skips;
// an owner written as a list of several says to name one.
func TestReviewEveryAndOwnerAreChecked(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"---\ntitle: T\nreview_every: 6 months\n---\nx\n",
			"content/x.md:3:15: error: review_every \"6 months\" is not a period\n\thint: write a number and a unit: \"180d\", \"26w\", \"6m\" or \"1y\""},
		{"---\ntitle: T\nowner: [Platform, Data]\n---\nx\n",
			"content/x.md:3:8: error: owner names 2 owners\n\thint: name one owner, a team or a person, who answers for it; list the others in authors:"},
		{"---\ntitle: T\nreview_every: 90d\nowner: Platform\n---\nx\n", ""},
	} {
		d, ds := parseText(t, c.src)
		var b strings.Builder
		diag.WriteText(&b, ds)
		if c.want == "" && b.String() != "" || !strings.Contains(b.String(), c.want) {
			t.Errorf("%q:\n%s\nwant:\n%s", c.src, b.String(), c.want)
		}
		if c.want == "" && (d.Outline.Owner != "Platform" || d.Params["review_every"] != "90d") {
			t.Errorf("owner %q, review_every %v", d.Outline.Owner, d.Params["review_every"])
		}
	}
}
