package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// The states of chroma's Makefile lexer below its root: after a rule's
// colon, inside $( ), and after export.
const (
	makeRoot uint8 = iota
	makeHeader
	makeExpansion
	makeExport
)

// scanMakefile writes a makefile as chroma's Makefile lexer does, rule
// for rule: indented lines, recipes, as Bash; automatic variables ($@) as
// k; comments (c); export (k) and the names after it (nv); a variable
// being set (nv), its operator (o) and its value as Bash; strings (s2,
// s1); a rule's targets (nf) and colon (o), then its prerequisites as
// text; and references, $( ) as k around names as nv.
func scanMakefile(w *writer, src []byte) {
	var (
		st   bashStack // the states, as in scanBash
		miss makeMisses
	)
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch st.top() {
		case makeExpansion:
			switch {
			case c == '$':
				w.token(chroma.Keyword, src[i:i+1])
				i++
			case c == '(':
				w.token(chroma.Keyword, src[i:i+1])
				st.push(makeExpansion)
				i++
			case c == ')':
				w.token(chroma.Keyword, src[i:i+1])
				st.pop()
				i++
			case isLetter(c) || c == '_':
				j := runOf(src, i, func(c byte) bool { return isLetter(c) || c == '_' })
				w.token(chroma.NameVariable, src[i:j])
				i = j
			default:
				j := runOf(src, i, func(c byte) bool { return !isLetter(c) && strings.IndexByte("$_()", c) < 0 })
				w.plain(src[i:j])
				i = j
			}
			continue
		case makeExport:
			switch {
			case c == '\n':
				w.plain(src[i : i+1])
				st.pop()
				i++
			case isWordByte(c) || strings.IndexByte("${}-", c) >= 0:
				j := runOf(src, i, func(c byte) bool { return isWordByte(c) || strings.IndexByte("${}-", c) >= 0 })
				w.token(chroma.NameVariable, src[i:j])
				i = j
			case isSpace(c):
				j := skipSpace(src, i)
				w.plain(src[i:j])
				i = j
			default:
				i = plainRune(w, src, i)
			}
			continue
		case makeHeader:
			switch {
			case c == ',' || c == '|':
				w.token(chroma.Punctuation, src[i:i+1])
				i++
			case c == '#':
				j := min(lineEnd(src, i)+1, n)
				w.token(chroma.Comment, src[i:j])
				st.pop()
				i = j
			case c == '\\' && at(src, i+1, "\n"):
				w.plain(src[i : i+2])
				i += 2
			case c == '$' && at(src, i+1, "("):
				w.token(chroma.Keyword, src[i:i+2])
				st.push(makeExpansion)
				i += 2
			case c == '\n':
				w.plain(src[i : i+1])
				st.pop()
				i++
			default:
				i = plainRune(w, src, i)
			}
			continue
		}
		i = makeRootRule(w, src, i, &st, &miss)
	}
}

// makeMisses remembers how far an assignment or a rule's header cannot
// start, learnt from a search that failed, so that a line where neither
// does is read once, not once per byte.
type makeMisses struct {
	assignment, header, export int
}

// makeRootRule writes the token the rules of the makefile lexer's root
// state read at src[i], pushing the state it opens, and returns its end.
func makeRootRule(w *writer, src []byte, i int, st *bashStack, miss *makeMisses) int {
	n := len(src)
	c := src[i]
	if i == 0 || src[i-1] == '\n' {
		// Indented and empty lines: a recipe.
		j := i
		for j < n && (src[j] == '\n' || src[j] == '\t' || src[j] == ' ') {
			if src[j] == '\n' {
				j++
				continue
			}
			j = min(lineEnd(src, j)+1, n)
		}
		if j > i {
			scanBash(w, src[i:j])
			return j
		}
	}
	switch {
	case c == '$' && i+1 < n && strings.IndexByte("<@$+%?|*", src[i+1]) >= 0:
		w.token(chroma.Keyword, src[i:i+2])
		return i + 2
	case isSpace(c):
		j := skipSpace(src, i)
		w.plain(src[i:j])
		return j
	case c == '#':
		j := min(lineEnd(src, i)+1, n)
		w.token(chroma.Comment, src[i:j])
		return j
	case at(src, i, "export") && i+6 < n && isSpace(src[i+6]):
		j := skipSpace(src, i+6)
		// The names after export, up to the end of the line, and no
		// other byte: the names run from j to the end of the line.
		names := j >= miss.export
		if names {
			e := runOf(src, j, func(c byte) bool {
				return c != '\n' && (isWordByte(c) || strings.IndexByte("${}\t -", c) >= 0)
			})
			names = e > j && (e == n || src[e] == '\n')
			miss.export = e
		}
		if names {
			w.token(chroma.Keyword, src[i:i+6])
			w.plain(src[i+6 : j])
			st.push(makeExport)
			return j
		}
		w.token(chroma.Keyword, src[i:j])
		return j
	}
	if i >= miss.assignment {
		j, stop := makeAssignment(w, src, i)
		if j > 0 {
			return j
		}
		miss.assignment = stop
	}
	if c == '"' || c == '\'' {
		if j := escapedQuote(src, i); j > 0 {
			t := chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
			w.token(t, src[i:j])
			return j
		}
	}
	if c != '\n' && c != ':' && i >= miss.header {
		// Targets: a rule's header.
		j := i
		for j < n && src[j] != '\n' && src[j] != ':' {
			j++
		}
		miss.header = j
		if at(src, j, ":") {
			k := runOf(src, j, func(c byte) bool { return c == ':' })
			e := skipBlank(src, k)
			w.token(chroma.NameFunction, src[i:j])
			w.token(chroma.Operator, src[j:k])
			w.plain(src[k:e])
			st.push(makeHeader)
			return e
		}
	}
	if c == '$' && at(src, i+1, "(") {
		w.token(chroma.Keyword, src[i:i+2])
		st.push(makeExpansion)
		return i + 2
	}
	return plainRune(w, src, i)
}

// makeAssignment writes the assignment at src[i], NAME = value, the value
// as Bash, and returns its end. When none starts there it returns 0 and
// the end of the name it tried, before which none starts either.
func makeAssignment(w *writer, src []byte, i int) (int, int) {
	n := len(src)
	name := func(c byte) bool { return isWordByte(c) || strings.IndexByte("${}().-", c) >= 0 }
	j := runOf(src, i, name)
	if j == i {
		return 0, i
	}
	k := skipSpace(src, j)
	op := k
	if op < n && strings.IndexByte("!?:+", src[op]) >= 0 {
		op++
	}
	if !at(src, op, "=") {
		return 0, j
	}
	op++
	v := skipBlank(src, op)
	end := v
	for {
		e := lineEnd(src, end)
		if e == n || e == end || src[e-1] != '\\' {
			break
		}
		end = e + 1
	}
	if end == v {
		end = min(lineEnd(src, v)+1, n)
	}
	w.token(chroma.NameVariable, src[i:j])
	w.plain(src[j:k])
	w.token(chroma.Operator, src[k:op])
	w.plain(src[op:v])
	scanBash(w, src[v:end])
	return end, end
}

// escapedQuote returns the end of the string quoted by src[i], which may
// span lines and in which a backslash escapes anything, or 0 if it does
// not close.
func escapedQuote(src []byte, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case q:
			return j + 1
		case '\\':
			j++
		}
	}
	return 0
}
