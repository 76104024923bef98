package highlight

import (
	"github.com/alecthomas/chroma/v2"
)

// scanJSON writes JSON, with comments allowed: object keys as nt, other
// strings as s2, numbers, true, false and null as kc, and punctuation.
func scanJSON(w *writer, src []byte) {
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch {
		case isSpace(c):
			j := skipSpace(src, i)
			w.plain(src[i:j])
			i = j
		case c == '"' || c == '\'':
			j := quoted(src, i, true)
			t := chroma.LiteralStringDouble
			if k := skipSpace(src, j); at(src, k, ":") {
				t = chroma.NameTag
			}
			w.token(t, src[i:j])
			i = j
		case at(src, i, "//"):
			j := lineEnd(src, i)
			w.token(chroma.CommentSingle, src[i:j])
			i = j
		case at(src, i, "/*"):
			j := blockEnd(src, i, "*/")
			w.token(chroma.CommentMultiline, src[i:j])
			i = j
		case isDigit(c) || (c == '-' || c == '+') && i+1 < n && isDigit(src[i+1]):
			j := i
			if !isDigit(c) {
				j++
			}
			j, t := number(src, j)
			w.token(t, src[i:j])
			i = j
		case isLetter(c):
			j := suffix(src, i)
			switch string(src[i:j]) {
			case "true", "false", "null", "Infinity", "NaN":
				w.token(chroma.KeywordConstant, src[i:j])
			default:
				w.plain(src[i:j])
			}
			i = j
		case c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':':
			w.token(chroma.Punctuation, src[i:i+1])
			i++
		default:
			i = plainRune(w, src, i)
		}
	}
}

// quoted returns the end of the string quoted by src[i]: after its
// closing quote, or at the end of the line (when oneLine) or of src if it
// has none. A backslash escapes the next byte.
func quoted(src []byte, i int, oneLine bool) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case q:
			return j + 1
		case '\\':
			if j+1 < len(src) && src[j+1] != '\n' {
				j++
			}
		case '\n':
			if oneLine {
				return j
			}
		}
	}
	return len(src)
}

// blockEnd returns the end of the comment starting at src[i] and closed
// by closer, or len(src).
func blockEnd(src []byte, i int, closer string) int {
	for j := i + 2; j < len(src); j++ {
		if at(src, j, closer) {
			return j + len(closer)
		}
	}
	return len(src)
}

// skipSpace returns the index of the first byte at or after i that is not
// a space, tab or line break.
func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}

// skipBlank returns the index of the first byte at or after i that is not
// a space or tab.
func skipBlank(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// plainRune writes the rune at src[i] as plain text and returns its end.
func plainRune(w *writer, src []byte, i int) int {
	j := i + 1
	for j < len(src) && j < i+4 && src[j]&0xC0 == 0x80 {
		j++
	}
	w.plain(src[i:j])
	return j
}

// scanYAML writes YAML: keys as nt, quoted strings as s1 and s2, plain
// scalars as l unless they are numbers (m) or booleans and nulls (kc),
// comments as c, anchors, aliases and tags as cp, document markers as nn,
// block scalars' text as sd, and indicators (- : [ ] { } , | >) as p.
func scanYAML(w *writer, src []byte) {
	n := len(src)
	block := -1 // indentation of the line that opened a block scalar, or -1
	flow := 0   // depth of [ and { open
	for i := 0; i < n; {
		end := lineEnd(src, i)
		indent := skipBlank(src, i) - i
		if block >= 0 {
			if blank := i+indent == end || src[i+indent] == '\r'; blank || indent > block {
				if blank {
					w.plain(src[i:end])
				} else {
					w.token(chroma.LiteralStringDoc, src[i:end])
				}
				i = newline(w, src, end)
				continue
			}
			block = -1
		}
		j := i
		if flow == 0 && indent == 0 {
			switch {
			case (at(src, i, "---") || at(src, i, "...")) && (i+3 == n || isSpace(src[i+3])):
				w.token(chroma.NameNamespace, src[i:i+3])
				j = i + 3
			case at(src, i, "%"):
				w.token(chroma.CommentPreproc, src[i:end])
				j = end
			}
		}
		var opened bool
		j, opened = yamlLine(w, src, j, &flow)
		if opened {
			block = indent
		}
		i = newline(w, src, j)
	}
}

// newline writes the newline at src[i], if there is one, and returns the
// index after it.
func newline(w *writer, src []byte, i int) int {
	if i < len(src) {
		w.plain(src[i : i+1])
		return i + 1
	}
	return i
}

// yamlLine writes the YAML from src[i] to the end of its line, or further
// when a quoted scalar or flow collection (flow is how deeply they nest)
// runs on, and returns where it stopped, at a newline or the end of src.
// It reports whether the line opens a block scalar (| or >).
func yamlLine(w *writer, src []byte, i int, flow *int) (int, bool) {
	n := len(src)
	value := false  // a key's ":" has been seen: what follows is its value
	opened := false // a block scalar header has been seen
	for i < n && src[i] != '\n' {
		c := src[i]
		next := byte(' ')
		if i+1 < n {
			next = src[i+1]
		}
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			j := skipBlank(src, i)
			for j < n && src[j] == '\r' {
				j++
			}
			w.plain(src[i:j])
			i = j
		case c == '#' && (i == 0 || isSpace(src[i-1])):
			j := lineEnd(src, i)
			w.token(chroma.Comment, src[i:j])
			i = j
		case c == '-' && *flow == 0 && isSpace(next) && !value:
			w.token(chroma.Punctuation, src[i:i+1])
			i++
		case c == '?' && *flow == 0 && isSpace(next) && !value:
			w.token(chroma.Punctuation, src[i:i+1])
			i++
		case c == ':' && (isSpace(next) || *flow > 0 && isFlowIndicator(next)):
			w.token(chroma.Punctuation, src[i:i+1])
			i++
			value = true
		case c == '[' || c == '{':
			*flow++
			w.token(chroma.Punctuation, src[i:i+1])
			i++
			value = false
		case c == ']' || c == '}':
			*flow = max(*flow-1, 0)
			w.token(chroma.Punctuation, src[i:i+1])
			i++
		case c == ',' && *flow > 0:
			w.token(chroma.Punctuation, src[i:i+1])
			i++
			value = false
		case (c == '&' || c == '*' || c == '!') && !isSpace(next):
			j := i + 1
			for j < n && !isSpace(src[j]) && !(*flow > 0 && isFlowIndicator(src[j])) {
				j++
			}
			w.token(chroma.CommentPreproc, src[i:j])
			i = j
		case (c == '|' || c == '>') && *flow == 0 && blockHeader(src, i):
			// A block scalar header: | or >, then chomping and indentation.
			j := i + 1
			for j < n && (src[j] == '-' || src[j] == '+' || isDigit(src[j])) {
				j++
			}
			w.token(chroma.Punctuation, src[i:j])
			i = j
			opened = true
		case c == '"' || c == '\'':
			j := yamlQuoted(src, i)
			t := chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
			if k := skipBlank(src, j); !value && at(src, k, ":") && (k+1 == n || isSpace(src[k+1]) || *flow > 0 && isFlowIndicator(src[k+1])) {
				t = chroma.NameTag
			}
			w.token(t, src[i:j])
			i = j
		default:
			i = yamlPlain(w, src, i, *flow > 0, value)
		}
	}
	return i, opened
}

// blockHeader reports whether the | or > at src[i] starts a block scalar
// header: nothing but its indicators, blanks and a comment follow it on
// its line.
func blockHeader(src []byte, i int) bool {
	j := i + 1
	for j < len(src) && (src[j] == '-' || src[j] == '+' || isDigit(src[j])) {
		j++
	}
	k := skipBlank(src, j)
	for k < len(src) && src[k] == '\r' {
		k++
	}
	return k == len(src) || src[k] == '\n' || src[k] == '#' && k > j
}

// yamlQuoted returns the end of the quoted scalar starting at src[i],
// which may span lines. In single quotes a doubled quote stands for
// itself; in double quotes a backslash escapes.
func yamlQuoted(src []byte, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch {
		case src[j] == q && q == '\'' && at(src, j+1, "'"):
			j++
		case src[j] == q:
			return j + 1
		case src[j] == '\\' && q == '"':
			j++
		}
	}
	return len(src)
}

// yamlPlain writes the plain scalar starting at src[i] and returns its
// end. It is a key (nt) if a ":" and a space follow it and it is not
// already a value; otherwise a number (m), a boolean or null (kc) or a
// literal (l).
func yamlPlain(w *writer, src []byte, i int, inFlow, value bool) int {
	n := len(src)
	j, last := i, i // last: end of the scalar without trailing blanks
	key := false
	for j < n && src[j] != '\n' {
		c := src[j]
		if c == ':' && (j+1 == n || isSpace(src[j+1]) || inFlow && isFlowIndicator(src[j+1])) {
			key = !value
			break
		}
		if c == '#' && j > i && (src[j-1] == ' ' || src[j-1] == '\t') {
			break
		}
		if inFlow && isFlowIndicator(c) {
			break
		}
		j++
		if !isSpace(c) {
			last = j
		}
	}
	if last == i {
		// A lone character the other cases did not take, such as ":".
		return plainRune(w, src, i)
	}
	text := src[i:last]
	switch {
	case key:
		w.token(chroma.NameTag, text)
	case yamlConstant(text):
		w.token(chroma.KeywordConstant, text)
	case yamlNumber(text):
		w.token(chroma.LiteralNumber, text)
	default:
		w.token(chroma.Literal, text)
	}
	return last
}

// yamlConstant reports whether a plain scalar is a boolean or null.
func yamlConstant(b []byte) bool {
	switch string(b) {
	case "true", "True", "TRUE", "false", "False", "FALSE",
		"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
		"null", "Null", "NULL", "~":
		return true
	}
	return false
}

// yamlNumber reports whether a plain scalar is a number.
func yamlNumber(b []byte) bool {
	switch string(b) {
	case ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN":
		return true
	}
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		b = b[1:]
	}
	if len(b) == 0 || !(isDigit(b[0]) || b[0] == '.' && len(b) > 1 && isDigit(b[1])) {
		return false
	}
	j, _ := numberBody(b, 0)
	return j == len(b)
}

// isFlowIndicator reports whether c ends a plain scalar in a flow
// collection.
func isFlowIndicator(c byte) bool {
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
}

// scanTOML writes TOML: table headers as nc between p brackets, keys as
// na, strings as s1 and s2, numbers, dates and times as ld, booleans as
// kc, comments as c, and = . , [ ] { } as p.
func scanTOML(w *writer, src []byte) {
	n := len(src)
	var nest [64]byte // open [ and { of values, innermost last
	depth := 0
	key := true // a key may start here
	for i := 0; i < n; {
		c := src[i]
		inTable := depth > 0 && depth <= len(nest) && nest[depth-1] == '{'
		switch {
		case isSpace(c):
			j := i
			for j < n && isSpace(src[j]) {
				if src[j] == '\n' && depth == 0 {
					key = true
				}
				j++
			}
			w.plain(src[i:j])
			i = j
		case c == '#':
			j := lineEnd(src, i)
			w.token(chroma.Comment, src[i:j])
			i = j
		case c == '[' && key && depth == 0:
			// A table header: [name] or [[name]].
			open := 1
			if at(src, i+1, "[") {
				open = 2
			}
			end := lineEnd(src, i)
			j := i + open
			for j < end && src[j] != ']' {
				if src[j] == '"' || src[j] == '\'' {
					j = min(quoted(src, j, true), end) - 1
				}
				j++
			}
			w.token(chroma.Punctuation, src[i:i+open])
			w.token(chroma.NameClass, src[i+open:j])
			k := j
			for k < end && k < j+open && src[k] == ']' {
				k++
			}
			w.token(chroma.Punctuation, src[j:k])
			i = k
			key = false
		case key && (isName(c) || c == '-' || c == '"' || c == '\''):
			// A key, perhaps dotted and quoted.
			j := i
			if c == '"' || c == '\'' {
				j = quoted(src, i, true)
			} else {
				for j < n && (isName(src[j]) || src[j] == '-') {
					j++
				}
			}
			w.token(chroma.NameAttribute, src[i:j])
			i = j
		case c == '.' && key:
			w.token(chroma.Punctuation, src[i:i+1])
			i++
		case c == '=':
			w.token(chroma.Punctuation, src[i:i+1])
			i++
			key = false
		case c == '"' || c == '\'':
			t := chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
			j := 0
			if at(src, i, `"""`) || at(src, i, "'''") {
				j = tripleEnd(src, i, c == '"')
			} else {
				j = quoted(src, i, true)
				if c == '\'' {
					// A literal string: no escapes.
					if k := indexByte(src, i+1, '\''); k >= 0 && k < lineEnd(src, i) {
						j = k + 1
					}
				}
			}
			w.token(t, src[i:j])
			i = j
		case isDigit(c) || (c == '+' || c == '-') && i+1 < n && (isDigit(src[i+1]) || at(src, i+1, "inf") || at(src, i+1, "nan")):
			j, t := tomlValue(src, i)
			w.token(t, src[i:j])
			i = j
		case isLetter(c):
			j := suffix(src, i)
			switch string(src[i:j]) {
			case "true", "false":
				w.token(chroma.KeywordConstant, src[i:j])
			case "inf", "nan":
				w.token(chroma.LiteralNumberFloat, src[i:j])
			default:
				w.plain(src[i:j])
			}
			i = j
		case c == '[' || c == '{':
			if depth < len(nest) {
				nest[depth] = c
			}
			depth++
			w.token(chroma.Punctuation, src[i:i+1])
			i++
			key = c == '{'
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
			w.token(chroma.Punctuation, src[i:i+1])
			i++
		case c == ',':
			w.token(chroma.Punctuation, src[i:i+1])
			i++
			key = inTable
		default:
			i = plainRune(w, src, i)
		}
	}
}

// tripleEnd returns the end of the multi-line string starting at src[i]
// with three double quotes (when basic, with escapes) or three single
// quotes, or len(src).
func tripleEnd(src []byte, i int, basic bool) int {
	q := "'''"
	if basic {
		q = `"""`
	}
	for j := i + 3; j < len(src); j++ {
		if basic && src[j] == '\\' {
			j++
			continue
		}
		if at(src, j, q) {
			// A closing run may hold up to two more quotes.
			k := j + 3
			for k < len(src) && k < j+5 && src[k] == q[0] {
				k++
			}
			return k
		}
	}
	return len(src)
}

// indexByte returns the index of the first c at or after src[i], or -1.
func indexByte(src []byte, i int, c byte) int {
	for ; i < len(src); i++ {
		if src[i] == c {
			return i
		}
	}
	return -1
}

// tomlValue returns the end and type of the number, date or time that
// starts at src[i].
func tomlValue(src []byte, i int) (int, chroma.TokenType) {
	n := len(src)
	j := i
	if src[j] == '+' || src[j] == '-' {
		j++
	}
	if at(src, j, "inf") || at(src, j, "nan") {
		return j + 3, chroma.LiteralNumberFloat
	}
	d := j
	for d < n && isDigit(src[d]) {
		d++
	}
	if j == i && (d-j == 4 && at(src, d, "-") || d-j == 2 && at(src, d, ":")) {
		// A date, a time, or both: 1979-05-27T07:32:00.999-07:00.
		e := d
		for e < n {
			c := src[e]
			if isDigit(c) || c == '-' || c == ':' || c == '.' || c == '+' || c == 'T' || c == 't' || c == 'Z' || c == 'z' {
				e++
				continue
			}
			if c == ' ' && e+1 < n && isDigit(src[e+1]) && e > 0 && isDigit(src[e-1]) && e-i == 10 {
				e++
				continue
			}
			break
		}
		return e, chroma.LiteralDate
	}
	e, t := number(src, j)
	return e, t
}
