package config

import (
	"cmp"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"handbook/generator/internal/diag"
)

// The addresses of a file's editor, of its history and of a folder's
// listing below a repository's address, in the forms of the three
// families of forges. {branch} and {path} are replaced by the branch and
// the path in the repository.
const (
	githubEdit    = "/edit/{branch}/{path}"
	githubHistory = "/commits/{branch}/{path}"
	githubTree    = "/tree/{branch}/{path}"
	gitlabEdit    = "/-/edit/{branch}/{path}"
	gitlabHistory = "/-/commits/{branch}/{path}"
	gitlabTree    = "/-/tree/{branch}/{path}"
	giteaEdit     = "/_edit/{branch}/{path}"
	giteaHistory  = "/commits/branch/{branch}/{path}"
	giteaTree     = "/src/branch/{branch}/{path}"
)

// DefaultBranch is the branch edit and history links name when site.yaml
// sets no repo_branch.
const DefaultBranch = "main"

// forgeForms returns the edit, history and folder patterns of the forge
// at host: GitLab's for gitlab.com and hosts naming gitlab, Gitea's (which
// Forgejo and Codeberg share) for hosts naming gitea, forgejo or codeberg,
// and GitHub's for any other, as GitHub Enterprise and most mirrors use it.
func forgeForms(host string) (edit, history, tree string) {
	h := strings.ToLower(host)
	switch {
	case h == "github.com":
		return githubEdit, githubHistory, githubTree
	case strings.Contains(h, "gitlab"):
		return gitlabEdit, gitlabHistory, gitlabTree
	case strings.Contains(h, "gitea"), strings.Contains(h, "forgejo"), strings.Contains(h, "codeberg"):
		return giteaEdit, giteaHistory, giteaTree
	}
	return githubEdit, githubHistory, githubTree
}

var placeholderRE = regexp.MustCompile(`\{[^{}]*\}`)

// checkRepo reads repo_url, repo_branch, repo_path, edit_url and
// history_url into the patterns of EditLink and HistoryLink. A repo_url
// that is not an http(s) address, a repo_path that leaves the repository,
// and a pattern that is not an http(s) address or names a placeholder
// other than {branch} and {path} are errors at their values; the links
// they would give are not made.
func (s *Site) checkRepo(doc *yaml.Node, diags *diag.List) {
	bad := func(key, msg, hint string) {
		l, c := 0, 0
		if n := child(doc, key); n != nil {
			l, c = n.Line, n.Column
		}
		diags.Add(diag.Diagnostic{Path: FileName, Offset: -1, Line: l, Col: c, Severity: diag.Error, Message: msg, Hint: hint})
	}
	if s.RepoBranch == "" {
		s.RepoBranch = DefaultBranch
	}
	s.RepoPath = strings.Trim(s.RepoPath, "/")
	if s.RepoPath != "" && !LocalPath(s.RepoPath) {
		bad("repo_path", fmt.Sprintf("repo_path %q is not a folder inside the repository", s.RepoPath),
			`name the handbook's folder from the repository's top, such as "docs/handbook"`)
		s.RepoPath = ""
	}
	if s.RepoURL != "" {
		if u, ok := httpURL(s.RepoURL); !ok || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			bad("repo_url", fmt.Sprintf("repo_url %q is not the http(s) address of a repository", s.RepoURL),
				`write the address the repository's page has in a browser, such as "https://github.com/acme/handbook"`)
		} else {
			base := strings.TrimSuffix(strings.TrimRight(s.RepoURL, "/"), ".git")
			edit, history, tree := forgeForms(u.Hostname())
			s.editPattern, s.historyPattern, s.treePattern = base+edit, base+history, base+tree
		}
	}
	for _, p := range []struct {
		key     string
		value   string
		pattern *string
	}{{"edit_url", s.EditURL, &s.editPattern}, {"history_url", s.HistoryURL, &s.historyPattern}} {
		if p.value == "" {
			continue
		}
		ok := true
		for _, ph := range placeholderRE.FindAllString(p.value, -1) {
			if ph == "{branch}" || ph == "{path}" {
				continue
			}
			hint := "the placeholders are {branch} and {path}"
			if sug := diag.Suggest(strings.Trim(ph, "{}"), []string{"branch", "path"}); sug != "" {
				hint = fmt.Sprintf("did you mean {%s}? %s", sug, hint)
			}
			bad(p.key, fmt.Sprintf("%s names an unknown placeholder %s", p.key, ph), hint)
			ok = false
		}
		if _, isHTTP := httpURL(placeholderRE.ReplaceAllString(p.value, "x")); !isHTTP {
			bad(p.key, fmt.Sprintf("%s %q is not an http(s) address", p.key, p.value),
				`write the address with {branch} and {path} where they go, such as "https://git.example.com/acme/handbook/edit/{branch}/{path}"`)
			ok = false
		}
		if ok {
			*p.pattern = p.value
		} else {
			*p.pattern = ""
		}
	}
}

// repoFromEdit sets the repository, branch and folder of a site from the
// address another generator prefixes to a page's path to edit it, in the
// form of GitHub, GitLab and Gitea (https://github.com/acme/docs/edit/main/
// site/docs/: repository, /edit/, /tree/ or /blob/, branch, folder), and
// reports whether it could. contentDir is the part of the folder the
// generator's page paths start after ("docs" for MkDocs' edit_uri): the
// handbook's paths start before it. Nothing is set for another form.
func (s *Site) repoFromEdit(prefix, contentDir string) bool {
	u, ok := httpURL(prefix)
	if !ok || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i := 2; i+1 < len(segs); i++ {
		switch segs[i] {
		case "edit", "tree", "blob", "_edit":
		default:
			continue
		}
		repo := segs[:i]
		if repo[len(repo)-1] == "-" { // GitLab's /-/edit/
			repo = repo[:len(repo)-1]
		}
		dir := strings.Join(segs[i+2:], "/")
		if contentDir != "" && contentDir != "." {
			if dir != contentDir && !strings.HasSuffix(dir, "/"+contentDir) {
				return false
			}
			dir = strings.TrimSuffix(strings.TrimSuffix(dir, contentDir), "/")
		}
		if len(repo) < 2 || !LocalPath(cmp.Or(dir, ".")) {
			return false
		}
		u.Path = "/" + strings.Join(repo, "/")
		s.RepoURL, s.RepoBranch, s.RepoPath = u.String(), segs[i+1], dir
		return true
	}
	return false
}

// SetOrigin takes the repository that git's origin names, and its
// branch ("" for the default), as repo_url and repo_branch when no
// site.yaml is there to name them and no other generator's configuration
// named one: a repository's handbook links its pages to their files with
// no settings at all. A repository another generator names without a
// branch (MkDocs' repo_url without edit_uri) is taken with origin's
// branch. It reports whether it took them.
func (s *Site) SetOrigin(repo, branch string) bool {
	if s.from == FileName || s.RepoURL != "" {
		return false
	}
	if s.namedRepo != "" {
		repo = s.namedRepo
	}
	s.RepoURL, s.RepoBranch = repo, branch
	s.checkRepo(nil, &diag.List{})
	if s.editPattern == "" {
		s.RepoURL, s.RepoBranch = "", DefaultBranch
		return false
	}
	if s.namedRepo != "" {
		s.origin = fmt.Sprintf("the branch of the repository %s names (%s) is the one git's origin names", s.from, s.RepoBranch)
	} else {
		s.origin = fmt.Sprintf("the repository (%s, branch %s) is the one git's origin names", repo, s.RepoBranch)
	}
	return true
}

// httpURL parses an absolute http or https address with a host.
func httpURL(s string) (*url.URL, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, false
	}
	return u, true
}

// EditLink returns the address of the page where the file at source (a
// slash path from the handbook's root) is edited in its repository, or ""
// when site.yaml names neither repo_url nor edit_url.
func (s *Site) EditLink(source string) string {
	return s.expand(s.editPattern, source)
}

// TreeLink returns the address of the listing of the folder at source (a
// slash path from the handbook's root) in its repository, or "" when
// site.yaml names no repo_url.
func (s *Site) TreeLink(source string) string {
	return s.expand(s.treePattern, source)
}

// HistoryLink returns the address of the list of the commits that changed
// the file at source in its repository, or "" when site.yaml names
// neither repo_url nor history_url.
func (s *Site) HistoryLink(source string) string {
	return s.expand(s.historyPattern, source)
}

// expand fills a pattern's placeholders, each path segment escaped.
func (s *Site) expand(pattern, source string) string {
	if pattern == "" {
		return ""
	}
	branch := s.RepoBranch
	if branch == "" {
		branch = DefaultBranch
	}
	out := strings.ReplaceAll(pattern, "{branch}", escapeSegments(branch))
	return strings.ReplaceAll(out, "{path}", escapeSegments(path.Join(s.RepoPath, source)))
}

// escapeSegments escapes each segment of a slash path for a URL's path.
func escapeSegments(p string) string {
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		segs[i] = url.PathEscape(seg)
	}
	return strings.Join(segs, "/")
}
