package history

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWebAddress: a remote's URL in each form git reads becomes the
// repository's web address, without ".git" and never with the user or
// password a CI checkout puts in it; a folder or a file:// URL is none.
func TestWebAddress(t *testing.T) {
	for remote, want := range map[string]string{
		"https://github.com/acme/handbook.git":                           "https://github.com/acme/handbook",
		"https://github.com/acme/handbook":                               "https://github.com/acme/handbook",
		"https://x-access-token:ghs_SECRET@github.com/acme/handbook.git": "https://github.com/acme/handbook",
		"git@github.com:acme/handbook.git":                               "https://github.com/acme/handbook",
		"ssh://git@gitlab.example.com:2222/group/sub/handbook.git":       "https://gitlab.example.com/group/sub/handbook",
		"gitlab.example.com:group/handbook":                              "https://gitlab.example.com/group/handbook",
		"/srv/git/handbook.git":                                          "",
		"../handbook":                                                    "",
		"file:///srv/git/handbook.git":                                   "",
		"C:\\repos\\handbook":                                            "",
		"https://github.com/acme":                                        "",
		"ext::sh -c evil":                                                "",
	} {
		got, ok := WebAddress(remote)
		if got != want || ok != (want != "") {
			t.Errorf("WebAddress(%q) = %q, %v; want %q", remote, got, ok, want)
		}
	}
}

// TestOrigin reads a repository's origin and branch from its own files,
// for a handbook in a folder of it: the branch origin's HEAD names, else
// the one checked out.
func TestOrigin(t *testing.T) {
	top := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(top, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(top, "docs", "handbook")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := Origin(dir); ok {
		t.Fatal("an origin outside any repository")
	}
	write(".git/HEAD", "ref: refs/heads/feature/x\n")
	write(".git/config", "[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = https://github.com/other/fork.git\n")
	if _, _, ok := Origin(dir); ok {
		t.Fatal("an origin in a repository without one")
	}
	write(".git/config", "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:acme/tools.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n")
	if repo, branch, ok := Origin(dir); !ok || repo != "https://github.com/acme/tools" || branch != "feature/x" {
		t.Errorf("Origin = %q, %q, %v; want the checked-out branch", repo, branch, ok)
	}
	write(".git/refs/remotes/origin/HEAD", "ref: refs/remotes/origin/trunk\n")
	if repo, branch, ok := Origin(dir); !ok || repo != "https://github.com/acme/tools" || branch != "trunk" {
		t.Errorf("Origin = %q, %q, %v; want origin's HEAD, trunk", repo, branch, ok)
	}
}
