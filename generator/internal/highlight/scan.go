package highlight

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// A spec describes a C-like or script language to the generic scanner,
// scan. Each language is a value of this type in langs.go; the scanner
// itself knows no language.
type spec struct {
	lineComments []string  // openers of comments that run to the end of the line
	docComments  []string  // line-comment openers written as doc strings (sd)
	blockComment [2]string // opener and closer of block comments
	nested       bool      // block comments nest

	quotes      []quote // string and character literals, longest delimiter first
	prefixes    string  // characters that may prefix a string: r"", f"", b"", @""
	affix       bool    // write a string's prefix as sa rather than as string
	rawHashes   bool    // a raw string may be fenced with hashes: r#"..."# (Rust)
	showEscapes bool    // write backslash escapes inside strings as se

	keywords []group // names with a type of their own
	foldCase bool    // keywords match whatever their case (SQL)

	builtinCall bool // builtins and types are nb only when called (Go)
	preproc     bool // a line starting with # is a preprocessor directive (cp)
	hashAttr    bool // #[...] and #![...] are attributes (cp), as in Rust
	bracketAttr bool // [Name] starting a line is an attribute (na), as in C#
	decorators  bool // @name is a decorator or annotation (nd)
	rubyVars    bool // @x, @@x, $x are variables and :x a symbol, as in Ruby
	regex       bool // /.../ where an operand is expected is a regexp (sr)
	dollarIdent bool // $ may appear in names (JavaScript, Java)
	macros      bool // name! is a macro (fm), as in Rust
	predicates  bool // a name may end in ? or !, as in Ruby
	lifetimes   bool // 'a that is not a character literal is a lifetime (na)
	sqlDollar   bool // $1 is a parameter (nv), $tag$ quotes a body (s)
	heredocs    bool // <<EOF ... EOF is a heredoc (sh), as in HCL
	assignAttr  bool // a name before = is an attribute (na), as in HCL

	number chroma.TokenType // the type of every number; 0 tells hex, float...
	punct  string           // operator characters that are punctuation alone

	words map[string]word // keywords, compiled from keywords by compile
	opens [256]bool       // bytes that may open a comment or literal, by compile
}

// A group gives the words of a space-separated list one token type and,
// when next is not zero, a type for the name that follows one of them,
// as "class" makes the next name a class name.
type group struct {
	t     chroma.TokenType
	words string
	next  chroma.TokenType
}

// A word is a keyword's entry in spec.words.
type word struct {
	t, next chroma.TokenType
}

// A quote is one form of string or character literal.
type quote struct {
	delim   string           // opening and closing delimiter
	t       chroma.TokenType // token type
	esc     escMode          // what a backslash does
	multi   bool             // may span lines
	doubled bool             // the delimiter written twice stands for itself
	char    bool             // a character literal: one character or escape
	interp  interp           // how expressions are embedded
}

// An interp says how a string embeds expressions, written as si around
// the expression, which is scanned as code.
type interp uint8

const (
	noInterp    interp = iota
	dollarBrace        // ${expr}, as in JavaScript templates
	dollarName         // ${expr} and $name, as in Kotlin
	braces             // {expr}, with {{ for a brace, as in Python f-strings
	hashBrace          // #{expr}, as in Ruby
)

// An escMode says what a backslash in a string does.
type escMode uint8

const (
	escShow escMode = iota // starts an escape, written as se if the spec says so
	escSkip                // keeps the next character from ending the string (Python r"")
	escNone                // nothing (Go `raw`, Rust r"", C# @"")
)

// maxDepth bounds how deeply interpolations are scanned as code; deeper
// ones are written as string text.
const maxDepth = 16

// compile builds s.words and s.opens and returns s.
func compile(s *spec) *spec {
	for _, open := range slices.Concat(s.lineComments, s.docComments, s.blockComment[:1]) {
		if open != "" {
			s.opens[open[0]] = true
		}
	}
	for _, q := range s.quotes {
		s.opens[q.delim[0]] = true
	}
	for _, c := range []byte(s.prefixes) {
		s.opens[c] = true
	}
	s.words = make(map[string]word)
	for _, g := range s.keywords {
		for _, k := range strings.Fields(g.words) {
			if s.foldCase {
				k = strings.ToLower(k)
			}
			s.words[k] = word{g.t, g.next}
		}
	}
	return s
}

// scan writes src as a sequence of tokens of s's language.
func (s *spec) scan(w *writer, src []byte) { s.scanDepth(w, src, 0) }

// scanDepth is scan for code depth interpolations deep.
func (s *spec) scanDepth(w *writer, src []byte, depth int) {
	var (
		i         int
		lineStart = true           // only whitespace since the line began
		after     chroma.TokenType // type for the next name, set by a keyword
		operand   bool             // the last token ends an operand
		n         = len(src)
	)
	for i < n {
		c := src[i]
		if isSpace(c) {
			j := i
			for j < n && isSpace(src[j]) {
				if src[j] == '\n' {
					lineStart = true
				}
				j++
			}
			w.plain(src[i:j])
			i = j
			continue
		}
		pending := after
		after = 0
		atLineStart := lineStart
		lineStart = false

		if s.preproc && atLineStart && c == '#' {
			i = s.directive(w, src, i)
			operand = false
			continue
		}
		if s.hashAttr && c == '#' && (at(src, i+1, "[") || at(src, i+1, "![")) {
			j := matchClose(src, i+1, '[', ']')
			w.token(chroma.CommentPreproc, src[i:j])
			i = j
			continue
		}
		if s.bracketAttr && atLineStart && c == '[' {
			if j := attribute(src, i); j > 0 {
				w.token(chroma.NameAttribute, src[i:j])
				i = j
				continue
			}
		}
		if s.opens[c] {
			if j, t := s.comment(src, i); j > 0 {
				w.token(t, src[i:j])
				i = j
				continue
			}
			if j := s.literal(w, src, i, depth); j > 0 {
				i = j
				operand = true
				continue
			}
		}

		switch {
		case isDigit(c) || c == '.' && !operand && i+1 < n && isDigit(src[i+1]):
			j, t := number(src, i)
			if s.number != 0 {
				t = s.number
			}
			w.token(t, src[i:j])
			i = j
			operand = true
			continue
		case isNameStart(c) || c == '$' && s.dollarIdent:
			i, after, operand = s.name(w, src, i, pending)
			continue
		case c == '@' && s.decorators && i+1 < n && isNameStart(src[i+1]):
			j := i + 1
			for j < n && (isName(src[j]) || src[j] == '.') {
				j++
			}
			w.token(chroma.NameDecorator, src[i:j])
			i = j
			continue
		case s.rubyVars && (c == '@' || c == '$' || c == ':'):
			if j, t := rubyVar(src, i); j > 0 {
				w.token(t, src[i:j])
				i = j
				operand = true
				continue
			}
		case s.regex && c == '/' && !operand:
			if j := regexEnd(src, i); j > 0 {
				w.token(chroma.LiteralStringRegex, src[i:j])
				i = j
				operand = true
				continue
			}
		case s.sqlDollar && c == '$':
			if j, t := sqlDollar(src, i); j > 0 {
				w.token(t, src[i:j])
				i = j
				operand = t == chroma.NameVariable
				continue
			}
		case s.heredocs && c == '<':
			if j := heredoc(src, i); j > 0 {
				w.token(chroma.LiteralStringHeredoc, src[i:j])
				i = j
				operand = true
				continue
			}
		}

		switch {
		case isBracket(c):
			w.token(chroma.Punctuation, src[i:i+1])
			operand = c == ')' || c == ']' || c == '}'
			i++
		case isOperator(c):
			j := i + 1
			for j < n && isOperator(src[j]) && !s.opStop(src, j) {
				j++
			}
			t := chroma.Operator
			if j == i+1 && strings.IndexByte(s.punct, c) >= 0 {
				t = chroma.Punctuation
			}
			w.token(t, src[i:j])
			i = j
			operand = false
		default:
			_, m := utf8.DecodeRune(src[i:])
			w.plain(src[i : i+m])
			i += m
			operand = false
		}
	}
}

// opStop reports whether an operator that has reached src[j] must end
// there: because a comment or a number starts at j.
func (s *spec) opStop(src []byte, j int) bool {
	if src[j] == '.' && j+1 < len(src) && isDigit(src[j+1]) {
		return true
	}
	for _, open := range s.lineComments {
		if at(src, j, open) {
			return true
		}
	}
	return s.blockComment[0] != "" && at(src, j, s.blockComment[0])
}

// name writes the name starting at src[i], typed as a keyword if it is
// one, as pending if a keyword asked for that, as a function if it is
// called, and as plain text otherwise. It returns the name's end, the
// type for the name after it, and whether it ends an operand.
func (s *spec) name(w *writer, src []byte, i int, pending chroma.TokenType) (int, chroma.TokenType, bool) {
	n := len(src)
	j := i + 1
	for j < n && (isName(src[j]) || s.dollarIdent && src[j] == '$') {
		j++
	}
	if s.predicates && j < n && (src[j] == '?' || src[j] == '!') && !at(src, j+1, "=") {
		j++
	}
	if s.macros && j < n && src[j] == '!' && !at(src, j+1, "=") {
		w.token(chroma.NameFunctionMagic, src[i:j+1])
		return j + 1, 0, false
	}
	called := j < n && src[j] == '('
	k, isKeyword := s.lookup(src[i:j])
	if (pending == chroma.NameFunction || pending == chroma.NameClass) && (!isKeyword || k.next == 0) {
		// def initialize, class Object: the name declared wins over a
		// keyword, unless that declares too, as in enum class Color.
		w.token(pending, src[i:j])
		return j, 0, true
	}
	if s.assignAttr && assigned(src, j) {
		// count = 2: a name being set is an attribute, keyword or not.
		w.token(chroma.NameAttribute, src[i:j])
		return j, 0, true
	}
	if isKeyword {
		t := k.t
		if s.builtinCall && (t == chroma.KeywordType || t == chroma.NameBuiltin) {
			if called {
				t = chroma.NameBuiltin
			} else if t == chroma.NameBuiltin {
				t = chroma.Name
			}
		}
		w.token(t, src[i:j])
		switch t.Category() {
		case chroma.Keyword:
			return j, k.next, t == chroma.KeywordConstant || t == chroma.KeywordType
		default:
			return j, k.next, true
		}
	}
	switch {
	case pending == chroma.NameNamespace:
		// A dotted or ::-separated path: a.b.c, std::io.
		for {
			k := j
			if at(src, k, "::") {
				k += 2
			} else if at(src, k, ".") {
				k++
			} else {
				break
			}
			if k >= n || !isNameStart(src[k]) {
				break
			}
			for j = k + 1; j < n && isName(src[j]); j++ {
			}
		}
		w.token(pending, src[i:j])
	case pending != 0:
		w.token(pending, src[i:j])
	case called:
		w.token(chroma.NameFunction, src[i:j])
	default:
		w.plain(src[i:j])
	}
	return j, 0, true
}

// assigned reports whether src[j:] starts, after spaces, with an =
// that is not part of == or =>.
func assigned(src []byte, j int) bool {
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	return at(src, j, "=") && !at(src, j+1, "=") && !at(src, j+1, ">")
}

// lookup returns the keyword entry of name, if it has one.
func (s *spec) lookup(name []byte) (word, bool) {
	if !s.foldCase {
		k, ok := s.words[string(name)]
		return k, ok
	}
	var lower [32]byte
	if len(name) > len(lower) {
		return word{}, false
	}
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	k, ok := s.words[string(lower[:len(name)])]
	return k, ok
}

// comment returns the end and type of a comment starting at src[i], or
// 0 when none does. A line comment ends before its newline; a block
// comment left open runs to the end of src.
func (s *spec) comment(src []byte, i int) (int, chroma.TokenType) {
	for _, open := range s.docComments {
		if at(src, i, open) {
			return lineEnd(src, i), chroma.LiteralStringDoc
		}
	}
	for _, open := range s.lineComments {
		if at(src, i, open) {
			return lineEnd(src, i), chroma.CommentSingle
		}
	}
	open, closer := s.blockComment[0], s.blockComment[1]
	if open == "" || !at(src, i, open) {
		return 0, 0
	}
	depth := 0
	for j := i; j < len(src); {
		switch {
		case at(src, j, open) && (depth == 0 || s.nested):
			depth++
			j += len(open)
		case at(src, j, closer):
			j += len(closer)
			if depth--; depth == 0 {
				return j, chroma.CommentMultiline
			}
		default:
			j++
		}
	}
	return len(src), chroma.CommentMultiline
}

// literal writes the string or character literal starting at src[i],
// prefix included, and returns its end, or 0 when none starts there.
func (s *spec) literal(w *writer, src []byte, i, depth int) int {
	// A prefix: r"", rb'', f"""""", @"", $"", r#""#.
	body := i
	for body < len(src) && body-i < 3 && strings.IndexByte(s.prefixes, src[body]) >= 0 {
		body++
	}
	prefix := src[i:body]
	esc, mode, hashes := escShow, noInterp, 0
	for _, p := range prefix {
		switch p {
		case 'r', 'R', '@':
			esc = escSkip
			if p == '@' || s.rawHashes {
				esc = escNone
			}
		case 'f', 'F':
			mode = braces
		}
	}
	if esc == escNone && s.rawHashes {
		for body+hashes < len(src) && src[body+hashes] == '#' {
			hashes++
		}
	}
	q := s.quoteAt(src, body+hashes)
	if q == nil || hashes > 0 && q.char {
		return 0
	}
	if q.char && len(prefix) == 0 {
		return s.char(w, src, i, q)
	}
	seg := i
	if s.affix && len(prefix) > 0 {
		w.token(chroma.LiteralStringAffix, prefix)
		seg = body
	}
	esc = max(esc, q.esc)
	if mode == noInterp {
		mode = q.interp
	}
	return s.str(w, src, seg, body+hashes+len(q.delim), q, esc, hashes, mode, depth)
}

// quoteAt returns the quote whose delimiter starts at src[i], if any.
func (s *spec) quoteAt(src []byte, i int) *quote {
	if i >= len(src) {
		return nil
	}
	for k := range s.quotes {
		q := &s.quotes[k]
		if q.delim[0] == src[i] && at(src, i, q.delim) {
			return q
		}
	}
	return nil
}

// char writes the character literal starting at src[i] and returns its
// end. What only looks like one is a lifetime (Rust) or a lone quote.
func (s *spec) char(w *writer, src []byte, i int, q *quote) int {
	n := len(src)
	j := i + 1
	end := 0
	switch {
	case j >= n || src[j] == '\n' || src[j] == '\'':
	case src[j] == '\\':
		for k := j + 2; k < n && k < j+12 && src[k] != '\n'; k++ {
			if src[k] == '\'' {
				end = k + 1
				break
			}
		}
	default:
		_, m := utf8.DecodeRune(src[j:])
		if at(src, j+m, "'") {
			end = j + m + 1
		}
	}
	if end > 0 {
		// Escapes are not set apart in a character: '\n' is one token.
		return s.str(w, src, i, i+1, q, max(q.esc, escSkip), 0, noInterp, 0)
	}
	if s.lifetimes && j < n && isNameStart(src[j]) {
		k := j + 1
		for k < n && isName(src[k]) {
			k++
		}
		w.token(chroma.NameAttribute, src[i:k])
		return k
	}
	w.plain(src[i:j])
	return j
}

// str writes a string whose unwritten text starts at src[seg] and whose
// body, after the opening delimiter, at src[body], and returns its end.
// A string left open ends at the end of src, or of its line if it may
// not span lines. hashes is the number of # fencing a raw string.
func (s *spec) str(w *writer, src []byte, seg, body int, q *quote, esc escMode, hashes int, mode interp, depth int) int {
	n := len(src)
	t := q.t
	for j := body; j < n; {
		c := src[j]
		switch {
		case c == q.delim[0] && at(src, j, q.delim) && fenced(src, j+len(q.delim), hashes):
			if q.doubled && at(src, j+len(q.delim), q.delim) {
				j += 2 * len(q.delim)
				continue
			}
			j += len(q.delim) + hashes
			w.token(t, src[seg:j])
			return j
		case c == '\\' && esc != escNone:
			k := escapeEnd(src, j)
			if esc == escShow && s.showEscapes {
				w.token(t, src[seg:j])
				w.token(chroma.LiteralStringEscape, src[j:k])
				seg = k
			}
			j = k
		case c == '\n' && !q.multi:
			w.token(t, src[seg:j])
			return j
		case mode == braces && c == '{' && at(src, j+1, "{"):
			j += 2
		case mode != noInterp && (c == '$' || c == '{' || c == '#'):
			k := s.interpolation(w, src, seg, j, t, mode, q.multi, depth)
			if k == 0 {
				j++
				continue
			}
			seg, j = k, k
		default:
			j++
		}
	}
	w.token(t, src[seg:])
	return n
}

// fenced reports whether hashes # follow at src[j].
func fenced(src []byte, j, hashes int) bool {
	for k := range hashes {
		if j+k >= len(src) || src[j+k] != '#' {
			return false
		}
	}
	return true
}

// interpolation writes the embedded expression starting at src[j] in a
// string of type t whose unwritten text starts at src[seg], and returns
// the expression's end, or 0 if none starts at j.
func (s *spec) interpolation(w *writer, src []byte, seg, j int, t chroma.TokenType, mode interp, multi bool, depth int) int {
	open := 0
	switch {
	case (mode == dollarBrace || mode == dollarName) && at(src, j, "${"):
		open = 2
	case mode == hashBrace && at(src, j, "#{"):
		open = 2
	case mode == braces && src[j] == '{':
		open = 1
	case mode == dollarName && src[j] == '$' && j+1 < len(src) && isNameStart(src[j+1]):
		k := j + 2
		for k < len(src) && isName(src[k]) {
			k++
		}
		w.token(t, src[seg:j])
		w.token(chroma.LiteralStringInterpol, src[j:k])
		return k
	default:
		return 0
	}
	end := closeBrace(src, j+open, multi)
	if end < 0 {
		return 0
	}
	w.token(t, src[seg:j])
	w.token(chroma.LiteralStringInterpol, src[j:j+open])
	if depth < maxDepth {
		s.scanDepth(w, src[j+open:end], depth+1)
	} else {
		w.token(t, src[j+open:end])
	}
	w.token(chroma.LiteralStringInterpol, src[end:end+1])
	return end + 1
}

// closeBrace returns the index of the } closing a brace opened before
// src[i], or -1 if there is none (on the same line, unless multi).
func closeBrace(src []byte, i int, multi bool) int {
	depth := 0
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return j
			}
			depth--
		case '\n':
			if !multi {
				return -1
			}
		}
	}
	return -1
}

// escapeEnd returns the end of the backslash escape at src[j].
func escapeEnd(src []byte, j int) int {
	n := len(src)
	k := j + 1
	if k >= n {
		return n
	}
	switch c := src[k]; {
	case c == 'x':
		return hexRun(src, k+1, 2)
	case c == 'u' && at(src, k+1, "{"):
		for e := k + 2; e < n && e < k+12; e++ {
			if src[e] == '}' {
				return e + 1
			}
		}
		return k + 1
	case c == 'u':
		return hexRun(src, k+1, 4)
	case c == 'U':
		return hexRun(src, k+1, 8)
	case '0' <= c && c <= '7':
		e := k + 1
		for e < n && e < k+3 && '0' <= src[e] && src[e] <= '7' {
			e++
		}
		return e
	default:
		_, m := utf8.DecodeRune(src[k:])
		return k + m
	}
}

// hexRun returns the end of up to max hex digits starting at src[i].
func hexRun(src []byte, i, max int) int {
	j := i
	for j < len(src) && j < i+max && isHex(src[j]) {
		j++
	}
	return j
}

// number returns the end and type of the number starting at src[i],
// which is a digit, or a dot before one. A suffix (UL, f64, n, j) is part
// of the number.
func number(src []byte, i int) (int, chroma.TokenType) {
	j, t := numberBody(src, i)
	return suffix(src, j), t
}

// numberBody is number without the suffix.
func numberBody(src []byte, i int) (int, chroma.TokenType) {
	n := len(src)
	j := i
	t := chroma.LiteralNumberInteger
	if src[j] == '0' && j+2 < n {
		var ok func(byte) bool
		switch src[j+1] | 0x20 {
		case 'x':
			ok, t = isHex, chroma.LiteralNumberHex
		case 'b':
			ok, t = isBin, chroma.LiteralNumberBin
		case 'o':
			ok, t = isOct, chroma.LiteralNumberOct
		}
		if ok != nil && ok(src[j+2]) {
			j += 3
			for j < n && (ok(src[j]) || src[j] == '_') {
				j++
			}
			return j, t
		}
		t = chroma.LiteralNumberInteger
	}
	j = digits(src, j)
	if j < n && src[j] == '.' && j+1 < n && isDigit(src[j+1]) {
		j = digits(src, j+1)
		t = chroma.LiteralNumberFloat
	}
	if j < n && src[j]|0x20 == 'e' {
		k := j + 1
		if k < n && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k < n && isDigit(src[k]) {
			j = digits(src, k)
			t = chroma.LiteralNumberFloat
		}
	}
	if t == chroma.LiteralNumberInteger && src[i] == '0' && j-i > 1 {
		t = chroma.LiteralNumberOct
		for _, c := range src[i:j] {
			if !isOct(c) && c != '_' {
				t = chroma.LiteralNumberInteger
			}
		}
	}
	return j, t
}

// digits returns the end of the run of digits and underscores at src[i].
func digits(src []byte, i int) int {
	for i < len(src) && (isDigit(src[i]) || src[i] == '_') {
		i++
	}
	return i
}

// suffix returns the end of the letters and digits at src[i].
func suffix(src []byte, i int) int {
	for i < len(src) && isName(src[i]) && src[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// directive writes the C preprocessor directive starting at src[i] and
// returns its end: the end of its line, or of the last line it continues
// onto with a backslash, or the start of a comment.
func (s *spec) directive(w *writer, src []byte, i int) int {
	n := len(src)
	j := i + 1
	for j < n && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	k := j
	for k < n && isName(src[k]) {
		k++
	}
	if d := src[j:k]; string(d) == "include" || string(d) == "import" {
		m := k
		for m < n && (src[m] == ' ' || src[m] == '\t') {
			m++
		}
		if m < n && (src[m] == '<' || src[m] == '"') {
			closer := byte('>')
			if src[m] == '"' {
				closer = '"'
			}
			e := m + 1
			for e < n && src[e] != closer && src[e] != '\n' {
				e++
			}
			if e < n && src[e] == closer {
				e++
			}
			w.token(chroma.CommentPreproc, src[i:k])
			w.plain(src[k:m])
			w.token(chroma.CommentPreprocFile, src[m:e])
			return e
		}
	}
	for ; k < n; k++ {
		if src[k] == '\n' {
			if continued(src, k) {
				continue
			}
			break
		}
		if src[k] == '/' && (at(src, k+1, "/") || at(src, k+1, "*")) {
			break
		}
	}
	w.token(chroma.CommentPreproc, src[i:k])
	return k
}

// continued reports whether the newline at src[k] ends a line that
// continues, with a backslash, onto the next.
func continued(src []byte, k int) bool {
	if k > 0 && src[k-1] == '\r' {
		k--
	}
	return k > 0 && src[k-1] == '\\'
}

// attribute returns the end of a C# attribute, [Name(...)], starting at
// src[i], the start of a line, or 0 if none closes on that line.
func attribute(src []byte, i int) int {
	j := i + 1
	if j >= len(src) || !isNameStart(src[j]) {
		return 0
	}
	depth := 0
	for ; j < len(src) && src[j] != '\n'; j++ {
		switch src[j] {
		case '[':
			depth++
		case ']':
			if depth == 0 {
				return j + 1
			}
			depth--
		}
	}
	return 0
}

// matchClose returns the end of the bracketed text whose opener, open,
// is at src[i] or after a ! there, or the end of src if it is not closed.
func matchClose(src []byte, i int, open, closer byte) int {
	depth := 0
	for j := i; j < len(src); j++ {
		switch src[j] {
		case open:
			depth++
		case closer:
			if depth--; depth == 0 {
				return j + 1
			}
		}
	}
	return len(src)
}

// regexEnd returns the end of the regular expression literal starting
// at src[i], flags included, or 0 if none closes on its line.
func regexEnd(src []byte, i int) int {
	class := false
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\n':
			return 0
		case '\\':
			j++
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				j++
				for j < len(src) && isLetter(src[j]) {
					j++
				}
				return j
			}
		}
	}
	return 0
}

// rubyVar returns the end and type of a Ruby instance, class or global
// variable or a symbol starting at src[i], or 0. A colon starts a symbol
// only when it follows neither a name nor another colon.
func rubyVar(src []byte, i int) (int, chroma.TokenType) {
	n := len(src)
	j := i + 1
	t := chroma.NameVariableGlobal
	switch src[i] {
	case '@':
		t = chroma.NameVariableInstance
		if at(src, j, "@") {
			t = chroma.NameVariableClass
			j++
		}
	case ':':
		if at(src, j, ":") || i > 0 && (src[i-1] == ':' || isName(src[i-1])) {
			return 0, 0
		}
		t = chroma.LiteralStringSymbol
	}
	if j >= n || !isNameStart(src[j]) {
		return 0, 0
	}
	for j++; j < n && isName(src[j]); j++ {
	}
	if t == chroma.LiteralStringSymbol && j < n && (src[j] == '?' || src[j] == '!') {
		j++
	}
	return j, t
}

// sqlDollar returns the end and type of a PostgreSQL parameter, $1 (nv),
// or dollar quote, $$ or $tag$ (s), starting at src[i], or 0.
func sqlDollar(src []byte, i int) (int, chroma.TokenType) {
	j := i + 1
	if j < len(src) && isDigit(src[j]) {
		for j < len(src) && isDigit(src[j]) {
			j++
		}
		return j, chroma.NameVariable
	}
	for j < len(src) && isName(src[j]) && !(j == i+1 && isDigit(src[j])) {
		j++
	}
	if j < len(src) && src[j] == '$' {
		return j + 1, chroma.LiteralString
	}
	return 0, 0
}

// heredoc returns the end of a heredoc, <<TAG or <<-TAG, then lines up to
// one holding only TAG, starting at src[i], or 0 if none starts there.
// One left open runs to the end of src.
func heredoc(src []byte, i int) int {
	n := len(src)
	j := i + 2
	if !at(src, i, "<<") {
		return 0
	}
	if at(src, j, "-") || at(src, j, "~") {
		j++
	}
	k := j
	for k < n && isName(src[k]) {
		k++
	}
	tag := src[j:k]
	if len(tag) == 0 {
		return 0
	}
	if at(src, k, "\r") {
		k++
	}
	if !at(src, k, "\n") {
		return 0
	}
	for line := k + 1; line < n; {
		end := lineEnd(src, line)
		if bytes.Equal(trimSpace(src[line:end]), tag) {
			return end
		}
		line = end + 1
	}
	return n
}

// lineEnd returns the index of the newline ending the line that holds
// src[i], or len(src).
func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	return i
}

// at reports whether s occurs in src at i.
func at(src []byte, i int, s string) bool {
	return i >= 0 && i+len(s) <= len(src) && string(src[i:i+len(s)]) == s
}

// trimSpace returns b without leading and trailing spaces, tabs and \r.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// Character classes, as read-only lookup tables.
var (
	nameChars     [256]bool // letters, digits, _ and every non-ASCII byte
	operatorChars [256]bool
	bracketChars  [256]bool
)

func init() {
	for c := range 256 {
		b := byte(c)
		nameChars[c] = isLetter(b) || isDigit(b) || b == '_' || b >= utf8.RuneSelf
	}
	for _, c := range []byte("!%&*+-/:<=>?^|~.") {
		operatorChars[c] = true
	}
	for _, c := range []byte("()[]{},;") {
		bracketChars[c] = true
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
func isDigit(c byte) bool     { return '0' <= c && c <= '9' }
func isLetter(c byte) bool    { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isHex(c byte) bool       { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }
func isOct(c byte) bool       { return '0' <= c && c <= '7' }
func isBin(c byte) bool       { return c == '0' || c == '1' }
func isName(c byte) bool      { return nameChars[c] }
func isNameStart(c byte) bool { return nameChars[c] && !isDigit(c) }
func isOperator(c byte) bool  { return operatorChars[c] }
func isBracket(c byte) bool   { return bracketChars[c] }
