package config

import (
	"strings"
	"testing"

	"handbook/generator/internal/diag"
)

// TestRepoLinks: repo_url gives each file the edit and history links of
// its forge, chosen from the host, with repo_branch and repo_path; edit_url
// and history_url override them.
func TestRepoLinks(t *testing.T) {
	const src = "content/strategies/data bases.md"
	for _, c := range []struct {
		name, yaml    string
		edit, history string
	}{
		{"github", "repo_url: https://github.com/acme/handbook",
			"https://github.com/acme/handbook/edit/main/content/strategies/data%20bases.md",
			"https://github.com/acme/handbook/commits/main/content/strategies/data%20bases.md"},
		{"github enterprise, .git and slash trimmed", "repo_url: https://code.acme.example/eng/handbook.git/\nrepo_branch: trunk",
			"https://code.acme.example/eng/handbook/edit/trunk/content/strategies/data%20bases.md",
			"https://code.acme.example/eng/handbook/commits/trunk/content/strategies/data%20bases.md"},
		{"gitlab.com in a subfolder", "repo_url: https://gitlab.com/acme/eng/monorepo\nrepo_path: /docs/handbook/",
			"https://gitlab.com/acme/eng/monorepo/-/edit/main/docs/handbook/content/strategies/data%20bases.md",
			"https://gitlab.com/acme/eng/monorepo/-/commits/main/docs/handbook/content/strategies/data%20bases.md"},
		{"self-hosted gitlab", "repo_url: https://GitLab.acme.example/eng/handbook",
			"https://GitLab.acme.example/eng/handbook/-/edit/main/content/strategies/data%20bases.md",
			"https://GitLab.acme.example/eng/handbook/-/commits/main/content/strategies/data%20bases.md"},
		{"gitea", "repo_url: http://gitea.acme.example/eng/handbook\nrepo_branch: release/2026",
			"http://gitea.acme.example/eng/handbook/_edit/release/2026/content/strategies/data%20bases.md",
			"http://gitea.acme.example/eng/handbook/commits/branch/release/2026/content/strategies/data%20bases.md"},
		{"codeberg in a subfolder", "repo_url: https://codeberg.org/acme/site\nrepo_path: handbook",
			"https://codeberg.org/acme/site/_edit/main/handbook/content/strategies/data%20bases.md",
			"https://codeberg.org/acme/site/commits/branch/main/handbook/content/strategies/data%20bases.md"},
		{"forgejo", "repo_url: https://forgejo.acme.example/eng/handbook",
			"https://forgejo.acme.example/eng/handbook/_edit/main/content/strategies/data%20bases.md",
			"https://forgejo.acme.example/eng/handbook/commits/branch/main/content/strategies/data%20bases.md"},
		{"edit_url overrides", "repo_url: https://github.com/acme/handbook\nrepo_path: docs\nedit_url: https://cms.acme.example/edit?file={path}&ref={branch}",
			"https://cms.acme.example/edit?file=docs/content/strategies/data%20bases.md&ref=main",
			"https://github.com/acme/handbook/commits/main/docs/content/strategies/data%20bases.md"},
		{"patterns without repo_url", "history_url: https://git.acme.example/log/{branch}/{path}",
			"",
			"https://git.acme.example/log/main/content/strategies/data%20bases.md"},
		{"none", "title: T", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l diag.List
			s := Parse([]byte(c.yaml+"\n"), &l)
			if ds := l.All(); len(ds) > 0 {
				t.Fatalf("diagnostics: %v", ds)
			}
			if got := s.EditLink(src); got != c.edit {
				t.Errorf("edit link\n got %s\nwant %s", got, c.edit)
			}
			if got := s.HistoryLink(src); got != c.history {
				t.Errorf("history link\n got %s\nwant %s", got, c.history)
			}
		})
	}
}

// TestRepoErrors: a repo_url that is not an http(s) address, a pattern
// with an unknown placeholder or another scheme, and a repo_path that
// leaves the repository are errors at their values, and make no links.
func TestRepoErrors(t *testing.T) {
	var l diag.List
	s := Parse([]byte("title: T\nrepo_url: git@github.com:acme/handbook.git\n"+
		"edit_url: https://x.example/{branch}/{pth}\n"+
		"history_url: javascript:alert({path})\n"+
		"repo_path: ../up\n"), &l)
	var got strings.Builder
	diag.WriteText(&got, l.All())
	for _, want := range []string{
		`site.yaml:2:11: error: repo_url "git@github.com:acme/handbook.git" is not the http(s) address of a repository`,
		`site.yaml:3:11: error: edit_url names an unknown placeholder {pth}`,
		`hint: did you mean {path}?`,
		`site.yaml:4:14: error: history_url "javascript:alert({path})" is not an http(s) address`,
		`site.yaml:5:12: error: repo_path "../up" is not a folder inside the repository`,
	} {
		if !strings.Contains(got.String(), want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got.String())
		}
	}
	if e, h := s.EditLink("content/a.md"), s.HistoryLink("content/a.md"); e != "" || h != "" {
		t.Errorf("links made from a wrong configuration: %q, %q", e, h)
	}
	for _, bad := range []string{"ftp://github.com/a/b", "/acme/handbook", "https://", "github.com/acme/handbook"} {
		var l diag.List
		Parse([]byte("repo_url: "+bad+"\n"), &l)
		if len(l.All()) != 1 {
			t.Errorf("repo_url %q: %v, want one error", bad, l.All())
		}
	}
}
