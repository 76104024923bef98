package diag

import "testing"

// TestSuggest: a mistyped or shortened name gets the candidate it most
// likely means, and a word like none of them gets nothing.
func TestSuggest(t *testing.T) {
	kinds := []string{"page", "strategy", "vision", "design-doc", "decision", "checklist"}
	for _, c := range []struct{ word, want string }{
		{"design", "design-doc"}, // cut short, not "decision", as far in edits
		{"decison", "decision"},
		{"Strategy", "strategy"},
		{"checklst", "checklist"},
		{"de", ""}, // too short to be a beginning
		{"runbook", ""},
	} {
		if got := Suggest(c.word, kinds); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	if got := Suggest("own", []string{"owner", "down", "title"}); got != "owner" {
		t.Errorf("Suggest(own) = %q, want owner", got)
	}
}
