package render

import "strings"

// escaping names one of the HTML escapers output goes through.
type escaping int

const (
	escHTMLTemplate escaping = iota // html/template, in text and quoted attributes
	escTemplate                     // template.HTMLEscapeString
	escGoldmark                     // goldmark's util.EscapeHTML
)

// escapes maps, for each escaping, the bytes it replaces to their
// replacements; "" leaves a byte as it is.
var escapes = func() (t [3][256]string) {
	for esc := range t {
		t[esc]['&'], t[esc]['<'], t[esc]['>'], t[esc]['"'], t[esc][0] = "&amp;", "&lt;", "&gt;", "&#34;", "\uFFFD"
		if escaping(esc) == escGoldmark {
			t[esc]['"'] = "&quot;"
			continue
		}
		t[esc]['\''] = "&#39;"
		if escaping(esc) == escHTMLTemplate {
			t[esc]['+'] = "&#43;"
		}
	}
	return t
}()

// escaped marks, for each escaping, the bytes it replaces: a table of
// 256 bytes, which stays in the processor's cache where escapes' 4 KB
// of strings do not, between the template actions of a page.
var escaped = func() (t [3][256]bool) {
	for esc := range t {
		for c := range t[esc] {
			t[esc][c] = escapes[esc][c] != ""
		}
	}
	return t
}()

// writeEscaped writes s escaped as esc does.
func writeEscaped(b textWriter, s string, esc escaping) {
	marks := &escaped[esc]
	last := 0
	for i := 0; i < len(s); i++ {
		if marks[s[i]] {
			b.WriteString(s[last:i])
			b.WriteString(escapes[esc][s[i]])
			last = i + 1
		}
	}
	b.WriteString(s[last:])
}

// escHref writes s as html/template writes a string that is a whole href
// value: a scheme other than http, https or mailto is replaced by
// "#ZgotmplZ"; bytes a URL does not allow bare are percent-encoded (an
// % that starts a valid escape is kept, as html/template's URL normaliser
// keeps it); the result is escaped as an attribute value.
func escHref(b textWriter, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			b.WriteString("#ZgotmplZ")
			return
		}
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~!#$*,/:;=?@[]", c) >= 0,
			c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		case c == '&':
			b.WriteString("&amp;")
		case c == '+':
			b.WriteString("&#43;")
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
