package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildDatesPagesFromGit: build run in a repository shows each page's
// last commit; outside one it builds as before, with one note saying why
// the pages show front matter dates only.
func TestBuildDatesPagesFromGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	src := t.TempDir()
	write(t, src, "content/hello.md", "# Hello\n\nA page.\n")
	write(t, src, "site.yaml", "title: T\nbase_url: https://handbook.example.com/\nrepo_url: https://gitlab.com/acme/handbook\n")

	r := runBin(t, "build", "--source", src)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if n := strings.Count(r.stderr, "note: "); n != 1 || !strings.Contains(r.stderr, "note: no git history (") {
		t.Errorf("outside a repository: want one note, got:\n%s", r.stderr)
	}
	if !strings.Contains(r.stdout, "0 warnings; 0 errors") {
		t.Errorf("summary: %s", r.stdout)
	}

	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"add", "content", "site.yaml"},
		{"-c", "user.name=Ada Lovelace", "-c", "user.email=ada@example.com", "commit", "-q", "-m", "first"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = src
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_DATE=2025-03-04T10:00:00Z", "GIT_COMMITTER_DATE=2025-03-04T10:00:00Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	r = runBin(t, "build", "--source", src)
	if r.code != 0 || strings.Contains(r.stderr, "note:") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(src, "public", "hello", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := `<p class="doc-history">Updated <time datetime="2025-03-04">4 March 2025</time> by Ada Lovelace · ` +
		`<a href="https://gitlab.com/acme/handbook/-/edit/main/content/hello.md">Edit this page</a> · ` +
		`<a href="https://gitlab.com/acme/handbook/-/commits/main/content/hello.md">History</a></p>`
	if !strings.Contains(string(b), want) {
		t.Errorf("the page lacks\n%s", want)
	}
}
