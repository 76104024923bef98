package markdown

import (
	"regexp"
	"strings"
	"testing"
)

var (
	markedLine = regexp.MustCompile(`<span class="code-line ?([^"]*)">`)
	spanTag    = regexp.MustCompile(`</?span[ >]`)
)

// lineMarks returns the class of each marked line of a fenced block's
// HTML, by line number from 1, and checks that every line's spans are
// whole: a highlighted token that runs over lines is closed at each
// line's end and opened again.
func lineMarks(t *testing.T, h string) map[int]string {
	t.Helper()
	_, code, ok := strings.Cut(h, "<code")
	if !ok {
		t.Fatalf("no code in %q", h)
	}
	code, _, _ = strings.Cut(code[strings.IndexByte(code, '>')+1:], "</code>")
	marks := map[int]string{}
	for i, line := range strings.Split(strings.TrimSuffix(code, "\n"), "\n") {
		if m := markedLine.FindStringSubmatch(line); m != nil {
			marks[i+1] = m[1]
		}
	}
	// A marked line's wrapper holds the line's newline: each piece
	// between newlines but the wrapper's end balances its spans.
	for _, piece := range strings.Split(code, "\n") {
		depth := 0
		for _, tag := range spanTag.FindAllString(strings.TrimPrefix(piece, "</span>"), -1) {
			if strings.HasPrefix(tag, "</") {
				depth--
			} else {
				depth++
			}
			if depth < 0 {
				t.Fatalf("a span closed that this line did not open: %q in\n%s", piece, h)
			}
		}
		if depth != 0 && !markedLine.MatchString(piece) {
			t.Fatalf("a line leaves %d spans open: %q in\n%s", depth, piece, h)
		}
	}
	return marks
}

// TestFenceTitlesAndMarkedLines: a fence written for Docusaurus, VitePress,
// MkDocs or Hugo shows its title over the code and its marked lines
// highlighted, and the marks written in the code (Docusaurus' magic
// comments, VitePress' notation) do not show, nor reach the copied code.
func TestFenceTitlesAndMarkedLines(t *testing.T) {
	for _, c := range []struct {
		name, src, lang, title string
		marks                  map[int]string
		gone                   []string // text that must not show
		kept                   []string
	}{
		{"docusaurus", "```js title=\"src/app.js\" {1}\nconst a = 1;\n// highlight-next-line\nconst b = 2;\n  # highlight-start\nconst c = 3;\nconst d = 4;\n/* highlight-end */\nconst e = 5;\n```\n",
			"js", "src/app.js", map[int]string{1: "", 2: "", 3: "", 4: ""}, []string{"highlight-"}, []string{"const</span> e"}},
		{"docusaurus jsx and html comments", "```jsx\n{/* highlight-next-line */}\n<App />\n<!-- highlight-next-line -->\n<b>x</b>\n```\n",
			"jsx", "", map[int]string{1: "", 2: ""}, []string{"highlight-"}, nil},
		{"vitepress", "```ts{1} [config.ts]\nexport default {\n  a: 1, // [!code --]\n  a: 2, // [!code ++]\n  b: 3 // [!code highlight:2]\n}\n```\n",
			"ts", "config.ts", map[int]string{1: "", 2: "del", 3: "add", 4: "", 5: ""}, []string{"[!code"}, nil},
		{"vitepress line numbers", "```js:line-numbers {2}\na()\nb()\n```\n",
			"js", "", map[int]string{2: ""}, nil, nil},
		{"mkdocs", "``` py title=\"bubble_sort.py\" hl_lines=\"2 3\"\ndef f():\n    x = 1\n    y = 2\n    return x\n```\n",
			"py", "bubble_sort.py", map[int]string{2: "", 3: ""}, nil, nil},
		{"hugo", "```go {linenos=table,hl_lines=[1,\"3-4\"],linenostart=1}\npackage main\n\nfunc main() {\n}\n```\n",
			"go", "", map[int]string{1: "", 3: "", 4: ""}, nil, nil},
		{"a comment over lines", "```go {2}\n/* one\n   two\n   three */\nx := 1\n```\n",
			"go", "", map[int]string{2: ""}, nil, []string{"two"}},
		{"past the end", "```sh {3-900000000}\necho a\n```\n", "sh", "", map[int]string{}, nil, nil},
		{"plain", "```\nhighlight-start is a word here\n```\n", "", "", map[int]string{}, nil, []string{"highlight-start is a word here"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, ds := parseText(t, c.src)
			if len(ds) > 0 {
				t.Errorf("diagnostics: %v", ds)
			}
			h := d.HTML
			if c.lang != "" && !strings.Contains(h, `data-lang="`+c.lang+`"`) {
				t.Errorf("language is not %q:\n%s", c.lang, h)
			}
			if want := "<figure class=\"code-block\">\n<figcaption>" + c.title + "</figcaption>\n<div class=\"code\""; (c.title != "") != strings.Contains(h, want) {
				t.Errorf("title %q:\n%s", c.title, h)
			}
			if got := lineMarks(t, h); len(got) != len(c.marks) || !mapsEqual(got, c.marks) {
				t.Errorf("marked lines %v, want %v:\n%s", got, c.marks, h)
			}
			for _, s := range c.gone {
				if strings.Contains(h, s) {
					t.Errorf("%q shows:\n%s", s, h)
				}
			}
			for _, s := range c.kept {
				if !strings.Contains(h, s) {
					t.Errorf("%q is missing:\n%s", s, h)
				}
			}
		})
	}
}

func mapsEqual(a, b map[int]string) bool {
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return len(a) == len(b)
}
