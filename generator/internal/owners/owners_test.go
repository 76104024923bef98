package owners

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/diag"
)

// The rules of GitHub's own example of a CODEOWNERS file.
const github = `# Lines starting with '#' are comments.
*       @global-owner1 @global-owner2
*.js    @js-owner #This is an inline comment.
*.go docs@example.com
/build/logs/ @doctocat
docs/*  docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github
`

func TestOwnerFollowsTheLastMatchingRule(t *testing.T) {
	var diags diag.List
	tab := Read(fstest.MapFS{".github/CODEOWNERS": {Data: []byte(github)}}, &diags)
	if tab == nil || tab.Path != ".github/CODEOWNERS" {
		t.Fatalf("Read = %+v, want the file in .github/", tab)
	}
	for _, c := range []struct{ path, owner string }{
		{"README.md", "@global-owner1"}, // the first owner a rule names
		{"src/app.js", "@js-owner"},
		{"main.go", "docs@example.com"},
		{"build/logs/today.md", "@octocat"}, // **/logs comes later
		{"docs/getting-started.md", "@doctocat"},
		{"docs/build-app/troubleshooting.md", "@doctocat"},
		{"deeply/nested/logs/a.md", "@octocat"},
		{"apps/readme.md", "@octocat"},
		{"apps/github/readme.md", ""}, // a rule without owners
		{"scripts/run.md", "@doctocat"},
	} {
		if got, _ := tab.Owner(c.path); got != c.owner {
			t.Errorf("Owner(%q) = %q, want %q", c.path, got, c.owner)
		}
	}
	if len(diags.All()) != 0 {
		t.Errorf("diagnostics: %v", diags.All())
	}
}

func TestOwnerOfAFolderStarIsNotNested(t *testing.T) {
	tab := Read(fstest.MapFS{"CODEOWNERS": {Data: []byte("docs/* @docs\n")}}, &diag.List{})
	if got, line := tab.Owner("docs/guide.md"); got != "@docs" || line != 1 {
		t.Errorf("docs/guide.md: %q at line %d, want @docs at 1", got, line)
	}
	if got, _ := tab.Owner("docs/deep/guide.md"); got != "" {
		t.Errorf("docs/deep/guide.md: %q, want no owner (docs/* is the folder's own files)", got)
	}
}

func TestGitLabSectionsGiveTheirOwners(t *testing.T) {
	src := "[Documentation] @docs-team\ncontent/ \n^[Design][2] @design\ncontent/design/ @alice\n"
	tab := Read(fstest.MapFS{".gitlab/CODEOWNERS": {Data: []byte(src)}}, &diag.List{})
	if got, _ := tab.Owner("content/a.md"); got != "@docs-team" {
		t.Errorf("content/a.md: %q, want the section's @docs-team", got)
	}
	if got, _ := tab.Owner("content/design/b.md"); got != "@alice" {
		t.Errorf("content/design/b.md: %q, want @alice", got)
	}
}

func TestABadLineIsReportedAndSkipped(t *testing.T) {
	src := "* @everyone\n\n  strategies/ strategies\n!drafts/ @nobody\nmy\\ notes/ @me\n"
	var diags diag.List
	tab := Read(fstest.MapFS{"CODEOWNERS": {Data: []byte(src)}}, &diags)
	ds := diags.All()
	if len(ds) != 1 || ds[0].Line != 3 || ds[0].Col != 15 || ds[0].Severity != diag.Warning ||
		!strings.Contains(ds[0].Message, `"strategies" is not an owner`) {
		t.Fatalf("diagnostics: %v, want one warning at 3:15 about the owner strategies, not the pattern", ds)
	}
	if got, _ := tab.Owner("strategies/a.md"); got != "@everyone" {
		t.Errorf("strategies/a.md: %q, want @everyone (the bad line left out)", got)
	}
	if got, _ := tab.Owner("drafts/a.md"); got != "@everyone" {
		t.Errorf("drafts/a.md: %q, want @everyone (a negation matches nothing)", got)
	}
	if got, _ := tab.Owner("my notes/a.md"); got != "@me" {
		t.Errorf("my notes/a.md: %q, want @me (an escaped space)", got)
	}
}

func TestNoFileNoOwners(t *testing.T) {
	tab := Read(fstest.MapFS{"content/CODEOWNERS.md": {Data: []byte("x")}}, &diag.List{})
	if tab != nil {
		t.Fatalf("Read = %+v, want nil", tab)
	}
	if got, _ := tab.Owner("a.md"); got != "" {
		t.Errorf("a nil table gives %q", got)
	}
}

// A handbook in a folder of a code repository is owned as the file at the
// repository's top says, its patterns read from there; a handbook at the
// top reads its own (Read), and one in no repository has none.
func TestReadRepositoryAboveTheHandbook(t *testing.T) {
	top := t.TempDir()
	for _, dir := range []string{".git", ".github", "docs/handbook/content"} {
		if err := os.MkdirAll(filepath.Join(top, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	src := "* @acme/code\n/docs/handbook/ @acme/writers\n/docs/handbook/content/adr/ bad\n"
	if err := os.WriteFile(filepath.Join(top, ".github", "CODEOWNERS"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	tab := ReadRepository(filepath.Join(top, "docs", "handbook"), &diags)
	if tab == nil || tab.Path != "../../.github/CODEOWNERS" {
		t.Fatalf("ReadRepository = %+v, want the file two folders up", tab)
	}
	if got, line := tab.Owner("content/a.md"); got != "@acme/writers" || line != 2 {
		t.Errorf("content/a.md: %q at line %d, want @acme/writers at 2", got, line)
	}
	if ds := diags.All(); len(ds) != 1 || ds[0].Path != "../../.github/CODEOWNERS" || ds[0].Line != 3 {
		t.Errorf("diagnostics %v, want one at ../../.github/CODEOWNERS:3", ds)
	}
	if tab := ReadRepository(top, &diag.List{}); tab != nil {
		t.Errorf("at the repository's top: %+v, want nil (Read reads it)", tab)
	}
	if err := os.RemoveAll(filepath.Join(top, ".git")); err != nil {
		t.Fatal(err)
	}
	if tab := ReadRepository(filepath.Join(top, "docs", "handbook"), &diag.List{}); tab != nil && strings.HasPrefix(tab.Path, "../../") {
		t.Errorf("outside a repository: %+v, want nil", tab)
	}
}

// The rules indexed by their top folder give the owner a walk through
// every rule, last to first, gives: on random files of random patterns,
// anchored or not, with wildcards and trailing slashes.
func TestIndexedRulesMatchAsAll(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	segs := []string{"docs", "content", "adr", "*", "**", "a*", "x.md", "*.md", "logs"}
	pick := func() string { return segs[rng.IntN(len(segs))] }
	for round := range 200 {
		var src strings.Builder
		for i := range 12 {
			var p []string
			for range 1 + rng.IntN(3) {
				p = append(p, pick())
			}
			pat := strings.Join(p, "/")
			if rng.IntN(2) == 0 {
				pat = "/" + pat
			}
			if rng.IntN(3) == 0 {
				pat += "/"
			}
			fmt.Fprintf(&src, "%s @o%d\n", pat, i)
		}
		tab := Read(fstest.MapFS{"CODEOWNERS": {Data: []byte(src.String())}}, &diag.List{})
		all := *tab
		all.byTop, all.anywhere = nil, nil
		for i := range all.rules {
			all.anywhere = append(all.anywhere, i)
		}
		for range 30 {
			var p []string
			for range 1 + rng.IntN(4) {
				p = append(p, strings.NewReplacer("*", "z").Replace(pick()))
			}
			file := strings.Join(p, "/")
			got, gl := tab.Owner(file)
			want, wl := all.Owner(file)
			if got != want || gl != wl {
				t.Fatalf("round %d, %s: indexed %q (line %d), all %q (line %d)\n%s", round, file, got, gl, want, wl, src.String())
			}
		}
	}
}
