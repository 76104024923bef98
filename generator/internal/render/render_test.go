package render

import (
	htmltemplate "html/template"

	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/i18n"
	defaulti18n "handbook/layouts/i18n"
)

func TestLinkItems(t *testing.T) {
	loc := i18n.Load(i18n.Sources{Builtin: defaulti18n.FS}, "en", i18n.Position{}, nil)
	p := &Page{URL: "guides/setup/", r: &Renderer{loc: loc, labels: newLabels(loc)}}
	docs := []*handbook.Document{
		{URL: "guides/tea/", Outline: &handbook.Outline{Title: "Tea & <biscuits>", Kind: handbook.KindPage, Status: "", Summary: "Why we stop at four."}, Body: &handbook.Body{}},
		{URL: "decisions/0001/", Outline: &handbook.Outline{Title: "Use Postgres", Kind: handbook.KindDecision, Status: "accepted"}, Body: &handbook.Body{}},
	}
	got := string(p.LinkItems(docs))
	want := "<li><a href=\"../../guides/tea/\">Tea &amp; &lt;biscuits&gt;</a></li>\n<li><a href=\"../../decisions/0001/\">Use Postgres</a></li>\n"
	if got != want {
		t.Errorf("LinkItems without extras:\n got %q\nwant %q", got, want)
	}
	got = string(p.LinkItems(docs, "card", "status", "kind", "summary"))
	for _, w := range []string{
		`<li class="card"><a href="../../guides/tea/">Tea &amp; &lt;biscuits&gt;</a><p>Why we stop at four.</p></li>`,
		`<a href="../../decisions/0001/">Use Postgres</a> <span class="badge status-accepted">accepted</span> <span class="kind">Decision</span></li>`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("LinkItems with every extra lacks %q:\n%s", w, got)
		}
	}
}

func TestTableOfContents(t *testing.T) {
	p := &Page{Doc: &handbook.Document{Body: &handbook.Body{}, Outline: &handbook.Outline{Headings: []handbook.Heading{
		{Level: 1, ID: "title", Text: "Title"},
		{Level: 2, ID: "why", Text: "Why <now>"},
		{Level: 3, ID: "cost", Text: "Cost"},
		{Level: 4, ID: "deep", Text: "Too deep"},
		{Level: 0, ID: "raw"},
	}}}}
	want := `<ul><li class="toc-2"><a href="#why">Why &lt;now&gt;</a></li><li class="toc-3"><a href="#cost">Cost</a></li></ul>`
	if got := string(p.TableOfContents()); got != want {
		t.Errorf("TableOfContents:\n got %s\nwant %s", got, want)
	}
	p.Doc.Headings = p.Doc.Headings[:2]
	if got := p.TableOfContents(); got != "" {
		t.Errorf("a page with one section heading got a table of contents: %s", got)
	}
}

// FuzzJSONString holds writeJSONString to encoding/json's output, with and
// without HTML escaping.
func FuzzJSONString(f *testing.F) {
	f.Add("plain")
	f.Add("quote \" back \\ tab \t nl \n cr \r bs \b ff \f nul \x00 esc \x1b")
	f.Add("<b>&amp;</b> \u2028 \u2029 café \xff\xfe end")
	f.Add("a longer plain run of text, then \"a quote\", then a tab\tand more plain text \x7f\x1f¡ end")
	f.Fuzz(func(t *testing.T, s string) {
		for _, html := range []bool{true, false} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(html)
			_ = enc.Encode(s)
			var got bytes.Buffer
			writeJSONString(&got, s, html)
			if got.String() != strings.TrimSuffix(want.String(), "\n") {
				t.Errorf("html=%v %q:\n got %s\nwant %s", html, s, got.String(), want.String())
			}
		}
	})
}

// FuzzEscaping holds writeEscaped to the three escapers whose output it
// stands in for: html/template's in text, template.HTMLEscapeString and
// goldmark's util.EscapeHTML.
func FuzzEscaping(f *testing.F) {
	f.Add(`Tea & <biscuits> "quoted" 'single' a+b`)
	f.Add("nul \x00 bad \xff café")
	tpl := htmltemplate.Must(htmltemplate.New("t").Parse(`{{ . }}`))
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		if err := tpl.Execute(&want, s); err != nil {
			t.Skip()
		}
		for _, c := range []struct {
			esc  escaping
			want string
		}{
			{escHTMLTemplate, want.String()},
			{escTemplate, htmltemplate.HTMLEscapeString(s)},
			{escGoldmark, string(util.EscapeHTML([]byte(s)))},
		} {
			var got strings.Builder
			writeEscaped(&got, s, c.esc)
			if got.String() != c.want {
				t.Errorf("escaping %d of %q:\n got %q\nwant %q", c.esc, s, got.String(), c.want)
			}
		}
	})
}

// FuzzHref holds escHref to what html/template writes for a whole href
// value, the attribute the .Meta and .Relations methods write links into.
func FuzzHref(f *testing.F) {
	for _, s := range []string{"../tags/über/", "100%zz/", "a%41b", "%4", "javascript:alert(1)", "HTTPS://x", "a b&c+d'e\"f", "mailto:x@y", "/p?q=1#f", "%"} {
		f.Add(s)
	}
	tpl := htmltemplate.Must(htmltemplate.New("t").Parse(`<a href="{{ . }}">`))
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		if err := tpl.Execute(&want, s); err != nil {
			t.Skip()
		}
		var got strings.Builder
		got.WriteString(`<a href="`)
		escHref(&got, s)
		got.WriteString(`">`)
		if got.String() != want.String() {
			t.Errorf("href %q:\n got %s\nwant %s", s, got.String(), want.String())
		}
	})
}

// linkTo gives a string's placeholder a link: its text escaped unless it
// is HTML, and no href a link may not have.
func TestLinkTo(t *testing.T) {
	for _, c := range []struct {
		href string
		text any
		want htmltemplate.HTML
	}{
		{"../start/", "a <b> & c", `<a href="../start/">a &lt;b&gt; &amp; c</a>`},
		{"./", htmltemplate.HTML("<em>home</em>"), `<a href="./"><em>home</em></a>`},
		{"javascript:alert(1)", "x", `x`},
		{`a"b`, "x", `<a href="a&#34;b">x</a>`},
	} {
		if got := linkTo(c.href, c.text); got != c.want {
			t.Errorf("linkTo(%q, %q) = %s, want %s", c.href, c.text, got, c.want)
		}
	}
}
