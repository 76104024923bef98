package build

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestSessionDisplayEditsEqualFreshBuild edits what pages show of
// documents (statuses, owners, tags, areas, summaries, dates, authors) in
// a site whose pages show them in many places: lists, tag and owner pages
// (made and emptied by the edits), related pages, backlinks, the decision
// index and supersedes chains, a reading path and the health page. After
// every step the session's site is byte for byte a fresh build's, and
// the edits took the partial path, writing the edited page first and far
// fewer pages than the site has. Some steps leave their Later to the next
// edit, as serve does when saves come in quick succession.
func TestSessionDisplayEditsEqualFreshBuild(t *testing.T) {
	statuses := []string{"proposed", "accepted", "superseded", "deprecated", "rejected"}
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 23))
			fsys := fstest.MapFS{
				"site.yaml": {Data: []byte("title: Shown\nreview_every: 90d\nsections:\n  guides: page\n  decisions: decision\n  design: design-doc\n" +
					"reading_paths:\n  - id: p\n    steps: [guides/g01, dec-02, design/d01]\n")},
				"content/_index.md": {Data: []byte("---\ntitle: Home\n---\nStart.\n")},
			}
			type doc struct {
				path, title, kind string
				fields            map[string]string
				body              string
			}
			var docs []*doc
			for i := range 90 {
				docs = append(docs, &doc{path: fmt.Sprintf("content/guides/g%02d.md", i), title: fmt.Sprintf("Guide %d", i), kind: "guide",
					fields: map[string]string{"owner": fmt.Sprintf("team-%c", 'a'+rune(i%3)), "tags": fmt.Sprintf("[t%d, t%d]", i%4, i%5),
						"date": fmt.Sprintf("2026-0%d-01", 1+i%9)},
					body: fmt.Sprintf("Guide %d. See [[guides/g%02d]] and [[dec-%02d]].\n\n## Notes\n\nWords.\n", i, (i+1)%90, i%8)})
			}
			for i := range 8 {
				f := map[string]string{"id": fmt.Sprintf("dec-%02d", i), "status": statuses[i%2], "owner": "team-a", "area": fmt.Sprintf("a%d", i%3),
					"date": fmt.Sprintf("2026-0%d-02", 1+i)}
				if i%4 == 1 {
					f["status"] = "superseded"
				}
				if i%4 == 2 {
					f["supersedes"] = fmt.Sprintf("[dec-%02d]", i-1)
				}
				docs = append(docs, &doc{path: fmt.Sprintf("content/decisions/%02d.md", i), title: fmt.Sprintf("Decision %d", i), kind: "decision", fields: f,
					body: fmt.Sprintf("## Context\n\nWhy %d, see [[design/d%02d]].\n\n## Decision\n\nWe do %d.\n\n## Consequences\n\nSome.\n", i, i%4, i)})
			}
			for i := range 4 {
				f := map[string]string{"status": "accepted", "owner": "team-b", "tags": "[t1]"}
				if i%2 == 0 {
					f["decisions"] = fmt.Sprintf("\n  - id: inline-%d\n    title: Inline %d\n    status: accepted", i, i)
				}
				docs = append(docs, &doc{path: fmt.Sprintf("content/design/d%02d.md", i), title: fmt.Sprintf("Design %d", i), kind: "design", fields: f,
					body: fmt.Sprintf("## Problem\n\nSee [[dec-%02d]] and [[guides/g%02d]].\n", i, i*3)})
			}
			write := func(d *doc) {
				var b strings.Builder
				b.WriteString("---\ntitle: " + d.title + "\n")
				for _, k := range slices.Sorted(func(yield func(string) bool) {
					for k := range d.fields {
						if !yield(k) {
							return
						}
					}
				}) {
					if v := d.fields[k]; v != "" {
						b.WriteString(k + ": " + v + "\n")
					}
				}
				b.WriteString("---\n" + d.body)
				fsys[d.path] = &fstest.MapFile{Data: []byte(b.String())}
			}
			for _, d := range docs {
				write(d)
			}
			sess := NewSession(fsys, Options{Now: testNow, Gzip: seed%2 == 1})
			if up := sess.Rebuild(nil); up.Result.Errors > 0 {
				t.Fatal(up.Result.Diags.All()[0])
			}
			total := len(sess.files)
			edit := func(d *doc, step int) {
				switch r.IntN(8) {
				case 0:
					if d.kind != "guide" {
						d.fields["status"] = statuses[r.IntN(len(statuses))]
					} else {
						d.fields["summary"] = fmt.Sprintf("Summary %d.", step)
					}
				case 1: // an owner, perhaps a new one, or none
					d.fields["owner"] = []string{"", "team-a", "team-b", "team-c", fmt.Sprintf("team-new%d", step)}[r.IntN(5)]
				case 2: // tags, perhaps a new one, or none
					d.fields["tags"] = []string{"", "[t1]", fmt.Sprintf("[t2, fresh%d]", step), "[t3, t0]"}[r.IntN(4)]
				case 3:
					d.fields["area"] = fmt.Sprintf("a%d", r.IntN(5))
				case 4:
					d.fields["date"] = fmt.Sprintf("2025-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
				case 5:
					d.fields["reviewed"] = fmt.Sprintf("2026-%02d-01", 1+r.IntN(9))
				case 6:
					d.fields["authors"] = fmt.Sprintf("[ann, bo%d]", step)
				default:
					d.fields["summary"] = []string{"", fmt.Sprintf("Summary %d.", step)}[r.IntN(2)]
				}
				write(d)
			}
			partial, left := 0, false
			for step := range 30 {
				var touched []string
				for k := range 1 + r.IntN(2) {
					d := docs[r.IntN(len(docs))]
					if k > 0 && slices.Contains(touched, d.path) {
						continue
					}
					edit(d, step)
					touched = append(touched, d.path)
				}
				up := sess.Rebuild(touched)
				if !up.Whole() {
					if up.Result.Errors > 0 || len(up.Changed) != len(touched) || up.Later == nil {
						t.Fatalf("step %d: a display edit of %v wrote %v first (errors: %d)", step, touched, up.Changed, up.Result.Errors)
					}
					if r.IntN(3) == 0 {
						left = true
						continue // Later left to the next edit
					}
					files, later := up.Later()
					up.Files, up.Later = files, nil
					if !up.Whole() { // the site kept its shape
						partial++
						if len(later) > total/2 {
							t.Errorf("step %d: the edit of %v wrote %d files of %d", step, touched, len(later), total)
						}
					}
				}
				sameAsFresh(t, fsys, up, fmt.Sprintf("step %d (%v)", step, touched))
			}
			if !left {
				t.Error("no Later was left to the next edit")
			}
			// Edits whose Later was left are not counted.
			t.Logf("%d of 30 edits took the partial path", partial)
			if partial < 12 {
				t.Errorf("only %d of 30 edits took the partial path", partial)
			}
		})
	}
}

// A site whose own layouts show what the theme's do not (here, every
// document's status and title in every page's footer) is rebuilt whole
// after a status or a title edit: which pages show a document is its
// layouts' to say.
func TestSessionOwnLayoutsRebuildWhole(t *testing.T) {
	doc := func(i int, title, status string) []byte {
		return fmt.Appendf(nil, "---\ntitle: %s\nstatus: %s\nowner: team-a\n---\nBody %d, see [[guides/g%d]].\n", title, status, i, (i+1)%4)
	}
	fsys := fstest.MapFS{
		"site.yaml":                    {Data: []byte("title: Own\n")},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\nStart.\n")},
		"layouts/partials/footer.html": {Data: []byte(`<footer>{{ range .Site.Sections }}{{ range .Children }}<span>{{ .Title }}: {{ .Status }}</span>{{ end }}{{ end }}</footer>`)},
	}
	for i := range 4 {
		fsys[fmt.Sprintf("content/guides/g%d.md", i)] = &fstest.MapFile{Data: doc(i, fmt.Sprintf("Guide %d", i), "draft")}
	}
	sess := NewSession(fsys, Options{Now: testNow})
	if up := sess.Rebuild(nil); up.Result.Errors > 0 {
		t.Fatal(up.Result.Diags.All()[0])
	}
	for step, e := range []struct{ title, status string }{{"Guide 2", "accepted"}, {"Guide two", "accepted"}} {
		p := "content/guides/g2.md"
		fsys[p] = &fstest.MapFile{Data: doc(2, e.title, e.status)}
		up := sess.Rebuild([]string{p})
		if !up.Whole() {
			t.Errorf("step %d: an edit of what the site's own layouts show took a partial path", step)
		}
		sameAsFresh(t, fsys, up, fmt.Sprint("step ", step))
	}
}

// The first tag of a site adds the tags page to every page's footer: an
// edit of what pages show that changes the site's shape writes the edited
// page first and then the whole site, and so does one whose Later is left
// to the next edit.
func TestSessionDisplayEditThatChangesShape(t *testing.T) {
	doc := func(i int, tags string) []byte {
		return fmt.Appendf(nil, "---\ntitle: Guide %d\n%s---\nBody %d, see [[guides/g%d]].\n", i, tags, i, (i+1)%4)
	}
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: Shape\n")},
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\nStart.\n")},
	}
	for i := range 4 {
		fsys[fmt.Sprintf("content/guides/g%d.md", i)] = &fstest.MapFile{Data: doc(i, "")}
	}
	sess := NewSession(fsys, Options{Now: testNow})
	sess.Rebuild(nil)
	edit := func(i int, tags string) *Update {
		p := fmt.Sprintf("content/guides/g%d.md", i)
		fsys[p] = &fstest.MapFile{Data: doc(i, tags)}
		return sess.Rebuild([]string{p})
	}
	up := edit(1, "tags: [first]\n")
	if len(up.Changed) != 1 || up.Later == nil {
		t.Fatalf("the first tag wrote %v first (Later set: %v)", up.Changed, up.Later != nil)
	}
	files, _ := up.Later()
	up.Files, up.Later = files, nil
	if !up.Whole() {
		t.Error("the first tag of the site did not write the whole site")
	}
	sameAsFresh(t, fsys, up, "first tag")

	edit(2, "tags: [second]\n") // its Later left
	edit(1, "")
	sameAsFresh(t, fsys, edit(2, ""), "the last tag gone")
}
