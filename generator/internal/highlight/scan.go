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
// itself knows no language. The specs follow chroma's lexers for their
// languages, which the agreement tests hold them to.
type spec struct {
	lineComments []string  // openers of comments that run to the end of the line
	blockComment [2]string // opener and closer of block comments

	quotes      []quote // string and character literals, longest delimiter first
	prefixes    string  // characters that may prefix a string: r"", f"", b"", @""
	affix       bool    // write a string's prefix as sa rather than as string
	showEscapes bool    // write backslash escapes inside strings as se

	keywords []group // names with a type of their own

	calls       bool // a name before ( is a function (nf), as chroma has it in Go and C
	pyImports   bool // Python: import lists, from ... import, builtins not after a dot
	builtinCall bool // builtins and types are nb only when called (Go)
	preproc     bool // a line starting with # is a preprocessor directive (cp)
	bracketAttr bool // [Name] starting a line is an attribute (na), as in C#
	decorators  bool // @name is a decorator or annotation (nd)
	regex       bool // /.../ where an operand is expected is a regexp (sr)
	dollarIdent bool // $ may appear in names (JavaScript)

	number  chroma.TokenType // the type of every number; 0 tells hex, float...
	punct   string           // operator characters that are punctuation alone
	opPunct bool             // every operator is punctuation, as chroma has it in C#

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
	delim  string           // opening and closing delimiter
	t      chroma.TokenType // token type
	esc    escMode          // what a backslash does
	multi  bool             // may span lines
	char   bool             // a character literal: one character or escape
	interp interp           // how expressions are embedded
}

// An interp says how a string embeds expressions, written as si around
// the expression, which is scanned as code.
type interp uint8

const (
	noInterp    interp = iota
	dollarBrace        // ${expr}, as in JavaScript templates
	braces             // {expr}, with {{ for a brace, as in Python f-strings
)

// An escMode says what a backslash in a string does.
type escMode uint8

const (
	escShow escMode = iota // starts an escape, written as se if the spec says so
	escSkip                // keeps the next character from ending the string (Python r"")
	escNone                // nothing (Go `raw`, C# @"")
)

// maxDepth bounds how deeply interpolations are scanned as code; deeper
// ones are written as string text.
const maxDepth = 16

// compile builds s.words and s.opens and returns s.
func compile(s *spec) *spec {
	for _, open := range slices.Concat(s.lineComments, s.blockComment[:1]) {
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
		case s.regex && c == '/' && !operand:
			if j := regexEnd(src, i); j > 0 {
				w.token(chroma.LiteralStringRegex, src[i:j])
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
			if s.opPunct || j == i+1 && strings.IndexByte(s.punct, c) >= 0 {
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
	called := j < n && src[j] == '('
	k, isKeyword := s.lookup(src[i:j])
	if s.pyImports && isKeyword {
		switch {
		case i > 0 && src[i-1] == '.' && (k.t == chroma.NameBuiltin || k.t == chroma.NameBuiltinPseudo || k.t == chroma.NameException):
			// self.type: a builtin's name after a dot is an attribute's.
			isKeyword = false
		case string(src[i:j]) == "import" && j < n && isSpace(src[j]):
			w.token(k.t, src[i:j])
			if fromClause(src, i) {
				// from a import b: b is a plain name.
				return j, 0, false
			}
			return pyImportList(w, src, j), 0, true
		}
	}
	if (pending == chroma.NameFunction || pending == chroma.NameClass) && (!isKeyword || k.next == 0) {
		// def initialize, class Object: the name declared wins over a
		// keyword, unless that declares too, as in enum class Color.
		w.token(pending, src[i:j])
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
	case called && s.calls:
		w.token(chroma.NameFunction, src[i:j])
	default:
		w.plain(src[i:j])
	}
	return j, 0, true
}

// fromClause reports whether the import at src[i] ends a from clause:
// its line starts with from.
func fromClause(src []byte, i int) bool {
	start := i
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	start = skipBlank(src, start)
	return at(src, start, "from") && start+4 < len(src) && isSpace(src[start+4])
}

// pyImportList writes the modules an import names, from src[j], as chroma's
// Python lexer does: names and dots as nn, as as k and commas as o, and
// returns where the list ends.
func pyImportList(w *writer, src []byte, j int) int {
	n := len(src)
	k := skipSpace(src, j)
	w.plain(src[j:k])
	for j = k; j < n; {
		c := src[j]
		switch {
		case c == '.':
			w.token(chroma.NameNamespace, src[j:j+1])
			j++
			continue
		case isNameStart(c):
			e := j + 1
			for e < n && isName(src[e]) {
				e++
			}
			w.token(chroma.NameNamespace, src[j:e])
			j = e
			continue
		}
		k := skipSpace(src, j)
		switch {
		case k > j && at(src, k, "as") && k+2 < n && isSpace(src[k+2]):
			e := skipSpace(src, k+2)
			w.plain(src[j:k])
			w.token(chroma.Keyword, src[k:k+2])
			w.plain(src[k+2 : e])
			j = e
		case at(src, k, ","):
			e := skipSpace(src, k+1)
			w.plain(src[j:k])
			w.token(chroma.Operator, src[k:k+1])
			w.plain(src[k+1 : e])
			j = e
		default:
			return j
		}
	}
	return j
}

// lookup returns the keyword entry of name, if it has one.
func (s *spec) lookup(name []byte) (word, bool) {
	k, ok := s.words[string(name)]
	return k, ok
}

// comment returns the end and type of a comment starting at src[i], or
// 0 when none does. A line comment ends before its newline; a block
// comment left open runs to the end of src.
func (s *spec) comment(src []byte, i int) (int, chroma.TokenType) {
	for _, open := range s.lineComments {
		if at(src, i, open) {
			return lineEnd(src, i), chroma.CommentSingle
		}
	}
	open, closer := s.blockComment[0], s.blockComment[1]
	if open == "" || !at(src, i, open) {
		return 0, 0
	}
	if k := bytes.Index(src[i+len(open):], []byte(closer)); k >= 0 {
		return i + len(open) + k + len(closer), chroma.CommentMultiline
	}
	return len(src), chroma.CommentMultiline
}

// literal writes the string or character literal starting at src[i],
// prefix included, and returns its end, or 0 when none starts there.
func (s *spec) literal(w *writer, src []byte, i, depth int) int {
	// A prefix: r"", rb'', f"""""", @"", $"".
	body := i
	for body < len(src) && body-i < 3 && strings.IndexByte(s.prefixes, src[body]) >= 0 {
		body++
	}
	prefix := src[i:body]
	esc, mode := escShow, noInterp
	for _, p := range prefix {
		switch p {
		case 'r', 'R':
			esc = escSkip
		case '@':
			esc = escNone
		case 'f', 'F':
			mode = braces
		}
	}
	q := s.quoteAt(src, body)
	if q == nil {
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
	return s.str(w, src, seg, body+len(q.delim), q, esc, mode, depth)
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
// end. What only looks like one is a lone quote.
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
		return s.str(w, src, i, i+1, q, max(q.esc, escSkip), noInterp, 0)
	}
	w.plain(src[i:j])
	return j
}

// str writes a string whose unwritten text starts at src[seg] and whose
// body, after the opening delimiter, at src[body], and returns its end.
// A string left open ends at the end of src, or of its line if it may
// not span lines.
func (s *spec) str(w *writer, src []byte, seg, body int, q *quote, esc escMode, mode interp, depth int) int {
	n := len(src)
	t := q.t
	for j := body; j < n; {
		c := src[j]
		switch {
		case c == q.delim[0] && at(src, j, q.delim):
			j += len(q.delim)
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
		case mode != noInterp && (c == '$' || c == '{'):
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
	case mode == dollarBrace && at(src, j, "${"):
		open = 2
	case mode == braces && src[j] == '{':
		open = 1
	default:
		return 0
	}
	end := closeBrace(src, j+open, multi)
	if end < 0 {
		return 0
	}
	w.token(t, src[seg:j])
	w.token(chroma.LiteralStringInterpol, src[j:j+open])
	spec := end
	if mode == braces {
		spec = formatSpec(src, j+open, end)
	}
	if depth < maxDepth {
		s.scanDepth(w, src[j+open:spec], depth+1)
	} else {
		w.token(t, src[j+open:spec])
	}
	w.token(t, src[spec:end])
	w.token(chroma.LiteralStringInterpol, src[end:end+1])
	return end + 1
}

// formatSpec returns where the expression of a Python f-string's
// replacement field, from src[i] to the closing brace at src[end], ends:
// at its conversion (!r), format spec (:>10) or self-documenting =, all
// string text, or at end.
func formatSpec(src []byte, i, end int) int {
	depth := 0
	for j := i; j < end; j++ {
		switch c := src[j]; {
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case c == '"' || c == '\'':
			if k := indexByte(src[:end], j+1, c); k > 0 {
				j = k
			}
		case depth > 0:
		case c == ':':
			return j
		case c == '!' && j+1 < end && strings.IndexByte("sraf", src[j+1]) >= 0 && (j+2 == end || src[j+2] == ':'):
			return j
		case c == '=' && !at(src, j+1, "="):
			k := skipBlank(src, j+1)
			if k == end || src[k] == '!' || src[k] == ':' {
				return j
			}
		}
	}
	return end
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
