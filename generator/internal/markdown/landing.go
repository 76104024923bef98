package markdown

import (
	"fmt"
	"strings"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// landing writes the landing page of a VitePress site, a page whose front
// matter has `layout: home`, as it shows above the page's Markdown: its
// hero (name, text, tagline and action links) and its features (cards of
// a title, linked when it has a link, its details and an icon written as
// text, an emoji). The links are recorded and checked as the body's are.
// It is "" for any other page. A name that is the page's title is not
// written twice.
func (p *Parser) landing(doc *handbook.Document, diags *diag.List) string {
	if layout, _ := doc.Params["layout"].(string); layout != "home" {
		return ""
	}
	hero, _ := doc.Params["hero"].(map[string]any)
	features, _ := doc.Params["features"].([]any)
	if len(hero) == 0 && len(features) == 0 {
		return ""
	}
	str := func(m map[string]any, key string) string {
		s, _ := m[key].(string)
		return strings.TrimSpace(s)
	}
	link := func(dest string, off int) []byte {
		if dest == "" {
			return nil
		}
		return addLink(doc, diags, dest, handbook.LinkMarkdown, off)
	}
	var b strings.Builder
	if len(hero) > 0 {
		b.WriteString("<section class=\"hero\">\n")
		if name := str(hero, "name"); name != "" && name != doc.Title {
			fmt.Fprintf(&b, "<p class=\"hero-name\">%s</p>\n", p.inlineMarkdown(name))
		}
		for _, k := range []string{"text", "tagline"} {
			if v := str(hero, k); v != "" {
				fmt.Fprintf(&b, "<p class=\"hero-%s\">%s</p>\n", k, p.inlineMarkdown(v))
			}
		}
		actions, _ := hero["actions"].([]any)
		var buttons []string
		for _, a := range actions {
			m, _ := a.(map[string]any)
			text := str(m, "text")
			slot := link(str(m, "link"), doc.KeyOffsets["hero"])
			if text == "" || slot == nil {
				continue
			}
			class := "button"
			if str(m, "theme") != "alt" {
				class += " brand"
			}
			buttons = append(buttons, fmt.Sprintf("<a class=\"%s\" href=\"%s\">%s</a>", class, slot, esc(text)))
		}
		if len(buttons) > 0 {
			fmt.Fprintf(&b, "<p class=\"hero-actions\">%s</p>\n", strings.Join(buttons, " "))
		}
		b.WriteString("</section>\n")
	}
	var cards []string
	for i, f := range features {
		m, _ := f.(map[string]any)
		title := p.inlineMarkdown(str(m, "title"))
		if title == "" {
			continue
		}
		var c strings.Builder
		c.WriteString("<li class=\"card feature\">")
		if icon := str(m, "icon"); icon != "" && len([]rune(icon)) <= 4 && !strings.ContainsAny(icon, "<>") {
			fmt.Fprintf(&c, "<span class=\"feature-icon\" aria-hidden=\"true\">%s</span> ", esc(icon))
		}
		off, ok := doc.KeyOffsets[fmt.Sprintf("features.%d.link", i)]
		if !ok {
			off = doc.KeyOffsets["features"]
		}
		if slot := link(str(m, "link"), off); slot != nil {
			fmt.Fprintf(&c, "<a href=\"%s\">%s</a>", slot, title)
		} else {
			fmt.Fprintf(&c, "<strong>%s</strong>", title)
		}
		if d := str(m, "details"); d != "" {
			fmt.Fprintf(&c, "<p>%s</p>", p.inlineMarkdown(d))
		}
		c.WriteString("</li>")
		cards = append(cards, c.String())
	}
	if len(cards) > 0 {
		fmt.Fprintf(&b, "<ul class=\"cards features\">\n%s\n</ul>\n", strings.Join(cards, "\n"))
	}
	return b.String()
}
