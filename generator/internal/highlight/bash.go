package highlight

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// bashKeywords and bashBuiltins are the words chroma's Bash lexer types
// wherever a word starts: keywords (k) and builtins (nb), the latter only
// before a blank, a ) or a backquote.
var (
	bashKeywords = wordTypes(group{chroma.Keyword, "if fi else while do done for then return function case select continue until esac elif", 0})
	bashBuiltins = wordTypes(group{chroma.NameBuiltin, "alias bg bind break builtin caller cd command compgen complete declare dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout popd printf pushd pwd read readonly set shift shopt source suspend test time times trap true type typeset ulimit umask unalias unset wait", 0})
)

// The states of chroma's Bash lexer below its root: inside "...", $( ),
// $(( )), backquotes and ${ }.
const (
	bashRoot uint8 = iota
	bashString
	bashParen
	bashMath
	bashBackticks
	bashCurly
)

// A bashStack is the lexer's stack of states. States deeper than it holds
// are counted, not kept: the innermost it holds stands for them.
type bashStack struct {
	states [32]uint8
	depth  int
}

func (s *bashStack) top() uint8 {
	if s.depth == 0 {
		return bashRoot
	}
	return s.states[min(s.depth, len(s.states))-1]
}

func (s *bashStack) push(state uint8) {
	if s.depth < len(s.states) {
		s.states[s.depth] = state
	}
	s.depth++
}

func (s *bashStack) pop() { s.depth = max(s.depth-1, 0) }

// scanBash writes a shell script as chroma's Bash lexer does, rule for
// rule: keywords (k) and builtins (nb) wherever a word starts, variables
// being set (nv) and = (o), expansions ($x as nv, ${ } as si around nv and
// p, $( ) and $(( )) as k), strings (s2, s1) and backquotes (sb) with what
// they hold, heredocs (s), comments (c1, and cp for a first #! line),
// escapes (se), numbers before a space or the end of a line (m), brackets
// and && || as o, and ; & | as p. Other words, < and > are plain text.
func scanBash(w *writer, src []byte) {
	var st bashStack
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch st.top() {
		case bashString:
			if c == '"' {
				w.token(chroma.LiteralStringDouble, src[i:i+1])
				st.pop()
				i++
				continue
			}
			if c != '$' {
				if j := bashStringRun(src, i); j > i {
					w.token(chroma.LiteralStringDouble, src[i:j])
					i = j
					continue
				}
			}
			if j := bashInterp(w, src, i, &st); j > 0 {
				i = j
				continue
			}
			i = plainRune(w, src, i)
			continue
		case bashParen:
			if c == ')' {
				w.token(chroma.Keyword, src[i:i+1])
				st.pop()
				i++
				continue
			}
		case bashMath:
			switch {
			case c == ')' && at(src, i+1, ")"):
				w.token(chroma.Keyword, src[i:i+2])
				st.pop()
				i += 2
				continue
			case c == '-' || c == '+' || c == '*' || c == '/' || c == '%' || c == '^' || c == '|' || c == '&':
				w.token(chroma.Operator, src[i:i+1])
				i++
				continue
			case isDigit(c):
				j := digits0(src, i)
				if at(src, j, "#") && !at(src, j+1, " ") {
					j++
					j = digits0(src, j)
				}
				w.token(chroma.LiteralNumber, src[i:j])
				i = j
				continue
			}
		case bashBackticks:
			if c == '`' {
				w.token(chroma.LiteralStringBacktick, src[i:i+1])
				st.pop()
				i++
				continue
			}
		case bashCurly:
			switch {
			case c == '}':
				w.token(chroma.LiteralStringInterpol, src[i:i+1])
				st.pop()
				i++
				continue
			case c == ':' && at(src, i+1, "-"):
				w.token(chroma.Keyword, src[i:i+2])
				i += 2
				continue
			case isWordByte(c):
				j := i + 1
				for j < n && isWordByte(src[j]) {
					j++
				}
				w.token(chroma.NameVariable, src[i:j])
				i = j
				continue
			case c == ':':
				w.token(chroma.Punctuation, src[i:i+1])
				i++
				continue
			case c != '"' && c != '\'' && c != '`' && c != '$' && c != '\\':
				j := i + 1
				for j < n && strings.IndexByte("}:\"'`$\\", src[j]) < 0 {
					j++
				}
				w.token(chroma.Punctuation, src[i:j])
				i = j
				continue
			}
		}
		i = bashRootRule(w, src, i, &st)
	}
}

// bashStringRun returns the end of the run of text inside "..." starting
// at src[i]: escapes and anything but " and $. A lone backslash at the
// end of src is no part of it.
func bashStringRun(src []byte, i int) int {
	j := i
	for j < len(src) {
		switch src[j] {
		case '"', '$':
			return j
		case '\\':
			if j+1 == len(src) {
				return j
			}
			j = runeEnd(src, j+1)
		default:
			j++
		}
	}
	return j
}

// bashRootRule writes the token the rules of the root state read at
// src[i], pushing the state it opens, and returns its end.
func bashRootRule(w *writer, src []byte, i int, st *bashStack) int {
	n := len(src)
	c := src[i]
	// The rules of "basic".
	if isWordByte(c) && boundary(src, i) {
		j := i + 1
		for j < n && isWordByte(src[j]) {
			j++
		}
		word := src[i:j]
		if _, ok := bashKeywords[string(word)]; ok {
			w.token(chroma.Keyword, word)
			return j
		}
		if _, ok := bashBuiltins[string(word)]; ok && j < n && (isSpace(src[j]) || src[j] == ')' || src[j] == '`') {
			w.token(chroma.NameBuiltin, word)
			return j
		}
	}
	switch {
	case i == 0 && at(src, 0, "#!") && 2 < n && src[2] != '\n' && lineEnd(src, 0) < n:
		j := lineEnd(src, 0) + 1
		w.token(chroma.CommentPreproc, src[:j])
		return j
	case c == '#':
		j := lineEnd(src, i)
		w.token(chroma.CommentSingle, src[i:j])
		return j
	case c == '\\' && i+1 < n:
		j := runeEnd(src, i+1)
		w.token(chroma.LiteralStringEscape, src[i:j])
		return j
	}
	if isWordByte(c) && boundary(src, i) {
		// NAME=, NAME+=, with blanks before the operator.
		j := i + 1
		for j < n && isWordByte(src[j]) {
			j++
		}
		k := skipSpace(src, j)
		if at(src, k, "=") || at(src, k, "+=") {
			e := k + 1
			if src[k] == '+' {
				e++
			}
			w.token(chroma.NameVariable, src[i:j])
			w.plain(src[j:k])
			w.token(chroma.Operator, src[k:e])
			return e
		}
	}
	switch {
	case c == '[' || c == ']' || c == '{' || c == '}' || c == '(' || c == ')' || c == '=':
		w.token(chroma.Operator, src[i:i+1])
		return i + 1
	case at(src, i, "<<<"):
		w.token(chroma.Operator, src[i:i+3])
		return i + 3
	case at(src, i, "<<"):
		if j := bashHeredoc(src, i); j > 0 {
			w.token(chroma.LiteralString, src[i:j])
			return j
		}
	case at(src, i, "&&") || at(src, i, "||"):
		w.token(chroma.Operator, src[i:i+2])
		return i + 2
	}
	// A backquote, then the rules of "data".
	switch {
	case c == '`':
		w.token(chroma.LiteralStringBacktick, src[i:i+1])
		st.push(bashBackticks)
		return i + 1
	case c == '"' || c == '$' && at(src, i+1, `"`):
		q := i
		if c == '$' {
			q++
		}
		if j := bashWholeString(src, q); j > 0 {
			w.token(chroma.LiteralStringDouble, src[i:j])
			return j
		}
		if c == '"' {
			w.token(chroma.LiteralStringDouble, src[i:i+1])
			st.push(bashString)
			return i + 1
		}
	case c == '$' && at(src, i+1, "'"):
		if j := bashANSIString(src, i+2); j > 0 {
			w.token(chroma.LiteralStringSingle, src[i:j])
			return j
		}
	case c == '\'':
		if k := indexByte(src, i+1, '\''); k > 0 {
			w.token(chroma.LiteralStringSingle, src[i:k+1])
			return k + 1
		}
	case c == ';' || c == '&' || c == '|':
		w.token(chroma.Punctuation, src[i:i+1])
		return i + 1
	case isSpace(c):
		j := skipSpace(src, i)
		w.plain(src[i:j])
		return j
	case c == '<':
		w.plain(src[i : i+1])
		return i + 1
	}
	if isDigit(c) {
		if j := digits0(src, i); j == n || src[j] == ' ' || src[j] == '\n' {
			w.token(chroma.LiteralNumber, src[i:j])
			return j
		}
	}
	if bashText(c) {
		j := i + 1
		for j < n && bashText(src[j]) {
			j++
		}
		w.plain(src[i:j])
		return j
	}
	if j := bashInterp(w, src, i, st); j > 0 {
		return j
	}
	// What no rule reads: a lone quote or a backslash ending src.
	return plainRune(w, src, i)
}

// bashText reports whether c may be part of a run of plain text: it is
// none of = [ ] { } ( ) $ " ' ` \ < & | ; and no blank.
func bashText(c byte) bool {
	switch c {
	case '=', '[', ']', '{', '}', '(', ')', '$', '"', '\'', '`', '\\', '<', '&', '|', ';':
		return false
	}
	return !isSpace(c)
}

// bashInterp writes the expansion starting with the $ at src[i], pushing
// the state it opens, and returns its end, or 0 if src[i] is not a $.
func bashInterp(w *writer, src []byte, i int, st *bashStack) int {
	if src[i] != '$' {
		return 0
	}
	n := len(src)
	switch {
	case at(src, i+1, "(("):
		w.token(chroma.Keyword, src[i:i+3])
		st.push(bashMath)
		return i + 3
	case at(src, i+1, "("):
		w.token(chroma.Keyword, src[i:i+2])
		st.push(bashParen)
		return i + 2
	case at(src, i+1, "{"):
		j := i + 2
		if at(src, j, "#") {
			j++
		}
		w.token(chroma.LiteralStringInterpol, src[i:j])
		st.push(bashCurly)
		return j
	case i+1 < n && (isLetter(src[i+1]) || src[i+1] == '_'):
		j := i + 2
		for j < n && isWordByte(src[j]) {
			j++
		}
		w.token(chroma.NameVariable, src[i:j])
		return j
	case i+1 < n && isDigit(src[i+1]):
		j := digits0(src, i+1)
		w.token(chroma.NameVariable, src[i:j])
		return j
	case i+1 < n && strings.IndexByte("#$?!_*@-", src[i+1]) >= 0:
		w.token(chroma.NameVariable, src[i:i+2])
		return i + 2
	}
	w.plain(src[i : i+1])
	return i + 1
}

// bashWholeString returns the end of the double-quoted string at src[i]
// if it closes and holds no unescaped $, or 0: such a string is one token.
func bashWholeString(src []byte, i int) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '"':
			return j + 1
		case '$':
			return 0
		case '\\':
			if j+1 == len(src) {
				return 0
			}
			j = runeEnd(src, j+1) - 1
		}
	}
	return 0
}

// bashANSIString returns the end of the $'...' string whose text starts
// at src[i], in which a backslash escapes anything, or 0 if it does not
// close.
func bashANSIString(src []byte, i int) int {
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '\'':
			return j + 1
		case '\\':
			if j+1 == len(src) {
				return 0
			}
			j = runeEnd(src, j+1) - 1
		}
	}
	return 0
}

// bashHeredoc returns the end of the heredoc starting with the << at
// src[i], or 0 if there is none, as chroma's pattern
// <<-?\s*('?)\\?(\w+)[\w\W]+?\2 reads one: the tag, then anything up to
// the tag's next occurrence, wherever it is. When the tag does not occur
// again, the pattern tries ever shorter beginnings of it.
func bashHeredoc(src []byte, i int) int {
	j := i + 2
	if at(src, j, "-") {
		j++
	}
	j = skipSpace(src, j)
	if at(src, j, "'") {
		j++
	}
	if at(src, j, "\\") {
		j++
	}
	e := j
	for e < len(src) && isWordByte(src[e]) {
		e++
	}
	// The tags that occur again are the beginnings of the tag up to some
	// length, since a longer one's occurrence is a shorter one's too: the
	// longest is found by bisection.
	next := func(l int) int {
		if j+l+1 > len(src) {
			return -1
		}
		return bytes.Index(src[j+l+1:], src[j:j+l])
	}
	lo, hi := 0, e-j // next(lo) holds, or lo is 0; next(hi+1) does not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if next(mid) >= 0 {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return 0
	}
	return j + lo + 1 + next(lo) + lo
}

// runeEnd returns the end of the rune starting at src[i], which must be
// in range: one byte when it is not valid UTF-8.
func runeEnd(src []byte, i int) int {
	_, m := utf8.DecodeRune(src[i:])
	return i + m
}
