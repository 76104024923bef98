package markdown

import (
	"fmt"
	"reflect"
	"testing"

	"gopkg.in/yaml.v2"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// metaClosed is the front matter parser with goldmark-meta's Close.
type metaClosed struct{ yamlFrontMatter }

func (p metaClosed) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	p.BlockParser.Close(node, reader, pc)
}

// FuzzFrontMatterAsGoldmarkMeta: the YAML front matter decodes once, into
// the values goldmark-meta gives, or with the error it reports.
func FuzzFrontMatterAsGoldmarkMeta(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\ntags: [a, b]\ndate: 2024-01-02\n---\nBody\n",
		"---\ntitle: A\ntitle: B\n---\n",
		"---\n1: one\ntrue: yes\n---\n",
		"---\n- a\n- b\n---\n",
		"---\njust a scalar\n---\n",
		"---\ntitle: [unclosed\n---\n",
		"---\na: &x 1\nb: *x\n<<: {c: 2}\n---\n",
		"---\n---\n",
		"---\ndecisions:\n  - id: x\n    title: y\n---\n",
		"---\nkey: \"quoted \\u00e9\"\nn: 0x1F\nf: 1e3\nz: ~\n---\n",
		// What flatYAML reads, and what it leaves to the YAML library.
		"---\ntitle: Document 1 about budget\nstatus: accepted\ndate: 2025-02-02\nowner: team-1\ntags: [t1, t7]\nsummary: service design, retry.\n---\n",
		"---\n# a comment\nTitle: \"Quoted: yes\"\nb: 'it''s'\nc: ''\nd:\ne: [ 'x, y' , \"z\", 3 , 2024-1-2 ]\nf: []\ng: 0\nh: 007\n---\n",
		"---\na: true\nb: false\nc: yes\nd: No\ne: on\nf: null\ng: True\nh: 12345678901234567890\ni: 2025-13-45\n---\n",
		"---\nurl: https://example.com/a#b\nx: a: b\ny: a:b\nz: [a:b]\nw: café ünïcode\u2028x\nv: a\tb\n---\n",
		"---\na: 1\n  b: 2\nc:\n- d\ne: f\n  g\nh: [a, ]\n---\n",
		"---\nk: v\r\nl: \"a\\\"b\"\nm: -1\nn: .5\no: +1\np: 1_000\nq: 2025-02-02T10:00:00Z\n---\n",
		"---\ny: 1\nyes: 2\nkey-name_2: x\n_k: (x) / y\n---\n",
	} {
		f.Add(s)
	}
	// The same front matter block, closed by ours and by goldmark-meta's.
	ours := goldmark.New(goldmark.WithParserOptions(parser.WithBlockParsers(util.Prioritized(yamlFrontMatter{meta.NewParser()}, 0)))).Parser()
	theirs := goldmark.New(goldmark.WithParserOptions(parser.WithBlockParsers(util.Prioritized(metaClosed{yamlFrontMatter{meta.NewParser()}}, 0)))).Parser()
	f.Fuzz(func(t *testing.T, src string) {
		ctx := parser.NewContext()
		ours.Parse(text.NewReader([]byte(src)), parser.WithContext(ctx))
		got, gotErr := frontMatterValues(ctx)
		ctx = parser.NewContext()
		theirs.Parse(text.NewReader([]byte(src)), parser.WithContext(ctx))
		want, wantErr := meta.TryGet(ctx)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("error %v, goldmark-meta's %v", gotErr, wantErr)
		}
		if len(got) != 0 || len(want) != 0 {
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("values %#v, goldmark-meta's %#v", got, want)
			}
		}
	})
}

// TestFlatYAMLAgreesWithYAML: each value flatYAML reads, it reads as
// yaml.v2 does; the rest it leaves to yaml.v2.
func TestFlatYAMLAgreesWithYAML(t *testing.T) {
	read := 0
	values := []string{
		"", "a", "Document 1 about budget", "service design, retry.", "team-1", "dec-00003",
		"2025-02-02", "2025-1-2", "2025-13-45", "2025-02-02T10:00:00Z", "2025-02", "1234-5", "2025-02-02-",
		"0", "7", "007", "42", "12345678901234567890", "-1", "+1", ".5", "1e3", "1_000", "0x1F", "3d",
		"true", "false", "True", "FALSE", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "tRUE", "nope", "yesterday",
		`"quoted"`, `"Quoted: yes"`, `"a\"b"`, `"a\u00e9"`, `""`, `"a" b`, `'it''s'`, `''`, `''''`, `'a''b''c'`, `'unclosed`,
		"[]", "[ ]", "[t1, t7]", "[ 'x, y' , \"z\", 3 , 2024-1-2 ]", "[a, ]", "[a,,b]", "[a, [b]]", "[a b, c d]", "[a:b]", "[yes]", "[a] b",
		"https://example.com/a", "https://example.com/a#b", "a: b", "a:", "a:b", "a #c", "a#b", "a\tb", "a\\b", "it's", `say "hi"`,
		"café ünïcode", "a\u2028b", "a\u0085b", "a\ufeffb", "a\u00a0", "日本語のタイトル", "(x) / y", "_x", "/path", "-x", "*x", "&x", "!x", "|", ">",
		"{a: b}", "a{b}", "a [b]", "a % b @ c ` d", "a > b | c", "a?", "? a", "a,b", "a  b   ",
	}
	for _, v := range values {
		for _, src := range []string{"k: " + v + "\n", "k: " + v + "\nother: x\n", "# c\nk:   " + v} {
			got, ok := flatYAML([]byte(src))
			if !ok {
				continue
			}
			read++
			want := map[string]any{}
			if err := yaml.Unmarshal([]byte(src), &want); err != nil {
				t.Errorf("flatYAML read %q as %#v, yaml.v2 fails: %v", src, got, err)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("flatYAML read %q as %#v, yaml.v2 as %#v", src, got, want)
			}
		}
	}
	if read == 0 {
		t.Fatal("flatYAML read nothing")
	}
	for _, src := range []string{"a: 1\n  b: 2\n", "a:\n- b\n", "a: b\na: c\n", "yes: 1\n", "a : b\n", "a:b\n", "\ta: b\n", "a: b\n...\n"} {
		if m, ok := flatYAML([]byte(src)); ok {
			t.Errorf("flatYAML read %q as %#v: the YAML library should", src, m)
		}
	}
}

// FuzzFlatYAML: what flatYAML reads, it reads as yaml.v2 does.
func FuzzFlatYAML(f *testing.F) {
	for _, s := range []string{
		"title: Document 1 about budget\nstatus: accepted\ndate: 2025-02-02\nowner: team-1\ntags: [t1, t7]\nsummary: service design, retry.\n",
		"# a comment\nTitle: \"Quoted: yes\"\nb: 'it''s'\nc: ''\nd:\ne: [ 'x, y' , \"z\", 3 , 2024-1-2 ]\nf: []\ng: 0\n",
		"a: true\nb: false\ni: 2025-13-45\nurl: https://example.com/a\ny: a:b\nw: café ünïcode\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got, ok := flatYAML([]byte(src))
		if !ok {
			return
		}
		want := map[string]any{}
		if err := yaml.Unmarshal([]byte(src), &want); err != nil {
			t.Fatalf("flatYAML read %q as %#v, yaml.v2 fails: %v", src, got, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("flatYAML read %q as %#v, yaml.v2 as %#v", src, got, want)
		}
	})
}
