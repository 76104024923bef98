package markdown

import (
	"strings"
	"testing"
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
