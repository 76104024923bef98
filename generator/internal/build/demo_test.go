package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"handbook/generator/internal/publish"
)

var assetHash = regexp.MustCompile(`assets/([a-z]+)\.[A-Za-z0-9]{8}\.(css|js)`)

// repoRoot is the repository holding the demo handbook.
const repoRoot = "../../.."

func buildDemo(t *testing.T) (*publish.Memory, *Result) {
	t.Helper()
	out := publish.NewMemory()
	res := Run(os.DirFS(repoRoot), out, Options{Now: testNow})
	return out, res
}

// TestDemoHandbookBuildsClean builds content/ of the repository: every
// kind is present in the numbers the content brief names, and nothing is
// reported.
func TestDemoHandbookBuildsClean(t *testing.T) {
	out, res := buildDemo(t)
	var b strings.Builder
	for _, d := range res.Diags.All() {
		b.WriteString(d.String() + "\n")
	}
	if b.Len() > 0 {
		t.Errorf("the demo handbook has diagnostics:\n%s", b.String())
	}
	counts := map[string]int{}
	for _, d := range res.Site.Docs {
		counts[string(d.Kind)]++
	}
	atLeast := map[string]int{"strategy": 5, "vision": 1, "design-doc": 5, "decision": 10, "checklist": 3, "page": 7}
	for k, n := range atLeast {
		if counts[k] < n {
			t.Errorf("demo has %d documents of kind %s, want at least %d", counts[k], k, n)
		}
	}
	if len(res.Site.Paths) == 0 || len(res.Site.Paths[0].Steps) < 5 {
		t.Errorf("demo has no reading path for new hires")
	}
	if _, ok := out.Get("paths/new-hire/index.html"); !ok {
		t.Errorf("no page for the new-hire reading path")
	}
}

// TestDemoGoldenPages compares a few demo pages with golden files; rewrite
// them with go test -update after an intended change.
func TestDemoGoldenPages(t *testing.T) {
	out, _ := buildDemo(t)
	for _, p := range []string{
		"index.html",
		"strategies/databases/index.html",
		"decisions/0004-kafka-event-backbone/index.html",
		"onboarding/staff-first-90-days/index.html",
		"paths/new-hire/index.html",
		"decisions/index.html",
		"decisions/recurring/index.html",
	} {
		b, ok := out.Get(p)
		if !ok {
			t.Errorf("%s was not written", p)
			continue
		}
		// Asset hashes change with every stylesheet edit; the pages' HTML is what is pinned.
		html := assetHash.ReplaceAllString(string(b), "assets/$1.HASH.$2")
		golden(t, filepath.Join("demo", p), html)
	}
}
