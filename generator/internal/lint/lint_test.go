package lint

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeListsEveryRule: README.md's table of lints gives each rule's
// name and its reasoning as the table here says them, so the two cannot
// drift apart.
func TestReadmeListsEveryRule(t *testing.T) {
	b, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, r := range Rules {
		if !strings.Contains(readme, "| `"+r.Name+"` |") || !strings.Contains(readme, r.Why) {
			t.Errorf("README.md does not list lint %s with its reasoning %q", r.Name, r.Why)
		}
	}
}
