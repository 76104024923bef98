package markdown

import (
	"fmt"
	"strings"
	"testing"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// The lexer reads Hugo's tag grammar, and reads on after a bad tag.
func TestLexTags(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{{< figure src="a.png" alt="A \"quoted\" one" >}}`, `figure[src="a.png" alt="A \"quoted\" one"]`},
		{"{{% alert title=`raw\nlines` color=warning %}}", `%alert[title="raw\nlines" color="warning"]`},
		{`{{< param "a b" c 3 >}}`, `param["a b" "c" "3"]`},
		{`{{< x />}} {{< /x >}} {{<y>}}`, `x/ /x y`},
		{"{{% blocks/cover\n  title=\"W\"\n%}}", `%blocks/cover[title="W"]`},
		{`{{</* imgproc sunset */>}}`, `comment "{{< imgproc sunset >}}"`},
		{`{{< a b=1 "c" >}} next {{< ok >}}`, `a: shortcode "a" mixes named and positional arguments @10; ok`},
		{`{{< a "unterminated >}} next {{< ok >}}`, `a: unterminated quoted argument in shortcode "a" @6; ok`},
		{`{{< >}} {{< $x >}} {{< ok >}}`, `: shortcode has no name @4; : shortcode has no name @12; ok`},
		{`{{< /a b >}}`, `/a: a closing shortcode tag takes no arguments @7`},
		{`text {{ .Site }} {% liquid %} {{<`, `: shortcode has no name @33`},
		{"---\ntitle: \"{{< no >}}\"\n---\n{{< yes >}}", `yes`},
	} {
		var got []string
		for _, tg := range lexTags([]byte(c.in), frontMatterEnd([]byte(c.in))) {
			s := tg.name
			switch {
			case tg.comment:
				s = fmt.Sprintf("comment %q", tg.literal)
			case tg.closing:
				s = "/" + s
			case tg.markdown:
				s = "%" + s
			}
			if tg.selfClosing {
				s += "/"
			}
			if tg.err != "" {
				s += fmt.Sprintf(": %s @%d", tg.err, tg.errOff)
			} else if len(tg.args) > 0 {
				var args []string
				for _, a := range tg.args {
					if a.name != "" {
						args = append(args, fmt.Sprintf("%s=%q", a.name, a.value))
					} else {
						args = append(args, fmt.Sprintf("%q", a.value))
					}
				}
				s += "[" + strings.Join(args, " ") + "]"
			}
			got = append(got, s)
		}
		sep := " "
		if strings.Contains(c.want, ";") {
			sep = "; "
		}
		if g := strings.Join(got, sep); g != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, g, c.want)
		}
	}
}

// A shortcode's placeholders keep every offset of the file: the bytes
// goldmark reads have the file's length, and outside tags its bytes.
func TestPlaceholdersKeepOffsets(t *testing.T) {
	src := []byte("# T\n\n{{% alert %}}\nx {{< param p >}} y\n{{% /alert %}}\n\n`{{< code >}}`\n")
	doc := &handbook.Document{Path: "x.md", SourcePath: "content/x.md", Source: src}
	st := New(Options{}).shortcodes(doc, &diag.List{}, nil)
	if st == nil {
		t.Fatal("no shortcodes found")
	}
	if len(st.buf) != len(src) {
		t.Fatalf("%d bytes parsed for %d written", len(st.buf), len(src))
	}
	for i := range src {
		inTag := false
		for k, tg := range st.tags {
			inTag = inTag || tg.start <= i && i < tg.end && st.info[k].state == tagLive
		}
		if !inTag && st.buf[i] != src[i] {
			t.Fatalf("byte %d changed outside a tag: %q", i, st.buf)
		}
	}
	if !strings.Contains(string(st.buf), "`{{< code >}}`") {
		t.Errorf("a tag in code changed: %q", st.buf)
	}
}
