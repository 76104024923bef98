package browser

import (
	"context"
	"path/filepath"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

const codeSite = `
-- content/guide.md --
---
title: Guide
---
Run this:

` + "```go" + `
func main() {
	fmt.Println("<hi>")
}
` + "```" + `

And this, in no language:

` + "```" + `
make setup
` + "```" + `
`

// grantClipboard lets the tab's origin read and write the clipboard.
func grantClipboard(origin string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		c := chromedp.FromContext(ctx)
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			_, err := cdp.Call(ctx, c.Browser, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
				Permission:       &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
				Setting:          cdpbrowser.PermissionSettingGranted,
				Origin:           origin,
				BrowserContextID: c.BrowserContextID,
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// TestCodeCopy clicks a code block's Copy button and reads the system
// clipboard back through the Clipboard API, permission granted.
func TestCodeCopy(t *testing.T) {
	root := writeSite(t, codeSite)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out)
	srv := serve(t, out)
	tb := newTab(t, srv)
	tb.do(grantClipboard(srv.URL))
	tb.open("/guide/")
	tb.waitFor(`document.querySelectorAll(".content div.code > button.code-copy").length === 2`)

	type block struct {
		Lang, Label string
		Tabindex    string
		Button      string
	}
	got := eval[[]block](tb, `Array.from(document.querySelectorAll(".content div.code")).map(d => ({
		Lang: d.dataset.lang || "", Label: (d.querySelector(".code-lang") || {}).textContent || "",
		Tabindex: d.querySelector("pre").getAttribute("tabindex"), Button: d.querySelector("button").textContent}))`)
	want := []block{{"go", "Go", "0", "Copy"}, {"", "", "0", "Copy"}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("code blocks %+v, want %+v", got, want)
	}

	tb.click(`.content div.code[data-lang=go] button.code-copy`)
	tb.waitFor(`document.querySelector(".content div.code[data-lang=go]").dataset.copied === "1"`)
	if b := eval[string](tb, `document.querySelector(".content div.code[data-lang=go] button").textContent`); b != "Copied" {
		t.Errorf("the button says %q after copying, want Copied", b)
	}
	clip, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("read the clipboard: %v", err)
	}
	if want := "func main() {\n\tfmt.Println(\"<hi>\")\n}"; clip != want {
		t.Errorf("the clipboard holds %q, want %q", clip, want)
	}
	tb.waitFor(`document.querySelector(".content div.code[data-lang=go] button").textContent === "Copy"`)

	// Without JavaScript there is no button, and the label and code stay.
	nojs := newTab(t, srv, call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
	nojs.do(chromedp.Navigate(srv.URL + "/guide/"))
	if n := eval[int](nojs, `document.querySelectorAll("button.code-copy").length + (document.querySelector(".code-lang").textContent === "Go" ? 0 : 10)`); n != 0 {
		t.Errorf("without JavaScript: %d buttons (10 more: no label)", n)
	}
}

// TestHeadingPermalinks: a heading's permalink is quiet until the heading
// is hovered or the link focused, and it links to the heading.
func TestHeadingPermalinks(t *testing.T) {
	srv := serve(t, demo(t))
	tb := newTab(t, srv)
	tb.open("/strategies/databases/")
	type state struct {
		Count   int
		Opacity string
		Href    string
		Label   string
	}
	read := `(() => { const a = document.querySelector(".content h2[id] > a.anchor");
		return {Count: document.querySelectorAll(".content :is(h2,h3,h4,h5,h6)[id] > a.anchor").length,
			Opacity: getComputedStyle(a).opacity, Href: a.getAttribute("href"), Label: a.getAttribute("aria-label")}; })()`
	got := eval[state](tb, read)
	// Quiet: hidden, or faint where the device cannot hover (headless).
	if got.Count == 0 || got.Opacity == "1" || got.Href != "#problem" || got.Label != "Link to this section" {
		t.Errorf("before focus: %+v, want anchors, the first quiet, to #problem, labelled", got)
	}
	tb.do(chromedp.Focus(chromedp.CSS(`.content h2[id] > a.anchor`)))
	if got := eval[state](tb, read); got.Opacity != "1" {
		t.Errorf("a focused permalink has opacity %s, want 1", got.Opacity)
	}
	tb.click(`.content h2[id] > a.anchor`)
	tb.waitFor(`location.hash === "#problem"`)

	// However narrow the column, while the heading's last word and the
	// "#" fit on a line, the "#" stays on the line of that word: each
	// heading is narrowed two pixels at a time and the middle of its
	// permalink compared with that of its last letter.
	alone := eval[[]string](tb, `(() => { const alone = [];
		for (const a of document.querySelectorAll(".content :is(h2,h3,h4,h5,h6)[id] > a.anchor")) {
			const h = a.parentElement, walk = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
			let last = null;
			for (let n = walk.nextNode(); n && !a.contains(n); n = walk.nextNode()) if (n.textContent.trim()) last = n;
			if (!last) continue;
			const text = last.textContent.trimEnd(), end = text.length, r = document.createRange(), word = document.createRange();
			r.setStart(last, end - 1); r.setEnd(last, end);
			word.setStart(last, text.search(/\S+$/)); word.setEnd(last, end);
			const least = word.getBoundingClientRect().width + a.getBoundingClientRect().width + parseFloat(getComputedStyle(a).marginInlineStart) + 2;
			for (let w = h.scrollWidth; w >= least; w -= 2) {
				h.style.width = w + "px";
				const rs = r.getClientRects(), l = rs[rs.length - 1], b = a.getBoundingClientRect();
				if (Math.abs((l.top + l.bottom) - (b.top + b.bottom)) / 2 > l.height / 2) { alone.push(h.id + " at " + w + "px"); break; }
			}
			h.style.width = "";
		}
		return alone; })()`)
	if len(alone) > 0 {
		t.Errorf("a permalink wraps to a line of its own: %v", alone)
	}
}
