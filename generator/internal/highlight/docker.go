package highlight

import (
	"github.com/alecthomas/chroma/v2"
)

// scanDockerfile writes a Dockerfile as chroma's Docker lexer does, rule
// for rule wherever a token starts, instructions in any case: comments
// (c); ONBUILD and HEALTHCHECK (k) with their options as Bash; VOLUME,
// ENTRYPOINT, CMD and SHELL (k) before a [...] on their line, which is
// JSON; LABEL, ENV and ARG (k) with the NAME=value pairs after them as
// Bash; FROM, MAINTAINER, EXPOSE, WORKDIR, USER, STOPSIGNAL and VOLUME
// (k) and their argument (s), with AS and a stage name; RUN, CMD,
// ENTRYPOINT, ENV, ARG, LABEL, ADD and COPY (k); and anything else, a line
// and the lines it continues onto with a backslash, as Bash.
func scanDockerfile(w *writer, src []byte) {
	n := len(src)
	for i := 0; i < n; {
		switch {
		case src[i] == '\n':
			w.plain(src[i : i+1])
			i++
			continue
		case src[i] == '#':
			j := lineEnd(src, i)
			w.token(chroma.Comment, src[i:j])
			i = j
			continue
		}
		if j := dockerInstruction(w, src, i); j > 0 {
			i = j
			continue
		}
		j := dockerCommandEnd(src, i)
		scanBash(w, src[i:j])
		i = j
	}
}

// dockerCommandEnd returns the end of the command starting at src[i], no
// newline: its line and the lines it continues onto with a backslash,
// none of them empty.
func dockerCommandEnd(src []byte, i int) int {
	for {
		end := lineEnd(src, i)
		if end == len(src) || src[end-1] != '\\' || end+1 == len(src) || src[end+1] == '\n' {
			return end
		}
		i = end + 1
	}
}

// foldAt reports whether word, in lower case, occurs at src[i] in any case.
func foldAt(src []byte, i int, word string) bool {
	if i+len(word) > len(src) {
		return false
	}
	for k := range len(word) {
		c := src[i+k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[k] {
			return false
		}
	}
	return true
}

// foldAny returns the first of words occurring at src[i] in any case, or "".
func foldAny(src []byte, i int, words ...string) string {
	for _, word := range words {
		if foldAt(src, i, word) {
			return word
		}
	}
	return ""
}

// dockerInstruction writes the instruction at src[i] with what the
// lexer's rule for it takes, and returns its end, or 0 when no rule for
// an instruction reads one there.
func dockerInstruction(w *writer, src []byte, i int) int {
	if foldAt(src, i, "onbuild") {
		j := dockerGap(src, i+7)
		w.token(chroma.Keyword, src[i:i+7])
		scanBash(w, src[i+7:j])
		return j
	}
	if foldAt(src, i, "healthcheck") {
		j := i + 11
		for {
			k := dockerOption(src, j)
			if k == 0 {
				break
			}
			j = k
		}
		w.token(chroma.Keyword, src[i:i+11])
		scanBash(w, src[i+11:j])
		return j
	}
	if word := foldAny(src, i, "volume", "entrypoint", "cmd", "shell"); word != "" {
		k := i + len(word)
		g := dockerGap(src, k)
		if at(src, g, "[") {
			if e := indexByte(src[:lineEnd(src, g)], g+1, ']'); e > 0 {
				w.token(chroma.Keyword, src[i:k])
				scanBash(w, src[k:g])
				scanJSON(w, src[g:e+1])
				return e + 1
			}
		}
	}
	if word := foldAny(src, i, "label", "env", "arg"); word != "" {
		k := i + len(word)
		j := k
		for {
			e := dockerPair(src, j)
			if e == 0 {
				break
			}
			j = e
		}
		w.token(chroma.Keyword, src[i:k])
		scanBash(w, src[k:j])
		return j
	}
	if word := foldAny(src, i, "from", "maintainer", "expose", "workdir", "user", "stopsignal", "volume"); word != "" {
		if j := dockerArgument(w, src, i, i+len(word)); j > 0 {
			return j
		}
	}
	if word := foldAny(src, i, "run", "cmd", "entrypoint", "env", "arg", "label", "add", "copy"); word != "" {
		w.token(chroma.Keyword, src[i:i+len(word)])
		return i + len(word)
	}
	return 0
}

// dockerGap returns the end of the blanks, line breaks and one backslash
// among them at src[i]: (?:\s*\\?\s*).
func dockerGap(src []byte, i int) int {
	i = skipSpace(src, i)
	if at(src, i, "\\") {
		i = skipSpace(src, i+1)
	}
	return i
}

// dockerPair returns the end of a gap, NAME=value and a gap at src[i],
// or 0 if there is none there.
func dockerPair(src []byte, i int) int {
	j := dockerGap(src, i)
	k := runOf(src, j, isWordByte)
	if k == j || !at(src, k, "=") {
		return 0
	}
	e := runOf(src, k+1, isWordByte)
	if e == k+1 {
		return 0
	}
	return dockerGap(src, e)
}

// dockerOption returns the end of a gap, --name=value and a gap at src[i],
// or 0 if there is none there.
func dockerOption(src []byte, i int) int {
	j := dockerGap(src, i)
	if !at(src, j, "--") {
		return 0
	}
	return dockerPair(src, j+2)
}

// dockerArgument writes the instruction ending at src[k], which starts at
// src[i], a blank and its argument (s), and perhaps AS and a name, and
// returns their end, or 0 if the rule for them does not read them there:
// the argument must end at a word boundary.
func dockerArgument(w *writer, src []byte, i, k int) int {
	n := len(src)
	if !boundary(src, k) || k >= n || !isSpace(src[k]) {
		return 0
	}
	p := k + 1
	q := p
	for q < n && !isSpace(src[q]) {
		q++
	}
	for e := q; e >= p; e-- {
		if !boundary(src, e) {
			continue
		}
		w.token(chroma.Keyword, src[i:k])
		w.plain(src[k:p])
		w.token(chroma.LiteralString, src[p:e])
		// AS and a stage name.
		if e < n && isSpace(src[e]) && foldAt(src, e+1, "as") && boundary(src, e+3) && e+3 < n && isSpace(src[e+3]) {
			s := e + 4
			r := s
			for r < n && !isSpace(src[r]) {
				r++
			}
			for f := r; f >= s; f-- {
				if boundary(src, f) {
					w.plain(src[e : e+1])
					w.token(chroma.Keyword, src[e+1:e+3])
					w.plain(src[e+3 : s])
					w.token(chroma.LiteralString, src[s:f])
					return f
				}
			}
		}
		return e
	}
	return 0
}
