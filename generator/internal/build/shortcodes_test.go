package build

import (
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/publish"
)

// shortcodeSite uses every built-in shortcode, in both forms, nested, and
// shown as written in code.
const shortcodeSite = `
-- site.yaml --
title: Shortcodes
params:
  version: 1.2.3
  support:
    email: help@example.com
-- content/_index.md --
---
title: Home
---
Home.
-- content/setup.md --
---
title: Setup
---
## Install {#install}

Steps.
-- content/snippets/intro.md --
Included *Markdown* with [a link](https://example.com/).
-- content/snippets/main.go --
package main
-- content/guide/index.md --
---
title: Guide
owner: platform
params:
  team: Storage
---
{{% alert title="Warning" color="warning" %}}
Back up **first**; see [setup](../setup.md).
{{% /alert %}}

{{% alert %}} One line. {{% /alert %}}

{{% pageinfo color="info td-max-width mx-0" %}}
This page is a draft.
{{% /pageinfo %}}

{{< details summary="More *detail*" >}}
Hidden text.

{{% alert color="danger" %}}
Nested alert.
{{% /alert %}}
{{< /details >}}

{{< details summary="Raw" >}}
<p class="x">Raw <em>HTML</em> inside.</p>
{{< /details >}}

<p>In HTML: <span title="v{{< param version >}}">{{< param version >}}</span>, <a href="{{< ref "setup.md" >}}">setup</a>.</p>

{{< tabpane >}}
{{< tab header="Go" lang="go" >}}
x := <-ch
{{< /tab >}}
{{% tab header="Prose" %}}
A *tab* in Markdown.
{{% /tab %}}
{{< /tabpane >}}

{{< figure src="chart.png" alt="A chart" caption="Load, *per day*" title="Load" link="/setup/" >}}

Version {{< param version >}}, team {{% param team %}}, owner {{< param "owner" >}}, mail {{< param support.email >}}.

{{< highlight go >}}
func main() { fmt.Println("<hi>") }
{{< /highlight >}}

{{< readfile file="../snippets/intro.md" >}}

{{< readfile "/snippets/main.go" >}}

{{% include "/snippets/intro.md" %}}

Watch {{< youtube id="dQw4w9WgXcQ" title="the talk" >}} or {{< vimeo 55073825 >}}.

See {{< ref "setup.md#install" >}} and [the setup]({{< relref "setup.md" >}}).

Write ` + "`{{< alert >}}`" + ` to open one.

` + "```" + `
{{< figure src="x.png" >}}
{{</* param version */>}}
` + "```" + `
-- content/guide/chart.png --
PNG
`

func TestShortcodesBuiltIn(t *testing.T) {
	s := buildSite(t, shortcodeSite)
	s.noDiags()
	s.contains("guide/index.html",
		// alert, % form: its content is Markdown, its links resolved.
		`<blockquote class="alert alert-warning">`+"\n"+`<strong class="alert-title">Warning</strong>`+"\n"+
			`<p>Back up <strong>first</strong>; see <a href="../setup/">setup</a>.</p>`+"\n</blockquote>",
		`<blockquote class="alert alert-note">`+"\n"+`<p>One line.</p>`+"\n</blockquote>",
		`<blockquote class="alert alert-note pageinfo">`+"\n"+`<p>This page is a draft.</p>`,
		// details around a nested alert.
		"<details>\n<summary>More <em>detail</em></summary>\n<p>Hidden text.</p>\n"+
			`<blockquote class="alert alert-caution">`+"\n<p>Nested alert.</p>\n</blockquote>\n</details>",
		// HTML as content; shortcodes in raw HTML.
		"<details>\n<summary>Raw</summary>\n"+`<p class="x">Raw <em>HTML</em> inside.</p>`+"\n</details>",
		`<p>In HTML: <span title="v1.2.3">1.2.3</span>, <a href="../setup/">setup</a>.</p>`,
		// tabs: stacked sections; one with a language is code.
		`<div class="tabpane">`+"\n"+`<section class="tab">`+"\n"+`<p class="tab-label"><strong>Go</strong></p>`,
		`<p class="tab-label"><strong>Prose</strong></p>`+"\n<p>A <em>tab</em> in Markdown.</p>\n</section>\n</div>",
		// figure: the image checked and rewritten relative to the page.
		"<figure>\n"+`<a href="../setup/"><img src="../guide/chart.png" alt="A chart" loading="lazy"></a>`+"\n"+
			"<figcaption><h4>Load</h4><p>Load, <em>per day</em></p></figcaption>\n</figure>",
		// param: the page's front matter and params, then the site's.
		"Version 1.2.3, team Storage, owner platform, mail help@example.com.",
		// readfile: Markdown rendered, other files as code.
		`<p>Included <em>Markdown</em> with <a href="https://example.com/">a link</a>.</p>`,
		`class="language-go"`,
		"main\n</code></pre></div>\n<p>Included <em>Markdown</em>",
		// videos as plain links.
		`Watch <a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">the talk</a> or <a href="https://vimeo.com/55073825">https://vimeo.com/55073825</a>.`,
		// ref alone is the href; in a link, the link's.
		`See ../setup/#install and <a href="../setup/">the setup</a>.`,
		// code shows shortcodes as written, comments without their marks.
		"<code>{{&lt; alert &gt;}}</code>",
		"{{&lt; figure src=&#34;x.png&#34; &gt;}}\n{{&lt; param version &gt;}}    \n",
	)
	s.lacks("guide/index.html", "hbsc", "\x1a", "{{%", "youtube.com/embed", "<iframe")
	// The highlight block renders as a fenced block does.
	fenced := buildSite(t, "-- content/a.md --\n# A\n\n```go\nfunc main() { fmt.Println(\"<hi>\") }\n```\n")
	code := fenced.file("a/index.html")
	code = code[strings.Index(code, "<pre"):]
	code = code[:strings.Index(code, "</pre>")+6]
	s.contains("guide/index.html", code)
	// The figure's image and the refs are links like any other.
	s.contains("setup/index.html", "Referenced by", `href="../guide/"`)
}

// A site's own shortcodes run as in Hugo, through html/template, with the
// arguments, the inner content rendered, the page and the site; their
// errors are at their own line and column, and the run goes on.
func TestSiteShortcodes(t *testing.T) {
	s := buildSite(t, `
-- site.yaml --
title: Handbook
params:
  team: Storage
-- layouts/shortcodes/note.html --
<aside class="note note-{{ .Get "kind" }}"><p>{{ .Page.Title }} · {{ .Site.Title }} · {{ .Site.Params.team }} · {{ .Page.Params.owner }}</p>{{ .Inner }}</aside>
-- layouts/shortcodes/badge.html --
<span class="badge">{{ .Get 0 }}{{ with .Get 1 }}/{{ . }}{{ end }} #{{ .Ordinal }}</span>
-- layouts/shortcodes/steps.md --
{{ range .Params }}1. {{ . }}
{{ end }}
-- layouts/shortcodes/broken.html --
<p>{{ .Get "x" </p>
-- layouts/shortcodes/boom.html --
<p>
{{ index .Params 5 }}</p>
-- content/b.md --
# B
-- content/a.md --
---
title: Page A
owner: platform
---
{{< note kind="tip" >}}
Some **bold** and [a link](b.md).
{{< /note >}}

Inline {{< badge "v1" "beta" >}} and {{% badge v2 %}}.

{{< steps "Plan" "Build" >}}

{{< broken x="1" >}}

{{< boom >}}
`)
	s.contains("a/index.html",
		`<aside class="note note-tip"><p>Page A · Handbook · Storage · platform</p><p>Some <strong>bold</strong> and <a href="../b/">a link</a>.</p>`+"\n</aside>",
		`Inline <span class="badge">v1/beta #1</span> and <span class="badge">v2 #2</span>.`,
		"<ol>\n<li>Plan</li>\n<li>Build</li>\n</ol>",
	)
	s.contains("b/index.html", "Referenced by", `href="../a/"`)
	want := `layouts/shortcodes/boom.html:2:3: error: shortcode template: executing "shortcodes/boom.html" at <index .Params 5>: error calling index: index out of range: 5
	hint: fix the template; a shortcode template sees .Get, .Inner, .Params, .IsNamedParams, .Name, .Ordinal, .Parent, .Position, .Page and .Site; used at content/a.md:15:1
layouts/shortcodes/broken.html:1:1: error: shortcode template: unexpected "<" in operand
	hint: fix the template; a shortcode template sees .Get, .Inner, .Params, .IsNamedParams, .Name, .Ordinal, .Parent, .Position, .Page and .Site
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// An unknown shortcode shows its content and gets one warning for the
// whole run, at its first use in path order, with the count of its uses.
func TestUnknownShortcodeOneWarningPerName(t *testing.T) {
	s := buildSite(t, `
-- content/b.md --
# B

{{< imgfx sunset Crop "500x300" >}}
Image cropped to 500x300
{{< /imgfx >}}

{{% td/banner color="white" %}}
Lead **text**.
{{% /td/banner %}}
-- content/a.md --
# A

Some {{< kbd >}}Ctrl{{< /kbd >}} and {{< kbd >}}C{{< /kbd >}}.

{{< imgfx other Fit "10x10" />}}
-- content/c.md --
# C

{{< imgfx x >}}
`)
	want := `content/a.md:3:6: warning: Hugo shortcode "kbd" is not known: it shows its inner content only (2 uses)
	hint: write its content as Markdown, or add layouts/shortcodes/kbd.html to render it
content/a.md:5:1: warning: Hugo shortcode "imgfx" is not known: it shows its inner content only (3 uses in 3 files)
	hint: write its content as Markdown, or add layouts/shortcodes/imgfx.html to render it
content/b.md:7:1: warning: Hugo shortcode "td/banner" is not known: it shows its inner content only (1 use)
	hint: write its content as Markdown, or add layouts/shortcodes/td/banner.html to render it
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if s.res.Warnings != 3 {
		t.Errorf("%d warnings, want 3", s.res.Warnings)
	}
	s.contains("a/index.html", "<p>Some Ctrl and C.</p>")
	s.contains("b/index.html", "<p>Image cropped to 500x300</p>", "<p>Lead <strong>text</strong>.</p>")
	s.lacks("b/index.html", "{{", "hbsc")
}

// Bad shortcodes are each reported where they are written, with a hint,
// and the rest of the page is rendered.
func TestShortcodeDiagnostics(t *testing.T) {
	s := buildSite(t, `
-- content/snippets/ok.md --
# OK
-- content/bad.md --
---
title: Bad
---
{{< alert >}}
Never closed.

{{< details sumary="x" >}}
Body.
{{< /details >}}

{{< readfile file="missing.md" >}}

{{< readfile file="../../site.yaml" >}}

Stray {{< /figure >}} close.

{{< figure src="a.png" "b" >}}

{{< details summary="unterminated >}}

{{% alert %}}
- in a list {{% /alert %}}
- next

Still rendered. See {{< ref "nowhere.md" >}}.
`)
	want := `content/bad.md:4:1: error: shortcode "alert" is never closed
	hint: close it with {{< /alert >}}, or end the tag with />}} if it has no content
content/bad.md:7:13: warning: shortcode "details" has no argument "sumary"
	hint: did you mean "summary"? it takes summary, open, class, name, title
content/bad.md:11:19: error: readfile: no file "missing.md" in the content folder
	hint: the path is relative to the page's folder, or to the content folder when it starts with /
content/bad.md:13:19: error: readfile "../../site.yaml" leaves the content folder
	hint: name a file inside the content folder: relative to the page's folder, or to the content folder with a leading /
content/bad.md:15:7: error: closing tag of shortcode "figure" without an opening one
	hint: remove it, or open the shortcode before it with {{< figure >}}
content/bad.md:17:24: error: shortcode "figure" mixes named and positional arguments
	hint: give every argument a name (name="value"), or none
content/bad.md:19:21: error: unterminated quoted argument in shortcode "details"
	hint: close the quotes, on the same line
content/bad.md:21:1: warning: shortcode "alert" cannot hold its content: its closing tag is in another part of the document's structure (another list item, quote or table cell); the content is shown without it
	hint: put the opening and closing tags each on a line of its own, around whole paragraphs
content/bad.md:25:21: error: broken link "nowhere.md": no document has this id, path or name
	hint: check the spelling; ids are shown on each page, and ` + "`handbook check`" + ` lists them all
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("bad/index.html", "<p>Never closed.</p>", "<p>Body.</p>", "Stray  close.", "<p>Still rendered. See nowhere.md.</p>")
}

// A session rebuilds a page whose shortcodes read what changed: the site's
// template, site.yaml's params, a file readfile includes.
func TestSessionShortcodes(t *testing.T) {
	fsys := siteFS(`
-- site.yaml --
params:
  version: "1"
-- layouts/shortcodes/note.html --
<aside>{{ .Inner }}</aside>
-- content/snippets/part.txt --
one
-- content/a.md --
# A

{{< note >}}Version {{< param version >}}.{{< /note >}}

{{< readfile "snippets/part.txt" >}}

{{< readfile "b.md" >}}
-- content/b.md --
# B

Bee.
`)
	sess := NewSession(fsys, Options{Now: testNow})
	sess.Build(publish.NewMemory())
	for _, edit := range []struct{ path, data string }{
		{"layouts/shortcodes/note.html", `<aside class="note">{{ .Inner }}</aside>`},
		{"site.yaml", "params:\n  version: \"2\"\n"},
		{"content/snippets/part.txt", "two\n"},
		{"content/b.md", "# B\n\nBuzz.\n"},
	} {
		fsys[edit.path] = &fstest.MapFile{Data: []byte(edit.data)}
		up := sess.Rebuild([]string{edit.path})
		want := publish.NewMemory()
		Run(fsys, want, Options{Now: testNow})
		if d := compareOutputs(up.Complete(), want.Files()); d != "" {
			t.Fatalf("after editing %s: %s", edit.path, d)
		}
	}
	got := sess.Rebuild(nil).Files["a/index.html"]
	for _, w := range []string{`<aside class="note">Version 2.</aside>`, "two", "Buzz."} {
		if !strings.Contains(string(got), w) {
			t.Errorf("a/index.html lacks %q", w)
		}
	}
}

// Docsy's landing-page blocks keep what they say in the theme's style: the
// cover's title, the lead, features side by side with their titles
// linked to their url (checked as any link), and no warning; the arrow
// down is Docsy's drawing and shows nothing.
func TestDocsyBlocks(t *testing.T) {
	s := buildSite(t, `
-- content/_index.md --
---
title: Goldy
---
{{% blocks/cover title="Welcome to *Goldy*" image_anchor="top" height="full" %}}
Start [here](guide.md).
{{% blocks/link-down color="info" %}}
{{% /blocks/cover %}}

{{% blocks/lead color="white" %}}
Porridge, measured.
{{% /blocks/lead %}}

{{% blocks/section color="primary" type="row" %}}
{{% blocks/feature title="Chairs" icon="fa-lightbulb" %}}
Sizes.
{{% /blocks/feature %}}
{{% blocks/feature title="Beds" url="guide.md" %}}
Softness.
{{% /blocks/feature %}}
{{% blocks/feature title="Lost" url="nowhere.md" %}}
Gone.
{{% /blocks/feature %}}
{{% /blocks/section %}}
-- content/guide.md --
# Guide
`)
	if d := s.diags(); !strings.HasPrefix(d, `content/_index.md:20:37: error: broken link "nowhere.md"`) || strings.Count(d, ": error:")+strings.Count(d, ": warning:") != 1 {
		t.Errorf("diagnostics:\n%s\nwant the feature's broken link alone", d)
	}
	s.contains("index.html",
		"<section class=\"block block-cover\">\n<h2 class=\"block-title\">Welcome to <em>Goldy</em></h2>\n<p>Start <a href=\"guide/\">here</a>.</p>\n</section>",
		"<section class=\"block block-lead\">\n<p>Porridge, measured.</p>\n</section>",
		"<section class=\"block block-section block-row\">\n<div class=\"block-feature\">\n<h2 class=\"block-feature-title\">Chairs</h2>\n<p>Sizes.</p>\n</div>",
		`<h2 class="block-feature-title"><a href="guide/">Beds</a></h2>`)
	s.lacks("index.html", "link-down", "fa-lightbulb")
	if t.Failed() {
		t.Log(s.file("index.html"))
	}
}

// Block tags of Jekyll's and Eleventy's ({% alert "Title" %}…{% endalert
// %}) render as the shortcode of that name: alert as the theme's alert,
// with its title; an unknown one shows its content, with one warning that
// calls it Liquid's. Liquid's own blocks (if, for…), blocks in code and
// tags whose arguments are not a shortcode's stay as written.
func TestLiquidBlockTags(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
# A

{% alert "Travel guidance" %}
  Read [the guide]({% page "/b/" %}) first.
{% endalert %}

{%- callout kind="tip" -%}
Pack light.
{%- endcallout -%}

{% if site.x %}Shown{% endif %}

`+"```"+`
{% alert %}kept{% endalert %}
`+"```"+`
-- content/b.md --
# B

{% callout %}Also{% endcallout %} and {% box steps: a.b %}text{% endbox %}
`)
	want := `content/a.md:7:1: warning: Liquid block tag "callout" is not known: it shows its inner content only (2 uses in 2 files)
	hint: Liquid tags belong to another generator (Jekyll, Eleventy); write its content as Markdown, or add layouts/shortcodes/callout.html to render it
`
	if got := s.diags(); !strings.Contains(got, want) {
		t.Errorf("diagnostics:\n%s\nwant among them:\n%s", got, want)
	}
	s.contains("a/index.html", "<blockquote class=\"alert alert-note\">\n<strong class=\"alert-title\">Travel guidance</strong>\n<p>Read <a href=\"../b/\">the guide</a> first.</p>\n</blockquote>",
		"<p>Pack light.</p>", "{% if site.x %}Shown{% endif %}", "{% alert %}kept{% endalert %}")
	s.lacks("a/index.html", "callout", "endalert %}\n</p>")
	s.contains("b/index.html", "Also and {% box steps: a.b %}text{% endbox %}")
}

// A Liquid tag alone ({% slack_channel "dc" %}) renders through the
// site's shortcode of the same name, its arguments (apart by spaces or,
// as Eleventy writes them, commas) the shortcode's, so that a site made
// for Jekyll or Eleventy renders its custom tags by writing their
// templates; without one, or in code, or as a link's destination, it
// stays, and the warning names the template to write. Eleventy's alert
// takes its type second.
func TestLiquidTagsAsTheSitesShortcodes(t *testing.T) {
	s := buildSite(t, `
-- layouts/shortcodes/slack_channel.html --
<a href="https://chat.example.com/c/{{ .Get 0 }}">#{{ .Get 0 }}</a>
-- layouts/shortcodes/badge.html --
<span class="badge">{{ .Get "text" }}</span>
-- content/a.md --
# A

Ask in {% slack_channel "dc" %} or {%- slack_channel 'x' -%}, {% badge text="new" %}.

Read [B]({% page "/b/" %}), `+"`{% slack_channel \"code\" %}`"+`.

{% alert "It's careful", "warning" %}
Mind {% slack_channel "ops" %}.
{% endalert %}
-- content/b.md --
# B

Ask {% people_ops %} or {% slack_channel %}.
`)
	s.contains("a/index.html",
		`Ask in <a href="https://chat.example.com/c/dc">#dc</a> or <a href="https://chat.example.com/c/x">#x</a>, <span class="badge">new</span>.`,
		`Read <a href="../b/">B</a>, <code>{% slack_channel &quot;code&quot; %}</code>.`,
		"<blockquote class=\"alert alert-warning\">\n<strong class=\"alert-title\">It&#39;s careful</strong>\n<p>Mind <a href=\"https://chat.example.com/c/ops\">#ops</a>.</p>")
	want := `content/b.md:3:5: warning: 1 Liquid tag shown as text (first: people_ops)
	hint: Liquid tags belong to another generator (Jekyll, Eleventy); replace them with Markdown links or text, or add layouts/shortcodes/people_ops.html to render {% people_ops %} as the site's shortcode
`
	if got := s.diags(); !strings.Contains(got, want) {
		t.Errorf("diagnostics:\n%s\nwant among them:\n%s", got, want)
	}
	if t.Failed() {
		t.Log(s.file("a/index.html"), s.file("b/index.html"))
	}
}

// A GitBook repository builds as it is: .gitbook.yaml's root is the
// content, SUMMARY.md orders and names the sidebar and is not a page, and
// GitBook's blocks render without a warning: hint as the theme's alert of
// its style, tabs and tab (title) as a tab pane, content-ref as the link
// it holds, code as its fence under its title, embed as a link to a web
// address (another is left out); the
// page loads nothing from another host.
func TestGitBookRepository(t *testing.T) {
	s := buildSite(t, `
-- .gitbook.yaml --
root: ./docs/
structure:
  readme: README.md
  summary: SUMMARY.md
-- docs/README.md --
# Acme

{% hint style="danger" %}
Mind the **gap**.
{% endhint %}

{% tabs %}
{% tab title="Go" %}
Use Go.
{% endtab %}
{% endtabs %}

{% embed url="https://video.example.com/v/1" %} {% embed url="javascript:alert(1)" %}

{% content-ref url="guides/setup.md" %}
[setup.md](guides/setup.md)
{% endcontent-ref %}

{% code title="main.go" lineNumbers="true" %}
`+"```go"+`
package main
`+"```"+`
{% endcode %}
-- docs/SUMMARY.md --
# Summary

* [Introduction](README.md)

## Guides

* [Zebra setup](guides/setup.md)
* [Alpha](guides/alpha.md)
-- docs/guides/setup.md --
# Setup
-- docs/guides/alpha.md --
# Alpha
`)
	s.noDiags()
	s.contains("index.html", "<blockquote class=\"alert alert-caution\">\n<p>Mind the <strong>gap</strong>.</p>\n</blockquote>",
		"<div class=\"tabpane\">\n<section class=\"tab\">\n<p class=\"tab-label\"><strong>Go</strong></p>\n<p>Use Go.</p>\n</section>\n</div>",
		`<a href="https://video.example.com/v/1">https://video.example.com/v/1</a>`,
		"<div class=\"content-ref\">\n<p><a href=\"guides/setup/\">setup.md</a></p>\n</div>",
		"<figure class=\"code-block\">\n<figcaption>main.go</figcaption>\n<div class=\"code\" data-lang=\"go\">")
	s.lacks("index.html", "javascript:", "{%", "<iframe")
	s.sidebarOrder("guides/alpha/index.html", ">Zebra setup<", ">Alpha<")
	if _, ok := s.out.Files()["summary/index.html"]; ok {
		t.Error("SUMMARY.md is published as a page")
	}
}

// The shortcodes of Hugo's documentation themes (hugo-book, Geekdoc)
// render as their pages mean them: a hint by its type, with a title;
// expand and details with their summary written first; columns apart by
// "<--->", each column's Markdown read; a button as a checked link, by
// href or relref; a mermaid diagram drawn as a fenced one is; tabs by
// their titles written first; math as code; toc as nothing, with no
// warning for any of them.
func TestDocumentationThemeShortcodes(t *testing.T) {
	s := buildSite(t, `
-- content/a.md --
# A

{{< hint warning >}}
**Careful** now.
{{< /hint >}}

{{< hint type=danger title="Stop" >}}
Geekdoc's.
{{< /hint >}}

{{< expand "More" >}}
Hidden.
{{< /expand >}}

{{< details "Summary" open >}}
Open.
{{< /details >}}

{{< columns >}}
Left **bold**.

<--->

Right [b](b.md).
{{< /columns >}}

{{< button relref="b.md" >}}To B{{< /button >}} {{< button href="nowhere.md" >}}Broken{{< /button >}}

{{< mermaid >}}
graph LR; A-->B
{{< /mermaid >}}

{{< tabs "id" >}}
{{< tab "macOS" >}}
Brew.
{{< /tab >}}
{{< /tabs >}}

Area {{< katex >}}\pi r^2{{< /katex >}}.

{{< toc >}}
-- content/b.md --
# B
`)
	if got := s.diags(); !strings.Contains(got, `broken link "nowhere.md"`) || strings.Count(got, "warning") > 0 || strings.Count(got, "error") != 1 {
		t.Errorf("diagnostics:\n%s\nwant the broken button alone", got)
	}
	s.contains("a/index.html",
		"<blockquote class=\"alert alert-warning\">\n<p><strong>Careful</strong> now.</p>",
		"<blockquote class=\"alert alert-caution\">\n<strong class=\"alert-title\">Stop</strong>",
		"<details>\n<summary>More</summary>\n<p>Hidden.</p>\n</details>",
		"<details open>\n<summary>Summary</summary>",
		"<div class=\"columns columns-2\">\n<p>Left <strong>bold</strong>.</p>\n<hr>\n<p>Right <a href=\"../b/\">b</a>.</p>\n</div>",
		`<a class="button" href="../b/">To B</a>`,
		`<div class="diagram" data-lang="mermaid"><pre class="mermaid" tabindex="0">graph LR; A--&gt;B`,
		"<p class=\"tab-label\"><strong>macOS</strong></p>",
		`Area <code class="math">\pi r^2</code>.`)
	s.lacks("a/index.html", "&lt;---&gt;", "{{", "<p></p>")
	s.contains("a/index.html", "diagrams.")
}

// Docsy's imgproc shows the image of the page's folder whose name holds
// its first argument, checked and written relative to the page as any
// image, its content the caption; Hugo's processing (Crop "500x300") is
// Hugo's. With no such image it warns where the name is written and keeps
// the caption.
func TestDocsyImgproc(t *testing.T) {
	s := buildSite(t, `
-- content/blog/first-post/index.md --
# First post

{{< imgproc sunset Crop "500x300" >}}
Image *cropped* to 500x300
{{< /imgproc >}}

{{< imgproc moonrise Fill "100x100" >}}
No such image
{{< /imgproc >}}
-- content/blog/first-post/featured-sunset-get.png --
png
-- content/blog/first-post/notes.txt --
sunset notes
`)
	want := `content/blog/first-post/index.md:7:13: warning: imgproc: no image in the page's folder has "moonrise" in its name
	hint: put the image beside the page, in its folder, with the name in its file name
`
	if got := s.diags(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	s.contains("blog/first-post/index.html",
		"<figure class=\"imgproc\">\n<img src=\"../../blog/first-post/featured-sunset-get.png\" alt=\"featured-sunset-get\" loading=\"lazy\">\n<figcaption>\n<p>Image <em>cropped</em> to 500x300</p>\n</figcaption>\n</figure>",
		"<figure class=\"imgproc\">\n<figcaption>\n<p>No such image</p>")
	s.contains("blog/first-post/featured-sunset-get.png", "png")
	if t.Failed() {
		t.Log(s.file("blog/first-post/index.html"))
	}
}
