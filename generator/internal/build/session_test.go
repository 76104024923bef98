package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"handbook/generator/internal/publish"
)

// TestSessionEqualsFreshBuild applies random edit sequences (create, edit
// body, edit title, rename, delete, break and fix) and checks after every
// step that the session's rebuild is byte for byte a fresh build, whether
// the session keeps the site compressed or not.
func TestSessionEqualsFreshBuild(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 99))
			fsys := fstest.MapFS{
				"site.yaml":         {Data: []byte("title: Edits\nsections:\n  decisions: decision\nreading_paths:\n  - id: p\n    steps: [home]\n")},
				"content/_index.md": {Data: []byte("---\ntitle: Home\n---\nStart.\n")},
			}
			names := []string{}
			body := func(i int) string {
				link := ""
				if len(names) > 0 {
					link = fmt.Sprintf(" See [[%s]].", strings.TrimSuffix(strings.TrimPrefix(names[r.IntN(len(names))], "content/"), ".md"))
				}
				return fmt.Sprintf("Body %d %d.%s\n\n## Notes\n\n%s\n", i, r.IntN(1000), link, strings.Repeat("word ", r.IntN(400)))
			}
			doc := func(title string, i int) []byte {
				return []byte(fmt.Sprintf("---\ntitle: %s\ntags: [t%d]\n---\n%s", title, r.IntN(3), body(i)))
			}
			// Odd seeds keep the site compressed, as serve does.
			sess := NewSession(fsys, Options{Now: testNow, Gzip: seed%2 == 1})
			partial := 0
			defer func() {
				if partial == 0 {
					t.Error("no rebuild took the body-edit path")
				}
				t.Logf("%d partial rebuilds", partial)
			}()
			for step := range 60 {
				op := r.IntN(9)
				var touched []string
				switch {
				case op == 0 || len(names) < 3:
					p := fmt.Sprintf("content/s%d/d%d.md", r.IntN(2), step)
					fsys[p] = &fstest.MapFile{Data: doc(fmt.Sprintf("Doc %d", step), step)}
					names = append(names, p)
					touched = append(touched, p)
				case op == 1 || op == 7 || op == 8: // edit body; 8 also adds a heading
					p := names[r.IntN(len(names))]
					old := fsys[p].Data
					i := bytes.Index(old[3:], []byte("---")) + 6
					nb := body(step)
					if op == 8 {
						nb += fmt.Sprintf("\n## Added %d\n", step)
					}
					fsys[p] = &fstest.MapFile{Data: append(append([]byte{}, old[:i]...), nb...)}
					touched = append(touched, p)
				case op == 2: // edit title
					p := names[r.IntN(len(names))]
					fsys[p] = &fstest.MapFile{Data: doc(fmt.Sprintf("Retitled %d", step), step)}
					touched = append(touched, p)
				case op == 3: // rename
					i := r.IntN(len(names))
					np := fmt.Sprintf("content/s%d/renamed%d.md", r.IntN(2), step)
					fsys[np] = fsys[names[i]]
					delete(fsys, names[i])
					touched = append(touched, names[i], np)
					names[i] = np
				case op == 4: // delete
					i := r.IntN(len(names))
					delete(fsys, names[i])
					touched = append(touched, names[i])
					names = append(names[:i], names[i+1:]...)
				case op == 5: // break
					p := names[r.IntN(len(names))]
					fsys[p] = &fstest.MapFile{Data: []byte("---\ntitle: [broken\n---\n")}
					touched = append(touched, p)
				case op == 6: // fix everything broken
					for _, p := range names {
						if bytes.Contains(fsys[p].Data, []byte("[broken")) {
							fsys[p] = &fstest.MapFile{Data: doc("Fixed", step)}
							touched = append(touched, p)
						}
					}
				}
				up := sess.Rebuild(touched)
				if !up.Whole() {
					partial++
				}
				sameAsFresh(t, fsys, up, fmt.Sprintf("step %d (op %d)", step, op))
			}
		})
	}
}

func diagText(r *Result) string {
	var b strings.Builder
	for _, d := range r.Diags.All() {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

func compareOutputs(got, want map[string][]byte) string {
	var paths []string
	for p := range want {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		g, ok := got[p]
		if !ok {
			return "session lacks " + p
		}
		if !bytes.Equal(g, want[p]) {
			return p + " differs:\n" + diff(string(want[p]), string(g))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			return "session has extra " + p
		}
	}
	return ""
}

// TestSessionTitleEditsEqualFreshBuild retitles documents of a section
// longer than the sidebar lists, with tags, owners, links, related pages,
// aliases, a reading path and overdue reviews, in random order (a title
// alone, a title and a body, a body alone), and checks after every step
// that the session's rebuild is byte for byte a fresh build, and that
// title edits took the partial path.
func TestSessionTitleEditsEqualFreshBuild(t *testing.T) {
	const n = 120
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			fsys := fstest.MapFS{
				"site.yaml":            {Data: []byte("title: Titles\nreview_every: 90d\nsections:\n  guides: page\n  design: design-doc\nreading_paths:\n  - id: p\n    steps: [guides/g03, guides/g40]\n")},
				"content/_index.md":    {Data: []byte("---\ntitle: Home\n---\nStart.\n")},
				"content/design/d1.md": {Data: []byte("---\ntitle: A design\nowner: team-a\n---\nSee [[guides/g10]] and [[guides/g45]].\n")},
			}
			title := func(i, v int) string {
				return fmt.Sprintf("%c guide %d%s", 'A'+rune((i*7+v)%26), i, strings.Repeat(", revised", v))
			}
			body := func(i, v int) string {
				return fmt.Sprintf("Guide %d, version %d. See [[guides/g%02d]] and [[guides/g%02d]].\n\n## Notes\n\n%s\n",
					i, v, (i+1)%n, (i*5+v)%n, strings.Repeat("word ", 10+v%7))
			}
			doc := func(i, v, bv int) []byte {
				owner := ""
				if i%3 > 0 {
					owner = fmt.Sprintf("owner: team-%c\n", 'a'+rune(i%3))
				}
				alias := ""
				if i%11 == 0 {
					alias = fmt.Sprintf("aliases: [/old/g%d/]\n", i)
				}
				return fmt.Appendf(nil, "---\ntitle: %s\ntags: [t%d, t%d]\n%sdate: 2026-0%d-01\nreviewed: 2026-0%d-15\n%s---\n%s",
					title(i, v), i%4, i%7, owner, 1+i%9, 1+i%9, alias, body(i, bv))
			}
			ver, bver := make([]int, n), make([]int, n)
			for i := range n {
				fsys[fmt.Sprintf("content/guides/g%02d.md", i)] = &fstest.MapFile{Data: doc(i, 0, 0)}
			}
			sess := NewSession(fsys, Options{Now: testNow})
			sess.Rebuild(nil)
			partial := 0
			for step := range 24 {
				i := r.IntN(n)
				p := fmt.Sprintf("content/guides/g%02d.md", i)
				switch op := r.IntN(10); {
				case op < 6:
					ver[i]++
				case op < 8:
					ver[i]++
					bver[i]++
				default:
					bver[i]++
				}
				fsys[p] = &fstest.MapFile{Data: doc(i, ver[i], bver[i])}
				up := sess.Rebuild([]string{p})
				if !up.Whole() {
					partial++
				}
				sameAsFresh(t, fsys, up, fmt.Sprintf("step %d (g%02d)", step, i))
			}
			t.Logf("%d of 24 edits took the partial path", partial)
			if partial < 8 {
				t.Errorf("only %d of 24 edits took the partial path", partial)
			}
		})
	}
}

// TestSessionDecisionTitleEditsEqualFreshBuild retitles decision records,
// the design docs that touch them (by declaring a decision inline or by
// linking to one), a reading path's steps and documents the sidebar lists,
// whose titles show on pages beyond their neighbours' (the decision index,
// supersedes chains, recurring decisions, every page of a section), and
// checks after every step that the session's rebuild is byte for byte a
// fresh build and that the edits took the partial path.
func TestSessionDecisionTitleEditsEqualFreshBuild(t *testing.T) {
	const n = 12
	for seed := range uint64(3) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 11))
			fsys := fstest.MapFS{
				"site.yaml":         {Data: []byte("title: Decisions\nsections:\n  decisions: decision\n  design: design-doc\nreading_paths:\n  - id: p\n    steps: [dec-01, design/d02]\n")},
				"content/_index.md": {Data: []byte("---\ntitle: Home\n---\nStart.\n")},
			}
			type file struct {
				path string
				make func(title string) []byte
			}
			var files []file
			for i := range n {
				i := i
				status := "accepted"
				supersedes := ""
				if i%4 == 1 {
					status = "superseded"
				}
				if i%4 == 2 {
					supersedes = fmt.Sprintf("supersedes: [dec-%02d]\n", i-1)
				}
				files = append(files, file{fmt.Sprintf("content/decisions/%02d.md", i), func(title string) []byte {
					return fmt.Appendf(nil, "---\ntitle: %s\nid: dec-%02d\nstatus: %s\ndate: 2026-0%d-01\nowner: team-%c\narea: a%d\n%s---\n## Context\n\nWhy %d.\n\n## Decision\n\nWe do %d.\n\n## Consequences\n\nSome.\n",
						title, i, status, 1+i%9, 'a'+rune(i%2), i%3, supersedes, i, i)
				}})
				files = append(files, file{fmt.Sprintf("content/design/d%02d.md", i), func(title string) []byte {
					inline := ""
					if i%3 == 0 {
						inline = fmt.Sprintf("decisions:\n  - id: inline-%02d\n    title: Inline %d\n    status: accepted\n", i, i)
					}
					return fmt.Appendf(nil, "---\ntitle: %s\nstatus: accepted\nowner: team-a\n%s---\n## Problem\n\nSee [[dec-%02d]] and [[dec-%02d]] and [[design/d%02d]].\n",
						title, inline, i, (i+3)%n, (i+1)%n)
				}})
			}
			ver := make([]int, len(files))
			title := func(k int) string {
				return fmt.Sprintf("%c title %d v%d", 'A'+rune((k*5+ver[k]*7)%26), k, ver[k])
			}
			for k, f := range files {
				fsys[f.path] = &fstest.MapFile{Data: f.make(title(k))}
			}
			sess := NewSession(fsys, Options{Now: testNow})
			sess.Rebuild(nil)
			partial := 0
			for step := range 16 {
				k := r.IntN(len(files))
				ver[k]++
				fsys[files[k].path] = &fstest.MapFile{Data: files[k].make(title(k))}
				up := sess.Rebuild([]string{files[k].path})
				if !up.Whole() {
					partial++
				}
				sameAsFresh(t, fsys, up, fmt.Sprintf("step %d (%s)", step, files[k].path))
			}
			t.Logf("%d of 16 edits took the partial path", partial)
			if partial < 8 {
				t.Errorf("only %d of 16 edits took the partial path", partial)
			}
		})
	}
}

// TestSessionLaterLeftToTheNextEdit makes body and title edits one after
// another, leaving some rebuilds' Later to the next rebuild (serve does
// when more saves wait), and checks that the site is a fresh build's once
// a Later runs.
func TestSessionLaterLeftToTheNextEdit(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: Later\n")},
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\nStart.\n")},
	}
	for i := range 6 {
		fsys[fmt.Sprintf("content/g/d%d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Doc %d\n---\nSee [[g/d%d]]. Words %d.\n", i, (i+1)%6, i)}
	}
	sess := NewSession(fsys, Options{Now: testNow, Gzip: true})
	sess.Rebuild(nil)
	for step := range 8 {
		i := step % 6
		title := fmt.Sprintf("Doc %d", i)
		if step%3 == 1 {
			title = fmt.Sprintf("Retitled %d", step)
		}
		p := fmt.Sprintf("content/g/d%d.md", i)
		fsys[p] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: %s\n---\nSee [[g/d%d]]. Quokka %d zebra.\n", title, (i+2)%6, step)}
		up := sess.Rebuild([]string{p})
		if up.Whole() {
			t.Fatalf("step %d: not a partial rebuild", step)
		}
		if step%2 == 0 {
			continue // Later left to the next edit
		}
		want := publish.NewMemory()
		Run(fsys, want, Options{Now: testNow})
		if d := compareOutputs(up.Complete(), want.Files()); d != "" {
			t.Fatalf("step %d: %s", step, d)
		}
	}
}

// sameAsFresh fails t unless the session's update up left the same
// diagnostics and the same files as a fresh build of fsys.
func sameAsFresh(t *testing.T, fsys fstest.MapFS, up *Update, step string) {
	t.Helper()
	want := publish.NewMemory()
	wres := Run(fsys, want, Options{Now: testNow})
	got := up.Complete() // the Result is final after Later
	if gd, wd := diagText(up.Result), diagText(wres); gd != wd {
		t.Fatalf("%s: diagnostics differ:\nsession:\n%s\nfresh:\n%s", step, gd, wd)
	}
	if d := compareOutputs(got, want.Files()); d != "" {
		t.Fatalf("%s: %s", step, d)
	}
}

// An edit of front matter links the site anew, but writes the edited page
// first, as a fresh build writes it, and the rest after it (Later): the
// pages that show the document after an owner or a status edit, the whole
// site after an edit of where it stands (its weight). A Later left to the
// next edit is written by that edit's, and an error found writing the
// rest brings the last good site back.
func TestSessionMetadataEditWritesItsPageFirst(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: First\nsections:\n  decisions: decision\n")},
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\nStart.\n")},
	}
	doc := func(i int, owner, status string) []byte {
		return fmt.Appendf(nil, "---\ntitle: Decision %d\nowner: %s\nstatus: %s\ndate: 2026-01-0%d\n---\n## Context\n\nSee [[decisions/d%d]].\n\n## Decision\n\nYes.\n\n## Consequences\n\nSome.\n", i, owner, status, i+1, (i+1)%4)
	}
	for i := range 4 {
		fsys[fmt.Sprintf("content/decisions/d%d.md", i)] = &fstest.MapFile{Data: doc(i, "team-a", "accepted")}
	}
	sess := NewSession(fsys, Options{Now: testNow, Gzip: true})
	if up := sess.Rebuild(nil); up.Result.Errors > 0 {
		t.Fatal(up.Result.Diags.All()[0])
	}
	edit := func(i int, owner, status string) *Update {
		p := fmt.Sprintf("content/decisions/d%d.md", i)
		fsys[p] = &fstest.MapFile{Data: doc(i, owner, status)}
		return sess.Rebuild([]string{p})
	}

	up := edit(1, "team-b", "accepted")
	if want := []string{"decisions/d1/index.html"}; !slices.Equal(up.Changed, want) || up.Later == nil || up.Whole() {
		t.Fatalf("an owner edit wrote %v first (Later set: %v, whole site: %v), want %v and the pages that show it later", up.Changed, up.Later != nil, up.Whole(), want)
	}
	fresh := publish.NewMemory()
	Run(fsys, fresh, Options{Now: testNow})
	page, _ := fresh.Get("decisions/d1/index.html")
	if got, _ := publish.Gunzip(up.Files["decisions/d1/index.html"]); !bytes.Equal(got, page) || !bytes.Contains(page, []byte("team-b")) {
		t.Fatal("the page written first is not the fresh build's, showing the new owner")
	}
	sameAsFresh(t, fsys, up, "owner edit")

	// A weight puts the record elsewhere among its siblings: the whole
	// site follows the page.
	p := "content/decisions/d2.md"
	fsys[p] = &fstest.MapFile{Data: bytes.Replace(doc(2, "team-a", "accepted"), []byte("\n---\n"), []byte("\nweight: 1\n---\n"), 1)}
	up = sess.Rebuild([]string{p})
	if want := []string{"decisions/d2/index.html"}; !slices.Equal(up.Changed, want) || up.Later == nil || !up.Whole() {
		t.Fatalf("a weight edit wrote %v first (Later set: %v, whole site: %v), want %v and the whole site later", up.Changed, up.Later != nil, up.Whole(), want)
	}
	sameAsFresh(t, fsys, up, "weight edit")

	// Two status edits in quick succession: the first one's Later is
	// left, and the second one's writes what both owe.
	edit(2, "team-a", "superseded")
	sameAsFresh(t, fsys, edit(3, "team-b", "deprecated"), "status edits")

	// A Later overtaken by another change stops, and leaves the whole
	// site to the next rebuild.
	overtaken := true
	sess.Overtaken(func() bool { return overtaken })
	up = edit(1, "team-a", "proposed")
	files, written := up.Later()
	if d := compareOutputs(files, up.Files); len(written) != 0 || d != "" {
		t.Fatalf("an overtaken Later wrote %v: %s", written, d)
	}
	overtaken = false
	sameAsFresh(t, fsys, edit(2, "team-b", "accepted"), "after an overtaken Later")

	// A file of the content published where the edit puts a page: the
	// error is found writing the rest, and the last good site comes back.
	fsys["content/owners/team-c/index.html"] = &fstest.MapFile{Data: []byte("<p>mine</p>")}
	sess.Rebuild([]string{"content/owners/team-c/index.html"}).Complete()
	good := sess.files
	up = edit(0, "team-c", "accepted")
	if up.Later == nil {
		t.Fatal("the owner edit was not written page first")
	}
	files, _ = up.Later()
	if up.Result.Errors == 0 {
		t.Fatal("no error for a file published where the owner's page is")
	}
	if d := compareOutputs(files, good); d != "" {
		t.Fatalf("after the error, not the last good site: %s", d)
	}
}

// A site.yaml edit that changes what parsing gives (raw_html, the kind of
// a folder) parses every document again.
func TestSessionSiteYAMLEditParsesAgain(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":          {Data: []byte("title: T\nraw_html: none\n")},
		"content/_index.md":  {Data: []byte("---\ntitle: Home\n---\nStart <b>bold</b>.\n")},
		"content/notes/a.md": {Data: []byte("---\ntitle: A\nstatus: accepted\n---\nHello <b>x</b>.\n")},
	}
	sess := NewSession(fsys, Options{Now: testNow})
	sess.Rebuild(nil)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: T\nraw_html: all\nsections:\n  notes: decision\n")}
	sameAsFresh(t, fsys, sess.Rebuild([]string{"site.yaml"}), "raw_html and a section's kind changed")
	// Another language: the theme's words, and the kinds' names in the
	// search index, follow.
	fsys["content/notes/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 検索の語\n---\n日本語の文章を検索する。\n")}
	sameAsFresh(t, fsys, sess.Rebuild([]string{"content/notes/b.md"}), "a Japanese document")
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: T\nlanguage: ja\nraw_html: all\nsections:\n  notes: decision\n")}
	sameAsFresh(t, fsys, sess.Rebuild([]string{"site.yaml"}), "the language changed")
}

// A rebuild after a save reads only the files that may have changed: the
// saved ones, and any whose size or modification time differs from when
// it was read; the others keep their parses unread.
func TestSessionReadsOnlyChangedFiles(t *testing.T) {
	mod := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), ModTime: mod} }
	fsys := fstest.MapFS{
		"site.yaml":         file("title: T\n"),
		"content/_index.md": file("---\ntitle: Home\n---\nStart.\n"),
		"content/g/a.md":    file("---\ntitle: A\nowner: team-a\n---\nSee [[g/b]].\n"),
		"content/g/b.md":    file("---\ntitle: B\n---\nSee [[g/c]].\n"),
		"content/g/c.md":    file("---\ntitle: C\n---\nAlone.\n"),
	}
	sess := NewSession(fsys, Options{Now: testNow})
	sess.Rebuild(nil)
	reads := &countingFS{MapFS: fsys, opened: map[string]int{}}
	sess.fsys = reads
	// a.md saved; b.md changed in length and c.md in time, both unseen
	// by the watcher.
	fsys["content/g/a.md"] = file("---\ntitle: A\nowner: team-b\n---\nSee [[g/b]].\n")
	fsys["content/g/b.md"] = file("---\ntitle: B\n---\nSee [[g/c]] and [[g/a]].\n")
	fsys["content/g/c.md"] = &fstest.MapFile{Data: []byte("---\ntitle: C\n---\nAlone!\n"), ModTime: mod.Add(time.Second)}
	sameAsFresh(t, fsys, sess.Rebuild([]string{"content/g/a.md"}), "an owner edit")
	if reads.opened["content/_index.md"] != 0 {
		t.Errorf("the unchanged home page was read again")
	}
	for _, p := range []string{"content/g/a.md", "content/g/b.md", "content/g/c.md"} {
		if reads.opened[p] == 0 {
			t.Errorf("%s was not read again", p)
		}
	}
}

// countingFS counts the files opened in a MapFS.
type countingFS struct {
	fstest.MapFS
	mu     sync.Mutex
	opened map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.MapFS.Open(name)
}

// TestSessionNavEditsEqualFreshBuild edits an mdBook's SUMMARY.md (its
// chapters reordered, renamed, left out) and its chapters (titles and
// bodies) in random order, and checks after every step that the
// session's rebuild is byte for byte a fresh build.
func TestSessionNavEditsEqualFreshBuild(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	fsys := fstest.MapFS{
		"book.toml":     {Data: []byte("[book]\ntitle = \"Book\"\n")},
		"src/README.md": {Data: []byte("# Intro\n")},
	}
	const n = 6
	chapter := func(i, v int) []byte {
		return []byte(fmt.Sprintf("# Chapter %d v%d\n\nText %d. See [the next](c%d.md).\n", i, v, v, (i+1)%n))
	}
	for i := range n {
		fsys[fmt.Sprintf("src/part/c%d.md", i)] = &fstest.MapFile{Data: chapter(i, 0)}
	}
	summary := func() []byte {
		b := "# Summary\n\n[Intro](README.md)\n\n"
		for _, i := range r.Perm(n)[:n-r.IntN(2)] {
			b += fmt.Sprintf("- [Label %d.%d](part/c%d.md)\n", i, r.IntN(3), i)
		}
		return []byte(b)
	}
	fsys["src/SUMMARY.md"] = &fstest.MapFile{Data: summary()}
	sess := NewSession(fsys, Options{Now: testNow})
	sess.Rebuild(nil)
	for step := range 30 {
		var touched string
		switch r.IntN(3) {
		case 0:
			touched = "src/SUMMARY.md"
			fsys[touched] = &fstest.MapFile{Data: summary()}
		case 1, 2:
			touched = fmt.Sprintf("src/part/c%d.md", r.IntN(n))
			fsys[touched] = &fstest.MapFile{Data: chapter(r.IntN(n), step)}
		}
		sameAsFresh(t, fsys, sess.Rebuild([]string{touched}), fmt.Sprintf("step %d (%s)", step, touched))
	}
}

// TestSessionMenuEditsEqualFreshBuild: a document in the header's menu
// (Hugo's menu: main) shows its title on every page; edits of its title,
// its entry and its body leave the session's site byte for byte a fresh
// build's.
func TestSessionMenuEditsEqualFreshBuild(t *testing.T) {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte("title: Menus\n")}}
	for i := range 6 {
		fsys[fmt.Sprintf("content/p%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Page %d\n\nSee [[p%d]].\n", i, (i+1)%6))}
	}
	doc := func(title, menu, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n" + menu + "---\n" + body + "\n")}
	}
	fsys["content/about.md"] = doc("About", "menu: main\n", "Us.")
	sess := NewSession(fsys, Options{Now: testNow})
	sess.Rebuild(nil)
	for step, f := range []*fstest.MapFile{
		doc("About us", "menu: main\n", "Us."),
		doc("About us", "menu: main\n", "Us and them."),
		doc("About us", "menu: {main: {name: Who, weight: 3}}\n", "Us and them."),
		doc("Who we are", "menu: {main: {name: Who, weight: 3}}\n", "Us and them."),
		doc("Who we are", "", "Us and them."),
		doc("About", "menu: [main]\n", "Us."),
	} {
		fsys["content/about.md"] = f
		sameAsFresh(t, fsys, sess.Rebuild([]string{"content/about.md"}), fmt.Sprintf("step %d", step))
	}
}

// TestSessionRootPageEditsEqualFreshBuild: the home page's own pages
// stand in every page's sidebar; edits of their titles (which move them
// among the sections too) and bodies leave the session's site byte for
// byte a fresh build's.
func TestSessionRootPageEditsEqualFreshBuild(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	fsys := fstest.MapFS{
		"site.yaml":                {Data: []byte("title: Flat\n")},
		"content/guides/_index.md": {Data: []byte("# Guides\n")},
		"content/guides/a.md":      {Data: []byte("# Guide A\n")},
		"content/guides/b.md":      {Data: []byte("# Guide B\n")},
	}
	titles := []string{"Alpha", "Hotel", "Zulu", "Bravo"}
	page := func(title, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\n" + body + "\n")}
	}
	for i, title := range titles {
		fsys[fmt.Sprintf("content/r%d.md", i)] = page(title, "Body.")
	}
	sess := NewSession(fsys, Options{Now: testNow})
	sess.Rebuild(nil)
	for step := range 16 {
		i := r.IntN(len(titles))
		if r.IntN(2) == 0 {
			titles[i] = fmt.Sprintf("%c title %d", 'A'+r.IntN(26), step)
		}
		p := fmt.Sprintf("content/r%d.md", i)
		fsys[p] = page(titles[i], fmt.Sprintf("Body %d.", step))
		sameAsFresh(t, fsys, sess.Rebuild([]string{p}), fmt.Sprintf("step %d (%s)", step, p))
	}
}
