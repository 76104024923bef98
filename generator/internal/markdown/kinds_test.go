package markdown

import (
	"strings"
	"testing"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// TestRequiredKeysFollowTheKindTable: what a kind requires, and the status
// it gets when none is written, come from handbook.KindTable.
func TestRequiredKeysFollowTheKindTable(t *testing.T) {
	for _, c := range []struct {
		kind, fm string
		want     string // a diagnostic's text, "" for none
		status   string // the document's status afterwards
	}{
		{"vision", "title: V\nstatus: draft\ndate: 2026-01-02\n", "error: vision has no horizon", "draft"},
		{"vision", "title: V\nstatus: draft\ndate: 2026-01-02\nhorizon:\n", "error: vision has no horizon", "draft"},
		{"vision", "title: V\nstatus: draft\ndate: 2026-01-02\nhorizon: 2029\n", "", "draft"},
		{"vision", "title: V\nstatus: draft\ndate: 2026-01-02\nhorizon: 2035\n", "", "draft"}, // the horizon's distance is lint vision-horizon's
		{"decision", "title: D\nstatus: accepted\n", "error: decision has no date", "accepted"},
		{"decision", "title: D\nstatus: accepted\ndate: 2026-01-02\n", "", "accepted"},
		{"strategy", "title: S\n", "error: strategy has no status", ""},
		{"design-doc", "title: S\n", "error: design document has no status", ""},
		{"checklist", "title: C\n", "", "active"},
		{"page", "title: P\n", "", ""},
	} {
		p := New(Options{KindOf: func(string) handbook.Kind { return handbook.Kind(c.kind) }})
		doc := &handbook.Document{Path: "x/a.md", SourcePath: "content/x/a.md", Section: "x", Source: []byte("---\n" + c.fm + "---\n\nBody.\n")}
		diags := &diag.List{}
		diags.AddSource(doc.SourcePath, doc.Source)
		p.Parse(doc, diags)
		var got []string
		for _, d := range diags.All() {
			got = append(got, d.Severity.String()+": "+d.Message)
		}
		if c.want == "" && len(got) > 0 || c.want != "" && !strings.Contains(strings.Join(got, "\n"), c.want) {
			t.Errorf("%s with %q: diagnostics %q, want %q", c.kind, c.fm, got, c.want)
		}
		if doc.Status != c.status {
			t.Errorf("%s with %q: status %q, want %q", c.kind, c.fm, doc.Status, c.status)
		}
	}
}
