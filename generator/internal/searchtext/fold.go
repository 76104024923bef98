// Package searchtext is the one rule by which search reads text, on the
// generator's side: how text is folded and cut into the terms of the index.
// The theme's script (assets/search.js) applies the same rule to queries
// and to the pages it highlights; testdata/fold.txt is the table of cases
// both sides are tested against.
//
// Folding: compatibility decomposition (NFKD), then the combining
// diacritical marks U+0300–U+036F removed, then canonical composition
// (NFC), then lower case, with final sigma as sigma. "Résumé" folds to
// "resume", "ＡＰＩ" to "api"; Japanese voicing marks (U+3099, U+309A)
// are not diacritics of that block and stay, so "ガ" stays "ガ".
//
// Cutting: a term is a run of letters, digits and marks. A run of Han,
// Hiragana, Katakana or Hangul (the scripts written without spaces between
// words) is cut at every change of script, and each part gives its
// overlapping character bigrams and its last character alone
// (検索エンジン: 検索, 索, エン, ンジ, ジン, ン), each at its character
// position, so that a query's bigrams can be checked to stand in sequence.
// Other runs are words.
package searchtext

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s folded for search.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	d := norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if r >= 0x300 && r <= 0x36f {
			continue
		}
		b.WriteRune(r)
	}
	return strings.Map(func(r rune) rune {
		if r == 'ς' {
			return 'σ'
		}
		return unicode.ToLower(r)
	}, norm.NFC.String(b.String()))
}

// AppendFold appends s folded for search to dst, as Fold does, and
// returns the extended slice; for ASCII text it makes no copy of its own,
// and lowers eight letters at a time.
func AppendFold(dst []byte, s string) []byte {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load8(s[i:])&hi != 0 {
			return append(dst, Fold(s)...)
		}
	}
	for k := i; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf {
			return append(dst, Fold(s)...)
		}
	}
	for i = 0; i+8 <= len(s); i += 8 {
		x := load8(s[i:])
		// The bytes from 'A' to 'Z' get 0x20 added: their high bits
		// set by the sums, then moved to 0x20.
		upper := (x + lo*(0x80-'A')) &^ (x + lo*(0x80-'Z'-1)) & hi
		dst = binary.LittleEndian.AppendUint64(dst, x|upper>>2)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// load8 reads the first eight bytes of s as a little-endian number.
func load8(s string) uint64 {
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Script is the class of a CJK character, 0 for any other.
func Script(r rune) int {
	switch {
	case r < 0x1100:
		return 0
	case unicode.Is(unicode.Han, r):
		return 1
	case unicode.Is(unicode.Hiragana, r):
		return 2
	case unicode.Is(unicode.Katakana, r) || r == 'ー':
		return 3
	case unicode.Is(unicode.Hangul, r):
		return 4
	}
	return 0
}

// InWord says whether r belongs to a term: a letter, digit or mark.
func InWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == 'ー'
}

// asciiWord says whether the ASCII character c belongs to a term.
func asciiWord(c byte) bool {
	return c-'a' < 26 || c-'0' < 10 || c-'A' < 26
}

// Token is one term of a text.
type Token struct {
	Term string
	// CJK is true for a bigram or a single CJK character; Pos is then its
	// first character's position among the text's CJK characters, a gap
	// of one left wherever other text stands between two of them.
	CJK bool
	Pos int
}

// Tokens calls fn for each term of folded, a folded text, in order. Words
// (not CJK) shorter than minWord runes are left out. pos is the CJK
// position the text starts at; Tokens returns the position after it, gap
// included, so that a caller may go on with the next field.
func Tokens(folded string, minWord, pos int, fn func(Token)) int {
	gap := false
	// The CJK run being read is folded[runStart:i]: its characters stand
	// together, as any other character ends it, so its terms are parts of
	// folded and cost no copy.
	runStart := -1
	script := 0
	flush := func(end int) {
		if runStart < 0 {
			return
		}
		for s := folded[runStart:end]; s != ""; {
			_, n := utf8.DecodeRuneInString(s)
			if n < len(s) {
				_, m := utf8.DecodeRuneInString(s[n:])
				fn(Token{Term: s[:n+m], CJK: true, Pos: pos})
			} else {
				fn(Token{Term: s, CJK: true, Pos: pos})
			}
			pos++
			s = s[n:]
		}
		runStart = -1
	}
	wordStart := -1
	wordASCII := true // the word has no other character: its length is its bytes
	endWord := func(i int) {
		if wordStart >= 0 {
			w := folded[wordStart:i]
			if minWord <= 1 || len(w) >= minWord && (wordASCII || utf8.RuneCountInString(w) >= minWord) {
				fn(Token{Term: w})
			}
			wordStart = -1
		}
	}
	for i := 0; i < len(folded); {
		if c := folded[i]; c < utf8.RuneSelf {
			// ASCII: no CJK, and a term's characters are letters and
			// digits, read here in one run.
			if runStart >= 0 {
				flush(i)
				gap = true
			}
			script = 0
			if asciiWord(c) {
				if wordStart < 0 {
					wordStart, wordASCII = i, true
				}
				for i++; i < len(folded) && asciiWord(folded[i]); i++ {
				}
				continue
			}
			endWord(i)
			gap = true
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(folded[i:])
		if s := Script(r); s != 0 {
			endWord(i)
			if s != script || gap {
				flush(i)
				if gap {
					pos++
					gap = false
				}
			}
			script = s
			if runStart < 0 {
				runStart = i
			}
			i += n
			continue
		}
		if runStart >= 0 {
			flush(i)
			gap = true
		}
		script = 0
		if InWord(r) {
			if wordStart < 0 {
				wordStart = i
			}
			wordASCII = false
			i += n
			continue
		}
		endWord(i)
		gap = true
		i += n
	}
	endWord(len(folded))
	flush(len(folded))
	return pos + 1
}

// Squash folds s and keeps only its letters and digits: the form in which
// filter values (kind:, status:, tag:, owner:) are compared.
func Squash(s string) string {
	return strings.Map(func(r rune) rune {
		if InWord(r) {
			return r
		}
		return -1
	}, Fold(s))
}
