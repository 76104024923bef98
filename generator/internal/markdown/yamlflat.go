package markdown

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// flatYAML decodes the front matter most documents have, a mapping of
// keys to single-line values, without the YAML library: in a tenth of its
// time, into the values yaml.v2 gives (FuzzFrontMatterAsGoldmarkMeta
// holds the two together). Each line is "key: value", blank, or a comment
// starting at its first byte; a value is a plain scalar of text, a whole
// number or a date, a quoted string, true, false, or a flow list of such
// scalars on the line. Anything else, or any doubt, is ok == false, and
// the YAML library reads the front matter instead.
func flatYAML(b []byte) (m map[string]any, ok bool) {
	m = make(map[string]any, 8)
	for len(b) > 0 {
		var line []byte
		if i := indexNL(b); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			line, b = b, nil
		}
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		if isBlankLine(line) {
			continue
		}
		if line[0] == '#' {
			if !printableLine(line) {
				return nil, false // a line break YAML sees ends the comment
			}
			continue
		}
		k := flatKey(line)
		if k == 0 || k+1 < len(line) && line[k+1] != ' ' {
			return nil, false
		}
		key := string(line[:k])
		if _, dup := m[key]; dup {
			return nil, false
		}
		rest := trimSpaces(line[k+1:])
		var v any
		switch {
		case len(rest) == 0:
			v = nil
		case rest[0] == '[':
			if v, ok = flatList(rest); !ok {
				return nil, false
			}
		default:
			s, n, ok := flatScalar(rest, false)
			if !ok || n != len(rest) {
				return nil, false
			}
			v = s
		}
		m[key] = v
	}
	return m, true
}

func indexNL(b []byte) int {
	for i, c := range b {
		if c == '\n' {
			return i
		}
	}
	return -1
}

func isBlankLine(l []byte) bool {
	for _, c := range l {
		if c != ' ' {
			return false
		}
	}
	return true
}

// printableLine reports whether a line holds only characters YAML reads
// as printable and none it reads as a line break.
func printableLine(l []byte) bool {
	for i := 0; i < len(l); {
		if c := l[i]; c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(l[i:])
		if !yamlPrintable(r) {
			return false
		}
		i += size
	}
	return true
}

func trimSpaces(b []byte) []byte {
	for len(b) > 0 && b[0] == ' ' {
		b = b[1:]
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

// flatKey returns the length of the key that starts line and that a
// colon follows, or 0: letters, digits, '_' and '-', starting with a
// letter or '_', not too long, and not a word YAML reads as a boolean or
// null.
func flatKey(line []byte) int {
	i := 0
	for ; i < len(line); i++ {
		c := line[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case (c >= '0' && c <= '9' || c == '-') && i > 0:
		case c == ':' && i > 0:
			if yamlWord(line[:i]) || i > 128 { // YAML takes keys of 1,024 characters at most
				return 0
			}
			return i
		default:
			return 0
		}
	}
	return 0
}

// yamlWord reports whether w is, in any case, a word that YAML 1.1 may
// read as a boolean or null rather than as text.
func yamlWord(w []byte) bool {
	if len(w) > 5 {
		return false
	}
	switch strings.ToLower(string(w)) {
	case "y", "yes", "n", "no", "true", "false", "on", "off", "null":
		return true
	}
	return false
}

// flatList decodes a flow list that is all of b: "[a, b, 3]".
func flatList(b []byte) (any, bool) {
	if b[len(b)-1] != ']' {
		return nil, false
	}
	b = trimSpaces(b[1 : len(b)-1])
	list := make([]any, 0, 4)
	for len(b) > 0 {
		v, n, ok := flatScalar(b, true)
		if !ok {
			return nil, false
		}
		list = append(list, v)
		b = trimSpaces(b[n:])
		if len(b) == 0 {
			break
		}
		if b[0] != ',' {
			return nil, false
		}
		if b = trimSpaces(b[1:]); len(b) == 0 {
			return nil, false // "[a, ]"
		}
	}
	return list, true
}

// flatScalar decodes the scalar at the start of b, in a flow list or
// not, returning its value and the bytes it spans.
func flatScalar(b []byte, inList bool) (any, int, bool) {
	switch c := b[0]; {
	case c == '"' || c == '\'':
		return flatQuoted(b)
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '/', c == '(', c >= utf8.RuneSelf:
	default:
		return nil, 0, false
	}
	n := 0
	for n < len(b) {
		c := b[n]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(b[n:])
			if !yamlPrintable(r) {
				return nil, 0, false
			}
			n += size
			continue
		}
		if c == ',' && inList {
			break
		}
		if c < ' ' || c == 0x7f || c == '#' || c == '[' || c == ']' || c == '{' || c == '}' {
			return nil, 0, false
		}
		if c == ':' && (inList || n+1 == len(b) || b[n+1] == ' ') {
			return nil, 0, false
		}
		n++
	}
	s := trimSpaces(b[:n])
	if len(s) == 0 {
		return nil, 0, false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		v, ok := flatNumber(s)
		return v, n, ok
	}
	switch string(s) {
	case "true":
		return true, n, true
	case "false":
		return false, n, true
	}
	if yamlWord(s) {
		return nil, 0, false
	}
	return string(s), n, true
}

// flatNumber decodes a plain scalar that starts with a digit: a whole
// number written without a leading zero, or text shaped as a date.
func flatNumber(s []byte) (any, bool) {
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits == len(s) {
		if digits > 18 || digits > 1 && s[0] == '0' {
			return nil, false
		}
		n, err := strconv.Atoi(string(s))
		return n, err == nil
	}
	// YYYY-M-D: yaml.v2 gives a date as written, whether it reads as one
	// or not (no number has a '-' inside).
	if digits != 4 || s[4] != '-' {
		return nil, false
	}
	dashes := 0
	for _, c := range s[5:] {
		switch {
		case c == '-':
			dashes++
		case c < '0' || c > '9':
			return nil, false
		}
	}
	if dashes != 1 || s[len(s)-1] == '-' || s[5] == '-' {
		return nil, false
	}
	return string(s), true
}

// flatQuoted decodes a quoted string that closes on its line: double
// quotes without escapes, or single quotes (” for a quote).
func flatQuoted(b []byte) (any, int, bool) {
	q := b[0]
	var out []byte // nil until a '' is met
	from := 1
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case c == q && q == '\'' && i+1 < len(b) && b[i+1] == '\'':
			out = append(out, b[from:i+1]...) // up to one of the two
			i++
			from = i + 1
		case c == q:
			if out == nil {
				return string(b[1:i]), i + 1, true
			}
			return string(append(out, b[from:i]...)), i + 1, true
		case c == '\\' && q == '"', c < ' ', c == 0x7f:
			return nil, 0, false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(b[i:])
			if !yamlPrintable(r) {
				return nil, 0, false
			}
			i += size - 1
		}
	}
	return nil, 0, false
}

// yamlPrintable reports whether YAML reads r, a rune beyond ASCII, as a
// printable character within a line.
func yamlPrintable(r rune) bool {
	switch {
	case r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF, r == utf8.RuneError:
		return false
	}
	return true
}
