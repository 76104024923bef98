package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// otherToolsSite is a Hugo site as Docsy writes one, read without a
// site.yaml: a landing page of Docsy's blocks, pages in the header's menu
// by their front matter, a page of the home page's own in the sidebar, a
// Liquid alert, and an MDX page with Docusaurus' tabs, MkDocs Material's
// content tabs, GitBook's hint, a fence with a title and marked lines,
// hugo-book's hint, columns and button, an image on another host, and a
// VitePress landing page's hero and features.
const otherToolsSite = `
-- hugo.toml --
title = "Goldy"
baseURL = "https://docs.example.com/"
contentDir = "content"
-- content/_index.md --
---
title: Goldy
---
{{% blocks/cover title="Welcome to Goldy" %}}
[Learn more](docs/) [Get the code](https://example.com/repo)
{{% /blocks/cover %}}

{{% blocks/lead %}}
Porridge temperatures, **measured**.
{{% /blocks/lead %}}

{{% blocks/section type="row" %}}
{{% blocks/feature title="Chairs" %}}
Sizes by default.
{{% /blocks/feature %}}
{{% blocks/feature title="Beds" url="docs/" %}}
Softness, [explained](docs/).
{{% /blocks/feature %}}
{{% /blocks/section %}}
-- content/about.md --
---
title: About
menu: {main: {weight: 10}}
---
{% alert "Moved" %}
This page moved from the old site.
{% endalert %}

{{< hint type=warning title="Heads up" >}}
hugo-book's hint.
{{< /hint >}}

{{< columns >}}
Left column.

<--->

Right column, [docs](docs/).
{{< /columns >}}

{{< button relref="docs/setup.mdx" >}}Set up{{< /button >}}

![Diagram](https://cdn.example.com/arch.png)
-- content/start.md --
---
title: Start
layout: home
hero:
  text: How we build
  tagline: One place for it all
  actions:
    - theme: brand
      text: Set up
      link: /docs/setup/
    - theme: alt
      text: About
      link: /about/
features:
  - icon: 🛠️
    title: Tools
    details: What we use.
    link: /docs/setup/
  - title: Habits
    details: How we work.
---
-- content/docs/_index.md --
---
title: Documentation
linkTitle: Docs
menu: {main: {weight: 20}}
---
-- content/docs/setup.mdx --
---
title: Setup
---
import Tabs from '@theme/Tabs';

<Tabs>
  <TabItem value="mac" label="macOS">Install the tools with brew.</TabItem>
  <TabItem value="linux" label="Linux">Install them with apt.</TabItem>
</Tabs>

=== "Go"

    Run ` + "`go install`" + `.

=== "Python"

    Run ` + "`pip install`" + `.

{% hint style="info" %}
Ask in the channel.
{% endhint %}

` + "```js title=\"src/app.js\"" + `
const a = 1;
// highlight-next-line
const b = 2;
const c = 3; // [!code ++]
const d = 4; // [!code --]
` + "```" + `
`

// TestAccessibilityOtherTools runs axe-core on the pages of a site made
// for other tools (Docsy's blocks, a front matter menu, a Liquid alert,
// an MDX page), in the light and the dark theme, on a wide screen and on
// a phone.
func TestAccessibilityOtherTools(t *testing.T) {
	axeScript(t)
	root := writeSite(t, otherToolsSite)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out)
	srv := serve(t, out)
	if b, err := os.ReadFile(filepath.Join(out, "docs", "setup", "index.html")); err != nil || strings.Count(string(b), `class="tab-label"`) != 4 || !strings.Contains(string(b), `class="alert alert-note"`) {
		t.Fatalf("the MDX page does not show its two tab panes of two tabs and its hint: %v", err)
	}
	for _, size := range []struct {
		name string
		w, h int64
	}{{"1280×800", 1280, 800}, {"phone 390×844", 390, 844}} {
		for _, p := range []string{"/", "/about/", "/docs/setup/", "/start/"} {
			tb := newTab(t, srv, chromedp.EmulateViewport(size.w, size.h))
			for _, theme := range []string{"light", "dark"} {
				tb.open(p)
				tb.setTheme(theme)
				tb.reportAxe(fmt.Sprintf("%s (%s, %s)", p, theme, size.name))
			}
		}
	}
}
