package highlight

import (
	"bytes"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

// benchLangs are the snippets both benchmarks highlight: a Go function,
// a Python function, a YAML config, a SQL query and a shell script.
var benchLangs = []string{"go", "python", "yaml", "sql", "bash"}

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
	for _, lang := range benchLangs {
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
