package highlight

import (
	"bytes"
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

// benchLangs returns the languages whose snippets both benchmarks
// highlight: every natively scanned one, in order.
func benchLangs() []string {
	var langs []string
	for lang := range snippets {
		if Native(lang) {
			langs = append(langs, lang)
		}
	}
	slices.Sort(langs)
	return langs
}

// BenchmarkNative highlights each snippet with its native scanner.
func BenchmarkNative(b *testing.B) {
	benchSnippets(b, func(buf *bytes.Buffer, lang string, code []byte) bool {
		Write(buf, lang, code)
		return true
	})
}

// BenchmarkChroma highlights the same snippets as BenchmarkNative through
// the chroma fallback: lexer lookup, tokenising and the same writer.
func BenchmarkChroma(b *testing.B) {
	benchSnippets(b, func(buf *bytes.Buffer, lang string, code []byte) bool {
		return writeChroma(buf, lang, lexers.Get(lang), code)
	})
}

func benchSnippets(b *testing.B, write func(buf *bytes.Buffer, lang string, code []byte) bool) {
	for _, lang := range benchLangs() {
		code := []byte(snippets[lang])
		b.Run(lang, func(b *testing.B) {
			var buf bytes.Buffer
			b.SetBytes(int64(len(code)))
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if !write(&buf, lang, code) {
					b.Fatal("highlighting failed")
				}
			}
		})
	}
}
