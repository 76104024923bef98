package markdown

import (
	"bytes"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// The shortcode lexer reads Hugo's tags, {{< name args >}} and
// {{% name args %}}, with Hugo's grammar: a name of letters, digits, '-',
// '_', '/' and '.'; arguments all positional or all named, each "quoted"
// (\" escapes a quote), `raw` (across lines) or bare; a closing tag
// {{< /name >}}; a self-closing one {{< name />}}; and the comment form
// {{</* name */>}}, which Hugo shows as the tag without its comment marks.
//
// It is the package's own rather than Hugo's parser/pageparser: that lexer
// stops at the first error and drops the rest of the page, reads a page
// that starts with "{{" as JSON front matter, and pairs tags by name with
// a set rather than a stack. Here every tag stands alone: a bad one is
// reported where it is and the next is read.

// scArg is one argument of a tag.
type scArg struct {
	name   string // "" for a positional argument
	value  string
	quoted bool // written between quotes or backquotes: always a string
	off    int  // where the argument starts in the source
	valOff int  // where its value starts
}

// scTag is one shortcode tag of a document.
type scTag struct {
	start, end  int // the tag's bytes, "{{<" to ">}}"
	name        string
	nameOff     int
	markdown    bool // {{% %}}: its inner content is Markdown
	closing     bool // {{< /name >}}
	selfClosing bool // {{< name />}}
	comment     bool // {{</* … */>}}: shown as written, without the comment marks
	literal     string
	args        []scArg
	named       bool // the arguments are named
	err         string
	errOff      int
	errHint     string
}

// get returns the named argument, or the positional one at index pos
// (-1 for none), and where its value starts.
func (t *scTag) get(name string, pos int) (string, int, bool) {
	for _, a := range t.args {
		if a.name != "" && a.name == name {
			return a.value, a.valOff, true
		}
	}
	if pos >= 0 && !t.named && pos < len(t.args) {
		return t.args[pos].value, t.args[pos].valOff, true
	}
	return "", t.start, false
}

// lexTags returns the tags of src from offset from on, in order.
func lexTags(src []byte, from int) []scTag {
	var tags []scTag
	for i := from; i < len(src); {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			break
		}
		s := i + j
		if s+2 >= len(src) || (src[s+2] != '<' && src[s+2] != '%') {
			i = s + 1
			continue
		}
		t := lexTag(src, s)
		tags = append(tags, t)
		i = t.end
	}
	return tags
}

// lexTag reads the tag at src[s:], which starts with "{{<" or "{{%". A tag
// it cannot read has err set, and end after what was read.
func lexTag(src []byte, s int) scTag {
	t := scTag{start: s, end: s + 3, markdown: src[s+2] == '%'}
	right := []byte(">}}")
	if t.markdown {
		right = []byte("%}}")
	}
	p := s + 3
	fail := func(at int, hint, msg string) scTag {
		t.err, t.errOff, t.errHint = msg, at, hint
		// Go on after the tag's end when there is one before the next
		// tag; otherwise after the opening delimiter.
		// (Only up to the next tag: each byte is searched once.)
		end := len(src)
		if next := bytes.Index(src[p:], []byte("{{")); next >= 0 {
			end = p + next + len(right)
		}
		if k := bytes.Index(src[p:min(end, len(src))], right); k >= 0 {
			t.end = p + k + 3
			return t
		}
		t.end = max(p, s+3)
		return t
	}
	if bytes.HasPrefix(src[p:], []byte("/*")) {
		k := bytes.Index(src[p+2:], append([]byte("*/"), right...))
		if k < 0 {
			return fail(s, "end it with */"+string(right), "shortcode comment is never closed")
		}
		t.comment = true
		t.end = p + 2 + k + 2 + 3
		t.literal = string(src[s:s+3]) + string(src[p+2:p+2+k]) + string(right)
		return t
	}
	p = skipSpace(src, p)
	if p < len(src) && src[p] == '/' {
		t.closing = true
		p = skipSpace(src, p+1)
	}
	t.nameOff = p
	for p < len(src) {
		r, n := utf8.DecodeRune(src[p:])
		if !(r == '_' || r == '-' || r == '/' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			break
		}
		p += n
	}
	t.name = string(src[t.nameOff:p])
	if t.name == "" || t.name[0] == '-' || t.name[0] == '/' || t.name[0] == '.' {
		return fail(t.nameOff, "to show it as text, write it as {{</* … */>}} or put it in `code`", "shortcode has no name")
	}
	positional := false
	for {
		p = skipSpace(src, p)
		if p >= len(src) {
			return fail(t.start, "end it with "+string(right), "shortcode "+strconv.Quote(t.name)+" is never closed with "+string(right))
		}
		if bytes.HasPrefix(src[p:], right) {
			t.end = p + 3
			return t
		}
		if src[p] == '/' {
			if q := skipSpace(src, p+1); bytes.HasPrefix(src[q:], right) && !t.closing {
				t.selfClosing = true
				t.end = q + 3
				return t
			}
		}
		if t.closing {
			return fail(p, "write the closing tag as {{< /"+t.name+" >}}", "a closing shortcode tag takes no arguments")
		}
		a := scArg{off: p}
		var ok bool
		if src[p] == '"' || src[p] == '`' {
			var q int
			q, a.value, ok = lexQuoted(src, p)
			a.quoted, a.valOff = true, a.off
			if !ok {
				return fail(a.off, "close the quotes, on the same line", "unterminated quoted argument in shortcode "+strconv.Quote(t.name))
			}
			p = q
		} else {
			q := p
			for q < len(src) && !isSpaceByte(src[q]) && src[q] != '=' && src[q] != '"' && src[q] != '`' && !bytes.HasPrefix(src[q:], right) {
				q++
			}
			word := string(src[p:q])
			p = skipSpace(src, q)
			if p < len(src) && src[p] == '=' && word != "" {
				a.name = word
				p = skipSpace(src, p+1)
				a.valOff = p
				switch {
				case p < len(src) && (src[p] == '"' || src[p] == '`'):
					var q int
					q, a.value, ok = lexQuoted(src, p)
					a.quoted = true
					if !ok {
						return fail(a.valOff, "close the quotes, on the same line", "unterminated quoted argument in shortcode "+strconv.Quote(t.name))
					}
					p = q
				default:
					q := p
					for q < len(src) && !isSpaceByte(src[q]) && !bytes.HasPrefix(src[q:], right) {
						q++
					}
					a.value = string(src[p:q])
					p = q
				}
			} else if word == "" {
				return fail(q, "quote the argument: name=\"value\"", "unexpected "+strconv.QuoteRune(rune(src[q]))+" in shortcode "+strconv.Quote(t.name))
			} else {
				a.value, a.valOff, p = word, a.off, q
			}
		}
		if a.name != "" && positional || a.name == "" && t.named {
			return fail(a.off, "give every argument a name (name=\"value\"), or none", "shortcode "+strconv.Quote(t.name)+" mixes named and positional arguments")
		}
		positional, t.named = a.name == "", a.name != ""
		t.args = append(t.args, a)
	}
}

// lexQuoted reads a "quoted" argument (on one line; \" is a quote) or a
// `raw` one at src[p], returning the offset after it and its value.
func lexQuoted(src []byte, p int) (int, string, bool) {
	q := src[p]
	if q == '`' {
		k := bytes.IndexByte(src[p+1:], '`')
		if k < 0 {
			return p, "", false
		}
		return p + 1 + k + 1, string(src[p+1 : p+1+k]), true
	}
	var b []byte
	for i := p + 1; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\\' && i+1 < len(src) && src[i+1] == '"':
			b = append(b, '"')
			i++
		case c == '"':
			return i + 1, string(b), true
		case c == '\n':
			return i, "", false
		default:
			b = append(b, c)
		}
	}
	return len(src), "", false
}

func skipSpace(src []byte, p int) int {
	for p < len(src) && isSpaceByte(src[p]) {
		p++
	}
	return p
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// typed is an argument's value as Hugo gives it to templates: a bare true
// or false is a bool, a bare number a number, the rest a string.
func (a scArg) typed() any {
	if a.quoted {
		return a.value
	}
	switch a.value {
	case "true":
		return true
	case "false":
		return false
	}
	if n, err := strconv.Atoi(a.value); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(a.value, 64); err == nil && bytes.ContainsRune([]byte(a.value), '.') {
		return f
	}
	return a.value
}
