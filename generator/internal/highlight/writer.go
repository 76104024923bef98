package highlight

import (
	"bytes"

	"github.com/alecthomas/chroma/v2"
)

// writer writes a stream of tokens into buf as HTML. A token of a styled
// type becomes a span with the type's class; adjacent tokens of the same
// class share one span; plain tokens are written bare. Every byte of
// text is written once, escaped, so the output is lossless.
type writer struct {
	buf  *bytes.Buffer
	open string // class of the span left open, "" when none is
}

// token writes text as a token of type t.
func (w *writer) token(t chroma.TokenType, text []byte) {
	if len(text) == 0 {
		return
	}
	w.class(classOf(t), text)
}

// plain writes text without a span.
func (w *writer) plain(text []byte) {
	if len(text) == 0 {
		return
	}
	w.class("", text)
}

// class writes text in a span of class c, or bare when c is "".
func (w *writer) class(c string, text []byte) {
	if c != w.open {
		if w.open != "" {
			w.buf.WriteString("</span>")
		}
		if c != "" {
			w.buf.WriteString(`<span class="`)
			w.buf.WriteString(c)
			w.buf.WriteString(`">`)
		}
		w.open = c
	}
	escape(w.buf, text)
}

// close ends the open span, if any.
func (w *writer) close() {
	if w.open != "" {
		w.buf.WriteString("</span>")
		w.open = ""
	}
}

// escapes holds the HTML escape of each byte that needs one: the same
// five that html.EscapeString escapes.
var escapes = [256]string{
	'&':  "&amp;",
	'<':  "&lt;",
	'>':  "&gt;",
	'"':  "&#34;",
	'\'': "&#39;",
}

// escape writes s into buf with HTML's special characters escaped.
func escape(buf *bytes.Buffer, s []byte) {
	last := 0
	for i, c := range s {
		if e := escapes[c]; e != "" {
			buf.Write(s[last:i])
			buf.WriteString(e)
			last = i + 1
		}
	}
	buf.Write(s[last:])
}

// escapeString is escape for a string.
func escapeString(buf *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if e := escapes[s[i]]; e != "" {
			buf.WriteString(e)
		} else {
			buf.WriteByte(s[i])
		}
	}
}

// classes holds the CSS class of each token type t with 1000 <= t < 8100
// and t%100 < 20, at classes[t/100][t%100]: the types the scanners use
// and nearly all chroma has. It is filled in at init and only read after.
var classes [81][20]string

func init() {
	for sub := 10; sub < 81; sub++ {
		for off := range 20 {
			classes[sub][off] = lookupClass(chroma.TokenType(sub*100 + off))
		}
	}
}

// classOf returns the CSS class for a token of type t, "" for a type
// written without a span.
func classOf(t chroma.TokenType) string {
	if t >= 1000 && t < 8100 && t%100 < 20 {
		return classes[t/100][t%100]
	}
	return lookupClass(t)
}

// lookupClass returns chroma's short class for t, or for the nearest of
// its parents that has one. Text, whitespace and plain names have none.
func lookupClass(t chroma.TokenType) string {
	for {
		switch t {
		case chroma.Text, chroma.TextWhitespace, chroma.Name, chroma.NameOther:
			return ""
		}
		if c, ok := chroma.StandardTypes[t]; ok {
			return c
		}
		p := t.Parent()
		if p == t || p == 0 {
			return ""
		}
		t = p
	}
}
