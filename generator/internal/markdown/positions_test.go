package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"handbook/generator/internal/diag"
)

// yamlCases are front matters written in the ways YAML allows, each
// parsed by the scan and by yaml.v3, whose nodes carry their positions.
var yamlCases = []string{
	"title: A\nstatus: accepted\ndate: 2025-01-01\n",
	"title:    spaced out   \nkind:\tvision\n",
	"id: \"quoted: id\"\nslug: 'it''s'\n",
	"status:\n  accepted\ndate:\n\n  2025-01-01\n",
	"tags: [a, b, \"c, d\", 'e]']\naliases: []\n",
	"supersedes: [\n  adr-1,   # the first\n  adr-2\n]\n",
	"supersedes:\n  - adr-1\n  -   adr-2\n  - \"adr-3\"\ntitle: after\n",
	"supersedes:\n- adr-1\n- adr-2\ntitle: after\n",
	"summary: |\n  one\n  title: not a key\n\nkind: page\n",
	"summary: >-\n  folded\n  text\nowner: me\n",
	"summary: a plain\n  scalar over\n  lines\nowner: me\n",
	"summary: \"a quoted\n  scalar\"\nowner: me\n",
	"# a comment\ntitle: A # trailing\n\n# another\nstatus: draft\n",
	"params:\n  a: 1\n  b: [x, y]\nweight: 3\n",
	"title: x:y\nurl: http://example.com/a\n",
	"\"quoted key\": 1\n'single': 2\n",
	"decisions:\n  - id: a\n    title: A\n    status: accepted\n    supersedes: [b, c]\n  - id: b\n    status: nope\n",
	"decisions:\n- id: a\n  supersedes:\n  - b\n  - c\n- {id: b, status: nope, supersedes: [a]}\n",
	"decisions:\n  -\n    id: a\n    title: A\n  - id: b\n",
	"decisions: [{id: a, title: A}, {id: b,\n    status: x}]\n",
	"decisions:\n  - id: a\n    rationale: |\n      long\n      text\n    status: proposed\n",
	"deciders: [ann,bo]\nauthors: [\"ann\",\"bo\"]\n",
	"tags: [größe, naïve]\ntitle: Ünïcode\n",
	"empty:\nnull_value: ~\nafter: 1\n",
}

// TestValuePositionsAgreeWithYAML: every key, value and element position
// the scan records is the one yaml.v3 gives, and the scan misses none of
// the top-level keys and values, the elements of their lists, or the keys
// and values of the maps in those lists, in the cases above and in every
// front matter of the bundled handbook, with LF and CRLF line ends.
func TestValuePositionsAgreeWithYAML(t *testing.T) {
	cases := slices.Clone(yamlCases)
	err := filepath.WalkDir("../../../content", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rest, ok := bytes.CutPrefix(b, []byte("---\n")); ok {
			if fm, _, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
				cases = append(cases, string(fm)+"\n")
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < len(yamlCases)+20 {
		t.Fatalf("only %d front matters", len(cases))
	}
	for _, fm := range cases {
		for _, nl := range []string{"\n", "\r\n"} {
			text := strings.ReplaceAll(fm, "\n", nl)
			want, err := yamlPositions(text, nl)
			if err != nil {
				t.Fatalf("%q: %v", text, err)
			}
			src := []byte("---" + nl + text + "---" + nl)
			s := posScan{src: src, start: 3 + len(nl), end: 3 + len(nl) + len(text), keys: map[string]int{}, vals: map[string][]int{}}
			s.scan()
			got := map[string]string{}
			for k, o := range s.keys {
				got["key "+k] = strconv.Itoa(o)
			}
			for k, v := range s.vals {
				got["value "+k] = fmt.Sprint(v)
			}
			for k, w := range want {
				if got[k] != w {
					t.Errorf("%q: %s at %s, want %s", text, k, got[k], w)
				}
			}
			for k, g := range got {
				if _, ok := want[k]; !ok {
					t.Errorf("%q: %s at %s, not a node of yaml.v3", text, k, g)
				}
			}
		}
	}
}

// yamlPositions returns, as the scan names them, the offsets in
// "---"+nl+text of the top-level keys and values, of their lists'
// elements, and of the keys and values of the maps in those lists.
func yamlPositions(text, nl string) (map[string]string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return nil, err
	}
	lines := diag.NewLines([]byte("---" + nl + text))
	at := func(n *yaml.Node) int { return lines.Offset(n.Line+1, n.Column) }
	out := map[string]string{}
	var put func(name string, k, v *yaml.Node, entries bool)
	put = func(name string, k, v *yaml.Node, entries bool) {
		if _, seen := out["key "+name]; seen {
			return
		}
		out["key "+name] = strconv.Itoa(at(k))
		if v.Tag == "!!null" && v.Value == "" {
			return // nothing written
		}
		pos := []int{at(v)}
		if v.Kind == yaml.SequenceNode {
			for i, e := range v.Content {
				pos = append(pos, at(e))
				if entries && e.Kind == yaml.MappingNode {
					for j := 0; j+1 < len(e.Content); j += 2 {
						put(name+"."+strconv.Itoa(i)+"."+e.Content[j].Value, e.Content[j], e.Content[j+1], false)
					}
				}
			}
		}
		out["value "+name] = fmt.Sprint(pos)
	}
	if len(doc.Content) == 0 {
		return out, nil
	}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		put(top.Content[i].Value, top.Content[i], top.Content[i+1], true)
	}
	return out, nil
}

// TestValuePositionsInTOML: the scan records TOML's keys and values, the
// elements of arrays written over lines, the entries of an array of
// tables and of an array of inline tables, and not the keys of other
// tables or the text of a multi-line string.
func TestValuePositionsInTOML(t *testing.T) {
	text := `title = "T" # a comment
"quoted" = 'x'
date = 2025-01-01
tags = [ "a", 'b',
  "c" ]
summary = """
status = "not a key"
"""
decisions = [{id = "x", status = "y"}, { id = "z" }]

[params]
kind = "not a key"

[[notes]]
text = "n"

[[notes]]
text = "m"
`
	src := []byte("+++\n" + text + "+++\n")
	s := posScan{src: src, start: 4, end: 4 + len(text), toml: true, keys: map[string]int{}, vals: map[string][]int{}}
	s.scan()
	// at returns the offset of the nth occurrence (from 1) of sub.
	at := func(sub string, nth int) int {
		off := 0
		for range nth {
			off += bytes.Index(src[off:], []byte(sub)) + 1
		}
		return off - 1
	}
	wantKeys := map[string]int{
		"title": at("title", 1), "quoted": at(`"quoted"`, 1), "date": at("date", 1), "tags": at("tags", 1),
		"summary": at("summary", 1), "decisions": at("decisions", 1),
		"decisions.0.id": at("id =", 1), "decisions.0.status": at("status = \"y", 1), "decisions.1.id": at("id =", 2),
		"notes": at("[[notes]]", 1), "notes.0.text": at("text", 1), "notes.1.text": at("text", 2),
	}
	wantVals := map[string][]int{
		"title": {at(`"T"`, 1)}, "quoted": {at("'x'", 1)}, "date": {at("2025", 1)},
		"tags":    {at("[ \"a", 1), at(`"a"`, 1), at("'b'", 1), at(`"c"`, 1)},
		"summary": {at(`"""`, 1)}, "decisions": {at("[{", 1), at("{id", 1), at("{ id", 1)},
		"decisions.0.id": {at(`"x"`, 1)}, "decisions.0.status": {at(`"y"`, 1)}, "decisions.1.id": {at(`"z"`, 1)},
		"notes": {at("[[notes]]", 1), at("[[notes]]", 1), at("[[notes]]", 2)}, "notes.0.text": {at(`"n"`, 1)}, "notes.1.text": {at(`"m"`, 1)},
	}
	if fmt.Sprint(s.keys) != fmt.Sprint(wantKeys) {
		t.Errorf("keys\n%v, want\n%v", s.keys, wantKeys)
	}
	if fmt.Sprint(s.vals) != fmt.Sprint(wantVals) {
		t.Errorf("values\n%v, want\n%v", s.vals, wantVals)
	}
}

// FuzzValuePositions: whatever the front matter, the scan ends, and every
// position it records lies inside the front matter, a value after its
// key and a list's elements after its start.
//
//	go test -run XXX -fuzz FuzzValuePositions -fuzztime 60s ./generator/internal/markdown
func FuzzValuePositions(f *testing.F) {
	for _, c := range yamlCases {
		f.Add(c, false)
	}
	f.Add("a = [1, [2, {b = 3}], '''x\n'''\n[[d]]\nid = \"\"\"\n", true)
	f.Add("a: [{\nb: [\n- - c\n  -\n? x\n: y\n&a b: *a\n", false)
	f.Fuzz(func(t *testing.T, text string, toml bool) {
		src := []byte("---\n" + text + "---\n")
		s := posScan{src: src, start: 4, end: 4 + len(text), toml: toml, keys: map[string]int{}, vals: map[string][]int{}}
		s.scan()
		for k, o := range s.keys {
			if o < s.start || o >= s.end {
				t.Fatalf("key %s at %d, outside %d..%d", k, o, s.start, s.end)
			}
			v := s.vals[k]
			for i, p := range v {
				if p < o || p >= s.end || i > 0 && p < v[0] {
					t.Fatalf("key %s at %d has a value at %v", k, o, v)
				}
			}
		}
		for k := range s.vals {
			if _, ok := s.keys[k]; !ok {
				t.Fatalf("value of %s without its key", k)
			}
		}
	})
}
