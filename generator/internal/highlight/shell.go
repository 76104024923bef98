package highlight

import (
	"bytes"

	"github.com/alecthomas/chroma/v2"
)

// scanConsole writes a terminal session as chroma's Bash Session lexer
// does, line by line: a line starting with a prompt, $, #, % or > (perhaps
// after [user@host]), has it as gp and the rest of the line, after any
// blanks, as Bash; any other line is output (go).
func scanConsole(w *writer, src []byte) {
	n := len(src)
	var hosts userHosts
	for i := 0; i < n; {
		if src[i] == '\n' {
			w.plain(src[i : i+1])
			i++
			continue
		}
		if p := hosts.promptEnd(src, i); p > 0 {
			w.token(chroma.GenericPrompt, src[i:p])
			j := skipSpace(src, p)
			w.plain(src[p:j])
			end := min(lineEnd(src, j)+1, n)
			scanBash(w, src[j:end])
			i = end
			continue
		}
		end := min(lineEnd(src, i)+1, n)
		w.token(chroma.GenericOutput, src[i:end])
		i = end
	}
}

// promptEnd returns the end of the prompt starting a line at src[i], or 0
// if there is none: an optional [user@host] and a blank, then $, #, % or >.
func (h *userHosts) promptEnd(src []byte, i int) int {
	j := i
	if at(src, j, "[") {
		if k := h.end(src, j); k > 0 {
			j = k
			if j < len(src) && isSpace(src[j]) {
				if j+1 < len(src) && isPrompt(src[j+1]) {
					j++
				}
			}
		}
	}
	if j < len(src) && isPrompt(src[j]) {
		return j + 1
	}
	return 0
}

// isPrompt reports whether c is a prompt character.
func isPrompt(c byte) bool { return c == '$' || c == '#' || c == '%' || c == '>' }

// userHosts finds the [user@host] before prompts, remembering the next ]
// and the last @ before it, so that src is read once, however many lines
// start with [.
type userHosts struct {
	close int // index of the next ], or len(src); valid when close > 0
	at    int // index of the last @ before the byte before close, or -1
}

// end returns the end of a [user@host] at src[i], or 0: brackets around
// text, lines included, holding no ] and an @ that is neither first nor
// last.
func (h *userHosts) end(src []byte, i int) int {
	if h.close <= i {
		h.close = indexByte(src, i+1, ']')
		if h.close < 0 {
			h.close = len(src)
		}
		h.at = bytes.LastIndexByte(src[i+1:max(i+1, h.close-1)], '@')
		if h.at >= 0 {
			h.at += i + 1
		}
	}
	k := h.close
	if k == len(src) || h.at < i+2 || h.at > k-2 {
		return 0
	}
	return k + 1
}

// scanDiff writes a diff as chroma's diff lexer does, line by line, each
// with its newline: added lines (+, and "> " of a normal diff) as gi,
// removed ones (-, "< ") as gd, hunk headers (@, and 1,2c3 of a normal
// diff) as gu, lines starting with index, Index, diff or = as gh, and
// "!" lines and "---" alone as gs. A unified diff's "--- a/file" and
// "+++ b/file" are gd and gi too.
func scanDiff(w *writer, src []byte) {
	n := len(src)
	for i := 0; i < n; {
		end := min(lineEnd(src, i)+1, n)
		line := src[i:end]
		var t chroma.TokenType
		switch body := bytes.TrimRight(line, "\r\n"); {
		case at(body, 0, " "):
		case normalHunk(body):
			t = chroma.GenericSubheading
		case string(body) == "---":
			t = chroma.GenericStrong
		case at(body, 0, "< "):
			t = chroma.GenericDeleted
		case at(body, 0, "> "), at(body, 0, "+"):
			t = chroma.GenericInserted
		case at(body, 0, "-"):
			t = chroma.GenericDeleted
		case at(body, 0, "!"):
			t = chroma.GenericStrong
		case at(body, 0, "@"):
			t = chroma.GenericSubheading
		case at(body, 0, "index"), at(body, 0, "Index"), at(body, 0, "diff"), at(body, 0, "="):
			t = chroma.GenericHeading
		}
		if t != 0 {
			w.token(t, line)
		} else {
			w.plain(line)
		}
		i = end
	}
}

// normalHunk reports whether a line is a hunk header of a normal diff:
// a line number or range, a, c or d, and another.
func normalHunk(line []byte) bool {
	i := lineRange(line, 0)
	if i == 0 || i == len(line) || (line[i] != 'a' && line[i] != 'c' && line[i] != 'd') {
		return false
	}
	return lineRange(line, i+1) == len(line)
}

// lineRange returns the end of the line number, or pair of them joined by
// a comma, at line[i], or 0 when none starts there.
func lineRange(line []byte, i int) int {
	j := digits0(line, i)
	if j == i {
		return 0
	}
	if at(line, j, ",") {
		if k := digits0(line, j+1); k > j+1 {
			return k
		}
	}
	return j
}
