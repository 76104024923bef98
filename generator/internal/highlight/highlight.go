// Package highlight colours fenced code at build time.
//
// Its input is the language named on a code fence and the block's bytes;
// its output is HTML: a <pre class="chroma"><code> element whose tokens are
// <span> elements carrying chroma's short CSS class names ("k", "s2",
// "c1", ...), so the site's one stylesheet, generated from a chroma style,
// colours both of the paths this package takes:
//
//   - Go, Python, JavaScript, C, C#, Protocol Buffers, Rust, SQL, JSON,
//     YAML, TOML, shell scripts and sessions, diffs, Dockerfiles and
//     makefiles are tokenised by small hand-written scanners over []byte,
//     with no regular expressions and no allocation per token, a hundred
//     times faster than chroma. Each follows chroma's lexer for its
//     language, most of them rule for rule, and colours real code as that
//     lexer does: the agreement tests hold every one to 98% of the bytes
//     of the demo's code, of realistic samples and, where they have
//     enough of it, of real handbooks' code.
//   - Every other language chroma knows is tokenised by chroma's lexer and
//     written by the same span writer.
//
// A language neither path knows is written as plain, escaped code. Every
// path is lossless: removing the tags from the output and unescaping it
// gives back the input bytes exactly, even when they are not valid UTF-8.
package highlight

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Write appends to buf the HTML of code highlighted as lang.
//
// A language with a native scanner, or else one chroma's lexers.Get
// knows, is written as
//
//	<pre class="chroma"><code class="language-LANG">TOKENS</code></pre>
//
// where each styled token is <span class="C">TEXT</span>, C being chroma's
// CSS class for the token's type; plain text and names are written
// without a span. Any other language, or an empty one, is written as
// <pre><code class="language-LANG">CODE</code></pre> (without the class
// attribute when lang is empty). Text is HTML-escaped throughout.
func Write(buf *bytes.Buffer, lang string, code []byte) { write(buf, lang, code, lexers.Get) }

// write is Write with lookup finding chroma's lexer for a language.
func write(buf *bytes.Buffer, lang string, code []byte, lookup func(string) chroma.Lexer) {
	if scan := native(lang); scan != nil {
		start(buf, lang)
		w := writer{buf: buf}
		scan(&w, code)
		w.close()
		buf.WriteString("</code></pre>\n")
		return
	}
	if lang != "" {
		if lexer := lookup(lang); lexer != nil && writeChroma(buf, lang, lexer, code) {
			return
		}
	}
	writePlain(buf, lang, code)
}

// Native reports whether lang is highlighted by one of the package's own
// scanners rather than by chroma. Names are matched case-insensitively.
func Native(lang string) bool { return native(lang) != nil }

// Languages returns the names, aliases included, that select a native
// scanner, in no particular order.
func Languages() []string {
	names := make([]string, 0, len(scanners))
	for name := range scanners {
		names = append(names, name)
	}
	return names
}

// native returns the scanner for lang, or nil when it has none.
func native(lang string) func(*writer, []byte) {
	if lang == "" {
		return nil
	}
	if s, ok := scanners[lang]; ok {
		return s
	}
	return scanners[strings.ToLower(lang)]
}

// start writes the opening tags of a highlighted block.
func start(buf *bytes.Buffer, lang string) {
	buf.WriteString(`<pre class="chroma"><code class="language-`)
	escapeString(buf, lang)
	buf.WriteString(`">`)
}

// writePlain writes code without highlighting.
func writePlain(buf *bytes.Buffer, lang string, code []byte) {
	buf.WriteString("<pre><code")
	if lang != "" {
		buf.WriteString(` class="language-`)
		escapeString(buf, lang)
		buf.WriteByte('"')
	}
	buf.WriteByte('>')
	escape(buf, code)
	buf.WriteString("</code></pre>\n")
}

// writeChroma writes code as tokenised by a chroma lexer and reports
// whether it did; on false, buf is as it was.
//
// Chroma works on runes and normalises line endings, so the token values
// are not always the input's bytes: an invalid byte comes back as U+FFFD,
// "\r\n" as "\n", and a lexer may add a final newline. Each token is
// therefore mapped back onto the input, rune by rune, and the input's own
// bytes are written; a stream that cannot be mapped is not used.
func writeChroma(buf *bytes.Buffer, lang string, lexer chroma.Lexer, code []byte) (ok bool) {
	mark := buf.Len()
	defer func() {
		// A lexer that panics is treated like one that fails.
		if recover() != nil || !ok {
			buf.Truncate(mark)
			ok = false
		}
	}()
	it, err := chroma.Coalesce(lexer).Tokenise(nil, string(code))
	if err != nil {
		return false
	}
	start(buf, lang)
	w := writer{buf: buf}
	pos := 0
	for tok := it(); tok != chroma.EOF; tok = it() {
		end, ok := align(code, pos, tok.Value)
		if !ok {
			return false
		}
		w.token(tok.Type, code[pos:end])
		pos = end
	}
	if pos != len(code) {
		return false
	}
	w.close()
	buf.WriteString("</code></pre>\n")
	return true
}

// align returns where in code a token with value v ends, given that it
// starts at pos, accounting for chroma's changes to the text (see
// writeChroma). It reports false when v does not match code.
func align(code []byte, pos int, v string) (int, bool) {
	for i := 0; i < len(v); {
		r, n := utf8.DecodeRuneInString(v[i:])
		i += n
		if pos == len(code) {
			// Only a newline chroma added at the end may be left over.
			if r == '\n' && i == len(v) {
				return pos, true
			}
			return 0, false
		}
		c, m := utf8.DecodeRune(code[pos:])
		switch {
		case c == r:
		case r == '\n' && c == '\r':
			// "\r\n" and a lone "\r" both became "\n".
			if pos+1 < len(code) && code[pos+1] == '\n' {
				m = 2
			}
		default:
			return 0, false
		}
		pos += m
	}
	return pos, true
}
