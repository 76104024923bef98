package markdown

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// fence is what a fenced block's info string says beyond its language,
// in the forms other tools write: its title (Docusaurus' and MkDocs'
// title="app.js", VitePress' [app.js]) and the lines it marks
// (Docusaurus' and VitePress' {1,4-6}, MkDocs' hl_lines="1 4-6", Hugo's
// {hl_lines=[1,"4-6"]}).
type fence struct {
	lang  string
	title string
	lines []int // marked line numbers, from 1, in any order
}

var (
	fenceTitle = regexp.MustCompile(`(?:^|\s)title=(?:"([^"]*)"|'([^']*)'|(\S+))`)
	fenceName  = regexp.MustCompile(`(?:^|\s)\[([^\]]+)\]`)
	fenceMarks = regexp.MustCompile(`\{([\d\s,-]+)\}`)
	fenceHL    = regexp.MustCompile(`hl_lines\s*=\s*(?:"([^"]*)"|'([^']*)'|\[([^\]]*)\])`)
	lineRange  = regexp.MustCompile(`(\d+)(?:\s*-\s*(\d+))?`)
)

// parseFence reads a fence's info string.
func parseFence(info string) fence {
	var f fence
	lang, rest, _ := strings.Cut(strings.TrimSpace(info), " ")
	// VitePress writes the marks and its line numbers' switch against the
	// language: ts{4}, js:line-numbers.
	if i := strings.IndexAny(lang, "{["); i > 0 {
		lang, rest = lang[:i], lang[i:]+" "+rest
	}
	for _, suffix := range []string{":line-numbers", ":no-line-numbers"} {
		lang = strings.TrimSuffix(lang, suffix)
	}
	f.lang = lang
	if rest == "" {
		return f
	}
	if m := fenceTitle.FindStringSubmatch(rest); m != nil {
		f.title = m[1] + m[2] + m[3]
	} else if m := fenceName.FindStringSubmatch(rest); m != nil {
		f.title = m[1]
	}
	ranges := func(s string) {
		for _, m := range lineRange.FindAllStringSubmatch(s, -1) {
			from, err := strconv.Atoi(m[1])
			if err != nil {
				continue
			}
			to := from
			if m[2] != "" {
				if to, err = strconv.Atoi(m[2]); err != nil {
					continue
				}
			}
			// A code block has few lines: a range past any block's
			// length is cut short rather than listed.
			for n := from; n <= min(to, from+maxMarked); n++ {
				f.lines = append(f.lines, n)
			}
		}
	}
	if m := fenceHL.FindStringSubmatch(rest); m != nil {
		ranges(m[1] + m[2] + m[3])
	} else if m := fenceMarks.FindStringSubmatch(rest); m != nil {
		ranges(m[1])
	}
	return f
}

// maxMarked bounds the lines one range marks.
const maxMarked = 10_000

// magicComment matches a line that is only Docusaurus' magic comment, in
// any of the comment forms it reads (//, #, --, %, ;, /* */, {/* */},
// <!-- -->): highlight-next-line, highlight-start or highlight-end.
var magicComment = regexp.MustCompile(`^[ \t]*(?://|#|--|%|;;?|\{?/\*|<!--)[ \t]*(highlight-next-line|highlight-start|highlight-end)[ \t]*(?:\*/\}?|-->)?[ \t]*\r?$`)

// codeNotation matches VitePress' notation at the end of a line: a
// comment holding [!code highlight], [!code ++], [!code --], [!code
// focus], [!code warning] or [!code error], with a count of lines for
// highlight and focus ([!code highlight:3]).
var codeNotation = regexp.MustCompile(`[ \t]*(?://|#|--|/\*|<!--)[ \t]*\[!code (highlight|hl|\+\+|--|focus|warning|error)(?::(\d+))?\][ \t]*(?:\*/|-->)?[ \t]*(\r?)$`)

// markCode takes the marks written in code out of it (Docusaurus' magic
// comments, VitePress' notation) and returns the code without them and
// the classes of each line that is marked, by line index: "code-line"
// for a highlighted line, "code-line add" and "code-line del" for one
// added or removed (chroma's own "line" and "hl" are styled for its
// markup, not this).
// marked are the lines the info string marks, numbered from 1.
func markCode(code []byte, marked []int) ([]byte, map[int]string) {
	var classes map[int]string
	mark := func(i int, class string) {
		if classes == nil {
			classes = map[int]string{}
		}
		classes[i] = class
	}
	if !bytes.Contains(code, []byte("highlight-")) && !bytes.Contains(code, []byte("[!code ")) {
		for _, n := range marked {
			mark(n-1, "code-line")
		}
		return code, classes
	}
	var out []byte
	next, inBlock := false, false
	i := 0 // the index of the next line written
	for line := range bytes.Lines(code) {
		body := bytes.TrimSuffix(line, []byte("\n"))
		if m := magicComment.FindSubmatch(body); m != nil {
			switch string(m[1]) {
			case "highlight-next-line":
				next = true
			case "highlight-start":
				inBlock = true
			case "highlight-end":
				inBlock = false
			}
			continue
		}
		if next || inBlock {
			mark(i, "code-line")
			next = false
		}
		if loc := codeNotation.FindSubmatchIndex(body); loc != nil {
			kind := body[loc[2]:loc[3]]
			count := 1
			if loc[4] >= 0 {
				count, _ = strconv.Atoi(string(body[loc[4]:loc[5]]))
				count = min(max(count, 1), maxMarked)
			}
			class := "code-line"
			switch string(kind) {
			case "++":
				class = "code-line add"
			case "--":
				class = "code-line del"
			}
			for k := range count {
				mark(i+k, class)
			}
			line = append(append(body[:loc[0]:loc[0]], body[loc[6]:loc[7]]...), line[len(body):]...)
		}
		out = append(out, line...)
		i++
	}
	for _, n := range marked {
		mark(n-1, "code-line")
	}
	return out, classes
}

// markLines wraps each line of a highlighted block (the highlighter's
// "<pre…><code…>…</code></pre>") that classes names in <span
// class="CLASSES">, closing the spans a line leaves open at its end
// and opening them again on the next, so that every line's markup is
// whole.
func markLines(block []byte, classes map[int]string) []byte {
	start := bytes.Index(block, []byte("<code"))
	end := bytes.LastIndex(block, []byte("</code>"))
	if start < 0 || end < start {
		return block
	}
	start += bytes.IndexByte(block[start:], '>') + 1
	out := make([]byte, 0, len(block)+64*len(classes))
	out = append(out, block[:start]...)
	var open [][]byte // the span tags open, outermost first
	line := 0
	startLine := func() {
		if class := classes[line]; class != "" {
			out = append(out, `<span class="`...)
			out = append(out, class...)
			out = append(out, `">`...)
		}
		for _, t := range open {
			out = append(out, t...)
		}
	}
	endLine := func(nl bool) {
		for range open {
			out = append(out, "</span>"...)
		}
		if nl {
			out = append(out, '\n')
		}
		if classes[line] != "" {
			out = append(out, "</span>"...)
		}
		line++
	}
	body := block[start:end]
	startLine()
	for i := 0; i < len(body); {
		switch c := body[i]; {
		case c == '\n':
			endLine(true)
			i++
			if i < len(body) {
				startLine()
			} else {
				line = -1 // ended
			}
		case c == '<' && bytes.HasPrefix(body[i:], []byte("</span>")):
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
			out = append(out, "</span>"...)
			i += len("</span>")
		case c == '<':
			j := bytes.IndexByte(body[i:], '>')
			if j < 0 {
				out = append(out, body[i:]...)
				i = len(body)
				continue
			}
			tag := body[i : i+j+1]
			if bytes.HasPrefix(tag, []byte("<span")) {
				open = append(open, tag)
			}
			out = append(out, tag...)
			i += j + 1
		default:
			j := bytes.IndexAny(body[i:], "<\n")
			if j < 0 {
				j = len(body) - i
			}
			out = append(out, body[i:i+j]...)
			i += j
		}
	}
	if line >= 0 {
		endLine(false)
	}
	return append(out, block[end:]...)
}
