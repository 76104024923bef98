package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// FuzzLinkifyFilter: Markdown renders with the filtered linkify parser as
// with GFM's own, links, addresses and all.
func FuzzLinkifyFilter(f *testing.F) {
	for _, s := range []string{
		"See https://example.com/a?b=c. and www.example.org, or ftp://x.y/z (http://a.b/c)",
		"Mail a.b+c@example.com, *x@y.zz* _me@you.io_ ~t@u.vv~ (p@q.rr) @not an-address@",
		"a very long local part aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com",
		"exactly sixty-four aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com\n\nhttp:no www.x",
		"[link www.inside.com](u) `code http://x.y` **https://bold.com** \twww.tab.com\n- item http://list.com\n> quote x@y.com",
		"| a | b |\n|---|---|\n| http://t.com | m@n.org |\n\n~~del~~ - [ ] task www.t.com",
	} {
		f.Add(s)
	}
	std := goldmark.New(goldmark.WithExtensions(extension.GFM))
	ours := goldmark.New(goldmark.WithExtensions(gfm{}))
	f.Fuzz(func(t *testing.T, src string) {
		var want, got bytes.Buffer
		errWant := std.Convert([]byte(src), &want)
		errGot := ours.Convert([]byte(src), &got)
		if (errWant == nil) != (errGot == nil) || want.String() != got.String() {
			t.Fatalf("%q: rendered\n%s\nGFM renders\n%s", src, got.String(), want.String())
		}
	})
}
