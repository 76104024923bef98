package build

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/health"
	"handbook/generator/internal/publish"
	"handbook/generator/internal/scaffold"
	"handbook/generator/internal/theme"
)

// corporaEnv names the variable that points at a folder of handbooks and
// decision logs written elsewhere, one collection per subfolder; the tests
// skip when it is unset or a collection is absent.
const corporaEnv = "HANDBOOK_CORPORA"

// corpus builds one collection in memory with a site.yaml naming its
// content folder, laid over the collection's own files.
func corpus(t *testing.T, name, contentDir string) *site {
	t.Helper()
	return corpusWith(t, name, contentDir, Options{Now: testNow})
}

// corpusWith is corpus with options.
func corpusWith(t *testing.T, name, contentDir string, opts Options) *site {
	t.Helper()
	dir := os.Getenv(corporaEnv)
	if dir == "" {
		t.Skipf("set %s to a folder of real handbooks to check corpus %s", corporaEnv, name)
	}
	root := filepath.Join(dir, name)
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus %s is absent (%v)", name, err)
	}
	fsys := &theme.Overlay{
		Top:  fstest.MapFS{"site.yaml": {Data: []byte("content_dir: " + contentDir + "\n")}},
		Base: os.DirFS(root),
	}
	start := time.Now()
	s := &site{t: t, out: publish.NewMemory()}
	s.res = Run(fsys, s.out, opts)
	t.Logf("%s: %s (%s)", name, s.res.Summary(), time.Since(start).Round(time.Millisecond))
	return s
}

// The hand-checked broken links of each corpus are reported at their exact
// position, and links that work are not.
func TestCorpora(t *testing.T) {
	cases := []struct {
		name, content string
		minDocs       int
		reported      []string
		notReported   []string
		// titles are documents' titles by id: made from a file name,
		// written as the document writes its words.
		titles map[string]string
	}{
		{"sourcegraph-handbook", "content", 800,
			[]string{`content/departments/cloud/technical-docs/v2.0/delete_process.md:44:4: error: broken link "#removes-gke-backups-and-restores"`},
			[]string{"document has no title", "[[", "leaves the site"},
			map[string]string{"departments/ceo-team": "CEO team", "departments/finance/multi-sku-arr": "Multi SKU ARR"}},
		{"rust-rfcs", ".", 600,
			[]string{`text/0019-opt-in-builtin-traits.md:263:20: error: broken link "0003-opt-in-builtin-traits.md": no such document`},
			[]string{"document has no title", `broken link [[1]]`, "has no heading #overload"},
			map[string]string{"text/2872-github-access-policy": "2872 GitHub access policy", "text/1665-windows-subsystem": "1665 Windows subsystem"}},
		{"18f-handbook", "pages", 200,
			[]string{`pages/tools/slack.md:16:3: error: broken link "emoji/": no such document`},
			[]string{`{{site.base_url}}/18f-bd/`, `aka-tlc-crew`, "(first: page)", "(first: comment)", `"/https:`}, nil},
		{"adr-madr", "docs", 20, nil, []string{"0001-use-CC0-or-MIT-as-license.md:1:1: error"}, nil},
		// The whole repository, as the hint for a missing content/ offers:
		// the templates in template/ are pages without errors.
		{"adr-madr", ".", 30, nil, []string{"template/adr-template"}, nil},
		{"adr-log4brains", "docs/adr", 10, nil, []string{"a page has no status"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := corpus(t, c.name, c.content)
			if n := len(s.res.Site.Docs); n < c.minDocs {
				t.Errorf("%d documents, want at least %d", n, c.minDocs)
			}
			got := s.diags()
			for _, w := range c.reported {
				if !strings.Contains(got, w) {
					t.Errorf("not reported: %s", w)
				}
			}
			for _, w := range c.notReported {
				if strings.Contains(got, w) {
					t.Errorf("reported, but works: %s", w)
				}
			}
			for id, want := range c.titles {
				if d := s.res.Site.ByID[id]; d == nil || d.Title != want {
					t.Errorf("%s: %+v, want the title %q", id, d, want)
				}
			}
		})
	}
}

// The decision logs enter the registry as their tools write them: the
// adr-tools records (numbered titles, Date lines, Status sections), the
// log4brains bullets with a "superseded by" link, MADR's front matter with
// its "on hold", and neither log's template.
func TestCorpusDecisionLogs(t *testing.T) {
	t.Run("adr-tools", func(t *testing.T) {
		s := corpus(t, "adr-tools", corpusContent["adr-tools"])
		dates := []string{"2016-02-12", "2016-02-12", "2016-02-12", "2016-02-12", "2016-02-13", "2016-02-16", "2016-12-17", "2017-02-21", "2018-06-26"}
		if n := len(s.res.Site.Decisions); n != len(dates) {
			t.Errorf("%d decisions, want %d", n, len(dates))
		}
		for i, dec := range s.res.Site.Decisions {
			if i >= len(dates) {
				break
			}
			number := strconv.Itoa(i + 1)
			if dec.Status != "accepted" || dec.Date.Format("2006-01-02") != dates[i] || dec.Doc.Number() != number ||
				strings.HasPrefix(dec.Title, number) || len(dec.SupersededBy)+len(dec.Replaces) != 0 {
				t.Errorf("%s: record %s %q, %s, %s, superseded by %d, replaces %d; want record %s, accepted, %s",
					dec.ID, dec.Doc.Number(), dec.Title, dec.Status, dec.Date.Format("2006-01-02"), len(dec.SupersededBy), len(dec.Replaces), number, dates[i])
			}
		}
		if d := s.res.Site.DecisionByID["0001-record-architecture-decisions"]; d == nil || d.Title != "Record architecture decisions" {
			t.Errorf("record 1: %+v", d)
		}
		if s.res.Errors != 0 || s.res.Warnings != 9 {
			t.Errorf("%d errors, %d warnings (want 0 and the 9 records naming no decider):\n%s", s.res.Errors, s.res.Warnings, s.allDiags())
		}
	})
	t.Run("adr-log4brains", func(t *testing.T) {
		s := corpus(t, "adr-log4brains", corpusContent["adr-log4brains"])
		if n := len(s.res.Site.Decisions); n != 9 {
			t.Errorf("%d decisions, want 9", n)
		}
		old := s.res.Site.DecisionByID["20200926-use-the-adr-number-as-its-unique-id"]
		if old == nil || old.Status != "superseded" || len(old.SupersededBy) != 1 || old.SupersededBy[0].ID != "20201016-use-the-adr-slug-as-its-unique-id" {
			t.Errorf("superseded record: %+v", old)
		}
		for _, p := range []string{"template.md", "README.md", "index.md"} {
			if d := s.res.Site.ByPath[p]; d == nil || d.Kind != "page" {
				t.Errorf("%s is not a page: %+v", p, d)
			}
		}
	})
	t.Run("adr-madr", func(t *testing.T) {
		s := corpusWith(t, "adr-madr", corpusContent["adr-madr"], Options{Now: testNow, BrokenLinks: "warning"})
		if n := len(s.res.Site.Decisions); n != 19 {
			t.Errorf("%d decisions, want 19", n)
		}
		if d := s.res.Site.DecisionByID["decisions/0003-provide-own-madr-tools"]; d == nil || d.Status != "proposed" {
			t.Errorf("on hold is not proposed: %+v", d)
		}
		if d := s.res.Site.ByPath["decisions/adr-template.md"]; d == nil || d.Kind != "page" {
			t.Errorf("the template is not a page: %+v", d)
		}
		if s.res.Errors != 0 {
			t.Errorf("%d errors:\n%s", s.res.Errors, byKind(s, "error"))
		}
	})
}

// corpusContent is the content folder of each collection.
var corpusContent = map[string]string{
	"18f-handbook":         "pages",
	"adr-log4brains":       "docs/adr",
	"adr-madr":             "docs",
	"adr-tools":            "doc/adr",
	"docsy-example":        "content/en",
	"rust-rfcs":            ".",
	"sourcegraph-handbook": "content",
}

// outsideLoad matches what makes a browser fetch from another host as a
// page loads: an image, script, style sheet, frame or media source there.
var outsideLoad = regexp.MustCompile(`<(?:img|script|iframe|source|video|audio|embed)\b[^>]*\s(?:src|srcset)="(?:https?:)?//[^"]*"|<link\b[^>]*\shref="(?:https?:)?//[^"]*"`)

// corpusTitle is the title each collection gives itself, in its own
// tool's files (Eleventy's _data/, Hugo's, mdBook's, log4brains'
// configuration) or else as its README's first heading, which its first
// run shows.
var corpusTitle = map[string]string{
	"18f-handbook":         "TTS Handbook",
	"adr-log4brains":       "Log4brains",
	"adr-madr":             "Markdown Architectural Decision Records",
	"adr-tools":            "ADR Tools",
	"docsy-example":        "Goldydocs",
	"rust-rfcs":            "The Rust RFC Book",
	"sourcegraph-handbook": "📘 Sourcegraph handbook",
}

// corpusMissing names, for a collection whose first run still has
// errors, the features it waits for; its test is skipped while it does.
var corpusMissing = map[string]string{}

// A first run on each collection, with broken links as warnings (as a
// handbook moved from elsewhere starts), has no errors: everything it
// reports is worth fixing but nothing blocks the build.
func TestCorporaBuildWithoutErrors(t *testing.T) {
	dir := os.Getenv(corporaEnv)
	if dir == "" {
		t.Skipf("set %s to a folder of real handbooks", corporaEnv)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, known := corpusContent[e.Name()]; e.IsDir() && !known {
			t.Errorf("collection %s has no content folder in corpusContent", e.Name())
		}
	}
	for _, name := range slices.Sorted(maps.Keys(corpusContent)) {
		t.Run(name, func(t *testing.T) {
			s := corpusWith(t, name, corpusContent[name], Options{Now: testNow, BrokenLinks: "warning"})
			t.Logf("warnings by kind:\n%s", byKind(s, "warning"))
			if s.res.Errors == 0 {
				if why, ok := corpusMissing[name]; ok {
					t.Logf("no errors: its entry in corpusMissing (%s) can go", why)
				}
				return
			}
			if why, ok := corpusMissing[name]; ok {
				t.Skipf("%d errors; waits for %s:\n%s", s.res.Errors, why, byKind(s, "error"))
			}
			t.Errorf("%d errors:\n%s", s.res.Errors, byKind(s, "error"))
		})
	}
}

// particulars match what differs between messages of one kind: what they
// quote, file names, anchors, counts and examples.
var particulars = regexp.MustCompile(`"[^"]*"|\[\[[^\]]*\]\]|\S+\.md\b|#\S+|\d+|\(first: [^)]*\)`)

// byKind counts a run's diagnostics of one severity by message, its
// particulars elided, most frequent first, with an example of each.
func byKind(s *site, severity string) string {
	counts := map[string]int{}
	example := map[string]string{}
	for _, d := range s.res.Diags.All() {
		if d.Severity.String() != severity {
			continue
		}
		k := particulars.ReplaceAllString(d.Message, "…")
		counts[k]++
		if example[k] == "" {
			example[k] = fmt.Sprintf("%s:%d:%d: %s", d.Path, d.Line, d.Col, d.Message)
		}
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if counts[kinds[i]] != counts[kinds[j]] {
			return counts[kinds[i]] > counts[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "%5d  %s\n       e.g. %s\n", counts[k], k, example[k])
	}
	return b.String()
}

// codeRE matches the code of a page, where shortcodes may be shown.
var codeRE = regexp.MustCompile(`(?s)<pre[ >].*?</pre>|<code[ >].*?</code>`)

// Every shortcode of docsy-example is rendered: no page shows a shortcode's
// tag outside code, where its docs show them on purpose.
func TestCorpusShortcodes(t *testing.T) {
	s := corpus(t, "docsy-example", corpusContent["docsy-example"])
	if n := len(s.res.Site.Docs); n < 25 {
		t.Errorf("%d documents, want at least 25", n)
	}
	pages := 0
	for _, p := range s.out.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		text := codeRE.ReplaceAllString(s.file(p), "")
		for _, tag := range []string{"{{<", "{{&lt;", "{{%"} {
			if i := strings.Index(text, tag); i >= 0 {
				t.Errorf("%s shows a shortcode: %q", p, text[max(0, i-40):min(len(text), i+60)])
			}
		}
	}
	if pages == 0 {
		t.Fatal("no pages written")
	}
	t.Logf("warnings by kind:\n%s", byKind(s, "warning"))
}

// serve on each collection: edits of a title, an owner, tags, a summary
// and a body, saved one after another in a few of its documents, each
// leave the site a fresh build makes, whichever way the session rebuilds.
func TestCorporaSessionEditsEqualFreshBuild(t *testing.T) {
	eachCorpus(t, func(t *testing.T, name, root string) {
		// The collection in memory, so that it can be edited, with
		// its files' times, as serve finds them on disk.
		fsys := fstest.MapFS{"site.yaml": {Data: []byte("content_dir: " + corpusContent[name] + "\nbroken_links: warning\n")}}
		var docs []string
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			fsys[rel] = &fstest.MapFile{Data: b, ModTime: info.ModTime()}
			if strings.HasSuffix(rel, ".md") && strings.HasPrefix(rel, strings.TrimPrefix(corpusContent[name]+"/", "./")) {
				docs = append(docs, rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(docs)
		if len(docs) == 0 {
			t.Fatal("no documents")
		}
		sess := NewSession(fsys, Options{Now: testNow})
		sess.Rebuild(nil)
		// key adds a front matter key, in front matter of its own
		// when the document has none.
		key := func(b []byte, line string) []byte {
			if bytes.HasPrefix(b, []byte("---\n")) {
				return []byte(strings.Replace(string(b), "---\n", "---\n"+line+"\n", 1))
			}
			return append([]byte("---\n"+line+"\n---\n"), b...)
		}
		edits := []func([]byte, int) []byte{
			func(b []byte, i int) []byte { return key(b, fmt.Sprintf("title: Edited title %d", i)) },
			func(b []byte, i int) []byte { return key(b, fmt.Sprintf("owner: team-%d", i)) },
			func(b []byte, i int) []byte { // a body edit
				return fmt.Appendf(bytes.Clone(b), "\nAn edit, number %d, see [[%s]].\n", i, strings.TrimSuffix(docs[0], ".md"))
			},
			func(b []byte, i int) []byte { return key(b, fmt.Sprintf("tags: [edited-%d, handbook]", i%2)) },
			func(b []byte, i int) []byte { return key(b, fmt.Sprintf("summary: Edited summary %d.", i)) },
		}
		partial := 0
		keys := []string{"\ntitle:", "\nowner:", "", "\ntags:", "\nsummary:"}
		for step := range 15 {
			p := docs[(step*7919)%len(docs)]
			src := fsys[p].Data
			if k := keys[step%len(keys)]; k != "" && bytes.HasPrefix(src, []byte("---\n")) && bytes.Contains(src, []byte(k)) {
				continue // the key is there already: a second one is an error
			}
			fsys[p] = &fstest.MapFile{Data: edits[step%len(edits)](src, step), ModTime: fsys[p].ModTime.Add(time.Second)}
			up := sess.Rebuild([]string{p})
			if !up.Whole() {
				partial++
			}
			sameAsFresh(t, fsys, up, fmt.Sprintf("step %d (%s)", step, p))
		}
		t.Logf("%d edits took a partial path", partial)
	})
}

// TestCorporaFirstRun builds each collection as it is, without a
// site.yaml, as a team's first run does, with broken links as warnings:
// each builds without error from a folder that holds its known content
// folder or lies in it (the folder another tool's settings name, the
// folder that holds nearly all its Markdown, or the whole folder), with
// about the documents of that known folder, and a note says which folder was read.
func TestCorporaFirstRun(t *testing.T) {
	eachCorpus(t, func(t *testing.T, name, root string) {
		opts := Options{Now: testNow, BrokenLinks: "warning"}
		out := publish.NewMemory()
		first := Run(os.DirFS(root), out, opts)
		// No page asks another host for anything: an image there is a
		// link to it.
		for p, b := range out.Files() {
			if m := outsideLoad.Find(b); m != nil && strings.HasSuffix(p, ".html") {
				t.Errorf("%s loads from another host: %s", p, m)
			}
		}
		// The decision index lists every decision of the registry, with
		// a status or without one.
		if n := len(first.Site.Decisions); n > 0 {
			index := string(out.Files()["decisions/index.html"])
			if rows := strings.Count(index, "<tr data-status="); rows != n {
				t.Errorf("the decision index lists %d of the %d decisions", rows, n)
			}
		}
		// Where its configuration names its repository (Docsy's
		// github_repo), every page links to its file there.
		if first.Config.EditLink("x.md") != "" {
			for _, d := range first.Site.Docs {
				edit := `href="` + html.EscapeString(first.Config.EditLink(d.SourcePath)) + `"`
				if page := out.Files()[d.URL+"index.html"]; !d.Synthetic && !bytes.Contains(page, []byte(edit)) {
					t.Errorf("%s: no %s", d.URL+"index.html", edit)
				}
			}
		}
		t.Logf("as it is: %s; %v", first.Summary(), first.Notes)
		dir, want := first.Config.ContentDir, corpusContent[name]
		if related := dir == want || dir == "." || want == "." || strings.HasPrefix(want, dir+"/") || strings.HasPrefix(dir, want+"/"); first.Errors > 0 || !related {
			t.Fatalf("read %s/ with %d errors, want %s/, a folder in it or a folder that holds it, and none:\n%s", dir, first.Errors, want, byKind(&site{res: first}, "error"))
		}
		if _, err := os.Stat(filepath.Join(root, "content")); err != nil && first.Config.From() == "" &&
			!slices.ContainsFunc(first.Notes, func(n string) bool {
				return strings.Contains(n, "no content/ folder: "+dir) || dir == "." && strings.Contains(n, "the whole folder is read")
			}) {
			t.Errorf("no note says %s/ was read: %v", dir, first.Notes)
		}
		if title := cmp.Or(corpusTitle[name], "Handbook"); first.Config.Title != title {
			t.Errorf("titled %q, want %q", first.Config.Title, title)
		}
		known := corpusWith(t, name, want, opts)
		if len(first.Site.Docs)*10 < len(known.res.Site.Docs)*9 {
			t.Errorf("%d documents, where %s/ has %d", len(first.Site.Docs), want, len(known.res.Site.Docs))
		}
	})
}

// eachCorpus runs f on each collection of corpusContent, in a subtest of
// its name, with its folder; skipped where the collections or this one are
// absent.
func eachCorpus(t *testing.T, f func(t *testing.T, name, root string)) {
	dir := os.Getenv(corporaEnv)
	if dir == "" {
		t.Skipf("set %s to a folder of real handbooks", corporaEnv)
	}
	for _, name := range slices.Sorted(maps.Keys(corpusContent)) {
		t.Run(name, func(t *testing.T) {
			root := filepath.Join(dir, name)
			if _, err := os.Stat(root); err != nil {
				t.Skipf("corpus %s is absent (%v)", name, err)
			}
			f(t, name, root)
		})
	}
}

// TestCorporaNewDecision: in a copy of each collection that holds
// decisions, as it is, `handbook new decision` writes the record beside
// most of its decisions, and the next build reads it as one more decision,
// proposed, with no new error.
func TestCorporaNewDecision(t *testing.T) {
	eachCorpus(t, func(t *testing.T, name, root string) {
		opts := Options{Now: testNow, BrokenLinks: "warning"}
		before := Run(os.DirFS(root), publish.NewMemory(), opts)
		folders := map[string]int{}
		for _, d := range before.Site.Decisions {
			if d.Doc != nil && d.Doc.Kind == handbook.KindDecision {
				folders[path.Dir(d.Doc.SourcePath)]++
			}
		}
		if len(folders) == 0 {
			t.Skipf("%s holds no decision records", name)
		}
		most := ""
		for f, n := range folders {
			if most == "" || n > folders[most] || n == folders[most] && f < most {
				most = f
			}
		}
		copyRoot := t.TempDir()
		if err := os.CopyFS(copyRoot, os.DirFS(root)); err != nil {
			t.Fatal(err)
		}
		p, err := scaffold.New(copyRoot, "decision", "Use Go for the next version")
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(copyRoot, p)
		if rel = filepath.ToSlash(rel); path.Dir(rel) != most {
			t.Errorf("written at %s, not beside the decisions in %s/", rel, most)
		}
		after := Run(os.DirFS(copyRoot), publish.NewMemory(), opts)
		d := after.Site.ByPath[strings.TrimPrefix(rel, after.Config.ContentDir+"/")]
		if d == nil || d.Kind != handbook.KindDecision || d.Status != "proposed" || d.Title != "Use Go for the next version" {
			t.Fatalf("the new record %s is not read as a proposed decision: %+v", rel, d)
		}
		if after.Errors != before.Errors || len(after.Site.Decisions) != len(before.Site.Decisions)+1 {
			t.Errorf("%d errors and %d decisions after, %d and %d before:\n%s", after.Errors, len(after.Site.Decisions), before.Errors, len(before.Site.Decisions), byKind(&site{res: after}, "error"))
		}
		src, _ := os.ReadFile(p)
		t.Logf("%s:\n%s", rel, src[:min(len(src), 400)])
	})
}

// TestCorporaCodeowners: each collection, as it is, with a CODEOWNERS
// file beside it: every document whose front matter names no owner is
// owned by the rule that matches its file, wherever its content folder
// is, nothing is left without an owner, and the build reports nothing new
// (fewer warnings, where a lint asked who owns a decision).
func TestCorporaCodeowners(t *testing.T) {
	eachCorpus(t, func(t *testing.T, name, root string) {
		opts := Options{Now: testNow, BrokenLinks: "warning"}
		before := Run(os.DirFS(root), publish.NewMemory(), opts)
		fsys := &theme.Overlay{
			Top:  fstest.MapFS{".github/CODEOWNERS": {Data: []byte("* @acme/everyone\n*.md @acme/writers\n")}},
			Base: os.DirFS(root),
		}
		out := publish.NewMemory()
		res := Run(fsys, out, opts)
		if res.Errors != before.Errors || res.Warnings > before.Warnings {
			t.Errorf("%d errors and %d warnings, where the collection alone has %d and %d", res.Errors, res.Warnings, before.Errors, before.Warnings)
		}
		owned := 0
		for _, d := range res.Site.Docs {
			want := cmp.Or(d.Outline.Owner, "@acme/writers")
			if d.Synthetic {
				want = ""
			}
			if d.Owner != want {
				t.Errorf("%s: owner %q, want %q", d.SourcePath, d.Owner, want)
			} else if want == "@acme/writers" {
				owned++
			}
		}
		if r := health.Make(res.Site, res.Config, testNow, res.Lints); len(r.NoOwner) != 0 {
			t.Errorf("%d documents without an owner, first %s", len(r.NoOwner), r.NoOwner[0].Source)
		}
		if page := out.Files()["owners/acme-writers/index.html"]; owned > 0 && page == nil {
			t.Errorf("no page for the owner of %d documents", owned)
		}
		t.Logf("%d of %d documents owned by CODEOWNERS", owned, len(res.Site.Docs))
	})
}
