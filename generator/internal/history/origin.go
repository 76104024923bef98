package history

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	gitconfig "github.com/go-git/go-git/v5/plumbing/format/config"
)

// Origin returns the web address of the repository that holds dir (a
// folder on disk) as its remote "origin" names it, and the branch that
// remote's HEAD names, or else the branch checked out ("" when neither is
// known): what a handbook's edit and history links need. It reads git's
// own files (.git/config, the HEAD files) and runs no git. ok is false
// outside a repository, without an origin, and for an origin that is no
// forge's web address (a folder on disk). An address's user and password
// (a CI token) are never part of what it returns.
func Origin(dir string) (repo, branch string, ok bool) {
	top, _, found := Top(dir)
	if !found {
		return "", "", false
	}
	gitDir := filepath.Join(top, ".git")
	if st, err := os.Stat(gitDir); err != nil || !st.IsDir() {
		return "", "", false // a worktree's or submodule's .git file
	}
	f, err := os.Open(filepath.Join(gitDir, "config"))
	if err != nil {
		return "", "", false
	}
	defer f.Close()
	cfg := gitconfig.New()
	if err := gitconfig.NewDecoder(f).Decode(cfg); err != nil {
		return "", "", false
	}
	repo, ok = WebAddress(cfg.Section("remote").Subsection("origin").Option("url"))
	if !ok {
		return "", "", false
	}
	branch = symref(filepath.Join(gitDir, "refs", "remotes", "origin", "HEAD"), "refs/remotes/origin/")
	if branch == "" {
		branch = symref(filepath.Join(gitDir, "HEAD"), "refs/heads/")
	}
	return repo, branch, true
}

// symref returns the name, after prefix, of the ref a symbolic ref file
// points at ("ref: refs/heads/main"), or "".
func symref(p, prefix string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		return ""
	}
	ref, ok := bytes.CutPrefix(bytes.TrimSpace(b), []byte("ref: "+prefix))
	if !ok || len(ref) == 0 {
		return ""
	}
	return string(ref)
}

// WebAddress returns the web address of a repository from a remote's URL
// as git reads it: https (without user or password), ssh
// (ssh://git@host:port/owner/repo.git) or scp-like (git@host:owner/repo),
// each without ".git"; ok is false for another form (a folder, file://).
func WebAddress(remote string) (string, bool) {
	remote = strings.TrimSpace(remote)
	var host, p string
	if u, err := url.Parse(remote); err == nil && u.Scheme != "" && u.Host != "" {
		switch u.Scheme {
		case "https", "http", "ssh", "git+ssh", "ssh+git":
		default:
			return "", false
		}
		host, p = u.Hostname(), u.Path
	} else if at, rest, ok := strings.Cut(remote, ":"); ok && !strings.ContainsAny(at, "/\\") && !strings.HasPrefix(rest, "//") {
		// scp-like: [user@]host:owner/repo.git
		host, p = at, rest
		if i := strings.LastIndexByte(host, '@'); i >= 0 {
			host = host[i+1:]
		}
	} else {
		return "", false
	}
	p = strings.TrimSuffix(strings.Trim(p, "/"), ".git")
	if host == "" || !strings.Contains(host, ".") || strings.Count(p, "/") < 1 || strings.ContainsAny(host+p, " \t\"'<>\\?#") {
		return "", false
	}
	return "https://" + host + "/" + p, true
}
