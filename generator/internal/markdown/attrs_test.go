package markdown

import (
	"strings"
	"testing"

	"handbook/generator/internal/config"
)

// TestBlockClasses: a class list on the line after a paragraph, or alone
// after a block, is that block's class and not text, nor search text; a
// line that is not only classes stays text.
func TestBlockClasses(t *testing.T) {
	d, ds := parseMode(t, config.RawHTMLSafe, "# T\n\nA lead paragraph.\n{.lead .mb-4}\n\n- a\n- b\n\n{.checklist}\n\n> quote\n\n{ .q }\n\nText {.inline}\n\n{#anchor}\n\n{key=value}\n\n{.c}\n{.d}\n")
	if len(ds) != 0 {
		t.Errorf("diagnostics: %v", ds)
	}
	for _, want := range []string{
		`<p class="lead mb-4">A lead paragraph.</p>`,
		`<ul class="checklist">`,
		`<blockquote class="q">`,
		`<p>Text {.inline}</p>`,
		`<p>{#anchor}</p>`,
		`<p>{key=value}</p>`,
		"<p class=\"d\">{.c}</p>",
	} {
		if !strings.Contains(d.HTML, want) {
			t.Errorf("no %s in\n%s", want, d.HTML)
		}
	}
	if strings.Contains(d.Words, "mb-4") || strings.Contains(d.Words, "checklist") {
		t.Errorf("the classes are search text: %q", d.Words)
	}
}
