package highlight

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// shellWords types the shell's keywords (k) and builtins (nb), which
// count only where a command starts.
var shellWords = wordTypes(
	group{chroma.Keyword, "if then else elif fi case esac for select while until do done function return continue time coproc", 0},
	group{chroma.NameBuiltin, "alias bg bind break builtin caller cd command compgen complete declare dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly set shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait", 0},
)

// wordTypes builds a read-only table of words and their types.
func wordTypes(groups ...group) map[string]chroma.TokenType {
	m := make(map[string]chroma.TokenType)
	for _, g := range groups {
		for _, k := range strings.Fields(g.words) {
			m[k] = g.t
		}
	}
	return m
}

// A docTag is a heredoc waiting for its body: the lines after the one
// that opened it, up to a line holding only the tag.
type docTag struct {
	tag   []byte
	strip bool // <<-: the closing line may be indented with tabs
}

// scanBash writes a shell script: keywords (k) and builtins (nb) where a
// command starts, variables and assignments (nv), strings (s1, s2) with
// their expansions, command substitutions ($( ) as k, backquotes as sb),
// heredocs (sh), comments (c1, ch for #!), escapes (se) and operators.
func scanBash(w *writer, src []byte) { shell(w, src, 0) }

// shell is scanBash for code depth substitutions deep.
func shell(w *writer, src []byte, depth int) {
	n := len(src)
	var (
		docs     [4]docTag
		nDocs    int
		cmd      = true // a command may start here
		decl     bool   // after export, local...: NAME=value assigns
		afterSet bool   // after an assignment: a command may follow it
		inList   bool   // after for, case or select: "in" is a keyword
		t        chroma.TokenType
	)
	for i := 0; i < n; {
		c := src[i]
		switch {
		case c == '\n':
			w.plain(src[i : i+1])
			i++
			cmd, decl, afterSet, inList = true, false, false, false
			for _, d := range docs[:nDocs] {
				j := heredocBody(src, i, d)
				w.token(chroma.LiteralStringHeredoc, src[i:j])
				i = j
				if i < n {
					// The newline ending the closing line.
					w.plain(src[i : i+1])
					i++
				}
			}
			nDocs = 0
			continue
		case c == ' ' || c == '\t' || c == '\r':
			j := i + 1
			for j < n && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
				j++
			}
			w.plain(src[i:j])
			i = j
			if afterSet {
				cmd, afterSet = true, false
			}
			continue
		case c == '#' && (i == 0 || isShellBreak(src[i-1])):
			j := lineEnd(src, i)
			t = chroma.CommentSingle
			if i == 0 && at(src, 0, "#!") && depth == 0 {
				t = chroma.CommentHashbang
			}
			w.token(t, src[i:j])
			i = j
			continue
		case c == '\\':
			j := min(i+2, n)
			if j < n && src[i+1]&0x80 != 0 {
				j = runeEnd(src, i+1)
			}
			w.token(chroma.LiteralStringEscape, src[i:j])
			if !at(src, i+1, "\n") {
				cmd = false
			}
			i = j
			continue
		case c == '\'':
			j := indexByte(src, i+1, '\'') + 1
			if j == 0 {
				j = n
			}
			w.token(chroma.LiteralStringSingle, src[i:j])
			i = j
		case c == '"':
			i = dquote(w, src, i, depth)
		case c == '$' && expansion(src, i):
			i = dollar(w, src, i, depth)
		case c == '`':
			i = backquote(w, src, i, depth)
		case c == '<' && at(src, i, "<<") && !at(src, i, "<<<"):
			if j, d := heredocStart(src, i); j > 0 {
				w.token(chroma.LiteralStringHeredoc, src[i:j])
				if nDocs < len(docs) {
					docs[nDocs] = d
					nDocs++
				}
				i = j
				continue
			}
			j := i + 2
			w.token(chroma.Operator, src[i:j])
			i = j
			cmd = false
			continue
		case isShellOp(c):
			j, t, starts := shellOp(src, i)
			w.token(t, src[i:j])
			i = j
			cmd = starts
			if starts {
				decl, afterSet, inList = false, false, false
			}
			continue
		default:
			j := i + 1
			for j < n && !isShellBreak(src[j]) && !isShellQuote(src[j]) {
				j++
			}
			word := src[i:j]
			switch {
			case (cmd || decl) && assignment(word) > 0:
				k := assignment(word)
				op := k - 1 // the = or +=
				if word[op-1] == '+' {
					op--
				}
				w.token(chroma.NameVariable, word[:op])
				w.token(chroma.Operator, word[op:k])
				value := word[k:]
				if allDigits(value) {
					w.token(chroma.LiteralNumber, value)
				} else {
					w.plain(value)
				}
				afterSet = !decl
				cmd = false
				i = j
				continue
			case cmd && j < n && !isShellBreak(src[j]):
				// A command name glued to a quote or expansion.
				w.plain(word)
			case cmd:
				t = shellWords[string(word)]
				switch {
				case t == chroma.Keyword:
					w.token(t, word)
					switch string(word) {
					case "for", "case", "select":
						inList = true
					}
					cmd = startsCommand(word)
					i = j
					continue
				case t == chroma.NameBuiltin:
					w.token(t, word)
					switch string(word) {
					case "export", "local", "declare", "readonly", "typeset":
						decl = true
					}
				case isTest(word):
					w.token(chroma.Operator, word)
					cmd = string(word) == "!" || string(word) == "{"
					i = j
					continue
				default:
					w.plain(word)
				}
			case inList && string(word) == "in" && (j == n || isShellBreak(src[j])):
				w.token(chroma.Keyword, word)
				inList = false
			case isTest(word):
				w.token(chroma.Operator, word)
				cmd = string(word) == "{"
				i = j
				continue
			case allDigits(word) && (j == n || isShellBreak(src[j])):
				w.token(chroma.LiteralNumber, word)
			default:
				w.plain(word)
			}
			i = j
		}
		cmd = false
	}
}

// startsCommand reports whether a command may follow a keyword.
func startsCommand(word []byte) bool {
	switch string(word) {
	case "for", "case", "select", "function", "fi", "done", "esac", "return", "continue":
		return false
	}
	return true
}

// isTest reports whether a word is a test bracket or operator: [ ]
// [[ ]] = == != =~ !, or a brace grouping commands.
func isTest(word []byte) bool {
	switch string(word) {
	case "[", "]", "[[", "]]", "=", "==", "!=", "=~", "!", "{", "}":
		return true
	}
	return false
}

// assignment returns the length of the NAME= or NAME+= that starts word,
// or 0 if it does not start with one.
func assignment(word []byte) int {
	if len(word) == 0 || !isNameStart(word[0]) || word[0] >= 0x80 {
		return 0
	}
	for j := 1; j < len(word); j++ {
		switch c := word[j]; {
		case c == '=':
			return j + 1
		case c == '+' && at(word, j+1, "="):
			return j + 2
		case !isName(c) || c >= 0x80:
			return 0
		}
	}
	return 0
}

// allDigits reports whether b is a non-empty run of digits.
func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return len(b) > 0
}

// isShellBreak reports whether c ends an unquoted word.
func isShellBreak(c byte) bool {
	return isSpace(c) || isShellOp(c)
}

// isShellOp reports whether c starts a control or redirection operator.
func isShellOp(c byte) bool {
	return c == '|' || c == '&' || c == ';' || c == '(' || c == ')' || c == '<' || c == '>'
}

// isShellQuote reports whether c starts a quote, expansion or escape,
// which ends a word's plain run.
func isShellQuote(c byte) bool {
	return c == '\'' || c == '"' || c == '$' || c == '`' || c == '\\'
}

// shellOp returns the end and type of the operator at src[i] and whether
// a command may follow it.
func shellOp(src []byte, i int) (int, chroma.TokenType, bool) {
	switch {
	case at(src, i, "&&"), at(src, i, "||"):
		return i + 2, chroma.Operator, true
	case at(src, i, ";;&"):
		return i + 3, chroma.Punctuation, true
	case at(src, i, ";;"), at(src, i, ";&"), at(src, i, "|&"):
		return i + 2, chroma.Punctuation, true
	case at(src, i, "&>>"):
		return i + 3, chroma.Operator, false
	case at(src, i, "&>"), at(src, i, ">>"), at(src, i, ">&"), at(src, i, "<&"), at(src, i, ">|"), at(src, i, "<>"):
		return i + 2, chroma.Operator, false
	}
	switch src[i] {
	case '|', ';', '&':
		return i + 1, chroma.Punctuation, true
	case '(', ')':
		// ) ends a case pattern as well as a subshell.
		return i + 1, chroma.Operator, true
	}
	return i + 1, chroma.Operator, false
}

// expansion reports whether the $ at src[i] starts a parameter
// expansion or a substitution.
func expansion(src []byte, i int) bool {
	if i+1 >= len(src) {
		return false
	}
	c := src[i+1]
	return c == '{' || c == '(' || isNameStart(c) && c < 0x80 || isDigit(c) || strings.IndexByte("@*#?$!-", c) >= 0
}

// dollar writes the expansion at src[i], for which expansion is true, and
// returns its end: $name and $1 as nv, ${name...} as nv between si, and
// $(command) and $((arithmetic)) as code between k.
func dollar(w *writer, src []byte, i, depth int) int {
	n := len(src)
	j := i + 1
	switch c := src[j]; {
	case c == '(':
		open := 2
		if at(src, j, "((") {
			open = 3
		}
		end := closeParen(src, i+open)
		if end < 0 {
			w.token(chroma.Keyword, src[i:i+open])
			return i + open
		}
		closer := end + 1
		if open == 3 && at(src, closer, ")") {
			closer++
		}
		w.token(chroma.Keyword, src[i:i+open])
		if depth < maxDepth {
			shell(w, src[i+open:end], depth+1)
		} else {
			w.plain(src[i+open : end])
		}
		w.token(chroma.Keyword, src[end:closer])
		return closer
	case c == '{':
		end := closeBrace(src, j+1, true)
		if end < 0 {
			w.token(chroma.LiteralStringInterpol, src[i:j+1])
			return j + 1
		}
		w.token(chroma.LiteralStringInterpol, src[i:j+1])
		k := j + 1
		for k < end && (src[k] == '#' || src[k] == '!') {
			k++
		}
		e := k
		for e < end && (isName(src[e]) || e == k && strings.IndexByte("@*#?$!-", src[e]) >= 0) {
			e++
		}
		w.plain(src[j+1 : k])
		w.token(chroma.NameVariable, src[k:e])
		w.plain(src[e:end])
		w.token(chroma.LiteralStringInterpol, src[end:end+1])
		return end + 1
	case isNameStart(c) && c < 0x80:
		k := j + 1
		for k < n && isName(src[k]) && src[k] < 0x80 {
			k++
		}
		w.token(chroma.NameVariable, src[i:k])
		return k
	default:
		w.token(chroma.NameVariable, src[i:j+1])
		return j + 1
	}
}

// closeParen returns the index of the ) closing a parenthesis opened
// before src[i], passing over quoted text, or -1.
func closeParen(src []byte, i int) int {
	depth := 0
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return j
			}
			depth--
		case '\\':
			j++
		case '\'':
			if k := indexByte(src, j+1, '\''); k >= 0 {
				j = k
			}
		case '"':
			j = quoted(src, j, false) - 1
		}
	}
	return -1
}

// dquote writes the double-quoted string starting at src[i], expansions
// and substitutions in it included, and returns its end.
func dquote(w *writer, src []byte, i, depth int) int {
	n := len(src)
	seg := i
	for j := i + 1; j < n; {
		switch c := src[j]; {
		case c == '"':
			j++
			w.token(chroma.LiteralStringDouble, src[seg:j])
			return j
		case c == '\\':
			j = min(j+2, n)
		case c == '$' && expansion(src, j):
			w.token(chroma.LiteralStringDouble, src[seg:j])
			j = dollar(w, src, j, depth)
			seg = j
		case c == '`':
			w.token(chroma.LiteralStringDouble, src[seg:j])
			j = backquote(w, src, j, depth)
			seg = j
		default:
			j++
		}
	}
	w.token(chroma.LiteralStringDouble, src[seg:])
	return n
}

// backquote writes the command substitution `command` starting at
// src[i] and returns its end.
func backquote(w *writer, src []byte, i, depth int) int {
	end := -1
	for j := i + 1; j < len(src); j++ {
		if src[j] == '\\' {
			j++
		} else if src[j] == '`' {
			end = j
			break
		}
	}
	w.token(chroma.LiteralStringBacktick, src[i:i+1])
	if end < 0 {
		return i + 1
	}
	if depth < maxDepth {
		shell(w, src[i+1:end], depth+1)
	} else {
		w.plain(src[i+1 : end])
	}
	w.token(chroma.LiteralStringBacktick, src[end:end+1])
	return end + 1
}

// heredocStart returns the end of the heredoc operator, <<TAG, <<-TAG,
// <<'TAG' or <<"TAG", at src[i], and its tag; or 0.
func heredocStart(src []byte, i int) (int, docTag) {
	n := len(src)
	j := i + 2
	var d docTag
	if at(src, j, "-") {
		d.strip = true
		j++
	}
	j = skipBlank(src, j)
	if j < n && (src[j] == '\'' || src[j] == '"') {
		q := src[j]
		k := j + 1
		for k < n && src[k] != q && src[k] != '\n' {
			k++
		}
		if k >= n || src[k] != q || k == j+1 {
			return 0, d
		}
		d.tag = src[j+1 : k]
		return k + 1, d
	}
	if at(src, j, "\\") {
		j++
	}
	k := j
	for k < n && (isName(src[k]) || src[k] == '-' || src[k] == '.') {
		k++
	}
	if k == j {
		return 0, d
	}
	d.tag = src[j:k]
	return k, d
}

// heredocBody returns the end of the heredoc body starting at src[i]:
// the end of its closing line (before the newline), or len(src).
func heredocBody(src []byte, i int, d docTag) int {
	for line := i; line < len(src); {
		end := lineEnd(src, line)
		text := src[line:end]
		if d.strip {
			text = bytes.TrimLeft(text, "\t")
		}
		if len(text) > 0 && text[len(text)-1] == '\r' {
			text = text[:len(text)-1]
		}
		if bytes.Equal(text, d.tag) {
			return end
		}
		line = end + 1
	}
	return len(src)
}

// runeEnd returns the end of the UTF-8 sequence starting at src[i].
func runeEnd(src []byte, i int) int {
	j := i + 1
	for j < len(src) && j < i+4 && src[j]&0xC0 == 0x80 {
		j++
	}
	return j
}

// scanConsole writes a terminal session: a line starting with a "$ " or
// "# " prompt is a command, the prompt written as gp and the command as
// shell; any other line is output (go). A command continues over lines
// ending in a backslash.
func scanConsole(w *writer, src []byte) {
	n := len(src)
	for i := 0; i < n; {
		end := lineEnd(src, i)
		if (src[i] == '$' || src[i] == '#') && (i+1 == end || src[i+1] == ' ' || src[i+1] == '\t' || src[i+1] == '\r') {
			w.token(chroma.GenericPrompt, src[i:i+1])
			for end < n && continued(src, end) {
				end = lineEnd(src, end+1)
			}
			shell(w, src[i+1:end], 0)
			i = newline(w, src, end)
			continue
		}
		end = min(end+1, n)
		w.token(chroma.GenericOutput, src[i:end])
		i = end
	}
}

// scanDiff writes a diff: file headers (diff, index, ---, +++ and git's
// extended headers) as gh, hunk headers as gu, added lines as gi and
// removed ones as gd, each with its newline.
func scanDiff(w *writer, src []byte) {
	n := len(src)
	for i := 0; i < n; {
		end := min(lineEnd(src, i)+1, n)
		line := src[i:end]
		var t chroma.TokenType
		switch {
		case diffHeader(line):
			t = chroma.GenericHeading
		case at(line, 0, "@@"):
			t = chroma.GenericSubheading
		case at(line, 0, "+"):
			t = chroma.GenericInserted
		case at(line, 0, "-"):
			t = chroma.GenericDeleted
		}
		if t != 0 {
			w.token(t, line)
		} else {
			w.plain(line)
		}
		i = end
	}
}

// diffHeader reports whether a line of a diff is part of a file header.
func diffHeader(line []byte) bool {
	for _, p := range [...]string{"diff ", "index ", "--- ", "+++ ", "new file mode ", "deleted file mode ", "old mode ", "new mode ", "similarity index ", "dissimilarity index ", "rename from ", "rename to ", "copy from ", "copy to ", "Binary files ", "Only in "} {
		if at(line, 0, p) {
			return true
		}
	}
	t := bytes.TrimRight(line, "\r\n")
	return string(t) == "---" || string(t) == "+++"
}

// dockerInstructions are the instructions of a Dockerfile, in lower case.
var dockerInstructions = wordTypes(group{chroma.Keyword, "from run cmd label maintainer expose env add copy entrypoint volume user workdir arg onbuild stopsignal healthcheck shell", 0})

// scanDockerfile writes a Dockerfile: comments (c), instructions (k), the
// image of FROM (s), exec forms as JSON, and other arguments as shell. An
// instruction continues over lines ending in a backslash.
func scanDockerfile(w *writer, src []byte) {
	n := len(src)
	for i := 0; i < n; {
		j := skipBlank(src, i)
		w.plain(src[i:j])
		i = j
		if i >= n {
			break
		}
		if src[i] == '\n' || src[i] == '\r' {
			w.plain(src[i : i+1])
			i++
			continue
		}
		end := lineEnd(src, i)
		if src[i] == '#' {
			w.token(chroma.Comment, src[i:end])
			i = end
			continue
		}
		k := i
		for k < end && isLetter(src[k]) {
			k++
		}
		name := lowerWord(src[i:k])
		if _, ok := dockerInstructions[string(name.b[:name.n])]; !ok || k-i > name.n {
			shell(w, src[i:end], 0)
			i = end
			continue
		}
		w.token(chroma.Keyword, src[i:k])
		for end < n && continued(src, end) {
			end = lineEnd(src, end+1)
		}
		body := src[k:end]
		b := skipBlank(body, 0)
		switch string(name.b[:name.n]) {
		case "from":
			dockerFrom(w, body)
		case "workdir", "user", "expose", "stopsignal":
			dockerWords(w, body)
		case "run", "cmd", "entrypoint", "shell", "volume":
			if at(body, b, "[") {
				w.plain(body[:b])
				scanJSON(w, body[b:])
				break
			}
			shell(w, body, 0)
		default:
			shell(w, body, 0)
		}
		i = end
	}
}

// A lowered is a short word in lower case, kept off the heap.
type lowered struct {
	b [16]byte
	n int
}

// lowerWord returns word in lower case, cut to 16 bytes.
func lowerWord(word []byte) lowered {
	var l lowered
	for _, c := range word {
		if l.n == len(l.b) {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		l.b[l.n] = c
		l.n++
	}
	return l
}

// dockerWords writes arguments that are plain words, a path, a port or
// a user, as s, and what may expand in them ($VAR) as shell.
func dockerWords(w *writer, body []byte) {
	if bytes.IndexByte(body, '$') >= 0 {
		shell(w, body, 0)
		return
	}
	for i := 0; i < len(body); {
		j := i
		for j < len(body) && isSpace(body[j]) == isSpace(body[i]) && body[j] != '\\' {
			j++
		}
		if j == i {
			j++
		}
		if isSpace(body[i]) || body[i] == '\\' {
			w.plain(body[i:j])
		} else {
			w.token(chroma.LiteralString, body[i:j])
		}
		i = j
	}
}

// dockerFrom writes the arguments of FROM: options plain, AS as k, and
// the image and stage name as s.
func dockerFrom(w *writer, body []byte) {
	for i := 0; i < len(body); {
		if isSpace(body[i]) || body[i] == '\\' {
			w.plain(body[i : i+1])
			i++
			continue
		}
		j := i
		for j < len(body) && !isSpace(body[j]) {
			j++
		}
		word := body[i:j]
		switch {
		case bytes.EqualFold(word, []byte("as")):
			w.token(chroma.Keyword, word)
		case at(word, 0, "--"):
			w.plain(word)
		default:
			w.token(chroma.LiteralString, word)
		}
		i = j
	}
}

// makeDirectives are the directives of a makefile.
var makeDirectives = wordTypes(group{chroma.Keyword, "include -include sinclude ifeq ifneq ifdef ifndef else endif define endef export unexport override undefine vpath private", 0})

// makeFunctions are make's built-in functions.
var makeFunctions = wordTypes(group{chroma.NameBuiltin, "subst patsubst strip findstring filter filter-out sort word wordlist words firstword lastword dir notdir suffix basename addsuffix addprefix join wildcard realpath abspath error warning info shell origin flavor foreach if or and call eval file value let intcmp", 0})

// scanMakefile writes a makefile: comments (c), directives (k), variables
// being set (nv) and their operators (o), rule targets (nf), references
// ($(NAME) as k around nv, with functions as nb) and recipes as shell.
func scanMakefile(w *writer, src []byte) {
	n := len(src)
	for i := 0; i < n; {
		end := lineEnd(src, i)
		if src[i] == '\t' {
			for end < n && continued(src, end) {
				end = lineEnd(src, end+1)
			}
			w.plain(src[i : i+1])
			shell(w, src[i+1:end], 0)
			i = newline(w, src, end)
			continue
		}
		for end < n && continued(src, end) {
			end = lineEnd(src, end+1)
		}
		makeLine(w, src[i:end])
		i = newline(w, src, end)
	}
}

// makeLine writes one logical line of a makefile that is not a recipe.
func makeLine(w *writer, line []byte) {
	j := skipBlank(line, 0)
	w.plain(line[:j])
	if at(line, j, "#") {
		w.token(chroma.Comment, line[j:])
		return
	}
	k := j
	for k < len(line) && !isSpace(line[k]) {
		k++
	}
	if _, ok := makeDirectives[string(line[j:k])]; ok && k > j {
		w.token(chroma.Keyword, line[j:k])
		makeText(w, line[k:], 0, 0)
		return
	}
	op, size, rule := makeOperator(line, j)
	switch {
	case op < 0:
		makeText(w, line[j:], 0, 0)
	case rule:
		makeText(w, line[j:op], chroma.NameFunction, 0)
		w.token(chroma.Operator, line[op:op+size])
		rest := line[op+size:]
		if semi := bytes.IndexByte(rest, ';'); semi >= 0 {
			makeText(w, rest[:semi], 0, 0)
			w.token(chroma.Punctuation, rest[semi:semi+1])
			shell(w, rest[semi+1:], 0)
			return
		}
		makeText(w, rest, 0, 0)
	default:
		name := bytes.TrimRight(line[j:op], " \t")
		makeText(w, name, chroma.NameVariable, 0)
		w.plain(line[j+len(name) : op])
		w.token(chroma.Operator, line[op:op+size])
		makeText(w, line[op+size:], 0, 0)
	}
}

// makeOperator finds the first assignment operator or rule colon in line
// at or after i, outside references, and returns its index and size and
// whether it is a rule's; or -1.
func makeOperator(line []byte, i int) (int, int, bool) {
	for j := i; j < len(line); j++ {
		switch c := line[j]; {
		case c == '$' && (at(line, j+1, "(") || at(line, j+1, "{")):
			if end := makeRefEnd(line, j); end > 0 {
				j = end - 1
			}
		case c == '#':
			return -1, 0, false
		case at(line, j, ":::="):
			return j, 4, false
		case at(line, j, "::="):
			return j, 3, false
		case at(line, j, ":="), at(line, j, "?="), at(line, j, "+="), at(line, j, "!="):
			return j, 2, false
		case c == '=':
			return j, 1, false
		case at(line, j, "::"):
			return j, 2, true
		case c == ':':
			return j, 1, true
		}
	}
	return -1, 0, false
}

// makeRefEnd returns the end of the reference $( ) or ${ } at line[i],
// or 0 if it is not closed.
func makeRefEnd(line []byte, i int) int {
	open, closer := line[i+1], byte(')')
	if open == '{' {
		closer = '}'
	}
	depth := 0
	for j := i + 1; j < len(line); j++ {
		switch line[j] {
		case open:
			depth++
		case closer:
			if depth--; depth == 0 {
				return j + 1
			}
		}
	}
	return 0
}

// makeText writes make text: references, comments, and words, which are
// written as t (plain when t is 0).
func makeText(w *writer, text []byte, t chroma.TokenType, depth int) {
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		switch {
		case c == '#' && (i == 0 || text[i-1] != '\\'):
			w.token(chroma.Comment, text[i:])
			return
		case c == '$' && i+1 < n && text[i+1] == '$':
			w.plain(text[i : i+2])
			i += 2
		case c == '$' && i+1 < n && (text[i+1] == '(' || text[i+1] == '{'):
			end := makeRefEnd(text, i)
			if end == 0 {
				w.token(chroma.Keyword, text[i:i+2])
				i += 2
				continue
			}
			w.token(chroma.Keyword, text[i:i+2])
			k := i + 2
			for k < end-1 && !isSpace(text[k]) && text[k] != ':' && text[k] != '$' {
				k++
			}
			if _, ok := makeFunctions[string(text[i+2:k])]; ok && k < end-1 && isSpace(text[k]) {
				w.token(chroma.NameBuiltin, text[i+2:k])
			} else {
				w.token(chroma.NameVariable, text[i+2:k])
			}
			if depth < maxDepth {
				makeText(w, text[k:end-1], 0, depth+1)
			} else {
				w.plain(text[k : end-1])
			}
			w.token(chroma.Keyword, text[end-1:end])
			i = end
		case c == '$' && i+1 < n:
			j := runeEnd(text, i+1)
			w.token(chroma.NameVariable, text[i:j])
			i = j
		case isSpace(c):
			j := skipSpace(text, i)
			w.plain(text[i:j])
			i = j
		default:
			j := i + 1
			for j < n && !isSpace(text[j]) && text[j] != '$' && text[j] != '#' {
				j++
			}
			if t != 0 {
				w.token(t, text[i:j])
			} else {
				w.plain(text[i:j])
			}
			i = j
		}
	}
}
