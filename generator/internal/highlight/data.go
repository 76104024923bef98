package highlight

import (
	"bytes"

	"github.com/alecthomas/chroma/v2"
)

// JSON's lexer states, as chroma names them: a value, an object waiting
// for a key or its end, an object's key seen (its value, a comma or its
// end next), an array.
const (
	jsonValue uint8 = iota
	jsonObject
	jsonAttribute
	jsonArray
)

// scanJSON writes JSON as chroma's JSON lexer does, state for state:
// object keys as nt, other strings as s2, numbers, true, false and null
// as kc, // comments as c1, and { } [ ] : , as p. What the lexer does not
// expect where it is (a block comment, a key outside an object) is plain
// text, where chroma writes an error token.
func scanJSON(w *writer, src []byte) {
	var (
		stack    [64]uint8 // states under the current one; deeper ones are dropped
		depth    int       // states pushed, the current one included
		n        = len(src)
		lastLine = bytes.LastIndexByte(src, '\n') + 1 // start of the line no newline ends
	)
	state := func() uint8 {
		if depth == 0 {
			return jsonValue
		}
		return stack[min(depth, len(stack))-1]
	}
	push := func(s uint8) {
		if depth < len(stack) {
			stack[depth] = s
		}
		depth++
	}
	for i := 0; i < n; {
		c := src[i]
		st := state()
		if isSpace(c) {
			j := skipSpace(src, i)
			w.plain(src[i:j])
			i = j
			continue
		}
		if c == '/' && at(src, i+1, "/") && i < lastLine {
			// A comment runs to its newline, included; one on the last
			// line without a newline is no comment.
			if j := lineEnd(src, i); j < n {
				w.token(chroma.CommentSingle, src[i:j+1])
				i = j + 1
				continue
			}
		}
		if st != jsonObject {
			// A value.
			if j, t := jsonSimple(src, i); j > 0 {
				w.token(t, src[i:j])
				i = j
				continue
			}
			switch c {
			case '{':
				w.token(chroma.Punctuation, src[i:i+1])
				push(jsonObject)
				i++
				continue
			case '[':
				w.token(chroma.Punctuation, src[i:i+1])
				push(jsonArray)
				i++
				continue
			}
		}
		switch {
		case st == jsonObject && c == '"':
			if j := regexQuoted(src, i); j > 0 {
				w.token(chroma.NameTag, src[i:j])
				push(jsonAttribute)
				i = j
				continue
			}
		case st == jsonObject && c == '}':
			w.token(chroma.Punctuation, src[i:i+1])
			depth--
			i++
			continue
		case st == jsonAttribute && (c == ':' || c == ',' || c == '}'):
			w.token(chroma.Punctuation, src[i:i+1])
			switch c {
			case ',':
				depth--
			case '}':
				depth -= 2
			}
			i++
			continue
		case st == jsonArray && (c == ',' || c == ']'):
			w.token(chroma.Punctuation, src[i:i+1])
			if c == ']' {
				depth--
			}
			i++
			continue
		}
		i = plainRune(w, src, i)
	}
}

// jsonSimple returns the end and type of the string, number, true, false
// or null at src[i], or 0 when none starts there.
func jsonSimple(src []byte, i int) (int, chroma.TokenType) {
	c := src[i]
	switch {
	case c == '"':
		if j := regexQuoted(src, i); j > 0 {
			return j, chroma.LiteralStringDouble
		}
	case c == 't' && keywordAt(src, i, "true"), c == 'n' && keywordAt(src, i, "null"):
		return i + 4, chroma.KeywordConstant
	case c == 'f' && keywordAt(src, i, "false"):
		return i + 5, chroma.KeywordConstant
	case isDigit(c) || c == '-' && i+1 < len(src) && isDigit(src[i+1]):
		return jsonNumber(src, i)
	}
	return 0, 0
}

// jsonNumber returns the end and type of the number at src[i] as chroma
// reads it: -?(0|[1-9]\d*), then a fraction, an exponent or both for a
// float.
func jsonNumber(src []byte, i int) (int, chroma.TokenType) {
	j := i
	if src[j] == '-' {
		j++
	}
	if src[j] == '0' {
		j++
	} else {
		j = digits0(src, j)
	}
	k := j
	if at(src, k, ".") && k+1 < len(src) && isDigit(src[k+1]) {
		k = digits0(src, k+1)
	}
	if k < len(src) && src[k]|0x20 == 'e' {
		e := k + 1
		if at(src, e, "+") || at(src, e, "-") {
			e++
		}
		if e < len(src) && isDigit(src[e]) {
			k = digits0(src, e)
		}
	}
	if k > j {
		return k, chroma.LiteralNumberFloat
	}
	return j, chroma.LiteralNumberInteger
}

// digits0 returns the end of the run of digits at src[i].
func digits0(src []byte, i int) int {
	for i < len(src) && isDigit(src[i]) {
		i++
	}
	return i
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

// scanYAML writes YAML as chroma's YAML lexer does, rule for rule, in
// the order it tries them where a token starts: document markers (nn) at
// the start of a line; "- " as text; comments (c); tags, anchors and
// aliases (cp); a key, the shortest run before ": " or a colon ending the
// line, as nt with its colon as p; then values: a block scalar's text
// (sd) after | or > (p), constants such as true, yes, null and y (kc),
// quoted strings (s2, s1), dates (ld), numbers between word boundaries
// (m), and anything else to the end of the line as a literal (l), but a
// comment after it; ? : , [ ] as p, and { } as text.
func scanYAML(w *writer, src []byte) {
	n := len(src)
	var keys yamlKeys
	for i := 0; i < n; {
		c := src[i]
		lineStart := i == 0 || src[i-1] == '\n'
		switch {
		case isSpace(c):
			j := skipSpace(src, i)
			w.plain(src[i:j])
			i = j
			continue
		case lineStart && (at(src, i, "---") || at(src, i, "...")):
			w.token(chroma.NameNamespace, src[i:i+3])
			i += 3
			continue
		case c == '-' && at(src, i+1, " "):
			w.plain(src[i : i+2])
			i += 2
			continue
		case c == '?':
			if j := skipSpace(src, i+1); at(src, j, "- ") {
				w.plain(src[i : j+2])
				i = j + 2
				continue
			}
		case c == '#' || c == '/' && at(src, i+1, "/"):
			j := lineEnd(src, i)
			w.token(chroma.Comment, src[i:j])
			i = j
			continue
		case (c == '&' || c == '*') && i+1 < n && !isSpace(src[i+1]), c == '!' && at(src, i+1, "!") && i+2 < n && !isSpace(src[i+2]):
			j := i + 1
			for j < n && !isSpace(src[j]) {
				j++
			}
			w.token(chroma.CommentPreproc, src[i:j])
			i = j
			continue
		case lineStart && at(src, i, "%include") && i+8 < n && (src[i+8] == ' ' || src[i+8] == '\t'):
			if j := skipBlank(src, i+8); j < n && src[j] != '\n' && src[j] != '\r' {
				j = lineEnd(src, j)
				for src[j-1] == '\r' {
					j--
				}
				w.token(chroma.CommentPreproc, src[i:j])
				i = j
				continue
			}
		}
		if j := keys.key(w, src, i); j > 0 {
			i = j
			continue
		}
		if j := yamlValue(w, src, i); j > 0 {
			i = j
			continue
		}
		switch c {
		case '?', ':', ',', '[', ']':
			w.token(chroma.Punctuation, src[i:i+1])
			i++
		default:
			i = plainRune(w, src, i)
		}
	}
}

// yamlKeys finds keys as chroma's YAML lexer does, remembering what it
// learnt of the line it is on so that each line is read once, not once
// per token: where the last quote, colon and space on it is, and how far
// no key can start.
type yamlKeys struct {
	line        int // 1 + the end of the line lastQuoted is for, 0 before the first
	lastQuoted  int // index of the last `": ` on that line, or -1
	noKeyBefore int // no unquoted key starts before this index
}

// key writes the key that starts at src[i], with its colon and the space
// or newline after it, and returns their end, or 0 if no key starts
// there. A key is "quoted" up to the last ": " on its line, or else the
// shortest run of bytes other than a quote, a newline, { and #, and not
// holding //, before ": ", or before a colon ending the line.
func (y *yamlKeys) key(w *writer, src []byte, i int) int {
	n := len(src)
	if src[i] == '"' && i+1 < n && src[i+1] != '"' && src[i+1] != '\n' && src[i+1] != '#' {
		if i >= y.line {
			// A new line: find its last `": `.
			end := lineEnd(src, i)
			y.line, y.lastQuoted = end+1, -1
			for k := end - 3; k >= 0 && src[k] != '\n'; k-- {
				if at(src, k, `": `) {
					y.lastQuoted = k
					break
				}
			}
		}
		if k := y.lastQuoted; k >= i+2 {
			w.token(chroma.NameTag, src[i:k+3])
			return k + 3
		}
	}
	if i < y.noKeyBefore {
		return 0
	}
	j := i
	for j < n {
		c := src[j]
		if c == ':' && at(src, j+1, " ") {
			break
		}
		if c == '"' || c == '\n' || c == '{' || c == '#' || c == '/' && at(src, j+1, "/") {
			if c == '\n' && j > i && src[j-1] == ':' {
				// A key ending its line.
				w.token(chroma.NameTag, src[i:j-1])
				w.token(chroma.Punctuation, src[j-1:j])
				w.plain(src[j : j+1])
				return j + 1
			}
			// No key starts between here and j either: from there
			// the run would stop at j too.
			y.noKeyBefore = j
			return 0
		}
		j++
	}
	if j == n {
		y.noKeyBefore = n
		return 0
	}
	w.token(chroma.NameTag, src[i:j])
	w.token(chroma.Punctuation, src[j:j+1])
	w.plain(src[j+1 : j+2])
	return j + 2
}

// yamlValue writes the value that starts at src[i] and returns its end,
// or 0 if none starts there.
func yamlValue(w *writer, src []byte, i int) int {
	c := src[i]
	if c == '|' || c == '>' {
		if j := yamlBlock(w, src, i); j > 0 {
			return j
		}
	}
	if isLetter(c) {
		e := rustNameEnd(src, i)
		switch string(src[i:e]) {
		case "false", "False", "FALSE", "true", "True", "TRUE", "null", "Off", "off", "yes", "Yes", "YES", "OFF",
			"On", "ON", "no", "No", "on", "NO", "n", "N", "Y", "y":
			w.token(chroma.KeywordConstant, src[i:e])
			return e
		}
	}
	if c == '"' || c == '\'' {
		if j := regexQuoted(src, i); j > 0 {
			t := chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
			w.token(t, src[i:j])
			return j
		}
	}
	if j := yamlDate(src, i); j > 0 {
		w.token(chroma.LiteralDate, src[i:j])
		return j
	}
	if j := yamlNumber(src, i); j > 0 {
		w.token(chroma.LiteralNumber, src[i:j])
		return j
	}
	switch c {
	case '{', '}', '[', ']', '?', ',', ':', '!', '-', '*', '&', '@':
		return 0
	}
	// A literal to the end of the line, but a comment after blanks.
	end := lineEnd(src, i)
	for _, open := range [...]string{"#", "//"} {
		for k := end - len(open); k >= i+2; k-- {
			if src[k-1] == ' ' && at(src, k, open) {
				w.token(chroma.Literal, src[i:k-1])
				w.plain(src[k-1 : k])
				w.token(chroma.Comment, src[k:end])
				return end
			}
		}
	}
	w.token(chroma.Literal, src[i:end])
	return end
}

// yamlBlock writes the block scalar whose header, | or > and perhaps + or
// -, is at src[i] and returns its end, or 0 if none starts there. As in
// chroma, the header must end its line and the next line start with
// spaces; the block runs on over every line indented as much, and the
// empty lines between them.
func yamlBlock(w *writer, src []byte, i int) int {
	n := len(src)
	h := i + 1
	if at(src, h, "+") || at(src, h, "-") {
		h++
	}
	if !at(src, h, "\n") {
		return 0
	}
	first := h + 1
	indent := 0
	for first+indent < n && src[first+indent] == ' ' {
		indent++
	}
	if indent == 0 {
		return 0
	}
	end := lineEnd(src, first)
	for {
		next := end
		for next < n && src[next] == '\n' {
			next++
		}
		if next == end || !spacesAt(src, next, indent) {
			break
		}
		end = lineEnd(src, next)
	}
	w.token(chroma.Punctuation, src[i:h])
	w.token(chroma.LiteralStringDoc, src[h:end])
	return end
}

// spacesAt reports whether n spaces start at src[i].
func spacesAt(src []byte, i, n int) bool {
	for k := range n {
		if i+k >= len(src) || src[i+k] != ' ' {
			return false
		}
	}
	return true
}

// yamlDate returns the end of the date, perhaps with a time and zone, at
// src[i], or 0 if none starts there.
func yamlDate(src []byte, i int) int {
	j, ok := digitsThen(src, i, 4, '-')
	if ok {
		j, ok = digitsThen(src, j, 2, '-')
	}
	if ok {
		j, ok = digitsThen(src, j, 2, 0)
	}
	if !ok {
		return 0
	}
	if at(src, j, "T") || at(src, j, " ") {
		k, ok := digitsThen(src, j+1, 2, ':')
		if ok {
			k, ok = digitsThen(src, k, 2, ':')
		}
		if ok {
			k, ok = digitsThen(src, k, 2, 0)
		}
		if ok {
			if at(src, k, ".") && k+1 < len(src) && isDigit(src[k+1]) {
				k = digits0(src, k+1)
			}
			if at(src, k, "Z") {
				k++
			} else if s := skipSpace(src, k); s > k && s+1 < len(src) && (src[s] == '-' || src[s] == '+') && isDigit(src[s+1]) {
				k = digits0(src, s+1)
			}
			j = k
		}
	}
	return j
}

// yamlNumber returns the end of the number at src[i] as chroma's pattern
// \b[+-]?(0x[\da-f]+|0o[0-7]+|(\d+\.?\d*|\.?\d+)(e[+-]?\d+)?|\.inf|\.nan)\b
// reads it, or 0 if none starts there. Both ends must be word boundaries,
// so 1h is no number, and neither is -1 after a space.
func yamlNumber(src []byte, i int) int {
	if !boundary(src, i) {
		return 0
	}
	j := i
	if at(src, j, "+") || at(src, j, "-") {
		j++
	}
	ok := func(e int) bool { return e > j && boundary(src, e) }
	if at(src, j, "0x") {
		if e := runOf(src, j+2, func(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' }); e > j+2 && ok(e) {
			return e
		}
	}
	if at(src, j, "0o") {
		if e := runOf(src, j+2, isOct); e > j+2 && ok(e) {
			return e
		}
	}
	exponent := func(k int) int {
		if at(src, k, "e") {
			e := k + 1
			if at(src, e, "+") || at(src, e, "-") {
				e++
			}
			if f := digits0(src, e); f > e {
				return f
			}
		}
		return 0
	}
	// \d+\.?\d*, then \.?\d+, each with an optional exponent; the
	// candidates in the order the regular expression backtracks to them.
	if d1 := digits0(src, j); d1 > j {
		if at(src, d1, ".") {
			d2 := digits0(src, d1+1)
			if e := exponent(d2); e > 0 && ok(e) {
				return e
			}
			if ok(d2) {
				return d2
			}
			if ok(d1 + 1) {
				return d1 + 1
			}
		}
		if e := exponent(d1); e > 0 && ok(e) {
			return e
		}
		if ok(d1) {
			return d1
		}
	}
	if at(src, j, ".") {
		if d := digits0(src, j+1); d > j+1 {
			if e := exponent(d); e > 0 && ok(e) {
				return e
			}
			if ok(d) {
				return d
			}
		}
	}
	if (at(src, j, ".inf") || at(src, j, ".nan")) && ok(j+4) {
		return j + 4
	}
	return 0
}

// boundary reports whether a regular expression's \b holds before
// src[i]: one side is a word byte and the other is not.
func boundary(src []byte, i int) bool {
	before := i > 0 && isWordByte(src[i-1])
	after := i < len(src) && isWordByte(src[i])
	return before != after
}

// regexQuoted returns the end of the string quoted by src[i] as chroma's
// pattern "(\\\\|\\"|[^"])*" (with src[i] for the quote) matches it, or 0
// when it does not: the string may span lines, and a backslash escapes a
// quote or a backslash. When no unescaped quote closes it, the regular
// expression backtracks to the last quote in src, escaped or not.
func regexQuoted(src []byte, i int) int {
	q := src[i]
	last := 0
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case q:
			return j + 1
		case '\\':
			if j+1 < len(src) && (src[j+1] == q || src[j+1] == '\\') {
				j++
				if src[j] == q {
					last = j + 1
				}
			}
		}
	}
	return last
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
