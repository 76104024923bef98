package build

import (
	"io/fs"
	"os"
	"reflect"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/load"
	"handbook/generator/internal/markdown"
	"handbook/generator/internal/publish"
)

// TestBuildsLeaveParsesAsParsed builds a site twice in one session, as
// serve does, and checks that the second build shares the first one's
// parse of every unchanged file, that both builds write the same site,
// and that after both every parse is still what a fresh parse of its
// file gives: linking and rendering (ids, addresses, aliases, resolved
// links, the decision registry) write to the documents, never to what
// parsing produced.
func TestBuildsLeaveParsesAsParsed(t *testing.T) {
	repoRoot := "../../.."
	sites := map[string]fstest.MapFS{
		"links": {
			"site.yaml":                   {Data: []byte("title: Parses\nbase_url: https://example.com/\n")},
			"content/_index.md":           {Data: []byte("---\ntitle: Home\n---\nSee [[b]], [a](guides/a.md#why) and [gone](nowhere.md).\n")},
			"content/guides/a.md":         {Data: []byte("---\ntitle: A\nslug: alpha\naliases: [/old/a/]\nredirect_from: [/older/a/]\ntags: [Ops, ops]\n---\n## Why\n\nBack [home](../_index.md), to [[b]] and ![img](pic.png).\n")},
			"content/guides/pic.png":      {Data: []byte("png")},
			"content/b.md":                {Data: []byte("---\ntitle: B\nid: bee\nurl: /elsewhere/b/\n---\nA [link](guides/a.md).\n")},
			"content/design/cache.md":     {Data: []byte("---\ntitle: Cache\nkind: design-doc\nstatus: accepted\ndecisions:\n  - id: use-lru\n    title: Use an LRU\n    status: accepted\n    date: 2024-01-02\n  - id: use-ttl\n    title: Use TTLs\n    status: accepted\n    date: 2024-02-03\n    supersedes: [use-lru]\n---\nWe [decided](../decisions/0001-x.md).\n")},
			"content/decisions/0001-x.md": {Data: []byte("---\ntitle: X\nstatus: superseded\ndate: 2024-01-01\n---\nSee [cache](../design/cache.md).\n")},
			"content/decisions/0002-y.md": {Data: []byte("---\ntitle: Y\nstatus: accepted\ndate: 2024-03-01\nsupersedes: [decisions/0001-x]\n---\nReplaces [x](0001-x.md).\n")},
		},
	}
	for name, fsys := range map[string]fs.FS{"links": sites["links"], "demo": os.DirFS(repoRoot)} {
		t.Run(name, func(t *testing.T) {
			s := NewSession(fsys, Options{Now: testNow})
			first, second := publish.NewMemory(), publish.NewMemory()
			r1 := s.Build(first)
			parses := map[string]parse{}
			for _, d := range r1.Docs {
				parses[d.Path] = parse{d.Outline, d.Body}
			}
			r2 := s.Build(second)
			shared := 0
			for _, d := range r2.Docs {
				if markdown.HasShortcodes(d.Source) {
					continue // parsed again on every build
				}
				if parses[d.Path] != (parse{d.Outline, d.Body}) {
					t.Errorf("%s: the second build parsed the unchanged file again", d.Path)
				}
				shared++
			}
			if shared == 0 {
				t.Fatal("no document shared its parse")
			}
			if diff := compareOutputs(second.Files(), first.Files()); diff != "" {
				t.Errorf("the second build differs from the first: %s", diff)
			}
			fresh := freshParses(fsys)
			for _, d := range r2.Docs {
				want, ok := fresh[d.Path]
				if !ok || !reflect.DeepEqual(d.Outline, want.outline) {
					t.Errorf("%s: after two builds its outline is not what parsing the file gives:\n got %+v\nwant %+v", d.Path, d.Outline, want.outline)
				}
				if !ok || !reflect.DeepEqual(d.Body, want.body) {
					t.Errorf("%s: after two builds its body is not what parsing the file gives", d.Path)
				}
			}
		})
	}
}

// freshParses parses every document of the site in fsys, as a session
// does (a single build packs the bodies), and links nothing.
func freshParses(fsys fs.FS) map[string]parse {
	var diags diag.List
	cfg := config.Load(fsys, &diags)
	content := load.Load(fsys, cfg.ContentDir, &diags)
	parseAll(newParser(fsys, cfg, nil, nil), content.Docs, &diags, &parseCache{m: map[string]*cached{}}, nil, nil)
	out := make(map[string]parse, len(content.Docs))
	for _, d := range content.Docs {
		out[d.Path] = parse{d.Outline, d.Body}
	}
	return out
}

// parse is what the markdown stage made of a document.
type parse struct {
	outline *handbook.Outline
	body    *handbook.Body
}
