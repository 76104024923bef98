package highlight

import (
	"bytes"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// rustWords types the words chroma's Rust lexer gives a type of their own
// wherever a token starts, in the order its rules try them (a word in two
// groups takes the first): keywords (k), reserved words (kr), true and
// false (kc), self (bp), let (kd), types (kt) and the prelude's names (nb).
// mod, fn, struct, enum, type and union are keywords too, and also name
// what follows them: see rustDeclares.
var rustWords = wordTypes(
	group{chroma.Keyword, "unsafe static extern return const crate where while await trait super async match impl else move loop pub ref mut for dyn use box in if as", 0},
	group{chroma.KeywordReserved, "abstract override unsized virtual become typeof final macro yield priv try do", 0},
	group{chroma.KeywordConstant, "true false", 0},
	group{chroma.NameBuiltinPseudo, "self Self", 0},
	group{chroma.KeywordDeclaration, "let", 0},
	group{chroma.KeywordType, rustTypes, 0},
	group{chroma.NameBuiltin, rustPrelude, 0},
)

// The types and the prelude's names that chroma's Rust lexer knows, also
// in a type's position.
const (
	rustTypes   = "isize usize bool char u128 i128 i64 i32 i16 str u64 u32 f32 f64 u16 i8 u8"
	rustPrelude = "DoubleEndedIterator ExactSizeIterator IntoIterator PartialOrd PartialEq ToString Iterator ToOwned Default Result String FnOnce Extend Option FnMut Unpin Sized AsRef AsMut Clone None From Into Sync drop Send Drop Copy Some Ord Err Box Vec Eq Ok Fn"
)

// rustTypeWords types the words that keep chroma's Rust lexer reading a
// type: the types (kt) and the prelude's names (nb).
var rustTypeWords = wordTypes(
	group{chroma.KeywordType, rustTypes, 0},
	group{chroma.NameBuiltin, rustPrelude, 0},
)

// rustDeclares gives the type of the name that follows each declaring
// keyword: a module (nn), a function (nf), or a type (read as after a
// colon, see rustType).
var rustDeclares = map[string]chroma.TokenType{
	"mod": chroma.NameNamespace, "fn": chroma.NameFunction,
	"struct": chroma.NameClass, "enum": chroma.NameClass, "type": chroma.NameClass, "union": chroma.NameClass,
}

// scanRust writes Rust as chroma's Rust lexer does, rule for rule: the
// words of rustWords, the name declared after mod (nn), fn (nf) or
// struct, enum, type and union; the type after a colon or -> (nc, with
// & as kp and lifetimes as na), lifetimes, labels, constants in capitals
// (no) and macro calls (fm); strings with their escapes and, in print!
// and format! and their kin, {} interpolations (si); raw strings, bytes
// and characters; numbers with their suffixes (k); comments and doc
// comments (c1, cm, sd) and attributes (cp) with their strings.
// Other names, called or not, are plain, and so are :: and the colon
// before a type, as chroma writes them.
func scanRust(w *writer, src []byte) {
	n := len(src)
	i := 0
	lastBrace := -2 // the index of the last } in src, once needed
	if at(src, 0, "#!") && !at(src, 2, "[") && 2 < n && src[2] != '\n' && src[2] != '\r' {
		// A first line #!... that is no inner attribute.
		j := lineEnd(src, 0)
		w.token(chroma.CommentPreproc, src[:j])
		i = j
	}
	for i < n {
		c := src[i]
		switch {
		case isSpace(c):
			j := skipSpace(src, i)
			w.plain(src[i:j])
			i = j
		case c == '/' && at(src, i+1, "/"):
			t := chroma.CommentSingle
			if at(src, i+2, "!") || at(src, i+2, "/") && !at(src, i+3, "/") {
				t = chroma.LiteralStringDoc
			}
			j := min(lineEnd(src, i)+1, n)
			w.token(t, src[i:j])
			i = j
		case c == '/' && at(src, i+1, "*"):
			t := chroma.CommentMultiline
			if at(src, i+2, "!") || at(src, i+2, "*") && i+3 < n && src[i+3] != '/' && src[i+3] != '*' {
				t = chroma.LiteralStringDoc
			}
			j := nestedComment(src, i)
			w.token(t, src[i:j])
			i = j
		case c == '"':
			i = rustString(w, src, i+1, i, false, false, -1)
		case c == '$':
			j := i + 1
			switch {
			case j < n && isRustNameStart(src[j]):
				j = rustNameEnd(src, j)
			case at(src, j, "(") || at(src, j, ")"):
				j++
				if at(src, j, ",") {
					j++
				}
			case at(src, j, ","):
				j++
			}
			w.token(chroma.CommentPreproc, src[i:j])
			i = j
		case isRustNameStart(c):
			if lastBrace == -2 {
				lastBrace = bytes.LastIndexByte(src, '}')
			}
			i = rustWord(w, src, i, lastBrace)
		case c == ':' && at(src, i+1, ":") && i+2 < n && isWordByte(src[i+2]):
			w.plain(src[i : i+2])
			i += 2
		case c == ':' || c == '-' && at(src, i+1, ">"):
			j := i + 1
			if c == '-' {
				j++
			}
			w.plain(src[i:j])
			i = rustType(w, src, j)
		case c == '\'':
			i = rustQuote(w, src, i)
		case isDigit(c):
			i = rustNumber(w, src, i)
		case c == '.' && at(src, i+1, "."):
			j := i + 2
			if at(src, j, "=") {
				j++
			}
			w.token(chroma.Operator, src[i:j])
			i = j
		case c == '{' || c == '}' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == '.' || c == ';':
			w.token(chroma.Punctuation, src[i:i+1])
			i++
		case c == '#' && (at(src, i+1, "[") || at(src, i+1, "![")):
			i = rustAttribute(w, src, i)
		case isRustOperator(c):
			w.token(chroma.Operator, src[i:i+1])
			i++
		default:
			// #, and what the lexer has no rule for: \, `, non-ASCII.
			i = plainRune(w, src, i)
		}
	}
}

// isRustNameStart reports whether c may start a name: [a-zA-Z_].
func isRustNameStart(c byte) bool { return isLetter(c) || c == '_' }

// rustNameEnd returns the end of the name whose first byte is at
// src[i]: the run of word bytes from there.
func rustNameEnd(src []byte, i int) int {
	j := i + 1
	for j < len(src) && isWordByte(src[j]) {
		j++
	}
	return j
}

// isRustOperator reports whether c is one of chroma's Rust operators.
func isRustOperator(c byte) bool {
	switch c {
	case '+', '-', '*', '/', '%', '&', '|', '<', '>', '^', '!', '~', '@', '=', '?':
		return true
	}
	return false
}

// rustWord writes the token that starts with the letter or underscore at
// src[i], and what it makes follow, and returns its end. lastBrace is as
// for rustString.
func rustWord(w *writer, src []byte, i, lastBrace int) int {
	n := len(src)
	j := rustNameEnd(src, i)
	word := src[i:j]
	if t, ok := rustWords[string(word)]; ok {
		w.token(t, word)
		return j
	}
	if next, ok := rustDeclares[string(word)]; ok {
		w.token(chroma.Keyword, word)
		if next == chroma.NameClass {
			return rustType(w, src, j)
		}
		k := skipSpace(src, j)
		w.plain(src[j:k])
		if k < n && isRustNameStart(src[k]) {
			e := rustNameEnd(src, k)
			w.token(next, src[k:e])
			return e
		}
		return k
	}
	switch string(word) {
	case "default":
		// default type, default fn: both keywords.
		if k := skipSpace(src, j); k > j && k < n && isRustNameStart(src[k]) {
			if e := rustNameEnd(src, k); string(src[k:e]) == "type" || string(src[k:e]) == "fn" {
				w.token(chroma.Keyword, word)
				w.plain(src[j:k])
				w.token(chroma.Keyword, src[k:e])
				return e
			}
		}
	case "break", "continue":
		w.token(chroma.Keyword, word)
		k := skipSpace(src, j)
		w.plain(src[j:k])
		if at(src, k, "'") && k+1 < n && isRustNameStart(src[k+1]) {
			e := rustNameEnd(src, k+1)
			w.token(chroma.NameLabel, src[k:e])
			return e
		}
		return k
	case "b":
		if at(src, j, "'") {
			if e := rustChar(src, j, true); e > 0 {
				w.token(chroma.LiteralStringAffix, word)
				w.token(chroma.LiteralStringChar, src[j:e])
				return e
			}
		}
		if at(src, j, `"`) {
			w.token(chroma.LiteralStringAffix, word)
			return rustString(w, src, j+1, j, true, false, -1)
		}
	}
	if string(word) == "r" || string(word) == "br" {
		// A raw string: r"...", r#"..."#, br"...".
		k := j
		for k < n && src[k] == '#' {
			k++
		}
		if at(src, k, `"`) {
			if e := rawEnd(src, k+1, k-j); e > 0 {
				w.token(chroma.LiteralStringAffix, word)
				w.token(chroma.LiteralString, src[j:e])
				return e
			}
		}
	}
	if rustConstant(word) {
		w.token(chroma.NameConstant, word)
		return j
	}
	if at(src, j, "!") {
		// A macro call: name!(...), name![...], name!{...}.
		k := skipSpace(src, j+1)
		if k < n && (src[k] == '(' || src[k] == '[' || src[k] == '{') {
			w.token(chroma.NameFunctionMagic, src[i:j+1])
			w.plain(src[j+1 : k])
			w.token(chroma.Punctuation, src[k:k+1])
			if src[k] == '(' && formatMacro(word) {
				q := skipSpace(src, k+1)
				if at(src, q, `"`) {
					w.plain(src[k+1 : q])
					return rustString(w, src, q+1, q, false, true, lastBrace)
				}
			}
			return k + 1
		}
	}
	if string(word) == "r" && at(src, j, "#") && j+1 < n && isRustNameStart(src[j+1]) {
		// A raw identifier: r#match.
		j = rustNameEnd(src, j+1)
	}
	w.plain(src[i:j])
	return j
}

// formatMacro reports whether a macro's string argument is a format
// string, as chroma's Rust lexer sees it.
func formatMacro(name []byte) bool {
	switch string(name) {
	case "print", "println", "eprint", "eprintln", "format", "format_args", "panic", "todo", "unreachable", "unimplemented":
		return true
	}
	return false
}

// rustConstant reports whether a name is a constant as chroma's Rust
// lexer sees one: an optional underscore, then capitals, digits and
// underscores, starting with a capital and holding at least two.
func rustConstant(word []byte) bool {
	if len(word) > 0 && word[0] == '_' {
		word = word[1:]
	}
	if len(word) < 2 || word[0] < 'A' || word[0] > 'Z' {
		return false
	}
	capitals := 0
	for _, c := range word {
		switch {
		case 'A' <= c && c <= 'Z':
			capitals++
		case isDigit(c) || c == '_':
		default:
			return false
		}
	}
	return capitals >= 2
}

// rustType writes what chroma's Rust lexer reads as a type, from src[i]:
// after blanks, & (kp), lifetimes (na), types (kt) and prelude names (nb),
// the first other name (nc). It returns where the type ends: after that
// name, or before anything else.
func rustType(w *writer, src []byte, i int) int {
	n := len(src)
	for i < n {
		c := src[i]
		switch {
		case isSpace(c):
			j := skipSpace(src, i)
			w.plain(src[i:j])
			i = j
		case c == '&':
			w.token(chroma.KeywordPseudo, src[i:i+1])
			i++
		case c == '\'':
			i = rustLifetime(w, src, i)
		case isRustNameStart(c):
			j := rustNameEnd(src, i)
			if t, ok := rustTypeWords[string(src[i:j])]; ok {
				w.token(t, src[i:j])
				i = j
				continue
			}
			w.token(chroma.NameClass, src[i:j])
			return j
		default:
			return i
		}
	}
	return i
}

// rustLifetime writes the lifetime starting with the quote at src[i]:
// 'static and '_ as nb, any other as na, and returns its end.
func rustLifetime(w *writer, src []byte, i int) int {
	if at(src, i+1, "static") || at(src, i+1, "_") {
		j := i + 2
		if src[i+1] == 's' {
			j = i + 7
		}
		w.token(chroma.NameBuiltin, src[i:j])
		return j
	}
	j := i + 1
	if j < len(src) && isRustNameStart(src[j]) {
		j = rustNameEnd(src, j)
	}
	w.token(chroma.NameAttribute, src[i:j])
	return j
}

// rustQuote writes the character literal or lifetime starting with the
// quote at src[i] and returns its end.
func rustQuote(w *writer, src []byte, i int) int {
	if e := rustChar(src, i, false); e > 0 {
		w.token(chroma.LiteralStringChar, src[i:e])
		return e
	}
	return rustLifetime(w, src, i)
}

// rustChar returns the end of the character literal starting with the
// quote at src[i], or 0 if none does. A byte's escapes are those of a
// byte literal (b'\xff').
func rustChar(src []byte, i int, byteLit bool) int {
	j := i + 1
	if j >= len(src) {
		return 0
	}
	if src[j] == '\\' {
		if e := rustEscape(src, j, byteLit); e > 0 && at(src, e, "'") {
			return e + 1
		}
	}
	if src[j] == '\n' {
		return 0
	}
	_, m := utf8.DecodeRune(src[j:])
	if at(src, j+m, "'") {
		return j + m + 1
	}
	return 0
}

// rustEscape returns the end of the escape at src[j], a backslash, as
// chroma's Rust lexer reads escapes, or 0 if it reads none there. In a
// byte literal \x takes any two hex digits.
func rustEscape(src []byte, j int, byteLit bool) int {
	k := j + 1
	if k >= len(src) {
		return 0
	}
	switch c := src[k]; {
	case c == '\'' || c == '"' || c == '\\' || c == 'n' || c == 'r' || c == 't' || c == '0':
		return k + 1
	case c == 'x':
		if k+2 < len(src) && (byteLit && isHex(src[k+1]) || isOct(src[k+1])) && isHex(src[k+2]) {
			return k + 3
		}
	case c == 'u' && !byteLit && at(src, k+1, "{"):
		e := k + 2
		for e < len(src) && e < k+8 && isHex(src[e]) {
			e++
		}
		if e > k+2 && at(src, e, "}") {
			return e + 1
		}
	}
	return 0
}

// rustString writes a string whose text starts at src[i], after its
// opening quote at src[open], as chroma's Rust lexer does, and returns
// its end: escapes as se, in a byte string \x80 to \xff too; in a format
// string, {{ and }} as se, {...} as si and a lone brace as plain text,
// which chroma writes as an error. One left open runs to the end of src.
// lastBrace is the index of the last } in src, after which no { closes.
func rustString(w *writer, src []byte, i, open int, byteStr, format bool, lastBrace int) int {
	n := len(src)
	seg := open
	flush := func(j int) {
		w.token(chroma.LiteralString, src[seg:j])
		seg = j
	}
	for j := i; j < n; {
		c := src[j]
		switch {
		case c == '"':
			flush(j + 1)
			return j + 1
		case c == '\\':
			e := rustEscape(src, j, false)
			if e == 0 && at(src, j+1, "\n") {
				e = j + 1 // \ before a newline
			}
			if e == 0 && byteStr && at(src, j+1, "x") && j+3 < n && isHex(src[j+2]) && isHex(src[j+3]) {
				e = j + 4
			}
			if e == 0 {
				j++
				continue
			}
			flush(j)
			w.token(chroma.LiteralStringEscape, src[j:e])
			seg, j = e, e
		case format && (at(src, j, "{{") || at(src, j, "}}")):
			flush(j)
			w.token(chroma.LiteralStringEscape, src[j:j+2])
			seg, j = j+2, j+2
		case format && c == '{':
			flush(j)
			e := -1
			if j < lastBrace {
				e = indexByte(src, j+1, '}')
			}
			if e < 0 {
				w.plain(src[j : j+1])
				seg, j = j+1, j+1
				continue
			}
			w.token(chroma.LiteralStringInterpol, src[j:e+1])
			seg, j = e+1, e+1
		case format && c == '}':
			flush(j)
			w.plain(src[j : j+1])
			seg, j = j+1, j+1
		default:
			j++
		}
	}
	flush(n)
	return n
}

// rawEnd returns the end of a raw string whose text starts at src[i] and
// which closes with a quote and hashes #, or 0 if it does not close.
func rawEnd(src []byte, i, hashes int) int {
	for j := i; j < len(src); j++ {
		if src[j] == '"' && fenced(src, j+1, hashes) {
			return j + 1 + hashes
		}
	}
	return 0
}

// rustNumber writes the number starting at src[i] and its suffix, and
// returns their end.
func rustNumber(w *writer, src []byte, i int) int {
	n := len(src)
	var j int
	t := chroma.LiteralNumberInteger
	switch {
	case at(src, i, "0b") && i+2 < n && (isBin(src[i+2]) || src[i+2] == '_'):
		j, t = runOf(src, i+2, func(c byte) bool { return isBin(c) || c == '_' }), chroma.LiteralNumberBin
	case at(src, i, "0o") && i+2 < n && (isOct(src[i+2]) || src[i+2] == '_'):
		j, t = runOf(src, i+2, func(c byte) bool { return isOct(c) || c == '_' }), chroma.LiteralNumberOct
	case (at(src, i, "0x") || at(src, i, "0X")) && i+2 < n && (isHex(src[i+2]) || src[i+2] == '_'):
		j, t = runOf(src, i+2, func(c byte) bool { return isHex(c) || c == '_' }), chroma.LiteralNumberHex
	default:
		j = digits(src, i)
		if e := rustFloat(src, j); e > j {
			j, t = e, chroma.LiteralNumberFloat
		}
	}
	w.token(t, src[i:j])
	// A suffix: u8 ... usize, i8 ... isize, f32, f64.
	k := j
	switch {
	case at(src, j, "u") || at(src, j, "i"):
		for _, s := range [...]string{"8", "16", "32", "64", "size"} {
			if at(src, j+1, s) {
				k = j + 1 + len(s)
				break
			}
		}
	case at(src, j, "f32") || at(src, j, "f64"):
		k = j + 3
	}
	if k > j {
		w.token(chroma.Keyword, src[j:k])
	}
	return k
}

// runOf returns the end of the run of bytes at src[i] that ok accepts.
func runOf(src []byte, i int, ok func(byte) bool) int {
	for i < len(src) && ok(src[i]) {
		i++
	}
	return i
}

// rustFloat returns the end of the fraction or exponent that makes the
// digits ending at src[j] a float, as chroma's pattern reads one, or j.
// Its alternatives, in order: a dot, digits and an exponent; a dot and
// digits not followed by another dot (1..2 is a range, 1.0. backs off a
// digit); an exponent.
func rustFloat(src []byte, j int) int {
	isDigitU := func(c byte) bool { return isDigit(c) || c == '_' }
	exponent := func(k int) int {
		if k < len(src) && src[k]|0x20 == 'e' {
			e := k + 1
			if at(src, e, "+") || at(src, e, "-") {
				e++
			}
			if f := runOf(src, e, isDigitU); f > e {
				return f
			}
		}
		return 0
	}
	if at(src, j, ".") {
		d := runOf(src, j+1, isDigitU)
		if d > j+1 {
			if e := exponent(d); e > 0 {
				return e
			}
		}
		if !at(src, d, ".") {
			return d
		}
		if d > j+1 {
			return d - 1
		}
	}
	if e := exponent(j); e > 0 {
		return e
	}
	return j
}

// rustAttribute writes the attribute starting at src[i], #[ or #![, with
// the brackets nested in it, as cp with its strings as s, and returns its
// end. One left open runs to the end of src.
func rustAttribute(w *writer, src []byte, i int) int {
	n := len(src)
	j := i + 2
	if src[i+1] == '!' {
		j++
	}
	depth := 1
	seg := i
	for j < n && depth > 0 {
		switch src[j] {
		case '[':
			depth++
			j++
		case ']':
			depth--
			j++
		case '"':
			w.token(chroma.CommentPreproc, src[seg:j])
			j = rustString(w, src, j+1, j, false, false, -1)
			seg = j
		default:
			j++
		}
	}
	w.token(chroma.CommentPreproc, src[seg:j])
	return j
}
