package markdown

import (
	"strings"
	"testing"
	"time"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// FuzzParse feeds the parser arbitrary files: whatever the bytes, it must
// neither panic nor report a position outside the file, and every link
// slot it writes must name a link it recorded.
//
//	go test -fuzz FuzzParse -fuzztime 60s ./generator/internal/markdown
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: A\nstatus: accepted\n---\n# A\n\n[x](b.md#c) [[d|e]] ![i](p.png)\n",
		"+++\ntitle = \"T\"\n+++\nBody\n",
		"---\ntitle: [unclosed\n---\n",
		"---\nnever closed\n",
		"- Status: Accepted\n- Date: 2020-01-01\n\n# T\n",
		"## H {#id}\n## H {# bad (id)}\n```go\nunclosed",
		"[[1]](u) [[a]] [[]] [[|]] [[x#]] {{< ref \"a.md\" >}} [r]({{< ref \"a.md\" >}}) {% page \"/x/\" %}",
		"---\ntitle: T\ndecisions:\n  - id: x\n    title: X\n    status: nope\n  - 3\n---\n",
		"<a name=\"n\"></a><!-- c --> <b>x</b>\n\n- [ ] task\n- [x] task\n",
		"\x00\xff\xfe",
	} {
		f.Add([]byte(seed))
	}
	p := New(Options{KindOf: func(string) handbook.Kind { return handbook.KindDecision }})
	f.Fuzz(func(t *testing.T, src []byte) {
		d := &handbook.Document{Path: "x.md", SourcePath: "content/x.md", Source: src, Section: "decisions"}
		var l diag.List
		done := make(chan struct{})
		go func() {
			defer close(done)
			p.Parse(d, &l)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("parsing %q takes more than 5s", src)
		}
		for _, dg := range l.All() {
			if dg.Offset > len(src) {
				t.Fatalf("diagnostic offset %d beyond %d bytes: %s", dg.Offset, len(src), dg)
			}
		}
		if n := strings.Count(d.HTML, "\x00"); n%2 != 0 {
			t.Fatalf("odd number of slot markers: %d", n)
		}
	})
}
