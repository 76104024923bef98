package highlight

import (
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// scanTOML writes TOML as chroma's TOML lexer does: comments (c), true
// and false (kc), full date-times (ld), integers and floats (mi, mf),
// strings (s2, s1), which may span lines, and . , = [ ] { } as p. Keys,
// table names and any other word are plain text.
func scanTOML(w *writer, src []byte) {
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch {
		case isSpace(c):
			j := skipSpace(src, i)
			w.plain(src[i:j])
			i = j
		case c == '#':
			j := lineEnd(src, i)
			w.token(chroma.Comment, src[i:j])
			i = j
		case c == 't' && keywordAt(src, i, "true"):
			w.token(chroma.KeywordConstant, src[i:i+4])
			i += 4
		case c == 'f' && keywordAt(src, i, "false"):
			w.token(chroma.KeywordConstant, src[i:i+5])
			i += 5
		case isDigit(c) || (c == '+' || c == '-') && i+1 < n && isDigit(src[i+1]):
			if j := tomlDateTime(src, i); j > 0 {
				w.token(chroma.LiteralDate, src[i:j])
				i = j
				continue
			}
			j, t := tomlNumber(src, i)
			w.token(t, src[i:j])
			i = j
		case c == '"' || c == '\'':
			j := regexQuoted(src, i)
			if j == 0 {
				i = plainRune(w, src, i)
				continue
			}
			t := chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
			w.token(t, src[i:j])
			i = j
		case c == '.' || c == ',' || c == '=' || c == '[' || c == ']' || c == '{' || c == '}':
			w.token(chroma.Punctuation, src[i:i+1])
			i++
		case isWordByte(c) && c < utf8.RuneSelf || c == '-':
			// A bare word: [A-Za-z0-9_-]+.
			j := i + 1
			for j < n && (isWordByte(src[j]) && src[j] < utf8.RuneSelf || src[j] == '-') {
				j++
			}
			w.plain(src[i:j])
			i = j
		default:
			i = plainRune(w, src, i)
		}
	}
}

// keywordAt reports whether word occurs at src[i] and ends there at a
// word boundary.
func keywordAt(src []byte, i int, word string) bool {
	j := i + len(word)
	return at(src, i, word) && (j == len(src) || !isWordByte(src[j]))
}

// isWordByte reports whether c may be part of a word as a regular
// expression's \w sees it: an ASCII letter, digit or underscore, or a
// byte of a non-ASCII character, most of which are letters.
func isWordByte(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' || c >= utf8.RuneSelf }

// tomlNumber returns the end and type of the number at src[i]: an
// optional sign, a digit, digits each optionally after one underscore,
// and, for a float, a dot and digits.
func tomlNumber(src []byte, i int) (int, chroma.TokenType) {
	j := i
	if src[j] == '+' || src[j] == '-' {
		j++
	}
	j++
	for j < len(src) {
		if isDigit(src[j]) {
			j++
		} else if src[j] == '_' && j+1 < len(src) && isDigit(src[j+1]) {
			j += 2
		} else {
			break
		}
	}
	if at(src, j, ".") && j+1 < len(src) && isDigit(src[j+1]) {
		j = digits0(src, j+2)
		return j, chroma.LiteralNumberFloat
	}
	return j, chroma.LiteralNumberInteger
}

// tomlDateTime returns the end of the date-time with a zone at src[i],
// 1979-05-27T07:32:00Z or ...00+01:00, or 0 if none starts there. As in
// chroma, a date alone or a time without a zone is not one.
func tomlDateTime(src []byte, i int) int {
	j, ok := digitsThen(src, i, 4, '-')
	if ok {
		j, ok = digitsThen(src, j, 2, '-')
	}
	if ok {
		j, ok = digitsThen(src, j, 2, 'T')
	}
	if ok {
		j, ok = digitsThen(src, j, 2, ':')
	}
	if ok {
		j, ok = digitsThen(src, j, 2, ':')
	}
	if ok {
		j, ok = digitsThen(src, j, 2, 0)
	}
	if !ok {
		return 0
	}
	// chroma's pattern has (\.\d\+)?: a dot, one digit and a plus sign.
	if at(src, j, ".") && j+2 < len(src) && isDigit(src[j+1]) && src[j+2] == '+' {
		j += 3
	}
	switch {
	case at(src, j, "Z"):
		return j + 1
	case at(src, j, "+") || at(src, j, "-"):
		if k, ok := digitsThen(src, j+1, 2, ':'); ok {
			if k, ok := digitsThen(src, k, 2, 0); ok {
				return k
			}
		}
	}
	return 0
}

// digitsThen reports whether n digits, then sep (unless it is 0), occur
// at src[i], and returns the index after them.
func digitsThen(src []byte, i, n int, sep byte) (int, bool) {
	for k := range n {
		if i+k >= len(src) || !isDigit(src[i+k]) {
			return 0, false
		}
	}
	i += n
	if sep == 0 {
		return i, true
	}
	return i + 1, i < len(src) && src[i] == sep
}
