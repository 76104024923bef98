package highlight

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
)

// A want is the class a reader should see on one token: tok, found at its
// first occurrence inside the first occurrence of in (or of tok itself
// when in is empty). Class "" means no span.
type want struct {
	in, tok, class string
}

// classOfToken returns the class covering every byte of w.tok in the
// highlighted code, or "(mixed)" when they differ.
func classOfToken(t *testing.T, lang, code string, w want) string {
	t.Helper()
	ctx := w.in
	if ctx == "" {
		ctx = w.tok
	}
	at := strings.Index(code, ctx)
	if at < 0 {
		t.Fatalf("%s: %q not in the code", lang, ctx)
	}
	off := strings.Index(ctx, w.tok)
	if off < 0 {
		t.Fatalf("%s: %q not in %q", lang, w.tok, ctx)
	}
	at += off
	_, segs, err := parse(render(lang, code))
	if err != nil {
		t.Fatalf("%s: %v", lang, err)
	}
	cs := byteClasses(segs)
	c := cs[at]
	for _, d := range cs[at : at+len(w.tok)] {
		if d != c {
			return "(mixed)"
		}
	}
	return c
}

// languageTests lists, per native language, tokens of its snippet and
// the classes they should get: as chroma gives them.
var languageTests = map[string][]want{
	"go": {
		{"", "func", "kd"},
		{"", `"n"`, "s"},
		{"", "// handle serves one request.", "c1"},
		{"", "42", "mi"},
		{"func handle(", "handle", "nf"},
		{"", "nil", "kc"},
		{"", "error", "kt"},
		{"", "return", "k"},
		{"", "make", "nb"},
		{"", "0x10", "mh"},
		{"", "1.5e3", "mf"},
		{"", "`%d %v`", "s"},
		{"Query().Get(", "Get", "nf"},
		{"", "strconv", ""},
		{"", ":=", "o"},
		{"", "float64", "nb"},
	},
	"python": {
		{"", "import", "kn"},
		{"import os", "os", "nn"},
		{"", "def", "k"},
		{"def load", "load", "nf"},
		{"", "@cache", "nd"},
		{"", `"""Read the config at path."""`, "s2"},
		{"", "# nothing to do", "c1"},
		{"", "None", "kc"},
		{"", "True", "kc"},
		{"", "not", "ow"},
		{"", "len", "nb"},
		{"", "10", "mi"},
		{"", `'x'`, "s1"},
		{`f"{limit}"`, "f", "sa"},
		{`f"{limit}"`, "{", "si"},
		{"Path(path).read_text(", "read_text", ""},
	},
	"javascript": {
		{"", "function", "kd"},
		{"", "const", "kr"},
		{"", "await", "kr"},
		{"", `"node:fs/promises"`, "s2"},
		{"", `'utf8'`, "s1"},
		{"", "// Load the manifest and count its entries.", "c1"},
		{"", "0", "mi"},
		{"", "for", "k"},
		{"return `", "`", "sb"},
		{"`${path}", "${", "si"},
		{"readFile(path", "readFile", ""},
	},
	"json": {
		{"", `"name"`, "nt"},
		{"", `"handbook"`, "s2"},
		{"", "3", "mi"},
		{"", "-1.5e2", "mf"},
		{"", "true", "kc"},
		{"", "null", "kc"},
		{"", "{", "p"},
	},
	"yaml": {
		{"", "# Service configuration", "c"},
		{"", "---", "nn"},
		{"", "name", "nt"},
		{"", "billing-api", "l"},
		{"", "3", "m"},
		{"", "true", "kc"},
		{"", "null", "kc"},
		{"", `"registry.example.com/billing:1.4"`, "s2"},
		{"", "'debug'", "s1"},
		{"  - name", "-", ""},
		{"", "&defaults", "cp"},
		{"", "*defaults", "cp"},
		{"", "<<", "nt"},
		{"", "30s", "l"},
	},
	"toml": {
		{"", "# Build settings", "c"},
		{"", "title", ""},
		{"", `"Handbook"`, "s2"},
		{"", "8080", "mi"},
		{"", "0.5", "mf"},
		{"", "false", "kc"},
		{"", "2024-01-02", "mi"},
		{"", "server", ""},
		{"", "[[", "p"},
		{"", "'literal'", "s1"},
		{"", "\"\"\"multi\nline\"\"\"", "s2"},
	},
	"bash": {
		{"", "#!/usr/bin/env bash", "cp"},
		{"", "set", "nb"},
		{"", "# Deploy every service.", "c1"},
		{"", "for", "k"},
		{"for svc in", "in", ""},
		{"", "do", "k"},
		{"", "$svc", "nv"},
		{"", "${", "si"},
		{"${svc}", "svc", "nv"},
		{"", "echo", "nb"},
		{"", `"building `, "s2"},
		{"", "$(", "k"},
		{"", "COUNT", "nv"},
		{"", "/dev/null", ""},
		{"", "docker", ""},
	},
	"console": {
		{"", "$", "gp"},
		{"", "ok      handbook/generator  0.412s\n", "go"},
		{"", "# apt", "(mixed)"},
		{"# apt", "#", "gp"},
		{"", "echo", "nb"},
		{"", `$HOME`, "nv"},
		{"", "Reading package lists... Done", "go"},
	},
	"sql": {
		{"", "-- Active users per team", "c1"},
		{"", "SELECT", "k"},
		{"", "COUNT", "k"},
		{"", "TRUE", "k"},
		{"", "'2024-01-01'", "s1"},
		{"", "10", "mi"},
		{"", "teams", ""},
		{"", ">", "o"},
	},
	"rust": {
		{"", "use", "k"},
		{"", "fn", "k"},
		{"fn count", "count", "nf"},
		{"", "let", "kd"},
		{"", "str", "kt"},
		{"", "/// Count words in text.", "sd"},
		{"", "println!", "fm"},
		{`"{} words"`, "{}", "si"},
		{`"{} words"`, " words", "s"},
		{`r#"`, "r", "sa"},
		{"", `#"a "raw" string"#`, "s"},
		{"", "'x'", "sc"},
		{"", "0", "mi"},
	},
	"c": {
		{"", "#include", "cp"},
		{"", "<stdio.h>", "cpf"},
		{"", "#define MAX 16", "cp"},
		{"", "/* Print the numbers. */", "cm"},
		{"int main", "int", "kt"},
		{"", "main", "nf"},
		{"", "printf", "nf"},
		{"", `\n`, "se"},
		{"", "0x1fUL", "mh"},
		{"", "return", "k"},
	},
	"csharp": {
		{"", "using", "k"},
		{"using System", "System", "nn"},
		{"", "public", "kd"},
		{"class Program", "Program", "nc"},
		{"", "string", "kt"},
		{"", "// Entry point.", "c1"},
		{"", `$"args: {count}"`, "s"},
		{"", "0", "m"},
		{"", "true", "kc"},
	},
	"protobuf": {
		{"", "syntax", "k"},
		{"", `"proto3"`, "s"},
		{"", "package", "kn"},
		{"", "message", "kd"},
		{"message Line", "Line", "nc"},
		{"", "int64", "kt"},
		{"", "// An invoice line.", "c1"},
		{"sku = 1", "1", "mi"},
	},
	"diff": {
		{"", "diff --git a/main.go b/main.go\n", "gh"},
		{"", "--- a/main.go\n", "gd"},
		{"", "+++ b/main.go\n", "gi"},
		{"", "@@ -1,5 +1,5 @@\n", "gu"},
		{"", "-import \"fmt\"\n", "gd"},
		{"", "+import \"log\"\n", "gi"},
		{"", " package main\n", ""},
	},
	"dockerfile": {
		{"", "# Build stage", "c"},
		{"", "FROM", "k"},
		{"", "golang:1.26", "s"},
		{"", "AS", "k"},
		{"", "RUN", "k"},
		{"", "&&", "o"},
		{"", "CGO_ENABLED", "nv"},
		{"", `"/out/app"`, "s2"},
		{"ENTRYPOINT [", "[", "p"},
	},
	"makefile": {
		{"", "# Build targets", "c"},
		{"", "BIN", "nv"},
		{"", ":=", "o"},
		{"", ".PHONY", "nf"},
		{"", "wildcard", "nv"},
		{"", "$@", "nv"},
	},
}

func TestLanguages(t *testing.T) {
	for lang, code := range snippets {
		wants, ok := languageTests[lang]
		if !ok {
			t.Errorf("no expectations for %s", lang)
			continue
		}
		for _, w := range wants {
			if got := classOfToken(t, lang, code, w); got != w.class {
				t.Errorf("%s: %q in %q: class %q, want %q", lang, w.tok, w.in, got, w.class)
			}
		}
	}
}

// TestSnippets checks the frame and losslessness of every snippet.
func TestSnippets(t *testing.T) {
	for lang, code := range snippets {
		out := render(lang, code)
		open, segs, err := parse(out)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if wantOpen := `<pre class="chroma"><code class="language-` + lang + `">`; open != wantOpen {
			t.Errorf("%s: opens with %q, want %q", lang, open, wantOpen)
		}
		if got := text(segs); got != code {
			t.Errorf("%s: text is\n%q\nwant\n%q", lang, got, code)
		}
		if !Native(lang) {
			t.Errorf("Native(%q) = false", lang)
		}
	}
}

func TestAliases(t *testing.T) {
	for lang, aliases := range map[string][]string{
		"go":         {"golang", "GO", "Go"},
		"python":     {"py", "python3", "Python"},
		"javascript": {"js", "mjs"},
		"json":       {"jsonc"},
		"yaml":       {"yml", "YAML"},
		"bash":       {"sh", "shell", "zsh"},
		"console":    {"shell-session"},
		"sql":        {"psql", "sqlite", "SQL"},
		"rust":       {"rs"},
		"c":          {"h"},
		"csharp":     {"cs", "c#"},
		"protobuf":   {"proto"},
		"diff":       {"patch"},
		"dockerfile": {"docker", "Dockerfile"},
		"makefile":   {"make"},
	} {
		for _, alias := range aliases {
			got, ok := strings.CutPrefix(render(alias, snippets[lang]), `<pre class="chroma"><code class="language-`+alias+`">`)
			if !ok {
				t.Errorf("%s: not highlighted: %.80q", alias, render(alias, snippets[lang]))
				continue
			}
			want, _ := strings.CutPrefix(render(lang, snippets[lang]), `<pre class="chroma"><code class="language-`+lang+`">`)
			if got != want {
				t.Errorf("%s highlights differently from %s", alias, lang)
			}
		}
	}
}

// TestHandedBack checks that the languages, and the names, whose scanners
// did not agree with chroma on real code go to chroma: those it has a
// lexer of their own for (jsx, postgres, terraform) as well.
func TestHandedBack(t *testing.T) {
	names := append(slices.Collect(maps.Keys(chromaSnippets)),
		"ts", "tsx", "kt", "c++", "hpp", "terraform", "tf", "rb", "jsx", "postgres", "postgresql", "mysql", "plpgsql")
	for _, name := range names {
		if Native(name) {
			t.Errorf("%s has a native scanner", name)
		}
		if out := render(name, "x = 1 # y\n"); !strings.HasPrefix(out, `<pre class="chroma">`) {
			t.Errorf("%s: not highlighted by chroma: %.80q", name, out)
		}
	}
}

func TestLanguagesList(t *testing.T) {
	names := Languages()
	for lang := range snippets {
		if !slices.Contains(names, lang) {
			t.Errorf("Languages() lacks %q", lang)
		}
	}
	for _, name := range names {
		if !Native(name) || name != strings.ToLower(name) {
			t.Errorf("Languages() has %q, which is not a lower-case native name", name)
		}
	}
}

func TestUnknownLanguage(t *testing.T) {
	got := render("no-such-language", "a < b && c\n")
	want := `<pre><code class="language-no-such-language">a &lt; b &amp;&amp; c` + "\n</code></pre>\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if Native("no-such-language") {
		t.Error(`Native("no-such-language") = true`)
	}
}

func TestEmptyLanguage(t *testing.T) {
	got := render("", "x := <y>\n")
	want := "<pre><code>x := &lt;y&gt;\n</code></pre>\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestEscaping(t *testing.T) {
	code := `x := "<script>alert('&')</script>" // </code></pre><script>` + "\n"
	for _, lang := range []string{"go", "bash", "yaml", "lua", "", "no-such-language"} {
		out := render(lang, code)
		if strings.Contains(out, "<script") || strings.Contains(out, "</code></pre><") {
			t.Errorf("%q: markup in code not escaped: %s", lang, out)
		}
		_, segs, err := parse(out)
		if err != nil {
			t.Fatalf("%q: %v", lang, err)
		}
		if got := text(segs); got != code {
			t.Errorf("%q: text %q, want %q", lang, got, code)
		}
	}
	// The language name is escaped too, on every path.
	for _, lang := range []string{`go"><script>`, `x"><script>`} {
		if out := render(lang, "x"); strings.Contains(out, "<script") || strings.Contains(out, `"><`) {
			t.Errorf("%q: language not escaped: %s", lang, out)
		}
	}
}

func TestChromaFallback(t *testing.T) {
	fallbacks := map[string]string{
		"lua":     "local function greet(name)\n  return \"hi \" .. name -- say hi\nend\n",
		"haskell": "main :: IO ()\nmain = putStrLn \"hello\" -- greet\n",
	}
	maps.Copy(fallbacks, chromaSnippets)
	for lang, code := range fallbacks {
		if Native(lang) {
			t.Fatalf("%s has a native scanner; pick another language", lang)
		}
		out := render(lang, code)
		open, segs, err := parse(out)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if want := `<pre class="chroma"><code class="language-` + lang + `">`; open != want {
			t.Errorf("%s: opens with %q, want %q", lang, open, want)
		}
		if got := text(segs); got != code {
			t.Errorf("%s: text %q, want %q", lang, got, code)
		}
		spans := 0
		for _, s := range segs {
			if s.class != "" {
				spans++
			}
			if s.class == "w" || s.class == "n" || s.class == "nx" {
				t.Errorf("%s: %q has class %q, which should get no span", lang, s.text, s.class)
			}
		}
		if spans < 3 {
			t.Errorf("%s: only %d spans in %s", lang, spans, out)
		}
		if _, handedBack := chromaSnippets[lang]; !handedBack && (!strings.Contains(out, `<span class="s`) || !strings.Contains(out, `<span class="c1">`)) {
			t.Errorf("%s: no string or comment span in %s", lang, out)
		}
	}
}

// TestChromaFallbackRaw checks that bytes chroma changes as it lexes,
// CRLF line ends and invalid UTF-8, come through unchanged.
func TestChromaFallbackRaw(t *testing.T) {
	for _, code := range []string{
		"local x = 1\r\nlocal y = \"\xff\xfe\"\r\n",
		"-- \xc3\x28 \r\rprint(1)",
		"print(1)",
		"\xff",
		"\r",
	} {
		out := render("lua", code)
		_, segs, err := parse(out)
		if err != nil {
			t.Fatalf("%q: %v", code, err)
		}
		if got := text(segs); got != code {
			t.Errorf("text %q, want %q", got, code)
		}
	}
}

// TestUnterminated feeds every language input cut off in the middle of a
// construct; the output must still be lossless.
func TestUnterminated(t *testing.T) {
	inputs := []string{
		`"abc`, `'abc`, "`abc", `"""abc`, `'''abc`, `/* abc`, `/* /* nested */`,
		`r#"abc`, `r"abc`, `b'`, `'`, `'\`, `"\`, `\`, `$`, `${`, `${abc`, `$(`,
		`$(echo "`, `$((1+`, "`echo", `<<EOF`, "cat <<EOF\nbody", "cat <<-'EOF'\n\tx\n",
		`#include <`, `#define X \`, `#[derive(`, `@`, `f"{`, `f"{x`, "`${", "`${x`",
		`"#{`, `"${a.b`, `"$`, `0x`, `0b`, `1e`, `1.`, `.`, `- `, `key:`, `key: |`,
		"key: |\n", `[table`, `[[`, `{"a":`, `x = """`, `@@`, `+++`, `FROM`, "RUN \\",
		"\t", "$(X", "a := $(", "# ", "$ ", "#", "\r\n", "\n\n", "\xff\xfe\xfd", "\xe2\x82",
		"/", "/[", "x = /re", "'\\u{1F6", `'\x4`, "'ab'", `"\u12`,
	}
	for _, lang := range Languages() {
		for _, in := range inputs {
			for _, code := range []string{in, in + "\n", "x " + in, "\n" + in + " y"} {
				checkLossless(t, lang, []byte(code))
			}
		}
	}
}

func TestSpans(t *testing.T) {
	for _, tc := range []struct{ lang, code, want string }{
		// Adjacent tokens of one type share a span; names and whitespace
		// get none.
		{"go", "f(a);\n", `<span class="nf">f</span><span class="p">(</span>a<span class="p">);</span>` + "\n"},
		{"go", "foo := bar\n", `foo <span class="o">:=</span> bar` + "\n"},
		{"go", "// a\n// b\n", `<span class="c1">// a</span>` + "\n" + `<span class="c1">// b</span>` + "\n"},
		{"yaml", "a: 'x'\n", `<span class="nt">a</span><span class="p">:</span> <span class="s1">&#39;x&#39;</span>` + "\n"},
	} {
		got := render(tc.lang, tc.code)
		want := `<pre class="chroma"><code class="language-` + tc.lang + `">` + tc.want + "</code></pre>\n"
		if got != want {
			t.Errorf("%q:\n got %s\nwant %s", tc.code, got, want)
		}
	}
}

// TestNoAllocs checks the native path allocates nothing per token: the
// output buffer, grown once, is all.
func TestNoAllocs(t *testing.T) {
	var buf bytes.Buffer
	for lang, code := range snippets {
		src := []byte(code)
		allocs := testing.AllocsPerRun(20, func() {
			buf.Reset()
			Write(&buf, lang, src)
		})
		if allocs > 1 {
			t.Errorf("%s: %v allocations per block", lang, allocs)
		}
	}
}

// detailTests are small blocks whose tokens show one rule each.
var detailTests = []struct {
	lang, code string
	wants      []want
}{
	{"go", "x := 0755 + 0b1 + 3_000 + .5\n", []want{{"", "0755", "mo"}, {"", "0b1", "mb"}, {"", "3_000", "mi"}, {"", ".5", "mf"}}},
	{"go", "s := `raw\n\\string`\n", []want{{"", "`raw\n\\string`", "s"}}},
	{"go", "c := '\\n'\n", []want{{"", `'\n'`, "sc"}}},
	{"go", "n := len(x)\nlen := 3\n", []want{{"n := len", "len", "nb"}, {"\nlen", "len", ""}}},
	{"python", `p = r'\d' + 'a\nb'`, []want{{"", "r", "sa"}, {"", `'\d'`, "s1"}, {`'a\nb'`, `\n`, "se"}}},
	{"python", "class A(B):\n    def f(self): pass\n", []want{{"", "A", "nc"}, {"", "self", "bp"}, {"f(self", "f", "nf"}}},
	{"python", `s = f"{{x}} {y}"`, []want{{"", "{{x}} ", "s2"}, {"", "{y", "(mixed)"}, {"", "y", ""}}},
	{"javascript", "const re = /ab+c/gi; x = a / b / c;\n", []want{{"", "/ab+c/gi", "sr"}, {"a /", "/", "o"}}},
	{"javascript", "s = `a ${b + `c ${d}`} e`;\n", []want{{"", "`a ", "sb"}, {"", "+", "o"}, {"", "d", ""}, {"", " e`", "sb"}}},
	{"rust", "fn f<'a>(x: &'a str) {}\n#[derive(Debug)]\n/* a /* b */ c */\n", []want{{"", "'a", "na"}, {"", "#[derive(Debug)]", "cp"}, {"", "/* a /* b */ c */", "cm"}}},
	{"rust", "let n: Meters = area(MAX_LEN, 2.0f64);\n#[doc = \"x\"]\n", []want{{"", "Meters", "nc"}, {"", "area", ""}, {"", "MAX_LEN", "no"}, {"", "2.0", "mf"}, {"", "f64", "k"}, {"", `"x"`, "s"}}},
	{"python", "from a.b import c\nimport x.y as z, w\nprint(f\"{n:>10}\", self.type)\n", []want{{"", "a.b", "nn"}, {"import c", "c", ""}, {"", "x.y", "nn"}, {"as z", "z", "nn"}, {", w", "w", "nn"}, {"", ">10", "s2"}, {"self.type", "type", ""}}},
	{"json", "\"k\": 1\n{\"a\": [1, {\"b\": null}]} /* c */\n", []want{{"", `"k"`, "s2"}, {"", `"a"`, "nt"}, {"", `"b"`, "nt"}, {"", "null", "kc"}, {"", "/* c */", ""}}},
	{"c", "char c = '\\n';\n#ifdef X // why\n#endif\n", []want{{"", `'\n'`, "sc"}, {"", "#ifdef X ", "cp"}, {"", "// why", "c1"}}},
	{"csharp", "[Test]\npublic void F() { var p = @\"c:\\x\"; }\n", []want{{"", "[Test]", "na"}, {"", `@"c:\x"`, "s"}}},
	{"yaml", "run: |\n  make\n  make test\nnext: 1\n", []want{{"", "|", "p"}, {"", "  make test", "sd"}, {"", "next", "nt"}}},
	{"yaml", "map: {a: 1, b: [x, .inf]}\n'q': yes\nn: -1 # c\n", []want{{"{a", "a", "nt"}, {"", "{", ""}, {"", "x, .inf]}", "l"}, {"", "'q'", "nt"}, {"", "yes", "kc"}, {"\nn:", "n", "nt"}, {"-1", "-", ""}, {"-1", "1", "m"}, {"", "# c", "c"}}},
	{"toml", "[a.b]\nx.y = 1979-05-27T07:32:00Z\ni = { k = 1 }\narr = [\n  [1],\n]\n", []want{{"", "a", ""}, {"a.b", ".", "p"}, {"", "x", ""}, {"", "1979-05-27T07:32:00Z", "ld"}, {"", "k", ""}, {"  [1]", "[", "p"}}},
	{"bash", "cat <<EOF > f\nhello $name\nEOF\necho done\n", []want{{"", "<<EOF > f\nhello $name\nEOF", "s"}, {"echo done", "done", "k"}}},
	{"bash", "x=$((1 + 2)) y=`date` && [[ -n $x ]]\n", []want{{"", "x", "nv"}, {"", "$((", "k"}, {"", "`", "sb"}, {"", "[[", "o"}, {"", "$x", "nv"}}},
	{"console", "$ echo a \\\n  b\na b\n[me@box] $ ls\n", []want{{"", "$", "gp"}, {"", "echo", "nb"}, {"", "\\\n", "se"}, {"", "  b\n", "go"}, {"", "a b\n", "go"}, {"", "[me@box] $", "gp"}}},
	{"sql", "select x from t where a = $1 and b = 'it''s' and f(x) AS c;\n", []want{{"", "select", "k"}, {"", "AS", "k"}, {"", "'it''s'", "s1"}, {"f(x", "f", ""}, {"", "$", ""}, {"", "1", "mi"}}},
	{"diff", "-a\n+b\n\\ No newline at end of file\n", []want{{"", "\\ No newline at end of file\n", ""}}},
	{"dockerfile", "ENV A=1\nCMD [\"run\", \"x\"]\nWORKDIR /app\n", []want{{"", "A", "nv"}, {"", `"run"`, "s2"}, {"", "/app", "s"}}},
	{"makefile", "all:\n\t$(MAKE) -C sub\n", []want{{"", "all", "nf"}, {"", "$(", "k"}}},
}

func TestDetails(t *testing.T) {
	for _, tc := range detailTests {
		for _, w := range tc.wants {
			if got := classOfToken(t, tc.lang, tc.code, w); got != w.class {
				t.Errorf("%s %q: %q in %q: class %q, want %q", tc.lang, tc.code, w.tok, w.in, got, w.class)
			}
		}
		checkLossless(t, tc.lang, []byte(tc.code))
	}
}
