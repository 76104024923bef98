package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/sitepath"
)

// FuzzParse feeds the parser arbitrary files: whatever the bytes, it must
// neither panic nor report a position outside the file; the only NUL bytes
// of the HTML are link slots in an href or src naming a link it recorded
// (or in text, for a ref shortcode alone there);
// no link it records has a URL a browser would run or leave for another
// scheme; no shortcode's placeholder is left in the HTML; and a byte
// order mark before the file, or old Mac line endings in it, change
// nothing but positions.
//
//	go test -run XXX -fuzz FuzzParse -fuzztime 60s ./generator/internal/markdown
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
		"{% alert \"T\" %}\n[x]({% page \"/b/\" %})\n{% endalert %} {%- box a=\"b\" -%}y{%- endbox -%} {%x%}{%endx%} {% if a %}b{% endif %}\n",
		"---\ntitle: M\ndescription: \"**b** &mdash; [l](u) `c` \\\\*\"\nmenu: {main: {weight: 2, name: N}, footer: 3}\n---\n",
		"---\ntitle: M\nsummary: \"[[w]] ![i](p.png) <b>x</b> ~~s~~\"\nmenu: [main, 4, {a: b}]\n---\n",
		"```\n{% raw %}{% x %}{%- endraw -%}\r\n```\n`{% raw %}a{% endraw %}` {% raw %}{{ b }}{% endraw %}\n[[c]] (https://e.com/)\n",
		"{.a}\n\n- x\n\n{.b}\n{.c}\n\npara\n{ .d .e }\n\n| a |\n|---|\n| 1 |\n{.f}\n\n> q\n{.g}\n",
		"![[a.png]] ![[a.png|300]] ![[b|x]] ! [[c]] ![[]] ![[d.svg#x]] !![[e.png]]\n",
		"> [!faq]- *T* `c`\n> x\n\n> [!NOTE]\n\n:::tip[a]\nb\n::::\n:::\n\n::::x y\n:::z\n:::\n",
		"!!! note \"T\"\n    a [x](y.md)\n\n??? tip\n\t- b\n\n???+ x \"\"\n    !!! warning\n        deep\n!!!\n??? \n",
		// A NUL in a fence's info string once reached the HTML, and made
		// the slot markers unbalanced.
		"~~~\x00 0",
		"a\x00b [x\x00](y\x00 \"t\x00\") ![a\x00](b)\n\n```go\x00 x\ncode\x00\n```\n\n## h\x00 {#a\x00b}\n\n- [ ] \x00\n",
		"\x000\x00 `\x000\x00` [x](\x000\x00)\n",
		"[a](javascript:alert(1)) <javascript:x> ![i](data:image/svg+xml,x) [b](&#106;avascript:x) [c](jav&#x09;ascript:x) [[javascript:x]] [d][r]\n\n[r]: \x01 VBScript:x\n",
		"\ufeff---\ntitle: T\n---\n# H\n",
		"\ufeff+++\ntitle = \"T\"\n+++\n",
		"\ufeff\tcode\n",
		"---\rtitle: T\r---\r\r- a\r- b\r\r```\rcode\r```\r",
		"---\r\ntitle: T\r\n---\r\n\r\nBody\r\n",
		// Hugo shortcodes: both forms, arguments of every kind, nested,
		// self-closing, in code, in links, unclosed and unmatched.
		"{{% alert title=\"T\" color=\"warning\" %}}\n**b** [x](y.md)\n{{% /alert %}}\n\n{{< details summary=`s` >}}a{{< /details >}}\n",
		"{{< tabpane >}}\n{{< tab header=\"Go\" lang=\"go\" >}}\nx := <-c\n{{< /tab >}}\n{{% tab header=\"Text\" %}}\n- i\n{{% /tab %}}\n{{< /tabpane >}}\n",
		"a {{< figure src=\"p.png\" alt=\"A\" caption=\"*c*\" link=\"b.md\" >}} b {{< param title >}} {{< ref \"a.md\" >}}\n",
		"{{< highlight go \"linenos=table\" >}}\n<div>\n{{< /highlight >}}\n\n`{{< x >}}` {{</* y */>}}\n\n```\n{{</* z */>}} {{< w >}}\n```\n",
		"{{< a >}}\n{{% b %}}\n- {{< c />}}\n{{% /b %}}\n{{< /a >}} {{< /nope >}} {{< alert >}} {{< \"bad >}} {{<\n",
		"> {{% alert %}}\n> q\n> {{% /alert %}}\n\n- {{% pageinfo %}}\n- x {{% /pageinfo %}}\n\n<div>{{< param x >}} <a href=\"{{< ref \"a.md\" >}}\">r</a></div>\n",
		"{{</0>}}{{<alert>}}",
		"[v]: <https://x/v{{% param version %}}>\n\n[v] {{< youtube id=\"abc\" >}} {{< vimeo 123 >}} {{< readfile file=\"../x.md\" >}} {{< x a=1 b >}}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Add([]byte("=== \"Go\"\n\n    ```go\n    x\n    ```\n===+ \"Py\"\n    [a](b.md)\n\n===! \"C\"\n\n!!! note\n    === \"in\"\n        deep\n\nP\n===\n"))
	f.Add([]byte("```js title=\"a.js\" {1,3-4}\n// highlight-next-line\nx\n/* highlight-start */\ny /* z\nw */\n// highlight-end\n```\n```ts{2} [c.ts]\na // [!code ++]\nb // [!code highlight:9]\n```\n``` py hl_lines=\"1 2\"\n'''s\nt'''\n```\n```go {hl_lines=[1,\"2-3\"]}\nx\n```\n"))
	f.Add([]byte("{{< columns >}}\nL\n<--->\n\n<--->\nR {{< button relref=\"a.md\" >}}x{{< /button >}}\n{{< /columns >}}\n{{< hint type=note title=T >}}h{{< /hint >}}\n{{< expand >}}\n{{< mermaid >}}\ng\n{{< /mermaid >}}\n{{< /expand >}} {{< katex >}}\\x{{< /katex >}} {{< toc >}}\n{{< details \"S\" open >}}d{{< /details >}}\n"))
	f.Add([]byte("==a **b**== ===c=== d==e==f :rocket: :+1: :x:x: ==\n==\n"))
	f.Add([]byte("# API\n\nAPI, HTML5 and [API](x.md) `API` *API* APIs\n*[API]: Application\n *[HTML5]: \"five\" & <b>\n* API\n*[]: none\n"))
	f.Add([]byte("--8<-- \"a.md\"\n--8<--\nb.md:2:3\n\n--8<--\n```\n--8<-- 'c.md:s'\n```\n- --8<-- \"d\"\n> --8<--\n"))
	f.Add([]byte("---\ntitle: A\n---\n# A\n{: .no_toc }\n\n1. TOC\n{:toc}\n\n{: .note-title }\n> T\n>\n> x\n\n{: .warning }\n\npara\n{: .new }\n- a\n  {:toc}\n"))
	f.Add([]byte("![[x]]\n\n![[x#h|a]] ![[x.md]]\n\n![[#h]]\n\n> ![[y]]\n"))
	f.Add([]byte("<Tabs>\n<TabItem value=\"a\" label=\"A <b>\">x [l](a.md)</TabItem>\n\n<TabItem value='b'>\n\n**y**\n\n</TabItem></Tabs>\n"))
	f.Add([]byte("Ask {% slack_channel \"dc\", 'x' %} {%- badge text='n' -%} [a]({% page \"/b/\" %}) {{% slack_channel x %}}\n\n{% alert \"T\", \"warning\" %}\n{% slack_channel %}\n{% endalert %}\n"))
	// A site shortcode, which Liquid tags of its name render through.
	layouts := fstest.MapFS{"shortcodes/slack_channel.html": {Data: []byte(`<a href="/c/{{ .Get 0 }}">#{{ .Get 0 }}</a>`)}}
	p := New(Options{KindOf: func(string) handbook.Kind { return handbook.KindDecision }, Shortcodes: ShortcodeOptions{Layouts: layouts}})
	name := "x.md"
	parse := func(t *testing.T, src []byte) (*handbook.Document, []diag.Diagnostic) {
		d := &handbook.Document{Path: name, SourcePath: "content/" + name, Source: src, Section: "decisions"}
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
		return d, l.All()
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		name = "x.md"
		if len(src)%3 == 0 {
			name = "x.mdx" // a third of the inputs, and their variants below, as MDX pages
		}
		d, ds := parse(t, src)
		for _, dg := range ds {
			if dg.Offset > len(src) {
				t.Fatalf("diagnostic offset %d beyond %d bytes: %s", dg.Offset, len(src), dg)
			}
		}
		if err := checkSlots(d); err != nil {
			t.Fatalf("%v in %q", err, d.HTML)
		}
		if strings.Contains(d.HTML, "hbsc") && !bytes.Contains(src, []byte("hbsc")) || strings.Contains(d.HTML, "\x1a") && !bytes.Contains(src, []byte("\x1a")) {
			t.Fatalf("a shortcode's placeholder is left in %q", d.HTML)
		}
		for _, l := range d.BodyLinks {
			if _, ok := sitepath.SafeURL(l.Dest, l.Form == handbook.LinkImage); !ok && l.Form != handbook.LinkWiki {
				t.Fatalf("link %q recorded", l.Dest)
			}
		}
		if !utf8.Valid(src) {
			return
		}
		if !bytes.HasPrefix(src, bom) {
			withBOM, bds := parse(t, append(bytes.Clone(bom), src...))
			sameParse(t, "after a byte order mark", d, withBOM, ds, bds, false)
		}
		if bytes.IndexByte(src, '\r') < 0 {
			mac, mds := parse(t, bytes.ReplaceAll(src, []byte("\n"), []byte("\r")))
			sameParse(t, "with CR line endings", d, mac, ds, mds, true)
		}
	})
}

// checkSlots reports a NUL byte of d's HTML that is not part of a link slot
// ("\x00N\x00", N the index of a link of d) written as an href or a src.
func checkSlots(d *handbook.Document) error {
	h := d.HTML
	for {
		i := strings.IndexByte(h, 0)
		if i < 0 {
			return nil
		}
		j := strings.IndexByte(h[i+1:], 0)
		if j < 0 {
			return fmt.Errorf("unbalanced slot marker at %d", len(d.HTML)-len(h)+i)
		}
		digits := h[i+1 : i+1+j]
		n, err := strconv.Atoi(digits)
		if err != nil || strconv.Itoa(n) != digits || n >= len(d.BodyLinks) {
			return fmt.Errorf("slot %q names none of %d links", digits, len(d.BodyLinks))
		}
		attr := strings.HasSuffix(h[:i], ` href="`) || strings.HasSuffix(h[:i], ` src="`)
		if (!attr || !strings.HasPrefix(h[i+2+j:], `"`)) && d.BodyLinks[n].Form != handbook.LinkRef {
			// Only a ref shortcode alone in text writes its href as text.
			return fmt.Errorf("slot %d is not an attribute's value", n)
		}
		h = h[i+2+j:]
	}
}

// sameParse fails unless two parses of one text, the second with a byte
// order mark before it or with other line endings, agree: the same body,
// title and links, and the same diagnostics. Those are at the same offsets
// (sameOffsets), or on the same lines and, below the first line (where a
// mark takes a column), in the same columns.
func sameParse(t *testing.T, how string, a, b *handbook.Document, ads, bds []diag.Diagnostic, sameOffsets bool) {
	t.Helper()
	if a.HTML != b.HTML || a.Title != b.Title || a.HasFrontMatter != b.HasFrontMatter || len(a.BodyLinks) != len(b.BodyLinks) {
		t.Fatalf("%s, the parse differs:\n%q %q %v\n%q %q %v", how, a.Title, a.HTML, a.HasFrontMatter, b.Title, b.HTML, b.HasFrontMatter)
	}
	if len(ads) != len(bds) {
		t.Fatalf("%s, the diagnostics differ:\n%v\n%v", how, ads, bds)
	}
	// A mark moves columns on the first line, and lines are counted at LF
	// only: order by what is kept.
	key := func(d diag.Diagnostic) int {
		if sameOffsets {
			return d.Offset
		}
		return d.Line
	}
	for _, ds := range [][]diag.Diagnostic{ads, bds} {
		sort.SliceStable(ds, func(i, j int) bool {
			if key(ds[i]) != key(ds[j]) {
				return key(ds[i]) < key(ds[j])
			}
			return ds[i].Message+ds[i].Hint < ds[j].Message+ds[j].Hint
		})
	}
	for i := range ads {
		x, y := ads[i], bds[i]
		same := x.Message == y.Message && x.Hint == y.Hint
		if sameOffsets {
			same = same && x.Offset == y.Offset
		} else {
			same = same && x.Line == y.Line && (x.Line == 1 || x.Col == y.Col)
		}
		if !same {
			t.Fatalf("%s, diagnostic %d differs:\n%s\n%s", how, i, x, y)
		}
	}
}
