package highlight

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// fuzzChroma are languages without a native scanner that the fuzz test
// sends through chroma, one per input, to exercise the fallback path.
var fuzzChroma = []string{"lua", "haskell", "css", "html", "php", "elixir"}

// maxChromaFuzz bounds the inputs the fuzz test sends through chroma,
// whose lexers are some hundred times slower than the native scanners:
// small inputs reach its rune and line-ending handling as well as large
// ones, and keep the fuzzer fast.
const maxChromaFuzz = 256

// checkLossless writes code as lang and fails t unless the output is
// well formed and holds exactly code.
func checkLossless(t *testing.T, lang string, code []byte) {
	t.Helper()
	var buf bytes.Buffer
	Write(&buf, lang, code)
	out := buf.String()
	open, segs, err := parse(out)
	if err != nil {
		t.Fatalf("%s: %q: %v", lang, code, err)
	}
	if !strings.HasPrefix(open, "<pre") {
		t.Fatalf("%s: %q: opens with %q", lang, code, open)
	}
	if got := text(segs); got != string(code) {
		t.Fatalf("%s: lossy:\n got %q\nwant %q\nhtml %s", lang, got, code, out)
	}
}

// FuzzWrite checks, for every native language, one chroma language (for
// inputs up to maxChromaFuzz bytes) and no language, that Write does not panic, writes well-formed HTML, and is lossless:
// stripping the tags and unescaping gives back the input exactly.
func FuzzWrite(f *testing.F) {
	for _, code := range snippets {
		f.Add([]byte(code))
	}
	for _, e := range seedExtras {
		f.Add([]byte(e))
	}
	langs := Languages()
	slices.Sort(langs)
	f.Fuzz(func(t *testing.T, code []byte) {
		for _, lang := range langs {
			checkLossless(t, lang, code)
		}
		if len(code) <= maxChromaFuzz {
			checkLossless(t, fuzzChroma[len(code)%len(fuzzChroma)], code)
		}
		checkLossless(t, "", code)
	})
}

// seedExtras are more seeds: constructs the snippets lack, and broken
// input.
var seedExtras = []string{
	"s := \"a\\nb\" + 'x' + '\\n' + 0755 + 0o7 + 0b1 + 1_000 + 3i + .5\n/* multi\nline */ x.Len() <- ch ... &^ |",
	"s = 'a\\nb' + r'\\d' + b\"x\" + rb'y' + f'{x!r:>{w}}' + f\"{{}}\"\nclass A(B):\n    '''doc'''\n",
	"const re = /ab+c/gi; x = a / b / c; `a${`b${c}`}`; 10n;\n",
	"fn f<'a>(x: &'a str) { let b = b\"x\"; br#\"y\"#; '\\u{1F600}'; #[derive(Debug)] }\n/* a /* b */ c */",
	"key: |\n  line one\n\n  line two\nnext: >-\n  folded\nlist: [a, {b: c}, 1]\n'q': yes\n- item\n...\n%YAML 1.2\n",
	"echo ${HOME:-/root} $1 $@\ncat <<EOF > f\nhello $name\nEOF\nx=`date`\nif [[ -n $x ]]; then exit 1; fi\ncase $x in a) ;; esac\n",
	"SELECT \"Col\", `bt` FROM t WHERE x = 'it''s' AND y = $1 AND z = $$body$$;\n",
	"variable \"x\" {\n  default = <<EOF\nhello\nEOF\n  d = [for s in var.l : upper(s)]\n}\n",
	"#include \"x.h\"\n#define F(a) \\\n  (a)\nchar c = '\\''; [Test]\n",
	"[a.b]\nx.y = 1\nd = 1979-05-27 07:32:00Z\ni = { a = 1, b = [\n 2 ] }\n'''lit'''\n",
	"$ echo a \\\n> b\n# id\nuid=0\n",
	"diff --git a b\n--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n\\ No newline at end of file\n",
	"FROM --platform=$X a AS b\nRUN [\"a\", \"b\"]\nRUN <<EOF\necho\nEOF\nonbuild run x\n",
	"all: a; echo $@\n\t$(MAKE) -C $(dir $(x))\nX := $(patsubst %.c,%.o,$(wildcard *.c))\n",
	"x = :sym + @@cv + $gv\ndef empty?; end\nputs \"#{a}\" if /re/ =~ s\n",
	"\xff\xfe\x00\r\n\r\t\v\f", "\"\xe2\x82\"", "'\xc3'", "\xc3\x28`",
}
