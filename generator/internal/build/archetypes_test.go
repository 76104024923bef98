package build

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/scaffold"
)

// TestDefaultArchetypesBuild: what `handbook new` writes from the default
// archetype of every kind, in the kind's usual folder of a handbook without
// site.yaml, builds into a document of that kind with its title and nothing
// to report; the search index names every kind's badge.
func TestDefaultArchetypesBuild(t *testing.T) {
	const title = `Retries: a "budget" # for payments`
	fsys := fstest.MapFS{"content/_index.md": {Data: []byte("---\ntitle: Home\n---\n")}}
	want := map[string]handbook.Kind{}
	for _, s := range handbook.KindTable {
		d := scaffold.NewData(s.Name, title, testNow, "0001")
		text, err := scaffold.Render(fsys, s.Name, d)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		p := "content/" + d.Slug + ".md"
		if len(s.Folders) > 0 {
			p = "content/" + s.Folders[0] + "/" + d.Slug + ".md"
		}
		if s.Numbered {
			p = strings.Replace(p, d.Slug, d.Number+"-"+d.Slug, 1)
		}
		fsys[p] = &fstest.MapFile{Data: text}
		want[strings.TrimPrefix(p, "content/")] = s.Name
	}
	site := buildFS(t, fsys)
	site.noDiags()
	for _, d := range site.res.Site.Docs {
		if k, ok := want[d.Path]; ok {
			if d.Kind != k || d.Title != title || d.IsSection {
				t.Errorf("%s: a %s titled %q, want a %s titled %q", d.Path, d.Kind, d.Title, k, title)
			}
			delete(want, d.Path)
		}
	}
	if len(want) > 0 {
		t.Errorf("not built: %v", want)
	}

	js := strings.TrimSuffix(strings.TrimPrefix(site.file("search/index.js"), "window.HANDBOOK_SEARCH="), ";\n")
	var idx struct {
		Kinds   map[string]string `json:"kinds"`
		Aliases map[string]string `json:"kind_aliases"`
	}
	if err := json.Unmarshal([]byte(js), &idx); err != nil {
		t.Fatal(err)
	}
	for _, s := range handbook.KindTable {
		if idx.Kinds[string(s.Name)] != s.Badge {
			t.Errorf("the search index labels %s %q, want %q", s.Name, idx.Kinds[string(s.Name)], s.Badge)
		}
		for _, f := range s.Folders {
			if a, ok := idx.Aliases[f]; ok && a != string(s.Name) {
				t.Errorf("the search index takes kind:%s for %s, want %s", f, a, s.Name)
			}
		}
	}
	if idx.Aliases["adr"] != "decision" {
		t.Errorf("kind:adr is %q in the search index", idx.Aliases["adr"])
	}
}
