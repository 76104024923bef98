package render

import (
	"bytes"
	"unicode/utf8"
)

// writeJSONString writes s as a JSON string, byte for byte as
// encoding/json writes it: control characters, quotes and backslashes
// escaped, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped, and, when
// html is set (json.Marshal's default), <, > and & as \u003c, \u003e and
// \u0026. The graph and the search index write tens of thousands of small
// records, where reflection would cost more than the text.
func writeJSONString(b *bytes.Buffer, s string, html bool) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while none needs a look.
		for i+8 <= len(s) && plain8(s[i:i+8], html) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(s[start:i])
			b.WriteString(`\ufffd`)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b.WriteString(s[start:i])
			b.WriteString(`\u202`)
			b.WriteByte(hex[r&15])
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// plain8 reports whether the eight bytes of s are ASCII, none of them a
// control character, a quote or a backslash, nor, when html is set, <, >
// or &: written as they are.
func plain8(s string, html bool) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	zero := func(v uint64) bool { return (v-lo)&^v&hi != 0 }
	if x&hi != 0 || (x-lo*0x20)&^x&hi != 0 || zero(x^(lo*'"')) || zero(x^(lo*'\\')) {
		return false
	}
	return !html || !zero(x^(lo*'<')) && !zero(x^(lo*'>')) && !zero(x^(lo*'&'))
}
