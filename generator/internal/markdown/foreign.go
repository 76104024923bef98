package markdown

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/parser"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// refMarker ends a destination that came from a ref shortcode, between
// the expansion of the shortcode and the recording of the link, which
// strips it and records the link's form as handbook.LinkRef.
const refMarker = "?hbref"

var (
	liquidTag = regexp.MustCompile(`\{%-?\s*([A-Za-z_]+)[^%]*-?%\}`)
	// liquidTagFull is a Liquid tag with its name and the rest.
	liquidTagFull = regexp.MustCompile(`\{%-?\s*([A-Za-z_][\w-]*)([^%]*?)-?%\}`)
	// liquidComment is a Liquid comment block; liquidLink a Liquid tag of
	// one path that is a link's destination: [x]({% link guides/a.md %}),
	// [x]({% page "/tools/slack/" %}).
	liquidComment = regexp.MustCompile(`(?s)\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}`)
	// liquidRaw is a mark of Liquid's raw block, which shows what is
	// between its marks as written.
	liquidRaw   = regexp.MustCompile(`\{%-?\s*(?:raw|endraw)\s*-?%\}`)
	liquidLink  = regexp.MustCompile(`\]\(\s*(\{%-?\s*[A-Za-z_]+\s+(?:"([^"%]*)"|'([^'%]*)'|([^\s"'%]+))\s*-?%\})\s*\)`)
	placeholder = regexp.MustCompile(`\{\{\s*([A-Za-z_][\w.:-]*)[^{}<%]*\}\}`)
)

// foreignSyntax prepares the bytes goldmark parses: Hugo shortcodes become
// placeholders of the same length (so every offset still points into the
// file as written), known to the parse through ctx (shortcode.go); other
// generators' template tags get one warning per document.
func (p *Parser) foreignSyntax(doc *handbook.Document, ctx parser.Context, diags *diag.List) []byte {
	src := doc.Source
	if !bytes.Contains(src, []byte("{{")) && !bytes.Contains(src, []byte("{%")) {
		return src
	}
	out := src
	var tags []span
	liquid := liquidBlocks(doc.Source)
	liquid = append(liquid, p.liquidSingles(doc.Source, liquid)...)
	if len(liquid) > 0 {
		doc.Source = rewriteLiquidBlocks(doc.Source, liquid)
		out = doc.Source
	}
	if st := p.shortcodes(doc, diags, liquid); st != nil {
		st.attach(ctx)
		out = st.buf
		for _, t := range st.tags {
			tags = append(tags, span{t.start, t.end})
		}
	}
	out = liquidLinks(liquidComments(liquidRaws(out, tags), tags), tags)
	// Tags inside a shortcode's (those left in code) are not Liquid's.
	first := func(re *regexp.Regexp) ([]int, int) {
		var m []int
		n := 0
		for _, loc := range re.FindAllSubmatchIndex(out, -1) {
			if inSpans(tags, loc[0]) {
				continue
			}
			if m == nil {
				m = loc
			}
			n++
		}
		return m, n
	}
	if m, n := first(liquidTag); m != nil && !inCode(out, m[0]) {
		name := string(out[m[2]:m[3]])
		diags.Warnf(doc.SourcePath, m[0], "Liquid tags belong to another generator (Jekyll, Eleventy); replace them with Markdown links or text, or add layouts/shortcodes/"+name+".html to render {% "+name+" %} as the site's shortcode",
			"%d Liquid %s shown as text (first: %s)", n, plural(n, "tag", "tags"), name)
	}
	if m, n := first(placeholder); m != nil && !inCode(out, m[0]) {
		diags.Warnf(doc.SourcePath, m[0], "template placeholders are filled by the tool they were written for; replace them with their text",
			"%d template %s shown as text (first: %s)", n, plural(n, "placeholder", "placeholders"), string(out[m[0]:m[1]]))
	}
	return out
}

// liquidControl are Liquid's own block tags, whose content is logic
// (which branch, how many times): they stay as written.
var liquidControl = map[string]bool{"if": true, "unless": true, "case": true, "for": true, "tablerow": true, "capture": true, "raw": true, "comment": true}

// liquidArgs matches what may follow a tag's name to be read as a
// shortcode's arguments: quoted strings, words and name="value" pairs,
// apart by spaces or, as Eleventy's shortcodes take them, by commas;
// liquidArg is one of them.
var (
	liquidArgs = regexp.MustCompile(`^(?:(?:\s+|\s*,\s*)(?:"[^"]*"|'[^'"]*'|[\w.-]+(?:="[^"]*"|='[^'"]*'|=[\w.-]+)?))*\s*$`)
	liquidArg  = regexp.MustCompile(`"[^"]*"|'[^'"]*'|[\w.-]+(?:="[^"]*"|='[^'"]*'|=[\w.-]+)?`)
)

// shortcodeArgs writes a tag's arguments (liquidArgs) as a shortcode's,
// apart by one space, a string in single quotes in double ones.
func shortcodeArgs(args string) string {
	f := liquidArg.FindAllString(args, -1)
	for i, a := range f {
		if strings.HasSuffix(a, "'") {
			f[i] = strings.ReplaceAll(a, "'", `"`) // 'x' or name='x', without " in it
		}
	}
	return strings.Join(f, " ")
}

// liquidBlock is a block tag another generator defines ({% alert "Note"
// %}…{% endalert %}, Eleventy's paired shortcodes, Jekyll's block tags):
// its opening and closing tags' offsets, its name and its arguments.
type liquidBlock struct {
	open, openEnd, close, closeEnd int
	name, args                     string
}

// liquidBlocks finds the block tags of src outside code whose arguments
// read as a shortcode's; Liquid's own (liquidControl) are left.
func liquidBlocks(src []byte) []liquidBlock {
	if !liquidEnd.Match(src) {
		return nil
	}
	type open struct {
		name, args string
		a, b       int
	}
	var stack []open
	opened := map[string]int{} // open tags on the stack, by name
	var out []liquidBlock
	code, spans := fences(src), &spanScan{src: src}
	for _, m := range liquidTagFull.FindAllSubmatchIndex(src, -1) {
		a, b := m[0], m[1]
		if a > 0 && src[a-1] == '{' || code.has(a) || spans.in(a) {
			continue // {{% … %}} is a Hugo shortcode's
		}
		name, args := string(src[m[2]:m[3]]), string(src[m[4]:m[5]])
		if end, ok := strings.CutPrefix(name, "end"); ok && strings.TrimSpace(args) == "" {
			// The latest open tag of that name closes; those opened after
			// it are left open, and leave the stack with it. Each tag
			// joins and leaves the stack once.
			for i := len(stack) - 1; i >= 0 && opened[end] > 0; i-- {
				o := stack[i]
				opened[o.name]--
				if o.name == end {
					out = append(out, liquidBlock{open: o.a, openEnd: o.b, close: a, closeEnd: b, name: o.name, args: o.args})
					stack = stack[:i]
					break
				}
			}
			continue
		}
		if !liquidControl[name] && liquidArgs.MatchString(args) {
			stack = append(stack, open{name, shortcodeArgs(args), a, b})
			opened[name]++
		}
	}
	return out
}

// liquidSingles finds the Liquid tags of src outside code that name a
// shortcode of the site's own, without content ({% slack_channel "dc" %}
// beside layouts/shortcodes/slack_channel.html): each is read as a use of
// it, so that a site made for Jekyll or Eleventy renders its custom tags
// by writing their templates, without editing its pages. Block tags
// (blocks), Liquid's own, end tags and a link's destination are left.
func (p *Parser) liquidSingles(src []byte, blocks []liquidBlock) []liquidBlock {
	if p.opts.Shortcodes.Layouts == nil || !bytes.Contains(src, []byte("{%")) {
		return nil
	}
	opens := make(map[int]bool, len(blocks))
	for _, bl := range blocks {
		opens[bl.open] = true
	}
	var out []liquidBlock
	var code codeFences
	var spans *spanScan
	for _, m := range liquidTagFull.FindAllSubmatchIndex(src, -1) {
		a, b := m[0], m[1]
		name, args := string(src[m[2]:m[3]]), string(src[m[4]:m[5]])
		if a > 0 && src[a-1] == '{' || opens[a] || liquidControl[name] || strings.HasPrefix(name, "end") || !liquidArgs.MatchString(args) ||
			bytes.HasSuffix(bytes.TrimRight(src[:a], " \t"), []byte("](")) {
			continue
		}
		if t := p.siteShortcode(name); (t == nil || t.err != nil || t.inner) && (t != nil || builtins[name] == nil || !builtins[name].liquid) {
			continue
		}
		if spans == nil {
			code, spans = fences(src), &spanScan{src: src}
		}
		if code.has(a) || spans.in(a) {
			continue
		}
		out = append(out, liquidBlock{open: a, openEnd: b, close: -1, name: name, args: shortcodeArgs(args)})
	}
	return out
}

// rewriteLiquidBlocks writes each block's tags as a Hugo shortcode's of
// the same length ({{%alert "Note"%}}…{{% /alert %}}), so that the
// shortcode stage renders a known one (alert) as Hugo's and shows the
// content of any other, and each tag alone (close -1, liquidSingles) as a
// shortcode without content ({{<slack_channel "dc">}}); src is copied
// first. A tag too short for it stays.
func rewriteLiquidBlocks(src []byte, blocks []liquidBlock) []byte {
	out := bytes.Clone(src)
	// fit returns the first form no longer than the tag, padded with
	// spaces before its closing "%}}" or ">}}", or "".
	fit := func(a, b int, forms ...string) string {
		for _, f := range forms {
			if len(f) <= b-a {
				return f[:len(f)-3] + strings.Repeat(" ", b-a-len(f)) + f[len(f)-3:]
			}
		}
		return ""
	}
	for _, bl := range blocks {
		args := ""
		if bl.args != "" {
			args = " " + bl.args
		}
		if bl.close < 0 {
			if open := fit(bl.open, bl.openEnd, "{{< "+bl.name+args+" >}}", "{{<"+bl.name+args+">}}"); open != "" {
				copy(out[bl.open:], open)
			}
			continue
		}
		open := fit(bl.open, bl.openEnd, "{{% "+bl.name+args+" %}}", "{{%"+bl.name+args+"%}}")
		close := fit(bl.close, bl.closeEnd, "{{% /"+bl.name+" %}}", "{{%/"+bl.name+"%}}")
		if open != "" && close != "" {
			copy(out[bl.open:], open)
			copy(out[bl.close:], close)
		}
	}
	return out
}

// liquidLinks writes the path of each Liquid tag that is a link's
// destination and names a path (liquidLink) in place of the tag, from the
// site's root as Liquid's paths are, padded with spaces to the tag's
// length, so that the link is checked and resolved as one written with
// the path; src is copied first. Tags in spans (shortcodes') and in code
// (a block, or a span on the line) are left.
func liquidLinks(src []byte, spans []span) []byte {
	out := src
	code, inSpan := fences(src), &spanScan{src: src}
	for _, m := range liquidLink.FindAllSubmatchIndex(src, -1) {
		if inSpan.in(m[0]) || inSpans(spans, m[2]) || code.has(m[2]) {
			continue // in a shortcode, a code block or a code span
		}
		var arg []byte
		for g := 4; g < len(m); g += 2 {
			if m[g] >= 0 {
				arg = src[m[g]:m[g+1]]
			}
		}
		if !bytes.Contains(arg, []byte("/")) && !bytes.HasSuffix(arg, []byte(".md")) {
			continue // {% post_url 2010-07-21-name %} names no path
		}
		colon, slash := bytes.IndexByte(arg, ':'), bytes.IndexByte(arg, '/')
		if scheme := colon >= 0 && (slash < 0 || colon < slash); arg[0] != '/' && !scheme {
			// Liquid's paths are from the site's root: {% link a/b.md %}.
			arg = append([]byte{'/'}, arg...)
		}
		if &out[0] == &src[0] {
			out = bytes.Clone(src)
		}
		n := copy(out[m[2]:m[3]], arg)
		for i := m[2] + n; i < m[3]; i++ {
			out[i] = ' '
		}
	}
	return out
}

// liquidComments blanks each Liquid comment block outside code ({% comment
// %}TODO{% endcomment %}), which Liquid drops, keeping its line breaks so
// that every offset still points into the file as written; src is copied
// first.
func liquidComments(src []byte, spans []span) []byte {
	out := src
	code := fences(src)
	for _, m := range liquidComment.FindAllIndex(src, -1) {
		if inSpans(spans, m[0]) || code.has(m[0]) {
			continue
		}
		if &out[0] == &src[0] {
			out = bytes.Clone(src)
		}
		for i := m[0]; i < m[1]; i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
	}
	return out
}

// liquidRaws takes out the marks of Liquid's raw blocks ({% raw %}…{%
// endraw %}) in code, where they stand around template syntax shown as
// an example, which Liquid shows without them; src is copied first. The
// rest of the line (in a code span: of the span) moves left over the mark
// and spaces fill its end, so that only that line's offsets move. A mark
// elsewhere is left, as other Liquid tags are: spaces in its place could
// end a line with a hard break.
func liquidRaws(src []byte, spans []span) []byte {
	ms := liquidRaw.FindAllIndex(src, -1)
	if len(ms) == 0 {
		return src
	}
	out := bytes.Clone(src) // a copy the size of the file only where a mark is
	code, inSpan := fences(src), &spanScan{src: src}
	// Each run of marks that share a region (the rest of a line in a code
	// block, the rest of a code span) is taken out of it in one pass.
	for i := 0; i < len(ms); {
		a := ms[i][0]
		if inSpans(spans, a) {
			i++
			continue
		}
		end := -1
		span := inSpan.in(a)
		switch {
		case span:
			if k := bytes.IndexAny(src[ms[i][1]:], "`\n"); k >= 0 && src[ms[i][1]+k] == '`' {
				end = ms[i][1] + k // up to the span's closing backtick
			}
		case code.has(a):
			end = len(src)
			if k := bytes.IndexByte(src[ms[i][1]:], '\n'); k >= 0 {
				end = ms[i][1] + k
			}
			if end > a && src[end-1] == '\r' {
				end--
			}
		}
		if end < 0 {
			i++
			continue
		}
		// The marks of the region, taken out; the rest moves left.
		w, from := a, a
		for ; i < len(ms) && ms[i][1] <= end && !inSpans(spans, ms[i][0]); i++ {
			w += copy(out[w:], src[from:ms[i][0]])
			from = ms[i][1]
		}
		w += copy(out[w:], src[from:end])
		for ; w < end; w++ {
			out[w] = ' '
		}
	}
	return out
}

// spanScan tells, for offsets asked in increasing order, whether each lies
// in a code span, roughly: after an odd number of backticks on its line.
// It reads each byte once.
type spanScan struct {
	src       []byte
	at, ticks int
}

// in reports whether off lies in a code span.
func (s *spanScan) in(off int) bool {
	for ; s.at < off && s.at < len(s.src); s.at++ {
		switch s.src[s.at] {
		case '\n':
			s.ticks = 0
		case '`':
			s.ticks++
		}
	}
	return s.ticks%2 == 1
}

// inCode reports whether off lies in a fenced code block, roughly: after an
// odd number of fence lines. For many offsets of one text, fences answers
// each in logarithmic time.
func inCode(src []byte, off int) bool { return fences(src).has(off) }

// codeFences are the ends of a text's fence lines' marks ("\n```", or a
// first line's "```"), in order.
type codeFences []int

// fences finds src's fence marks.
func fences(src []byte) codeFences {
	var f codeFences
	if bytes.HasPrefix(src, []byte("```")) {
		f = append(f, 1) // counted from the first byte on
	}
	for at := 0; ; {
		i := bytes.Index(src[at:], []byte("\n```"))
		if i < 0 {
			return f
		}
		at += i + 4
		f = append(f, at)
	}
}

// has reports whether off lies after an odd number of fence marks.
func (f codeFences) has(off int) bool {
	n, _ := slices.BinarySearch(f, off+1)
	return n%2 == 1
}
