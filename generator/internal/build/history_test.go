package build

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"handbook/generator/internal/publish"
)

// gitRepo is a copy of the demo handbook (content/ and site.yaml) in a
// temporary folder, for tests of what git knows.
type gitRepo struct {
	t   *testing.T
	dir string
}

func newDemoCopy(t *testing.T) *gitRepo {
	t.Helper()
	dir := t.TempDir()
	src := os.DirFS(repoRoot)
	err := fs.WalkDir(src, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return err
		}
		return os.WriteFile(f, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(repoRoot, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r := &gitRepo{t: t, dir: dir}
	r.write("site.yaml", string(b))
	return r
}

// newDemoRepo is newDemoCopy in a git repository: every file committed
// by Ada Lovelace on 29 October 2026 (after every date the demo's front
// matter gives), then databases.md changed by Grace Hopper on 30 October.
func newDemoRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := newDemoCopy(t)
	r.git(nil, "init", "-q", "-b", "main")
	r.commit("Ada Lovelace", "2026-10-29T09:00:00+02:00")
	r.append("content/strategies/databases.md", "\nA sentence added later.\n")
	r.commit("Grace Hopper", "2026-10-30T16:30:00Z")
	return r
}

// git runs git in the repository, reading neither the user's nor the
// system's configuration.
func (r *gitRepo) git(env []string, args ...string) {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func (r *gitRepo) commit(author, date string) {
	r.t.Helper()
	r.git(nil, "add", "-A")
	r.git([]string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date},
		"-c", "user.name="+author, "-c", "user.email=someone@example.com", "commit", "-q", "-m", "change by "+author)
}

func (r *gitRepo) write(p, text string) {
	r.t.Helper()
	f := filepath.Join(r.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *gitRepo) append(p, text string) {
	r.t.Helper()
	b, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(p)))
	if err != nil {
		r.t.Fatal(err)
	}
	r.write(p, string(b)+text)
}

// historyBase is the base URL of the history tests' builds: the sitemap,
// whose dates they read, needs one with a host.
const historyBase = "https://handbook.example.com/"

// build builds the handbook in dir from disk, with its history.
func buildDir(t *testing.T, dir string) (*publish.Memory, *Result) {
	t.Helper()
	out := publish.NewMemory()
	res := Run(os.DirFS(dir), out, Options{Now: testNow, Source: dir, BaseURL: historyBase})
	if res.Errors > 0 {
		t.Fatalf("build failed: %v", res.Diags.All())
	}
	return out, res
}

func file(t *testing.T, out *publish.Memory, p string) string {
	t.Helper()
	b, ok := out.Get(p)
	if !ok {
		t.Fatalf("%s was not written", p)
	}
	return string(b)
}

var updatedLine = regexp.MustCompile(`<p class="doc-history">[^\n]*</p>`)

// TestPagesShowWhatGitKnows: a document's page says when its file last
// changed and who changed it, from the repository's history, and the
// sitemap and the feed date it so.
func TestPagesShowWhatGitKnows(t *testing.T) {
	r := newDemoRepo(t)
	out, res := buildDir(t, r.dir)
	if len(res.Notes) > 0 || res.Warnings > 0 {
		t.Errorf("notes %v, %d warnings; want none", res.Notes, res.Warnings)
	}
	for page, want := range map[string]string{
		"strategies/databases/index.html":           `<p class="doc-history">Updated <time datetime="2026-10-30">30 October 2026</time> by Grace Hopper</p>`,
		"onboarding/engineer-first-week/index.html": `<p class="doc-history">Updated <time datetime="2026-10-29">29 October 2026</time> by Ada Lovelace</p>`,
	} {
		if got := updatedLine.FindString(file(t, out, page)); got != want {
			t.Errorf("%s:\n got %s\nwant %s", page, got, want)
		}
	}
	sitemap := file(t, out, "sitemap.xml")
	for _, want := range []string{
		"<loc>https://handbook.example.com/strategies/databases/</loc>\n    <lastmod>2026-10-30</lastmod>",
		"<loc>https://handbook.example.com/onboarding/engineer-first-week/</loc>\n    <lastmod>2026-10-29</lastmod>",
	} {
		if !strings.Contains(sitemap, want) {
			t.Errorf("sitemap.xml lacks %q", want)
		}
	}
	feed := file(t, out, "feed.xml")
	first := feed[strings.Index(feed, "<entry>"):]
	first = first[:strings.Index(first, "</entry>")]
	if !strings.Contains(first, "<id>https://handbook.example.com/strategies/databases/</id>") || !strings.Contains(first, "<updated>2026-10-30T16:30:00Z</updated>") {
		t.Errorf("the feed's newest entry is not the last commit's document:\n%s", first)
	}
	if !strings.Contains(feed, "<updated>2026-10-29T09:00:00+02:00</updated>") {
		t.Errorf("the feed carries no entry dated by the first commit")
	}

	// A later front matter review date is later than the commit: it wins
	// in the sitemap, while the page still says what git knows.
	r.write("content/strategies/databases.md", strings.Replace(readFile(t, r.dir, "content/strategies/databases.md"), "reviewed: 2026-05-18", "reviewed: 2026-10-31", 1))
	r.commit("Grace Hopper", "2026-10-30T20:00:00Z")
	out, _ = buildDir(t, r.dir)
	if !strings.Contains(file(t, out, "sitemap.xml"), "<loc>https://handbook.example.com/strategies/databases/</loc>\n    <lastmod>2026-10-31</lastmod>") {
		t.Errorf("sitemap's lastmod is not the latest of the commit and the review")
	}
	if got := updatedLine.FindString(file(t, out, "strategies/databases/index.html")); !strings.Contains(got, "30 October 2026</time> by Grace Hopper") {
		t.Errorf("page after a second commit: %s", got)
	}
}

func readFile(t *testing.T, dir, p string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestWithoutGit: a handbook that is not in a repository, or a machine
// without git, builds as before, with front matter dates only, and one
// note saying why.
func TestWithoutGit(t *testing.T) {
	check := func(t *testing.T, dir, why string) {
		t.Helper()
		out, res := buildDir(t, dir)
		if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], why) {
			t.Errorf("notes %q, want one saying %q", res.Notes, why)
		}
		if res.Warnings > 0 {
			t.Errorf("%d warnings: %v", res.Warnings, res.Diags.All())
		}
		if got := updatedLine.FindString(file(t, out, "strategies/databases/index.html")); got != "" {
			t.Errorf("a page without history shows %s", got)
		}
		if !strings.Contains(file(t, out, "sitemap.xml"), "<loc>https://handbook.example.com/strategies/databases/</loc>\n    <lastmod>2026-05-18</lastmod>") {
			t.Errorf("the sitemap does not fall back on the front matter's reviewed date")
		}
	}
	t.Run("not a repository", func(t *testing.T) {
		if _, err := exec.LookPath("git"); err != nil {
			t.Skip("git is not installed")
		}
		check(t, newDemoCopy(t).dir, "not in a git repository")
	})
	t.Run("no git", func(t *testing.T) {
		dir := newDemoCopy(t).dir
		t.Setenv("PATH", t.TempDir())
		check(t, dir, "git is not installed")
	})
}

// TestShallowClone: a shallow clone builds with one warning; documents
// changed within it are dated, the others show their front matter.
func TestShallowClone(t *testing.T) {
	r := newDemoRepo(t)
	clone := filepath.Join(t.TempDir(), "clone")
	r.git(nil, "clone", "-q", "--depth", "1", "file://"+r.dir, clone)
	_, res := buildDir(t, clone)
	if res.Warnings != 1 || len(res.Notes) != 0 {
		t.Fatalf("%d warnings, notes %q; want one warning: %v", res.Warnings, res.Notes, res.Diags.All())
	}
	if w := res.Diags.All()[0]; w.Path != "content" || !strings.Contains(w.Message, "shallow clone") {
		t.Errorf("warning: %s", w)
	}

	r.append("content/onboarding/engineer-first-week.md", "\nOne more step.\n")
	r.commit("Margaret Hamilton", "2026-10-31T10:00:00Z")
	clone = filepath.Join(t.TempDir(), "clone2")
	r.git(nil, "clone", "-q", "--depth", "2", "file://"+r.dir, clone)
	out, _ := buildDir(t, clone)
	if got := updatedLine.FindString(file(t, out, "onboarding/engineer-first-week/index.html")); !strings.Contains(got, "31 October 2026</time> by Margaret Hamilton") {
		t.Errorf("a document changed within the clone: %q", got)
	}
	if got := updatedLine.FindString(file(t, out, "strategies/databases/index.html")); got != "" {
		t.Errorf("a document last changed before the clone's cut shows %s", got)
	}
}

// TestEditAndHistoryLinks: repo_url gives every document links to its
// editor and its history in the form of its forge; repo_path places the
// handbook in the repository; edit_url overrides the form.
func TestEditAndHistoryLinks(t *testing.T) {
	const doc = "content/guides/first steps.md"
	for _, c := range []struct {
		name, yaml    string
		edit, history string
	}{
		{"github", "repo_url: https://github.com/acme/handbook",
			"https://github.com/acme/handbook/edit/main/content/guides/first%20steps.md",
			"https://github.com/acme/handbook/commits/main/content/guides/first%20steps.md"},
		{"github in a subfolder", "repo_url: https://github.com/acme/monorepo/\nrepo_path: docs/handbook\nrepo_branch: trunk",
			"https://github.com/acme/monorepo/edit/trunk/docs/handbook/content/guides/first%20steps.md",
			"https://github.com/acme/monorepo/commits/trunk/docs/handbook/content/guides/first%20steps.md"},
		{"gitlab", "repo_url: https://gitlab.com/acme/handbook",
			"https://gitlab.com/acme/handbook/-/edit/main/content/guides/first%20steps.md",
			"https://gitlab.com/acme/handbook/-/commits/main/content/guides/first%20steps.md"},
		{"gitlab in a subfolder", "repo_url: https://gitlab.acme.example/eng/monorepo\nrepo_path: handbook",
			"https://gitlab.acme.example/eng/monorepo/-/edit/main/handbook/content/guides/first%20steps.md",
			"https://gitlab.acme.example/eng/monorepo/-/commits/main/handbook/content/guides/first%20steps.md"},
		{"gitea", "repo_url: https://gitea.acme.example/eng/handbook",
			"https://gitea.acme.example/eng/handbook/_edit/main/content/guides/first%20steps.md",
			"https://gitea.acme.example/eng/handbook/commits/branch/main/content/guides/first%20steps.md"},
		{"codeberg in a subfolder", "repo_url: https://codeberg.org/acme/site\nrepo_path: handbook",
			"https://codeberg.org/acme/site/_edit/main/handbook/content/guides/first%20steps.md",
			"https://codeberg.org/acme/site/commits/branch/main/handbook/content/guides/first%20steps.md"},
		{"edit_url overrides", "repo_url: https://github.com/acme/handbook\nedit_url: https://cms.acme.example/edit?file={path}&branch={branch}",
			"https://cms.acme.example/edit?file=content/guides/first%20steps.md&amp;branch=main",
			"https://github.com/acme/handbook/commits/main/content/guides/first%20steps.md"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := buildSite(t, "-- site.yaml --\n"+c.yaml+"\n-- "+doc+" --\n# First steps\n\nHello.\n")
			s.noDiags()
			page, _ := s.out.Get("guides/first-steps/index.html")
			want := `<p class="doc-history"><a href="` + c.edit + `">Edit this page</a> · <a href="` + c.history + `">History</a></p>`
			if got := updatedLine.FindString(string(page)); got != want {
				t.Errorf("\n got %s\nwant %s", got, want)
			}
			if tags, _ := s.out.Get("404.html"); strings.Contains(string(tags), "Edit this page") {
				t.Errorf("a generated page links to an editor")
			}
		})
	}
	t.Run("with history", func(t *testing.T) {
		r := newDemoRepo(t)
		r.append("site.yaml", "repo_url: https://github.com/acme/handbook\n")
		out, _ := buildDir(t, r.dir)
		want := `<p class="doc-history">Updated <time datetime="2026-10-30">30 October 2026</time> by Grace Hopper · ` +
			`<a href="https://github.com/acme/handbook/edit/main/content/strategies/databases.md">Edit this page</a> · ` +
			`<a href="https://github.com/acme/handbook/commits/main/content/strategies/databases.md">History</a></p>`
		if got := updatedLine.FindString(file(t, out, "strategies/databases/index.html")); got != want {
			t.Errorf("\n got %s\nwant %s", got, want)
		}
	})
}

// TestServeMarksSavedFiles: in a session (serve), a document saved since
// its last commit shows "by you (uncommitted)", dated by the save, from
// the first build for files changed before it and after a rebuild for
// files saved during it; the rebuild's site equals a fresh session's.
func TestServeMarksSavedFiles(t *testing.T) {
	r := newDemoRepo(t)
	r.append("content/onboarding/engineer-first-week.md", "\nChanged before serve started.\n")
	s := NewSession(os.DirFS(r.dir), Options{Now: testNow, Source: r.dir, BaseURL: historyBase})
	if up := s.Rebuild(nil); up.Result.Errors > 0 {
		t.Fatal(up.Result.Diags.All())
	}
	uncommitted := regexp.MustCompile(`<p class="doc-history">Updated <time datetime="[0-9-]+">[^<]+</time> by you \(uncommitted\)</p>`)
	if got := updatedLine.FindString(string(s.files["onboarding/engineer-first-week/index.html"])); !uncommitted.MatchString(got) {
		t.Errorf("a file changed before serve started: %s", got)
	}
	if got := updatedLine.FindString(string(s.files["strategies/databases/index.html"])); !strings.Contains(got, "by Grace Hopper") {
		t.Errorf("an unchanged file: %s", got)
	}

	// A save of the file as it was changes nothing.
	up := s.Rebuild([]string{"content/strategies/databases.md"})
	if got := updatedLine.FindString(string(up.Complete()["strategies/databases/index.html"])); !strings.Contains(got, "by Grace Hopper") {
		t.Errorf("a file saved unchanged: %s", got)
	}

	// A body edit: the page, the home page's recent changes, the feed and
	// the sitemap follow.
	r.append("content/strategies/databases.md", "\nEdited in serve.\n")
	saved := time.Date(2026, 10, 31, 18, 0, 0, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(r.dir, "content/strategies/databases.md"), saved, saved); err != nil {
		t.Fatal(err)
	}
	up = s.Rebuild([]string{"content/strategies/databases.md"})
	if up.Whole() {
		t.Errorf("a body edit rebuilt the whole site")
	}
	files := up.Complete()
	page := string(files["strategies/databases/index.html"])
	if got := updatedLine.FindString(page); !uncommitted.MatchString(got) || !strings.Contains(page, "Edited in serve.") {
		t.Errorf("the saved page: %s", got)
	}
	if !strings.Contains(string(files["sitemap.xml"]), "<loc>https://handbook.example.com/strategies/databases/</loc>\n    <lastmod>2026-10-31</lastmod>") {
		t.Errorf("the sitemap does not date the save")
	}

	sameAsFreshSession := func(step string, files map[string][]byte) {
		t.Helper()
		fresh := NewSession(os.DirFS(r.dir), Options{Now: testNow, Source: r.dir, BaseURL: historyBase})
		want := publish.NewMemory()
		fresh.Build(want)
		for p, b := range want.Files() {
			if string(files[p]) != string(b) {
				t.Errorf("%s: %s differs from a fresh session's:\n%s", step, p, diff(string(b), string(files[p])))
			}
		}
	}
	sameAsFreshSession("after a body edit", files)

	// An edit of the owner of a committed document: its page and the
	// pages that show it say it is saved, uncommitted, and who owns it.
	p := "content/strategies/monolith-to-services.md"
	src, err := os.ReadFile(filepath.Join(r.dir, p))
	if err != nil || !bytes.Contains(src, []byte("\nowner: ")) {
		t.Fatalf("%s has no owner (%v)", p, err)
	}
	r.write(p, regexp.MustCompile(`\nowner: [^\n]*`).ReplaceAllString(string(src), "\nowner: Treasury"))
	if err := os.Chtimes(filepath.Join(r.dir, p), saved, saved); err != nil {
		t.Fatal(err)
	}
	up = s.Rebuild([]string{p})
	files = up.Complete()
	if up.Whole() {
		t.Errorf("an owner edit rebuilt the whole site")
	}
	if page := string(files["strategies/monolith-to-services/index.html"]); !uncommitted.MatchString(updatedLine.FindString(page)) || !strings.Contains(page, "Treasury") {
		t.Errorf("the page whose owner changed: %s", updatedLine.FindString(page))
	}
	sameAsFreshSession("after an owner edit", files)
}

// newOriginRepo commits files to a new git repository on branch, whose
// origin is the remote URL origin.
func newOriginRepo(t *testing.T, branch, origin string, files map[string]string) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &gitRepo{t: t, dir: t.TempDir()}
	for p, text := range files {
		r.write(p, text)
	}
	r.git(nil, "init", "-q", "-b", branch)
	r.git(nil, "remote", "add", "origin", origin)
	r.commit("Ada Lovelace", "2026-10-29T09:00:00+02:00")
	return r
}

// TestRepositoryFromGitOrigin: a repository's handbook with no settings
// links its pages to their files in the repository git's origin names,
// on origin's branch, and a link to a source folder to that folder, with
// a note that says so; the token a CI checkout keeps in origin's URL is
// never published. A site.yaml's settings are the handbook's own: one
// without repo_url gives no such links.
func TestRepositoryFromGitOrigin(t *testing.T) {
	r := newOriginRepo(t, "trunk", "https://x-access-token:ghs_SECRET@github.com/acme/tools.git", map[string]string{
		"README.md":     "# Tools\n\nThe [source](src/) and the [guide](docs/guide.md).\n",
		"docs/guide.md": "# Guide\n\nRead the code.\n",
		"src/main.go":   "package main\n",
	})
	out, res := buildDir(t, r.dir)
	home := file(t, out, "index.html")
	for _, want := range []string{`href="https://github.com/acme/tools/edit/trunk/README.md"`, `href="https://github.com/acme/tools/tree/trunk/src"`} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "the repository (https://github.com/acme/tools, branch trunk) is the one git's origin names") {
		t.Errorf("no note names the repository taken from origin: %q", res.Notes)
	}
	for _, p := range out.Paths() {
		if b, _ := out.Get(p); strings.Contains(string(b), "ghs_SECRET") {
			t.Errorf("%s publishes origin's token", p)
		}
	}
	r.write("site.yaml", "title: Tools\ncontent_dir: .\n")
	res = Run(os.DirFS(r.dir), nil, Options{Now: testNow, Source: r.dir})
	if res.Config.RepoURL != "" || !strings.Contains(diagText(res), `broken link "src/": src/ is a folder with no page of its own`) {
		t.Errorf("a site.yaml without repo_url still takes origin's (%q):\n%s", res.Config.RepoURL, diagText(res))
	}
}

// TestMkDocsRepositoryTakesGitsBranch: MkDocs' repo_url without edit_uri
// names the repository but not the branch its links need, which git
// gives: pages link to that repository (not origin's fork) on git's
// branch.
func TestMkDocsRepositoryTakesGitsBranch(t *testing.T) {
	r := newOriginRepo(t, "develop", "git@github.com:someone/tools-fork.git", map[string]string{
		"mkdocs.yml":    "site_name: Tools\nrepo_url: https://github.com/acme/tools/\n",
		"docs/index.md": "# Tools\n\nHello.\n",
	})
	out, res := buildDir(t, r.dir)
	if home := file(t, out, "index.html"); !strings.Contains(home, `href="https://github.com/acme/tools/edit/develop/docs/index.md"`) {
		t.Errorf("the home page does not link to its file in mkdocs.yml's repository on git's branch:\n%s", home)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "the branch of the repository mkdocs.yml names (develop) is the one git's origin names") {
		t.Errorf("no note says where the branch came from: %q", res.Notes)
	}
}
