package markdown

import (
	"fmt"
	"reflect"
	"testing"

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
