package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the handbook command once per test run.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "handbook-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "handbook")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = errors.New(string(out))
		}
	})
	if binErr != nil {
		t.Fatalf("go build: %v", binErr)
	}
	return binPath
}

type result struct {
	code           int
	stdout, stderr string
}

func runBin(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

func write(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBinaryBuildsTheDemoHandbook(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	r := runBin(t, "build", "--source", "..", "--out", out)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "Strategies") || !strings.Contains(r.stdout, "0 errors") {
		t.Errorf("summary lacks counts: %s", r.stdout)
	}
	for _, p := range []string{"index.html", "strategies/databases/index.html", "sitemap.xml", "feed.xml", "404.html"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("missing %s", p)
		}
	}
}

func TestBinaryBuildsADirectoryWithOnlyContent(t *testing.T) {
	src := t.TempDir()
	write(t, src, "content/hello.md", "# Hello\n\nA page without front matter.\n")
	r := runBin(t, "build", "--source", src)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(src, "public", "hello", "index.html"))
	if err != nil || !bytes.Contains(b, []byte(`<h1 id="hello">Hello</h1>`)) {
		t.Fatalf("hello page not built: %v", err)
	}
	if !strings.Contains(r.stdout, ": 1 document (1 Page); 0 decisions; 0 links;") || !strings.Contains(r.stdout, "; 0 warnings; 0 errors;") {
		t.Errorf("the summary does not count one document:\n%s", r.stdout)
	}
}

// TestBinaryBuildsAnMkDocsSite: an MkDocs site builds as it is, its
// name, address and docs folder read from mkdocs.yml, Python tags and all.
func TestBinaryBuildsAnMkDocsSite(t *testing.T) {
	src := t.TempDir()
	write(t, src, "mkdocs.yml", "site_name: Platform Handbook\nsite_url: https://eng.example.com/handbook/\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
	write(t, src, "docs/index.md", "# Welcome\n\nSee [setup](setup.md).\n")
	write(t, src, "docs/setup.md", "# Setup\n")
	r := runBin(t, "build", "--source", src)
	if r.code != 0 || !strings.Contains(r.stderr, "read from the MkDocs configuration mkdocs.yml") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(src, "public", "index.html"))
	if err != nil || !bytes.Contains(b, []byte("Platform Handbook")) || !bytes.Contains(b, []byte(`href="setup/"`)) {
		t.Errorf("the home page lacks the site's name or the link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(src, "public", "sitemap.xml")); err != nil {
		t.Errorf("no sitemap for site_url: %v", err)
	}
	// check says where the settings came from, as build does.
	if r := runBin(t, "check", "--source", src); r.code != 0 || !strings.Contains(r.stderr, "note: no site.yaml: the title (Platform Handbook)") {
		t.Errorf("check: exit %d\n%s", r.code, r.stderr)
	}
}

// TestBinaryOnMarkdownKeptElsewhere: a first run in a repository whose
// Markdown is not in content/, and that has no site.yaml, reads it where
// it is: READMEs at the top and in folders are the whole folder read as
// GitHub shows it, each README its folder's page, and a note says so and
// names the content_dir that reads one folder alone. A second run does
// not read the site the first one wrote.
func TestBinaryOnMarkdownKeptElsewhere(t *testing.T) {
	src := t.TempDir()
	write(t, src, "README.md", "# Acme engineering\n\nSee [the guide](docs/guide.md).\n")
	write(t, src, "docs/README.md", "# Docs\n\nBack [home](../README.md).\n")
	write(t, src, "docs/guide.md", "# Guide\n\nRead the [docs](README.md).\n")
	for run := range 2 {
		r := runBin(t, "build", "--source", src)
		if r.code != 0 || !strings.Contains(r.stderr, "note: no site.yaml and no content/ folder: the whole folder is read as the handbook") ||
			!strings.Contains(r.stderr, "its Markdown is at the top (1 file), in docs/ (2 files), and a site.yaml with `content_dir: docs` reads one folder alone") ||
			!strings.Contains(r.stdout, "3 documents") {
			t.Fatalf("run %d: exit %d, want 0, three documents and a note naming what was read:\n%s", run+1, r.code, r.stderr)
		}
		for p, want := range map[string]string{"index.html": `See <a href="docs/guide/">`, "docs/index.html": `Back <a href="../">home`, "docs/guide/index.html": `Read the <a href="../../docs/">docs`} {
			b, err := os.ReadFile(filepath.Join(src, "public", filepath.FromSlash(p)))
			if err != nil || !bytes.Contains(b, []byte(want)) {
				t.Errorf("run %d: %s does not hold %q: %v", run+1, p, want, err)
			}
		}
	}
	// With a site.yaml, its content_dir decides, and a missing one is
	// an error that says where the Markdown is.
	write(t, src, "site.yaml", "title: Acme\n")
	r := runBin(t, "build", "--source", src)
	if r.code != 1 || !strings.Contains(r.stderr, "content: error: no content/ folder") ||
		!strings.Contains(r.stderr, "at the top (1 file), in docs/ (2 files): write `content_dir: .` in site.yaml") {
		t.Fatalf("exit %d, want 1 and the content_dir to write:\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, "permissions") || !strings.Contains(r.stderr, "build failed: 0 documents; 0 decisions; 0 links; 0 files written;") {
		t.Errorf("a missing content folder is blamed on permissions, or the summary is not one of nothing (a failed build writes no file):\n%s", r.stderr)
	}
}

// TestBinaryReadsTheFolderThatHoldsTheMarkdown: without a site.yaml or
// content/, a folder that holds nearly all the Markdown (a Jekyll site's
// pages/, beside a README) is the content, so that links written from
// its root resolve; handbook new writes there, and the next build still
// reads it.
func TestBinaryReadsTheFolderThatHoldsTheMarkdown(t *testing.T) {
	src := t.TempDir()
	write(t, src, "README.md", "# How to edit this site\n")
	write(t, src, "pages/index.md", "# Handbook\n\nStart with [tools](/tools/).\n")
	write(t, src, "pages/tools/index.md", "# Tools\n\nSee [Slack](/tools/slack/).\n")
	write(t, src, "pages/tools/slack.md", "# Slack\n\nBack to [tools](/tools/).\n")
	write(t, src, "pages/leave.md", "# Leave\n")
	r := runBin(t, "build", "--source", src)
	if r.code != 0 || !strings.Contains(r.stderr, "note: no site.yaml and no content/ folder: pages/ is read as the handbook: it holds 4 of the 5 Markdown files here; write `content_dir: .` in a site.yaml to read all of them") {
		t.Fatalf("exit %d, want 0 and a note naming pages/:\n%s", r.code, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(src, "public", "tools", "slack", "index.html"))
	if err != nil || !bytes.Contains(b, []byte(`Back to <a href="../../tools/">tools`)) {
		t.Errorf("pages/tools/slack.md is not published at /tools/slack/ with its link: %v", err)
	}
	if r := runBin(t, "new", "--source", src, "decision", "Use Go"); r.code != 0 {
		t.Fatalf("new: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(src, "pages", "decisions")); err != nil {
		t.Errorf("handbook new did not write into pages/: %v", err)
	}
	if _, err := os.Stat(filepath.Join(src, "content")); err == nil {
		t.Errorf("handbook new made a content/ folder, which the next build would read instead of pages/")
	}
	if r := runBin(t, "build", "--source", src); r.code != 0 || !strings.Contains(r.stdout, "5 documents") {
		t.Errorf("the build after handbook new: exit %d\n%s", r.code, r.stderr)
	}
}

// A failing build leaves the previous output exactly as it was.
func TestFailedBuildKeepsThePreviousSite(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	write(t, src, "content/a.md", "---\ntitle: First\n---\nOne.\n")
	if r := runBin(t, "build", "--source", src, "--out", out); r.code != 0 {
		t.Fatalf("first build: exit %d\n%s", r.code, r.stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "a", "index.html"))
	write(t, src, "content/a.md", "---\ntitle: Second\n---\nSee [x](missing.md).\n")
	write(t, src, "content/b.md", "---\ntitle: [broken\n---\n")
	r := runBin(t, "build", "--source", src, "--out", out)
	if r.code != 1 {
		t.Fatalf("broken build: exit %d, want 1\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"content/a.md:4:5: error: broken link \"missing.md\"",
		"content/b.md:2:1: error: invalid YAML front matter",
		"was left as it was",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	after, _ := os.ReadFile(filepath.Join(out, "a", "index.html"))
	if !bytes.Equal(before, after) || !bytes.Contains(after, []byte("First")) {
		t.Error("the previous site was changed by a failed build")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary directories left behind: %v", entries)
	}
}

func TestCheckFormats(t *testing.T) {
	src := t.TempDir()
	write(t, src, "content/a.md", "---\ntitle: A\n---\n[[nowhere]]\n")
	r := runBin(t, "check", "--source", src, "--format", "json")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1", r.code)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil || len(items) != 1 {
		t.Fatalf("json: %v\n%s", err, r.stdout)
	}
	if items[0]["path"] != "content/a.md" || items[0]["line"] != 4.0 || items[0]["col"] != 1.0 || items[0]["severity"] != "error" {
		t.Errorf("json item: %v", items[0])
	}
	r = runBin(t, "check", "--source", src, "--format", "github")
	if !strings.HasPrefix(r.stdout, "::error file=content/a.md,line=4,col=1::broken link [[nowhere]]") {
		t.Errorf("github format: %s", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(src, "public")); err == nil {
		t.Error("check wrote output")
	}
	// In a folder of a repository, annotations name files from its top,
	// as GitHub does, whatever the working folder.
	top := t.TempDir()
	write(t, top, ".git/HEAD", "ref: refs/heads/main\n")
	write(t, top, "docs/handbook/content/a.md", "---\ntitle: A\nreview_every: 30d\nreviewed: 2020-01-01\n---\n[[nowhere]]\n")
	r = runBin(t, "check", filepath.Join(top, "docs", "handbook"), "--format", "github")
	if !strings.HasPrefix(r.stdout, "::error file=docs/handbook/content/a.md,line=6,col=1::broken link [[nowhere]]") {
		t.Errorf("github format in a repository's folder: %s", r.stdout)
	}
	write(t, top, "docs/handbook/content/decisions/0001-b.md", "---\ntitle: B\nstatus: accepted\n---\nB.\n")
	r = runBin(t, "health", filepath.Join(top, "docs", "handbook"), "--format", "github")
	if !strings.HasPrefix(r.stdout, "::warning file=docs/handbook/content/a.md::review due: A is ") ||
		!strings.Contains(r.stdout, "::warning file=docs/handbook/content/decisions/0001-b.md::no owner: B names no owner") {
		t.Errorf("health's github format in a repository's folder: %s", r.stdout)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"build", "--nope"}, {"check", "--format", "xml"}, {"new", "memo", "Title"}, {"build", "--source", "/does/not/exist"},
		{"check", "a", "b"}, {"check", "--source", "a", "b"}} {
		if r := runBin(t, args...); r.code != 2 {
			t.Errorf("handbook %v: exit %d, want 2\n%s", args, r.code, r.stderr)
		}
	}
	if r := runBin(t, "build", "--help"); r.code != 0 || !strings.Contains(r.stderr, "--base-url") {
		t.Errorf("build --help: exit %d\n%s", r.code, r.stderr)
	}
	if r := runBin(t, "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "handbook ") {
		t.Errorf("version: %q", r.stdout)
	}
}

// TestTheHandbookNamedAlone: a command takes the handbook's root as its
// one other argument, as --source, with flags before or after it.
func TestTheHandbookNamedAlone(t *testing.T) {
	src := t.TempDir()
	write(t, src, "content/_index.md", "# Alone\n\nSee [b](b.md).\n")
	write(t, src, "content/b.md", "# B\n")
	out := filepath.Join(t.TempDir(), "site")
	if r := runBin(t, "build", src, "--out", out); r.code != 0 {
		t.Fatalf("build DIR --out: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "b", "index.html")); err != nil {
		t.Errorf("build DIR did not build DIR: %v", err)
	}
	if r := runBin(t, "check", "--orphans", src); r.code != 0 || !strings.Contains(r.stderr, "2 documents") {
		t.Errorf("check --orphans DIR: exit %d\n%s", r.code, r.stderr)
	}
}

func TestNewWritesATemplateThatBuilds(t *testing.T) {
	src := t.TempDir()
	write(t, src, "site.yaml", "title: T\nsections:\n  design: design-doc\n")
	r := runBin(t, "new", "--source", src, "design-doc", "Retry budget for payments")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	p := filepath.Join(src, "content", "design", "retry-budget-for-payments.md")
	if !strings.Contains(r.stdout, p) {
		t.Errorf("stdout %q does not name %s", r.stdout, p)
	}
	if r := runBin(t, "new", "--source", src, "design-doc", "Retry budget for payments"); r.code == 0 {
		t.Error("new overwrote an existing file")
	}
	if r := runBin(t, "check", "--source", src); r.code != 0 {
		t.Errorf("a new document does not check clean:\n%s", r.stderr)
	}
	// A kind named as its folder is, with the flags after the title.
	r = runBin(t, "new", "rfc", "Idempotency keys", "--source", src)
	if p := filepath.Join(src, "content", "design", "idempotency-keys.md"); r.code != 0 || !strings.Contains(r.stdout, p) {
		t.Errorf("new rfc … --source: exit %d, %q%s; want %s created", r.code, r.stdout, r.stderr, p)
	}
	if r := runBin(t, "new", "--source", src); r.code != 2 || !strings.Contains(r.stderr, "the kinds are page, strategy") {
		t.Errorf("new without a kind: exit %d, %q; want 2 and the kinds", r.code, r.stderr)
	}
}

// TestBuildNeverReplacesWhatItDidNotWrite: pointed at the handbook itself,
// its content, a folder of other files or a file, build refuses before any
// work with exit 2 and a hint, and everything stays as it was; its own
// output it replaces, and the site it writes can be read by a web server
// running as another user.
func TestBuildNeverReplacesWhatItDidNotWrite(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "hb")
	write(t, src, "content/a.md", "# A\n")
	write(t, root, "photos/cat.jpg", "meow")
	write(t, root, "notes.txt", "keep me")
	for _, out := range []string{src, filepath.Join(src, "content"), filepath.Join(root, "photos"), filepath.Join(root, "notes.txt"), root, filepath.Join(src, "content", "site")} {
		r := runBin(t, "build", "--source", src, "--out", out)
		if r.code != 2 || !strings.Contains(r.stderr, "refusing") || !strings.Contains(r.stderr, "hint:") {
			t.Errorf("--out %s: exit %d\n%s", out, r.code, r.stderr)
		}
	}
	for rel, want := range map[string]string{"hb/content/a.md": "# A\n", "photos/cat.jpg": "meow", "notes.txt": "keep me"} {
		if b, err := os.ReadFile(filepath.Join(root, rel)); err != nil || string(b) != want {
			t.Errorf("%s after the refused builds: %q, %v", rel, b, err)
		}
	}
	for i := range 2 {
		if r := runBin(t, "build", "--source", src); r.code != 0 {
			t.Fatalf("build %d into public/: exit %d\n%s", i, r.code, r.stderr)
		}
	}
	st, err := os.Stat(filepath.Join(src, "public"))
	if err != nil || st.Mode().Perm()&0o005 != 0o005 {
		t.Errorf("public/ is %v, %v: others cannot read it", st.Mode(), err)
	}
	if entries, _ := filepath.Glob(filepath.Join(src, ".public*")); len(entries) > 0 {
		t.Errorf("left beside the output: %v", entries)
	}
}

// TestHandbookStaysInsideItself: a section or content folder that leaves
// the handbook is an error at its place in site.yaml, new writes nothing
// outside content/, and a handbook whose content folder is its root does
// not publish its own configuration, layouts or earlier output.
func TestHandbookStaysInsideItself(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "hb")
	write(t, src, "site.yaml", "sections:\n  ../../escape: decision\n  /etc: strategy\n")
	write(t, src, "content/a.md", "# A\n")
	r := runBin(t, "check", "--source", src)
	for _, want := range []string{`site.yaml:2:3: error: section "../../escape" is not a folder inside the content folder`, `site.yaml:3:3: error: section "/etc" is not a folder`} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("check lacks %q:\n%s", want, r.stderr)
		}
	}
	if r := runBin(t, "new", "--source", src, "decision", "Escape"); r.code == 0 {
		t.Errorf("new with a bad site.yaml succeeded: %s", r.stdout)
	}
	write(t, src, "site.yaml", "content_dir: ../elsewhere\n")
	if r := runBin(t, "check", "--source", src); !strings.Contains(r.stderr, `site.yaml:1:14: error: content_dir "../elsewhere" leaves the handbook`) {
		t.Errorf("check: %s", r.stderr)
	}
	// A section folder that is a link out of the content folder.
	write(t, src, "site.yaml", "title: T\n")
	os.MkdirAll(filepath.Join(root, "outside"), 0o755)
	if err := os.Symlink(filepath.Join(root, "outside"), filepath.Join(src, "content", "adr")); err != nil {
		t.Fatal(err)
	}
	if r := runBin(t, "new", "--source", src, "decision", "Escape"); r.code == 0 || !strings.Contains(r.stderr, "outside the content folder") {
		t.Errorf("new through a link out of content/: exit %d %s%s", r.code, r.stdout, r.stderr)
	}
	if entries, _ := os.ReadDir(filepath.Join(root, "outside")); len(entries) > 0 {
		t.Errorf("new wrote outside content/: %v", entries)
	}
	os.Remove(filepath.Join(src, "content", "adr"))

	// content_dir: . builds twice without publishing itself.
	write(t, src, "site.yaml", "content_dir: .\n")
	write(t, src, "layouts/partials/extra.html", "x")
	for i := range 2 {
		if r := runBin(t, "build", "--source", src); r.code != 0 {
			t.Fatalf("build %d: exit %d\n%s", i, r.code, r.stderr)
		}
	}
	for _, p := range []string{"public/site.yaml", "public/layouts", "public/public", "public/content/a/index.html"} {
		_, err := os.Stat(filepath.Join(src, filepath.FromSlash(p)))
		if want := p == "public/content/a/index.html"; (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", p, err == nil, want)
		}
	}
}

// TestHealthCommand: handbook health lists the demo's overdue documents
// and stuck decisions as JSON, exits 0, and exits 1 with --fail-on due.
func TestHealthCommand(t *testing.T) {
	r := runBin(t, "health", "--source", "..", "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var rep struct {
		Due []struct {
			Source      string `json:"source"`
			Owner       string `json:"owner"`
			DaysOverdue int    `json:"days_overdue"`
		} `json:"due"`
		Stuck []struct {
			ID string `json:"id"`
		} `json:"stuck"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(rep.Due) == 0 || rep.Due[0].DaysOverdue <= 0 || rep.Due[0].Owner == "" {
		t.Errorf("no overdue document with an owner in %+v", rep.Due)
	}
	if len(rep.Stuck) == 0 {
		t.Errorf("no decision stuck in proposed")
	}
	if r := runBin(t, "health", "--source", "..", "--fail-on", "due"); r.code != 1 || !strings.Contains(r.stdout, "Due for review:") {
		t.Errorf("--fail-on due: exit %d\n%s", r.code, r.stdout)
	}
	if r := runBin(t, "health", "--source", "..", "--format", "github"); r.code != 0 || !strings.Contains(r.stdout, "::warning file=content/") {
		t.Errorf("--format github: exit %d\n%s", r.code, r.stdout)
	}
	if r := runBin(t, "health", "--fail-on", "stale"); r.code != 2 {
		t.Errorf("--fail-on stale: exit %d, want 2", r.code)
	}
	// Several parts: the demo has every document owned and follows its
	// habits, but has decisions stuck in proposed.
	if r := runBin(t, "health", "..", "--fail-on", "unowned,habits"); r.code != 0 {
		t.Errorf("--fail-on unowned,habits: exit %d, want 0\n%s", r.code, r.stderr)
	}
	if r := runBin(t, "health", "..", "--fail-on", "unowned, stuck"); r.code != 1 || !strings.Contains(r.stderr, "decisions stuck in proposed (--fail-on stuck)") {
		t.Errorf("--fail-on unowned,stuck: exit %d, want 1\n%s", r.code, r.stderr)
	}
	if r := runBin(t, "health", "..", "--fail-on", "due,habit"); r.code != 2 || !strings.Contains(r.stderr, "did you mean habits?") {
		t.Errorf("--fail-on due,habit: exit %d, want 2 and a suggestion\n%s", r.code, r.stderr)
	}
}

// TestHealthReadsTheRepositorysCodeowners: a handbook kept in a folder of
// a code repository is owned as the CODEOWNERS file at the repository's
// top says, by build and by health alike, and its edit links name its
// files from there without a repo_path.
func TestHealthReadsTheRepositorysCodeowners(t *testing.T) {
	top := t.TempDir()
	write(t, top, ".git/HEAD", "ref: refs/heads/main\n")
	write(t, top, ".github/CODEOWNERS", "* @acme/code\n/docs/handbook/content/decisions/ @acme/architecture\n")
	write(t, top, "docs/handbook/content/_index.md", "# Handbook\n\n[Use Go](decisions/0001-use-go.md)\n")
	write(t, top, "docs/handbook/site.yaml", "title: Handbook\nrepo_url: https://github.com/acme/code\n")
	write(t, top, "docs/handbook/content/decisions/0001-use-go.md", "---\ntitle: Use Go\nstatus: accepted\ndate: 2026-01-01\n---\n## Context\nC.\n## Decision\nD.\n## Consequences\nE.\n")
	source := filepath.Join(top, "docs", "handbook")
	r := runBin(t, "health", "--source", source)
	if r.code != 0 || !strings.Contains(r.stdout, "Without an owner: 0") {
		t.Errorf("exit %d, want 0 and no document without an owner:\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runBin(t, "decisions", "--source", source, "--owner", "@acme/architecture")
	if !strings.Contains(r.stdout, "Use Go") {
		t.Errorf("handbook decisions --owner @acme/architecture lists no decision:\n%s%s", r.stdout, r.stderr)
	}
	out := filepath.Join(t.TempDir(), "site")
	if r := runBin(t, "build", "--source", source, "--out", out); r.code != 0 {
		t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "decisions", "0001-use-go", "index.html"))
	if err != nil || !strings.Contains(string(page), ">@acme/architecture</a>") {
		t.Errorf("the decision's page does not name its owner (%v)", err)
	}
	// Its edit link names the file from the repository's top.
	if edit := `href="https://github.com/acme/code/edit/main/docs/handbook/content/decisions/0001-use-go.md"`; !strings.Contains(string(page), edit) {
		t.Errorf("the decision's page lacks %s", edit)
	}
}

// lastLine is the last line of a command's output.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// A handbook whose only errors are broken links fails to build, and the
// last line says how many and how to build anyway; --broken-links warning
// builds it and its last line says what was let through; the flag wins
// over site.yaml's broken_links either way.
func TestBrokenLinksFlag(t *testing.T) {
	src := t.TempDir()
	write(t, src, "content/a.md", "---\ntitle: A\n---\nSee [b](b.md) and [[nowhere]].\n")
	r := runBin(t, "build", "--source", src)
	if r.code != 1 || !strings.Contains(r.stderr, "content/a.md:4:5: error: broken link \"b.md\"") {
		t.Fatalf("build: exit %d, want 1\n%s", r.code, r.stderr)
	}
	if got, want := lastLine(r.stderr), "All 2 errors are broken links. To build while you fix them, run `handbook build --broken-links warning`, or set broken_links: warning in site.yaml."; got != want {
		t.Errorf("build's last line:\n%s\nwant\n%s", got, want)
	}
	r = runBin(t, "build", "--source", src, "--broken-links", "warning")
	if r.code != 0 || !strings.Contains(r.stderr, "content/a.md:4:5: warning: broken link \"b.md\"") {
		t.Fatalf("build --broken-links warning: exit %d, want 0\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(src, "public", "a", "index.html")); err != nil {
		t.Errorf("build --broken-links warning wrote no site: %v", err)
	}
	if got, want := lastLine(r.stdout), "2 broken links reported as warnings (--broken-links warning): once they are fixed, go back to errors so that a new one fails the build."; got != want {
		t.Errorf("build --broken-links warning's last line:\n%s\nwant\n%s", got, want)
	}

	write(t, src, "content/c.md", "---\ntitle: C\nkind: memo\n---\n")
	write(t, src, "site.yaml", "broken_links: warning\n")
	r = runBin(t, "check", "--source", src)
	if r.code != 1 || !strings.Contains(lastLine(r.stderr), "2 broken links reported as warnings (broken_links: warning in site.yaml)") {
		t.Errorf("check with broken_links: warning: exit %d\n%s", r.code, r.stderr)
	}
	r = runBin(t, "check", "--source", src, "--broken-links", "error")
	if r.code != 1 || !strings.Contains(r.stderr, "error: broken link [[nowhere]]") {
		t.Fatalf("check --broken-links error: exit %d\n%s", r.code, r.stderr)
	}
	if got := lastLine(r.stderr); !strings.HasPrefix(got, "2 of the ") || !strings.Contains(got, " errors are broken links. To report them as warnings while you fix them, use --broken-links warning") {
		t.Errorf("check --broken-links error's last line: %s", got)
	}

	write(t, src, "content/a.md", "---\ntitle: A\n---\nSee [b](b.md).\n")
	if r := runBin(t, "build", "--source", src, "--broken-links", "error"); r.code != 1 || lastLine(r.stderr) != "1 of the 2 errors is a broken link. To build while you fix it, run `handbook build --broken-links warning`, or set broken_links: warning in site.yaml." {
		t.Errorf("one broken link: exit %d, last line %q", r.code, lastLine(r.stderr))
	}
	os.Remove(filepath.Join(src, "content", "c.md"))
	if r := runBin(t, "check", "--source", src); r.code != 0 || lastLine(r.stderr) != "1 broken link reported as a warning (broken_links: warning in site.yaml): once it is fixed, go back to errors so that a new one fails the check." {
		t.Errorf("one broken link as a warning: exit %d, last line %q", r.code, lastLine(r.stderr))
	}
	if r := runBin(t, "check", "--source", src, "--broken-links", "error"); r.code != 1 || lastLine(r.stderr) != "The only error is a broken link. To report it as a warning while you fix it, use --broken-links warning, or set broken_links: warning in site.yaml." {
		t.Errorf("the only error: exit %d, last line %q", r.code, lastLine(r.stderr))
	}

	if r := runBin(t, "check", "--source", src, "--broken-links", "ignore"); r.code != 2 || !strings.Contains(r.stderr, "--broken-links must be error or warning") {
		t.Errorf("--broken-links ignore: exit %d, want 2\n%s", r.code, r.stderr)
	}
	for _, cmd := range []string{"build", "check"} {
		if r := runBin(t, cmd, "--help"); !strings.Contains(r.stderr, "-broken-links error") {
			t.Errorf("%s --help does not offer --broken-links:\n%s", cmd, r.stderr)
		}
	}
	if r := runBin(t, "help"); !strings.Contains(r.stdout, "[--broken-links error|warning]") {
		t.Errorf("usage does not offer --broken-links:\n%s", r.stdout)
	}
}
