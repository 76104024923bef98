package render

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

// writeEscaped writes s escaped as esc does.
func writeEscaped(b textWriter, s string, esc escaping) {
	tbl := &escapes[esc]
	last := 0
	for i := 0; i < len(s); i++ {
		if rep := tbl[s[i]]; rep != "" {
			b.WriteString(s[last:i])
			b.WriteString(rep)
			last = i + 1
		}
	}
	b.WriteString(s[last:])
}
